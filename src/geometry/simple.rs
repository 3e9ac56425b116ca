//! A fast check that polygon rings are simple and meet other rings only at points: what
//! rounding coordinates to a grid can break in a shape that was valid before.

use geo::algorithm::sweep::{Cross, Intersections};
use geo::{Coord, Line, LineIntersection};

/// One edge of a ring, with where it sits: part, ring, and position in the ring.
#[derive(Debug, Clone)]
struct Edge {
    line: Line<f64>,
    ring: (usize, usize),
    index: usize,
    ring_edges: usize,
}

impl Cross for Edge {
    type Scalar = f64;

    fn line(&self) -> Line<f64> {
        self.line
    }
}

/// Whether closed rings (`parts[part][ring]`, each a list of `[x, y]` ending where it starts)
/// are free of crossings: no ring touches or crosses itself except where its consecutive edges
/// meet, and two rings meet at most at points, never along a line or across each other.
///
/// With the Bentley–Ottmann sweep this costs O((n + k) log n) for n edges and k meetings, where
/// `geo`'s full validation compares every pair of edges. It does not check what rounding cannot
/// change without a crossing (a part inside another, a hole outside its exterior).
pub fn crossing_free(parts: &[Vec<Vec<[f64; 2]>>]) -> bool {
    let mut edges = Vec::new();
    for (part, rings) in parts.iter().enumerate() {
        for (ring, points) in rings.iter().enumerate() {
            let ring_edges = points.len().saturating_sub(1);
            for (index, pair) in points.windows(2).enumerate() {
                let [a, b] = [pair[0], pair[1]].map(|[x, y]| Coord { x, y });
                edges.push(Edge { line: Line::new(a, b), ring: (part, ring), index, ring_edges });
            }
        }
    }
    Intersections::from_iter(edges).all(|(a, b, meeting)| allowed(&a, &b, &meeting))
}

/// Whether two edges may meet this way in a valid polygon.
fn allowed(a: &Edge, b: &Edge, meeting: &LineIntersection<f64>) -> bool {
    match meeting {
        LineIntersection::Collinear { .. } | LineIntersection::SinglePoint { is_proper: true, .. } => false,
        LineIntersection::SinglePoint { intersection, .. } if a.ring == b.ring => {
            let n = a.ring_edges;
            let (first, second) = if (a.index + 1) % n == b.index { (a, b) } else { (b, a) };
            (first.index + 1) % n == second.index
                && first.line.end == *intersection
                && *intersection == second.line.start
        }
        LineIntersection::SinglePoint { .. } => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
        let mut closed = points.to_vec();
        closed.push(points[0]);
        closed
    }

    #[test]
    fn simple_rings_pass_and_crossings_fail() {
        let square = ring(&[[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]]);
        let hole = ring(&[[0.5, 0.5], [0.5, 1.5], [1.5, 1.5], [1.5, 0.5]]);
        assert!(crossing_free(&[vec![square.clone(), hole]]));
        let bow_tie = ring(&[[0.0, 0.0], [2.0, 2.0], [2.0, 0.0], [0.0, 2.0]]);
        assert!(!crossing_free(&[vec![bow_tie]]));
        let self_touching = ring(&[[0.0, 0.0], [4.0, 0.0], [2.0, 2.0], [4.0, 4.0], [0.0, 4.0], [2.0, 2.0]]);
        assert!(!crossing_free(&[vec![self_touching]]));
    }

    #[test]
    fn parts_may_touch_at_a_point_but_not_along_a_line() {
        let square = ring(&[[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]]);
        let corner = ring(&[[2.0, 2.0], [3.0, 2.0], [3.0, 3.0], [2.0, 3.0]]);
        let beside = ring(&[[2.0, 0.0], [3.0, 0.0], [3.0, 2.0], [2.0, 2.0]]);
        assert!(crossing_free(&[vec![square.clone()], vec![corner]]));
        assert!(!crossing_free(&[vec![square], vec![beside]]));
    }
}
