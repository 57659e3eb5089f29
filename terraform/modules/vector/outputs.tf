output "index_name" {
  value       = var.mode == "index" ? pinecone_index.tenant[0].name : ""
  description = "The tenant's own index (mode index), else empty."
}

output "index_host" {
  value       = var.mode == "index" ? pinecone_index.tenant[0].host : var.shared_index_host
  description = "Data-plane host to query."

  # An error, not a check block's warning: without the host the tenant's namespace is unreachable, and
  # an output precondition stops the plan before anything is applied.
  precondition {
    condition     = var.mode == "index" || var.shared_index_host != ""
    error_message = "mode namespace needs shared_index_host (the shared index's data-plane host)."
  }
}

output "namespace" {
  value       = var.mode == "index" ? "" : var.name
  description = "The tenant's namespace in the shared index (mode namespace), else empty."
}
