terraform {
  # 1.10: the pg backend's creation lock changed, and the s3 backend gained use_lockfile.
  required_version = ">= 1.10.0"

  required_providers {
    postgresql = {
      source  = "cyrilgdn/postgresql"
      version = "~> 1.25"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 7.0"
    }
    pinecone = {
      source  = "pinecone-io/pinecone"
      version = "~> 2.0"
    }
    grafana = {
      source  = "grafana/grafana"
      version = ">= 3.0, < 5.0"
    }
  }

  # Partial configuration: tenantctl writes backend_override.tf.json (pg with its schema_name, or
  # s3 with bucket/key/region) into the per-tenant copy, and PG_CONN_STR into the environment.
  backend "pg" {}
}
