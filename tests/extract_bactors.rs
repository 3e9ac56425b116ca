//! Whole-binary tests of branch `bactors` (issue 10): the side of a claim written as a pronoun,
//! a description that refers back to a side named before, or a military unit noun. Dutch "het"
//! right after a finite verb is a pronoun when what follows cannot stand after an article (an
//! article, a town's name, an adverb before either); "de groep", "de beweging", "de alliantie",
//! "the group", "the alliance" are the last armed group (no government) named; "het garnizoen",
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
                &["Avdiivka russia captured -", "Avdiivka russia holds -"],
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
fn a_group_description_is_the_last_armed_group_named() {
    check(
        "nl",
        &[
            (
                "Het MNDAA nam in januari Laukkai in. In het westen rukte het Arakan-leger op. In februari nam de groep Kyauktaw in.",
                &["Laukkai mndaa captured -", "Kyauktaw arakan-army captured -"],
            ),
            (
                "De SDF rukten in de zomer op naar Raqqa. In oktober had de beweging de stad volledig in handen.",
                &["Raqqa sdf holds -"],
            ),
            // "een groep inwoners" is no side
            ("Een groep inwoners keerde vrijdag terug naar Lashio.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "The MNDAA took Laukkai in January. The Arakan Army advanced in Rakhine. The group captured Kyauktaw in February.",
                &["Laukkai mndaa captured -", "Kyauktaw arakan-army captured -"],
            ),
            (
                "The Syrian Democratic Forces advanced on Manbij. The alliance took the town in August.",
                &["Manbij sdf captured -"],
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
