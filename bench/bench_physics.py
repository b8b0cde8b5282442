"""Time the course's physics functions: the calls widgets make, and a century-long propagation.

Run it from the repository's top folder::

    .venv/bin/python bench/bench_physics.py

It prints one row per case: the median time of a call (ms) and its target. Widgets
must answer a slider within 10 ms; propagating one orbit at daily steps for 100
years and turning it into the Earth-following frame must take well under 100 ms.
Other tools import :func:`run`, which returns the rows as dictionaries
``{"name", "median_ms", "target_ms"}``; the script exits with status 1 if a case
misses its target.
"""

from __future__ import annotations

import math
import statistics
import sys
import time

import numpy as np

from helpers import orbits, rocket
from helpers.constants import AU_KM, GM_SUN_KM3_S2, PLANET_ELEMENTS

WIDGET_MS = 10.0
CENTURY_MS = 100.0

ALTITUDES_KM = np.linspace(150, 40000, 500)
MASS_RATIOS = np.linspace(1, 25, 500)
DAYS_OF_A_SYNODIC_PERIOD = np.arange("2020-01-01", "2022-02-19", dtype="datetime64[D]")
CENTURY = np.arange("2000-01-01", "2100-01-01", dtype="datetime64[D]")


def _century_in_earth_frame():
    """Kamo'oalewa-like orbit (a ~ 1 au, e ~ 0.1), daily for 100 years, in the Earth-following frame."""
    t_s = (CENTURY - CENTURY[0]) / np.timedelta64(1, "s")
    r_km, _ = orbits.propagate(1.0 * AU_KM, 0.103, math.radians(7.8), math.radians(66.0),
                               math.radians(304.0), 0.0, t_s, GM_SUN_KM3_S2)
    return orbits.to_earth_frame(r_km / AU_KM, CENTURY)


CASES = [
    ("circular_speed, 500 altitudes", lambda: orbits.circular_speed(ALTITUDES_KM), WIDGET_MS),
    ("circular_period, 500 altitudes", lambda: orbits.circular_period(ALTITUDES_KM, "Mars"), WIDGET_MS),
    ("altitude_from_period", lambda: orbits.altitude_from_period(5520.0), WIDGET_MS),
    ("hohmann Earth-Mars", lambda: orbits.hohmann(AU_KM, PLANET_ELEMENTS["Mars"]["a_au"][0] * AU_KM, GM_SUN_KM3_S2),
     WIDGET_MS),
    ("launch_window", lambda: orbits.launch_window("2026-11-26"), WIDGET_MS),
    ("earth_mars_distance_au, 780 days", lambda: orbits.earth_mars_distance_au(DAYS_OF_A_SYNODIC_PERIOD), WIDGET_MS),
    ("light_time over 780 days",
     lambda: orbits.light_time(orbits.earth_mars_distance_au(DAYS_OF_A_SYNODIC_PERIOD) * AU_KM), WIDGET_MS),
    ("escape_speed_from_density, 500 sizes",
     lambda: orbits.escape_speed_from_density(ALTITUDES_KM / 10, 2300.0), WIDGET_MS),
    ("ground_track, 3 orbits x 1000 points",
     lambda: orbits.ground_track(390, 41.5, np.linspace(0, 3 * 5530, 1000)), WIDGET_MS),
    ("delta_v, 500 mass ratios", lambda: rocket.delta_v(311, MASS_RATIOS), WIDGET_MS),
    ("propellant_mass, 500 delta-v", lambda: rocket.propellant_mass(MASS_RATIOS / 2, 311, 1000.0), WIDGET_MS),
    ("kepler_E, 36525 anomalies e=0.9", lambda: orbits.kepler_E(np.linspace(0, 200, 36525), 0.9), WIDGET_MS),
    ("propagate 100 y daily + Earth frame", _century_in_earth_frame, CENTURY_MS),
]


def median_ms(function, repeats: int = 25) -> float:
    """Median wall time of one call of ``function`` (ms), after one warm-up call."""
    function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(times)


def run(repeats: int = 25) -> list[dict]:
    """Time every case; return rows {"name", "median_ms", "target_ms"}."""
    return [
        {"name": name, "median_ms": median_ms(function, repeats), "target_ms": target}
        for name, function, target in CASES
    ]


def main() -> int:
    rows = run()
    width = max(len(row["name"]) for row in rows)
    print(f"{'function':<{width}}  {'median ms':>9}  {'target ms':>9}")
    for row in rows:
        flag = "" if row["median_ms"] < row["target_ms"] else "  SLOW"
        print(f"{row['name']:<{width}}  {row['median_ms']:>9.3f}  {row['target_ms']:>9.0f}{flag}")
    return 0 if all(row["median_ms"] < row["target_ms"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
