#!/usr/bin/python3
"""The task graphs of bench/dag/DagBench.java in ipyparallel (Debian's python3-ipyparallel), for side by side.

Starts and stops its own 4-engine ipcluster exactly as /work/shared/anchors/ipp_bench.py does (profile
dagipp<pid>, removed afterwards), then on the same random DAG and chain (same generator, same seed):
  *_after     no-op tasks submitted at once, each with view.temp_flags(after=[its predecessors' results])
  *_client    each task takes its predecessors' values as arguments; ipyparallel cannot pass a result to
              another task, so the values come back to the client, which sends each task once its inputs
              are there (pull-then-push through the client)
Per graph: wall time, tasks/s, the tasks' own run time (engine's started to completed) per task, and the
scheduling overhead per task: wall time minus the time at least one task was running, divided by the tasks.
Prints one JSON object. Environment: N_DAG (1000), DAG_SEED (6).
"""
import concurrent.futures, json, os, subprocess, sys, time

N = int(os.environ.get("N_DAG", "1000"))
SEED = int(os.environ.get("DAG_SEED", "6"))
PROFILE = "dagipp%d" % os.getpid()
MOD = 1_000_003
MASK = (1 << 64) - 1


def random_dag(n, seed):
    """The generator of DagBench.Graphs.randomDag: a 64-bit LCG, the high 31 bits modulo the bound."""
    state = [seed & MASK]

    def draw(bound):
        state[0] = (state[0] * 6364136223846793005 + 1442695040888963407) & MASK
        return (state[0] >> 33) % bound

    deps = []
    for i in range(n):
        k = min(i, draw(4))
        d = []
        while len(d) < k:
            c = draw(i)
            if c not in d:
                d.append(c)
        deps.append(d)
    return deps


def chain(n):
    return [[] if i == 0 else [i - 1] for i in range(n)]


def checksum(deps):
    s = 0
    for i, d in enumerate(deps):
        for j in d:
            s = (s * 31 + i * 1009 + j) % 1_000_000_007
    return s


def expected_values(deps):
    values = []
    for d in deps:
        values.append((1 + sum(values[j] for j in d)) % MOD)
    return values


def run_seconds(ars):
    """The tasks' own run time, summed, and the time at least one of them ran (the union of the intervals)."""
    intervals = sorted((ar.metadata["started"], ar.metadata["completed"]) for ar in ars)
    total = sum((b - a).total_seconds() for a, b in intervals)
    busy, start, end = 0.0, None, None
    for a, b in intervals:
        if end is None or a > end:
            busy += 0 if end is None else (end - start).total_seconds()
            start, end = a, b
        elif b > end:
            end = b
    busy += 0 if end is None else (end - start).total_seconds()
    return total, busy


def after_run(lv, deps):
    noop = lambda: None
    t = time.perf_counter()
    ars = []
    for d in deps:
        if d:
            with lv.temp_flags(after=[ars[j] for j in d]):
                ars.append(lv.apply_async(noop))
        else:
            ars.append(lv.apply_async(noop))
    for ar in ars:
        ar.get()
    return time.perf_counter() - t, run_seconds(ars)


FUNCTIONS = [lambda: 1, lambda a: (a + 1) % 1000003, lambda a, b: (a + b + 1) % 1000003,
             lambda a, b, c: (a + b + c + 1) % 1000003]


def client_run(lv, deps):
    """Each task is sent once its predecessors' values are back in the client, with them as arguments."""
    n = len(deps)
    values = [None] * n
    waiting_on = [len(d) for d in deps]
    children = [[] for _ in range(n)]
    for i, d in enumerate(deps):
        for j in d:
            children[j].append(i)
    ars = [None] * n
    running = {}
    t = time.perf_counter()

    def send(i):
        ars[i] = lv.apply_async(FUNCTIONS[len(deps[i])], *[values[j] for j in deps[i]])
        running[ars[i]] = i

    for i in range(n):
        if waiting_on[i] == 0:
            send(i)
    while running:
        done, _ = concurrent.futures.wait(list(running), return_when=concurrent.futures.FIRST_COMPLETED)
        for ar in done:
            i = running.pop(ar)
            values[i] = ar.get()
            for c in children[i]:
                waiting_on[c] -= 1
                if waiting_on[c] == 0:
                    send(c)
    wall = time.perf_counter() - t
    if values != expected_values(deps):
        raise AssertionError("ipyparallel returned other values than expected")
    return wall, run_seconds(ars)


def put(out, key, timing, n):
    wall, (run, busy) = timing
    out[key + "_s"] = round(wall, 3)
    out[key + "_tasks_per_s"] = round(n / wall, 1)
    out[key + "_run_ms_per_task"] = round(1000 * run / n, 3)
    out[key + "_overhead_ms_per_task"] = round(1000 * (wall - busy) / n, 3)


def main():
    import ipyparallel as ipp
    dag, line = random_dag(N, SEED), chain(N)
    out = {"anchor": "ipyparallel " + ipp.__version__, "n": N, "dag_edges": sum(len(d) for d in dag),
           "dag_checksum": checksum(dag)}
    subprocess.run(["/usr/bin/python3", "-m", "IPython", "profile", "create", "--parallel", "--profile=" + PROFILE],
                   capture_output=True)
    pdir = os.path.expanduser("~/.ipython/profile_" + PROFILE)
    os.makedirs(pdir, exist_ok=True)
    for name in ("ipengine_config.py", "ipcontroller_config.py"):
        with open(os.path.join(pdir, name), "a") as f:
            f.write("c.Application.log_level = 'WARN'\n")
    rc = None
    try:
        subprocess.run(["ipcluster", "start", "-n", "4", "--daemonize", "--profile=" + PROFILE], check=True)
        cf = os.path.join(pdir, "security", "ipcontroller-client.json")
        while not os.path.exists(cf):
            time.sleep(0.02)
        time.sleep(0.1)
        rc = ipp.Client(profile=PROFILE, timeout=30)
        rc.wait_for_engines(4, timeout=120)
        lv = rc.load_balanced_view()
        print("warm-up", file=sys.stderr)
        after_run(lv, random_dag(200, SEED + 1))
        client_run(lv, random_dag(200, SEED + 1))
        print("dag, after", file=sys.stderr)
        put(out, "dag_after", after_run(lv, dag), N)
        print("chain, after", file=sys.stderr)
        put(out, "chain_after", after_run(lv, line), N)
        print("dag, values through the client", file=sys.stderr)
        put(out, "dag_client", client_run(lv, dag), N)
        print("chain, values through the client", file=sys.stderr)
        put(out, "chain_client", client_run(lv, line), N)
    finally:
        if rc is not None:
            rc.shutdown(hub=True, block=False)
        subprocess.run(["ipcluster", "stop", "--profile=" + PROFILE], capture_output=True)
        time.sleep(1)
        import shutil
        shutil.rmtree(pdir, ignore_errors=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
