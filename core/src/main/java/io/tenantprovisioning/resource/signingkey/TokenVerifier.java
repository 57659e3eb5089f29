package io.tenantprovisioning.resource.signingkey;

import io.tenantprovisioning.request.Slug;
import javax.crypto.SecretKey;

/** Decides whether a bearer token was issued for {@code expectedTenant} with its key, and is still valid. */
@FunctionalInterface
public interface TokenVerifier {

    TokenVerification verify(String token, Slug expectedTenant, SecretKey key);
}
