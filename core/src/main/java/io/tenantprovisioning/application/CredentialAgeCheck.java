package io.tenantprovisioning.application;

import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.validation.CheckOutcome;
import io.tenantprovisioning.validation.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Re-validation's look at how old the tenant's credentials are: a warning (never blocking: an old
 * password still works) naming each credential older than CREDENTIAL_MAX_AGE_DAYS, with the command
 * that renews it. Reads only the vault's timestamps, never a secret.
 */
final class CredentialAgeCheck {

    static final String CHECK_ID = "credential-age";

    private final Registry registry;
    private final Duration maxAge;

    CredentialAgeCheck(Registry registry, Duration maxAge) {
        this.registry = registry;
        this.maxAge = maxAge;
    }

    CheckResult run(TenantRecord tenant, Instant now) {
        long start = System.nanoTime();
        List<CredentialAge> ages = CredentialAge.inUse(CredentialAge.of(
                registry.secretStamps().of(List.of(tenant.slug())).get(tenant.slug().value()), now));
        List<CredentialAge> old = ages.stream().filter(a -> a.age().compareTo(maxAge) > 0).toList();
        CheckOutcome outcome;
        if (old.isEmpty()) {
            outcome = new CheckOutcome.Passed(ages.size() + " credentials, each younger than " + maxAge.toDays()
                    + " days", ages.size() + " credentials");
        } else {
            outcome = new CheckOutcome.Warning(old.size() + " credential" + (old.size() == 1 ? " is" : "s are")
                    + " older than " + maxAge.toDays() + " days (CREDENTIAL_MAX_AGE_DAYS): " + String.join(", ",
                    old.stream().map(a -> a.name() + " " + a.age().toDays() + " d").toList())
                    + "; run `tenantctl rotate " + tenant.slug() + "`", old.size() + " too old");
        }
        return new CheckResult(CHECK_ID, "Credential age", false, outcome, Duration.ofNanos(System.nanoTime() - start));
    }
}
