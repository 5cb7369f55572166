"""Project-wide pytest set-up: every notebook is a strict nbval test.

Putting this here instead of in ``addopts`` lets a teacher run one notebook's test with plain
``pytest notebooks/03_verify_data.ipynb`` and lets a developer disable nbval with ``-p no:nbval``.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent

# The same environment as `make test`, also when pytest is started by hand.
for _name in ("KIT_OFFLINE", "PYTHAINLP_OFFLINE", "PYTHAINLP_READ_ONLY"):
    os.environ.setdefault(_name, "1")
os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_configure(config):
    if not config.pluginmanager.hasplugin("nbval"):
        return
    option = config.option
    if not option.nbval_lax:
        option.nbval = True
    option.nbval_current_env = True
    if not option.nbval_sanitize_with:
        option.nbval_sanitize_with = str(ROOT / "tests" / "nbval_sanitize.cfg")
