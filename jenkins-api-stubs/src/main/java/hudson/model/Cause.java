package hudson.model;

/* Compile-only stub of the Jenkins type of the same name: real signatures, see ../README.md. */
public abstract class Cause {

    public abstract String getShortDescription();

    /** A build started by a user; the real constructor with a user id exists since Jenkins 2.96. */
    public static class UserIdCause extends Cause {

        private final String userId;

        public UserIdCause(String userId) {
            this.userId = userId;
        }

        public String getUserId() {
            return userId;
        }

        @Override
        public String getShortDescription() {
            return "Started by user " + userId;
        }
    }
}
