//! The export contract of `shared/design.md`: what `dossier analyze` and `dossier export` print.
//!
//! Keys may be added here; existing keys never change meaning. Offsets are Unicode code points
//! into the document's `text`, end exclusive.

use serde::{Deserialize, Serialize};

use crate::{CharIndex, Corpus, Doc, Span};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Export {
    pub documents: Vec<ExportDoc>,
    pub entities: Vec<ExportEntity>,
    pub events: Vec<ExportEvent>,
    pub stories: Vec<crate::Story>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportDoc {
    pub id: String,
    pub source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub dateline: Option<String>,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub duplicate_of: Option<String>,
    pub sentences: Vec<[usize; 2]>,
    pub mentions: Vec<ExportMention>,
    pub times: Vec<ExportTimex>,
    pub quotes: Vec<ExportQuote>,
    /// Quotations in the headline; offsets are code points into `title`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_quotes: Vec<ExportQuote>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: String,
    pub entity: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportTimex {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: Option<String>,
    pub anchor: Option<String>,
    pub rule: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportSpeaker {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportQuote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub direct: bool,
    pub cue: Option<ExportSpan>,
    pub speaker: Option<ExportSpeaker>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportEntity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub aliases: Vec<String>,
    pub documents: Vec<String>,
    pub mentions: usize,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub kb: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub roles: Vec<ExportRole>,
}

/// A role an entity holds, with the sentence that states it (code points into that document).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportRole {
    pub text: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportEvidence {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportEvent {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub status: String,
    pub actors: Vec<crate::EventActor>,
    pub place: Option<String>,
    pub time: Option<crate::EventTime>,
    pub evidence: Vec<ExportEvidence>,
}

impl ExportDoc {
    /// Converts one document, turning its byte spans into code-point spans.
    pub fn from_doc(doc: &Doc) -> Self {
        let idx = CharIndex::new(&doc.text);
        let span = |s: &Span| (idx.char_offset(s.start), idx.char_offset(s.end));
        let piece = |s: &Span| {
            let (start, end) = span(s);
            ExportSpan {
                start,
                end,
                text: s.text(&doc.text).to_string(),
            }
        };
        ExportDoc {
            id: doc.id.clone(),
            source: doc.source.clone(),
            url: doc.url.clone(),
            title: doc.title.clone(),
            outlet: doc.outlet.clone(),
            authors: doc.authors.clone(),
            published: doc.published.clone(),
            language: doc.language.clone(),
            dateline: doc.dateline.clone(),
            text: doc.text.clone(),
            duplicate_of: doc.duplicate_of.clone(),
            sentences: doc
                .sentences
                .iter()
                .map(|s| {
                    let (a, b) = span(s);
                    [a, b]
                })
                .collect(),
            mentions: doc
                .mentions
                .iter()
                .map(|m| {
                    let p = piece(&m.span);
                    ExportMention {
                        start: p.start,
                        end: p.end,
                        text: p.text,
                        label: m.label.clone(),
                        entity: m.entity.clone(),
                    }
                })
                .collect(),
            times: doc
                .times
                .iter()
                .map(|t| {
                    let p = piece(&t.span);
                    ExportTimex {
                        start: p.start,
                        end: p.end,
                        text: p.text,
                        kind: t.kind.as_str().to_string(),
                        value: t.value.clone(),
                        anchor: t.anchor.clone(),
                        rule: t.rule.clone(),
                    }
                })
                .collect(),
            quotes: export_quotes(&doc.quotes, &doc.text),
            title_quotes: match &doc.title {
                Some(title) => export_quotes(&doc.title_quotes, title),
                None => Vec::new(),
            },
        }
    }
}

/// Quotes with byte spans into `text` as exported quotes with code-point offsets into it.
fn export_quotes(quotes: &[crate::Quote], text: &str) -> Vec<ExportQuote> {
    let idx = CharIndex::new(text);
    let piece = |s: &Span| ExportSpan {
        start: idx.char_offset(s.start),
        end: idx.char_offset(s.end),
        text: s.text(text).to_string(),
    };
    quotes
        .iter()
        .map(|q| {
            let p = piece(&q.span);
            ExportQuote {
                start: p.start,
                end: p.end,
                text: p.text,
                direct: q.direct,
                cue: q.cue.as_ref().map(&piece),
                speaker: q.speaker.as_ref().map(|s| {
                    let p = piece(&s.span);
                    ExportSpeaker {
                        start: p.start,
                        end: p.end,
                        text: p.text,
                        entity: s.entity.clone(),
                        role: s.role.clone(),
                    }
                }),
            }
        })
        .collect()
}

impl Export {
    /// The contract view of a whole corpus.
    pub fn from_corpus(corpus: &Corpus) -> Self {
        let indexes: std::collections::HashMap<&str, (CharIndex, &Doc)> = corpus
            .documents
            .iter()
            .map(|d| (d.id.as_str(), (CharIndex::new(&d.text), d)))
            .collect();
        Export {
            documents: corpus.documents.iter().map(ExportDoc::from_doc).collect(),
            entities: corpus
                .entities
                .iter()
                .map(|e| export_entity(e, &indexes))
                .collect(),
            events: corpus
                .events
                .iter()
                .map(|e| ExportEvent {
                    id: e.id.clone(),
                    kind: e.kind.clone(),
                    status: e.status.clone(),
                    actors: e.actors.clone(),
                    place: e.place.clone(),
                    time: e.time.clone(),
                    evidence: e
                        .evidence
                        .iter()
                        .map(|ev| {
                            let (start, end) = match indexes.get(ev.doc.as_str()) {
                                Some((idx, _)) => {
                                    (idx.char_offset(ev.span.start), idx.char_offset(ev.span.end))
                                }
                                None => (ev.span.start, ev.span.end),
                            };
                            ExportEvidence {
                                doc: ev.doc.clone(),
                                start,
                                end,
                            }
                        })
                        .collect(),
                })
                .collect(),
            stories: corpus.stories.clone(),
        }
    }
}

fn export_entity(
    e: &crate::Entity,
    indexes: &std::collections::HashMap<&str, (CharIndex, &Doc)>,
) -> ExportEntity {
    ExportEntity {
        id: e.id.clone(),
        name: e.name.clone(),
        kind: e.kind.clone(),
        aliases: e.aliases.clone(),
        documents: e.documents.clone(),
        mentions: e.mentions,
        kb: e.kb.clone(),
        country: e.country.clone(),
        roles: e
            .roles
            .iter()
            .map(|r| {
                let (start, end) = match indexes.get(r.doc.as_str()) {
                    Some((idx, _)) => (
                        idx.char_offset(r.sentence.start),
                        idx.char_offset(r.sentence.end),
                    ),
                    None => (r.sentence.start, r.sentence.end),
                };
                ExportRole {
                    text: r.text.clone(),
                    doc: r.doc.clone(),
                    start,
                    end,
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{InputKind, Mention};

    #[test]
    fn offsets_are_exported_as_code_points() {
        let text = "“Schröder” met Merkel.".to_string();
        let start = text.find("Merkel").unwrap();
        let mut doc = Doc::new("d1".into(), "x.txt".into(), InputKind::Text, text.clone());
        doc.mentions.push(Mention {
            span: Span::new(start, start + 6),
            label: "PERSON".into(),
            entity: None,
        });
        let e = ExportDoc::from_doc(&doc);
        let m = &e.mentions[0];
        let chars: Vec<char> = text.chars().collect();
        let got: String = chars[m.start..m.end].iter().collect();
        assert_eq!(got, "Merkel");
        assert_eq!(m.text, "Merkel");
    }

    #[test]
    fn title_quotes_are_exported_in_code_points_of_the_title() {
        let title = "Araqchi: “No step-by-step”".to_string();
        let mut doc = Doc::new("d1".into(), "x.txt".into(), InputKind::Text, "Text.".into());
        let start = title.find('“').unwrap();
        doc.title_quotes.push(crate::Quote {
            span: Span::new(start, title.len()),
            direct: true,
            cue: Some(Span::new(7, 8)),
            speaker: Some(crate::Speaker {
                span: Span::new(0, 7),
                entity: None,
                role: None,
            }),
        });
        let json = serde_json::to_value(ExportDoc::from_doc(&doc)).unwrap();
        // Without a title there is nothing to point into, and the key is left out when empty.
        assert!(json.get("title_quotes").is_none());
        doc.title = Some(title.clone());
        let e = ExportDoc::from_doc(&doc);
        let q = &e.title_quotes[0];
        let chars: Vec<char> = title.chars().collect();
        assert_eq!(
            chars[q.start..q.end].iter().collect::<String>(),
            "“No step-by-step”"
        );
        assert_eq!(q.speaker.as_ref().unwrap().text, "Araqchi");
        assert_eq!(q.cue.as_ref().unwrap().text, ":");
        let back: ExportDoc = serde_json::from_value(serde_json::to_value(&e).unwrap()).unwrap();
        assert_eq!(back, e);
    }
}
