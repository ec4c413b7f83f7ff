//! What must hold of anything dossier makes from outside bytes, checked by every fuzz target.
//!
//! The targets in `fuzz_targets/` feed libFuzzer's inputs to the entry points that read outside
//! bytes (`scripts/fuzz` runs them all). A panic is a finding; so is any broken invariant
//! asserted here: a span off the text or off a character boundary, an id that is not the hash of
//! its source and text, a date or TIMEX3 value that is not well-formed, an export whose
//! code-point offsets do not cut out the text it reports.

use dossier_model::export::{Export, ExportQuote};
use dossier_model::{Doc, Quote, Span};

/// Asserts that `span` lies inside `text` on character boundaries; `what` names it in the message.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on character boundaries"
    );
}

/// A publication date as `Doc::published` promises it: ISO 8601, `YYYY-MM-DD` or a full date-time.
pub fn is_iso_date(s: &str) -> bool {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
        || DateTime::parse_from_rfc3339(s).is_ok()
        || NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").is_ok()
}

/// Asserts the invariants of a document as ingest hands it over (before any annotation).
pub fn check_ingested(doc: &Doc) {
    assert_eq!(
        doc.id,
        dossier_ingest::doc_id(&doc.source, &doc.text),
        "id is not the hash of source and text"
    );
    if let Some(p) = &doc.published {
        assert!(is_iso_date(p), "published {p:?} is not ISO 8601");
    }
    if let Some(l) = &doc.language {
        assert!(
            l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase()),
            "language {l:?} is not an ISO 639-1 code"
        );
    }
}

/// Asserts that every annotation of an analysed document points into its text (title quotes into
/// its title) and that indices between annotations are in range.
pub fn check_annotated(doc: &Doc) {
    let text = &doc.text;
    for s in &doc.sentences {
        check_span(text, *s, "sentence");
    }
    for t in &doc.tokens {
        check_span(text, t.span, "token");
        assert!(
            t.head < doc.tokens.len(),
            "token head {} out of range",
            t.head
        );
    }
    for m in &doc.mentions {
        check_span(text, m.span, "mention");
        assert!(!m.span.is_empty(), "empty mention {:?}", m.span);
    }
    for t in &doc.times {
        check_span(text, t.span, "time expression");
        if let Some(v) = &t.value {
            assert!(
                dossier_timex::is_well_formed_value(v),
                "time value {v:?} is not TIMEX3"
            );
        }
    }
    check_quotes(text, &doc.quotes, "quote");
    check_quotes(
        doc.title.as_deref().unwrap_or(""),
        &doc.title_quotes,
        "title quote",
    );
    for a in &doc.actors {
        for &i in &a.mentions {
            assert!(i < doc.mentions.len(), "actor mention {i} out of range");
        }
        for r in &a.roles {
            check_span(text, r.span, "role");
            check_span(text, r.sentence, "role sentence");
        }
    }
}

fn check_quotes(text: &str, quotes: &[Quote], what: &str) {
    for q in quotes {
        check_span(text, q.span, what);
        if let Some(c) = q.cue {
            check_span(text, c, "cue");
        }
        if let Some(s) = &q.speaker {
            check_span(text, s.span, "speaker");
        }
    }
}

/// The characters `start..end` of `text` (code-point offsets, as the export counts them).
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn check_export_piece(text: &str, n: usize, start: usize, end: usize, piece: &str, what: &str) {
    assert!(
        start <= end && end <= n,
        "exported {what} {start}..{end} outside {n} characters"
    );
    assert_eq!(chars(text, start, end), piece, "exported {what} text");
}

fn check_export_quotes(text: &str, quotes: &[ExportQuote]) {
    let n = text.chars().count();
    for q in quotes {
        check_export_piece(text, n, q.start, q.end, &q.text, "quote");
        if let Some(c) = &q.cue {
            check_export_piece(text, n, c.start, c.end, &c.text, "cue");
        }
        if let Some(s) = &q.speaker {
            check_export_piece(text, n, s.start, s.end, &s.text, "speaker");
        }
    }
}

/// Asserts that the export contract's code-point offsets cut out of each document's text exactly
/// the text the export reports, that entity ids and document ids refer to something exported, and
/// that the whole value survives a JSON round trip.
pub fn check_export(export: &Export) {
    let doc_ids: Vec<&str> = export.documents.iter().map(|d| d.id.as_str()).collect();
    let entity_ids: Vec<&str> = export.entities.iter().map(|e| e.id.as_str()).collect();
    for d in &export.documents {
        let n = d.text.chars().count();
        for s in &d.sentences {
            assert!(
                s[0] <= s[1] && s[1] <= n,
                "exported sentence {s:?} outside {n}"
            );
        }
        for m in &d.mentions {
            check_export_piece(&d.text, n, m.start, m.end, &m.text, "mention");
            if let Some(e) = &m.entity {
                assert!(
                    entity_ids.contains(&e.as_str()),
                    "mention entity {e} not exported"
                );
            }
        }
        for t in &d.times {
            check_export_piece(&d.text, n, t.start, t.end, &t.text, "time");
        }
        check_export_quotes(&d.text, &d.quotes);
        check_export_quotes(d.title.as_deref().unwrap_or(""), &d.title_quotes);
    }
    for e in &export.entities {
        for d in &e.documents {
            assert!(
                doc_ids.contains(&d.as_str()),
                "entity document {d} not exported"
            );
        }
    }
    let json = serde_json::to_string(export).expect("the export serialises");
    let back: Export = serde_json::from_str(&json).expect("the export reads back");
    assert_eq!(&back, export, "the export survives a JSON round trip");
}

/// How the per-record backstop (`dossier_model::guard`) words a caught panic.
pub const INTERNAL: &str = "internal error";

/// Reads `data` as the input `name` (its extension picks the format) and returns the documents,
/// each checked with [`check_ingested`]. Errors are what bad input should give: each must name
/// the input and say what was wrong, and none may be a panic the backstop caught.
pub fn read(name: &str, data: &[u8]) -> Vec<Doc> {
    let mut docs = Vec::new();
    dossier_ingest::read_from(name, data, &mut |item| {
        match item {
            Ok(doc) => {
                check_ingested(&doc);
                docs.push(doc);
            }
            Err(e) => {
                assert!(
                    e.input.starts_with(name) && !e.reason.is_empty(),
                    "error {e:?} does not name the input {name} and a reason"
                );
                // The per-record backstop turns a panic into an error: still a bug.
                assert!(!e.reason.starts_with(INTERNAL), "{e}");
            }
        }
    });
    docs
}

/// The spaCy pipeline directory, found as the binary finds it (`dossier_nlp::find_model`:
/// `$DOSSIER_MODEL`, else the checkout's `models/`, fetched by `scripts/fetch-model.sh`).
pub fn model_dir() -> std::path::PathBuf {
    dossier_nlp::find_model(None).unwrap_or_else(|e| panic!("{e}"))
}
