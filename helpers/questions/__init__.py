"""Question banks: the exercises of each notebook, one module per notebook.

``helpers/questions/nb01.py`` holds notebook 01's questions, declared with the
question types of :mod:`helpers.exercises` (one module-level name per question,
in the order the notebook asks them)::

    from helpers.exercises import NumberQuestion
    q1 = NumberQuestion(id="01.1", notebook="01", prompt="Launches in 2024", expected=..., ...)

A notebook uses its bank as ``from helpers.questions import nb01 as q`` and
checks with ``q.q1.check(launches_2024)``. :func:`bank` lists a notebook's
questions (the progress table uses it to count them) and :func:`bank_problems`
says what is wrong with a bank, for the tests.
"""

from __future__ import annotations

import importlib


def bank(notebook: str | int) -> list:
    """Return the questions of ``notebook`` ("01"), in the order they are declared.

    A notebook without a bank module has no questions: ``[]``.

    >>> bank("98")
    []
    """
    from helpers.exercises import Question

    name = f"{__name__}.nb{str(notebook).zfill(2)}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name == name:
            return []
        raise
    unique = {id(value): value for value in vars(module).values() if isinstance(value, Question)}
    return list(unique.values())


def bank_problems(notebook: str | int) -> list[str]:
    """Return what is wrong with a notebook's bank: ids repeated or from another notebook,
    questions without hints or solution. An empty list means the bank is fine."""
    number = str(notebook).zfill(2)
    problems, seen = [], set()
    for question in bank(number):
        if question.notebook != number or not question.id.startswith(number + "."):
            problems.append(f"{question.id}: belongs to notebook {question.notebook}, not {number}")
        if question.id in seen:
            problems.append(f"{question.id}: the id is used twice")
        seen.add(question.id)
        if not question.hints:
            problems.append(f"{question.id}: no hints")
        if not question.solution_code:
            problems.append(f"{question.id}: no solution")
    return problems
