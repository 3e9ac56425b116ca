//! The control-over-time chart: per month and faction, the tracked places held and the derived
//! area in km², as data ([`data`]) and drawn with plotters as two stacked line charts ([`svg`]),
//! rasterised to PNG with the maps' embedded fonts ([`png`]).

pub mod axis;

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rayon::prelude::*;
use serde::Serialize;

use crate::date::YearMonth;
use crate::places::factions::parse_hex_color;
use crate::render::raster::{self, RasterError, Rasterizer};
use crate::render::series::Series;
use crate::render::style::{self, Lang, month_title, words};
use crate::render::text::{self, FONT_FAMILY};
use axis::Axis;

/// One faction's holdings at the end of one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartPoint {
    pub month: YearMonth,
    pub faction: String,
    /// Tracked places (towns and regions) whose state names the faction as holder, whatever the
    /// status (held, besieged, contested, partly held): the places the map draws for it.
    pub places: usize,
    /// The derived control area of its towns in km² (equal-area projection), to 0.1 km².
    pub km2: f64,
    /// Of `places`, those whose newest evidence is at most six months old (not stale).
    pub recent_places: usize,
    /// Of `km2`, the area of towns whose newest evidence is at most six months old.
    pub recent_km2: f64,
}

/// Everything the chart shows.
#[derive(Debug, Clone, Serialize)]
pub struct ChartData {
    pub months: Vec<YearMonth>,
    /// The factions that hold a place or an area in some month, in `factions.toml` order.
    pub factions: Vec<String>,
    /// One point per month and faction (zeros included), month by month.
    pub points: Vec<ChartPoint>,
    /// Claims counted by the last month, and the articles they come from.
    pub claims: usize,
    pub articles: usize,
}

impl ChartData {
    /// A faction's points, in month order.
    pub fn faction(&self, faction: &str) -> impl Iterator<Item = &ChartPoint> {
        self.points.iter().filter(move |p| p.faction == faction)
    }
}

/// Why the chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("cannot draw the chart: {0}")]
    Draw(String),
    #[error(transparent)]
    Raster(#[from] RasterError),
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(error: DrawingAreaErrorKind<E>) -> ChartError {
        ChartError::Draw(error.to_string())
    }
}

/// A faction's holdings at the end of one month.
#[derive(Debug, Clone, Copy, Default)]
struct Holding {
    places: usize,
    km2: f64,
    recent_places: usize,
    recent_km2: f64,
}

/// Holdings per faction at the end of one month: the drawn places (resting on at least one
/// counted claim) and the derived areas, each also restricted to recent evidence.
fn holdings(series: &Series, month: YearMonth) -> BTreeMap<String, Holding> {
    let snapshot = series.inputs.timeline.snapshot(month.last_day());
    let mut totals: BTreeMap<String, Holding> = BTreeMap::new();
    for state in snapshot.states.values().filter(|s| !s.supporting.is_empty()) {
        let Some(holder) = state.holder.clone() else { continue };
        let holding = totals.entry(holder).or_default();
        holding.places += 1;
        holding.recent_places += usize::from(!state.stale);
    }
    for area in series.areas(&snapshot).areas {
        let holding = totals.entry(area.holder).or_default();
        holding.km2 += area.km2;
        if !area.stale {
            holding.recent_km2 += area.km2;
        }
    }
    totals
}

fn tenth(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The chart's numbers for these months: computed in parallel, collected in month order.
pub fn data(series: &Series, months: &[YearMonth]) -> ChartData {
    let per_month: Vec<BTreeMap<String, Holding>> = months.par_iter().map(|&m| holdings(series, m)).collect();
    let mut held: Vec<&String> = per_month
        .iter()
        .flat_map(|totals| totals.iter().filter(|(_, h)| h.places > 0 || h.km2 > 0.0).map(|(f, _)| f))
        .collect();
    let order = |id: &str| series.inputs.factions.list.iter().position(|f| f.id == id).unwrap_or(usize::MAX);
    held.sort_by(|a, b| order(a).cmp(&order(b)).then_with(|| a.cmp(b)));
    held.dedup();
    let factions: Vec<String> = held.into_iter().cloned().collect();
    let mut points = Vec::with_capacity(months.len() * factions.len());
    for (&month, totals) in months.iter().zip(&per_month) {
        for faction in &factions {
            let h = totals.get(faction).copied().unwrap_or_default();
            points.push(ChartPoint {
                month,
                faction: faction.clone(),
                places: h.places,
                km2: tenth(h.km2),
                recent_places: h.recent_places,
                recent_km2: tenth(h.recent_km2),
            });
        }
    }
    let (claims, articles) =
        months.last().map_or((0, 0), |&m| crate::render::series::evidence_counts(series.inputs.timeline, m));
    ChartData { months: months.to_vec(), factions, points, claims, articles }
}

/// The chart's size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartOptions {
    pub width: u32,
    pub height: u32,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions { width: 1200, height: 900 }
    }
}

/// The words on the chart, by language.
struct ChartWords {
    title: &'static str,
    subtitle: &'static str,
    places: &'static str,
    area: &'static str,
    counting: &'static str,
    recent: &'static str,
    stale: &'static str,
    nothing: &'static str,
}

fn chart_words(lang: Lang) -> ChartWords {
    match lang {
        Lang::En => ChartWords {
            title: "Territory held, by faction",
            subtitle: "Tracked places and derived control area at the end of each month, {FROM} – {TO}",
            places: "Places held",
            area: "Area held (km²)",
            counting: "Places: towns and areas named in claims, counted for their holder whatever the status (held, besieged, contested, partly held), until a claim changes it. Area: towns only.",
            recent: "some evidence under six months old",
            stale: "all evidence older: carried forward (faded on the maps)",
            nothing: "No faction holds a tracked place in these months",
        },
        Lang::Nl => ChartWords {
            title: "Grondgebied in handen, per partij",
            subtitle: "Gevolgde plaatsen en afgeleid gebied aan het eind van elke maand, {FROM} – {TO}",
            places: "Plaatsen in handen",
            area: "Gebied in handen (km²)",
            counting: "Plaatsen: steden en gebieden uit de claims, geteld voor wie ze in handen heeft (ook belegerd, omstreden of deels), tot een claim dat verandert. Gebied: alleen steden.",
            recent: "deels bronnen jonger dan zes maanden",
            stale: "alle bronnen ouder: doorgetrokken (vervaagd op de kaarten)",
            nothing: "Geen partij heeft in deze maanden een gevolgde plaats in handen",
        },
    }
}

/// Sizes scale with the chart: one unit is a pixel at 1200×900.
#[derive(Debug, Clone, Copy)]
struct Scale(f64);

impl Scale {
    fn new(options: &ChartOptions) -> Scale {
        Scale((f64::from(options.width) / 1200.0).min(f64::from(options.height) / 900.0).max(0.3))
    }

    fn px(self, value: f64) -> i32 {
        (self.0 * value).round() as i32
    }

    fn of(self, value: f64) -> f64 {
        self.0 * value
    }
}

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// One faction's line in a panel, in runs: solid where some of its holdings rest on recent
/// evidence, dashed where all of them rest on evidence over six months old (faded on the maps).
struct Line {
    color: RGBColor,
    runs: Vec<Run>,
}

/// Consecutive points drawn in one style; a run starts at the last point of the one before.
struct Run {
    recent: bool,
    /// Month index, value, and how many line widths the point is moved up (see [`shifts`]).
    points: Vec<(f64, f64, f64)>,
}

/// One faction's values in a panel: `(total, recent)` per month, and the first month drawn.
struct Values {
    values: Vec<(f64, f64)>,
    first: usize,
}

impl Values {
    /// The total at month `i`, if the line is drawn there.
    fn drawn(&self, i: usize) -> Option<f64> {
        (i >= self.first).then(|| self.values.get(i).map(|v| v.0)).flatten()
    }
}

/// Splits a faction's values into runs of one style; the segment into a month takes that
/// month's style. `shift` gives each month's shift in line widths.
fn runs(faction: &Values, shift: impl Fn(usize) -> f64) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (i, &(total, recent)) in faction.values.iter().enumerate().skip(faction.first) {
        let point = (i as f64, total, shift(i));
        let style = recent > 0.0 || total == 0.0;
        match runs.last_mut() {
            Some(run) if run.recent == style => run.points.push(point),
            Some(run) => {
                let joint = run.points.last().copied();
                runs.push(Run { recent: style, points: joint.into_iter().chain([point]).collect() });
            }
            None => runs.push(Run { recent: style, points: vec![point] }),
        }
    }
    runs
}

/// Where several lines have the same value in a month, they are drawn side by side, one line
/// width apart, the faction first in the legend highest: the shift of faction `j` at month `i`.
fn shifts(all: &[Values], j: usize, i: usize) -> f64 {
    let Some(value) = all[j].drawn(i) else { return 0.0 };
    let equal: Vec<usize> = (0..all.len()).filter(|&k| all[k].drawn(i) == Some(value)).collect();
    let rank = equal.iter().position(|&k| k == j).unwrap_or(0) as f64;
    (equal.len() as f64 - 1.0) / 2.0 - rank
}

fn rgb(hex: &str) -> RGBColor {
    let (r, g, b) = parse_hex_color(hex).unwrap_or((154, 154, 154));
    RGBColor(r, g, b)
}

/// The font at a pixel size (plotters writes `font-size` as the size divided by 1.24).
fn font(size: f64, bold: bool) -> FontDesc<'static> {
    let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
    FontDesc::new(FontFamily::Name(FONT_FAMILY), size * 1.24, style)
}

/// Draws a line of text whose top is at `y`.
fn label(area: &Area, text: &str, (x, y): (i32, i32), size: f64, bold: bool, color: &str) -> Result<(), ChartError> {
    let color = rgb(color);
    let style = TextStyle::from(font(size, bold)).color(&color).pos(Pos::new(HPos::Left, VPos::Top));
    area.draw_text(text, &style, (x, y))?;
    Ok(())
}

/// The chart as an SVG document: title, legend, the two panels and the credits.
pub fn svg(series: &Series, data: &ChartData, options: &ChartOptions) -> Result<String, ChartError> {
    let s = Scale::new(options);
    let lang = series.options.lang;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (options.width, options.height)).into_drawing_area();
        root.fill(&rgb(style::PAPER))?;
        let margin = s.px(36.0);
        let inner = root.margin(margin, s.px(20.0), margin, margin);
        let (width, height) = inner.dim_in_pixel();
        let header_bottom = header(&inner, series, data, s)?;
        let footer_top = height as i32 - s.px(62.0);
        footer(&inner, series, data, s, footer_top)?;
        let body = inner.clone().shrink((0, header_bottom), (width, (footer_top - header_bottom - s.px(8.0)).max(1)));
        let panels = body.split_evenly((2, 1));
        let x = axis::months(&data.months, lang);
        let words = chart_words(lang);
        let places_max = data.points.iter().map(|p| p.places as f64).fold(0.0, f64::max);
        let km2_max = data.points.iter().map(|p| p.km2).fold(0.0, f64::max);
        let places = lines(series, data, |p| (p.places as f64, p.recent_places as f64));
        let areas = lines(series, data, |p| (p.km2, p.recent_km2));
        panel(&panels[0], words.places, &x, &axis::values(places_max, lang), &places, s)?;
        panel(&panels[1], words.area, &x, &axis::values(km2_max, lang), &areas, s)?;
        if data.factions.is_empty() {
            notice(&panels[0], words.nothing, s)?;
        }
        root.present()?;
    }
    Ok(tidy(&out, chart_words(lang).title))
}

/// Post-processes plotters' SVG: an XML declaration and a `<title>`, font sizes to 0.1 px, and
/// each text element on one line without the line breaks around its text.
fn tidy(svg: &str, title: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 100);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut lines = svg.lines();
    while let Some(line) = lines.next() {
        let line = round_font_size(line);
        out.push_str(&line);
        if line.starts_with("<text") && line.ends_with('>') {
            let content: Vec<&str> = lines.by_ref().take_while(|l| *l != "</text>").collect();
            out.push_str(&content.join(" "));
            out.push_str("</text>");
        }
        out.push('\n');
        if line.starts_with("<svg") {
            out.push_str(&format!("<title>{}</title>\n", crate::render::svg::escape(title)));
        }
    }
    out
}

/// `font-size="26.000000000000004"` → `font-size="26"`.
fn round_font_size(line: &str) -> String {
    const KEY: &str = "font-size=\"";
    let Some(start) = line.find(KEY).map(|i| i + KEY.len()) else { return line.to_string() };
    let Some(length) = line[start..].find('"') else { return line.to_string() };
    match line[start..start + length].parse::<f64>() {
        Ok(size) => format!("{}{}{}", &line[..start], (size * 10.0).round() / 10.0, &line[start + length..]),
        Err(_) => line.to_string(),
    }
}

/// A message in the middle of an area, on a white box.
fn notice(area: &Area, message: &str, s: Scale) -> Result<(), ChartError> {
    let (width, height) = area.dim_in_pixel();
    let size = s.of(18.0);
    let text_width = text::width(message, size, false).ceil() as i32;
    let (x, y) = ((width as i32 - text_width) / 2, height as i32 / 2 - s.px(12.0));
    let (pad, paper) = (s.px(12.0), rgb(style::PAPER));
    area.draw(&Rectangle::new([(x - pad, y - pad), (x + text_width + pad, y + s.px(22.0) + pad)], paper.filled()))?;
    label(area, message, (x, y), size, false, style::MUTED)
}

/// The faction lines of one measure, the first faction of the legend drawn last (on top). A
/// line starts at the faction's first holding: before it the ledger says nothing about it.
fn lines(series: &Series, data: &ChartData, measure: impl Fn(&ChartPoint) -> (f64, f64)) -> Vec<Line> {
    let all: Vec<Values> = data
        .factions
        .iter()
        .map(|faction| {
            let values: Vec<(f64, f64)> = data.faction(faction).map(&measure).collect();
            let first = values.iter().position(|(total, _)| *total > 0.0).unwrap_or(values.len());
            Values { values, first }
        })
        .collect();
    let mut lines: Vec<Line> = data
        .factions
        .iter()
        .enumerate()
        .map(|(j, faction)| Line { color: rgb(&series.color(faction)), runs: runs(&all[j], |i| shifts(&all, j, i)) })
        .collect();
    lines.reverse();
    lines
}

/// Title, subtitle and legend; returns the y below them.
fn header(area: &Area, series: &Series, data: &ChartData, s: Scale) -> Result<i32, ChartError> {
    let lang = series.options.lang;
    let words = chart_words(lang);
    label(area, words.title, (0, 0), s.of(26.0), true, style::INK)?;
    let (from, to) = match (data.months.first(), data.months.last()) {
        (Some(&first), Some(&last)) => (month_title(first, lang), month_title(last, lang)),
        _ => (String::new(), String::new()),
    };
    let subtitle = words.subtitle.replace("{FROM}", &from).replace("{TO}", &to);
    label(area, &subtitle, (0, s.px(38.0)), s.of(15.0), false, style::MUTED)?;
    legend(area, series, data, s, s.px(70.0))
}

/// One legend entry: a line sample and its words.
struct Entry {
    name: String,
    color: RGBColor,
    dashed: bool,
    /// Starts a new row.
    breaks: bool,
}

/// One entry per faction, then the two line styles on a row of their own; returns the y below.
fn legend(area: &Area, series: &Series, data: &ChartData, s: Scale, top: i32) -> Result<i32, ChartError> {
    let words = chart_words(series.options.lang);
    let grey = rgb(style::MUTED);
    let mut entries: Vec<Entry> = data
        .factions
        .iter()
        .map(|f| Entry { name: series.faction_name(f), color: rgb(&series.color(f)), dashed: false, breaks: false })
        .collect();
    entries.push(Entry { name: words.recent.into(), color: grey, dashed: false, breaks: true });
    entries.push(Entry { name: words.stale.into(), color: grey, dashed: true, breaks: false });
    let (width, _) = area.dim_in_pixel();
    let size = s.of(14.0);
    let (swatch, gap, row) = (s.px(26.0), s.px(8.0), s.px(24.0));
    let (mut x, mut y) = (0, top);
    for entry in &entries {
        let item = swatch + gap + text::width(&entry.name, size, false).ceil() as i32;
        if x > 0 && (entry.breaks || x + item > width as i32) {
            (x, y) = (0, y + row);
        }
        sample(area, entry, (x, y + s.px(8.0)), swatch, s)?;
        label(area, &entry.name, (x + swatch + gap, y), size, false, style::INK)?;
        x += item + s.px(26.0);
    }
    Ok(y + row + s.px(14.0))
}

/// A short line in an entry's colour and style, starting at `(x, y)`.
fn sample(area: &Area, entry: &Entry, (x, y): (i32, i32), length: i32, s: Scale) -> Result<(), ChartError> {
    let stroke = entry.color.stroke_width(s.px(3.5).max(1) as u32);
    if !entry.dashed {
        area.draw(&PathElement::new(vec![(x, y), (x + length, y)], stroke))?;
        return Ok(());
    }
    let (dash, step) = (s.px(6.0).max(1), s.px(11.0).max(2));
    for start in (x..x + length).step_by(step as usize) {
        area.draw(&PathElement::new(vec![(start, y), ((start + dash).min(x + length), y)], stroke))?;
    }
    Ok(())
}

/// One panel: its title, the month axis, the value axis, a line per faction.
fn panel(area: &Area, title: &str, x: &Axis, y: &Axis, lines: &[Line], s: Scale) -> Result<(), ChartError> {
    label(area, title, (0, s.px(4.0)), s.of(16.0), true, style::INK)?;
    let muted = rgb(style::MUTED);
    let mut chart = ChartBuilder::on(area)
        .margin_top(s.px(34.0))
        .margin_bottom(s.px(6.0))
        .margin_right(s.px(12.0))
        .x_label_area_size(s.px(30.0))
        .y_label_area_size(s.px(72.0))
        .build_cartesian_2d(x.clone(), y.clone())?;
    chart
        .configure_mesh()
        .x_labels(x.ticks.len())
        .y_labels(y.ticks.len())
        .bold_line_style(rgb("#e4e0d8").stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(rgb("#8c857a").stroke_width(1))
        .label_style(TextStyle::from(font(s.of(13.0), false)).color(&muted))
        .set_all_tick_mark_size(s.px(5.0))
        .draw()?;
    let width = s.px(3.0).max(1) as u32;
    let (_, plot_height) = chart.plotting_area().dim_in_pixel();
    let value_per_px = (y.range.end - y.range.start) / f64::from(plot_height.max(1));
    let shift = f64::from(width) * value_per_px;
    for line in lines {
        for run in &line.runs {
            let stroke = line.color.stroke_width(width);
            let points = run.points.iter().map(|&(x, v, widths)| (x, v + widths * shift));
            if run.recent {
                chart.draw_series(LineSeries::new(points, stroke))?;
            } else {
                chart.draw_series(DashedLineSeries::new(points, s.px(6.0), s.px(5.0), stroke))?;
            }
        }
    }
    Ok(())
}

/// The credits and the counting rules at the bottom.
fn footer(area: &Area, series: &Series, data: &ChartData, s: Scale, top: i32) -> Result<(), ChartError> {
    let lang = series.options.lang;
    let w = words(lang);
    let credits =
        format!("{} {} {} {} · {}", data.claims, w.claims_from, data.articles, w.sources, series.inputs.attribution);
    label(area, &credits, (0, top), s.of(13.0), false, style::INK)?;
    let rule = w.rule.replace("{R}", &format!("{}", series.options.radius_km));
    label(area, &rule, (0, top + s.px(20.0)), s.of(11.5), false, style::MUTED)?;
    label(area, chart_words(lang).counting, (0, top + s.px(37.0)), s.of(11.5), false, style::MUTED)?;
    Ok(())
}

/// The chart as PNG: the SVG rasterised with the embedded fonts, anti-aliased.
pub fn png(svg: &str, options: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    let pixmap = Rasterizer::default().draw(svg, None, options.width, options.height)?;
    Ok(raster::encode_png(&pixmap)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_switch_style_at_a_shared_point() {
        let values = Values { values: vec![(0.0, 0.0), (3.0, 3.0), (3.0, 0.0), (3.0, 0.0), (2.0, 2.0)], first: 1 };
        let runs = runs(&values, |_| 0.0);
        let styles: Vec<bool> = runs.iter().map(|r| r.recent).collect();
        assert_eq!(styles, [true, false, true]);
        assert_eq!(runs[0].points, [(1.0, 3.0, 0.0)], "the line starts at the first holding");
        assert_eq!(runs[1].points.first(), Some(&(1.0, 3.0, 0.0)), "a run starts where the last one ended");
        assert_eq!(runs[2].points, [(3.0, 3.0, 0.0), (4.0, 2.0, 0.0)]);
    }

    #[test]
    fn equal_values_lie_side_by_side() {
        let line = |v: f64, first: usize| Values { values: vec![(v, v); 3], first };
        let all = [line(3.0, 0), line(3.0, 0), line(1.0, 0), line(3.0, 2)];
        assert_eq!(shifts(&all, 0, 0), 0.5, "the first faction is highest");
        assert_eq!(shifts(&all, 1, 0), -0.5);
        assert_eq!(shifts(&all, 2, 0), 0.0, "a line alone stays put");
        assert_eq!(shifts(&all, 0, 2), 1.0, "three equal lines once the fourth starts");
        assert_eq!(shifts(&all, 3, 0), 0.0, "not drawn yet");
    }

    #[test]
    fn tidy_rounds_font_sizes_and_joins_text() {
        let raw = "<svg width=\"10\" height=\"10\">\n<text x=\"1\" font-size=\"26.000000000000004\">\nA &amp; B\n</text>\n</svg>\n";
        let tidy = tidy(raw, "T <1>");
        assert_eq!(
            tidy,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg width=\"10\" height=\"10\">\n<title>T &lt;1&gt;</title>\n<text x=\"1\" font-size=\"26\">A &amp; B</text>\n</svg>\n"
        );
    }
}
