# Mode index: one serverless index per tenant, tagged. Mode namespace: nothing to create; Pinecone
# creates a namespace on its first upsert, which tenantctl's configure step does when it seeds the
# tenant's documents. The module then only checks its inputs and passes the names on.

resource "pinecone_index" "tenant" {
  count = var.mode == "index" ? 1 : 0

  name                = var.name
  dimension           = var.dimension
  metric              = "cosine"
  deletion_protection = "disabled" # rollback must be able to delete it
  tags                = var.tags

  spec = {
    serverless = {
      cloud  = var.cloud
      region = var.region
    }
  }

  lifecycle {
    precondition {
      condition     = alltrue([for v in values(var.tags) : can(regex("^[A-Za-z0-9;@_+. -]{0,120}$", v))])
      error_message = "Pinecone tag values allow only letters, digits and ; @ _ - . + and space, at most 120."
    }
  }
}
