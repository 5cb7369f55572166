"""Interactive explorers (ipywidgets) built on small pure functions: filter, summarise, chart.

สำรวจข้อมูลแบบโต้ตอบ: เลือกจังหวัด ภาค ปี หรือตัวชี้วัด แล้วตารางกับกราฟเปลี่ยนตามทันที
งานจริงทั้งหมดอยู่ในฟังก์ชันธรรมดา (``filter_table``, ``summarise``, ``top_n``, ``monthly_series``,
``make_chart``, ``month_chart``) ที่ทดสอบได้ ส่วนวิดเจ็ต (widget) เป็นเพียงเปลือกที่เรียกฟังก์ชันเหล่านี้
ถ้าโปรแกรมที่เปิดโน้ตบุ๊กแสดงวิดเจ็ตไม่ได้ ก็ยังเรียกฟังก์ชันเดียวกันเองได้ และจะเห็นคำแนะนำภาษาไทยว่าต้องทำอย่างไร

The widgets use only what ipywidgets 7.7 (Google Colab) and 8.x both offer: ``Dropdown``,
``IntSlider``, ``ToggleButtons``, ``HBox``/``VBox`` and ``interactive_output``.

>>> t = province_measures()
>>> summarise(t, "population", by="region_6").iloc[0]["region_6"]
'ภาคตะวันออกเฉียงเหนือ'
"""

from __future__ import annotations

import re

import pandas as pd

from . import viz
from .thai import THAI_MONTHS_ABBR, month_name_th
from .viz import make_chart  # the general chart function lives in viz; re-exported here

__all__ = [
    "ALL",
    "MEASURES",
    "abbreviation_key",
    "explore_provinces",
    "explore_table",
    "filter_table",
    "make_chart",
    "month_chart",
    "month_label",
    "monthly_series",
    "province_measures",
    "province_view",
    "summarise",
    "table_view",
    "top_n",
    "widgets_note",
]

#: The choice that means "no filter" in a drop-down.
ALL = "ทั้งหมด"

#: Measures of :func:`province_measures`: column → (Thai label, unit, decimals).
MEASURES = {
    "population": ("ประชากร", "คน", 0),
    "area_km2": ("พื้นที่", "ตร.กม.", 0),
    "density": ("ความหนาแน่นประชากร", "คนต่อ ตร.กม.", 0),
}

_SOURCE_POPULATION = "ประชากร: กรมการปกครอง (ทะเบียนราษฎร ณ 31 ธ.ค. 2562) · พื้นที่: Wikipedia (แหล่งข้อมูลทุติยภูมิ)"

_WIDGETS_NOTE = (
    "ถ้ามองไม่เห็นเมนูให้เลือก (หรือเห็นเพียงข้อความอย่าง VBox(...) หรือ "
    "'Error displaying widget') แปลว่าโปรแกรมที่เปิดโน้ตบุ๊กนี้ยังแสดงวิดเจ็ต (widget) ไม่ได้: "
    "ให้เปิดโน้ตบุ๊กด้วย JupyterLab (คำสั่ง python kit.py lab ในโฟลเดอร์ชุดเรียน บน Windows ใช้ py kit.py lab), "
    "ลิงก์ Binder หรือ Google Colab แล้วรันเซลล์อีกครั้ง ระหว่างนี้เรียกฟังก์ชันที่อยู่เบื้องหลังเองได้ เช่น "
    "filter_table(...), summarise(...) และ make_chart(...) (ดูตัวอย่างในโน้ตบุ๊ก 08_interactive)"
)


def province_measures() -> pd.DataFrame:
    """Return the real province table: name, region, population (31 Dec 2562), area and density.

    ตารางจังหวัดจริง 77 จังหวัด (ที่มา: กรมการปกครอง) พร้อมความหนาแน่นประชากรที่คำนวณเพิ่ม

    >>> t = province_measures()
    >>> t.shape, list(t.columns)
    ((77, 6), ['province_code', 'name_th', 'region_6', 'population', 'area_km2', 'density'])
    >>> int(t["population"].sum())
    66558935
    """
    from . import data

    raw = data.load("provinces")  # the one reader of the province table (checks its sha256)
    table = raw[["province_code", "name_th", "region_6"]].copy()
    table["population"] = raw["population_31dec2562"]
    table["area_km2"] = raw["area_km2"]
    table["density"] = (table["population"] / table["area_km2"]).round(1)
    return table


def _check_column(df: pd.DataFrame, column: str, role: str) -> None:
    if column not in df.columns:
        raise KeyError(f"ไม่พบคอลัมน์ {column!r} ({role}) ในตาราง: คอลัมน์ที่มีคือ {', '.join(map(str, df.columns))}")


def filter_table(
    df: pd.DataFrame,
    province=None,
    region=None,
    year=None,
    *,
    province_col: str = "name_th",
    region_col: str = "region_6",
    year_col: str = "year",
    **column_choices,
) -> pd.DataFrame:
    """Keep the rows of one province, region and/or year (``None`` or ``"ทั้งหมด"`` keeps all).

    Each choice may also be a list.  Other columns can be filtered by name, e.g. ``month=12``.
    The input is not changed; a new table is returned.

    เลือกเฉพาะแถวของจังหวัด ภาค หรือปีที่ต้องการ

    >>> t = province_measures()
    >>> len(filter_table(t, region="ภาคใต้"))
    14
    >>> filter_table(t, province=["เชียงใหม่", "ลำพูน"])["name_th"].tolist()
    ['เชียงใหม่', 'ลำพูน']
    >>> len(filter_table(t, region="ทั้งหมด"))
    77
    >>> filter_table(t, region="ภาคใต้", province_code="90")["name_th"].tolist()
    ['สงขลา']
    """
    mask = pd.Series(True, index=df.index)
    choices = [(province, province_col, "จังหวัด"), (region, region_col, "ภาค"), (year, year_col, "ปี")]
    choices += [(choice, column, "ตัวกรอง") for column, choice in column_choices.items()]
    for choice, column, role in choices:
        if choice is None or (isinstance(choice, str) and choice == ALL):
            continue
        _check_column(df, column, role)
        wanted = list(choice) if isinstance(choice, (list, tuple, set)) else [choice]
        mask &= df[column].isin(wanted)
    return df.loc[mask].copy()


def summarise(df: pd.DataFrame, measure: str, by, how: str = "sum", *, share: bool = False) -> pd.DataFrame:
    """Group by ``by`` and aggregate ``measure`` (``sum``, ``mean``, ``median``, ``count``...), largest first.

    ``share=True`` adds ``share_pct``: each group's percentage of the total.

    จัดกลุ่มและสรุปค่า (groupby) แล้วเรียงจากมากไปน้อย

    >>> t = province_measures()
    >>> s = summarise(t, "population", by="region_6", share=True)
    >>> list(s.columns), len(s), round(float(s["share_pct"].sum()), 6)
    (['region_6', 'population', 'share_pct'], 6, 100.0)
    """
    _check_column(df, measure, "ตัวชี้วัด")
    keys = [by] if isinstance(by, str) else list(by)
    for key in keys:
        _check_column(df, key, "กลุ่ม")
    result = df.groupby(keys, observed=True, sort=False)[measure].agg(how).reset_index()
    result = result.sort_values(measure, ascending=False, kind="stable").reset_index(drop=True)
    if share:
        total = result[measure].sum()
        result["share_pct"] = result[measure] / total * 100 if total else float("nan")
    return result


def top_n(
    df: pd.DataFrame, measure: str, n: int = 10, *, ascending: bool = False, label: str = "name_th"
) -> pd.Series:
    """Return the ``n`` largest (or smallest) values of ``measure`` as a Series indexed by ``label``.

    >>> top_n(province_measures(), "population", 3).index.tolist()
    ['กรุงเทพมหานคร', 'นครราชสีมา', 'อุบลราชธานี']
    """
    _check_column(df, measure, "ตัวชี้วัด")
    _check_column(df, label, "ชื่อ")
    ordered = df.sort_values(measure, ascending=ascending, kind="stable").head(n)
    return pd.Series(ordered[measure].to_numpy(), index=pd.Index(ordered[label], name=label), name=measure)


def _sorted_choices(values) -> list:
    """Sort drop-down choices; Thai text in Thai dictionary order (plain sorted() puts เ แ โ ใ ไ last)."""
    values = list(values)
    if values and all(isinstance(v, str) for v in values):
        from pythainlp.util import collate

        return collate(values)
    return sorted(values, key=lambda v: (str(type(v)), v))


# ---------------------------------------------------------------------------------------------
# Months: one label per month, a complete monthly series, and a chart with Thai month names
# ---------------------------------------------------------------------------------------------

_MONTH_LABEL = re.compile(r"^(?P<abbr>\S+) (?P<year>\d{4})$")


def month_label(year_be, month) -> str:
    """Return the Thai label of one month: the official abbreviation and the B.E. year.

    >>> month_label(2563, 4)
    'เม.ย. 2563'
    """
    return f"{month_name_th(int(month), short=True)} {int(year_be)}"


def _parse_month_label(label) -> int:
    """``"เม.ย. 2563"`` → a running month number (year × 12 + month − 1), for ordering and gaps."""
    match = _MONTH_LABEL.match(str(label))
    if not match or match["abbr"] not in THAI_MONTHS_ABBR:
        raise ValueError(
            f"อ่านเดือนจากป้าย {label!r} ไม่ได้: ดัชนีต้องเป็นป้ายเดือนแบบ 'ม.ค. 2563' "
            "(สร้างด้วย monthly_series หรือ month_label)"
        )
    return int(match["year"]) * 12 + THAI_MONTHS_ABBR.index(match["abbr"])


def _label_of(key: int) -> str:
    return month_label(key // 12, key % 12 + 1)


def monthly_series(
    df: pd.DataFrame, measure: str, *, how: str = "sum", year_col: str = "year_be", month_col: str = "month"
) -> pd.Series:
    """Aggregate ``measure`` per month; one value for every month from the first to the last.

    The index is the Thai month label (``"ม.ค. 2563"``).  A month with no rows, or whose values
    are all missing, is ``NaN`` (never 0), so a line chart breaks there instead of crossing it.

    รวมค่ารายเดือน (หรือเฉลี่ยด้วย ``how="mean"``) ได้ครบทุกเดือนตามลำดับเวลา เดือนที่ไม่มีข้อมูลเป็นค่าว่าง

    >>> df = pd.DataFrame({"year_be": [2564, 2564, 2565, 2565], "month": [11, 12, 2, 2], "n": [5, 7, 9, 1]})
    >>> monthly_series(df, "n").to_dict()
    {'พ.ย. 2564': 5.0, 'ธ.ค. 2564': 7.0, 'ม.ค. 2565': nan, 'ก.พ. 2565': 10.0}
    """
    for column, role in ((measure, "ตัวชี้วัด"), (year_col, "ปี"), (month_col, "เดือน")):
        _check_column(df, column, role)
    rows = df[[year_col, month_col, measure]].dropna(subset=[year_col, month_col])
    if rows.empty:
        return pd.Series(dtype=float, name=measure, index=pd.Index([], name="เดือน"))
    months = pd.to_numeric(rows[month_col])
    if not months.between(1, 12).all():
        bad = sorted(set(months[~months.between(1, 12)].tolist()))[:5]
        raise ValueError(f"คอลัมน์ {month_col!r} ต้องเป็นเลขเดือน 1 ถึง 12 แต่พบ {bad}")
    keys = pd.to_numeric(rows[year_col]).astype(int) * 12 + months.astype(int) - 1
    grouped = pd.to_numeric(rows[measure]).astype(float).groupby(keys.to_numpy())
    values = grouped.sum(min_count=1) if how == "sum" else grouped.agg(how)
    every = range(int(keys.min()), int(keys.max()) + 1)
    values = values.reindex(every)
    return pd.Series(
        values.to_numpy(dtype=float), index=pd.Index([_label_of(k) for k in every], name="เดือน"), name=measure
    )


def month_chart(
    values: pd.Series,
    *,
    title: str | None = None,
    unit: str = "",
    source: str | None = None,
    ax=None,
    color: str | None = None,
):
    """Draw a monthly line (index: Thai month labels) with Thai month names; return the Figure.

    Missing months break the line (months absent from the index are put back as gaps).  The
    x-axis names every month of a short series, otherwise every third month, with the B.E. year
    under each January; the value axis starts at zero and shows thousands separators.

    วาดกราฟเส้นรายเดือน แกนนอนเป็นชื่อเดือนภาษาไทยและปี พ.ศ. เส้นขาดตรงเดือนที่ไม่มีข้อมูล

    >>> s = pd.Series({"พ.ย. 2564": 5.0, "ธ.ค. 2564": 7.0, "ก.พ. 2565": 9.0})
    >>> fig = month_chart(s, unit="คน-ครั้ง", source="ทดลอง")
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['พ.ย.\\n2564', 'ธ.ค.', 'ม.ค.\\n2565', 'ก.พ.']
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    import matplotlib.pyplot as plt

    if not isinstance(values, pd.Series):
        raise TypeError("month_chart ต้องการ pandas Series ที่มีดัชนีเป็นป้ายเดือน เช่น 'ม.ค. 2563'")
    if values.empty:
        raise ValueError("ไม่มีข้อมูลให้วาด: Series ว่าง")
    keys = [_parse_month_label(label) for label in values.index]
    by_key = pd.Series(pd.to_numeric(values, errors="coerce").to_numpy(dtype=float), index=keys)
    if by_key.index.duplicated().any():
        raise ValueError("มีเดือนซ้ำกันในดัชนี: รวมค่าให้เหลือเดือนละหนึ่งค่าก่อน (ใช้ monthly_series)")
    every = list(range(min(keys), max(keys) + 1))
    y = by_key.reindex(every).to_numpy()
    if ax is None:
        _fig, ax = plt.subplots(figsize=(9, 4.5))
    ax.plot(range(len(every)), y, marker="o", markersize=3.5, color=color or viz.palette(1)[0])
    step = 1 if len(every) <= 12 else 3
    ticks = [i for i, key in enumerate(every) if key % step == 0] or [0]
    labels = []
    for i in ticks:
        key = every[i]
        text = THAI_MONTHS_ABBR[key % 12]
        labels.append(f"{text}\n{key // 12}" if key % 12 == 0 or i == ticks[0] else text)
    ax.set_xticks(ticks)
    ax.set_xticklabels(labels)
    ax.set_xlim(-0.5, len(every) - 0.5)
    ax.set_xlabel("เดือน (พ.ศ.)")
    ax.set_ylabel(unit)
    viz.thousands_axis(ax, "y")
    present = by_key.dropna()
    if len(present) and (present >= 0).all():
        ax.set_ylim(0, None)
    ax.grid(axis="x", visible=False)
    if title:
        ax.set_title(title)
    if source:
        viz.add_source(ax.figure, source)
    return ax.figure


# ---------------------------------------------------------------------------------------------
# The province explorer
# ---------------------------------------------------------------------------------------------


def abbreviation_key(codes=None, *, per_line: int = 6) -> str:
    """Return the key to the tile map's Thai abbreviations (``per_line`` provinces a line).

    แผนที่แบบตารางแสดงอักษรย่อจังหวัด ข้อความนี้บอกว่าอักษรย่อแต่ละตัวคือจังหวัดใด

    >>> abbreviation_key(["50", "10"])
    'อักษรย่อบนแผนที่: กทม = กรุงเทพมหานคร · ชม = เชียงใหม่'
    """
    from . import grid

    table = grid.tile_table()
    if codes is not None:
        wanted = {str(c) for c in codes}
        table = table[table.index.isin(wanted)]
    pairs = [f"{abbr} = {name}" for abbr, name in zip(table["abbr_th"], table["name_th"])]
    lines = [" · ".join(pairs[i : i + per_line]) for i in range(0, len(pairs), per_line)]
    return "อักษรย่อบนแผนที่: " + "\n".join(lines)


def province_view(measure: str = "density", region: str = ALL, n: int = 10, view: str = "bars"):
    """Return ``(figure, text)`` of the province explorer for one set of choices (no widgets needed).

    ``view`` is ``"bars"`` (the ``n`` largest provinces) or ``"map"`` (the tile map of the region,
    with the key to its abbreviations in the text).  The title states what the chart shows.

    ภาพและคำบรรยายของตัวสำรวจจังหวัด สำหรับตัวเลือกชุดหนึ่ง (เรียกเองได้เมื่อวิดเจ็ตไม่แสดง)

    >>> fig, text = province_view("population", "ภาคใต้", 3)
    >>> fig.axes[0].get_title().splitlines()[0]
    'นครศรีธรรมราชมีประชากรมากที่สุดในภาคใต้'
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    if measure not in MEASURES:
        raise ValueError(f"ไม่รู้จักตัวชี้วัด {measure!r}: เลือกได้ {', '.join(MEASURES)}")
    if view not in {"bars", "map"}:
        raise ValueError("view ต้องเป็น 'bars' (กราฟแท่ง) หรือ 'map' (แผนที่)")
    table = province_measures()
    if region != ALL and region not in set(table["region_6"]):
        raise ValueError(f"ไม่พบภาค {region!r}: เลือกได้ {', '.join(sorted(table['region_6'].unique()))}")
    label, unit, decimals = MEASURES[measure]
    chosen = filter_table(table, region=region)
    in_where = "ในประเทศ" if region == ALL else f"ใน{region}"
    ranked = top_n(chosen, measure, n)
    finding = f"{ranked.index[0]}มี{label}มากที่สุด{in_where}"
    how_many = f"{len(ranked)} จังหวัดแรก" if len(ranked) < len(chosen) else f"ทั้ง {len(ranked)} จังหวัด"
    text = viz.text_summary(ranked, what=f"{label} ({how_many}{in_where})", unit=unit, decimals=decimals)
    if view == "bars":
        fig = make_chart(
            ranked,
            title=f"{finding}\n{label} {how_many} เรียงจากมากไปน้อย",
            unit=unit,
            source=_SOURCE_POPULATION,
        )
        return fig, text
    import matplotlib.pyplot as plt

    from . import grid

    values = chosen.set_index("province_code")[measure]
    _fig, ax = plt.subplots(figsize=(5.6, 9.4))
    # density: Bangkok is about 20 times the next province, so a log colour scale keeps the rest readable
    grid.plot_province_grid(
        values, ax=ax, title=f"{finding}\n{label}รายจังหวัด", legend_label=unit, log=measure == "density"
    )
    for note in ax.texts:
        if note.get_text().startswith("สีเทา"):  # the grid's grey-tile note: here grey means "not chosen"
            note.set_text(f"สีเทา (–) = จังหวัดนอก{region}")
    viz.add_source(ax.figure, _SOURCE_POPULATION)
    return ax.figure, f"{text}\n{abbreviation_key(values.index)}"


def widgets_note() -> str:
    """Return the Thai note shown under every explorer (what to do when widgets do not appear).

    >>> "kit.py lab" in widgets_note()
    True
    """
    return _WIDGETS_NOTE


def _show_static(fig) -> None:
    """Show a finished figure once (inline backend or a plain script) and free its memory."""
    import matplotlib.pyplot as plt

    try:
        from IPython.display import display

        display(fig)
    finally:
        plt.close(fig)


def _widgets():
    """Return the ipywidgets module, or None when it cannot be imported (then a static view is shown)."""
    try:
        import ipywidgets
    except ImportError:
        return None
    return ipywidgets


def _show_box(box) -> None:
    from IPython.display import display

    display(box)
    print(_WIDGETS_NOTE)


def explore_provinces(measure: str = "density", region: str = ALL, n: int = 10, show: bool = True):
    """Explorer of the real province table: choose a measure, a region and how many provinces.

    The chart (tile map or top-``n`` bars) and its text summary update when a choice changes
    (each view is :func:`province_view`).  With ``show=True`` (the default) the explorer is
    displayed with the Thai note below it and nothing is returned; ``show=False`` returns the
    widget box instead (for tests or own layouts).  Without ipywidgets the note and the first
    view are shown as a plain chart.

    เลือกตัวชี้วัด (ประชากร พื้นที่ ความหนาแน่น) ภาค และจำนวนจังหวัด แล้วดูแผนที่ กราฟ และตาราง

    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):   # outside Jupyter the first view is printed
    ...     box = explore_provinces(show=False)
    >>> [type(w).__name__ for w in box.children]
    ['HBox', 'Output']
    """
    w = _widgets()
    if w is None:
        print(_WIDGETS_NOTE)
        fig, text = province_view(measure, region, n, "bars")
        _show_static(fig)
        print(text)
        return None
    regions = [ALL, *_sorted_choices(province_measures()["region_6"].unique())]
    measure_w = w.Dropdown(
        options=[(label, key) for key, (label, _u, _d) in MEASURES.items()],
        value=measure,
        description="ตัวชี้วัด",
    )
    region_w = w.Dropdown(options=regions, value=region, description="ภาค")
    n_w = w.IntSlider(value=n, min=3, max=20, description="จำนวน")
    view_w = w.ToggleButtons(options=[("กราฟแท่ง", "bars"), ("แผนที่", "map")], value="bars", description="แบบ")

    def update(measure, region, n, view):
        fig, text = province_view(measure, region, n, view)
        _show_static(fig)
        print(text)

    out = w.interactive_output(update, {"measure": measure_w, "region": region_w, "n": n_w, "view": view_w})
    box = w.VBox([w.HBox([w.VBox([measure_w, region_w]), w.VBox([n_w, view_w])]), out])
    if show:
        _show_box(box)
        return None
    return box


# ---------------------------------------------------------------------------------------------
# The long-table explorer
# ---------------------------------------------------------------------------------------------


def _measure_spec(measures: dict, measure: str) -> tuple[str, str, int]:
    if measure not in measures:
        raise ValueError(f"ไม่รู้จักตัวชี้วัด {measure!r}: เลือกได้ {', '.join(measures)}")
    label, unit, *rest = measures[measure]
    return label, unit, int(rest[0]) if rest else 0


def table_view(
    df: pd.DataFrame,
    group=ALL,
    measure: str | None = None,
    *,
    measures: dict,
    time_col: str,
    group_col: str,
    source: str,
    time_label: str = "",
    how: str = "sum",
    year_axis: str | None = None,
    month_col: str | None = None,
    group_label: str = "กลุ่ม",
):
    """Return ``(figure, text)`` of :func:`explore_table` for one group and one measure.

    With ``month_col`` the line is monthly (``time_col`` is then the B.E. year column; see
    :func:`monthly_series` and :func:`month_chart`); otherwise it is one point per ``time_col``.

    ภาพและคำบรรยายของตัวสำรวจตารางแบบยาว สำหรับกลุ่มและตัวชี้วัดที่เลือก

    >>> df = pd.DataFrame({"year_be": [2564, 2564, 2564], "month": [1, 2, 2],
    ...                    "province": ["ก", "ก", "ข"], "n": [4, 6, 1]})
    >>> fig, text = table_view(df, "ทั้งหมด", "n", measures={"n": ("จำนวน", "คน")}, time_col="year_be",
    ...                        month_col="month", group_col="province", source="ทดลอง", group_label="จังหวัด")
    >>> print(text)
    จำนวน ทุกจังหวัดรวมกัน: สูงสุดคือ เดือน ก.พ. 2564 (7 คน) ต่ำสุดคือ เดือน ม.ค. 2564 (4 คน) จากทั้งหมด 2 รายการ
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    measure = measure if measure is not None else next(iter(measures))
    label, unit, decimals = _measure_spec(measures, measure)
    _check_column(df, group_col, "กลุ่ม")
    chosen = df if group == ALL else df[df[group_col] == group]
    if chosen.empty:
        raise ValueError(f"ไม่พบ {group!r} ในคอลัมน์ {group_col!r}")
    where = f"ทุก{group_label}รวมกัน" if group == ALL else str(group)
    if month_col:
        series = monthly_series(chosen, measure, how=how, year_col=time_col, month_col=month_col)
        present = series.dropna()
        title = f"{label}รายเดือน: {where}"
        if len(present) >= 2:
            title += f"\nสูงสุด {present.idxmax()} · ต่ำสุด {present.idxmin()}"
        fig = month_chart(series, title=title, unit=unit, source=source)
        prefix = time_label or "เดือน "
    else:
        _check_column(df, time_col, "เวลา")
        series = chosen.groupby(time_col)[measure].agg(how)
        fig = make_chart(
            series,
            kind="line",
            title=f"{label} ({where})",
            unit=unit,
            source=source,
            year_axis=year_axis,
            xlabel=time_label.strip() or time_col,
        )
        prefix = time_label
    text = viz.text_summary(
        series,
        what=f"{label} {where}" if month_col else f"{label} ({where})",
        unit=unit,
        decimals=decimals,
        key_prefix=prefix,
    )
    return fig, text


def explore_table(
    df: pd.DataFrame,
    *,
    measures: dict,
    time_col: str,
    group_col: str,
    source: str,
    time_label: str = "",
    how: str = "sum",
    year_axis: str | None = None,
    month_col: str | None = None,
    group_label: str = "กลุ่ม",
    show: bool = True,
):
    """Explorer for a long table: choose a group (province/station...) and a measure; see a line over time.

    ``measures`` maps a column to ``(Thai label, unit)`` or ``(Thai label, unit, decimals)``.  The
    line shows ``measure`` aggregated with ``how`` per ``time_col`` for the chosen group (or all
    groups together); with ``month_col`` it is monthly, with Thai month names (``time_col`` is
    then the B.E. year).  ``time_label`` (e.g. "เดือน ") names the time points in the text summary,
    ``group_label`` (e.g. "จังหวัด") names the groups.  ``show`` works as in :func:`explore_provinces`.

    สำรวจตารางแบบยาว: เลือกกลุ่ม (เช่น จังหวัด) และตัวชี้วัด แล้วดูกราฟเส้นตามเวลา

    >>> df = pd.DataFrame({"month": [1, 2, 1, 2], "province": ["ก", "ก", "ข", "ข"], "n": [1, 2, 3, 4]})
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     box = explore_table(df, measures={"n": ("จำนวน", "ครั้ง")}, time_col="month",
    ...                         group_col="province", source="ทดลอง", show=False)
    >>> box.children[0].children[0].options[0]
    'ทั้งหมด'
    """
    options = {
        "measures": measures,
        "time_col": time_col,
        "group_col": group_col,
        "source": source,
        "time_label": time_label,
        "how": how,
        "year_axis": year_axis,
        "month_col": month_col,
        "group_label": group_label,
    }

    def update(group, measure):
        fig, text = table_view(df, group, measure, **options)
        _show_static(fig)
        print(text)

    w = _widgets()
    if w is None:
        print(_WIDGETS_NOTE)
        update(ALL, next(iter(measures)))
        return None
    groups = [ALL, *_sorted_choices(df[group_col].dropna().unique())]
    group_w = w.Dropdown(
        options=groups, value=ALL, description=group_label if group_label != "กลุ่ม" else "เลือก"
    )
    measure_w = w.Dropdown(
        options=[(spec[0], key) for key, spec in measures.items()],
        value=next(iter(measures)),
        description="ตัวชี้วัด",
    )
    out = w.interactive_output(update, {"group": group_w, "measure": measure_w})
    box = w.VBox([w.HBox([group_w, measure_w]), out])
    if show:
        _show_box(box)
        return None
    return box
