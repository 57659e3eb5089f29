package io.tenantprovisioning.vars

import io.tenantprovisioning.jenkins.ActivateTenantStep
import io.tenantprovisioning.jenkins.ApproveBudgetStep
import io.tenantprovisioning.jenkins.GroupApprovers
import io.tenantprovisioning.jenkins.LocalBuild
import io.tenantprovisioning.jenkins.RecordApprovalStep
import io.tenantprovisioning.jenkins.RollbackTenantStep
import io.tenantprovisioning.jenkins.TerraformProvisionStep
import io.tenantprovisioning.jenkins.ValidateTenantStep
import org.jenkinsci.plugins.workflow.steps.Step

/**
 * The plugin's real tenant steps as pipeline steps. Each call builds the Step the way Jenkins binds
 * named arguments and runs it in a {@link LocalBuild}, so the step opens core's engine from the build's
 * environment and works on the real services; a failed step throws, as the call in a pipeline does.
 * Every call's outcome is recorded, because the pipeline swallows some failures (post conditions).
 */
class RealTenantSteps {

    /** Each step's class and @DataBoundConstructor parameters; every other argument goes to a @DataBoundSetter. */
    static final Map<String, List> STEPS = [
        approveBudget     : [ApproveBudgetStep, ['tenantName', 'tier', 'region', 'budget', 'ownerEmail']],
        recordApproval    : [RecordApprovalStep, ['requestId', 'group', 'approver', 'decision']],
        terraformProvision: [TerraformProvisionStep, ['requestId']],
        validateTenant    : [ValidateTenantStep, ['tenant']],
        activateTenant    : [ActivateTenantStep, ['tenant']],
        rollbackTenant    : [RollbackTenantStep, ['tenant']],
    ]

    final LocalBuild build
    /** Extra environment for every call of one step, as a withEnv around it would give (TENANTCTL_FAIL_AT, say). */
    final Map<String, Map<String, String>> stepEnv = [:]
    /** [step:, value:, failure: message or null] per call, in call order. */
    final List<Map> outcomes = []

    RealTenantSteps(LocalBuild build) {
        this.build = build
    }

    /** Step name → closure, for LibraryTestBase.tenantSteps. */
    Map<String, Closure> asPipelineSteps() {
        return STEPS.keySet().collectEntries { String name -> [(name): { Map args -> runStep(name, args) }] }
    }

    Object runStep(String name, Map args) {
        try {
            Step step = bind(STEPS[name][0] as Class, STEPS[name][1] as List<String>, args)
            Object value = build.run(step, stepEnv[name] ?: [:])
            outcomes << [step: name, value: value, failure: null]
            return value
        } catch (Exception e) {
            outcomes << [step: name, value: null, failure: e.message ?: e.class.simpleName]
            throw e
        }
    }

    List<String> failedSteps() {
        return outcomes.findAll { it.failure != null }.collect { it.step }
    }

    /** The values the step returned, one per successful call. */
    List valuesOf(String name) {
        return outcomes.findAll { it.step == name && it.failure == null }.collect { it.value }
    }

    String describeOutcomes() {
        return outcomes.collect { it.failure != null ? "${it.step} FAILED: ${it.failure}" : "${it.step} ok" }.join('\n')
    }

    /**
     * Like Jenkins: the constructor's arguments by name, then a setter per remaining argument (an
     * unknown argument fails, as Jenkins refuses it), Strings rather than the GStrings Groovy builds.
     */
    static Step bind(Class type, List<String> constructorArgs, Map args) {
        Map plain = LibraryTestBase.plain(args) as Map
        // a list of maps becomes the @DataBoundConstructor objects the argument's type holds, as structs does
        if (plain.approverGroups instanceof List) {
            plain.approverGroups = plain.approverGroups.collect { Map e -> new GroupApprovers(e.group as String, e.submitters as String) }
        }
        Step step = type.newInstance(constructorArgs.collect { plain[it] } as Object[]) as Step
        (plain.keySet() - constructorArgs).each { String key -> step."${key}" = plain[key] }
        return step
    }
}
