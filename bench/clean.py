"""Benchmark ``helpers.clean`` on 1,000,000 rows against the row-by-row way and the floor.

วัดความเร็วและหน่วยความจำสูงสุดของ ``helpers.clean`` บนข้อมูล 1,000,000 แถวที่มีค่าซ้ำแบบข้อมูลจริง
เทียบกับ (ก) วิธีเขียนทีละแถวแบบที่ผู้เรียนมักเขียน (``Series.apply``) และ (ข) "พื้น" (floor) คือสิ่งที่เร็วที่สุด
ที่ pandas ทำได้กับข้อมูลที่สะอาดแล้ว (``pd.to_datetime`` กับสตริง ISO, ``str.translate``, ``Series.map(dict)``)

Run: ``KIT_OFFLINE=1 PYTHAINLP_OFFLINE=1 PYTHAINLP_READ_ONLY=1 .venv/bin/python bench/clean.py``
(``--rows N`` for a quicker run, ``--sample N`` for the row-by-row sample size).

Method:
- times are the best of ``--repeat`` runs (default 3) measured with ``time.perf_counter``;
- peak memory is measured in a separate run under ``tracemalloc`` (numpy and pandas report their
  buffers to it), as the peak of new allocations during the call, input excluded;
- the row-by-row versions run on a random sample (default 20,000 rows) and their time is
  extrapolated linearly to the full row count (marked ``*``); their memory is for the sample;
- ``normalize_province`` remembers each spelling it has resolved in this session (the memo is what
  lets it run at ``Series.map`` speed); the "(1st call)" row empties the memo before each run;
- inputs are read back through ``pd.read_csv`` so they have the dtype a learner gets (pandas 3
  ``str``) and distinct string objects per row, like a real file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import gc
import io
import os
import re
import sys
import time
import tracemalloc

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from pythainlp.util import normalize, thai_digit_to_arabic_digit, thai_strptime  # noqa: E402

from helpers import clean  # noqa: E402

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
ABBR = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
FULL = clean.dates.THAI_MONTHS
WEEKDAY = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")


# ------------------------------------------------------------------------------------ data
def _via_csv(values, name: str) -> pd.Series:
    """Round-trip through read_csv: realistic dtype and one string object per row."""
    buf = io.StringIO()
    pd.Series(values, name=name).to_csv(buf, index=False)
    buf.seek(0)
    return pd.read_csv(buf, dtype=str, keep_default_na=False)[name]


def _render_date(d: dt.date, fmt: int) -> str:
    be = d.year + 543
    if fmt == 0:
        return f"{d.day}/{d.month}/{be}"
    if fmt == 1:
        return f"{d.day:02d}/{d.month:02d}/{be % 100:02d}"
    if fmt == 2:
        return f"{be}-{d.month:02d}-{d.day:02d}"
    if fmt == 3:
        return f"{d.day} {ABBR[d.month - 1]} {be % 100:02d}"
    if fmt == 4:
        return f"{d.day} {FULL[d.month - 1]} {be}"
    if fmt == 5:
        return f"วัน{WEEKDAY[d.weekday()]}ที่ {d.day} {FULL[d.month - 1]} พ.ศ. {be}"
    if fmt == 6:
        return f"{d.day} {ABBR[d.month - 1].replace('.', '')} {be}"
    if fmt == 7:
        return f"{d.day}/{d.month}/{be}".translate(THAI_DIGITS)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"  # C.E.


def make_dates(rows: int, rng) -> tuple[pd.Series, pd.Series]:
    """~3,000 distinct date strings in 9 mixed formats (2017-2024) and their ISO equivalents."""
    start = dt.date(2017, 1, 1)
    day_offsets = rng.choice(8 * 365, size=2000, replace=False)
    pairs = {(int(o), int(f)) for o, f in zip(np.repeat(day_offsets, 2), rng.integers(0, 9, 4000))}
    pairs = sorted(pairs)
    texts = np.array([_render_date(start + dt.timedelta(days=o), f) for o, f in pairs], dtype=object)
    isos = np.array([(start + dt.timedelta(days=o)).isoformat() for o, _ in pairs], dtype=object)
    pick = rng.integers(0, len(texts), rows)
    return _via_csv(texts[pick], "วันที่"), _via_csv(isos[pick], "iso")


def make_numbers(rows: int, rng) -> tuple[pd.Series, pd.Series]:
    """Counts written with commas, half in Thai digits, some with a unit (~6,000 distinct)."""
    n = rng.integers(0, 60_000, 3000)
    base = [f"{v:,}" for v in n]
    texts = np.array(base + [b.translate(THAI_DIGITS) for b in base[:2000]]
                     + [f"{b} คน" for b in base[2000:]], dtype=object)
    plain = np.array([str(v) for v in n] + [str(v) for v in n[:2000]] + [str(v) for v in n[2000:]],
                     dtype=object)
    pick = rng.integers(0, len(texts), rows)
    return _via_csv(texts[pick], "จำนวน"), _via_csv(plain[pick], "plain")


def make_provinces(rows: int, rng) -> tuple[pd.Series, dict]:
    """77 provinces × ~7 spellings (prefixes, English, variants, case, garbles), weighted by population."""
    table = clean.province_table()
    spellings, truth, weights = [], [], []
    for r in table.itertuples(index=False):
        forms = {r.name_th, f"จ.{r.name_th}", f"จังหวัด{r.name_th}", f" {r.name_th} ", r.name_en,
                 r.name_en.upper(), f"จ. {r.name_th}"}
        if isinstance(r.name_en_variant, str):
            forms.add(r.name_en_variant)
        if "แ" in r.name_th:
            forms.add(r.name_th.replace("แ", "เเ"))
        if "ำ" in r.name_th:
            forms.add(r.name_th.replace("ำ", " ำ", 1))
        forms.add(r.name_th[:2] + "\u200b" + r.name_th[2:])
        for f in sorted(forms):
            spellings.append(f)
            truth.append(r.name_th)
            weights.append(r.population_31dec2562 / len(forms))
    for alias in ("กทม", "กทม.", "กรุงเทพฯ", "Bangkok", "กรงุเทพมหานคร"):
        spellings.append(alias)
        truth.append("กรุงเทพมหานคร")
        weights.append(2e6)
    w = np.array(weights) / sum(weights)
    pick = rng.choice(len(spellings), size=rows, p=w)
    series = _via_csv(np.array(spellings, dtype=object)[pick], "จังหวัด")
    truth_of = dict(zip(spellings, truth))
    # the CSV round trip may trim a leading space: key the answer by the values actually read
    answer = {v: truth_of.get(v, truth_of.get(f" {v}")) for v in series.unique()}
    return series, answer


# ------------------------------------------------------------------- row-by-row (learner)
def learner_date(text):
    """What a learner writes: thai_strptime for month names, split('/') for the rest."""
    text = thai_digit_to_arabic_digit(str(text)).replace("พ.ศ. ", "")
    text = re.sub(r"^วัน\S+ที่ ", "", text)
    for fmt in ("%d %B %Y", "%d %b %Y"):
        try:
            return pd.Timestamp(thai_strptime(text, fmt).replace(tzinfo=None))
        except Exception:
            pass
    try:
        parts = re.split(r"[/-]", text)
        if len(parts[0]) == 4:
            y, m, d = map(int, parts)
        else:
            d, m, y = map(int, parts)
        if y < 100:
            y += 2500
        if y > 2400:
            y -= 543
        return pd.Timestamp(year=y, month=m, day=d)
    except Exception:
        return pd.NaT


def learner_number(text):
    try:
        t = thai_digit_to_arabic_digit(str(text)).replace(",", "").replace("คน", "").strip()
        return float(t)
    except ValueError:
        return np.nan


_LEARNER_NAMES = None


def learner_province(text):
    global _LEARNER_NAMES
    if _LEARNER_NAMES is None:
        t = clean.province_table()
        _LEARNER_NAMES = dict(zip(t.name_th, t.name_th)) | dict(zip(t.name_en.str.lower(), t.name_th))
    name = normalize(str(text)).strip().replace("จังหวัด", "").replace("จ.", "").strip()
    if name.lower() in _LEARNER_NAMES:
        return _LEARNER_NAMES[name.lower()]
    close = difflib.get_close_matches(name, list(_LEARNER_NAMES), n=1, cutoff=0.85)
    return _LEARNER_NAMES[close[0]] if close else np.nan


# ----------------------------------------------------------------------------- measuring
def best_time(fn, repeat: int, setup=None) -> float:
    best = float("inf")
    for _ in range(repeat):
        if setup:
            setup()
        gc.collect()
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def peak_mb(fn, setup=None) -> float:
    if setup:
        setup()
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    result = fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del result
    return (peak - base) / 2**20


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--sample", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    rng = np.random.default_rng(2567)
    t0 = time.perf_counter()

    dates, iso = make_dates(args.rows, rng)
    nums, plain = make_numbers(args.rows, rng)
    provs, truth = make_provinces(args.rows, rng)
    sample = np.sort(rng.choice(args.rows, size=min(args.sample, args.rows), replace=False))
    scale = args.rows / len(sample)

    # warm-up: pythainlp's first call loads data; regexes compile; province table is cached
    clean.parse_date_th(dates.iloc[:100]), clean.normalize_province(provs.iloc[:100])
    clean.to_number(nums.iloc[:100]), clean.clean_text(provs.iloc[:100])

    # correctness guard: a fast wrong answer would be worthless
    ours_dates = clean.parse_date_th(dates)
    pd.testing.assert_series_equal(ours_dates, pd.to_datetime(iso, format="%Y-%m-%d").rename("วันที่"))
    pd.testing.assert_series_equal(clean.normalize_province(provs), provs.map(truth))
    assert (clean.to_number(nums).to_numpy() == pd.to_numeric(plain).to_numpy()).all(), "numbers differ"

    translate_table = TO_ARABIC

    def forget_spellings():
        """Empty the session memo of province spellings: time the very first call."""
        clean.provinces._tables()[1].clear()

    rows = [
        # name, ours, row-by-row (on sample), floor, floor label, target text, target check
        ("parse_date_th", lambda: clean.parse_date_th(dates),
         lambda s=dates.iloc[sample]: s.apply(learner_date),
         lambda: pd.to_datetime(iso, format="%Y-%m-%d"), "pd.to_datetime(ISO)",
         "≤2× floor, ≥50× row", lambda o, r, f: o <= 2 * f and r >= 50 * o),
        ("to_arabic_digits", lambda: clean.to_arabic_digits(nums),
         lambda s=nums.iloc[sample]: s.apply(thai_digit_to_arabic_digit),
         lambda: nums.str.translate(translate_table), "str.translate",
         "≤1.5× floor", lambda o, r, f: o <= 1.5 * f),
        ("to_number", lambda: clean.to_number(nums),
         lambda s=nums.iloc[sample]: s.apply(learner_number),
         lambda: pd.to_numeric(plain), "pd.to_numeric(clean)",
         "(none)", None),
        ("normalize_province (1st call)", lambda: clean.normalize_province(provs),
         lambda s=provs.iloc[sample]: s.apply(learner_province),
         lambda: provs.map(truth), "Series.map(dict)",
         "(none: learns spellings)", None, forget_spellings),
        ("normalize_province", lambda: clean.normalize_province(provs),
         lambda s=provs.iloc[sample]: s.apply(learner_province),
         lambda: provs.map(truth), "Series.map(dict)",
         "≤2× floor", lambda o, r, f: o <= 2 * f),
        ("province_code", lambda: clean.province_code(provs),
         lambda s=provs.iloc[sample]: s.apply(learner_province),
         lambda: provs.map(truth), "Series.map(dict)",
         "≤2× floor", lambda o, r, f: o <= 2 * f),
        ("clean_text", lambda: clean.clean_text(provs),
         lambda s=provs.iloc[sample]: s.apply(normalize),
         lambda: provs.str.strip(), "str.strip",
         "(none)", None),
    ]
    out = []
    all_ok = True
    for name, ours, row, floor, floor_label, target, check, *setup in rows:
        setup = setup[0] if setup else None
        t_ours = best_time(ours, args.repeat, setup)
        t_floor = best_time(floor, args.repeat)
        t_row = best_time(row, 1) * scale
        m_ours, m_floor, m_row = peak_mb(ours, setup), peak_mb(floor), peak_mb(row)
        ok = check(t_ours, t_row, t_floor) if check else None
        all_ok &= ok is not False
        out.append({
            "function": name,
            "ours s": f"{t_ours:.3f}",
            "row-by-row s*": f"{t_row:.1f}",
            "floor s": f"{t_floor:.3f}",
            "floor": floor_label,
            "ours/floor": f"{t_ours / t_floor:.2f}×",
            "row/ours": f"{t_row / t_ours:,.0f}×",
            "peak MB ours": f"{m_ours:.0f}",
            "peak MB floor": f"{m_floor:.0f}",
            "peak MB row*": f"{m_row:.1f}",
            "target": target,
            "met": {True: "yes", False: "NO", None: "-"}[ok],
        })
    table = pd.DataFrame(out)
    print(f"helpers.clean benchmark: {args.rows:,} rows; distinct values: dates "
          f"{dates.nunique():,}, numbers {nums.nunique():,}, provinces {provs.nunique():,}; "
          f"* row-by-row timed on {len(sample):,} rows and extrapolated ×{scale:g} (memory: sample); "
          f"best of {args.repeat}; pandas {pd.__version__}, {os.cpu_count()} CPU")
    print(table.to_string(index=False))
    print(f"total benchmark time {time.perf_counter() - t0:.0f} s; all targets met: {all_ok}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
