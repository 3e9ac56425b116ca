//! Control areas derived from towns.
//!
//! # The rule (printed on every map)
//! Each tracked town gets the part of the plane nearer to it than to any other tracked town
//! (its nearest-neighbour or Voronoi cell), cut to a disc of `radius_km` around the town and to
//! its own country (so an area stops at an international border and at the coast). Cells are
//! merged by holder and status. Where two neighbouring cells have different
//! holders, their shared edge is a front line. Everything is computed in the equal-area map
//! projection, so areas come out in km².

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use geo::{Area, BooleanOps, Contains, Coord, LineString, MultiPolygon, Point, Polygon, unary_union};
use rayon::prelude::*;

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

/// Applies the area rule. Each seed's cell is cut to `clips[seed.clip]` (projected km), or left
/// whole when the seed has no clip.
pub fn derive(seeds: &[Seed], radius_km: f64, clips: &[MultiPolygon<f64>]) -> Areas {
    derive_with(seeds, radius_km, clips, &CellCache::default())
}

/// A town's cell: its vertices, each with the neighbour whose bisector the edge from it lies on.
type Cell = Vec<(Coord<f64>, Option<usize>)>;

/// What the frames of a series share while their areas are derived: the cells of the last set
/// of seed positions, whether a town's disc lies wholly inside its clip, and merged shapes
/// already computed. The cells depend only on where the seeds are; a town's cell depends only on
/// the towns within two radii, so a month in which some towns appear or vanish cuts again only
/// the cells near them. Every shortcut gives the bytes a full computation gives.
/// A cache serves one set of clips (those of its series).
#[derive(Default)]
pub struct CellCache {
    last: Mutex<Option<Arc<CachedCells>>>,
    /// By position, clip and radius: the town's disc lies inside the clip, away from its edges.
    inside: Mutex<HashMap<(u64, u64, usize, u64), bool>>,
    shapes: Mutex<ShapeMemo>,
}

/// The seed positions and radius the cells were cut for, the cells, for each cell how far
/// a change reaches it (see [`cell`]) and a fingerprint of its vertices (see [`cell_print`]).
struct CachedCells {
    positions: Vec<(f64, f64)>,
    radius: f64,
    cells: Arc<Vec<Cell>>,
    reaches: Vec<f64>,
    prints: Arc<Vec<u128>>,
}

/// A cell as [`cells_reusing`] and [`fresh_cells`] give it: its vertices, its reach and the
/// fingerprint of its vertices.
type MadeCell = (Cell, f64, u128);

impl CellCache {
    /// The cells of the seeds, with the fingerprint of each cell's vertices.
    fn cells(&self, seeds: &[Seed], radius_km: f64) -> (Arc<Vec<Cell>>, Arc<Vec<u128>>) {
        let positions: Vec<(f64, f64)> = seeds.iter().map(|s| (s.x, s.y)).collect();
        let last = self.last.lock().ok().and_then(|last| last.clone()).filter(|last| last.radius == radius_km);
        let made = match last {
            Some(last) if last.positions == positions => return (last.cells.clone(), last.prints.clone()),
            Some(last) => cells_reusing(seeds, radius_km, &positions, &last),
            None => fresh_cells(seeds, radius_km),
        };
        let mut cells = Vec::with_capacity(made.len());
        let mut reaches = Vec::with_capacity(made.len());
        let mut prints = Vec::with_capacity(made.len());
        for (cell, reach, print) in made {
            cells.push(cell);
            reaches.push(reach);
            prints.push(print);
        }
        let (cells, prints) = (Arc::new(cells), Arc::new(prints));
        if let Ok(mut last) = self.last.lock() {
            let cached =
                CachedCells { positions, radius: radius_km, cells: cells.clone(), reaches, prints: prints.clone() };
            *last = Some(Arc::new(cached));
        }
        (cells, prints)
    }

    /// For each seed, whether its cell lies inside its clip and needs no cut (see [`disc_inside`]).
    fn inside_flags(&self, seeds: &[Seed], radius_km: f64, clips: &[MultiPolygon<f64>]) -> Vec<bool> {
        let key = |s: &Seed, c: usize| (s.x.to_bits(), s.y.to_bits(), c, radius_km.to_bits());
        let known: Vec<Option<bool>> = match self.inside.lock() {
            Ok(inside) => seeds.iter().map(|s| s.clip.and_then(|c| inside.get(&key(s, c)).copied())).collect(),
            Err(_) => vec![None; seeds.len()],
        };
        let flags: Vec<bool> = seeds
            .par_iter()
            .zip(&known)
            .map(|(seed, known)| match (known, seed.clip.filter(|&c| c < clips.len())) {
                (Some(flag), _) => *flag,
                (None, Some(c)) => disc_inside(Coord { x: seed.x, y: seed.y }, radius_km, &clips[c]),
                (None, None) => true,
            })
            .collect();
        if let Ok(mut inside) = self.inside.lock() {
            for ((seed, flag), known) in seeds.iter().zip(&flags).zip(&known) {
                if let (None, Some(c)) = (known, seed.clip.filter(|&c| c < clips.len())) {
                    inside.insert(key(seed, c), *flag);
                }
            }
        }
        flags
    }

    /// The shape made by `make`, or the one it made before for the same `fingerprint`.
    fn shape(&self, fingerprint: u128, make: impl FnOnce() -> MultiPolygon<f64>) -> Arc<MultiPolygon<f64>> {
        if let Some(shape) = self.shapes.lock().ok().and_then(|mut memo| memo.get(fingerprint)) {
            return shape;
        }
        let shape = Arc::new(make());
        if let Ok(mut memo) = self.shapes.lock() {
            memo.put(fingerprint, shape.clone());
        }
        shape
    }
}

/// Merged shapes by a fingerprint of everything they were made from, the least recently used
/// dropped when they hold more than [`MEMO_COORDS`] vertices.
#[derive(Default)]
struct ShapeMemo {
    shapes: HashMap<u128, (Arc<MultiPolygon<f64>>, u64)>,
    coords: usize,
    clock: u64,
}

/// About 16 MB of vertices.
const MEMO_COORDS: usize = 1_000_000;

impl ShapeMemo {
    fn get(&mut self, fingerprint: u128) -> Option<Arc<MultiPolygon<f64>>> {
        self.clock += 1;
        let clock = self.clock;
        self.shapes.get_mut(&fingerprint).map(|(shape, used)| {
            *used = clock;
            shape.clone()
        })
    }

    fn put(&mut self, fingerprint: u128, shape: Arc<MultiPolygon<f64>>) {
        self.clock += 1;
        self.coords += coord_count(&shape);
        if let Some((old, _)) = self.shapes.insert(fingerprint, (shape, self.clock)) {
            self.coords -= coord_count(&old);
        }
        if self.coords > MEMO_COORDS {
            let mut uses: Vec<u64> = self.shapes.values().map(|(_, used)| *used).collect();
            uses.sort_unstable();
            let cut = uses[uses.len() / 2];
            self.shapes.retain(|_, (_, used)| *used > cut);
            self.coords = self.shapes.values().map(|(shape, _)| coord_count(shape)).sum();
        }
    }
}

fn coord_count(shape: &MultiPolygon<f64>) -> usize {
    shape.0.iter().map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>()).sum()
}

/// Whether the disc of `radius` around `centre` lies inside `clip`: the centre is inside and
/// every edge of the clip is farther than the radius. A cell (never wider than its disc) of such
/// a town is the same cut to the clip or not.
fn disc_inside(centre: Coord<f64>, radius: f64, clip: &MultiPolygon<f64>) -> bool {
    let reach2 = (radius * (1.0 + 1e-6)).powi(2);
    let edges = clip.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())).flat_map(|r| r.lines());
    let mut far = edges.filter(|edge| {
        let (lo_x, hi_x) = (edge.start.x.min(edge.end.x), edge.start.x.max(edge.end.x));
        let (lo_y, hi_y) = (edge.start.y.min(edge.end.y), edge.start.y.max(edge.end.y));
        centre.x > lo_x - radius * 2.0
            && centre.x < hi_x + radius * 2.0
            && centre.y > lo_y - radius * 2.0
            && centre.y < hi_y + radius * 2.0
    });
    far.all(|edge| distance2_to_segment(centre, edge.start, edge.end) > reach2) && clip.contains(&Point::from(centre))
}

fn distance2_to_segment(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 { (((p.x - a.x) * dx + (p.y - a.y) * dy) / length2).clamp(0.0, 1.0) } else { 0.0 };
    let (qx, qy) = (a.x + t * dx - p.x, a.y + t * dy - p.y);
    qx * qx + qy * qy
}

/// The cells of `seeds`, each cut afresh.
fn fresh_cells(seeds: &[Seed], radius_km: f64) -> Vec<MadeCell> {
    let near = Neighbours::new(seeds, radius_km);
    (0..seeds.len()).into_par_iter().map(|i| printed(cell(seeds, i, radius_km, near.of(seeds, i)))).collect()
}

/// A new cell with the fingerprint of its vertices.
fn printed((cell, reach): (Cell, f64)) -> MadeCell {
    let print = cell_print(&cell);
    (cell, reach, print)
}

/// A fingerprint of a cell's vertices (not its labels, which are renumbered when it is reused):
/// merged shapes are remembered by the fingerprints of their cells (see [`hash_cells`]).
fn cell_print(cell: &Cell) -> u128 {
    fingerprint(|h| {
        cell.len().hash(h);
        for (c, _) in cell {
            c.x.to_bits().hash(h);
            c.y.to_bits().hash(h);
        }
    })
}

/// The cells of `seeds`, taking from `last` every cell whose town stood there before and that no
/// town that appeared or vanished reaches (its labels renumbered); only the others are cut again.
fn cells_reusing(seeds: &[Seed], radius_km: f64, positions: &[(f64, f64)], last: &CachedCells) -> Vec<MadeCell> {
    let near = Neighbours::new(seeds, radius_km);
    let bits = |p: &(f64, f64)| (p.0.to_bits(), p.1.to_bits());
    let old_at = index_by_position(&last.positions);
    let new_at = index_by_position(positions);
    // Towns that appeared, vanished, or share their spot with another town.
    let unique_in =
        |at: &HashMap<(u64, u64), usize>, p: &(f64, f64)| at.get(&bits(p)).is_some_and(|&i| i != usize::MAX);
    let changed: Vec<(f64, f64)> = positions
        .iter()
        .filter(|p| !unique_in(&old_at, p) || !unique_in(&new_at, p))
        .chain(last.positions.iter().filter(|p| !unique_in(&new_at, p) || !unique_in(&old_at, p)))
        .copied()
        .collect();
    // Old index to new, for the towns in both; reuse needs both in the same relative order.
    let renumber: Vec<Option<usize>> =
        last.positions.iter().map(|p| old_at.get(&bits(p)).and_then(|_| new_at.get(&bits(p)).copied())).collect();
    let mut in_order = true;
    let mut previous = None;
    for &new in renumber.iter().flatten().filter(|&&n| n != usize::MAX) {
        in_order &= previous.is_none_or(|p| p < new);
        previous = Some(new);
    }
    let disturbed = Squares::new(&changed, 2.0 * radius_km);
    (0..seeds.len())
        .into_par_iter()
        .map(|i| {
            let p = positions[i];
            let old = old_at.get(&bits(&p)).copied().filter(|&o| o != usize::MAX && unique_in(&new_at, &p));
            let reused = old.filter(|&o| in_order && !disturbed.any_within(p, last.reaches[o])).and_then(|o| {
                let cell = last.cells[o]
                    .iter()
                    .map(|&(c, label)| match label {
                        None => Some((c, None)),
                        Some(j) => renumber[j].filter(|&n| n != usize::MAX).map(|n| (c, Some(n))),
                    })
                    .collect::<Option<Cell>>()?;
                Some((cell, last.reaches[o], last.prints[o]))
            });
            reused.unwrap_or_else(|| printed(cell(seeds, i, radius_km, near.of(seeds, i))))
        })
        .collect()
}

/// Each position's index, or `usize::MAX` for a position held by more than one seed.
fn index_by_position(positions: &[(f64, f64)]) -> HashMap<(u64, u64), usize> {
    let mut at = HashMap::with_capacity(positions.len());
    for (i, p) in positions.iter().enumerate() {
        at.entry((p.0.to_bits(), p.1.to_bits())).and_modify(|e| *e = usize::MAX).or_insert(i);
    }
    at
}

/// Points filed by squares, to ask whether any lies within a distance of a spot.
struct Squares {
    side: f64,
    squares: HashMap<(i64, i64), Vec<(f64, f64)>>,
}

impl Squares {
    fn new(points: &[(f64, f64)], side: f64) -> Squares {
        let side = side.max(f64::MIN_POSITIVE);
        let mut squares: HashMap<(i64, i64), Vec<(f64, f64)>> = HashMap::new();
        for &p in points {
            squares.entry(((p.0 / side).floor() as i64, (p.1 / side).floor() as i64)).or_default().push(p);
        }
        Squares { side, squares }
    }

    /// Whether a point lies within `reach` (at most the side) of `p`, or about as far.
    fn any_within(&self, p: (f64, f64), reach: f64) -> bool {
        let (cx, cy) = ((p.0 / self.side).floor() as i64, (p.1 / self.side).floor() as i64);
        (cx - 1..=cx + 1).flat_map(|x| (cy - 1..=cy + 1).map(move |y| (x, y))).any(|key| {
            self.squares.get(&key).is_some_and(|points| {
                points.iter().any(|q| (q.0 - p.0).powi(2) + (q.1 - p.1).powi(2) <= reach * reach * (1.0 + 1e-6) + 1e-9)
            })
        })
    }
}

/// The seeds (by index) of one merged area, by the clip their cells are cut to.
type CellsByClip = BTreeMap<Option<usize>, Vec<usize>>;

/// [`derive`], with the cells, inside tests and merged shapes of `cache` (see [`CellCache`]).
///
/// A group of cells (one holder, fill and staleness in one country) is cut to its country only
/// where it may cross the country's edge: the cells of towns farther than a radius from it are
/// inside already and join the merged area uncut.
pub fn derive_with(seeds: &[Seed], radius_km: f64, clips: &[MultiPolygon<f64>], cache: &CellCache) -> Areas {
    let (cells, prints) = cache.cells(seeds, radius_km);
    let inside = cache.inside_flags(seeds, radius_km, clips);
    let mut groups: BTreeMap<(&str, &Fill, bool), CellsByClip> = BTreeMap::new();
    for (i, (seed, cell)) in seeds.iter().zip(cells.iter()).enumerate() {
        if cell.len() >= 3 {
            let clip = seed.clip.filter(|&c| c < clips.len());
            let key = (seed.holder.as_str(), &seed.fill, seed.stale);
            groups.entry(key).or_default().entry(clip).or_default().push(i);
        }
    }
    let groups: Vec<_> = groups.into_iter().collect();
    let areas = groups
        .into_par_iter()
        .map(|((holder, fill, stale), members)| {
            let (holder, fill) = (holder.to_string(), fill.clone());
            let shape = merged_shape((&holder, &fill, stale), &members, (&cells, &prints, &inside), clips, cache);
            let km2 = shape.unsigned_area();
            ControlArea { holder, fill, stale, shape: (*shape).clone(), km2 }
        })
        .filter(|a| a.km2 > 0.0)
        .collect();
    Areas { areas, fronts: fronts(seeds, &cells) }
}

/// The merged area of one holder, fill and staleness: its cells (by clip) cut where they may
/// leave their clip, then made one valid shape.
fn merged_shape(
    group: (&str, &Fill, bool),
    members: &CellsByClip,
    (cells, prints, inside): (&[Cell], &[u128], &[bool]),
    clips: &[MultiPolygon<f64>],
    cache: &CellCache,
) -> Arc<MultiPolygon<f64>> {
    let fingerprint = fingerprint(|h| {
        group.hash(h);
        for (clip, indices) in members {
            clip.hash(h);
            hash_cells(h, indices, prints, inside);
        }
    });
    cache.shape(fingerprint, || {
        let mut pieces: Vec<Polygon<f64>> = Vec::new();
        for (&clip, indices) in members {
            let (uncut, to_cut): (Vec<usize>, Vec<usize>) = match clip {
                Some(_) => indices.iter().partition(|&&i| inside[i]),
                None => (indices.clone(), Vec::new()),
            };
            pieces.extend(uncut.iter().map(|&i| cell_polygon(&cells[i])));
            if let (Some(c), false) = (clip, to_cut.is_empty()) {
                pieces.extend(cut_piece(&to_cut, (cells, prints), &clips[c], c, cache).0.iter().cloned());
            }
        }
        // The pieces cut to different countries meet along borders: one union makes them one
        // valid shape (parts that touch only at points, no shared edges, no overlaps).
        without_slivers(unary_union(&pieces))
    })
}

/// The union of some cells cut to their clip.
fn cut_piece(
    indices: &[usize],
    (cells, prints): (&[Cell], &[u128]),
    clip: &MultiPolygon<f64>,
    c: usize,
    cache: &CellCache,
) -> Arc<MultiPolygon<f64>> {
    let fingerprint = fingerprint(|h| {
        "cut".hash(h);
        c.hash(h);
        hash_cells(h, indices, prints, &[]);
    });
    cache.shape(fingerprint, || {
        let polygons: Vec<Polygon<f64>> = indices.iter().map(|&i| cell_polygon(&cells[i])).collect();
        unary_union(&polygons).intersection(clip)
    })
}

fn cell_polygon(cell: &Cell) -> Polygon<f64> {
    closed_polygon(cell.iter().map(|(c, _)| *c).collect())
}

/// Feeds the fingerprints of some cells' vertices (see [`cell_print`]) and whether each is
/// inside its clip to a hasher.
fn hash_cells(h: &mut DefaultHasher, indices: &[usize], prints: &[u128], inside: &[bool]) {
    indices.len().hash(h);
    for &i in indices {
        inside.get(i).hash(h);
        prints[i].hash(h);
    }
}

/// A 128-bit fingerprint of what `feed` hashes (two independent 64-bit hashes).
fn fingerprint(feed: impl Fn(&mut DefaultHasher)) -> u128 {
    let mut first = DefaultHasher::new();
    feed(&mut first);
    let mut second = DefaultHasher::new();
    0x5eed_u64.hash(&mut second);
    feed(&mut second);
    (u128::from(first.finish()) << 64) | u128::from(second.finish())
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

    /// The other seeds closer to seed `i` than two radii, each with its squared distance.
    fn of(&self, seeds: &[Seed], i: usize) -> Vec<(f64, usize)> {
        let centre = &seeds[i];
        let (cx, cy) = self.square(centre);
        let reach2 = self.side * self.side;
        (cx - 1..=cx + 1)
            .flat_map(|x| (cy - 1..=cy + 1).map(move |y| (x, y)))
            .filter_map(|key| self.squares.get(&key))
            .flatten()
            .filter_map(|&j| {
                let (dx, dy) = (seeds[j].x - centre.x, seeds[j].y - centre.y);
                let distance2 = dx * dx + dy * dy;
                (j != i && distance2 < reach2).then_some((distance2, j))
            })
            .collect()
    }
}

/// The disc around seed `i` clipped by the bisectors with every seed closer than two radii
/// (`near`: those seeds with their squared distances), nearest first.
/// Each vertex carries the label of the edge that starts at it: the neighbour whose bisector
/// it lies on, or `None` for the disc's rim.
///
/// Also gives how far the cell's neighbourhood reaches: a seed added or removed farther away
/// changes nothing, to the bit. The nearer seeds up to the last one that cut the cell are
/// clipped in the same order, and every seed beyond twice the cell's farthest vertex is skipped.
fn cell(seeds: &[Seed], i: usize, radius: f64, mut near: Vec<(f64, usize)>) -> (Cell, f64) {
    let centre = Coord { x: seeds[i].x, y: seeds[i].y };
    let mut polygon: Cell = (0..DISC_SIDES)
        .map(|k| {
            let angle = std::f64::consts::TAU * k as f64 / DISC_SIDES as f64;
            (Coord { x: centre.x + radius * angle.cos(), y: centre.y + radius * angle.sin() }, None)
        })
        .collect();
    near.retain(|&(distance2, j)| j != i && distance2 < 4.0 * radius * radius);
    let mut reach2 = farthest2(&polygon, centre);
    let mut last_cut2 = 0.0;
    for (distance2, j) in nearest_first(near) {
        if distance2 == 0.0 {
            // Two towns at one spot: the lower index keeps the cell.
            if j < i {
                return (Vec::new(), 2.0 * radius);
            }
            continue;
        }
        // A bisector farther than every vertex leaves the cell as it is, and so do those of
        // the seeds farther still.
        if distance2 / 4.0 > reach2 * (1.0 + 1e-9) + 1e-9 {
            break;
        }
        let (dx, dy) = (seeds[j].x - centre.x, seeds[j].y - centre.y);
        let mid = Coord { x: centre.x + dx / 2.0, y: centre.y + dy / 2.0 };
        let normal = Coord { x: dx, y: dy };
        if !cuts(&polygon, mid, normal) {
            continue;
        }
        polygon = clip(&polygon, mid, normal, j);
        last_cut2 = distance2;
        if polygon.is_empty() {
            return (polygon, distance2.sqrt());
        }
        reach2 = farthest2(&polygon, centre);
    }
    let reach = last_cut2.sqrt().max(2.0 * (reach2 * (1.0 + 1e-9) + 1e-9).sqrt());
    (polygon, reach.min(2.0 * radius))
}

/// Seeds by distance, then index, nearest first: taken from a heap one at a time, since a cell
/// usually stops after its few nearest neighbours (sorting them all cost more than building the
/// cells). The same order as sorting the list.
fn nearest_first(near: Vec<(f64, usize)>) -> impl Iterator<Item = (f64, usize)> {
    let mut heap: std::collections::BinaryHeap<std::cmp::Reverse<ByDistance>> =
        near.into_iter().map(|(d, j)| std::cmp::Reverse(ByDistance(d, j))).collect();
    std::iter::from_fn(move || heap.pop().map(|std::cmp::Reverse(ByDistance(d, j))| (d, j)))
}

/// A neighbour's squared distance and index, ordered by distance (total order), then index.
struct ByDistance(f64, usize);

impl Ord for ByDistance {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(self.1.cmp(&other.1))
    }
}

impl PartialOrd for ByDistance {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for ByDistance {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for ByDistance {}

/// Whether the bisector through `mid` with `normal` cuts anything off a polygon (else clipping
/// would give it back unchanged).
fn cuts(polygon: &[(Coord<f64>, Option<usize>)], mid: Coord<f64>, normal: Coord<f64>) -> bool {
    polygon.iter().any(|(p, _)| (p.x - mid.x) * normal.x + (p.y - mid.y) * normal.y > 0.0)
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

    #[test]
    fn neighbours_come_nearest_first_as_sorting_gives_them() {
        let near: Vec<(f64, usize)> =
            (0..200).map(|j| (((j * 7919) % 61) as f64 * 0.5, (j * 104_729) % 1000)).collect();
        let mut sorted = near.clone();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        assert!(sorted.windows(2).any(|w| w[0].0 == w[1].0), "the list has ties in distance");
        assert_eq!(nearest_first(near).collect::<Vec<_>>(), sorted);
        assert_eq!(nearest_first(Vec::new()).count(), 0);
    }

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

    /// Cells taken over from an earlier set of towns are, to the bit, the cells cut afresh: towns
    /// appear and vanish between the sets, and the cache's cells equal those of a new cache.
    #[test]
    fn reused_cells_equal_fresh_cells() {
        let mut random = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            (random % 1_000_000) as f64 / 1_000_000.0
        };
        let all: Vec<Seed> = (0..1500).map(|_| seed(next() * 300.0, next() * 300.0, "is")).collect();
        let cache = CellCache::default();
        for round in 0..6 {
            // Each round keeps most towns and drops a different few (the same relative order).
            let seeds: Vec<Seed> =
                all.iter().enumerate().filter(|(k, _)| (k * 7 + round) % 23 != 0).map(|(_, s)| s.clone()).collect();
            let (from_cache, prints) = cache.cells(&seeds, 12.0);
            let (fresh, fresh_prints) = CellCache::default().cells(&seeds, 12.0);
            assert_eq!(prints, fresh_prints, "round {round}");
            assert_eq!(from_cache.len(), fresh.len());
            for (k, (a, b)) in from_cache.iter().zip(fresh.iter()).enumerate() {
                let bits =
                    |cell: &Cell| cell.iter().map(|(c, l)| (c.x.to_bits(), c.y.to_bits(), *l)).collect::<Vec<_>>();
                assert_eq!(bits(a), bits(b), "round {round}, cell {k}");
            }
        }
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
