//! Control areas derived from towns.
//!
//! # The rule (printed on every map)
//! Each tracked town gets the part of the plane nearer to it than to any other tracked town
//! (its nearest-neighbour or Voronoi cell), cut to a disc of `radius_km` around the town and to
//! its own country (so an area stops at an international border and at the coast). Cells are
//! merged by holder and status. Where two neighbouring cells have different
//! holders, their shared edge is a front line. Everything is computed in the equal-area map
//! projection, so areas come out in km².

use std::collections::BTreeMap;

use geo::{Area, BooleanOps, Coord, LineString, MultiPolygon, Polygon, unary_union};

/// How an area is filled.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fill {
    /// Held (or held under siege) by the holder.
    Solid,
    /// Contested with, or partly held by, this other faction (drawn hatched).
    Shared(String),
}

/// One town as input to the area rule: position in projected km and who holds it.
#[derive(Debug, Clone)]
pub struct Seed {
    pub x: f64,
    pub y: f64,
    pub holder: String,
    pub fill: Fill,
    /// The shape (index into the `clips` given to [`derive`]) the cell is cut to, if any.
    pub clip: Option<usize>,
    /// The holding rests only on old evidence: such cells are merged apart from fresh ones.
    pub stale: bool,
}

/// The merged area of one holder with one fill.
#[derive(Debug, Clone)]
pub struct ControlArea {
    pub holder: String,
    pub fill: Fill,
    /// Made of stale holdings only (see [`Seed::stale`]).
    pub stale: bool,
    /// In projected km.
    pub shape: MultiPolygon<f64>,
    pub km2: f64,
}

/// The result of the area rule for one date.
#[derive(Debug, Clone, Default)]
pub struct Areas {
    pub areas: Vec<ControlArea>,
    /// Edges between cells of different holders, in projected km.
    pub fronts: Vec<LineString<f64>>,
}

impl Areas {
    /// Total km² per holder (all fills).
    pub fn km2_by_holder(&self) -> BTreeMap<String, f64> {
        let mut totals = BTreeMap::new();
        for area in &self.areas {
            *totals.entry(area.holder.clone()).or_insert(0.0) += area.km2;
        }
        totals
    }
}

/// Vertices of a disc approximation.
const DISC_SIDES: usize = 48;

/// Cells merged together: same holder, fill and staleness, cut to the same shape.
type CellGroup = (String, Fill, bool, Option<usize>);

/// Applies the area rule. Each seed's cell is cut to `clips[seed.clip]` (projected km), or left
/// whole when the seed has no clip.
pub fn derive(seeds: &[Seed], radius_km: f64, clips: &[MultiPolygon<f64>]) -> Areas {
    derive_with(seeds, radius_km, clips, &CellCache::default())
}

/// A town's cell: its vertices, each with the neighbour whose bisector the edge from it lies on.
type Cell = Vec<(Coord<f64>, Option<usize>)>;

/// The cells of the last set of seed positions, shared by the frames of a series: the cells
/// depend only on where the seeds are, and months in which the same towns are drawn (most
/// months, once every town has been reported) reuse them instead of cutting them again.
#[derive(Default)]
pub struct CellCache {
    last: std::sync::Mutex<Option<CachedCells>>,
}

/// The seed positions and radius the cells were cut for, and the cells.
type CachedCells = (Vec<(f64, f64)>, f64, std::sync::Arc<Vec<Cell>>);

impl CellCache {
    fn cells(&self, seeds: &[Seed], radius_km: f64) -> std::sync::Arc<Vec<Cell>> {
        let positions: Vec<(f64, f64)> = seeds.iter().map(|s| (s.x, s.y)).collect();
        if let Ok(last) = self.last.lock()
            && let Some((known, radius, cells)) = last.as_ref()
            && *known == positions
            && *radius == radius_km
        {
            return cells.clone();
        }
        let near = Neighbours::new(seeds, radius_km);
        let cells: std::sync::Arc<Vec<Cell>> =
            std::sync::Arc::new((0..seeds.len()).map(|i| cell(seeds, i, radius_km, &near.of(seeds, i))).collect());
        if let Ok(mut last) = self.last.lock() {
            *last = Some((positions, radius_km, cells.clone()));
        }
        cells
    }
}

/// [`derive`], taking the cells from `cache` when the seeds stand where they stood last time.
pub fn derive_with(seeds: &[Seed], radius_km: f64, clips: &[MultiPolygon<f64>], cache: &CellCache) -> Areas {
    let cells = cache.cells(seeds, radius_km);
    let mut groups: BTreeMap<CellGroup, Vec<Polygon<f64>>> = BTreeMap::new();
    for (seed, cell) in seeds.iter().zip(cells.iter()) {
        if cell.len() >= 3 {
            let ring: Vec<Coord<f64>> = cell.iter().map(|(c, _)| *c).collect();
            let key = (seed.holder.clone(), seed.fill.clone(), seed.stale, seed.clip.filter(|&c| c < clips.len()));
            groups.entry(key).or_default().push(closed_polygon(ring));
        }
    }
    let mut merged: BTreeMap<(String, Fill, bool), Vec<MultiPolygon<f64>>> = BTreeMap::new();
    for ((holder, fill, stale, clip), polygons) in groups {
        let union = unary_union(&polygons);
        let shape = match clip {
            Some(c) => union.intersection(&clips[c]),
            None => union,
        };
        merged.entry((holder, fill, stale)).or_default().push(shape);
    }
    let areas = merged
        .into_iter()
        .map(|((holder, fill, stale), pieces)| {
            // The pieces cut to different countries meet along borders: one union makes them one
            // valid shape (parts that touch only at points, no shared edges, no overlaps).
            let shape = without_slivers(unary_union(&pieces));
            let km2 = shape.unsigned_area();
            ControlArea { holder, fill, stale, shape, km2 }
        })
        .filter(|a| a.km2 > 0.0)
        .collect();
    Areas { areas, fronts: fronts(seeds, &cells) }
}

/// The seeds filed by squares of two radii, so that a seed's possible neighbours (closer than
/// two radii) are found in the nine squares around it instead of among all seeds.
struct Neighbours {
    side: f64,
    squares: std::collections::HashMap<(i64, i64), Vec<usize>>,
}

impl Neighbours {
    fn new(seeds: &[Seed], radius: f64) -> Neighbours {
        let mut near = Neighbours { side: (2.0 * radius).max(f64::MIN_POSITIVE), squares: Default::default() };
        for (i, seed) in seeds.iter().enumerate() {
            let square = near.square(seed);
            near.squares.entry(square).or_default().push(i);
        }
        near
    }

    fn square(&self, seed: &Seed) -> (i64, i64) {
        ((seed.x / self.side).floor() as i64, (seed.y / self.side).floor() as i64)
    }

    /// The other seeds closer to seed `i` than two radii, in index order, so that cells are cut
    /// in the same order as when every seed is visited.
    fn of(&self, seeds: &[Seed], i: usize) -> Vec<usize> {
        let centre = &seeds[i];
        let (cx, cy) = self.square(centre);
        let reach2 = self.side * self.side;
        let mut found: Vec<usize> = (cx - 1..=cx + 1)
            .flat_map(|x| (cy - 1..=cy + 1).map(move |y| (x, y)))
            .filter_map(|key| self.squares.get(&key))
            .flatten()
            .copied()
            .filter(|&j| {
                let (dx, dy) = (seeds[j].x - centre.x, seeds[j].y - centre.y);
                j != i && dx * dx + dy * dy < reach2
            })
            .collect();
        found.sort_unstable();
        found
    }
}

/// The disc around seed `i` clipped by the bisectors with every seed closer than two radii
/// (`candidates`: the seeds that may be, in index order).
/// Each vertex carries the label of the edge that starts at it: the neighbour whose bisector
/// it lies on, or `None` for the disc's rim.
fn cell(seeds: &[Seed], i: usize, radius: f64, candidates: &[usize]) -> Vec<(Coord<f64>, Option<usize>)> {
    let centre = Coord { x: seeds[i].x, y: seeds[i].y };
    let mut polygon: Vec<(Coord<f64>, Option<usize>)> = (0..DISC_SIDES)
        .map(|k| {
            let angle = std::f64::consts::TAU * k as f64 / DISC_SIDES as f64;
            (Coord { x: centre.x + radius * angle.cos(), y: centre.y + radius * angle.sin() }, None)
        })
        .collect();
    let mut reach2 = farthest2(&polygon, centre);
    for &j in candidates {
        let other = &seeds[j];
        let (dx, dy) = (other.x - centre.x, other.y - centre.y);
        let distance2 = dx * dx + dy * dy;
        if j == i || distance2 >= 4.0 * radius * radius {
            continue;
        }
        if distance2 == 0.0 {
            // Two towns at one spot: the lower index keeps the cell.
            if j < i {
                return Vec::new();
            }
            continue;
        }
        // A bisector farther than every vertex leaves the cell as it is: skip the clip.
        if distance2 / 4.0 > reach2 * (1.0 + 1e-9) + 1e-9 {
            continue;
        }
        let mid = Coord { x: centre.x + dx / 2.0, y: centre.y + dy / 2.0 };
        polygon = clip(&polygon, mid, Coord { x: dx, y: dy }, j);
        if polygon.is_empty() {
            break;
        }
        reach2 = farthest2(&polygon, centre);
    }
    polygon
}

/// The squared distance from `centre` to the farthest vertex of a polygon.
fn farthest2(polygon: &[(Coord<f64>, Option<usize>)], centre: Coord<f64>) -> f64 {
    polygon.iter().map(|(p, _)| (p.x - centre.x).powi(2) + (p.y - centre.y).powi(2)).fold(0.0, f64::max)
}

/// Keeps the part of a convex polygon where `(p - mid) · normal <= 0`.
fn clip(
    polygon: &[(Coord<f64>, Option<usize>)],
    mid: Coord<f64>,
    normal: Coord<f64>,
    label: usize,
) -> Vec<(Coord<f64>, Option<usize>)> {
    let side = |p: Coord<f64>| (p.x - mid.x) * normal.x + (p.y - mid.y) * normal.y;
    let mut out = Vec::with_capacity(polygon.len() + 2);
    for k in 0..polygon.len() {
        let (current, edge) = polygon[k];
        let (next, _) = polygon[(k + 1) % polygon.len()];
        let (sc, sn) = (side(current), side(next));
        if sc <= 0.0 {
            out.push((current, edge));
        }
        if (sc <= 0.0) != (sn <= 0.0) {
            let t = sc / (sc - sn);
            let crossing = Coord { x: current.x + t * (next.x - current.x), y: current.y + t * (next.y - current.y) };
            out.push((crossing, if sc <= 0.0 { Some(label) } else { edge }));
        }
    }
    out
}

fn closed_polygon(mut ring: Vec<Coord<f64>>) -> Polygon<f64> {
    if let Some(&first) = ring.first() {
        ring.push(first);
    }
    Polygon::new(LineString::new(ring), vec![])
}

/// Parts and holes smaller than this (km², a 10 m square) are clipping noise, not territory.
const SLIVER_KM2: f64 = 1e-4;

/// Drops the parts and holes too small to be anything but clipping noise (see [`SLIVER_KM2`]).
fn without_slivers(shape: MultiPolygon<f64>) -> MultiPolygon<f64> {
    let parts = shape.0.into_iter().filter(|part| part.unsigned_area() >= SLIVER_KM2).map(|part| {
        let (exterior, holes) = part.into_inner();
        let holes = holes.into_iter().filter(|hole| Polygon::new(hole.clone(), vec![]).unsigned_area() >= SLIVER_KM2);
        Polygon::new(exterior, holes.collect())
    });
    MultiPolygon::new(parts.collect())
}

/// Edges on the bisector between cells of different holders, each drawn once.
fn fronts(seeds: &[Seed], cells: &[Vec<(Coord<f64>, Option<usize>)>]) -> Vec<LineString<f64>> {
    let mut lines = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        for k in 0..cell.len() {
            let (start, label) = cell[k];
            let Some(j) = label else { continue };
            if j <= i || seeds[j].holder == seeds[i].holder {
                continue;
            }
            let (end, _) = cell[(k + 1) % cell.len()];
            lines.push(LineString::new(vec![start, end]));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(x: f64, y: f64, holder: &str) -> Seed {
        Seed { x, y, holder: holder.into(), fill: Fill::Solid, clip: None, stale: false }
    }

    #[test]
    fn a_lone_town_gets_a_disc() {
        let areas = derive(&[seed(0.0, 0.0, "is")], 30.0, &[]);
        let disc = std::f64::consts::PI * 900.0;
        assert!((areas.areas[0].km2 - disc).abs() / disc < 0.01, "{}", areas.areas[0].km2);
        assert!(areas.fronts.is_empty());
    }

    #[test]
    fn neighbours_split_along_the_bisector_and_make_a_front() {
        let areas = derive(&[seed(0.0, 0.0, "is"), seed(40.0, 0.0, "sdf")], 30.0, &[]);
        let totals = areas.km2_by_holder();
        assert!((totals["is"] - totals["sdf"]).abs() < 1.0, "{totals:?}");
        assert!(totals["is"] < std::f64::consts::PI * 900.0 * 0.9);
        assert_eq!(areas.fronts.len(), 1);
        let front = &areas.fronts[0];
        assert!(front.0.iter().all(|c| (c.x - 20.0).abs() < 1e-9), "the front lies on x = 20: {front:?}");
    }

    #[test]
    fn same_holder_cells_merge_without_a_front() {
        let areas = derive(&[seed(0.0, 0.0, "is"), seed(40.0, 0.0, "is")], 30.0, &[]);
        assert_eq!(areas.areas.len(), 1);
        assert_eq!(areas.areas[0].shape.0.len(), 1, "one merged polygon");
        assert!(areas.fronts.is_empty());
    }

    #[test]
    fn land_clips_the_cells() {
        let land = MultiPolygon::new(vec![closed_polygon(vec![
            Coord { x: -100.0, y: -100.0 },
            Coord { x: 0.0, y: -100.0 },
            Coord { x: 0.0, y: 100.0 },
            Coord { x: -100.0, y: 100.0 },
        ])]);
        let areas = derive(&[Seed { clip: Some(0), ..seed(0.0, 0.0, "is") }], 30.0, &[land]);
        let half = std::f64::consts::PI * 900.0 / 2.0;
        assert!((areas.areas[0].km2 - half).abs() / half < 0.02);
    }

    /// Thousands of towns of several holders in two countries that share a border and end at a
    /// diagonal coast: every derived area is a valid (multi)polygon, without any repair.
    #[test]
    fn dense_towns_across_a_border_and_a_coast_give_valid_areas() {
        use geo::Validation;
        let square = |x0: f64, x1: f64| {
            closed_polygon(vec![
                Coord { x: x0, y: 0.0 },
                Coord { x: x1, y: 0.0 },
                Coord { x: x1, y: 400.0 },
                Coord { x: x0, y: 400.0 },
            ])
        };
        let land = closed_polygon(vec![
            Coord { x: -50.0, y: -50.0 },
            Coord { x: 450.0, y: -50.0 },
            Coord { x: -50.0, y: 450.0 },
        ]);
        let clips: Vec<MultiPolygon<f64>> =
            [square(0.0, 200.0), square(200.0, 400.0)].iter().map(|country| country.intersection(&land)).collect();
        let mut random = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            (random % 1_000_000) as f64 / 1_000_000.0
        };
        let holders = ["is", "sdf", "syrian-gov", "iraqi-gov"];
        let seeds: Vec<Seed> = (0..3000)
            .map(|_| {
                let (x, y) = (next() * 400.0, next() * 400.0);
                let holder = holders[(next() * 4.0) as usize];
                let fill = if next() < 0.15 { Fill::Shared("is".into()) } else { Fill::Solid };
                Seed { x, y, holder: holder.into(), fill, clip: Some(usize::from(x >= 200.0)), stale: next() < 0.1 }
            })
            .collect();
        let areas = derive(&seeds, 12.0, &clips);
        assert!(areas.areas.len() >= holders.len() * 2, "{} areas", areas.areas.len());
        for area in &areas.areas {
            if let Err(error) = area.shape.check_validation() {
                panic!("{} {:?} stale={}: {error}", area.holder, area.fill, area.stale);
            }
        }
        let total: f64 = areas.areas.iter().map(|a| a.km2).sum();
        let land_km2: f64 = clips.iter().map(|c| c.unsigned_area()).sum();
        assert!(total <= land_km2 * 1.000_001, "areas overlap or leave the land: {total} > {land_km2}");
    }
}
