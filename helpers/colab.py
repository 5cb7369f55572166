"""Set the kit up on Google Colab: pinned packages, the kit itself, and a Thai note when to restart.

ทำไมต้องมีโมดูลนี้: Colab เปิดโน้ตบุ๊กจาก GitHub มาเพียงไฟล์เดียว ไม่มีโฟลเดอร์ ``helpers/`` และ
``data/`` มาด้วย และ Colab ติดตั้ง matplotlib 3.10 ไว้ ซึ่งจัดวางสระและวรรณยุกต์ไทยในกราฟไม่ถูกต้อง
เซลล์โค้ดแรกของทุกโน้ตบุ๊ก (เซลล์เตรียมชุดเรียน ติดแท็ก ``kit-setup``) จึงทำสองขั้นตอนนี้ก่อนเฉพาะบน Colab

1. ``git clone --depth 1`` ชุดเรียนไปที่ ``/content/thai-opendata-kit`` (ถ้ายังไม่มี)
2. เรียกไฟล์นี้ด้วย ``runpy.run_path(...)`` แล้วเรียก ``main()``: ติดตั้งเฉพาะแพ็กเกจที่ Colab ยังไม่มี
   หรือมีรุ่นเก่ากว่าที่ชุดเรียนต้องการ (ตามช่วงรุ่นใน ``pyproject.toml``) ด้วยรุ่นใน ``requirements.lock``
   ติดตั้งชุดเรียนแบบ ``pip install --no-deps -e`` ทำให้ ``import helpers`` ใช้ได้ทันทีในเซสชันเดิม
   และบอกเป็นภาษาไทยเมื่อต้องรีสตาร์ตเซสชัน (restart session)

Design notes (why it is built this way):

* Chicken and egg: before the clone, ``helpers`` cannot be imported, so the notebook cell is tiny
  and self-contained, and this file runs *by path*.  Its top level therefore imports only the
  standard library and never uses relative imports; the lock parser ``helpers/lockfile.py`` is
  loaded from the file next to this one (``_lockfile()``), and needs only ``packaging``.
* No ``sys.path`` edits: the kit is installed the normal way (editable), and the running
  interpreter is told about it by processing that distribution's own ``.pth`` file, exactly what
  ``site`` does at the next start (``activate()``).  After a restart nothing special is needed.
* Colab's packages are kept wherever they satisfy the kit (``install_list()``): the kit's
  pyproject ranges decide, not the lock's exact pins, so Colab's numpy, pandas or requests are
  not replaced (replacing them gives pip conflict warnings with Colab's other packages).  What is
  missing or too old (matplotlib < 3.11, pythainlp, fontpkg-sarabun, ckanapi, frictionless ...)
  is installed at the lock's tested version, with the missing packages those need.
* Colab runs its own Jupyter server, kernel and widget front end (ipywidgets 7 with Colab's own
  widget manager).  Replacing them in a live session breaks the runtime, so that stack
  (``COLAB_PROVIDES``) is never installed, whatever the kit's ranges say.
* A restart is needed when a package that was already imported got a new version (Colab imports
  matplotlib, numpy and pandas at start).  Then the cell stops "Run all" with a short Thai message
  instead of a traceback.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import re
import site
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

__all__ = [
    "DEFAULT_KIT_DIR",
    "CELL_TAGS",
    "COLAB_PROVIDES",
    "RestartNeeded",
    "on_colab",
    "kit_requirements",
    "install_list",
    "stale_modules",
    "activate",
    "bootstrap",
    "main",
    "cell_source",
]

DIST_NAME = (
    "thai-opendata-kit"  # same as helpers.env.DIST_NAME (this file may run before the kit is installed)
)
DEFAULT_KIT_DIR = "/content/thai-opendata-kit"
#: Tags of the set-up cell (``cell_source()``).  Not ``nbval-skip``: outside Colab it runs the
#: set-up and prints nothing, so nbval and the solution runner run it like any other cell.
CELL_TAGS = ["kit-setup"]
#: What the set-up cell says when ``import helpers`` fails (two halves: one source line each).
NOT_INSTALLED_MESSAGE = (
    "ยังไม่ได้ติดตั้งแพ็กเกจ helpers ของชุดเรียน ให้เปิดชุดเรียนด้วยคำสั่ง python3 kit.py lab ",
    "ในโฟลเดอร์ของชุดเรียน (บน Windows ใช้ py kit.py lab) หรือเปิดผ่านลิงก์ Binder หรือ Colab ใน README",
)

#: Colab's own Jupyter server, kernel and widget stack: never replaced in a running session.
COLAB_PROVIDES = frozenset(
    {
        "comm",
        "ipykernel",
        "ipython",
        "ipywidgets",
        "jupyter-client",
        "jupyter-core",
        "jupyter-server",
        "jupyterlab",
        "jupyterlab-widgets",
        "matplotlib-inline",
        "notebook",
        "prompt-toolkit",
        "pyzmq",
        "tornado",
        "traitlets",
        "widgetsnbextension",
    }
)

RESTART_MESSAGE = """\
ติดตั้งแพ็กเกจของชุดเรียนเสร็จแล้ว แต่ต้องรีสตาร์ตเซสชัน (restart session) หนึ่งครั้ง
เพราะ Colab โหลด {packages} รุ่นเดิมไว้ในหน่วยความจำแล้ว (กราฟภาษาไทยต้องใช้ matplotlib 3.11 ขึ้นไป)
  1. เลือกเมนู Runtime (รันไทม์) → Restart session (รีสตาร์ตเซสชัน) หรือกด Ctrl+M แล้วกด .
  2. รันเซลล์นี้อีกครั้ง ครั้งนี้จะเสร็จเร็ว เพราะติดตั้งไว้แล้ว
  3. รันเซลล์ถัดไปตามปกติ"""
READY_MESSAGE = (
    "✅ ชุดเรียนพร้อมใช้บน Colab แล้ว รันเซลล์ถัดไปได้เลย\n"
    "ไฟล์ของชุดเรียนอยู่ที่โฟลเดอร์ {kit_name} (ดูได้ที่แถบไฟล์ด้านซ้าย) "
    "ไฟล์ที่สร้างหรือแก้บน Colab จะหายเมื่อปิดเซสชัน ถ้าต้องการเก็บไว้ให้ดาวน์โหลดก่อน"
)
INSTALLING_MESSAGE = (
    "กำลังติดตั้งแพ็กเกจที่ Colab ยังไม่มีหรือมีรุ่นเก่าเกินไป ตามรุ่นที่ชุดเรียนทดสอบแล้ว (ครั้งแรกใช้เวลาประมาณ 1–2 นาที) ..."
)
PIP_FAILED_MESSAGE = (
    "ติดตั้งแพ็กเกจไม่สำเร็จ (คำสั่ง pip จบด้วยรหัส {code}) ลองรันเซลล์นี้อีกครั้ง "
    "ถ้ายังไม่ได้ ให้เลือกเมนู Runtime → Disconnect and delete runtime แล้วเริ่มใหม่\n"
    "ข้อความจาก pip (บรรทัดท้าย ๆ):\n{tail}"
)


class RestartNeeded(Exception):
    """Raised on Colab when the session must restart before the new packages can be used.

    IPython shows ``_render_traceback_()`` instead of a traceback, so the learner sees one Thai
    line, and "Run all" stops here instead of running the notebook with the old matplotlib.
    """

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def on_colab(modules: dict | None = None) -> bool:
    """Return True inside Google Colab (its ``google.colab`` module is always imported there).

    >>> on_colab({})
    False
    >>> on_colab({"google.colab": object()})
    True
    """
    return "google.colab" in (sys.modules if modules is None else modules)


def _installed(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _lockfile():
    """Return the kit's lock parser ``helpers.lockfile``, also when this file runs by path.

    Imported as ``helpers.colab`` it is the normal sub-module.  Run by path from the notebook
    cell, before the kit is installed, the file next to this one is loaded under its own name
    (no ``sys.path`` edit); it needs only ``packaging``, which Colab has.
    """
    if __package__:
        from . import lockfile

        return lockfile
    import importlib.util

    name = "_thai_opendata_kit_lockfile"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("lockfile.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the file runs
        spec.loader.exec_module(module)
    return sys.modules[name]


def kit_requirements(pyproject: str | os.PathLike) -> list[str]:
    """Return the kit's runtime requirements (``[project] dependencies`` of ``pyproject.toml``).

    These ranges, not the lock's exact pins, say which versions the kit runs with.

    >>> from helpers.paths import repo_root
    >>> reqs = kit_requirements(repo_root() / "pyproject.toml")
    >>> any(r.startswith("matplotlib>=3.11") for r in reqs), any(r.startswith("pytest") for r in reqs)
    (True, False)
    """
    import tomllib

    with open(pyproject, "rb") as fh:
        return list(tomllib.load(fh)["project"]["dependencies"])


def _meets(have: str | None, specifier) -> bool:
    if have is None:
        return False
    from packaging.version import InvalidVersion

    try:
        return specifier.contains(have, prereleases=True)
    except InvalidVersion:  # an odd version string: install the tested version rather than guess
        return False


def install_list(
    requirements: list[str], lock, version_of=_installed, environment: dict | None = None
) -> list[str]:
    """Return the ``name==version`` lines to install: only what is missing here or too old for the kit.

    * A requirement of the kit (``requirements``: the pyproject ranges) is installed when it is
      missing or outside its range, at the lock's version.  Colab's own Jupyter and widget stack
      (:data:`COLAB_PROVIDES`) is never replaced.
    * A package that one of those needs (the lock's ``# via`` notes) and that is missing here is
      added at the lock's version too, so new packages come with the versions the kit was tested
      with.  Packages that are present are left to pip, which upgrades one only when a new
      package requires it.

    ``lock`` is a path or parsed pins (``helpers.lockfile``); markers are evaluated for
    ``environment`` (default: this interpreter).

    >>> lock = _lockfile().parse(
    ...     "pandas==3.1.1\\n    # via thai-opendata-kit (pyproject.toml)\\n"
    ...     "numpy==2.4.6\\n    # via pandas\\n"
    ...     "pythainlp==5.4.0\\n    # via thai-opendata-kit (pyproject.toml)\\n"
    ...     "tzdata==2026.1\\n    # via pythainlp\\n")
    >>> on_colab = {"pandas": "2.2.3", "numpy": "2.1.3"}
    >>> install_list(["pandas>=2.2,<4", "pythainlp>=5.1,<6"], lock, version_of=on_colab.get)
    ['pythainlp==5.4.0', 'tzdata==2026.1']
    """
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    lf = _lockfile()
    parsed = lock if isinstance(lock, list) else lf.read(lock)
    pinned = lf.pins(parsed, environment)
    children: dict[str, list[str]] = {}
    for pin in parsed:
        if pin.applies(environment):
            for parent in pin.via:
                children.setdefault(parent, []).append(pin.name)
    plan: dict[str, str] = {}
    for text in requirements:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name in COLAB_PROVIDES or (req.marker is not None and not req.marker.evaluate(environment)):
            continue
        if not _meets(version_of(name), req.specifier):
            # the lock's tested version; a package the lock lacks gets the kit's range, for pip to pick
            plan[name] = f"{name}=={pinned[name]}" if name in pinned else f"{name}{req.specifier}"
    queue = list(plan)
    while queue:  # missing dependencies of what gets installed, and theirs
        for child in children.get(queue.pop(), []):
            if child not in plan and child not in COLAB_PROVIDES and version_of(child) is None:
                plan[child] = f"{child}=={pinned[child]}"
                queue.append(child)
    return [plan[name] for name in sorted(plan)]


def _same_version(a: str | None, b: str | None) -> bool:
    """Compare a module's ``__version__`` with its distribution's version, ignoring post releases.

    Some packages do not put the post-release tag in ``__version__`` (certifi 2026.10.19 is the
    distribution 2026.10.19.post1), and a post release never needs a restart.

    >>> _same_version("2026.10.19", "2026.10.19.post1"), _same_version("3.10.1", "3.11.2")
    (True, False)
    """
    if a is None or b is None:
        return a == b
    try:
        from packaging.version import Version

        return Version(a).base_version == Version(b).base_version
    except Exception:  # packaging missing or an odd version string: compare the text
        return a == b


def _top_level_modules() -> dict[str, list[str]]:
    """Map each installed distribution (normalised name) to its top-level import names."""
    top_level: dict[str, list[str]] = {}
    for module, dists in importlib.metadata.packages_distributions().items():
        for dist in dists:
            top_level.setdefault(_norm(dist), []).append(module)
    return top_level


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def stale_modules(
    names: list[str], modules: dict | None = None, version_of=_installed, changed: tuple = ()
) -> list[str]:
    """Return the distributions among ``names`` whose imported code is not the installed version.

    A distribution is stale when one of its top-level modules is loaded and either that module's
    ``__version__`` differs from the installed files, or pip has just replaced it (``changed``):
    only a restart loads the new version.

    >>> import types
    >>> fake = {"pandas": types.SimpleNamespace(__version__="0.1"), "numpy": types.SimpleNamespace()}
    >>> stale_modules(["pandas", "numpy", "seaborn"], modules=fake, version_of=lambda name: "3.1.1")
    ['pandas']
    >>> stale_modules(["pandas", "numpy", "seaborn"], modules=fake, version_of=lambda name: "0.1",
    ...               changed=("numpy", "seaborn"))
    ['numpy']
    """
    modules = sys.modules if modules is None else modules
    top_level = _top_level_modules()
    changed_set = {_norm(n) for n in changed}
    stale = []
    for name in dict.fromkeys(names):
        key = _norm(name)
        installed = version_of(name)
        for module_name in top_level.get(key) or [key.replace("-", "_")]:
            if module_name not in modules:
                continue
            with warnings.catch_warnings():  # e.g. jsonschema warns that __version__ is deprecated
                warnings.simplefilter("ignore")
                loaded = getattr(modules[module_name], "__version__", None)
            if key in changed_set or (isinstance(loaded, str) and not _same_version(loaded, installed)):
                stale.append(name)
                break
    return stale


def activate(dist_name: str = DIST_NAME) -> bool:
    """Make a freshly installed (editable) distribution importable in the running interpreter.

    ``pip install -e`` writes a ``.pth`` file that Python reads at start-up; here ``site`` reads
    that one file now, the same way, so ``import helpers`` works without a restart and without
    editing ``sys.path`` by hand.  Returns False when the distribution is not installed.

    >>> activate()           # the kit is installed in editable mode here: nothing changes
    True
    >>> activate("no-such-distribution-xyz")
    False
    """
    importlib.invalidate_caches()
    try:
        dist = importlib.metadata.distribution(dist_name)
    except importlib.metadata.PackageNotFoundError:
        return False
    for file in dist.files or []:
        if file.name.endswith(".pth"):
            sitedir = str(Path(dist.locate_file(file)).parent)
            site.addpackage(sitedir, file.name, None)  # documented in site: process one .pth file
    importlib.invalidate_caches()
    return True


def _pip(run, *args: str) -> None:
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args]
    done = run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        tail = "\n".join(((done.stdout or "") + (done.stderr or "")).strip().splitlines()[-15:])
        raise RuntimeError(PIP_FAILED_MESSAGE.format(code=done.returncode, tail=tail))


def bootstrap(
    kit_dir: str | os.PathLike = DEFAULT_KIT_DIR,
    *,
    run=subprocess.run,
    modules: dict | None = None,
    version_of=_installed,
    say=print,
    chdir: bool = True,
    environment: dict | None = None,
) -> str:
    """Install what the kit needs on Colab and return ``"ready"`` or ``"restart"``.

    ``kit_dir`` is the clone made by the notebook's first cell.  Nothing happens outside Colab
    (returns ``"not-colab"``).  ``run``, ``modules``, ``version_of`` and ``environment`` (a marker
    environment, see ``helpers.lockfile.environment``) are there for the tests, which simulate
    Colab without a network.

    >>> bootstrap("/nowhere", modules={})
    'not-colab'
    """
    modules = sys.modules if modules is None else modules
    if not on_colab(modules):
        return "not-colab"
    kit = Path(kit_dir)
    lock = _lockfile().read(kit / "requirements.lock")
    wanted = install_list(kit_requirements(kit / "pyproject.toml"), lock, version_of, environment)
    # Watch every package of the lock, not only those installed now: pip may upgrade one that a
    # new package requires, and a second run without a restart must still see the old copy loaded.
    names = list(
        dict.fromkeys(
            [re.split(r"[\s=<>!~;\[]", line, maxsplit=1)[0] for line in wanted]
            + [pin.name for pin in lock if pin.applies(environment)]
        )
    )
    before = {name: version_of(name) for name in names}
    if wanted or version_of(DIST_NAME) is None:
        say(INSTALLING_MESSAGE)
        if wanted:
            with tempfile.NamedTemporaryFile("w", suffix="-colab-requirements.txt", delete=False) as fh:
                fh.write("\n".join(wanted) + "\n")
            try:
                _pip(run, "-r", fh.name)
            finally:
                os.unlink(fh.name)
        _pip(run, "--no-deps", "-e", str(kit))
        activate(DIST_NAME)
    changed = tuple(n for n in names if not _same_version(before[n], version_of(n)))
    stale = stale_modules(names, modules=modules, version_of=version_of, changed=changed)
    if stale:
        packages = ", ".join(stale[:4]) + (" ฯลฯ" if len(stale) > 4 else "")
        message = RESTART_MESSAGE.format(packages=packages)
        say(message)
        raise RestartNeeded("หยุดตรงนี้ก่อน: รีสตาร์ตเซสชันตามขั้นตอนข้างบน แล้วรันเซลล์นี้อีกครั้ง")
    if chdir:
        # Locally the kernel starts in notebooks/: keep relative paths the same on Colab.
        os.chdir(kit / "notebooks")
    say(READY_MESSAGE.format(kit_name=kit.name))
    return "ready"


def main(kit_dir: str | os.PathLike = DEFAULT_KIT_DIR) -> str:
    """Entry point for the notebook cell (``runpy.run_path(...)["main"](kit_dir)``).

    >>> main("/nowhere") if "google.colab" not in sys.modules else 'not-colab'
    'not-colab'
    """
    return bootstrap(kit_dir)


def cell_source(kit_dir: str = DEFAULT_KIT_DIR) -> str:
    """Return the source of every notebook's first code cell, the set-up cell (tag ``kit-setup``).

    One cell that a learner cannot skip by mistake: on Colab it first fetches and installs the
    kit (and may stop with the restart message of :func:`bootstrap`); everywhere it then imports
    ``helpers`` (with a Thai message when the kit is not installed) and calls ``helpers.setup()``.
    The Colab part is the only code that must work before the kit exists, so it uses only the
    standard library.  Outside Colab the cell prints nothing, so nbval runs it: ``helpers.setup()``
    stands in the ``else`` of the ``try``, where IPython does not display its result (a trailing
    ``;`` would not do: nbval runs cells without history, and then IPython ignores the ``;``).

    >>> src = cell_source()
    >>> src.splitlines()[1], src.splitlines()[-1]
    ('# kit:setup:start', '# kit:setup:end')
    >>> compile(src, "cell", "exec") is not None and "helpers.setup()" in src
    True
    """
    from .env import REPO_BRANCH, REPO_URL

    return (
        "#@title เตรียมชุดเรียน (รันเซลล์นี้ก่อนทุกครั้งที่เปิดโน้ตบุ๊ก)\n"
        "# kit:setup:start\n"
        "# เตรียมชุดเรียน: ฟอนต์ไทยในกราฟ ค่าเริ่มต้นของตาราง และคำอธิบายภาษาไทยเมื่อโค้ดผิด\n"
        "# (สร้างโดย scripts/sync_notebooks.py จาก helpers/colab.py: อย่าแก้ในโน้ตบุ๊ก)\n"
        "import sys\n"
        "if 'google.colab' in sys.modules:\n"
        "    # บน Colab: ดาวน์โหลดชุดเรียน ติดตั้งแพ็กเกจตามรุ่นที่ทดสอบแล้ว แล้วบอกว่าต้องรีสตาร์ตหรือไม่\n"
        "    import os, runpy, subprocess\n"
        f"    KIT_DIR = {kit_dir!r}\n"
        "    if not os.path.isdir(KIT_DIR):\n"
        "        subprocess.run(['git', 'clone', '--quiet', '--depth', '1', '--branch',\n"
        f"                        {REPO_BRANCH!r}, {REPO_URL!r}, KIT_DIR], check=True)\n"
        "    runpy.run_path(os.path.join(KIT_DIR, 'helpers', 'colab.py'))['main'](KIT_DIR)\n"
        "try:\n"
        "    import helpers\n"
        "except ModuleNotFoundError:\n"
        "    raise ModuleNotFoundError(\n"
        f"        {NOT_INSTALLED_MESSAGE[0]!r}\n"
        f"        {NOT_INSTALLED_MESSAGE[1]!r}\n"
        "    ) from None\n"
        "else:\n"
        "    helpers.setup()\n"
        "# kit:setup:end"
    )
