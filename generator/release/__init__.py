"""A package's release: its surface, the record of it, the change report, the version."""
