#!/usr/bin/env python3
"""Agreement between two blind judges: a second judge re-judged 100 passages
of set 1 (batchA.jsonl, "orig" = line in judged.jsonl - 1) and 100 of set 2
(batchB.jsonl, in judged-2.jsonl), by the same brief and rules, without
seeing the first judgement. Prints, per batch, the second judge's "about"
against the first's as precision / recall / F1, overall and per line.

  python3 tools/action_lines/build/agreement/agree.py
"""
import json, os
HERE = os.path.dirname(os.path.abspath(__file__))
SETS = os.path.dirname(os.path.dirname(HERE))
LINES = [f"C{i}" for i in range(1, 12)]
for batch, judgements, first in [("batchA", "judgements-A.json", "judged.jsonl"),
                                 ("batchB", "judgements-B.json", "judged-2.jsonl")]:
    rows = [json.loads(l) for l in open(os.path.join(HERE, batch + ".jsonl"))]
    second = json.load(open(os.path.join(HERE, judgements)))
    judged = [json.loads(l) for l in open(os.path.join(SETS, first))]
    both = only2 = only1 = 0
    per = {c: [0, 0, 0] for c in LINES}
    for r in rows:
        a, b = set(judged[r["orig"]]["about"]), set(second[str(r["index"])]["about"])
        for c in LINES:
            if c in a and c in b: both += 1; per[c][0] += 1
            elif c in b: only2 += 1; per[c][1] += 1
            elif c in a: only1 += 1; per[c][2] += 1
    p, rc = both / (both + only2), both / (both + only1)
    print(f"{batch} ({first}, {len(rows)} passages): P {p:.2f} R {rc:.2f} F1 {2 * p * rc / (p + rc):.2f} "
          f"(both {both}, second judge only {only2}, first judge only {only1})")
    print("  " + "  ".join(f"{c} {t}/{f}/{n}" for c, (t, f, n) in per.items()))
