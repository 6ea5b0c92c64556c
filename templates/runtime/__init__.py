"""The runtime every generated package carries: each `_*.py` module here is copied into it as is.

This file is not copied; it makes the directory a package, so the modules are linted, type
checked and tested in place, with the relative imports they have in a generated package.
"""
