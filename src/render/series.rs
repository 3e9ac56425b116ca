//! A map series: everything shared by its frames (projection, base map, label positions),
//! prepared once, and the scene of each month built from it.

use std::collections::{BTreeMap, BTreeSet};

use geo::{InteriorPoint, MultiPolygon};

use crate::date::YearMonth;
use crate::geometry::areas::{self, Areas, Fill, Seed};
use crate::geometry::{BBox, Frame, Layers, View};
use crate::model::{PlaceKey, PlaceKind};
use crate::places::{Factions, Gazetteer};
use crate::render::basemap::{self, Basemap};
use crate::render::caption;
use crate::render::labels::{self, Obstacle, Placed, Request};
use crate::render::legend;
use crate::render::marks;
use crate::render::scene::{Rect, Scene};
use crate::render::style::{Lang, Palette, Units};
use crate::render::svg;
use crate::timeline::{Snapshot, Status, Timeline};

/// What a series is drawn from.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    pub layers: &'a Layers,
    pub gazetteer: &'a Gazetteer,
    pub factions: &'a Factions,
    pub timeline: &'a Timeline,
    /// The data credit printed on every map.
    pub attribution: &'a str,
}

/// How a series looks.
#[derive(Debug, Clone)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    pub lang: Lang,
    pub palette: Palette,
    /// The area to show; by default the tracked places with a margin.
    pub bbox: Option<BBox>,
    /// The radius of a town's control area.
    pub radius_km: f64,
    /// A title before the month (`--title`).
    pub title: Option<String>,
    /// The line under the title, instead of the default (`--subtitle`).
    pub subtitle: Option<String>,
    /// A caption band under the map says what changed this month.
    pub caption: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 1600,
            height: 1200,
            lang: Lang::En,
            palette: Palette::Default,
            bbox: None,
            radius_km: 30.0,
            title: None,
            subtitle: None,
            caption: true,
        }
    }
}

/// Why a series cannot be drawn.
#[derive(Debug, thiserror::Error)]
pub enum SeriesError {
    #[error("the box {0},{1},{2},{3} does not overlap the geodata (countries span {4:.1},{5:.1},{6:.1},{7:.1})")]
    OutsideData(f64, f64, f64, f64, f64, f64, f64, f64),
    #[error("the geodata has no countries to draw")]
    NoCountries,
}

/// A tracked town's fixed drawing data.
#[derive(Debug, Clone)]
pub struct Town {
    pub name: String,
    pub px: (f64, f64),
    pub km: (f64, f64),
    pub radius: f64,
    pub population: u64,
    pub capital: bool,
}

/// A region's outline in pixels and where its name goes.
#[derive(Debug, Clone)]
pub struct RegionShape {
    pub name: String,
    pub path: String,
    pub km: MultiPolygon<f64>,
    pub label_at: (f64, f64),
    /// A sample of the outline's points in pixels (for keeping the legend off the region).
    pub outline_px: Vec<(f64, f64)>,
}

/// How many of the map's biggest cities always get a label, and how big they must be.
const ESSENTIAL_CITIES: usize = 16;
const ESSENTIAL_POPULATION: u64 = 200_000;

/// Everything the frames of one series share.
pub struct Series<'a> {
    pub inputs: Inputs<'a>,
    pub options: Options,
    pub view: View,
    pub units: Units,
    basemap_markup: String,
    /// Shapes control areas are cut to: all land first, then each country in view.
    clips: Vec<MultiPolygon<f64>>,
    /// For each tracked place, its entry in `clips` (its country, or land).
    clip_of: BTreeMap<PlaceKey, usize>,
    pub towns: BTreeMap<PlaceKey, Town>,
    pub regions: BTreeMap<PlaceKey, RegionShape>,
    pub context: Vec<Town>,
    pub labels: BTreeMap<String, Placed>,
    legend_box: Rect,
    legend_corner: legend::Corner,
}

/// The layout: a header band, the map, a footer band.
pub fn map_frame(width: u32, height: u32) -> Frame {
    let u = Units::for_size(width, height);
    let (top, bottom) = (u.of(88.0), u.of(54.0));
    Frame { x: 0.0, y: top, width: f64::from(width), height: f64::from(height) - top - bottom }
}

impl<'a> Series<'a> {
    /// Prepares a series: fits the projection, builds the base map, places every label once.
    pub fn prepare(inputs: Inputs<'a>, options: Options) -> Result<Series<'a>, SeriesError> {
        let data_box = countries_box(inputs.layers).ok_or(SeriesError::NoCountries)?;
        let bbox = match options.bbox {
            Some(b) if !b.intersects(&data_box) => {
                return Err(SeriesError::OutsideData(
                    b.lon0,
                    b.lat0,
                    b.lon1,
                    b.lat1,
                    data_box.lon0,
                    data_box.lat0,
                    data_box.lon1,
                    data_box.lat1,
                ));
            }
            Some(b) => b,
            None => default_box(inputs).unwrap_or(data_box),
        };
        let units = Units::for_size(options.width, options.height);
        let map = caption::map_area(map_frame(options.width, options.height), units, options.caption);
        let view = View::fit(bbox, map);
        let focus = focus_countries(inputs);
        let mut towns = tracked_towns(inputs, &view, units);
        let mut regions = tracked_regions(inputs, &view, options.lang);
        markers_for_tiny_regions(&mut regions, &mut towns, &view, units);
        let avoid: Vec<(f64, f64)> = towns.values().map(|t| t.px).collect();
        let Basemap { layer, land_km, countries_km, label_boxes } =
            basemap::build(inputs.layers, &view, options.width, options.height, &focus, &avoid, options.lang);
        let context = context_cities(inputs, &view, units, &towns, &label_boxes);
        let occupied: Vec<(f64, f64)> =
            towns.values().map(|t| t.px).chain(regions.values().flat_map(|r| r.outline_px.iter().copied())).collect();
        let (legend_box, legend_corner) = legend::reserved_box(inputs, &options, &view, &occupied);
        let mut series = Series {
            inputs,
            options,
            view,
            units,
            basemap_markup: svg::layer_markup(&layer),
            clip_of: clip_indices(inputs, &towns, &countries_km),
            clips: std::iter::once(land_km).chain(countries_km.into_iter().map(|(_, shape)| shape)).collect(),
            towns,
            regions,
            context,
            labels: BTreeMap::new(),
            legend_box,
            legend_corner,
        };
        series.labels = series.place_labels(&label_boxes);
        Ok(series)
    }

    fn place_labels(&self, label_boxes: &[Rect]) -> BTreeMap<String, Placed> {
        let u = self.units;
        let claim_counts = claim_counts(self.inputs.timeline);
        let essential = self.essential_cities();
        let mut requests = Vec::new();
        let mut obstacles: Vec<Obstacle> = label_boxes.iter().map(|r| Obstacle { rect: *r, owner: None }).collect();
        obstacles.push(Obstacle { rect: self.legend_box, owner: None });
        obstacles.push(Obstacle { rect: legend::scale_bar_box(&self.view, u, self.legend_corner), owner: None });
        for (key, town) in &self.towns {
            let id = marks::place_dom_id(key);
            obstacles.push(Obstacle {
                rect: Rect::around(town.px.0, town.px.1, town.radius + u.of(2.0)),
                owner: Some(id.clone()),
            });
            let claims = claim_counts.get(key).copied().unwrap_or(0);
            let priority = labels::priority(town.population, town.capital, true, claims);
            requests.push(Request {
                essential: essential.contains(&town.name),
                key: id,
                text: town.name.clone(),
                x: town.px.0,
                y: town.px.1,
                gap: town.radius + u.of(3.5),
                size: u.of(13.0),
                bold: true,
                priority,
            });
        }
        for (i, city) in self.context.iter().enumerate() {
            let id = format!("context-{i}");
            obstacles.push(Obstacle {
                rect: Rect::around(city.px.0, city.px.1, city.radius + u.of(1.5)),
                owner: Some(id.clone()),
            });
            requests.push(Request {
                essential: essential.contains(&city.name),
                key: id,
                text: city.name.clone(),
                x: city.px.0,
                y: city.px.1,
                gap: city.radius + u.of(3.0),
                size: u.of(11.0),
                bold: false,
                priority: labels::priority(city.population, city.capital, false, 0) - i as i64,
            });
        }
        for (key, region) in &self.regions {
            let id = marks::place_dom_id(key);
            requests.push(Request {
                key: id,
                text: region.name.clone(),
                x: region.label_at.0,
                y: region.label_at.1,
                gap: 0.0,
                size: u.of(11.0),
                bold: false,
                priority: labels::priority(1_000_000, false, true, 0),
                essential: false,
            });
        }
        let f = self.view.frame;
        labels::place(
            &requests,
            &obstacles,
            Rect::new(f.x + u.of(4.0), f.y + u.of(4.0), f.x + f.width - u.of(4.0), f.y + f.height - u.of(4.0)),
        )
    }

    /// The names of the biggest cities on the map (tracked or for orientation): capitals and the
    /// most populous, which always get a label.
    fn essential_cities(&self) -> Vec<String> {
        let mut cities: Vec<&Town> = self
            .towns
            .values()
            .chain(&self.context)
            .filter(|t| t.capital || t.population >= ESSENTIAL_POPULATION)
            .collect();
        cities.sort_by(|a, b| {
            (b.capital, b.population).cmp(&(a.capital, a.population)).then_with(|| a.name.cmp(&b.name))
        });
        cities.into_iter().take(ESSENTIAL_CITIES).map(|t| t.name.clone()).collect()
    }

    /// The scene of one frame (see [`Series::frame`]).
    pub fn scene(&self, frame: &FrameState) -> Scene {
        let mut defs = marks::hatch_defs(self, frame);
        defs.sort_by_key(|d| format!("{d:?}"));
        defs.dedup();
        let layers = vec![
            marks::areas_layer(self, frame),
            marks::places_layer(self, frame),
            marks::labels_layer(self, frame),
            legend::legend_layer(self, frame),
            legend::frame_layer(self, frame, frame.month),
            caption::caption_layer(self, frame),
        ];
        Scene { width: self.options.width, height: self.options.height, defs, layers }
    }

    /// The full SVG document of a month.
    pub fn svg(&self, scene: &Scene) -> String {
        svg::document(scene, &self.basemap_markup)
    }

    /// The base map alone, as an SVG document (rasterised once per series).
    pub fn basemap_svg(&self) -> String {
        let empty = Scene { width: self.options.width, height: self.options.height, ..Scene::default() };
        svg::document(&empty, &self.basemap_markup)
    }

    /// A month's own layers without the base map, as an SVG document (drawn over the base).
    pub fn overlay_svg(&self, scene: &Scene) -> String {
        svg::document(scene, "")
    }

    /// The derived control areas of a snapshot, in projected km.
    pub fn areas(&self, snapshot: &Snapshot) -> Areas {
        let seeds: Vec<Seed> = snapshot
            .states
            .iter()
            .filter(|(_, state)| !state.supporting.is_empty())
            .filter_map(|(key, state)| {
                let town = self.towns.get(key)?;
                let holder = state.holder.clone()?;
                let fill = match (state.status, &state.other) {
                    (Status::Contested | Status::Partial, Some(other)) => Fill::Shared(other.clone()),
                    _ => Fill::Solid,
                };
                Some(Seed {
                    x: town.km.0,
                    y: town.km.1,
                    holder,
                    fill,
                    clip: self.clip_of.get(key).copied(),
                    stale: state.stale,
                })
            })
            .collect();
        areas::derive(&seeds, self.options.radius_km, &self.clips)
    }

    /// What the frame of a month shows: the state on the month's last day, what changed since
    /// the month before, the control areas and the evidence counts. Scenes, viewer data and
    /// exports are all made from it.
    pub fn frame(&self, month: YearMonth) -> FrameState {
        let timeline = self.inputs.timeline;
        let snapshot = timeline.snapshot(month.last_day());
        let previous = timeline.snapshot(month.first_day().add_days(-1));
        let changed = snapshot
            .states
            .iter()
            .filter(|(_, state)| !state.supporting.is_empty())
            .filter(|(key, state)| {
                let before = previous.states.get(*key).filter(|p| !p.supporting.is_empty());
                match before {
                    Some(p) => p.holder != state.holder || p.status != state.status,
                    // A first mention counts only when it is a capture or loss reported for this month.
                    None => state.since_change && state.since.as_ref().is_some_and(|s| s.end >= month.first_day()),
                }
            })
            .map(|(key, _)| key.clone())
            .collect();
        let areas = self.areas(&snapshot);
        let (claims, articles) = evidence_counts(timeline, month);
        let diff = crate::timeline::between(timeline, &previous, &snapshot);
        FrameState { month, snapshot, changed, areas, claims, articles, diff }
    }

    /// The colour of a faction in this series' palette.
    pub fn color(&self, faction: &str) -> String {
        self.inputs.factions.get(faction).map_or_else(
            || crate::render::style::UNKNOWN.to_string(),
            |f| f.color_for(self.options.palette.code()).to_string(),
        )
    }

    /// The display name of a faction in this series' language.
    pub fn faction_name(&self, faction: &str) -> String {
        self.inputs
            .factions
            .get(faction)
            .map_or_else(|| faction.to_string(), |f| f.display_name(self.options.lang.code()).to_string())
    }

    /// The colours the maps are made of: base colours, the factions' colours and their
    /// translucent area fills over land and sea. The GIF palette keeps these exactly.
    pub fn key_colours(&self) -> Vec<[u8; 3]> {
        use crate::render::style::*;
        let base = [
            SEA,
            LAND_FOCUS,
            LAND_OTHER,
            PAPER,
            INK,
            MUTED,
            BORDER,
            ADMIN1_LINE,
            WATER_LINE,
            WATER_LABEL,
            COUNTRY_LABEL,
            FRONT,
            CONFLICT,
            UNKNOWN,
        ];
        let mut colours: Vec<[u8; 3]> = base.iter().filter_map(|c| rgb(c)).collect();
        let mut factions: Vec<&str> = self
            .inputs
            .timeline
            .claims
            .iter()
            .flat_map(|c| std::iter::once(c.holder.as_str()).chain(c.other.as_deref()))
            .collect();
        factions.sort_unstable();
        factions.dedup();
        for faction in factions {
            let Some(colour) = rgb(&self.color(faction)) else { continue };
            colours.push(colour);
            for ground in [LAND_FOCUS, LAND_OTHER, SEA] {
                if let Some(ground) = rgb(ground) {
                    colours.push(blend(colour, ground, AREA_OPACITY));
                }
            }
        }
        colours
    }

    pub fn legend_box(&self) -> Rect {
        self.legend_box
    }

    pub fn legend_corner(&self) -> legend::Corner {
        self.legend_corner
    }
}

impl FrameState {
    /// The states drawn: those resting on at least one counted claim (a claim still pending at
    /// the month's end is not drawn yet).
    pub fn shown(&self) -> impl Iterator<Item = (&PlaceKey, &crate::timeline::PlaceState)> {
        self.snapshot.states.iter().filter(|(_, s)| !s.supporting.is_empty())
    }
}

fn rgb(hex: &str) -> Option<[u8; 3]> {
    crate::places::factions::parse_hex_color(hex).map(|(r, g, b)| [r, g, b])
}

/// `top` at `opacity` over `ground`.
fn blend(top: [u8; 3], ground: [u8; 3], opacity: f64) -> [u8; 3] {
    let mix = |a: u8, b: u8| (f64::from(a) * opacity + f64::from(b) * (1.0 - opacity)).round() as u8;
    [mix(top[0], ground[0]), mix(top[1], ground[1]), mix(top[2], ground[2])]
}

impl Series<'_> {
    /// The line under the title: `--subtitle`, or what the map shows, naming news reports only
    /// when every source is an article.
    pub fn subtitle(&self) -> String {
        if let Some(subtitle) = &self.options.subtitle {
            return subtitle.clone();
        }
        let w = crate::render::style::words(self.options.lang);
        let articles_only = self
            .inputs
            .timeline
            .claims
            .iter()
            .flat_map(|c| &c.sources)
            .all(|s| s.kind == crate::model::SourceKind::Article);
        if articles_only { w.subtitle } else { w.subtitle_sources }.to_string()
    }
}

/// What one frame shows, computed from the timeline.
pub struct FrameState {
    pub month: YearMonth,
    pub snapshot: Snapshot,
    /// Places whose holder or status differs from the end of the previous month.
    pub changed: BTreeSet<PlaceKey>,
    pub areas: Areas,
    /// Claims counted by the end of the month, and the articles they come from.
    pub claims: usize,
    pub articles: usize,
    /// What changed since the end of the previous month (the caption and the viewer's list).
    pub diff: crate::timeline::Diff,
}

/// The claims counted by the end of a month (expected ones aside), and the articles they cite.
pub fn evidence_counts(timeline: &Timeline, month: YearMonth) -> (usize, usize) {
    let end = month.last_day();
    let counted: Vec<_> = timeline
        .claims
        .iter()
        .enumerate()
        .filter(|(i, c)| timeline.is_applied(*i) && c.date.end <= end)
        .map(|(_, c)| c)
        .collect();
    let mut articles: Vec<&str> = counted.iter().flat_map(|c| c.sources.iter().map(|s| s.article.as_str())).collect();
    articles.sort_unstable();
    articles.dedup();
    (counted.len(), articles.len())
}

fn claim_counts(timeline: &Timeline) -> BTreeMap<PlaceKey, usize> {
    timeline.places().map(|p| (p.clone(), timeline.claims_for(p).len())).collect()
}

fn countries_box(layers: &Layers) -> Option<BBox> {
    let points =
        layers.countries.iter().flat_map(|c| c.shape.0.iter().flat_map(|p| p.exterior().0.iter().map(|c| (c.x, c.y))));
    BBox::around(points)
}

/// The tracked towns and regions with a margin: the default view.
fn default_box(inputs: Inputs) -> Option<BBox> {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for key in inputs.timeline.places() {
        match key.kind {
            PlaceKind::Town => points.extend(inputs.gazetteer.town(&key.id).map(|t| (t.lon, t.lat))),
            PlaceKind::Region => {
                if let Some(region) = inputs.layers.regions.iter().find(|r| r.names.id == key.id) {
                    points.extend(region.shape.0.iter().flat_map(|p| p.exterior().0.iter().map(|c| (c.x, c.y))));
                }
            }
        }
    }
    BBox::around(points).map(|b| b.padded(0.12, 4.0))
}

fn focus_countries(inputs: Inputs) -> Vec<String> {
    let mut focus: Vec<String> = inputs
        .timeline
        .places()
        .filter(|k| k.kind == PlaceKind::Town)
        .filter_map(|k| inputs.gazetteer.town(&k.id).map(|t| t.country.clone()))
        .collect();
    focus.sort();
    focus.dedup();
    focus
}

/// Marker radius by population: 4.2 to 7.5 units.
pub fn marker_radius(population: u64, u: Units) -> f64 {
    let scaled = 4.2 + 1.1 * ((population.max(1000) as f64) / 10_000.0).log10();
    u.of(scaled.clamp(4.2, 7.5))
}

fn tracked_towns(inputs: Inputs, view: &View, u: Units) -> BTreeMap<PlaceKey, Town> {
    inputs
        .timeline
        .places()
        .filter(|k| k.kind == PlaceKind::Town)
        .filter_map(|key| {
            let place = inputs.gazetteer.town(&key.id)?;
            let px = view.px(place.lon, place.lat);
            let km = view.albers.project(place.lon, place.lat);
            let radius = marker_radius(place.population, u);
            let (population, capital) = (place.population, place.capital);
            Some((key.clone(), Town { name: place.name.clone(), px, km, radius, population, capital }))
        })
        .collect()
}

fn tracked_regions(inputs: Inputs, view: &View, lang: Lang) -> BTreeMap<PlaceKey, RegionShape> {
    inputs
        .timeline
        .places()
        .filter(|k| k.kind == PlaceKind::Region)
        .filter_map(|key| {
            let region = inputs.layers.regions.iter().find(|r| r.names.id == key.id)?;
            let km = view.project_area(&region.shape);
            let point = km.interior_point()?;
            let label_at = view.km_to_px(point.x(), point.y());
            let outline_px =
                km.0.iter()
                    .flat_map(|p| p.exterior().0.iter().step_by(4))
                    .map(|c| view.km_to_px(c.x, c.y))
                    .chain([label_at])
                    .collect();
            Some((
                key.clone(),
                RegionShape {
                    name: if lang == Lang::Nl && !region.names.name_nl.is_empty() {
                        region.names.name_nl.clone()
                    } else {
                        region.names.name.clone()
                    },
                    path: basemap::area_path(view, &km),
                    km,
                    label_at,
                    outline_px,
                },
            ))
        })
        .collect()
}

/// Each tracked place's clip: its country's index in `clips` (1 + its position among the
/// countries in view), or 0 (all land) when its country is not in view or not known.
fn clip_indices(
    inputs: Inputs,
    towns: &BTreeMap<PlaceKey, Town>,
    countries: &[(String, MultiPolygon<f64>)],
) -> BTreeMap<PlaceKey, usize> {
    towns
        .keys()
        .map(|key| {
            let country = match key.kind {
                PlaceKind::Town => inputs.gazetteer.town(&key.id).map(|t| t.country.clone()),
                PlaceKind::Region => inputs.gazetteer.region(&key.id).map(|r| r.country.clone()),
            };
            let index = country.and_then(|c| countries.iter().position(|(iso, _)| *iso == c)).map_or(0, |i| i + 1);
            (key.clone(), index)
        })
        .collect()
}

/// A region too small to see at this scale (a camp, a district) is drawn as a town marker.
fn markers_for_tiny_regions(
    regions: &mut BTreeMap<PlaceKey, RegionShape>,
    towns: &mut BTreeMap<PlaceKey, Town>,
    view: &View,
    u: Units,
) {
    let tiny: Vec<PlaceKey> = regions
        .iter()
        .filter(|(_, r)| {
            let Some(b) = BBox::around(r.outline_px.iter().copied()) else { return true };
            b.lon1 - b.lon0 < u.of(14.0) && b.lat1 - b.lat0 < u.of(14.0)
        })
        .map(|(k, _)| k.clone())
        .collect();
    for key in tiny {
        if let Some(region) = regions.remove(&key) {
            let (x, y) = region.label_at;
            let km = ((x - view.origin.0) / view.scale, (view.origin.1 - y) / view.scale);
            let town = Town { name: region.name, px: (x, y), km, radius: u.of(4.6), population: 0, capital: false };
            towns.insert(key, town);
        }
    }
}

/// The largest untracked towns in view, drawn small for orientation (capitals and big cities).
fn context_cities(
    inputs: Inputs,
    view: &View,
    u: Units,
    tracked: &BTreeMap<PlaceKey, Town>,
    avoid: &[Rect],
) -> Vec<Town> {
    let f = view.frame;
    let mut candidates: Vec<&crate::places::Place> = inputs
        .gazetteer
        .places
        .iter()
        .filter(|p| !tracked.keys().any(|k| k.id == p.id))
        .filter(|p| {
            let (x, y) = view.px(p.lon, p.lat);
            x > f.x + 30.0 && x < f.x + f.width - 30.0 && y > f.y + 30.0 && y < f.y + f.height - 30.0
        })
        .collect();
    candidates.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.id.cmp(&b.id)));
    let mut chosen: Vec<Town> = Vec::new();
    for place in candidates.into_iter().take(60) {
        let px = view.px(place.lon, place.lat);
        let crowded = chosen.iter().chain(tracked.values()).any(|t| (t.px.0 - px.0).hypot(t.px.1 - px.1) < u.of(40.0))
            || avoid.iter().any(|r| r.intersects(&Rect::around(px.0, px.1, u.of(4.0))));
        if !crowded && place.population >= 150_000 {
            chosen.push(Town {
                name: place.name.clone(),
                px,
                km: view.albers.project(place.lon, place.lat),
                radius: u.of(2.6),
                population: place.population,
                capital: place.capital,
            });
        }
        if chosen.len() == 14 {
            break;
        }
    }
    chosen
}
