//! The `dossier` command line: argument parsing and wiring over the library crates, nothing else.

mod actors;
mod flow;
mod query;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Reads news articles and rebuilds what they describe: actors, dated events, quotes, stories.",
    long_about = "Reads news articles and rebuilds what they describe: actors, dated events, quotes, \
stories. Everything runs offline; the store is one SQLite file (dossier.db by default) with a \
full-text index beside it.",
    after_help = "Examples:\n  dossier ingest examples/corpus\n  dossier search 'sanctions AND outlet:meridian'\n  dossier analyze articles.jsonl > analysis.json"
)]
struct Cli {
    /// The store to use.
    #[arg(long, global = true, default_value = "dossier.db", env = "DOSSIER_DB")]
    db: PathBuf,
    /// The actor corrections file (TOML: merge, split, rename, retype). Default:
    /// corrections.toml beside the store, if there is one.
    #[arg(long, global = true, env = "DOSSIER_CORRECTIONS")]
    corrections: Option<PathBuf>,
    /// Say what is being done, step by step, on stderr (inputs read, batches analysed, written
    /// and indexed, actors grouped).
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// One JSON object in the export contract.
    Json,
    /// One document of the export contract per line.
    Jsonl,
}

#[derive(Subcommand)]
enum Command {
    /// Read inputs into the store: analysed, de-duplicated and indexed.
    #[command(
        after_help = "Inputs are files, directories (read recursively), glob patterns or - for stdin: \
plain text and Markdown, HTML, JSONL ({\"id\",\"title\",\"outlet\",\"published\",\"text\"|\"html\"} a line), \
RSS/Atom feeds and WARC files, any of them gzip-compressed.\n\nExamples:\n  dossier ingest examples/corpus\n  \
dossier --db news.db ingest 'crawl/*.warc.gz'\n  cat articles.jsonl | dossier ingest -"
    )]
    Ingest {
        #[arg(required = true)]
        inputs: Vec<String>,
        /// The NLP model directory (default: models/en_core_web_sm-3.8.0).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Skip the NLP core (no tokens, sentences or entities); time expressions still run.
        #[arg(long)]
        no_nlp: bool,
        /// Documents per transaction.
        #[arg(long, default_value_t = 256)]
        batch: usize,
        /// Read inputs again even if an earlier run read them to the end.
        #[arg(long)]
        force: bool,
    },
    /// Analyse inputs and print the export-contract JSON, without touching any store.
    #[command(
        after_help = "Examples:\n  dossier analyze examples/corpus/txt\n  dossier analyze pages.jsonl > pred.json"
    )]
    Analyze {
        #[arg(required = true)]
        inputs: Vec<String>,
        #[arg(long)]
        model: Option<PathBuf>,
        #[arg(long)]
        no_nlp: bool,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
    },
    /// Print the NLP core's own annotations, one spaCy `Doc.to_json()`-style object per document.
    #[command(
        after_help = "Examples:\n  dossier nlp --json article.txt\n  dossier nlp --model models/en_core_web_md-3.8.0 --json a.jsonl"
    )]
    Nlp {
        #[arg(required = true)]
        inputs: Vec<String>,
        #[arg(long)]
        model: Option<PathBuf>,
        /// JSON lines output (the default; without it a token table is printed).
        #[arg(long)]
        json: bool,
    },
    /// Full-text search over stored articles.
    #[command(
        after_help = "Query language: words (all must match), \"exact phrases\", OR, AND, NOT/-word, \
(grouping), field:value for title, text, outlet, author, language, kind, and date ranges such as \
published:[2021-04-01 TO 2021-04-30] or published:>=2021-04-06.\n\nExamples:\n  dossier search 'Vienna talks'\n  \
dossier search '\"nuclear deal\" AND outlet:meridian'\n  dossier search sanctions --since 2021-04-06 --limit 5"
    )]
    Search {
        query: String,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Only articles published on or after this date (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Only articles published on or before this date (YYYY-MM-DD).
        #[arg(long)]
        until: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show one stored document: metadata, text and annotations.
    #[command(
        after_help = "DOC is a document id, a unique id prefix (4+ characters), or its source path or URL.\n\nExamples:\n  dossier show 3f2a9c\n  dossier show examples/corpus/txt/compass-reprint.txt --json"
    )]
    Show {
        doc: String,
        #[arg(long)]
        json: bool,
    },
    /// Export what the store holds in the export contract.
    #[command(
        after_help = "Examples:\n  dossier export > corpus.json\n  dossier export --format jsonl | head -1"
    )]
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
    },
    /// Counts: documents, duplicates, outlets, languages, annotations.
    #[command(after_help = "Examples:\n  dossier stats\n  dossier --db news.db stats --json")]
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Dated items from every stored article, in time order: the event's own date, the phrase
    /// that set it, the rule that resolved it, and the article.
    #[command(
        after_help = "Each line: the interval the date names, the TIMEX3 value, the phrase, how it was resolved \
(rule, and what it was anchored on), and the article.\n\nExamples:\n  dossier timeline\n  \
dossier timeline --since 2015-01-01 --until 2018-12-31\n  dossier timeline --json | head"
    )]
    Timeline {
        /// Only items whose interval ends on or after this date (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Only items whose interval starts on or before this date (YYYY-MM-DD).
        #[arg(long)]
        until: Option<String>,
        /// Leave out items that merely restate the article's own publication day.
        #[arg(long)]
        skip_publication_day: bool,
        #[arg(long)]
        json: bool,
    },
    /// Quotations in stored articles: who said what, with the cue verb, in which outlet.
    #[command(
        after_help = "Filters match case-insensitively on the words as written: --by on the speaker, \
--about on the quotation's text and the names mentioned in it, --outlet on the outlet's name. \
(Matching by resolved actor, across spellings, comes with the actors work.)\n\nExamples:\n  \
dossier quotes --by Araghchi\n  dossier quotes --about sanctions --outlet meridian\n  dossier quotes --json > quotes.json"
    )]
    Quotes {
        /// Speaker whose words to list.
        #[arg(long)]
        by: Option<String>,
        /// Only quotations that mention this.
        #[arg(long)]
        about: Option<String>,
        /// Only articles from this outlet.
        #[arg(long)]
        outlet: Option<String>,
        /// Direct quotations only (in quotation marks).
        #[arg(long)]
        direct: bool,
        #[arg(long)]
        json: bool,
    },
    /// Actors across the stored articles, most mentioned first: one line per entity, with the
    /// spellings merged into it.
    #[command(
        after_help = "Counts are mentions (and documents) in stored originals; --outlet counts only that outlet's mentions. Merges, splits, renames and type fixes go in the corrections file (see --corrections).\n\nExamples:\n  dossier actors\n  dossier actors --type PERSON --limit 20\n  dossier actors --outlet 'alborz' --json"
    )]
    Actors {
        /// Only entities of this type (PERSON, ORG, GPE, LOC, NORP, FAC).
        #[arg(long = "type")]
        kind: Option<String>,
        /// Rank by mentions in outlets whose name contains this.
        #[arg(long)]
        outlet: Option<String>,
        #[arg(long, default_value_t = 30)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// One actor: its spellings, roles with their sources, documents, the actors it appears
    /// with, and the sentences that name it.
    #[command(
        after_help = "NAME is an entity id, a name or a spelling of it (accents, case and punctuation aside), or a word of the name when only one actor has it.\n\nExamples:\n  dossier actor Araghchi\n  dossier actor 'country:IR' --sentences 20\n  dossier actor 'Robert Malley' --json"
    )]
    Actor {
        name: String,
        /// How many sentences to show.
        #[arg(long, default_value_t = 10)]
        sentences: usize,
        /// How many of its documents to list.
        #[arg(long, default_value_t = 20)]
        documents: usize,
        #[arg(long)]
        json: bool,
    },
    /// Group the stored documents' actors into entities again and save the result (ingest does
    /// this itself; run it after editing the corrections file).
    #[command(
        after_help = "Examples:\n  dossier resolve\n  dossier --corrections my-fixes.toml resolve"
    )]
    Resolve,
    /// Check that the database and the search index are intact and agree.
    Check,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.verbose && log::set_logger(&STDERR_LOG).is_ok() {
        log::set_max_level(log::LevelFilter::Info);
    }
    let result = match cli.command {
        Command::Ingest {
            inputs,
            model,
            no_nlp,
            batch,
            force,
        } => flow::ingest(
            &cli.db,
            &inputs,
            model.as_deref(),
            no_nlp,
            batch.max(1),
            force,
            cli.corrections.as_deref(),
        ),
        Command::Analyze {
            inputs,
            model,
            no_nlp,
            pretty,
        } => flow::analyze(
            &inputs,
            model.as_deref(),
            no_nlp,
            pretty,
            cli.corrections.as_deref(),
        ),
        Command::Nlp {
            inputs,
            model,
            json,
        } => flow::nlp(&inputs, model.as_deref(), json),
        Command::Search {
            query,
            limit,
            since,
            until,
            json,
        } => query::search(&cli.db, &query, limit, since, until, json),
        Command::Show { doc, json } => query::show(&cli.db, cli.corrections.as_deref(), &doc, json),
        Command::Export { format } => query::export(
            &cli.db,
            cli.corrections.as_deref(),
            matches!(format, ExportFormat::Jsonl),
        ),
        Command::Stats { json } => query::stats(&cli.db, json),
        Command::Timeline {
            since,
            until,
            skip_publication_day,
            json,
        } => query::timeline(&cli.db, since, until, skip_publication_day, json),
        Command::Quotes {
            by,
            about,
            outlet,
            direct,
            json,
        } => query::quotes(
            &cli.db,
            cli.corrections.as_deref(),
            &query::QuoteFilter {
                by,
                about,
                outlet,
                direct_only: direct,
            },
            json,
        ),
        Command::Actors {
            kind,
            outlet,
            limit,
            json,
        } => query::actors(
            &cli.db,
            cli.corrections.as_deref(),
            &actors::ActorFilter {
                kind,
                outlet,
                limit,
            },
            json,
        ),
        Command::Actor {
            name,
            sentences,
            documents,
            json,
        } => query::actor(
            &cli.db,
            cli.corrections.as_deref(),
            &name,
            sentences,
            documents,
            json,
        ),
        Command::Resolve => flow::resolve(&cli.db, cli.corrections.as_deref()),
        Command::Check => query::check(&cli.db),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`dossier export | head`) is the reader saying it has enough.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// `--verbose`: the libraries' log messages, one line each on stderr.
struct StderrLog;

impl log::Log for StderrLog {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.level() <= log::Level::Info
    }

    fn log(&self, record: &log::Record) {
        if self.enabled(record.metadata()) {
            eprintln!("dossier: {}", record.args());
        }
    }

    fn flush(&self) {}
}

static STDERR_LOG: StderrLog = StderrLog;

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}
