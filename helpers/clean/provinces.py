"""Province names in any spelling → the official Thai name or the 2-digit province code.

แปลงชื่อจังหวัดที่เขียนได้หลายแบบ (มี ``จ.``/``จังหวัด`` นำหน้า, ``กทม``, ชื่ออังกฤษหลายแบบ, ช่องว่างเกิน,
``เเ`` สองตัว, ตัวอักษรเพี้ยนจากการคัดลอกจาก PDF) ให้เป็นชื่อทางการภาษาไทย หรือรหัสจังหวัด 2 หลัก
(``'10'`` ถึง ``'96'``) ตารางจังหวัดอ่านจาก ``data/provinces.csv`` ของชุดเรียน

ตัวเลข (เช่น 50) ไม่ถูกตีความเป็นจังหวัด เพราะข้อมูลจริงมักสับสนระหว่างลำดับที่ 1–77 กับรหัสทางการ 10–96
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

import numpy as np
import pandas as pd

from .. import paths
from ._common import as_series, factorize
from .text import _clean_one

__all__ = ["normalize_province", "province_code", "province_table", "FUZZY_THRESHOLD",
           "FUZZY_MARGIN", "FUZZY_MIN_LENGTH"]

#: Minimum difflib similarity (0–1) for a guess; below it the value stays unmatched.
#: 0.85 lets one misplaced vowel through in a long name (กรงุเทพมหานคร → 0.92) but never
#: turns a short name into another province (ตราด/ตรัง = 0.5, น่าน/ยะลา ...).
FUZZY_THRESHOLD = 0.85
#: No guess for names shorter than this (after normalising): in a 3-letter name one typo is
#: already another word (ตาด is closer to ตราด than anything, but is it?).
FUZZY_MIN_LENGTH = 5
#: A guess is refused when the runner-up (another province) is this close to the best score,
#: so two equally close candidates never produce an answer.
FUZZY_MARGIN = 0.05

# Other names in common use (checked by hand; not in provinces.csv).
_ALIASES = {
    "10": ("กทม", "กทม.", "กรุงเทพ", "กรุงเทพฯ", "กรุงเทพมหานคร", "กรุงเทพเมือง", "Bangkok", "BKK",
           "Krung Thep", "Krung Thep Maha Nakhon", "Bangkok Metropolis"),
    "14": ("อยุธยา", "Ayutthaya", "Ayuthaya", "Ayudhya", "Phra Nakhon Si Ayudhya"),
    "30": ("โคราช", "Korat", "Khorat"),
    "34": ("อุบล", "อุบลฯ", "Ubon"),
    "41": ("อุดร", "อุดรฯ", "Udon"),
    "77": ("ประจวบ", "ประจวบฯ"),
    "80": ("นครศรีฯ", "Nakhon Sri Thammarat"),
    "84": ("สุราษฎร์", "สุราษฎร์ฯ", "Surat"),
    "90": ("Songkla",),
}
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_LATIN = re.compile(r"[A-Za-z]")
_PREFIX = re.compile(r"^(?:จังหวัด|จ\s*\.)\s*|^(?:changwat|province of)\s+", re.IGNORECASE)
_SUFFIX = re.compile(r"\s+province$", re.IGNORECASE)


def _key(text: str, full: bool = True) -> str:
    """Normalise one name for lookup (Thai: no spaces; English: lower case letters only).

    ``full=False`` skips the Thai text clean-up (invisible characters, doubled vowels), which is
    the slow part; ``_resolve`` tries that quick key first and falls back to the full one.
    """
    # the scalar core of clean_text: _key runs once per distinct spelling, and wrapping each one
    # in a Series (as the public function does for scalars) cost more than the matching itself
    t = unicodedata.normalize("NFC", _clean_one(text) if full else " ".join(text.split()))
    t = _PREFIX.sub("", t)
    t = _SUFFIX.sub("", t)
    if _LATIN.search(t):
        return re.sub(r"[^a-z]", "", t.lower())
    # Thai names contain no spaces, dots or brackets; "ฯ" only in กรุงเทพฯ (an alias below)
    return re.sub(r"[\s.\-()\"']", "", t)


class _Memo:
    """Raw spellings already resolved in this session → province code (or None) and a note.

    Written by hand because it is what makes the function as fast as ``Series.map(dict)``: the
    spellings seen before are found with one C-level ``Index.get_indexer`` call over the whole
    column, and only new spellings go through ``_key`` / fuzzy matching (once each, ever).
    """

    LIMIT = 100_000  # forget everything past this many spellings (memory bound)

    def __init__(self, table: pd.DataFrame, lookup: dict[str, str]):
        self.lookup = lookup
        self.keys = tuple(lookup.items())
        self.names = {"name_th": dict(zip(table["province_code"], table["name_th"])),
                      "province_code": dict(zip(table["province_code"], table["province_code"]))}
        self.clear()

    def clear(self) -> None:
        self.seen: dict[str, int] = {}
        self.codes: list[str | None] = []
        self.notes: list[str] = []
        self._index: pd.Index | None = None
        self._out: dict[str, pd.api.extensions.ExtensionArray] = {}

    def positions(self, uniques) -> np.ndarray:
        """Position of each distinct value in the memo (new ones are resolved and added); -1 if not text."""
        if len(self.codes) + len(uniques) > self.LIMIT:
            self.clear()
        pos = np.full(len(uniques), -1, dtype=np.intp)
        new_codes, new_notes = _resolve([u for u in uniques if isinstance(u, str) and u not in self.seen],
                                        self.lookup, self.keys)
        it = iter(zip(new_codes, new_notes))
        for i, u in enumerate(uniques):
            if not isinstance(u, str):
                continue
            j = self.seen.get(u)
            if j is None:
                code, note = next(it)
                j = self.seen[u] = len(self.codes)
                self.codes.append(code)
                self.notes.append(note)
                self._index = None
                self._out = {}
            pos[i] = j
        return pos

    def index(self) -> pd.Index:
        if self._index is None:
            self._index = pd.Index(list(self.seen), dtype="str")
        return self._index

    def output(self, column: str):
        """The answer for every memo position, as a string array (taken with -1 → NaN)."""
        if column not in self._out:
            names = self.names[column]
            self._out[column] = pd.array([names.get(c, np.nan) if c is not None else np.nan
                                          for c in self.codes], dtype="str")
        return self._out[column]


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> tuple[pd.DataFrame, _Memo]:
    table = pd.read_csv(path, dtype={"province_code": str}, encoding="utf-8")
    lookup: dict[str, str] = {}
    for row in table.itertuples(index=False):
        for name in (row.name_th, row.name_en, row.name_en_variant):
            if isinstance(name, str) and name.strip():
                lookup[_key(name)] = row.province_code
    for code, names in _ALIASES.items():
        for name in names:
            lookup.setdefault(_key(name), code)
    return table, _Memo(table, lookup)


def _tables() -> tuple[pd.DataFrame, _Memo]:
    path = paths.data_dir() / "provinces.csv"
    return _load(str(path), path.stat().st_mtime)


def province_table() -> pd.DataFrame:
    """Return a copy of the province table (77 rows: code, Thai/English names, region, population).

    ตารางจังหวัดทั้ง 77 จังหวัดของชุดเรียน (สำเนา แก้ไขได้โดยไม่กระทบต้นฉบับ)

    >>> t = province_table()
    >>> len(t), t.loc[t.province_code == "10", "name_th"].item()
    (77, 'กรุงเทพมหานคร')
    """
    return _tables()[0].copy()


def _is_latin_key(key: str) -> bool:
    return bool(re.fullmatch(r"[a-z]+", key))


@functools.lru_cache(maxsize=4)
def _keys_by_script(keys: tuple) -> dict[bool, tuple]:
    """Split the known keys into Thai and Latin ones once, so a guess compares like with like."""
    split: dict[bool, list] = {True: [], False: []}
    for cand, code in keys:
        split[_is_latin_key(cand)].append((cand, code))
    return {latin: tuple(items) for latin, items in split.items()}


def _fuzzy(key: str, keys: tuple) -> tuple[str | None, str]:
    """Best code for an unknown key, or None with a note (hand-written: needs the tie rule).

    difflib (standard library) because rapidfuzz is not a dependency of the kit; it only runs on
    the few distinct values that did not match exactly, so its speed does not matter.
    """
    latin = _is_latin_key(key)
    best: dict[str, float] = {}
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(key)
    for cand, code in _keys_by_script(keys)[latin]:
        matcher.set_seq1(cand)
        if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
            continue
        r = matcher.ratio()
        if r > best.get(code, 0.0):
            best[code] = r
    if len(key) < FUZZY_MIN_LENGTH:
        return None, "ไม่พบชื่อจังหวัดนี้"
    ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < FUZZY_THRESHOLD:
        return None, "ไม่พบชื่อจังหวัดนี้"
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MARGIN:
        return None, "ใกล้เคียงหลายจังหวัดพอ ๆ กัน จึงไม่เดา"
    return ranked[0][0], f"เดาจากการสะกดที่ใกล้เคียง (ความคล้าย {ranked[0][1]:.2f})"


def _resolve(uniques, lookup, keys):
    codes = np.empty(len(uniques), dtype=object)
    notes = np.full(len(uniques), "", dtype=object)
    for i, v in enumerate(uniques):
        if not isinstance(v, str):
            codes[i], notes[i] = None, "ไม่ใช่ข้อความ (ตัวเลขไม่ถูกตีความเป็นรหัสจังหวัด)"
            continue
        if _THAI.search(v) and _LATIN.search(v):
            # "ชลบุรี (Chonburi)": accept only when the Thai and the English part agree exactly
            thai = lookup.get(_key(re.sub(r"[A-Za-z]", "", v)))
            latin = lookup.get(_key(re.sub(r"[\u0e00-\u0e7f]", "", v)))
            ok = thai is not None and thai == latin
            codes[i], notes[i] = (thai, "") if ok else (None, "ชื่อปนสองภาษาที่ไม่ตรงกัน")
            continue
        quick = lookup.get(_key(v, full=False))
        if quick is not None:  # a known spelling once spaces and prefixes are gone
            codes[i] = quick
            continue
        k = _key(v)
        if k.isdigit():
            codes[i], notes[i] = None, "เป็นตัวเลข: ไม่ตีความเป็นรหัสจังหวัด (ลำดับ 1–77 มักสับสนกับรหัส 10–96)"
            continue
        code = lookup.get(k)
        if code is None:
            if not k:  # an empty cell: missing, not a spelling problem to report
                codes[i] = None
                continue
            code, notes[i] = _fuzzy(k, keys)
        codes[i] = code
    return codes, notes


_NOT_TEXT = "ไม่ใช่ข้อความ (ตัวเลขไม่ถูกตีความเป็นรหัสจังหวัด)"


def _run(s, report: bool, column: str):
    _, memo = _tables()
    series, scalar = as_series(s)
    if len(memo.codes):
        # fast path: one hash lookup per row for the spellings already known
        pos = memo.index().get_indexer(series.array if isinstance(series.dtype, pd.StringDtype)
                                       else series.to_numpy(dtype=object))
    else:
        pos = np.full(len(series), -1, dtype=np.intp)
    miss = np.flatnonzero(pos < 0)
    if len(miss):
        sub = series.iloc[miss]
        sub_codes, sub_uniques = factorize(sub)
        new_pos = memo.positions(sub_uniques)
        pos[miss] = np.append(new_pos, -1)[sub_codes]
    out_arr = memo.output(column).take(pos, allow_fill=True)
    out = pd.Series(out_arr, index=series.index, name=series.name)
    rep = _report(series, memo, column) if report else None
    if scalar:
        value = out.iloc[0]
        return (value, rep) if report else value
    return (out, rep) if report else out


def _report(series: pd.Series, memo: _Memo, column: str) -> pd.DataFrame:
    codes, uniques = factorize(series)
    pos = memo.positions(uniques)
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    out = memo.output(column)
    rows = []
    for i, u in enumerate(uniques):
        p = pos[i]
        note = _NOT_TEXT if p < 0 else memo.notes[p]
        if note:
            rows.append((u, int(counts[i]), np.nan if p < 0 else out[p], note))
    rep = pd.DataFrame({
        "value": pd.Series([r[0] for r in rows], dtype=object),
        "count": pd.Series([r[1] for r in rows], dtype="int64"),
        "result": pd.Series([r[2] for r in rows], dtype="str"),
        "note": pd.Series([r[3] for r in rows], dtype="str"),
    })
    return rep.sort_values(["result", "count"], ascending=[True, False], na_position="first",
                           kind="stable").reset_index(drop=True)


def normalize_province(s, report: bool = False):
    """Map province names in any common spelling to the official Thai name; unmatched → NaN.

    แปลงชื่อจังหวัดเป็นชื่อทางการภาษาไทย รองรับ ``จ.``/``จังหวัด`` นำหน้า, ``กทม``/``กรุงเทพฯ``/``Bangkok``,
    ชื่ออังกฤษและตัวสะกดอื่น (ไม่สนตัวพิมพ์ใหญ่เล็กและช่องว่าง เช่น ``Chon Buri`` = ``Chonburi``),
    ช่องว่างเกิน, อักขระล่องหน, ``เเ``, และตัวอักษรเพี้ยนจาก PDF (``ก ำแพงเพชร``, ``กรงุเทพมหานคร``)
    การเดาจากตัวสะกดใกล้เคียง (difflib) ใช้เมื่อความคล้ายอย่างน้อย ``FUZZY_THRESHOLD`` (0.85), ชื่อยาว
    อย่างน้อย ``FUZZY_MIN_LENGTH`` (5) ตัวอักษร และไม่มีจังหวัดอื่นคล้ายพอ ๆ กัน (ห่างกันน้อยกว่า
    ``FUZZY_MARGIN`` = 0.05 ถือว่าพอ ๆ กัน จึงไม่เดา) ค่าที่จับคู่ไม่ได้เป็น NaN

    ``report=True`` คืน ``(ผลลัพธ์, ตาราง)`` ตารางมีคอลัมน์ ``value, count, result, note`` แสดงค่าที่
    จับคู่ไม่ได้ (``result`` ว่าง) และค่าที่ได้จากการเดา ให้ตรวจดูด้วยตาเสมอ

    >>> normalize_province("จ. เชียงใหม่"), normalize_province("กทม."), normalize_province("Chon Buri")
    ('เชียงใหม่', 'กรุงเทพมหานคร', 'ชลบุรี')
    >>> normalize_province("ก ำแพงเพชร"), normalize_province("เเพร่")
    ('กำแพงเพชร', 'แพร่')
    >>> out, rep = normalize_province(pd.Series(["กรงุเทพมหานคร", "Atlantis", "น่าน"]), report=True)
    >>> out.tolist()
    ['กรุงเทพมหานคร', nan, 'น่าน']
    >>> rep[["value", "result"]].values.tolist()
    [['Atlantis', nan], ['กรงุเทพมหานคร', 'กรุงเทพมหานคร']]
    """
    return _run(s, report, "name_th")


def province_code(s, report: bool = False):
    """Map province names in any common spelling to the official 2-digit code ('10'..'96'); else NaN.

    เหมือน ``normalize_province`` แต่คืนรหัสจังหวัดทางการ 2 หลักเป็นข้อความ (เช่น ``'50'`` = เชียงใหม่)
    ใช้เชื่อมตารางจากหลายแหล่งที่สะกดชื่อจังหวัดต่างกัน

    >>> province_code("จังหวัดเชียงใหม่"), province_code("Bangkok"), province_code("ศรีสะเกษ")
    ('50', '10', '33')
    >>> province_code(pd.Series(["Si Sa Ket", "Phangnga", None], name="จังหวัด")).tolist()
    ['33', '82', nan]
    """
    return _run(s, report, "province_code")
