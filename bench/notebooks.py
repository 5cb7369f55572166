"""Time each notebook and measure its kernel's peak memory, beside a bare kernel that only imports.

Usage: ``python bench/notebooks.py [--make-test] [notebooks/NN_x.ipynb ...]``

Targets (checked here, not in a test, because timings depend on the machine): each notebook
≤ 15 s and ≤ 400 MB peak RSS on a 2-core machine; with ``--make-test`` also the whole test run
after installation ≤ 2 minutes.  Peak RSS is the kernel's own ``ru_maxrss`` read at the end.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 15.0
TARGET_MB = 400.0
TARGET_TEST_SECONDS = 120.0
ENV = {"KIT_OFFLINE": "1", "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1", "MPLBACKEND": "Agg"}
PEAK_CELL = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
BARE_IMPORTS = "import helpers, pandas, matplotlib.pyplot, seaborn, pythainlp\nhelpers.setup()"


def run(nb, folder: Path) -> tuple[float, float]:
    """Execute ``nb`` in a fresh kernel; return (seconds incl. kernel start, peak RSS in MB)."""
    nb.cells.append(new_code_cell(PEAK_CELL))
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    return seconds, int(text.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--make-test", action="store_true", help="also time the full test run")
    args = parser.parse_args(argv)
    os.environ.update(ENV)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

    bare_s, bare_mb = run(new_notebook(cells=[new_code_cell(BARE_IMPORTS)]), ROOT / "notebooks")
    rows = []
    for path in paths:
        seconds, mb = run(nbformat.read(path, as_version=4), path.parent)
        rows.append((path.name, seconds, mb))

    print(
        f"{'notebook':<24}{'time s':>8}{'bare s':>8}{'peak MB':>9}{'bare MB':>9}  target ≤{TARGET_SECONDS:.0f} s, ≤{TARGET_MB:.0f} MB"
    )
    failed = 0
    for name, seconds, mb in rows:
        ok = seconds <= TARGET_SECONDS and mb <= TARGET_MB
        failed += not ok
        print(
            f"{name:<24}{seconds:>8.1f}{bare_s:>8.1f}{mb:>9.0f}{bare_mb:>9.0f}  {'ok' if ok else 'OVER TARGET'}"
        )

    if args.make_test:
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadfile"],
            cwd=ROOT,
            env={**os.environ, **ENV},
            stdout=subprocess.DEVNULL,
        )
        total = time.perf_counter() - start
        ok = total <= TARGET_TEST_SECONDS and result.returncode == 0
        failed += not ok
        print(
            f"\nfull test run (pytest -n 2): {total:.0f} s (target ≤ {TARGET_TEST_SECONDS:.0f} s), exit {result.returncode}: {'ok' if ok else 'OVER TARGET/FAILED'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
