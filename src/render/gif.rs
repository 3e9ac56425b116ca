//! Animated GIF from rendered frames: one global palette for the whole series (so colours never
//! flicker), each frame stored as only the rectangle that changed (unchanged pixels transparent),
//! identical frames merged into a longer delay, and an endless loop.
//!
//! It streams: the palette is learned from a pixel sample of every frame ([`sample`],
//! [`palette`]), then frames are pushed one by one into a [`GifStream`], which keeps only the
//! previous and the pending frame (one byte a pixel), so memory does not grow with the series.

use std::borrow::Cow;
use std::io::Write;

/// Palette index that marks "unchanged since the previous frame".
const TRANSPARENT: u8 = 255;
/// Colours available for pixels (one index is reserved for transparency).
const COLOURS: usize = 255;
/// One pixel in this many (at least) goes into the palette sample...
const SAMPLE_EVERY: usize = 5;
/// ...and at most this many pixels of a frame, so big frames do not make big samples.
const SAMPLE_MAX: usize = 100_000;

/// How long frames show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub delay_ms: u32,
    pub hold_last_ms: u32,
}

/// Why a GIF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum GifError {
    #[error("no frames to animate")]
    NoFrames,
    #[error("a GIF is at most 65535 pixels wide and high, not {0}x{1}")]
    TooLarge(u32, u32),
    #[error("a frame has {0} bytes, expected {1}")]
    FrameSize(usize, usize),
    #[error("GIF encoding failed: {0}")]
    Encode(#[from] gif::EncodingError),
}

/// One RGB frame (3 bytes a pixel) and its size.
pub struct RgbFrame {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Statistics of an encoded animation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GifStats {
    pub frames_in: usize,
    pub frames_out: usize,
}

/// A deterministic sample of a frame's pixels (RGBA, evenly spaced) for [`palette`].
pub fn sample(frame: &RgbFrame) -> Vec<u8> {
    let step = SAMPLE_EVERY.max(frame.pixels.len() / 3 / SAMPLE_MAX);
    frame.pixels.chunks_exact(3).step_by(step).flat_map(|p| [p[0], p[1], p[2], 255]).collect()
}

/// The palette: the key colours (the map's base and faction colours) exactly, then colours
/// learned by NeuQuant from the samples of all frames together.
pub fn palette(samples: &[u8], key_colours: &[[u8; 3]]) -> Vec<[u8; 3]> {
    let mut palette: Vec<[u8; 3]> = Vec::with_capacity(COLOURS);
    for colour in key_colours {
        if palette.len() < COLOURS / 2 && !palette.contains(colour) {
            palette.push(*colour);
        }
    }
    let learned_slots = COLOURS - palette.len();
    let fallback = [255u8, 255, 255, 255];
    let samples = if samples.len() < 4 { &fallback[..] } else { samples };
    let quantizer = color_quant::NeuQuant::new(10, learned_slots.max(2), samples);
    for colour in quantizer.color_map_rgb().chunks_exact(3) {
        let colour = [colour[0], colour[1], colour[2]];
        if palette.len() < COLOURS && !palette.contains(&colour) {
            palette.push(colour);
        }
    }
    palette
}

/// A frame waiting to be written: its palette indices and how long it shows.
struct Pending {
    indexed: Vec<u8>,
    delay_ms: u32,
}

/// Writes a looping GIF frame by frame.
pub struct GifStream<W: Write> {
    encoder: gif::Encoder<W>,
    width: u32,
    height: u32,
    palette: Vec<[u8; 3]>,
    /// Nearest palette index of every RGB colour met so far (`u16::MAX`: not yet known).
    table: Vec<u16>,
    timing: Timing,
    written: Option<Vec<u8>>,
    pending: Option<Pending>,
    stats: GifStats,
}

impl<W: Write> GifStream<W> {
    /// Starts a GIF of this size with a global palette (at most 255 colours).
    pub fn new(
        out: W,
        width: u32,
        height: u32,
        palette: Vec<[u8; 3]>,
        timing: Timing,
    ) -> Result<GifStream<W>, GifError> {
        if width == 0 || height == 0 || width > 65535 || height > 65535 {
            return Err(GifError::TooLarge(width, height));
        }
        let flat: Vec<u8> = palette.iter().take(COLOURS).flatten().copied().chain([0, 0, 0]).collect();
        let mut encoder = gif::Encoder::new(out, width as u16, height as u16, &flat)?;
        encoder.set_repeat(gif::Repeat::Infinite)?;
        let table = vec![u16::MAX; 1 << 24];
        Ok(GifStream {
            encoder,
            width,
            height,
            palette,
            table,
            timing,
            written: None,
            pending: None,
            stats: GifStats::default(),
        })
    }

    /// Adds the next frame; a frame identical to the one before lengthens its delay instead.
    pub fn push(&mut self, frame: &RgbFrame) -> Result<(), GifError> {
        self.push_months(frame, 1)
    }

    /// Adds a frame that stands for `months` months (shown that many delays).
    pub fn push_months(&mut self, frame: &RgbFrame, months: u32) -> Result<(), GifError> {
        let expected = self.width as usize * self.height as usize * 3;
        if frame.pixels.len() != expected || frame.width != self.width || frame.height != self.height {
            return Err(GifError::FrameSize(frame.pixels.len(), expected));
        }
        let indexed = self.index(frame);
        let months = months.max(1);
        self.stats.frames_in += months as usize;
        let delay_ms = self.timing.delay_ms.saturating_mul(months);
        match &mut self.pending {
            Some(pending) if pending.indexed == indexed => pending.delay_ms = pending.delay_ms.saturating_add(delay_ms),
            _ => {
                if let Some(previous) = self.pending.take() {
                    self.write(previous)?;
                }
                self.pending = Some(Pending { indexed, delay_ms });
            }
        }
        Ok(())
    }

    /// Writes the last frame (held for the extra time) and ends the file.
    pub fn finish(mut self) -> Result<GifStats, GifError> {
        let Some(mut last) = self.pending.take() else { return Err(GifError::NoFrames) };
        last.delay_ms += self.timing.hold_last_ms;
        self.write(last)?;
        Ok(self.stats)
    }

    /// Maps every pixel to its nearest palette colour, remembering each colour's answer.
    fn index(&mut self, frame: &RgbFrame) -> Vec<u8> {
        let (palette, table) = (&self.palette, &mut self.table);
        frame
            .pixels
            .chunks_exact(3)
            .map(|p| {
                let key = (usize::from(p[0]) << 16) | (usize::from(p[1]) << 8) | usize::from(p[2]);
                if table[key] == u16::MAX {
                    table[key] = nearest(palette, [p[0], p[1], p[2]]) as u16;
                }
                table[key] as u8
            })
            .collect()
    }

    /// Writes a frame as the rectangle that differs from the frame written before it.
    fn write(&mut self, frame: Pending) -> Result<(), GifError> {
        let delay = (frame.delay_ms / 10).clamp(2, u32::from(u16::MAX)) as u16;
        let gif_frame =
            delta_frame(self.written.as_deref(), &frame.indexed, self.width as usize, self.height as usize, delay);
        self.encoder.write_lzw_pre_encoded_frame(&gif_frame)?;
        self.written = Some(frame.indexed);
        self.stats.frames_out += 1;
        Ok(())
    }
}

fn nearest(palette: &[[u8; 3]], colour: [u8; 3]) -> usize {
    let distance = |c: &[u8; 3]| -> i32 {
        let (dr, dg, db) = (
            i32::from(c[0]) - i32::from(colour[0]),
            i32::from(c[1]) - i32::from(colour[1]),
            i32::from(c[2]) - i32::from(colour[2]),
        );
        2 * dr * dr + 4 * dg * dg + 3 * db * db
    };
    palette.iter().enumerate().min_by_key(|(i, c)| (distance(c), *i)).map_or(0, |(i, _)| i)
}

/// A frame as the part that differs from `previous` (the whole frame when there is none),
/// LZW-compressed; unchanged pixels inside that rectangle are transparent.
fn delta_frame(
    previous: Option<&[u8]>,
    current: &[u8],
    width: usize,
    height: usize,
    delay: u16,
) -> gif::Frame<'static> {
    let (left, top, right, bottom, buffer) = match previous {
        None => (0, 0, width, height, current.to_vec()),
        Some(previous) => {
            let (left, top, right, bottom) = changed_box(previous, current, width);
            let mut buffer = Vec::with_capacity((right - left) * (bottom - top));
            for y in top..bottom {
                for x in left..right {
                    let i = y * width + x;
                    buffer.push(if current[i] == previous[i] { TRANSPARENT } else { current[i] });
                }
            }
            (left, top, right, bottom, buffer)
        }
    };
    let mut frame = gif::Frame {
        left: left as u16,
        top: top as u16,
        width: (right - left) as u16,
        height: (bottom - top) as u16,
        delay,
        dispose: gif::DisposalMethod::Keep,
        transparent: previous.map(|_| TRANSPARENT),
        buffer: Cow::Owned(buffer),
        ..gif::Frame::default()
    };
    frame.make_lzw_pre_encoded();
    frame
}

/// The smallest rectangle (left, top, right, bottom; exclusive ends) holding every changed
/// pixel, at least one pixel.
fn changed_box(previous: &[u8], current: &[u8], width: usize) -> (usize, usize, usize, usize) {
    let mut bounds: Option<(usize, usize, usize, usize)> = None;
    for (row, (a, b)) in previous.chunks_exact(width).zip(current.chunks_exact(width)).enumerate() {
        let Some(first) = a.iter().zip(b).position(|(x, y)| x != y) else { continue };
        let last = width - 1 - a.iter().rev().zip(b.iter().rev()).position(|(x, y)| x != y).unwrap_or(0);
        bounds = Some(match bounds {
            None => (first, row, last + 1, row + 1),
            Some((l, t, r, _)) => (l.min(first), t, r.max(last + 1), row + 1),
        });
    }
    bounds.unwrap_or((0, 0, 1, 1))
}

/// Encodes frames held in memory (the palette from all of them): for tests and small series.
pub fn encode(frames: &[RgbFrame], key_colours: &[[u8; 3]], timing: Timing) -> Result<(Vec<u8>, GifStats), GifError> {
    let first = frames.first().ok_or(GifError::NoFrames)?;
    let samples: Vec<u8> = frames.iter().flat_map(sample).collect();
    let mut out = Vec::new();
    let mut stream = GifStream::new(&mut out, first.width, first.height, palette(&samples, key_colours), timing)?;
    for frame in frames {
        stream.push(frame)?;
    }
    let stats = stream.finish()?;
    Ok((out, stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solid(width: u32, height: u32, colour: [u8; 3]) -> RgbFrame {
        RgbFrame { width, height, pixels: colour.iter().copied().cycle().take((width * height * 3) as usize).collect() }
    }

    fn decode(bytes: &[u8]) -> Vec<(u16, Vec<u8>)> {
        let mut options = gif::DecodeOptions::new();
        options.set_color_output(gif::ColorOutput::RGBA);
        let mut decoder = options.read_info(bytes).unwrap();
        let mut frames = Vec::new();
        while let Some(frame) = decoder.read_next_frame().unwrap() {
            frames.push((frame.delay, frame.buffer.to_vec()));
        }
        frames
    }

    #[test]
    fn identical_frames_merge_and_the_last_is_held() {
        let red = [200, 30, 30];
        let frames = vec![solid(8, 6, red), solid(8, 6, red), solid(8, 6, [30, 30, 200])];
        let timing = Timing { delay_ms: 800, hold_last_ms: 3000 };
        let (bytes, stats) = encode(&frames, &[red], timing).unwrap();
        assert_eq!((stats.frames_in, stats.frames_out), (3, 2));
        let decoded = decode(&bytes);
        assert_eq!(decoded.len(), 2);
        assert_eq!(decoded[0].0, 160, "two frames of 0.8 s");
        assert_eq!(decoded[1].0, 380, "0.8 s plus the 3 s hold");
    }

    #[test]
    fn key_colours_are_kept_exactly() {
        let key = [215, 48, 31];
        let mut frame = solid(10, 10, [246, 243, 236]);
        frame.pixels[..30].copy_from_slice(&key.repeat(10));
        let (bytes, _) = encode(&[frame], &[key], Timing { delay_ms: 100, hold_last_ms: 0 }).unwrap();
        let decoded = decode(&bytes);
        assert_eq!(&decoded[0].1[..3], &key, "the faction colour survives quantisation");
    }

    #[test]
    fn later_frames_store_only_what_changed() {
        let (a, mut b) = (vec![1u8; 64 * 64], vec![1u8; 64 * 64]);
        b[60 * 64 + 60] = 2;
        b[3] = 2;
        assert_eq!(changed_box(&a, &b, 64), (3, 0, 61, 61));
    }

    #[test]
    fn rejects_mismatched_frames() {
        let frames = vec![solid(8, 6, [0, 0, 0]), solid(4, 6, [0, 0, 0])];
        assert!(matches!(
            encode(&frames, &[], Timing { delay_ms: 100, hold_last_ms: 0 }),
            Err(GifError::FrameSize(..))
        ));
        assert!(matches!(encode(&[], &[], Timing { delay_ms: 100, hold_last_ms: 0 }), Err(GifError::NoFrames)));
    }
}
