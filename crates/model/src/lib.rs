//! The shared vocabulary of dossier.
//!
//! Every other crate speaks these types and nothing else is shared between them. A [`Doc`] holds
//! text that never changes after ingest; every annotation on it is a [`Span`] of **byte** offsets
//! into that text plus typed data (stand-off annotation). The [`export`] module turns documents and
//! corpus-level results into the stable export contract of `shared/design.md`, where offsets are
//! Unicode code points. [`guard`] is the per-record backstop that turns a panic into that
//! record's error.

pub mod export;
pub mod guard;
mod offsets;

pub use offsets::CharIndex;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered text. Panics if the span is not on character boundaries of `text`,
    /// which would be a bug in the stage that made it.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What kind of input a document came from. Decides how its text was obtained: JSONL `text` is
/// taken verbatim, every other form is cleaned of boilerplate first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Text,
    Html,
    Jsonl,
    Feed,
    Warc,
}

impl InputKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            InputKind::Text => "text",
            InputKind::Html => "html",
            InputKind::Jsonl => "jsonl",
            InputKind::Feed => "feed",
            InputKind::Warc => "warc",
        }
    }
}

/// One article: immutable text plus metadata plus stand-off annotations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// Stable id, derived from the source and the text (see `ingest`).
    pub id: String,
    /// Path, URL, or the input record's id.
    pub source: String,
    pub kind: InputKind,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    /// Publication date or date-time, ISO 8601 (`YYYY-MM-DD` or full).
    pub published: Option<String>,
    /// ISO 639-1 code, or `None` when the detector was not confident either way.
    pub language: Option<String>,
    /// The place of a dateline (`VIENNA —`), when the input had one.
    pub dateline: Option<String>,
    /// The analysed text. Never modified after ingest: every offset refers to it.
    pub text: String,
    /// When this document is an exact or near copy of an earlier one, that one's id.
    pub duplicate_of: Option<String>,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub times: Vec<Timex>,
    pub quotes: Vec<Quote>,
    /// Quotations in the headline (`title`): spans are byte offsets into `title`, not `text`.
    #[serde(default)]
    pub title_quotes: Vec<Quote>,
    /// The actors this document names, each a cluster of its mentions (filled by `dossier-actors`).
    #[serde(default)]
    pub actors: Vec<DocActor>,
}

impl Doc {
    /// A document with text and provenance and no annotations yet.
    pub fn new(id: String, source: String, kind: InputKind, text: String) -> Self {
        Doc {
            id,
            source,
            kind,
            url: None,
            title: None,
            outlet: None,
            authors: Vec::new(),
            published: None,
            language: None,
            dateline: None,
            text,
            duplicate_of: None,
            sentences: Vec::new(),
            tokens: Vec::new(),
            mentions: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            title_quotes: Vec::new(),
            actors: Vec::new(),
        }
    }

    /// The calendar date of publication, if `published` holds one
    /// ([`dossier_dates::published_day`]).
    pub fn published_date(&self) -> Option<NaiveDate> {
        dossier_dates::published_day(self.published.as_deref()?)
    }

    /// Whether English models should run on this document: detected as English, or too short or
    /// mixed for the detector to say (such text is analysed rather than silently dropped).
    pub fn is_english(&self) -> bool {
        matches!(self.language.as_deref(), None | Some("en"))
    }
}

/// A token with the NLP core's annotations. `head` is an index into the document's tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub tag: String,
    pub pos: String,
    pub lemma: String,
    pub dep: String,
    pub head: usize,
    /// True when whitespace follows the token in the text.
    pub space_after: bool,
}

/// A named-entity mention, labelled with an OntoNotes label (PERSON, ORG, GPE, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub label: String,
    /// The canonical entity this mention was resolved to, if any.
    pub entity: Option<String>,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression with its normalised TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (`2021-03-02`, `2021-W10`, `P1Y`, `PAST_REF`, `XXXX-03`...), if normalisable.
    pub value: Option<String>,
    /// What the value was resolved against: `"published"`, a value of an earlier expression, or
    /// `None` when the expression is absolute.
    pub anchor: Option<String>,
    /// The name of the rule that produced the value, so a timeline can say why.
    pub rule: String,
}

/// A quotation: content, whether it is direct speech, the cue and the speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub span: Span,
    pub direct: bool,
    pub cue: Option<Span>,
    pub speaker: Option<Speaker>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub span: Span,
    pub entity: Option<String>,
    /// The speaker's role as this document states it ("Iran's chief negotiator"), once the
    /// speaker is linked to an actor.
    #[serde(default)]
    pub role: Option<String>,
}

/// A role or title the text gives the person a mention names: "Foreign Ministry spokeswoman"
/// before "Hua Chunying", "president of the Eurasia Group" after "Ian Bremmer,".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// Index into the document's mentions of the name the role describes.
    pub mention: usize,
    /// The role's words, without the name.
    pub span: Span,
}

/// An actor as one document names it: the mentions the document's own text links together
/// ("Angela Merkel", "Merkel"), before anything is compared across documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocActor {
    /// The fullest name the document uses for it.
    pub name: String,
    /// OntoNotes label (PERSON, ORG, GPE, LOC, NORP, FAC).
    pub label: String,
    /// Knowledge-base id when the name is a known country, organisation, capital or city
    /// (`country:CN`, `org:NATO`, `city:2988507`).
    #[serde(default)]
    pub kb: Option<String>,
    /// True when a capital or seat of government stands for its state ("Beijing protested",
    /// "the White House said"); such mentions form their own actor, apart from the city.
    #[serde(default)]
    pub metonym: bool,
    /// Indices into the document's mentions.
    pub mentions: Vec<usize>,
    /// The text of each of those mentions, in the same order, so that actors can be resolved
    /// across a corpus without reloading every document's text.
    #[serde(default)]
    pub surfaces: Vec<String>,
    /// Roles and titles the document gives it.
    #[serde(default)]
    pub roles: Vec<ActorRole>,
}

/// A role as one document states it, with the sentence that states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRole {
    pub text: String,
    pub span: Span,
    pub sentence: Span,
    /// ISO 3166 alpha-2 code of the country the role says the person serves ("Iranian Foreign
    /// Minister", "Russia's envoy", "president of France"), when it says one.
    #[serde(default)]
    pub country: Option<String>,
}

/// A canonical actor, resolved across mentions and documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub aliases: Vec<String>,
    pub documents: Vec<String>,
    pub mentions: usize,
    /// Knowledge-base id, when known.
    #[serde(default)]
    pub kb: Option<String>,
    /// ISO 3166 alpha-2 code of the country the actor is, or belongs to, when known.
    #[serde(default)]
    pub country: Option<String>,
    /// Roles the documents give it, each with the document and sentence that state it.
    #[serde(default)]
    pub roles: Vec<EntityRole>,
}

/// A role an entity holds, as one sentence states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRole {
    pub text: String,
    pub doc: String,
    /// The sentence that states it (byte offsets into the document's text).
    pub sentence: Span,
}

/// An event between actors, with PLOVER type and status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub status: String,
    pub actors: Vec<EventActor>,
    pub place: Option<String>,
    pub time: Option<EventTime>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    pub entity: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventTime {
    pub value: String,
    pub text: String,
}

/// Where in which document a fact is stated (byte offsets internally).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: String,
    pub span: Span,
}

/// The same event covered by several documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub label: String,
    pub documents: Vec<String>,
}

/// Everything known about a corpus: what `analyze` prints and `export` reads back from a store.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub documents: Vec<Doc>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub stories: Vec<Story>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_date_accepts_date_and_datetime() {
        let mut d = Doc::new("a".into(), "s".into(), InputKind::Text, String::new());
        d.published = Some("2021-03-02".into());
        assert_eq!(d.published_date(), NaiveDate::from_ymd_opt(2021, 3, 2));
        d.published = Some("2021-03-02T10:00:00Z".into());
        assert_eq!(d.published_date(), NaiveDate::from_ymd_opt(2021, 3, 2));
        d.published = Some("March 2".into());
        assert_eq!(d.published_date(), None);
    }

    #[test]
    fn span_relations() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 8);
        assert!(a.overlaps(&b));
        assert!(!a.overlaps(&Span::new(5, 6)));
        assert!(Span::new(0, 10).contains(&b));
        assert_eq!(a.text("hello world"), "hello");
    }
}
