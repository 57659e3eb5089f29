package io.tenantprovisioning.faults;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A typed place where a fault can be injected: a {@link Site} (which call, and before or after it) and a
 * target within it (a resource kind, a Terraform subcommand, a tenant state, or {@value #ANY}).
 * Text form {@code site:target}, e.g. {@code driver-destroy:redis} or {@code process-launch:apply}.
 *
 * <p>Armed points may use {@value #ANY}; reached points name their concrete target, or {@value #ANY} when
 * the call concerns no single one, which only an armed {@value #ANY} matches.
 */
public record FaultPoint(Site site, String target) {

    /** The target that matches every target of its site. */
    public static final String ANY = "*";

    /** Where in a decorated call the plan is reached. */
    public enum Site {
        /** Before a driver creates its resource. */
        DRIVER_CREATE(TargetDomain.RESOURCE_KIND),
        /** After a driver created its resource: it exists, yet the caller sees a failure. */
        DRIVER_AFTER_CREATE(TargetDomain.RESOURCE_KIND),
        /** Before a driver configures its resource: created, never configured. */
        DRIVER_CONFIGURE(TargetDomain.RESOURCE_KIND),
        DRIVER_DESCRIBE(TargetDomain.RESOURCE_KIND),
        /** Before a driver destroys: inside a compensation (rollback, offboarding, sweep). */
        DRIVER_DESTROY(TargetDomain.RESOURCE_KIND),
        /** After a driver destroyed: a retried compensation must find nothing left and succeed. */
        DRIVER_AFTER_DESTROY(TargetDomain.RESOURCE_KIND),
        DRIVER_LIST(TargetDomain.RESOURCE_KIND),
        /** Before the intent row is written: nothing journalled, nothing created. */
        JOURNAL_INTEND(TargetDomain.RESOURCE_KIND),
        /** Before the entry is marked created: the resource exists behind an intent-only row. */
        JOURNAL_CREATED(TargetDomain.RESOURCE_KIND),
        /** Vault sites target the kind prefixing the secret's name ({@code postgres.password}). */
        VAULT_PUT(TargetDomain.RESOURCE_KIND),
        VAULT_READ(TargetDomain.RESOURCE_KIND),
        VAULT_DELETE(TargetDomain.RESOURCE_KIND),
        VAULT_DELETE_ALL(TargetDomain.NONE),
        /** Before a Terraform process starts; the target is its subcommand. */
        PROCESS_LAUNCH(TargetDomain.TERRAFORM_COMMAND),
        /** Before a tenant moves to the target state. */
        LIFECYCLE_TRANSITION(TargetDomain.TENANT_STATE);

        private final TargetDomain targets;

        Site(TargetDomain targets) {
            this.targets = targets;
        }

        public TargetDomain targets() {
            return targets;
        }

        /** {@code driver-after-create}: the spelling in specs. */
        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The site spelled exactly {@code text}; empty otherwise (no prefixes, no case folding). */
        public static Optional<Site> fromText(String text) {
            return Arrays.stream(values()).filter(s -> s.text().equals(text)).findFirst();
        }

        /** Every site's text, for messages. */
        public static String listing() {
            return Arrays.stream(values()).map(Site::text).collect(Collectors.joining(", "));
        }
    }

    /** Rejects a target outside the site's domain; stores the canonical spelling. */
    public FaultPoint {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(target, "target");
        target = canonicalTarget(site, target);
    }

    public static FaultPoint of(Site site, ResourceKind kind) {
        return new FaultPoint(site, kind.stepName());
    }

    public static FaultPoint of(Site site, TenantState state) {
        return new FaultPoint(site, state.name());
    }

    public static FaultPoint anyTarget(Site site) {
        return new FaultPoint(site, ANY);
    }

    /** Parses {@code site:target}; throws {@link InvalidFaultSpecException} saying what is wrong and what is valid. */
    public static FaultPoint parse(String text) {
        String point = text == null ? "" : text.trim();
        int colon = point.indexOf(':');
        if (colon < 0) {
            throw new InvalidFaultSpecException("fault point '" + point + "' must be <site>:<target> ('" + ANY
                    + "' for any target); valid sites: " + Site.listing());
        }
        String siteText = point.substring(0, colon).trim();
        Site site = Site.fromText(siteText).orElseThrow(() -> new InvalidFaultSpecException(
                "unknown fault site '" + siteText + "' in '" + point + "'; valid sites: " + Site.listing()));
        return new FaultPoint(site, point.substring(colon + 1).trim());
    }

    /** True when this point names no single target. */
    public boolean wildcard() {
        return ANY.equals(target);
    }

    /** Whether this (armed) point fires at {@code reached}: same site, and any target or the same one. */
    public boolean matches(FaultPoint reached) {
        return site == reached.site && (wildcard() || target.equals(reached.target));
    }

    @Override
    public String toString() {
        return site.text() + ":" + target;
    }

    private static String canonicalTarget(Site site, String target) {
        TargetDomain domain = site.targets();
        if (target.isBlank()) {
            throw new InvalidFaultSpecException("fault point " + site.text() + " has no target; valid targets: "
                    + domain.listing());
        }
        return domain.canonical(target).orElseThrow(() -> new InvalidFaultSpecException("'" + target + "' is not "
                + domain.description() + " for " + site.text() + "; valid targets: " + domain.listing()));
    }
}
