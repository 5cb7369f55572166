"""Interactive explorers (ipywidgets) built on small pure functions: filter, summarise, chart.

สำรวจข้อมูลแบบโต้ตอบ: เลือกจังหวัด ภาค ปี หรือตัวชี้วัด แล้วตารางกับกราฟเปลี่ยนตามทันที
งานจริงทั้งหมดอยู่ในฟังก์ชันธรรมดา (``filter_table``, ``summarise``, ``make_chart``) ที่ทดสอบได้
ส่วนวิดเจ็ต (widget) เป็นเพียงเปลือกที่เรียกฟังก์ชันเหล่านี้ ถ้าโปรแกรมที่เปิดโน้ตบุ๊กแสดงวิดเจ็ตไม่ได้
ก็ยังเรียกฟังก์ชันเดียวกันเองได้ และจะเห็นคำแนะนำภาษาไทยว่าต้องทำอย่างไร

>>> t = province_measures()
>>> summarise(t, "population", by="region_6").iloc[0]["region_6"]
'ภาคตะวันออกเฉียงเหนือ'
"""

from __future__ import annotations

import pandas as pd

from . import viz
from .viz import make_chart  # the general chart function lives in viz; re-exported here

__all__ = [
    "ALL",
    "MEASURES",
    "province_measures",
    "filter_table",
    "summarise",
    "top_n",
    "make_chart",
    "widgets_note",
    "explore_provinces",
    "explore_table",
]

#: The choice that means "no filter" in a drop-down.
ALL = "ทั้งหมด"

#: Measures of :func:`province_measures`: column → (Thai label, unit, decimals).
MEASURES = {
    "population": ("ประชากร", "คน", 0),
    "area_km2": ("พื้นที่", "ตร.กม.", 0),
    "density": ("ความหนาแน่นประชากร", "คนต่อ ตร.กม.", 0),
}

_SOURCE_POPULATION = "ประชากร: กรมการปกครอง (ทะเบียนราษฎร ณ 31 ธ.ค. 2562) · พื้นที่: Wikipedia"

_WIDGETS_NOTE = (
    "ถ้ามองไม่เห็นเมนูให้เลือก (หรือเห็นเพียงข้อความอย่าง VBox(...) หรือ "
    "'Error displaying widget') แปลว่าโปรแกรมที่เปิดโน้ตบุ๊กนี้ยังแสดงวิดเจ็ต (widget) ไม่ได้: "
    "ให้เปิดโน้ตบุ๊กด้วย JupyterLab (คำสั่ง make lab), ลิงก์ Binder หรือ Google Colab "
    "แล้วรันเซลล์อีกครั้ง ระหว่างนี้เรียกฟังก์ชันที่อยู่เบื้องหลังเองได้ เช่น "
    "filter_table(...), summarise(...) และ make_chart(...) (ดูตัวอย่างในโน้ตบุ๊ก 07_interactive)"
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
        raise KeyError(
            f"ไม่พบคอลัมน์ {column!r} ({role}) ในตาราง: คอลัมน์ที่มีคือ {', '.join(map(str, df.columns))}"
        )


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


def top_n(df: pd.DataFrame, measure: str, n: int = 10, *, ascending: bool = False, label: str = "name_th") -> pd.Series:
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


def widgets_note() -> str:
    """Return the Thai note shown under every explorer (what to do when widgets do not appear).

    >>> "make lab" in widgets_note()
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


def explore_provinces(measure: str = "density", region: str = ALL, n: int = 10, show: bool = True):
    """Explorer of the real province table: choose a measure, a region and how many provinces.

    The chart (tile map or top-``n`` bars) and its text summary update when a choice changes.
    With ``show=True`` (the default) the explorer is displayed with the Thai note below it and
    nothing is returned; ``show=False`` returns the widget box instead (for tests or own layouts).

    เลือกตัวชี้วัด (ประชากร พื้นที่ ความหนาแน่น) ภาค และจำนวนจังหวัด แล้วดูแผนที่ กราฟ และตาราง

    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):   # outside Jupyter the first view is printed
    ...     box = explore_provinces(show=False)
    >>> [type(w).__name__ for w in box.children]
    ['HBox', 'Output']
    """
    table = province_measures()
    regions = [ALL, *sorted(table["region_6"].unique())]
    try:
        import ipywidgets as w
    except ImportError:  # pragma: no cover - ipywidgets ships with the kit
        print(_WIDGETS_NOTE)
        _show_static(_province_view(table, measure, region, n, "bars"))
        return None
    measure_w = w.Dropdown(options=[(label, key) for key, (label, _u, _d) in MEASURES.items()],
                           value=measure, description="ตัวชี้วัด")
    region_w = w.Dropdown(options=regions, value=region, description="ภาค")
    n_w = w.IntSlider(value=n, min=3, max=20, description="จำนวน")
    view_w = w.ToggleButtons(options=[("กราฟแท่ง", "bars"), ("แผนที่", "map")], value="bars",
                             description="แบบ")

    def update(measure, region, n, view):
        _show_static(_province_view(table, measure, region, n, view))
        label, unit, decimals = MEASURES[measure]
        chosen = filter_table(table, region=region)
        print(viz.text_summary(top_n(chosen, measure, n), what=f"{label} ({n} จังหวัดแรก)", unit=unit,
                               decimals=decimals))

    out = w.interactive_output(update, {"measure": measure_w, "region": region_w, "n": n_w, "view": view_w})
    box = w.VBox([w.HBox([w.VBox([measure_w, region_w]), w.VBox([n_w, view_w])]), out])
    if show:
        from IPython.display import display

        display(box)
        print(_WIDGETS_NOTE)
        return None
    return box


def _province_view(table: pd.DataFrame, measure: str, region: str, n: int, view: str):
    label, unit, _decimals = MEASURES[measure]
    chosen = filter_table(table, region=region)
    where = "ทั้งประเทศ" if region == ALL else region
    if view == "map":
        values = chosen.set_index("province_code")[measure]
        return make_chart(values, kind="map", title=f"{label} ({where})", unit=unit, source=_SOURCE_POPULATION)
    return make_chart(top_n(chosen, measure, n), title=f"{label}: {n} จังหวัดแรก ({where})", unit=unit,
                      source=_SOURCE_POPULATION)


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
    show: bool = True,
):
    """Explorer for a long table: choose a group (province/station...) and a measure; see a line over time.

    ``measures`` maps a column to ``(Thai label, unit)``.  The line shows ``measure`` aggregated
    with ``how`` per ``time_col`` for the chosen group (or all groups together); ``time_label``
    (e.g. "เดือน") names the time points in the text summary.  ``show`` works as in
    :func:`explore_provinces`.

    สำรวจตารางแบบยาว: เลือกกลุ่ม (เช่น จังหวัด) และตัวชี้วัด แล้วดูกราฟเส้นตามเวลา

    >>> df = pd.DataFrame({"month": [1, 2, 1, 2], "province": ["ก", "ก", "ข", "ข"], "n": [1, 2, 3, 4]})
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     box = explore_table(df, measures={"n": ("จำนวน", "ครั้ง")}, time_col="month",
    ...                         group_col="province", source="ทดลอง", show=False)
    >>> box.children[0].children[0].options[0]
    'ทั้งหมด'
    """
    import ipywidgets as w

    groups = [ALL, *_sorted_choices(df[group_col].dropna().unique())]
    group_w = w.Dropdown(options=groups, value=ALL, description="เลือก")
    measure_w = w.Dropdown(options=[(label, key) for key, (label, _u) in measures.items()],
                           value=next(iter(measures)), description="ตัวชี้วัด")

    def update(group, measure):
        label, unit = measures[measure]
        chosen = df if group == ALL else df[df[group_col] == group]
        series = chosen.groupby(time_col)[measure].agg(how)
        where = "ทุกกลุ่มรวมกัน" if group == ALL else group
        _show_static(make_chart(series, kind="line", title=f"{label} ({where})", unit=unit, source=source,
                                year_axis=year_axis, xlabel=time_label.strip() or time_col))
        print(viz.text_summary(series, what=f"{label} ({where})", unit=unit, key_prefix=time_label))

    out = w.interactive_output(update, {"group": group_w, "measure": measure_w})
    box = w.VBox([w.HBox([group_w, measure_w]), out])
    if show:
        from IPython.display import display

        display(box)
        print(_WIDGETS_NOTE)
        return None
    return box
