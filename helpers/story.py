"""One-page data story: question, chart, finding, limits and sources, as Markdown or HTML; Thai citations.

เรื่องเล่าจากข้อมูลหนึ่งหน้า (data story): คำถาม กราฟ ข้อค้นพบ ข้อจำกัด และแหล่งที่มา
ประกอบเป็นหน้าเดียวทั้งแบบ Markdown (แสดงในโน้ตบุ๊ก) และ HTML (ส่งต่อเป็นไฟล์เดียว)
และเขียนการอ้างอิงชุดข้อมูลภาษาไทยตามแม่แบบเดียวกันทั้งชุดเรียน::

    <หน่วยงาน>. (<ปี พ.ศ. ที่เผยแพร่ หรือ "ไม่ระบุปี">). <ชื่อชุดข้อมูล> [ชุดข้อมูล]. <แหล่ง/URL>.
    สัญญาอนุญาต: <ตามที่ระบุ>. สืบค้นเมื่อ <วันที่>.

The HTML is built by hand from the parts (each escaped with :func:`html.escape`) rather than by a
Markdown converter, so the page needs no extra package and the same parts give the same page.

>>> s = data_story(title="ทดลอง", question="จังหวัดใดโต?", finding="ตากโตที่สุด",
...                limits=["นับตามทะเบียน"], sources=["กรมการปกครอง. (ไม่ระบุปี). ..."])
>>> print(s.to_markdown().splitlines()[0])
# ทดลอง
"""

from __future__ import annotations

import base64
import datetime as _dt
import fnmatch
import html
import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .thai import BE_OFFSET, THAI_MONTHS

__all__ = ["CITATION_TEMPLATE", "thai_date", "citation_th", "cite", "DataStory", "data_story"]

#: The one citation template of the kit (also in notebook 12 and its rubric).
CITATION_TEMPLATE = (
    '<หน่วยงาน>. (<ปี พ.ศ. ที่เผยแพร่ หรือ "ไม่ระบุปี">). <ชื่อชุดข้อมูล> [ชุดข้อมูล]. '
    "<แหล่ง/URL>. สัญญาอนุญาต: <ตามที่ระบุ>. สืบค้นเมื่อ <วันที่>."
)

_NOT_STATED = "ต้นทางไม่ได้ระบุ"
_HEADINGS = {
    "question": "คำถาม",
    "chart": "กราฟ",
    "finding": "ข้อค้นพบ",
    "limits": "ข้อจำกัดของข้อมูล",
    "sources": "แหล่งที่มาของข้อมูล",
}


def thai_date(day: _dt.date | str) -> str:
    """Write a date the Thai way: day, full month name, B.E. year (text is returned unchanged).

    >>> thai_date(_dt.date(2026, 12, 1))
    '1 ธันวาคม 2569'
    >>> thai_date("1 ธ.ค. 2569")
    '1 ธ.ค. 2569'
    """
    if isinstance(day, str):
        if not day.strip():
            raise ValueError("วันที่สืบค้นว่างอยู่: ใส่วันที่ที่คุณเปิดหรือดาวน์โหลดข้อมูล")
        return day.strip()
    if not isinstance(day, _dt.date):
        raise TypeError(f"วันที่ต้องเป็น datetime.date หรือข้อความ แต่ได้ {type(day).__name__}")
    return f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + BE_OFFSET}"


def citation_th(
    publisher: str,
    title: str,
    source: str,
    licence: str,
    *,
    accessed: _dt.date | str,
    year: int | str | None = None,
) -> str:
    """Fill the kit's Thai citation template for a data set (``year`` is the B.E. year it was published).

    อ้างอิงชุดข้อมูลตามแม่แบบของชุดเรียน ถ้าไม่รู้ปีที่เผยแพร่ให้เว้นไว้ จะเขียนว่า "ไม่ระบุปี"

    >>> print(citation_th("กรมการปกครอง", "ประชากรตามทะเบียนราษฎร", "https://stat.bora.dopa.go.th",
    ...                   "ต้นทางไม่ได้ระบุ", accessed=_dt.date(2026, 12, 1)))
    กรมการปกครอง. (ไม่ระบุปี). ประชากรตามทะเบียนราษฎร [ชุดข้อมูล]. https://stat.bora.dopa.go.th. สัญญาอนุญาต: ต้นทางไม่ได้ระบุ. สืบค้นเมื่อ 1 ธันวาคม 2569.
    >>> citation_th("", "x", "y", "z", accessed="1 ธ.ค. 2569")
    Traceback (most recent call last):
    ...
    ValueError: การอ้างอิงยังขาด หน่วยงาน: ใส่ให้ครบก่อน (ดูได้จาก data.info(...))
    """
    parts = {"หน่วยงาน": publisher, "ชื่อชุดข้อมูล": title, "แหล่ง/URL": source, "สัญญาอนุญาต": licence}
    for label, value in parts.items():
        if not str(value or "").strip():
            raise ValueError(f"การอ้างอิงยังขาด {label}: ใส่ให้ครบก่อน (ดูได้จาก data.info(...))")
    if year is not None and not str(year).strip().isdigit():
        raise ValueError(f"ปีที่เผยแพร่ต้องเป็นปี พ.ศ. (ตัวเลข) แต่ได้ {year!r}: ถ้าไม่รู้ให้เว้นไว้")
    if year is not None and int(year) < 2400:
        raise ValueError(f"ปี {year} ดูเหมือนปี ค.ศ.: ใช้ปี พ.ศ. (ค.ศ. + {BE_OFFSET})")
    when = str(year).strip() if year is not None else "ไม่ระบุปี"
    return (
        f"{publisher.strip()}. ({when}). {title.strip()} [ชุดข้อมูล]. {source.strip().rstrip('.')}. "
        f"สัญญาอนุญาต: {licence.strip()}. สืบค้นเมื่อ {thai_date(accessed)}."
    )


def _resource(name: str) -> dict:
    from . import data

    data.info(name)  # the kit's own Thai error for an unknown name
    return next(r for r in data.package()["resources"] if r["name"] == name)


def cite(name: str, *, accessed: _dt.date | str, year: int | str | None = None) -> str:
    """Cite one of the kit's data sets in the Thai template, filled from :func:`helpers.data.info`.

    A checkpoint (a table the kit cleaned) is cited by its original file, the agency's data.
    When the kit's copy was not checked against the agency's file, a note says so after the
    citation.  The licence is written as the source states it, or "ต้นทางไม่ได้ระบุ".

    อ้างอิงชุดข้อมูลที่มากับชุดเรียน: หน่วยงาน ชื่อ ลิงก์ และสัญญาอนุญาตมาจาก ``data.info(name)``

    >>> print(cite("niems-newyear-2551-2558", accessed="1 ธันวาคม 2569"))   # doctest: +ELLIPSIS
    สถาบันการแพทย์ฉุกเฉินแห่งชาติ (สพฉ.). (ไม่ระบุปี). ผู้บาดเจ็บ... [ชุดข้อมูล]. https://data.go.th/dataset/item_7d61f508-... สัญญาอนุญาต: Creative Commons Attributions. สืบค้นเมื่อ 1 ธันวาคม 2569. หมายเหตุ: สำเนาในชุดเรียน ไม่ได้ตรวจเทียบ...
    >>> cite("dopa-population-clean", accessed="1 ธ.ค. 2569").startswith("กรมการปกครอง")
    True
    >>> cite("pcd-pm25-daily-clean", accessed="1 ธ.ค. 2569")     # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: pcd-pm25-daily-clean ทำความสะอาดมาจากหลายไฟล์... อ้างอิงทีละไฟล์ด้วย cite(ชื่อไฟล์ต้นทาง, ...)
    """
    from . import data

    res = _resource(name)
    derived = res.get("kit:derived_from")
    if derived:  # a checkpoint: cite the agency's file it was cleaned from
        origins = [r for r in data.package()["resources"] if fnmatch.fnmatchcase(r["path"], _glob(derived))]
        if len(origins) != 1:
            names = ", ".join(f'"{r["name"]}"' for r in origins) or derived
            raise ValueError(
                f"{name} ทำความสะอาดมาจากหลายไฟล์หรือไฟล์ที่ไม่อยู่ในชุดเรียน ({names}): "
                "อ้างอิงทีละไฟล์ด้วย cite(ชื่อไฟล์ต้นทาง, ...)"
            )
        res = origins[0]
    meta = data.info(res["name"])
    if meta["simulated"]:
        raise ValueError(f"{name} เป็นข้อมูลจำลอง: อ้างอิงเป็นชุดข้อมูลของหน่วยงานไม่ได้")
    first = (res.get("sources") or [{}])[0]
    publisher = res.get("kit:publisher") or first.get("title", "")
    source = first.get("path") or "ไม่มีลิงก์ของหน่วยงาน (ชุดข้อมูลที่มากับชุดเรียน)"
    licence = "; ".join(dict.fromkeys(_licence_label(lic) for lic in res.get("licenses", []))) or _NOT_STATED
    text = citation_th(publisher, meta["title"], source, licence, accessed=accessed, year=year)
    fidelity = res.get("kit:fidelity")
    if fidelity:
        text += f" หมายเหตุ: สำเนาในชุดเรียน {fidelity}"
        if res.get("kit:origin"):
            text += f" ได้มาจาก {res['kit:origin'].split(' @ ')[0]}"
        text += "."
    return text


def _licence_label(lic: dict) -> str:
    """The licence as the source states it: the label without the kit's note in brackets."""
    name = lic.get("name", "")
    if name in {"not-stated", "other-at", "see-source", ""}:
        return _NOT_STATED
    if name == "metadata":  # the catalogue sample: every record states its own licence
        return "แต่ละระเบียนระบุเองในช่อง license_title"
    return (lic.get("title") or name).split(" (")[0].strip() or name


def _glob(path: str) -> str:
    """Turn a recorded ``a_{2021,2022}.csv`` pattern into the glob ``a_*.csv`` (one ``*`` per braces)."""
    return re.sub(r"\{[^{}]*\}", "*", path)


@dataclass(frozen=True)
class DataStory:
    """A one-page data story; shows as Markdown in a notebook, saves as ``.md`` and ``.html``."""

    title: str
    question: str
    finding: str
    limits: tuple[str, ...]
    sources: tuple[str, ...]
    chart: Path | None = None
    chart_text: str = ""
    author: str = ""

    def to_markdown(self, *, relative_to: str | Path | None = None) -> str:
        """The page as Markdown; the chart's path is written relative to ``relative_to`` if given.

        >>> s = DataStory(title="ท", question="ถาม", finding="พบ", limits=("ก",), sources=("ข",),
        ...               chart=Path("outputs/c.png"), chart_text="คำบรรยาย")
        >>> "![คำบรรยาย](c.png)" in s.to_markdown(relative_to="outputs")
        True
        """
        lines = [f"# {self.title}", ""]
        if self.author:
            lines += [f"*{self.author}*", ""]
        lines += [f"**{_HEADINGS['question']}:** {self.question}", ""]
        if self.chart is not None:
            target = Path(self.chart)
            if relative_to is not None:
                target = Path(os.path.relpath(target, relative_to))
            lines += [f"![{self.chart_text or self.title}]({target.as_posix()})", ""]
            if self.chart_text:
                lines += [f"*{self.chart_text}*", ""]
        lines += [f"**{_HEADINGS['finding']}:** {self.finding}", "", f"**{_HEADINGS['limits']}**", ""]
        lines += [f"- {item}" for item in self.limits]
        lines += ["", f"**{_HEADINGS['sources']}**", ""]
        lines += [f"{i}. {item}" for i, item in enumerate(self.sources, 1)]
        return "\n".join(lines) + "\n"

    def to_html(self, *, embed_chart: bool = True) -> str:
        """The page as one HTML file (UTF-8); with ``embed_chart`` the image travels inside the file.

        >>> s = data_story(title="<ท>", question="ถาม", finding="พบ", limits=["ก"], sources=["ข"])
        >>> "&lt;ท&gt;" in s.to_html() and '<html lang="th">' in s.to_html()
        True
        """
        e = html.escape
        body = [f"<h1>{e(self.title)}</h1>"]
        if self.author:
            body.append(f"<p><em>{e(self.author)}</em></p>")
        body.append(f"<p><strong>{_HEADINGS['question']}:</strong> {e(self.question)}</p>")
        if self.chart is not None:
            src = Path(self.chart).as_posix()
            if embed_chart:
                kind = mimetypes.guess_type(str(self.chart))[0] or "image/png"
                src = f"data:{kind};base64," + base64.b64encode(Path(self.chart).read_bytes()).decode("ascii")
            alt = e(self.chart_text or self.title, quote=True)
            body.append(
                f'<figure><img src="{src}" alt="{alt}" style="max-width:100%">'
                + (f"<figcaption>{e(self.chart_text)}</figcaption>" if self.chart_text else "")
                + "</figure>"
            )
        body.append(f"<p><strong>{_HEADINGS['finding']}:</strong> {e(self.finding)}</p>")
        body.append(
            f"<h2>{_HEADINGS['limits']}</h2><ul>" + "".join(f"<li>{e(x)}</li>" for x in self.limits) + "</ul>"
        )
        body.append(
            f"<h2>{_HEADINGS['sources']}</h2><ol>"
            + "".join(f"<li>{e(x)}</li>" for x in self.sources)
            + "</ol>"
        )
        style = (
            "body{font-family:Sarabun,'Noto Sans Thai',Tahoma,sans-serif;max-width:52rem;margin:2rem auto;"
            "padding:0 1rem;line-height:1.6}figcaption{font-style:italic}"
        )
        return (
            '<!DOCTYPE html>\n<html lang="th">\n<head><meta charset="utf-8">'
            f"<title>{e(self.title)}</title><style>{style}</style></head>\n<body>\n"
            + "\n".join(body)
            + "\n</body>\n</html>\n"
        )

    def save(self, name: str, folder: str | Path = "outputs") -> list[Path]:
        """Write ``<name>.md`` and ``<name>.html`` into ``folder`` (made if needed); return the paths.

        >>> import tempfile
        >>> s = data_story(title="ท", question="ถาม", finding="พบ", limits=["ก"], sources=["ข"])
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     [p.name for p in s.save("เรื่องของฉัน", folder=tmp)]
        ['เรื่องของฉัน.md', 'เรื่องของฉัน.html']
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        md, page = folder / f"{name}.md", folder / f"{name}.html"
        md.write_text(self.to_markdown(relative_to=folder), encoding="utf-8")
        page.write_text(self.to_html(), encoding="utf-8")
        return [md, page]

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _ipython_display_(self) -> None:
        # In a notebook the chart is shown as an image output, not as a Markdown link to a file in
        # outputs/: a fresh copy of the kit (or the website) has no outputs/ folder, and a link to
        # it would be broken.  The saved .md/.html pages keep their own chart (see save()).
        from IPython.display import Image, Markdown, display

        if self.chart is None or not Path(self.chart).is_file():
            display(Markdown(self.to_markdown()))
            return
        text = self.to_markdown()
        image_line = next(line for line in text.splitlines() if line.startswith("!["))
        before, after = text.split(image_line, 1)
        display(Markdown(before))
        display(Image(filename=str(self.chart)))
        display(Markdown(after))

    def __str__(self) -> str:
        return self.to_markdown()


def data_story(
    *,
    title: str,
    question: str,
    finding: str,
    limits,
    sources,
    chart: str | Path | None = None,
    chart_text: str = "",
    author: str = "",
) -> DataStory:
    """Assemble a one-page data story; refuse, in Thai, a story without a question, finding, limit or source.

    ประกอบเรื่องเล่าจากข้อมูลหนึ่งหน้า ต้องมีคำถาม ข้อค้นพบ ข้อจำกัดอย่างน้อยหนึ่งข้อ
    และแหล่งที่มาอย่างน้อยหนึ่งแหล่ง ถ้าใส่กราฟ ไฟล์ภาพต้องมีอยู่จริง

    >>> data_story(title="ท", question="ถาม", finding="พบ", limits=[], sources=["ข"])
    Traceback (most recent call last):
    ...
    ValueError: เรื่องเล่าจากข้อมูลต้องมีข้อจำกัดของข้อมูลอย่างน้อยหนึ่งข้อ
    """
    for label, value in (("ชื่อเรื่อง", title), ("คำถาม", question), ("ข้อค้นพบ", finding)):
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"เรื่องเล่าจากข้อมูลต้องมี{label} (ข้อความที่ไม่ว่าง)")
    if isinstance(limits, str) or isinstance(sources, str):
        raise TypeError('limits และ sources ต้องเป็นรายการ (list) ของข้อความ เช่น ["ข้อจำกัดข้อแรก"]')
    limits = tuple(str(x).strip() for x in limits if str(x).strip())
    sources = tuple(str(x).strip() for x in sources if str(x).strip())
    if not limits:
        raise ValueError("เรื่องเล่าจากข้อมูลต้องมีข้อจำกัดของข้อมูลอย่างน้อยหนึ่งข้อ")
    if not sources:
        raise ValueError("เรื่องเล่าจากข้อมูลต้องมีแหล่งที่มาอย่างน้อยหนึ่งแหล่ง (ใช้ story.cite(...))")
    if chart is not None and not Path(chart).is_file():
        raise FileNotFoundError(f"ไม่พบไฟล์กราฟ {chart}: บันทึกกราฟด้วย viz.save_figure(...) ก่อน")
    return DataStory(
        title=title.strip(),
        question=question.strip(),
        finding=finding.strip(),
        limits=limits,
        sources=sources,
        chart=Path(chart) if chart is not None else None,
        chart_text=chart_text.strip(),
        author=author.strip(),
    )
