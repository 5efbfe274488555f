"""results.json, report.md and latency.png of tools/bench/run, from the
steps' results. Nothing here measures; every figure comes from the run."""

import json
import os
import subprocess

from peers import CLASSES, FACETS, log

SYSTEMS = ("cstd", "sqlite_fts5", "postgresql", "omega")
PEERS = SYSTEMS[1:]
LABELS = {"cstd": "cstd", "sqlite_fts5": "SQLite FTS5", "postgresql": "PostgreSQL", "omega": "omega"}
OMEGA_CLASSES = ("term_rare", "term_frequent", "and", "phrase")
GOALS = {"faceted_speedup": 3.0, "index_speedup_omega": 2.0}

# Issue 17's targets for cstd alone: (key, what, bound, "max" when the
# measure must stay at or under the bound, "min" when it must reach it).
TARGETS = (
    ("faceted_p50_ms", "faceted p50 in-process, ms", 2.0, "max"),
    ("faceted_p99_ms", "faceted p99 in-process, ms", 10.0, "max"),
    ("delegates_p50_ms", "delegate queries over HTTP (each once) p50, ms", 2.5, "max"),
    ("delegates_p99_ms", "delegate queries over HTTP (each once) p99, ms", 12.0, "max"),
    ("http_qps", "HTTP requests/s on the faceted mix at saturation", 2000.0, "min"),
    ("half_rate_p99_ms", "HTTP p99 at half the saturation rate, ms", 25.0, "max"),
    ("index_mb_s", "full build MB/s (extraction and catalogue included)", 3.0, "min"),
    ("index_peak_rss_mb", "full build peak memory, MB", 2048.0, "max"),
    ("incremental_seconds", "build with nothing changed, s", 1.0, "max"),
    ("index_over_text", "index on disk / raw text", 2.0, "max"),
    ("faceted_p99_growth", "faceted p99 at the largest growth scale / at ×1", 3.0, "max"),
    ("term_rare_p50_over_fts5", "term_rare p50, cstd / SQLite FTS5", 1.0, "max"),
)


def percentile(values, p):
    """Nearest rank, as cstd-search-bench computes it."""
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, int(p * len(v)))]


def stats(times):
    if not times:
        return None
    return {"p50_ms": round(percentile(times, 0.5), 3), "p99_ms": round(percentile(times, 0.99), 3),
            "max_ms": round(max(times), 3), "runs": len(times)}


def mb(n):
    return None if n is None else n / 1e6


def _ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


# --------------------------------------------------------------------------
# results.json


def _system_measures(system, scale, state, corpus_bytes):
    build = state.get((scale, f"{system}.build"))
    query = state.get((scale, f"{system}.query"))
    if not build and not query:
        return None
    m = {}
    if build:
        m.update({"index_seconds": round(build["seconds"], 3),
                  "index_mb_s": round(mb(corpus_bytes) / build["seconds"], 3) if build["seconds"] else None,
                  "index_peak_rss_mb": round(build["peak_rss_kb"] / 1024, 1) if build.get("peak_rss_kb") else None,
                  "index_bytes": build["index_bytes"]})
        for k in ("peak_rss_note", "settings", "summary"):
            if build.get(k):
                m[k] = build[k]
    if query:
        by_class, per_query = {}, {}
        for q in query["queries"]:
            by_class.setdefault(q["class"], []).extend(q["times_ms"])
            per_query[q["name"]] = {"class": q["class"], "hits": q["hits"], **(stats(q["times_ms"]) or {})}
        m["query"] = {c: stats(by_class[c]) for c in CLASSES if c in by_class}
        m["queries"] = per_query
    incremental = state.get((scale, f"{system}.incremental"))
    if incremental:
        m["incremental"] = {"seconds": round(incremental["seconds"], 3), "summary": incremental.get("summary"),
                            "peak_rss_mb": round(incremental["peak_rss_kb"] / 1024, 1)
                            if incremental.get("peak_rss_kb") else None}
    http = state.get((scale, f"{system}.http"))
    if http and http.get("delegates"):
        d = http["delegates"]
        m["delegates"] = {k: d[k] for k in ("queries", "seed", "failures", "p50_ms", "p99_ms", "max_ms")}
    if http:
        s, h = http["saturation"], http["half_rate"]
        m["http"] = {"qps": round(s["qps"], 1), "p50_ms": s["p50_ms"], "p99_ms": s["p99_ms"],
                     "connections_at_saturation": s["connections"],
                     "half_rate": {"qps": round(h["qps"], 1), "target_qps": round(h["target_qps"], 1),
                                   "p50_ms": h["p50_ms"], "p99_ms": h["p99_ms"], "max_ms": h["max_ms"],
                                   "connections": h["connections"]},
                     "runs": http["runs"], "workload": http["workload"],
                     "server_peak_rss_mb": round(http["server_peak_rss_kb"] / 1024, 1)
                     if http.get("server_peak_rss_kb") else None}
    return m


def _facet_diff(a, b):
    """Values whose counts differ, among the values both lists hold (top-50
    lists may cut ties differently), and values one list has while the other
    is shorter than 50 (so it should have had them)."""
    diff = 0
    for field in FACETS:
        fa, fb = a.get(field, {}), b.get(field, {})
        for v in set(fa) | set(fb):
            if v in fa and v in fb:
                diff += fa[v] != fb[v]
            elif (v in fa and len(fb) < 50) or (v in fb and len(fa) < 50):
                diff += 1
    return diff


def _hit_counts(state, queries, scale):
    rows = []
    results = {s: {q["name"]: q for q in (state.get((scale, f"{s}.query")) or {}).get("queries", [])}
               for s in SYSTEMS}
    sqlite_docs = (state.get((scale, "sqlite_fts5.query")) or {}).get("documents", {})
    quest = (state.get((scale, "omega.query")) or {}).get("quest_hits", {})
    for q in queries:
        row = {"name": q.name, "class": q.cls}
        for s in SYSTEMS:
            r = results[s].get(q.name)
            row[s] = r["hits"] if r else None
        row["omega_quest"] = quest.get(q.name)
        row["sqlite_fts5_documents"] = sqlite_docs.get(q.name)
        passage_counts = {s: row[s] for s in ("cstd", "sqlite_fts5", "postgresql") if row[s] is not None}
        row["agree"] = len(set(passage_counts.values())) <= 1
        if q.faceted and results["cstd"].get(q.name):
            row["facet_values_differing"] = {
                s: _facet_diff(results["cstd"][q.name]["facets"], results[s][q.name]["facets"])
                for s in ("sqlite_fts5", "postgresql") if results[s].get(q.name)}
        rows.append(row)
    return rows


def build_results(state, queries, scales, machine, run):
    corpus = {}
    for scale in scales:
        c, e = state.get((scale, "corpus")), state.get((scale, "export"))
        if c:
            corpus[scale] = {"files": c["files"], "bytes": c["bytes"], "sessions": c["sessions"]}
        b = state.get((scale, "cstd.build"))
        if c and b:
            corpus[scale]["cstd_indexed_passages"] = b.get("passages")
        if c and e:
            corpus[scale].update({"documents": e["documents"], "passages": e["passages"],
                                  "passage_text_bytes": e["text_bytes"],
                                  "extraction_seconds": round(e["seconds"], 3)})
    systems = {}
    for system in SYSTEMS:
        base = _system_measures(system, "base", state, corpus.get("base", {}).get("bytes"))
        if base is None:
            continue
        growth = {}
        for scale in scales[1:]:
            g = _system_measures(system, scale, state, corpus.get(scale, {}).get("bytes"))
            if g:
                g.pop("queries", None)
                growth[scale] = g
        if growth:
            base["growth"] = growth
        systems[system] = base
    results = {"systems": systems, "machine": machine, "run": run, "corpus": corpus,
               "hit_counts": {scale: _hit_counts(state, queries, scale) for scale in scales},
               "diagnosis": {scale: state[(scale, "diagnose")]["queries"] for scale in scales
                             if state.get((scale, "diagnose"))}}
    results["ratios"] = _ratios(systems)
    results["goals"] = _goals(systems)
    results["targets"] = _targets(systems, corpus)
    return results


def _targets(systems, corpus):
    """Issue 17's targets, each with what this run measured (None when the
    run did not measure it) and whether it is met."""
    us = systems.get("cstd")
    if not us:
        return []
    faceted = us.get("query", {}).get("faceted") or {}
    http = us.get("http") or {}
    growth = us.get("growth") or {}
    largest = growth[max(growth, key=lambda k: int(k[1:]))] if growth else {}
    grown = (largest.get("query") or {}).get("faceted") or {}
    fts5_rare = ((systems.get("sqlite_fts5") or {}).get("query") or {}).get("term_rare") or {}
    measured = {
        "faceted_p50_ms": faceted.get("p50_ms"),
        "faceted_p99_ms": faceted.get("p99_ms"),
        "delegates_p50_ms": (us.get("delegates") or {}).get("p50_ms"),
        "delegates_p99_ms": (us.get("delegates") or {}).get("p99_ms"),
        "http_qps": http.get("qps"),
        "half_rate_p99_ms": (http.get("half_rate") or {}).get("p99_ms"),
        "index_mb_s": us.get("index_mb_s"),
        "index_peak_rss_mb": us.get("index_peak_rss_mb"),
        "incremental_seconds": (us.get("incremental") or {}).get("seconds"),
        "index_over_text": _ratio(us.get("index_bytes"), (corpus.get("base") or {}).get("bytes")),
        "faceted_p99_growth": _ratio(grown.get("p99_ms"), faceted.get("p99_ms")),
        "term_rare_p50_over_fts5": _ratio(((us.get("query") or {}).get("term_rare") or {}).get("p50_ms"),
                                          fts5_rare.get("p50_ms")),
    }
    out = []
    for key, what, bound, sense in TARGETS:
        v = measured[key]
        met = None if v is None else (v <= bound if sense == "max" else v >= bound)
        out.append({"key": key, "what": what, "target": bound, "sense": sense,
                    "measured": None if v is None else round(v, 3), "met": met})
    return out


def _ratios(systems):
    us = systems.get("cstd")
    out = {}
    if not us:
        return out
    for peer in PEERS:
        them = systems.get(peer)
        if not them:
            continue
        r = {"index_seconds_us_over_peer": _ratio(us.get("index_seconds"), them.get("index_seconds")),
             "index_bytes_us_over_peer": _ratio(us.get("index_bytes"), them.get("index_bytes")),
             "query_p50_us_over_peer": {}, "query_p99_us_over_peer": {}}
        for c in CLASSES:
            a, b = us.get("query", {}).get(c), them.get("query", {}).get(c)
            if a and b:
                r["query_p50_us_over_peer"][c] = _ratio(a["p50_ms"], b["p50_ms"])
                r["query_p99_us_over_peer"][c] = _ratio(a["p99_ms"], b["p99_ms"])
        out[peer] = r
    return out


def _goals(systems):
    us = systems.get("cstd", {})
    goals = {}
    for peer in ("sqlite_fts5", "postgresql"):
        a, b = us.get("query", {}).get("faceted"), systems.get(peer, {}).get("query", {}).get("faceted")
        if a and b:
            speedup = b["p50_ms"] / a["p50_ms"]
            goals[f"faceted_vs_{peer}"] = {"speedup_p50": round(speedup, 2), "goal": GOALS["faceted_speedup"],
                                           "met": speedup >= GOALS["faceted_speedup"]}
    if us.get("index_mb_s") and systems.get("omega", {}).get("index_mb_s"):
        speedup = us["index_mb_s"] / systems["omega"]["index_mb_s"]
        goals["index_vs_omindex"] = {"speedup_mb_s": round(speedup, 2), "goal": GOALS["index_speedup_omega"],
                                     "met": speedup >= GOALS["index_speedup_omega"]}
    return goals


def disagreements(results):
    out = []
    for scale, rows in results["hit_counts"].items():
        for r in rows:
            if not r["agree"]:
                out.append(f"[{scale}] {r['name']}: " + ", ".join(
                    f"{s} {r[s]}" for s in ("cstd", "sqlite_fts5", "postgresql") if r[s] is not None))
            for s, n in (r.get("facet_values_differing") or {}).items():
                if n:
                    out.append(f"[{scale}] {r['name']}: {n} facet values count differently in {s} than in cstd")
    return out


# --------------------------------------------------------------------------
# report.md


def _f(v, digits=2):
    if v is None:
        return "–"
    if isinstance(v, float):
        if abs(v) >= 100:
            return f"{v:,.0f}"
        if abs(v) >= 10:
            return f"{v:.1f}"
        return f"{v:.{digits}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(_f(c) if not isinstance(c, str) else c for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _speed(ratio):
    """us/peer of a time as words."""
    if ratio is None:
        return "–"
    return f"{ratio:.2f} ({1 / ratio:.1f}× faster)" if ratio < 1 else f"{ratio:.2f} ({ratio:.1f}× slower)"


def write_report(results, queries, path):
    s = results["systems"]
    present = [x for x in SYSTEMS if x in s]
    peers_present = [x for x in PEERS if x in s]
    m, run, corpus = results["machine"], results["run"], results["corpus"]
    base = corpus.get("base", {})
    out = []
    w = out.append
    w(f"# cstd side by side with its peers ({run['mode']} run)\n")
    w(f"One run of `tools/bench/run{' --quick' if run['mode'] == 'quick' else ''}` on one machine, "
      f"{run['date']}. Absolute times on a shared machine move from run to run; the ratios between systems, "
      "measured minutes apart on the same machine, are the point. The raw figures are in `results.json`, "
      "the chart in `latency.png`.\n")
    w("## Setup\n")
    w(_table(["", ""], [
        ["machine", f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, Linux {m['kernel']}, {m['os']}"],
        ["load average at start", f"{m['load_average_at_start']:.2f} (the machine is shared)"],
        ["corpus", f"UNGDC, sessions {', '.join(base['sessions']) if isinstance(base.get('sessions'), list) else 'all'}: "
                   f"{_f(base.get('files'))} speeches, {_f(mb(base.get('bytes')), 1)} MB, "
                   f"{_f(base.get('passages'))} passages ({_f(mb(base.get('passage_text_bytes')), 1)} MB of text) "
                   f"exported to the peers; cstd's index holds {_f(base.get('cstd_indexed_passages'))}"],
        ["query set", f"`{run['query_set']}` (sha256 {run['query_set_sha256']}), {len(queries)} queries; "
                      f"{run['runs']} timed runs each, in {run['rounds']} rounds that take the systems in turn, "
                      f"each round after {run['warmup']} warm-up runs"],
        ["run time", f"{run['steps_s'] / 60:.1f} min, the sum of every step's time (a resumed run adds up "
                     "the steps of every invocation)"],
        *[[k, v or "–"] for k, v in m["versions"].items()],
    ]))
    w("\nHow each system is measured:\n")
    w("- **cstd**: `cstd-indexer build` over the raw files (reading, extraction, catalogue, indexing: the whole "
      "pipeline); latency in-process with `cstd-search-bench --json` (parsing the parameters, the search, "
      "snippets, facets and the JSON of the answer), and over HTTP with `wrk` against `cstd-searchd`.\n")
    w("- **SQLite FTS5**: Debian's `sqlite3` loads the passages cstd-bench-export wrote (CSV, `.import`) into a "
      "table, an external-content FTS5 table (tokenizer `porter unicode61`) is rebuilt and optimized, and join "
      "tables hold the multi-valued countries and speakers; latency in one Python process (Debian's python3, "
      "sqlite3 module, same libsqlite3) with a warm connection: `snippet()` top 10 by `rank`, `count(*)`, and "
      "for facets the match materialised once into a temporary table and one GROUP BY per field.\n")
    w("- **PostgreSQL**: a private cluster started by the script (settings in results.json); `COPY` of the same "
      "passages, a stored `to_tsvector('english', text)` column with a GIN index, `VACUUM ANALYZE`; latency "
      "in one Python process (psycopg2 over the Unix socket): `websearch_to_tsquery`, top 10 by `ts_rank` with "
      "`ts_headline`, `count(*)`, facets in one statement (the match as a MATERIALIZED CTE, GROUP BY per field, "
      "`unnest` for arrays). Peak memory is the loading backend's VmHWM, shared buffers it touched included.\n")
    w("- **omega**: `omindex` over the raw files (one document per speech, its own text extraction); latency "
      "in one Python process through Xapian's bindings doing what `quest` does (default operator AND, BM25, "
      "exact count), hit counts also from `quest` itself. It has no passages and no country, year, session "
      "or speaker fields, so it runs only the term, AND and phrase queries, and counts documents.\n")
    w("- Every query asks for the top 10 with snippets and the exact number of matching passages; `faceted` "
      "adds exact counts by country, year, session and speaker (50 largest values each, a field's own filter "
      "left out when counting it). MB/s is the raw corpus bytes divided by the build's wall time for every "
      "system, although the peers start from passages already extracted by cstd "
      f"(that extraction alone took {_f(base.get('extraction_seconds'))} s, in cstd-bench-export).\n")

    goals = results.get("goals", {})
    if goals:
        w("\n## Goals\n")
        rows = []
        for key, g in goals.items():
            if key.startswith("faceted_vs_"):
                peer = key[len("faceted_vs_"):]
                rows.append([f"faceted p50 ≥ {g['goal']:.0f}× faster than {LABELS[peer]}", f"{g['speedup_p50']:.2f}×",
                             "met" if g["met"] else "**not met**"])
            else:
                rows.append([f"indexing MB/s ≥ {g['goal']:.0f}× omindex", f"{g['speedup_mb_s']:.2f}×",
                             "met" if g["met"] else "**not met**"])
        w(_table(["goal", "measured", ""], rows))

    targets = results.get("targets", [])
    if targets:
        w("\n## Targets (issue 17)\n")
        rows = []
        for t in targets:
            bound = ("≤ " if t["sense"] == "max" else "≥ ") + _f(t["target"])
            verdict = "not measured" if t["met"] is None else ("met" if t["met"] else "**not met**")
            rows.append([t["what"], bound, _f(t["measured"]), verdict])
        w(_table(["target", "bound", "measured", ""], rows))
        w("\nWhat bounds each target not met, with profiles and what was tried: `docs/bench/bounds.md`.\n")

    w("\n## Build\n")
    rows = []
    us = s.get("cstd", {})
    for x in present:
        v = s[x]
        ratio = _ratio(us.get("index_seconds"), v.get("index_seconds")) if x != "cstd" else None
        rows.append([LABELS[x], v.get("index_seconds"), v.get("index_mb_s"), v.get("index_peak_rss_mb"),
                     mb(v.get("index_bytes")), _speed(ratio) if x != "cstd" else ""])
    w(_table(["system", "build s", "MB/s", "peak RSS MB", "size on disk MB", "cstd/peer build time"], rows))

    for metric, title in (("p50_ms", "p50"), ("p99_ms", "p99"), ("max_ms", "max")):
        w(f"\n## In-process latency, {title} (ms)\n")
        header = ["class"] + [LABELS[x] for x in present] + [f"cstd/{LABELS[x]}" for x in peers_present]
        rows = []
        for c in CLASSES:
            vals = {x: (s[x].get("query", {}).get(c) or {}).get(metric) for x in present}
            if all(v is None for v in vals.values()):
                continue
            rows.append([c] + [vals[x] for x in present] +
                        [_speed(_ratio(vals.get("cstd"), vals[x])) for x in peers_present])
        w(_table(header, rows))

    for scale, hit_rows in results["hit_counts"].items():
        w(f"\n## Hit counts ({'the corpus' if scale == 'base' else 'growth ' + scale})\n")
        w("Matching passages for cstd, SQLite and PostgreSQL; matching documents (speeches) for omega, beside "
          "the documents SQLite finds for the same words. ≠ marks a passage count that differs from cstd's.\n\n")
        rows = []
        for r in hit_rows:
            def mark(x):
                if r[x] is None:
                    return "–"
                return f"{r[x]:,}" + (" ≠" if r["cstd"] is not None and r[x] != r["cstd"] else "")
            facets = ", ".join(f"{LABELS[k]} {v}" for k, v in (r.get("facet_values_differing") or {}).items())
            rows.append([r["name"], r["class"], mark("cstd"), mark("sqlite_fts5"), mark("postgresql"),
                         _f(r["omega"]), _f(r["omega_quest"]), _f(r["sqlite_fts5_documents"]), facets or "–"])
        w(_table(["query", "class", "cstd", "SQLite", "PostgreSQL", "omega docs", "quest docs", "SQLite docs",
                  "facet values differing from cstd"], rows))
        bad = [r for r in hit_rows if not r["agree"]]
        w(f"{len(bad)} of {len(hit_rows)} queries differ in passage counts.\n" if bad else
          "All passage counts agree.\n")
        diagnosis = results.get("diagnosis", {}).get(scale, {})
        if bad:
            w("\nEvery system is given the same passages; what differs is how text becomes terms and how a "
              "query is read:\n\n"
              "- cstd (Xapian) and PostgreSQL stem with Snowball's English stemmer (Porter 2), SQLite FTS5's "
              "`porter` tokenizer with the original Porter algorithm, which leaves some words on another stem "
              "(Porter 2 takes *peacefully* to *peac*, like *peace*; Porter does not).\n"
              "- A quoted phrase in cstd (and omega) matches the words as written: Xapian does not stem phrase "
              "terms. SQLite and PostgreSQL stem them, so `\"human rights\"` also finds *human right* there.\n"
              "- PostgreSQL's parser reads some tokens whole: *environmental/climate-related* is a file path "
              "to it, and none of its words is indexed; a hyphenated word is indexed whole and in parts, which "
              "moves its parts' positions, so *human rights-based* is no match for `\"human rights\"`; it also "
              "drops stop words.\n"
              "- omega counts speeches, not passages: an AND query matches a speech whose words are in "
              "different paragraphs, which no passage-level system counts.\n")
        if diagnosis:
            lines = ["The passages behind each difference (from the `diagnose` step: the full match sets, filters "
                     "included; up to two examples each):\n"]
            for name, d in diagnosis.items():
                replica = d.get("replica_counts", {})
                note = ""
                if "cstd" in replica and d["counts"].get("cstd") != replica["cstd"]:
                    note = (f" (the diagnosis's replica of cstd's query finds {replica['cstd']:,} passages, "
                            f"cstd {d['counts']['cstd']:,}: its examples are approximate)")
                lines.append(f"- **{name}**{note}:")
                for o in d["only"]:
                    lines.append(f"  - {o['passages']:,} matched by {LABELS[o['in']]}, not by {LABELS[o['not_in']]}, "
                                 "e.g. " + "; ".join(f"`{e['passage_id']}` “{e['excerpt']}”" if e.get("excerpt")
                                                     else f"`{e['passage_id']}`" for e in o["examples"][:2]))
            w("\n".join(lines) + "\n")

    if us.get("http"):
        h = us["http"]
        w("\n## cstd over HTTP (wrk)\n")
        w(f"Workload: {h['workload']} (`/v1/search`, top 10 with snippets and the four facets). `wrk` runs on "
          f"the same {m['cores']} cores as `cstd-searchd` ({m['cores']} worker threads), so saturation is the "
          "machine's, shared by client and server.\n\n")
        rows = [[r["connections"], r["qps"], r["p50_ms"], r["p99_ms"], r["max_ms"], r["errors"] + r["non_2xx"]]
                for r in h["runs"]]
        hr = h["half_rate"]
        rows.append([f"{hr['connections']}, paced to {hr['target_qps']:.0f}/s (half of saturation)", hr["qps"],
                     hr["p50_ms"], hr["p99_ms"], hr["max_ms"], "–"])
        w(_table(["connections", "requests/s", "p50 ms", "p99 ms", "max ms", "errors"], rows))
        if h.get("server_peak_rss_mb"):
            w(f"\ncstd-searchd peak RSS: {h['server_peak_rss_mb']} MB.\n")
    if us.get("delegates"):
        d = us["delegates"]
        w(f"\nDelegate queries: {d['queries']} searches of a topic, one to three delegations and a period, with "
          f"every facet (seed {d['seed']}, `delegate_queries` in tools/bench/runner.py), each sent once over one "
          f"connection: p50 {_f(d['p50_ms'])} ms, p99 {_f(d['p99_ms'])} ms, max {_f(d['max_ms'])} ms, "
          f"{d['failures']} failed.\n")
    if us.get("incremental"):
        inc = us["incremental"]
        w(f"\nThe build run again with nothing changed: {_f(inc['seconds'])} s "
          f"({inc.get('summary') or 'no summary'}).\n")

    scales = [k for k in results["corpus"] if k != "base"]
    for scale in scales:
        g = corpus[scale]
        w(f"\n## Growth: the corpus ×{scale[1:]}\n")
        w(f"{_f(g.get('files'))} files, {_f(mb(g.get('bytes')), 1)} MB, {_f(g.get('passages'))} passages: the "
          "same speeches again under rewritten ids. Each cell is the value at ×"
          f"{scale[1:]} and, in brackets, how many times the value at ×1 it is (×{scale[1:]} would be linear).\n\n")
        header = ["system", "build s", "MB/s", "peak RSS MB", "size MB"] + [f"{c} p50 ms" for c in CLASSES]
        rows = []
        for x in present:
            gx = s[x].get("growth", {}).get(scale)
            if not gx:
                continue

            def cell(v, b):
                return "–" if v is None else f"{_f(v)} ({_f(_ratio(v, b))}×)"
            row = [LABELS[x], cell(gx.get("index_seconds"), s[x].get("index_seconds")),
                   cell(gx.get("index_mb_s"), s[x].get("index_mb_s")),
                   cell(gx.get("index_peak_rss_mb"), s[x].get("index_peak_rss_mb")),
                   cell(mb(gx.get("index_bytes")), mb(s[x].get("index_bytes")))]
            for c in CLASSES:
                a, b = (gx.get("query", {}).get(c) or {}), (s[x].get("query", {}).get(c) or {})
                row.append(cell(a.get("p50_ms"), b.get("p50_ms")))
            rows.append(row)
        w(_table(header, rows))
        if us.get("growth", {}).get(scale, {}).get("http"):
            h = us["growth"][scale]["http"]
            w(f"\ncstd over HTTP at ×{scale[1:]}: {h['qps']:.1f} requests/s at saturation "
              f"({h['connections_at_saturation']} connections, p99 {h['p99_ms']:.1f} ms); at half that rate "
              f"p50 {h['half_rate']['p50_ms']:.1f} ms, p99 {h['half_rate']['p99_ms']:.1f} ms.\n")

    losses = []
    for peer in peers_present:
        r = results["ratios"].get(peer, {})
        if (r.get("index_seconds_us_over_peer") or 0) > 1:
            losses.append(f"cstd builds {r['index_seconds_us_over_peer']:.1f}× slower than {LABELS[peer]}.")
        for c, v in r.get("query_p50_us_over_peer", {}).items():
            if v and v > 1:
                losses.append(f"{c}: cstd's p50 is {v:.1f}× {LABELS[peer]}'s.")
        if (r.get("index_bytes_us_over_peer") or 0) > 1:
            losses.append(f"cstd's index is {r['index_bytes_us_over_peer']:.1f}× the size of {LABELS[peer]}'s.")
    w("\n## Where cstd loses\n")
    w(("\n".join("- " + x for x in losses) + "\n") if losses else "Nowhere in this run.\n")
    w("\nThe build comparison is not like for like: cstd's build reads the raw files and does the whole "
      "extraction (paragraphs, speakers, catalogue), and indexes every paragraph as a document with positions, "
      "spelling data, acronym terms and a stored record; SQLite and PostgreSQL are handed the extracted "
      "passages; omindex indexes one document per file with a 512-byte sample and no passages.\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


# --------------------------------------------------------------------------
# latency.png


def write_chart(results, folder):
    s = results["systems"]
    present = [x for x in SYSTEMS if x in s and s[x].get("query")]
    if not present:
        return
    data = os.path.join(folder, "latency.dat")
    with open(data, "w", encoding="utf-8") as f:
        f.write("# class " + " ".join(f"{x}_p50 {x}_p50 {x}_p99" for x in present) + "\n")
        for c in CLASSES:
            cells = []
            for x in present:
                q = s[x]["query"].get(c)
                cells += [f"{q['p50_ms']:.4f}", f"{q['p50_ms']:.4f}", f"{q['p99_ms']:.4f}"] if q else ["?", "?", "?"]
            f.write(f"{c} " + " ".join(cells) + "\n")
    run = results["run"]
    base = results["corpus"].get("base", {})
    plots = []
    for i, x in enumerate(present):
        col = 2 + 3 * i
        plots.append(f"'{data}' using {col}:{col + 1}:{col + 2}{':xtic(1)' if i == 0 else ''} "
                     f"title '{LABELS[x]}'")
    script = f"""\
set terminal pngcairo size 1100,620 font 'DejaVu Sans,11' noenhanced
set output '{os.path.join(folder, 'latency.png')}'
set title "In-process query latency by class ({run['mode']} run: {base.get('files', 0):,} speeches, {base.get('passages', 0):,} passages)\\nbars: p50, whiskers up to p99; log scale; no bar: the system cannot run that class"
set ylabel 'ms'
set logscale y
set grid ytics
set datafile missing '?'
set style data histogram
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border -1
set key top left
set xtics nomirror
set yrange [0.1:*]
plot {', '.join(plots)}
"""
    with open(os.path.join(folder, "latency.gp"), "w", encoding="utf-8") as f:
        f.write(script)
    proc = subprocess.run(["gnuplot", os.path.join(folder, "latency.gp")], capture_output=True, text=True)
    if proc.returncode != 0:
        log("gnuplot failed:", proc.stderr.strip())


def write_all(results, queries, folder):
    with open(os.path.join(folder, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
    write_report(results, queries, os.path.join(folder, "report.md"))
    write_chart(results, folder)
