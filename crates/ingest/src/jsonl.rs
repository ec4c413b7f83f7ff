//! JSONL input: one article a line, `{"id","title","outlet","published","text"}` or with `html`
//! (and `url`) instead of `text`. A `text` is analysed verbatim — never cleaned or re-wrapped — so
//! offsets in gold annotations made on it line up with ours.

use std::io::BufRead;

use dossier_model::{Doc, InputKind};
use serde_json::{Map, Value};

use crate::{IngestError, MAX_LINE_BYTES, finish, guarded, html_doc, publication_date};

/// The fields of one record, each checked for its JSON type so that a wrong one is reported by
/// name (`"text": 5` is "`text` must be a string, not a number"), not as a position in the line.
struct Record {
    id: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    authors: Option<Vec<String>>,
    language: Option<String>,
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Record {
    fn from_value(here: &str, value: Value) -> Result<Record, IngestError> {
        let Value::Object(mut map) = value else {
            return Err(IngestError::new(
                here,
                format!("a record must be a JSON object, not {}", kind(&value)),
            ));
        };
        let wrong = |key: &str, v: &Value, want: &str| {
            IngestError::new(here, format!("`{key}` must be {want}, not {}", kind(v)))
        };
        let string = |map: &mut Map<String, Value>, key: &str| match map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(v) => Err(wrong(key, &v, "a string")),
        };
        let id = match map.remove("id") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(v) => return Err(wrong("id", &v, "a string or a number")),
        };
        // `authors` may be a list or a single string.
        let authors = match map.remove("authors") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(vec![s]),
            Some(Value::Array(items)) => Some(
                items
                    .into_iter()
                    .map(|a| match a {
                        Value::String(s) => Ok(s),
                        v => Err(wrong("authors", &v, "a string or a list of strings")),
                    })
                    .collect::<Result<_, _>>()?,
            ),
            Some(v) => return Err(wrong("authors", &v, "a string or a list of strings")),
        };
        Ok(Record {
            id,
            title: string(&mut map, "title")?,
            outlet: string(&mut map, "outlet")?,
            published: string(&mut map, "published")?,
            text: string(&mut map, "text")?,
            html: string(&mut map, "html")?,
            url: string(&mut map, "url")?,
            authors,
            language: string(&mut map, "language")?,
        })
    }
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
        match serde_json::from_str::<Value>(text) {
            Ok(value) => sink(guarded(&here, || {
                record_doc(&here, Record::from_value(&here, value)?)
            })),
            Err(e) => sink(Err(IngestError::new(
                here,
                format!("invalid JSON record: {e}"),
            ))),
        }
    }
}

fn record_doc(here: &str, rec: Record) -> Result<Doc, IngestError> {
    let source = rec.id.unwrap_or_else(|| here.to_string());
    let published = rec
        .published
        .as_deref()
        .and_then(|p| normalise_published(p, rec.language.as_deref()));
    let mut doc = match (rec.text, rec.html) {
        (Some(text), _) => {
            let doc = Doc::new(String::new(), source, InputKind::Jsonl, text);
            finish(here, doc, rec.language.as_deref())?
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
    if let Some(authors) = rec.authors {
        doc.authors = authors;
    }
    Ok(doc)
}

/// A record's own `published` as ISO 8601: a machine-written date is the record's word, whatever
/// the year; anything else is read as a date in the order the record's language implies, and
/// kept only if a news article can have it.
fn normalise_published(s: &str, language: Option<&str>) -> Option<String> {
    if let Some(f) = dossier_dates::parse_timestamp(s) {
        return Some(f.iso);
    }
    publication_date(s, dossier_dates::Order::for_language(language)).map(|f| f.iso)
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

    fn error_of(line: &str) -> String {
        let out = read(&format!(
            "{line}\n{{\"id\":\"good\",\"text\":\"A good record.\"}}\n"
        ));
        assert_eq!(out.len(), 2, "{line}");
        assert!(out[1].is_ok(), "the good record after {line} must be read");
        let err = out[0].as_ref().expect_err(line);
        assert_eq!(err.input, "t.jsonl:1");
        err.reason.clone()
    }

    #[test]
    fn wrong_json_types_are_named() {
        assert_eq!(
            error_of(r#"{"id":"a","text":5}"#),
            "`text` must be a string, not a number"
        );
        assert_eq!(
            error_of(r#"{"id":"a","text":"x","published":[]}"#),
            "`published` must be a string, not an array"
        );
        assert_eq!(
            error_of(r#"{"id":{"n":1},"text":"x"}"#),
            "`id` must be a string or a number, not an object"
        );
        assert_eq!(
            error_of(r#"{"text":"x","authors":[1]}"#),
            "`authors` must be a string or a list of strings, not a number"
        );
        assert_eq!(
            error_of(r#"["a","list"]"#),
            "a record must be a JSON object, not an array"
        );
    }

    #[test]
    fn text_that_is_no_article_is_refused() {
        assert!(error_of(r#"{"text":"a\u0000b"}"#).contains("NUL"));
        assert!(error_of(r#"{"text":"a\ud800b"}"#).contains("invalid JSON"));
        let long = format!(
            r#"{{"text":"{}"}}"#,
            "word ".repeat(crate::MAX_TEXT_BYTES / 5 + 1)
        );
        assert!(error_of(&long).contains("MiB limit"));
    }

    #[test]
    fn published_is_always_iso() {
        let published = |p: &str| {
            let line =
                format!(r#"{{"published":"{p}","text":"Ferry fares rose again on Monday."}}"#);
            read(&line)[0].as_ref().unwrap().published.clone()
        };
        assert_eq!(published("2021-04-18é").as_deref(), Some("2021-04-18"));
        assert_eq!(
            published("2021-04-18T07:30:00.250Z").as_deref(),
            Some("2021-04-18T07:30:00Z")
        );
        assert_eq!(published("1987-10-19").as_deref(), Some("1987-10-19"));
        assert_eq!(published("April 18, 2021").as_deref(), Some("2021-04-18"));
        assert_eq!(published("soon"), None);
    }

    #[test]
    fn dates_in_any_script_never_panic() {
        for published in [
            "2021年3月2日",
            "٢٠٢١-٠٣-٠٢",
            "２０２１-０３-０２",
            "2021-03-0٢",
            "é",
        ] {
            let line = format!(r#"{{"id":"a","published":"{published}","text":"Talks resumed."}}"#);
            let out = read(&line);
            assert!(out[0].is_ok(), "{published}: {:?}", out[0]);
        }
    }
}
