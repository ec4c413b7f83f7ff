//! The full-text index: tantivy over title, text, outlet and authors, with publication dates for
//! range filters. Derived from SQLite; its commit payload records the last document sequence
//! number it covers, which is how the store notices and repairs a crash between the two commits.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use dossier_model::Doc;
use regex::Regex;
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::QueryParser;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::{Result, StoreError};

/// How to search and how to present hits.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    pub limit: usize,
    /// Only documents published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Only documents published on or before this date.
    pub until: Option<String>,
    /// Put around each matched word in snippets.
    pub mark: (String, String),
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 20,
            since: None,
            until: None,
            mark: ("**".into(), "**".into()),
        }
    }
}

/// One search result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub id: String,
    pub score: f32,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub source: String,
    pub snippet: String,
}

struct Fields {
    id: Field,
    title: Field,
    text: Field,
    outlet: Field,
    author: Field,
    published: Field,
    language: Field,
    kind: Field,
}

pub struct SearchIndex {
    path: PathBuf,
    index: Index,
    reader: IndexReader,
    writer: Mutex<Option<IndexWriter>>,
    fields: Fields,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let plain = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("default")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", stemmed.clone()),
        text: b.add_text_field("text", stemmed),
        outlet: b.add_text_field("outlet", plain.clone()),
        author: b.add_text_field("author", plain),
        published: b.add_date_field("published", INDEXED | FAST),
        language: b.add_text_field("language", STRING),
        kind: b.add_text_field("kind", STRING),
    };
    (b.build(), fields)
}

impl SearchIndex {
    pub fn open(path: &Path) -> Result<SearchIndex> {
        let err = |source| StoreError::Index {
            path: path.display().to_string(),
            source,
        };
        std::fs::create_dir_all(path).map_err(|e| err(e.into()))?;
        let (schema, fields) = schema();
        let dir = MmapDirectory::open(path).map_err(|e| err(tantivy::TantivyError::from(e)))?;
        let index = match Index::open_or_create(dir, schema.clone()) {
            Ok(i) => i,
            Err(_) => {
                // An index from another schema version or damaged beyond tantivy's own recovery:
                // it is derived data, so start it again and let the store re-index.
                std::fs::remove_dir_all(path).map_err(|e| err(e.into()))?;
                std::fs::create_dir_all(path).map_err(|e| err(e.into()))?;
                let dir =
                    MmapDirectory::open(path).map_err(|e| err(tantivy::TantivyError::from(e)))?;
                Index::open_or_create(dir, schema).map_err(err)?
            }
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(err)?;
        Ok(SearchIndex {
            path: path.to_path_buf(),
            index,
            reader,
            writer: Mutex::new(None),
            fields,
        })
    }

    fn err(&self) -> impl Fn(tantivy::TantivyError) -> StoreError + '_ {
        move |source| StoreError::Index {
            path: self.path.display().to_string(),
            source,
        }
    }

    /// The highest document sequence number the last commit covers (0 for none).
    pub fn last_seq(&self) -> i64 {
        self.index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0)
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Takes the index's write lock (held until the store is dropped), so that a second writer
    /// fails at once instead of interleaving batches.
    pub fn lock_for_writing(&self) -> Result<()> {
        let mut guard = self.writer.lock().expect("index writer lock");
        if guard.is_none() {
            let writer = self.index.writer(64 * 1024 * 1024).map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => StoreError::Busy {
                    path: self.path.display().to_string(),
                },
                other => StoreError::Index {
                    path: self.path.display().to_string(),
                    source: other,
                },
            })?;
            *guard = Some(writer);
        }
        Ok(())
    }

    /// Adds documents and commits, recording `max_seq` as covered.
    pub fn add(&self, docs: &[(i64, Doc)], max_seq: i64) -> Result<()> {
        self.lock_for_writing()?;
        let mut guard = self.writer.lock().expect("index writer lock");
        let writer = guard.as_mut().expect("writer just set");
        let f = &self.fields;
        for (_, d) in docs {
            // a re-index after a crash may meet documents the index already has
            writer.delete_term(Term::from_field_text(f.id, &d.id));
            let mut td = TantivyDocument::default();
            td.add_text(f.id, &d.id);
            if let Some(t) = &d.title {
                td.add_text(f.title, t);
            }
            td.add_text(f.text, &d.text);
            if let Some(o) = &d.outlet {
                td.add_text(f.outlet, o);
            }
            for a in &d.authors {
                td.add_text(f.author, a);
            }
            if let Some(date) = d.published_date() {
                let secs = date
                    .and_hms_opt(0, 0, 0)
                    .expect("midnight")
                    .and_utc()
                    .timestamp();
                td.add_date(f.published, DateTime::from_timestamp_secs(secs));
            }
            if let Some(l) = &d.language {
                td.add_text(f.language, l);
            }
            td.add_text(f.kind, d.kind.as_str());
            writer.add_document(td).map_err(self.err())?;
        }
        let mut prepared = writer.prepare_commit().map_err(self.err())?;
        prepared.set_payload(&max_seq.to_string());
        prepared.commit().map_err(self.err())?;
        self.reader.reload().map_err(self.err())?;
        Ok(())
    }

    fn parser(&self) -> QueryParser {
        let f = &self.fields;
        let mut p = QueryParser::for_index(&self.index, vec![f.title, f.text]);
        p.set_conjunction_by_default();
        p.set_field_boost(f.title, 2.0);
        p
    }

    fn parse(&self, query: &str, opts: &SearchOptions) -> Result<Box<dyn tantivy::query::Query>> {
        let mut q = rewrite_dates(query);
        if opts.since.is_some() || opts.until.is_some() {
            let from = opts
                .since
                .as_deref()
                .map_or("*".to_string(), |d| format!("{d}T00:00:00Z"));
            let to = opts
                .until
                .as_deref()
                .map_or("*".to_string(), |d| format!("{d}T23:59:59Z"));
            q = format!("({q}) AND published:[{from} TO {to}]");
        }
        self.parser()
            .parse_query(&q)
            .map_err(|e| StoreError::Query {
                query: query.to_string(),
                reason: e.to_string(),
            })
    }

    /// Document ids of the best matches, best first.
    pub fn search(&self, query: &str, opts: &SearchOptions) -> Result<Vec<(f32, String)>> {
        let q = self.parse(query, opts)?;
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&q, &TopDocs::with_limit(opts.limit.max(1)).order_by_score())
            .map_err(self.err())?;
        let mut out = Vec::new();
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr).map_err(self.err())?;
            if let Some(id) = doc.get_first(self.fields.id).and_then(|v| v.as_str()) {
                out.push((score, id.to_string()));
            }
        }
        Ok(out)
    }

    /// A presentable hit with a snippet of the document's text, matched words marked.
    pub fn hit(&self, query: &str, score: f32, doc: &Doc) -> Result<Hit> {
        let opts = SearchOptions::default();
        let q = self.parse(query, &opts)?;
        let searcher = self.reader.searcher();
        let mut snippets =
            SnippetGenerator::create(&searcher, &*q, self.fields.text).map_err(self.err())?;
        snippets.set_max_num_chars(240);
        let snippet = snippets.snippet(&doc.text);
        let marked = if snippet.is_empty() {
            doc.text.chars().take(200).collect::<String>()
        } else {
            mark(snippet.fragment(), snippet.highlighted())
        };
        Ok(Hit {
            id: doc.id.clone(),
            score,
            title: doc.title.clone(),
            outlet: doc.outlet.clone(),
            published: doc.published.clone(),
            source: doc.source.clone(),
            snippet: marked.split_whitespace().collect::<Vec<_>>().join(" "),
        })
    }
}

/// Inserts `«`/`»`-style placeholders around highlighted ranges; the CLI picks the real marks.
fn mark(fragment: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(fragment.len() + ranges.len() * 4);
    let mut at = 0;
    for r in ranges {
        out.push_str(&fragment[at..r.start]);
        out.push('\u{1}');
        out.push_str(&fragment[r.start..r.end]);
        out.push('\u{2}');
        at = r.end;
    }
    out.push_str(&fragment[at..]);
    out
}

/// Lets users write plain dates in `published:` clauses: `published:[2021-04-01 TO 2021-04-30]`,
/// `published:2021-04-07`, `published:>=2021-04-01`. tantivy wants RFC 3339 timestamps.
fn rewrite_dates(query: &str) -> String {
    static RANGE: OnceLock<Regex> = OnceLock::new();
    static SINGLE: OnceLock<Regex> = OnceLock::new();
    static CMP: OnceLock<Regex> = OnceLock::new();
    let range = RANGE.get_or_init(|| {
        Regex::new(
            r"published:([\[{])\s*([0-9]{4}-[0-9]{2}-[0-9]{2}|\*)\s+TO\s+([0-9]{4}-[0-9]{2}-[0-9]{2}|\*)\s*([\]}])",
        )
        .unwrap()
    });
    let single =
        SINGLE.get_or_init(|| Regex::new(r"published:([0-9]{4}-[0-9]{2}-[0-9]{2})\b").unwrap());
    let cmp = CMP
        .get_or_init(|| Regex::new(r"published:([<>]=?)([0-9]{4}-[0-9]{2}-[0-9]{2})\b").unwrap());
    let ts = |d: &str, end: bool| {
        if d == "*" {
            "*".to_string()
        } else if end {
            format!("{d}T23:59:59Z")
        } else {
            format!("{d}T00:00:00Z")
        }
    };
    let q = range.replace_all(query, |c: &regex::Captures| {
        format!(
            "published:{}{} TO {}{}",
            &c[1],
            ts(&c[2], false),
            ts(&c[3], true),
            &c[4]
        )
    });
    let q = cmp.replace_all(&q, |c: &regex::Captures| {
        let end = c[1].starts_with('<');
        format!("published:{}{}", &c[1], ts(&c[2], end))
    });
    single
        .replace_all(&q, |c: &regex::Captures| {
            format!("published:[{} TO {}]", ts(&c[1], false), ts(&c[1], true))
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::rewrite_dates;

    #[test]
    fn plain_dates_become_timestamps() {
        assert_eq!(
            rewrite_dates("iran published:[2021-04-01 TO 2021-04-30]"),
            "iran published:[2021-04-01T00:00:00Z TO 2021-04-30T23:59:59Z]"
        );
        assert_eq!(
            rewrite_dates("published:2021-04-07"),
            "published:[2021-04-07T00:00:00Z TO 2021-04-07T23:59:59Z]"
        );
        assert_eq!(
            rewrite_dates("published:>=2021-04-07"),
            "published:>=2021-04-07T00:00:00Z"
        );
    }
}
