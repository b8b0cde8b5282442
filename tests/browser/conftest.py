"""Fixtures for the browser test: one JupyterLab server and one headless Chromium per session.

Chromium is Debian's (``/usr/bin/chromium``), driven by Python Playwright through
``executable_path``; Playwright's own browser download is never used (it cannot
download here). Where Chromium is missing the tests are skipped with a message that
says how to install it, except under CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest

from helpers import course

from .lab_server import start_lab

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")

# The network is closed: without these, Chromium tries Google's services at every
# start and logs refused connections. --no-sandbox because CI runs as root.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

SCREENSHOT_DIR = course.ROOT / "build" / "browser-screenshots"

HOW_TO_ENABLE = (
    "Install Debian's Chromium with `sudo apt-get install chromium`, or run `make system-deps` as root "
    "(`make test` does that when it can), then run `make test-browser`."
)


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: opens the notebooks in JupyterLab in headless Chromium")


def find_chromium() -> str | None:
    """Return the path of a Chromium executable, or None if there is none."""
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


class BrowserTestNotRun(UserWarning):
    """Warns that the browser test was skipped (a skip reason alone is hidden unless pytest gets -rs)."""


def missing_browser(reason: str):
    """Skip with instructions, and say so in the warnings summary; under CI (CI=true), fail instead."""
    message = f"Browser test not run: {reason}. {HOW_TO_ENABLE}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: a missing browser is a failure.)", pytrace=False)
    warnings.warn(message, BrowserTestNotRun, stacklevel=2)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        missing_browser("Chromium is not installed (looked for " + ", ".join(CHROMIUM_CANDIDATES) + ")")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    """One headless Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_browser("Python Playwright is not installed (it comes with `pip install -e '.[test]'`)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser):
    """One browser context (cookies, cache) for the session, so JupyterLab loads from cache after the first page."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="session")
def lab_root(tmp_path_factory) -> Path:
    """The folder JupyterLab serves: ``course/`` holds a copy of the repository's notebooks.

    A copy, so autosave never writes outputs into the repository. The notebooks find
    the data and the course map through the installed ``helpers`` package, not by
    relative paths, so the copy needs nothing else beside it.
    """
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copytree(course.NOTEBOOK_DIR, root / "course", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return root


@pytest.fixture(scope="session")
def progress_file(tmp_path_factory) -> Path:
    """The progress file the notebooks' kernels write (``COURSE_PROGRESS_FILE``), not the real learner's."""
    return tmp_path_factory.mktemp("progress") / "progress.json"


@pytest.fixture(scope="session")
def lab(lab_root, tmp_path_factory, chromium_path, progress_file):
    """One JupyterLab server for the whole session, stopped with all its kernels at the end.

    Depends on ``chromium_path`` so that, without a browser, no server is started at all.
    """
    state_dir = tmp_path_factory.mktemp("lab-state")
    learner = {
        "COURSE_PROGRESS_FILE": str(progress_file),
        "COURSE_STRICT": None,  # checks behave as they do for a learner, not as under nbval
    }
    server = start_lab(root_dir=lab_root, state_dir=state_dir, environment_overrides=learner)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where each notebook's screenshot goes (``build/browser-screenshots/``, ignored by git)."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
