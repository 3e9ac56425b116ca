//! The frame around the map: title, legend (only what the frame shows), scale bar and credits.

use std::collections::BTreeSet;

use crate::date::YearMonth;
use crate::geometry::View;
use crate::model::Modality;
use crate::render::frame::{FrameState, Inputs, Options, Series, map_frame};
use crate::render::marks::half_discs;
use crate::render::scene::{Anchor, Item, Layer, Paint, Rect, Style, Text, Weight};
use crate::render::style::{self, Units, Words, month_title, words};
use crate::render::text;
use crate::timeline::Status;

/// The symbols a legend can explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Symbol {
    Contested,
    Partial,
    Besieged,
    Unconfirmed,
    Changed,
    Stale,
    Conflict,
    Unknown,
    Front,
    Region,
    SingleSource,
}

const ALL_SYMBOLS: [Symbol; 11] = [
    Symbol::Contested,
    Symbol::Partial,
    Symbol::Besieged,
    Symbol::Unconfirmed,
    Symbol::Changed,
    Symbol::Stale,
    Symbol::Conflict,
    Symbol::Unknown,
    Symbol::Front,
    Symbol::Region,
    Symbol::SingleSource,
];

fn symbol_text(symbol: Symbol, w: &Words) -> &'static str {
    match symbol {
        Symbol::Contested => w.contested,
        Symbol::Partial => w.partial,
        Symbol::Besieged => w.besieged,
        Symbol::Unconfirmed => w.unconfirmed,
        Symbol::Changed => w.changed,
        Symbol::Stale => w.stale,
        Symbol::Conflict => w.conflict,
        Symbol::Unknown => w.unknown,
        Symbol::Front => w.front,
        Symbol::Region => w.region,
        Symbol::SingleSource => w.single_source,
    }
}

const ROW: f64 = 21.0;
const PAD: f64 = 10.0;
const TEXT: f64 = 12.5;

fn legend_size(u: Units, title: &str, rows: &[String]) -> (f64, f64) {
    let widest =
        rows.iter().map(|r| text::width(r, u.of(TEXT), false)).fold(text::width(title, u.of(13.0), true), f64::max);
    let width = u.of(PAD * 2.0 + 26.0) + widest;
    let height = u.of(PAD * 2.0 + 18.0 + ROW * rows.len() as f64);
    (width, height)
}

pub use crate::render::frame::Corner;

/// The largest legend the series could need (every faction and symbol), in the corner of the
/// map that covers the fewest tracked places. Labels avoid it.
pub fn reserved_box(inputs: Inputs, options: &Options, view: &View, occupied: &[(f64, f64)]) -> (Rect, Corner) {
    let u = Units::for_size(options.width, options.height);
    let w = words(options.lang);
    let mut present: BTreeSet<&str> = BTreeSet::new();
    for claim in &inputs.timeline.claims {
        present.insert(&claim.holder);
        if let Some(other) = &claim.other {
            present.insert(other);
        }
    }
    let mut rows: Vec<String> = inputs
        .factions
        .list
        .iter()
        .filter(|f| present.contains(f.id.as_str()))
        .map(|f| f.display_name(options.lang.code()).to_string())
        .collect();
    rows.extend(ALL_SYMBOLS.iter().map(|s| symbol_text(*s, &w).to_string()));
    let (width, height) = legend_size(u, w.legend_title, &rows);
    let corners = [Corner::BottomLeft, Corner::BottomRight, Corner::TopRight, Corner::TopLeft];
    let covered = |corner: Corner| {
        let b = anchor_box(view, u, width, height, corner);
        let margin = u.of(24.0);
        occupied
            .iter()
            .filter(|(x, y)| *x > b.x0 - margin && *x < b.x1 + margin && *y > b.y0 - margin && *y < b.y1 + margin)
            .count()
    };
    let corner = corners.into_iter().min_by_key(|c| covered(*c)).unwrap_or(Corner::BottomLeft);
    (anchor_box(view, u, width, height, corner), corner)
}

fn anchor_box(view: &View, u: Units, width: f64, height: f64, corner: Corner) -> Rect {
    let f = view.frame;
    let margin = u.of(14.0);
    let x0 = match corner {
        Corner::BottomLeft | Corner::TopLeft => f.x + margin,
        Corner::BottomRight | Corner::TopRight => f.x + f.width - margin - width,
    };
    let y0 = match corner {
        Corner::TopLeft | Corner::TopRight => f.y + margin,
        Corner::BottomLeft | Corner::BottomRight => f.y + f.height - margin - height,
    };
    Rect::new(x0, y0, x0 + width, y0 + height)
}

/// The legend of one frame.
pub fn legend_layer(series: &Series, frame: &FrameState) -> Layer {
    let u = series.units;
    let w = words(series.options.lang);
    let factions = factions_present(series, frame);
    let symbols = symbols_present(series, frame);
    let mut rows: Vec<String> = factions.iter().map(|f| series.faction_name(f)).collect();
    rows.extend(symbols.iter().map(|s| symbol_text(*s, &w).to_string()));
    if rows.is_empty() {
        rows.push(w.no_claims.to_string());
    }
    let (width, height) = legend_size(u, w.legend_title, &rows);
    let b = anchor_box(&series.view, u, width, height, series.legend_corner());
    let mut layer = Layer::new("legend");
    let panel = Style::fill(style::PAPER).with_fill_opacity(0.92).with_stroke(style::ADMIN1_LINE, u.of(0.8));
    layer.items.push(Item::Rect {
        x: b.x0,
        y: b.y0,
        width: b.width(),
        height: b.height(),
        rx: u.of(4.0),
        style: panel,
    });
    layer.items.push(Item::Text(Text {
        x: b.x0 + u.of(PAD),
        y: b.y0 + u.of(PAD + 12.0),
        content: w.legend_title.into(),
        size: u.of(13.0),
        weight: Weight::Bold,
        fill: style::INK.into(),
        ..Text::default()
    }));
    let swatch_x = b.x0 + u.of(PAD + 9.0);
    let text_x = b.x0 + u.of(PAD + 24.0);
    for (i, row) in rows.iter().enumerate() {
        let cy = b.y0 + u.of(PAD + 18.0 + ROW * i as f64 + ROW / 2.0);
        let swatch = if i < factions.len() {
            faction_swatch(series, &factions[i], swatch_x, cy)
        } else if let Some(s) = symbols.get(i - factions.len()) {
            symbol_swatch(series, frame, *s, swatch_x, cy)
        } else {
            Vec::new()
        };
        layer.items.extend(swatch);
        layer.items.push(Item::Text(Text {
            x: text_x,
            y: cy + u.of(4.3),
            content: row.clone(),
            size: u.of(TEXT),
            fill: style::INK.into(),
            ..Text::default()
        }));
    }
    layer
}

fn factions_present(series: &Series, frame: &FrameState) -> Vec<String> {
    let mut present: BTreeSet<String> = BTreeSet::new();
    for (_, state) in frame.shown() {
        present.extend(state.holder.clone());
        if state.status != Status::Held {
            present.extend(state.other.clone());
        }
    }
    present.extend(frame.areas.areas.iter().map(|a| a.holder.clone()));
    series.inputs.factions.list.iter().filter(|f| present.contains(&f.id)).map(|f| f.id.clone()).collect()
}

fn symbols_present(series: &Series, frame: &FrameState) -> Vec<Symbol> {
    let states = || frame.shown().filter(|(k, _)| series.towns.contains_key(*k)).map(|(_, s)| s);
    let mut found = BTreeSet::new();
    for state in states() {
        match (state.status, &state.other) {
            (Status::Contested, Some(_)) => found.insert(Symbol::Contested),
            (Status::Partial, Some(_)) => found.insert(Symbol::Partial),
            (Status::Besieged, Some(_)) => found.insert(Symbol::Besieged),
            (Status::Unknown, _) => found.insert(Symbol::Unknown),
            _ => false,
        };
        if matches!(state.certainty, Modality::Claimed | Modality::Hedged) && state.status != Status::Unknown {
            found.insert(Symbol::Unconfirmed);
        }
        if state.stale {
            found.insert(Symbol::Stale);
        }
        if state.is_conflicted() {
            found.insert(Symbol::Conflict);
        }
        if state.independent_sources == 1 {
            found.insert(Symbol::SingleSource);
        }
    }
    if frame.changed.iter().any(|k| series.towns.contains_key(k)) {
        found.insert(Symbol::Changed);
    }
    if !frame.areas.fronts.is_empty() {
        found.insert(Symbol::Front);
    }
    if frame.shown().any(|(k, s)| series.regions.contains_key(k) && s.holder.is_some()) {
        found.insert(Symbol::Region);
    }
    found.into_iter().collect()
}

fn faction_swatch(series: &Series, faction: &str, x: f64, y: f64) -> Vec<Item> {
    let u = series.units;
    let color = series.color(faction);
    vec![
        Item::Rect {
            x: x - u.of(8.0),
            y: y - u.of(7.0),
            width: u.of(16.0),
            height: u.of(14.0),
            rx: u.of(2.0),
            style: Style::fill(&color).with_fill_opacity(style::AREA_OPACITY),
        },
        Item::Circle {
            cx: x,
            cy: y,
            r: u.of(4.6),
            style: Style::fill(&color).with_stroke(style::INK, u.of(1.0)),
            class: None,
        },
    ]
}

fn symbol_swatch(series: &Series, frame: &FrameState, symbol: Symbol, x: f64, y: f64) -> Vec<Item> {
    let u = series.units;
    let r = u.of(5.0);
    let grey = "#8d8d8d";
    let disc = |style: Style| Item::Circle { cx: x, cy: y, r, style, class: None };
    let first = |status: Status| frame.shown().map(|(_, s)| s).find(|s| s.status == status && s.other.is_some());
    match symbol {
        Symbol::Contested => {
            let s = first(Status::Contested);
            let id = s.map(|s| {
                format!("hatch-{}-{}", s.holder.clone().unwrap_or_default(), s.other.clone().unwrap_or_default())
            });
            let fill = id.map_or(Paint::Color(grey.into()), Paint::Def);
            vec![disc(Style { fill: Some(fill), ..Style::stroke(style::INK, u.of(1.0)) })]
        }
        Symbol::Partial => {
            let s = first(Status::Partial);
            let (a, b) = s.map_or((grey.to_string(), style::PAPER.to_string()), |s| {
                (series.color(s.holder.as_deref().unwrap_or("")), series.color(s.other.as_deref().unwrap_or("")))
            });
            half_discs(x, y, r, &a, &b, u.of(1.0))
        }
        Symbol::Besieged => vec![
            disc(Style::fill(grey).with_stroke(style::INK, u.of(1.0))),
            Item::Circle { cx: x, cy: y, r: r + u.of(2.8), style: Style::stroke(style::INK, u.of(2.0)), class: None },
        ],
        Symbol::Unconfirmed => vec![disc(Style::fill(style::PAPER).with_stroke(grey, u.of(2.2)).with_dash(&format!(
            "{} {}",
            u.of(2.2),
            u.of(1.4)
        )))],
        Symbol::Changed => vec![disc(Style::fill(grey).with_stroke(style::INK, u.of(2.6)))],
        Symbol::Stale => {
            vec![disc(Style::fill(grey).with_stroke(style::INK, u.of(1.0)).with_opacity(style::STALE_OPACITY))]
        }
        Symbol::Conflict => vec![
            Item::Circle {
                cx: x,
                cy: y,
                r: u.of(3.2),
                style: Style::fill(grey).with_stroke(style::INK, u.of(1.0)),
                class: None,
            },
            Item::Circle {
                cx: x,
                cy: y,
                r: u.of(7.0),
                style: Style::stroke(style::CONFLICT, u.of(1.3)).with_dash(&format!("{} {}", u.of(2.0), u.of(2.0))),
                class: None,
            },
        ],
        Symbol::Unknown => vec![disc(Style::fill(style::PAPER).with_stroke(style::UNKNOWN, u.of(1.6)))],
        Symbol::Front => {
            let mut d = crate::render::scene::PathData::default();
            d.move_to(x - u.of(8.0), y + u.of(4.0));
            d.line_to(x + u.of(8.0), y - u.of(4.0));
            vec![Item::Path { d: d.finish(), style: Style::stroke(style::FRONT, u.of(1.5)), class: None }]
        }
        Symbol::SingleSource => vec![
            disc(Style::fill(grey).with_stroke(style::INK, u.of(1.0))),
            crate::render::marks::single_source_dot(x, y, r, u),
        ],
        Symbol::Region => vec![Item::Rect {
            x: x - u.of(8.0),
            y: y - u.of(6.0),
            width: u.of(16.0),
            height: u.of(12.0),
            rx: 0.0,
            style: Style::fill(grey)
                .with_fill_opacity(style::AREA_OPACITY)
                .with_stroke(grey, u.of(1.2))
                .with_dash(&format!("{} {}", u.of(3.0), u.of(2.0))),
        }],
    }
}

/// Where the scale bar goes: the bottom corner the legend does not take.
pub fn scale_bar_box(view: &View, u: Units, legend: Corner) -> Rect {
    let f = view.frame;
    let (length_px, km) = scale_length(view, u);
    let width = length_px + u.of(20.0) + text::width(&format!("{km} km"), u.of(11.0), false);
    let x0 = if legend == Corner::BottomRight { f.x + u.of(12.0) } else { f.x + f.width - u.of(12.0) - width };
    let y1 = f.y + f.height - u.of(16.0);
    Rect::new(x0, y1 - u.of(30.0), x0 + width, y1)
}

/// A round length in km that spans 90 to 220 units.
fn scale_length(view: &View, u: Units) -> (f64, u32) {
    let km = [10, 20, 25, 50, 100, 150, 200, 250, 500, 1000, 2000]
        .into_iter()
        .find(|&km| f64::from(km) * view.scale >= u.of(90.0))
        .unwrap_or(2000);
    (f64::from(km) * view.scale, km)
}

/// Header (title, subtitle), footer (evidence count, credits, the area rule) and the scale bar.
/// The title names the months from `first` to the frame's month (one month when they are equal).
pub fn frame_layer(series: &Series, frame: &FrameState, first: YearMonth) -> Layer {
    let month = frame.month;
    let u = series.units;
    let (width, height) = (f64::from(series.options.width), f64::from(series.options.height));
    let map = map_frame(series.options.width, series.options.height);
    let w = words(series.options.lang);
    let mut layer = Layer::new("frame");
    let band = Style::fill(style::PAPER);
    layer.items.push(Item::Rect { x: 0.0, y: 0.0, width, height: map.y, rx: 0.0, style: band.clone() });
    layer.items.push(Item::Rect {
        x: 0.0,
        y: map.y + map.height,
        width,
        height: height - map.y - map.height,
        rx: 0.0,
        style: band,
    });
    let rule = Style::stroke(style::BORDER, u.of(1.0));
    for y in [map.y, map.y + map.height] {
        let mut d = crate::render::scene::PathData::default();
        d.move_to(0.0, y);
        d.line_to(width, y);
        layer.items.push(Item::Path { d: d.finish(), style: rule.clone(), class: None });
    }
    let text = |x: f64, y: f64, content: String, size: f64, weight: Weight, fill: &str, anchor: Anchor| {
        Item::Text(Text { x, y, content, size, weight, anchor, fill: fill.into(), ..Text::default() })
    };
    let left = u.of(24.0);
    let months = if first < month {
        format!("{} – {}", month_title(first, series.options.lang), month_title(month, series.options.lang))
    } else {
        month_title(month, series.options.lang)
    };
    let title = match &series.options.title {
        Some(title) => format!("{title}: {months}"),
        None => months,
    };
    layer.items.push(text(left, u.of(46.0), title, u.of(34.0), Weight::Bold, style::INK, Anchor::Start));
    layer.items.push(text(
        left,
        u.of(73.0),
        series.subtitle(),
        u.of(15.0),
        Weight::Normal,
        style::MUTED,
        Anchor::Start,
    ));
    layer.items.push(text(
        width - left,
        u.of(46.0),
        month.last_day().to_string(),
        u.of(16.0),
        Weight::Bold,
        style::MUTED,
        Anchor::End,
    ));
    layer.items.push(text(
        width - left,
        u.of(73.0),
        "controlmap".into(),
        u.of(13.0),
        Weight::Normal,
        style::MUTED,
        Anchor::End,
    ));
    let footer_y = map.y + map.height;
    let credits =
        format!("{} {} {} {} · {}", frame.claims, w.claims_from, frame.articles, w.sources, series.inputs.attribution);
    layer.items.push(text(left, footer_y + u.of(21.0), credits, u.of(13.0), Weight::Normal, style::INK, Anchor::Start));
    let rule_text = w.rule.replace("{R}", &format!("{}", series.options.radius_km));
    layer.items.push(text(
        left,
        footer_y + u.of(40.0),
        rule_text,
        u.of(11.0),
        Weight::Normal,
        style::MUTED,
        Anchor::Start,
    ));
    layer.items.extend(scale_bar(&series.view, u, series.legend_corner()));
    layer
}

fn scale_bar(view: &View, u: Units, legend: Corner) -> Vec<Item> {
    let b = scale_bar_box(view, u, legend);
    let (length, km) = scale_length(view, u);
    let end_label = text::width(&format!("{km} km"), u.of(11.0), false);
    let (x1, y) = (b.x1 - u.of(6.0) - end_label / 2.0, b.y1 - u.of(8.0));
    let x0 = x1 - length;
    let h = u.of(5.0);
    let panel = Style::fill(style::PAPER).with_fill_opacity(0.85);
    let label = |x: f64, content: String, anchor: Anchor| {
        Item::Text(Text {
            x,
            y: y - h - u.of(4.0),
            content,
            size: u.of(11.0),
            anchor,
            fill: style::INK.into(),
            ..Text::default()
        })
    };
    vec![
        Item::Rect { x: b.x0, y: b.y0, width: b.width(), height: b.height(), rx: u.of(3.0), style: panel },
        Item::Rect { x: x0, y: y - h, width: length / 2.0, height: h, rx: 0.0, style: Style::fill(style::INK) },
        Item::Rect {
            x: x0 + length / 2.0,
            y: y - h,
            width: length / 2.0,
            height: h,
            rx: 0.0,
            style: Style::fill(style::PAPER).with_stroke(style::INK, u.of(0.8)),
        },
        label(x0, "0".into(), Anchor::Middle),
        label(x1, format!("{km} km"), Anchor::Middle),
    ]
}
