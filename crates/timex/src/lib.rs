//! Temporal expressions in English news text, found and normalised to TimeML TIMEX3.
//!
//! The timeline of a dossier lives or dies here: an event gets its own date, not the article's.
//! [`extract`] finds dates, times, durations and sets ("the spring of 2015", "next week", "two
//! decades", "every Monday") and resolves relative ones against the publication date, or against
//! a nearer date in the text where TimeML says so ("the following day"). Each [`Timex`] records
//! the rule that produced it and the anchor it was resolved against, so a timeline can say why a
//! date is what it is. Without a publication date, unknown parts stay TIMEX3 placeholders
//! (`XXXX-03`) rather than a guess.
//!
//! How it works, in three passes over one document:
//! 1. every rule in [`rules`] (a regular expression plus a reader of its captures) proposes
//!    candidates with an unanchored meaning ([`rules::Sem`]);
//! 2. overlapping candidates are settled longest-first, then modifiers that TimeML puts inside
//!    the span ("the end of", "early", "more than") are attached;
//! 3. candidates are anchored in text order, each resolved date becoming the reference time for
//!    anaphoric ones that follow ("that day", "a year earlier").
//!
//! The rules are our own, written from the TIMEX3 guidelines, as data-like Rust in `rules.rs`.
//!
//! Conventions worth knowing (TimeML where it is clear, the TempEval-3 corpora where it is not):
//! - spans include determiners and modifiers ("the past three months", "early next year",
//!   "more than four decades ago") but not prepositions;
//! - a bare weekday, month or month-day takes the tense of its clause: past (the default in news)
//!   looks back from the publication date, a future cue ("will", "next", "until", "as early
//!   as") looks forward; a publication-day weekday is that day;
//! - "two years ago" is a DATE (2019); "three days later" is a DURATION (`P3D`), anchored on an
//!   event rather than a date; "the past year" is `P1Y`; vague spans ("a few weeks ago",
//!   "recently") become `PAST_REF`/`FUTURE_REF`/`PRESENT_REF`;
//! - in an earnings report (a quarter has been named) "a year ago" is the reported quarter a
//!   year before (`2019-Q4`), as TimeBank annotates it;
//! - anaphoric expressions ("the following day", "that night", "a year earlier", a bare "6
//!   a.m.") anchor on the last date resolved in the text, and record it as their anchor.
//!
//! Measured on TempEval-3 TBAQ (dev, 256 documents) with `shared/eval/timex.py` (see
//! `examples/timex_eval.rs` and the gate in `tests/tempeval_gate.rs`): strict F1 0.883, relaxed
//! 0.940, value 0.808, type 0.898. Throughput: 1.2 to 2.4 million words/s on one core of a busy
//! two-core machine (`cargo bench -p dossier-timex`), a rounding error beside the NLP pipeline.
//!
//! Date text is attacker input: the workspace's fuzz project (`fuzz/` at the repository root,
//! target `timex`, run by `scripts/fuzz`) checks [`extract`] for panics, spans off character
//! boundaries and malformed values ([`is_well_formed_value`]).

mod calendar;
mod lexicon;
pub mod rules;
mod tense;
pub mod timeline;

use calendar::{Point, add_units, truncate};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use dossier_model::{Span, Timex, TimexType};
use lexicon::Unit;
use regex::Regex;
use rules::{Holiday, Rule, Sem, Site, YearRef};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use tense::{Tense, tense_at};

/// Finds and normalises the temporal expressions in `text`, resolving relative ones against
/// `published`. Uses a tagger compiled once per process.
pub fn extract(text: &str, published: Option<NaiveDate>) -> Vec<Timex> {
    TimexTagger::global().extract(text, published)
}

/// Whether `v` is a well-formed TIMEX3 value as this crate writes them: a calendar value
/// (`2021-03-02`, `XXXX-WXX-1`, `2015-SP`, `199`, `2021-03-02T15:00`), a duration (`P3Y`,
/// `PT5H30M`, `PXD`) or a reference (`PRESENT_REF`).
pub fn is_well_formed_value(v: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF",
            r"|(?:[0-9]{4}|XXXX)(?:-(?:[0-9]{2}|XX)(?:-(?:[0-9]{2}|XX))?|-W(?:[0-9]{2}|XX)(?:-(?:[1-7]|WE))?|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?(?:T(?:[0-9]{2}:[0-9]{2}|MO|AF|EV|NI))?",
            r"|[0-9]{2,3}|X{2,3}",
            r"|P(?:(?:[0-9]+(?:\.[0-9]+)?|X)(?:Y|M|W|D|Q|WE|C))*(?:T(?:(?:[0-9]+(?:\.[0-9]+)?|X)[HMS])+)?",
            r")$"
        ))
        .expect("value pattern compiles")
    });
    v != "P" && v != "PT" && re.is_match(v)
}

/// The compiled rules. Building one compiles some forty regular expressions (a few
/// milliseconds); [`TimexTagger::global`] shares one per process.
pub struct TimexTagger {
    rules: Vec<Rule>,
    date_prefix: Regex,
    mod_prefix: Regex,
}

impl Default for TimexTagger {
    fn default() -> Self {
        Self::new()
    }
}

struct Candidate {
    start: usize,
    end: usize,
    rule: usize,
    kind: TimexType,
    sem: Sem,
}

impl TimexTagger {
    pub fn new() -> Self {
        TimexTagger {
            rules: rules::rules(),
            // Modifiers TimeML keeps inside a date's span: "the end of 1990", "early next year",
            // "mid-November", "earlier this month".
            date_prefix: Regex::new(
                r"(?i)(?:^|[^\w'-])((?:the\s+)?(?:very\s+)?(?:(?:end|beginning|start|middle|close|turn|rest|remainder|latter\s+part|early\s+part|first\s+part|last\s+part)\s+of\s+|(?:early|late)[\s\-‐‑–]+|mid[\-‐‑–]?\s*|(?:earlier|later)\s+|around\s+))$",
            )
            .expect("date prefix compiles"),
            // Quantity modifiers kept inside a duration's span: "more than four decades".
            mod_prefix: Regex::new(
                r"(?i)(?:^|[^\w'-])((?:around|approximately|roughly|nearly|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|well\s+over|over|close\s+to|no\s+more\s+than|upwards\s+of|some|about|almost)\s+)$",
            )
            .expect("modifier prefix compiles"),
        }
    }

    /// The process-wide tagger.
    pub fn global() -> &'static TimexTagger {
        static TAGGER: OnceLock<TimexTagger> = OnceLock::new();
        TAGGER.get_or_init(TimexTagger::new)
    }

    /// See [`extract`].
    pub fn extract(&self, text: &str, published: Option<NaiveDate>) -> Vec<Timex> {
        let mut cands = self.candidates(text);
        let chosen = select(&mut cands);
        let mut spans: Vec<(usize, usize)> = chosen.iter().map(|c| (c.start, c.end)).collect();
        self.attach_modifiers(text, &chosen, &mut spans);
        let mut resolver = Resolver {
            text,
            dct: published,
            reference: None,
            last_quarter: None,
            last_day: None,
            reference_end: 0,
            explicit_year: None,
        };
        chosen
            .iter()
            .zip(spans)
            .map(|(c, (start, end))| {
                let (value, anchor) = resolver.resolve(&c.sem, start, end);
                Timex {
                    span: Span::new(start, end),
                    kind: c.kind,
                    value,
                    anchor,
                    rule: self.rules[c.rule].name.to_string(),
                }
            })
            .collect()
    }

    fn candidates(&self, text: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            for caps in rule.re.captures_iter(text) {
                let m = caps.get(0).expect("group 0 always matches");
                // Whole words only: "1990" in "A1990" or "May" in "Mayor" are not timexes.
                let before = text[..m.start()].chars().next_back();
                if m.is_empty() || before.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                let after = text[m.end()..].chars().next();
                if after.is_some_and(char::is_alphanumeric) {
                    // The greedy match ran into a word ("Tuesday night" in "Tuesday nights"):
                    // retry without that word, once.
                    let cut = text[..m.end()]
                        .rfind(|c: char| !c.is_alphanumeric())
                        .filter(|&cut| cut > m.start());
                    if let Some(cut) = cut
                        && let Some(caps) = rule.re.captures_at(&text[..cut], m.start())
                        && let Some(m2) = caps.get(0)
                        && m2.start() == m.start()
                        && !m2.is_empty()
                        && !text[m2.end()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                    {
                        self.push_candidate(&mut out, text, i, &caps);
                    }
                    continue;
                }
                self.push_candidate(&mut out, text, i, &caps);
            }
        }
        out
    }

    fn push_candidate(
        &self,
        out: &mut Vec<Candidate>,
        text: &str,
        rule: usize,
        caps: &regex::Captures,
    ) {
        let m = caps.get(0).expect("group 0 always matches");
        let site = Site {
            text,
            start: m.start(),
            end: m.end(),
            new_start: std::cell::Cell::new(None),
            new_end: std::cell::Cell::new(None),
        };
        if let Some((kind, sem)) = (self.rules[rule].build)(caps, &site) {
            let start = site.new_start.get().unwrap_or(m.start());
            let end = site.new_end.get().unwrap_or(m.end());
            if start < end {
                out.push(Candidate {
                    start,
                    end,
                    rule,
                    kind,
                    sem,
                });
            }
        }
    }

    /// Widens spans over the modifiers that TimeML annotates as part of the expression.
    fn attach_modifiers(&self, text: &str, chosen: &[Candidate], spans: &mut [(usize, usize)]) {
        let mut prev_end = 0;
        for (c, span) in chosen.iter().zip(spans.iter_mut()) {
            let re = match (c.kind, &c.sem) {
                (TimexType::Duration, _) => Some(&self.mod_prefix),
                (TimexType::Date, Sem::Ago { .. }) => Some(&self.mod_prefix),
                (_, Sem::Fixed(_)) => None,
                (TimexType::Date | TimexType::Time, _) => Some(&self.date_prefix),
                _ => None,
            };
            if let Some(re) = re {
                let lo = floor_boundary(text, span.0.saturating_sub(48).max(prev_end));
                if let Some(g) = re.captures(&text[lo..span.0]).and_then(|c| c.get(1)) {
                    let inner = text[span.0..span.1].to_ascii_lowercase();
                    let prefix = g.as_str().trim().to_ascii_lowercase();
                    // Annotators keep "earlier"/"later" only before a named period
                    // ("earlier this year"), not before a day ("later Friday").
                    let keep = if prefix == "earlier" || prefix == "later" {
                        ["this ", "that ", "last ", "next "]
                            .iter()
                            .any(|p| inner.starts_with(p))
                            && (inner.ends_with("year") || inner.ends_with("month"))
                    } else if prefix == "over" {
                        // "over an hour" is a quantity; "over the past year" a preposition.
                        !inner.starts_with("the ")
                    } else if prefix == "about" || prefix == "almost" {
                        // Annotators keep these before "ago" phrases only.
                        matches!(c.sem, Sem::Ago { .. })
                    } else {
                        true
                    };
                    if keep {
                        span.0 = lo + g.start();
                    }
                }
            }
            prev_end = span.1;
        }
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Keeps the longest of overlapping candidates (earlier rules win ties), in text order.
fn select(cands: &mut Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start, c.rule));
    // Accepted spans keyed by start; a new span overlaps iff its neighbours reach into it.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut keep = vec![false; cands.len()];
    for (i, c) in cands.iter().enumerate() {
        let left_overlaps = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &end)| end > c.start);
        if !left_overlaps {
            taken.insert(c.start, c.end);
            keep[i] = true;
        }
    }
    let mut chosen: Vec<Candidate> = cands
        .drain(..)
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect();
    chosen.sort_by_key(|c| c.start);
    chosen
}

/// Anchors meanings to dates, walking the document in order.
struct Resolver<'a> {
    text: &'a str,
    dct: Option<NaiveDate>,
    /// The last date resolved in the text: the reference time of anaphoric expressions.
    reference: Option<Point>,
    /// Where the reference time was written (its end).
    reference_end: usize,
    /// The last day resolved in the text, for day-level anaphora.
    last_day: Option<Point>,
    /// The last quarter named, with where it ended: earnings reports count from it.
    last_quarter: Option<(Point, usize)>,
    /// The last year written out in full, with where it ended.
    explicit_year: Option<(i32, usize)>,
}

/// A resolved value: a calendar point, or a string (placeholders, clock times).
enum Out {
    P(Point),
    S(String),
}

const PUBLISHED: &str = "published";

/// How far back (bytes) a year written in the text still sets the year of "in June".
const YEAR_CONTEXT: usize = 60;

impl Resolver<'_> {
    fn tense(&self, start: usize, end: usize) -> Tense {
        tense_at(self.text, start, end)
    }

    fn resolve(&mut self, sem: &Sem, start: usize, end: usize) -> (Option<String>, Option<String>) {
        let (out, anchor) = match self.resolve_inner(sem, start, end) {
            Some(x) => x,
            None => return (None, None),
        };
        match out {
            Out::P(p) => {
                self.reference = Some(p);
                self.reference_end = end;
                if matches!(p, Point::Day(_)) {
                    self.last_day = Some(p);
                }
                // Only a quarter named as such sets the reporting period; derived ones
                // ("a year ago" = that quarter last year) do not.
                if matches!(sem, Sem::Quarter { .. }) {
                    self.last_quarter = Some((p, end));
                }
                if anchor.is_none() && !matches!(p, Point::Decade(_) | Point::Century(_)) {
                    self.explicit_year = Some((p.year(), end));
                }
                (p.value(), anchor)
            }
            Out::S(s) => (Some(s), anchor),
        }
    }

    /// Whether `to` is in the sentence of `from` or the next one: at most one sentence end (a
    /// stop, then space, then a capital) and no paragraph break lies between.
    fn near_sentence(&self, from: usize, to: usize) -> bool {
        let Some(between) = self.text.get(from.min(to)..to) else {
            return false;
        };
        if between.contains('\n') {
            return false;
        }
        let b = between.as_bytes();
        let ends = (0..b.len().saturating_sub(2))
            .filter(|&i| {
                matches!(b[i], b'.' | b'!' | b'?')
                    && b[i + 1] == b' '
                    && b[i + 2].is_ascii_uppercase()
            })
            .count();
        ends <= 1
    }

    /// A year written nearby, which outranks the publication year for "in June".
    fn nearby_year(&self, start: usize) -> Option<i32> {
        let (y, at) = self.explicit_year?;
        let between = self.text.get(at..start)?;
        (start.saturating_sub(at) <= YEAR_CONTEXT
            && !between.contains(['.', '\n', ';', '!', '?', ',']))
        .then_some(y)
    }

    fn resolve_inner(
        &mut self,
        sem: &Sem,
        start: usize,
        end: usize,
    ) -> Option<(Out, Option<String>)> {
        let published = || Some(PUBLISHED.to_string());
        Some(match sem {
            Sem::Fixed(v) => (Out::S(v.clone()), None),
            Sem::Abs(p) => (Out::P(*p), None),
            Sem::MonthDay { month, day, rel } => {
                if let (Some(r), Some(dct)) = (rel, self.dct) {
                    let this = NaiveDate::from_ymd_opt(dct.year(), *month, *day)?;
                    let y = match r {
                        -1 if this >= dct => dct.year() - 1,
                        1 if this <= dct => dct.year() + 1,
                        _ => dct.year(),
                    };
                    let d = NaiveDate::from_ymd_opt(y, *month, *day)?;
                    return Some((Out::P(Point::Day(d)), published()));
                }
                if let Some(y) = self.nearby_year(start) {
                    let d = NaiveDate::from_ymd_opt(y, *month, *day)?;
                    (Out::P(Point::Day(d)), Some(y.to_string()))
                } else if let Some(dct) = self.dct {
                    let y = self.year_for_day(dct, *month, *day, start, end)?;
                    let d = NaiveDate::from_ymd_opt(y, *month, *day)?;
                    (Out::P(Point::Day(d)), published())
                } else {
                    (Out::S(format!("XXXX-{month:02}-{day:02}")), None)
                }
            }
            Sem::Month { month, rel } => {
                let m = *month;
                if rel.is_none()
                    && let Some(y) = self.nearby_year(start)
                {
                    return Some((Out::P(Point::Month(y, m)), Some(y.to_string())));
                }
                let Some(dct) = self.dct else {
                    return Some((Out::S(format!("XXXX-{m:02}")), None));
                };
                let (y, cur) = (dct.year(), dct.month());
                let year = match rel {
                    Some(-1) => {
                        if m < cur {
                            y
                        } else {
                            y - 1
                        }
                    }
                    Some(0) => y,
                    Some(_) => {
                        if m > cur {
                            y
                        } else {
                            y + 1
                        }
                    }
                    // Next month is rarely last year's, nor last month next year's, whatever
                    // the tense cue says (past participles mislead it: "the planned merger
                    // in April").
                    None if m as i32 - cur as i32 == 1 => y,
                    None if cur as i32 - m as i32 == 1 => y,
                    None => self.year_by_tense(y, m as i32, cur as i32, 12, start, end),
                };
                (Out::P(Point::Month(year, m)), published())
            }
            Sem::Weekday { wd, rel } => {
                let Some(dct) = self.dct else {
                    return Some((Out::S(format!("XXXX-WXX-{wd}")), None));
                };
                let target = *wd as i64;
                let cur = dct.weekday().number_from_monday() as i64;
                let days = match rel {
                    Some(-1) => -((cur - target - 1).rem_euclid(7) + 1),
                    Some(0) => target - cur,
                    Some(_) => (target - cur - 1).rem_euclid(7) + 1,
                    None => match self.tense(start, end) {
                        Tense::Future => (target - cur).rem_euclid(7),
                        // No cue at all: a day or two ahead is nearer than most of a week back.
                        Tense::Unknown if (target - cur).rem_euclid(7) <= 2 => {
                            (target - cur).rem_euclid(7)
                        }
                        _ => -((cur - target).rem_euclid(7)),
                    },
                };
                let d = dct.checked_add_signed(Duration::try_days(days)?)?;
                (Out::P(Point::Day(d)), published())
            }
            Sem::Quarter { q, year } => self.period(*year, *q, 4, start, end, Point::Quarter)?,
            Sem::Half { h, year } => self.period(*year, *h, 2, start, end, Point::Half)?,
            Sem::Season { s, year } => {
                let s = *s;
                let mk = |y| Point::Season(y, s);
                match year {
                    YearRef::Abs(y) => (Out::P(mk(*y)), None),
                    _ => {
                        let Some(dct) = self.dct else {
                            let v = format!("XXXX-{}", &mk(2000).value()?[5..]);
                            return Some((Out::S(v), None));
                        };
                        // Seasons counted from spring: Dec-Feb is winter (3), and January's
                        // winter is the one that began the year before.
                        let cur = ((dct.month() + 9) % 12 / 3) as i32;
                        let y = if dct.month() <= 2 {
                            dct.year() - 1
                        } else {
                            dct.year()
                        };
                        let year = match year {
                            YearRef::Rel(-1) => {
                                if (s as i32) < cur {
                                    y
                                } else {
                                    y - 1
                                }
                            }
                            // "this spring" in January is the coming one.
                            YearRef::Rel(0) if s != 3 => dct.year(),
                            YearRef::Rel(0) => y,
                            YearRef::Rel(_) => {
                                if (s as i32) > cur {
                                    y
                                } else {
                                    y + 1
                                }
                            }
                            _ => match self.nearby_year(start) {
                                Some(y) => y,
                                None => self.year_by_tense(y, s as i32, cur, 4, start, end),
                            },
                        };
                        (Out::P(mk(year)), published())
                    }
                }
            }
            Sem::Holiday { name, year } => {
                let y = match year {
                    YearRef::Abs(y) => *y,
                    _ => {
                        let Some(dct) = self.dct else {
                            let v = match name {
                                Holiday::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
                                _ => "XXXX-XX-XX".into(),
                            };
                            return Some((Out::S(v), None));
                        };
                        let this = holiday_date(*name, dct.year())?;
                        match year {
                            YearRef::Rel(r) => {
                                let r = *r;
                                if r < 0 {
                                    if this < dct {
                                        dct.year()
                                    } else {
                                        dct.year() - 1
                                    }
                                } else if r > 0 {
                                    if this > dct {
                                        dct.year()
                                    } else {
                                        dct.year() + 1
                                    }
                                } else {
                                    dct.year()
                                }
                            }
                            _ => self.year_for_day(dct, this.month(), this.day(), start, end)?,
                        }
                    }
                };
                let anchor = (!matches!(year, YearRef::Abs(_))).then(|| PUBLISHED.to_string());
                (Out::P(Point::Day(holiday_date(*name, y)?)), anchor)
            }
            Sem::Offset { unit, n, from_ref } => self.offset(*unit, *n, *from_ref, false)?,
            Sem::Ago { unit, n, from_ref } => self.offset(*unit, *n, *from_ref, true)?,
            Sem::MonthOfYear { month, year } => {
                let r = match year {
                    YearRef::Abs(y) => return Some((Out::P(Point::Month(*y, *month)), None)),
                    YearRef::Rel(r) => *r,
                    YearRef::Context => 0,
                };
                let Some(dct) = self.dct else {
                    return Some((Out::S(format!("XXXX-{month:02}")), None));
                };
                (Out::P(Point::Month(dct.year() + r, *month)), published())
            }
            Sem::Weekend { rel } => {
                let Some(dct) = self.dct else {
                    return Some((Out::S("XXXX-WXX-WE".into()), None));
                };
                let iso = dct.iso_week();
                let this = Point::Weekend(iso.year(), iso.week());
                let on_weekend = matches!(dct.weekday(), Weekday::Sat | Weekday::Sun);
                let shift = match rel {
                    Some(r) => *r as i64,
                    None => match self.tense(start, end) {
                        Tense::Future | Tense::Present => 0,
                        _ if on_weekend => 0,
                        _ => -1,
                    },
                };
                (Out::P(this.shift(shift)?), published())
            }
            Sem::ListDay { month, day } => match self.reference {
                Some(Point::Day(d)) if d.month() == *month => {
                    let p = Point::Day(NaiveDate::from_ymd_opt(d.year(), *month, *day)?);
                    (Out::P(p), Point::Day(d).value())
                }
                _ => {
                    let sem = Sem::MonthDay {
                        month: *month,
                        day: *day,
                        rel: None,
                    };
                    return self.resolve_inner(&sem, start, end);
                }
            },
            // Only a day named in this sentence or the last sets the day of a bare clock time.
            Sem::StoryDay => match (self.reference, self.dct) {
                (Some(r @ Point::Day(_)), _) if self.near_sentence(self.reference_end, start) => {
                    (Out::P(r), r.value())
                }
                (_, Some(d)) => (Out::P(Point::Day(d)), published()),
                (_, None) => (Out::S("XXXX-XX-XX".into()), None),
            },
            Sem::ReportQuarterOfYear { year } => match self.last_quarter {
                Some((Point::Quarter(_, q), _)) => (Out::P(Point::Quarter(*year, q)), None),
                _ => (Out::P(Point::Year(*year)), None),
            },
            Sem::ReportQuarter { shift, latest } => {
                if *shift == -4
                    && let Some(base) = self.reported_quarter()
                {
                    (Out::P(base.shift(-4)?), base.value())
                } else if let Some((q, _)) =
                    self.last_quarter.filter(|_| !*latest || self.dct.is_none())
                {
                    (Out::P(q.shift(*shift)?), q.value())
                } else {
                    let Some(dct) = self.dct else {
                        return Some((Out::S("XXXX-QX".into()), None));
                    };
                    if *shift == -4 {
                        (Out::P(Point::Year(dct.year() - 1)), published())
                    } else {
                        let last_done = truncate(dct, Unit::Quarter).shift(-1)?;
                        (Out::P(last_done.shift(*shift)?), published())
                    }
                }
            }
            Sem::WithTime { day, time } => {
                let (out, anchor) = self.resolve_inner(day, start, end)?;
                let v = match out {
                    Out::P(p @ Point::Day(_)) => {
                        self.reference = Some(p);
                        self.last_day = Some(p);
                        p.value()?
                    }
                    Out::S(s) if s.len() == 10 => s,
                    _ => return None,
                };
                (Out::S(format!("{v}{time}")), anchor)
            }
        })
    }

    /// Year of a month-day without one: the nearest such day looking the way the tense looks.
    fn year_for_day(
        &self,
        dct: NaiveDate,
        month: u32,
        day: u32,
        start: usize,
        end: usize,
    ) -> Option<i32> {
        let y = dct.year();
        let this = NaiveDate::from_ymd_opt(y, month, day)
            .or_else(|| NaiveDate::from_ymd_opt(y, month, 28))?;
        let diff = (this - dct).num_days();
        Some(match self.tense(start, end) {
            Tense::Past if diff > 60 => y - 1,
            Tense::Future if diff < -60 => y + 1,
            Tense::Past | Tense::Future => y,
            // "The opener is Oct. 19": present-tense schedules look ahead.
            Tense::Present if diff < -60 => y + 1,
            Tense::Present => y,
            _ => {
                if diff > 182 {
                    y - 1
                } else if diff < -182 {
                    y + 1
                } else {
                    y
                }
            }
        })
    }

    /// Year of a period (month, quarter, season) named without one, from the tense.
    fn year_by_tense(
        &self,
        y: i32,
        period: i32,
        cur: i32,
        per_year: i32,
        start: usize,
        end: usize,
    ) -> i32 {
        match self.tense(start, end) {
            Tense::Past => {
                if period <= cur {
                    y
                } else {
                    y - 1
                }
            }
            Tense::Future => {
                if period >= cur {
                    y
                } else {
                    y + 1
                }
            }
            _ => {
                let d = period - cur;
                // Half a year either way is a tie: news looks back.
                if d * 2 >= per_year {
                    y - 1
                } else if -d * 2 > per_year {
                    y + 1
                } else {
                    y
                }
            }
        }
    }

    fn period(
        &self,
        year: YearRef,
        idx: u32,
        per_year: u32,
        start: usize,
        end: usize,
        mk: fn(i32, u32) -> Point,
    ) -> Option<(Out, Option<String>)> {
        if let YearRef::Abs(y) = year {
            return Some((Out::P(mk(y, idx)), None));
        }
        let Some(dct) = self.dct else {
            let letter = if per_year == 4 { 'Q' } else { 'H' };
            return Some((Out::S(format!("XXXX-{letter}{idx}")), None));
        };
        let cur = ((dct.month() - 1) * per_year / 12 + 1) as i32;
        let y = match year {
            YearRef::Rel(r) => dct.year() + r,
            // Results for a period come out after it ends: the period just closed is still
            // "this year's" even in future-tense talk about its results.
            _ if idx as i32 == cur - 1 => dct.year(),
            _ => self.year_by_tense(dct.year(), idx as i32, cur, per_year as i32, start, end),
        };
        Some((Out::P(mk(y, idx)), Some(PUBLISHED.into())))
    }

    /// In an earnings report (a quarter has been named), the quarter being reported: the last
    /// one completed before publication. Comparisons "a year ago" count from it.
    fn reported_quarter(&self) -> Option<Point> {
        let (named, _) = self.last_quarter?;
        match self.dct {
            Some(dct) => truncate(dct, Unit::Quarter).shift(-1),
            None => Some(named),
        }
    }

    fn offset(
        &self,
        unit: Unit,
        n: f64,
        from_ref: bool,
        ago: bool,
    ) -> Option<(Out, Option<String>)> {
        // Earnings reports: "a year ago" beside a quarter means that quarter a year before.
        if ago
            && unit == Unit::Year
            && n != 0.0
            && n.fract() == 0.0
            && !(from_ref && matches!(self.reference, Some(Point::Day(_))))
            && let Some(q) = self.reported_quarter()
        {
            return Some((Out::P(q.shift(4 * n as i64)?), q.value()));
        }
        // A reference coarser than the unit cannot anchor it ("the following day" after "last
        // year"): use the last day named instead, if any.
        let reference = match self.reference {
            Some(r) if rank(r.unit()) > rank(unit) => self.last_day,
            r => r,
        };
        if from_ref && let Some(r) = reference {
            if r.unit() == unit && n.fract() == 0.0 {
                return Some((Out::P(r.shift(n as i64)?), r.value()));
            }
            let d = add_units(r.first_day()?, unit, n)?;
            // "a year earlier" than a day is a day: keep the finer of the two granularities.
            let finer = match r {
                Point::Day(_) | Point::Month(..) | Point::Quarter(..) if ago => r.unit(),
                _ => unit,
            };
            return Some((Out::P(truncate(d, finer)), r.value()));
        }
        let Some(dct) = self.dct else {
            let v = match unit {
                Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
                Unit::Week | Unit::Fortnight => "XXXX-WXX",
                Unit::Weekend => "XXXX-WXX-WE",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                Unit::Half => "XXXX-HX",
                Unit::Year => "XXXX",
                Unit::Decade => "XXX",
                Unit::Century => "XX",
            };
            return Some((Out::S(v.into()), None));
        };
        let d = add_units(dct, unit, n)?;
        Some((Out::P(truncate(d, unit)), Some(PUBLISHED.into())))
    }
}

/// Orders units from fine to coarse.
fn rank(u: Unit) -> u8 {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour => 0,
        Unit::Day => 1,
        Unit::Weekend | Unit::Week | Unit::Fortnight => 2,
        Unit::Month => 3,
        Unit::Quarter => 4,
        Unit::Half => 5,
        Unit::Year => 6,
        Unit::Decade => 7,
        Unit::Century => 8,
    }
}

/// The date of a holiday in year `y`.
fn holiday_date(h: Holiday, y: i32) -> Option<NaiveDate> {
    let nth = |month, wd, n| NaiveDate::from_weekday_of_month_opt(y, month, wd, n);
    match h {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Holiday::Thanksgiving => nth(11, Weekday::Thu, 4),
        Holiday::LaborDay => nth(9, Weekday::Mon, 1),
        Holiday::MlkDay => nth(1, Weekday::Mon, 3),
        Holiday::MemorialDay => nth(5, Weekday::Mon, 5).or_else(|| nth(5, Weekday::Mon, 4)),
        Holiday::ElectionDay => nth(11, Weekday::Mon, 1)?.checked_add_signed(Duration::days(1)),
        Holiday::Easter => easter(y),
        Holiday::GoodFriday => easter(y)?.checked_sub_signed(Duration::days(2)),
    }
}

/// Gregorian Easter Sunday (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2021), NaiveDate::from_ymd_opt(2021, 4, 4));
        assert_eq!(easter(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
    }
}
