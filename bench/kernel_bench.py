#!/usr/bin/python3
"""Kernel startup and trivial-cell latency: jparallel beside rapaio-jupyter-kernel and bare JShell.

Run with Debian's Python (it has jupyter_client):

    /usr/bin/python3 bench/kernel_bench.py [--runs 10] [--warm 50]

For each kernel, over --runs fresh processes:
  * start -> kernel_info_reply: from spawning the kernel's argv to the first kernel_info_reply
    (sockets connected before the spawn; kernel_info_request sent at once, then every second
    until answered, as jupyter_client's wait_for_ready does: rapaio drops, or dies on, a request
    that comes before its handlers exist, and a faster re-send pace left it unanswered);
  * start -> first `1 + 1` execute_reply: the execute_request is sent right after that reply, as
    a frontend does;
  * warm `1 + 1` round trips: --warm execute_request -> execute_reply after the first cell, each
    one sent once the previous one went idle (pooled over all runs).
Beside them, bench/BareJShell.java (JShell.eval of the same snippet, local execution, no kernel)
run with the same java and JVM flags as our kernelspec.

Prints a table and writes JSON (bench/results/kernel.json by default). Figures, not tests: the
script never fails on a slow number.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file

REPO = Path(__file__).resolve().parent.parent
SNIPPET = "1 + 1"
RAPAIO = "io.github.padreati:rapaio-jupyter-kernel"


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(values):
    if not values:
        return None
    return {
        "n": len(values),
        "median": statistics.median(values),
        "p10": percentile(values, 10),
        "p90": percentile(values, 90),
        "min": min(values),
        "max": max(values),
    }


def cpu_ms(pid):
    """User + system CPU time of a process so far (Linux), or None: a figure the machine's load barely moves."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


# ---------------------------------------------------------------- kernelspecs


def install_jparallel(prefix):
    """Our kernelspec, installed by our own script, exactly as a user gets it."""
    subprocess.run([str(REPO / "kernelspec" / "install"), "--prefix", str(prefix)], check=True,
                   stdout=sys.stderr)
    spec = prefix / "share" / "jupyter" / "kernels" / "jparallel"
    return json.loads((spec / "kernel.json").read_text())["argv"]


def install_rapaio(prefix, version, java):
    """rapaio's jar fetched from Maven Central into the temp prefix, and a kernelspec for it."""
    spec = prefix / "share" / "jupyter" / "kernels" / "rapaio"
    spec.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mvn", "-q", "dependency:copy", f"-Dartifact={RAPAIO}:{version}",
                    f"-DoutputDirectory={spec}"], check=True, stdout=sys.stderr, cwd=prefix)
    jar = spec / f"rapaio-jupyter-kernel-{version}.jar"
    # As its own installer writes it: java -jar JAR {connection_file}, settings in the environment.
    argv = [java, "-jar", str(jar), "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({
        "argv": argv, "display_name": f"rapaio {version}", "language": "java",
        "interrupt_mode": "message",
        "env": {"RJK_COMPILER_OPTIONS": "", "RJK_TIMEOUT_MILLIS": "-1", "RJK_INIT_SCRIPT": ""},
    }, indent=2))
    return argv, {"RJK_COMPILER_OPTIONS": "", "RJK_TIMEOUT_MILLIS": "-1", "RJK_INIT_SCRIPT": ""}


# ---------------------------------------------------------------- one kernel process


class KernelRun:
    """One kernel process, started by us from its argv, and a client on its sockets."""

    def __init__(self, argv, env, workdir):
        self.argv, self.env, self.workdir = argv, env, workdir
        self.proc = None
        self.client = None

    def __enter__(self):
        fd, path = tempfile.mkstemp(suffix=".json", dir=self.workdir)
        os.close(fd)
        self.connection_file, _ = write_connection_file(path, ip="127.0.0.1")
        self.client = BlockingKernelClient(connection_file=self.connection_file)
        self.client.load_connection_file()
        # Connected before the kernel exists: ZeroMQ queues the request until the kernel binds.
        self.client.start_channels(shell=True, iopub=True, stdin=False, hb=False, control=True)
        return self

    def start(self):
        argv = [a.replace("{connection_file}", self.connection_file) for a in self.argv]
        env = dict(os.environ, JPY_PARENT_PID=str(os.getpid()), **self.env)
        self.log = open(Path(self.connection_file).with_suffix(".log"), "wb")
        self.proc = subprocess.Popen(argv, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)

    def reply(self, msg_id, timeout):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None:
                raise RuntimeError(f"no reply from {self.argv[0]} (exit {self.proc.poll()}), "
                                   f"log: {self.log.name}")
            try:
                msg = self.client.get_shell_msg(timeout=min(left, 1.0))
            except Exception:  # queue.Empty
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def kernel_info(self, since, timeout=60, every=1.0):
        """Sends kernel_info_request every second until one is answered, as jupyter_client does (a
        kernel may drop requests that arrive before its handlers are in place: rapaio does)."""
        sent = set()
        while time.perf_counter() - since < timeout:
            if self.proc.poll() is not None:
                break
            request = self.client.session.msg("kernel_info_request")
            sent.add(request["header"]["msg_id"])
            self.client.shell_channel.send(request)
            try:
                msg = self.client.get_shell_msg(timeout=every)
            except Exception:  # queue.Empty
                continue
            if msg["parent_header"].get("msg_id") in sent:
                return msg
        raise RuntimeError(f"no kernel_info_reply from {self.argv[0]} (exit {self.proc.poll()}), log: {self.log.name}")

    def idle(self, msg_id, timeout=30):
        """Drains iopub until the request went idle; returns its execute_result text, if any."""
        result = None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                msg = self.client.get_iopub_msg(timeout=1.0)
            except Exception:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "execute_result":
                data = msg["content"]["data"]  # rapaio sends text/html only
                result = data.get("text/plain", next(iter(data.values()), None))
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return result
        return result

    def execute(self, code, timeout=60):
        msg_id = self.client.execute(code, store_history=True)
        reply = self.reply(msg_id, timeout)
        done = time.perf_counter()
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"{code!r} failed: {reply['content']}")
        return done, msg_id

    def __exit__(self, *exc):
        try:
            if self.proc and self.proc.poll() is None:
                self.client.shutdown()
                try:
                    self.proc.wait(10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
        finally:
            self.client.stop_channels()
            if self.proc and self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            self.log.close() if self.proc else None
            Path(self.connection_file).unlink(missing_ok=True)
            if exc[0] is None:  # on failure the kernel's log stays, for the error message
                Path(self.connection_file).with_suffix(".log").unlink(missing_ok=True)


def one_run(argv, env, warm, workdir, into):
    """One fresh kernel process: start -> kernel_info, start -> first cell, then warm cells."""
    with KernelRun(argv, env, workdir) as k:
        t0 = time.perf_counter()
        k.start()
        k.kernel_info(t0)
        into["kernel_info"].append((time.perf_counter() - t0) * 1000)
        into["cpu_kernel_info"].append(cpu_ms(k.proc.pid))
        done, msg_id = k.execute(SNIPPET)
        into["first_cell"].append((done - t0) * 1000)
        into["cpu_first_cell"].append(cpu_ms(k.proc.pid))
        into["results"].add(k.idle(msg_id))
        for _ in range(warm):
            t = time.perf_counter()
            done, msg_id = k.execute(SNIPPET)
            into["warm"].append((done - t) * 1000)
            into["results"].add(k.idle(msg_id))


def measure_kernels(kernels, runs, warm, workdir):
    """Runs every kernel once per round, `runs` rounds, so a change in the machine's load falls on all."""
    raw = {name: {"kernel_info": [], "cpu_kernel_info": [], "first_cell": [], "cpu_first_cell": [],
                  "warm": [], "results": set(), "failures": []} for name in kernels}
    for i in range(runs):
        for name, (argv, env, _) in kernels.items():
            r = raw[name]
            try:
                one_run(argv, env, warm, workdir, r)
            except RuntimeError as e:  # counted and shown, not fatal: the other runs still tell
                log = Path(str(e).rsplit("log: ", 1)[-1])
                tail = log.read_text(errors="replace")[-1500:] if log.is_file() else ""
                r["failures"].append(f"{e}\n{tail}")
                print(f"  round {i + 1}/{runs} {name}: FAILED {e}", file=sys.stderr)
                continue
            print(f"  round {i + 1}/{runs} {name}: kernel_info {r['kernel_info'][-1]:.0f} ms, "
                  f"first cell {r['first_cell'][-1]:.0f} ms", file=sys.stderr)
    report = {}
    for name, r in raw.items():
        report[name] = {
            "argv": kernels[name][0],
            "start_to_kernel_info_ms": summary(r["kernel_info"]),
            "start_to_first_cell_ms": summary(r["first_cell"]),
            "warm_round_trip_ms": summary(r["warm"]),
            "cpu_at_kernel_info_ms": summary([c for c in r["cpu_kernel_info"] if c is not None]),
            "cpu_at_first_cell_ms": summary([c for c in r["cpu_first_cell"] if c is not None]),
            "results_seen": sorted(x for x in r["results"] if x is not None),
            "failed_runs": r["failures"],
            "raw": {k: r[k] for k in ("kernel_info", "first_cell", "cpu_first_cell")},
        }
    return report


# ---------------------------------------------------------------- bare JShell


def jvm_flags(argv):
    """The JVM options of a kernelspec argv (between java and -jar), less a CDS archive made for that jar."""
    flags = argv[1:argv.index("-jar")] if "-jar" in argv else []
    return [f for f in flags if not f.startswith(("-XX:SharedArchiveFile=", "-XX:ArchiveClassesAtExit="))]


def kernel_jar(argv):
    return argv[argv.index("-jar") + 1] if "-jar" in argv else None


def measure_bare(java, flags, runs, samples, session_jar=None):
    """BareJShell.java in `runs` fresh JVMs; warm evals pooled. With session_jar, the JShell is set
    up as the kernel's (that jar on its class path, the default imports)."""
    evals, first = [], []
    setup = [f"-Dbare.classpath={session_jar}", "-Dbare.imports=true"] if session_jar else []
    for _ in range(runs):
        out = subprocess.run([java, *flags, *setup, str(REPO / "bench" / "BareJShell.java"), SNIPPET, "100",
                              str(samples)], check=True, capture_output=True, text=True).stdout
        data = json.loads(out.strip().splitlines()[-1])
        evals.extend(data["eval_ms"])
        first.append(data["main_to_first_eval_ms"])
    return {"java": java, "flags": flags, "session_setup": bool(session_jar), "warm_eval_ms": summary(evals),
            "main_to_first_eval_ms": summary(first)}


# ---------------------------------------------------------------- report


def fmt(s, width=0):
    text = "-" if s is None else f"{s['median']:.0f} [{s['p10']:.0f}–{s['p90']:.0f}]"
    return f"{text:>{width}}"


def fmt1(s, width=0):
    text = "-" if s is None else f"{s['median']:.1f} [{s['p10']:.1f}–{s['p90']:.1f}]"
    return f"{text:>{width}}"


def print_table(report):
    m = report["machine"]
    print()
    print(f"{report['snippet']!r}: {report['runs']} kernel processes each, {report['warm_per_run']} warm cells per "
          f"process; ms, median [p10–p90]; load {m['load_at_start'][0]:.1f} → {m['load_at_end'][0]:.1f} "
          f"on {m['cpus']} cores")
    for name, k in report["kernels"].items():
        if k["failed_runs"]:
            print(f"{name}: {len(k['failed_runs'])} of {report['runs']} processes failed (in the JSON: failed_runs)")
    print(f"{'kernel':<18}{'start→kernel_info':>20}{'start→first cell':>20}{'CPU at 1st cell':>18}"
          f"{'warm 1+1 round trip':>24}")
    for name, k in report["kernels"].items():
        print(f"{name:<18}{fmt(k['start_to_kernel_info_ms'], 20)}{fmt(k['start_to_first_cell_ms'], 20)}"
              f"{fmt(k['cpu_at_first_cell_ms'], 18)}{fmt1(k['warm_round_trip_ms'], 24)}")
    print()
    print(f"{'warm 1+1, ratio to':<18}{'bare JShell.eval':>36}{'ratio':>8}{'bare, kernel setup':>36}{'ratio':>8}")
    for name, k in report["kernels"].items():
        cells = []
        for key in ("bare_plain", "bare_session"):
            bare = report["bare_jshell"].get(k.get(key) or "", {}).get("warm_eval_ms")
            warm = k["warm_round_trip_ms"]
            ratio = warm["median"] / bare["median"] if bare and warm else None
            k[key.replace("bare_", "ratio_to_bare_")] = ratio
            cells.append(f"{fmt1(bare, 36)}{'-' if ratio is None else f'{ratio:.2f}':>8}")
        print(f"{name:<18}{''.join(cells)}")
    print()
    for key, b in report["bare_jshell"].items():
        print(f"bare: {key}\n      main→first eval {fmt(b['main_to_first_eval_ms'])}, "
              f"warm eval {fmt1(b['warm_eval_ms'])}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="fresh kernel processes per kernel")
    parser.add_argument("--warm", type=int, default=50, help="warm round trips per process")
    parser.add_argument("--rapaio-version", default="3.0.1")
    parser.add_argument("--rapaio-java", default=None, help="java for rapaio (default: the one our kernelspec runs)")
    parser.add_argument("--kernels", default="jparallel,rapaio", help="comma-separated: jparallel, rapaio")
    parser.add_argument("--spec", action="append", default=[], metavar="NAME=KERNEL_DIR",
                        help="also measure an installed kernelspec folder (e.g. a JVM flag variant)")
    parser.add_argument("--no-bare", action="store_true", help="skip bare JShell (e.g. profiling runs)")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "kernel.json"))
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="jp-bench-"))
    try:
        prefix = workdir / "prefix"
        os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")
        wanted = args.kernels.split(",")
        kernels = {}  # name -> (argv, env, ours)
        our_argv = install_jparallel(prefix)
        if "jparallel" in wanted:
            kernels["jparallel"] = (our_argv, {}, True)
        for item in args.spec:
            name, folder = item.split("=", 1)
            kernels[name] = (json.loads((Path(folder) / "kernel.json").read_text())["argv"], {}, True)
        if "rapaio" in wanted:
            argv, env = install_rapaio(prefix, args.rapaio_version, args.rapaio_java or our_argv[0])
            kernels[f"rapaio-{args.rapaio_version}"] = (argv, env, False)

        report = {"snippet": SNIPPET, "runs": args.runs, "warm_per_run": args.warm,
                  "machine": {"cpus": os.cpu_count(), "load_at_start": os.getloadavg(),
                              "platform": platform.platform()},
                  "kernels": {}, "bare_jshell": {}}
        for name, (argv, _, _) in kernels.items():
            print(f"{name}: {' '.join(argv)}", file=sys.stderr)
        report["kernels"] = measure_kernels(kernels, args.runs, args.warm, workdir)
        for name, (argv, env, ours) in kernels.items():
            if args.no_bare:
                continue
            result = report["kernels"][name]
            flags = jvm_flags(argv)
            for key, jar in (("bare_plain", None), ("bare_session", kernel_jar(argv) if ours else None)):
                if key == "bare_session" and jar is None:
                    continue
                label = " ".join([argv[0], *flags] + (["+ kernel's class path and imports"] if jar else []))
                result[key] = label
                if label not in report["bare_jshell"]:
                    print(f"measuring bare JShell: {label}", file=sys.stderr)
                    report["bare_jshell"][label] = measure_bare(argv[0], flags, max(3, args.runs // 2),
                                                                args.warm * 2, jar)
        report["machine"]["load_at_end"] = os.getloadavg()
        print_table(report)
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2) + "\n")
        print(f"wrote {out}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
