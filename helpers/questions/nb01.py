"""Exercises of notebook 01, Long March: getting to orbit.

From reading a count out of the launch log to writing the rocket equation as a function.
Expected answers are worked out from the course data and helpers.rocket, never typed in.
"""

import math

from helpers import data, rocket
from helpers.constants import G0_M_S2
from helpers.exercises import FunctionQuestion, NumberQuestion


def _launches():
    return data.load("long_march_launches")


def _year(year: int):
    log = _launches()
    return log[log["launch_date"].dt.year == year]


def _whole_years():
    log = _launches()
    return log[log["launch_date"].dt.year <= 2021]


def _century_days(first: int, last: int) -> int:
    dates = data.load("long_march_centuries").set_index("launch_number")["launch_date"]
    return (dates[last] - dates[first]).days


def _reference(quantity: str) -> float:
    return float(data.load("launch_reference").set_index("quantity").loc[quantity, "value"])


def _isp_2f_first_stage_s() -> float:
    rockets = data.load("rockets").set_index(["vehicle", "part"])
    return float(rockets.loc[("Long March 2F", "first stage"), "isp_s"])


def _close(value, target, rel=2e-3) -> bool:
    return math.isclose(float(value), float(target), rel_tol=rel)


q1 = NumberQuestion(
    id="01.1", notebook="01", prompt="Long March launches in 2019 (per-launch log)",
    expected=lambda: len(_year(2019)), unit="launches", rtol=0, atol=0,
    slips=[(lambda v: v == (_year(2019)["outcome"] == "success").sum(),
            "That is the number of successful launches in 2019. The question asks for every launch, "
            "failures included: count all the rows of 2019.")],
    hints=[
        "Make a column of years with `launches['launch_date'].dt.year`, then keep the rows where it equals 2019.",
        "`(launches['launch_date'].dt.year == 2019).sum()` counts them: each True counts as 1.",
    ],
    solution="launches_2019 = int((launches['launch_date'].dt.year == 2019).sum())",
)

q2 = NumberQuestion(
    id="01.2", notebook="01", prompt="Success rate of the per-launch log, in per cent",
    expected=lambda: 100 * (_launches()["outcome"] == "success").mean(), unit="per cent", rtol=2e-3,
    slips=[(lambda v: _close(v, 100 * (_launches()["outcome"] != "failure").mean()),
            "That counts the partial failures as successes. A partial failure put its payload in the wrong "
            "orbit: only rows whose outcome is exactly 'success' count.")],
    hints=[
        "Success rate = successful launches / all launches x 100. `launches['outcome'] == 'success'` is True "
        "for each success.",
        "The mean of a column of True/False is the fraction of True: `(launches['outcome'] == 'success').mean()`; "
        "multiply by 100 for per cent.",
    ],
    solution="success_rate_pct = 100 * (launches['outcome'] == 'success').mean()",
)

q3 = NumberQuestion(
    id="01.3", notebook="01", prompt="The busiest year of the per-launch log",
    expected=lambda: int(_whole_years()["launch_date"].dt.year.value_counts().idxmax()), unit="year",
    rtol=0, atol=0,
    slips=[(lambda v: v == _whole_years()["launch_date"].dt.year.value_counts().max(),
            "That is how many launches the busiest year had. The question asks for the year itself: "
            "the index label of the largest count, which `.idxmax()` gives.")],
    hints=[
        "`per_year` (made above) holds the launches of each year, with the years as its index.",
        "`per_year.max()` is the largest count; `per_year.idxmax()` is the year it belongs to.",
    ],
    solution="busiest_year = int(per_year.idxmax())",
)

q4 = NumberQuestion(
    id="01.4", notebook="01", prompt="Years the first 100 Long March launches took",
    expected=lambda: _century_days(1, 100) / 365.25, unit="years", rtol=5e-3,
    slips=[(12, "That looks like months, not years: divide the days by 365.25 (not by 30.4).")],
    hints=[
        "Take the dates of launch 1 and launch 100 from `centuries` and subtract them: you get a Timedelta.",
        "A Timedelta's `.days` gives whole days; divide by 365.25 days per year.",
    ],
    solution=(
        "dates = centuries.set_index('launch_number')['launch_date']\n"
        "first_100_years = (dates[100] - dates[1]).days / 365.25"
    ),
)

q5 = NumberQuestion(
    id="01.5", notebook="01", prompt="Months the latest 100 Long March launches took (500th to 600th)",
    expected=lambda: _century_days(500, 600) * 12 / 365.25, unit="months", rtol=0, atol=0.4,
    slips=[
        (1 / 12, "That looks like years, not months: multiply by 12."),
        (30.44, "That looks like days, not months: divide the days by 30.44, the days in an average month."),
    ],
    hints=[
        "Same as the last exercise, with launches 500 and 600.",
        "An average month is 365.25 / 12 = 30.44 days: divide the days by that.",
    ],
    solution=(
        "dates = centuries.set_index('launch_number')['launch_date']\n"
        "latest_100_months = (dates[600] - dates[500]).days / (365.25 / 12)"
    ),
)


def _used_log10(function) -> bool:
    return _close(function(300, 10.0), 300 * G0_M_S2 * math.log10(10.0) / 1000, rel=1e-2)


def _forgot_g0(function) -> bool:
    got, bare = float(function(300, 10.0)), 300 * math.log(10.0)
    return _close(got, bare, rel=1e-2) or _close(got, bare / 1000, rel=1e-2)


q6 = FunctionQuestion(
    id="01.6", notebook="01", prompt="Write delta_v_km_s(isp_s, mass_ratio), the rocket equation",
    reference=rocket.delta_v,
    inputs=[(300, 3.0), (450, 10.0), (291, 2.5), {"isp_s": 430, "mass_ratio": 1.5}],
    call="delta_v_km_s(isp_s, mass_ratio)", rtol=1e-3, atol=1e-9,
    slips=[
        (_used_log10, "Your function uses a base-10 logarithm. The rocket equation needs the natural "
                      "logarithm, `np.log` (`np.log10` is base 10)."),
        (_forgot_g0, "Your function leaves out g0: exhaust speed = isp_s x g0, with g0 = 9.80665 m/s^2 "
                     "(`G0_M_S2`)."),
    ],
    hints=[
        "Delta-v = isp_s x g0 x ln(mass_ratio). `np.log` is the natural logarithm; `G0_M_S2` is g0 in m/s^2.",
        "isp_s x g0 is in m/s: divide by 1000 for km/s. The body is one line: "
        "`return isp_s * G0_M_S2 * np.log(mass_ratio) / 1000`.",
    ],
    solution=(
        "def delta_v_km_s(isp_s, mass_ratio):\n"
        "    return isp_s * G0_M_S2 * np.log(mass_ratio) / 1000"
    ),
)

q7 = NumberQuestion(
    id="01.7", notebook="01",
    prompt="Share of a one-stage rocket with Long March 2F's engines that must be propellant to reach orbit",
    expected=lambda: rocket.propellant_fraction(_reference("delta_v_to_leo_km_s"), _isp_2f_first_stage_s()),
    unit="(a fraction between 0 and 1)", rtol=3e-3,
    slips=[
        (lambda v: _close(v, rocket.mass_ratio(_reference("delta_v_to_leo_km_s"), _isp_2f_first_stage_s()), 1e-2),
         "That is the mass ratio m0/mf. The propellant's share of the lift-off mass is "
         "1 - mf/m0 = 1 - 1/(mass ratio)."),
        (lambda v: _close(v, 1 - rocket.propellant_fraction(_reference("delta_v_to_leo_km_s"),
                                                            _isp_2f_first_stage_s()), 1e-2),
         "That is the share left when the propellant is gone (structure, engines and payload), mf/m0. "
         "The question asks for the propellant's share, 1 - mf/m0."),
    ],
    hints=[
        "Turn the rocket equation round: mass ratio = exp(delta-v / (isp_s x g0)), with delta-v in m/s "
        "(or isp_s x g0 / 1000 in km/s).",
        "If the mass ratio is m0/mf, the final mass is mf = m0 / ratio, so the propellant is m0 - mf and its share "
        "is 1 - 1/ratio.",
    ],
    solution=(
        "ratio_needed = np.exp(delta_v_leo_km_s / (isp_2f_s * G0_M_S2 / 1000))\n"
        "propellant_share = 1 - 1 / ratio_needed"
    ),
)


def _share_left(n_flights: int) -> float:
    first_stage = _reference("first_stage_share_of_price")
    return (1 - first_stage) + first_stage / n_flights


q8 = NumberQuestion(
    id="01.8", notebook="01",
    prompt="Share of an expendable launch's price left when the first stage flies 10 times",
    expected=lambda: _share_left(10), unit="(a fraction of the expendable price)", rtol=5e-3,
    slips=[
        (lambda v: _close(v, _reference("first_stage_share_of_price") / 10, 1e-2),
         "That is only the first stage's share of each flight. The rest of the rocket (second stage, propellant, "
         "operations) is paid on every flight too: add 1 - first_stage_share."),
        (lambda v: _close(v, 1 - _share_left(10), 1e-2),
         "That is the saving. The question asks what is left to pay: 1 minus your answer."),
    ],
    hints=[
        "Split the price into the first stage (`first_stage_share`) and everything else (1 - first_stage_share). "
        "Only the first stage is shared between flights.",
        "Per flight: (1 - first_stage_share) + first_stage_share / 10.",
    ],
    solution="share_left_10 = (1 - first_stage_share) + first_stage_share / 10",
)
