//! One document's actors: its name mentions grouped by the document's own evidence (repeats,
//! short forms, acronyms: [`crate::link_within`]), named, typed, looked up in the knowledge base,
//! with capitals that act split off as their state.

use std::collections::BTreeMap;

use dossier_kb::{Kb, SeatKind};
use dossier_model::{ActorRole, Doc, DocActor, Span};

/// Labels whose mentions become actors.
const ACTOR_LABELS: &[&str] = &["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"];

/// Verbs whose subject is a place as a place, not a state acting: "Vienna hosts the talks",
/// "Tehran lies at the foot of the Alborz".
const PLACE_VERBS: &[&str] = &[
    "be",
    "host",
    "lie",
    "become",
    "remain",
    "see",
    "sprawl",
    "border",
    "experience",
    "suffer",
    "wake",
    "swelter",
    "shiver",
    "flood",
    "look",
    "stand",
    "grow",
    "boast",
    "welcome",
];

/// Verbs whose passive subject or object is a place as a place: "Vienna was chosen as the
/// venue", "the delegation reached Tehran", "an explosion rocked Beijing".
const PLACE_OBJECT_VERBS: &[&str] = &[
    "visit", "leave", "reach", "tour", "enter", "fly", "travel", "rock", "shake", "hit", "strike",
    "bomb", "shell", "flood", "paralyse", "paralyze", "grip", "blanket", "cover", "capture",
    "take", "seize", "surround", "besiege", "evacuate", "return", "host", "see", "build", "locate",
    "base", "choose", "select", "pick", "name", "call", "found", "know", "make", "connect", "link",
    "serve", "overlook", "divide", "rename", "describe", "consider",
];

/// Adjectives that only an actor can be: "Washington was more cautious".
const STATE_ADJECTIVES: &[&str] = &[
    "cautious",
    "wary",
    "keen",
    "reluctant",
    "ready",
    "willing",
    "unwilling",
    "prepared",
    "determined",
    "eager",
    "confident",
    "optimistic",
    "pessimistic",
    "concerned",
    "worried",
    "open",
    "adamant",
    "firm",
    "sceptical",
    "skeptical",
    "unhappy",
    "happy",
    "satisfied",
    "dissatisfied",
    "clear",
    "silent",
    "careful",
    "unmoved",
    "unwavering",
    "insistent",
    "opposed",
    "committed",
    "serious",
    "right",
    "wrong",
    "responsible",
    "angry",
    "furious",
];

/// Nouns a city has and a state does not: "Tehran's streets", "Vienna's mayor". The possessor
/// of anything else is the state: "Tehran's response", "Washington's envoy".
const PLACE_NOUNS: &[&str] = &[
    "street",
    "mayor",
    "resident",
    "inhabitant",
    "airport",
    "skyline",
    "outskirt",
    "suburb",
    "population",
    "traffic",
    "university",
    "bazaar",
    "metro",
    "centre",
    "center",
    "district",
    "neighbourhood",
    "neighborhood",
    "square",
    "park",
    "hotel",
    "restaurant",
    "cafe",
    "museum",
    "opera",
    "air",
    "smog",
    "weather",
    "winter",
    "summer",
    "river",
    "hill",
    "mountain",
    "port",
    "harbour",
    "harbor",
    "station",
    "football",
    "club",
    "team",
    "stock",
    "exchange",
    "old",
    "city",
    "town",
    "council",
    "police",
    "hospital",
    "school",
    "mosque",
    "church",
    "cathedral",
    "palace",
    "tower",
    "road",
    "avenue",
    "boulevard",
    "market",
    "shop",
    "landmark",
    "history",
    "architecture",
    "citizen",
    "people",
    "crowd",
    "pollution",
    "water",
    "power",
    "building",
    "hotelier",
    "shopkeeper",
    "commuter",
    "taxi",
    "worshipper",
    "synagogue",
    "temple",
    "zoo",
];

/// Prepositions that make the name a location: "talks in Vienna", "at the White House".
const LOCATIVE: &[&str] = &[
    "in", "at", "to", "from", "into", "outside", "inside", "near", "on", "across", "around",
    "toward", "towards", "via", "through", "around", "within", "between", "beyond",
];

/// The actors of `doc`, each with the indices of its mentions. Mentions that name no actor
/// (dates, numbers, and names of other kinds) belong to none.
pub fn doc_actors(doc: &Doc, kb: &Kb) -> Vec<DocActor> {
    let links = crate::link_within(doc);
    let root = |i: usize| {
        let mut r = i;
        while let Some(j) = links[r] {
            if j == r {
                break;
            }
            r = j;
        }
        r
    };
    // Group key: the state a metonym stands for, the knowledge-base id, else the link root.
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut group_kb: BTreeMap<String, (Option<String>, bool)> = BTreeMap::new();
    for (i, m) in doc.mentions.iter().enumerate() {
        if !ACTOR_LABELS.contains(&m.label.as_str()) {
            continue;
        }
        let r = root(i);
        let root_text = doc.mentions[r].span.text(&doc.text);
        let root_label = doc.mentions[r].label.as_str();
        let (key, kb_id, metonym) = match state_for(doc, kb, i) {
            Some(country) => (format!("kb:{country}"), Some(country), true),
            None => match kb_id(kb, root_label, root_text)
                .or_else(|| kb_id(kb, &m.label, m.span.text(&doc.text)))
            {
                Some(id) => (format!("kb:{id}"), Some(id), false),
                None => (format!("m:{r:08}"), None, false),
            },
        };
        groups.entry(key.clone()).or_default().push(i);
        let entry = group_kb.entry(key).or_insert((kb_id, metonym));
        // A group with one ordinary mention of the state is the state itself, not only a metonym.
        entry.1 &= metonym;
    }
    let roles = crate::roles(doc);
    let mut actors: Vec<DocActor> = groups
        .into_iter()
        .map(|(key, mut mentions)| {
            mentions.sort_unstable();
            let (kb_id, metonym) = group_kb.remove(&key).unwrap_or_default();
            let surfaces: Vec<String> = mentions
                .iter()
                .map(|&i| doc.mentions[i].span.text(&doc.text).to_string())
                .collect();
            let mut actor = DocActor {
                name: fullest(&surfaces),
                label: majority_label(doc, &mentions),
                kb: kb_id,
                metonym,
                mentions,
                surfaces,
                roles: Vec::new(),
            };
            for r in roles.iter().filter(|r| actor.mentions.contains(&r.mention)) {
                let text = r.span.text(&doc.text).to_string();
                if actor.roles.iter().any(|x| x.text == text) {
                    continue;
                }
                actor.roles.push(ActorRole {
                    country: role_country(kb, &text),
                    text,
                    span: r.span,
                    sentence: sentence_of(doc, r.span),
                });
            }
            actor
        })
        .collect();
    // In order of first mention, so that actor indices read like the text.
    actors.sort_by_key(|a| a.mentions[0]);
    actors
}

/// The country a role says its holder serves: a nationality or a country (possessive or not)
/// at its start ("Iranian Foreign Minister", "Russia's envoy", "U.S. Secretary of State"), or a
/// country after "of" ("president of France"). "Ambassador to Iran" says nothing of the kind.
fn role_country(kb: &Kb, role: &str) -> Option<String> {
    let words: Vec<&str> = role.split_whitespace().collect();
    let bare = |w: &str| -> String {
        w.trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches(',')
            .to_string()
    };
    let country = |name: &str| -> Option<String> {
        if !name.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        kb.country_by_demonym(name)
            .or_else(|| kb.country(name))
            .map(|c| c.iso2.clone())
            .or_else(|| {
                // "Beijing's representative": a capital speaking for its state
                kb.seat(name)
                    .filter(|s| s.kind == SeatKind::Capital)
                    .map(|s| s.country.clone())
            })
    };
    for n in (1..=3.min(words.len())).rev() {
        let lead = bare(&words[..n].join(" "));
        if let Some(c) = country(&lead) {
            return Some(c);
        }
    }
    let of = words.iter().position(|w| *w == "of")?;
    let rest = words[of + 1..]
        .iter()
        .skip_while(|w| **w == "the")
        .copied()
        .collect::<Vec<_>>();
    (1..=3.min(rest.len()))
        .rev()
        .find_map(|n| country(&bare(&rest[..n].join(" "))))
}

/// The longest name (in words, then characters) among the surfaces; the first one on ties.
fn fullest(surfaces: &[String]) -> String {
    let mut best = &surfaces[0];
    for s in surfaces {
        let key = |x: &String| (x.split_whitespace().count(), x.chars().count());
        if key(s) > key(best) {
            best = s;
        }
    }
    best.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn majority_label(doc: &Doc, mentions: &[usize]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in mentions {
        *counts.entry(doc.mentions[i].label.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(l, c)| (*c, std::cmp::Reverse(*l)))
        .map(|(l, _)| l.to_string())
        .unwrap_or_default()
}

fn sentence_of(doc: &Doc, span: Span) -> Span {
    doc.sentences
        .iter()
        .copied()
        .find(|s| s.start <= span.start && span.end <= s.end)
        .unwrap_or(span)
}

/// The knowledge-base id a name of this label has, if any: countries (and, for NORP, their
/// demonyms), international organisations, and for places the city of that name.
pub fn kb_id(kb: &Kb, label: &str, text: &str) -> Option<String> {
    let text = text.trim_end_matches("'s").trim_end_matches("’s");
    match label {
        "PERSON" => None,
        "NORP" => kb
            .country_by_demonym(text)
            .map(|c| c.id())
            .or_else(|| kb.org(text).map(|o| o.kb_id())),
        _ => {
            if let Some(c) = kb.country(text) {
                return Some(c.id());
            }
            if let Some(o) = kb.org(text) {
                return Some(o.kb_id());
            }
            // An organisation in capitals is usually a dateline the model misread ("FRANKFURT").
            let shouting = text.chars().any(char::is_alphabetic)
                && text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            if label == "ORG" && !shouting {
                return None;
            }
            if let Some(seat) = kb.seat(text) {
                if seat.kind == SeatKind::Capital {
                    return kb
                        .cities(text)
                        .iter()
                        .find(|c| c.country == seat.country)
                        .map(|c| c.kb_id());
                }
                return None;
            }
            if label == "GPE" || (label == "ORG" && text.len() > 3) {
                return kb.cities(text).first().map(|c| c.kb_id());
            }
            None
        }
    }
}

/// When mention `i` is a capital or a seat of government standing for its state, the state's
/// knowledge-base id: "Tehran rejected the offer", "Washington's envoy", "the White House
/// said". A capital stands for its state only when it acts; a seat of government always does,
/// unless the text puts someone in or at it.
fn state_for(doc: &Doc, kb: &Kb, i: usize) -> Option<String> {
    let m = &doc.mentions[i];
    if !matches!(m.label.as_str(), "GPE" | "LOC" | "FAC" | "ORG") {
        return None;
    }
    let text = m.span.text(&doc.text);
    let seat = kb.seat(text)?;
    let country = kb.country_by_code(&seat.country)?.id();
    let head = head_token(doc, m.span)?;
    match seat.kind {
        SeatKind::Capital => {
            return (acts(doc, head)).then_some(country);
        }
        // Ministries and parliaments are organisations of their own ("the State Department").
        SeatKind::Presidency | SeatKind::Government => {}
        _ => return None,
    }
    if is_located(doc, head) {
        None
    } else {
        Some(country)
    }
}

/// The token of `span` whose head lies outside it.
fn head_token(doc: &Doc, span: Span) -> Option<usize> {
    // Tokens are in text order: find the span's by binary search, so that a long document's
    // many names do not each scan every token.
    let first = doc.tokens.partition_point(|t| t.span.start < span.start);
    let inside: Vec<usize> = (first..doc.tokens.len())
        .take_while(|&i| doc.tokens[i].span.end <= span.end)
        .collect();
    inside
        .iter()
        .copied()
        .find(|&i| {
            let h = doc.tokens[i].head;
            h == i || !inside.contains(&h)
        })
        .or_else(|| inside.last().copied())
}

/// Whether the name whose head token is `t` is doing something: the subject of a verb other
/// than the place-like ones, or of "be" with an adjective only an actor can be; the object or
/// passive subject of a verb that is not about going to or striking a place; the possessor of
/// anything but a city's streets and mayor; the party "with" or "against" whom something is
/// done; the agent of a passive; the source after "according to". A conjunct acts when the
/// first conjunct does. Names in capitals (datelines, headlines) are never read as acting: the
/// parse of such lines is unreliable.
fn acts(doc: &Doc, mut t: usize) -> bool {
    let toks = &doc.tokens;
    let word = toks[t].span.text(&doc.text);
    if word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase())
    {
        return false;
    }
    let mut guard = 0;
    while toks[t].dep == "conj" && toks[t].head != t && guard < 8 {
        t = toks[t].head;
        guard += 1;
    }
    let tok = &toks[t];
    let head = &toks[tok.head];
    let lemma = head.lemma.to_lowercase();
    match tok.dep.as_str() {
        "nsubj" if lemma == "be" => toks.iter().any(|c| {
            c.head == tok.head
                && c.dep == "acomp"
                && STATE_ADJECTIVES.contains(&c.lemma.to_lowercase().as_str())
        }),
        "nsubj" => !PLACE_VERBS.contains(&lemma.as_str()),
        "nsubjpass" | "dobj" => head.pos == "VERB" && !PLACE_OBJECT_VERBS.contains(&lemma.as_str()),
        "poss" => !PLACE_NOUNS.contains(&lemma.as_str()),
        "pobj" => {
            let prep = head.lemma.to_lowercase();
            head.dep == "agent"
                || prep == "with"
                || prep == "against"
                || (prep == "to" && toks[head.head].lemma.eq_ignore_ascii_case("according"))
        }
        _ => false,
    }
}

/// Whether the name whose head token is `t` is the object of a locative preposition.
fn is_located(doc: &Doc, t: usize) -> bool {
    let tok = &doc.tokens[t];
    tok.dep == "pobj" && LOCATIVE.contains(&doc.tokens[tok.head].lemma.to_lowercase().as_str())
}

/// What the knowledge base says of an id, for naming the entity: "country:IR" is Iran, a GPE in
/// IR; "org:IAEA" the International Atomic Energy Agency; "city:2761369" Vienna, AT.
pub fn kb_info(id: &str) -> Option<crate::KbInfo> {
    let kb = Kb::builtin();
    let (kind, key) = id.split_once(':')?;
    match kind {
        "country" => kb.country_by_code(key).map(|c| crate::KbInfo {
            name: c.name.clone(),
            label: "GPE".into(),
            country: Some(c.iso2.clone()),
        }),
        "org" => kb.org_by_id(key).map(|o| crate::KbInfo {
            name: o.name.clone(),
            label: "ORG".into(),
            country: None,
        }),
        "city" => kb.city_by_id(key.parse().ok()?).map(|c| crate::KbInfo {
            name: c.name.clone(),
            label: "GPE".into(),
            country: Some(c.country.clone()),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_countries() {
        let kb = Kb::builtin();
        let c = |r: &str| role_country(kb, r);
        assert_eq!(c("Iranian Foreign Minister").as_deref(), Some("IR"));
        assert_eq!(
            c("Russia's ambassador to international organisations").as_deref(),
            Some("RU")
        );
        assert_eq!(c("U.S. Secretary of State").as_deref(), Some("US"));
        assert_eq!(c("president of France").as_deref(), Some("FR"));
        assert_eq!(c("ambassador to Iran"), None);
        assert_eq!(c("special envoy"), None);
        assert_eq!(c("head of the IAEA"), None);
    }
}
