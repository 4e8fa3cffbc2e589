"""What reaches the kernel's sockets from someone who is not a well-behaved client.

A raw ZeroMQ DEALER socket sends forged, replayed and malformed messages to the
shell (and control) port. Forged code would create a marker file: the file must
not appear, the forger must get no reply, and the real client must still be
served. A properly signed message from the same raw socket is the control case.
"""
from __future__ import annotations

import hashlib
import hmac
import time
from contextlib import contextmanager

import pytest
import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

from conftest import KERNEL
from kernel_messages import execute_content, inbox, value_of
from kernel_process import Kernel, is_running, running_kernel, stop_kernel

DELIMITER = b"<IDS|MSG>"


@contextmanager
def raw_socket(kernel, channel="shell"):
    info = kernel.km.get_connection_info()
    context = zmq.Context()
    socket = context.socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"{info['transport']}://{info['ip']}:{info[f'{channel}_port']}")
    try:
        yield socket
    finally:
        socket.close()
        context.term()


def session_of(kernel, key: bytes | None = None) -> Session:
    info = kernel.km.get_connection_info()
    return Session(
        key=info["key"] if key is None else key, signature_scheme=info["signature_scheme"]
    )


def sign(kernel, parts: list[bytes]) -> bytes:
    """The hex HMAC of `parts` with the kernel's key, computed by hand."""
    info = kernel.km.get_connection_info()
    digest = info["signature_scheme"].split("-", 1)[1]
    mac = hmac.new(info["key"], digestmod=getattr(hashlib, digest))
    for part in parts:
        mac.update(part)
    return mac.hexdigest().encode()


def java_string(path) -> str:
    return str(path).replace("\\", "\\\\").replace('"', '\\"')


def create_file_code(path) -> str:
    return f'java.nio.file.Files.writeString(java.nio.file.Path.of("{java_string(path)}"), "ran");'


def append_code(path) -> str:
    return (
        f'java.nio.file.Files.writeString(java.nio.file.Path.of("{java_string(path)}"), "x", '
        "java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);"
    )


def replies(socket, within: float, enough: int | None = None) -> list[list[bytes]]:
    """The multipart messages the raw socket receives within `within` seconds
    (returning early once it has `enough`)."""
    got, deadline = [], time.monotonic() + within
    while (left := deadline - time.monotonic()) > 0 and len(got) != enough:
        if socket.poll(max(1, int(left * 1000))):
            got.append(socket.recv_multipart())
    return got


def settle(kernel) -> None:
    """Let the kernel work through whatever it had queued, via the real client."""
    value_of(kernel.kc, "1 + 1")
    time.sleep(0.5)
    value_of(kernel.kc, "2 + 2")


# --- the control case -----------------------------------------------------------------


def test_properly_signed_message_from_a_raw_socket_is_executed(kernel, tmp_path):
    marker = tmp_path / "signed"
    with raw_socket(kernel) as socket:
        session = session_of(kernel)
        request = session.msg("execute_request", execute_content(create_file_code(marker)))
        session.send(socket, request)
        answered = replies(socket, within=10, enough=1)
    assert marker.exists() and answered, "the harness itself cannot reach the kernel"


# --- forged messages --------------------------------------------------------------------


def _forge(kernel, kind: str, code: str) -> tuple[list[bytes], str]:
    good = session_of(kernel)
    if kind == "wrong-key":
        forger = session_of(kernel, key=b"not-the-kernel-key")
        message = forger.msg("execute_request", execute_content(code))
        return forger.serialize(message), message["header"]["msg_id"]
    if kind == "altered-content":
        message = good.msg("execute_request", execute_content("1 + 1"))
        frames = good.serialize(message)
        frames[5] = good.pack(execute_content(code))  # [delim, sig, header, parent, meta, content]
        return frames, message["header"]["msg_id"]
    message = good.msg("execute_request", execute_content(code))
    frames = good.serialize(message)
    if kind == "unsigned":
        frames[1] = b""
    elif kind == "altered-signature":
        last = frames[1][-1:]
        frames[1] = frames[1][:-1] + (b"0" if last != b"0" else b"1")
    return frames, message["header"]["msg_id"]


FORGERIES = ["wrong-key", "altered-content", "unsigned", "altered-signature"]


@pytest.fixture(scope="module", params=FORGERIES)
def forged(request, kernel, tmp_path_factory):
    """Send one forged execute_request; report what came of it."""
    marker = tmp_path_factory.mktemp("forged") / request.param
    frames, msg_id = _forge(kernel, request.param, create_file_code(marker))
    with raw_socket(kernel) as socket:
        socket.send_multipart(frames)
        settle(kernel)
        answered = replies(socket, within=1.0)
    published = inbox(kernel.kc).filed.get(msg_id, [])
    return dict(marker=marker, answered=answered, published=published)


def test_forged_message_is_not_executed(forged):
    assert not forged["marker"].exists()


def test_forged_message_gets_no_reply(forged):
    assert forged["answered"] == []


def test_forged_message_publishes_nothing(forged):
    assert [m["msg_type"] for _, _, m in forged["published"]] == []


def test_kernel_serves_its_client_after_a_forged_message(forged, kernel):
    assert value_of(kernel.kc, "3 + 4") == "7"


def test_forged_shutdown_on_control_is_ignored(installation):
    with running_kernel(KERNEL) as kernel:
        forger = session_of(kernel, key=b"not-the-kernel-key")
        with raw_socket(kernel, channel="control") as socket:
            forger.send(socket, forger.msg("shutdown_request", {"restart": False}))
            answered = replies(socket, within=2.0)
        assert answered == [] and is_running(kernel.pid)
        assert value_of(kernel.kc, "1 + 1") == "2"


def test_a_forged_message_is_logged_on_the_kernels_stderr(installation, tmp_path):
    log = tmp_path / "kernel.err"
    km = KernelManager(kernel_name=KERNEL)
    with open(log, "wb") as err:
        km.start_kernel(stderr=err)
    kernel = Kernel(km, km.client())
    kernel.kc.start_channels()
    try:
        kernel.kc.wait_for_ready(timeout=60)
        forger = session_of(kernel, key=b"not-the-kernel-key")
        with raw_socket(kernel) as socket:
            forger.send(socket, forger.msg("execute_request", execute_content("1 + 1")))
            replies(socket, within=1.0)
        assert value_of(kernel.kc, "2 + 2") == "4"
    finally:
        stop_kernel(kernel)
    assert "dropped a message on shell" in log.read_text(), log.read_text()


# --- replay -----------------------------------------------------------------------------


def test_replayed_message_runs_only_once(kernel, tmp_path):
    counter = tmp_path / "runs"
    session = session_of(kernel)
    request = session.msg("execute_request", execute_content(append_code(counter)))
    frames = session.serialize(request)
    with raw_socket(kernel) as socket:
        socket.send_multipart(frames)
        first = replies(socket, within=10.0, enough=1)
        socket.send_multipart(frames)
        settle(kernel)
        again = replies(socket, within=1.0)
    assert first, "the original message was not answered"
    assert counter.read_text() == "x", f"ran {len(counter.read_text())} times"
    assert again == []


# --- malformed messages ---------------------------------------------------------------------


def _malformed(kernel, kind: str) -> list[bytes]:
    good = session_of(kernel)
    frames = good.serialize(good.msg("execute_request", execute_content("1 + 1")))
    header, parent, metadata, content = frames[2:6]
    if kind == "invalid-json":
        parts = [b"{this is not json", parent, metadata, content]
    elif kind == "header-not-an-object":
        parts = [b"[1, 2, 3]", parent, metadata, content]
    elif kind == "not-utf8":
        parts = [header, parent, metadata, b"\xff\xfe\xfd"]
    elif kind == "missing-frames":
        parts = [header]
    elif kind == "no-delimiter":
        return [b"just", b"noise"]
    else:
        raise ValueError(kind)
    return [DELIMITER, sign(kernel, parts), *parts]


MALFORMED = ["invalid-json", "header-not-an-object", "not-utf8", "missing-frames", "no-delimiter"]


@pytest.fixture(scope="module", params=MALFORMED)
def malformed(request, kernel):
    with raw_socket(kernel) as socket:
        socket.send_multipart(_malformed(kernel, request.param))
        answered = replies(socket, within=1.5)
    return dict(answered=answered)


def test_malformed_message_is_dropped(malformed):
    assert malformed["answered"] == []


def test_kernel_serves_its_client_after_a_malformed_message(malformed, kernel):
    assert is_running(kernel.pid)
    assert value_of(kernel.kc, "5 + 6") == "11"


def test_a_client_that_reuses_an_identity_takes_its_place(installation):
    # Two clients of one KernelManager share a session id, so their sockets share a ZMQ identity: as with ipykernel
    # (ROUTER handover), the newer one is answered, and after the older one closes too.
    with running_kernel(KERNEL) as kernel:
        first = kernel.km.client()
        first.start_channels()
        first.kernel_info()
        first.get_shell_msg(timeout=10)  # connected: the second client comes after it, as in life
        second = kernel.km.client()
        second.start_channels()
        try:
            for attempt in range(2):
                msg_id = second.kernel_info()
                reply = second.get_shell_msg(timeout=10)
                assert reply["parent_header"]["msg_id"] == msg_id
                assert reply["content"]["status"] == "ok"
                first.stop_channels()
        finally:
            second.stop_channels()
