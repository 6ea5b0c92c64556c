"""Contract tests: cassettes recorded and replayed, checked against the specs, and a Prism mock server end to end."""
