package io.tenantprovisioning.jenkins;

import hudson.model.Cause;
import hudson.model.Run;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;

/**
 * What Jenkins itself recorded about a build, as opposed to what a pipeline passes to a step: who
 * started it (the user cause) and who answered its inputs (the {@link ApproverAction} that
 * pipeline-input-step adds for the authenticated user on every Proceed). A sandboxed pipeline script
 * cannot write either.
 */
final class JenkinsRecord {

    private JenkinsRecord() {
    }

    /** The user who started the build; empty for a timer, an SCM change, another build, or no build. */
    static Optional<String> startedBy(Run<?, ?> run) {
        if (run == null) {
            return Optional.empty();
        }
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        return Optional.ofNullable(cause).map(Cause.UserIdCause::getUserId).filter(id -> !id.isBlank());
    }

    /** The users Jenkins authenticated when they answered an input of this build, in answer order. */
    static List<String> inputSubmitters(Run<?, ?> run) {
        if (run == null) {
            return List.of();
        }
        return run.getActions(ApproverAction.class).stream().map(ApproverAction::getUserId)
                .filter(id -> id != null && !id.isBlank()).toList();
    }
}
