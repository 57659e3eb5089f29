variable "tenant_slug" {
  type = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.tenant_slug))
    error_message = "tenant_slug must match ^[a-z][a-z0-9-]{1,30}[a-z0-9]$."
  }
}

variable "uid" {
  type        = string
  description = "Dashboard uid: tenant-<slug> (the folder is folder-<slug>) (Grafana uids are at most 40 characters)."

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,40}$", var.uid))
    error_message = "uid must be 1-40 of letters, digits, '_' and '-'."
  }
}

variable "tier" {
  type = string
}

variable "tags" {
  type = map(string)
}

variable "queries_per_minute" {
  type        = number
  description = "The tier's rate limit, drawn as a threshold line."
}
