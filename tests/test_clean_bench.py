"""bench/clean.py runs (tiny sizes) and prints its comparison tables; --only picks rows."""

from __future__ import annotations

import importlib.util

import pytest

from helpers import paths


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_clean", paths.repo_root() / "bench" / "clean.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_smoke(bench, capsys):
    bench.main(
        [
            "--rows",
            "4000",
            "--sample",
            "400",
            "--repeat",
            "1",
            "--only",
            "parse_date_th,to_arabic_digits,normalize_province,province_code",
        ]
    )  # targets only mean something at 1M
    out = capsys.readouterr().out
    for name in ("parse_date_th", "to_arabic_digits", "normalize_province", "province_code", "peak MB ours"):
        assert name in out
    assert "extrapolated" in out
    assert "clean_text" not in out and "read_csv_th" not in out  # --only ran only those rows


def test_file_rows_on_small_files(bench, capsys, tmp_path):
    bench.main(
        ["--only", "read_csv_th,read_excel_th", "--csv-mb", "1.5", "--xlsx-rows", "300", "--repeat", "1"]
    )
    out = capsys.readouterr().out
    assert "read_csv_th" in out and "read_excel_th" in out and "parse_date_th" not in out
    for column in ("ours s", "pandas s", "peak MB ours", "peak MB pandas", "≤2× pandas"):
        assert column in out
    assert "pd.read_csv(encoding='cp874')" in out and "engine='calamine'" in out


def test_generated_csv_has_thai_only_after_the_first_megabyte(bench, tmp_path):
    path = bench.make_cp874_csv(tmp_path / "x.csv", 1.5)
    data = path.read_bytes()
    assert data[: 2**20].isascii() and not data.isascii() and len(data) >= 1.5 * 2**20
    assert "เชียงใหม่".encode("cp874") in data[2**20 :]


def test_unknown_row_is_refused(bench):
    with pytest.raises(SystemExit):
        bench.main(["--only", "read_json_th"])
