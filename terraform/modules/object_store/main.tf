# Tags come from the root's provider default_tags (TenantID, Tier, CostCenter, ManagedBy, RequestId and the
# registry's ownership marker TenantctlRegistry).

# The policies name the bucket by its ARN built from its name, known at plan time: built from the bucket
# resource instead, any pending change of the bucket (e.g. its tags) would defer both policy documents to
# apply and show both policies as changing in every such plan.
locals {
  bucket_arn = "arn:${data.aws_partition.current.partition}:s3:::${var.bucket_name}"
}

data "aws_partition" "current" {}

resource "aws_s3_bucket" "tenant" {
  bucket        = var.bucket_name
  force_destroy = var.force_destroy
}

resource "aws_s3_bucket_public_access_block" "tenant" {
  bucket                  = aws_s3_bucket.tenant.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "tenant" {
  bucket = aws_s3_bucket.tenant.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "tenant" {
  bucket = aws_s3_bucket.tenant.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.kms_key_arn != null
  }
}

data "aws_iam_policy_document" "deny_insecure_transport" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [local.bucket_arn, "${local.bucket_arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

# Only where the endpoint honours conditions (AWS): moto applies a bucket policy's Deny to every caller and
# ignores its condition, so there this policy would lock the tenant's own key out (the direct engine does
# not write it against an S3 endpoint either: BucketPolicyMode.IDENTITY_POLICY_ONLY).
resource "aws_s3_bucket_policy" "tenant" {
  count  = var.tls_only_bucket_policy ? 1 : 0
  bucket = aws_s3_bucket.tenant.id
  policy = data.aws_iam_policy_document.deny_insecure_transport.json

  # The public access block must exist first, or S3 may judge the policy against open settings.
  depends_on = [aws_s3_bucket_public_access_block.tenant]
}

# The path tenantctl's own IAM users live under: the sweep lists tenant users by it, whichever engine
# created them.
#
# No force_destroy: with it the provider first calls iam:ListServiceSpecificCredentials (and other
# listings) to clean up what it does not manage; moto answers 500 and the provider retries without end.
# The key and the policy below are this module's own resources, so destroy removes them before the user.
resource "aws_iam_user" "tenant" {
  name = var.iam_user_name
  path = "/tenantctl/"
}

resource "aws_iam_access_key" "tenant" {
  user = aws_iam_user.tenant.name
}

# Object actions only, as the direct engine's policy (PolicyDocuments.tenantIdentityPolicy; a test holds
# the two together): no bucket-level action but listing, so the tenant's key can neither rewrite the
# bucket policy, drop the public access block, retag the bucket nor delete it.
data "aws_iam_policy_document" "tenant" {
  statement {
    sid       = "ListOwnBucket"
    actions   = ["s3:ListBucket"]
    resources = [local.bucket_arn]
  }

  statement {
    sid       = "ReadWriteOwnObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${local.bucket_arn}/*"]
  }
}

# Named as the direct engine names it (TenantIamUsers.POLICY_NAME), so either engine's tenant user has the
# same one inline policy.
resource "aws_iam_user_policy" "tenant" {
  name   = "tenant-bucket-access"
  user   = aws_iam_user.tenant.name
  policy = data.aws_iam_policy_document.tenant.json
}
