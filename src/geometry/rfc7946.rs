//! Writing lon/lat shapes as RFC 7946 GeoJSON geometries: positions rounded to a fixed
//! precision, consecutive duplicates dropped, rings closed with at least four positions,
//! exteriors counter-clockwise and holes clockwise (the right-hand rule), zero-width spikes
//! (a ring that runs out and back along itself, as polygon clipping can leave along shared
//! borders) cut off, and degenerate rings removed.

use geo::{Coord, LineString, MultiLineString, MultiPolygon, Polygon, Validation, unary_union};
use serde::Serialize;

use crate::geometry::simple::crossing_free;

/// Decimals kept in exported coordinates: 5 is about 1 m.
pub const DECIMALS: i32 = 5;

/// A position, `[lon, lat]`.
pub type Position = [f64; 2];

/// An RFC 7946 geometry object (`{"type": "...", "coordinates": ...}`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "coordinates")]
pub enum Geometry {
    Point(Position),
    Polygon(Vec<Vec<Position>>),
    MultiPolygon(Vec<Vec<Vec<Position>>>),
    MultiLineString(Vec<Vec<Position>>),
}

/// Rounds a value to [`DECIMALS`] decimals.
pub fn round(value: f64) -> f64 {
    let scale = 10f64.powi(DECIMALS);
    let rounded = (value * scale).round() / scale;
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// A rounded position.
pub fn position(lon: f64, lat: f64) -> Position {
    [round(lon), round(lat)]
}

/// A point geometry, or `None` when the coordinates are not a lon/lat.
pub fn point(lon: f64, lat: f64) -> Option<Geometry> {
    in_range(lon, lat).then(|| Geometry::Point(position(lon, lat)))
}

/// Rounds to the grid, then repairs what rounding broke (see [`valid_rounded_parts`]).
const REPAIR_ROUNDS: usize = 4;

/// A polygon geometry from lon/lat polygons: a `Polygon` for one part, a `MultiPolygon` for
/// several, `None` when nothing valid remains after rounding. The result is valid (OGC simple
/// features, as `geo`'s validation checks): see [`valid_rounded_parts`].
pub fn area(shape: &MultiPolygon<f64>) -> Option<Geometry> {
    let mut parts = valid_rounded_parts(shape);
    match parts.len() {
        0 => None,
        1 => parts.pop().map(Geometry::Polygon),
        _ => Some(Geometry::MultiPolygon(parts)),
    }
}

/// A multi-line geometry from lon/lat lines; lines shorter than two distinct positions are dropped.
pub fn lines(shape: &MultiLineString<f64>) -> Option<Geometry> {
    let parts: Vec<Vec<Position>> = shape.0.iter().map(positions).filter(|line| line.len() >= 2).collect();
    (!parts.is_empty()).then_some(Geometry::MultiLineString(parts))
}

/// The parts of `shape` (a valid multipolygon) rounded to [`DECIMALS`]. Rounding moves vertices
/// by up to half a unit, which can make a ring cross itself or two parts share an edge where they
/// came within a metre of each other (found by [`crossing_free`]); such a result is unioned again (an OGC overlay, which resolves crossings and
/// merges touching parts) and rounded again, until it is valid. Parts still invalid after
/// [`REPAIR_ROUNDS`] rounds (not seen in practice) are left out rather than exported broken.
fn valid_rounded_parts(shape: &MultiPolygon<f64>) -> Vec<Vec<Vec<Position>>> {
    let mut parts: Vec<Vec<Vec<Position>>> = shape.0.iter().filter_map(polygon).collect();
    for _ in 0..REPAIR_ROUNDS {
        if crossing_free(&parts) {
            return parts;
        }
        let rounded = to_multipolygon(&parts);
        parts = unary_union(std::iter::once(&rounded)).0.iter().filter_map(polygon).collect();
    }
    let valid: Vec<Polygon<f64>> = to_multipolygon(&parts).0.into_iter().filter(Validation::is_valid).collect();
    let mut kept: Vec<Polygon<f64>> = Vec::new();
    for part in valid {
        kept.push(part);
        if !MultiPolygon::new(kept.clone()).is_valid() {
            kept.pop();
        }
    }
    kept.iter().filter_map(polygon).collect()
}

/// Rounded rings back as `geo` polygons, to check and repair them.
fn to_multipolygon(parts: &[Vec<Vec<Position>>]) -> MultiPolygon<f64> {
    let line = |ring: &Vec<Position>| LineString::new(ring.iter().map(|&[x, y]| Coord { x, y }).collect());
    MultiPolygon::new(
        parts.iter().map(|rings| Polygon::new(line(&rings[0]), rings[1..].iter().map(line).collect())).collect(),
    )
}

/// One polygon's rings: the exterior counter-clockwise, holes clockwise; `None` if the exterior degenerates.
fn polygon(polygon: &Polygon<f64>) -> Option<Vec<Vec<Position>>> {
    let exterior = ring(polygon.exterior(), true)?;
    let holes = polygon.interiors().iter().filter_map(|hole| ring(hole, false));
    Some(std::iter::once(exterior).chain(holes).collect())
}

/// A closed ring of at least four rounded positions with a non-zero area, turned the requested way.
fn ring(line: &LineString<f64>, counter_clockwise: bool) -> Option<Vec<Position>> {
    let mut points = positions(line);
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    remove_spikes(&mut points);
    if points.len() < 3 {
        return None;
    }
    let area = signed_area(&points);
    if area == 0.0 {
        return None;
    }
    if (area > 0.0) != counter_clockwise {
        points.reverse();
    }
    points.push(points[0]);
    Some(points)
}

/// Rounded positions of a line in range, without consecutive duplicates.
fn positions(line: &LineString<f64>) -> Vec<Position> {
    let mut out: Vec<Position> = Vec::with_capacity(line.0.len());
    for &Coord { x, y } in &line.0 {
        if !in_range(x, y) {
            continue;
        }
        let p = position(x, y);
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// Removes, from an open ring, every vertex where the ring turns straight back on itself (a
/// zero-width spike) and the duplicates that leaves, until none is left. Positions are rounded,
/// so the test is exact in units of the last decimal.
fn remove_spikes(points: &mut Vec<Position>) {
    let scale = 10f64.powi(DECIMALS);
    let units = |p: &Position| ((p[0] * scale).round() as i64, (p[1] * scale).round() as i64);
    loop {
        points.dedup();
        while points.len() > 1 && points.first() == points.last() {
            points.pop();
        }
        let n = points.len();
        if n < 3 {
            return;
        }
        let reversal = (0..n).find(|&i| {
            let (a, b, c) = (units(&points[(i + n - 1) % n]), units(&points[i]), units(&points[(i + 1) % n]));
            let (u, v) = ((b.0 - a.0, b.1 - a.1), (c.0 - b.0, c.1 - b.1));
            u.0 * v.1 - u.1 * v.0 == 0 && u.0 * v.0 + u.1 * v.1 < 0
        });
        match reversal {
            Some(i) => {
                points.remove(i);
            }
            None => return,
        }
    }
}

/// Twice the signed area of an open ring (shoelace); positive when counter-clockwise.
fn signed_area(points: &[Position]) -> f64 {
    let n = points.len();
    (0..n).map(|i| points[i][0] * points[(i + 1) % n][1] - points[(i + 1) % n][0] * points[i][1]).sum()
}

fn in_range(lon: f64, lat: f64) -> bool {
    lon.is_finite() && lat.is_finite() && (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_that_rounding_makes_share_an_edge_are_merged_into_one_valid_polygon() {
        let square = |x0: f64, x1: f64| {
            Polygon::new(
                LineString::new(vec![
                    Coord { x: x0, y: 30.0 },
                    Coord { x: x1, y: 30.0 },
                    Coord { x: x1, y: 31.0 },
                    Coord { x: x0, y: 31.0 },
                    Coord { x: x0, y: 30.0 },
                ]),
                vec![],
            )
        };
        let apart = MultiPolygon::new(vec![square(40.0, 41.0), square(41.000_001, 42.0)]);
        assert!(apart.is_valid(), "a metre apart before rounding");
        let Some(Geometry::Polygon(rings)) = area(&apart) else { panic!("one polygon after rounding") };
        let exported = to_multipolygon(std::slice::from_ref(&rings));
        assert!(exported.is_valid(), "{rings:?}");
        assert!((geo::Area::unsigned_area(&exported) - 2.0).abs() < 1e-9);
    }
    use geo::polygon;

    #[test]
    fn rings_are_closed_rounded_and_follow_the_right_hand_rule() {
        // A clockwise exterior with a counter-clockwise hole: both get turned.
        let shape = MultiPolygon::new(vec![polygon!(
            exterior: [(x: 40.0, y: 35.0), (x: 40.0, y: 36.0), (x: 41.000004, y: 36.0), (x: 41.0, y: 35.0)],
            interiors: [[(x: 40.2, y: 35.2), (x: 40.8, y: 35.2), (x: 40.8, y: 35.8), (x: 40.2, y: 35.8)]],
        )]);
        let Some(Geometry::Polygon(rings)) = area(&shape) else { panic!("one polygon") };
        assert_eq!(rings[0].len(), 5);
        assert_eq!(rings[0][0], rings[0][4], "closed");
        assert!(signed_area(&rings[0][..4]) > 0.0, "exterior counter-clockwise");
        assert!(signed_area(&rings[1][..4]) < 0.0, "hole clockwise");
        assert!(rings[0].iter().any(|p| p == &[41.0, 36.0]), "rounded to 5 decimals: {rings:?}");
    }

    #[test]
    fn degenerate_rings_and_parts_are_dropped() {
        let sliver = polygon![(x: 40.0, y: 35.0), (x: 40.000001, y: 35.0), (x: 40.0, y: 35.000001)];
        let square = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
        assert_eq!(area(&MultiPolygon::new(vec![sliver.clone()])), None);
        assert!(matches!(area(&MultiPolygon::new(vec![sliver, square.clone()])), Some(Geometry::Polygon(_))));
        let far = polygon![(x: 2.0, y: 0.0), (x: 3.0, y: 0.0), (x: 3.0, y: 1.0), (x: 2.0, y: 1.0)];
        assert!(matches!(area(&MultiPolygon::new(vec![square.clone(), far])), Some(Geometry::MultiPolygon(_))));
        // Overlapping parts (an invalid multipolygon) are merged into one valid polygon.
        assert!(matches!(area(&MultiPolygon::new(vec![square.clone(), square])), Some(Geometry::Polygon(_))));
    }

    #[test]
    fn spikes_along_a_border_are_cut_off() {
        // A square with a spike out along its top edge and back, as clipping can leave.
        let ring = LineString::from(vec![
            (0.0, 0.0),
            (1.0, 0.0),
            (1.0, 1.0),
            (0.6, 1.0),
            (0.6, 1.5),
            (0.6, 1.2),
            (0.6, 1.0),
            (0.0, 1.0),
            (0.0, 0.0),
        ]);
        let cleaned = super::ring(&ring, true).unwrap();
        assert_eq!(cleaned, vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.6, 1.0], [0.0, 1.0], [0.0, 0.0]]);
        let needle = LineString::from(vec![(0.0, 0.0), (1.0, 0.0), (0.5, 0.0), (0.0, 0.0)]);
        assert_eq!(super::ring(&needle, true), None, "a ring that is all spike is dropped");
    }

    #[test]
    fn serializes_as_rfc_7946() {
        let json = serde_json::to_string(&point(38.123456, 35.0).unwrap()).unwrap();
        assert_eq!(json, r#"{"type":"Point","coordinates":[38.12346,35.0]}"#);
        assert_eq!(point(200.0, 35.0), None);
    }
}
