"""bench/clean.py runs (tiny size) and prints its one comparison table."""

from __future__ import annotations

import importlib.util

from helpers import paths


def test_benchmark_smoke(capsys):
    spec = importlib.util.spec_from_file_location("bench_clean", paths.repo_root() / "bench" / "clean.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.main(["--rows", "4000", "--sample", "400", "--repeat", "1"])   # targets only mean something at 1M
    out = capsys.readouterr().out
    for name in ("parse_date_th", "to_arabic_digits", "normalize_province", "province_code", "peak MB ours"):
        assert name in out
    assert "extrapolated" in out
