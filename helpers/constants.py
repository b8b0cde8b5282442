"""The course's physical constants, each with its unit and source.

Every number lives in one place, ``data/constants.csv`` (name, symbol, value, unit,
source_url, note). This module reads that file once, with the standard library's
``csv`` module, and gives each row a Python name that ends with its unit. Nothing
else in the course types these numbers: import them from here.

====================================  ===================================================
``GM_SUN_KM3_S2`` ... ``GM_MARS_...``  gravitational parameters GM (km^3/s^2)
``R_SUN_KM`` ... ``R_MARS_KM``         radii (km): equatorial for Earth and Mars, mean for
                                       the Moon, IAU nominal for the Sun
``AU_KM``, ``C_KM_S``                  astronomical unit (km), speed of light (km/s)
``G0_M_S2``, ``G_M3_KG_S2``            standard gravity (m/s^2), constant of gravitation
``EARTH_ROTATION_RATE_RAD_S``          Earth's rotation relative to the stars (rad/s)
``EARTH_SIDEREAL_DAY_S``               one such rotation (s)
``J2000_JD``, ``DAY_S``, ...           the J2000 epoch (Julian date), day, Julian century
``BODIES``                             name -> (GM in km^3/s^2, radius in km)
``PLANET_ELEMENTS``                    JPL's J2000 orbital elements of Earth and Mars
====================================  ===================================================

Example
-------
>>> from helpers.constants import BODIES, GM_EARTH_KM3_S2, source
>>> BODIES["Earth"][0] == GM_EARTH_KM3_S2
True
>>> source("AU_KM")["unit"]
'km'
"""

from __future__ import annotations

import csv
from pathlib import Path

CSV_PATH = Path(__file__).resolve().parent.parent / "data" / "constants.csv"


def _read_table(path: Path) -> dict[str, dict]:
    """Read the constants file into {name: row}, with each value as a float."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = {row["name"]: row for row in csv.DictReader(handle)}
    for row in rows.values():
        row["value"] = float(row["value"])
    return rows


TABLE: dict[str, dict] = _read_table(CSV_PATH)


def _value(name: str) -> float:
    try:
        return TABLE[name]["value"]
    except KeyError:
        raise RuntimeError(
            f"data/constants.csv has no row named {name!r}; helpers/constants.py needs it."
        ) from None


def source(name: str) -> dict:
    """Return the row of constant ``name``: symbol, value, unit, source_url and note.

    >>> source("C_KM_S")["value"]
    299792.458
    """
    if name not in TABLE:
        raise ValueError(f"There is no constant called {name!r}. Known constants: {', '.join(TABLE)}.")
    return dict(TABLE[name])


GM_SUN_KM3_S2 = _value("GM_SUN_KM3_S2")
GM_EARTH_KM3_S2 = _value("GM_EARTH_KM3_S2")
GM_MOON_KM3_S2 = _value("GM_MOON_KM3_S2")
GM_MARS_KM3_S2 = _value("GM_MARS_KM3_S2")

R_SUN_KM = _value("R_SUN_KM")
R_EARTH_KM = _value("R_EARTH_KM")
R_EARTH_MEAN_KM = _value("R_EARTH_MEAN_KM")
R_MOON_KM = _value("R_MOON_KM")
R_MARS_KM = _value("R_MARS_KM")
R_MARS_MEAN_KM = _value("R_MARS_MEAN_KM")

AU_KM = _value("AU_KM")
C_KM_S = _value("C_KM_S")
G0_M_S2 = _value("G0_M_S2")
G_M3_KG_S2 = _value("G_M3_KG_S2")

EARTH_ROTATION_RATE_RAD_S = _value("EARTH_ROTATION_RATE_RAD_S")
EARTH_SIDEREAL_DAY_S = _value("EARTH_SIDEREAL_DAY_S")

J2000_JD = _value("J2000_JD")
DAY_S = _value("DAY_S")
JULIAN_CENTURY_D = _value("JULIAN_CENTURY_D")

#: Bodies the course orbits, name -> (GM in km^3/s^2, radius in km).
BODIES: dict[str, tuple[float, float]] = {
    "Sun": (GM_SUN_KM3_S2, R_SUN_KM),
    "Earth": (GM_EARTH_KM3_S2, R_EARTH_KM),
    "Moon": (GM_MOON_KM3_S2, R_MOON_KM),
    "Mars": (GM_MARS_KM3_S2, R_MARS_KM),
}

_ELEMENT_KEYS = {
    "a_au": "A_AU",
    "ecc": "ECC",
    "inc_deg": "INC_DEG",
    "L_deg": "L_DEG",
    "long_peri_deg": "LONG_PERI_DEG",
    "long_node_deg": "LONG_NODE_DEG",
}

#: JPL's J2000 elements, planet -> element -> (value at J2000, rate per Julian century).
#: Elements: a_au, ecc, inc_deg, L_deg (mean longitude), long_peri_deg, long_node_deg.
PLANET_ELEMENTS: dict[str, dict[str, tuple[float, float]]] = {
    planet: {
        key: (_value(f"{planet.upper()}_{column}"), _value(f"{planet.upper()}_{column}_PER_CY"))
        for key, column in _ELEMENT_KEYS.items()
    }
    for planet in ("Earth", "Mars")
}


def body(name: str) -> tuple[float, float]:
    """Return (GM in km^3/s^2, radius in km) of a body the course knows, by name.

    The name is not case sensitive. Raises ValueError naming the known bodies otherwise.

    >>> gm_km3_s2, radius_km = body("moon")
    >>> radius_km
    1737.4
    """
    for known, values in BODIES.items():
        if isinstance(name, str) and name.strip().lower() == known.lower():
            return values
    raise ValueError(f"Unknown body {name!r}: the bodies the course knows are {', '.join(BODIES)}.")
