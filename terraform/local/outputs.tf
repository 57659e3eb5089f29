# The same names as ../tenant where the stand-in has the value. tenantctl records the plain ones
# (prefixed terraform.) with the tenant's outputs and stores the sensitive one encrypted.

output "tenant_slug" {
  value = var.tenant_slug
}

output "tier" {
  value = var.tier
}

output "tags" {
  value = terraform_data.postgres_schema.output.tags
}

output "postgres_schema" {
  value = terraform_data.postgres_schema.output.name
}

output "bucket_name" {
  value = terraform_data.bucket.output.name
}

output "vector_namespace" {
  value = terraform_data.vector_namespace.output.name
}

output "grafana_dashboard_uid" {
  value = terraform_data.dashboard.output.uid
}

output "api_token" {
  value     = terraform_data.api_token.output
  sensitive = true
}
