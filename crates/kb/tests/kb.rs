//! The built-in knowledge base answers the questions the actors stage asks of it.

use dossier_kb::{Kb, SeatKind, fold};

fn kb() -> &'static Kb {
    Kb::builtin()
}

fn country(name: &str) -> Option<&'static str> {
    kb().country(name).map(|c| c.iso2.as_str())
}

fn demonym(word: &str) -> Option<&'static str> {
    kb().country_by_demonym(word).map(|c| c.iso2.as_str())
}

fn seat(name: &str) -> Option<(&'static str, SeatKind)> {
    kb().seat(name).map(|s| (s.country.as_str(), s.kind))
}

fn org(name: &str) -> Option<&'static str> {
    kb().org(name).map(|o| o.id.as_str())
}

#[test]
fn fold_makes_lookup_keys() {
    assert_eq!(fold("U.S."), "us");
    assert_eq!(fold("Ban Ki-moon"), "ban ki moon");
    assert_eq!(fold("the Élysée"), "elysee");
    assert_eq!(fold("The Élysée"), "elysee");
    assert_eq!(fold("  São   Tomé  "), "sao tome");
    assert_eq!(fold("Côte d’Ivoire"), "cote divoire");
    assert_eq!(fold("Côte d'Ivoire"), "cote divoire");
    assert_eq!(fold("Zürich"), "zurich");
    assert_eq!(fold("Köln"), "koln");
    assert_eq!(fold("Straße"), "strasse");
    assert_eq!(fold("Łódź"), "lodz");
    assert_eq!(fold("Curaçao"), "curacao");
    assert_eq!(fold("Guinea-Bissau"), "guinea bissau");
    assert_eq!(fold("Bosnia - Herzegovina"), "bosnia herzegovina");
    assert_eq!(fold("Hà Nội"), "ha noi");
    // combining marks (decomposed input) go too
    assert_eq!(fold("Ele\u{301}onore"), "eleonore");
    // "the" alone or inside a name stays
    assert_eq!(fold("the"), "the");
    assert_eq!(fold("Bank of the West"), "bank of the west");
    assert_eq!(fold("theatre"), "theatre");
    assert_eq!(fold(""), "");
    assert_eq!(fold("--"), "");
}

#[test]
fn has_the_worlds_countries() {
    let n = kb().countries().count();
    assert!(n >= 195, "{n} countries");
    let independent = kb().countries().filter(|c| c.independent).count();
    assert!(
        (190..=200).contains(&independent),
        "{independent} independent"
    );
    for c in kb().countries() {
        assert_eq!(c.iso2.len(), 2, "{c:?}");
        assert_eq!(c.iso3.len(), 3, "{c:?}");
        assert!(!c.name.is_empty());
        assert!((-90.0..=90.0).contains(&c.lat) && (-180.0..=180.0).contains(&c.lon));
        assert_eq!(kb().country_by_code(&c.iso2).unwrap().iso2, c.iso2);
    }
}

#[test]
fn united_states() {
    for name in [
        "U.S.",
        "US",
        "USA",
        "U.S.A.",
        "United States",
        "the United States",
        "United States of America",
        "America",
    ] {
        assert_eq!(country(name), Some("US"), "{name}");
    }
    let us = kb().country("US").unwrap();
    assert_eq!(us.id(), "country:US");
    assert_eq!(us.iso3, "USA");
    assert_eq!(us.name, "United States");
}

#[test]
fn britain_and_china() {
    for name in [
        "Britain",
        "Great Britain",
        "U.K.",
        "UK",
        "United Kingdom",
        "GB",
        "GBR",
    ] {
        assert_eq!(country(name), Some("GB"), "{name}");
    }
    for name in [
        "People's Republic of China",
        "People’s Republic of China",
        "PRC",
        "China",
        "CHN",
    ] {
        assert_eq!(country(name), Some("CN"), "{name}");
    }
}

#[test]
fn hand_written_aliases() {
    let cases = [
        ("Holland", "NL"),
        ("the Netherlands", "NL"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("South Korea", "KR"),
        ("Republic of Korea", "KR"),
        ("North Korea", "KP"),
        ("DPRK", "KP"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Iran", "IR"),
        ("Islamic Republic of Iran", "IR"),
        ("Syria", "SY"),
        ("Vatican", "VA"),
        ("Holy See", "VA"),
        ("Taiwan", "TW"),
        ("Republic of China", "TW"),
        ("Palestine", "PS"),
        ("Palestinian territories", "PS"),
        ("UAE", "AE"),
        ("DRC", "CD"),
        ("DR Congo", "CD"),
        ("Democratic Republic of Congo", "CD"),
        ("Congo-Brazzaville", "CG"),
        ("Georgia", "GE"),
        ("Jordan", "JO"),
        ("Chad", "TD"),
        ("Niger", "NE"),
        ("Nigeria", "NG"),
        ("Guinea", "GN"),
        ("Guinea-Bissau", "GW"),
        ("Singapore", "SG"),
        ("Kuwait", "KW"),
        ("Luxembourg", "LU"),
        ("Djibouti", "DJ"),
        ("Monaco", "MC"),
        ("Gambia", "GM"),
        ("The Gambia", "GM"),
        ("Kosovo", "XK"),
        ("Vietnam", "VN"),
        ("Swaziland", "SZ"),
        ("Eswatini", "SZ"),
        ("North Macedonia", "MK"),
        ("Hong Kong", "HK"),
    ];
    for (name, iso) in cases {
        assert_eq!(country(name), Some(iso), "{name}");
    }
}

#[test]
fn ambiguous_and_short_names_resolve_to_nothing() {
    for name in [
        "Congo",
        "the Congo",
        "Korea",
        "us",
        "Us",
        "uk",
        "usa",
        "prc",
        "in",
        "it",
        "can",
        "",
        "States",
        "Europe",
        "the Gulf",
    ] {
        assert_eq!(country(name), None, "{name:?}");
    }
    // codes in capitals do match
    assert_eq!(country("DE"), Some("DE"));
    assert_eq!(country("DEU"), Some("DE"));
    assert_eq!(country("IN"), Some("IN"));
}

#[test]
fn country_by_code() {
    assert_eq!(kb().country_by_code("FR").unwrap().name, "France");
    assert_eq!(kb().country_by_code("fr").unwrap().name, "France");
    assert_eq!(kb().country_by_code("UK").unwrap().iso2, "GB");
    assert!(kb().country_by_code("ZZ").is_none());
    assert!(kb().country_by_code("FRA").is_none());
}

#[test]
fn demonyms() {
    let cases = [
        ("Chinese", "CN"),
        ("Iranian", "IR"),
        ("Iranians", "IR"),
        ("British", "GB"),
        ("Britons", "GB"),
        ("American", "US"),
        ("Americans", "US"),
        ("Israelis", "IL"),
        ("Emiratis", "AE"),
        ("Saudis", "SA"),
        ("Saudi", "SA"),
        ("French", "FR"),
        ("Dutch", "NL"),
        ("Indian", "IN"),
        ("Norwegian", "NO"),
        ("Germans", "DE"),
        ("Ukrainians", "UA"),
        ("Russians", "RU"),
        ("Palestinians", "PS"),
        ("Turkish", "TR"),
        ("South Korean", "KR"),
        ("North Koreans", "KP"),
        ("Swiss", "CH"),
        ("Taiwanese", "TW"),
    ];
    for (word, iso) in cases {
        assert_eq!(demonym(word), Some(iso), "{word}");
    }
    for word in [
        "Congolese",
        "Dominican",
        "Korean",
        "Europeans",
        "European",
        "Arab",
    ] {
        assert_eq!(demonym(word), None, "{word}");
    }
    assert!(
        kb().country("IR")
            .unwrap()
            .demonyms
            .iter()
            .any(|d| d == "Iranians")
    );
}

#[test]
fn capitals_are_seats() {
    let cases = [
        ("Beijing", "CN"),
        ("Peking", "CN"),
        ("Washington", "US"),
        ("Washington, D.C.", "US"),
        ("Washington D.C.", "US"),
        ("Moscow", "RU"),
        ("Tehran", "IR"),
        ("London", "GB"),
        ("Paris", "FR"),
        ("Berlin", "DE"),
        ("Tokyo", "JP"),
        ("Kyiv", "UA"),
        ("Kiev", "UA"),
        ("Jerusalem", "IL"),
        ("Ankara", "TR"),
        ("Pyongyang", "KP"),
        ("Seoul", "KR"),
        ("Taipei", "TW"),
        ("Canberra", "AU"),
        ("Ottawa", "CA"),
        ("New Delhi", "IN"),
        ("Riyadh", "SA"),
        ("Singapore", "SG"),
        ("Vienna", "AT"),
    ];
    for (name, iso) in cases {
        assert_eq!(seat(name), Some((iso, SeatKind::Capital)), "{name}");
    }
    let beijing = kb().seat("Beijing").unwrap();
    let city = kb().city_by_id(beijing.city.unwrap()).unwrap();
    assert_eq!(city.name, "Beijing");
    assert!(city.capital);
}

#[test]
fn seats_of_government() {
    let cases = [
        ("White House", "US", SeatKind::Presidency),
        ("the White House", "US", SeatKind::Presidency),
        ("Pentagon", "US", SeatKind::DefenceMinistry),
        ("State Department", "US", SeatKind::ForeignMinistry),
        ("Foggy Bottom", "US", SeatKind::ForeignMinistry),
        ("Capitol Hill", "US", SeatKind::Parliament),
        ("Kremlin", "RU", SeatKind::Presidency),
        ("the Kremlin", "RU", SeatKind::Presidency),
        ("Downing Street", "GB", SeatKind::Government),
        ("No 10", "GB", SeatKind::Government),
        ("No. 10", "GB", SeatKind::Government),
        ("Number 10", "GB", SeatKind::Government),
        ("Whitehall", "GB", SeatKind::Government),
        ("Foreign Office", "GB", SeatKind::ForeignMinistry),
        ("Élysée", "FR", SeatKind::Presidency),
        ("Elysee Palace", "FR", SeatKind::Presidency),
        ("Quai d'Orsay", "FR", SeatKind::ForeignMinistry),
        ("Zhongnanhai", "CN", SeatKind::Government),
        ("Chancellery", "DE", SeatKind::Government),
        ("Bundestag", "DE", SeatKind::Parliament),
        ("Blue House", "KR", SeatKind::Presidency),
        ("Knesset", "IL", SeatKind::Parliament),
        ("Kasumigaseki", "JP", SeatKind::Government),
    ];
    for (name, iso, kind) in cases {
        assert_eq!(seat(name), Some((iso, kind)), "{name}");
    }
    assert_eq!(seat("Georgia"), None);
    // alternate names of capitals that are other cities' own names
    assert_eq!(seat("Philadelphia"), None);
    assert_eq!(seat("Delhi"), None);
    assert_eq!(seat("Salem"), None);
    assert_eq!(seat("Bienne"), None);
    assert_eq!(seat("Victoria"), Some(("SC", SeatKind::Capital)));
    assert_eq!(seat("Springfield"), None);
}

#[test]
fn organisations() {
    let cases = [
        ("NATO", "NATO"),
        ("Nato", "NATO"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("North Atlantic Treaty Organisation", "NATO"),
        ("EU", "EU"),
        ("E.U.", "EU"),
        ("European Union", "EU"),
        ("the European Union", "EU"),
        ("U.N.", "UN"),
        ("UN", "UN"),
        ("United Nations", "UN"),
        ("the United Nations", "UN"),
        ("UN Security Council", "UNSC"),
        ("IAEA", "IAEA"),
        ("International Atomic Energy Agency", "IAEA"),
        ("WHO", "WHO"),
        ("World Health Organisation", "WHO"),
        ("OPEC", "OPEC"),
        ("OPEC+", "OPEC+"),
        ("G7", "G7"),
        ("G-20", "G20"),
        ("ICC", "ICC"),
        ("Red Cross", "ICRC"),
        ("Amnesty International", "AMNESTY"),
        ("Human Rights Watch", "HRW"),
        ("E3", "E3"),
        ("P5+1", "P5+1"),
        ("Shanghai Cooperation Organization", "SCO"),
        ("European Commission", "EC"),
        ("Council of the EU", "CEU"),
        ("African Union", "AU"),
        ("Arab League", "ARAB_LEAGUE"),
        ("Gulf Cooperation Council", "GCC"),
        ("Interpol", "INTERPOL"),
    ];
    for (name, id) in cases {
        assert_eq!(org(name), Some(id), "{name}");
    }
    for name in ["who", "un", "eu", "icc", "Hamas", "Europe"] {
        assert_eq!(org(name), None, "{name}");
    }
    let nato = kb().org_by_id("NATO").unwrap();
    assert_eq!(nato.kb_id(), "org:NATO");
    assert_eq!(nato.country.as_deref(), Some("BE"));
    let e3 = kb().org_by_id("E3").unwrap();
    assert_eq!(e3.members, ["FR", "DE", "GB"]);
    assert!(kb().orgs().count() >= 70);
}

#[test]
fn every_hand_written_name_resolves_to_its_own_entry() {
    // A name claimed twice at the same priority would silently resolve to nothing.
    for o in kb().orgs() {
        for name in std::iter::once(&o.name).chain(&o.aliases) {
            assert_eq!(org(name), Some(o.id.as_str()), "org name {name:?}");
        }
    }
    for s in kb().seats().filter(|s| s.kind != SeatKind::Capital) {
        for name in std::iter::once(&s.name).chain(&s.aliases) {
            let got = kb()
                .seat(name)
                .map(|x| (x.name.as_str(), x.country.as_str()));
            assert_eq!(
                got,
                Some((s.name.as_str(), s.country.as_str())),
                "seat {name:?}"
            );
        }
    }
}

#[test]
fn cities() {
    let paris = kb().cities("Paris");
    assert!(!paris.is_empty());
    assert_eq!(paris[0].country, "FR");
    assert!(paris.iter().any(|c| c.country == "US"));

    let springfields = kb().cities("Springfield");
    assert!(springfields.iter().filter(|c| c.country == "US").count() >= 3);
    // most populous first among the cities called so
    let own: Vec<_> = springfields
        .iter()
        .filter(|c| c.name == "Springfield")
        .collect();
    assert!(own.len() >= 3);
    assert!(own.windows(2).all(|w| w[0].population >= w[1].population));
    assert_eq!(springfields[0].name, "Springfield");

    // an alternate name of a big city beats a small town's own name; noise does not beat a
    // real city of the name
    assert_eq!(kb().cities("Mexico")[0].country, "MX");
    assert!(kb().cities("Mexico").iter().any(|c| c.country == "PH"));
    assert_eq!(kb().cities("Philadelphia")[0].country, "US");
    assert_eq!(kb().cities("Delhi")[0].name, "Delhi");
    assert_eq!(kb().cities("Salvador")[0].country, "BR");
    // bilingual names with a slash are found by either part
    assert_eq!(kb().cities("Biel")[0].name, "Biel/Bienne");
    assert!(
        kb().cities("Bienne")
            .iter()
            .any(|c| c.name == "Biel/Bienne")
    );
    assert_eq!(kb().cities("San Sebastián")[0].country, "ES");
    assert_eq!(kb().city_by_id(2661513).unwrap().name, "Biel/Bienne");

    let vienna = &kb().cities("Vienna")[0];
    assert_eq!(vienna.country, "AT");
    assert!((vienna.lat - 48.2).abs() < 0.2 && (vienna.lon - 16.37).abs() < 0.2);
    assert!(vienna.capital);
    assert!(vienna.population > 1_000_000);
    assert_eq!(vienna.kb_id(), format!("city:{}", vienna.geonameid));
    assert_eq!(kb().city_by_id(vienna.geonameid), Some(vienna));
    assert_eq!(kb().cities("Wien")[0].geonameid, vienna.geonameid);
    assert_eq!(kb().cities("vienna")[0].geonameid, vienna.geonameid);

    assert_eq!(kb().cities("Bombay")[0].name, "Mumbai");
    assert_eq!(kb().cities("Zürich")[0].country, "CH");
    assert_eq!(kb().cities("Zurich")[0].country, "CH");
    assert!(kb().cities("Nowhereville").is_empty());
    assert!(kb().cities("").is_empty());
    assert!(kb().city_by_id(0).is_none());
    assert!(kb().city_count() > 30_000);

    // one capital per country at most
    let mut seen = std::collections::HashSet::new();
    for s in kb().seats().filter(|s| s.kind == SeatKind::Capital) {
        assert!(seen.insert(&s.country), "two capitals for {}", s.country);
    }
    assert!(seen.len() >= 190, "{} capitals", seen.len());
}

/// Every name, code and demonym of a country resolves to it, except where the collisions policy
/// says otherwise: a name two countries share resolves to nothing, and a dependent territory's
/// name that a sovereign state shares goes to the state ("American", "French", "Indian").
#[test]
fn every_country_answers_to_its_own_names_codes_and_demonyms() {
    let shared = [
        "Congo",
        "Virgin Islands",
        "Channel Islander",
        "Channel Islanders",
        "Congolese",
        "Dominican",
        "Dominicans",
        "Virgin Islander",
        "Virgin Islanders",
    ];
    let mut wrong = Vec::new();
    let mut check = |what: &str, name: &str, got: Option<&str>, c: &dossier_kb::Country| {
        let ok = match got {
            Some(iso) if iso == c.iso2 => true,
            Some(iso) => !c.independent && kb().country_by_code(iso).unwrap().independent,
            None => shared.contains(&name),
        };
        if !ok {
            wrong.push(format!("{what} {name} -> {got:?}, not {}", c.iso2));
        }
    };
    for c in kb().countries() {
        let names = [&c.name, &c.official, &c.iso2, &c.iso3]
            .into_iter()
            .chain(&c.aliases);
        for name in names {
            check("name", name, country(name), c);
        }
        for d in &c.demonyms {
            check("demonym", d, demonym(d), c);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A sovereign state's capital answers to its name (dependent territories' capitals may lose
/// a shared name to a state's: "Kingston" is Jamaica's, not Norfolk Island's).
#[test]
fn every_capital_of_a_state_answers_to_its_name() {
    let mut wrong = Vec::new();
    for s in kb().seats().filter(|s| s.kind == SeatKind::Capital) {
        let c = kb().country_by_code(&s.country).unwrap();
        let got = kb().seat(&s.name);
        if c.independent && got != Some(s) {
            wrong.push(format!("{} ({}) -> {got:?}", s.name, s.country));
        }
        if let Some(id) = s.city {
            let city = kb().city_by_id(id).unwrap();
            assert!(city.capital && city.country == s.country, "{city:?}");
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
