output "index_name" {
  value       = var.mode == "index" ? pinecone_index.tenant[0].name : ""
  description = "The tenant's own index (mode index), else empty."
}

output "index_host" {
  value       = var.mode == "index" ? pinecone_index.tenant[0].host : var.shared_index_host
  description = "Data-plane host to query."
}

output "namespace" {
  value       = var.mode == "index" ? "" : var.name
  description = "The tenant's namespace in the shared index (mode namespace), else empty."
}
