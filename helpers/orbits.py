r"""Orbital mechanics for the course: two-body orbits computed from first principles.

Small pure functions on floats and numpy arrays (every argument may be an array;
arrays broadcast, so a widget can compute a whole curve in one call). A scalar
input gives a Python float back.

Conventions (as in Curtis and in poliastro):

=============  ==========================================================
``mu_km3_s2``  gravitational parameter GM of the central body (km^3/s^2)
``a_km``       semi-major axis (km); ``r_km`` a distance from the centre
``ecc``        eccentricity (0 circle, 0 < e < 1 ellipse)
``inc_rad``    inclination; ``raan_rad`` right ascension (longitude) of
               the ascending node; ``argp_rad`` argument of periapsis
``nu_rad``     true anomaly; ``E_rad`` eccentric anomaly; ``M_rad`` mean
               anomaly (all angles in radians unless the name says deg)
``t_s``        time in seconds; ``when`` a date (``"2020-07-23"``, a
               ``datetime``, ``numpy.datetime64`` or an array of them)
=============  ==========================================================

Bodies are named ``"Earth"``, ``"Moon"``, ``"Mars"`` or ``"Sun"``; their GM and
radii come from :mod:`helpers.constants` (``data/constants.csv``). Altitudes are
measured above the equatorial radius (the Moon's and the Sun's mean radius).

Planet positions use JPL's "Approximate Positions of the Planets" (Standish):
Keplerian elements with linear rates, good to about 25 000 km for Mars between
1800 and 2050, in the mean ecliptic and equinox of J2000. Dates are treated as
TT; the minute between TT and UTC does not matter here.

A learner's mistake (a negative altitude, an unknown body, e >= 1 where an
ellipse is needed, a NaN) raises :class:`ValueError` with a plain message. An
iterative solver that fails to converge raises :class:`ConvergenceError`; it never
returns NaN.

References
----------
Curtis, H. D., *Orbital Mechanics for Engineering Students*, 3rd ed. (2014).
Vallado, D. A., *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013).
Bate, R. R., Mueller, D. D. and White, J. E., *Fundamentals of Astrodynamics* (1971).
Standish, E. M., *Keplerian Elements for Approximate Positions of the Major Planets*, JPL.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from helpers import constants
from helpers.arguments import finite_array, scalar_or_array
from helpers.constants import (
    AU_KM,
    C_KM_S,
    DAY_S,
    EARTH_ROTATION_RATE_RAD_S,
    G_M3_KG_S2,
    GM_EARTH_KM3_S2,
    J2000_JD,
    JULIAN_CENTURY_D,
    PLANET_ELEMENTS,
)

TWO_PI = 2.0 * np.pi
#: J2000.0 as a calendar instant (2000-01-01 12:00 TT); its Julian date is ``J2000_JD``.
J2000_DATETIME = np.datetime64("2000-01-01T12:00:00", "ms")


class ConvergenceError(RuntimeError):
    """An iterative solver did not reach its tolerance within its iteration limit."""


# --------------------------------------------------------------------------- checks


def _positive(value, name: str, meaning: str) -> np.ndarray:
    arr = finite_array(value, name)
    if np.any(arr <= 0):
        bad = arr[arr <= 0].flat[0] if arr.ndim else arr
        raise ValueError(f"{name} must be greater than zero ({meaning}); got {float(bad):g}.")
    return arr


def _non_negative(value, name: str, meaning: str) -> np.ndarray:
    arr = finite_array(value, name)
    if np.any(arr < 0):
        bad = arr[arr < 0].flat[0] if arr.ndim else arr
        raise ValueError(f"{name} must be zero or positive ({meaning}); got {float(bad):g}.")
    return arr


def _ellipse_ecc(value, name: str = "ecc") -> np.ndarray:
    arr = finite_array(value, name)
    if np.any((arr < 0) | (arr >= 1)):
        bad = arr[(arr < 0) | (arr >= 1)].flat[0] if arr.ndim else arr
        raise ValueError(
            f"{name} must be at least 0 and less than 1 for an ellipse (a closed orbit); "
            f"got {float(bad):g}. An eccentricity of 1 or more is a parabola or hyperbola."
        )
    return arr


def _body_gm_radius(body: str) -> tuple[float, float]:
    return constants.body(body)


def _radius_from_altitude(altitude_km, body: str) -> tuple[float, np.ndarray]:
    mu, radius = _body_gm_radius(body)
    altitude = _non_negative(altitude_km, "altitude_km", f"height above the surface of {body}, in km")
    return mu, radius + altitude


def _planet_name(planet: str) -> str:
    for known in PLANET_ELEMENTS:
        if isinstance(planet, str) and planet.strip().lower() == known.lower():
            return known
    raise ValueError(
        f"Unknown planet {planet!r}: the planets with orbital elements in the course are "
        f"{', '.join(PLANET_ELEMENTS)}."
    )


# --------------------------------------------------------------------------- time


def julian_date(when) -> float | np.ndarray:
    r"""Julian date of a date or time (or an array of them).

    .. math:: \mathrm{JD} = 2451545.0 + \frac{t - \text{2000-01-01T12:00}}{86400\ \mathrm{s}}

    Parameters
    ----------
    when : str, datetime, numpy.datetime64 or array of them
        The instant (``"2020-07-23"`` means midnight at the start of that day).

    Returns
    -------
    float or ndarray : Julian date (days).

    References
    ----------
    Vallado (2013), section 3.5 (Julian date); J2000 = JD 2451545.0.

    Example
    -------
    >>> julian_date("2000-01-01T12:00")
    2451545.0
    >>> julian_date("2020-07-23")
    2459053.5
    """
    try:
        instants = np.asarray(when, dtype="datetime64[ms]")
    except (TypeError, ValueError):
        raise ValueError(
            f"when must be a date such as '2020-07-23' (or a datetime or numpy.datetime64); got {when!r}."
        ) from None
    if np.any(np.isnat(instants)):
        raise ValueError(f"when must be a date, not NaT (a missing date); got {when!r}.")
    days = (instants - J2000_DATETIME) / np.timedelta64(1, "D")
    return scalar_or_array(J2000_JD + days)


def date_from_julian(jd) -> np.datetime64 | np.ndarray:
    r"""Calendar instant (numpy.datetime64, to the second) of a Julian date.

    .. math:: t = \text{2000-01-01T12:00} + (\mathrm{JD} - 2451545.0) \times 86400\ \mathrm{s}

    Parameters
    ----------
    jd : float or array_like
        Julian date (days).

    Returns
    -------
    numpy.datetime64 or ndarray of them.

    References
    ----------
    Vallado (2013), section 3.5.

    Example
    -------
    >>> str(date_from_julian(2459053.5))
    '2020-07-23T00:00:00'
    """
    days = finite_array(jd, "jd") - J2000_JD
    seconds = np.round(days * DAY_S).astype("int64")
    return J2000_DATETIME.astype("datetime64[s]") + seconds.astype("timedelta64[s]")


# --------------------------------------------------------------------------- circular orbits


def period(a_km, mu_km3_s2=GM_EARTH_KM3_S2):
    r"""Orbital period of an ellipse or circle from its semi-major axis (Kepler's third law).

    .. math:: T = 2\pi\sqrt{a^3/\mu}

    Parameters
    ----------
    a_km : float or array_like
        Semi-major axis (km), or the radius of a circular orbit.
    mu_km3_s2 : float
        GM of the central body (km^3/s^2); Earth's by default.

    Returns
    -------
    float or ndarray : period (s).

    References
    ----------
    Curtis (2014), eq. 2.83; Bate, Mueller and White (1971), eq. 1.7-4.

    Example
    -------
    >>> from helpers.constants import R_EARTH_KM
    >>> round(period(R_EARTH_KM + 390) / 60, 1)   # Tiangong at 390 km, minutes
    92.4
    """
    a = _positive(a_km, "a_km", "the semi-major axis in km")
    mu = _positive(mu_km3_s2, "mu_km3_s2", "the central body's GM in km^3/s^2")
    return scalar_or_array(TWO_PI * np.sqrt(a**3 / mu))


def a_from_period(period_s, mu_km3_s2=GM_EARTH_KM3_S2):
    r"""Semi-major axis (or circular radius) that gives a period: Kepler's third law inverted.

    .. math:: a = \left(\mu \left(\frac{T}{2\pi}\right)^2\right)^{1/3}

    Parameters
    ----------
    period_s : float or array_like
        Orbital period (s).
    mu_km3_s2 : float
        GM of the central body (km^3/s^2); Earth's by default.

    Returns
    -------
    float or ndarray : semi-major axis (km).

    References
    ----------
    Curtis (2014), eq. 2.83 solved for a (Example 2.6, the geostationary radius).

    Example
    -------
    >>> from helpers.constants import EARTH_SIDEREAL_DAY_S
    >>> round(a_from_period(EARTH_SIDEREAL_DAY_S))   # geostationary radius, km
    42164
    """
    T = _positive(period_s, "period_s", "the orbital period in seconds")
    mu = _positive(mu_km3_s2, "mu_km3_s2", "the central body's GM in km^3/s^2")
    return scalar_or_array(np.cbrt(mu * (T / TWO_PI) ** 2))


def circular_speed(altitude_km, body: str = "Earth"):
    r"""Speed in a circular orbit at a given altitude above a body.

    .. math:: v = \sqrt{\frac{\mu}{R + h}}

    Parameters
    ----------
    altitude_km : float or array_like
        Height above the surface (km), zero or more.
    body : str
        "Earth", "Moon", "Mars" or "Sun".

    Returns
    -------
    float or ndarray : speed (km/s).

    References
    ----------
    Curtis (2014), eq. 2.63.

    Example
    -------
    >>> round(circular_speed(390), 2)   # Tiangong at 390 km
    7.67
    """
    mu, r = _radius_from_altitude(altitude_km, body)
    return scalar_or_array(np.sqrt(mu / r))


def circular_period(altitude_km, body: str = "Earth"):
    r"""Period of a circular orbit at a given altitude above a body.

    .. math:: T = 2\pi\sqrt{\frac{(R + h)^3}{\mu}}

    Parameters
    ----------
    altitude_km : float or array_like
        Height above the surface (km), zero or more.
    body : str
        "Earth", "Moon", "Mars" or "Sun".

    Returns
    -------
    float or ndarray : period (s).

    References
    ----------
    Curtis (2014), eq. 2.64.

    Example
    -------
    >>> round(circular_period(100, body="Moon") / 3600, 2)   # low lunar orbit, hours
    1.96
    """
    mu, r = _radius_from_altitude(altitude_km, body)
    return scalar_or_array(TWO_PI * np.sqrt(r**3 / mu))


def altitude_from_period(period_s, body: str = "Earth"):
    r"""Altitude of the circular orbit with a given period around a body.

    .. math:: h = \left(\mu \left(\frac{T}{2\pi}\right)^2\right)^{1/3} - R

    Parameters
    ----------
    period_s : float or array_like
        Orbital period (s).
    body : str
        "Earth", "Moon", "Mars" or "Sun".

    Returns
    -------
    float or ndarray : altitude above the surface (km).

    Raises
    ------
    ValueError
        If the period is so short that the orbit would lie inside the body.

    References
    ----------
    Curtis (2014), eq. 2.64 solved for the radius.

    Example
    -------
    >>> round(altitude_from_period(92 * 60))   # a 92-minute orbit, km
    373
    """
    mu, radius = _body_gm_radius(body)
    r = np.asarray(a_from_period(period_s, mu))
    if np.any(r < radius * (1 - 1e-12)):  # allow for rounding at zero altitude
        shortest = float(period(radius, mu))
        raise ValueError(
            f"period_s is too short: no orbit around {body} is faster than one grazing its surface, "
            f"which takes {shortest:.0f} s ({shortest / 60:.1f} min)."
        )
    return scalar_or_array(np.maximum(r - radius, 0.0))


def vis_viva(r_km, a_km, mu_km3_s2=GM_EARTH_KM3_S2):
    r"""Speed at distance r on an orbit of semi-major axis a (the vis-viva equation).

    .. math:: v = \sqrt{\mu\left(\frac{2}{r} - \frac{1}{a}\right)}

    Parameters
    ----------
    r_km : float or array_like
        Distance from the centre of the central body (km).
    a_km : float or array_like
        Semi-major axis (km); must be positive (an ellipse) and larger than r/2.
    mu_km3_s2 : float
        GM of the central body (km^3/s^2); Earth's by default.

    Returns
    -------
    float or ndarray : speed (km/s).

    References
    ----------
    Curtis (2014), eq. 2.81; Bate, Mueller and White (1971), eq. 1.6-4.

    Example
    -------
    >>> from helpers.constants import R_EARTH_KM
    >>> r_p, r_a = R_EARTH_KM + 200, R_EARTH_KM + 35786   # a geostationary transfer orbit
    >>> round(vis_viva(r_p, (r_p + r_a) / 2), 2)          # speed at perigee, km/s
    10.24
    """
    r = _positive(r_km, "r_km", "the distance from the centre in km")
    a = _positive(a_km, "a_km", "the semi-major axis in km")
    mu = _positive(mu_km3_s2, "mu_km3_s2", "the central body's GM in km^3/s^2")
    if np.any(r > 2 * a):
        raise ValueError("r_km must be at most twice a_km: an ellipse never reaches farther than 2a from its focus.")
    return scalar_or_array(np.sqrt(mu * (2.0 / r - 1.0 / a)))


# --------------------------------------------------------------------------- escape and gravity


def escape_speed(mu_km3_s2, r_km):
    r"""Escape speed at distance r from a body of gravitational parameter mu.

    .. math:: v_\mathrm{esc} = \sqrt{\frac{2\mu}{r}}

    Parameters
    ----------
    mu_km3_s2 : float or array_like
        GM of the body (km^3/s^2).
    r_km : float or array_like
        Distance from its centre (km); its radius for the surface.

    Returns
    -------
    float or ndarray : escape speed (km/s).

    References
    ----------
    Curtis (2014), eq. 2.91.

    Example
    -------
    >>> from helpers.constants import BODIES
    >>> round(escape_speed(*BODIES["Moon"]), 2)
    2.38
    """
    mu = _positive(mu_km3_s2, "mu_km3_s2", "the body's GM in km^3/s^2")
    r = _positive(r_km, "r_km", "the distance from the centre in km")
    return scalar_or_array(np.sqrt(2.0 * mu / r))


def surface_gravity(mu_km3_s2, r_km):
    r"""Gravitational acceleration at distance r from a body (no rotation).

    .. math:: g = \frac{\mu}{r^2}

    Parameters
    ----------
    mu_km3_s2 : float or array_like
        GM of the body (km^3/s^2).
    r_km : float or array_like
        Distance from its centre (km); its radius for the surface.

    Returns
    -------
    float or ndarray : acceleration (m/s^2, note: metres).

    References
    ----------
    Bate, Mueller and White (1971), eq. 1.3-2 (Newton's law of gravitation).

    Example
    -------
    >>> from helpers.constants import BODIES
    >>> round(surface_gravity(*BODIES["Mars"]), 2)
    3.71
    """
    mu = _positive(mu_km3_s2, "mu_km3_s2", "the body's GM in km^3/s^2")
    r = _positive(r_km, "r_km", "the distance from the centre in km")
    return scalar_or_array(mu / r**2 * 1000.0)


def gm_from_mass(mass_kg):
    r"""Gravitational parameter GM of a body from its mass.

    .. math:: \mu = G M

    Parameters
    ----------
    mass_kg : float or array_like
        Mass (kg).

    Returns
    -------
    float or ndarray : GM (km^3/s^2).

    References
    ----------
    Curtis (2014), eq. 2.14 (G from CODATA 2018).

    Example
    -------
    >>> round(gm_from_mass(7.346e22))   # the Moon's mass, km^3/s^2
    4903
    """
    mass = _positive(mass_kg, "mass_kg", "the body's mass in kg")
    return scalar_or_array(G_M3_KG_S2 * mass / 1e9)


def gm_from_density(radius_m, density_kg_m3):
    r"""Gravitational parameter of a uniform sphere from its radius and density.

    .. math:: \mu = G \cdot \tfrac{4}{3}\pi R^3 \rho

    Parameters
    ----------
    radius_m : float or array_like
        Radius (m).
    density_kg_m3 : float or array_like
        Mean density (kg/m^3), e.g. about 2000-2500 for a rocky asteroid.

    Returns
    -------
    float or ndarray : GM (m^3/s^2, note: metres, to suit small bodies).

    References
    ----------
    Curtis (2014), eq. 2.14 with M = volume x density.

    Example
    -------
    >>> round(gm_from_density(25, 2300), 3)   # a 50 m asteroid, m^3/s^2
    0.01
    """
    radius = _positive(radius_m, "radius_m", "the body's radius in metres")
    density = _positive(density_kg_m3, "density_kg_m3", "the body's mean density in kg/m^3")
    return scalar_or_array(G_M3_KG_S2 * 4.0 / 3.0 * np.pi * radius**3 * density)


def escape_speed_from_density(radius_m, density_kg_m3):
    r"""Surface escape speed of a uniform sphere from its radius and density.

    .. math:: v_\mathrm{esc} = \sqrt{\frac{2GM}{R}} = R\sqrt{\tfrac{8}{3}\pi G\rho}

    Parameters
    ----------
    radius_m : float or array_like
        Radius (m); half the diameter.
    density_kg_m3 : float or array_like
        Mean density (kg/m^3).

    Returns
    -------
    float or ndarray : escape speed (m/s; multiply by 100 for cm/s).

    References
    ----------
    Curtis (2014), eq. 2.91 with M = (4/3) pi R^3 rho.

    Example
    -------
    >>> # Kamo'oalewa: 40-100 m across, density about 2000-2500 kg/m^3; speeds in cm/s
    >>> [round(100 * escape_speed_from_density(d / 2, 2300), 1) for d in (40, 100)]
    [2.3, 5.7]
    """
    radius = _positive(radius_m, "radius_m", "the body's radius in metres")
    gm_m3_s2 = np.asarray(gm_from_density(radius, density_kg_m3))
    return scalar_or_array(np.sqrt(2.0 * gm_m3_s2 / radius))


def surface_gravity_from_density(radius_m, density_kg_m3):
    r"""Surface gravity of a uniform sphere from its radius and density.

    .. math:: g = \frac{GM}{R^2} = \tfrac{4}{3}\pi G \rho R

    Parameters
    ----------
    radius_m : float or array_like
        Radius (m).
    density_kg_m3 : float or array_like
        Mean density (kg/m^3).

    Returns
    -------
    float or ndarray : acceleration (m/s^2).

    References
    ----------
    Bate, Mueller and White (1971), eq. 1.3-2 with M = (4/3) pi R^3 rho.

    Example
    -------
    >>> g = surface_gravity_from_density(25, 2300)   # a 50 m asteroid
    >>> f"{g:.1e} m/s^2, {g / 9.80665:.0e} times Earth's"
    "1.6e-05 m/s^2, 2e-06 times Earth's"
    """
    radius = _positive(radius_m, "radius_m", "the body's radius in metres")
    gm_m3_s2 = np.asarray(gm_from_density(radius, density_kg_m3))
    return scalar_or_array(gm_m3_s2 / radius**2)


# --------------------------------------------------------------------------- transfers


class Hohmann(NamedTuple):
    """The two burns and the coast of a Hohmann transfer (arrays if the inputs were)."""

    dv1_km_s: float
    dv2_km_s: float
    dv_total_km_s: float
    transfer_time_s: float
    a_transfer_km: float


def hohmann(r1_km, r2_km, mu_km3_s2=GM_EARTH_KM3_S2) -> Hohmann:
    r"""Hohmann transfer between two coplanar circular orbits of radii r1 and r2.

    .. math::
        a_t = \frac{r_1 + r_2}{2},\quad
        \Delta v_1 = \left|\sqrt{\mu\left(\frac{2}{r_1} - \frac{1}{a_t}\right)} - \sqrt{\frac{\mu}{r_1}}\right|,\quad
        \Delta v_2 = \left|\sqrt{\frac{\mu}{r_2}} - \sqrt{\mu\left(\frac{2}{r_2} - \frac{1}{a_t}\right)}\right|,\quad
        t = \pi\sqrt{\frac{a_t^3}{\mu}}

    Parameters
    ----------
    r1_km, r2_km : float or array_like
        Radii of the departure and arrival orbits (km), from the centre of the central body.
    mu_km3_s2 : float
        GM of the central body (km^3/s^2); Earth's by default, ``GM_SUN_KM3_S2`` between planets.

    Returns
    -------
    Hohmann : dv1_km_s, dv2_km_s, dv_total_km_s (km/s), transfer_time_s (s), a_transfer_km (km).

    References
    ----------
    Curtis (2014), section 6.2 and Example 6.1; Hohmann (1925).

    Example
    -------
    >>> from helpers.constants import AU_KM, GM_SUN_KM3_S2, PLANET_ELEMENTS
    >>> h = hohmann(AU_KM, PLANET_ELEMENTS["Mars"]["a_au"][0] * AU_KM, GM_SUN_KM3_S2)
    >>> round(h.dv1_km_s, 2), round(h.dv2_km_s, 2), round(h.transfer_time_s / 86400)
    (2.94, 2.65, 259)
    """
    r1 = _positive(r1_km, "r1_km", "the departure orbit's radius in km")
    r2 = _positive(r2_km, "r2_km", "the arrival orbit's radius in km")
    mu = _positive(mu_km3_s2, "mu_km3_s2", "the central body's GM in km^3/s^2")
    a_t = (r1 + r2) / 2.0
    dv1 = np.abs(np.sqrt(mu * (2.0 / r1 - 1.0 / a_t)) - np.sqrt(mu / r1))
    dv2 = np.abs(np.sqrt(mu / r2) - np.sqrt(mu * (2.0 / r2 - 1.0 / a_t)))
    t = np.pi * np.sqrt(a_t**3 / mu)
    return Hohmann(*(scalar_or_array(x) for x in (dv1, dv2, dv1 + dv2, t, a_t)))


def hyperbolic_burn(v_inf_km_s, altitude_km, body: str = "Earth"):
    r"""Burn from a circular parking orbit onto an escape hyperbola with excess speed v_inf.

    Also the burn to capture into a circular orbit on arrival (the same formula).

    .. math:: \Delta v = \sqrt{v_\infty^2 + \frac{2\mu}{r}} - \sqrt{\frac{\mu}{r}}

    Parameters
    ----------
    v_inf_km_s : float or array_like
        Hyperbolic excess speed (km/s), e.g. a Hohmann ``dv1_km_s`` around the Sun.
    altitude_km : float or array_like
        Altitude of the circular parking orbit (km).
    body : str
        "Earth", "Moon", "Mars" or "Sun".

    Returns
    -------
    float or ndarray : delta-v of the burn (km/s).

    References
    ----------
    Curtis (2014), eq. 8.42 and Example 8.3 (Earth to Mars from a 300 km orbit: 3.59 km/s).

    Example
    -------
    >>> round(hyperbolic_burn(2.943, 300), 2)
    3.59
    """
    v_inf = _non_negative(v_inf_km_s, "v_inf_km_s", "the hyperbolic excess speed in km/s")
    mu, r = _radius_from_altitude(altitude_km, body)
    return scalar_or_array(np.sqrt(v_inf**2 + 2.0 * mu / r) - np.sqrt(mu / r))


def synodic_period(period1, period2):
    r"""Synodic period: time between repeats of the same alignment of two orbiting bodies.

    .. math:: T_\mathrm{syn} = \frac{1}{\left|1/T_1 - 1/T_2\right|}

    Parameters
    ----------
    period1, period2 : float or array_like
        The two orbital periods, in the same unit (e.g. days); the result is in that unit.

    Returns
    -------
    float or ndarray : synodic period (same unit as the inputs).

    References
    ----------
    Curtis (2014), eq. 8.10.

    Example
    -------
    >>> round(synodic_period(365.256, 686.98))   # Earth and Mars, days
    780
    """
    p1 = _positive(period1, "period1", "an orbital period")
    p2 = _positive(period2, "period2", "an orbital period")
    if np.any(p1 == p2):
        raise ValueError("period1 and period2 are equal: two bodies with the same period never change alignment.")
    return scalar_or_array(1.0 / np.abs(1.0 / p1 - 1.0 / p2))


def hohmann_phase_angle(r1_km, r2_km):
    r"""How far the target must lead the departure planet when a Hohmann transfer starts.

    The target moves through :math:`n_2 t_H` during the transfer and must arrive where
    the spacecraft does, 180 degrees from departure:

    .. math:: \phi_0 = \pi - n_2 t_H = \pi\left(1 - \left(\frac{r_1 + r_2}{2 r_2}\right)^{3/2}\right)

    Parameters
    ----------
    r1_km, r2_km : float or array_like
        Radii of the departure and target orbits (km, or any one unit).

    Returns
    -------
    float or ndarray : phase angle (rad); negative if the target must trail (inward transfers).

    References
    ----------
    Curtis (2014), eq. 8.12 and Example 8.1.

    Example
    -------
    >>> import math
    >>> from helpers.constants import PLANET_ELEMENTS
    >>> round(math.degrees(hohmann_phase_angle(1.0, PLANET_ELEMENTS["Mars"]["a_au"][0])), 1)
    44.3
    """
    r1 = _positive(r1_km, "r1_km", "the departure orbit's radius")
    r2 = _positive(r2_km, "r2_km", "the target orbit's radius")
    return scalar_or_array(np.pi * (1.0 - ((r1 + r2) / (2.0 * r2)) ** 1.5))


def light_time(distance_km):
    r"""One-way light time over a distance.

    .. math:: t = d / c

    Parameters
    ----------
    distance_km : float or array_like
        Distance (km), zero or more.

    Returns
    -------
    float or ndarray : time (s).

    References
    ----------
    IAU: c = 299 792 458 m/s exactly; light-time for one au is 499.005 s.

    Example
    -------
    >>> round(light_time(384400), 2)   # Earth to Moon, s
    1.28
    """
    d = _non_negative(distance_km, "distance_km", "a distance in km")
    return scalar_or_array(d / C_KM_S)


# --------------------------------------------------------------------------- Kepler's equation


def kepler_E(M_rad, ecc, tol: float = 1e-12, max_iter: int = 50):
    r"""Solve Kepler's equation for the eccentric anomaly E (vectorised Newton's method).

    .. math:: M = E - e\sin E, \qquad E_{k+1} = E_k - \frac{E_k - e\sin E_k - M}{1 - e\cos E_k}

    Parameters
    ----------
    M_rad : float or array_like
        Mean anomaly (rad), any value; E comes back on the same revolution as M.
    ecc : float or array_like
        Eccentricity, 0 <= e < 1.
    tol : float
        Stop when every Newton step is smaller than this (rad).
    max_iter : int
        Give up after this many steps.

    Returns
    -------
    float or ndarray : eccentric anomaly (rad).

    Raises
    ------
    ConvergenceError
        If some element has not converged after ``max_iter`` steps (never NaN).

    References
    ----------
    Vallado (2013), Algorithm 2 and Example 2-1; Curtis (2014), Algorithm 3.1.

    Example
    -------
    >>> import math
    >>> round(math.degrees(kepler_E(math.radians(235.4), 0.4)), 9)   # Vallado Example 2-1
    220.512074768
    """
    M = finite_array(M_rad, "M_rad")
    e = _ellipse_ecc(ecc)
    M, e = np.broadcast_arrays(M, e)
    turns = np.round(M / TWO_PI)
    M_reduced = M - turns * TWO_PI  # in [-pi, pi]
    # Danby's starting value: within a Newton step or two of the root for every e < 1.
    E = M_reduced + 0.85 * e * np.sign(np.sin(M_reduced))
    for _ in range(max_iter):
        step = (E - e * np.sin(E) - M_reduced) / (1.0 - e * np.cos(E))
        E = E - step
        if np.all(np.abs(step) < tol):
            return scalar_or_array(E + turns * TWO_PI)
    worst = int(np.argmax(np.abs(step)))
    raise ConvergenceError(
        f"Kepler's equation did not converge in {max_iter} iterations: the last Newton step was "
        f"{float(np.abs(step).flat[worst]):.1e} rad (tolerance {tol:g}) at M = {float(M.flat[worst]):.6g} rad, "
        f"e = {float(e.flat[worst]):.6g}."
    )


def E_to_M(E_rad, ecc):
    r"""Mean anomaly from eccentric anomaly (Kepler's equation, forwards).

    .. math:: M = E - e\sin E

    Parameters
    ----------
    E_rad : float or array_like
        Eccentric anomaly (rad).
    ecc : float or array_like
        Eccentricity, 0 <= e < 1.

    Returns
    -------
    float or ndarray : mean anomaly (rad).

    References
    ----------
    Curtis (2014), eq. 3.14.

    Example
    -------
    >>> import math
    >>> round(E_to_M(math.pi / 2, 0.5), 4)
    1.0708
    """
    E = finite_array(E_rad, "E_rad")
    e = _ellipse_ecc(ecc)
    return scalar_or_array(E - e * np.sin(E))


def E_to_nu(E_rad, ecc):
    r"""True anomaly from eccentric anomaly.

    .. math:: \nu = 2\arctan\left(\sqrt{\frac{1+e}{1-e}}\tan\frac{E}{2}\right)

    Parameters
    ----------
    E_rad : float or array_like
        Eccentric anomaly (rad).
    ecc : float or array_like
        Eccentricity, 0 <= e < 1.

    Returns
    -------
    float or ndarray : true anomaly (rad), on the same revolution as E.

    References
    ----------
    Curtis (2014), eq. 3.13b; Vallado (2013), eq. 2-9.

    Example
    -------
    >>> import math
    >>> round(math.degrees(E_to_nu(math.radians(10.52321), 0.05)), 4)   # NASA TR R-158
    11.0599
    """
    E = finite_array(E_rad, "E_rad")
    e = _ellipse_ecc(ecc)
    turns = np.round(E / TWO_PI)
    E_reduced = E - turns * TWO_PI
    nu = 2.0 * np.arctan2(np.sqrt(1.0 + e) * np.sin(E_reduced / 2.0), np.sqrt(1.0 - e) * np.cos(E_reduced / 2.0))
    return scalar_or_array(nu + turns * TWO_PI)


def nu_to_E(nu_rad, ecc):
    r"""Eccentric anomaly from true anomaly.

    .. math:: E = 2\arctan\left(\sqrt{\frac{1-e}{1+e}}\tan\frac{\nu}{2}\right)

    Parameters
    ----------
    nu_rad : float or array_like
        True anomaly (rad).
    ecc : float or array_like
        Eccentricity, 0 <= e < 1.

    Returns
    -------
    float or ndarray : eccentric anomaly (rad), on the same revolution as nu.

    References
    ----------
    Curtis (2014), eq. 3.13a.

    Example
    -------
    >>> import math
    >>> round(math.degrees(nu_to_E(math.radians(59.49810), 0.10)), 4)   # NASA TR R-158
    54.6747
    """
    nu = finite_array(nu_rad, "nu_rad")
    e = _ellipse_ecc(ecc)
    turns = np.round(nu / TWO_PI)
    nu_reduced = nu - turns * TWO_PI
    E = 2.0 * np.arctan2(np.sqrt(1.0 - e) * np.sin(nu_reduced / 2.0), np.sqrt(1.0 + e) * np.cos(nu_reduced / 2.0))
    return scalar_or_array(E + turns * TWO_PI)


# --------------------------------------------------------------------------- elements to vectors


def _perifocal_axes(inc, raan, argp):
    """Unit vectors P (towards periapsis) and Q (90 deg ahead in the orbit), shape (..., 3)."""
    ci, si = np.cos(inc), np.sin(inc)
    cO, sO = np.cos(raan), np.sin(raan)
    cw, sw = np.cos(argp), np.sin(argp)
    P = np.stack([cO * cw - sO * sw * ci, sO * cw + cO * sw * ci, sw * si], axis=-1)
    Q = np.stack([-cO * sw - sO * cw * ci, -sO * sw + cO * cw * ci, cw * si], axis=-1)
    return P, Q


def coe2rv(a_km, ecc, inc_rad, raan_rad, argp_rad, nu_rad, mu_km3_s2=GM_EARTH_KM3_S2):
    r"""Position and velocity vectors from classical orbital elements (elliptic orbits).

    .. math::
        p = a(1 - e^2),\quad
        \mathbf{r} = \frac{p}{1 + e\cos\nu}\left(\cos\nu\,\mathbf{P} + \sin\nu\,\mathbf{Q}\right),\quad
        \mathbf{v} = \sqrt{\frac{\mu}{p}}\left(-\sin\nu\,\mathbf{P} + (e + \cos\nu)\,\mathbf{Q}\right)

    where **P** and **Q** are the perifocal axes rotated by
    :math:`R_3(-\Omega)R_1(-i)R_3(-\omega)`.

    Parameters
    ----------
    a_km : float or array_like
        Semi-major axis (km).
    ecc : float or array_like
        Eccentricity, 0 <= e < 1.
    inc_rad, raan_rad, argp_rad : float or array_like
        Inclination, right ascension of the ascending node, argument of periapsis (rad).
    nu_rad : float or array_like
        True anomaly (rad).
    mu_km3_s2 : float
        GM of the central body (km^3/s^2); Earth's by default.

    Returns
    -------
    (r_km, v_km_s) : two arrays of shape (..., 3): position (km) and velocity (km/s).

    References
    ----------
    Curtis (2014), Algorithm 4.5; Vallado (2013), Algorithm 10 and Example 2-6.

    Example
    -------
    >>> import numpy as np
    >>> r, v = coe2rv(7000, 0.0, 0.0, 0.0, 0.0, np.pi / 2)
    >>> np.round(r, 3).tolist(), np.round(v, 4).tolist()
    ([0.0, 7000.0, 0.0], [-7.5461, 0.0, 0.0])
    """
    a = _positive(a_km, "a_km", "the semi-major axis in km")
    e = _ellipse_ecc(ecc)
    inc = finite_array(inc_rad, "inc_rad")
    raan = finite_array(raan_rad, "raan_rad")
    argp = finite_array(argp_rad, "argp_rad")
    nu = finite_array(nu_rad, "nu_rad")
    mu = _positive(mu_km3_s2, "mu_km3_s2", "the central body's GM in km^3/s^2")
    p = a * (1.0 - e**2)
    P, Q = _perifocal_axes(inc, raan, argp)
    r = p / (1.0 + e * np.cos(nu))
    x, y = r * np.cos(nu), r * np.sin(nu)
    speed = np.sqrt(mu / p)
    vx, vy = -speed * np.sin(nu), speed * (e + np.cos(nu))
    r_vec = x[..., None] * P + y[..., None] * Q
    v_vec = vx[..., None] * P + vy[..., None] * Q
    return r_vec, v_vec


def propagate(a_km, ecc, inc_rad, raan_rad, argp_rad, M0_rad, t_s, mu_km3_s2=GM_EARTH_KM3_S2):
    r"""Positions and velocities along a Keplerian orbit at an array of times.

    .. math:: M(t) = M_0 + n t,\quad n = \sqrt{\mu/a^3};\quad
              M \to E \to \nu \to (\mathbf{r}, \mathbf{v})

    Parameters
    ----------
    a_km : float
        Semi-major axis (km).
    ecc : float
        Eccentricity, 0 <= e < 1.
    inc_rad, raan_rad, argp_rad : float
        Inclination, right ascension of the ascending node, argument of periapsis (rad).
    M0_rad : float
        Mean anomaly at t = 0 (rad).
    t_s : float or array_like
        Times since the epoch of M0 (s).
    mu_km3_s2 : float
        GM of the central body (km^3/s^2); ``GM_SUN_KM3_S2`` for heliocentric orbits.

    Returns
    -------
    (r_km, v_km_s) : arrays of shape (len(t), 3): positions (km) and velocities (km/s).

    References
    ----------
    Curtis (2014), Algorithm 3.1 and 4.5; Vallado (2013), Algorithm 7 (KEPLER, elliptic case).

    Example
    -------
    >>> import numpy as np
    >>> T = period(7000)
    >>> r, v = propagate(7000, 0.1, 0.5, 0.0, 0.0, 0.0, np.array([0.0, T / 2, T]))
    >>> np.round(np.linalg.norm(r, axis=1)).tolist()   # perigee, apogee, perigee again
    [6300.0, 7700.0, 6300.0]
    """
    a = _positive(a_km, "a_km", "the semi-major axis in km")
    mu = _positive(mu_km3_s2, "mu_km3_s2", "the central body's GM in km^3/s^2")
    t = finite_array(t_s, "t_s")
    n = np.sqrt(mu / a**3)
    M = finite_array(M0_rad, "M0_rad") + n * t
    nu = E_to_nu(kepler_E(M, ecc), ecc)
    return coe2rv(a, ecc, inc_rad, raan_rad, argp_rad, nu, mu)


# --------------------------------------------------------------------------- planets


def planet_elements(planet: str, when) -> dict:
    r"""A planet's osculating-like elements at a date, from JPL's J2000 elements and rates.

    .. math:: q(T) = q_0 + \dot q\,T,\quad T = \frac{\mathrm{JD} - 2451545.0}{36525};\quad
              \omega = \varpi - \Omega,\quad M = L - \varpi

    Parameters
    ----------
    planet : str
        "Earth" (the Earth-Moon barycentre) or "Mars".
    when : date or array of dates

    Returns
    -------
    dict of float or ndarray: a_au, ecc, inc_rad, raan_rad, argp_rad, M_rad (M in [-pi, pi)).

    References
    ----------
    Standish, *Keplerian Elements for Approximate Positions of the Major Planets* (JPL), Table 1.

    Example
    -------
    >>> round(planet_elements("Mars", "2000-01-01T12:00")["a_au"], 8)
    1.52371034
    """
    name = _planet_name(planet)
    T = (np.asarray(julian_date(when)) - J2000_JD) / JULIAN_CENTURY_D
    el = {key: base + rate * T for key, (base, rate) in PLANET_ELEMENTS[name].items()}
    M_deg = np.mod(el["L_deg"] - el["long_peri_deg"] + 180.0, 360.0) - 180.0
    return {
        "a_au": scalar_or_array(el["a_au"]),
        "ecc": scalar_or_array(el["ecc"]),
        "inc_rad": scalar_or_array(np.radians(el["inc_deg"])),
        "raan_rad": scalar_or_array(np.radians(el["long_node_deg"])),
        "argp_rad": scalar_or_array(np.radians(el["long_peri_deg"] - el["long_node_deg"])),
        "M_rad": scalar_or_array(np.radians(M_deg)),
    }


def planet_position(planet: str, when):
    r"""Heliocentric position of Earth (the Earth-Moon barycentre) or Mars at dates.

    .. math:: x' = a(\cos E - e),\quad y' = a\sqrt{1 - e^2}\sin E,\quad
              \mathbf{r} = x'\mathbf{P} + y'\mathbf{Q}

    Parameters
    ----------
    planet : str
        "Earth" or "Mars".
    when : date or array of dates

    Returns
    -------
    ndarray of shape (3,) or (len(when), 3) : position in the J2000 ecliptic frame (au).

    References
    ----------
    Standish, *Keplerian Elements for Approximate Positions of the Major Planets* (JPL),
    steps 1-5; Curtis (2014), eq. 3.9 and 4.5.

    Example
    -------
    >>> import numpy as np
    >>> round(float(np.linalg.norm(planet_position("Earth", "2026-01-03"))), 4)   # near perihelion
    0.9833
    """
    el = planet_elements(planet, when)
    a, e = np.asarray(el["a_au"]), np.asarray(el["ecc"])
    E = np.asarray(kepler_E(el["M_rad"], e))
    P, Q = _perifocal_axes(el["inc_rad"], el["raan_rad"], el["argp_rad"])
    x = a * (np.cos(E) - e)
    y = a * np.sqrt(1.0 - e**2) * np.sin(E)
    return x[..., None] * P + y[..., None] * Q


def earth_mars_distance_au(when):
    r"""Distance between Earth and Mars at dates, from both planets' Keplerian orbits.

    .. math:: d = \left|\mathbf{r}_\mathrm{Mars} - \mathbf{r}_\mathrm{Earth}\right|

    Parameters
    ----------
    when : date or array of dates

    Returns
    -------
    float or ndarray : distance (au); multiply by ``AU_KM`` for km, or use :func:`light_time`.

    References
    ----------
    Standish, *Keplerian Elements for Approximate Positions of the Major Planets* (JPL).

    Example
    -------
    >>> round(earth_mars_distance_au("2003-08-27"), 3)   # the closest approach in 60 000 years
    0.373
    """
    d = np.linalg.norm(planet_position("Mars", when) - planet_position("Earth", when), axis=-1)
    return scalar_or_array(d)


def mean_longitude_deg(planet: str, when):
    r"""A planet's mean longitude at dates (where it would be on a circular orbit).

    .. math:: L(T) = L_0 + \dot L\,T

    Parameters
    ----------
    planet : str
        "Earth" or "Mars".
    when : date or array of dates

    Returns
    -------
    float or ndarray : mean longitude (deg, in [0, 360)).

    References
    ----------
    Standish, *Keplerian Elements for Approximate Positions of the Major Planets* (JPL), Table 1.

    Example
    -------
    >>> round(mean_longitude_deg("Earth", "2000-01-01T12:00"), 4)
    100.4646
    """
    base, rate = PLANET_ELEMENTS[_planet_name(planet)]["L_deg"]
    T = (np.asarray(julian_date(when)) - J2000_JD) / JULIAN_CENTURY_D
    return scalar_or_array(np.mod(base + rate * T, 360.0))


def sidereal_period_days(planet: str) -> float:
    r"""A planet's orbital period relative to the stars, from its mean motion.

    .. math:: T = \frac{360^\circ \times 36525\ \mathrm{d}}{\dot L}

    Parameters
    ----------
    planet : str
        "Earth" or "Mars".

    Returns
    -------
    float : period (days).

    References
    ----------
    Standish, *Keplerian Elements for Approximate Positions of the Major Planets* (JPL), Table 1.

    Example
    -------
    >>> round(sidereal_period_days("Mars"), 2)
    686.98
    """
    rate_deg_per_cy = PLANET_ELEMENTS[_planet_name(planet)]["L_deg"][1]
    return 360.0 * JULIAN_CENTURY_D / rate_deg_per_cy


class LaunchWindow(NamedTuple):
    """The next Hohmann launch window between two planets (circular, coplanar orbits)."""

    departure: np.datetime64
    arrival: np.datetime64
    phase_angle_deg: float
    transfer_time_days: float
    wait_days: float


def launch_window(after, origin: str = "Earth", target: str = "Mars") -> LaunchWindow:
    r"""The first date after ``after`` when a Hohmann transfer from origin to target can start.

    The phase angle (target's mean longitude minus the origin's) changes at the
    relative mean motion; the window opens when it equals the Hohmann phase angle:

    .. math:: \Delta t = \frac{(\phi_0 - \theta(t_0)) \bmod 360^\circ}{n_2 - n_1}
              \quad (\text{taken modulo the synodic period})

    Parameters
    ----------
    after : date
        Start looking from this date.
    origin, target : str
        "Earth" or "Mars".

    Returns
    -------
    LaunchWindow : departure and arrival (numpy.datetime64), phase_angle_deg, transfer_time_days,
    wait_days (from ``after`` to departure).

    References
    ----------
    Curtis (2014), section 8.4, eq. 8.12-8.13 (with circular orbits of radius a).

    Example
    -------
    >>> w = launch_window("2020-01-01")
    >>> str(w.departure), round(w.phase_angle_deg, 1), round(w.transfer_time_days)
    ('2020-06-20', 44.3, 259)

    Real missions fly faster, non-Hohmann paths from a few weeks either side of the
    ideal date: Tianwen-1 left on 2020-07-23 and reached Mars 202 days later.
    """
    o, t = _planet_name(origin), _planet_name(target)
    if o == t:
        raise ValueError("origin and target are the same planet: choose two different planets.")
    r1, r2 = PLANET_ELEMENTS[o]["a_au"][0], PLANET_ELEMENTS[t]["a_au"][0]
    phase_deg = float(np.degrees(hohmann_phase_angle(r1, r2)))
    transfer = hohmann(r1 * AU_KM, r2 * AU_KM, constants.GM_SUN_KM3_S2)
    transfer_days = transfer.transfer_time_s / DAY_S
    jd0 = julian_date(after)
    theta = mean_longitude_deg(t, after) - mean_longitude_deg(o, after)
    rate_deg_per_day = (PLANET_ELEMENTS[t]["L_deg"][1] - PLANET_ELEMENTS[o]["L_deg"][1]) / JULIAN_CENTURY_D
    synodic_days = 360.0 / abs(rate_deg_per_day)
    wait = float(np.mod((phase_deg - theta) / rate_deg_per_day, synodic_days))
    depart_jd = jd0 + wait
    return LaunchWindow(
        departure=date_from_julian(depart_jd).astype("datetime64[D]"),
        arrival=date_from_julian(depart_jd + transfer_days).astype("datetime64[D]"),
        phase_angle_deg=phase_deg,
        transfer_time_days=transfer_days,
        wait_days=wait,
    )


# --------------------------------------------------------------------------- rotating frames


def to_rotating_frame(r, t_s, omega_rad_s, angle0_rad=0.0):
    r"""Express positions in a frame turning about z at a constant rate.

    .. math:: \theta = \theta_0 + \omega t,\quad
              \begin{pmatrix}x'\\y'\end{pmatrix} =
              \begin{pmatrix}\cos\theta & \sin\theta\\ -\sin\theta & \cos\theta\end{pmatrix}
              \begin{pmatrix}x\\y\end{pmatrix},\quad z' = z

    Parameters
    ----------
    r : array_like of shape (..., 3)
        Positions in the inertial frame (any length unit).
    t_s : float or array_like
        Time of each position (s), broadcast against ``r[..., 0]``.
    omega_rad_s : float
        Rotation rate of the frame (rad/s), e.g. a planet's mean motion.
    angle0_rad : float
        Angle of the frame's x axis at t = 0 (rad).

    Returns
    -------
    ndarray of shape (..., 3) : positions in the rotating frame (same unit).

    References
    ----------
    Curtis (2014), section 2.12 (the co-moving frame of the restricted three-body problem).

    Example
    -------
    >>> import numpy as np
    >>> to_rotating_frame([[0.0, 1.0, 0.0]], [10.0], np.pi / 20).round(12).tolist()
    [[1.0, 0.0, 0.0]]
    """
    r_arr = finite_array(r, "r")
    if r_arr.shape[-1:] != (3,):
        raise ValueError(f"r must be positions with three coordinates x, y, z; got shape {r_arr.shape}.")
    theta = finite_array(angle0_rad, "angle0_rad") + finite_array(omega_rad_s, "omega_rad_s") * finite_array(t_s, "t_s")
    c, s = np.cos(theta), np.sin(theta)
    x, y, z = r_arr[..., 0], r_arr[..., 1], r_arr[..., 2]
    return np.stack(np.broadcast_arrays(c * x + s * y, -s * x + c * y, z), axis=-1)


def to_earth_frame(r_au, when, geocentric: bool = True):
    r"""Heliocentric positions seen in a frame that turns with the Earth's mean motion.

    The x axis follows the Earth's mean longitude, so the Earth stays near (1, 0, 0) au.
    With ``geocentric=True`` the Earth's own position (in the same frame) is subtracted:
    a quasi-satellite such as Kamo'oalewa then draws its yearly loop around the origin.

    .. math:: \mathbf{r}' = R_3\!\left(L_\oplus(t)\right)\,\mathbf{r}
              \;\left[-\;R_3\!\left(L_\oplus(t)\right)\,\mathbf{r}_\oplus\right]

    Parameters
    ----------
    r_au : array_like of shape (len(when), 3)
        Heliocentric ecliptic J2000 positions (au), e.g. from :func:`propagate` divided by ``AU_KM``.
    when : array of dates
        The date of each position.
    geocentric : bool
        Subtract the Earth's position (default) or keep the Sun at the origin.

    Returns
    -------
    ndarray of shape (len(when), 3) : positions in the Earth-following frame (au).

    References
    ----------
    Curtis (2014), section 2.12; de la Fuente Marcos and de la Fuente Marcos (2016),
    MNRAS 462, 3441 (Kamo'oalewa as Earth's quasi-satellite).

    Example
    -------
    >>> import numpy as np
    >>> dates = np.arange("2026-01-01", "2027-01-01", dtype="datetime64[D]")
    >>> earth = planet_position("Earth", dates)
    >>> bool(np.abs(to_earth_frame(earth, dates)).max() < 1e-12)   # the Earth sits still at the origin
    True
    """
    angle_rad = np.radians(mean_longitude_deg("Earth", when))
    rotated = to_rotating_frame(r_au, 0.0, 0.0, angle_rad)
    if geocentric:
        rotated = rotated - to_rotating_frame(planet_position("Earth", when), 0.0, 0.0, angle_rad)
    return rotated


# --------------------------------------------------------------------------- ground tracks


def ground_track(altitude_km, inc_deg, t_s, raan_deg=0.0, arg_lat0_deg=0.0, earth_angle0_deg=0.0):
    r"""Latitude and longitude under a circular orbit around the rotating Earth.

    .. math::
        u = u_0 + n t,\quad \sin\varphi = \sin i\sin u,\quad
        \lambda = \Omega + \operatorname{atan2}(\cos i\sin u, \cos u) - (\theta_0 + \omega_\oplus t)

    Two-body motion only: the slow drift of the orbital plane caused by the Earth's
    flattening (J2, about 5 degrees a day for Tiangong) is left out.

    Parameters
    ----------
    altitude_km : float
        Altitude of the circular orbit (km), e.g. about 390 for Tiangong.
    inc_deg : float
        Inclination (deg), e.g. 41.5 for Tiangong.
    t_s : float or array_like
        Times (s).
    raan_deg : float
        Longitude of the ascending node at t = 0, measured from the Earth's x axis (deg).
    arg_lat0_deg : float
        Argument of latitude at t = 0 (deg from the ascending node along the orbit).
    earth_angle0_deg : float
        Angle of the Greenwich meridian from the x axis at t = 0 (deg).

    Returns
    -------
    (lat_deg, lon_deg) : latitude in [-90, 90] and east longitude in [-180, 180) (deg).

    References
    ----------
    Curtis (2014), section 4.8 and Algorithm 4.3 (without J2); Vallado (2013), section 2.2.

    Example
    -------
    >>> import numpy as np
    >>> lat, lon = ground_track(390, 41.5, np.linspace(0, 6 * 3600, 361))
    >>> round(float(lat.max()), 1)   # the track never goes beyond the inclination
    41.5
    """
    mu, r = _radius_from_altitude(altitude_km, "Earth")
    inc = np.radians(finite_array(inc_deg, "inc_deg"))
    if np.any((inc < 0) | (inc > np.pi)):
        raise ValueError(f"inc_deg must be between 0 and 180 degrees; got {inc_deg!r}.")
    t = finite_array(t_s, "t_s")
    u = np.radians(finite_array(arg_lat0_deg, "arg_lat0_deg")) + np.sqrt(mu / r**3) * t
    lat = np.degrees(np.arcsin(np.sin(inc) * np.sin(u)))
    right_ascension = np.radians(finite_array(raan_deg, "raan_deg")) + np.arctan2(np.cos(inc) * np.sin(u), np.cos(u))
    earth_angle = np.radians(finite_array(earth_angle0_deg, "earth_angle0_deg")) + EARTH_ROTATION_RATE_RAD_S * t
    lon = np.mod(np.degrees(right_ascension - earth_angle) + 180.0, 360.0) - 180.0
    return scalar_or_array(lat), scalar_or_array(lon)


def longitude_shift_per_orbit_deg(altitude_km):
    r"""How far west the ground track moves from one orbit to the next (circular orbit).

    .. math:: \Delta\lambda = -\omega_\oplus T = -\omega_\oplus\, 2\pi\sqrt{\frac{(R_\oplus + h)^3}{\mu}}

    Parameters
    ----------
    altitude_km : float or array_like
        Altitude of the circular orbit (km).

    Returns
    -------
    float or ndarray : longitude shift per orbit (deg, negative = westward).

    References
    ----------
    Curtis (2014), section 4.8 (without J2).

    Example
    -------
    >>> round(longitude_shift_per_orbit_deg(390), 1)   # Tiangong
    -23.2
    """
    return scalar_or_array(-np.degrees(EARTH_ROTATION_RATE_RAD_S * np.asarray(circular_period(altitude_km, "Earth"))))
