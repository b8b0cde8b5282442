"""Notebook 02's question bank: each solution passes, alternative correct forms pass, every declared slip
is caught with its own message, and the blank ____ reads as not attempted."""

import math

import numpy as np
import pytest

from helpers import data, orbits
from helpers.constants import DAY_S, EARTH_ROTATION_RATE_RAD_S, GM_EARTH_KM3_S2, R_EARTH_KM
from helpers.exercises import ____
from helpers.questions import bank, bank_problems
from helpers.questions import nb02 as q

H_KM = (383 + 390) / 2  # the typical band in data/station_orbit.csv, checked below


def test_the_altitude_is_the_middle_of_the_sourced_band():
    facts = data.load("station_orbit").set_index("item")
    low, high = facts.loc["altitude_typical_low", "value"], facts.loc["altitude_typical_high", "value"]
    assert (low, high) == (383, 390)
    assert q.typical_altitude_km() == H_KM


def test_the_bank_is_complete_and_ordered():
    assert bank_problems("02") == []
    assert [question.id for question in bank("02")] == [f"02.{k}" for k in range(1, 8)]


@pytest.mark.parametrize("question", bank("02"), ids=lambda question: question.id)
def test_the_blank_is_not_attempted(question):
    question.assert_check_unattempted(____)


def test_q1_tianhe_mass_in_tonnes():
    modules = data.load("tiangong_modules")
    q.q1.assert_check_passed(modules.set_index("module").loc["Tianhe", "launch_mass_kg"] / 1000)
    q.q1.assert_check_passed(22.5)  # the figure CMSA gives, 22.5 t
    q.q1.assert_check_failed(22500, "kilograms")
    q.q1.assert_check_failed(23.0)  # Wentian's mass, not Tianhe's
    q.q1.assert_check_uncheckable("22.5")


def test_q2_longest_stay():
    crews = data.load("shenzhou_crews")
    q.q2.assert_check_passed(int(crews["days_in_orbit"].max()))
    q.q2.assert_check_passed(np.int64(204))
    q.q2.assert_check_failed(int(crews["days_in_orbit"].idxmax()), "row label")
    q.q2.assert_check_failed(192, "second-longest")
    q.q2.assert_check_failed(205, "off by one")


def test_q3_speed():
    v_km_s = math.sqrt(GM_EARTH_KM3_S2 / (R_EARTH_KM + H_KM))
    assert 7.6 < v_km_s < 7.75  # what every textbook says of a ~400 km orbit
    q.q3.assert_check_passed(v_km_s)
    q.q3.assert_check_passed(orbits.circular_speed(H_KM))
    q.q3.assert_check_passed(round(v_km_s, 2))
    q.q3.assert_check_failed(v_km_s * 1000, "m/s")
    q.q3.assert_check_failed(v_km_s * 3600, "km/h")
    q.q3.assert_check_failed(math.sqrt(GM_EARTH_KM3_S2 / H_KM), "altitude as the radius")


def test_q4_period():
    T_s = 2 * math.pi * (R_EARTH_KM + H_KM) / orbits.circular_speed(H_KM)
    assert 91 < T_s / 60 < 93
    q.q4.assert_check_passed(T_s / 60)
    q.q4.assert_check_passed(orbits.circular_period(H_KM) / 60)
    q.q4.assert_check_failed(T_s, "seconds")
    q.q4.assert_check_failed(T_s / 3600, "hours")
    q.q4.assert_check_failed(2 * math.pi * math.sqrt(H_KM**3 / GM_EARTH_KM3_S2) / 60, "altitude as the radius")


def test_q5_westward_shift():
    shift_rad = EARTH_ROTATION_RATE_RAD_S * orbits.circular_period(H_KM)
    q.q5.assert_check_passed(math.degrees(shift_rad))
    q.q5.assert_check_passed(360 / 24 * orbits.circular_period(H_KM) / 3600)  # a 24-hour turn: 0.3 % off
    q.q5.assert_check_failed(shift_rad, "radians")
    q.q5.assert_check_failed(-math.degrees(shift_rad), "WEST")
    q.q5.assert_check_failed(math.degrees(EARTH_ROTATION_RATE_RAD_S * orbits.circular_period(H_KM) / 60), "minutes")


def orbits_per_day_learner(altitude_km):
    r_km = R_EARTH_KM + altitude_km
    return 24 * 3600 / (2 * np.pi * np.sqrt(r_km**3 / GM_EARTH_KM3_S2))


def test_q6_function():
    q.q6.assert_check_passed(q.orbits_per_day)
    q.q6.assert_check_passed(orbits_per_day_learner)
    q.q6.assert_check_passed(lambda altitude_km: DAY_S / orbits.circular_period(altitude_km))
    q.q6.assert_check_failed(lambda altitude_km: 1440 / orbits.circular_period(altitude_km))  # minutes per day / s
    q.q6.assert_check_failed(lambda altitude_km: orbits.circular_period(altitude_km) / DAY_S)  # upside down
    q.q6.assert_check_uncheckable(15.6)
    q.q6.assert_check_uncheckable(lambda: 15.6)

    def unfinished(altitude_km):
        return ____

    q.q6.assert_check_unattempted(unfinished)


def test_q7_orbits_of_the_shenzhou20_crew():
    days = data.load("shenzhou_crews").set_index("mission").loc["Shenzhou-20", "days_in_orbit"]
    assert days == 204
    per_day = orbits_per_day_learner(H_KM)
    q.q7.assert_check_passed(per_day * days)
    q.q7.assert_check_passed(round(per_day * days))
    q.q7.assert_check_failed(per_day, "one day")
    q.q7.assert_check_failed(16 * days, "rounded")
