variable "schema_name" {
  type        = string
  description = "Schema and login role name: t_<slug with _ for ->, e.g. t_acme_corp."

  validation {
    condition     = can(regex("^t_[a-z][a-z0-9_]{1,30}[a-z0-9]$", var.schema_name))
    error_message = "schema_name must be t_ followed by the slug with '_' for '-' (e.g. t_acme_corp)."
  }
}

variable "database" {
  type        = string
  description = "The database that holds tenant schemas (TENANT_DB_NAME)."
}

variable "connection_limit" {
  type        = number
  default     = 20
  description = "Maximum concurrent connections of the tenant role."

  validation {
    condition     = var.connection_limit >= 1 && var.connection_limit <= 500
    error_message = "connection_limit must be between 1 and 500."
  }
}

variable "tags" {
  type        = map(string)
  description = "Chargeback tags; PostgreSQL has no tags, so tenantctl keeps them in an admin-only table (see README)."
}
