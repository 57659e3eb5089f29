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
