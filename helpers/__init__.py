"""Helpers for the Thai open-government-data teaching kit.

Notebooks start with ``import helpers; helpers.setup()``.  Sub-modules are imported on first use
(``helpers.clean``, ``helpers.data``, ``helpers.portal`` ...) so that the first cell stays quick.
"""

from __future__ import annotations

import importlib

from .startup import ThaiSetupWarning, setup

__version__ = "0.1.0"
__all__ = ["setup", "ThaiSetupWarning", "__version__"]

_SUBMODULES = {
    "check",
    "clean",
    "colab",
    "commands",
    "data",
    "doctor",
    "env",
    "errorhelp",
    "exercise_authoring",
    "explore",
    "grid",
    "paths",
    "portal",
    "recipes",
    "startup",
    "textnlp",
    "thai",
    "thaifont",
    "viz",
    "webfont",
}


def __getattr__(name: str):
    # Lazy sub-module access: ``helpers.clean`` works without importing pandas at ``import helpers``.
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
