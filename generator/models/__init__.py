"""The models module: datamodel-code-generator's run, audited, its classes named as locked."""
