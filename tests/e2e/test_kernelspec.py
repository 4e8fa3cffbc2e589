"""The kernelspec as `kernelspec/install` writes it, and what Jupyter makes of it."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import INSTALL_SCRIPT, JDK25_HOME, KERNEL, KERNEL_JDK25, REPO


def test_kernelspec_names_the_kernel_for_users(installation):
    spec = installation.kernel_json(KERNEL)
    assert (spec["display_name"], spec["language"]) == ("Java (jparallel)", "java"), spec


def test_kernelspec_asks_for_interrupts_by_message(installation):
    assert installation.kernel_json(KERNEL).get("interrupt_mode") == "message"


def test_kernelspec_argv_has_no_placeholder_but_the_connection_file(installation):
    argv = installation.kernel_json(KERNEL)["argv"]
    assert argv.count("{connection_file}") == 1, argv
    rest = [a for a in argv if a != "{connection_file}"]
    leftovers = [a for a in rest if re.search(r"\{[^}]*\}|@\w+@|\$\{?\w+|%\w+%", a)]
    assert leftovers == [], argv


def test_kernelspec_runs_an_existing_java(installation):
    java = installation.kernel_json(KERNEL)["argv"][0]
    resolved = shutil.which(java)
    assert resolved and os.access(resolved, os.X_OK), java


def test_kernelspec_runs_the_built_jar(installation, kernel_jar):
    argv = installation.kernel_json(KERNEL)["argv"]
    jars = [Path(a) for a in argv if a.endswith(".jar")]
    assert len(jars) == 1 and jars[0].is_file(), argv


def test_java_home_selects_the_java_of_the_kernelspec(installation):
    java = installation.kernel_json(KERNEL_JDK25)["argv"][0]
    assert Path(java).resolve().is_relative_to(JDK25_HOME.resolve()), java


def test_without_java_home_the_kernelspec_does_not_use_jdk25(installation):
    java = shutil.which(installation.kernel_json(KERNEL)["argv"][0])
    assert not Path(java).resolve().is_relative_to(JDK25_HOME.resolve()), java


def test_jupyter_lists_the_installed_kernelspec(installation):
    listed = subprocess.run(
        ["/usr/bin/jupyter", "kernelspec", "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    specs = json.loads(listed.stdout)["kernelspecs"]
    assert specs[KERNEL]["spec"]["display_name"] == "Java (jparallel)"


def _run_install(*args, env_overrides=None):
    env = dict(os.environ, **(env_overrides or {}))
    env.pop("JAVA_HOME", None)
    return subprocess.run(
        [str(INSTALL_SCRIPT), *args], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=120,
    )


def test_installing_again_over_an_installed_kernelspec_succeeds(tmp_path):
    first = _run_install("--prefix", str(tmp_path))
    second = _run_install("--prefix", str(tmp_path))
    assert (first.returncode, second.returncode) == (0, 0), second.stderr
    assert (tmp_path / "share/jupyter/kernels/jparallel/kernel.json").is_file()


def test_a_kernelspec_installed_under_another_name_is_listed_apart(tmp_path):
    done = _run_install("--prefix", str(tmp_path), "--name", "jparallel-jdk25", "--no-cds")
    assert done.returncode == 0, done.stderr
    spec = json.loads((tmp_path / "share/jupyter/kernels/jparallel-jdk25/kernel.json").read_text())
    assert spec["display_name"] == "Java (jparallel: jparallel-jdk25)"


def test_user_install_goes_to_the_users_jupyter_data_dir(tmp_path):
    """--user with HOME and JUPYTER_DATA_DIR pointed into tmp_path: nothing real is touched."""
    real = Path.home() / ".local/share/jupyter/kernels/jparallel"
    existed = real.exists()
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    done = _run_install(
        "--user", env_overrides={"HOME": str(home), "JUPYTER_DATA_DIR": str(data)}
    )
    if real.exists() and not existed:
        shutil.rmtree(real)  # ours: it appeared during this test
        pytest.fail("--user ignored HOME and JUPYTER_DATA_DIR and wrote into the real home")
    assert done.returncode == 0, done.stderr
    candidates = [data / "kernels/jparallel", home / ".local/share/jupyter/kernels/jparallel"]
    assert any((c / "kernel.json").is_file() for c in candidates), done.stdout + done.stderr
