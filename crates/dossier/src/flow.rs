//! The document flow behind `ingest`, `analyze` and `nlp`: inputs → documents → duplicate check →
//! pipeline → store or stdout, with one error line per bad input and a summary at the end.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use dossier_ingest::{IngestError, Input, expand_inputs, read_input};
use dossier_model::Doc;
use dossier_model::export::Export;
use dossier_pipeline::Pipeline;
use dossier_store::{InputStamp, NewDoc, Store};
use indicatif::{ProgressBar, ProgressStyle};

fn load_pipeline(model: Option<&Path>, no_nlp: bool) -> Result<Pipeline> {
    if no_nlp {
        return Ok(Pipeline::without_nlp());
    }
    Pipeline::load(model).context("loading the NLP model (--model DIR names one)")
}

fn report(e: &IngestError) {
    eprintln!("dossier: error: {e}");
}

/// A progress bar over inputs on a terminal; nothing when stderr is a pipe or a file.
fn progress(len: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} inputs  {msg}",
        )
        .expect("progress template")
        .progress_chars("=> "),
    );
    bar
}

fn stamp(input: &Input) -> Option<InputStamp> {
    let Input::File(path) = input else {
        return None;
    };
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos() as i64;
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
    Some(InputStamp {
        path: path.display().to_string(),
        size: meta.len(),
        modified,
    })
}

#[derive(Default)]
struct Counts {
    read: usize,
    stored: usize,
    duplicates: usize,
    present: usize,
    skipped_inputs: usize,
    errors: usize,
}

struct IngestRun<'a> {
    store: Store,
    pipeline: &'a Pipeline,
    /// Documents waiting for analysis, each with the name of the input it came from.
    batch: Vec<(Doc, String)>,
    batch_size: usize,
    counts: Counts,
}

/// Reports each document the pipeline could not analyse, naming its input and record, and
/// returns which documents must be left out: the failed ones and any copy of them in `docs`
/// (a duplicate of a document that is not stored would point nowhere).
fn failed_docs(
    docs: &[Doc],
    inputs: &[String],
    failures: &[dossier_pipeline::Failure],
) -> Vec<bool> {
    let here = |i: usize| {
        let (doc, input) = (&docs[i], &inputs[i]);
        if doc.source == *input {
            input.clone()
        } else {
            format!("{input} (record {})", doc.source)
        }
    };
    let mut out = vec![false; docs.len()];
    for f in failures {
        report(&IngestError::new(
            here(f.index),
            if f.bug {
                format!("analysis failed: {}", f.reason)
            } else {
                format!("not analysed: {}", f.reason)
            },
        ));
        out[f.index] = true;
    }
    for (i, doc) in docs.iter().enumerate() {
        if let Some(of) = &doc.duplicate_of
            && let Some(f) = failures.iter().find(|f| docs[f.index].id == *of)
        {
            report(&IngestError::new(
                here(i),
                format!(
                    "not stored: a copy of {}, whose analysis failed",
                    here(f.index)
                ),
            ));
            out[i] = true;
        }
    }
    out
}

impl IngestRun<'_> {
    /// Queues a document; returns how many documents were left out with an error if the batch
    /// was flushed.
    fn push(&mut self, doc: Doc, input: &str) -> Result<usize> {
        self.counts.read += 1;
        self.batch.push((doc, input.to_string()));
        if self.batch.len() >= self.batch_size {
            return self.flush();
        }
        Ok(0)
    }

    /// Duplicate check (the store's), analysis of the originals, one transaction. Returns how
    /// many documents were left out because their analysis failed (each reported).
    fn flush(&mut self) -> Result<usize> {
        if self.batch.is_empty() {
            return Ok(0);
        }
        let (docs, inputs): (Vec<Doc>, Vec<String>) =
            std::mem::take(&mut self.batch).into_iter().unzip();
        let mut checked = self.store.check_batch(docs)?;
        self.counts.present += checked.already_present;
        self.counts.duplicates += checked.duplicates();
        let inputs: Vec<String> = checked
            .positions
            .iter()
            .map(|&i| inputs[i].clone())
            .collect();
        let failures = self.pipeline.annotate(&mut checked.docs);
        let left_out = failed_docs(&checked.docs, &inputs, &failures);
        let batch: Vec<NewDoc> = checked
            .docs
            .into_iter()
            .zip(checked.fingerprints)
            .zip(&left_out)
            .filter(|(_, out)| !**out)
            .map(|((doc, fingerprint), _)| NewDoc { doc, fingerprint })
            .collect();
        let report = self.store.write_batch(&batch)?;
        self.counts.stored += report.stored;
        self.counts.present += report.already_present;
        Ok(left_out.iter().filter(|o| **o).count())
    }
}

pub fn ingest(
    db: &Path,
    args: &[String],
    model: Option<&Path>,
    no_nlp: bool,
    batch_size: usize,
    force: bool,
    corrections: Option<&Path>,
) -> Result<ExitCode> {
    let started = Instant::now();
    let corrections = crate::actors::load_corrections(corrections, Some(db))?;
    let (inputs, expand_errors) = expand_inputs(args);
    expand_errors.iter().for_each(report);
    let pipeline = load_pipeline(model, no_nlp)?;
    let store =
        Store::open(db).with_context(|| format!("cannot open the store {}", db.display()))?;
    let mut run = IngestRun {
        store,
        pipeline: &pipeline,
        batch: Vec::new(),
        batch_size,
        counts: Counts::default(),
    };
    run.counts.errors = expand_errors.len();
    let bar = progress(inputs.len());
    for input in &inputs {
        let name = input.name();
        let stamp = stamp(input);
        if !force
            && let Some(s) = &stamp
            && run.store.input_done(s)?
        {
            run.counts.skipped_inputs += 1;
            bar.inc(1);
            continue;
        }
        log::info!("reading {name}");
        let (mut docs, mut errors) = (0usize, 0usize);
        let mut fatal = None;
        read_input(input, &mut |item| {
            if fatal.is_some() {
                return;
            }
            match item {
                Ok(doc) => {
                    docs += 1;
                    match run.push(doc, &name) {
                        Ok(failed) => errors += failed,
                        Err(e) => fatal = Some(e),
                    }
                }
                Err(e) => {
                    errors += 1;
                    bar.suspend(|| report(&e));
                }
            }
            bar.set_message(format!(
                "{} documents, {} duplicates, {} errors",
                run.counts.read,
                run.counts.duplicates,
                run.counts.errors + errors
            ));
        });
        if let Some(e) = fatal {
            return Err(e.context(format!("while storing documents from {}", input.name())));
        }
        errors += run.flush()?;
        run.counts.errors += errors;
        if let Some(s) = &stamp {
            run.store.mark_input_done(s, docs, errors)?;
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let entities = crate::actors::resolve_store(&mut run.store, &corrections, false)
        .context("while grouping the stored actors into entities")?;
    let c = &run.counts;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "dossier: {} inputs: {} documents read, {} stored ({} duplicates), {} already present, {} inputs skipped as already read, {} errors; {entities} actors; {:.1} s, {:.0} documents/s",
        inputs.len(),
        c.read,
        c.stored,
        c.duplicates,
        c.present,
        c.skipped_inputs,
        c.errors,
        secs,
        c.read as f64 / secs.max(1e-9)
    );
    Ok(if c.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Every input read into memory: the documents, the name of the input each came from, and how
/// many inputs or records could not be read (each reported).
struct ReadAll {
    docs: Vec<Doc>,
    inputs: Vec<String>,
    errors: usize,
}

fn read_all(args: &[String]) -> ReadAll {
    let (inputs, expand_errors) = expand_inputs(args);
    expand_errors.iter().for_each(report);
    let mut all = ReadAll {
        docs: Vec::new(),
        inputs: Vec::new(),
        errors: expand_errors.len(),
    };
    let bar = progress(inputs.len());
    for input in &inputs {
        let name = input.name();
        read_input(input, &mut |item| match item {
            Ok(doc) => {
                all.docs.push(doc);
                all.inputs.push(name.clone());
            }
            Err(e) => {
                all.errors += 1;
                bar.suspend(|| report(&e));
            }
        });
        bar.inc(1);
    }
    bar.finish_and_clear();
    all
}

pub fn analyze(
    args: &[String],
    model: Option<&Path>,
    no_nlp: bool,
    pretty: bool,
    corrections: Option<&Path>,
) -> Result<ExitCode> {
    let corrections = crate::actors::load_corrections(corrections, None)?;
    let pipeline = load_pipeline(model, no_nlp)?;
    let ReadAll {
        mut docs,
        inputs,
        mut errors,
    } = read_all(args);
    // Every document is analysed here, duplicates included, so the output is complete for each
    // input record; duplicates are then marked.
    let failures = pipeline.annotate(&mut docs);
    if !failures.is_empty() {
        let left_out = failed_docs(&docs, &inputs, &failures);
        errors += failures.len();
        let mut i = 0;
        docs.retain(|_| {
            i += 1;
            !left_out[i - 1]
        });
    }
    dossier_store::mark_duplicates(&mut docs);
    let resolution = dossier_pipeline::resolve_entities(&mut docs, &corrections.corrections);
    crate::actors::warn_unmatched(&corrections.corrections, &resolution.entities);
    let corpus = dossier_model::Corpus {
        documents: docs,
        entities: resolution.entities,
        ..Default::default()
    };
    let export = Export::from_corpus(&corpus);
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(stdout);
    if pretty {
        serde_json::to_writer_pretty(&mut out, &export)?;
    } else {
        serde_json::to_writer(&mut out, &export)?;
    }
    writeln!(out)?;
    out.flush()?;
    if errors > 0 {
        eprintln!(
            "dossier: {} documents analysed, {errors} inputs or records could not be read",
            corpus.documents.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn nlp(args: &[String], model: Option<&Path>, json: bool) -> Result<ExitCode> {
    let pipeline = load_pipeline(model, false)?;
    let nlp = pipeline.nlp().context("the NLP core is not loaded")?;
    let ReadAll {
        docs,
        inputs,
        mut errors,
    } = read_all(args);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (chunk, inputs) in docs.chunks(64).zip(inputs.chunks(64)) {
        let texts: Vec<&str> = chunk.iter().map(|d| d.text.as_str()).collect();
        // The per-record backstop: a panic in the batch is found by analysing each text alone.
        let analyses: Vec<Result<_, String>> =
            match dossier_model::guard::catch(|| nlp.process_batch(&texts)) {
                Ok(all) => all.into_iter().map(Ok).collect(),
                Err(_) => texts
                    .iter()
                    .map(|t| dossier_model::guard::catch(|| nlp.process(t)))
                    .collect(),
            };
        for ((doc, input), a) in chunk.iter().zip(inputs).zip(analyses) {
            let a = match a {
                Ok(a) => a,
                Err(reason) => {
                    errors += 1;
                    report(&IngestError::new(
                        format!("{input} (record {})", doc.source),
                        format!("analysis failed: {reason}"),
                    ));
                    continue;
                }
            };
            if json {
                let mut v = a.to_json();
                v["id"] = serde_json::Value::String(doc.id.clone());
                v["source"] = serde_json::Value::String(doc.source.clone());
                serde_json::to_writer(&mut out, &v)?;
                writeln!(out)?;
            } else {
                writeln!(out, "# {}", doc.source)?;
                for (i, t) in a.tokens.iter().enumerate() {
                    let text = &a.text[t.start..t.end];
                    writeln!(
                        out,
                        "{i}\t{text}\t{}\t{}\t{}\t{}\t{}",
                        t.tag, t.pos, t.lemma, t.dep, t.head
                    )?;
                }
                for e in &a.ents {
                    let span = &a.text[a.tokens[e.start].start..a.tokens[e.end - 1].end];
                    writeln!(out, "# entity {}..{}\t{span}\t{}", e.start, e.end, e.label)?;
                }
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `dossier resolve`: groups the stored actors into entities again, with the corrections in
/// force, and saves the result.
pub fn resolve(db: &Path, corrections: Option<&Path>) -> Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!(
            "no store at {}: run `dossier ingest` first, or pass --db",
            db.display()
        );
    }
    let corrections = crate::actors::load_corrections(corrections, Some(db))?;
    let mut store =
        Store::open(db).with_context(|| format!("cannot open the store {}", db.display()))?;
    let n = crate::actors::resolve_store(&mut store, &corrections, true)?;
    eprintln!("dossier: {n} actors saved in {}", db.display());
    Ok(ExitCode::SUCCESS)
}
