# Composed into a tenant's root only where its provider is installed (tenantctl's RootPart): this file
# becomes <root>/postgres_main.tf, beside the root's own files.
terraform {
  required_providers {
    postgresql = {
      source  = "cyrilgdn/postgresql"
      version = "~> 1.25"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "postgresql" {
  host      = var.postgres.host
  port      = var.postgres.port
  database  = var.postgres.database
  username  = var.postgres.admin_user
  sslmode   = var.postgres.sslmode
  superuser = false # tenantctl_admin has CREATEROLE and owns the database, nothing more
}

module "postgres" {
  source = "../modules/postgres"

  schema_name      = var.names.sql_identifier
  database         = var.postgres.database
  connection_limit = var.postgres_connection_limit
  tags             = var.tags
}
