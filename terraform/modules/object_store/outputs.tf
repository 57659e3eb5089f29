output "bucket_name" {
  value = aws_s3_bucket.tenant.id
}

output "bucket_arn" {
  value = aws_s3_bucket.tenant.arn
}

output "iam_user_name" {
  value = aws_iam_user.tenant.name
}

output "iam_user_arn" {
  value = aws_iam_user.tenant.arn
}

output "access_key_id" {
  value = aws_iam_access_key.tenant.id
}

output "secret_access_key" {
  value     = aws_iam_access_key.tenant.secret
  sensitive = true
}
