//! Calendar points at TIMEX3 granularities (day, week, month, quarter, season, year, decade...),
//! their arithmetic and their TIMEX3 spelling.

use crate::lexicon::Unit;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A calendar interval named at one granularity, as a TIMEX3 DATE value names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    Day(NaiveDate),
    /// ISO year and week.
    Week(i32, u32),
    /// The weekend of an ISO week.
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    /// Year and season (0 spring, 1 summer, 2 fall, 3 winter).
    Season(i32, u32),
    Year(i32),
    /// The first three digits of the years (199 for the 1990s).
    Decade(i32),
    /// The first two digits of the years (19 for the 1900s).
    Century(i32),
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// Years TIMEX3 can write in four digits; arithmetic that leaves them gives no value.
fn valid_year(y: i32) -> bool {
    (0..=9999).contains(&y)
}

impl Point {
    /// The TIMEX3 value, or `None` if the year left the four-digit range.
    pub fn value(&self) -> Option<String> {
        let y = self.year();
        if !valid_year(y) {
            return None;
        }
        Some(match *self {
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{}", SEASONS[s as usize % 4]),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        })
    }

    /// A year inside the interval, for range checks.
    pub fn year(&self) -> i32 {
        match *self {
            Point::Day(d) => d.year(),
            Point::Week(y, _)
            | Point::Weekend(y, _)
            | Point::Month(y, _)
            | Point::Quarter(y, _)
            | Point::Half(y, _)
            | Point::Season(y, _)
            | Point::Year(y) => y,
            Point::Decade(d) => d * 10,
            Point::Century(c) => c * 100,
        }
    }

    /// A representative day (the first) of the interval, to re-truncate at another granularity.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day(d) => Some(d),
            Point::Week(y, w) | Point::Weekend(y, w) => {
                NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)
            }
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Quarter(y, q) => NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1),
            Point::Half(y, h) => NaiveDate::from_ymd_opt(y, (h - 1) * 6 + 1, 1),
            Point::Season(y, s) => NaiveDate::from_ymd_opt(y, 3 + 3 * s, 21),
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Point::Decade(d) => NaiveDate::from_ymd_opt(d.checked_mul(10)?, 1, 1),
            Point::Century(c) => NaiveDate::from_ymd_opt(c.checked_mul(100)?, 1, 1),
        }
    }

    /// The unit this point is named in.
    pub fn unit(&self) -> Unit {
        match self {
            Point::Day(_) => Unit::Day,
            Point::Week(..) => Unit::Week,
            Point::Weekend(..) => Unit::Weekend,
            Point::Month(..) => Unit::Month,
            Point::Quarter(..) => Unit::Quarter,
            Point::Half(..) => Unit::Half,
            Point::Season(..) => Unit::Year,
            Point::Year(_) => Unit::Year,
            Point::Decade(_) => Unit::Decade,
            Point::Century(_) => Unit::Century,
        }
    }

    /// Moves the point by `n` of its own units ("last quarter" is the quarter before).
    pub fn shift(&self, n: i64) -> Option<Point> {
        let n32 = i32::try_from(n).ok()?;
        Some(match *self {
            Point::Day(d) => Point::Day(d.checked_add_signed(Duration::try_days(n)?)?),
            Point::Week(y, w) | Point::Weekend(y, w) => {
                let d = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?
                    .checked_add_signed(Duration::try_days(n.checked_mul(7)?)?)?;
                let iso = d.iso_week();
                if matches!(self, Point::Week(..)) {
                    Point::Week(iso.year(), iso.week())
                } else {
                    Point::Weekend(iso.year(), iso.week())
                }
            }
            Point::Month(y, m) => {
                let (y, m) = add_periods(y, m, n32, 12)?;
                Point::Month(y, m)
            }
            Point::Quarter(y, q) => {
                let (y, q) = add_periods(y, q, n32, 4)?;
                Point::Quarter(y, q)
            }
            Point::Half(y, h) => {
                let (y, h) = add_periods(y, h, n32, 2)?;
                Point::Half(y, h)
            }
            Point::Season(y, s) => Point::Season(y.checked_add(n32)?, s),
            Point::Year(y) => Point::Year(y.checked_add(n32)?),
            Point::Decade(d) => Point::Decade(d.checked_add(n32)?),
            Point::Century(c) => Point::Century(c.checked_add(n32)?),
        })
    }
}

/// Adds `n` periods to a 1-based period index within a year of `per_year` periods.
fn add_periods(y: i32, p: u32, n: i32, per_year: i32) -> Option<(i32, u32)> {
    let idx = (y as i64) * per_year as i64 + (p as i64 - 1) + n as i64;
    let y = i32::try_from(idx.div_euclid(per_year as i64)).ok()?;
    let p = idx.rem_euclid(per_year as i64) as u32 + 1;
    valid_year(y).then_some((y, p))
}

/// The interval of granularity `unit` that contains `d`.
pub fn truncate(d: NaiveDate, unit: Unit) -> Point {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Point::Day(d),
        Unit::Week | Unit::Fortnight => {
            let iso = d.iso_week();
            Point::Week(iso.year(), iso.week())
        }
        Unit::Weekend => {
            let iso = d.iso_week();
            Point::Weekend(iso.year(), iso.week())
        }
        Unit::Month => Point::Month(d.year(), d.month()),
        Unit::Quarter => Point::Quarter(d.year(), (d.month() - 1) / 3 + 1),
        Unit::Half => Point::Half(d.year(), (d.month() - 1) / 6 + 1),
        Unit::Year => Point::Year(d.year()),
        Unit::Decade => Point::Decade(d.year().div_euclid(10)),
        Unit::Century => Point::Century(d.year().div_euclid(100)),
    }
}

/// `d` moved by `n` units (`n` may be fractional for "a year and a half ago": rounded to days
/// or months).
pub fn add_units(d: NaiveDate, unit: Unit, n: f64) -> Option<NaiveDate> {
    if !n.is_finite() || n.abs() > 100_000.0 {
        return None;
    }
    let months = |m: f64| -> Option<NaiveDate> {
        let m = m.round() as i32;
        if m >= 0 {
            d.checked_add_months(chrono::Months::new(m as u32))
        } else {
            d.checked_sub_months(chrono::Months::new(m.unsigned_abs()))
        }
    };
    let days = |x: f64| d.checked_add_signed(Duration::try_days(x.round() as i64)?);
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => days(n),
        Unit::Week | Unit::Weekend => days(n * 7.0),
        Unit::Fortnight => days(n * 14.0),
        Unit::Month => months(n),
        Unit::Quarter => months(n * 3.0),
        Unit::Half => months(n * 6.0),
        Unit::Year => months(n * 12.0),
        Unit::Decade => months(n * 120.0),
        Unit::Century => months(n * 1200.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn spelling() {
        assert_eq!(
            truncate(d(2021, 3, 2), Unit::Week).value().unwrap(),
            "2021-W09"
        );
        assert_eq!(Point::Decade(199).value().unwrap(), "199");
        assert_eq!(Point::Season(2015, 0).value().unwrap(), "2015-SP");
        assert_eq!(Point::Quarter(1999, 3).value().unwrap(), "1999-Q3");
        assert_eq!(Point::Year(12000).value(), None);
    }

    #[test]
    fn shifting_crosses_years() {
        assert_eq!(
            Point::Quarter(2021, 1).shift(-1),
            Some(Point::Quarter(2020, 4))
        );
        assert_eq!(
            Point::Month(2021, 1).shift(-13),
            Some(Point::Month(2019, 12))
        );
        assert_eq!(Point::Week(2021, 1).shift(-1), Some(Point::Week(2020, 53)));
        assert_eq!(Point::Year(2021).shift(i64::MAX), None);
    }
}
