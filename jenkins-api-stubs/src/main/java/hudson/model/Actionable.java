package hudson.model;

import java.util.List;
import jenkins.model.ModelObjectWithContextMenu;
import org.kohsuke.stapler.export.ExportedBean;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt: its supertypes and the one member the steps use. */
@ExportedBean
public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("copy: a build's actions come from a running Jenkins");
    }
}
