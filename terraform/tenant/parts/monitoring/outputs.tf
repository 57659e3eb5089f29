output "grafana_folder_uid" {
  value = module.monitoring.folder_uid
}

output "grafana_dashboard_uid" {
  value = module.monitoring.dashboard_uid
}

output "grafana_dashboard_url" {
  value = module.monitoring.dashboard_url
}
