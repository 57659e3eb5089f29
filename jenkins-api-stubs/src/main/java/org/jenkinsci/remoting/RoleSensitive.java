package org.jenkinsci.remoting;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
