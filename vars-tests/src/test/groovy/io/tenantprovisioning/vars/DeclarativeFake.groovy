package io.tenantprovisioning.vars

import com.lesfurets.jenkins.unit.PipelineTestHelper

/**
 * A small stand-in for Declarative Pipeline, enough to run a library's pipeline {} end to end:
 * stages in order (a failed stage stops the rest), `when { expression {} }`, stage and pipeline
 * `post` conditions in Declarative's fixed order (always, aborted, success, unsuccessful, unstable,
 * failure, cleanup) against the result so far, and build results that only get worse. Options and
 * triggers are recorded, not interpreted. JenkinsPipelineUnit 1.1 has no Declarative support.
 */
class DeclarativeFake {

    static final List<String> RESULTS = ['SUCCESS', 'UNSTABLE', 'FAILURE', 'NOT_BUILT', 'ABORTED']
    static final List<String> POST_ORDER = ['always', 'aborted', 'success', 'unsuccessful', 'unstable', 'failure', 'cleanup']

    final RecordedRunWrapper currentBuild
    final PipelineTestHelper helper
    final List<String> stagesRun = []
    final List<String> stagesSkipped = []
    final List<String> postRun = []
    final List<String> postErrors = []
    final Map<String, Map> parameters = [:]
    final List<String> crons = []
    Throwable buildError

    private Map current
    private Map postTarget
    private boolean collectingParameters

    DeclarativeFake(RecordedRunWrapper currentBuild, PipelineTestHelper helper) {
        this.currentBuild = currentBuild
        this.helper = helper
    }

    /** Runs a pipeline closure where the step runs it (under CPS, through the helper's interpreter). */
    private Object run(Closure c) {
        return helper.callClosure(c)
    }

    void register() {
        helper.registerAllowedMethod('pipeline', [Closure]) { Closure body -> runPipeline(body) }
        helper.registerAllowedMethod('agent', [Object]) { }
        helper.registerAllowedMethod('agent', [Closure]) { }
        helper.registerAllowedMethod('options', [Closure]) { }
        helper.registerAllowedMethod('triggers', [Closure]) { Closure c -> run(c) }
        helper.registerAllowedMethod('cron', [String]) { String spec -> crons << spec }
        helper.registerAllowedMethod('parameters', [Closure]) { Closure c ->
            collectingParameters = true
            try { run(c) } finally { collectingParameters = false }
        }
        helper.registerAllowedMethod('choice', [Map]) { Map m -> parameters[m.name] = m + [type: 'choice'] }
        helper.registerAllowedMethod('booleanParam', [Map]) { Map m -> parameters[m.name] = m + [type: 'boolean'] }
        // `string` is a parameter here, a credentials binding or an input parameter elsewhere
        helper.registerAllowedMethod('string', [Map]) { Map m ->
            if (collectingParameters) {
                parameters[m.name] = m + [type: 'string']
            }
            return m
        }
        helper.registerAllowedMethod('stages', [Closure]) { Closure c -> current.stages = c }
        helper.registerAllowedMethod('stage', [String, Closure]) { String name, Closure c -> runStage(name, c) }
        helper.registerAllowedMethod('when', [Closure]) { Closure c -> run(c) }
        helper.registerAllowedMethod('expression', [Closure]) { Closure c -> current.expression = c }
        helper.registerAllowedMethod('steps', [Closure]) { Closure c -> current.steps = c }
        helper.registerAllowedMethod('script', [Closure]) { Closure c -> run(c) }
        helper.registerAllowedMethod('post', [Closure]) { Closure c ->
            postTarget = current.post = [:]
            run(c)
        }
        POST_ORDER.each { String condition ->
            helper.registerAllowedMethod(condition, [Closure]) { Closure c -> postTarget[condition] = c }
        }
    }

    String result() {
        return currentBuild.result ?: 'SUCCESS'
    }

    void worsen(String result) {
        if (RESULTS.indexOf(result) > RESULTS.indexOf(this.result())) {
            currentBuild.result = result
        }
    }

    static String resultOf(Throwable e) {
        return e instanceof FlowInterruptedException ? e.result : 'FAILURE'
    }

    private void runPipeline(Closure body) {
        Map model = [:]
        current = model
        run(body)
        current = null
        try {
            if (model.stages != null) {
                run(model.stages)
            }
        } catch (Throwable e) {
            buildError = e
            worsen(resultOf(e))
        }
        runPost('pipeline', model.post ?: [:], { result() })
    }

    private void runStage(String name, Closure body) {
        Map previous = current
        Map stage = [:]
        current = stage
        run(body)
        current = previous
        if (stage.expression != null && !run(stage.expression)) {
            stagesSkipped << name
            return
        }
        stagesRun << name
        Throwable failure = null
        try {
            if (stage.steps != null) {
                run(stage.steps)
            }
        } catch (Throwable e) {
            failure = e
        }
        String stageResult = failure ? resultOf(failure) : result()
        Throwable postFailure = runPost(name, stage.post ?: [:], { stageResult })
        if (failure ?: postFailure) {
            throw failure ?: postFailure
        }
    }

    /** Runs the matching conditions; an error is logged, makes the build FAILURE, and later conditions still run. */
    private Throwable runPost(String where, Map post, Closure<String> resultNow) {
        Throwable first = null
        POST_ORDER.each { String condition ->
            Closure block = post[condition]
            if (block != null && matches(condition, resultNow())) {
                postRun << "${where}:${condition}".toString()
                try {
                    run(block)
                } catch (Throwable e) {
                    postErrors << "${where}:${condition}: ${e.message}".toString()
                    worsen('FAILURE')
                    first = first ?: e
                }
            }
        }
        return first
    }

    private static boolean matches(String condition, String result) {
        switch (condition) {
            case 'always': case 'cleanup': return true
            case 'aborted': return result == 'ABORTED'
            case 'success': return result == 'SUCCESS'
            case 'unsuccessful': return result != 'SUCCESS'
            case 'unstable': return result == 'UNSTABLE'
            case 'failure': return result == 'FAILURE'
            default: return false
        }
    }
}
