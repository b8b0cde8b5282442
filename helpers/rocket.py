r"""The rocket equation: how much speed a rocket gains from the propellant it burns.

Small pure functions on floats and numpy arrays (arrays broadcast, so a slider
can redraw a whole curve at once; a scalar input gives a Python float back).

=================  ===========================================================
``isp_s``          specific impulse (s): thrust per weight of propellant burnt
                   each second; exhaust speed = isp_s x g0
``mass_ratio``     initial mass / final mass, m0 / mf (1 or more)
``delta_v_km_s``   change of speed (km/s), ignoring gravity and drag losses
=================  ===========================================================

Bad arguments (a negative mass, a mass ratio below 1, NaN) raise ValueError with
a plain message.

References
----------
Curtis, H. D., *Orbital Mechanics for Engineering Students*, 3rd ed. (2014), chapter 11.
Sutton, G. P. and Biblarz, O., *Rocket Propulsion Elements*, 9th ed. (2017), chapter 4.
"""

from __future__ import annotations

import numpy as np

from helpers.arguments import finite_array, scalar_or_array
from helpers.constants import G0_M_S2


def _at_least(value, name: str, lowest: float, meaning: str, strictly: bool = False) -> np.ndarray:
    arr = finite_array(value, name)
    bad = arr <= lowest if strictly else arr < lowest
    if np.any(bad):
        first = float(arr[bad].flat[0]) if arr.ndim else float(arr)
        relation = "greater than" if strictly else "at least"
        raise ValueError(f"{name} must be {relation} {lowest:g} ({meaning}); got {first:g}.")
    return arr


def _isp(isp_s) -> np.ndarray:
    return _at_least(isp_s, "isp_s", 0, "specific impulse in seconds, e.g. 300 to 450", strictly=True)


def exhaust_speed(isp_s):
    r"""Effective exhaust speed of an engine from its specific impulse.

    .. math:: v_e = I_\mathrm{sp}\, g_0

    Parameters
    ----------
    isp_s : float or array_like
        Specific impulse (s).

    Returns
    -------
    float or ndarray : exhaust speed (km/s).

    References
    ----------
    Curtis (2014), eq. 11.30; Sutton and Biblarz (2017), eq. 2-6.

    Example
    -------
    >>> round(exhaust_speed(300), 4)
    2.942
    """
    return scalar_or_array(_isp(isp_s) * G0_M_S2 / 1000.0)


def delta_v(isp_s, mass_ratio):
    r"""Ideal change of speed from burning propellant (Tsiolkovsky's rocket equation).

    .. math:: \Delta v = I_\mathrm{sp}\, g_0 \ln\frac{m_0}{m_f}

    Parameters
    ----------
    isp_s : float or array_like
        Specific impulse (s).
    mass_ratio : float or array_like
        Initial mass over final mass, m0/mf (1 or more).

    Returns
    -------
    float or ndarray : delta-v (km/s).

    References
    ----------
    Curtis (2014), eq. 11.30; Tsiolkovsky (1903).

    Example
    -------
    >>> round(delta_v(300, 3.0), 3)   # a third of the lift-off mass left at burnout
    3.232
    """
    isp = _isp(isp_s)
    ratio = _at_least(mass_ratio, "mass_ratio", 1, "initial mass divided by final mass")
    return scalar_or_array(isp * G0_M_S2 / 1000.0 * np.log(ratio))


def mass_ratio(delta_v_km_s, isp_s):
    r"""Initial-to-final mass ratio needed for a delta-v (the rocket equation inverted).

    .. math:: \frac{m_0}{m_f} = \exp\left(\frac{\Delta v}{I_\mathrm{sp}\, g_0}\right)

    Parameters
    ----------
    delta_v_km_s : float or array_like
        Delta-v (km/s), zero or more.
    isp_s : float or array_like
        Specific impulse (s).

    Returns
    -------
    float or ndarray : mass ratio m0/mf.

    References
    ----------
    Curtis (2014), eq. 11.30 solved for the mass ratio.

    Example
    -------
    >>> round(mass_ratio(9.4, 350), 1)   # to low Earth orbit in one stage
    15.5
    """
    dv = _at_least(delta_v_km_s, "delta_v_km_s", 0, "a change of speed in km/s")
    return scalar_or_array(np.exp(dv * 1000.0 / (_isp(isp_s) * G0_M_S2)))


def propellant_mass(delta_v_km_s, isp_s, final_mass_kg):
    r"""Propellant needed to give a spacecraft of given final (dry) mass a delta-v.

    .. math:: m_p = m_f\left(e^{\Delta v / (I_\mathrm{sp} g_0)} - 1\right)

    Parameters
    ----------
    delta_v_km_s : float or array_like
        Delta-v (km/s), zero or more.
    isp_s : float or array_like
        Specific impulse (s).
    final_mass_kg : float or array_like
        Mass left after the burn (kg): the spacecraft without this propellant.

    Returns
    -------
    float or ndarray : propellant mass (kg).

    References
    ----------
    Curtis (2014), eq. 11.31 (written for the final mass).

    Example
    -------
    >>> round(propellant_mass(1.0, 315, 1000))   # 1 km/s for a 1 t probe, kg
    382
    """
    m_f = _at_least(final_mass_kg, "final_mass_kg", 0, "the mass left after the burn, in kg", strictly=True)
    return scalar_or_array(m_f * (np.asarray(mass_ratio(delta_v_km_s, isp_s)) - 1.0))


def propellant_fraction(delta_v_km_s, isp_s):
    r"""Share of the initial mass that must be propellant for a delta-v.

    .. math:: \frac{m_p}{m_0} = 1 - e^{-\Delta v / (I_\mathrm{sp} g_0)}

    Parameters
    ----------
    delta_v_km_s : float or array_like
        Delta-v (km/s), zero or more.
    isp_s : float or array_like
        Specific impulse (s).

    Returns
    -------
    float or ndarray : propellant mass over initial mass (between 0 and 1).

    References
    ----------
    Curtis (2014), eq. 11.31.

    Example
    -------
    >>> round(propellant_fraction(9.4, 350), 3)   # why rockets have stages
    0.935
    """
    return scalar_or_array(1.0 - 1.0 / np.asarray(mass_ratio(delta_v_km_s, isp_s)))


def multistage_delta_v(isp_s, initial_mass_kg, final_mass_kg):
    r"""Total ideal delta-v of a multi-stage rocket: the stages' delta-v added up.

    .. math:: \Delta v = \sum_{k} I_{\mathrm{sp},k}\, g_0 \ln\frac{m_{0,k}}{m_{f,k}}

    Parameters
    ----------
    isp_s : sequence of float
        Specific impulse of each stage, first stage first (s).
    initial_mass_kg : sequence of float
        Mass of the whole remaining vehicle when each stage ignites (kg).
    final_mass_kg : sequence of float
        Mass of the whole remaining vehicle when each stage burns out, before it is dropped (kg).

    Returns
    -------
    float : total delta-v (km/s).

    References
    ----------
    Curtis (2014), section 11.6, eq. 11.51.

    Example
    -------
    >>> # two stages: 100 t -> 40 t at 300 s, drop 10 t, then 30 t -> 10 t at 350 s
    >>> round(multistage_delta_v([300, 350], [100e3, 30e3], [40e3, 10e3]), 2)
    6.47
    """
    isp = np.atleast_1d(_isp(isp_s))
    m0 = np.atleast_1d(_at_least(initial_mass_kg, "initial_mass_kg", 0, "a mass in kg", strictly=True))
    mf = np.atleast_1d(_at_least(final_mass_kg, "final_mass_kg", 0, "a mass in kg", strictly=True))
    if not (isp.shape == m0.shape == mf.shape) or isp.ndim != 1:
        raise ValueError(
            "isp_s, initial_mass_kg and final_mass_kg must be lists of the same length, one entry per stage; "
            f"got {isp.size}, {m0.size} and {mf.size} entries."
        )
    if np.any(mf > m0):
        stage = int(np.argmax(mf > m0)) + 1
        raise ValueError(f"Stage {stage} ends heavier than it starts: final_mass_kg must not exceed initial_mass_kg.")
    return float(np.sum(np.asarray(delta_v(isp, m0 / mf))))
