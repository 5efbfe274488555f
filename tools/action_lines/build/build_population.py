#!/usr/bin/env python3
"""Build the population and the random sample for the action-line judged set.
Reads only document.id and paragraphs[*].text from `cstd-indexer inspect` output."""
import glob, json, os, random, re, subprocess, sys

INDEXER = "/work/judge/cstd-indexer"
OUT = "/work/judge/build"
SEED = 20261202
N_CSTD = 120
N_TOTAL = 320

# Keywords are matched case-insensitively at the start of a word; "ict", "data" and "media"
# must be whole words (ICT/ICTs, data, media) so that "conflict", "candidate"-like words and
# "immediately"/"intermediate" do not match.
KW_RE = re.compile(r"\b(?:icts?\b|data\b|media\b|digital|internet|information and communication"
                   r"|cyber|technolog|online|broadband|connectivity|artificial intelligence"
                   r"|e-government|telecommunication)", re.IGNORECASE)

def inspect(path):
    r = subprocess.run([INDEXER, "inspect", path], capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(f"inspect failed: {path}: {r.stderr[:300]}\n")
        return None
    d = json.loads(r.stdout)
    doc_id = d["document"]["id"]
    return doc_id, [p["text"] for p in d["paragraphs"]]

def rows(files, root, prefix, filt=None):
    out = []
    for f in files:
        res = inspect(f)
        if res is None:
            continue
        doc_id, texts = res
        rel = prefix + os.path.relpath(f, root)
        for i, t in enumerate(texts, 1):
            if filt and not filt(t):
                continue
            out.append({"id": f"{doc_id}-{i}", "source": rel, "position": i, "text": t})
    return out

cstd_files = sorted(glob.glob("/work/shared/corpus/cstd/*.txt"))
sample_files = sorted(glob.glob("/work/main/data/sample/*"))
cstd = rows(cstd_files, "/work/shared/corpus/cstd", "corpus/cstd/") + \
       rows(sample_files, "/work/main/data/sample", "data/sample/")

ungdc_files = []
for s in ["Session 74 - 2019", "Session 75 - 2020", "Session 76 - 2021",
          "Session 77 - 2022", "Session 78 - 2023"]:
    ungdc_files += sorted(glob.glob(f"/tmp/ungdc/TXT/{s}/*.txt"))
ungdc_all = rows(ungdc_files, "/tmp/ungdc/TXT", "ungdc/TXT/")
ungdc = [r for r in ungdc_all if KW_RE.search(r["text"])]

for name, data in [("population_cstd.jsonl", cstd), ("population_ungdc_ict.jsonl", ungdc)]:
    with open(os.path.join(OUT, name), "w") as fh:
        for r in data:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

rng = random.Random(SEED)
s_cstd = cstd if len(cstd) <= N_CSTD else rng.sample(cstd, N_CSTD)
s_ungdc = rng.sample(ungdc, N_TOTAL - len(s_cstd))
sample = s_cstd + s_ungdc
with open(os.path.join(OUT, "sample.jsonl"), "w") as fh:
    for r in sample:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
print(json.dumps({"cstd_files": len(cstd_files) + len(sample_files), "cstd_paragraphs": len(cstd),
                  "ungdc_files": len(ungdc_files), "ungdc_paragraphs": len(ungdc_all),
                  "ungdc_ict_paragraphs": len(ungdc), "sample_cstd": len(s_cstd),
                  "sample_ungdc": len(s_ungdc)}, indent=1))
