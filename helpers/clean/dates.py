"""Thai dates → pandas datetimes: B.E./C.E. years, Thai month names, Thai digits, 2-digit years.

แปลงวันที่แบบไทยให้เป็นวันที่ของ pandas (datetime64) เช่น ``15/1/2567``, ``15/01/67``, ``2567-01-15``,
``15 ม.ค. 67``, ``15 มกราคม 2567``, ``วันจันทร์ที่ 15 มกราคม พ.ศ. 2567``, ``15 มค 2567``, เลขไทย,
ปี ค.ศ. และค่าที่เป็นวันที่อยู่แล้ว

กติกาเรื่องปี (สำคัญ อ่านก่อนใช้):

- ปี 4 หลัก: ถ้า ``era="auto"`` (ค่าตั้งต้น) ดูทีละค่า ปีตั้งแต่ 2400 ขึ้นไปถือเป็น พ.ศ. (ลบ 543)
  ต่ำกว่านั้นถือเป็น ค.ศ.; ``era="be"`` ถือว่าทุกค่าเป็น พ.ศ.; ``era="ce"`` ถือว่าทุกค่าเป็น ค.ศ.
- **ปี 2 หลัก**: ``era="auto"`` หรือ ``"be"`` → พ.ศ. 25xx (``67`` = พ.ศ. 2567 = ค.ศ. 2024
  เพราะไฟล์ราชการไทยเขียน ``67`` แทน 2567) ช่วงที่ได้คือ พ.ศ. 2500–2599 (ค.ศ. 1957–2056)
  ยกเว้นกรณี ``era="auto"`` ที่ชื่อเดือนเป็นภาษาอังกฤษ (``15-Jan-24`` แบบที่ Excel เขียน) ถือเป็น
  ค.ศ. 20xx; ``era="ce"`` → ค.ศ. 20xx เสมอ (``24`` = 2024)
- คำว่า ``พ.ศ.`` หรือ ``ค.ศ.`` ที่เขียนอยู่ในค่านั้นเองมีผลเหนือ ``era``
- ปี ค.ศ. ที่ได้ต้องอยู่ในช่วง 1700–2299 ไม่อย่างนั้นเป็น NaT (กันการเดาผิด เช่น ปี 2024 ที่บอกว่าเป็น พ.ศ.)
- ปี 1 หรือ 3 หลัก อ่านไม่ได้ → NaT

วันที่ที่ไม่มีจริง (31 ก.พ., เดือน 13) → NaT ไม่มีการปัดไปวันอื่น
"""

from __future__ import annotations

import datetime as _dt
import re

import numpy as np
import pandas as pd

from ._common import SPACE_LIKE, ZERO_WIDTH, as_series, factorize

__all__ = ["parse_date_th", "be_to_ce", "ce_to_be", "THAI_MONTHS", "PROBLEMS", "MIN_CE_YEAR",
           "MAX_CE_YEAR"]

MIN_CE_YEAR = 1700
MAX_CE_YEAR = 2299
_UNIT = "datetime64[us]"  # pandas 3's default resolution for parsed strings

#: Official Thai month names (index 0 = January).
THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
_THAI_ABBR = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
              "พ.ย.", "ธ.ค.")
_THAI_SHORT = ("มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา", "กรกฎา", "สิงหา", "กันยา",
               "ตุลา", "พฤศจิกา", "ธันวา")
_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
       "october", "november", "december")


def _month_key(token: str) -> str:
    return re.sub(r"[\s.\-,]", "", token).lower()


_MONTHS: dict[str, int] = {}
for _i in range(12):
    for _name in (THAI_MONTHS[_i], _THAI_ABBR[_i], _THAI_SHORT[_i], _EN[_i], _EN[_i][:3]):
        _MONTHS[_month_key(_name)] = _i + 1
# frequent misspellings seen in real files (ฏ for ฎ, missing ์)
_MONTHS.update({"กุมภาพันธ": 2, "กรกฏาคม": 7, "กรกฏา": 7, "กฎ": 7, "sept": 9})

_WEEKDAYS = {"จันทร์": 0, "อังคาร": 1, "พุธ": 2, "พฤหัสบดี": 3, "พฤหัส": 3, "ศุกร์": 4, "เสาร์": 5,
             "อาทิตย์": 6}
_PREFIX_RE = re.compile(r"(?:วัน)?\s*(?P<wd>%s)?\s*(?:ที่)?\s*,?\s*" % "|".join(
    sorted(_WEEKDAYS, key=len, reverse=True)))
_TIME = (r"(?:(?:\s*,?\s*(?:เวลา)?\s*|t)(?P<H>\d{1,2})[:.](?P<Mi>\d{2})"
         r"(?:[:.](?P<S>\d{2})(?:\.\d+)?)?\s*(?:น\.?|นาฬิกา)?)?")
_NUMERIC_RE = re.compile(r"(?P<pre>.*?)(?P<a>\d{1,4})\s*(?P<sep>[/\-.])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*"
                         r"(?P<c>\d{1,4})" + _TIME)
_ERA = r"(?P<era>พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|b\.\s?e\.|be|c\.\s?e\.|ce|a\.\s?d\.|ad)"
_TEXT_RE = re.compile(r"(?P<pre>.*?)(?P<d>\d{1,2})[\s\-/]*(?P<mon>[^\d]+?)[\s\-/,]*(?:" + _ERA +
                      r"\s*)?(?P<y>\d{1,4})" + _TIME)
_NORMALISE = str.maketrans({**{c: None for c in ZERO_WIDTH}, **{c: " " for c in SPACE_LIKE},
                            **{ord(k): v for k, v in zip("๐๑๒๓๔๕๖๗๘๙", "0123456789")}})

#: Texts of the ``problem`` column in the report of ``parse_date_th(..., report=True)``.
PROBLEMS = {
    "format": "อ่านรูปแบบวันที่ไม่ออก",
    "not_text": "ไม่ใช่ข้อความวันที่ (เช่น เป็นตัวเลข)",
    "impossible": "ไม่มีวันที่นี้จริง (เช่น 31 ก.พ. หรือเดือนที่ 13)",
    "swapped": "ไม่มีวันที่นี้จริง แต่ถ้าสลับวันกับเดือนจะอ่านได้",
    "year": f"ปีอยู่นอกช่วงที่รับได้ (ค.ศ. {MIN_CE_YEAR}–{MAX_CE_YEAR}) หรือมีจำนวนหลักไม่ใช่ 2 หรือ 4",
    "time": "เวลาไม่ถูกต้อง (ชั่วโมง 0–23 นาที/วินาที 0–59)",
    "ambiguous": "วันกับเดือนอาจสลับกันได้ (ทั้งสองค่าไม่เกิน 12)",
    "weekday": "ชื่อวันในสัปดาห์ไม่ตรงกับวันที่ (ใช้วันที่ตามตัวเลข)",
}
_BE_MARK = ("พศ", "be")


def _check_era(era: str) -> str:
    if era not in ("auto", "be", "ce"):
        raise ValueError(f'era ต้องเป็น "auto", "be" (พ.ศ.) หรือ "ce" (ค.ศ.) ไม่ใช่ {era!r}')
    return era


def _ce_year(ystr: str, marker: str | None, era: str) -> int | None:
    """The C.E. year for one year text, or None (explicit rule, see the module docstring)."""
    kind = era
    if marker:
        kind = "be" if re.sub(r"[\s.]", "", marker) in _BE_MARK else "ce"
    y = int(ystr)
    if len(ystr) == 2:
        return 2500 + y - 543 if kind in ("auto", "be") else 2000 + y
    if len(ystr) != 4:
        return None
    if kind == "auto":
        kind = "be" if y >= 2400 else "ce"
    ce = y - 543 if kind == "be" else y
    return ce if MIN_CE_YEAR <= ce <= MAX_CE_YEAR else None


def _split(text: str, dayfirst: bool, era: str):
    """Regex-split one distinct text → (problem, y, m, d, H, Mi, S, weekday, order).

    ``order`` is 1 when day and month could be swapped (both ≤ 12), 2 when the value confirms the
    day/month order (a d/m/y value whose day is > 12), else 0.
    """
    t = " ".join(text.translate(_NORMALISE).split()).lower()
    wd = None
    m = _NUMERIC_RE.fullmatch(t)
    if m:
        a, b, c = m["a"], m["b"], m["c"]
        if len(a) == 4:  # ISO order: year first (yyyy-mm-dd, yyyy/mm/dd); dayfirst does not apply
            ys, mo, d = a, int(b), int(c)
            ambiguous = 0
        elif len(a) <= 2:
            ys = c
            d, mo = (int(a), int(b)) if dayfirst else (int(b), int(a))
            ambiguous = 1 if (d <= 12 and mo <= 12 and d != mo) else 2 if (d > 12 and mo <= 12) else 0
        else:
            return ("format",) + (None,) * 8
        marker = None
    else:
        m = _TEXT_RE.fullmatch(t)
        if not m:
            return ("format",) + (None,) * 8
        mo = _MONTHS.get(_month_key(m["mon"]))
        if mo is None:
            return ("format",) + (None,) * 8
        ys, d, marker, ambiguous = m["y"], int(m["d"]), m["era"], 0
        if marker is None and era == "auto" and len(ys) == 2 and m["mon"].isascii():
            marker = "ce"  # "15-Jan-24": an English month name means a C.E. year (Excel style)
    pre = _PREFIX_RE.fullmatch(m["pre"])
    if pre is None:
        return ("format",) + (None,) * 8
    if pre["wd"]:
        wd = _WEEKDAYS[pre["wd"]]
    y = _ce_year(ys, marker, era)
    if y is None:
        return ("year",) + (None,) * 8
    hh, mi, ss = (int(m["H"]), int(m["Mi"]), int(m["S"] or 0)) if m["H"] else (0, 0, 0)
    if hh > 23 or mi > 59 or ss > 59:
        return ("time",) + (None,) * 8
    return ("ok", y, mo, d, hh, mi, ss, wd, ambiguous)


def _assemble(y, mo, d, hh, mi, ss) -> np.ndarray:
    frame = pd.DataFrame({"year": y, "month": mo, "day": d, "hour": hh, "minute": mi, "second": ss},
                         dtype="float64")
    return pd.to_datetime(frame, errors="coerce").to_numpy().astype(_UNIT)


def _datetime_like(v) -> bool:
    return isinstance(v, (_dt.date, np.datetime64))


def _parse_distinct(uniques, dayfirst: bool, era: str):
    """Parse the distinct values: returns (datetime64 array, problem codes, alternative array)."""
    n = len(uniques)
    cols = np.full((6, n), np.nan)
    problem = np.full(n, "ok", dtype=object)
    weekday = np.full(n, -1)
    order = np.zeros(n, dtype=np.int8)
    direct = {}
    for i, v in enumerate(uniques):
        if isinstance(v, str) and not v.strip():
            problem[i] = "blank"  # an empty cell, not a problem to report
        elif isinstance(v, str):
            p, *parts = _split(v, dayfirst, era)
            problem[i] = p
            if p == "ok":
                cols[:, i] = parts[:6]
                weekday[i] = -1 if parts[6] is None else parts[6]
                order[i] = parts[7]
        elif _datetime_like(v):
            ts = pd.Timestamp(v)
            direct[i] = ts.tz_localize(None) if ts.tz is not None else ts
        else:
            problem[i] = "not_text"
    result = _assemble(*cols)
    for i, ts in direct.items():
        result[i] = np.datetime64(ts.to_datetime64(), "us")
    # valid components but no such calendar day (31 Feb, month 13) → NaT, tell why
    impossible = (problem == "ok") & np.isnat(result) & ~np.isin(np.arange(n), list(direct))
    problem[impossible] = "impossible"
    alternative = np.full(n, np.datetime64("NaT"), dtype=_UNIT)
    ambiguous = order == 1
    swap = impossible | ambiguous
    if swap.any():
        alternative[swap] = _assemble(cols[0][swap], cols[2][swap], cols[1][swap], *cols[3:, swap])
        problem[impossible & ~np.isnat(alternative)] = "swapped"
    # The column itself settles the order when some values have a day > 12 in the day position
    # (e.g. 13/1/2567) and none only make sense swapped (e.g. 1/13/2567): then 5/6/2567 is not
    # reported as ambiguous.  Otherwise every value that could be swapped is listed.
    settled = bool(((order == 2) & ~np.isnat(result)).any()) and not (problem == "swapped").any()
    if not settled:
        problem[ambiguous & (problem == "ok")] = "ambiguous"
    has_wd = weekday >= 0
    if has_wd.any():
        actual = pd.DatetimeIndex(result[has_wd]).day_of_week.to_numpy()
        bad = np.zeros(n, dtype=bool)
        bad[has_wd] = actual != weekday[has_wd]
        problem[bad & (problem == "ok")] = "weekday"
    return result, problem, alternative


def parse_date_th(s, dayfirst: bool = True, era: str = "auto", report: bool = False):
    """Parse Thai dates (B.E. or C.E., Thai/English month names, Thai digits) to datetime64; else NaT.

    แปลงวันที่แบบไทยเป็นวันที่ของ pandas ค่าเดี่ยวได้ ``Timestamp`` (หรือ ``NaT``) Series ได้ Series
    ชนิด ``datetime64`` ที่มี index และชื่อเดิม รูปแบบที่อ่านได้: ``15/1/2567``, ``15-01-67``,
    ``15.01.2567``, ``2567-01-15`` (ปีขึ้นก่อน = ปี-เดือน-วัน เสมอ), ``15 ม.ค. 67``, ``15 มค 2567``,
    ``15 มกราคม 2567``, ``วันจันทร์ที่ 15 มกราคม พ.ศ. 2567``, ``15 Jan 2024``, เลขไทย, เวลาต่อท้าย
    (``10:30``, ``10.30 น.``) และค่าที่เป็นวันที่อยู่แล้ว (datetime, Timestamp)

    - ``dayfirst=True``: ``1/2/2567`` คือ 1 กุมภาพันธ์ (แบบไทย); ``False`` คือ 2 มกราคม (แบบอเมริกัน)
    - ``era``: ``"auto"`` / ``"be"`` / ``"ce"`` ดูกติกาเรื่องปีด้านบนของโมดูล (ปี 2 หลัก: ``67`` → พ.ศ. 2567
      เมื่อ ``era="auto"``; ``era="ce"`` → ค.ศ. 2067)
    - ``report=True``: คืน ``(ผลลัพธ์, ตารางรายงาน)`` ตารางมีคอลัมน์ ``value, count, parsed, problem,
      alternative`` หนึ่งแถวต่อค่าที่ไม่ซ้ำกันซึ่งอ่านไม่ได้ หรือวันกับเดือนอาจสลับกัน (``alternative``
      คือวันที่ถ้าสลับ) ข้อความใน ``problem`` ดูได้ที่ ``PROBLEMS`` ค่าอย่าง ``5/6/2567`` จะไม่ถูกรายงานว่า
      กำกวมถ้าคอลัมน์เดียวกันมีค่าที่ยืนยันลำดับแล้ว (มีวันที่เกิน 12 ในตำแหน่งวัน เช่น ``13/6/2567``)
      และไม่มีค่าที่อ่านได้เฉพาะเมื่อสลับ (เช่น ``6/13/2567``)

    ความเร็ว: แปลงแต่ละค่าที่ไม่ซ้ำกันเพียงครั้งเดียว แล้วกระจายผลกลับทุกแถว

    >>> parse_date_th("15/1/2567")
    Timestamp('2024-01-15 00:00:00')
    >>> parse_date_th("วันจันทร์ที่ ๑๕ มกราคม พ.ศ. ๒๕๖๗")
    Timestamp('2024-01-15 00:00:00')
    >>> parse_date_th("15 ม.ค. 67"), parse_date_th("15/01/24", era="ce")
    (Timestamp('2024-01-15 00:00:00'), Timestamp('2024-01-15 00:00:00'))
    >>> parse_date_th("31 ก.พ. 2567")
    NaT
    >>> s = pd.Series(["2567-01-15", "15 มค 2567", "1/2/2024", "ไม่ทราบ"], name="วันที่")
    >>> parsed, rep = parse_date_th(s, report=True)
    >>> parsed.dt.strftime("%Y-%m-%d").tolist()
    ['2024-01-15', '2024-01-15', '2024-02-01', nan]
    >>> rep[["value", "problem"]].values.tolist()
    [['ไม่ทราบ', 'อ่านรูปแบบวันที่ไม่ออก'], ['1/2/2024', 'วันกับเดือนอาจสลับกันได้ (ทั้งสองค่าไม่เกิน 12)']]
    """
    _check_era(era)
    series, scalar = as_series(s)
    if isinstance(series.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(series.dtype):
        out = series.copy()
        rep = _empty_report()
    else:
        codes, uniques = factorize(series)
        parsed_u, problem, alternative = _parse_distinct(uniques, dayfirst, era)
        table = np.empty(len(parsed_u) + 1, dtype=_UNIT)
        table[:-1] = parsed_u
        table[-1] = np.datetime64("NaT")
        out = pd.Series(table[codes], index=series.index, name=series.name)
        rep = _build_report(uniques, codes, parsed_u, problem, alternative) if report else None
    if scalar:
        value = out.iloc[0]
        return (value, rep) if report else value
    return (out, rep) if report else out


def _empty_report() -> pd.DataFrame:
    return pd.DataFrame({"value": pd.Series(dtype=object), "count": pd.Series(dtype="int64"),
                         "parsed": pd.Series(dtype=_UNIT), "problem": pd.Series(dtype=object),
                         "alternative": pd.Series(dtype=_UNIT)})


def _build_report(uniques, codes, parsed_u, problem, alternative) -> pd.DataFrame:
    flagged = np.flatnonzero((problem != "ok") & (problem != "blank"))
    if len(flagged) == 0:
        return _empty_report()
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    rep = pd.DataFrame({
        "value": pd.Series(np.asarray(uniques, dtype=object)[flagged], dtype=object),
        "count": counts[flagged].astype("int64"),
        "parsed": parsed_u[flagged],
        "problem": [PROBLEMS[p] for p in problem[flagged]],
        "alternative": alternative[flagged],
    })
    order = np.lexsort((-rep["count"].to_numpy(), rep["parsed"].notna().to_numpy()))  # unreadable first
    return rep.iloc[order].reset_index(drop=True)


# --------------------------------------------------------------------------------------- years
_YEAR_RE = re.compile(r"\D*?(\d+)\D*")


def _year_number(v) -> tuple[int | None, str]:
    """One year-like value → (integer, digits text) or (None, '')."""
    if isinstance(v, bool) or v is None:
        return None, ""
    if isinstance(v, (int, np.integer)):
        return int(v), str(abs(int(v)))
    if isinstance(v, (float, np.floating)):
        if np.isnan(v) or not float(v).is_integer():
            return None, ""
        return int(v), str(abs(int(v)))
    if isinstance(v, str):
        t = " ".join(v.translate(_NORMALISE).split())
        m = _YEAR_RE.fullmatch(t)
        if m:
            return int(m[1]), m[1]
    return None, ""


def _convert_years(x, to: str):
    def one(v):
        y, digits = _year_number(v)
        if y is None or len(digits) not in (2, 4):
            return pd.NA
        text = v.lower() if isinstance(v, str) else ""
        if to == "ce":
            if "ค.ศ" in text or "คศ" in text:
                return pd.NA
            ce = 2500 + y - 543 if len(digits) == 2 else y - 543
            return ce if MIN_CE_YEAR <= ce <= MAX_CE_YEAR else pd.NA
        if "พ.ศ" in text or "พศ" in text:
            return pd.NA
        ce = 2000 + y if len(digits) == 2 else y
        return ce + 543 if MIN_CE_YEAR <= ce <= MAX_CE_YEAR else pd.NA

    series, scalar = as_series(x)
    if scalar:
        r = one(series.iloc[0])
        return np.nan if r is pd.NA else r
    codes, uniques = factorize(series)
    mapped = pd.array([one(v) for v in uniques] + [pd.NA], dtype="Int64")
    return pd.Series(mapped.take(codes), index=series.index, name=series.name)


def be_to_ce(x):
    """Buddhist-era year → Common-era year (year − 543); int, str or Series; else NaN/<NA>.

    แปลงปี พ.ศ. เป็น ค.ศ. รับตัวเลข ข้อความ (เลขไทยได้ เช่น ``"พ.ศ. ๒๕๖๗"``, ``"ปีใหม่ 51"``) หรือ Series
    ผลเป็นจำนวนเต็ม (Series ชนิด ``Int64``) ปี 2 หลักถือเป็น พ.ศ. 25xx (``51`` → 2551 → 2008)
    ค่าที่ไม่ใช่ปี พ.ศ. ที่เป็นไปได้ (เช่น 2024 ซึ่งน่าจะเป็น ค.ศ. อยู่แล้ว หรือข้อความที่มี ค.ศ.) → ว่าง

    >>> be_to_ce(2567), be_to_ce("๒๕๖๗"), be_to_ce("ปีใหม่ 51")
    (2024, 2024, 2008)
    >>> be_to_ce(2024)
    nan
    >>> be_to_ce(pd.Series([2566, None, "2567"])).tolist()
    [2023, <NA>, 2024]
    """
    return _convert_years(x, "ce")


def ce_to_be(x):
    """Common-era year → Buddhist-era year (year + 543); int, str or Series; else NaN/<NA>.

    แปลงปี ค.ศ. เป็น พ.ศ. ปี 2 หลักถือเป็น ค.ศ. 20xx (``24`` → 2024 → 2567)
    ค่าที่ดูเป็น พ.ศ. อยู่แล้ว (เช่น 2567) → ว่าง เพื่อไม่ให้บวก 543 ซ้ำ

    >>> ce_to_be(2024), ce_to_be("2024"), ce_to_be(24)
    (2567, 2567, 2567)
    >>> ce_to_be(2567)
    nan
    >>> ce_to_be(pd.Series([2023, 2024], name="ปี")).tolist()
    [2566, 2567]
    """
    return _convert_years(x, "be")
