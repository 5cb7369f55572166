"""Measure how many deliberate bugs (mutants) the tests catch, module by module, with mutmut.

วัดว่าการทดสอบจับ "บั๊กที่ตั้งใจใส่" (mutant) ได้กี่เปอร์เซ็นต์ ด้วย mutmut ทีละโมดูล::

    .venv/bin/python scripts/mutation.py                 # every module in MODULES
    .venv/bin/python scripts/mutation.py helpers/check.py
    .venv/bin/python scripts/mutation.py --survivors out.txt helpers/data.py

A maintainer's tool, not part of ``make test`` (a full run takes tens of minutes).  Each module is
mutated in its own throw-away git worktree (``git worktree add --detach``) so the repository and
its ``.venv`` are never touched; the working tree's ``helpers/``, ``tests/``, ``data/``,
``scripts/``, ``bench/`` and ``conftest.py`` are copied in first, so work not committed yet counts.  mutmut is installed into the kit's
``.venv`` at the pinned version when it is missing.

Kill rate = (killed + timeout) / mutants checked, "no tests" counted as survivors.  A full run
checks every mutant; ``--sample N`` checks N mutants drawn at random (seed 0) and prints the 95 %
interval of the rate, for modules whose full run is too slow.  ``--survivors`` writes every
surviving mutant's diff, for writing the missing tests.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MUTMUT = "mutmut==3.8.1"

# module → the tests that exercise it (mutmut runs only these, which keeps a run short); each
# module's own path adds its doctests
_CLEAN_SHARED = ["tests/test_clean_properties.py", "tests/test_clean_contract.py"]
MODULES: dict[str, list[str]] = {
    "helpers/data.py": [
        "tests/test_data.py",
        "tests/test_data_contract.py",
        "tests/test_real_data.py",
        "helpers/data.py",
    ],
    "helpers/check.py": ["tests/test_check*.py", "helpers/check.py"],
    "helpers/portal/client.py": ["tests/test_portal_*.py", "helpers/portal/client.py"],
    "helpers/clean/_common.py": ["tests/test_clean_common.py", *_CLEAN_SHARED, "helpers/clean/_common.py"],
    "helpers/clean/report.py": ["tests/test_clean_report.py", *_CLEAN_SHARED, "helpers/clean/report.py"],
    "helpers/clean/text.py": ["tests/test_clean_text*.py", *_CLEAN_SHARED, "helpers/clean/text.py"],
    "helpers/clean/numbers.py": ["tests/test_clean_numbers*.py", *_CLEAN_SHARED, "helpers/clean/numbers.py"],
    "helpers/clean/dates.py": ["tests/test_clean_dates*.py", "helpers/clean/dates.py"],
    "helpers/clean/encoding.py": [
        "tests/test_clean_encoding*.py",
        "tests/test_clean_files*.py",
        "helpers/clean/encoding.py",
    ],
    "helpers/clean/files.py": [
        "tests/test_clean_files*.py",
        "tests/test_clean_encoding*.py",
        "helpers/clean/files.py",
    ],
    "helpers/clean/provinces.py": [
        "tests/test_clean_provinces*.py",
        "tests/test_province_codes.py",
        *_CLEAN_SHARED,
        "helpers/clean/provinces.py",
    ],
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
    module: str,
    python: Path,
    max_children: int,
    tests: list[str] | None = None,
    sample: int = 0,
    survivor_diffs: bool = False,
) -> tuple[dict[str, int], int, str]:
    """(count by status, number of mutants in the module, survivors' diffs) for one module.

    ``sample`` > 0 checks that many mutants drawn at random (seed 0) instead of all of them.
    """
    work = Path(tempfile.mkdtemp(prefix="kit-mutation-"))
    tree = work / "tree"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(tree), "HEAD"], check=True
    )
    try:
        for name in ("helpers", "tests", "data", "scripts", "bench"):
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

        def run(*names: str) -> subprocess.CompletedProcess:
            command = [*mutmut, "run", "--max-children", str(max_children), *names]
            return subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, check=False)

        def statuses() -> dict[str, str]:
            listing = subprocess.run(
                [*mutmut, "results", "--all", "true"], cwd=tree, env=env, capture_output=True, text=True
            ).stdout
            return dict(re.findall(r"^\s*(\S+__mutmut_\d+): (.+)$", listing, re.M))

        chosen: list[str] | None = None
        if sample:
            ran = run("kit.no_such_mutant__mutmut_0")  # generates the mutants and test stats, checks none
            everything = sorted(statuses())
            chosen = random.Random(0).sample(everything, min(sample, len(everything)))
            ran = run(*chosen)
        else:
            ran = run()
        status = statuses()
        population = len(status)
        if chosen is not None:
            status = {name: status[name] for name in chosen}
        counts: dict[str, int] = {}
        for value in status.values():
            counts[value] = counts.get(value, 0) + 1
        if not counts.keys() - {"not checked"}:
            print(ran.stdout[-3000:], ran.stderr[-3000:], file=sys.stderr)
        survivors = [name for name, value in status.items() if value not in CAUGHT | {"not checked"}]
        diffs = ""
        if survivor_diffs:
            diffs = "".join(
                subprocess.run(
                    [*mutmut, "show", name], cwd=tree, env=env, capture_output=True, text=True
                ).stdout
                + "\n"
                for name in survivors
            )
        return counts, population, diffs
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=False)
        shutil.rmtree(work, ignore_errors=True)


def wilson(caught: int, checked: int, z: float = 1.96) -> tuple[float, float]:
    """95 % Wilson interval of a kill rate measured on a sample of mutants.

    Hand-written (a few lines) so that the tool needs no statistics package.

    >>> [round(x, 3) for x in wilson(90, 100)]
    [0.826, 0.945]
    """
    if not checked:
        return 0.0, 1.0
    p = caught / checked
    centre = (p + z * z / (2 * checked)) / (1 + z * z / checked)
    half = z * ((p * (1 - p) / checked + z * z / (4 * checked * checked)) ** 0.5) / (1 + z * z / checked)
    return centre - half, centre + half


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="default: every module in MODULES")
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--survivors", type=Path, help="write the surviving mutants' diffs here")
    parser.add_argument("--tests", nargs="+", help="test files/globs to run instead of MODULES' choice")
    parser.add_argument("--sample", type=int, default=0, help="check N random mutants per module (seed 0)")
    args = parser.parse_args(argv)
    python = _python()
    _ensure_mutmut(python)
    rows = []
    diffs_all = ""
    for module in args.modules or list(MODULES):
        counts, population, diffs = run_module(
            module, python, args.max_children, args.tests, args.sample, args.survivors is not None
        )
        checked = sum(n for status, n in counts.items() if status != "not checked")
        caught = sum(counts.get(status, 0) for status in CAUGHT)
        rows.append((module, population, checked, caught, counts))
        diffs_all += f"# ===== {module}\n{diffs}"
        print(f"{module}: {caught}/{checked} caught of {population} mutants {counts}", flush=True)
    print()
    print("| module | mutants | checked | caught | survived | no tests | kill rate | 95 % interval |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for module, population, checked, caught, counts in rows:
        low, high = wilson(caught, checked)
        interval = f"{100 * low:.0f}–{100 * high:.0f} %" if checked < population else "(all checked)"
        rate = f"{100 * caught / checked:.1f} %" if checked else "–"
        print(
            f"| `{module}` | {population} | {checked} | {caught} | {counts.get('survived', 0)} | "
            f"{counts.get('no tests', 0)} | {rate} | {interval} |"
        )
    if args.survivors:
        args.survivors.write_text(diffs_all, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
