"""Sphinx configuration of the course website (built by ``scripts/build_site.py``; see docs/site.md).

The pages are staged into a temporary source folder by ``build_site.py`` (README as the home page,
the notebooks with their stored outputs, docs/*.md, one page per data set), which also passes the
title, the repository address (``helpers.env``) and the map of repository files to pages as
configuration overrides.  Nothing here runs a notebook or reaches the network.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Sphinx loads local extensions by module name; its documentation ("Where to put your own
# extensions?") puts their folder on sys.path in conf.py, as done here.
sys.path.insert(0, str(HERE / "_ext"))

project = "thai-opendata-kit"
html_title = "ชุดเรียนข้อมูลเปิดภาครัฐไทย"  # replaced by the README's title in build_site.py
language = "th"
root_doc = "index"
extensions = ["myst_nb", "sphinx.ext.githubpages", "kit_thai_search", "kit_site_links"]
exclude_patterns = ["_build", "**.ipynb_checkpoints", "_kit_*"]

# Labels that Sphinx and the themes have no Thai for: locales/th (sphinx.po for the pages,
# sphinx.js for the search page); build_site.py points locale_dirs at a copy in the staging folder.
locale_dirs = [str(HERE / "locales")]
gettext_compact = True

# --- notebooks: stored outputs only -------------------------------------------------------------
nb_execution_mode = "off"
nb_ipywidgets_js = {}  # the widget manager would come from a CDN; build_site.py explains widgets instead
nb_merge_streams = True
myst_enable_extensions = ["colon_fence", "dollarmath", "html_image"]
myst_heading_anchors = 4
myst_heading_slug_func = "kit_site_links.github_slug"  # the README and the guides use GitHub's Thai anchors
# Links to repository files that are not pages are rewritten by kit_site_links (with its own warning).
# Docutils has no Thai for its own few words (none of which the pages use).
suppress_warnings = ["myst.xref_missing", "myst.header", "docutils"]

# --- HTML -------------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_static_path = [str(HERE / "_static")]
html_css_files = ["kit-site.css"]
html_js_files = ["kit-launch.js"]
html_copy_source = True  # the theme's download button offers the .ipynb / .md file
html_show_sourcelink = False
html_last_updated_fmt = None
html_search_language = "th"
html_theme_options = {
    "repository_url": "",  # set by build_site.py from helpers.env.REPO_URL
    "repository_branch": "main",
    "use_repository_button": True,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}

# Filled by build_site.py (kit_site_links): repository path -> page, every repository file.
kit_page_of: dict[str, str] = {}
kit_repo_files: list[str] = []
kit_repo_dirs: list[str] = []
kit_repo_url = ""
kit_repo_branch = "main"
