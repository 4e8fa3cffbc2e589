"""Magics as a user types them in a cell: %lsmagic, %time, %%time, %jars, and typos."""
from __future__ import annotations

import re
import subprocess

import pytest

from kernel_messages import exchange, execute, value_of

TIMING = re.compile(r"(?i)time\D*\d+([.,]\d+)?\s*(ns|µs|us|ms|s)\b")


@pytest.fixture(scope="module")
def greeter_jar(tmp_path_factory):
    """A jar holding e2e.Greeter, compiled for Java 17 like the kernel."""
    root = tmp_path_factory.mktemp("greeter")
    source = root / "src" / "e2e" / "Greeter.java"
    source.parent.mkdir(parents=True)
    source.write_text(
        "package e2e;\n"
        "public class Greeter {\n"
        '    public static String greet() { return "hello from a jar"; }\n'
        "}\n"
    )
    classes, jar = root / "classes", root / "greeter.jar"
    subprocess.run(
        ["javac", "--release", "17", "-d", str(classes), str(source)], check=True, timeout=120
    )
    subprocess.run(["jar", "--create", "--file", str(jar), "-C", str(classes), "."],
                   check=True, timeout=60)
    return jar


def test_lsmagic_lists_every_magic(kc):
    text = execute(kc, "%lsmagic").visible_text
    for name in ("%lsmagic", "%time", "%%time", "%timeit", "%%timeit", "%jars", "%classpath", "%maven",
                 "%addMavenDependencies", "%load", "%who", "%whos", "%%html", "%%markdown", "%sh", "%%bash"):
        assert name in text, f"{name} missing from:\n{text}"


def test_whos_lists_the_notebooks_variables_but_not_its_own(kc):
    execute(kc, "int whosCounter = 5;")
    text = execute(kc, "%whos").stdout
    assert re.search(r"^whosCounter\s+int\s+5$", text, re.M), text
    assert "whosCounter" in execute(kc, "%who").stdout.split()
    assert not re.search(r"^(Out|\$)", text, re.M), text


def test_time_line_magic_shows_the_value(kc):
    assert execute(kc, "%time 20 + 22").result() == "42"


def test_time_line_magic_reports_how_long_it_took(kc):
    ex = execute(kc, "%time 20 + 22")
    assert TIMING.search(ex.visible_text), ex.visible_text


def test_time_cell_magic_runs_the_whole_cell(kc):
    ex = execute(kc, '%%time\nint timedTotal = 0;\nfor (int i = 1; i <= 10; i++) timedTotal += i;\n'
                     'System.out.println("total " + timedTotal);')
    assert "total 55" in ex.stdout, ex.describe()


def test_time_cell_magic_reports_how_long_it_took(kc):
    ex = execute(kc, "%%time\nThread.sleep(50);")
    assert TIMING.search(ex.visible_text), ex.visible_text


def test_timeit_reports_the_time_per_loop(kc):
    ex = execute(kc, "%timeit -n 100 -r 3 Math.sqrt(2.0)")
    assert ex.status == "ok", ex.describe()
    assert re.fullmatch(r"\S+ (ns|µs|ms|s) ± \S+ (ns|µs|ms|s) per loop \(mean ± std\. dev\. of 3 runs, 100 loops each\)\n",
                        ex.stdout), ex.stdout


def test_definitions_in_a_timed_cell_stay_defined(kc):
    execute(kc, "%%time\nint definedWhileTimed = 9;")
    assert value_of(kc, "definedWhileTimed") == "9"


def test_jars_magic_puts_a_jar_on_the_class_path(kc, greeter_jar):
    added = execute(kc, f"%jars {greeter_jar}")
    assert added.status == "ok", added.describe()
    assert value_of(kc, "e2e.Greeter.greet()") == '"hello from a jar"'


def test_ijavas_classpath_magic_adds_a_folder_of_classes(kc, tmp_path):
    source = tmp_path / "src" / "e2e" / "Farewell.java"
    source.parent.mkdir(parents=True)
    source.write_text('package e2e;\npublic class Farewell { public static String bye() { return "bye from a folder"; } }\n')
    classes = tmp_path / "classes"
    subprocess.run(["javac", "--release", "17", "-d", str(classes), str(source)], check=True, timeout=120)
    added = execute(kc, f"%classpath {classes}")
    assert added.status == "ok", added.describe()
    assert value_of(kc, "e2e.Farewell.bye()") == '"bye from a folder"'
    assert "The same as %jars (IJava's name for it)." in execute(kc, "%classpath?").visible_text


def test_load_runs_a_file_of_snippets_in_the_session(kc, tmp_path):
    script = tmp_path / "helpers.jsh"
    script.write_text("int loadedTwice(int x) { return 2 * x; }\nloadedTwice(21)\n")
    assert execute(kc, f"%load {script}").result() == "42"
    assert value_of(kc, "loadedTwice(4)") == "8"


def test_bash_cell_streams_its_output_and_fails_on_a_bad_status(kc):
    ex = execute(kc, "%%bash\necho out; echo err >&2\nexit 4")
    assert ex.status == "error" and ex.error["evalue"] == "bash exited with status 4", ex.describe()
    assert ex.stdout == "out\n" and ex.stream("stderr") == "err\n", ex.describe()


def test_html_cell_shows_the_cells_text_as_html(kc):
    ex = execute(kc, "%%html\n<b>bold</b> text")
    assert ex.status == "ok", ex.describe()
    assert [d["data"] for d in ex.displays] == [{"text/html": "<b>bold</b> text"}], ex.describe()


def test_jars_magic_with_a_missing_file_is_an_error(kc, tmp_path):
    ex = execute(kc, f"%jars {tmp_path / 'no-such.jar'}")
    assert ex.status == "error" and "no-such.jar" in ex.visible_text, ex.describe()


@pytest.mark.parametrize("typed,expected", [("%lsm", "%lsmagic"), ("%%ti", "%%time")])
def test_magic_names_complete(kc, typed, expected):
    reply = exchange(kc, "complete_request", {"code": typed, "cursor_pos": len(typed)}).content
    assert expected in reply["matches"] and reply["cursor_start"] == 0, reply


@pytest.mark.parametrize("typed,expected,start", [
    ("%px --ta", ["--targets"], 4),
    ("%cluster st", ["start", "stop", "status"], 9),
    ("%cluster start --sch", ["--scheme"], 15),
])
def test_a_magics_options_and_first_words_complete(kc, typed, expected, start):
    reply = exchange(kc, "complete_request", {"code": typed, "cursor_pos": len(typed)}).content
    assert reply["matches"] == expected and reply["cursor_start"] == start, reply


def test_java_after_px_still_completes_as_java(kc):
    typed = "%px String.valueO"
    reply = exchange(kc, "complete_request", {"code": typed, "cursor_pos": len(typed)}).content
    assert any(m.startswith("valueOf") for m in reply["matches"]), reply


def test_question_mark_shows_a_magics_usage(kc):
    text = execute(kc, "%time?").visible_text
    assert "%time" in text and "%%time" in text, text


def test_unknown_magic_lists_the_known_ones(kc):
    text = execute(kc, "%nosuchmagic").visible_text
    assert "nosuchmagic" in text, text
    for name in ("lsmagic", "time", "jars"):
        assert name in text, f"{name} missing from:\n{text}"


def test_a_cell_magic_used_as_a_line_magic_says_where_it_goes(kc):
    ex = execute(kc, "%html <b>bold</b>")
    assert ex.status == "error"
    assert ex.error["evalue"].startswith("%%html is a cell magic: put it on the first line of its cell"), ex.describe()
