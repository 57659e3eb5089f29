output "vector_index_name" {
  value = module.vector.index_name
}

output "vector_index_host" {
  value = module.vector.index_host
}

output "vector_namespace" {
  value = module.vector.namespace
}
