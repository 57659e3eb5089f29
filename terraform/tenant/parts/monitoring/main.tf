# Composed into a tenant's root only where its provider is installed (tenantctl's RootPart): this file
# becomes <root>/monitoring_main.tf, beside the root's own files.
terraform {
  required_providers {
    grafana = {
      source  = "grafana/grafana"
      version = ">= 3.0, < 5.0"
    }
  }
}

provider "grafana" {
  url = var.grafana_url
}

module "monitoring" {
  source = "../modules/monitoring"

  tenant_slug        = var.tenant_slug
  uid                = var.names.qualified_name
  tier               = var.tier
  tags               = var.tags
  queries_per_minute = var.tier_config.queries_per_minute
}
