"""What the draw scripts of the judged sets share: the keyword expression of
ICT-related paragraphs (set 1's), `cstd-indexer inspect` read for its
document id and paragraph texts only, and the passages earlier sets hold."""
import glob, json, os, random, re, subprocess, sys

# Case-insensitive, at the start of a word; "ict", "data" and "media" must
# be whole words so that "conflict", "immediately" and "intermediate" do
# not match.
KW_RE = re.compile(r"\b(?:icts?\b|data\b|media\b|digital|internet|information and communication"
                   r"|cyber|technolog|online|broadband|connectivity|artificial intelligence"
                   r"|e-government|telecommunication)", re.IGNORECASE)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def inspect(indexer, path):
    """(document id, [paragraph as inspect gives it]) of one file, or None (reported) when inspect fails.
    The draws read a paragraph's text only, but for the C9 check, which reads its tags."""
    r = subprocess.run([indexer, "inspect", path], capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(f"inspect failed: {path}: {r.stderr[:300]}\n")
        return None
    d = json.loads(r.stdout)
    return d["document"]["id"], d["paragraphs"]


def passages(indexer, files, root, prefix, keep=lambda paragraph: True):
    """Every paragraph of `files` that `keep` accepts, as a judged set's record."""
    out = []
    for f in files:
        res = inspect(indexer, f)
        if res is None:
            continue
        doc_id, paragraphs = res
        for i, p in enumerate(paragraphs, 1):
            if keep(p):
                out.append({"id": f"{doc_id}-{i}", "source": prefix + os.path.relpath(f, root), "position": i,
                            "text": p["text"]})
    return out


def judged_before(*names):
    """(source, text) of every passage of the judged sets named."""
    seen = set()
    for name in names:
        for line in open(os.path.join(REPO, "tools/action_lines", name)):
            r = json.loads(line)
            seen.add((r["source"], r["text"]))
    return seen


def write_sample(out_dir, name, sample):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, name), "w") as fh:
        for r in sample:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def ungdc_session_files(ungdc_root, sessions):
    """The speeches of the UNGDC `sessions` (numbers), session by session, each session's sorted."""
    files = []
    for s in sessions:
        files += sorted(glob.glob(os.path.join(ungdc_root, f"Session {s} - {1945 + s}", "*.txt")))
    return files


def draw_ungdc_ict(indexer, ungdc_root, sessions, before, seed, n, out_dir, name):
    """Draw `n` ICT-related paragraphs (KW_RE) of the UNGDC `sessions`, none
    in the judged sets `before`, with random.Random(seed); write them as
    `name` in `out_dir` and report the pool's size."""
    seen = judged_before(*before)
    files = ungdc_session_files(ungdc_root, sessions)
    pool = [r for r in passages(indexer, files, ungdc_root, "ungdc/TXT/", lambda p: KW_RE.search(p["text"]))
            if (r["source"], r["text"]) not in seen]
    sample = random.Random(seed).sample(pool, n)
    write_sample(out_dir, name, sample)
    print(json.dumps({"pool": len(pool), "sample": len(sample)}))
