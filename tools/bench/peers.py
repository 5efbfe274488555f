"""The peers of the side-by-side benchmark (tools/bench/run): the query set,
its translation into each system's syntax, and for SQLite FTS5, PostgreSQL
full-text search and Xapian's omega the loading of the exported passages and
an in-process query driver.

Every driver answers the same question for a query: the top 10 passages by
relevance with a snippet each, the exact number of matching passages and,
for class `faceted`, exact counts by country, year, session and speaker over
the same matches (a field's own filter left out when counting that field,
as cstd-searchd does), each facet its 50 largest values (kFacetListLimit).

Latency is measured inside one Python process with a warm connection
(time.perf_counter around everything a query needs: every statement and the
fetching of every row). Debian's python3 drives SQLite through its sqlite3
module (the same libsqlite3 as Debian's sqlite3 CLI) and PostgreSQL through
psycopg2 (libpq over the cluster's Unix socket); omega's index is queried
through Xapian's Python bindings, as quest does it.
"""

import csv
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field

FACETS = ("country", "year", "session", "speaker")
FACET_LIMIT = 50  # query/facets.h kFacetListLimit
TOP = 10
CLASSES = ("term_rare", "term_frequent", "and", "phrase", "filtered", "faceted")


def log(*args):
    print("bench:", *args, file=sys.stderr, flush=True)


def peak_rss_kb(pid):
    """The process's peak resident memory (VmHWM) in KiB, or None once it
    has exited: read while it still runs, since the kernel keeps no record
    after."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


# --------------------------------------------------------------------------
# The query set


def parse_ranges(text):
    """'2010..2023' or '1999,2001..2003' -> [(2010, 2023)], [(1999, 1999), (2001, 2003)]."""
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        low, _, high = part.partition("..")
        out.append((int(low), int(high or low)))
    return out


@dataclass
class Query:
    cls: str
    name: str
    q: str
    countries: list = field(default_factory=list)
    years: list = field(default_factory=list)
    sessions: list = field(default_factory=list)

    @property
    def faceted(self):
        return self.cls == "faceted"

    @property
    def filtered(self):
        return bool(self.countries or self.years or self.sessions)

    def parts(self):
        """[(is_phrase, text)] of q: words and quoted phrases."""
        return [(bool(p), p or w) for p, w in re.findall(r'"([^"]*)"|(\S+)', self.q)]

    # cstd: /v1/search parameters, as cstd-searchd and cstd-search-bench take them.
    def cstd_params(self):
        params = [("q", self.q)]
        if self.countries:
            params.append(("country", ",".join(self.countries)))
        for key, ranges in (("year", self.years), ("session", self.sessions)):
            if ranges:
                params.append((key, ",".join(f"{a}..{b}" if a != b else str(a) for a, b in ranges)))
        params.append(("per_page", str(TOP)))
        params.append(("facets", ",".join(FACETS) if self.faceted else ""))
        return urllib.parse.urlencode(params, quote_via=urllib.parse.quote)

    # SQLite FTS5: every word and phrase a quoted string; juxtaposition is AND.
    def fts5_match(self):
        return " ".join('"' + text.replace('"', '""') + '"' for _, text in self.parts())

    # omega/quest: the Xapian query string itself, default operator AND.
    def xapian_query(self):
        return self.q


def load_queries(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith("class\t"):
                continue
            cols = line.split("\t") + [""] * 6
            cls, name, q, country, year, session = cols[:6]
            if cls not in CLASSES:
                raise SystemExit(f"{path}: unknown class '{cls}' in: {line}")
            queries.append(Query(cls, name, q, [c for c in country.split(",") if c], parse_ranges(year),
                                 parse_ranges(session)))
    names = [q.name for q in queries]
    if len(set(names)) != len(names):
        raise SystemExit(f"{path}: query names are not unique")
    return queries


def time_queries(queries, run_one, warmup, runs, skip=lambda q: False):
    """Runs every query `warmup` times untimed, then `runs` times timed.
    Returns [{class, name, hits, times_ms, facets}] (facets: {field: {value: count}})."""
    out = []
    for query in queries:
        if skip(query):
            continue
        result = None
        for _ in range(max(1, warmup)):
            result = run_one(query)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            run_one(query)
            times.append((time.perf_counter() - start) * 1000)
        total, _hits, facets = result
        out.append({"class": query.cls, "name": query.name, "hits": total, "times_ms": times,
                    "facets": {f: {str(k): v for k, v in rows} for f, rows in facets.items()}})
    return out


# --------------------------------------------------------------------------
# Passages: the export of cstd-bench-export, turned into each peer's load files


def read_passages(jsonl):
    with open(jsonl, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            yield i, json.loads(line)


def _copy_escape(s):
    # PostgreSQL's text cannot hold NUL; the rest is COPY's text format.
    return s.replace("\x00", "").replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _pg_array(values):
    return "{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"


def prepare_load_files(jsonl, folder):
    """Writes, from the exported passages, SQLite's CSV files and
    PostgreSQL's COPY files into `folder` (not timed: a user would have the
    data in some loadable form already)."""
    os.makedirs(folder, exist_ok=True)
    names = {}
    files = {n: open(os.path.join(folder, n), "w", encoding="utf-8", newline="")
             for n in ("passages.csv", "countries.csv", "speakers.csv", "speaker_names.csv", "passages.copy",
                       "speaker_names.copy")}
    try:
        w_passages = csv.writer(files["passages.csv"], lineterminator="\n")
        w_countries = csv.writer(files["countries.csv"], lineterminator="\n")
        w_speakers = csv.writer(files["speakers.csv"], lineterminator="\n")
        copy = files["passages.copy"]
        for i, p in read_passages(jsonl):
            session = "" if p["session"] is None else p["session"]
            year = "" if p["year"] is None else p["year"]
            w_passages.writerow([i, p["passage_id"], p["doc_id"], session, year, p["text"]])
            for c in sorted(set(p["countries"])):
                w_countries.writerow([i, c])
            for s, n in zip(p["speaker_ids"], p["speakers"]):
                names.setdefault(s, n)
            for s in sorted(set(p["speaker_ids"])):
                w_speakers.writerow([i, s])
            copy.write("\t".join([str(i), _copy_escape(p["passage_id"]), _copy_escape(p["doc_id"]),
                                  "\\N" if session == "" else str(session), "\\N" if year == "" else str(year),
                                  _copy_escape(_pg_array(p["countries"])), _copy_escape(_pg_array(p["speaker_ids"])),
                                  _copy_escape(p["text"])]) + "\n")
        csv.writer(files["speaker_names.csv"], lineterminator="\n").writerows(sorted(names.items()))
        for s, n in sorted(names.items()):
            files["speaker_names.copy"].write(_copy_escape(s) + "\t" + _copy_escape(n) + "\n")
    finally:
        for f in files.values():
            f.close()


# --------------------------------------------------------------------------
# SQLite FTS5

SQLITE_BUILD = """\
.bail on
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
BEGIN;
CREATE TABLE passages(id INTEGER PRIMARY KEY, passage_id TEXT, doc_id TEXT, session INTEGER, year INTEGER, text TEXT);
CREATE TABLE passage_country(id INTEGER, country TEXT, PRIMARY KEY (id, country)) WITHOUT ROWID;
CREATE TABLE passage_speaker(id INTEGER, speaker TEXT, PRIMARY KEY (id, speaker)) WITHOUT ROWID;
CREATE TABLE speakers(speaker TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID;
.import --csv {dir}/passages.csv passages
.import --csv {dir}/countries.csv passage_country
.import --csv {dir}/speakers.csv passage_speaker
.import --csv {dir}/speaker_names.csv speakers
UPDATE passages SET session = NULL WHERE session = '';
UPDATE passages SET year = NULL WHERE year = '';
CREATE VIRTUAL TABLE fts USING fts5(text, content='passages', content_rowid='id', tokenize='porter unicode61');
INSERT INTO fts(fts) VALUES ('rebuild');
CREATE INDEX passage_country_by_country ON passage_country(country, id);
CREATE INDEX passage_speaker_by_speaker ON passage_speaker(speaker, id);
COMMIT;
INSERT INTO fts(fts) VALUES ('optimize');
ANALYZE;
"""


def sqlite_build_script(load_dir):
    return SQLITE_BUILD.format(dir=load_dir)


class SqliteDriver:
    """Top 10 with snippet() ordered by FTS5's bm25 rank; the count with
    count(*); facets by GROUP BY over the text match materialised once into
    a temporary table (joined to passage_country / passage_speaker for the
    multi-valued fields)."""

    def __init__(self, path):
        self.conn = sqlite3.connect(path)
        for pragma in ("PRAGMA mmap_size = 4294967296", "PRAGMA cache_size = -262144",
                       "PRAGMA temp_store = MEMORY"):
            self.conn.execute(pragma)

    @staticmethod
    def _filters(query, alias, except_field=None):
        sql, args = [], []
        if query.countries and except_field != "country":
            sql.append(f"{alias}.id IN (SELECT id FROM passage_country WHERE country IN "
                       f"({','.join('?' * len(query.countries))}))")
            args += query.countries
        for fld, ranges in (("year", query.years), ("session", query.sessions)):
            if ranges and except_field != fld:
                sql.append("(" + " OR ".join(f"{alias}.{fld} BETWEEN ? AND ?" for _ in ranges) + ")")
                args += [v for r in ranges for v in r]
        return sql, args

    def run(self, query):
        c = self.conn
        match = query.fts5_match()
        where, args = self._filters(query, "p")
        cond = "".join(" AND " + w for w in where)
        hits = c.execute(
            "SELECT p.passage_id, p.doc_id, snippet(fts, 0, '<mark>', '</mark>', '…', 40) "
            f"FROM fts JOIN passages p ON p.id = fts.rowid WHERE fts MATCH ?{cond} ORDER BY fts.rank LIMIT {TOP}",
            [match] + args).fetchall()
        facets = {}
        if not query.faceted:
            if where:
                total = c.execute(f"SELECT count(*) FROM fts JOIN passages p ON p.id = fts.rowid WHERE fts MATCH ?{cond}",
                                  [match] + args).fetchone()[0]
            else:
                total = c.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", [match]).fetchone()[0]
            return total, hits, facets
        c.execute("DROP TABLE IF EXISTS temp.m")
        c.execute("CREATE TEMP TABLE m AS SELECT p.id AS id, p.year AS year, p.session AS session "
                  "FROM fts JOIN passages p ON p.id = fts.rowid WHERE fts MATCH ?", [match])

        def where_sql(except_field, extra=()):
            w, a = self._filters(query, "m", except_field)
            w = list(extra) + w
            return (" WHERE " + " AND ".join(w)) if w else "", a

        w, a = where_sql(None)
        total = c.execute(f"SELECT count(*) FROM m{w}", a).fetchone()[0]
        w, a = where_sql("country")
        facets["country"] = c.execute(
            f"SELECT pc.country, count(*) AS n FROM m JOIN passage_country pc ON pc.id = m.id{w} "
            f"GROUP BY pc.country ORDER BY n DESC, pc.country LIMIT {FACET_LIMIT}", a).fetchall()
        for fld in ("year", "session"):
            w, a = where_sql(fld, [f"m.{fld} IS NOT NULL"])
            facets[fld] = c.execute(f"SELECT m.{fld}, count(*) AS n FROM m{w} GROUP BY m.{fld} "
                                    f"ORDER BY n DESC, m.{fld} LIMIT {FACET_LIMIT}", a).fetchall()
        w, a = where_sql("speaker")
        rows = c.execute(
            "SELECT t.speaker, s.name, t.n FROM (SELECT ps.speaker AS speaker, count(*) AS n FROM m "
            f"JOIN passage_speaker ps ON ps.id = m.id{w} GROUP BY ps.speaker ORDER BY n DESC, ps.speaker "
            f"LIMIT {FACET_LIMIT}) t LEFT JOIN speakers s ON s.speaker = t.speaker ORDER BY t.n DESC, t.speaker",
            a).fetchall()
        facets["speaker"] = [(r[0], r[2]) for r in rows]
        return total, hits, facets

    def ids(self, query):
        """The passage ids matching `query`, filters included (untimed)."""
        where, args = self._filters(query, "p")
        cond = "".join(" AND " + w for w in where)
        return {r[0] for r in self.conn.execute(
            f"SELECT p.passage_id FROM fts JOIN passages p ON p.id = fts.rowid WHERE fts MATCH ?{cond}",
            [query.fts5_match()] + args)}

    def excerpt(self, passage_id, query, width=70):
        """The passage's text around the query's first phrase or word (or a
        stem-like prefix of it), else its start."""
        row = self.conn.execute("SELECT text FROM passages WHERE passage_id = ?", [passage_id]).fetchone()
        if not row:
            return None
        text = " ".join(row[0].split())
        at = 0
        parts = query.parts()
        if parts:
            words = parts[0][1].split()
            stems = [re.escape(w[:max(4, len(w) - 5)]) + r"\w*" for w in words]
            for pattern in (r"\W+".join(map(re.escape, words)), r"\W+".join(stems), re.escape(words[0]), stems[0]):
                m = re.search(pattern, text, re.I)
                if m:
                    at = m.start()
                    break
        return ("…" if at > width else "") + text[max(0, at - width):at + width] + ("…" if at + width < len(text) else "")

    def documents(self, query):
        """Distinct documents matching (untimed; compared with omega's document counts)."""
        return self.conn.execute("SELECT count(DISTINCT p.doc_id) FROM fts JOIN passages p ON p.id = fts.rowid "
                                 "WHERE fts MATCH ?", [query.fts5_match()]).fetchone()[0]

    def close(self):
        self.conn.close()


# --------------------------------------------------------------------------
# PostgreSQL


def pg_bindir():
    roots = sorted((d for d in os.listdir("/usr/lib/postgresql") if d.isdigit()), key=int) \
        if os.path.isdir("/usr/lib/postgresql") else []
    if not roots:
        raise SystemExit("bench: PostgreSQL's binaries are not in /usr/lib/postgresql/*/bin (apt-get install postgresql)")
    return f"/usr/lib/postgresql/{roots[-1]}/bin"


def free_port(preferred, taken=lambda port: False, what="the server"):
    """The first port from `preferred` on (200 tried) that loopback can bind
    and `taken(port)` does not hold for."""
    import socket
    for port in range(preferred, preferred + 200):
        if taken(port):
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise SystemExit(f"bench: no free port for {what}")


def free_pg_port(preferred):
    """A port free on loopback whose Unix socket name no server holds."""
    return free_port(preferred, lambda port: os.path.exists(f"/tmp/cstd-bench-pg-{port}/.s.PGSQL.{port}.lock"),
                     "PostgreSQL")


class PgCluster:
    """A private cluster in `folder` (data/), on `port` and a Unix socket in
    a short folder of /tmp, run by user postgres when we are root (the
    server refuses to run as root)."""

    SETTINGS = {
        "listen_addresses": "''",
        "shared_buffers": "'512MB'",
        "work_mem": "'64MB'",
        "maintenance_work_mem": "'1GB'",
        "max_wal_size": "'8GB'",
        "jit": "off",
        "effective_cache_size": "'4GB'",
    }

    def __init__(self, folder, port):
        self.folder = os.path.abspath(folder)
        self.data = os.path.join(self.folder, "data")
        self.port = port
        self.bin = pg_bindir()
        self.user = "postgres" if os.geteuid() == 0 else None
        self.socket_dir = f"/tmp/cstd-bench-pg-{port}"
        self.started = False

    def _as_user(self, argv):
        return (["runuser", "-u", self.user, "--"] + argv) if self.user else argv

    def _run(self, argv, **kw):
        return subprocess.run(self._as_user(argv), check=True, **kw)

    def _own(self, path):
        if self.user:
            shutil.chown(path, self.user, self.user)

    def init(self):
        if self.user and subprocess.run(["id", "-u", self.user], capture_output=True).returncode != 0:
            raise SystemExit("bench: user postgres does not exist (it comes with Debian's postgresql package)")
        os.makedirs(self.folder, exist_ok=True)
        self._own(self.folder)
        if self.user and subprocess.run(self._as_user(["test", "-w", self.folder])).returncode != 0:
            raise SystemExit(f"bench: user {self.user} cannot write {self.folder}; give --out a folder that every "
                             "user can traverse (e.g. under /tmp or /var/tmp)")
        if os.path.exists(os.path.join(self.data, "PG_VERSION")):
            return
        self._run([f"{self.bin}/initdb", "-D", self.data, "-U", "bench", "--auth=trust", "-E", "UTF8",
                   "--locale=C.UTF-8"], stdout=subprocess.DEVNULL)
        with open(os.path.join(self.data, "postgresql.auto.conf"), "a", encoding="utf-8") as f:
            for k, v in self.SETTINGS.items():
                f.write(f"{k} = {v}\n")

    def start(self):
        os.makedirs(self.socket_dir, exist_ok=True)
        self._own(self.socket_dir)
        if os.path.exists(os.path.join(self.data, "postmaster.pid")):
            # Our own server, left running by an interrupted run (perhaps on
            # another port): stop it, then start it as this run wants it.
            if subprocess.run(self._as_user([f"{self.bin}/pg_ctl", "-D", self.data, "status"]),
                              stdout=subprocess.DEVNULL).returncode == 0:
                self._run([f"{self.bin}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"],
                          stdout=subprocess.DEVNULL)
        self._run([f"{self.bin}/pg_ctl", "-D", self.data, "-l", os.path.join(self.folder, "server.log"), "-w",
                   "-o", f"-p {self.port} -k {self.socket_dir}", "start"], stdout=subprocess.DEVNULL)
        self.started = True

    def stop(self):
        if self.started:
            subprocess.run(self._as_user([f"{self.bin}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"]),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.started = False
            try:
                os.rmdir(self.socket_dir)
            except OSError:
                pass

    def connect(self):
        import psycopg2  # Debian's python3-psycopg2
        conn = psycopg2.connect(host=self.socket_dir, port=self.port, user="bench", dbname="postgres")
        conn.autocommit = True
        return conn

    def version(self):
        out = subprocess.run([f"{self.bin}/postgres", "--version"], capture_output=True, text=True).stdout
        return out.strip()


PG_SCHEMA = """\
DROP TABLE IF EXISTS passages;
DROP TABLE IF EXISTS speakers;
CREATE TABLE passages(
  id integer PRIMARY KEY,
  passage_id text NOT NULL,
  doc_id text NOT NULL,
  session integer,
  year integer,
  countries text[] NOT NULL,
  speakers text[] NOT NULL,
  text text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED);
CREATE TABLE speakers(speaker text PRIMARY KEY, name text);
"""


def pg_load(conn, load_dir):
    """Loads the COPY files and builds the GIN index; returns (seconds, peak
    RSS in kB of the server backend that did it, bytes on disk)."""
    cur = conn.cursor()
    cur.execute("SELECT pg_backend_pid()")
    pid = cur.fetchone()[0]
    start = time.perf_counter()
    cur.execute(PG_SCHEMA)
    with open(os.path.join(load_dir, "passages.copy"), encoding="utf-8") as f:
        cur.copy_expert("COPY passages(id, passage_id, doc_id, session, year, countries, speakers, text) FROM STDIN", f)
    with open(os.path.join(load_dir, "speaker_names.copy"), encoding="utf-8") as f:
        cur.copy_expert("COPY speakers FROM STDIN", f)
    cur.execute("CREATE INDEX passages_tsv ON passages USING gin(tsv)")
    cur.execute("VACUUM ANALYZE passages")
    cur.execute("VACUUM ANALYZE speakers")
    cur.execute("CHECKPOINT")
    seconds = time.perf_counter() - start
    peak_kb = peak_rss_kb(pid)
    cur.execute("SELECT pg_total_relation_size('passages') + pg_total_relation_size('speakers')")
    size = cur.fetchone()[0]
    return seconds, peak_kb, size


class PgDriver:
    """Top 10 ranked by ts_rank with ts_headline snippets; the count with
    count(*); facets in one statement: the text match MATERIALIZED once as a
    CTE, GROUP BY per field (unnest for the multi-valued arrays)."""

    def __init__(self, conn):
        self.conn = conn
        self.cur = conn.cursor()

    @staticmethod
    def _filters(query, except_field=None):
        sql, args = [], []
        if query.countries and except_field != "country":
            sql.append("countries && %s::text[]")
            args.append(list(query.countries))
        for fld, ranges in (("year", query.years), ("session", query.sessions)):
            if ranges and except_field != fld:
                sql.append("(" + " OR ".join(f"{fld} BETWEEN %s AND %s" for _ in ranges) + ")")
                args += [v for r in ranges for v in r]
        return sql, args

    def run(self, query):
        cur = self.cur
        where, args = self._filters(query)
        cond = "".join(" AND " + w for w in where)
        cur.execute(
            "WITH q AS (SELECT websearch_to_tsquery('english', %s) AS q), "
            "top AS (SELECT p.passage_id, p.doc_id, p.text, ts_rank(p.tsv, q.q) AS r FROM passages p, q "
            f"WHERE p.tsv @@ q.q{cond} ORDER BY r DESC LIMIT {TOP}) "
            "SELECT top.passage_id, top.doc_id, ts_headline('english', top.text, q.q, "
            "'StartSel=<mark>, StopSel=</mark>, MaxWords=40, MinWords=20') FROM top, q ORDER BY top.r DESC",
            [query.q] + args)
        hits = cur.fetchall()
        facets = {}
        if not query.faceted:
            cur.execute(f"SELECT count(*) FROM passages WHERE tsv @@ websearch_to_tsquery('english', %s){cond}",
                        [query.q] + args)
            return cur.fetchone()[0], hits, facets
        parts, params = [], [query.q]

        def where_sql(except_field, extra=()):
            w, a = self._filters(query, except_field)
            w = list(extra) + w
            params.extend(a)
            return (" WHERE " + " AND ".join(w)) if w else ""

        parts.append(f"SELECT 'total', NULL, count(*) FROM m{where_sql(None)}")
        parts.append("(SELECT 'country', c, count(*) AS n FROM m, unnest(m.countries) c"
                     f"{where_sql('country')} GROUP BY c ORDER BY n DESC, c LIMIT {FACET_LIMIT})")
        for fld in ("year", "session"):
            parts.append(f"(SELECT '{fld}', {fld}::text, count(*) AS n FROM m"
                         f"{where_sql(fld, [f'{fld} IS NOT NULL'])} GROUP BY {fld} "
                         f"ORDER BY n DESC, {fld} LIMIT {FACET_LIMIT})")
        parts.append("(SELECT 'speaker', t.s, t.n FROM (SELECT s, count(*) AS n FROM m, unnest(m.speakers) s"
                     f"{where_sql('speaker')} GROUP BY s ORDER BY n DESC, s LIMIT {FACET_LIMIT}) t "
                     "LEFT JOIN speakers sp ON sp.speaker = t.s)")
        cur.execute("WITH m AS MATERIALIZED (SELECT session, year, countries, speakers FROM passages "
                    "WHERE tsv @@ websearch_to_tsquery('english', %s)) " + " UNION ALL ".join(parts), params)
        total = 0
        for kind, value, n in cur.fetchall():
            if kind == "total":
                total = n
            else:
                facets.setdefault(kind, []).append((value, n))
        for f in FACETS:
            facets.setdefault(f, [])
        return total, hits, facets


    def ids(self, query):
        """The passage ids matching `query`, filters included (untimed)."""
        where, args = self._filters(query)
        cond = "".join(" AND " + w for w in where)
        self.cur.execute(f"SELECT passage_id FROM passages WHERE tsv @@ websearch_to_tsquery('english', %s){cond}",
                         [query.q] + args)
        return {r[0] for r in self.cur.fetchall()}


# --------------------------------------------------------------------------
# cstd's matches, for the diagnosis of differing hit counts


class CstdMatcher:
    """The passage ids cstd's index matches for a query, through Xapian's
    Python bindings with the query parsed as query/searcher.cc parses it
    (stemmer english, STEM_SOME, default AND, phrase/boolean/love-hate/
    wildcard/auto multi-word synonyms) and the filters as boolean terms of
    model/schema.h. A replica for diagnosis only: the report says when its
    count is not cstd's own."""

    def __init__(self, index_dir):
        import xapian
        self.xapian = xapian
        with open(os.path.join(index_dir, "CURRENT"), encoding="utf-8") as f:
            self.db = xapian.Database(os.path.join(index_dir, f.read().strip()))
        self.qp = xapian.QueryParser()
        self.qp.set_database(self.db)
        self.qp.set_stemmer(xapian.Stem("english"))
        self.qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        self.qp.set_default_op(xapian.Query.OP_AND)

    def ids(self, query):
        xapian = self.xapian
        qp = xapian.QueryParser
        q = self.qp.parse_query(query.q, qp.FLAG_PHRASE | qp.FLAG_BOOLEAN | qp.FLAG_LOVEHATE | qp.FLAG_WILDCARD |
                                qp.FLAG_AUTO_MULTIWORD_SYNONYMS)
        filters = []
        if query.countries:
            filters.append(xapian.Query(xapian.Query.OP_OR, ["XC" + c for c in query.countries]))
        for prefix, ranges in (("Y", query.years), ("XSN", query.sessions)):
            if ranges:
                filters.append(xapian.Query(xapian.Query.OP_OR,
                                            [prefix + str(v) for a, b in ranges for v in range(a, b + 1)]))
        if filters:
            q = xapian.Query(xapian.Query.OP_FILTER, q, xapian.Query(xapian.Query.OP_AND, filters))
        enquire = xapian.Enquire(self.db)
        enquire.set_query(q)
        enquire.set_weighting_scheme(xapian.BoolWeight())
        out = set()
        for m in enquire.get_mset(0, self.db.get_doccount()):
            terms = m.document.termlist()
            item = terms.skip_to(b"Q")
            if item is not None and item.term.startswith(b"Q"):
                out.add(item.term[1:].decode("utf-8"))
        return out


# --------------------------------------------------------------------------
# omega (omindex + quest)


def omindex_command(db, source):
    return ["omindex", "--db", db, "--url", "/", source]


class OmegaDriver:
    """What quest does, in one process: QueryParser (stemmer english,
    STEM_SOME, default operator AND, quest's default flags), Enquire with
    BM25, get_mset of the top 10 with check_at_least = all documents so the
    count is exact, and a snippet of each hit's stored sample (omindex stores
    the first 512 bytes, not the text). Document level: no passages, and no
    country/year/session/speaker fields, so no filters and no facets."""

    def __init__(self, path):
        import xapian  # Debian's python3-xapian
        self.xapian = xapian
        self.db = xapian.Database(path)
        self.stem = xapian.Stem("english")
        self.qp = xapian.QueryParser()
        self.qp.set_stemmer(self.stem)
        self.qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        self.qp.set_database(self.db)
        self.qp.set_default_op(xapian.Query.OP_AND)

    def run(self, query):
        xapian = self.xapian
        enquire = xapian.Enquire(self.db)
        enquire.set_query(self.qp.parse_query(query.xapian_query(), xapian.QueryParser.FLAG_DEFAULT))
        mset = enquire.get_mset(0, TOP, self.db.get_doccount())
        hits = []
        for m in mset:
            data = m.document.get_data().decode("utf-8", "replace")
            sample = next((l[7:] for l in data.split("\n") if l.startswith("sample=")), "")
            hits.append((data, mset.snippet(sample, 240, self.stem)))
        return mset.get_matches_estimated(), hits, {}


def quest_count(db, query, doccount):
    """The exact document count `quest` itself reports."""
    out = subprocess.run(["quest", "-d", db, "-o", "and", "-m", "0", "-c", str(max(1, doccount)),
                          query.xapian_query()], capture_output=True, text=True, check=True).stdout
    m = re.search(r"(?:Exactly|About) (\d+) match", out)
    return int(m.group(1)) if m else None
