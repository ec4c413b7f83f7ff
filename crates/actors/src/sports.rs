//! Teams in results and standings. In a line that reads as a sports result ("Harrowgate 3
//! Kelvindale 2", "Ashcombe 19 points , Wexley 6"), a standings row ("BRAMFORD 58 44 .569 9") or
//! a fixture ("TALLBROOK AT MERIDEN", "Castleton United v Pellham"), the names that scores follow
//! are teams: a place named there stands for its club, so it is an organisation. The model reads
//! such names as places or people and often runs them together with the scores ("Harrowgate 3
//! Kelvindale"). (The examples here are invented lines in the agency format.)
//!
//! Only the line's own shape counts, never a list of names: two names outside brackets, each
//! directly followed by a score; or a name followed only by figures; or two names
//! joined by "v", "vs" or "at" and nothing else. Names inside brackets are players with their
//! figures ("( P. Lindqvist 74 , R. Oduya 61 )") and are left alone.

use dossier_model::{Doc, Mention, Span, Token};

use crate::spans::is_number;

/// Words joining the two sides of a fixture.
const VERSUS: &[&str] = &["v", "v.", "vs", "vs.", "at", "AT", "V", "VS"];

/// Which names in results lines the rule relabels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Teams {
    /// Add unlabelled team names as ORG mentions.
    pub add: bool,
    /// Relabel single-word PERSON mentions (a full name is a player, not a team).
    pub lone_persons: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Name,
    Number,
    Open,
    Close,
    Versus,
    /// A word in lower case.
    Word,
    Punct,
}

fn kind(w: &str) -> Kind {
    if is_number(w) {
        Kind::Number
    } else if w == "(" {
        Kind::Open
    } else if w == ")" {
        Kind::Close
    } else if VERSUS.contains(&w) {
        Kind::Versus
    } else if w.chars().next().is_some_and(char::is_uppercase) {
        Kind::Name
    } else if w.chars().next().is_some_and(char::is_alphabetic) {
        Kind::Word
    } else {
        Kind::Punct
    }
}

/// True when the tokens start with a score: a whole number ("3", "471") or two joined by a hyphen
/// ("2-1", "133-5"), as one word. Bowling figures ("8-0-39-3") and dates are not scores.
fn is_score(doc: &Doc, toks: &[Token]) -> bool {
    let start = toks[0].span.start;
    let rest = &doc.text[start..];
    let word = rest.split_whitespace().next().unwrap_or("");
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// The team names of one line, as token index ranges into `toks`, if the line reads as a result,
/// a standings row or a fixture.
fn teams_in_line(doc: &Doc, toks: &[Token]) -> Vec<(usize, usize)> {
    let kinds: Vec<Kind> = toks.iter().map(|t| kind(t.span.text(&doc.text))).collect();
    // Name runs outside brackets: capitalised words, "St Aldric 's Park", a bracketed tag right
    // after a name ("Veltra ( K )").
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        match kinds[i] {
            Kind::Open => depth += 1,
            Kind::Close => depth = depth.saturating_sub(1),
            Kind::Name if depth == 0 => {
                let start = i;
                let mut end = i + 1;
                loop {
                    let w = |k: usize| toks[k].span.text(&doc.text);
                    if end < toks.len() && kinds[end] == Kind::Name {
                        end += 1;
                    } else if end + 1 < toks.len() && w(end) == "'s" && kinds[end + 1] == Kind::Name
                    {
                        end += 2;
                    } else if end + 2 < toks.len()
                        && kinds[end] == Kind::Open
                        && kinds[end + 1] == Kind::Name
                        && w(end + 1).chars().count() <= 2
                        && kinds[end + 2] == Kind::Close
                    {
                        end += 3;
                    } else {
                        break;
                    }
                }
                runs.push((start, end));
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if runs.is_empty() {
        return runs;
    }
    let outside: Vec<usize> = {
        let mut depth = 0usize;
        let mut v = Vec::new();
        for (k, kd) in kinds.iter().enumerate() {
            match kd {
                Kind::Open => depth += 1,
                Kind::Close => depth = depth.saturating_sub(1),
                _ if depth == 0 => v.push(k),
                _ => {}
            }
        }
        v
    };
    // Standings row: a name at the start, then figures only.
    let (s0, e0) = runs[0];
    if s0 == 0 && runs.len() == 1 {
        // Figures are read from the text, so "2024-03-14" (a dateline's date, three tokens) is
        // one figure.
        let rest = toks.get(e0).map_or("", |t| {
            &doc.text[t.span.start..toks[toks.len() - 1].span.end]
        });
        let figures: Vec<&str> = rest.split_whitespace().collect();
        // Standings count games, wins and points in whole numbers; a table of prices or
        // economic figures ("Output 4.17 4.62 5.03") has decimals.
        let counts = figures
            .iter()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
            .count();
        if counts >= 3 && figures.iter().all(|w| is_number(w) || *w == "-") {
            return runs;
        }
    }
    // Fixture: name, versus, name, nothing else outside brackets.
    if runs.len() == 2 && s0 == 0 {
        let (s1, e1) = runs[1];
        let between: Vec<usize> = outside
            .iter()
            .copied()
            .filter(|&k| k >= e0 && k < s1)
            .collect();
        let after_all = outside.iter().all(|&k| k < e1);
        if between.len() == 1 && kinds[between[0]] == Kind::Versus && after_all {
            // "TALLBROOK AT MERIDEN": the side after "at" is where the game is played, so only
            // the visitors are named as a team for certain.
            let at = toks[between[0]]
                .span
                .text(&doc.text)
                .eq_ignore_ascii_case("at");
            return if at { vec![runs[0]] } else { runs };
        }
    }
    // Result: at least two names outside brackets each directly followed by a score.
    let scored: Vec<(usize, usize)> = runs
        .iter()
        .copied()
        .filter(|&(_, e)| e < toks.len() && is_score(doc, &toks[e..]))
        .collect();
    // Prose that happens to hold two numbers after names ("Routes 12 and 40 in the valley")
    // has more small words than a result line ("Ashcombe 301 and 188-6 , Wexley 412",
    // "Ashcombe 19 points , Wexley 6").
    // A result has two sides: a line of many names with figures is players' figures
    // ("Okonjo 9-1-41-2 , Varga 7-0-28-1 , Pell 6-2-19-3"). A headline in capitals has no
    // small words to tell it from a result ("CITY CLINCH 2025 TITLE WITH 2-0 WIN"), so
    // there the two sides must be the only names ("KT 4 NC 1").
    // A word between two figures joins scores ("290 and 329"), it is not prose.
    let joins = |k: usize| {
        k > 0 && k + 1 < toks.len() && kinds[k - 1] == Kind::Number && kinds[k + 1] == Kind::Number
    };
    let small = outside
        .iter()
        .filter(|&&k| kinds[k] == Kind::Word && !joins(k))
        .count();
    let line = &doc.text[toks[0].span.start..toks[toks.len() - 1].span.end];
    let shouting = !line.chars().any(char::is_lowercase);
    if scored.len() == 2 && small < 2 && (!shouting || runs.len() == 2) {
        return scored;
    }
    Vec::new()
}

/// Relabels (and, with `teams.add`, adds) the team names of results lines as ORG, with spans cut
/// to the team's name.
pub(crate) fn team_labels(doc: &mut Doc, teams: Teams) {
    let mut found: Vec<Span> = Vec::new();
    let mut line_start = 0;
    for line in doc.text.split_inclusive('\n') {
        let span = Span::new(line_start, line_start + line.len());
        line_start = span.end;
        let first = doc.tokens.partition_point(|t| t.span.start < span.start);
        let last = doc.tokens.partition_point(|t| t.span.start < span.end);
        let toks: Vec<Token> = doc.tokens[first..last]
            .iter()
            .filter(|t| !t.span.text(&doc.text).trim().is_empty())
            .cloned()
            .collect();
        for (a, b) in teams_in_line(doc, &toks) {
            found.push(Span::new(toks[a].span.start, toks[b - 1].span.end));
        }
    }
    if found.is_empty() {
        return;
    }
    let mut out: Vec<Mention> = Vec::with_capacity(doc.mentions.len());
    let mut used = vec![false; found.len()];
    for m in &doc.mentions {
        let hits: Vec<usize> = (0..found.len())
            .filter(|&k| found[k].overlaps(&m.span))
            .collect();
        let relabel = match m.label.as_str() {
            "GPE" | "LOC" | "FAC" | "NORP" | "ORG" => true,
            "PERSON" => {
                teams.lone_persons
                    && (hits.len() > 1
                        || !m.span.text(&doc.text).trim().contains(char::is_whitespace))
            }
            _ => false,
        };
        if hits.is_empty() || !relabel {
            out.push(m.clone());
            continue;
        }
        for k in hits {
            if !used[k] {
                used[k] = true;
                out.push(Mention {
                    span: found[k],
                    label: "ORG".into(),
                    entity: None,
                });
            }
        }
    }
    if teams.add {
        for (k, span) in found.iter().enumerate() {
            if !used[k] && !out.iter().any(|m| m.span.overlaps(span)) {
                out.push(Mention {
                    span: *span,
                    label: "ORG".into(),
                    entity: None,
                });
            }
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    doc.mentions = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_docs::labels;

    /// A document tokenised at whitespace (untagged: the rule reads only the words).
    fn doc(text: &str, mentions: &[(&str, &str)]) -> Doc {
        crate::test_docs::doc(text, mentions, |w| (w, "", ""))
    }

    const ALL: Teams = Teams {
        add: true,
        lone_persons: true,
    };

    #[test]
    fn places_in_results_and_standings_are_teams() {
        let text = "Harrowgate 3 Kelvindale 2 ( halftime 0-2 )\n\
                    BRAMFORD 58 44 .569 9\n\
                    Ashcombe 301 and 188 ( P. Lindqvist 74 , R. Oduya 61 ) , Wexley 142 .";
        let mut d = doc(
            text,
            &[
                ("Harrowgate 3 Kelvindale", "PERSON"),
                ("BRAMFORD", "GPE"),
                ("Ashcombe", "PERSON"),
                ("P. Lindqvist", "PERSON"),
                ("R. Oduya", "PERSON"),
                ("Wexley", "GPE"),
            ],
        );
        team_labels(&mut d, ALL);
        assert_eq!(
            labels(&d),
            vec![
                ("Harrowgate", "ORG"),
                ("Kelvindale", "ORG"),
                ("BRAMFORD", "ORG"),
                ("Ashcombe", "ORG"),
                ("P. Lindqvist", "PERSON"),
                ("R. Oduya", "PERSON"),
                ("Wexley", "ORG"),
            ]
        );
    }

    #[test]
    fn in_a_fixture_the_side_after_at_is_the_venue() {
        let text = "TALLBROOK AT MERIDEN\nCastleton United v Pellham";
        let mut d = doc(
            text,
            &[
                ("TALLBROOK", "GPE"),
                ("MERIDEN", "GPE"),
                ("Castleton United", "GPE"),
            ],
        );
        team_labels(&mut d, ALL);
        assert_eq!(
            labels(&d),
            vec![
                ("TALLBROOK", "ORG"),
                ("MERIDEN", "GPE"),
                ("Castleton United", "ORG"),
                ("Pellham", "ORG"),
            ]
        );
    }

    #[test]
    fn a_headline_in_capitals_is_not_a_result() {
        let text = "CITY CLINCH 2025 TITLE WITH 2-0 WIN\nKT 4 NC 1";
        let mut d = doc(text, &[("KT", "GPE"), ("NC", "GPE")]);
        team_labels(&mut d, ALL);
        assert_eq!(labels(&d), vec![("KT", "ORG"), ("NC", "ORG")]);
    }

    #[test]
    fn prose_datelines_and_price_tables_are_not_results() {
        let text = "HARBOURTON 2024-03-14\n\
                    Routes 12 and 40 in the valley and Route 9 in Oakshire were closed .\n\
                    Output 4.17 4.62 5.03\n\
                    Marta Quell 41 percent";
        let mentions = [
            ("HARBOURTON", "GPE"),
            ("Route 9", "FAC"),
            ("Oakshire", "GPE"),
            ("Marta Quell", "PERSON"),
        ];
        let mut d = doc(text, &mentions);
        team_labels(&mut d, ALL);
        assert_eq!(labels(&d), mentions.to_vec());
    }
}
