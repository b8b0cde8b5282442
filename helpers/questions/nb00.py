"""Exercises of notebook 00, Start here: first steps with cells, checks and a dataset.

Expected answers are worked out from the course map and the data, never typed in.
"""

from helpers import course, data
from helpers.exercises import ChoiceQuestion, NumberQuestion


def _milestones():
    return data.load("milestones")


q1 = NumberQuestion(
    id="00.1", notebook="00", prompt="How many notebooks the course has",
    expected=lambda: len(course.notebooks()), unit="notebooks", rtol=0, atol=0,
    hints=[
        "Count the rows of the course map in section 2, planned notebooks included.",
        "Or let Python count them: `course.notebooks()` is a list with one entry per notebook, "
        "and `len(...)` gives the length of a list.",
    ],
    solution="n_notebooks = len(course.notebooks())",
)

q2 = NumberQuestion(
    id="00.2", notebook="00", prompt="The year of the earliest milestone",
    expected=lambda: int(_milestones()["date"].dt.year.min()), unit="year", rtol=0, atol=0,
    hints=[
        "The table is sorted by date, so the first row is the earliest; `milestones.head()` shows it.",
        "`milestones['date'].min()` is the earliest date, and `.year` gives its year.",
    ],
    solution="first_year = milestones['date'].min().year",
)

q3 = NumberQuestion(
    id="00.3", notebook="00", prompt="How many milestones belong to the Chang'e programme",
    expected=lambda: int((_milestones()["programme"] == "Chang'e").sum()), unit="milestones",
    rtol=0, atol=0,
    hints=[
        "Section 3 counted the milestones of every programme with `value_counts`.",
        "`per_programme[\"Chang'e\"]` picks out one count. Note the apostrophe inside the name: "
        "put the name in double quotes.",
    ],
    solution="change_milestones = per_programme[\"Chang'e\"]",
)

q4 = ChoiceQuestion(
    id="00.4", notebook="00", prompt="The programme of the Zhurong rover",
    options=["Chang'e", "Tianwen", "Shenzhou"], answer="B",
    explanations={
        "A": "Chang'e (嫦娥) is the lunar programme; its rovers are called Yutu.",
        "C": "Shenzhou (神舟) are the crewed spacecraft that fly to Tiangong.",
    },
    hints=["Zhurong is on Mars. Which programme goes to the planets? The names table in section 1 says."],
    solution="zhurong_programme = 'B'  # Tianwen, China's planetary programme",
)

q5 = NumberQuestion(
    id="00.5", notebook="00", prompt="How many milestones are still planned",
    expected=lambda: int((_milestones()["status"] == "planned").sum()), unit="milestones",
    rtol=0, atol=0,
    hints=[
        "The `status` column says `done` or `planned`. Count the values in it as section 3 did for "
        "`programme`.",
        "`milestones['status'].value_counts()` counts both; `['planned']` picks one.",
    ],
    solution="planned = milestones['status'].value_counts()['planned']",
)
