//! Across documents: each document's actors ([`DocActor`]) grouped into canonical entities.
//!
//! The order is from strong evidence to weak, and each weak step needs a single candidate:
//! 1. the same knowledge-base id ("U.S." and "America" are `country:US`), the same folded full
//!    name and class ("Ban Ki-moon", "Ban Ki Moon");
//! 2. people whose names are the same under transliteration ("Araghchi", "Araqchi"), when every
//!    word matches;
//! 3. short forms that the document itself could not resolve ("Zarif" in an article that never
//!    names him in full) attach to the one entity whose full name they shorten, or, when no
//!    entity has such a name, to each other; with two candidates ("Malley" when the corpus knows
//!    Robert and Sarah Malley) they stay apart, one entity per document;
//! 4. an analyst's corrections last, so they always win.

use std::collections::{BTreeMap, HashMap};

use dossier_model::{DocActor, Entity, EntityRole};

use crate::corrections::Corrections;
use crate::names::{class_of, fold, is_short_of, person_words, slug, translit_key};

/// One document's actors, as the resolver reads them.
#[derive(Debug, Clone, Copy)]
pub struct DocActors<'a> {
    pub doc: &'a str,
    pub outlet: Option<&'a str>,
    pub actors: &'a [DocActor],
}

/// What the knowledge base says about an id, for naming entities.
#[derive(Debug, Clone, PartialEq)]
pub struct KbInfo {
    pub name: String,
    pub label: String,
    pub country: Option<String>,
}

/// The entities of a corpus and which entity each document actor belongs to.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    pub entities: Vec<Entity>,
    /// Per input document, per actor: the index into `entities`.
    pub assignment: Vec<Vec<usize>>,
    /// Per entity: how many of its mentions each outlet carries (outlet "" when unknown).
    pub outlets: Vec<BTreeMap<String, usize>>,
}

impl Resolution {
    /// The entity id of actor `actor` of document `doc` (indices as given to [`resolve`]).
    pub fn entity_of(&self, doc: usize, actor: usize) -> Option<&str> {
        let e = *self.assignment.get(doc)?.get(actor)?;
        Some(self.entities[e].id.as_str())
    }
}

struct Record<'a> {
    doc: usize,
    actor: &'a DocActor,
    class: &'static str,
    /// Folded name, or person words joined.
    key: String,
    words: Vec<String>,
}

struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // the earlier record stays the root, so results do not depend on hash order
            let (lo, hi) = (a.min(b), a.max(b));
            self.parent[hi] = lo;
        }
    }
}

/// Groups the actors of `docs` into entities. `kb` names knowledge-base ids ("country:IR" is
/// Iran, a GPE); corrections are applied last.
pub fn resolve(
    docs: &[DocActors],
    kb: &dyn Fn(&str) -> Option<KbInfo>,
    corrections: &Corrections,
) -> Resolution {
    let votes = class_votes(docs);
    let mut records: Vec<Record> = Vec::new();
    for (d, da) in docs.iter().enumerate() {
        for actor in da.actors {
            let class = corpus_class(actor, &votes);
            let words = if class == "person" {
                person_words(&actor.name)
            } else {
                Vec::new()
            };
            let key = match class {
                "person" => words.join(" "),
                "group" => singular(&fold(strip_possessive(&actor.name))),
                _ => org_fold(&fold(strip_possessive(&actor.name))),
            };
            records.push(Record {
                doc: d,
                actor,
                class,
                key,
                words,
            });
        }
    }
    let n = records.len();
    let mut sets = Sets::new(n);
    // A split correction pins a name apart: its records only ever join each other.
    let pinned: Vec<bool> = records
        .iter()
        .map(|r| corrections.is_split_off(&r.actor.name))
        .collect();

    // 1. knowledge-base ids and exact keys
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        let key = match &r.actor.kb {
            Some(id) => format!("kb:{id}"),
            None => format!("{}:{}", r.class, r.key),
        };
        let key = if pinned[i] {
            format!("split:{key}")
        } else {
            key
        };
        // Single-word person names are judged in step 3, not merged on the word alone.
        if r.class == "person" && r.actor.kb.is_none() && r.words.len() < 2 {
            continue;
        }
        match by_key.get(&key) {
            Some(&j) => sets.union(i, j),
            None => {
                by_key.insert(key, i);
            }
        }
    }

    // 2. people's full names under transliteration
    let mut by_translit: HashMap<String, usize> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if r.class != "person" || r.words.len() < 2 || pinned[i] {
            continue;
        }
        let key = translit_key(&r.words);
        match by_translit.get(&key) {
            Some(&j) => sets.union(i, j),
            None => {
                by_translit.insert(key, i);
            }
        }
    }

    // 3. short forms: attach to a single candidate. Full names are indexed by their last word
    // (spelled, and under transliteration); records of one full name are one set by now, so one
    // representative per distinct name is enough.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_last_translit: HashMap<String, Vec<usize>> = HashMap::new();
    let mut seen_names: HashMap<&[String], ()> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if r.class != "person" || r.words.len() < 2 || pinned[i] {
            continue;
        }
        if seen_names.insert(r.words.as_slice(), ()).is_some() {
            continue;
        }
        let last = r.words.last().expect("two words or more");
        by_last.entry(last.as_str()).or_default().push(i);
        by_last_translit
            .entry(translit_key(std::slice::from_ref(last)))
            .or_default()
            .push(i);
    }
    let mut unattached: HashMap<String, Vec<usize>> = HashMap::new();
    // Longer names first: "Javad Zarif" joins "Mohammad Javad Zarif" before "Zarif" looks for
    // candidates, so the two do not count as two people.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(records[i].words.len()), i));
    for i in order {
        let r = &records[i];
        if r.class != "person" || r.actor.kb.is_some() || pinned[i] || r.words.is_empty() {
            continue;
        }
        let last = r.words.last().expect("not empty");
        let mut roots: Vec<usize> = by_last
            .get(last.as_str())
            .into_iter()
            .flatten()
            .filter(|&&j| j != i && is_short_of(&r.words, &records[j].words))
            .map(|&j| sets.find(j))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        // The same short form under transliteration ("Araqchi" for "Abbas Araghchi").
        if roots.is_empty() {
            let short: Vec<String> = r
                .words
                .iter()
                .map(|w| translit_key(std::slice::from_ref(w)))
                .collect();
            roots = by_last_translit
                .get(short.last().expect("not empty"))
                .into_iter()
                .flatten()
                .filter(|&&j| {
                    let long: Vec<String> = records[j]
                        .words
                        .iter()
                        .map(|w| translit_key(std::slice::from_ref(w)))
                        .collect();
                    j != i && is_short_of(&short, &long)
                })
                .map(|&j| sets.find(j))
                .collect();
            roots.sort_unstable();
            roots.dedup();
        }
        match roots.len() {
            1 => sets.union(roots[0], i),
            0 if r.words.len() == 1 => unattached.entry(r.key.clone()).or_default().push(i),
            _ => {}
        }
    }
    // Acronyms of organisations the documents never spell out ("IAEA" alone) join the one
    // organisation whose name they abbreviate.
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if r.class == "org" && !pinned[i] {
            let words: Vec<&str> = r.actor.name.split_whitespace().collect();
            if let Some(initials) = crate::initials_of(&words) {
                by_initials.entry(initials).or_default().push(i);
            }
        }
    }
    for i in 0..n {
        let r = &records[i];
        if r.class != "org" || r.actor.kb.is_some() || pinned[i] || r.actor.name.contains(' ') {
            continue;
        }
        let Some(letters) = crate::acronym_letters(&r.actor.name) else {
            continue;
        };
        let mut roots: Vec<usize> = by_initials
            .get(&letters)
            .into_iter()
            .flatten()
            .map(|&j| sets.find(j))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        if roots.len() == 1 {
            sets.union(roots[0], i);
        }
    }
    // Short forms no full name in the corpus explains are one person per spelling.
    for group in unattached.values() {
        for w in group.windows(2) {
            sets.union(w[0], w[1]);
        }
    }

    // 4. corrections: merges
    for names in corrections.merges() {
        let folded: Vec<String> = names.iter().map(|s| fold(s)).collect();
        let members: Vec<usize> = (0..n)
            .filter(|&i| {
                let f = fold(&records[i].actor.name);
                folded.contains(&f)
                    || records[i]
                        .actor
                        .surfaces
                        .iter()
                        .any(|s| folded.contains(&fold(s)))
                    || records[i]
                        .actor
                        .kb
                        .as_ref()
                        .is_some_and(|k| names.iter().any(|s| s == k))
            })
            .collect();
        for w in members.windows(2) {
            sets.union(w[0], w[1]);
        }
    }

    build(docs, &records, &mut sets, kb, corrections)
}

/// Per name (its person words joined), the mentions each class gives it across the corpus. A
/// person's full name also votes "person" for its surname, so a bare "Trump" the model once
/// called an organisation is outvoted by the Donald Trump of other articles.
fn class_votes(docs: &[DocActors]) -> HashMap<String, BTreeMap<&'static str, usize>> {
    let mut votes: HashMap<String, BTreeMap<&'static str, usize>> = HashMap::new();
    for da in docs {
        for actor in da.actors.iter().filter(|a| a.kb.is_none()) {
            let class = class_of(&actor.label);
            for surface in &actor.surfaces {
                let words = person_words(surface);
                *votes
                    .entry(words.join(" "))
                    .or_default()
                    .entry(class)
                    .or_default() += 1;
                if class == "person" && words.len() >= 2 {
                    let last = words.last().cloned().unwrap_or_default();
                    *votes.entry(last).or_default().entry(class).or_default() += 1;
                }
            }
        }
    }
    votes
}

/// The class a document actor is resolved in: its own label's, unless the corpus calls the
/// same name a person more often than anything else (the model's slips on names it has seen
/// rarely: "Rouhani" as a nationality, "Ali-Akbar Salehi" as an organisation). Names the
/// knowledge base knows keep their class ("Jordan" the country stays a country).
fn corpus_class(
    actor: &DocActor,
    votes: &HashMap<String, BTreeMap<&'static str, usize>>,
) -> &'static str {
    let own = class_of(&actor.label);
    if own == "person" || actor.kb.is_some() {
        return own;
    }
    let Some(v) = votes.get(&person_words(&actor.name).join(" ")) else {
        return own;
    };
    let person = v.get("person").copied().unwrap_or(0);
    let other = v
        .iter()
        .filter(|(c, _)| **c != "person")
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    if person > other { "person" } else { own }
}

/// A name without its possessive ending: "State Department's" is "State Department".
fn strip_possessive(name: &str) -> &str {
    ["'s", "’s"]
        .iter()
        .find_map(|p| name.strip_suffix(p))
        .unwrap_or(name)
}

/// A group's name in the singular: "Tories" is "Tory", "Europeans" "European". Only groups
/// (nationalities, parties, religions) are named both ways; "Swiss" stays.
fn singular(folded: &str) -> String {
    if let Some(stem) = folded.strip_suffix("ies") {
        return format!("{stem}y");
    }
    match folded.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && stem.len() >= 3 => stem.to_string(),
        _ => folded.to_string(),
    }
}

/// "Organisation" and "Organization" are one spelling of a name.
fn org_fold(folded: &str) -> String {
    folded
        .replace("isation", "ization")
        .replace("defence", "defense")
}

fn build(
    docs: &[DocActors],
    records: &[Record],
    sets: &mut Sets,
    kb: &dyn Fn(&str) -> Option<KbInfo>,
    corrections: &Corrections,
) -> Resolution {
    let n = records.len();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    let mut res = Resolution {
        assignment: docs.iter().map(|d| vec![0; d.actors.len()]).collect(),
        ..Default::default()
    };
    let mut first_actor: Vec<usize> = Vec::new();
    let mut offset = 0;
    for d in docs {
        first_actor.push(offset);
        offset += d.actors.len();
    }
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    for members in groups.values() {
        let e = res.entities.len();
        let mut surfaces: BTreeMap<String, usize> = BTreeMap::new();
        let mut labels: BTreeMap<&str, usize> = BTreeMap::new();
        let mut documents: Vec<String> = Vec::new();
        let mut outlets: BTreeMap<String, usize> = BTreeMap::new();
        let mut roles: Vec<EntityRole> = Vec::new();
        let mut kb_id: Option<&str> = None;
        let mut mentions = 0;
        for &i in members {
            let r = &records[i];
            let da = &docs[r.doc];
            res.assignment[r.doc][i - first_actor[r.doc]] = e;
            for s in &r.actor.surfaces {
                *surfaces.entry(s.clone()).or_default() += 1;
            }
            *labels.entry(r.actor.label.as_str()).or_default() += r.actor.mentions.len();
            mentions += r.actor.mentions.len();
            *outlets
                .entry(da.outlet.unwrap_or_default().to_string())
                .or_default() += r.actor.mentions.len();
            if documents.last().map(String::as_str) != Some(da.doc)
                && !documents.iter().any(|x| x == da.doc)
            {
                documents.push(da.doc.to_string());
            }
            for role in &r.actor.roles {
                if !roles
                    .iter()
                    .any(|x| x.doc == da.doc && fold(&x.text) == fold(&role.text))
                {
                    roles.push(EntityRole {
                        text: role.text.clone(),
                        doc: da.doc.to_string(),
                        sentence: role.sentence,
                    });
                }
            }
            if kb_id.is_none() {
                kb_id = r.actor.kb.as_deref();
            }
        }
        let info = kb_id.and_then(kb);
        // The name: the knowledge base's, else the fullest name the documents use, most used first.
        let name = match &info {
            Some(i) => i.name.clone(),
            None => best_name(members.iter().map(|&i| records[i].actor)),
        };
        let label = match &info {
            Some(i) => i.label.clone(),
            None => labels
                .iter()
                .max_by_key(|(l, c)| (**c, std::cmp::Reverse(**l)))
                .map(|(l, _)| l.to_string())
                .unwrap_or_default(),
        };
        let base = match kb_id {
            Some(k) => k.to_string(),
            None => {
                let r = &records[members[0]];
                let key = if r.class == "person" {
                    person_words(&name).join(" ")
                } else {
                    fold(&name)
                };
                format!("{}:{}", r.class, slug(&key))
            }
        };
        let count = used_ids.entry(base.clone()).or_default();
        *count += 1;
        let id = if *count == 1 {
            base
        } else {
            format!("{base}~{count}")
        };
        // Spellings, not grammar: "the European Union's" adds nothing to "European Union".
        let mut seen = vec![fold(strip_possessive(&name))];
        let mut aliases: Vec<String> = Vec::new();
        for s in surfaces.into_keys() {
            let bare = strip_possessive(&s);
            let f = fold(bare);
            if !seen.contains(&f) {
                seen.push(f);
                aliases.push(
                    bare.trim_start_matches("the ")
                        .trim_start_matches("The ")
                        .to_string(),
                );
            }
        }
        aliases.sort_by_key(|a| fold(a));
        // A person's country, when the roles the documents give them say it ("Iranian Foreign
        // Minister"): the one most of those roles name.
        let role_country = {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in members {
                for r in &records[i].actor.roles {
                    if let Some(c) = &r.country {
                        *counts.entry(c.as_str()).or_default() += 1;
                    }
                }
            }
            counts
                .into_iter()
                .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))
                .map(|(c, _)| c.to_string())
        };
        let mut entity = Entity {
            id,
            name,
            kind: label,
            aliases,
            documents,
            mentions,
            kb: kb_id.map(str::to_string),
            country: info.and_then(|i| i.country).or(role_country),
            roles,
        };
        corrections.apply_to(&mut entity);
        res.entities.push(entity);
        res.outlets.push(outlets);
    }
    res
}

/// The name an entity goes by: of its documents' names, a full one (two words or more) before
/// a bare one, then the one most documents use ("Abbas Araghchi" over the rarer "Seyed Abbas
/// Araqchi"), then the longest; without "the" or a possessive ending.
fn best_name<'a>(actors: impl Iterator<Item = &'a DocActor>) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for a in actors {
        let name = strip_possessive(&a.name);
        let name = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
            .unwrap_or(name);
        *counts.entry(name.to_string()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(name, c)| {
            let words = name.split_whitespace().count();
            (words >= 2, *c, words, std::cmp::Reverse(name.clone()))
        })
        .map(|(n, _)| n)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(name: &str, label: &str) -> DocActor {
        DocActor {
            name: name.into(),
            label: label.into(),
            kb: None,
            metonym: false,
            mentions: vec![0],
            surfaces: vec![name.into()],
            roles: vec![],
        }
    }

    fn no_kb(_: &str) -> Option<KbInfo> {
        None
    }

    /// Resolves one document per inner list; returns the entity name of each actor.
    fn run(docs: &[Vec<DocActor>], corrections: &Corrections) -> Vec<Vec<String>> {
        let ids: Vec<String> = (0..docs.len()).map(|i| format!("d{i}")).collect();
        let views: Vec<DocActors> = docs
            .iter()
            .zip(&ids)
            .map(|(a, id)| DocActors {
                doc: id,
                outlet: None,
                actors: a,
            })
            .collect();
        let res = resolve(&views, &no_kb, corrections);
        res.assignment
            .iter()
            .map(|d| d.iter().map(|&e| res.entities[e].id.clone()).collect())
            .collect()
    }

    #[test]
    fn spellings_merge_and_namesakes_do_not() {
        let got = run(
            &[
                vec![
                    actor("Ban Ki-moon", "PERSON"),
                    actor("George W. Bush", "PERSON"),
                ],
                vec![
                    actor("Ban Ki Moon", "PERSON"),
                    actor("George H. W. Bush", "PERSON"),
                ],
                vec![
                    actor("Moammar Kadafi", "PERSON"),
                    actor("Jeb Bush", "PERSON"),
                ],
                vec![actor("Muammar Gaddafi", "PERSON"), actor("Bush", "PERSON")],
            ],
            &Corrections::none(),
        );
        assert_eq!(got[0][0], got[1][0]);
        assert_eq!(got[2][0], got[3][0]);
        let bushes = [&got[0][1], &got[1][1], &got[2][1], &got[3][1]];
        for (i, a) in bushes.iter().enumerate() {
            for b in &bushes[i + 1..] {
                assert_ne!(a, b, "{got:?}");
            }
        }
    }

    #[test]
    fn short_forms_attach_only_to_one_candidate() {
        let got = run(
            &[
                vec![actor("Robert Malley", "PERSON")],
                vec![actor("Malley", "PERSON")],
                vec![actor("Mohammad Javad Zarif", "PERSON")],
                vec![actor("Zarif", "PERSON"), actor("Javad Zarif", "PERSON")],
                vec![actor("Araqchi", "PERSON")],
                vec![actor("Abbas Araghchi", "PERSON")],
            ],
            &Corrections::none(),
        );
        assert_eq!(got[1][0], got[0][0]);
        assert_eq!(got[3][0], got[2][0]);
        assert_eq!(got[3][1], got[2][0]);
        assert_eq!(got[4][0], got[5][0]);
        // a second Malley makes a bare "Malley" ambiguous: it joins neither, nor the other bare one
        let got = run(
            &[
                vec![actor("Robert Malley", "PERSON")],
                vec![actor("Sarah Malley", "PERSON")],
                vec![actor("Malley", "PERSON")],
                vec![actor("Malley", "PERSON")],
            ],
            &Corrections::none(),
        );
        assert_ne!(got[2][0], got[0][0]);
        assert_ne!(got[2][0], got[1][0]);
        assert_ne!(got[2][0], got[3][0]);
        // with no full name anywhere, one surname is one person
        let got = run(
            &[
                vec![actor("Biden", "PERSON")],
                vec![actor("Biden", "PERSON")],
            ],
            &Corrections::none(),
        );
        assert_eq!(got[0][0], got[1][0]);
    }

    #[test]
    fn classes_stay_apart_and_acronyms_join() {
        let got = run(
            &[
                vec![
                    actor("Jordan", "GPE"),
                    actor("International Atomic Energy Agency", "ORG"),
                ],
                vec![actor("Jordan", "PERSON"), actor("IAEA", "ORG")],
            ],
            &Corrections::none(),
        );
        assert_ne!(got[0][0], got[1][0]);
        assert_eq!(got[0][1], got[1][1]);
    }

    #[test]
    fn groups_in_the_plural_are_the_group() {
        let got = run(
            &[
                vec![actor("Tories", "NORP"), actor("Swiss", "NORP")],
                vec![actor("Tory", "NORP"), actor("Swis", "NORP")],
            ],
            &Corrections::none(),
        );
        assert_eq!(got[0][0], got[1][0]);
        assert_ne!(got[0][1], got[1][1]);
    }

    #[test]
    fn corrections_win() {
        let c = Corrections::parse(
            "[[merge]]\nnames = [\"FM Zarif\", \"Mohammad Javad Zarif\"]\n\
             [[split]]\nname = \"Moammar Kadafi\"\n",
            "c",
        )
        .unwrap();
        let got = run(
            &[
                vec![
                    actor("Mohammad Javad Zarif", "PERSON"),
                    actor("Muammar Gaddafi", "PERSON"),
                ],
                vec![
                    actor("FM Zarif", "PERSON"),
                    actor("Moammar Kadafi", "PERSON"),
                ],
            ],
            &c,
        );
        assert_eq!(got[0][0], got[1][0]);
        assert_ne!(got[0][1], got[1][1]);
    }
}
