//! Spatial joins: which governorate and country each town lies in, and which towns lie in each region.

use geo::{BoundingRect, Contains, MultiPolygon, Point};
use rstar::{AABB, RTree, RTreeObject};

use crate::places::Place;

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
                    Some(Entry { index, bounds: AABB::from_corners([rect.min().x, rect.min().y], [rect.max().x, rect.max().y]) })
                })
            })
            .collect();
        PolygonIndex { shapes, tree: RTree::bulk_load(entries) }
    }

    /// The first polygon (lowest index) that contains the point.
    pub fn locate(&self, lon: f64, lat: f64) -> Option<usize> {
        let point = Point::new(lon, lat);
        self.tree
            .locate_in_envelope_intersecting(&AABB::from_point([lon, lat]))
            .map(|e| e.index)
            .filter(|&i| self.shapes[i].contains(&point))
            .min()
    }
}

/// Fills each town's governorate from the first-level regions (`names[i]` names `shapes[i]`).
pub fn governorates(places: &mut [Place], shapes: Vec<&MultiPolygon<f64>>, names: &[String]) {
    let index = PolygonIndex::new(shapes);
    for place in places {
        place.governorate = index.locate(place.lon, place.lat).map(|i| names[i].clone());
    }
}

/// The indices of the towns inside a region.
pub fn towns_inside(region: &MultiPolygon<f64>, places: &[Place]) -> Vec<usize> {
    let Some(rect) = region.bounding_rect() else { return Vec::new() };
    places
        .iter()
        .enumerate()
        .filter(|(_, p)| rect.min().x <= p.lon && p.lon <= rect.max().x && rect.min().y <= p.lat && p.lat <= rect.max().y)
        .filter(|(_, p)| region.contains(&Point::new(p.lon, p.lat)))
        .map(|(i, _)| i)
        .collect()
}
