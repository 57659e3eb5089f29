package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TagRewrite;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.TerraformCreated;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The object-store resource of a tenant: a bucket on the backend OBJECT_STORE selects (filesystem or s3).
 * Everything is created at once (bucket, lock-down, tags, user, policy, key); there is nothing to configure.
 */
public final class ObjectStoreDriver implements ResourceDriver, AutoCloseable {

    private final ObjectStoreBackend backend;

    public ObjectStoreDriver(ObjectStoreBackend backend) {
        this.backend = backend;
    }

    /** The backend named by OBJECT_STORE; a clear error for any other value. */
    public static ObjectStoreDriver fromSettings(Settings settings, OwnershipMarker marker) {
        String choice = settings.string(Setting.OBJECT_STORE).trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case FilesystemBackend.NAME:
                return new ObjectStoreDriver(FilesystemBackend.fromSettings(settings, marker));
            case S3Backend.NAME:
                return new ObjectStoreDriver(S3Backend.fromSettings(settings, marker));
            default:
                throw new ConfigurationException("OBJECT_STORE must be '" + FilesystemBackend.NAME + "' or '"
                        + S3Backend.NAME + "', got '" + choice + "'");
        }
    }

    public ObjectStoreBackend backend() {
        return backend;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.OBJECT_STORE;
    }

    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        return backend.create(spec);
    }

    @Override
    public CreatedResource adopt(TenantResourceSpec spec, TerraformCreated terraform) throws ResourceException {
        return backend.adopt(spec, terraform);
    }

    @Override
    public void rewriteTags(TenantResourceSpec spec, TagRewrite rewrite) throws ResourceException {
        backend.rewriteTags(spec, rewrite);
    }

    @Override
    public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
        return backend.describe(slug);
    }

    @Override
    public List<String> occupants(Slug slug) throws ResourceException {
        return backend.occupants(slug);
    }

    @Override
    public void destroy(Slug slug) throws ResourceException {
        backend.destroy(slug);
    }

    @Override
    public List<ManagedResource> listManaged() throws ResourceException {
        return backend.listManaged();
    }

    @Override
    public void close() {
        backend.close();
    }
}
