"""The install paths agree: pyproject.toml's pins (pip, `make`) and environment.yml (Binder)."""

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# pip name -> conda-forge name, where they differ
CONDA_NAMES = {}


def pip_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    for requirement in project["dependencies"]:
        name, _, version = requirement.partition("==")
        assert version, f"pyproject.toml: {requirement!r} is not pinned with =="
        pins[CONDA_NAMES.get(name, name).lower()] = version
    return pins


def conda_pins() -> dict[str, str]:
    pins = {}
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        match = re.fullmatch(r"\s*-\s*([A-Za-z0-9_.-]+)\s*(?:=\s*([^\s#]+))?\s*(#.*)?", line)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def test_every_dependency_is_pinned_identically_in_environment_yml():
    conda = conda_pins()
    for name, version in pip_pins().items():
        assert name in conda, f"{name} is in pyproject.toml but not in environment.yml"
        assert conda[name] == version, f"{name}: pyproject.toml pins {version}, environment.yml {conda[name]}"
    extra = set(conda) - set(pip_pins()) - {"python", "pip"}
    assert not extra, f"environment.yml has packages pyproject.toml does not pin: {sorted(extra)}"


def test_binder_python_is_3_11_and_pip_is_there():
    conda = conda_pins()
    assert conda["python"] == "3.11"
    assert "pip" in conda


def test_widget_packages_are_pinned_together():
    pins = pip_pins()
    assert {"jupyterlab", "ipywidgets", "jupyterlab_widgets"} <= set(pins)


def test_no_requirements_txt_to_confuse_repo2docker():
    assert not (ROOT / "requirements.txt").exists()


@pytest.fixture(scope="module")
def dockerfile(tmp_path_factory):
    repo2docker = Path(sys.executable).parent / "repo2docker"
    if not repo2docker.exists():
        repo2docker = shutil.which("repo2docker")
    assert repo2docker, "repo2docker is in the test extras: run `make test` to install it"
    # A clean copy of what git tracks, as Binder would clone it (no .venv, no build output).
    clone = tmp_path_factory.mktemp("binder") / "repo"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", "--detach"], check=True)
    for path in ("environment.yml", "postBuild", "apt.txt", "pyproject.toml"):
        shutil.copy2(ROOT / path, clone / path)  # the work tree's versions, committed or not
    result = subprocess.run([str(repo2docker), "--no-build", "--no-run", "--debug", str(clone)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout + result.stderr


def test_repo2docker_uses_our_environment_and_python_3_11(dockerfile):
    assert "Building conda environment for python=3.11" in dockerfile
    assert 'env update -p ${NB_PYTHON_PREFIX} --file "environment.yml"' in dockerfile


def test_repo2docker_installs_the_cjk_font_and_runs_postbuild(dockerfile):
    assert "apt-get install --yes --no-install-recommends fonts-wqy-microhei" in dockerfile
    assert "RUN ./postBuild" in dockerfile


def test_postbuild_installs_the_helpers_package():
    text = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert "pip install --no-deps -e ." in text
