output "schema_name" {
  value       = postgresql_schema.tenant.name
  description = "The tenant's schema."
}

output "role_name" {
  value       = postgresql_role.tenant.name
  description = "The tenant's login role."
}

output "database" {
  value       = var.database
  description = "The database holding the schema."
}

output "password" {
  value       = random_password.role.result
  sensitive   = true
  description = "Password of the login role."
}
