#!/usr/bin/env python3
"""Draw judged set 4: more ICT-related UNGDC paragraphs, sessions 55-78
(2000-2023), that no earlier set drew. Drawn when round 4 asked whether a
model of term weights fitted to judged passages reads better than rules: it
is training data for that model, set 3 staying the held-out set.

  python3 tools/action_lines/build/build_set4.py INDEXER UNGDC_TXT OUT_DIR
"""
import sys
from draw import draw_ungdc_ict

indexer, ungdc_root, out_dir = sys.argv[1:4]
draw_ungdc_ict(indexer, ungdc_root, range(55, 79),
               ["judged.jsonl", "judged-2.jsonl", "judged-3.jsonl", "judged-media.jsonl", "judged-c9.jsonl"],
               seed=20261205, n=400, out_dir=out_dir, name="sample-4.jsonl")
