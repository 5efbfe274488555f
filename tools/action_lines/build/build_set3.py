#!/usr/bin/env python3
"""Draw judged set 3, the held-out set once sets 1 and 2 were both tuned on.

Every CSTD paragraph of the corpus and the sample archive is already in set 1
or set 2, so set 3 is UNGDC only: the ICT-related paragraphs of sessions
60-78 (2005-2023) that neither earlier set drew.

  python3 tools/action_lines/build/build_set3.py INDEXER UNGDC_TXT OUT_DIR
"""
import sys
from draw import draw_ungdc_ict

indexer, ungdc_root, out_dir = sys.argv[1:4]
draw_ungdc_ict(indexer, ungdc_root, range(60, 79), ["judged.jsonl", "judged-2.jsonl"], seed=20261204, n=300,
               out_dir=out_dir, name="sample-3.jsonl")
