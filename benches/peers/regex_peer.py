#!/usr/bin/env python3
"""Peer: the cheapest baseline, a few of the genre's cue regexes in Python `re`.

usage: regex_peer.py CORPUS_DIR [--repeat N]
Runs the same handful of patterns (dates, chair/speech verbs, quoted terms, ordinal
markers, capitalised name pairs, sentence ends) over every article; reports
words/s, MB/s and articles/s, best of N passes after a warm-up.
"""
import argparse
import pathlib
import re
import time

PATTERNS = [
    re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}(?:, \d{4})?"),
    re.compile(r"\b(?:chaired|presided over|made (?:a |an )?speech(?:es)?|delivered a speech|addressed|said|stressed|emphasized|pointed out)\b"),
    re.compile(r"\b(?:attended by|attended)\b"),
    re.compile(r"[\u201c\"]([^\u201d\"]{1,200})[\u201d\"]"),
    re.compile(r"\b(?:Firstly|Secondly|Thirdly|Lastly|First|Second|Third|Finally)\s*,"),
    re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?\b"),
    re.compile(r"[.!?][\"\u201d]?\s+(?=[A-Z\"\u201c])"),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(args.corpus).glob("*.txt"))]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    words = sum(len(re.findall(r"\S+", t)) for t in texts)
    best = float("inf")
    hits = 0
    for i in range(args.repeat + 1):
        t = time.perf_counter()
        hits = 0
        for text in texts:
            for p in PATTERNS:
                hits += sum(1 for _ in p.finditer(text))
        dt = time.perf_counter() - t
        if i:
            best = min(best, dt)
    print(f"{len(texts)} articles, {nbytes} bytes, {words} words, {hits} matches")
    print(f"best of {args.repeat}: {best:.4f} s  {words / best:,.0f} words/s  "
          f"{nbytes / best / 1e6:.3f} MB/s  {len(texts) / best:.1f} articles/s")


if __name__ == "__main__":
    main()
