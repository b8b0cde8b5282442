"""Load the course's datasets from ``data/`` and check them against their schemas.

Every dataset is a CSV file, ``data/NAME.csv``, with a schema beside it,
``data/NAME.schema.json``. The schema lists each column with its type, its unit
and the values it may take, the columns that together identify a row (the key),
and where the numbers come from. :func:`load` reads the file, checks it against
the schema and returns a pandas DataFrame with numbers as numbers and dates as
dates. When something is wrong it raises :class:`DataError` with a message that
names the file, what was expected and what was found.

Example
-------
>>> from helpers import data
>>> samples = data.load("lunar_samples")              # doctest: +SKIP
>>> samples[["mission", "mass_g"]].head()             # doctest: +SKIP

Column types used in the schemas:

========  ==================================================
string    any text
integer   a whole number, such as ``42``
number    any number, such as ``1731.0`` or ``-7.5``
date      a calendar date in ISO form, ``YYYY-MM-DD``
datetime  an ISO date and time, ``YYYY-MM-DDTHH:MM[:SS][Z]`` (UTC)
boolean   ``true`` or ``false``
========  ==================================================

A column may also give ``min`` and ``max`` (inclusive bounds for numbers and
dates), ``values`` (the only values allowed) and ``required`` (``false`` when a
cell may be empty; columns are required unless they say otherwise).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

DATA_DIR = Path(os.environ.get("COURSE_DATA_DIR", Path(__file__).resolve().parent.parent / "data"))

TYPES = ("string", "integer", "number", "date", "datetime", "boolean")


class DataError(ValueError):
    """A dataset is missing, empty or does not match its schema."""


def available() -> list[str]:
    """Return the names of the datasets in ``data/`` (those with a schema).

    >>> "milestones" in available()                     # doctest: +SKIP
    True
    """
    return sorted(p.name.removesuffix(".schema.json") for p in DATA_DIR.glob("*.schema.json"))


def schema(name: str) -> dict:
    """Return the schema of dataset ``name`` as a dictionary.

    Raises :class:`DataError` if there is no such dataset or its schema is not valid JSON.
    """
    path = DATA_DIR / f"{name}.schema.json"
    if not path.exists():
        known = ", ".join(available()) or "none"
        raise DataError(
            f"There is no dataset called {name!r}: expected a schema file {path.name} in "
            f"{DATA_DIR}. The datasets that exist are: {known}."
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataError(f"The schema {path.name} is not valid JSON ({err}).") from None


def path_of(name: str) -> Path:
    """Return the path of dataset ``name``'s CSV file (which may not exist)."""
    return DATA_DIR / schema(name).get("file", f"{name}.csv")


def load(name: str) -> pd.DataFrame:
    """Read dataset ``name`` from ``data/``, check it against its schema and return it.

    Numbers come back as numbers (integer columns with empty cells as pandas'
    nullable ``Int64``), dates and datetimes as ``datetime64``, booleans as bool.

    Parameters
    ----------
    name : str
        The dataset's name, the CSV file's name without ``.csv``, e.g. ``"milestones"``.

    Raises
    ------
    DataError
        If the file is missing, empty, has missing or unexpected columns, or a cell
        is not of its column's type or outside its allowed values or range.
    """
    spec = schema(name)
    path = path_of(name)
    if not path.exists():
        raise DataError(f"The data file {path.name} is missing: expected it at {path}.")
    raw = _read_text_table(path)
    _check_columns(raw, spec, path.name)
    table = pd.DataFrame(
        {col["name"]: _convert(raw[col["name"]], col, path.name) for col in spec["columns"]}
    )
    _check_key(table, spec, path.name)
    return table


def _read_text_table(path: Path) -> pd.DataFrame:
    """Read a CSV file with every cell as text, empty cells as empty strings."""
    if path.stat().st_size == 0:
        raise DataError(f"The data file {path.name} is empty: expected a header row and data rows.")
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise DataError(f"The data file {path.name} is damaged and cannot be read as CSV: {err}") from None
    except pd.errors.EmptyDataError:
        raise DataError(
            f"The data file {path.name} is empty: expected a header row and data rows."
        ) from None
    if raw.empty:
        raise DataError(f"The data file {path.name} has a header but no rows of data.")
    return raw


def _check_columns(raw: pd.DataFrame, spec: dict, file_name: str) -> None:
    expected = [col["name"] for col in spec["columns"]]
    missing = [c for c in expected if c not in raw.columns]
    extra = [c for c in raw.columns if c not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if extra:
            parts.append(f"unexpected column(s) {', '.join(extra)}")
        raise DataError(
            f"The data file {file_name} does not match its schema: {'; '.join(parts)}. "
            f"Expected the columns {', '.join(expected)}; found {', '.join(raw.columns)}."
        )


def _convert(text: pd.Series, col: dict, file_name: str) -> pd.Series:
    """Turn one column of text into its schema type, checking every cell."""
    kind = col["type"]
    name = col["name"]
    empty = text.str.strip() == ""
    if col.get("required", True) and empty.any():
        _fail(file_name, name, text, empty, "is empty, but this column is required")
    if kind == "string":
        values = text.where(~empty, None)
    elif kind in ("integer", "number"):
        values = pd.to_numeric(text.where(~empty, None), errors="coerce")
        _fail_if(file_name, name, text, values.isna() & ~empty, f"is not a {kind}")
        if kind == "integer":
            whole = values.dropna() % 1 == 0
            _fail_if(file_name, name, text, ~whole.reindex(text.index, fill_value=True),
                     "is not a whole number")
            values = values.astype("Int64")
    elif kind in ("date", "datetime"):
        fmt = "%Y-%m-%d" if kind == "date" else "ISO8601"
        values = pd.to_datetime(text.where(~empty, None), format=fmt, errors="coerce", utc=False)
        expected = "a date in the form YYYY-MM-DD" if kind == "date" else "an ISO date and time"
        _fail_if(file_name, name, text, values.isna() & ~empty, f"is not {expected}")
        if kind == "datetime" and values.dt.tz is not None:
            values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    elif kind == "boolean":
        lowered = text.str.strip().str.lower()
        _fail_if(file_name, name, text, ~lowered.isin(["true", "false"]) & ~empty,
                 "is not true or false")
        values = lowered.map({"true": True, "false": False})
    else:
        raise DataError(f"The schema of {file_name} gives column {name!r} an unknown type {kind!r}; "
                        f"use one of {', '.join(TYPES)}.")
    _check_allowed(values, col, text, file_name)
    return values


def _check_allowed(values: pd.Series, col: dict, text: pd.Series, file_name: str) -> None:
    name = col["name"]
    present = values.notna()
    if "values" in col:
        _fail_if(file_name, name, text, present & ~values.isin(col["values"]),
                 f"is not one of the allowed values ({', '.join(map(str, col['values']))})")
    for bound, outside in (("min", lambda v, b: v < b), ("max", lambda v, b: v > b)):
        if bound in col:
            limit = col[bound]
            if col["type"] in ("date", "datetime"):
                limit = pd.Timestamp(limit)
            bad = present & outside(values.where(present), limit).fillna(False).astype(bool)
            _fail_if(file_name, name, text, bad, f"is outside the allowed range ({bound} {col[bound]})")


def _check_key(table: pd.DataFrame, spec: dict, file_name: str) -> None:
    key = spec.get("key")
    if not key:
        return
    dup = table.duplicated(subset=key, keep=False)
    if dup.any():
        rows = ", ".join(str(i + 2) for i in dup[dup].index[:5])
        raise DataError(
            f"The data file {file_name} has rows with the same key ({', '.join(key)}): "
            f"lines {rows}. Each row must be unique on these columns."
        )


def _fail_if(file_name, column, text, bad, problem) -> None:
    if bad.any():
        _fail(file_name, column, text, bad, problem)


def _fail(file_name, column, text, bad, problem) -> None:
    first = bad[bad].index[0]
    line = first + 2  # one for the header, one because lines count from 1
    count = int(bad.sum())
    more = f" ({count - 1} more row(s) like it)" if count > 1 else ""
    raise DataError(
        f"The data file {file_name}, line {line}, column {column!r}: "
        f"the value {text[first]!r} {problem}{more}."
    )
