package hudson.model;

import java.io.Serializable;
import jenkins.security.stapler.StaplerAccessibleType;
import org.kohsuke.stapler.export.ExportedBean;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
@ExportedBean(defaultVisibility = 3)
@StaplerAccessibleType
public abstract class ParameterValue implements Serializable {

    private static final long serialVersionUID = 1L;

    protected ParameterValue(String name) {
    }
}
