"""Thai must render: font coverage, shaping support and no missing-glyph warnings when drawing."""

from __future__ import annotations

import json
import warnings

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

import helpers  # noqa: E402
from helpers import thaifont  # noqa: E402
from helpers.paths import notebooks_dir  # noqa: E402

ALL_THAI = "".join(
    chr(c) for c in range(0x0E01, 0x0E5C) if chr(c).isprintable() and c not in range(0x0E3B, 0x0E3F)
)
TRICKY = "ผู้ใหญ่ ญี่ปุ่น น้ำ ปั้นจั่น ปิ่น กรุงเทพมหานคร ภาคตะวันออกเฉียงเหนือ ๒๕๖๗"


def _notebook_thai_characters() -> set[str]:
    chars: set[str] = set()
    for path in sorted(notebooks_dir().glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            chars.update(ch for ch in "".join(cell["source"]) if "\u0e00" <= ch <= "\u0e7f")
    return chars


def test_sarabun_files_are_installed_in_every_weight():
    names = {f.name for f in thaifont.font_files()}
    for weight in ("Regular", "Bold", "Light", "SemiBold", "Italic"):
        assert f"Sarabun-{weight}.ttf" in names


def test_font_covers_every_thai_character():
    assert thaifont.missing_glyphs(ALL_THAI) == []


def test_font_covers_thai_used_in_the_notebooks():
    used = _notebook_thai_characters()
    assert used, "no Thai found in notebooks/"
    assert thaifont.missing_glyphs("".join(used)) == []


def test_missing_glyphs_reports_a_character_the_font_lacks():
    assert thaifont.missing_glyphs("ก\u4e2d") == ["\u4e2d"]


def test_matplotlib_has_libraqm_for_shaping():
    from matplotlib import ft2font

    assert getattr(ft2font, "__libraqm_version__", None), "matplotlib was built without libraqm"
    assert thaifont.shaping_available()


def test_setup_selects_sarabun_with_latin_fallback():
    info = helpers.setup()
    assert info == {"font": "Sarabun", "shaping": True}
    family = matplotlib.rcParams["font.family"]
    assert family[:2] == ["Sarabun", "DejaVu Sans"]
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    found = font_manager.findfont(font_manager.FontProperties(family="Sarabun"), fallback_to_default=False)
    assert "Sarabun" in found


def test_seaborn_theme_after_setup_keeps_thai_font():
    import seaborn as sns

    helpers.setup()
    sns.set_theme()  # a learner calling seaborn's theme resets the family ...
    helpers.setup()  # ... and setup() (idempotent) restores it
    assert matplotlib.rcParams["font.family"][0] == "Sarabun"


def _draw_thai_figure(path=None):
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.bar(["ภาคเหนือ", "ภาคใต้", "ภาคตะวันออกเฉียงเหนือ"], [9, 14, 20])
    ax.set_title(TRICKY)
    ax.set_xlabel("ภาค (ที่มา: กรมการปกครอง)")
    ax.set_ylabel("จำนวนจังหวัด −1")
    fig.canvas.draw()
    if path is not None:
        fig.savefig(path)
    plt.close(fig)


def test_thai_figure_draws_without_missing_glyph_warnings(tmp_path):
    helpers.setup()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph \d+ .* missing from font")
        _draw_thai_figure(tmp_path / "thai.png")
    assert (tmp_path / "thai.png").stat().st_size > 5_000


def test_glyph_check_fails_without_thai_font():
    """The warning filter above really catches tofu: with DejaVu only, Thai must raise."""
    helpers.setup()
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message=r"Glyph \d+ .* missing from font")
            with pytest.raises(UserWarning, match="missing from font"):
                _draw_thai_figure()


def test_setup_warns_in_thai_on_old_matplotlib(monkeypatch):
    monkeypatch.setattr(thaifont, "matplotlib_version", lambda: (3, 10))
    with pytest.warns(UserWarning, match="matplotlib"):
        info = helpers.setup()
    assert info["shaping"] is False
    monkeypatch.undo()
    helpers.setup()


def test_setup_warns_in_thai_without_font(monkeypatch):
    monkeypatch.setattr(thaifont, "font_files", lambda: ())
    monkeypatch.setattr(
        font_manager, "findfont", lambda *a, **k: (_ for _ in ()).throw(ValueError("no font"))
    )
    with pytest.warns(UserWarning, match="fontpkg-sarabun"):
        info = helpers.setup()
    assert info["font"] == "DejaVu Sans"
    monkeypatch.undo()
    helpers.setup()
