//! The map projection: Albers equal-area conic, fitted once to a lon/lat box and a pixel frame,
//! so every frame of a series shares one projection and areas can be measured in km².

use geo::{Coord, LineString, MapCoords, MultiLineString, MultiPolygon, Polygon};

/// Mean Earth radius in km.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A lon/lat box: `LON0,LAT0,LON1,LAT1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub lon0: f64,
    pub lat0: f64,
    pub lon1: f64,
    pub lat1: f64,
}

impl BBox {
    /// Parses `LON0,LAT0,LON1,LAT1`, checking ranges and order.
    pub fn parse(text: &str) -> Result<BBox, String> {
        let parts: Vec<f64> = text
            .split(',')
            .map(|p| p.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| format!("{text:?} is not a box: expected four numbers LON0,LAT0,LON1,LAT1"))?;
        let [lon0, lat0, lon1, lat1] = parts[..] else {
            return Err(format!("{text:?} is not a box: expected four numbers LON0,LAT0,LON1,LAT1"));
        };
        let bbox = BBox { lon0, lat0, lon1, lat1 };
        if !(-180.0..=180.0).contains(&lon0)
            || !(-180.0..=180.0).contains(&lon1)
            || !(-85.0..=85.0).contains(&lat0)
            || !(-85.0..=85.0).contains(&lat1)
        {
            return Err(format!("{text:?}: longitudes must lie in -180..180 and latitudes in -85..85"));
        }
        if lon1 - lon0 < 0.1 || lat1 - lat0 < 0.1 {
            return Err(format!("{text:?}: LON1 must exceed LON0 and LAT1 exceed LAT0 (by at least 0.1 degree)"));
        }
        Ok(bbox)
    }

    pub fn center(&self) -> (f64, f64) {
        ((self.lon0 + self.lon1) / 2.0, (self.lat0 + self.lat1) / 2.0)
    }

    pub fn intersects(&self, other: &BBox) -> bool {
        self.lon0 <= other.lon1 && other.lon0 <= self.lon1 && self.lat0 <= other.lat1 && other.lat0 <= self.lat1
    }

    /// The box grown by `fraction` of its size on every side, and at least `min_degrees` wide and high.
    pub fn padded(&self, fraction: f64, min_degrees: f64) -> BBox {
        let (cx, cy) = self.center();
        let half_w = ((self.lon1 - self.lon0) * (0.5 + fraction)).max(min_degrees / 2.0);
        let half_h = ((self.lat1 - self.lat0) * (0.5 + fraction)).max(min_degrees / 2.0);
        BBox { lon0: cx - half_w, lat0: cy - half_h, lon1: cx + half_w, lat1: cy + half_h }
    }

    /// The smallest box around the points, if any.
    pub fn around(points: impl IntoIterator<Item = (f64, f64)>) -> Option<BBox> {
        points.into_iter().fold(None, |acc: Option<BBox>, (lon, lat)| {
            Some(match acc {
                None => BBox { lon0: lon, lat0: lat, lon1: lon, lat1: lat },
                Some(b) => {
                    BBox { lon0: b.lon0.min(lon), lat0: b.lat0.min(lat), lon1: b.lon1.max(lon), lat1: b.lat1.max(lat) }
                }
            })
        })
    }
}

/// Albers equal-area conic on a sphere: lon/lat in degrees to km.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Albers {
    lon0: f64,
    n: f64,
    c: f64,
    rho0: f64,
}

impl Albers {
    /// Standard parallels at 1/6 and 5/6 of the box's latitude range; centred on the box.
    pub fn for_box(bbox: &BBox) -> Albers {
        let span = bbox.lat1 - bbox.lat0;
        let (phi1, phi2) = ((bbox.lat0 + span / 6.0).to_radians(), (bbox.lat1 - span / 6.0).to_radians());
        let (lon0, lat0) = bbox.center();
        let n = (phi1.sin() + phi2.sin()) / 2.0;
        let c = phi1.cos().powi(2) + 2.0 * n * phi1.sin();
        let rho0 = EARTH_RADIUS_KM * (c - 2.0 * n * lat0.to_radians().sin()).max(0.0).sqrt() / n;
        Albers { lon0, n, c, rho0 }
    }

    /// Projects to km east and north of the box centre.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let rho = EARTH_RADIUS_KM * (self.c - 2.0 * self.n * lat.to_radians().sin()).max(0.0).sqrt() / self.n;
        let theta = self.n * (lon - self.lon0).to_radians();
        (rho * theta.sin(), self.rho0 - rho * theta.cos())
    }

    /// The inverse of [`Albers::project`].
    pub fn unproject(&self, x: f64, y: f64) -> (f64, f64) {
        let dy = self.rho0 - y;
        let rho = (x * x + dy * dy).sqrt().copysign(self.n);
        let theta = (x * self.n.signum()).atan2(dy * self.n.signum());
        let lat = ((self.c - (rho * self.n / EARTH_RADIUS_KM).powi(2)) / (2.0 * self.n)).clamp(-1.0, 1.0).asin();
        (self.lon0 + (theta / self.n).to_degrees(), lat.to_degrees())
    }
}

/// A pixel rectangle inside the image: where the map is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// The projection fitted to a frame: lon/lat → pixel, and km ↔ pixel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub albers: Albers,
    /// Pixels per km.
    pub scale: f64,
    /// Pixel position of the projection's origin.
    pub origin: (f64, f64),
    pub frame: Frame,
    pub bbox: BBox,
}

impl View {
    /// Fits `bbox` into `frame`, centred, keeping the aspect ratio (the box is widened to fill the frame).
    pub fn fit(bbox: BBox, frame: Frame) -> View {
        let albers = Albers::for_box(&bbox);
        let edge = box_outline(&bbox, 16);
        let projected: Vec<(f64, f64)> = edge.iter().map(|&(lon, lat)| albers.project(lon, lat)).collect();
        let (min_x, max_x) = min_max(projected.iter().map(|p| p.0));
        let (min_y, max_y) = min_max(projected.iter().map(|p| p.1));
        let scale = (frame.width / (max_x - min_x)).min(frame.height / (max_y - min_y));
        let cx = (min_x + max_x) / 2.0;
        let cy = (min_y + max_y) / 2.0;
        let origin = (frame.x + frame.width / 2.0 - cx * scale, frame.y + frame.height / 2.0 + cy * scale);
        View { albers, scale, origin, frame, bbox }
    }

    /// km (projected) → pixel.
    pub fn km_to_px(&self, x: f64, y: f64) -> (f64, f64) {
        (self.origin.0 + x * self.scale, self.origin.1 - y * self.scale)
    }

    /// lon/lat → pixel.
    pub fn px(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = self.albers.project(lon, lat);
        self.km_to_px(x, y)
    }

    /// pixel → lon/lat.
    pub fn lonlat(&self, px: f64, py: f64) -> (f64, f64) {
        let x = (px - self.origin.0) / self.scale;
        let y = (self.origin.1 - py) / self.scale;
        self.albers.unproject(x, y)
    }

    /// Projects a polygon set to km.
    pub fn project_area(&self, area: &MultiPolygon<f64>) -> MultiPolygon<f64> {
        area.map_coords(|c| self.project_coord(c))
    }

    /// Projects lines to km.
    pub fn project_lines(&self, lines: &MultiLineString<f64>) -> MultiLineString<f64> {
        lines.map_coords(|c| self.project_coord(c))
    }

    fn project_coord(&self, c: Coord<f64>) -> Coord<f64> {
        let (x, y) = self.albers.project(c.x, c.y);
        Coord { x, y }
    }

    /// The frame in km (projected), as a polygon for clipping.
    pub fn frame_km(&self, margin_px: f64) -> Polygon<f64> {
        let f = self.frame;
        let corner =
            |px: f64, py: f64| Coord { x: (px - self.origin.0) / self.scale, y: (self.origin.1 - py) / self.scale };
        let (x0, y0, x1, y1) =
            (f.x - margin_px, f.y - margin_px, f.x + f.width + margin_px, f.y + f.height + margin_px);
        Polygon::new(
            LineString::new(vec![corner(x0, y1), corner(x1, y1), corner(x1, y0), corner(x0, y0), corner(x0, y1)]),
            vec![],
        )
    }
}

fn box_outline(bbox: &BBox, steps: usize) -> Vec<(f64, f64)> {
    let mut points = Vec::with_capacity(steps * 4);
    for i in 0..=steps {
        let t = i as f64 / steps as f64;
        let lon = bbox.lon0 + t * (bbox.lon1 - bbox.lon0);
        let lat = bbox.lat0 + t * (bbox.lat1 - bbox.lat0);
        points.extend([(lon, bbox.lat0), (lon, bbox.lat1), (bbox.lon0, lat), (bbox.lon1, lat)]);
    }
    points
}

fn min_max(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SYRIA_IRAQ: BBox = BBox { lon0: 34.0, lat0: 29.0, lon1: 49.0, lat1: 38.0 };

    #[test]
    fn projects_and_inverts() {
        let albers = Albers::for_box(&SYRIA_IRAQ);
        for (lon, lat) in [(39.0, 35.95), (43.12, 36.33), (34.5, 29.2), (48.8, 37.9)] {
            let (x, y) = albers.project(lon, lat);
            let (lon2, lat2) = albers.unproject(x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9, "{lon},{lat} -> {lon2},{lat2}");
        }
    }

    #[test]
    fn distances_are_close_to_great_circle_distances() {
        let albers = Albers::for_box(&SYRIA_IRAQ);
        // Raqqa to Mosul is about 375 km along a great circle.
        let (ax, ay) = albers.project(39.0079, 35.9528);
        let (bx, by) = albers.project(43.1189, 36.3350);
        let km = ((ax - bx).powi(2) + (ay - by).powi(2)).sqrt();
        assert!((km - 373.0).abs() < 8.0, "{km}");
    }

    #[test]
    fn areas_are_preserved() {
        // A 1°x1° cell at 35° N covers about 10,130 km² whatever its longitude.
        let albers = Albers::for_box(&SYRIA_IRAQ);
        let area = |lon: f64| {
            let p = [(lon, 35.0), (lon + 1.0, 35.0), (lon + 1.0, 36.0), (lon, 36.0)].map(|(a, b)| albers.project(a, b));
            0.5 * (0..4).map(|i| p[i].0 * p[(i + 1) % 4].1 - p[(i + 1) % 4].0 * p[i].1).sum::<f64>().abs()
        };
        assert!((area(35.0) - area(47.0)).abs() / area(35.0) < 1e-3);
        assert!((area(40.0) - 10_130.0).abs() < 150.0, "{}", area(40.0));
    }

    #[test]
    fn fit_keeps_the_box_inside_the_frame() {
        let frame = Frame { x: 0.0, y: 80.0, width: 1600.0, height: 1080.0 };
        let view = View::fit(SYRIA_IRAQ, frame);
        for (lon, lat) in box_outline(&SYRIA_IRAQ, 8) {
            let (x, y) = view.px(lon, lat);
            assert!((-0.01..=1600.01).contains(&x) && (79.99..=1160.01).contains(&y), "{lon},{lat} -> {x},{y}");
        }
        let (lon, lat) = view.lonlat(800.0, 620.0);
        let (x, y) = view.px(lon, lat);
        assert!((x - 800.0).abs() < 1e-6 && (y - 620.0).abs() < 1e-6);
    }

    #[test]
    fn bbox_parsing_rejects_bad_boxes() {
        assert!(BBox::parse("34,29,49,38").is_ok());
        assert!(BBox::parse("34,29,49").is_err());
        assert!(BBox::parse("49,29,34,38").is_err());
        assert!(BBox::parse("34,29,249,38").is_err());
        assert!(BBox::parse("a,b,c,d").is_err());
    }
}
