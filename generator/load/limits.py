"""The bounds a spec's files are read within: they are untrusted input."""

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 50  # the deepest corpus spec nests 21 levels; the validator recurses per level
MAX_INT_DIGITS = 4300  # Python's default limit for int <-> str conversion
ALIAS_BUDGET = 100_000  # nodes YAML aliases may add to a file beyond the file's own nodes
MAX_REF_CHAIN = 64  # references followed in a row before the chain counts as runaway
OVERLAY_NODE_BUDGET = 1_000_000  # nodes one overlay's actions may add to a document, copies counted
