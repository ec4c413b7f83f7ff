//! Layer-by-layer comparison with spaCy's own output (as written by
//! `scripts/spacy_dump.py`), used by the parity example and the golden tests.

use crate::Analysis;
use serde_json::Value;
use std::fmt;

/// Agreement counts per layer and the first differences found.
#[derive(Debug, Default)]
pub struct Report {
    pub docs: usize,
    pub token_docs_equal: usize,
    pub tokens_compared: usize,
    pub tag: usize,
    pub pos: usize,
    pub lemma: usize,
    pub head: usize,
    pub dep: usize,
    pub sent_start: usize,
    pub norm: usize,
    pub ents_gold: usize,
    pub ents_ours: usize,
    pub ents_equal: usize,
    pub ent_docs_equal: usize,
    pub diffs: Vec<String>,
}

impl Report {
    fn pct(a: usize, b: usize) -> f64 {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    }
    /// Share of compared tokens that agree on a layer, in percent.
    pub fn layer_pct(&self, count: usize) -> f64 {
        Self::pct(count, self.tokens_compared)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "docs {}  tokenization identical in {} ({:.3}%)",
            self.docs,
            self.token_docs_equal,
            Self::pct(self.token_docs_equal, self.docs)
        )?;
        writeln!(
            f,
            "tokens compared (docs with identical tokens): {}",
            self.tokens_compared
        )?;
        for (name, c) in [
            ("norm", self.norm),
            ("tag", self.tag),
            ("pos", self.pos),
            ("lemma", self.lemma),
            ("head", self.head),
            ("dep", self.dep),
            ("sent_start", self.sent_start),
        ] {
            writeln!(
                f,
                "  {name:<10} {:>8.3}%  ({} differ)",
                self.layer_pct(c),
                self.tokens_compared - c
            )?;
        }
        writeln!(
            f,
            "entities: spaCy {}, ours {}, identical {} (P {:.3}% R {:.3}%); docs with identical entities {} ({:.3}%)",
            self.ents_gold,
            self.ents_ours,
            self.ents_equal,
            Self::pct(self.ents_equal, self.ents_ours),
            Self::pct(self.ents_equal, self.ents_gold),
            self.ent_docs_equal,
            Self::pct(self.ent_docs_equal, self.docs)
        )?;
        for d in &self.diffs {
            writeln!(f, "  DIFF {d}")?;
        }
        Ok(())
    }
}

fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Compares our analyses with spaCy's dumps (same order).
pub fn compare(gold: &[Value], ours: &[Analysis], max_diffs: usize) -> Report {
    let mut r = Report::default();
    for (di, (g, a)) in gold.iter().zip(ours).enumerate() {
        r.docs += 1;
        let text = &a.text;
        let c2b = char_to_byte(text);
        let gt = g["tokens"].as_array().cloned().unwrap_or_default();
        let g_off: Vec<(usize, usize)> = gt
            .iter()
            .map(|t| {
                (
                    c2b[t["start"].as_u64().unwrap_or(0) as usize],
                    c2b[t["end"].as_u64().unwrap_or(0) as usize],
                )
            })
            .collect();
        let o_off: Vec<(usize, usize)> = a.tokens.iter().map(|t| (t.start, t.end)).collect();
        let note = |r: &mut Report, s: String| {
            if r.diffs.len() < max_diffs {
                r.diffs.push(format!("doc {di}: {s}"));
            }
        };
        // Entities compared by character span and label, whatever the tokens.
        let gents: Vec<(usize, usize, String)> = g["ents"]
            .as_array()
            .map(|v| {
                v.iter()
                    .map(|e| {
                        (
                            c2b[e[0].as_u64().unwrap_or(0) as usize],
                            c2b[e[1].as_u64().unwrap_or(0) as usize],
                            e[2].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let oents: Vec<(usize, usize, String)> = a
            .ents
            .iter()
            .map(|e| {
                (
                    a.tokens[e.start].start,
                    a.tokens[e.end - 1].end,
                    e.label.to_string(),
                )
            })
            .collect();
        r.ents_gold += gents.len();
        r.ents_ours += oents.len();
        r.ents_equal += oents.iter().filter(|e| gents.contains(e)).count();
        if gents == oents {
            r.ent_docs_equal += 1;
        } else {
            let miss: Vec<String> = gents
                .iter()
                .filter(|e| !oents.contains(e))
                .map(|e| format!("{}[{}]", &text[e.0..e.1], e.2))
                .collect();
            let extra: Vec<String> = oents
                .iter()
                .filter(|e| !gents.contains(e))
                .map(|e| format!("{}[{}]", &text[e.0..e.1], e.2))
                .collect();
            note(
                &mut r,
                format!("ents spaCy-only {miss:?} ours-only {extra:?}"),
            );
        }
        if g_off != o_off {
            let k = g_off
                .iter()
                .zip(&o_off)
                .position(|(x, y)| x != y)
                .unwrap_or(g_off.len().min(o_off.len()));
            let show = |v: &[(usize, usize)]| -> Vec<&str> {
                v.iter()
                    .skip(k.saturating_sub(1))
                    .take(4)
                    .map(|&(s, e)| &text[s..e])
                    .collect()
            };
            note(
                &mut r,
                format!(
                    "tokens differ at {k}: spaCy {:?} ours {:?}",
                    show(&g_off),
                    show(&o_off)
                ),
            );
            continue;
        }
        r.token_docs_equal += 1;
        for (i, (gt, ot)) in gt.iter().zip(&a.tokens).enumerate() {
            r.tokens_compared += 1;
            let word = &text[ot.start..ot.end];
            let check = |r: &mut Report, layer: &str, gv: &str, ov: &str| -> usize {
                if gv == ov {
                    1
                } else {
                    note(
                        r,
                        format!("token {i} {word:?} {layer}: spaCy {gv:?} ours {ov:?}"),
                    );
                    0
                }
            };
            r.norm += check(&mut r, "norm", gt["norm"].as_str().unwrap_or(""), &ot.norm);
            r.tag += check(&mut r, "tag", gt["tag"].as_str().unwrap_or(""), &ot.tag);
            r.pos += check(&mut r, "pos", gt["pos"].as_str().unwrap_or(""), &ot.pos);
            r.lemma += check(
                &mut r,
                "lemma",
                gt["lemma"].as_str().unwrap_or(""),
                &ot.lemma,
            );
            r.head += check(
                &mut r,
                "head",
                &gt["head"].to_string(),
                &ot.head.to_string(),
            );
            r.dep += check(&mut r, "dep", gt["dep"].as_str().unwrap_or(""), &ot.dep);
            let gs = gt["sent_start"].as_bool().unwrap_or(false);
            r.sent_start += check(
                &mut r,
                "sent_start",
                &gs.to_string(),
                &(ot.sent_start || i == 0).to_string(),
            );
        }
    }
    r
}
