"""Every ready notebook, opened the way a learner opens it: JupyterLab in a real browser.

nbval proves the Python runs; only a browser shows whether the widgets render (a
mismatch between ipywidgets and its JupyterLab extension shows only on the page, as
"Error displaying widget" or "Loading widget..."). For each notebook that
``helpers.course.ready_notebooks()`` lists, the test opens it in JupyterLab in
headless Chromium, waits for a kernel that is really idle, runs all cells, checks the
page, saves a screenshot in ``build/browser-screenshots/`` and moves one widget with
the mouse and keyboard, checking the number the widget then shows against the data.
It also builds the student edition and checks that its exercise checks say "Not attempted yet".

Run it alone with ``make test-browser``. Playwright is imported inside the functions
that use it, so that without it this module still loads and the fixtures can say how
to get it (see conftest.py).
"""

from __future__ import annotations

import contextlib
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import course, data, progress
from helpers.constants import DAY_S, G0_M_S2, GM_EARTH_KM3_S2, R_EARTH_KM
from helpers.exercises import LABELS, Outcome

pytestmark = pytest.mark.browser

NOTEBOOKS = course.ready_notebooks()
STUDENT_EDITION_NOTEBOOK = "00_start_here.ipynb"

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
BROKEN_WIDGET_TEXTS = ("Error displaying widget", "model not found", "Loading widget")
VIEWPORT = {"width": 1280, "height": 900}
TALLEST_SCREENSHOT_PX = 30000
KERNEL_READY_S = 60
RUN_ALL_S = 90
WIDGET_ANSWER_S = 15

# Wait for the app, the notebook's panel, its session and a kernel that has answered
# kernel_info and reports idle (right after the kernel-ready promise its status is still
# "unknown"; Run All sent then does nothing). Resolves with the kernel's name.
WAIT_FOR_KERNEL_JS = """
async ([path, timeoutMs]) => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const ready = (async () => {
    const app = window.jupyterapp;
    await app.started;
    await app.restored;
    let panel = null;
    while (panel === null) {
      for (const widget of app.shell.widgets('main')) {
        if (widget.context && widget.context.path === path) panel = widget;
      }
      if (panel === null) await sleep(100);
    }
    await panel.context.ready;
    await panel.sessionContext.ready;
    const kernel = panel.sessionContext.session.kernel;
    await kernel.info;
    while (kernel.status !== 'idle' || kernel.connectionStatus !== 'connected') await sleep(100);
    app.shell.collapseLeft();
    window.__courseNotebook = panel;
    return kernel.name;
  })();
  const timeout = sleep(timeoutMs).then(() => { throw new Error(`no idle kernel for ${path} after ${timeoutMs} ms`); });
  return Promise.race([ready, timeout]);
}
"""

START_RUN_ALL_JS = """
() => {
  window.__courseRunAll = null;
  window.jupyterapp.commands.execute('notebook:run-all-cells').then(
    (ok) => { window.__courseRunAll = {ok: ok !== false, error: null}; },
    (error) => { window.__courseRunAll = {ok: false, error: String(error)}; });
}
"""

# Run All has returned, the kernel is idle again and no prompt still shows [*].
RUN_FINISHED_JS = """
() => {
  const panel = window.__courseNotebook;
  const prompts = [...panel.content.node.querySelectorAll('.jp-InputPrompt')];
  return window.__courseRunAll !== null
    && panel.sessionContext.session.kernel.status === 'idle'
    && !prompts.some((prompt) => prompt.textContent.includes('[*]'));
}
"""

# What the notebook's model holds after the run: error outputs and widget outputs.
MODEL_OUTPUTS_JS = """
(widgetMime) => {
  const cells = window.__courseNotebook.content.model.cells;
  const errors = [];
  let widgetOutputs = 0;
  for (let index = 0; index < cells.length; index++) {
    const cell = cells.get(index);
    if (cell.type !== 'code') continue;
    for (const output of cell.outputs.toJSON()) {
      if (output.output_type === 'error') errors.push(`cell ${index + 1}: ${output.ename}: ${output.evalue}`);
      if (output.data && output.data[widgetMime]) widgetOutputs += 1;
    }
  }
  return {errors, widgetOutputs};
}
"""

# What the page shows: widget views at the top of cell outputs (rendered = has a size
# and is not hidden), images in outputs (loaded = decoded with a non-zero size),
# tracebacks on stderr, and the text of every output (not of the markdown, which may
# quote "Error displaying widget" when it tells a learner what to do about it).
PAGE_STATE_JS = """
() => {
  const notebook = window.__courseNotebook.content.node;
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const views = [...notebook.querySelectorAll('.jp-Cell-outputArea .jp-OutputArea-output > .jupyter-widgets')]
    .filter((view) => view.closest('.jp-Cell-outputArea').closest('.jupyter-widgets') === null);
  const images = [...notebook.querySelectorAll('.jp-OutputArea-output img')];
  const stderrSelector = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]';
  const stderr = [...notebook.querySelectorAll(stderrSelector)];
  return {
    widgetViews: views.length,
    hiddenWidgetViews: views.filter((view) => !shown(view)).length,
    imagesLoaded: images.filter((image) => image.complete && image.naturalWidth > 0 && image.naturalHeight > 0).length,
    imagesBroken: images.filter((image) => image.complete && image.naturalWidth === 0).length,
    tracebacks: stderr.map((output) => output.textContent).filter((text) => text.includes('Traceback')),
    outputText: [...notebook.querySelectorAll('.jp-Cell-outputArea')].map((area) => area.textContent).join(' '),
  };
}
"""

# The verdicts shown under each exercise check, i.e. each code cell that calls
# ``.check(``: bold labels at the start of markdown outputs (helpers.exercises.Feedback),
# e.g. "Not attempted yet". Cells that only demonstrate ``.feedback(...)`` are left out.
CHECK_VERDICTS_JS = """
(labels) => window.__courseNotebook.content.widgets
  .map((cell, index) => ({cell, index}))
  .filter(({cell}) => cell.model.type === 'code' && cell.model.sharedModel.getSource().includes('.check('))
  .map(({cell, index}) => ({
    cell: index + 1,
    verdicts: [...cell.node.querySelectorAll('.jp-OutputArea-output.jp-RenderedMarkdown span')]
      .map((span) => span.textContent.trim())
      .filter((text) => labels.includes(text)),
  }))
"""

# Scroll the notebook to its top and return how many pixels of its cells lie below the
# window (the cells, not the scroll area: that has blank space after the last cell).
NOTEBOOK_TO_TOP_JS = """
() => {
  const notebook = window.__courseNotebook.content.node;
  const scroller = notebook.querySelector('.jp-WindowedPanel-outer') || notebook;
  const cells = notebook.querySelector('.jp-WindowedPanel-viewport') || scroller;
  scroller.scrollTop = 0;
  return Math.ceil(cells.getBoundingClientRect().bottom - scroller.getBoundingClientRect().bottom);
}
"""


# ---------------------------------------------------------------------------
# One widget per notebook, driven with the mouse and keyboard. Each driver gets the page
# (with the notebook already run) and asserts the number the widget shows.
# ---------------------------------------------------------------------------

def first_number(pattern: str, text: str) -> int:
    """Return the integer captured by ``pattern`` in ``text``; fail with both shown if absent."""
    match = re.search(pattern, text)
    assert match, f"Expected text matching {pattern!r}, the page shows: {text!r}"
    return int(match.group(1))


def drive_milestone_timeline(page) -> str:
    """00: pick the programme after "All programmes" in the timeline's dropdown.

    The summary must then count that programme's milestones in data/milestones.csv
    (within the years the slider shows), name the programme, and the picture must change.
    """
    from playwright.sync_api import expect

    milestones = data.load("milestones")
    dropdown = page.locator(".widget-dropdown").filter(has=page.locator("label", has_text=re.compile("^Programme$")))
    timeline = page.locator(".widget-vbox").filter(has=dropdown).filter(has=page.locator(".widget-image")).last
    select = timeline.locator(".widget-dropdown select").first
    summary = timeline.locator(".widget-html-content").first
    image = timeline.locator(".widget-image").first

    first_year, last_year = (int(year) for year in re.findall(r"\d{4}", timeline.locator(".widget-readout").first
                                                               .inner_text())[:2])
    years = milestones["date"].dt.year
    in_span = (years >= first_year) & (years <= last_year)
    shown_before = first_number(r"(\d+) milestones?", summary.inner_text())
    assert shown_before == int(in_span.sum()), (
        f"Before any change the timeline should count all {int(in_span.sum())} milestones of "
        f"{first_year}-{last_year} in data/milestones.csv; it shows {shown_before}."
    )
    picture_before = image.get_attribute("src")

    select.click()  # opens the list, as a learner's click does; the keys then pick the next entry
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    chosen = select.input_value()
    assert chosen in set(milestones["programme"]), f"The dropdown now shows {chosen!r}, not a programme of the data."
    expected = int((in_span & (milestones["programme"] == chosen)).sum())
    assert expected != shown_before, f"{chosen!r} has as many milestones as all programmes: pick another to test."

    expect(summary).to_contain_text(re.compile(rf"\b{expected} milestones?\b"), timeout=WIDGET_ANSWER_S * 1000)
    expect(summary).to_contain_text(chosen)
    expect(image).not_to_have_attribute("src", picture_before or "", timeout=WIDGET_ANSWER_S * 1000)
    return f"Programme -> {chosen}: {expected} milestones"


def slider_in(scope, page, label: str):
    """Return the ipywidgets slider inside ``scope`` whose description is exactly ``label``."""
    exact_label = page.locator("label", has_text=re.compile(f"^{re.escape(label)}$"))
    return scope.locator(".widget-slider").filter(has=exact_label)


def drive_rocket_equation(page) -> str:
    """01: move the rocket equation's Stages slider one step with the keyboard; the delta-v must follow.

    Expected: N identical stages give N x Isp x g0 x ln(mass ratio) (Tsiolkovsky), with the
    Isp and mass ratio the page shows and the course's g0, not the widget's own code.
    """
    from playwright.sync_api import expect

    widget = (page.locator(".widget-vbox").filter(has=slider_in(page, page, "Stages"))
              .filter(has=page.locator(".widget-html-content", has_text="Delta-v")).last)
    summary = widget.locator(".widget-html-content").first

    def readout(label):
        return slider_in(widget, page, label).locator(".widget-readout").first

    stages_before = int(readout("Stages").inner_text())
    slider_in(widget, page, "Stages").locator(".noUi-handle").first.click()  # focus it, as a learner's click does
    page.keyboard.press("ArrowLeft" if stages_before == 3 else "ArrowRight")
    expect(readout("Stages")).not_to_have_text(str(stages_before), timeout=WIDGET_ANSWER_S * 1000)

    n_stages = int(readout("Stages").inner_text())
    isp_s, mass_ratio = float(readout("Isp (s)").inner_text()), float(readout("Mass ratio").inner_text())
    delta_v_km_s = n_stages * isp_s * G0_M_S2 * math.log(mass_ratio) / 1000
    expect(summary).to_contain_text(f"Delta-v {delta_v_km_s:.2f} km/s from {n_stages} stage",
                                    timeout=WIDGET_ANSWER_S * 1000)
    return f"Stages {stages_before} -> {n_stages}: delta-v {delta_v_km_s:.2f} km/s"


def drive_altitude_explorer(page) -> str:
    """02: type an altitude into the explorer's slider readout; its speed and orbits per day must follow.

    The expected numbers come from Newton's circular orbit, v = sqrt(GM / r) and
    T = 2 pi sqrt(r^3 / GM), with the course's constants, not from the widget's own code.
    """
    from playwright.sync_api import expect

    altitude_km = 500.0
    radius_km = R_EARTH_KM + altitude_km
    speed_km_s = math.sqrt(GM_EARTH_KM3_S2 / radius_km)
    orbits_per_day = DAY_S / (2 * math.pi * math.sqrt(radius_km**3 / GM_EARTH_KM3_S2))

    explorer = (page.locator(".widget-vbox").filter(has=slider_in(page, page, "Altitude (km)"))
                .filter(has=page.locator(".widget-html-content", has_text="orbits per day")).last)
    readout = explorer.locator(".widget-readout").first
    summary = explorer.locator(".widget-html-content").first
    expected = f"{orbits_per_day:.2f} orbits per day"
    assert expected not in summary.inner_text(), f"The explorer already shows {expected!r}: pick another altitude."

    readout.click()  # the number beside the slider can be edited, as a learner does to type a value
    page.keyboard.press("Control+A")
    page.keyboard.type(f"{altitude_km:.0f}")
    page.keyboard.press("Enter")

    expect(summary).to_contain_text(f"At {altitude_km:.1f} km", timeout=WIDGET_ANSWER_S * 1000)
    expect(summary).to_contain_text(f"{speed_km_s:.2f} km/s")
    expect(summary).to_contain_text(expected)
    return f"Altitude -> {altitude_km:.0f} km: {speed_km_s:.2f} km/s, {expected}"


WIDGET_DRIVERS = {
    "00_start_here.ipynb": drive_milestone_timeline,
    "01_long_march.ipynb": drive_rocket_equation,
    "02_tiangong.ipynb": drive_altitude_explorer,
}


# ---------------------------------------------------------------------------
# Opening, running and checking a notebook
# ---------------------------------------------------------------------------

def new_page(context):
    """Return a new tab of the session's browser, at the window size the tests use."""
    page = context.new_page()
    page.set_viewport_size(VIEWPORT)
    return page


def open_notebook(page, lab, relative_path: str) -> None:
    """Open a notebook in JupyterLab and wait until its kernel is connected and idle."""
    page.goto(lab.tree_url(relative_path))
    page.wait_for_function("() => window.jupyterapp !== undefined", timeout=KERNEL_READY_S * 1000)
    page.evaluate(WAIT_FOR_KERNEL_JS, [relative_path, KERNEL_READY_S * 1000])
    page.locator("#jp-main-statusbar").get_by_text(re.compile(r"\|\s*Idle")).wait_for(timeout=KERNEL_READY_S * 1000)


def run_all(page) -> dict:
    """Run all cells from JupyterLab's own command and wait until every cell has finished."""
    page.evaluate(START_RUN_ALL_JS)
    page.wait_for_function(RUN_FINISHED_JS, timeout=RUN_ALL_S * 1000, polling=200)
    return page.evaluate("() => window.__courseRunAll")


def settle_widgets(page, widget_outputs: int) -> None:
    """Give widget views time to render after the run (they load asynchronously)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    settled = f"""
    () => {{
      const state = ({PAGE_STATE_JS})();
      return state.widgetViews >= {widget_outputs} && !state.outputText.includes('Loading widget');
    }}"""
    try:
        page.wait_for_function(settled, timeout=WIDGET_ANSWER_S * 1000, polling=200)
    except PlaywrightTimeout:
        pass  # page_problems says what is missing


def page_problems(page, run: dict) -> list[str]:
    """Return every problem a learner would see on the run notebook, in plain words."""
    model = page.evaluate(MODEL_OUTPUTS_JS, WIDGET_MIME)
    state = page.evaluate(PAGE_STATE_JS)
    problems = []
    if not run["ok"]:
        problems.append(f"Run All did not complete cleanly ({run['error'] or 'a cell failed'}).")
    problems += [f"Error output in {error}" for error in model["errors"]]
    if not model["errors"]:  # an error output also shows as a traceback: report it once
        problems += [f"Traceback on stderr: {text[:300]}" for text in state["tracebacks"]]
    problems += [f"An output shows {text!r}." for text in BROKEN_WIDGET_TEXTS if text in state["outputText"]]
    if state["widgetViews"] != model["widgetOutputs"]:
        problems.append(f"{model['widgetOutputs']} widget outputs but {state['widgetViews']} widget views rendered.")
    if state["hiddenWidgetViews"]:
        problems.append(f"{state['hiddenWidgetViews']} widget views have no size or are hidden.")
    if state["imagesBroken"]:
        problems.append(f"{state['imagesBroken']} images in outputs failed to load.")
    if state["imagesLoaded"] == 0:
        problems.append("No figure rendered: no image with a non-zero size in any output.")
    return problems


def save_screenshot(page, path: Path) -> None:
    """Save the whole notebook, from its top, as one picture: the window is made as tall as the notebook.

    Cells further down are laid out only once they come into view, so the height is
    measured again after each enlargement (at most a few times, up to TALLEST_SCREENSHOT_PX).
    """
    height = VIEWPORT["height"]
    for _ in range(4):
        below_px = page.evaluate(NOTEBOOK_TO_TOP_JS)
        taller = min(height + below_px + 40, TALLEST_SCREENSHOT_PX)
        if below_px <= 0 or taller == height:
            break
        height = taller
        page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
        page.wait_for_timeout(300)  # let JupyterLab lay the taller window out
    page.screenshot(path=str(path), full_page=True)


def shut_kernel_down(page) -> None:
    """Stop the notebook's kernel now, so kernels do not pile up over the session.

    Quietly does nothing if the page is gone: the server's shutdown stops every kernel anyway.
    """
    from playwright.sync_api import Error as PlaywrightError

    with contextlib.suppress(PlaywrightError):
        page.evaluate("() => window.__courseNotebook && window.__courseNotebook.sessionContext.shutdown()")


def run_and_check(page, lab, relative_path: str, screenshot: Path) -> list[str]:
    """Open, run all, lay out tall, screenshot and check one notebook; return the problems found."""
    open_notebook(page, lab, relative_path)
    run = run_all(page)
    model = page.evaluate(MODEL_OUTPUTS_JS, WIDGET_MIME)
    try:
        settle_widgets(page, model["widgetOutputs"])
    finally:
        save_screenshot(page, screenshot)
    print(f"Screenshot of {relative_path}: {screenshot}")
    return page_problems(page, run)


# ---------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------

def test_the_course_has_notebooks_to_open():
    assert NOTEBOOKS, "helpers.course.ready_notebooks() lists no notebook: the browser test has nothing to open."


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])
def test_notebook_runs_and_its_widgets_work_in_jupyterlab(notebook: Path, lab, browser_context, screenshot_dir):
    driver = WIDGET_DRIVERS.get(notebook.name)
    assert driver is not None, (
        f"{notebook.name} is ready but tests/browser/test_jupyterlab.py has no entry for it in WIDGET_DRIVERS: "
        "add a function that moves one of its widgets and checks the number it then shows."
    )
    screenshot = screenshot_dir / f"{notebook.stem}.png"
    page = new_page(browser_context)
    try:
        problems = run_and_check(page, lab, f"course/{notebook.name}", screenshot)
        assert not problems, f"{notebook.name} in JupyterLab (screenshot: {screenshot}):\n- " + "\n- ".join(problems)
        print(f"{notebook.name}: {driver(page)}")
    finally:
        shut_kernel_down(page)
        page.close()


def test_student_edition_checks_say_not_attempted(lab, browser_context, screenshot_dir, progress_file, monkeypatch):
    """The student edition of the start notebook runs clean, every exercise check says "Not attempted yet",
    and the learner's progress file counts nothing as done."""
    progress_file.unlink(missing_ok=True)  # a new learner: the full editions run before answered everything
    outdir = lab.root_dir / "student"
    build = subprocess.run(
        [sys.executable, "-m", "helpers.course", "student", str(outdir)],
        cwd=course.ROOT, capture_output=True, text=True, timeout=120,
    )
    assert build.returncode == 0, f"`python -m helpers.course student` failed:\n{build.stdout}{build.stderr}"
    assert (outdir / STUDENT_EDITION_NOTEBOOK).exists(), f"The student edition has no {STUDENT_EDITION_NOTEBOOK}."

    screenshot = screenshot_dir / f"{Path(STUDENT_EDITION_NOTEBOOK).stem}-student.png"
    page = new_page(browser_context)
    try:
        problems = run_and_check(page, lab, f"student/{STUDENT_EDITION_NOTEBOOK}", screenshot)
        checks = page.evaluate(CHECK_VERDICTS_JS, list(LABELS.values()))
    finally:
        shut_kernel_down(page)
        page.close()
    not_attempted = LABELS[Outcome.NOT_ATTEMPTED]
    if not checks:
        problems.append("The notebook has no exercise check (no cell calls `.check(`).")
    problems += [f"The check in cell {check['cell']} shows {check['verdicts']}, not [{not_attempted!r}]."
                 for check in checks if check["verdicts"] != [not_attempted]]
    monkeypatch.setenv("COURSE_PROGRESS_FILE", str(progress_file))
    records = progress.load()
    if len(records) < len(checks):
        problems.append(f"The progress file holds {len(records)} records for {len(checks)} checks run.")
    if progress.done(records):
        problems.append(f"The progress file counts {sorted(progress.done(records))} as done.")
    assert not problems, (
        f"Student edition of {STUDENT_EDITION_NOTEBOOK} in JupyterLab (screenshot: {screenshot}):\n- "
        + "\n- ".join(problems)
    )
    print(f"Student edition: {len(checks)} exercise checks, each showing {not_attempted!r}")
