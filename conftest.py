"""Project-wide pytest set-up: every notebook is a strict nbval test.

Putting this here instead of in ``addopts`` lets a teacher run one notebook's test with plain
``pytest notebooks/03_verify_data.ipynb`` and lets a developer disable nbval with ``-p no:nbval``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent

# The same environment as `make test`, also when pytest is started by hand.
for _name in ("KIT_OFFLINE", "PYTHAINLP_OFFLINE", "PYTHAINLP_READ_ONLY"):
    os.environ.setdefault(_name, "1")
os.environ.setdefault("MPLBACKEND", "Agg")

# Tests never write outside temporary folders: the kit's download cache (and the kernels that
# nbval starts, which inherit this environment) use a fresh folder removed at exit.
_TEST_CACHE = tempfile.mkdtemp(prefix="kit-test-cache-")
atexit.register(shutil.rmtree, _TEST_CACHE, ignore_errors=True)
os.environ["KIT_CACHE_DIR"] = _TEST_CACHE

try:  # hypothesis is in the test extra; `make test` runs "default", `make test-slow` runs "slow"
    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "default",
        max_examples=200,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.register_profile(
        "slow", max_examples=3000, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
    )
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
except ImportError:  # pragma: no cover - only without the test extra
    pass


def pytest_configure(config):
    if not config.pluginmanager.hasplugin("nbval"):
        return
    option = config.option
    if not option.nbval_lax:
        option.nbval = True
    option.nbval_current_env = True
    if not option.nbval_sanitize_with:
        option.nbval_sanitize_with = str(ROOT / "tests" / "nbval_sanitize.cfg")
