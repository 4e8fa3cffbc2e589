"""notebooks/kernel_tour.ipynb, executed headless by nbconvert as CI would, cell by cell.

nbconvert runs with --allow-errors so that one failing cell does not hide the
others; test_notebook_runs_to_the_end then fails as CI would: when any cell not
tagged `raises-exception` shows an error.
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from kernel_messages import strip_ansi

NOTEBOOK = Path(__file__).parent / "notebooks" / "kernel_tour.ipynb"


@pytest.fixture(scope="module")
def executed(installation, tmp_path_factory):
    out = tmp_path_factory.mktemp("executed")
    done = subprocess.run(
        [
            "/usr/bin/python3", "-m", "nbconvert",
            "--to", "notebook", "--execute", "--allow-errors",
            "--ExecutePreprocessor.timeout=60",
            "--ExecutePreprocessor.startup_timeout=60",
            "--output-dir", str(out), "--output", "kernel_tour",
            str(NOTEBOOK),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    path = out / "kernel_tour.ipynb"
    notebook = json.loads(path.read_text()) if path.exists() else None
    return dict(returncode=done.returncode, log=done.stderr, notebook=notebook)


def cell(executed, cell_id: str) -> dict:
    assert executed["notebook"] is not None, f"nbconvert wrote no notebook:\n{executed['log']}"
    (found,) = [c for c in executed["notebook"]["cells"] if c.get("id") == cell_id]
    return found


def text(output: dict, mime: str = "text/plain") -> str:
    value = output.get("text") if output["output_type"] == "stream" else output["data"][mime]
    return "".join(value) if isinstance(value, list) else value


def only_output(executed, cell_id: str) -> dict:
    outputs = cell(executed, cell_id)["outputs"]
    assert len(outputs) == 1, outputs
    return outputs[0]


def test_notebook_runs_to_the_end(executed):
    assert executed["returncode"] == 0, executed["log"][-3000:]
    failed = [
        (c["id"], o["ename"], o["evalue"])
        for c in executed["notebook"]["cells"]
        if "raises-exception" not in c["metadata"].get("tags", [])
        for o in c.get("outputs", [])
        if o["output_type"] == "error"
    ]
    assert failed == []


def test_notebook_records_java_as_its_language(executed):
    assert executed["notebook"]["metadata"]["language_info"]["name"] == "java"


def test_cells_are_numbered_in_order(executed):
    counts = [c["execution_count"] for c in executed["notebook"]["cells"]
              if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1)), counts


def test_println_shows_stdout(executed):
    output = only_output(executed, "hello")
    assert (output["output_type"], output["name"], text(output)) == (
        "stream", "stdout", "hello from jparallel\n")


def test_declaration_shows_nothing(executed):
    assert cell(executed, "define-x")["outputs"] == []


@pytest.mark.parametrize(
    "cell_id,value",
    [
        ("use-x", "10"),
        ("string", '"abc"'),
        ("underscore", "3"),
        ("call-square", "49"),
        ("make-record", "Point[x=1, y=2]"),
        ("stream", "15"),
        ("after-error", "6"),
    ],
)
def test_expression_cell_shows_its_value(executed, cell_id, value):
    output = only_output(executed, cell_id)
    assert (output["output_type"], text(output)) == ("execute_result", value)


def test_html_display_is_rendered_as_html(executed):
    output = only_output(executed, "html")
    assert (output["output_type"], text(output, "text/html")) == ("display_data", "<b>hi</b>")


def test_stderr_is_its_own_stream(executed):
    output = only_output(executed, "stderr")
    assert (output["name"], text(output)) == ("stderr", "careful\n")


def test_exception_cell_shows_the_exception(executed):
    output = only_output(executed, "error")
    assert (output["output_type"], output["ename"], output["evalue"]) == (
        "error", "java.lang.IllegalStateException", "boom")


def test_timed_cell_prints_and_reports_time(executed):
    shown = strip_ansi("".join(text(o) for o in cell(executed, "timed")["outputs"]
                               if o["output_type"] == "stream"))
    assert "55" in shown.split() and re.search(r"(?i)time", shown), shown
