//! The caption band under the map: what changed this month and on how many independent sources,
//! from the same change set as `controlmap diff` (the previous month's end to this month's end),
//! in the map's language, shortened to one line ("… and 12 more"). A month without change says
//! so in one short phrase. The phrases here are shared by `diff` and the viewer.

use crate::geometry::Frame;
use crate::model::Modality;
use crate::render::frame::{FrameState, Series, map_frame};
use crate::render::scene::{Anchor, Item, Layer, PathData, Style, Text, Weight};
use crate::render::style::{self, Lang, Units};
use crate::render::text;
use crate::timeline::{Change, ChangeKind, Diff, PlaceState, Status};

/// The band's height, in units (a pixel at 1600×1200).
pub const BAND: f64 = 30.0;
/// The caption's text size, in units.
const SIZE: f64 = 14.0;

/// The map area left when the caption band is taken from its bottom.
pub fn map_area(full: Frame, u: Units, caption: bool) -> Frame {
    if caption { Frame { height: full.height - u.of(BAND), ..full } } else { full }
}

/// The words of captions and change lists.
struct Words {
    changed: &'static str,
    no_change: &'static str,
    more: &'static str,
    new: &'static str,
    stale: &'static str,
    not_tracked: &'static str,
    source: &'static str,
    sources: &'static str,
    claimed: &'static str,
    hedged: &'static str,
    contested_by: &'static str,
    besieged_by: &'static str,
    partly: &'static str,
    rest: &'static str,
    lost_by: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            changed: "Changed this month:",
            no_change: "No change this month.",
            more: "and {N} more",
            new: "first reported",
            stale: "no report for over 6 months",
            not_tracked: "not tracked",
            source: "source",
            sources: "sources",
            claimed: "claimed",
            hedged: "unconfirmed",
            contested_by: "contested by",
            besieged_by: "besieged by",
            partly: "partly",
            rest: "rest",
            lost_by: "lost by {L}, new holder unknown",
        },
        Lang::Nl => Words {
            changed: "Deze maand veranderd:",
            no_change: "Geen verandering deze maand.",
            more: "en nog {N}",
            new: "voor het eerst gemeld",
            stale: "al ruim 6 maanden geen bericht",
            not_tracked: "niet gevolgd",
            source: "bron",
            sources: "bronnen",
            claimed: "geclaimd",
            hedged: "onbevestigd",
            contested_by: "omstreden met",
            besieged_by: "belegerd door",
            partly: "deels",
            rest: "rest",
            lost_by: "verloren door {L}, nieuwe bezitter onbekend",
        },
    }
}

/// A state in words: "SDF", "Islamic State, contested by SDF", "partly Syrian government, rest Islamic State".
pub fn state_phrase(state: &PlaceState, lang: Lang, name: &dyn Fn(&str) -> String) -> String {
    let w = words(lang);
    if state.supporting.is_empty() {
        return w.not_tracked.to_string();
    }
    let Some(holder) = state.holder.as_deref().map(name) else {
        let loser = state.lost_by.as_deref().map_or_else(|| "?".to_string(), name);
        return w.lost_by.replace("{L}", &loser);
    };
    match (state.status, state.other.as_deref().map(name)) {
        (Status::Contested, Some(other)) => format!("{holder}, {} {other}", w.contested_by),
        (Status::Besieged, Some(other)) => format!("{holder}, {} {other}", w.besieged_by),
        (Status::Partial, Some(other)) => format!("{} {holder}, {} {other}", w.partly, w.rest),
        (Status::Partial, None) => format!("{} {holder}", w.partly),
        _ => holder,
    }
}

/// "2 sources", "1 bron".
pub fn sources_phrase(count: usize, lang: Lang) -> String {
    let w = words(lang);
    format!("{count} {}", if count == 1 { w.source } else { w.sources })
}

/// One change in words: "Raqqa → SDF (2 sources)", "Mayadin → Syrian government (claimed, 1 source)",
/// "Rawa → Iraqi government (first reported, 2 sources)", "Tal Afar: no report for over 6 months".
pub fn change_phrase(change: &Change, place: &str, lang: Lang, name: &dyn Fn(&str) -> String) -> String {
    if change.kind == ChangeKind::Stale {
        return format!("{place}: {}", change_notes(change, lang));
    }
    format!("{place} → {} ({})", state_phrase(&change.after, lang, name), change_notes(change, lang))
}

/// What qualifies a change: "first reported, claimed, 2 sources"; "no report for over 6 months".
pub fn change_notes(change: &Change, lang: Lang) -> String {
    let w = words(lang);
    if change.kind == ChangeKind::Stale {
        return w.stale.to_string();
    }
    let mut notes = Vec::new();
    if change.kind == ChangeKind::Appeared {
        notes.push(w.new.to_string());
    }
    match change.after.certainty {
        Modality::Claimed => notes.push(w.claimed.to_string()),
        Modality::Hedged => notes.push(w.hedged.to_string()),
        _ => {}
    }
    notes.push(sources_phrase(change.after.independent_sources, lang));
    notes.join(", ")
}

/// The caption line: the prefix, then as many entries as fit `fits`, then "and N more".
/// No entries: the no-change phrase.
pub fn caption_line(entries: &[String], lang: Lang, fits: &dyn Fn(&str) -> bool) -> String {
    let w = words(lang);
    if entries.is_empty() {
        return w.no_change.to_string();
    }
    let line = |shown: usize| {
        let mut parts: Vec<String> = entries[..shown].to_vec();
        if shown < entries.len() {
            parts.push(w.more.replace("{N}", &(entries.len() - shown).to_string()));
        }
        format!("{} {}", w.changed, parts.join(" · "))
    };
    let all = line(entries.len());
    if fits(&all) {
        return all;
    }
    // Below the full list a line only grows with each entry shown (an entry is wider than the
    // digit "and N more" may lose), so the longest that fits is found by counting up: the cost
    // follows what is shown, not the month's number of changes.
    let mut best = line(0);
    for shown in 1..entries.len() {
        let text = line(shown);
        if !fits(&text) {
            break;
        }
        best = text;
    }
    best
}

/// The caption of a frame: one phrase per change, changes of hands first, then places first
/// reported, then those gone stale (each group in the diff's order: by date, then place), so that
/// a shortened caption keeps what matters most.
pub fn frame_entries(series: &Series, diff: &Diff) -> Vec<String> {
    let lang = series.options.lang;
    let name = |f: &str| series.faction_name(f);
    let mut changes: Vec<&Change> = diff.changes.iter().collect();
    changes.sort_by_key(|c| c.kind);
    changes.iter().map(|c| change_phrase(c, &place_name(series, c), lang, &name)).collect()
}

/// The name a frame uses for a changed place (its label), or the gazetteer's display name.
pub fn place_name(series: &Series, change: &Change) -> String {
    let key = &change.place;
    series
        .towns
        .get(key)
        .map(|t| t.name.clone())
        .or_else(|| series.regions.get(key).map(|r| r.name.clone()))
        .unwrap_or_else(|| series.inputs.gazetteer.display_name(key))
}

/// The band under the map with the caption (`<g id="caption">`); empty when the series has none.
pub fn caption_layer(series: &Series, frame: &FrameState) -> Layer {
    let mut layer = Layer::new("caption");
    if !series.options.caption {
        return layer;
    }
    let u = series.units;
    let width = f64::from(series.options.width);
    let map = series.view.frame;
    let top = map.y + map.height;
    let bottom = map_frame(series.options.width, series.options.height);
    let height = bottom.y + bottom.height - top;
    layer.items.push(Item::Rect { x: 0.0, y: top, width, height, rx: 0.0, style: Style::fill(style::PAPER) });
    let mut rule = PathData::default();
    rule.move_to(0.0, top);
    rule.line_to(width, top);
    layer.items.push(Item::Path { d: rule.finish(), style: Style::stroke(style::BORDER, u.of(1.0)), class: None });
    let left = u.of(24.0);
    let room = width - 2.0 * left;
    let size = u.of(SIZE);
    let lang = series.options.lang;
    let drawn_width = |line: &str| {
        let (prefix, rest) = split_prefix(line, lang);
        text::width(&prefix, size, true) + u.of(5.0) + text::width(&rest, size, false)
    };
    let fits = |line: &str| drawn_width(line) <= room;
    let line = caption_line(&frame_entries(series, &frame.diff), series.options.lang, &fits);
    let (prefix, rest) = split_prefix(&line, series.options.lang);
    let baseline = top + height / 2.0 + size * 0.36;
    let bold_width = text::width(&prefix, size, true);
    let text_item = |x: f64, content: String, weight: Weight, fill: &str| {
        Item::Text(Text {
            x,
            y: baseline,
            content,
            size,
            weight,
            anchor: Anchor::Start,
            fill: fill.into(),
            ..Text::default()
        })
    };
    if rest.is_empty() {
        layer.items.push(text_item(left, prefix, Weight::Normal, style::MUTED));
    } else {
        layer.items.push(text_item(left, prefix, Weight::Bold, style::INK));
        layer.items.push(text_item(left + bold_width + u.of(5.0), rest, Weight::Normal, style::INK));
    }
    layer
}

/// The bold prefix ("Changed this month:") and the entries after it.
fn split_prefix(line: &str, lang: Lang) -> (String, String) {
    let prefix = words(lang).changed;
    match line.strip_prefix(prefix) {
        Some(rest) => (prefix.to_string(), rest.trim_start().to_string()),
        None => (line.to_string(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("Place{i} → Holder (2 sources)")).collect()
    }

    #[test]
    fn a_month_without_change_says_so() {
        assert_eq!(caption_line(&[], Lang::En, &|_| true), "No change this month.");
        assert_eq!(caption_line(&[], Lang::Nl, &|_| true), "Geen verandering deze maand.");
    }

    #[test]
    fn long_captions_end_with_a_count_of_the_rest() {
        let all = entries(15);
        let line = caption_line(&all, Lang::En, &|l: &str| l.chars().count() <= 120);
        assert!(line.starts_with("Changed this month: Place0 → Holder (2 sources) · "), "{line}");
        assert!(line.chars().count() <= 120, "{line}");
        let shown = line.matches(" → ").count();
        assert!(line.ends_with(&format!("and {} more", 15 - shown)), "{line}");
        let nl = caption_line(&all, Lang::Nl, &|l: &str| l.chars().count() <= 120);
        assert!(nl.starts_with("Deze maand veranderd:") && nl.contains("en nog "), "{nl}");
    }

    #[test]
    fn short_captions_list_everything() {
        let line = caption_line(&entries(2), Lang::En, &|_| true);
        assert_eq!(line, "Changed this month: Place0 → Holder (2 sources) · Place1 → Holder (2 sources)");
    }

    #[test]
    fn the_bold_prefix_is_split_off() {
        let (prefix, rest) = split_prefix("Changed this month: A · B", Lang::En);
        assert_eq!((prefix.as_str(), rest.as_str()), ("Changed this month:", "A · B"));
        assert_eq!(split_prefix("No change this month.", Lang::En).1, "");
    }
}
