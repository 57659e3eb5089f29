package io.tenantprovisioning.jenkins;

import java.util.Map;
import java.util.regex.Pattern;

/** Who and which build a request comes from, read from the standard Jenkins build variables. */
record BuildIdentity(String requester, String idempotencyKey) {

    private static final Pattern KEY_CHARS = Pattern.compile("[^A-Za-z0-9._:-]");

    /**
     * The requester defaults to the build ({@code BUILD_TAG}); the idempotency key is the build tag
     * made key-safe, so replaying the same build returns the first submission. A tag too long to be
     * a key is not cut short: the request then simply has no key.
     */
    static BuildIdentity of(Map<String, String> env) {
        String tag = env.getOrDefault("BUILD_TAG", "");
        String requester = tag.isBlank() ? "jenkins" : "jenkins:" + tag;
        String key = KEY_CHARS.matcher(tag).replaceAll("-");
        return new BuildIdentity(requester, key.length() >= 8 && key.length() <= 128 ? key : null);
    }
}
