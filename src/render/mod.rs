//! Rendering: one scene per month (base map, control areas, places, labels, legend, frame),
//! written as SVG and rasterised from that SVG to PNG, so both show the same picture; the HTML
//! viewer page over a series of frames; an animated GIF; and the same series exported as data
//! (GeoJSON, CSV) and summed up in a chart of holdings over time.

pub mod basemap;
pub mod chart;
pub mod export;
pub mod gif;
pub mod html;
pub mod info;
pub mod labels;
pub mod legend;
pub mod marks;
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

/// The bytes of one rendered month.
#[derive(Debug, Clone)]
pub struct FrameFiles {
    pub month: YearMonth,
    pub svg: Option<String>,
    pub png: Option<Vec<u8>>,
}

/// Renders the months of a series; the base map is rasterised once and shared.
pub struct Renderer<'a> {
    pub series: Series<'a>,
    rasterizer: Rasterizer,
    base: Option<Pixmap>,
}

impl<'a> Renderer<'a> {
    /// Prepares the renderer; `png` rasterises the base map now.
    pub fn new(series: Series<'a>, png: bool) -> Result<Renderer<'a>, RasterError> {
        let rasterizer = Rasterizer::default();
        let (w, h) = (series.options.width, series.options.height);
        let base = if png { Some(rasterizer.draw(&series.basemap_svg(), None, w, h)?) } else { None };
        Ok(Renderer { series, rasterizer, base })
    }

    /// Renders one month as RGB pixels (for the GIF encoder).
    pub fn rgb(&self, month: YearMonth) -> Result<gif::RgbFrame, RasterError> {
        let scene = self.series.scene(month);
        let (w, h) = (self.series.options.width, self.series.options.height);
        let base = match &self.base {
            Some(base) => base.clone(),
            None => self.rasterizer.draw(&self.series.basemap_svg(), None, w, h)?,
        };
        let pixmap = self.rasterizer.draw(&self.series.overlay_svg(&scene), Some(&base), w, h)?;
        let pixels = pixmap.pixels().iter().flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue()]
        });
        Ok(gif::RgbFrame { width: w, height: h, pixels: pixels.collect() })
    }

    /// Renders one month as SVG text and/or PNG bytes.
    pub fn render(&self, month: YearMonth, svg: bool, png: bool) -> Result<FrameFiles, RasterError> {
        let scene = self.series.scene(month);
        let svg_text = svg.then(|| self.series.svg(&scene));
        let png_bytes = match (png, &self.base) {
            (true, Some(base)) => {
                let (w, h) = (self.series.options.width, self.series.options.height);
                let pixmap = self.rasterizer.draw(&self.series.overlay_svg(&scene), Some(base), w, h)?;
                Some(raster::encode_png(&pixmap)?)
            }
            _ => None,
        };
        Ok(FrameFiles { month, svg: svg_text, png: png_bytes })
    }
}
