//! Calendar dates, month keys and the imprecise dates that claims carry (`2017`, `2017-10`, `2017-10-17`, ranges).

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// A day in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("{0:?} is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD or START/END")]
    Syntax(String),
    #[error("{0:?}: month {1} does not exist")]
    Month(String, u32),
    #[error("{0:?}: day {1} does not exist in that month")]
    Day(String, u32),
    #[error("{0:?}: year {1} is out of range (1000-2999)")]
    Year(String, i64),
    #[error("{0:?}: the range ends before it starts")]
    Reversed(String),
    #[error("{0:?} is not {1}")]
    Expected(String, &'static str),
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A checked constructor: `None` for impossible days such as 2017-02-30.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), after Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::to_days`].
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Day of the week, 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.to_days() - self.to_days()
    }

    pub fn month_key(self) -> YearMonth {
        YearMonth { year: self.year, month: self.month }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A calendar month, the key of a map frame (`2017-10`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

impl YearMonth {
    pub fn first_day(self) -> Date {
        Date { year: self.year, month: self.month, day: 1 }
    }

    pub fn last_day(self) -> Date {
        Date { year: self.year, month: self.month, day: days_in_month(self.year, self.month) }
    }

    pub fn next(self) -> YearMonth {
        if self.month == 12 {
            YearMonth { year: self.year + 1, month: 1 }
        } else {
            YearMonth { year: self.year, month: self.month + 1 }
        }
    }

    /// Every month from `self` to `last`, both included.
    pub fn through(self, last: YearMonth) -> Vec<YearMonth> {
        let mut months = Vec::new();
        let mut m = self;
        while m <= last {
            months.push(m);
            m = m.next();
        }
        months
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl FromStr for YearMonth {
    type Err = DateError;
    fn from_str(text: &str) -> Result<Self, DateError> {
        let span = DateSpan::from_str(text)?;
        match span.precision {
            Precision::Month => Ok(span.start.month_key()),
            _ => Err(DateError::Expected(text.to_string(), "a month: expected YYYY-MM")),
        }
    }
}

/// How precise a claim's date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
    Range,
}

/// When a claim is about: the first and last day it may refer to, and how it was written.
///
/// `2017-10` covers 2017-10-01..=2017-10-31; `2014-06/2014-08` covers 2014-06-01..=2014-08-31.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateSpan {
    pub start: Date,
    pub end: Date,
    pub precision: Precision,
}

impl DateSpan {
    pub fn day(date: Date) -> DateSpan {
        DateSpan { start: date, end: date, precision: Precision::Day }
    }

    pub fn month(month: YearMonth) -> DateSpan {
        DateSpan { start: month.first_day(), end: month.last_day(), precision: Precision::Month }
    }

    /// True when `date` lies inside the span, both ends included.
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Length in days, at least 1.
    pub fn days(&self) -> i64 {
        self.start.days_until(self.end) + 1
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.start),
            Precision::Month => write!(f, "{}", self.start.month_key()),
            Precision::Year => write!(f, "{:04}", self.start.year),
            Precision::Range => {
                write!(f, "{}/{}", span_part_text(self.start, true), span_part_text(self.end, false))
            }
        }
    }
}

/// The shortest text for one end of a range: whole years and months are written as such.
fn span_part_text(date: Date, is_start: bool) -> String {
    let month_edge = if is_start { date.day == 1 } else { date.day == days_in_month(date.year, date.month) };
    let year_edge = month_edge && if is_start { date.month == 1 } else { date.month == 12 };
    if year_edge {
        format!("{:04}", date.year)
    } else if month_edge {
        date.month_key().to_string()
    } else {
        date.to_string()
    }
}

impl Serialize for DateSpan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl FromStr for DateSpan {
    type Err = DateError;
    fn from_str(text: &str) -> Result<Self, DateError> {
        let trimmed = crate::text::trim(text);
        // `/` is one byte in UTF-8, never part of another character: found among the bytes.
        if let Some(slash) = memchr::memchr(b'/', trimmed.as_bytes()) {
            let (a, b) = (&trimmed[..slash], &trimmed[slash + 1..]);
            let first = parse_single(crate::text::trim(a), trimmed)?;
            let last = parse_single(crate::text::trim(b), trimmed)?;
            if last.end < first.start {
                return Err(DateError::Reversed(trimmed.to_string()));
            }
            return Ok(DateSpan { start: first.start, end: last.end, precision: Precision::Range });
        }
        parse_single(trimmed, trimmed)
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `whole` is the full text for error messages.
fn parse_single(part: &str, whole: &str) -> Result<DateSpan, DateError> {
    let syntax = || DateError::Syntax(whole.to_string());
    let fields = date_fields(part).ok_or_else(syntax)?;
    let fields = fields.get();
    let year: i64 = fields[0].parse().map_err(|_| syntax())?;
    if !(1000..=2999).contains(&year) {
        return Err(DateError::Year(whole.to_string(), year));
    }
    let year = year as i32;
    let Some(month_text) = fields.get(1) else {
        let start = Date { year, month: 1, day: 1 };
        let end = Date { year, month: 12, day: 31 };
        return Ok(DateSpan { start, end, precision: Precision::Year });
    };
    let month: u32 = month_text.parse().map_err(|_| syntax())?;
    if !(1..=12).contains(&month) {
        return Err(DateError::Month(whole.to_string(), month));
    }
    let ym = YearMonth { year, month: month as u8 };
    let Some(day_text) = fields.get(2) else {
        return Ok(DateSpan::month(ym));
    };
    let day: u32 = day_text.parse().map_err(|_| syntax())?;
    let date = u8::try_from(day).ok().and_then(|d| Date::new(year, ym.month, d));
    date.map(DateSpan::day).ok_or_else(|| DateError::Day(whole.to_string(), day))
}

/// The fields of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (every one all ASCII digits), read by their
/// byte positions; `None` for any other shape.
fn date_fields(part: &str) -> Option<DateFields<'_>> {
    let bytes = part.as_bytes();
    let dash = |at: usize| bytes.get(at) == Some(&b'-');
    // The dashes are single bytes, so every cut below falls between characters.
    let fields = match bytes.len() {
        4 => DateFields { fields: [part, "", ""], count: 1 },
        7 if dash(4) => DateFields { fields: [&part[..4], &part[5..], ""], count: 2 },
        10 if dash(4) && dash(7) => DateFields { fields: [&part[..4], &part[5..7], &part[8..]], count: 3 },
        _ => return None,
    };
    fields.get().iter().all(|f| f.bytes().all(|b| b.is_ascii_digit())).then_some(fields)
}

/// Up to three date fields, without an allocation.
struct DateFields<'a> {
    fields: [&'a str; 3],
    count: usize,
}

impl<'a> DateFields<'a> {
    fn get(&self) -> &[&'a str] {
        &self.fields[..self.count]
    }
}

/// Parses a query date: a day, or a month meaning its last day (`2017-10` = 2017-10-31), or a year meaning 31 December.
pub fn parse_query_date(text: &str) -> Result<Date, DateError> {
    let span = DateSpan::from_str(text)?;
    match span.precision {
        Precision::Range => {
            Err(DateError::Expected(text.to_string(), "one date: expected YYYY-MM-DD, YYYY-MM or YYYY, not a range"))
        }
        _ => Ok(span.end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_shapes_are_read_by_byte_position_and_others_refused() {
        for good in ["2017", "2017-10", "2017-10-05", " 2017-10 ", "2016-02-29/2017"] {
            assert!(good.parse::<DateSpan>().is_ok(), "{good:?}");
        }
        let refused = [
            "",
            "201",
            "20170",
            "2017-1",
            "2017-10-5",
            "2017-10-05-01",
            "2017/",
            "2017--1",
            "2017-1-05",
            "2017-10-0a",
            "2é17",
            "2017-é1",
            "2017-10-é",
            "+2017",
            "2017-+1-01",
            "0999",
            "2017-13",
            "2017-02-30",
        ];
        for bad in refused {
            assert!(bad.parse::<DateSpan>().is_err(), "{bad:?}");
        }
        assert_eq!("2017-10-05".parse::<DateSpan>().unwrap(), DateSpan::day(Date::new(2017, 10, 5).unwrap()));
        assert!(matches!("2017-02-30".parse::<DateSpan>(), Err(DateError::Day(_, 30))));
        assert!(matches!("2017-00".parse::<DateSpan>(), Err(DateError::Month(_, 0))));
        assert!(matches!("0999-01".parse::<DateSpan>(), Err(DateError::Year(_, 999))));
        assert!(matches!("2017-1x".parse::<DateSpan>(), Err(DateError::Syntax(_))));
    }

    #[test]
    fn days_round_trip_across_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2017, 10, 17).unwrap().weekday(), 1); // a Tuesday
    }

    #[test]
    fn parses_every_precision() {
        let day: DateSpan = "2017-07-09".parse().unwrap();
        assert_eq!((day.start, day.end, day.precision), (day.start, day.start, Precision::Day));
        let month: DateSpan = "2016-02".parse().unwrap();
        assert_eq!(month.end, Date::new(2016, 2, 29).unwrap());
        let year: DateSpan = "2014".parse().unwrap();
        assert_eq!(year.days(), 365);
        let range: DateSpan = "2014-06/2014-08".parse().unwrap();
        assert_eq!(range.start, Date::new(2014, 6, 1).unwrap());
        assert_eq!(range.end, Date::new(2014, 8, 31).unwrap());
        assert_eq!(range.to_string(), "2014-06/2014-08");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(matches!("2017-13".parse::<DateSpan>(), Err(DateError::Month(_, 13))));
        assert!(matches!("2017-02-30".parse::<DateSpan>(), Err(DateError::Day(_, 30))));
        assert!(matches!("2017-00".parse::<DateSpan>(), Err(DateError::Month(_, 0))));
        assert!(matches!("2018/2017".parse::<DateSpan>(), Err(DateError::Reversed(_))));
        for bad in ["", "17-10", "2017-1", "2017-10-1", "oktober", "2017-10-17/", "2017--10", "+2017"] {
            assert!(bad.parse::<DateSpan>().is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn a_query_month_means_its_last_day() {
        assert_eq!(parse_query_date("2017-11").unwrap(), Date::new(2017, 11, 30).unwrap());
        assert_eq!(parse_query_date("2017-10-20").unwrap(), Date::new(2017, 10, 20).unwrap());
    }
}
