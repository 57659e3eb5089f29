variable "aws_endpoint" {
  type        = string
  default     = null
  description = "S3/IAM endpoint override (an S3-compatible server); null means AWS. Credentials from the AWS environment."
}
