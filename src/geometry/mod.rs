//! Geometry: GeoJSON layers checked at load, spatial joins between towns and regions, the map
//! projection, the control areas derived from towns, and RFC 7946 geometries for export.

pub mod areas;
pub mod geojson;
pub mod join;
pub mod layers;
pub mod projection;
pub mod rfc7946;
pub mod simple;
pub mod world;

pub use layers::{Admin1, Country, Layers, Region, Water};
pub use projection::{BBox, Frame, View};
