package io.tenantprovisioning.resource.postgres;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.IsolationProbeRef;
import io.tenantprovisioning.resource.ResourceKindModule;
import io.tenantprovisioning.resource.TerraformMapping;
import io.tenantprovisioning.resource.TerraformMapping.OutputBinding;
import io.tenantprovisioning.resource.TerraformRoot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The postgres kind: schema and login role {@code t_<slug>} (create), tables with RLS enabled and forced,
 * their grants, the tier's connection limit and the tags in the admin-only tags table (configure).
 * terraform/tenant's modules/postgres creates the role, its password and the schema, so there the
 * password is Terraform's and configure never touches it.
 */
public record PostgresKind() implements ResourceKindModule {

    private static final TerraformMapping TERRAFORM = new TerraformMapping(
            Set.of("names.sql_identifier", "postgres", "postgres_connection_limit", "tags"),
            List.of(OutputBinding.attribute("postgres_schema", PostgresSchemaDriver.ATTR_SCHEMA),
                    OutputBinding.attribute("postgres_role", PostgresSchemaDriver.ATTR_ROLE),
                    OutputBinding.attribute("postgres_database", PostgresSchemaDriver.ATTR_DATABASE),
                    OutputBinding.secret("postgres_password", PostgresSchemaDriver.SECRET_PASSWORD)),
            Optional.of("postgres_schema"), Set.of(TerraformRoot.PROVIDERS));

    @Override
    public ResourceKind kind() {
        return ResourceKind.POSTGRES;
    }

    /** Schema and role name: {@code t_acme_corp}. */
    @Override
    public String name(Slug slug) {
        return slug.sqlIdentifier();
    }

    @Override
    public Optional<IsolationProbeRef> isolationProbe() {
        return Optional.of(new IsolationProbeRef(IsolationProbeRef.CROSS_TENANT_CHECK, kind().stepName(),
                "another tenant's role reads 0 rows or gets permission denied"));
    }

    @Override
    public TerraformMapping terraform() {
        return TERRAFORM;
    }

    @Override
    public Map<String, String> terraformNames(Slug slug) {
        return Map.of("sql_identifier", name(slug));
    }
}
