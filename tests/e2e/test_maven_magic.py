"""%maven as a user types it: artifacts and their dependencies from a Maven repository onto the class path of the
notebook's cells, and with %px onto the engines'. The repository is a folder (never the network), and the local
repository a temporary one (-Dmaven.repo.local through JDK_JAVA_OPTIONS, which the engines inherit)."""
from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from kernel_messages import execute, value_of
from kernel_process import running_kernel

CLUSTER_TIMEOUT = 180
GROUP = "e2e.maven"


def _publish(repo: Path, work: Path, artifact: str, version: str, source: str, class_path: str,
             dependencies: str) -> Path:
    """artifact's jar, POM and their SHA-1 files under repo, in Maven's layout."""
    folder = repo / GROUP.replace(".", "/") / artifact / version
    folder.mkdir(parents=True)
    name = source.split("public class ")[1].split()[0]
    src = work / artifact / version / f"{name}.java"
    src.parent.mkdir(parents=True)
    src.write_text(source)
    classes = work / artifact / version / "classes"
    subprocess.run(["javac", "--release", "17", "-cp", class_path, "-d", str(classes), str(src)],
                   check=True, timeout=120)
    jar = folder / f"{artifact}-{version}.jar"
    subprocess.run(["jar", "--create", "--file", str(jar), "-C", str(classes), "."], check=True, timeout=60)
    pom = folder / f"{artifact}-{version}.pom"
    pom.write_text(f"""<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>{GROUP}</groupId><artifactId>{artifact}</artifactId><version>{version}</version>
<dependencies>{dependencies}</dependencies></project>""")
    for file in (jar, pom):
        Path(f"{file}.sha1").write_text(hashlib.sha1(file.read_bytes()).hexdigest())
    return jar


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> str:
    """e2e.maven:greeting:1.0, whose Greeting calls Words of e2e.maven:words:2.0, its dependency; and words 2.1."""
    root = tmp_path_factory.mktemp("maven")
    repo, work = root / "remote", root / "work"
    words = _publish(repo, work, "words", "2.0",
                     'package e2e.maven; public class Words { public static String hello() { return "hello"; } }',
                     "", "")
    _publish(repo, work, "words", "2.1",
             'package e2e.maven; public class Words { public static String hello() { return "hi"; } }', "", "")
    _publish(repo, work, "greeting", "1.0",
             "package e2e.maven; public class Greeting {"
             ' public static String greet(String who) { return Words.hello() + ", " + who; } }',
             str(words),
             f"<dependency><groupId>{GROUP}</groupId><artifactId>words</artifactId><version>2.0</version></dependency>")
    return repo.as_uri()


@pytest.fixture(scope="module")
def local_repository(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("m2")


@pytest.fixture(scope="module")
def kc(installation, tmp_path_factory, local_repository):
    home = tmp_path_factory.mktemp("jparallel-home")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JPARALLEL_HOME", str(home))
        env.setenv("JDK_JAVA_OPTIONS", f"-Dmaven.repo.local={local_repository}")
        with running_kernel("jparallel") as kernel:
            yield kernel.kc
    assert subprocess.run(["pgrep", "-f", str(home)], capture_output=True).stdout == b"", \
        "cluster processes outlived the kernel"


def test_maven_puts_an_artifact_and_its_dependencies_on_the_class_path(kc, repository, local_repository):
    ex = execute(kc, f"%maven --repo {repository} {GROUP}:greeting:1.0")
    assert ex.status == "ok", ex.describe()
    assert "Added to the class path: [greeting-1.0.jar, words-2.0.jar]" in ex.stdout, ex.stdout
    assert value_of(kc, 'e2e.maven.Greeting.greet("notebook")') == '"hello, notebook"'
    assert (local_repository / "e2e/maven/words/2.0/words-2.0.jar").is_file()


def test_another_version_of_an_artifact_on_the_class_path_is_left_out_with_a_note(kc, repository):
    first = execute(kc, f"%maven --repo {repository} {GROUP}:words:2.0")
    assert first.status == "ok", first.describe()
    ex = execute(kc, f"%maven --repo {repository} {GROUP}:words:2.1")
    assert ex.status == "ok", ex.describe()
    assert "words 2.0 is on the class path already, so 2.1 was left out" in ex.stdout, ex.stdout
    assert "Restart the kernel to use 2.1." in ex.stdout, ex.stdout
    assert value_of(kc, "e2e.maven.Words.hello()") == '"hello"'


def test_an_artifact_no_repository_has_is_a_maven_error(kc, repository):
    ex = execute(kc, f"%maven --repo {repository} {GROUP}:nothing:1.0")
    assert ex.status == "error", ex.describe()
    assert ex.error["ename"] == "MavenError", ex.describe()
    assert f"{GROUP}:nothing:jar:1.0" in ex.error["evalue"], ex.describe()


def test_maven_without_coordinates_prints_its_usage(kc):
    ex = execute(kc, "%maven")
    assert ex.status == "error" and "%maven [--repo URL]... GROUP:ARTIFACT:VERSION" in ex.visible_text, ex.describe()


@pytest.mark.e2e_timeout(CLUSTER_TIMEOUT)
def test_px_maven_gives_the_engines_the_artifact_too(kc, repository):
    started = execute(kc, "%cluster start -n 1", timeout=CLUSTER_TIMEOUT)
    assert started.status == "ok", started.describe()
    try:
        added = execute(kc, f"%px %maven --repo {repository} {GROUP}:greeting:1.0", timeout=CLUSTER_TIMEOUT)
        assert added.status == "ok", added.describe()
        assert "[greeting-1.0.jar, words-2.0.jar]" in added.stdout, added.stdout
        # a lambda typed in the notebook that uses the artifact's class runs on the engine
        ran = execute(kc, 'Client.connect().all().applySync(() -> e2e.maven.Greeting.greet("engine"))')
        assert ran.result() == '[hello, engine]', ran.describe()
    finally:
        execute(kc, "%cluster stop", timeout=CLUSTER_TIMEOUT)
