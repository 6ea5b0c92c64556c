"""One generated client per conformance spec and test session."""

from __future__ import annotations

import pytest

from tests.signing.support import Packages


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Packages:
    return Packages(tmp_path_factory.mktemp("signing"))
