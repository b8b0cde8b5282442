"""The learner's progress: every exercise check, kept in a small JSON file.

Each ``q.check(...)`` adds one record (notebook, question id, outcome, time in
UTC) to the progress file, and :func:`show` turns the records into a table of
exercises done per notebook::

    from helpers import progress
    progress.show()          # every notebook: done / total
    progress.show("01")      # one notebook, question by question

Where the file lives
    ``COURSE_PROGRESS_FILE`` if that environment variable is set; otherwise
    ``$XDG_DATA_HOME/china-space-course/progress.json`` (by default
    ``~/.local/share/china-space-course/progress.json``, which works on a laptop
    and on Binder); if that folder cannot be written, a folder in the system's
    temporary directory.

Safe writing
    Each write goes to a temporary file in the same folder, then replaces the
    progress file in one step (``os.replace``), so a killed kernel never leaves
    half a file. (No fsync, which would cost milliseconds a check: should a power
    cut ever damage the file, it is set aside as below.) A lock file
    (``progress.json.lock``, with ``fcntl.flock`` where the system has it) makes
    two kernels writing at once take turns, so nothing is lost. A damaged file
    is set aside as ``progress.json.damaged-TIMESTAMP`` with a message, and a
    fresh one is started. Progress never makes a check
    fail: if the file cannot be written, one line says so and the verdict stands.

Example
-------
>>> progress_path().name
'progress.json'
>>> print(ProgressTable("Notebook 99: 1 of 2 exercises done", ["Exercise", "Status"],
...                     [["99.1", "✓ done"], ["99.2", "not tried yet"]]))
Notebook 99: 1 of 2 exercises done
Exercise  Status
99.1      ✓ done
99.2      not tried yet
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; writes stay atomic, concurrent kernels may race
    fcntl = None

APP_FOLDER = "china-space-course"
FORMAT = 1
OUTCOMES = ("not attempted", "correct", "incorrect", "cannot check")


def progress_path() -> Path:
    """Return the path of the progress file (see the module's docstring for the rules)."""
    override = os.environ.get("COURSE_PROGRESS_FILE")
    if override:
        return Path(override).expanduser()
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    folder = data_home / APP_FOLDER
    if _writable_folder(folder):
        return folder / "progress.json"
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return Path(tempfile.gettempdir()) / f"{APP_FOLDER}-{user}" / "progress.json"


def _writable_folder(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


@contextlib.contextmanager
def _locked(path: Path):
    """Hold an exclusive lock on ``path``'s lock file for the duration of the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        if fcntl is not None:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _valid(content) -> bool:
    return (
        isinstance(content, dict)
        and isinstance(content.get("checks"), list)
        and all(
            isinstance(r, dict) and all(isinstance(r.get(k), str)
                                        for k in ("notebook", "question", "outcome", "time"))
            for r in content["checks"]
        )
    )


def _read(path: Path) -> list[dict]:
    """Return the records in ``path`` (call with the lock held); set a damaged file aside."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    try:
        content = json.loads(text)
    except ValueError:
        content = None
    if _valid(content):
        return content["checks"]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    os.replace(path, aside)
    print(f"Your progress file was damaged; it is kept as {aside} and a fresh one is started.")
    return []


def _write(path: Path, records: list[dict]) -> None:
    """Replace ``path`` with ``records`` in one step (call with the lock held)."""
    lines = ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)  # one check a line
    text = f'{{"format": {FORMAT}, "checks": [\n{lines}\n]}}'
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text + "\n")
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def record(notebook: str, question_id: str, outcome: str) -> bool:
    """Add one check to the progress file. Never raises: returns False (with a note) on failure.

    ``outcome`` is one of :data:`OUTCOMES`; the time is now, in UTC (ISO 8601).
    """
    entry = {
        "notebook": notebook,
        "question": question_id,
        "outcome": outcome,
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    try:
        path = progress_path()
        with _locked(path):
            _write(path, [*_read(path), entry])
    except Exception as error:
        print(f"(Your progress could not be saved: {error}. The check above still counts.)")
        return False
    return True


def load() -> list[dict]:
    """Return every check recorded so far, oldest first (an empty list if none, or on error)."""
    try:
        path = progress_path()
        with _locked(path):
            return _read(path)
    except Exception as error:
        print(f"(Your progress could not be read: {error}.)")
        return []


def done(records: list[dict]) -> set[tuple[str, str]]:
    """Return the (notebook, question id) pairs answered correctly at least once."""
    return {(r["notebook"], r["question"]) for r in records if r["outcome"] == "correct"}


class ProgressTable:
    """A progress table: markdown in a notebook, plain text elsewhere."""

    def __init__(self, title: str, header: list[str], rows: list[list[str]]):
        self.title = title
        self.header = header
        self.rows = rows

    def _repr_markdown_(self) -> str:
        lines = [f"**{self.title}**", "", "| " + " | ".join(self.header) + " |",
                 "|" + "---|" * len(self.header)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)

    def __repr__(self) -> str:
        widths = [max(len(str(r[k])) for r in [self.header, *self.rows])
                  for k in range(len(self.header))]
        lines = [self.title] + ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True))
                                .rstrip() for row in [self.header, *self.rows]]
        return "\n".join(lines)


def _bar(done_count: int, total: int, width: int = 10) -> str:
    filled = round(width * done_count / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def _course_table(records: list[dict]) -> ProgressTable:
    from helpers import course, questions

    finished = done(records)
    rows, all_done, all_total = [], 0, 0
    for nb in course.notebooks():
        try:
            ids = [q.id for q in questions.bank(nb["number"])]
        except Exception:
            ids = None
        if ids is None:
            status, bar = "exercises could not be loaded", ""
        elif not ids:
            status, bar = "planned" if nb["status"] != "ready" else "no exercises", ""
        else:
            count = sum((nb["number"], i) in finished for i in ids)
            all_done, all_total = all_done + count, all_total + len(ids)
            status, bar = f"{count} of {len(ids)}", _bar(count, len(ids))
        rows.append([nb["number"], nb["title"], status, bar])
    title = f"Your progress: {all_done} of {all_total} exercises done"
    return ProgressTable(title, ["#", "Notebook", "Exercises done", ""], rows)


def _notebook_table(number: str, records: list[dict]) -> ProgressTable:
    from helpers import questions

    tried = {(r["notebook"], r["question"]) for r in records if r["outcome"] != "not attempted"}
    finished = done(records)
    rows = []
    for question in questions.bank(number):
        key = (number, question.id)
        status = ("✓ done" if key in finished
                  else "tried, not right yet" if key in tried else "not tried yet")
        rows.append([question.id, question.prompt, status])
    count = sum(row[2] == "✓ done" for row in rows)
    title = f"Notebook {number}: {count} of {len(rows)} exercises done"
    return ProgressTable(title, ["Exercise", "Question", "Status"], rows)


def show(notebook: str | int | None = None) -> ProgressTable:
    """Return a table of exercises done: per notebook, or per question of one ``notebook``.

    >>> show("99").title                                 # doctest: +SKIP
    'Notebook 99: 1 of 3 exercises done'
    """
    records = load()
    if notebook is None:
        return _course_table(records)
    return _notebook_table(str(notebook).zfill(2), records)
