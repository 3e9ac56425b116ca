//! Animated GIF from rendered frames: one global palette for the whole series (so colours never
//! flicker), each frame stored as only the rectangle that changed (unchanged pixels transparent),
//! identical frames merged into a longer delay, and an endless loop.

use std::borrow::Cow;

use rayon::prelude::*;

/// Palette index that marks "unchanged since the previous frame".
const TRANSPARENT: u8 = 255;
/// Colours available for pixels (one index is reserved for transparency).
const COLOURS: usize = 255;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GifStats {
    pub frames_in: usize,
    pub frames_out: usize,
    pub bytes: usize,
}

/// Encodes frames into a looping GIF. `key_colours` (the map's base and faction colours) are put
/// in the palette exactly; the other slots are learned from all frames together.
pub fn encode(frames: &[RgbFrame], key_colours: &[[u8; 3]], timing: Timing) -> Result<(Vec<u8>, GifStats), GifError> {
    let first = frames.first().ok_or(GifError::NoFrames)?;
    let (width, height) = (first.width, first.height);
    if width > 65535 || height > 65535 {
        return Err(GifError::TooLarge(width, height));
    }
    let expected = width as usize * height as usize * 3;
    if let Some(bad) = frames.iter().find(|f| f.pixels.len() != expected) {
        return Err(GifError::FrameSize(bad.pixels.len(), expected));
    }
    let palette = build_palette(frames, key_colours);
    let indexed = index_frames(frames, &palette);
    let steps = merge_repeats(&indexed, timing);
    let encoded: Vec<gif::Frame<'static>> =
        steps.par_iter().map(|step| delta_frame(&indexed, step, width as u16, height as u16)).collect();
    let mut out = Vec::new();
    {
        let flat: Vec<u8> = palette.iter().flatten().copied().chain([0, 0, 0]).collect();
        let mut encoder = gif::Encoder::new(&mut out, width as u16, height as u16, &flat)?;
        encoder.set_repeat(gif::Repeat::Infinite)?;
        for frame in &encoded {
            encoder.write_lzw_pre_encoded_frame(frame)?;
        }
    }
    let stats = GifStats { frames_in: frames.len(), frames_out: encoded.len(), bytes: out.len() };
    Ok((out, stats))
}

/// The key colours first, then colours learned by NeuQuant from a sample of every frame's pixels.
fn build_palette(frames: &[RgbFrame], key_colours: &[[u8; 3]]) -> Vec<[u8; 3]> {
    let mut palette: Vec<[u8; 3]> = Vec::with_capacity(COLOURS);
    for colour in key_colours {
        if palette.len() < COLOURS / 2 && !palette.contains(colour) {
            palette.push(*colour);
        }
    }
    let learned_slots = COLOURS - palette.len();
    let mut sample: Vec<u8> = Vec::new();
    for frame in frames {
        for pixel in frame.pixels.chunks_exact(3).step_by(5) {
            sample.extend_from_slice(&[pixel[0], pixel[1], pixel[2], 255]);
        }
    }
    let quantizer = color_quant::NeuQuant::new(10, learned_slots.max(2), &sample);
    for colour in quantizer.color_map_rgb().chunks_exact(3) {
        let colour = [colour[0], colour[1], colour[2]];
        if palette.len() < COLOURS && !palette.contains(&colour) {
            palette.push(colour);
        }
    }
    palette
}

/// Maps every pixel to its nearest palette colour, with a lookup table shared by all frames.
fn index_frames(frames: &[RgbFrame], palette: &[[u8; 3]]) -> Vec<Vec<u8>> {
    let mut table: Vec<u16> = vec![u16::MAX; 1 << 24];
    frames
        .iter()
        .map(|frame| {
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
        })
        .collect()
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

/// A frame to write: which indexed frame, and for how long (in 1/100 s).
struct Step {
    frame: usize,
    previous: Option<usize>,
    delay: u16,
}

/// Consecutive identical frames become one frame shown longer; the last frame is held.
fn merge_repeats(indexed: &[Vec<u8>], timing: Timing) -> Vec<Step> {
    let mut steps: Vec<(usize, u32)> = Vec::new();
    for (i, frame) in indexed.iter().enumerate() {
        match steps.last_mut() {
            Some((shown, ms)) if indexed[*shown] == *frame => *ms += timing.delay_ms,
            _ => steps.push((i, timing.delay_ms)),
        }
    }
    if let Some((_, ms)) = steps.last_mut() {
        *ms += timing.hold_last_ms;
    }
    let mut previous = None;
    steps
        .into_iter()
        .map(|(frame, ms)| {
            let step = Step { frame, previous, delay: (ms / 10).clamp(2, u32::from(u16::MAX)) as u16 };
            previous = Some(frame);
            step
        })
        .collect()
}

/// The part of a frame that differs from the previous one, LZW-compressed; unchanged pixels
/// inside that rectangle are transparent.
fn delta_frame(indexed: &[Vec<u8>], step: &Step, width: u16, height: u16) -> gif::Frame<'static> {
    let current = &indexed[step.frame];
    let w = usize::from(width);
    let (left, top, right, bottom, buffer) = match step.previous.map(|p| &indexed[p]) {
        None => (0, 0, w, usize::from(height), current.clone()),
        Some(previous) => {
            let (left, top, right, bottom) = changed_box(previous, current, w);
            let mut buffer = Vec::with_capacity((right - left) * (bottom - top));
            for y in top..bottom {
                for x in left..right {
                    let i = y * w + x;
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
        delay: step.delay,
        dispose: gif::DisposalMethod::Keep,
        transparent: step.previous.map(|_| TRANSPARENT),
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
        let mut a = solid(64, 64, [240, 240, 240]);
        let mut b = solid(64, 64, [240, 240, 240]);
        a.pixels[0..3].copy_from_slice(&[0, 0, 0]);
        let corner = (60 * 64 + 60) * 3;
        b.pixels[corner..corner + 3].copy_from_slice(&[200, 0, 0]);
        let (left, top, right, bottom) = changed_box(
            &index_frames(&[a], &[[0, 0, 0], [240, 240, 240], [200, 0, 0]])[0],
            &index_frames(&[b], &[[0, 0, 0], [240, 240, 240], [200, 0, 0]])[0],
            64,
        );
        assert_eq!((left, top, right, bottom), (0, 0, 61, 61));
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
