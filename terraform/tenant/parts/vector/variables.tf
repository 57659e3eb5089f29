variable "vector" {
  type = object({
    mode              = string
    cloud             = string
    region            = string
    shared_index_host = string
  })
  default = {
    mode              = "namespace"
    cloud             = "aws"
    region            = "us-east-1"
    shared_index_host = ""
  }
  description = "Pinecone placement (see modules/vector)."
}
