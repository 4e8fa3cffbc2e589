"""The acceptance scenario: notebooks/recipe.ipynb (RECIPE.md steps 1 to 7), executed headless
with nbclient against the real kernel, which starts and stops its own 4-engine cluster."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[2]
RECIPE = REPO / "notebooks" / "recipe.ipynb"
PROCESS_LINE = re.compile(r"\[stdout:(\d+)\] Process (\d+)\.")


def text_of(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            parts.append(output["text"])
        elif output["output_type"] in ("execute_result", "display_data"):
            parts.append(output["data"].get("text/plain", ""))
        elif output["output_type"] == "error":
            parts.append("\n".join(output["traceback"]))
    return "".join(parts)


def result_of(cell) -> str:
    results = [o for o in cell["outputs"] if o["output_type"] == "execute_result"]
    assert results, f"no result for {cell['source']!r}: {text_of(cell)}"
    return results[-1]["data"]["text/plain"]


def engines_and_pids(cell) -> dict[int, int]:
    return {int(engine): int(pid) for engine, pid in PROCESS_LINE.findall(text_of(cell))}


@pytest.fixture(scope="module")
def executed(installation, tmp_path_factory):
    home = tmp_path_factory.mktemp("jparallel-home")
    notebook = nbformat.read(RECIPE, as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="jparallel",
                            resources={"metadata": {"path": str(REPO)}})
    saved = os.environ.get("JPARALLEL_HOME")
    os.environ["JPARALLEL_HOME"] = str(home)
    try:
        client.execute()
    finally:
        if saved is None:
            os.environ.pop("JPARALLEL_HOME")
        else:
            os.environ["JPARALLEL_HOME"] = saved
    cells = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cells[cell.source.splitlines()[0]] = cell
    return cells, home


def cell(executed, first_line):
    cells, _ = executed
    return cells[first_line]


@pytest.mark.e2e_timeout(600)
def test_cluster_starts_with_four_engines(executed):
    assert "running with 4 engines" in text_of(cell(executed, "%cluster start -n 4"))


def test_client_finds_the_four_engines(executed):
    assert result_of(cell(executed, "Client rc = Client.connect();      // reads the default cluster's connection file")) \
        == "[0, 1, 2, 3]"


def test_px_prints_one_process_line_per_engine(executed):
    seen = engines_and_pids(cell(executed, "%%px"))
    assert sorted(seen) == [0, 1, 2, 3]
    assert len(set(seen.values())) == 4, "four distinct engine processes"


def test_px_on_targets_runs_on_engines_one_and_two_only(executed):
    everyone = engines_and_pids(cell(executed, "%%px"))
    some = engines_and_pids(cell(executed, "%%px -t 1,2"))
    assert sorted(some) == [1, 2]
    assert some == {1: everyone[1], 2: everyone[2]}, "the same long-lived engines"


def test_noblock_returns_a_pending_async_result(executed):
    assert result_of(cell(executed, "%%px -a")) == "<AsyncResult(%px): pending>"


def test_polling_shows_not_ready_before_pxresult(executed):
    elapsed, ready = text_of(cell(executed, 'System.out.println(_.elapsed() + " " + _.ready());')).split()
    assert ready == "false"
    assert float(elapsed) < 5


def test_pxresult_waits_until_ready(executed):
    elapsed, ready = text_of(cell(executed, "%pxresult")).split()[-2:]
    assert ready == "true"
    assert float(elapsed) >= 5


def test_map_of_a_lambda_typed_in_the_notebook(executed):
    assert result_of(cell(executed, "var v = rc.all();                          // ipyparallel's rc[:]")) \
        == "[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"


def test_methods_of_the_notebook_are_declared_for_the_dependent_tasks(executed):
    assert "Error" not in text_of(cell(executed, 'String stepB() throws Exception { Thread.sleep(500); return "B"; }'))


def test_a_task_after_two_others_runs_once_they_have_completed(executed):
    assert "A ran after B and C" in result_of(cell(executed, "var lv = rc.loadBalancedView();"))
    assert result_of(cell(executed, "// A started only once B and C had completed")) == "true"


def test_a_result_is_the_argument_of_the_next_task(executed):
    assert result_of(cell(executed, "// arB's value goes from the engine that made it to the one that runs this task")) \
        == '"B then D"'


def test_a_reference_applies_the_lambda_to_each_engines_part_of_the_scattered_data(executed):
    assert result_of(cell(executed, "// each engine applies the lambda to its own part of the scattered data")) \
        == "[300, 925, 1550, 2175]"


def test_serial_time_over_wall_time_shows_the_speedup_of_four_engines(executed):
    naps = cell(executed, "// four engines sleeping side by side: the engines' time added up, over the wall time, "
                          "is the speedup")
    assert "4/4 tasks finished after" in text_of(naps)
    speedup = float(re.search(r"speedup ([\d.]+)", result_of(naps)).group(1))
    assert speedup > 1.5, result_of(naps)


def test_cluster_stops_and_leaves_no_process(executed):
    cells, home = executed
    assert "stopped" in text_of(cells["%cluster stop"])
    assert not (home / "profile_default" / "controller.pid").exists()
    left = subprocess.run(["pgrep", "-f", str(home)], capture_output=True, text=True).stdout.split()
    assert left == [], f"processes of the cluster still running: {left}"
