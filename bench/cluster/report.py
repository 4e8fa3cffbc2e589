#!/usr/bin/python3
"""Turns the rounds of bench/cluster/run into one table and bench/results/cluster.json.

  report.py ROUNDS.jsonl OUT.json N_LB

Per row: the median over the rounds of each side's figure (each figure is itself a median inside
its round, except start and load-balanced throughput, single shots), the min-max spread, and the
advantage: how many times better jparallel is (ipyparallel time / ours, or our rate / theirs), so
above 1 is better whichever the unit.
"""
import datetime, json, platform, statistics, sys

# key, label, unit, higher is better, target advantage (None: no target), what the target says
ROWS = [
    ("start_4_engines_s", "4 engines ready", "s", False, 1.0, "no slower than ipyparallel"),
    ("px_4_engines_ms", "execute 1 line on 4 engines (client)", "ms", False, None, ""),
    ("apply_1_engine_ms", "apply no-op round trip, 1 engine", "ms", False, 10.0, "<= 1/10 of ipyparallel"),
    ("map10_ms", "map(x*x, range(10)) on 4 engines", "ms", False, None, ""),
    ("lb_tasks_per_s", "load-balanced no-op tasks", "tasks/s", True, 40.0, ">= 40x ipyparallel"),
    ("pushpull_80MB_MBps", "push+pull 80 MB double[], 1 engine", "MB/s", True, 5.0, ">= 5x ipyparallel"),
    ("engine_pss_MB_median", "idle engine PSS", "MB", False, 1.0, "<= ipyparallel"),
    ("engine_rss_MB_median", "idle engine RSS", "MB", False, None, ""),
]


def spread(values):
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2),
            "max": round(max(values), 2), "rounds": values}


def cell(s):
    return "%g (%g-%g)" % (s["median"], s["min"], s["max"]) if s["min"] != s["max"] else "%g" % s["median"]


def main(rounds_file, out_file, n_lb):
    rounds = [json.loads(line) for line in open(rounds_file) if line.strip()]
    rows = []

    def add(label, unit, ours, theirs, higher_better, target, target_text, versus):
        advantage = [(o / t if higher_better else t / o) for o, t in zip(ours, theirs)]
        med = statistics.median(advantage)
        rows.append({"row": label, "unit": unit, "jparallel": spread(ours), versus: spread(theirs),
                     "advantage": round(med, 2), "target": target_text or None,
                     "met": None if target is None else med >= target, "versus": versus})

    for key, label, unit, higher, target, text in ROWS:
        add(label, unit, [r["ours"][key] for r in rounds], [r["ipp"][key] for r in rounds], higher, target, text,
            "ipyparallel")
    # The same workloads once every JVM's JIT has compiled their paths (ClusterBench.warm); Python has no JIT to
    # warm, so ipyparallel's figures are the ones above.
    if all("apply_1_engine_warm_ms" in r["ours"] for r in rounds):
        add("apply no-op round trip, warm", "ms", [r["ours"]["apply_1_engine_warm_ms"] for r in rounds],
            [r["ipp"]["apply_1_engine_ms"] for r in rounds], False, 10.0, "<= 1/10 of ipyparallel", "ipyparallel")
        add("load-balanced no-op tasks, warm", "tasks/s", [r["ours"]["lb_tasks_per_s_warm"] for r in rounds],
            [r["ipp"]["lb_tasks_per_s"] for r in rounds], True, 40.0, ">= 40x ipyparallel", "ipyparallel")
        add("execute 1 line on 4 engines, warm, vs warm JShell.eval", "ms",
            [r["ours"]["px_4_engines_warm_ms"] for r in rounds], [r["ours"]["jshell_eval_ms"] for r in rounds],
            False, 1 / 1.5, "<= 1.5x one JShell.eval", "JShell.eval")
    add("4 engines ready + first execute done", "s", [r["ours"]["start_first_execute_s"] for r in rounds],
        [r["ipp"]["start_4_engines_s"] for r in rounds], False, None, "", "ipyparallel ready")
    add("execute 1 line on 4 engines vs warm JShell.eval", "ms", [r["ours"]["px_4_engines_ms"] for r in rounds],
        [r["ours"]["jshell_eval_ms"] for r in rounds], False, 1 / 1.5, "<= 1.5x one JShell.eval", "JShell.eval")
    add("%px 1 line on 4 engines through the kernel", "ms", [r["kernel"]["kernel_px_4_engines_ms"] for r in rounds],
        [r["ipykernel"]["kernel_px_4_engines_ms"] for r in rounds], False, None, "", "ipykernel %px")
    add("%px through the kernel vs DirectView.executeSync", "ms",
        [r["kernel"]["kernel_px_4_engines_ms"] for r in rounds], [r["ours"]["px_4_engines_ms"] for r in rounds],
        False, None, "", "client executeSync")

    if all("e2e_80MB_args_ms" in r["ours"] for r in rounds):
        add("80 MB result to a task on another engine", "ms", [r["ours"]["e2e_80MB_args_ms"] for r in rounds],
            [r["ours"]["e2e_80MB_pullpush_ms"] for r in rounds], False, 2.0, ">= 2x pull then push",
            "pull then push via client")

    loads = [r["load"] for r in rounds]
    result = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "host": platform.node(),
              "anchor": rounds[0]["ipp"].get("anchor"), "subject": rounds[0]["ours"].get("subject"),
              "n_lb": n_lb, "rounds": len(rounds), "load_average_per_round": loads, "rows": rows, "raw": rounds}
    with open(out_file, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")

    heads = ("", "unit", "jparallel", "other side", "advantage", "target", "met")
    table = [heads] + [(r["row"], r["unit"], cell(r["jparallel"]), "%s: %s" % (r["versus"], cell(r[r["versus"]])),
                        "%gx" % r["advantage"], r["target"] or "-",
                        {True: "yes", False: "NO", None: "-"}[r["met"]]) for r in rows]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(heads))]
    for i, row in enumerate(table):
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print("medians of %d rounds (min-max); advantage > 1 means jparallel is better; N_LB=%s" % (len(rounds), n_lb))
    print("load average (1 min) before/after each round: %s on %s" % (
        ", ".join("%s/%s" % tuple(l) for l in loads), platform.node()))
    print("written: %s" % out_file)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
