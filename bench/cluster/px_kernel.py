#!/usr/bin/python3
"""%px of a one-line statement on 4 engines through a real kernel, driven by jupyter_client.

  px_kernel.py jparallel   the `jparallel` kernelspec (found on JUPYTER_PATH), cluster by `%cluster start -n 4`
  px_kernel.py ipykernel   /usr/bin/python3 -m ipykernel, cluster by `ipcluster start -n 4`, `%px` after
                           `import ipyparallel as ipp; rc = ipp.Client(profile=...)`

Times one execute_request from sending it to the kernel's idle status on iopub (what a frontend waits
for), warm: a few untimed runs first, then the median of N_PX (default 30). Prints one JSON object.
Every cluster it starts is stopped, and the kernel shut down, even on failure.
"""
import json, os, statistics, subprocess, sys, time

from jupyter_client.manager import KernelManager

N_PX = int(os.environ.get("N_PX", "30"))
PROFILE = "pxbench%d" % os.getpid()


def run(kc, code, timeout=180):
    """Executes code; returns the seconds until the kernel is idle again. Raises on an error reply."""
    t = time.perf_counter()
    msg_id = kc.execute(code)
    status = None
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "error":
            status = status or "%s: %s" % (msg["content"]["ename"], msg["content"]["evalue"])
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            elapsed = time.perf_counter() - t
            break
    reply = kc.get_shell_msg(timeout=timeout)
    if reply["content"]["status"] != "ok" or status:
        raise RuntimeError("%r failed: %s %s" % (code, reply["content"].get("evalue", ""), status or ""))
    return elapsed


def timed(kc, setup, statement):
    for code in setup:
        run(kc, code)
    for _ in range(5):
        run(kc, statement)
    return statistics.median(run(kc, statement) for _ in range(N_PX))


def start_kernel(name, env):
    km = KernelManager(kernel_name=name)
    km.start_kernel(env=env)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=180)
    return km, kc


def jparallel():
    km, kc = start_kernel("jparallel", dict(os.environ))
    try:
        run(kc, "%cluster start -n 4 --profile " + PROFILE)
        try:
            px = timed(kc, ["%px long x;"], "%px x = ProcessHandle.current().pid();")
        finally:
            run(kc, "%cluster stop --profile " + PROFILE)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    return {"subject": "jparallel kernel", "kernel_px_4_engines_ms": round(1000 * px, 2)}


def ipykernel():
    import shutil
    pdir = os.path.expanduser("~/.ipython/profile_" + PROFILE)
    subprocess.run(["/usr/bin/python3", "-m", "IPython", "profile", "create", "--parallel", "--profile=" + PROFILE],
                   capture_output=True, check=True)
    for name in ("ipengine_config.py", "ipcontroller_config.py"):
        with open(os.path.join(pdir, name), "a") as f:
            f.write("c.Application.log_level = 'WARN'\n")
    try:
        subprocess.run(["ipcluster", "start", "-n", "4", "--daemonize", "--profile=" + PROFILE], check=True,
                       capture_output=True)
        km, kc = start_kernel("python3", dict(os.environ))
        try:
            setup = ["import ipyparallel as ipp; rc = ipp.Client(profile=%r, timeout=60); rc.wait_for_engines(4, timeout=120, widget=False)"
                     % PROFILE, "%px import os"]
            px = timed(kc, setup, "%px x = os.getpid()")
            run(kc, "rc.shutdown(hub=True, block=False)")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
    finally:
        subprocess.run(["ipcluster", "stop", "--profile=" + PROFILE], capture_output=True)
        time.sleep(1)
        shutil.rmtree(pdir, ignore_errors=True)
    return {"subject": "ipykernel + ipyparallel", "kernel_px_4_engines_ms": round(1000 * px, 2)}


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else ""
    if which not in ("jparallel", "ipykernel"):
        sys.exit("usage: px_kernel.py jparallel|ipykernel")
    print(json.dumps(jparallel() if which == "jparallel" else ipykernel()))
