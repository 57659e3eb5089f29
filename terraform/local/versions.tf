terraform {
  # Same floor as ../tenant: the pg backend's creation lock changed in 1.10.
  required_version = ">= 1.10.0"

  # No required_providers: terraform_data is built in (terraform.io/builtin/terraform), so init
  # downloads nothing. tenantctl writes backend_override.tf.json (pg or s3) into the per-tenant copy.
  backend "pg" {}
}
