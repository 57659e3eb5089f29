terraform {
  required_version = ">= 1.10.0"

  required_providers {
    pinecone = {
      source  = "pinecone-io/pinecone"
      version = "~> 2.0"
    }
  }
}
