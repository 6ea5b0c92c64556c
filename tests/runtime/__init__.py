"""The client runtime through generated clients: auth, retries, errors, decimals, pagination, inputs, logging."""
