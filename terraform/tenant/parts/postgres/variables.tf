variable "postgres" {
  type = object({
    host       = string
    port       = number
    database   = string
    admin_user = string
    sslmode    = string
  })
  description = "The tenant database server (TENANT_DB_NAME); the admin password comes from PGPASSWORD."

  validation {
    condition     = contains(["disable", "require", "verify-ca", "verify-full"], var.postgres.sslmode)
    error_message = "postgres.sslmode must be disable, require, verify-ca or verify-full."
  }
}

variable "postgres_connection_limit" {
  type        = number
  default     = 20
  description = "The tenant role's connection limit: the tier's postgresConnectionLimit (resources/tenant-provisioning/tiers.yaml), written by tenantctl."
}
