"""helpers.constants: one sourced table of constants, read once, agreeing with the data loader."""

import math
import subprocess
import sys

import pytest

from helpers import constants, data
from helpers.constants import (
    AU_KM,
    BODIES,
    C_KM_S,
    EARTH_ROTATION_RATE_RAD_S,
    EARTH_SIDEREAL_DAY_S,
    G0_M_S2,
    G_M3_KG_S2,
    GM_EARTH_KM3_S2,
    GM_MARS_KM3_S2,
    JULIAN_CENTURY_D,
    PLANET_ELEMENTS,
)


def test_the_module_and_the_data_loader_read_the_same_numbers():
    table = data.load("constants").set_index("name")
    assert set(table.index) == set(constants.TABLE)
    for name, row in constants.TABLE.items():
        assert table.loc[name, "value"] == row["value"], name


def test_every_row_is_used_by_a_python_name():
    element_rows = {
        f"{planet.upper()}_{column}{suffix}"
        for planet in PLANET_ELEMENTS
        for column in constants._ELEMENT_KEYS.values()
        for suffix in ("", "_PER_CY")
    }
    named = {name for name in constants.TABLE if hasattr(constants, name)}
    assert set(constants.TABLE) == named | element_rows
    assert not named & element_rows


def test_every_constant_has_a_unit_and_a_web_source():
    for name, row in constants.TABLE.items():
        assert row["unit"], name
        assert row["source_url"].startswith(("http://", "https://")), name


@pytest.mark.parametrize(
    "value, expected",
    [
        # IAU 2012 Resolution B2: 1 au = 149 597 870 700 m exactly.
        (AU_KM, 149_597_870.700),
        # SI (BIPM): c = 299 792 458 m/s exactly.
        (C_KM_S, 299_792.458),
        # 3rd CGPM (1901), NIST SP 330: g0 = 9.80665 m/s^2 exactly.
        (G0_M_S2, 9.80665),
    ],
)
def test_exact_defined_constants(value, expected):
    assert value == pytest.approx(expected, rel=1e-15)


def test_sidereal_day_and_rotation_rate_agree():
    assert 2 * math.pi / EARTH_ROTATION_RATE_RAD_S == pytest.approx(EARTH_SIDEREAL_DAY_S, rel=1e-10)
    # JPL Planets Physical Characteristics: sidereal rotation period 0.99726968 d.
    assert EARTH_SIDEREAL_DAY_S / 86400 == pytest.approx(0.99726968, rel=2e-8)


@pytest.mark.parametrize(
    "gm_km3_s2, mass_kg",
    [
        # Masses from JPL Planets Physical Characteristics (ssd.jpl.nasa.gov/?planet_phys_par):
        (GM_EARTH_KM3_S2, 5.97237e24),
        (GM_MARS_KM3_S2, 0.641712e24),
    ],
)
def test_gm_agrees_with_mass_times_g(gm_km3_s2, mass_kg):
    # G is known to 2.2e-5 (CODATA 2018), so GM and G*M agree only that well.
    assert G_M3_KG_S2 * mass_kg / 1e9 == pytest.approx(gm_km3_s2, rel=1e-4)


@pytest.mark.parametrize(
    "planet, period_days",
    [
        # NASA fact sheets / JPL: sidereal orbit periods 365.256 d (Earth) and 686.980 d (Mars).
        ("Earth", 365.256),
        ("Mars", 686.980),
    ],
)
def test_mean_motions_give_the_published_years(planet, period_days):
    rate_deg_per_cy = PLANET_ELEMENTS[planet]["L_deg"][1]
    assert 360 * JULIAN_CENTURY_D / rate_deg_per_cy == pytest.approx(period_days, rel=2e-6)


def test_bodies_mapping():
    assert set(BODIES) == {"Sun", "Earth", "Moon", "Mars"}
    for gm_km3_s2, radius_km in BODIES.values():
        assert gm_km3_s2 > 0 and radius_km > 0
    assert constants.body(" MARS ") == BODIES["Mars"]


def test_unknown_body_names_the_known_ones():
    with pytest.raises(ValueError, match="Unknown body 'Pluto'.*Sun, Earth, Moon, Mars"):
        constants.body("Pluto")


def test_unknown_constant():
    with pytest.raises(ValueError, match="no constant called 'GM_PLUTO'"):
        constants.source("GM_PLUTO")


def test_physics_modules_do_not_import_pandas():
    code = "import sys, helpers.orbits, helpers.rocket; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
