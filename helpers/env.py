"""Where the kit lives and what it runs on: repository URL, launch links, versions, font in use.

ที่อยู่ของชุดเรียน (repository) ถูกเก็บไว้ที่นี่ที่เดียว: ป้าย Binder/Colab ในโน้ตบุ๊กและ README,
เซลล์เตรียม Colab และลิงก์ nbgitpuller ล้วนสร้างจากค่าคงที่ ``REPO_URL`` และ ``REPO_BRANCH``
(ถ้าย้ายชุดเรียนไป repository อื่น ให้แก้สองบรรทัดนี้ แล้วรัน ``make sync``)
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import sys
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

__all__ = [
    "DIST_NAME",
    "KEY_PACKAGES",
    "REPO_BRANCH",
    "REPO_URL",
    "badges_markdown",
    "binder_url",
    "colab_url",
    "font_in_use",
    "nbgitpuller_url",
    "repo_dir_name",
    "repo_slug",
    "report",
    "versions",
    "where",
]

#: The public Git repository of the kit (the one place that names it).
REPO_URL = "https://github.com/thai-opendata-kit/thai-opendata-kit"
#: The branch that the Binder, Colab and nbgitpuller links open.
REPO_BRANCH = "main"
#: The name of the installable package (pyproject.toml ``[project] name``).
DIST_NAME = "thai-opendata-kit"
#: Packages whose versions a teacher is asked about first (what the notebooks import).
KEY_PACKAGES = (
    "pandas",
    "numpy",
    "matplotlib",
    "seaborn",
    "pythainlp",
    "ipywidgets",
    "ckanapi",
    "pooch",
    "frictionless",
    "charset-normalizer",
    "openpyxl",
    "fontpkg-sarabun",
    "jupyterlab",
)

_BINDER_BADGE = "https://mybinder.org/badge_logo.svg"
_COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"


def _repo_path(url: str) -> str:
    """The path part of a git URL (https, ssh, git:// or ``git@host:owner/name``), without ``.git``."""
    url = url.strip()
    parsed = urlsplit(url)
    if parsed.scheme and parsed.netloc:
        path = parsed.path
    elif "@" in url.split(":", 1)[0] and ":" in url:  # scp-like: git@gitlab.example.ac.th:group/kit.git
        path = url.split(":", 1)[1]
    else:
        path = url
    path = path.strip("/").removesuffix(".git").strip("/")
    if not path or path.rsplit("/", 1)[-1] in {"", ".", ".."}:
        raise ValueError(f"อ่านชื่อ repository จากที่อยู่นี้ไม่ได้: {url!r} (ตัวอย่างที่ถูก: https://github.com/owner/name)")
    return path


def repo_slug(url: str | None = None) -> str:
    """Return the repository's path on its git host (``owner/name``; GitLab groups included).

    >>> repo_slug()
    'thai-opendata-kit/thai-opendata-kit'
    >>> repo_slug("https://gitlab.example.ac.th/faculty/data/thai-opendata-kit.git")
    'faculty/data/thai-opendata-kit'
    """
    return _repo_path(REPO_URL if url is None else url)


def repo_dir_name(url: str | None = None) -> str:
    """Return the folder name that ``git clone`` gives the repository (without ``.git``).

    >>> repo_dir_name()
    'thai-opendata-kit'
    >>> repo_dir_name("git@git.example.ac.th:teacher/kit-2568.git")
    'kit-2568'
    """
    return repo_slug(url).rsplit("/", 1)[-1]


def binder_url(notebook: str | None = "notebooks/00_welcome.ipynb") -> str:
    """Return the mybinder.org link that opens JupyterLab on ``notebook`` (a repository path).

    >>> binder_url("notebooks/02_find_data.ipynb")
    'https://mybinder.org/v2/gh/thai-opendata-kit/thai-opendata-kit/main?labpath=notebooks%2F02_find_data.ipynb'
    >>> binder_url(None)
    'https://mybinder.org/v2/gh/thai-opendata-kit/thai-opendata-kit/main'
    """
    url = f"https://mybinder.org/v2/gh/{repo_slug()}/{REPO_BRANCH}"
    return f"{url}?labpath={quote(notebook, safe='')}" if notebook else url


def colab_url(notebook: str = "notebooks/00_welcome.ipynb") -> str:
    """Return the Google Colab link that opens ``notebook`` (a repository path) from GitHub.

    >>> colab_url("notebooks/02_find_data.ipynb")
    'https://colab.research.google.com/github/thai-opendata-kit/thai-opendata-kit/blob/main/notebooks/02_find_data.ipynb'
    """
    return f"https://colab.research.google.com/github/{repo_slug()}/blob/{REPO_BRANCH}/{quote(notebook)}"


def nbgitpuller_url(
    hub: str, notebook: str = "notebooks/00_welcome.ipynb", repo: str | None = None, branch: str | None = None
) -> str:
    """Return an nbgitpuller link: the hub clones (or updates) the kit, then opens ``notebook``.

    ``hub`` is the address of the class JupyterHub, e.g. ``https://hub.example.ac.th``; ``repo``
    and ``branch`` default to ``REPO_URL`` and ``REPO_BRANCH``.  Any git host works (GitHub, a
    university GitLab or Gitea), with or without ``.git``: the link names the folder to clone
    into (``targetpath``), so it is the same folder that ``urlpath`` opens.

    >>> nbgitpuller_url("https://hub.example.ac.th/")
    'https://hub.example.ac.th/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fthai-opendata-kit%2Fthai-opendata-kit&branch=main&targetpath=thai-opendata-kit&urlpath=lab%2Ftree%2Fthai-opendata-kit%2Fnotebooks%2F00_welcome.ipynb'
    >>> print(nbgitpuller_url("https://hub.example.ac.th", repo="https://gitlab.example.ac.th/g/kit.git"))
    https://hub.example.ac.th/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgitlab.example.ac.th%2Fg%2Fkit.git&branch=main&targetpath=kit&urlpath=lab%2Ftree%2Fkit%2Fnotebooks%2F00_welcome.ipynb
    """
    repo = REPO_URL if repo is None else repo.strip()
    folder = repo_dir_name(repo)
    query = urlencode(
        {
            "repo": repo,
            "branch": REPO_BRANCH if branch is None else branch,
            "targetpath": folder,
            "urlpath": f"lab/tree/{folder}/{notebook.lstrip('/')}",
        }
    )
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def badges_markdown(notebook: str = "notebooks/00_welcome.ipynb") -> str:
    """Return the Binder and Colab badges (Markdown) for one notebook of the repository.

    >>> print(badges_markdown("notebooks/04_verify_data.ipynb"))  # doctest: +ELLIPSIS
    [![เปิดใน Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/...04_verify_data.ipynb) [![เปิดใน Colab](...)](https://colab.../04_verify_data.ipynb)
    """
    return (
        f"[![เปิดใน Binder]({_BINDER_BADGE})]({binder_url(notebook)}) "
        f"[![เปิดใน Colab]({_COLAB_BADGE})]({colab_url(notebook)})"
    )


def where(environ: dict | None = None, modules: dict | None = None) -> str:
    """Say in Thai where the kit is running: Google Colab, Binder, a JupyterHub or your own machine.

    >>> where(environ={}, modules={})
    'เครื่องของคุณ (local)'
    >>> where(environ={"BINDER_LAUNCH_HOST": "https://mybinder.org/"}, modules={})
    'Binder (mybinder.org)'
    """
    environ = os.environ if environ is None else environ
    modules = sys.modules if modules is None else modules
    if "google.colab" in modules:
        return "Google Colab"
    # mybinder.org runs on JupyterHub too, so Binder is checked first.
    if any(key.startswith("BINDER_") for key in environ):
        return "Binder (mybinder.org)"
    if "JUPYTERHUB_API_URL" in environ:
        return "JupyterHub"
    return "เครื่องของคุณ (local)"


def versions(packages: tuple[str, ...] = KEY_PACKAGES) -> dict[str, str | None]:
    """Return ``{"python": ..., package: version or None when it is not installed}``.

    >>> v = versions(("pandas", "no-such-package-xyz"))
    >>> sorted(v), v["no-such-package-xyz"]
    (['no-such-package-xyz', 'pandas', 'python'], None)
    """
    result: dict[str, str | None] = {"python": platform.python_version()}
    for name in packages:
        try:
            result[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            result[name] = None
    return result


def font_in_use() -> dict:
    """Return the font that matplotlib draws text with now: family, file name, Thai shaping.

    Call ``helpers.setup()`` first; before it, matplotlib uses DejaVu Sans (no Thai).

    >>> import helpers
    >>> _ = helpers.setup()
    >>> font_in_use()
    {'family': 'Sarabun', 'file': 'Sarabun-Regular.ttf', 'shaping': True}
    """
    import matplotlib as mpl
    from matplotlib import font_manager

    from . import thaifont

    families = mpl.rcParams["font.family"]
    family = families[0] if families else "sans-serif"
    path = font_manager.findfont(font_manager.FontProperties(family=families))
    return {"family": family, "file": Path(path).name, "shaping": thaifont.shaping_available()}


def report() -> None:
    """Print where the kit runs, the Python and key package versions and the font used in charts.

    >>> report()  # doctest: +ELLIPSIS
    สภาพแวดล้อมของชุดเรียน
      ที่รัน: ...
      Python: 3...
      pandas: 3...
      ฟอนต์ในกราฟ: Sarabun (Sarabun-Regular.ttf)
      จัดวางสระและวรรณยุกต์ไทย (text shaping): ได้
    """
    from . import colab

    found = versions()
    info = {"Python": found.pop("python"), **found}
    place = where()
    lines = ["สภาพแวดล้อมของชุดเรียน", f"  ที่รัน: {place}"]
    width = max(len(name) for name in info)
    for name, version in info.items():
        if version is None:
            # Colab runs its own Jupyter and widget stack; the kit does not install it there.
            version = (
                "ใช้ของ Colab" if place == "Google Colab" and name in colab.COLAB_PROVIDES else "ยังไม่ได้ติดตั้ง"
            )
        lines.append(f"  {name + ':':<{width + 1}} {version}")
    font = font_in_use()
    shaping = "ได้" if font["shaping"] else "ไม่ได้ (ต้องใช้ matplotlib 3.11 ขึ้นไป)"
    lines.append(f"  ฟอนต์ในกราฟ: {font['family']} ({font['file']})")
    lines.append(f"  จัดวางสระและวรรณยุกต์ไทย (text shaping): {shaping}")
    print("\n".join(lines))
