"""Import a file from ``scripts/`` as a module, for tests (scripts are not part of the package)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from helpers import paths


def load_script(name: str) -> ModuleType:
    """Load ``scripts/<name>.py`` once and return it as a module."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, paths.repo_root() / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module
