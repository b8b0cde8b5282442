"""Notebook 01's prose against the data: every number the text quotes is read out of the markdown
and compared with what the course's datasets and physics give, so text and data cannot drift apart."""

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers import data, orbits, rocket

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "01_long_march.ipynb"


@pytest.fixture(scope="module")
def text() -> str:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def quoted(text: str, pattern: str) -> tuple[str, ...]:
    """Return the groups of the one place ``pattern`` matches in the notebook's markdown."""
    found = re.findall(pattern, text)
    assert found, f"the notebook no longer says {pattern!r}: update this test with the text"
    return found[0] if isinstance(found[0], tuple) else (found[0],)


@pytest.fixture(scope="module")
def lm2f():
    """Long March 2F's two-stage delta-v and one-stage delta-v, worked as in section 5."""
    rockets = data.load("rockets")
    parts = rockets[rockets["vehicle"] == "Long March 2F"].set_index("part")
    booster, core, upper = parts.loc["booster"], parts.loc["first stage"], parts.loc["second stage"]
    liftoff = parts.loc["whole vehicle", "liftoff_mass_kg"]
    payload = parts.loc["whole vehicle", "payload_leo_kg"]
    other = liftoff - 4 * booster["gross_mass_kg"] - core["gross_mass_kg"] - upper["gross_mass_kg"] - payload
    mf1 = liftoff - 4 * booster["propellant_mass_kg"] - core["propellant_mass_kg"]
    m02 = mf1 - 4 * booster["dry_mass_kg"] - core["dry_mass_kg"] - other
    mf2 = m02 - upper["propellant_mass_kg"]
    two = rocket.multistage_delta_v([core["isp_s"], upper["isp_s"]], [liftoff, m02], [mf1, mf2])
    one = rocket.delta_v(core["isp_s"], liftoff / (liftoff - (liftoff - mf1) - (m02 - mf2)))
    return {"two_stages_km_s": two, "one_stage_km_s": one, "other_kg": other}


def test_first_launch_month_and_payload(text, dates, launches):
    hanzi, month, year = quoted(text, r"the first, (\S+) \*Dong Fang Hong 1\*, in (\w+) (\d{4})")
    assert hanzi == "东方红一号"
    assert dates[1] == launches["launch_date"].min() == pd.Timestamp(f"{month} 24 {year}")
    assert launches.iloc[0]["payload"] == "Dong Fang Hong 1"


def test_where_the_log_stops(text, launches):
    month, year = quoted(text, r"The log stops in (\w+) (\d{4})")
    last = launches["launch_date"].max()
    assert (last.month_name(), last.year) == (month, int(year))


def test_log_against_official_totals(text, launches, official):
    agree = [int(y) for y in quoted(text, r"(\d{4}), (\d{4}) and (\d{4}) agree exactly")]
    per_year = launches["launch_date"].dt.year.value_counts()
    both = [y for y in official.index if y in per_year.index]
    assert agree == [y for y in both if per_year[y] == official[y]]
    (differs,) = quoted(text, r"agree exactly; (\d{4}) does not")
    assert per_year[int(differs)] < official[int(differs)]
    (missing,) = quoted(text, r"\((\d{4}) has none")
    assert int(missing) not in official.index
    assert set(official.index) >= {2022, 2023, 2025}


def test_the_log_gaps_are_where_the_text_says(text, launches, dates):
    start, end, complete = (int(y) for y in quoted(text, r"misses many launches from (\d{4}) to (\d{4}), "
                                                          r"and it is complete from (\d{4})"))
    # CASC's 100th and 200th launches (Beijing dates; a day of slack for UTC) bracket 100 launches;
    # the log holds far fewer rows between them.
    between = launches["launch_date"].between(dates[100] - pd.Timedelta(days=1), dates[200])
    assert between.sum() < 50
    assert dates[100].year == start and dates[200].year < end + 1 == complete


def test_the_cadence_claims(text, dates):
    years, months = quoted(text, r"the first 100 launches had taken (\d+) years and the latest 100 about (\d+) months")
    assert round((dates[100] - dates[1]).days / 365.25) == int(years)
    assert round((dates[600] - dates[500]).days / (365.25 / 12)) == int(months)
    summary = quoted(text, r"the first 100 launches took (\d+) years \((\d{4})-(\d{4})\), the latest 100 about "
                           r"(\d+) months \((\w+) (\d{4}) to (\w+) (\d{4})\)")
    assert summary[:4] == (years, str(dates[1].year), str(dates[100].year), months)
    assert summary[4:] == (dates[500].month_name(), str(dates[500].year), dates[600].month_name(),
                           str(dates[600].year))
    (month, year) = quoted(text, r"When the 600th launch flew in (\w+) (\d{4})")
    assert (dates[600].month_name(), dates[600].year) == (month, int(year))


def test_delta_v_to_orbit(text, reference):
    row = reference.loc["delta_v_to_leo_km_s"]
    (budget,) = quoted(text, r"the budget is about \*\*([\d.]+) km/s\*\*")
    assert float(budget) == row["value"]
    low, high = quoted(text, r"itself a range, ([\d.]+) to ([\d.]+) km/s")
    assert (float(low), float(high)) == (row["value_low"], row["value_high"])
    (sideways,) = quoted(text, r"must reach about ([\d.]+) km/s sideways")
    assert round(orbits.circular_speed(200), 1) == float(sideways)


def test_worked_rocket_equation_numbers(text, reference):
    (isp,) = quoted(text, r"an engine like Long March 2F's \((\d+) s\)")
    assert round(rocket.delta_v(float(isp), 3.0)) == int(quoted(text, r"About (\d) km/s: a third")[0])
    share = rocket.propellant_fraction(reference.loc["delta_v_to_leo_km_s", "value"], float(isp))
    assert 1 - share < 1 / 25  # "less than a twenty-fifth of the rocket"
    (pct,) = quoted(text, r"one stage with Long March 2F.s engines would have to be about (\d+) per cent propellant")
    assert round(100 * share) == int(pct)
    rockets = data.load("rockets").set_index(["vehicle", "part"])
    assert rockets.loc[("Long March 2F", "first stage"), "isp_s"] == float(isp)
    (hydrogen,) = quoted(text, r"the hydrogen engine \((\d+) s\)")
    assert rockets.loc[("Long March 5", "first stage"), "isp_s"] == float(hydrogen)


def test_staging_gain(text, lm2f):
    (gain,) = quoted(text, r"Staging adds over (\d) km/s")
    assert lm2f["two_stages_km_s"] - lm2f["one_stage_km_s"] > int(gain)
    assert lm2f["other_kg"] > 0  # the fairing and escape tower have a positive mass
    assert abs(lm2f["two_stages_km_s"] - 9.4) < 0.2  # "close to the 9.4 km/s budget"


def test_december_2025_flights(text):
    reusable = data.load("reusable_rockets").set_index("rocket")
    assert "In December 2025 two Chinese rockets flew for the first time" in text
    assert set(reusable.index) == {"Zhuque-3", "Long March 12A"}
    assert (reusable["first_flight_date"].dt.strftime("%Y-%m") == "2025-12").all()
    assert "Both burn methane and liquid oxygen, and both reached orbit; neither booster landed." in text
    assert (reusable["propellant"] == "methane/LOX").all() and reusable["reached_orbit"].all()
    assert (reusable["landing_outcome"] == "failed").all()
    assert "朱雀三号 Zhuque-3" in text and reusable.loc["Zhuque-3", "chinese_name"] == "朱雀三号"
    assert "长征十二号甲 Long March 12A" in text and reusable.loc["Long March 12A", "chinese_name"] == "长征十二号甲"


def test_reuse_economics(text, reference):
    first_stage = reference.loc["first_stage_share_of_price", "value"]
    propellant = reference.loc["propellant_share_of_price", "value"]
    assert 200 <= first_stage / propellant < 1000  # "a few hundred times less"
    assert "a few hundred times less" in text
    assert "(a quarter here)" in text and 1 - first_stage == 0.25
    low, high = quoted(text, r"cut launch costs by (\d+) to (\d+) per cent")
    claim = reference.loc["claimed_cost_reduction"]
    assert (int(low), int(high)) == (round(100 * claim["value_low"]), round(100 * claim["value_high"]))
    zq3 = data.load("reusable_rockets").set_index("rocket").loc["Zhuque-3"]
    kept = zq3["payload_leo_reusable_kg"] / zq3["payload_leo_expendable_kg"]
    assert "about two thirds of its expendable payload" in text and round(kept, 1) == 0.7
    per_kg = ((1 - first_stage) + first_stage / 10) / kept
    assert "about half as much" in text and round(per_kg, 1) == 0.5
