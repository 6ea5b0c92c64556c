"""The version of this package, and the version of the API it was generated from."""

__version__ = "1.1.1"
API_VERSION = "2.1"
