//! Entities over the store: resolving after ingest (`dossier resolve`), and the actor commands
//! (`dossier actors`, `dossier actor NAME`). The resolution itself is `dossier-actors`'; this
//! module loads its inputs, applies the corrections file, and saves or reads its result.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use dossier_actors::{Corrections, DocActors, names::fold};
use dossier_model::{Doc, Entity};
use dossier_store::{Store, StoredEntity};
use serde::Serialize;

/// The corrections in force and their text (the text is part of the resolution's stamp).
pub struct CorrectionsFile {
    pub corrections: Corrections,
    pub text: String,
}

/// The corrections file: `explicit` if given (it must exist), else `corrections.toml` beside
/// the store (or in the working directory for `analyze`) when there is one.
pub fn load_corrections(explicit: Option<&Path>, db: Option<&Path>) -> Result<CorrectionsFile> {
    let path: Option<PathBuf> = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => {
            let dir = db
                .and_then(Path::parent)
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let p = dir.join("corrections.toml");
            p.exists().then_some(p)
        }
    };
    let Some(path) = path else {
        return Ok(CorrectionsFile {
            corrections: Corrections::none(),
            text: String::new(),
        });
    };
    let corrections = Corrections::load(&path)?;
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(CorrectionsFile { corrections, text })
}

/// Says on stderr which corrections named no actor (a typo in the file, or an actor not in this
/// corpus).
pub fn warn_unmatched(corrections: &Corrections, entities: &[Entity]) {
    for line in corrections.unmatched(entities) {
        eprintln!("dossier: warning: corrections: {line}");
    }
}

/// A corpus's entities and, per document, the entity of each of its actors.
pub struct Resolved {
    pub entities: Vec<StoredEntity>,
    pub by_doc: HashMap<String, Vec<Option<String>>>,
}

impl Resolved {
    /// Writes entity ids onto a stored document's mentions and quote speakers.
    pub fn fill(&self, doc: &mut Doc) {
        if let Some(ids) = self.by_doc.get(&doc.id) {
            dossier_pipeline::link_entities(doc, ids);
        }
    }

    pub fn plain_entities(&self) -> Vec<Entity> {
        self.entities.iter().map(|e| e.entity.clone()).collect()
    }

    /// The entity a user means by `key`: its id; else the one entity of that name or spelling
    /// (case, accents and punctuation aside); else the one entity whose name contains it. Where
    /// a key could mean several actors ("Malley" with Robert and Sarah Malley in the corpus), the
    /// candidates are listed rather than one picked. A name beats a spelling of another actor
    /// ("Washington" is the city; the United States is also written so), except a bare surname
    /// left unresolved.
    pub fn find(&self, key: &str) -> Result<Option<&StoredEntity>> {
        if let Some(e) = self.entities.iter().find(|e| e.entity.id == key) {
            return Ok(Some(e));
        }
        let f = fold(key);
        let named: Vec<&StoredEntity> = self
            .entities
            .iter()
            .filter(|e| fold(&e.entity.name) == f)
            .collect();
        let spelled: Vec<&StoredEntity> = self
            .entities
            .iter()
            .filter(|e| e.entity.aliases.iter().any(|a| fold(a) == f))
            .collect();
        let bare_surname =
            |e: &StoredEntity| e.entity.kind == "PERSON" && !e.entity.name.contains(' ');
        // people whose full name has this word: "Sullivan" may be Jake or Dan Sullivan
        let namesakes: Vec<&StoredEntity> = self
            .entities
            .iter()
            .filter(|e| e.entity.kind == "PERSON" && e.entity.name.contains(' '))
            .filter(|e| fold(&e.entity.name).split(' ').any(|w| w == f))
            .collect();
        match (named.as_slice(), spelled.as_slice()) {
            ([one], []) if bare_surname(one) && !namesakes.is_empty() => {
                let all: Vec<&StoredEntity> = named.iter().chain(&namesakes).copied().collect();
                ambiguous(key, &all)?;
            }
            ([one], []) => return Ok(Some(one)),
            ([one], _) if !bare_surname(one) => {
                let others: Vec<String> = spelled.iter().map(|e| describe(e)).take(5).collect();
                eprintln!("dossier: {key:?} is also written for {}", others.join(", "));
                return Ok(Some(one));
            }
            ([], [one]) => return Ok(Some(one)),
            ([], []) => {}
            _ => {
                let all: Vec<&StoredEntity> = named.iter().chain(&spelled).copied().collect();
                ambiguous(key, &all)?;
            }
        }
        let partial: Vec<&StoredEntity> = self
            .entities
            .iter()
            .filter(|e| fold(&e.entity.name).contains(&f))
            .collect();
        match partial.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            _ => ambiguous(key, &partial).map(|_| None),
        }
    }
}

fn describe(e: &StoredEntity) -> String {
    format!("{} ({})", e.entity.name, e.entity.id)
}

/// The error for a key that names several actors, listing them.
fn ambiguous(key: &str, candidates: &[&StoredEntity]) -> Result<()> {
    let names: Vec<String> = candidates.iter().take(8).map(|e| describe(e)).collect();
    bail!(
        "{key:?} could mean {} actors: {}; give the full name or the id",
        candidates.len(),
        names.join(", ")
    )
}

/// Resolves the stored originals and saves the result, unless what is saved is already current.
pub fn resolve_store(
    store: &mut Store,
    corrections: &CorrectionsFile,
    force: bool,
) -> Result<usize> {
    let stamp = store.resolution_stamp_for(&corrections.text)?;
    if !force && store.resolution_stamp()?.as_deref() == Some(stamp.as_str()) {
        return Ok(store.stored_entities()?.len());
    }
    log::info!("grouping the stored actors into entities");
    let resolved = compute(store, corrections)?;
    log::info!("saving {} entities", resolved.entities.len());
    let mut assignment: Vec<(&str, usize, &str)> = Vec::new();
    for (doc, ids) in &resolved.by_doc {
        for (k, id) in ids.iter().enumerate() {
            if let Some(id) = id {
                assignment.push((doc, k, id));
            }
        }
    }
    store.save_resolution(&stamp, &resolved.entities, assignment.into_iter())?;
    log::info!("saved {} entities", resolved.entities.len());
    Ok(resolved.entities.len())
}

/// The store's resolution: the saved one when it is current, else computed now (and not saved:
/// readers do not write), with a note saying how to save it.
pub fn current(store: &Store, corrections: &CorrectionsFile) -> Result<Resolved> {
    let stamp = store.resolution_stamp_for(&corrections.text)?;
    if store.resolution_stamp()?.as_deref() == Some(stamp.as_str()) {
        return Ok(Resolved {
            entities: store.stored_entities()?,
            by_doc: store.stored_assignment()?,
        });
    }
    eprintln!(
        "dossier: the saved actor list is out of date (new documents or corrections); \
         resolved afresh for this command. `dossier resolve` saves it."
    );
    compute(store, corrections)
}

fn compute(store: &Store, corrections: &CorrectionsFile) -> Result<Resolved> {
    let docs = store.actor_docs()?;
    let views: Vec<DocActors> = docs
        .iter()
        .map(|d| DocActors {
            doc: &d.id,
            outlet: d.outlet.as_deref(),
            actors: &d.actors,
        })
        .collect();
    let res = dossier_actors::resolve(&views, &dossier_actors::kb_info, &corrections.corrections);
    warn_unmatched(&corrections.corrections, &res.entities);
    let by_doc = docs
        .iter()
        .zip(&res.assignment)
        .map(|(d, a)| {
            let ids = a
                .iter()
                .map(|&e| Some(res.entities[e].id.clone()))
                .collect();
            (d.id.clone(), ids)
        })
        .collect();
    let mut entities: Vec<StoredEntity> = res
        .entities
        .into_iter()
        .zip(res.outlets)
        .map(|(entity, outlets)| StoredEntity { entity, outlets })
        .collect();
    entities.sort_by(|a, b| {
        b.entity
            .mentions
            .cmp(&a.entity.mentions)
            .then_with(|| a.entity.id.cmp(&b.entity.id))
    });
    Ok(Resolved { entities, by_doc })
}

/// Filters for `dossier actors`.
pub struct ActorFilter {
    pub kind: Option<String>,
    pub outlet: Option<String>,
    pub limit: usize,
}

#[derive(Serialize)]
struct ActorLine<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    mentions: usize,
    documents: usize,
    aliases: &'a [String],
    country: Option<&'a str>,
    /// The role the documents give it most often.
    role: Option<String>,
    outlets: &'a BTreeMap<String, usize>,
}

/// The role the documents state most often for an entity ("Iran's chief negotiator"), spelled
/// as first seen.
fn usual_role(e: &Entity) -> Option<String> {
    let mut counts: Vec<(String, usize, &str)> = Vec::new();
    for r in &e.roles {
        let key = fold(&r.text);
        match counts.iter_mut().find(|(k, _, _)| *k == key) {
            Some(c) => c.1 += 1,
            None => counts.push((key, 1, &r.text)),
        }
    }
    // most stated first; the earliest on ties (max_by_key keeps the last maximum)
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n, _)| *n)
        .map(|(_, _, t)| t.to_string())
}

fn outlet_matches(outlet: &str, wanted: &str) -> bool {
    outlet.to_lowercase().contains(&wanted.to_lowercase())
}

pub fn list(
    store: &Store,
    corrections: &CorrectionsFile,
    filter: &ActorFilter,
    json: bool,
) -> Result<ExitCode> {
    let resolved = current(store, corrections)?;
    let mut rows: Vec<(usize, &StoredEntity)> = resolved
        .entities
        .iter()
        .filter(|e| {
            filter
                .kind
                .as_deref()
                .is_none_or(|k| e.entity.kind.eq_ignore_ascii_case(k))
        })
        .filter_map(|e| {
            let n = match &filter.outlet {
                Some(o) => e
                    .outlets
                    .iter()
                    .filter(|(name, _)| outlet_matches(name, o))
                    .map(|(_, n)| n)
                    .sum(),
                None => e.entity.mentions,
            };
            (n > 0).then_some((n, e))
        })
        .collect();
    rows.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.entity.id.cmp(&b.1.entity.id))
    });
    rows.truncate(filter.limit);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        let lines: Vec<ActorLine> = rows
            .iter()
            .map(|(n, e)| ActorLine {
                id: &e.entity.id,
                name: &e.entity.name,
                kind: &e.entity.kind,
                mentions: *n,
                documents: e.entity.documents.len(),
                aliases: &e.entity.aliases,
                country: e.entity.country.as_deref(),
                role: usual_role(&e.entity),
                outlets: &e.outlets,
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &lines)?;
        writeln!(out)?;
    } else if rows.is_empty() {
        writeln!(out, "no actors")?;
    } else {
        writeln!(out, "mentions  docs  type    actor")?;
        for (n, e) in &rows {
            let e = &e.entity;
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                let shown: Vec<&str> = e.aliases.iter().take(5).map(String::as_str).collect();
                let more = e.aliases.len().saturating_sub(5);
                format!(
                    "  (also {}{})",
                    shown.join(", "),
                    if more > 0 {
                        format!(", +{more}")
                    } else {
                        String::new()
                    }
                )
            };
            let role = usual_role(e).map(|r| format!(", {r}")).unwrap_or_default();
            writeln!(
                out,
                "{n:>8} {:>5}  {:<7} {}{role}{aliases}",
                e.documents.len(),
                e.kind,
                e.name
            )?;
        }
        if filter.outlet.is_none() && !rows.is_empty() {
            writeln!(out)?;
            writeln!(out, "mentions per outlet (top {}):", rows.len().min(10))?;
            for (_, e) in rows.iter().take(10) {
                let per: Vec<String> = e
                    .outlets
                    .iter()
                    .map(|(o, n)| format!("{} {n}", if o.is_empty() { "(unknown)" } else { o }))
                    .collect();
                writeln!(out, "  {}: {}", e.entity.name, per.join(", "))?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct ActorReport<'a> {
    entity: &'a Entity,
    outlets: &'a BTreeMap<String, usize>,
    roles: Vec<RoleLine>,
    documents: Vec<DocLine>,
    co_occurring: Vec<CoLine>,
    sentences: Vec<SentenceLine>,
}

#[derive(Serialize)]
struct RoleLine {
    role: String,
    doc: String,
    outlet: Option<String>,
    sentence: String,
}

#[derive(Serialize)]
struct DocLine {
    id: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    mentions: usize,
}

#[derive(Serialize)]
struct CoLine {
    id: String,
    name: String,
    documents: usize,
}

#[derive(Serialize)]
struct SentenceLine {
    doc: String,
    text: String,
}

/// At most this many roles are shown, and this many documents read, for one actor.
const MAX_ROLES: usize = 30;
const MAX_READ: usize = 300;

pub fn show(
    store: &Store,
    corrections: &CorrectionsFile,
    key: &str,
    sentences: usize,
    documents: usize,
    json: bool,
) -> Result<ExitCode> {
    let resolved = current(store, corrections)?;
    let Some(found) = resolved.find(key)? else {
        bail!("no actor called {key:?}: `dossier actors` lists them");
    };
    let entity = &found.entity;
    let names: HashMap<&str, &str> = resolved
        .entities
        .iter()
        .map(|e| (e.entity.id.as_str(), e.entity.name.as_str()))
        .collect();
    let mut co: HashMap<&str, usize> = HashMap::new();
    for d in &entity.documents {
        let Some(ids) = resolved.by_doc.get(d) else {
            continue;
        };
        let mut seen: Vec<&str> = ids.iter().flatten().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for id in seen {
            if id != entity.id {
                *co.entry(id).or_default() += 1;
            }
        }
    }
    let mut co: Vec<CoLine> = co
        .into_iter()
        .map(|(id, n)| CoLine {
            id: id.to_string(),
            name: names.get(id).unwrap_or(&id).to_string(),
            documents: n,
        })
        .collect();
    co.sort_by(|a, b| b.documents.cmp(&a.documents).then_with(|| a.id.cmp(&b.id)));
    co.truncate(15);

    let mut docs = Vec::new();
    let mut said = Vec::new();
    let mut roles = Vec::new();
    // Read only what is shown: the first `documents`, those stating a role (up to MAX_ROLES),
    // and as many as the sentences asked for need.
    let role_docs: HashSet<&str> = entity
        .roles
        .iter()
        .take(MAX_ROLES)
        .map(|r| r.doc.as_str())
        .collect();
    let mut read = 0;
    for (k, d) in entity.documents.iter().enumerate() {
        let wanted = k < documents || role_docs.contains(d.as_str()) || said.len() < sentences;
        if !wanted || read >= MAX_READ {
            continue;
        }
        read += 1;
        let Some(mut doc) = store.doc(d)? else {
            continue;
        };
        resolved.fill(&mut doc);
        let mine: Vec<&dossier_model::Mention> = doc
            .mentions
            .iter()
            .filter(|m| m.entity.as_deref() == Some(entity.id.as_str()))
            .collect();
        for r in entity.roles.iter().filter(|r| r.doc == doc.id) {
            roles.push(RoleLine {
                role: r.text.clone(),
                doc: doc.id.clone(),
                outlet: doc.outlet.clone(),
                sentence: one_line(r.sentence.text(&doc.text)),
            });
        }
        if said.len() < sentences {
            for s in &doc.sentences {
                if said.len() >= sentences {
                    break;
                }
                if mine.iter().any(|m| s.contains(&m.span)) {
                    said.push(SentenceLine {
                        doc: doc.id.clone(),
                        text: one_line(s.text(&doc.text)),
                    });
                }
            }
        }
        if k >= documents {
            continue;
        }
        docs.push(DocLine {
            id: doc.id.clone(),
            title: doc.title.clone(),
            outlet: doc.outlet.clone(),
            published: doc.published.clone(),
            mentions: mine.len(),
        });
    }
    let report = ActorReport {
        entity,
        outlets: &found.outlets,
        roles,
        documents: docs,
        co_occurring: co,
        sentences: said,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print_report(&mut out, &report)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn short(id: &str) -> &str {
    &id[..8.min(id.len())]
}

fn print_report(out: &mut impl Write, r: &ActorReport) -> Result<()> {
    let e = r.entity;
    writeln!(out, "{} ({}, {})", e.name, e.kind, e.id)?;
    if let Some(c) = &e.country {
        writeln!(out, "  country: {c}")?;
    }
    writeln!(
        out,
        "  {} mentions in {} documents",
        e.mentions,
        e.documents.len()
    )?;
    if !e.aliases.is_empty() {
        writeln!(out, "  also written: {}", e.aliases.join(", "))?;
    }
    let per: Vec<String> = r
        .outlets
        .iter()
        .map(|(o, n)| format!("{} {n}", if o.is_empty() { "(unknown)" } else { o }))
        .collect();
    writeln!(out, "  outlets: {}", per.join(", "))?;
    if !r.roles.is_empty() {
        writeln!(out, "\nroles:")?;
        for role in &r.roles {
            writeln!(
                out,
                "  {} — {} [{}]\n      {}",
                role.role,
                role.outlet.as_deref().unwrap_or("?"),
                short(&role.doc),
                role.sentence
            )?;
        }
    }
    writeln!(
        out,
        "\ndocuments{}:",
        if r.documents.len() < e.documents.len() {
            format!(" (first {} of {})", r.documents.len(), e.documents.len())
        } else {
            String::new()
        }
    )?;
    for d in &r.documents {
        let date = crate::query::day(d.published.as_deref());
        writeln!(
            out,
            "  {date} {} [{}] {} ({} mentions)",
            d.outlet.as_deref().unwrap_or("?"),
            short(&d.id),
            d.title.as_deref().unwrap_or("(untitled)"),
            d.mentions
        )?;
    }
    if !r.co_occurring.is_empty() {
        writeln!(out, "\nappears with:")?;
        for c in &r.co_occurring {
            writeln!(out, "  {} ({} documents)", c.name, c.documents)?;
        }
    }
    if !r.sentences.is_empty() {
        writeln!(out, "\nsentences:")?;
        for s in &r.sentences {
            writeln!(out, "  [{}] {}", short(&s.doc), s.text)?;
        }
    }
    Ok(())
}
