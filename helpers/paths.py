"""Locate the kit's folders (repository root, data, notebooks).

Installed in editable mode (``pip install -e .``, what ``make lab`` does) the package sits in the
checkout, next to ``data/`` and ``notebooks/``, and that checkout is the kit's root.  On a
JupyterHub the admin installs the kit once, non-editable, into the single-user environment, while
nbgitpuller gives each learner a clone in their home folder: the root is then the nearest folder,
from the current folder (the kernel starts in the notebook's folder) upward, that holds
``data/datapackage.json``.  ``KIT_DATA_DIR`` overrides the data folder, for example when a teacher
keeps one shared copy of the data on a JupyterHub.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_dir", "data_dir", "find_kit_root", "is_kit_root", "notebooks_dir", "repo_root"]


MARKER = Path("data") / "datapackage.json"


def is_kit_root(folder: Path) -> bool:
    """Return True when ``folder`` is a copy of the kit (it holds ``data/datapackage.json``).

    >>> is_kit_root(repo_root()), is_kit_root(repo_root() / "helpers")
    (True, False)
    """
    return (Path(folder) / MARKER).is_file()


def find_kit_root(start: Path | None = None) -> Path | None:
    """Return the nearest copy of the kit at or above ``start`` (default: the current folder), or None.

    >>> find_kit_root(repo_root() / "notebooks") == repo_root()
    True
    >>> find_kit_root(Path("/")) is None
    True
    """
    here = Path.cwd() if start is None else Path(start)
    here = here.expanduser().resolve()
    return next((folder for folder in (here, *here.parents) if is_kit_root(folder)), None)


def repo_root() -> Path:
    """Return the kit's root folder (the one that holds ``data/`` and ``notebooks/``).

    The checkout the package was installed from (editable install); for an installed package
    (site-packages), the nearest copy of the kit at or above the current folder.

    >>> (repo_root() / "helpers" / "paths.py").is_file()
    True
    """
    package_parent = Path(__file__).resolve().parent.parent
    if is_kit_root(package_parent):
        return package_parent
    return find_kit_root() or package_parent


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
