//! Fonts embedded from the `dejavu` crate (no system fonts, no fontconfig) and text measurement for label placement.

use std::sync::OnceLock;

/// The family name every text in a scene uses.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// The embedded faces: regular, bold, oblique and bold oblique DejaVu Sans.
pub fn faces() -> [&'static [u8]; 4] {
    [dejavu::sans::regular(), dejavu::sans::bold(), dejavu::sans::oblique(), dejavu::sans::bold_oblique()]
}

fn face(bold: bool) -> &'static ttf_parser::Face<'static> {
    static REGULAR: OnceLock<ttf_parser::Face<'static>> = OnceLock::new();
    static BOLD: OnceLock<ttf_parser::Face<'static>> = OnceLock::new();
    let (cell, bytes) = if bold { (&BOLD, dejavu::sans::bold()) } else { (&REGULAR, dejavu::sans::regular()) };
    cell.get_or_init(|| ttf_parser::Face::parse(bytes, 0).expect("the embedded DejaVu font parses"))
}

/// The advance width of `text` in pixels at `size`, without kerning (close enough to place labels).
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let face = face(bold);
    let units = f64::from(face.units_per_em());
    let fallback = face.glyph_index('n').and_then(|g| face.glyph_hor_advance(g)).unwrap_or(1200);
    let advance: u32 = text
        .chars()
        .map(|c| u32::from(face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).unwrap_or(fallback)))
        .sum();
    f64::from(advance) * size / units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_text() {
        let narrow = width("iii", 12.0, false);
        let wide = width("MMM", 12.0, false);
        assert!(narrow < wide);
        assert!(width("Raqqa", 12.0, true) > width("Raqqa", 12.0, false));
        assert!((width("Raqqa", 24.0, false) - 2.0 * width("Raqqa", 12.0, false)).abs() < 1e-9);
        assert!(width("Ḩawījah", 12.0, false) > 0.0);
    }
}
