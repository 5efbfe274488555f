#!/usr/bin/env python3
"""Draw judged set 3, the held-out set once sets 1 and 2 were both tuned on.

Every CSTD paragraph of the corpus and the sample archive is already in set 1
or set 2, so set 3 is UNGDC only: the ICT-related paragraphs of sessions
60-78 (2005-2023) that neither earlier set drew.

  python3 tools/action_lines/build/build_set3.py INDEXER UNGDC_TXT OUT_DIR
"""
import glob, json, os, random, sys
from draw import KW_RE, judged_before, passages, write_sample

SEED = 20261204
N = 300

indexer, ungdc_root, out_dir = sys.argv[1:4]
seen = judged_before("judged.jsonl", "judged-2.jsonl")
files = []
for n in range(60, 79):
    files += sorted(glob.glob(os.path.join(ungdc_root, f"Session {n} - {1945 + n}", "*.txt")))
pool = [r for r in passages(indexer, files, ungdc_root, "ungdc/TXT/", lambda p: KW_RE.search(p["text"]))
        if (r["source"], r["text"]) not in seen]
sample = random.Random(SEED).sample(pool, N)
write_sample(out_dir, "sample-3.jsonl", sample)
print(json.dumps({"pool": len(pool), "sample": len(sample)}))
