//! PNG frames encoded against the series' base map. A frame is the base map with a month's layers
//! drawn over it, so most of its pixels are the base map's: the Paeth-filtered rows of the base are
//! worked out once per series, and a frame converts and filters only the stretches of its rows that
//! differ from the base (or sit under such a stretch), copying the base's filtered bytes elsewhere.
//! The filtered rows go through the same compressor, in the same calls, and into the same IDAT
//! chunks as [`raster::encode_png`] gives them, so the files are byte for byte the same.

use resvg::tiny_skia::Pixmap;

use crate::render::raster::{self, RGB_SLACK, RasterError, rgb_row};

/// Pixels compared with the base map at a time: a stretch that differs is filtered afresh.
const BLOCK: usize = 32;

/// The PNG row filter used for every row (Paeth, as in [`raster::encode_png`]).
const PAETH: u8 = 4;

/// The size of the IDAT chunks `raster::encode_png`'s stream writer emits.
const IDAT_CHUNK: usize = 1 << 16;

/// The base map's rows, Paeth-filtered as RGB (no filter-type byte), worked out once per series.
pub struct FilteredBase {
    width: usize,
    height: usize,
    rows: Vec<u8>,
}

impl FilteredBase {
    /// Filters every row of `base` as the PNG encoder would.
    pub fn new(base: &Pixmap) -> FilteredBase {
        let (width, height) = (base.width() as usize, base.height() as usize);
        let mut rows = vec![0; width * height * 3];
        let (mut here, mut above) = (RgbRow::new(width), RgbRow::new(width));
        for (y, out) in rows.chunks_exact_mut(width * 3).enumerate() {
            here.convert(row_of(base, y), 0, width);
            paeth_bytes(here.from_left_of(0, width), above.from_left_of(0, width), out);
            std::mem::swap(&mut here, &mut above);
        }
        FilteredBase { width, height, rows }
    }

    fn row(&self, y: usize) -> &[u8] {
        &self.rows[y * self.width * 3..(y + 1) * self.width * 3]
    }
}

/// Row `y` of a pixmap as RGBA bytes.
fn row_of(pixmap: &Pixmap, y: usize) -> &[u8] {
    let stride = pixmap.width() as usize * 4;
    &pixmap.data()[y * stride..(y + 1) * stride]
}

/// A row's RGB as the encoder converts it, after one pixel of zeros (the left neighbour PNG
/// filters see at the row's start); converted stretch by stretch, only where needed.
struct RgbRow {
    rgb: Vec<u8>,
}

impl RgbRow {
    fn new(width: usize) -> RgbRow {
        RgbRow { rgb: vec![0; (width + 1) * 3 + RGB_SLACK] }
    }

    /// Converts pixels `start..end` of the RGBA row (scribbling on a few bytes after them, which
    /// a later stretch of the row overwrites or nothing reads).
    fn convert(&mut self, rgba: &[u8], start: usize, end: usize) {
        rgb_row(&rgba[start * 4..end * 4], &mut self.rgb[(start + 1) * 3..]);
    }

    /// The RGB of pixels `start..end` with the pixel left of `start` first.
    fn from_left_of(&self, start: usize, end: usize) -> &[u8] {
        &self.rgb[start * 3..(end + 1) * 3]
    }
}

/// The Paeth filter over bytes: `cur` and `prev` start one pixel (3 bytes) left of the output's
/// first byte. Each byte depends only on unfiltered bytes, so the loop has no carried state.
fn paeth_bytes(cur: &[u8], prev: &[u8], out: &mut [u8]) {
    let n = out.len();
    let (left, here) = (&cur[..n], &cur[3..n + 3]);
    let (up_left, up) = (&prev[..n], &prev[3..n + 3]);
    for i in 0..n {
        out[i] = here[i].wrapping_sub(paeth_predictor(left[i], up[i], up_left[i]));
    }
}

/// The PNG Paeth predictor: of left, up and up-left, the one nearest to left + up - up-left
/// (ties go to left, then up).
fn paeth_predictor(a: u8, b: u8, c: u8) -> u8 {
    let (a16, b16, c16) = (i16::from(a), i16::from(b), i16::from(c));
    let to_a = (b16 - c16).abs();
    let to_b = (a16 - c16).abs();
    let to_c = (a16 + b16 - 2 * c16).abs();
    if to_a <= to_b && to_a <= to_c {
        a
    } else if to_b <= to_c {
        b
    } else {
        c
    }
}

/// Marks the blocks of `cur` that differ from `base`; true when any does.
fn mark_changes(cur: &[u8], base: &[u8], changed: &mut [bool]) -> bool {
    let mut any = false;
    for ((flag, a), b) in changed.iter_mut().zip(cur.chunks(BLOCK * 4)).zip(base.chunks(BLOCK * 4)) {
        *flag = a != b;
        any |= *flag;
    }
    any
}

/// The runs of consecutive blocks for which `dirty` holds, as block ranges.
fn block_runs(blocks: usize, dirty: impl Fn(usize) -> bool) -> impl Iterator<Item = (usize, usize)> {
    let mut b = 0;
    std::iter::from_fn(move || {
        while b < blocks && !dirty(b) {
            b += 1;
        }
        if b == blocks {
            return None;
        }
        let first = b;
        while b < blocks && dirty(b) {
            b += 1;
        }
        Some((first, b))
    })
}

/// Whether any of the flags next to and at `b` is set: a block one away from a changed block
/// holds a neighbour of the changed block's pixels.
fn near(flags: &[bool], b: usize) -> bool {
    flags[b] || (b > 0 && flags[b - 1]) || flags.get(b + 1).copied().unwrap_or(false)
}

/// Change flags of the blocks of three rows: the one above, the one being encoded, the next.
struct Changes {
    above: Vec<bool>,
    here: Vec<bool>,
    below: Vec<bool>,
}

impl Changes {
    /// Moves down a row: the flags of the new next row are to be marked in `below`.
    fn advance(&mut self) {
        std::mem::swap(&mut self.above, &mut self.here);
        std::mem::swap(&mut self.here, &mut self.below);
    }

    fn any_here_or_above(&self) -> bool {
        self.here.iter().chain(&self.above).any(|&c| c)
    }

    /// Blocks of this row to convert to RGB: those the filtering of this row or of the next one
    /// reads (changed in any of the three rows, or next to such a block).
    fn to_convert(&self, b: usize) -> bool {
        near(&self.above, b) || near(&self.here, b) || near(&self.below, b)
    }

    /// Pixels of this row to filter afresh: runs of blocks changed here or above, each grown by
    /// the pixel after it (whose left neighbours changed).
    fn stretches(&self, width: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        block_runs(self.here.len(), |b| self.here[b] || self.above[b])
            .map(move |(first, end)| (first * BLOCK, (end * BLOCK + 1).min(width)))
    }
}

/// Encodes `pixmap` exactly as [`raster::encode_png`] does, reusing `filtered`, the filtered rows
/// of `base`, wherever the frame's pixels are the base map's.
pub fn encode_png_over(pixmap: &Pixmap, base: &Pixmap, filtered: &FilteredBase) -> Result<Vec<u8>, RasterError> {
    let (width, height) = (pixmap.width() as usize, pixmap.height() as usize);
    let same_size = (base.width() as usize, base.height() as usize) == (width, height);
    if !same_size || (filtered.width, filtered.height) != (width, height) || width == 0 {
        return raster::encode_png(pixmap);
    }
    let blocks = width.div_ceil(BLOCK);
    let mut changes = Changes { above: vec![false; blocks], here: vec![false; blocks], below: vec![false; blocks] };
    mark_changes(row_of(pixmap, 0), row_of(base, 0), &mut changes.here);
    let (mut here, mut above) = (RgbRow::new(width), RgbRow::new(width));
    let mut row = vec![0; width * 3];
    let mut zlib = fdeflate::Compressor::new(Vec::with_capacity(pixmap.data().len() / 8)).map_err(png_io)?;
    for y in 0..height {
        let any_below = y + 1 < height && mark_changes(row_of(pixmap, y + 1), row_of(base, y + 1), &mut changes.below);
        if !any_below {
            changes.below.fill(false);
        }
        let rgba = row_of(pixmap, y);
        for (first, end) in block_runs(blocks, |b| changes.to_convert(b)) {
            here.convert(rgba, first * BLOCK, (end * BLOCK).min(width));
        }
        zlib.write_data(&[PAETH]).map_err(png_io)?;
        if changes.any_here_or_above() {
            row.copy_from_slice(filtered.row(y));
            for (start, end) in changes.stretches(width) {
                let out = &mut row[start * 3..end * 3];
                paeth_bytes(here.from_left_of(start, end), above.from_left_of(start, end), out);
            }
            zlib.write_data(&row).map_err(png_io)?;
        } else {
            zlib.write_data(filtered.row(y)).map_err(png_io)?;
        }
        changes.advance();
        std::mem::swap(&mut here, &mut above);
    }
    let zlib = zlib.finish().map_err(png_io)?;
    wrap_png(pixmap, &zlib)
}

fn png_io(error: std::io::Error) -> RasterError {
    RasterError::Png(png::EncodingError::from(error))
}

/// The PNG file around a zlib stream of filtered rows: the header `raster::encode_png` writes, the
/// stream in IDAT chunks of the size its stream writer uses, and the end chunk.
fn wrap_png(pixmap: &Pixmap, zlib: &[u8]) -> Result<Vec<u8>, RasterError> {
    let mut out = Vec::with_capacity(zlib.len() + zlib.len() / IDAT_CHUNK * 12 + 128);
    let mut writer = raster::png_encoder(&mut out, pixmap).write_header()?;
    for chunk in zlib.chunks(IDAT_CHUNK) {
        writer.write_chunk(png::chunk::IDAT, chunk)?;
    }
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A base "map" with gradients and edges, so that every Paeth branch is taken.
    fn base_image(width: u32, height: u32) -> Pixmap {
        let mut pixmap = Pixmap::new(width, height).unwrap();
        for (i, p) in pixmap.data_mut().chunks_exact_mut(4).enumerate() {
            let (x, y) = (i % width as usize, i / width as usize);
            let edge = if (x / 7 + y / 5) % 3 == 0 { 90 } else { 0 };
            p.copy_from_slice(&[(x * 3 + edge) as u8, (y * 5 + x) as u8, ((x * y) % 251) as u8, 255]);
        }
        pixmap
    }

    /// Paints a rectangle of one opaque colour (or a translucent premultiplied one) over a pixmap.
    fn paint(pixmap: &mut Pixmap, (x0, y0, x1, y1): (usize, usize, usize, usize), rgba: [u8; 4]) {
        let width = pixmap.width() as usize;
        for y in y0..y1.min(pixmap.height() as usize) {
            for x in x0..x1.min(width) {
                pixmap.data_mut()[(y * width + x) * 4..][..4].copy_from_slice(&rgba);
            }
        }
    }

    #[test]
    fn frames_encode_to_the_same_bytes_as_the_plain_encoder() {
        for (width, height) in [(97, 41), (64, 3), (1, 5), (33, 1), (200, 30)] {
            let base = base_image(width, height);
            let filtered = FilteredBase::new(&base);
            let w = width as usize;
            let changes: [(usize, usize, usize, usize); 6] = [
                (0, 0, 1, 1),
                (w.saturating_sub(1), 2, w, 4),
                (BLOCK - 1, 1, BLOCK + 1, 2),
                (BLOCK, 3, 2 * BLOCK, 9),
                (5, 10, 6, 40),
                (0, 20, w, 21),
            ];
            for (k, rect) in changes.iter().enumerate() {
                for colour in [[200, 10, 10, 255], [40, 20, 10, 128], [0, 0, 0, 0]] {
                    let mut frame = base.clone();
                    paint(&mut frame, *rect, colour);
                    let plain = raster::encode_png(&frame).unwrap();
                    let over = encode_png_over(&frame, &base, &filtered).unwrap();
                    assert!(plain == over, "{width}x{height}, change {k}, colour {colour:?}: bytes differ");
                }
            }
            let unchanged = encode_png_over(&base, &base, &filtered).unwrap();
            assert!(unchanged == raster::encode_png(&base).unwrap(), "{width}x{height}: the base itself");
        }
    }

    #[test]
    fn a_big_frame_spans_several_idat_chunks_and_decodes_to_its_pixels() {
        let base = base_image(300, 260);
        let mut frame = base.clone();
        paint(&mut frame, (40, 50, 170, 120), [10, 120, 30, 255]);
        let over = encode_png_over(&frame, &base, &FilteredBase::new(&base)).unwrap();
        assert!(over.len() > IDAT_CHUNK, "the test needs more than one chunk ({} bytes)", over.len());
        assert!(over == raster::encode_png(&frame).unwrap());
        let (w, h, rgba) = raster::decode_png(&over).unwrap();
        assert_eq!((w, h), (300, 260));
        assert!(rgba == frame.data(), "decoded pixels are the frame's");
    }

    #[test]
    fn a_base_of_another_size_falls_back_to_the_plain_encoder() {
        let (base, frame) = (base_image(40, 30), base_image(50, 30));
        let over = encode_png_over(&frame, &base, &FilteredBase::new(&base)).unwrap();
        assert!(over == raster::encode_png(&frame).unwrap());
    }

    #[test]
    fn the_paeth_predictor_breaks_ties_towards_left_then_up() {
        assert_eq!(paeth_predictor(10, 10, 10), 10);
        assert_eq!(paeth_predictor(3, 0, 1), 3, "left and up-left equally near: left");
        assert_eq!(paeth_predictor(0, 3, 1), 3, "up and up-left equally near: up");
        assert_eq!(paeth_predictor(10, 30, 20), 20, "p = up-left exactly");
        assert_eq!(paeth_predictor(20, 50, 20), 50, "nearest is up");
        assert_eq!(paeth_predictor(50, 20, 20), 50, "nearest is left");
        assert_eq!(paeth_predictor(0, 255, 255), 0);
        assert_eq!(paeth_predictor(100, 200, 180), 100, "p = 120: left is 20 away, up 80, up-left 60");
    }
}
