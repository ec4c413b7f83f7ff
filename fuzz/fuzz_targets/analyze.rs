//! One input record through the whole `dossier analyze` flow: ingest, every per-document stage
//! (NLP core, labels, knowledge base, time expressions, quotations, actors), resolution across
//! documents and the export contract. The first byte picks the input form; the rest is the input.
#![no_main]

use std::sync::OnceLock;

use dossier_model::Corpus;
use dossier_model::export::Export;
use dossier_pipeline::Pipeline;
use libfuzzer_sys::fuzz_target;

/// The input forms, by the file name `read_from` is given.
const NAMES: [&str; 6] = [
    "fuzz.txt",
    "fuzz.md",
    "fuzz.html",
    "fuzz.jsonl",
    "fuzz.xml",
    "fuzz.warc",
];

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let dir = dossier_fuzz::model_dir();
        Pipeline::load(Some(&dir)).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
    })
}

fuzz_target!(init: {
    // One worker thread: libFuzzer runs one input at a time, and the machine is shared.
    rayon::ThreadPoolBuilder::new().num_threads(1).build_global().ok();
    pipeline();
}, |data: &[u8]| {
    let Some((&form, input)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(form) % NAMES.len()];
    let mut docs = dossier_fuzz::read(name, input);
    let failures = pipeline().annotate(&mut docs);
    // A document over the pipeline's token limit is refused, which is no bug; a panic is.
    assert!(
        failures.iter().all(|f| !f.bug),
        "failed in the pipeline: {failures:?}"
    );
    let refused: Vec<usize> = failures.iter().map(|f| f.index).collect();
    let mut i = 0;
    docs.retain(|_| {
        i += 1;
        !refused.contains(&(i - 1))
    });
    docs.iter().for_each(dossier_fuzz::check_annotated);
    let resolution =
        dossier_pipeline::resolve_entities(&mut docs, &dossier_actors::Corrections::default());
    docs.iter().for_each(dossier_fuzz::check_annotated);
    let corpus = Corpus {
        documents: docs,
        entities: resolution.entities,
        ..Default::default()
    };
    dossier_fuzz::check_export(&Export::from_corpus(&corpus));
});
