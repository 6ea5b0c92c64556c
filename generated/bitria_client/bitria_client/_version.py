"""The version of this package, and the version of the API it was generated from."""

__version__ = "1.0.5"
API_VERSION = "1.0"
