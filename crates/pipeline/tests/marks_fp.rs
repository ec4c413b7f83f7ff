//! Scare quotes, names and terms in quotation marks against real quotations in every mark style:
//! the false-positive rate and the recall per style, measured on `fixtures/marks.jsonl`
//! (passages written for this test) through the real pipeline: the quotes stage measured on what
//! the NLP core gives it. Prints the figures; run with `--nocapture` to see them. Headlines,
//! which need no model, are measured in `crates/quotes/tests/titles.rs`.
//!
//! - false-positive rate: passages whose marks are not a quotation (scare quotes, names, titles,
//!   terms) in which any quote flagged direct is extracted, over all such passages;
//! - recall per mark style: passages with a real quotation in which a quote flagged direct
//!   covers the quoted words, over the passages of that style;
//! - speaker accuracy (printed, not asserted): found quotations whose speaker is the expected
//!   words.

use std::collections::BTreeMap;
use std::path::PathBuf;

use dossier_model::{Doc, InputKind};
use dossier_pipeline::Pipeline;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    label: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    style: Option<String>,
    #[serde(default)]
    form: Option<String>,
    text: String,
    /// Words of the quotation that a found quote must cover.
    #[serde(default)]
    quote: Option<String>,
    #[serde(default)]
    speaker: Option<String>,
    /// `heldout` for passages written after the rules were tuned, never tuned on.
    #[serde(default)]
    set: Option<String>,
}

/// At most this share of non-quotes may be read as direct quotations (`FP_MAX`; `FP_MAX_FREE`
/// for those with no verb of saying or stance in the sentence, kinds other than `scare_verb`);
/// at least this share of each style's quotations must be found (`RECALL_MIN`). Set from what
/// the rules reach (see crates/quotes/NOTES.md): scare quotes inside a reported clause stay direct when a
/// determiner stands before them (`said hopes of a "grand bargain" faded`), because in news such
/// a phrase is more often the speaker's own (PolNeAR's annotators read it so) and dropping it
/// costs PolNeAR direct F1.
const FP_MAX: f64 = 0.08;
const FP_MAX_FREE: f64 = 0.03;
const RECALL_MIN: f64 = 0.95;

#[test]
fn scare_quotes_false_positives_and_recall_per_mark_style() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(dir) = dossier_testkit::model() else {
        return;
    };
    let p = Pipeline::load(Some(&dir)).expect("model loads");
    let data = std::fs::read_to_string(root.join("tests/fixtures/marks.jsonl")).unwrap();
    let cases: Vec<Case> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a fixture line"))
        .collect();
    assert!(cases.len() >= 150, "{} cases", cases.len());
    let mut docs: Vec<Doc> = cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            Doc::new(
                format!("m{i}"),
                "marks".into(),
                InputKind::Text,
                c.text.clone(),
            )
        })
        .collect();
    p.annotate(&mut docs);

    // (wrong, total) per kind of non-quote; (found, total) per mark style.
    let mut fp: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut recall: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut spk_ok, mut spk_all) = (0, 0);
    let mut misses = Vec::new();
    // (false positives, non-quotes, found, quotations) per set.
    let mut sets: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for (c, d) in cases.iter().zip(&docs) {
        let quotes = dossier_quotes::extract(d);
        let direct: Vec<_> = quotes.iter().filter(|q| q.direct).collect();
        let set = sets
            .entry(c.set.clone().unwrap_or_else(|| "tuned".into()))
            .or_default();
        if c.label == "not_quote" {
            let e = fp.entry(c.kind.clone().unwrap_or_default()).or_default();
            e.1 += 1;
            set[1] += 1;
            if !direct.is_empty() {
                e.0 += 1;
                set[0] += 1;
                let got: Vec<&str> = direct.iter().map(|q| q.span.text(&d.text)).collect();
                misses.push(format!("FP   {:?} -> {got:?}", c.text));
            }
            continue;
        }
        let style = c.style.clone().expect("a quote case has a style");
        let want = c.quote.as_deref().expect("a quote case names its words");
        let e = recall.entry(style.clone()).or_default();
        e.1 += 1;
        set[3] += 1;
        let hit = direct.iter().find(|q| q.span.text(&d.text).contains(want));
        let Some(hit) = hit else {
            let got: Vec<&str> = quotes.iter().map(|q| q.span.text(&d.text)).collect();
            misses.push(format!(
                "MISS {style} {:?} {:?} -> {got:?}",
                c.form.as_deref().unwrap_or(""),
                c.text
            ));
            continue;
        };
        e.0 += 1;
        set[2] += 1;
        if let Some(s) = &c.speaker {
            spk_all += 1;
            let got = hit.speaker.as_ref().map(|x| x.span.text(&d.text));
            if got == Some(s.as_str()) {
                spk_ok += 1;
            } else {
                misses.push(format!("SPKR {style} {:?}: {got:?}, want {s:?}", c.text));
            }
        }
    }
    for m in &misses {
        println!("{m}");
    }
    let (wrong, nonq) = fp.values().fold((0, 0), |(a, b), (w, t)| (a + w, b + t));
    let rate = wrong as f64 / nonq as f64;
    println!("false positives: {wrong}/{nonq} = {rate:.3}");
    for (k, (w, t)) in &fp {
        println!("  {k:<12} {w}/{t}");
    }
    let (found, all) = recall
        .values()
        .fold((0, 0), |(a, b), (f, t)| (a + f, b + t));
    println!(
        "recall: {found}/{all} = {:.3}; speaker accuracy on found: {spk_ok}/{spk_all} = {:.3}",
        found as f64 / all as f64,
        spk_ok as f64 / spk_all.max(1) as f64
    );
    for (k, (f, t)) in &recall {
        println!("  {k:<16} {f}/{t} = {:.3}", *f as f64 / *t as f64);
    }
    for (k, [w, n, f, t]) in &sets {
        println!("  set {k:<8} false positives {w}/{n}, recall {f}/{t}");
    }
    let (wrong_free, free) = fp
        .iter()
        .filter(|(k, _)| k.as_str() != "scare_verb")
        .fold((0, 0), |(a, b), (_, (w, t))| (a + w, b + t));
    let rate_free = wrong_free as f64 / free as f64;
    println!("false positives without a verb of saying: {wrong_free}/{free} = {rate_free:.3}");
    assert!(rate <= FP_MAX, "false-positive rate {rate:.3} > {FP_MAX}");
    assert!(
        rate_free <= FP_MAX_FREE,
        "false-positive rate without a verb {rate_free:.3} > {FP_MAX_FREE}"
    );
    for (k, (f, t)) in &recall {
        let r = *f as f64 / *t as f64;
        assert!(r >= RECALL_MIN, "recall for {k} {r:.3} < {RECALL_MIN}");
    }
}
