# ---- Written by tenantctl into tenant.auto.tfvars.json (TenantVariables) ----

variable "tenant_slug" {
  type        = string
  description = "The tenant's slug, from which every name is derived."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.tenant_slug))
    error_message = "tenant_slug must match ^[a-z][a-z0-9-]{1,30}[a-z0-9]$ (start with a letter, 3-32 of a-z, 0-9 and '-', not end with '-')."
  }

  validation {
    condition     = !startswith(var.tenant_slug, "pg-") && !contains(["admin", "administrator", "public", "postgres", "default", "system", "root", "template0", "template1", "information-schema", "pg-catalog", "tenant", "tenants", "tenantctl", "api", "www", "internal", "registry", "monitoring", "grafana", "prometheus", "null", "none"], var.tenant_slug)
    error_message = "tenant_slug is reserved; choose another tenant name."
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
  type        = string
  description = "The tenant's region (resources/tenant-provisioning/regions.yaml)."

  validation {
    condition     = contains(["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-south-1", "ap-south-2", "ap-southeast-1"], var.region)
    error_message = "region must be one of the catalog's regions: us-east-1, us-west-2, eu-west-1, eu-central-1, ap-south-1, ap-south-2, ap-southeast-1."
  }
}

variable "tags" {
  type        = map(string)
  description = "Chargeback tags: TenantID, Tier, CostCenter, ManagedBy, RequestId."

  validation {
    condition     = alltrue([for k in ["TenantID", "Tier", "CostCenter", "ManagedBy", "RequestId"] : contains(keys(var.tags), k)])
    error_message = "tags must carry TenantID, Tier, CostCenter, ManagedBy and RequestId."
  }

  validation {
    condition     = lookup(var.tags, "ManagedBy", "") == "tenantctl"
    error_message = "tags.ManagedBy must be tenantctl (the sweep keys on it)."
  }

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_-]{1,63}$", lookup(var.tags, "CostCenter", "")))
    error_message = "tags.CostCenter must match ^[A-Za-z][A-Za-z0-9_-]{1,63}$."
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
  description = "The tier's limits and model settings (resources/tenant-provisioning/tiers.yaml)."

  validation {
    condition     = var.tier_config.queries_per_minute > 0 && var.tier_config.documents_per_month > 0 && var.tier_config.max_tokens > 0
    error_message = "tier_config limits must be positive."
  }

  validation {
    condition     = var.tier_config.temperature >= 0 && var.tier_config.temperature <= 2
    error_message = "tier_config.temperature must be between 0 and 2."
  }
}

variable "names" {
  type = object({
    sql_identifier      = string
    bucket              = string
    qualified_name      = string
    cost_center_default = string
  })
  description = "Names computed by tenantctl's Slug rules, so both engines name resources identically."
}
