"""Type hints of helpers.clean: a type checker knows scalar in → scalar out, Series in → Series out.

mypy (with pandas-stubs) checks two small programs written in a temporary folder: one that uses the
API the way the notebooks do (every call carries ``assert_type``, so a wrong or missing declaration
fails) and one with deliberate mistakes, each marked ``# E: <error code>``, that mypy must reject on
exactly those lines.  The first program is also run, so the declared types are the run-time types.
"""

from __future__ import annotations

import fnmatch
import importlib.metadata
import importlib.resources
import inspect
import os
import re
import runpy
import subprocess
import sys
import time
import tomllib
import typing
from pathlib import Path

import pytest

import helpers
from helpers import clean

ROOT = Path(helpers.__file__).resolve().parent.parent

# the public functions of issue 12 item 11; the annotation test checks every function of __all__,
# this list only makes sure that check cannot pass by looking at nothing
PUBLIC_FUNCTIONS = {
    "to_arabic_digits",
    "to_number",
    "parse_date_th",
    "find_date_th",
    "be_to_ce",
    "ce_to_be",
    "normalize_province",
    "province_code",
    "clean_text",
    "sort_th",
    "sort_key_th",
    "unparsed",
    "read_csv_th",
    "read_excel_th",
    "detect_encoding",
    "province_table",
    "province_code_table",
}

GOOD = '''\
"""Learner-style use of helpers.clean: mypy must accept it, and running check() must pass."""

from pathlib import Path
from typing import assert_type

import numpy as np
import openpyxl
import pandas as pd
from pandas.api.typing import NaTType
from pandas.io.parsers import TextFileReader

from helpers import clean


def check(folder: Path) -> None:
    # numbers: scalar → float, column → Series[float], report=True → (result, DataFrame)
    x: float = clean.to_number("1,200")
    assert_type(clean.to_number("1,200"), float)
    assert isinstance(x, float) and x == 1200.0
    s: pd.Series = clean.to_number(pd.Series(["1"]))
    assert_type(clean.to_number(pd.Series(["1", "x"])), "pd.Series[float]")
    assert isinstance(s, pd.Series) and s.dtype == "float64"
    assert_type(clean.to_number(["1", "2"]), "pd.Series[float]")
    assert isinstance(clean.to_number(np.array(["1"])), pd.Series)
    r, rep = clean.to_number(pd.Series(["1"]), report=True)
    assert_type(r, "pd.Series[float]")
    assert_type(rep, pd.DataFrame)
    assert isinstance(r, pd.Series) and isinstance(rep, pd.DataFrame)
    one, one_rep = clean.to_number("x", report=True)
    assert_type(one, float)
    assert isinstance(one, float) and isinstance(one_rep, pd.DataFrame)
    flag = len(folder.name) > 0
    assert_type(
        clean.to_number("1", report=flag),
        "float | pd.Series[float] | tuple[float | pd.Series[float], pd.DataFrame]",
    )
    assert_type(clean.to_arabic_digits("๑๒"), str)
    assert_type(clean.to_arabic_digits(7), int)
    assert_type(clean.to_arabic_digits(None), None)
    assert_type(clean.to_arabic_digits(pd.Series(["๑"])), pd.Series)
    assert clean.to_arabic_digits("๑๒") == "12" and clean.to_arabic_digits(7) == 7

    # dates: one value → Timestamp or NaT, a column → Series of datetimes
    d = clean.parse_date_th("15/1/2567")
    assert_type(d, "pd.Timestamp | NaTType")
    assert isinstance(d, pd.Timestamp)
    missing = clean.parse_date_th("xx")
    assert isinstance(missing, NaTType)
    ds = clean.parse_date_th(pd.Series(["15/1/2567"]), era="be")
    assert_type(ds, "pd.Series[pd.Timestamp]")
    assert isinstance(ds, pd.Series) and pd.api.types.is_datetime64_dtype(ds.dtype)
    ds_rep = clean.parse_date_th(pd.Series(["xx"]), report=True)
    assert_type(ds_rep, "tuple[pd.Series[pd.Timestamp], pd.DataFrame]")
    assert isinstance(ds_rep[0], pd.Series) and isinstance(ds_rep[1], pd.DataFrame)
    d_rep = clean.parse_date_th("xx", dayfirst=True, report=True)
    assert_type(d_rep, "tuple[pd.Timestamp | NaTType, pd.DataFrame]")
    assert isinstance(d_rep[0], NaTType) and isinstance(d_rep[1], pd.DataFrame)
    positional = clean.parse_date_th("xx", None, "auto", True)
    assert isinstance(positional, tuple)
    found = clean.find_date_th("ณ วันที่ 30 พฤศจิกายน 2560")
    assert_type(found, "pd.Timestamp | NaTType")
    assert isinstance(found, pd.Timestamp)
    found_s, found_rep = clean.find_date_th(pd.Series(["[update 10-06-2559]"]), report=True)
    assert_type(found_s, "pd.Series[pd.Timestamp]")
    assert isinstance(found_s, pd.Series) and isinstance(found_rep, pd.DataFrame)
    year = clean.be_to_ce(2567)
    assert_type(year, "int | float")
    assert isinstance(year, int) and year == 2024
    years = clean.ce_to_be(pd.Series([2024]))
    assert_type(years, "pd.Series[int]")
    assert isinstance(years, pd.Series) and str(years.dtype) == "Int64"
    assert_type(clean.ce_to_be("2024"), "int | float")
    assert_type(clean.be_to_ce(pd.Series(["2567"])), "pd.Series[int]")

    # provinces: one value → str (NaN, a float, when unmatched), a column → Series of str
    name = clean.normalize_province("กทม")
    assert_type(name, "str | float")
    assert isinstance(name, str) and isinstance(clean.normalize_province("Atlantis"), float)
    codes = clean.province_code(pd.Series(["กทม", "ชม"]))
    assert_type(codes, "pd.Series[str]")
    assert isinstance(codes, pd.Series) and codes.tolist() == ["10", "50"]
    names, names_rep = clean.normalize_province(pd.Series(["Atlantis"]), report=True)
    assert_type(names, "pd.Series[str]")
    assert isinstance(names, pd.Series) and isinstance(names_rep, pd.DataFrame)
    code, code_rep = clean.province_code("กทม", report=True)
    assert_type(code, "str | float")
    assert code == "10" and isinstance(code_rep, pd.DataFrame)
    assert_type(clean.province_table(), pd.DataFrame)
    assert_type(clean.province_code_table(), pd.DataFrame)
    assert isinstance(clean.province_code_table(), pd.DataFrame)

    # text: str → str, other scalars come back unchanged, a column → Series
    assert_type(clean.clean_text(" แมว "), str)
    blank = clean.clean_text(" ", blank_to_na=True)
    assert_type(blank, "str | float")
    assert isinstance(blank, float)
    assert_type(clean.clean_text(5), int)
    assert_type(clean.clean_text(pd.Series([" a"])), pd.Series)
    words = clean.sort_th(["ไก่", "กา"])
    assert_type(words, list[str])
    assert words == ["กา", "ไก่"]
    sorted_s = clean.sort_th(pd.Series(["เลย", "กระบี่"]))
    assert_type(sorted_s, pd.Series)
    assert isinstance(sorted_s, pd.Series)
    key = clean.sort_key_th(pd.Series(["ข", "ก"]))
    assert_type(key, "pd.Series[float]")
    assert key.dtype == "float64"

    # unparsed: a Series of the raw values; counts=True a Series of counts
    raw = pd.Series(["1", "x", "x"])
    lost = clean.unparsed(raw, clean.to_number(raw))
    assert_type(lost, pd.Series)
    assert lost.tolist() == ["x"]
    counts = clean.unparsed(raw, clean.to_number(raw), counts=True)
    assert_type(counts, "pd.Series[int]")
    assert counts.to_dict() == {"x": 2}

    # files: a path or an open file → DataFrame; chunksize=/iterator=True → pandas' reader
    csv = folder / "t.csv"
    csv.write_text("a,b\\n1,2\\n3,4\\n", encoding="utf-8")
    assert_type(clean.detect_encoding(csv), str)
    assert clean.detect_encoding(b"a,b\\n") == "utf-8"
    df = clean.read_csv_th(csv, verbose=False)
    assert_type(df, pd.DataFrame)
    assert isinstance(df, pd.DataFrame) and df.shape == (2, 2)
    reader = clean.read_csv_th(str(csv), verbose=False, chunksize=1)
    assert_type(reader, TextFileReader)
    with reader:
        assert isinstance(reader, TextFileReader) and [len(c) for c in reader] == [1, 1]
    rows = clean.read_csv_th(csv, verbose=False, iterator=True)
    assert_type(rows, TextFileReader)
    with rows:
        assert isinstance(rows, TextFileReader)
    with open(csv, "rb") as fh:
        assert_type(clean.read_csv_th(fh, verbose=False), pd.DataFrame)
    wb = openpyxl.Workbook()
    wb.active.append(["a", "b"])
    wb.active.append([1, 2])
    xlsx = folder / "t.xlsx"
    wb.save(xlsx)
    sheet = clean.read_excel_th(xlsx, title_rows=0, header_rows=1, verbose=False)
    assert_type(sheet, pd.DataFrame)
    assert isinstance(sheet, pd.DataFrame) and sheet.columns.tolist() == ["a", "b"]
    every = clean.read_excel_th(xlsx, sheet_name=None, title_rows=0, header_rows=1, verbose=False)
    assert_type(every, dict[str, pd.DataFrame])
    assert list(every) == ["Sheet"]
    chosen = clean.read_excel_th(xlsx, sheet_name=[0], title_rows=0, header_rows=1, verbose=False)
    assert_type(chosen, dict[int, pd.DataFrame])
    assert list(chosen) == [0]
'''

# each marked line must be an error with that code, and no other line may be one
BAD = """\
import pandas as pd

from helpers import clean

n: int = clean.to_number(pd.Series(["1"]))  # E: assignment
f: float = clean.to_number(pd.Series(["1"]))  # E: assignment
s: pd.Series = clean.to_number("1")  # E: assignment
df: pd.DataFrame = clean.to_number("1", report=True)  # E: assignment
ts: pd.Timestamp = clean.parse_date_th("15/1/2567")  # E: assignment
dates: pd.Series = clean.find_date_th("ณ วันที่ 30 พฤศจิกายน 2560")  # E: assignment
name: str = clean.normalize_province("กทม")  # E: assignment
year: str = clean.be_to_ce(2567)  # E: assignment
text: str = clean.clean_text(" ", blank_to_na=True)  # E: assignment
words: list[str] = clean.sort_th(pd.Series(["ข", "ก"]))  # E: assignment
table: pd.DataFrame = clean.read_csv_th("a.csv", chunksize=10)  # E: assignment
sheet: pd.DataFrame = clean.read_excel_th("a.xlsx", sheet_name=None)  # E: assignment
clean.to_number(pd.DataFrame({"a": ["1"]}))  # E: call-overload
clean.detect_encoding(5)  # E: arg-type
"""

# mistakes in the declarations themselves, reported inside helpers/clean
_DECLARATION_CODES = {
    "overload-overlap",
    "overload-cannot-match",
    "no-overload-impl",
    "name-defined",
    "valid-type",
}
_ERROR = re.compile(r"^(?P<path>.+?):(?P<line>\d+): error: (?P<message>.*?)(?:  \[(?P<code>[a-z-]+)\])?$")


def _installed(dist: str) -> bool:
    try:
        importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory):
    """Run mypy once on both programs; return ``{file name: [(line, code, message), ...]}``."""
    missing = [d for d in ("mypy", "pandas-stubs") if not _installed(d)]
    assert not missing, f"test dependencies missing: {missing} (pip install mypy pandas-stubs)"
    folder = tmp_path_factory.mktemp("typing")
    (folder / "good_usage.py").write_text(GOOD, encoding="utf-8")
    (folder / "bad_usage.py").write_text(BAD, encoding="utf-8")
    (folder / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")  # no user or project config
    cache_before = (ROOT / ".mypy_cache").exists()
    cmd = [
        sys.executable,
        "-m",
        "mypy",
        "--config-file",
        str(folder / "mypy.ini"),
        "--cache-dir",
        str(folder / "mypy_cache"),
        "--ignore-missing-imports",  # pythainlp, openpyxl … have no stubs
        "--show-error-codes",
        "--no-error-summary",
        "--hide-error-context",
        "--no-pretty",
        "--no-color-output",
        "good_usage.py",
        "bad_usage.py",
    ]
    # the kit is found through MYPYPATH (the editable install's import hook is invisible to mypy)
    env = {**os.environ, "MYPYPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    print(f"mypy took {time.perf_counter() - start:.1f} s")
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr  # 2 = mypy itself failed
    assert (ROOT / ".mypy_cache").exists() == cache_before, "mypy wrote a cache inside the repository"
    errors: dict[str, list[tuple[int, str, str]]] = {}
    for line in proc.stdout.splitlines():
        m = _ERROR.match(line)
        if m:
            path = Path(m["path"])
            key = path.name if path.parent == Path(".") else str(path.resolve().relative_to(ROOT))
            errors.setdefault(key, []).append((int(m["line"]), m["code"] or "", m["message"]))
    return errors


def test_mypy_accepts_learner_code(mypy_errors):
    assert mypy_errors.get("good_usage.py", []) == []


def test_mypy_rejects_wrong_code(mypy_errors):
    expected = {
        (number, m[1])
        for number, text in enumerate(BAD.splitlines(), start=1)
        if (m := re.search(r"# E: ([a-z-]+)$", text))
    }
    assert len(expected) == 14
    found = {(line, code) for line, code, _ in mypy_errors.get("bad_usage.py", [])}
    assert found == expected


def test_overload_declarations_are_well_formed(mypy_errors):
    """mypy finds no overlapping, unreachable or undefined declaration in helpers/clean."""
    bad = [
        (path, line, message)
        for path, errs in mypy_errors.items()
        if path.startswith("helpers/clean/")
        for line, code, message in errs
        if code in _DECLARATION_CODES or (code == "misc" and "verload" in message)
    ]
    assert bad == []


def test_declared_types_hold_at_run_time(tmp_path):
    check = runpy.run_path(str(_write(tmp_path / "good_usage.py", GOOD)))["check"]
    check(tmp_path)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_py_typed_ships_with_the_package():
    marker = importlib.resources.files("helpers").joinpath("py.typed")
    assert marker.is_file()
    assert marker.read_text(encoding="utf-8").strip() == ""  # not "partial": the package is complete
    with open(ROOT / "pyproject.toml", "rb") as f:
        package_data = tomllib.load(f)["tool"]["setuptools"]["package-data"]["helpers"]
    assert any(fnmatch.fnmatch("py.typed", pattern) for pattern in package_data)


def _unannotated(func) -> list[str]:
    sig = inspect.signature(func)
    missing = [p.name for p in sig.parameters.values() if p.annotation is inspect.Parameter.empty]
    if sig.return_annotation is inspect.Signature.empty:
        missing.append("return")
    return missing


def test_every_public_function_is_annotated():
    functions = {
        name: getattr(clean, name) for name in clean.__all__ if inspect.isfunction(getattr(clean, name))
    }
    assert PUBLIC_FUNCTIONS <= functions.keys()
    problems = {}
    for name, func in functions.items():
        overloads = typing.get_overloads(func)
        if overloads:
            missing = [m for o in overloads for m in _unannotated(o)]
            if len(overloads) < 2 or missing:
                problems[name] = ("overloads", len(overloads), missing)
        elif _unannotated(func):
            problems[name] = ("function", _unannotated(func))
    assert problems == {}
