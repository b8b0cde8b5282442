"""A pytest plugin for the benchmark: when each test phase started and stopped, and on which worker.

``bench_course.time_test_suite`` loads it with ``-p pytest_clock`` (``bench/`` on
``PYTHONPATH``) and reads the file named by ``BENCH_CLOCK_FILE``: a JSON object
``{"marks": {"configured", "session_finished", "summary_started", "summary_done",
"unconfigured"}, "reports": [{"nodeid",
"when", "worker", "start", "stop"}, ...]}``, all times in epoch seconds. With pytest-xdist
the reports reach the main process, which alone writes the file.
"""

from __future__ import annotations

import json
import os
import time

import pytest

REPORTS: list[dict] = []
MARKS: dict[str, float] = {}


def _is_main(config) -> bool:
    return not hasattr(config, "workerinput")


def pytest_configure(config):
    """Mark when pytest and every plugin are imported and configured."""
    MARKS["configured"] = time.time()


def pytest_runtest_logreport(report):
    """Record every phase (setup, call, teardown) of every test."""
    node = getattr(report, "node", None)
    worker = node.gateway.id if node is not None else "main"
    REPORTS.append({"nodeid": report.nodeid, "when": report.when, "worker": worker,
                    "start": report.start, "stop": report.stop})


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session):
    """Mark when the tests are done (xdist workers have stopped) and the summary starts."""
    MARKS["session_finished"] = time.time()


@pytest.hookimpl(hookwrapper=True)
def pytest_terminal_summary(terminalreporter):
    """Mark the terminal summary (every plugin's), which runs once the xdist workers have exited."""
    MARKS["summary_started"] = time.time()
    yield
    MARKS["summary_done"] = time.time()


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Write the marks and reports, from the main process only."""
    path = os.environ.get("BENCH_CLOCK_FILE")
    if path and _is_main(config):
        MARKS["unconfigured"] = time.time()
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"marks": MARKS, "reports": REPORTS}, handle)
