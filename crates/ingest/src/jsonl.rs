//! JSONL input: one article a line, `{"id","title","outlet","published","text"}` or with `html`
//! (and `url`) instead of `text`. A `text` is analysed verbatim — never cleaned or re-wrapped — so
//! offsets in gold annotations made on it line up with ours.

use std::io::BufRead;

use dossier_model::{Doc, InputKind};
use serde::Deserialize;

use crate::{IngestError, MAX_LINE_BYTES, dates::parse_date, finish, html_doc};

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    #[serde(default)]
    authors: Authors,
    language: Option<String>,
}

/// `authors` may be a list or a single string.
#[derive(Deserialize, Default)]
#[serde(untagged)]
enum Authors {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

pub fn read_jsonl<R: BufRead>(
    name: &str,
    mut reader: R,
    sink: &mut dyn FnMut(Result<Doc, IngestError>),
) {
    let mut line = Vec::new();
    let mut lineno = 0usize;
    loop {
        lineno += 1;
        let here = format!("{name}:{lineno}");
        match read_line_capped(&mut reader, &mut line, MAX_LINE_BYTES) {
            Ok(Line::Eof) => break,
            Ok(Line::TooLong(n)) => {
                sink(Err(IngestError::new(
                    here,
                    format!(
                        "line of {n} bytes or more is longer than the {} MiB limit; skipped",
                        MAX_LINE_BYTES >> 20
                    ),
                )));
                continue;
            }
            Ok(Line::Read) => {}
            Err(e) => {
                sink(Err(IngestError::new(here, crate::describe_io(&e))));
                break;
            }
        }
        let trimmed = line.trim_ascii();
        if trimmed.is_empty() {
            continue;
        }
        let text = match std::str::from_utf8(trimmed) {
            Ok(t) => t,
            Err(e) => {
                sink(Err(IngestError::new(here, format!("not UTF-8 ({e})"))));
                continue;
            }
        };
        match serde_json::from_str::<Record>(text) {
            Ok(rec) => sink(record_doc(&here, rec)),
            Err(e) => sink(Err(IngestError::new(
                here,
                format!("invalid JSON record: {e}"),
            ))),
        }
    }
}

fn record_doc(here: &str, rec: Record) -> Result<Doc, IngestError> {
    let source = match &rec.id {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(IngestError::new(
                here,
                format!("`id` must be a string or number, not {other}"),
            ));
        }
        None => here.to_string(),
    };
    let published = rec.published.as_deref().and_then(normalise_published);
    let mut doc = match (rec.text, rec.html) {
        (Some(text), _) => {
            let doc = Doc::new(String::new(), source, InputKind::Jsonl, text);
            finish(doc, rec.language.as_deref())
        }
        (None, Some(html)) => html_doc(
            &source,
            html.as_bytes(),
            rec.url.as_deref(),
            Some("utf-8"),
            InputKind::Jsonl,
        )
        .map_err(|e| IngestError::new(format!("{here} ({})", e.input), e.reason))?,
        (None, None) => {
            return Err(IngestError::new(
                here,
                "record has neither `text` nor `html`",
            ));
        }
    };
    if doc.text.trim().is_empty() {
        return Err(IngestError::new(here, "empty text"));
    }
    // The record's own metadata wins over what extraction guessed.
    if rec.title.is_some() {
        doc.title = rec.title;
    }
    if rec.outlet.is_some() {
        doc.outlet = rec.outlet;
    }
    if published.is_some() {
        doc.published = published;
    }
    if rec.url.is_some() {
        doc.url = rec.url;
    }
    match rec.authors {
        Authors::None => {}
        Authors::One(a) => doc.authors = vec![a],
        Authors::Many(v) => doc.authors = v,
    }
    Ok(doc)
}

fn normalise_published(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() >= 10 && chrono::NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d").is_ok() {
        return Some(s.to_string());
    }
    parse_date(s)
}

pub(crate) enum Line {
    Read,
    TooLong(usize),
    Eof,
}

/// Reads one line into `buf` without ever holding more than `cap` bytes of it: a longer line is
/// consumed and reported, so a 2 GB line costs no memory.
pub(crate) fn read_line_capped<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<Line> {
    buf.clear();
    let mut total = 0usize;
    let mut overflow = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(if total == 0 {
                Line::Eof
            } else if overflow {
                Line::TooLong(total)
            } else {
                Line::Read
            });
        }
        let (take, done) = match memchr_newline(chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        total += take;
        if !overflow {
            if buf.len() + take > cap {
                overflow = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        reader.consume(take);
        if done {
            return Ok(if overflow {
                Line::TooLong(total)
            } else {
                Line::Read
            });
        }
    }
}

fn memchr_newline(s: &[u8]) -> Option<usize> {
    s.iter().position(|&b| b == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<Result<Doc, IngestError>> {
        let mut out = Vec::new();
        read_jsonl("t.jsonl", input.as_bytes(), &mut |r| out.push(r));
        out
    }

    #[test]
    fn text_is_verbatim_and_metadata_kept() {
        let out = read(
            "{\"id\": \"a1\", \"title\": \"T\", \"outlet\": \"Wire\", \"published\": \"2021-03-02\", \"text\": \"\\n  Two  spaces.\\n\"}\n",
        );
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.text, "\n  Two  spaces.\n");
        assert_eq!(doc.source, "a1");
        assert_eq!(doc.published.as_deref(), Some("2021-03-02"));
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
    }

    #[test]
    fn a_broken_line_does_not_stop_the_rest() {
        let out = read(
            "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\": broken\n{\"id\":\"c\",\"text\":\"three\"}\n",
        );
        assert_eq!(out.len(), 3);
        assert!(out[0].is_ok() && out[2].is_ok());
        let err = out[1].as_ref().unwrap_err();
        assert_eq!(err.input, "t.jsonl:2");
        assert!(err.reason.contains("invalid JSON"), "{}", err.reason);
    }

    #[test]
    fn overlong_lines_are_skipped_without_buffering() {
        let long = format!("{}\nnext\n", "x".repeat(1000));
        let mut r = std::io::BufReader::with_capacity(64, long.as_bytes());
        let mut buf = Vec::new();
        assert!(matches!(
            read_line_capped(&mut r, &mut buf, 100).unwrap(),
            Line::TooLong(1001)
        ));
        assert!(buf.len() <= 100);
        assert!(matches!(
            read_line_capped(&mut r, &mut buf, 100).unwrap(),
            Line::Read
        ));
        assert_eq!(buf, b"next\n");
        assert!(matches!(
            read_line_capped(&mut r, &mut buf, 100).unwrap(),
            Line::Eof
        ));
    }
}
