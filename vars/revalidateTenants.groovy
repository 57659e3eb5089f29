/*
 * revalidateTenants(Map config): the scheduled re-validation of every ACTIVE/DEGRADED tenant (see
 * revalidateTenants.txt). The work is one `tenantctl revalidate` call: the engine runs the suite with
 * bounded parallelism, moves tenants to DEGRADED and back to ACTIVE, notifies only on change and
 * writes one JUnit suite per tenant, which this pipeline publishes, with the fleet page
 * (`tenantctl report --html`) as an artifact.
 */

def call(Map config = [:]) {
    Map cfg = configure(config)
    pipeline {
        agent any
        triggers {
            cron(cfg.schedule)
        }
        options {
            disableConcurrentBuilds()
            buildDiscarder(logRotator(numToKeepStr: cfg.buildsToKeep))
        }
        stages {
            stage('Re-validate') {
                steps {
                    script { revalidate(cfg) }
                }
            }
        }
        post {
            always {
                junit(testResults: "${cfg.reportsDir}/*.xml", allowEmptyResults: true)
                script { publishFleetReport(cfg) }
            }
        }
    }
}

Map configure(Map config) {
    Map defaults = [
        schedule    : 'H 2 * * *',   // nightly, at a time Jenkins spreads per job
        parallel    : 4,             // tenants validated at once
        tenantctl   : 'tenantctl',   // the CLI on the agent (bin/tenantctl of a checkout, or on PATH)
        credentials : [:],           // environment variable → "Secret text" credentials ID
        reportsDir  : 'reports/revalidation',
        buildsToKeep: '30',
    ]
    List problems = configProblems(defaults, config ?: [:])
    if (problems) {
        error("revalidateTenants: ${problems.join('; ')}")
    }
    Map cfg = defaults + (config ?: [:])
    cfg.buildsToKeep = cfg.buildsToKeep.toString()
    return cfg
}

/** Values end up in a shell command line, so each is held to a strict shape. */
@NonCPS
List configProblems(Map defaults, Map config) {
    List problems = []
    List unknown = config.keySet().findAll { !defaults.containsKey(it) } as List
    if (unknown) {
        problems << "unknown setting(s) ${unknown}; known: ${defaults.keySet()}"
    }
    Map cfg = defaults + config
    if (!(cfg.parallel instanceof Integer) || cfg.parallel < 1 || cfg.parallel > 64) {
        problems << "parallel must be a whole number from 1 to 64, got '${cfg.parallel}'"
    }
    String dir = cfg.reportsDir.toString()
    if (!(dir ==~ /[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*/) || dir.split('/').contains('..')) {
        problems << "reportsDir '${dir}' must be a relative folder inside the workspace"
    }
    if (!(cfg.tenantctl.toString() ==~ /[A-Za-z0-9._\/-]+/)) {
        problems << "tenantctl '${cfg.tenantctl}' must be a plain path (letters, digits, . _ / -)"
    }
    // plain Strings: a GString keeps its values (a Map's key set), which the program state cannot save
    return problems.collect { it.toString() }
}

/**
 * Exit codes of `tenantctl revalidate`: 0 every tenant healthy; 1 at least one tenant DEGRADED
 * (the build turns UNSTABLE, the JUnit report says which check); anything else the run itself
 * failed (the build fails).
 */
def revalidate(Map cfg) {
    String command = "${cfg.tenantctl} revalidate --all --parallel ${cfg.parallel} --junit '${cfg.reportsDir}'"
    // the workspace outlives builds: a tenant offboarded since the last run would still show its old suite
    sh(script: "rm -f -- '${cfg.reportsDir}'/tenant-*.xml", label: 'clear the previous run\'s JUnit files')
    int status = 0
    withTenantCredentials(cfg.credentials) {
        status = sh(script: command, returnStatus: true)
    }
    if (status == 0) {
        echo 'Every active tenant passed its critical checks'
    } else if (status == 1) {
        unstable('At least one tenant is DEGRADED; the platform team was notified of the change')
    } else {
        error("tenantctl revalidate failed with exit code ${status}")
    }
    return status
}

/**
 * The fleet page, archived whatever the re-validation's outcome: it shows the states the run left.
 * A page that cannot be written makes the build UNSTABLE; it never hides the re-validation's result.
 */
def publishFleetReport(Map cfg) {
    String page = "${cfg.reportsDir}/fleet-report.html"
    int status = 0
    withTenantCredentials(cfg.credentials) {
        // the stylesheet beside the page: Jenkins serves archived files under a CSP that drops inline styles
        status = sh(script: "${cfg.tenantctl} report --html '${page}' --stylesheet-beside", returnStatus: true)
    }
    if (status == 0) {
        archiveArtifacts(artifacts: "${page},${cfg.reportsDir}/tenant-report.css", allowEmptyArchive: false)
    } else {
        unstable("tenantctl report failed with exit code ${status}; this build has no fleet page")
    }
    return status
}
