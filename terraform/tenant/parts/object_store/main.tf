# Composed into a tenant's root only where its provider is installed (tenantctl's RootPart): this file
# becomes <root>/object_store_main.tf, beside the root's own files.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 7.0"
    }
  }
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

module "object_store" {
  source = "../modules/object_store"

  bucket_name   = var.names.bucket
  iam_user_name = var.names.qualified_name

  # as the direct engine: the TLS-only bucket policy on AWS, not against an S3-compatible endpoint (moto)
  tls_only_bucket_policy = var.aws_endpoint == null
}
