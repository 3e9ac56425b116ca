//! Place names as news spells them: table-driven tests of the spelling variants the gazetteer
//! tries when a name finds nothing as written (Arabic articles, syllables joined, Dutch and
//! Burmese transliterations), of names that resolve as written and must not change, and of how
//! `extract` picks among namesakes by the article's other places. Every name list and sentence
//! was written for these tests.

mod common;

use controlmap::app::{World, load_world};
use controlmap::extract::towns::{Hit, TownIndex};
use controlmap::places::{Hint, Resolution};

fn world() -> World {
    load_world(None).expect("the built-in geodata loads")
}

/// The id a name resolves to with no context, or what went wrong.
fn resolved(world: &World, name: &str) -> Result<String, String> {
    match world.gazetteer.resolve(name, &Hint::default()) {
        Resolution::Found { key, .. } => Ok(key.id.to_string()),
        other => Err(format!("{other:?}").chars().take(200).collect()),
    }
}

/// Checks a table of (name as written, id it must resolve to).
fn check_resolves(cases: &[(&str, &str)]) {
    let world = world();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, id)| match resolved(&world, name) {
            Ok(got) if got == *id => None,
            got => Some(format!("{name:?}: expected {id}, got {got:?}")),
        })
        .collect();
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn syllabic_names_resolve_written_apart_or_joined() {
    check_resolves(&[
        ("Kut Kai", "kutkai-1317682"),
        ("Nam Hkam", "namhkam-1307101"),
        ("MraukU", "mrauk-u-1307658"),
        ("Mrauk-U", "mrauk-u-1307658"),
        ("Hpaan", "hpa-an-1302849"),
        ("Hpa An", "hpa-an-1302849"),
    ]);
}

#[test]
fn burmese_romanisations_resolve() {
    check_resolves(&[("Kyaukphyu", "kyaukpyu-1316752"), ("Toungup", "taungup-1293696")]);
}

#[test]
fn arabic_articles_in_any_form_resolve() {
    check_resolves(&[
        ("al-Fasher", "el-fasher-379555"),
        ("El Fasher", "el-fasher-379555"),
        ("El Nahud", "an-nuhud-378699"),
        ("al-Geneina", "al-junaynah-379303"),
        ("al-Karmah", "al-karmah"),
        ("Karmah, IQ", "al-karmah"),
    ]);
}

#[test]
fn dutch_transliterations_resolve() {
    check_resolves(&[
        ("Koerachove", "kurakhove-695357"),
        ("Voehledar", "vuhledar-690823"),
        ("Oegledar", "vuhledar-690823"),
        ("Oekrainsk", "ukrayinsk-690771"),
        ("Niu-Jork", "niu-york-699751"),
        ("Tsjasiv Jar", "chasiv-yar-710915"),
        ("Vovtsjansk", "vovchansk-689304"),
        ("Oerozjajne", "urozhaine-9114393"),
        ("Izjoem", "izyum-707292"),
    ]);
}

#[test]
fn names_that_resolve_as_written_do_not_change() {
    // The variants are a fallback: a name found as written keeps its place, even when a
    // variant would find another ("Muse" is Muse, Pennsylvania, without an article around it).
    check_resolves(&[
        ("Muse", "muse-5202776"),
        ("Mu-se", "mu-se-1308318"),
        ("Kherson", "kherson-706448"),
        ("Hama", "hama"),
        ("Sinjar", "sinjar"),
        ("Chasiv Yar", "chasiv-yar-710915"),
        ("Wad Madani", "wad-medani-364103"),
    ]);
    let world = world();
    let Resolution::Found { others, .. } = world.gazetteer.resolve("Muse", &Hint::default()) else {
        panic!("Muse resolves")
    };
    assert!(others.iter().any(|c| c.key.id.as_str() == "mu-se-1308318"), "Mu-se is set aside, not lost: {others:?}");
}

#[test]
fn names_no_rule_reaches_stay_unknown() {
    let world = world();
    for name in ["Nergensstad", "Kutkaiwa", "Tsjasiv Jarx", "Al Qwertyuiop"] {
        assert!(resolved(&world, name).is_err(), "{name} must not resolve: {:?}", resolved(&world, name));
    }
}

/// The place ids of the claims `extract` makes from one article dated 2024-01-20.
fn claim_places(world: &World, text: &str, lang: &str) -> Vec<String> {
    let claims = common::extract_claims_dated(world, text, lang, Some("2024-01-20"));
    claims.iter().map(|c| c.place.id.to_string()).collect()
}

/// Checks a table of (language, article, place ids its claims must include, ids they must not).
fn check_articles(cases: &[(&str, &str, &[&str], &[&str])]) {
    let world = world();
    let mut failures = Vec::new();
    for (lang, text, must, never) in cases {
        let got = claim_places(&world, text, lang);
        let missing: Vec<&&str> = must.iter().filter(|id| !got.iter().any(|g| g == *id)).collect();
        let wrong: Vec<&&str> = never.iter().filter(|id| got.iter().any(|g| g == *id)).collect();
        if !missing.is_empty() || !wrong.is_empty() {
            failures.push(format!("{text}\n   missing {missing:?}, unwanted {wrong:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_namesake_near_the_articles_places_wins_over_one_far_away() {
    check_articles(&[
        (
            "en",
            "The Myanmar army still holds Lashio. On Friday the Arakan Army said it had captured Muse.",
            &["lashio-1314759", "mu-se-1308318"],
            &["muse-5202776"],
        ),
        (
            "en",
            "Iraqi troops retook Fallujah in June. East of Fallujah, the army had retaken Karmah in May.",
            &["al-karmah"],
            &["karmah-283165"],
        ),
    ]);
}

#[test]
fn a_small_or_alias_only_place_far_from_the_article_is_no_mention() {
    check_articles(&[
        (
            "nl",
            "Azerbeidzjaanse troepen hebben Sjoesja ingenomen. Het leger van Armenië houdt Karabach nog in handen, meldt Jerevan.",
            &["shusha-147105"],
            &["karabash-1504636"],
        ),
        (
            "nl",
            "Oekraïense troepen hebben zich uit Pokrovsk teruggetrokken. De Russen namen ook Dzerzjinsk in.",
            &["pokrovsk-704422"],
            &["dzerzhinsk-563708"],
        ),
    ]);
}

#[test]
fn variants_become_claims_in_running_text() {
    check_articles(&[
        ("nl", "Russische troepen hebben Koerachove veroverd.", &["kurakhove-695357"], &[]),
        ("nl", "Het Oekraïense leger heeft zich teruggetrokken uit Voehledar.", &["vuhledar-690823"], &[]),
        (
            "en",
            "Rebels of the Arakan Army said they had taken full control of Kut Kai on Sunday.",
            &["kutkai-1317682"],
            &["kai-11612336"],
        ),
        ("en", "The RSF encircled al-Fasher in May.", &["el-fasher-379555"], &[]),
        ("en", "The Arakan Army captured Kyaukphyu on Friday.", &["kyaukpyu-1316752"], &[]),
    ]);
}

#[test]
fn a_region_name_is_not_a_small_town_abroad() {
    // "Kachin" is Kachin State (Myanmar), though GeoNames also gives it for Kachyn (Ukraine);
    // "Shan" is Shan State, not one of the towns in China that carry the name.
    let world = world();
    let mut towns = TownIndex::new(&world.gazetteer);
    for (folded, written) in [("kachin", "Kachin"), ("shan", "Shan"), ("rakhine", "Rakhine")] {
        let hit = towns.lookup(&world.gazetteer, folded, written).map(|id| towns.hit(id).clone());
        assert!(hit.is_none(), "{written}: {hit:?}");
    }
    let lashio = towns.lookup(&world.gazetteer, "lashio", "Lashio").map(|id| towns.hit(id).clone());
    assert!(matches!(lashio, Some(Hit::Found(f)) if f.key.id.as_str() == "lashio-1314759"), "a town stays a town");
}
