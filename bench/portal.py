"""Benchmark helpers.portal against the local CKAN-like test server (127.0.0.1, no internet).

* a repeated ``search`` / ``download`` is served from the cache: zero requests the second time;
* a 50,000-row ``datastore`` read (5 pages of 10,000 rows);
* time and peak Python memory (tracemalloc) per step, printed as a table.

Run: ``make bench`` or ``.venv/bin/python bench/portal.py``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROWS = 50_000


def _load_server_module():
    # tests/ is not a package; load the test server by file path (the benchmark reuses it).
    spec = importlib.util.spec_from_file_location("ckan_server", ROOT / "tests" / "ckan_server.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["ckan_server"] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    cache = tempfile.mkdtemp(prefix="kit-bench-portal-")
    os.environ["KIT_CACHE_DIR"] = cache  # a fresh cache: the first calls really download
    import psutil

    from helpers import paths
    from helpers.portal import Portal

    ckan_server = _load_server_module()
    server = ckan_server.CKANServer().start()
    ckan_server.load_snapshot(server, paths.data_dir())
    fields = [{"id": "_id", "type": "int"}, {"id": "row", "type": "int"},
              {"id": "province", "type": "text"}, {"id": "value", "type": "numeric"}]
    provinces = ["กรุงเทพมหานคร", "เชียงใหม่", "ขอนแก่น", "ภูเก็ต", "ชลบุรี"]
    server.add_table("bench-50k", fields, [
        {"_id": i + 1, "row": i, "province": provinces[i % 5], "value": round(i * 0.37, 2)}
        for i in range(ROWS)])
    kit = Portal(server.url, offline=False, timeout=10, verbose=False, progress=False)
    resource = server.packages["injuries-newyear-2551"]["resources"][0]

    rows = []

    def step(label, fn):
        before = server.count()
        tracemalloc.start()
        t0 = time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        rows.append((label, server.count() - before, seconds, peak))
        return result

    try:
        step("search('ฝุ่น') first", lambda: kit.search("ฝุ่น"))
        step("search('ฝุ่น') again (cache)", lambda: kit.search("ฝุ่น"))
        step("download 0.9 MB CSV first", lambda: kit.download(resource))
        step("download again (cache)", lambda: kit.download(resource))
        step("download by id again (cache)", lambda: kit.download(resource["id"]))
        df = step(f"datastore {ROWS:,} rows", lambda: kit.datastore("bench-50k"))
        assert len(df) == ROWS, len(df)
    finally:
        server.stop()
        shutil.rmtree(cache, ignore_errors=True)

    rss = psutil.Process().memory_info().rss / 2**20
    print("helpers.portal benchmark (local CKAN-like server on 127.0.0.1)")
    print(f"{'step':<34} {'requests':>8} {'seconds':>9} {'peak MB':>9}")
    print("-" * 63)
    for label, n, seconds, peak in rows:
        print(f"{label:<34} {n:>8} {seconds:>9.3f} {peak:>9.1f}")
    print("-" * 63)
    print(f"process RSS at the end: {rss:.0f} MB; datastore pages of 10,000 rows: "
          f"{server.count('datastore_search')}")
    cached = [r for r in rows if "cache" in r[0]]
    if any(n for _, n, _, _ in cached):
        raise SystemExit("FAIL: a cached call made a request")
    print("OK: every repeated call was served from the cache with 0 requests")


if __name__ == "__main__":
    main()
