/*
 * provisionTenant(Map config): the whole tenant provisioning pipeline (see provisionTenant.txt).
 *
 * The declarative skeleton below only wires stages to the scripted helpers after it; the decisions
 * (approval loop, rejection and timeout, rollback exactly once, never rolling back an ACTIVE tenant)
 * live in those helpers so the shared library's unit tests can drive them directly.
 */

def call(Map config = [:]) {
    Map cfg = configure(config)
    List tiers = tierChoices(libraryResource('tenant-provisioning/tiers.yaml'))
    List regions = regionChoices(libraryResource('tenant-provisioning/regions.yaml'))
    // What this build has done so far; the post conditions read it to decide about rollback.
    Map run = [provisioningStarted: false, activated: false, rolledBack: false]

    pipeline {
        // No executor is held while approvers take up to days to answer; only Provision needs one.
        agent none
        options {
            buildDiscarder(logRotator(numToKeepStr: cfg.buildsToKeep))
        }
        parameters {
            string(name: 'TENANT_NAME', defaultValue: '', trim: true, description: 'Tenant display name; the slug is derived from it')
            choice(name: 'TIER', choices: tiers, description: 'Service tier (resources/tenant-provisioning/tiers.yaml)')
            choice(name: 'REGION', choices: regions, description: 'Region the tenant lives in')
            string(name: 'BUDGET', defaultValue: '', trim: true, description: 'Monthly budget in whole rupees; ₹10 lakh and above needs the CFO')
            string(name: 'OWNER_EMAIL', defaultValue: '', trim: true, description: 'Who owns the tenant')
            choice(name: 'DATA_CLASSIFICATION', choices: ['INTERNAL', 'PUBLIC', 'CONFIDENTIAL', 'PII', 'PHI'], description: 'PII and PHI need Legal and Compliance')
            choice(name: 'JURISDICTION', choices: ['NONE', 'GDPR', 'DPDPA', 'HIPAA', 'PCI_DSS'], description: 'Legal regime of the data')
            booleanParam(name: 'CROSS_BORDER', defaultValue: false, description: 'Data leaves its jurisdiction (adds the DPO)')
            string(name: 'COST_CENTER', defaultValue: '', trim: true, description: 'Chargeback cost center (default CC_<SLUG>)')
            choice(name: 'ENGINE', choices: engineChoices(cfg.engine), description: 'terraform or direct')
        }
        stages {
            stage('Request') {
                steps {
                    script { run.request = requestTenant(params, cfg) }
                }
            }
            stage('Approval') {
                when { expression { !run.request.autoApproved } }
                steps {
                    script { runApprovals(run.request, cfg) }
                }
            }
            stage('Provision') {
                agent any
                steps {
                    script { provisionAndValidate(run, params.ENGINE, cfg) }
                }
                post {
                    always { script { publishReports(run, cfg) } }
                }
            }
        }
        post {
            failure { script { rollbackOnce(run, cfg, 'the build failed') } }
            aborted { script { rollbackOnce(run, cfg, 'the build was aborted') } }
        }
    }
}

/** The caller's settings over the defaults; an unknown key is a mistake, not something to ignore. */
Map configure(Map config) {
    Map defaults = [
        approverGroups     : [:],        // CFO/CTO/LEGAL/COMPLIANCE/DPO → Jenkins users or groups
        approvalTimeout    : 3,          // how long each approver group has to answer
        approvalTimeoutUnit: 'DAYS',
        engine             : 'terraform', // the ENGINE parameter's default choice
        credentials        : [:],        // environment variable → "Secret text" credentials ID
        reportsDir         : 'reports',
        buildsToKeep       : '100',
    ]
    List problems = configProblems(defaults, config ?: [:])
    if (problems) {
        error("provisionTenant: ${problems.join('; ')}")
    }
    Map cfg = defaults + (config ?: [:])
    cfg.buildsToKeep = cfg.buildsToKeep.toString()
    return cfg
}

/** Everything wrong with the caller's settings, at once. */
@NonCPS
List configProblems(Map defaults, Map config) {
    List problems = []
    List unknown = config.keySet().findAll { !defaults.containsKey(it) } as List
    if (unknown) {
        problems << "unknown setting(s) ${unknown}; known: ${defaults.keySet()}"
    }
    Map cfg = defaults + config
    String dir = cfg.reportsDir.toString()
    if (!(dir ==~ /[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*/) || dir.split('/').contains('..')) {
        problems << "reportsDir '${dir}' must be a relative folder inside the workspace"
    }
    if (!(cfg.approvalTimeout instanceof Integer) || cfg.approvalTimeout < 1) {
        problems << "approvalTimeout must be a whole number >= 1, got '${cfg.approvalTimeout}'"
    }
    if (!(cfg.engine in ['terraform', 'direct'])) {
        problems << "engine must be terraform or direct, got '${cfg.engine}'"
    }
    if (!(cfg.approverGroups instanceof Map) || !(cfg.credentials instanceof Map)) {
        problems << 'approverGroups and credentials must be maps'
    }
    // plain Strings: a GString keeps its values (a Map's key set), which the program state cannot save
    return problems.collect { it.toString() }
}

/** The step's form of approverGroups: one [group:, submitters:] per group (structs cannot describe a Map). */
@NonCPS
List approverEntries(Map groups) {
    return groups.collect { group, submitters -> [group: group.toString(), submitters: submitters.toString()] }
}

/** Records the request (approveBudget) and names the build after the tenant. */
Map requestTenant(Map p, Map cfg) {
    Map args = [tenantName: p.TENANT_NAME, tier: p.TIER, region: p.REGION, budget: p.BUDGET,
                ownerEmail: p.OWNER_EMAIL, classification: p.DATA_CLASSIFICATION, jurisdiction: p.JURISDICTION,
                crossBorder: p.CROSS_BORDER as boolean, approverGroups: approverEntries(cfg.approverGroups)]
    if (p.COST_CENTER) {
        args.costCenter = p.COST_CENTER
    }
    if (p.ENGINE) {
        args.engine = p.ENGINE // the terraform engine saves its plan now: the approvers decide on it
    }
    String user = startedBy()
    if (user) {
        args.requestedBy = user
    }
    Map request = null
    withTenantCredentials(cfg.credentials) {
        request = approveBudget(args)
    }
    currentBuild.displayName = "#${env.BUILD_NUMBER} ${request.slug}"
    currentBuild.description = "${p.TIER} in ${p.REGION}: ₹${request.monthlyCost}/month, " +
            (request.autoApproved ? 'auto-approved' : "approval by ${routeGroups(request.route).join(', ')}")
    return request
}

/**
 * Asks every approver group on the route, in order, through an input step inside a timeout, and
 * records each answer under the user Jenkins authenticated at the input (submitterParameter). A
 * rejection by a member of the group, or a timeout, is recorded as REJECTED and the interruption is
 * rethrown, so the build ends ABORTED before anything is provisioned. An abort by anyone else (an
 * administrator, a user with Job/Cancel) is no decision of the group: nothing is recorded, the build
 * ends ABORTED and the request stays PENDING_APPROVAL for the group to decide (tenantctl approve/reject).
 */
def runApprovals(Map request, Map cfg) {
    if (request.autoApproved) {
        echo "Request ${request.requestId} is auto-approved (₹${request.monthlyCost}/month)"
        return
    }
    // by index: a for-in loop keeps an Iterator in the program state, which only some Jenkins versions can save
    for (int i = 0; i < request.route.size(); i++) {
        Map step = request.route[i]
        Map answer = askApprover(request, step, cfg)
        if (answer.outsider) {
            echo "${step.group}: ${answer.comment} by ${answer.approver}, who is not among its submitters " +
                    "(${step.submitters}); no decision recorded, request ${request.requestId} stays PENDING_APPROVAL"
            throw answer.interruption
        }
        Map decision = [requestId: request.requestId, group: step.group, approver: answer.approver,
                        decision: answer.decision, comment: answer.comment]
        if (request.planSha256) {
            decision.planSha256 = request.planSha256 // refused if the request has another plan by now
        }
        withTenantCredentials(cfg.credentials) {
            recordApproval(decision)
        }
        if (answer.interruption) {
            echo "${step.group}: ${answer.comment}; request ${request.requestId} is REJECTED, nothing was provisioned"
            throw answer.interruption
        }
    }
}

/**
 * One input for one approver group: [decision, approver, comment] and, when it did not approve, the
 * interruption, and whether whoever interrupted it is outside the group (outsider).
 */
Map askApprover(Map request, Map step, Map cfg) {
    String submitters = step.submitters
    try {
        def answer = null
        timeout(time: cfg.approvalTimeout, unit: cfg.approvalTimeoutUnit) {
            answer = input(id: "Approve${step.group}",
                    message: "Approve tenant '${request.slug}' at ₹${request.monthlyCost}/month?\n" +
                            "${step.group} must approve because: ${step.reason}" +
                            (request.planText ? "\n${request.planText}" : ''),
                    ok: 'Approve', submitter: submitters, submitterParameter: 'APPROVER',
                    parameters: [string(name: 'COMMENT', defaultValue: '', trim: true,
                            description: 'Kept in the audit trail. To reject, press Abort.')])
        }
        return [decision: 'APPROVED', approver: answer.APPROVER, comment: answer.COMMENT ?: 'approved in Jenkins']
    } catch (Exception e) {
        Map refusal = describeInterruption(e, "${cfg.approvalTimeout} ${cfg.approvalTimeoutUnit}".toLowerCase())
        if (refusal == null) {
            throw e
        }
        boolean outsider = refusal.byPerson && !answersFor(submitters, refusal.approver, refusal.groups)
        return refusal + [decision: 'REJECTED', interruption: e, outsider: outsider]
    }
}

/**
 * Whether a user may decide for a group: the group's submitter list (the input's `submitter`, comma
 * separated, as configured in approverGroups) names the user or one of the user's Jenkins groups.
 * Compared ignoring case, as Jenkins' default id strategy does. Groups are known only when Jenkins
 * reports them (User#getAuthorities, which needs the build to run with Administer, as by default).
 */
@NonCPS
boolean answersFor(String submitters, String userId, List groups) {
    List listed = (submitters ?: '').split(',').collect { it.trim().toLowerCase() }.findAll { it }
    List who = ([userId] + (groups ?: [])).findAll { it }.collect { it.toString().trim().toLowerCase() }
    return who.any { listed.contains(it) }
}

/** Provision, validate, activate, one build per tenant at a time. */
def provisionAndValidate(Map run, String engine, Map cfg) {
    String slug = run.request.slug
    lock(resource: "tenant-${slug}") {
        withTenantCredentials(cfg.credentials) {
            run.provisioningStarted = true
            run.outputs = terraformProvision(requestId: run.request.requestId, engine: engine)
            run.validation = validateTenant(tenant: slug, junit: reportPath(cfg, slug, 'xml'),
                    html: reportPath(cfg, slug, 'html'))
            run.state = activateTenant(tenant: slug)
            run.activated = true
        }
    }
    echo "Tenant ${slug} is ${run.state}"
}

/**
 * JUnit results and the HTML report, whether validation passed or not. The page links the stylesheet
 * validateTenant writes beside it (Jenkins serves archived files under a CSP that drops inline styles).
 */
def publishReports(Map run, Map cfg) {
    if (!run.request?.slug) {
        return
    }
    junit(testResults: reportPath(cfg, run.request.slug, 'xml'), allowEmptyResults: true)
    String html = reportPath(cfg, run.request.slug, 'html')
    if (fileExists(html)) {
        archiveArtifacts(artifacts: "${html},${cfg.reportsDir}/tenant-report.css", allowEmptyArchive: true)
    }
}

/**
 * Rolls back at most once, only a tenant whose provisioning started and that never became ACTIVE
 * (an ACTIVE tenant is never destroyed by a later failure, e.g. in report publishing).
 */
def rollbackOnce(Map run, Map cfg, String why) {
    if (!run.provisioningStarted) {
        echo "${why}; nothing was provisioned, nothing to roll back"
        return
    }
    if (run.activated || run.rolledBack) {
        echo "${why}; tenant ${run.request.slug} is ${run.activated ? 'ACTIVE' : 'already rolled back'}, no rollback"
        return
    }
    run.rolledBack = true
    echo "${why}; rolling back tenant ${run.request.slug}"
    lock(resource: "tenant-${run.request.slug}") {
        withTenantCredentials(cfg.credentials) {
            rollbackTenant(tenant: run.request.slug)
        }
    }
}

String reportPath(Map cfg, String slug, String extension) {
    return "${cfg.reportsDir}/tenant-validation-${slug}.${extension}"
}

/** The user who started the build, when a person did (not a timer or an upstream build). */
String startedBy() {
    def causes = currentBuild.getBuildCauses('hudson.model.Cause$UserIdCause')
    return causes ? causes[0].userId : null
}

@NonCPS
List routeGroups(List route) {
    return route.collect { it.group }
}

List engineChoices(String preferred) {
    return [preferred] + (['terraform', 'direct'] - [preferred])
}

/** Tier names from the catalog, as "Gold", "Silver", "Bronze" in catalog order. */
@NonCPS
List tierChoices(String yaml) {
    return entriesUnder(yaml, 'tiers').collect { it.toLowerCase().capitalize() }
}

@NonCPS
List regionChoices(String yaml) {
    return entriesUnder(yaml, 'regions')
}

/** The keys indented one level under a top-level key of the catalog YAML (no YAML plugin needed). */
@NonCPS
List entriesUnder(String yaml, String section) {
    List names = []
    boolean inside = false
    yaml.readLines().each { line ->
        if (line ==~ /^[A-Za-z_]+:\s*$/) {
            inside = line.trim() == "${section}:"
        } else if (inside) {
            def m = line =~ /^ {2}([A-Za-z0-9_-]+):/
            if (m.find()) {
                names << m.group(1)
            }
        }
    }
    if (names.isEmpty()) {
        throw new IllegalStateException("no entries under '${section}:' in the catalog")
    }
    return names
}

/**
 * Why an approval wait ended without approval, or null when the exception is not an interruption:
 * [approver, comment, byPerson, groups]. Matched by simple class name so the library needs no
 * Jenkins classes at compile time: FlowInterruptedException with Rejection (input's Abort; its user's
 * groups as Jenkins reports them), ExceededTimeout (timeout: nobody's decision but the deadline's) or
 * UserInterruption (the build was aborted). An interruption without a known user counts as an
 * unknown person's, so it is never taken for the group's decision.
 */
@NonCPS
Map describeInterruption(Throwable e, String timeoutText) {
    if (e.getClass().simpleName != 'FlowInterruptedException') {
        return null
    }
    for (def cause in e.causes) {
        switch (cause.getClass().simpleName) {
            case 'ExceededTimeout':
                return [approver: 'timeout', comment: "no answer within ${timeoutText}", byPerson: false, groups: []]
            case 'Rejection':
                return [approver: cause.user?.id ?: 'unknown', comment: 'rejected in Jenkins', byPerson: true,
                        groups: (cause.user?.authorities ?: []) as List]
            case 'UserInterruption':
                return [approver: cause.userId ?: 'unknown', comment: 'build aborted while waiting for approval',
                        byPerson: true, groups: []]
        }
    }
    return [approver: 'unknown', comment: 'interrupted while waiting for approval', byPerson: true, groups: []]
}
