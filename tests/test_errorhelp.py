"""Thai help after a beginner's error: explanations, the IPython hook, and a real kernel."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from helpers import errorhelp


def _raise(code: str, namespace: dict | None = None) -> BaseException:
    try:
        exec(compile(code, "<cell>", "exec"), {} if namespace is None else namespace)  # noqa: S102
    except BaseException as exc:  # the error a learner would see
        return exc
    raise AssertionError(f"{code!r} did not raise")


@pytest.mark.parametrize(
    "code,words",
    [
        ("provinces.head()", ["provinces", "Run All Above"]),
        ("open('no-such-file.csv')", ["หาไฟล์ไม่พบ", "helpers.data.load"]),
        ("b'\\xa1\\xb2'.decode('utf-8')", ["cp874", "read_csv_th"]),
        ("import helpers_not_there", ["helpers_not_there", "Restart Kernel"]),
        ("'10' + 5", ["int(", "to_number"]),
        ("5 + '10'", ["int(", "str(5)"]),
    ],
)
def test_beginner_errors_get_a_thai_fix(code, words):
    text = errorhelp.explain(_raise(code))
    assert text and all(w in text for w in words), text


@pytest.mark.parametrize(
    "code",
    [
        "df[df['a'] == 1 & df['b'] > 2]",  # & binds before == and >: pandas raises TypeError
        "df[(df['a'] == 1) and (df['b'] > 2)]",  # and on two Series: ambiguous truth value
    ],
)
def test_conditions_without_parentheses_get_the_parentheses_fix(code):
    frame = pd.DataFrame({"a": [1, 2], "b": [3, 1]})
    text = errorhelp.explain(_raise(code, {"df": frame}))
    assert text and "วงเล็บ" in text and "&" in text


def test_module_not_found_for_the_kit_points_to_the_launcher():
    exc = ModuleNotFoundError("No module named 'helpers'", name="helpers")
    assert "kit.py lab" in errorhelp.explain(exc)


def test_key_error_names_the_closest_columns_of_the_learners_tables():
    frame = pd.DataFrame(columns=["จังหวัด", "ภาค", "ประชากร"])
    exc = _raise("df['ประชากรร']", {"df": frame})
    text = errorhelp.explain(exc, {"df": frame})
    assert "'ประชากร'" in text and "ไม่มีคอลัมน์" in text
    assert "ใกล้เคียง" not in errorhelp.explain(exc, {})  # nothing to compare with: say how to look


def test_syntax_errors_mention_curly_quotes_when_present():
    exc = _raise("x = “ลำปาง”")
    assert "เครื่องหมายคำพูดแบบโค้ง" in errorhelp.explain(exc)
    assert "แบบโค้ง" not in errorhelp.explain(_raise("x = (1, 2"))
    assert "ย่อหน้า" in errorhelp.explain(_raise("if True:\nprint(1)"))


def test_other_errors_get_no_note():
    assert errorhelp.explain(ZeroDivisionError("x")) is None
    assert errorhelp.explain(TypeError("object of type 'int' has no len()")) is None


def test_ipython_shell_prints_the_traceback_then_the_note(capsys):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    assert errorhelp.install(shell) and errorhelp.install(shell)  # idempotent
    shell.run_cell("undefined_name_xyz + 1", store_history=True)
    out = capsys.readouterr().out
    assert "NameError" in out and out.count("💡 คำอธิบายภาษาไทย") == 1
    assert out.index("NameError") < out.index("💡")
    shell.run_cell("x = (1, 2", store_history=True)
    assert capsys.readouterr().out.count("ผิดไวยากรณ์") == 1
    assert errorhelp.last_error()["type"] == "SyntaxError"


def test_in_a_real_kernel_a_name_error_gets_its_thai_explanation_and_check_says_why():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import helpers\nhelpers.setup()\n"
            "from helpers.check import _register, check\n"
            "from helpers.exercise_authoring import make_entry\n"
            "_register(make_entry('nbxx-err', 3))\nanswer = ..."
        ),
        nbformat.v4.new_code_cell("answer = len(provinces_not_loaded)"),
        nbformat.v4.new_code_cell("check('nbxx-err', answer)"),
        nbformat.v4.new_code_cell("check('nbxx-err', answer)"),
    ]
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()

    def text(cell):
        return "".join(o.get("text", "") + "".join(o.get("traceback", [])) for o in cell.outputs)

    failing = text(nb.cells[1])
    assert "NameError" in failing and "ยังไม่มีตัวแปรชื่อ provinces_not_loaded" in failing
    assert "เกิดข้อผิดพลาด (NameError)" in text(nb.cells[2])  # not "ยังไม่ได้ใส่คำตอบ"
    assert "ยังไม่ได้ใส่คำตอบ" in text(nb.cells[3])  # the cell before it did not fail


def test_a_learner_who_skipped_setup_still_gets_thai_charts_without_glyph_warnings(tmp_path):
    import subprocess
    import sys

    code = (
        "import warnings; warnings.simplefilter('error')\n"
        "import matplotlib; matplotlib.use('Agg')\n"
        "from helpers import viz\n"
        "import matplotlib.pyplot as plt\n"
        "fig, ax = plt.subplots(); ax.set_title('ผู้บาดเจ็บ น้ำท่วม ญี่ปุ่น'); fig.savefig(r'%s')\n"
        "print(matplotlib.rcParams['font.family'][0])" % (tmp_path / "x.png")
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Sarabun"


def test_show_error_prints_the_last_line_and_the_thai_note_without_stopping(capsys):
    namespace = {"provinces": pd.DataFrame(columns=["population_31dec2562", "name_th"])}
    errorhelp.show_error('provinces["population"]', namespace)
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "KeyError: 'population'"
    assert "'population_31dec2562'" in out[-1] and out[-1].startswith("💡 คำอธิบายภาษาไทย")
    assert not any("site-packages" in line or 'File "' in line for line in out), "no machine-specific stack"
    with pytest.raises(ValueError, match="ไม่เกิดข้อผิดพลาด"):
        errorhelp.show_error("x = 1", {})
