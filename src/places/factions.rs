//! Factions from `factions.toml`: ids, display names, colours and aliases, resolved by folded name.

use std::collections::{BTreeMap, HashMap};

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
    /// Another side this faction's forces are recorded as in places of a country (ISO code →
    /// faction id): `{ AZ = "artsakh" }` makes Armenian forces in Karabakh Artsakh's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stands_for: BTreeMap<String, String>,
    /// Made up for a holder that `factions.toml` lacks (its id as its name, a generated colour).
    #[serde(skip)]
    pub automatic: bool,
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

    /// Every `stands_for` entry: (faction, country code, the side it is recorded as there).
    pub fn stand_ins(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.list.iter().flat_map(|f| f.stands_for.iter().map(|(c, side)| (f.id.as_str(), c.as_str(), side.as_str())))
    }

    /// The first `stands_for` entry that names no faction: a diagnostic for `file` (the file
    /// that was read last), naming the faction and the unknown id.
    pub fn check_stand_ins(&self, file: &str) -> Result<(), Diagnostic> {
        for faction in &self.list {
            for (country, side) in &faction.stands_for {
                if self.get(side).is_none() {
                    let message =
                        format!("faction {:?} stands for {side:?} in {country}, which is no faction id", faction.id);
                    return Err(Diagnostic::error(file, None, Some("stands_for"), message)
                        .with_hint("define that faction, or correct the id"));
                }
            }
        }
        Ok(())
    }

    /// Finds a faction by id, name or alias.
    pub fn resolve(&self, name: &str) -> Option<&Faction> {
        self.index.get(&faction_key(name)).map(|&i| &self.list[i])
    }

    /// Adds the factions of another file, replacing those with the same id (their names and
    /// aliases then point to the new table).
    pub fn merge(&mut self, other: Factions) {
        for faction in other.list {
            match self.list.iter().position(|f| f.id == faction.id) {
                Some(i) => self.list[i] = faction,
                None => self.list.push(faction),
            }
        }
        self.reindex();
    }

    fn reindex(&mut self) {
        self.index.clear();
        for (i, faction) in self.list.iter().enumerate() {
            let spellings =
                [&faction.id, &faction.name, &faction.name_nl, &faction.short].into_iter().chain(&faction.aliases);
            for spelling in spellings.filter(|s| !s.is_empty()) {
                self.index.insert(faction_key(spelling), i);
            }
        }
    }

    /// Adds a faction for a holder name that `factions.toml` lacks: its id is the name's slug,
    /// its name the name as written, its colour one of [`AUTOMATIC_COLORS`] picked by the id's hash
    /// (the next free one when two made-up factions would share it). Returns the id.
    pub fn add_automatic(&mut self, written: &str) -> String {
        let id = faction_slug(written);
        if let Some(existing) = self.get(&id) {
            return existing.id.clone();
        }
        let taken: Vec<&str> = self.list.iter().map(|f| f.color.as_str()).collect();
        let start = fnv1a(&id) as usize % AUTOMATIC_COLORS.len();
        let color = (0..AUTOMATIC_COLORS.len())
            .map(|k| AUTOMATIC_COLORS[(start + k) % AUTOMATIC_COLORS.len()])
            .find(|c| !taken.contains(c))
            .unwrap_or(AUTOMATIC_COLORS[start]);
        let faction = Faction {
            id: id.clone(),
            name: written.trim().to_string(),
            name_nl: written.trim().to_string(),
            short: written.trim().to_string(),
            color: color.to_string(),
            color_cvd: String::new(),
            aliases: Vec::new(),
            stands_for: BTreeMap::new(),
            automatic: true,
        };
        self.index.insert(faction_key(written), self.list.len());
        self.index.insert(faction_key(&id), self.list.len());
        self.list.push(faction);
        id
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

/// Colours for factions that `factions.toml` lacks: saturated and told apart from each other
/// and from the base map (Kelly's and Tableau's distinct sets, without greys and the reds,
/// yellows and greens the shipped factions use most).
pub const AUTOMATIC_COLORS: [&str; 12] = [
    "#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#6a3d9a", "#b15928", "#1b9e77",
    "#e7298a", "#66a61e",
];

/// A faction id from a written name: lower case a-z, 0-9 and `-` (`"Wagner Group"` → `wagner-group`).
pub fn faction_slug(written: &str) -> String {
    let id = crate::places::fold::slug(written);
    if id.is_empty() { format!("faction-{:08x}", fnv1a(written)) } else { id }
}

/// 32-bit FNV-1a: a stable hash (the standard library's is randomised per process).
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
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
    for (country, side) in &faction.stands_for {
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return fail("stands_for", format!("{country:?} is not a two-letter country code (such as AZ)"));
        }
        if side == &faction.id || side.is_empty() {
            return fail("stands_for", format!("{side:?} in {country} must name another faction's id"));
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
    fn unknown_holders_get_stable_distinct_colours() {
        let mut f = Factions::parse("factions.toml", SAMPLE).unwrap();
        let saf = f.add_automatic("SAF");
        let rsf = f.add_automatic("Rapid Support Forces");
        assert_eq!((saf.as_str(), rsf.as_str()), ("saf", "rapid-support-forces"));
        assert_eq!(f.add_automatic("saf"), "saf", "the same holder twice is one faction");
        assert_eq!(f.resolve("Rapid Support Forces").unwrap().id, "rapid-support-forces");
        let (a, b) = (f.get("saf").unwrap(), f.get("rapid-support-forces").unwrap());
        assert_ne!(a.color, b.color);
        assert!(a.automatic && parse_hex_color(&a.color).is_some());
        let mut again = Factions::parse("factions.toml", SAMPLE).unwrap();
        again.add_automatic("SAF");
        assert_eq!(again.get("saf").unwrap().color, a.color, "a colour depends on the id, not the run");
    }

    #[test]
    fn a_factions_file_adds_and_replaces_by_id() {
        let mut f = Factions::parse("factions.toml", SAMPLE).unwrap();
        let mine = "[[faction]]\nid = \"is\"\nname = \"ISIS\"\nname_nl = \"IS\"\ncolor = \"#000000\"\n\n[[faction]]\nid = \"saf\"\nname = \"Sudanese Armed Forces\"\nname_nl = \"Soedanees leger\"\ncolor = \"#2f6db3\"\naliases = [\"army\"]\n";
        f.merge(Factions::parse("mine.toml", mine).unwrap());
        assert_eq!(f.get("is").unwrap().color, "#000000");
        assert_eq!(f.resolve("army").unwrap().id, "saf");
        assert_eq!(f.resolve("het Syrische leger").unwrap().id, "syrian-gov", "the others stay");
        assert_eq!(f.list.len(), 3);
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

    #[test]
    fn stands_for_is_checked_for_its_country_code_and_its_side() {
        let with = |entry: &str| {
            SAMPLE.replace("aliases = [\"IS\", \"IS-strijders\"]", &format!("aliases = [\"IS\"]\nstands_for = {entry}"))
        };
        let f = Factions::parse("factions.toml", &with("{ IQ = \"syrian-gov\" }")).unwrap();
        assert_eq!(f.stand_ins().collect::<Vec<_>>(), vec![("is", "IQ", "syrian-gov")]);
        assert!(f.check_stand_ins("factions.toml").is_ok());
        let bad_code = Factions::parse("factions.toml", &with("{ Iraq = \"syrian-gov\" }")).unwrap_err();
        assert!(bad_code.to_string().contains("stands_for"), "{bad_code}");
        assert!(bad_code.to_string().contains("two-letter country code"), "{bad_code}");
        let itself = Factions::parse("factions.toml", &with("{ IQ = \"is\" }")).unwrap_err();
        assert!(itself.to_string().contains("another faction"), "{itself}");
        let unknown = Factions::parse("mine.toml", &with("{ IQ = \"nobody\" }")).unwrap();
        let err = unknown.check_stand_ins("mine.toml").unwrap_err().to_string();
        assert!(err.starts_with("mine.toml") && err.contains("\"nobody\""), "{err}");
    }
}
