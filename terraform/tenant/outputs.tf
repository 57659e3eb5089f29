# Everything tenantctl records in the resource journal and validation needs. Sensitive outputs
# reach tenantctl only as Secret values and are stored encrypted (TENANT_SECRETS_KEY).

output "tenant_slug" {
  value = var.tenant_slug
}

output "tags" {
  value = var.tags

  precondition {
    condition     = var.tags["TenantID"] == var.tenant_slug && var.tags["Tier"] == var.tier
    error_message = "tags.TenantID must equal tenant_slug and tags.Tier must equal tier."
  }
}
