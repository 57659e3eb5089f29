package io.tenantprovisioning.validation;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A tiny real driver for the cost-tags tests: a tenant's resource is a folder with its tags in a
 * sidecar {@code tags.properties}, read back from disk on every describe.
 */
final class FolderTagDriver implements ResourceDriver {

    private final ResourceKind kind;
    private final Path root;

    FolderTagDriver(ResourceKind kind, Path root) {
        this.kind = kind;
        this.root = root;
    }

    @Override
    public ResourceKind kind() {
        return kind;
    }

    Path tagsFile(Slug slug) {
        return root.resolve(slug.qualifiedName()).resolve("tags.properties");
    }

    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        writeTags(spec.slug(), spec.tags());
        return new CreatedResource(kind, spec.slug().qualifiedName(), tagsFile(spec.slug()).getParent().toString(),
                Map.of(), Map.of());
    }

    void writeTags(Slug slug, Map<String, String> tags) throws ResourceException {
        Properties properties = new Properties();
        properties.putAll(tags);
        try {
            Files.createDirectories(tagsFile(slug).getParent());
            try (Writer out = Files.newBufferedWriter(tagsFile(slug))) {
                properties.store(out, null);
            }
        } catch (IOException e) {
            throw new ResourceException("cannot write tags of " + slug, e);
        }
    }

    @Override
    public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
        Path file = tagsFile(slug);
        if (!Files.isDirectory(file.getParent())) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new ResourceException("cannot read tags of " + slug.qualifiedName() + ": " + e.getMessage(), e);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> tags.put(name, properties.getProperty(name)));
        return Optional.of(new ResourceDescription(kind, slug.qualifiedName(), file.getParent().toString(), tags));
    }

    @Override
    public void destroy(Slug slug) throws ResourceException {
        Path folder = tagsFile(slug).getParent();
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new ResourceException("cannot delete " + folder, e);
        }
    }

    @Override
    public List<ManagedResource> listManaged() throws ResourceException {
        try (Stream<Path> folders = Files.list(root)) {
            return folders.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tenant-"))
                    .map(n -> new ManagedResource(kind, n, n.substring("tenant-".length()))).toList();
        } catch (IOException e) {
            throw new ResourceException("cannot list " + root, e);
        }
    }
}
