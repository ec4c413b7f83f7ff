//! Grammatical gender as a text shows it: forms of address ("Ms Malley") and gendered role or
//! kin words ("Foreign Ministry spokeswoman", "his widow"). Read only to choose whom "he" or
//! "she" refers to ([`crate::speakers`]); nothing is guessed from first names.

use dossier_model::Doc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
}

/// Role and kin words that say a person's gender. Forms of address say it too; they are the
/// courtesy titles of `roles.rs`, each listed there with its gender.
const FEMALE_WORDS: &[&str] = &[
    "lady",
    "queen",
    "princess",
    "duchess",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "councilwoman",
    "stateswoman",
    "actress",
    "wife",
    "mother",
    "daughter",
    "sister",
    "widow",
    "grandmother",
];
const MALE_WORDS: &[&str] = &[
    "lord",
    "king",
    "prince",
    "duke",
    "spokesman",
    "chairman",
    "congressman",
    "businessman",
    "councilman",
    "statesman",
    "actor",
    "husband",
    "father",
    "son",
    "brother",
    "widower",
    "grandfather",
];

fn gender_of_word(word: &str) -> Option<Gender> {
    let w = word.trim_end_matches('.').to_lowercase();
    if crate::roles::is_honorific(&w) {
        crate::roles::honorific_gender(&w)
    } else if FEMALE_WORDS.contains(&w.as_str()) {
        Some(Gender::Female)
    } else if MALE_WORDS.contains(&w.as_str()) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The gender the document shows for an entity: a form of address right before one of its
/// mentions ("Ms Malley"), or a gendered word in a role it is given ("Foreign Ministry
/// spokeswoman"). `None` when the text does not say, or says both.
pub(crate) fn gender_in_doc(doc: &Doc, entity: &str) -> Option<Gender> {
    let mut seen = Vec::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.entity.as_deref() == Some(entity))
    {
        // the word before the name, or the name's own first word ("Mr Wang" tagged whole)
        let before = doc.text[..m.span.start].trim_end();
        if let Some(word) = before.rsplit(|c: char| c.is_whitespace()).next() {
            seen.extend(gender_of_word(word));
        }
        if let Some(first) = m.span.text(&doc.text).split_whitespace().next() {
            seen.extend(gender_of_word(first));
        }
    }
    for a in &doc.actors {
        let ours = a
            .mentions
            .iter()
            .any(|&i| doc.mentions.get(i).and_then(|m| m.entity.as_deref()) == Some(entity));
        if ours {
            for r in &a.roles {
                seen.extend(r.text.split_whitespace().filter_map(gender_of_word));
            }
        }
    }
    match (seen.contains(&Gender::Female), seen.contains(&Gender::Male)) {
        (true, false) => Some(Gender::Female),
        (false, true) => Some(Gender::Male),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_address_and_role_words_say_a_gender() {
        assert_eq!(gender_of_word("Ms"), Some(Gender::Female));
        assert_eq!(gender_of_word("Mr."), Some(Gender::Male));
        assert_eq!(gender_of_word("Mme"), Some(Gender::Female));
        assert_eq!(gender_of_word("spokeswoman"), Some(Gender::Female));
        assert_eq!(gender_of_word("Widower"), Some(Gender::Male));
        assert_eq!(gender_of_word("Dr"), None);
        assert_eq!(gender_of_word("minister"), None);
    }
}
