# Everything tenantctl records in the resource journal and validation needs. Sensitive outputs
# reach tenantctl only as Secret values and are stored encrypted (TENANT_SECRETS_KEY).

output "tenant_slug" {
  value = var.tenant_slug
}

output "tags" {
  value = var.tags

  precondition {
    condition     = var.tags["TenantID"] == var.tenant_slug && var.tags["Tier"] == var.tier
    error_message = "tags.TenantID must equal tenant_slug and tags.Tier must equal tier."
  }
}

output "postgres_schema" {
  value = module.postgres.schema_name
}

output "postgres_role" {
  value = module.postgres.role_name
}

output "postgres_database" {
  value = module.postgres.database
}

output "postgres_password" {
  value     = module.postgres.password
  sensitive = true
}

output "bucket_name" {
  value = module.object_store.bucket_name
}

output "bucket_arn" {
  value = module.object_store.bucket_arn
}

output "iam_user_name" {
  value = module.object_store.iam_user_name
}

output "access_key_id" {
  value = module.object_store.access_key_id
}

output "secret_access_key" {
  value     = module.object_store.secret_access_key
  sensitive = true
}

output "vector_index_name" {
  value = module.vector.index_name
}

output "vector_index_host" {
  value = module.vector.index_host
}

output "vector_namespace" {
  value = module.vector.namespace
}

output "grafana_folder_uid" {
  value = module.monitoring.folder_uid
}

output "grafana_dashboard_uid" {
  value = module.monitoring.dashboard_uid
}

output "grafana_dashboard_url" {
  value = module.monitoring.dashboard_url
}
