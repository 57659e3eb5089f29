package jenkins.model;

import hudson.model.BallColor;
import hudson.model.BuildBadgeAction;
import hudson.model.ModelObject;
import hudson.model.ParameterValue;
import hudson.model.Result;
import java.util.Calendar;
import java.util.List;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface HistoricalBuild extends ModelObject {
    int getNumber();

    String getUrl();

    String getDescription();

    String getFullDisplayName();

    long getQueueId();

    Result getResult();

    List<ParameterValue> getParameterValues();

    boolean isBuilding();

    BallColor getIconColor();

    Calendar getTimestamp();

    String getDurationString();

    List<BuildBadgeAction> getBadgeActions();
}
