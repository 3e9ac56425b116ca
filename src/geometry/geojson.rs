//! Reading GeoJSON feature collections into `geo` shapes, checked as they load: closed rings,
//! coordinates in range, rings oriented by RFC 7946's right-hand rule (fixed, not rejected).

use geo::orient::{Direction, Orient};
use geo::{Coord, LineString, MultiLineString, MultiPolygon, Polygon};
use serde_json::{Map, Value};

use crate::model::Diagnostic;

/// A feature's shape.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Area(MultiPolygon<f64>),
    Line(MultiLineString<f64>),
    Point(Coord<f64>),
}

/// One feature: its position in the file, its properties and its shape.
#[derive(Debug, Clone)]
pub struct Feature {
    pub index: usize,
    pub properties: Map<String, Value>,
    pub shape: Shape,
}

impl Feature {
    /// A string property, or "" when missing.
    pub fn text(&self, key: &str) -> &str {
        self.properties.get(key).and_then(Value::as_str).unwrap_or("")
    }

    /// A list-of-strings property (a JSON array, or a `|`-separated string).
    pub fn texts(&self, key: &str) -> Vec<String> {
        match self.properties.get(key) {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_string).collect(),
            Some(Value::String(s)) => s.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect(),
            _ => Vec::new(),
        }
    }

    /// How messages name the feature: its index and its id or name.
    pub fn label(&self) -> String {
        label(self.index, &self.properties)
    }
}

fn label(index: usize, properties: &Map<String, Value>) -> String {
    let name = ["id", "name", "iso_3166_2", "iso_a2"].iter().find_map(|k| properties.get(*k).and_then(Value::as_str));
    match name {
        Some(name) => format!("feature {index} ({name})"),
        None => format!("feature {index}"),
    }
}

/// Parses a FeatureCollection. Features without geometry are skipped with a warning.
pub fn parse(file: &str, text: &str) -> Result<(Vec<Feature>, Vec<Diagnostic>), Diagnostic> {
    let root: Value = serde_json::from_str(text)
        .map_err(|e| Diagnostic::error(file, Some(e.line()), None, format!("invalid JSON: {e}")))?;
    if root.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err(Diagnostic::error(file, None, Some("type"), "expected a GeoJSON FeatureCollection"));
    }
    let Some(items) = root.get("features").and_then(Value::as_array) else {
        return Err(Diagnostic::error(file, None, Some("features"), "a FeatureCollection needs a \"features\" array"));
    };
    let mut features = Vec::with_capacity(items.len());
    let mut warnings = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let properties = item.get("properties").and_then(Value::as_object).cloned().unwrap_or_default();
        let fail = |message: String| Diagnostic::error(file, None, Some(&label(index, &properties)), message);
        match item.get("geometry") {
            None | Some(Value::Null) => {
                warnings.push(Diagnostic::warning(file, None, Some(&label(index, &properties)), "has no geometry; skipped"));
            }
            Some(geometry) => {
                let shape = parse_geometry(geometry).map_err(fail)?;
                features.push(Feature { index, properties, shape });
            }
        }
    }
    Ok((features, warnings))
}

fn parse_geometry(geometry: &Value) -> Result<Shape, String> {
    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("");
    let coordinates = geometry.get("coordinates").ok_or("geometry has no coordinates")?;
    match kind {
        "Polygon" => Ok(Shape::Area(MultiPolygon::new(vec![polygon(coordinates)?]))),
        "MultiPolygon" => {
            let parts = array(coordinates, "MultiPolygon")?.iter().map(polygon).collect::<Result<Vec<_>, _>>()?;
            Ok(Shape::Area(MultiPolygon::new(parts)))
        }
        "LineString" => Ok(Shape::Line(MultiLineString::new(vec![line(coordinates, 2)?]))),
        "MultiLineString" => {
            let parts = array(coordinates, "MultiLineString")?.iter().map(|l| line(l, 2)).collect::<Result<Vec<_>, _>>()?;
            Ok(Shape::Line(MultiLineString::new(parts)))
        }
        "Point" => position(coordinates).map(Shape::Point),
        other => Err(format!("unsupported geometry type {other:?}")),
    }
}

fn array<'a>(value: &'a Value, what: &str) -> Result<&'a Vec<Value>, String> {
    value.as_array().ok_or_else(|| format!("{what} coordinates must be an array"))
}

fn position(value: &Value) -> Result<Coord<f64>, String> {
    let pair = value.as_array().filter(|p| p.len() >= 2).ok_or("a position must be [lon, lat]")?;
    let lon = pair[0].as_f64().filter(|v| v.is_finite()).ok_or("longitude is not a number")?;
    let lat = pair[1].as_f64().filter(|v| v.is_finite()).ok_or("latitude is not a number")?;
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(format!("position [{lon}, {lat}] is out of range (lon -180..180, lat -90..90)"));
    }
    Ok(Coord { x: lon, y: lat })
}

fn line(value: &Value, min: usize) -> Result<LineString<f64>, String> {
    let coords = array(value, "line")?.iter().map(position).collect::<Result<Vec<_>, _>>()?;
    if coords.len() < min {
        return Err(format!("a line needs at least {min} positions, found {}", coords.len()));
    }
    Ok(LineString::new(coords))
}

fn polygon(value: &Value) -> Result<Polygon<f64>, String> {
    let rings = array(value, "Polygon")?;
    let mut parsed = Vec::with_capacity(rings.len());
    for (i, ring) in rings.iter().enumerate() {
        let ring = line(ring, 4).map_err(|e| format!("ring {i}: {e}"))?;
        if ring.0.first() != ring.0.last() {
            return Err(format!("ring {i} is not closed (its first and last positions differ)"));
        }
        parsed.push(ring);
    }
    let mut rings = parsed.into_iter();
    let exterior = rings.next().ok_or("a Polygon needs at least one ring")?;
    Ok(Polygon::new(exterior, rings.collect()).orient(Direction::Default))
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Winding;

    #[test]
    fn orients_rings_counter_clockwise() {
        let clockwise = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"x"},
            "geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}}]}"#;
        let (features, _) = parse("r.geojson", clockwise).unwrap();
        let Shape::Area(area) = &features[0].shape else { panic!() };
        assert!(area.0[0].exterior().is_ccw());
    }

    #[test]
    fn errors_name_the_file_and_the_feature() {
        let open_ring = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Yarmouk"},
            "geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0]]]}}]}"#;
        let e = parse("regions.geojson", open_ring).unwrap_err();
        assert_eq!(e.to_string(), "regions.geojson: feature 0 (Yarmouk): ring 0 is not closed (its first and last positions differ)");
        let far = open_ring.replace("[1,0]]", "[1,0],[0,0]]").replace("[0,1]", "[0,100]");
        assert!(parse("r.geojson", &far).unwrap_err().message.contains("out of range"));
        let syntax = parse("r.geojson", "{\n\"type\": ").unwrap_err();
        assert_eq!(syntax.line, Some(2));
        assert!(parse("r.geojson", "[]").unwrap_err().message.contains("FeatureCollection"));
    }

    #[test]
    fn features_without_geometry_are_skipped_with_a_warning() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}"#;
        let (features, warnings) = parse("r.geojson", text).unwrap();
        assert!(features.is_empty());
        assert_eq!(warnings.len(), 1);
    }
}
