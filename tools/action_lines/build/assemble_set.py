#!/usr/bin/env python3
"""Merge a judged set's hand judgements (judgements-NAME/b*.json, each keyed
by position in sample-NAME.jsonl) with its sample into
tools/action_lines/judged-NAME.jsonl, for the sets judged after set 1.

  python3 tools/action_lines/build/assemble_set.py 2|3|4|media|c9
"""
import glob, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
LINES = [f"C{i}" for i in range(1, 12)]
name = sys.argv[1]
J = {}
for f in sorted(glob.glob(os.path.join(HERE, f"judgements-{name}", "b*.json"))):
    part = {int(k): v for k, v in json.load(open(f)).items()}
    assert not set(part) & set(J), f
    J.update(part)
sample = [json.loads(l) for l in open(os.path.join(HERE, f"sample-{name}.jsonl"))]
assert sorted(J) == list(range(len(sample))), "missing judgements"
key = lambda c: int(c[1:])
with open(os.path.join(os.path.dirname(HERE), f"judged-{name}.jsonl"), "w") as out:
    for i, r in enumerate(sample):
        j = J[i]
        for c in j["explicit"] + j["about"]:
            assert c in LINES, (i, c)
        rec = {"id": r["id"], "source": r["source"], "position": r["position"], "text": r["text"],
               "explicit": sorted(set(j["explicit"]), key=key), "about": sorted(set(j["about"]), key=key),
               "note": j.get("note", "")}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print("wrote", len(sample), f"judged-{name}.jsonl")
