//! dossier's embedded store: one SQLite file and a tantivy full-text index beside it.
//!
//! SQLite is the source of truth. It holds every document with its text, metadata and
//! annotations, the duplicate-detection tables (exact fingerprints and LSH bands, on disk so
//! memory does not grow with the corpus) and the list of inputs already ingested. The tantivy
//! index in `<db>.index/` is derived from it and can always be rebuilt.
//!
//! Crash safety: a batch is written in one SQLite transaction (WAL mode), and only after it has
//! committed is the batch added to the index, whose commit records the highest document sequence
//! number it covers. On open, documents the index lacks (a crash between the two commits) are
//! indexed again, so a `kill -9` at any point leaves both consistent after the next open.

mod entities;
mod search;
mod sql;

use std::path::{Path, PathBuf};

use dossier_dedup::{Duplicate, Fingerprint, NEAR_THRESHOLD, similarity};
use dossier_model::{Doc, DocActor, InputKind, Mention, Quote, Span, Timex};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

pub use entities::{ActorDoc, StoredEntity};
pub use search::{Hit, SearchOptions};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("full-text index {path}: {source}")]
    Index {
        path: String,
        #[source]
        source: tantivy::TantivyError,
    },
    #[error("{path} is being written by another dossier process; wait for it to finish")]
    Busy { path: String },
    #[error("search query `{query}`: {reason}")]
    Query { query: String, reason: String },
    #[error(
        "database {path} was written by a newer dossier (schema version {found}, this one knows {known})"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error(
        "database {path} has schema version {found}; run `dossier ingest` once to migrate it to {known}"
    )]
    Outdated {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("stored annotations of document {id} are unreadable: {source}")]
    Corrupt {
        id: String,
        #[source]
        source: serde_json::Error,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The stand-off annotations of a document, stored as one JSON value beside its text. Tokens are
/// not stored: they are cheap to recompute and would dominate the file.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Annotations {
    sentences: Vec<Span>,
    mentions: Vec<Mention>,
    times: Vec<Timex>,
    quotes: Vec<Quote>,
    #[serde(default)]
    actors: Vec<DocActor>,
    /// Quotations in the title, spans into the title.
    #[serde(default)]
    title_quotes: Vec<Quote>,
}

/// A document ready to be written, with its fingerprint for duplicate detection.
pub struct NewDoc {
    pub doc: Doc,
    pub fingerprint: Fingerprint,
}

/// What writing a batch did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BatchReport {
    pub stored: usize,
    pub already_present: usize,
}

/// An input file already read to its end, so a later run can skip it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputStamp {
    pub path: String,
    pub size: u64,
    pub modified: i64,
}

/// Corpus counts for `dossier stats`.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub duplicates: u64,
    pub indexed: u64,
    pub by_kind: Vec<(String, u64)>,
    pub by_outlet: Vec<(String, u64)>,
    pub by_language: Vec<(String, u64)>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub mentions: u64,
    pub times: u64,
    pub quotes: u64,
    /// Entities in the saved resolution.
    pub entities: u64,
    pub inputs: u64,
}

pub struct Store {
    conn: Connection,
    db_path: PathBuf,
    index: search::SearchIndex,
}

impl Store {
    /// Opens (or creates) the store at `db_path`, with its index at `<db_path>.index/`, migrating
    /// the schema and repairing the index where a crash left it behind.
    pub fn open(db_path: &Path) -> Result<Store> {
        let name = db_path.display().to_string();
        let sqlite = |source| StoreError::Sqlite {
            path: name.clone(),
            source,
        };
        // The index's write lock comes first: it makes this the only writer of the store.
        let index = search::SearchIndex::open(&index_dir(db_path))?;
        index.lock_for_writing()?;
        let mut conn = Connection::open(db_path).map_err(sqlite)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sqlite)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sqlite)?;
        sql::migrate(&mut conn).map_err(|e| match e {
            sql::MigrateError::Sqlite(source) => StoreError::Sqlite {
                path: name.clone(),
                source,
            },
            sql::MigrateError::TooNew { found, known } => StoreError::TooNew {
                path: name.clone(),
                found,
                known,
            },
        })?;
        let mut store = Store {
            conn,
            db_path: db_path.to_path_buf(),
            index,
        };
        store.catch_up_index()?;
        Ok(store)
    }

    /// Opens an existing store for reading only: no migration, no index repair, no write lock,
    /// so it can be used while an ingest is running.
    pub fn open_for_reading(db_path: &Path) -> Result<Store> {
        let name = db_path.display().to_string();
        let sqlite = |source| StoreError::Sqlite {
            path: name.clone(),
            source,
        };
        let conn = Connection::open_with_flags(
            db_path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sqlite)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(sqlite)?;
        let known = sql::schema_version();
        if version > known {
            return Err(StoreError::TooNew {
                path: name,
                found: version,
                known,
            });
        }
        if version < known {
            return Err(StoreError::Outdated {
                path: name,
                found: version,
                known,
            });
        }
        let index = search::SearchIndex::open(&index_dir(db_path))?;
        Ok(Store {
            conn,
            db_path: db_path.to_path_buf(),
            index,
        })
    }

    pub fn path(&self) -> &Path {
        &self.db_path
    }

    fn sqlite(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Sqlite {
            path: self.db_path.display().to_string(),
            source,
        }
    }

    /// Indexes documents committed to SQLite after the index's last commit.
    fn catch_up_index(&mut self) -> Result<()> {
        let last = self.index.last_seq();
        let max: i64 = self
            .conn
            .query_row("SELECT COALESCE(MAX(seq), 0) FROM documents", [], |r| {
                r.get(0)
            })
            .map_err(self.sqlite())?;
        if max <= last {
            return Ok(());
        }
        let docs = self.docs_after(last)?;
        self.index.add(&docs, max)?;
        Ok(())
    }

    fn docs_after(&self, seq: i64) -> Result<Vec<(i64, Doc)>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT seq, {} FROM documents WHERE seq > ?1 AND duplicate_of IS NULL ORDER BY seq", sql::DOC_COLUMNS))
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([seq], |row| {
                Ok((row.get::<_, i64>(0)?, sql::row_to_doc(row, 1)?))
            })
            .map_err(self.sqlite())?;
        let mut out = Vec::new();
        for r in rows {
            let (seq, (doc, ann)) = r.map_err(self.sqlite())?;
            out.push((seq, with_annotations(doc, &ann)?));
        }
        Ok(out)
    }

    pub fn contains(&self, id: &str) -> Result<bool> {
        self.conn
            .query_row("SELECT 1 FROM documents WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map(|o| o.is_some())
            .map_err(self.sqlite())
    }

    /// The earliest stored document that `fp` duplicates, exactly or nearly.
    pub fn find_duplicate(&self, fp: &Fingerprint) -> Result<Option<Duplicate>> {
        let exact: Option<String> = self
            .conn
            .query_row(
                "SELECT d.id FROM fingerprints f JOIN documents d ON d.seq = f.doc_seq WHERE f.exact = ?1 ORDER BY d.seq LIMIT 1",
                [fp.exact as i64],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sqlite())?;
        if let Some(of) = exact {
            return Ok(Some(Duplicate {
                of,
                similarity: 1.0,
                exact: true,
            }));
        }
        let Some(sig) = &fp.minhash else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT d.seq, d.id, f.minhash FROM lsh_bands b JOIN fingerprints f ON f.doc_seq = b.doc_seq \
                 JOIN documents d ON d.seq = b.doc_seq WHERE b.band = ?1",
            )
            .map_err(self.sqlite())?;
        let mut best: Option<(i64, String, f64)> = None;
        for band in fp.bands() {
            let rows = stmt
                .query_map([band], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<Vec<u8>>>(2)?,
                    ))
                })
                .map_err(self.sqlite())?;
            for row in rows {
                let (seq, id, bytes) = row.map_err(self.sqlite())?;
                let Some(other) = bytes.as_deref().and_then(Fingerprint::minhash_from_bytes) else {
                    continue;
                };
                let s = similarity(sig, &other);
                if s >= NEAR_THRESHOLD && best.as_ref().is_none_or(|(b, _, _)| seq < *b) {
                    best = Some((seq, id, s));
                }
            }
        }
        Ok(best.map(|(_, of, similarity)| Duplicate {
            of,
            similarity,
            exact: false,
        }))
    }

    /// Writes a batch in one transaction, then indexes it. Documents already present (same id)
    /// are left untouched, so re-ingesting an input changes nothing.
    pub fn write_batch(&mut self, batch: &[NewDoc]) -> Result<BatchReport> {
        let mut report = BatchReport::default();
        let now = chrono::Utc::now().to_rfc3339();
        let name = self.db_path.display().to_string();
        let err = |source| StoreError::Sqlite {
            path: name.clone(),
            source,
        };
        log::info!("writing {} documents to {name}", batch.len());
        let tx = self.conn.transaction().map_err(err)?;
        let mut to_index = Vec::new();
        let mut max_seq = 0;
        {
            let mut insert = tx.prepare_cached(sql::INSERT_DOC).map_err(err)?;
            let mut insert_fp = tx
                .prepare_cached(
                    "INSERT INTO fingerprints (doc_seq, exact, minhash) VALUES (?1, ?2, ?3)",
                )
                .map_err(err)?;
            let mut insert_band = tx
                .prepare_cached("INSERT INTO lsh_bands (band, doc_seq) VALUES (?1, ?2)")
                .map_err(err)?;
            for item in batch {
                let d = &item.doc;
                let ann = serde_json::to_string(&Annotations {
                    sentences: d.sentences.clone(),
                    mentions: d.mentions.clone(),
                    times: d.times.clone(),
                    quotes: d.quotes.clone(),
                    actors: d.actors.clone(),
                    title_quotes: d.title_quotes.clone(),
                })
                .expect("annotations serialise");
                let changed = insert
                    .execute(params![
                        d.id,
                        d.source,
                        d.kind.as_str(),
                        d.url,
                        d.title,
                        d.outlet,
                        serde_json::to_string(&d.authors).expect("authors serialise"),
                        d.published,
                        d.language,
                        d.dateline,
                        d.text,
                        d.duplicate_of,
                        ann,
                        now,
                    ])
                    .map_err(err)?;
                if changed == 0 {
                    report.already_present += 1;
                    continue;
                }
                report.stored += 1;
                let seq = tx.last_insert_rowid();
                max_seq = seq;
                if d.duplicate_of.is_none() {
                    // only originals are candidates for later documents to duplicate
                    insert_fp
                        .execute(params![
                            seq,
                            item.fingerprint.exact as i64,
                            item.fingerprint.minhash_bytes()
                        ])
                        .map_err(err)?;
                    for band in item.fingerprint.bands() {
                        insert_band.execute(params![band, seq]).map_err(err)?;
                    }
                    to_index.push((seq, d.clone()));
                }
            }
        }
        tx.commit().map_err(err)?;
        log::info!(
            "committed {} documents; indexing {}",
            report.stored,
            to_index.len()
        );
        if max_seq > 0 {
            self.index.add(&to_index, max_seq)?;
        }
        log::info!("indexed {} documents", to_index.len());
        Ok(report)
    }

    /// Whether an input with this path, size and modification time was already read to its end.
    pub fn input_done(&self, stamp: &InputStamp) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT 1 FROM inputs WHERE path = ?1 AND size = ?2 AND modified = ?3",
                params![stamp.path, stamp.size as i64, stamp.modified],
                |_| Ok(()),
            )
            .optional()
            .map(|o| o.is_some())
            .map_err(self.sqlite())
    }

    /// Records that an input was read to its end (after its last batch committed).
    pub fn mark_input_done(&self, stamp: &InputStamp, docs: usize, errors: usize) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO inputs (path, size, modified, documents, errors, finished_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![stamp.path, stamp.size as i64, stamp.modified, docs as i64, errors as i64, chrono::Utc::now().to_rfc3339()],
            )
            .map(|_| ())
            .map_err(self.sqlite())
    }

    /// A document by id, or by a unique id prefix, or by its source (path or URL).
    pub fn doc(&self, key: &str) -> Result<Option<Doc>> {
        let q = format!(
            "SELECT {} FROM documents WHERE id = ?1 OR source = ?1 OR (length(?1) >= 4 AND id LIKE ?1 || '%') ORDER BY seq LIMIT 2",
            sql::DOC_COLUMNS
        );
        let mut stmt = self.conn.prepare(&q).map_err(self.sqlite())?;
        let rows: Vec<(Doc, String)> = stmt
            .query_map([key], |row| sql::row_to_doc(row, 0))
            .map_err(self.sqlite())?
            .collect::<std::result::Result<_, _>>()
            .map_err(self.sqlite())?;
        match rows.into_iter().next() {
            Some((doc, ann)) => Ok(Some(with_annotations(doc, &ann)?)),
            None => Ok(None),
        }
    }

    /// Every stored document in ingest order, handed to `f` one at a time (the corpus need not fit
    /// in memory).
    pub fn for_each_doc(&self, mut f: impl FnMut(Doc)) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {} FROM documents ORDER BY seq",
                sql::DOC_COLUMNS
            ))
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([], |row| sql::row_to_doc(row, 0))
            .map_err(self.sqlite())?;
        for r in rows {
            let (doc, ann) = r.map_err(self.sqlite())?;
            f(with_annotations(doc, &ann)?);
        }
        Ok(())
    }

    /// Full-text search; see [`SearchOptions`] for the query language.
    pub fn search(&self, query: &str, opts: &SearchOptions) -> Result<Vec<Hit>> {
        let found = self.index.search(query, opts)?;
        let mut hits = Vec::new();
        for (score, id) in found {
            if let Some(doc) = self.doc(&id)? {
                hits.push(self.index.hit(query, score, &doc)?);
            }
        }
        Ok(hits)
    }

    pub fn stats(&self) -> Result<Stats> {
        let c = &self.conn;
        let e = self.sqlite();
        let count = |q: &str| c.query_row(q, [], |r| r.get::<_, i64>(0)).map(|v| v as u64);
        let groups = |q: &str| -> rusqlite::Result<Vec<(String, u64)>> {
            let mut s = c.prepare(q)?;
            s.query_map([], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?
                        .unwrap_or_else(|| "(unknown)".into()),
                    r.get::<_, i64>(1)? as u64,
                ))
            })?
            .collect()
        };
        let (first, last): (Option<String>, Option<String>) = c
            .query_row(
                "SELECT MIN(substr(published,1,10)), MAX(substr(published,1,10)) FROM documents",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(&e)?;
        Ok(Stats {
            documents: count("SELECT COUNT(*) FROM documents").map_err(&e)?,
            duplicates: count("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL").map_err(&e)?,
            indexed: self.index.num_docs(),
            by_kind: groups("SELECT kind, COUNT(*) FROM documents GROUP BY kind ORDER BY 2 DESC").map_err(&e)?,
            by_outlet: groups("SELECT outlet, COUNT(*) FROM documents GROUP BY outlet ORDER BY 2 DESC, 1").map_err(&e)?,
            by_language: groups("SELECT language, COUNT(*) FROM documents GROUP BY language ORDER BY 2 DESC").map_err(&e)?,
            first_published: first,
            last_published: last,
            mentions: count("SELECT COALESCE(SUM(json_array_length(annotations, '$.mentions')), 0) FROM documents").map_err(&e)?,
            times: count("SELECT COALESCE(SUM(json_array_length(annotations, '$.times')), 0) FROM documents").map_err(&e)?,
            quotes: count("SELECT COALESCE(SUM(json_array_length(annotations, '$.quotes')), 0) FROM documents").map_err(&e)?,
            entities: count("SELECT COUNT(*) FROM entities").map_err(&e)?,
            inputs: count("SELECT COUNT(*) FROM inputs").map_err(&e)?,
        })
    }

    /// Checks SQLite's own consistency and that the index covers exactly the stored originals.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let ok: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(self.sqlite())?;
        if ok != "ok" {
            problems.push(format!("sqlite integrity: {ok}"));
        }
        let originals: i64 = self
            .conn
            .query_row(
                "SELECT COUNT(*) FROM documents WHERE duplicate_of IS NULL",
                [],
                |r| r.get(0),
            )
            .map_err(self.sqlite())?;
        let indexed = self.index.num_docs();
        if indexed != originals as u64 {
            problems.push(format!(
                "index holds {indexed} documents, the database {originals} originals"
            ));
        }
        Ok(problems)
    }
}

fn with_annotations(mut doc: Doc, json: &str) -> Result<Doc> {
    let ann: Annotations = serde_json::from_str(json).map_err(|source| StoreError::Corrupt {
        id: doc.id.clone(),
        source,
    })?;
    doc.sentences = ann.sentences;
    doc.mentions = ann.mentions;
    doc.times = ann.times;
    doc.quotes = ann.quotes;
    doc.actors = ann.actors;
    doc.title_quotes = ann.title_quotes;
    Ok(doc)
}

fn index_dir(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".index");
    db.with_file_name(name)
}

pub(crate) fn kind_from_str(s: &str) -> InputKind {
    match s {
        "html" => InputKind::Html,
        "jsonl" => InputKind::Jsonl,
        "feed" => InputKind::Feed,
        "warc" => InputKind::Warc,
        _ => InputKind::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::Speaker;

    #[test]
    fn title_quotes_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let text = "The minister spoke in Vienna on Monday about the talks.";
        let mut doc = Doc::new("d1".into(), "a.html".into(), InputKind::Html, text.into());
        let title = "Araqchi: “No step-by-step”";
        doc.title = Some(title.into());
        doc.title_quotes.push(Quote {
            span: Span::new(9, title.len()),
            direct: true,
            cue: Some(Span::new(7, 8)),
            speaker: Some(Speaker {
                span: Span::new(0, 7),
                entity: None,
                role: None,
            }),
        });
        let fingerprint = Fingerprint::of(text);
        store.write_batch(&[NewDoc { doc, fingerprint }]).unwrap();
        let back = store.doc("d1").unwrap().expect("stored");
        assert_eq!(back.title_quotes.len(), 1);
        assert_eq!(back.title_quotes[0].span.text(title), "“No step-by-step”");
    }
}
