//! Throughput of `extract` on generated news-like text, in words per second.
//!
//! Run with `cargo bench -p dossier-timex`; divan prints the time per document, and the
//! `words` counter gives words/s.

use chrono::NaiveDate;
use divan::counter::ItemsCount;

fn main() {
    divan::main();
}

/// A news-like text of about `n` words with temporal expressions at a realistic density
/// (roughly one in forty words), written for this benchmark.
fn article(n: usize) -> String {
    const SENTENCES: &[&str] = &[
        "The minister said on Tuesday that the talks would resume next week in Geneva.",
        "Prices rose 4 percent in the third quarter, the company reported, after a weak spring.",
        "Officials met for three hours and agreed to review the plan every Monday until the end of the year.",
        "The agency, founded in 1987, has struggled for years with staff shortages and budget cuts.",
        "Rebels attacked the convoy two days ago near the border, killing five soldiers and wounding others.",
        "In the spring of 2015 the two leaders signed a trade pact that neither side fully implemented.",
        "Analysts expect growth to slow in the coming months as interest rates climb across the region.",
        "The committee will vote on March 12, a spokesman told reporters outside the parliament building.",
        "Unemployment has fallen steadily since the 1990s, although wages have barely kept pace with inflation.",
        "The ceasefire collapsed late last night when artillery fire resumed around the northern city.",
    ];
    let mut out = String::new();
    let mut words = 0;
    let mut i = 0;
    while words < n {
        let s = SENTENCES[i % SENTENCES.len()];
        words += s.split_whitespace().count();
        out.push_str(s);
        out.push(if i % 4 == 3 { '\n' } else { ' ' });
        i += 1;
    }
    out
}

#[divan::bench(args = [1_000, 10_000])]
fn extract(bencher: divan::Bencher, words: usize) {
    let text = article(words);
    let n = text.split_whitespace().count();
    let published = NaiveDate::from_ymd_opt(2021, 3, 2);
    dossier_timex::TimexTagger::global();
    bencher
        .counter(ItemsCount::new(n))
        .bench(|| dossier_timex::extract(divan::black_box(&text), published));
}
