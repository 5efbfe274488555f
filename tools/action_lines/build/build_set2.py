#!/usr/bin/env python3
"""Draw judged set 2, held out once and then tuned on, disjoint from set 1.

Set 1 had become the set the rules were tuned on (its odd half, then both
halves), so a fresh blind sample was drawn to report on. The populations are
set 1's, widened in years for the UNGDC so that the set is not one five-year
window: every CSTD paragraph set 1 did not draw, and the ICT-related UNGDC
paragraphs of sessions 70-78 (2015-2023) that set 1 did not draw.

  python3 tools/action_lines/build/build_set2.py INDEXER UNGDC_TXT OUT_DIR
"""
import glob, json, os, random, sys
from draw import KW_RE, REPO, judged_before, passages, ungdc_session_files, write_sample

SEED = 20261203
N_UNGDC = 200

indexer, ungdc_root, out_dir = sys.argv[1:4]
shared = os.path.join(os.path.dirname(REPO), "shared")
seen = judged_before("judged.jsonl")
fresh = lambda rs: [r for r in rs if (r["source"], r["text"]) not in seen]

cstd = passages(indexer, sorted(glob.glob(os.path.join(shared, "corpus/cstd/*.txt"))), os.path.join(shared, "corpus/cstd"), "corpus/cstd/") + \
       passages(indexer, sorted(glob.glob(os.path.join(REPO, "data/sample/*"))), os.path.join(REPO, "data/sample"), "data/sample/")
ungdc_files = ungdc_session_files(ungdc_root, range(70, 79))
ungdc = passages(indexer, ungdc_files, ungdc_root, "ungdc/TXT/", lambda p: KW_RE.search(p["text"]))

s_cstd, pool = fresh(cstd), fresh(ungdc)
rng = random.Random(SEED)
s_ungdc = rng.sample(pool, N_UNGDC)
rng.shuffle(s_cstd)
write_sample(out_dir, "sample-2.jsonl", s_cstd + s_ungdc)
print(json.dumps({"cstd_paragraphs": len(cstd), "cstd_fresh": len(s_cstd), "ungdc_files": len(ungdc_files),
                  "ungdc_ict_paragraphs": len(ungdc), "ungdc_fresh": len(pool), "sample": len(s_cstd) + len(s_ungdc)}))
