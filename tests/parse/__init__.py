"""Building the IR from a spec: the x- extensions and the types they declare."""
