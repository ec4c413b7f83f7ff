//! Quote speakers linked to entities, on passages written for these tests and parsed by the real
//! NLP core (`dossier_testkit` says what a missing model does).

use dossier_actors::Corrections;
use dossier_model::{Doc, InputKind};
use dossier_pipeline::{Pipeline, resolve_entities};

/// A quote's speaker: its words, the name of its entity, its role.
type Said = (String, Option<String>, Option<String>);

/// Every quote's speaker after annotation and resolution.
fn speakers(text: &str) -> Option<Vec<Said>> {
    let dir = dossier_testkit::model()?;
    let p = Pipeline::load(Some(&dir)).expect("model loads");
    let mut docs = vec![Doc::new(
        "d".into(),
        "t".into(),
        InputKind::Text,
        text.into(),
    )];
    p.annotate(&mut docs);
    let res = resolve_entities(&mut docs, &Corrections::none());
    let name = |id: &str| {
        res.entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.clone())
    };
    let d = &docs[0];
    Some(
        d.quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref())
            .map(|s| {
                (
                    s.span.text(&d.text).to_string(),
                    s.entity.as_deref().and_then(name),
                    s.role.clone(),
                )
            })
            .collect(),
    )
}

#[test]
fn named_speakers_pronouns_and_appositions() {
    let Some(got) = speakers(
        "Iran's chief negotiator, Deputy Foreign Minister Abbas Araghchi, told state television \
         that the talks were constructive.\n\n\"We are not in a hurry,\" Araghchi said. \"The \
         sanctions must go first.\"\n\n\"Nobody should expect a deal this week,\" he added.",
    ) else {
        return;
    };
    assert!(!got.is_empty(), "{got:?}");
    for (words, entity, _) in &got {
        assert_eq!(
            entity.as_deref(),
            Some("Abbas Araghchi"),
            "{words}: {got:?}"
        );
    }
    assert!(
        got.iter().any(
            |(_, _, role)| role.as_deref() == Some("Deputy Foreign Minister")
                || role.as_deref() == Some("Iran's chief negotiator")
        ),
        "{got:?}"
    );
}

#[test]
fn a_name_that_only_modifies_the_speaker_is_not_the_speaker() {
    let Some(got) = speakers(
        "\"The president has no plans to travel to Vienna,\" Biden's spokesman said on Monday. \
         \"We will judge Tehran by its actions,\" a State Department official told reporters.",
    ) else {
        return;
    };
    assert_eq!(got.len(), 2, "{got:?}");
    for (words, entity, _) in &got {
        assert_eq!(
            entity, &None,
            "{words} is not Biden or the State Department"
        );
    }
}

#[test]
fn a_pronoun_goes_to_the_nearest_person_of_its_gender() {
    let Some(got) = speakers(
        "Health Ministry spokeswoman Anna Kovacs spoke after the envoy, Mr Brandt, had left.\n\n\
         \"We have made our position clear,\" she said.",
    ) else {
        return;
    };
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("Anna Kovacs"), "{got:?}");
}

#[test]
fn a_pronoun_speaker_keeps_its_words_and_gets_the_person_before_it() {
    let Some(got) = speakers(
        "Daniel Okafor left the meeting early. \"Nothing was decided today,\" he told reporters.",
    ) else {
        return;
    };
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "he", "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("Daniel Okafor"), "{got:?}");
}
