//! Label placement: greedy, by rank, trying eight positions around each marker; a label that
//! would overlap another label or any marker is dropped. Placement is done once for a whole
//! series (over every marker that ever appears), so a label never jumps between frames.

use std::collections::BTreeMap;

use crate::render::scene::{Anchor, Rect};
use crate::render::text;

/// A label to place next to a point.
#[derive(Debug, Clone)]
pub struct Request {
    pub key: String,
    pub text: String,
    pub x: f64,
    pub y: f64,
    /// Distance from the point to the text (the marker's radius plus a little).
    pub gap: f64,
    pub size: f64,
    pub bold: bool,
    /// Higher is placed first.
    pub priority: i64,
    /// One of the area's biggest cities: labelled even over smaller places' markers when no
    /// free spot is left (never over another label, the legend or the scale bar).
    pub essential: bool,
}

/// Where a label went: its anchor point (baseline) and its box.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub rect: Rect,
}

/// Something labels must not cover; `owner` is the label's own marker, which it may touch.
#[derive(Debug, Clone)]
pub struct Obstacle {
    pub rect: Rect,
    pub owner: Option<String>,
}

/// A label's rank: importance first (a national capital, then population on a log scale), then
/// whether the place is tracked, then how many claims it has. A city of a million outranks a
/// tracked village of 500 with many claims; among places of one size the tracked and the
/// much-claimed come first.
pub fn priority(population: u64, capital: bool, tracked: bool, claims: usize) -> i64 {
    let size = (population.max(100) as f64).log10() * 100_000.0;
    let capital = if capital { 300_000 } else { 0 };
    let tracked = if tracked { 60_000 } else { 0 };
    size as i64 + capital + tracked + (claims.min(50) as i64) * 1_000
}

/// Places labels by priority inside `bounds`, avoiding obstacles and each other.
///
/// Obstacles and placed labels are kept in a grid of cells over `bounds`, so each candidate is
/// compared only with what lies near it: the cost follows the number of labels, not its square.
pub fn place(requests: &[Request], obstacles: &[Obstacle], bounds: Rect) -> BTreeMap<String, Placed> {
    let mut order: Vec<&Request> = requests.iter().collect();
    order.sort_by(|a, b| b.priority.cmp(&a.priority).then_with(|| a.key.cmp(&b.key)));
    let mut blocked = Grid::new(bounds);
    for (i, obstacle) in obstacles.iter().enumerate() {
        blocked.insert(i, &obstacle.rect);
    }
    let mut placed: BTreeMap<String, Placed> = BTreeMap::new();
    let mut taken: Vec<Rect> = Vec::new();
    let mut taken_grid = Grid::new(bounds);
    for request in order {
        let free_of_labels = |rect: &Rect| !taken_grid.any_near(rect, |i| taken[i].intersects(rect));
        let fits = |candidate: &Placed| {
            bounds.contains(&candidate.rect)
                && free_of_labels(&candidate.rect)
                && !blocked.any_near(&candidate.rect, |i| {
                    let o = &obstacles[i];
                    o.rect.intersects(&candidate.rect) && o.owner.as_deref() != Some(request.key.as_str())
                })
        };
        let over_markers = |candidate: &Placed| {
            request.essential
                && bounds.contains(&candidate.rect)
                && free_of_labels(&candidate.rect)
                && !blocked.any_near(&candidate.rect, |i| {
                    let o = &obstacles[i];
                    o.owner.is_none() && o.rect.intersects(&candidate.rect)
                })
        };
        let spots = candidates(request);
        let spot = spots.iter().find(|c| fits(c)).or_else(|| spots.iter().find(|c| over_markers(c)));
        if let Some(spot) = spot {
            taken_grid.insert(taken.len(), &spot.rect);
            taken.push(spot.rect);
            placed.insert(request.key.clone(), spot.clone());
        }
    }
    placed
}

/// The side of a grid cell, in pixels (about a short label's height).
const CELL: f64 = 32.0;

/// Rectangles (by index) filed under the cells of `bounds` they overlap; a rectangle reaching
/// outside is filed under the edge cells, which is enough for questions about rectangles inside.
struct Grid {
    x0: f64,
    y0: f64,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<usize>>,
}

impl Grid {
    fn new(bounds: Rect) -> Grid {
        let count = |extent: f64| ((extent / CELL).ceil().max(1.0) as usize).min(4096);
        let (cols, rows) = (count(bounds.width()), count(bounds.height()));
        Grid { x0: bounds.x0, y0: bounds.y0, cols, rows, cells: vec![Vec::new(); cols * rows] }
    }

    /// The cells a rectangle overlaps: columns and rows, inclusive, clamped to the grid.
    fn span(&self, rect: &Rect) -> (usize, usize, usize, usize) {
        let index = |v: f64, origin: f64, len: usize| {
            let i = ((v - origin) / CELL).floor();
            if i.is_nan() || i < 0.0 { 0 } else { (i as usize).min(len - 1) }
        };
        (
            index(rect.x0, self.x0, self.cols),
            index(rect.x1, self.x0, self.cols),
            index(rect.y0, self.y0, self.rows),
            index(rect.y1, self.y0, self.rows),
        )
    }

    fn insert(&mut self, id: usize, rect: &Rect) {
        let (c0, c1, r0, r1) = self.span(rect);
        for row in r0..=r1 {
            for col in c0..=c1 {
                self.cells[row * self.cols + col].push(id);
            }
        }
    }

    /// Whether `test` holds for any rectangle filed under a cell that `rect` overlaps.
    fn any_near(&self, rect: &Rect, mut test: impl FnMut(usize) -> bool) -> bool {
        let (c0, c1, r0, r1) = self.span(rect);
        (r0..=r1).any(|row| (c0..=c1).any(|col| self.cells[row * self.cols + col].iter().any(|&id| test(id))))
    }
}

/// The eight positions, in order of preference: right, left, upper right, lower right, upper
/// left, lower left, above, below.
fn candidates(r: &Request) -> Vec<Placed> {
    let width = text::width(&r.text, r.size, r.bold);
    let (ascent, descent) = (0.76 * r.size, 0.24 * r.size);
    let g = r.gap;
    let d = g * 0.72;
    let middle = r.y + 0.36 * r.size;
    let spots = [
        (r.x + g, middle, Anchor::Start),
        (r.x - g, middle, Anchor::End),
        (r.x + d, r.y - d, Anchor::Start),
        (r.x + d, r.y + d + ascent, Anchor::Start),
        (r.x - d, r.y - d, Anchor::End),
        (r.x - d, r.y + d + ascent, Anchor::End),
        (r.x, r.y - g - descent, Anchor::Middle),
        (r.x, r.y + g + ascent, Anchor::Middle),
    ];
    spots
        .into_iter()
        .map(|(x, y, anchor)| {
            let left = match anchor {
                Anchor::Start => x,
                Anchor::Middle => x - width / 2.0,
                Anchor::End => x - width,
            };
            let pad = 0.12 * r.size;
            Placed {
                x,
                y,
                anchor,
                rect: Rect::new(left - pad, y - ascent - pad, left + width + pad, y + descent + pad),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_cities_outrank_small_tracked_places() {
        let village_with_many_claims = priority(600, false, true, 40);
        let big_untracked_city = priority(1_400_000, false, false, 0);
        let capital = priority(900_000, true, false, 0);
        assert!(big_untracked_city > village_with_many_claims);
        assert!(capital > big_untracked_city);
        assert!(priority(5_000, false, true, 3) > priority(5_000, false, false, 0), "tracked first at equal size");
        assert!(priority(5_000, false, true, 9) > priority(5_000, false, true, 3), "then by claims");
    }

    #[test]
    fn an_essential_label_may_cover_small_markers_but_not_labels_or_the_legend() {
        let city = Request { essential: true, ..request("City", 100.0, 100.0, 10) };
        let crowd: Vec<Obstacle> = [
            (-30.0, 0.0),
            (30.0, 0.0),
            (0.0, -14.0),
            (0.0, 14.0),
            (25.0, -12.0),
            (25.0, 12.0),
            (-25.0, -12.0),
            (-25.0, 12.0),
        ]
        .iter()
        .map(|(dx, dy)| Obstacle { rect: Rect::around(100.0 + dx, 100.0 + dy, 9.0), owner: Some("village".into()) })
        .collect();
        let bounds = Rect::new(0.0, 0.0, 400.0, 400.0);
        assert!(!place(&[request("City", 100.0, 100.0, 10)], &crowd, bounds).contains_key("City"));
        assert!(place(std::slice::from_ref(&city), &crowd, bounds).contains_key("City"));
        let legend = Obstacle { rect: Rect::new(0.0, 0.0, 400.0, 400.0), owner: None };
        assert!(!place(&[city], &[legend], bounds).contains_key("City"));
    }

    fn request(key: &str, x: f64, y: f64, priority: i64) -> Request {
        Request {
            key: key.into(),
            text: key.into(),
            x,
            y,
            gap: 6.0,
            size: 12.0,
            bold: false,
            priority,
            essential: false,
        }
    }

    #[test]
    fn labels_never_overlap_and_lower_ranks_give_way() {
        let requests: Vec<Request> = (0..40)
            .map(|i| request(&format!("Town{i:02}"), 100.0 + (i % 5) as f64 * 9.0, 100.0 + (i / 5) as f64 * 9.0, i))
            .collect();
        let placed = place(&requests, &[], Rect::new(0.0, 0.0, 400.0, 400.0));
        assert!(placed.len() < 40, "some labels are dropped in a crowd");
        assert!(placed.contains_key("Town39"), "the highest priority is placed");
        let rects: Vec<&Rect> = placed.values().map(|p| &p.rect).collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.intersects(b));
            }
        }
    }

    #[test]
    fn labels_avoid_other_markers_but_may_touch_their_own() {
        let own = Obstacle { rect: Rect::around(100.0, 100.0, 5.0), owner: Some("Raqqa".into()) };
        let right = Obstacle { rect: Rect::new(104.0, 80.0, 200.0, 120.0), owner: None };
        let placed = place(&[request("Raqqa", 100.0, 100.0, 1)], &[own, right], Rect::new(0.0, 0.0, 300.0, 300.0));
        assert_eq!(placed["Raqqa"].anchor, Anchor::End, "pushed to the left");
    }

    #[test]
    fn labels_stay_inside_the_bounds() {
        let placed = place(&[request("Edge", 295.0, 150.0, 1)], &[], Rect::new(0.0, 0.0, 300.0, 300.0));
        assert!(placed["Edge"].rect.x1 <= 300.0);
    }
}
