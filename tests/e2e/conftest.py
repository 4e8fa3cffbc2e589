"""Fixtures for the end-to-end tests: the real kernel, installed the way users install it.

The session starts by running `kernelspec/install --prefix` into a temporary prefix
(twice: once with the JDK that built the jar, once with JAVA_HOME set to JDK 25)
and by pointing every Jupyter directory (JUPYTER_PATH, data, runtime, config) into
that temporary tree, so nothing reads or writes the user's own Jupyter files.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from kernel_process import Kernel, running_kernel

REPO = Path(__file__).resolve().parents[2]
JAR = REPO / "kernel" / "target" / "jparallel-kernel.jar"
INSTALL_SCRIPT = REPO / "kernelspec" / "install"
JDK25_HOME = Path("/usr/lib/jvm/temurin-25-jdk-amd64")

KERNEL = "jparallel"
KERNEL_JDK25 = "jparallel-jdk25"

TEST_TIMEOUT = int(os.environ.get("JP_E2E_TEST_TIMEOUT", 120))


# --- a deadline for every test phase ---------------------------------------------
# No pytest-timeout here: every client call has its own timeout, and this alarm is
# the backstop for anything that still blocks (a test marked e2e_timeout(N) gets N s).


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "e2e_timeout(seconds): per-phase deadline for a slow end-to-end test"
    )


def _deadline(item) -> int:
    marker = item.get_closest_marker("e2e_timeout")
    return int(marker.args[0]) if marker else TEST_TIMEOUT


class PhaseTimeout(Exception):
    pass


def _with_alarm(item, phase: str):
    seconds = _deadline(item)

    def expire(signum, frame):
        raise PhaseTimeout(f"{item.nodeid}: {phase} took longer than {seconds}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    return previous


def _clear_alarm(previous):
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    previous = _with_alarm(item, "setup")
    try:
        yield
    finally:
        _clear_alarm(previous)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    previous = _with_alarm(item, "test")
    try:
        yield
    finally:
        _clear_alarm(previous)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item):
    previous = _with_alarm(item, "teardown")
    try:
        yield
    finally:
        _clear_alarm(previous)


# --- the installed kernelspecs ---------------------------------------------------


@dataclass
class Installation:
    root: Path  # temporary tree holding everything below
    jupyter_path: Path  # what JUPYTER_PATH points at
    specs: dict[str, Path]  # kernelspec name -> its directory

    def kernel_json(self, name: str) -> dict:
        return json.loads((self.specs[name] / "kernel.json").read_text())


def _install(prefix: Path, java_home: Path | None) -> Path:
    env = dict(os.environ)
    env.pop("JAVA_HOME", None)
    if java_home is not None:
        env["JAVA_HOME"] = str(java_home)
    done = subprocess.run(
        [str(INSTALL_SCRIPT), "--prefix", str(prefix)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    spec = prefix / "share" / "jupyter" / "kernels" / KERNEL
    if done.returncode != 0 or not (spec / "kernel.json").is_file():
        pytest.exit(
            f"{INSTALL_SCRIPT.relative_to(REPO)} --prefix {prefix} (JAVA_HOME={java_home}) "
            f"did not install {spec}/kernel.json: exit {done.returncode}\n"
            f"stdout: {done.stdout}\nstderr: {done.stderr}",
            returncode=2,
        )
    return spec


@pytest.fixture(scope="session", autouse=True)
def installation():
    """Install both kernelspecs into a temporary prefix and point Jupyter at it."""
    if not JAR.is_file():
        pytest.exit(
            f"{JAR} is missing: build it first with `mvn -q package -DskipTests` "
            f"at {REPO} (or run `tests/run-e2e --build`)",
            returncode=2,
        )
    if not os.access(INSTALL_SCRIPT, os.X_OK):
        pytest.exit(f"{INSTALL_SCRIPT} is missing or not executable", returncode=2)

    # Short on purpose: ipc socket paths must stay under 108 bytes.
    root = Path(tempfile.mkdtemp(prefix="jp-e2e-"))
    prefix = root / "prefix"
    jupyter = {
        "JUPYTER_PATH": str(prefix / "share" / "jupyter"),
        "JUPYTER_DATA_DIR": str(root / "data"),
        "JUPYTER_RUNTIME_DIR": str(root / "runtime"),
        "JUPYTER_CONFIG_DIR": str(root / "config"),
    }
    saved = {name: os.environ.get(name) for name in jupyter}
    # Set before installing: the install script may run a kernel session of its own.
    os.environ.update(jupyter)
    try:
        default_spec = _install(prefix, java_home=None)
        # The install script names its kernelspec `jparallel`; a second prefix holds
        # the JDK 25 one, copied next to the first under its own name.
        jdk25_spec = prefix / "share" / "jupyter" / "kernels" / KERNEL_JDK25
        shutil.copytree(_install(root / "prefix-jdk25", java_home=JDK25_HOME), jdk25_spec)
        kernel_json = json.loads((jdk25_spec / "kernel.json").read_text())
        kernel_json["display_name"] += " on JDK 25"
        (jdk25_spec / "kernel.json").write_text(json.dumps(kernel_json, indent=2))
        yield Installation(
            root=root,
            jupyter_path=prefix / "share" / "jupyter",
            specs={KERNEL: default_spec, KERNEL_JDK25: jdk25_spec},
        )
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def kernel_jar() -> Path:
    return JAR


@pytest.fixture(scope="session")
def java(installation) -> str:
    """The java executable the default kernelspec runs."""
    return installation.kernel_json(KERNEL)["argv"][0]


# --- running kernels -------------------------------------------------------------


@pytest.fixture(scope="module")
def kernel(installation) -> Kernel:
    """One kernel for the whole module; tests use names of their own for variables."""
    with running_kernel(KERNEL) as k:
        yield k


@pytest.fixture(scope="module")
def kc(kernel):
    return kernel.kc
