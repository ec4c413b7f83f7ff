//! The corpus's entities as last resolved: the actors of every stored document read out for
//! the resolver, and its result written back in one transaction, with a stamp that says what it
//! was computed from (the last document and the corrections in force), so a reader can tell
//! whether it is current.

use std::collections::{BTreeMap, HashMap};

use dossier_model::{DocActor, Entity};
use rusqlite::{OptionalExtension, params};

use crate::{Result, Store, StoreError};

/// One stored original's actors, as the resolver reads them.
#[derive(Debug, Clone)]
pub struct ActorDoc {
    pub id: String,
    pub outlet: Option<String>,
    pub actors: Vec<DocActor>,
}

/// An entity with its mentions per outlet.
#[derive(Debug, Clone)]
pub struct StoredEntity {
    pub entity: Entity,
    pub outlets: BTreeMap<String, usize>,
}

impl Store {
    /// The actors of every stored original, in ingest order.
    pub fn actor_docs(&self) -> Result<Vec<ActorDoc>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, outlet, COALESCE(json_extract(annotations, '$.actors'), '[]')
                 FROM documents WHERE duplicate_of IS NULL ORDER BY seq",
            )
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(self.sqlite())?;
        let mut out = Vec::new();
        for row in rows {
            let (id, outlet, json) = row.map_err(self.sqlite())?;
            let actors = serde_json::from_str(&json).map_err(|source| StoreError::Corrupt {
                id: id.clone(),
                source,
            })?;
            out.push(ActorDoc { id, outlet, actors });
        }
        Ok(out)
    }

    /// What a resolution computed now would be stamped with: the last stored document and the
    /// corrections text in force.
    pub fn resolution_stamp_for(&self, corrections: &str) -> Result<String> {
        let max: i64 = self
            .conn
            .query_row("SELECT COALESCE(MAX(seq), 0) FROM documents", [], |r| {
                r.get(0)
            })
            .map_err(self.sqlite())?;
        Ok(format!("{max}\n{corrections}"))
    }

    /// The stamp of the stored resolution, if any.
    pub fn resolution_stamp(&self) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT stamp FROM resolution WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.sqlite())
    }

    /// Replaces the stored resolution: entities, their outlets, and the entity of each
    /// document actor `(document id, actor index, entity id)`.
    pub fn save_resolution<'a>(
        &mut self,
        stamp: &str,
        entities: &[StoredEntity],
        assignment: impl Iterator<Item = (&'a str, usize, &'a str)>,
    ) -> Result<()> {
        let name = self.db_path.display().to_string();
        let err = |source| StoreError::Sqlite {
            path: name.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute_batch(
            "DELETE FROM actor_entities; DELETE FROM entity_outlets; DELETE FROM entities;
             DELETE FROM resolution;",
        )
        .map_err(err)?;
        {
            let mut ins = tx
                .prepare(
                    "INSERT INTO entities (id, name, type, mentions, documents, json)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(err)?;
            let mut ins_outlet = tx
                .prepare(
                    "INSERT INTO entity_outlets (entity, outlet, mentions) VALUES (?1, ?2, ?3)",
                )
                .map_err(err)?;
            for s in entities {
                let e = &s.entity;
                ins.execute(params![
                    e.id,
                    e.name,
                    e.kind,
                    e.mentions as i64,
                    e.documents.len() as i64,
                    serde_json::to_string(e).expect("entities serialise"),
                ])
                .map_err(err)?;
                for (outlet, n) in &s.outlets {
                    ins_outlet
                        .execute(params![e.id, outlet, *n as i64])
                        .map_err(err)?;
                }
            }
            let mut ins_actor = tx
                .prepare("INSERT INTO actor_entities (doc, actor, entity) VALUES (?1, ?2, ?3)")
                .map_err(err)?;
            for (doc, actor, entity) in assignment {
                ins_actor
                    .execute(params![doc, actor as i64, entity])
                    .map_err(err)?;
            }
        }
        tx.execute("INSERT INTO resolution (id, stamp) VALUES (1, ?1)", [stamp])
            .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(())
    }

    /// The stored entities, most mentioned first.
    pub fn stored_entities(&self) -> Result<Vec<StoredEntity>> {
        let mut outlets: HashMap<String, BTreeMap<String, usize>> = HashMap::new();
        {
            let mut stmt = self
                .conn
                .prepare("SELECT entity, outlet, mentions FROM entity_outlets")
                .map_err(self.sqlite())?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })
                .map_err(self.sqlite())?;
            for row in rows {
                let (e, o, n) = row.map_err(self.sqlite())?;
                outlets.entry(e).or_default().insert(o, n as usize);
            }
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, json FROM entities ORDER BY mentions DESC, id")
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(self.sqlite())?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row.map_err(self.sqlite())?;
            let entity: Entity =
                serde_json::from_str(&json).map_err(|source| StoreError::Corrupt {
                    id: id.clone(),
                    source,
                })?;
            out.push(StoredEntity {
                outlets: outlets.remove(&id).unwrap_or_default(),
                entity,
            });
        }
        Ok(out)
    }

    /// The stored entity of every document actor: document id to entity ids by actor index.
    pub fn stored_assignment(&self) -> Result<HashMap<String, Vec<Option<String>>>> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc, actor, entity FROM actor_entities")
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(self.sqlite())?;
        let mut out: HashMap<String, Vec<Option<String>>> = HashMap::new();
        for row in rows {
            let (doc, actor, entity) = row.map_err(self.sqlite())?;
            let v = out.entry(doc).or_default();
            let k = actor as usize;
            if v.len() <= k {
                v.resize(k + 1, None);
            }
            v[k] = Some(entity);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::Entity;

    fn entity(id: &str, mentions: usize) -> StoredEntity {
        StoredEntity {
            entity: Entity {
                id: id.into(),
                name: id.into(),
                kind: "PERSON".into(),
                aliases: vec![],
                documents: vec!["d1".into()],
                mentions,
                kb: None,
                country: None,
                roles: vec![],
            },
            outlets: [("Wire".to_string(), mentions)].into_iter().collect(),
        }
    }

    #[test]
    fn resolution_round_trips_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        assert_eq!(store.resolution_stamp().unwrap(), None);
        let stamp = store.resolution_stamp_for("").unwrap();
        store
            .save_resolution(
                &stamp,
                &[entity("a", 1), entity("b", 3)],
                [("d1", 0, "a"), ("d1", 2, "b")].into_iter(),
            )
            .unwrap();
        assert_eq!(
            store.resolution_stamp().unwrap().as_deref(),
            Some(stamp.as_str())
        );
        let got = store.stored_entities().unwrap();
        assert_eq!(got[0].entity.id, "b");
        assert_eq!(got[0].outlets["Wire"], 3);
        let a = store.stored_assignment().unwrap();
        assert_eq!(a["d1"], vec![Some("a".into()), None, Some("b".into())]);
        store
            .save_resolution("x", &[entity("c", 1)], [("d2", 0, "c")].into_iter())
            .unwrap();
        assert_eq!(store.stored_entities().unwrap().len(), 1);
        assert!(!store.stored_assignment().unwrap().contains_key("d1"));
    }
}
