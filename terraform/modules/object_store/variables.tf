variable "bucket_name" {
  type        = string
  description = "Bucket name: <BUCKET_PREFIX>-<slug>."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be 3-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit."
  }
}

variable "iam_user_name" {
  type        = string
  description = "IAM user of the tenant: tenant-<slug>."

  validation {
    condition     = can(regex("^tenant-[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.iam_user_name))
    error_message = "iam_user_name must be tenant-<slug>."
  }
}

variable "kms_key_arn" {
  type        = string
  default     = null
  description = "KMS key for SSE-KMS; null uses SSE-S3 (AES256)."
}

variable "force_destroy" {
  type        = bool
  default     = true
  description = "Let destroy empty the bucket: rollback must leave nothing behind."
}

variable "tls_only_bucket_policy" {
  type        = bool
  default     = true
  description = "Write the bucket policy denying non-TLS requests; false for an S3-compatible endpoint that applies a Deny regardless of its condition (moto)."
}
