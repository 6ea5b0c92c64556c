"""Loading a spec: YAML and JSON, multi-file layouts, Swagger 2.0 conversion, validation, bad input."""
