#!/usr/bin/python3
"""Turns the rounds of bench/dag/run into one table and bench/results/dag.json.

  report.py ROUNDS.jsonl OUT.json

Per row: the median over the rounds of each side's figure (one shot per round), the min-max spread, and
the ratio, the median over rounds of (ours / ipyparallel) for throughput and (ipyparallel / ours) for
overhead, so above 1 is better for jparallel either way.
"""
import datetime, json, platform, statistics, sys

# label, our key, ipyparallel's key, target ratio (None: none)
GRAPHS = [
    ("random DAG, after", "dag_after", "dag_after", 20.0),
    ("chain, after", "chain_after", "chain_after", 20.0),
    ("random DAG, values passed on", "dag_args", "dag_client", None),
    ("chain, values passed on", "chain_args", "chain_client", None),
    # ours again once warm (DagBench.warm); ipyparallel's Python has no JIT to warm: its one figure
    ("random DAG, after, warm", "dag_after_warm", "dag_after", 20.0),
    ("chain, after, warm", "chain_after_warm", "chain_after", 20.0),
    ("random DAG, values passed on, warm", "dag_args_warm", "dag_client", None),
    ("chain, values passed on, warm", "chain_args_warm", "chain_client", None),
]


def spread(values):
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3),
            "max": round(max(values), 3), "rounds": values}


def cell(s):
    return "%g (%g-%g)" % (s["median"], s["min"], s["max"]) if s["min"] != s["max"] else "%g" % s["median"]


def main(rounds_file, out_file):
    rounds = [json.loads(line) for line in open(rounds_file) if line.strip()]
    for r in rounds:
        if r["ours"]["dag_checksum"] != r["ipp"]["dag_checksum"]:
            raise SystemExit("the two sides ran different DAGs: checksums %s and %s"
                             % (r["ours"]["dag_checksum"], r["ipp"]["dag_checksum"]))
    rows = []
    for label, ours_key, ipp_key, target in GRAPHS:
        for what, unit, higher in (("tasks_per_s", "tasks/s", True), ("overhead_ms_per_task", "ms/task", False)):
            ours = [r["ours"]["%s_%s" % (ours_key, what)] for r in rounds]
            ipp = [r["ipp"]["%s_%s" % (ipp_key, what)] for r in rounds]
            ratios = [(o / t if higher else t / o) if (o > 0 and t > 0) else float("nan") for o, t in zip(ours, ipp)]
            ratio = statistics.median(ratios)
            rows.append({"row": "%s: %s" % (label, "throughput" if higher else "scheduling overhead"),
                         "unit": unit, "jparallel": spread(ours), "ipyparallel": spread(ipp),
                         "advantage": round(ratio, 2),
                         "target": None if target is None or not higher else ">= %gx ipyparallel" % target,
                         "met": None if target is None or not higher else ratio >= target})
    if all(r.get("base") for r in rounds):
        for label, key, _, _ in GRAPHS:
            for what, unit, higher, name in (("tasks_per_s", "tasks/s", True, "throughput"),
                                              ("cpu_ms_per_task", "ms/task", False, "controller CPU")):
                pick = (lambda side: side["%s_%s" % (key, what)]["controller"]) if what == "cpu_ms_per_task" \
                    else (lambda side: side["%s_%s" % (key, what)])
                ours = [pick(r["ours"]) for r in rounds]
                base = [pick(r["base"]) for r in rounds]
                ratios = [(o / b if higher else b / o) if (o > 0 and b > 0) else float("nan")
                          for o, b in zip(ours, base)]
                rows.append({"row": "%s: %s, vs baseline jar" % (label, name), "unit": unit,
                             "jparallel": spread(ours), "ipyparallel": spread(base),
                             "advantage": round(statistics.median(ratios), 2), "target": None, "met": None,
                             "versus": "baseline"})
    loads = [r["load"] for r in rounds]
    result = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "host": platform.node(),
              "anchor": rounds[0]["ipp"].get("anchor"), "subject": rounds[0]["ours"].get("subject"),
              "n": rounds[0]["ours"]["n"], "dag_edges": rounds[0]["ours"]["dag_edges"], "rounds": len(rounds),
              "load_average_per_round": loads, "rows": rows, "raw": rounds}
    with open(out_file, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")

    heads = ("", "unit", "jparallel", "other side", "advantage", "target", "met")
    table = [heads] + [(r["row"], r["unit"], cell(r["jparallel"]),
                        "%s: %s" % (r.get("versus", "ipyparallel 7.1"), cell(r["ipyparallel"])), "%gx" % r["advantage"],
                        r["target"] or "-", {True: "yes", False: "NO", None: "-"}[r["met"]]) for r in rows]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(heads))]
    for i, row in enumerate(table):
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print("medians of %d rounds (min-max); %d tasks per graph, %d edges in the DAG; advantage > 1 means jparallel"
          " is better; values passed on: ours as results-as-arguments, ipyparallel's back through the client"
          % (len(rounds), result["n"], result["dag_edges"]))
    retried = [r.get("retried") for r in rounds if r.get("retried")]
    if retried:
        print("runs that failed once and were run again (an engine dropped for heartbeat silence): %s"
              % "; ".join(retried))
    print("load average (1 min) before/after each round: %s on %s" % (
        ", ".join("%s/%s" % tuple(l) for l in loads), platform.node()))
    print("written: %s" % out_file)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
