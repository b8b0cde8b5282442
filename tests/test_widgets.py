"""Widgets, driven headless: build each one, move its controls, and read what it shows."""

import re

import pandas as pd
import pytest

from helpers import data, widgets

SMALL = pd.DataFrame({
    "date": pd.to_datetime(["1970-04-24", "2003-10-15", "2007-10-24", "2020-07-23", "2024-05-03"]),
    "programme": ["Long March", "Shenzhou/Tiangong", "Chang'e", "Tianwen", "Chang'e"],
    "mission": ["Dong Fang Hong 1", "Shenzhou 5", "Chang'e-1", "Tianwen-1", "Chang'e-6"],
    "event": ["a", "b", "c", "d", "e"],
})


def count_in(summary_html: str) -> int:
    return int(re.search(r"<b>(\d+) milestones</b>", summary_html).group(1))


@pytest.mark.parametrize("name", sorted(widgets.FACTORIES))
def test_every_widget_builds_with_controls_summary_and_a_picture(name):
    widget = widgets.FACTORIES[name]()
    assert widget.controls and widget.summary.value
    images = [child for child in widget.children if hasattr(child, "format") and child.format == "png"]
    assert images and bytes(images[0].value[:4]) == b"\x89PNG"


def test_timeline_counts_the_chosen_programme():
    widget = widgets.timeline(SMALL)
    assert count_in(widget.summary.value) == 5
    widget.controls["programme"].value = "Chang'e"
    assert count_in(widget.summary.value) == 2
    assert "Chang'e-6" in widget.summary.value and "Tianwen-1" not in widget.summary.value


def test_timeline_year_range_filters_and_redraws():
    widget = widgets.timeline(SMALL)
    before = widget.children[1].value
    widget.controls["years"].value = (2000, 2010)
    assert count_in(widget.summary.value) == 2
    assert "from 2000 to 2010" in widget.summary.value
    assert widget.children[1].value != before


def test_timeline_with_nothing_chosen_says_so():
    widget = widgets.timeline(SMALL)
    widget.controls["years"].value = (1980, 1990)
    assert widget.summary.value.startswith("<b>0 milestones</b>")


def test_timeline_on_the_course_data_matches_the_table():
    milestones = data.load("milestones")
    widget = widgets.timeline(milestones)
    assert count_in(widget.summary.value) == len(milestones)
    for programme in milestones["programme"].unique():
        widget.controls["programme"].value = programme
        assert count_in(widget.summary.value) == (milestones["programme"] == programme).sum()
