"""Teacher editions of the notebooks: a student edition without solutions, and an answer key.

How solutions are marked in the notebooks (the nbgrader convention, so the same
notebooks also work with nbgrader): a solution cell is a code cell tagged
``solution`` in its metadata *and* carrying nbgrader metadata::

    {"tags": ["solution"],
     "nbgrader": {"solution": true, "grade": false, "locked": false,
                  "grade_id": "nb01-launches-2024", "schema_version": 3}}

The learner's placeholder line stays outside the markers; the solution goes
between them::

    launches_2024 = ____   # replace ____ with your answer
    ### BEGIN SOLUTION
    launches_2024 = int(per_year.loc[2024])
    ### END SOLUTION

The student edition removes every region from ``### BEGIN SOLUTION`` to
``### END SOLUTION`` (markers included), empties a code cell tagged ``solution``
that has no markers, and drops markdown cells tagged ``solution``; the
placeholder, the question and its hints stay. The answer key
is the notebooks as they are. Both are written with outputs cleared, next to a
copy of ``course.json`` and any other files in ``notebooks/`` (images)::

    python -m helpers.course student OUTDIR     # e.g. build/student
    python -m helpers.course key OUTDIR         # e.g. build/key

Example
-------
>>> print(student_source("x = ____\\n### BEGIN SOLUTION\\nx = 42\\n### END SOLUTION"))
x = ____
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

SOLUTION_TAG = "solution"
BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
EDITIONS = ("student", "key")
NBGRADER_SOLUTION = {"solution": True, "grade": False, "locked": False, "schema_version": 3}


def _marker(line: str) -> str:
    stripped = line.strip()
    if stripped.startswith(BEGIN):
        return BEGIN
    if stripped.startswith(END):
        return END
    return ""


def marker_problems(source: str) -> list[str]:
    """Return what is wrong with a cell's solution markers (unpaired, nested, out of order)."""
    problems, inside = [], False
    for number, line in enumerate(source.splitlines(), start=1):
        marker = _marker(line)
        if marker == BEGIN and inside:
            problems.append(f"line {number}: {BEGIN} inside another solution")
        elif marker == END and not inside:
            problems.append(f"line {number}: {END} without a {BEGIN} before it")
        if marker:
            inside = marker == BEGIN
    if inside:
        problems.append(f"{BEGIN} is never closed by {END}")
    return problems


def split_source(source: str) -> tuple[str, list[str]]:
    """Split a cell into (what the student keeps, the solution lines between the markers)."""
    kept, solution, inside = [], [], False
    for line in source.splitlines():
        marker = _marker(line)
        if marker:
            inside = marker == BEGIN
        elif inside:
            solution.append(line)
        else:
            kept.append(line)
    return "\n".join(kept).rstrip(), solution


def student_source(source: str) -> str:
    """Return a code cell's source with every solution region (markers included) removed.

    Raises ``ValueError`` if the markers are not paired, rather than risk leaving
    a solution in the student edition.
    """
    problems = marker_problems(source)
    if problems:
        raise ValueError("; ".join(problems))
    return split_source(source)[0]


def _is_solution(cell) -> bool:
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def clear_outputs(notebook):
    """Return a copy of a notebook (an nbformat node) with outputs and execution counts removed."""
    cleared = copy.deepcopy(notebook)
    for cell in cleared.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.get("metadata", {}).pop("execution", None)
    cleared.metadata.pop("widgets", None)
    return cleared


def student_notebook(notebook):
    """Return the student edition of a notebook: solutions removed, outputs cleared."""
    student = clear_outputs(notebook)
    cells = []
    for cell in student.cells:
        if cell.cell_type == "markdown" and _is_solution(cell):
            continue
        if cell.cell_type == "code":
            has_markers = any(_marker(line) for line in cell.source.splitlines())
            if _is_solution(cell) and not has_markers:  # the whole cell is the solution
                cell.source = "# Write your code here."
            cell.source = student_source(cell.source)
        cells.append(cell)
    student.cells = cells
    return student


def key_notebook(notebook):
    """Return the answer key of a notebook: the notebook as it is, outputs cleared."""
    return clear_outputs(notebook)


def solution_cell_problems(notebook) -> list[str]:
    """Return what is wrong with a notebook's solution cells; an empty list means all is well.

    ``notebook`` is an nbformat node or a path. Checks that every code cell with
    markers is tagged ``solution`` and every code cell tagged ``solution`` has
    markers; that the markers are paired; that the nbgrader metadata is there
    (solution true, grade false, locked false, schema 3, a ``grade_id`` used once);
    and that the learner's part still contains the placeholder ``____``.
    """
    import nbformat

    if not hasattr(notebook, "cells"):
        notebook = nbformat.read(notebook, as_version=4)
    problems, grade_ids = [], set()
    for number, cell in enumerate(notebook.cells, start=1):
        where = f"cell {number} ({cell.get('id', 'no id')})"
        if cell.cell_type != "code":
            if BEGIN in cell.source or END in cell.source:
                problems.append(f"{where}: solution markers in a {cell.cell_type} cell")
            continue
        has_markers = any(_marker(line) for line in cell.source.splitlines())
        if not has_markers and not _is_solution(cell):
            continue
        if not _is_solution(cell):
            problems.append(f"{where}: has solution markers but no '{SOLUTION_TAG}' tag")
        if not has_markers:
            problems.append(f"{where}: tagged '{SOLUTION_TAG}' but has no {BEGIN} / {END}")
        problems += [f"{where}: {p}" for p in marker_problems(cell.source)]
        nbgrader = cell.get("metadata", {}).get("nbgrader", {})
        if not nbgrader:
            problems.append(f"{where}: no nbgrader metadata; add {NBGRADER_SOLUTION} and a grade_id")
            continue
        wrong = [k for k, v in NBGRADER_SOLUTION.items() if nbgrader.get(k) != v]
        if wrong:
            problems.append(f"{where}: nbgrader metadata needs {NBGRADER_SOLUTION} "
                            f"(wrong or missing: {', '.join(wrong)})")
        grade_id = nbgrader.get("grade_id")
        if not isinstance(grade_id, str) or not grade_id:
            problems.append(f"{where}: nbgrader metadata has no grade_id")
        elif grade_id in grade_ids:
            problems.append(f"{where}: grade_id {grade_id!r} is used twice")
        grade_ids.add(grade_id)
        if has_markers and "____" not in split_source(cell.source)[0]:
            problems.append(f"{where}: the part outside the markers has no placeholder ____, "
                            "so the student edition would not say 'not attempted'")
    return problems


def solution_lines(notebook) -> list[str]:
    """Return the stripped, non-blank lines between solution markers in a notebook."""
    lines = []
    for cell in notebook.cells:
        if cell.cell_type == "code":
            lines += [line.strip() for line in split_source(cell.source)[1] if line.strip()]
    return lines


def build(edition: str, outdir: Path, notebook_paths=None) -> list[Path]:
    """Write the ``"student"`` or ``"key"`` edition of the ready notebooks to ``outdir``.

    Also copies ``course.json`` and the other files in ``notebooks/`` (not the
    notebooks that are not ready). Returns the notebooks written.
    """
    import nbformat

    from helpers import course

    if edition not in EDITIONS:
        raise ValueError(f"Unknown edition {edition!r}: choose one of {', '.join(EDITIONS)}.")
    make = student_notebook if edition == "student" else key_notebook
    paths = course.ready_notebooks() if notebook_paths is None else list(notebook_paths)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for extra in course.NOTEBOOK_DIR.iterdir():
        if extra.suffix == ".ipynb" or extra.name.startswith(".") or extra.name == "__pycache__":
            continue
        if extra.is_dir():
            shutil.copytree(extra, outdir / extra.name, dirs_exist_ok=True)
        else:
            shutil.copy2(extra, outdir / extra.name)
    written = []
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        try:
            result = make(notebook)
        except ValueError as error:
            raise ValueError(f"{Path(path).name}: {error}") from None
        target = outdir / Path(path).name
        nbformat.write(result, target)
        written.append(target)
    return written
