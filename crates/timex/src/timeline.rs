//! Placing TIMEX3 date values on a time line: the calendar interval a value names, so dated items
//! from many documents can be put in order.

use chrono::{Datelike, Duration, NaiveDate};

/// The first and last day of the interval a TIMEX3 DATE (or TIME) value names: `2021-03-02`,
/// `2021-03`, `2021-W10`, `2021-W10-WE`, `2021-Q1`, `2021-H2`, `2015-SP`, `2021`, `199` (the
/// 1990s), `19` (the 1900s); a time suffix (`T15:00`, `TMO`) is ignored. `None` for values with
/// unknown parts (`XXXX-03`), durations, sets and the `*_REF` references.
pub fn interval(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let value = value.split('T').next()?;
    if value.contains('X') || value.is_empty() || !value.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let mut parts = value.splitn(2, '-');
    let year_part = parts.next()?;
    let rest = parts.next();
    let num = |s: &str| s.parse::<i32>().ok();
    match (year_part.len(), rest) {
        (2, None) => {
            let c = num(year_part)?;
            Some((ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?))
        }
        (3, None) => {
            let d = num(year_part)?;
            Some((ymd(d * 10, 1, 1)?, ymd(d * 10 + 9, 12, 31)?))
        }
        (4, None) => {
            let y = num(year_part)?;
            Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
        }
        (4, Some(rest)) => {
            let y = num(year_part)?;
            sub_year(y, rest)
        }
        _ => None,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let next = if m == 12 {
        ymd(y + 1, 1, 1)?
    } else {
        ymd(y, m + 1, 1)?
    };
    Some(next - Duration::days(1))
}

fn sub_year(y: i32, rest: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some(w) = rest
        .strip_prefix('W')
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        let (week, tail) = w.split_once('-').map_or((w, None), |(a, b)| (a, Some(b)));
        let week: u32 = week.parse().ok()?;
        let monday = NaiveDate::from_isoywd_opt(y, week, chrono::Weekday::Mon)?;
        return match tail {
            None => Some((monday, monday + Duration::days(6))),
            Some("WE") => Some((monday + Duration::days(5), monday + Duration::days(6))),
            Some(d) => {
                let d: i64 = d.parse().ok()?;
                (1..=7)
                    .contains(&d)
                    .then(|| monday + Duration::days(d - 1))
                    .map(|day| (day, day))
            }
        };
    }
    let quarter =
        |first: u32, months: u32| Some((ymd(y, first, 1)?, month_end(y, first + months - 1)?));
    match rest {
        "Q1" => return quarter(1, 3),
        "Q2" => return quarter(4, 3),
        "Q3" => return quarter(7, 3),
        "Q4" => return quarter(10, 3),
        "H1" => return quarter(1, 6),
        "H2" => return quarter(7, 6),
        // Northern-hemisphere meteorological seasons; winter runs into the next year.
        "SP" => return quarter(3, 3),
        "SU" => return quarter(6, 3),
        "FA" => return quarter(9, 3),
        "WI" => return Some((ymd(y, 12, 1)?, month_end(y + 1, 2)?)),
        _ => {}
    }
    let mut fields = rest.split('-');
    let m: u32 = fields.next()?.parse().ok()?;
    match fields.next() {
        None => Some((ymd(y, m, 1)?, month_end(y, m)?)),
        Some(d) => {
            let day = ymd(y, m, d.parse().ok()?)?;
            debug_assert_eq!(day.year(), y);
            Some((day, day))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::interval;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn every_granularity() {
        assert_eq!(
            interval("2021-03-02"),
            Some((d("2021-03-02"), d("2021-03-02")))
        );
        assert_eq!(
            interval("2021-03-02TMO"),
            Some((d("2021-03-02"), d("2021-03-02")))
        );
        assert_eq!(
            interval("2021-02"),
            Some((d("2021-02-01"), d("2021-02-28")))
        );
        assert_eq!(
            interval("2021-W10"),
            Some((d("2021-03-08"), d("2021-03-14")))
        );
        assert_eq!(
            interval("2021-W10-WE"),
            Some((d("2021-03-13"), d("2021-03-14")))
        );
        assert_eq!(
            interval("2021-Q4"),
            Some((d("2021-10-01"), d("2021-12-31")))
        );
        assert_eq!(
            interval("2015-SP"),
            Some((d("2015-03-01"), d("2015-05-31")))
        );
        assert_eq!(
            interval("2020-WI"),
            Some((d("2020-12-01"), d("2021-02-28")))
        );
        assert_eq!(interval("2009"), Some((d("2009-01-01"), d("2009-12-31"))));
        assert_eq!(interval("199"), Some((d("1990-01-01"), d("1999-12-31"))));
        assert_eq!(interval("19"), Some((d("1900-01-01"), d("1999-12-31"))));
    }

    #[test]
    fn unknown_or_undated_values_have_no_place() {
        for v in [
            "XXXX-03",
            "PRESENT_REF",
            "P1Y",
            "XXXX-WXX-1",
            "2021-13",
            "",
            "2021-W60",
        ] {
            assert_eq!(interval(v), None, "{v}");
        }
    }
}
