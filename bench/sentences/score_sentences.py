#!/usr/bin/env python3
"""Independent check of `newsgraph eval sentences` (Python 3, standard library only).

Usage:
    score_sentences.py CONLL JSONL

CONLL is a CoNLL-2003 file (e.g. ../shared/data/conll2003-en/eng.testa). JSONL holds schema newsgraph/1
documents with a "sentences" array (code point offsets) and a "source" ending in doc-NNN.txt, the NNN-th
document of CONLL (1-based), as written by

    newsgraph eval sentences --write-texts DIR --jsonl eval.jsonl CONLL    # the text stage alone
    newsgraph extract --jsonl --sentences DIR > extract.jsonl              # the whole pipeline

This script rebuilds the documents from CONLL itself, following the rules of package internal/text/sbd
(documented there), and scores boundaries the same way: gold boundaries are the ends of each document's
sentences but the last; predicted ones the ends of the predicted sentences (trimmed) but the last;
precision, recall and F1 count exact matches; exact is the share of gold sentences predicted with the same
start and end. When a document's text differs from the rebuilt one only in whitespace (the cleaner may turn
line breaks into paragraph breaks), offsets are mapped through the count of non-space characters before
them. The last line reads `sentences precision=... recall=... f1=... exact=...`.
"""
import json
import os
import re
import sys

ATTACH_LEFT = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "\u201d", "\u2019"}
ATTACH_RIGHT = {"(", "[", "{", "$", "\u201c", "\u2018"}
CLITICS = {"'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}


def read_conll(path):
    docs, sents, cur = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if not fields:
                if cur:
                    sents.append(cur)
                    cur = []
            elif fields[0] == "-DOCSTART-":
                if cur:
                    sents.append(cur)
                    cur = []
                if sents:
                    docs.append(sents)
                    sents = []
            else:
                cur.append(fields[0])
    if cur:
        sents.append(cur)
    if sents:
        docs.append(sents)
    return docs


def ends_sentence(toks):
    for w in reversed(toks):
        if w in ('"', "'", ")", "]", "\u201d", "\u2019"):
            continue
        return w in (".", "!", "?", "...")
    return False


def move_opening_quotes(sents):
    sents = [list(s) for s in sents]
    opened = False
    for i, s in enumerate(sents):
        for k, w in enumerate(s):
            if w == "\u201c" and k == len(s) - 1 and len(s) > 1 and i + 1 < len(sents):
                sents[i] = s[:k]
                sents[i + 1] = [w] + sents[i + 1]
                break
            if w != '"':
                continue
            if k == 0:
                opened = False
            if not opened and k == len(s) - 1 and len(s) > 1 and i + 1 < len(sents):
                sents[i] = s[:k]
                sents[i + 1] = ['"'] + sents[i + 1]
                break
            opened = not opened
    return sents


def rebuild(sents):
    sents = move_opening_quotes(sents)
    out, spans = "", []
    dq = sq = False
    for i, s in enumerate(sents):
        start = len(out)
        no_space = True
        for k, w in enumerate(s):
            left = right = False
            if w in ATTACH_LEFT:
                left = True
            elif w in ATTACH_RIGHT:
                right = True
            elif w == '"':
                if k == 0:
                    dq = False
                elif k == len(s) - 1 and ends_sentence(s[:k]):
                    dq = True
                left, right = dq, not dq
                dq = not dq
            elif w == "'":
                if sq:
                    left, sq = True, False
                elif out.endswith("s") or out.endswith("S"):
                    left = True
                else:
                    right, sq = True, True
            else:
                left = w.lower() in CLITICS
            if not no_space and not left:
                out += " "
            out += w
            no_space = right
        spans.append((start, len(out)))
        if i < len(sents) - 1:
            out += "\n" if i == 0 or not ends_sentence(s) else " "
    return out, spans


def nonspace_index(text):
    """Maps every offset of text to the number of non-space characters before it."""
    idx, n = [], 0
    for ch in text:
        idx.append(n)
        if not ch.isspace():
            n += 1
    idx.append(n)
    return idx


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    docs = [rebuild(d) for d in read_conll(sys.argv[1])]
    gold_b = pred_b = correct = gold_sents = exact = seen = 0
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            m = re.search(r"doc-(\d+)\.txt$", d.get("source", ""))
            if not m:
                continue
            text, gold = docs[int(m.group(1)) - 1]
            ours = nonspace_index(text)
            theirs = nonspace_index(d["text"])
            if ours[-1] != theirs[-1]:
                print(f"{d['source']}: text differs beyond whitespace; skipped", file=sys.stderr)
                continue
            seen += 1
            preds = []
            for s in d.get("sentences", []):
                a, b = s["start"], s["end"]
                # trimmed spans as non-space character counts: [first char, last char + 1)
                if theirs[b] > theirs[a]:
                    preds.append((theirs[a], theirs[b]))
            golds = [(ours[a], ours[b]) for a, b in gold]
            gb = {e for _, e in golds[:-1]}
            pb = [e for _, e in preds[:-1]]
            gold_b += len(gb)
            pred_b += len(pb)
            correct += sum(1 for e in pb if e in gb)
            ps = set(preds)
            gold_sents += len(golds)
            exact += sum(1 for g in golds if g in ps)
    p = correct / pred_b if pred_b else 0.0
    r = correct / gold_b if gold_b else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"documents scored: {seen} of {len(docs)}")
    print(f"sentences gold={gold_b} pred={pred_b} correct={correct} precision={p:.4f} recall={r:.4f} f1={f1:.4f} "
          f"exact={exact / gold_sents if gold_sents else 0:.4f}")


if __name__ == "__main__":
    main()
