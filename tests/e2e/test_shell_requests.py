"""The shell requests besides execute, as a frontend sends them while the user types:
completion, inspection, is_complete, history and comms."""
from __future__ import annotations

import uuid

import pytest

from kernel_messages import exchange, execute, send, value_of, wait_for


# --- completion and inspection ---------------------------------------------------------


def _complete(kc, code, cursor_pos=None):
    pos = len(code) if cursor_pos is None else cursor_pos
    return exchange(kc, "complete_request", {"code": code, "cursor_pos": pos}).content


def _names(matches):
    return {m.split("(")[0] for m in matches}


def test_completion_of_a_method_on_a_string(kc):
    reply = _complete(kc, '"hello".len')
    assert "length" in _names(reply["matches"]), reply


def test_completion_replaces_only_the_word_being_typed(kc):
    reply = _complete(kc, '"hello".len')
    assert (reply["cursor_start"], reply["cursor_end"]) == (8, 11), reply


def test_completion_uses_the_cursor_not_the_end_of_the_code(kc):
    reply = _complete(kc, '"hello".len + 1', cursor_pos=11)
    assert "length" in _names(reply["matches"]) and reply["cursor_start"] == 8, reply


def test_completion_of_a_type_name(kc):
    reply = _complete(kc, "Strin")
    assert "String" in reply["matches"] and reply["cursor_start"] == 0, reply


def test_completion_knows_variables_from_earlier_cells(kc):
    value_of(kc, "int myCompletedCounter = 1;")
    assert "myCompletedCounter" in _names(_complete(kc, "myCompleted")["matches"])


def _inspect(kc, code, cursor_pos=None):
    pos = len(code) if cursor_pos is None else cursor_pos
    return exchange(
        kc, "inspect_request", {"code": code, "cursor_pos": pos, "detail_level": 0}
    ).content


def test_inspect_a_type_shows_its_documentation(kc):
    reply = _inspect(kc, "String")
    assert reply["status"] == "ok" and reply["found"] is True, reply
    assert "java.lang.String" in reply["data"]["text/plain"], reply


def test_inspect_a_method_shows_its_signature(kc):
    reply = _inspect(kc, '"hello".length()', cursor_pos=len('"hello".len'))
    assert reply["found"] is True, reply
    assert "length()" in reply["data"]["text/plain"], reply


def test_inspect_the_client_api_shows_its_javadoc_and_example(kc):
    text = _inspect(kc, "Client")["data"]["text/plain"]
    assert text.startswith("org.jparallel.client.Client\n\nA connection to a running cluster"), text
    assert "Client rc = Client.connect();" in text, text


def test_inspect_a_client_method_shows_its_javadoc(kc):
    code = "Client.connect(Path.of(\"client.json\"))"
    text = _inspect(kc, code, cursor_pos=len("Client.conn"))["data"]["text/plain"]
    assert "Client Client.connect(Path connectionFile)\n\nConnects with a client connection file" in text, text


def test_inspect_an_unknown_name_finds_nothing(kc):
    reply = _inspect(kc, "noSuchThingAnywhere42")
    assert (reply["status"], reply["found"]) == ("ok", False), reply


# --- is_complete -------------------------------------------------------------------------


def _is_complete(kc, code):
    return exchange(kc, "is_complete_request", {"code": code}).content


@pytest.mark.parametrize("code", ["1 + 1", "int x = 5;", 'System.out.println("hi");'])
def test_finished_code_is_complete(kc, code):
    assert _is_complete(kc, code)["status"] == "complete"


def test_open_block_is_incomplete_with_an_indent(kc):
    reply = _is_complete(kc, "for (int i = 0; i < 3; i++) {")
    assert reply["status"] == "incomplete", reply
    assert reply.get("indent", "") != "" and reply["indent"].strip() == "", reply


@pytest.mark.parametrize("code", ["}", "x = (1 + ;"])
def test_code_that_cannot_parse_is_invalid(kc, code):
    assert _is_complete(kc, code)["status"] == "invalid"


# --- history -------------------------------------------------------------------------------


def _history(kc, **request):
    content = {"output": False, "raw": True, **request}
    return exchange(kc, "history_request", content).content["history"]


def test_history_tail_returns_the_last_cells_in_order(kc):
    value_of(kc, "int tailOne = 1;")
    value_of(kc, "int tailTwo = 2;")
    entries = _history(kc, hist_access_type="tail", n=2)
    assert [e[2] for e in entries] == ["int tailOne = 1;", "int tailTwo = 2;"], entries


def test_history_entries_are_session_line_source(kc):
    ex = execute(kc, "int numbered = 1;")
    (entry,) = _history(kc, hist_access_type="tail", n=1)
    assert isinstance(entry[0], int) and entry[1] == ex.content["execution_count"], entry


def test_history_range_returns_the_requested_lines(kc):
    value_of(kc, "int rangeMarker = 9;")
    session, line, _ = _history(kc, hist_access_type="tail", n=1)[0]
    entries = _history(kc, hist_access_type="range", session=session, start=line, stop=line + 1)
    assert [tuple(e) for e in entries] == [(session, line, "int rangeMarker = 9;")], entries


def test_history_search_finds_cells_by_glob(kc):
    value_of(kc, "int searchableMarker = 3;")
    entries = _history(kc, hist_access_type="search", pattern="*searchableMarker*", n=10)
    assert "int searchableMarker = 3;" in [e[2] for e in entries], entries


def test_history_with_output_pairs_each_input_with_its_result(kc):
    value_of(kc, "20 + 22")
    (entry,) = _history(kc, hist_access_type="tail", n=1, output=True)
    assert list(entry[2]) == ["20 + 22", "42"], entry


# --- comms -----------------------------------------------------------------------------------


def test_comm_info_reports_no_comms(kc):
    reply = exchange(kc, "comm_info_request", {}).content
    assert (reply["status"], reply["comms"]) == ("ok", {}), reply


def test_comm_open_to_an_unknown_target_is_closed(kc):
    comm_id = uuid.uuid4().hex
    # comm_open has no reply: the kernel answers on iopub.
    request = send(
        kc, "comm_open", {"comm_id": comm_id, "target_name": "no.such.target", "data": {}}
    )
    close = wait_for(kc, request, lambda m: m["msg_type"] == "comm_close", timeout=10)
    assert close["content"]["comm_id"] == comm_id
