//! The actors stage end to end: labels made consistent and names linked within a document, on
//! sentences written for these tests, annotated by the real NLP core.

use std::sync::OnceLock;

use dossier_model::{Doc, InputKind};
use dossier_pipeline::Pipeline;

fn pipeline() -> Option<&'static Pipeline> {
    static P: OnceLock<Option<Pipeline>> = OnceLock::new();
    P.get_or_init(|| {
        let dir = dossier_testkit::model()?;
        Some(Pipeline::load(Some(&dir)).expect("model loads"))
    })
    .as_ref()
}

/// The harmonised mentions of `text` as (text, label, the text of the mention it links to).
fn actors(text: &str) -> Option<Vec<(String, String, Option<String>)>> {
    let p = pipeline()?;
    let mut docs = vec![Doc::new(
        "t".into(),
        "t".into(),
        InputKind::Text,
        text.into(),
    )];
    p.annotate(&mut docs);
    let d = &mut docs[0];
    dossier_actors::harmonise_labels(d);
    let links = dossier_actors::link_within(d);
    let shown = d
        .mentions
        .iter()
        .zip(&links)
        .map(|(m, l)| {
            (
                m.span.text(&d.text).to_string(),
                m.label.clone(),
                l.map(|j| d.mentions[j].span.text(&d.text).to_string()),
            )
        })
        .collect();
    Some(shown)
}

fn find<'a>(
    shown: &'a [(String, String, Option<String>)],
    text: &str,
) -> Vec<&'a (String, String, Option<String>)> {
    shown.iter().filter(|(t, _, _)| t == text).collect()
}

#[test]
fn merkel_links_to_angela_merkel() {
    let Some(a) = actors(
        "Angela Merkel arrived in Brussels on Tuesday for the summit. \
         Merkel told reporters that the talks would be difficult.",
    ) else {
        return;
    };
    let m = find(&a, "Merkel");
    assert_eq!(m.len(), 1, "{a:?}");
    assert_eq!(m[0].1, "PERSON");
    assert_eq!(m[0].2.as_deref(), Some("Angela Merkel"));
}

#[test]
fn bush_after_two_brothers_links_to_nobody() {
    let Some(a) = actors(
        "George W. Bush met his brother Jeb Bush in Miami on Friday. \
         Bush said the meeting had been friendly.",
    ) else {
        return;
    };
    for (text, _, link) in &a {
        if text.contains("Bush") {
            assert_eq!(*link, None, "{a:?}");
        }
    }
}

#[test]
fn father_son_and_neighbour_stay_three_people() {
    let Some(a) = actors(
        "Former president George H. W. Bush and his son George W. Bush attended the service. \
         Sarah Bush, a neighbour, watched from the road. Bush later left by car.",
    ) else {
        return;
    };
    for (text, _, link) in &a {
        if text.contains("Bush") {
            assert_eq!(*link, None, "{a:?}");
        }
    }
}

#[test]
fn jordan_the_country_never_links_to_michael_jordan() {
    let Some(a) = actors(
        "Michael Jordan flew to Jordan on Monday. Jordan said he had always wanted to see \
         Petra, and King Abdullah of Jordan welcomed him.",
    ) else {
        return;
    };
    let jordans = find(&a, "Jordan");
    assert!(!jordans.is_empty(), "{a:?}");
    // "to Jordan" is the country, whatever the rest of the article says.
    assert_eq!(jordans[0].1, "GPE", "{a:?}");
    for (_, label, link) in &a {
        if let Some(target) = link {
            let t = find(&a, target);
            assert!(t.iter().any(|(_, l, _)| l == label), "{a:?}");
        }
    }
    for (_, label, link) in &jordans {
        if label == "GPE" {
            assert_ne!(link.as_deref(), Some("Michael Jordan"), "{a:?}");
        }
    }
}

#[test]
fn names_lose_their_article_and_possessive() {
    let Some(a) = actors(
        "The Federal Reserve raised rates on Wednesday. Officials at the Bank of England's \
         headquarters said the move by the Federal Reserve was expected.",
    ) else {
        return;
    };
    assert!(
        a.iter().all(|(t, _, _)| !t.starts_with("the ")
            && !t.starts_with("The ")
            && !t.ends_with("'s")),
        "{a:?}"
    );
    assert!(!find(&a, "Federal Reserve").is_empty(), "{a:?}");
}

#[test]
fn places_in_a_results_table_are_teams() {
    let Some(a) = actors(
        "Soccer results on Saturday:\nLiverpool 2 Leeds 1\nBristol 0 Newcastle 3\n\
         Liverpool said the win was deserved.",
    ) else {
        return;
    };
    for team in ["Leeds", "Bristol", "Newcastle"] {
        let m = find(&a, team);
        assert!(
            !m.is_empty() && m.iter().all(|x| x.1 == "ORG"),
            "{team}: {a:?}"
        );
    }
}
