package io.tenantprovisioning.jenkins;

import hudson.model.Action;
import hudson.model.BallColor;
import hudson.model.BuildBadgeAction;
import hudson.model.Cause;
import hudson.model.Job;
import hudson.model.ParameterValue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.search.Search;
import hudson.search.SearchIndex;
import hudson.security.ACL;
import java.io.File;
import java.util.Calendar;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;

/**
 * A build as Jenkins records it, for the steps' tests: who started it (its user cause, absent for a
 * timer) and who answered its inputs (one {@link ApproverAction} per Proceed, as pipeline-input-step
 * adds for the authenticated user). Pipeline code never writes these; a test plays Jenkins.
 */
public final class RecordedBuild extends Run<RecordedBuild.NoJob, RecordedBuild> {

    private final String startedBy;
    private final String jobFullName;
    private final int number;
    private final List<ApproverAction> answers = new CopyOnWriteArrayList<>();

    private RecordedBuild(String startedBy, String jobFullName, int number, long scheduledAt) {
        super(null, scheduledAt);
        this.startedBy = startedBy;
        this.jobFullName = jobFullName;
        this.number = number;
    }

    /** A build a user started from the UI or the API, of a job of its own (so no other test's build replays it). */
    public static RecordedBuild startedBy(String userId) {
        return create(userId);
    }

    /** A build no person started (a timer, an SCM change, an upstream build), of a job of its own. */
    public static RecordedBuild startedByTimer() {
        return create(null);
    }

    /**
     * Build {@code number} of the job {@code jobFullName}, scheduled at {@code scheduledAt} (epoch ms), started by
     * {@code startedBy} (null: by a timer). Two such builds with the same name and number are what Jenkins has
     * after a job is deleted and created again.
     */
    public static RecordedBuild of(String jobFullName, int number, long scheduledAt, String startedBy) {
        return new RecordedBuild(startedBy, jobFullName, number, scheduledAt);
    }

    /** As upstream Run: the job's full name, "#", the build number. */
    @Override
    public String getExternalizableId() {
        return jobFullName + "#" + number;
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

    /*
     * The rest of what a Run is upstream (Run and AbstractModelObject implement these there; the copies carry
     * only their shape): nothing the steps ask of a build, so none of it is played here.
     */

    @Override
    public int compareTo(RecordedBuild other) {
        throw notPlayed();
    }

    @Override
    public String getDisplayName() {
        throw notPlayed();
    }

    @Override
    public String getSearchName() {
        throw notPlayed();
    }

    @Override
    public String getSearchUrl() {
        throw notPlayed();
    }

    @Override
    public SearchIndex getSearchIndex() {
        throw notPlayed();
    }

    @Override
    public Search getSearch() {
        throw notPlayed();
    }

    @Override
    public ACL getACL() {
        throw notPlayed();
    }

    @Override
    public File getRootDir() {
        throw notPlayed();
    }

    @Override
    public void save() {
        throw notPlayed();
    }

    @Override
    public Object getTarget() {
        throw notPlayed();
    }

    @Override
    public int getNumber() {
        return number;
    }

    @Override
    public String getUrl() {
        throw notPlayed();
    }

    @Override
    public String getDescription() {
        throw notPlayed();
    }

    @Override
    public String getFullDisplayName() {
        throw notPlayed();
    }

    @Override
    public long getQueueId() {
        throw notPlayed();
    }

    @Override
    public Result getResult() {
        throw notPlayed();
    }

    @Override
    public List<ParameterValue> getParameterValues() {
        throw notPlayed();
    }

    @Override
    public boolean isBuilding() {
        throw notPlayed();
    }

    @Override
    public BallColor getIconColor() {
        throw notPlayed();
    }

    @Override
    public Calendar getTimestamp() {
        throw notPlayed();
    }

    @Override
    public String getDurationString() {
        throw notPlayed();
    }

    @Override
    public List<BuildBadgeAction> getBadgeActions() {
        throw notPlayed();
    }

    @Override
    public String getConsoleUrl() {
        throw notPlayed();
    }

    private static UnsupportedOperationException notPlayed() {
        return new UnsupportedOperationException("RecordedBuild plays who started the build and who answered"
                + " its inputs, nothing else");
    }

    private static RecordedBuild create(String startedBy) {
        return of("tests/build-" + UUID.randomUUID(), 1, System.currentTimeMillis(), startedBy);
    }

    /** Run's type parameters need a job type; the steps never look at the job. */
    public abstract static class NoJob extends Job<NoJob, RecordedBuild> {

        private NoJob() {
            super(null, null);
        }
    }
}
