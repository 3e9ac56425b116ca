//! Datelines: an article without a date marker takes its date from a short line near its top
//! that gives a full date ("Khartoem, 12 januari 2025"), so its claims are dated against it and
//! not flagged undated. Every text was written for these tests.

use std::path::PathBuf;

use controlmap::app::{World, load_world};
use controlmap::extract::stream::Input;
use controlmap::extract::{ArticleReport, Candidate, Extractor, LangChoice, Options};

fn world() -> World {
    load_world(None).expect("the built-in geodata loads")
}

/// The claims and report of one article without a marker, with `--date` `date` if given.
fn read(world: &World, text: &str, date: Option<&str>, lang: &str) -> (Vec<Candidate>, ArticleReport) {
    let mut extractor =
        Extractor::new(&world.gazetteer, &world.factions, &world.files.languages).expect("the lexicons compile");
    let options = Options {
        date: date.map(|d| d.parse().expect("a test date")),
        lang: LangChoice::Code(lang.into()),
        min_confidence: 0.3,
        date_is_the_articles: false,
        debug: false,
    };
    let mut out = Vec::new();
    let report = extractor
        .article(&Input::File(PathBuf::from("t.txt")), &mut text.as_bytes(), &options, &mut |c| {
            out.push(c.clone());
            Ok(())
        })
        .expect("the test article reads");
    (out, report)
}

/// `DATE PLACE HOLDER EVENT` of each claim, with `undated` when its note says so.
fn lines(claims: &[Candidate]) -> Vec<String> {
    claims
        .iter()
        .map(|c| {
            let flag = if c.note.contains("undated") { " undated" } else { "" };
            format!("{} {} {} {}{flag}", c.date, c.place_text, c.holder, c.event)
        })
        .collect()
}

#[test]
fn a_dateline_dates_the_article_and_its_weekdays() {
    let world = world();
    // 12 January 2025 was a Sunday: "zaterdag" / "on Saturday" is the 11th.
    let cases: &[(&str, &str, u32)] = &[
        ("Khartoem, 12 januari 2025\n\nHet Soedanese leger heeft zaterdag Wad Madani heroverd op de RSF.\n", "nl", 1),
        (
            "Leger herovert Wad Madani\nBijgewerkt op zondag 12 januari 2025 om 14.05 uur\n\nHet Soedanese leger heeft zaterdag Wad Madani heroverd op de RSF.\n",
            "nl",
            2,
        ),
        (
            "Army retakes Wad Madani\nJanuary 12, 2025\n\nThe Sudanese army recaptured Wad Madani from the RSF on Saturday.\n",
            "en",
            2,
        ),
        ("12 January 2025\nThe Sudanese army recaptured Wad Madani from the RSF on Saturday.\n", "en", 1),
    ];
    for &(text, lang, sentence) in cases {
        // Without --date, and with a --date the dateline overrides.
        for date in [None, Some("2024-06")] {
            let (claims, report) = read(&world, text, date, lang);
            assert_eq!(lines(&claims), vec!["2025-01-11 Wad Medani saf captured"], "{text:?} --date {date:?}");
            assert_eq!(report.dateline, Some(sentence), "{text:?}");
            assert_eq!(report.date.map(|d| d.to_string()), Some("2025-01-12".to_string()), "{text:?}");
        }
    }
}

#[test]
fn a_sentence_with_a_date_and_an_event_is_no_dateline() {
    let world = world();
    let cases: &[(&str, &str)] = &[
        // The first sentence tells an event on a date: it dates its own claim only.
        (
            "Het Soedanese leger heeft op 11 januari 2025 Wad Madani heroverd op de RSF.\nIn maart volgde Omdurman.\n",
            "nl",
        ),
        // A month without a day, or a long sentence around a date, is no dateline.
        ("Januari 2025\n\nHet Soedanese leger heeft zaterdag Wad Madani heroverd op de RSF.\n", "nl"),
        (
            "Volgens de verslaggevers van de krant die op 12 januari 2025 in de stad waren, was het er rustig.\nHet Soedanese leger heeft zaterdag Wad Madani heroverd op de RSF.\n",
            "nl",
        ),
    ];
    for &(text, lang) in cases {
        let (_, report) = read(&world, text, Some("2024-06"), lang);
        assert_eq!(report.dateline, None, "{text:?}");
        assert_eq!(report.date.map(|d| d.to_string()), Some("2024-06".to_string()), "{text:?}");
    }
    // An undated article keeps its flag.
    let (claims, _) = read(&world, cases[1].0, Some("2024-06"), "nl");
    assert!(lines(&claims).iter().all(|l| l.ends_with("undated")), "{:?}", lines(&claims));
}

#[test]
fn a_date_marker_wins_over_a_dateline() {
    let world = world();
    let text =
        " date 2025-01-19 \nKhartoem, 12 januari 2025\n\nHet Soedanese leger heeft Wad Madani heroverd op de RSF.\n";
    let (claims, report) = read(&world, text, None, "nl");
    assert_eq!(report.dateline, None);
    assert_eq!(report.date.map(|d| d.to_string()), Some("2025-01-19".to_string()));
    assert!(!claims.is_empty());
}
