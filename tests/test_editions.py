"""helpers.editions: the student edition keeps no solution, the answer key is the notebook minus outputs,
solution cells are checked for well-formedness, and both editions run in their exercise mode."""

import doctest
import json
import os

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers import course, editions

NBGRADER = {"solution": True, "grade": False, "locked": False, "schema_version": 3}


def solution_cell(source, grade_id, **metadata):
    metadata = {"tags": ["solution"], "nbgrader": {**NBGRADER, "grade_id": grade_id}, **metadata}
    return new_code_cell(source, metadata=metadata)


def example_notebook(answer="6 * 7"):
    """A small notebook in the course's exercise style: question, answer cell, check, hint."""
    check = new_code_cell("q1.check(answer)")
    check.outputs = [new_output("stream", name="stdout", text="Correct\n")]
    check.execution_count = 3
    return new_notebook(cells=[
        new_markdown_cell("**Exercise 99.1** What is six times seven?"),
        new_code_cell("from helpers.exercises import ____, NumberQuestion, FunctionQuestion\n"
                      "q1 = NumberQuestion(id='99.1', notebook='99', prompt='6 x 7', expected=lambda: 6 * 7,\n"
                      "                    hints=['Multiply.'])\n"
                      "q2 = FunctionQuestion(id='99.2', notebook='99', prompt='double', reference=lambda x: 2 * x,\n"
                      "                      inputs=[1, 2.5])"),
        solution_cell(f"answer = ____  # replace ____ with your answer\n"
                      f"### BEGIN SOLUTION\nanswer = {answer}\n### END SOLUTION", "nb99-answer"),
        check,
        new_code_cell("q1.hint()"),
        new_markdown_cell("The answer is 42 because six sevens make forty-two.", metadata={"tags": ["solution"]}),
        solution_cell("def double(x):\n    return ____\n    ### BEGIN SOLUTION\n    return x * 2\n"
                      "    ### END SOLUTION", "nb99-double"),
        new_code_cell("q2.check(double)"),
    ])


def test_student_source_removes_every_solution_region_and_keeps_the_placeholder():
    source = "x = ____  # your answer\n### BEGIN SOLUTION\nx = 42\n### END SOLUTION\ny = 1\n" \
             "  ### BEGIN SOLUTION\n  z = 2\n  ### END SOLUTION"
    assert editions.student_source(source) == "x = ____  # your answer\ny = 1"


@pytest.mark.parametrize("source", ["### BEGIN SOLUTION\nx = 1", "x = 1\n### END SOLUTION",
                                    "### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION"])
def test_unpaired_markers_stop_the_build_rather_than_leak(source):
    with pytest.raises(ValueError, match="SOLUTION"):
        editions.student_source(source)


def test_student_notebook_has_no_solution_and_keeps_questions_and_hints():
    source = example_notebook()
    student = editions.student_notebook(source)
    text = "\n".join(cell.source for cell in student.cells)
    for line in editions.solution_lines(source):
        assert line not in text
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text
    assert "forty-two" not in text  # the markdown solution is dropped
    assert "answer = ____  # replace ____ with your answer" in text and "q1.hint()" in text
    assert all(cell.outputs == [] and cell.execution_count is None for cell in student.cells
               if cell.cell_type == "code")
    assert source.cells[3].outputs, "the source notebook itself is left alone"


def test_a_solution_cell_without_markers_is_emptied_in_the_student_edition():
    source = new_notebook(cells=[solution_cell("answer = 42", "whole")])
    assert editions.student_notebook(source).cells[0].source == "# Write your code here."


def test_answer_key_is_the_source_minus_outputs():
    source = example_notebook()
    key = editions.key_notebook(source)
    assert [c.source for c in key.cells] == [c.source for c in source.cells]
    assert [c.metadata for c in key.cells] == [c.metadata for c in source.cells]
    assert key.cells[3].outputs == [] and key.cells[3].execution_count is None


def test_well_formed_solution_cells_have_no_problems():
    assert editions.solution_cell_problems(example_notebook()) == []


@pytest.mark.parametrize(("cell", "problem"), [
    (new_code_cell("x = ____\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION",
                   metadata={"nbgrader": {**NBGRADER, "grade_id": "b"}}), "no 'solution' tag"),
    (solution_cell("x = 1", "a"), "has no ### BEGIN SOLUTION"),
    (solution_cell("x = ____\n### BEGIN SOLUTION\nx = 1", "a"), "never closed"),
    (solution_cell("### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "a"), "no placeholder ____"),
    (new_code_cell("x = ____\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION", metadata={"tags": ["solution"]}),
     "no nbgrader metadata"),
    (solution_cell("x = ____\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "c",
                   nbgrader={"solution": True, "grade_id": "c"}),
     "wrong or missing: grade, locked, schema_version"),
    (new_markdown_cell("### BEGIN SOLUTION\nIt is 42\n### END SOLUTION"), "markers in a markdown cell"),
    (solution_cell("x = ____\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "nb99-answer"), "used twice"),
])
def test_each_malformed_solution_cell_is_named(cell, problem):
    notebook = example_notebook()
    notebook.cells.append(cell)
    problems = editions.solution_cell_problems(notebook)
    assert len(problems) == 1 and problem in problems[0], problems


def test_build_writes_both_editions_and_the_course_map(tmp_path):
    source_path = tmp_path / "99_example.ipynb"
    nbformat.write(example_notebook(), source_path)
    for edition in editions.EDITIONS:
        written = editions.build(edition, tmp_path / edition, [source_path])
        assert written == [tmp_path / edition / "99_example.ipynb"]
        assert json.loads((tmp_path / edition / "course.json").read_text()) == json.loads(course.MANIFEST.read_text())
    student_text = (tmp_path / "student" / "99_example.ipynb").read_text()
    assert "answer = 6 * 7" not in student_text and "answer = 6 * 7" in (tmp_path / "key/99_example.ipynb").read_text()
    with pytest.raises(ValueError, match="Unknown edition"):
        editions.build("teacher", tmp_path / "x", [source_path])


def test_command_line_builds_the_ready_notebooks(tmp_path, capsys):
    assert course.main(["student", str(tmp_path / "student")]) == 0
    assert f"Wrote the student edition of {len(course.ready_notebooks())} notebooks" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "student").glob("*.ipynb")) == \
        sorted(p.name for p in course.ready_notebooks())


def run(notebook, strict, tmp_path):
    """Execute a notebook in a fresh kernel, as nbval does, in exercise mode ``strict``."""
    os.environ["COURSE_STRICT"] = strict
    try:
        NotebookClient(notebook, timeout=60, kernel_name="python3",
                       resources={"metadata": {"path": str(tmp_path)}}).execute()
    finally:
        os.environ.pop("COURSE_STRICT")
    return [output.get("text") or output.get("data", {}).get("text/plain", "")
            for cell in notebook.cells for output in cell.get("outputs", [])]


def test_both_editions_run_in_their_mode_and_a_wrong_solution_fails_strict(tmp_path):
    student = run(editions.student_notebook(example_notebook()), "student", tmp_path)
    assert [line for line in student if line.startswith("Not attempted")] == [
        "Not attempted yet: Replace `____` with your answer in the cell above, run it, then run this check again.",
        "Not attempted yet: Your function still returns `____`: replace it with your code, then check."]
    with pytest.raises(CellExecutionError, match="COURSE_STRICT=1: question 99.1 says Incorrect"):
        run(editions.key_notebook(example_notebook(answer="6 * 8")), "1", tmp_path)


@pytest.mark.parametrize("path", course.ready_notebooks(), ids=lambda p: p.name)
def test_ready_notebooks_solution_cells_are_well_formed_and_never_reach_students(path, tmp_path):
    source = nbformat.read(path, as_version=4)
    assert editions.solution_cell_problems(source) == []
    student = nbformat.read(editions.build("student", tmp_path, [path])[0], as_version=4)
    student_text = "\n".join(cell.source for cell in student.cells)
    outside = {line.strip() for cell in source.cells for line in editions.split_source(cell.source)[0].splitlines()}
    leaked = [line for line in editions.solution_lines(source) if line not in outside and line in student_text]
    assert leaked == [], f"{path.name}: solution lines in the student edition: {leaked}"
    key = editions.key_notebook(source)
    assert [c.source for c in key.cells] == [c.source for c in source.cells]


def test_docstring_examples_run():
    result = doctest.testmod(editions)
    assert result.attempted >= 1 and result.failed == 0
