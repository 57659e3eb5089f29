package hudson.model;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (upstream's one member is a default). */
public interface DescriptorByNameOwner extends ModelObject {
}
