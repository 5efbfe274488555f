#!/usr/bin/env python3
"""Merge the hand judgements (judgements/b*.py) with the sample into the judged set."""
import glob, json, runpy
LINES = [f"C{i}" for i in range(1, 12)]
J = {}
for f in sorted(glob.glob("/work/judge/build/judgements/b*.py")):
    part = runpy.run_path(f)["J"]
    assert not set(part) & set(J), f
    J.update(part)
sample = [json.loads(l) for l in open("/work/judge/build/sample.jsonl")]
assert sorted(J) == list(range(len(sample))), "missing judgements"
key = lambda c: int(c[1:])
with open("/work/judge/action_lines_judged.jsonl", "w") as out:
    for i, r in enumerate(sample):
        ex, ab, note = J[i]
        for c in ex + ab:
            assert c in LINES, (i, c)
        rec = {"id": r["id"], "source": r["source"], "position": r["position"], "text": r["text"],
               "explicit": sorted(set(ex), key=key), "about": sorted(set(ab), key=key), "note": note}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print("wrote", len(sample))
