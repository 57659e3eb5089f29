# A folder and a dashboard per tenant, every query filtered on the tenant_id label that the
# tenant's Prometheus target carries (the target itself is written by tenantctl's configure step:
# file_sd is a file on the Prometheus host, not a Grafana object).

# Grafana keeps folders and dashboards in one table, unique on (org, uid): the folder needs a uid of
# its own, or saving the dashboard fails. "folder-<slug>" is at most 39 characters (uids allow 40).
resource "grafana_folder" "tenant" {
  uid   = "folder-${var.tenant_slug}"
  title = "Tenant ${var.tenant_slug}"
}

locals {
  selector = "tenant_id=\"${var.tenant_slug}\""

  # Grafana refuses dashboard tags over 50 characters, and a CostCenter may have 64: a "Key:Value" that
  # does not fit is not a tag; every tag is also kept whole in the model's "tenantctl" object.
  tag_texts = [for k, v in var.tags : "${k}:${v}"]
  fit_tags  = [for t in local.tag_texts : t if length(t) <= 50]

  # Tags as "Key:Value", the form tenantctl reads back: the sweep searches Grafana for
  # "ManagedBy:tenantctl", and tenantctl adopts the dashboard only when it carries the tenant's marker.
  dashboard = {
    uid           = var.uid
    title         = "Tenant ${var.tenant_slug} (${var.tier})"
    tags          = concat(["tenantctl", "tier-${lower(var.tier)}"], local.fit_tags)
    tenantctl     = { tags = var.tags }
    schemaVersion = 39
    time          = { from = "now-6h", to = "now" }
    panels = [
      {
        id      = 1
        type    = "timeseries"
        title   = "Queries per minute"
        gridPos = { x = 0, y = 0, w = 12, h = 8 }
        targets = [{ refId = "A", expr = "sum(rate(rag_queries_total{${local.selector}}[5m])) * 60" }]
        fieldConfig = {
          defaults = {
            thresholds = {
              mode  = "absolute"
              steps = [{ color = "green", value = null }, { color = "red", value = var.queries_per_minute }]
            }
          }
          overrides = []
        }
      },
      {
        id      = 2
        type    = "timeseries"
        title   = "Query latency p95 (ms)"
        gridPos = { x = 12, y = 0, w = 12, h = 8 }
        targets = [{
          refId = "A"
          expr  = "histogram_quantile(0.95, sum by (le) (rate(rag_query_duration_seconds_bucket{${local.selector}}[5m]))) * 1000"
        }]
      },
      {
        id      = 3
        type    = "stat"
        title   = "Target up"
        gridPos = { x = 0, y = 8, w = 6, h = 4 }
        targets = [{ refId = "A", expr = "up{${local.selector}}" }]
      },
    ]
  }
}

resource "grafana_dashboard" "tenant" {
  folder      = grafana_folder.tenant.uid
  config_json = jsonencode(local.dashboard)
  overwrite   = true
}
