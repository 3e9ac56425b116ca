//! Spatial joins: which governorate and country each town lies in, and which towns lie in each region.

use geo::{BoundingRect, Contains, MultiPolygon, Point};
use rstar::{AABB, RTree, RTreeObject};

use crate::geometry::layers::Layers;
use crate::geometry::projection::BBox;
use crate::model::{PlaceKey, PlaceKind};
use crate::places::{Gazetteer, Place};

/// The tracked towns and regions with a margin: a series' default view.
pub fn tracked_box<'k>(
    places: impl Iterator<Item = &'k PlaceKey>,
    gazetteer: &Gazetteer,
    layers: &Layers,
) -> Option<BBox> {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for key in places {
        match key.kind {
            PlaceKind::Town => points.extend(gazetteer.town(&key.id).map(|t| (t.lon, t.lat))),
            PlaceKind::Region => {
                if let Some(region) = layers.regions.iter().find(|r| r.names.id == key.id) {
                    points.extend(region.shape.0.iter().flat_map(|p| p.exterior().0.iter().map(|c| (c.x, c.y))));
                }
            }
            // A whole country does not widen the view: its outline is drawn where the view
            // (set by the towns and regions, or --bbox) shows it.
            PlaceKind::Country => {}
        }
    }
    BBox::around(points).map(|b| b.padded(0.12, 4.0))
}

/// A bounding box in an R-tree, pointing at its polygon.
struct Entry {
    index: usize,
    bounds: AABB<[f64; 2]>,
}

impl RTreeObject for Entry {
    type Envelope = AABB<[f64; 2]>;
    fn envelope(&self) -> Self::Envelope {
        self.bounds
    }
}

/// An index of polygons for point-in-polygon queries.
pub struct PolygonIndex<'a> {
    shapes: Vec<&'a MultiPolygon<f64>>,
    tree: RTree<Entry>,
}

impl<'a> PolygonIndex<'a> {
    pub fn new(shapes: Vec<&'a MultiPolygon<f64>>) -> PolygonIndex<'a> {
        let entries = shapes
            .iter()
            .enumerate()
            .flat_map(|(index, shape)| {
                shape.0.iter().filter_map(move |part| {
                    let rect = part.bounding_rect()?;
                    Some(Entry {
                        index,
                        bounds: AABB::from_corners([rect.min().x, rect.min().y], [rect.max().x, rect.max().y]),
                    })
                })
            })
            .collect();
        PolygonIndex { shapes, tree: RTree::bulk_load(entries) }
    }

    /// Every polygon that contains the point, lowest index first.
    pub fn locate_all(&self, lon: f64, lat: f64) -> Vec<usize> {
        let point = Point::new(lon, lat);
        let mut found: Vec<usize> = self
            .tree
            .locate_in_envelope_intersecting(&AABB::from_point([lon, lat]))
            .map(|e| e.index)
            .filter(|&i| self.shapes[i].contains(&point))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The first polygon (lowest index) that contains the point.
    pub fn locate(&self, lon: f64, lat: f64) -> Option<usize> {
        self.locate_all(lon, lat).into_iter().next()
    }
}

/// Fills each town's governorate from the first-level regions (`names[i]` names `shapes[i]`,
/// which lies in country `countries[i]`). Where borders are generalised a town on the border can
/// fall inside a neighbour's region: a region of the town's own country is preferred, and a
/// point just outside every region of its country gets the nearest one within about 25 km.
pub fn governorates(places: &mut [Place], shapes: Vec<&MultiPolygon<f64>>, names: &[String], countries: &[String]) {
    let index = PolygonIndex::new(shapes.clone());
    for place in places {
        let inside = index.locate_all(place.lon, place.lat);
        let own = inside.iter().copied().find(|&i| countries[i] == place.country);
        let chosen =
            own.or_else(|| nearest_of_country(&shapes, countries, place, 0.25)).or_else(|| inside.first().copied());
        place.governorate = chosen.map(|i| names[i].clone());
    }
}

/// The region of the place's country nearest to it, if within `max_degrees`.
fn nearest_of_country(
    shapes: &[&MultiPolygon<f64>],
    countries: &[String],
    place: &Place,
    max_degrees: f64,
) -> Option<usize> {
    use geo::{Distance, Euclidean};
    let point = Point::new(place.lon, place.lat);
    shapes
        .iter()
        .enumerate()
        .filter(|(i, _)| countries[*i] == place.country)
        .map(|(i, shape)| (i, Euclidean.distance(&point, *shape)))
        .filter(|(_, d)| *d <= max_degrees)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The indices of the towns inside a region.
pub fn towns_inside(region: &MultiPolygon<f64>, places: &[Place]) -> Vec<usize> {
    let Some(rect) = region.bounding_rect() else { return Vec::new() };
    places
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            rect.min().x <= p.lon && p.lon <= rect.max().x && rect.min().y <= p.lat && p.lat <= rect.max().y
        })
        .filter(|(_, p)| region.contains(&Point::new(p.lon, p.lat)))
        .map(|(i, _)| i)
        .collect()
}
