# Composed into a tenant's root only where its provider is installed (tenantctl's RootPart): this file
# becomes <root>/vector_main.tf, beside the root's own files.
terraform {
  required_providers {
    pinecone = {
      source  = "pinecone-io/pinecone"
      version = "~> 2.0"
    }
  }
}

provider "pinecone" {}

provider "grafana" {
  url = var.grafana_url
}

module "vector" {
  source = "../modules/vector"

  name              = var.names.qualified_name
  mode              = var.vector.mode
  cloud             = var.vector.cloud
  region            = var.vector.region
  shared_index_host = var.vector.shared_index_host
  tags              = var.tags
}
