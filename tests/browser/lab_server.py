"""Start and stop a private JupyterLab server for the browser tests.

The server runs from the course's own environment (``sys.executable -m jupyterlab``),
so the JupyterLab, ipywidgets and jupyterlab_widgets it serves are the pinned ones.
It listens on 127.0.0.1 on a free port with a random token, keeps its settings,
workspaces, runtime files and config in a temporary folder (so nothing of the
user's own Jupyter set-up leaks in and nothing leaks out), and serves a folder the
caller chose, normally a copy of ``notebooks/`` so autosave never writes outputs
back into the repository.

Example
-------
>>> server = start_lab(root_dir=Path("/tmp/lab/root"), state_dir=Path("/tmp/lab/state"))  # doctest: +SKIP
>>> server.tree_url("00_start_here.ipynb")                                                  # doctest: +SKIP
'http://127.0.0.1:41234/lab/tree/00_start_here.ipynb?reset&token=...'
>>> server.stop()                                                                           # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psutil

# Settings a learner's JupyterLab would have, minus what reaches the internet or pops up
# over the page: no news, no update check (the network is closed on CI).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


@dataclass
class LabServer:
    """A running JupyterLab server: its process, address, token, folders and log."""

    process: subprocess.Popen
    base_url: str
    token: str
    root_dir: Path
    log_path: Path

    def tree_url(self, relative_path: str) -> str:
        """Return the address that opens ``relative_path`` (relative to root_dir) in JupyterLab.

        ``reset`` starts from an empty workspace, so notebooks opened earlier in the
        session are not reopened (and their kernels not restarted) with this one.
        """
        return f"{self.base_url}lab/tree/{quote(relative_path)}?reset&token={self.token}"

    def log_tail(self, lines: int = 40) -> str:
        """Return the last lines of the server's log, to explain a failure."""
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, timeout_s: float = 10.0) -> None:
        """Shut the server and all its kernels down, by the server's own PID.

        Asks politely first (``POST /api/shutdown`` stops every kernel), then sends
        SIGTERM, then SIGKILL; finally kills any kernel process that outlived it.
        """
        if self.process.poll() is not None:
            return
        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            children = []
        try:
            request = urllib.request.Request(
                f"{self.base_url}api/shutdown", method="POST", headers={"Authorization": f"token {self.token}"}
            )
            urllib.request.urlopen(request, timeout=5).close()
        except (urllib.error.URLError, OSError):
            pass  # the server is already going, or wedged: the signals below stop it
        for stop_signal in (self.process.terminate, self.process.kill):
            try:
                self.process.wait(timeout=timeout_s)
                break
            except subprocess.TimeoutExpired:
                stop_signal()
        self.process.wait(timeout=timeout_s)
        for child in children:
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_lab_settings(settings_dir: Path) -> None:
    """Write the user settings in ``LAB_SETTINGS`` into a JupyterLab settings folder."""
    for relative_path, values in LAB_SETTINGS.items():
        path = settings_dir / relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2), encoding="utf-8")


def lab_command(root_dir: Path, port: int, token: str) -> list[str]:
    """Return the command line that starts JupyterLab for the tests.

    ``expose_app_in_browser`` puts the application object on ``window.jupyterapp``,
    so the test can wait for the kernel-ready promise instead of guessing from the page.
    """
    command = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--LabApp.expose_app_in_browser=True",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    return command


def lab_environment(state_dir: Path, overrides: dict[str, str]) -> dict[str, str]:
    """Return the server's environment: the current one with every Jupyter folder moved into
    state_dir, then ``overrides`` (a value of None removes the variable)."""
    folders = {
        "JUPYTERLAB_SETTINGS_DIR": state_dir / "lab-settings",
        "JUPYTERLAB_WORKSPACES_DIR": state_dir / "lab-workspaces",
        "JUPYTER_CONFIG_DIR": state_dir / "config",
        "JUPYTER_DATA_DIR": state_dir / "data",
        "JUPYTER_RUNTIME_DIR": state_dir / "runtime",
        "IPYTHONDIR": state_dir / "ipython",
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, **{name: str(folder) for name, folder in folders.items()}}
    environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment.get('PATH', '')}"
    for name, value in {"JUPYTER_TOKEN": None, **overrides}.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return environment


def start_lab(
    root_dir: Path, state_dir: Path, environment_overrides: dict[str, str | None] | None = None,
    timeout_s: float = 60.0,
) -> LabServer:
    """Start JupyterLab serving ``root_dir`` and return once ``/api/status`` answers.

    ``state_dir`` receives the settings, workspaces, runtime files and the log;
    ``environment_overrides`` sets (or, with None, removes) variables for the server and its kernels.
    Raises RuntimeError (with the end of the server's log) if it exits or does not answer in time.
    """
    environment = lab_environment(state_dir, environment_overrides or {})
    write_lab_settings(Path(environment["JUPYTERLAB_SETTINGS_DIR"]))
    port, token = free_port(), secrets.token_hex(24)
    log_path = state_dir / "jupyterlab.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            lab_command(root_dir, port, token), cwd=root_dir, env=environment,
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
        )
    server = LabServer(process, f"http://127.0.0.1:{port}/", token, root_dir, log_path)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with code {process.returncode}:\n{server.log_tail()}")
        if _status_answers(server):
            return server
        time.sleep(0.25)
    server.stop()
    raise RuntimeError(f"JupyterLab did not answer on {server.base_url} within {timeout_s:.0f} s:\n{server.log_tail()}")


def _status_answers(server: LabServer) -> bool:
    request = urllib.request.Request(
        f"{server.base_url}api/status", headers={"Authorization": f"token {server.token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200 and "started" in json.load(response)
    except (urllib.error.URLError, OSError, ValueError):
        return False
