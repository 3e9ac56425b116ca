//! The static base map, built once per series: sea, land, governorate and country borders,
//! rivers and lakes, country and river names, all projected and clipped to the frame.

use geo::{BooleanOps, BoundingRect, Coord, InteriorPoint, LineString, MultiPolygon, Simplify};

use crate::geometry::{Layers, View};
use crate::render::scene::{Anchor, Item, Layer, PathData, Rect, Style, Text, Weight};
use crate::render::style::{self, Lang, Units};
use crate::render::text;

/// The base map layer and what later layers need from it.
pub struct Basemap {
    pub layer: Layer,
    /// Land in projected km, clipped to the frame: areas of places whose country is not in view are cut to it.
    pub land_km: MultiPolygon<f64>,
    /// Each country in view (ISO code and projected km shape, clipped and simplified).
    pub countries_km: Vec<(String, MultiPolygon<f64>)>,
    /// Boxes of the country and river names, for label placement to avoid.
    pub label_boxes: Vec<Rect>,
}

/// Builds the base map. `focus` lists the countries (ISO codes) drawn in the lighter land colour;
/// river names keep away from the points `avoid.0` (the tracked towns), and a country name that
/// would fall under one of the boxes `avoid.1` (the legend, the scale bar) is left out.
pub fn build(
    layers: &Layers,
    view: &View,
    (width, height): (u32, u32),
    focus: &[String],
    avoid: (&[(f64, f64)], &[Rect]),
    lang: Lang,
) -> Basemap {
    let (avoid, keep_clear) = avoid;
    let u = Units::for_size(width, height);
    let clip = MultiPolygon::new(vec![view.frame_km(24.0)]);
    let tolerance_km = 0.35 / view.scale;
    let mut layer = Layer::new("basemap");
    layer.items.push(Item::Rect {
        x: 0.0,
        y: 0.0,
        width: f64::from(width),
        height: f64::from(height),
        rx: 0.0,
        style: Style::fill(style::SEA),
    });
    let countries: Vec<(usize, MultiPolygon<f64>)> = layers
        .countries
        .iter()
        .enumerate()
        .map(|(i, c)| (i, view.project_area(&c.shape).intersection(&clip).simplify(tolerance_km)))
        .filter(|(_, shape)| !shape.0.is_empty())
        .collect();
    let mut land_items = Vec::new();
    let mut border_items = Vec::new();
    for (i, shape) in &countries {
        let country = &layers.countries[*i];
        let fill = if focus.contains(&country.iso) { style::LAND_FOCUS } else { style::LAND_OTHER };
        let d = area_path(view, shape);
        land_items.push(Item::Path {
            d: d.clone(),
            style: Style::fill(fill),
            class: Some(format!("land {}", country.iso)),
        });
        border_items.push(Item::Path {
            d,
            style: Style::stroke(style::BORDER, u.of(1.3)),
            class: Some("border".into()),
        });
    }
    layer.items.extend(land_items);
    layer.items.push(admin1_lines(layers, view, &clip, tolerance_km, u, focus));
    layer.items.extend(water(layers, view, &clip, u));
    layer.items.extend(border_items);
    let mut label_boxes = Vec::new();
    layer.items.extend(country_labels(layers, view, &countries, (lang, u), keep_clear, &mut label_boxes));
    layer.items.extend(river_labels(layers, view, lang, u, avoid, &mut label_boxes));
    let land_km = land(layers, view, &clip, tolerance_km);
    let countries_km = countries.into_iter().map(|(i, shape)| (layers.countries[i].iso.clone(), shape)).collect();
    Basemap { layer, land_km, countries_km, label_boxes }
}

/// All countries merged, clipped to the frame (for places whose country is not in view). The countries are
/// merged before simplifying, so shared borders leave no slivers between them.
fn land(layers: &Layers, view: &View, clip: &MultiPolygon<f64>, tolerance_km: f64) -> MultiPolygon<f64> {
    let clipped: Vec<MultiPolygon<f64>> =
        layers.countries.iter().map(|c| view.project_area(&c.shape).intersection(clip)).collect();
    let mut layer = clipped;
    while layer.len() > 1 {
        layer = layer
            .chunks(2)
            .map(|pair| if pair.len() == 2 { pair[0].union(&pair[1]) } else { pair[0].clone() })
            .collect();
    }
    layer.pop().unwrap_or_else(|| MultiPolygon::new(vec![])).simplify(tolerance_km)
}

/// SVG path data for projected (km) polygons.
pub fn area_path(view: &View, shape: &MultiPolygon<f64>) -> String {
    let mut d = PathData::default();
    for polygon in &shape.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            d.polyline(ring.0.iter().map(|c| view.km_to_px(c.x, c.y)), true);
        }
    }
    d.finish()
}

/// SVG path data for projected (km) lines.
pub fn line_path(view: &View, lines: &[LineString<f64>]) -> String {
    let mut d = PathData::default();
    for line in lines {
        d.polyline(line.0.iter().map(|c| view.km_to_px(c.x, c.y)), false);
    }
    d.finish()
}

/// First-level borders of the focus countries (the neighbours' would only add clutter).
fn admin1_lines(
    layers: &Layers,
    view: &View,
    clip: &MultiPolygon<f64>,
    tolerance_km: f64,
    u: Units,
    focus: &[String],
) -> Item {
    let mut d = String::new();
    for region in layers.admin1.iter().filter(|r| focus.is_empty() || focus.contains(&r.country)) {
        let shape = view.project_area(&region.shape).intersection(clip).simplify(tolerance_km);
        d.push_str(&area_path(view, &shape));
    }
    Item::Path { d, style: Style::stroke(style::ADMIN1_LINE, u.of(0.7)), class: Some("admin1".into()) }
}

fn water(layers: &Layers, view: &View, clip: &MultiPolygon<f64>, u: Units) -> Vec<Item> {
    let mut items = Vec::new();
    for water in &layers.water {
        let class = Some(format!("water {}", water.name));
        match (&water.shape, water.lines()) {
            (crate::geometry::geojson::Shape::Area(area), _) => {
                let shape = view.project_area(area).intersection(clip);
                let style = Style::fill(style::SEA).with_stroke(style::WATER_LINE, u.of(0.8));
                items.push(Item::Path { d: area_path(view, &shape), style, class });
            }
            (_, Some(lines)) => {
                let projected = view.project_lines(lines);
                let style = Style::stroke(style::WATER_LINE, u.of(1.7));
                items.push(Item::Path { d: line_path(view, &projected.0), style, class });
            }
            _ => {}
        }
    }
    items
}

fn country_labels(
    layers: &Layers,
    view: &View,
    countries: &[(usize, MultiPolygon<f64>)],
    (lang, u): (Lang, Units),
    keep_clear: &[Rect],
    boxes: &mut Vec<Rect>,
) -> Vec<Item> {
    let size = u.of(15.0);
    let spacing = u.of(3.0);
    let mut items = Vec::new();
    for (i, shape) in countries {
        let country = &layers.countries[*i];
        let name = if lang == Lang::Nl && !country.name_nl.is_empty() { &country.name_nl } else { &country.name };
        let Some(largest) =
            shape.0.iter().max_by(|a, b| geo::Area::unsigned_area(*a).total_cmp(&geo::Area::unsigned_area(*b)))
        else {
            continue;
        };
        let Some(point) = largest.interior_point() else { continue };
        let (x, y) = view.km_to_px(point.x(), point.y());
        let content = name.to_uppercase();
        let width = text::width(&content, size, true) + spacing * content.chars().count() as f64;
        let Some(bounds) = largest.bounding_rect() else { continue };
        let px_width = (bounds.max().x - bounds.min().x) * view.scale;
        if px_width < width * 1.2 || !inside_frame(view, x, y) {
            continue;
        }
        let label = Rect::new(x - width / 2.0, y - size, x + width / 2.0, y + size * 0.3);
        if keep_clear.iter().any(|r| r.intersects(&label)) {
            continue;
        }
        boxes.push(label);
        items.push(Item::Text(Text {
            x,
            y,
            content,
            size,
            weight: Weight::Bold,
            anchor: Anchor::Middle,
            fill: style::COUNTRY_LABEL.into(),
            letter_spacing: Some(spacing),
            ..Text::default()
        }));
    }
    items
}

fn inside_frame(view: &View, x: f64, y: f64) -> bool {
    let f = view.frame;
    x > f.x + 20.0 && x < f.x + f.width - 20.0 && y > f.y + 20.0 && y < f.y + f.height - 20.0
}

/// Each river's name, once, turned to follow the line, where the line is farthest from the
/// points to `avoid` (the tracked towns) within the middle of its visible stretch.
fn river_labels(
    layers: &Layers,
    view: &View,
    lang: Lang,
    u: Units,
    avoid: &[(f64, f64)],
    boxes: &mut Vec<Rect>,
) -> Vec<Item> {
    let size = u.of(12.5);
    let mut items = Vec::new();
    for water in layers.water.iter().filter(|w| !w.is_lake()) {
        let Some(lines) = water.lines() else { continue };
        let name = if lang == Lang::Nl && !water.name_nl.is_empty() { &water.name_nl } else { &water.name };
        if name.trim().is_empty() {
            continue;
        }
        let visible: Vec<(f64, f64)> = lines
            .0
            .iter()
            .flat_map(|l| l.0.iter())
            .map(|c| view.px(c.x, c.y))
            .filter(|&(x, y)| inside_frame(view, x, y))
            .collect();
        if visible.len() < 8 {
            continue;
        }
        let clearance =
            |p: (f64, f64)| avoid.iter().map(|a| (a.0 - p.0).hypot(a.1 - p.1)).fold(f64::INFINITY, f64::min);
        let middle = visible.len() / 5..visible.len() * 4 / 5;
        let at = middle
            .max_by(|&a, &b| clearance(visible[a]).total_cmp(&clearance(visible[b])).then(b.cmp(&a)))
            .unwrap_or(visible.len() / 2);
        let (before, after) = (visible[at.saturating_sub(4)], visible[(at + 4).min(visible.len() - 1)]);
        let mut angle = (after.1 - before.1).atan2(after.0 - before.0).to_degrees();
        if angle > 90.0 {
            angle -= 180.0;
        } else if angle < -90.0 {
            angle += 180.0;
        }
        let (x, y) = visible[at];
        let normal = (angle + 90.0).to_radians();
        let (lx, ly) = (x - normal.cos() * u.of(6.0), y - normal.sin() * u.of(6.0));
        let half = text::width(name, size, false) / 2.0;
        let (dx, dy) = (angle.to_radians().cos() * half, angle.to_radians().sin() * half);
        let pad = size * 0.6;
        boxes.push(Rect::new(lx - dx.abs() - pad, ly - dy.abs() - pad, lx + dx.abs() + pad, ly + dy.abs() + pad));
        items.push(Item::Text(Text {
            x: lx,
            y: ly,
            content: name.clone(),
            size,
            italic: true,
            anchor: Anchor::Middle,
            fill: style::WATER_LABEL.into(),
            halo: Some((style::SEA.into(), u.of(2.5))),
            rotate: Some(angle),
            ..Text::default()
        }));
    }
    items
}

/// A point's pixel position from lon/lat, as a coordinate.
pub fn px(view: &View, lon: f64, lat: f64) -> Coord<f64> {
    let (x, y) = view.px(lon, lat);
    Coord { x, y }
}
