//! Drawing a scene straight onto a tiny-skia pixmap, without writing SVG text and parsing it
//! again: the same shapes, paints, opacities and text as the SVG that `svg.rs` writes (numbers
//! rounded alike), the letters outlined from the same embedded fonts, with kerning.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use resvg::tiny_skia::{
    FillRule, FilterQuality, LineCap, LineJoin, Paint, Path, PathBuilder, Pattern, Pixmap, PixmapPaint, SpreadMode,
    Stroke, StrokeDash, Transform,
};

use crate::render::lines;
use crate::render::scene::{Anchor, Def, Item, Scene, Style, Text, Weight, hatch_tile};
use crate::render::text::faces;

/// Draws the scene's layers over `pixmap` (which holds the base map). With `sprites`, the items
/// of the layers that recur from frame to frame are drawn once and reused (see [`Sprites`]).
pub fn draw_scene(scene: &Scene, pixmap: &mut Pixmap, sprites: Option<&Sprites>) {
    let mut painter = Painter { hatches: hatch_tiles(&scene.defs), glyphs: HashMap::new() };
    for layer in &scene.layers {
        let id = layer.id.as_str();
        let keep = if RECURRING_LAYERS.contains(&id) {
            Some(Keep::Always)
        } else if FRAMING_LAYERS.contains(&id) {
            Some(Keep::SeenBefore)
        } else {
            None
        };
        for item in &layer.items {
            match (sprites, keep) {
                (Some(sprites), Some(keep)) if !matches!(item, Item::Path { .. }) => {
                    painter.reused(pixmap, item, sprites, keep)
                }
                _ => painter.item(pixmap, Transform::identity(), item),
            }
        }
    }
}

/// The layers whose items mostly look the same from one month to the next: a place's marker
/// changes only with its state, labels and the legend hardly ever.
const RECURRING_LAYERS: [&str; 3] = ["places", "labels", "legend"];

/// The layers around the map: bands, subtitle and credits recur, but the title, the date and the
/// caption are new every month, so their sprites are kept only once an item shows up again.
const FRAMING_LAYERS: [&str; 2] = ["frame", "caption"];

/// When a newly drawn sprite is kept for the next frames.
#[derive(Clone, Copy)]
enum Keep {
    Always,
    /// From its second drawing on.
    SeenBefore,
}

/// How many bytes of sprites a series keeps at most; past it, the least recently used quarter
/// is dropped (a frame of 20,000 markers uses about 30 MB of them, and a month redraws only the
/// markers whose look changed).
const SPRITE_BUDGET: usize = 128 << 20;

/// Items already drawn, shared by the frames of a series (and their threads): each as a small
/// premultiplied image at a whole-pixel position, keyed by a hash of the item's full description
/// (so a changed colour, opacity or position is a different sprite). Laying a sprite over the canvas
/// gives the pixels of drawing the item there, up to rounding, whichever frame drew it first; so
/// which sprites are kept (and dropped) changes the speed, never the pixels.
#[derive(Default)]
pub struct Sprites {
    drawn: Mutex<SpriteStore>,
    /// Items drawn once and not kept (see [`Keep::SeenBefore`]).
    seen: Mutex<std::collections::HashSet<u64>>,
}

/// The kept sprites by key, each with when it was last used, and their bytes.
#[derive(Default)]
struct SpriteStore {
    sprites: HashMap<u64, (Option<Arc<Sprite>>, u64)>,
    bytes: usize,
    clock: u64,
}

impl SpriteStore {
    fn get(&mut self, key: u64) -> Option<Option<Arc<Sprite>>> {
        self.clock += 1;
        let clock = self.clock;
        self.sprites.get_mut(&key).map(|(sprite, used)| {
            *used = clock;
            sprite.clone()
        })
    }

    fn put(&mut self, key: u64, sprite: Option<Arc<Sprite>>) {
        self.clock += 1;
        self.bytes += sprite_bytes(&sprite);
        if let Some((old, _)) = self.sprites.insert(key, (sprite, self.clock)) {
            self.bytes -= sprite_bytes(&old);
        }
        if self.bytes > SPRITE_BUDGET {
            self.drop_least_recently_used();
        }
    }

    /// Drops the quarter of the sprites used longest ago.
    fn drop_least_recently_used(&mut self) {
        let mut uses: Vec<u64> = self.sprites.values().map(|(_, used)| *used).collect();
        uses.sort_unstable();
        let cut = uses[uses.len() / 4];
        self.sprites.retain(|_, (_, used)| *used > cut);
        self.bytes = self.sprites.values().map(|(sprite, _)| sprite_bytes(sprite)).sum();
    }
}

/// What a kept sprite costs: its pixels and its entry.
fn sprite_bytes(sprite: &Option<Arc<Sprite>>) -> usize {
    sprite.as_ref().map_or(0, |s| s.pixmap.data().len() + s.runs.len() * std::mem::size_of::<Run>()) + 64
}

/// Lays a sprite over the canvas, premultiplied source-over pixel by pixel: its runs of opaque
/// pixels are copied whole, its translucent ones blended one by one, its transparent ones skipped
/// (see [`Run`]); much cheaper than a shader pipeline for the small images of markers and labels
/// (the same result up to rounding).
fn lay_over(target: &mut Pixmap, sprite: &Sprite) {
    let (tw, th) = (target.width() as usize, target.height() as usize);
    let sw = sprite.pixmap.width() as usize;
    let (x, y) = (sprite.x.max(0) as usize, sprite.y.max(0) as usize);
    if x >= tw || y >= th {
        return;
    }
    let width = sw.min(tw - x);
    let dst = target.data_mut();
    let src = sprite.pixmap.data();
    for run in &sprite.runs {
        let (row, col) = (run.row as usize, run.col as usize);
        if y + row >= th {
            break;
        }
        if col >= width {
            continue;
        }
        let len = (run.len as usize).min(width - col);
        let from = (row * sw + col) * 4;
        let to = ((y + row) * tw + x + col) * 4;
        let (d, s) = (&mut dst[to..to + len * 4], &src[from..from + len * 4]);
        if run.opaque {
            d.copy_from_slice(s);
        } else {
            blend(d, s);
        }
    }
}

/// Premultiplied source-over of translucent pixels onto `dst`, pixel by pixel.
fn blend(dst: &mut [u8], src: &[u8]) {
    for (d, s) in dst.chunks_exact_mut(4).zip(src.chunks_exact(4)) {
        match s[3] {
            0 => {}
            255 => d.copy_from_slice(s),
            a => {
                let keep = 255 - u16::from(a);
                for k in 0..4 {
                    d[k] = s[k].saturating_add(div255(u16::from(d[k]) * keep));
                }
            }
        }
    }
}

/// A stretch of one row of a sprite whose pixels are all opaque, or all translucent but not
/// transparent; transparent pixels are in no run. Rows come in order, stretches left to right.
struct Run {
    row: u32,
    col: u32,
    len: u32,
    opaque: bool,
}

/// The runs of a sprite's pixels (see [`Run`]).
fn runs_of(pixmap: &Pixmap) -> Vec<Run> {
    let width = pixmap.width() as usize;
    let mut runs: Vec<Run> = Vec::new();
    for (row, line) in pixmap.data().chunks_exact(width * 4).enumerate() {
        let mut open: Option<Run> = None;
        for (col, pixel) in line.chunks_exact(4).enumerate() {
            let kind = match pixel[3] {
                0 => None,
                255 => Some(true),
                _ => Some(false),
            };
            match (&mut open, kind) {
                (Some(run), Some(opaque)) if run.opaque == opaque => run.len += 1,
                (_, kind) => {
                    runs.extend(open.take());
                    open = kind.map(|opaque| Run { row: row as u32, col: col as u32, len: 1, opaque });
                }
            }
        }
        runs.extend(open);
    }
    runs
}

/// `v / 255` rounded, for `v` up to 255 × 255.
fn div255(v: u16) -> u8 {
    let v = u32::from(v) + 128;
    ((v + (v >> 8)) >> 8) as u8
}

/// A 64-bit hash of what an item looks like: its shapes, numbers, colours and texts, not its
/// id, class or title (which draw nothing), so a place whose tooltip changed reuses its marker.
/// Two different looks sharing one is a 1 in 2^64 chance.
fn look_hash(item: &Item) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    hash_look(item, &mut hasher);
    hasher.finish()
}

fn hash_look(item: &Item, h: &mut impl std::hash::Hasher) {
    use std::hash::Hash;
    match item {
        Item::Path { d, style, .. } => {
            0u8.hash(h);
            d.hash(h);
            hash_style(style, h);
        }
        Item::Circle { cx, cy, r, style, .. } => {
            1u8.hash(h);
            [cx, cy, r].map(|v| v.to_bits()).hash(h);
            hash_style(style, h);
        }
        Item::Rect { x, y, width, height, rx, style } => {
            2u8.hash(h);
            [x, y, width, height, rx].map(|v| v.to_bits()).hash(h);
            hash_style(style, h);
        }
        Item::Text(text) => {
            3u8.hash(h);
            [text.x, text.y, text.size].map(f64::to_bits).hash(h);
            (&text.content, &text.fill, text.weight == Weight::Bold, text.italic, text.anchor as u8).hash(h);
            text.halo.as_ref().map(|(color, width)| (color, width.to_bits())).hash(h);
            [text.rotate, text.letter_spacing, text.opacity].map(|v| v.map(f64::to_bits)).hash(h);
        }
        Item::Group { items, .. } => {
            4u8.hash(h);
            items.len().hash(h);
            for inner in items {
                hash_look(inner, h);
            }
        }
    }
}

fn hash_style(style: &Style, h: &mut impl std::hash::Hasher) {
    use std::hash::Hash;
    (paint_key(&style.fill), paint_key(&style.stroke), &style.dash).hash(h);
    [style.fill_opacity, style.stroke_width, style.stroke_opacity, style.opacity].map(|v| v.map(f64::to_bits)).hash(h);
}

/// A paint as a kind and its colour or id.
fn paint_key(paint: &Option<crate::render::scene::Paint>) -> (u8, &str) {
    match paint {
        None => (0, ""),
        Some(crate::render::scene::Paint::Color(c)) => (1, c.as_str()),
        Some(crate::render::scene::Paint::Def(id)) => (2, id.as_str()),
    }
}

struct Sprite {
    x: i32,
    y: i32,
    pixmap: Pixmap,
    /// Where its pixels are opaque, translucent or transparent.
    runs: Vec<Run>,
}

impl Sprites {
    fn get(&self, key: u64) -> Option<Option<Arc<Sprite>>> {
        self.drawn.lock().unwrap_or_else(|e| e.into_inner()).get(key)
    }

    /// Keeps a new sprite, or with [`Keep::SeenBefore`] only notes it the first time.
    fn offer(&self, key: u64, sprite: Option<Arc<Sprite>>, keep: Keep) {
        if let Keep::SeenBefore = keep
            && self.seen.lock().unwrap_or_else(|e| e.into_inner()).insert(key)
        {
            return;
        }
        self.drawn.lock().unwrap_or_else(|e| e.into_inner()).put(key, sprite);
    }
}

/// A number as the SVG writes it: one decimal.
fn r1(value: f64) -> f32 {
    ((value * 10.0).round() / 10.0) as f32
}

/// An opacity as the SVG writes it: two decimals, within 0..1.
fn r2(value: f64) -> f32 {
    ((value.clamp(0.0, 1.0) * 100.0).round() / 100.0) as f32
}

/// A `#rrggbb` colour; `None` for "none" or anything else.
fn rgb(text: &str) -> Option<(u8, u8, u8)> {
    crate::places::factions::parse_hex_color(text)
}

fn alpha(opacity: f32) -> u8 {
    (opacity * 255.0).round().clamp(0.0, 255.0) as u8
}

/// The hatch tiles by id: an unrotated square tile whose diagonal bands repeat seamlessly, so
/// the pattern is only ever translated and sampled nearest (see [`hatch_tile`]).
fn hatch_tiles(defs: &[Def]) -> HashMap<String, Pixmap> {
    defs.iter()
        .filter_map(|def| match def {
            Def::Hatch { id, a, b, size } => {
                let tile = hatch_tile(*size);
                let side = tile as u32;
                let mut pixmap = Pixmap::new(side, side)?;
                if let Some((r, g, b)) = rgb(b) {
                    pixmap.fill(resvg::tiny_skia::Color::from_rgba8(r, g, b, 255));
                }
                if let (Some((r, g, b)), Some(band)) = (rgb(a), hatch_band(tile)) {
                    let mut paint = Paint::default();
                    paint.set_color_rgba8(r, g, b, 255);
                    pixmap.fill_path(&band, &paint, FillRule::Winding, Transform::identity(), None);
                }
                Some((id.clone(), pixmap))
            }
        })
        .collect()
}

/// The band of the first colour in a hatch tile of side `t`: the corner triangle and the strip
/// along the anti-diagonal (the same polygons as the SVG pattern).
fn hatch_band(t: f64) -> Option<Path> {
    let (t, h) = (r1(t), r1(t / 2.0));
    let mut pb = PathBuilder::new();
    pb.move_to(0.0, 0.0);
    pb.line_to(h, 0.0);
    pb.line_to(0.0, h);
    pb.close();
    pb.move_to(t, 0.0);
    pb.line_to(t, h);
    pb.line_to(h, t);
    pb.line_to(0.0, t);
    pb.close();
    pb.finish()
}

/// Per-frame drawing state: the hatch tiles and the outlines of the letters used so far.
struct Painter {
    hatches: HashMap<String, Pixmap>,
    glyphs: HashMap<(usize, u16), Option<Path>>,
}

impl Painter {
    fn item(&mut self, target: &mut Pixmap, ts: Transform, item: &Item) {
        match item {
            Item::Path { d, style, .. } => {
                if let Some(path) = parse_path(d, style.fill.is_none()) {
                    self.shape(target, ts, &path, style);
                }
            }
            Item::Circle { cx, cy, r, style, .. } => {
                if let Some(path) = PathBuilder::from_circle(r1(*cx), r1(*cy), r1(*r)) {
                    self.shape(target, ts, &path, style);
                }
            }
            Item::Rect { x, y, width, height, rx, style } => {
                if let Some(path) = rect_path(r1(*x), r1(*y), r1(*width), r1(*height), r1(*rx)) {
                    self.shape(target, ts, &path, style);
                }
            }
            Item::Text(text) => self.text(target, ts, text),
            Item::Group { items, .. } => {
                for inner in items {
                    self.item(target, ts, inner);
                }
            }
        }
    }

    /// Draws an item from its sprite, drawing the sprite first if it is new.
    fn reused(&mut self, target: &mut Pixmap, item: &Item, sprites: &Sprites, keep: Keep) {
        let key = look_hash(item);
        let sprite = match sprites.get(key) {
            Some(sprite) => sprite,
            None => {
                let sprite = self.sprite(item, target.width(), target.height()).map(Arc::new);
                sprites.offer(key, sprite.clone(), keep);
                sprite
            }
        };
        if let Some(sprite) = sprite {
            lay_over(target, &sprite);
        }
    }

    /// The item drawn alone on a transparent image covering its bounds (within the canvas).
    fn sprite(&mut self, item: &Item, width: u32, height: u32) -> Option<Sprite> {
        let (left, top, right, bottom) = self.bounds(item)?;
        let x0 = (left.floor() as i32 - 2).max(0);
        let y0 = (top.floor() as i32 - 2).max(0);
        let x1 = (right.ceil() as i32 + 2).min(width as i32);
        let y1 = (bottom.ceil() as i32 + 2).min(height as i32);
        if x1 <= x0 || y1 <= y0 {
            return None;
        }
        let mut pixmap = Pixmap::new((x1 - x0) as u32, (y1 - y0) as u32)?;
        self.item(&mut pixmap, Transform::from_translate(-x0 as f32, -y0 as f32), item);
        let runs = runs_of(&pixmap);
        Some(Sprite { x: x0, y: y0, pixmap, runs })
    }

    /// Where an item draws: left, top, right, bottom, strokes and halos included.
    fn bounds(&mut self, item: &Item) -> Option<(f32, f32, f32, f32)> {
        let of_path = |path: Path, spread: f32| {
            let b = path.bounds();
            Some((b.left() - spread, b.top() - spread, b.right() + spread, b.bottom() + spread))
        };
        let stroke_spread = |style: &Style| style.stroke.as_ref().and(style.stroke_width).map_or(0.0, |w| r1(w) / 2.0);
        match item {
            Item::Path { d, style, .. } => of_path(parse_path(d, style.fill.is_none())?, stroke_spread(style)),
            Item::Circle { cx, cy, r, style, .. } => {
                of_path(PathBuilder::from_circle(r1(*cx), r1(*cy), r1(*r))?, stroke_spread(style))
            }
            Item::Rect { x, y, width, height, rx, style } => {
                of_path(rect_path(r1(*x), r1(*y), r1(*width), r1(*height), r1(*rx))?, stroke_spread(style))
            }
            Item::Text(text) => {
                let path = self.text_path(text)?;
                let path = match text.rotate {
                    Some(angle) => path.transform(Transform::from_rotate_at(r1(angle), r1(text.x), r1(text.y)))?,
                    None => path,
                };
                of_path(path, text.halo.as_ref().map_or(0.0, |(_, w)| r1(*w) / 2.0))
            }
            Item::Group { items, .. } => items
                .iter()
                .filter_map(|i| self.bounds(i))
                .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))),
        }
    }

    /// A filled and/or stroked shape; with an element opacity the two are drawn into a layer
    /// that is then laid over at that opacity (as SVG group opacity works).
    fn shape(&mut self, target: &mut Pixmap, ts: Transform, path: &Path, style: &Style) {
        match style.opacity.map(r2).filter(|o| *o < 1.0) {
            Some(opacity) => {
                let spread = style.stroke.as_ref().and(style.stroke_width).map_or(0.0, |w| r1(w) / 2.0);
                let hatches = &self.hatches;
                in_layer(target, ts, path, spread, opacity, |layer, ts| paint_shape(hatches, layer, ts, path, style));
            }
            None => paint_shape(&self.hatches, target, ts, path, style),
        }
    }

    fn text(&mut self, target: &mut Pixmap, ts: Transform, text: &Text) {
        let Some(path) = self.text_path(text) else { return };
        let ts = match text.rotate {
            Some(angle) => ts.pre_concat(Transform::from_rotate_at(r1(angle), r1(text.x), r1(text.y))),
            None => ts,
        };
        match text.opacity.map(r2).filter(|o| *o < 1.0) {
            Some(opacity) => {
                let spread = text.halo.as_ref().map_or(0.0, |(_, w)| r1(*w) / 2.0);
                in_layer(target, ts, &path, spread, opacity, |layer, ts| paint_text(layer, ts, &path, text));
            }
            None => paint_text(target, ts, &path, text),
        }
    }

    /// The outline of a line of text in pixels, placed by its anchor, unrotated.
    fn text_path(&mut self, text: &Text) -> Option<Path> {
        let index = usize::from(text.weight == Weight::Bold) + 2 * usize::from(text.italic);
        let face = &parsed_faces()[index];
        let size = r1(text.size);
        let scale = size / f32::from(face.units_per_em());
        let spacing = text.letter_spacing.map_or(0.0, r1);
        let glyphs: Vec<ttf_parser::GlyphId> =
            text.content.chars().map(|c| face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0))).collect();
        // Pen positions in pixels from the start: advances, kerning, letter spacing between letters.
        let mut pens = Vec::with_capacity(glyphs.len());
        let mut pen = 0.0f32;
        for (i, &glyph) in glyphs.iter().enumerate() {
            pens.push(pen);
            pen += f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) * scale;
            if let Some(&next) = glyphs.get(i + 1) {
                pen += f32::from(kerning(face, glyph, next)) * scale + spacing;
            }
        }
        let start = r1(text.x)
            - match text.anchor {
                Anchor::Start => 0.0,
                Anchor::Middle => pen / 2.0,
                Anchor::End => pen,
            };
        let baseline = r1(text.y);
        let mut builder = PathBuilder::new();
        for (&glyph, &offset) in glyphs.iter().zip(&pens) {
            let outline = self.glyphs.entry((index, glyph.0)).or_insert_with(|| glyph_outline(face, glyph));
            let Some(outline) = outline else { continue };
            let place = Transform::from_row(scale, 0.0, 0.0, -scale, start + offset, baseline);
            if let Some(placed) = outline.clone().transform(place) {
                builder.push_path(&placed);
            }
        }
        builder.finish()
    }
}

/// Fill, then stroke, as an SVG shape without `paint-order`.
fn paint_shape(hatches: &HashMap<String, Pixmap>, target: &mut Pixmap, ts: Transform, path: &Path, style: &Style) {
    if let Some(fill) = &style.fill {
        let opacity = style.fill_opacity.map_or(1.0, r2);
        if let Some(paint) = paint_of(hatches, fill, opacity, ts) {
            target.fill_path(path, &paint, FillRule::Winding, ts, None);
        }
    }
    if let (Some(stroke), Some(width)) = (&style.stroke, style.stroke_width) {
        let opacity = style.stroke_opacity.map_or(1.0, r2);
        if style.dash.is_none() && stroke_lines(target, ts, path, stroke, r1(width), opacity) {
            return;
        }
        if let Some(paint) = paint_of(hatches, stroke, opacity, ts) {
            let mut line =
                Stroke { width: r1(width), line_join: LineJoin::Round, line_cap: LineCap::Round, ..Stroke::default() };
            line.dash = style.dash.as_deref().and_then(dash_of);
            if line.width > 0.0 {
                target.stroke_path(path, &paint, &line, ts, None);
            }
        }
    }
}

/// Strokes a path of straight segments in a plain colour with the segment stroker (see
/// [`crate::render::lines`]), when nothing else is asked of it: at least a pixel wide, no curves,
/// moved but not scaled. Whether it did.
fn stroke_lines(
    target: &mut Pixmap,
    ts: Transform,
    path: &Path,
    stroke: &crate::render::scene::Paint,
    width: f32,
    opacity: f32,
) -> bool {
    let crate::render::scene::Paint::Color(color) = stroke else { return false };
    let plain_move = ts.sx == 1.0 && ts.sy == 1.0 && ts.kx == 0.0 && ts.ky == 0.0;
    let (Some(rgb), true) = (rgb(color), plain_move && width >= 1.0) else { return false };
    let Some(segments) = lines::segments(path, (ts.tx, ts.ty)) else { return false };
    lines::stroke(target, &segments, width, rgb, alpha(opacity));
    true
}

/// The halo (a stroke under the letters, `paint-order="stroke"`), then the letters.
fn paint_text(target: &mut Pixmap, ts: Transform, path: &Path, text: &Text) {
    if let Some((color, width)) = &text.halo
        && let Some((r, g, b)) = rgb(color)
    {
        let mut paint = Paint::default();
        paint.set_color_rgba8(r, g, b, 255);
        let line = Stroke { width: r1(*width), line_join: LineJoin::Round, ..Stroke::default() };
        if line.width > 0.0 {
            target.stroke_path(path, &paint, &line, ts, None);
        }
    }
    if let Some((r, g, b)) = rgb(&text.fill) {
        let mut paint = Paint::default();
        paint.set_color_rgba8(r, g, b, 255);
        target.fill_path(path, &paint, FillRule::Winding, ts, None);
    }
}

/// A paint: a colour at an opacity, or a hatch tile repeated from the canvas origin.
fn paint_of<'a>(
    hatches: &'a HashMap<String, Pixmap>,
    paint: &crate::render::scene::Paint,
    opacity: f32,
    ts: Transform,
) -> Option<Paint<'a>> {
    let mut out = Paint::default();
    match paint {
        crate::render::scene::Paint::Color(color) => {
            let (r, g, b) = rgb(color)?;
            out.set_color_rgba8(r, g, b, alpha(opacity));
        }
        crate::render::scene::Paint::Def(id) => {
            let tile = hatches.get(id)?;
            out.shader = Pattern::new(tile.as_ref(), SpreadMode::Repeat, FilterQuality::Nearest, opacity, ts);
        }
    }
    Some(out)
}

/// Draws with `draw` into a transparent layer covering the path's bounds (grown by `spread`),
/// then lays the layer over `target` at `opacity`.
fn in_layer(
    target: &mut Pixmap,
    ts: Transform,
    path: &Path,
    spread: f32,
    opacity: f32,
    draw: impl FnOnce(&mut Pixmap, Transform),
) {
    let Some(bounds) = path.clone().transform(ts).map(|p| p.bounds()) else { return };
    let x0 = ((bounds.left() - spread).floor() as i32 - 2).max(0);
    let y0 = ((bounds.top() - spread).floor() as i32 - 2).max(0);
    let x1 = ((bounds.right() + spread).ceil() as i32 + 2).min(target.width() as i32);
    let y1 = ((bounds.bottom() + spread).ceil() as i32 + 2).min(target.height() as i32);
    if x1 <= x0 || y1 <= y0 {
        return;
    }
    let Some(mut layer) = Pixmap::new((x1 - x0) as u32, (y1 - y0) as u32) else { return };
    draw(&mut layer, Transform::from_translate(-x0 as f32, -y0 as f32).pre_concat(ts));
    let paint = PixmapPaint { opacity, ..PixmapPaint::default() };
    target.draw_pixmap(x0, y0, layer.as_ref(), &paint, Transform::identity(), None);
}

/// A `stroke-dasharray` of numbers separated by spaces or commas.
fn dash_of(text: &str) -> Option<StrokeDash> {
    let values: Vec<f32> =
        text.split([' ', ',']).filter(|s| !s.is_empty()).map(|s| s.parse::<f32>().ok()).collect::<Option<_>>()?;
    StrokeDash::new(values, 0.0)
}

/// A rectangle, with corners rounded by `rx` (clamped to half the sides) as SVG does.
fn rect_path(x: f32, y: f32, w: f32, h: f32, rx: f32) -> Option<Path> {
    let rx = rx.min(w / 2.0).min(h / 2.0).max(0.0);
    if rx <= 0.0 {
        return PathBuilder::from_rect(resvg::tiny_skia::Rect::from_xywh(x, y, w, h)?).into();
    }
    let mut pb = PathBuilder::new();
    pb.move_to(x + rx, y);
    pb.line_to(x + w - rx, y);
    arc_to(&mut pb, (x + w - rx, y), rx, false, true, (x + w, y + rx));
    pb.line_to(x + w, y + h - rx);
    arc_to(&mut pb, (x + w, y + h - rx), rx, false, true, (x + w - rx, y + h));
    pb.line_to(x + rx, y + h);
    arc_to(&mut pb, (x + rx, y + h), rx, false, true, (x, y + h - rx));
    pb.line_to(x, y + rx);
    arc_to(&mut pb, (x, y + rx), rx, false, true, (x + rx, y));
    pb.close();
    pb.finish()
}

/// Parses the path data that [`crate::render::scene::PathData`] writes: absolute `M`, `L`,
/// `A` (circular, no rotation) and `Z`. Anything else gives `None` (the shape is skipped).
/// With `join`, a move to the point where an open line ends continues that line: a front line
/// written as thousands of two-point segments is stroked as a few long lines, which with round
/// caps and joins covers the same pixels for far less work (only for unfilled paths).
pub fn parse_path(d: &str, join: bool) -> Option<Path> {
    let mut pb = PathBuilder::new();
    let bytes = d.as_bytes();
    let mut i = 0;
    let mut current = (0.0f32, 0.0f32);
    let mut start = current;
    let mut open = false;
    let mut numbers = [0.0f32; 7];
    while i < bytes.len() {
        let command = bytes[i];
        i += 1;
        let wanted = match command {
            b'M' | b'L' => 2,
            b'A' => 7,
            b'Z' | b'z' => 0,
            b' ' | b',' | b'\n' => continue,
            _ => return None,
        };
        for slot in numbers.iter_mut().take(wanted) {
            *slot = next_number(bytes, &mut i)?;
        }
        match command {
            b'M' => {
                let to = (numbers[0], numbers[1]);
                let continues = join && open && to == current;
                if !continues {
                    pb.move_to(to.0, to.1);
                    start = to;
                }
                current = to;
                open = true;
            }
            b'L' => {
                current = (numbers[0], numbers[1]);
                pb.line_to(current.0, current.1);
            }
            b'A' => {
                let to = (numbers[5], numbers[6]);
                arc_to(&mut pb, current, numbers[0], numbers[3] != 0.0, numbers[4] != 0.0, to);
                current = to;
            }
            _ => {
                pb.close();
                current = start;
                open = false;
            }
        }
    }
    pb.finish()
}

/// The next number in path data (after spaces or commas), advancing `i` past it.
fn next_number(bytes: &[u8], i: &mut usize) -> Option<f32> {
    while *i < bytes.len() && matches!(bytes[*i], b' ' | b',' | b'\n') {
        *i += 1;
    }
    let begin = *i;
    while *i < bytes.len() && matches!(bytes[*i], b'0'..=b'9' | b'.' | b'-' | b'+' | b'e' | b'E') {
        *i += 1;
    }
    std::str::from_utf8(&bytes[begin..*i]).ok()?.parse().ok()
}

/// A circular SVG arc (radius `r`, no axis rotation) from `from` to `to`, as cubic curves:
/// the centre found as in the SVG implementation notes, the radius grown when too small.
fn arc_to(pb: &mut PathBuilder, from: (f32, f32), r: f32, large: bool, sweep: bool, to: (f32, f32)) {
    let (x1, y1, x2, y2) = (f64::from(from.0), f64::from(from.1), f64::from(to.0), f64::from(to.1));
    let mut r = f64::from(r).abs();
    if r == 0.0 || (x1 == x2 && y1 == y2) {
        pb.line_to(to.0, to.1);
        return;
    }
    let (xp, yp) = ((x1 - x2) / 2.0, (y1 - y2) / 2.0);
    let lambda = (xp * xp + yp * yp) / (r * r);
    if lambda > 1.0 {
        r *= lambda.sqrt();
    }
    let num = (r * r - xp * xp - yp * yp).max(0.0);
    let den = xp * xp + yp * yp;
    let mut factor = if den > 0.0 { (num / den).sqrt() } else { 0.0 };
    if large == sweep {
        factor = -factor;
    }
    let (cxp, cyp) = (factor * yp, -factor * xp);
    let (cx, cy) = (cxp + (x1 + x2) / 2.0, cyp + (y1 + y2) / 2.0);
    let theta = ((yp - cyp) / r).atan2((xp - cxp) / r);
    let mut delta = ((-yp - cyp) / r).atan2((-xp - cxp) / r) - theta;
    if !sweep && delta > 0.0 {
        delta -= std::f64::consts::TAU;
    } else if sweep && delta < 0.0 {
        delta += std::f64::consts::TAU;
    }
    let segments = (delta.abs() / std::f64::consts::FRAC_PI_2).ceil().max(1.0) as usize;
    let step = delta / segments as f64;
    let k = 4.0 / 3.0 * (step / 4.0).tan();
    for s in 0..segments {
        let a0 = theta + step * s as f64;
        let a1 = a0 + step;
        let (c0, s0, c1, s1) = (a0.cos(), a0.sin(), a1.cos(), a1.sin());
        let end = if s + 1 == segments { (f64::from(to.0), f64::from(to.1)) } else { (cx + r * c1, cy + r * s1) };
        pb.cubic_to(
            (cx + r * (c0 - k * s0)) as f32,
            (cy + r * (s0 + k * c0)) as f32,
            (cx + r * (c1 + k * s1)) as f32,
            (cy + r * (s1 - k * c1)) as f32,
            end.0 as f32,
            end.1 as f32,
        );
    }
}

/// The four embedded faces, parsed once: regular, bold, oblique, bold oblique.
fn parsed_faces() -> &'static [ttf_parser::Face<'static>; 4] {
    static FACES: OnceLock<[ttf_parser::Face<'static>; 4]> = OnceLock::new();
    FACES.get_or_init(|| {
        faces().map(|bytes| ttf_parser::Face::parse(bytes, 0).expect("the embedded DejaVu font parses"))
    })
}

/// The horizontal kerning between two glyphs, in font units (the font's `kern` table).
fn kerning(face: &ttf_parser::Face, left: ttf_parser::GlyphId, right: ttf_parser::GlyphId) -> i16 {
    let Some(kern) = face.tables().kern else { return 0 };
    kern.subtables
        .into_iter()
        .filter(|s| s.horizontal && !s.variable && !s.has_cross_stream)
        .find_map(|s| s.glyphs_kerning(left, right))
        .unwrap_or(0)
}

/// A glyph's outline in font units (y up), or `None` for a blank glyph.
fn glyph_outline(face: &ttf_parser::Face, glyph: ttf_parser::GlyphId) -> Option<Path> {
    let mut builder = Outline(PathBuilder::new());
    face.outline_glyph(glyph, &mut builder)?;
    builder.0.finish()
}

struct Outline(PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }

    fn close(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::scene::{Layer, PathData};

    fn canvas() -> Pixmap {
        let mut pixmap = Pixmap::new(120, 60).unwrap();
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        pixmap
    }

    fn dark_pixels(pixmap: &Pixmap) -> usize {
        pixmap.pixels().iter().filter(|p| p.red() < 128).count()
    }

    #[test]
    fn path_data_round_trips_through_the_parser() {
        let mut d = PathData::default();
        d.move_to(10.0, 10.0);
        d.line_to(50.0, 10.0);
        d.arc_to(20.0, true, 50.0, 50.0);
        d.close();
        let path = parse_path(&d.finish(), false).expect("parses");
        let b = path.bounds();
        assert!((b.left() - 10.0).abs() < 0.01 && (b.top() - 10.0).abs() < 0.01);
        assert!(b.right() > 65.0 && b.right() < 70.5, "the arc bulges right by its radius: {}", b.right());
        assert!(parse_path("M0 0Q1 1 2 2", false).is_none(), "unknown commands are refused");
        let segments = "M0 0L10 0M10 0L10 10M20 20L30 20";
        let count = |join| {
            parse_path(segments, join)
                .unwrap()
                .segments()
                .filter(|s| matches!(s, resvg::tiny_skia::PathSegment::MoveTo(_)))
                .count()
        };
        assert_eq!((count(false), count(true)), (3, 2), "touching segments join into one line");
    }

    #[test]
    fn draws_text_shapes_and_group_opacity() {
        let text = Text {
            x: 4.0,
            y: 40.0,
            content: "Raqqa".into(),
            size: 24.0,
            fill: "#000000".into(),
            halo: Some(("#ffffff".into(), 2.0)),
            ..Text::default()
        };
        let mut layer = Layer::new("labels");
        layer.items.push(Item::Text(text.clone()));
        let scene = Scene { width: 120, height: 60, defs: vec![], layers: vec![layer] };
        let mut pixmap = canvas();
        draw_scene(&scene, &mut pixmap, None);
        let dark = dark_pixels(&pixmap);
        assert!(dark > 100, "the letters were drawn ({dark} dark pixels)");
        // The same text at half opacity leaves no pixel fully dark.
        let mut faded = Layer::new("labels");
        faded.items.push(Item::Text(Text { opacity: Some(0.5), ..text }));
        let mut pixmap = canvas();
        draw_scene(&Scene { width: 120, height: 60, defs: vec![], layers: vec![faded] }, &mut pixmap, None);
        assert!(pixmap.pixels().iter().all(|p| p.red() >= 120), "opacity applies to the whole text");
    }

    /// Source-over of a sprite pixel by pixel, clipped to the canvas: what `lay_over` must equal.
    fn lay_over_pixel_by_pixel(target: &mut Pixmap, sprite: &Sprite) {
        let (tw, th) = (target.width() as i32, target.height() as i32);
        let sw = sprite.pixmap.width() as i32;
        for (i, s) in sprite.pixmap.data().chunks_exact(4).enumerate() {
            let (x, y) = (sprite.x + i as i32 % sw, sprite.y + i as i32 / sw);
            if x < tw && y < th {
                let at = ((y * tw + x) * 4) as usize;
                let keep = 255 - u16::from(s[3]);
                for (d, &v) in target.data_mut()[at..at + 4].iter_mut().zip(s) {
                    *d = v.saturating_add(div255(u16::from(*d) * keep));
                }
            }
        }
    }

    #[test]
    fn sprite_runs_lay_over_like_pixel_by_pixel_blending() {
        let mut pixmap = Pixmap::new(13, 6).unwrap();
        for (i, p) in pixmap.data_mut().chunks_exact_mut(4).enumerate() {
            let alpha = [0u8, 255, 255, 128, 0, 255, 1, 254, 254, 0, 255][i % 11];
            let value = ((i * 29) % 256) as u8;
            p.copy_from_slice(&[value.min(alpha), (value / 2).min(alpha), alpha / 3, alpha]);
        }
        let runs = runs_of(&pixmap);
        assert!(runs.iter().any(|r| r.opaque && r.len == 2) && runs.iter().any(|r| !r.opaque && r.len >= 2));
        assert_eq!(
            runs.iter().map(|r| r.len).sum::<u32>() as usize,
            pixmap.pixels().iter().filter(|p| p.alpha() > 0).count()
        );
        let mut ground = Pixmap::new(40, 20).unwrap();
        for (i, b) in ground.data_mut().iter_mut().enumerate() {
            *b = if i % 4 == 3 { 255 } else { (i % 97) as u8 };
        }
        for (x, y) in [(0, 0), (3, 2), (25, 9), (30, 17), (29, 14)] {
            let sprite = Sprite { x, y, pixmap: pixmap.clone(), runs: runs_of(&pixmap) };
            let (mut fast, mut slow) = (ground.clone(), ground.clone());
            lay_over(&mut fast, &sprite);
            lay_over_pixel_by_pixel(&mut slow, &sprite);
            assert!(fast.data() == slow.data(), "sprite at {x},{y}");
        }
    }

    #[test]
    fn sprites_lay_over_like_drawing_in_place() {
        let item = Item::Circle {
            cx: 30.3,
            cy: 20.6,
            r: 9.0,
            style: Style::fill("#d7301f").with_stroke("#1f1f1f", 1.0).with_opacity(0.42),
            class: None,
        };
        let mut layer = Layer::new("places");
        layer.items.push(item);
        let scene = Scene { width: 120, height: 60, defs: vec![], layers: vec![layer] };
        let (mut direct, mut reused) = (canvas(), canvas());
        draw_scene(&scene, &mut direct, None);
        let sprites = Sprites::default();
        draw_scene(&scene, &mut reused, Some(&sprites));
        let mut again = canvas();
        draw_scene(&scene, &mut again, Some(&sprites));
        assert_eq!(reused.data(), again.data(), "a reused sprite gives the same pixels as its first drawing");
        let worst = direct.data().iter().zip(reused.data()).map(|(a, b)| a.abs_diff(*b)).max().unwrap();
        assert!(worst <= 2, "a sprite differs from drawing in place by rounding only ({worst})");
        assert!(direct.pixels().iter().any(|p| p.red() != 255), "the marker was drawn");
    }

    #[test]
    fn the_sprites_used_longest_ago_are_dropped_first() {
        let mut store = SpriteStore::default();
        for key in 0..8 {
            store.put(key, None);
        }
        assert!(store.get(0).is_some() && store.get(1).is_some(), "kept until the budget is reached");
        store.drop_least_recently_used();
        let mut kept: Vec<u64> = store.sprites.keys().copied().collect();
        kept.sort_unstable();
        assert_eq!(kept, [0, 1, 5, 6, 7], "the three least recently used of eight went");
        assert_eq!(store.bytes, 5 * sprite_bytes(&None));
        assert!(store.get(3).is_none());
    }

    #[test]
    fn hatch_tiles_hold_both_colours_in_equal_parts() {
        let def = Def::Hatch { id: "h".into(), a: "#ff0000".into(), b: "#0000ff".into(), size: 6.0 };
        let tiles = hatch_tiles(&[def]);
        let tile = &tiles["h"];
        let red = tile.pixels().iter().filter(|p| p.red() > 200).count();
        let blue = tile.pixels().iter().filter(|p| p.blue() > 200).count();
        let all = tile.pixels().len();
        assert!(red * 3 >= all && blue * 3 >= all, "{red} red, {blue} blue of {all}");
    }
}
