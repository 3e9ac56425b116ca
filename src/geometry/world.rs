//! The world's base map, built into the binary (`geodata/world/`, Natural Earth via the build in
//! `geodata/build/`): countries in the internationally recognised or the de facto view,
//! first-level regions, rivers and lakes. Read only for maps, and only the features that touch
//! the map's box: each file holds one feature a line, its `bbox` first, so lines outside the box
//! are skipped without parsing their geometry.

use std::io::Read;

use crate::geometry::geojson::{self, Feature};
use crate::geometry::layers::{self, Layers};
use crate::geometry::projection::BBox;
use crate::model::Diagnostic;

static COUNTRIES: &[u8] = include_bytes!("../../geodata/world/countries.geojson.gz");
static COUNTRIES_DE_FACTO: &[u8] = include_bytes!("../../geodata/world/countries-defacto.geojson.gz");
static ADMIN1: &[u8] = include_bytes!("../../geodata/world/admin1.geojson.gz");
static RIVERS: &[u8] = include_bytes!("../../geodata/world/rivers.geojson.gz");
static LAKES: &[u8] = include_bytes!("../../geodata/world/lakes.geojson.gz");

/// Which borders the maps draw where they are disputed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Borders {
    /// Internationally recognised borders (Crimea in Ukraine, the Golan Heights in Syria, ...).
    #[default]
    Recognised,
    /// Natural Earth's de facto view (who administers a territory on the ground).
    #[value(name = "de-facto")]
    DeFacto,
}

impl Borders {
    /// How the map credit names the view.
    pub fn credit(self) -> &'static str {
        match self {
            Borders::Recognised => "internationally recognised borders",
            Borders::DeFacto => "de facto borders",
        }
    }
}

/// The world's countries, first-level regions and water that touch `bbox`.
pub fn layers(bbox: &BBox, borders: Borders) -> Result<Layers, Diagnostic> {
    let countries = match borders {
        Borders::Recognised => ("geodata/world/countries.geojson.gz", COUNTRIES),
        Borders::DeFacto => ("geodata/world/countries-defacto.geojson.gz", COUNTRIES_DE_FACTO),
    };
    let admin1 = "geodata/world/admin1.geojson.gz";
    // The four files are decompressed and parsed on their own threads (admin1 is the largest).
    let files = [
        (countries.0, countries.1),
        (admin1, ADMIN1),
        ("geodata/world/rivers.geojson.gz", RIVERS),
        ("geodata/world/lakes.geojson.gz", LAKES),
    ];
    let parsed: Vec<Vec<Feature>> = {
        use rayon::prelude::*;
        files.par_iter().map(|(name, gz)| features_in(name, gz, bbox)).collect::<Result<_, _>>()?
    };
    let [country_features, admin1_features, mut water, lakes]: [Vec<Feature>; 4] =
        parsed.try_into().expect("one list of features per file");
    water.extend(lakes);
    layers::base_layers((countries.0, country_features), (admin1, admin1_features), water)
}

/// The features of one built-in file whose `bbox` meets `bbox`.
fn features_in(name: &str, gz: &[u8], bbox: &BBox) -> Result<Vec<Feature>, Diagnostic> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_string(&mut text)
        .map_err(|e| Diagnostic::error(name, None, None, format!("cannot decompress: {e}")))?;
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("{\"bbox\":"))
        .filter(|line| feature_box(line).is_some_and(|b| b.intersects(bbox)))
        .map(|line| line.trim_end_matches(','))
        .collect();
    let collection = format!("{{\"type\":\"FeatureCollection\",\"features\":[{}]}}", kept.join(","));
    Ok(geojson::parse(name, &collection)?.0)
}

/// The `bbox` a feature line starts with: `{"bbox":[w,s,e,n],...`.
fn feature_box(line: &str) -> Option<BBox> {
    let inner = line.strip_prefix("{\"bbox\":[")?;
    let numbers: Vec<f64> =
        inner[..inner.find(']')?].split(',').map(|n| n.trim().parse().ok()).collect::<Option<_>>()?;
    match numbers.as_slice() {
        [w, s, e, n] => Some(BBox { lon0: *w, lat0: *s, lon1: *e, lat1: *n }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn countries_in(bbox: BBox, borders: Borders) -> Layers {
        layers(&bbox, borders).unwrap()
    }

    #[test]
    fn cuts_the_world_to_a_box() {
        let sudan = BBox { lon0: 22.0, lat0: 8.0, lon1: 39.0, lat1: 23.0 };
        let l = countries_in(sudan, Borders::Recognised);
        let isos: Vec<&str> = l.countries.iter().map(|c| c.iso.as_str()).collect();
        assert!(isos.contains(&"SD") && isos.contains(&"SS") && isos.contains(&"EG"), "{isos:?}");
        assert!(!isos.contains(&"CN") && !isos.contains(&"BR"), "{isos:?}");
        assert!(l.admin1.iter().any(|a| a.country == "SD"));
        assert!(!l.water.is_empty());
    }

    #[test]
    fn crimea_is_ukraine_by_default_and_russia_de_facto() {
        use geo::Contains;
        let crimea = BBox { lon0: 32.0, lat0: 44.0, lon1: 37.0, lat1: 46.5 };
        let simferopol = geo::Point::new(34.10, 44.95);
        let holder = |borders| {
            let l = countries_in(crimea, borders);
            l.countries.iter().find(|c| c.shape.contains(&simferopol)).map(|c| c.iso.clone())
        };
        assert_eq!(holder(Borders::Recognised).as_deref(), Some("UA"));
        assert_eq!(holder(Borders::DeFacto).as_deref(), Some("RU"));
    }
}
