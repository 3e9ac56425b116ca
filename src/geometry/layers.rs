//! The map layers from the geodata folder: countries, first-level regions, water and named regions.

use std::collections::HashSet;

use geo::{MultiLineString, MultiPolygon};

use crate::geometry::geojson::{self, Feature, Shape};
use crate::model::Diagnostic;
use crate::places::RegionName;

/// A country outline.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-2 (or another short code for territories without one).
    pub iso: String,
    pub name: String,
    pub name_nl: String,
    pub shape: MultiPolygon<f64>,
}

/// A first-level region (governorate, province).
#[derive(Debug, Clone)]
pub struct Admin1 {
    /// ISO 3166-2 code, e.g. `SY-RA`.
    pub iso: String,
    pub name: String,
    pub country: String,
    pub shape: MultiPolygon<f64>,
}

/// A river (line) or a lake (area).
#[derive(Debug, Clone)]
pub struct Water {
    pub name: String,
    pub name_nl: String,
    pub shape: Shape,
}

/// A named region a claim can refer to, with its polygon.
#[derive(Debug, Clone)]
pub struct Region {
    pub names: RegionName,
    pub shape: MultiPolygon<f64>,
}

/// Everything the base map and the region claims need.
#[derive(Debug, Clone, Default)]
pub struct Layers {
    pub countries: Vec<Country>,
    pub admin1: Vec<Admin1>,
    pub water: Vec<Water>,
    pub regions: Vec<Region>,
}

/// The text of one geodata file and the name messages give it.
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Parses the four GeoJSON layers; warnings (skipped features) are returned alongside.
pub fn load(
    countries: Source,
    admin1: Source,
    water: Source,
    regions: Source,
) -> Result<(Layers, Vec<Diagnostic>), Diagnostic> {
    let mut warnings = Vec::new();
    let mut features = |source: &Source| -> Result<Vec<Feature>, Diagnostic> {
        let (features, mut w) = geojson::parse(source.name, source.text)?;
        warnings.append(&mut w);
        Ok(features)
    };
    let base =
        base_layers((countries.name, features(&countries)?), (admin1.name, features(&admin1)?), features(&water)?)?;
    let layers = Layers { regions: parse_regions(regions.name, features(&regions)?)?, ..base };
    Ok((layers, warnings))
}

/// The base map layers (no named regions) from parsed features, each list named by its file.
pub fn base_layers(
    countries: (&str, Vec<Feature>),
    admin1: (&str, Vec<Feature>),
    water: Vec<Feature>,
) -> Result<Layers, Diagnostic> {
    Ok(Layers {
        countries: areas(countries.0, countries.1)?
            .into_iter()
            .map(|(f, shape)| Country {
                iso: f.text("iso_a2").to_string(),
                name: f.text("name").to_string(),
                name_nl: f.text("name_nl").to_string(),
                shape,
            })
            .collect(),
        admin1: areas(admin1.0, admin1.1)?
            .into_iter()
            .map(|(f, shape)| Admin1 {
                iso: f.text("iso_3166_2").to_string(),
                name: first_nonempty(&[f.text("name_en"), f.text("name")]).to_string(),
                country: f.text("iso_a2").to_string(),
                shape,
            })
            .collect(),
        water: water
            .into_iter()
            .map(|f| Water {
                name: f.text("name").to_string(),
                name_nl: f.text("name_nl").to_string(),
                shape: f.shape.clone(),
            })
            .collect(),
        regions: Vec::new(),
    })
}

fn first_nonempty<'a>(options: &[&'a str]) -> &'a str {
    options.iter().copied().find(|s| !s.is_empty()).unwrap_or("")
}

/// Keeps the area features of a layer; a line or point where an area belongs is an error.
fn areas(file: &str, features: Vec<Feature>) -> Result<Vec<(Feature, MultiPolygon<f64>)>, Diagnostic> {
    features
        .into_iter()
        .map(|f| match &f.shape {
            Shape::Area(area) => {
                let area = area.clone();
                Ok((f, area))
            }
            _ => Err(Diagnostic::error(file, None, Some(&f.label()), "expected a Polygon or MultiPolygon")),
        })
        .collect()
}

fn parse_regions(file: &str, features: Vec<Feature>) -> Result<Vec<Region>, Diagnostic> {
    let mut seen = HashSet::new();
    let mut regions = Vec::new();
    for (feature, shape) in areas(file, features)? {
        let fail = |field: &str, message: &str| {
            Diagnostic::error(file, None, Some(&format!("{} {field}", feature.label())), message)
        };
        let id = feature.text("id");
        if id.is_empty() {
            return Err(fail("id", "a region needs an id"));
        }
        if feature.text("name").is_empty() {
            return Err(fail("name", "a region needs a name"));
        }
        if !seen.insert(id.to_string()) {
            return Err(fail("id", "this id is used by an earlier feature"));
        }
        let names = RegionName {
            id: id.to_string(),
            name: feature.text("name").to_string(),
            name_nl: feature.text("name_nl").to_string(),
            kind: feature.text("kind").to_string(),
            country: feature.text("country").to_string(),
            aliases: feature.texts("aliases"),
            note: feature.text("note").to_string(),
        };
        regions.push(Region { names, shape });
    }
    Ok(regions)
}

impl Layers {
    /// The box around every country outline: the area the layers can draw.
    pub fn countries_box(&self) -> Option<crate::geometry::projection::BBox> {
        let points = self
            .countries
            .iter()
            .flat_map(|c| c.shape.0.iter().flat_map(|p| p.exterior().0.iter().map(|c| (c.x, c.y))));
        crate::geometry::projection::BBox::around(points)
    }
}

impl Water {
    pub fn is_lake(&self) -> bool {
        matches!(self.shape, Shape::Area(_))
    }

    /// The river's lines (empty for a lake).
    pub fn lines(&self) -> Option<&MultiLineString<f64>> {
        match &self.shape {
            Shape::Line(lines) => Some(lines),
            _ => None,
        }
    }
}

/// Checks every polygon's validity (simple rings, holes inside, parts not overlapping): a
/// warning for each invalid one, naming the file and the feature. Run on user geodata; the
/// built-in geodata is checked by the test suite.
pub fn validate(layers: &Layers, countries: &str, admin1: &str, regions: &str) -> Vec<Diagnostic> {
    use geo::Validation;
    let check = |file: &str, label: String, shape: &MultiPolygon<f64>| {
        shape
            .check_validation()
            .err()
            .map(|e| Diagnostic::warning(file, None, Some(&label), format!("is not a valid polygon: {e}")))
    };
    let countries = layers.countries.iter().filter_map(|c| check(countries, format!("country {}", c.iso), &c.shape));
    let admin1 = layers.admin1.iter().filter_map(|a| check(admin1, format!("region {}", a.iso), &a.shape));
    let regions = layers.regions.iter().filter_map(|r| check(regions, format!("region {}", r.names.id), &r.shape));
    countries.chain(admin1).chain(regions).collect()
}
