"""The generation pipeline: output, staging, the golden record, packaging, vendor specs of the corpus."""
