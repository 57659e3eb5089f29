package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.IdentitySource;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who and which build a request comes from: the user Jenkins recorded as starting the build (its
 * user cause), else the build itself; and an idempotency key from the standard build variables.
 * Neither comes from a step argument, so a pipeline cannot name someone else as the requester.
 */
record BuildIdentity(String requester, IdentitySource requesterSource, String idempotencyKey) {

    private static final Pattern KEY_CHARS = Pattern.compile("[^A-Za-z0-9._:-]");

    /** A build no person started (a timer, an SCM change, another build). */
    static BuildIdentity of(Map<String, String> env) {
        return of(env, Optional.empty());
    }

    /**
     * The requester is the user who started the build, or else the build ({@code BUILD_TAG}); the
     * idempotency key is the build tag made key-safe, so replaying the same build returns the first
     * submission. A tag too long to be a key is not cut short: the request then simply has no key.
     */
    static BuildIdentity of(Map<String, String> env, Optional<String> startedBy) {
        String tag = env.getOrDefault("BUILD_TAG", "");
        String key = KEY_CHARS.matcher(tag).replaceAll("-");
        String safeKey = key.length() >= 8 && key.length() <= 128 ? key : null;
        if (startedBy.isPresent()) {
            return new BuildIdentity(startedBy.get(), IdentitySource.JENKINS_BUILD_USER, safeKey);
        }
        return new BuildIdentity(tag.isBlank() ? "jenkins" : "jenkins:" + tag, IdentitySource.JENKINS_BUILD, safeKey);
    }

    Actor requesterActor() {
        return new Actor(requester, requesterSource);
    }

    boolean startedByAPerson() {
        return requesterSource == IdentitySource.JENKINS_BUILD_USER;
    }
}
