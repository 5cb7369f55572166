"""Measure the kernels' memory: the guided flow (one notebook at a time) versus leaving all open.

Usage::

    python scripts/measure_kernel_memory.py                  # both flows, all notebooks
    python scripts/measure_kernel_memory.py --flow guided    # open 00, run it, shut it down, open 01 ...
    python scripts/measure_kernel_memory.py --flow all-open  # run each notebook and leave its kernel running

Each notebook's code cells run in a fresh IPython kernel (``jupyter_client``), offline as in
``make test``, in a temporary copy of ``notebooks/`` (whatever a notebook saves stays there); cells
that nbval skips (live data, the Colab set-up) are left out.  A sampler adds up the RSS of every
running kernel (and its children) four times a second; the figures are that sum's peak, in MiB.
The Jupyter server's own memory (about 100-130 MiB, the same in both flows) is not included.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import psutil
from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parent.parent
SKIP_TAGS = {"nbval-skip", "raises-exception"}  # what nbval skips; the set-up cell (kit-setup) runs
OFFLINE = {"KIT_OFFLINE": "1", "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1"}


def code_cells(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        "".join(c["source"])
        for c in nb["cells"]
        if c["cell_type"] == "code" and not SKIP_TAGS & set(c.get("metadata", {}).get("tags", []))
    ]


def rss_mib(pid: int) -> float:
    try:
        proc = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]) / 2**20
    except psutil.NoSuchProcess:
        return 0.0


class Sampler(threading.Thread):
    """Peak of the summed RSS of the live kernels."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.pids: set[int] = set()
        self.peak = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, sum(rss_mib(pid) for pid in list(self.pids)))
            self.done.wait(0.25)


def run_notebook(path: Path, cwd: Path, env: dict) -> tuple[KernelManager, float, int]:
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(cwd), env=env)
    client = km.client()
    client.start_channels()
    client.wait_for_ready(timeout=120)
    errors = 0
    for code in code_cells(path):
        reply = client.execute_interactive(code, timeout=600, output_hook=lambda msg: None)
        errors += reply["content"]["status"] != "ok"
    client.stop_channels()
    return km, rss_mib(km.provisioner.process.pid), errors


def measure(flow: str, notebooks: list[Path], workdir: Path) -> dict:
    # No MPLBACKEND: ipykernel then uses the inline backend, as in JupyterLab.
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env.update(OFFLINE, KIT_CACHE_DIR=str(workdir / "cache"))
    sampler = Sampler()
    sampler.start()
    kept, rows = [], []
    started = time.monotonic()
    for path in notebooks:
        km, rss, errors = run_notebook(workdir / "notebooks" / path.name, workdir / "notebooks", env)
        sampler.pids.add(km.provisioner.process.pid)
        time.sleep(0.5)  # let the sampler see this kernel
        rows.append({"notebook": path.name, "kernel_rss_mib": round(rss, 1), "errors": errors})
        if flow == "guided":
            sampler.pids.discard(km.provisioner.process.pid)
            km.shutdown_kernel(now=False)
        else:
            kept.append(km)
    time.sleep(0.5)
    sampler.done.set()
    sampler.join()
    for km in kept:
        km.shutdown_kernel(now=False)
    return {
        "flow": flow,
        "peak_kernels_rss_mib": round(sampler.peak, 1),
        "seconds": round(time.monotonic() - started, 1),
        "notebooks": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flow", choices=["guided", "all-open", "both"], default="both")
    parser.add_argument("--out", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    results = []
    with tempfile.TemporaryDirectory(prefix="kit-kernel-memory-") as tmp:
        workdir = Path(tmp)
        shutil.copytree(
            ROOT / "notebooks", workdir / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
        for flow in ["guided", "all-open"] if args.flow == "both" else [args.flow]:
            results.append(measure(flow, notebooks, workdir))
            print(json.dumps(results[-1], indent=2), flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
