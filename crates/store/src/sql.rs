//! The SQLite schema, its versioned migrations, and row mapping.
//!
//! Migrations are applied in order inside one transaction each and recorded in `user_version`;
//! a database from a newer dossier is refused rather than damaged.

use dossier_model::Doc;
use rusqlite::{Connection, Row};

/// Migration `i` brings the schema from version `i` to `i + 1`. Append only; never edit.
const MIGRATIONS: &[&str] = &[
    // 1: documents, duplicate index, inputs
    "CREATE TABLE documents (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        id           TEXT NOT NULL UNIQUE,
        source       TEXT NOT NULL,
        kind         TEXT NOT NULL,
        url          TEXT,
        title        TEXT,
        outlet       TEXT,
        authors      TEXT NOT NULL DEFAULT '[]',
        published    TEXT,
        language     TEXT,
        dateline     TEXT,
        text         TEXT NOT NULL,
        duplicate_of TEXT,
        annotations  TEXT NOT NULL,
        ingested_at  TEXT NOT NULL
    );
    CREATE INDEX documents_source ON documents(source);
    CREATE INDEX documents_outlet ON documents(outlet);
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
    CREATE TABLE fingerprints (
        doc_seq INTEGER PRIMARY KEY REFERENCES documents(seq),
        exact   INTEGER NOT NULL,
        minhash BLOB
    );
    CREATE INDEX fingerprints_exact ON fingerprints(exact);
    CREATE TABLE lsh_bands (
        band    INTEGER NOT NULL,
        doc_seq INTEGER NOT NULL REFERENCES documents(seq)
    );
    CREATE INDEX lsh_bands_band ON lsh_bands(band);
    CREATE TABLE inputs (
        path        TEXT PRIMARY KEY,
        size        INTEGER NOT NULL,
        modified    INTEGER NOT NULL,
        documents   INTEGER NOT NULL,
        errors      INTEGER NOT NULL,
        finished_at TEXT NOT NULL
    );",
    // 2: the corpus's entities, as last resolved, and which entity each document actor is
    "CREATE TABLE entities (
        id        TEXT PRIMARY KEY,
        name      TEXT NOT NULL,
        type      TEXT NOT NULL,
        mentions  INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        json      TEXT NOT NULL
    );
    CREATE INDEX entities_mentions ON entities(mentions);
    CREATE TABLE entity_outlets (
        entity   TEXT NOT NULL REFERENCES entities(id),
        outlet   TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (entity, outlet)
    );
    CREATE TABLE actor_entities (
        doc    TEXT NOT NULL,
        actor  INTEGER NOT NULL,
        entity TEXT NOT NULL REFERENCES entities(id),
        PRIMARY KEY (doc, actor)
    );
    CREATE INDEX actor_entities_entity ON actor_entities(entity);
    CREATE TABLE resolution (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        stamp   TEXT NOT NULL
    );",
];

pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub enum MigrateError {
    Sqlite(rusqlite::Error),
    TooNew { found: i64, known: i64 },
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> Self {
        MigrateError::Sqlite(e)
    }
}

pub fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(MigrateError::TooNew {
            found: version,
            known,
        });
    }
    for (i, step) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(step)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

pub const DOC_COLUMNS: &str = "id, source, kind, url, title, outlet, authors, published, language, dateline, text, duplicate_of, annotations";

pub const INSERT_DOC: &str = "INSERT OR IGNORE INTO documents
    (id, source, kind, url, title, outlet, authors, published, language, dateline, text, duplicate_of, annotations, ingested_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

/// A document (without annotations) and its annotations JSON, from `DOC_COLUMNS` starting at `at`.
pub fn row_to_doc(row: &Row, at: usize) -> rusqlite::Result<(Doc, String)> {
    let kind: String = row.get(at + 2)?;
    let mut doc = Doc::new(
        row.get(at)?,
        row.get(at + 1)?,
        crate::kind_from_str(&kind),
        row.get(at + 10)?,
    );
    doc.url = row.get(at + 3)?;
    doc.title = row.get(at + 4)?;
    doc.outlet = row.get(at + 5)?;
    let authors: String = row.get(at + 6)?;
    doc.authors = serde_json::from_str(&authors).unwrap_or_default();
    doc.published = row.get(at + 7)?;
    doc.language = row.get(at + 8)?;
    doc.dateline = row.get(at + 9)?;
    doc.duplicate_of = row.get(at + 11)?;
    Ok((doc, row.get(at + 12)?))
}
