//! WARC and WARC.gz (Common Crawl CC-NEWS layout): HTML `response` records, streamed one record at
//! a time. The HTTP message inside a record is ours to parse: status, headers, chunked transfer
//! coding and gzip/deflate content coding.

use std::io::{BufRead, Read};

use dossier_model::{Doc, InputKind};
use flate2::read::{GzDecoder, ZlibDecoder};
use warc::{RecordType, WarcHeader, WarcReader};

use crate::{IngestError, MAX_DOC_BYTES, html_doc};

pub fn read_warc<R: BufRead>(
    name: &str,
    reader: R,
    sink: &mut dyn FnMut(Result<Doc, IngestError>),
) {
    let mut warc = WarcReader::new(reader);
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
        let mut block = Vec::new();
        if let Err(e) = (&mut record).take(MAX_DOC_BYTES).read_to_end(&mut block) {
            sink(Err(IngestError::new(here, crate::describe_io(&e))));
            return;
        }
        responses += 1;
        match http_html_payload(&block) {
            Ok(Some((body, charset))) => {
                let source = uri.clone().unwrap_or_else(|| here.clone());
                let doc = html_doc(
                    &source,
                    &body,
                    uri.as_deref(),
                    charset.as_deref(),
                    InputKind::Warc,
                )
                .map_err(|e| IngestError::new(here.clone(), e.reason));
                sink(doc);
            }
            Ok(None) => {} // not an HTML page (image, redirect, error page): not an article
            Err(reason) => sink(Err(IngestError::new(here, reason))),
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
