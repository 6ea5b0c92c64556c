"""Rendering: identifiers and names chosen for generated code."""
