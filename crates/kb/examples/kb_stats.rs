//! Load time and size of the built-in knowledge base: `cargo run --release -p dossier-kb --example kb_stats`.
use std::time::Instant;

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let before = rss_kib();
    let t = Instant::now();
    let kb = dossier_kb::Kb::builtin();
    let load = t.elapsed();
    let mid = rss_kib();
    let t = Instant::now();
    let cities = kb.city_count();
    let city_load = t.elapsed();
    println!(
        "countries {}, orgs {}, seats {}: loaded in {:.1} ms, RSS +{} KiB",
        kb.countries().count(),
        kb.orgs().count(),
        kb.seats().count(),
        load.as_secs_f64() * 1000.0,
        mid.saturating_sub(before)
    );
    println!(
        "cities {cities}: indexed in {:.0} ms, RSS +{} MiB",
        city_load.as_secs_f64() * 1000.0,
        rss_kib().saturating_sub(mid) / 1024
    );
    for name in std::env::args().skip(1) {
        println!(
            "{name}: country={:?} demonym={:?} seat={:?} org={:?} city={:?}",
            kb.country(&name).map(|c| &c.iso2),
            kb.country_by_demonym(&name).map(|c| &c.iso2),
            kb.seat(&name).map(|s| (&s.country, s.kind, &s.name)),
            kb.org(&name).map(|o| &o.id),
            kb.cities(&name)
                .first()
                .map(|c| (&c.name, &c.country, c.population)),
        );
    }
}
