#!/usr/bin/env python3
"""Inputs for the fuzz targets, written by scripts/fuzz (standard library only).

    inputs.py seeds TARGET DIR   seed inputs derived from the repository's own fixtures
    inputs.py big TARGET DIR     1 MiB inputs of the shapes that make work grow with size

Seeds come from examples/ (the invented corpus in every input form) and from fixtures written for
the crates' tests. Left out on purpose: crates/html/tests/*, crates/quotes/tests/fixtures/titles.jsonl
and crates/actors/tests/roles.rs, which hold copies of evaluation data. The hand-written seeds in
fuzz/seeds/TARGET are read by libFuzzer directly and are not copied here.

Each file is named by the SHA-1 of its content, as libFuzzer names corpus units, so re-seeding
adds nothing twice.
"""

import glob
import hashlib
import json
import os
import random
import re
import string
import sys
import zlib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
MIB = 1 << 20

# The first byte of an `analyze` input picks the form (fuzz_targets/analyze.rs, NAMES).
FORM = {"txt": 0, "md": 1, "html": 2, "jsonl": 3, "xml": 4, "warc": 5}


def files(pattern):
    return sorted(glob.glob(os.path.join(ROOT, pattern)))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def gunzip_prefix(data):
    """As much of a (possibly truncated, multi-member) gzip stream as inflates."""
    out = b""
    while data:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += d.decompress(data)
        except zlib.error:
            break
        if not d.eof:
            break
        data = d.unused_data
    return out


def jsonl_lines(path):
    return [line for line in read(path).splitlines() if line.strip()]


def record_texts(path):
    texts = []
    for line in jsonl_lines(path):
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict) and isinstance(rec.get("text"), str):
            texts.append(rec["text"])
    return texts


def example_texts():
    """Every article text of the example corpus and the test fixtures' own texts."""
    texts = [read(p).decode("utf-8") for p in files("examples/corpus/txt/*")]
    texts += record_texts(os.path.join(ROOT, "examples/corpus/jsonl/articles.jsonl"))
    texts += record_texts(os.path.join(ROOT, "crates/dossier/tests/fixtures/actors_heldout.jsonl"))
    return texts


def sentences():
    """Short texts: the NLP fixtures, the quotation marks fixtures, the timex tests' literals."""
    out = json.loads(read(os.path.join(ROOT, "crates/nlp/tests/fixtures/texts.json")))
    out += record_texts(os.path.join(ROOT, "crates/quotes/tests/fixtures/marks.jsonl"))
    behaviour = read(os.path.join(ROOT, "crates/timex/tests/behaviour.rs")).decode("utf-8")
    out += [m for m in re.findall(r'"((?:[^"\\\n]|\\.){12,})"', behaviour) if " " in m]
    return out


def paragraphs():
    return [p for t in example_texts() for p in t.split("\n\n") if p.strip()]


def seeds(target):
    warcs = [read(p) for p in files("examples/corpus/warc/*") + files("examples/bad/*.warc.gz")]
    plain_warcs = [gunzip_prefix(w) for w in warcs]
    html = [read(p) for p in files("examples/corpus/html/*") + files("examples/warc-src/*")]
    html += [read(os.path.join(ROOT, "examples/bad/broken.html"))]
    feeds = [read(p) for p in files("examples/corpus/feed/*")]
    jsonl_files = [os.path.join(ROOT, p) for p in (
        "examples/corpus/jsonl/articles.jsonl",
        "examples/bad/malformed.jsonl",
        "crates/dossier/tests/fixtures/actors_heldout.jsonl",
    )]
    lines = [line for p in jsonl_files for line in jsonl_lines(p)]
    txt = [read(p) for p in files("examples/corpus/txt/*")]
    if target == "html":
        return html + [read(os.path.join(ROOT, "examples/bad/latin1-no-declaration.txt"))]
    if target == "warc":
        return warcs + plain_warcs
    if target == "feed":
        return feeds
    if target == "jsonl":
        return [read(p) for p in jsonl_files] + lines
    if target == "ingest":
        bad = [read(p) for p in files("examples/bad/*")]
        return warcs + plain_warcs + html + feeds + txt + [read(p) for p in jsonl_files] + bad
    if target == "plaintext":
        return txt + [t.encode() for t in example_texts()]
    if target in ("timex", "tokenizer"):
        return [t.encode() for t in paragraphs() + sentences()]
    if target == "analyze":
        out = []
        for p in files("examples/corpus/txt/*"):
            out.append(bytes([FORM["md" if p.endswith(".md") else "txt"]]) + read(p))
        out += [bytes([FORM["html"]]) + h for h in html]
        out += [bytes([FORM["jsonl"]]) + line for line in lines]
        out += [bytes([FORM["xml"]]) + f for f in feeds]
        out += [bytes([FORM["warc"]]) + w for w in plain_warcs]
        return out
    raise SystemExit(f"no seeds for target {target!r}")


def fill(unit, size=MIB):
    """`unit` repeated to exactly `size` bytes."""
    return (unit * (size // len(unit) + 1))[:size]


def warc_record(page, http_head=b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"):
    """A WARC response record carrying `page` after the HTTP header `http_head`."""
    block = http_head + page
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://big.example/page\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000b>\r\n"
            b"WARC-Date: 2021-04-08T09:30:00Z\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: "
            + str(len(block)).encode() + b"\r\n\r\n" + block + b"\r\n\r\n")


def random_words(size=MIB):
    """Distinct made-up words with some punctuation: every word misses the tokenizer's cache."""
    rng = random.Random(1)
    words, n = [], 0
    while n < size:
        w = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 10)))
        if rng.random() < 0.1:
            w += rng.choice(",.;:)")
        if rng.random() < 0.05:
            w = "(" + w
        words.append(w)
        n += len(w) + 1
    return " ".join(words).encode()[:size]


def big(target):
    """1 MiB inputs (before any first form byte) of the shapes that cost most per byte."""
    sentence = b"The minister said on Monday that the talks would resume next week in Vienna. "
    quoted = b'"We will not back down," said Prime Minister Tomas Okafor on 3 March 2021. '
    text = {
        "one-word": fill(b"a"),
        "open-brackets": fill(b"("),
        "close-brackets": fill(b")"),
        "dotted-word": fill(b"a."),
        "hyphen-word": fill(b"a-"),
        "url-word": b"https://example.org/" + fill(b"a/", MIB - 20),
        "digits": fill(b"1"),
        "dates": fill(b"on 3 March 2021, "),
        "sentences": fill(sentence),
        "quotes": fill(quoted),
        "open-quote": b'"' + fill(sentence, MIB - 1),
        "newlines": fill(b"\n"),
        "lines": fill(b"x\n"),
        "spaces": fill(b" "),
        "multibyte": fill("é".encode()),
        "random-words": random_words(),
    }
    page_body = fill(b"<p>" + sentence + b"</p>", MIB - 40)
    pages = {
        "divs": fill(b"<div>"),
        "paragraphs": b"<html><body><article>" + page_body + b"</article></body></html>",
        "attribute": b'<a href="' + fill(b"a", MIB - 9),
        "comment": b"<!--" + fill(b"-", MIB - 4),
        "script": b"<script>" + fill(b"{", MIB - 8),
        "times": fill(b'<time datetime="2021-04-08">8 April 2021</time>'),
        "meta": fill(b'<meta name="date" content="2021-04-08">'),
        "json-ld": b'<script type="application/ld+json">{"datePublished":"' + fill(b"2", MIB - 60)
        + b'"}</script>',
        "one-text": b"<html><body><p>" + fill(b"a", MIB - 30) + b"</p></body></html>",
    }
    warcs = {
        "warc-one-page": warc_record(pages["paragraphs"][: MIB - 400]),
        "warc-many-records": fill(warc_record(b"<p>x</p>")),
        "warc-long-header": b"WARC/1.0\r\nWARC-Type: resource\r\nX: " + fill(b"a", MIB - 40),
        "warc-tiny-chunks": warc_record(
            fill(b"1\r\na\r\n", MIB - 400) + b"0\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"),
    }
    feeds = {
        "feed-items": b"<rss><channel>" + fill(b"<item><title>t</title><description>d</description>"
                                               b"<pubDate>Tue, 06 Apr 2021 09:30:00 GMT</pubDate></item>",
                                               MIB - 40) + b"</channel></rss>",
        "feed-one-item": b"<rss><channel><item><description>" + fill(sentence, MIB - 80)
        + b"</description></item></channel></rss>",
    }
    jsonl = {
        "jsonl-one-text": b'{"id":"big","text":"' + fill(sentence, MIB - 24) + b'"}\n',
        "jsonl-empty-records": fill(b"{}\n"),
        "jsonl-nesting": fill(b"["),
        "jsonl-html": b'{"id":"big","html":"' + fill(b"<p>x</p>", MIB - 24) + b'"}\n',
    }
    if target in ("tokenizer", "plaintext", "timex"):
        return text
    if target == "html":
        return pages
    if target == "warc":
        return warcs
    if target == "feed":
        return feeds
    if target == "jsonl":
        return jsonl
    if target == "ingest":
        return {**warcs, **feeds, **jsonl, **pages}
    if target == "analyze":
        out = {k: bytes([FORM["txt"]]) + v for k, v in text.items()}
        out["html-paragraphs"] = bytes([FORM["html"]]) + pages["paragraphs"]
        out["jsonl-one-text"] = bytes([FORM["jsonl"]]) + jsonl["jsonl-one-text"]
        out["warc-one-page"] = bytes([FORM["warc"]]) + warcs["warc-one-page"]
        # Stay within max_len: the form byte counts.
        return {k: v[:MIB] for k, v in out.items()}
    raise SystemExit(f"no big inputs for target {target!r}")


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("seeds", "big"):
        raise SystemExit(__doc__)
    kind, target, out = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    if kind == "seeds":
        for data in seeds(target):
            if data:
                with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
                    f.write(data)
    else:
        for name, data in big(target).items():
            with open(os.path.join(out, name), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
