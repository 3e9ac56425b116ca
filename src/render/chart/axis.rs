//! The chart's axes: a plotters coordinate with explicit, labelled ticks (months on x, round
//! numbers on y), and number formatting with the language's thousands separator.

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, KeyPointWeight, NoDefaultFormatting, Ranged, ValueFormatter};

use crate::date::YearMonth;
use crate::render::style::Lang;

/// A linear axis whose ticks and labels are chosen here, not by plotters.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub range: Range<f64>,
    /// Tick values and their labels.
    pub ticks: Vec<(f64, String)>,
}

impl Ranged for Axis {
    type ValueType = f64;
    type FormatOption = NoDefaultFormatting;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.range.end - self.range.start;
        let t = if span > 0.0 { (value - self.range.start) / span } else { 0.0 };
        (f64::from(limit.0) + t * f64::from(limit.1 - limit.0)).round() as i32
    }

    /// The labelled ticks for the grid and the labels; no light lines.
    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        match hint.weight() {
            KeyPointWeight::Bold => self.ticks.iter().map(|(v, _)| *v).collect(),
            KeyPointWeight::Any => Vec::new(),
        }
    }

    fn range(&self) -> Range<f64> {
        self.range.clone()
    }
}

impl ValueFormatter<f64> for Axis {
    fn format(_value: &f64) -> String {
        String::new()
    }

    fn format_ext(&self, value: &f64) -> String {
        self.ticks.iter().find(|(v, _)| (v - value).abs() < 1e-9).map(|(_, label)| label.clone()).unwrap_or_default()
    }
}

const SHORT_MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SHORT_MONTHS_NL: [&str; 12] =
    ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/// "Oct" / "okt".
pub fn short_month(month: YearMonth, lang: Lang) -> &'static str {
    let names = if lang == Lang::Nl { SHORT_MONTHS_NL } else { SHORT_MONTHS_EN };
    names[usize::from(month.month.clamp(1, 12) - 1)]
}

/// The month axis: x is the month's index. Short series tick every month, middle ones every
/// quarter, long ones every January (every few years for very long ones); a tick's label names
/// the year at January and at the first tick.
pub fn months(months: &[YearMonth], lang: Lang) -> Axis {
    let n = months.len();
    let every_years = (n / 120).max(1) as i32;
    let wanted = |m: &YearMonth| match n {
        0..=15 => true,
        16..=48 => (m.month - 1).is_multiple_of(3),
        _ => m.month == 1 && m.year % every_years == 0,
    };
    let mut ticks = Vec::new();
    for (i, month) in months.iter().enumerate().filter(|(_, m)| wanted(m)) {
        let label = match (n, month.month) {
            (49.., _) => month.year.to_string(),
            (_, 1) => format!("{} {}", short_month(*month, lang), month.year),
            _ if ticks.is_empty() => format!("{} {}", short_month(*month, lang), month.year),
            _ => short_month(*month, lang).to_string(),
        };
        ticks.push((i as f64, label));
    }
    let last = n.saturating_sub(1) as f64;
    let pad = if n > 1 { 0.4 } else { 1.0 };
    Axis { range: -pad..last + pad, ticks }
}

/// A value axis from 0 with about five round, whole-number ticks above `max`.
pub fn values(max: f64, lang: Lang) -> Axis {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let step = nice_step(max / 5.0).max(1.0).round();
    let top = ((max * 1.08) / step).ceil() * step;
    let count = (top / step).round() as usize;
    let ticks = (0..=count).map(|i| i as f64 * step).map(|v| (v, thousands(v, lang))).collect();
    Axis { range: 0.0..top, ticks }
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * power).find(|s| *s >= raw * 0.999).unwrap_or(10.0 * power)
}

/// A number rounded to a whole number with thousands separators: `12,500` (en), `12.500` (nl).
pub fn thousands(value: f64, lang: Lang) -> String {
    let separator = if lang == Lang::Nl { '.' } else { ',' };
    let rounded = value.round() as i64;
    let digits = rounded.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    if rounded < 0 { format!("−{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_use_the_language_separator() {
        assert_eq!(thousands(0.0, Lang::En), "0");
        assert_eq!(thousands(999.6, Lang::En), "1,000");
        assert_eq!(thousands(1_234_567.0, Lang::En), "1,234,567");
        assert_eq!(thousands(12_500.0, Lang::Nl), "12.500");
    }

    #[test]
    fn value_axes_have_round_ticks_above_the_maximum() {
        let axis = values(8_431.0, Lang::En);
        let labels: Vec<&str> = axis.ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["0", "2,000", "4,000", "6,000", "8,000", "10,000"]);
        assert!(axis.range.end >= 8_431.0);
        let places = values(3.0, Lang::En);
        assert!(places.ticks.iter().all(|(v, _)| v.fract() == 0.0), "{places:?}");
        let empty = values(0.0, Lang::En);
        assert_eq!(empty.ticks.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), ["0", "1", "2"], "{empty:?}");
    }

    #[test]
    fn long_series_tick_every_january() {
        let first = YearMonth { year: 2014, month: 6 };
        let months = first.through(YearMonth { year: 2019, month: 3 });
        let axis = self::months(&months, Lang::En);
        let labels: Vec<&str> = axis.ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["2015", "2016", "2017", "2018", "2019"]);
        assert_eq!(axis.ticks[0].0, 7.0);
        let short = self::months(&months[40..46], Lang::Nl);
        assert_eq!(short.ticks[0].1, "okt 2017");
        assert_eq!(short.ticks[1].1, "nov");
    }

    #[test]
    fn maps_values_linearly_onto_pixels() {
        let axis = Axis { range: 0.0..10.0, ticks: vec![] };
        assert_eq!(axis.map(&5.0, (100, 200)), 150);
        assert_eq!(axis.map(&0.0, (200, 100)), 200, "y axes run upwards");
    }
}
