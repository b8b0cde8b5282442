"""Every dataset in data/: loads through its schema, is sourced, is unchanged since its checksum, is documented."""

import datetime as dt
import json

import pandas as pd
import pytest

from helpers import course, data

TODAY = pd.Timestamp(dt.date.today())
DATASETS = data.available()


def test_there_are_datasets():
    assert "milestones" in DATASETS


@pytest.fixture(scope="module", params=DATASETS)
def dataset(request):
    return request.param, data.schema(request.param), data.load(request.param)


def test_schema_is_complete(dataset):
    name, spec, _ = dataset
    for field in ("title", "description", "file", "columns", "sources", "retrieved", "sha256"):
        assert spec.get(field), f"{name}.schema.json has no {field!r}"
    for source in spec["sources"]:
        assert source["url"].startswith("http") and source.get("licence"), f"{name}: source {source} incomplete"
    for col in spec["columns"]:
        assert col.get("description"), f"{name}: column {col['name']} has no description"
        assert col["type"] in data.TYPES
    pd.Timestamp(spec["retrieved"])


def test_checksum_matches_the_file(dataset):
    name, spec, _ = dataset
    assert course.sha256_of(data.path_of(name)) == spec["sha256"], (
        f"data/{spec['file']} changed but its schema's sha256 was not updated: "
        "run `python -m helpers.course checksums` (and check the manifest's sources and date)."
    )


def test_every_row_is_sourced(dataset):
    name, _, table = dataset
    assert "source_url" in table.columns, f"{name} has no source_url column"
    urls = table["source_url"]
    assert urls.notna().all() and urls.str.match(r"https?://\S+$").all(), f"{name}: a row without a source URL"


def test_units_are_in_the_column_names(dataset):
    name, spec, _ = dataset
    for col in spec["columns"]:
        if col.get("unit") and col["type"] in ("number", "integer"):
            assert col["name"] not in ("mass", "altitude", "distance", "value", "period"), (
                f"{name}.{col['name']}: put the unit in the name (e.g. mass_g) or in a unit column"
            )


def test_no_date_in_the_future_unless_planned(dataset):
    name, spec, table = dataset
    planned = table["status"].eq("planned") if "status" in table.columns else pd.Series(False, index=table.index)
    for col in spec["columns"]:
        if col["type"] in ("date", "datetime") and col["name"] != "reported_date":
            future = table[col["name"]] > TODAY + pd.Timedelta(days=1)
            assert not (future & ~planned).any(), (
                f"{name}.{col['name']}: dates after today that are not marked planned: "
                f"{table.loc[future & ~planned, col['name']].dt.date.tolist()}"
            )


def test_planned_rows_say_when_the_plan_was_reported(dataset):
    name, _, table = dataset
    if "status" in table.columns and table["status"].eq("planned").any():
        assert "reported_date" in table.columns, f"{name} has planned rows but no reported_date column"
        reported = table.loc[table["status"].eq("planned"), "reported_date"]
        assert reported.notna().all() and (reported <= TODAY).all(), (
            f"{name}: a planned row without a past reported_date"
        )


def test_data_dictionary_is_up_to_date():
    readme = (data.DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert readme == course.data_dictionary(), "data/README.md is stale: run `python -m helpers.course datadoc`"


def test_every_csv_has_a_schema():
    csvs = {p.stem for p in data.DATA_DIR.glob("*.csv")}
    described = {json.loads(p.read_text(encoding="utf-8"))["file"].removesuffix(".csv")
                 for p in data.DATA_DIR.glob("*.schema.json")}
    assert csvs <= described, f"CSV files without a schema: {sorted(csvs - described)}"
