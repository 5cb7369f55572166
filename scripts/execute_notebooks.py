"""Execute notebooks in place from a fresh kernel, with the same environment as the tests.

Usage: ``python scripts/execute_notebooks.py [notebooks/NN_name.ipynb ...]`` (default: all).
Stored outputs are what nbval compares, so run this after editing a notebook.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
SKIP_TAG = "nbval-skip"
TEST_ENV = {
    "KIT_OFFLINE": "1",
    "PYTHAINLP_OFFLINE": "1",
    "PYTHAINLP_READ_ONLY": "1",
    "MPLBACKEND": "Agg",
}


def execute(path: Path) -> None:
    """Run one notebook top to bottom in its own folder and save it with fresh outputs."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    # Cells that nbval skips (live portal calls) are stored unexecuted.
    for cell in nb.cells:
        if cell.cell_type == "code" and SKIP_TAG in cell.get("metadata", {}).get("tags", []):
            cell.outputs = []
            cell.execution_count = None
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        skip_cells_with_tag=SKIP_TAG,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    nbformat.write(nb, path)
    print(f"executed {path.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    os.environ.update(TEST_ENV)
    paths = [Path(a).resolve() for a in argv] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        execute(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
