//! RSS 2.0 and Atom feeds: each item becomes a document (content or summary, link, date,
//! authors). feed-rs parses; our lenient timestamp parser replaces its own, which drops
//! non-standard dates silently.

use dossier_model::{Doc, InputKind};

use crate::{IngestError, finish, guarded, publication_date};

pub fn read_feed(name: &str, bytes: &[u8], sink: &mut dyn FnMut(Result<Doc, IngestError>)) {
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(feed_timestamp)
        .sanitize_content(false)
        .build();
    let feed = match parser.parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return sink(Err(IngestError::new(
                name,
                format!("not a readable RSS or Atom feed: {e}"),
            )));
        }
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| outlet_name(&t.content))
        .filter(|t| !t.is_empty());
    if feed.entries.is_empty() {
        return sink(Err(IngestError::new(name, "feed has no items")));
    }
    let declared = declared_entities(bytes);
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let here = format!("{name}#{}", i + 1);
        let language = feed.language.as_deref();
        let doc = guarded(&here, || entry_doc(&here, entry, outlet.clone(), language));
        sink(doc.and_then(|d| refuse_entities(&here, d, &declared)));
    }
}

/// A feed's item date as a moment: RFC 2822 as the specification says, and whatever else
/// feeds write (ISO 8601, "April 7, 2021"), which feed-rs's own parser would drop silently.
fn feed_timestamp(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    publication_date(s, dossier_dates::Order::MonthFirst).map(|f| f.to_utc())
}

/// The names of the entities a feed declares in its document type (`<!ENTITY lol "...">`).
/// They are never expanded (the XML parser reads them as text): expanding them is the
/// "billion laughs" attack, and real feeds do not need them.
fn declared_entities(bytes: &[u8]) -> Vec<String> {
    let head = &bytes[..bytes.len().min(1 << 20)];
    let Some(start) = memchr::memmem::find(head, b"<!DOCTYPE") else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let mut rest = &head[start..];
    while let Some(at) = memchr::memmem::find(rest, b"<!ENTITY") {
        rest = &rest[at + 8..];
        let name: Vec<u8> = rest
            .iter()
            .skip_while(|b| b.is_ascii_whitespace() || **b == b'%')
            .take_while(|b| !b.is_ascii_whitespace())
            .copied()
            .collect();
        if !name.is_empty() {
            names.push(String::from_utf8_lossy(&name).into_owned());
        }
    }
    names
}

/// An item whose text still holds a reference to one of the feed's own entities is refused:
/// its real content is not there.
fn refuse_entities(here: &str, doc: Doc, declared: &[String]) -> Result<Doc, IngestError> {
    let used = declared.iter().find(|n| {
        let reference = format!("&{n};");
        doc.text.contains(&reference)
            || doc.title.as_deref().is_some_and(|t| t.contains(&reference))
    });
    match used {
        Some(n) => Err(IngestError::new(
            here,
            format!(
                "item uses the entity &{n}; that the feed declares itself; such entities are \
                 not expanded (entity-expansion attacks), so the item is refused"
            ),
        )),
        None => Ok(doc),
    }
}

/// One feed item as a document.
fn entry_doc(
    here: &str,
    entry: feed_rs::model::Entry,
    outlet: Option<String>,
    language: Option<&str>,
) -> Result<Doc, IngestError> {
    let link = entry.links.first().map(|l| l.href.clone());
    let html = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
    let Some(html) = html.filter(|h| !h.trim().is_empty()) else {
        return Err(IngestError::new(
            here,
            "item has neither content nor summary",
        ));
    };
    dossier_html::check_limits(&html, &dossier_html::Limits::default())
        .map_err(|e| IngestError::new(here, format!("item content refused: {e}")))?;
    let text = fragment_text(&html);
    if text.trim().is_empty() {
        return Err(IngestError::new(here, "item content has no text"));
    }
    let source = link.clone().unwrap_or_else(|| here.to_string());
    let mut doc = Doc::new(String::new(), source, InputKind::Feed, text);
    doc.url = link;
    doc.title = entry.title.map(|t| t.content.trim().to_string());
    doc.outlet = outlet;
    doc.published = entry.published.or(entry.updated).map(|t| t.to_rfc3339());
    doc.authors = entry
        .authors
        .iter()
        .filter_map(|p| {
            p.name
                .as_deref()
                .map(author_name)
                .or_else(|| p.email.as_deref().map(author_name))
        })
        .filter(|n| !n.is_empty())
        .collect();
    finish(here, doc, language)
}

/// A feed's title names the outlet and often a section after a separator
/// ("Meridian Wire - World News", "Continental Ledger – Brussels"): keep the outlet.
fn outlet_name(title: &str) -> String {
    let title = title.trim();
    [" - ", " – ", " — ", " | ", ": "]
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .map_or(title, |i| &title[..i])
        .trim()
        .to_string()
}

/// RSS authors are often `email (Name)`; keep the name.
fn author_name(raw: &str) -> String {
    let raw = raw.trim();
    if let (Some(open), true) = (raw.find('('), raw.ends_with(')')) {
        return raw[open + 1..raw.len() - 1].trim().to_string();
    }
    raw.to_string()
}

/// The text of an HTML fragment (a feed item's body), paragraphs separated by blank lines.
/// Feed content is already the article, so no boilerplate removal is needed, only structure.
fn fragment_text(html: &str) -> String {
    if !html.contains('<') {
        return html
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
    }
    let doc = dom_query::Document::fragment(html);
    let blocks = doc.select("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre");
    let paragraphs: Vec<String> = if blocks.exists() {
        blocks
            .iter()
            // nested blocks (a <p> inside a <blockquote>) are taken once, at the innermost level
            .filter(|b| !b.select("p, li").exists())
            // a block that is nothing but a link ("More world news") is navigation
            .filter(|b| {
                let links = b.select("a").text();
                links.trim().is_empty() || links.split_whitespace().ne(b.text().split_whitespace())
            })
            .map(|b| b.text().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    } else {
        vec![
            doc.select("body")
                .text()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ]
    };
    paragraphs
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Gulf Monitor | Middle East</title><link>https://gulf.example/</link><description>News</description>
<item><title>Talks resume</title><link>https://gulf.example/a</link>
<pubDate>Wed, 07 Apr 2021 10:00:00 EST</pubDate><dc:creator>Leila Nasser</dc:creator>
<content:encoded><![CDATA[<p>Talks resumed in Vienna.</p><p>"We are hopeful," an envoy said.</p><p><a href="/world">More world news</a></p>]]></content:encoded></item>
<item><title>Empty</title><link>https://gulf.example/b</link></item>
</channel></rss>"#;

    #[test]
    fn items_become_documents() {
        let mut out = Vec::new();
        read_feed("f.xml", RSS.as_bytes(), &mut |r| out.push(r));
        assert_eq!(out.len(), 2);
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.title.as_deref(), Some("Talks resume"));
        assert_eq!(doc.outlet.as_deref(), Some("Gulf Monitor"));
        assert_eq!(doc.published.as_deref(), Some("2021-04-07T15:00:00+00:00"));
        assert_eq!(doc.authors, vec!["Leila Nasser"]);
        assert_eq!(
            doc.text,
            "Talks resumed in Vienna.\n\n\"We are hopeful,\" an envoy said."
        );
        assert!(out[1].is_err());
    }

    #[test]
    fn garbage_is_a_clear_error() {
        let mut out = Vec::new();
        read_feed("bad.xml", b"<rss><channel><item>", &mut |r| out.push(r));
        assert!(out[0].as_ref().unwrap_err().reason.contains("feed"));
    }
}
