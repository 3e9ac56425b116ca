//! A map series: everything shared by its frames (projection, base map, label positions),
//! prepared once, and the scene of each month built from it.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use geo::{InteriorPoint, MultiPolygon};

use crate::date::{Date, YearMonth};
use crate::geometry::areas::{self, Areas, CellCache, Fill, Seed};
use crate::geometry::{BBox, View};
use crate::model::{PlaceKey, PlaceKind};
use crate::render::basemap::{self, Basemap};
use crate::render::caption;
use crate::render::labels::{self, Obstacle, Placed, Request};
use crate::render::legend;
use crate::render::marks;
use crate::render::scene::{Rect, Scene};
use crate::render::style::{Lang, Units};
use crate::render::svg;
use crate::timeline::{Snapshot, Status, Timeline};

pub use crate::render::frame::{FrameState, Inputs, Options, RegionShape, Series, Town, map_frame};

/// Why a series cannot be drawn.
#[derive(Debug, thiserror::Error)]
pub enum SeriesError {
    #[error("the box {0},{1},{2},{3} does not overlap the geodata (countries span {4:.1},{5:.1},{6:.1},{7:.1})")]
    OutsideData(f64, f64, f64, f64, f64, f64, f64, f64),
    #[error("the geodata has no countries to draw")]
    NoCountries,
}

/// How many of the map's biggest cities always get a label, and how big they must be.
const ESSENTIAL_CITIES: usize = 16;
const ESSENTIAL_POPULATION: u64 = 200_000;

impl<'a> Series<'a> {
    /// Prepares a series: fits the projection, builds the base map, places every label once.
    pub fn prepare(inputs: Inputs<'a>, options: Options) -> Result<Series<'a>, SeriesError> {
        let data_box = inputs.layers.countries_box().ok_or(SeriesError::NoCountries)?;
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
            None => crate::geometry::join::tracked_box(inputs.timeline.places(), inputs.gazetteer, inputs.layers)
                .unwrap_or(data_box),
        };
        let units = Units::for_size(options.width, options.height);
        let map = caption::map_area(map_frame(options.width, options.height), units, options.caption);
        let view = View::fit(bbox, map);
        let focus = focus_countries(inputs);
        let mut towns = tracked_towns(inputs, &view, units);
        let mut regions = tracked_regions(inputs, &view, options.lang);
        markers_for_tiny_regions(&mut regions, &mut towns, &view, units);
        let avoid: Vec<(f64, f64)> = towns.values().map(|t| t.px).collect();
        let occupied: Vec<(f64, f64)> =
            towns.values().map(|t| t.px).chain(regions.values().flat_map(|r| r.outline_px.iter().copied())).collect();
        let (legend_box, legend_corner) = legend::reserved_box(inputs, &options, &view, &occupied);
        // Country names stay clear of the legend and the scale bar drawn over the map.
        let keep_clear = [legend_box, legend::scale_bar_box(&view, units, legend_corner)];
        let Basemap { layer, land_km, countries_km, label_boxes } = basemap::build(
            inputs.layers,
            &view,
            (options.width, options.height),
            &focus,
            (&avoid, &keep_clear),
            options.lang,
        );
        let context = context_cities(inputs, &view, units, &towns, &label_boxes);
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
            cells: CellCache::default(),
            evidence: std::sync::OnceLock::new(),
            month_ends: MonthEnds::default(),
            subtitle: std::sync::OnceLock::new(),
            claim_texts: Default::default(),
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
        self.scene_since(frame, frame.month)
    }

    /// The scene of a frame that stands for the months from `first` to the frame's month (the
    /// title names them all); the map is the frame's.
    pub fn scene_since(&self, frame: &FrameState, first: YearMonth) -> Scene {
        let mut defs = marks::hatch_defs(self, frame);
        defs.sort_by_key(|d| format!("{d:?}"));
        defs.dedup();
        let layers = vec![
            marks::areas_layer(self, frame),
            marks::places_layer(self, frame),
            marks::labels_layer(self, frame),
            legend::legend_layer(self, frame),
            legend::frame_layer(self, frame, first),
            caption::caption_layer(self, frame),
        ];
        Scene { width: self.options.width, height: self.options.height, defs, layers }
    }

    /// What a frame looks like apart from its title, date and evidence counts (a hash of every
    /// other layer's markup): consecutive months with the same look show the same map.
    pub fn look(&self, frame: &FrameState) -> u64 {
        use std::hash::{Hash, Hasher};
        let scene = self.scene(frame);
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for def in &scene.defs {
            format!("{def:?}").hash(&mut hasher);
        }
        for layer in scene.layers.iter().filter(|l| l.id != "frame") {
            svg::layer_markup(layer).hash(&mut hasher);
        }
        hasher.finish()
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

    /// The derived control areas of a snapshot, in projected km.
    pub fn areas(&self, snapshot: &Snapshot) -> Areas {
        // The snapshot's states and the towns are both in key order (and `clip_of` has the
        // towns' keys): one walk along them instead of two lookups per town.
        let mut towns = self.towns.iter().zip(self.clip_of.values()).peekable();
        let seeds: Vec<Seed> = snapshot
            .states
            .iter()
            .filter(|(_, state)| !state.supporting.is_empty())
            .filter_map(|(key, state)| {
                while towns.next_if(|((town_key, _), _)| *town_key < key).is_some() {}
                let ((_, town), clip) = towns.next_if(|((town_key, _), _)| *town_key == key)?;
                let holder = state.holder.clone()?;
                let fill = match (state.status, &state.other) {
                    (Status::Contested | Status::Partial, Some(other)) => Fill::Shared(other.clone()),
                    _ => Fill::Solid,
                };
                Some(Seed { x: town.km.0, y: town.km.1, holder, fill, clip: Some(*clip), stale: state.stale })
            })
            .collect();
        areas::derive_with(&seeds, self.options.radius_km, &self.clips, &self.cells)
    }

    /// What the frame of a month shows: the state on the month's last day, what changed since
    /// the month before, the control areas and the evidence counts. Scenes, viewer data and
    /// exports are all made from it.
    pub fn frame(&self, month: YearMonth) -> FrameState {
        let timeline = self.inputs.timeline;
        // This month's end first, kept for the next month's frame (often drawn at the same time
        // on another thread); then the previous month's end, from that frame if it kept it.
        let snapshot = Arc::new(timeline.snapshot(month.last_day()));
        self.month_ends.keep(&snapshot);
        let before = month.first_day().add_days(-1);
        let previous = self.month_ends.take(before).unwrap_or_else(|| Arc::new(timeline.snapshot(before)));
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
        let (claims, articles) = self.evidence.get_or_init(|| EvidenceIndex::new(timeline)).counts(month);
        let diff = crate::timeline::between(timeline, &previous, &snapshot);
        FrameState { month, snapshot, changed, areas, claims, articles, diff }
    }
}

/// The states at the end of recently drawn months, each kept until the next month's frame takes
/// it as its "before" (a snapshot is a pure function of its date, so taking it or resolving it
/// again gives the same frame). At most [`MonthEnds::KEPT`] are kept: the oldest go first.
#[derive(Default)]
pub struct MonthEnds {
    snapshots: Mutex<BTreeMap<Date, Arc<Snapshot>>>,
}

impl MonthEnds {
    /// A few more than the months drawn at once.
    const KEPT: usize = 16;

    fn keep(&self, snapshot: &Arc<Snapshot>) {
        let mut kept = self.snapshots.lock().unwrap_or_else(|e| e.into_inner());
        kept.insert(snapshot.date, snapshot.clone());
        while kept.len() > Self::KEPT {
            kept.pop_first();
        }
    }

    fn take(&self, date: Date) -> Option<Arc<Snapshot>> {
        self.snapshots.lock().unwrap_or_else(|e| e.into_inner()).remove(&date)
    }
}

/// When each claim and each article starts to count, sorted, so that a month's evidence counts
/// are two binary searches instead of a pass over every claim (the same numbers as
/// [`evidence_counts`]).
pub struct EvidenceIndex {
    /// The last day of every applied claim.
    claim_ends: Vec<crate::date::Date>,
    /// For every article, the earliest last day of an applied claim citing it.
    article_firsts: Vec<crate::date::Date>,
}

impl EvidenceIndex {
    pub fn new(timeline: &Timeline) -> EvidenceIndex {
        let mut claim_ends = Vec::new();
        let mut firsts: std::collections::HashMap<&str, crate::date::Date> = std::collections::HashMap::new();
        let applied = timeline.claims.iter().enumerate().filter(|(i, _)| timeline.is_applied(*i)).map(|(_, c)| c);
        for claim in applied {
            claim_ends.push(claim.date.end);
            for source in &claim.sources {
                let first = firsts.entry(source.article.as_str()).or_insert(claim.date.end);
                *first = (*first).min(claim.date.end);
            }
        }
        claim_ends.sort_unstable();
        let mut article_firsts: Vec<crate::date::Date> = firsts.into_values().collect();
        article_firsts.sort_unstable();
        EvidenceIndex { claim_ends, article_firsts }
    }

    /// The claims counted by the end of a month, and the articles they cite.
    pub fn counts(&self, month: YearMonth) -> (usize, usize) {
        let end = month.last_day();
        (self.claim_ends.partition_point(|d| *d <= end), self.article_firsts.partition_point(|d| *d <= end))
    }
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

/// The tracked regions and countries as areas: a region's polygon from the regions layer, a
/// country's outline from the countries layer of the map (drawn like a region).
fn tracked_regions(inputs: Inputs, view: &View, lang: Lang) -> BTreeMap<PlaceKey, RegionShape> {
    inputs
        .timeline
        .places()
        .filter(|k| k.kind == PlaceKind::Region)
        .filter_map(|key| {
            let region = inputs.layers.regions.iter().find(|r| r.names.id == key.id)?;
            let name = if lang == Lang::Nl && !region.names.name_nl.is_empty() {
                region.names.name_nl.clone()
            } else {
                region.names.name.clone()
            };
            Some((key.clone(), area_shape(view, &region.shape, name)?))
        })
        .chain(tracked_countries(inputs, view, lang))
        .collect()
}

/// The tracked countries that the map's countries layer holds (those touching the view).
fn tracked_countries<'i>(
    inputs: Inputs<'i>,
    view: &'i View,
    lang: Lang,
) -> impl Iterator<Item = (PlaceKey, RegionShape)> + 'i {
    inputs.timeline.places().filter(|k| k.kind == PlaceKind::Country).filter_map(move |key| {
        let country = inputs.layers.countries.iter().find(|c| c.iso.eq_ignore_ascii_case(&key.id))?;
        let name = match crate::places::countries::by_code(&key.id) {
            Some(c) => c.name_in(lang == Lang::Nl).to_string(),
            None if lang == Lang::Nl && !country.name_nl.is_empty() => country.name_nl.clone(),
            None => country.name.clone(),
        };
        Some((key.clone(), area_shape(view, &country.shape, name)?))
    })
}

/// An area (lon/lat) as the map draws it: projected, its path, a label point inside it, and
/// points of its outline for label placement.
fn area_shape(view: &View, shape: &MultiPolygon<f64>, name: String) -> Option<RegionShape> {
    let km = view.project_area(shape);
    let point = km.interior_point()?;
    let label_at = view.km_to_px(point.x(), point.y());
    let outline_px =
        km.0.iter()
            .flat_map(|p| p.exterior().0.iter().step_by(4))
            .map(|c| view.km_to_px(c.x, c.y))
            .chain([label_at])
            .collect();
    Some(RegionShape { name, path: basemap::area_path(view, &km), km, label_at, outline_px })
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
                PlaceKind::Country => Some(key.id.to_string()),
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
    let tracked_ids: std::collections::HashSet<&str> = tracked.keys().map(|k| k.id.as_str()).collect();
    let mut candidates: Vec<&crate::places::Place> = inputs
        .gazetteer
        .places
        .iter()
        .filter(|p| !tracked_ids.contains(p.id.as_str()))
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
