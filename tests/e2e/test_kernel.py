"""Running cells as a Jupyter client sees it: values, streams, display, errors, the
message envelope, stdin and stop_on_error.

One kernel serves the module; each test defines variables under names of its own.
"""
from __future__ import annotations

import re

import pytest

from kernel_messages import (
    exchange,
    execute,
    execute_content,
    gather,
    send,
    value_of,
    wait_for,
)


# --- kernel_info -------------------------------------------------------------------


def test_kernel_info_speaks_protocol_5_3_or_newer(kc):
    reply = exchange(kc, "kernel_info_request", {})
    version = tuple(int(part) for part in reply.content["protocol_version"].split(".")[:2])
    assert version >= (5, 3), reply.content


def test_kernel_info_describes_java(kc):
    info = exchange(kc, "kernel_info_request", {}).content["language_info"]
    assert (info["name"], info["file_extension"]) == ("java", ".java"), info


# --- values and streams ------------------------------------------------------------


def test_expression_value_is_the_cell_result(kc):
    assert value_of(kc, "1 + 1") == "2"


def test_string_value_is_shown_quoted_as_jshell_does(kc):
    assert value_of(kc, '"abc"') == '"abc"'


def test_variable_defined_in_one_cell_is_usable_in_the_next(kc):
    value_of(kc, "int five = 5;")
    assert value_of(kc, "five * 2") == "10"


def test_last_expression_of_a_multi_statement_cell_is_the_result(kc):
    assert value_of(kc, "int three = 3;\nint four = 4;\nthree * four") == "12"


def test_statement_without_value_has_no_result(kc):
    ex = execute(kc, 'System.out.println("no value");')
    assert ex.of_type("execute_result") == [], ex.describe()


def test_underscore_is_the_last_displayed_value(kc):
    value_of(kc, '"abc"')
    assert value_of(kc, "_.toString()") == '"abc"'


def test_underscore_holding_a_number_works_in_arithmetic(kc):
    value_of(kc, "6 * 7")
    assert value_of(kc, "_ + 1") == "43"


def test_underscore_holding_a_primitive_has_object_methods(kc):
    value_of(kc, "6 * 7")
    assert value_of(kc, "_.toString()") == '"42"'


def test_empty_cell_is_ok_and_shows_nothing(kc):
    ex = execute(kc, "")
    assert (ex.status, ex.outputs) == ("ok", []), ex.describe()


def test_comment_only_cell_is_ok_and_shows_nothing(kc):
    ex = execute(kc, "// just a note\n/* and another */")
    assert (ex.status, ex.outputs) == ("ok", []), ex.describe()


def test_redefined_method_replaces_the_old_one(kc):
    value_of(kc, "int version() { return 1; }")
    value_of(kc, "int version() { return 2; }")
    assert value_of(kc, "version()") == "2"


def test_caller_of_a_redefined_method_uses_the_new_one(kc):
    value_of(kc, "int base() { return 1; }")
    value_of(kc, "int twice() { return base() * 2; }")
    value_of(kc, "int base() { return 21; }")
    assert value_of(kc, "twice()") == "42"


def test_an_object_whose_class_calls_a_redefined_method_is_kept_as_in_jshell(kc):
    value_of(kc, "double lift(double x) { return x + 1.5; }")
    value_of(kc, "class Climber { double h; void climb() { h = lift(h); } }")
    value_of(kc, "var climber = new Climber(); climber.h = 2; climber.climb();")
    value_of(kc, "double lift(double x) { return x - 1000; }")
    assert value_of(kc, "climber.h") == "3.5"
    assert value_of(kc, "climber.climb(); climber.h") == "-996.5"


def test_a_lambda_kept_in_a_variable_calls_the_method_as_redefined(kc):
    value_of(kc, "int bump(int a) { return a + 1; }")
    value_of(kc, "IntSupplier bumped = () -> bump(5);")
    value_of(kc, "int bump(int a) { return a + 2; }")
    assert value_of(kc, "bumped.getAsInt()") == "7"


def test_method_defined_before_its_callee_works_once_the_callee_exists(kc):
    execute(kc, "int outer() { return inner() + 1; }")
    value_of(kc, "int inner() { return 41; }")
    assert value_of(kc, "outer()") == "42"


def test_defining_a_method_that_calls_an_undeclared_one_is_not_an_error(kc):
    """JShell accepts it ("cannot be invoked until ... is declared"). As an error it
    would abort the cells queued behind it: "Run All" on a notebook that defines
    helpers below their callers would stop there."""
    ex = execute(kc, "int caller() { return notYetDeclared() + 1; }")
    assert ex.status == "ok", ex.describe()


def test_println_streams_to_stdout(kc):
    ex = execute(kc, 'System.out.println("hi");')
    assert (ex.status, ex.stdout, ex.stderr) == ("ok", "hi\n", "")


def test_system_err_streams_to_stderr(kc):
    ex = execute(kc, 'System.err.println("oops");')
    assert (ex.status, ex.stderr, ex.stdout) == ("ok", "oops\n", "")


def test_a_cells_log_record_shows_in_its_stderr_as_java_prints_it(kc):
    ex = execute(kc, 'java.util.logging.Logger.getLogger("mylib").warning("disk almost full");')
    assert ex.status == "ok" and "WARNING: disk almost full\n" in ex.stderr, ex.describe()


def test_a_system_logger_record_shows_in_the_cells_stderr(kc):
    ex = execute(kc, 'System.getLogger("mylib").log(System.Logger.Level.WARNING, "slow reply");')
    assert ex.status == "ok" and "WARNING: slow reply\n" in ex.stderr, ex.describe()


def test_log_records_below_info_stay_out_of_the_cell(kc):
    ex = execute(kc, 'java.util.logging.Logger.getLogger("mylib").fine("details");')
    assert (ex.status, ex.stderr) == ("ok", ""), ex.describe()


def test_output_without_a_final_newline_is_shown(kc):
    ex = execute(kc, 'System.out.print("no newline");')
    assert ex.stdout == "no newline", ex.describe()


def test_non_ascii_output_keeps_its_characters(kc):
    ex = execute(kc, 'System.out.println("héllo ✓ 日本 😀");')
    assert ex.stdout == "héllo ✓ 日本 😀\n"


def test_non_ascii_value_keeps_its_characters(kc):
    assert value_of(kc, '"日本 ✓"') == '"日本 ✓"'


def test_long_output_arrives_whole_and_in_order(kc):
    ex = execute(kc, 'for (int i = 0; i < 20_000; i++) System.out.println("row " + i);')
    rows = ex.stdout.splitlines()
    assert rows == [f"row {i}" for i in range(20_000)], f"{len(rows)} rows"


def test_output_of_a_thread_started_by_the_cell_is_shown(kc):
    ex = execute(
        kc,
        'Thread worker = new Thread(() -> System.out.println("from a thread"));\n'
        "worker.start();\n"
        "worker.join();",
    )
    assert ex.stdout == "from a thread\n", ex.describe()


def test_stdout_reaches_the_client_while_the_cell_still_runs(kc, tmp_path):
    """The cell waits for a file the test creates only after seeing the first line."""
    go = tmp_path / "go"
    code = (
        'System.out.println("waiting");\n'
        f'var go = java.nio.file.Path.of("{go}");\n'
        "long until = System.currentTimeMillis() + 10_000;\n"
        "while (!java.nio.file.Files.exists(go) && System.currentTimeMillis() < until) "
        "Thread.sleep(20);\n"
        'System.out.println(java.nio.file.Files.exists(go) ? "released" : "never released");'
    )
    request = send(kc, "execute_request", execute_content(code))
    try:
        wait_for(kc, request, lambda m: "waiting" in m["content"].get("text", ""), timeout=8)
        streamed = True
    except AssertionError:
        streamed = False
    finally:
        go.touch()
        ex = gather(kc, request)
    assert streamed, f"'waiting' was not shown while the cell ran; {ex.describe()}"
    assert ex.stdout == "waiting\nreleased\n", ex.describe()


def test_lines_printed_over_time_arrive_before_the_cell_ends(kc):
    ex = execute(
        kc,
        'for (int i = 0; i < 4; i++) { System.out.println("line " + i); Thread.sleep(400); }',
    )
    assert ex.stdout == "line 0\nline 1\nline 2\nline 3\n", ex.describe()
    first = ex.arrival_of_first(lambda m: m["msg_type"] == "stream")
    first_text = ex.of_type("stream")[0]["content"]["text"]
    assert "line 3" not in first_text, "all lines came in one message at the end"
    # Three more 400 ms sleeps follow the first line: it must not wait for them.
    assert ex.reply_at - first > 0.4, (
        f"first stream message arrived only {ex.reply_at - first:.3f}s before the reply"
    )


# --- execution counts and the message envelope -------------------------------------


def test_execution_count_increases_by_one_per_cell(kc):
    first = execute(kc, "int countedA = 1;").content["execution_count"]
    second = execute(kc, "int countedB = 2;").content["execution_count"]
    assert second == first + 1


def test_execute_input_echoes_the_code_and_its_count(kc):
    ex = execute(kc, "int echoed = 7;")
    inputs = [m["content"] for m in ex.of_type("execute_input")]
    assert inputs == [{"code": "int echoed = 7;", "execution_count": ex.content["execution_count"]}]


def test_result_carries_the_cells_execution_count(kc):
    ex = execute(kc, "2 + 3")
    (result,) = ex.of_type("execute_result")
    assert result["content"]["execution_count"] == ex.content["execution_count"]


def test_store_history_false_does_not_advance_the_count(kc):
    before = execute(kc, "int storedA = 1;").content["execution_count"]
    execute(kc, "int unstored = 1;", store_history=False)
    after = execute(kc, "int storedB = 1;").content["execution_count"]
    assert after == before + 1, f"counts {before}, then {after}: the unstored cell was counted"


def test_store_history_false_leaves_the_previous_cells_out_entry(kc):
    count = execute(kc, '"kept"').content["execution_count"]
    execute(kc, '"not kept"', store_history=False)
    assert value_of(kc, f"Out.get({count})") == '"kept"'


def test_in_holds_each_cells_input_by_its_count_as_in_ipython(kc):
    count = execute(kc, "int remembered = 7;").content["execution_count"]
    assert value_of(kc, f"In.get({count})") == '"int remembered = 7;"'


def test_silent_cell_publishes_no_input_and_no_result(kc):
    ex = execute(kc, "40 + 2", silent=True)
    assert ex.status == "ok"
    assert ex.of_type("execute_input", "execute_result") == [], ex.describe()


def test_silent_cell_does_not_advance_the_count(kc):
    before = execute(kc, "int beforeSilent = 1;").content["execution_count"]
    execute(kc, "int duringSilence = 1;", silent=True)
    after = execute(kc, "int afterSilent = 1;").content["execution_count"]
    assert after == before + 1, f"counts {before}, then {after}: the silent cell was counted"


SHELL_REQUESTS = [
    ("execute_request", execute_content('System.out.println("x"); 1 + 1')),
    ("kernel_info_request", {}),
    ("complete_request", {"code": "Strin", "cursor_pos": 5}),
    ("inspect_request", {"code": "String", "cursor_pos": 6, "detail_level": 0}),
    ("is_complete_request", {"code": "int x = 1;"}),
    ("history_request", {"output": False, "raw": True, "hist_access_type": "tail", "n": 1}),
    ("comm_info_request", {}),
]


@pytest.mark.parametrize(
    "msg_type,content", SHELL_REQUESTS, ids=[t for t, _ in SHELL_REQUESTS]
)
def test_every_request_is_wrapped_in_busy_then_idle(kc, msg_type, content):
    ex = exchange(kc, msg_type, content)
    assert ex.states == ["busy", "idle"], ex.describe()
    assert ex.iopub[0]["msg_type"] == "status" and ex.iopub[-1]["msg_type"] == "status"


@pytest.mark.parametrize(
    "msg_type,content", SHELL_REQUESTS, ids=[t for t, _ in SHELL_REQUESTS]
)
def test_reply_parent_header_is_the_request_header(kc, msg_type, content):
    ex = exchange(kc, msg_type, content)
    assert ex.reply["parent_header"] == ex.request["header"]
    assert ex.reply["msg_type"] == msg_type.replace("_request", "_reply")


def test_every_iopub_message_carries_the_request_header_as_parent(kc):
    ex = execute(
        kc,
        'System.out.println("out");\nSystem.err.println("err");\n'
        'display(html("<i>x</i>"));\n"last"',
    )
    kinds = {m["msg_type"] for m in ex.iopub}
    assert {"status", "execute_input", "stream", "display_data", "execute_result"} <= kinds
    assert all(m["parent_header"] == ex.request["header"] for m in ex.iopub)


def test_replies_come_from_one_kernel_session(kc):
    first = exchange(kc, "kernel_info_request", {}).reply["header"]["session"]
    second = execute(kc, "1").reply["header"]["session"]
    assert first == second and first


# --- display ------------------------------------------------------------------------


def test_display_html_publishes_display_data(kc):
    ex = execute(kc, 'display(html("<b>hi</b>"))')
    assert [d["data"].get("text/html") for d in ex.displays] == ["<b>hi</b>"], ex.describe()


def test_a_cells_own_type_renders_through_displayable_without_an_import(kc):
    code = ('record Temperature(double celsius) implements Displayable {\n'
            '    public MimeBundle toMimeBundle() {\n'
            '        return MimeBundle.of(MimeType.TEXT_HTML, "<b>" + celsius + " &deg;C</b>");\n'
            '    }\n'
            '}')
    assert execute(kc, code).status == "ok"
    ex = execute(kc, "new Temperature(21.5)")
    assert ex.result("text/html") == "<b>21.5 &deg;C</b>", ex.describe()


def test_cell_ending_in_display_shows_the_value_once(kc):
    ex = execute(kc, 'display(html("<b>once</b>"))')
    assert [m["msg_type"] for m in ex.outputs] == ["display_data"], ex.describe()


def test_display_in_ijavas_order_value_then_mime_type_shows_the_html(kc):
    ex = execute(kc, 'display("<b>ijava</b>", "text/html");')
    assert [d["data"] for d in ex.displays] == [{"text/html": "<b>ijava</b>"}], ex.describe()


def test_ijavas_render_is_a_cells_rich_result(kc):
    ex = execute(kc, 'render("<i>rendered</i>", "text/html")')
    assert (ex.result("text/html"), ex.result()) == ("<i>rendered</i>", None), ex.describe()


def test_a_registered_renderer_shows_a_type_richly(kc):
    ex = execute(kc, 'renderer().register(java.time.Duration.class, '
                     'd -> MimeBundle.of("text/html", "<b>" + d.toSeconds() + " s</b>"));\n'
                     'java.time.Duration.ofSeconds(5)')
    assert ex.result("text/html") == "<b>5 s</b>", ex.describe()


def test_display_of_a_string_is_plain_text(kc):
    ex = execute(kc, 'display("plain words");')
    assert [("text/plain" in d["data"]) for d in ex.displays] == [True], ex.describe()


def test_display_handle_updates_its_output_in_place(kc):
    shown = execute(kc, 'var progress = display("step 1");')
    (first,) = shown.displays
    display_id = first.get("transient", {}).get("display_id")
    assert display_id, first
    updated = execute(kc, 'progress.update("step 2");')
    updates = [m["content"] for m in updated.of_type("update_display_data")]
    assert [u["transient"]["display_id"] for u in updates] == [display_id], updated.describe()
    assert "step 2" in updates[0]["data"]["text/plain"]


# --- errors ---------------------------------------------------------------------------


def test_compile_error_is_reported_as_CompileError(kc):
    ex = execute(kc, 'int notAnInt = "text";')
    assert ex.status == "error"
    assert ex.error is not None and ex.error["ename"] == "CompileError", ex.describe()


def test_error_reply_names_the_same_error_as_the_output(kc):
    ex = execute(kc, 'int alsoNotAnInt = "text";')
    assert (ex.content["ename"], ex.content["evalue"]) == (ex.error["ename"], ex.error["evalue"])


def test_compile_error_traceback_gives_line_and_column(kc):
    ex = execute(kc, 'int fine = 1;\nint wrong = "text";')
    # "2:13", "line 2, column 13", "line 2 col 13" ... whatever the wording: both numbers.
    assert re.search(r"(?i)(\b2:13\b|line\D{0,3}2\b.{0,20}col\w*\D{0,3}13\b)", ex.traceback), (
        ex.traceback
    )


def test_compile_error_traceback_puts_a_caret_under_the_error(kc):
    source = 'String s = 42 + "x"; int bad = "text";'
    ex = execute(kc, source)
    lines = ex.traceback.splitlines()
    quoted = [i for i, line in enumerate(lines) if 'int bad = "text"' in line]
    assert quoted and quoted[0] + 1 < len(lines), ex.traceback
    source_line, caret_line = lines[quoted[0]], lines[quoted[0] + 1]
    error_column = source_line.index('"text"')
    assert caret_line.find("^") == error_column, (
        f"caret not under the error:\n{source_line}\n{caret_line}"
    )


def test_runtime_exception_reports_class_and_message(kc):
    ex = execute(kc, 'throw new IllegalStateException("boom");')
    assert ex.status == "error"
    assert (ex.error["ename"], ex.error["evalue"]) == ("java.lang.IllegalStateException", "boom")


def test_runtime_traceback_names_the_exception_and_the_user_method(kc):
    execute(kc, 'void explode() { throw new IllegalStateException("boom"); }')
    ex = execute(kc, "explode();")
    assert "java.lang.IllegalStateException: boom" in ex.traceback
    assert "explode" in ex.traceback.split("boom", 1)[1], ex.traceback


def test_runtime_traceback_hides_jshell_internals(kc):
    ex = execute(kc, 'throw new IllegalStateException("boom");')
    assert "jdk.jshell" not in ex.traceback, ex.traceback
    assert "jdk.internal" not in ex.traceback, ex.traceback


def test_value_whose_tostring_throws_is_the_cells_error_with_the_users_frame(kc):
    execute(kc, 'record Fussy(int a) { public String toString() { throw new IllegalStateException("no text"); } }')
    ex = execute(kc, "new Fussy(1)")
    assert ex.status == "error", ex.describe()
    assert (ex.error["ename"], ex.error["evalue"]) == ("java.lang.IllegalStateException", "no text")
    assert "Fussy.toString" in ex.traceback, ex.traceback
    assert "org.jparallel" not in ex.traceback, ex.traceback


def test_value_whose_tostring_throws_fails_the_same_way_when_run_again(kc):
    execute(kc, 'record Fussy2(int a) { public String toString() { throw new IllegalStateException("no text"); } }')
    execute(kc, "new Fussy2(2)")
    again = execute(kc, "new Fussy2(2)")
    assert (again.error["ename"], again.error["evalue"]) == ("java.lang.IllegalStateException", "no text")


def test_value_whose_tostring_returns_null_shows_null(kc):
    execute(kc, "record Blank(int a) { public String toString() { return null; } }")
    assert value_of(kc, "new Blank(1)") == "null"


def test_object_of_a_cell_class_shows_the_class_as_the_cell_named_it(kc):
    execute(kc, "class Plain { }")
    assert re.fullmatch(r"Plain@[0-9a-f]+", value_of(kc, "new Plain()"))


def test_null_pointer_message_names_the_cells_variable(kc):
    execute(kc, "Object nothingHere = null;")
    ex = execute(kc, "nothingHere.toString()")
    assert ex.error["evalue"].endswith('because "nothingHere" is null'), ex.error["evalue"]


def test_state_survives_an_error(kc):
    value_of(kc, "int survivor = 31;")
    execute(kc, 'throw new RuntimeException("in between");')
    assert value_of(kc, "survivor + 1") == "32"


def test_errors_go_on_iopub_not_stderr(kc):
    ex = execute(kc, 'throw new IllegalStateException("boom");')
    assert ex.stderr == "", "the exception is printed to stderr as well as shown as an error"


# --- stop_on_error ---------------------------------------------------------------------


def _queue(kc, codes, **options):
    requests = [send(kc, "execute_request", execute_content(c, **options)) for c in codes]
    return [gather(kc, r) for r in requests]


def test_error_aborts_the_cells_queued_behind_it(kc):
    first, second, third = _queue(
        kc,
        [
            'throw new RuntimeException("first fails");',
            "int afterTheError = 1;",
            'System.out.println("third ran");',
        ],
    )
    assert first.status == "error"
    assert second.status in ("aborted", "abort", "error"), second.describe()
    assert third.status in ("aborted", "abort", "error"), third.describe()
    assert "third ran" not in third.stdout
    assert execute(kc, "afterTheError").status == "error", "the aborted declaration ran"


def test_stop_on_error_false_lets_queued_cells_run(kc):
    first, second = _queue(
        kc,
        ['throw new RuntimeException("tolerated");', "int ranAnyway = 2;"],
        stop_on_error=False,
    )
    assert (first.status, second.status) == ("error", "ok")
    assert value_of(kc, "ranAnyway") == "2"


# --- stdin -----------------------------------------------------------------------------------


READ_LINE = "new java.util.Scanner(System.in).nextLine()"


def test_reading_stdin_sends_an_input_request(kc):
    ex = execute(kc, READ_LINE, allow_stdin=True, stdin_answers=["anything"])
    assert [r["msg_type"] for r in ex.input_requests] == ["input_request"]
    assert ex.input_requests[0]["content"]["password"] is False


def test_the_input_reply_is_what_the_cell_reads(kc):
    ex = execute(kc, READ_LINE, allow_stdin=True, stdin_answers=["typed text"])
    assert ex.result() == '"typed text"', ex.describe()


def test_reading_stdin_when_the_frontend_does_not_allow_it_is_a_clear_error(kc):
    ex = execute(kc, READ_LINE, allow_stdin=False, timeout=15)
    assert ex.input_requests == []
    assert ex.status == "error", ex.describe()
    said = f"{ex.error['ename']}: {ex.error['evalue']}"
    assert re.search(r"(?i)stdin|standard input", said), said
    assert "at org.jparallel" not in ex.traceback, "the kernel's own frames: " + ex.traceback


@pytest.mark.parametrize("code", ["exit", "quit", "/exit"])
def test_exit_asks_the_frontend_to_close_as_in_ipython(kc, code):
    ex = execute(kc, code)
    assert ex.status == "ok", ex.describe()
    assert ex.content["payload"] == [{"source": "ask_exit", "keepkernel": False}], ex.content
    assert ex.error is None
    assert value_of(kc, "2 + 3") == "5"  # the kernel itself goes on: the frontend decides


def test_jshells_vars_command_lists_the_cells_variables(kc):
    assert execute(kc, "int jshellListed = 41 + 1;").status == "ok"
    ex = execute(kc, "/vars")
    assert ex.status == "ok" and "|    int jshellListed = 42\n" in ex.stdout, ex.describe()
    assert "$display" not in ex.stdout and "Out " not in ex.stdout, ex.stdout


def test_jshells_list_command_lists_expression_cells_too(kc):
    assert execute(kc, "int listedBase = 2;").status == "ok"
    assert execute(kc, "listedBase * 21").result() == "42"
    ex = execute(kc, "/list")
    assert ex.status == "ok" and ": listedBase * 21\n" in ex.stdout, ex.describe()
    assert "$display" not in ex.stdout, ex.stdout


def test_a_jshell_command_the_kernel_lacks_says_which_it_has(kc):
    ex = execute(kc, "/edit")
    assert ex.status == "error" and ex.error["ename"] == "UsageError", ex.describe()
    assert "cells take /imports, /vars, /methods, /types and /list" in ex.error["evalue"]


def test_a_name_and_a_question_mark_prints_its_help_as_ipython_does(kc):
    ex = execute(kc, "Math.max?")
    assert ex.status == "ok" and ex.stdout.startswith("int Math.max(int a, int b)"), ex.describe()
