"""Build the course website (static HTML) from the committed notebooks and documents, offline.

Usage::

    python scripts/build_site.py                  # into build/site
    python scripts/build_site.py --out DIR        # anywhere else (the test builds into a temp folder)

Sphinx with myst-nb and sphinx-book-theme (all from PyPI; configuration in ``site/``) renders:

- ``README.md`` as the home page, every ``notebooks/*.ipynb`` with its stored outputs (nothing is
  executed), every ``docs/*.md`` (teaching guide, JupyterHub guide, and the glossary or cheatsheet
  when they exist), ``data/README.md`` and one page per data set of ``data/datapackage.json``
  (``scripts/site_datasets.py``);
- on each notebook page the Binder and Colab buttons and the nbgitpuller link for a class hub, made
  by ``helpers.env`` from ``REPO_URL`` (the one place the repository is named);
- Sarabun as the web font (``helpers.webfont``, files from ``fontpkg-sarabun``) and a search index
  cut into Thai words by pythainlp (``site/_ext/kit_thai_search.py``).

The pages are staged in a temporary folder first, so the repository is only read.  See docs/site.md.
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers import env, webfont

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
#: Documents shown first under "คู่มือ", in this order when they exist; other docs/*.md follow by name.
DOC_ORDER = ("teaching-guide", "cheatsheet", "glossary", "jupyterhub")
#: The hub address shown in the nbgitpuller link until the teacher types their own.
EXAMPLE_HUB = "https://hub.example.ac.th"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = (
    '<div class="kit-widget-note">ตรงนี้คือวิดเจ็ต (widget) ที่ใช้ได้เมื่อรันโน้ตบุ๊กเท่านั้น '
    "กดปุ่ม เปิดใน Binder หรือ เปิดใน Colab ที่ต้นหน้าเพื่อลองใช้</div>"
)


def pages_url(repo_url: str | None = None) -> str | None:
    """Return the GitHub Pages address of the repository, or None when it is not on github.com.

    >>> pages_url("https://github.com/thai-opendata-kit/thai-opendata-kit")
    'https://thai-opendata-kit.github.io/thai-opendata-kit/'
    >>> pages_url("https://gitlab.example.ac.th/g/kit") is None
    True
    """
    url = env.REPO_URL if repo_url is None else repo_url
    if "github.com" not in url.split("/")[2:3]:
        return None
    owner, name = env.repo_slug(url).split("/")[:2]
    return f"https://{owner.lower()}.github.io/{name}/"


def launch_html(notebook: str) -> str:
    """Return the launch box of a notebook page (Binder, Colab, nbgitpuller); one HTML block.

    >>> box = launch_html("notebooks/00_welcome.ipynb")
    >>> "mybinder.org" in box and "colab.research.google.com" in box and "git-pull?" in box
    True
    >>> "\\n\\n" in box   # a blank line would end the HTML block in Markdown
    False
    """
    hub_link = env.nbgitpuller_url(EXAMPLE_HUB, notebook=notebook)
    if not hub_link.startswith(EXAMPLE_HUB):
        raise ValueError(f"nbgitpuller_url ไม่ได้ขึ้นต้นด้วยที่อยู่ของ hub: {hub_link}")
    suffix = hub_link[len(EXAMPLE_HUB) :]
    a = html.escape
    return "\n".join(
        [
            '<div class="kit-launch" role="group" aria-label="รันโน้ตบุ๊กนี้">',
            '<span class="kit-launch-label">รันโน้ตบุ๊กนี้:</span>',
            f'<a class="kit-launch-button kit-binder" href="{a(env.binder_url(notebook))}">เปิดใน Binder</a>',
            f'<a class="kit-launch-button kit-colab" href="{a(env.colab_url(notebook))}">เปิดใน Colab</a>',
            '<details class="kit-hub"><summary>ลิงก์สำหรับ JupyterHub ของสถานศึกษา (nbgitpuller)</summary>',
            (
                "<p>พิมพ์ที่อยู่ JupyterHub ของสถานศึกษา แล้วคัดลอกลิงก์ด้านล่างไปแจกผู้เรียน "
                "เมื่อผู้เรียนกดลิงก์ hub จะดึงชุดเรียนล่าสุดแล้วเปิดโน้ตบุ๊กนี้ให้</p>"
            ),
            (
                f'<label>ที่อยู่ JupyterHub <input class="kit-hub-input" type="url" value="{a(EXAMPLE_HUB)}" '
                f'data-suffix="{a(suffix)}"></label>'
            ),
            f'<p><code class="kit-hub-link">{a(hub_link)}</code></p>',
            f'<p><a class="kit-hub-open" href="{a(hub_link)}">เปิดลิงก์นี้</a></p>',
            "</details>",
            "</div>",
        ]
    )


def stage_notebook(source: Path, target: Path, repo_path: str) -> None:
    """Copy a notebook for the site: launch box after the title, no set-up cell, widgets explained.

    Only the copy changes; the stored outputs are kept as they are (nothing is executed).
    """
    nb = json.loads(source.read_text(encoding="utf-8"))
    badges = env.badges_markdown(repo_path)
    cells = []
    for cell in nb.get("cells", []):
        cell = copy.deepcopy(cell)
        tags = cell.setdefault("metadata", {}).get("tags", [])
        if "kit-setup" in tags:  # the set-up cell shows nothing and acts only in a running notebook
            cell["metadata"]["tags"] = [*tags, "remove-cell"]
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"])
            # The launch box replaces the header's badges (same links, from helpers.env too).
            cell["source"] = "\n".join(line for line in text.split("\n") if line.strip() != badges)
        for output in cell.get("outputs", []):
            if WIDGET_MIME in output.get("data", {}):
                output["data"] = {"text/html": WIDGET_NOTE}
        cells.append(cell)
    launch = {
        "cell_type": "markdown",
        "id": "kit-site-launch",
        "metadata": {},
        "source": launch_html(repo_path),
    }
    nb["cells"] = cells[:1] + [launch] + cells[1:]
    nb.get("metadata", {}).pop("widgets", None)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")


def toctree(caption: str, entries: list[str]) -> str:
    """Return a hidden MyST table of contents (the sidebar) with a Thai caption.

    >>> print(toctree("บทเรียน", ["notebooks/00_welcome"]))
    ```{toctree}
    :hidden:
    :caption: บทเรียน
    :maxdepth: 1
    <BLANKLINE>
    notebooks/00_welcome
    ```
    """
    return "\n".join(
        ["```{toctree}", ":hidden:", f":caption: {caption}", ":maxdepth: 1", "", *entries, "```"]
    )


def doc_names(root: Path) -> list[str]:
    """Return the stems of ``docs/*.md``: the known guides first (in DOC_ORDER), then the rest by name."""
    stems = sorted(p.stem for p in (root / "docs").glob("*.md"))
    return [s for s in DOC_ORDER if s in stems] + [s for s in stems if s not in DOC_ORDER]


def _git_files(root: Path) -> list[str]:
    """Every file git knows in ``root`` (tracked or not ignored); all files when git is missing."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            capture_output=True, check=True, timeout=60,
        )  # fmt: skip
        return sorted({p for p in done.stdout.decode("utf-8").split("\0") if p and (root / p).exists()})
    except (OSError, subprocess.SubprocessError):
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def stage(root: Path, src: Path) -> dict:
    """Write every page into ``src``; return the configuration overrides for Sphinx."""
    from site_datasets import index_section, write_pages

    blob = f"{env.REPO_URL}/blob/{env.REPO_BRANCH}"
    page_of: dict[str, str] = {"README.md": "index"}
    notebooks = sorted((root / "notebooks").glob("*.ipynb"))
    for nb in notebooks:
        path = f"notebooks/{nb.name}"
        page_of[path] = f"notebooks/{nb.stem}"
        stage_notebook(nb, src / path, path)
    docs = doc_names(root)
    (src / "docs").mkdir(exist_ok=True)
    for stem in docs:
        page_of[f"docs/{stem}.md"] = f"docs/{stem}"
        shutil.copyfile(root / "docs" / f"{stem}.md", src / "docs" / f"{stem}.md")

    package = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    resources = package.get("resources") or []
    datasets = write_pages(package, src, blob)
    for resource, page in zip(resources, datasets):
        page_of[f"data/{resource['path']}"] = page
    data_readme = root / "data" / "README.md"
    data_index = data_readme.read_text(encoding="utf-8") if data_readme.is_file() else "# ข้อมูลที่มากับชุดเรียน\n"
    (src / "data" / "index.md").write_text(
        data_index.rstrip() + "\n\n" + index_section(resources), encoding="utf-8"
    )
    page_of["data/README.md"] = "data/index"

    readme = (root / "README.md").read_text(encoding="utf-8")
    nav = [
        toctree("บทเรียน", [f"notebooks/{nb.stem}" for nb in notebooks]),
        toctree("คู่มือ", [f"docs/{stem}" for stem in docs]),
        toctree("ข้อมูล", ["data/index"]),
    ]
    (src / "index.md").write_text(readme.rstrip() + "\n\n" + "\n\n".join(nav) + "\n", encoding="utf-8")

    files = _git_files(root)
    dirs = sorted({p.rsplit("/", i)[0] for p in files for i in range(1, p.count("/") + 1)})
    fonts = src / "_kit_font"
    webfont.write_custom(fonts / "kit-font")
    title = readme.lstrip().splitlines()[0].lstrip("# ").strip() if readme.strip() else "thai-opendata-kit"
    # Sphinx compiles the .po into a .mo next to it: do that in the staging folder, not in site/.
    shutil.copytree(SITE / "locales", src / "_kit_locales")
    overrides = {
        "html_title": title,
        "locale_dirs": [str(src / "_kit_locales")],
        "html_static_path": [str(SITE / "_static"), str(fonts)],
        "html_css_files": ["kit-font/custom.css", "kit-site.css"],
        "html_theme_options.repository_url": env.REPO_URL,
        "html_theme_options.repository_branch": env.REPO_BRANCH,
        "kit_page_of": page_of,
        "kit_repo_files": files,
        "kit_repo_dirs": dirs,
        "kit_repo_url": env.REPO_URL,
        "kit_repo_branch": env.REPO_BRANCH,
    }
    if pages_url():
        overrides["html_baseurl"] = pages_url()
    return overrides


def build(out: Path, root: Path = ROOT, jobs: int = 1, quiet: bool = True) -> Path:
    """Build the site into ``out`` (emptied first) and return ``out``; raises on a Sphinx error."""
    from sphinx.application import Sphinx

    out = Path(out).resolve()
    if out.exists():
        shutil.rmtree(out)
    with tempfile.TemporaryDirectory(prefix="kit-site-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        overrides = stage(root, src)
        app = Sphinx(
            srcdir=src, confdir=SITE, outdir=out, doctreedir=Path(tmp) / "doctrees", buildername="html",
            confoverrides=overrides, status=None if quiet else sys.stdout, warning=sys.stderr,
            freshenv=True, parallel=jobs,
        )  # fmt: skip
        app.build()
        if app.statuscode:
            raise RuntimeError(f"Sphinx จบด้วยรหัส {app.statuscode}")
    (out / ".nojekyll").touch()  # GitHub Pages must serve _static/ and _images/ as they are
    shutil.rmtree(out / ".doctrees", ignore_errors=True)
    return out


def folder_size(folder: Path) -> int:
    """Return the total size in bytes of the files under ``folder``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "a.txt").write_bytes(b"12345")
    ...     folder_size(Path(tmp))
    5
    """
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="สร้างเว็บไซต์ของชุดเรียนจากโน้ตบุ๊กและเอกสาร (ไม่ต้องใช้อินเทอร์เน็ต)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "build" / "site", help="โฟลเดอร์ผลลัพธ์ (ค่าเริ่มต้น build/site)"
    )
    parser.add_argument("-j", "--jobs", type=int, default=1, help="จำนวนโปรเซสที่ใช้อ่านหน้า (ค่าเริ่มต้น 1)")
    parser.add_argument("-v", "--verbose", action="store_true", help="แสดงความคืบหน้าของ Sphinx")
    args = parser.parse_args(argv)
    start = time.monotonic()
    out = build(args.out, jobs=args.jobs, quiet=not args.verbose)
    pages = len(list(out.rglob("*.html")))
    size = folder_size(out) / 1e6
    print(f"สร้างเว็บไซต์แล้ว: {out} ({pages} หน้า, {size:.1f} MB, {time.monotonic() - start:.0f} วินาที)")
    print(f"เปิดดูได้ที่ {out / 'index.html'}" + (f" · เมื่อเผยแพร่แล้วอยู่ที่ {pages_url()}" if pages_url() else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
