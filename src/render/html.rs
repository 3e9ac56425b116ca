//! The HTML viewer: one self-contained page (inline CSS, JS and data) that shows the rendered
//! frames with a month slider, playback, the month in the URL hash, and a panel per place.
//!
//! Every name from the data reaches the page only inside the JSON data block (with `<`, `>`,
//! `&`, U+2028 and U+2029 escaped) and is inserted by the script with `textContent`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::date::Date;
use crate::model::{ClaimText, Modality, PlaceKind};
use crate::render::info::{FrameInfo, PlaceInfo};
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

/// The viewer page for a series of frames, as one HTML document (see [`PageBuilder`], which
/// takes the frames one at a time).
///
/// The bytes depend only on the arguments (no timestamps), so the same series gives the same page.
pub fn page(frames: &[FrameInfo], options: &PageOptions) -> String {
    let mut builder = PageBuilder::new(options.clone());
    for frame in frames {
        builder.push(frame);
    }
    builder.finish()
}

/// Builds the viewer page from the frames in month order, keeping only what the page stores:
/// each place and claim once, and per month only the states that differ from the month before.
/// A frame can be dropped once pushed, so memory follows the page's data, not the frames'.
pub struct PageBuilder {
    options: PageOptions,
    data: PageData,
    /// Place key to its index in `data.places`.
    place_index: BTreeMap<(PlaceKind, String), usize>,
    claims: ClaimTable,
    /// The state of each place drawn in the previous month, by place index.
    previous: BTreeMap<usize, StateEntry>,
    first_title: Option<String>,
    months: (Option<String>, Option<String>),
}

impl PageBuilder {
    pub fn new(options: PageOptions) -> PageBuilder {
        PageBuilder {
            data: PageData { ui: ui_words(options.lang), places: Vec::new(), claims: Vec::new(), months: Vec::new() },
            options,
            place_index: BTreeMap::new(),
            claims: ClaimTable::default(),
            previous: BTreeMap::new(),
            first_title: None,
            months: (None, None),
        }
    }

    /// Adds the next month's frame.
    pub fn push(&mut self, frame: &FrameInfo) {
        let mut current: BTreeMap<usize, StateEntry> = BTreeMap::new();
        let mut changed = Vec::new();
        for p in &frame.places {
            let place = self.place(p);
            if p.changed {
                changed.push(place);
            }
            current.insert(place, state_entry(place, p, &mut self.claims));
        }
        let states: Vec<StateEntry> =
            current.iter().filter(|(i, s)| self.previous.get(i) != Some(s)).map(|(_, s)| s.clone()).collect();
        let gone: Vec<usize> = self.previous.keys().filter(|i| !current.contains_key(i)).copied().collect();
        let changes = frame
            .changes
            .iter()
            .map(|c| ChangeEntry {
                place: self.place_index.get(&(c.kind, c.place_id.clone())).copied(),
                text: c.text.clone(),
                when: c.when.clone(),
                claims: c.claims.iter().map(|claim| (self.claims.index(&claim.claim), claim.role)).collect(),
            })
            .collect();
        changed.sort_unstable();
        self.data.months.push(MonthEntry {
            month: frame.month.to_string(),
            title: frame.title.clone(),
            claims: frame.claims,
            articles: frame.articles,
            states,
            gone,
            changed,
            changes,
        });
        self.previous = current;
        self.first_title.get_or_insert_with(|| frame.title.clone());
        self.months.0.get_or_insert_with(|| frame.month.to_string());
        self.months.1 = Some(frame.month.to_string());
    }

    /// The index of a drawn place in the page's table, adding it when first met.
    fn place(&mut self, p: &PlaceInfo) -> usize {
        let key = (p.kind, p.place_id.clone());
        if let Some(&i) = self.place_index.get(&key) {
            return i;
        }
        let index = self.data.places.len();
        self.data.places.push(PlaceEntry {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind,
            x: p.x,
            y: p.y,
            r: p.r,
        });
        self.place_index.insert(key, index);
        index
    }

    /// The whole page.
    pub fn finish(mut self) -> String {
        self.data.claims = std::mem::take(&mut self.claims.list);
        let options = &self.options;
        let page = PageJson {
            image: ImageData { ext: &options.image_ext, width: options.width, height: options.height },
            factions: &options.factions,
            data: &self.data,
        };
        let data = script_json(&page);
        let ui = ui_words(options.lang);
        let first_title = self.first_title.as_deref().unwrap_or("");
        let (first_month, last_month) = (self.months.0.unwrap_or_default(), self.months.1.unwrap_or_default());
        let mut out = String::with_capacity(data.len() + STYLE.len() + SCRIPT.len() + 4096);
        out.push_str(&head(options.lang, ui, first_title));
        out.push_str(&body(self.data.months.len(), (&first_month, &last_month), options, ui));
        out.push_str("<script type=\"application/json\" id=\"data\">");
        out.push_str(&data);
        out.push_str("</script>\n<script>\n");
        out.push_str(SCRIPT);
        out.push_str("</script>\n</body>\n</html>\n");
        out
    }
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

fn body(frames: usize, (first_month, last_month): (&str, &str), options: &PageOptions, ui: &Ui) -> String {
    let last = frames.saturating_sub(1);
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
        first_month = escape(first_month),
        last_month = escape(last_month),
        w = options.width,
        h = options.height,
    )
}

/// The data block: places and claims once, and per month the states that changed.
#[derive(Serialize)]
struct PageJson<'a> {
    image: ImageData<'a>,
    factions: &'a BTreeMap<String, FactionStyle>,
    #[serde(flatten)]
    data: &'a PageData,
}

#[derive(Serialize)]
struct PageData {
    ui: &'static Ui,
    places: Vec<PlaceEntry>,
    claims: Vec<ClaimText>,
    months: Vec<MonthEntry>,
}

#[derive(Serialize)]
struct ImageData<'a> {
    ext: &'a str,
    width: u32,
    height: u32,
}

#[derive(Serialize)]
struct PlaceEntry {
    id: String,
    name: String,
    kind: PlaceKind,
    x: f64,
    y: f64,
    r: f64,
}

/// One month: its counts, the states that are new or differ from the month before, the places
/// no longer drawn, the places that changed hands, and the change list.
#[derive(Serialize)]
struct MonthEntry {
    month: String,
    title: String,
    claims: usize,
    articles: usize,
    states: Vec<StateEntry>,
    gone: Vec<usize>,
    changed: Vec<usize>,
    changes: Vec<ChangeEntry>,
}

/// One change of the month: its phrase, when, the place (when drawn) and the claims behind it.
#[derive(Serialize)]
struct ChangeEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<usize>,
    text: String,
    when: String,
    /// `[claim index, role]` pairs.
    claims: Vec<(usize, &'static str)>,
}

/// A place's state. What changes every month without news is left out so that an unchanged
/// place is not repeated: the evidence's age (the page counts it from `evidence`) and whether
/// it changed this month (the month's `changed` list); so is the holder's name (the page has
/// the factions' names).
#[derive(Serialize, Clone, PartialEq)]
struct StateEntry {
    place: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    holder: Option<String>,
    status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    other: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<Date>,
    stale: bool,
    certainty: Modality,
    conflict: bool,
    independent_sources: usize,
    /// `[claim index, role]` pairs.
    claims: Vec<(usize, &'static str)>,
}

fn state_entry(place: usize, p: &PlaceInfo, claims: &mut ClaimTable) -> StateEntry {
    StateEntry {
        place,
        holder: p.holder.clone(),
        status: p.status.clone(),
        other: p.other.clone(),
        since: p.since.clone(),
        evidence: p.last_evidence,
        stale: p.stale,
        certainty: p.certainty,
        conflict: p.conflict,
        independent_sources: p.independent_sources,
        claims: p.claims.iter().map(|c| (claims.index(&c.claim), c.role)).collect(),
    }
}

/// The claims of all frames, each stored once, in the order first met (so output is stable).
#[derive(Default)]
struct ClaimTable {
    list: Vec<ClaimText>,
    index: std::collections::HashMap<ClaimText, usize>,
}

impl ClaimTable {
    /// The index of a claim in the table, adding it when new.
    fn index(&mut self, claim: &ClaimText) -> usize {
        if let Some(&i) = self.index.get(claim) {
            return i;
        }
        self.list.push(claim.clone());
        self.index.insert(claim.clone(), self.list.len() - 1);
        self.list.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::YearMonth;
    use crate::render::info::{ChangeInfo, ClaimInfo};

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
        let mut builder = PageBuilder::new(options());
        frames.iter().for_each(|f| builder.push(f));
        assert_eq!(builder.claims.list.len(), 1);
        assert_eq!(builder.data.places.len(), 1);
        assert_eq!(builder.data.months.len(), 2);
    }

    /// The data block of a page, parsed.
    fn data_of(html: &str) -> serde_json::Value {
        let start = html.find("id=\"data\">").unwrap() + "id=\"data\">".len();
        let end = start + html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..end]).unwrap()
    }

    #[test]
    fn months_store_only_the_states_that_differ_from_the_month_before() {
        let month = |m: u8| YearMonth { year: 2017, month: m };
        let first = hostile_frame();
        let mut same = hostile_frame();
        same.month = month(11);
        same.places[0].changed = false;
        same.places[0].age_days = Some(30);
        let mut taken = same.clone();
        taken.month = month(12);
        taken.places[0].holder = Some("sdf".into());
        taken.places[0].changed = true;
        let mut gone = taken.clone();
        gone.month = YearMonth { year: 2018, month: 1 };
        gone.places.clear();
        let data = data_of(&page(&[first, same, taken, gone], &options()));
        let months = data["months"].as_array().unwrap();
        let places_in = |i: usize, field: &str| -> Vec<u64> {
            months[i][field]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_u64().or_else(|| v["place"].as_u64()).unwrap())
                .collect()
        };
        assert_eq!(places_in(0, "states"), [0], "the first month has every state");
        assert_eq!(places_in(0, "changed"), [0]);
        assert!(places_in(1, "states").is_empty(), "an unchanged place is not repeated (its age is not stored)");
        assert!(places_in(1, "changed").is_empty());
        assert_eq!(places_in(2, "states"), [0], "a new holder is stored");
        assert_eq!(months[2]["states"][0]["holder"], "sdf");
        assert_eq!(places_in(3, "gone"), [0], "a place no longer drawn is listed as gone");
        assert!(places_in(3, "states").is_empty());
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
