"""The hand-written specs under specs/: valid, consistent, and generating."""
