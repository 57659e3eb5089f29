variable "grafana_url" {
  type        = string
  description = "Grafana base URL; credentials come from GRAFANA_AUTH."
}
