//! Actors: the people, organisations and places news names, within one document and across a
//! corpus.
//!
//! Within one document: name spans cut to the name and entity labels made consistent across a
//! document's mentions ([`harmonise_labels`]), labels corrected by the knowledge base
//! ([`kb_labels`]), short forms of names linked to the full name they abbreviate
//! ([`link_within`]), the roles and titles the text gives people ([`roles`]), and the document's
//! actors ([`doc_actors`]: mentions grouped, looked up in the knowledge base, capitals that act
//! split off as their state). Across documents: [`resolve()`] groups documents' actors into
//! entities, with an analyst's [`Corrections`] applied last. Back onto each document,
//! [`link_entities`] writes the entities on its mentions and links its quote speakers to them
//! (named, in apposition, or a pronoun to the nearest person whose gender as the text shows it
//! agrees; see `speakers.rs` for why this is the actors stage's job).
//!
//! These are rules a careful reader applies. A name keeps one type throughout an article unless
//! the text says otherwise; "Merkel" after "Angela Merkel" is the same person. The one rule that
//! outranks recall: two different people are never merged on weak evidence. A surname that two
//! earlier full names share ("George W. Bush", "Jeb Bush", then "Bush") links to nobody, and
//! across documents a short form joins a full name only when it is the only candidate.

mod gender;
mod roles;
mod spans;
mod speakers;
mod sports;
#[cfg(test)]
mod test_docs;

pub use roles::roles;
pub use speakers::link_entities;

use std::collections::HashMap;

pub mod corrections;
mod kb_labels;
mod local;
pub mod names;
pub mod resolve;

pub use corrections::{Corrections, CorrectionsError};
pub use kb_labels::kb_labels;
pub use local::{doc_actors, kb_id, kb_info};
pub use resolve::{DocActors, KbInfo, Resolution, resolve};

use dossier_model::{Doc, Mention, Span};

/// Labels that name actors and places, the ones this crate harmonises and links. Numbers, dates
/// and the like have no "same name, same type" regularity worth enforcing.
const NAME_LABELS: &[&str] = &["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"];

/// Which harmonising rules run. [`Rules::default`] turns all of them on; the CoNLL driver turns
/// them on one by one to measure each one's gain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Name spans cut to the name: split at line breaks, without a leading "the", a trailing
    /// possessive, number or punctuation.
    pub trim: bool,
    /// Teams in sports results: in a line that reads as a result, a standings row or a fixture,
    /// the names the scores follow are organisations (a place there stands for its club).
    pub teams: bool,
    /// With `teams`: team names the model left unlabelled become ORG mentions.
    pub teams_added: bool,
    /// With `teams`: one-word PERSON mentions there are teams too.
    pub teams_persons: bool,
    /// Same surface form, same label: the majority label of a name's occurrences wins.
    pub majority: bool,
    /// A bare surname of a person named in full in the document is a person too; an acronym in
    /// brackets after its name ("(WTO)") takes the name's label.
    pub short_forms: bool,
    /// Unlabelled repeats of a person's name or surname (proper nouns, token-aligned) become
    /// mentions.
    pub add_missed: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            trim: true,
            teams: true,
            teams_added: true,
            teams_persons: true,
            majority: true,
            short_forms: true,
            add_missed: true,
        }
    }
}

pub(crate) fn is_name_label(label: &str) -> bool {
    NAME_LABELS.contains(&label)
}

/// The words of a name, with whitespace normalised. Possessive endings are not in spaCy's spans.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

fn key(doc: &Doc, m: &Mention) -> String {
    words(m.span.text(&doc.text)).join(" ")
}

/// True when `short` is `long` with some words left out, keeping the last one: "Merkel" of
/// "Angela Merkel", "George Bush" of "George W. Bush" (see [`names::is_short_of`]). A full name
/// with a digit in it ("Zemun 1 Rad") is a table row the model misread, not a name, so nothing
/// is taken to be a short form of it.
fn is_short_form(short: &[&str], long: &[&str]) -> bool {
    !long.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) && names::is_short_of(short, long)
}

/// Words that acronyms skip: "Organization of the Petroleum Exporting Countries" is OPEC.
const ACRONYM_SKIPS: &[&str] = &["of", "the", "and", "for", "on", "in", "&"];

/// True when `short` is the acronym of the name `long`: "WTO" of "World Trade Organization",
/// "NATO" of "North Atlantic Treaty Organization". Only names of two words or more, only
/// acronyms written in capitals (with or without full stops), so "Bush" is never an acronym.
pub(crate) fn is_acronym(short: &str, long: &[&str]) -> bool {
    match (acronym_letters(short), initials_of(long)) {
        (Some(letters), Some(initials)) => letters == initials,
        _ => false,
    }
}

/// The letters of an acronym written in capitals ("U.S." is "US"), if it is one.
pub(crate) fn acronym_letters(short: &str) -> Option<String> {
    let letters: String = short.chars().filter(|c| *c != '.').collect();
    (letters.len() >= 2 && letters.chars().all(|c| c.is_ascii_uppercase())).then_some(letters)
}

/// The initials an acronym of a name of two words or more spells, skipping "of", "the" and the
/// like.
pub(crate) fn initials_of(long: &[&str]) -> Option<String> {
    if long.len() < 2 {
        return None;
    }
    Some(
        long.iter()
            .filter(|w| !ACRONYM_SKIPS.contains(&w.to_lowercase().as_str()))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect(),
    )
}

/// Makes entity labels consistent within a document, in place on `doc.mentions`, with every rule
/// of [`Rules::default`].
pub fn harmonise_labels(doc: &mut Doc) {
    harmonise_labels_with(doc, Rules::default());
}

/// [`harmonise_labels`] with a chosen set of rules.
pub fn harmonise_labels_with(doc: &mut Doc, rules: Rules) {
    if rules.trim {
        spans::trim_spans(doc);
    }
    if rules.majority {
        majority_labels(doc);
    }
    if rules.short_forms {
        short_form_labels(doc);
    }
    if rules.add_missed {
        add_missed(doc);
    }
    if rules.teams {
        let teams = sports::Teams {
            add: rules.teams_added,
            lone_persons: rules.teams_persons,
        };
        sports::team_labels(doc, teams);
    }
}

/// Same surface form, same label. The label most occurrences carry is the most reliable one: the
/// model's slips are the exceptions, and they depend on the local context that the other
/// occurrences do not share. A tie keeps each occurrence's own label: there is no evidence either way.
fn majority_labels(doc: &mut Doc) {
    let mut votes: HashMap<String, HashMap<String, usize>> = HashMap::new();
    for m in doc.mentions.iter().filter(|m| is_name_label(&m.label)) {
        *votes
            .entry(fold(&key(doc, m)))
            .or_default()
            .entry(m.label.clone())
            .or_default() += weight(m.span.text(&doc.text));
    }
    let winners: HashMap<String, String> = votes
        .into_iter()
        .filter_map(|(k, v)| {
            let best = *v.values().max()?;
            let mut top: Vec<&String> = v
                .iter()
                .filter(|(_, n)| **n == best)
                .map(|(l, _)| l)
                .collect();
            (top.len() == 1).then(|| (k, top.remove(0).clone()))
        })
        .collect();
    for i in 0..doc.mentions.len() {
        if !is_name_label(&doc.mentions[i].label) {
            continue;
        }
        if let Some(w) = winners.get(&fold(&key(doc, &doc.mentions[i]))) {
            doc.mentions[i].label = w.clone();
        }
    }
}

/// Names are compared without case, so a headline's "MERKEL" meets the body's "Merkel".
fn fold(key: &str) -> String {
    key.to_lowercase()
}

/// How much one occurrence's label counts. The model reads capitals as a cue, so it labels
/// ALL-CAPS headline text far less reliably than running text: such an occurrence counts one
/// third of a normal one, enough to break a tie, never enough to outvote the body.
fn weight(text: &str) -> usize {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    if letters > 1 && upper == letters {
        1
    } else {
        3
    }
}

/// Words that put the name after them in a place: "flew to Jordan", "the king of Jordan".
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "to",
    "from",
    "into",
    "across",
    "near",
    "towards",
    "toward",
    "via",
    "throughout",
    "within",
    "outside",
    "inside",
    "around",
    "of",
    "visit",
    "visited",
    "visiting",
    "toured",
];

/// True when the word before `span` is one of [`PLACE_PREPOSITIONS`].
fn after_place_preposition(doc: &Doc, span: Span) -> bool {
    let i = doc.tokens.partition_point(|t| t.span.start < span.start);
    i.checked_sub(1)
        .and_then(|p| doc.tokens.get(p))
        .is_some_and(|t| {
            let w = t.span.text(&doc.text).to_lowercase();
            PLACE_PREPOSITIONS.contains(&w.as_str())
        })
}

/// A mention that is a short form of a person's full name used in the same document is that
/// person: "Merkel" mislabelled ORG after "Angela Merkel" becomes PERSON. The model often reads a
/// surname as a place too ("Jordan" after "Michael Jordan"), and that is usually a slip; but where
/// the text puts the name in a place ("flew to Jordan", "the king of Jordan") the place label stays.
fn short_form_labels(doc: &mut Doc) {
    let people: Vec<Vec<String>> = doc
        .mentions
        .iter()
        .filter(|m| m.label == "PERSON")
        .map(|m| {
            words(m.span.text(&doc.text))
                .into_iter()
                .map(String::from)
                .collect()
        })
        .filter(|w: &Vec<String>| w.len() > 1)
        .collect();
    for i in 0..doc.mentions.len() {
        let m = &doc.mentions[i];
        let relabel = match m.label.as_str() {
            "ORG" | "NORP" | "FAC" => true,
            "GPE" | "LOC" => !after_place_preposition(doc, m.span),
            _ => false,
        };
        if !relabel {
            continue;
        }
        let w = words(m.span.text(&doc.text));
        if people.iter().any(|p| {
            let p: Vec<&str> = p.iter().map(String::as_str).collect();
            is_short_form(&w, &p)
        }) {
            doc.mentions[i].label = "PERSON".into();
        }
    }
    // "the World Trade Organization (WTO)": the text itself says the acronym is the name, so it
    // takes the name's label.
    for i in 1..doc.mentions.len() {
        let (name, acro) = (&doc.mentions[i - 1], &doc.mentions[i]);
        let between = doc.text.get(name.span.end..acro.span.start).unwrap_or("");
        let closed = doc.text[acro.span.end..].trim_start().starts_with(')');
        if between.trim() == "("
            && closed
            && is_name_label(&name.label)
            && is_name_label(&acro.label)
        {
            let full = words(name.span.text(&doc.text));
            if is_acronym(acro.span.text(&doc.text), &full) {
                doc.mentions[i].label = name.label.clone();
            }
        }
    }
}

/// Repeats of a person's name that the model left unlabelled become PERSON mentions, and so do
/// bare surnames of people named in full. Only runs of proper-noun tokens that no
/// mention touches qualify, so "May" the month never becomes Theresa May.
fn add_missed(doc: &mut Doc) {
    let mut names: HashMap<Vec<String>, String> = HashMap::new();
    let mut conflicting: Vec<Vec<String>> = Vec::new();
    let mut note = |w: Vec<String>, label: &str| match names.get(&w) {
        Some(l) if l != label => conflicting.push(w),
        Some(_) => {}
        None => {
            names.insert(w, label.to_string());
        }
    };
    for m in doc.mentions.iter().filter(|m| is_name_label(&m.label)) {
        let w: Vec<String> = words(m.span.text(&doc.text))
            .into_iter()
            .map(String::from)
            .collect();
        if m.label == "PERSON" && w.len() > 1 {
            let surname = vec![w.last().cloned().unwrap_or_default()];
            let parts: Vec<&str> = w.iter().map(String::as_str).collect();
            if is_short_form(&[surname[0].as_str()], &parts) {
                note(surname, "PERSON");
            }
        }
        // A lone word the model once called a person ("Magna", "Surrey") is weak evidence: news
        // introduces people by their full name, so only full names and their surnames spread.
        if m.label == "PERSON" && w.len() == 1 {
            continue;
        }
        note(w, &m.label);
    }
    for c in conflicting {
        names.remove(&c);
    }
    let taken = |s: Span, ms: &[Mention]| ms.iter().any(|m| m.span.overlaps(&s));
    // People only. Measured on CoNLL dev, repeats of organisations and places added this way
    // were wrong more often than right: they spread the model's metonymy slips (a city for its
    // team) to every occurrence. A person's name repeats cleanly.
    // Names indexed by their first word, so a long document costs one look-up per token.
    let mut by_first: HashMap<&str, Vec<&Vec<String>>> = HashMap::new();
    for (w, label) in &names {
        if label == "PERSON"
            && let Some(f) = w.first()
        {
            by_first.entry(f.as_str()).or_default().push(w);
        }
    }
    let person = String::from("PERSON");
    let toks = &doc.tokens;
    let mut added = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut step = 1;
        // Longest name first: "George W. Bush" before "Bush".
        let mut best: Option<(usize, &String)> = None;
        let candidates = by_first.get(toks[i].span.text(&doc.text));
        for w in candidates.into_iter().flatten() {
            let n = w.len();
            if i + n > toks.len() || best.is_some_and(|(b, _)| b >= n) {
                continue;
            }
            let run = &toks[i..i + n];
            let same = run
                .iter()
                .zip(w.iter())
                .all(|(t, w)| t.span.text(&doc.text) == w && t.pos == "PROPN");
            if same {
                best = Some((n, &person));
            }
        }
        if let Some((n, label)) = best {
            let span = Span::new(toks[i].span.start, toks[i + n - 1].span.end);
            let capital = span
                .text(&doc.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if capital && !taken(span, &doc.mentions) {
                added.push(Mention {
                    span,
                    label: label.clone(),
                    entity: None,
                });
                step = n;
            }
        }
        i += step;
    }
    if !added.is_empty() {
        doc.mentions.extend(added);
        doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

/// For a PERSON short form followed by a comma and, within a few words, a longer PERSON name it
/// shortens, that name's mention.
fn apposed_full_name(doc: &Doc, i: usize, short: &[&str]) -> Option<usize> {
    let m = &doc.mentions[i];
    if m.label != "PERSON" {
        return None;
    }
    let rest = &doc.text[m.span.end..];
    if !rest.starts_with(',') {
        return None;
    }
    let (j, next) = doc
        .mentions
        .iter()
        .enumerate()
        .skip(i + 1)
        .find(|(_, n)| n.label == "PERSON")?;
    let between = &doc.text[m.span.end + 1..next.span.start];
    let long = words(next.span.text(&doc.text));
    (between.split_whitespace().count() <= 5
        && !between.contains(['.', ';', '"', '“', '”', '('])
        && is_short_form(short, &long))
    .then_some(j)
}

/// Within-document coreference of names: for each mention of `doc.mentions`, the index of the
/// mention it refers to (the first occurrence of its full name), or `None`.
///
/// A repeat of a name links to its first occurrence; a short form ("Merkel", "George Bush") links
/// to an earlier full name of the same label that contains it with the same last word. A short
/// form that two different earlier full names share links to nobody, however close the nearer one
/// is: "Bush" after "George W. Bush" and "Jeb Bush" is left open.
pub fn link_within(doc: &Doc) -> Vec<Option<usize>> {
    let mut links: Vec<Option<usize>> = vec![None; doc.mentions.len()];
    // First occurrence of each name, in text order; a name's root is the mention it resolves to.
    let mut first: Vec<(usize, Vec<&str>)> = Vec::new();
    for (i, m) in doc.mentions.iter().enumerate() {
        if !is_name_label(&m.label) {
            continue;
        }
        let w = words(m.span.text(&doc.text));
        let root = |j: usize, links: &[Option<usize>]| links[j].unwrap_or(j);
        // A short form the text names in full right after it is that person: "A different
        // Shariatmadari, the economist Nasrin Shariatmadari, ..." is not the Shariatmadari
        // named before.
        if let Some(j) = apposed_full_name(doc, i, &w) {
            links[i] = Some(j);
            continue;
        }
        // A short form is judged against every full name seen so far, each time: "Bush" may be
        // clear before "Jeb Bush" appears and ambiguous after.
        let mut roots: Vec<usize> = first
            .iter()
            .filter(|(j, fw)| doc.mentions[*j].label == "PERSON" && is_short_form(&w, fw))
            .map(|(j, _)| root(*j, &links))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        if roots.is_empty() && !first.iter().any(|(_, fw)| *fw == w) {
            let text = m.span.text(&doc.text);
            roots = first
                .iter()
                .filter(|(j, fw)| doc.mentions[*j].label == m.label && is_acronym(text, fw))
                .map(|(j, _)| root(*j, &links))
                .collect();
            roots.sort_unstable();
            roots.dedup();
            if roots.len() == 1 {
                links[i] = Some(roots[0]);
            }
        }
        if m.label == "PERSON" && !roots.is_empty() {
            if roots.len() == 1 {
                links[i] = Some(roots[0]);
            }
        } else if let Some((j, _)) = first
            .iter()
            .find(|(j, fw)| *fw == w && doc.mentions[*j].label == m.label)
        {
            links[i] = Some(root(*j, &links));
            continue;
        }
        if !first.iter().any(|(_, fw)| *fw == w) {
            first.push((i, w));
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_docs::{by_case, labels};

    fn doc(text: &str, mentions: &[(&str, &str)]) -> Doc {
        crate::test_docs::doc(text, mentions, by_case)
    }

    #[test]
    fn surname_links_to_the_full_name_introduced_earlier() {
        let d = doc(
            "Angela Merkel met the mayor in Kiel. Merkel later said the talks went well.",
            &[
                ("Angela Merkel", "PERSON"),
                ("Kiel", "GPE"),
                ("Merkel", "PERSON"),
            ],
        );
        assert_eq!(link_within(&d), vec![None, None, Some(0)]);
    }

    #[test]
    fn a_surname_two_bushes_share_links_to_nobody() {
        let text = "George W. Bush and his brother Jeb Bush spoke in Austin. Bush said little.";
        let d = doc(
            text,
            &[
                ("George W. Bush", "PERSON"),
                ("Jeb Bush", "PERSON"),
                ("Austin", "GPE"),
                ("Bush", "PERSON"),
            ],
        );
        assert_eq!(link_within(&d)[3], None);
    }

    #[test]
    fn a_surname_clear_at_first_becomes_ambiguous_once_a_namesake_appears() {
        let text = "Sarah Bush opened the fair. Bush thanked the volunteers. \
                    Her cousin George H. W. Bush sent a letter. Bush was not there.";
        let d = doc(
            text,
            &[
                ("Sarah Bush", "PERSON"),
                ("Bush", "PERSON"),
                ("George H. W. Bush", "PERSON"),
                ("Bush", "PERSON"),
            ],
        );
        assert_eq!(link_within(&d), vec![None, Some(0), None, None]);
    }

    #[test]
    fn a_shorter_form_shared_by_two_presidents_stays_open() {
        let text = "George W. Bush praised George H. W. Bush. Later George Bush left.";
        let d = doc(
            text,
            &[
                ("George W. Bush", "PERSON"),
                ("George H. W. Bush", "PERSON"),
                ("George Bush", "PERSON"),
            ],
        );
        assert_eq!(link_within(&d), vec![None, None, None]);
    }

    #[test]
    fn the_son_is_not_a_short_form_of_the_father() {
        let text = "George H. W. Bush greeted George W. Bush at the door.";
        let d = doc(
            text,
            &[
                ("George H. W. Bush", "PERSON"),
                ("George W. Bush", "PERSON"),
            ],
        );
        assert_eq!(link_within(&d), vec![None, None]);
    }

    #[test]
    fn jordan_the_country_is_not_michael_jordan() {
        let text = "Michael Jordan flew to Jordan in May. He said the visit to Jordan was short.";
        let mut d = doc(
            text,
            &[
                ("Michael Jordan", "PERSON"),
                ("Jordan", "GPE"),
                ("Jordan", "GPE"),
            ],
        );
        harmonise_labels(&mut d);
        assert_eq!(labels(&d)[1], ("Jordan", "GPE"));
        assert_eq!(labels(&d)[2], ("Jordan", "GPE"));
        assert_eq!(link_within(&d), vec![None, None, Some(1)]);
    }

    #[test]
    fn a_surname_named_in_full_right_after_is_that_person() {
        let d = doc(
            "Hossein Shariatmadari called the talks a trap. A different Shariatmadari, the \
             economist Nasrin Shariatmadari, disagreed.",
            &[
                ("Hossein Shariatmadari", "PERSON"),
                ("Shariatmadari", "PERSON"),
                ("Nasrin Shariatmadari", "PERSON"),
            ],
        );
        assert_eq!(link_within(&d), vec![None, Some(2), None]);
    }

    #[test]
    fn a_surname_read_as_a_country_is_the_person() {
        let text = "Michael Jordan scored 40 points. Jordan said the team played well.";
        let mut d = doc(text, &[("Michael Jordan", "PERSON"), ("Jordan", "GPE")]);
        harmonise_labels(&mut d);
        assert_eq!(labels(&d)[1], ("Jordan", "PERSON"));
        assert_eq!(link_within(&d), vec![None, Some(0)]);
    }

    #[test]
    fn a_label_slip_on_a_repeated_name_is_fixed_by_the_majority() {
        let text = "Oxfam warned of famine. Oxfam staff left Juba, and Oxfam asked for funds.";
        let mut d = doc(
            text,
            &[
                ("Oxfam", "ORG"),
                ("Oxfam", "PERSON"),
                ("Juba", "GPE"),
                ("Oxfam", "ORG"),
            ],
        );
        harmonise_labels(&mut d);
        assert_eq!(labels(&d)[1], ("Oxfam", "ORG"));
        assert_eq!(labels(&d)[2], ("Juba", "GPE"));
    }

    #[test]
    fn a_surname_mislabelled_as_an_organisation_becomes_the_person() {
        let text = "Angela Merkel arrived in Paris. Merkel told reporters she was hopeful.";
        let mut d = doc(
            text,
            &[
                ("Angela Merkel", "PERSON"),
                ("Paris", "GPE"),
                ("Merkel", "ORG"),
            ],
        );
        harmonise_labels(&mut d);
        assert_eq!(labels(&d)[2], ("Merkel", "PERSON"));
        assert_eq!(link_within(&d)[2], Some(0));
    }

    #[test]
    fn missed_repeats_and_surnames_are_added() {
        let text = "Nadia Okafor runs Lagos Water. Okafor said Nadia Okafor would stay in May.";
        let mut d = doc(text, &[("Nadia Okafor", "PERSON"), ("Lagos Water", "ORG")]);
        harmonise_labels(&mut d);
        assert_eq!(
            labels(&d),
            vec![
                ("Nadia Okafor", "PERSON"),
                ("Lagos Water", "ORG"),
                ("Okafor", "PERSON"),
                ("Nadia Okafor", "PERSON"),
            ]
        );
    }

    #[test]
    fn a_name_with_two_labels_is_not_spread() {
        // "London" is a surname here and a city there: which one a third "London" is, only the
        // text can say, so it is left alone.
        let text = "Jack London wrote about London. London was foggy.";
        let mut d = doc(text, &[("Jack London", "PERSON"), ("London", "GPE")]);
        let rules = Rules {
            trim: false,
            teams: false,
            teams_added: false,
            teams_persons: false,
            majority: false,
            short_forms: false,
            add_missed: true,
        };
        harmonise_labels_with(&mut d, rules);
        assert_eq!(
            labels(&d),
            vec![("Jack London", "PERSON"), ("London", "GPE")]
        );
    }

    #[test]
    fn a_lone_word_once_called_a_person_is_not_spread() {
        let text = "Calder posted a profit. Shares in Calder rose.";
        let mut d = doc(text, &[("Calder", "PERSON")]);
        harmonise_labels(&mut d);
        assert_eq!(labels(&d), vec![("Calder", "PERSON")]);
    }

    #[test]
    fn an_acronym_in_brackets_takes_the_name_and_its_label() {
        let text = "The World Trade Organization (WTO) met in Geneva. The WTO said little.";
        let mut d = doc(
            text,
            &[
                ("World Trade Organization", "ORG"),
                ("WTO", "PERSON"),
                ("Geneva", "GPE"),
                ("WTO", "ORG"),
            ],
        );
        harmonise_labels(&mut d);
        assert_eq!(labels(&d)[1], ("WTO", "ORG"));
        assert_eq!(link_within(&d), vec![None, Some(0), None, Some(0)]);
        assert!(is_acronym(
            "OPEC",
            &[
                "Organization",
                "of",
                "the",
                "Petroleum",
                "Exporting",
                "Countries"
            ]
        ));
        assert!(!is_acronym("Bush", &["George", "Bush"]));
    }

    #[test]
    fn short_forms_keep_their_last_word() {
        assert!(is_short_form(&["Merkel"], &["Angela", "Merkel"]));
        assert!(is_short_form(
            &["George", "Bush"],
            &["George", "W.", "Bush"]
        ));
        assert!(!is_short_form(&["Angela"], &["Angela", "Merkel"]));
        assert!(!is_short_form(&["Merkel"], &["Merkel"]));
        assert!(!is_short_form(&["Rad"], &["Zemun", "1", "Rad"]));
        assert!(!is_short_form(
            &["George", "W.", "Bush"],
            &["George", "H.", "W.", "Bush"]
        ));
        assert!(is_short_form(&["W.", "Bush"], &["George", "W.", "Bush"]));
    }
}
