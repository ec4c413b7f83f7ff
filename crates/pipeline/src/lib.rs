//! dossier's analysis pipeline: the per-document stages, run in order over documents.
//!
//! Stages are pure functions of a document's text and metadata; nothing here reads files (apart
//! from loading the model once) or touches the store. Today's stages:
//!
//! 1. the NLP core (`dossier-nlp`): tokens, tags, lemmas, dependencies, sentences, entity
//!    mentions with OntoNotes labels;
//! 2. entity labels made consistent within the document (`dossier-actors`): a name keeps one
//!    type throughout, short forms of a person's name are that person's, repeats the model missed
//!    are added;
//! 3. temporal expressions (`dossier-timex`), resolved against the publication date;
//! 4. quotations with cue and speaker (`dossier-quotes`), which read the parse and the mentions;
//! 5. the document's actors (`dossier-actors`): its name mentions grouped by its own evidence,
//!    looked up in the knowledge base, capitals that act split off as their state.
//!
//! Then one corpus-level step, [`resolve_entities`]: the documents' actors grouped into entities
//! across documents, and every mention and quote speaker given its entity id.
//!
//! Documents that are not English are left unannotated (they are stored and flagged by ingest).

use std::path::{Path, PathBuf};

use dossier_actors::{Corrections, DocActors, Resolution};
use dossier_model::{Doc, Mention, Span, Token, guard};
use rayon::prelude::*;

/// The default pipeline, fetched by `scripts/fetch-model.sh`.
pub const DEFAULT_MODEL: &str = "models/en_core_web_sm-3.8.0";

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("no NLP model at {tried}: run scripts/fetch-model.sh, or pass --model DIR")]
    NoModel { tried: String },
    #[error(transparent)]
    Nlp(#[from] dossier_nlp::NlpError),
}

/// Where the model directory is: an explicit path, `$DOSSIER_MODEL`, `models/…` under the
/// working directory, or `models/…` beside the checkout the binary was built in.
pub fn find_model(explicit: Option<&Path>) -> Result<PathBuf, PipelineError> {
    if let Some(p) = explicit {
        return if p.join("meta.json").is_file() {
            Ok(p.to_path_buf())
        } else {
            Err(PipelineError::NoModel {
                tried: p.display().to_string(),
            })
        };
    }
    let mut tried = Vec::new();
    let mut candidates = Vec::new();
    if let Some(env) = std::env::var_os("DOSSIER_MODEL") {
        candidates.push(PathBuf::from(env));
    }
    candidates.push(PathBuf::from(DEFAULT_MODEL));
    if let Ok(exe) = std::env::current_exe() {
        // target/{debug,release}/dossier → the checkout root
        if let Some(root) = exe.parent().and_then(Path::parent).and_then(Path::parent) {
            candidates.push(root.join(DEFAULT_MODEL));
        }
    }
    for c in candidates {
        if c.join("meta.json").is_file() {
            return Ok(c);
        }
        tried.push(c.display().to_string());
    }
    Err(PipelineError::NoModel {
        tried: tried.join(", "),
    })
}

/// The loaded stages.
pub struct Pipeline {
    nlp: Option<dossier_nlp::Pipeline>,
    /// Whether the knowledge base corrects entity labels. Always on, except when
    /// `DOSSIER_NO_KB_LABELS` is set: the switch that reproduces the step's measured gain
    /// (docs/benchmarks.md).
    kb_labels: bool,
}

fn kb_labels_on() -> bool {
    std::env::var_os("DOSSIER_NO_KB_LABELS").is_none()
}

impl Pipeline {
    /// Loads the NLP model from `model` (see [`find_model`]).
    pub fn load(model: Option<&Path>) -> Result<Self, PipelineError> {
        let dir = find_model(model)?;
        Ok(Pipeline {
            nlp: Some(dossier_nlp::Pipeline::load(&dir)?),
            kb_labels: kb_labels_on(),
        })
    }

    /// A pipeline without the NLP core: time expressions only. For inputs where only the cheap
    /// stages are wanted (`--no-nlp`).
    pub fn without_nlp() -> Self {
        Pipeline {
            nlp: None,
            kb_labels: kb_labels_on(),
        }
    }

    pub fn nlp(&self) -> Option<&dossier_nlp::Pipeline> {
        self.nlp.as_ref()
    }

    /// Annotates documents in place, in parallel. Annotations already present are replaced.
    /// Documents already marked as duplicates are skipped: a reprint is not analysed twice.
    ///
    /// Each document's analysis runs under the per-record backstop ([`dossier_model::guard`]):
    /// a panic in any stage for one document leaves that document without annotations and is
    /// returned as its [`Failure`], while the others are analysed as usual.
    pub fn annotate(&self, docs: &mut [Doc]) -> Vec<Failure> {
        let chosen: Vec<(usize, &mut Doc)> = docs
            .iter_mut()
            .enumerate()
            .filter(|(_, d)| d.is_english() && d.duplicate_of.is_none())
            .collect();
        let Some(nlp) = &self.nlp else {
            return chosen
                .into_par_iter()
                .filter_map(|(index, doc)| {
                    let reason = guard::catch(|| annotate_times(doc)).err()?;
                    clear_annotations(doc);
                    Some(Failure { index, reason })
                })
                .collect();
        };
        let n = chosen.len();
        log::info!("analysing {n} documents");
        let texts: Vec<&str> = chosen.iter().map(|(_, d)| d.text.as_str()).collect();
        let analyses: Vec<Result<dossier_nlp::Analysis, String>> =
            match guard::catch(|| nlp.process_batch(&texts)) {
                Ok(all) => all.into_iter().map(Ok).collect(),
                // One text broke the shared batch: analyse each alone to find which.
                Err(_) => texts
                    .par_iter()
                    .map(|t| guard::catch(|| nlp.process(t)))
                    .collect(),
            };
        let failures = chosen
            .into_par_iter()
            .zip(analyses)
            .filter_map(|((index, doc), analysis)| {
                let done = analysis.and_then(|a| guard::catch(|| self.annotate_one(doc, &a)));
                let reason = done.err()?;
                clear_annotations(doc);
                Some(Failure { index, reason })
            })
            .collect();
        log::info!("analysed {n} documents");
        failures
    }

    /// The stages after the NLP core, for one document.
    fn annotate_one(&self, doc: &mut Doc, a: &dossier_nlp::Analysis) {
        apply_nlp(doc, a);
        dossier_actors::harmonise_labels(doc);
        if self.kb_labels {
            dossier_actors::kb_labels(doc, dossier_kb::Kb::builtin());
        }
        annotate_times(doc);
        doc.quotes = dossier_quotes::extract(doc);
        doc.title_quotes = dossier_quotes::extract_title(doc.title.as_deref().unwrap_or(""));
        doc.actors = dossier_actors::doc_actors(doc, dossier_kb::Kb::builtin());
    }
}

/// A document whose analysis failed: its index in the batch given to [`Pipeline::annotate`] and
/// why. Its annotations are cleared; callers report it and leave it out of what they store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub index: usize,
    pub reason: String,
}

/// Removes every annotation from a document, leaving its text and metadata.
fn clear_annotations(doc: &mut Doc) {
    doc.sentences.clear();
    doc.tokens.clear();
    doc.mentions.clear();
    doc.times.clear();
    doc.quotes.clear();
    doc.title_quotes.clear();
    doc.actors.clear();
}

/// Groups the actors of `docs` into entities across documents (corrections applied last) and
/// gives every mention and every quote speaker its entity id.
pub fn resolve_entities(docs: &mut [Doc], corrections: &Corrections) -> Resolution {
    let views: Vec<DocActors> = docs
        .iter()
        .map(|d| DocActors {
            doc: &d.id,
            outlet: d.outlet.as_deref(),
            actors: &d.actors,
        })
        .collect();
    let res = dossier_actors::resolve(&views, &dossier_actors::kb_info, corrections);
    for (i, doc) in docs.iter_mut().enumerate() {
        let ids: Vec<Option<String>> = res.assignment[i]
            .iter()
            .map(|&e| Some(res.entities[e].id.clone()))
            .collect();
        link_entities(doc, &ids);
    }
    res
}

/// Writes entity ids onto a document: `ids[k]` is the entity of `doc.actors[k]`. Each mention of
/// an actor gets its entity; each quote speaker gets the entity of the name it contains or, for
/// "he" and "she", of the person the pronoun refers to.
pub fn link_entities(doc: &mut Doc, ids: &[Option<String>]) {
    for m in &mut doc.mentions {
        m.entity = None;
    }
    for (actor, id) in doc.actors.iter().zip(ids) {
        for &i in &actor.mentions {
            if let Some(m) = doc.mentions.get_mut(i) {
                m.entity = id.clone();
            }
        }
    }
    let speakers: Vec<Option<(String, Option<String>)>> = doc
        .quotes
        .iter()
        .map(|q| {
            let s = q.speaker.as_ref()?;
            let id = speaker_entity(doc, s.span)
                .or_else(|| apposed_person(doc, s.span))
                .or_else(|| pronoun_antecedent(doc, s.span))?;
            let role = speaker_role(doc, ids, &id, s.span);
            Some((id, role))
        })
        .collect();
    for (q, found) in doc.quotes.iter_mut().zip(speakers) {
        if let Some(s) = q.speaker.as_mut() {
            (s.entity, s.role) = match found {
                Some((id, role)) => (Some(id), role),
                None => (None, None),
            };
        }
    }
    link_title_speakers(doc, ids);
}

/// The role this document gives the speaker's actor: the one stated nearest before the quote's
/// speaker (a title can change within an article: "then-Chancellor"), else the first.
fn speaker_role(doc: &Doc, ids: &[Option<String>], entity: &str, at: Span) -> Option<String> {
    let roles: Vec<&dossier_model::ActorRole> = doc
        .actors
        .iter()
        .zip(ids)
        .filter(|(_, id)| id.as_deref() == Some(entity))
        .flat_map(|(a, _)| &a.roles)
        .collect();
    roles
        .iter()
        .filter(|r| r.span.start <= at.end)
        .max_by_key(|r| r.span.start)
        .or_else(|| roles.iter().min_by_key(|r| r.span.start))
        .map(|r| r.text.clone())
}

/// The entity of the name that is the speaker: a person named in the speaker's words ("Iran's
/// foreign minister, Mohammad Javad Zarif" is Zarif, not Iran), else an organisation or place
/// that ends them ("the Foreign Ministry", "Tehran"). A name that only modifies the speaker is
/// not the speaker: "Trump's spokesman", "Iran's chief negotiator", "a State Department
/// official" leave the speaker unnamed.
fn speaker_entity(doc: &Doc, span: Span) -> Option<String> {
    let text = &doc.text;
    let possessive = |m: &Mention| {
        let after = &text[m.span.end..];
        after.starts_with("'s") || after.starts_with("’s") || after.starts_with('\'')
    };
    let ends_speaker = |m: &Mention| {
        text[m.span.end..span.end]
            .chars()
            .all(|c| !c.is_alphanumeric())
    };
    let inside = |m: &&Mention| {
        m.entity.is_some() && m.span.start >= span.start && m.span.end <= span.end && !possessive(m)
    };
    doc.mentions
        .iter()
        .filter(inside)
        .filter(|m| m.label == "PERSON")
        .min_by_key(|m| m.span.start)
        .or_else(|| doc.mentions.iter().filter(inside).find(|m| ends_speaker(m)))
        .and_then(|m| m.entity.clone())
}

/// Headline speakers: the title is not part of the analysed text, so its speaker is matched by
/// name against the document's actors ("Araqchi" in `Araqchi: "..."` is the actor the article
/// calls Araqchi or Abbas Araqchi), people first.
fn link_title_speakers(doc: &mut Doc, ids: &[Option<String>]) {
    let Some(title) = doc.title.clone() else {
        return;
    };
    for q in &mut doc.title_quotes {
        let Some(s) = q.speaker.as_mut() else {
            continue;
        };
        let words = dossier_actors::names::person_words(s.span.text(&title));
        let found = (!words.is_empty())
            .then(|| {
                let mut candidates: Vec<(usize, usize)> = Vec::new();
                for (k, a) in doc.actors.iter().enumerate() {
                    let rank = usize::from(a.label != "PERSON");
                    let matches = a.surfaces.iter().chain(std::iter::once(&a.name)).any(|n| {
                        let theirs = dossier_actors::names::person_words(n);
                        theirs == words
                            || (a.label == "PERSON"
                                && dossier_actors::names::is_short_of(&words, &theirs))
                    });
                    if matches {
                        candidates.push((rank, k));
                    }
                }
                candidates.sort_unstable();
                // two people the headline could mean: nobody
                match candidates.as_slice() {
                    [(r, k), (r2, _), ..] if r == r2 && ids[*k] != ids[candidates[1].1] => None,
                    [(_, k), ..] => Some(*k),
                    [] => None,
                }
            })
            .flatten();
        (s.entity, s.role) = match found {
            Some(k) => (
                ids.get(k).cloned().flatten(),
                doc.actors[k].roles.first().map(|r| r.text.clone()),
            ),
            None => (None, None),
        };
    }
}

/// Grammatical gender, as a text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
}

/// Forms of address and role words that say a person's gender.
const FEMALE_WORDS: &[&str] = &[
    "mrs",
    "ms",
    "miss",
    "madam",
    "dame",
    "lady",
    "queen",
    "princess",
    "duchess",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "councilwoman",
    "stateswoman",
    "actress",
    "wife",
    "mother",
    "daughter",
    "sister",
    "widow",
    "grandmother",
];
const MALE_WORDS: &[&str] = &[
    "mr",
    "sir",
    "lord",
    "king",
    "prince",
    "duke",
    "spokesman",
    "chairman",
    "congressman",
    "businessman",
    "councilman",
    "statesman",
    "actor",
    "husband",
    "father",
    "son",
    "brother",
    "widower",
    "grandfather",
];

fn gender_of_word(word: &str) -> Option<Gender> {
    let w = word.trim_end_matches('.').to_lowercase();
    if FEMALE_WORDS.contains(&w.as_str()) {
        Some(Gender::Female)
    } else if MALE_WORDS.contains(&w.as_str()) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The gender the document shows for an entity: a form of address right before one of its
/// mentions ("Ms Malley"), or a gendered word in a role it is given ("Foreign Ministry
/// spokeswoman"). `None` when the text does not say, or says both.
fn gender_in_doc(doc: &Doc, entity: &str) -> Option<Gender> {
    let mut seen = Vec::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.entity.as_deref() == Some(entity))
    {
        // the word before the name, or the name's own first word ("Mr Wang" tagged whole)
        let before = doc.text[..m.span.start].trim_end();
        if let Some(word) = before.rsplit(|c: char| c.is_whitespace()).next() {
            seen.extend(gender_of_word(word));
        }
        if let Some(first) = m.span.text(&doc.text).split_whitespace().next() {
            seen.extend(gender_of_word(first));
        }
    }
    for a in &doc.actors {
        let ours = a
            .mentions
            .iter()
            .any(|&i| doc.mentions.get(i).and_then(|m| m.entity.as_deref()) == Some(entity));
        if ours {
            for r in &a.roles {
                seen.extend(r.text.split_whitespace().filter_map(gender_of_word));
            }
        }
    }
    match (seen.contains(&Gender::Female), seen.contains(&Gender::Male)) {
        (true, false) => Some(Gender::Female),
        (false, true) => Some(Gender::Male),
        _ => None,
    }
}

/// For a pronoun speaker ("he said"), the nearest person named before it whose gender, as far
/// as the document shows it, agrees with the pronoun; the current paragraph is preferred by
/// being nearest. `None` for a speaker that is not a personal pronoun.
fn pronoun_antecedent(doc: &Doc, speaker: Span) -> Option<String> {
    let word = speaker.text(&doc.text).to_lowercase();
    let wanted = match word.as_str() {
        "he" | "him" => Some(Gender::Male),
        "she" | "her" => Some(Gender::Female),
        "i" => None,
        _ => return None,
    };
    dossier_quotes::antecedent(doc, speaker)?;
    doc.mentions
        .iter()
        .filter(|m| m.label == "PERSON" && m.entity.is_some() && m.span.end <= speaker.start)
        .rev()
        .find(|m| {
            let id = m.entity.as_deref().expect("filtered");
            match (wanted, gender_in_doc(doc, id)) {
                (Some(w), Some(g)) => w == g,
                _ => true,
            }
        })
        .and_then(|m| m.entity.clone())
}

/// The person named in apposition right after an unnamed speaker: "Iran's chief negotiator,
/// Deputy Foreign Minister Abbas Araghchi, told ...".
fn apposed_person(doc: &Doc, speaker: Span) -> Option<String> {
    let rest = &doc.text[speaker.end..];
    let gap = rest.len() - rest.trim_start_matches([',', ' ']).len();
    if !rest.starts_with(',') {
        return None;
    }
    let window = Span::new(speaker.end, (speaker.end + gap + 60).min(doc.text.len()));
    doc.mentions
        .iter()
        .filter(|m| m.label == "PERSON" && m.entity.is_some() && window.contains(&m.span))
        .find(|m| {
            // only title words between the comma and the name, no clause
            let between = &doc.text[speaker.end + gap..m.span.start];
            !between.contains([',', '.', ';', '"', '“', '”'])
                && between.split_whitespace().count() <= 4
        })
        .and_then(|m| m.entity.clone())
}

fn annotate_times(doc: &mut Doc) {
    doc.times = dossier_timex::extract(&doc.text, doc.published_date());
}

/// Copies the NLP core's analysis onto the document as stand-off annotations.
fn apply_nlp(doc: &mut Doc, a: &dossier_nlp::Analysis) {
    doc.tokens = a
        .tokens
        .iter()
        .map(|t| Token {
            span: Span::new(t.start, t.end),
            tag: t.tag.to_string(),
            pos: t.pos.to_string(),
            lemma: t.lemma.clone(),
            dep: t.dep.to_string(),
            head: t.head,
            space_after: t.whitespace,
        })
        .collect();
    doc.sentences = a
        .sents
        .iter()
        .filter(|(s, e)| e > s)
        .map(|&(s, e)| Span::new(a.tokens[s].start, a.tokens[e - 1].end))
        .collect();
    doc.mentions = a
        .ents
        .iter()
        .map(|e| Mention {
            span: Span::new(a.tokens[e.start].start, a.tokens[e.end - 1].end),
            label: e.label.to_string(),
            entity: None,
        })
        .collect();
}
