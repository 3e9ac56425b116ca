//! `places.csv`, the towns of the gazetteer: one row per town with its id, name, coordinates,
//! country, population and aliases, checked as it is read.

use std::collections::HashMap;

use crate::ingest::lines::LineIndex;
use crate::model::Diagnostic;
use crate::places::Place;

/// Parses `places.csv` (`id,name,lon,lat,country,population,aliases,source,note`).
pub fn parse_places(file: &str, text: &str) -> Result<Vec<Place>, Diagnostic> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| Diagnostic::error(file, Some(1), None, e.to_string()))?.clone();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| Diagnostic::error(file, Some(1), Some(name), "required column is missing from the header"))
    };
    let [id, name, lon, lat, country] = ["id", "name", "lon", "lat", "country"].map(col);
    let (id, name, lon, lat, country) = (id?, name?, lon?, lat?, country?);
    let optional = |n: &str| header.iter().position(|h| h == n);
    let (population, aliases, source, note, capital) =
        (optional("population"), optional("aliases"), optional("source"), optional("note"), optional("capital"));
    let mut places = Vec::new();
    let mut seen = HashMap::new();
    let lines = LineIndex::new(text.as_bytes());
    for record in reader.records() {
        let record = record.map_err(|e| malformed(file, &lines, &e))?;
        let line = record.position().map_or(0, |p| lines.record_line(p.byte()));
        let get = |at: Option<usize>| at.and_then(|i| record.get(i)).unwrap_or("");
        let coordinate = |at: usize, field: &str, limit: f64| {
            get(Some(at)).parse::<f64>().ok().filter(|v| v.is_finite() && v.abs() <= limit).ok_or_else(|| {
                Diagnostic::error(
                    file,
                    Some(line),
                    Some(field),
                    format!("{:?} is not a valid coordinate", get(Some(at))),
                )
            })
        };
        let place = Place {
            id: get(Some(id)).to_string(),
            name: get(Some(name)).to_string(),
            lon: coordinate(lon, "lon", 180.0)?,
            lat: coordinate(lat, "lat", 90.0)?,
            country: get(Some(country)).to_string(),
            population: match get(population) {
                "" => 0,
                text => text.parse().map_err(|_| {
                    Diagnostic::error(file, Some(line), Some("population"), format!("{text:?} is not a whole number"))
                })?,
            },
            aliases: get(aliases).split('|').map(str::trim).filter(|a| !a.is_empty()).map(str::to_string).collect(),
            source: get(source).to_string(),
            note: get(note).to_string(),
            governorate: None,
            capital: matches!(get(capital), "1" | "yes" | "true"),
        };
        if place.id.is_empty() || place.name.is_empty() {
            return Err(Diagnostic::error(
                file,
                Some(line),
                Some(if place.id.is_empty() { "id" } else { "name" }),
                "is empty",
            ));
        }
        if let Some(first) = seen.insert(place.id.clone(), line) {
            return Err(Diagnostic::error(
                file,
                Some(line),
                Some("id"),
                format!("id {:?} is already used on line {first}", place.id),
            ));
        }
        places.push(place);
    }
    Ok(places)
}

/// A CSV error at its line (counted for any line ends), without the reader's own position.
fn malformed(file: &str, lines: &LineIndex, error: &csv::Error) -> Diagnostic {
    let line = error.position().map(|p| lines.record_line(p.byte()));
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("expected {expected_len} fields as in the header, found {len}")
        }
        _ => format!("malformed CSV: {error}"),
    };
    Diagnostic::error(file, line, None, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_csv_errors_name_line_and_field() {
        let bad = "id,name,lon,lat,country\nraqqa,Raqqa,39.0,35.9,SY\nx,X,east,35.0,SY\n";
        let e = parse_places("places.csv", bad).unwrap_err();
        assert_eq!(e.to_string(), "places.csv:3: lon: \"east\" is not a valid coordinate");
        let dup = "id,name,lon,lat,country\nraqqa,Raqqa,39.0,35.9,SY\nraqqa,R,39.0,35.9,SY\n";
        assert!(parse_places("places.csv", dup).unwrap_err().to_string().contains("already used on line 2"));
    }

    #[test]
    fn line_numbers_hold_for_crlf_cr_and_mixed_line_ends() {
        let rows = ["id,name,lon,lat,country", "raqqa,Raqqa,39.0,35.9,SY", "", "x,X,east,35.0,SY"];
        for end in ["\r\n", "\r", "\n\r\n"] {
            let text = rows.join(end);
            let e = parse_places("p.csv", &text).unwrap_err();
            let blank_lines = if end == "\n\r\n" { 3 } else { 0 };
            assert_eq!(e.line, Some(4 + blank_lines), "{end:?}: {e}");
        }
        let short = "id,name,lon,lat,country\r\nraqqa,Raqqa,39.0,35.9,SY\r\nx,X,40.0\r\n";
        assert_eq!(
            parse_places("p.csv", short).unwrap_err().to_string(),
            "p.csv:3: expected 5 fields as in the header, found 3"
        );
    }
}
