//! Quotations in headlines read by `extract_title` from the title alone (no model needed):
//! false positives over headlines that quote nothing, recall per headline form, and speaker
//! accuracy, measured on `fixtures/titles.jsonl` (headlines written for this test). Prints the
//! figures; run with `--nocapture` to see them. The same measure for article text, which needs
//! the NLP core, is `crates/pipeline/tests/marks_fp.rs`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

/// At most this share of headlines that quote nothing may yield a quotation, and at least this
/// share of the quotations must be found, over all forms together.
const HEADLINE_FP_MAX: f64 = 0.05;
const HEADLINE_RECALL_MIN: f64 = 0.9;

#[derive(Deserialize)]
struct TitleCase {
    label: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    form: Option<String>,
    title: String,
    #[serde(default)]
    quote: Option<String>,
    #[serde(default)]
    speaker: Option<String>,
}

/// False positives over non-quotes, recall per headline form, and speaker accuracy (a
/// quotation with no speaker expected must have none).
#[test]
fn headline_false_positives_and_recall_per_form() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(root.join("tests/fixtures/titles.jsonl")).unwrap();
    let cases: Vec<TitleCase> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a fixture line"))
        .collect();
    let mut fp: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut recall: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut spk_ok, mut spk_all) = (0, 0);
    for c in &cases {
        let t = c.title.as_str();
        let quotes = dossier_quotes::extract_title(t);
        for q in &quotes {
            assert!(t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end));
        }
        if c.label == "not_quote" {
            let e = fp.entry(c.kind.clone().unwrap_or_default()).or_default();
            e.1 += 1;
            if !quotes.is_empty() {
                e.0 += 1;
                let got: Vec<&str> = quotes.iter().map(|q| q.span.text(t)).collect();
                println!("FP   {t:?} -> {got:?}");
            }
            continue;
        }
        let form = c.form.clone().unwrap_or_default();
        let e = recall.entry(form.clone()).or_default();
        e.1 += 1;
        let want = c.quote.as_deref().unwrap_or_default();
        let Some(hit) = quotes.iter().find(|q| q.span.text(t).contains(want)) else {
            println!("MISS {form} {t:?}");
            continue;
        };
        e.0 += 1;
        spk_all += 1;
        let got = hit.speaker.as_ref().map(|s| s.span.text(t));
        if got == c.speaker.as_deref() {
            spk_ok += 1;
        } else {
            println!("SPKR {t:?}: {got:?}, want {:?}", c.speaker);
        }
    }
    let (wrong, nonq) = fp.values().fold((0, 0), |(a, b), (w, t)| (a + w, b + t));
    let (found, all) = recall
        .values()
        .fold((0, 0), |(a, b), (f, t)| (a + f, b + t));
    let rate = wrong as f64 / nonq as f64;
    println!("headlines: false positives {wrong}/{nonq} = {rate:.3}");
    for (k, (w, t)) in &fp {
        println!("  {k:<12} {w}/{t}");
    }
    println!(
        "headlines: recall {found}/{all} = {:.3}; speaker accuracy {spk_ok}/{spk_all}",
        found as f64 / all as f64
    );
    for (k, (f, t)) in &recall {
        println!("  {k:<14} {f}/{t}");
    }
    assert!(rate <= HEADLINE_FP_MAX, "headline FP rate {rate:.3}");
    assert!(
        found as f64 / all as f64 >= HEADLINE_RECALL_MIN,
        "headline recall {found}/{all}"
    );
    assert!(
        spk_ok as f64 >= 0.9 * spk_all as f64,
        "speakers {spk_ok}/{spk_all}"
    );
}
