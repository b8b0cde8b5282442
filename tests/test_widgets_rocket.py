"""Notebook 01's widgets, driven headless: move each control and read the numbers the summary states."""

import re

import numpy as np
import pandas as pd
import pytest

from helpers import data, rocket, widgets
from helpers.constants import G0_M_S2
from helpers.widgets.rocket import (
    ALL_FAMILIES,
    delta_v_to_leo_km_s,
    engine_marks,
    family_of,
    launches_per_year,
    rocket_equation,
    staged_delta_v_km_s,
)


def headline_km_s(summary_html: str) -> float:
    return float(re.search(r"<b>Delta-v ([\d.]+) km/s</b>", summary_html).group(1))


def launches_in(summary_html: str) -> int:
    return int(re.search(r"<b>(\d+) launches</b>", summary_html).group(1))


def picture(widget) -> bytes:
    return bytes(widget.children[1].value)


def test_both_are_registered():
    assert widgets.FACTORIES["rocket_equation"] is rocket_equation
    assert widgets.FACTORIES["launches_per_year"] is launches_per_year


# --------------------------------------------------------------------------- rocket equation


def test_reference_delta_v_and_engine_marks_come_from_the_data():
    reference = data.load("launch_reference").set_index("quantity")
    assert delta_v_to_leo_km_s() == reference.loc["delta_v_to_leo_km_s", "value"] == 9.4
    rockets = data.load("rockets")
    marks = dict(engine_marks())
    first = rockets[rockets["part"].isin(["booster", "first stage"])]
    assert set(marks.values()) == set(first["isp_s"])
    assert marks["Long March 2F (N2O4/UDMH)"] == 291
    assert marks["Long March 5 (LH2/LOX)"] == 430


def test_staged_delta_v_is_n_times_the_rocket_equation():
    by_hand = 3 * 350 * G0_M_S2 / 1000 * np.log(5.0)
    assert staged_delta_v_km_s(350, 5.0, 3) == pytest.approx(by_hand, rel=1e-12)


def test_default_summary_states_delta_v_share_and_verdict():
    widget = rocket_equation()
    expected = 2 * rocket.delta_v(300, 4.0)
    assert headline_km_s(widget.summary.value) == pytest.approx(expected, abs=0.005)
    assert f"{100 * expected / 9.4:.0f}% of the 9.4 km/s" in widget.summary.value
    assert "not enough to reach orbit" in widget.summary.value


@pytest.mark.parametrize("control, value", [("isp_s", 450), ("mass_ratio", 8.0), ("stages", 3)])
def test_each_slider_changes_the_numbers_and_the_picture(control, value):
    widget = rocket_equation()
    before = picture(widget)
    widget.controls[control].value = value
    settings = {"isp_s": 300, "mass_ratio": 4.0, "stages": 2, control: value}
    expected = settings["stages"] * rocket.delta_v(settings["isp_s"], settings["mass_ratio"])
    assert headline_km_s(widget.summary.value) == pytest.approx(expected, abs=0.005)
    assert expected > 9.4 and "<b>enough to reach orbit</b>" in widget.summary.value
    assert picture(widget) != before


def test_summary_gives_each_long_march_engine_at_the_same_stages():
    widget = rocket_equation()
    widget.controls["mass_ratio"].value = 6.0
    widget.controls["stages"].value = 1
    for label, isp_s in engine_marks():
        assert f"{label}, {isp_s:.0f} s: {rocket.delta_v(isp_s, 6.0):.2f} km/s" in widget.summary.value


def test_one_stage_needs_a_huge_mass_ratio():
    """With one stage at the hydrogen engine's 430 s, mass ratio 9.5 is just enough; 9 is not."""
    widget = rocket_equation(isp_s=430, stages=1)
    widget.controls["mass_ratio"].value = 9.5
    assert rocket.delta_v(430, 9.5) > 9.4 and "<b>enough" in widget.summary.value
    widget.controls["mass_ratio"].value = 9.0
    assert rocket.delta_v(430, 9.0) < 9.4 and "not enough" in widget.summary.value


# --------------------------------------------------------------------------- launches per year


def test_family_of_reads_the_number():
    assert family_of(pd.Series(["CZ-2F", "CZ-5B", "CZ-11"])).tolist() == [
        "Long March 2", "Long March 5", "Long March 11"]


def test_launch_log_default_counts_the_whole_years():
    log = data.load("long_march_launches")
    years = log["launch_date"].dt.year
    whole = log[years <= 2021]
    widget = launches_per_year()
    assert launches_in(widget.summary.value) == len(whole)
    successes = int((whole["outcome"] == "success").sum())
    assert f"{successes} successes ({100 * successes / len(whole):.1f}%)" in widget.summary.value
    per_year = whole["launch_date"].dt.year.value_counts()
    assert f"busiest year {per_year.idxmax()} ({per_year.max()} launches)" in widget.summary.value


def test_launch_log_family_and_years_filter():
    log = data.load("long_march_launches")
    years = log["launch_date"].dt.year
    widget = launches_per_year()
    before = picture(widget)
    widget.controls["family"].value = "Long March 2"
    in_family = log["family_variant"].str.match(r"CZ-2[A-Z]?$") & (years <= 2021)
    assert launches_in(widget.summary.value) == int(in_family.sum())
    assert picture(widget) != before
    widget.controls["years"].value = (2016, 2021)
    chosen = in_family & (years >= 2016)
    assert launches_in(widget.summary.value) == int(chosen.sum())
    assert "from 2016 to 2021" in widget.summary.value


def test_launch_log_on_a_small_table_and_an_empty_choice():
    small = pd.DataFrame({
        "launch_date": pd.to_datetime(["1970-04-24", "1990-07-16", "1990-10-05", "2021-06-17"]),
        "family_variant": ["CZ-1", "CZ-2E", "CZ-2C", "CZ-2F"],
        "outcome": ["success", "success", "failure", "success"],
    })
    widget = launches_per_year(small)
    assert widget.controls["family"].options == (ALL_FAMILIES, "Long March 1", "Long March 2")
    assert launches_in(widget.summary.value) == 4
    assert "3 successes (75.0%), busiest year 1990 (2 launches)" in widget.summary.value
    widget.controls["years"].value = (2000, 2010)
    assert widget.summary.value.startswith("<b>0 launches</b>")
