output "schema_name" {
  value = module.schema.name
}

output "bucket_name" {
  value = terraform_data.bucket.output.name
}

output "tier" {
  value = var.tier

  precondition {
    condition     = var.tier_config.queries_per_minute > 0
    error_message = "tier_config.queries_per_minute must be positive."
  }
}

output "tags" {
  value = var.tags
}

output "api_token" {
  value     = "tok-${terraform_data.signing_key.id}"
  sensitive = true
}
