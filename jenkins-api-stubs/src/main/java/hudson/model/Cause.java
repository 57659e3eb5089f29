package hudson.model;

import org.kohsuke.stapler.export.ExportedBean;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt: the members the steps use. */
@ExportedBean
public abstract class Cause {

    public abstract String getShortDescription();

    /** A build started by a user; it keeps the user ID it is given, as upstream's does. */
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
