//! Whole-binary tests of branch `xactor` (issue 10): who holds or takes a place. Generic nouns
//! resolved by the country and by what the article tied them to ("Arakan Army rebels ... the
//! rebels", "rebels led by HTS ... the insurgents", "the separatists" in Azerbaijan, "insurgents"
//! in Iraq, "de milities"), the defender of a siege by a side the article never showed against
//! one, a town at a sentence start whose cue follows at once ("Kreminna fell to"), and "zij",
//! "they" as the previous sentence's subject. Uses the repository's geodata; every sentence is
//! written for these tests (none from an article or the development set), with negatives.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn generic_nouns_take_the_side_of_the_country() {
    check(
        "en",
        &[
            ("The separatists lost Fuzuli to Azerbaijan in October.", &["Fuzuli artsakh lost azerbaijan"]),
            ("Insurgents seized the town of Rutba in western Iraq in May.", &["Rutba is captured -"]),
            ("The militias took the town of Tuz Khurmatu in Iraq in May.", &["Tuz Khurmatu pmf captured -"]),
            // no table entry for the country: no side rather than a wrong one
            ("The separatists took the town of Kramatorsk in May.", &[]),
            ("Insurgents attacked a checkpoint near the town of Rutba in May.", &[]),
        ],
    );
    check(
        "nl",
        &[
            ("De separatisten verloren in oktober Fuzuli aan Azerbeidzjan.", &["Fuzuli artsakh lost azerbaijan"]),
            ("Opstandelingen namen in mei de Iraakse stad Rutba in.", &["Rutba is captured -"]),
            ("De milities namen in mei de Iraakse stad Tuz Khurmatu in.", &["Tuz Khurmatu pmf captured -"]),
            ("Karabach-Armeense strijders hebben in mei Shusha ingenomen.", &["Shusha artsakh captured -"]),
        ],
    );
}

#[test]
fn a_description_tied_to_a_side_names_it_later() {
    check(
        "en",
        &[
            (
                "Arakan Army rebels captured Mrauk U in January. Kyauktaw fell to the rebels in February.",
                &["Mrauk U arakan-army captured -", "Kyauktaw arakan-army captured -"],
            ),
            // the rebels tied to no side, in a country whose table has none: no claim
            ("Kyauktaw fell to the rebels in February.", &[]),
            (
                "Rebels led by HTS captured Idlib in March. In May the insurgents seized Saraqib.",
                &["Idlib hts captured -", "Saraqib hts captured -"],
            ),
            (
                "Stepanakert, which ethnic Armenian fighters had held since 1994, was surrounded by government troops.",
                &["Khankendi artsakh holds -", "Khankendi artsakh besieged azerbaijan"],
            ),
        ],
    );
}

#[test]
fn a_siege_by_a_side_with_no_known_opponent_is_of_the_government() {
    check(
        "en",
        &[(
            // the front names no defender (the capture names no loser); the side named most
            // besides the besiegers would be the Arakan Army, an ally, as often as the junta
            "The Myanmar junta called for talks in January. The Arakan Army captured Mrauk U in February. \
             In March Kyauktaw was besieged by resistance forces.",
            &["Mrauk U arakan-army captured -", "Kyauktaw myanmar-junta besieged myanmar-resistance"],
        )],
    );
}

#[test]
fn a_town_at_the_start_with_its_cue_right_after_it() {
    check(
        "en",
        &[
            ("Kreminna fell to the Russian army in May.", &["Kreminna russia captured -"]),
            ("Bakhmut was captured by Russian forces in May.", &["Bakhmut russia captured -"]),
            // a word that is also a place name: no town
            ("Hope fell to its lowest point in May.", &[]),
            ("Reading was taken up again by the students in May.", &[]),
        ],
    );
}

#[test]
fn a_pronoun_is_the_previous_subject() {
    check(
        "nl",
        &[(
            "Het Soedanese leger heeft in mei Omdurman heroverd op de RSF. Zij namen in juni ook Bahri in.",
            &["Omdurman saf captured rsf", "Khartoum North saf captured -"],
        )],
    );
    // a generic subject, resolved by the country of the sentence's place
    check(
        "nl",
        &[(
            "Het leger heroverde in mei Fallujah op IS. Zij namen in juni ook Ramadi in.",
            &["Fallujah iraqi-gov captured is", "Ramadi iraqi-gov captured -"],
        )],
    );
    check(
        "en",
        &[
            (
                "The Sudanese army retook Omdurman from the RSF in May. They took Bahri in June.",
                &["Omdurman saf captured rsf", "Khartoum North saf captured -"],
            ),
            // the only side named is after a preposition: it is still the one "they" means
            (
                "Kreminna fell to the Russian army in May. They took Lyman in June.",
                &["Kreminna russia captured -", "Lyman russia captured -"],
            ),
            // a source is not the subject, however late it is named
            (
                "Kreminna fell to the Russian army in May, Ukraine said. They took Lyman in June.",
                &["Kreminna russia captured -", "Lyman russia captured -"],
            ),
        ],
    );
}

#[test]
fn a_determiner_before_the_side_keeps_its_preposition() {
    // "dezelfde", "beide", "verschillende", "the same", "both": the side after them is still the
    // object of "in handen van", "door", "to", "by" (before, "the same rebels" read as the loser).
    check(
        "nl",
        &[
            (
                "De Koerdische YPG hield Manbij. Manbij viel zondag in handen van dezelfde rebellen van het SNA.",
                &["Manbij sdf holds -", "Manbij syrian-opposition captured sdf"],
            ),
            ("Manbij werd zondag door diezelfde HTS-strijders ingenomen.", &["Manbij hts captured -"]),
            ("Hama werd donderdag door strijders van HTS ingenomen.", &["Hama hts captured -"]),
        ],
    );
    check(
        "en",
        &[
            ("Manbij fell on Sunday to the same HTS fighters.", &["Manbij hts captured -"]),
            ("Manbij was taken in May by both HTS and its allies.", &["Manbij hts captured -"]),
        ],
    );
}

#[test]
fn members_of_a_side_take_the_role_of_their_noun() {
    // "strijders van het SNA" after "in handen van", "fighters of the SNA" after "fell to": the
    // side is the taker (before, the side after the members noun read as the loser).
    check(
        "nl",
        &[
            ("Manbij viel zondag in handen van strijders van het SNA.", &["Manbij syrian-opposition captured -"]),
            ("Manbij viel in handen van de rebellen van het SNA.", &["Manbij syrian-opposition captured -"]),
            ("Hama is in handen gevallen van eenheden van HTS.", &["Hama hts captured -"]),
        ],
    );
    check(
        "en",
        &[
            ("Manbij fell on Sunday to fighters of the SNA.", &["Manbij syrian-opposition captured -"]),
            ("Hama was captured by fighters of HTS on Thursday.", &["Hama hts captured -"]),
            ("Homs remains in the hands of fighters of HTS.", &["Homs hts holds -"]),
        ],
    );
}

#[test]
fn an_adjective_before_and_shares_the_noun_of_the_side_after_it() {
    // "het Syrische en het Russische leger": two armies, not one; before, only the second was a side.
    check(
        "nl",
        &[
            (
                "Het Syrische en het Russische leger heroverden Palmyra in maart.",
                &["Palmyra syrian-gov captured -", "Palmyra russia captured -"],
            ),
            (
                "In Marjinka wordt nog gevochten tussen Russische en Oekraïense soldaten.",
                &["Mar'yinka russia contested ukraine"],
            ),
            // No side of its own with the noun: nothing added.
            ("Koerdische en Arabische burgers ontvluchtten Raqqa in juni.", &[]),
        ],
    );
}

#[test]
fn a_possessive_before_hands_is_the_side_named_before() {
    check(
        "nl",
        &[
            (
                "Het Soedanese leger verdedigde Singa wekenlang. De RSF rukten op naar de stad. Zaterdag viel Singa in hun handen.",
                &["Singa saf holds -", "Singa saf contested rsf", "Singa rsf captured saf"],
            ),
            (
                "Russische troepen namen in februari Avdiivka in. Sindsdien is de stad in hun handen.",
                &["Avdiyivka russia captured -", "Avdiyivka russia holds -"],
            ),
        ],
    );
    check(
        "en",
        &[
            (
                "The Sudanese army defended Singa for weeks. The RSF advanced on the town. On Saturday Singa fell into their hands.",
                &["Singa saf holds -", "Singa saf contested rsf", "Singa rsf captured saf"],
            ),
            (
                "The Sudanese army defended Singa for weeks. The RSF advanced on the town. On Saturday Singa fell into its hands.",
                &["Singa saf holds -", "Singa saf contested rsf", "Singa rsf captured saf"],
            ),
        ],
    );
    // "zijn handen": the singular possessive, for a side written as one group
    check(
        "nl",
        &[(
            "Het Malinese leger verdedigde Kidal maandenlang. Het CSP rukte op naar de stad. Op zaterdag viel Kidal in zijn handen.",
            &["Kidal mali-gov holds -", "Kidal mali-gov contested csp", "Kidal csp captured mali-gov"],
        )],
    );
}
