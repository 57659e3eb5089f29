package hudson.model;

/* Compile-only stub: real signature (the real one extends ModelObject, whose getDisplayName it repeats here). */
public interface Action {

    String getIconFileName();

    String getDisplayName();

    String getUrlName();
}
