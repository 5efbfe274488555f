#!/usr/bin/python3
"""Round 4's question: would weights fitted to the judged passages read better
than the hand-written rules? Fits, for each line, a logistic regression
(Debian's python3-sklearn) on the judged sets other than set 3, and scores it
on set 3, the held-out set, the way cstd-action-lines-eval scores `either`
(every line tagged against `about`, pooled over lines). Three models:

  rules  the tagger's own decision per line (tagged, and how much evidence)
  words  the passage's words and word pairs (seen in 2+ training passages)
  both   words and rules together

each plain and with classes weighted by their size ("balanced": a line's
few positive passages weigh as much as its many negative ones),

and, for `both`, a learning curve: the same fit on a seeded fraction of the
training passages, to see whether judging more passages would close the gap.
It reads the tagger through INDEXER's `inspect` (as the C9 check's draw does)
and prints figures only; nothing of it runs in the product.

  /usr/bin/python3 tools/action_lines/build/fit_check.py INDEXER UNGDC_TXT
"""
import json, os, random, sys
import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from draw import REPO, inspect

LINES = [f"C{i}" for i in range(1, 12)]
TRAIN = ["judged.jsonl", "judged-2.jsonl", "judged-4.jsonl", "judged-media.jsonl", "judged-c9.jsonl"]
TEST = ["judged-3.jsonl"]
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
ROOTS = {"corpus/cstd/": os.path.join(os.path.dirname(REPO), "shared/corpus/cstd"),
         "data/sample/": os.path.join(REPO, "data/sample")}

indexer, ungdc_root = sys.argv[1:3]
ROOTS["ungdc/TXT/"] = ungdc_root


def load(names):
    return [json.loads(line) for n in names for line in open(os.path.join(REPO, "tools/action_lines", n))]


def tagger_output(records):
    """(source, text) -> {line: evidence count} for every line tagged, named or inferred."""
    out = {}
    for source in sorted({r["source"] for r in records}):
        prefix = next(p for p in ROOTS if source.startswith(p))
        res = inspect(indexer, os.path.join(ROOTS[prefix], source[len(prefix):]))
        if res is None:
            continue
        for p in res[1]:
            lines = {c: 1 for c in p.get("action_lines", [])}
            for x in p.get("action_lines_inferred", []):
                lines[x["code"]] = max(1, len(x["evidence"]))
            out[(source, p["text"])] = lines
    return out


train, test = load(TRAIN), load(TEST)
tags = tagger_output(train + test)


def rule_features(records):
    rows = []
    for r in records:
        t = tags.get((r["source"], r["text"]), {})
        rows.append([v for c in LINES for v in (1.0 if c in t else 0.0, min(t.get(c, 0), 3) / 3)])
    return csr_matrix(np.array(rows))


def labels(records):
    return np.array([[1 if c in r["about"] else 0 for c in LINES] for r in records])


def score(truth, guess):
    tp = int((truth & guess).sum()); fp = int(((1 - truth) & guess).sum()); fn = int((truth & (1 - guess)).sum())
    return f"P {tp / max(tp + fp, 1):.2f} R {tp / max(tp + fn, 1):.2f} (tp {tp} fp {fp} fn {fn})"


def fit(model, records, balanced=False):
    """Probabilities on set 3 of a model fitted on `records`."""
    if model == "rules":
        x_tr, x_te = rule_features(records), rule_features(test)
    else:
        vec = CountVectorizer(ngram_range=(1, 2), min_df=2, binary=True, token_pattern=r"(?u)\b\w[\w\-]*\b")
        x_tr = vec.fit_transform([r["text"] for r in records])
        x_te = vec.transform([r["text"] for r in test])
        if model == "both":
            x_tr = hstack([x_tr, rule_features(records) * 3]).tocsr()
            x_te = hstack([x_te, rule_features(test) * 3]).tocsr()
    y = labels(records)
    prob = np.zeros((len(test), len(LINES)))
    for j in range(len(LINES)):
        if y[:, j].sum() == 0:
            continue
        m = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced" if balanced else None).fit(x_tr, y[:, j])
        prob[:, j] = m.predict_proba(x_te)[:, 1]
    return prob


truth = labels(test)
rules_guess = np.array([[1 if c in tags.get((r["source"], r["text"]), {}) else 0 for c in LINES] for r in test])
print(f"training passages {len(train)}, held-out (set 3) {len(test)}")
print(f"the tagger's rules as they stand: {score(truth, rules_guess)}")
for model in ("rules", "words", "both"):
    for balanced in (False, True):
        prob = fit(model, train, balanced)
        for th in THRESHOLDS:
            name = model + (" balanced" if balanced else "")
            print(f"{name:14} threshold {th}: {score(truth, (prob >= th).astype(int))}")
rng = random.Random(20261207)
for frac in (0.25, 0.5, 0.75, 1.0):
    part = rng.sample(train, int(len(train) * frac))
    prob = fit("both", part)
    print(f"both, {len(part):4} training passages, threshold 0.5: {score(truth, (prob >= 0.5).astype(int))}")
