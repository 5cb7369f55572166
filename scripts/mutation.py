"""Measure how many deliberate bugs (mutants) the tests catch, module by module, with mutmut.

วัดว่าการทดสอบจับ "บั๊กที่ตั้งใจใส่" (mutant) ได้กี่เปอร์เซ็นต์ ด้วย mutmut ทีละโมดูล::

    .venv/bin/python scripts/mutation.py                 # every module in MODULES
    .venv/bin/python scripts/mutation.py helpers/check.py
    .venv/bin/python scripts/mutation.py --survivors out.txt helpers/data.py

A maintainer's tool, not part of ``make test`` (a full run takes tens of minutes).  Each module is
mutated in its own throw-away git worktree (``git worktree add --detach``) so the repository and
its ``.venv`` are never touched; the working tree's ``helpers/``, ``tests/`` and ``conftest.py``
are copied in first, so tests that are not committed yet count.  mutmut is installed into the kit's
``.venv`` at the pinned version when it is missing.

Kill rate = (killed + timeout) / all mutants, "no tests" counted as survivors.  ``--survivors``
writes every surviving mutant's diff, for writing the missing tests.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MUTMUT = "mutmut==3.8.1"

# module → the tests that exercise it (mutmut runs only these, which keeps a run short)
MODULES: dict[str, list[str]] = {
    "helpers/data.py": ["tests/test_data.py", "tests/test_real_data.py", "helpers/data.py"],
    "helpers/check.py": ["tests/test_check.py", "helpers/check.py"],
    "helpers/portal/client.py": ["tests/test_portal*.py", "helpers/portal"],
    "helpers/clean/_common.py": ["tests/test_clean*.py", "helpers/clean"],
    "helpers/clean/report.py": ["tests/test_clean*.py", "helpers/clean"],
    "helpers/clean/text.py": ["tests/test_clean*.py", "helpers/clean"],
    "helpers/clean/numbers.py": ["tests/test_clean*.py", "helpers/clean"],
    "helpers/clean/dates.py": ["tests/test_clean*.py", "helpers/clean"],
    "helpers/clean/encoding.py": ["tests/test_clean*.py", "helpers/clean"],
    "helpers/clean/files.py": ["tests/test_clean*.py", "helpers/clean"],
    "helpers/clean/provinces.py": ["tests/test_clean*.py", "tests/test_province*.py", "helpers/clean"],
}

CONFIG = """
[tool.mutmut]
source_paths = ["helpers"]
only_mutate = [{module!r}]
also_copy = ["data", "tests", "conftest.py", "scripts", "bench", "kit.py", ".git", "notebooks"]
pytest_add_cli_args = ["-p", "no:nbval", "-p", "no:xdist", "-q", "--no-header", "-p", "no:cacheprovider"]
pytest_add_cli_args_test_selection = {tests!r}
"""

CAUGHT = {"killed", "timeout"}


def _python() -> Path:
    bin_dir = "Scripts" if os.name == "nt" else "bin"
    return REPO / ".venv" / bin_dir / ("python.exe" if os.name == "nt" else "python")


def _ensure_mutmut(python: Path) -> None:
    probe = subprocess.run([str(python), "-c", "import mutmut"], capture_output=True)
    if probe.returncode:
        subprocess.run([str(python), "-m", "pip", "install", "-q", MUTMUT], check=True)


def _tests(patterns: list[str], root: Path) -> list[str]:
    found: list[str] = []
    for pattern in patterns:
        matches = (
            sorted(str(p.relative_to(root)) for p in root.glob(pattern)) if "*" in pattern else [pattern]
        )
        found.extend(m for m in matches if m not in found)
    return found


def run_module(
    module: str, python: Path, max_children: int, tests: list[str] | None = None
) -> tuple[dict[str, int], list[str], str]:
    """(count by status, surviving mutant names, their diffs) for one module."""
    work = Path(tempfile.mkdtemp(prefix="kit-mutation-"))
    tree = work / "tree"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(tree), "HEAD"], check=True
    )
    try:
        for name in ("helpers", "tests"):
            shutil.rmtree(tree / name)
            shutil.copytree(REPO / name, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(REPO / "conftest.py", tree / "conftest.py")
        tests = _tests(tests or MODULES.get(module, ["tests"]), tree)
        with open(tree / "pyproject.toml", "a", encoding="utf-8") as f:
            f.write(CONFIG.format(module=module, tests=tests))
        env = dict(
            os.environ,
            KIT_OFFLINE="1",
            PYTHAINLP_OFFLINE="1",
            MPLBACKEND="Agg",
            KIT_DATA_DIR=str(tree / "data"),
            KIT_CACHE_DIR=str(work / "cache"),
        )
        mutmut = [str(python.with_name("mutmut.exe" if os.name == "nt" else "mutmut"))]
        ran = subprocess.run(
            [*mutmut, "run", "--max-children", str(max_children)],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        listing = subprocess.run(
            [*mutmut, "results", "--all", "true"], cwd=tree, env=env, capture_output=True, text=True
        ).stdout
        counts: dict[str, int] = {}
        survivors: list[str] = []
        for name, status in re.findall(r"^\s*(\S+__mutmut_\d+): (.+)$", listing, re.M):
            counts[status] = counts.get(status, 0) + 1
            if status not in CAUGHT:
                survivors.append(name)
        if not counts.keys() - {"not checked"}:
            print(ran.stdout[-3000:], ran.stderr[-3000:], file=sys.stderr)
        diffs = "".join(
            subprocess.run([*mutmut, "show", name], cwd=tree, env=env, capture_output=True, text=True).stdout
            + "\n"
            for name in survivors
        )
        return counts, survivors, diffs
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=False)
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="default: every module in MODULES")
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--survivors", type=Path, help="write the surviving mutants' diffs here")
    parser.add_argument("--tests", nargs="+", help="test files/globs to run instead of MODULES' choice")
    args = parser.parse_args(argv)
    python = _python()
    _ensure_mutmut(python)
    rows = []
    diffs_all = ""
    for module in args.modules or list(MODULES):
        counts, survivors, diffs = run_module(module, python, args.max_children, args.tests)
        total = sum(counts.values())
        caught = sum(counts.get(s, 0) for s in CAUGHT)
        rows.append((module, total, caught, counts))
        diffs_all += f"# ===== {module}: {len(survivors)} survivors\n{diffs}"
        print(f"{module}: {caught}/{total} caught {counts}", flush=True)
    print()
    print("| module | mutants | caught | survived | no tests | kill rate |")
    print("|---|---:|---:|---:|---:|---:|")
    sum_total = sum_caught = 0
    for module, total, caught, counts in rows:
        sum_total += total
        sum_caught += caught
        rate = f"{100 * caught / total:.1f} %" if total else "–"
        print(
            f"| `{module}` | {total} | {caught} | {counts.get('survived', 0)} | "
            f"{counts.get('no tests', 0)} | {rate} |"
        )
    if len(rows) > 1 and sum_total:
        print(f"| all | {sum_total} | {sum_caught} | | | {100 * sum_caught / sum_total:.1f} % |")
    if args.survivors:
        args.survivors.write_text(diffs_all, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
