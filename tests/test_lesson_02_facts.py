"""Notebook 02's prose against the data: every number the text quotes is found in the text and
agrees with the course's datasets or physics. If the data changes, these tests say which sentence to fix."""

import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers import data, orbits
from helpers.constants import EARTH_SIDEREAL_DAY_S, R_EARTH_KM
from helpers.questions import nb02

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "02_tiangong.ipynb"


@pytest.fixture(scope="module")
def text():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    markdown = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                for c in cells if c["cell_type"] == "markdown"]
    return " ".join(" ".join(markdown).split())  # one line, single spaces


@pytest.fixture(scope="module")
def crews():
    return data.load("shenzhou_crews").set_index("mission")


@pytest.fixture(scope="module")
def facts():
    return data.load("station_orbit").set_index("item")


H_KM = nb02.typical_altitude_km()


def test_inclination(text, facts):
    quoted = {float(x) for x in re.findall(r"(\d+\.\d)° [SN]", text)}
    assert quoted == {facts.loc["inclination", "value"]}
    assert "Jiuquan launch centre, at about 41° N, lies just inside that band" in text
    assert round(facts.loc["jiuquan_launch_pad", "lat_deg"]) == 41
    assert facts.loc["jiuquan_launch_pad", "lat_deg"] < facts.loc["inclination", "value"]


def test_assembly_took_eighteen_months(text):
    assert "Three modules in eighteen months" in text
    modules = data.load("tiangong_modules")
    days = (modules["docking_date"].max() - modules["launch_date"].min()).days
    assert round(days / 365.25 * 12) == 18
    assert "assembled from three modules in 2021-2022" in text
    assert set(modules["launch_date"].dt.year) == {2021, 2022}


def test_labs_docked_within_a_day(text):
    assert "each laboratory module docked within a day of its launch" in text
    labs = data.load("tiangong_modules").dropna(subset=["docking_date"])
    assert len(labs) == 2 and ((labs["docking_date"] - labs["launch_date"]).dt.days <= 1).all()


def test_first_three_crews_before_the_laboratories(text, crews):
    assert "the first three crews arrived and lived in the core module, the only one there" in text
    wentian = data.load("tiangong_modules").set_index("module").loc["Wentian", "launch_date"]
    launches = crews[crews["crew_size"] > 0]["launch_date"].sort_values()
    assert (launches.iloc[:3] < wentian).all() and launches.iloc[3] > wentian


def test_crew_every_six_months_since_2021(text, crews):
    assert "Since Shenzhou-12 in 2021 a new crew of three has arrived about every six months" in text
    crewed = crews[crews["crew_size"] > 0]
    assert crewed.index[0] == "Shenzhou-12" and crewed["launch_date"].iloc[0].year == 2021
    assert set(crewed["crew_size"]) == {3}
    gaps_months = crewed["launch_date"].diff().dt.days.dropna() / 30.44
    assert 5 <= gaps_months.median() <= 7


def test_handovers(text, crews):
    assert "Most handovers last about five days" in text
    assert "stayed on board two weeks after Shenzhou-21 arrived" in text
    assert "with a handover of a few days" in text
    crewed = crews[crews["crew_size"] > 0]
    overlap = (crewed["landing_date"].shift(1) - crewed["launch_date"]).dt.days.dropna()
    assert overlap[overlap > 0].median() == 5
    assert (crews.loc["Shenzhou-20", "landing_date"] - crews.loc["Shenzhou-21", "launch_date"]).days == 14
    assert "as it was in 2021-2022, before the laboratory modules arrived" in text
    assert {d.year for d in crewed["launch_date"][overlap.index[overlap < 0]]} <= {2021, 2022}


def test_the_november_2025_episode(text, crews):
    milestones = data.load("milestones")
    sz = milestones[milestones["mission"].str.startswith("Shenzhou-2")].set_index("date")
    cracked = sz[sz["event"].str.contains("cracks")].index[0]
    assert "When Shenzhou-20's window cracked in November 2025" in text
    assert (cracked.year, cracked.month) == (2025, 11)
    assert crews.loc["Shenzhou-20", "return_vehicle"] == "Shenzhou-21"
    assert "the uncrewed Shenzhou-22 was launched as a new lifeboat" in text
    assert crews.loc["Shenzhou-22", "crew_size"] == 0
    note = crews.loc["Shenzhou-22", "note"]
    assert "docked about three and a half hours after launch" in text and "3.5 hours" in note
    assert "first emergency launch of China's human spaceflight programme" in text and "first emergency launch" in note
    assert "food, spare parts and a repair kit for the window" in text and "food, spare parts and a kit" in note
    assert "came back to Earth in January 2026" in text
    empty_return = sz[sz["event"].str.contains("without a crew after")].index[0]
    assert (empty_return.year, empty_return.month) == (2026, 1)


def test_gravity_at_the_station(text):
    assert "Close to 90 %" in text
    assert round((R_EARTH_KM / (R_EARTH_KM + H_KM)) ** 2, 2) == 0.89


def test_worked_example_at_200_km(text):
    assert "About 7.8 km/s and 88 minutes" in text
    assert round(orbits.circular_speed(200), 1) == 7.8
    assert round(orbits.circular_period(200) / 60) == 88


def test_summary_numbers(text):
    assert "about 7.7 km/s and about 92 minutes per orbit, nearly 16 orbits a day" in text
    assert round(orbits.circular_speed(H_KM), 1) == 7.7
    assert round(orbits.circular_period(H_KM) / 60) == 92
    assert 15.5 < nb02.orbits_per_day(H_KM) < 16
    assert "a little over 23°" in text
    assert 23 < -orbits.longitude_shift_per_orbit_deg(H_KM) < 23.5


def test_sidereal_day_and_the_24_hour_slip(text):
    assert "once in a sidereal day (23 h 56 min)" in text
    hours, rest = divmod(EARTH_SIDEREAL_DAY_S, 3600)
    assert (hours, int(rest // 60)) == (23, 56)
    assert "the difference is 0.3 %" in nb02.q5.explanation
    assert round((86400 / EARTH_SIDEREAL_DAY_S - 1) * 100, 1) == 0.3


def test_science_numbers(text):
    science = data.load("tiangong_science").set_index("item")
    assert "181 projects and more than 300 TB of data" in text
    assert science.loc["science_projects", "value"] == 181
    assert (science.loc["science_data", "qualifier"], science.loc["science_data", "value"]) == ("more than", 300)
    assert "as counted on 1 December 2024" in text
    for item in ("science_projects", "science_data"):
        assert pd.Timestamp(science.loc[item, "as_of_date"]) == pd.Timestamp("2024-12-01")
    assert "The experiment grew a tall variety and a dwarf one side by side" in text
    assert "a tall variety and the dwarf variety" in science.loc["rice_life_cycle", "description"]
    assert "Both ran in the Wentian laboratory module" in text
    assert all("Wentian" in science.loc[item, "description"] for item in ("rice_life_cycle", "blood_stem_cells"))


def test_reboost_example_is_a_few_metres_per_second(text, facts):
    assert "A few metres per second" in text
    decay = facts[facts["kind"] == "decay example"]
    mean_km = ((decay["perigee_km"] + decay["apogee_km"]) / 2).to_numpy()
    burns = orbits.hohmann(R_EARTH_KM + mean_km[1], R_EARTH_KM + mean_km[2])
    assert 1 < burns.dv_total_km_s * 1000 < 30
    speeds = orbits.circular_speed(mean_km)
    assert "as the lab sank, it went **faster**" in text and speeds[1] > speeds[0]
    assert np.all(np.diff(mean_km) != 0)
    assert math.isclose(float(mean_km[0]), 360.5)
