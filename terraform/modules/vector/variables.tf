variable "name" {
  type        = string
  description = "Index name (mode index) or namespace (mode namespace): tenant-<slug>."

  validation {
    # Pinecone index names: 1-45 of lower-case letters, digits and '-', alphanumeric at both ends.
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,43}[a-z0-9]$", var.name))
    error_message = "name must be 2-45 of a-z, 0-9 and '-', starting and ending with a letter or digit."
  }
}

variable "mode" {
  type        = string
  default     = "namespace"
  description = "index: a serverless index per tenant; namespace: a namespace in a shared index."

  validation {
    condition     = contains(["index", "namespace"], var.mode)
    error_message = "mode must be index or namespace."
  }
}

variable "dimension" {
  type        = number
  default     = 384
  description = "Vector dimension: 384 for all-MiniLM-L6-v2, the embedding model tenantctl uses."

  validation {
    condition     = var.dimension >= 1 && var.dimension <= 20000
    error_message = "dimension must be between 1 and 20000."
  }
}

variable "cloud" {
  type    = string
  default = "aws"

  validation {
    condition     = contains(["aws", "gcp", "azure"], var.cloud)
    error_message = "cloud must be aws, gcp or azure."
  }
}

variable "region" {
  type        = string
  description = "Serverless region of the index (mode index)."
}

variable "shared_index_host" {
  type        = string
  default     = ""
  description = "Host of the shared index (mode namespace)."
}

variable "tags" {
  type        = map(string)
  description = "Chargeback tags; set on the index as Pinecone index tags (mode index)."
}
