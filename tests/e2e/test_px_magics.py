"""The parallel magics as a user types them: %cluster, %px and %%px with their options, %pxresult,
%pxconfig and %autopx, against a real 2-engine cluster that the kernel starts itself."""
from __future__ import annotations

import os
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest

from kernel_messages import execute, send, gather
from kernel_process import running_kernel

CLUSTER_TIMEOUT = 180


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("jparallel-home")


@pytest.fixture(scope="module")
def px(installation, home):
    """A kernel whose JPARALLEL_HOME is private to this module; no cluster yet."""
    saved = os.environ.get("JPARALLEL_HOME")
    os.environ["JPARALLEL_HOME"] = str(home)
    try:
        with running_kernel("jparallel") as kernel:
            yield kernel.kc
    finally:
        if saved is None:
            os.environ.pop("JPARALLEL_HOME", None)
        else:
            os.environ["JPARALLEL_HOME"] = saved
        assert subprocess.run(["pgrep", "-f", str(home)], capture_output=True).stdout == b"", \
            "cluster processes outlived the kernel"


@pytest.fixture(scope="module")
def cluster(px):
    ex = execute(px, "%cluster start -n 2", timeout=CLUSTER_TIMEOUT)
    assert ex.status == "ok", ex.describe()
    return px


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.e2e_timeout(60)
def test_px_without_a_cluster_says_how_to_start_one(px):
    ex = execute(px, "%px 1 + 1")
    assert ex.status == "error"
    assert ex.error["evalue"].startswith("no cluster is running for profile 'default': start one with"
                                         " %cluster start -n 4; for a cluster of another profile, %cluster start"
                                         " --profile P points %px at it if it runs"), ex.describe()


@pytest.mark.e2e_timeout(CLUSTER_TIMEOUT)
def test_a_cell_starts_a_cluster_of_its_own_and_closing_it_stops_it(px):
    code = """try (Cluster own = Cluster.start("cellcluster", 1)) {
    System.out.println(own.client().all().applySync(() -> 6 * 7));
}"""
    ex = execute(px, code, timeout=CLUSTER_TIMEOUT)
    assert ex.status == "ok", ex.describe()
    assert ex.stdout == "[42]\n"
    assert subprocess.run(["pgrep", "-f", "cellcluster"], capture_output=True).stdout == b""


@pytest.mark.e2e_timeout(CLUSTER_TIMEOUT)
def test_cluster_start_reports_its_engines(cluster):
    ex = execute(cluster, "%cluster status")
    assert "engines [0, 1]" in ex.stdout


def test_status_of_a_profile_without_a_cluster_leaves_px_on_its_cluster(cluster):
    ex = execute(cluster, "%cluster status --profile nosuchprofile")
    assert ex.status == "error"
    assert ex.error["evalue"] == ("no cluster is running for profile 'nosuchprofile': start one with"
                                  " %cluster start -n 4 --profile nosuchprofile")
    assert execute(cluster, "%px 3 + 3").status == "ok"
    assert "engines [0, 1]" in execute(cluster, "%cluster status").stdout


def test_starting_the_running_cluster_again_says_how_to_use_or_stop_it(cluster):
    ex = execute(cluster, "%cluster start -n 1")
    assert ex.status == "error"
    assert "is running already" in ex.error["evalue"], ex.describe()
    assert ("%px uses it now, and Client.connect() connects to it; %cluster stop stops it"
            in ex.error["evalue"]), ex.describe()


@pytest.mark.e2e_timeout(CLUSTER_TIMEOUT)
def test_starting_a_running_cluster_points_px_at_it(cluster):
    started = execute(cluster, "%cluster start -n 1 --profile single", timeout=CLUSTER_TIMEOUT)
    assert started.status == "ok", started.describe()
    try:
        assert lines(execute(cluster, "%px System.out.println(7)").stdout) == ["[stdout:0] 7"]
        again = execute(cluster, "%cluster start -n 1 --profile default")  # the module's 2 engines, running
        assert again.status == "error" and "%px uses it now" in again.error["evalue"], again.describe()
        ex = execute(cluster, "%px System.out.println(7)")
        assert sorted(lines(ex.stdout)) == ["[stdout:0] 7", "[stdout:1] 7"], ex.stdout
    finally:
        execute(cluster, "%cluster stop --profile single", timeout=CLUSTER_TIMEOUT)


def test_cluster_list_shows_the_profile_and_scheme(cluster):
    ex = execute(cluster, "%cluster list")
    assert re.search(r"^default\s+\d+\s+2\s+leastload\s+1\s", ex.stdout, re.M), ex.stdout


def test_unknown_target_names_the_engines_that_exist(cluster):
    ex = execute(cluster, "%px -t 9 1 + 1")
    assert ex.status == "error"
    assert ex.error["evalue"] == "no engine 9: the engines are [0, 1]"


def test_unknown_option_prints_the_usage(cluster):
    ex = execute(cluster, "%px --turbo 1")
    assert ex.status == "error"
    assert "unknown option --turbo" in ex.traceback
    assert "-t, --targets T" in ex.traceback


def test_expression_values_show_with_engine_and_count(cluster):
    ex = execute(cluster, "%px 6 * 7")
    assert re.findall(r"Out\[(\d):\d+\]: 42", ex.stdout) and \
        sorted(re.findall(r"Out\[(\d):\d+\]: 42", ex.stdout)) == ["0", "1"], ex.stdout


def test_results_show_in_engine_order_whichever_engine_ends_first(cluster):
    delays = execute(cluster, 'var rcDelays = Client.connect();\n'
                              'rcDelays.engine(0).put("delay", 800);\nrcDelays.engine(1).put("delay", 0);')
    assert delays.status == "ok", delays.describe()
    ex = execute(cluster, "%px Thread.sleep(delay); delay")
    assert ex.status == "ok", ex.describe()
    assert re.findall(r"Out\[(\d):\d+\]", ex.stdout) == ["0", "1"], ex.stdout


def test_a_notebook_variable_used_in_px_gets_a_hint_to_push_it(cluster):
    declared = execute(cluster, "int offsetHere = 3;")
    assert declared.status == "ok", declared.describe()
    ex = execute(cluster, "%px offsetHere + 1")
    assert ex.status == "error", ex.describe()
    assert "\nhint: the variable offsetHere is declared in this notebook, not on the engines" in ex.traceback, \
        ex.traceback


def test_a_notebook_lambda_over_a_variable_of_the_engines_gets_a_hint_to_pass_a_reference(cluster):
    scattered = execute(cluster, 'var dvParts = Client.connect().all();\ndvParts.scatterSync("parts", range(6));')
    assert scattered.status == "ok", scattered.describe()
    ex = execute(cluster, "dvParts.applySync(() -> parts.size())")
    assert ex.status == "error" and ex.error["ename"] == "CompileError", ex.describe()
    assert "\nhint: parts lives on the engines (In [" in ex.traceback and 'Reference.to("parts")' in ex.traceback, \
        ex.traceback
    passed = execute(cluster, 'dvParts.applySync((List<Integer> parts) -> parts.size(), Reference.to("parts"))')
    assert passed.result() == "[3, 3]", passed.describe()


def test_a_method_declared_by_px_gets_a_hint_when_the_notebook_calls_it(cluster):
    declared = execute(cluster, "%%px\nlong cubeThere(long x) { return x * x * x; }")
    assert declared.status == "ok", declared.describe()
    ex = execute(cluster, "cubeThere(3)")
    assert "\nhint: cubeThere is a method of the engines" in ex.traceback, ex.traceback


def test_an_activated_view_gets_px_magics_of_its_own(cluster):
    activated = execute(cluster, 'Client.connect().view(1).activate("_one");')
    assert "%px_one, %%px_one, %pxresult_one, %pxconfig_one and %autopx_one run on engines [1]" in activated.stdout, \
        activated.describe()
    ex = execute(cluster, "%px_one 6 * 7")
    assert re.findall(r"Out\[(\d):\d+\]: 42", ex.stdout) == ["1"], ex.describe()
    assert re.findall(r"Out\[(\d):\d+\]: 42", execute(cluster, "%px 6 * 7").stdout) == ["0", "1"], \
        "plain %px still runs on every engine"
    assert "The view activated with suffix _one: engines [1]." in execute(cluster, "%px_one?").visible_text


def test_activating_with_a_suffix_that_is_no_name_says_what_a_suffix_is(cluster):
    ex = execute(cluster, 'Client.connect().all().activate("no good")')
    assert ex.status == "error" and "a suffix of %px is letters, digits and '_'" in ex.error["evalue"], ex.describe()


def test_verbose_names_the_engines(cluster):
    ex = execute(cluster, "%px --verbose -t 1 int unused = 0;")
    assert "Parallel execution on engines: [1]" in ex.stdout


def test_runtime_errors_show_each_engine_with_its_trace(cluster):
    ex = execute(cluster, "%px -t 0 Integer.parseInt(\"x\")")
    assert ex.status == "error"
    assert ex.error["ename"] == "java.lang.NumberFormatException"
    assert "[0:execute] java.lang.NumberFormatException: For input string: \"x\"" in ex.traceback


def test_a_lambda_failing_on_an_engine_shows_where_in_the_notebooks_cells(cluster):
    declaration = execute(cluster, "int depth(int n) {\n"
                                   "    if (n == 0) throw new IllegalArgumentException(\"bottom\");\n"
                                   "    return depth(n - 1);\n"
                                   "}")
    assert declaration.status == "ok", declaration.describe()
    declared = declaration.content["execution_count"]
    ex = execute(cluster, "Client.connect().loadBalancedView().applySync(() -> depth(1))")
    assert ex.status == "error"
    assert ex.error["ename"] == "org.jparallel.client.RemoteError", ex.describe()
    frames = ex.traceback[ex.traceback.index("on engine"):]
    assert "java.lang.IllegalArgumentException: bottom" in frames, ex.traceback
    assert f"at depth(In [{declared}] line 2)" in frames, ex.traceback
    assert f"at depth(In [{declared}] line 3)" in frames, ex.traceback
    assert f"at lambda(In [{ex.content['execution_count']}] line 1)" in frames, ex.traceback
    assert "org.jparallel.engine" not in frames, ex.traceback


def test_an_exception_class_of_the_notebook_is_named_as_the_notebook_names_it(cluster):
    declared = execute(cluster, "class OutOfStock extends RuntimeException { OutOfStock(String m) { super(m); } }")
    assert declared.status == "ok", declared.describe()
    local = execute(cluster, 'throw new OutOfStock("here")')
    assert local.error["ename"] == "OutOfStock", local.describe()
    remote = execute(cluster, 'Client.connect().engine(0).applySync(() -> { throw new OutOfStock("there"); })')
    assert "[0:apply] OutOfStock: there" in remote.error["evalue"], remote.describe()
    assert "$JShell$" not in remote.traceback and "OutOfStock: there" in remote.traceback, remote.traceback


def test_task_flags_and_their_duration_need_no_import(cluster):
    ex = execute(cluster, "var lv = Client.connect().loadBalancedView();\n"
                          "var first = lv.applyAsync(() -> 1);\n"
                          "lv.withFlags(after(first), timeout(Duration.ofSeconds(30)), retries(1)).applySync(() -> 2)")
    assert ex.status == "ok", ex.describe()
    assert ex.result() == "2", ex.describe()
    on_engines = execute(cluster, "%px Duration.ofSeconds(2).toMillis()")
    assert on_engines.status == "ok", on_engines.describe()
    assert "2000" in on_engines.stdout, on_engines.stdout


def test_task_queries_and_their_instants_need_no_import(cluster):
    ran = execute(cluster, "Client.connect().loadBalancedView().applySync(() -> 1);\n"
                           "Client.connect().dbQuery(TaskQuery.all().completedAfter(Instant.EPOCH)).isEmpty()")
    assert ran.result() == "false", ran.describe()
    on_engines = execute(cluster, "%px Instant.EPOCH.getEpochSecond()")
    assert on_engines.status == "ok" and "0" in on_engines.stdout, on_engines.describe()


def test_px_computes_with_the_elements_of_what_was_scattered(cluster):
    scattered = execute(cluster, 'var dv = Client.connect().all();\ndv.scatterSync("x", range(16));')
    assert scattered.status == "ok", scattered.describe()
    squared = execute(cluster, "%px var y = x.stream().map(i -> i * i).toList();")
    assert squared.status == "ok", squared.describe()
    gathered = execute(cluster, 'dv.gatherSync("y")')
    assert gathered.result() == "[0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144, 169, 196, 225]", gathered.describe()


def test_a_record_of_the_notebook_scattered_to_the_engines_is_theirs_by_name(cluster):
    scattered = execute(cluster, "var onEngines = Client.connect().all();\n"
                                 "record Pt(double x, double y) { double norm() { return Math.hypot(x, y); } }\n"
                                 "onEngines.scatterSync(\"pts\", List.of(new Pt(3, 4), new Pt(6, 8), new Pt(5, 12), new Pt(8, 15)));")
    assert scattered.status == "ok", scattered.describe()
    used = execute(cluster, "%px var norms = pts.stream().map(Pt::norm).toList();")
    assert used.status == "ok", used.describe()
    gathered = execute(cluster, 'onEngines.gatherSync("norms")')
    assert gathered.result() == "[5.0, 10.0, 13.0, 17.0]", gathered.describe()


def test_a_record_declared_on_both_sides_moves_as_each_sides_own(cluster):
    declared = execute(cluster, "%%px --local\nrecord Vec(double x, double y) { double norm() { return Math.hypot(x, y); } }")
    assert declared.status == "ok", declared.describe()
    pushed = execute(cluster, 'var both = Client.connect().all();\nboth.pushSync(Map.of("sent", new Vec(6, 8)));')
    assert pushed.status == "ok", pushed.describe()
    used = execute(cluster, "%px sent.norm()")
    assert used.status == "ok", used.describe()
    assert "Out[0:" in used.stdout and "10.0" in used.stdout, used.stdout
    assert execute(cluster, "%px var made = new Vec(3, 4);").status == "ok"
    pulled = execute(cluster, 'Vec mine = both.<Vec>pullSync("made").get(0);\nmine.norm()')
    assert pulled.result() == "5.0", pulled.describe()


def test_a_class_of_the_notebook_travels_to_the_engines_and_back_without_implements_serializable(cluster):
    declared = execute(cluster, "class Walker { double x; Walker(double x) { this.x = x; }\n"
                                "  Walker step() { x += 1; return this; }\n"
                                "  public String toString() { return \"Walker at \" + x; } }")
    assert declared.status == "ok", declared.describe()
    mapped = execute(cluster, "Client.connect().all().mapSync((Walker w) -> w.step(),\n"
                              "    List.of(new Walker(0), new Walker(10), new Walker(20), new Walker(30)))")
    assert mapped.result() == "[Walker at 1.0, Walker at 11.0, Walker at 21.0, Walker at 31.0]", mapped.describe()


def test_an_object_of_a_class_of_the_notebook_pushed_to_the_engines_is_theirs_by_name(cluster):
    declared = execute(cluster, "class Hiker { double x; Hiker(double x) { this.x = x; }\n"
                                "  Hiker step() { x += 1; return this; }\n"
                                "  public String toString() { return \"Hiker at \" + x; } }\n"
                                "record Party(String name, List<Hiker> members) { }")
    assert declared.status == "ok", declared.describe()
    pushed = execute(cluster, 'var trail = Client.connect().all();\n'
                              'trail.pushSync(Map.of("hiker", new Hiker(4), "party", new Party("p", List.of(new Hiker(1)))));')
    assert pushed.status == "ok", pushed.describe()
    stepped = execute(cluster, "%px hiker.step()")
    assert stepped.status == "ok" and "Hiker at 5.0" in stepped.stdout, stepped.describe()
    members = execute(cluster, "%px party.members().get(0).step().x")
    assert members.status == "ok" and "2.0" in members.stdout, members.describe()
    pulled = execute(cluster, 'Hiker mine = trail.<Hiker>pullSync("hiker").get(0);\nmine.step()')
    assert pulled.result() == "Hiker at 6.0", pulled.describe()
    referred = execute(cluster, 'trail.applySync((Hiker h) -> h.x, Reference.to("hiker"))')
    assert referred.result() == "[5.0, 5.0]", referred.describe()
    mixed = execute(cluster, "class Runner extends Hiker { Runner(double x) { super(x); } }\n"
                             'trail.pushSync(Map.of("pack", List.of(new Hiker(1), new Runner(2)), "pair", Map.entry("r", new Runner(7))));')
    assert mixed.status == "ok", mixed.describe()
    stepped = execute(cluster, "%px pack.get(1).step().x + pair.getValue().step().x")
    assert stepped.status == "ok" and "11.0" in stepped.stdout, stepped.describe()
    boxed = execute(cluster, "class Box<T> { T v; Box(T v) { this.v = v; } T get() { return v; } }\n"
                             'trail.pushSync(Map.of("word", new Box<>("trail")));')
    assert boxed.status == "ok", boxed.describe()
    length = execute(cluster, "%px word.get().length()")
    assert length.status == "ok" and "5" in length.stdout, length.describe()


def test_a_pushed_object_whose_class_calls_methods_of_the_notebook_works_in_px(cluster):
    declared = execute(cluster, "double gain(double x) { return x * 2; }\n"
                                "double boost(double x) { return gain(x) + 1; }\n"
                                "class Climber { double h; Climber(double h) { this.h = h; }\n"
                                "  Climber climb() { h = boost(h); return this; } }")
    assert declared.status == "ok", declared.describe()
    pushed = execute(cluster, 'Client.connect().all().pushSync(Map.of("climber", new Climber(1)));')
    assert pushed.status == "ok", pushed.describe()
    climbed = execute(cluster, "%px climber.climb().h")
    assert climbed.status == "ok" and "3.0" in climbed.stdout, climbed.describe()
    # the engines' own declaration of a method stays theirs
    mine = execute(cluster, "%px double gain(double x) { return x * 10; }")
    assert mine.status == "ok", mine.describe()
    again = execute(cluster, 'Client.connect().all().pushSync(Map.of("climber", new Climber(1)));\n')
    assert again.status == "ok", again.describe()
    climbed = execute(cluster, "%px climber.climb().h")
    assert climbed.status == "ok" and "11.0" in climbed.stdout, climbed.describe()


def test_a_pushed_object_brings_the_classes_the_notebook_methods_it_calls_use(cluster):
    declared = execute(cluster, "class Lever { int pull(int v) { return v + 1000; } }\n"
                                "int leverage() { return new Lever().pull(1); }\n"
                                "class Crane { int lift() { return leverage(); } }")
    assert declared.status == "ok", declared.describe()
    assert execute(cluster, 'Client.connect().all().pushSync(Map.of("crane", new Crane()));').status == "ok"
    lifted = execute(cluster, "%px crane.lift()")
    assert lifted.status == "ok" and "1001" in lifted.stdout, lifted.describe()


def test_pushing_after_the_notebook_changed_a_method_keeps_the_engines_earlier_objects(cluster):
    declared = execute(cluster, "double jump(double x) { return x + 1; }\n"
                                "class Jumper { double x; Jumper go() { x = jump(x); return this; } }")
    assert declared.status == "ok", declared.describe()
    assert execute(cluster, 'Client.connect().all().pushSync(Map.of("jumper", new Jumper()));').status == "ok"
    assert "1.0" in execute(cluster, "%px jumper.go().x").stdout
    changed = execute(cluster, "double jump(double x) { return x * 10; }\n"
                               'Client.connect().all().pushSync(Map.of("other", new Jumper()));')
    assert changed.status == "ok", changed.describe()
    kept = execute(cluster, "%px jumper.go().x")
    assert kept.status == "ok" and "10.0" in kept.stdout, kept.describe()


def test_a_class_the_notebook_changed_in_place_reaches_the_engines_with_the_next_push(cluster):
    declared = execute(cluster, "class Gear { int teeth() { return 1; } }\n"
                                "class Bike { int ride() { return new Gear().teeth(); } }")
    assert declared.status == "ok", declared.describe()
    assert execute(cluster, 'Client.connect().all().pushSync(Map.of("bike", new Bike()));').status == "ok"
    assert "Out[0:" in execute(cluster, "%px bike.ride()").stdout
    changed = execute(cluster, "class Gear { int teeth() { return 2; } }\n"
                               'Client.connect().all().pushSync(Map.of("bike2", new Bike()));')
    assert changed.status == "ok", changed.describe()
    ridden = execute(cluster, "%px bike2.ride() + bike.ride()")
    assert ridden.status == "ok" and "4" in ridden.stdout, ridden.describe()


def test_an_engines_own_declaration_of_a_pushed_class_stays_its_own_when_pushed_again(cluster):
    declared = execute(cluster, "class Cog { int size() { return 1; } }\n"
                                "class Mill { int turn() { return new Cog().size(); } }")
    assert declared.status == "ok", declared.describe()
    assert execute(cluster, 'Client.connect().all().pushSync(Map.of("mill", new Mill()));').status == "ok"
    assert execute(cluster, "%px class Cog { int size() { return 1000; } }").status == "ok"
    assert execute(cluster, 'Client.connect().all().pushSync(Map.of("mill2", new Mill()));').status == "ok"
    turned = execute(cluster, "%px mill2.turn()")
    assert turned.status == "ok" and "1000" in turned.stdout, turned.describe()


def test_a_pushed_object_of_a_member_class_of_the_notebook_is_the_engines_own(cluster):
    declared = execute(cluster, "class Trail { static class Marker { int n = 21; int twice() { return 2 * n; } } }")
    assert declared.status == "ok", declared.describe()
    pushed = execute(cluster, 'Client.connect().all().pushSync(Map.of("marker", new Trail.Marker()));')
    assert pushed.status == "ok", pushed.describe()
    used = execute(cluster, "%px marker.twice()")
    assert used.status == "ok" and "42" in used.stdout, used.describe()


def test_a_function_and_a_comparator_kept_in_variables_of_the_notebook_travel(cluster):
    kept = execute(cluster, "Function<Integer, Integer> inc = x -> x + 1;\n"
                            "Comparator<String> longestFirst = (a, b) -> b.length() - a.length();")
    assert kept.status == "ok", kept.describe()
    used = execute(cluster, 'Client.connect().engine(0).applySync(() ->\n'
                            '    Stream.of("a", "ccc", "bb").sorted(longestFirst).map(s -> s + inc.apply(s.length())).toList())')
    assert used.result() == "[ccc4, bb3, a2]", used.describe()


def test_statistics_and_optionals_of_streams_come_back_from_engines(cluster):
    statistics = execute(cluster, "Client.connect().engine(0).applySync(() -> DoubleStream.of(1, 2, 3).summaryStatistics())")
    assert statistics.result() == ("DoubleSummaryStatistics{count=3, sum=6.000000, min=1.000000, average=2.000000,"
                                   " max=3.000000}"), statistics.describe()
    maxima = execute(cluster, "Client.connect().all().applySync(() -> List.of(IntStream.range(0, 5).max()))")
    assert maxima.result() == "[[OptionalInt[4]], [OptionalInt[4]]]", maxima.describe()  # one per engine


def test_a_compile_error_shows_once_with_the_engines_that_hit_it(cluster):
    ex = execute(cluster, "%px int broken = \"s\";")
    assert ex.status == "error"
    assert ex.traceback.count("incompatible types") >= 1
    assert "[0,1:execute] CompileError" in ex.traceback


def test_out_binds_the_async_result_to_a_variable(cluster):
    assert execute(cluster, "%px -o outcome int bound = 1;").status == "ok"
    ex = execute(cluster, "outcome.ready() + \" \" + outcome.engineIds()")
    assert ex.result() == '"true [0, 1]"'


def test_a_cell_lambda_applies_to_each_engines_own_variable_and_its_outputs_print_labelled(cluster):
    assert execute(cluster, 'var refs = Client.connect().all(); refs.scatterSync("chunk", range(10));').status == "ok"
    ex = execute(cluster, 'refs.applySync((List<Integer> xs) -> xs.stream().mapToInt(x -> x).sum(), '
                          'Reference.to("chunk"))')
    assert ex.result() == "[10, 35]", ex.describe()
    ex = execute(cluster, 'var said = refs.apply((List<Integer> xs) -> { System.out.println("chunk of " + xs.size());'
                          ' return 0; }, Reference.to("chunk"));\n'
                          'said.waitInteractive();\n'
                          'said.displayOutputs();')
    assert ex.status == "ok", ex.describe()
    assert "2/2 tasks finished after" in ex.stdout and "done" in ex.stdout, ex.stdout
    assert "[stdout:0] chunk of 5" in ex.stdout and "[stdout:1] chunk of 5" in ex.stdout, ex.stdout


def test_a_task_that_displays_html_shows_it_rich_through_display_outputs(cluster):
    code = ('var shown = Client.connect().loadBalancedView().apply(() -> { display(html("<b>from a task</b>"));'
            ' return 1; });\n'
            'shown.get();\n'
            'shown.displayOutputs();')
    ex = execute(cluster, code)
    assert ex.status == "ok", ex.describe()
    assert re.search(r"\[output:\d\]", ex.stdout), ex.describe()
    assert [d["data"].get("text/html") for d in ex.displays] == ["<b>from a task</b>"], ex.describe()


def test_a_magic_line_takes_a_trailing_comment_as_a_cell_line_does(cluster):
    ex = execute(cluster, '%%px -t 0   // engine zero only\nSystem.out.println("zero");')
    assert ex.status == "ok", ex.describe()
    assert lines(ex.stdout) == ["[stdout:0] zero"], ex.describe()
    assert execute(cluster, "%cluster status   // how many engines").status == "ok"


def test_an_engines_update_of_its_display_replaces_it_in_the_notebook(cluster):
    ex = execute(cluster, '%%px -t 0\n'
                          'var progress = displayWithId("progress", "step 0");\n'
                          'progress.update("step 1");\n'
                          'updateDisplay("progress", "done");')
    assert ex.status == "ok", ex.describe()
    progress_bar = "%px:"  # shown too when the machine is slow
    shown = [m["content"] for m in ex.of_type("display_data") if progress_bar not in m["content"]["data"]["text/plain"]]
    updates = [m["content"] for m in ex.of_type("update_display_data")
               if progress_bar not in m["content"]["data"]["text/plain"]]
    assert [d["data"]["text/plain"] for d in shown] == ['"step 0"'], ex.describe()
    assert [u["data"]["text/plain"] for u in updates] == ['"step 1"', '"done"'], ex.describe()
    display_id = shown[0]["transient"]["display_id"]
    assert [u["transient"]["display_id"] for u in updates] == [display_id, display_id]


def test_local_runs_the_code_in_the_kernel_too(cluster):
    assert execute(cluster, "%px --local int both = 5;").status == "ok"
    assert execute(cluster, "both + 1").result() == "6"


def test_local_error_shows_even_when_the_engines_fail_too(cluster):
    ex = execute(cluster, '%px --local throw new IllegalStateException("everywhere");')
    assert ex.status == "error"
    assert "--local, in this kernel: java.lang.IllegalStateException: everywhere" in ex.stderr, ex.describe()


def test_no_stream_groups_outputs_by_engine(cluster):
    ex = execute(cluster, '%%px --no-stream --group-outputs engine\n'
                          'System.out.println("a"); System.err.println("b");')
    assert ex.status == "ok"
    assert "[stdout:0]" in ex.stdout and "[stdout:1]" in ex.stdout
    assert "[stderr:0]" in ex.stderr and "[stderr:1]" in ex.stderr


def test_an_engines_log_record_shows_as_its_stderr(cluster):
    ex = execute(cluster, '%px java.util.logging.Logger.getLogger("mylib").warning("engine disk almost full");')
    assert ex.status == "ok", ex.describe()
    assert "[stderr:0]" in ex.stderr and "[stderr:1]" in ex.stderr, ex.describe()
    assert ex.stderr.count("WARNING: engine disk almost full") == 2, ex.describe()


def test_pxconfig_changes_the_default_targets(cluster):
    try:
        assert execute(cluster, "%pxconfig -t 1").status == "ok"
        ex = execute(cluster, '%px System.out.println("here");')
        assert lines(ex.stdout) == ["[stdout:1] here"], ex.stdout
    finally:
        execute(cluster, "%pxconfig -t all")


def test_a_rich_result_of_px_shows_as_its_type_under_its_label(cluster):
    ex = execute(cluster, '%px markdown("**bold**")')
    assert ex.status == "ok", ex.describe()
    rich = [d["data"]["text/markdown"] for d in ex.displays if "text/markdown" in d["data"]]
    assert rich == ["**bold**", "**bold**"], ex.describe()
    labels = [line for line in lines(ex.stdout) if line.startswith("Out[")]
    assert [re.sub(r":\d+\]", ":N]", label) for label in labels] == ["Out[0:N]:", "Out[1:N]:"], ex.stdout


def test_autopx_sends_every_cell_to_the_engines_until_turned_off(cluster):
    assert "enabled" in execute(cluster, "%autopx").stdout
    try:
        ex = execute(cluster, 'System.out.println("auto");')
        assert sorted(lines(ex.stdout)) == ["[stdout:0] auto", "[stdout:1] auto"], ex.stdout
    finally:
        assert "disabled" in execute(cluster, "%autopx").stdout
    assert execute(cluster, "1 + 1").result() == "2"


@pytest.mark.e2e_timeout(60)
def test_interrupting_a_blocking_px_stops_the_engines_and_returns(cluster):
    kc = cluster
    request = send(kc, "execute_request", {"code": "%px while (true) { }", "silent": False,
                                           "store_history": True, "user_expressions": {},
                                           "allow_stdin": False, "stop_on_error": True})
    time.sleep(4)  # past the progress bar's 2 s
    send(kc, "interrupt_request", {}, channel="control")
    started = time.monotonic()
    ex = gather(kc, request, timeout=30)
    assert time.monotonic() - started < 10
    assert ex.status == "error"
    bars = [m["content"]["data"]["text/plain"] for m in ex.of_type("update_display_data")]
    assert bars and bars[-1].endswith("0/2 tasks finished, then interrupted"), ex.describe()
    assert execute(kc, "%px 2 + 2").status == "ok", "the engines serve again after the interrupt"


def test_interrupting_a_cell_that_waits_for_tasks_stops_those_tasks(cluster):
    kc = cluster
    assert execute(kc, "var waiting = Client.connect();").status == "ok"
    request = send(kc, "execute_request", {
        "code": "waiting.all().map((Integer i) -> { Thread.sleep(60_000); return i; }, range(4)).get()",
        "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    time.sleep(2)
    send(kc, "interrupt_request", {}, channel="control")
    ex = gather(kc, request, timeout=30)
    assert ex.status == "error" and ex.error["ename"] == "Interrupted", ex.describe()
    started = time.monotonic()
    after = execute(kc, "waiting.all().applySync(() -> 1)", timeout=60)
    assert after.result() == "[1, 1]", after.describe()
    assert time.monotonic() - started < 20, "the engines still ran the tasks of the interrupted cell"


def _interrupt_after(kc, code: str, seconds: float = 2):
    """Send a cell, interrupt it after `seconds`, and return what it produced."""
    request = send(kc, "execute_request", {"code": code, "silent": False, "store_history": True,
                                           "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    time.sleep(seconds)
    send(kc, "interrupt_request", {}, channel="control")
    return gather(kc, request, timeout=30)


@pytest.mark.e2e_timeout(120)
def test_a_px_that_prints_without_end_stays_interruptible_and_keeps_its_engines(cluster):
    kc = cluster
    ex = _interrupt_after(kc, '%%px\nfor (long i = 0; ; i++) System.out.println("line " + i);', seconds=8)
    assert ex.status == "error" and ex.error["ename"] == "Interrupted", ex.error
    assert "[stdout:0]" in ex.stdout and "[stdout:1]" in ex.stdout and "\nline 0\nline 1\n" in ex.stdout
    started = time.monotonic()
    after = execute(kc, "%px ProcessHandle.current().isAlive()", timeout=60)
    assert after.status == "ok" and after.stdout.count("true") == 2, after.describe()
    assert time.monotonic() - started < 20, "the engines were still sending the interrupted cell's output"


@pytest.mark.e2e_timeout(90)
def test_interrupting_a_wait_stops_a_lambda_that_never_heeds_interrupts(cluster):
    kc = cluster
    assert execute(kc, "var spinning = Client.connect();").status == "ok"
    ex = _interrupt_after(kc, "spinning.all().map((Integer i) -> { while (true) { } }, range(2)).get()")
    assert ex.status == "error" and ex.error["ename"] == "Interrupted", ex.describe()
    started = time.monotonic()
    after = execute(kc, "spinning.all().applySync(() -> 1)", timeout=60)
    assert after.result() == "[1, 1]", after.describe()
    assert time.monotonic() - started < 20, "the engines still spun in the interrupted cell's lambda"


@pytest.mark.e2e_timeout(90)
def test_interrupting_a_px_leaves_other_work_on_its_engine_alone(cluster):
    kc = cluster
    assert execute(kc, "var other = Client.connect().engine(1)"
                       '.applyAsync(() -> { Thread.sleep(6_000); return "other done"; });').status == "ok"
    ex = _interrupt_after(kc, "%px -t 1 2 + 2")
    assert ex.status == "error" and ex.error["ename"] == "Interrupted", ex.describe()
    assert "Out[1:" not in ex.stdout, "the interrupted %px ran after all: " + ex.stdout
    assert execute(kc, "other.get()", timeout=30).result() == '"other done"'


@pytest.mark.e2e_timeout(90)
def test_interrupting_pxresult_stops_the_wait_and_the_engines(cluster):
    kc = cluster
    assert execute(kc, "%px -a while (true) { }").status == "ok"
    started = time.monotonic()
    ex = _interrupt_after(kc, "%pxresult")
    assert time.monotonic() - started < 10
    assert ex.status == "error" and ex.error["ename"] == "Interrupted", ex.describe()
    assert execute(kc, "%px 2 + 2", timeout=30).status == "ok", "the engines serve again after the interrupt"


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    """A jar that neither the kernel nor the engines have at start: a static method and a record."""
    work = tmp_path_factory.mktemp("library")
    (work / "Scale.java").write_text(
        "package jarsdemo; public class Scale { public static int times3(int x) { return 3 * x; } }")
    (work / "Point.java").write_text(
        "package jarsdemo; public record Point(int x, int y) implements java.io.Serializable { }")
    subprocess.run(["javac", "--release", "17", "-d", str(work / "classes"),
                    str(work / "Scale.java"), str(work / "Point.java")], check=True)
    jar = work / "jarsdemo.jar"
    subprocess.run(["jar", "cf", str(jar), "-C", str(work / "classes"), "."], check=True)
    return jar


def test_px_whos_shows_each_engines_variables(cluster):
    assert execute(cluster, "%px int whosOnEngine = 7;").status == "ok"
    ex = execute(cluster, "%px %whos")
    assert ex.status == "ok", ex.describe()
    for engine in ("0", "1"):
        assert re.search(rf"\[stdout:{engine}\] .*whosOnEngine\s+int\s+7", ex.stdout, re.S), ex.stdout


def test_jars_on_the_kernel_and_the_engines_serve_cells_and_lambdas(cluster, library):
    assert execute(cluster, f"%jars {library}").status == "ok"
    added = execute(cluster, f"%px %jars {library}")
    assert added.status == "ok", added.describe()
    assert re.search(r"\[stdout:0\] Added to the class path: \[.*jarsdemo\.jar\]", added.stdout), added.stdout

    on_engines = execute(cluster, "%px jarsdemo.Scale.times3(14)")
    assert sorted(re.findall(r"Out\[(\d):\d+\]: 42", on_engines.stdout)) == ["0", "1"], on_engines.stdout

    mapped = execute(cluster, "var jars = Client.connect();\n"
                              "jars.all().mapSync(x -> jarsdemo.Scale.times3(x), range(4))")
    assert mapped.result() == "[0, 3, 6, 9]", mapped.describe()
    point = execute(cluster, "jars.engine(1).applySync(() -> new jarsdemo.Point(1, 2))")
    assert point.result() == "Point[x=1, y=2]", point.describe()
    assert execute(cluster, "jars.close();").status == "ok"


def test_jars_of_a_path_the_engines_lack_prints_the_usage(cluster):
    ex = execute(cluster, "%px -t 0 %jars /no/such/library.jar")
    assert ex.status == "error"
    assert "UsageError: no such file or folder: /no/such/library.jar" in ex.traceback
    assert "%jars PATH..." in ex.traceback


@pytest.mark.e2e_timeout(CLUSTER_TIMEOUT)
def test_cluster_engines_adds_engines_that_px_then_reaches(cluster):
    ex = execute(cluster, "%cluster engines -n 1", timeout=CLUSTER_TIMEOUT)
    assert ex.status == "ok", ex.describe()
    assert ex.stdout.strip().endswith("has 3 engines.")
    ex = execute(cluster, "%px System.out.println(\"here\");")
    assert ex.status == "ok", ex.describe()
    assert sorted(lines(ex.stdout)) == ["[stdout:0] here", "[stdout:1] here", "[stdout:2] here"]


@pytest.mark.e2e_timeout(CLUSTER_TIMEOUT)
def test_cluster_restart_gives_fresh_engines_that_px_reaches(cluster):
    declared = execute(cluster, "%px int beforeRestart = 1;")
    assert declared.status == "ok", declared.describe()
    ex = execute(cluster, "%cluster restart", timeout=CLUSTER_TIMEOUT)
    assert ex.status == "ok", ex.describe()
    assert "restarted its engines: 3 engines, fresh JVMs with new ids." in ex.stdout, ex.describe()
    ex = execute(cluster, "%px beforeRestart")
    assert ex.status == "error", "the engines' state is new"
    ex = execute(cluster, '%px System.out.println("again");')
    assert sorted(lines(ex.stdout)) == ["[stdout:3] again", "[stdout:4] again", "[stdout:5] again"], ex.describe()


@pytest.mark.e2e_timeout(CLUSTER_TIMEOUT)
def test_cluster_stop_stops_every_process(cluster, home):
    ex = execute(cluster, "%cluster stop", timeout=60)
    assert "stopped" in ex.stdout
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if subprocess.run(["pgrep", "-f", str(home)], capture_output=True).stdout == b"":
            break
        time.sleep(0.2)
    assert subprocess.run(["pgrep", "-f", str(home)], capture_output=True).stdout == b""


@pytest.mark.e2e_timeout(CLUSTER_TIMEOUT)
def test_an_activated_views_magics_reach_a_cluster_started_again(cluster, home):
    started = execute(cluster, "%cluster start -n 2", timeout=CLUSTER_TIMEOUT)
    assert started.status == "ok", started.describe()
    try:
        ex = execute(cluster, "%px_one 6 * 7")
        assert re.findall(r"Out\[(\d):\d+\]: 42", ex.stdout) == ["1"], ex.describe()
    finally:
        execute(cluster, "%cluster stop", timeout=60)


@pytest.mark.e2e_timeout(CLUSTER_TIMEOUT)
def test_px_after_the_cluster_was_shut_down_from_a_cell_says_none_is_running(cluster):
    started = execute(cluster, "%cluster start -n 1 --profile shut", timeout=CLUSTER_TIMEOUT)
    assert started.status == "ok", started.describe()
    assert execute(cluster, "%px 1 + 1").status == "ok"
    assert execute(cluster, 'Client.connect("shut").shutdown(); Thread.sleep(2000);', timeout=60).status == "ok"
    ex = execute(cluster, "%px 1 + 1")
    assert ex.status == "error"
    assert ex.error["evalue"].startswith("no cluster is running for profile 'shut': start one with"
                                         " %cluster start -n 4 --profile shut;"), ex.describe()
