"""Shared chart helpers: source notes, B.E. year labels, a colour-blind-safe palette, saving, text summaries.

เครื่องมือเล็ก ๆ ที่ช่วยให้กราฟพร้อมใส่ในรายงานราชการ: ใส่ที่มาของข้อมูลใต้กราฟ แสดงปีเป็น พ.ศ.
ใช้ชุดสีที่ผู้มีภาวะตาบอดสีแยกได้ บันทึกกราฟเป็น PNG และ SVG และเขียนคำบรรยายกราฟสั้น ๆ
เป็นข้อความ (สำหรับผู้ที่มองไม่เห็นภาพหรือใช้โปรแกรมอ่านหน้าจอ)

>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> _ = ax.plot([2019, 2020, 2021], [3, 4, 5])
>>> be_year_axis(ax, data_era="ce")
>>> _ = add_source(ax, "กรมการปกครอง")
>>> plt.close(fig)
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from .thai import BE_OFFSET
from .thaifont import ensure_thai_font

ensure_thai_font()  # Thai charts even when the set-up cell was skipped

__all__ = [
    "BE_OFFSET",
    "make_chart",
    "SEQUENTIAL_CMAP",
    "DIVERGING_CMAP",
    "palette",
    "thai_number",
    "add_source",
    "be_year_axis",
    "thousands_axis",
    "save_figure",
    "text_summary",
    "thai_month_axis",
]

#: Sequential colormap for maps and heatmaps: perceptually uniform and colour-blind safe.
SEQUENTIAL_CMAP = "viridis"
#: Diverging colormap (values above/below a middle): colour-blind safe.
DIVERGING_CMAP = "PuOr"


def palette(n: int | None = None) -> list[str]:
    """Return ``n`` colours (hex) of seaborn's colour-blind-safe palette (10 colours, repeating).

    ชุดสีสำหรับแยกกลุ่ม (ภาค จังหวัด ปี) ที่ผู้มีภาวะตาบอดสีแยกออกได้

    >>> palette(3)
    ['#0173b2', '#de8f05', '#029e73']
    >>> len(palette())
    10
    """
    import seaborn as sns

    colours = sns.color_palette("colorblind").as_hex()
    if n is None:
        return list(colours)
    return [colours[i % len(colours)] for i in range(n)]


def thai_number(value, decimals: int = 0, unit: str = "") -> str:
    """Format a number the way Thai reports do: Arabic digits, thousands separators, unit after.

    >>> thai_number(66558935, unit="คน")
    '66,558,935 คน'
    >>> thai_number(12.345, 1)
    '12.3'
    >>> thai_number(float("nan"))
    'ไม่มีข้อมูล'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return "ไม่มีข้อมูล"
    text = f"{float(value):,.{decimals}f}"
    return f"{text} {unit}".strip()


def add_source(target, source: str, *, prefix: str = "ที่มา: ", note: str | None = None):
    """Write "ที่มา: ..." (and an optional note) in small grey text under a chart; return the Text.

    ``target`` is an Axes or a Figure (for a Figure, the note goes under its lowest Axes).  The
    note is placed just below the x-axis label, so it never covers it.  Every chart in a report
    should say where its numbers come from, and whether they are simulated.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> add_source(ax, "กรมการปกครอง", note="ข้อมูล ณ 31 ธันวาคม 2562").get_text()
    'ที่มา: กรมการปกครอง · ข้อมูล ณ 31 ธันวาคม 2562'
    >>> plt.close(fig)
    """
    text = f"{prefix}{source}" + (f" · {note}" if note else "")
    if hasattr(target, "xaxis"):
        ax, x_coords = target, "axes fraction"
    else:
        axes = [a for a in target.axes if a.get_visible() and a.get_label() != "<colorbar>"] or target.axes
        # The lowest (then left-most) axes: its x-axis label is the lowest text of the chart.
        ax = min(axes, key=lambda a: (round(a.get_position().y0, 3), a.get_position().x0))
        x_coords = "figure fraction"
    x = 0.0 if x_coords == "axes fraction" else 0.01
    # y follows the bottom of the x-axis label (an Artist used as a coordinate system), so the
    # note moves with the label whatever the tick labels need; savefig(bbox_inches="tight")
    # keeps it in the saved file.
    return ax.annotate(
        text,
        xy=(x, 0),
        xycoords=(x_coords, ax.xaxis.label),
        xytext=(0, -6),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=10,
        color="#555555",
        annotation_clip=False,
    )


def be_year_axis(ax, axis: str = "x", *, data_era: str = "ce", show_ce: bool = False) -> None:
    """Label a year axis in Buddhist Era (พ.ศ.), whole years only.

    ``data_era`` says what the numbers on the axis are: ``"ce"`` (ค.ศ., 543 is added to the
    labels) or ``"be"`` (already พ.ศ.).  ``show_ce=True`` adds the ค.ศ. year on a second line.

    แสดงแกนปีเป็น พ.ศ. โดยไม่เปลี่ยนข้อมูลจริง (เปลี่ยนแค่ป้ายกำกับ)

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([2021, 2022, 2023], [1, 2, 3])
    >>> be_year_axis(ax, show_ce=True)
    >>> ax.xaxis.get_major_formatter()(2023, 0)
    '2566\\n(2023)'
    >>> plt.close(fig)
    """
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if data_era not in {"ce", "be"}:
        raise ValueError("data_era ต้องเป็น 'ce' (ค.ศ.) หรือ 'be' (พ.ศ.)")
    shift = BE_OFFSET if data_era == "ce" else 0

    def label(value, _pos):
        if abs(value - round(value)) > 1e-6:
            return ""
        be = int(round(value)) + shift
        return f"{be}\n({be - BE_OFFSET})" if show_ce else f"{be}"

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(MaxNLocator(integer=True))
    target.set_major_formatter(FuncFormatter(label))
    current = (ax.get_xlabel() if axis == "x" else ax.get_ylabel()) or ""
    if "พ.ศ." not in current:
        new = f"{current} (พ.ศ.)".strip() if current else "ปี (พ.ศ.)"
        (ax.set_xlabel if axis == "x" else ax.set_ylabel)(new)


def thousands_axis(ax, axis: str = "y", decimals: int = 0) -> None:
    """Show axis numbers with thousands separators (1,000,000 instead of 1e6).

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> thousands_axis(ax)
    >>> ax.yaxis.get_major_formatter()(1234567, 0)
    '1,234,567'
    >>> plt.close(fig)
    """
    from matplotlib.ticker import FuncFormatter

    formatter = FuncFormatter(lambda value, _pos: f"{value:,.{decimals}f}")
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(formatter)


def save_figure(fig, name: str, folder: str | Path = "outputs", formats=("png", "svg")) -> list[Path]:
    """Save a figure for a report as PNG (for documents) and SVG (sharp at any size); return the paths.

    The default folder ``outputs/`` is relative to the notebook's folder (``notebooks/outputs/``),
    which git ignores.  Text in the SVG is stored as outlines, so Thai looks right even on a
    computer without the Sarabun font.  The files carry no date, so saving twice gives the same file.

    บันทึกกราฟเป็นไฟล์ภาพสำหรับใส่ในรายงาน

    >>> import tempfile, matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in save_figure(fig, "กราฟทดลอง", folder=tmp)]
    ['กราฟทดลอง.png', 'กราฟทดลอง.svg']
    >>> plt.close(fig)
    """
    import matplotlib as mpl

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for fmt in formats:
        path = folder / f"{name}.{fmt}"
        metadata = {"Date": None} if fmt in {"svg", "pdf"} else {}
        if fmt == "svg":
            metadata["Creator"] = None
        # A fixed hash salt makes the ids inside the SVG the same on every save.
        with mpl.rc_context({"svg.hashsalt": "thai-opendata-kit"}):
            fig.savefig(path, format=fmt, bbox_inches="tight", metadata=metadata or None)
        saved.append(path)
    return saved


def _is_year_index(index: pd.Index) -> bool:
    try:
        years = pd.to_numeric(pd.Series(index), errors="raise")
    except (TypeError, ValueError):
        return False
    return bool(((years >= 1900) & (years <= 2700) & (years == years.round())).all())


def text_summary(
    values: pd.Series, *, what: str, unit: str = "", decimals: int = 0, top: int = 1, key_prefix: str = ""
) -> str:
    """Describe a chart's data in one or two Thai sentences (for a caption or a screen reader).

    With a year index (B.E. or C.E. as stored) it tells the first and last value and the change;
    otherwise it names the highest and lowest items (``key_prefix``, e.g. "เดือน", is written before
    each item's name).  Missing values are skipped and counted.

    เขียนคำบรรยายกราฟสั้น ๆ เป็นข้อความ วางไว้ใต้กราฟทุกกราฟ

    >>> s = pd.Series({"ภาคเหนือ": 6.3, "ภาคใต้": 9.5, "ภาคกลาง": 17.9}, name="ประชากร")
    >>> print(text_summary(s, what="ประชากรรายภาค", unit="ล้านคน", decimals=1))
    ประชากรรายภาค: สูงสุดคือ ภาคกลาง (17.9 ล้านคน) ต่ำสุดคือ ภาคเหนือ (6.3 ล้านคน) จากทั้งหมด 3 รายการ
    >>> print(text_summary(pd.Series({1: 40.5, 7: 12.0}), what="PM2.5 เฉลี่ย", unit="มคก./ลบ.ม.",
    ...                    decimals=1, key_prefix="เดือน "))
    PM2.5 เฉลี่ย: สูงสุดคือ เดือน 1 (40.5 มคก./ลบ.ม.) ต่ำสุดคือ เดือน 7 (12.0 มคก./ลบ.ม.) จากทั้งหมด 2 รายการ
    >>> t = pd.Series({2562: 100.0, 2563: 80.0, 2566: 120.0})
    >>> print(text_summary(t, what="จำนวนผู้บาดเจ็บ", unit="คน"))
    จำนวนผู้บาดเจ็บ ปี 2562–2566: จาก 100 คน เป็น 120 คน (เพิ่มขึ้น 20.0%) ต่ำสุดในปี 2563 (80 คน)
    """
    if not isinstance(values, pd.Series):
        raise TypeError("values ต้องเป็น pandas Series")
    clean = pd.to_numeric(values, errors="coerce").dropna()
    missing = len(values) - len(clean)
    note = f" (ไม่มีข้อมูล {missing} รายการ)" if missing else ""
    if clean.empty:
        return f"{what}: ไม่มีข้อมูล"

    def fmt(v) -> str:
        return thai_number(v, decimals, unit)

    if _is_year_index(clean.index) and len(clean) >= 2:
        ordered = clean.sort_index()
        first_year, last_year = ordered.index[0], ordered.index[-1]
        first, last = ordered.iloc[0], ordered.iloc[-1]
        text = f"{what} ปี {first_year}–{last_year}: จาก {fmt(first)} เป็น {fmt(last)}"
        if first != 0:
            change = (last - first) / abs(first) * 100
            direction = "เพิ่มขึ้น" if change > 0 else "ลดลง" if change < 0 else "เท่าเดิม"
            text += f" ({direction} {abs(change):.1f}%)" if change else " (เท่าเดิม)"
        low_year, high_year = ordered.idxmin(), ordered.idxmax()
        if high_year not in (first_year, last_year):
            text += f" สูงสุดในปี {high_year} ({fmt(ordered.max())})"
        if low_year not in (first_year, last_year):
            text += f" ต่ำสุดในปี {low_year} ({fmt(ordered.min())})"
        return text + note
    ranked = clean.sort_values(ascending=False, kind="stable")
    top = max(1, min(top, len(ranked)))
    high = ", ".join(f"{key_prefix}{k} ({fmt(v)})" for k, v in ranked.head(top).items())
    low = ", ".join(f"{key_prefix}{k} ({fmt(v)})" for k, v in ranked.tail(top).iloc[::-1].items())
    if len(ranked) == 1:
        return f"{what}: {high}{note}"
    return f"{what}: สูงสุดคือ {high} ต่ำสุดคือ {low} จากทั้งหมด {len(ranked):,} รายการ{note}"


def make_chart(
    values: pd.Series,
    *,
    kind: str = "barh",
    title: str | None = None,
    unit: str = "",
    source: str | None = None,
    year_axis: str | None = None,
    xlabel: str | None = None,
    ax=None,
):
    """Draw ``values`` (a Series) as ``"barh"``, ``"bar"``, ``"line"`` or ``"map"``; return the Figure.

    ``unit`` labels the value axis, ``xlabel`` the other axis of a bar or line chart, ``source``
    writes "ที่มา: ..." under the chart, and
    ``year_axis="be"``/``"ce"`` labels a year axis in พ.ศ. (see :func:`helpers.viz.be_year_axis`).
    ``"map"`` draws the 77-province tile map (:func:`helpers.grid.plot_province_grid`).  The value
    axis of bars and lines starts at zero when no value is negative (so changes are not exaggerated).

    วาดกราฟจาก Series หนึ่งชุด ใช้ได้ทั้งในวิดเจ็ตและเรียกเองตรง ๆ

    >>> values = pd.Series({"กรุงเทพมหานคร": 3616.6, "นนทบุรี": 2013.5, "สมุทรปราการ": 1420.1})
    >>> fig = make_chart(values, unit="คนต่อ ตร.กม.", title="ทดลอง")
    >>> fig.axes[0].get_xlabel()
    'คนต่อ ตร.กม.'
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    import matplotlib.pyplot as plt

    if not isinstance(values, pd.Series):
        raise TypeError("make_chart ต้องการ pandas Series (ดัชนีคือชื่อกลุ่มหรือปี ค่าคือตัวเลข)")
    if kind == "map":
        from . import grid

        if ax is None:
            _fig, ax = plt.subplots(figsize=(5.2, 9.0))
        grid.plot_province_grid(values, ax=ax, title=title, legend_label=unit or None)
        fig = ax.figure
    else:
        if ax is None:
            height = max(3.0, 0.32 * len(values) + 1.2) if kind == "barh" else 4.5
            _fig, ax = plt.subplots(figsize=(8, height))
        fig = ax.figure
        colour = palette(1)[0]
        if kind == "barh":
            ordered = values.iloc[::-1]  # largest at the top
            ax.barh([str(i) for i in ordered.index], ordered.to_numpy(), color=colour)
            ax.set_xlabel(unit)
            thousands_axis(ax, "x")
            ax.grid(axis="y", visible=False)
        elif kind == "bar":
            ax.bar([str(i) for i in values.index], values.to_numpy(), color=colour)
            ax.set_ylabel(unit)
            thousands_axis(ax, "y")
            ax.grid(axis="x", visible=False)
        elif kind == "line":
            ax.plot(values.index, values.to_numpy(), marker="o", color=colour)
            ax.set_ylabel(unit)
            thousands_axis(ax, "y")
            if (values.dropna() >= 0).all():
                ax.set_ylim(0, None)
            if xlabel:
                ax.set_xlabel(xlabel)
            if year_axis:
                be_year_axis(ax, data_era=year_axis)
        else:
            raise ValueError("kind ต้องเป็น 'barh', 'bar', 'line' หรือ 'map'")
        if xlabel and kind == "bar":
            ax.set_xlabel(xlabel)
        if title:
            ax.set_title(title)
    if source:
        add_source(fig, source)
    return fig


def thai_month_axis(ax, axis: str = "x", *, every: int = 1) -> None:
    """Label a date axis with Thai month abbreviations (ม.ค. … ธ.ค.) and the B.E. year under each January.

    The axis must hold dates (pandas Timestamps or datetimes, as matplotlib plots them).  ``every``
    puts a tick every 1, 2, 3, 4, 6 or 12 months, always including January, so every year shows
    its พ.ศ. year once; the first tick also shows its year.  The data are not changed.

    แสดงแกนเวลาเป็นชื่อเดือนย่อภาษาไทย และปี พ.ศ. ใต้เดือนมกราคม (แทนเลขเดือน 1-12 หรือปี ค.ศ.)

    >>> import matplotlib.pyplot as plt
    >>> from matplotlib import dates as mdates
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot(pd.date_range("2021-01-01", periods=12, freq="MS"), range(12))
    >>> thai_month_axis(ax, every=3)
    >>> label = ax.xaxis.get_major_formatter()
    >>> label(mdates.date2num(pd.Timestamp("2021-01-01")), 1), label(mdates.date2num(pd.Timestamp("2021-04-01")), 1)
    ('ม.ค.\\n2564', 'เม.ย.')
    >>> ax.get_xlabel()
    'เดือน (ปี พ.ศ. ใต้เดือนมกราคม)'
    >>> thai_month_axis(ax, every=5)
    Traceback (most recent call last):
    ...
    ValueError: every ต้องเป็น 1, 2, 3, 4, 6 หรือ 12 (เพื่อให้ทุกปีมีขีดที่เดือนมกราคม) แต่ได้ 5
    >>> plt.close(fig)
    """
    from matplotlib import dates as mdates
    from matplotlib.ticker import FuncFormatter

    from .thai import THAI_MONTHS_ABBR

    if every not in {1, 2, 3, 4, 6, 12}:
        raise ValueError(f"every ต้องเป็น 1, 2, 3, 4, 6 หรือ 12 (เพื่อให้ทุกปีมีขีดที่เดือนมกราคม) แต่ได้ {every!r}")

    def label(value, pos):
        day = mdates.num2date(value)
        text = THAI_MONTHS_ABBR[day.month - 1]
        return f"{text}\n{day.year + BE_OFFSET}" if day.month == 1 or pos == 0 else text

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, every)))
    target.set_major_formatter(FuncFormatter(label))
    current = (ax.get_xlabel() if axis == "x" else ax.get_ylabel()) or ""
    if "พ.ศ." not in current:
        new = f"{current} (ปี พ.ศ. ใต้เดือนมกราคม)" if current else "เดือน (ปี พ.ศ. ใต้เดือนมกราคม)"
        (ax.set_xlabel if axis == "x" else ax.set_ylabel)(new)
