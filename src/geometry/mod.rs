//! Geometry: GeoJSON layers checked at load, spatial joins between towns and regions, the map
//! projection, and the control areas derived from towns.

pub mod areas;
pub mod geojson;
pub mod join;
pub mod layers;
pub mod projection;

pub use layers::{Admin1, Country, Layers, Region, Water};
pub use projection::{BBox, Frame, View};
