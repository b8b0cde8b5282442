"""Run each notebook edition in its exercise mode, and keep tests away from the learner's progress.

``make test`` builds the student edition into ``build/student`` and pytest (nbval)
runs both it and ``notebooks/``. nbval starts one kernel per notebook, and the
kernel inherits this process's environment, so setting ``COURSE_STRICT`` just
before a notebook's first cell decides the mode (see ``helpers/exercises.py``):

- ``notebooks/`` (the full edition): ``COURSE_STRICT=1``, a check that is
  incorrect or can't check fails the cell, so every solution must pass its own check;
- ``build/student/``: ``COURSE_STRICT=student``, a check that says anything but
  "not attempted" fails the cell, so no answer is left in the student edition.

Every test process writes progress to a temporary file (``COURSE_PROGRESS_FILE``),
never to the learner's own ``~/.local/share/china-space-course/progress.json``.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

# Start-up: nbval imports nbformat, which imports jsonschema, which builds the URI grammar of
# the optional rfc3987_syntax package at import (about 0.9 s of CPU in each pytest process).
# Notebook schemas use no IRI formats, so block that import before nbval loads: pyproject's
# addopts say `-p no:nbval`, and nbval comes back here, after this line has run.
sys.modules.setdefault("rfc3987_syntax", None)
pytest_plugins = ["nbval.plugin"]

STUDENT_EDITION = Path(__file__).resolve().parent / "build" / "student"


def pytest_configure(config):
    folder = tempfile.mkdtemp(prefix="course-progress-")
    os.environ["COURSE_PROGRESS_FILE"] = os.path.join(folder, "progress.json")
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    path = Path(str(item.path)).resolve()
    if path.suffix != ".ipynb":
        os.environ.pop("COURSE_STRICT", None)
    elif STUDENT_EDITION in path.parents:
        os.environ["COURSE_STRICT"] = "student"
    else:
        os.environ["COURSE_STRICT"] = "1"
