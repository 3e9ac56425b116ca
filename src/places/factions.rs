//! Factions from `factions.toml`: ids, display names, colours and aliases, resolved by folded name.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::Diagnostic;
use crate::places::fold::faction_key;

/// A side that can hold places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faction {
    pub id: String,
    pub name: String,
    pub name_nl: String,
    #[serde(default)]
    pub short: String,
    pub color: String,
    #[serde(default)]
    pub color_cvd: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Faction {
    /// The display name in a language (`en` or `nl`).
    pub fn display_name(&self, lang: &str) -> &str {
        if lang == "nl" { &self.name_nl } else { &self.name }
    }

    /// The fill colour for a palette (`default` or `cvd`).
    pub fn color_for(&self, palette: &str) -> &str {
        if palette == "cvd" && !self.color_cvd.is_empty() { &self.color_cvd } else { &self.color }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactionsFile {
    faction: Vec<Faction>,
}

/// All factions, with an index from folded id, name and alias to the faction.
#[derive(Debug, Clone, Default)]
pub struct Factions {
    pub list: Vec<Faction>,
    index: HashMap<String, usize>,
}

impl Factions {
    /// Parses and checks `factions.toml`: unique ids, `#rrggbb` colours, no alias shared by two factions.
    pub fn parse(file: &str, text: &str) -> Result<Factions, Diagnostic> {
        let parsed: FactionsFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            Diagnostic::error(file, line, None, e.message().to_string())
        })?;
        check_unique_ids(file, text, &parsed.faction)?;
        let mut factions = Factions { list: parsed.faction, index: HashMap::new() };
        for (i, faction) in factions.list.iter().enumerate() {
            let locate = |field: &str| (field_line(text, &faction.id, field), field.to_string());
            check_faction(file, faction, &locate)?;
            let spellings =
                [&faction.id, &faction.name, &faction.name_nl, &faction.short].into_iter().chain(&faction.aliases);
            for spelling in spellings.filter(|s| !s.is_empty()) {
                let key = faction_key(spelling);
                match factions.index.insert(key, i) {
                    Some(previous) if previous != i => {
                        let (line, _) = locate("aliases");
                        let owner = &factions.list[previous].id;
                        let message = format!("{spelling:?} names both {owner:?} and {:?}", faction.id);
                        return Err(Diagnostic::error(file, line, Some("aliases"), message));
                    }
                    _ => {}
                }
            }
        }
        Ok(factions)
    }

    pub fn get(&self, id: &str) -> Option<&Faction> {
        self.list.iter().find(|f| f.id == id)
    }

    /// Finds a faction by id, name or alias.
    pub fn resolve(&self, name: &str) -> Option<&Faction> {
        self.index.get(&faction_key(name)).map(|&i| &self.list[i])
    }

    /// Close spellings for a "did you mean" hint.
    pub fn suggest(&self, name: &str) -> Vec<String> {
        let wanted = faction_key(name);
        let mut scored: Vec<(u32, &str)> = self
            .index
            .iter()
            .map(|(key, &i)| ((strsim::jaro_winkler(&wanted, key) * 1e6) as u32, self.list[i].id.as_str()))
            .filter(|(score, _)| *score >= 800_000)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let mut out: Vec<String> = Vec::new();
        for (_, id) in scored {
            if !out.iter().any(|o| o == id) {
                out.push(id.to_string());
            }
        }
        out.truncate(3);
        out
    }
}

/// Every faction id is defined once: `faction id "is" is defined twice (lines 16 and 40)`.
fn check_unique_ids(file: &str, text: &str, list: &[Faction]) -> Result<(), Diagnostic> {
    let mut seen = std::collections::HashSet::new();
    for faction in list {
        if !seen.insert(faction.id.as_str()) {
            let lines = id_lines(text, &faction.id);
            let mut message = format!("faction id {:?} is defined twice", faction.id);
            if let [first, second, ..] = lines[..] {
                message.push_str(&format!(" (lines {first} and {second})"));
            }
            return Err(Diagnostic::error(file, lines.get(1).copied(), Some("id"), message)
                .with_hint("give each [[faction]] table its own id, or merge the two tables"));
        }
    }
    Ok(())
}

/// The lines on which `id = "ID"` is written.
fn id_lines(text: &str, id: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let Some((key, value)) = line.split_once('=') else { return false };
            key.trim() == "id" && value.trim().trim_matches(['"', '\'']) == id
        })
        .map(|(at, _)| at + 1)
        .collect()
}

/// The line of `field` in the table of the faction with this id (or of its id line).
fn field_line(text: &str, id: &str, field: &str) -> Option<usize> {
    let id_at = text.find(&format!("id = \"{id}\""))?;
    let table_end = text[id_at..].find("[[faction]]").map_or(text.len(), |e| id_at + e);
    let field_at = text[id_at..table_end]
        .match_indices('\n')
        .map(|(at, _)| id_at + at + 1)
        .find(|&at| {
            text[at..].trim_start().starts_with(field)
                && text[at..].trim_start()[field.len()..].trim_start().starts_with('=')
        })
        .unwrap_or(id_at);
    Some(text[..field_at].matches('\n').count() + 1)
}

fn check_faction(
    file: &str,
    faction: &Faction,
    locate: &dyn Fn(&str) -> (Option<usize>, String),
) -> Result<(), Diagnostic> {
    let fail = |field: &str, message: String| {
        let (line, field) = locate(field);
        Err(Diagnostic::error(file, line, Some(&field), message))
    };
    let id_ok =
        !faction.id.is_empty() && faction.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_ok {
        return fail("id", format!("{:?} is not a valid id (use a-z, 0-9 and -)", faction.id));
    }
    for (field, color) in [("color", &faction.color), ("color_cvd", &faction.color_cvd)] {
        if !(color.is_empty() && field == "color_cvd") && parse_hex_color(color).is_none() {
            return fail(field, format!("{color:?} is not a colour of the form #rrggbb"));
        }
    }
    Ok(())
}

/// `#rrggbb` → (r, g, b).
pub fn parse_hex_color(text: &str) -> Option<(u8, u8, u8)> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((byte(0)?, byte(2)?, byte(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r##"
[[faction]]
id = "is"
name = "Islamic State"
name_nl = "Islamitische Staat"
color = "#505050"
aliases = ["IS", "IS-strijders"]

[[faction]]
id = "syrian-gov"
name = "Syrian government"
name_nl = "Syrische regering"
color = "#d7301f"
aliases = ["het Syrische leger"]
"##;

    #[test]
    fn resolves_ids_names_and_aliases_loosely() {
        let f = Factions::parse("factions.toml", SAMPLE).unwrap();
        assert_eq!(f.resolve("is").unwrap().id, "is");
        assert_eq!(f.resolve("IS strijders").unwrap().id, "is");
        assert_eq!(f.resolve("Syrische leger").unwrap().id, "syrian-gov");
        assert_eq!(f.resolve("Het Syrische Leger").unwrap().id, "syrian-gov");
        assert!(f.resolve("SDF").is_none());
        assert_eq!(f.suggest("syrian-govt"), vec!["syrian-gov"]);
    }

    #[test]
    fn rejects_bad_colours_ids_and_shared_aliases() {
        let bad_colour = SAMPLE.replace("#d7301f", "red");
        let e = Factions::parse("factions.toml", &bad_colour).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("color"));
        assert_eq!(e.line, Some(13));
        let shared = SAMPLE.replace("\"het Syrische leger\"", "\"IS\"");
        assert!(Factions::parse("f.toml", &shared).unwrap_err().message.contains("names both"));
        let syntax = Factions::parse("f.toml", "[[faction]\nid=").unwrap_err();
        assert_eq!(syntax.line, Some(1));
    }

    #[test]
    fn a_duplicate_id_is_named_with_both_lines() {
        let twice = SAMPLE.replace("id = \"syrian-gov\"", "id = \"is\"");
        let e = Factions::parse("factions.toml", &twice).unwrap_err();
        assert_eq!(
            e.to_string(),
            "factions.toml:10: id: faction id \"is\" is defined twice (lines 3 and 10); \
             give each [[faction]] table its own id, or merge the two tables"
        );
    }
}
