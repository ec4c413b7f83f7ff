//! The read-side commands: `search`, `show`, `export`, `stats`, `check`.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use dossier_model::export::{Export, ExportDoc};
use dossier_store::{SearchOptions, Store};

use crate::actors;

fn open_existing(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!(
            "no store at {}: run `dossier ingest` first, or pass --db",
            db.display()
        );
    }
    Store::open_for_reading(db).with_context(|| format!("cannot open the store {}", db.display()))
}

fn check_date(flag: &str, d: &Option<String>) -> Result<()> {
    if let Some(d) = d
        && chrono_like_date(d).is_none()
    {
        bail!("--{flag} {d}: expected a date as YYYY-MM-DD");
    }
    Ok(())
}

fn chrono_like_date(s: &str) -> Option<()> {
    let parts: Vec<&str> = s.split('-').collect();
    (parts.len() == 3 && parts[0].len() == 4 && parts.iter().all(|p| p.parse::<u32>().is_ok()))
        .then_some(())
}

pub fn search(
    db: &Path,
    query: &str,
    limit: usize,
    since: Option<String>,
    until: Option<String>,
    json: bool,
) -> Result<ExitCode> {
    check_date("since", &since)?;
    check_date("until", &until)?;
    let store = open_existing(db)?;
    let tty = std::io::stdout().is_terminal();
    let mark = if tty {
        ("\x1b[1;4m".to_string(), "\x1b[0m".to_string())
    } else {
        ("**".to_string(), "**".to_string())
    };
    let opts = SearchOptions {
        limit,
        since,
        until,
        mark: mark.clone(),
    };
    let hits = store.search(query, &opts)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        let hits: Vec<_> = hits
            .into_iter()
            .map(|mut h| {
                h.snippet = h.snippet.replace(['\u{1}', '\u{2}'], "**");
                h
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &hits)?;
        writeln!(out)?;
    } else if hits.is_empty() {
        writeln!(out, "no matches")?;
    } else {
        for h in hits {
            let date = day(h.published.as_deref());
            writeln!(
                out,
                "{date}  {}  {}  [{}]",
                h.outlet.as_deref().unwrap_or("(no outlet)"),
                h.title.as_deref().unwrap_or("(untitled)"),
                &h.id
            )?;
            let snippet = h
                .snippet
                .replace('\u{1}', &mark.0)
                .replace('\u{2}', &mark.1);
            writeln!(out, "    {snippet}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn show(db: &Path, corrections: Option<&Path>, key: &str, json: bool) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let Some(mut doc) = store.doc(key)? else {
        bail!(
            "no document `{key}` in {} (give an id, a unique id prefix, or a source)",
            db.display()
        );
    };
    let corrections = actors::load_corrections(corrections, Some(db))?;
    actors::current(&store, &corrections)?.fill(&mut doc);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &ExportDoc::from_doc(&doc))?;
        writeln!(out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let line = |label: &str, v: Option<&str>| format!("{label:<12}{}", v.unwrap_or("-"));
    writeln!(out, "{}", line("id", Some(&doc.id)))?;
    writeln!(out, "{}", line("title", doc.title.as_deref()))?;
    writeln!(out, "{}", line("outlet", doc.outlet.as_deref()))?;
    writeln!(out, "{}", line("published", doc.published.as_deref()))?;
    writeln!(
        out,
        "{}",
        line(
            "authors",
            Some(&doc.authors.join(", "))
                .filter(|s| !s.is_empty())
                .map(|s| s.as_str())
        )
    )?;
    writeln!(out, "{}", line("source", Some(&doc.source)))?;
    writeln!(out, "{}", line("url", doc.url.as_deref()))?;
    writeln!(out, "{}", line("language", doc.language.as_deref()))?;
    writeln!(out, "{}", line("dateline", doc.dateline.as_deref()))?;
    if let Some(d) = &doc.duplicate_of {
        writeln!(out, "{}", line("duplicate of", Some(d)))?;
    }
    writeln!(out, "\n{}\n", doc.text)?;
    if !doc.mentions.is_empty() {
        writeln!(out, "mentions:")?;
        for m in &doc.mentions {
            writeln!(
                out,
                "  {:<10}{:<40}{}",
                m.label,
                m.span.text(&doc.text),
                m.entity.as_deref().unwrap_or("")
            )?;
        }
    }
    if !doc.times.is_empty() {
        writeln!(out, "times:")?;
        for t in &doc.times {
            writeln!(
                out,
                "  {:<10}{:<16}{}",
                t.kind.as_str(),
                t.value.as_deref().unwrap_or("?"),
                t.span.text(&doc.text)
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn export(db: &Path, corrections: Option<&Path>, jsonl: bool) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let corrections = actors::load_corrections(corrections, Some(db))?;
    let resolved = actors::current(&store, &corrections)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if jsonl {
        let mut failure = None;
        store.for_each_doc(|mut doc| {
            resolved.fill(&mut doc);
            if failure.is_none()
                && let Err(e) = serde_json::to_writer(&mut out, &ExportDoc::from_doc(&doc))
                    .map_err(anyhow::Error::from)
                    .and_then(|_| Ok(writeln!(out)?))
            {
                failure = Some(e);
            }
        })?;
        if let Some(e) = failure {
            return Err(e);
        }
    } else {
        let mut corpus = dossier_model::Corpus {
            entities: resolved.plain_entities(),
            ..Default::default()
        };
        store.for_each_doc(|mut doc| {
            resolved.fill(&mut doc);
            corpus.documents.push(doc)
        })?;
        serde_json::to_writer(&mut out, &Export::from_corpus(&corpus))?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn stats(db: &Path, json: bool) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let s = store.stats()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &s)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "documents     {} ({} duplicates, {} originals indexed)",
            s.documents, s.duplicates, s.indexed
        )?;
        writeln!(out, "inputs read   {}", s.inputs)?;
        writeln!(
            out,
            "published     {} to {}",
            s.first_published.as_deref().unwrap_or("?"),
            s.last_published.as_deref().unwrap_or("?")
        )?;
        writeln!(
            out,
            "annotations   {} entity mentions, {} time expressions, {} quotes",
            s.mentions, s.times, s.quotes
        )?;
        writeln!(out, "actors        {} (as last resolved)", s.entities)?;
        for (title, groups) in [
            ("by outlet", &s.by_outlet),
            ("by input kind", &s.by_kind),
            ("by language", &s.by_language),
        ] {
            writeln!(out, "{title}:")?;
            for (k, n) in groups {
                writeln!(out, "  {n:>6}  {k}")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Opens the store for writing (which repairs an index left behind by a crash), then verifies.
pub fn check(db: &Path) -> Result<ExitCode> {
    if !db.exists() {
        bail!("no store at {}", db.display());
    }
    let store =
        Store::open(db).with_context(|| format!("cannot open the store {}", db.display()))?;
    let problems = store.check()?;
    if problems.is_empty() {
        println!("ok: {} is consistent", db.display());
        Ok(ExitCode::SUCCESS)
    } else {
        for p in problems {
            println!("problem: {p}");
        }
        Ok(ExitCode::FAILURE)
    }
}

#[derive(serde::Serialize)]
struct TimelineItem {
    start: String,
    end: String,
    value: String,
    text: String,
    rule: String,
    anchor: Option<String>,
    doc: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    /// The sentence the phrase is in, when the NLP core ran.
    sentence: Option<String>,
}

fn parse_day(flag: &str, s: &Option<String>) -> Result<Option<chrono::NaiveDate>> {
    s.as_deref()
        .map(|d| {
            dossier_dates::iso_day(d)
                .with_context(|| format!("--{flag} {d}: expected a date as YYYY-MM-DD"))
        })
        .transpose()
}

pub fn timeline(
    db: &Path,
    since: Option<String>,
    until: Option<String>,
    skip_publication_day: bool,
    json: bool,
) -> Result<ExitCode> {
    let since = parse_day("since", &since)?;
    let until = parse_day("until", &until)?;
    let store = open_existing(db)?;
    let mut items = Vec::new();
    store.for_each_doc(|doc| {
        let published = doc.published_date();
        for t in &doc.times {
            let Some(value) = &t.value else { continue };
            let Some((start, end)) = dossier_timex::timeline::interval(value) else {
                continue;
            };
            if since.is_some_and(|s| end < s) || until.is_some_and(|u| start > u) {
                continue;
            }
            if skip_publication_day && start == end && Some(start) == published {
                continue;
            }
            let sentence = doc
                .sentences
                .iter()
                .find(|s| s.contains(&t.span))
                .map(|s| s.text(&doc.text).trim().to_string());
            items.push(TimelineItem {
                start: start.to_string(),
                end: end.to_string(),
                value: value.clone(),
                text: t.span.text(&doc.text).to_string(),
                rule: t.rule.clone(),
                anchor: t.anchor.clone(),
                doc: doc.id.clone(),
                title: doc.title.clone(),
                outlet: doc.outlet.clone(),
                published: doc.published.clone(),
                sentence,
            });
        }
    })?;
    // Earlier first; within the same start, the narrower interval first.
    items.sort_by(|a, b| (&a.start, &a.end, &a.doc).cmp(&(&b.start, &b.end, &b.doc)));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &items)?;
        writeln!(out)?;
    } else if items.is_empty() {
        writeln!(out, "no dated items")?;
    } else {
        for i in &items {
            let when = if i.start == i.end {
                i.start.clone()
            } else {
                format!("{} .. {}", i.start, i.end)
            };
            let why = match &i.anchor {
                Some(a) => format!("{}, from {a}", i.rule),
                None => i.rule.clone(),
            };
            writeln!(
                out,
                "{when:<24} {:<12} \"{}\"  ({why})  {} — {} [{}]",
                i.value,
                i.text,
                i.outlet.as_deref().unwrap_or("?"),
                i.title.as_deref().unwrap_or("(untitled)"),
                &i.doc[..8.min(i.doc.len())]
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// What `dossier quotes` lists.
pub struct QuoteFilter {
    pub by: Option<String>,
    pub about: Option<String>,
    pub outlet: Option<String>,
    pub direct_only: bool,
}

#[derive(serde::Serialize)]
struct QuoteItem {
    speaker: Option<String>,
    /// The entity id of the speaker, when resolved, and the actor's name.
    speaker_entity: Option<String>,
    speaker_name: Option<String>,
    /// The speaker's role as the article states it.
    speaker_role: Option<String>,
    /// From the headline (spans into the title) rather than the text.
    headline: bool,
    cue: Option<String>,
    text: String,
    direct: bool,
    doc: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
}

/// The day of a publication date, or dashes when there is none, for listings.
pub(crate) fn day(published: Option<&str>) -> &str {
    published
        .map(|p| p.get(..10).unwrap_or(p))
        .unwrap_or("----------")
}

fn contains_ci(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

pub fn quotes(
    db: &Path,
    corrections: Option<&Path>,
    filter: &QuoteFilter,
    json: bool,
) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let corrections = actors::load_corrections(corrections, Some(db))?;
    let resolved = actors::current(&store, &corrections)?;
    // --by and --about name actors when they can: every spelling of the actor matches.
    let actor = |key: &Option<String>| -> Result<Option<(String, String)>> {
        Ok(match key {
            Some(k) => resolved
                .find(k)?
                .map(|e| (e.entity.id.clone(), e.entity.name.clone())),
            None => None,
        })
    };
    let by_actor = actor(&filter.by)?;
    let about_actor = actor(&filter.about)?;
    for (flag, found) in [("--by", &by_actor), ("--about", &about_actor)] {
        if let Some((id, name)) = found {
            eprintln!("dossier: {flag} matches the actor {name} ({id}) in every spelling");
        }
    }
    let names: std::collections::HashMap<&str, String> = resolved
        .entities
        .iter()
        .map(|e| (e.entity.id.as_str(), e.entity.name.clone()))
        .collect();
    let mut items = Vec::new();
    store.for_each_doc(|mut doc| {
        resolved.fill(&mut doc);
        if filter
            .outlet
            .as_deref()
            .is_some_and(|o| !doc.outlet.as_deref().is_some_and(|d| contains_ci(d, o)))
        {
            return;
        }
        // Headline quotes (spans into the title) are listed too, their cue marked `headline`.
        let title = doc.title.as_deref().unwrap_or("");
        let all = (doc.quotes.iter().map(|q| (q, false)))
            .chain(doc.title_quotes.iter().map(|q| (q, true)));
        for (q, headline) in all {
            if filter.direct_only && !q.direct {
                continue;
            }
            let src = if headline { title } else { doc.text.as_str() };
            // Title spans must not be compared with the text's mentions.
            let mentions = if headline { &[][..] } else { &doc.mentions[..] };
            let speaker = q.speaker.as_ref().map(|s| s.span.text(src).to_string());
            let speaker_entity = q.speaker.as_ref().and_then(|s| s.entity.clone());
            let speaker_role = q.speaker.as_ref().and_then(|s| s.role.clone());
            match (&by_actor, &filter.by) {
                (Some((id, _)), _) if speaker_entity.as_deref() != Some(id.as_str()) => continue,
                // not an actor's name: the speaker's words or role ("foreign minister")
                (None, Some(by))
                    if !speaker.as_deref().is_some_and(|s| contains_ci(s, by))
                        && !speaker_role.as_deref().is_some_and(|r| contains_ci(r, by)) =>
                {
                    continue;
                }
                _ => {}
            }
            let text = q.span.text(src);
            if let Some((id, name)) = &about_actor {
                let named = mentions
                    .iter()
                    .any(|m| q.span.contains(&m.span) && m.entity.as_deref() == Some(id.as_str()))
                    || (headline
                        && (contains_ci(text, name)
                            || filter
                                .about
                                .as_deref()
                                .is_some_and(|a| contains_ci(text, a))));
                if !named {
                    continue;
                }
            } else if let Some(about) = &filter.about {
                let named = mentions.iter().any(|m| {
                    q.span.contains(&m.span) && contains_ci(m.span.text(&doc.text), about)
                });
                if !named && !contains_ci(text, about) {
                    continue;
                }
            }
            let cue = q.cue.map(|c| c.text(src).to_string());
            items.push(QuoteItem {
                speaker,
                speaker_name: speaker_entity
                    .as_deref()
                    .and_then(|id| names.get(id).cloned()),
                speaker_entity,
                speaker_role,
                headline,
                cue,
                text: text.to_string(),
                direct: q.direct,
                doc: doc.id.clone(),
                title: doc.title.clone(),
                outlet: doc.outlet.clone(),
                published: doc.published.clone(),
            });
        }
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &items)?;
        writeln!(out)?;
    } else if items.is_empty() {
        writeln!(out, "no quotations")?;
    } else {
        for q in &items {
            let date = day(q.published.as_deref());
            // "he" is shown with the actor it stands for; the actor's name where the words differ
            let who = match (q.speaker.as_deref(), q.speaker_name.as_deref()) {
                (Some(s), Some(n)) if !contains_ci(s, n) && !contains_ci(n, s) => {
                    format!("{s} [{n}]")
                }
                (Some(s), _) => s.to_string(),
                (None, _) => "(unattributed)".to_string(),
            };
            let role = q
                .speaker_role
                .as_deref()
                .filter(|r| !q.speaker.as_deref().is_some_and(|s| contains_ci(s, r)))
                .map(|r| format!(", {r}"))
                .unwrap_or_default();
            writeln!(
                out,
                "{who}{role} ({}), {date}, {}{}:",
                q.cue.as_deref().unwrap_or("-"),
                q.outlet.as_deref().unwrap_or("?"),
                if q.headline { ", headline" } else { "" },
            )?;
            let body = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
            writeln!(
                out,
                "    {}{body}  [{}]",
                if q.direct { "" } else { "(reported) " },
                &q.doc[..8.min(q.doc.len())]
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn actors(
    db: &Path,
    corrections: Option<&Path>,
    filter: &actors::ActorFilter,
    json: bool,
) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let corrections = actors::load_corrections(corrections, Some(db))?;
    actors::list(&store, &corrections, filter, json)
}

pub fn actor(
    db: &Path,
    corrections: Option<&Path>,
    name: &str,
    sentences: usize,
    documents: usize,
    json: bool,
) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let corrections = actors::load_corrections(corrections, Some(db))?;
    actors::show(&store, &corrections, name, sentences, documents, json)
}
