//! The HTML viewer: one self-contained page (inline CSS, JS and data) that shows the rendered
//! frames with a month slider, playback, the month in the URL hash, and a panel per place.
//!
//! Every name from the data reaches the page only inside the data block (deflated JSON written
//! as base64, see [`pack`], so no character of it can end the element) and is inserted by the
//! script with `textContent`.

use std::collections::BTreeMap;

use serde::Serialize;

use std::collections::HashMap;

use crate::model::{ClaimText, PlaceKind};
use crate::render::info::{ClaimInfo, FrameInfo, PlaceInfo};
use crate::render::style::Lang;
use crate::render::svg::escape;

mod pack;
mod words;

use pack::{ClaimColumns, PackedState, Records, Strings};

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

/// Builds the viewer page from the frames in month order, keeping only what the page stores (see
/// [`pack`]): each text, place and claim once, and per month only the fields of the states that
/// differ from the month before. A frame can be dropped once pushed, so memory follows the
/// page's data, not the frames'.
pub struct PageBuilder {
    options: PageOptions,
    strings: Strings,
    places: PlaceColumns,
    /// Place kind and id to its index in `places` (found by the id's text, without a copy).
    place_index: HashMap<PlaceKind, HashMap<String, usize>>,
    claims: ClaimColumns,
    /// Claim to its index in `claims`.
    claim_index: HashMap<ClaimText, usize>,
    /// The timeline's claim index to the index in `claims` (claims with the same text share one).
    timeline_claims: HashMap<usize, usize>,
    months: Vec<MonthEntry>,
    /// The state of each place drawn in the previous month, by place index.
    previous: BTreeMap<usize, PackedState>,
}

impl PageBuilder {
    pub fn new(options: PageOptions) -> PageBuilder {
        PageBuilder {
            options,
            strings: Strings::default(),
            places: PlaceColumns::default(),
            place_index: HashMap::new(),
            claims: ClaimColumns::default(),
            claim_index: HashMap::new(),
            timeline_claims: HashMap::new(),
            months: Vec::new(),
            previous: BTreeMap::new(),
        }
    }

    /// Adds the next month's frame.
    pub fn push(&mut self, frame: &FrameInfo) {
        let mut current: BTreeMap<usize, PackedState> = BTreeMap::new();
        let mut changed = Vec::new();
        for p in &frame.places {
            let place = self.place(p);
            if p.changed {
                changed.push(place);
            }
            let state = self.packed_state(p);
            current.insert(place, state);
        }
        changed.sort_unstable();
        let blank = PackedState::default();
        let (mut states, mut last) = (Records::default(), 0);
        for (&place, state) in &current {
            let before = self.previous.get(&place);
            if before != Some(state) {
                states.push_state((place - last) as u32, before.unwrap_or(&blank), state);
                last = place;
            }
        }
        let gone: Vec<usize> = self.previous.keys().filter(|i| !current.contains_key(i)).copied().collect();
        let changes = self.change_records(frame);
        self.months.push(MonthEntry {
            month: frame.month.to_string(),
            title: frame.title.clone(),
            claims: frame.claims,
            articles: frame.articles,
            states: states.ints,
            gone: pack::steps(&gone),
            changed: pack::steps(&changed),
            changes,
        });
        self.previous = current;
    }

    /// The index of a drawn place in the page's table, adding it when first met.
    fn place(&mut self, p: &PlaceInfo) -> usize {
        if let Some(&i) = self.place_index.get(&p.kind).and_then(|ids| ids.get(p.place_id.as_str())) {
            return i;
        }
        let index = self.places.id.len();
        self.places.id.push(self.strings.id(&p.id));
        self.places.name.push(self.strings.id(&p.name));
        self.places.kind.push(self.strings.name_of(&p.kind));
        self.places.x.push(tenths(p.x));
        self.places.y.push(tenths(p.y));
        self.places.r.push(tenths(p.r));
        self.place_index.entry(p.kind).or_default().insert(p.place_id.clone(), index);
        index
    }

    /// The index of a claim in the page's table, adding it when first met: found by the
    /// timeline's index when the claim has one (a number instead of the claim's texts to hash
    /// and compare, for each claim of each place of each month), else by its text.
    fn claim(&mut self, info: &ClaimInfo) -> usize {
        let Some(timeline_index) = info.index else { return self.claim_by_text(&info.claim) };
        if let Some(&i) = self.timeline_claims.get(&timeline_index) {
            return i;
        }
        let index = self.claim_by_text(&info.claim);
        self.timeline_claims.insert(timeline_index, index);
        index
    }

    fn claim_by_text(&mut self, claim: &ClaimText) -> usize {
        if let Some(&i) = self.claim_index.get(claim) {
            return i;
        }
        let index = self.claims.date.len();
        self.claims.push(claim, &mut self.strings);
        self.claim_index.insert(claim.clone(), index);
        index
    }

    /// A place's state as references. What changes every month without news is left out so
    /// that an unchanged place is not repeated: the evidence's age (the page counts it from the
    /// evidence's date), whether it changed this month (the month's `changed` list) and the
    /// holder's name (the page has the factions' names).
    fn packed_state(&mut self, p: &PlaceInfo) -> PackedState {
        let strings = &mut self.strings;
        let fields = [
            strings.opt(p.holder.as_deref()),
            strings.id(&p.status),
            strings.opt(p.other.as_deref()),
            strings.opt(p.since.as_deref()),
            strings.opt(p.last_evidence.map(|d| d.to_string()).as_deref()),
            u32::from(p.stale) | (u32::from(p.conflict) << 1),
            strings.name_of(&p.certainty),
            p.independent_sources as u32,
        ];
        let claims = p.claims.iter().map(|c| pack::claim_ref(self.claim(c), c.role)).collect();
        PackedState { fields, claims }
    }

    /// The month's change list as records: the place (index + 1, 0 when not drawn), the phrase
    /// as the texts before and after the place's name (0 after: no name inside), when, and the
    /// claims.
    fn change_records(&mut self, frame: &FrameInfo) -> Vec<u32> {
        let mut records = Records::default();
        for change in &frame.changes {
            let place = self.place_index.get(&change.kind).and_then(|ids| ids.get(change.place_id.as_str())).copied();
            records.ints.push(place.map_or(0, |p| p as u32 + 1));
            let name = place.map(|p| self.strings.list[self.places.name[p] as usize - 1].clone());
            match name.as_deref().and_then(|name| Some((name, change.text.find(name)?))) {
                Some((name, at)) if !name.is_empty() => {
                    records.ints.push(self.strings.id(&change.text[..at]));
                    records.ints.push(self.strings.id(&change.text[at + name.len()..]));
                }
                _ => {
                    records.ints.push(self.strings.id(&change.text));
                    records.ints.push(0);
                }
            }
            records.ints.push(self.strings.id(&change.when));
            let claims: Vec<u32> = change.claims.iter().map(|c| pack::claim_ref(self.claim(c), c.role)).collect();
            records.push_claims(&claims);
        }
        records.ints
    }

    /// The whole page.
    pub fn finish(self) -> String {
        let options = &self.options;
        let ui = ui_words(options.lang);
        let first_title = self.months.first().map_or("", |m| m.title.as_str());
        let first_month = self.months.first().map_or("", |m| m.month.as_str());
        let last_month = self.months.last().map_or("", |m| m.month.as_str());
        let mut out = String::new();
        out.push_str(&head(options.lang, ui, first_title));
        out.push_str(&body(self.months.len(), (first_month, last_month), options, ui));
        let page = PageJson {
            format: FORMAT,
            image: ImageData { ext: &options.image_ext, width: options.width, height: options.height },
            factions: &options.factions,
            ui,
            roles: pack::ROLES,
            strings: &self.strings.list,
            places: &self.places,
            claims: &self.claims,
            months: &self.months,
        };
        let data = pack::deflated_base64(&page);
        out.reserve(data.len() + SCRIPT.len() + 256);
        out.push_str("<script type=\"application/octet-stream\" id=\"data\" data-encoding=\"zlib+base64+json\">");
        out.push_str(&data);
        out.push_str("</script>\n<script>\n");
        out.push_str(SCRIPT);
        out.push_str("</script>\n</body>\n</html>\n");
        out
    }
}

/// The version of the data block's layout, for whoever reads it besides the page's own script.
const FORMAT: u32 = 2;

/// The data block of a page, decoded (inflated and parsed): for tests and checks.
pub fn page_data(html: &str) -> Option<serde_json::Value> {
    let start = html.find("id=\"data\"")?;
    let start = start + html[start..].find('>')? + 1;
    let end = start + html[start..].find("</script>")?;
    pack::inflate_base64(&html[start..end])
}

/// A pixel position in tenths of a pixel (the page divides by ten).
fn tenths(value: f64) -> i64 {
    (value * 10.0).round() as i64
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
<p class="noscript" id="unsupported" hidden>{unsupported} <a href="{src}">{first_month}</a></p>
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
        unsupported = escape(ui.unsupported),
        src = escape(&first_src),
        first_month = escape(first_month),
        last_month = escape(last_month),
        w = options.width,
        h = options.height,
    )
}

/// The data block: every text once, places and claims as columns, and per month the changes.
#[derive(Serialize)]
struct PageJson<'a> {
    format: u32,
    image: ImageData<'a>,
    factions: &'a BTreeMap<String, FactionStyle>,
    ui: &'static Ui,
    roles: [&'static str; 4],
    strings: &'a [String],
    places: &'a PlaceColumns,
    claims: &'a ClaimColumns,
    months: &'a [MonthEntry],
}

#[derive(Serialize)]
struct ImageData<'a> {
    ext: &'a str,
    width: u32,
    height: u32,
}

/// The drawn places as columns: the SVG id, name and kind (texts), and the marker's centre and
/// radius in tenths of a pixel (for an area: its label point and 0).
#[derive(Serialize, Default)]
struct PlaceColumns {
    id: Vec<u32>,
    name: Vec<u32>,
    kind: Vec<u32>,
    x: Vec<i64>,
    y: Vec<i64>,
    r: Vec<i64>,
}

/// One month: its counts, the state records of the places that are new or differ from the
/// month before (see [`pack::push_state`]), the places no longer drawn and those that changed
/// hands (as steps), and the change list (see [`PageBuilder::change_records`]).
#[derive(Serialize)]
struct MonthEntry {
    month: String,
    title: String,
    claims: usize,
    articles: usize,
    states: Vec<u32>,
    gone: Vec<u32>,
    changed: Vec<u32>,
    changes: Vec<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::YearMonth;
    use crate::model::Modality;
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
                    }
                    .into(),
                    role: "supports",
                    index: None,
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

    /// The data block of a page, decoded.
    fn data_of(html: &str) -> serde_json::Value {
        page_data(html).expect("the data block decodes")
    }

    fn text(data: &serde_json::Value, reference: &serde_json::Value) -> Option<String> {
        let r = reference.as_u64()? as usize;
        (r > 0).then(|| data["strings"][r - 1].as_str().unwrap().to_string())
    }

    #[test]
    fn names_never_reach_the_markup() {
        let html = page(&[hostile_frame()], &options());
        assert_eq!(html.matches("<script").count(), 2, "only the page's own two script elements");
        assert_eq!(html.matches("</script>").count(), 2);
        assert!(!html.contains('\u{2028}'));
        assert!(!html.contains("alert(1)"), "names travel only inside the encoded data block");
    }

    #[test]
    fn the_data_block_decodes_with_the_names_intact() {
        let data = data_of(&page(&[hostile_frame()], &options()));
        assert_eq!(data["format"], FORMAT);
        let name = "<script>alert(1)</script>\u{2028}&";
        assert_eq!(text(&data, &data["places"]["name"][0]).as_deref(), Some(name));
        assert_eq!(data["places"]["x"][0], 100, "positions in tenths of a pixel");
        let parts = &data["claims"]["source_parts"];
        let source = text(&data, &parts[0]).unwrap() + &text(&data, &parts[1]).unwrap();
        assert_eq!(source, "</script>.txt#1");
        let states = &data["months"][0]["states"];
        let claims_bit = u64::from(pack::CLAIMS_BIT);
        assert_eq!(states[0], 0, "the first record is place 0");
        assert_ne!(states[1].as_u64().unwrap() & claims_bit, 0, "a first state carries its claims");
    }

    #[test]
    fn texts_and_claims_shared_between_months_are_stored_once() {
        let mut second = hostile_frame();
        second.month = YearMonth { year: 2017, month: 11 };
        let frames = [hostile_frame(), second];
        let mut builder = PageBuilder::new(options());
        frames.iter().for_each(|f| builder.push(f));
        assert_eq!(builder.claims.date.len(), 1);
        assert_eq!(builder.places.id.len(), 1);
        assert_eq!(builder.months.len(), 2);
        let mut sorted = builder.strings.list.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), builder.strings.list.len(), "each text once");
    }

    #[test]
    fn months_store_only_the_fields_that_differ_from_the_month_before() {
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
        let ints = |i: usize, field: &str| -> Vec<u64> {
            months[i][field].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect()
        };
        assert_eq!(ints(0, "changed"), [0]);
        assert!(ints(1, "states").is_empty(), "an unchanged place is not repeated (its age is not stored)");
        assert!(ints(1, "changed").is_empty());
        let taken = ints(2, "states");
        assert_eq!(taken.len(), 3, "place, mask and the one changed field: {taken:?}");
        assert_eq!(taken[1], 1, "only the holder's bit");
        assert_eq!(text(&data, &months[2]["states"][2]).as_deref(), Some("sdf"));
        assert_eq!(ints(3, "gone"), [0], "a place no longer drawn is listed as gone");
        assert!(ints(3, "states").is_empty());
    }

    /// The states of every month, replayed from the data block as the page's script does:
    /// place index to (holder, status, since, claim list as (claim date, role)).
    type Replayed = BTreeMap<u64, (Option<String>, Option<String>, Option<String>, Vec<(String, String)>)>;

    fn replay(data: &serde_json::Value) -> Vec<Replayed> {
        let mut states: BTreeMap<u64, (Vec<u64>, Vec<u64>)> = BTreeMap::new();
        let mut out = Vec::new();
        for month in data["months"].as_array().unwrap() {
            let ints = |field: &str| -> Vec<u64> {
                month[field].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect()
            };
            let mut at = 0;
            for step in ints("gone") {
                at += step;
                states.remove(&at);
            }
            let (records, mut at, mut place, mut last) = (ints("states"), 0, 0, 0);
            while at < records.len() {
                place += records[at];
                let mask = records[at + 1];
                at += 2;
                let (mut fields, mut claims) = states.get(&place).cloned().unwrap_or((vec![0; 8], Vec::new()));
                for (bit, field) in fields.iter_mut().enumerate() {
                    if mask & (1 << bit) != 0 {
                        *field = records[at];
                        at += 1;
                    }
                }
                if mask & u64::from(pack::CLAIMS_BIT) != 0 {
                    let (keep, added) = (records[at] as usize, records[at + 1] as usize);
                    claims.truncate(keep);
                    for &code in &records[at + 2..at + 2 + added] {
                        last = pack::unstep_claim(last, code as u32);
                        claims.push(u64::from(last));
                    }
                    at += 2 + added;
                }
                states.insert(place, (fields, claims));
            }
            let readable = states.iter().map(|(&place, (fields, claims))| {
                let claims = claims
                    .iter()
                    .map(|&r| {
                        let date = text(data, &data["claims"]["date"][(r / 4) as usize]).unwrap();
                        (date, pack::ROLES[(r % 4) as usize].to_string())
                    })
                    .collect();
                let field = |i: usize| text(data, &serde_json::json!(fields[i]));
                (place, (field(0), field(1), field(3), claims))
            });
            out.push(readable.collect());
        }
        out
    }

    /// A small deterministic generator for the test frames.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    /// Frames where places appear, change hands, gain and lose claims and vanish, month by month.
    fn busy_frames() -> Vec<FrameInfo> {
        let mut rng = Lcg(7);
        let holders = ["is", "sdf", "syrian-gov"];
        let mut frames = Vec::new();
        for m in 0..30u8 {
            let mut frame = hostile_frame();
            frame.month = YearMonth { year: 2015 + i32::from(m / 12), month: m % 12 + 1 };
            let template = frame.places[0].clone();
            frame.places.clear();
            for i in 0..12 {
                if rng.below(5) == 0 {
                    continue;
                }
                let mut p = template.clone();
                p.place_id = format!("p{i}");
                p.id = format!("place-p{i}");
                p.name = format!("Town {i}");
                p.holder = if rng.below(4) > 0 { Some(holders[rng.below(3) as usize].to_string()) } else { None };
                p.status = ["held", "contested"][rng.below(2) as usize].into();
                p.since = Some(format!("2015-0{}", rng.below(9) + 1));
                p.claims.clear();
                for k in 0..rng.below(4) {
                    let mut c = template.claims[0].clone();
                    c.claim.date = format!("2015-{:02}-{:02}", rng.below(3) + 1, k + 1);
                    c.role = ["supports", "pending", "conflicts"][rng.below(3) as usize];
                    p.claims.push(c);
                }
                frame.places.push(p);
            }
            frames.push(frame);
        }
        frames
    }

    #[test]
    fn every_month_replays_to_the_frame_it_came_from() {
        let frames = busy_frames();
        let data = data_of(&page(&frames, &options()));
        let replayed = replay(&data);
        assert_eq!(replayed.len(), frames.len());
        let place_of = |id: &str| {
            let ids = data["places"]["id"].as_array().unwrap();
            ids.iter().position(|r| text(&data, r).as_deref() == Some(id)).unwrap() as u64
        };
        let mut repeated = 0;
        for (frame, states) in frames.iter().zip(&replayed) {
            let expected: Replayed = frame
                .places
                .iter()
                .map(|p| {
                    let claims = p.claims.iter().map(|c| (c.claim.date.clone(), c.role.to_string())).collect();
                    (place_of(&p.id), (p.holder.clone(), Some(p.status.clone()), p.since.clone(), claims))
                })
                .collect();
            assert_eq!(states, &expected, "{}", frame.month);
            repeated += usize::from(states.values().any(|s| s.3.len() > 1));
        }
        assert!(repeated > 5, "the frames exercise claim lists that are partly kept");
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
        assert_eq!(data_of(&html)["months"], serde_json::json!([]));
        assert!(html.ends_with("</html>\n"));
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        assert_eq!(page(&busy_frames(), &options()), page(&busy_frames(), &options()));
    }
}
