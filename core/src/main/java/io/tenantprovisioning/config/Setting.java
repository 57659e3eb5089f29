package io.tenantprovisioning.config;

/**
 * Every setting tenantctl reads, with its default. The README's configuration table lists these.
 * A setting marked secret is never printed, logged or put in an exception message.
 */
public enum Setting {
    REGISTRY_DB_URL(null, false, "JDBC URL of the registry database; overrides the HOST/PORT/NAME settings"),
    REGISTRY_DB_HOST("127.0.0.1", false, "registry PostgreSQL host"),
    REGISTRY_DB_PORT("5432", false, "registry PostgreSQL port"),
    REGISTRY_DB_NAME("tenant_registry", false, "registry database"),
    REGISTRY_DB_SCHEMA("registry", false, "schema of the registry tables; a second registry (staging) on the same database "
            + "uses another schema (or another REGISTRY_DB_NAME)"),
    REGISTRY_DB_USER("tenantctl_admin", false, "role that migrates the registry and creates tenant schemas/roles"),
    REGISTRY_DB_PASSWORD(null, true, "password of REGISTRY_DB_USER"),
    TENANT_DB_NAME("tenant_data", false, "database (same server) that holds the tenant schemas"),
    REDIS_HOST("127.0.0.1", false, "Redis host"),
    REDIS_PORT("6379", false, "Redis port"),
    REDIS_PASSWORD(null, true, "password of the Redis admin (default) user"),
    DATA_DIR(null, false, "folder for embedded backends (default ~/.tenantctl/data)"),
    OBJECT_STORE("filesystem", false, "object store backend: filesystem or s3"),
    OBJECT_STORE_DIR(null, false, "filesystem object store root (default DATA_DIR/buckets)"),
    BUCKET_PREFIX("tenant", false, "prefix of every tenant bucket name: <prefix>-<slug>"),
    S3_ENDPOINT(null, false, "S3/IAM endpoint override (moto locally); unset means AWS"),
    AWS_REGION("us-east-1", false, "region used to sign S3/IAM requests"),
    S3_ADMIN_ACCESS_KEY_ID(null, false, "access key that creates buckets and IAM users"),
    S3_ADMIN_SECRET_ACCESS_KEY(null, true, "secret of S3_ADMIN_ACCESS_KEY_ID"),
    VECTOR_STORE("lucene", false, "vector backend: lucene or pinecone"),
    VECTOR_DATA_DIR(null, false, "Lucene index root (default DATA_DIR/vectors)"),
    PINECONE_API_KEY(null, true, "Pinecone API key"),
    PINECONE_INDEX_HOST(null, false, "Pinecone index host (data plane)"),
    PROMETHEUS_URL(null, false, "Prometheus base URL; when set, check 7 asks it for the tenant's target"),
    METRICS_TARGET("127.0.0.1:9091", false, "host:port Prometheus scrapes for a tenant's metrics (default: Prometheus itself)"),
    PROMETHEUS_FILE_SD_DIR(null, false, "folder of file_sd target files (default DATA_DIR/prometheus-targets)"),
    GRAFANA_DASHBOARD_DIR(null, false, "folder for dashboard JSON models (default DATA_DIR/dashboards)"),
    GRAFANA_URL(null, false, "Grafana base URL; when set, dashboards are pushed through its HTTP API"),
    GRAFANA_TOKEN(null, true, "Grafana service-account token"),
    TENANT_SECRETS_KEY(null, true, "base64 AES-256 key that encrypts tenant passwords and signing keys"),
    AUDIT_HMAC_KEY(null, true, "base64 key (32+ random bytes) of the audit chain's HMAC-SHA256, kept outside the registry "
            + "database: without it tenantctl can neither append to the audit log nor verify its keyed rows"),
    AUTO_APPROVE_THRESHOLD("1000000", false, "budgets (INR) from this amount up need the CFO"),
    EXECUTIVE_APPROVAL_THRESHOLD("5000000", false, "budgets (INR) above this need CFO, CTO and Legal"),
    COST_BASE_MONTHLY_INR("25000", false, "base monthly cost of one tenant before tier and region multipliers"),
    PROVISIONING_ENABLED("true", false, "false = plan only (simulation): nothing is created anywhere"),
    ROLLBACK_LOCK_WAIT_SECONDS("600", false, "how long a rollback waits for the tenant's run lock while another run "
            + "holds it (e.g. an aborted provisioning still stopping); 0 = refuse at once"),
    ENGINE("direct", false, "provisioning engine: direct or terraform"),
    TERRAFORM_BIN("tofu", false, "terraform or tofu binary"),
    TERRAFORM_MODULE_DIR("terraform/tenant", false, "root module the terraform engine applies, relative to the repository: "
            + "terraform/tenant (composed per tenant of the parts whose provider is installed) or terraform/local (provider-free stand-ins)"),
    TERRAFORM_CLI_CONFIG(null, false, "OpenTofu CLI configuration (TF_CLI_CONFIG_FILE) naming the provider mirror "
            + "(default: ~/.cache/tenantctl/tofu-cli-config.tfrc, written by scripts/provider-mirror.sh, when present)"),
    TERRAFORM_TIMEOUT_SECONDS("600", false, "deadline of every tofu command; past it the command is stopped and the "
            + "resources still in progress are named"),
    TENANTCTL_HOME(null, false, "the repository folder holding terraform/ (default: set by bin/tenantctl, else the working folder)"),
    VALIDATION_TIMEOUT_SECONDS("300", false, "bound on the whole validation suite"),
    QUERY_PERFORMANCE_SLA_MS("500", false, "p95 latency the RAG query must stay under"),
    QUERY_PERFORMANCE_RUNS("20", false, "how many RAG queries check 5 runs"),
    LLM_BASE_URL(null, false, "OpenAI-compatible endpoint for answers; unset = extractive answers"),
    LLM_API_KEY(null, true, "API key for LLM_BASE_URL"),
    SMTP_HOST(null, false, "SMTP server; unset = notifications go to the log"),
    SMTP_PORT("25", false, "SMTP port"),
    SMTP_USER(null, false, "SMTP user"),
    SMTP_PASSWORD(null, true, "SMTP password"),
    SMTP_FROM("tenantctl@localhost", false, "sender address"),
    SMTP_STARTTLS("false", false, "require STARTTLS"),
    SLACK_WEBHOOK_URL(null, true, "Slack incoming webhook URL (a secret: it grants posting)"),
    PLATFORM_TEAM_EMAIL(null, false, "where failure, rollback and degraded notices go"),
    OFFLINE("false", false, "true = notifications only to the log"),
    CREDENTIAL_MAX_AGE_DAYS("90", false, "re-validation warns about a tenant credential older than this (days since "
            + "it was created or last rotated)"),
    JWT_KEY_OVERLAP_MINUTES("60", false, "after a signing-key rotation, tokens signed with the previous key stay valid "
            + "this long (at least the longest token lifetime, 60 min for `tenantctl token`), then are refused"),
    TENANTCTL_FAIL_AT(null, false, "test hook: make the named step throw (see README)"),
    TENANTCTL_PAUSE_AT(null, false, "test hook: make the named step sleep (<step>[:<seconds>], default 60 s) so a test can kill the process there"),
    TENANTCTL_FAULTS(null, false, "test hook: fault points to arm, e.g. driver-destroy:redis=fail (see README)");

    private final String defaultValue;
    private final boolean secret;
    private final String description;

    Setting(String defaultValue, boolean secret, String description) {
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean isSecret() {
        return secret;
    }

    public String description() {
        return description;
    }
}
