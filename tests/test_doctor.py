"""``helpers.doctor``: each check passes here, and each simulated failure comes with a Thai fix."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from helpers import doctor, lockfile, thaifont
from helpers.commands import kit_command, python_command
from helpers.paths import repo_root

ROOT = repo_root()
THAI = re.compile(r"[\u0e01-\u0e5b]")


def test_everything_passes_on_the_test_machine(capsys):
    results = doctor.checks()
    assert [r.name for r in results] == ["python", "packages", "font", "data", "write"]
    assert all(r.ok for r in results), [(r.name, r.summary, r.details) for r in results if not r.ok]
    doctor.run()
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "ตรวจความพร้อมของชุดเรียน"
    assert out.rstrip().endswith("สรุป: พร้อมเรียนแล้ว")


def test_notebook_report_is_deterministic(capsys):
    """What the welcome notebook stores must be the same on every ready machine."""
    doctor.run()
    first = capsys.readouterr().out
    doctor.run()
    assert capsys.readouterr().out == first
    assert str(ROOT) not in first and os.path.expanduser("~") not in first, "no absolute paths"
    assert not re.search(r"\d+\.\d+\.\d+", first), "no version numbers in the short report"
    assert not re.search(r"\d+(\.\d+)?\s?(ms|s|วินาที)\b", first), "no timings"
    assert not re.search(r"\d+ (ไฟล์|แพ็กเกจ)", first), "no counts that change when data or packages are added"


def test_command_line_exit_codes_and_details():
    env = dict(os.environ, KIT_OFFLINE="1", PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1", MPLBACKEND="Agg")
    done = subprocess.run(
        [sys.executable, "-m", "helpers.doctor"],
        capture_output=True,
        text=True,
        env=env,
        cwd="/",
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "matplotlib 3.11" in done.stdout, "the terminal report lists versions"
    assert done.stderr == ""
    bad = subprocess.run(
        [sys.executable, "-m", "helpers.doctor", "--nonsense"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert bad.returncode == 2 and "ใช้:" in bad.stdout


def test_main_returns_1_on_a_failure_and_on_a_warning_only_when_strict(monkeypatch, capsys):
    warn = doctor.DoctorFinding("packages", doctor.WARN, "คนละรุ่น", ("pandas 2.2.2",), "ติดตั้งใหม่")
    monkeypatch.setattr(doctor, "checks", lambda: [warn])
    assert doctor.main([]) == 0
    assert doctor.main(["--strict"]) == 1
    fail = doctor.DoctorFinding("data", doctor.FAIL, "ไม่พบไฟล์", (), "ดาวน์โหลดใหม่")
    monkeypatch.setattr(doctor, "checks", lambda: [warn, fail])
    assert doctor.main(["--quiet"]) == 1
    out = capsys.readouterr().out
    assert "วิธีแก้: ดาวน์โหลดใหม่" in out and "ต้องแก้ 1 ข้อ" in out


# --- Python -------------------------------------------------------------------------------------


def test_old_python_fails_with_a_thai_fix():
    result = doctor.check_python("3.10.12", ">=3.11")
    assert result.status == doctor.FAIL
    assert "3.11" in result.fix and THAI.search(result.fix)


def test_unsupported_python_gets_one_thai_line_and_exit_code_1(monkeypatch, capsys):
    monkeypatch.setattr(doctor.platform, "python_version", lambda: "3.10.13")
    monkeypatch.setattr(doctor, "checks", lambda: pytest.fail("no other check runs on an unsupported Python"))
    assert doctor.main([]) == 1
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1 and out.startswith("❌ Python 3.10.13 เก่าเกินไป")
    assert "3.11" in out and "kit.py" in out and THAI.search(out)
    doctor.run()  # the notebook's call says the same
    assert capsys.readouterr().out == out


def test_python_check_works_without_packaging(monkeypatch):
    """An old Python may not even have ``packaging``: the check then compares releases itself."""
    monkeypatch.setitem(sys.modules, "packaging.specifiers", None)  # import raises ImportError
    assert doctor.check_python("3.10.13", ">=3.11").status == doctor.FAIL
    assert doctor.check_python("3.11.0", ">=3.11").ok
    assert doctor.check_python("3.13.15", ">=3.11").ok


def test_newer_python_outside_the_range_is_not_called_old():
    result = doctor.check_python("3.16.0", ">=3.11,<3.16")
    assert result.status == doctor.FAIL and "เก่าเกินไป" not in result.summary and "ยังไม่รองรับ" in result.summary


def test_the_doctor_finding_is_not_the_exercise_check_result():
    from helpers import check

    assert not hasattr(doctor, "CheckResult")
    assert doctor.DoctorFinding is not check.CheckResult


# --- packages and the lock ----------------------------------------------------------------------


def test_lock_pins_reads_any_lock_path_with_markers(tmp_path):
    """The runtime lock and the test lock are read the same way (``helpers.lockfile``)."""
    test_lock = tmp_path / "requirements-test.lock"
    test_lock.write_text(
        "numpy==2.2.6 ; python_full_version < '3.12'\n    # via thai-opendata-kit (pyproject.toml)\n"
        "numpy==2.4.6 ; python_full_version >= '3.12'\n    # via thai-opendata-kit (pyproject.toml)\n"
        "pytest==9.2.0 \\\n    --hash=sha256:00\n    # via thai-opendata-kit (pyproject.toml)\n",
        encoding="utf-8",
    )
    assert doctor.lock_pins(test_lock, lockfile.environment("3.11.7")) == {
        "numpy": "2.2.6",
        "pytest": "9.2.0",
    }
    assert doctor.lock_pins(test_lock, lockfile.environment("3.12.0"))["numpy"] == "2.4.6"


def test_lock_markers_are_evaluated_for_this_python():
    pins = doctor.lock_pins()
    assert pins["matplotlib"] == "3.11.2"
    assert pins["contourpy"] == ("1.3.3" if sys.version_info < (3, 12) else "1.4.0")
    assert "pywinpty" not in pins, "Windows-only pins do not apply on Linux"
    assert doctor.lock_pins(
        ROOT / "requirements.lock",
        {"python_full_version": "3.12.3", "sys_platform": "win32", "os_name": "nt"},
    )["pywinpty"]


def test_missing_package_fails():
    pins = doctor.lock_pins()
    result = doctor.check_packages(
        pins, ["pandas", "pythainlp"], version_of=lambda n: None if n == "pythainlp" else pins[n], colab=False
    )
    assert result.status == doctor.FAIL
    assert any("pythainlp" in d for d in result.details)
    assert kit_command("install") in result.fix, "the fix names the kit's own install command"


def test_matplotlib_3_10_fails_because_thai_breaks():
    pins = doctor.lock_pins()
    versions = dict(pins, matplotlib="3.10.0")
    result = doctor.check_packages(pins, ["matplotlib"], version_of=versions.get, colab=False)
    assert result.status == doctor.FAIL
    assert "3.11" in result.details[0]


def test_other_version_is_a_warning_and_equal_versions_compare_as_versions():
    pins = {"pandas": "3.1.1", "fontpkg-sarabun": "1.0"}
    installed = {"pandas": "3.1.0", "fontpkg-sarabun": "1.000"}
    result = doctor.check_packages(pins, ["pandas", "fontpkg-sarabun"], version_of=installed.get, colab=False)
    assert result.status == doctor.WARN
    assert result.details == ("pandas 3.1.0 (ชุดเรียนทดสอบกับ 3.1.1)",)


def test_on_colab_its_own_versions_within_the_kit_ranges_are_fine(monkeypatch):
    """The Colab cell keeps Colab's pandas 2.2.3 (within the kit's range): the doctor must agree."""
    pins = doctor.lock_pins()
    installed = dict(pins, jupyterlab=None, ipywidgets="7.7.1", pandas="2.2.3")
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    result = doctor.check_packages(pins, ["pandas", "ipywidgets", "jupyterlab"], version_of=installed.get)
    assert result.status == doctor.OK, "ipywidgets 7, no jupyterlab and Colab's pandas are fine on Colab"
    assert "Colab" in result.summary
    ranges = {"numpy": SpecifierSet(">=2.2,<2.5"), "pandas": SpecifierSet(">=2.2,<4")}
    old = dict(installed, numpy="2.1.3")
    result = doctor.check_packages(pins, ["pandas", "numpy"], version_of=old.get, ranges=ranges)
    assert result.status == doctor.FAIL and result.details == ("numpy 2.1.3 (ชุดเรียนต้องการ <2.5,>=2.2)",)
    assert "เซลล์แรก" in result.fix


def test_off_colab_the_lock_version_is_compared_not_the_range():
    pins = {"pandas": "3.1.1"}
    result = doctor.check_packages(
        pins,
        ["pandas"],
        version_of={"pandas": "2.2.3"}.get,
        colab=False,
        ranges={"pandas": SpecifierSet(">=2.2")},
    )
    assert result.status == doctor.WARN


def test_the_default_package_list_is_the_kit_dependencies():
    result = doctor.check_packages()
    names = {d.split()[0] for d in result.details[1:]}
    assert {"pandas", "matplotlib", "pythainlp", "fontpkg-sarabun", "jupyterlab"} <= names
    assert "pytest" not in names, "test tools are not a learner's problem"


def test_every_printed_command_runs_from_another_folder(tmp_path):
    """The data fix is typed in JupyterLab's terminal (another folder, maybe another ``python``)."""
    fix = doctor.check_data(tmp_path).fix
    command = python_command("-m", "helpers.data", "restore")
    assert command in fix and shlex.split(command)[0] == sys.executable
    shutil.copytree(ROOT / "data", tmp_path / "data")  # the command may write: only into a copy
    env = dict(os.environ, KIT_OFFLINE="1", KIT_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run(
        shlex.split(command), capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr  # the copy is intact: nothing to restore
    assert THAI.search(done.stdout)
    for result in (
        doctor.check_packages({"pandas": "3.1.1"}, ["pandas"], version_of=lambda n: None, colab=False),
        doctor.check_font(FakeThaiFont(registered=True, missing=[], shaping=False)),
    ):
        assert kit_command("install") in result.fix
    for result in (
        doctor.check_font(FakeThaiFont(registered=False, missing=[], shaping=True)),
        doctor.check_font(FakeThaiFont(registered=True, missing=["ญ"], shaping=True)),
    ):
        assert python_command("-m", "pip", "install") in result.fix


# --- font ---------------------------------------------------------------------------------------


class FakeThaiFont(types.SimpleNamespace):
    FONT_FAMILY = "Sarabun"

    def register_font(self):
        return self.registered

    def missing_glyphs(self, text):
        return self.missing

    def shaping_available(self):
        return self.shaping


@pytest.mark.parametrize(
    "registered, missing, shaping, words",
    [
        (False, [], True, "fontpkg-sarabun"),
        (True, ["ญ"], True, "force-reinstall"),
        (True, [], False, "matplotlib 3.11"),
    ],
)
def test_font_problems_fail_with_a_fix(registered, missing, shaping, words):
    result = doctor.check_font(FakeThaiFont(registered=registered, missing=missing, shaping=shaping))
    assert result.status == doctor.FAIL
    assert words in result.fix and "รีสตาร์ต" in result.fix


def test_real_font_check_uses_thaifont():
    assert doctor.check_font().ok == (thaifont.register_font() and thaifont.shaping_available())


# --- data ---------------------------------------------------------------------------------------


def _package(tmp_path: Path, files: dict[str, bytes], hashes: dict[str, str] | None = None) -> Path:
    resources = []
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
        digest = (hashes or {}).get(name, "sha256:" + hashlib.sha256(content).hexdigest())
        resources.append({"name": name.replace("/", "-").replace(".", "-"), "path": name, "hash": digest})
    (tmp_path / "datapackage.json").write_text(json.dumps({"resources": resources}), encoding="utf-8")
    return tmp_path


def test_real_data_package_checksums_match():
    result = doctor.check_data()
    assert result.ok, result.details
    n_files = len(json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"])
    assert result.details == (f"ตรวจ {n_files} ไฟล์ตามรายการใน data/datapackage.json",)


def test_missing_datapackage_is_reported(tmp_path):
    result = doctor.check_data(tmp_path)
    assert result.status == doctor.FAIL and "datapackage.json" in result.summary
    assert "helpers.data.restore()" in result.fix
    assert python_command("-m", "helpers.data", "restore") in result.fix


def test_changed_and_missing_files_are_named_without_absolute_paths(tmp_path):
    _package(tmp_path, {"a.csv": b"x\n1\n", "real/b.csv": b"y\n2\n", "c.csv": b"z\n3\n"})
    (tmp_path / "real" / "b.csv").write_bytes(b"y\n999\n")  # a learner saved over the file
    (tmp_path / "c.csv").unlink()
    result = doctor.check_data(tmp_path)
    assert result.status == doctor.FAIL
    assert result.details == ("ไม่พบ c.csv", "ค่าตรวจสอบไม่ตรง: real/b.csv")
    assert str(tmp_path) not in doctor.format_report([result])


def test_md5_and_prefixed_hashes_are_understood(tmp_path):
    content = b"a,b\n1,2\n"
    _package(
        tmp_path,
        {"x.csv": content, "y.csv": content},
        {"x.csv": hashlib.md5(content).hexdigest(), "y.csv": "md5:" + hashlib.md5(content).hexdigest()},
    )
    assert doctor.check_data(tmp_path).ok


def test_data_dir_follows_kit_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_DATA_DIR", str(tmp_path))
    assert "datapackage.json" in doctor.check_data().summary
    assert doctor.check_data().status == doctor.FAIL


def test_broken_datapackage_json_is_a_failure_not_a_crash(tmp_path):
    (tmp_path / "datapackage.json").write_text("{not json", encoding="utf-8")
    assert doctor.check_data(tmp_path).status == doctor.FAIL


# --- write access -------------------------------------------------------------------------------


def test_write_access_failure_is_reported_with_kit_cache_dir_fix(tmp_path, monkeypatch):
    def refuse(folder):
        return folder.name != "cache"

    monkeypatch.setattr(doctor, "_writable", refuse)
    result = doctor.check_write_access(
        {"โฟลเดอร์แคช (cache)": tmp_path / "cache", "โฟลเดอร์ notebooks": tmp_path}
    )
    assert result.status == doctor.FAIL
    assert "KIT_CACHE_DIR" in result.fix and "โฟลเดอร์แคช" in result.summary
    assert str(tmp_path) not in result.summary + result.fix


def test_folder_that_cannot_be_created_is_not_writable(tmp_path):
    # A file where the folder should be fails for every user, root included (CI runs as root,
    # where a chmod-based read-only folder would still be writable).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert doctor._writable(blocker / "cache") is False


def test_writable_leaves_no_file_behind(tmp_path):
    assert doctor._writable(tmp_path) is True
    assert list(tmp_path.iterdir()) == []


def test_a_crashing_check_becomes_a_failure(monkeypatch):
    def boom(*args, **kwargs):
        raise OSError("disk gone")

    monkeypatch.setattr(doctor, "check_data", boom)
    results = {r.name: r for r in doctor.checks()}
    assert results["data"].status == doctor.FAIL and "OSError" in results["data"].summary
    assert results["font"].ok, "the other checks still ran"


def test_every_problem_has_a_thai_fix(tmp_path, monkeypatch):
    monkeypatch.setattr(doctor, "_writable", lambda folder: False)
    failures = [
        doctor.check_python("3.9.0", ">=3.11"),
        doctor.check_packages({"pandas": "3.1.1"}, ["pandas"], version_of=lambda n: None, colab=False),
        doctor.check_font(FakeThaiFont(registered=False, missing=[], shaping=True)),
        doctor.check_data(tmp_path),
        doctor.check_write_access({"โฟลเดอร์แคช (cache)": tmp_path, "โฟลเดอร์ notebooks": tmp_path}),
    ]
    for result in failures:
        assert not result.ok and THAI.search(result.summary) and THAI.search(result.fix), result


def test_write_check_uses_the_learners_notebooks_folder(tmp_path, monkeypatch):
    """On a JupyterHub the kit may live read-only in the image; the learner's copy is what counts."""
    (tmp_path / "00_welcome.ipynb").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert doctor._notebooks_folder() == tmp_path
    monkeypatch.chdir(tmp_path.parent)
    assert doctor._notebooks_folder() == ROOT / "notebooks"
