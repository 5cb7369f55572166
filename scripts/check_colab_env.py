"""Check the Colab route for real: Colab's package versions, plus what the bootstrap adds, run every notebook.

Usage: ``python scripts/check_colab_env.py [--python PATH] [--requirement SPEC ...] [--keep] [NOTEBOOK ...]``

1. Builds a virtualenv in a temporary folder with the Python of Colab's recorded runtime when this
   machine has it (3.13; ``--python`` to choose), else this interpreter.
2. Installs Colab's versions (``tests/recorded/colab/pip-freeze.txt``) of the kit's direct
   dependencies and of the Jupyter stack a kernel needs there (ipykernel 6, ipywidgets 7.7.1 ...).
3. Installs exactly the bootstrap's list (``helpers.colab.install_list``: what is missing or too
   old for the kit), then a copy of the kit with ``--no-deps -e``, as the Colab cell does;
   ``pip check`` is reported.
4. Runs every notebook (or those named) top to bottom with nbclient in that venv, offline, with
   the cells tagged ``nbval-skip`` (live portal calls, the Colab cell) left out.  An error fails;
   outputs are not compared (pandas 2 prints some tables differently from the lock's pandas).

``--requirement "numpy>=2.1,<2.5"`` replaces the kit's requirement of that name when the list is
worked out, to try a proposed pyproject range before changing it.  This needs the package
registry and several minutes; it is not part of the default tests.  Exit code 0 when every
notebook ran without an error.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from helpers import colab
from helpers.paths import repo_root

ROOT = repo_root()
RECORDED = ROOT / "tests" / "recorded" / "colab"
#: What a Colab kernel runs on besides the kit's own dependencies (installed at Colab's versions).
COLAB_KERNEL = (
    "ipykernel",
    "ipython",
    "jupyter-client",
    "jupyter-core",
    "traitlets",
    "tornado",
    "pyzmq",
    "comm",
    "matplotlib-inline",
    "ipywidgets",
    "widgetsnbextension",
    "jupyterlab-widgets",
    "notebook",
    "nbclient",
    "nbformat",
)
SKIP_TAG = "nbval-skip"

RUNNER = r"""
import json, re, sys, time
import nbformat
from nbclient import NotebookClient

results = []
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    start = time.monotonic()
    client = NotebookClient(nb, timeout=600, kernel_name="python3", skip_cells_with_tag="nbval-skip",
                            resources={"metadata": {"path": str(__import__("pathlib").Path(path).parent)}})
    try:
        client.execute()
        error = None
    except Exception as err:  # CellExecutionError, a kernel that died, a timeout ...
        text = re.sub(r"\x1b\[[0-9;]*m", "", f"{type(err).__name__}: {err}")  # no terminal colours
        # the cell's source first, then the end of the traceback
        error = text if len(text) < 4000 else text[:1500] + "\n[...]\n" + text[-2000:]
    results.append({"notebook": path, "seconds": round(time.monotonic() - start, 1), "error": error})
    print(("OK   " if error is None else "FAIL ") + path, f"({results[-1]['seconds']} s)", flush=True)
print("RESULTS " + json.dumps(results))
"""


def recorded_colab() -> dict[str, str]:
    """Colab's ``{canonical name: version}`` from the recorded ``pip freeze`` (URL installs left out)."""
    installed = {}
    for line in (RECORDED / "pip-freeze.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            installed[canonicalize_name(name)] = version.strip()
    return installed


def colab_python() -> str:
    text = (RECORDED / "os-info.txt").read_text(encoding="utf-8")
    return next(line.split()[1] for line in text.splitlines() if line.startswith("Python "))


def start_pins(requirements: list[str], colab_versions: dict[str, str]) -> list[str]:
    """Colab's ``name==version`` of the kit's direct dependencies and of the kernel stack it has."""
    direct = [canonicalize_name(Requirement(r).name) for r in requirements]
    names = dict.fromkeys([*direct, *COLAB_KERNEL])
    return sorted(f"{n}=={colab_versions[n]}" for n in names if n in colab_versions)


def find_python(version: str) -> str:
    """An interpreter of Colab's minor version when this machine has one, else this one."""
    minor = ".".join(version.split(".")[:2])
    candidates = [
        shutil.which(f"python{minor}"),
        *sorted(glob.glob(f"/root/.pyenv/versions/{minor}.*/bin/python{minor}")),
    ]
    for candidate in candidates:
        if (
            candidate
            and subprocess.run([candidate, "-c", "import venv, ensurepip"], capture_output=True).returncode
            == 0
        ):
            return candidate
    return sys.executable


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    print("$ " + " ".join(map(str, cmd)), flush=True)
    return subprocess.run(list(map(str, cmd)), check=True, **kwargs)


def installed_in(python: str) -> dict[str, str]:
    out = subprocess.run(
        [python, "-m", "pip", "list", "--format=json"], capture_output=True, text=True, check=True
    )
    return {canonicalize_name(d["name"]): d["version"] for d in json.loads(out.stdout)}


def copy_kit(dest: Path) -> Path:
    """Copy the kit's files (tracked and new, not ignored) as a Colab clone would have them."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="interpreter for the venv (default: Colab's minor version if found)")
    parser.add_argument(
        "--requirement",
        action="append",
        default=[],
        help="replace the kit's requirement of this name, e.g. 'numpy>=2.1,<2.5'",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("notebooks", nargs="*", help="notebooks to run (default: all in notebooks/)")
    args = parser.parse_args(argv)

    colab_versions = recorded_colab()
    python = args.python or find_python(colab_python())
    requirements = colab.kit_requirements(ROOT / "pyproject.toml")
    overrides = {canonicalize_name(Requirement(r).name): r for r in args.requirement}
    requirements = [r for r in requirements if canonicalize_name(Requirement(r).name) not in overrides]
    requirements += list(overrides.values())
    start = start_pins(requirements, colab_versions)

    work = Path(tempfile.mkdtemp(prefix="kit-colab-env-"))
    try:
        venv_python = work / "venv" / "bin" / "python"
        run([python, "-m", "venv", work / "venv"])
        run([venv_python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        print(f"Colab's versions ({len(start)}): " + " ".join(start), flush=True)
        run([venv_python, "-m", "pip", "install", "--quiet", *start])
        here = installed_in(str(venv_python))
        env_markers = json.loads(
            subprocess.run(
                [
                    venv_python,
                    "-c",
                    "import json, packaging.markers as m; print(json.dumps(m.default_environment()))",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        plan = colab.install_list(
            requirements, ROOT / "requirements.lock", version_of=here.get, environment=env_markers
        )
        print(f"The bootstrap's install list ({len(plan)}): " + " ".join(plan), flush=True)
        if plan:
            run([venv_python, "-m", "pip", "install", "--quiet", *plan])
        kit = copy_kit(work / "thai-opendata-kit")
        run([venv_python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", kit])
        after = installed_in(str(venv_python))
        moved = sorted(f"{n} {here[n]} -> {after[n]}" for n in here if n in after and here[n] != after[n])
        print("Changed by the install list (incl. pip's own upgrades): " + (", ".join(moved) or "nothing"))
        check = subprocess.run([venv_python, "-m", "pip", "check"], capture_output=True, text=True)
        print("pip check: " + (check.stdout.strip() or check.stderr.strip()), flush=True)
        versions = {
            n: after.get(n) for n in ("pandas", "numpy", "matplotlib", "ipywidgets", "ipykernel", "notebook")
        }
        print("Versions in the venv: " + ", ".join(f"{n} {v}" for n, v in versions.items()), flush=True)

        names = args.notebooks or sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
        paths = [str(kit / "notebooks" / Path(n).name) for n in names]
        env = dict(
            os.environ,
            KIT_OFFLINE="1",
            PYTHAINLP_OFFLINE="1",
            PYTHAINLP_READ_ONLY="1",
            KIT_CACHE_DIR=str(work / "cache"),
            PYTHONNOUSERSITE="1",
        )
        env.pop("MPLBACKEND", None)  # the kernel's inline backend, as on Colab
        env.pop("VIRTUAL_ENV", None)
        started = time.monotonic()
        done = subprocess.run(
            [venv_python, "-c", RUNNER, *paths],
            capture_output=True,
            text=True,
            env=env,
            cwd=kit / "notebooks",
        )
        print(done.stdout.split("RESULTS ")[0], end="")
        if "RESULTS " not in done.stdout:
            print(done.stderr[-5000:])
            return 1
        results = json.loads(done.stdout.split("RESULTS ", 1)[1])
        failed = [r for r in results if r["error"]]
        for r in failed:
            print(f"\n--- {Path(r['notebook']).name} ---\n{r['error']}")
        print(
            f"\n{len(results) - len(failed)}/{len(results)} notebooks ran without an error "
            f"on Python {env_markers['python_full_version']} in {time.monotonic() - started:.0f} s"
        )
        return 1 if failed else 0
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
