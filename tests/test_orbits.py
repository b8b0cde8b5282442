"""helpers.orbits against published values (source in a comment by each), round trips and bad input."""

import doctest
import math

import numpy as np
import pytest

from helpers import orbits
from helpers.constants import (
    AU_KM,
    BODIES,
    EARTH_ROTATION_RATE_RAD_S,
    EARTH_SIDEREAL_DAY_S,
    GM_EARTH_KM3_S2,
    GM_SUN_KM3_S2,
    PLANET_ELEMENTS,
    R_EARTH_KM,
)

TIANGONG_INCLINATION_DEG = 41.5  # star.gs/~space/sat/image/css.cgi: 383-390 km, 41.5 deg


def test_docstring_examples_run():
    result = doctest.testmod(orbits)
    assert result.failed == 0 and result.attempted >= 60


# --------------------------------------------------------------------------- circular orbits


@pytest.mark.parametrize(
    "perigee_km, apogee_km, period_min",
    [
        # Tiangong-2 (Wikipedia infobox, kiwix.lema.org/wikipedia_en_all_mini_2024-02/A/Tiangong-2):
        # periapsis 369.65 km, apoapsis 378.4 km, period 92.0 minutes.
        (369.65, 378.4, 92.0),
        # Tiangong-1 (Wikipedia infobox via piglix.com/piglix/Tiangong-1): 363 x 381 km, 91.85 minutes.
        (363.0, 381.0, 91.85),
    ],
)
def test_period_of_chinese_space_stations(perigee_km, apogee_km, period_min):
    a_km = R_EARTH_KM + (perigee_km + apogee_km) / 2
    assert orbits.period(a_km) / 60 == pytest.approx(period_min, rel=3e-3)


def test_tiangong_speed():
    # Tiangong-2 (same infobox): orbital speed 7.68 km/s at about 374 km.
    assert orbits.circular_speed((369.65 + 378.4) / 2) == pytest.approx(7.68, rel=2e-3)
    # The Tiangong station at 383-390 km (star.gs): a little slower, a little longer period.
    assert 7.66 < orbits.circular_speed(390) < 7.68
    assert 92.0 < orbits.circular_period(390) / 60 < 92.5


def test_geostationary_radius_from_a_sidereal_day():
    # "a radius of approximately 42,164 km (measured from the center of the Earth) ... at an
    # altitude of approximately 35,786 km" (newcomrs.com quoting Wikipedia, Geostationary orbit);
    # "Radius of the Geostationary Orbit = 42164.16 km" (grahamkendall.net orbital motion data).
    assert orbits.a_from_period(EARTH_SIDEREAL_DAY_S) == pytest.approx(42164.16, rel=1e-5)
    assert orbits.altitude_from_period(EARTH_SIDEREAL_DAY_S) == pytest.approx(35786, rel=1e-4)


@pytest.mark.parametrize("altitude_km", np.linspace(0, 40000, 9))
@pytest.mark.parametrize("body", ["Earth", "Moon", "Mars"])
def test_altitude_period_round_trip(altitude_km, body):
    period_s = orbits.circular_period(altitude_km, body)
    assert orbits.altitude_from_period(period_s, body) == pytest.approx(altitude_km, abs=1e-6)


def test_circular_orbit_functions_agree():
    altitude_km = np.linspace(200, 2000, 50)
    r_km = R_EARTH_KM + altitude_km
    speed = orbits.circular_speed(altitude_km)
    assert np.allclose(orbits.circular_period(altitude_km), 2 * np.pi * r_km / speed, rtol=1e-12)
    assert np.allclose(orbits.vis_viva(r_km, r_km), speed, rtol=1e-12)


def test_vis_viva_at_perigee_and_apogee():
    # Angular momentum is conserved: r_p v_p = r_a v_a (Curtis eq. 2.31).
    r_p, r_a = R_EARTH_KM + 200, R_EARTH_KM + 35786
    a = (r_p + r_a) / 2
    assert r_p * orbits.vis_viva(r_p, a) == pytest.approx(r_a * orbits.vis_viva(r_a, a), rel=1e-12)


# --------------------------------------------------------------------------- escape speed and gravity


@pytest.mark.parametrize(
    "body, escape_km_s, gravity_m_s2",
    [
        # NASA Moon fact sheet (also JPL): escape velocity 2.38 km/s, surface gravity 1.62 m/s^2.
        ("Moon", 2.38, 1.62),
        # JPL Planets Physical Characteristics (ssd.jpl.nasa.gov/?planet_phys_par):
        ("Mars", 5.03, 3.71),
        ("Earth", 11.19, 9.80),
    ],
)
def test_escape_speed_and_gravity(body, escape_km_s, gravity_m_s2):
    gm_km3_s2, radius_km = BODIES[body]
    assert orbits.escape_speed(gm_km3_s2, radius_km) == pytest.approx(escape_km_s, rel=5e-3)
    assert orbits.surface_gravity(gm_km3_s2, radius_km) == pytest.approx(gravity_m_s2, rel=5e-3)


def test_escape_speed_from_density_for_the_moon():
    # JPL Planetary Satellite Physical Parameters: Moon mean radius 1737.4 km, density 3.344 g/cm^3;
    # NASA Moon fact sheet: escape velocity 2.38 km/s, surface gravity 1.62 m/s^2.
    assert orbits.escape_speed_from_density(1737.4e3, 3344) / 1000 == pytest.approx(2.38, rel=3e-3)
    assert orbits.surface_gravity_from_density(1737.4e3, 3344) == pytest.approx(1.62, rel=3e-3)


def test_gm_from_mass():
    # JPL Planets Physical Characteristics: Earth's mass 5.97237e24 kg.
    assert orbits.gm_from_mass(5.97237e24) == pytest.approx(GM_EARTH_KM3_S2, rel=1e-4)


def test_kamooalewa_escape_speed_is_centimetres_per_second():
    # Kamo'oalewa: 40-100 m across, density about 2000-2500 kg/m^3 (the brief for notebook 05).
    diameters_m = np.array([40.0, 100.0])
    slow, fast = orbits.escape_speed_from_density(diameters_m / 2, np.array([2000.0, 2500.0])) * 100
    assert 1.5 < slow < 3 and 4.5 < fast < 7  # cm/s: a brisk walk is 150 cm/s
    # v_esc = R sqrt(8/3 pi G rho): doubling the size doubles it, four times the density doubles it.
    v = orbits.escape_speed_from_density(20, 2000)
    assert orbits.escape_speed_from_density(40, 2000) == pytest.approx(2 * v, rel=1e-12)
    assert orbits.escape_speed_from_density(20, 8000) == pytest.approx(2 * v, rel=1e-12)


# --------------------------------------------------------------------------- transfers and windows


def test_earth_mars_hohmann():
    # spacecalcs.com/calcs/hohmann-transfer: Earth to Mars, dV1 2,942 m/s, dV2 2,657 m/s,
    # total 5,598 m/s, travel time 259 days, transfer semi-major axis 188,760,000 km.
    h = orbits.hohmann(AU_KM, PLANET_ELEMENTS["Mars"]["a_au"][0] * AU_KM, GM_SUN_KM3_S2)
    assert h.dv1_km_s == pytest.approx(2.942, rel=5e-3)
    assert h.dv2_km_s == pytest.approx(2.657, rel=5e-3)
    assert h.dv_total_km_s == pytest.approx(5.598, rel=5e-3)
    assert h.transfer_time_s / 86400 == pytest.approx(259, rel=3e-3)
    assert h.a_transfer_km == pytest.approx(188.76e6, rel=1e-3)


def test_hohmann_is_symmetric_and_vectorised():
    out_ = orbits.hohmann(7000, np.array([8000.0, 42164.0]))
    back = orbits.hohmann(np.array([8000.0, 42164.0]), 7000)
    assert np.allclose(out_.dv_total_km_s, back.dv_total_km_s, rtol=1e-12)
    assert np.allclose(out_.dv1_km_s, back.dv2_km_s, rtol=1e-12)
    assert out_.transfer_time_s.shape == (2,)


def test_departure_burn_from_a_parking_orbit():
    # synapse.jtauber.com/node/hohmann-transfer: an Earth-Mars Hohmann transfer "requires ~3.6 km/s
    # of delta-v from Earth's orbit" (from low Earth orbit; Curtis Example 8.3 gets 3.590 km/s from 300 km).
    v_inf = orbits.hohmann(AU_KM, PLANET_ELEMENTS["Mars"]["a_au"][0] * AU_KM, GM_SUN_KM3_S2).dv1_km_s
    assert orbits.hyperbolic_burn(v_inf, 300) == pytest.approx(3.6, rel=0.01)
    # With no excess speed the burn is exactly the step from circular to escape speed.
    gm, radius = BODIES["Earth"]
    expected = orbits.escape_speed(gm, radius + 300) - orbits.circular_speed(300)
    assert orbits.hyperbolic_burn(0.0, 300) == pytest.approx(expected, rel=1e-12)


def test_earth_mars_synodic_period():
    # Britannica, planetary data for Mars: mean synodic period 779.94 Earth days.
    T_earth, T_mars = orbits.sidereal_period_days("Earth"), orbits.sidereal_period_days("Mars")
    assert orbits.synodic_period(T_earth, T_mars) == pytest.approx(779.94, rel=1e-4)
    assert orbits.synodic_period(T_mars, T_earth) == orbits.synodic_period(T_earth, T_mars)


def test_phase_angle_makes_the_target_arrive_on_time():
    r1, r2 = AU_KM, PLANET_ELEMENTS["Mars"]["a_au"][0] * AU_KM
    phase = orbits.hohmann_phase_angle(r1, r2)
    t_transfer = orbits.hohmann(r1, r2, GM_SUN_KM3_S2).transfer_time_s
    n_target = 2 * np.pi / orbits.period(r2, GM_SUN_KM3_S2)
    assert phase + n_target * t_transfer == pytest.approx(np.pi, rel=1e-12)
    assert orbits.hohmann_phase_angle(r2, r1) < 0  # going inwards, the target must trail


def test_launch_window_2020():
    # Tianwen-1 launched on 23 July 2020 (en.gmw.cn/2020-07/23/content_34022778.htm), on a faster
    # than Hohmann path; the ideal Hohmann window from mean longitudes falls within weeks of it.
    window = orbits.launch_window("2020-01-01")
    days_off = (window.departure - np.datetime64("2020-07-23")) / np.timedelta64(1, "D")
    assert abs(days_off) < 45
    assert window.arrival - window.departure == np.timedelta64(round(window.transfer_time_days), "D")


def test_launch_windows_repeat_every_synodic_period():
    first = orbits.launch_window("2020-01-01")
    second = orbits.launch_window(first.departure + np.timedelta64(1, "D"))
    gap_days = (second.departure - first.departure) / np.timedelta64(1, "D")
    assert gap_days == pytest.approx(779.94, abs=1.0)


def test_light_time():
    # IAU system of constants: light-time for unit distance 499.004 786 s (lonewolfonline.net,
    # astronomical constants; with the older au of 149 597 870.691 km, hence rel 1e-8).
    assert orbits.light_time(AU_KM) == pytest.approx(499.004786, rel=1e-8)
    # Earth-Moon mean distance 384 400 km: about 1.28 s.
    assert orbits.light_time(384_400) == pytest.approx(1.2822, rel=1e-4)


def test_earth_mars_distance_over_a_synodic_period():
    # NASA Mars fact sheet: Earth-Mars distance ranges from about 0.37 au (55 million km) to
    # about 2.68 au (401 million km).
    dates = np.arange("2020-01-01", "2022-02-19", dtype="datetime64[D]")  # 780 days
    distance = orbits.earth_mars_distance_au(dates)
    assert distance.min() >= 0.37 and distance.max() <= 2.68
    assert distance.min() < 0.45 and distance.max() > 2.5  # one opposition, one conjunction


def test_closest_approach_of_2003():
    # "the minimum distance on August 22, 1924 was 0.37284 AU, compared to 0.37271 AU on August 27,
    # 2003" (kiwibiker.co.nz quoting Wikipedia, Mars). JPL's approximate elements are good to
    # about 25 000 km (1.7e-4 au) for Mars, so a few 1e-4 au is the expected error.
    dates = np.arange("2003-06-01", "2003-11-01", dtype="datetime64[D]")
    distance = orbits.earth_mars_distance_au(dates)
    closest = dates[np.argmin(distance)]
    assert abs((closest - np.datetime64("2003-08-27")) / np.timedelta64(1, "D")) <= 1
    assert distance.min() == pytest.approx(0.37271, abs=5e-4)


# --------------------------------------------------------------------------- Kepler's equation


def test_kepler_vallado_example_2_1():
    # Vallado, Fundamentals of Astrodynamics and Applications, Example 2-1: M = 235.4 deg,
    # e = 0.4 gives E = 220.512074767522 deg.
    E = orbits.kepler_E(math.radians(235.4), 0.4)
    assert math.degrees(E) == pytest.approx(220.512074767522, abs=1e-9)


@pytest.mark.parametrize(
    "ecc, M_deg, nu_deg",
    [
        # Schlesinger and Udick (1912), as tabulated in poliastro's tests/tests_twobody/test_angles.py.
        (0.0, 0.0, 0.0),
        (0.05, 10.0, 11.06),
        (0.06, 30.0, 33.67),
        (0.04, 120.0, 123.87),
        (0.14, 65.0, 80.50),
        (0.19, 21.0, 30.94),
        (0.35, 65.0, 105.71),
        (0.48, 180.0, 180.0),
        (0.75, 125.0, 167.57),
    ],
)
def test_mean_to_true_anomaly_table(ecc, M_deg, nu_deg):
    nu = orbits.E_to_nu(orbits.kepler_E(math.radians(M_deg), ecc), ecc)
    assert math.degrees(nu) == pytest.approx(nu_deg, rel=1e-4, abs=1e-9)


@pytest.mark.parametrize(
    "ecc, E_deg, nu_deg",
    [
        # NASA TR R-158, as tabulated in poliastro's tests/tests_twobody/test_angles.py.
        (0.05, 10.52321, 11.05994),
        (0.10, 54.67466, 59.49810),
        (0.35, 142.27123, 153.32411),
        (0.61, 161.87359, 171.02189),
    ],
)
def test_true_to_eccentric_anomaly_table(ecc, E_deg, nu_deg):
    assert math.degrees(orbits.nu_to_E(math.radians(nu_deg), ecc)) == pytest.approx(E_deg, rel=1e-6)


@pytest.mark.parametrize("ecc", [0.0, 0.1, 0.5, 0.9, 0.99, 0.999])
def test_M_to_E_to_M_round_trip(ecc):
    M = np.linspace(-3 * np.pi, 3 * np.pi, 601)
    E = orbits.kepler_E(M, ecc)
    assert np.all(np.isfinite(E))
    assert np.allclose(orbits.E_to_M(E, ecc), M, rtol=0, atol=1e-11)


@pytest.mark.parametrize("ecc", [0.0, 0.2, 0.6, 0.95])
@pytest.mark.parametrize("nu", np.linspace(-np.pi + 1e-9, np.pi - 1e-9, 11))
def test_nu_to_E_to_nu_round_trip(nu, ecc):
    assert orbits.E_to_nu(orbits.nu_to_E(nu, ecc), ecc) == pytest.approx(nu, abs=1e-12)


def test_kepler_raises_with_the_iteration_count_instead_of_nan():
    with pytest.raises(orbits.ConvergenceError, match="did not converge in 2 iterations"):
        orbits.kepler_E(np.linspace(0, 6, 50), 0.99, tol=1e-15, max_iter=2)


@pytest.mark.parametrize("ecc", [1.0, 1.5, -0.1])
def test_kepler_needs_an_ellipse(ecc):
    with pytest.raises(ValueError, match="less than 1 for an ellipse"):
        orbits.kepler_E(1.0, ecc)


# --------------------------------------------------------------------------- vectors and propagation


def test_coe2rv_vallado_example_2_6():
    # Vallado, Example 2-6 (as in satkit's tests): p = 11067.790 km, e = 0.83285, i = 87.87 deg,
    # RAAN = 227.89 deg, argp = 53.38 deg, nu = 92.335 deg ->
    # r = [6525.368, 6861.532, 6449.119] km, v = [4.902279, 5.533140, -1.975710] km/s.
    ecc = 0.83285
    r, v = orbits.coe2rv(11067.790 / (1 - ecc**2), ecc, *np.radians([87.87, 227.89, 53.38, 92.335]))
    assert np.allclose(r, [6525.368, 6861.532, 6449.119], rtol=2e-6)
    assert np.allclose(v, [4.902279, 5.533140, -1.975710], rtol=2e-6)


@pytest.mark.parametrize("ecc", [0.0, 0.1, 0.7, 0.97])
def test_energy_and_angular_momentum_conserved_over_ten_orbits(ecc):
    a_km, mu = 12000.0, GM_EARTH_KM3_S2
    t = np.linspace(0, 10 * orbits.period(a_km), 5001)
    r, v = orbits.propagate(a_km, ecc, 0.9, 1.2, 2.3, 0.4, t)
    energy = 0.5 * np.sum(v**2, axis=1) - mu / np.linalg.norm(r, axis=1)
    h = np.cross(r, v)
    assert np.allclose(energy, -mu / (2 * a_km), rtol=1e-9, atol=0)
    assert np.allclose(h, h[0], rtol=1e-9, atol=1e-9 * np.linalg.norm(h[0]))
    assert np.linalg.norm(h[0]) == pytest.approx(np.sqrt(mu * a_km * (1 - ecc**2)), rel=1e-9)
    assert np.allclose(r[-1], r[0], rtol=1e-9, atol=1e-6)  # ten whole orbits later: back at the start


def test_propagated_heliocentric_earth_matches_the_jpl_position():
    # An orbit with the Earth's J2000 elements, propagated one year with GM_Sun, stays within
    # 1e-4 au of JPL's approximate Earth (which uses the fitted mean motion and slow rates).
    dates = np.arange("2000-01-01T12", "2001-01-01T12", 24, dtype="datetime64[h]")
    el = orbits.planet_elements("Earth", dates[0])
    t_s = (dates - dates[0]) / np.timedelta64(1, "s")
    r_km, _ = orbits.propagate(el["a_au"] * AU_KM, el["ecc"], el["inc_rad"], el["raan_rad"],
                               el["argp_rad"], el["M_rad"], t_s, GM_SUN_KM3_S2)
    jpl = orbits.planet_position("Earth", dates)
    assert np.max(np.linalg.norm(r_km / AU_KM - jpl, axis=1)) < 1e-4


# --------------------------------------------------------------------------- rotating frames


def test_rotating_frame_keeps_a_circular_co_orbiting_body_still():
    t = np.linspace(0, 1e7, 100)
    n = 2e-7
    r = np.stack([np.cos(n * t + 0.3), np.sin(n * t + 0.3), np.zeros_like(t)], axis=-1)
    rotated = orbits.to_rotating_frame(r, t, n)
    assert np.allclose(rotated, [math.cos(0.3), math.sin(0.3), 0.0], atol=1e-12)


def test_quasi_satellite_loops_around_the_earth():
    # A body on the Earth's orbit but with e = 0.1 (like Kamo'oalewa's, e ~ 0.1) circles the Earth
    # once a year, backwards, in the frame turning with the Earth: the quasi-satellite loop.
    dates = np.arange("2026-01-01", "2027-01-01", dtype="datetime64[D]")
    earth = orbits.planet_elements("Earth", dates[0])
    t_s = (dates - dates[0]) / np.timedelta64(1, "s")
    M0 = orbits.mean_longitude_deg("Earth", dates[0])
    r_km, _ = orbits.propagate(earth["a_au"] * AU_KM, 0.1, 0.0, 0.0, 0.0, math.radians(M0), t_s, GM_SUN_KM3_S2)
    loop = orbits.to_earth_frame(r_km / AU_KM, dates)
    distance = np.linalg.norm(loop, axis=1)
    assert 0.05 < distance.min() and distance.max() < 0.3
    turned = np.unwrap(np.arctan2(loop[:, 1], loop[:, 0]))
    assert abs(turned[-1] - turned[0]) == pytest.approx(2 * np.pi, rel=0.05)


# --------------------------------------------------------------------------- ground tracks


def test_ground_track_shifts_west_by_earth_rotation_each_orbit():
    T = orbits.circular_period(390)
    lat, lon = orbits.ground_track(390, TIANGONG_INCLINATION_DEG, np.array([0.0, T, 2 * T]), raan_deg=30.0)
    shift = orbits.longitude_shift_per_orbit_deg(390)
    assert shift == pytest.approx(-math.degrees(EARTH_ROTATION_RATE_RAD_S * T), rel=1e-12)
    assert np.allclose(lat, lat[0], atol=1e-9)
    assert np.allclose(np.mod(np.diff(lon) - shift + 180, 360) - 180, 0.0, atol=1e-9)


def test_ground_track_repeats_when_the_period_divides_a_sidereal_day():
    altitude_km = orbits.altitude_from_period(EARTH_SIDEREAL_DAY_S / 16)  # 16 orbits a day
    t = np.linspace(0, EARTH_SIDEREAL_DAY_S, 500)
    first = orbits.ground_track(altitude_km, TIANGONG_INCLINATION_DEG, t)
    next_day = orbits.ground_track(altitude_km, TIANGONG_INCLINATION_DEG, t + EARTH_SIDEREAL_DAY_S)
    assert np.allclose(first[0], next_day[0], atol=1e-8)
    assert np.allclose(np.mod(first[1] - next_day[1] + 180, 360) - 180, 0.0, atol=1e-8)


def test_ground_track_reaches_the_inclination_and_no_further():
    lat, lon = orbits.ground_track(390, TIANGONG_INCLINATION_DEG, np.linspace(0, 86400, 20000))
    assert lat.max() == pytest.approx(TIANGONG_INCLINATION_DEG, abs=1e-3)
    assert lat.min() == pytest.approx(-TIANGONG_INCLINATION_DEG, abs=1e-3)
    assert np.all((lon >= -180) & (lon < 180))


# --------------------------------------------------------------------------- floats, arrays, errors


def test_scalars_give_floats_and_arrays_give_arrays():
    assert isinstance(orbits.circular_speed(400), float)
    speeds = orbits.circular_speed(np.linspace(200, 2000, 10), "Mars")
    assert speeds.shape == (10,) and np.all(np.diff(speeds) < 0)


def test_dates_round_trip():
    dates = np.array(["1999-12-31T00:00:00", "2020-07-23T04:41:00", "2049-06-30T18:00:00"], dtype="datetime64[s]")
    assert np.all(orbits.date_from_julian(orbits.julian_date(dates)) == dates)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: orbits.circular_speed(-10), "altitude_km must be zero or positive"),
        (lambda: orbits.circular_period(400, body="Pluto"), "Unknown body 'Pluto'.*Sun, Earth, Moon, Mars"),
        (lambda: orbits.circular_speed(float("nan")), "altitude_km must be a finite number"),
        (lambda: orbits.circular_speed("high"), "altitude_km must be a number"),
        (lambda: orbits.period(-7000), "a_km must be greater than zero"),
        (lambda: orbits.altitude_from_period(600), "too short"),
        (lambda: orbits.vis_viva(30000, 10000), "at most twice a_km"),
        (lambda: orbits.coe2rv(7000, 1.2, 0, 0, 0, 0), "less than 1 for an ellipse"),
        (lambda: orbits.propagate(7000, 1.0, 0, 0, 0, 0, [0, 1]), "less than 1 for an ellipse"),
        (lambda: orbits.synodic_period(365.25, 365.25), "never change alignment"),
        (lambda: orbits.launch_window("2020-01-01", target="Venus"), "Unknown planet 'Venus'"),
        (lambda: orbits.launch_window("2020-01-01", origin="Mars", target="mars"), "same planet"),
        (lambda: orbits.julian_date("next Tuesday"), "when must be a date"),
        (lambda: orbits.to_rotating_frame([1.0, 2.0], 0.0, 1.0), "three coordinates"),
        (lambda: orbits.ground_track(400, 200, [0.0]), "inc_deg must be between 0 and 180"),
        (lambda: orbits.light_time(-1), "distance_km must be zero or positive"),
        (lambda: orbits.escape_speed_from_density(50, 0), "density_kg_m3 must be greater than zero"),
    ],
)
def test_bad_arguments_say_what_is_wrong(call, message):
    with pytest.raises(ValueError, match=message):
        call()
