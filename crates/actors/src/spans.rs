//! Name spans cut to the name: the model's mention spans often carry words that are not part of
//! the name ("the Federal Reserve", "Bosnia 's", "J. Pooley 111", a heading run on into the next
//! line). A careful reader names "Federal Reserve", "Bosnia", "J. Pooley".

use dossier_model::{Doc, Mention, Span, Token};

use crate::is_name_label;

/// True for a token that cannot end a name: a possessive ending, a number, punctuation other than
/// a closing bracket. Roads and buildings keep their numbers ("Interstate 95", "Terminal 5"), and
/// "Apollo 11" is a PRODUCT, which is not a name label here.
fn trailing_junk(doc: &Doc, t: &Token, label: &str) -> bool {
    let w = t.span.text(&doc.text);
    t.tag == "POS"
        || (is_number(w) && !matches!(label, "FAC" | "LOC"))
        || (w.chars().all(|c| c.is_ascii_punctuation()) && !w.ends_with(')') && w != ".")
}

/// A token made of digits and the signs scores and figures use: "111", "2-1", "4.38", ".474".
pub(crate) fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '/' | ':'))
}

/// True for a token that cannot start a name: the lower-case article ("the Federal Reserve"; a
/// capital "The" may be part of it, "The Hague") and punctuation other than an opening bracket.
fn leading_junk(doc: &Doc, t: &Token, sentence_start: bool) -> bool {
    let w = t.span.text(&doc.text);
    (t.tag == "DT" && (w == "the" || (w == "The" && sentence_start)))
        || (w.chars().all(|c| c.is_ascii_punctuation()) && !w.starts_with('('))
}

/// True when `t` starts a sentence or a line.
fn starts_sentence(doc: &Doc, t: &Token) -> bool {
    let before = doc.text[..t.span.start].trim_end_matches([' ', '\t']);
    before.is_empty()
        || before.ends_with('\n')
        || doc
            .sentences
            .binary_search_by_key(&t.span.start, |s| s.start)
            .is_ok()
}

/// Cuts every name mention to its name: split at line breaks (a name never runs over one, a
/// heading or a table cell ends there), then leading articles and punctuation and trailing
/// possessives, numbers and punctuation are dropped. A piece left without a capital letter is no
/// name and is dropped.
pub(crate) fn trim_spans(doc: &mut Doc) {
    let mut out: Vec<Mention> = Vec::with_capacity(doc.mentions.len());
    let mut changed = false;
    for m in &doc.mentions {
        if !is_name_label(&m.label) {
            out.push(m.clone());
            continue;
        }
        let first = doc.tokens.partition_point(|t| t.span.end <= m.span.start);
        let last = doc.tokens.partition_point(|t| t.span.start < m.span.end);
        let toks = &doc.tokens[first..last.max(first)];
        if toks.is_empty() {
            out.push(m.clone());
            continue;
        }
        // Pieces of the mention's tokens on one line each.
        let mut pieces: Vec<&[Token]> = Vec::new();
        let mut start = 0;
        for i in 0..toks.len() {
            let w = toks[i].span.text(&doc.text);
            if w.trim().is_empty() {
                // A whitespace token (the tagger's `_SP`): a line break inside the span.
                pieces.push(&toks[start..i]);
                start = i + 1;
            } else if i > 0 && doc.text[toks[i - 1].span.end..toks[i].span.start].contains('\n') {
                pieces.push(&toks[start..i]);
                start = i;
            }
        }
        pieces.push(&toks[start..]);
        let mut kept = Vec::new();
        for p in pieces {
            let mut a = 0;
            let mut b = p.len();
            while a < b && leading_junk(doc, &p[a], starts_sentence(doc, &p[a])) {
                a += 1;
            }
            // An opening bracket the span does not close is where the name ended: "the
            // Organisation of Islamic Conference ( OIC".
            let open = p[a..b].iter().rposition(|t| t.span.text(&doc.text) == "(");
            let close = p[a..b].iter().rposition(|t| t.span.text(&doc.text) == ")");
            if let Some(o) = open
                && close.is_none_or(|c| c < o)
            {
                b = a + o;
            }
            while b > a && trailing_junk(doc, &p[b - 1], &m.label) {
                b -= 1;
            }
            if a == b {
                continue;
            }
            let span = Span::new(
                p[a].span.start.max(m.span.start),
                p[b - 1].span.end.min(m.span.end),
            );
            if span.text(&doc.text).chars().any(char::is_uppercase) {
                kept.push(span);
            }
        }
        if kept.len() != 1 || kept[0] != m.span {
            changed = true;
        }
        out.extend(kept.into_iter().map(|span| Mention {
            span,
            label: m.label.clone(),
            entity: m.entity.clone(),
        }));
    }
    if changed {
        out.sort_by_key(|m| (m.span.start, m.span.end));
        doc.mentions = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document tokenised at whitespace, tagged as a tagger would tag these few words, with the
    /// given mentions (text, label), found in order.
    fn doc(text: &str, mentions: &[(&str, &str)]) -> Doc {
        crate::test_docs::doc(text, mentions, |w| {
            let tag = match w {
                "the" | "The" => "DT",
                "'s" => "POS",
                w if is_number(w) => "CD",
                _ => "NNP",
            };
            (w, tag, "")
        })
    }

    fn texts(d: &Doc) -> Vec<&str> {
        d.mentions.iter().map(|m| m.span.text(&d.text)).collect()
    }

    #[test]
    fn articles_possessives_and_scores_are_not_part_of_names() {
        let mut d = doc(
            "The Federal Reserve met the Bank of England 's governor . Pooley 111 , Kent 2",
            &[
                ("The Federal Reserve", "ORG"),
                ("the Bank of England 's", "ORG"),
                ("Pooley 111", "PERSON"),
                ("Kent 2", "GPE"),
            ],
        );
        trim_spans(&mut d);
        assert_eq!(
            texts(&d),
            vec!["Federal Reserve", "Bank of England", "Pooley", "Kent"]
        );
    }

    #[test]
    fn a_name_ends_at_a_line_break_and_roads_keep_their_numbers() {
        let mut d = doc(
            "take Interstate 95 to\nBOSTON AT OAKLAND\nNATIONAL LEAGUE",
            &[
                ("Interstate 95", "FAC"),
                ("OAKLAND\nNATIONAL LEAGUE", "ORG"),
            ],
        );
        trim_spans(&mut d);
        assert_eq!(
            texts(&d),
            vec!["Interstate 95", "OAKLAND", "NATIONAL LEAGUE"]
        );
    }

    #[test]
    fn an_unclosed_bracket_ends_the_name() {
        let mut d = doc(
            "thanked the Organisation of Islamic Conference ( OIC ) today",
            &[("the Organisation of Islamic Conference ( OIC", "ORG")],
        );
        trim_spans(&mut d);
        assert_eq!(texts(&d), vec!["Organisation of Islamic Conference"]);
    }
}
