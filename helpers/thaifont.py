"""Register the bundled Thai font (Sarabun) with matplotlib and check that Thai can be shaped.

Sarabun is the open version of TH Sarabun New, the font of Thai government documents; it comes
from the PyPI package ``fontpkg-sarabun`` (OFL-1.1), so no system install is needed.  Thai needs
text shaping (tone marks over vowels), which matplotlib does from version 3.11 with libraqm.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = [
    "ensure_thai_font",
    "FONT_FAMILY",
    "FALLBACK_FAMILY",
    "MIN_MATPLOTLIB",
    "font_files",
    "register_font",
    "shaping_available",
    "missing_glyphs",
]

FONT_FAMILY = "Sarabun"
#: DejaVu Sans ships with matplotlib and covers Latin letters, digits and symbols.
FALLBACK_FAMILY = "DejaVu Sans"
MIN_MATPLOTLIB = (3, 11)


@lru_cache(maxsize=1)
def font_files() -> tuple[Path, ...]:
    """Return every Sarabun TTF file of the installed ``fontpkg-sarabun`` (all weights).

    >>> files = font_files()
    >>> len(files) >= 8 and all(f.suffix == ".ttf" for f in files)
    True
    """
    try:
        import fontpkg
    except ImportError:  # pragma: no cover - depends on the installation
        return ()
    try:
        regular = Path(fontpkg.path("sarabun"))
    except Exception:  # pragma: no cover - package missing or renamed
        return ()
    return tuple(sorted(regular.parent.glob("Sarabun-*.ttf")))


def register_font() -> bool:
    """Add every Sarabun weight to matplotlib's font manager; return True when Sarabun is usable.

    Calling it again does nothing more (matplotlib keeps one entry per file).

    >>> register_font()
    True
    """
    from matplotlib import font_manager

    files = font_files()
    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    for file in files:
        if str(file) not in known:
            font_manager.fontManager.addfont(str(file))
    try:
        font_manager.findfont(font_manager.FontProperties(family=FONT_FAMILY), fallback_to_default=False)
    except ValueError:
        return False
    return True


def ensure_thai_font() -> bool:
    """Make charts draw Thai even when ``helpers.setup()`` was skipped: register Sarabun, put it first.

    The plotting modules (``helpers.viz``, ``helpers.grid``) call this when they are imported, so a
    learner who skipped the set-up cell still gets Thai charts and no "Glyph missing" warnings.
    ``helpers.setup()`` still does the rest (sizes, colours, the inline backend).

    >>> ensure_thai_font()
    True
    >>> import matplotlib; matplotlib.rcParams["font.family"][0] == FONT_FAMILY
    True
    """
    import matplotlib as mpl

    if not register_font():
        return False
    family = list(mpl.rcParams["font.family"])
    if not family or family[0] != FONT_FAMILY:
        mpl.rcParams["font.family"] = [FONT_FAMILY, *[f for f in family if f != FONT_FAMILY], FALLBACK_FAMILY]
    return True


def matplotlib_version() -> tuple[int, int]:
    """Return matplotlib's (major, minor) version.

    >>> matplotlib_version() >= (3, 0)
    True
    """
    import matplotlib

    major, minor = matplotlib.__version__.split(".")[:2]
    return int(major), int("".join(ch for ch in minor if ch.isdigit()) or 0)


def shaping_available() -> bool:
    """Return True when matplotlib can shape Thai (version 3.11 or newer, built with libraqm).

    >>> isinstance(shaping_available(), bool)
    True
    """
    if matplotlib_version() < MIN_MATPLOTLIB:
        return False
    from matplotlib import ft2font

    return bool(getattr(ft2font, "__libraqm_version__", None))


def missing_glyphs(text: str, font_file: Path | None = None) -> list[str]:
    """List the characters of ``text`` that the font has no glyph for (default: Sarabun Regular).

    >>> missing_glyphs("ผู้ใหญ่ ๒๕๖๗ น้ำ")
    []
    >>> missing_glyphs("\\u4e2d")   # a Chinese character is not in Sarabun
    ['中']
    """
    from matplotlib.ft2font import FT2Font

    if font_file is None:
        regular = [f for f in font_files() if f.name == "Sarabun-Regular.ttf"]
        if not regular:
            return sorted(set(ch for ch in text if not ch.isspace()))
        font_file = regular[0]
    font = FT2Font(str(font_file))
    return sorted({ch for ch in text if not ch.isspace() and font.get_char_index(ord(ch)) == 0})
