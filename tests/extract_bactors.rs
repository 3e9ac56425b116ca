//! Whole-binary tests of branch `bactors` (issue 10): the side of a claim written as a pronoun,
//! a description that refers back to a side named before, or a military unit noun. Dutch "het"
//! right after a finite verb is a pronoun when what follows cannot stand after an article (an
//! article, a town's name, an adverb before either); "de groep", "de beweging", "de alliantie",
//! "the group", "the alliance" are the armed group (no government) the article names most; "het garnizoen",
//! "het commando", "the garrison" with no owner are the government of the place's country. Uses
//! the repository's geodata; every sentence is written for these tests (none from an article or
//! the development set), with negatives.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn dutch_het_after_a_finite_verb_is_the_side_named_before() {
    check(
        "nl",
        &[
            (
                "Het Russische leger nam in februari Avdiivka in, en sindsdien houdt het de stad bezet.",
                &["Avdiyivka russia captured -", "Avdiyivka russia holds -"],
            ),
            (
                "Het Azerbeidzjaanse leger rukte in 2020 op naar Lachin. Op 8 november nam het ook Sjoesja in.",
                &["Shusha azerbaijan captured -"],
            ),
            (
                "Het MNDAA veroverde in januari Laukkai. Sindsdien heeft het Laukkai volledig in handen.",
                &["Laukkai mndaa captured -", "Laukkai mndaa holds -"],
            ),
            // "het" before an adjective and a name, or before a noun, is an article
            ("Sindsdien is het Oekraïense Kostjantynivka zwaar beschadigd.", &[]),
            ("In Lyman heeft het station zware schade opgelopen.", &[]),
        ],
    );
}

#[test]
fn a_group_description_is_the_armed_group_the_article_names() {
    check(
        "nl",
        &[
            (
                "Het Arakan-leger verdreef in januari het leger uit Paletwa. In februari nam de groep Kyauktaw in.",
                &["Kyauktaw arakan-army captured -"],
            ),
            (
                "De Toeareg-rebellen van de CSP verloren Kidal aan het Malinese leger. De beweging had Kidal sinds 2014 in handen.",
                &["Kidal csp lost mali-gov", "Kidal csp holds -"],
            ),
            // "een groep inwoners" is no side
            ("Een groep inwoners keerde vrijdag terug naar Lashio.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "The Arakan Army fought the military in Rakhine. The group captured Kyauktaw in February.",
                &["Kyauktaw arakan-army captured -"],
            ),
            (
                "The Syrian Democratic Forces were formed in 2015. The alliance took Manbij from the Islamic State in August.",
                &["Manbij sdf captured is"],
            ),
        ],
    );
}

#[test]
fn a_unit_noun_with_no_owner_is_the_government_of_the_place() {
    check(
        "nl",
        &[
            (
                "De rebellen van het MNDAA namen zondag Laukkai in. Het regionale commando in de stad gaf zich over.",
                &["Laukkai mndaa captured -", "Laukkai myanmar-junta lost mndaa"],
            ),
            ("Het garnizoen van Goma heeft zich overgegeven aan M23.", &["Goma drc-gov lost m23"]),
            ("In Avdiivka houdt het garnizoen nog stand.", &["Avdiyivka ukraine holds -"]),
            // an owner named keeps its side
            ("Het Russische garnizoen trok zich in november terug uit Cherson.", &["Kherson russia lost -"]),
        ],
    );
    check(
        "en",
        &[
            ("The garrison in Sake surrendered to the M23 rebels on Sunday.", &["Sake drc-gov lost m23"]),
            // residents who flee are no side
            ("Thousands of residents fled Goma; they found shelter in Gisenyi.", &[]),
        ],
    );
}
