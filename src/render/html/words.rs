//! The words of the viewer page, in English and Dutch (the map's own words come from
//! `render::style::words`, and the flags reuse them).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::render::style::{Lang, words};

/// The words of the page chrome. `{h}` and `{o}` in the event phrases stand for the claim's
/// holder and other party, `{n}` a number (of days, or of changes), `{m}` a month, `{c}` and `{a}` the claim and
/// source counts.
#[derive(Debug, Serialize)]
pub struct Ui {
    pub(super) page_title: &'static str,
    pub(super) skip: &'static str,
    pub(super) keys: &'static str,
    pub(super) map: &'static str,
    pub(super) map_alt: &'static str,
    pub(super) places: &'static str,
    pub(super) details: &'static str,
    pub(super) hint: &'static str,
    pub(super) months: &'static str,
    pub(super) month: &'static str,
    pub(super) prev: &'static str,
    pub(super) next: &'static str,
    pub(super) play: &'static str,
    pub(super) pause: &'static str,
    pub(super) close: &'static str,
    pub(super) noscript: &'static str,
    pub(super) unsupported: &'static str,
    pub(super) counts: String,
    pub(super) no_claims: &'static str,
    pub(super) area: &'static str,
    pub(super) holder: &'static str,
    pub(super) status: &'static str,
    pub(super) since: &'static str,
    pub(super) evidence: &'static str,
    pub(super) days_old: &'static str,
    pub(super) day_old: &'static str,
    pub(super) same_day: &'static str,
    pub(super) flags: &'static str,
    pub(super) claims_heading: &'static str,
    pub(super) changes_heading: &'static str,
    pub(super) no_changes: &'static str,
    pub(super) more_changes: &'static str,
    pub(super) independent: &'static str,
    pub(super) nobody: &'static str,
    pub(super) statuses: BTreeMap<&'static str, &'static str>,
    pub(super) flag_names: BTreeMap<&'static str, &'static str>,
    pub(super) roles: BTreeMap<&'static str, &'static str>,
    pub(super) modalities: BTreeMap<&'static str, &'static str>,
    pub(super) events: BTreeMap<&'static str, &'static str>,
}

/// The page words for a language (built once per language).
pub fn ui_words(lang: Lang) -> &'static Ui {
    static EN: std::sync::OnceLock<Ui> = std::sync::OnceLock::new();
    static NL: std::sync::OnceLock<Ui> = std::sync::OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| ui_en(lang)),
        Lang::Nl => NL.get_or_init(|| ui_nl(lang)),
    }
}

fn map_words<const N: usize>(pairs: [(&'static str, &'static str); N]) -> BTreeMap<&'static str, &'static str> {
    pairs.into_iter().collect()
}

fn flag_words(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    let w = words(lang);
    map_words([("stale", w.stale), ("unconfirmed", w.unconfirmed), ("conflict", w.conflict), ("changed", w.changed)])
}

fn ui_en(lang: Lang) -> Ui {
    let w = words(lang);
    Ui {
        page_title: "controlmap viewer",
        skip: "Skip to the month controls",
        keys: "Keys: ← → previous/next month · Space play/pause · Home/End first/last month",
        map: "Map",
        map_alt: "Map of territorial control at the end of {m}",
        places: "Places on the map",
        details: "Place details",
        hint: "Select a place on the map to see who held it and the claims behind it.",
        months: "Months",
        month: "Month",
        prev: "Previous month",
        next: "Next month",
        play: "Play",
        pause: "Pause",
        close: "Close",
        noscript: "This viewer needs JavaScript. The maps are plain images:",
        unsupported: "This browser cannot unpack the viewer's data (it lacks DecompressionStream). The maps are plain images:",
        counts: format!("{{c}} {} {{a}} {}", w.claims_from, w.sources),
        no_claims: "No claims about this place yet.",
        area: "area",
        holder: "Holder",
        status: "Status",
        since: "Since",
        evidence: "Newest evidence",
        days_old: "{n} days before the month's end",
        day_old: "1 day before the month's end",
        same_day: "the month's last day",
        flags: "Flags",
        claims_heading: "Claims behind it",
        changes_heading: "Changed this month",
        no_changes: "No change this month.",
        more_changes: "Show all {n} changes",
        independent: "Independent sources",
        nobody: "unknown",
        statuses: map_words([
            ("held", "held"),
            ("contested", "contested with {o}"),
            ("besieged", "besieged by {o}"),
            ("partial", "partly held; the rest by {o}"),
            ("unknown", "lost, new holder unknown"),
        ]),
        flag_names: flag_words(lang),
        roles: map_words([
            ("supports", "supports"),
            ("pending", "pending"),
            ("conflicts", "conflicts"),
            ("change", "behind the change"),
        ]),
        modalities: map_words([("claimed", "claimed"), ("hedged", "reportedly"), ("expected", "expected")]),
        events: map_words([
            ("holds", "{h} holds it"),
            ("captured", "{h} captured it"),
            ("captured+", "{h} captured it from {o}"),
            ("lost", "{h} lost it"),
            ("lost+", "{h} lost it to {o}"),
            ("contested", "{h} holds it, contested"),
            ("contested+", "{h} and {o} fight for it"),
            ("besieged", "{h} is besieged there"),
            ("besieged+", "{h} is besieged there by {o}"),
            ("partial", "{h} holds part of it"),
            ("partial+", "{h} holds part of it, {o} the rest"),
        ]),
    }
}

fn ui_nl(lang: Lang) -> Ui {
    let w = words(lang);
    Ui {
        page_title: "controlmap-viewer",
        skip: "Naar de maandknoppen",
        keys: "Toetsen: ← → vorige/volgende maand · spatie afspelen/pauzeren · Home/End eerste/laatste maand",
        map: "Kaart",
        map_alt: "Kaart van de controle over gebied aan het eind van {m}",
        places: "Plaatsen op de kaart",
        details: "Details van de plaats",
        hint: "Kies een plaats op de kaart om te zien wie haar in handen had en op welke claims dat berust.",
        months: "Maanden",
        month: "Maand",
        prev: "Vorige maand",
        next: "Volgende maand",
        play: "Afspelen",
        pause: "Pauzeren",
        close: "Sluiten",
        noscript: "Deze viewer heeft JavaScript nodig. De kaarten zijn gewone afbeeldingen:",
        unsupported: "Deze browser kan de gegevens van de viewer niet uitpakken (DecompressionStream ontbreekt). De kaarten zijn gewone afbeeldingen:",
        counts: format!("{{c}} {} {{a}} {}", w.claims_from, w.sources),
        no_claims: "Nog geen claims over deze plaats.",
        area: "gebied",
        holder: "In handen van",
        status: "Status",
        since: "Sinds",
        evidence: "Nieuwste bron",
        days_old: "{n} dagen voor het eind van de maand",
        day_old: "1 dag voor het eind van de maand",
        same_day: "de laatste dag van de maand",
        flags: "Kenmerken",
        claims_heading: "Claims",
        changes_heading: "Deze maand veranderd",
        no_changes: "Geen verandering deze maand.",
        more_changes: "Alle {n} veranderingen tonen",
        independent: "Onafhankelijke bronnen",
        nobody: "onbekend",
        statuses: map_words([
            ("held", "in handen"),
            ("contested", "omstreden met {o}"),
            ("besieged", "belegerd door {o}"),
            ("partial", "deels in handen; de rest bij {o}"),
            ("unknown", "verloren, nieuwe bezitter onbekend"),
        ]),
        flag_names: flag_words(lang),
        roles: map_words([
            ("supports", "steunt"),
            ("pending", "nog open"),
            ("conflicts", "spreekt tegen"),
            ("change", "achter de verandering"),
        ]),
        modalities: map_words([("claimed", "geclaimd"), ("hedged", "naar verluidt"), ("expected", "verwacht")]),
        events: map_words([
            ("holds", "{h} heeft het in handen"),
            ("captured", "{h} heeft het ingenomen"),
            ("captured+", "{h} heeft het ingenomen op {o}"),
            ("lost", "{h} heeft het verloren"),
            ("lost+", "{h} heeft het verloren aan {o}"),
            ("contested", "{h} heeft het in handen, omstreden"),
            ("contested+", "{h} en {o} vechten erom"),
            ("besieged", "{h} wordt er belegerd"),
            ("besieged+", "{h} wordt er belegerd door {o}"),
            ("partial", "{h} heeft een deel in handen"),
            ("partial+", "{h} heeft een deel in handen, {o} de rest"),
        ]),
    }
}
