//! Entity labels corrected by the knowledge base: a name the knowledge base knows as a country,
//! a nationality or an international organisation gets that type, and country names the model
//! left unlabelled become mentions. The model's slips here are systematic (capitalised table
//! rows, unfamiliar names in unfamiliar places), the knowledge base's answer is not a guess.

use dossier_kb::Kb;
use dossier_model::{Doc, Mention, Span};

/// Labels the knowledge base may overrule. DATE, CARDINAL and the like are never names.
const OVERRULABLE: &[&str] = &[
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
];

/// Relabels and adds mentions of `doc` from the knowledge base:
/// - a mention that is exactly a country's name becomes GPE ("Germany" the model called a
///   person); a person of that name in the document keeps it ("Jordan" after "Michael Jordan");
/// - exactly a nationality becomes NORP ("Iranian" called ORG);
/// - exactly an international organisation becomes ORG ("NATO" called GPE);
/// - a run of proper nouns outside any mention that is exactly a country's name becomes a GPE
///   mention.
pub fn kb_labels(doc: &mut Doc, kb: &Kb) {
    let people_words: Vec<String> = doc
        .mentions
        .iter()
        .filter(|m| m.label == "PERSON" && m.span.text(&doc.text).contains(' '))
        .flat_map(|m| {
            m.span
                .text(&doc.text)
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    for m in &mut doc.mentions {
        if !OVERRULABLE.contains(&m.label.as_str()) {
            continue;
        }
        let text = m.span.text(&doc.text);
        let label = if kb.country_by_demonym(text).is_some() {
            "NORP"
        } else if is_country(kb, text) {
            if people_words.contains(&text.to_lowercase()) {
                continue;
            }
            "GPE"
        } else if text.len() > 3 && kb.org(text).is_some() {
            "ORG"
        } else {
            continue;
        };
        if m.label != label {
            m.label = label.to_string();
        }
    }
    add_missed_countries(doc, kb, &people_words);
}

/// Country codes that news writes as names. Other two- and three-letter codes in capitals are
/// more often tickers, abbreviations or shouted words ("NLD", "AGO") than countries.
const SHORT_NAMES: &[&str] = &["US", "UK", "USA", "UAE", "PRC", "ROK"];

fn is_country(kb: &Kb, text: &str) -> bool {
    // a name is written with a capital; "pakistan" in lower case is a slip or a handle
    if !text.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= 3 && !text.contains('.') && !SHORT_NAMES.contains(&text) {
        return false;
    }
    kb.country(text).is_some()
}

/// Country names the model did not label: runs of up to four proper-noun tokens outside every
/// mention whose text is exactly a country's name.
fn add_missed_countries(doc: &mut Doc, kb: &Kb, people_words: &[String]) {
    if doc.tokens.is_empty() {
        return;
    }
    let covered = |s: Span, mentions: &[Mention]| mentions.iter().any(|m| m.span.overlaps(&s));
    let mut added = Vec::new();
    let toks = &doc.tokens;
    let mut i = 0;
    while i < toks.len() {
        let mut found = None;
        for len in (1..=4).rev() {
            let j = i + len;
            if j > toks.len() || !toks[i..j].iter().all(|t| t.pos == "PROPN") {
                continue;
            }
            // a run inside a longer name is not a country ("Germany" in "East Germany Ltd")
            let before = i > 0 && toks[i - 1].pos == "PROPN";
            let after = j < toks.len() && toks[j].pos == "PROPN";
            if before || after {
                continue;
            }
            let span = Span::new(toks[i].span.start, toks[j - 1].span.end);
            let text = span.text(&doc.text);
            if is_country(kb, text)
                && kb.country_by_demonym(text).is_none()
                && !people_words.contains(&text.to_lowercase())
                && !covered(span, &doc.mentions)
            {
                found = Some((span, len));
                break;
            }
        }
        match found {
            Some((span, len)) => {
                added.push(Mention {
                    span,
                    label: "GPE".into(),
                    entity: None,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    if !added.is_empty() {
        doc.mentions.extend(added);
        doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, mentions: &[(&str, &str)]) -> Doc {
        crate::test_docs::doc(text, mentions, crate::test_docs::by_case)
    }

    fn labels(d: &Doc) -> Vec<(String, String)> {
        crate::test_docs::labels(d)
            .into_iter()
            .map(|(t, l)| (t.to_string(), l.to_string()))
            .collect()
    }

    #[test]
    fn countries_nationalities_and_organisations_get_their_type() {
        let kb = Kb::builtin();
        let mut d = doc(
            "Germany Iranian NATO NLD",
            &[
                ("Germany", "PERSON"),
                ("Iranian", "ORG"),
                ("NATO", "GPE"),
                ("NLD", "ORG"),
            ],
        );
        kb_labels(&mut d, kb);
        let got = labels(&d);
        assert_eq!(got[0].1, "GPE");
        assert_eq!(got[1].1, "NORP");
        assert_eq!(got[2].1, "ORG");
        assert_eq!(
            got[3].1, "ORG",
            "a three-letter code is not taken for a country"
        );
    }

    #[test]
    fn a_person_keeps_a_country_name_and_missed_countries_are_added() {
        let kb = Kb::builtin();
        let mut d = doc(
            "Michael Jordan Jordan and France",
            &[("Michael Jordan", "PERSON"), ("Jordan", "PERSON")],
        );
        kb_labels(&mut d, kb);
        let got = labels(&d);
        assert_eq!(got[1], ("Jordan".to_string(), "PERSON".to_string()));
        assert_eq!(
            got.last().unwrap(),
            &("France".to_string(), "GPE".to_string())
        );
    }
}
