"""Province names in any spelling → the official Thai name or the 2-digit province code.

แปลงชื่อจังหวัดที่เขียนได้หลายแบบให้เป็นชื่อทางการภาษาไทย หรือรหัสจังหวัด 2 หลัก (``'10'`` ถึง ``'96'``)
รับได้ทั้งชื่อที่มี ``จ.``/``จังหวัด`` นำหน้า ชื่อภาษาอังกฤษหลายแบบ อักษรย่อจังหวัด (``ชม``, ``กทม``)
รหัส ISO 3166-2 (``TH-50``) อักษรย่อภาษาอังกฤษ 3 ตัว (``CMI``) รหัสจังหวัดที่เป็นข้อความ (``'50'``) และตัวอักษรเพี้ยนจากการคัดลอกจาก PDF
ตารางจังหวัดอ่านด้วย ``helpers.data.load("provinces")`` และรหัสย่ออ่านด้วย
``helpers.data.load("province-codes")`` (สร้างโดย ``scripts/make_province_codes.py`` พร้อมแหล่งที่มา)

ค่าที่ไม่ใช่ข้อความ (เช่น ตัวเลข 50) ไม่ถูกตีความเป็นจังหวัด เพราะคอลัมน์ตัวเลขมักเป็นลำดับที่ 1–77
ซึ่งสับสนกับรหัสทางการ 10–96 ได้ง่าย ส่วนคำที่แปลว่า "ไม่มีค่า" (``nan``, ``-``, ``ไม่ระบุ`` ...) เป็นค่าที่หายไป
"""

from __future__ import annotations

import difflib
import functools
import re
from typing import TYPE_CHECKING, Literal, overload

import numpy as np
import pandas as pd

from .. import data as _data
from .. import paths
from ._common import SPACE_LIKE, ZERO_WIDTH, as_series, factorize, is_missing_word
from .text import _clean_one

if TYPE_CHECKING:
    from ._common import Column, Scalar

__all__ = [
    "FUZZY_MARGIN",
    "FUZZY_MIN_LENGTH",
    "FUZZY_THRESHOLD",
    "MEMO_LIMIT",
    "normalize_province",
    "province_code",
    "province_code_table",
    "province_table",
]

#: Minimum difflib similarity (0–1) for a guess; below it the value stays unmatched.
#: 0.85 lets one misplaced vowel through in a long name (กรงุเทพมหานคร → 0.92) but never
#: turns a short name into another province (ตราด/ตรัง = 0.5, น่าน/ยะลา ...).
FUZZY_THRESHOLD = 0.85
#: No guess for keys shorter than this many characters (after normalising): in a 4-letter name
#: one typo is already another word (ลพูน is one letter from ลำพูน, but is it?).
FUZZY_MIN_LENGTH = 5
#: A guess is refused when another province scores within this margin of the best one, so two
#: nearly equal candidates never produce an answer (ชรบุรี: เพชรบุรี 0.86, ชลบุรี 0.83 → refused).
FUZZY_MARGIN = 0.05
#: At most this many distinct spellings are remembered between calls (memory bound); past it the
#: memo starts again.  Answers never depend on what the memo holds.
MEMO_LIMIT = 100_000

# Other names in common use (checked by hand; not in provinces.csv).
_ALIASES = {
    "10": (
        "กทม",
        "กทม.",
        "กรุงเทพ",
        "กรุงเทพฯ",
        "กรุงเทพมหานคร",
        "กรุงเทพเมือง",
        "Bangkok",
        "BKK",
        "Krung Thep",
        "Krung Thep Maha Nakhon",
        "Bangkok Metropolis",
    ),
    "14": ("อยุธยา", "Ayutthaya", "Ayuthaya", "Ayudhya", "Phra Nakhon Si Ayudhya"),
    "30": ("โคราช", "Korat", "Khorat"),
    "34": ("อุบล", "อุบลฯ", "Ubon"),
    "41": ("อุดร", "อุดรฯ", "Udon"),
    "77": ("ประจวบ", "ประจวบฯ"),
    "80": ("นครศรีฯ", "Nakhon Sri Thammarat"),
    "84": ("สุราษฎร์", "สุราษฎร์ฯ", "Surat"),
    "90": ("Songkla",),
}
#: The English name of น่าน, which ``is_missing_word`` would take for NaN.  pandas writes a missing
#: value as "nan" or "NaN", never in these two forms, so these stay the province.
_NAN_PROVINCE = frozenset({"Nan", "NAN"})

_THAI = re.compile(r"[\u0e00-\u0e7f]")
_LATIN = re.compile(r"[A-Za-z]")
# Hand-written: no library knows the markers Thai agencies glue to names: "สระบุรี(R1)" (revised),
# "(P)" (preliminary), "(R)", and a bare R glued to the Thai name ("กรุงเทพมหานครR").  "*" is removed
# everywhere (footnote mark).
_MARKER = re.compile(r"\s*\((?:R\d*|P)\)\s*$|(?<=[\u0e00-\u0e7f])(?:R\d*|P)\s*$")
_PREFIX = re.compile(r"^(?:จังหวัด|จ\s*\.)\s*|^(?:changwat|chang\s+wat|province\s+of)\s+", re.IGNORECASE)
_SUFFIX = re.compile(r"\s+province$", re.IGNORECASE)
# Hand-written: pythainlp.util.normalize repairs ํ+า → ำ and mark order, but not a space left where
# PDF extraction dropped the nikhahit of ำ ("ล าปาง" = ลำปาง).  า never starts a Thai word, so a
# consonant, spaces, then า is damage: it is read both as a lost ำ and as a stray space.
_LOST_AM = re.compile(r"(?<=[\u0e01-\u0e2e])\s+\u0e32")
# the speed tier of _Facts._quick (see there)
_QUICK_FIX = str.maketrans({**{c: None for c in ZERO_WIDTH}, **{c: " " for c in SPACE_LIKE}})
_QUICK_SPACE_AM = re.compile(r"\s+(?=\u0e33)")
_PUNCT = re.compile(r"[\s.\-()\"'/]")
_DIGITS = re.compile(r"[0-9\u0e50-\u0e59]+")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ISO = re.compile(r"TH\s*-?\s*([0-9]{2}|[A-Z])", re.IGNORECASE)

_NOT_TEXT = "ไม่ใช่ข้อความ (ตัวเลขไม่ถูกตีความเป็นรหัสจังหวัด)"
_NOT_FOUND = "ไม่พบชื่อจังหวัดนี้"
_TOO_SHORT = "ไม่พบชื่อจังหวัดนี้ และสั้นเกินกว่าจะเดาจากตัวสะกด (ต้องยาวอย่างน้อย {} ตัวอักษร)"
_NOT_A_CODE = "เป็นตัวเลขที่ไม่ใช่รหัสจังหวัด (รหัสทางการมี 2 หลัก ตั้งแต่ 10 ถึง 96) อาจเป็นเลขลำดับ"
_NOT_ISO = "ไม่ใช่รหัส ISO 3166-2 ของจังหวัด (TH-S คือเมืองพัทยา ไม่ใช่จังหวัด)"
_DOTTED = "อักษรย่อที่มีจุด (เช่น ก.พ.) อาจเป็นชื่อย่อเดือน จึงไม่ตีความเป็นอักษรย่อจังหวัด"
_MIXED = "ชื่อปนสองภาษาที่ไม่ตรงกัน"
_EN3_CASE = (
    "ตรงกับอักษรย่อภาษาอังกฤษ 3 ตัวของจังหวัด{} แต่ไม่ได้เขียนเป็นตัวพิมพ์ใหญ่ทั้งหมด จึงอาจเป็นคำอื่นหรือชื่อที่สะกดผิด "
    "ถ้าเป็นอักษรย่อ ให้เขียนเป็นตัวพิมพ์ใหญ่ เช่น {}"
)
_TOO_LONG = "ข้อความยาวเกินกว่าจะเป็นชื่อจังหวัด (อาจเป็นหมายเหตุหรือเชิงอรรถ)"
_FORMER = (
    "เป็นชื่อจังหวัดเดิม ({}): พระนครและธนบุรีรวมกันตั้งแต่ พ.ศ. 2514 ปัจจุบันคือกรุงเทพมหานคร "
    "จึงไม่แปลงให้ (ตัวเลขของจังหวัดเดิมไม่เท่ากับของกรุงเทพมหานครทั้งหมด)"
)
#: Provinces that no longer exist (merged into Bangkok in B.E. 2514 / 1971); DOPA's files before
#: 1971 list them.  A fuzzy match would turn "Thonburi" into Chon Buri: they are refused by name.
FORMER_PROVINCES = {
    "ธนบุรี": "ธนบุรี",
    "thonburi": "ธนบุรี",
    "thon buri": "ธนบุรี",
    "พระนคร": "พระนคร",
    "phra nakhon": "พระนคร",
    "phranakhon": "พระนคร",
}
#: Longer than any province name written with its "จังหวัด" prefix and a marker: not a name.
MAX_NAME_LENGTH = 40


def _tidy(text: str) -> str:
    """Repair extraction damage and strip markers and prefixes (before any key is made).

    ``_clean_one`` (helpers.clean.text) removes invisible characters, collapses spaces, removes a
    space before ำ and runs ``pythainlp.util.normalize`` (mark order, ``เเ`` → ``แ``, ํ+า → ำ).

    >>> [_tidy(t) for t in ("สระบุรี(R1)", "กรุงเทพมหานครR", " จ.บึงกาฬ ", "กาฬสินธ์ุ", "พังงา*")]
    ['สระบุรี', 'กรุงเทพมหานคร', 'บึงกาฬ', 'กาฬสินธุ์', 'พังงา']
    """
    t = _clean_one(text).replace("*", "").strip()
    t = _MARKER.sub("", t).strip()
    t = _SUFFIX.sub("", _PREFIX.sub("", t)).strip()
    return t


def _thai_keys(t: str) -> tuple[str, ...]:
    """Lookup keys of a Thai name: no spaces or punctuation; two keys when a ำ may be lost.

    >>> _thai_keys("ล าปาง"), _thai_keys("เชียง ใหม่")
    (('ลาปาง', 'ลำปาง'), ('เชียงใหม่',))
    """
    plain = _PUNCT.sub("", t)
    if not _LOST_AM.search(t):
        return (plain,)
    return (plain, _PUNCT.sub("", _LOST_AM.sub("\u0e33", t)))


def _latin_key(t: str) -> str:
    return re.sub(r"[^a-z]", "", t.lower())


def _keys(t: str) -> tuple[str, ...]:
    return (_latin_key(t),) if _LATIN.search(t) else _thai_keys(t)


class _Facts:
    """The province facts of one data folder, the matching rules, and a bounded spelling memo.

    The memo (spelling → answer) is what makes a repeat call as fast as ``Series.map(dict)``: one
    C-level ``Index.get_indexer`` over the column.  It is one immutable snapshot ``(index, ids)``
    read once per call and replaced whole, so a call never mixes positions from two snapshots
    (the old memo did, and past 100,000 spellings it returned other provinces or raised IndexError).
    """

    def __init__(self, table: pd.DataFrame, codes: pd.DataFrame):
        self.table = table
        self.codes = codes
        order = list(table["province_code"])
        self.id_of = {c: i for i, c in enumerate(order)}
        self.na_id = len(order)
        self.answers = {
            "name_th": pd.array(list(table["name_th"]) + [np.nan], dtype="str"),
            "province_code": pd.array(order + [np.nan], dtype="str"),
        }
        self.name_of = dict(zip(order, table["name_th"]))
        lookup: dict[str, str] = {}
        for row in table.itertuples(index=False):  # pragma: no mutate (fields are read by name)
            for name in (row.name_th, row.name_en, row.name_en_variant):
                if isinstance(name, str) and name.strip():
                    lookup.update(dict.fromkeys(_keys(_tidy(name)), row.province_code))
        for code, names in _ALIASES.items():
            for name in names:
                for k in _keys(_tidy(name)):
                    lookup.setdefault(k, code)
        self.lookup = lookup
        kind = codes["kind"]
        self.abbr = dict(
            zip(
                codes.loc[kind.str.startswith("abbr_th"), "code"],
                codes.loc[kind.str.startswith("abbr_th"), "province_code"],
            )
        )
        self.iso = dict(
            zip(codes.loc[kind == "iso_3166_2", "code"], codes.loc[kind == "iso_3166_2", "province_code"])
        )
        en3 = kind.str.startswith("abbr_en")
        self.abbr_en = dict(zip(codes.loc[en3, "code"], codes.loc[en3, "province_code"]))
        split: dict[bool, list] = {True: [], False: []}
        for key, code in lookup.items():
            split[bool(re.fullmatch(r"[a-z]+", key))].append((key, code))
        self.candidates = {latin: tuple(items) for latin, items in split.items()}
        # bounded, like the memo
        self._cached = functools.lru_cache(maxsize=8192)(self._resolve)  # pragma: no mutate (cache size)
        self.resolve = self._cached
        self.clear()

    def clear(self) -> None:
        """Forget every remembered spelling (the next call resolves each one again)."""
        self._memo = (pd.Index([], dtype="str"), np.empty(0, dtype=np.intp))
        self._cached.cache_clear()

    # ------------------------------------------------------------------ one spelling
    def _resolve(self, raw: str, quick: bool = True) -> tuple[str | None, str]:  # pragma: no mutate (speed)
        """``(code or None, note)`` for one text value; the note explains a guess or a refusal.

        ``quick=False`` skips the speed tier (tests compare both ways).
        """
        if raw.strip() not in _NAN_PROVINCE and is_missing_word(raw):
            return None, ""
        if _DIGITS.fullmatch(raw.strip()):  # a code needs no Thai repair
            return self._digits(raw.strip())
        # a speed tier only: test_the_quick_tier_agrees_with_the_full_repair checks the answers agree
        hit = self._quick(raw) if quick else None  # pragma: no mutate (speed tier: same answers)
        if hit is not None:
            return hit, ""
        t = _tidy(raw)
        if not t or (t not in _NAN_PROVINCE and is_missing_word(t)):
            return None, ""
        if len(t) > MAX_NAME_LENGTH:
            return None, _TOO_LONG
        former = FORMER_PROVINCES.get(" ".join(t.casefold().split()))
        if former:
            return None, _FORMER.format(former)
        if _DIGITS.fullmatch(t):
            return self._digits(t)
        iso = _ISO.fullmatch(t)
        if iso:
            code = self.iso.get("TH-" + iso.group(1).upper())
            return (code, "") if code else (None, _NOT_ISO)
        if _THAI.search(t) and _LATIN.search(t):
            # "ชลบุรี (Chonburi)": accept only when the Thai and the English part agree exactly
            thai = self._exact(_thai_keys(re.sub(r"[A-Za-z]", "", t)))
            latin = self.lookup.get(_latin_key(t))
            return (thai, "") if thai is not None and thai == latin else (None, _MIXED)
        keys = _keys(t)
        if not any(keys):  # only punctuation: nothing written
            return None, ""
        found = {self.lookup[k] for k in keys if k in self.lookup}
        if len(found) == 1:
            return found.pop(), ""
        if len(found) > 1:
            return None, "ซ่อมตัวอักษรได้หลายแบบและได้คนละจังหวัด (" + self._names(found) + ") จึงไม่เดา"
        compact = re.sub(r"\s", "", t)
        if compact in self.abbr:
            return self.abbr[compact], ""
        if "." in compact and compact.replace(".", "") in self.abbr:
            return None, _DOTTED
        if compact.upper() in self.abbr_en:
            # agencies write the codes in capitals (KKN); sri, pre or Kkn may be a word or a misspelt name
            code = self.abbr_en[compact.upper()]
            if compact.isupper():
                return code, ""
            return None, _EN3_CASE.format(self.name_of[code], compact.upper())
        return self._fuzzy(keys)

    def _quick(self, raw: str) -> str | None:
        """Exact match after only the cheap repairs; ``_tidy``'s pythainlp pass is the slow part.

        A speed tier, hand-written because pythainlp.util.normalize costs ~0.1 ms a value: it fixes
        the common garbles (invisible characters, NBSP, a space before ำ, ``เเ``, ํ+า) with plain
        string operations.  Only a hit is trusted: the lookup keys are fully repaired text, which
        the full repair leaves unchanged; anything else goes through ``_tidy`` (a property test
        checks that both tiers agree).
        """
        t = " ".join(raw.translate(_QUICK_FIX).split())
        t = _QUICK_SPACE_AM.sub("", t).replace("เเ", "แ").replace("\u0e4d\u0e32", "\u0e33")
        if _LOST_AM.search(t):
            return None
        t = _SUFFIX.sub("", _PREFIX.sub("", _MARKER.sub("", t.replace("*", "")).strip())).strip()
        if (_THAI.search(t) and _LATIN.search(t)) or (t not in _NAN_PROVINCE and is_missing_word(t)):
            return None
        keys = _keys(t)
        return self.lookup.get(keys[0]) if len(keys) == 1 else None

    def _digits(self, t: str) -> tuple[str | None, str]:
        digits = t.translate(_TO_ARABIC)
        return (digits, "") if len(digits) == 2 and digits in self.id_of else (None, _NOT_A_CODE)

    def _exact(self, keys) -> str | None:
        found = {self.lookup[k] for k in keys if k in self.lookup}
        return found.pop() if len(found) == 1 else None

    def _names(self, codes) -> str:
        return ", ".join(self.name_of[c] for c in sorted(codes))

    def _fuzzy(self, keys: tuple[str, ...]) -> tuple[str | None, str]:
        """Best code for unknown keys, or None with a note (hand-written: needs the refusal rules).

        difflib (standard library) because rapidfuzz is not a dependency of the kit; it only runs on
        the few distinct values that did not match exactly, so its speed does not matter.  Rules:
        a key shorter than ``FUZZY_MIN_LENGTH`` is never guessed; the best score must reach
        ``FUZZY_THRESHOLD``; another province within ``FUZZY_MARGIN`` of it, or another province
        whose name contains the key ("Lam Phu" is in "Nong Bua Lam Phu"), makes it ambiguous.
        """
        long_keys = [k for k in keys if len(k) >= FUZZY_MIN_LENGTH]
        if not long_keys:
            return None, _TOO_SHORT.format(FUZZY_MIN_LENGTH)
        latin = bool(re.fullmatch(r"[a-z]+", long_keys[0]))
        everyone = candidates = self.candidates[latin]
        if latin:
            # English spellings vary inside a name (Chon Buri, Chonburi, Pattanee) but keep their
            # first letter; without this rule "Thonburi" (a former province) scored 0.88 for Chon Buri.
            candidates = [(cand, code) for cand, code in candidates if cand[:1] == long_keys[0][:1]]
        floor = FUZZY_THRESHOLD - FUZZY_MARGIN  # runners-up this close must be seen too
        best: dict[str, float] = {}
        matcher = difflib.SequenceMatcher(autojunk=False)
        for key in long_keys:
            matcher.set_seq2(key)
            for cand, code in candidates:
                matcher.set_seq1(cand)
                if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                    continue
                r = matcher.ratio()
                if r > best.get(code, 0.0):
                    best[code] = r
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or ranked[0][1] < FUZZY_THRESHOLD:
            return None, _NOT_FOUND
        top, score = ranked[0]
        close = {code for code, r in ranked[1:] if score - r < FUZZY_MARGIN}
        if close:
            return None, "ใกล้เคียงหลายจังหวัดพอ ๆ กัน (" + self._names(close | {top}) + ") จึงไม่เดา"
        containing = {code for cand, code in everyone if any(k in cand for k in long_keys)}
        if containing - {top}:
            return None, "อาจเป็นส่วนหนึ่งของชื่อจังหวัดอื่น (" + self._names(containing | {top}) + ") จึงไม่เดา"
        return top, f"เดาจากการสะกดที่ใกล้เคียง (ความคล้าย {score:.2f})"

    # ------------------------------------------------------------------ whole columns
    def _id(self, value) -> int:
        code = self.resolve(value)[0] if isinstance(value, str) else None
        return self.id_of.get(code, self.na_id)

    def ids(self, series: pd.Series) -> np.ndarray:
        """Answer id of every row (``na_id`` = no answer): memo hits first, then the new spellings."""
        index, known = self._memo  # one snapshot for the whole call
        # both forms give get_indexer the same values (the StringDtype one skips a copy)
        string = isinstance(series.dtype, pd.StringDtype)  # pragma: no mutate (same values either way)
        values = series.array if string else series.to_numpy(dtype=object)  # pragma: no mutate (same)
        if len(index):
            pos = index.get_indexer(values)
            ids = np.append(known, self.na_id)[pos]
        else:
            pos = ids = np.full(len(series), -1, dtype=np.intp)
        miss = np.flatnonzero(pos < 0)
        if len(miss):
            whole = len(miss) == len(series)  # first call: skip the copies of a partial miss
            codes, uniques = factorize(series if whole else series.iloc[miss])
            new = np.fromiter((self._id(u) for u in uniques), dtype=np.intp, count=len(uniques))
            if whole:
                ids = np.append(new, self.na_id)[codes]
            else:
                ids[miss] = np.append(new, self.na_id)[codes]
            self._remember(index, known, uniques, new)
        return ids

    def _remember(self, index: pd.Index, known: np.ndarray, uniques: np.ndarray, new: np.ndarray) -> None:
        text = np.fromiter((isinstance(u, str) for u in uniques), dtype=bool, count=len(uniques))
        if not text.any():
            return
        uniques, new = uniques[text], new[text]
        if len(index) + len(uniques) > MEMO_LIMIT:  # start again rather than grow without bound
            index, known = pd.Index([], dtype="str"), np.empty(0, dtype=np.intp)
            uniques, new = uniques[:MEMO_LIMIT], new[:MEMO_LIMIT]
        self._memo = (index.append(pd.Index(uniques, dtype="str")), np.concatenate([known, new]))

    def report(self, series: pd.Series, column: str) -> pd.DataFrame:
        codes, uniques = factorize(series)
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        answers = self.answers[column]
        rows = []
        for u, n in zip(uniques, counts):
            code, note = self.resolve(u) if isinstance(u, str) else (None, _NOT_TEXT)
            if note:
                rows.append((u, int(n), answers[self.id_of.get(code, self.na_id)], note))
        rep = pd.DataFrame(
            {
                "value": pd.Series([r[0] for r in rows], dtype=object),
                "count": pd.Series([r[1] for r in rows], dtype="int64"),
                "result": pd.Series([r[2] for r in rows], dtype="str"),
                "note": pd.Series([r[3] for r in rows], dtype="str"),
            }
        )
        return rep.sort_values(
            ["result", "count"], ascending=[True, False], na_position="first", kind="stable"
        ).reset_index(drop=True)


@functools.lru_cache(maxsize=4)
def _load(stamp: tuple) -> _Facts:
    # the files' identities are the cache key: a changed file or another data folder is read again
    return _Facts(_data.load("provinces"), _data.load("province-codes"))


_FILES: dict = {}


def _facts() -> _Facts:
    folder = paths.data_dir()
    files = _FILES.get(folder)  # pragma: no mutate (a path cache: a miss only recomputes the paths)
    if files is None:
        files = _FILES[folder] = (
            folder / _data.PACKAGE_FILE,
            _data.path("provinces"),
            _data.path("province-codes"),
        )
    try:
        stamp = tuple((str(f), st.st_mtime_ns, st.st_size) for f in files for st in (f.stat(),))
    except FileNotFoundError:
        _FILES.pop(folder, None)
        for name in ("provinces", "province-codes"):
            _data.verify(name)  # the Thai error with the way to restore the file
        raise
    return _load(stamp)


def _tables() -> tuple[pd.DataFrame, _Facts]:
    """``(province table, facts)``; ``_tables()[1].clear()`` empties the spelling memo (bench/clean.py)."""
    facts = _facts()
    return facts.table, facts


def province_table() -> pd.DataFrame:
    """Return a copy of the province table (77 rows: code, Thai/English names, region, population).

    ตารางจังหวัดทั้ง 77 จังหวัดของชุดเรียน (สำเนา แก้ไขได้โดยไม่กระทบต้นฉบับ) อ่านด้วย
    ``helpers.data.load("provinces")``

    >>> t = province_table()
    >>> len(t), t.loc[t.province_code == "10", "name_th"].item()
    (77, 'กรุงเทพมหานคร')
    """
    return _facts().table.copy()


def province_code_table() -> pd.DataFrame:
    """Return a copy of the short codes of every province: abbreviations and ISO 3166-2 codes.

    ตารางรหัสย่อของจังหวัด (คอลัมน์ ``province_code, kind, code, source``) ``kind`` เป็น ``abbr_th``
    (อักษรย่อจังหวัด เช่น ชม), ``abbr_th_variant`` (กท ของกรุงเทพมหานคร), ``abbr_en`` (อักษรย่อภาษาอังกฤษ
    3 ตัว เช่น CMI), ``abbr_en_variant`` (อักษรย่อภาษาอังกฤษแบบอื่นที่พบ เช่น NST) หรือ ``iso_3166_2`` (เช่น TH-50)
    อักษรย่อภาษาอังกฤษไม่มีมาตรฐานทางการ จึงรวบรวมจากหลายรายการที่เผยแพร่และใช้เฉพาะที่ไม่ขัดกัน

    >>> t = province_code_table()
    >>> t.loc[(t.province_code == "50"), "code"].tolist()
    ['CMI', 'ชม', 'TH-50']
    """
    return _facts().codes.copy()


def _run(s, report: bool, column: str):
    facts = _facts()
    series, scalar = as_series(s)
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)  # same answer as for the plain column, by construction
    # copy=False: the taken array is new already (pandas would copy it once more)
    out = pd.Series(
        facts.answers[column].take(facts.ids(series)), index=series.index, name=series.name, copy=False
    )
    rep = facts.report(series, column) if report else None
    if scalar:
        value = out.iloc[0]
        return (value, rep) if report else value
    return (out, rep) if report else out


# One value → the answer (a str) or NaN (a float); a column → a Series of str (NaN where unmatched).
@overload
def normalize_province(s: Scalar, report: Literal[False] = False) -> str | float: ...
@overload
def normalize_province(s: Column, report: Literal[False] = False) -> pd.Series[str]: ...
@overload
def normalize_province(s: Scalar, report: Literal[True]) -> tuple[str | float, pd.DataFrame]: ...
@overload
def normalize_province(s: Column, report: Literal[True]) -> tuple[pd.Series[str], pd.DataFrame]: ...
@overload
def normalize_province(
    s: Scalar | Column, report: bool = False
) -> str | float | pd.Series[str] | tuple[str | float | pd.Series[str], pd.DataFrame]: ...
def normalize_province(s, report: bool = False):
    """Map province names in any common spelling to the official Thai name; unmatched → NaN.

    แปลงชื่อจังหวัดเป็นชื่อทางการภาษาไทย รองรับ ``จ.``/``จังหวัด`` นำหน้า, ``กทม``/``กรุงเทพฯ``/``Bangkok``,
    ชื่ออังกฤษและตัวสะกดอื่น (ไม่สนตัวพิมพ์ใหญ่เล็กและช่องว่าง เช่น ``Chon Buri`` = ``Chonburi``),
    อักษรย่อจังหวัด (``ชม``, ``ขก``), รหัส ISO 3166-2 (``TH-50``) และรหัสจังหวัดที่เป็นข้อความ (``'50'``)
    ก่อนจับคู่จะซ่อมข้อความก่อน: อักขระล่องหน, ``เเ``, วรรณยุกต์สลับที่, ช่องว่างกลางคำและ ``ำ`` ที่หายไป
    จากการคัดลอกจาก PDF (``ล าปาง``, ``ก ำแพงเพชร``) และเครื่องหมายที่ติดมากับชื่อ (``(R1)``, ``(P)``, ``*``)
    คำที่แปลว่าไม่มีค่า (``nan``, ``-``, ``ไม่ระบุ`` ...) เป็นค่าที่หายไป (missing value)

    การเดาจากตัวสะกดใกล้เคียง (difflib) ใช้เมื่อความคล้ายอย่างน้อย ``FUZZY_THRESHOLD`` (0.85) และชื่อยาว
    อย่างน้อย ``FUZZY_MIN_LENGTH`` (5) ตัวอักษร จะไม่เดาเมื่อมีจังหวัดอื่นคล้ายพอ ๆ กัน (ห่างกันน้อยกว่า
    ``FUZZY_MARGIN`` = 0.05) หรือเมื่อข้อความเป็นส่วนหนึ่งของชื่อจังหวัดอื่น (``Lam Phu`` อยู่ใน
    ``Nong Bua Lam Phu``) ค่าที่จับคู่ไม่ได้เป็น NaN

    ``report=True`` คืน ``(ผลลัพธ์, ตาราง)`` ตารางมีคอลัมน์ ``value, count, result, note`` แสดงค่าที่
    จับคู่ไม่ได้ (``result`` ว่าง) พร้อมเหตุผล และค่าที่ได้จากการเดา ให้ตรวจดูด้วยตาเสมอ

    >>> normalize_province("จ. เชียงใหม่"), normalize_province("กทม."), normalize_province("Chon Buri")
    ('เชียงใหม่', 'กรุงเทพมหานคร', 'ชลบุรี')
    >>> normalize_province("ล าปาง"), normalize_province("เเพร่"), normalize_province("สระบุรี(R1)")
    ('ลำปาง', 'แพร่', 'สระบุรี')
    >>> normalize_province("ชม"), normalize_province("TH-40"), normalize_province("nan")
    ('เชียงใหม่', 'ขอนแก่น', nan)
    >>> out, rep = normalize_province(pd.Series(["กรงุเทพมหานคร", "Atlantis", "น่าน"]), report=True)
    >>> out.tolist()
    ['กรุงเทพมหานคร', nan, 'น่าน']
    >>> rep[["value", "result"]].values.tolist()
    [['Atlantis', nan], ['กรงุเทพมหานคร', 'กรุงเทพมหานคร']]
    """
    return _run(s, report, "name_th")


# One value → the answer (a str) or NaN (a float); a column → a Series of str (NaN where unmatched).
@overload
def province_code(s: Scalar, report: Literal[False] = False) -> str | float: ...
@overload
def province_code(s: Column, report: Literal[False] = False) -> pd.Series[str]: ...
@overload
def province_code(s: Scalar, report: Literal[True]) -> tuple[str | float, pd.DataFrame]: ...
@overload
def province_code(s: Column, report: Literal[True]) -> tuple[pd.Series[str], pd.DataFrame]: ...
@overload
def province_code(
    s: Scalar | Column, report: bool = False
) -> str | float | pd.Series[str] | tuple[str | float | pd.Series[str], pd.DataFrame]: ...
def province_code(s, report: bool = False):
    """Map province names in any common spelling to the official 2-digit code ('10'..'96'); else NaN.

    เหมือน ``normalize_province`` แต่คืนรหัสจังหวัดทางการ 2 หลักเป็นข้อความ (เช่น ``'50'`` = เชียงใหม่)
    ใช้เชื่อมตารางจากหลายแหล่งที่สะกดชื่อจังหวัดต่างกัน เป็นที่เดียวของชุดเรียนที่แปลงชื่อเป็นรหัส

    >>> province_code("จังหวัดเชียงใหม่"), province_code("Bangkok"), province_code("ศรีสะเกษ")
    ('50', '10', '33')
    >>> province_code(pd.Series(["Si Sa Ket", "Phangnga", None, "ขก"], name="จังหวัด")).tolist()
    ['33', '82', nan, '40']
    """
    return _run(s, report, "province_code")
