"""Thai in JupyterLab on a machine with no Thai font: only the kit's web font can draw it.

Chromium gets a fontconfig set-up with DejaVu alone (no Thai glyph in any file, checked below), as
on a learner's PC without a Thai font.  JupyterLab runs with ``helpers.webfont.lab_environment``
(the kit's ``custom.css``) and a "user" Jupyter folder of its own, serving a folder with Thai file
names.  The control blocks ``custom/custom.css`` in the same browser: Thai then has no font.  With
the CSS, ``CSS.getPlatformFontsForNode`` must report the web font Sarabun for Thai in the file
browser, the tab bar, a markdown cell and a code cell, and not for Latin UI text.  The user's own
settings (autosave off, the announcements plugin off) must still reach JupyterLab.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import urllib.request
from pathlib import Path

import pytest

from helpers import thaifont, webfont

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"  # same folder as in conftest.py

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
THAI_NOTEBOOK = "บทที่ 0 ยินดีต้อนรับ.ipynb"
THAI_FOLDER = "ข้อมูลของฉัน"
OPEN_TIMEOUT = 90_000


def write_dejavu_only_conf(folder: Path, font_dir: Path = DEJAVU) -> Path:
    """A ``fonts.conf`` whose only fonts are those in ``font_dir`` (no system set-up included)."""
    cache = folder / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f"  <cachedir>{cache}</cachedir>\n  <dir>{font_dir}</dir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


@pytest.fixture(scope="module")
def no_thai_chromium(chromium_path: str, lab_kit, kit_playwright, tmp_path_factory: pytest.TempPathFactory):
    fonts = sorted(DEJAVU.glob("*.ttf"))
    if not fonts:
        pytest.fail(f"no DejaVu fonts in {DEJAVU} (Debian's fonts-dejavu-core comes with chromium)")
    # The control is only meaningful if no font Chromium may use has Thai.
    with_thai = [f.name for f in fonts if not thaifont.missing_glyphs("ก", f)]
    assert not with_thai, (
        f"these fonts have Thai glyphs, so they cannot stand for 'no Thai font': {with_thai}"
    )
    conf = write_dejavu_only_conf(tmp_path_factory.mktemp("fontconfig-no-thai"))
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    browser = kit_playwright.chromium.launch(
        executable_path=chromium_path, args=lab_kit.chromium_args, env=env, headless=True, timeout=120_000
    )
    try:
        yield browser, {f.name for f in fonts}
    finally:
        browser.close()


@pytest.fixture(scope="module")
def webfont_lab(lab_kit, tmp_path_factory: pytest.TempPathFactory):
    """JupyterLab with the kit's web font, a Thai-named notebook and folder, and a 'user' config folder."""
    base = tmp_path_factory.mktemp("jupyterlab-webfont")
    root = base / "root"
    (root / THAI_FOLDER).mkdir(parents=True)
    shutil.copyfile(ROOT / "notebooks" / "00_welcome.ipynb", root / THAI_NOTEBOOK)
    user = lab_kit.page_config(base / "user-jupyter")  # the learner's own ~/.jupyter
    lab_kit.settings(user / "lab" / "user-settings")
    env, args = webfont.lab_environment(base / "kit-jupyter", environ={"JUPYTER_CONFIG_DIR": str(user)})
    with lab_kit.running_lab(base, root, env, args) as server:
        yield server


# Marks the first visible element inside ``container`` whose own text (a direct text node) matches
# ``pattern``: CSS.getPlatformFontsForNode reports the fonts of an element's direct text.
_PROBE_JS = """
([container, pattern, name]) => {
  const wanted = new RegExp(pattern);
  for (const box of document.querySelectorAll(container)) {
    for (const el of [box, ...box.querySelectorAll('*')]) {
      if (!el.getClientRects().length) continue;
      for (const node of el.childNodes) {
        if (node.nodeType === Node.TEXT_NODE && wanted.test(node.textContent)) {
          el.setAttribute('data-kit-probe', name);
          return true;
        }
      }
    }
  }
  return false;
}
"""
THAI = "[\u0e01-\u0e5b]"


def _fonts(page, container: str, pattern: str = THAI) -> tuple[str, list[dict]]:
    """Text of the first element in ``container`` whose own text matches, and the fonts Chromium drew it with."""
    page.locator(container).first.wait_for(state="visible", timeout=OPEN_TIMEOUT)
    name = f"p{abs(hash((container, pattern)))}"
    page.wait_for_function(_PROBE_JS, arg=[container, pattern, name], timeout=OPEN_TIMEOUT)
    selector = f'[data-kit-probe="{name}"]'
    element = page.locator(selector).first
    element.scroll_into_view_if_needed()
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(300)  # a font that has just loaded is used at the next layout
    # CodeMirror and the notebook's windowing re-create elements when they scroll: mark again,
    # now that the element is on screen, so the node CDP looks up is the one that is drawn.
    page.evaluate(
        '(name) => document.querySelectorAll(`[data-kit-probe="${name}"]`)'
        ".forEach(el => el.removeAttribute('data-kit-probe'))",
        name,
    )
    page.wait_for_function(_PROBE_JS, arg=[container, pattern, name], timeout=OPEN_TIMEOUT)
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"no element matches {selector!r}"
        return element.text_content() or "", cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})[
            "fonts"
        ]
    finally:
        cdp.detach()


#: Where Thai shows in the UI chrome and in the notebook (containers searched for Thai text).
THAI_PLACES = {
    "file browser": ".jp-FileBrowser .jp-DirListing-content",
    "tab bar": "#jp-main-dock-panel .lm-TabBar-content",
    "markdown cell": ".jp-NotebookPanel .jp-MarkdownOutput",
    "code cell": ".jp-NotebookPanel .jp-CodeCell .cm-content",
}
LATIN_PLACE = ("#jp-MainMenu", "^File$")


def _open(browser, server, block_css: bool):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="th-TH")
    page = context.new_page()
    page.set_default_timeout(OPEN_TIMEOUT)
    if block_css:
        page.route("**/custom/custom.css", lambda route: route.abort())
    url = f"{server.url}/lab/tree/{urllib.request.quote(THAI_NOTEBOOK)}?reset&token={server.token}"
    page.goto(url, wait_until="domcontentloaded", timeout=OPEN_TIMEOUT)
    page.wait_for_selector(".jp-NotebookPanel .jp-MarkdownOutput h1", timeout=OPEN_TIMEOUT)
    return context, page


def _report(name: str, found: dict) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"webfont-{name}.json").write_text(
        json.dumps(found, ensure_ascii=False, indent=2), encoding="utf-8"
    )


def test_without_the_css_thai_has_no_font(no_thai_chromium, webfont_lab):
    browser, dejavu = no_thai_chromium
    context, page = _open(browser, webfont_lab, block_css=True)
    try:
        found = {}
        for what, selector in THAI_PLACES.items():
            text, fonts = _fonts(page, selector)
            found[what] = {"text": text[:60], "fonts": fonts}
            assert any("\u0e00" <= ch <= "\u0e7f" for ch in text), f"{what}: no Thai in {text!r}"
            assert not any(f["isCustomFont"] for f in fonts), (
                f"{what}: a web font was used without the CSS: {fonts}"
            )
            files = {f["familyName"] for f in fonts}
            assert all(name.startswith("DejaVu") for name in files), f"{what}: a font outside DejaVu: {fonts}"
        page.screenshot(path=str(ARTIFACTS / "webfont-0-control.png"))
        _report("control", found)
        assert dejavu  # the fonts Chromium could use, all checked to have no Thai glyph
    finally:
        context.close()
        webfont_lab.shutdown_kernels()


def test_the_css_draws_thai_with_sarabun_and_leaves_latin_alone(no_thai_chromium, webfont_lab):
    browser, _ = no_thai_chromium
    context, page = _open(browser, webfont_lab, block_css=False)
    try:
        found = {}
        for what, selector in THAI_PLACES.items():
            text, fonts = _fonts(page, selector)
            found[what] = {"text": text[:60], "fonts": fonts}
            sarabun = [
                f for f in fonts if f["familyName"] == "Sarabun" and f["isCustomFont"] and f["glyphCount"] > 0
            ]
            assert sarabun, f"{what} ({text[:40]!r}) is not drawn with the web font Sarabun: {fonts}"
        text, fonts = _fonts(page, *LATIN_PLACE)
        found["latin menu"] = {"text": text, "fonts": fonts}
        assert text == "File" and fonts, fonts
        assert not any(f["isCustomFont"] for f in fonts), (
            f"Latin text should keep JupyterLab's fonts: {fonts}"
        )
        page.screenshot(path=str(ARTIFACTS / "webfont-1-sarabun.png"))
        _report("sarabun", found)
    finally:
        context.close()
        webfont_lab.shutdown_kernels()


def test_the_users_own_settings_still_reach_jupyterlab(webfont_lab):
    settings = webfont_lab.api("/lab/api/settings/@jupyterlab/docmanager-extension:plugin")
    assert '"autosave": false' in settings["raw"], settings["raw"]
    request = urllib.request.Request(f"{webfont_lab.url}/lab?token={webfont_lab.token}")
    with urllib.request.urlopen(request, timeout=30) as response:
        page = response.read().decode()
    assert "custom/custom.css" in page, "LabApp.custom_css is off"
    disabled = re.search(r'"disabledExtensions": \[([^\]]*)\]', page)
    assert disabled and "@jupyterlab/apputils-extension:announcements" in disabled.group(1), (
        "the user's labconfig was hidden"
    )
    with urllib.request.urlopen(
        f"{webfont_lab.url}/custom/fonts/Sarabun-Regular.ttf", timeout=30
    ) as response:
        assert response.read()[:4] == b"\x00\x01\x00\x00", "the font file is served as TrueType"
