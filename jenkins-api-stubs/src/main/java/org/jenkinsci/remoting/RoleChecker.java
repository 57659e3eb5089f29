package org.jenkinsci.remoting;

import java.util.Collection;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public abstract class RoleChecker {
    public abstract void check(RoleSensitive subject, Collection<Role> expected) throws SecurityException;
}
