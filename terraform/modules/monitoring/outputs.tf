output "folder_uid" {
  value = grafana_folder.tenant.uid
}

output "dashboard_uid" {
  value = grafana_dashboard.tenant.uid
}

output "dashboard_url" {
  value = grafana_dashboard.tenant.url
}
