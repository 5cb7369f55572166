"""Thai help after an error: one short explanation and fix for what beginners meet most.

หลังข้อความแจ้งข้อผิดพลาด (traceback) ตามปกติของ Python ชุดเรียนจะเพิ่มคำอธิบายภาษาไทยสั้น ๆ
ว่าเกิดอะไรขึ้นและแก้อย่างไร สำหรับข้อผิดพลาดที่ผู้เริ่มต้นพบบ่อย ``helpers.setup()`` ติดตั้งให้เอง

``explain(exc, namespace)`` returns the Thai text (or None); ``install(shell)`` hooks it into IPython
(``set_custom_exc`` for errors raised while a cell runs, and the shell's syntax-error display for
code that cannot even be read).  IPython has no Thai messages of its own, so this is written here.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

__all__ = ["explain", "install", "last_error", "show_error"]

_RUN_ABOVE = (
    "เลือกเซลล์นี้ แล้วสั่ง Run → Run All Above (รันทุกเซลล์ด้านบน) แล้วรันเซลล์นี้อีกครั้ง "
    "ถ้ายังไม่หาย ให้ตรวจว่าสะกดชื่อตรงกับที่สร้างไว้ทุกตัวอักษร (ตัวพิมพ์เล็ก-ใหญ่ต่างกัน)"
)

#: What the last failed cell raised: {"execution_count": n, "type": "NameError"} (read by check()).
_LAST: dict[str, Any] = {}


def last_error() -> dict:
    """Return what the most recent failing cell raised (empty when no cell has failed).

    >>> isinstance(last_error(), dict)
    True
    """
    return {k: v for k, v in _LAST.items() if k != "shown"}


def _frames(namespace: dict | None) -> dict[str, Any]:
    import pandas as pd

    return {
        name: value
        for name, value in (namespace or {}).items()
        if not name.startswith("_") and isinstance(value, pd.DataFrame)
    }


def _close_columns(key: str, namespace: dict | None) -> list[str]:
    columns = {str(c) for frame in _frames(namespace).values() for c in frame.columns}
    return difflib.get_close_matches(str(key), sorted(columns), n=3, cutoff=0.5)


def explain(exc: BaseException, namespace: dict | None = None) -> str | None:
    """Return a short Thai explanation and fix for a beginner's error, or None for other errors.

    ``namespace`` (the notebook's variables) lets the KeyError help name the closest column names.

    >>> print(explain(NameError("name 'provinces' is not defined")))
    ยังไม่มีตัวแปรชื่อ provinces: มักเกิดเพราะยังไม่ได้รันเซลล์ด้านบนที่สร้างมันขึ้นมา (หรือเคอร์เนลเพิ่งเริ่มใหม่) ...
    >>> import pandas as pd
    >>> print(explain(KeyError("จังหวัด_"), {"df": pd.DataFrame(columns=["จังหวัด", "ภาค"])}))
    ไม่มีคอลัมน์หรือคีย์ชื่อ 'จังหวัด_' ... ชื่อที่ใกล้เคียงคือ 'จังหวัด' ...
    >>> explain(ZeroDivisionError()) is None
    True
    """
    if isinstance(exc, NameError):
        match = re.search(r"name '([^']+)' is not defined", str(exc))
        name = match.group(1) if match else "นี้"
        return (
            f"ยังไม่มีตัวแปรชื่อ {name}: มักเกิดเพราะยังไม่ได้รันเซลล์ด้านบนที่สร้างมันขึ้นมา "
            f"(หรือเคอร์เนลเพิ่งเริ่มใหม่) วิธีแก้: {_RUN_ABOVE}"
        )
    if isinstance(exc, ModuleNotFoundError):
        module = exc.name or ""
        if module.split(".")[0] == "helpers":
            return (
                "เคอร์เนลนี้ยังไม่รู้จักแพ็กเกจ helpers ของชุดเรียน: เปิดชุดเรียนด้วยคำสั่ง python kit.py lab "
                "(บน Windows: py kit.py lab) หรือใช้ลิงก์ Binder/Colab ใน README แล้วเลือกเคอร์เนลของชุดเรียน"
            )
        return (
            f"ยังไม่ได้ติดตั้งแพ็กเกจ {module}: ชุดเรียนติดตั้งทุกอย่างที่ใช้ให้แล้ว ถ้าเพิ่งติดตั้งใหม่ให้สั่ง "
            "Kernel → Restart Kernel ถ้าแพ็กเกจนี้ไม่ได้อยู่ในชุดเรียน ให้ถามผู้สอนก่อนติดตั้งเพิ่ม"
        )
    if isinstance(exc, FileNotFoundError):
        return (
            "หาไฟล์ไม่พบ: ที่อยู่ไฟล์แบบสั้น (เช่น data.csv) นับจากโฟลเดอร์ของโน้ตบุ๊กนี้ ไม่ใช่โฟลเดอร์หลัก "
            'ข้อมูลของชุดเรียนให้เปิดด้วย helpers.data.load("ชื่อ") และดูรายชื่อด้วย helpers.data.datasets() '
            "ไฟล์ของชุดเรียนที่หายไปกู้คืนได้ด้วย helpers.data.restore()"
        )
    if isinstance(exc, UnicodeDecodeError):
        return (
            "อ่านตัวอักษรในไฟล์ไม่ได้ เพราะไฟล์ไม่ได้เข้ารหัสอักขระ (encoding) แบบที่สั่งอ่าน ไฟล์ภาษาไทยรุ่นเก่า "
            'มักเป็น cp874 (TIS-620): ใช้ helpers.clean.read_csv_th("ไฟล์.csv") ซึ่งตรวจการเข้ารหัสอักขระให้ '
            'หรือ pd.read_csv("ไฟล์.csv", encoding="cp874")'
        )
    if isinstance(exc, IndentationError):
        return (
            "ย่อหน้าของบรรทัดไม่ตรงกัน: บรรทัดในบล็อกเดียวกัน (หลัง if, for, def ที่ลงท้ายด้วย :) ต้องเว้นหน้าเท่ากัน "
            "ใช้ช่องว่าง 4 ช่อง และอย่าปนปุ่ม Tab กับช่องว่าง"
        )
    if isinstance(exc, SyntaxError):
        text = f"{exc.text or ''}"
        quotes = "“" in text or "”" in text or "‘" in text or "’" in text
        extra = (
            " ในบรรทัดนี้มีเครื่องหมายคำพูดแบบโค้ง (“ ” หรือ ‘ ’) ที่มักติดมาจากการคัดลอก: พิมพ์ใหม่เป็น \" หรือ '"
            if quotes
            else ""
        )
        return (
            "Python อ่านโค้ดนี้ไม่ออก (ผิดไวยากรณ์): ตรวจวงเล็บและเครื่องหมายคำพูดว่าเปิดแล้วปิดครบคู่ "
            "ตรวจจุลภาค (,) ระหว่างค่า และเครื่องหมาย : ท้าย if/for/def ลูกศร ^ ในข้อความด้านบนชี้จุดที่ Python สะดุด"
            + extra
        )
    if isinstance(exc, KeyError):
        key = exc.args[0] if exc.args else ""
        close = _close_columns(str(key), namespace)
        hint = (
            f" ชื่อที่ใกล้เคียงคือ {', '.join(repr(c) for c in close)}"
            if close
            else " ดูชื่อคอลัมน์ทั้งหมดด้วย ชื่อตาราง.columns"
        )
        return (
            f"ไม่มีคอลัมน์หรือคีย์ชื่อ {key!r} ตรวจการสะกด ช่องว่าง และตัวพิมพ์เล็ก-ใหญ่{hint} "
            "(ชื่อคอลัมน์ภาษาไทยต้องตรงทุกตัวอักษร รวมสระและวรรณยุกต์)"
        )
    message = str(exc)
    if isinstance(exc, (TypeError, ValueError)) and re.search(
        r"Cannot perform '(r?and_|r?or_)'|truth value of a (Series|DataFrame) is ambiguous", message
    ):
        return (
            "รวมเงื่อนไขหลายข้อต้องใส่วงเล็บครอบทุกเงื่อนไข และใช้ & (และ) | (หรือ) ~ (ไม่) แทน and/or/not "
            'เช่น df[(df["ภาค"] == "ภาคเหนือ") & (df["ประชากร"] > 1_000_000)] '
            "เพราะ Python ทำ & ก่อน == และ > ถ้าไม่มีวงเล็บจะได้ลำดับการคำนวณผิด"
        )
    if isinstance(exc, TypeError):
        if re.search(
            r"can only concatenate str|unsupported operand type\(s\).*'(str|int|float)'.*'(str|int|float)'"
            r"|must be str, not|can't multiply sequence",
            message,
        ):
            return (
                'นำข้อความ (str) มาคำนวณกับตัวเลขโดยตรงไม่ได้ เช่น "10" + 5 ถ้าต้องการคำนวณ ให้แปลงข้อความเป็นตัวเลขก่อน '
                'ด้วย int("10") หรือ float(...) (ตัวเลขในไฟล์ราชการที่มีจุลภาคหรือเลขไทย ใช้ helpers.clean.to_number) '
                "ถ้าต้องการต่อข้อความ ให้แปลงตัวเลขเป็นข้อความด้วย str(5)"
            )
    return None


def show_error(code: str, namespace: dict | None = None) -> None:
    """Run ``code`` on purpose to show the error it raises: its last line and the Thai explanation.

    For lessons that teach reading an error: the cell does not stop and stores no error output, and
    only the last line of the traceback is printed (the stack above it names files that differ from
    machine to machine).  Running the same code in a cell of one's own shows the full message.

    >>> show_error("1 + '1'")
    ตัวอย่างข้อผิดพลาด (บรรทัดสุดท้ายของข้อความ):
    TypeError: unsupported operand type(s) for +: 'int' and 'str'
    <BLANKLINE>
    💡 คำอธิบายภาษาไทย: นำข้อความ (str) มาคำนวณกับตัวเลขโดยตรงไม่ได้ ...
    >>> show_error("1 + 1")
    Traceback (most recent call last):
    ...
    ValueError: โค้ดนี้ไม่เกิดข้อผิดพลาด: '1 + 1'
    """
    import traceback

    namespace = {} if namespace is None else namespace
    try:
        exec(compile(code, "<ตัวอย่าง>", "exec"), namespace)  # noqa: S102 - the lesson's own example
    except Exception as exc:  # the error is the point of the example
        last = traceback.format_exception_only(type(exc), exc)[-1].rstrip("\n")
        print("ตัวอย่างข้อผิดพลาด (บรรทัดสุดท้ายของข้อความ):")
        print(last)
        note = explain(exc, namespace)
        if note:
            _print_note(note)
        return
    raise ValueError(f"โค้ดนี้ไม่เกิดข้อผิดพลาด: {code!r}")


def _print_note(text: str) -> None:
    print("\n💡 คำอธิบายภาษาไทย: " + text)


def install(shell=None) -> bool:
    """Add the Thai explanations to an IPython shell (the running one by default); True when installed.

    Idempotent: installing twice adds the note once.

    >>> class Shell:                       # a stand-in with the two IPython hooks used
    ...     calls = 0
    ...     def set_custom_exc(self, types, handler): Shell.calls += 1
    ...     def showsyntaxerror(self, *a, **k): pass
    >>> shell = Shell()
    >>> install(shell), install(shell), Shell.calls
    (True, True, 1)
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython ships with Jupyter
            return False
        shell = get_ipython()
    if shell is None:
        return False
    if getattr(shell, "_kit_errorhelp", False):
        return True

    def handler(self, etype, value, tb, tb_offset=None):
        self.showtraceback((etype, value, tb), tb_offset=tb_offset)  # may show a SyntaxError itself
        if _LAST.get("shown") == id(value):
            return
        _LAST.update(execution_count=self.execution_count, type=etype.__name__, shown=id(value))
        note = explain(value, self.user_ns)
        if note:
            _print_note(note)

    shell.set_custom_exc((Exception,), handler)
    original = shell.showsyntaxerror

    def showsyntaxerror(*args, **kwargs):
        original(*args, **kwargs)
        import sys

        value = sys.last_value if hasattr(sys, "last_value") else None
        if value is None or _LAST.get("shown") == id(value):  # IPython may show one error twice
            return
        _LAST.update(execution_count=shell.execution_count, type=type(value).__name__, shown=id(value))
        note = explain(value) if isinstance(value, SyntaxError) else None
        if note:
            _print_note(note)

    shell.showsyntaxerror = showsyntaxerror
    shell._kit_errorhelp = True
    return True
