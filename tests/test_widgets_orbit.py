"""Notebook 02's widgets, driven headless: move each control and read the numbers in the summary,
computed here independently from the formulas (not from the widget's own code)."""

import math
import re

import numpy as np
import pytest

from helpers import data, widgets
from helpers.constants import EARTH_ROTATION_RATE_RAD_S, GM_EARTH_KM3_S2, R_EARTH_KM
from helpers.widgets import orbit

FACTS = data.load("station_orbit")


def circular(altitude_km):
    """Speed (km/s), period (min) and orbits per 24 h of a circular orbit, from v = sqrt(mu/r), T = 2 pi r / v."""
    r_km = R_EARTH_KM + altitude_km
    v_km_s = math.sqrt(GM_EARTH_KM3_S2 / r_km)
    T_s = 2 * math.pi * r_km / v_km_s
    return v_km_s, T_s / 60, 86400 / T_s


def bold_numbers(html):
    return re.findall(r"<b>(-?[\d.]+)", html)


def image_bytes(widget):
    return bytes(widget.children[1].value)


def test_both_widgets_are_registered():
    assert widgets.FACTORIES["altitude_explorer"] is orbit.altitude_explorer
    assert widgets.FACTORIES["ground_track_map"] is orbit.ground_track_map


def test_explorer_starts_at_tiangong_altitude():
    w = orbit.altitude_explorer()
    assert w.controls["altitude"].value == 386.5
    v, T, n = circular(386.5)
    assert bold_numbers(w.summary.value) == ["386.5", f"{v:.2f}", f"{T:.1f}", f"{n:.2f}"]
    assert "inside Tiangong's design band (340-450 km)" in w.summary.value


@pytest.mark.parametrize("altitude_km", [150.0, 400.0, 800.5, 1000.0])
def test_explorer_follows_the_slider(altitude_km):
    w = orbit.altitude_explorer()
    before = image_bytes(w)
    w.controls["altitude"].value = altitude_km
    v, T, n = circular(altitude_km)
    assert bold_numbers(w.summary.value) == [f"{altitude_km:.1f}", f"{v:.2f}", f"{T:.1f}", f"{n:.2f}"]
    assert ("inside" if 340 <= altitude_km <= 450 else "outside") in w.summary.value
    assert image_bytes(w) != before and image_bytes(w)[:4] == b"\x89PNG"


def test_explorer_a_higher_orbit_is_slower_and_longer():
    w = orbit.altitude_explorer(altitude_km=300)
    low = [float(x) for x in bold_numbers(w.summary.value)]
    w.controls["altitude"].value = 900
    high = [float(x) for x in bold_numbers(w.summary.value)]
    assert high[1] < low[1] and high[2] > low[2] and high[3] < low[3]


def test_track_starts_with_three_orbits_and_the_westward_shift():
    w = orbit.ground_track_map()
    T_s = 2 * math.pi * math.sqrt((R_EARTH_KM + 386.5) ** 3 / GM_EARTH_KM3_S2)
    shift_deg = math.degrees(EARTH_ROTATION_RATE_RAD_S * T_s)
    assert bold_numbers(w.summary.value) == ["3", f"{3 * T_s / 3600:.2f}", f"{shift_deg:.1f}"]
    assert f"0.0°, {-shift_deg:.1f}°, {-2 * shift_deg:.1f}°" in w.summary.value
    assert "between 41.5° S and 41.5° N" in w.summary.value


def test_track_orbits_slider_adds_orbits_and_wraps_longitudes():
    w = orbit.ground_track_map()
    before = image_bytes(w)
    w.controls["orbits"].value = 16
    T_s = 2 * math.pi * math.sqrt((R_EARTH_KM + 386.5) ** 3 / GM_EARTH_KM3_S2)
    assert bold_numbers(w.summary.value)[:2] == ["16", f"{16 * T_s / 3600:.2f}"]
    crossings = re.search(r"\(° east\): (.*?)\. The", w.summary.value).group(1).split(", ")
    assert len(crossings) == 16
    values = [float(c.rstrip("°")) for c in crossings]
    assert all(-180 <= x < 180 for x in values)
    shift = math.degrees(EARTH_ROTATION_RATE_RAD_S * T_s)
    assert values[15] == pytest.approx((-15 * shift + 180) % 360 - 180, abs=0.05)
    assert image_bytes(w) != before


def test_track_altitude_slider_changes_the_shift():
    w = orbit.ground_track_map(n_orbits=1)
    assert bold_numbers(w.summary.value)[0] == "1" and "<b>1 orbit</b>" in w.summary.value
    w.controls["altitude"].value = 1000.0
    T_s = 2 * math.pi * math.sqrt((R_EARTH_KM + 1000) ** 3 / GM_EARTH_KM3_S2)
    assert bold_numbers(w.summary.value)[2] == f"{math.degrees(EARTH_ROTATION_RATE_RAD_S * T_s):.1f}"
    assert "Tiangong itself flies between 340 and 450 km" in w.summary.value


def test_track_segments_never_streak_across_the_map_and_reach_the_inclination():
    lat, lon = orbit.track_segments(386.5, 41.5, 4)
    assert lat.shape == (4, orbit.POINTS_PER_ORBIT)
    steps = np.abs(np.diff(lon, axis=1))
    assert np.nanmax(steps) < 10
    assert np.nanmax(lat) == pytest.approx(41.5, abs=0.05) and np.nanmin(lat) == pytest.approx(-41.5, abs=0.05)


def test_typical_altitude_and_orbits_per_day():
    assert orbit.typical_altitude_km(FACTS) == 386.5
    assert orbit.orbits_per_day(386.5) == pytest.approx(circular(386.5)[2])
