package io.tenantprovisioning.vars

import com.lesfurets.jenkins.unit.BasePipelineTest
import org.junit.Before

/**
 * The shared library under JenkinsPipelineUnit with every step it calls registered as a recorded
 * fake: the plugin's tenant steps (with canned answers a test can replace, acting on a {@link FakeTenant}
 * that moves by core's lifecycle rules), input, timeout, lock, withCredentials, junit, archiveArtifacts,
 * sh. Tests assert on the recorded calls.
 *
 * A subclass that answers true to {@link #cps()} runs the same tests with the library compiled as Jenkins
 * compiles it (groovy-cps) and its program state saved and restored at every step
 * ({@link SerializingCpsHelper}); the fakes call the closures they are given through the helper, so a
 * body runs where the step runs it, in either mode.
 */
abstract class LibraryTestBase extends BasePipelineTest {

    RecordedRunWrapper currentBuild
    DeclarativeFake declarative
    /** The tenant the fake steps move; null when a test installs the real steps (the engine keeps the state). */
    FakeTenant tenant = new FakeTenant()
    Set<String> workspaceFiles = [] as Set

    /** True: the CPS-compiled library with its state serialized at every step. */
    boolean cps() {
        return false
    }

    /** Who started the build, as currentBuild.getBuildCauses reports it. */
    void setBuildCauses(List<Map> causes) {
        currentBuild.causes = causes
    }

    List<Map> getBuildCauses() {
        return currentBuild.causes
    }

    /** Canned answers of the tenant steps; a test replaces an entry to change one answer. */
    Map<String, Closure> tenantSteps = [
        approveBudget     : { Map a -> autoApproved() },
        recordApproval    : { Map a -> [requestId: a.requestId, slug: 'acme-corp', state: 'PENDING_APPROVAL', stillPending: []] },
        terraformProvision: { Map a -> ['postgres.schema': 't_acme_corp'] },
        validateTenant    : { Map a ->
            workspaceFiles << a.junit.toString() << a.html.toString()
            [slug: a.tenant, passed: true, checksPassed: 8, checksTotal: 8, blockingFailures: [], junit: a.junit, html: a.html]
        },
        activateTenant    : { Map a -> 'ACTIVE' },
        rollbackTenant    : { Map a -> [slug: a.tenant, state: 'ROLLED_BACK', complete: true, compensationErrors: [], survivors: []] },
    ]

    /** Answers of input by id (ApproveCFO, ...): a closure returning [APPROVER:, COMMENT:] or throwing. */
    Map<String, Closure> inputAnswers = [:]

    @Before
    @Override
    void setUp() throws Exception {
        if (cps()) {
            helper = new SerializingCpsHelper()
        }
        super.setUp()
        currentBuild = new RecordedRunWrapper(causes: [[userId: 'alice']])
        binding.setVariable('currentBuild', currentBuild)
        binding.setVariable('env', [BUILD_NUMBER: '7', BUILD_TAG: 'jenkins-tenants-provision-7'])
        binding.setVariable('any', 'any')
        binding.setVariable('none', 'none')
        declarative = new DeclarativeFake(currentBuild, helper)
        declarative.register()

        tenantSteps.keySet().each { String name ->
            // Strings, as structs binds a step's arguments (Groovy under CPS may hand over GStrings)
            helper.registerAllowedMethod(name, [Map]) { Map args ->
                tenant == null ? tenantSteps[name].call(args) : tenant.perform(name, plain(args) as Map, tenantSteps[name])
            }
        }
        helper.registerAllowedMethod('input', [Map]) { Map m ->
            Closure answer = inputAnswers[m.id]
            if (answer == null) {
                throw new AssertionError("unexpected input ${m.id}")
            }
            return answer.call(m)
        }
        helper.registerAllowedMethod('timeout', [Map, Closure]) { Map m, Closure body -> helper.callClosure(body) }
        helper.registerAllowedMethod('lock', [Map, Closure]) { Map m, Closure body -> helper.callClosure(body) }
        helper.registerAllowedMethod('withCredentials', [List, Closure]) { List bindings, Closure body -> helper.callClosure(body) }
        helper.registerAllowedMethod('withTenantCredentials', [Map, Closure]) { Map credentials, Closure body -> helper.callClosure(body) }
        helper.registerAllowedMethod('libraryResource', [String]) { String path ->
            URL url = getClass().getResource('/' + path)
            assert url != null: "library resource ${path} not found"
            return url.text
        }
        helper.registerAllowedMethod('fileExists', [String]) { String path -> workspaceFiles.contains(path.toString()) }
        helper.registerAllowedMethod('junit', [Map]) { Map m -> }
        helper.registerAllowedMethod('archiveArtifacts', [Map]) { Map m -> }
        helper.registerAllowedMethod('buildDiscarder', [Object]) { }
        helper.registerAllowedMethod('logRotator', [Map]) { }
        helper.registerAllowedMethod('disableConcurrentBuilds', []) { }
        helper.registerAllowedMethod('unstable', [String]) { String message -> declarative.worsen('UNSTABLE') }
        helper.registerAllowedMethod('error', [String]) { String message -> throw new StepFailure(message) }
    }

    static Map autoApproved() {
        return [requestId: 'req-1', slug: 'acme-corp', autoApproved: true, route: [], monthlyCost: 25000L, state: 'APPROVED']
    }

    static Map needing(List<String> groups) {
        List route = groups.collect { [group: it, reason: "${it} reason".toString(), submitters: "tenant-approvers-${it.toLowerCase()}".toString()] }
        return [requestId: 'req-1', slug: 'acme-corp', autoApproved: false, route: route, monthlyCost: 1500000L,
                state: 'PENDING_APPROVAL']
    }

    /** The first argument of every recorded call of a step, in order; GStrings as the Strings Jenkins passes on. */
    List argsOf(String name) {
        return helper.callStack.findAll { it.methodName == name }.collect { plain(it.args.length > 0 ? it.args[0] : null) }
    }

    static Object plain(Object value) {
        if (value instanceof GString) {
            return value.toString()
        }
        if (value instanceof Map) {
            return value.collectEntries { k, v -> [(plain(k)): plain(v)] }
        }
        if (value instanceof List) {
            return value.collect { plain(it) }
        }
        return value
    }

    int count(String name) {
        return helper.callStack.count { it.methodName == name } as int
    }

    Map params(Map overrides = [:]) {
        return [TENANT_NAME: 'Acme Corp', TIER: 'Gold', REGION: 'ap-south-1', BUDGET: '800000',
                OWNER_EMAIL: 'owner@acme.example', DATA_CLASSIFICATION: 'INTERNAL', JURISDICTION: 'NONE',
                CROSS_BORDER: false, COST_CENTER: '', ENGINE: 'terraform'] + overrides
    }
}
