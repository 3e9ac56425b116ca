//! The people of a warring state named with the article ("de Russen", "the Ukrainians", "de
//! Turken", "the Israelis") are its forces; without the article ("Thousands of Ukrainians have
//! fled") they are people, and no side. Every text was written for these tests.

mod common;

use controlmap::app::load_world;

#[test]
fn a_plural_demonym_with_the_article_is_the_states_side_and_without_it_no_side() {
    let world = load_world(None).expect("the built-in geodata loads");
    let cases: &[(&str, &str, &[&str])] = &[
        ("The Russians were driven out of Kherson in November.", "en", &["Kherson russia lost"]),
        ("The Ukrainians still hold Kupiansk.", "en", &["Kupyansk ukraine holds"]),
        ("The Turks and their Syrian allies took Afrin in March.", "en", &["Afrin turkey captured"]),
        ("De Turken namen in maart Afrin in.", "nl", &["Afrin turkey captured"]),
        ("The Israelis have taken Khan Younis.", "en", &["Khān Yūnis israel captured"]),
        ("De Azerbeidzjanen heroverden Fuzuli.", "nl", &["Fuzuli azerbaijan captured"]),
        ("Thousands of Ukrainians have fled Bakhmut.", "en", &[]),
    ];
    for (sentence, lang, want) in cases {
        let text = format!(" date 2023-05-21\n\n{sentence}\n");
        let got: Vec<String> = common::extract_claims(&world, &text, lang)
            .iter()
            .map(|c| format!("{} {} {}", c.place_text, c.holder, c.event))
            .collect();
        assert_eq!(got, *want, "{sentence}");
    }
}
