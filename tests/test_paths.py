"""helpers.paths finds the kit's data for an editable install and for an installed package (hub)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import paths

REAL_ROOT = Path(paths.__file__).resolve().parent.parent


def _kit_copy(folder: Path) -> Path:
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "datapackage.json").write_text('{"resources": []}', encoding="utf-8")
    (folder / "notebooks").mkdir()
    return folder


@pytest.fixture
def installed(monkeypatch, tmp_path):
    """Pretend the package was installed non-editable (helpers/ inside a site-packages folder)."""
    site = tmp_path / "venv" / "lib" / "python3" / "site-packages"
    (site / "helpers").mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(site / "helpers" / "paths.py"))
    monkeypatch.delenv("KIT_DATA_DIR", raising=False)
    return site


def test_editable_install_uses_its_checkout_whatever_the_current_folder(monkeypatch, tmp_path):
    other = _kit_copy(tmp_path / "another-copy")
    monkeypatch.chdir(other / "notebooks")
    monkeypatch.delenv("KIT_DATA_DIR", raising=False)
    assert paths.repo_root() == REAL_ROOT
    assert paths.data_dir() == REAL_ROOT / "data"


def test_installed_package_finds_the_learners_clone_upward(installed, monkeypatch, tmp_path):
    clone = _kit_copy(tmp_path / "home" / "learner" / "thai-opendata-kit")
    (clone / "notebooks" / "work").mkdir()
    monkeypatch.chdir(clone / "notebooks" / "work")
    assert paths.repo_root() == clone.resolve()
    assert paths.data_dir() == clone.resolve() / "data"
    assert paths.notebooks_dir() == clone.resolve() / "notebooks"


def test_kit_data_dir_wins(installed, monkeypatch, tmp_path):
    clone = _kit_copy(tmp_path / "clone")
    shared = tmp_path / "shared-data"
    monkeypatch.chdir(clone / "notebooks")
    monkeypatch.setenv("KIT_DATA_DIR", str(shared))
    assert paths.data_dir() == shared.resolve()


def test_no_copy_of_the_kit_anywhere_falls_back_to_the_package_folder(installed, monkeypatch, tmp_path):
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path / "empty")
    assert paths.find_kit_root() is None
    assert paths.repo_root() == installed
    assert not paths.data_dir().exists()  # helpers.doctor then reports the missing data in Thai


def test_a_folder_named_data_without_datapackage_is_not_the_kit(tmp_path):
    (tmp_path / "data").mkdir()
    assert not paths.is_kit_root(tmp_path)
    assert paths.find_kit_root(tmp_path) is None
