//! The quotes stage end to end: quotations, cues and speakers on sentences written for these
//! tests, annotated by the real NLP core.

use std::sync::OnceLock;

use dossier_model::{Doc, InputKind, Quote};
use dossier_pipeline::Pipeline;

fn pipeline() -> Option<&'static Pipeline> {
    static P: OnceLock<Option<Pipeline>> = OnceLock::new();
    P.get_or_init(|| {
        let dir = dossier_testkit::model()?;
        Some(Pipeline::load(Some(&dir)).expect("model loads"))
    })
    .as_ref()
}

/// One quote as strings: (content, direct, cue, speaker).
type Shown = (String, bool, Option<String>, Option<String>);

/// The quotes of `text`, or `None` when the model is missing.
fn quotes(text: &str) -> Option<Vec<Shown>> {
    let p = pipeline()?;
    let mut docs = vec![Doc::new(
        "t".into(),
        "t".into(),
        InputKind::Text,
        text.into(),
    )];
    p.annotate(&mut docs);
    let d = &docs[0];
    let show = |q: &Quote| {
        (
            q.span.text(&d.text).to_string(),
            q.direct,
            q.cue.map(|c| c.text(&d.text).to_string()),
            q.speaker.as_ref().map(|s| s.span.text(&d.text).to_string()),
        )
    };
    Some(dossier_quotes::extract(d).iter().map(show).collect())
}

#[test]
fn direct_quote_with_trailing_attribution() {
    let Some(q) = quotes("“We will rebuild the bridge before winter,” the mayor said on Tuesday.")
    else {
        return;
    };
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "“We will rebuild the bridge before winter,”");
    assert!(q[0].1);
    assert_eq!(q[0].2.as_deref(), Some("said"));
    assert_eq!(q[0].3.as_deref(), Some("the mayor"));
}

#[test]
fn split_quote_is_one_quotation() {
    let text = "\"The harvest was poor this year,\" said Maria Lopez, a farmer in the valley. \
                \"We lost almost half of the wheat to the rain.\"";
    let Some(q) = quotes(text) else { return };
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("\"The harvest") && q[0].0.ends_with("rain.\""));
    assert_eq!(q[0].3.as_deref(), Some("Maria Lopez"));
}

#[test]
fn reported_speech_with_that() {
    let Some(q) = quotes("The finance minister said that the budget would be balanced by 2027.")
    else {
        return;
    };
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "that the budget would be balanced by 2027");
    assert!(!q[0].1);
    assert_eq!(q[0].3.as_deref(), Some("The finance minister"));
}

#[test]
fn according_to_names_the_source() {
    let Some(q) =
        quotes("According to the harbour authority, three ships were turned away overnight.")
    else {
        return;
    };
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "three ships were turned away overnight");
    assert_eq!(q[0].2.as_deref(), Some("According to"));
    assert_eq!(q[0].3.as_deref(), Some("the harbour authority"));
}

#[test]
fn scare_quotes_are_not_quotations() {
    let Some(q) =
        quotes("The talks were billed as a so-called \"reset\" between the two capitals.")
    else {
        return;
    };
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn pronoun_speaker_keeps_its_words() {
    let text =
        "Daniel Okafor left the meeting early. \"Nothing was decided today,\" he told reporters.";
    let Some(p) = pipeline() else { return };
    let mut docs = vec![Doc::new(
        "t".into(),
        "t".into(),
        InputKind::Text,
        text.into(),
    )];
    p.annotate(&mut docs);
    let d = &docs[0];
    let q = dossier_quotes::extract(d);
    assert_eq!(q.len(), 1, "{q:?}");
    let speaker = q[0].speaker.as_ref().expect("a speaker").span;
    // the actors stage links it to Daniel Okafor (tests/speakers.rs)
    assert_eq!(speaker.text(text), "he");
}

#[test]
fn speaker_after_a_quote_that_opens_the_paragraph() {
    let text = "The campaign spent heavily in the autumn.\n\n\"The early states matter, but they only award a few delegates,\" campaign manager Nora Blake said. \"Most of the votes come later in the spring.\"";
    let Some(q) = quotes(text) else { return };
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("said"));
    assert_eq!(q[0].3.as_deref(), Some("campaign manager Nora Blake"));
}

#[test]
fn guillemets_and_tex_marks_are_quotes() {
    let Some(q) = quotes("«We are not leaving this square,» one of the organisers said.") else {
        return;
    };
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].1);
    assert_eq!(q[0].3.as_deref(), Some("one of the organisers"));
    let Some(q) = quotes("``The vote will be close,'' the party whip said.") else {
        return;
    };
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "``The vote will be close,''");
}

#[test]
fn trailing_attribution_of_reported_speech() {
    let Some(q) = quotes("The factory will close in March, a company spokeswoman said.") else {
        return;
    };
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "The factory will close in March");
    assert!(!q[0].1);
    assert_eq!(q[0].3.as_deref(), Some("a company spokeswoman"));
}

#[test]
fn quoted_fragment_inside_reported_speech_is_one_direct_quote() {
    let text =
        "The governor warned that the drought was \"the worst in living memory\" for the region.";
    let Some(q) = quotes(text) else { return };
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("that the drought") && q[0].0.ends_with("for the region"));
    assert!(q[0].1, "a quoted fragment makes the quote direct");
    assert_eq!(q[0].2.as_deref(), Some("warned"));
    assert_eq!(q[0].3.as_deref(), Some("The governor"));
}

#[test]
fn names_in_marks_without_a_speech_verb_are_not_quotes() {
    let text = "The \"Five Eyes\" alliance met in Ottawa to discuss shared radar systems.";
    let Some(q) = quotes(text) else { return };
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn verbs_inside_a_quote_do_not_attribute_it() {
    let text = "\"I don't think the bill will pass this month,\" the senator said.";
    let Some(q) = quotes(text) else { return };
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("said"));
    assert_eq!(q[0].3.as_deref(), Some("the senator"));
}

#[test]
fn stance_verbs_and_speech_nouns_attribute_their_objects() {
    let Some(q) = quotes("The union endorsed the new contract on Friday.") else {
        return;
    };
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "the new contract");
    assert_eq!(q[0].2.as_deref(), Some("endorsed"));
    assert_eq!(q[0].3.as_deref(), Some("The union"));
    let Some(q) = quotes("He repeated his claim that the vote was rigged.") else {
        return;
    };
    assert!(
        q.iter()
            .any(|x| x.0 == "that the vote was rigged" && x.2.as_deref() == Some("claim")),
        "{q:?}"
    );
}

#[test]
fn a_second_verb_of_saying_is_not_part_of_the_content() {
    let text = "The senator said the tax plan would hurt farmers and called it a giveaway.";
    let Some(q) = quotes(text) else { return };
    assert!(
        q.iter()
            .any(|x| x.0 == "the tax plan would hurt farmers"
                && x.3.as_deref() == Some("The senator")),
        "{q:?}"
    );
}

#[test]
fn interview_transcript_turns_are_quotes() {
    let text = "The host spoke to the minister on Sunday.\n\nMARIA HALL: We will open two new clinics in the north next year.\n";
    let Some(q) = quotes(text) else { return };
    assert!(
        q.iter().any(
            |x| x.0 == "We will open two new clinics in the north next year."
                && x.3.as_deref() == Some("MARIA HALL")
        ),
        "{q:?}"
    );
}

#[test]
fn unannotated_and_unbalanced_text_is_safe() {
    let d = Doc::new(
        "t".into(),
        "t".into(),
        InputKind::Text,
        "\"No tokens here.".into(),
    );
    assert!(dossier_quotes::extract(&d).is_empty());
    let Some(q) = quotes("He said \"this never closes, and “this neither. ‘Nor this.") else {
        return;
    };
    assert!(q.iter().all(|x| !x.0.is_empty()), "{q:?}");
}

#[test]
fn programme_titles_beside_a_speech_verb_are_not_quotes() {
    let text =
        "On Sunday's edition of \"Morning Report Weekly,\" the minister said the budget was final.";
    let Some(q) = quotes(text) else { return };
    assert!(q.iter().all(|x| !x.1), "{q:?}");
    assert!(q.iter().any(|x| x.0 == "the budget was final"), "{q:?}");
}

#[test]
fn headline_quotes_are_annotated_with_spans_into_the_title() {
    let Some(p) = pipeline() else { return };
    let mut d = Doc::new(
        "t".into(),
        "t".into(),
        InputKind::Html,
        "The foreign minister spoke in Vienna on Monday.".into(),
    );
    let title = "Araqchi: “No step-by-step, sanctions must go at once”";
    d.title = Some(title.into());
    let mut docs = vec![d];
    p.annotate(&mut docs);
    let q = &docs[0].title_quotes;
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].span.text(title),
        "“No step-by-step, sanctions must go at once”"
    );
    let speaker = q[0].speaker.as_ref().expect("a speaker").span;
    assert_eq!(speaker.text(title), "Araqchi");
    assert!(
        docs[0]
            .quotes
            .iter()
            .all(|x| x.span.end <= docs[0].text.len())
    );
}
