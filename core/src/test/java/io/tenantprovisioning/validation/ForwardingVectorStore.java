package io.tenantprovisioning.validation;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.vector.NamespaceDescription;
import io.tenantprovisioning.resource.vector.VectorDocument;
import io.tenantprovisioning.resource.vector.VectorHit;
import io.tenantprovisioning.resource.vector.VectorStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real store behind a wrapper that tests override to break one property on purpose. */
class ForwardingVectorStore implements VectorStore {

    protected final VectorStore delegate;

    ForwardingVectorStore(VectorStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public String backend() {
        return delegate.backend();
    }

    @Override
    public int dimensions() {
        return delegate.dimensions();
    }

    @Override
    public void createNamespace(Slug slug, Map<String, String> tags) throws ResourceException {
        delegate.createNamespace(slug, tags);
    }

    @Override
    public void dropNamespace(Slug slug) throws ResourceException {
        delegate.dropNamespace(slug);
    }

    @Override
    public Optional<NamespaceDescription> describe(Slug slug) throws ResourceException {
        return delegate.describe(slug);
    }

    @Override
    public List<NamespaceDescription> listNamespaces() throws ResourceException {
        return delegate.listNamespaces();
    }

    @Override
    public void upsert(Slug slug, List<VectorDocument> documents) throws ResourceException {
        delegate.upsert(slug, documents);
    }

    @Override
    public void delete(Slug slug, List<String> ids) throws ResourceException {
        delegate.delete(slug, ids);
    }

    @Override
    public List<VectorHit> query(Slug caller, String namespace, float[] vector, int k) throws ResourceException {
        return delegate.query(caller, namespace, vector, k);
    }
}
