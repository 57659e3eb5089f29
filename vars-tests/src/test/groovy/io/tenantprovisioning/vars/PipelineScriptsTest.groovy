package io.tenantprovisioning.vars

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue

import org.junit.Test

/**
 * Static checks of the pipeline scripts (see {@link PipelineScripts}): no @NonCPS method calls a step, and
 * the sandboxed scripts use nothing the script sandbox would stop for approval, as listed with its
 * upstream reason in docs/sandbox-signatures.txt. Each check is also shown failing on a script that
 * breaks its rule.
 */
class PipelineScriptsTest {

    private static final File ROOT = new File('.')
    private static final File SIGNATURES = new File(ROOT, 'docs/sandbox-signatures.txt')

    @Test
    void noNonCpsMethodCallsAStep() {
        List<PipelineScripts.Source> sources = PipelineScripts.all(ROOT)
        assertTrue(sources*.name.toString(), sources.size() >= 6)
        assertEquals([], sources.collectMany { PipelineScripts.nonCpsCallingSteps(it) })
        assertTrue('the library has @NonCPS methods to check',
                PipelineScripts.parse(sources.find { it.name == 'vars/provisionTenant.groovy' }).methods
                        .count { PipelineScripts.isNonCps(it) } >= 5)
    }

    @Test
    void aNonCpsMethodCallingAStepOrACpsMethodIsFound() {
        def source = new PipelineScripts.Source(name: 'bad.groovy', text: '''
            def cps() { echo 'hi' }
            @NonCPS
            List names(Map m) { sh 'ls'; cps(); return m.keySet().collect { helper(it); error('x') } }
            @NonCPS
            String helper(Object o) { return o.toString() }
        ''')
        assertEquals(['bad.groovy: @NonCPS names calls sh, a step or CPS method',
                      'bad.groovy: @NonCPS names calls cps, a step or CPS method',
                      'bad.groovy: @NonCPS names calls error, a step or CPS method'],
                PipelineScripts.nonCpsCallingSteps(source))
    }

    @Test
    void theSandboxedScriptsNeedOnlyWhatTheSignatureListAllows() {
        Map<String, String> allowed = allowedAccesses()
        SortedSet<String> used = new TreeSet<>()
        List<String> unlisted = []
        PipelineScripts.all(ROOT).findAll { it.sandboxed }.each { source ->
            PipelineScripts.sandboxAccesses(source).each { access ->
                used << access
                if (!allowed.containsKey(access)) {
                    unlisted << "${source.name}: ${access}".toString()
                }
            }
        }
        assertEquals('accesses the sandbox would stop, not in docs/sandbox-signatures.txt', [], unlisted)
        assertEquals('entries of docs/sandbox-signatures.txt no script uses any more', [],
                (allowed.keySet() - used) as List)
        assertTrue(SIGNATURES.text.contains('Signatures that need an administrator\'s approval: none.'))
    }

    @Test
    void whatTheSandboxRefusesIsFound() {
        def source = new PipelineScripts.Source(name: 'old-example', sandboxed: true, text: '''
            try {
                input message: 'ok?'
            } catch (org.jenkinsci.plugins.workflow.steps.FlowInterruptedException e) {
                def rejection = e.causes.find { it instanceof Object }
                echo "${rejection?.user?.id}"
                new File('/etc/passwd').text
            }
        ''')
        Set<String> found = PipelineScripts.sandboxAccesses(source)
        assertTrue(found.toString(), found.contains('org.jenkinsci.plugins.workflow.steps.FlowInterruptedException.causes'))
        assertTrue(found.toString(), found.contains('new File'))
        assertTrue(found.toString(), found.contains('unknown:rejection.user'))
        assertTrue(found.toString(), found.every { !allowedAccesses().containsKey(it) || it == 'unknown' })
    }

    /** The list's entries: access | script-security signature | why it needs no approval. */
    private static Map<String, String> allowedAccesses() {
        return SIGNATURES.readLines().findAll { it.trim() && !it.startsWith('#') && it.contains('|') }.collectEntries {
            List<String> fields = it.split(/\|/)*.trim()
            assert fields.size() == 3 && fields.every { f -> f }: "malformed line: ${it}"
            [(fields[0]): fields[1]]
        }
    }
}
