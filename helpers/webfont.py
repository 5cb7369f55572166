"""Serve the bundled Sarabun font to JupyterLab's own pages, so Thai shows in any browser.

A learner's browser draws JupyterLab with the fonts of the learner's machine; a Windows lab PC or a
phone without a Thai font shows boxes in the file browser, the menus and the notebook text, and no
font installed on the *server* (such as Debian's ``fonts-thai-tlwg``) can reach that browser.
JupyterLab 4 loads ``custom/custom.css`` from the Jupyter config folder when ``LabApp.custom_css``
is on (``jupyterlab/labapp.py``: the ``/custom/...`` handler and the ``<link>`` in its page
template).  This module writes that CSS: an ``@font-face`` for each Sarabun weight, limited with
``unicode-range`` to Thai, served from ``custom/fonts/`` by the same handler, and appended to
JupyterLab's own font lists, so Latin text keeps JupyterLab's fonts and a machine that has a Thai
font keeps using it.

Three ways to switch it on:

- ``lab_environment(folder)``: for the kit's launcher (``helpers.launch``); environment variables
  and ``jupyter lab`` arguments for a kit-prepared config folder.
- ``python -m helpers.webfont install``: into the user's Jupyter config folder (``~/.jupyter``),
  for example in Binder's ``postBuild``.
- ``python -m helpers.webfont install --system``: for every user of one Python environment (a hub
  admin, with the single-user environment's Python).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import sys
from pathlib import Path

from . import thaifont

__all__ = [
    "CSS_FAMILY",
    "JUPYTERLAB_FONTS",
    "THAI_RANGE",
    "css_text",
    "install",
    "lab_environment",
    "main",
    "system_custom_dir",
    "write_custom",
]

#: The family name the CSS gives the web font (distinct from a locally installed "Sarabun").
CSS_FAMILY = "Kit Sarabun"
#: Thai letters, vowels, tone marks and digits, plus the joiners and the dotted circle (the set
#: Google Fonts uses for its Thai subset).  Latin text never downloads or uses the web font.
THAI_RANGE = "U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC"
#: JupyterLab 4's own font lists (its themes' ``index.css``), which the CSS keeps first.  A CSS
#: variable cannot refer to its old value, so they are copied; tests/test_webfont.py checks them
#: against the installed JupyterLab.
JUPYTERLAB_FONTS = {
    "--jp-ui-font-family": 'system-ui, -apple-system, blinkmacsystemfont, "Segoe UI", helvetica, arial, '
    'sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol"',
    "--jp-content-font-family": 'system-ui, -apple-system, blinkmacsystemfont, "Segoe UI", helvetica, arial, '
    'sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol"',
    "--jp-code-font-family-default": 'menlo, consolas, "DejaVu Sans Mono", monospace',
}
#: Sarabun's file names -> CSS font-weight.
WEIGHTS = {
    "Thin": 100, "ExtraLight": 200, "Light": 300, "Regular": 400,
    "Medium": 500, "SemiBold": 600, "Bold": 700, "ExtraBold": 800,
}  # fmt: skip
START, END = "/* kit:webfont:start */", "/* kit:webfont:end */"
FONT_FOLDER = "fonts"
CONFIG_FILE = "jupyter_server_config.json"


def _faces(files) -> list[tuple[str, int, str]]:
    """(file name, weight, style) of each Sarabun TTF, e.g. ('Sarabun-BoldItalic.ttf', 700, 'italic')."""
    faces = []
    for file in files:
        name = Path(file).stem.split("-", 1)[1]
        italic = name.endswith("Italic")
        weight = WEIGHTS.get(name.removesuffix("Italic") or "Regular")
        if weight is not None:
            faces.append((Path(file).name, weight, "italic" if italic else "normal"))
    return faces


def css_text(files=None) -> str:
    """Return the kit's CSS block: Sarabun ``@font-face`` rules and JupyterLab's font lists + Sarabun.

    ``files`` are the Sarabun TTF files (default: those of ``fontpkg-sarabun``); the CSS points to
    them in ``fonts/`` next to ``custom.css``.

    >>> css = css_text()
    >>> css.startswith(START) and css.rstrip().endswith(END)
    True
    >>> 'url("fonts/Sarabun-Regular.ttf") format("truetype")' in css and "U+0E01-0E5B" in css
    True
    >>> '"Segoe UI Symbol", "Kit Sarabun";' in css    # after JupyterLab's own fonts
    True
    """
    files = thaifont.font_files() if files is None else files
    lines = [
        START,
        "/* Written by helpers/webfont.py (thai-opendata-kit): Thai in JupyterLab on machines without",
        "   a Thai font.  Sarabun: SIL Open Font License 1.1.  Re-run `python -m helpers.webfont install`",
        "   instead of editing between these markers. */",
    ]
    for name, weight, style in _faces(files):
        lines += [
            "@font-face {",
            f'  font-family: "{CSS_FAMILY}";',
            f'  src: url("{FONT_FOLDER}/{name}") format("truetype");',
            f"  font-weight: {weight};",
            f"  font-style: {style};",
            "  font-display: swap;",
            f"  unicode-range: {THAI_RANGE};",
            "}",
        ]
    # ":root:root" outranks the themes' ":root", which JupyterLab adds to the page after this file;
    # a font the learner picks in Settings -> Theme is set inline on <html> and still wins.
    lines.append(":root:root {")
    lines += [f'  {var}: {families}, "{CSS_FAMILY}";' for var, families in JUPYTERLAB_FONTS.items()]
    lines += ["}", END]
    return "\n".join(lines) + "\n"


def _without_block(text: str) -> str:
    a, b = text.find(START), text.find(END)
    if a == -1 or b == -1 or b < a:
        return text
    return (text[:a] + text[b + len(END) :]).strip("\n")


def write_custom(folder: Path, keep_from: Path | None = None) -> Path:
    """Write ``folder/custom.css`` (the kit's block) and the Sarabun files in ``folder/fonts/``.

    Text of ``folder/custom.css`` outside the kit's markers is kept; with ``keep_from`` that text
    comes from another ``custom.css`` instead (the user's own, which the launcher's folder hides).
    Unchanged files are not rewritten.  Returns the path of ``custom.css``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     css = write_custom(Path(tmp) / "custom")
    ...     _ = css.write_text(css.read_text() + "body { margin: 0; }\\n")
    ...     again = write_custom(Path(tmp) / "custom").read_text()
    ...     fonts = sorted(p.name for p in (Path(tmp) / "custom" / "fonts").iterdir())
    >>> again.count(START), again.endswith("body { margin: 0; }\\n"), "Sarabun-Regular.ttf" in fonts
    (1, True, True)
    """
    files = thaifont.font_files()
    if not files:
        raise FileNotFoundError(
            "ไม่พบฟอนต์ Sarabun: ติดตั้งแพ็กเกจ fontpkg-sarabun ก่อน (pip install fontpkg-sarabun)"
        )
    fonts = folder / FONT_FOLDER
    fonts.mkdir(parents=True, exist_ok=True)
    for file in files:
        target = fonts / file.name
        if not (target.is_file() and filecmp.cmp(file, target, shallow=False)):
            shutil.copyfile(file, target)
    css = folder / "custom.css"
    source = css if keep_from is None else keep_from
    own = _without_block(source.read_text(encoding="utf-8")).strip() if source.is_file() else ""
    text = css_text(files) + (f"\n{own}\n" if own else "")
    if not css.is_file() or css.read_text(encoding="utf-8") != text:
        css.write_text(text, encoding="utf-8")
    return css


def _user_config_dir(environ) -> Path:
    """The config folder Jupyter would use without the kit (``$JUPYTER_CONFIG_DIR`` or ``~/.jupyter``)."""
    if environ.get("JUPYTER_CONFIG_DIR"):
        return Path(environ["JUPYTER_CONFIG_DIR"]).expanduser()
    return Path.home() / ".jupyter"


def lab_environment(config_dir: Path, environ: dict | None = None) -> tuple[dict[str, str], list[str]]:
    """Return ``(env, args)`` that make JupyterLab draw Thai with the bundled web font.

    ``config_dir`` is a folder the kit owns (for example ``.venv/kit-jupyter``).  Jupyter serves
    ``custom.css`` only from its config folder, so ``env`` points ``JUPYTER_CONFIG_DIR`` there; what
    that would hide stays reachable: the user's own config folder goes first on
    ``JUPYTER_CONFIG_PATH`` (their ``jupyter_server_config`` and ``labconfig`` files keep working),
    JupyterLab's settings and workspaces stay in the user's folder (``JUPYTERLAB_SETTINGS_DIR``,
    ``JUPYTERLAB_WORKSPACES_DIR``, unless already set) and the user's own ``custom/custom.css`` is
    copied in after the kit's block.  ``args`` (``--LabApp.custom_css=True``) go on the
    ``jupyter lab`` command line.  ``environ`` is the environment to start from (default: ``os.environ``).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     env, args = lab_environment(Path(tmp) / "kit", environ={"JUPYTER_CONFIG_DIR": "/home/a/.jupyter"})
    ...     served = (Path(tmp) / "kit" / "custom" / "custom.css").is_file()
    >>> args, served, env["JUPYTER_CONFIG_PATH"] == str(Path("/home/a/.jupyter"))
    (['--LabApp.custom_css=True'], True, True)
    >>> Path(env["JUPYTERLAB_SETTINGS_DIR"]) == Path("/home/a/.jupyter/lab/user-settings")
    True
    """
    environ = os.environ if environ is None else environ
    config_dir = Path(config_dir)
    user = _user_config_dir(environ)
    write_custom(config_dir / "custom", keep_from=user / "custom" / "custom.css")
    search = [str(user)] + [p for p in environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    env = {
        "JUPYTER_CONFIG_DIR": str(config_dir),
        "JUPYTER_CONFIG_PATH": os.pathsep.join(dict.fromkeys(search)),
        "JUPYTERLAB_SETTINGS_DIR": environ.get("JUPYTERLAB_SETTINGS_DIR")
        or str(user / "lab" / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": environ.get("JUPYTERLAB_WORKSPACES_DIR")
        or str(user / "lab" / "workspaces"),
    }
    return env, ["--LabApp.custom_css=True"]


def system_custom_dir() -> Path:
    """Return the ``custom`` folder Jupyter Server serves to every user of this Python environment.

    Jupyter Server looks for ``custom/custom.css`` in the user's config folder first, then in its
    own static folder (``ServerApp.static_custom_path``), the one place shared by all users.

    >>> system_custom_dir().parts[-3:]
    ('jupyter_server', 'static', 'custom')
    """
    from jupyter_server import DEFAULT_STATIC_FILES_PATH

    return Path(DEFAULT_STATIC_FILES_PATH) / "custom"


def _enable_custom_css(config_file: Path) -> None:
    """Set ``LabApp.custom_css = true`` in a JSON config file, keeping everything else in it."""
    config = json.loads(config_file.read_text(encoding="utf-8")) if config_file.is_file() else {}
    if config.get("LabApp", {}).get("custom_css") is True:
        return
    config.setdefault("LabApp", {})["custom_css"] = True
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def install(config_dir: Path | None = None, system: bool = False) -> list[Path]:
    """Install the web font for JupyterLab started without the kit's launcher; return the files written.

    Default: the user's Jupyter config folder (``$JUPYTER_CONFIG_DIR`` or ``~/.jupyter``) gets
    ``custom/custom.css``, ``custom/fonts/`` and ``LabApp.custom_css`` in ``jupyter_server_config.json``
    (other settings in that file are kept).  ``system=True``: the CSS goes to
    ``system_custom_dir()`` and the setting to ``<sys.prefix>/etc/jupyter`` (for every user of this
    environment; run it again after upgrading jupyter-server, which replaces its static folder).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     written = install(Path(tmp))
    ...     config = json.loads((Path(tmp) / "jupyter_server_config.json").read_text())
    >>> [p.name for p in written], config
    (['custom.css', 'jupyter_server_config.json'], {'LabApp': {'custom_css': True}})
    """
    if system:
        custom, config_folder = system_custom_dir(), Path(sys.prefix) / "etc" / "jupyter"
    else:
        config_folder = Path(config_dir) if config_dir is not None else _user_config_dir(os.environ)
        custom = config_folder / "custom"
    css = write_custom(custom)
    _enable_custom_css(config_folder / CONFIG_FILE)
    return [css, config_folder / CONFIG_FILE]


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m helpers.webfont install [--config-dir DIR | --system]``."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers.webfont", description="ให้ JupyterLab แสดงภาษาไทยด้วยฟอนต์ Sarabun ที่มากับชุดเรียน"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("install", help="ติดตั้ง custom.css และฟอนต์ แล้วเปิด LabApp.custom_css")
    where = cmd.add_mutually_exclusive_group()
    where.add_argument("--config-dir", type=Path, help="โฟลเดอร์ค่าตั้งของ Jupyter (ค่าเริ่มต้น: ~/.jupyter)")
    where.add_argument("--system", action="store_true", help="ติดตั้งให้ผู้ใช้ทุกคนของ Python ชุดนี้ (ผู้ดูแล JupyterHub)")
    args = parser.parse_args(argv)
    written = install(args.config_dir, system=args.system)
    print("ติดตั้งฟอนต์เว็บ Sarabun ให้ JupyterLab แล้ว:")
    for path in written:
        print(f"  {path}")
    print("เปิด JupyterLab ใหม่ (หรือรีสตาร์ตเซิร์ฟเวอร์ของผู้เรียน) แล้วรีเฟรชหน้าเว็บ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
