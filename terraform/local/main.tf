# A provider-free stand-in for ../tenant, for machines that cannot download providers: one built-in
# terraform_data per resource the real root creates, named exactly as that resource is named and
# carrying the chargeback tags as input. Nothing outside the state is created; tenantctl's
# configure step (the direct engine's drivers) then creates the real local resources by the same names.

locals {
  # Slug rules (request.Slug), restated so a name tenantctl computed differently is refused at plan time.
  sql_identifier = "t_${replace(var.tenant_slug, "-", "_")}"
  qualified_name = "tenant-${var.tenant_slug}"
}

resource "terraform_data" "postgres_schema" {
  input = {
    name = var.names.sql_identifier
    tags = var.tags
  }

  lifecycle {
    precondition {
      condition     = var.tags["TenantID"] == var.tenant_slug && var.tags["Tier"] == var.tier
      error_message = "tags.TenantID must equal tenant_slug and tags.Tier must equal tier."
    }

    precondition {
      condition     = var.names.sql_identifier == local.sql_identifier
      error_message = "names.sql_identifier must be t_<slug> with '-' written as '_'."
    }
  }
}

resource "terraform_data" "bucket" {
  input = {
    name   = var.names.bucket
    region = var.region
    tags   = var.tags
  }

  lifecycle {
    precondition {
      condition     = endswith(var.names.bucket, "-${var.tenant_slug}")
      error_message = "names.bucket must be <prefix>-<slug>."
    }

    # S3's rules: 3-63 characters, lower-case letters, digits and '-', a letter or digit at both ends,
    # not shaped like an IP address.
    precondition {
      condition     = length(var.names.bucket) <= 63 && can(regex("^[a-z0-9][a-z0-9-]+[a-z0-9]$", var.names.bucket)) && !can(regex("^[0-9]+([.-][0-9]+){3}$", var.names.bucket))
      error_message = "names.bucket must be a legal S3 bucket name (3-63 of a-z, 0-9 and '-', alphanumeric at both ends)."
    }
  }
}

resource "terraform_data" "vector_namespace" {
  input = {
    name = var.names.qualified_name
    tags = var.tags
  }

  lifecycle {
    precondition {
      condition     = var.names.qualified_name == local.qualified_name
      error_message = "names.qualified_name must be tenant-<slug>."
    }
  }
}

resource "terraform_data" "dashboard" {
  input = {
    uid                = var.names.qualified_name
    title              = "Tenant ${var.tenant_slug} (${var.tier})"
    tags               = var.tags
    queries_per_minute = var.tier_config.queries_per_minute
  }
}

# Stands in for the credentials the real root generates (postgres_password, secret_access_key): a
# value first known during apply, kept in state, marked sensitive, so the path of sensitive outputs
# (a Secret in tenantctl, stored encrypted, never printed) runs here too. Generated once: later plans
# ignore the new uuid() and keep the stored value.
resource "terraform_data" "api_token" {
  input = sensitive("tt-${uuid()}")

  lifecycle {
    ignore_changes = [input]
  }
}
