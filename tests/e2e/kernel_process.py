"""Start and stop real jparallel kernels, and watch the processes they leave.

Every kernel a test starts goes through `running_kernel` (or `stop_kernel`), so a
kernel is shut down even when the test fails, and any JVM it forked that outlives
it is killed by pid, never by name.
"""
from __future__ import annotations

import os
import signal
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.manager import KernelManager

STARTUP_TIMEOUT = float(os.environ.get("JP_E2E_STARTUP_TIMEOUT", 60))


@dataclass
class Kernel:
    """A kernel process under test and the client that talks to it."""

    km: KernelManager
    kc: BlockingKernelClient

    @property
    def pid(self) -> int:
        return kernel_pid(self.km)


def kernel_pid(km: KernelManager) -> int:
    """The pid of the process the kernelspec's argv started (the kernel JVM)."""
    assert km.provisioner is not None, "kernel was never started"
    return km.provisioner.pid


def start_kernel(name: str, **manager_options) -> Kernel:
    """Start the kernelspec `name` and wait until it answers kernel_info."""
    km = KernelManager(kernel_name=name, **manager_options)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
    except BaseException:
        stop_kernel(Kernel(km, kc))
        raise
    return Kernel(km, kc)


def stop_kernel(kernel: Kernel) -> None:
    """Shut the kernel down (politely, then by force) and reap what it forked."""
    family: set[int] = set()
    if kernel.km.has_kernel:
        family = descendants(kernel.pid) | {kernel.pid}
    try:
        kernel.kc.stop_channels()
    finally:
        if kernel.km.has_kernel:
            kernel.km.shutdown_kernel(now=False)
        kill_java_processes(family)


@contextmanager
def running_kernel(name: str, **manager_options) -> Iterator[Kernel]:
    kernel = start_kernel(name, **manager_options)
    try:
        yield kernel
    finally:
        stop_kernel(kernel)


# --- processes ------------------------------------------------------------------


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a live process, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    # The command name is in parentheses and may itself contain spaces.
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1])


def is_running(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"


def command_line(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return ""
    return raw.replace(b"\0", b" ").decode(errors="replace").strip()


def descendants(pid: int) -> set[int]:
    """Every live process below `pid` (children, grandchildren, ...)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        stat = _stat(int(entry.name))
        if stat is not None:
            children.setdefault(stat[1], []).append(int(entry.name))
    found: set[int] = set()
    pending = [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            if child not in found:
                found.add(child)
                pending.append(child)
    return found


def wait_until_gone(pids: set[int], timeout: float) -> set[int]:
    """Wait for the processes to end; return the ones still running."""
    deadline = time.monotonic() + timeout
    alive = {p for p in pids if is_running(p)}
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = {p for p in alive if is_running(p)}
    return alive


def kill_java_processes(pids: set[int]) -> None:
    """SIGKILL those of `pids` that still run java (guards against pid reuse)."""
    for pid in wait_until_gone(pids, timeout=2.0):
        if "java" in command_line(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
