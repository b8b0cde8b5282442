"""Smoke test for ``make bench``: its widget timing still drives a real widget, so it cannot silently rot.

No timing is asserted (the benchmark reports timings; it never fails on them).
"""

import importlib.util
from pathlib import Path

import ipywidgets as ipw
import pandas as pd
import pytest

from helpers import widgets

BENCH_FILE = Path(__file__).resolve().parent.parent / "bench" / "bench_course.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_course", BENCH_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def small_milestones() -> pd.DataFrame:
    return pd.DataFrame({
        "date": pd.to_datetime(["2003-10-15", "2007-10-24", "2011-09-29", "2013-12-14", "2020-12-17", "2021-05-15"]),
        "programme": ["Shenzhou", "Chang'e", "Tiangong", "Chang'e", "Chang'e", "Tianwen"],
        "mission": ["Shenzhou-5", "Chang'e-1", "Tiangong-1", "Chang'e-3", "Chang'e-5", "Tianwen-1"],
        "event": ["first crewed flight", "lunar orbit", "space lab", "lunar landing", "samples home", "Mars landing"],
    })


def test_widget_timing_moves_every_control_and_sees_the_output_change(bench):
    result = bench.time_widget("timeline", lambda: widgets.timeline(small_milestones()), changes_per_control=5,
                               profile_misses=False)

    assert "error" not in result, result.get("error")
    assert result["name"] == "timeline" and result["build_ms"] > 0
    assert set(result["controls"]) == {"programme", "years"}
    for row in result["controls"].values():
        assert {"changes", "median_ms", "p95_ms", "max_ms", "outputs_changed", "verdict", "why"} <= set(row)
        assert row["changes"] == 5
        assert 0 < row["median_ms"] <= row["p95_ms"] <= row["max_ms"]
        assert row["outputs_changed"] > 0


def test_a_widget_that_cannot_be_built_is_reported_not_raised(bench):
    result = bench.time_widget("broken", lambda: widgets.timeline(small_milestones().drop(columns="date")))

    assert result["name"] == "broken"
    assert result["error"].startswith("could not build it: KeyError")


@pytest.mark.parametrize("control", [
    ipw.IntSlider(min=0, max=10),
    ipw.FloatSlider(min=0.5, max=2.0),
    ipw.IntRangeSlider(value=(2003, 2026), min=2003, max=2026),
    ipw.Dropdown(options=["All", "Chang'e", "Tianwen"]),
    ipw.Checkbox(value=False),
])
def test_control_values_change_at_every_step_and_stay_in_range(bench, control):
    values = bench.control_values(control, changes=30)

    assert len(values) == 30
    assert all(before != after for before, after in zip([control.value, *values], values, strict=False))
    for value in values:
        control.value = value  # a value outside the control's range or options would be clipped or raise
        assert control.value == value


def test_suite_time_is_split_into_start_up_tests_and_exit(bench):
    reports = [
        {"worker": "gw0", "nodeid": "tests/test_a.py::one", "start": 3.0, "stop": 5.0},
        {"worker": "gw1", "nodeid": "notebooks/00.ipynb::Cell 0", "start": 5.0, "stop": 9.0},
        {"worker": "gw1", "nodeid": "notebooks/00.ipynb::Cell 0", "start": 9.0, "stop": 9.5},
    ]
    split = bench.split_suite_time(reports, {"configured": 1.0, "session_finished": 9.6}, launched=0.0, exited=10.0)

    assert split["first_test_s"] == 4.0  # gw0 at 3 s, gw1 at 5 s
    assert split["startup_s"] == 4.5  # plus 0.5 s from the last test to exit
    assert split["startup_fraction"] == 0.45
    assert split["tests_s"] == 6.5 and split["notebooks_s"] == 4.5
    assert split["slowest"][0] == {"nodeid": "notebooks/00.ipynb::Cell 0", "seconds": 4.5}
