//! Writing a scene as SVG: valid XML, every text escaped, one `<g id>` per layer, fixed precision, no timestamps.

use std::fmt::Write;

use crate::render::scene::{Anchor, Def, Item, Layer, Paint, Scene, Style, Text, Weight, hatch_tile, num, push_num};
use crate::render::text::FONT_FAMILY;

/// The scene as an SVG document; `before_layers` is markup placed under the scene's layers (the
/// base map, rendered once per series).
pub fn document(scene: &Scene, before_layers: &str) -> String {
    let mut out = open(scene);
    let items: usize = scene.layers.iter().map(|l| l.items.len()).sum();
    out.reserve(before_layers.len() + items * 160 + 1024);
    out.push_str(before_layers);
    for layer in &scene.layers {
        write_layer(&mut out, layer);
    }
    out.push_str(CLOSE);
    out
}

/// The closing tag of a document.
pub const CLOSE: &str = "</svg>\n";

/// The XML declaration, the root element and the definitions.
pub fn open(scene: &Scene) -> String {
    let mut out = String::with_capacity(1024);
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n",
        w = scene.width,
        h = scene.height
    );
    if !scene.defs.is_empty() {
        out.push_str("<defs>\n");
        for def in &scene.defs {
            out.push_str(&def_markup(def));
        }
        out.push_str("</defs>\n");
    }
    out
}

fn def_markup(def: &Def) -> String {
    match def {
        Def::Hatch { id, a, b, size } => {
            // An unrotated tile (no patternTransform, so renderers need not resample it): the
            // colour `b` underneath, and `a` in the corner triangle and the band along the
            // anti-diagonal, which continue into the neighbouring tiles as 45° stripes.
            let t = hatch_tile(*size);
            let (s, h) = (num(t), num(t / 2.0));
            let ground = if b == "none" {
                String::new()
            } else {
                format!("<rect width=\"{s}\" height=\"{s}\" fill=\"{}\"/>", escape(b))
            };
            format!(
                "<pattern id=\"{}\" width=\"{s}\" height=\"{s}\" patternUnits=\"userSpaceOnUse\">{ground}<path d=\"M0 0L{h} 0L0 {h}ZM{s} 0L{s} {h}L{h} {s}L0 {s}Z\" fill=\"{}\"/></pattern>\n",
                escape(id),
                escape(a),
            )
        }
    }
}

/// One layer as `<g id="...">…</g>`.
pub fn layer_markup(layer: &Layer) -> String {
    let mut out = String::with_capacity(layer.items.len() * 64 + 32);
    write_layer(&mut out, layer);
    out
}

/// Appends one layer's markup (no string of its own per item or attribute).
fn write_layer(out: &mut String, layer: &Layer) {
    out.push_str("<g id=\"");
    push_escaped(out, &layer.id);
    out.push_str("\">\n");
    for item in &layer.items {
        item_markup(out, item);
    }
    out.push_str("</g>\n");
}

fn item_markup(out: &mut String, item: &Item) {
    match item {
        Item::Path { d, style, class } => {
            out.push_str("<path");
            push_class(out, class);
            out.push_str(" d=\"");
            out.push_str(d);
            out.push('"');
            push_style(out, style);
            out.push_str("/>\n");
        }
        Item::Circle { cx, cy, r, style, class } => {
            out.push_str("<circle");
            push_class(out, class);
            for (name, value) in [(" cx=\"", cx), ("\" cy=\"", cy), ("\" r=\"", r)] {
                out.push_str(name);
                push_num(out, *value);
            }
            out.push('"');
            push_style(out, style);
            out.push_str("/>\n");
        }
        Item::Rect { x, y, width, height, rx, style } => {
            out.push_str("<rect");
            for (name, value) in [(" x=\"", x), ("\" y=\"", y), ("\" width=\"", width), ("\" height=\"", height)] {
                out.push_str(name);
                push_num(out, *value);
            }
            out.push('"');
            if *rx > 0.0 {
                out.push_str(" rx=\"");
                push_num(out, *rx);
                out.push('"');
            }
            push_style(out, style);
            out.push_str("/>\n");
        }
        Item::Text(text) => text_markup(out, text),
        Item::Group { id, class, title, items } => {
            out.push_str("<g");
            if let Some(id) = id {
                out.push_str(" id=\"");
                push_escaped(out, id);
                out.push('"');
            }
            push_class(out, class);
            out.push_str(">\n");
            if let Some(title) = title {
                out.push_str("<title>");
                push_escaped(out, title);
                out.push_str("</title>\n");
            }
            for inner in items {
                item_markup(out, inner);
            }
            out.push_str("</g>\n");
        }
    }
}

fn push_class(out: &mut String, class: &Option<String>) {
    if let Some(class) = class {
        out.push_str(" class=\"");
        push_escaped(out, class);
        out.push('"');
    }
}

fn push_paint(out: &mut String, p: &Paint) {
    match p {
        Paint::Color(c) => push_escaped(out, c),
        Paint::Def(id) => {
            out.push_str("url(#");
            push_escaped(out, id);
            out.push(')');
        }
    }
}

fn push_style(out: &mut String, style: &Style) {
    match &style.fill {
        Some(p) => {
            out.push_str(" fill=\"");
            push_paint(out, p);
            out.push('"');
        }
        None => out.push_str(" fill=\"none\""),
    }
    if let Some(o) = style.fill_opacity {
        let _ = write!(out, " fill-opacity=\"{}\"", opacity(o));
    }
    if let Some(p) = &style.stroke {
        out.push_str(" stroke=\"");
        push_paint(out, p);
        out.push('"');
        if let Some(w) = style.stroke_width {
            out.push_str(" stroke-width=\"");
            push_num(out, w);
            out.push('"');
        }
        out.push_str(" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
    }
    if let Some(o) = style.stroke_opacity {
        let _ = write!(out, " stroke-opacity=\"{}\"", opacity(o));
    }
    if let Some(dash) = &style.dash {
        let _ = write!(out, " stroke-dasharray=\"{}\"", escape(dash));
    }
    if let Some(o) = style.opacity {
        let _ = write!(out, " opacity=\"{}\"", opacity(o));
    }
}

fn opacity(value: f64) -> String {
    format!("{:.2}", value.clamp(0.0, 1.0))
}

fn text_markup(out: &mut String, text: &Text) {
    let mut attrs = format!(" x=\"{}\" y=\"{}\" font-size=\"{}\"", num(text.x), num(text.y), num(text.size));
    if text.weight == Weight::Bold {
        attrs.push_str(" font-weight=\"bold\"");
    }
    if text.italic {
        attrs.push_str(" font-style=\"italic\"");
    }
    match text.anchor {
        Anchor::Start => {}
        Anchor::Middle => attrs.push_str(" text-anchor=\"middle\""),
        Anchor::End => attrs.push_str(" text-anchor=\"end\""),
    }
    if let Some(spacing) = text.letter_spacing {
        let _ = write!(attrs, " letter-spacing=\"{}\"", num(spacing));
    }
    if let Some(angle) = text.rotate {
        let _ = write!(attrs, " transform=\"rotate({} {} {})\"", num(angle), num(text.x), num(text.y));
    }
    if let Some(o) = text.opacity {
        let _ = write!(attrs, " opacity=\"{}\"", opacity(o));
    }
    let _ = write!(attrs, " fill=\"{}\"", escape(&text.fill));
    if let Some((color, width)) = &text.halo {
        let _ = write!(
            attrs,
            " stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
            escape(color),
            num(*width)
        );
    }
    let _ = writeln!(out, "<text{attrs}>{}</text>", escape(&text.content));
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends [`escape`] of a text.
fn push_escaped(out: &mut String, text: &str) {
    if !text.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'') || b < 0x20) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::scene::Text;

    #[test]
    fn text_is_escaped_everywhere() {
        let mut layer = Layer::new("labels<\"x\">");
        layer.items.push(Item::Text(Text {
            content: "<script>alert(1)</script> & co".into(),
            fill: "#000".into(),
            size: 10.0,
            ..Text::default()
        }));
        let scene = Scene { width: 10, height: 10, defs: vec![], layers: vec![layer] };
        let svg = document(&scene, "");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assert!(svg.contains("id=\"labels&lt;&quot;x&quot;&gt;\""));
        assert!(!svg.contains("<script>"));
        roxmltree::Document::parse(&svg).expect("valid XML");
    }
}
