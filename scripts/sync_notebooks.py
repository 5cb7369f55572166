"""Insert or update the generated cells of every course notebook, and the README badges.

Usage::

    python scripts/sync_notebooks.py            # write what is out of date (make sync)
    python scripts/sync_notebooks.py --check    # change nothing; exit 1 and list what is out of date
    python scripts/sync_notebooks.py --root DIR # work on another copy of the kit (tests)

What it manages in each ``notebooks/NN_*.ipynb`` (everything else is left byte for byte alone,
including the stored outputs and execution counts of the other cells):

1. **Header cell** (markdown, tag ``kit-header``), right after the first cell (the H1 title
   stays first): Binder and Colab badges for this notebook, the data the notebook uses (found in
   its code, described from ``data/datapackage.json``), links to the glossary and the cheatsheet
   (``docs/``; relative, and on GitHub for Colab) and the licences.  Between
   ``<!-- kit:header:start -->`` and ``<!-- kit:header:end -->``.
2. **Set-up cell** (code, tag ``kit-setup``), the first code cell: the source of
   ``helpers.colab.cell_source()``, between ``# kit:setup:start`` and ``# kit:setup:end``.  On
   Colab it installs the kit first; everywhere it imports ``helpers`` (a Thai message says how to
   open the kit when that fails) and calls ``helpers.setup()``.  One cell, so a learner cannot
   skip half of it.  It is not nbval-skipped: outside Colab it prints nothing, so it is stored
   with no outputs, and an up-to-date copy keeps its execution count (executing the notebook
   does not make it stale).  An old notebook is migrated: its Colab cell (tag ``kit-colab``) and
   the hand-written set-up cell (the first code cell, with ``import helpers`` and
   ``helpers.setup()``) become this one cell, in the same place, with the hand-written cell's
   execution count; any other code of the hand-written cell stays, in the cell right after
   (reported as a problem, because that cell must be executed again).
3. **Navigation cell** (markdown, tag ``kit-nav``), last: a reminder to shut this notebook's kernel
   down before opening the next one (Binder gives 2 GB; every open kernel keeps its memory), then
   previous · สารบัญ (00_welcome) · next, with the Colab links on a second line (relative links do
   not work on Colab).  Between ``<!-- kit:nav:start -->`` and ``<!-- kit:nav:end -->``.  It is the
   notebook's only navigation footer: a hand-written one at the end of the last authored markdown
   cell (a one-line paragraph whose links all point to course notebooks, with the ``---`` rule or
   the heading left empty above it) is removed.

In ``README.md`` the text between ``<!-- kit:badges:start -->`` and ``<!-- kit:badges:end -->``
becomes the Binder and Colab badges of the welcome notebook (nothing happens without markers).
In ``docs/teaching-guide.md`` the text between ``<!-- kit:guide:start -->`` and
``<!-- kit:guide:end -->`` becomes the table of the notebooks with their minutes and objectives,
read from each notebook's "สิ่งที่จะได้เรียนรู้" list and its "สอน NN นาที · ลองทำ NN นาที" line,
so the teacher's guide always matches the notebooks.

All links come from ``helpers.env`` (``REPO_URL``, ``REPO_BRANCH``): change them there, then run
``make sync``.  A notebook may list extra data in its metadata: ``{"kit": {"sources": ["name"]}}``
(datapackage resource names).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from helpers import colab, env

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
CONTENTS = "00_welcome.ipynb"

HEADER_START, HEADER_END = "<!-- kit:header:start -->", "<!-- kit:header:end -->"
NAV_START, NAV_END = "<!-- kit:nav:start -->", "<!-- kit:nav:end -->"
SETUP_START, SETUP_END = "# kit:setup:start", "# kit:setup:end"
SETUP_TAG = colab.CELL_TAGS[0]
#: The Colab cell of older notebooks (before the set-up cell did both jobs): replaced by the set-up cell.
OLD_COLAB_MARKER, OLD_COLAB_TAG = "# kit:colab:start", "kit-colab"
BADGES_START, BADGES_END = "<!-- kit:badges:start -->", "<!-- kit:badges:end -->"
GUIDE_START, GUIDE_END = "<!-- kit:guide:start -->", "<!-- kit:guide:end -->"
GUIDE = Path("docs") / "teaching-guide.md"
GENERATED_NOTE = "<!-- สร้างโดย scripts/sync_notebooks.py: แก้ที่สคริปต์แล้วรัน make sync อย่าแก้ในโน้ตบุ๊กโดยตรง -->"

#: Documents every notebook links to, in its header: (link text, path in the repository).
DOC_LINKS = (
    ("อภิธานศัพท์ (glossary)", "docs/glossary.md"),
    ("บัตรช่วยจำ (cheatsheet)", "docs/cheatsheet.md"),
)

LICENCE_LINE = (
    "สัญญาอนุญาต (license): เนื้อหาในโน้ตบุ๊ก [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/deed.th) · "
    "โค้ด [MIT](https://opensource.org/license/mit) · ข้อมูลเป็นไปตามที่แหล่งที่มากำหนด "
    "(ดู `data/README.md`)"
)


@dataclass
class Course:
    """What the generated cells need to know about the whole course."""

    root: Path
    paths: list[Path]
    titles: dict[str, str]
    resources: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# --- reading --------------------------------------------------------------------------------------


def _text(source) -> str:
    return "".join(source) if isinstance(source, list) else (source or "")


def _lines(text: str) -> list[str]:
    """nbformat stores a source as a list of lines (each but the last ending with a newline)."""
    return text.splitlines(keepends=True)


def _tags(cell: dict) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def read_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def dump_notebook(nb: dict) -> str:
    """Serialise exactly like ``nbformat.write`` (indent 1, sorted keys, UTF-8, final newline)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def title_of(nb: dict) -> str:
    """The H1 title of a notebook (first line of its first cell), without the ``# ``."""
    first = _text(nb["cells"][0]["source"]).lstrip().splitlines() if nb.get("cells") else []
    if first and first[0].startswith("# "):
        return first[0][2:].strip()
    return ""


def load_course(root: Path) -> Course:
    paths = sorted((root / "notebooks").glob(NOTEBOOK_GLOB))
    titles = {}
    problems = []
    for path in paths:
        title = title_of(read_notebook(path))
        if not title:
            problems.append(f"{path.name}: the first cell has no '# ' title")
        titles[path.name] = title or path.stem
    package = root / "data" / "datapackage.json"
    resources = (
        json.loads(package.read_text(encoding="utf-8")).get("resources", []) if package.is_file() else []
    )
    return Course(root, paths, titles, resources, problems)


# --- the generated text ---------------------------------------------------------------------------


def _code_of(nb: dict) -> str:
    return "\n".join(
        _text(c["source"]) for c in nb.get("cells", []) if c["cell_type"] == "code" and _kind_tag(c) is None
    )


def used_resources(nb: dict, resources: list[dict]) -> list[dict]:
    """The datapackage resources that the notebook's code names (by resource name or file name).

    The offline copy of the data.go.th catalogue (the real records and answers in
    ``data/real/catalog/``) counts as used when the code calls ``portal.``; the table the offline
    DataStore serves counts when the code calls ``portal.datastore``.
    """
    from helpers.portal import snapshot

    code = _code_of(nb)
    extra = set(nb.get("metadata", {}).get("kit", {}).get("sources", []))
    used = []
    for res in resources:
        parts = res.get("path") or []
        parts = [parts] if isinstance(parts, str) else parts
        names = [res.get("name", "")] + [Path(p).name for p in parts]
        named = bool(names[0]) and re.search(rf"[\"']{re.escape(names[0])}[\"']", code) is not None
        named = named or any(re.search(rf"(?<![\w.-]){re.escape(n)}(?![\w.-])", code) for n in names[1:] if n)
        catalog = "portal." in code and any(
            p.startswith("real/catalog/") and Path(p).suffix in (".json", ".jsonl") and "rtddi" not in p
            for p in parts
        )
        catalog = catalog or (res.get("name") == snapshot.DATASTORE_TABLE and "portal.datastore" in code)
        if named or catalog or res.get("name") in extra:
            used.append(res)
    return used


def _publisher(source_title: str) -> str:
    """'[P5] สำนักงานสถิติแห่งชาติ (สสช.): NSO ...' -> 'สำนักงานสถิติแห่งชาติ (สสช.)'."""
    text = re.sub(r"^\[[^\]]*\]\s*", "", source_title).strip()
    return text.split(":", 1)[0].strip()


def data_lines(used: list[dict]) -> list[str]:
    lines, seen = [], set()
    for res in used:
        title = res.get("title") or res.get("name")
        if title in seen:
            continue
        seen.add(title)
        simulated = res.get("kit:simulated")
        if simulated is True:
            note = "สร้างขึ้นเพื่อฝึก ห้ามนำไปสรุปเป็นข้อเท็จจริง"
            if "ข้อมูลจำลอง" not in title:
                note = "ข้อมูลจำลอง " + note
        else:
            sources = [s.get("title", "") for s in res.get("sources", []) if s.get("title")]
            note = f"ข้อมูลจริง ที่มา: {_publisher(sources[0])}" if sources else "ข้อมูลจริง"
        lines.append(f"- {title} — {note}")
    return lines


def docs_line(root: Path) -> str | None:
    """The header's links to the glossary and the cheatsheet (those that exist under ``root``).

    Relative links (``../docs/...``) work in JupyterLab, on Binder and on the website; Colab opens
    one notebook without its folder, so the same documents are linked on the repository host too
    (``helpers.env``: ``REPO_URL``, ``REPO_BRANCH``, as the website builds its links).
    """
    docs = [(label, doc) for label, doc in DOC_LINKS if (root / doc).is_file()]
    if not docs:
        return None
    blob = f"{env.REPO_URL}/blob/{env.REPO_BRANCH}"
    local = " · ".join(f"[{label}](../{doc})" for label, doc in docs)
    hosted = " · ".join(f"[{label.split(' (')[0]}]({blob}/{doc})" for label, doc in docs)
    return f"คำศัพท์และคำสั่งที่ใช้บ่อย: {local} · บน Google Colab: {hosted}"


def header_source(path: Path, nb: dict, course: Course) -> str:
    notebook = f"notebooks/{path.name}"
    used = data_lines(used_resources(nb, course.resources))
    body = [HEADER_START, GENERATED_NOTE, env.badges_markdown(notebook), ""]
    if used:
        body += ["**ข้อมูลที่ใช้ในโน้ตบุ๊กนี้**", "", *used, ""]
    else:
        body += ["โน้ตบุ๊กนี้ไม่ได้อ่านไฟล์ข้อมูล", ""]
    docs = docs_line(course.root)
    if docs:
        body += [docs, ""]
    body += [LICENCE_LINE, HEADER_END]
    return "\n".join(body)


#: The reminder at the end of every notebook but the last (and the last one's own wording).
SHUTDOWN_NEXT = (
    "**ก่อนเปิดบทถัดไป ให้ปิดเคอร์เนล (kernel) ของบทนี้ก่อน:** เลือกเมนู Kernel → Shut Down Kernel "
    "หรือเปิดแถบ Running Terminals and Kernels ทางซ้ายมือ แล้วกด Shut Down ที่โน้ตบุ๊กนี้ "
    "เคอร์เนลที่เปิดค้างไว้ยังใช้หน่วยความจำอยู่ บน Binder ซึ่งให้หน่วยความจำไม่เกิน 2 GB "
    "ถ้าเปิดค้างไว้หลายบท เซิร์ฟเวอร์อาจหยุดทำงานและงานที่ยังไม่ได้บันทึกจะหายไป"
)
SHUTDOWN_LAST = (
    "**เรียนจบแล้ว อย่าลืมปิดเคอร์เนล (kernel):** เลือกเมนู Kernel → Shut Down All Kernels "
    "หรือเปิดแถบ Running Terminals and Kernels ทางซ้ายมือ แล้วกด Shut Down All "
    "เพื่อคืนหน่วยความจำให้เครื่อง (บน Binder มีให้ไม่เกิน 2 GB) และบันทึกงานของคุณก่อนปิดหน้าต่าง"
)

_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]*)\)")
_COURSE_NOTEBOOK = re.compile(r"\d\d_[\w-]+\.ipynb")
_RULE_OR_HEADING = re.compile(r"(-{3,}|\*{3,}|_{3,}|#{1,6}\s.*)")


def is_navigation_line(paragraph: str) -> bool:
    """True for a hand-written navigation line: one line whose links all point to course notebooks."""
    text = paragraph.strip()
    if not text or "\n" in text:
        return False
    targets = _LINK.findall(text)
    return bool(targets) and all(_COURSE_NOTEBOOK.fullmatch(t) for t in targets)


def _last_paragraph(text: str) -> tuple[str, str]:
    """Split ``text`` into (everything before the last paragraph, the last paragraph)."""
    text = text.rstrip()
    breaks = list(re.finditer(r"\n[ \t]*\n", text))
    at = breaks[-1].end() if breaks else 0
    return text[: breaks[-1].start()] if breaks else "", text[at:]


def strip_old_footer(text: str) -> str:
    """Remove a hand-written navigation footer at the end of a markdown cell (see the module doc)."""
    before, last = _last_paragraph(text)
    if not is_navigation_line(last):
        return text
    while before:
        rest, above = _last_paragraph(before)
        if not _RULE_OR_HEADING.fullmatch(above.strip()):
            break
        before = rest
    return before


def nav_source(path: Path, course: Course) -> str:
    names = [p.name for p in course.paths]
    i = names.index(path.name)
    prev_name = names[i - 1] if i > 0 else None
    next_name = names[i + 1] if i + 1 < len(names) else None
    local, on_colab = [], []
    if prev_name:
        local.append(f"[← ก่อนหน้า: {course.titles[prev_name]}]({prev_name})")
        on_colab.append(f"[ก่อนหน้า]({env.colab_url('notebooks/' + prev_name)})")
    if path.name != CONTENTS and CONTENTS in names:
        local.append(f"[สารบัญ]({CONTENTS})")
        on_colab.append(f"[สารบัญ]({env.colab_url('notebooks/' + CONTENTS)})")
    if next_name:
        local.append(f"[ถัดไป: {course.titles[next_name]} →]({next_name})")
        on_colab.append(f"[ถัดไป]({env.colab_url('notebooks/' + next_name)})")
    body = [NAV_START, GENERATED_NOTE, "---", "", SHUTDOWN_NEXT if next_name else SHUTDOWN_LAST]
    if local:
        body += ["", " · ".join(local)]
    if on_colab:
        body += ["", "เรียนบน Google Colab: " + " · ".join(on_colab)]
    body.append(NAV_END)
    return "\n".join(body)


def setup_source() -> str:
    return colab.cell_source()


# --- placing the cells ----------------------------------------------------------------------------


def _find(cells: list[dict], marker: str, tag: str) -> list[int]:
    return [i for i, c in enumerate(cells) if marker in _text(c.get("source")) or tag in _tags(c)]


def _replace_between(text: str, start: str, end: str, new_block: str) -> str:
    """Replace ``start ... end`` in ``text`` by ``new_block``; keep what an author wrote around it."""
    a, b = text.find(start), text.find(end)
    if a == -1 or b == -1 or b < a:
        return new_block
    return text[:a] + new_block + text[b + len(end) :]


def _new_id(cells: list[dict], wanted: str) -> str:
    taken = {c.get("id") for c in cells}
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


def _managed(old: dict | None, cells: list[dict], kind: tuple, minor: int, count: int | None = None) -> dict:
    """Return the cell to store: ``old`` if it is up to date, else an updated or a new cell.

    A markdown cell keeps whatever an author wrote outside its markers; the set-up code cell is
    generated whole.  It prints nothing outside Colab, so it is stored with no outputs; it keeps
    the execution count it has (a new one takes ``count``, the hand-written cell's), so executing
    the notebook never makes an up-to-date set-up cell stale.
    """
    cell_type, source, tags, start, end = kind
    metadata = {"tags": list(tags)}
    if cell_type == "code":
        metadata["cellView"] = "form"  # Colab shows the "#@title" line and the output only
    if old is not None and old["cell_type"] == cell_type:
        old_text = _text(old["source"])
        text = source if cell_type == "code" else _replace_between(old_text, start, end, source)
        metadata = {**old.get("metadata", {}), **metadata, "tags": list(dict.fromkeys(_tags(old) + tags))}
        if text == old_text and metadata == old.get("metadata", {}) and not old.get("outputs"):
            return old
        cell = dict(old, source=_lines(text), metadata=metadata)
    else:
        cell = {"cell_type": cell_type, "metadata": metadata, "source": _lines(source)}
        if minor >= 5:
            cell["id"] = _new_id(cells, tags[0])
        if cell_type == "code":
            cell["execution_count"] = count
    if cell_type == "code":
        cell.setdefault("execution_count", None)
        cell["outputs"] = []
    return cell


def _is_import_helpers(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Import)
        and [a.name for a in node.names] == ["helpers"]
        and not node.names[0].asname
    )


def _is_setup_call(node: ast.stmt) -> bool:
    """``helpers.setup()`` as a statement, without arguments (an argument could change what it shows)."""
    call = node.value if isinstance(node, ast.Expr) else None
    return (
        isinstance(call, ast.Call)
        and not call.args
        and not call.keywords
        and ast.unparse(call.func) == "helpers.setup"
    )


def _is_guarded_import(node: ast.stmt) -> bool:
    """``try: import helpers`` / ``except ModuleNotFoundError: raise ...`` (the hand-written guard)."""
    return (
        isinstance(node, ast.Try)
        and len(node.body) == 1
        and _is_import_helpers(node.body[0])
        and not node.orelse
        and not node.finalbody
        and all(
            h.type is not None
            and ast.unparse(h.type) in ("ModuleNotFoundError", "ImportError")
            and all(isinstance(s, ast.Raise) for s in h.body)
            for h in node.handlers
        )
    )


#: IPython lines (magics and shell commands) that ``ast`` cannot read: kept, read as ``pass``.
_IPYTHON_LINE = re.compile(r"^([ \t]*)[%!].*$", re.M)


def split_old_setup(text: str) -> str | None:
    """Return what stays of a hand-written set-up cell once the set-up cell does its job, or None.

    None means ``text`` is not a hand-written set-up cell: one that calls ``helpers.setup()`` and
    imports ``helpers`` (plainly or in the ``try``/``except ModuleNotFoundError`` guard).  Else the
    import, the guard, the call and the old comment that announces them (a comment line naming
    "เตรียมชุดเรียน") are taken out and every other line is returned as it was ("" when nothing is left).
    The parser is ``ast`` rather than a regular expression because the guard's message may be
    written over several lines.
    """
    try:
        tree = ast.parse(_IPYTHON_LINE.sub(r"\1pass", text))
    except SyntaxError:
        return None
    calls = [n for n in tree.body if _is_setup_call(n)]
    imports = [n for n in tree.body if _is_import_helpers(n) or _is_guarded_import(n)]
    if not calls or not imports:
        return None
    dropped = {line for n in calls + imports for line in range(n.lineno, n.end_lineno + 1)}
    kept = [
        line
        for number, line in enumerate(text.splitlines(), start=1)
        if number not in dropped and not (line.lstrip().startswith("#") and "เตรียมชุดเรียน" in line)
    ]
    return "\n".join(kept).strip("\n")


def _is_managed(cell: dict, markers: list[tuple[str, str]]) -> bool:
    return any(marker in _text(cell.get("source")) or tag in _tags(cell) for marker, tag in markers)


def _setup_anchor(cells: list[dict], markers: list[tuple[str, str]]) -> int | None:
    """Where the set-up cell stands (or the old Colab cell stood), counted in the authored cells."""
    for wanted in ((SETUP_START, SETUP_TAG), (OLD_COLAB_MARKER, OLD_COLAB_TAG)):
        authored = 0
        for i, cell in enumerate(cells):
            if i > 0 and _is_managed(cell, [wanted]):
                return authored
            if i == 0 or not _is_managed(cell, markers):
                authored += 1
    return None


def sync_notebook(path: Path, nb: dict, course: Course) -> tuple[dict, list[str]]:
    """Return the synced notebook (a new dict; ``nb`` is not changed) and the problems found."""
    cells = list(nb.get("cells", []))
    if not cells or cells[0]["cell_type"] != "markdown":
        return nb, [f"{path.name}: the first cell must be the markdown H1 title"]
    minor = nb.get("nbformat_minor", 0)
    kinds = {
        "header": ("markdown", header_source(path, nb, course), ["kit-header"], HEADER_START, HEADER_END),
        "setup": ("code", setup_source(), list(colab.CELL_TAGS), SETUP_START, SETUP_END),
        "nav": ("markdown", nav_source(path, course), ["kit-nav"], NAV_START, NAV_END),
    }
    markers = [(k[3], k[2][0]) for k in kinds.values()] + [(OLD_COLAB_MARKER, OLD_COLAB_TAG)]
    anchor = _setup_anchor(cells, markers)
    # Take the managed cells out (the first of each kind is reused; copies, old Colab cells dropped) ...
    old: dict[str, dict | None] = {}
    for kind, (_, _, tags, start, _) in kinds.items():
        found = [i for i in _find(cells, start, tags[0]) if i != 0]
        old[kind] = cells[found[0]] if found else None
        cells = [c for i, c in enumerate(cells) if i not in found]
    cells = [c for i, c in enumerate(cells) if i == 0 or not _is_managed(c, markers[-1:])]
    # ... and the hand-written navigation footer of the last authored cell (the nav cell replaces it).
    last = len(cells) - 1
    if last > 0 and cells[last]["cell_type"] == "markdown":
        text = _text(cells[last]["source"])
        stripped = strip_old_footer(text)
        while stripped != text:
            text, stripped = stripped, strip_old_footer(stripped)
        if text != _text(cells[last]["source"]):
            cells = cells[:last] + ([dict(cells[last], source=_lines(text))] if text.strip() else [])
    # ... and the hand-written set-up cell (the first code cell): the set-up cell does its job now.
    problems = []
    first_code = next((i for i, c in enumerate(cells) if c["cell_type"] == "code"), None)
    count = None
    if first_code is not None:
        hand_written = cells[first_code]
        rest = split_old_setup(_text(hand_written["source"]))
        if rest is not None:
            count = hand_written.get("execution_count")
            if rest.strip():
                cells[first_code] = dict(hand_written, source=_lines(rest), execution_count=None, outputs=[])
                problems.append(
                    f"{path.name}: the old set-up cell had other code, kept in the cell after the set-up "
                    "cell: execute the notebook again (scripts/execute_notebooks.py)"
                )
            else:
                del cells[first_code]
        if anchor is None or anchor > first_code:
            anchor = first_code  # no set-up cell yet, or authored code runs before it
    anchor = min(1 if anchor is None else anchor, len(cells))
    everything = cells + [c for c in old.values() if c is not None]
    built = {
        kind: _managed(old[kind], everything, kinds[kind], minor, count if kind == "setup" else None)
        for kind in kinds
    }
    # ... and put them back where they belong.
    cells.insert(anchor, built["setup"])
    cells.insert(1, built["header"])
    cells.append(built["nav"])
    return dict(nb, cells=cells), problems


def sync_readme(text: str) -> str:
    """Put the welcome notebook's Binder and Colab badges between the README markers."""
    a, b = text.find(BADGES_START), text.find(BADGES_END)
    if a == -1 or b == -1 or b < a:
        return text
    block = f"{BADGES_START}\n{env.badges_markdown('notebooks/' + CONTENTS)}\n{BADGES_END}"
    return text[:a] + block + text[b + len(BADGES_END) :]


# --- the teacher's guide ---------------------------------------------------------------------------


def _markdown_of(nb: dict) -> str:
    return "\n\n".join(
        _text(c["source"])
        for c in nb.get("cells", [])
        if c["cell_type"] == "markdown" and _kind_tag(c) is None
    )


def _kind_tag(cell: dict) -> str | None:
    return next((t for t in ("kit-header", SETUP_TAG, OLD_COLAB_TAG, "kit-nav") if t in _tags(cell)), None)


def objectives_of(nb: dict) -> list[str]:
    """The bullet list under the notebook's "สิ่งที่จะได้เรียนรู้" heading (or bold label)."""
    lines = _markdown_of(nb).splitlines()
    start = next((i for i, line in enumerate(lines) if "สิ่งที่จะได้เรียนรู้" in line), None)
    if start is None:
        return []
    items: list[str] = []
    bullet = re.compile(r"^([-*+]|\d+[.)])\s+")
    for line in lines[start + 1 :]:
        stripped = line.strip()
        found = bullet.match(stripped)
        if found:
            items.append(stripped[found.end() :])
        elif not stripped:
            continue  # blank lines before the list or between loose items
        elif items and line[:1] in (" ", "\t"):
            items[-1] += " " + stripped  # a bullet that wraps onto the next line
        else:
            break  # other text: the list is over
    return items


def intro_of(nb: dict) -> str:
    """The first paragraph after the H1 title, on one line (for notebooks without objectives)."""
    text = _text(nb["cells"][0]["source"]) if nb.get("cells") else ""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip() and not p.lstrip().startswith("#")]
    return " ".join(paragraphs[0].split()) if paragraphs else ""


Minutes = tuple[int, int] | None  # (shortest, longest): "90–120 นาที" -> (90, 120), "30 นาที" -> (30, 30)


def minutes_of(nb: dict) -> tuple[Minutes, Minutes]:
    """(teaching, exercise) minutes from a line like "สอน 30 นาที · ลองทำ 20 นาที" (ranges allowed)."""
    text = _markdown_of(nb)
    found = []
    for label in (r"สอน", r"(?:ลองทำ|แบบฝึกหัด|ฝึก)"):
        match = re.search(label + r"\D{0,20}?(\d+)(?:\s*[–-]\s*(\d+))?\s*นาที", text)
        found.append((int(match.group(1)), int(match.group(2) or match.group(1))) if match else None)
    return found[0], found[1]


def _show(minutes: Minutes) -> str:
    if minutes is None:
        return "–"
    low, high = minutes
    return str(low) if low == high else f"{low}–{high}"


def _add(*values: Minutes) -> Minutes:
    present = [v for v in values if v is not None]
    return (sum(v[0] for v in present), sum(v[1] for v in present)) if present else None


def guide_block(course: Course) -> str:
    rows, sections, totals = [], [], {"teach": None, "practise": None}
    for path in course.paths:
        nb = read_notebook(path)
        title = course.titles[path.name]
        teach, practise = minutes_of(nb)
        totals["teach"], totals["practise"] = _add(totals["teach"], teach), _add(totals["practise"], practise)
        link = f"[{title}](../notebooks/{path.name})"
        rows.append(
            f"| {path.name[:2]} | {link} | {_show(teach)} | {_show(practise)} | {_show(_add(teach, practise))} |"
        )
        section = [f"### {path.name[:2]} · {title}", ""]
        if teach or practise:
            section.append(
                f"เวลา: สอน {_show(teach)} นาที · ลองทำ {_show(practise)} นาที · ไฟล์ `notebooks/{path.name}`"
            )
        else:
            section.append(f"ไฟล์ `notebooks/{path.name}`")
        section.append("")
        goals = objectives_of(nb)
        if goals:
            section += ["สิ่งที่ผู้เรียนจะได้เรียนรู้", "", *[f"- {g}" for g in goals]]
        else:
            section.append("เนื้อหา: " + intro_of(nb))
        sections.append("\n".join(section))
    total = _add(totals["teach"], totals["practise"])
    table = [
        "| บท | โน้ตบุ๊ก | สอน (นาที) | ลองทำ (นาที) | รวม (นาที) |",
        "|---|---|---:|---:|---:|",
        *rows,
        f"| | **รวมทุกบท** | **{_show(totals['teach'])}** | **{_show(totals['practise'])}** | **{_show(total)}** |",
    ]
    note = "<!-- สร้างโดย scripts/sync_notebooks.py จากโน้ตบุ๊กแต่ละบท: แก้ที่โน้ตบุ๊กแล้วรัน make sync -->"
    return "\n".join([GUIDE_START, note, "", *table, "", "\n\n".join(sections), "", GUIDE_END])


def sync_guide(text: str, course: Course) -> str:
    a, b = text.find(GUIDE_START), text.find(GUIDE_END)
    if a == -1 or b == -1 or b < a:
        return text
    return text[:a] + guide_block(course) + text[b + len(GUIDE_END) :]


# --- the command ----------------------------------------------------------------------------------


def plan(root: Path, only: list[Path] | None = None) -> tuple[list[tuple[Path, str]], list[str]]:
    """Return ``[(file, new text)]`` for every file that is out of date, and the problems found."""
    course = load_course(root)
    problems = list(course.problems)
    changes = []
    for path in course.paths:
        if only and path.resolve() not in only:
            continue
        nb = read_notebook(path)
        new, found = sync_notebook(path, nb, course)
        problems += found
        if new != nb:  # compare the JSON, not the bytes: formatting alone is not "out of date"
            changes.append((path, dump_notebook(new)))
    if not only:
        for path, update in (
            (root / "README.md", sync_readme),
            (root / GUIDE, lambda t: sync_guide(t, course)),
        ):
            if path.is_file():
                old = path.read_text(encoding="utf-8")
                new_text = update(old)
                if new_text != old:
                    changes.append((path, new_text))
    return changes, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when out of date")
    parser.add_argument("--root", type=Path, default=ROOT, help="the kit's folder (default: this checkout)")
    parser.add_argument("notebooks", nargs="*", type=Path, help="only these notebooks (default: all)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    only = [p.resolve() for p in args.notebooks] or None
    changes, problems = plan(root, only)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if args.check:
        for path, _ in changes:
            print(f"out of date: {path.relative_to(root)}")
        if changes:
            print("run: python scripts/sync_notebooks.py (make sync)", file=sys.stderr)
        return 1 if changes or problems else 0
    for path, text in changes:
        path.write_text(text, encoding="utf-8")
        print(f"updated {path.relative_to(root)}")
    if not changes:
        print("everything is up to date")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
