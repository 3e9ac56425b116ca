//! `controlmap diff FROM TO [PLACE...]`: what changed between two dates and on whose word, as
//! text, JSON or a Markdown note, from the timeline's change set (`timeline::diff`).

use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::app::World;
use crate::cli::output::Out;
use crate::cli::query::{ClaimView, ConflictView, parse_date, resolve};
use crate::cli::{Exit, Global, InputError, claims, strict_exit, warn, warning_count, world};
use crate::model::{Diagnostic, Modality, PlaceKey, PlaceKind};
use crate::render::Lang;
use crate::render::caption::{change_notes, state_phrase};
use crate::timeline::{self, Change, ConflictEvent, Diff, PlaceState, Status, Timeline};

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier date: YYYY-MM-DD, YYYY-MM (its last day) or YYYY (31 December).
    pub from: String,
    /// The later date, in the same forms.
    pub to: String,
    /// Only these places (names, aliases or ids); all tracked places when none are given.
    pub places: Vec<String>,
    /// `text` (one line per change and its claims) or `md` (a Markdown note for a newsroom).
    #[arg(long, value_enum, default_value_t)]
    pub format: DiffFormat,
    /// Language of the words (faction names, states, headings).
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

/// How `diff` prints when not `--json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DiffFormat {
    #[default]
    Text,
    Md,
}

/// A state on one side of a change.
#[derive(Debug, Serialize)]
struct SideView {
    holder: Option<String>,
    status: Status,
    other: Option<String>,
    lost_by: Option<String>,
    certainty: Modality,
    independent_sources: usize,
    /// The state in words, in the chosen language.
    text: String,
}

/// One entry of the JSON list: a place that changed, or a conflict that opened or closed.
#[derive(Debug, Serialize)]
struct EntryView {
    place: String,
    place_id: String,
    /// `changed`, `appeared`, `stale`, `conflict-opened` or `conflict-closed`.
    kind: String,
    /// The state on FROM (null for a conflict).
    before: Option<SideView>,
    /// The state on TO (null for a conflict).
    after: Option<SideView>,
    /// When it happened: the span of the claims that made the change, or the conflict's day.
    changed: String,
    /// The sources behind the change (or of both sides of the conflict), sorted, each once.
    sources: Vec<String>,
    independent_sources: usize,
    claims: Vec<ClaimView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conflict: Option<ConflictView>,
}

/// The words of the text and Markdown outputs.
struct Words {
    title: &'static str,
    none: &'static str,
    conflicts: &'static str,
    opened: &'static str,
    closed: &'static str,
    header: [&'static str; 5],
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            title: "Changes from {F} to {T}",
            none: "No change between these dates.",
            conflicts: "Conflicts between sources",
            opened: "sources disagree from this day",
            closed: "last day of a period sources disagree about",
            header: ["When", "Place", "Before", "After", "Sources"],
        },
        Lang::Nl => Words {
            title: "Veranderingen van {F} tot {T}",
            none: "Geen verandering tussen deze data.",
            conflicts: "Tegenstrijdige bronnen",
            opened: "bronnen spreken elkaar tegen vanaf deze dag",
            closed: "laatste dag van een periode waarover bronnen elkaar tegenspreken",
            header: ["Wanneer", "Plaats", "Voor", "Na", "Bronnen"],
        },
    }
}

/// `controlmap diff FROM TO [PLACE...]`
pub fn run(global: &Global, args: DiffArgs) -> anyhow::Result<Exit> {
    let (from, to) = (parse_date(&args.from)?, parse_date(&args.to)?);
    if from > to {
        let message = format!("FROM ({from}) is after TO ({to})");
        return Err(InputError(Diagnostic::error("date", None, None, message).with_hint("swap the two dates")).into());
    }
    let mut world = world(global)?;
    let mut claims = claims(global, &mut world)?;
    let places = args.places.iter().map(|p| resolve(&world, p)).collect::<anyhow::Result<Vec<PlaceKey>>>()?;
    let timeline = claims.timeline();
    let diff = timeline::diff(&timeline, from, to, &places);
    let report = Report { world: &world, timeline: &timeline, lang: args.lang };
    let mut out = Out::default();
    if global.json {
        out.json(&report.entries(&diff))?;
    } else if args.format == DiffFormat::Md {
        out.text(&report.markdown(&diff))?;
    } else {
        out.text(&report.text(&diff))?;
    }
    warn(&claims.diagnostics, 20);
    Ok(strict_exit(global, warning_count(&claims.diagnostics, &timeline)))
}

/// Writes a change set in one language.
struct Report<'a> {
    world: &'a World,
    timeline: &'a Timeline,
    lang: Lang,
}

impl Report<'_> {
    fn faction(&self, id: &str) -> String {
        self.world.factions.get(id).map_or_else(|| id.to_string(), |f| f.display_name(self.lang.code()).to_string())
    }

    fn state(&self, state: &PlaceState) -> String {
        state_phrase(state, self.lang, &|id| self.faction(id))
    }

    fn side(&self, state: &PlaceState) -> SideView {
        SideView {
            holder: state.holder.clone(),
            status: state.status,
            other: state.other.clone(),
            lost_by: state.lost_by.clone(),
            certainty: state.certainty,
            independent_sources: state.independent_sources,
            text: self.state(state),
        }
    }

    /// The place's name; a region's or a country's Dutch name in Dutch, as on the maps.
    fn place(&self, key: &PlaceKey) -> String {
        let dutch = match key.kind {
            PlaceKind::Region if self.lang == Lang::Nl => {
                self.world.gazetteer.region(&key.id).map(|r| r.name_nl.clone())
            }
            PlaceKind::Country if self.lang == Lang::Nl => {
                crate::places::countries::by_code(&key.id).map(|c| c.name_nl.to_string())
            }
            _ => None,
        };
        dutch.filter(|name| !name.is_empty()).unwrap_or_else(|| self.world.gazetteer.display_name(key))
    }

    /// The JSON list: the changes, then the conflicts, each sorted by date, then place.
    fn entries(&self, diff: &Diff) -> Vec<EntryView> {
        let changes = diff.changes.iter().map(|c| EntryView {
            place: self.place(&c.place),
            place_id: c.place.id.to_string(),
            kind: c.kind.as_str().to_string(),
            before: Some(self.side(&c.before)),
            after: Some(self.side(&c.after)),
            changed: c.when.to_string(),
            sources: self.timeline.sources_of(&c.claims),
            independent_sources: self.timeline.independent_sources(&c.claims),
            claims: c.claims.iter().map(|&i| ClaimView::new(&self.timeline.claims[i])).collect(),
            conflict: None,
        });
        let conflicts = diff.conflicts.iter().map(|e| {
            let conflict = &self.timeline.conflicts[e.conflict];
            let both = [conflict.first, conflict.second];
            EntryView {
                place: self.place(&e.place),
                place_id: e.place.id.to_string(),
                kind: format!("conflict-{}", e.turn.as_str()),
                before: None,
                after: None,
                changed: e.date.to_string(),
                sources: self.timeline.sources_of(&both),
                independent_sources: self.timeline.independent_sources(&both),
                claims: both.iter().map(|&i| ClaimView::new(&self.timeline.claims[i])).collect(),
                conflict: Some(ConflictView::new(self.timeline, conflict)),
            }
        });
        changes.chain(conflicts).collect()
    }

    fn title(&self, diff: &Diff) -> String {
        words(self.lang).title.replace("{F}", &diff.from.to_string()).replace("{T}", &diff.to.to_string())
    }

    /// One line per change (`WHEN  PLACE: BEFORE → AFTER (notes)`), its claims indented below.
    fn text(&self, diff: &Diff) -> String {
        let w = words(self.lang);
        let mut out = format!("{}\n", self.title(diff));
        if diff.is_empty() {
            out.push_str(w.none);
            out.push('\n');
        }
        for change in &diff.changes {
            out.push_str(&format!("{}  {}\n", change.when, self.change_line(change)));
            for &i in &change.claims {
                out.push_str(&format!("    {}\n", ClaimView::new(&self.timeline.claims[i]).line()));
            }
        }
        if !diff.conflicts.is_empty() {
            out.push_str(&format!("{}:\n", w.conflicts));
        }
        for event in &diff.conflicts {
            out.push_str(&format!("{}  {}: {}\n", event.date, self.place(&event.place), self.turn(event)));
            let conflict = &self.timeline.conflicts[event.conflict];
            for i in [conflict.first, conflict.second] {
                out.push_str(&format!("    {}\n", ClaimView::new(&self.timeline.claims[i]).line()));
            }
        }
        out
    }

    fn change_line(&self, change: &Change) -> String {
        let place = self.place(&change.place);
        let notes = change_notes(change, self.lang);
        match change.kind {
            timeline::ChangeKind::Stale => format!("{place}: {} ({notes})", self.state(&change.after)),
            _ => format!("{place}: {} → {} ({notes})", self.state(&change.before), self.state(&change.after)),
        }
    }

    fn turn(&self, event: &ConflictEvent) -> &'static str {
        let w = words(self.lang);
        match event.turn {
            timeline::ConflictTurn::Opened => w.opened,
            timeline::ConflictTurn::Closed => w.closed,
        }
    }

    /// A Markdown note: a table of the changes with their sources, then the conflicts as a list.
    fn markdown(&self, diff: &Diff) -> String {
        let w = words(self.lang);
        let mut out = format!("## {}\n\n", self.title(diff));
        if diff.is_empty() {
            out.push_str(&format!("{}\n", w.none));
            return out;
        }
        if !diff.changes.is_empty() {
            out.push_str(&format!("| {} |\n|{}\n", w.header.join(" | "), "---|".repeat(w.header.len())));
        }
        for change in &diff.changes {
            let notes = md_cell(&change_notes(change, self.lang));
            let after = match change.kind {
                timeline::ChangeKind::Stale => notes,
                _ => format!("**{}** ({notes})", md_cell(&self.state(&change.after))),
            };
            let cells = [
                md_cell(&change.when.to_string()),
                md_cell(&self.place(&change.place)),
                md_cell(&self.state(&change.before)),
                after,
                md_cell(&self.timeline.sources_of(&change.claims).join(", ")),
            ];
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        if !diff.conflicts.is_empty() {
            out.push_str(&format!("\n### {}\n\n", w.conflicts));
        }
        for event in &diff.conflicts {
            let conflict = &self.timeline.conflicts[event.conflict];
            let sources = self.timeline.sources_of(&[conflict.first, conflict.second]).join(", ");
            out.push_str(&format!(
                "- {} {}: {} ({})\n",
                event.date,
                md_text(&self.place(&event.place)),
                self.turn(event),
                md_text(&sources)
            ));
        }
        out
    }
}

/// A table cell: pipes escaped, line breaks as spaces.
fn md_cell(text: &str) -> String {
    md_text(text).replace('|', "\\|")
}

/// Text safe inside Markdown: line breaks as spaces, `*`, `_` and backquotes escaped.
fn md_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(md_cell("a|b\nc"), "a\\|b c");
        assert_eq!(md_text("001_x.txt#4 *bold*"), "001\\_x.txt#4 \\*bold\\*");
    }
}
