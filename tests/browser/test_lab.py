"""Run notebooks in JupyterLab in a real (headless) Chromium, as a learner would.

For each notebook: open it, clear the stored outputs and run all cells from the menu (Edit → Clear
Outputs of All Cells, Run → Run All Cells), wait for the kernel, then check that there is no
error output, that a plot image appears, that changing a Dropdown widget changes the output, and
that Thai text in the page is drawn with a Thai font (asked from Chromium itself through the
DevTools protocol: ``CSS.getPlatformFontsForNode``).  Screenshots go to ``tests/browser/artifacts/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"  # same folder as in conftest.py

#: Families that draw Thai: Sarabun comes with the kit (fontpkg-sarabun); the others are what
#: Debian/Ubuntu (fonts-thai-tlwg, fonts-noto) would offer on a learner's machine or on Binder.
THAI_FONTS = re.compile(
    r"Sarabun|Noto (Sans|Serif|Looped) Thai|Loma|Garuda|Kinnari|Laksaman|Norasi|Sawasdee|Tlwg|Umpush|Waree|Purisa",
    re.IGNORECASE,
)
THAI_CHARS = re.compile(r"[\u0e00-\u0e7f]")

OPEN_TIMEOUT = 90_000  # ms: first load of JupyterLab plus the kernel start on a busy 2-core machine
RUN_ALL_TIMEOUT = 120_000
WIDGET_TIMEOUT = 60_000

# Reads the state of the open notebook from the JupyterLab application object.  "done" means the
# kernel is idle, no cell is running or queued, and every non-empty code cell has an execution
# count (or an error stopped the run, which the test then reports).
_NOTEBOOK_STATE_JS = """
() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.content.model || !panel.sessionContext) return null;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const cells = [...panel.content.model.cells].filter(
    c => c.type === 'code' && c.sharedModel.getSource().trim() !== '');
  const prompts = [...panel.node.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .map(p => p.textContent.trim());
  const errors = panel.node.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').length;
  return {
    kernel: kernel ? kernel.status : 'none',
    dialog: !!document.querySelector('.jp-Dialog'),
    codeCells: cells.length,
    counted: cells.filter(c => c.executionCount !== null).length,
    running: prompts.filter(t => t.includes('*')).length,
    errors: errors,
  };
}
"""

# A short hash of everything a widget could change: images and text of all outputs.
_OUTPUT_FINGERPRINT_JS = """
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const parts = [...panel.node.querySelectorAll('.jp-OutputArea-output')].map(o => {
    const img = o.querySelector('img');
    return img ? img.src : o.innerText;
  });
  let h = 5381;
  for (const ch of parts.join('\\u0001')) h = ((h * 33) ^ ch.charCodeAt(0)) >>> 0;
  return {hash: h, images: panel.node.querySelectorAll('.jp-OutputArea-output img').length};
}
"""

# Marks the first output element whose own text holds Thai (CSS.getPlatformFontsForNode reports
# the fonts of an element's direct text children).
_MARK_THAI_OUTPUT_JS = """
() => {
  const thai = /[\u0e00-\u0e7f]/;
  const candidates = document.querySelectorAll(
    '.jp-NotebookPanel .jp-OutputArea-output :is(pre, td, th, p, li, span)');
  for (const el of candidates) {
    if (!el.getClientRects().length) continue;  // hidden (e.g. a closed widget tab)
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE && thai.test(node.textContent)) {
        el.setAttribute('data-kit-thai-probe', '1');
        return true;
      }
    }
  }
  return false;
}
"""

NOTEBOOKS = [
    pytest.param("00_welcome.ipynb", False, id="00_welcome"),
    pytest.param("08_interactive.ipynb", True, id="08_interactive"),
]


def _shot(page, stem: str, step: str) -> Path:
    path = ARTIFACTS / f"{stem}-{step}.png"
    page.screenshot(path=str(path))
    return path


def _state(page) -> dict:
    return page.evaluate(_NOTEBOOK_STATE_JS)


def _menu(page, top: str, item: str) -> None:
    """Click a main-menu entry, e.g. Run → Run All Cells."""
    page.keyboard.press("Escape")
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(rf"^{re.escape(top)}$")).click()
    page.locator(
        ".lm-Menu-content .lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(item)}$")
    ).first.click()


def _wait_kernel_idle(page, timeout: int) -> None:
    page.wait_for_function(
        "() => { const p = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
        " const k = p && p.sessionContext && p.sessionContext.session && p.sessionContext.session.kernel;"
        " return !!k && k.status === 'idle'; }",
        timeout=timeout,
        polling=250,
    )


def _open_notebook(page, server, name: str, stem: str) -> None:
    page.goto(server.page_url(name), wait_until="domcontentloaded", timeout=OPEN_TIMEOUT)
    try:
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=OPEN_TIMEOUT)
        _wait_kernel_idle(page, OPEN_TIMEOUT)
    except Exception:
        _shot(page, stem, "0-open-failed")
        raise
    dialog = page.locator(".jp-Dialog")
    if dialog.count():
        _shot(page, stem, "0-dialog")
        pytest.fail(f"{name}: a dialog is open after loading: {dialog.first.inner_text()!r}")


def _run_all(page, name: str, stem: str) -> dict:
    _menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        "() => !window.jupyterapp.shell.currentWidget.node.querySelector('.jp-OutputArea-output')",
        timeout=30_000,
    )
    _menu(page, "Run", "Run All Cells")
    try:
        page.wait_for_function(
            f"() => {{ const s = ({_NOTEBOOK_STATE_JS})(); return s && s.kernel === 'idle' && s.running === 0"
            " && (s.counted === s.codeCells || s.errors > 0); }",
            timeout=RUN_ALL_TIMEOUT,
            polling=500,
        )
    except Exception:
        _shot(page, stem, "2-run-timeout")
        pytest.fail(
            f"{name}: Run All Cells did not finish within {RUN_ALL_TIMEOUT // 1000} s: {_state(page)}"
        )
    page.wait_for_timeout(500)  # let the last outputs (images, widget views) attach
    return _state(page)


def _error_outputs(page) -> list[str]:
    outputs = page.locator(
        '.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    ).all_inner_texts()
    # A widget whose view cannot be built shows this text in place of the widget (jupyterlab_widgets).
    broken_widgets = [
        text
        for text in page.locator(
            '.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.widget-view+json"]'
        ).all_inner_texts()
        if text.strip().startswith("Error displaying widget")
    ]
    return [t[:600] for t in outputs + broken_widgets]


def _platform_fonts(page, selector: str) -> list[dict]:
    """Fonts Chromium really used to draw the text of the first element matching ``selector``."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"no element matches {selector!r}"
        return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()


def _assert_thai_font(page, selector: str, what: str, report: dict) -> None:
    element = page.locator(selector).first
    # Off-screen cells are skipped by the browser (content-visibility) and have no fonts yet.
    element.scroll_into_view_if_needed()
    text = element.text_content() or ""
    assert THAI_CHARS.search(text), f"{what} has no Thai text: {text!r}"
    fonts = _platform_fonts(page, selector)
    for _ in range(20):  # a busy machine may not have painted the scrolled-to cell yet: no fonts at all
        if fonts:
            break
        page.wait_for_timeout(250)
        fonts = _platform_fonts(page, selector)
    report[what] = {"text": text[:80], "fonts": fonts}
    thai = [f for f in fonts if THAI_FONTS.search(f["familyName"]) and f["glyphCount"] > 0]
    assert thai, f"{what} ({text[:40]!r}) is not drawn with a Thai font; Chromium used {fonts}"


def _change_dropdown(page, stem: str) -> dict:
    """Pick another value in the first Dropdown and wait until an output changes."""
    select = page.locator(".jp-NotebookPanel .widget-dropdown select").first
    select.scroll_into_view_if_needed()
    current = select.input_value()
    values = select.locator("option").evaluate_all("options => options.map(o => o.value)")
    others = [v for v in values if v != current]
    assert others, f"the Dropdown has only one value: {values}"
    before = page.evaluate(_OUTPUT_FINGERPRINT_JS)
    select.select_option(others[-1])
    try:
        page.wait_for_function(
            f"(before) => {{ const now = ({_OUTPUT_FINGERPRINT_JS})(); const s = ({_NOTEBOOK_STATE_JS})();"
            " return now.hash !== before.hash && now.images >= before.images && s.kernel === 'idle'; }",
            arg=before,
            timeout=WIDGET_TIMEOUT,
            polling=250,
        )
    except Exception:
        _shot(page, stem, "3-widget-timeout")
        pytest.fail(f"changing the Dropdown from {current!r} to {others[-1]!r} did not change any output")
    page.wait_for_timeout(500)
    return {"from": current, "to": others[-1]}


@pytest.mark.parametrize(("name", "needs_widget"), NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(lab_page, lab_server, name: str, needs_widget: bool) -> None:
    path = lab_server.root_dir / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    stem = path.stem
    original = path.read_bytes()
    page = lab_page
    report: dict = {"notebook": name}

    _open_notebook(page, lab_server, name, stem)
    _shot(page, stem, "1-opened")

    # Thai in the page: the notebook's title (first markdown cell, "# <Thai title>").
    _assert_thai_font(page, ".jp-NotebookPanel .jp-MarkdownOutput h1", "title", report)

    state = _run_all(page, name, stem)
    report["run_all"] = state

    errors = _error_outputs(page)
    assert not errors, f"{name}: error output after Run All Cells:\n" + "\n---\n".join(errors)
    assert state["counted"] == state["codeCells"], f"{name}: not every code cell ran: {state}"

    # Thai in an output drawn by the page (a printed value or a DataFrame table), if there is one.
    if page.evaluate(_MARK_THAI_OUTPUT_JS):
        _assert_thai_font(page, "[data-kit-thai-probe]", "output text", report)

    images = page.locator(".jp-NotebookPanel .jp-OutputArea-output img")
    assert images.count() > 0, f"{name}: no plot image in the outputs"
    first = images.first
    first.scroll_into_view_if_needed()
    assert first.evaluate("img => img.complete && img.naturalWidth > 0"), f"{name}: the plot image is empty"
    first.screenshot(path=str(ARTIFACTS / f"{stem}-2-plot.png"))
    _shot(page, stem, "2-ran")  # the page around the first plot

    dropdowns = page.locator(".jp-NotebookPanel .widget-dropdown select")
    if needs_widget:
        assert dropdowns.count() > 0, f"{name}: no Dropdown widget after Run All Cells"
    if dropdowns.count():
        # Thai in widget labels too (they are drawn by the page, not by matplotlib).
        label = ".jp-NotebookPanel .widget-dropdown .widget-label"
        if THAI_CHARS.search(page.locator(label).first.text_content() or ""):
            _assert_thai_font(page, label, "widget label", report)
        report["widget"] = _change_dropdown(page, stem)
        cell = page.locator(".jp-NotebookPanel .jp-Cell", has=page.locator(".widget-dropdown select"))
        cell.first.screenshot(path=str(ARTIFACTS / f"{stem}-3-widget.png"))
        _shot(page, stem, "3-widget-page")
        errors = _error_outputs(page)
        assert not errors, f"{name}: error output after changing the widget:\n" + "\n---\n".join(errors)

    report["page_errors"] = page.page_errors
    (ARTIFACTS / f"{stem}-report.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    assert not page.page_errors, f"{name}: JavaScript errors in the page: {page.page_errors}"
    assert path.read_bytes() == original, f"{name} was modified on disk by the browser session"
