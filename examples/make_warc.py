#!/usr/bin/env python3
"""Build examples/corpus/warc/cc-news-sample.warc.gz from the pages in examples/warc-src/.

The layout follows Common Crawl's CC-NEWS archives: WARC/1.0, one gzip member per record, a
`warcinfo` record first, then one `response` record per article with WARC-Target-URI, WARC-Date,
WARC-Record-ID, `Content-Type: application/http; msgtype=response`, and an HTTP/1.1 200 header
block followed by the HTML body. The second response is sent with `Transfer-Encoding: chunked`
(the HTTP body inside the record is chunk-encoded and has no Content-Length).

Also writes examples/bad/truncated.warc.gz: the same archive cut in half.
Stdlib only; output is deterministic (fixed UUIDs, gzip mtime 0).
"""
import base64
import gzip
import hashlib
import os
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus", "warc", "cc-news-sample.warc.gz")
BAD = os.path.join(HERE, "bad", "truncated.warc.gz")
FILENAME = "CC-NEWS-20210413164052-00042.warc.gz"
NS = uuid.UUID("6f0d3c1e-0c8a-4b7e-9a39-2f3c1d0a2021")

# (source page, target URI, WARC-Date, server IP, chunked?)
RECORDS = [
    ("meridianwire-2021-04-11-natanz.html",
     "https://meridianwire.example/world/2021/04/11/iran-natanz-nuclear-terrorism",
     "2021-04-11T14:02:11Z", "203.0.113.10", False),
    ("meridianwire-2021-04-13-sixty-percent.html",
     "https://meridianwire.example/world/2021/04/13/iran-enrich-60-percent-natanz",
     "2021-04-13T16:40:52Z", "203.0.113.10", True),
    ("continentalledger-2021-04-12-natanz-reprint.html",
     "https://continentalledger.example/world/natanz-blackout-tehran-nuclear-terrorism",
     "2021-04-12T06:15:37Z", "198.51.100.27", False),
]

HTTP_DATES = {
    "2021-04-11T14:02:11Z": "Sun, 11 Apr 2021 14:02:11 GMT",
    "2021-04-13T16:40:52Z": "Tue, 13 Apr 2021 16:40:52 GMT",
    "2021-04-12T06:15:37Z": "Mon, 12 Apr 2021 06:15:37 GMT",
}


def rid(name):
    return f"<urn:uuid:{uuid.uuid5(NS, name)}>"


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def record(headers, block):
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return gzip.compress(head.encode() + block + b"\r\n\r\n", mtime=0)


def chunk(body, size=1500):
    parts = [body[i:i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n" % len(p) + p + b"\r\n" for p in parts) + b"0\r\n\r\n"


def main():
    members = []
    info_id = rid("warcinfo")
    info = (
        "software: StormCrawler 1.18 https://stormcrawler.net/\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
        "description: Sample in the layout of Common Crawl CC-NEWS; pages are invented fiction for testing dossier\r\n"
        "isPartOf: CC-NEWS\r\n"
        "operator: dossier example corpus\r\n"
        "robots: checked via crawler-commons 1.1 (https://github.com/crawler-commons/crawler-commons)\r\n"
    ).encode()
    members.append(record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", "2021-04-13T16:40:52Z"),
        ("WARC-Filename", FILENAME),
        ("WARC-Record-ID", info_id),
        ("Content-Type", "application/warc-fields"),
    ], info))

    for src, uri, date, ip, chunked in RECORDS:
        with open(os.path.join(HERE, "warc-src", src), "rb") as f:
            body = f.read()
        hdr = [
            "HTTP/1.1 200 OK",
            f"Date: {HTTP_DATES[date]}",
            "Server: nginx",
            "Content-Type: text/html; charset=utf-8",
        ]
        if chunked:
            hdr.append("Transfer-Encoding: chunked")
            payload = chunk(body)
        else:
            hdr.append(f"Content-Length: {len(body)}")
            payload = body
        hdr += ["Cache-Control: max-age=60", "X-Cache: MISS", "Connection: close"]
        block = ("\r\n".join(hdr) + "\r\n\r\n").encode() + payload
        members.append(record([
            ("WARC-Type", "response"),
            ("WARC-Date", date),
            ("WARC-Record-ID", rid(uri)),
            ("Content-Type", "application/http; msgtype=response"),
            ("WARC-Warcinfo-ID", info_id),
            ("WARC-IP-Address", ip),
            ("WARC-Target-URI", uri),
            ("WARC-Payload-Digest", sha1_b32(payload)),
            ("WARC-Block-Digest", sha1_b32(block)),
            ("WARC-Identified-Payload-Type", "text/html"),
        ], block))

    data = b"".join(members)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        f.write(data)
    os.makedirs(os.path.dirname(BAD), exist_ok=True)
    with open(BAD, "wb") as f:
        f.write(data[: len(data) // 2])
    print(f"wrote {OUT} ({len(data)} bytes, {len(members)} records) and {BAD} ({len(data) // 2} bytes)")


if __name__ == "__main__":
    main()
