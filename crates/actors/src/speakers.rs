//! Entity ids onto a document once its actors are resolved: every mention of an actor gets the
//! actor's entity, and every quote speaker (in the text and in the title) the entity it names,
//! with the role the document gives it there.
//!
//! Why here and not in `dossier-quotes`: the quotes stage finds a speaker's words from the parse
//! and runs before the document's actors exist; linking those words to an actor needs what this
//! crate owns (the actors, their roles, name keys for headline speakers, the forms of address
//! that say a person's gender). The flow stays one way: quotes, then actors, then this.

use dossier_model::{ActorRole, Doc, Mention, Span};

use crate::gender::{Gender, gender_in_doc};
use crate::names::{is_short_of, person_words};

/// Writes entity ids onto a document: `ids[k]` is the entity of `doc.actors[k]`. Each mention of
/// an actor gets its entity; each quote speaker gets the entity of the name it contains or, for
/// "he" and "she", of the person the pronoun refers to.
pub fn link_entities(doc: &mut Doc, ids: &[Option<String>]) {
    for m in &mut doc.mentions {
        m.entity = None;
    }
    for (actor, id) in doc.actors.iter().zip(ids) {
        for &i in &actor.mentions {
            if let Some(m) = doc.mentions.get_mut(i) {
                m.entity = id.clone();
            }
        }
    }
    let speakers: Vec<Option<(String, Option<String>)>> = doc
        .quotes
        .iter()
        .map(|q| {
            let s = q.speaker.as_ref()?;
            let id = speaker_entity(doc, s.span)
                .or_else(|| apposed_person(doc, s.span))
                .or_else(|| pronoun_antecedent(doc, s.span))?;
            let role = speaker_role(doc, ids, &id, s.span);
            Some((id, role))
        })
        .collect();
    for (q, found) in doc.quotes.iter_mut().zip(speakers) {
        if let Some(s) = q.speaker.as_mut() {
            (s.entity, s.role) = match found {
                Some((id, role)) => (Some(id), role),
                None => (None, None),
            };
        }
    }
    link_title_speakers(doc, ids);
}

/// The role this document gives the speaker's actor: the one stated nearest before the quote's
/// speaker (a title can change within an article: "then-Chancellor"), else the first.
fn speaker_role(doc: &Doc, ids: &[Option<String>], entity: &str, at: Span) -> Option<String> {
    let roles: Vec<&ActorRole> = doc
        .actors
        .iter()
        .zip(ids)
        .filter(|(_, id)| id.as_deref() == Some(entity))
        .flat_map(|(a, _)| &a.roles)
        .collect();
    roles
        .iter()
        .filter(|r| r.span.start <= at.end)
        .max_by_key(|r| r.span.start)
        .or_else(|| roles.iter().min_by_key(|r| r.span.start))
        .map(|r| r.text.clone())
}

/// The entity of the name that is the speaker: a person named in the speaker's words ("Iran's
/// foreign minister, Mohammad Javad Zarif" is Zarif, not Iran), else an organisation or place
/// that ends them ("the Foreign Ministry", "Tehran"). A name that only modifies the speaker is
/// not the speaker: "Trump's spokesman", "Iran's chief negotiator", "a State Department
/// official" leave the speaker unnamed.
fn speaker_entity(doc: &Doc, span: Span) -> Option<String> {
    let text = &doc.text;
    let possessive = |m: &Mention| {
        let after = &text[m.span.end..];
        after.starts_with("'s") || after.starts_with("’s") || after.starts_with('\'')
    };
    let ends_speaker = |m: &Mention| {
        text[m.span.end..span.end]
            .chars()
            .all(|c| !c.is_alphanumeric())
    };
    let inside = |m: &&Mention| {
        m.entity.is_some() && m.span.start >= span.start && m.span.end <= span.end && !possessive(m)
    };
    doc.mentions
        .iter()
        .filter(inside)
        .filter(|m| m.label == "PERSON")
        .min_by_key(|m| m.span.start)
        .or_else(|| doc.mentions.iter().filter(inside).find(|m| ends_speaker(m)))
        .and_then(|m| m.entity.clone())
}

/// Headline speakers: the title is not part of the analysed text, so its speaker is matched by
/// name against the document's actors ("Araqchi" in `Araqchi: "..."` is the actor the article
/// calls Araqchi or Abbas Araqchi), people first.
fn link_title_speakers(doc: &mut Doc, ids: &[Option<String>]) {
    let Some(title) = doc.title.clone() else {
        return;
    };
    for q in &mut doc.title_quotes {
        let Some(s) = q.speaker.as_mut() else {
            continue;
        };
        let words = person_words(s.span.text(&title));
        let found = (!words.is_empty())
            .then(|| {
                let mut candidates: Vec<(usize, usize)> = Vec::new();
                for (k, a) in doc.actors.iter().enumerate() {
                    let rank = usize::from(a.label != "PERSON");
                    let matches = a.surfaces.iter().chain(std::iter::once(&a.name)).any(|n| {
                        let theirs = person_words(n);
                        theirs == words || (a.label == "PERSON" && is_short_of(&words, &theirs))
                    });
                    if matches {
                        candidates.push((rank, k));
                    }
                }
                candidates.sort_unstable();
                // two people the headline could mean: nobody
                match candidates.as_slice() {
                    [(r, k), (r2, _), ..] if r == r2 && ids[*k] != ids[candidates[1].1] => None,
                    [(_, k), ..] => Some(*k),
                    [] => None,
                }
            })
            .flatten();
        (s.entity, s.role) = match found {
            Some(k) => (
                ids.get(k).cloned().flatten(),
                doc.actors[k].roles.first().map(|r| r.text.clone()),
            ),
            None => (None, None),
        };
    }
}

/// For a pronoun speaker ("he said"), the nearest person named before it whose gender, as far
/// as the document shows it, agrees with the pronoun; the current paragraph is preferred by
/// being nearest. `None` for a speaker that is not a personal pronoun.
fn pronoun_antecedent(doc: &Doc, speaker: Span) -> Option<String> {
    let word = speaker.text(&doc.text).to_lowercase();
    let wanted = match word.as_str() {
        "he" | "him" => Some(Gender::Male),
        "she" | "her" => Some(Gender::Female),
        "i" => None,
        _ => return None,
    };
    doc.mentions
        .iter()
        .filter(|m| m.label == "PERSON" && m.entity.is_some() && m.span.end <= speaker.start)
        .rev()
        .find(|m| {
            let id = m.entity.as_deref().expect("filtered");
            match (wanted, gender_in_doc(doc, id)) {
                (Some(w), Some(g)) => w == g,
                _ => true,
            }
        })
        .and_then(|m| m.entity.clone())
}

/// The person named in apposition right after an unnamed speaker: "Iran's chief negotiator,
/// Deputy Foreign Minister Abbas Araghchi, told ...".
fn apposed_person(doc: &Doc, speaker: Span) -> Option<String> {
    let rest = &doc.text[speaker.end..];
    let gap = rest.len() - rest.trim_start_matches([',', ' ']).len();
    if !rest.starts_with(',') {
        return None;
    }
    let window = Span::new(speaker.end, (speaker.end + gap + 60).min(doc.text.len()));
    doc.mentions
        .iter()
        .filter(|m| m.label == "PERSON" && m.entity.is_some() && window.contains(&m.span))
        .find(|m| {
            // only title words between the comma and the name, no clause
            let between = &doc.text[speaker.end + gap..m.span.start];
            !between.contains([',', '.', ';', '"', '“', '”'])
                && between.split_whitespace().count() <= 4
        })
        .and_then(|m| m.entity.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_docs::{by_case, doc};

    /// A document whose two people have entity ids already, as after resolution.
    fn two_people(text: &str) -> Doc {
        let mut d = doc(
            text,
            &[("Adaeze Nwosu", "PERSON"), ("Tomas Berg", "PERSON")],
            by_case,
        );
        d.mentions[0].entity = Some("a".into());
        d.mentions[1].entity = Some("b".into());
        d
    }

    fn pronoun(d: &Doc, word: &str) -> Option<String> {
        let at = d.text.rfind(word).expect("pronoun in text");
        pronoun_antecedent(d, Span::new(at, at + word.len()))
    }

    #[test]
    fn a_pronoun_skips_a_nearer_person_of_the_other_gender() {
        let d = two_people("Ms Adaeze Nwosu met Mr Tomas Berg on Friday. She said it went well.");
        assert_eq!(pronoun(&d, "She").as_deref(), Some("a"));
        let d = two_people("Ms Adaeze Nwosu met Mr Tomas Berg on Friday. He said it went well.");
        assert_eq!(pronoun(&d, "He").as_deref(), Some("b"));
    }

    #[test]
    fn a_person_whose_gender_the_text_does_not_show_agrees_with_either_pronoun() {
        let d = two_people("Ms Adaeze Nwosu met Tomas Berg on Friday. She said it went well.");
        assert_eq!(pronoun(&d, "She").as_deref(), Some("b"));
        let d = two_people("Adaeze Nwosu met Tomas Berg on Friday. They said it went well.");
        assert_eq!(
            pronoun(&d, "They"),
            None,
            "not a personal pronoun this links"
        );
    }
}
