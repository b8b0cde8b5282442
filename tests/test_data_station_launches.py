"""Dataset-specific checks for the timeline, the Long March milestones and the Tiangong station data.

The generic checks (schema, checksum, sources, no unmarked future dates) live in tests/test_data.py;
these tests check that the facts inside and across the files agree with each other.
"""

import pandas as pd
import pytest

from helpers import data


@pytest.fixture(scope="module")
def milestones():
    return data.load("milestones")


@pytest.fixture(scope="module")
def centuries():
    return data.load("long_march_centuries").sort_values("launch_number").reset_index(drop=True)


@pytest.fixture(scope="module")
def crews():
    return data.load("shenzhou_crews")


@pytest.fixture(scope="module")
def modules():
    return data.load("tiangong_modules").set_index("module")


@pytest.fixture(scope="module")
def science():
    return data.load("tiangong_science").set_index("item")


def flight_number(mission: str) -> int:
    """Shenzhou-20 -> 20."""
    return int(mission.rsplit("-", 1)[1])


def period_end(date: pd.Timestamp, precision: str) -> pd.Timestamp:
    """Last day of the day, month or year a milestone date stands for (dates are the period's first day)."""
    step = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}[precision]
    return date + step - pd.Timedelta(days=1)


def years_between(start, end) -> float:
    return (end - start).days / 365.25


def months_between(start, end) -> float:
    return (end - start).days / (365.25 / 12)


# ---------- milestones ----------

def test_milestones_are_in_date_order(milestones):
    assert milestones["date"].is_monotonic_increasing, "milestones.csv should be sorted by date"


def test_planned_rows_have_a_reported_date_and_done_rows_do_not(milestones):
    planned = milestones["status"].eq("planned")
    assert milestones.loc[planned, "reported_date"].notna().all()
    assert milestones.loc[~planned, "reported_date"].isna().all()
    for _, row in milestones[planned].iterrows():
        assert row["reported_date"] <= period_end(row["date"], row["date_precision"]), (
            f"{row['mission']}: a plan cannot be reported after the period it is planned for"
        )


def test_done_rows_are_known_to_the_day(milestones):
    done = milestones[milestones["status"].eq("done")]
    assert done["date_precision"].eq("day").all()


@pytest.mark.parametrize("mission", [
    "Dong Fang Hong 1", "Tianhe", "Wentian", "Mengtian",
    *[f"Shenzhou-{n}" for n in range(12, 24)],
    "Chang'e-1", "Chang'e-2", "Chang'e-3", "Chang'e-4", "Chang'e-5", "Chang'e-6", "Chang'e-7", "Chang'e-8",
    "Queqiao", "Queqiao-2", "Tianwen-1", "Tianwen-2", "Tianwen-3", "Crewed lunar landing",
])
def test_the_timeline_covers_the_course_missions(milestones, mission):
    assert mission in set(milestones["mission"]), f"milestones.csv has no row for {mission}"


def test_first_long_march_launch_and_tianwen2_convention(milestones):
    first = milestones.iloc[0]
    assert first["mission"] == "Dong Fang Hong 1" and first["date"] == pd.Timestamp("1970-04-24")
    tianwen2 = milestones[(milestones["mission"] == "Tianwen-2") & milestones["event"].str.contains("launched")]
    # Beijing-time convention: 29 May 2025 (it was 28 May in UTC).
    assert tianwen2["date"].tolist() == [pd.Timestamp("2025-05-29")]


def test_every_shenzhou_landing_follows_its_launch(milestones):
    shenzhou = milestones[milestones["mission"].str.startswith("Shenzhou-")]
    for mission, rows in shenzhou.groupby("mission"):
        launches = rows[rows["event"].str.contains("launched")]
        landings = rows[rows["event"].str.contains("landed")]
        assert len(launches) == 1, f"{mission}: expected one launch row"
        assert (landings["date"] > launches["date"].iloc[0]).all(), f"{mission}: a landing before the launch"


def test_timeline_shenzhou_launches_match_the_crew_table(milestones, crews):
    launch_rows = milestones[milestones["mission"].str.startswith("Shenzhou-")
                             & milestones["event"].str.contains("launched")]
    timeline = dict(zip(launch_rows["mission"], launch_rows["date"], strict=True))
    for _, flight in crews.iterrows():
        assert timeline[flight["mission"]] == flight["launch_date"], flight["mission"]


def test_timeline_module_launches_match_the_module_table(milestones, modules):
    for module, row in modules.iterrows():
        launched = milestones[(milestones["mission"] == module) & milestones["event"].str.contains("launched")]
        assert launched["date"].tolist() == [row["launch_date"]], module


def test_timeline_has_every_100th_launch(milestones, centuries):
    timeline_dates = set(milestones.loc[milestones["programme"].eq("Long March"), "date"])
    assert set(centuries["launch_date"]) <= timeline_dates


# ---------- Long March: every 100th launch ----------

def test_centuries_are_the_first_and_every_100th_launch(centuries):
    assert centuries["launch_number"].tolist() == [1, 100, 200, 300, 400, 500, 600]


def test_century_dates_increase(centuries):
    assert centuries["launch_date"].is_monotonic_increasing
    assert centuries["launch_date"].is_unique


def test_the_first_100_launches_took_37_years(centuries):
    dates = centuries.set_index("launch_number")["launch_date"]
    assert 37 <= years_between(dates[1], dates[100]) < 38


def test_the_latest_100_launches_took_about_22_months(centuries):
    dates = centuries.set_index("launch_number")["launch_date"]
    assert 21.5 <= months_between(dates[500], dates[600]) <= 22.5


def test_each_hundred_came_faster_than_the_one_before(centuries):
    gaps = centuries["launch_date"].diff().dropna()
    assert gaps.is_monotonic_decreasing, f"gaps between 100th launches: {gaps.dt.days.tolist()} days"


# ---------- Long March: official yearly totals ----------

def test_years_are_listed_once_in_order(by_year):
    assert by_year.index.is_monotonic_increasing and by_year.index.is_unique


def test_successes_and_failures_add_up(by_year):
    both = by_year.dropna(subset=["successes", "failures"])
    assert len(both) >= 4
    assert (both["successes"] + both["failures"] == both["launches"]).all()


def test_success_streaks_grow_by_the_launches_of_a_perfect_year(by_year):
    streak = by_year["consecutive_successes_at_year_end"].dropna()
    pairs = [(year, year + 1) for year in streak.index if year + 1 in streak.index]
    assert pairs, "expected at least two consecutive years with a stated success streak"
    for year, following in pairs:
        assert by_year.loc[following, "failures"] == 0
        assert streak[following] - streak[year] == by_year.loc[following, "launches"], following


def test_yearly_totals_fit_between_the_100th_launches(by_year, centuries):
    """A calendar year lying wholly between two 100th launches cannot hold more than 100 launches."""
    dates = centuries["launch_date"].tolist()
    checked = 0
    for start, end in zip(dates, dates[1:], strict=False):
        inside = [y for y in by_year.index if pd.Timestamp(y, 1, 1) > start and pd.Timestamp(y, 12, 31) <= end]
        if inside:
            checked += 1
            assert by_year.loc[inside, "launches"].sum() <= 100, inside
    assert checked >= 1


def test_recent_years_are_faster_than_the_early_decades(by_year, centuries):
    """Every listed year beats the average rate of the first 100 launches (100 in 37 years)."""
    first = centuries.set_index("launch_number")["launch_date"]
    early_rate_per_year = 99 / years_between(first[1], first[100])
    assert (by_year["launches"] > 10 * early_rate_per_year).all()


# ---------- Shenzhou crews ----------

def test_flights_are_listed_in_order(crews):
    numbers = crews["mission"].map(flight_number)
    assert numbers.tolist() == list(range(12, 12 + len(crews)))
    assert crews["launch_date"].is_monotonic_increasing


def test_landing_follows_launch(crews):
    both = crews.dropna(subset=["landing_date"])
    assert (both["landing_date"] > both["launch_date"]).all()


def test_days_in_orbit_match_the_dates_within_a_day(crews):
    both = crews.dropna(subset=["landing_date", "days_in_orbit"])
    assert len(both) >= 9
    span = (both["landing_date"] - both["launch_date"]).dt.days
    off = both.loc[(span - both["days_in_orbit"]).abs() > 1, "mission"].tolist()
    assert not off, f"days_in_orbit differs by more than a day from landing - launch for {off}"


def test_status_says_whether_the_landing_is_known(crews):
    assert (crews["status"].eq("landed") == crews["landing_date"].notna()).all()


def test_crew_lists_are_consistent(crews):
    crewed = crews[crews["crew_size"] > 0]
    for _, flight in crewed.iterrows():
        names = flight["crew_en"].split("; ")
        assert len(names) == flight["crew_size"], flight["mission"]
        assert names[0] == flight["commander_en"], f"{flight['mission']}: commander should be listed first"
        if pd.notna(flight["crew_zh"]):
            names_zh = flight["crew_zh"].split("; ")
            assert len(names_zh) == len(names), flight["mission"]
            assert names_zh[0] == flight["commander_zh"], flight["mission"]


def test_shenzhou_22_flew_empty_and_shenzhou_20_came_home_in_21(crews):
    by_mission = crews.set_index("mission")
    assert by_mission.loc["Shenzhou-22", "crew_size"] == 0
    assert pd.isna(by_mission.loc["Shenzhou-22", "crew_en"])
    assert by_mission.loc["Shenzhou-20", "return_vehicle"] == "Shenzhou-21"
    landed = by_mission[by_mission["landing_date"].notna()]
    others = landed.drop(index="Shenzhou-20")
    assert (others["return_vehicle"] == others.index).all()


def test_crews_overlapped_from_shenzhou_15_on(crews):
    """From Shenzhou-15 each crew arrived before the previous one left (in-orbit handover)."""
    by_number = crews.set_index(crews["mission"].map(flight_number))
    for n in range(15, 22):
        previous_landing = by_number.loc[n - 1, "landing_date"]
        assert by_number.loc[n, "launch_date"] < previous_landing, (
            f"Shenzhou-{n} launched after Shenzhou-{n - 1} landed"
        )


def test_the_shenzhou_20_episode_took_about_20_days(crews):
    """The seed: return-vehicle swap and emergency launch completed within about 20 days."""
    by_mission = crews.set_index("mission")
    swap = by_mission.loc["Shenzhou-22", "launch_date"] - pd.Timestamp("2025-11-05")
    assert 19 <= swap.days <= 21
    assert by_mission.loc["Shenzhou-20", "days_in_orbit"] == max(crews["days_in_orbit"].dropna())


# ---------- Tiangong modules and science ----------

def test_modules_launched_in_order_and_docked_within_two_days(modules):
    assert modules.loc[["Tianhe", "Wentian", "Mengtian"], "launch_date"].is_monotonic_increasing
    assert pd.isna(modules.loc["Tianhe", "docking_date"])
    for lab in ("Wentian", "Mengtian"):
        wait = modules.loc[lab, "docking_date"] - modules.loc[lab, "launch_date"]
        assert pd.Timedelta(0) <= wait <= pd.Timedelta(days=2), lab


def test_module_masses_are_plausible(modules):
    # Each is about 22-23 t: the Long March 5B's low-orbit capacity is about 25 t.
    assert modules["launch_mass_kg"].between(20_000, 25_000).all()
    assert modules.loc["Tianhe", "launch_mass_kg"] == 22_500
    assert (modules["length_m"] * modules["diameter_m"]).between(50, 100).all()


def test_station_mass_is_about_68_tonnes(modules):
    assert 65_000 <= modules["launch_mass_kg"].sum() <= 70_000


def test_science_headline_numbers_match_the_seed_claims(science):
    assert science.loc["science_projects", "value"] > 180
    assert science.loc["science_data", "value"] >= 300 and science.loc["science_data", "unit"] == "TB"
    assert science.loc["science_projects", "as_of_date"].year == 2024


def test_experiments_have_a_start_before_their_end(science):
    experiments = science[science["kind"].eq("experiment")]
    assert {"rice_life_cycle", "blood_stem_cells"} <= set(experiments.index)
    assert (experiments["start_date"] < experiments["as_of_date"]).all()
    assert experiments["outcome"].notna().all()
