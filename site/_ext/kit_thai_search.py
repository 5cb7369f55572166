"""Thai full-text search for the Sphinx site: words cut by pythainlp at build time.

Thai is written without spaces between words, and Sphinx's default splitter also cuts at every
vowel or tone mark above or below a letter (``\\p{Letter}`` leaves out the marks), so a Thai page
would be indexed as broken pieces.  This search language cuts Thai with pythainlp's ``newmm``
tokenizer (offline, its dictionary ships in the package) and Latin text as Sphinx does.

The query typed into the search box is cut in the browser (``JS_SPLITTER``) against the index's
own vocabulary: the longest indexed word at each position, so a word that pythainlp indexed is
found whole, whatever the browser's own Thai dictionary (``Intl.Segmenter``) would have done; a
stretch that no indexed word starts is cut with ``Intl.Segmenter`` and then cannot match, which is
the right answer (the word is not on the site).  Sphinx also matches a query word inside longer
indexed words (its "partial" matches), so part of a compound still finds its page.
"""

from __future__ import annotations

import re

from sphinx.search import SearchLanguage

THAI_RUN = re.compile(r"[\u0e01-\u0e5b]+")
#: Latin words, numbers and identifiers, as Sphinx's own splitter keeps them.
OTHER_WORD = re.compile(r"[^\W\u0e00-\u0e7f]+")

JS_SPLITTER = r"""
var splitQuery = (query) => {
  const THAI = /[\u0e01-\u0e5b]+/gu;
  const index = (typeof Search !== "undefined" && Search._index) || {};
  const known = (word) =>
    (index.terms && Object.hasOwn(index.terms, word)) ||
    (index.titleterms && Object.hasOwn(index.titleterms, word));
  let longest = 0;
  for (const table of [index.terms || {}, index.titleterms || {}]) {
    for (const word of Object.keys(table)) if (word.length > longest) longest = word.length;
  }
  const browserWords = (text) =>
    typeof Intl !== "undefined" && Intl.Segmenter
      ? [...new Intl.Segmenter("th", { granularity: "word" }).segment(text)]
          .filter((s) => s.isWordLike).map((s) => s.segment)
      : [text];
  const cutThai = (run) => {
    const words = [];
    let unknown = "";
    let i = 0;
    while (i < run.length) {
      let found = 0;
      for (let n = Math.min(longest, run.length - i); n > 1; n--) {
        if (known(run.slice(i, i + n))) { found = n; break; }
      }
      if (found) {
        if (unknown) { words.push(...browserWords(unknown)); unknown = ""; }
        words.push(run.slice(i, i + found));
        i += found;
      } else {
        unknown += run[i];
        i += 1;
      }
    }
    if (unknown) words.push(...browserWords(unknown));
    return words;
  };
  const words = [];
  for (const chunk of query.split(/[^\p{L}\p{M}\p{N}_]+/u)) {
    if (!chunk) continue;
    let last = 0;
    for (const match of chunk.matchAll(THAI)) {
      if (match.index > last) words.push(chunk.slice(last, match.index));
      words.push(...cutThai(match[0]));
      last = match.index + match[0].length;
    }
    if (last < chunk.length) words.push(chunk.slice(last));
  }
  return words.filter((w) => w);
};
"""


def thai_words(text: str) -> list[str]:
    """Return the searchable words of ``text``: Thai cut by pythainlp newmm, other words as they are.

    >>> thai_words("ทำความสะอาดข้อมูล PM2.5 ด้วย pandas")
    ['ทำความสะอาด', 'ข้อมูล', 'PM2', '5', 'ด้วย', 'pandas']
    """
    from pythainlp.tokenize import word_tokenize

    words: list[str] = []
    last = 0
    for match in THAI_RUN.finditer(text):
        words += OTHER_WORD.findall(text[last : match.start()])
        words += [w for w in word_tokenize(match.group(), engine="newmm", keep_whitespace=False) if w.strip()]
        last = match.end()
    words += OTHER_WORD.findall(text[last:])
    return words


class SearchThai(SearchLanguage):
    """Sphinx search language ``th``: pythainlp word cutting, no stemming."""

    lang = "th"
    language_name = "Thai"
    js_splitter_code = JS_SPLITTER

    def split(self, input: str) -> list[str]:
        return thai_words(input)

    def stem(self, word: str) -> str:
        return word.lower()

    def word_filter(self, word: str) -> bool:
        # One Thai letter alone (a prefix such as "ก" cut off by newmm) finds nothing useful.
        return not word.isdigit() and len(word) > 1


def setup(app):
    app.add_search_language(SearchThai)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
