//! The marks of one frame: control areas, front lines, region fills, place markers and labels.

use crate::geometry::areas::Fill;
use crate::model::{Modality, PlaceKey, PlaceKind};
use crate::render::basemap::{area_path, line_path};
use crate::render::frame::{FrameState, Series, Town};
use crate::render::scene::{Def, Item, Layer, Paint, PathData, Style, Text, Weight};
use crate::render::style;
use crate::timeline::{PlaceState, Status};

/// A stable, XML-safe id for a place's group: `place-raqqa`, `region-yarmouk-basin`, `country-IQ`.
pub fn place_dom_id(key: &PlaceKey) -> String {
    let prefix = match key.kind {
        PlaceKind::Town => "place",
        PlaceKind::Region => "region",
        PlaceKind::Country => "country",
    };
    format!("{prefix}-{}", id_safe(&key.id))
}

fn hatch_id(holder: &str, other: &str) -> String {
    format!("hatch-{}-{}", id_safe(holder), id_safe(other))
}

/// ASCII letters, digits and `-` as they are; any other character as `_HEX_`, so different
/// ids (`ракка`, `маяди`; `al_bab`, `al.bab`) never collide.
fn id_safe(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else {
            out.push_str(&format!("_{:x}_", u32::from(c)));
        }
    }
    out
}

/// The other side of a hatch whose second colour is left empty.
const NOBODY: &str = "-";

/// A region held only partly, or contested: striped in the holder's colour (and the other side's, if known).
fn shared_region(state: &PlaceState) -> Option<(String, String)> {
    let holder = state.holder.clone()?;
    matches!(state.status, Status::Partial | Status::Contested)
        .then(|| (holder, state.other.clone().unwrap_or_else(|| NOBODY.to_string())))
}

/// The stripe patterns this frame needs: for shared areas, contested markers and partly held regions.
pub fn hatch_defs(series: &Series, frame: &FrameState) -> Vec<Def> {
    let u = series.units;
    let mut pairs: Vec<(String, String)> = frame
        .areas
        .areas
        .iter()
        .filter_map(|a| match &a.fill {
            Fill::Shared(other) => Some((a.holder.clone(), other.clone())),
            Fill::Solid => None,
        })
        .collect();
    pairs.extend(
        frame
            .shown()
            .map(|(_, s)| s)
            .filter(|s| s.status == Status::Contested)
            .filter_map(|s| Some((s.holder.clone()?, s.other.clone()?))),
    );
    pairs.extend(frame.shown().filter(|(k, _)| series.regions.contains_key(*k)).filter_map(|(_, s)| shared_region(s)));
    pairs.sort();
    pairs.dedup();
    pairs
        .into_iter()
        .map(|(holder, other)| Def::Hatch {
            id: hatch_id(&holder, &other),
            a: series.color(&holder),
            b: if other == NOBODY { "none".to_string() } else { series.color(&other) },
            size: u.of(6.0),
        })
        .collect()
}

/// Control areas (translucent), region claims and front lines.
pub fn areas_layer(series: &Series, frame: &FrameState) -> Layer {
    let u = series.units;
    let mut layer = Layer::new("areas");
    for (key, state) in frame.shown() {
        let (Some(region), Some(holder)) = (series.regions.get(key), &state.holder) else { continue };
        let color = series.color(holder);
        let fill = match shared_region(state) {
            Some((holder, other)) => Paint::Def(hatch_id(&holder, &other)),
            None => Paint::Color(color.clone()),
        };
        let style = Style { fill: Some(fill), ..Style::default() }
            .with_fill_opacity(style::AREA_OPACITY)
            .with_stroke(&color, u.of(1.4))
            .with_dash(&format!("{} {}", u.of(5.0), u.of(3.0)));
        layer.items.push(Item::Path { d: region.path.clone(), style, class: Some(format!("region-area {holder}")) });
    }
    for area in &frame.areas.areas {
        let (fill, class) = match &area.fill {
            Fill::Solid => (Paint::Color(series.color(&area.holder)), format!("area {}", area.holder)),
            Fill::Shared(other) => {
                (Paint::Def(hatch_id(&area.holder, other)), format!("area {} shared {other}", area.holder))
            }
        };
        // Areas that rest only on old evidence are drawn fainter, like their markers.
        let opacity = if area.stale { style::AREA_OPACITY * style::STALE_OPACITY * 1.4 } else { style::AREA_OPACITY };
        let class = if area.stale { format!("{class} stale") } else { class };
        let style = Style { fill: Some(fill), fill_opacity: Some(opacity), ..Style::default() };
        layer.items.push(Item::Path { d: area_path(&series.view, &area.shape), style, class: Some(class) });
    }
    if !frame.areas.fronts.is_empty() {
        let d = line_path(&series.view, &frame.areas.fronts);
        layer.items.push(Item::Path { d, style: Style::stroke(style::FRONT, u.of(1.5)), class: Some("front".into()) });
    }
    layer
}

/// One marker group per tracked town with a state.
pub fn places_layer(series: &Series, frame: &FrameState) -> Layer {
    let mut layer = Layer::new("places");
    for (key, state) in frame.shown() {
        let Some(town) = series.towns.get(key) else { continue };
        let changed = frame.changed.contains(key);
        let items = marker(series, town, state, changed);
        let holder = state.holder.clone().unwrap_or_else(|| "unknown".into());
        let class = format!("place {holder} {}{}", state.status.as_str(), if changed { " changed" } else { "" });
        layer.items.push(Item::Group {
            id: Some(place_dom_id(key)),
            class: Some(class),
            title: Some(tooltip(series, town, state)),
            items,
        });
    }
    layer
}

/// "Raqqa: SDF, held since 2017-10 (sources …)".
fn tooltip(series: &Series, town: &Town, state: &PlaceState) -> String {
    let lang = series.options.lang;
    let holder = state
        .holder
        .as_deref()
        .map_or_else(|| style::status_word(Status::Unknown, lang).to_string(), |h| series.faction_name(h));
    let since_word = if lang == style::Lang::Nl { "sinds" } else { "since" };
    let since = state.since.as_ref().map_or(String::new(), |s| format!(" {since_word} {s}"));
    // The sources as `Timeline::sources_of` lists them, from the claims' texts written out once.
    let timeline = series.inputs.timeline;
    let mut sources: Vec<&str> = state
        .supporting
        .iter()
        .flat_map(|&i| series.claim_texts.get(timeline, i).sources.iter().map(String::as_str))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    format!("{}: {holder}, {}{since} ({})", town.name, style::status_word(state.status, lang), sources.join(", "))
}

/// The marker: a disc in the holder's colour, split, striped or ringed by status; hollow when
/// unconfirmed, faded when stale, a heavy outline when it changed hands this month, a red
/// dashed ring when sources disagree.
fn marker(series: &Series, town: &Town, state: &PlaceState, changed: bool) -> Vec<Item> {
    let u = series.units;
    let (x, y, r) = (town.px.0, town.px.1, town.radius);
    let outline = if changed { u.of(2.6) } else { u.of(1.0) };
    let holder_color = state.holder.as_deref().map_or_else(|| style::UNKNOWN.to_string(), |h| series.color(h));
    let other_color = state.other.as_deref().map(|o| series.color(o));
    let unconfirmed = matches!(state.certainty, Modality::Claimed | Modality::Hedged);
    let mut items = Vec::new();
    match (state.status, other_color) {
        (Status::Partial, Some(other)) => items.extend(half_discs(x, y, r, &holder_color, &other, outline)),
        (Status::Contested, Some(_)) => {
            let pattern = hatch_id(state.holder.as_deref().unwrap_or(""), state.other.as_deref().unwrap_or(""));
            let style = Style { fill: Some(Paint::Def(pattern)), ..Style::stroke(style::INK, outline) };
            items.push(Item::Circle { cx: x, cy: y, r, style, class: None });
        }
        (Status::Unknown, _) => {
            items.push(Item::Circle {
                cx: x,
                cy: y,
                r,
                style: Style::fill(style::PAPER).with_stroke(style::UNKNOWN, u.of(1.6)),
                class: None,
            });
        }
        _ if unconfirmed => {
            let style = Style::fill(style::PAPER).with_stroke(&holder_color, u.of(2.4)).with_dash(&format!(
                "{} {}",
                u.of(2.2),
                u.of(1.4)
            ));
            items.push(Item::Circle { cx: x, cy: y, r: r - u.of(0.6), style, class: None });
            if changed {
                items.push(Item::Circle {
                    cx: x,
                    cy: y,
                    r: r + u.of(1.2),
                    style: Style::stroke(style::INK, u.of(1.6)),
                    class: None,
                });
            }
        }
        _ => items.push(Item::Circle {
            cx: x,
            cy: y,
            r,
            style: Style::fill(&holder_color).with_stroke(style::INK, outline),
            class: None,
        }),
    }
    if let (Status::Besieged, Some(by)) = (state.status, state.other.as_deref()) {
        let ring = Style::stroke(&series.color(by), u.of(2.6));
        items.push(Item::Circle { cx: x, cy: y, r: r + u.of(3.2), style: ring, class: Some("besieger".into()) });
    }
    if state.independent_sources == 1 {
        items.push(single_source_dot(x, y, r, u));
    }
    if state.is_conflicted() {
        let ring = Style::stroke(style::CONFLICT, u.of(1.3)).with_dash(&format!("{} {}", u.of(2.0), u.of(2.0)));
        items.push(Item::Circle { cx: x, cy: y, r: r + u.of(6.0), style: ring, class: Some("conflict".into()) });
    }
    if state.stale {
        return vec![Item::Group { id: None, class: Some("stale".into()), title: None, items: fade(items) }];
    }
    items
}

/// A white centre dot: the state rests on a single independent source.
pub fn single_source_dot(x: f64, y: f64, r: f64, u: crate::render::style::Units) -> Item {
    let style = Style::fill(style::PAPER).with_stroke(style::INK, u.of(0.8));
    Item::Circle { cx: x, cy: y, r: (r * 0.34).max(u.of(1.6)), style, class: Some("single-source".into()) }
}

fn fade(items: Vec<Item>) -> Vec<Item> {
    items
        .into_iter()
        .map(|item| match item {
            Item::Circle { cx, cy, r, style, class } => {
                Item::Circle { cx, cy, r, style: style.with_opacity(style::STALE_OPACITY), class }
            }
            Item::Path { d, style, class } => Item::Path { d, style: style.with_opacity(style::STALE_OPACITY), class },
            other => other,
        })
        .collect()
}

/// Left half in one colour, right half in the other.
pub fn half_discs(x: f64, y: f64, r: f64, left: &str, right: &str, outline: f64) -> Vec<Item> {
    let half = |color: &str, sweep: bool| {
        let mut d = PathData::default();
        d.move_to(x, y - r);
        d.arc_to(r, sweep, x, y + r);
        d.close();
        Item::Path { d: d.finish(), style: Style::fill(color), class: None }
    };
    vec![
        half(left, false),
        half(right, true),
        Item::Circle { cx: x, cy: y, r, style: Style::stroke(style::INK, outline), class: None },
    ]
}

/// Place, region and context-city names at their series-wide positions.
pub fn labels_layer(series: &Series, frame: &FrameState) -> Layer {
    let u = series.units;
    let mut layer = Layer::new("labels");
    for (i, city) in series.context.iter().enumerate() {
        layer.items.push(Item::Circle {
            cx: city.px.0,
            cy: city.px.1,
            r: city.radius,
            style: Style::fill(style::MUTED),
            class: Some("context".into()),
        });
        if let Some(spot) = series.labels.get(&format!("context-{i}")) {
            layer.items.push(Item::Text(Text {
                x: spot.x,
                y: spot.y,
                content: city.name.clone(),
                size: u.of(11.0),
                anchor: spot.anchor,
                fill: style::MUTED.into(),
                halo: Some((style::HALO.into(), u.of(2.6))),
                ..Text::default()
            }));
        }
    }
    for (key, state) in frame.shown() {
        let id = place_dom_id(key);
        let Some(spot) = series.labels.get(&id) else { continue };
        let (content, size, italic) = match (series.towns.get(key), series.regions.get(key)) {
            (Some(town), _) => (town.name.clone(), u.of(13.0), false),
            (None, Some(region)) => (region.name.clone(), u.of(11.0), true),
            _ => continue,
        };
        let changed = frame.changed.contains(key);
        layer.items.push(Item::Text(Text {
            x: spot.x,
            y: spot.y,
            content,
            size,
            weight: if changed || !italic { Weight::Bold } else { Weight::Normal },
            italic,
            anchor: spot.anchor,
            fill: if italic { style::MUTED.into() } else { style::INK.into() },
            halo: Some((style::HALO.into(), u.of(3.0))),
            opacity: state.stale.then_some(0.7),
            ..Text::default()
        }));
    }
    layer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dom_ids_never_collide() {
        let id = |s: &str| place_dom_id(&PlaceKey { kind: PlaceKind::Town, id: s.into() });
        assert_eq!(id("raqqa"), "place-raqqa");
        assert_ne!(id("ракка"), id("маяди"));
        assert_ne!(id("al_bab"), id("al.bab"));
        assert!(id("ракка").chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }
}
