"""The pip lock, the conda environment and Binder's copy must agree on every version."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement

from helpers.paths import repo_root

ROOT = repo_root()
# conda-forge names that differ from the PyPI names in the lock
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}


def parse_lock(path: Path, python: str) -> dict[str, str]:
    """Return {name: version} of the lock lines that apply to ``python`` (e.g. '3.12.0') on Linux."""
    env = {
        "python_full_version": python,
        "python_version": ".".join(python.split(".")[:2]),
        "sys_platform": "linux",
        "platform_system": "Linux",
        "os_name": "posix",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "platform_machine": "x86_64",
    }
    pins: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        (spec,) = req.specifier
        assert spec.operator == "==", f"lock line is not an exact pin: {raw}"
        pins[req.name.lower()] = spec.version
    return pins


def parse_environment(path: Path) -> tuple[str, dict[str, str]]:
    """Return (python version, {package: version}) from a conda environment file."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert doc["channels"] == ["conda-forge"]
    python = None
    pins: dict[str, str] = {}
    for dep in doc["dependencies"]:
        if isinstance(dep, dict):
            for line in dep["pip"]:
                req = Requirement(line)
                (spec,) = req.specifier
                pins[req.name.lower()] = spec.version
            continue
        name, _, version = dep.partition("=")
        if name == "python":
            python = version
        elif name != "pip":
            assert version, f"conda dependency without a version: {dep}"
            pins[CONDA_TO_PYPI.get(name, name).lower()] = version
    return python, pins


def test_binder_environment_is_identical_to_root():
    root = (ROOT / "environment.yml").read_bytes()
    binder = (ROOT / "binder" / "environment.yml").read_bytes()
    assert root == binder, "binder/environment.yml differs from environment.yml: copy the root file"


@pytest.mark.parametrize("env_file", ["environment.yml", "binder/environment.yml"])
def test_environment_versions_match_lock(env_file):
    python, pins = parse_environment(ROOT / env_file)
    assert python == "3.12"
    lock = parse_lock(ROOT / "requirements.lock", "3.12.0")
    wrong = {name: (ver, lock.get(name)) for name, ver in pins.items() if lock.get(name) != ver}
    assert not wrong, f"{env_file} disagrees with requirements.lock (env, lock): {wrong}"


def test_environment_lists_every_direct_dependency():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = project["dependencies"] + project["optional-dependencies"]["test"]
    names = {Requirement(d).name.lower() for d in direct}
    _, pins = parse_environment(ROOT / "environment.yml")
    assert names <= set(pins), f"missing from environment.yml: {sorted(names - set(pins))}"


def test_lock_pins_every_direct_dependency_and_satisfies_pyproject():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for python in ("3.11.7", "3.12.0"):
        lock = parse_lock(ROOT / "requirements.lock", python)
        for dep in project["dependencies"] + project["optional-dependencies"]["test"]:
            req = Requirement(dep)
            assert req.name.lower() in lock, f"{req.name} is not in requirements.lock"
            assert lock[req.name.lower()] in req.specifier, (
                f"requirements.lock has {req.name}=={lock[req.name.lower()]}, pyproject wants {req.specifier}"
            )


def test_matplotlib_pin_can_shape_thai():
    lock = parse_lock(ROOT / "requirements.lock", "3.11.7")
    major, minor = (int(x) for x in lock["matplotlib"].split(".")[:2])
    assert (major, minor) >= (3, 11), "matplotlib >= 3.11 is needed to shape Thai text"


def test_parse_lock_detects_a_disagreement(tmp_path):
    """The comparison really fails when a version differs (guards against a vacuous test)."""
    env = (ROOT / "environment.yml").read_text(encoding="utf-8").replace("pandas=", "pandas=0.0.0#")
    bad = tmp_path / "environment.yml"
    bad.write_text(env.replace("pandas=0.0.0#", "pandas=0.0.0\n  # was "), encoding="utf-8")
    _, pins = parse_environment(bad)
    lock = parse_lock(ROOT / "requirements.lock", "3.12.0")
    assert pins["pandas"] != lock["pandas"]


def test_binder_postbuild_and_apt():
    post = (ROOT / "binder" / "postBuild").read_text(encoding="utf-8").splitlines()
    code = [line for line in post if line.strip() and not line.startswith("#")]
    assert code[0] == "set -e"
    assert "pip install --no-deps -e ." in code
    apt = (ROOT / "binder" / "apt.txt").read_text(encoding="utf-8")
    assert "fonts-thai-tlwg" in apt.split()
