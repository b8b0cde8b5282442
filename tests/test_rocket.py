"""helpers.rocket: the rocket equation against hand-worked numbers, round trips and bad input."""

import doctest
import math

import numpy as np
import pytest

from helpers import rocket


def test_docstring_examples_run():
    result = doctest.testmod(rocket)
    assert result.failed == 0 and result.attempted >= 6


def test_hand_worked_example():
    # By hand: Isp = 300 s gives v_e = 300 s x 9.80665 m/s^2 = 2941.995 m/s.
    # A mass ratio of 3 (100 t at lift-off, 33.3 t at burnout) gives
    # dv = 2941.995 m/s x ln 3 = 2941.995 x 1.0986123 = 3232.13 m/s.
    assert rocket.exhaust_speed(300) == pytest.approx(2.941995, rel=1e-9)
    assert rocket.delta_v(300, 3.0) == pytest.approx(3.23213, rel=1e-5)


def test_rule_of_thumb():
    # "if the rocket burns enough fuel to decrease the total mass by a factor of 3, then the
    # velocity increase approximately equals the exhaust gas speed. If the mass decreases by a
    # factor of 9, then the velocity increase approximately equals twice the exhaust gas speed."
    # (https://trantor.is/content/EKjd1rj36UHKlssI/xhtml/094_Footnote_7.xhtml)
    v_e = rocket.exhaust_speed(350)
    assert rocket.delta_v(350, 3) == pytest.approx(v_e, rel=0.1)
    assert rocket.delta_v(350, 9) == pytest.approx(2 * rocket.delta_v(350, 3), rel=1e-12)


def test_no_propellant_no_delta_v():
    assert rocket.delta_v(450, 1.0) == 0.0
    assert rocket.propellant_mass(0.0, 450, 1000) == 0.0


@pytest.mark.parametrize("delta_v_km_s", np.linspace(0.0, 12.0, 7))
@pytest.mark.parametrize("isp_s", [220, 311, 450])
def test_mass_ratio_round_trip(delta_v_km_s, isp_s):
    ratio = rocket.mass_ratio(delta_v_km_s, isp_s)
    assert rocket.delta_v(isp_s, ratio) == pytest.approx(delta_v_km_s, rel=1e-12, abs=1e-12)


def test_propellant_mass_and_fraction_agree():
    dv, isp, dry = 2.5, 320, 1500.0
    propellant = rocket.propellant_mass(dv, isp, dry)
    assert propellant / (propellant + dry) == pytest.approx(rocket.propellant_fraction(dv, isp), rel=1e-12)
    assert rocket.delta_v(isp, (propellant + dry) / dry) == pytest.approx(dv, rel=1e-12)


def test_multistage_is_the_sum_of_its_stages():
    # Stage 1: 100 t -> 40 t at 300 s; drop 10 t of structure; stage 2: 30 t -> 10 t at 350 s.
    # By hand: 2.941995 x ln 2.5 + 3.4323275 x ln 3 = 2.69572 + 3.77080 = 6.46652 km/s.
    total = rocket.multistage_delta_v([300, 350], [100e3, 30e3], [40e3, 10e3])
    assert total == pytest.approx(6.46652, rel=1e-5)
    assert total == pytest.approx(rocket.delta_v(300, 2.5) + rocket.delta_v(350, 3.0), rel=1e-12)
    single = rocket.multistage_delta_v([300], [100e3], [40e3])
    assert single == pytest.approx(rocket.delta_v(300, 2.5), rel=1e-12)


def test_vectorised_for_sliders():
    ratios = np.linspace(1, 20, 200)
    dv = rocket.delta_v(311, ratios)
    assert dv.shape == (200,) and np.all(np.diff(dv) > 0)
    assert isinstance(rocket.delta_v(311, 5), float)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: rocket.delta_v(300, 0.5), "mass_ratio must be at least 1"),
        (lambda: rocket.delta_v(0, 2), "isp_s must be greater than 0"),
        (lambda: rocket.delta_v(float("nan"), 2), "isp_s must be a finite number"),
        (lambda: rocket.delta_v("fast", 2), "isp_s must be a number"),
        (lambda: rocket.mass_ratio(-1, 300), "delta_v_km_s must be at least 0"),
        (lambda: rocket.propellant_mass(1, 300, -5), "final_mass_kg must be greater than 0"),
        (lambda: rocket.multistage_delta_v([300, 350], [100e3], [40e3]), "same length"),
        (lambda: rocket.multistage_delta_v([300], [10e3], [40e3]), "Stage 1 ends heavier"),
    ],
)
def test_bad_arguments_say_what_is_wrong(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_exhaust_speed_uses_standard_gravity():
    assert rocket.exhaust_speed(1) * 1000 == pytest.approx(9.80665, rel=1e-15)
    assert math.isclose(rocket.delta_v(1, math.e), 9.80665e-3, rel_tol=1e-12)
