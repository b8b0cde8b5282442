"""The data loader: a good file loads with the right types; every kind of damage gets a clear message."""

import json
import os

import pandas as pd
import pytest

from helpers import data

SCHEMA = {
    "title": "Test samples",
    "description": "A small dataset for the loader's tests.",
    "file": "samples.csv",
    "key": ["mission"],
    "columns": [
        {"name": "mission", "type": "string", "description": "Mission"},
        {"name": "return_date", "type": "date", "description": "Landing date"},
        {"name": "mass_g", "type": "number", "unit": "g", "min": 0, "max": 400000, "description": "Mass"},
        {"name": "crew", "type": "integer", "required": False, "description": "Crew size"},
        {"name": "side", "type": "string", "values": ["near", "far"], "description": "Side"},
        {"name": "crewed", "type": "boolean", "description": "Crewed"},
        {"name": "source_url", "type": "string", "description": "Source"},
    ],
}
GOOD = (
    "mission,return_date,mass_g,crew,side,crewed,source_url\n"
    "Chang'e-6,2024-06-25,1935.3,,far,false,https://example.org/ce6\n"
    "Apollo 11,1969-07-24,21550,3,near,true,https://example.org/a11\n"
)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    (tmp_path / "samples.schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    return tmp_path


def write(data_dir, text):
    (data_dir / "samples.csv").write_text(text, encoding="utf-8")


def test_good_file_loads_with_types(data_dir):
    write(data_dir, GOOD)
    table = data.load("samples")
    assert list(table.columns) == [c["name"] for c in SCHEMA["columns"]]
    assert table["return_date"].dtype.kind == "M"
    assert table.loc[1, "return_date"] == pd.Timestamp("1969-07-24")
    assert table["mass_g"].sum() == pytest.approx(23485.3)
    assert pd.isna(table.loc[0, "crew"]) and table.loc[1, "crew"] == 3
    assert table["crewed"].tolist() == [False, True]


def test_loading_does_not_depend_on_the_current_folder(data_dir, tmp_path_factory, monkeypatch):
    write(data_dir, GOOD)
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert len(data.load("samples")) == 2


def test_real_data_dir_is_found_from_any_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert data.DATA_DIR.is_absolute() and (data.DATA_DIR / "README.md").exists()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (None, ["samples.csv is missing", "expected it at"]),
        ("", ["samples.csv is empty", "header row"]),
        (GOOD.splitlines()[0] + "\n", ["has a header but no rows"]),
        (GOOD.replace(",side", ""), ["missing column(s) side", "Expected the columns", "found mission"]),
        (GOOD.replace("2024-06-25", "2024-13-25"), ["line 2", "'return_date'", "'2024-13-25'", "YYYY-MM-DD"]),
        (GOOD.replace("2024-06-25", "25/06/2024"), ["line 2", "not a date"]),
        (GOOD.replace("1935.3", "about 2 kg"), ["line 2", "'mass_g'", "not a number"]),
        (GOOD.replace("1935.3", "-5"), ["outside the allowed range", "min 0"]),
        (GOOD.replace(",far,", ",dark,"), ["'dark'", "not one of the allowed values", "near, far"]),
        (GOOD.replace(",3,", ",2.5,"), ["'crew'", "not a whole number"]),
        (GOOD.replace("false", "no"), ["not true or false"]),
        (GOOD.replace("https://example.org/a11", ""), ["line 3", "'source_url'", "required"]),
        (GOOD.replace("Apollo 11", "Chang'e-6"), ["same key", "mission", "lines 2, 3"]),
        ('mission,"return_date\nbroken', ["damaged"]),
    ],
    ids=["missing", "empty", "header-only", "missing-column", "bad-month", "bad-date-form", "text-for-number",
         "below-min", "not-allowed", "not-whole", "bad-boolean", "empty-required", "duplicate-key", "damaged"],
)
def test_damage_gives_a_plain_message(data_dir, text, words):
    if text is not None:
        write(data_dir, text)
    with pytest.raises(data.DataError) as err:
        data.load("samples")
    for word in words:
        assert word in str(err.value)


def test_unknown_dataset_lists_the_known_ones(data_dir):
    with pytest.raises(data.DataError, match="no dataset called 'sample'.*samples"):
        data.load("sample")


def test_broken_schema_is_reported(data_dir):
    (data_dir / "samples.schema.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(data.DataError, match="samples.schema.json is not valid JSON"):
        data.load("samples")


def test_data_error_is_a_value_error():
    assert issubclass(data.DataError, ValueError)


def test_environment_variable_moves_the_data_folder(tmp_path):
    import subprocess
    import sys

    (tmp_path / "x.schema.json").write_text(json.dumps(SCHEMA | {"file": "x.csv"}), encoding="utf-8")
    code = "from helpers import data; print(data.available())"
    env = {**os.environ, "COURSE_DATA_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['x']"
