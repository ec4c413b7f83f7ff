"""Dump Python spaCy's annotations as JSONL, one object per input text, for parity checks.

Usage: spacy_dump.py MODEL_DIR INPUT OUTPUT
INPUT is a JSON list of strings, or a JSONL file with a "text" key per line, or a directory
pattern file list (one path per line, prefixed with @). Never used at dossier's run time.
"""
import json
import sys

import spacy


def read_texts(path):
    if path.startswith("@"):
        with open(path[1:]) as f:
            for line in f:
                p = line.strip()
                if p:
                    with open(p, encoding="utf-8", errors="replace") as g:
                        yield g.read()
        return
    with open(path, encoding="utf-8") as f:
        if path.endswith(".json"):
            yield from json.load(f)
        else:
            for line in f:
                if line.strip():
                    yield json.loads(line)["text"]


def dump(doc):
    return {
        "text": doc.text,
        "tokens": [
            {
                "start": t.idx,
                "end": t.idx + len(t.text),
                "ws": bool(t.whitespace_),
                "norm": t.norm_,
                "tag": t.tag_,
                "pos": t.pos_,
                "lemma": t.lemma_,
                "dep": t.dep_,
                "head": t.head.i,
                "sent_start": bool(t.is_sent_start),
            }
            for t in doc
        ],
        "ents": [[e.start_char, e.end_char, e.label_] for e in doc.ents],
        "sents": [[s.start_char, s.end_char] for s in doc.sents],
    }


def main():
    model, inp, out = sys.argv[1:4]
    nlp = spacy.load(model)
    with open(out, "w", encoding="utf-8") as f:
        for doc in nlp.pipe(read_texts(inp), batch_size=64):
            f.write(json.dumps(dump(doc), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
# The Doc.to_json() fixture (tests/fixtures/spacy_to_json.jsonl) is made the same way:
#   [json.dumps(d.to_json(), ensure_ascii=False) for d in nlp.pipe(texts)]
