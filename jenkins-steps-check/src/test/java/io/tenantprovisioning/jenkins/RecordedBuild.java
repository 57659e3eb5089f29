package io.tenantprovisioning.jenkins;

import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.Job;
import hudson.model.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;

/**
 * A build as Jenkins records it, for the steps' tests: who started it (its user cause, absent for a
 * timer) and who answered its inputs (one {@link ApproverAction} per Proceed, as pipeline-input-step
 * adds for the authenticated user). Pipeline code never writes these; a test plays Jenkins.
 */
public final class RecordedBuild extends Run<RecordedBuild.NoJob, RecordedBuild> {

    private final String startedBy;
    private final List<ApproverAction> answers = new CopyOnWriteArrayList<>();

    private RecordedBuild(String startedBy) throws IOException {
        super(null);
        this.startedBy = startedBy;
    }

    /** A build a user started from the UI or the API. */
    public static RecordedBuild startedBy(String userId) {
        return create(userId);
    }

    /** A build no person started (a timer, an SCM change, an upstream build). */
    public static RecordedBuild startedByTimer() {
        return create(null);
    }

    /** What Jenkins records when {@code userId}, authenticated, presses Proceed on an input of this build. */
    public RecordedBuild inputAnsweredBy(String userId) {
        answers.add(new ApproverAction(userId));
        return this;
    }

    @Override
    public <T extends Cause> T getCause(Class<T> type) {
        if (startedBy != null && type.isAssignableFrom(Cause.UserIdCause.class)) {
            return type.cast(new Cause.UserIdCause(startedBy));
        }
        return null;
    }

    @Override
    public <T extends Action> List<T> getActions(Class<T> type) {
        return answers.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static RecordedBuild create(String startedBy) {
        try {
            return new RecordedBuild(startedBy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Run's type parameters need a job type; the steps never look at the job. */
    public abstract static class NoJob extends Job<NoJob, RecordedBuild> {
    }
}
