"""Every test here runs through the synchronous and the asynchronous client (`tests/support/flavors.py`)."""

from tests.support.flavors import flavored_fixture

flavor = flavored_fixture()
