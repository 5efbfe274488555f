#!/usr/bin/env python3
"""nDCG@10 of a running cstd-searchd on the judged query set.

  tools/relevance/ndcg.py --server http://127.0.0.1:8080
  tools/relevance/ndcg.py --server URL --server URL2 --pool pool.txt   # what is left to judge

The queries are queries.tsv; the judgements judged.tsv (query id, passage
id, grade 0-2, note), made by reading each passage (README.md says how).
A passage in a top 10 that nobody judged counts as 0 and is reported: the
figure is only as good as the judging is complete.
"""

import argparse
import csv
import json
import math
import os
import sys
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
DEPTH = 10


def read_tsv(name):
    with open(os.path.join(HERE, name), newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))


def get(server, path, params=None):
    url = server.rstrip('/') + path + ('?' + urllib.parse.urlencode(params) if params else '')
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def top(server, query):
    answer = get(server, '/v1/search', {'q': query, 'per_page': DEPTH, 'facets': ''})
    return [hit['passage_id'] for hit in answer['hits']]


def ndcg(ranked, grades):
    dcg = sum((2 ** grades.get(p, 0) - 1) / math.log2(i + 2) for i, p in enumerate(ranked[:DEPTH]))
    ideal = sorted(grades.values(), reverse=True)[:DEPTH]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def passage_text(server, passage_id, cache):
    doc_id = passage_id.rsplit('-', 1)[0]
    if doc_id not in cache:
        cache[doc_id] = get(server, '/v1/documents/' + urllib.parse.quote(doc_id))
    for p in cache[doc_id]['paragraphs']:
        if p['passage_id'] == passage_id:
            return cache[doc_id]['document']['title'], p['text']
    return '?', '?'


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--server', action='append', required=True, help='searchd URL (twice with --pool)')
    parser.add_argument('--pool', help='write the unjudged passages of every server\'s top 10 here, to judge')
    parser.add_argument('--per-query', action='store_true', help='print each query\'s nDCG@10')
    args = parser.parse_args()

    queries = read_tsv('queries.tsv')
    judged = {}
    for row in read_tsv('judged.tsv') if os.path.exists(os.path.join(HERE, 'judged.tsv')) else []:
        judged.setdefault(row['query'], {})[row['passage']] = int(row['grade'])

    if args.pool:
        cache = {}
        with open(args.pool, 'w', encoding='utf-8') as out:
            for q in queries:
                seen = []
                for server in args.server:
                    for p in top(server, q['query']):
                        if p not in seen and p not in judged.get(q['id'], {}):
                            seen.append(p)
                for p in seen:
                    title, text = passage_text(args.server[0], p, cache)
                    out.write(f"{q['id']}\t{q['query']}\t{p}\t{title}\n{text}\n\n")
        return 0

    for server in args.server:
        scores = []
        unjudged = 0
        for q in queries:
            ranked = top(server, q['query'])
            grades = judged.get(q['id'], {})
            unjudged += sum(1 for p in ranked if p not in grades)
            scores.append(ndcg(ranked, grades))
            if args.per_query:
                print(f"{q['id']}\t{scores[-1]:.3f}\t{q['query']}")
        print(f"{server}: nDCG@{DEPTH} {sum(scores) / len(scores):.3f} over {len(scores)} queries"
              f" ({unjudged} passages in the top {DEPTH}s unjudged, counted 0)")
    return 0


if __name__ == '__main__':
    sys.exit(main())
