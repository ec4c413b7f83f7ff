//! Which documents are copies of others: the one place that decides it, for both flows.
//!
//! `dossier ingest` checks each batch before analysis, against itself and against what is stored
//! ([`Store::check_batch`]): a document already stored is left out, and a copy (the same text,
//! or MinHash Jaccard ≥ 0.7) is stored linked to its original without being analysed.
//! `dossier analyze` has no store and analyses every record, so that its output is complete;
//! [`mark_duplicates`] then links its copies. Both halves live here, beside the on-disk index the
//! first one reads, so that the two flows cannot come to disagree about what a copy is;
//! `dossier-dedup` keeps only the fingerprints and the in-memory index, with no notion of a
//! document.

use std::collections::HashSet;

use dossier_dedup::{Fingerprint, MemoryIndex};
use dossier_model::Doc;

use crate::{Result, Store};

/// A batch after the duplicate check: what is left to analyse and store.
pub struct CheckedBatch {
    /// The documents not stored yet, in batch order; a copy has `duplicate_of` set.
    pub docs: Vec<Doc>,
    /// Each kept document's fingerprint, to be stored with it (`NewDoc`).
    pub fingerprints: Vec<Fingerprint>,
    /// Each kept document's position in the batch given.
    pub positions: Vec<usize>,
    /// Documents left out: already stored, or repeating an id earlier in the batch.
    pub already_present: usize,
}

impl CheckedBatch {
    /// How many kept documents are copies.
    pub fn duplicates(&self) -> usize {
        self.docs
            .iter()
            .filter(|d| d.duplicate_of.is_some())
            .count()
    }
}

impl Store {
    /// The duplicate check for a batch about to be analysed and stored: ids already stored (or
    /// seen earlier in the batch) are left out; a document whose text copies one earlier in the
    /// batch, or one stored, gets `duplicate_of` (the earliest such original).
    pub fn check_batch(&self, batch: Vec<Doc>) -> Result<CheckedBatch> {
        let mut in_batch = MemoryIndex::new();
        let mut seen = HashSet::new();
        let mut out = CheckedBatch {
            docs: Vec::with_capacity(batch.len()),
            fingerprints: Vec::with_capacity(batch.len()),
            positions: Vec::with_capacity(batch.len()),
            already_present: 0,
        };
        for (position, mut doc) in batch.into_iter().enumerate() {
            if !seen.insert(doc.id.clone()) || self.contains(&doc.id)? {
                out.already_present += 1;
                continue;
            }
            let fp = Fingerprint::of(&doc.text);
            let dup = match in_batch.find(&fp) {
                Some(d) => Some(d),
                None => self.find_duplicate(&fp)?,
            };
            match dup {
                Some(d) => doc.duplicate_of = Some(d.of),
                None => in_batch.insert(&doc.id, &fp),
            }
            out.docs.push(doc);
            out.fingerprints.push(fp);
            out.positions.push(position);
        }
        Ok(out)
    }
}

/// Links the copies among `docs` (in memory, no store): each document whose text copies an
/// earlier one gets `duplicate_of`. The same document given twice (same id) is not its own copy.
pub fn mark_duplicates(docs: &mut [Doc]) {
    let mut index = MemoryIndex::new();
    for doc in docs {
        let fp = Fingerprint::of(&doc.text);
        match index.find(&fp) {
            Some(d) if d.of != doc.id => doc.duplicate_of = Some(d.of),
            Some(_) => {}
            None => index.insert(&doc.id, &fp),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewDoc;
    use dossier_model::InputKind;

    const HARBOUR: &str = "The harbour board of Selmouth voted on Tuesday to close the old \
                           ferry pier for repairs until the spring.";
    const MARKET: &str = "Stallholders at the Kettering Row market said the new rents would \
                          drive half of them away before the summer.";

    fn doc(id: &str, text: &str) -> Doc {
        Doc::new(id.into(), format!("{id}.txt"), InputKind::Text, text.into())
    }

    #[test]
    fn a_batch_leaves_out_what_is_stored_and_links_copies_in_it_and_in_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let first = doc("a", HARBOUR);
        let fingerprint = Fingerprint::of(HARBOUR);
        store
            .write_batch(&[NewDoc {
                doc: first,
                fingerprint,
            }])
            .unwrap();
        let batch = vec![
            doc("a", HARBOUR),
            doc("b", HARBOUR),
            doc("c", MARKET),
            doc("c", MARKET),
            doc("d", MARKET),
        ];
        let checked = store.check_batch(batch).unwrap();
        assert_eq!(checked.already_present, 2);
        assert_eq!(checked.positions, vec![1, 2, 4]);
        let links: Vec<(&str, Option<&str>)> = checked
            .docs
            .iter()
            .map(|d| (d.id.as_str(), d.duplicate_of.as_deref()))
            .collect();
        assert_eq!(links, vec![("b", Some("a")), ("c", None), ("d", Some("c"))]);
        assert_eq!(checked.duplicates(), 2);
        assert_eq!(checked.fingerprints.len(), 3);
    }

    #[test]
    fn in_memory_copies_are_linked_and_a_repeated_id_is_not_its_own_copy() {
        let mut docs = vec![doc("x", HARBOUR), doc("x", HARBOUR), doc("y", HARBOUR)];
        mark_duplicates(&mut docs);
        let links: Vec<Option<&str>> = docs.iter().map(|d| d.duplicate_of.as_deref()).collect();
        assert_eq!(links, vec![None, None, Some("x")]);
    }
}
