"""Exercises of notebook 02, Tiangong: living in orbit.

Expected answers are worked out from the course data (``tiangong_modules``,
``shenzhou_crews``, ``station_orbit``) and :mod:`helpers.orbits`, never typed in.
Tiangong's altitude is the middle of the sourced typical band
(:func:`helpers.widgets.orbit.typical_altitude_km`), as in the notebook.
"""

import math

from helpers import data, orbits
from helpers.constants import DAY_S, GM_EARTH_KM3_S2
from helpers.exercises import FunctionQuestion, NumberQuestion
from helpers.widgets.orbit import typical_altitude_km


def _crews():
    return data.load("shenzhou_crews")


def _days_sz20() -> int:
    crews = _crews().set_index("mission")
    return int(crews.loc["Shenzhou-20", "days_in_orbit"])


def orbits_per_day(altitude_km):
    """Reference answer to 02.6: circular orbits in one 24-hour day (86 400 s) at ``altitude_km``."""
    return DAY_S / orbits.circular_period(altitude_km)


def _close(value, target, rel=0.01) -> bool:
    return math.isclose(float(value), float(target), rel_tol=rel)


q1 = NumberQuestion(
    id="02.1", notebook="02", prompt="Tianhe's launch mass in tonnes",
    expected=lambda: float(data.load("tiangong_modules").set_index("module").loc["Tianhe", "launch_mass_kg"]) / 1000,
    unit="t (tonnes)", rtol=0.005,
    hints=[
        "The `modules` table has one row per module; the column `launch_mass_kg` holds the masses in kilograms.",
        "`modules.set_index('module').loc['Tianhe', 'launch_mass_kg']` picks Tianhe's mass; "
        "a tonne is 1000 kg, so divide by 1000.",
    ],
    solution="tianhe_mass_t = modules.set_index('module').loc['Tianhe', 'launch_mass_kg'] / 1000",
    slips=[(1000, "That is the mass in kilograms: the question asks for tonnes (1 t = 1000 kg), "
                  "so divide by 1000.")],
)

q2 = NumberQuestion(
    id="02.2", notebook="02", prompt="The longest stay of a Shenzhou crew, in days",
    expected=lambda: int(_crews()["days_in_orbit"].max()), unit="days", rtol=0, atol=0,
    hints=[
        "The column `days_in_orbit` holds each crew's published days in orbit (empty where a crew "
        "has not landed, or its landing is not in the data).",
        "`crews['days_in_orbit'].max()` gives the largest value; pandas skips the empty cells.",
    ],
    solution="longest_days = int(crews['days_in_orbit'].max())",
    slips=[
        (lambda v: v == int(_crews()["days_in_orbit"].idxmax()),
         "That is the row label of the longest stay (what `.idxmax()` gives), not the number of days: "
         "use `.max()` for the value itself."),
        (lambda v: v == int(_crews()["days_in_orbit"].nlargest(2).iloc[1]),
         "That is the second-longest stay. Look again: one crew stayed longer, and came home in "
         "another crew's spacecraft."),
    ],
)

q3 = NumberQuestion(
    id="02.3", notebook="02", prompt="Tiangong's orbital speed in km/s",
    expected=lambda: orbits.circular_speed(typical_altitude_km()), unit="km/s", rtol=0.005,
    hints=[
        "v = sqrt(mu / r), where r is the distance from the centre of the Earth, not the height above the ground.",
        "r_km = R_EARTH_KM + h_km; then `np.sqrt(GM_EARTH_KM3_S2 / r_km)`. Or let the course do it: "
        "`orbits.circular_speed(h_km)`.",
    ],
    solution="v_km_s = np.sqrt(GM_EARTH_KM3_S2 / (R_EARTH_KM + h_km))  # or orbits.circular_speed(h_km)",
    slips=[
        (1000, "That is in m/s: the question asks for km/s (divide by 1000)."),
        (3600, "That looks like km/h: the question asks for km/s (divide by 3600)."),
        (lambda v: _close(v, math.sqrt(GM_EARTH_KM3_S2 / typical_altitude_km())),
         "You used the altitude as the radius. The orbit's radius is measured from the Earth's centre: "
         "add the Earth's radius, r = R + h."),
    ],
)

q4 = NumberQuestion(
    id="02.4", notebook="02", prompt="Tiangong's orbital period in minutes",
    expected=lambda: orbits.circular_period(typical_altitude_km()) / 60, unit="minutes", rtol=0.005,
    hints=[
        "One orbit is a circle of circumference 2 pi r; the period is that distance divided by the speed.",
        "T = 2 * np.pi * r_km / v_km_s gives seconds (km divided by km/s); divide by 60 for minutes. "
        "Or `orbits.circular_period(h_km) / 60`.",
    ],
    solution="T_min = 2 * np.pi * (R_EARTH_KM + h_km) / orbits.circular_speed(h_km) / 60",
    slips=[
        (60, "That is the period in seconds: divide by 60 for minutes."),
        (1 / 60, "That is the period in hours: multiply by 60 for minutes."),
        (lambda v: _close(v, 2 * math.pi * math.sqrt(typical_altitude_km() ** 3 / GM_EARTH_KM3_S2) / 60),
         "You used the altitude as the radius. Measure r from the Earth's centre: r = R + h."),
    ],
)

q5 = NumberQuestion(
    id="02.5", notebook="02", prompt="How far west the ground track moves each orbit, in degrees",
    expected=lambda: -orbits.longitude_shift_per_orbit_deg(typical_altitude_km()), unit="degrees", rtol=0.01,
    hints=[
        "While the station goes round once (one period T), the Earth turns east under it by "
        "omega times T, where omega is the Earth's rotation rate.",
        "`EARTH_ROTATION_RATE_RAD_S * orbits.circular_period(h_km)` is that angle in radians; "
        "`np.degrees(...)` turns it into degrees. Give it as a positive number of degrees west.",
    ],
    solution="shift_deg = np.degrees(EARTH_ROTATION_RATE_RAD_S * orbits.circular_period(h_km))",
    slips=[
        (math.pi / 180, "That is in radians: the question asks for degrees (`np.degrees` converts)."),
        (-1, "Right size, wrong sign: the question asks how many degrees WEST, as a positive number."),
        (1 / 60, "About 60 times too small: did you multiply the rotation rate per second by the period "
                 "in minutes? Use the period in seconds."),
    ],
    explanation="Using 360 degrees per 24 hours instead of the Earth's rotation relative to the stars "
                "(one turn in 23 h 56 min) gives nearly the same answer: the difference is 0.3 %.",
)

q6 = FunctionQuestion(
    id="02.6", notebook="02", prompt="A function orbits_per_day(altitude_km)",
    reference=orbits_per_day, inputs=[(390,), (0,), (35786,), {"altitude_km": 1000}],
    call="orbits_per_day(altitude_km)", rtol=1e-3,
    hints=[
        "Orbits per day = the length of a day divided by the length of one orbit. Use a 24-hour day, "
        "86 400 s (`DAY_S`), and the period in seconds.",
        "Inside the function: `period_s = orbits.circular_period(altitude_km)`, then "
        "`return DAY_S / period_s`.",
    ],
    solution="def orbits_per_day(altitude_km):\n"
             "    period_s = orbits.circular_period(altitude_km)\n"
             "    return DAY_S / period_s",
)

q7 = NumberQuestion(
    id="02.7", notebook="02", prompt="Orbits of the Earth flown by the Shenzhou-20 crew",
    expected=lambda: orbits_per_day(typical_altitude_km()) * _days_sz20(), unit="orbits", rtol=0.01,
    hints=[
        "The Shenzhou-20 crew's days in orbit are in `crews`; your function says how many orbits "
        "Tiangong makes in one day.",
        "`days_sz20 = crews.set_index('mission').loc['Shenzhou-20', 'days_in_orbit']`, then "
        "`orbits_per_day(h_km) * days_sz20`.",
    ],
    solution="days_sz20 = crews.set_index('mission').loc['Shenzhou-20', 'days_in_orbit']\n"
             "orbits_sz20 = orbits_per_day(h_km) * days_sz20",
    slips=[
        (lambda v: _close(v, orbits_per_day(typical_altitude_km())),
         "That is one day's orbits: multiply by the crew's days in orbit."),
        (lambda v: _close(v, 16 * _days_sz20(), rel=0.002),
         "You rounded the orbits per day to 16: keep the decimals (it is a little less than 16)."),
    ],
)
