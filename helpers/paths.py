"""Locate the kit's folders (repository root, data, notebooks).

The kit is installed in editable mode (``pip install -e .``), so the package sits next to
``data/`` and ``notebooks/``.  ``KIT_DATA_DIR`` overrides the data folder, for example when a
teacher keeps one shared copy of the data on a JupyterHub.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["repo_root", "data_dir", "notebooks_dir", "cache_dir"]


def repo_root() -> Path:
    """Return the repository root (the folder that holds ``helpers/`` and ``data/``).

    >>> (repo_root() / "helpers" / "paths.py").is_file()
    True
    """
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Return the bundled data folder, or ``$KIT_DATA_DIR`` when that is set.

    >>> data_dir().name
    'data'
    """
    override = os.environ.get("KIT_DATA_DIR")
    return Path(override).expanduser().resolve() if override else repo_root() / "data"


def notebooks_dir() -> Path:
    """Return the folder of the course notebooks.

    >>> notebooks_dir().name
    'notebooks'
    """
    return repo_root() / "notebooks"


def cache_dir() -> Path:
    """Return the folder for downloads and live answers (``$KIT_CACHE_DIR`` or the user cache folder).

    The folder is created on first use.  Without ``KIT_CACHE_DIR`` it is the platform's user cache
    folder from ``pooch.os_cache`` (``~/.cache/thai-opendata-kit`` on Linux,
    ``~/Library/Caches/thai-opendata-kit`` on macOS, ``%LOCALAPPDATA%\\thai-opendata-kit\\Cache`` on
    Windows).  It is outside the repository so that ``git status`` stays clean and nothing a
    learner downloads is committed by accident.

    >>> cache_dir().is_dir()
    True
    """
    override = os.environ.get("KIT_CACHE_DIR")
    if override:
        base = Path(override).expanduser()
    else:
        import pooch  # imported here: ``helpers.paths`` must stay importable without the lock

        base = Path(pooch.os_cache("thai-opendata-kit"))
    base.mkdir(parents=True, exist_ok=True)
    return base
