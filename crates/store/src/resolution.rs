//! When the corpus's actors are resolved again, and which resolution a reader sees.
//!
//! The resolution saved in the store is stamped with what it was computed from (the last stored
//! document and the corrections text in force). [`Store::resolve`] recomputes and saves it only
//! when that stamp no longer matches; [`Store::current_resolution`] gives readers the saved one
//! when it is current and otherwise computes one in memory without saving it (readers do not
//! write), so no command ever shows an out-of-date actor list. The freshness rule lives here,
//! beside the stamp it compares, rather than in the binary; the grouping itself is
//! `dossier_actors::resolve`.

use std::collections::HashMap;

use dossier_actors::{Corrections, DocActors};
use dossier_model::{Doc, Entity};

use crate::{Result, Store, StoredEntity};

/// A corpus's entities and, per document, the entity of each of its actors.
pub struct Resolved {
    /// Most mentioned first (ties by id), as saved.
    pub entities: Vec<StoredEntity>,
    pub by_doc: HashMap<String, Vec<Option<String>>>,
    /// Computed for this call because the saved resolution was out of date (or absent); not
    /// saved.
    pub computed_now: bool,
}

impl Resolved {
    /// Writes entity ids onto a stored document's mentions and quote speakers.
    pub fn fill(&self, doc: &mut Doc) {
        if let Some(ids) = self.by_doc.get(&doc.id) {
            dossier_actors::link_entities(doc, ids);
        }
    }

    pub fn plain_entities(&self) -> Vec<Entity> {
        self.entities.iter().map(|e| e.entity.clone()).collect()
    }
}

impl Store {
    /// Resolves the stored originals with `corrections` (`corrections_text` is their file's
    /// text, part of the stamp) and saves the result, unless the saved resolution is already
    /// current and `force` is false. Returns the resolution computed and saved, or `None` when
    /// the saved one was kept.
    pub fn resolve(
        &mut self,
        corrections: &Corrections,
        corrections_text: &str,
        force: bool,
    ) -> Result<Option<Resolved>> {
        let stamp = self.resolution_stamp_for(corrections_text)?;
        if !force && self.resolution_stamp()?.as_deref() == Some(stamp.as_str()) {
            return Ok(None);
        }
        log::info!("grouping the stored actors into entities");
        let resolved = self.compute_resolution(corrections)?;
        log::info!("saving {} entities", resolved.entities.len());
        let mut assignment: Vec<(&str, usize, &str)> = Vec::new();
        for (doc, ids) in &resolved.by_doc {
            for (k, id) in ids.iter().enumerate() {
                if let Some(id) = id {
                    assignment.push((doc, k, id));
                }
            }
        }
        self.save_resolution(&stamp, &resolved.entities, assignment.into_iter())?;
        log::info!("saved {} entities", resolved.entities.len());
        Ok(Some(resolved))
    }

    /// The resolution a reader sees: the saved one when it is current, else one computed now
    /// (and not saved), with `computed_now` set.
    pub fn current_resolution(
        &self,
        corrections: &Corrections,
        corrections_text: &str,
    ) -> Result<Resolved> {
        let stamp = self.resolution_stamp_for(corrections_text)?;
        if self.resolution_stamp()?.as_deref() == Some(stamp.as_str()) {
            return Ok(Resolved {
                entities: self.stored_entities()?,
                by_doc: self.stored_assignment()?,
                computed_now: false,
            });
        }
        self.compute_resolution(corrections)
    }

    fn compute_resolution(&self, corrections: &Corrections) -> Result<Resolved> {
        let docs = self.actor_docs()?;
        let views: Vec<DocActors> = docs
            .iter()
            .map(|d| DocActors {
                doc: &d.id,
                outlet: d.outlet.as_deref(),
                actors: &d.actors,
            })
            .collect();
        let res = dossier_actors::resolve(&views, &dossier_actors::kb_info, corrections);
        let by_doc = docs
            .iter()
            .zip(&res.assignment)
            .map(|(d, a)| {
                let ids = a
                    .iter()
                    .map(|&e| Some(res.entities[e].id.clone()))
                    .collect();
                (d.id.clone(), ids)
            })
            .collect();
        let mut entities: Vec<StoredEntity> = res
            .entities
            .into_iter()
            .zip(res.outlets)
            .map(|(entity, outlets)| StoredEntity { entity, outlets })
            .collect();
        entities.sort_by(|a, b| {
            b.entity
                .mentions
                .cmp(&a.entity.mentions)
                .then_with(|| a.entity.id.cmp(&b.entity.id))
        });
        Ok(Resolved {
            entities,
            by_doc,
            computed_now: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewDoc;
    use dossier_dedup::Fingerprint;
    use dossier_model::InputKind;

    fn add(store: &mut Store, id: &str, text: &str) {
        let doc = Doc::new(id.into(), format!("{id}.txt"), InputKind::Text, text.into());
        let fingerprint = Fingerprint::of(text);
        store.write_batch(&[NewDoc { doc, fingerprint }]).unwrap();
    }

    #[test]
    fn the_saved_resolution_is_used_while_current_and_recomputed_when_stale() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let none = Corrections::none();
        add(
            &mut store,
            "a",
            "The Selmouth harbour board met on Tuesday.",
        );
        assert!(store.current_resolution(&none, "").unwrap().computed_now);
        assert!(store.resolve(&none, "", false).unwrap().is_some());
        assert!(store.resolve(&none, "", false).unwrap().is_none());
        assert!(store.resolve(&none, "", true).unwrap().is_some(), "forced");
        assert!(!store.current_resolution(&none, "").unwrap().computed_now);
        // a new document, or another corrections text, makes the saved one stale
        add(
            &mut store,
            "b",
            "Stallholders at the Kettering Row market protested.",
        );
        assert!(store.current_resolution(&none, "").unwrap().computed_now);
        assert!(store.resolve(&none, "", false).unwrap().is_some());
        assert!(!store.current_resolution(&none, "").unwrap().computed_now);
        assert!(
            store
                .current_resolution(&none, "# edited")
                .unwrap()
                .computed_now
        );
    }
}
