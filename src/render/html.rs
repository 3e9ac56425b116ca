//! The HTML viewer: one self-contained page (inline CSS, JS and data) that shows the rendered
//! frames with a month slider, playback, the month in the URL hash, and a panel per place.
//!
//! Every name from the data reaches the page only inside the JSON data block (with `<`, `>`,
//! `&`, U+2028 and U+2029 escaped) and is inserted by the script with `textContent`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::date::Date;
use crate::model::{ClaimText, Modality, PlaceKind};
use crate::render::info::{ClaimInfo, FrameInfo, PlaceInfo};
use crate::render::style::Lang;
use crate::render::svg::escape;

mod words;

pub use words::{Ui, ui_words};

const STYLE: &str = include_str!("html/viewer.css");
const SCRIPT: &str = include_str!("html/viewer.js");

/// A faction as the viewer shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FactionStyle {
    /// The display name in the page's language.
    pub name: String,
    /// The marker colour (`#rrggbb`).
    pub color: String,
}

/// What the page needs besides the frames.
#[derive(Debug, Clone)]
pub struct PageOptions {
    /// The extension of the frame images next to the page: `png` or `svg`.
    pub image_ext: String,
    pub width: u32,
    pub height: u32,
    pub lang: Lang,
    /// Faction id to display name and colour (claims name factions that hold nothing).
    pub factions: BTreeMap<String, FactionStyle>,
}

/// The viewer page for a series of frames, as one HTML document.
///
/// The bytes depend only on the arguments (no timestamps), so the same series gives the same page.
pub fn page(frames: &[FrameInfo], options: &PageOptions) -> String {
    let data = script_json(&PageData::build(frames, options));
    let ui = ui_words(options.lang);
    let first_title = frames.first().map_or("", |f| f.title.as_str());
    let mut out = String::with_capacity(data.len() + STYLE.len() + SCRIPT.len() + 4096);
    out.push_str(&head(options.lang, ui, first_title));
    out.push_str(&body(frames, options, ui));
    out.push_str("<script type=\"application/json\" id=\"data\">");
    out.push_str(&data);
    out.push_str("</script>\n<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// JSON that is safe inside a `<script>` element and in any JavaScript parser: the characters
/// that could end the element or a string literal are written as `\u` escapes.
pub fn script_json<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_string());
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn head(lang: Lang, ui: &Ui, first_title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"controlmap {version}\">\n\
         <title>{title} · {page}</title>\n<style>\n{STYLE}</style>\n</head>\n",
        lang = lang.code(),
        version = env!("CARGO_PKG_VERSION"),
        title = escape(first_title),
        page = escape(ui.page_title),
    )
}

fn body(frames: &[FrameInfo], options: &PageOptions, ui: &Ui) -> String {
    let last = frames.len().saturating_sub(1);
    let (first_month, last_month) = match (frames.first(), frames.last()) {
        (Some(a), Some(b)) => (a.month.to_string(), b.month.to_string()),
        _ => (String::new(), String::new()),
    };
    let first_src = format!("{first_month}.{}", options.image_ext);
    format!(
        r##"<body>
<a class="skip" href="#controls">{skip}</a>
<header class="top">
<div class="heading"><h1 id="title"></h1><p id="counts" class="counts"></p></div>
<p class="keys" id="keys">{keys}</p>
</header>
<main class="layout">
<section class="stage" aria-label="{map}">
<div class="frame" id="frame" style="--ratio: {w} / {h}">
<img id="map" src="{src}" width="{w}" height="{h}" alt="">
<div id="hotspots" class="hotspots" role="group" aria-label="{places}"></div>
</div>
</section>
<aside class="panel" id="panel" aria-live="polite" aria-labelledby="panel-title">
<h2 id="panel-title" class="visually-hidden">{details}</h2>
<div id="panel-body"><p class="hint">{hint}</p></div>
</aside>
</main>
<nav class="controls" id="controls" aria-label="{months}" aria-describedby="keys">
<button type="button" id="prev" class="step" aria-label="{prev}" title="{prev} (←)"><span aria-hidden="true">‹</span></button>
<button type="button" id="play" class="play" aria-pressed="false">{play}</button>
<button type="button" id="next" class="step" aria-label="{next}" title="{next} (→)"><span aria-hidden="true">›</span></button>
<div class="slider">
<label for="slider" class="visually-hidden">{month}</label>
<input type="range" id="slider" min="0" max="{last}" step="1" value="0">
<div class="ends" aria-hidden="true"><span>{first_month}</span><span>{last_month}</span></div>
</div>
</nav>
<noscript><p class="noscript">{noscript} <a href="{src}">{first_month}</a></p></noscript>
"##,
        skip = escape(ui.skip),
        keys = escape(ui.keys),
        map = escape(ui.map),
        places = escape(ui.places),
        details = escape(ui.details),
        hint = escape(ui.hint),
        months = escape(ui.months),
        prev = escape(ui.prev),
        next = escape(ui.next),
        play = escape(ui.play),
        month = escape(ui.month),
        noscript = escape(ui.noscript),
        src = escape(&first_src),
        first_month = escape(&first_month),
        last_month = escape(&last_month),
        w = options.width,
        h = options.height,
    )
}

/// The data block: places and claims once, and per month the state of each drawn place.
#[derive(Serialize)]
struct PageData<'a> {
    image: ImageData<'a>,
    ui: &'static Ui,
    factions: &'a BTreeMap<String, FactionStyle>,
    places: Vec<PlaceEntry<'a>>,
    claims: Vec<&'a ClaimText>,
    months: Vec<MonthEntry<'a>>,
}

#[derive(Serialize)]
struct ImageData<'a> {
    ext: &'a str,
    width: u32,
    height: u32,
}

#[derive(Serialize)]
struct PlaceEntry<'a> {
    id: &'a str,
    name: &'a str,
    kind: PlaceKind,
    x: f64,
    y: f64,
    r: f64,
}

#[derive(Serialize)]
struct MonthEntry<'a> {
    month: String,
    title: &'a str,
    claims: usize,
    articles: usize,
    states: Vec<StateEntry<'a>>,
    changes: Vec<ChangeEntry<'a>>,
}

/// One change of the month: its phrase, when, the place (when drawn) and the claims behind it.
#[derive(Serialize)]
struct ChangeEntry<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<usize>,
    text: &'a str,
    when: &'a str,
    /// `[claim index, role]` pairs.
    claims: Vec<(usize, &'static str)>,
}

#[derive(Serialize)]
struct StateEntry<'a> {
    place: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    holder: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    holder_name: Option<&'a str>,
    status: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    other: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    age_days: Option<i64>,
    stale: bool,
    certainty: Modality,
    conflict: bool,
    changed: bool,
    independent_sources: usize,
    /// `[claim index, role]` pairs.
    claims: Vec<(usize, &'static str)>,
}

impl<'a> PageData<'a> {
    fn build(frames: &'a [FrameInfo], options: &'a PageOptions) -> PageData<'a> {
        let places = place_table(frames);
        let index: BTreeMap<(PlaceKind, &str), usize> =
            places.iter().enumerate().map(|(i, (key, _))| (*key, i)).collect();
        let mut claims = ClaimTable::default();
        let months = frames
            .iter()
            .map(|frame| MonthEntry {
                month: frame.month.to_string(),
                title: &frame.title,
                claims: frame.claims,
                articles: frame.articles,
                states: frame
                    .places
                    .iter()
                    .filter_map(|p| {
                        Some(state_entry(index.get(&(p.kind, p.place_id.as_str())).copied()?, p, &mut claims))
                    })
                    .collect(),
                changes: frame
                    .changes
                    .iter()
                    .map(|c| ChangeEntry {
                        place: index.get(&(c.kind, c.place_id.as_str())).copied(),
                        text: &c.text,
                        when: &c.when,
                        claims: c.claims.iter().map(|claim| (claims.index(claim), claim.role)).collect(),
                    })
                    .collect(),
            })
            .collect();
        PageData {
            image: ImageData { ext: &options.image_ext, width: options.width, height: options.height },
            ui: ui_words(options.lang),
            factions: &options.factions,
            places: places.into_values().collect(),
            claims: claims.list,
            months,
        }
    }
}

/// Every place drawn in any frame, once, in a stable order (kind, then id).
fn place_table(frames: &[FrameInfo]) -> BTreeMap<(PlaceKind, &str), PlaceEntry<'_>> {
    let mut places = BTreeMap::new();
    for p in frames.iter().flat_map(|f| &f.places) {
        places.entry((p.kind, p.place_id.as_str())).or_insert_with(|| PlaceEntry {
            id: &p.id,
            name: &p.name,
            kind: p.kind,
            x: p.x,
            y: p.y,
            r: p.r,
        });
    }
    places
}

fn state_entry<'a>(place: usize, p: &'a PlaceInfo, claims: &mut ClaimTable<'a>) -> StateEntry<'a> {
    StateEntry {
        place,
        holder: p.holder.as_deref(),
        holder_name: p.holder_name.as_deref(),
        status: &p.status,
        other: p.other.as_deref(),
        since: p.since.as_deref(),
        evidence: p.last_evidence,
        age_days: p.age_days,
        stale: p.stale,
        certainty: p.certainty,
        conflict: p.conflict,
        changed: p.changed,
        independent_sources: p.independent_sources,
        claims: p.claims.iter().map(|c| (claims.index(c), c.role)).collect(),
    }
}

/// The claims of all frames, each stored once, in the order first met (so output is stable).
#[derive(Default)]
struct ClaimTable<'a> {
    list: Vec<&'a ClaimText>,
    index: std::collections::HashMap<&'a ClaimText, usize>,
}

impl<'a> ClaimTable<'a> {
    /// The index of a claim in the table, adding it when new.
    fn index(&mut self, claim: &'a ClaimInfo) -> usize {
        let entry = &claim.claim;
        if let Some(&i) = self.index.get(entry) {
            return i;
        }
        self.list.push(entry);
        self.index.insert(entry, self.list.len() - 1);
        self.list.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::YearMonth;
    use crate::render::info::ChangeInfo;

    fn hostile_frame() -> FrameInfo {
        let name = "<script>alert(1)</script>\u{2028}&".to_string();
        FrameInfo {
            month: YearMonth { year: 2017, month: 10 },
            title: "October 2017".into(),
            date: YearMonth { year: 2017, month: 10 }.last_day(),
            claims: 1,
            articles: 1,
            places: vec![PlaceInfo {
                id: "place-x".into(),
                place_id: "x".into(),
                kind: PlaceKind::Town,
                name: name.clone(),
                x: 10.0,
                y: 20.0,
                r: 3.0,
                holder: Some("is".into()),
                holder_name: Some(name.clone()),
                status: "held".into(),
                other: None,
                since: Some("2017-10".into()),
                last_evidence: None,
                age_days: None,
                stale: false,
                certainty: Modality::Fact,
                conflict: false,
                changed: true,
                independent_sources: 1,
                claims: vec![ClaimInfo {
                    claim: ClaimText {
                        date: "2017-10".into(),
                        holder: "is".into(),
                        event: "holds".into(),
                        other: None,
                        modality: Modality::Fact,
                        sources: vec!["</script>.txt#1".into()],
                        note: name.clone(),
                    },
                    role: "supports",
                }],
            }],
            changes: vec![ChangeInfo {
                place_id: "x".into(),
                kind: PlaceKind::Town,
                change: crate::timeline::ChangeKind::Changed,
                text: format!("{name} → {name} (1 source)"),
                when: "2017-10".into(),
                claims: Vec::new(),
            }],
        }
    }

    fn options() -> PageOptions {
        PageOptions { image_ext: "png".into(), width: 800, height: 600, lang: Lang::En, factions: BTreeMap::new() }
    }

    #[test]
    fn names_never_reach_the_markup_unescaped() {
        let html = page(&[hostile_frame()], &options());
        assert_eq!(html.matches("<script").count(), 2, "only the page's own two script elements");
        assert_eq!(html.matches("</script>").count(), 2);
        assert!(!html.contains('\u{2028}'));
        assert!(html.contains(r"\u003cscript\u003ealert(1)\u003c/script\u003e\u2028\u0026"));
    }

    #[test]
    fn the_data_block_is_valid_json_with_the_names_intact() {
        let html = page(&[hostile_frame()], &options());
        let start = html.find("id=\"data\">").unwrap() + "id=\"data\">".len();
        let end = start + html[start..].find("</script>").unwrap();
        let data: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(data["places"][0]["name"], "<script>alert(1)</script>\u{2028}&");
        assert_eq!(data["months"][0]["states"][0]["claims"][0], serde_json::json!([0, "supports"]));
        assert_eq!(data["claims"][0]["sources"][0], "</script>.txt#1");
    }

    #[test]
    fn claims_shared_between_months_are_stored_once() {
        let mut second = hostile_frame();
        second.month = YearMonth { year: 2017, month: 11 };
        let frames = [hostile_frame(), second];
        let options = options();
        let data = PageData::build(&frames, &options);
        assert_eq!(data.claims.len(), 1);
        assert_eq!(data.places.len(), 1);
        assert_eq!(data.months.len(), 2);
    }

    #[test]
    fn the_inline_style_and_script_cannot_end_their_elements() {
        assert!(!STYLE.to_ascii_lowercase().contains("</style"));
        assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
        assert!(!SCRIPT.contains("innerHTML") && !SCRIPT.contains("insertAdjacentHTML"), "text only");
    }

    #[test]
    fn no_frames_still_give_a_page() {
        let html = page(&[], &options());
        assert!(html.contains("\"months\":[]"));
        assert!(html.ends_with("</html>\n"));
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        assert_eq!(page(&[hostile_frame()], &options()), page(&[hostile_frame()], &options()));
    }
}
