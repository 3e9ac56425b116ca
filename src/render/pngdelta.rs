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
            paeth_bytes(here.stretch_with_left(0, width), above.stretch_with_left(0, width), out);
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
    fn stretch_with_left(&self, start: usize, end: usize) -> &[u8] {
        &self.rgb[start * 3..(end + 1) * 3]
    }
}

/// The Paeth filter over bytes: `cur` and `prev` start one pixel (3 bytes) left of the output's
/// first byte. Each byte depends only on unfiltered bytes, so the loop has no carried state.
fn paeth_bytes(cur: &[u8], prev: &[u8], out: &mut [u8]) {
    let n = out.len();
    let above = prev[3..n + 3].iter().zip(&prev[..n]);
    let beside = cur[3..n + 3].iter().zip(&cur[..n]);
    for (o, ((&x, &a), (&b, &c))) in out.iter_mut().zip(beside.zip(above)) {
        *o = x.wrapping_sub(paeth_predictor(a, b, c));
    }
}

/// The PNG Paeth predictor: of left, up and up-left, the one nearest to left + up - up-left
/// (ties go to left, then up). Written without branches, so the loop over a row vectorises.
fn paeth_predictor(a: u8, b: u8, c: u8) -> u8 {
    let (a16, b16, c16) = (i16::from(a), i16::from(b), i16::from(c));
    let to_a = (b16 - c16).abs();
    let to_b = (a16 - c16).abs();
    let to_c = (a16 + b16 - 2 * c16).abs();
    let b_or_c = if to_b <= to_c { b } else { c };
    if to_a <= to_b && to_a <= to_c { a } else { b_or_c }
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

    /// This row's blocks to filter afresh (`dirty`: changed here or above) and to convert to RGB
    /// (`convert`: those the filtering of this row or the next reads, i.e. changed in any of the
    /// three rows or next to such a block). Whether any block is dirty.
    fn row_flags(&self, convert: &mut [bool], dirty: &mut [bool]) -> bool {
        let mut any = false;
        let rows = self.here.iter().zip(&self.above).zip(&self.below);
        for ((d, c), ((&here, &above), &below)) in dirty.iter_mut().zip(convert.iter_mut()).zip(rows) {
            *d = here | above;
            *c = *d | below;
            any |= *d;
        }
        // Grow the blocks to convert by one on each side.
        let mut left = false;
        for b in 0..convert.len() {
            let this = convert[b];
            convert[b] = left | this | convert.get(b + 1).copied().unwrap_or(false);
            left = this;
        }
        any
    }
}

/// Pixel ranges of a row to filter afresh: runs of dirty blocks, each grown by the pixel after it
/// (whose left neighbours changed).
fn stretches(dirty: &[bool], width: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    block_runs(dirty.len(), |b| dirty[b]).map(move |(first, end)| (first * BLOCK, (end * BLOCK + 1).min(width)))
}

/// Which blocks of a frame differ from the base map, row by row: what to copy back to make the
/// canvas the base map again for the next frame.
pub struct Changed {
    width: usize,
    height: usize,
    flags: Vec<bool>,
}

impl Changed {
    /// Copies the base map's pixels back over the changed blocks; false (and nothing done) when
    /// the sizes do not match.
    pub fn restore(&self, canvas: &mut Pixmap, base: &Pixmap) -> bool {
        let size = (canvas.width() as usize, canvas.height() as usize);
        if size != (self.width, self.height) || size != (base.width() as usize, base.height() as usize) {
            return false;
        }
        let blocks = self.width.div_ceil(BLOCK);
        let stride = self.width * 4;
        let (data, from) = (canvas.data_mut(), base.data());
        for (y, row) in self.flags.chunks_exact(blocks).enumerate() {
            for (first, end) in block_runs(blocks, |b| row[b]) {
                let (start, stop) = (y * stride + first * BLOCK * 4, y * stride + (end * BLOCK).min(self.width) * 4);
                data[start..stop].copy_from_slice(&from[start..stop]);
            }
        }
        true
    }
}

/// Encodes `pixmap` exactly as [`raster::encode_png`] does, reusing `filtered`, the filtered rows
/// of `base`, wherever the frame's pixels are the base map's; with the blocks that are not
/// (none when the sizes differ and the plain encoder was used).
pub fn encode_png_over(
    pixmap: &Pixmap,
    base: &Pixmap,
    filtered: &FilteredBase,
) -> Result<(Vec<u8>, Option<Changed>), RasterError> {
    let (width, height) = (pixmap.width() as usize, pixmap.height() as usize);
    let same_size = (base.width() as usize, base.height() as usize) == (width, height);
    if !same_size || (filtered.width, filtered.height) != (width, height) || width == 0 {
        return Ok((raster::encode_png(pixmap)?, None));
    }
    let blocks = width.div_ceil(BLOCK);
    let mut all = Changed { width, height, flags: vec![false; blocks * height] };
    let mut changes = Changes { above: vec![false; blocks], here: vec![false; blocks], below: vec![false; blocks] };
    mark_changes(row_of(pixmap, 0), row_of(base, 0), &mut changes.here);
    let (mut convert, mut dirty) = (vec![false; blocks], vec![false; blocks]);
    let (mut here, mut above) = (RgbRow::new(width), RgbRow::new(width));
    let mut row = vec![0; width * 3];
    let mut zlib = fdeflate::Compressor::new(Vec::with_capacity(pixmap.data().len() / 8)).map_err(png_io)?;
    for y in 0..height {
        all.flags[y * blocks..(y + 1) * blocks].copy_from_slice(&changes.here);
        if y + 1 < height {
            mark_changes(row_of(pixmap, y + 1), row_of(base, y + 1), &mut changes.below);
        } else {
            changes.below.fill(false);
        }
        let any_dirty = changes.row_flags(&mut convert, &mut dirty);
        let rgba = row_of(pixmap, y);
        for (first, end) in block_runs(blocks, |b| convert[b]) {
            here.convert(rgba, first * BLOCK, (end * BLOCK).min(width));
        }
        zlib.write_data(&[PAETH]).map_err(png_io)?;
        if any_dirty {
            row.copy_from_slice(filtered.row(y));
            for (start, end) in stretches(&dirty, width) {
                let out = &mut row[start * 3..end * 3];
                paeth_bytes(here.stretch_with_left(start, end), above.stretch_with_left(start, end), out);
            }
            zlib.write_data(&row).map_err(png_io)?;
        } else {
            zlib.write_data(filtered.row(y)).map_err(png_io)?;
        }
        changes.advance();
        std::mem::swap(&mut here, &mut above);
    }
    let zlib = zlib.finish().map_err(png_io)?;
    Ok((wrap_png(pixmap, &zlib)?, Some(all)))
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
                    let (over, changed) = encode_png_over(&frame, &base, &filtered).unwrap();
                    assert!(plain == over, "{width}x{height}, change {k}, colour {colour:?}: bytes differ");
                    let restored = changed.expect("same sizes").restore(&mut frame, &base);
                    assert!(restored && frame.data() == base.data(), "{width}x{height}, change {k}: base restored");
                }
            }
            let (unchanged, _) = encode_png_over(&base, &base, &filtered).unwrap();
            assert!(unchanged == raster::encode_png(&base).unwrap(), "{width}x{height}: the base itself");
        }
    }

    #[test]
    fn a_big_frame_spans_several_idat_chunks_and_decodes_to_its_pixels() {
        let base = base_image(300, 260);
        let mut frame = base.clone();
        paint(&mut frame, (40, 50, 170, 120), [10, 120, 30, 255]);
        let (over, _) = encode_png_over(&frame, &base, &FilteredBase::new(&base)).unwrap();
        assert!(over.len() > IDAT_CHUNK, "the test needs more than one chunk ({} bytes)", over.len());
        assert!(over == raster::encode_png(&frame).unwrap());
        let (w, h, rgba) = raster::decode_png(&over).unwrap();
        assert_eq!((w, h), (300, 260));
        assert!(rgba == frame.data(), "decoded pixels are the frame's");
    }

    #[test]
    fn a_base_of_another_size_falls_back_to_the_plain_encoder() {
        let (base, frame) = (base_image(40, 30), base_image(50, 30));
        let (over, changed) = encode_png_over(&frame, &base, &FilteredBase::new(&base)).unwrap();
        assert!(over == raster::encode_png(&frame).unwrap());
        assert!(changed.is_none(), "nothing to restore from a base of another size");
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
