"""The kernel process's life: interrupts (on both JDKs), heartbeats, shutdown, restart,
the ipc transport, and what happens when it cannot start."""
from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
import zmq

from conftest import KERNEL, KERNEL_JDK25
from kernel_messages import exchange, execute, execute_content, gather, send, value_of, wait_for
from kernel_process import (
    Kernel,
    descendants,
    is_running,
    running_kernel,
    start_kernel,
    stop_kernel,
    wait_until_gone,
)

JDKS = {KERNEL: "17", KERNEL_JDK25: "25"}  # the default kernelspec runs the JDK that built it

STOP_WITHIN = 2.0  # seconds from interrupt_request to the cell's reply

RUNAWAY_CELLS = {
    "busy-loop": "while (true) { }",
    "sleep": "Thread.sleep(60_000);",
    "wait": "Object lock = new Object();\nsynchronized (lock) { lock.wait(); }",
    "timeit": "%timeit -n 2000000000 Math.sqrt(2.0)",
    "shell": "%%sh\nsleep 60",
    # the kernel calls toString to show the value: user code too
    "endless-toString": "class Endless { public String toString() { while (true) { } } }\nnew Endless()",
}

JDK_IDS = ["default-jdk", "jdk25"]


@pytest.fixture(params=list(JDKS), ids=JDK_IDS)
def new_kernel(request, installation):
    """A kernel that has run nothing yet."""
    with running_kernel(request.param) as kernel:
        yield kernel


@pytest.fixture(scope="module")
def live_kernels(installation):
    """One kernel per kernelspec, shared by the tests below while it stays usable."""
    live: dict[str, Kernel] = {}
    yield live
    for kernel in live.values():
        stop_kernel(kernel)


def _answers(kernel: Kernel) -> bool:
    try:
        exchange(kernel.kc, "kernel_info_request", {}, timeout=3)
        return True
    except AssertionError:
        return False


@pytest.fixture(params=list(JDKS), ids=JDK_IDS)
def warm_kernel(request, live_kernels):
    """A kernel that has run an ordinary cell, as a session usually has by then.

    A test that leaves it stuck (an interrupt that did not work) gets it replaced,
    so one failure does not cascade into the next test.
    """
    kernel = live_kernels.get(request.param)
    if kernel is None or not _answers(kernel):
        if kernel is not None:
            stop_kernel(kernel)
        kernel = live_kernels[request.param] = start_kernel(request.param)
        value_of(kernel.kc, "int warmedUp = 1;")
    return kernel


def run_and_interrupt(kc, code: str):
    """Start `code`, interrupt it once it runs; return (interrupt reply, cell, seconds)."""
    request = send(kc, "execute_request", execute_content(code))
    wait_for(kc, request, lambda m: m["msg_type"] == "execute_input")
    time.sleep(0.5)  # let the cell get into its loop
    interrupted_at = time.monotonic()
    answer = exchange(kc, "interrupt_request", {}, channel="control", wait_for_idle=False)
    try:
        cell = gather(kc, request, timeout=10)
    except AssertionError:
        pytest.fail(f"interrupt did not stop {code!r}: no execute_reply 10 s later")
    return answer, cell, cell.reply_at - interrupted_at


# --- which JDK ---------------------------------------------------------------------


def test_kernel_runs_on_the_jdk_of_its_kernelspec(warm_kernel):
    expected = JDKS[warm_kernel.km.kernel_name]
    version = value_of(warm_kernel.kc, 'System.getProperty("java.specification.version")')
    assert version == f'"{expected}"'


# --- interrupt -----------------------------------------------------------------------


@pytest.mark.parametrize("code", list(RUNAWAY_CELLS.values()), ids=list(RUNAWAY_CELLS))
def test_interrupt_stops_a_runaway_cell_within_2_seconds(warm_kernel, code):
    _, _, seconds = run_and_interrupt(warm_kernel.kc, code)
    assert seconds < STOP_WITHIN, f"cell stopped {seconds:.2f}s after the interrupt"


def test_interrupt_stops_the_first_cell_of_a_session(new_kernel):
    _, _, seconds = run_and_interrupt(new_kernel.kc, RUNAWAY_CELLS["busy-loop"])
    assert seconds < STOP_WITHIN, f"cell stopped {seconds:.2f}s after the interrupt"


def test_interrupt_ends_a_cell_waiting_for_input(warm_kernel):
    kc = warm_kernel.kc
    request = send(kc, "execute_request", execute_content(
        "new java.util.Scanner(System.in).nextLine()", allow_stdin=True))
    wait_for(kc, request, lambda m: m["msg_type"] == "input_request", channel="stdin")
    interrupted_at = time.monotonic()
    exchange(kc, "interrupt_request", {}, channel="control", wait_for_idle=False)
    try:
        cell = gather(kc, request, timeout=10)
    except AssertionError:
        pytest.fail("interrupt did not end a cell waiting for input: no execute_reply 10 s later")
    assert cell.reply_at - interrupted_at < STOP_WITHIN
    assert cell.status == "error", cell.describe()


def test_interrupt_request_is_answered_ok(warm_kernel):
    answer, _, _ = run_and_interrupt(warm_kernel.kc, RUNAWAY_CELLS["busy-loop"])
    assert answer.status == "ok", answer.describe()


def test_interrupted_cell_ends_in_an_error_the_user_sees(warm_kernel):
    _, cell, _ = run_and_interrupt(warm_kernel.kc, RUNAWAY_CELLS["sleep"])
    assert cell.status == "error" and cell.error is not None, cell.describe()


def test_interrupting_a_values_rendering_ends_the_cell_as_interrupted(warm_kernel):
    _, cell, _ = run_and_interrupt(warm_kernel.kc, RUNAWAY_CELLS["endless-toString"])
    assert cell.status == "error" and cell.error["ename"] == "Interrupted", cell.describe()
    assert value_of(warm_kernel.kc, "1 + 1") == "2"


def test_what_a_values_tostring_prints_comes_before_the_value(warm_kernel):
    ex = execute(warm_kernel.kc, 'class Loud { public String toString() { System.out.println("printing"); '
                                 'return "Loud!"; } }\nnew Loud()')
    kinds = [m["msg_type"] for m in ex.of_type("stream", "execute_result")]
    assert kinds == ["stream", "execute_result"], ex.describe()


def test_interrupt_ends_a_parallel_streams_work_on_the_pools_threads(warm_kernel):
    # the stream's lambda runs on the common pool's threads too, which no stop of the cell's own thread reaches
    run_and_interrupt(warm_kernel.kc, "java.util.stream.LongStream.range(0, Long.MAX_VALUE).parallel()"
                                      ".map(x -> x * 31 % 7).sum()")
    quiet = value_of(warm_kernel.kc, "var pool = java.util.concurrent.ForkJoinPool.commonPool();\n"
                                     "for (int i = 0; i < 100 && !pool.isQuiescent(); i++) Thread.sleep(50);\n"
                                     "pool.isQuiescent()")
    assert quiet == "true", "the pool's threads still run the interrupted stream"


def test_interrupt_keeps_what_earlier_cells_defined(warm_kernel):
    value_of(warm_kernel.kc, "int keptAcrossInterrupt = 41;")
    run_and_interrupt(warm_kernel.kc, RUNAWAY_CELLS["busy-loop"])
    assert value_of(warm_kernel.kc, "keptAcrossInterrupt + 1") == "42"


def test_interrupt_of_an_idle_kernel_is_harmless(warm_kernel):
    answer = exchange(warm_kernel.kc, "interrupt_request", {}, channel="control",
                      wait_for_idle=False)
    assert answer.status == "ok"
    assert value_of(warm_kernel.kc, "1 + 1") == "2"


def test_heartbeat_answers_while_a_cell_is_busy(warm_kernel):
    info = warm_kernel.km.get_connection_info()
    request = send(
        warm_kernel.kc,
        "execute_request",
        execute_content("long end = System.currentTimeMillis() + 3000;\n"
                        "while (System.currentTimeMillis() < end) { }"),
    )
    wait_for(warm_kernel.kc, request, lambda m: m["msg_type"] == "execute_input")
    with zmq.Context() as context, context.socket(zmq.REQ) as heart:
        heart.linger = 0
        heart.connect(f"{info['transport']}://{info['ip']}:{info['hb_port']}")
        heart.send(b"ping")
        answered = heart.poll(1000)
        echo = heart.recv() if answered else None
    gather(warm_kernel.kc, request)
    assert echo == b"ping", "no heartbeat while the cell was busy"


# --- shutdown ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shut_down(installation):
    """A kernel told to shut down: its reply, exit code and what it left running."""
    kernel = start_kernel(KERNEL)
    try:
        pid = kernel.pid
        family = descendants(pid) | {pid}
        connection_file = kernel.km.connection_file
        answer = exchange(kernel.kc, "shutdown_request", {"restart": False}, channel="control",
                          wait_for_idle=False, timeout=10)
        try:
            exit_code = kernel.km.provisioner.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            exit_code = None
        leftover = wait_until_gone(family, timeout=5)
        listed = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
        still_listed = [line for line in listed.splitlines() if connection_file in line]
        yield dict(answer=answer, exit_code=exit_code, leftover=leftover, ps=still_listed, pid=pid)
    finally:
        stop_kernel(kernel)


def test_shutdown_request_is_answered(shut_down):
    answer = shut_down["answer"]
    assert (answer.status, answer.content.get("restart")) == ("ok", False), answer.describe()


def test_shutdown_ends_the_kernel_process(shut_down):
    assert shut_down["exit_code"] is not None, "kernel still running 10 s after shutdown_request"


def test_shutdown_exits_with_status_zero(shut_down):
    assert shut_down["exit_code"] == 0


def test_shutdown_leaves_no_java_process(shut_down):
    assert shut_down["leftover"] == set(), f"still running: {shut_down['leftover']}"
    assert shut_down["ps"] == [], shut_down["ps"]


@pytest.mark.parametrize("jdk", list(JDKS), ids=JDK_IDS)
def test_system_exit_in_a_cell_ends_the_kernel_process(installation, jdk):
    """As in IJava: the process exits with the cell's status, so the frontend sees it die and restarts it
    (a kernel that half-exited, alive but deaf, would leave the notebook busy for good)."""
    with running_kernel(jdk) as kernel:
        execute(kernel.kc, 'System.out.println("bye");')
        kernel.kc.execute("System.exit(3);")
        try:
            exit_code = kernel.km.provisioner.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            exit_code = None
        assert exit_code == 3, "kernel still running 15 s after System.exit(3)"


# --- restart -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def restarted(installation):
    """A kernel that defined a variable, then was restarted by its KernelManager."""
    kernel = start_kernel(KERNEL)
    try:
        value_of(kernel.kc, "int definedBeforeRestart = 1;")
        old_family = descendants(kernel.pid) | {kernel.pid}
        kernel.kc.stop_channels()
        kernel.km.restart_kernel(now=False)
        kernel.kc = kernel.km.client()
        kernel.kc.start_channels()
        kernel.kc.wait_for_ready(timeout=60)
        yield kernel, old_family
    finally:
        stop_kernel(kernel)


def test_restarted_kernel_answers(restarted):
    kernel, _ = restarted
    assert value_of(kernel.kc, "1 + 1") == "2"


def test_restarted_kernel_starts_from_a_clean_session(restarted):
    kernel, _ = restarted
    assert execute(kernel.kc, "definedBeforeRestart").status == "error"


def test_restart_ends_the_old_kernel_process(restarted):
    kernel, old_family = restarted
    assert kernel.pid not in old_family
    assert wait_until_gone(old_family, timeout=5) == set()


# --- transports --------------------------------------------------------------------------


def test_ipc_transport_runs_a_cell(installation):
    sockets = installation.root / "ipc"
    sockets.mkdir(exist_ok=True)
    with running_kernel(KERNEL, transport="ipc", ip=str(sockets / "kernel")) as kernel:
        assert kernel.km.get_connection_info()["transport"] == "ipc"
        assert value_of(kernel.kc, "1 + 1") == "2"


# --- start-up failures -----------------------------------------------------------------------


def _start_by_hand(java, jar, connection_file):
    try:
        done = subprocess.run(
            [java, "-jar", str(jar), str(connection_file)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"kernel kept running with connection file {connection_file}")
    said = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if line.strip() and not line.startswith("Picked up ")  # JVM notices, not ours
    ]
    return done.returncode, said


BROKEN_FILES = {
    "missing": None,
    "not-json": '{"shell_port": 5555, "key": ',
    "not-an-object": "[1, 2, 3]",
}


@pytest.mark.parametrize("text", list(BROKEN_FILES.values()), ids=list(BROKEN_FILES))
def test_bad_connection_file_exits_nonzero(java, kernel_jar, tmp_path, text):
    path = tmp_path / "connection.json"
    if text is not None:
        path.write_text(text)
    code, _ = _start_by_hand(java, kernel_jar, path)
    assert code != 0


@pytest.mark.parametrize("text", list(BROKEN_FILES.values()), ids=list(BROKEN_FILES))
def test_bad_connection_file_is_explained_in_one_line(java, kernel_jar, tmp_path, text):
    path = tmp_path / "connection.json"
    if text is not None:
        path.write_text(text)
    _, said = _start_by_hand(java, kernel_jar, path)
    assert len(said) == 1, "expected one line, got:\n" + "\n".join(said)
    assert str(path) in said[0], said[0]



def test_sigint_to_the_kernel_process_interrupts_the_cell_as_in_ipykernel(warm_kernel):
    kc = warm_kernel.kc
    request = send(kc, "execute_request", execute_content("while (true) { }"))
    wait_for(kc, request, lambda m: m["msg_type"] == "execute_input")
    time.sleep(0.5)
    os.kill(warm_kernel.pid, signal.SIGINT)
    try:
        cell = gather(kc, request, timeout=10)
    except AssertionError:
        pytest.fail("SIGINT did not stop the cell: no execute_reply 10 s later")
    assert cell.status == "error" and cell.error["ename"] == "Interrupted", cell.describe()
    assert is_running(warm_kernel.pid)
    assert value_of(kc, "1 + 1") == "2"
