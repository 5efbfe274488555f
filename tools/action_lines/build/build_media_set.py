#!/usr/bin/env python3
"""Draw the media set: passages of the whole UNGDC (sessions 1-78) that hold
a word of the media (C9 needs no word of ICTs, so its tags reach speeches
the ICT-filtered sets never sample), none already in sets 1-3.

  python3 tools/action_lines/build/build_media_set.py INDEXER UNGDC_TXT OUT_DIR
"""
import glob, json, os, random, re, sys
from draw import judged_before, passages, write_sample

SEED = 20261205
N = 200
FILES = 2500  # inspecting all 10,760 speeches takes long: draw files first, then passages
MEDIA_RE = re.compile(r"\b(?:media|press|journalis|broadcast|radio|television|newspaper"
                      r"|freedom of expression|free speech)", re.IGNORECASE)

indexer, ungdc_root, out_dir = sys.argv[1:4]
seen = judged_before("judged.jsonl", "judged-2.jsonl", "judged-3.jsonl")
files = sorted(glob.glob(os.path.join(ungdc_root, "Session *", "*.txt")))
rng = random.Random(SEED)
pool = [r for r in passages(indexer, rng.sample(files, FILES), ungdc_root, "ungdc/TXT/", lambda p: MEDIA_RE.search(p["text"]))
        if (r["source"], r["text"]) not in seen]
pool.sort(key=lambda r: r["id"])
sample = rng.sample(pool, N)
write_sample(out_dir, "sample-media.jsonl", sample)
print(json.dumps({"files": FILES, "pool": len(pool), "sample": len(sample)}))
