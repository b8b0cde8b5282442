"""Exercises that check themselves: questions, verdicts, hints and solutions.

A notebook asks a question in markdown, the learner writes the answer in a code
cell, and the next cell checks it, passing the value explicitly::

    from helpers.exercises import ____
    from helpers.questions import nb01 as q

    launches_2024 = ____          # the learner replaces ____ with an answer
    q.q1.check(launches_2024)     # shows: Correct / Incorrect / Not attempted yet / Can't check this
    q.q1.hint()                   # hint 1; call again for hint 2, ...
    q.q1.solution()               # one way to do it, as code

A question bank (``helpers/questions/nbNN.py``) declares one small object per
question, with data rather than code. Expected values may be zero-argument
callables: they are worked out when first needed, from the course data or the
physics helpers, so no result is ever typed in by hand::

    q1 = NumberQuestion(
        id="01.1", notebook="01", prompt="How many Long March launches were there in 2024?",
        expected=lambda: int((data.load("long_march").launch_date.dt.year == 2024).sum()),
        unit="launches", rtol=0, atol=0.5,
        hints=["Count the rows whose launch year is 2024.", "`(years == 2024).sum()` counts them."],
        solution="launches_2024 = int((launches.launch_date.dt.year == 2024).sum())",
    )

Every check ends in one of four outcomes (:class:`Outcome`): not attempted,
correct, incorrect (with a reason) or can't check (with what was expected
instead). Checking never raises for anything a learner passes in, and never
runs learner text (no ``eval``, ``exec`` or pickle). Each check is recorded in
the learner's progress (:mod:`helpers.progress`).

Question types: :class:`NumberQuestion`, :class:`CollectionQuestion` (order
doesn't matter), :class:`TableQuestion` (a DataFrame), :class:`FunctionQuestion`,
:class:`ChoiceQuestion` and :class:`PlotQuestion` (labels of a matplotlib Axes).

To show what a check says without recording it or tripping the strict switch
(say, a deliberately wrong answer in a worked example), end a cell with
``q.q1.feedback(value)``: it returns the verdict and the notebook displays it.

The strict switch, for the test suite: with ``COURSE_STRICT=1`` a check that is
anything but correct raises ``AssertionError`` (so running the full edition
proves every solution passes its own check); with ``COURSE_STRICT=student`` any
check that is not "not attempted" raises (so running the student edition proves
no answer is left in it).

Example
-------
>>> q = NumberQuestion(id="99.1", notebook="99", prompt="Orbital speed of Tiangong",
...                    expected=7.68, unit="km/s", rtol=0.01)
>>> q.feedback(7.7)
Correct
>>> q.feedback(7680)  # doctest: +ELLIPSIS
Incorrect: Your answer, `7680`, is about 1000 times too big: a unit slip? ... The question asks for km/s.
>>> q.feedback(____)
Not attempted yet: Replace `____` with your answer in the cell above, run it, then run this check again.
"""

from __future__ import annotations

import copy
import decimal
import enum
import inspect
import math
import numbers
import os
import sys
import traceback
from collections import Counter
from dataclasses import dataclass

import numpy as np

__all__ = [
    "____",
    "Outcome",
    "Feedback",
    "Question",
    "NumberQuestion",
    "CollectionQuestion",
    "TableQuestion",
    "FunctionQuestion",
    "ChoiceQuestion",
    "PlotQuestion",
    "install_name_error_handler",
]


class _Placeholder:
    """The blank a learner replaces with an answer. Anything computed from it is still blank."""

    def __repr__(self) -> str:
        return "____"

    def _absorb(self, *_args):
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _absorb
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = _absorb
    __mod__ = __rmod__ = __pow__ = __rpow__ = __neg__ = __pos__ = __abs__ = _absorb
    __round__ = _absorb


#: The placeholder: ``answer = ____`` means "not attempted yet".
____ = _Placeholder()


class Outcome(enum.Enum):
    """The four things a check can say."""

    NOT_ATTEMPTED = "not attempted"
    CORRECT = "correct"
    INCORRECT = "incorrect"
    CANNOT_CHECK = "cannot check"


# Label colours from the Okabe-Ito palette (helpers.style.OKABE_ITO), plus a neutral grey.
COLOURS = {
    "correct": "#009E73",  # bluish green
    "incorrect": "#D55E00",  # vermillion
    "cannot check": "#E69F00",  # orange
    "not attempted": "#555555",  # grey
    "hint": "#0072B2",  # blue
    "solution": "#CC79A7",  # reddish purple
}

LABELS = {
    Outcome.CORRECT: "Correct",
    Outcome.INCORRECT: "Incorrect",
    Outcome.CANNOT_CHECK: "Can't check this",
    Outcome.NOT_ATTEMPTED: "Not attempted yet",
}

NOT_ATTEMPTED_TEXT = (
    "Replace `____` with your answer in the cell above, run it, then run this check again."
)


@dataclass(frozen=True)
class Feedback:
    """What a check, a hint or a solution shows: a coloured label and a message.

    ``outcome`` is set for checks and ``None`` for hints and solutions. In a
    notebook it renders as markdown; ``repr`` gives the plain text (for tests).
    """

    label: str
    text: str
    colour: str
    outcome: Outcome | None = None
    code: str = ""

    def _repr_markdown_(self) -> str:
        head = f'<span style="color:{self.colour}; font-weight:bold">{self.label}</span>'
        body = f": {self.text}" if self.text else ""
        if self.code:
            body += f"\n\n```python\n{self.code}\n```"
        return head + body

    def __repr__(self) -> str:
        text = f"{self.label}: {self.text}" if self.text else self.label
        return f"{text}\n{self.code}" if self.code else text


def _verdict(outcome: Outcome, text: str = "") -> Feedback:
    return Feedback(LABELS[outcome], text, COLOURS[outcome.value], outcome)


def _code(text: str, limit: int = 60) -> str:
    """Return ``text`` as a short, one-line markdown code span (safe for any text)."""
    text = " ".join(text.replace("`", "'").split())
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"`{text}`"


def _show(value, limit: int = 60) -> str:
    """Return a short markdown code span showing a learner's value, whatever it is."""
    try:
        text = repr(value)
    except Exception:
        text = f"a {type(value).__name__}"
    return _code(text, limit)


def _type_name(value) -> str:
    return type(value).__name__


def _kind_of(value) -> str:
    """Describe what a learner passed, e.g. "a list" or "`None` (nothing)"."""
    if value is None:
        return "`None` (nothing: does the cell above assign your answer with `=`?)"
    return f"a {_type_name(value)}"


def _is_pandas(value, name: str) -> bool:
    cls = type(value)
    return cls.__module__.startswith("pandas") and cls.__name__ == name


def _contains_placeholder(value) -> bool:
    if value is ____:
        return True
    if type(value) in (list, tuple, set, frozenset):
        return any(item is ____ for item in value)
    if type(value) is dict:
        return any(item is ____ for item in value.values())
    return False


# --------------------------------------------------------------------------- numbers


def as_number(value) -> tuple[float | None, str]:
    """Return ``(number, "")`` for a plain number, or ``(None, why_not)`` for anything else.

    Accepts int, float, numpy scalars, fractions and decimals; rejects ``True``/``False``,
    text (with its own message when the text looks like a number), ``None``, missing
    values, arrays and Series, and says why in plain words.

    >>> as_number(3)
    (3.0, '')
    >>> as_number("3.5")[1]
    "`'3.5'` is text, not a number: remove the quotes"
    """
    if value is None:
        return None, (
            "your answer is `None` (nothing): does your cell assign the result with `=`, "
            "and does your function `return` it?"
        )
    if isinstance(value, bool | np.bool_):
        return None, f"{_show(value)} is a yes/no value, not a number"
    if isinstance(value, str | bytes):
        try:
            float(value)
        except ValueError:
            return None, f"{_show(value)} is text, not a number"
        return None, f"{_show(value)} is text, not a number: remove the quotes"
    if _type_name(value) in ("NAType", "NaTType"):
        return None, f"{_show(value)} is a missing value, not a number"
    if isinstance(value, numbers.Real | decimal.Decimal):
        number = float(value)
    elif isinstance(value, numbers.Complex):
        return None, f"{_show(value)} is a complex number, not a real one"
    elif isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf":
        number = float(value)
    elif hasattr(value, "shape") and hasattr(value, "size"):
        kind = _type_name(value)
        if value.size == 1:
            return None, (
                f"your answer is a {kind} holding one value, not the number itself: "
                "take the number out with `.item()`"
            )
        return None, f"your answer is a {kind} of {value.size} values, not a single number"
    else:
        return None, f"your answer is a {_type_name(value)}, not a number"
    if math.isnan(number):
        return None, (
            "your answer is `nan` (not a number): usually a calculation met a missing value, "
            "or divided 0 by 0"
        )
    if math.isinf(number):
        return None, "your answer is infinite: did something divide by zero?"
    return number, ""


#: Usual slips, as the factor between the learner's value and the expected one.
GENERIC_SLIPS = [
    (1e3, "about 1000 times too big: a unit slip? Metres instead of kilometres "
          "(or grams instead of kilograms) give 1000 times too much."),
    (1e-3, "about 1000 times too small: a unit slip? Kilometres instead of metres "
           "(or kilograms instead of grams) give 1000 times too little."),
    (60, "about 60 times too big: minutes instead of hours, or seconds instead of minutes?"),
    (1 / 60, "about 60 times too small: hours instead of minutes, or minutes instead of seconds?"),
    (3600, "about 3600 times too big: seconds instead of hours?"),
    (1 / 3600, "about 3600 times too small: hours instead of seconds?"),
    (24, "about 24 times too big: hours instead of days?"),
    (1 / 24, "about 24 times too small: days instead of hours?"),
    (1440, "about 1440 times too big: minutes instead of days?"),
    (1 / 1440, "about 1440 times too small: days instead of minutes?"),
    (86400, "about 86400 times too big: seconds instead of days?"),
    (1 / 86400, "about 86400 times too small: days instead of seconds?"),
    (365.25, "about 365 times too big: days instead of years?"),
    (1 / 365.25, "about 365 times too small: years instead of days?"),
    (180 / math.pi, "about 57.3 times too big: degrees instead of radians? "
                    "`np.radians` converts degrees to radians."),
    (math.pi / 180, "about 57.3 times too small: radians instead of degrees? "
                    "`np.degrees` converts radians to degrees."),
    (100, "100 times too big: a percentage where a fraction was asked for?"),
    (0.01, "100 times too small: a fraction where a percentage was asked for?"),
    (-1, "the right size but the wrong sign: check which way round the subtraction goes."),
]


def _relative_tolerance(expected: np.ndarray, rtol: float, atol: float) -> float:
    scale = float(np.min(np.abs(expected)))
    allowed = max(rtol, atol / scale if scale else 0.0, 1e-9)
    return min(allowed, 0.25)


def find_slip(actual, expected, rtol: float, atol: float, slips=None) -> str:
    """Return the message of the slip that best explains ``actual`` (numbers or arrays), or "".

    ``slips`` are ``(factor, message)`` pairs, by default :data:`GENERIC_SLIPS`;
    the factor closest to the ratio ``actual / expected`` wins.

    >>> find_slip(7800.0, 7.8, rtol=1e-3, atol=0)[:26]
    'about 1000 times too big: '
    """
    actual = np.asarray(actual, dtype=float).ravel()
    expected = np.asarray(expected, dtype=float).ravel()
    if actual.shape != expected.shape or actual.size == 0 or np.any(expected == 0):
        return ""
    tolerance = _relative_tolerance(expected, rtol, atol)
    best, best_error = "", tolerance
    for factor, message in GENERIC_SLIPS if slips is None else slips:
        error = float(np.max(np.abs(actual / (expected * factor) - 1)))
        if error <= best_error:
            best, best_error = message, error
    return best


# --------------------------------------------------------------------------- questions


_NO_ANSWER = object()


def _strict_mode() -> str:
    mode = os.environ.get("COURSE_STRICT", "").strip().lower()
    return {"1": "full", "true": "full", "full": "full", "student": "student"}.get(mode, "")


def _display(feedback: Feedback) -> None:
    from IPython.display import display

    display(feedback)


class Question:
    """One exercise: a prompt, how to check an answer, hints and a solution.

    Parameters (keyword only, shared by every question type)
    ----------
    id : str, e.g. ``"01.3"`` (notebook number, a dot, the question number)
    notebook : str, the notebook number, e.g. ``"01"``
    prompt : str, the question in a few words (shown in the progress table)
    hints : list of str, shown one at a time by :meth:`hint`
    solution : str, Python code shown by :meth:`solution`
    slips : list of ``(test, message)``: a known wrong answer and what to say about it.
        ``test`` is a predicate called with the learner's value (returning True when
        the slip is there) or, for numbers, a factor between the learner's value
        and the expected one (``(1000, "That's in metres: ...")``).
    explanation : str, extra words shown with "Correct".
    """

    def __init__(self, *, id, notebook, prompt, hints=(), solution="", slips=(),
                 explanation="", expected=None):
        if not (isinstance(id, str) and isinstance(notebook, str) and id.startswith(notebook)):
            raise ValueError(f"Question id {id!r} must be a string starting with its notebook "
                             f"number {notebook!r}, e.g. '01.3'.")
        self.id = id
        self.notebook = notebook
        self.prompt = prompt
        self.hints = list(hints)
        self.solution_code = solution.strip("\n")
        self.slips = list(slips)
        self.explanation = explanation
        self._expected_source = expected
        self._expected_cache = []
        self._hints_shown = 0

    # ---- to be provided by each question type
    def expects(self) -> str:
        """Describe, for a learner, what kind of answer this question wants."""
        return "an answer"

    def _judge(self, value, expected) -> Feedback:
        raise NotImplementedError

    # ---- shared machinery
    def expected(self):
        """Return the expected value, working it out (once) if it was given as a callable."""
        if not self._expected_cache:
            source = self._expected_source
            self._expected_cache.append(source() if callable(source) else source)
        return self._expected_cache[0]

    def correct(self) -> Feedback:
        return _verdict(Outcome.CORRECT, self.explanation)

    def incorrect(self, value, reason: str) -> Feedback:
        """Return "Incorrect", with the message of a declared slip if one matches ``value``."""
        for test, message in self.slips:
            if callable(test) and _safely_true(test, value):
                return _verdict(Outcome.INCORRECT, message)
        return _verdict(Outcome.INCORRECT, reason)

    def cannot_check(self, reason: str) -> Feedback:
        reason = reason[0].upper() + reason[1:]
        end = "" if reason.endswith(("?", ".")) else "."
        return _verdict(Outcome.CANNOT_CHECK, f"{reason}{end} Expected {self.expects()}.")

    def feedback(self, value) -> Feedback:
        """Return the verdict on ``value``, without showing or recording it. Never raises."""
        if _contains_placeholder(value):
            return _verdict(Outcome.NOT_ATTEMPTED, NOT_ATTEMPTED_TEXT)
        try:
            expected = self.expected()
        except Exception as error:
            return _verdict(Outcome.CANNOT_CHECK, (
                f"The course could not work out this question's answer ({_type_name(error)}: "
                f"{_code(str(error), limit=120)}). That is a problem in the course, not in your "
                "answer: please report it."
            ))
        try:
            return self._judge(value, expected)
        except Exception:
            return self.cannot_check(
                f"something in your answer (a {_type_name(value)}) stopped the check"
            )

    def check(self, value=_NO_ANSWER) -> None:
        """Check the learner's answer: show the verdict and record it in the progress file.

        Under ``COURSE_STRICT`` (see the module's docstring) a failing check raises
        ``AssertionError`` after showing its verdict.
        """
        if value is _NO_ANSWER:
            verdict = _verdict(Outcome.NOT_ATTEMPTED, "Put your answer in the brackets: "
                                                      "`.check(your_answer)`.")
        else:
            verdict = self.feedback(value)
        _display(verdict)
        from helpers import progress

        progress.record(self.notebook, self.id, verdict.outcome.value)
        mode = _strict_mode()
        failed = (
            (mode == "full" and verdict.outcome is not Outcome.CORRECT)
            or (mode == "student" and verdict.outcome is not Outcome.NOT_ATTEMPTED)
        )
        if failed:
            raise AssertionError(
                f"COURSE_STRICT={os.environ['COURSE_STRICT']}: question {self.id} says {verdict!r}"
            )

    def hint_feedback(self, n: int) -> Feedback:
        """Return hint number ``n`` (1-based) as feedback, with how to ask for more."""
        if not self.hints:
            return Feedback("Hint", "No hints for this one: `.solution()` shows one way to do it.",
                            COLOURS["hint"])
        n = min(max(n, 1), len(self.hints))
        if n < len(self.hints):
            coda = "(Call `.hint()` again for another hint.)"
        else:
            coda = "(That was the last hint. If you are stuck, `.solution()` shows one way to do it.)"
        label = f"Hint {n} of {len(self.hints)}" if len(self.hints) > 1 else "Hint"
        return Feedback(label, f"{self.hints[n - 1]} {coda}", COLOURS["hint"])

    def hint(self, n: int | None = None) -> None:
        """Show the next hint (or hint ``n``). After the last one, it says the solution is there."""
        if n is None:
            self._hints_shown = min(self._hints_shown + 1, max(len(self.hints), 1))
            n = self._hints_shown
        _display(self.hint_feedback(n))

    def solution_feedback(self) -> Feedback:
        return Feedback("Solution", "", COLOURS["solution"], code=self.solution_code)

    def solution(self) -> None:
        """Show one way to answer the question, as code."""
        _display(self.solution_feedback())

    # ---- test hooks (for pytest files; they neither show nor record anything)
    def assert_check_passed(self, value) -> None:
        verdict = self.feedback(value)
        assert verdict.outcome is Outcome.CORRECT, f"{self.id}: expected Correct, got {verdict!r}"

    def assert_check_failed(self, value, message_contains: str = "") -> None:
        verdict = self.feedback(value)
        assert verdict.outcome is Outcome.INCORRECT, f"{self.id}: expected Incorrect, got {verdict!r}"
        assert message_contains in verdict.text, (
            f"{self.id}: expected the message to contain {message_contains!r}, got {verdict!r}"
        )

    def assert_check_uncheckable(self, value, message_contains: str = "") -> None:
        verdict = self.feedback(value)
        assert verdict.outcome is Outcome.CANNOT_CHECK, (
            f"{self.id}: expected Can't check this, got {verdict!r}"
        )
        assert message_contains in verdict.text, (
            f"{self.id}: expected the message to contain {message_contains!r}, got {verdict!r}"
        )

    def assert_check_unattempted(self, value=____) -> None:
        verdict = self.feedback(value)
        assert verdict.outcome is Outcome.NOT_ATTEMPTED, (
            f"{self.id}: expected Not attempted yet, got {verdict!r}"
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.id}: {self.prompt})"

    def _repr_markdown_(self) -> str:
        return f"**{self.id}** {self.prompt}: check your answer with `.check(your_answer)`."


def _safely_true(test, value) -> bool:
    try:
        return bool(test(value))
    except Exception:
        return False


def _direction(actual: float, expected: float) -> str:
    if expected and actual and (actual > 0) != (expected > 0):
        return "has the wrong sign (and is not just the answer with a minus sign)"
    if expected and abs(actual - expected) <= 0.1 * abs(expected):
        return ("is close but not close enough (within 10%): check for rounding, "
                "or a row too many or too few")
    return "is too big" if abs(actual) > abs(expected) else "is too small"


class NumberQuestion(Question):
    """A question whose answer is one number.

    ``expected`` is a number or a zero-argument callable returning one. Correct
    when ``abs(answer - expected) <= max(rtol * abs(expected), atol)``. ``unit``
    is named in the messages. Slips by 1000, 60, 3600, 24, 86400, 365.25, 180/pi,
    100 and the sign are recognised (see :data:`GENERIC_SLIPS`) unless
    ``unit_slips=False``; by default they are off for exact whole-number answers
    (``rtol=0, atol<1``: counts and years, where "hours instead of days" would
    mislead), which get an off-by-one message instead. Add a question's own
    slips with ``slips=[(factor_or_predicate, message), ...]``.

    >>> q = NumberQuestion(id="99.2", notebook="99", prompt="Speed", expected=7.67,
    ...                    unit="km/s", rtol=0.01)
    >>> q.feedback(7670).text.startswith("Your answer, `7670`, is about 1000 times too big")
    True
    """

    def __init__(self, *, expected, unit: str = "", rtol: float = 1e-3, atol: float = 0.0,
                 unit_slips: bool | None = None, **common):
        super().__init__(expected=expected, **common)
        self.unit = unit
        self.rtol = rtol
        self.atol = atol
        self.unit_slips = not (rtol == 0 and atol < 1) if unit_slips is None else unit_slips

    def expects(self) -> str:
        return f"a single number, in {self.unit}" if self.unit else "a single number"

    def _judge(self, value, expected) -> Feedback:
        number, problem = as_number(value)
        if number is None:
            return self.cannot_check(problem)
        expected = float(expected)
        if math.isclose(number, expected, rel_tol=self.rtol, abs_tol=self.atol):
            return self.correct()
        declared = [(f, m) for f, m in self.slips if isinstance(f, numbers.Real)]
        slip = find_slip(number, expected, self.rtol, self.atol, declared)
        if slip:
            return _verdict(Outcome.INCORRECT, slip)
        slip = find_slip(number, expected, self.rtol, self.atol) if self.unit_slips else ""
        if not slip and expected.is_integer() and abs(number - expected) == 1 and self.atol < 1:
            slip = ("off by one: did you count one too many or too few "
                    "(both ends of a range, or a row you meant to leave out)?")
        unit = f" The question asks for {self.unit}." if self.unit else ""
        verdict = f"is {slip}" if slip else _direction(number, expected) + "."
        reason = f"Your answer, {_show(value)}, {verdict}{unit}"
        return self.incorrect(number, reason)


def _items(value) -> tuple[list | None, str]:
    """Return the items of a list-like answer as plain Python values, or (None, why not)."""
    if isinstance(value, str | bytes):
        return None, f"your answer is one piece of text, {_show(value)}, not a collection"
    if _is_pandas(value, "DataFrame"):
        return None, "your answer is a whole table (DataFrame): pick one column, e.g. `df['name']`"
    if isinstance(value, dict):
        return None, "your answer is a dict: use its `.keys()` or `.values()` in a list"
    if isinstance(value, np.ndarray) and value.ndim != 1:
        return None, f"your answer is an array with {value.ndim} dimensions, not a flat list"
    if isinstance(value, list | tuple | set | frozenset | np.ndarray) or _is_pandas(value, "Series") \
            or _is_pandas(value, "Index"):
        items = list(value.tolist() if hasattr(value, "tolist") else value)
        return [item.item() if isinstance(item, np.generic) else item for item in items], ""
    return None, f"your answer is {_kind_of(value)}, not a list, set, Series or array"


def _all_numbers(items) -> bool:
    return all(as_number(item)[0] is not None for item in items)


class CollectionQuestion(Question):
    """A question whose answer is a collection where order doesn't matter.

    Accepts a list, tuple, set, numpy array, pandas Series or Index. ``expected``
    is such a collection (or a callable returning one). Numbers are compared with
    ``rtol``/``atol``; anything else exactly. Repeats count only if ``expected``
    has repeats. ``item`` names what the items are, for messages.

    >>> q = CollectionQuestion(id="99.3", notebook="99", prompt="Chang'e sample returns",
    ...                        expected=["Chang'e 5", "Chang'e 6"], item="mission names")
    >>> q.feedback({"Chang'e 6", "Chang'e 5"})
    Correct
    """

    def __init__(self, *, expected, item: str = "items", rtol: float = 1e-6, atol: float = 0.0,
                 **common):
        super().__init__(expected=expected, **common)
        self.item = item
        self.rtol = rtol
        self.atol = atol

    def expects(self) -> str:
        return f"a list (or set, Series or array) of {self.item}; order doesn't matter"

    def _judge(self, value, expected) -> Feedback:
        items, problem = _items(value)
        if items is None:
            return self.cannot_check(problem)
        wanted, _ = _items(expected)
        if len(set(map(repr, wanted))) == len(wanted):  # no repeats expected: compare as sets
            repeats = [item for item, n in Counter(map(repr, items)).items() if n > 1]
            if repeats and _set_equal(list(dict.fromkeys(items)), wanted, self):
                return self.incorrect(value, f"Your answer has repeats ({repeats[0]} more than "
                                             "once): keep each item once, e.g. with `.unique()`.")
        if _set_equal(items, wanted, self):
            return self.correct()
        return self.incorrect(value, self._difference(value, items, wanted))

    def _difference(self, value, items, wanted) -> str:
        if _all_numbers(items) and _all_numbers(wanted) and len(items) == len(wanted):
            slip = find_slip(sorted(map(float, items)), sorted(map(float, wanted)),
                             self.rtol, self.atol)
            if slip:
                return f"Your numbers are {slip}"
        if _is_pandas(value, "Series") and _set_equal(list(value.index), wanted, self):
            return ("The right items are in your Series' index, not its values: "
                    "use `.index` (e.g. `list(counts.index)`).")
        missing = [w for w in wanted if not any(_same_item(w, i, self) for i in items)]
        extra = [i for i in items if not any(_same_item(i, w, self) for w in wanted)]
        parts = []
        if extra:
            parts.append(f"{_show(extra[0])} should not be there")
        if missing:
            parts.append(f"{len(missing)} of the {self.item} are missing")
        if not parts:
            parts.append(f"it has {len(items)} {self.item}, expected {len(wanted)}")
        return "Not the same collection: " + "; ".join(parts) + "."


def _same_item(a, b, question) -> bool:
    x, y = as_number(a)[0], as_number(b)[0]
    if x is not None and y is not None:
        return math.isclose(x, y, rel_tol=question.rtol, abs_tol=question.atol)
    return type(a) is type(b) and bool(a == b)


def _set_equal(items, wanted, question) -> bool:
    if len(items) != len(wanted):
        return False
    if _all_numbers(items) and _all_numbers(wanted):
        got, want = sorted(map(float, items)), sorted(map(float, wanted))
        return all(math.isclose(g, w, rel_tol=question.rtol, abs_tol=question.atol)
                   for g, w in zip(got, want, strict=True))
    remaining = list(wanted)
    for item in items:
        match = next((k for k, w in enumerate(remaining) if _same_item(item, w, question)), None)
        if match is None:
            return False
        remaining.pop(match)
    return True


class TableQuestion(Question):
    """A question whose answer is a pandas DataFrame.

    The learner's table must have the expected columns (extra columns are
    ignored; a column held in the index is fine) and the same rows, in any order
    unless ``order_matters``. Numbers compare with ``rtol``/``atol`` whatever
    their dtype (int, float, nullable); dates compare as dates (text like
    ``"2024-03-20"`` is accepted); everything else compares as text.
    """

    def __init__(self, *, expected, rtol: float = 1e-6, atol: float = 0.0,
                 order_matters: bool = False, **common):
        super().__init__(expected=expected, **common)
        self.rtol = rtol
        self.atol = atol
        self.order_matters = order_matters

    def expects(self) -> str:
        try:
            table = self.expected()
            columns = ", ".join(f"`{c}`" for c in table.columns)
            return f"a DataFrame with {len(table)} rows and the columns {columns}"
        except Exception:
            return "a DataFrame"

    def _judge(self, value, expected) -> Feedback:
        import pandas as pd

        if _is_pandas(value, "Series"):
            return self.cannot_check("your answer is a Series (one column), not a table: "
                                     "`.reset_index()` or `.to_frame()` turns it into a DataFrame")
        if not isinstance(value, pd.DataFrame):
            return self.cannot_check(f"your answer is {_kind_of(value)}, not a DataFrame")
        columns = list(expected.columns)
        table = value
        if any(c not in table.columns for c in columns):
            table = value.reset_index()
        missing = [c for c in columns if c not in table.columns]
        if missing:
            return self.cannot_check(f"your table has no column `{missing[0]}`")
        if len(table) != len(expected):
            return self.cannot_check(f"your table has {len(table)} rows")
        got, want = _normalised(table[columns]), _normalised(expected[columns])
        if self.order_matters and _tables_equal(got, want, self):
            return self.correct()
        got, want = _sorted_rows(got), _sorted_rows(want)
        if _tables_equal(got, want, self):
            if not self.order_matters:
                return self.correct()
            return self.incorrect(value, "The right rows, but in the wrong order: sort them as "
                                         "the question asks (`.sort_values(...)`).")
        return self.incorrect(value, self._difference(got, want))

    def _difference(self, got, want) -> str:
        for column in want.columns:
            if not _columns_equal(got[column], want[column], self):
                slip = ""
                if got[column].dtype.kind == "f" and want[column].dtype.kind == "f":
                    slip = find_slip(got[column].to_numpy(), want[column].to_numpy(),
                                     self.rtol, self.atol)
                detail = f": its values are {slip}" if slip else " has values that differ."
                return f"Column `{column}`{detail}"
        return "Your table differs from the expected one."


def _normalised(table):
    """Return a copy where numbers are floats, dates are datetimes and the rest is text."""
    import pandas as pd

    columns = {}
    for name in table.columns:
        column = table[name]
        present = column.notna()
        if pd.api.types.is_bool_dtype(column):
            columns[name] = column.astype(str)
        elif pd.api.types.is_numeric_dtype(column):
            columns[name] = pd.to_numeric(column, errors="coerce").astype(float)
        elif pd.api.types.is_datetime64_any_dtype(column):
            columns[name] = _naive_datetimes(column)
        elif pd.to_numeric(column, errors="coerce").notna().sum() == present.sum() > 0:
            columns[name] = pd.to_numeric(column, errors="coerce").astype(float)
        elif present.any() and all(isinstance(v, str) for v in column[present]) and \
                pd.to_datetime(column, errors="coerce", format="ISO8601").notna().sum() \
                == present.sum():
            columns[name] = _naive_datetimes(pd.to_datetime(column, format="ISO8601"))
        else:
            columns[name] = column.astype(str).where(present, "<missing>").astype(object)
    return pd.DataFrame(columns).reset_index(drop=True)


def _naive_datetimes(column):
    if column.dt.tz is not None:
        column = column.dt.tz_convert(None)
    return column.astype("datetime64[ns]")


def _sorted_rows(table):
    return table.sort_values(list(table.columns), kind="stable").reset_index(drop=True)


def _columns_equal(a, b, question) -> bool:
    if a.dtype.kind == "f" and b.dtype.kind == "f":
        return bool(np.allclose(a.to_numpy(), b.to_numpy(), rtol=question.rtol,
                                atol=question.atol, equal_nan=True))
    if a.dtype.kind == "M" and b.dtype.kind == "M":
        return bool((a.isna() & b.isna() | (a == b)).all())
    if a.dtype.kind != b.dtype.kind:
        return False
    return bool((a == b).all())


def _tables_equal(got, want, question) -> bool:
    return all(_columns_equal(got[c], want[c], question) for c in want.columns)


class FunctionQuestion(Question):
    """A question whose answer is a function the learner writes.

    The check calls the learner's function on each of ``inputs`` (a tuple of
    positional arguments, or a dict of keyword arguments) and compares what it
    returns with what ``reference`` (the course's own function) returns for the
    same input: numbers with ``rtol``/``atol``, arrays element by element,
    anything else with ``==``. ``call`` shows how the function is called, e.g.
    ``"circular_speed_km_s(altitude_km)"``.

    An exception raised inside the learner's function is reported as theirs:
    its type and message, no traceback.
    """

    def __init__(self, *, reference, inputs, call: str = "", rtol: float = 1e-6,
                 atol: float = 0.0, **common):
        self.inputs = [_as_call(i) for i in inputs]
        super().__init__(expected=lambda: [reference(*a, **k) for a, k in self.inputs], **common)
        self.call = call
        self.rtol = rtol
        self.atol = atol

    def expects(self) -> str:
        shown = f" like `{self.call}`" if self.call else ""
        return f"a function{shown}: pass the function itself, its name without brackets"

    def _judge(self, function, expected) -> Feedback:
        if not callable(function):
            return self.cannot_check(f"your answer, {_show(function)}, is not a function")
        name = getattr(function, "__name__", "your function")
        results = []
        for (args, kwargs), want in zip(self.inputs, expected, strict=True):
            call = _call_text(name, args, kwargs)
            problem = _signature_problem(function, args, kwargs)
            if problem:
                return self.cannot_check(f"`{name}` {problem}, but this check calls `{call}`")
            try:
                got = function(*copy.deepcopy(args), **copy.deepcopy(kwargs))
            except Exception as error:
                if "____" in _names_used(function):
                    return _verdict(Outcome.NOT_ATTEMPTED, "Your function still contains `____`: "
                                                           "replace it with your code, run the cell, then check.")
                return self.cannot_check(
                    f"your function raised {_type_name(error)} when called as `{call}`: "
                    f"{_code(_first_line(error), limit=120)}"
                )
            if _contains_placeholder(got):
                return _verdict(Outcome.NOT_ATTEMPTED, "Your function still returns `____`: "
                                                       "replace it with your code, then check.")
            if got is None and want is not None:
                return self.cannot_check(f"`{call}` returned `None`: did you forget `return`?")
            results.append((call, got, want))
        for call, got, want in results:
            same, problem = _same_result(got, want, self)
            if problem:
                return self.cannot_check(f"`{call}` returned {problem}")
            if not same:
                return self.incorrect(function, self._difference(results, call, got, want))
        return self.correct()

    def _difference(self, results, call, got, want) -> str:
        numbers_got = [as_number(g)[0] for _, g, _ in results]
        numbers_want = [as_number(w)[0] for _, _, w in results]
        if None not in numbers_got and None not in numbers_want:
            slip = find_slip(numbers_got, numbers_want, self.rtol, self.atol)
            if slip:
                return f"What your function returns is {slip}"
            number, expected = as_number(got)[0], as_number(want)[0]
            return f"`{call}` returns {_show(got)}, which {_direction(number, expected)}."
        return f"`{call}` returns {_show(got)}, which is not what was expected."


def _as_call(inputs) -> tuple[tuple, dict]:
    if isinstance(inputs, dict):
        return (), dict(inputs)
    if isinstance(inputs, tuple):
        return inputs, {}
    return (inputs,), {}


def _call_text(name, args, kwargs) -> str:
    shown = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return f"{name}({', '.join(shown)})"


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else "(no message)"


def _names_used(function) -> set[str]:
    """Return the global names a function's code uses (nested code included)."""
    code = getattr(function, "__code__", None)
    names, stack = set(), [code] if code is not None else []
    while stack:
        current = stack.pop()
        names.update(current.co_names)
        stack.extend(c for c in current.co_consts if inspect.iscode(c))
    return names


def _signature_problem(function, args, kwargs) -> str:
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return ""
    try:
        signature.bind(*args, **kwargs)
    except TypeError:
        return f"takes {signature}"
    return ""


def _same_result(got, want, question) -> tuple[bool, str]:
    """Compare a function's result with the expected one: (same?, why it can't be compared)."""
    want_number = as_number(want)[0]
    if want_number is not None:
        number, problem = as_number(got)
        if number is None:
            return False, problem.replace("your answer is ", "")
        return math.isclose(number, want_number, rel_tol=question.rtol,
                            abs_tol=question.atol), ""
    if isinstance(want, np.ndarray | list | tuple) and np.asarray(want).dtype.kind in "iuf":
        array = np.asarray(got, dtype=float)
        if array.shape != np.shape(want):
            return False, f"an answer of shape {array.shape}, expected shape {np.shape(want)}"
        return bool(np.allclose(array, want, rtol=question.rtol, atol=question.atol)), ""
    return bool(got == want), ""


class ChoiceQuestion(Question):
    """A multiple-choice question, answered with a letter (``"B"``) or the option's text.

    ``options`` is a dict ``{"A": "text", ...}`` or a list (lettered A, B, C ...);
    ``answer`` is the right letter; ``explanations`` maps a wrong letter to what
    to say about it.

    >>> q = ChoiceQuestion(id="99.4", notebook="99", prompt="Which side?",
    ...                    options=["near side", "far side"], answer="B",
    ...                    explanations={"A": "Chang'e-5 landed on the near side; -6 did not."})
    >>> q.feedback("b"), q.feedback("Far side")
    (Correct, Correct)
    >>> q.feedback("A")
    Incorrect: Chang'e-5 landed on the near side; -6 did not.
    """

    def __init__(self, *, options, answer: str, explanations=None, **common):
        if not isinstance(options, dict):
            options = {chr(ord("A") + k): text for k, text in enumerate(options)}
        self.options = {letter.upper(): text for letter, text in options.items()}
        if answer.upper() not in self.options:
            raise ValueError(f"Question {common.get('id')}: answer {answer!r} is not an option.")
        super().__init__(expected=answer.upper(), **common)
        self.explanations = {k.upper(): v for k, v in (explanations or {}).items()}

    def expects(self) -> str:
        return f"one of the letters {', '.join(self.options)}, in quotes, e.g. `'A'`"

    def _judge(self, value, expected) -> Feedback:
        if not isinstance(value, str):
            return self.cannot_check(f"your answer, {_show(value)}, is not a letter")
        letter = _letter(value, self.options)
        if letter is None:
            return self.cannot_check(f"{_show(value)} is not one of the options")
        if letter == expected:
            return self.correct()
        return self.incorrect(letter, self.explanations.get(letter, f"{letter} is not the answer."))


def _normal(text: str) -> str:
    return " ".join(str(text).split()).strip("().").strip().casefold()


def _letter(answer: str, options: dict) -> str | None:
    for letter, text in options.items():
        if _normal(answer) in (letter.casefold(), _normal(text)):
            return letter
    return None


class PlotQuestion(Question):
    """A question about a plot: the learner passes the matplotlib Axes (or its Figure).

    ``xlabel_has`` / ``ylabel_has`` list words the axis labels must contain (case
    doesn't matter); an entry may be a tuple of alternatives, e.g.
    ``("km", "kilometre")``. ``needs_title`` asks for a title; ``needs_data``
    (default) for something drawn.
    """

    def __init__(self, *, xlabel_has=(), ylabel_has=(), needs_title=False, needs_data=True,
                 **common):
        super().__init__(**common)
        self.xlabel_has = [w if isinstance(w, tuple) else (w,) for w in xlabel_has]
        self.ylabel_has = [w if isinstance(w, tuple) else (w,) for w in ylabel_has]
        self.needs_title = needs_title
        self.needs_data = needs_data

    def expects(self) -> str:
        return "the plot's Axes, e.g. `ax` from `fig, ax = plt.subplots()`"

    def _judge(self, value, expected) -> Feedback:
        axes = _axes_of(value)
        if axes is None:
            return self.cannot_check(f"your answer, {_show(value)}, is not a matplotlib Axes")
        if self.needs_data and not (axes.lines or axes.collections or axes.patches
                                    or axes.images or axes.containers):
            return self.incorrect(axes, "Nothing is drawn on these axes yet.")
        for axis, label, wanted in (("x", axes.get_xlabel(), self.xlabel_has),
                                    ("y", axes.get_ylabel(), self.ylabel_has)):
            if wanted and not label.strip():
                return self.incorrect(axes, f"The {axis} axis has no label: add one with units, "
                                            f"e.g. `ax.set_{axis}label(...)`.")
            for words in wanted:
                if not any(word.casefold() in label.casefold() for word in words):
                    return self.incorrect(axes, f"The {axis} axis label, {_show(label)}, should "
                                                f"mention {_show(words[0])} (the unit or quantity).")
        if self.needs_title and not axes.get_title().strip():
            return self.incorrect(axes, "The plot has no title: say what it shows with "
                                        "`ax.set_title(...)`.")
        return self.correct()


def _axes_of(value):
    if "matplotlib" not in sys.modules:
        return None
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if isinstance(value, Figure) and len(value.axes) == 1:
        return value.axes[0]
    return value if isinstance(value, Axes) else None


# --------------------------------------------------------------------------- NameError


def _friendly_name_error(shell, etype, value, tb, tb_offset=None):
    """IPython handler: a NameError on a ``.check(`` line becomes one plain sentence.

    The cell still counts as failed (so "Run all" stops there). Under
    ``COURSE_STRICT`` the usual traceback is shown instead, because nbval only
    notices errors that print one.
    """
    frames = traceback.extract_tb(tb)
    line = frames[-1].line if frames else ""
    name = getattr(value, "name", None)
    if name and ".check(" in (line or "") and not _strict_mode():
        _display(_verdict(Outcome.NOT_ATTEMPTED, (
            f"`{name}` isn't defined yet: run the cell where you set it, "
            "or write your answer there first."
        )))
        return None
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    return None


def install_name_error_handler(shell) -> bool:
    """Make ``q.check(answer)`` with an undefined ``answer`` say so in one sentence.

    Installs a custom IPython exception handler for ``NameError`` unless the shell
    already has one. Returns whether it was installed.
    """
    if shell is None or shell.custom_exceptions:
        return False
    shell.set_custom_exc((NameError,), _friendly_name_error)
    return True


def _ipython_shell():
    if "IPython" not in sys.modules:
        return None
    from IPython import get_ipython

    return get_ipython()


install_name_error_handler(_ipython_shell())
