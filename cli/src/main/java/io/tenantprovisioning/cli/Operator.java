package io.tenantprovisioning.cli;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.IdentitySource;
import java.util.Map;

/**
 * Who runs tenantctl, taken from the environment the operator authenticated in: TENANTCTL_OPERATOR
 * when the session that authenticated them (a bastion, an SSO wrapper, a CI runner's login) sets it,
 * else the OS account the process runs under. A flag that names a person ({@code --as},
 * {@code --requested-by}) may only confirm that identity, never replace it: a typed name is not an
 * authentication. The audit records which of the two sources the identity came from.
 */
record Operator(Actor actor) {

    /** Read from the process environment only: not from .env or the config file, which anyone may write. */
    static final String VARIABLE = "TENANTCTL_OPERATOR";

    static Operator from(Map<String, String> environment, String osAccount) {
        String named = environment.get(VARIABLE);
        if (named != null && !named.isBlank()) {
            return new Operator(new Actor(named, IdentitySource.CLI_OPERATOR_VARIABLE));
        }
        if (osAccount == null || osAccount.isBlank()) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "cannot tell who runs tenantctl: " + VARIABLE
                    + " is not set and the OS account has no name");
        }
        return new Operator(new Actor(osAccount, IdentitySource.CLI_OS_USER));
    }

    /** The operator, once a flag that names someone ({@code option}) is checked to name them; absent is fine. */
    Actor confirmedBy(String option, String named) {
        if (named == null || named.isBlank() || actor.isSamePersonAs(named)) {
            return actor;
        }
        throw new CliFailure(ExitCode.INVALID_INPUT, option + " '" + named.trim() + "' is not who runs this command: "
                + "the operator is " + actor.describe() + ". tenantctl takes the identity from the environment you "
                + "authenticated in (" + VARIABLE + ", else the OS account); " + option + " may only confirm it");
    }
}
