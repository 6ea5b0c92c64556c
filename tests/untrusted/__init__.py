"""Untrusted specs: injection, fuzzing, file confinement and hostile documents."""
