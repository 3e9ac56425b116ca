//! The types a map series shares with the modules that draw it (marks, legend, caption), and how
//! factions look in it (colours, names) and what its texts say: the layer under those drawing
//! modules, so that they depend only downward (`series` assembles them).

use std::collections::{BTreeMap, BTreeSet};

use geo::MultiPolygon;

use crate::date::YearMonth;
use crate::geometry::areas::{Areas, CellCache};
use crate::geometry::{BBox, Frame, Layers, View};
use crate::model::PlaceKey;
use crate::places::{Factions, Gazetteer};
use crate::render::labels::Placed;
use crate::render::scene::Rect;
use crate::render::style::{Lang, Palette, Units};
use crate::timeline::{Snapshot, Timeline};

/// What a series is drawn from.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    pub layers: &'a Layers,
    pub gazetteer: &'a Gazetteer,
    pub factions: &'a Factions,
    pub timeline: &'a Timeline,
    /// The data credit printed on every map.
    pub attribution: &'a str,
}

/// How a series looks.
#[derive(Debug, Clone)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    pub lang: Lang,
    pub palette: Palette,
    /// The area to show; by default the tracked places with a margin.
    pub bbox: Option<BBox>,
    /// The radius of a town's control area.
    pub radius_km: f64,
    /// A title before the month (`--title`).
    pub title: Option<String>,
    /// The line under the title, instead of the default (`--subtitle`).
    pub subtitle: Option<String>,
    /// A caption band under the map says what changed this month.
    pub caption: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 1600,
            height: 1200,
            lang: Lang::En,
            palette: Palette::Default,
            bbox: None,
            radius_km: 30.0,
            title: None,
            subtitle: None,
            caption: true,
        }
    }
}

/// A tracked town's fixed drawing data.
#[derive(Debug, Clone)]
pub struct Town {
    pub name: String,
    pub px: (f64, f64),
    pub km: (f64, f64),
    pub radius: f64,
    pub population: u64,
    pub capital: bool,
}

/// A region's outline in pixels and where its name goes.
#[derive(Debug, Clone)]
pub struct RegionShape {
    pub name: String,
    pub path: String,
    pub km: MultiPolygon<f64>,
    pub label_at: (f64, f64),
    /// A sample of the outline's points in pixels (for keeping the legend off the region).
    pub outline_px: Vec<(f64, f64)>,
}

/// A corner of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    BottomLeft,
    BottomRight,
    TopRight,
    TopLeft,
}

/// Everything the frames of one series share.
pub struct Series<'a> {
    pub inputs: Inputs<'a>,
    pub options: Options,
    pub view: View,
    pub units: Units,
    pub(crate) basemap_markup: String,
    /// Shapes control areas are cut to: all land first, then each country in view.
    pub(crate) clips: Vec<MultiPolygon<f64>>,
    /// For each tracked place, its entry in `clips` (its country, or land).
    pub(crate) clip_of: BTreeMap<PlaceKey, usize>,
    pub towns: BTreeMap<PlaceKey, Town>,
    pub regions: BTreeMap<PlaceKey, RegionShape>,
    pub context: Vec<Town>,
    pub labels: BTreeMap<String, Placed>,
    pub(crate) legend_box: Rect,
    pub(crate) legend_corner: Corner,
    /// The control-area cells of the last months drawn (see [`CellCache`]).
    pub(crate) cells: CellCache,
    /// Each month's evidence counts, indexed once.
    pub(crate) evidence: std::sync::OnceLock<crate::render::series::EvidenceIndex>,
    /// The states at the end of the months drawn last (see [`crate::render::series::MonthEnds`]).
    pub(crate) month_ends: crate::render::series::MonthEnds,
    /// The line under the title, worked out once.
    pub(crate) subtitle: std::sync::OnceLock<String>,
    /// The claims' texts as the frames' data lists them, each written out once.
    pub(crate) claim_texts: crate::render::info::ClaimTexts,
}

/// The layout: a header band, the map, a footer band.
pub fn map_frame(width: u32, height: u32) -> Frame {
    let u = Units::for_size(width, height);
    let (top, bottom) = (u.of(88.0), u.of(54.0));
    Frame { x: 0.0, y: top, width: f64::from(width), height: f64::from(height) - top - bottom }
}

impl Series<'_> {
    /// The colour of a faction in this series' palette.
    pub fn color(&self, faction: &str) -> String {
        self.inputs.factions.get(faction).map_or_else(
            || crate::render::style::UNKNOWN.to_string(),
            |f| f.color_for(self.options.palette.code()).to_string(),
        )
    }

    /// The display name of a faction in this series' language.
    pub fn faction_name(&self, faction: &str) -> String {
        self.inputs
            .factions
            .get(faction)
            .map_or_else(|| faction.to_string(), |f| f.display_name(self.options.lang.code()).to_string())
    }

    /// The colours the maps are made of: base colours, the factions' colours and their
    /// translucent area fills over land and sea. The GIF palette keeps these exactly.
    pub fn key_colours(&self) -> Vec<[u8; 3]> {
        use crate::render::style::*;
        let base = [
            SEA,
            LAND_FOCUS,
            LAND_OTHER,
            PAPER,
            INK,
            MUTED,
            BORDER,
            ADMIN1_LINE,
            WATER_LINE,
            WATER_LABEL,
            COUNTRY_LABEL,
            FRONT,
            CONFLICT,
            UNKNOWN,
        ];
        let mut colours: Vec<[u8; 3]> = base.iter().filter_map(|c| rgb(c)).collect();
        let mut factions: Vec<&str> = self
            .inputs
            .timeline
            .claims
            .iter()
            .flat_map(|c| std::iter::once(c.holder.as_str()).chain(c.other.as_deref()))
            .collect();
        factions.sort_unstable();
        factions.dedup();
        for faction in factions {
            let Some(colour) = rgb(&self.color(faction)) else { continue };
            colours.push(colour);
            for ground in [LAND_FOCUS, LAND_OTHER, SEA] {
                if let Some(ground) = rgb(ground) {
                    colours.push(blend(colour, ground, AREA_OPACITY));
                }
            }
        }
        colours
    }

    pub fn legend_box(&self) -> Rect {
        self.legend_box
    }

    pub fn legend_corner(&self) -> Corner {
        self.legend_corner
    }
}

impl Series<'_> {
    /// The line under the title: `--subtitle`, or what the map shows, naming news reports only
    /// when every source is an article.
    pub fn subtitle(&self) -> String {
        if let Some(subtitle) = &self.options.subtitle {
            return subtitle.clone();
        }
        self.subtitle.get_or_init(|| self.default_subtitle()).clone()
    }

    /// The default subtitle: it looks at the sources of every claim, so it is worked out once.
    fn default_subtitle(&self) -> String {
        let w = crate::render::style::words(self.options.lang);
        let articles_only = self
            .inputs
            .timeline
            .claims
            .iter()
            .flat_map(|c| &c.sources)
            .all(|s| s.kind == crate::model::SourceKind::Article);
        if articles_only { w.subtitle } else { w.subtitle_sources }.to_string()
    }
}

/// What one frame shows, computed from the timeline.
pub struct FrameState {
    pub month: YearMonth,
    /// The states on the month's last day (shared with the next month's frame, whose "before" it is).
    pub snapshot: std::sync::Arc<Snapshot>,
    /// Places whose holder or status differs from the end of the previous month.
    pub changed: BTreeSet<PlaceKey>,
    pub areas: Areas,
    /// Claims counted by the end of the month, and the articles they come from.
    pub claims: usize,
    pub articles: usize,
    /// What changed since the end of the previous month (the caption and the viewer's list).
    pub diff: crate::timeline::Diff,
}

impl FrameState {
    /// The states drawn: those resting on at least one counted claim (a claim still pending at
    /// the month's end is not drawn yet).
    pub fn shown(&self) -> impl Iterator<Item = (&PlaceKey, &crate::timeline::PlaceState)> {
        self.snapshot.states.iter().filter(|(_, s)| !s.supporting.is_empty())
    }
}

fn rgb(hex: &str) -> Option<[u8; 3]> {
    crate::places::factions::parse_hex_color(hex).map(|(r, g, b)| [r, g, b])
}

/// `top` at `opacity` over `ground`.
fn blend(top: [u8; 3], ground: [u8; 3], opacity: f64) -> [u8; 3] {
    let mix = |a: u8, b: u8| (f64::from(a) * opacity + f64::from(b) * (1.0 - opacity)).round() as u8;
    [mix(top[0], ground[0]), mix(top[1], ground[1]), mix(top[2], ground[2])]
}
