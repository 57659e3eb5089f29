# The same variables the real root (terraform/tenant) takes, so TenantVariables drives both.

variable "tenant_slug" {
  type        = string
  description = "The tenant's slug."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.tenant_slug))
    error_message = "tenant_slug must match ^[a-z][a-z0-9-]{1,30}[a-z0-9]$."
  }
}

variable "tier" {
  type = string

  validation {
    condition     = contains(["Gold", "Silver", "Bronze"], var.tier)
    error_message = "tier must be Gold, Silver or Bronze."
  }
}

variable "region" {
  type = string
}

variable "tags" {
  type = map(string)

  validation {
    condition     = alltrue([for k in ["TenantID", "Tier", "CostCenter", "ManagedBy", "RequestId"] : contains(keys(var.tags), k)])
    error_message = "tags must carry TenantID, Tier, CostCenter, ManagedBy and RequestId."
  }
}

variable "tier_config" {
  type = object({
    features            = list(string)
    queries_per_minute  = number
    documents_per_month = number
    model               = string
    max_tokens          = number
    temperature         = number
    demo_documents      = bool
  })
}

variable "names" {
  type = object({
    sql_identifier      = string
    bucket              = string
    qualified_name      = string
    cost_center_default = string
  })
}

# Test switches (fixtures only).

variable "revision" {
  type        = number
  default     = 1
  description = "Bumping it updates terraform_data.bucket in place and, from 2 on, creates terraform_data.vector."
}

variable "key_generation" {
  type        = number
  default     = 1
  description = "Changing it replaces terraform_data.signing_key."
}

variable "with_extra" {
  type        = bool
  default     = true
  description = "false deletes terraform_data.extra."
}

variable "fail_mid_apply" {
  type        = bool
  default     = false
  description = "true adds terraform_data.gate, whose precondition fails at apply time, after the resources it depends on were created."
}

variable "slow_seconds" {
  type        = number
  default     = 0
  description = "Above 0 adds terraform_data.slow, whose local-exec provisioner sleeps that long."
}
