package io.tenantprovisioning.jenkins;

import hudson.model.Run;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.IdentitySource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who and which build a request comes from: the user Jenkins recorded as starting the build (its
 * user cause), else the build itself; and an idempotency key unique to this one build. Both come
 * from the {@link Run} Jenkins keeps, never from a step argument or the build's environment, so a
 * pipeline cannot name someone else as the requester.
 */
record BuildIdentity(String requester, IdentitySource requesterSource, String idempotencyKey) {

    private static final Pattern KEY_CHARS = Pattern.compile("[^A-Za-z0-9._:-]");
    private static final int MAX_KEY = 128;

    /**
     * The requester is the user who started the build, or else the build ({@code jenkins:<job>#<number>}).
     * The key is the build's externalizable id (job full name and number) with the time the build started:
     * BUILD_TAG (job and number alone) comes back when a job is deleted and created again under the same
     * name, and the new build #7 would replay the old build #7's request. The same build asking again (a
     * resumed step) keeps its key and gets its first submission back.
     */
    static BuildIdentity of(Run<?, ?> run) {
        Optional<String> startedBy = JenkinsRecord.startedBy(run);
        if (run == null) {
            return new BuildIdentity("jenkins", IdentitySource.JENKINS_BUILD, null);
        }
        String id = run.getExternalizableId();
        String key = keyOf(id + "@" + run.getStartTimeInMillis());
        if (startedBy.isPresent()) {
            return new BuildIdentity(startedBy.get(), IdentitySource.JENKINS_BUILD_USER, key);
        }
        return new BuildIdentity("jenkins:" + id, IdentitySource.JENKINS_BUILD, key);
    }

    /** The build's id made key-safe; one too long to be a key is not cut short (two could then meet) but hashed. */
    static String keyOf(String buildId) {
        String key = KEY_CHARS.matcher(buildId).replaceAll("-");
        return key.length() <= MAX_KEY ? key : "jenkins-sha256-" + sha256(buildId);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    Actor requesterActor() {
        return new Actor(requester, requesterSource);
    }

    boolean startedByAPerson() {
        return requesterSource == IdentitySource.JENKINS_BUILD_USER;
    }
}
