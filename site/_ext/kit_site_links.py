"""Links of the site: repository files that are not pages open on the git host; GitHub-style anchors.

The README, the guides and the notebooks link to files of the repository (``LICENSE``,
``CONTRIBUTING.md``, ``data/provinces.csv``, ``../README.md`` ...).  On GitHub these links work; on
the site only the pages exist.  ``build_site.py`` writes ``kit_repo_files`` (every file of the
repository, by its path) and ``kit_page_of`` (repository path -> page) into the configuration;
a link that MyST left as a plain relative URL (it found no page there) is then pointed at the page
(``README.md`` is the home page) or at the file on the git host (``helpers.env.REPO_URL``), and a
link to a file the repository does not have is a build warning.
"""

from __future__ import annotations

import posixpath
import unicodedata

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)


def github_slug(title: str) -> str:
    """Return the anchor GitHub gives a heading (keeps Thai vowel and tone marks, unlike ``\\w``).

    >>> github_slug("2. The Littlest JupyterHub สำหรับห้องเรียนเดียว")
    '2-the-littlest-jupyterhub-สำหรับห้องเรียนเดียว'
    """
    text = title.lower().replace(" ", "-")
    return "".join(ch for ch in text if ch in "-_" or unicodedata.category(ch)[0] in "LMN")


def repo_path(docname: str, target: str, page_of: dict[str, str]) -> str:
    """Return the repository path that ``target`` names, relative to the page ``docname``.

    >>> repo_path("docs/teaching-guide", "../README.md", {"README.md": "index"})
    'README.md'
    >>> repo_path("index", "data/README.md", {"README.md": "index", "data/README.md": "data/index"})
    'data/README.md'
    """
    source = {page: path for path, page in page_of.items()}.get(docname, docname + ".md")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target.split("#", 1)[0]))


def _target(app, docname: str, uri: str) -> str | None:
    """The new address of a relative link of page ``docname``, or None to leave it as it is."""
    config = app.config
    path = repo_path(docname, uri, config.kit_page_of)
    anchor = uri.split("#", 1)[1] if "#" in uri else ""
    if path in config.kit_page_of:
        page = config.kit_page_of[path]
        return app.builder.get_relative_uri(docname, page) + (f"#{anchor}" if anchor else "")
    if path in config.kit_repo_dirs:
        return f"{config.kit_repo_url}/tree/{config.kit_repo_branch}/{path}"
    if path in config.kit_repo_files:
        return f"{config.kit_repo_url}/blob/{config.kit_repo_branch}/{path}" + (
            f"#{anchor}" if anchor else ""
        )
    return None


def _rewrite_links(app, doctree, docname: str) -> None:
    """Point the links MyST left as plain relative URLs (files that are not pages) somewhere real."""
    for node in doctree.findall(nodes.reference):
        uri = node.get("refuri", "")
        if not uri and node.get("refid") and node["refid"] not in doctree.ids:
            # MyST's fallback for a link it could not resolve: the path became an in-page anchor.
            uri = node["refid"]
        elif node.get("internal") or not uri or uri.startswith("#") or ":" in uri.split("/", 1)[0]:
            continue
        new = _target(app, docname, uri)
        if new is None:
            logger.warning("ลิงก์ไปยังไฟล์ที่ไม่มีในที่เก็บโค้ด: %s", uri, location=node)
        else:
            node.attributes.pop("refid", None)
            node["refuri"] = new
            node["internal"] = "://" not in new


def setup(app):
    app.add_config_value("kit_page_of", {}, "env")
    app.add_config_value("kit_repo_files", [], "env")
    app.add_config_value("kit_repo_dirs", [], "env")
    app.add_config_value("kit_repo_url", "", "env")
    app.add_config_value("kit_repo_branch", "main", "env")
    app.connect("doctree-resolved", _rewrite_links)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
