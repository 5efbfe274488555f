#!/usr/bin/env python3
"""Draw the C9 check: how right the Media (C9) tags are over whole speeches,
after round 3's C9 rule. From 3,500 UNGDC speeches drawn at random, every
passage the tagger (INDEXER's `inspect`) tags C9, and as many untagged
passages with a word of the media, shuffled together, so that the judge
cannot tell the tagged ones; none already in the other sets. Unlike the
other draws this one reads the tags: it reproduces only with the tagger of
commit bcb6376.

  python3 tools/action_lines/build/build_c9_set.py INDEXER UNGDC_TXT OUT_DIR
"""
import glob, json, os, random, re, sys
from draw import inspect, judged_before, write_sample

SEED = 20261206
FILES = 3500
MEDIA_RE = re.compile(r"\b(?:media|press|journalis|broadcast|radio|television|newspaper|freedom of expression|free speech)", re.I)

indexer, ungdc_root, out_dir = sys.argv[1:4]
seen = judged_before("judged.jsonl", "judged-2.jsonl", "judged-3.jsonl", "judged-media.jsonl")
rng = random.Random(SEED)
tagged, untagged = [], []
for f in rng.sample(sorted(glob.glob(os.path.join(ungdc_root, "Session *", "*.txt"))), FILES):
    res = inspect(indexer, f)
    if res is None:
        continue
    doc_id, paragraphs = res
    source = "ungdc/TXT/" + os.path.relpath(f, ungdc_root)
    for i, p in enumerate(paragraphs, 1):
        if (source, p["text"]) in seen:
            continue
        r = {"id": f"{doc_id}-{i}", "source": source, "position": i, "text": p["text"]}
        if any(x["code"] == "C9" for x in p.get("action_lines_inferred", [])):
            tagged.append(r)
        elif MEDIA_RE.search(p["text"]):
            untagged.append(r)
sample = tagged + rng.sample(untagged, min(len(untagged), max(30, len(tagged))))
rng.shuffle(sample)
write_sample(out_dir, "sample-c9.jsonl", sample)
print(json.dumps({"files": FILES, "tagged": len(tagged), "untagged": len(untagged), "sample": len(sample)}))
