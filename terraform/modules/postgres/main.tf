# The tenant's login role and schema. Tables, RLS policies (ENABLE + FORCE) and the tags (in the
# admin-only tenantctl.schema_tags table) are created by tenantctl's configure step, not here.

resource "random_password" "role" {
  length  = 32
  special = false
}

resource "postgresql_role" "tenant" {
  name             = var.schema_name
  login            = true
  password         = random_password.role.result
  connection_limit = var.connection_limit
  inherit          = false
  create_database  = false
  create_role      = false
  superuser        = false
}

resource "postgresql_schema" "tenant" {
  name     = var.schema_name
  database = var.database
  # The admin role owns the schema; the tenant role only gets USAGE/CREATE below, so it cannot
  # drop the schema or change RLS on tables the migrations create.
  drop_cascade = true
}

resource "postgresql_grant" "schema_usage" {
  database    = var.database
  role        = postgresql_role.tenant.name
  schema      = postgresql_schema.tenant.name
  object_type = "schema"
  privileges  = ["USAGE"]
}

resource "postgresql_grant" "connect" {
  database    = var.database
  role        = postgresql_role.tenant.name
  object_type = "database"
  privileges  = ["CONNECT"]
}
