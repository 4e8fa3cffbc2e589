"""jpcluster run from the installed jar, as a user runs it: what a cluster leaves behind when it stops."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path


def _jpcluster(java: str, jar: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([java, "-cp", str(jar), "org.jparallel.controller.cli.JpclusterMain", *args], env=env,
                          capture_output=True, text=True, timeout=180)


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def _running(pattern: str) -> bool:
    return subprocess.run(["pgrep", "-f", pattern], capture_output=True).returncode == 0


def test_stopping_a_cluster_while_it_records_the_engines_class_archive_leaves_no_scratch_folder(
        java, kernel_jar, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, JPARALLEL_HOME=str(tmp_path / "home"),
               JAVA_TOOL_OPTIONS=f"-Djava.io.tmpdir={scratch}")
    started = _jpcluster(java, kernel_jar, env, "start", "-n", "1", "--daemonize")
    assert started.returncode == 0, started.stdout + started.stderr
    try:
        # A fresh home has no archive: the controller records one in the background, in a folder of the tmpdir.
        assert _wait_for(lambda: list(scratch.glob("jparallel-training*")), 60), "no recording started"
    finally:
        stopped = _jpcluster(java, kernel_jar, env, "stop")
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    assert _wait_for(lambda: not _running(str(scratch)), 30), "a JVM of the cluster is still running"
    assert list(scratch.glob("jparallel-training*")) == []
