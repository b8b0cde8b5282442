"""helpers.progress: where the file lives, atomic and concurrent-safe writes, damaged files, the progress table."""

import doctest
import json
import os
import subprocess
import sys
import textwrap
import time
import types

import pytest

from helpers import progress, questions
from helpers.exercises import NumberQuestion


@pytest.fixture
def progress_file(monkeypatch, tmp_path):
    path = tmp_path / "progress.json"
    monkeypatch.setenv("COURSE_PROGRESS_FILE", str(path))
    return path


def test_a_record_holds_notebook_question_outcome_and_utc_time(progress_file):
    assert progress.record("01", "01.1", "incorrect") is True
    assert progress.record("01", "01.1", "correct") is True
    saved = json.loads(progress_file.read_text(encoding="utf-8"))
    assert saved["format"] == 1
    assert [(r["notebook"], r["question"], r["outcome"]) for r in saved["checks"]] == [
        ("01", "01.1", "incorrect"), ("01", "01.1", "correct")]
    assert saved["checks"][0]["time"].endswith("+00:00")
    assert progress.done(progress.load()) == {("01", "01.1")}


def test_default_place_is_under_the_users_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSE_PROGRESS_FILE", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert progress.progress_path() == tmp_path / ".local/share/china-space-course/progress.json"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert progress.progress_path() == tmp_path / "data/china-space-course/progress.json"


def test_falls_back_to_a_temporary_folder_when_home_cannot_be_written(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.delenv("COURSE_PROGRESS_FILE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(progress.tempfile, "tempdir", None)
    path = progress.progress_path()
    assert path.parent.parent == tmp_path / "tmp" and path.parent.name.startswith("china-space-course-")


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_files(progress_file, monkeypatch, capsys):
    progress.record("01", "01.1", "correct")
    before = progress_file.read_bytes()

    def killed_mid_write(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(progress.os, "replace", killed_mid_write)
    assert progress.record("01", "01.2", "correct") is False
    assert "Your progress could not be saved: disk full" in capsys.readouterr().out
    assert progress_file.read_bytes() == before
    assert sorted(p.name for p in progress_file.parent.iterdir()) == ["progress.json", "progress.json.lock"]


@pytest.mark.parametrize("damage", ['{"checks": [', "not json at all", '{"checks": "oops"}', "[1, 2]",
                                    '{"checks": [{"notebook": "01"}]}'])
def test_a_damaged_file_is_set_aside_and_a_fresh_one_started(progress_file, capsys, damage):
    progress_file.write_text(damage, encoding="utf-8")
    assert progress.record("02", "02.1", "correct") is True
    assert "Your progress file was damaged; it is kept as" in capsys.readouterr().out
    aside = list(progress_file.parent.glob("progress.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == damage
    assert [r["question"] for r in progress.load()] == ["02.1"]


def test_progress_never_makes_a_check_fail(monkeypatch, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("COURSE_PROGRESS_FILE", str(blocker / "progress.json"))  # inside a file: cannot write
    question = NumberQuestion(id="99.1", notebook="99", prompt="p", expected=3)
    question.check(3)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Correct"
    assert out[1].startswith("(Your progress could not be saved") and len(out) == 2


def test_two_processes_writing_at_once_lose_nothing(progress_file):
    writes = 300
    script = textwrap.dedent(f"""
        import sys
        from helpers import progress
        for k in range({writes}):
            assert progress.record("99", f"{{sys.argv[1]}}-{{k}}", "correct")
    """)
    started = time.monotonic()
    workers = [subprocess.Popen([sys.executable, "-c", script, name], env=os.environ.copy()) for name in "ab"]
    assert [w.wait(timeout=60) for w in workers] == [0, 0]
    assert time.monotonic() - started < 10
    recorded = [r["question"] for r in progress.load()]
    assert len(recorded) == 2 * writes
    for name in "ab":
        assert [q for q in recorded if q.startswith(name)] == [f"{name}-{k}" for k in range(writes)]


def test_course_table_counts_each_notebooks_exercises_done(course_with_bank):
    progress.record("99", "99.1", "incorrect")
    progress.record("99", "99.1", "correct")
    progress.record("99", "99.3", "correct")
    progress.record("99", "99.3", "incorrect")  # done once is done
    progress.record("99", "99.4", "incorrect")
    table = progress.show()
    assert table.title == "Your progress: 2 of 7 exercises done"
    assert table.rows == [["98", "Planned one", "planned", ""], ["99", "Example", "2 of 7", "███░░░░░░░"]]
    assert "| 99 | Example | 2 of 7 | ███░░░░░░░ |" in table._repr_markdown_()
    assert repr(table).splitlines()[2].split() == ["98", "Planned", "one", "planned"]


def test_notebook_table_shows_each_question(course_with_bank):
    progress.record("99", "99.1", "correct")
    progress.record("99", "99.4", "incorrect")
    progress.record("99", "99.5", "not attempted")
    table = progress.show(99)
    assert table.title == "Notebook 99: 1 of 7 exercises done"
    status = {row[0]: row[2] for row in table.rows}
    assert status["99.1"] == "✓ done" and status["99.4"] == "tried, not right yet"
    assert status["99.5"] == "not tried yet" and len(status) == 7
    assert table.rows[0][1] == "Tiangong's orbital speed at 390 km"


def test_check_is_recorded_and_shown(course_with_bank, capsys):
    course_with_bank.q6.check("B")
    capsys.readouterr()
    assert progress.show("99").rows[5][2] == "✓ done"


def test_bank_lists_questions_in_order_and_reports_problems(course_with_bank, monkeypatch):
    assert [q.id for q in questions.bank("99")] == [f"99.{k}" for k in range(1, 8)]
    assert questions.bank("97") == []
    assert questions.bank_problems("99") == []
    broken = types.ModuleType("helpers.questions.nb96")
    broken.a = NumberQuestion(id="96.1", notebook="96", prompt="p", expected=1, hints=["h"], solution="x = 1")
    broken.b = NumberQuestion(id="96.1", notebook="96", prompt="p", expected=1)
    monkeypatch.setitem(sys.modules, "helpers.questions.nb96", broken)
    assert questions.bank_problems("96") == ["96.1: the id is used twice", "96.1: no hints", "96.1: no solution"]


def test_docstring_examples_run():
    for module in (progress, questions):
        result = doctest.testmod(module)
        assert result.attempted >= 1 and result.failed == 0, module.__name__
