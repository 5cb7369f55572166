"""The code base passes ruff's lint and format check (configured in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess

from helpers import paths

ROOT = paths.repo_root()


def _ruff(*args: str) -> subprocess.CompletedProcess:
    ruff = shutil.which("ruff") or str(ROOT / ".venv" / "bin" / "ruff")
    # --no-cache: a test writes nothing into the work tree (ruff would keep .ruff_cache/ there)
    return subprocess.run([ruff, *args, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_lint_passes():
    done = _ruff("check", "--output-format", "concise", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_check_passes():
    done = _ruff("format", "--check", ".")
    assert done.returncode == 0, "run: ruff format .\n" + done.stdout + done.stderr


def test_the_lint_check_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nx=1\n", encoding="utf-8")
    assert _ruff("check", str(bad)).returncode != 0  # F401: unused import
    assert _ruff("format", "--check", str(bad)).returncode != 0
