"""Tests for the chart helpers added for notebook 07: Thai month axes and the tile map's key."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib import dates as mdates

from helpers import grid, viz
from helpers.thai import BE_OFFSET, THAI_MONTHS_ABBR


@pytest.fixture
def month_axes():
    fig, ax = plt.subplots()
    months = pd.date_range("2023-01-01", "2024-12-01", freq="MS")
    ax.plot(months, range(len(months)))
    ax.set_xlim(months[0], months[-1])  # no autoscale margin: the ticks are exactly the data's months
    yield ax, months
    plt.close(fig)


def _tick_labels(ax, axis="x"):
    ax.figure.canvas.draw()
    ticks = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    return [t.get_text() for t in ticks if t.get_text()]


def test_month_axis_writes_thai_months_and_be_year_under_january(month_axes):
    ax, _ = month_axes
    viz.thai_month_axis(ax, every=3)
    labels = _tick_labels(ax)
    assert [label.split("\n")[0] for label in labels[:4]] == ["ม.ค.", "เม.ย.", "ก.ค.", "ต.ค."]
    januaries = [label for label in labels if label.startswith("ม.ค.")]
    assert januaries == ["ม.ค.\n2566", "ม.ค.\n2567"]
    assert all("\n" not in label for label in labels if not label.startswith("ม.ค."))


def test_month_axis_every_month_uses_all_twelve_abbreviations(month_axes):
    ax, _ = month_axes
    viz.thai_month_axis(ax)
    names = {label.split("\n")[0] for label in _tick_labels(ax)}
    assert names == set(THAI_MONTHS_ABBR)


def test_month_axis_changes_labels_only_not_data(month_axes):
    ax, months = month_axes
    before = list(ax.lines[0].get_xdata())
    viz.thai_month_axis(ax, every=6)
    assert list(ax.lines[0].get_xdata()) == before
    assert mdates.num2date(ax.get_xlim()[0]).year == months[0].year


def test_month_axis_first_tick_shows_its_year_even_when_not_january():
    fig, ax = plt.subplots()
    months = pd.date_range("2023-07-01", "2024-06-01", freq="MS")
    ax.plot(months, range(len(months)))
    ax.set_xlim(months[0], months[-1])
    viz.thai_month_axis(ax, every=3)
    labels = _tick_labels(ax)
    assert labels[0] == f"ก.ค.\n{2023 + BE_OFFSET}"
    plt.close(fig)


def test_month_axis_keeps_a_be_label_and_adds_one_when_missing(month_axes):
    ax, _ = month_axes
    ax.set_xlabel("เดือน (พ.ศ. 2566–2567)")
    viz.thai_month_axis(ax)
    assert ax.get_xlabel() == "เดือน (พ.ศ. 2566–2567)"
    ax.set_xlabel("เวลา")
    viz.thai_month_axis(ax)
    assert ax.get_xlabel() == "เวลา (ปี พ.ศ. ใต้เดือนมกราคม)"


def test_month_axis_on_y():
    fig, ax = plt.subplots()
    months = pd.date_range("2024-01-01", periods=6, freq="MS")
    ax.plot(range(6), months)
    viz.thai_month_axis(ax, axis="y", every=2)
    assert _tick_labels(ax, "y")[:3] == ["ม.ค.\n2567", "มี.ค.", "พ.ค."]
    assert "พ.ศ." in ax.get_ylabel()
    plt.close(fig)


@pytest.mark.parametrize("every", [0, 5, 7, 24, 1.5])
def test_month_axis_refuses_steps_that_skip_january(month_axes, every):
    ax, _ = month_axes
    with pytest.raises(ValueError, match="every ต้องเป็น"):
        viz.thai_month_axis(ax, every=every)


def _key_entries(key: str) -> list[str]:
    return [
        entry for line in key.splitlines() if line.startswith("  ") for entry in line.strip().split(" · ")
    ]


def test_key_lists_every_province_once_with_its_own_name():
    table = grid.tile_table()
    entries = _key_entries(grid.abbreviation_key())
    assert len(entries) == 77
    pairs = dict(entry.split(" ", 1) for entry in entries)
    assert len(pairs) == 77
    assert pairs == dict(zip(table["abbr_th"], table["name_th"]))


def test_key_groups_provinces_under_their_region_north_first():
    table = grid.tile_table().set_index("abbr_th")
    key = grid.abbreviation_key()
    headers = [line for line in key.splitlines() if not line.startswith("  ")]
    assert sorted(headers) == sorted(table["region_6"].unique())
    assert headers[0] == "ภาคเหนือ" and headers[-1] == "ภาคใต้"
    region = None
    for line in key.splitlines():
        if not line.startswith("  "):
            region = line
            continue
        for entry in line.strip().split(" · "):
            assert table.loc[entry.split(" ", 1)[0], "region_6"] == region


@pytest.mark.parametrize("per_line", [1, 3, 5, 30])
def test_key_puts_at_most_per_line_entries_on_a_line(per_line):
    lines = [line for line in grid.abbreviation_key(per_line=per_line).splitlines() if line.startswith("  ")]
    assert max(line.count(" · ") + 1 for line in lines) <= per_line
    assert len(_key_entries(grid.abbreviation_key(per_line=per_line))) == 77


def test_key_refuses_zero_per_line():
    with pytest.raises(ValueError):
        grid.abbreviation_key(per_line=0)
