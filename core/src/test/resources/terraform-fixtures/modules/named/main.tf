variable "name" {
  type = string
}

variable "tags" {
  type = map(string)
}

resource "terraform_data" "this" {
  input = {
    name = var.name
    tags = var.tags
  }
}

output "name" {
  value = terraform_data.this.output.name
}
