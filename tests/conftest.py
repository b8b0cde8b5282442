"""Shared fixtures: a small, realistic question bank (notebook 99) for the exercise and progress tests."""

import math
import sys
import types

import pandas as pd
import pytest

from helpers import course, data
from helpers.exercises import (
    ChoiceQuestion,
    CollectionQuestion,
    FunctionQuestion,
    NumberQuestion,
    PlotQuestion,
    TableQuestion,
)

MU_EARTH_KM3_S2 = 398600.4418  # Earth's GM (IERS Conventions 2010, table 1.1)
R_EARTH_KM = 6378.137  # equatorial radius (WGS 84)
LAUNCH_LOG = pd.DataFrame({
    "rocket": ["CZ-2F", "CZ-5", "CZ-7", "CZ-2F", "CZ-3B", "CZ-5"],
    "launch_date": pd.to_datetime(["2023-05-30", "2023-12-27", "2024-01-17", "2024-04-25", "2024-05-03", "2024-05-03"]),
})


def circular_speed_km_s(altitude_km):
    """Reference answer: the speed of a circular orbit at ``altitude_km`` above Earth (km/s)."""
    return math.sqrt(MU_EARTH_KM3_S2 / (R_EARTH_KM + altitude_km))


def launches_per_year() -> pd.DataFrame:
    years = LAUNCH_LOG.launch_date.dt.year
    return years.value_counts().rename_axis("year").rename("launches").reset_index()


def make_bank() -> types.ModuleType:
    """Return a question bank module for a pretend notebook 99, declared as the real ones are."""
    bank = types.ModuleType("helpers.questions.nb99")
    bank.q1 = NumberQuestion(
        id="99.1", notebook="99", prompt="Tiangong's orbital speed at 390 km",
        expected=lambda: circular_speed_km_s(390), unit="km/s", rtol=0.005,
        hints=["v = sqrt(mu / r), where r is measured from Earth's centre.", "r = 6378 km + 390 km."],
        solution="v_km_s = np.sqrt(MU_EARTH_KM3_S2 / (R_EARTH_KM + 390))",
        slips=[(lambda v: math.isclose(v, math.sqrt(MU_EARTH_KM3_S2 / 390), rel_tol=0.01),
                "You used the altitude as the radius: add Earth's radius first.")],
    )
    bank.q2 = NumberQuestion(
        id="99.2", notebook="99", prompt="Tiangong's orbital period", unit="minutes", rtol=0.01,
        expected=lambda: 2 * math.pi * (R_EARTH_KM + 390) / circular_speed_km_s(390) / 60,
        hints=["Period = circumference / speed."], solution="period_min = 2 * np.pi * r_km / v_km_s / 60",
    )
    bank.q3 = CollectionQuestion(
        id="99.3", notebook="99", prompt="Chang'e missions that brought samples home",
        expected=["Chang'e 5", "Chang'e 6"], item="mission names",
        hints=["Chang'e 3 and 4 were landers only."], solution="returned = ['Chang\\'e 5', 'Chang\\'e 6']",
    )
    bank.q4 = TableQuestion(
        id="99.4", notebook="99", prompt="Launches per year", expected=launches_per_year,
        hints=["Group by the year of `launch_date`."],
        solution="per_year = launches.launch_date.dt.year.value_counts().rename_axis('year')"
                 ".rename('launches').reset_index()",
    )
    bank.q5 = FunctionQuestion(
        id="99.5", notebook="99", prompt="A function for circular orbit speed",
        reference=circular_speed_km_s, inputs=[(390,), (35786,), {"altitude_km": 0}],
        call="circular_speed_km_s(altitude_km)", rtol=1e-3,
        hints=["Add Earth's radius to the altitude, then use v = sqrt(mu / r)."],
        solution="def circular_speed_km_s(altitude_km):\n    return np.sqrt(MU / (R_EARTH_KM + altitude_km))",
    )
    bank.q6 = ChoiceQuestion(
        id="99.6", notebook="99", prompt="Why Chang'e-6 needed Queqiao-2",
        options=["The far side is always dark", "The Moon blocks radio from the far side to Earth",
                 "Earth's atmosphere blocks the signal"],
        answer="B",
        explanations={"A": "The far side gets as much sunlight as the near side: it is hidden, not dark."},
        hints=["What lies between the far side and Earth?"], solution="answer = 'B'",
    )
    bank.q7 = PlotQuestion(
        id="99.7", notebook="99", prompt="A labelled plot of launches per year",
        xlabel_has=["year"], ylabel_has=["launches"], needs_title=True,
        hints=["`ax.set_xlabel`, `ax.set_ylabel` and `ax.set_title` label a plot."],
        solution="ax.set(xlabel='Year', ylabel='Launches per year', title='Long March launches')",
    )
    return bank


@pytest.fixture
def bank():
    return make_bank()


@pytest.fixture
def course_with_bank(monkeypatch, tmp_path):
    """Notebook 99 as the only notebook of the course (plus a planned 98), its bank importable,
    and a fresh progress file."""
    monkeypatch.setitem(sys.modules, "helpers.questions.nb99", make_bank())
    monkeypatch.setattr(course, "notebooks", lambda: [
        {"number": "98", "file": "98_planned.ipynb", "title": "Planned one", "status": "planned"},
        {"number": "99", "file": "99_example.ipynb", "title": "Example", "status": "ready"},
    ])
    monkeypatch.setenv("COURSE_PROGRESS_FILE", str(tmp_path / "progress.json"))
    return sys.modules["helpers.questions.nb99"]


# ------------------------------------------------------------ the launch data, shared by lesson 01's tests


@pytest.fixture(scope="session")
def launches():
    """The per-launch Long March log."""
    return data.load("long_march_launches")


@pytest.fixture(scope="session")
def dates():
    """The date of every hundredth Long March launch, by launch number."""
    return data.load("long_march_centuries").set_index("launch_number")["launch_date"]


@pytest.fixture(scope="session")
def by_year():
    """CASC's official yearly launch figures (totals, successes, failures), by year."""
    return data.load("long_march_by_year").set_index("year")


@pytest.fixture(scope="session")
def official(by_year):
    """CASC's official yearly launch totals, by year."""
    return by_year["launches"]


@pytest.fixture(scope="session")
def reference():
    """Reference quantities for lesson 01 (delta-v to orbit, launch price shares), indexed by quantity."""
    return data.load("launch_reference").set_index("quantity")
