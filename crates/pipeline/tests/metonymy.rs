//! Capitals and seats of government that act stand for their state; the same names as places stay
//! the city. On a passage written for this test, parsed by the real NLP core
//! (`dossier_testkit` says what a missing model does).

use dossier_actors::Corrections;
use dossier_model::{Doc, InputKind};
use dossier_pipeline::{Pipeline, resolve_entities};

#[test]
fn acting_capitals_are_states_and_places_stay_cities() {
    let Some(dir) = dossier_testkit::model() else {
        return;
    };
    let p = Pipeline::load(Some(&dir)).expect("model loads");
    let text = "Beijing protested on Monday against the new tariffs, and Downing Street declined \
                to comment. The White House said the measures would stay. Trade talks in Beijing \
                are due next week, and the delegation will fly to London afterwards.\n\n\
                Tehran rejected the offer. Reporters in Tehran waited for hours.";
    let mut docs = vec![Doc::new(
        "d".into(),
        "t".into(),
        InputKind::Text,
        text.into(),
    )];
    p.annotate(&mut docs);
    resolve_entities(&mut docs, &Corrections::none());
    let d = &docs[0];
    let entities: Vec<(&str, Option<&str>)> = d
        .mentions
        .iter()
        .filter(|m| !matches!(m.label.as_str(), "DATE" | "TIME"))
        .map(|m| (m.span.text(&d.text), m.entity.as_deref()))
        .collect();
    let of = |name: &str, nth: usize| {
        entities
            .iter()
            .filter(|(t, _)| *t == name)
            .nth(nth)
            .and_then(|(_, e)| *e)
    };
    assert_eq!(of("Beijing", 0), Some("country:CN"), "{entities:?}");
    assert_eq!(of("Downing Street", 0), Some("country:GB"), "{entities:?}");
    assert_eq!(of("White House", 0), Some("country:US"), "{entities:?}");
    assert!(
        of("Beijing", 1).is_some_and(|e| e.starts_with("city:")),
        "{entities:?}"
    );
    assert!(
        of("London", 0).is_some_and(|e| e.starts_with("city:")),
        "{entities:?}"
    );
    assert_eq!(of("Tehran", 0), Some("country:IR"), "{entities:?}");
    assert!(
        of("Tehran", 1).is_some_and(|e| e.starts_with("city:")),
        "{entities:?}"
    );
}
