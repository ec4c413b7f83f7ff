//! Reads news inputs into dossier documents.
//!
//! Inputs are files, directories (walked recursively), glob patterns and `-` for standard input.
//! Each input is sniffed (by extension, then by content) as plain text or Markdown, HTML, JSONL,
//! an RSS/Atom feed or a WARC file, optionally gzip-compressed, and streamed into [`Doc`]s through
//! a callback, so a WARC file of any size is never held in memory whole.
//!
//! This is the only stage besides the store that touches files. Every problem is reported as an
//! [`IngestError`] naming the input (and the record within it) and what was wrong; the caller
//! decides to go on with the rest of the batch.
//!
//! Text handling follows the export contract: a JSONL `text` is kept verbatim (gold offsets line
//! up with it); every other form is cleaned of boilerplate first (HTML by `dossier-html`, plain
//! text by [`plaintext`]).

mod decode;
mod feed;
mod jsonl;
mod lang;
pub mod plaintext;
mod warc;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use dossier_model::{Doc, InputKind};
use flate2::read::MultiGzDecoder;
use xxhash_rust::xxh3::xxh3_64;

pub use decode::decode_text;
pub use lang::detect_language;

/// Largest single document file read (HTML page, text file). Anything larger is not an article.
pub const MAX_DOC_BYTES: u64 = 32 * 1024 * 1024;
/// Longest JSONL line accepted; longer lines are skipped with an error, never read whole.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;
/// Longest analysed text of one document, in bytes, whatever form it came in: spaCy's own
/// limit (1,000,000 characters) in bytes. A long-form article is 20 to 60 KB of text and a whole
/// day's live blog a few hundred; more is a book or a dump, not an article. Such a record is
/// refused with an error, not cut. (The pipeline also bounds a document's tokens.)
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// A problem with one input or one record in it. The batch goes on without it.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{input}: {reason}")]
pub struct IngestError {
    /// The input path (plus `#record` or `:line` where the problem is inside it).
    pub input: String,
    pub reason: String,
}

impl IngestError {
    pub fn new(input: impl Into<String>, reason: impl Into<String>) -> Self {
        IngestError {
            input: input.into(),
            reason: reason.into(),
        }
    }
}

/// Where documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// Expands command-line arguments into inputs: files as they are, directories recursively (in a
/// stable order, hidden entries skipped), glob patterns, and `-` for standard input.
pub fn expand_inputs<S: AsRef<str>>(args: &[S]) -> (Vec<Input>, Vec<IngestError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        let arg = arg.as_ref();
        if arg == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            // Symbolic links are followed (a corpus folder often links its files in); walkdir
            // detects the loops that makes possible and reports broken links.
            let walker = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => inputs.push(Input::File(e.into_path())),
                    Ok(e) if e.file_type().is_dir() => {}
                    // Opening a FIFO would wait for a writer forever; a device or socket is no
                    // article. Named on the command line they are read (`<(zcat ...)`), found
                    // in a folder they are not.
                    Ok(e) => errors.push(IngestError::new(
                        e.path().display().to_string(),
                        format!(
                            "not a regular file ({}): skipped",
                            special_kind(&e.file_type())
                        ),
                    )),
                    Err(e) => errors.push(walk_error(arg, &e)),
                }
            }
        } else if path.exists() {
            inputs.push(Input::File(path.to_path_buf()));
        } else if arg.contains(['*', '?', '[']) {
            match glob::glob(arg) {
                Ok(paths) => {
                    let before = inputs.len();
                    for p in paths {
                        match p {
                            Ok(p) if p.is_file() => inputs.push(Input::File(p)),
                            Ok(p) if p.is_dir() => {
                                let (more, errs) = expand_inputs(&[p.display().to_string()]);
                                inputs.extend(more);
                                errors.extend(errs);
                            }
                            Ok(_) => {}
                            Err(e) => errors.push(IngestError::new(arg, e.to_string())),
                        }
                    }
                    if inputs.len() == before {
                        errors.push(IngestError::new(arg, "the pattern matches no file"));
                    }
                }
                Err(e) => errors.push(IngestError::new(arg, format!("bad glob pattern: {e}"))),
            }
        } else {
            errors.push(IngestError::new(arg, "no such file or directory"));
        }
    }
    (inputs, errors)
}

/// What kind of special file a directory entry is, in words.
fn special_kind(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a file or folder"
    }
}

/// A directory walk's error as one line naming the entry: a symbolic-link loop, a broken link,
/// an unreadable folder.
fn walk_error(arg: &str, e: &walkdir::Error) -> IngestError {
    let path = e
        .path()
        .map_or_else(|| arg.to_string(), |p| p.display().to_string());
    let reason = if let Some(ancestor) = e.loop_ancestor() {
        format!(
            "symbolic link loop (leads back to {}): skipped",
            ancestor.display()
        )
    } else if e
        .io_error()
        .is_some_and(|io| io.kind() == io::ErrorKind::NotFound)
    {
        "broken symbolic link (its target does not exist): skipped".to_string()
    } else {
        match e.io_error() {
            Some(io) => format!("cannot read: {io}"),
            None => e.to_string(),
        }
    };
    IngestError::new(path, reason)
}

/// The input formats dossier reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Jsonl,
    Feed,
    Warc,
}

impl Format {
    /// The format a file name implies, looking through a trailing `.gz`.
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let stem = lower.strip_suffix(".gz").unwrap_or(&lower);
        let ext = stem.rsplit_once('.').map(|(_, e)| e)?;
        Some(match ext {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            "xml" | "rss" | "atom" => Format::Feed,
            "warc" => Format::Warc,
            _ => return None,
        })
    }

    /// The format the first bytes of a stream suggest.
    pub fn sniff(head: &[u8]) -> Format {
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF)
            .unwrap_or(head.len());
        let head = &head[start..];
        let lower: Vec<u8> = head
            .iter()
            .take(1024)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
        if head.starts_with(b"WARC/") {
            Format::Warc
        } else if head.starts_with(b"{") {
            Format::Jsonl
        } else if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            Format::Feed
        } else if lower.starts_with(b"<!doctype html")
            || has(b"<html")
            || has(b"<body")
            || has(b"<head")
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Reads one input and hands every document (or error) in it to `sink`, in order.
///
/// A gzip-compressed input is decompressed as a stream; a truncated one yields the documents read
/// before the damage and then an error.
pub fn read_input(input: &Input, sink: &mut dyn FnMut(Result<Doc, IngestError>)) {
    let name = input.name();
    match input {
        Input::Stdin => read_from(&name, io::stdin().lock(), sink),
        Input::File(path) => match File::open(path) {
            Ok(f) => read_from(&name, f, sink),
            Err(e) => sink(Err(IngestError::new(&name, format!("cannot open: {e}")))),
        },
    }
}

/// Reads documents from any byte stream, as [`read_input`] does from a file: `name` is what
/// errors and sources call the input, and its extension (if any) picks the format before the
/// content is sniffed. The entry point for in-memory inputs and the fuzz targets.
pub fn read_from<R: Read>(name: &str, reader: R, sink: &mut dyn FnMut(Result<Doc, IngestError>)) {
    let mut reader = BufReader::with_capacity(256 * 1024, reader);
    let head = match reader.fill_buf() {
        Ok(h) => h,
        Err(e) => return sink(Err(IngestError::new(name, format!("cannot read: {e}")))),
    };
    if head.is_empty() {
        return sink(Err(IngestError::new(name, "empty input")));
    }
    let gzipped = head.starts_with(&[0x1f, 0x8b]);
    // The backstop for a panic in a format's own parser (feed, WARC framing): the records read
    // before it stay read, and the input ends with one error.
    let read = dossier_model::guard::catch(|| {
        if gzipped {
            let inner = BufReader::with_capacity(256 * 1024, MultiGzDecoder::new(reader));
            read_stream(name, inner, sink);
        } else {
            read_stream(name, reader, sink);
        }
    });
    if let Err(reason) = read {
        sink(Err(IngestError::new(name, reason)));
    }
}

fn read_stream<R: BufRead>(
    name: &str,
    mut reader: R,
    sink: &mut dyn FnMut(Result<Doc, IngestError>),
) {
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return sink(Err(IngestError::new(name, describe_io(&e)))),
    };
    if head.is_empty() {
        return sink(Err(IngestError::new(name, "empty input")));
    }
    let format = Format::from_name(name).unwrap_or_else(|| Format::sniff(&head));
    match format {
        Format::Warc => warc::read_warc(name, reader, sink),
        Format::Jsonl => jsonl::read_jsonl(name, reader, sink),
        Format::Feed => match read_capped(name, reader) {
            Ok(bytes) => feed::read_feed(name, &bytes, sink),
            Err(e) => sink(Err(e)),
        },
        Format::Html => match read_capped(name, reader) {
            Ok(bytes) => sink(guarded(name, || {
                html_doc(name, &bytes, None, None, InputKind::Html)
            })),
            Err(e) => sink(Err(e)),
        },
        Format::Text | Format::Markdown => match read_capped(name, reader) {
            Ok(bytes) => sink(guarded(name, || {
                text_doc(name, &bytes, format == Format::Markdown)
            })),
            Err(e) => sink(Err(e)),
        },
    }
}

/// Reads a whole single-document input, refusing anything larger than [`MAX_DOC_BYTES`].
fn read_capped<R: Read>(name: &str, reader: R) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_DOC_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::new(name, describe_io(&e)))?;
    if bytes.len() as u64 > MAX_DOC_BYTES {
        return Err(IngestError::new(
            name,
            format!(
                "larger than {} MiB: not read as one article",
                MAX_DOC_BYTES >> 20
            ),
        ));
    }
    Ok(bytes)
}

fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::UnexpectedEof => "truncated input (unexpected end of file)".to_string(),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
            format!("corrupt data: {e}")
        }
        _ => format!("read error: {e}"),
    }
}

/// A stable document id: the same source and text always give the same id, so re-ingesting an
/// input is a no-op.
pub fn doc_id(source: &str, text: &str) -> String {
    let mut buf = Vec::with_capacity(source.len() + 1 + text.len());
    buf.extend_from_slice(source.as_bytes());
    buf.push(0);
    buf.extend_from_slice(text.as_bytes());
    format!("{:016x}", xxh3_64(&buf))
}

/// A publication date found by a guess (a date line, a feed's free-form date), if it is one a
/// news article can have.
fn publication_date(s: &str, order: dossier_dates::Order) -> Option<dossier_dates::Found> {
    let latest = dossier_dates::latest_publication_today();
    dossier_dates::parse(s, order)
        .filter(|f| dossier_dates::is_plausible_publication(f.date, latest))
}

/// Finishes a document: checks its text is one an article can have (not too long, no NUL
/// characters), then gives it its id and language. `here` names the input and record for errors.
fn finish(here: &str, mut doc: Doc, declared_language: Option<&str>) -> Result<Doc, IngestError> {
    if doc.text.len() > MAX_TEXT_BYTES {
        return Err(IngestError::new(
            here,
            format!(
                "text of {} bytes is longer than the {} MiB limit for one article; split it into articles",
                doc.text.len(),
                MAX_TEXT_BYTES >> 20
            ),
        ));
    }
    if doc.text.contains('\0') {
        return Err(IngestError::new(
            here,
            "text contains NUL characters: binary data, not article text",
        ));
    }
    doc.id = doc_id(&doc.source, &doc.text);
    doc.language = detect_language(&doc.text, declared_language);
    Ok(doc)
}

/// Builds one record's document under the per-record backstop ([`dossier_model::guard`]): a
/// panic while reading this record becomes its error, naming `here`, and the input goes on.
fn guarded<T>(
    here: &str,
    build: impl FnOnce() -> Result<T, IngestError>,
) -> Result<T, IngestError> {
    dossier_model::guard::catch(build).unwrap_or_else(|reason| Err(IngestError::new(here, reason)))
}

fn text_doc(name: &str, bytes: &[u8], markdown: bool) -> Result<Doc, IngestError> {
    let text = decode_text(bytes).map_err(|r| IngestError::new(name, r))?;
    let cleaned = plaintext::clean(&text, markdown);
    if cleaned.body.trim().is_empty() {
        return Err(IngestError::new(
            name,
            "no article text left after removing site furniture",
        ));
    }
    let mut doc = Doc::new(
        String::new(),
        name.to_string(),
        InputKind::Text,
        cleaned.body,
    );
    doc.title = cleaned.title;
    doc.published = cleaned.published;
    doc.authors = cleaned.authors;
    doc.outlet = cleaned.outlet;
    doc.dateline = cleaned.dateline;
    finish(name, doc, None)
}

/// Extracts an article from an HTML page. `charset` is what a transport (HTTP header) declared.
pub(crate) fn html_doc(
    source: &str,
    bytes: &[u8],
    url: Option<&str>,
    charset: Option<&str>,
    kind: InputKind,
) -> Result<Doc, IngestError> {
    if decode::looks_binary(bytes) {
        return Err(IngestError::new(source, "binary data, not an HTML page"));
    }
    let (html, _) = dossier_html::decode(bytes, charset);
    let article =
        dossier_html::extract(&html, url).map_err(|e| IngestError::new(source, e.to_string()))?;
    let mut doc = Doc::new(String::new(), source.to_string(), kind, article.text);
    doc.url = article.url.or_else(|| url.map(str::to_string));
    doc.title = article.title;
    doc.outlet = article.site_name;
    doc.authors = article.authors;
    doc.published = article.published;
    finish(source, doc, article.language.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names() {
        assert_eq!(Format::from_name("a/b.TXT"), Some(Format::Text));
        assert_eq!(Format::from_name("x.warc.gz"), Some(Format::Warc));
        assert_eq!(Format::from_name("feed.rss"), Some(Format::Feed));
        assert_eq!(Format::from_name("noext"), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(
            Format::sniff(b"  <?xml version='1.0'?><rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff(b"{\"id\": 1}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"Talks resume in Vienna"), Format::Text);
    }

    #[test]
    fn a_panic_while_building_a_record_is_its_error() {
        let r: Result<Doc, IngestError> = guarded("in.jsonl:3", || panic!("index 12 out of range"));
        let e = r.unwrap_err();
        assert_eq!(e.input, "in.jsonl:3");
        assert!(
            e.reason.contains("internal error") && e.reason.contains("index 12"),
            "{e}"
        );
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(doc_id("a", "text"), doc_id("a", "text"));
        assert_ne!(doc_id("a", "text"), doc_id("b", "text"));
        assert_ne!(doc_id("ab", "c"), doc_id("a", "bc"));
    }
}
