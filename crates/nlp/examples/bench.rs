//! Throughput over a directory tree of plain-text files (e.g. the BBC corpus).
//!
//! `cargo run --release -p dossier-nlp --example bench -- MODEL_DIR FILE_LIST [THREADS]`
//! FILE_LIST holds one path per line. Words are counted as spaCy tokens that are not
//! whitespace, the same count `scripts/bench_spacy.py` uses.

use dossier_nlp::Pipeline;

// glibc's malloc fragments under this workload (peak RSS 3x); mimalloc returns memory.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::Path;
use std::time::Instant;

/// User + system CPU seconds of this process so far (Linux `/proc/self/stat`, 100 Hz ticks).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (tick(11) + tick(12)) / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: bench MODEL_DIR FILE_LIST [THREADS]");
        std::process::exit(2);
    }
    let threads: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let t0 = Instant::now();
    let nlp = Pipeline::load(Path::new(&args[1])).expect("load");
    let load = t0.elapsed().as_secs_f64();
    let list = std::fs::read_to_string(&args[2]).expect("file list");
    let texts: Vec<String> = list
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).expect("read")).into_owned())
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let t1 = Instant::now();
    let c1 = cpu_secs();
    let (mut words, mut ents, mut docs) = (0usize, 0usize, 0usize);
    // Batches of 32 documents whose results are counted and dropped, as a consumer that
    // stores them elsewhere would; peak memory is then the pipeline's working set.
    for batch in refs.chunks(32) {
        let out = pool.install(|| nlp.process_batch(batch));
        docs += out.len();
        for a in &out {
            words += a
                .tokens
                .iter()
                .filter(|t| !a.text[t.start..t.end].trim().is_empty())
                .count();
            ents += a.ents.len();
        }
    }
    let secs = t1.elapsed().as_secs_f64();
    let cpu = cpu_secs() - c1;
    println!(
        "rust threads={threads} docs={docs} words={words} ents={ents} secs={secs:.2} words_per_s={:.0} \
         cpu_s={cpu:.2} words_per_cpu_s={:.0} load_s={load:.2}",
        words as f64 / secs,
        words as f64 / cpu
    );
}
