/*
 * rotateCredentials(Map config): the scheduled credential rotation of the tenants named in `tenants`
 * (see rotateCredentials.txt). Each tenant is one `tenantctl rotate` call: the engine proves every new
 * credential before it revokes the old one and keeps a working credential when a rotation fails. Each
 * tenant's JSON result is archived; one tenant that fails does not stop the others.
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
                archiveArtifacts(artifacts: "${cfg.reportsDir}/*.json", allowEmptyArchive: true)
            }
        }
    }
}

Map configure(Map config) {
    Map defaults = [
        schedule    : 'H 3 1 * *',   // monthly, well inside the 90-day maximum age re-validation warns about
        tenants     : [],            // slugs to rotate
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
    if (!(cfg.tenants instanceof List) || cfg.tenants.isEmpty()) {
        problems << 'tenants must name at least one tenant slug'
    } else {
        List bad = cfg.tenants.findAll { !(it.toString() ==~ /[a-z][a-z0-9-]{1,30}[a-z0-9]/) }
        if (bad) {
            problems << "tenants ${bad} are not slugs (^[a-z][a-z0-9-]{1,30}[a-z0-9]\$)"
        }
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
 * working one (the build turns UNSTABLE, the JSON says which and why); anything else (2 bad input or a
 * tenant not serving, 4 another run holds the tenant) fails the build after every tenant was tried.
 */
def rotateAll(Map cfg) {
    Map codes = [:]
    String only = cfg.only ? " --only ${cfg.only}" : ''
    sh(script: "mkdir -p '${cfg.reportsDir}'")
    withTenantCredentials(cfg.credentials) {
        for (String slug : cfg.tenants) {
            String command = "${cfg.tenantctl} rotate ${slug}${only} --json > '${cfg.reportsDir}/${slug}.json'"
            codes[slug] = sh(script: command, returnStatus: true)
        }
    }
    List failed = codes.findAll { it.value != 0 && it.value != 1 }.collect { "${it.key} (exit ${it.value})" }
    List kept = codes.findAll { it.value == 1 }.collect { it.key }
    if (failed) {
        error("tenantctl rotate failed for ${failed.join(', ')}")
    } else if (kept) {
        unstable("Some credentials were not rotated (each kept a working one): ${kept.join(', ')}")
    } else {
        echo "Rotated the credentials of ${codes.size()} tenant(s)"
    }
    return codes
}
