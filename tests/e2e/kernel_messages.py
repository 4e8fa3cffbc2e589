"""Send one request to a kernel and gather everything it answers to that request.

`exchange` is the one way tests talk to a kernel: it builds the request with the
client's session (so the test holds the exact header it sent), then reads the
reply channel, iopub and stdin together, keeping only messages whose parent is
this request, with the time each one arrived. Nothing here waits without a
deadline.
"""
from __future__ import annotations

import os
import re
import time
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from queue import Empty
from typing import Any, Iterable

from jupyter_client.blocking.client import BlockingKernelClient

REQUEST_TIMEOUT = float(os.environ.get("JP_E2E_REQUEST_TIMEOUT", 30))

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


@dataclass
class Exchange:
    """A request and what the kernel said about it."""

    request: dict[str, Any]
    sent_at: float
    reply: dict[str, Any] | None = None
    reply_at: float | None = None
    iopub: list[dict[str, Any]] = field(default_factory=list)
    iopub_at: list[float] = field(default_factory=list)
    input_requests: list[dict[str, Any]] = field(default_factory=list)

    # --- the reply ---------------------------------------------------------------

    @property
    def content(self) -> dict[str, Any]:
        assert self.reply is not None, f"no reply to {self.request['header']['msg_type']}"
        return self.reply["content"]

    @property
    def status(self) -> str:
        return self.content["status"]

    # --- iopub -------------------------------------------------------------------

    def of_type(self, *msg_types: str) -> list[dict[str, Any]]:
        return [m for m in self.iopub if m["msg_type"] in msg_types]

    @property
    def states(self) -> list[str]:
        return [m["content"]["execution_state"] for m in self.of_type("status")]

    @property
    def outputs(self) -> list[dict[str, Any]]:
        """What a notebook would show under the cell."""
        return [m for m in self.iopub if m["msg_type"] not in ("status", "execute_input")]

    def stream(self, name: str) -> str:
        return "".join(
            m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == name
        )

    @property
    def stdout(self) -> str:
        return self.stream("stdout")

    @property
    def stderr(self) -> str:
        return self.stream("stderr")

    def result(self, mime: str = "text/plain") -> str | None:
        """The cell's Out[n] value in `mime`, or None when there is none."""
        results = self.of_type("execute_result")
        assert len(results) <= 1, f"more than one execute_result: {results}"
        return results[0]["content"]["data"].get(mime) if results else None

    @property
    def error(self) -> dict[str, Any] | None:
        errors = self.of_type("error")
        return errors[0]["content"] if errors else None

    @property
    def traceback(self) -> str:
        assert self.error is not None, f"no error output; outputs were {self.outputs}"
        return strip_ansi("\n".join(self.error["traceback"]))

    @property
    def displays(self) -> list[dict[str, Any]]:
        return [m["content"] for m in self.of_type("display_data")]

    @property
    def visible_text(self) -> str:
        """All text a user sees under the cell: streams, results, errors, displays."""
        parts = []
        for m in self.outputs:
            c = m["content"]
            if m["msg_type"] == "stream":
                parts.append(c["text"])
            elif m["msg_type"] in ("execute_result", "display_data"):
                parts.append(str(c["data"].get("text/plain", "")))
            elif m["msg_type"] == "error":
                parts.extend([c["ename"], c["evalue"], *c["traceback"]])
        return strip_ansi("\n".join(parts))

    def arrival_of_first(self, predicate) -> float:
        for message, at in zip(self.iopub, self.iopub_at):
            if predicate(message):
                return at
        raise AssertionError(f"no matching iopub message among {self.iopub}")

    def describe(self) -> str:
        return (
            f"{self.request['header']['msg_type']}: reply={self.reply and self.reply['content']}"
            f" iopub={[(m['msg_type'], m['content']) for m in self.iopub]}"
        )


def send(kc: BlockingKernelClient, msg_type: str, content: dict, channel: str = "shell") -> dict:
    """Sign and send one request; return the message as sent (header included)."""
    message = kc.session.msg(msg_type, content)
    getattr(kc, f"{channel}_channel").send(message)
    return message


class Inbox:
    """Everything read from one client's channels, filed by the request it answers.

    Reading for one request never loses another request's messages: they wait
    here until someone gathers them.
    """

    CHANNELS = ("iopub", "shell", "control", "stdin")

    def __init__(self, kc: BlockingKernelClient):
        self.kc = kc
        self.filed: dict[str, list[tuple[str, float, dict]]] = defaultdict(list)

    def pump(self, wait: float) -> None:
        """Read what is ready on every channel, waiting up to `wait` s on iopub."""
        for channel in self.CHANNELS:
            get = getattr(self.kc, f"get_{channel}_msg")
            while True:
                try:
                    message = get(timeout=wait if channel == "iopub" else 0)
                except Empty:
                    break
                wait = 0
                parent = message["parent_header"].get("msg_id", "")
                self.filed[parent].append((channel, time.monotonic(), message))

    def take(self, msg_id: str) -> list[tuple[str, float, dict]]:
        return self.filed.pop(msg_id, [])


_inboxes: "weakref.WeakKeyDictionary[BlockingKernelClient, Inbox]" = weakref.WeakKeyDictionary()


def inbox(kc: BlockingKernelClient) -> Inbox:
    if kc not in _inboxes:
        _inboxes[kc] = Inbox(kc)
    return _inboxes[kc]


def _is_idle(message: dict) -> bool:
    return message["msg_type"] == "status" and message["content"]["execution_state"] == "idle"


def gather(
    kc: BlockingKernelClient,
    request: dict,
    *,
    channel: str = "shell",
    stdin_answers: Iterable[str] = (),
    wait_for_idle: bool = True,
    timeout: float = REQUEST_TIMEOUT,
    sent_at: float | None = None,
) -> Exchange:
    """Collect the reply to `request` and the iopub messages it caused.

    Returns once the reply has arrived and (when `wait_for_idle`) iopub has said
    `idle` for this request. Input requests are answered from `stdin_answers`.
    """
    msg_id = request["header"]["msg_id"]
    ex = Exchange(request=request, sent_at=sent_at or time.monotonic())
    answers = list(stdin_answers)
    box = inbox(kc)
    idle = False
    deadline = time.monotonic() + timeout
    while ex.reply is None or (wait_for_idle and not idle):
        if time.monotonic() > deadline:
            raise AssertionError(
                f"kernel did not finish {request['header']['msg_type']} within {timeout}s "
                f"(reply {'received' if ex.reply else 'missing'}, idle {idle}); {ex.describe()}"
            )
        box.pump(0.01)
        for source, at, message in box.take(msg_id):
            if source == "iopub":
                ex.iopub.append(message)
                ex.iopub_at.append(at)
                idle = idle or _is_idle(message)
            elif source == "stdin":
                ex.input_requests.append(message)
                if answers:
                    kc.input(answers.pop(0))
            elif source == channel and ex.reply is None:
                ex.reply, ex.reply_at = message, at
    return ex


def wait_for(
    kc: BlockingKernelClient,
    request: dict,
    predicate,
    timeout: float = REQUEST_TIMEOUT,
    channel: str = "iopub",
) -> dict:
    """Wait for the first message of `request` on `channel` that satisfies `predicate`.

    Messages read meanwhile stay in the inbox for a later `gather`.
    """
    msg_id = request["header"]["msg_id"]
    box = inbox(kc)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        box.pump(0.01)
        for source, _, message in box.filed.get(msg_id, []):
            if source == channel and predicate(message):
                return message
    raise AssertionError(f"no matching {channel} message for {request['header']['msg_type']}")


def exchange(
    kc: BlockingKernelClient,
    msg_type: str,
    content: dict,
    *,
    channel: str = "shell",
    timeout: float = REQUEST_TIMEOUT,
    **gather_options,
) -> Exchange:
    sent_at = time.monotonic()
    request = send(kc, msg_type, content, channel)
    return gather(kc, request, channel=channel, timeout=timeout, sent_at=sent_at, **gather_options)


def execute_content(
    code: str,
    *,
    silent: bool = False,
    store_history: bool = True,
    allow_stdin: bool = False,
    stop_on_error: bool = True,
) -> dict:
    return {
        "code": code,
        "silent": silent,
        "store_history": store_history,
        "user_expressions": {},
        "allow_stdin": allow_stdin,
        "stop_on_error": stop_on_error,
    }


def execute(
    kc: BlockingKernelClient,
    code: str,
    *,
    stdin_answers: Iterable[str] = (),
    timeout: float = REQUEST_TIMEOUT,
    **content_options,
) -> Exchange:
    """Run one cell and return everything it produced."""
    return exchange(
        kc,
        "execute_request",
        execute_content(code, **content_options),
        stdin_answers=stdin_answers,
        timeout=timeout,
    )


def value_of(kc: BlockingKernelClient, code: str) -> str | None:
    """The text/plain Out[n] of one cell that must succeed."""
    ex = execute(kc, code)
    assert ex.status == "ok", f"{code!r} failed: {ex.describe()}"
    return ex.result()
