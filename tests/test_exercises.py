"""Contract tests for helpers.exercises: every question type accepts every correct form of an
answer, names each known slip, says what it expected when it can't check, and never raises."""

import doctest
import math
import subprocess
import sys
import textwrap
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from matplotlib.figure import Figure

from helpers import exercises, progress
from helpers.exercises import (
    CollectionQuestion,
    Feedback,
    NumberQuestion,
    Outcome,
    TableQuestion,
    ____,
)

SPEED_KM_S = math.sqrt(398600.4418 / (6378.137 + 390))


def number_question(expected, **options):
    return NumberQuestion(id="99.9", notebook="99", prompt="a number", expected=expected, **options)


# --------------------------------------------------------------------------- numbers

@pytest.mark.parametrize("answer", [
    SPEED_KM_S, round(SPEED_KM_S, 2), np.float64(SPEED_KM_S), np.float32(SPEED_KM_S),
    Fraction(768, 100), Decimal("7.68"), np.array(SPEED_KM_S),
], ids=repr)
def test_number_accepts_every_numeric_form(bank, answer):
    bank.q1.assert_check_passed(answer)


def test_number_accepts_int_and_numpy_int_for_a_count():
    count = number_question(lambda: 68, rtol=0, atol=0.5, unit="launches")
    for answer in (68, np.int64(68), 68.0, np.int32(68)):
        count.assert_check_passed(answer)


@pytest.mark.parametrize(("answer", "message"), [
    (SPEED_KM_S * 1000, "1000 times too big"),
    (SPEED_KM_S / 1000, "1000 times too small"),
    (-SPEED_KM_S, "wrong sign"),
    (math.sqrt(398600.4418 / 390), "You used the altitude as the radius"),
    (9.5, "is too big"),
    (6.0, "is too small"),
    (SPEED_KM_S * 1.05, "close but not close enough"),
])
def test_number_names_each_slip(bank, answer, message):
    bank.q1.assert_check_failed(answer, message_contains=message)


def test_number_messages_name_the_unit_asked_for(bank):
    assert "The question asks for km/s." in bank.q1.feedback(SPEED_KM_S * 1000).text


@pytest.mark.parametrize(("factor", "message"), [
    (60, "seconds instead of minutes"), (1 / 60, "hours instead of minutes"),
])
def test_period_in_seconds_or_hours_is_a_time_unit_slip(bank, factor, message):
    period_min = bank.q2.expected()
    bank.q2.assert_check_failed(period_min * factor, message_contains=message)


@pytest.mark.parametrize(("expected", "answer", "message"), [
    (41.5, math.radians(41.5), "radians instead of degrees"),
    (math.radians(41.5), 41.5, "degrees instead of radians"),
    (53.0, 53.0 * 24, "hours instead of days"),
    (53.0, 53.0 * 86400, "seconds instead of days"),
    (2.5, 2.5 * 3600, "seconds instead of hours"),
    (0.35, 35.0, "percentage"),
])
def test_generic_unit_slips(expected, answer, message):
    number_question(expected, rtol=1e-3).assert_check_failed(answer, message_contains=message)


def test_counts_get_off_by_one_and_no_unit_slips():
    count = number_question(5, rtol=0, atol=0, unit="milestones")
    count.assert_check_failed(6, message_contains="off by one")
    assert count.feedback(120).text == "Your answer, `120`, is too big. The question asks for milestones."
    count.assert_check_failed(-5, message_contains="wrong sign")  # the sign slip stays on
    assert number_question(5, rtol=0, atol=0, unit_slips=True).feedback(120).text.startswith(
        "Your answer, `120`, is about 24 times too big")


def test_declared_factor_slip_beats_the_generic_message():
    question = number_question(7.8, slips=[(1000, "That is in m/s: divide by 1000.")])
    assert question.feedback(7800).text == "That is in m/s: divide by 1000."


@pytest.mark.parametrize(("answer", "message"), [
    ("7.68", "remove the quotes"),
    ("fast", "is text, not a number"),
    (True, "yes/no value"),
    (np.bool_(False), "yes/no value"),
    (None, "`None`"),
    (float("nan"), "`nan`"),
    (math.inf, "infinite"),
    (np.array([7.68]), "`.item()`"),
    (pd.Series([7.68]), "`.item()`"),
    ([7.68, 1.0], "not a number"),
    (np.array([7.68, 1.0]), "of 2 values"),
    (1 + 2j, "complex"),
    (pd.NA, "missing value"),
    ({"v": 7.68}, "dict, not a number"),
])
def test_number_cannot_check_says_what_was_expected(bank, answer, message):
    bank.q1.assert_check_uncheckable(answer, message_contains=message)
    text = bank.q1.feedback(answer).text
    assert text.endswith(" Expected a single number, in km/s.") and "?." not in text and ".." not in text


@pytest.mark.parametrize("answer", [____, ____ * 1000, -____ / 60, [____]])
def test_placeholder_and_anything_computed_from_it_is_not_attempted(bank, answer):
    bank.q1.assert_check_unattempted(answer)


def test_text_is_never_run(bank, tmp_path):
    trap = tmp_path / "ran"
    bank.q1.assert_check_uncheckable(f"__import__('pathlib').Path({str(trap)!r}).touch() or 7.68")
    assert not trap.exists()


# --------------------------------------------------------------------------- collections

@pytest.mark.parametrize("answer", [
    ["Chang'e 5", "Chang'e 6"], ["Chang'e 6", "Chang'e 5"], ("Chang'e 6", "Chang'e 5"),
    {"Chang'e 5", "Chang'e 6"}, pd.Series(["Chang'e 6", "Chang'e 5"]), np.array(["Chang'e 5", "Chang'e 6"]),
    pd.Index(["Chang'e 6", "Chang'e 5"]),
], ids=lambda a: type(a).__name__)
def test_collection_accepts_any_container_in_any_order(bank, answer):
    bank.q3.assert_check_passed(answer)


@pytest.mark.parametrize(("answer", "message"), [
    (["Chang'e 5"], "1 of the mission names are missing"),
    (["Chang'e 4", "Chang'e 5", "Chang'e 6"], "`\"Chang'e 4\"` should not be there"),
    (["Chang'e 5", "Chang'e 6", "Chang'e 6"], "repeats"),
    (pd.Series([1, 1], index=["Chang'e 5", "Chang'e 6"]), "`.index`"),
])
def test_collection_names_each_slip(bank, answer, message):
    bank.q3.assert_check_failed(answer, message_contains=message)


@pytest.mark.parametrize(("answer", "message"), [
    ("Chang'e 5", "one piece of text"),
    (pd.DataFrame({"mission": ["Chang'e 5", "Chang'e 6"]}), "pick one column"),
    (3, "not a list"),
    (None, "`None`"),
    (np.array([["Chang'e 5"], ["Chang'e 6"]]), "2 dimensions"),
])
def test_collection_cannot_check(bank, answer, message):
    bank.q3.assert_check_uncheckable(answer, message_contains=message)


def test_collection_of_numbers_uses_tolerance_and_spots_units():
    altitudes = CollectionQuestion(id="99.8", notebook="99", prompt="altitudes", expected=lambda: [390.0, 400.0],
                                   rtol=1e-3)
    altitudes.assert_check_passed(np.array([400.1, 390]))
    altitudes.assert_check_failed([390_000, 400_000], message_contains="1000 times too big")


# --------------------------------------------------------------------------- tables

def test_table_accepts_any_row_and_column_order_and_dtype(bank):
    expected = bank.q4.expected()
    bank.q4.assert_check_passed(expected)
    bank.q4.assert_check_passed(expected.iloc[::-1])
    bank.q4.assert_check_passed(expected[["launches", "year"]])
    bank.q4.assert_check_passed(expected.astype({"launches": float, "year": "Int64"}))
    bank.q4.assert_check_passed(expected.assign(year=expected.year.astype(str), extra=1))
    bank.q4.assert_check_passed(expected.set_index("year"))  # the key held in the index


def test_table_names_the_column_that_differs(bank):
    expected = bank.q4.expected()
    bank.q4.assert_check_failed(expected.assign(launches=expected.launches + 1),
                                message_contains="Column `launches` has values that differ")
    meters = TableQuestion(id="99.8", notebook="99", prompt="t", expected=pd.DataFrame({"altitude_km": [390.0]}))
    meters.assert_check_failed(pd.DataFrame({"altitude_km": [390_000.0]}), message_contains="1000 times too big")


@pytest.mark.parametrize(("answer", "message"), [
    (pd.Series([2, 4]), "`.reset_index()`"),
    (pd.DataFrame({"year": [2023, 2024]}), "no column `launches`"),
    (pd.DataFrame({"year": [2023], "launches": [2]}), "has 1 rows"),
    ([2, 4], "not a DataFrame"),
])
def test_table_cannot_check_says_which_table_was_expected(bank, answer, message):
    bank.q4.assert_check_uncheckable(answer, message_contains=message)
    assert "a DataFrame with 2 rows and the columns `year`, `launches`" in bank.q4.feedback(answer).text


def test_table_with_order_and_dates():
    dates = pd.DataFrame({"mission": ["Chang'e 5", "Chang'e 6"],
                          "landing_date": pd.to_datetime(["2020-12-16", "2024-06-25"])})
    question = TableQuestion(id="99.8", notebook="99", prompt="t", expected=dates, order_matters=True)
    question.assert_check_passed(dates.assign(landing_date=["2020-12-16", "2024-06-25"]))
    question.assert_check_failed(dates.iloc[::-1], message_contains="wrong order")


# --------------------------------------------------------------------------- functions

def test_function_accepts_any_correct_implementation(bank):
    def circular_speed_km_s(altitude_km):
        return np.sqrt(398600.4418 / (6378.137 + altitude_km))

    bank.q5.assert_check_passed(circular_speed_km_s)
    bank.q5.assert_check_passed(lambda altitude_km: (398600.4418 / (altitude_km + 6378.137)) ** 0.5)


@pytest.mark.parametrize(("function", "message"), [
    (lambda altitude_km: 1000 * math.sqrt(398600.4418 / (6378.137 + altitude_km)), "1000 times too big"),
    (lambda altitude_km: math.sqrt(398600.4418 / (6378.137 + altitude_km)) * 1.5, "is too big"),
])
def test_function_names_each_slip(bank, function, message):
    bank.q5.assert_check_failed(function, message_contains=message)


def test_an_exception_in_the_learners_function_is_reported_as_theirs(bank):
    def speed(altitude_km):
        return 1 / 0

    verdict = bank.q5.feedback(speed)
    assert verdict.outcome is Outcome.CANNOT_CHECK
    assert "Your function raised ZeroDivisionError when called as `speed(390)`: `division by zero`" in verdict.text
    assert "Traceback" not in verdict.text and "File " not in verdict.text


@pytest.mark.parametrize(("function", "message"), [
    (lambda altitude_km: None, "did you forget `return`"),
    (lambda altitude_km, mu: 1.0, "takes (altitude_km, mu), but this check calls"),
    (lambda altitude_km: "7.7", "text, not a number"),
    (7.68, "is not a function"),
])
def test_function_cannot_check(bank, function, message):
    bank.q5.assert_check_uncheckable(function, message_contains=message)


def test_function_still_holding_the_placeholder_is_not_attempted(bank):
    def returns_placeholder(altitude_km):
        return ____

    def uses_placeholder(altitude_km):
        radius_km = ____
        return radius_km + altitude_km

    bank.q5.assert_check_unattempted(returns_placeholder)
    bank.q5.assert_check_unattempted(uses_placeholder)


def test_function_inputs_are_copied_so_mutation_cannot_change_later_checks():
    question = exercises.FunctionQuestion(id="99.8", notebook="99", prompt="total", reference=sum,
                                          inputs=[([1, 2, 3],), ([1, 2, 3],)])

    def total_that_mutates(values):
        result = sum(values)
        values.append(100)
        return result

    question.assert_check_passed(total_that_mutates)
    question.assert_check_passed(total_that_mutates)


# --------------------------------------------------------------------------- choice and plot

@pytest.mark.parametrize("answer", ["B", "b", " B) ", "b.", "the moon blocks radio from the far side to earth"])
def test_choice_accepts_letter_or_text(bank, answer):
    bank.q6.assert_check_passed(answer)


def test_choice_explains_wrong_options(bank):
    bank.q6.assert_check_failed("A", message_contains="hidden, not dark")
    bank.q6.assert_check_failed("c", message_contains="C is not the answer")
    bank.q6.assert_check_uncheckable(2, message_contains="not a letter")
    bank.q6.assert_check_uncheckable("D", message_contains="not one of the options")


def labelled_axes(xlabel="Year", ylabel="Launches per year", title="Long March launches"):
    figure = Figure()
    axes = figure.add_subplot()
    axes.bar([2023, 2024], [2, 4])
    axes.set(xlabel=xlabel, ylabel=ylabel, title=title)
    return figure, axes


def test_plot_with_labels_passes_as_axes_or_figure(bank):
    figure, axes = labelled_axes()
    bank.q7.assert_check_passed(axes)
    bank.q7.assert_check_passed(figure)


@pytest.mark.parametrize(("labels", "message"), [
    ({"ylabel": ""}, "The y axis has no label"),
    ({"xlabel": "Time"}, "should mention `'year'`"),
    ({"title": ""}, "no title"),
])
def test_plot_names_what_is_missing(bank, labels, message):
    bank.q7.assert_check_failed(labelled_axes(**labels)[1], message_contains=message)


def test_plot_with_nothing_drawn_or_not_an_axes(bank):
    bank.q7.assert_check_failed(Figure().add_subplot(), message_contains="Nothing is drawn")
    bank.q7.assert_check_uncheckable("plot", message_contains="not a matplotlib Axes")


# --------------------------------------------------------------------------- feedback, hints, solutions

def test_feedback_has_a_coloured_markdown_label_and_a_plain_repr(bank):
    verdict = bank.q1.feedback(SPEED_KM_S * 1000)
    assert repr(verdict).startswith("Incorrect: Your answer, `7674.")
    assert verdict._repr_markdown_().startswith(f'<span style="color:{exercises.COLOURS["incorrect"]}')
    labels = {bank.q1.feedback(v).label for v in (SPEED_KM_S, 0.1, "x", ____)}
    assert labels == {"Correct", "Incorrect", "Can't check this", "Not attempted yet"}


def test_learner_values_cannot_break_the_markdown(bank):
    verdict = bank.q1.feedback("`7.68`")
    assert verdict.text.count("`") % 2 == 0
    assert "``" not in verdict.text


def test_hints_come_one_at_a_time_and_the_last_points_to_the_solution(bank, capsys):
    bank.q1.hint()
    bank.q1.hint()
    bank.q1.hint()
    shown = capsys.readouterr().out.strip().split("\n")
    assert shown[0].startswith("Hint 1 of 2: v = sqrt(mu / r)") and "`.hint()` again" in shown[0]
    assert shown[1].startswith("Hint 2 of 2: r = 6378 km") and "`.solution()`" in shown[1]
    assert shown[2] == shown[1]
    assert repr(bank.q2.hint_feedback(1)).startswith("Hint: Period") and "last hint" in repr(bank.q2.hint_feedback(1))


def test_solution_is_shown_as_code(bank):
    shown = bank.q1.solution_feedback()
    assert shown.label == "Solution"
    assert "```python\nv_km_s = np.sqrt(" in shown._repr_markdown_()


def test_expected_values_are_worked_out_lazily_and_once():
    calls = []
    question = number_question(lambda: calls.append(1) or 42.0)
    assert calls == []
    question.assert_check_passed(42)
    question.assert_check_failed(41)
    assert calls == [1]


def test_a_broken_expected_value_is_reported_as_the_course_s_problem():
    question = number_question(lambda: pd.read_csv("/no/such/file.csv"))
    verdict = question.feedback(3)
    assert verdict.outcome is Outcome.CANNOT_CHECK and "problem in the course" in verdict.text


def test_question_ids_must_start_with_their_notebook():
    with pytest.raises(ValueError, match="must be a string starting with its notebook"):
        NumberQuestion(id="1.1", notebook="99", prompt="p", expected=1)


# --------------------------------------------------------------------------- check(): show, record, strict

def test_check_shows_the_verdict_and_records_it(bank, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_PROGRESS_FILE", str(tmp_path / "progress.json"))
    bank.q1.check(SPEED_KM_S)
    bank.q1.check(1.0)
    bank.q1.check()
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Correct"
    assert "Put your answer in the brackets" in out
    assert [(r["question"], r["outcome"]) for r in progress.load()] == [
        ("99.1", "correct"), ("99.1", "incorrect"), ("99.1", "not attempted")]


def test_verdicts_do_not_depend_on_order_or_repetition(bank):
    answers = [SPEED_KM_S, 9.0, "7.68", ____]
    first = [repr(bank.q1.feedback(a)) for a in answers]
    bank.q1.hint()
    again = [repr(bank.q1.feedback(a)) for a in reversed(answers)]
    assert first == list(reversed(again))


@pytest.mark.parametrize(("mode", "answer", "raises"), [
    ("1", SPEED_KM_S, False), ("1", ____, True), ("1", 9.0, True), ("1", "x", True),
    ("student", ____, False), ("student", SPEED_KM_S, True), ("student", 9.0, True),
    ("", 9.0, False),
])
def test_strict_switch(bank, monkeypatch, mode, answer, raises, capsys):
    monkeypatch.setenv("COURSE_STRICT", mode)
    if raises:
        with pytest.raises(AssertionError, match="question 99.1 says"):
            bank.q1.check(answer)
    else:
        bank.q1.check(answer)
    assert capsys.readouterr().out  # the verdict is shown either way


# --------------------------------------------------------------------------- the undefined name

def test_undefined_name_in_a_check_cell_gets_one_plain_sentence(tmp_path):
    script = textwrap.dedent("""
        from IPython.core.interactiveshell import InteractiveShell
        shell = InteractiveShell.instance()
        shell.run_cell("from helpers.exercises import NumberQuestion")   # installs the handler
        shell.run_cell("q1 = NumberQuestion(id='9.1', notebook='9', prompt='p', expected=1)")
        print("---check---")
        result = shell.run_cell("q1.check(answer)")
        print("---other---", type(result.error_in_exec).__name__)
        shell.run_cell("prnt('hello')")
        print("---strict---")
        import os
        os.environ["COURSE_STRICT"] = "1"
        shell.run_cell("q1.check(answer)")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={"COURSE_PROGRESS_FILE": str(tmp_path / "p.json"), "PATH": ""})
    check_part, other_part = done.stdout.split("---check---")[1].split("---strict---")[0].split("---other---")
    strict_part = done.stdout.split("---strict---")[1]
    assert check_part.strip() == ("Not attempted yet: `answer` isn't defined yet: run the cell where you set it, "
                                  "or write your answer there first.")
    assert other_part.startswith(" NameError")  # the cell still counts as failed
    assert "Traceback" in other_part and "name 'prnt' is not defined" in other_part  # elsewhere: the usual one
    assert "Traceback" in strict_part and "name 'answer' is not defined" in strict_part  # so nbval sees it


def test_docstring_examples_run():
    result = doctest.testmod(exercises)
    assert result.attempted >= 8 and result.failed == 0


def test_the_handler_is_not_installed_twice_or_over_another():
    class Shell:
        custom_exceptions = (ValueError,)

    assert exercises.install_name_error_handler(None) is False
    assert exercises.install_name_error_handler(Shell()) is False


# --------------------------------------------------------------------------- property tests

class Hostile:
    """An object every one of whose special methods raises."""

    def _boom(self, *args, **kwargs):
        raise RuntimeError("boom")

    __eq__ = __ne__ = __lt__ = __gt__ = __float__ = __int__ = __index__ = __len__ = _boom
    __iter__ = __array__ = __repr__ = __str__ = __bool__ = __hash__ = __call__ = _boom
    __getattr__ = _boom

    @property
    def __class__(self):
        raise RuntimeError("no class")


learner_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8) | st.binary(max_size=4)
    | st.complex_numbers() | st.builds(Hostile) | st.just(____) | st.just(pd.NA)
    | hnp.arrays(hnp.scalar_dtypes(), hnp.array_shapes(max_dims=2, max_side=3))
    | st.builds(pd.Series, st.lists(st.floats() | st.text(max_size=3), max_size=4))
    | st.builds(lambda n: pd.DataFrame({"year": range(n), "launches": range(n)}), st.integers(0, 3))
    | st.builds(lambda x: (lambda *args, **kwargs: x), st.integers() | st.none() | st.builds(Hostile))
    | st.just(lambda *args: 1 / 0),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner) | st.dictionaries(st.text(max_size=2), inner,
                                                                                          max_size=2),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=learner_values)
def test_every_question_gives_a_verdict_for_anything(bank, value):
    for question in (bank.q1, bank.q2, bank.q3, bank.q4, bank.q5, bank.q6, bank.q7):
        verdict = question.feedback(value)
        assert isinstance(verdict, Feedback) and verdict.outcome in Outcome
        assert isinstance(repr(verdict), str) and isinstance(verdict._repr_markdown_(), str)


@settings(max_examples=100, deadline=None, database=None)
@given(expected=st.floats(1e-3, 1e6), wobble=st.floats(-0.99e-3, 0.99e-3))
def test_any_number_within_tolerance_passes_and_any_1000_fold_slip_is_named(expected, wobble):
    question = number_question(expected, rtol=1e-3)
    question.assert_check_passed(expected * (1 + wobble))
    question.assert_check_failed(expected * 1000, message_contains="1000 times too big")


@settings(max_examples=50, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(2)), data=st.data())
def test_any_row_order_passes(bank, order, data):
    table = bank.q4.expected().iloc[list(order)]
    columns = data.draw(st.permutations(list(table.columns)))
    bank.q4.assert_check_passed(table[columns])


def test_function_whose_placeholder_line_is_overwritten_by_the_solution_passes(bank):
    """The full edition keeps the learner's `____` line above the solution, as the student edition shows it."""
    def circular_speed_km_s(altitude_km):
        v_km_s = ____  # the learner's line, outside the solution markers
        v_km_s = math.sqrt(398600.4418 / (6378.137 + altitude_km))
        return v_km_s

    bank.q5.assert_check_passed(circular_speed_km_s)


def test_function_that_fails_on_the_placeholder_is_not_attempted(bank):
    def circular_speed_km_s(altitude_km):
        return math.sqrt(____ / (6378.137 + altitude_km))

    bank.q5.assert_check_unattempted(circular_speed_km_s)
