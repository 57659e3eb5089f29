terraform {
  # 1.10: the pg backend's creation lock changed, and the s3 backend gained use_lockfile.
  required_version = ">= 1.10.0"

  # Providers are required by the parts (parts/*/main.tf) composed into each tenant's copy: tofu init
  # fails on any provider it cannot install, so only the parts whose provider is installed are there.

  # Partial configuration: tenantctl writes backend_override.tf.json (pg with its schema_name, or
  # s3 with bucket/key/region) into the per-tenant copy, and PG_CONN_STR into the environment.
  backend "pg" {}
}
