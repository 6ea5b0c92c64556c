"""Makes the committed packages under generated/ and the golden kitchen-sink package importable."""

from tests.support.paths import GOLDEN, import_committed_packages, importable

import_committed_packages()
importable(GOLDEN / "kitchen_sink" / "expected")
