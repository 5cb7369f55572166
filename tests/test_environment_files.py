"""The two locks, pyproject.toml and the conda environment must agree (checked offline).

* ``requirements.lock``: what learners install (the notebooks and helpers need it all).
* ``requirements-test.lock``: the runtime lock plus the test extra, compiled with the runtime lock
  as constraints, so every package the two share has the same pin.
* ``environment.yml``: conda gives Python and pip only; pip installs the lock (no conda-forge pins).
"""

from __future__ import annotations

import importlib.metadata
import tomllib

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from helpers import launch, lockfile
from helpers.paths import repo_root

ROOT = repo_root()
RUNTIME = lockfile.read(ROOT / "requirements.lock")
TEST = lockfile.read(ROOT / "requirements-test.lock")
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
TARGETS = [(python, platform) for python in launch.TARGET_PYTHONS for platform in launch.TARGET_PLATFORMS]
#: What repo2docker's Python 3.12 base environment (Binder) holds, from its
#: repo2docker/buildpacks/conda/environment.py-3.12-linux-64.lock: our pip install must upgrade both.
REPO2DOCKER_BASE = {"jupyterlab": "4.4.9", "notebook": "7.4.7"}


def _direct(extra: str | None = None) -> list[Requirement]:
    deps = (
        PROJECT["project"]["dependencies"]
        if extra is None
        else PROJECT["project"]["optional-dependencies"][extra]
    )
    return [Requirement(d) for d in deps]


@pytest.mark.parametrize("python, platform", TARGETS)
def test_runtime_lock_satisfies_pyproject_on_every_target(python, platform):
    env = lockfile.environment(f"{python}.0", **launch.TARGET_PLATFORMS[platform])
    pins = lockfile.pins(RUNTIME, env)
    for req in _direct():
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in requirements.lock for cp{python} {platform}"
        assert pins[name] in req.specifier, (
            f"requirements.lock has {name}=={pins[name]}, pyproject wants {req}"
        )


@pytest.mark.parametrize("python, platform", TARGETS)
def test_test_lock_adds_the_test_extra_and_agrees_with_the_runtime_lock(python, platform):
    env = lockfile.environment(f"{python}.0", **launch.TARGET_PLATFORMS[platform])
    runtime, test = lockfile.pins(RUNTIME, env), lockfile.pins(TEST, env)
    differ = {
        name: (version, test.get(name)) for name, version in runtime.items() if test.get(name) != version
    }
    assert not differ, f"the locks disagree (runtime, test); run make lock: {differ}"
    for req in _direct("test"):
        name = canonicalize_name(req.name)
        assert name in test and test[name] in req.specifier, f"{req} is not pinned in requirements-test.lock"


def test_learners_do_not_install_the_test_tools():
    runtime = {pin.name for pin in RUNTIME}
    test_only = {canonicalize_name(r.name) for r in _direct("test")} - {
        canonicalize_name(r.name) for r in _direct()
    }
    leaked = test_only & runtime - {"nbclient", "nbformat"}  # JupyterLab itself needs these two
    assert not leaked, f"test tools in requirements.lock: {sorted(leaked)}"
    for name in ("playwright", "pytest", "nbval", "hypothesis", "ruff"):
        assert name not in runtime


def test_runtime_has_the_excel_reader_and_a_notebook_that_accepts_the_locked_jupyterlab():
    pins = lockfile.pins(RUNTIME, lockfile.environment("3.12.0"))
    assert "python-calamine" in pins
    # notebook's own requirement on jupyterlab (installed from the lock in the test environment)
    installed = importlib.metadata.version("notebook")
    assert installed == pins["notebook"], "install the test lock first: python kit.py test"
    wants = [Requirement(r) for r in importlib.metadata.requires("notebook") if r.startswith("jupyterlab")]
    (jupyterlab,) = [r for r in wants if canonicalize_name(r.name) == "jupyterlab" and r.marker is None]
    assert pins["jupyterlab"] in jupyterlab.specifier, f"notebook {installed} wants {jupyterlab}"
    for name, base in REPO2DOCKER_BASE.items():
        assert Version(pins[name]) > Version(base), f"Binder's {name} {base} would stay: pin a newer {name}"


def test_numpy_has_a_pin_for_every_supported_python():
    versions = {
        python: lockfile.pins(RUNTIME, lockfile.environment(f"{python}.0"))["numpy"]
        for python in launch.TARGET_PYTHONS
    }
    assert Version(versions["3.15"]) >= Version("2.5"), "numpy 2.4 has no wheel for Python 3.15"
    assert versions["3.11"] == versions["3.14"], "the notebooks' tested numpy stays where it has wheels"


def test_matplotlib_pin_can_shape_thai():
    major, minor = (
        int(x) for x in lockfile.pins(RUNTIME, lockfile.environment("3.11.7"))["matplotlib"].split(".")[:2]
    )
    assert (major, minor) >= (3, 11), "matplotlib >= 3.11 is needed to shape Thai text"


def test_build_backend_understands_the_spdx_license():
    (requires,) = PROJECT["build-system"]["requires"]
    req = Requirement(requires)
    assert (
        req.name == "setuptools" and Version("76.9") not in req.specifier and Version("77") in req.specifier
    )
    assert PROJECT["project"]["license"] == "MIT"


def test_conda_environment_installs_exactly_the_lock():
    doc = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert doc["channels"] == ["conda-forge"]
    *conda, pip = doc["dependencies"]
    assert conda[0].startswith("python=") and conda[1:] == ["pip"], "conda provides only Python and pip"
    assert conda[0].split("=", 1)[1] in launch.TARGET_PYTHONS
    assert pip == {"pip": ["-r requirements.lock", "-e ."]}
    assert (ROOT / "requirements.lock").is_file()


def test_agreement_check_can_fail():
    """A runtime pin changed in a copy of the test lock is caught (guards against a vacuous test)."""
    text = (
        (ROOT / "requirements-test.lock")
        .read_text(encoding="utf-8")
        .replace("pandas==", "pandas==0.0.0.dev0+")
    )
    changed = lockfile.pins(lockfile.parse(text), lockfile.environment("3.12.0"))
    assert changed["pandas"] != lockfile.pins(RUNTIME, lockfile.environment("3.12.0"))["pandas"]


def test_doctests_of_the_lock_platform_check_pass():
    import doctest

    from _scripts import load_script

    result = doctest.testmod(load_script("check_lock_platforms"), optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3 and result.failed == 0


def test_citation_matches_the_package():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert str(citation["version"]) == PROJECT["project"]["version"]
    assert citation["license"] == PROJECT["project"]["license"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{PROJECT['project']['version']}]" in changelog and "## [Unreleased]" in changelog
