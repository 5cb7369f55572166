"""The course website, built from whatever is in notebooks/, docs/ and data/, checked in headless Chromium.

Nothing here names a notebook or counts them: every expectation is read from the files.  Chromium
has no Thai font at all (DejaVu only, see conftest.py), so Thai drawn in Sarabun proves the web font.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import env

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
THAI_WORD = re.compile(r"^[\u0e01-\u0e4e]{4,}$")
MAX_SITE_BYTES = 50 * 1000 * 1000


def _notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _title(nb: dict) -> str:
    """The notebook's H1 (the page title)."""
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise AssertionError("notebook without an H1 title")


def _png_outputs(nb: dict) -> int:
    return sum(
        "image/png" in output.get("data", {})
        for cell in nb["cells"] if "remove-cell" not in cell.get("metadata", {}).get("tags", [])
        for output in cell.get("outputs", [])
    )  # fmt: skip


def _html_files(out: Path) -> list[Path]:
    """The pages of the site (``_static/`` holds the themes' template fragments, not pages)."""
    return sorted(p for p in out.rglob("*.html") if "_static" not in p.relative_to(out).parts)


def _page_text(path: Path, article_only: bool = False) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    if article_only:
        soup = soup.select_one("article") or soup
    return soup.get_text(" ")


def _fonts_of(page, selector: str) -> tuple[str, list[dict]]:
    """The text of the first element matching ``selector`` and the fonts Chromium drew it with."""
    element = page.locator(selector).first
    element.scroll_into_view_if_needed()
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(300)
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"{selector} not found"
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    return element.inner_text(), fonts


def test_the_site_is_small_and_every_page_is_there(built_site):
    out = built_site.out
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert size <= MAX_SITE_BYTES, f"site is {size / 1e6:.1f} MB (limit 50 MB)"
    assert (out / "index.html").is_file() and (out / ".nojekyll").is_file()
    missing = [nb.name for nb in NOTEBOOKS if not (out / "notebooks" / f"{nb.stem}.html").is_file()]
    assert NOTEBOOKS and not missing, f"notebooks without a page: {missing}"
    docs = [p.stem for p in (ROOT / "docs").glob("*.md")]
    assert all((out / "docs" / f"{stem}.html").is_file() for stem in docs), docs
    resources = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    absent = [r["name"] for r in resources if not (out / "data" / f"{r['name']}.html").is_file()]
    assert not absent, f"data sets without a page: {absent}"
    print(f"\nsite: {size / 1e6:.1f} MB, {len(_html_files(out))} pages, built in {built_site.seconds:.0f} s")


def test_data_set_pages_show_the_datapackage(built_site):
    resources = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    for resource in resources:
        text = " ".join(
            _page_text(built_site.out / "data" / f"{resource['name']}.html", article_only=True).split()
        )
        assert " ".join(resource["title"].split()) in text, resource["name"]
        fields = (resource.get("schema") or {}).get("fields") or resource.get("kit:columns") or []
        assert all(field["name"] in text for field in fields), resource["name"]
        assert all(" ".join(q.split()) in text for q in resource.get("kit:quirks") or []), resource["name"]
        if resource.get("kit:publisher"):
            assert resource["kit:publisher"] in text, resource["name"]
        simulated = "ข้อมูลจำลอง (simulated)" in text
        assert simulated == (resource.get("kit:simulated") is True), resource["name"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_notebook_page(built_site, site_page, site_url, notebook: Path):
    # The copy the build used (notebooks/ may change while the test runs): the page's own source.
    nb = _notebook(built_site.out / "_sources" / "notebooks" / notebook.name)
    repo_path = f"notebooks/{notebook.name}"
    site_page.goto(f"{site_url}/notebooks/{notebook.stem}.html")
    assert site_page.locator("article h1").first.inner_text().strip().rstrip("#").strip() == _title(nb)

    # Launch buttons, built by helpers.env from REPO_URL.
    assert site_page.locator("a.kit-binder").get_attribute("href") == env.binder_url(repo_path)
    assert site_page.locator("a.kit-colab").get_attribute("href") == env.colab_url(repo_path)
    site_page.locator(".kit-hub summary").click()
    site_page.locator(".kit-hub-input").fill("https://jupyter.example.ac.th/")
    expected = env.nbgitpuller_url("https://jupyter.example.ac.th", notebook=repo_path)
    assert site_page.locator(".kit-hub-link").inner_text() == expected
    assert site_page.locator("a.kit-hub-open").get_attribute("href") == expected

    # Charts: every stored PNG output is an image on the page, and the browser could load it.
    charts = site_page.locator("article .cell_output img")
    assert charts.count() == _png_outputs(nb)
    for i in range(charts.count()):
        charts.nth(i).scroll_into_view_if_needed()
        assert charts.nth(i).evaluate("img => img.complete && img.naturalWidth > 0"), f"chart {i} not loaded"
    assert not site_page.page_errors, site_page.page_errors


def test_thai_is_drawn_in_the_web_font(site_page, site_url):
    for path, selector in (
        ("index.html", "article h1"),
        (f"notebooks/{NOTEBOOKS[0].stem}.html", "article p"),
    ):
        site_page.goto(f"{site_url}/{path}")
        text, fonts = _fonts_of(site_page, selector)
        assert re.search("[\u0e01-\u0e5b]", text), text
        thai = [f for f in fonts if f["familyName"] == "Sarabun"]
        assert thai and all(f["isCustomFont"] for f in thai), f"{path}: {text[:40]!r} drawn with {fonts}"
    # The Sarabun files are in the site itself.
    assert site_page.request.get(f"{site_url}/_static/kit-font/fonts/Sarabun-Regular.ttf").ok


def test_no_broken_internal_link(built_site):
    out = built_site.out
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            ids[path] = {tag["id"] for tag in soup.find_all(id=True)} | {
                a["name"] for a in soup.find_all("a", attrs={"name": True})
            }
        return ids[path]

    broken, checked = [], 0
    for page in _html_files(out):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "img", "script", "source"]):
            for attr in ("href", "src"):
                url = tag.get(attr)
                if (
                    not url
                    or url.startswith(("mailto:", "javascript:", "data:", "//"))
                    or urlsplit(url).scheme
                ):
                    continue
                parts = urlsplit(url)
                target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
                checked += 1
                if not target.is_file() or not target.is_relative_to(out.resolve()):
                    broken.append(f"{page.relative_to(out)}: {url}")
                elif (
                    parts.fragment
                    and target.suffix == ".html"
                    and unquote(parts.fragment) not in ids_of(target)
                ):
                    broken.append(f"{page.relative_to(out)}: {url} (no such anchor)")
    assert checked > 100, checked
    assert not broken, "broken links:\n" + "\n".join(broken[:50])


def _unique_word(out: Path) -> tuple[str, Path, str]:
    """A Thai word (pythainlp newmm) of one notebook page that no other page of the site contains.

    Also returns two adjacent words of that page whose concatenation only that page contains.
    """
    from pythainlp.tokenize import word_tokenize

    pages = _html_files(out)
    texts = {page: _page_text(page) for page in pages if page.name not in ("search.html", "genindex.html")}
    for notebook in NOTEBOOKS:
        page = out / "notebooks" / f"{notebook.stem}.html"
        others = [text for other, text in texts.items() if other != page]
        words = [w for w in word_tokenize(_page_text(page, article_only=True), engine="newmm") if w.strip()]
        unique = sorted(
            {w for w in words if THAI_WORD.match(w) and not any(w in t for t in others)},
            key=lambda w: (-len(w), w),
        )
        pairs = [
            a + b
            for a, b in itertools.pairwise(words)
            if THAI_WORD.match(a + b)
            and len(a) > 2
            and len(b) > 2
            and not any(a + b in t for t in others)
            and all(any(x in t for t in others) for x in (a, b))
        ]
        if unique and pairs:
            return unique[0], page, pairs[0]
    pytest.fail("no Thai word is found on exactly one notebook page")


def _search(page, site_url: str, query: str) -> list[str]:
    page.goto(f"{site_url}/search.html?q={query}")
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results p.search-summary');"
        " return s && s.innerText.length > 0; }",
        timeout=60_000,
    )
    summary = page.locator("#search-results p.search-summary").inner_text()
    assert re.search("[\u0e01-\u0e5b]", summary), f"search summary is not in Thai: {summary!r}"
    hrefs = page.locator("#search-results ul.search li a").evaluate_all("links => links.map(a => a.href)")
    return sorted({urlsplit(h).path.lstrip("/") for h in hrefs})


def test_thai_search_finds_the_page(built_site, site_page, site_url):
    word, page, pair = _unique_word(built_site.out)
    expected = page.relative_to(built_site.out).as_posix()
    index = (built_site.out / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1 : index.rindex(")")])["terms"]
    assert word in terms, f"{word!r} is not a word of the search index (Thai not segmented?)"

    assert _search(site_page, site_url, word) == [expected], word
    # Two words typed without a space between them, as Thai is written, still find the page.
    assert expected in _search(site_page, site_url, pair), pair
    assert not site_page.page_errors, site_page.page_errors
