"""Facts in the Moon, Mars and small-body datasets: the numbers the lessons rely on, and their consistency.

The generic checks (schema, checksum, every row sourced, no unplanned future dates) live in
test_data.py. These tests check what is specific to each dataset: published values, time order,
the far-side flag against the longitude, orbital elements against Kepler's third law.
"""

import numpy as np
import pandas as pd
import pytest

from helpers import data

DAYS_PER_JULIAN_YEAR = 365.25
EARTH_SIDEREAL_YEAR_DAYS = 365.256


@pytest.fixture(scope="module")
def samples():
    return data.load("lunar_samples").set_index("mission")


@pytest.fixture(scope="module")
def change6():
    return data.load("change6_timeline")


@pytest.fixture(scope="module")
def elements():
    return data.load("small_bodies").set_index("body")


# --- lunar_samples ---------------------------------------------------------------------------

def test_every_sample_return_is_listed(samples):
    expected = {"Apollo 11", "Apollo 12", "Apollo 14", "Apollo 15", "Apollo 16", "Apollo 17",
                "Luna 16", "Luna 20", "Luna 24", "Chang'e-5", "Chang'e-6"}
    assert set(samples.index) == expected


def test_sample_masses_are_positive_and_below_400_kg(samples):
    assert (samples["mass_g"] > 0).all()
    assert (samples["mass_g"] < 400_000).all()


def test_published_chinese_masses(samples):
    assert samples.loc["Chang'e-6", "mass_g"] == pytest.approx(1935.3)
    assert samples.loc["Chang'e-5", "mass_g"] == pytest.approx(1731)
    assert samples.loc["Chang'e-6", "return_date"] == pd.Timestamp("2024-06-25")
    assert samples.loc["Chang'e-5", "return_date"] == pd.Timestamp("2020-12-16")


def test_apollo_total_is_about_382_kg_and_luna_total_326_g(samples):
    apollo_kg = samples.loc[samples.index.str.startswith("Apollo"), "mass_g"].sum() / 1000
    luna_g = samples.loc[samples.index.str.startswith("Luna"), "mass_g"].sum()
    assert apollo_kg == pytest.approx(382, abs=1)
    assert luna_g == pytest.approx(326, abs=1)


def test_coordinates_are_on_the_globe(samples):
    assert samples["lat_deg"].between(-90, 90).all()
    assert samples["lon_deg"].between(-180, 180).all()


def test_far_side_flag_matches_longitude_and_only_change6_is_far(samples):
    far_by_longitude = samples["lon_deg"].abs() > 90
    assert (far_by_longitude == (samples["side"] == "far")).all()
    assert list(samples.index[samples["side"] == "far"]) == ["Chang'e-6"]


def test_only_apollo_was_crewed(samples):
    assert (samples["crewed"] == samples.index.str.startswith("Apollo")).all()


def test_mission_dates_in_order(samples):
    assert (samples["launch_date"] < samples["lunar_landing_date"]).all()
    assert (samples["lunar_landing_date"] < samples["return_date"]).all()
    trip_days = (samples["return_date"] - samples["launch_date"]).dt.days
    assert trip_days.between(7, 60).all()


def test_sources_are_urls(samples):
    for column in ("source_url", "dates_source_url", "site_source_url"):
        assert samples[column].str.match(r"https?://\S+$").all(), column


# --- change6_timeline and change6_payloads ------------------------------------------------------

def test_change6_timeline_is_in_time_order(change6):
    assert change6["step"].is_monotonic_increasing
    assert change6["date_beijing"].is_monotonic_increasing
    utc = change6["datetime_utc"].dropna()
    assert utc.is_monotonic_increasing


def test_change6_runs_53_days_from_launch_to_landing(change6):
    own = change6[change6["spacecraft"] == "Chang'e-6"]
    launch, landing = own["date_beijing"].min(), own["date_beijing"].max()
    assert launch == pd.Timestamp("2024-05-03")
    assert landing == pd.Timestamp("2024-06-25")
    assert (landing - launch).days == 53


def test_queqiao2_came_first(change6):
    relay = change6[change6["spacecraft"] == "Queqiao-2"]
    assert relay["date_beijing"].min() == pd.Timestamp("2024-03-20")
    assert relay["date_beijing"].max() < change6.loc[change6["phase"] == "launch", "date_beijing"].min()


def test_beijing_and_utc_times_are_eight_hours_apart(change6):
    timed = change6.dropna(subset=["time_beijing", "datetime_utc"])
    assert len(timed) >= 5
    beijing = pd.to_datetime(timed["date_beijing"].dt.strftime("%Y-%m-%d") + " " + timed["time_beijing"])
    offset = beijing - timed["datetime_utc"].dt.floor("min")
    assert (offset == pd.Timedelta(hours=8)).all()


def test_landing_falls_on_different_dates_in_utc_and_beijing(change6):
    landing = change6[change6["phase"] == "descent and landing"].dropna(subset=["datetime_utc"]).iloc[0]
    assert landing["date_beijing"] == pd.Timestamp("2024-06-02")
    assert landing["datetime_utc"].normalize() == pd.Timestamp("2024-06-01")


def test_four_international_payloads():
    payloads = data.load("change6_payloads").set_index("payload")
    assert set(payloads.index) == {"DORN", "NILS", "INRRI", "ICUBE-Q"}
    assert payloads.loc["ICUBE-Q", "platform"] == "orbiter"
    assert (payloads.drop(index="ICUBE-Q")["platform"] == "lander").all()
    assert payloads.loc["DORN", "partner_country"] == "France"
    assert payloads.loc["INRRI", "partner_country"] == "Italy"
    assert payloads.loc["ICUBE-Q", "partner_country"] == "Pakistan"


# --- Tianwen-1 and Zhurong ---------------------------------------------------------------------

def test_tianwen1_key_dates():
    events = data.load("tianwen1_events")
    assert events["date_beijing"].is_monotonic_increasing
    assert events["date_beijing"].iloc[0] == pd.Timestamp("2020-07-23")
    landing = events.dropna(subset=["lat_deg"]).iloc[0]
    assert landing["date_beijing"] == pd.Timestamp("2021-05-15")
    assert landing["datetime_utc"].normalize() == pd.Timestamp("2021-05-14")
    assert landing["lat_deg"] == pytest.approx(25.1, abs=0.1)
    assert landing["lon_deg"] == pytest.approx(109.9, abs=0.1)


def test_zhurong_distance_never_decreases():
    traverse = data.load("zhurong_traverse").sort_values("date_beijing")
    assert traverse["cumulative_distance_m"].is_monotonic_increasing
    assert traverse["sols_on_surface"].dropna().is_monotonic_increasing
    assert traverse["cumulative_distance_m"].iloc[0] == 0
    assert traverse["cumulative_distance_m"].iloc[-1] == pytest.approx(1921)


def test_zhurong_never_drove_faster_than_a_rover_can():
    traverse = data.load("zhurong_traverse").sort_values("date_beijing")
    metres = traverse["cumulative_distance_m"].diff().iloc[1:]
    days = traverse["date_beijing"].diff().dt.days.iloc[1:]
    assert (metres / days).max() < 100


def test_thirteen_instruments_seven_on_the_orbiter():
    instruments = data.load("tianwen1_instruments")
    assert len(instruments) == 13
    assert instruments["platform"].value_counts().to_dict() == {"orbiter": 7, "rover": 6}


# --- small bodies ------------------------------------------------------------------------------

def test_the_four_bodies_are_there(elements):
    assert set(elements.index) == {"Kamo'oalewa", "311P/PANSTARRS", "Earth", "Mars"}


def test_elements_are_closed_orbits_in_plausible_ranges(elements):
    assert (elements["e"] < 1).all() and (elements["e"] >= 0).all()
    assert elements["a_au"].between(0.9, 2.5).all()
    assert elements["i_deg"].between(0, 10).all()
    for angle in ("raan_deg", "argp_deg", "mean_anomaly_deg"):
        assert elements[angle].between(0, 360).all(), angle


def test_kamooalewa_is_earth_like(elements):
    kamo, earth = elements.loc["Kamo'oalewa"], elements.loc["Earth"]
    assert kamo["a_au"] == pytest.approx(earth["a_au"], abs=0.002)
    assert kamo["e"] == pytest.approx(0.10, abs=0.01)
    assert kamo["i_deg"] == pytest.approx(7.8, abs=0.1)


def test_periods_follow_keplers_third_law(elements):
    """P = 1 yr x a^1.5 for a in au: a wrong a or period would break it."""
    expected_days = EARTH_SIDEREAL_YEAR_DAYS * elements["a_au"] ** 1.5
    assert np.allclose(elements["period_days"], expected_days, rtol=0.002)


def test_epoch_dates_match_julian_dates(elements):
    from_jd = pd.to_datetime(elements["epoch_jd"], unit="D", origin="julian").dt.normalize()
    assert (from_jd == elements["epoch_date"]).all()


def test_planet_conversions_keep_the_published_longitudes(elements):
    """Standish gives longitude of perihelion and mean longitude; our argp and M must add back to them."""
    published = {"Earth": (102.93768193, 100.46457166), "Mars": (-23.94362959, -4.55343205)}
    for body, (varpi_deg, mean_longitude_deg) in published.items():
        row = elements.loc[body]
        varpi = (row["raan_deg"] + row["argp_deg"]) % 360
        mean_longitude = (varpi + row["mean_anomaly_deg"]) % 360
        assert varpi == pytest.approx(varpi_deg % 360, abs=1e-6), body
        assert mean_longitude == pytest.approx(mean_longitude_deg % 360, abs=1e-6), body


def test_small_body_physical_properties():
    props = data.load("small_body_properties").set_index(["body", "property"])
    rotation = props.loc[("Kamo'oalewa", "rotation_period")]
    assert rotation["unit"] == "min" and rotation["value"] == pytest.approx(28.3)
    assert rotation["value_low"] < rotation["value"] < rotation["value_high"]
    size = props.loc[("Kamo'oalewa", "diameter")]
    assert size["unit"] == "m" and 30 <= size["value_low"] < size["value_high"] <= 100
    assert props.loc[("311P/PANSTARRS", "rotation_period"), "value_low"] == pytest.approx(5.4 * 60)


def test_tianwen2_future_milestones_are_planned():
    props = data.load("small_body_properties")
    milestones = props[props["body"] == "Tianwen-2"]
    future = milestones[milestones["date"] > pd.Timestamp("2026-11-26")]
    assert len(future) >= 2
    assert (future["status"] == "planned").all()
    assert (future["reported_date"] < future["date"]).all()
