//! WARC and WARC.gz (Common Crawl CC-NEWS layout): HTML `response` records, streamed one record at
//! a time. The HTTP message inside a record is ours to parse: status, headers, chunked transfer
//! coding and gzip/deflate content coding.

use std::io::{self, BufRead, Read};

use dossier_model::{Doc, InputKind};
use flate2::read::{GzDecoder, ZlibDecoder};
use warc::{RecordType, WarcHeader, WarcReader};

use crate::{IngestError, MAX_DOC_BYTES, guarded, html_doc};

pub fn read_warc<R: BufRead>(
    name: &str,
    reader: R,
    sink: &mut dyn FnMut(Result<Doc, IngestError>),
) {
    let mut warc = WarcReader::new(HeaderBound::new(reader, MAX_HEADER_BYTES));
    let mut records = warc.stream_records();
    let mut n = 0usize;
    let mut responses = 0usize;
    while let Some(item) = records.next_item() {
        n += 1;
        let mut record = match item {
            Ok(r) => r,
            Err(e) => {
                let reason = match e {
                    warc::Error::UnexpectedEOB => {
                        "truncated WARC: the file ends inside a record".to_string()
                    }
                    warc::Error::ReadData(io) => crate::describe_io(&io),
                    other => format!("malformed WARC record: {other}"),
                };
                sink(Err(IngestError::new(format!("{name}#{n}"), reason)));
                // The stream position is unknown after a bad record: stop this file.
                return;
            }
        };
        if *record.warc_type() != RecordType::Response {
            continue;
        }
        let uri = record.header(WarcHeader::TargetURI).map(|u| {
            u.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        });
        let here = match &uri {
            Some(u) => format!("{name}#{n} ({u})"),
            None => format!("{name}#{n}"),
        };
        let content_type = record
            .header(WarcHeader::ContentType)
            .map(|c| c.to_ascii_lowercase());
        if content_type
            .as_deref()
            .is_some_and(|c| !c.contains("application/http"))
        {
            continue;
        }
        let declared = record
            .header(WarcHeader::ContentLength)
            .and_then(|n| n.trim().parse::<u64>().ok());
        let mut block = Vec::new();
        if let Err(e) = (&mut record).take(MAX_DOC_BYTES).read_to_end(&mut block) {
            sink(Err(IngestError::new(here, crate::describe_io(&e))));
            return;
        }
        // The record's reader stops quietly at the end of the file: a block shorter than its
        // declared length is a truncated record, not a short page.
        if let Some(n) = declared
            && (block.len() as u64) < n.min(MAX_DOC_BYTES)
        {
            sink(Err(IngestError::new(
                here,
                format!(
                    "truncated WARC record: the file ends after {} of its {n} bytes",
                    block.len()
                ),
            )));
            return;
        }
        responses += 1;
        let source = uri.clone().unwrap_or_else(|| here.clone());
        let doc = guarded(&here, || match http_html_payload(&block) {
            Ok(Some((body, charset))) => html_doc(
                &source,
                &body,
                uri.as_deref(),
                charset.as_deref(),
                InputKind::Warc,
            )
            .map(Some)
            .map_err(|e| IngestError::new(here.clone(), e.reason)),
            // not an HTML page (image, redirect, error page): not an article
            Ok(None) => Ok(None),
            Err(reason) => Err(IngestError::new(here.clone(), reason)),
        });
        if let Some(doc) = doc.transpose() {
            sink(doc);
        }
    }
    if n == 0 {
        sink(Err(IngestError::new(name, "no WARC records found")));
    } else if responses == 0 {
        sink(Err(IngestError::new(
            name,
            "WARC file has no HTTP response records",
        )));
    }
}

/// A WARC record header is a few hundred bytes; a megabyte is far beyond any real one.
const MAX_HEADER_BYTES: usize = 1 << 20;

/// Bounds the WARC record header. The `warc` crate reads a header line by line until a blank
/// line, with no limit, so a file that only looks like a WARC (a huge line, or no blank line
/// ever) would be read whole into memory. Headers are read with `read_until` and bodies with
/// `read`, so the bytes read by `read_until` since the last `read` are the current header.
struct HeaderBound<R> {
    inner: R,
    header_bytes: usize,
    limit: usize,
}

impl<R> HeaderBound<R> {
    fn new(inner: R, limit: usize) -> Self {
        HeaderBound {
            inner,
            header_bytes: 0,
            limit,
        }
    }
}

impl<R: Read> Read for HeaderBound<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.header_bytes = 0;
        self.inner.read(buf)
    }
}

impl<R: BufRead> BufRead for HeaderBound<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt)
    }

    fn read_until(&mut self, byte: u8, buf: &mut Vec<u8>) -> io::Result<usize> {
        let start = buf.len();
        let result = self.read_header_until(byte, buf);
        replace_non_utf8(&mut buf[start..]);
        result
    }
}

/// Replaces every byte of `bytes` that is not part of valid UTF-8 with `?`, in place. The `warc`
/// crate unwraps `String::from_utf8` on header values (`Record::header`), so one stray byte in a
/// WARC-Target-URI would panic; a replacement of the same length leaves the parse unchanged.
fn replace_non_utf8(bytes: &mut [u8]) {
    let mut at = 0;
    while let Err(e) = std::str::from_utf8(&bytes[at..]) {
        let bad = at + e.valid_up_to();
        let len = e.error_len().unwrap_or(bytes.len() - bad);
        bytes[bad..bad + len].fill(b'?');
        at = bad + len;
    }
}

impl<R: BufRead> HeaderBound<R> {
    fn read_header_until(&mut self, byte: u8, buf: &mut Vec<u8>) -> io::Result<usize> {
        let mut read = 0;
        loop {
            let left = self.limit.saturating_sub(self.header_bytes);
            let available = self.inner.fill_buf()?;
            if available.is_empty() {
                return Ok(read);
            }
            let window = &available[..available.len().min(left)];
            let (used, done) = match window.iter().position(|&b| b == byte) {
                Some(i) => (i + 1, true),
                None => (window.len(), false),
            };
            buf.extend_from_slice(&window[..used]);
            self.inner.consume(used);
            self.header_bytes += used;
            read += used;
            if done {
                return Ok(read);
            }
            if self.header_bytes >= self.limit {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "a WARC record header longer than {} bytes (no blank line ends it)",
                        self.limit
                    ),
                ));
            }
        }
    }
}

/// An HTML page carried by an HTTP response: its decoded body and the charset its header declared.
type Payload = (Vec<u8>, Option<String>);

/// The decoded HTML body of an HTTP response with status 200 and an HTML content type, plus the
/// charset its header declared. `Ok(None)` for responses that are not HTML pages.
fn http_html_payload(block: &[u8]) -> Result<Option<Payload>, String> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut headers);
    let head_len = match response.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("HTTP header block is incomplete".into()),
        Err(e) => return Err(format!("malformed HTTP response: {e}")),
    };
    if response.code != Some(200) {
        return Ok(None);
    }
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_ascii_lowercase())
    };
    let content_type = header("content-type").unwrap_or_default();
    if !content_type.is_empty() && !content_type.contains("html") {
        return Ok(None);
    }
    let charset = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches('"').to_string());
    let mut body = block[head_len..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body)?;
    }
    match header("content-encoding").as_deref() {
        None | Some("") | Some("identity") => {}
        Some("gzip") | Some("x-gzip") => body = inflate(GzDecoder::new(&body[..]))?,
        Some("deflate") => body = inflate(ZlibDecoder::new(&body[..]))?,
        Some(other) => return Err(format!("unsupported content encoding `{other}`")),
    }
    Ok(Some((body, charset)))
}

fn inflate<R: Read>(r: R) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.take(MAX_DOC_BYTES)
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot decompress the HTTP body: {e}"))?;
    Ok(out)
}

/// Removes HTTP/1.1 chunked transfer coding.
fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let line_end = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("chunked body: missing chunk size line")?;
        let size_field =
            std::str::from_utf8(&data[..line_end]).map_err(|_| "chunked body: bad size line")?;
        let size_hex = size_field.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16)
            .map_err(|_| format!("chunked body: bad chunk size `{size_hex}`"))?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        if data.len() < size {
            return Err("chunked body: truncated chunk".into());
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size..];
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endless_header_is_refused_at_the_bound() {
        // A "WARC" whose header never ends: many short lines, then one long line.
        let mut data = b"WARC/1.0\r\nWARC-Type: response\r\n".to_vec();
        for i in 0..2_000 {
            data.extend_from_slice(format!("X-Filler-{i}: yes\r\n").as_bytes());
        }
        data.extend(std::iter::repeat_n(b'a', 100_000));
        let mut errors = Vec::new();
        let reader = HeaderBound::new(std::io::Cursor::new(&data), 10_000);
        let mut warc = WarcReader::new(reader);
        let mut records = warc.stream_records();
        match records.next_item() {
            Some(Err(warc::Error::ReadData(e))) => errors.push(e.to_string()),
            other => panic!("expected a read error, got {:?}", other.map(|r| r.is_ok())),
        }
        assert!(errors[0].contains("longer than 10000 bytes"), "{errors:?}");
    }

    /// Found by fuzzing: the `warc` crate panicked on a header value that is not UTF-8.
    #[test]
    fn header_bytes_that_are_not_utf8_do_not_panic() {
        let body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>The ferry ran late again on Monday, the third time this week.</p></body></html>";
        let mut data = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2021-03-02T10:00:00Z\r\nWARC-Target-URI: https://ferry.example/caf\xe9\r\nContent-Type: application/http; msgtype=\x86response\r\n".to_vec();
        data.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        data.extend_from_slice(body);
        data.extend_from_slice(b"\r\n\r\n");
        let mut docs = Vec::new();
        read_warc("t.warc", std::io::Cursor::new(&data), &mut |d| docs.push(d));
        let doc = docs[0].as_ref().expect("the record is read");
        assert_eq!(doc.url.as_deref(), Some("https://ferry.example/caf?"));
        let mut line = b"caf\xe9 \xf0\x9f\x98 ok \xc3\xa9".to_vec();
        replace_non_utf8(&mut line);
        assert_eq!(line, "caf? ??? ok é".as_bytes());
    }

    #[test]
    fn header_bound_passes_real_records() {
        let body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Hello</p></body></html>";
        let mut data = Vec::new();
        for i in 0..3 {
            data.extend_from_slice(
                format!(
                    "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{i}>\r\nWARC-Date: 2021-03-02T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                )
                .as_bytes(),
            );
            data.extend_from_slice(body);
            data.extend_from_slice(b"\r\n\r\n");
        }
        // A bound smaller than the three headers together: it applies per header.
        let reader = HeaderBound::new(std::io::Cursor::new(&data), 300);
        let mut warc = WarcReader::new(reader);
        let mut records = warc.stream_records();
        let mut n = 0;
        while let Some(r) = records.next_item() {
            let mut r = r.expect("record");
            let mut b = Vec::new();
            r.read_to_end(&mut b).expect("body");
            assert_eq!(b, body);
            n += 1;
        }
        assert_eq!(n, 3);
    }

    #[test]
    fn chunked_and_plain_payloads() {
        let chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<html\r\n1;ext=1\r\n>\r\n0\r\n\r\n";
        let (body, cs) = http_html_payload(chunked).unwrap().unwrap();
        assert_eq!(body, b"<html>");
        assert_eq!(cs.as_deref(), Some("utf-8"));
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert!(http_html_payload(image).unwrap().is_none());
        let redirect = b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n";
        assert!(http_html_payload(redirect).unwrap().is_none());
        assert!(http_html_payload(b"garbage\r\n\r\n").is_err());
    }
}
