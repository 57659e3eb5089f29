package hudson.security;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt: the type only (no member is abstract upstream). */
public abstract class ACL {
}
