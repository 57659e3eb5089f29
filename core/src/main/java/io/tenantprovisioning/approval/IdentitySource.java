package io.tenantprovisioning.approval;

/**
 * Where the platform learned who acted. Recorded with every request and decision and in their audit
 * rows, so a reader can weigh an identity: an input submitter was authenticated by Jenkins, a name
 * stated through the Java API was vouched for by nobody.
 */
public enum IdentitySource {
    /** The OS account tenantctl runs under (the JVM's user.name, read from the account, not from $USER). */
    CLI_OS_USER("cli:os-user"),
    /** TENANTCTL_OPERATOR in tenantctl's process environment, set by whatever authenticated the operator. */
    CLI_OPERATOR_VARIABLE("cli:TENANTCTL_OPERATOR"),
    /** The Jenkins user who started the build (the build's user cause). */
    JENKINS_BUILD_USER("jenkins:build-user"),
    /** No person started the build (timer, SCM, upstream): the build itself asks. */
    JENKINS_BUILD("jenkins:build"),
    /** The user Jenkins authenticated when they answered the build's input (its ApproverAction). */
    JENKINS_INPUT_SUBMITTER("jenkins:input-submitter"),
    /** A rejection the pipeline reports (an Abort, a timeout); the step cannot check who it names. */
    JENKINS_PIPELINE_REJECTION("jenkins:pipeline-rejection"),
    /** The demo's scripted approvers and requester. */
    DEMO("demo:scripted"),
    /** A name a caller of the Java API stated (tests, embedding); nothing vouches for it. */
    STATED("stated");

    private final String label;

    IdentitySource(String label) {
        this.label = label;
    }

    /** How the source is written in the registry and the audit log, e.g. "cli:os-user". */
    public String label() {
        return label;
    }
}
