package hudson.model;

import java.util.List;

/* Compile-only stub: the real signature of the one member the steps use (the real class extends AbstractModelObject). */
public abstract class Actionable {

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("stub: a build's actions come from a running Jenkins");
    }
}
