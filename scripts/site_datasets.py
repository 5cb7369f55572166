"""Write one Markdown page per data set of ``data/datapackage.json`` for the course website.

Each page says what the file is (title, description, real or simulated, what it was derived
from), who published it, where it came from (source links, origin and fidelity of the copy), its
licence, its columns (``schema.fields`` or, for files that are not clean tables, ``kit:columns``)
and its quirks.  ``scripts/build_site.py`` calls :func:`write_pages`; the pages are MyST Markdown.
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from urllib.parse import quote

#: Frictionless field types in Thai (the glossary's words).
FIELD_TYPES = {
    "string": "ข้อความ",
    "integer": "จำนวนเต็ม",
    "number": "ตัวเลข",
    "boolean": "จริง/เท็จ",
    "date": "วันที่",
    "datetime": "วันที่และเวลา",
    "time": "เวลา",
    "year": "ปี",
    "any": "ไม่ระบุชนิด",
}
SIMULATED_NOTE = "ข้อมูลจำลอง (simulated): ชุดเรียนสร้างขึ้นเพื่อฝึกเท่านั้น ห้ามนำไปสรุปเป็นข้อเท็จจริง"
_ESCAPE = {ch: "\\" + ch for ch in string.punctuation}
_BRACES = re.compile(r"\{([^{}]*)\}")


def md(text: object) -> str:
    """Return ``text`` as literal Markdown: every ASCII punctuation mark backslash-escaped, one line.

    Hand-written because no installed library escapes for CommonMark/MyST; CommonMark allows a
    backslash before any ASCII punctuation, so escaping all of them is always safe.

    >>> md("a|b *c* [d](e)")
    'a\\\\|b \\\\*c\\\\* \\\\[d\\\\]\\\\(e\\\\)'
    >>> md("สองบรรทัด\\nต่อกัน")
    'สองบรรทัด ต่อกัน'
    """
    return " ".join(str(text).split()).translate(str.maketrans(_ESCAPE))


def link(title: object, url: str) -> str:
    """Return a Markdown link whose address may hold spaces, brackets or Thai letters.

    >>> link("ข่าว", "https://example.org/ข่าว (1)")
    '[ข่าว](<https://example.org/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7%20%281%29>)'
    """
    return f"[{md(title)}](<{quote(url, safe=':/?#[]@!$&*+,;=%~')}>)"


def expand(path: str) -> list[str]:
    """Expand the one ``{a,b}`` group that ``kit:derived_from`` may use to name several files.

    >>> expand("real/pm25/pcd_pm25_daily_{2021,2022}.csv")
    ['real/pm25/pcd_pm25_daily_2021.csv', 'real/pm25/pcd_pm25_daily_2022.csv']
    >>> expand("real/pm25/air4thai_stations.json")
    ['real/pm25/air4thai_stations.json']
    """
    match = _BRACES.search(path)
    if not match:
        return [path]
    return [path[: match.start()] + part + path[match.end() :] for part in match.group(1).split(",")]


def page_name(resource: dict) -> str:
    """Return the page (docname) of a data set, ``data/<name>``.

    >>> page_name({"name": "provinces"})
    'data/provinces'
    """
    return f"data/{resource['name']}"


def kind(resource: dict) -> str:
    """Say in Thai whether the data set is real or simulated; refuse to guess when it does not say.

    >>> kind({"kit:simulated": True})
    'ข้อมูลจำลอง (simulated): ชุดเรียนสร้างขึ้นเพื่อฝึกเท่านั้น ห้ามนำไปสรุปเป็นข้อเท็จจริง'
    >>> kind({"kit:simulated": False, "kit:derived_from": "real/x.csv"})
    'ข้อมูลจริง ที่ชุดเรียนแปลงมาจากไฟล์อื่น (derived)'
    >>> kind({})
    'ไม่ได้ระบุว่าเป็นข้อมูลจริงหรือข้อมูลจำลอง (ดู datapackage.json)'
    """
    simulated = resource.get("kit:simulated")
    if simulated is True:
        return SIMULATED_NOTE
    if simulated is False or resource.get("kit:real") is True:
        return "ข้อมูลจริง ที่ชุดเรียนแปลงมาจากไฟล์อื่น (derived)" if resource.get("kit:derived_from") else "ข้อมูลจริง"
    return "ไม่ได้ระบุว่าเป็นข้อมูลจริงหรือข้อมูลจำลอง (ดู datapackage.json)"


def _file_link(path: str, pages: dict[str, str], blob: str) -> str:
    """A link to the data set page of ``path`` (relative to data/), else to the file on the git host."""
    if path in pages:
        return f"[{md(path)}](<{pages[path].removeprefix('data/')}.md>)"
    return link(path, f"{blob}/data/{path}")


def _rows(resource: dict, pages: dict[str, str], blob: str) -> list[tuple[str, str]]:
    rows = [("ชื่อในโปรแกรม", f"`{resource['name']}`"), ("ประเภท", md(kind(resource)))]
    if resource.get("kit:publisher"):
        rows.append(("หน่วยงานเจ้าของข้อมูล", md(resource["kit:publisher"])))
    rows.append(("ไฟล์", link(f"data/{resource['path']}", f"{blob}/data/{resource['path']}")))
    for label, key in (("รูปแบบไฟล์", "format"), ("การเข้ารหัสอักขระ (encoding)", "encoding")):
        if resource.get(key):
            rows.append((label, md(resource[key])))
    if isinstance(resource.get("kit:rows"), int):
        rows.append(("จำนวนแถว", f"{resource['kit:rows']:,}"))
    if isinstance(resource.get("bytes"), int):
        rows.append(("ขนาดไฟล์", f"{resource['bytes']:,} ไบต์"))
    if resource.get("hash"):
        rows.append(("ค่าตรวจสอบความถูกต้องของไฟล์ (checksum)", f"`{resource['hash']}`"))
    if resource.get("kit:derived_from"):
        files = expand(resource["kit:derived_from"])
        rows.append(("ได้มาจาก", " ".join(_file_link(p, pages, blob) for p in files)))
    if resource.get("kit:sheets"):
        rows.append(("ชีตในไฟล์ Excel", md(" · ".join(s.strip() for s in resource["kit:sheets"]))))
    if resource.get("kit:generated_by"):
        rows.append(("สร้างด้วย", md(resource["kit:generated_by"])))
    return rows


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def dataset_page(resource: dict, pages: dict[str, str], blob: str) -> str:
    """Return the MyST Markdown page of one data set.

    ``pages`` maps a path inside data/ to its data set page; ``blob`` is the repository's file
    address on the git host (``REPO_URL/blob/BRANCH``).

    >>> page = dataset_page({"name": "x", "title": "ตาราง x", "path": "x.csv", "kit:simulated": True,
    ...     "schema": {"fields": [{"name": "year", "title": "ปี", "type": "integer"}]}}, {}, "https://h/blob/main")
    >>> page.splitlines()[0], "| `year` | ปี | จำนวนเต็ม |" in page, ":::{warning}" in page
    ('# ตาราง x', True, True)
    """
    out = [f"# {md(resource.get('title') or resource['name'])}", ""]
    if resource.get("kit:simulated") is True:
        out += [":::{warning}", SIMULATED_NOTE, ":::", ""]
    if resource.get("description"):
        out += [md(resource["description"]), ""]
    out += ["## ข้อมูลโดยย่อ", "", *_table(("รายการ", "รายละเอียด"), _rows(resource, pages, blob)), ""]

    sources = resource.get("sources") or []
    if sources:
        out += ["## แหล่งที่มา", ""]
        for source in sources:
            title = source.get("title") or source.get("path") or ""
            path = source.get("path")
            out.append(f"- {link(title, path) if path and '://' in path else md(title)}")
        out.append("")
    licenses = resource.get("licenses") or []
    out += ["## สัญญาอนุญาต (license)", ""]
    if not licenses:
        out += ["- ไม่ได้ระบุ: ให้อ้างอิงแหล่งที่มาทุกครั้ง", ""]
    for licence in licenses:
        title = licence.get("title") or licence.get("name") or ""
        out.append(f"- {link(title, licence['path']) if licence.get('path') else md(title)}")
    out.append("")

    notes = [
        ("ที่มาของสำเนา", resource.get("kit:origin")),
        ("ความตรงกับต้นฉบับ", resource.get("kit:fidelity")),
        ("วิธีที่ได้มา", resource.get("kit:derived")),
        ("สร้างให้เหมือน", resource.get("kit:modelled_on")),
        ("ตัวเลขยึดตาม", resource.get("kit:anchored_on")),
        ("นิยามและข้อควรระวัง", resource.get("kit:definition")),
    ]
    notes = [(label, value) for label, value in notes if value]
    if notes:
        out += ["## ที่มาและความน่าเชื่อถือ", ""]
        out += [f"- **{label}:** {md(value)}" for label, value in notes]
        out.append("")
    quirks = resource.get("kit:quirks") or []
    if quirks:
        out += ["## จุดที่ต้องระวังในไฟล์ (quirks)", ""]
        out += [f"- {md(quirk)}" for quirk in quirks]
        out.append("")

    fields = (resource.get("schema") or {}).get("fields")
    heading = "## โครงสร้างตาราง (schema)"
    if not fields and resource.get("kit:columns"):
        fields, heading = resource["kit:columns"], "## คอลัมน์ที่พบในไฟล์"
    if fields:
        rows = [
            (f"`{f['name']}`" if "`" not in f["name"] else md(f["name"]),
             md(f.get("title") or ""), md(FIELD_TYPES.get(f.get("type", "any"), f.get("type", ""))))
            for f in fields
        ]  # fmt: skip
        out += [heading, "", *_table(("คอลัมน์", "ความหมาย", "ชนิดข้อมูล"), rows), ""]

    out += [
        "## เปิดในโน้ตบุ๊ก",
        "",
        "```python",
        "from helpers import data",
        "",
        f'data.info("{resource["name"]}")   # คำอธิบาย แหล่งที่มา และสัญญาอนุญาต',
        f'data.path("{resource["name"]}")   # ที่อยู่ของไฟล์ในชุดเรียน',
        "```",
        "",
    ]
    return "\n".join(out)


def index_section(resources: list[dict]) -> str:
    """Return the list of every data set (a table and the hidden table of contents) for data/index.

    >>> text = index_section([{"name": "p", "title": "จังหวัด", "kit:simulated": False, "kit:rows": 77}])
    >>> "| [จังหวัด](p.md) | ข้อมูลจริง | 77 |" in text and "```{toctree}" in text
    True
    """
    rows = [
        (f"[{md(r.get('title') or r['name'])}]({r['name']}.md)",
         md(kind(r).split(":")[0]), f"{r['kit:rows']:,}" if isinstance(r.get("kit:rows"), int) else "")
        for r in resources
    ]  # fmt: skip
    toc = ["```{toctree}", ":hidden:", ":maxdepth: 1", "", *[r["name"] for r in resources], "```"]
    return "\n".join(["## ทุกชุดข้อมูล", "", *_table(("ชุดข้อมูล", "ประเภท", "จำนวนแถว"), rows), "", *toc, ""])


def write_pages(package: dict, folder: Path, blob: str) -> list[str]:
    """Write ``folder/data/<name>.md`` for every resource; return their page names in order.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     names = write_pages({"resources": [{"name": "p", "title": "จังหวัด", "path": "p.csv"}]},
    ...                         Path(tmp), "https://h/blob/main")
    ...     text = (Path(tmp) / "data" / "p.md").read_text(encoding="utf-8")
    >>> names, text.startswith("# จังหวัด")
    (['data/p'], True)
    """
    resources = package.get("resources") or []
    pages = {r["path"]: page_name(r) for r in resources}
    (folder / "data").mkdir(parents=True, exist_ok=True)
    names = []
    for resource in resources:
        name = page_name(resource)
        (folder / f"{name}.md").write_text(dataset_page(resource, pages, blob), encoding="utf-8")
        names.append(name)
    return names
