"""Serve the bundled Sarabun font to JupyterLab's own pages (stub; implemented by the web-font work).

Interface used by the launcher (``helpers.launch``): ``lab_environment(config_dir)`` prepares a
Jupyter config folder and returns ``(environment variables, extra jupyter-lab arguments)``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["lab_environment"]


def lab_environment(config_dir: Path) -> tuple[dict[str, str], list[str]]:
    """Return ``(env, args)`` that make JupyterLab draw Thai with the bundled web font.

    >>> lab_environment(Path("unused"))
    ({}, [])
    """
    return {}, []
