package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code s3} backend for production: the state of workspace {@code t-<slug>} lives at
 * {@code s3://<bucket>/<keyPrefix>/t-<slug>/terraform.tfstate}. Locking uses an S3 lock file
 * ({@code use_lockfile}, OpenTofu ≥1.10 / Terraform ≥1.10), which records the holder, so lock errors
 * name it and {@code force-unlock} works. Credentials come from the usual AWS environment or profile
 * of the process (add them with {@link TerraformProcessRunner#withSecretEnvironment}).
 *
 * @param endpoint S3 endpoint override (e.g. a local S3-compatible server), or "" for AWS
 */
public record S3Backend(String bucket, String keyPrefix, String region, String endpoint) implements BackendConfig {

    public S3Backend {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.startsWith("/") || keyPrefix.endsWith("/")) {
            throw new IllegalArgumentException("s3 backend key prefix '" + keyPrefix
                    + "' must be non-empty without a leading or trailing '/'");
        }
        endpoint = Objects.requireNonNullElse(endpoint, "");
    }

    @Override
    public String type() {
        return "s3";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("bucket", bucket);
        s.put("key", "terraform.tfstate");
        s.put("workspace_key_prefix", keyPrefix);
        s.put("region", region);
        s.put("encrypt", true);
        s.put("use_lockfile", true);
        if (!endpoint.isEmpty()) {
            // An S3-compatible server: path-style addressing, and no calls to AWS STS/EC2 metadata.
            s.put("endpoints", Map.of("s3", endpoint));
            s.put("use_path_style", true);
            s.put("skip_credentials_validation", true);
            s.put("skip_requesting_account_id", true);
            s.put("skip_metadata_api_check", true);
        }
        return s;
    }

    @Override
    public Map<String, Secret> secretEnvironment() {
        return Map.of();
    }

    @Override
    public List<Secret> masked() {
        return List.of();
    }

    @Override
    public LockInspector lockInspector() {
        return LockInspector.recordedBy("s3");
    }
}
