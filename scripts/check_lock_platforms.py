"""Prove that the locks install on Windows, macOS and Linux for every supported Python.

For each (Python, platform) pair the script keeps the lock pins whose markers hold there (pip
evaluates markers for the machine it runs on, not for ``--platform``), then asks pip to resolve
exactly those pins from wheels only, installing nothing:

    pip install --dry-run --ignore-installed --no-deps --only-binary=:all: \\
        --platform TAG [--platform TAG ...] --python-version X.Y --implementation cp --target TMP -r PINS

``--no-deps`` is right because a lock already lists every package.  By default only the test lock
is checked: it holds every runtime pin at the same version (tests/test_environment_files.py checks
that), so when it resolves, the runtime lock, a subset, resolves too.  Three pairs run at a time
(pip waits on the network, not on the processor).  Packages in
``helpers.launch.SDIST_ONLY`` have no wheel: their source is downloaded once and must hold no
C/C++/Cython/Rust file, so pip builds them without a compiler.

Needs the package registry and the installed kit: ``.venv/bin/python scripts/check_lock_platforms.py``
(exit status 1 when any pair fails).  ``--python 3.12 --platform win_amd64 --lock requirements.lock``
narrow the matrix.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from helpers import launch, lockfile
from helpers.paths import repo_root

LOCKS = ("requirements.lock", "requirements-test.lock")
_COMPILED_SUFFIXES = (".c", ".cc", ".cpp", ".cxx", ".pyx", ".f", ".f90", ".rs")


def dry_run_command(python: str, platform: str, requirements: Path, target: Path) -> list[str]:
    """Return the pip command that resolves ``requirements`` from wheels for one pair, installing nothing.

    >>> cmd = dry_run_command("3.13", "win_amd64", Path("r.txt"), Path("t"))
    >>> cmd[3:8], cmd[cmd.index("--platform") + 1], cmd[cmd.index("--python-version") + 1]
    (['install', '--dry-run', '--ignore-installed', '--no-deps', '--only-binary=:all:'], 'win_amd64', '3.13')
    """
    return [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--dry-run",
        "--ignore-installed",
        "--no-deps",
        *launch.target_args(python, platform),
        "--target",
        str(target),
        "--disable-pip-version-check",
        "-r",
        str(requirements),
    ]


def source_is_pure_python(archive: Path) -> bool:
    """Return True when a source archive (.tar.gz or .zip) holds no file that needs a compiler.

    >>> import io
    >>> folder = Path(tempfile.mkdtemp())
    >>> def make(name, member):
    ...     with tarfile.open(folder / name, "w:gz") as tar:
    ...         info = tarfile.TarInfo(member); info.size = 1; tar.addfile(info, io.BytesIO(b"x"))
    ...     return folder / name
    >>> source_is_pure_python(make("a-1.tar.gz", "a-1/a.py")), source_is_pure_python(make("b-1.tar.gz", "b-1/b.c"))
    (True, False)
    """
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            names = zf.namelist()
    else:
        with tarfile.open(archive) as tar:
            names = tar.getnames()
    return not any(name.lower().endswith(_COMPILED_SUFFIXES) for name in names)


def check_sources(pins: dict[str, str]) -> list[str]:
    """Download each source-only package once; return the problems (empty when all build without a compiler)."""
    problems = []
    for name in sorted(launch.SDIST_ONLY & set(pins)):
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--no-deps",
                    "--no-binary=:all:",
                    "--quiet",
                    "--disable-pip-version-check",
                    "-d",
                    tmp,
                    f"{name}=={pins[name]}",
                ],
                check=False,
                capture_output=True,
                text=True,
            )
            archives = list(Path(tmp).iterdir())
            if done.returncode != 0 or not archives:
                problems.append(f"{name}=={pins[name]}: no source archive ({done.stderr.strip()[-300:]})")
            elif not all(source_is_pure_python(a) for a in archives):
                problems.append(f"{name}=={pins[name]}: the source needs a compiler")
    return problems


def check_pair(lock: list[lockfile.Pin], python: str, platform: str) -> tuple[bool, int, str]:
    """Resolve one lock for one (Python, platform) pair, each distinct pin set of its patch releases;
    return (ok, most wheels in one set, pip's errors)."""
    ok, count, errors = True, 0, []
    for version, pins in launch.target_pin_sets(lock, python, platform).items():
        wheels = [pin for pin in pins if pin.split("==")[0] not in launch.SDIST_ONLY]
        count = max(count, len(wheels))
        with tempfile.TemporaryDirectory() as tmp:
            reqs = Path(tmp) / "pins.txt"
            reqs.write_text("".join(f"{pin}\n" for pin in wheels), encoding="utf-8")
            done = subprocess.run(
                dry_run_command(version, platform, reqs, Path(tmp) / "t"),
                check=False,
                capture_output=True,
                text=True,
            )
        if done.returncode != 0:
            ok = False
            errors += [f"{version}: {line}" for line in done.stderr.splitlines() if line.startswith("ERROR")]
    return ok, count, "; ".join(errors)[:500]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", choices=launch.TARGET_PYTHONS, help="only this Python")
    parser.add_argument(
        "--platform", action="append", choices=sorted(launch.TARGET_PLATFORMS), help="only this platform"
    )
    parser.add_argument("--lock", action="append", choices=LOCKS, help="this lock (default: the test lock)")
    parser.add_argument("--jobs", type=int, default=3, help="pairs checked at the same time")
    args = parser.parse_args(argv)
    failed = checked = 0
    for name in args.lock or ["requirements-test.lock"]:
        lock = lockfile.read(repo_root() / name)
        for problem in check_sources({pin.name: pin.version for pin in lock}):
            print(f"FAIL {name} source-only {problem}")
            failed += 1
        pairs = [
            (p, t)
            for p in args.python or launch.TARGET_PYTHONS
            for t in args.platform or launch.TARGET_PLATFORMS
        ]
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = pool.map(check_pair, [lock] * len(pairs), *zip(*pairs))
            for (python, platform), (ok, count, error) in zip(pairs, results):
                checked += 1
                print(
                    f"{'ok  ' if ok else 'FAIL'} {name:24} cp{python.replace('.', ''):4} {platform:22} "
                    f"{count} wheels{'' if ok else ': ' + error}",
                    flush=True,
                )
                failed += not ok
    sources = ", ".join(sorted(launch.SDIST_ONLY))
    print(f"lock platforms: {checked - failed} passed, {failed} failed (pure-Python source only: {sources})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
