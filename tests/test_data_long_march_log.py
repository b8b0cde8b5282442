"""Checks of the per-launch Long March log (data/long_march_launches.csv) against itself and the official counts.

The log is transcribed from one copy of the Maven 'Space Missions' data set and is in UTC. The official
figures it is checked against are CASC's dates of every 100th launch (long_march_centuries, Beijing time)
and CASC's yearly totals (long_march_by_year). Where the data set has gaps, the tests pin the exact size
of each gap, so a change to the log that adds or loses a row shows up here.
"""

import re

import pandas as pd
import pytest

from helpers import data

OUTCOMES = {"success", "failure", "partial failure", "prelaunch failure"}
CENTRES = {"Jiuquan", "Taiyuan", "Xichang", "Wenchang"}
SOURCE_COMMIT_URL = re.compile(r"https://github\.com/[\w.-]+/[\w.-]+/blob/[0-9a-f]{40}/space_missions\.csv$")

# CASC launch number -> (row number in this log) - (launch number), found by transcription:
# one launch before mid-2007 is missing, 85 by the 200th launch, 105 by the 300th and still 105 at the 400th.
EXPECTED_OFFSET = {1: 0, 100: -1, 200: -85, 300: -105, 400: -105}
FULL_YEARS_CHECKED = (2018, 2020, 2021)


@pytest.fixture(scope="module")
def log():
    return data.load("long_march_launches")


@pytest.fixture(scope="module")
def centuries():
    return data.load("long_march_centuries").set_index("launch_number")


def row_number_on(log: pd.DataFrame, beijing_date: pd.Timestamp) -> int | None:
    """1-based row number of the launch on a Beijing-time date (its UTC date is that day or the day before).

    Returns None when the log has no launch on either day. Example: the 100th launch, 1 June 2007 Beijing
    time, is SinoSat-3 at 16:08 UTC on 31 May 2007.
    """
    days = [beijing_date, beijing_date - pd.Timedelta(days=1)]
    rows = log.index[log["launch_date"].isin(days)]
    assert len(rows) <= 1, f"more than one launch on or the day before {beijing_date.date()}"
    return int(rows[0]) + 1 if len(rows) else None


def rows_up_to(log: pd.DataFrame, beijing_date: pd.Timestamp) -> int:
    """Number of launches in the log whose UTC date is on or before a Beijing-time date."""
    return int((log["launch_date"] <= beijing_date).sum())


# ---------- the log on its own ----------

def test_rows_are_in_date_and_time_order(log):
    stamps = pd.to_datetime(log["launch_date"].dt.strftime("%Y-%m-%d ") + log["launch_time_utc"].fillna("00:00"))
    assert stamps.is_monotonic_increasing


def test_no_launch_is_listed_twice(log):
    key = log[["launch_date", "launch_time_utc", "payload"]].astype(str)
    assert not key.duplicated().any(), key[key.duplicated(keep=False)]


def test_times_are_utc_clock_times(log):
    times = log["launch_time_utc"].dropna()
    assert times.str.fullmatch(r"([01]\d|2[0-3]):[0-5]\d").all()
    assert log["launch_time_utc"].isna().sum() == 1, "only the 2015-09-25 Long March 11 row has no time"


def test_outcomes_sites_and_vehicles_are_well_formed(log):
    assert set(log["outcome"]) <= OUTCOMES
    sea = ~log["site"].isin(CENTRES)
    assert log.loc[sea, "site"].str.contains("Barge").all(), log.loc[sea, "site"].unique()
    assert log["vehicle"].str.startswith("Long March ").all()
    designation = log["vehicle"].str.extract(r"^Long March (\d+[A-F]?)")[0]
    assert ("CZ-" + designation).eq(log["family_variant"]).all()


def test_every_row_cites_the_pinned_copy(log):
    assert log["source_url"].str.match(SOURCE_COMMIT_URL).all()
    assert log["source_url"].nunique() == 1, "the log is transcribed from one copy of the data set"


def test_garbled_payloads_carry_a_note(log):
    garbled = log["payload"].str.contains(r"\?\?|^-", regex=True)
    assert garbled.sum() == 3
    assert log.loc[garbled, "note"].notna().all()


def test_first_launch_and_crewed_flights(log):
    first = log.iloc[0]
    assert (first["launch_date"], first["payload"], first["family_variant"]) == (
        pd.Timestamp("1970-04-24"), "Dong Fang Hong 1", "CZ-1")
    crewed = log[log["payload"].str.fullmatch(r"Shenzhou \d+")]
    assert crewed["family_variant"].eq("CZ-2F").all()
    assert len(crewed) == 14, "Shenzhou 1 to 14 are all in the copy"


def test_schema_states_coverage_and_time_zone(log):
    description = data.schema("long_march_launches")["description"]
    first, last = log["launch_date"].iloc[[0, -1]].dt.strftime("%Y-%m-%d")
    assert f"from {first}" in description and f"to {last}" in description
    assert "UTC" in description and "Beijing time" in description


# ---------- against CASC's count of every 100th launch ----------

@pytest.mark.parametrize("number", [1, 100, 300, 400])
def test_hundredth_launches_sit_at_the_documented_row(log, centuries, number):
    beijing_date = centuries.loc[number, "launch_date"]
    row = row_number_on(log, beijing_date)
    assert row is not None, f"launch {number} ({beijing_date.date()}) is not in the log"
    assert row - number == EXPECTED_OFFSET[number]
    assert rows_up_to(log, beijing_date) == row


def test_the_200th_launch_falls_in_a_gap_of_the_data_set(log, centuries):
    beijing_date = centuries.loc[200, "launch_date"]
    assert row_number_on(log, beijing_date) is None
    assert rows_up_to(log, beijing_date) - 200 == EXPECTED_OFFSET[200]
    assert not log["launch_date"].dt.year.isin([2009, 2010, 2014]).any()


def test_the_log_is_complete_between_the_300th_and_400th_launches(log, centuries):
    start, end = (row_number_on(log, centuries.loc[n, "launch_date"]) for n in (300, 400))
    assert end - start == 100


def test_the_log_ends_before_the_500th_launch(log, centuries):
    assert log["launch_date"].iloc[-1] < centuries.loc[500, "launch_date"]
    assert len(log) < 500


# ---------- against CASC's yearly totals ----------

@pytest.mark.parametrize("year", FULL_YEARS_CHECKED)
def test_yearly_count_equals_the_official_total(log, by_year, year):
    rows = log[log["launch_date"].dt.year == year]
    assert len(rows) == by_year.loc[year, "launches"]
    official = by_year.loc[year]
    if pd.notna(official["successes"]):
        assert rows["outcome"].eq("success").sum() == official["successes"]
        assert (~rows["outcome"].eq("success")).sum() == official["failures"]


def test_2020_log_shows_the_failures_before_the_may_streak(log):
    # Xinhua dates the success streak from 5 May 2020 (see long_march_by_year): the failures come before it.
    year = log[log["launch_date"].dt.year == 2020]
    failures = year.loc[year["outcome"] != "success", "launch_date"]
    assert len(failures) == 2 and (failures < pd.Timestamp("2020-05-05")).all()


def test_2022_is_only_partly_covered(log, by_year):
    rows = log[log["launch_date"].dt.year == 2022]
    assert rows["launch_date"].max() < pd.Timestamp("2022-08-01")
    assert 0 < len(rows) < by_year.loc[2022, "launches"]


def test_every_year_in_both_files_is_either_checked_or_explained(log, by_year):
    logged = set(log["launch_date"].dt.year)
    assert logged & set(by_year.index) == set(FULL_YEARS_CHECKED) | {2022}
