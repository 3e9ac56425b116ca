//! Lookup commands: `places` (the gazetteer), `regions` (named areas) and `sentences` (article numbering).

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use crate::app::data;
use crate::cli::output::{Out, Table, warn_line};
use crate::cli::{Exit, Global, InputError, world};
use crate::geometry::join;
use crate::ingest::article;
use crate::model::{Diagnostic, PlaceKey, PlaceKind};
use crate::places::{Candidate, Gazetteer, Hint, Place, Resolution, countries};

#[derive(Debug, Args)]
pub struct PlacesArgs {
    /// Names to resolve, any spelling, optionally qualified by a country code or a first-level
    /// region ("Kherson, UA", "Andriivka, Kherson Oblast"); `-` reads one name per line from
    /// standard input (a batch geocoder). Lists the regional layer's places when omitted.
    pub queries: Vec<String>,
    /// How many search matches to list (one query, text output).
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

/// One query's answer, as `places --json` prints it.
#[derive(Serialize)]
struct Answer {
    query: String,
    status: &'static str,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    place: Option<PlaceFacts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<String>,
    /// Candidates: of an ambiguous name, or those a rule set aside.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    candidates: Vec<PlaceFacts>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

/// What `places --json` says of a place.
#[derive(Serialize)]
struct PlaceFacts {
    id: String,
    /// `town`, `region` or `country`.
    kind: PlaceKind,
    name: String,
    country: String,
    region: Option<String>,
    lat: f64,
    lon: f64,
    population: u64,
    /// The name to write to pick this place.
    qualified: String,
}

impl From<&Candidate> for PlaceFacts {
    fn from(c: &Candidate) -> PlaceFacts {
        PlaceFacts {
            id: c.key.to_string(),
            kind: c.key.kind,
            name: c.name.clone(),
            country: c.country.clone(),
            region: c.region.clone(),
            lat: c.lat,
            lon: c.lon,
            population: c.population,
            qualified: c.qualified.clone(),
        }
    }
}

/// `controlmap places [QUERY...]`
pub fn places(global: &Global, args: PlacesArgs) -> anyhow::Result<Exit> {
    let mut world = world(global)?;
    let mut out = Out::default();
    let queries = read_queries(&args.queries)?;
    if queries.is_empty() {
        let gazetteer = &world.gazetteer;
        if global.json {
            out.json(&gazetteer.places)?;
        } else {
            out.text(&place_table(gazetteer.places.iter()).render())?;
        }
        return Ok(Exit::Success);
    }
    let answers: Vec<Answer> = queries.iter().map(|q| answer(&mut world.gazetteer, q)).collect();
    let all_resolved = answers.iter().all(|a| a.status == "resolved");
    if global.json {
        out.json(&answers)?;
    } else if let [query] = queries.as_slice() {
        describe_answer(&mut out, &world.gazetteer, query, args.limit)?;
    } else {
        out.text(&answer_table(&answers).render())?;
    }
    Ok(if all_resolved { Exit::Success } else { Exit::Finding })
}

/// The queries named on the command line, a `-` among them replaced by the lines of standard input.
fn read_queries(args: &[String]) -> anyhow::Result<Vec<String>> {
    let mut queries = Vec::new();
    for arg in args {
        if arg == "-" {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::Read::take(std::io::stdin(), data::MAX_INPUT_BYTES), &mut bytes)
                .map_err(|e| InputError(Diagnostic::error("<stdin>", None, None, data::io_reason(&e))))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| InputError(Diagnostic::error("<stdin>", None, None, "is not UTF-8 text")))?;
            queries.extend(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string));
        } else {
            queries.push(arg.clone());
        }
    }
    Ok(queries)
}

fn answer(gazetteer: &mut Gazetteer, query: &str) -> Answer {
    let resolution = gazetteer.resolve(query, &Hint::default());
    let mut answer = Answer {
        query: query.to_string(),
        status: "unknown",
        place: None,
        rule: None,
        candidates: Vec::new(),
        suggestions: Vec::new(),
        message: None,
    };
    match resolution {
        Resolution::Found { key, others, rule } => {
            gazetteer.adopt(&key, None);
            answer.status = "resolved";
            answer.place = Some(facts_of(gazetteer, &key));
            answer.rule = rule;
            answer.candidates = others.iter().map(PlaceFacts::from).collect();
        }
        Resolution::Ambiguous { candidates } => {
            answer.status = "ambiguous";
            answer.candidates = candidates.iter().map(PlaceFacts::from).collect();
        }
        Resolution::NotFound { suggestions } => answer.suggestions = suggestions,
        Resolution::UnknownQualifier { qualifier } => {
            answer.message = Some(format!("{qualifier:?} is neither a country code nor a first-level region"));
        }
    }
    answer
}

fn facts_of(gazetteer: &Gazetteer, key: &PlaceKey) -> PlaceFacts {
    match (key.kind, gazetteer.town(&key.id)) {
        (PlaceKind::Town, Some(p)) => PlaceFacts {
            id: p.id.clone(),
            kind: PlaceKind::Town,
            name: p.name.clone(),
            country: p.country.clone(),
            region: p.governorate.clone(),
            lat: p.lat,
            lon: p.lon,
            population: p.population,
            qualified: p.id.clone(),
        },
        (PlaceKind::Country, _) => {
            let country = countries::by_code(&key.id);
            PlaceFacts {
                id: key.to_string(),
                kind: PlaceKind::Country,
                name: gazetteer.display_name(key),
                country: key.id.to_string(),
                region: None,
                lat: country.map_or(f64::NAN, |c| c.lat),
                lon: country.map_or(f64::NAN, |c| c.lon),
                population: 0,
                qualified: key.to_string(),
            }
        }
        _ => PlaceFacts {
            id: key.to_string(),
            kind: key.kind,
            name: gazetteer.display_name(key),
            country: gazetteer.region(&key.id).map_or_else(String::new, |r| r.country.clone()),
            region: None,
            lat: f64::NAN,
            lon: f64::NAN,
            population: 0,
            qualified: key.to_string(),
        },
    }
}

fn answer_table(answers: &[Answer]) -> Table {
    let mut table = Table::new(&["query", "status", "id", "name", "country", "region", "lat", "lon", "population"]);
    for a in answers {
        let mut row = vec![a.query.clone(), a.status.to_string()];
        match &a.place {
            Some(p) => row.extend([
                p.id.clone(),
                p.name.clone(),
                p.country.clone(),
                p.region.clone().unwrap_or_default(),
                format!("{:.4}", p.lat),
                format!("{:.4}", p.lon),
                p.population.to_string(),
            ]),
            None => {
                let note = match a.status {
                    "ambiguous" => format!("{} candidates", a.candidates.len()),
                    _ => a.message.clone().unwrap_or_else(|| {
                        a.suggestions.first().map_or(String::new(), |s| format!("did you mean {s}?"))
                    }),
                };
                row.extend([
                    note,
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
        table.row(row);
    }
    table
}

/// One query in words: the place, the rule that chose it, the candidates, or suggestions.
fn describe_answer(out: &mut Out, gazetteer: &Gazetteer, query: &str, limit: usize) -> std::io::Result<()> {
    let resolution = gazetteer.resolve(query, &Hint::default());
    let town = |key: &PlaceKey| (key.kind == PlaceKind::Town).then(|| gazetteer.town(&key.id)).flatten();
    let resolved = match &resolution {
        Resolution::Found { key, .. } => town(key),
        _ => None,
    };
    match &resolution {
        Resolution::Found { key, others, rule } => {
            match resolved {
                Some(place) => describe_place(out, query, place)?,
                None if key.kind == PlaceKind::Country => describe_country(out, query, key, gazetteer)?,
                None => out.line(&format!("{query:?} → region {} ({})", key.id, gazetteer.display_name(key)))?,
            }
            if !others.is_empty() {
                let rule = rule.as_deref().unwrap_or("a rule");
                out.line(&format!("  chosen by {rule} over:"))?;
                for c in others.iter().take(10) {
                    out.line(&format!("    {c}"))?;
                }
                if others.len() > 10 {
                    out.line(&format!("    … and {} more", others.len() - 10))?;
                }
            }
        }
        Resolution::Ambiguous { candidates } => {
            out.line(&format!("{query:?} is ambiguous; write one of these (or give lat and lon in a ledger):"))?;
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
        Resolution::UnknownQualifier { qualifier } => {
            out.line(&format!("{query:?}: {qualifier:?} is neither a country code (UA) nor a first-level region"))?;
        }
    }
    let matches: Vec<&Place> = gazetteer.search(query, limit).iter().filter_map(town).collect();
    let others: Vec<&&Place> =
        matches.iter().filter(|p| Some(p.id.as_str()) != resolved.map(|r| r.id.as_str())).collect();
    if !others.is_empty() {
        out.line("other names containing it (regional layer):")?;
        out.text(&place_table(others.into_iter().copied()).render())?;
    }
    Ok(())
}

fn describe_country(out: &mut Out, query: &str, key: &PlaceKey, gazetteer: &Gazetteer) -> std::io::Result<()> {
    out.line(&format!("{query:?} → country {} ({key})", gazetteer.display_name(key)))?;
    if let Some(c) = countries::by_code(&key.id) {
        out.line(&format!("  names        {}; {} (Dutch)", c.name, c.name_nl))?;
        out.line(&format!("  label at     {:.4} N, {:.4} E", c.lat, c.lon))?;
    }
    out.line("  outline      the world countries layer (geodata/world/countries.geojson.gz)")
}

fn describe_place(out: &mut Out, query: &str, p: &Place) -> std::io::Result<()> {
    out.line(&format!("{query:?} → {} ({})", p.name, p.id))?;
    out.line(&format!("  country      {}", p.country))?;
    out.line(&format!("  region       {}", p.governorate.as_deref().unwrap_or("(outside every first-level region)")))?;
    out.line(&format!("  coordinates  {:.4} N, {:.4} E", p.lat, p.lon))?;
    out.line(&format!("  population   {}", p.population))?;
    out.line(&format!(
        "  source       {}{}",
        p.source,
        if p.note.is_empty() { String::new() } else { format!(" ({})", p.note) }
    ))?;
    let shown: Vec<&str> = p.aliases.iter().take(30).map(String::as_str).collect();
    let more = if p.aliases.len() > 30 { format!(" … and {} more", p.aliases.len() - 30) } else { String::new() };
    out.line(&format!("  aliases      {}{more}", shown.join(", ")))
}

fn place_table<'a>(places: impl Iterator<Item = &'a Place>) -> Table {
    let mut table = Table::new(&["id", "name", "country", "region", "lat", "lon", "population"]);
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
            warn_line(&format!("{}: warning: date marker: {error}; the article is read as undated", path.display()));
        }
        if parsed.lossy {
            warn_line(&format!("{}: warning: not valid UTF-8; decoded lossily", path.display()));
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
