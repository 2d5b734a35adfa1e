#!/usr/bin/env python3
"""Assembles `make bench`'s parts (scripts/bench.sh) into one JSON report and prints the table.

Usage: bench/report.py WORK_DIR OUT_JSON STARTED ENDED SHARED FULL
Each part is WORK_DIR/NAME.json (ingest, embedding, search, http, exam); a missing part is left out,
a part that could not run holds {"skipped": reason}.
"""
import json
import os
import platform
import sys
from datetime import datetime, timezone


def part(work, name):
    path = os.path.join(work, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    work, out, started, ended, shared, full = sys.argv[1:7]
    with open(os.path.join(work, "load-start.json")) as f:
        load_start = json.load(f)["start"]
    with open("/proc/loadavg") as f:
        load_end = " ".join(f.read().split()[:3])
    report = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"cpu": cpu_name(), "cores": os.cpu_count(), "loadAtStart": load_start, "loadAtEnd": load_end},
        "data": "../shared/data" if shared == "1" else "corpus/",
        "full": full == "1",
        "seconds": float(ended) - float(started),
    }
    rows = []  # (area, figure, value, baseline, baseline value, ratio)

    ingest = part(work, "ingest")
    if ingest is not None:
        report["ingest"] = ingest
        if "skipped" not in ingest:
            rows.append(("ingest", f"agriqa ingest --no-embed, {ingest['pages']} pages", f"{ingest['agriqaPagesPerSecond']:.1f} pages/s",
                         f"pdftotext ({ingest['jobs']} at a time)", f"{ingest['pdftotextPagesPerSecond']:.1f} pages/s",
                         f"{ingest['ratio']:.2f}x time"))

    embedding = part(work, "embedding")
    if embedding is not None:
        report["embedding"] = embedding
        if "skipped" not in embedding:
            rows.append(("embedding", f"embedder, {embedding['chunks']} chunks", f"{embedding['embedderChunksPerSecond']:.1f} chunks/s",
                         "raw cblas_sgemm, same shapes", f"{embedding['sgemmChunksPerSecond']:.1f} chunks/s",
                         f"{embedding['ratio']:.2f}x time"))

    search = part(work, "search")
    if search is not None:
        report["search"] = search
        if "skipped" not in search:
            for result in search.get("results", []):
                lat = result["latencies"]
                fts = lat["raw FTS5 (bm25, limit 100)"]
                for kind, scan_name in (("float32", "raw vector scan float32"), ("int8", "raw vector scan int8")):
                    hybrid = lat[f"hybrid, precomputed vector, {kind}"]
                    scan = lat[scan_name]
                    for q in ("p50", "p99"):
                        base = fts[q] + scan[q]
                        rows.append(("search", f"{result['chunks'] // 1000}k hybrid {kind} {q}", f"{hybrid[q]:.2f} ms",
                                     f"raw FTS5 + raw {kind} scan {q}", f"{fts[q]:.2f} + {scan[q]:.2f} ms",
                                     f"{hybrid[q] / base:.2f}x" if base > 0 else "-"))
                by_fts = lat.get("hybrid, precomputed vector, float32, BM25 by FTS5")
                if by_fts is not None:
                    hybrid = lat["hybrid, precomputed vector, float32"]
                    rows.append(("search", f"{result['chunks'] // 1000}k hybrid float32 p50, BM25 from in-memory postings",
                                 f"{hybrid['p50']:.2f} ms", "the same with BM25 by FTS5 p50", f"{by_fts['p50']:.2f} ms",
                                 f"{hybrid['p50'] / by_fts['p50']:.2f}x" if by_fts["p50"] > 0 else "-"))
                e2e = lat["hybrid end-to-end, float32"]
                emb = lat["query embedding"]
                base = emb["p50"] + fts["p50"] + lat["raw vector scan float32"]["p50"]
                rows.append(("search", f"{result['chunks'] // 1000}k end-to-end p50 (embeds the question)", f"{e2e['p50']:.2f} ms",
                             "embedding + FTS5 + scan p50", f"{base:.2f} ms", f"{e2e['p50'] / base:.2f}x" if base > 0 else "-"))

    http = part(work, "http")
    if http is not None:
        report["http"] = http
        if "skipped" not in http:
            health = http["healthz"]
            for name, label in (("search", "POST /v1/search"), ("ask", "POST /v1/ask (extractive)")):
                d = http[name]
                errors = d["errors"] + d["non2xx"]
                rows.append(("http", f"{label}, {http['connections']} conns (p99 {d['p99Ms']:.0f} ms, {errors} errors)",
                             f"{d['requestsPerSecond']:.0f} req/s", "GET /healthz", f"{health['requestsPerSecond']:.0f} req/s",
                             f"{d['requestsPerSecond'] / health['requestsPerSecond']:.3f}x"))

    exam = part(work, "exam")
    if exam is not None:
        report["exam"] = exam
        if "skipped" not in exam:
            rows.append(("exam", f"exam run --solver ir, {exam['questions']} questions, 1 at a time",
                         f"{exam['questionsPerSecond']:.1f} q/s", f"its {exam['baselineQueries']} raw FTS5 queries",
                         f"{exam['baselineQuestionsPerSecond']:.1f} q/s", f"{exam['ratio']:.2f}x time"))

    report["table"] = [dict(zip(("area", "figure", "value", "baseline", "baselineValue", "ratio"), row)) for row in rows]
    with open(out, "w") as f:
        json.dump(report, f, indent=2, sort_keys=True)
        f.write("\n")

    headers = ("area", "figure", "value", "baseline (same run)", "baseline value", "ratio")
    widths = [max(len(str(r[i])) for r in rows + [headers]) for i in range(len(headers))]
    line = lambda r: "  ".join(str(v).ljust(widths[i]) for i, v in enumerate(r))
    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    for name in ("ingest", "embedding", "search", "http", "exam"):
        p = report.get(name)
        if p and "skipped" in p:
            print(f"{name}: skipped — {p['skipped']}")
    print(f"load average (1/5/15 min): {load_start} at start, {load_end} at end; {report['seconds']:.0f} s; "
          f"{os.cpu_count()} cores, {report['machine']['cpu']}")
    print(f"JSON: {out}")


if __name__ == "__main__":
    main()
