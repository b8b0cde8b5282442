"""Notebook hygiene and the course map: what every committed notebook and the README must satisfy.

(nbval runs the notebooks themselves; see the README.)
"""

import json
import re
import tomllib
from pathlib import Path

import pytest

from helpers import course

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MANIFEST = {nb["file"]: nb for nb in course.notebooks()}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def cell_text(cell: dict) -> str:
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: a code cell has outputs; clear them before committing"
            assert cell["execution_count"] is None, f"{path.name}: a code cell has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_kernel_is_python3_and_metadata_is_clean(path):
    metadata = load(path)["metadata"]
    assert metadata["kernelspec"]["name"] == "python3"
    assert set(metadata) <= {"kernelspec", "language_info"}, f"{path.name}: stale metadata {sorted(metadata)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_header_matches_the_course_map(path):
    assert path.name in MANIFEST, f"{path.name} is not in notebooks/course.json"
    entry = MANIFEST[path.name]
    header = cell_text(load(path)["cells"][0])
    assert header.startswith(f"# {entry['number']} · "), f"{path.name}: the title should start '# {entry['number']} · '"
    level = re.search(r"\*\*Level:\*\* (\d)", header)
    minutes = re.search(r"\*\*Time to learn:\*\* (\d+) minutes", header)
    assert level and int(level.group(1)) == entry["level"], f"{path.name}: level differs from course.json"
    assert minutes and int(minutes.group(1)) == entry["minutes"], f"{path.name}: time differs from course.json"
    assert "## Prerequisites" in header and "## Learning objectives" in header
    objectives = re.findall(r"^\d\. \*\*\w+", header.split("## Learning objectives")[1], flags=re.M)
    assert 3 <= len(objectives) <= 5, f"{path.name}: give 3-5 objectives, each starting with a bold verb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_closes_with_summary_and_sources(path):
    markdown = "\n".join(cell_text(c) for c in load(path)["cells"] if c["cell_type"] == "markdown")
    for heading in ("## Summary", "## What's next", "## Sources"):
        assert heading in markdown, f"{path.name} has no '{heading}' section"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_path_tricks_and_no_internet(path):
    code = "\n".join(cell_text(c) for c in load(path)["cells"] if c["cell_type"] == "code")
    assert "sys.path" not in code, f"{path.name}: import helpers directly; it is installed"
    assert not re.search(r"https?://", code), f"{path.name}: code must not fetch from the internet"


def test_manifest_lists_every_notebook_and_ready_ones_exist():
    on_disk = {p.name for p in NOTEBOOKS}
    ready = {name for name, nb in MANIFEST.items() if nb["status"] == "ready"}
    assert ready == on_disk, f"ready in course.json: {sorted(ready)}; on disk: {sorted(on_disk)}"
    assert [nb["number"] for nb in course.notebooks()] == [f"{i:02d}" for i in range(len(MANIFEST))]


def test_readme_course_map_is_up_to_date():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == course.readme_with_map(readme), "README's course map is stale: `python -m helpers.course readme`"


def test_readme_quick_start_is_two_commands_and_ci_runs_make_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in quick.strip().splitlines()]
    assert commands == ["make lab", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_binder_badge_opens_the_start_notebook_of_this_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    repository = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]["Repository"]
    owner_repo = repository.removeprefix("https://github.com/")
    badge = f"https://mybinder.org/v2/gh/{owner_repo}/HEAD?urlpath=lab/tree/notebooks/00_start_here.ipynb"
    assert badge in readme
    assert (ROOT / "notebooks" / "00_start_here.ipynb").exists()
