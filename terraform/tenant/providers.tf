provider "postgresql" {
  host      = var.postgres.host
  port      = var.postgres.port
  database  = var.postgres.database
  username  = var.postgres.admin_user
  sslmode   = var.postgres.sslmode
  superuser = false # tenantctl_admin has CREATEROLE and owns the database, nothing more
}

provider "aws" {
  region = var.region

  # Every taggable AWS resource of the tenant carries the chargeback tags.
  default_tags {
    tags = var.tags
  }

  s3_use_path_style           = var.aws_endpoint != null
  skip_credentials_validation = var.aws_endpoint != null
  skip_requesting_account_id  = var.aws_endpoint != null

  dynamic "endpoints" {
    for_each = var.aws_endpoint == null ? [] : [var.aws_endpoint]
    content {
      s3  = endpoints.value
      iam = endpoints.value
      sts = endpoints.value
    }
  }
}

provider "pinecone" {}

provider "grafana" {
  url = var.grafana_url
}
