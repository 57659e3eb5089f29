/*
 * rotateCredentials(Map config): the scheduled credential rotation (see rotateCredentials.txt). Without
 * `tenants` it is one `tenantctl rotate --all` call: every ACTIVE/DEGRADED tenant whose credentials are older
 * than `olderThanDays` (default: the controller's CREDENTIAL_MAX_AGE_DAYS); with `tenants`, one `tenantctl
 * rotate <slug>` call each. The engine proves every new credential before it revokes the old one and keeps a
 * working credential when a rotation fails; one tenant that fails does not stop the others. The JUnit XML is
 * published, the HTML page (stylesheet beside it) and the JSON archived.
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
            stage('Rotate') {
                steps {
                    script { rotateAll(cfg) }
                }
            }
        }
        post {
            always {
                junit(testResults: "${cfg.reportsDir}/*.xml", allowEmptyResults: true)
                archiveArtifacts(artifacts: "${cfg.reportsDir}/*.json,${cfg.reportsDir}/*.html,${cfg.reportsDir}/*.css",
                        allowEmptyArchive: true)
            }
        }
    }
}

Map configure(Map config) {
    Map defaults = [
        schedule    : 'H 3 1 * *',   // monthly, well inside the 90-day maximum age re-validation warns about
        tenants     : [],            // slugs to rotate; empty = every serving tenant past olderThanDays
        olderThanDays: '',           // with no tenants: rotate credentials older than this; empty = CREDENTIAL_MAX_AGE_DAYS
        parallel    : '1',           // with no tenants: how many tenants rotate at a time (1-64)
        only        : '',            // subset of db,redis,s3,jwt; empty = all four
        tenantctl   : 'tenantctl',   // the CLI on the agent (bin/tenantctl of a checkout, or on PATH)
        credentials : [:],           // environment variable → "Secret text" credentials ID
        reportsDir  : 'reports/rotation',
        buildsToKeep: '30',
    ]
    List problems = configProblems(defaults, config ?: [:])
    if (problems) {
        error("rotateCredentials: ${problems.join('; ')}")
    }
    Map cfg = defaults + (config ?: [:])
    cfg.buildsToKeep = cfg.buildsToKeep.toString()
    cfg.olderThanDays = cfg.olderThanDays.toString()
    cfg.parallel = cfg.parallel.toString()
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
    if (!(cfg.tenants instanceof List)) {
        problems << 'tenants must be a list of tenant slugs (empty: every serving tenant past olderThanDays)'
    } else {
        List bad = cfg.tenants.findAll { !(it.toString() ==~ /[a-z][a-z0-9-]{1,30}[a-z0-9]/) }
        if (bad) {
            problems << "tenants ${bad} are not slugs (^[a-z][a-z0-9-]{1,30}[a-z0-9]\$)"
        }
    }
    if (!(cfg.olderThanDays.toString() ==~ /[0-9]{0,5}/)) {
        problems << "olderThanDays '${cfg.olderThanDays}' must be a whole number of days (or empty)"
    } else if (cfg.olderThanDays.toString() && cfg.tenants instanceof List && !cfg.tenants.isEmpty()) {
        problems << 'olderThanDays goes with an empty tenants list (named tenants are rotated whatever their age)'
    }
    if (!(cfg.parallel.toString() ==~ /[1-9]|[1-5][0-9]|6[0-4]/)) {
        problems << "parallel '${cfg.parallel}' must be a whole number 1-64"
    } else if (cfg.parallel.toString() != '1' && cfg.tenants instanceof List && !cfg.tenants.isEmpty()) {
        problems << 'parallel goes with an empty tenants list (named tenants are rotated one after the other)'
    }
    if (!(cfg.only.toString() ==~ /((db|redis|s3|jwt)(,(db|redis|s3|jwt))*)?/)) {
        problems << "only '${cfg.only}' must be a comma-separated subset of db,redis,s3,jwt"
    }
    String dir = cfg.reportsDir.toString()
    if (!(dir ==~ /[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*/) || dir.split('/').contains('..')) {
        problems << "reportsDir '${dir}' must be a relative folder inside the workspace"
    }
    if (!(cfg.tenantctl.toString() ==~ /[A-Za-z0-9._\/-]+/)) {
        problems << "tenantctl '${cfg.tenantctl}' must be a plain path (letters, digits, . _ / -)"
    }
    return problems
}

/**
 * Exit codes of `tenantctl rotate`: 0 rotated; 1 a credential failed to rotate but the tenant kept a
 * working one, or a tenant was not rotated (another run held it, Terraform owns the credential): the build
 * turns UNSTABLE and the reports say which and why; anything else (2 bad input or a tenant not serving)
 * fails the build after every tenant was tried.
 */
def rotateAll(Map cfg) {
    Map codes = [:]
    String only = cfg.only ? " --only ${cfg.only}" : ''
    sh(script: "mkdir -p '${cfg.reportsDir}'")
    withTenantCredentials(cfg.credentials) {
        if (cfg.tenants.isEmpty()) {
            String olderThan = cfg.olderThanDays ? " --older-than ${cfg.olderThanDays}" : ''
            String parallel = cfg.parallel == '1' ? '' : " --parallel ${cfg.parallel}"
            codes['--all'] = sh(script: rotateCommand(cfg, '--all' + olderThan + parallel + only, 'rotation'),
                    returnStatus: true)
        } else {
            // an index loop: a list's iterator is not serializable program state under CPS
            for (int i = 0; i < cfg.tenants.size(); i++) {
                String slug = cfg.tenants[i].toString()
                codes[slug] = sh(script: rotateCommand(cfg, slug + only, slug), returnStatus: true)
            }
        }
    }
    List failed = failedOf(codes)
    List kept = keptOf(codes)
    if (failed) {
        error("tenantctl rotate failed for ${failed.join(', ')}")
    } else if (kept) {
        unstable("Some credentials were not rotated (each kept a working one; see the reports): ${kept.join(', ')}")
    } else {
        echo "Rotated the credentials of ${cfg.tenants.isEmpty() ? 'every tenant that was due' : codes.size() + ' tenant(s)'}"
    }
    return codes
}

/** Calls whose exit was neither 0 nor 1; outside CPS (map entries are not serializable program state). */
@NonCPS
List failedOf(Map codes) {
    return codes.findAll { it.value != 0 && it.value != 1 }.collect { "${it.key} (exit ${it.value})".toString() }
}

/** Calls that exited 1: a credential kept its working value, or a tenant was not rotated. */
@NonCPS
List keptOf(Map codes) {
    return codes.findAll { it.value == 1 }.collect { it.key.toString() }
}

/** One `tenantctl rotate` writing its JUnit XML, HTML page (stylesheet beside: Jenkins' CSP) and JSON. */
String rotateCommand(Map cfg, String target, String name) {
    String reports = "${cfg.reportsDir}/${name}"
    return "${cfg.tenantctl} rotate ${target} --junit '${reports}.xml' --html '${reports}.html' --stylesheet-beside" +
            " --json > '${reports}.json'"
}
