//! Places everywhere: table-driven tests of how `extract` finds places with the built-in
//! geodata (the regional layer, the world table and the Dutch exonym layer). Every sentence was
//! written for these tests; none is taken from an article. Each case is its own article.

mod common;

use controlmap::app::{World, load_world};
use controlmap::extract::Candidate;
use controlmap::extract::towns::TownIndex;

fn world() -> World {
    load_world(None).expect("the built-in geodata loads")
}

/// The claims of one article dated `date`: `DATE PLACE HOLDER EVENT [OTHER]`, and the notes.
fn claims(world: &World, text: &str, date: &str, lang: &str) -> Vec<Candidate> {
    common::extract_claims_dated(world, text, lang, Some(date))
}

fn line(c: &Candidate) -> String {
    let mut text = format!("{} {} {}", c.place_text, c.holder, c.event);
    if let Some(other) = &c.other {
        text.push_str(&format!(" {other}"));
    }
    text
}

/// Checks a table of (article, expected claim lines) in one language.
fn check(lang: &str, cases: &[(&str, &[&str])]) {
    let world = world();
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got: Vec<String> = claims(&world, text, "2023-05-20", lang).iter().map(line).collect();
        if got != *expected {
            failures.push(format!("{text}\n   expected {expected:?}\n   got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_exonym_row_resolves_to_one_place() {
    let world = world();
    let file = world.files.languages.iter().find(|f| f.name.ends_with("exonyms-nl.tsv")).expect("built in");
    let rows = file.text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count();
    let mut towns = TownIndex::new(&world.gazetteer);
    let problems = towns.add_exonyms(&world.gazetteer, &file.name, &file.text);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(towns.exonym_count(), rows, "one exonym per row, none written twice");
}

#[test]
fn exonym_rows_that_do_not_resolve_are_reported_with_their_line() {
    let world = world();
    let mut towns = TownIndex::new(&world.gazetteer);
    let problems = towns.add_exonyms(
        &world.gazetteer,
        "x.tsv",
        "# comment\nBachmoet\tbakhmut-713174\nNergensstad\tno-such-place-1\nzonder tab\n",
    );
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(shown[0].starts_with("x.tsv:3: ") && shown[0].contains("no-such-place-1"), "{shown:?}");
    assert!(shown[1].starts_with("x.tsv:4: "), "{shown:?}");
    assert_eq!(towns.exonym_count(), 1);
}

#[test]
fn dutch_places_outside_the_regional_layer_and_exonyms() {
    check(
        "nl",
        &[
            ("Russische troepen hebben Bachmoet ingenomen.", &["Bakhmut russia captured"]),
            ("Het Oekraïense leger heeft Cherson heroverd op de Russen.", &["Kherson ukraine captured russia"]),
            ("Oekraïense troepen heroverden Izjoem op de Russen.", &["Izyum ukraine captured russia"]),
            ("Azerbeidzjaanse troepen namen de stad Sjoesja in.", &["Shusha azerbaijan captured"]),
            ("De paramilitaire RSF heeft de stad Wad Madani veroverd.", &["Wad Medani rsf captured"]),
            // An exonym that is also a town elsewhere (Odessa, Texas) means the Ukrainian port.
            ("Odessa is nog altijd in handen van Oekraïne.", &["Odesa ukraine holds"]),
        ],
    );
}

#[test]
fn english_places_outside_the_regional_layer() {
    check(
        "en",
        &[
            ("Russian forces captured Avdiivka after months of fighting.", &["Avdiyivka russia captured"]),
            ("The RSF seized El Fasher.", &["El Fasher rsf captured"]),
            ("Azerbaijani forces captured the town of Shusha.", &["Shusha azerbaijan captured"]),
        ],
    );
}

#[test]
fn dutch_transliterations_lists_compounds_and_unknown_populations() {
    check(
        "nl",
        &[
            // Found under their English spelling (Khromove, Ocheretyne): no exonym row needed.
            ("De Russen veroverden het dorp Chromove.", &["Khromove russia captured"]),
            ("Het dorp Otsjeretyne viel in handen van de Russen.", &["Ocheretyne russia captured"]),
            // Makhmur has population 0 in GeoNames; "Makhmour" is an alias, listed after a place.
            (
                "De peshmerga verloren Sinjar en Makhmour aan het Iraakse leger.",
                &["Sinjar kurdistan lost iraqi-gov", "Makhmur kurdistan lost iraqi-gov"],
            ),
            ("Het Israëlische leger heeft Gaza-stad ingenomen.", &["Gaza israel captured"]),
            // A river (de Dnjepr) is not the city whose alternate name it resembles.
            ("Oekraïense troepen heroverden Cherson en rukten op naar de Dnjepr.", &["Kherson ukraine captured"]),
        ],
    );
    check(
        "en",
        &[(
            // Bangladesh is a country, not the Armenian town that lists it as an alternate name.
            "The Arakan Army seized Buthidaung, near the border with Bangladesh.",
            &["Buthidaung Town arakan-army captured"],
        )],
    );
}

#[test]
fn lower_case_al_names_are_found() {
    check("nl", &[("IS heeft al-Bab verloren.", &["Al-Bab is lost"])]);
    check("en", &[("Iraqi forces recaptured al-Alam from IS.", &["Al-Alam iraqi-gov captured is"])]);
}

#[test]
fn names_with_lower_case_particles_and_without_their_arabic_article() {
    check(
        "en",
        &[
            ("Government troops retook Mocímboa da Praia on Sunday.", &["Mocímboa da Praia mozambique-gov captured"]),
            ("Houthi fighters captured the port of Hodeidah in 2014.", &["Al Ḩudaydah houthis captured"]),
        ],
    );
    check("nl", &[("Het leger heroverde zondag Mocímboa da Praia.", &["Mocímboa da Praia mozambique-gov captured"])]);
}

#[test]
fn sites_are_claims_about_their_town_with_a_note() {
    let cases: &[(&str, &str, &str, &str)] = &[
        ("nl", "De Russen veroverden het vliegveld van Kramatorsk.", "Kramatorsk russia captured", "site: vliegveld"),
        (
            "nl",
            "Het Iraakse leger heroverde de luchtmachtbasis bij Tikrit.",
            "Tikrit iraqi-gov captured",
            "site: luchtmachtbasis",
        ),
        ("nl", "De SDF hebben de dam bij Tabqa ingenomen.", "Tabqa sdf captured", "site: dam"),
        ("en", "Iraqi forces recaptured the oil fields near Kirkuk.", "Kirkuk iraqi-gov captured", "site: oil fields"),
        ("en", "The SDF captured the dam near Tabqa.", "Tabqa sdf captured", "site: dam"),
        ("en", "IS still controls the stadium in Raqqa.", "Raqqa is holds", "site: stadium"),
    ];
    let world = world();
    for &(lang, text, expected, note) in cases {
        let got = claims(&world, text, "2023-05-20", lang);
        assert_eq!(got.iter().map(line).collect::<Vec<_>>(), [expected], "{text}");
        assert!(got[0].note.contains(note), "{text}: {}", got[0].note);
    }
}

#[test]
fn references_by_kind() {
    check(
        "nl",
        &[
            (
                "Koerdische strijders namen Kirkuk en de gelijknamige provincie in.",
                &["Kirkuk kurdistan captured", "region:iq-kirkuk-governorate kurdistan captured"],
            ),
            (
                "Het Iraakse leger heeft Tikrit en Baiji heroverd. Beide plaatsen waren jaren in handen van IS.",
                &["Tikrit iraqi-gov captured", "Baiji iraqi-gov captured", "Tikrit is holds", "Baiji is holds"],
            ),
            // "de stad" is the town, not the province named after it (entering is taking).
            (
                "Het leger trok Ramadi binnen, in de provincie Anbar. De stad is nu in handen van het Iraakse leger.",
                &["Ramadi iraqi-gov captured", "Ramadi iraqi-gov holds"],
            ),
        ],
    );
    check(
        "en",
        &[
            (
                "Iraqi forces recaptured Tikrit and Baiji. Both towns had been held by IS for years.",
                &["Tikrit iraqi-gov captured", "Baiji iraqi-gov captured", "Tikrit is holds", "Baiji is holds"],
            ),
            (
                "Kurdish forces captured Kirkuk and the province of the same name.",
                &["Kirkuk kurdistan captured", "region:iq-kirkuk-governorate kurdistan captured"],
            ),
        ],
    );
}

#[test]
fn ordinary_words_that_are_place_names_somewhere_need_evidence() {
    // Born (NL, DE), Hoop, Wit, Mobile, Reading, Hope are places in the world table.
    check(
        "nl",
        &[
            ("Born viel in handen van IS.", &[]),
            ("Hoop doet leven, zeggen de bewoners van Raqqa.", &[]),
            ("Wit is de kleur van de vlag die IS in Raqqa verbood.", &[]),
        ],
    );
    check(
        "en",
        &[
            ("Mobile phone networks in Mosul were cut by IS.", &[]),
            ("Reading the reports, commanders in Mosul were worried.", &[]),
            ("Hope returned to Raqqa after the war.", &[]),
        ],
    );
}

#[test]
fn sentences_with_places_and_actors_but_no_claim_give_no_claims() {
    check(
        "nl",
        &[
            ("De Oekraïense president bezocht Charkiv en sprak met soldaten.", &[]),
            ("Russische diplomaten reisden naar Genève voor overleg.", &[]),
            ("Het Soedanese leger en de RSF onderhandelen in Jeddah over een bestand.", &[]),
            ("Armeense vluchtelingen uit Stepanakert kwamen aan in Jerevan.", &[]),
            ("IS-strijders die in Mosul gevangen zitten, worden berecht in Bagdad.", &[]),
        ],
    );
    check(
        "en",
        &[
            ("Ukrainian officials met in Kyiv to discuss grain exports from Odesa.", &[]),
            ("Journalists in Khartoum reported long queues for bread.", &[]),
            ("The Myanmar army flew reporters to Lashio to show the damage.", &[]),
            ("Iraqi forces near Kirkuk said they were preparing for winter.", &[]),
        ],
    );
}

#[test]
fn an_intro_noun_with_of_or_in_apposition_introduces_the_name() {
    check(
        "en",
        &[
            // "the town of X" keeps the role of the noun phrase: X is what was besieged
            (
                "Ukrainian troops lost Soledar to Russian forces. Russian forces besieged the town of Kreminna.",
                &["Soledar ukraine lost russia", "Kreminna ukraine besieged russia"],
            ),
            // an apposition with an intro noun admits a small town's other name
            ("Russian units seized Marinka, a frontline town, in December.", &["Mar'yinka russia captured"]),
        ],
    );
}

#[test]
fn the_army_and_wagner_are_resolved_by_the_place_country() {
    check(
        "en",
        &[
            ("The army still holds Mandalay.", &["Mandalay myanmar-junta holds"]),
            ("The army retook Omdurman.", &["Omdurman saf captured"]),
        ],
    );
    check(
        "nl",
        &[
            ("Het leger heeft Mandalay nog altijd in handen.", &["Mandalay myanmar-junta holds"]),
            // Wagner fights for Russia in Ukraine and beside the Malian army in Mali
            ("Huurlingen van Wagner veroverden in januari Soledar.", &["Soledar russia captured"]),
            ("De Wagner-groep nam Kidal in.", &["Kidal mali-gov captured"]),
        ],
    );
}

#[test]
fn an_old_name_of_a_town_abroad_beside_a_town_named_elsewhere_is_no_place() {
    // "Ber" is an alternate name of Véroia, Greece, in the world table; Mali's Ber is not in it.
    let mali = "De rebellen van de CSP hebben het stadje Ber bij Timboektoe ingenomen.";
    let lone = "De rebellen van de CSP hebben het stadje Ber ingenomen.";
    let world = world();
    let places = |text: &str| -> Vec<String> {
        claims(&world, text, "2023-08-14", "nl").iter().map(|c| c.place_text.clone()).collect()
    };
    assert!(!places(mali).contains(&"Véroia".to_string()), "{:?}", places(mali));
    // Alone, nothing tells it from the Greek town: the introduced name is still found.
    assert_eq!(places(lone), vec!["Véroia".to_string()]);
}

#[test]
fn an_alternate_name_of_a_regional_layer_town_abroad_is_no_place_beside_a_town_elsewhere() {
    // "Jazira" is an alternate name of Aş Şuwayrah, Iraq, in the regional layer (not the world
    // table); written beside a Sudanese town it is the Sudanese state, not the Iraqi town.
    let world = world();
    let places = |text: &str, lang: &str| -> Vec<String> {
        claims(&world, text, "2025-01-11", lang).iter().map(|c| c.place_text.clone()).collect()
    };
    let nl = "Het Soedanese leger is Wad Madani binnengetrokken en heeft de hoofdstad van de staat Al Jazira heroverd.";
    let en = "The Sudanese army entered Wad Madani and retook the capital of Al Jazira state from the RSF.";
    for (text, lang) in [(nl, "nl"), (en, "en")] {
        let found = places(text, lang);
        assert!(found.contains(&"Wad Medani".to_string()), "{lang}: {found:?}");
        assert!(!found.contains(&"Aş Şuwayrah".to_string()), "{lang}: {found:?}");
    }
    // In an Iraqi sentence the same alternate name is still the Iraqi town.
    let iraq = "Het Iraakse leger heeft het stadje Jazira bij Kut heroverd.";
    assert_eq!(places(iraq, "nl"), vec!["Aş Şuwayrah".to_string()]);
}
