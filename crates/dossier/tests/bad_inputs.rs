//! The bad-input suite: every kind of broken or hostile input the README promises to survive.
//!
//! Each case is ingested beside a good file into a store that already holds documents. Each must
//! give exactly one error line naming the bad input (and record) with the reason; the good file
//! and any good records inside the bad input are stored; the exit status is non-zero and the
//! summary counts the error; `dossier check` passes; and nothing stored before is lost.
//!
//! Every input here is written by the test itself.

mod util;

use std::io::Write;
use std::path::{Path, PathBuf};

use util::{assert_check, doc_ids, error_lines, run, stats, stderr};

/// One bad input: how to write it, what its error line must say, and how many good documents
/// it holds beside the bad part.
struct Case {
    name: &'static str,
    write: fn(&Path) -> PathBuf,
    reason: &'static str,
    good_inside: u64,
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    // A stored (uncompressed) deflate block keeps this free of a compression dependency.
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    out.push(1); // final stored block
    let n = bytes.len() as u16;
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&(!n).to_le_bytes());
    out.extend_from_slice(bytes);
    out.extend_from_slice(&crc32(bytes).to_le_bytes());
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A good JSONL record to follow a bad line, with an id of its own in each case's folder.
fn good_record(dir: &Path) -> String {
    let case = dir.file_name().unwrap().to_string_lossy();
    format!(
        r#"{{"id": "good-{case}", "text": "Ferry crews in Tallinn ended their strike on Monday after a pay deal."}}"#
    )
}

fn warc_record(uri: &str, id: u32, declared_len: usize, http: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Date: 2024-05-06T08:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {declared_len}\r\n\r\n"
    )
    .into_bytes();
    r.extend_from_slice(http);
    r
}

fn good_http() -> Vec<u8> {
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>Port workers in Gdynia returned to work on Thursday after a week-long stoppage over shift patterns.</p></article></body></html>".to_vec()
}

const CASES: &[Case] = &[
    Case {
        name: "empty file",
        write: |d| file(d, "empty.txt", b""),
        reason: "empty input",
        good_inside: 0,
    },
    Case {
        name: "binary file",
        write: |d| {
            file(
                d,
                "image.bin",
                &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe],
            )
        },
        reason: "binary data",
        good_inside: 0,
    },
    Case {
        name: "NUL bytes in a text file",
        write: |d| file(d, "nul.txt", b"Minutes of the meeting\0\0\0 were lost."),
        reason: "binary data",
        good_inside: 0,
    },
    Case {
        name: "unreadable file",
        write: |_| PathBuf::from("/proc/self/mem"),
        reason: "cannot read",
        good_inside: 0,
    },
    Case {
        name: "missing file",
        write: |d| d.join("no-such-article.txt"),
        reason: "no such file",
        good_inside: 0,
    },
    Case {
        name: "truncated gzip",
        write: |d| {
            let g = gzip(b"A whole article about a strike at the port that went on for weeks.\n");
            file(d, "cut.txt.gz", &g[..g.len() - 12])
        },
        reason: "truncated",
        good_inside: 0,
    },
    Case {
        name: "corrupt gzip",
        write: |d| {
            let mut g =
                gzip(b"A whole article about a strike at the port that went on for weeks.\n");
            let n = g.len();
            g[n - 6] ^= 0xff; // the CRC no longer matches
            file(d, "corrupt.txt.gz", &g)
        },
        reason: "corrupt",
        good_inside: 0,
    },
    Case {
        name: "JSONL line that is not JSON",
        write: |d| {
            file(
                d,
                "broken.jsonl",
                format!(
                    "{{\"id\": \"x\", \"text\": \n{good}\n",
                    good = good_record(d)
                )
                .as_bytes(),
            )
        },
        reason: "broken.jsonl:1: invalid JSON",
        good_inside: 1,
    },
    Case {
        name: "JSONL text that is a number",
        write: |d| {
            file(
                d,
                "num.jsonl",
                format!(
                    "{{\"id\": \"x\", \"text\": 5}}\n{good}\n",
                    good = good_record(d)
                )
                .as_bytes(),
            )
        },
        reason: "num.jsonl:1: `text` must be a string, not a number",
        good_inside: 1,
    },
    Case {
        name: "JSONL published that is a list",
        write: |d| {
            file(
                d,
                "list.jsonl",
                format!(
                    "{{\"text\": \"Rail fares rose again.\", \"published\": []}}\n{good}\n",
                    good = good_record(d)
                )
                .as_bytes(),
            )
        },
        reason: "list.jsonl:1: `published` must be a string, not an array",
        good_inside: 1,
    },
    Case {
        name: "JSONL record that is not an object",
        write: |d| {
            file(
                d,
                "arr.jsonl",
                format!("[\"a\", \"b\"]\n{good}\n", good = good_record(d)).as_bytes(),
            )
        },
        reason: "must be a JSON object",
        good_inside: 1,
    },
    Case {
        name: "JSONL escaped lone surrogate",
        write: |d| {
            file(
                d,
                "sur.jsonl",
                format!(
                    "{{\"text\": \"half \\ud83d of a pair\"}}\n{good}\n",
                    good = good_record(d)
                )
                .as_bytes(),
            )
        },
        reason: "sur.jsonl:1: invalid JSON",
        good_inside: 1,
    },
    Case {
        name: "JSONL NUL in text",
        write: |d| {
            file(
                d,
                "nul.jsonl",
                format!(
                    "{{\"text\": \"a\\u0000b\"}}\n{good}\n",
                    good = good_record(d)
                )
                .as_bytes(),
            )
        },
        reason: "NUL characters",
        good_inside: 1,
    },
    Case {
        name: "JSONL line that is not UTF-8",
        write: |d| {
            let mut b = b"{\"text\": \"caf\xe9 au lait\"}\n".to_vec();
            b.extend_from_slice(good_record(d).as_bytes());
            b.push(b'\n');
            file(d, "latin.jsonl", &b)
        },
        reason: "not UTF-8",
        good_inside: 1,
    },
    Case {
        name: "JSONL record without text or html",
        write: |d| {
            file(
                d,
                "none.jsonl",
                format!(
                    "{{\"id\": \"x\", \"title\": \"Only a title\"}}\n{good}\n",
                    good = good_record(d)
                )
                .as_bytes(),
            )
        },
        reason: "neither `text` nor `html`",
        good_inside: 1,
    },
    Case {
        name: "a valid record with 50 MB of text",
        write: |d| {
            let p = d.join("huge.jsonl");
            let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
            write!(f, "{{\"id\": \"huge\", \"text\": \"").unwrap();
            let chunk = "The committee met again. ".repeat(40_000); // 1 MB
            for _ in 0..50 {
                f.write_all(chunk.as_bytes()).unwrap();
            }
            writeln!(f, "\"}}\n{}", good_record(d)).unwrap();
            p
        },
        reason: "MiB limit for one article",
        good_inside: 1,
    },
    Case {
        name: "an HTML element with a million attributes",
        write: |d| {
            let mut page = String::from("<html><body><div ");
            for i in 0..1_000_000 {
                page.push_str(&format!("d{i}=1 "));
            }
            page.push_str(
                "><p>The mayor of Lyon opened the new bridge on Sunday.</p></div></body></html>",
            );
            file(d, "attrs.html", page.as_bytes())
        },
        reason: "more than 1000 attributes",
        good_inside: 0,
    },
    Case {
        name: "50,000 nested tags",
        write: |d| {
            let page = format!(
                "<html><body>{}<p>The mayor of Lyon opened the new bridge on Sunday.</p>{}</body></html>",
                "<div>".repeat(50_000),
                "</div>".repeat(50_000)
            );
            file(d, "deep.html", page.as_bytes())
        },
        reason: "nested too deeply",
        good_inside: 0,
    },
    Case {
        name: "a page with no article text",
        write: |d| {
            file(d, "shell.html", b"<html><head><title>App</title><script>boot()</script></head><body><div id=root></div></body></html>")
        },
        reason: "no article text",
        good_inside: 0,
    },
    Case {
        name: "entity expansion in a feed",
        write: |d| {
            let mut feed =
                String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"ha\">\n");
            for i in 1..10 {
                feed.push_str(&format!(
                    "<!ENTITY {} \"{}\">\n",
                    (b'a' + i) as char,
                    format!("&{};", (b'a' + i - 1) as char).repeat(10)
                ));
            }
            feed.push_str("]>\n<rss version=\"2.0\"><channel><title>Laughter Daily</title>\n\
                <item><title>&j;</title><description>&j;</description></item>\n\
                <item><title>Tram line approved</title><description>The council in Ghent approved the new tram line on Tuesday evening.</description></item>\n\
                </channel></rss>\n");
            file(d, "laughs.xml", feed.as_bytes())
        },
        reason: "laughs.xml#1: item uses the entity",
        good_inside: 1,
    },
    Case {
        name: "a feed that is not a feed",
        write: |d| file(d, "notafeed.rss", b"<rss><channel><item><title>unclosed"),
        reason: "not a readable RSS or Atom feed",
        good_inside: 0,
    },
    Case {
        name: "a WARC record whose Content-Length exceeds the file",
        write: |d| {
            let http = good_http();
            let mut w = warc_record("http://gazette.example/ok", 1, http.len(), &http);
            w.extend_from_slice(b"\r\n\r\n");
            w.extend(warc_record(
                "http://gazette.example/cut",
                2,
                http.len() + 10_000,
                &http,
            ));
            file(d, "cut.warc", &w)
        },
        reason: "truncated WARC record",
        good_inside: 1,
    },
    Case {
        name: "bad chunked encoding in a WARC record",
        write: |d| {
            let bad = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n<p>x</p>\r\n0\r\n\r\n";
            let mut w = warc_record("http://gazette.example/chunk", 1, bad.len(), bad);
            w.extend_from_slice(b"\r\n\r\n");
            let http = good_http();
            w.extend(warc_record(
                "http://gazette.example/ok2",
                2,
                http.len(),
                &http,
            ));
            w.extend_from_slice(b"\r\n\r\n");
            file(d, "chunk.warc", &w)
        },
        reason: "bad chunk size",
        good_inside: 1,
    },
    Case {
        name: "a symbolic link loop in an input folder",
        write: |d| {
            let dir = d.join("looped");
            std::fs::create_dir_all(&dir).unwrap();
            std::os::unix::fs::symlink(".", dir.join("again")).unwrap();
            dir
        },
        reason: "symbolic link loop",
        good_inside: 0,
    },
    Case {
        name: "a FIFO in an input folder",
        write: |d| {
            let dir = d.join("piped");
            std::fs::create_dir_all(&dir).unwrap();
            let fifo = dir.join("feed.fifo");
            let made = std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap();
            assert!(made.success());
            dir
        },
        reason: "not a regular file (a FIFO)",
        good_inside: 0,
    },
    Case {
        name: "a broken symbolic link in an input folder",
        write: |d| {
            let dir = d.join("dangling");
            std::fs::create_dir_all(&dir).unwrap();
            std::os::unix::fs::symlink("gone.txt", dir.join("story.txt")).unwrap();
            dir
        },
        reason: "broken symbolic link",
        good_inside: 0,
    },
    Case {
        name: "a text file of nothing but site furniture",
        write: |d| {
            file(d, "front.txt", "THE QUAYSIDE POST\nHome\nNews\nSport\nWeather\nSign in\nMost read\nHarbour tunnel delayed again\n2 hours ago\nSchool meals price freeze\nLoad more\nFollow us on Facebook\nPrivacy policy\n© 2024 Quayside Post Ltd\n".as_bytes())
        },
        reason: "site furniture",
        good_inside: 0,
    },
];

/// A good article, different for every case so that none is a duplicate of another.
fn good_file(dir: &Path, case: &str) -> PathBuf {
    file(
        dir,
        "good.txt",
        format!(
            "Harbour board meets\n\nThe harbour board met on Friday to discuss the {case} and agreed to meet again next month.\n"
        )
        .as_bytes(),
    )
}

#[test]
fn every_bad_input_gets_one_error_line_and_the_batch_goes_on() {
    let root = tempfile::tempdir().unwrap();
    let db = root.path().join("t.db");
    let corpus = util::examples().join("corpus/txt");
    let o = run(&db, &["ingest", "--no-nlp", corpus.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = doc_ids(&db);
    assert!(!before.is_empty());

    let mut expected = stats(&db)["documents"].as_u64().unwrap();
    let mut failures = Vec::new();
    for (i, case) in CASES.iter().enumerate() {
        let dir = root.path().join(format!("case{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = (case.write)(&dir);
        let good = good_file(&dir, case.name);
        let o = run(
            &db,
            &[
                "ingest",
                "--no-nlp",
                bad.to_str().unwrap(),
                good.to_str().unwrap(),
            ],
        );
        let errors = error_lines(&o);
        let bad_name = bad.file_name().unwrap().to_string_lossy().into_owned();
        let mut problems = Vec::new();
        if o.status.success() {
            problems.push("exit status 0".to_string());
        }
        if errors.len() != 1 {
            problems.push(format!("{} error lines", errors.len()));
        }
        if !errors
            .iter()
            .any(|l| l.contains(&bad_name) && l.contains(case.reason))
        {
            problems.push(format!(
                "no error line naming {bad_name} with {:?}",
                case.reason
            ));
        }
        if !stderr(&o).contains(" 1 errors;") {
            problems.push("the summary does not count 1 error".to_string());
        }
        expected += 1 + case.good_inside;
        let now = stats(&db)["documents"].as_u64().unwrap();
        if now != expected {
            problems.push(format!("{now} documents stored, expected {expected}"));
            expected = now;
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}: {}\n{}",
                case.name,
                problems.join("; "),
                stderr(&o)
            ));
        }
        assert_check(&db, case.name);
    }
    let after = doc_ids(&db);
    assert!(
        before.iter().all(|id| after.binary_search(id).is_ok()),
        "documents stored before the bad batches were lost"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn analyze_reports_every_bad_input_and_prints_the_good_ones() {
    let root = tempfile::tempdir().unwrap();
    let mut args: Vec<String> = vec!["analyze".into(), "--no-nlp".into()];
    let mut good_inside = 0;
    for (i, case) in CASES.iter().enumerate() {
        let dir = root.path().join(format!("case{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        args.push((case.write)(&dir).display().to_string());
        good_inside += case.good_inside;
    }
    args.push(good_file(root.path(), "analyze run").display().to_string());
    let o = util::bin().args(&args).output().unwrap();
    assert!(!o.status.success());
    let errors = error_lines(&o);
    let missing: Vec<&str> = CASES
        .iter()
        .filter(|c| !errors.iter().any(|l| l.contains(c.reason)))
        .map(|c| c.name)
        .collect();
    assert!(
        missing.is_empty(),
        "no error line for {missing:?}:\n{}",
        stderr(&o)
    );
    assert_eq!(errors.len(), CASES.len(), "{}", stderr(&o));
    let export: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        export["documents"].as_array().unwrap().len() as u64,
        good_inside + 1
    );
}

/// The same date written in ASCII, Arabic-Indic, Persian and full-width digits, in every field
/// a date is read from: each document is read (none panics, none is refused) and dated 2 March
/// 2021.
#[test]
fn dates_in_every_script_and_field_are_read() {
    let root = tempfile::tempdir().unwrap();
    let d = root.path();
    // Each script's zero: the other nine digits follow it.
    let scripts = [
        ("ascii", 0x30),
        ("arabic", 0x0660),
        ("persian", 0x06F0),
        ("fullwidth", 0xFF10),
    ];
    fn shift(c: char, zero: u32) -> char {
        c.to_digit(10)
            .and_then(|v| char::from_u32(zero + v))
            .unwrap_or(c)
    }
    let body = "<p>The port authority of the island approved the new ferry timetable on Tuesday after a long public consultation.</p>";
    let mut inputs = Vec::new();
    for (name, zero) in scripts {
        let w = |s: &str| s.chars().map(|c| shift(c, zero)).collect::<String>();
        let iso = w("2021-03-02");
        let stamp = w("2021-03-02T09:30:00+01:00");
        let rfc = w("Tue, 02 Mar 2021 09:30:00 +0100");
        let text = w("2 March 2021");
        let record = serde_json::json!({"id": format!("{name}-jsonl"), "published": stamp, "text": "The ferry timetable was approved on Tuesday after a consultation."});
        inputs.push(file(
            d,
            &format!("{name}.jsonl"),
            format!("{record}\n").as_bytes(),
        ));
        inputs.push(file(d, &format!("{name}.rss"), format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Island Wire</title>\
             <item><title>Timetable</title><link>https://wire.example/{name}</link><pubDate>{rfc}</pubDate>\
             <description>The ferry timetable was approved on Tuesday after a consultation.</description></item></channel></rss>"
        ).as_bytes()));
        inputs.push(file(d, &format!("{name}.atom.xml"), format!(
            "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Island Post</title><id>urn:x</id><updated>{stamp}</updated>\
             <entry><title>Timetable</title><id>urn:{name}</id><updated>{stamp}</updated>\
             <content type=\"html\">&lt;p&gt;The ferry timetable was approved on Tuesday after a consultation.&lt;/p&gt;</content></entry></feed>"
        ).as_bytes()));
        inputs.push(file(d, &format!("{name}-meta.html"), format!(
            "<html><head><title>Timetable</title><meta property=\"article:published_time\" content=\"{stamp}\"></head><body><article>{body}</article></body></html>"
        ).as_bytes()));
        inputs.push(file(d, &format!("{name}-ld.html"), format!(
            "<html><head><title>Timetable</title><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"datePublished\":\"{iso}\"}}</script></head><body><article>{body}</article></body></html>"
        ).as_bytes()));
        inputs.push(file(d, &format!("{name}-time.html"), format!(
            "<html><head><title>Timetable</title></head><body><article><h1>Timetable</h1><time datetime=\"{stamp}\">{text}</time>{body}</article></body></html>"
        ).as_bytes()));
        inputs.push(file(d, &format!("{name}-byline.html"), format!(
            "<html><head><title>Timetable</title></head><body><article><h1>Timetable</h1><p class=\"byline\">By Mara Quist, {text}</p>{body}</article></body></html>"
        ).as_bytes()));
        inputs.push(file(d, &format!("{name}.txt"), format!(
            "Timetable approved\n\nPublished {text}\n\nThe port authority of the island approved the new ferry timetable on Tuesday after a long public consultation.\n"
        ).as_bytes()));
    }
    let mut args = vec!["analyze".to_string(), "--no-nlp".to_string()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    let o = util::bin().args(&args).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let export: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let docs = export["documents"].as_array().unwrap();
    assert_eq!(docs.len(), inputs.len(), "{}", stderr(&o));
    let wrong: Vec<String> = docs
        .iter()
        .filter(|doc| {
            !doc["published"]
                .as_str()
                .is_some_and(|p| p.starts_with("2021-03-02"))
        })
        .map(|doc| format!("{} -> {}", doc["source"], doc["published"]))
        .collect();
    assert!(wrong.is_empty(), "not dated 2 March 2021: {wrong:#?}");
}

/// A text that is one 256 KB "word" (a pasted blob) goes through the whole pipeline, NLP core
/// included, and is stored beside a good file: the tokenizer's work on it is linear. (It once
/// took minutes: the affix search rescanned the word for every character it cut off.) A text
/// with more tokens than the pipeline's limit is refused with one error line.
#[test]
fn one_enormous_word_is_analysed_and_too_many_tokens_refused() {
    let Some(model) = dossier_testkit::model() else {
        return;
    };
    let root = tempfile::tempdir().unwrap();
    let db = root.path().join("t.db");
    let blob: String = (0..256 * 1024)
        .map(|i| (b'a' + (i * 7 % 26) as u8) as char)
        .collect();
    let word = file(
        root.path(),
        "blob.jsonl",
        format!("{{\"id\": \"blob\", \"text\": \"Attachment: {blob} (end)\"}}\n").as_bytes(),
    );
    // Under the byte limit but with far more tokens than an article (a list of initials).
    let dense = file(
        root.path(),
        "initials.jsonl",
        format!(
            "{{\"id\": \"dense\", \"text\": \"{}\"}}\n",
            "A. ".repeat(200_000)
        )
        .as_bytes(),
    );
    let good = good_file(root.path(), "enormous word");
    let o = run(
        &db,
        &[
            "ingest",
            "--model",
            model.to_str().unwrap(),
            word.to_str().unwrap(),
            dense.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
    );
    let errors = error_lines(&o);
    assert!(!o.status.success());
    assert_eq!(errors.len(), 1, "{}", stderr(&o));
    assert!(
        errors[0].contains("initials.jsonl")
            && errors[0].contains("tokens is longer than the limit"),
        "{}",
        errors[0]
    );
    assert_eq!(stats(&db)["documents"], 2);
    assert_check(&db, "an enormous word");
}
