#!/usr/bin/env python3
"""Peer quote extractor: spaCy en_core_web_sm + textacy direct_quotations.

Reads dossier input JSONL (one {"id", "text", ...} object a line) and writes an
export-contract JSON whose documents carry only `quotes` (all flagged direct), so the
project's quote scorer can compare this peer with dossier.

Run (from the repository root):
  python3 /work/shared/eval/quotes.py input --data /work/shared/data/polnear/dev > /tmp/pn.jsonl
  .venv-nlp/bin/python crates/quotes/scripts/textacy_peer.py /tmp/pn.jsonl \
      --model models/en_core_web_sm-3.8.0 > /tmp/textacy.json
  python3 /work/shared/eval/quotes.py score --data /work/shared/data/polnear/dev /tmp/textacy.json

Input is read from stdin when the path is "-" or omitted.  Needs spacy 3.8 and textacy
(tested with spacy 3.8.18, textacy 0.13.0).  For each DQTriple the quote span is textacy's
content Span (quotation marks included); speaker and cue spans run from the first to the
last of their tokens.

textacy refuses a whole text with an odd number of quotation marks (ValueError; common
in news, where a quote running over several paragraphs opens each of them but closes only
the last).  Such a text is then run line by line (lines = paragraphs here); lines that are
refused as well get no quotes.  This fallback reproduces the peer scores in the evaluation
kit's README.  --strict turns it off: a refused text then gets no quotes at all.
"""
import argparse
import json
import re
import sys

import spacy
from textacy.extract.triples import direct_quotations


def tok_span(doc, toks, off):
    toks = sorted(toks, key=lambda t: t.i)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
    return {"start": off + s, "end": off + e, "text": doc.text[s:e]}


def quotes_of(doc, off=0):
    """textacy's direct quotations in doc as contract quotes, offsets shifted by off.
    Raises ValueError when textacy refuses the text (unclosed quotation)."""
    out = []
    for dq in direct_quotations(doc):
        c = dq.content
        out.append({"start": off + c.start_char, "end": off + c.end_char, "text": c.text,
                    "direct": True, "cue": tok_span(doc, dq.cue, off),
                    "speaker": dict(tok_span(doc, dq.speaker, off), entity=None)})
    return out


def extract(nlp, text, strict, doc_id):
    try:
        return quotes_of(nlp(text))
    except ValueError as exc:
        print(f"textacy_peer: {doc_id}: {exc}", file=sys.stderr)
        if strict:
            return []
    out = []
    for m in re.finditer(r"[^\n]+", text):
        try:
            out.extend(quotes_of(nlp(m.group()), m.start()))
        except ValueError:
            pass
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", nargs="?", default="-", help="input JSONL (default: stdin)")
    ap.add_argument("--model", default="en_core_web_sm", help="spaCy model name or directory")
    ap.add_argument("--strict", action="store_true",
                    help="no line-by-line fallback for texts textacy refuses")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    f = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    docs = []
    for line in f:
        if not line.strip():
            continue
        rec = json.loads(line)
        docs.append({"id": rec["id"], "source": rec["id"], "text": rec["text"],
                     "quotes": extract(nlp, rec["text"], args.strict, rec["id"]),
                     "sentences": [], "mentions": [], "times": []})
    json.dump({"documents": docs, "entities": [], "events": [], "stories": []},
              sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
