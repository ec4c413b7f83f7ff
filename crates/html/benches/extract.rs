//! Throughput of `extract` on pages written for this crate (no third-party HTML in the repo).
//!
//! ```text
//! cargo bench -p dossier-html
//! ```

use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const NEWS: &str = include_str!("../tests/fixtures/news.html");
const BLOG: &str = include_str!("../tests/fixtures/blog_byline.html");

/// A long page: the news fixture with its article repeated and a large navigation block, closer
/// to the size of real pages (~100 kB).
fn long_page() -> String {
    let nav: String = (0..400)
        .map(|i| format!("<li><a href=\"/section/{i}\">Section {i}</a></li>"))
        .collect();
    let start = NEWS
        .find("<p>The harbour")
        .expect("fixture has the first paragraph");
    let end = NEWS.find("</article>").expect("fixture has an article");
    let body = NEWS[start..end].repeat(30);
    NEWS.replacen(
        "<ul><li><a href=\"/news\">",
        &format!("<ul>{nav}<li><a href=\"/news\">"),
        1,
    )
    .replacen(&NEWS[start..end], &body, 1)
}

#[divan::bench]
fn news(b: Bencher) {
    b.bench(|| dossier_html::extract(black_box(NEWS), Some("https://ledger.example/news/x")));
}

#[divan::bench]
fn blog(b: Bencher) {
    b.bench(|| dossier_html::extract(black_box(BLOG), None));
}

#[divan::bench]
fn long(b: Bencher) {
    let page = long_page();
    b.bench(|| dossier_html::extract(black_box(&page), None));
}

#[divan::bench]
fn decode_windows_1252(b: Bencher) {
    let bytes: Vec<u8> = NEWS
        .bytes()
        .map(|c| if c == b'e' { 0xe9 } else { c })
        .collect();
    b.bench(|| dossier_html::decode(black_box(&bytes), None));
}
