# A provider-free stand-in for terraform/tenant: only the built-in terraform_data resource.

module "schema" {
  source = "../modules/named"

  name = var.names.sql_identifier
  tags = var.tags
}

resource "terraform_data" "bucket" {
  input = {
    name     = var.names.bucket
    region   = var.region
    tags     = var.tags
    revision = var.revision
  }
}

resource "terraform_data" "signing_key" {
  triggers_replace = [var.key_generation]
  input            = var.names.qualified_name
}

resource "terraform_data" "extra" {
  count = var.with_extra ? 1 : 0
  input = var.tier_config.queries_per_minute
}

resource "terraform_data" "vector" {
  count = var.revision > 1 ? 1 : 0
  input = var.names.qualified_name
}

# Fails mid-apply without a provisioner: its precondition reads an id that is unknown until
# signing_key has been created, so OpenTofu can only check it during apply.
resource "terraform_data" "gate" {
  count      = var.fail_mid_apply ? 1 : 0
  depends_on = [module.schema, terraform_data.bucket]
  input      = terraform_data.signing_key.id

  lifecycle {
    precondition {
      condition     = terraform_data.signing_key.id == "never-an-id"
      error_message = "The gate refuses on purpose (fail_mid_apply = true)."
    }
  }
}

resource "terraform_data" "monitoring" {
  depends_on = [terraform_data.gate]
  input      = var.names.qualified_name
}

resource "terraform_data" "slow" {
  count      = var.slow_seconds > 0 ? 1 : 0
  depends_on = [terraform_data.bucket]

  provisioner "local-exec" {
    command = "sleep ${var.slow_seconds}"
  }
}
