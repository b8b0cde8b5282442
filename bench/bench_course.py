"""What learners feel: widget latency, notebook run time, kernel memory, start-up costs.

Run it with ``make bench`` (or ``.venv/bin/python bench/bench_course.py``). It measures
whatever exists today, so it grows with the course:

- the floor: a kernel started and an empty notebook with the course's usual imports run,
  the way nbval runs the lessons (nbclient, the venv's ``python3`` kernel);
- every ready notebook (``helpers.course.ready_notebooks()``): run time, median of 3, as a
  ratio to the floor, and the kernel's peak resident memory;
- every widget in ``helpers.widgets.FACTORIES``: the time from a value change to the
  output being updated, over at least 30 changes per control, in-process and headless;
- ``import helpers`` beyond numpy, pandas and matplotlib, in a fresh process;
- the test suite's wall time and how much of it is start-up rather than tests;
- ``bench/bench_physics.py``'s figures, when that file exists.

It prints one table (each figure beside its target, "ok" or "MISSED" with the reason) and
writes every raw number to ``bench/results/latest.json``. It is a benchmark, not a test:
it exits 0 whatever the timings, and fails only if it crashes.

Example (one widget, in-process)::

    >>> from helpers import widgets
    >>> result = time_widget("timeline", widgets.timeline, changes_per_control=30)  # doctest: +SKIP
    >>> result["controls"]["programme"]["median_ms"]                                 # doctest: +SKIP
    24.1
"""

from __future__ import annotations

import importlib.util
import json
import os
import pkgutil
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
PYTHON = sys.executable

# The targets of issue 9.
WIDGET_MEDIAN_MS = 30.0
WIDGET_P95_MS = 100.0
NOTEBOOK_FLOOR_RATIO = 2.0
SEQUENCE_FLOOR_RATIO = 3.0
KERNEL_PEAK_MB = 250.0
IMPORT_HELPERS_S = 0.3
TEST_STARTUP_FRACTION = 0.10

RUNS_PER_NOTEBOOK = 3
CHANGES_PER_CONTROL = 30

FLOOR_SOURCE = """\
%matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

from helpers import data, style, widgets
"""
"""The first cell every lesson starts with: the floor notebook runs only this."""

PYTEST_ARGS = ["-n", "2", "--dist", "loadfile", "--nbval-lax", "-q", "-p", "no:randomly"]
"""The pytest options of ``make test``."""


# --------------------------------------------------------------------------- widgets


def control_values(control, changes: int = CHANGES_PER_CONTROL) -> list:
    """Return ``changes`` values for a control, each different from the one before it.

    Sliders and bounded number boxes get evenly spaced values between ``min`` and ``max``
    (swept up and back down when an integer range has fewer distinct values); range
    sliders get a window a third of the range wide, moved across it; dropdowns, toggle
    buttons and other selections cycle through their options; checkboxes flip.

    >>> import ipywidgets as ipw
    >>> control_values(ipw.IntSlider(value=20, min=0, max=100), changes=3)
    [0, 50, 100]
    >>> control_values(ipw.IntSlider(value=0, min=0, max=100), changes=3)
    [50, 100, 50]
    """
    if hasattr(control, "index") and hasattr(control, "options"):
        return _selection_values(control, changes)
    if isinstance(control.value, bool):
        return [not control.value if i % 2 == 0 else control.value for i in range(changes)]
    if isinstance(control.value, tuple) and hasattr(control, "min"):
        return _window_values(control, changes)
    if hasattr(control, "min") and hasattr(control, "max"):
        return _range_values(control, changes)
    raise TypeError(f"the benchmark does not know how to move a {type(control).__name__}")


def _selection_values(control, changes: int) -> list:
    values = [option[1] if isinstance(option, tuple) else option for option in control.options]
    if len(values) < 2:
        raise ValueError(f"{control.description or 'this control'} has fewer than two options")
    start = control.index or 0
    return [values[(start + 1 + i) % len(values)] for i in range(changes)]


def _sweep(points: list, changes: int, current) -> list:
    """Return ``changes`` items walking ``points`` forwards, then backwards, and so on, never repeating ``current``.

    >>> _sweep([0, 1, 2], 5, current=0)
    [1, 2, 1, 0, 1]
    """
    if len(points) < 2:
        raise ValueError("a control whose range has a single value cannot be moved")
    path = points + points[-2:0:-1]
    offset = 1 if path[0] == current else 0
    return [path[(i + offset) % len(path)] for i in range(changes)]


def _range_values(control, changes: int) -> list:
    is_int = isinstance(control.value, int)
    points = np.linspace(control.min, control.max, changes)
    if is_int:
        points = list(dict.fromkeys(int(round(p)) for p in points))
    else:
        points = [float(p) for p in points]
    return _sweep(points, changes, control.value)


def _window_values(control, changes: int) -> list:
    is_int = isinstance(control.value[0], int)
    width = (control.max - control.min) / 3
    lows = np.linspace(control.min, control.max - width, changes)
    if is_int:
        width = max(int(round(width)), 1)
        windows = list(dict.fromkeys((int(round(lo)), min(int(round(lo)) + width, control.max)) for lo in lows))
    else:
        windows = [(float(lo), float(lo + width)) for lo in lows]
    return _sweep(windows, changes, tuple(control.value))


def _outputs(widget) -> list:
    """Return what a learner sees of a widget: every image, HTML text and Output's contents."""
    import ipywidgets as ipw

    seen = []
    for child in _descendants(widget):
        if isinstance(child, ipw.Image | ipw.HTML | ipw.HTMLMath | ipw.Label):
            seen.append(child.value)
        elif isinstance(child, ipw.Output):
            seen.append(repr(child.outputs))
    return seen


def _descendants(widget) -> list:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += _descendants(child)
    return found


def time_changes(control, values: list, widget) -> dict:
    """Set each value on ``control`` and time it (callbacks run synchronously, in-process).

    Returns the wall-clock times in ms, the CPU times in ms (less sensitive to a busy
    machine) and how many changes altered what the widget shows.
    """
    times_ms, cpu_ms = [], []
    changed = 0
    before = _outputs(widget)
    for value in values:
        start, start_cpu = time.perf_counter(), time.process_time()
        control.value = value
        times_ms.append((time.perf_counter() - start) * 1000)
        cpu_ms.append((time.process_time() - start_cpu) * 1000)
        after = _outputs(widget)
        changed += after != before
        before = after
    return {"times_ms": times_ms, "cpu_ms": cpu_ms, "outputs_changed": changed}


def time_widget(name: str, factory, changes_per_control: int = CHANGES_PER_CONTROL, profile_misses=True) -> dict:
    """Build a widget with ``factory()`` and time ``changes_per_control`` changes of each control.

    Returns ``{"name", "build_ms", "controls": {control: {"changes", "median_ms",
    "p95_ms", "max_ms", "outputs_changed", "verdict", "why"}}}``, or ``{"name", "error"}``
    if the widget could not be built. Each control is put back to its first value
    (untimed) before the next one is moved.
    """
    start = time.perf_counter()
    try:
        widget = factory()
    except Exception as error:  # noqa: BLE001 - a broken widget is a row in the table, not a crash
        return {"name": name, "error": f"could not build it: {type(error).__name__}: {error}"}
    result = {"name": name, "build_ms": (time.perf_counter() - start) * 1000, "controls": {}}
    for control_name, control in widget.controls.items():
        first_value = control.value
        try:
            values = control_values(control, changes_per_control)
        except (TypeError, ValueError) as error:
            result["controls"][control_name] = {"error": str(error)}
            continue
        timing = time_changes(control, values, widget)
        control.value = first_value
        row = _latency_row(timing)
        if row["verdict"] == "MISSED" and profile_misses:
            row["why"] += "; " + profile_changes(f"{name}.{control_name}", control, values, widget)
        result["controls"][control_name] = row
    return result


def _latency_row(timing: dict) -> dict:
    times = np.array(timing["times_ms"])
    row = {
        "changes": len(times),
        "median_ms": float(np.median(times)),
        "p95_ms": float(np.percentile(times, 95)),
        "max_ms": float(times.max()),
        "cpu_median_ms": float(np.median(timing["cpu_ms"])),
        "outputs_changed": timing["outputs_changed"],
    }
    reasons = []
    if row["median_ms"] >= WIDGET_MEDIAN_MS:
        reasons.append(f"median {row['median_ms']:.0f} ms >= {WIDGET_MEDIAN_MS:.0f} ms")
    if row["p95_ms"] >= WIDGET_P95_MS:
        reasons.append(f"p95 {row['p95_ms']:.0f} ms >= {WIDGET_P95_MS:.0f} ms")
    if row["outputs_changed"] == 0:
        reasons.append("the output never changed: the control is not wired to the picture or summary")
    row["verdict"] = "MISSED" if reasons else "ok"
    row["why"] = "; ".join(reasons)
    return row


def profile_changes(label: str, control, values: list, widget) -> str:
    """Profile the changes with pyinstrument; save the report and return the top self-time functions."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for value in values:
        control.value = value
    profiler.stop()
    RESULTS_DIR.mkdir(exist_ok=True)
    report = RESULTS_DIR / f"profile_{label}.txt"
    report.write_text(profiler.output_text(unicode=False, color=False), encoding="utf-8")
    return f"profile: {top_functions(profiler.last_session.root_frame())} ({report.relative_to(ROOT)})"


def top_functions(root_frame, count: int = 3) -> str:
    """Summarise a pyinstrument frame tree: the course's own functions by total time, then the top self time.

    Returns text like ``"update 99%, figure_png 94% | self: ImagingEncoder.encode 13%"``,
    shares of the whole profile.
    """
    overall = root_frame.time or 1.0
    ours: dict[str, float] = {}
    self_times: dict[str, float] = {}
    stack = [root_frame]
    while stack:
        frame = stack.pop()
        stack += frame.children
        if frame.is_synthetic:
            continue
        if "/helpers/" in (frame.file_path or ""):
            ours[frame.function] = ours.get(frame.function, 0.0) + frame.time
        self_times[frame.function] = self_times.get(frame.function, 0.0) + frame.total_self_time
    ranked = sorted(ours.items(), key=lambda item: -item[1])[:count]
    top_self = max(self_times.items(), key=lambda item: item[1])
    return (", ".join(f"{name} {seconds / overall:.0%}" for name, seconds in ranked)
            + f" | most self time: {top_self[0]} {top_self[1] / overall:.0%}")


def time_all_widgets() -> list[dict]:
    """Time every widget in ``helpers.widgets.FACTORIES``."""
    from helpers import widgets

    return [time_widget(name, factory) for name, factory in widgets.FACTORIES.items()]


# --------------------------------------------------------------------------- notebooks


def floor_notebook():
    """Return an in-memory notebook whose only cell is the course's usual imports."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(FLOOR_SOURCE)]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def peak_rss_mb(pid: int, sampled_peak_bytes: int) -> float:
    """Return a process's peak resident memory in MB: Linux's VmHWM, else the sampled peak."""
    status = Path(f"/proc/{pid}/status")
    if status.exists():
        match = re.search(r"^VmHWM:\s+(\d+) kB", status.read_text(), re.MULTILINE)
        if match:
            return int(match.group(1)) / 1024
    return sampled_peak_bytes / 2**20


class RssSampler(threading.Thread):
    """Sample a process's resident memory every ``interval_s`` seconds; keep the peak (bytes)."""

    def __init__(self, pid: int, interval_s: float = 0.02):
        super().__init__(daemon=True)
        import psutil

        self.process = psutil.Process(pid)
        self.interval_s = interval_s
        self.peak_bytes = 0
        self.done = threading.Event()

    def run(self):
        import psutil

        while not self.done.is_set():
            try:
                self.peak_bytes = max(self.peak_bytes, self.process.memory_info().rss)
            except psutil.Error:
                return
            self.done.wait(self.interval_s)


def run_notebook(notebook, working_dir: Path, timeout_s: int = 600) -> dict:
    """Run a notebook as nbval does (fresh ``python3`` kernel, cwd ``working_dir``).

    Returns ``{"seconds", "kernel_cpu_s", "peak_rss_mb", "slowest_cells": [(index, seconds, first line), ...]}``;
    ``seconds`` covers starting the kernel, running every cell and shutting the kernel down;
    ``kernel_cpu_s`` is the kernel's own CPU time, which a busy machine barely changes.
    """
    import psutil
    from nbclient import NotebookClient

    client = NotebookClient(
        notebook, kernel_name="python3", timeout=timeout_s, resources={"metadata": {"path": str(working_dir)}}
    )
    start = time.perf_counter()
    with client.setup_kernel(stderr=subprocess.DEVNULL):
        pid = client.km.provisioner.pid
        sampler = RssSampler(pid)
        sampler.start()
        cell_seconds = []
        for index, cell in enumerate(client.nb.cells):
            cell_start = time.perf_counter()
            client.execute_cell(cell, index)
            cell_seconds.append(time.perf_counter() - cell_start)
        first_lines = [cell.source.strip().split("\n")[0][:40] for cell in client.nb.cells]
        sampler.done.set()
        sampler.join()
        peak = peak_rss_mb(pid, sampler.peak_bytes)
        cpu = psutil.Process(pid).cpu_times()
    seconds = time.perf_counter() - start
    ranked = sorted(range(len(cell_seconds)), key=lambda i: -cell_seconds[i])[:2]
    return {"seconds": seconds, "kernel_cpu_s": cpu.user + cpu.system, "peak_rss_mb": peak,
            "slowest_cells": [(i, cell_seconds[i], first_lines[i]) for i in ranked]}


def time_notebook(path: Path, runs: int = RUNS_PER_NOTEBOOK) -> dict:
    """Run a notebook file ``runs`` times; return the median time, the peak memory and the slowest cell."""
    import nbformat

    try:
        return _median_of_runs([run_notebook(nbformat.read(path, as_version=4), path.parent) for _ in range(runs)])
    except Exception as error:  # noqa: BLE001 - a broken notebook is a row in the table, not a crash
        return {"error": f"{type(error).__name__}: {last_line(error)}"}


def last_line(error: Exception) -> str:
    """Return the last line of an error's message without terminal colour codes.

    >>> last_line(ValueError("Traceback...\\n\\x1b[31mDataError\\x1b[39m: no dataset"))
    'DataError: no dataset'
    """
    lines = re.sub(r"\x1b\[[0-9;]*m", "", str(error)).strip().splitlines()
    return lines[-1] if lines else ""


def time_floor(runs: int = RUNS_PER_NOTEBOOK) -> dict:
    """Run the floor notebook (usual imports only) ``runs`` times, from ``notebooks/``."""
    return _median_of_runs([run_notebook(floor_notebook(), ROOT / "notebooks") for _ in range(runs)])


def _median_of_runs(runs: list[dict]) -> dict:
    return {
        "seconds": statistics.median(run["seconds"] for run in runs),
        "runs_s": [run["seconds"] for run in runs],
        "kernel_cpu_s": statistics.median(run["kernel_cpu_s"] for run in runs),
        "peak_rss_mb": max(run["peak_rss_mb"] for run in runs),
        "slowest_cells": max((run["slowest_cells"] for run in runs), key=lambda cells: cells[0][1] if cells else 0),
    }


# --------------------------------------------------------------------------- imports


def helpers_modules() -> list[str]:
    """Return ``helpers`` and every module in it, subpackages included: ``['helpers', 'helpers.course', ...]``."""
    import helpers

    return ["helpers", *sorted(m.name for m in pkgutil.walk_packages(helpers.__path__, "helpers."))]


def time_import_helpers(runs: int = 3) -> dict:
    """Time importing every helpers module in a fresh process, after numpy, pandas and matplotlib.

    The baseline is what a lesson's kernel has loaded before ``from helpers import ...``:
    ``numpy, pandas, matplotlib.pyplot`` (every lesson imports pyplot) and ``IPython``
    (the kernel runs on it), so their modules are not charged to helpers.
    ``seconds_after_bare_matplotlib`` is the same after only ``numpy, pandas, matplotlib``.
    Returns median wall and CPU seconds, and the packages with the most import time
    (ms) after the baseline.
    """
    modules = ", ".join(helpers_modules())
    figures = {}
    for baseline in ("matplotlib.pyplot, IPython", "matplotlib"):
        code = (
            f"import time, numpy, pandas, {baseline}\n"
            "start, start_cpu = time.perf_counter(), time.process_time()\n"
            f"import {modules}\n"
            "print(time.perf_counter() - start, time.process_time() - start_cpu)\n"
        )
        runs_s = [tuple(map(float, _run_python(["-c", code]).stdout.split()[-2:])) for _ in range(runs)]
        figures[baseline] = {"runs_s": [wall for wall, _ in runs_s],
                             "seconds": statistics.median(wall for wall, _ in runs_s),
                             "cpu_s": statistics.median(cpu for _, cpu in runs_s),
                             "heaviest_ms": import_costs(["-c", code], after=baseline.split(", ")[-1])}
    return {**figures["matplotlib.pyplot, IPython"], "modules": helpers_modules(),
            "seconds_after_bare_matplotlib": figures["matplotlib"]["seconds"],
            "heaviest_ms_after_bare_matplotlib": figures["matplotlib"]["heaviest_ms"]}


def import_costs(python_args: list[str], after: str | None = None, count: int = 5) -> dict[str, float]:
    """Return the ``count`` top-level packages with the most import time (ms, self time summed).

    Uses ``python -X importtime``; with ``after``, only imports done after the top-level
    import of that module are counted (those imported before it are the baseline).
    """
    lines = _run_python(["-X", "importtime", *python_args], check=False).stderr.splitlines()
    entries = [re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line) for line in lines]
    entries = [match for match in entries if match]
    if after is not None:
        last_baseline = max(i for i, m in enumerate(entries) if m.group(4) == after and len(m.group(3)) == 1)
        entries = entries[last_baseline + 1 :]
    totals: dict[str, float] = {}
    for match in entries:
        package = match.group(4).split(".")[0]
        totals[package] = totals.get(package, 0.0) + int(match.group(1)) / 1000
    return dict(sorted(totals.items(), key=lambda item: -item[1])[:count])


def _run_python(args: list[str], check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, *args], capture_output=True, text=True, cwd=ROOT, check=check)


# --------------------------------------------------------------------------- test suite


def time_test_suite(extra_args: tuple[str, ...] = ()) -> dict:
    """Run the test suite as ``make test`` does and split its wall time into start-up, tests and exit.

    The pytest_clock plugin (bench/pytest_clock.py) records when pytest was configured,
    when each worker started and stopped each test, and when the session finished.
    ``cpu_s`` is the CPU time of pytest and every process it ran. ``extra_args`` are
    added to pytest's (to try an option, e.g. ``("-p", "no:hypothesispytest")``).
    """
    clock_file = Path(tempfile.mkstemp(suffix=".json", prefix="pytest_clock_")[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(BENCH_DIR), os.environ.get("PYTHONPATH")])),
           "BENCH_CLOCK_FILE": str(clock_file)}
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    launched = time.time()
    completed = subprocess.run(
        [PYTHON, "-m", "pytest", *PYTEST_ARGS, "-p", "pytest_clock", *extra_args],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    exited = time.time()
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    clock = json.loads(clock_file.read_text()) if clock_file.stat().st_size else {"marks": {}, "reports": []}
    clock_file.unlink()
    summary = completed.stdout.strip().splitlines()[-1] if completed.stdout.strip() else completed.stderr[-300:]
    split = split_suite_time(clock["reports"], clock["marks"], launched, exited)
    return {**split, "cpu_s": cpu_s, "exit_code": completed.returncode, "summary": summary.strip("= ")}


def split_suite_time(reports: list[dict], marks: dict, launched: float, exited: float) -> dict:
    """Split a pytest run's wall time (s) into start-up, tests and exit.

    ``reports`` are test phases with epoch ``start``/``stop`` and a ``worker``; ``marks``
    has the epoch times pytest was ``configured`` and the session ``session_finished``.
    Start-up is launch to each worker's first test (averaged over workers) plus the last
    test's end to exit: the time a run spends not running tests.

    >>> reports = [{"worker": "gw0", "nodeid": "t.py::a", "start": 2.0, "stop": 5.0}]
    >>> split_suite_time(reports, {"configured": 1.0, "session_finished": 5.5}, 0.0, 6.0)["startup_s"]
    3.0
    """
    wall = exited - launched
    if not reports:
        return {"wall_s": wall, "startup_s": wall, "startup_fraction": 1.0, "tests_s": 0.0, "notebooks_s": 0.0}
    workers: dict[str, dict] = {}
    for report in reports:
        worker = workers.setdefault(report["worker"], {"first": report["start"], "last": report["stop"], "busy": 0.0})
        worker["first"] = min(worker["first"], report["start"])
        worker["last"] = max(worker["last"], report["stop"])
        worker["busy"] += report["stop"] - report["start"]
    first_test_s = statistics.mean(w["first"] - launched for w in workers.values())
    last_stop = max(w["last"] for w in workers.values())
    per_test: dict[str, float] = {}
    for report in reports:
        per_test[report["nodeid"]] = per_test.get(report["nodeid"], 0.0) + report["stop"] - report["start"]
    configured = marks.get("configured", launched)
    finished = marks.get("session_finished", last_stop)
    summary_started = marks.get("summary_started", finished)
    summary_done = marks.get("summary_done", summary_started)
    return {
        "wall_s": wall,
        "startup_s": first_test_s + exited - last_stop,
        "startup_fraction": (first_test_s + exited - last_stop) / wall,
        "main_process_ready_s": configured - launched,
        "workers_ready_s": first_test_s - (configured - launched),
        "first_test_s": first_test_s,
        "workers_stopped_s": finished - last_stop,
        "workers_exit_s": summary_started - finished,
        "terminal_summary_s": summary_done - summary_started,
        "unconfigure_and_exit_s": exited - summary_done,
        "tests_s": sum(w["busy"] for w in workers.values()),
        "notebooks_s": sum(seconds for nodeid, seconds in per_test.items() if ".ipynb::" in nodeid),
        "workers": {name: {"first_test_s": w["first"] - launched, "busy_s": w["busy"], "last_test_end_s": w["last"] -
                           launched} for name, w in workers.items()},
        "slowest": sorted(({"nodeid": k, "seconds": v} for k, v in per_test.items()), key=lambda r: -r["seconds"])[:5],
    }


COLLECT_ARGS = ["-m", "pytest", "--collect-only", "-q", "-n", "0"]
"""One pytest process starting and collecting the suite: what each xdist worker does before its first test."""


def time_test_collection() -> dict:
    """Time one pytest process's start-up and collection (CPU and wall seconds), and where it goes.

    Also runs it with ``rfc3987_syntax`` blocked (the IRI grammar that jsonschema, under
    nbformat, builds at import) to show what that one import costs each process.
    """
    blocked_code = ("import sys; sys.modules['rfc3987_syntax'] = None; import pytest; "
                    f"sys.exit(pytest.main({COLLECT_ARGS[2:]!r}))")
    normal = _cpu_and_wall(COLLECT_ARGS)
    blocked = _cpu_and_wall(["-c", blocked_code])
    return {
        "cpu_s": normal["cpu_s"],
        "seconds": normal["seconds"],
        "exit_code": normal["exit_code"],
        "cpu_s_without_rfc3987_syntax": blocked["cpu_s"],
        "heaviest_ms": import_costs([*COLLECT_ARGS, "-s"], count=6),
    }


def _cpu_and_wall(args: list[str]) -> dict:
    """Run ``python *args``; return its wall seconds, the CPU seconds of it and its children, and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run([PYTHON, *args], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"seconds": seconds, "cpu_s": cpu_s, "exit_code": completed.returncode}


# --------------------------------------------------------------------------- physics


def physics_rows() -> list[dict]:
    """Return bench/bench_physics.py's figures (``name``, ``median_ms``, ``target_ms``), if that file exists."""
    path = BENCH_DIR / "bench_physics.py"
    if not path.exists():
        return []
    try:
        spec = importlib.util.spec_from_file_location("bench_physics", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return list(module.run())
    except Exception as error:  # noqa: BLE001 - report it, keep the rest of the benchmark
        return [{"name": "bench_physics.py", "error": f"{type(error).__name__}: {error}"}]


# --------------------------------------------------------------------------- the table


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def table_rows(results: dict) -> list[tuple[str, str, str, str, str]]:
    """Turn the results into rows of (measure, figure, target, verdict, note).

    A step that crashed (its result is ``{"error": ...}``) becomes one row saying so.
    """
    sections = [
        (("floor", "notebooks"), _notebook_rows),
        (("widgets",), _widget_rows),
        (("import_helpers",), _import_rows),
        (("test_suite", "test_collection"), _suite_rows),
        (("physics",), _physics_rows),
    ]
    rows = []
    for keys, section in sections:
        crashed = [key for key in keys if isinstance(results[key], dict) and "error" in results[key]]
        if crashed:
            rows += [(f"{key} (crashed)", "error", "", "MISSED", results[key]["error"]) for key in crashed]
        else:
            rows += section(*(results[key] for key in keys))
    return rows


def _notebook_rows(floor: dict, notebooks: dict) -> list[tuple]:
    floor_s = floor["seconds"]
    rows = [("floor: kernel + usual imports", f"{floor_s:.2f} s", "reference", "",
             f"{_runs(floor)}; kernel CPU {floor['kernel_cpu_s']:.2f} s"),
            ("  floor kernel peak RSS", f"{floor['peak_rss_mb']:.0f} MB", f"< {KERNEL_PEAK_MB:.0f} MB",
             verdict(floor["peak_rss_mb"] < KERNEL_PEAK_MB), "")]
    total_s = 0.0
    for name, nb in notebooks.items():
        if "error" in nb:
            rows.append((f"notebook {name}", "error", "", "MISSED", nb["error"]))
            continue
        total_s += nb["seconds"]
        ratio = nb["seconds"] / floor_s
        cpu_ratio = nb["kernel_cpu_s"] / floor["kernel_cpu_s"]
        slowest = ", ".join(f"#{i} {cell_s:.2f} s ({line})" for i, cell_s, line in nb["slowest_cells"])
        rows.append((f"notebook {name}", f"{nb['seconds']:.2f} s = {ratio:.2f}x floor", f"< {NOTEBOOK_FLOOR_RATIO:g}x",
                     verdict(ratio < NOTEBOOK_FLOOR_RATIO),
                     f"{_runs(nb)}; kernel CPU {nb['kernel_cpu_s']:.2f} s = {cpu_ratio:.2f}x floor's; "
                     f"slowest cells {slowest}"))
        rows.append((f"  {name} kernel peak RSS", f"{nb['peak_rss_mb']:.0f} MB", f"< {KERNEL_PEAK_MB:.0f} MB",
                     verdict(nb["peak_rss_mb"] < KERNEL_PEAK_MB), ""))
    if notebooks:
        count = len(notebooks)
        budget = SEQUENCE_FLOOR_RATIO * floor_s * count
        rows.append((f"all {count} notebook(s) in sequence", f"{total_s:.2f} s",
                     f"< {budget:.2f} s (3x floor x {count})", verdict(total_s < budget), ""))
    return rows


def _widget_rows(widgets: list[dict]) -> list[tuple]:
    rows = []
    for widget in widgets:
        if "error" in widget:
            rows.append((f"widget {widget['name']}", "error", "", "MISSED", widget["error"]))
            continue
        for control, row in widget["controls"].items():
            label = f"widget {widget['name']}.{control}"
            if "error" in row:
                rows.append((label, "not measured", "", "MISSED", row["error"]))
                continue
            rows.append((label, f"{row['median_ms']:.1f} / {row['p95_ms']:.1f} ms",
                         f"< {WIDGET_MEDIAN_MS:.0f} / {WIDGET_P95_MS:.0f} ms", row["verdict"],
                         f"median/p95 of {row['changes']}; CPU median {row['cpu_median_ms']:.1f} ms; "
                         f"{row['outputs_changed']} changed the output; "
                         f"built in {widget['build_ms']:.0f} ms" + (f"; {row['why']}" if row["why"] else "")))
    return rows


def _import_rows(imports: dict) -> list[tuple]:
    heaviest = ", ".join(f"{name} {ms:.0f} ms" for name, ms in list(imports["heaviest_ms"].items())[:4])
    return [("import helpers (after numpy/pandas/pyplot/IPython)", f"{imports['seconds']:.3f} s",
             f"< {IMPORT_HELPERS_S} s", verdict(imports["seconds"] < IMPORT_HELPERS_S),
             f"CPU {imports['cpu_s']:.3f} s; {len(imports['modules'])} modules; heaviest: {heaviest}; "
             f"{imports['seconds_after_bare_matplotlib']:.3f} s after bare `import matplotlib`")]


def _physics_rows(physics: list[dict]) -> list[tuple]:
    rows = []
    for row in physics:
        if "error" in row:
            rows.append((f"physics {row['name']}", "error", "", "MISSED", row["error"]))
        else:
            rows.append((f"physics {row['name']}", f"{row['median_ms']:.2f} ms", f"< {row['target_ms']:g} ms",
                         verdict(row["median_ms"] < row["target_ms"]), ""))
    return rows


def _runs(timing: dict) -> str:
    return "runs " + ", ".join(f"{s:.2f}" for s in timing["runs_s"]) + " s"


def _suite_rows(suite: dict, process: dict) -> list[tuple]:
    slowest = suite.get("slowest", [{}])[0]
    rows = [("test suite wall (pytest -n 2)", f"{suite['wall_s']:.1f} s", "", "",
             f"{suite['summary']}; CPU {suite['cpu_s']:.1f} s; tests {suite['tests_s']:.1f} s summed over workers, "
             f"notebooks {suite['notebooks_s']:.1f} s; slowest {slowest.get('nodeid', '-')} "
             f"{slowest.get('seconds', 0):.1f} s")]
    rows.append(("  start-up (launch to first test, + exit)",
                 f"{suite['startup_s']:.1f} s = {suite['startup_fraction']:.0%}", f"< {TEST_STARTUP_FRACTION:.0%}",
                 verdict(suite["startup_fraction"] < TEST_STARTUP_FRACTION),
                 f"main process ready {suite.get('main_process_ready_s', 0):.1f} s, workers' first test "
                 f"+{suite.get('workers_ready_s', 0):.1f} s; after the last test: workers exit "
                 f"{suite.get('workers_exit_s', 0):.1f} s, "
                 f"terminal summary {suite.get('terminal_summary_s', 0):.1f} s, "
                 f"unconfigure and exit {suite.get('unconfigure_and_exit_s', 0):.1f} s"))
    saving = process["cpu_s"] - process["cpu_s_without_rfc3987_syntax"]
    heaviest = ", ".join(f"{name} {ms:.0f} ms" for name, ms in list(process["heaviest_ms"].items())[:5])
    failed = f"pytest --collect-only FAILED (exit {process['exit_code']}); " if process["exit_code"] else ""
    rows.append(("  one pytest process: start + collect", f"{process['cpu_s']:.2f} s CPU", "", "",
                 f"{failed}{process['seconds']:.2f} s wall; heaviest imports: {heaviest}; "
                 f"{saving:.2f} s CPU less with rfc3987_syntax blocked"))
    return rows


def format_table(rows: list[tuple]) -> str:
    """Format rows as a fixed-width text table (the note column last, unpadded)."""
    header = ("measure", "figure", "target", "verdict", "note")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(4)]
    lines = []
    for row in [header, *rows]:
        padded = [str(cell).ljust(width) for cell, width in zip(row[:4], widths, strict=True)]
        lines.append("  ".join([*padded, row[4]]))
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(line.rstrip() for line in lines)


def machine() -> dict:
    """Describe where the benchmark ran: CPUs, memory, Python, load average, commit, time (UTC)."""
    import psutil

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "when_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": commit.stdout.strip(),
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "bytecode_cache": "off (PYTHONDONTWRITEBYTECODE set)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on",
    }


def main() -> int:
    print("Benchmarking what learners feel (a few minutes: every notebook runs 4 times, the test suite once)...",
          flush=True)
    from helpers import course

    results = {"machine": machine()}
    steps = [
        ("floor", time_floor),
        ("notebooks", lambda: {path.name: time_notebook(path) for path in course.ready_notebooks() if path.exists()}),
        ("widgets", time_all_widgets),
        ("import_helpers", time_import_helpers),
        ("test_collection", time_test_collection),
        ("test_suite", time_test_suite),
        ("physics", physics_rows),
    ]
    for key, step in steps:
        print(f"  {key}...", end=" ", flush=True)
        start = time.perf_counter()
        try:
            results[key] = step()
        except Exception as error:  # noqa: BLE001 - one broken step is a row in the table; the others still run
            results[key] = {"error": f"{type(error).__name__}: {last_line(error)}"}
        print(f"{time.perf_counter() - start:.0f} s", flush=True)
    results["machine"]["load_average_1min_at_end"] = round(os.getloadavg()[0], 2)
    rows = table_rows(results)
    results["table"] = [dict(zip(("measure", "figure", "target", "verdict", "note"), row, strict=True)) for row in rows]
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "latest.json").write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    about = results["machine"]
    missed = [row[0].strip() for row in rows if row[3] == "MISSED"]
    report = "\n".join([
        f"{about['when_utc']}, commit {about['commit']}, {about['cpus']} CPUs, {about['memory_gb']} GB, "
        f"Python {about['python']}, bytecode cache {about['bytecode_cache']}, "
        f"load average {about['load_average_1min']} -> {about['load_average_1min_at_end']}",
        "",
        format_table(rows),
        "",
        f"{len(missed)} target(s) missed" + (": " + "; ".join(missed) if missed else "") + ".",
    ])
    (RESULTS_DIR / "latest.txt").write_text(report + "\n", encoding="utf-8")
    print("\n" + report)
    print(f"Raw numbers: {(RESULTS_DIR / 'latest.json').relative_to(ROOT)}; this table: "
          f"{(RESULTS_DIR / 'latest.txt').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
