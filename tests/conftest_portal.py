"""Fixtures for the ``helpers.portal`` tests (imported by ``tests/test_portal*.py``).

* ``no_internet`` (autouse where imported): any connection that is not to loopback fails;
* ``portal_env`` (autouse where imported): a fresh cache folder in ``tmp_path`` (and
  ``pooch.os_cache`` made to fail, so nothing can reach the user's cache), the offline notice
  reset, the default portal rebuilt from the environment;
* ``ckan``: a started :class:`ckan_server.CKANServer` with the snapshot's packages, practice
  files and the tourism DataStore table; ``live``: a :class:`Portal` pointed at it with short
  timeouts and no backoff.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from ckan_server import CKANServer, guard_sockets, load_snapshot

from helpers import paths
from helpers import portal as portal_mod
from helpers.portal import client as client_mod

TEST_TIMEOUT = 0.5


@pytest.fixture(autouse=True)
def no_internet(monkeypatch):
    guard_sockets(monkeypatch)


def _no_user_cache(*args, **kwargs):
    raise AssertionError("a portal test reached pooch.os_cache: it would write to the user's cache folder")


@pytest.fixture(autouse=True)
def portal_env(tmp_path, monkeypatch):
    import pooch

    cache = tmp_path / "kit-cache"
    monkeypatch.setenv("KIT_CACHE_DIR", str(cache))
    # helpers.paths.cache_dir() falls back to pooch.os_cache without KIT_CACHE_DIR: make that loud.
    monkeypatch.setattr(pooch, "os_cache", _no_user_cache)
    monkeypatch.setenv("KIT_OFFLINE", "1")
    monkeypatch.delenv("KIT_PORTAL_URL", raising=False)
    monkeypatch.delenv("KIT_OPEND_API_KEY", raising=False)
    monkeypatch.setitem(client_mod._NOTICE, "shown", False)
    client_mod._session_key.clear()
    portal_mod.configure()
    yield cache
    portal_mod.configure()
    client_mod._session_key.clear()


@pytest.fixture
def ckan():
    server = CKANServer().start()
    load_snapshot(server, paths.data_dir())
    yield server
    server.stop()


@pytest.fixture
def live(ckan, portal_env):
    return portal_mod.Portal(
        ckan.url, offline=False, timeout=TEST_TIMEOUT, retries=2, backoff=0, cache=portal_env
    )


def cache_problems(cache: Path) -> list[str]:
    """Partial, temporary or unverified files in the cache (an empty list means intact)."""
    import json

    problems = []
    if not cache.exists():
        return problems
    for file in cache.rglob("*"):
        if not file.is_file():
            continue
        if file.name.startswith(("tmp", ".tmp-")):
            problems.append(f"temporary file left: {file.relative_to(cache)}")
    downloads = cache / "downloads"
    if downloads.is_dir():
        for folder in downloads.iterdir():
            files = [f for f in folder.iterdir() if f.is_file()]
            record = folder / ".kit-download.json"
            data_files = [f for f in files if f.name != ".kit-download.json"]
            if data_files and not record.is_file():
                problems.append(f"file without record: {[f.name for f in data_files]}")
            if record.is_file():
                rec = json.loads(record.read_text(encoding="utf-8"))
                target = folder / rec["file"]
                digest = hashlib.sha256(target.read_bytes()).hexdigest() if target.is_file() else None
                if digest != rec["sha256"]:
                    problems.append(f"hash differs from record: {target.name}")
                extra = [f.name for f in data_files if f.name != rec["file"]]
                if extra:
                    problems.append(f"unexpected files: {extra}")
    return problems


def listing(cache: Path) -> list[str]:
    return (
        sorted(str(p.relative_to(cache)) for p in cache.rglob("*") if p.is_file()) if cache.exists() else []
    )


def sha256_file(path: os.PathLike) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
