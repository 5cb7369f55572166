"""Start a notebook session: ``helpers.setup()``, the one call at the top of every notebook.

(The module is named ``startup`` so that the function ``helpers.setup`` does not hide it.)

It makes Thai render in charts (font, shaping check), keeps seaborn from resetting the font, and
sets pandas display options that suit wide Thai column names.  It is idempotent and quick.
"""

from __future__ import annotations

import warnings

from . import thaifont

__all__ = ["setup", "ThaiSetupWarning", "FIG_DPI", "BASE_FONT_SIZE"]

#: Sarabun has a small x-height: a larger base size reads like 10 pt DejaVu.
BASE_FONT_SIZE = 13
FIG_DPI = 110

_WARN_OLD_MPL = (
    "คำเตือน: matplotlib รุ่นนี้ ({version}) จัดวางสระและวรรณยุกต์ภาษาไทยไม่ถูกต้อง "
    '(เช่น "ญี่ปุ่น" จะกลายเป็น "ญีปุน") แก้ได้โดยติดตั้ง matplotlib 3.11 ขึ้นไป: '
    'รันคำสั่ง python kit.py lab ใหม่ (Windows: py kit.py lab) หรือ %pip install "matplotlib>=3.11" แล้วรีสตาร์ตเคอร์เนล'
)
_WARN_NO_FONT = (
    "คำเตือน: ไม่พบฟอนต์ไทย Sarabun ตัวอักษรไทยในกราฟจะกลายเป็นกล่องสี่เหลี่ยม "
    "แก้ได้โดยติดตั้งแพ็กเกจ fontpkg-sarabun (%pip install fontpkg-sarabun) "
    "หรือรันคำสั่ง python kit.py lab ใหม่ (Windows: py kit.py lab) แล้วรีสตาร์ตเคอร์เนล"
)


class ThaiSetupWarning(UserWarning):
    """A problem that makes Thai text look wrong in charts."""


def _use_inline_backend() -> None:
    """Show figures inside the notebook even when MPLBACKEND=Agg is set (tests, CI).

    Activating the inline backend resets some rcParams, so this runs before the style is applied.
    Outside a Jupyter kernel (plain Python, pytest) nothing changes.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    shell = get_ipython()
    if shell is None or shell.__class__.__name__ != "ZMQInteractiveShell":
        return
    import matplotlib

    if "inline" not in matplotlib.get_backend():
        shell.run_line_magic("matplotlib", "inline")


def _apply_style(font_ok: bool) -> None:
    import matplotlib as mpl
    import seaborn as sns

    family = [thaifont.FONT_FAMILY, thaifont.FALLBACK_FAMILY] if font_ok else [thaifont.FALLBACK_FAMILY]
    # seaborn.set_theme() resets font.family, so the theme goes first and the font after it.
    sns.set_theme(context="notebook", style="whitegrid", palette="colorblind", font=family[0])
    mpl.rcParams.update(
        {
            "font.family": family,
            "font.size": BASE_FONT_SIZE,
            "axes.titlesize": BASE_FONT_SIZE + 3,
            "axes.labelsize": BASE_FONT_SIZE + 1,
            "xtick.labelsize": BASE_FONT_SIZE,
            "ytick.labelsize": BASE_FONT_SIZE,
            "legend.fontsize": BASE_FONT_SIZE,
            "axes.unicode_minus": False,
            "figure.dpi": FIG_DPI,
            "savefig.dpi": 150,
            "savefig.bbox": "tight",
            "figure.figsize": (8, 4.5),
        }
    )


def _apply_pandas_options() -> None:
    import pandas as pd

    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_rows", 30)
    pd.set_option("display.width", 120)
    pd.set_option("display.max_colwidth", 60)
    pd.set_option("display.float_format", "{:,.2f}".format)
    # Thai characters with combining marks take no extra width; East-Asian width handling would
    # misalign them, so it stays off.
    pd.set_option("display.unicode.east_asian_width", False)


def setup(quiet: bool = True) -> dict:
    """Prepare matplotlib, seaborn and pandas for Thai; return what was set.

    The result says which font is used and whether Thai shaping works.  On matplotlib older than
    3.11, or without a Thai font, it issues one Thai warning that says what will look wrong and
    how to fix it.

    >>> info = setup()
    >>> info["font"], info["shaping"]
    ('Sarabun', True)
    >>> setup() == info          # calling it twice changes nothing
    True
    """
    font_ok = thaifont.register_font()
    shaping = thaifont.shaping_available()
    _use_inline_backend()
    from . import errorhelp

    errorhelp.install()  # Thai explanation after a beginner's error (only inside IPython/Jupyter)
    _apply_style(font_ok)
    _apply_pandas_options()
    if not font_ok:
        warnings.warn(_WARN_NO_FONT, ThaiSetupWarning, stacklevel=2)
    elif not shaping:
        import matplotlib

        warnings.warn(_WARN_OLD_MPL.format(version=matplotlib.__version__), ThaiSetupWarning, stacklevel=2)
    info = {
        "font": thaifont.FONT_FAMILY if font_ok else thaifont.FALLBACK_FAMILY,
        "shaping": shaping,
    }
    if not quiet:
        print(f"ฟอนต์ในกราฟ: {info['font']} · จัดวางอักษรไทยได้ถูกต้อง: {'ใช่' if shaping else 'ไม่'}")
    return info
