"""Thai text helpers around pythainlp: tokenise, drop stop words, count words, chart the top words.

ภาษาไทยเขียนติดกันโดยไม่เว้นวรรคระหว่างคำ ก่อนนับคำจึงต้อง "ตัดคำ" (tokenisation) ก่อน
โมดูลนี้ห่อฟังก์ชันของ pythainlp (ตัวตัดคำ newmm ทำงานได้โดยไม่ต้องต่ออินเทอร์เน็ต) ให้ใช้กับ
ชื่อและคำอธิบายชุดข้อมูลได้ง่าย: ตัดคำ ตัดคำหยุด (stop words) นับความถี่ และวาดกราฟคำที่พบบ่อย

>>> tokenize("ข้อมูลเปิดภาครัฐ")
['ข้อมูล', 'เปิด', 'ภาครัฐ']
>>> tokenize("ข้อมูลเปิดภาครัฐ", custom_words=["ข้อมูลเปิด"])
['ข้อมูลเปิด', 'ภาครัฐ']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

__all__ = [
    "tokenize",
    "stopwords",
    "clean_tokens",
    "word_frequencies",
    "top_words",
    "plot_top_words",
    "tokenisation_examples",
    "keyword_in_context",
    "plot_top_words_split",
    "DEFAULT_CUSTOM_WORDS",
]

ENGINE = "newmm"
_EDGE_PUNCTUATION = "()[]{}<>\"'“”‘’«»,;:!?"
_NUMBER = re.compile(r"^[\d๐-๙.,:/%-]+$")


@lru_cache(maxsize=1)
def _custom_trie(words: frozenset):
    # Building a dictionary trie of ~60,000 words takes about half a second and ~60 MB: keep the
    # last one only (a notebook normally uses one set of extra words), so memory stays bounded.
    from pythainlp.corpus import thai_words
    from pythainlp.util import dict_trie

    return dict_trie(set(thai_words()) | set(words))


def tokenize(
    text: str,
    *,
    custom_words: Iterable[str] | None = None,
    engine: str = ENGINE,
    keep_whitespace: bool = False,
) -> list[str]:
    """Split Thai text into words with pythainlp (dictionary-based ``newmm``, works offline).

    ``custom_words`` adds words the dictionary does not know (names, technical terms such as
    "PM2.5"), so that they stay in one piece.  Spaces are dropped unless ``keep_whitespace``.

    ตัดคำภาษาไทย; เพิ่มคำเฉพาะทางด้วย ``custom_words`` เพื่อไม่ให้ถูกตัดแยก

    >>> tokenize("ค่าฝุ่น PM2.5 รายวัน")
    ['ค่า', 'ฝุ่น', 'PM', '2.5', 'รายวัน']
    >>> tokenize("ค่าฝุ่น PM2.5 รายวัน", custom_words=["PM2.5"])
    ['ค่า', 'ฝุ่น', 'PM2.5', 'รายวัน']
    >>> tokenize("")
    []
    """
    from pythainlp.tokenize import word_tokenize

    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return []
    text = unicodedata.normalize("NFC", str(text))
    if not text.strip():
        return []
    trie = _custom_trie(frozenset(custom_words)) if custom_words else None
    tokens = word_tokenize(text, engine=engine, custom_dict=trie, keep_whitespace=keep_whitespace)
    return [t for t in tokens if keep_whitespace or t.strip()]


@lru_cache(maxsize=1)
def _thai_stopwords() -> frozenset:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())


def stopwords(extra: Iterable[str] = ()) -> frozenset:
    """Return pythainlp's Thai stop words (about 1,000 common words such as "และ", "ที่") plus ``extra``.

    คำหยุด (stop words) คือคำที่พบบ่อยมากแต่ไม่บอกเนื้อหา มักตัดทิ้งก่อนนับคำ

    >>> s = stopwords()
    >>> len(s) > 1000, "และ" in s, "ข้อมูล" in s
    (True, True, False)
    >>> "ข้อมูล" in stopwords(extra=["ข้อมูล"])
    True
    """
    extra = frozenset(extra)
    return _thai_stopwords() | extra if extra else _thai_stopwords()


def _is_word(token: str) -> bool:
    # A "word" has at least one letter: this drops punctuation, symbols and bare numbers.  The
    # repetition mark ๆ and the abbreviation mark ฯ count as letters in Unicode but are not words.
    return any(unicodedata.category(ch).startswith("L") and ch not in "ๆฯ" for ch in token)


def clean_tokens(
    tokens: Iterable[str],
    *,
    remove_stopwords: bool = True,
    extra_stopwords: Iterable[str] = (),
    min_length: int = 2,
    keep_numbers: bool = False,
) -> list[str]:
    """Keep only meaningful words: drop spaces, punctuation, numbers, stop words and very short tokens.

    English letters are lower-cased so that "CSV" and "csv" count as one word.  The order of the
    remaining tokens is kept.

    เก็บเฉพาะคำที่มีความหมาย ตัดเครื่องหมาย ตัวเลข คำหยุด และคำที่สั้นเกินไปออก

    >>> clean_tokens(["จำนวน", "(", "คน", ")", "ปี", "2566", "และ", "CSV", "ๆ"])
    ['จำนวน', 'คน', 'ปี', 'csv']
    >>> clean_tokens(["จำนวน", "คน", "2566"], remove_stopwords=False, keep_numbers=True)
    ['จำนวน', 'คน', '2566']
    >>> clean_tokens(["(PM2.5)", "“ฝุ่น”"])
    ['pm2.5', 'ฝุ่น']
    """
    stop = stopwords(extra_stopwords) if remove_stopwords else frozenset()
    kept = []
    for token in tokens:
        # Brackets and quotes stuck to a word ("(PM2.5)") are not part of it.
        token = token.strip().strip(_EDGE_PUNCTUATION)
        if not token:
            continue
        if _NUMBER.match(token):
            if keep_numbers:
                kept.append(token)
            continue
        if not _is_word(token) or len(token) < min_length:
            continue
        word = token.lower()
        if word in stop:
            continue
        kept.append(word)
    return kept


def word_frequencies(
    texts: Iterable[str] | str,
    *,
    custom_words: Iterable[str] | None = None,
    remove_stopwords: bool = True,
    extra_stopwords: Iterable[str] = (),
    min_length: int = 2,
) -> pd.DataFrame:
    """Count words over many texts; return a DataFrame ``word``, ``count``, most frequent first.

    Ties are ordered by Thai dictionary order (pythainlp ``collate``), so the result is stable.

    นับความถี่ของคำจากข้อความหลายชิ้น (เช่น ชื่อชุดข้อมูลทั้งหมด)

    >>> f = word_frequencies(["จำนวนประชากร รายจังหวัด", "จำนวนนักท่องเที่ยว รายจังหวัด"])
    >>> f.head(3).to_dict("records")
    [{'word': 'จังหวัด', 'count': 2}, {'word': 'จำนวน', 'count': 2}, {'word': 'นักท่องเที่ยว', 'count': 1}]
    """
    from pythainlp.util import collate

    if isinstance(texts, str):
        texts = [texts]
    counts: Counter = Counter()
    for text in texts:
        counts.update(
            clean_tokens(
                tokenize(text, custom_words=custom_words),
                remove_stopwords=remove_stopwords,
                extra_stopwords=extra_stopwords,
                min_length=min_length,
            )
        )
    if not counts:
        return pd.DataFrame({"word": pd.Series(dtype=str), "count": pd.Series(dtype="int64")})
    order = {word: i for i, word in enumerate(collate(list(counts)))}
    rows = sorted(counts.items(), key=lambda item: (-item[1], order[item[0]]))
    return pd.DataFrame(rows, columns=["word", "count"])


def top_words(freq: pd.DataFrame, n: int = 15) -> pd.Series:
    """Return the ``n`` most frequent words as a Series (index = word), ready for a bar chart.

    >>> top_words(pd.DataFrame({"word": ["ก", "ข"], "count": [3, 1]}), 1)
    word
    ก    3
    Name: count, dtype: int64
    """
    head = freq.sort_values("count", ascending=False, kind="stable").head(n)
    return head.set_index("word")["count"]


def plot_top_words(
    freq: pd.DataFrame, n: int = 15, *, title: str | None = None, source: str | None = None, ax=None
):
    """Draw a horizontal bar chart of the ``n`` most frequent words (most frequent on top); return the Figure.

    >>> fig = plot_top_words(pd.DataFrame({"word": ["ข้อมูล", "จังหวัด"], "count": [5, 2]}), title="ทดลอง")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['จังหวัด', 'ข้อมูล']
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    from . import explore

    fig = explore.make_chart(
        top_words(freq, n), kind="barh", title=title, unit="จำนวนครั้งที่พบ", source=source, ax=ax
    )
    return fig


def plot_top_words_split(
    freq: pd.DataFrame,
    part: pd.DataFrame,
    n: int = 15,
    *,
    part_label: str,
    rest_label: str,
    title: str | None = None,
    source: str | None = None,
    ax=None,
):
    """Draw the ``n`` most frequent words of ``freq`` as stacked bars: the share of ``part`` and the rest.

    ``freq`` counts words over all texts and ``part`` over a subset of the same texts (both from
    :func:`word_frequencies`), so a chart can show, for example, how much of each frequent word
    comes from one or two publishers.  Most frequent word on top; returns the Figure.

    กราฟแท่งซ้อนของคำที่พบบ่อย แยกส่วนที่มาจากข้อความกลุ่มหนึ่ง (``part``) ออกจากส่วนที่เหลือ

    >>> allw = pd.DataFrame({"word": ["รหัส", "เดือน"], "count": [10, 4]})
    >>> fig = plot_top_words_split(allw, pd.DataFrame({"word": ["รหัส"], "count": [9]}), part_label="ก",
    ...                            rest_label="อื่น ๆ", title="ทดลอง")
    >>> ax = fig.axes[0]
    >>> [t.get_text() for t in ax.get_yticklabels()], [float(p.get_width()) for p in ax.patches]
    (['เดือน', 'รหัส'], [0.0, 9.0, 4.0, 1.0])
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    import matplotlib.pyplot as plt

    from .viz import add_source, palette, thousands_axis

    total = top_words(freq, n)
    in_part = part.set_index("word")["count"].reindex(total.index).fillna(0)
    if (in_part > total).any():
        raise ValueError("part ต้องนับจากข้อความส่วนหนึ่งของข้อความชุดเดียวกับ freq (บางคำใน part มากกว่าในทั้งหมด)")
    if ax is None:
        _fig, ax = plt.subplots(figsize=(8, max(3.0, 0.32 * len(total) + 1.6)))
    fig = ax.figure
    order = total.index[::-1]  # largest at the top
    first, second = palette(2)
    ax.barh(list(order), in_part[order].to_numpy(), color=first, label=part_label)
    ax.barh(
        list(order),
        (total - in_part)[order].to_numpy(),
        left=in_part[order].to_numpy(),
        color=second,
        label=rest_label,
    )
    ax.set_xlabel("จำนวนครั้งที่พบ")
    thousands_axis(ax, "x")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", frameon=False)
    if title:
        ax.set_title(title)
    if source:
        add_source(fig, source)
    return fig


#: Words of the open-data world that the standard dictionary cuts into pieces.
DEFAULT_CUSTOM_WORDS = (
    "ข้อมูลเปิด",
    "ชุดข้อมูล",
    "data.go.th",
    "PM2.5",
    "COVID-19",
    "โควิด-19",
    "โคโรนา",
    "การกำกับดูแล",
)


def tokenisation_examples(custom_words: Iterable[str] = DEFAULT_CUSTOM_WORDS) -> pd.DataFrame:
    """Show where the tokeniser goes wrong and how extra dictionary words fix (some of) it.

    Returns columns ``text``, ``newmm`` (default result), ``with_custom_words`` and ``note`` (Thai
    explanation).  Tokens are joined with " | " so that the cut points are visible.

    ตัวอย่างการตัดคำที่ผิดหรือกำกวม และผลเมื่อเพิ่มคำเฉพาะทางเข้าไปในพจนานุกรม

    >>> ex = tokenisation_examples()
    >>> ex.loc[0, "newmm"], ex.loc[0, "with_custom_words"]
    ('ข้อมูล | เปิด | ภาครัฐ', 'ข้อมูลเปิด | ภาครัฐ')
    """
    cases = [
        ("ข้อมูลเปิดภาครัฐ", "คำประสมที่ไม่มีในพจนานุกรมถูกแยกเป็นคำย่อย"),
        ("ค่าฝุ่นPM2.5รายวัน", "อักษรอังกฤษปนตัวเลขถูกตัดแยก PM ออกจาก 2.5"),
        ("ผู้ป่วยโควิด-19รายจังหวัด", "ขีดกลางถูกนับเป็นคำหนึ่งคำ ชื่อโรคจึงขาดเป็นสามท่อน"),
        ("ไวรัสโคโรนา", "คำทับศัพท์ที่ไม่มีในพจนานุกรมถูกหั่นเป็นพยางค์ที่ไม่มีความหมาย"),
        ("การกำกับดูแลข้อมูล", 'ศัพท์เฉพาะถูกตัดผิดที่: ได้ "การกำกับ" กับ "ดูแล"'),
        ("เด็กคนนี้ตากลมโต", 'กำกวม: ควรเป็น "ตา|กลม|โต" แต่ได้ "ตากลม" (ตากลม = ออกไปรับลม) เพิ่มคำก็แก้ไม่ได้'),
    ]
    rows = []
    for text, note in cases:
        rows.append(
            {
                "text": text,
                "newmm": " | ".join(tokenize(text)),
                "with_custom_words": " | ".join(tokenize(text, custom_words=custom_words)),
                "note": note,
            }
        )
    return pd.DataFrame(rows)


def keyword_in_context(
    texts: Iterable[str] | str,
    word: str,
    *,
    width: int = 2,
    limit: int | None = 10,
    custom_words: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Show each place where the tokeniser produced ``word``, with ``width`` tokens either side.

    Identical contexts are counted once (column ``count``), most frequent first, so a word that the
    tokeniser makes by mistake (for example "งานการ" cut out of "รายงานการ...") shows its source at
    once.  Tokens are joined with " | " so that the cut points are visible; ``limit`` keeps the first
    rows only (``None``: all).  Matching is on whole tokens, never on substrings.

    ดูว่าคำหนึ่งมาจากข้อความตรงไหน (คำก่อนและคำหลัง) เพื่อตรวจว่าตัวตัดคำตัดถูกหรือไม่
    คอลัมน์ ``count`` บอกว่าบริบทเดียวกันนี้พบกี่ครั้ง

    >>> kwic = keyword_in_context(["กรอบการประเมินผลตัวชี้วัด", "รายงานทะเบียนวัดจังหวัดตรัง",
    ...                            "รายงานทะเบียนวัดจังหวัดตรัง"], "วัด")
    >>> kwic.to_dict("records")[0]
    {'left': 'รายงาน | ทะเบียน', 'word': 'วัด', 'right': 'จังหวัด | ตรัง', 'count': 2}
    >>> kwic["left"].tolist()
    ['รายงาน | ทะเบียน', 'ตัว | ชี้']
    >>> keyword_in_context(["กรอบการประเมินผลตัวชี้วัด"], "วัด", custom_words=["ตัวชี้วัด"]).empty
    True
    """
    if isinstance(texts, str):
        texts = [texts]
    if width < 0:
        raise ValueError("width ต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป")
    counts: Counter = Counter()
    for text in texts:
        tokens = tokenize(text, custom_words=custom_words)
        for i, token in enumerate(tokens):
            if token == word:
                counts[
                    (
                        " | ".join(tokens[max(0, i - width) : i]),
                        token,
                        " | ".join(tokens[i + 1 : i + 1 + width]),
                    )
                ] += 1
    # Counter.most_common keeps first-seen order among equal counts, so the result is stable.
    rows = [(*context, n) for context, n in counts.most_common(limit)]
    return pd.DataFrame(rows, columns=["left", "word", "right", "count"]).astype({"count": "int64"})
