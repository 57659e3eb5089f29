output "bucket_name" {
  value = module.object_store.bucket_name
}

output "bucket_arn" {
  value = module.object_store.bucket_arn
}

output "iam_user_name" {
  value = module.object_store.iam_user_name
}

output "access_key_id" {
  value = module.object_store.access_key_id
}

output "secret_access_key" {
  value     = module.object_store.secret_access_key
  sensitive = true
}
