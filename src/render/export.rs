//! The series as data: per month a GeoJSON FeatureCollection (RFC 7946) of the places, the
//! derived control areas and the front lines, and a CSV timeline with one row per month and
//! drawn place. It lives in `render` because it is one more output of a frame beside SVG and PNG:
//! it reads the same prepared [`Series`] (projection, areas, frame info), so it matches the maps.

use geo::{Coord, InteriorPoint, MapCoords, MultiLineString, MultiPolygon};
use serde::Serialize;

use crate::date::{Date, YearMonth};
use crate::geometry::areas::{Areas, Fill};
use crate::geometry::rfc7946::{self, Geometry};
use crate::model::{Modality, PlaceKey, PlaceKind};
use crate::render::info::{FrameInfo, PlaceInfo};
use crate::render::series::Series;
use crate::render::style::{self, words};
use crate::text::CsvWriter;

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write the CSV timeline: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write GeoJSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// What one month exports: the drawn places (as the map shows them) and the derived areas.
pub struct MonthData {
    pub info: FrameInfo,
    pub areas: Areas,
}

impl MonthData {
    /// Collects a month's data from the series: the state on the month's last day.
    pub fn new(series: &Series, month: YearMonth) -> MonthData {
        let frame = series.frame(month);
        MonthData { info: series.frame_info(&frame), areas: frame.areas }
    }

    /// The drawn places ordered by place id (then kind): the export order.
    pub fn places(&self) -> Vec<&PlaceInfo> {
        let mut places: Vec<&PlaceInfo> = self.info.places.iter().collect();
        places.sort_by(|a, b| (&a.place_id, a.kind).cmp(&(&b.place_id, b.kind)));
        places
    }
}

/// Metadata of a month's collection: a "foreign member" (RFC 7946 §6.1) named `controlmap`.
#[derive(Debug, Serialize)]
struct Meta<'a> {
    month: YearMonth,
    date: Date,
    title: &'a str,
    claims: usize,
    articles: usize,
    radius_km: f64,
    area_rule: String,
    attribution: &'a str,
}

#[derive(Debug, Serialize)]
struct Feature<P: Serialize> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: String,
    geometry: Option<Geometry>,
    properties: P,
}

impl<P: Serialize> Feature<P> {
    fn new(id: String, geometry: Option<Geometry>, properties: P) -> Feature<P> {
        Feature { kind: "Feature", id, geometry, properties }
    }
}

/// A drawn place: a point for a town, the polygon for a region.
#[derive(Debug, Serialize)]
struct PlaceProperties<'a> {
    layer: &'static str,
    month: YearMonth,
    date: Date,
    place_id: &'a str,
    name: &'a str,
    kind: PlaceKind,
    holder: Option<&'a str>,
    holder_name: Option<&'a str>,
    color: String,
    status: &'a str,
    other: Option<&'a str>,
    since: Option<&'a str>,
    last_evidence: Option<Date>,
    age_days: Option<i64>,
    stale: bool,
    certainty: Modality,
    conflict: bool,
    changed: bool,
    sources: String,
    /// Distinct publishers, domains or articles behind the state.
    independent_sources: usize,
}

/// A derived control area: one holder with one fill.
#[derive(Debug, Serialize)]
struct AreaProperties<'a> {
    layer: &'static str,
    month: YearMonth,
    date: Date,
    holder: &'a str,
    holder_name: String,
    color: String,
    fill: String,
    /// The area's towns rest only on evidence over six months old (drawn fainter on the maps).
    stale: bool,
    area_km2: f64,
}

/// The front lines: edges between cells of different holders.
#[derive(Debug, Serialize)]
struct FrontProperties {
    layer: &'static str,
    month: YearMonth,
    date: Date,
}

/// One month as an RFC 7946 FeatureCollection, one feature per line: the places (layer
/// `place`), the control areas (layer `area`) and the front lines (layer `front`), in lon/lat
/// with 5 decimals. No `crs` member; the area rule and the credits are in the `controlmap` member.
pub fn geojson(series: &Series, data: &MonthData) -> Result<String, ExportError> {
    let info = &data.info;
    let meta = Meta {
        month: info.month,
        date: info.date,
        title: &info.title,
        claims: info.claims,
        articles: info.articles,
        radius_km: series.options.radius_km,
        area_rule: words(series.options.lang).rule.replace("{R}", &format!("{}", series.options.radius_km)),
        attribution: series.inputs.attribution,
    };
    let mut features: Vec<String> = Vec::new();
    for place in data.places() {
        features.push(serde_json::to_string(&place_feature(series, info, place))?);
    }
    for feature in area_features(series, info, &data.areas) {
        features.push(serde_json::to_string(&feature)?);
    }
    if let Some(feature) = front_feature(series, info, &data.areas) {
        features.push(serde_json::to_string(&feature)?);
    }
    let head = format!(r#"{{"type":"FeatureCollection","controlmap":{},"features":["#, serde_json::to_string(&meta)?);
    if features.is_empty() {
        return Ok(format!("{head}]}}\n"));
    }
    Ok(format!("{head}\n{}\n]}}\n", features.join(",\n")))
}

fn place_feature<'a>(series: &Series, info: &FrameInfo, place: &'a PlaceInfo) -> Feature<PlaceProperties<'a>> {
    let key = PlaceKey { kind: place.kind, id: place.place_id.as_str().into() };
    let geometry = match key.kind {
        PlaceKind::Town => place_position(series, &key).and_then(|(lon, lat)| rfc7946::point(lon, lat)),
        PlaceKind::Region => region_shape(series, &key.id).and_then(rfc7946::area),
        PlaceKind::Country => country_shape(series, &key.id).and_then(rfc7946::area),
    };
    let properties = PlaceProperties {
        layer: "place",
        month: info.month,
        date: info.date,
        place_id: &place.place_id,
        name: &place.name,
        kind: place.kind,
        holder: place.holder.as_deref(),
        holder_name: place.holder_name.as_deref(),
        color: place.holder.as_deref().map_or_else(|| style::UNKNOWN.to_string(), |h| series.color(h)),
        status: &place.status,
        other: place.other.as_deref(),
        since: place.since.as_deref(),
        last_evidence: place.last_evidence,
        age_days: place.age_days,
        stale: place.stale,
        certainty: place.certainty,
        conflict: place.conflict,
        changed: place.changed,
        sources: sources(place),
        independent_sources: place.independent_sources,
    };
    Feature::new(place.id.clone(), geometry, properties)
}

fn area_features<'a>(series: &Series, info: &FrameInfo, areas: &'a Areas) -> Vec<Feature<AreaProperties<'a>>> {
    areas
        .areas
        .iter()
        .filter_map(|area| {
            let geometry = rfc7946::area(&unproject_area(series, &area.shape))?;
            let fill = fill_name(&area.fill);
            let properties = AreaProperties {
                layer: "area",
                month: info.month,
                date: info.date,
                holder: &area.holder,
                holder_name: series.faction_name(&area.holder),
                color: series.color(&area.holder),
                fill: fill.clone(),
                stale: area.stale,
                area_km2: (area.km2 * 10.0).round() / 10.0,
            };
            let age = if area.stale { "-stale" } else { "" };
            let id = format!("area-{}-{}{age}", area.holder, fill.replace(':', "-"));
            Some(Feature::new(id, Some(geometry), properties))
        })
        .collect()
}

fn front_feature(series: &Series, info: &FrameInfo, areas: &Areas) -> Option<Feature<FrontProperties>> {
    let albers = series.view.albers;
    let lines = MultiLineString::new(areas.fronts.clone()).map_coords(|c| lonlat(&albers, c));
    let geometry = rfc7946::lines(&lines)?;
    Some(Feature::new(
        "fronts".into(),
        Some(geometry),
        FrontProperties { layer: "front", month: info.month, date: info.date },
    ))
}

/// `solid`, or `shared:OTHER` for an area contested with or partly held by OTHER.
pub fn fill_name(fill: &Fill) -> String {
    match fill {
        Fill::Solid => "solid".into(),
        Fill::Shared(other) => format!("shared:{other}"),
    }
}

/// The sources of the claims behind a place's state, `;`-joined, sorted and unique.
fn sources(place: &PlaceInfo) -> String {
    let mut sources: Vec<&str> = place
        .claims
        .iter()
        .filter(|c| c.role == "supports")
        .flat_map(|c| c.claim.sources.iter().map(String::as_str))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    sources.join(";")
}

fn lonlat(albers: &crate::geometry::projection::Albers, c: Coord<f64>) -> Coord<f64> {
    let (lon, lat) = albers.unproject(c.x, c.y);
    Coord { x: lon, y: lat }
}

/// Projected km polygons back to lon/lat.
fn unproject_area(series: &Series, shape: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let albers = series.view.albers;
    shape.map_coords(|c| lonlat(&albers, c))
}

/// A region's polygon (lon/lat) from the geodata.
fn region_shape<'a>(series: &'a Series, id: &str) -> Option<&'a MultiPolygon<f64>> {
    series.inputs.layers.regions.iter().find(|r| r.names.id == id).map(|r| &r.shape)
}

/// A country's outline (lon/lat) from the world countries layer of the map (only countries that
/// touch the view are loaded).
fn country_shape<'a>(series: &'a Series, code: &str) -> Option<&'a MultiPolygon<f64>> {
    series.inputs.layers.countries.iter().find(|c| c.iso.eq_ignore_ascii_case(code)).map(|c| &c.shape)
}

/// Where a place is, in lon/lat: a town's gazetteer position, a point inside a region, or a
/// country's label point.
pub fn place_position(series: &Series, key: &PlaceKey) -> Option<(f64, f64)> {
    match key.kind {
        PlaceKind::Town => series.inputs.gazetteer.town(&key.id).map(|t| (t.lon, t.lat)),
        PlaceKind::Region => region_shape(series, &key.id)?.interior_point().map(|p| (p.x(), p.y())),
        PlaceKind::Country => crate::places::countries::by_code(&key.id).map(|c| (c.lon, c.lat)),
    }
}

/// One row of the CSV timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CsvRow {
    pub month: YearMonth,
    pub place_id: String,
    pub place: String,
    pub kind: PlaceKind,
    /// Degrees with 5 decimals (a point inside the area for a region).
    pub lon: String,
    pub lat: String,
    pub holder: String,
    pub status: String,
    pub other: String,
    pub since: String,
    pub last_evidence: String,
    pub age_days: Option<i64>,
    pub stale: bool,
    pub certainty: Modality,
    pub conflict: bool,
    /// `;`-joined `ARTICLE#SENTENCE` references of the claims behind the state.
    pub sources: String,
    /// Distinct publishers, domains or articles behind the state.
    pub independent_sources: usize,
}

/// The CSV rows of one month, one per drawn place, ordered by place id.
pub fn csv_rows(series: &Series, data: &MonthData) -> Vec<CsvRow> {
    data.places()
        .into_iter()
        .map(|place| {
            let key = PlaceKey { kind: place.kind, id: place.place_id.as_str().into() };
            let (lon, lat) = place_position(series, &key)
                .map_or((String::new(), String::new()), |(lon, lat)| (format!("{lon:.5}"), format!("{lat:.5}")));
            CsvRow {
                month: data.info.month,
                place_id: place.place_id.clone(),
                place: place.name.clone(),
                kind: place.kind,
                lon,
                lat,
                holder: place.holder.clone().unwrap_or_default(),
                status: place.status.clone(),
                other: place.other.clone().unwrap_or_default(),
                since: place.since.clone().unwrap_or_default(),
                last_evidence: place.last_evidence.map(|d| d.to_string()).unwrap_or_default(),
                age_days: place.age_days,
                stale: place.stale,
                certainty: place.certainty,
                conflict: place.conflict,
                sources: sources(place),
                independent_sources: place.independent_sources,
            }
        })
        .collect()
}

/// The CSV timeline: a header and the rows, in the order given; formula cells neutralised
/// ([`crate::text::formula_safe`]).
pub fn csv(rows: &[CsvRow]) -> Result<String, ExportError> {
    let mut writer = CsvWriter::new(Vec::new());
    writer.write_record(CSV_HEADER)?;
    for row in rows {
        writer.serialize(row)?;
    }
    let bytes = writer.into_inner().map_err(csv::Error::from)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 17] = [
    "month",
    "place_id",
    "place",
    "kind",
    "lon",
    "lat",
    "holder",
    "status",
    "other",
    "since",
    "last_evidence",
    "age_days",
    "stale",
    "certainty",
    "conflict",
    "sources",
    "independent_sources",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_timeline_still_has_its_header() {
        assert_eq!(csv(&[]).unwrap(), format!("{}\n", CSV_HEADER.join(",")));
    }

    #[test]
    fn the_header_names_the_row_fields_and_formula_cells_are_neutralised() {
        let row = CsvRow {
            month: YearMonth { year: 2017, month: 10 },
            place_id: "raqqa".into(),
            place: "=1+1".into(),
            kind: PlaceKind::Town,
            lon: "39.00000".into(),
            lat: "-35.95000".into(),
            holder: "sdf".into(),
            status: "held".into(),
            other: "@is".into(),
            since: "2017-10".into(),
            last_evidence: "2017-10-17".into(),
            age_days: Some(14),
            stale: false,
            certainty: Modality::Fact,
            conflict: false,
            sources: "-a.txt#3".into(),
            independent_sources: 1,
        };
        let mut serde_writer = csv::Writer::from_writer(Vec::new());
        serde_writer.serialize(&row).unwrap();
        let serde_text = String::from_utf8(serde_writer.into_inner().unwrap()).unwrap();
        let text = csv(&[row]).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], serde_text.lines().next().unwrap());
        assert_eq!(
            lines[1],
            "2017-10,raqqa,'=1+1,town,39.00000,-35.95000,sdf,held,'@is,2017-10,2017-10-17,14,false,fact,false,'-a.txt#3,1"
        );
    }

    #[test]
    fn fills_are_named() {
        assert_eq!(fill_name(&Fill::Solid), "solid");
        assert_eq!(fill_name(&Fill::Shared("sdf".into())), "shared:sdf");
    }
}
