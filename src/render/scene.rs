//! The scene: everything a map frame draws, in pixels, independent of the output format.
//! SVG is written from it directly (svg.rs); PNG is drawn from it directly too (draw.rs), with
//! the same numbers, so both are one picture.

use std::fmt::Write;

/// A whole picture.
#[derive(Debug, Clone, Default)]
pub struct Scene {
    pub width: u32,
    pub height: u32,
    pub defs: Vec<Def>,
    pub layers: Vec<Layer>,
}

/// A named group (`<g id="...">`), the unit an editor restyles.
#[derive(Debug, Clone, Default)]
pub struct Layer {
    pub id: String,
    pub items: Vec<Item>,
}

impl Layer {
    pub fn new(id: &str) -> Layer {
        Layer { id: id.to_string(), items: Vec::new() }
    }
}

/// Reusable paint definitions.
#[derive(Debug, Clone, PartialEq)]
pub enum Def {
    /// Diagonal stripes of two colours, about `size` px apart (see [`hatch_tile`]).
    Hatch { id: String, a: String, b: String, size: f64 },
}

/// The side of the square, unrotated tile of a hatch `size` px apart: a whole number of pixels
/// (so the pattern is drawn by translation only, sampled nearest, never resampled) on which the
/// 45° bands repeat seamlessly; the bands are then `side / √2` apart across.
pub fn hatch_tile(size: f64) -> f64 {
    (size * std::f64::consts::SQRT_2).round().max(2.0)
}

/// A fill or stroke paint.
#[derive(Debug, Clone, PartialEq)]
pub enum Paint {
    Color(String),
    /// A [`Def`] by id.
    Def(String),
}

/// How a shape is filled and stroked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Style {
    pub fill: Option<Paint>,
    pub fill_opacity: Option<f64>,
    pub stroke: Option<Paint>,
    pub stroke_width: Option<f64>,
    pub stroke_opacity: Option<f64>,
    pub dash: Option<String>,
    pub opacity: Option<f64>,
}

impl Style {
    pub fn fill(color: &str) -> Style {
        Style { fill: Some(Paint::Color(color.to_string())), ..Style::default() }
    }

    pub fn stroke(color: &str, width: f64) -> Style {
        Style { stroke: Some(Paint::Color(color.to_string())), stroke_width: Some(width), ..Style::default() }
    }

    pub fn with_stroke(mut self, color: &str, width: f64) -> Style {
        self.stroke = Some(Paint::Color(color.to_string()));
        self.stroke_width = Some(width);
        self
    }

    pub fn with_fill_opacity(mut self, opacity: f64) -> Style {
        self.fill_opacity = Some(opacity);
        self
    }

    pub fn with_dash(mut self, dash: &str) -> Style {
        self.dash = Some(dash.to_string());
        self
    }

    pub fn with_opacity(mut self, opacity: f64) -> Style {
        self.opacity = Some(opacity);
        self
    }
}

/// Text weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weight {
    #[default]
    Normal,
    Bold,
}

/// Where a text's `x` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Anchor {
    #[default]
    Start,
    Middle,
    End,
}

/// A line of text; `y` is the baseline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    pub x: f64,
    pub y: f64,
    pub content: String,
    pub size: f64,
    pub weight: Weight,
    pub italic: bool,
    pub anchor: Anchor,
    pub fill: String,
    /// A halo (outline behind the letters): colour and width.
    pub halo: Option<(String, f64)>,
    /// Degrees clockwise about (x, y).
    pub rotate: Option<f64>,
    pub letter_spacing: Option<f64>,
    pub opacity: Option<f64>,
}

/// One drawable thing.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// SVG path data in pixels (see [`PathData`]).
    Path {
        d: String,
        style: Style,
        class: Option<String>,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        style: Style,
        class: Option<String>,
    },
    Rect {
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        rx: f64,
        style: Style,
    },
    Text(Text),
    /// A nested group with an id or class (a place: marker and title together).
    Group {
        id: Option<String>,
        class: Option<String>,
        title: Option<String>,
        items: Vec<Item>,
    },
}

/// Builds SVG path data with a fixed precision (0.1 px), so output is byte-stable.
#[derive(Debug, Default)]
pub struct PathData {
    d: String,
}

impl PathData {
    pub fn move_to(&mut self, x: f64, y: f64) {
        self.point('M', x, y);
    }

    pub fn line_to(&mut self, x: f64, y: f64) {
        self.point('L', x, y);
    }

    /// A command and its point, written straight into the data (no string per number).
    fn point(&mut self, command: char, x: f64, y: f64) {
        self.d.push(command);
        push_num(&mut self.d, x);
        self.d.push(' ');
        push_num(&mut self.d, y);
    }

    pub fn arc_to(&mut self, r: f64, sweep: bool, x: f64, y: f64) {
        let _ = write!(self.d, "A{} {} 0 0 {} {} {}", num(r), num(r), u8::from(sweep), num(x), num(y));
    }

    pub fn close(&mut self) {
        self.d.push('Z');
    }

    /// A polyline or ring from points, dropping points that round to the previous one.
    pub fn polyline(&mut self, points: impl IntoIterator<Item = (f64, f64)>, closed: bool) {
        let mut last: Option<(i64, i64)> = None;
        let mut count = 0;
        for (x, y) in points {
            let key = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
            if last == Some(key) {
                continue;
            }
            if last.is_none() {
                self.move_to(x, y)
            } else {
                self.line_to(x, y)
            }
            last = Some(key);
            count += 1;
        }
        if closed && count > 0 {
            self.close();
        }
    }

    pub fn is_empty(&self) -> bool {
        self.d.is_empty()
    }

    pub fn finish(self) -> String {
        self.d
    }
}

/// A coordinate with one decimal, never `-0.0`.
pub fn num(value: f64) -> String {
    let mut out = String::new();
    push_num(&mut out, value);
    out
}

/// Appends [`num`] of a value: from its whole number of tenths, without float formatting, for
/// any value below 10^13 (beyond, or not finite, through the formatter as before).
pub fn push_num(out: &mut String, value: f64) {
    let tenths = (value * 10.0).round();
    if tenths.is_nan() || tenths.abs() >= 1e14 {
        out.push_str(&formatted_num(value));
        return;
    }
    let tenths = tenths as i64;
    if tenths < 0 {
        out.push('-');
    }
    let (whole, digit) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    let _ = write!(out, "{whole}");
    if digit != 0 {
        out.push('.');
        out.push(char::from(b'0' + digit as u8));
    }
}

/// [`num`] through the float formatter.
fn formatted_num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    if rounded.fract() == 0.0 { format!("{}", rounded as i64) } else { format!("{rounded:.1}") }
}

/// An axis-aligned pixel rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    pub fn around(cx: f64, cy: f64, r: f64) -> Rect {
        Rect::new(cx - r, cy - r, cx + r, cy + r)
    }

    pub fn intersects(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    pub fn contains(&self, other: &Rect) -> bool {
        self.x0 <= other.x0 && other.x1 <= self.x1 && self.y0 <= other.y0 && other.y1 <= self.y1
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_fixed_precision() {
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(3.0), "3");
        assert_eq!(num(-7.25), "-7.3");
    }

    #[test]
    fn numbers_match_the_float_formatter() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for i in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let scale = [1.0, 10.0, 1000.0, 1e6, 1e12][i % 5];
            let value = ((seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * scale;
            assert_eq!(num(value), formatted_num(value), "{value}");
        }
        for value in [0.05, -0.05, 0.15, 2.25, -0.04, 1e15 + 0.3, f64::NAN, f64::INFINITY, -1e300] {
            assert_eq!(num(value), formatted_num(value), "{value}");
        }
    }

    #[test]
    fn paths_drop_repeated_points() {
        let mut d = PathData::default();
        d.polyline([(0.0, 0.0), (0.01, 0.02), (10.0, 0.0), (10.0, 10.0)], true);
        assert_eq!(d.finish(), "M0 0L10 0L10 10Z");
    }
}
