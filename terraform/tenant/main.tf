module "postgres" {
  source = "../modules/postgres"

  schema_name      = var.names.sql_identifier
  database         = var.postgres.database
  connection_limit = var.postgres_connection_limit
  tags             = var.tags
}

module "object_store" {
  source = "../modules/object_store"

  bucket_name   = var.names.bucket
  iam_user_name = var.names.qualified_name
}

module "vector" {
  source = "../modules/vector"

  name              = var.names.qualified_name
  mode              = var.vector.mode
  cloud             = var.vector.cloud
  region            = var.vector.region
  shared_index_host = var.vector.shared_index_host
  tags              = var.tags
}

module "monitoring" {
  source = "../modules/monitoring"

  tenant_slug        = var.tenant_slug
  uid                = var.names.qualified_name
  tier               = var.tier
  tags               = var.tags
  queries_per_minute = var.tier_config.queries_per_minute
}
