/*
 * updateTenant(Map config): change a serving tenant (see updateTenant.txt).
 *
 * Request the change (requestTenantChange: plan + route computed from the change), ask each approver group
 * on the route with the same approval loop as provisionTenant (provisionTenant.runApprovals: input with
 * submitter/submitterParameter inside a timeout, recordApproval on the change's request id), then apply it
 * (applyTenantChange: in place, re-validated, the previous configuration restored on failure) and publish
 * the re-validation's reports. A serving tenant is never rolled back: a failed change restores itself.
 */

def call(Map config = [:]) {
    Map cfg = configure(config)
    Map run = [:]

    pipeline {
        agent none
        options {
            buildDiscarder(logRotator(numToKeepStr: cfg.buildsToKeep))
        }
        parameters {
            string(name: 'TENANT', defaultValue: '', trim: true, description: 'Slug of the ACTIVE (or DEGRADED) tenant to change')
            choice(name: 'TIER', choices: keep() + ['Gold', 'Silver', 'Bronze'], description: 'An upgrade to Gold needs the CTO')
            string(name: 'BUDGET', defaultValue: '', trim: true, description: 'Whole rupees; crossing ₹10 lakh needs the CFO (blank: keep)')
            choice(name: 'DATA_CLASSIFICATION', choices: keep() + ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'PII', 'PHI'], description: 'A move to PII/PHI needs Legal and Compliance')
            choice(name: 'JURISDICTION', choices: keep() + ['NONE', 'GDPR', 'DPDPA', 'HIPAA', 'PCI_DSS'], description: 'Legal regime of the data')
            choice(name: 'CROSS_BORDER', choices: keep() + ['true', 'false'], description: 'A new cross-border transfer needs the DPO')
            string(name: 'COST_CENTER', defaultValue: '', trim: true, description: 'Chargeback cost center (blank: keep)')
            string(name: 'OWNER_EMAIL', defaultValue: '', trim: true, description: 'Who owns the tenant (blank: keep)')
        }
        stages {
            stage('Change') {
                steps {
                    script { run.change = requestChange(params, cfg) }
                }
            }
            stage('Approval') {
                when { expression { !run.change.autoApproved } }
                steps {
                    script { provisionTenant.runApprovals(run.change, cfg) }
                }
            }
            stage('Apply') {
                agent any
                steps {
                    script { applyChange(run, cfg) }
                }
                post {
                    always { script { publishReports(run, cfg) } }
                }
            }
        }
    }
}

/** The choice that keeps a value as it is (first, so a build started without changes changes nothing). */
@NonCPS
List keep() {
    return ['(keep)']
}

/** The caller's settings over the defaults; an unknown key is a mistake, not something to ignore. */
Map configure(Map config) {
    Map defaults = [
        approverGroups     : [:],
        approvalTimeout    : 3,
        approvalTimeoutUnit: 'DAYS',
        credentials        : [:],
        reportsDir         : 'reports',
        buildsToKeep       : '100',
    ]
    List unknown = (config ?: [:]).keySet().findAll { !defaults.containsKey(it) } as List
    if (unknown) {
        error("updateTenant: unknown setting(s) ${unknown}; known: ${defaults.keySet()}")
    }
    Map cfg = defaults + (config ?: [:])
    cfg.buildsToKeep = cfg.buildsToKeep.toString()
    return cfg
}

/** Records the change (only the parameters given) and names the build after it. */
Map requestChange(Map p, Map cfg) {
    if (!p.TENANT) {
        error('updateTenant: TENANT (the slug of the tenant to change) is required')
    }
    Map args = [tenant: p.TENANT, approverGroups: provisionTenant.approverEntries(cfg.approverGroups)]
    [tier: p.TIER, budget: p.BUDGET, classification: p.DATA_CLASSIFICATION, jurisdiction: p.JURISDICTION,
     costCenter: p.COST_CENTER, ownerEmail: p.OWNER_EMAIL].each { String key, value ->
        if (value && !keep().contains(value)) {
            args[key] = value
        }
    }
    if (p.CROSS_BORDER in ['true', 'false']) {
        args.crossBorder = p.CROSS_BORDER == 'true'
    }
    Map change = null
    withTenantCredentials(cfg.credentials) {
        change = requestTenantChange(args)
    }
    currentBuild.displayName = "#${env.BUILD_NUMBER} ${change.slug} v${change.version}"
    currentBuild.description = "${change.changes.join(', ')}: ₹${change.monthlyCostBefore} → ₹${change.monthlyCost}/month, " +
            (change.autoApproved ? 'auto-approved' : "approval by ${change.route.collect { it.group }.join(', ')}")
    return change
}

/** Applies the approved change, one build per tenant at a time. */
def applyChange(Map run, Map cfg) {
    String slug = run.change.slug
    lock(resource: "tenant-${slug}") {
        withTenantCredentials(cfg.credentials) {
            run.applied = applyTenantChange(tenant: slug, junit: reportPath(cfg, slug, 'xml'),
                    html: reportPath(cfg, slug, 'html'))
        }
    }
    echo "Tenant ${slug} serves on configuration v${run.applied.version}"
}

/** The re-validation's JUnit results and HTML report, whether the change held or was undone. */
def publishReports(Map run, Map cfg) {
    if (!run.change?.slug) {
        return
    }
    junit(testResults: reportPath(cfg, run.change.slug, 'xml'), allowEmptyResults: true)
    String html = reportPath(cfg, run.change.slug, 'html')
    if (fileExists(html)) {
        archiveArtifacts(artifacts: html, allowEmptyArchive: true)
    }
}

String reportPath(Map cfg, String slug, String extension) {
    return "${cfg.reportsDir}/tenant-update-${slug}.${extension}"
}
