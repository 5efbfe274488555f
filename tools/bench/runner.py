#!/usr/bin/python3
"""The side-by-side benchmark of tools/bench/run: cstd against SQLite FTS5,
PostgreSQL full-text search and Xapian's omega (omindex/quest), in one run on
one machine. See tools/bench/run for the command line; `--help` lists every
option.

Steps, per scale (`base` = the corpus, `xN` = it replicated N times):
  corpus              unpack ../shared's UNGDC (or a few sessions) into OUT/work
  export              cstd-bench-export: the passages our extraction produces
  load_files          those passages as SQLite CSV and PostgreSQL COPY files
  cstd.build          cstd-indexer build, under /usr/bin/time -v
  cstd.incremental    cstd-indexer build again, nothing changed
  sqlite_fts5.build   sqlite3 CLI: .import, FTS5 (porter) 'rebuild', optimize
  postgresql.build    a private cluster: COPY, tsvector, GIN, VACUUM ANALYZE
  omega.build         omindex over the raw files
  query               in-process latency of every system, in interleaved
                      rounds: cstd-search-bench --json; SQLite through
                      Python's sqlite3 module; PostgreSQL through psycopg2;
                      omega's term/AND/phrase queries through Xapian's
                      bindings (hit counts also from quest itself)
  cstd.http           cstd-searchd + wrk at several connection counts and at
                      half the saturation rate; then 113 delegate-style
                      queries (a topic, delegations, a period), each once
  diagnose            (base only) for each query whose hit counts differ,
                      which passages one system matches and another does not
then the report: OUT/results.json, OUT/report.md and OUT/latency.png.

Each step's result is kept in OUT/state/SCALE/STEP.json; a later run with the
same OUT reuses it (and the index it built) instead of doing it again, so a
crash late in the full run costs only the step it hit. --redo STEP forces a
step again, --only STEP limits a run to some steps.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402
import report  # noqa: E402
from peers import log  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BIN = os.path.join(ROOT, "build", "bin")
SYSTEMS = ("cstd", "sqlite_fts5", "postgresql", "omega")
OMEGA_CLASSES = ("term_rare", "term_frequent", "and", "phrase")
QUICK_SESSIONS = ("76", "77", "78")


def cstd_build_command(index_dir, sources, metadata):
    """How cstd builds an index. The one place to change when the indexer's
    command line changes (e.g. a parallel --rebuild)."""
    return [os.path.join(BIN, "cstd-indexer"), "build", "--index", index_dir, "--metadata", metadata, *sources]


def cstd_searchd_command(index_dir, port, bin_dir=BIN):
    return [os.path.join(bin_dir, "cstd-searchd"), "--index", index_dir, "--listen", f"127.0.0.1:{port}", "--no-log",
            "--facet-budget-ms", "600000"]


# --------------------------------------------------------------------------
# Small helpers


def tree_bytes(path, suffix=None):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            if suffix is None or name.endswith(suffix):
                total += os.lstat(os.path.join(folder, name)).st_size
    return total


def count_files(path, suffix):
    return sum(1 for _, _, files in os.walk(path) for n in files if n.endswith(suffix))


def timed(argv, time_file, stdin=None, stdout=None, stderr=None, cwd=None):
    """Runs argv under /usr/bin/time -v; returns (wall seconds, peak RSS kB)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", "-o", time_file] + argv, stdin=stdin, stdout=stdout, stderr=stderr,
                          cwd=cwd)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv[:3])}... failed with status {proc.returncode}"
                         + (f" (see {stderr.name})" if hasattr(stderr, "name") else ""))
    peak = None
    with open(time_file, encoding="utf-8") as f:
        for line in f:
            if "Maximum resident set size" in line:
                peak = int(line.rsplit(":", 1)[1])
    return seconds, peak


def version_of(argv, pattern=None):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        text = (out.stdout or out.stderr).strip().splitlines()
        line = text[0] if text else ""
        if pattern:
            m = re.search(pattern, out.stdout + out.stderr)
            return m.group(0) if m else line
        return line
    except (OSError, subprocess.SubprocessError):
        return None


def machine_facts():
    cpu = None
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = None
    with open("/proc/meminfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    try:
        import xapian
        xapian_version = xapian.version_string()
    except ImportError:
        xapian_version = None
    commit = version_of(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                           text=True).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(mem_kb / 1048576, 1) if mem_kb else None,
        "kernel": platform.release(),
        "os": version_of(["sh", "-c", ". /etc/os-release && echo \"$PRETTY_NAME\""]),
        "load_average_at_start": os.getloadavg()[0],
        "versions": {
            "cstd": (version_of([os.path.join(BIN, "cstd-indexer"), "--version"]) or "") + f" (git {commit}"
                    + (", uncommitted changes" if dirty else "") + ")",
            "xapian": xapian_version,
            "sqlite": version_of(["sqlite3", "--version"], r"^\S+"),
            "postgresql": peers.PgCluster("/nonexistent", 0).version() if os.path.isdir("/usr/lib/postgresql") else None,
            "omindex": version_of(["omindex", "--version"]),
            "wrk": version_of(["wrk", "--version"], r"wrk \S+"),
            "python": platform.python_version(),
            "gnuplot": version_of(["gnuplot", "--version"]),
        },
    }


# --------------------------------------------------------------------------
# The run


class Bench:
    def __init__(self, args):
        self.args = args
        self.out = os.path.abspath(args.out)
        self.work = os.path.join(self.out, "work")
        self.queries = peers.load_queries(args.queries)
        self.shared = os.path.abspath(args.corpus)
        self.tarball = os.path.join(self.shared, "ungdc-1946-2023.tar.zst")
        self.speakers = os.path.join(self.shared, "speakers.csv")
        self.scales = ["base"] + ([f"x{args.growth}"] if args.growth > 1 else [])
        self.clusters = {}
        self.done = set()  # (scale, step) run by this invocation
        for path in (self.tarball, self.speakers):
            if not os.path.isfile(path):
                raise SystemExit(f"bench: {path}: not found (give the UNGDC folder with --corpus)")
        for prog in ("cstd-indexer", "cstd-searchd", "cstd-search-bench", "cstd-bench-export"):
            if not os.access(os.path.join(BIN, prog), os.X_OK):
                raise SystemExit(f"bench: {BIN}/{prog} is missing; tools/bench/run builds it")

    # ---- state

    def state_path(self, scale, step):
        return os.path.join(self.out, "state", scale, step + ".json")

    def load_state(self, scale, step):
        path = self.state_path(scale, step)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return json.load(f)
        return None

    def save_state(self, scale, step, value):
        path = self.state_path(scale, step)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(value, f, indent=1)
        os.replace(path + ".tmp", path)

    @staticmethod
    def _matches(step, names):
        return any(step == n or step.startswith(n + ".") for n in names)

    def step(self, scale, name, fn):
        """Returns the step's result: from OUT/state when done before (unless
        --redo names it), else by running fn (unless --only leaves it out;
        then None)."""
        if (scale, name) in self.done or not self._matches(name, self.args.redo):
            done = self.load_state(scale, name)
            if done is not None:
                return done
        if self.args.only and not self._matches(name, self.args.only) and name not in ("corpus", "export",
                                                                                       "load_files"):
            return None
        log(f"[{scale}] {name} ...")
        start = time.perf_counter()
        value = fn(scale)
        value["step_seconds"] = round(time.perf_counter() - start, 1)
        log(f"[{scale}] {name} done in {value['step_seconds']} s")
        self.save_state(scale, name, value)
        self.done.add((scale, name))
        return value

    def skipped(self, scale):
        """The systems left out at `scale` (--skip, and --skip-growth beyond
        the base scale)."""
        return self.args.skip + (self.args.skip_growth if scale != "base" else [])

    def folder(self, scale, *parts):
        path = os.path.join(self.work, scale, *parts)
        os.makedirs(os.path.dirname(path) if parts else path, exist_ok=True)
        return path

    def factor(self, scale):
        return 1 if scale == "base" else int(scale[1:])

    # ---- corpus and passages

    def do_corpus(self, scale):
        if scale == "base":
            target = os.path.join(self.work, "corpus")
            if os.path.exists(target):
                shutil.rmtree(target)
            os.makedirs(target)
            argv = ["tar", "-I", "zstd", "-xf", self.tarball, "-C", target]
            if self.args.sessions:
                argv += ["--wildcards"] + [f"TXT/Session {s} - *" for s in self.args.sessions]
            subprocess.run(argv, check=True)
            root = os.path.join(target, "TXT")
        else:
            base = self.step("base", "corpus", self.do_corpus)
            root = os.path.join(self.work, f"corpus-{scale}")
            if os.path.exists(root):
                shutil.rmtree(root)
            # N copies as hard links: the indexers see N times the files (the
            # path differs, so every copy is a document of its own).
            for k in range(1, self.factor(scale) + 1):
                shutil.copytree(base["root"], os.path.join(root, f"r{k}"), copy_function=os.link)
        return {"root": root, "files": count_files(root, ".txt"), "bytes": tree_bytes(root, ".txt"),
                "sessions": self.args.sessions or "all"}

    def do_export(self, scale):
        base = self.step("base", "corpus", self.do_corpus)
        out = self.folder(scale, "passages.jsonl")
        argv = [os.path.join(BIN, "cstd-bench-export"), "--metadata", self.speakers, "--replicate",
                str(self.factor(scale)), "--out", out, base["root"]]
        with open(self.folder(scale, "export.log"), "w") as err:
            seconds, peak = timed(argv, self.folder(scale, "export.time"), stderr=err)
        passages, text_bytes, docs = 0, 0, set()
        for _, p in peers.read_passages(out):
            passages += 1
            text_bytes += len(p["text"].encode("utf-8"))
            docs.add(p["doc_id"])
        return {"jsonl": out, "passages": passages, "documents": len(docs), "text_bytes": text_bytes,
                "seconds": seconds, "peak_rss_kb": peak}

    def do_load_files(self, scale):
        export = self.step(scale, "export", self.do_export)
        folder = self.folder(scale, "load")
        peers.prepare_load_files(export["jsonl"], folder)
        return {"folder": folder}

    # ---- cstd

    def cstd_index(self, scale):
        return self.folder(scale, "cstd-index")

    def timed_cstd_build(self, scale, name, summary_starts):
        """cstd-indexer build of the scale's corpus into its index, under
        /usr/bin/time, its log in OUT/work/SCALE/NAME.log: (seconds, peak
        RSS kB, the log's last line starting with `summary_starts`, a prefix
        or a tuple of them, or None)."""
        corpus = self.step(scale, "corpus", self.do_corpus)
        with open(self.folder(scale, f"{name}.log"), "w") as err:
            seconds, peak = timed(cstd_build_command(self.cstd_index(scale), [corpus["root"]], self.speakers),
                                  self.folder(scale, f"{name}.time"), stderr=err, cwd=ROOT)
        with open(self.folder(scale, f"{name}.log"), encoding="utf-8", errors="replace") as f:
            summary = [l.strip() for l in f if l.startswith(summary_starts)]
        return seconds, peak, summary[-1] if summary else None

    def do_cstd_build(self, scale):
        index = self.cstd_index(scale)
        if os.path.exists(index):
            shutil.rmtree(index)
        seconds, peak, summary = self.timed_cstd_build(scale, "cstd-build", "indexed ")
        m = re.search(r"\((\d+) passages", summary) if summary else None
        export = self.load_state(scale, "export")
        if m and export and int(m.group(1)) != export["passages"]:
            log(f"[{scale}] warning: cstd indexed {m.group(1)} passages, cstd-bench-export wrote {export['passages']}")
        return {"seconds": seconds, "peak_rss_kb": peak, "index_bytes": tree_bytes(index),
                "summary": summary, "passages": int(m.group(1)) if m else None}

    def do_cstd_incremental(self, scale):
        """The build run again with nothing changed: what an operator's
        scheduled run costs on a day without new documents."""
        self.step(scale, "cstd.build", self.do_cstd_build)
        seconds, peak, summary = self.timed_cstd_build(scale, "cstd-incremental", ("updated generation ", "new generation "))
        return {"seconds": seconds, "peak_rss_kb": peak, "summary": summary}

    def cstd_round(self, scale, runs):
        """One round of cstd-search-bench over the query set: [{name, hits, times_ms, facets}]."""
        qfile = self.folder(scale, "cstd-queries.tsv")
        with open(qfile, "w", encoding="utf-8") as f:
            f.write("# derived from %s\n" % os.path.relpath(self.args.queries, ROOT))
            for q in self.queries:
                f.write(f"{q.cls}\t{q.cstd_params()}\n")
        out = subprocess.run([os.path.join(BIN, "cstd-search-bench"), "--index", self.cstd_index(scale), "--queries",
                              qfile, "--runs", str(runs), "--warmup", str(self.args.warmup),
                              "--facet-budget-ms", "600000", "--json"], capture_output=True, text=True, cwd=ROOT)
        if out.returncode != 0:
            raise SystemExit("bench: cstd-search-bench failed: " + out.stderr.strip())
        report = json.loads(out.stdout)
        results = []
        for q, r in zip(self.queries, report["queries"]):
            results.append({"class": q.cls, "name": q.name, "hits": r["hits"], "times_ms": r["times_ms"],
                            "facets": {f: r["facets"].get(f, {}) for f in (peers.FACETS if q.faceted else ())}})
        return results

    def do_cstd_http(self, scale):
        port = peers.free_port(self.args.port, what="cstd-searchd")
        paths = [f"/v1/search?{q.cstd_params()}" for q in self.queries if q.faceted]
        lua = self.folder(scale, "wrk.lua")
        with open(self.folder(scale, "searchd.log"), "w") as log_file:
            server = subprocess.Popen(cstd_searchd_command(self.cstd_index(scale), port), stdout=log_file,
                                      stderr=subprocess.STDOUT)
        try:
            import urllib.request
            for _ in range(150):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=1).read()
                    break
                except OSError:
                    if server.poll() is not None:
                        raise SystemExit(f"bench: cstd-searchd exited; see {self.folder(scale, 'searchd.log')}")
                    time.sleep(0.2)
            else:
                raise SystemExit("bench: cstd-searchd did not answer /v1/health")

            def wrk(connections, seconds, delay_ms=0):
                with open(lua, "w", encoding="utf-8") as f:
                    f.write(WRK_LUA.replace("@PATHS@", ", ".join(json.dumps(p) for p in paths))
                            .replace("@DELAY@", str(int(delay_ms))))
                out = subprocess.run(["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s",
                                      "--timeout", "30s", "-s", lua, f"http://127.0.0.1:{port}"],
                                     capture_output=True, text=True)
                m = re.search(r"^JSON (\{.*\})$", out.stdout, re.M)
                if out.returncode != 0 or not m:
                    raise SystemExit("bench: wrk failed: " + out.stdout + out.stderr)
                r = json.loads(m.group(1))
                duration = r["duration_us"] / 1e6
                return {"connections": connections, "seconds": round(duration, 2), "requests": r["requests"],
                        "qps": r["requests"] / duration, "p50_ms": r["p50_us"] / 1000, "p99_ms": r["p99_us"] / 1000,
                        "max_ms": r["max_us"] / 1000, "errors": r["errors"], "non_2xx": r["non2xx"],
                        "delay_ms": int(delay_ms)}

            wrk(2, 1)  # warm-up
            runs = [wrk(c, self.args.wrk_seconds) for c in self.args.connections]
            best = max(runs, key=lambda r: r["qps"])
            # Half the saturation rate: C connections, each pausing so that
            # together they offer best/2 requests a second.
            c = 4
            target = best["qps"] / 2
            latency = runs[0]["p50_ms"]
            delay = max(0.0, 1000.0 * c / target - latency)
            half = wrk(c, self.args.wrk_seconds, delay)
            half["target_qps"] = target
            delegates = self.delegate_run(port, scale)
            peak = peers.peak_rss_kb(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        return {"workload": "the faceted queries of the query set, in turn", "runs": runs, "saturation": best,
                "half_rate": half, "delegates": delegates, "server_peak_rss_kb": peak, "threads": os.cpu_count()}

    def delegate_run(self, port, scale):
        """DELEGATE_QUERIES queries a delegate would ask (delegate_queries),
        each sent once, one after another, over one keep-alive connection:
        latency as a user meets it, no query repeated (so nothing is warm
        from a previous run of itself). Times are the client's, from
        sending the request to reading the whole answer."""
        import http.client
        corpus = self.step(scale, "corpus", self.do_corpus)
        countries = sorted({name.split("_")[0] for _, _, files in os.walk(corpus["root"]) for name in files
                            if name.endswith(".txt") and "_" in name})
        queries = delegate_queries(DELEGATE_QUERIES, DELEGATE_SEED, countries)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        times, failures = [], 0
        for path in queries:
            start = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            times.append((time.perf_counter() - start) * 1000)
            failures += response.status != 200
        conn.close()
        return {"queries": len(queries), "seed": DELEGATE_SEED, "failures": failures, **report.stats(times),
                "times_ms": [round(t, 3) for t in times], "paths": queries}

    # ---- SQLite

    def do_sqlite_build(self, scale):
        load = self.step(scale, "load_files", self.do_load_files)
        db = self.folder(scale, "sqlite.db")
        if os.path.exists(db):
            os.remove(db)
        script = self.folder(scale, "sqlite-build.sql")
        with open(script, "w", encoding="utf-8") as f:
            f.write(peers.sqlite_build_script(load["folder"]))
        with open(script, encoding="utf-8") as stdin, open(self.folder(scale, "sqlite-build.log"), "w") as err:
            seconds, peak = timed(["sqlite3", db], self.folder(scale, "sqlite-build.time"), stdin=stdin,
                                  stdout=err, stderr=err)
        return {"seconds": seconds, "peak_rss_kb": peak, "index_bytes": os.path.getsize(db)}

    # ---- PostgreSQL

    def cluster(self, scale):
        if scale not in self.clusters:
            c = peers.PgCluster(self.folder(scale, "postgresql"), peers.free_pg_port(self.args.pg_port))
            c.init()
            c.start()
            self.clusters[scale] = c
        return self.clusters[scale]

    def stop_clusters(self):
        for c in self.clusters.values():
            c.stop()
        self.clusters = {}

    def do_pg_build(self, scale):
        load = self.step(scale, "load_files", self.do_load_files)
        if scale in self.clusters:
            self.clusters.pop(scale).stop()
        folder = self.folder(scale, "postgresql")
        if os.path.exists(folder):
            shutil.rmtree(folder)
        conn = self.cluster(scale).connect()
        try:
            seconds, peak, size = peers.pg_load(conn, load["folder"])
        finally:
            conn.close()
        return {"seconds": seconds, "peak_rss_kb": peak, "index_bytes": size,
                "peak_rss_note": "VmHWM of the server backend that loaded and indexed (includes shared buffers it touched)",
                "settings": peers.PgCluster.SETTINGS}

    # ---- omega

    def do_omega_build(self, scale):
        corpus = self.step(scale, "corpus", self.do_corpus)
        db = self.folder(scale, "omega-db")
        if os.path.exists(db):
            shutil.rmtree(db)
        with open(self.folder(scale, "omindex.log"), "w") as err:
            seconds, peak = timed(peers.omindex_command(db, corpus["root"]), self.folder(scale, "omindex.time"),
                                  stdout=err, stderr=err)
        return {"seconds": seconds, "peak_rss_kb": peak, "index_bytes": tree_bytes(db)}

    # ---- queries: every system, in interleaved rounds

    def do_query(self, scale):
        """In-process latency of every system built at this scale. The timed
        runs are split into --rounds rounds; each round runs every system in
        turn (the order rotating), so that a burst of load on the shared
        machine falls on all systems alike rather than on one."""
        has = {x: self.load_state(scale, f"{x}.build") is not None and x not in self.skipped(scale) for x in SYSTEMS}
        drivers, closers, extras = {}, [], {}
        warmup = self.args.warmup
        if has["cstd"]:
            drivers["cstd"] = lambda runs: self.cstd_round(scale, runs)
        if has["sqlite_fts5"]:
            sq = peers.SqliteDriver(self.folder(scale, "sqlite.db"))
            closers.append(sq.close)
            drivers["sqlite_fts5"] = lambda runs: peers.time_queries(self.queries, sq.run, warmup, runs)
            extras["sqlite_fts5"] = lambda: {"documents": {q.name: sq.documents(q) for q in self.queries
                                                           if q.cls in OMEGA_CLASSES}}
        if has["postgresql"]:
            conn = self.cluster(scale).connect()
            closers.append(conn.close)
            pg = peers.PgDriver(conn)
            drivers["postgresql"] = lambda runs: peers.time_queries(self.queries, pg.run, warmup, runs)
        if has["omega"]:
            db = self.folder(scale, "omega-db")
            om = peers.OmegaDriver(db)
            drivers["omega"] = lambda runs: peers.time_queries(self.queries, om.run, warmup, runs,
                                                               skip=lambda q: q.cls not in OMEGA_CLASSES)
            extras["omega"] = lambda: {"documents": om.db.get_doccount(), "quest_hits": {
                q.name: peers.quest_count(db, q, om.db.get_doccount()) for q in self.queries if q.cls in OMEGA_CLASSES}}
        rounds = max(1, min(self.args.rounds, self.args.runs))
        per_round = [self.args.runs // rounds + (1 if r < self.args.runs % rounds else 0) for r in range(rounds)]
        merged = {x: {} for x in drivers}
        try:
            for r, runs in enumerate(per_round):
                order = list(drivers)[r % len(drivers):] + list(drivers)[:r % len(drivers)] if drivers else []
                for x in order:
                    log(f"[{scale}] query round {r + 1}/{rounds}: {x}")
                    for q in drivers[x](runs):
                        m = merged[x].setdefault(q["name"], dict(q, times_ms=[]))
                        m["times_ms"] += q["times_ms"]
                        m["hits"], m["facets"] = q["hits"], q["facets"]
            out = {x: {"queries": list(merged[x].values())} for x in drivers}
            for x, extra in extras.items():
                out[x].update(extra())
        finally:
            for close in closers:
                close()
        return {"rounds": rounds, "systems": out}

    def do_diagnose(self, scale):
        """For every query whose passage count differs between cstd, SQLite
        and PostgreSQL: which passages one matches and another does not,
        with an excerpt of each (untimed)."""
        rows = self.load_state(scale, "query") or {}
        counts = {x: {q["name"]: q["hits"] for q in v["queries"]} for x, v in rows.get("systems", {}).items()}
        systems = [x for x in ("cstd", "sqlite_fts5", "postgresql") if x in counts]
        if len(systems) < 2:
            return {"queries": {}}
        sets = {}
        if "cstd" in systems:
            sets["cstd"] = peers.CstdMatcher(self.cstd_index(scale)).ids
        if "sqlite_fts5" in systems:
            sq = peers.SqliteDriver(self.folder(scale, "sqlite.db"))
            sets["sqlite_fts5"] = sq.ids
        conn = None
        if "postgresql" in systems:
            conn = self.cluster(scale).connect()
            sets["postgresql"] = peers.PgDriver(conn).ids
        texts = peers.SqliteDriver(self.folder(scale, "sqlite.db")) if "sqlite_fts5" in systems else None
        try:
            return {"queries": self._diagnose(systems, counts, sets, texts)}
        finally:
            if conn:
                conn.close()

    def _diagnose(self, systems, counts, sets, texts):
        out = {}
        for q in self.queries:
            if len({counts[x].get(q.name) for x in systems}) <= 1:
                continue
            ids = {x: sets[x](q) for x in systems}
            entry = {"counts": {x: counts[x].get(q.name) for x in systems},
                     "replica_counts": {x: len(v) for x, v in ids.items()}, "only": []}
            for a in systems:
                for b in systems:
                    if a >= b:
                        continue
                    for x, y in ((a, b), (b, a)):
                        diff = sorted(ids[x] - ids[y])
                        if diff:
                            entry["only"].append({"in": x, "not_in": y, "passages": len(diff), "examples": [
                                {"passage_id": pid, "excerpt": texts.excerpt(pid, q) if texts else None}
                                for pid in diff[:3]]})
            out[q.name] = entry
        return out

    # ---- all of it

    def run(self):
        steps = [("corpus", self.do_corpus), ("export", self.do_export), ("cstd.build", self.do_cstd_build),
                 ("cstd.incremental", self.do_cstd_incremental),
                 ("sqlite_fts5.build", self.do_sqlite_build), ("postgresql.build", self.do_pg_build),
                 ("omega.build", self.do_omega_build), ("query", self.do_query), ("cstd.http", self.do_cstd_http),
                 ("diagnose", self.do_diagnose)]
        state = {}
        try:
            for scale in self.scales:
                for name, fn in steps:
                    if name.split(".")[0] in self.skipped(scale) or (name == "diagnose" and scale != "base"):
                        continue
                    state[(scale, name)] = self.step(scale, name, fn)
                state[(scale, "load_files")] = self.load_state(scale, "load_files")
                # The report reads each system's queries as SYSTEM.query.
                for x, v in ((state.get((scale, "query")) or {}).get("systems") or {}).items():
                    state[(scale, f"{x}.query")] = v
                self.stop_clusters()
        finally:
            self.stop_clusters()
        return state


# The delegate-style HTTP workload: as many queries as the run that set
# issue 17's targets used, drawn with a fixed seed so runs compare.
DELEGATE_QUERIES = 113
DELEGATE_SEED = 17

# What delegates look up in the General Debate: subjects as they type them
# (words, and a few quoted phrases).
DELEGATE_TOPICS = (
    "climate change", "data governance", "digital divide", "artificial intelligence", "nuclear disarmament",
    "terrorism", "human rights", "sustainable development", "poverty eradication", "refugees", "food security",
    "gender equality", "Security Council reform", "peacekeeping", "debt relief", "small island developing States",
    "cybersecurity", "internet governance", "migration", "pandemic", "health", "education", "oceans", "trade",
    "decolonization", "financing for development", "technology transfer", "water", "renewable energy",
    "biodiversity", "drug trafficking", "arms trade", "sanctions", "multilateralism", "youth", "women",
    "vaccines", '"sea level rise"', '"weapons of mass destruction"', '"official development assistance"',
    '"Millennium Development Goals"', '"landlocked developing countries"')


def delegate_queries(n, seed, countries):
    """n /v1/search paths, seeded: a topic, one to three delegations, and
    a period (since a year, a decade, or one year), with every facet --
    "what did Brazil say about data governance since 2020?"."""
    import random
    import urllib.parse
    rng = random.Random(seed)
    paths = []
    for _ in range(n):
        params = [("q", rng.choice(DELEGATE_TOPICS)),
                  ("country", ",".join(rng.sample(countries, rng.choice((1, 1, 1, 2, 3)))))]
        shape = rng.random()
        if shape < 0.5:
            params.append(("year", f"{rng.randint(1970, 2021)}..2023"))
        elif shape < 0.8:
            decade = rng.randrange(1950, 2020, 10)
            params.append(("year", f"{decade}..{decade + 9}"))
        else:
            params.append(("year", str(rng.randint(1960, 2023))))
        params.append(("per_page", "10"))
        paths.append("/v1/search?" + urllib.parse.urlencode(params))
    return paths


WRK_LUA = """\
local paths = { @PATHS@ }
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
delay = function()
  return @DELAY@
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('JSON {"requests":%d,"duration_us":%d,"errors":%d,"non2xx":%d,' ..
    '"p50_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%f}\\n', summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50), latency:percentile(99),
    latency.max, latency.mean))
end
"""


def main():
    p = argparse.ArgumentParser(prog="tools/bench/run", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help=f"sessions {', '.join(QUICK_SESSIONS)} only, growth x2, few runs (under 5 minutes)")
    p.add_argument("--sessions", help="UNGDC sessions to use, e.g. 01,18,49 (default: all; quick: "
                   f"{','.join(QUICK_SESSIONS)})")
    p.add_argument("--out", help="output folder (default: var/bench, or var/bench-quick with --quick)")
    p.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "ungdc"),
                   help="folder with ungdc-1946-2023.tar.zst and speakers.csv (default: ../shared/corpus/ungdc)")
    p.add_argument("--queries", default=os.path.join(ROOT, "tools", "bench", "queries", "peers.tsv"),
                   help="query set (default: tools/bench/queries/peers.tsv)")
    p.add_argument("--growth", type=int, help="also measure the corpus replicated N times (default 5; quick 2; "
                   "1 = no growth run)")
    p.add_argument("--runs", type=int, help="timed runs of each query (default 30; quick 10)")
    p.add_argument("--warmup", type=int, help="untimed runs of each query first, every round (default 3; quick 2)")
    p.add_argument("--rounds", type=int, help="rounds the timed runs are split into, all systems in turn in "
                   "each (default 5; quick 2)")
    p.add_argument("--wrk-seconds", type=int, help="length of each wrk run (default 15; quick 3)")
    p.add_argument("--connections", default="2,8,32", help="wrk connection counts (default 2,8,32)")
    p.add_argument("--only", default="", help="run only these steps (comma list of step or system names, e.g. "
                   "cstd,postgresql.query); the others are taken from OUT/state when there")
    p.add_argument("--redo", default="", help="run these steps again even if OUT/state has them")
    p.add_argument("--skip", default="", help="systems to leave out entirely (e.g. postgresql)")
    p.add_argument("--skip-growth", default="", help="systems to leave out of the growth scales only (e.g. omega: "
                   "omindex over the x5 corpus takes about 20 minutes)")
    p.add_argument("--port", type=int, default=18190, help="first port to try for cstd-searchd")
    p.add_argument("--pg-port", type=int, default=55433, help="first port to try for PostgreSQL")
    p.add_argument("--publish", metavar="DIR", help="also copy report.md, results.json and latency.png into DIR "
                   "(e.g. docs/bench)")
    args = p.parse_args()
    args.out = args.out or os.path.join(ROOT, "var", "bench-quick" if args.quick else "bench")
    args.growth = args.growth if args.growth is not None else (2 if args.quick else 5)
    args.sessions = [f"{int(x):02d}" for x in args.sessions.split(",") if x] if args.sessions else \
        (list(QUICK_SESSIONS) if args.quick else [])
    args.runs = args.runs or (10 if args.quick else 30)
    args.warmup = args.warmup if args.warmup is not None else (2 if args.quick else 3)
    args.rounds = args.rounds or (2 if args.quick else 5)
    args.wrk_seconds = args.wrk_seconds or (3 if args.quick else 15)
    args.connections = [int(c) for c in args.connections.split(",") if c]
    args.only = [s for s in args.only.split(",") if s]
    args.redo = [s for s in args.redo.split(",") if s]
    args.skip = [s for s in args.skip.split(",") if s]
    args.skip_growth = [s for s in args.skip_growth.split(",") if s]
    for option, values in (("--skip", args.skip), ("--skip-growth", args.skip_growth)):
        for s in values:
            if s not in SYSTEMS:
                p.error(f"{option} {s}: not one of {', '.join(SYSTEMS)}")
    args.queries = os.path.abspath(args.queries)

    started = time.time()
    os.makedirs(args.out, exist_ok=True)
    mode_file = os.path.join(args.out, "state", "mode.json")
    mode = {"quick": args.quick, "growth": args.growth, "sessions": args.sessions}
    if os.path.exists(mode_file):
        with open(mode_file, encoding="utf-8") as f:
            if json.load(f) != mode:
                raise SystemExit(f"bench: {args.out} holds a run with other settings ({mode_file}); "
                                 "use another --out or delete it")
    os.makedirs(os.path.dirname(mode_file), exist_ok=True)
    with open(mode_file, "w", encoding="utf-8") as f:
        json.dump(mode, f)

    machine = machine_facts()
    bench = Bench(args)
    state = bench.run()
    with open(args.queries, "rb") as f:
        query_sha = hashlib.sha256(f.read()).hexdigest()[:12]
    run = {"mode": "quick" if args.quick else ("partial" if args.sessions else "full"), "date": datetime.datetime.now().isoformat(timespec="seconds"),
           "runs": args.runs, "warmup": args.warmup, "rounds": args.rounds, "wrk_seconds": args.wrk_seconds,
           "query_set": os.path.relpath(args.queries, ROOT), "query_set_sha256": query_sha,
           "scales": bench.scales, "elapsed_s": round(time.time() - started, 1),
           "steps_s": round(sum(v.get("step_seconds", 0) for k, v in state.items()
                                if v and not k[1].endswith(".query")), 1)}
    results = report.build_results(state, bench.queries, bench.scales, machine, run)
    report.write_all(results, bench.queries, args.out)
    for d in report.disagreements(results):
        log("hit counts differ:", d)
    if args.publish:
        os.makedirs(args.publish, exist_ok=True)
        for name in ("report.md", "results.json", "latency.png"):
            shutil.copy(os.path.join(args.out, name), os.path.join(args.publish, name))
    log(f"done in {time.time() - started:.0f} s: {args.out}/report.md, results.json, latency.png")


if __name__ == "__main__":
    main()
