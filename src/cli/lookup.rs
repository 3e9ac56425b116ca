//! Lookup commands: `places` (the gazetteer), `regions` (named areas) and `sentences` (article numbering).

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use crate::app::data;
use crate::cli::output::{Out, Table};
use crate::cli::{Exit, Global, InputError, world};
use crate::geometry::join;
use crate::ingest::article;
use crate::model::{Diagnostic, PlaceKey, PlaceKind};
use crate::places::{Hint, Place, Resolution};

#[derive(Debug, Args)]
pub struct PlacesArgs {
    /// A name to resolve and search for (any spelling); lists every place when omitted.
    pub query: Option<String>,
    /// How many search matches to list.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct RegionsArgs {
    /// Part of a region's name or alias; lists every region when omitted.
    pub query: Option<String>,
}

#[derive(Debug, Args)]
pub struct SentencesArgs {
    /// Article files (plain text, optionally starting with ` date YYYY-MM[-DD]`).
    #[arg(required = true)]
    pub articles: Vec<PathBuf>,
}

#[derive(Serialize)]
struct PlacesView<'a> {
    query: &'a str,
    resolution: Resolution,
    place: Option<&'a Place>,
    matches: Vec<&'a Place>,
}

/// `controlmap places [QUERY]`
pub fn places(global: &Global, args: PlacesArgs) -> anyhow::Result<Exit> {
    let world = world(global)?;
    let gazetteer = &world.gazetteer;
    let mut out = Out::default();
    let Some(query) = args.query else {
        if global.json {
            out.json(&gazetteer.places)?;
        } else {
            out.text(&place_table(gazetteer.places.iter()).render())?;
        }
        return Ok(Exit::Success);
    };
    let resolution = gazetteer.resolve(&query, &Hint::default());
    let town = |key: &PlaceKey| (key.kind == PlaceKind::Town).then(|| gazetteer.town(&key.id)).flatten();
    let matches: Vec<&Place> = gazetteer.search(&query, args.limit).iter().filter_map(town).collect();
    let resolved = match &resolution {
        Resolution::Found { key, .. } => town(key),
        _ => None,
    };
    if global.json {
        out.json(&PlacesView { query: &query, resolution: resolution.clone(), place: resolved, matches })?;
        return Ok(exit_for(&resolution));
    }
    match &resolution {
        Resolution::Found { key, others, rule } => {
            match resolved {
                Some(place) => describe_place(&mut out, &query, place)?,
                None => out.line(&format!("{query:?} → region {} ({})", key.id, gazetteer.display_name(key)))?,
            }
            if !others.is_empty() {
                let rule = rule.as_deref().unwrap_or("a rule");
                out.line(&format!(
                    "  chosen by {rule} over: {}",
                    others.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
                ))?;
            }
        }
        Resolution::Ambiguous { candidates } => {
            out.line(&format!("{query:?} is ambiguous; qualify it with a country (\"{query}, SY\") or use an id:"))?;
            for c in candidates {
                out.line(&format!("  {c}"))?;
            }
        }
        Resolution::NotFound { suggestions } => {
            out.line(&format!("{query:?} is not in the gazetteer"))?;
            if !suggestions.is_empty() {
                out.line(&format!("  did you mean: {}", suggestions.join("; ")))?;
            }
        }
    }
    let others: Vec<&&Place> =
        matches.iter().filter(|p| Some(p.id.as_str()) != resolved.map(|r| r.id.as_str())).collect();
    if !others.is_empty() {
        out.line("other names containing it:")?;
        out.text(&place_table(others.into_iter().copied()).render())?;
    }
    Ok(exit_for(&resolution))
}

fn exit_for(resolution: &Resolution) -> Exit {
    if matches!(resolution, Resolution::Found { .. }) { Exit::Success } else { Exit::Finding }
}

fn describe_place(out: &mut Out, query: &str, p: &Place) -> std::io::Result<()> {
    out.line(&format!("{query:?} → {} ({})", p.name, p.id))?;
    out.line(&format!("  country      {}", p.country))?;
    out.line(&format!("  governorate  {}", p.governorate.as_deref().unwrap_or("(outside every first-level region)")))?;
    out.line(&format!("  coordinates  {:.4} N, {:.4} E", p.lat, p.lon))?;
    out.line(&format!("  population   {}", p.population))?;
    out.line(&format!(
        "  source       {}{}",
        p.source,
        if p.note.is_empty() { String::new() } else { format!(" ({})", p.note) }
    ))?;
    out.line(&format!("  aliases      {}", p.aliases.join(", ")))
}

fn place_table<'a>(places: impl Iterator<Item = &'a Place>) -> Table {
    let mut table = Table::new(&["id", "name", "country", "governorate", "lat", "lon", "population"]);
    for p in places {
        table.row(vec![
            p.id.clone(),
            p.name.clone(),
            p.country.clone(),
            p.governorate.clone().unwrap_or_default(),
            format!("{:.4}", p.lat),
            format!("{:.4}", p.lon),
            p.population.to_string(),
        ]);
    }
    table
}

#[derive(Serialize)]
struct RegionView<'a> {
    id: &'a str,
    name: &'a str,
    name_nl: &'a str,
    kind: &'a str,
    country: &'a str,
    aliases: &'a [String],
    note: &'a str,
    towns: Vec<&'a str>,
}

/// `controlmap regions [QUERY]`
pub fn regions(global: &Global, args: RegionsArgs) -> anyhow::Result<Exit> {
    let world = world(global)?;
    let wanted: Option<Vec<String>> = args.query.as_ref().map(|q| {
        world
            .gazetteer
            .search(q, usize::MAX)
            .into_iter()
            .filter(|k| k.kind == PlaceKind::Region)
            .map(|k| k.id.to_string())
            .collect()
    });
    let views: Vec<RegionView> = world
        .layers
        .regions
        .iter()
        .filter(|r| wanted.as_ref().is_none_or(|w| w.contains(&r.names.id)))
        .map(|r| {
            let towns = join::towns_inside(&r.shape, &world.gazetteer.places);
            let mut towns: Vec<&Place> = towns.iter().map(|&i| &world.gazetteer.places[i]).collect();
            towns.sort_by_key(|p| std::cmp::Reverse(p.population));
            let n = &r.names;
            RegionView {
                id: &n.id,
                name: &n.name,
                name_nl: &n.name_nl,
                kind: &n.kind,
                country: &n.country,
                aliases: &n.aliases,
                note: &n.note,
                towns: towns.iter().map(|p| p.name.as_str()).collect(),
            }
        })
        .collect();
    let mut out = Out::default();
    if global.json {
        out.json(&views)?;
    } else if views.is_empty() {
        out.line("no region matches")?;
    } else {
        let mut table = Table::new(&["id", "name", "kind", "country", "towns", "largest towns"]);
        for v in &views {
            let largest = v.towns.iter().take(4).copied().collect::<Vec<_>>().join(", ");
            table.row(vec![
                v.id.into(),
                v.name.into(),
                v.kind.into(),
                v.country.into(),
                v.towns.len().to_string(),
                largest,
            ]);
        }
        out.text(&table.render())?;
        if let [one] = views.as_slice() {
            out.line(&format!("note: {}", one.note))?;
            out.line(&format!("aliases: {}", one.aliases.join(", ")))?;
        }
    }
    Ok(if views.is_empty() { Exit::Finding } else { Exit::Success })
}

/// `controlmap sentences ARTICLE...`
pub fn sentences(global: &Global, args: SentencesArgs) -> anyhow::Result<Exit> {
    let mut out = Out::default();
    let mut all = Vec::new();
    for path in &args.articles {
        let bytes = data::read_bytes(path).map_err(InputError)?;
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let parsed = article::parse(&name, &bytes)
            .map_err(|e| InputError(Diagnostic::error(&path.display().to_string(), None, None, e.to_string())))?;
        if let Some(error) = &parsed.marker_error {
            eprintln!("{}: warning: date marker: {error}; the article is read as undated", path.display());
        }
        if parsed.lossy {
            eprintln!("{}: warning: not valid UTF-8; decoded lossily", path.display());
        }
        let numbered = article::sentences(&parsed);
        if global.json {
            let list: Vec<_> = numbered
                .iter()
                .map(|s| serde_json::json!({ "number": s.number, "start": s.start, "end": s.end, "text": s.text(&parsed.text) }))
                .collect();
            all.push(serde_json::json!({ "article": name, "date": parsed.date.as_ref().map(ToString::to_string), "sentences": list }));
            continue;
        }
        let date = match (&parsed.date, &parsed.marker_error) {
            (Some(d), _) => format!("date {d}"),
            (None, Some(_)) => "impossible date marker".to_string(),
            (None, None) => "no date marker".to_string(),
        };
        out.line(&format!("{name} ({date}, {} sentences)", numbered.len()))?;
        for s in &numbered {
            out.line(&format!("{:>4}  {}", s.number, s.text(&parsed.text)))?;
        }
    }
    if global.json {
        out.json(&all)?;
    }
    Ok(Exit::Success)
}
