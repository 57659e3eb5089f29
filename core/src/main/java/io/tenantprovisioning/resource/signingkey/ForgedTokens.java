package io.tenantprovisioning.resource.signingkey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Attacker-style variants of a genuine token, for proving that verification refuses them: a payload
 * altered after signing, and the same claims re-sent unsigned with {@code alg=none}.
 */
public final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** The token with its expiry pushed a year out in the payload, keeping the original signature. */
    public static String tampered(String token) {
        String[] parts = split(token);
        ObjectNode payload = json(parts[1]);
        long exp = payload.path("exp").asLong(0);
        payload.put("exp", exp + Duration.ofDays(365).toSeconds());
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** The token's claims under a header {@code {"alg":"none"}} with an empty signature. */
    public static String unsigned(String token) {
        String[] parts = split(token);
        ObjectNode header = json(parts[0]);
        header.put("alg", "none");
        return encode(header) + "." + parts[1] + ".";
    }

    private static String[] split(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a signed JWT (expected 3 parts, got " + parts.length + ")");
        }
        return parts;
    }

    private static ObjectNode json(String part) {
        try {
            return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("token part is not base64url JSON");
        }
    }

    private static String encode(ObjectNode node) {
        return ENCODER.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }
}
