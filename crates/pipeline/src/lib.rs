//! dossier's analysis pipeline: the per-document stages, run in order over documents.
//!
//! Stages are pure functions of a document's text and metadata; nothing here reads files (apart
//! from loading the model once) or touches the store. Today's stages:
//!
//! 1. the NLP core (`dossier-nlp`): tokens, tags, lemmas, dependencies, sentences, entity
//!    mentions with OntoNotes labels;
//! 2. entity labels made consistent within the document and corrected by the knowledge base
//!    (`dossier-actors`; which of these steps run is [`Options`]): a name keeps one type
//!    throughout, short forms of a person's name are that person's, repeats the model missed are
//!    added, a country's name is a place;
//! 3. temporal expressions (`dossier-timex`), resolved against the publication date;
//! 4. quotations with cue and speaker (`dossier-quotes`), which read the parse and the mentions,
//!    and those of the title, read from its text alone;
//! 5. the document's actors (`dossier-actors`): its name mentions grouped by its own evidence,
//!    looked up in the knowledge base, capitals that act split off as their state.
//!
//! Then one corpus-level step, [`resolve_entities`]: the documents' actors grouped into entities
//! across documents (`dossier_actors::resolve`), and every mention and quote speaker given its
//! entity id (`dossier_actors::link_entities`).
//!
//! This crate only orders the stages and calls them; what each stage decides lives in its own
//! crate, and so does model discovery (`dossier_nlp::find_model`).
//!
//! Documents that are not English are left unannotated (they are stored and flagged by ingest).

use std::path::Path;

use dossier_actors::{Corrections, DocActors, Resolution, Rules};
use dossier_model::{Doc, Mention, Span, Token, guard};
use rayon::prelude::*;

/// The loaded stages.
pub struct Pipeline {
    nlp: Option<dossier_nlp::Pipeline>,
    options: Options,
}

/// Which entity-label steps run. [`Options::default`] is what dossier runs; turning a step off
/// is for measuring its gain (`examples/conll.rs`, docs/benchmarks.md), never a user setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The label-consistency rules (`dossier_actors::harmonise_labels_with`); all on by default.
    pub label_rules: Rules,
    /// Whether the knowledge base corrects entity labels (`dossier_actors::kb_labels`); on by
    /// default.
    pub kb_labels: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            label_rules: Rules::default(),
            kb_labels: true,
        }
    }
}

impl Pipeline {
    /// Loads the NLP model from `model`, or where [`dossier_nlp::find_model`] finds it.
    pub fn load(model: Option<&Path>) -> Result<Self, dossier_nlp::NlpError> {
        let dir = dossier_nlp::find_model(model)?;
        Ok(Pipeline {
            nlp: Some(dossier_nlp::Pipeline::load(&dir)?),
            options: Options::default(),
        })
    }

    /// A pipeline without the NLP core: time expressions only. For inputs where only the cheap
    /// stages are wanted (`--no-nlp`).
    pub fn without_nlp() -> Self {
        Pipeline {
            nlp: None,
            options: Options::default(),
        }
    }

    /// The same stages with other [`Options`].
    pub fn with_options(self, options: Options) -> Self {
        Pipeline { options, ..self }
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
                    Some(Failure {
                        index,
                        reason,
                        bug: true,
                    })
                })
                .collect();
        };
        // Refused before any work: texts longer than one analysis may be. A text has fewer
        // tokens than bytes, so only long ones are counted.
        let mut failures = Vec::new();
        let chosen: Vec<(usize, &mut Doc)> = chosen
            .into_iter()
            .filter_map(|(index, doc)| {
                let tokens = if doc.text.len() > MAX_TOKENS {
                    nlp.count_tokens(&doc.text)
                } else {
                    0
                };
                if tokens <= MAX_TOKENS {
                    return Some((index, doc));
                }
                failures.push(Failure {
                    index,
                    reason: format!(
                        "text of {tokens} tokens is longer than the limit of {MAX_TOKENS} for one article (about 80,000 words); split it into articles"
                    ),
                    bug: false,
                });
                None
            })
            .collect();
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
        let failed: Vec<Failure> = chosen
            .into_par_iter()
            .zip(analyses)
            .filter_map(|((index, doc), analysis)| {
                let done = analysis.and_then(|a| guard::catch(|| self.annotate_one(doc, &a)));
                let reason = done.err()?;
                clear_annotations(doc);
                Some(Failure {
                    index,
                    reason,
                    bug: true,
                })
            })
            .collect();
        log::info!("analysed {n} documents");
        failures.extend(failed);
        failures.sort_by_key(|f| f.index);
        failures
    }

    /// The stages after the NLP core, for one document.
    fn annotate_one(&self, doc: &mut Doc, a: &dossier_nlp::Analysis) {
        apply_nlp(doc, a);
        dossier_actors::harmonise_labels_with(doc, self.options.label_rules);
        if self.options.kb_labels {
            dossier_actors::kb_labels(doc, dossier_kb::Kb::builtin());
        }
        annotate_times(doc);
        doc.quotes = dossier_quotes::extract(doc);
        doc.title_quotes = dossier_quotes::extract_title(doc.title.as_deref().unwrap_or(""));
        doc.actors = dossier_actors::doc_actors(doc, dossier_kb::Kb::builtin());
    }
}

/// Most tokens one document may have: about 80,000 words of prose (a long-form article has
/// 2,000 to 10,000), which the NLP core analyses in about four seconds on one core. The text
/// limit in ingest bounds bytes; this bounds the work, which grows with tokens (1 MiB of short
/// words and punctuation has several times the tokens of 1 MiB of prose).
pub const MAX_TOKENS: usize = 100_000;

/// A document whose analysis failed: its index in the batch given to [`Pipeline::annotate`] and
/// why. Its annotations are cleared; callers report it and leave it out of what they store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub index: usize,
    pub reason: String,
    /// A panic caught by the backstop (a bug in a stage), rather than a document refused for
    /// exceeding a limit.
    pub bug: bool,
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
        dossier_actors::link_entities(doc, &ids);
    }
    res
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
