"""Draw a tile-grid map of Thailand's 77 provinces: one square per province, coloured by a value.

แผนที่แบบตาราง (tile-grid map): จังหวัดละหนึ่งช่องสี่เหลี่ยมเท่ากัน วางให้ภาคและจังหวัดใกล้เคียง
ยังจำได้ง่าย (ภาคเหนืออยู่บน กรุงเทพฯ อยู่กลาง ภาคอีสานอยู่ขวา ภาคใต้เป็นหางยาวลงไปด้านล่าง
ภาคตะวันออกอยู่ขวาล่างของกรุงเทพฯ) ใช้แทนแผนที่ขอบเขตจังหวัดจริง ซึ่งต้องดาวน์โหลดไฟล์ขนาดใหญ่
และใช้ไม่ได้เมื่อไม่มีอินเทอร์เน็ต ข้อดีอีกอย่างคือจังหวัดเล็ก ๆ อย่างสมุทรสงครามก็มองเห็นชัดเท่ากับ
จังหวัดใหญ่อย่างนครราชสีมา

>>> import pandas as pd
>>> values = pd.Series({"10": 5.7, "50": 1.8, "90": 1.4})
>>> ax = plot_province_grid(values, legend_label="ล้านคน")
>>> len(ax.patches)
77
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .clean import provinces as _clean_provinces
from .thaifont import ensure_thai_font

ensure_thai_font()  # Thai charts even when the set-up cell was skipped

__all__ = [
    "DEFAULT_CMAP",
    "GRID",
    "MISSING_COLOR",
    "abbreviation_key",
    "abbreviations",
    "grid_table",
    "plot_province_grid",
    "tile_table",
    "to_codes",
]

#: Colour-blind-safe sequential colormap (perceptually uniform, also readable in greyscale).
DEFAULT_CMAP = "viridis"
#: Tiles without a value: light grey, and their label gets a dash so colour is not the only cue.
MISSING_COLOR = "#d9d9d9"

# The layout is hand-made (no algorithm reproduces what a reader expects to see): each row is one
# row of tiles from north to south, each token a 2-digit province code, "." an empty cell.
# Reading aid: 10 = Bangkok (row 8, col 3); the gap at rows 9-11 left of Bangkok is the Gulf.
_LAYOUT = """
.  50 57 56 .  .  .  .  .
58 51 52 54 55 .  43 38 .
.  63 64 53 42 39 41 47 48
.  62 65 66 67 40 46 49 .
.  61 60 16 36 44 45 35 37
.  18 17 19 30 31 32 33 34
71 72 15 26 25 27 .  .  .
70 73 14 13 24 .  .  .  .
75 74 12 10 .  .  .  .  .
76 .  .  11 20 .  .  .  .
77 .  .  .  21 22 .  .  .
85 86 .  .  .  23 .  .  .
82 84 .  .  .  .  .  .  .
83 81 80 .  .  .  .  .  .
.  92 93 .  .  .  .  .  .
.  .  91 90 94 .  .  .  .
.  .  .  .  95 96 .  .  .
"""


def _parse_layout(layout: str) -> pd.DataFrame:
    rows = []
    for r, line in enumerate(layout.strip().splitlines()):
        for c, token in enumerate(line.split()):
            if token != ".":
                rows.append({"province_code": token, "row": r, "col": c})
    return pd.DataFrame(rows).set_index("province_code").sort_index()


#: Tile position of every province: index ``province_code`` ('10'..'96'), columns ``row``, ``col``
#: (row 0 at the top/north, col 0 at the left/west).
GRID: pd.DataFrame = _parse_layout(_LAYOUT)


def _provinces() -> pd.DataFrame:
    # the kit's one reader of data/provinces.csv is helpers.data.load, via helpers.clean
    return _clean_provinces.province_table().set_index("province_code")


def tile_table() -> pd.DataFrame:
    """Return the 77 provinces indexed by code, with their tile position (row, col) and abbreviation.

    ตารางจังหวัด 77 จังหวัด (ดัชนีเป็นรหัสจังหวัด) พร้อมตำแหน่งช่องบนแผนที่แบบตาราง (``row``, ``col``)
    และอักษรย่อจังหวัด (``abbr_th``) ต่างจาก ``helpers.clean.province_table()`` ที่เป็นตารางจังหวัดล้วน ๆ

    >>> t = tile_table()
    >>> len(t), t.loc["10", "name_th"], t.loc["10", "abbr_th"], int(t.loc["10", "row"]), int(t.loc["10", "col"])
    (77, 'กรุงเทพมหานคร', 'กทม', 8, 3)
    """
    table = _provinces().join(GRID, how="left")
    table["abbr_th"] = abbreviations().reindex(table.index)
    return table


def province_table() -> pd.DataFrame:
    """Deprecated name of :func:`tile_table` (kept so old code still runs; it warns).

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     n = len(province_table())
    >>> n, caught[0].category.__name__
    (77, 'FutureWarning')
    """
    warnings.warn(
        "helpers.grid.province_table() เปลี่ยนชื่อเป็น helpers.grid.tile_table() แล้ว "
        "(ตารางจังหวัดล้วน ๆ คือ helpers.clean.province_table())",
        FutureWarning,
        stacklevel=2,
    )
    return tile_table()


def abbreviations() -> pd.Series:
    """Return the Thai abbreviation of every province (อักษรย่อจังหวัด), indexed by province code.

    อักษรย่อจังหวัด เช่น กทม ชม ขก จากตารางรหัสย่อของชุดเรียน (``helpers.clean.province_code_table()``)

    >>> abbreviations().loc[["10", "50", "40"]].tolist()
    ['กทม', 'ชม', 'ขก']
    """
    codes = _clean_provinces.province_code_table()
    abbr = codes[codes["kind"] == "abbr_th"].set_index("province_code")["code"]
    return abbr.reindex(_provinces().index).rename("abbr_th")


def abbreviation_key(*, per_line: int = 5) -> str:
    """Return the key to the tile map's Thai abbreviations: one block per region, north to south.

    Each block starts with the region's name, then ``per_line`` entries a line ("ชม เชียงใหม่"),
    in the order of the tiles (row by row from the north, then west to east), so the key reads like
    the map.  Print it under a map that shows abbreviations, or put it in the figure beside the map.

    คำอธิบายอักษรย่อบนแผนที่แบบตาราง (อักษรย่อ ตามด้วยชื่อจังหวัดเต็ม) จัดเป็นภาค

    >>> key = abbreviation_key()
    >>> key.splitlines()[0]
    'ภาคเหนือ'
    >>> key.splitlines()[1]
    '  ชม เชียงใหม่ · ชร เชียงราย · พย พะเยา · มส แม่ฮ่องสอน · ลพ ลำพูน'
    >>> sum(line.count(" · ") + 1 for line in key.splitlines() if line.startswith("  "))
    77
    """
    if per_line < 1:
        raise ValueError("per_line ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป")
    table = tile_table().sort_values(["row", "col"])
    regions = list(dict.fromkeys(table["region_6"]))
    lines = []
    for region in regions:
        rows = table[table["region_6"] == region]
        entries = [f"{abbr} {name}" for abbr, name in zip(rows["abbr_th"], rows["name_th"])]
        lines.append(region)
        lines.extend("  " + " · ".join(entries[i : i + per_line]) for i in range(0, len(entries), per_line))
    return "\n".join(lines)


def to_codes(values: pd.Series) -> pd.Series:
    """Return ``values`` re-indexed by 2-digit province code (accepts codes, ints or province names).

    เปลี่ยนดัชนีของ Series ให้เป็นรหัสจังหวัด 2 หลัก รับได้ทุกแบบที่ ``helpers.clean.province_code`` รับ
    (รหัส สตริงหรือตัวเลขจำนวนเต็ม, ชื่อไทย ชื่ออังกฤษ อักษรย่อจังหวัด) ชื่อที่ได้จากการเดาจะมีคำเตือน

    >>> to_codes(pd.Series({"เชียงใหม่": 1, "กรุงเทพมหานคร": 2})).to_dict()
    {'50': 1, '10': 2}
    >>> to_codes(pd.Series({10: 3.5, "Khon Kaen": 1.0})).index.tolist()
    ['10', '40']
    """
    if not isinstance(values, pd.Series):
        raise TypeError("values ต้องเป็น pandas Series ที่มีดัชนี (index) เป็นรหัสหรือชื่อจังหวัด")
    # whole numbers in the index are codes here (a map is keyed by code); as text, province_code reads them
    keys = pd.Series(
        [str(k) if isinstance(k, (int, np.integer)) and not isinstance(k, bool) else k for k in values.index],
        dtype=object,
    )
    codes, report = _clean_provinces.province_code(keys, report=True)
    if codes.isna().any():
        notes = dict(zip(report["value"], report["note"]))
        unknown = list(dict.fromkeys((k, key) for k, key, c in zip(values.index, keys, codes) if pd.isna(c)))
        shown = "; ".join(f"{k!r} ({notes.get(key, 'ค่าที่หายไป')})" for k, key in unknown[:5])
        raise ValueError(
            f"ไม่รู้จักจังหวัดเหล่านี้: {shown} — ดัชนีต้องเป็นรหัสจังหวัด 2 หลัก (เช่น '10') "
            "หรือชื่อจังหวัด (เช่น 'กรุงเทพมหานคร'); ตรวจชื่อด้วย helpers.clean.normalize_province(..., report=True)"
        )
    guessed = report[report["result"].notna()]
    if len(guessed):
        shown = ", ".join(f"{v!r} → รหัส {r}" for v, r in zip(guessed["value"][:5], guessed["result"][:5]))
        warnings.warn(f"ดัชนีบางค่าได้จากการเดาตัวสะกด โปรดตรวจ: {shown}", UserWarning, stacklevel=2)
    result = pd.Series(
        values.to_numpy(),
        index=pd.Index(codes.to_numpy(dtype=object), name="province_code"),
        name=values.name,
    )
    if result.index.duplicated().any():
        dup = sorted(set(result.index[result.index.duplicated()]))
        raise ValueError(f"มีจังหวัดซ้ำกันในข้อมูล (รหัส {', '.join(dup)}): รวมค่าให้เหลือจังหวัดละหนึ่งแถวก่อน")
    return result


def grid_table(values: pd.Series | None = None) -> pd.DataFrame:
    """Return one row per tile: code, Thai name, abbreviation, region, row, col and the value.

    ใช้ดูเป็นตารางแทนภาพได้ (เหมาะกับผู้ใช้โปรแกรมอ่านหน้าจอ) หรือใช้ตรวจว่าจังหวัดไหนไม่มีค่า

    >>> t = grid_table(pd.Series({"10": 1.0}))
    >>> t.shape, int(t["value"].notna().sum())
    ((77, 6), 1)
    """
    table = tile_table()
    out = table[["name_th", "abbr_th", "region_6", "row", "col"]].copy()
    if values is None:
        out["value"] = float("nan")
    else:
        out["value"] = to_codes(values).reindex(out.index)
    return out


def _wrap_name(name: str, width: int = 6) -> str:
    """Break a long Thai province name into two lines at a syllable boundary (to fit one tile).

    >>> _wrap_name("นครศรีธรรมราช")
    'นครศรี\\nธรรมราช'
    >>> _wrap_name("ตาก")
    'ตาก'
    """
    if len(name) <= width:
        return name
    from pythainlp.tokenize import syllable_tokenize

    # Syllables (not characters) so that no vowel or tone mark is separated from its consonant.
    syllables = syllable_tokenize(name, engine="dict")
    best = min(
        range(1, len(syllables)),
        key=lambda i: abs(len("".join(syllables[:i])) - len("".join(syllables[i:]))),
        default=None,
    )
    if best is None:
        return name
    return "".join(syllables[:best]) + "\n" + "".join(syllables[best:])


def _text_colour(rgba) -> str:
    # Relative luminance (WCAG formula) decides black or white text for readable contrast.
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgba[:3])
    return "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.25 else "white"


def plot_province_grid(
    values: pd.Series,
    *,
    ax=None,
    cmap: str = DEFAULT_CMAP,
    title: str | None = None,
    label: str | None = "abbr",
    legend_label: str | None = None,
    missing_color: str = MISSING_COLOR,
    vmin: float | None = None,
    vmax: float | None = None,
    region_lines: bool = True,
    region_names: bool = True,
    log: bool = False,
    fmt: str = "{:,.0f}",
):
    """Draw the 77-province tile map coloured by ``values``; return the matplotlib Axes.

    ``values`` is a Series indexed by 2-digit province code or Thai province name.  ``label`` is
    ``"abbr"`` (Thai abbreviation, default), ``"name"`` (full name in small type, two lines; best
    with a larger figure), ``"code"``, ``"value"`` or ``None``.
    ``legend_label`` names the colour bar (put the unit here, e.g. "คนต่อตร.กม.").  Provinces
    without a value are grey and marked with a dash.  ``region_lines`` draws dark lines between
    the six regions and ``region_names`` writes the region names in the empty space around them.
    ``log=True`` uses a logarithmic colour scale (for values such as density where one province
    is far above the rest); the colour bar still shows the real values.

    วาดแผนที่แบบตาราง 77 จังหวัด สีเข้ม-อ่อนตามค่า (ใช้ชุดสีที่ผู้มีภาวะตาบอดสีอ่านได้)

    >>> ax = plot_province_grid(pd.Series({"กรุงเทพมหานคร": 10.0}), title="ทดลอง", label="code")
    >>> len(ax.patches), ax.get_title()
    (77, 'ทดลอง')
    >>> ax = plot_province_grid(pd.Series({"10": 3600.0, "58": 22.0}), log=True)
    >>> type(ax.figure.axes[-1].yaxis.get_major_locator()).__name__
    'LogLocator'

    """
    import matplotlib.pyplot as plt
    from matplotlib import colors as mcolors
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Rectangle

    if label not in {"abbr", "name", "code", "value", None}:
        raise ValueError("label ต้องเป็น 'abbr', 'name', 'code', 'value' หรือ None")
    table = grid_table(values)
    numbers = pd.to_numeric(table["value"], errors="coerce")
    if ax is None:
        _fig, ax = plt.subplots(figsize=(5.2, 9.0))
    colormap = plt.get_cmap(cmap)
    present = numbers.dropna()
    low = vmin if vmin is not None else (present.min() if len(present) else 0.0)
    high = vmax if vmax is not None else (present.max() if len(present) else 1.0)
    if low == high:
        low, high = (low / 2, high * 2) if log else (low - 0.5, high + 0.5)
    if log:
        if len(present) and present.min() <= 0:
            raise ValueError("log=True ใช้ได้เฉพาะค่าที่มากกว่าศูนย์")
        norm = mcolors.LogNorm(vmin=low, vmax=high)
    else:
        norm = mcolors.Normalize(vmin=low, vmax=high)
    n_rows = int(GRID["row"].max()) + 1
    size = 0.94  # a small gap between tiles keeps them apart without borders
    for code, tile in table.iterrows():
        x, y = tile["col"], n_rows - 1 - tile["row"]
        value = numbers[code]
        missing = pd.isna(value)
        face = mcolors.to_rgba(missing_color) if missing else colormap(norm(value))
        ax.add_patch(
            Rectangle(
                (x + (1 - size) / 2, y + (1 - size) / 2),
                size,
                size,
                facecolor=face,
                edgecolor="none",
                label=code,
            )
        )
        if label is None:
            continue
        text = {
            "abbr": tile["abbr_th"],
            "name": _wrap_name(tile["name_th"]),
            "code": code,
            "value": "–" if missing else fmt.format(value),
        }[label]
        if missing and label != "value":
            text = f"{text}\n–"
        ax.text(
            x + 0.5,
            y + 0.5,
            text,
            ha="center",
            va="center",
            fontsize=8.5 if label != "name" else 6,
            color=_text_colour(face),
            linespacing=0.9,
        )
    if region_lines:
        ax.add_collection(LineCollection(_region_edges(table, n_rows), colors="#222222", linewidths=1.8))
    if region_names:
        for name, (row, col, align) in _REGION_LABELS.items():
            ax.text(
                col,
                n_rows - 1 - row + 0.5,
                name,
                ha=align,
                va="center",
                fontsize=9.5,
                color="#333333",
                style="italic",
            )
    ax.set_xlim(-0.2, GRID["col"].max() + 1.2)
    ax.set_ylim(-0.2, n_rows + 0.2)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    mappable = plt.cm.ScalarMappable(norm=norm, cmap=colormap)
    cbar = ax.figure.colorbar(mappable, ax=ax, shrink=0.45, pad=0.02, location="right")
    from matplotlib.ticker import FuncFormatter

    if not log:
        # Plain numbers with thousands separators (never "1e6" above the bar).
        decimals = 0 if high - low >= 10 else (1 if high - low >= 1 else 2)
        cbar.formatter = FuncFormatter(lambda value, _pos: f"{value:,.{decimals}f}")
        cbar.update_ticks()
    if log:
        from matplotlib.ticker import LogLocator

        # Ticks at 1, 2 and 5 times powers of ten, written as plain numbers (not 10^3).
        cbar.locator = LogLocator(subs=(1.0, 2.0, 5.0))
        cbar.formatter = FuncFormatter(lambda value, _pos: f"{value:,.0f}")
        cbar.minorticks_off()
        cbar.update_ticks()
    if legend_label:
        cbar.set_label(legend_label)
    if numbers.isna().any():
        ax.text(
            0.0, 0.0, "สีเทา (–) = ไม่มีข้อมูล", transform=ax.transAxes, fontsize=9, va="bottom", color="#444444"
        )
    return ax


# Where the region names go (row, col, alignment): in the empty cells next to each region.  The
# central and western regions have no free space nearby; the region lines mark them instead.
_REGION_LABELS = {
    "ภาคเหนือ": (0, 4.1, "left"),
    "ภาคตะวันออก\nเฉียงเหนือ": (6.3, 6.15, "left"),
    "ภาคตะวันออก": (9, 5.15, "left"),
    "ภาคใต้": (14, 3.15, "left"),
}


def _region_edges(table: pd.DataFrame, n_rows: int) -> list:
    """Segments on tile sides where the region changes (drawn so regions read without colour)."""
    where = {(int(r), int(c)): reg for r, c, reg in zip(table["row"], table["col"], table["region_6"])}
    segments = []
    for (r, c), region in where.items():
        y = n_rows - 1 - r
        # Right neighbour and lower neighbour only, so each shared side is drawn once.
        right = where.get((r, c + 1))
        if right is not None and right != region:
            segments.append([(c + 1, y), (c + 1, y + 1)])
        below = where.get((r + 1, c))
        if below is not None and below != region:
            segments.append([(c, y), (c + 1, y)])
    return segments
