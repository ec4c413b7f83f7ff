//! Roles and titles (`dossier_actors::roles`) on sentences written for these tests, parsed by the
//! real NLP core.

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

/// The roles of `text` as (name, role) pairs, in text order.
fn roles(text: &str) -> Option<Vec<(String, String)>> {
    let p = pipeline()?;
    let mut docs = vec![Doc::new(
        "t".into(),
        "t".into(),
        InputKind::Text,
        text.into(),
    )];
    p.annotate(&mut docs);
    let d = &docs[0];
    Some(
        dossier_actors::roles(d)
            .iter()
            .map(|r| {
                (
                    d.mentions[r.mention].span.text(&d.text).to_string(),
                    r.span.text(&d.text).to_string(),
                )
            })
            .collect(),
    )
}

fn check(text: &str, expected: &[(&str, &str)]) {
    let Some(got) = roles(text) else {
        return;
    };
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(n, r)| (n.to_string(), r.to_string()))
        .collect();
    assert_eq!(got, expected, "{text}");
}

#[test]
fn titles_before_the_name() {
    check(
        "Transport Ministry spokeswoman Anna Kovacs said on Monday that the ferry contract was void.",
        &[("Anna Kovacs", "Transport Ministry spokeswoman")],
    );
    check(
        "Iranian Foreign Minister Mohammad Javad Zarif rejected the offer.",
        &[("Mohammad Javad Zarif", "Iranian Foreign Minister")],
    );
    check(
        "U.S. Secretary of State Antony Blinken spoke to reporters.",
        &[("Antony Blinken", "U.S. Secretary of State")],
    );
    check(
        "The pipeline deal was signed by then-Chancellor Gerhard Schröder in 2005.",
        &[("Gerhard Schröder", "then-Chancellor")],
    );
    check(
        "The agreement was abandoned by former President Donald Trump in 2018.",
        &[("Donald Trump", "former President")],
    );
    check(
        "State Department spokesman Ned Price declined to comment.",
        &[("Ned Price", "State Department spokesman")],
    );
}

#[test]
fn a_possessive_stays_and_the_article_goes() {
    check(
        "The talks were chaired by the EU's foreign policy chief Josep Borrell on Tuesday.",
        &[("Josep Borrell", "EU's foreign policy chief")],
    );
}

#[test]
fn appositives_after_the_name() {
    check(
        "Ian Bremmer, president of the Eurasia Group, said the talks would fail.",
        &[("Ian Bremmer", "president of the Eurasia Group")],
    );
    check(
        "Mikhail Ulyanov, Russia's ambassador to international organisations in Vienna, said \
         progress had been made.",
        &[(
            "Mikhail Ulyanov",
            "Russia's ambassador to international organisations in Vienna",
        )],
    );
}

#[test]
fn the_first_appositive_that_is_a_role() {
    // The second appositive describes the company, not the man.
    check(
        "Marten Oyelaran, a founder of Brightwell, a bakery chain outside Leeds, said he was hopeful.",
        &[("Marten Oyelaran", "founder of Brightwell")],
    );
    // A party tag in brackets is no role; the appositive after it is.
    check(
        "Rep. T.J. Hallorand (D-Ore.), head of the Rural Water Caucus, spoke first.",
        &[
            ("T.J. Hallorand", "Rep."),
            ("T.J. Hallorand", "head of the Rural Water Caucus"),
        ],
    );
}

#[test]
fn appositives_before_the_name() {
    check(
        "The EU's foreign policy chief, Josep Borrell, said the meeting was constructive.",
        &[("Josep Borrell", "EU's foreign policy chief")],
    );
    // The parse hangs the name on "Vienna"; the role is still the envoy's.
    check(
        "Russia's envoy to the international organisations in Vienna, Mikhail Ulyanov, wrote on \
         Twitter that the call had been businesslike.",
        &[(
            "Mikhail Ulyanov",
            "Russia's envoy to the international organisations in Vienna",
        )],
    );
    // A role before the comma and a title of the name's own: both, once each.
    check(
        "Iran's chief negotiator, Deputy Foreign Minister Abbas Araghchi, told state television \
         after the session.",
        &[
            ("Abbas Araghchi", "Iran's chief negotiator"),
            ("Abbas Araghchi", "Deputy Foreign Minister"),
        ],
    );
}

#[test]
fn honorifics_nationalities_owners_ages_and_clauses_are_not_roles() {
    for text in [
        "Mr Smith and Dr. Jones arrived late.",
        "Mrs. Clinton left early.",
        "Iranian Zarif smiled at the cameras.",
        "CNN's Jake Tapper asked him about it.",
        "Angela Merkel, 66, met Joe Biden on Friday.",
        "Boris Johnson and Emmanuel Macron met in Paris.",
        "Jane Doe, who has advised three presidents, said no.",
    ] {
        check(text, &[]);
    }
    // An age, and a plural that names several people at once.
    check(
        "Knee trouble has slowed 71-year-old Margit Solberg since she fell in March.",
        &[],
    );
    check(
        "Prosecutors charged two Ohio builders, Dario Menck and Paul Ostrowe, with fraud.",
        &[],
    );
    // An honorific before a name with a role after it: only the role.
    check(
        "Dr. Anthony Fauci, the government's top infectious disease expert, spoke.",
        &[(
            "Anthony Fauci",
            "government's top infectious disease expert",
        )],
    );
}
