//! Rasterising SVG to PNG with resvg/tiny-skia: anti-aliased, embedded fonts only, deterministic.
//! The static base map is rasterised once per series; each frame draws its own layers over a copy
//! (see draw.rs).

use std::sync::Arc;

use resvg::tiny_skia::Pixmap;
use resvg::usvg::{self, fontdb};

use crate::render::text::{FONT_FAMILY, faces};

/// Why rasterising failed.
#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    #[error("the generated SVG could not be parsed: {0}")]
    Svg(#[from] usvg::Error),
    #[error("cannot allocate a {0}x{1} image")]
    Size(u32, u32),
    #[error("PNG encoding failed: {0}")]
    Png(#[from] png::EncodingError),
}

/// Parses and draws SVG with a font database holding only the embedded fonts.
#[derive(Clone)]
pub struct Rasterizer {
    fonts: Arc<fontdb::Database>,
}

impl Default for Rasterizer {
    fn default() -> Self {
        let mut db = fontdb::Database::new();
        for bytes in faces() {
            db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)));
        }
        db.set_sans_serif_family(FONT_FAMILY);
        Rasterizer { fonts: Arc::new(db) }
    }
}

impl Rasterizer {
    fn options(&self) -> usvg::Options<'static> {
        usvg::Options { font_family: FONT_FAMILY.to_string(), fontdb: self.fonts.clone(), ..usvg::Options::default() }
    }

    /// Draws `svg` over `base` (or over a transparent canvas of the SVG's size).
    pub fn draw(&self, svg: &str, base: Option<&Pixmap>, width: u32, height: u32) -> Result<Pixmap, RasterError> {
        let tree = usvg::Tree::from_str(svg, &self.options())?;
        let mut pixmap = match base {
            Some(base) => base.clone(),
            None => Pixmap::new(width, height).ok_or(RasterError::Size(width, height))?,
        };
        resvg::render(&tree, resvg::tiny_skia::Transform::default(), &mut pixmap.as_mut());
        Ok(pixmap)
    }
}

/// The pixels as RGB bytes; the maps are opaque, so only a pixel that is not needs demultiplying.
pub fn rgb_bytes(pixmap: &Pixmap) -> Vec<u8> {
    let pixels = pixmap.data().len() / 4;
    let mut rgb = vec![0; pixels * 3 + RGB_SLACK];
    rgb_row(pixmap.data(), &mut rgb);
    rgb.truncate(pixels * 3);
    rgb
}

/// Bytes past the last pixel that `rgb_row` may scribble on: it stores 16 bytes for every 12 it
/// writes.
pub(crate) const RGB_SLACK: usize = 16;

/// The alpha bytes of four RGBA pixels read as one little-endian `u128`.
const ALPHA_OF_FOUR: u128 = 0xFF00_0000_FF00_0000_FF00_0000_FF00_0000;

/// The colour bytes of four RGBA pixels packed into 12 bytes: pixel `j` moves down by `8 j` bits.
fn pack_four(v: u128) -> u128 {
    const RGB: u128 = 0xFF_FFFF;
    (v & RGB) | ((v >> 8) & (RGB << 24)) | ((v >> 16) & (RGB << 48)) | ((v >> 24) & (RGB << 72))
}

/// Converts premultiplied RGBA to RGB; `rgb` holds at least `RGB_SLACK` bytes more than the
/// pixels' RGB. An opaque row (every row of a map) is copied four pixels at a time as one
/// 16-byte load and store, its alpha checked on the way; otherwise each pixel is demultiplied.
pub(crate) fn rgb_row(rgba: &[u8], rgb: &mut [u8]) {
    let pixels = rgba.len() / 4;
    assert!(rgb.len() >= pixels * 3 + RGB_SLACK, "rgb_row needs {RGB_SLACK} bytes of slack");
    let mut alpha = ALPHA_OF_FOUR;
    let mut at = 0;
    let mut quads = rgba.chunks_exact(16);
    for quad in &mut quads {
        let v = u128::from_le_bytes(quad.try_into().expect("16 bytes"));
        alpha &= v;
        rgb[at..at + 16].copy_from_slice(&pack_four(v).to_le_bytes());
        at += 12;
    }
    let mut opaque = alpha & ALPHA_OF_FOUR == ALPHA_OF_FOUR;
    for p in quads.remainder().chunks_exact(4) {
        rgb[at..at + 3].copy_from_slice(&p[..3]);
        opaque &= p[3] == 255;
        at += 3;
    }
    if opaque {
        return;
    }
    for (out, p) in rgb.chunks_exact_mut(3).zip(rgba.chunks_exact(4)) {
        let c = resvg::tiny_skia::PremultipliedColorU8::from_rgba(p[0], p[1], p[2], p[3])
            .map_or(resvg::tiny_skia::ColorU8::from_rgba(0, 0, 0, 0), |c| c.demultiply());
        out.copy_from_slice(&[c.red(), c.green(), c.blue()]);
    }
}

/// Encodes a pixmap as an 8-bit RGB PNG (the maps are opaque), quickly and deterministically.
/// Row by row: each row is converted, filtered and compressed while it is in the cache, with no
/// whole-image RGB copy.
pub fn encode_png(pixmap: &Pixmap) -> Result<Vec<u8>, RasterError> {
    use std::io::Write;
    let mut out = Vec::with_capacity(pixmap.data().len() / 8);
    let mut writer = png_encoder(&mut out, pixmap).write_header()?;
    let mut stream = writer.stream_writer_with_size(1 << 16)?;
    let row_bytes = pixmap.width() as usize * 3;
    let mut row = vec![0; row_bytes + RGB_SLACK];
    for line in pixmap.data().chunks_exact(pixmap.width() as usize * 4) {
        rgb_row(line, &mut row);
        stream.write_all(&row[..row_bytes]).map_err(png::EncodingError::from)?;
    }
    stream.finish()?;
    writer.finish()?;
    Ok(out)
}

/// The encoder settings of every map frame: 8-bit RGB, fast compression, Paeth on every row.
pub(crate) fn png_encoder<W: std::io::Write>(out: W, pixmap: &Pixmap) -> png::Encoder<'static, W> {
    let mut encoder = png::Encoder::new(out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    // Paeth on every row instead of trying each filter per row: about 0.1 s less CPU over the
    // 58 seeds frames for 2.6 % larger files (Sub and Up save as much but cost 13 % and 20 %).
    encoder.set_filter(png::Filter::Paeth);
    encoder
}

/// Decodes an RGB or RGBA PNG into (width, height, RGBA bytes): for tests and the GIF encoder.
pub fn decode_png(bytes: &[u8]) -> Result<(u32, u32, Vec<u8>), png::DecodingError> {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info()?;
    let mut buffer = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader.next_frame(&mut buffer)?;
    let data = &buffer[..info.buffer_size()];
    let rgba = match info.color_type {
        png::ColorType::Rgb => data.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        png::ColorType::Rgba => data.to_vec(),
        _ => data.iter().flat_map(|&g| [g, g, g, 255]).collect(),
    };
    Ok((info.width, info.height, rgba))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RGB of premultiplied RGBA one pixel at a time: the reference `rgb_row` must equal.
    fn rgb_one_by_one(rgba: &[u8]) -> Vec<u8> {
        rgba.chunks_exact(4)
            .flat_map(|p| {
                let c = resvg::tiny_skia::PremultipliedColorU8::from_rgba(p[0], p[1], p[2], p[3])
                    .map_or(resvg::tiny_skia::ColorU8::from_rgba(0, 0, 0, 0), |c| c.demultiply());
                [c.red(), c.green(), c.blue()]
            })
            .collect()
    }

    #[test]
    fn rgb_rows_of_every_width_match_the_pixel_by_pixel_conversion() {
        for width in 0..23usize {
            for translucent_at in [None, Some(0), Some(width / 2), Some(width.saturating_sub(1))] {
                let mut rgba: Vec<u8> =
                    (0..width * 4).map(|i| if i % 4 == 3 { 255 } else { (i * 37 % 251) as u8 }).collect();
                if let Some(at) = translucent_at.filter(|&at| at < width) {
                    rgba[at * 4..at * 4 + 4].copy_from_slice(&[40, 20, 10, 128]);
                }
                let mut rgb = vec![7; width * 3 + RGB_SLACK];
                rgb_row(&rgba, &mut rgb);
                assert_eq!(&rgb[..width * 3], rgb_one_by_one(&rgba).as_slice(), "width {width}, {translucent_at:?}");
            }
        }
    }

    #[test]
    fn draws_text_with_the_embedded_font_and_round_trips_png() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#ffffff"/><text x="4" y="28" font-size="24" fill="#000000">Raqqa</text></svg>"##;
        let pixmap = Rasterizer::default().draw(svg, None, 120, 40).unwrap();
        let dark = pixmap.pixels().iter().filter(|p| p.red() < 100).count();
        assert!(dark > 100, "the text was drawn ({dark} dark pixels)");
        let grey = pixmap.pixels().iter().filter(|p| p.red() > 30 && p.red() < 220).count();
        assert!(grey > 20, "edges are anti-aliased ({grey} grey pixels)");
        let png = encode_png(&pixmap).unwrap();
        let (w, h, rgba) = decode_png(&png).unwrap();
        assert_eq!((w, h, rgba.len()), (120, 40, 120 * 40 * 4));
    }
}
