//! Rendering: one scene per month (base map, control areas, places, labels, legend, frame),
//! written as SVG and drawn from the same scene to PNG, so both show the same picture; the HTML
//! viewer page over a series of frames; an animated GIF; and the same series exported as data
//! (GeoJSON, CSV) and summed up in a chart of holdings over time.

pub mod basemap;
pub mod caption;
pub mod chart;
pub mod draw;
pub mod export;
pub mod frame;
pub mod gif;
pub mod html;
pub mod info;
pub mod labels;
pub mod legend;
pub mod lines;
pub mod marks;
pub mod pngdelta;
pub mod raster;
pub mod scene;
pub mod series;
pub mod style;
pub mod svg;
pub mod text;

use resvg::tiny_skia::Pixmap;

pub use raster::{RasterError, Rasterizer};
pub use series::{Inputs, Options, Series, SeriesError};
pub use style::{Lang, Palette};

use crate::date::YearMonth;

/// Why an animation failed.
#[derive(Debug, thiserror::Error)]
pub enum AnimateError {
    #[error(transparent)]
    Raster(#[from] RasterError),
    #[error(transparent)]
    Gif(#[from] gif::GifError),
}

/// Consecutive months drawn as one frame, from `first` to `last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: YearMonth,
    pub last: YearMonth,
}

impl Span {
    /// How many months the span stands for.
    pub fn months(&self) -> u32 {
        (self.first.through(self.last).len() as u32).max(1)
    }
}

/// The bytes of one rendered month.
#[derive(Debug, Clone)]
pub struct FrameFiles {
    pub month: YearMonth,
    pub svg: Option<String>,
    pub png: Option<Vec<u8>>,
    /// What the frame shows, as data (for the viewer page).
    pub info: info::FrameInfo,
}

/// Renders the months of a series; the base map is rasterised once and shared.
pub struct Renderer<'a> {
    pub series: Series<'a>,
    rasterizer: Rasterizer,
    base: Option<Pixmap>,
    /// The base map's rows filtered for PNG, worked out by the first frame encoded as PNG and
    /// reused by every later one (a GIF, which encodes no PNG, never needs them).
    filtered_base: std::sync::OnceLock<pngdelta::FilteredBase>,
    /// Tells this renderer's base map from another's in the threads' canvases.
    id: u64,
    /// Markers, labels and legend rows drawn once for all the frames.
    sprites: draw::Sprites,
}

impl<'a> Renderer<'a> {
    /// Prepares the renderer; `png` rasterises the base map now.
    pub fn new(series: Series<'a>, png: bool) -> Result<Renderer<'a>, RasterError> {
        let rasterizer = Rasterizer::default();
        let (w, h) = (series.options.width, series.options.height);
        let base = if png { Some(rasterizer.draw(&series.basemap_svg(), None, w, h)?) } else { None };
        static RENDERERS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let id = RENDERERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Renderer {
            series,
            rasterizer,
            base,
            filtered_base: Default::default(),
            id,
            sprites: draw::Sprites::default(),
        })
    }

    /// Renders one month as RGB pixels (for the GIF encoder).
    pub fn rgb(&self, month: YearMonth) -> Result<gif::RgbFrame, RasterError> {
        self.rgb_span(Span { first: month, last: month })
    }

    /// Renders the map of a span's last month, titled with all its months, as RGB pixels.
    fn rgb_span(&self, span: Span) -> Result<gif::RgbFrame, RasterError> {
        let scene = self.series.scene_since(&self.series.frame(span.last), span.first);
        let (w, h) = (self.series.options.width, self.series.options.height);
        let base = match &self.base {
            Some(base) => base.clone(),
            None => self.rasterizer.draw(&self.series.basemap_svg(), None, w, h)?,
        };
        let mut pixmap = base;
        draw::draw_scene(&scene, &mut pixmap, Some(&self.sprites));
        Ok(gif::RgbFrame { width: w, height: h, pixels: raster::rgb_bytes(&pixmap) })
    }

    /// The months as runs that look the same (see [`Series::look`]): a stretch in which nothing
    /// changes on the map becomes one span, drawn once and titled with its first and last month.
    pub fn spans(&self, months: &[YearMonth]) -> Vec<Span> {
        use rayon::prelude::*;
        let looks: Vec<u64> = months.par_iter().map(|&m| self.series.look(&self.series.frame(m))).collect();
        let mut spans: Vec<Span> = Vec::new();
        for (i, &month) in months.iter().enumerate() {
            match spans.last_mut() {
                Some(span) if i > 0 && looks[i] == looks[i - 1] && month == span.last.next() => span.last = month,
                _ => spans.push(Span { first: month, last: month }),
            }
        }
        spans
    }

    /// Writes the months as a looping GIF in two passes: every frame is rendered once for a
    /// pixel sample (the global palette is learned from all of them), then again, a few at a
    /// time in parallel, and streamed into the file. Memory stays a few frames whatever the length.
    /// Months that look the same merge into one frame shown for all of them (see [`Renderer::spans`]).
    pub fn animate<W: std::io::Write>(
        &self,
        months: &[YearMonth],
        timing: gif::Timing,
        out: W,
    ) -> Result<gif::GifStats, AnimateError> {
        use rayon::prelude::*;
        let spans = self.spans(months);
        let samples: Vec<Vec<u8>> =
            spans.par_iter().map(|&s| self.rgb_span(s).map(|f| gif::sample(&f))).collect::<Result<_, _>>()?;
        let palette = gif::palette(&samples.concat(), &self.series.key_colours());
        let (w, h) = (self.series.options.width, self.series.options.height);
        let mut stream = gif::GifStream::new(out, w, h, palette, timing)?;
        for chunk in spans.chunks(rayon::current_num_threads().max(1)) {
            let frames: Vec<gif::RgbFrame> = chunk.par_iter().map(|&s| self.rgb_span(s)).collect::<Result<_, _>>()?;
            for (frame, span) in frames.iter().zip(chunk) {
                stream.push_months(frame, span.months())?;
            }
        }
        Ok(stream.finish()?)
    }

    /// Renders one month as SVG text and/or PNG bytes, with the frame's data for the viewer.
    pub fn render(&self, month: YearMonth, svg: bool, png: bool) -> Result<FrameFiles, RasterError> {
        let frame = self.series.frame(month);
        let scene = self.series.scene(&frame);
        let svg_text = svg.then(|| self.series.svg(&scene));
        let png_bytes = match (png, &self.base) {
            (true, Some(base)) => Some(with_canvas((self.id, base), |pixmap| {
                let filtered = self.filtered_base.get_or_init(|| pngdelta::FilteredBase::new(base));
                draw::draw_scene(&scene, pixmap, Some(&self.sprites));
                match pngdelta::encode_png_over(pixmap, base, filtered) {
                    Ok((png, changed)) => (Ok(png), changed),
                    Err(error) => (Err(error), None),
                }
            })?),
            _ => None,
        };
        Ok(FrameFiles { month, svg: svg_text, png: png_bytes, info: self.series.frame_info(&frame) })
    }
}

/// A thread's canvas, kept from frame to frame; `holds` names the renderer whose base map it
/// holds untouched.
struct Canvas {
    pixmap: Pixmap,
    holds: Option<u64>,
}

/// Runs `draw` on a copy of `base` (of renderer `id`) in this thread's canvas, which is kept from
/// frame to frame: after a frame, only the blocks it changed are copied back from the base (as
/// `draw` reports them), instead of the whole 8 MB image; with no report, the next frame copies
/// it all.
fn with_canvas<R>((id, base): (u64, &Pixmap), draw: impl FnOnce(&mut Pixmap) -> (R, Option<pngdelta::Changed>)) -> R {
    thread_local! {
        static CANVAS: std::cell::RefCell<Option<Canvas>> = const { std::cell::RefCell::new(None) };
    }
    CANVAS.with(|cell| {
        let mut slot = cell.borrow_mut();
        let canvas = slot.get_or_insert_with(|| Canvas { pixmap: base.clone(), holds: Some(id) });
        if canvas.holds != Some(id) {
            if canvas.pixmap.width() == base.width() && canvas.pixmap.height() == base.height() {
                canvas.pixmap.data_mut().copy_from_slice(base.data());
            } else {
                canvas.pixmap = base.clone();
            }
        }
        canvas.holds = None;
        let (result, changed) = draw(&mut canvas.pixmap);
        if changed.is_some_and(|changed| changed.restore(&mut canvas.pixmap, base)) {
            canvas.holds = Some(id);
        }
        result
    })
}
