"""Notebook 01's question bank: each solution passes, another correct form passes, each declared slip
fails with its own message, and the blank says "not attempted"."""

import math

import numpy as np
import pandas as pd
import pytest

from helpers import data, rocket
from helpers.constants import G0_M_S2
from helpers.exercises import ____
from helpers.questions import bank, bank_problems
from helpers.questions import nb01 as q


def test_bank_is_sound_and_has_easy_to_hard_exercises():
    assert bank_problems("01") == []
    assert [question.id for question in bank("01")] == [f"01.{k}" for k in range(1, 9)]


@pytest.mark.parametrize("question", bank("01"), ids=lambda question: question.id)
def test_the_blank_is_not_attempted(question):
    question.assert_check_unattempted(____)


def test_q1_launches_in_2019(launches):
    in_2019 = launches[launches["launch_date"].dt.year == 2019]
    q.q1.assert_check_passed(int((launches["launch_date"].dt.year == 2019).sum()))
    q.q1.assert_check_passed(np.int64(len(in_2019)))
    successes = int((in_2019["outcome"] == "success").sum())
    assert successes == len(in_2019) - 1  # one failure that year, so the slip is a different number
    q.q1.assert_check_failed(successes, "successful launches in 2019")
    q.q1.assert_check_failed(len(in_2019) + 1, "off by one")


def test_q2_success_rate(launches):
    rate = 100 * (launches["outcome"] == "success").mean()
    q.q2.assert_check_passed(rate)
    q.q2.assert_check_passed(round(rate, 1))
    q.q2.assert_check_failed(100 * (launches["outcome"] != "failure").mean(), "partial failures")
    q.q2.assert_check_failed(rate / 100, "100 times too small")
    q.q2.assert_check_uncheckable(f"{rate:.1f}%", "text")


def test_q3_busiest_year(launches):
    per_year = launches[launches["launch_date"].dt.year <= 2021]["launch_date"].dt.year.value_counts()
    q.q3.assert_check_passed(int(per_year.idxmax()))
    q.q3.assert_check_passed(float(per_year.idxmax()))
    q.q3.assert_check_failed(int(per_year.max()), "`.idxmax()`")


def test_q4_first_hundred_took_37_years(dates):
    days = (dates[100] - dates[1]).days
    q.q4.assert_check_passed(days / 365.25)
    q.q4.assert_check_passed(days / 365)  # a common-year divisor is close enough
    assert round(days / 365.25) == 37
    q.q4.assert_check_failed(days / 365.25 * 12, "months, not years")
    q.q4.assert_check_failed(days, "days instead of years")


def test_q5_latest_hundred_took_22_months(dates):
    days = (dates[600] - dates[500]).days
    q.q5.assert_check_passed(days / 30.44)
    q.q5.assert_check_passed(days / 30)  # 30-day months are within the 0.4 month allowed
    assert round(days / 30.44) == 22
    q.q5.assert_check_failed(days / 365.25, "years, not months")
    q.q5.assert_check_failed(days, "days, not months")


def test_q6_the_rocket_equation_as_a_function():
    def delta_v_km_s(isp_s, mass_ratio):
        return isp_s * G0_M_S2 * np.log(mass_ratio) / 1000

    def with_rounded_g0(isp_s, mass_ratio):
        return isp_s * 9.81 * math.log(mass_ratio) / 1000

    def log10_slip(isp_s, mass_ratio):
        return isp_s * G0_M_S2 * np.log10(mass_ratio) / 1000

    def no_g0(isp_s, mass_ratio):
        return isp_s * np.log(mass_ratio)

    def in_m_s(isp_s, mass_ratio):
        return isp_s * G0_M_S2 * np.log(mass_ratio)

    def still_blank(isp_s, mass_ratio):
        return ____

    q.q6.assert_check_passed(delta_v_km_s)
    q.q6.assert_check_passed(with_rounded_g0)
    q.q6.assert_check_failed(log10_slip, "natural logarithm")
    q.q6.assert_check_failed(no_g0, "leaves out g0")
    q.q6.assert_check_failed(in_m_s, "1000 times too big")
    q.q6.assert_check_unattempted(still_blank)
    q.q6.assert_check_uncheckable(lambda isp_s: isp_s, "takes")


def test_q7_propellant_share_for_orbit(reference):
    isp_2f_s = data.load("rockets").set_index(["vehicle", "part"]).loc[("Long March 2F", "first stage"), "isp_s"]
    ratio_needed = np.exp(reference.loc["delta_v_to_leo_km_s", "value"] / (isp_2f_s * G0_M_S2 / 1000))
    share = 1 - 1 / ratio_needed
    q.q7.assert_check_passed(share)
    q.q7.assert_check_passed(rocket.propellant_fraction(9.4, 291))
    assert 0.96 < share < 0.97
    q.q7.assert_check_failed(ratio_needed, "mass ratio m0/mf")
    q.q7.assert_check_failed(1 - share, "1 - mf/m0")
    q.q7.assert_check_failed(100 * share, "100 times too big")


def test_q8_share_of_the_price_left_after_reuse(reference):
    first_stage_share = reference.loc["first_stage_share_of_price", "value"]
    left = (1 - first_stage_share) + first_stage_share / 10
    q.q8.assert_check_passed(left)
    q.q8.assert_check_passed(0.325)
    q.q8.assert_check_failed(first_stage_share / 10, "add 1 - first_stage_share")
    q.q8.assert_check_failed(1 - left, "That is the saving")
    q.q8.assert_check_uncheckable(pd.Series([left]), "Series")
