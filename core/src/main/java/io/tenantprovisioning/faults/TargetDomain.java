package io.tenantprovisioning.faults;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@link FaultPoint.Site}'s target may name. Every domain also takes {@value FaultPoint#ANY}
 * (any target); targets outside the domain are rejected, so a typo cannot arm a point that never fires.
 */
public enum TargetDomain {

    /** {@link ResourceKind#stepName()}s: {@code postgres}, {@code redis}, ... */
    RESOURCE_KIND("a resource kind", Arrays.stream(ResourceKind.values()).map(ResourceKind::stepName).toList()),

    /** The OpenTofu/Terraform CLI subcommands (the word after the binary and its global options). */
    TERRAFORM_COMMAND("a Terraform subcommand", List.of("init", "validate", "plan", "apply", "destroy", "show",
            "output", "workspace", "state", "import", "refresh", "force-unlock", "providers", "get", "graph",
            "console", "fmt", "login", "logout", "metadata", "taint", "untaint", "test", "version")),

    /** {@link TenantState} names, the state being moved to; accepted in any case, dashes for underscores. */
    TENANT_STATE("a tenant state", Arrays.stream(TenantState.values()).map(Enum::name).toList()),

    /** Sites whose calls concern no single target (e.g. deleting every secret of a tenant). */
    NONE("a target of this site (only '*' is)", List.of());

    private final String description;
    private final List<String> targets;

    TargetDomain(String description, List<String> targets) {
        this.description = description;
        this.targets = targets;
    }

    /** The target names besides {@value FaultPoint#ANY}, in their canonical spelling. */
    public List<String> targets() {
        return targets;
    }

    /** "a resource kind", for messages. */
    public String description() {
        return description;
    }

    /** The canonical spelling of {@code text} in this domain; empty when it names nothing here. */
    public Optional<String> canonical(String text) {
        if (FaultPoint.ANY.equals(text)) {
            return Optional.of(FaultPoint.ANY);
        }
        String candidate = this == TENANT_STATE ? text.toUpperCase(Locale.ROOT).replace('-', '_') : text;
        return targets.contains(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /** "*, postgres, redis, ...": every valid target, for messages. */
    public String listing() {
        return targets.isEmpty() ? FaultPoint.ANY : FaultPoint.ANY + ", " + String.join(", ", targets);
    }
}
