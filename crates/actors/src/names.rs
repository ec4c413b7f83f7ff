//! Name keys: how two spellings of a name are recognised as the same name.
//!
//! Three strengths, used in this order by the resolver: the folded name (case, diacritics,
//! hyphens, full stops: "Ban Ki-moon" = "Ban Ki Moon"), the transliteration key of a person's
//! name (the letters Arabic and Persian names are written with in English vary: "Gaddafi" =
//! "Qaddafi" = "Kadafi", "Araghchi" = "Araqchi", "Rouhani" = "Rohani"), and short forms
//! ("Zarif" of "Mohammad Javad Zarif"), which only ever attach to a single candidate.

/// Words before a person's name that are forms of address, not part of the name. Dropped only
/// when a name remains after them ("Mr Zarif" is Zarif; "King" alone stays a name).
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "gen",
    "general",
    "ambassador",
    "minister",
    "senator",
    "sen",
    "rep",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "ayatollah",
    "imam",
    "rabbi",
    "pope",
    "chancellor",
    "premier",
];

/// The lookup form of a name, shared with the knowledge base: lower case, Latin diacritics
/// removed, apostrophes and full stops dropped, hyphens and whitespace one space, a leading
/// "the" dropped. "U.S." is "us", "Ban Ki-moon" is "ban ki moon", "Khamene'i" is "khamenei".
pub use dossier_kb::fold;

/// The folded words of a person's name without forms of address: "Mr. Zarif" is `["zarif"]`,
/// "Ban Ki-moon" is `["ban", "ki", "moon"]`. A possessive ending is not part of the name.
pub fn person_words(name: &str) -> Vec<String> {
    let name = name.trim_end();
    let name = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| name.strip_suffix(p))
        .unwrap_or(name);
    let folded = fold(name);
    let mut words: Vec<String> = folded.split(' ').map(str::to_string).collect();
    while words.len() > 1 && HONORIFICS.contains(&words[0].as_str()) {
        words.remove(0);
    }
    words.retain(|w| !w.is_empty());
    words
}

/// The transliteration key of one folded word: the letters that English spellings of Arabic,
/// Persian and Russian names trade for one another are made one. An `h` after a consonant goes
/// ("kh", "gh", "dh"); q, g and c become k; o becomes u; y becomes i; doubled letters are single.
/// "gaddafi", "qaddafi", "kadafi", "gadhafi" and "khadafy" all give "kadafi".
pub fn translit(word: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(word.len());
    let chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == 'p' && chars.get(i + 1) == Some(&'h') {
            out.push('f');
            i += 2;
            continue;
        }
        let mapped = match c {
            'h' if i > 0 && !is_vowel(chars[i - 1]) => {
                i += 1;
                continue;
            }
            'q' | 'g' | 'c' => 'k',
            'o' => 'u',
            'y' => 'i',
            c => c,
        };
        if out.last() != Some(&mapped) {
            out.push(mapped);
        }
        i += 1;
    }
    out.into_iter().collect()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// The transliteration key of a whole name (its person words, each keyed).
pub fn translit_key(words: &[String]) -> String {
    words
        .iter()
        .map(|w| translit(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// True for an initial: one letter, as folded names write it ("w"), or letters each followed by
/// a full stop, as the text writes it ("W.", "H.W.").
pub fn is_initial(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    if word.chars().count() == 1 {
        return word.chars().all(char::is_alphabetic);
    }
    let mut any = false;
    while let Some(c) = chars.next() {
        if !c.is_alphabetic() || chars.next() != Some('.') {
            return false;
        }
        any = true;
    }
    any
}

/// True when `short` is `long` with some words left out, keeping the last one, and writes no
/// initials that `long` does not: "zarif" and "javad zarif" of "mohammad javad zarif"; never
/// "george w bush" of "george h w bush". Initials tell people apart, so a short form that
/// writes initials must write the same ones. Works on folded words and on words as written.
pub fn is_short_of<S: AsRef<str> + PartialEq>(short: &[S], long: &[S]) -> bool {
    if short.is_empty() || short.len() >= long.len() || short.last() != long.last() {
        return false;
    }
    let initials = |ws: &[S]| -> Vec<String> {
        ws.iter()
            .map(AsRef::as_ref)
            .filter(|w| is_initial(w))
            .map(str::to_string)
            .collect()
    };
    let mine = initials(short);
    if !mine.is_empty() && mine != initials(long) {
        return false;
    }
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// The class of a label for keys: names of different classes never share an entity unless the
/// knowledge base says they are one ("EU" tagged GPE and "European Union" tagged ORG).
pub fn class_of(label: &str) -> &'static str {
    match label {
        "PERSON" => "person",
        "ORG" => "org",
        "NORP" => "group",
        _ => "place",
    }
}

/// A readable id fragment for a key: "ban ki moon" is "ban-ki-moon".
pub fn slug(folded: &str) -> String {
    folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        person_words(s)
    }

    #[test]
    fn folding() {
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Ban Ki-moon"), "ban ki moon");
        assert_eq!(fold("Ban Ki Moon"), "ban ki moon");
        assert_eq!(fold("Khamene'i"), "khamenei");
        assert_eq!(fold("Gerhard Schröder"), "gerhard schroder");
        assert_eq!(fold("the  Élysée"), "elysee");
        assert_eq!(fold("The"), "the");
    }

    #[test]
    fn person_words_drop_address_not_names() {
        assert_eq!(w("Mr. Zarif"), ["zarif"]);
        assert_eq!(w("President Joe Biden"), ["joe", "biden"]);
        assert_eq!(w("King"), ["king"]);
        assert_eq!(w("Araghchi's"), ["araghchi"]);
    }

    #[test]
    fn transliterations_meet() {
        let k = |s: &str| translit_key(&w(s));
        assert_eq!(k("Muammar Gaddafi"), k("Moammar Kadafi"));
        assert_eq!(k("Muammar Gaddafi"), k("Muammar Qaddafi"));
        assert_eq!(k("Muammar Gaddafi"), k("Muammar Gadhafi"));
        assert_eq!(k("Abbas Araghchi"), k("Abbas Araqchi"));
        assert_eq!(k("Hassan Rouhani"), k("Hassan Rohani"));
        assert_eq!(k("Mikhail Ulyanov"), k("Mikhail Ulianov"));
        assert_eq!(k("Ali Khamenei"), k("Ali Khamene'i"));
        assert_ne!(k("Mark Kelly"), k("Mark Kelley"));
        assert_ne!(k("Robert Malley"), k("Sarah Malley"));
    }

    #[test]
    fn short_forms_respect_initials() {
        assert!(is_short_of(&w("Zarif"), &w("Mohammad Javad Zarif")));
        assert!(is_short_of(&w("Javad Zarif"), &w("Mohammad Javad Zarif")));
        assert!(!is_short_of(&w("George W. Bush"), &w("George H. W. Bush")));
        assert!(is_short_of(&w("George Bush"), &w("George H. W. Bush")));
        assert!(!is_short_of(&w("Mohammad Zarif"), &w("Javad Zarif")));
    }
}
