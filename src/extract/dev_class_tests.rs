//! Table-driven tests of the classes added for the development set's misses (issue 10):
//! entering a town, sites standing for their town, one row for a change told from both sides,
//! offensives named as past events, descriptions tied to a side, an advance reported in the
//! passive, possessive country names, denials, defending a town, and a siege word that refers
//! back. Every sentence is written for these tests; each class has negative sentences (places
//! and actors, no claim) beside the positive ones.

use crate::extract::tests::check;

#[test]
fn entering_a_town_is_taking_it() {
    check(
        "en",
        &[
            ("Syrian troops entered Palmyra on Saturday.", &["2017-10-14 palmyra syrian-gov captured"]),
            ("Iraqi forces marched into Baiji in October 2014.", &["2014-10 baiji iraqi-gov captured"]),
            // no town as the object: no claim
            ("Syrian troops entered talks in Manbij on Saturday.", &[]),
        ],
    );
    check(
        "nl",
        &[
            ("Het Syrische leger is zaterdag Palmyra binnengetrokken.", &["2017-10-14 palmyra syrian-gov captured"]),
            ("Iraakse troepen trokken in juli Baiji binnen.", &["2017-07 baiji iraqi-gov captured"]),
            ("Het Syrische leger trok zich in juli terug naar de kazernes.", &[]),
        ],
    );
}

#[test]
fn a_site_stands_for_its_town_without_a_name_after_it() {
    check(
        "nl",
        &[
            // the town in a fronted locative; hedged
            (
                "Ook in Tabqa zou de luchtmachtbasis door de SDF zijn bezet.",
                &["2017-10-16 tabqa sdf captured [hedged]"],
            ),
            // the town after a direction phrase
            (
                "Het vliegveld en de kazerne ten oosten van Baiji zijn in handen gevallen van IS.",
                &["2017-10-16 baiji is captured"],
            ),
            // a site with no town known: no claim
            ("Het leger nam het vliegveld in.", &[]),
            // no cue: no claim
            ("Ingenieurs herstelden de brug bij Tabqa.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "The airport and the barracks north of Baiji fell to the militants, a commander said.",
                &["2017-10-16 baiji is captured [claimed]"],
            ),
            // a direction before the site noun says which site, not a part of the town
            ("The SDF seized the northern airbase in Tabqa in May.", &["2017-05 tabqa sdf captured"]),
            ("Engineers repaired the dam near Tabqa in May.", &[]),
        ],
    );
}

#[test]
fn a_change_told_from_both_sides_is_one_capture() {
    check(
        "en",
        &[(
            "Palmyra fell to IS in May 2015 after government troops pulled out of the town.",
            &["2015-05 palmyra is captured syrian-gov"],
        )],
    );
    check(
        "nl",
        &[
            (
                "De SDF nam in juni Kobani in, nadat IS zich uit de stad had teruggetrokken.",
                &["2017-06 kobani sdf captured is"],
            ),
            // a loss of one town and a capture of another stay two rows
            (
                "IS trok zich in juni terug uit Baiji. De SDF veroverde in juli Tabqa.",
                &["2017-06 baiji is lost", "2017-07 tabqa sdf captured"],
            ),
        ],
    );
}

#[test]
fn an_offensive_named_as_a_past_event_is_no_aim() {
    check(
        "nl",
        &[
            (
                "Sinds het begin van het offensief hebben de Koerden ook Tabqa veroverd.",
                &["2017-10-16 tabqa sdf captured"],
            ),
            // an aim stays an aim
            ("Het leger wil met een nieuw offensief Baiji heroveren.", &[]),
            ("Het offensief om Baiji te heroveren is begonnen.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "Since the start of the offensive Iraqi forces have retaken Baiji.",
                &["2017-10-16 baiji iraqi-gov captured"],
            ),
            ("The army launched an offensive to retake Baiji.", &[]),
        ],
    );
}

#[test]
fn a_description_tied_to_a_side_names_it_for_the_rest_of_the_article() {
    check(
        "en",
        &[
            (
                "Rebels led by Hayat Tahrir al-Sham took Manbij in March. In April the rebels also seized Tabqa.",
                &["2017-03 manbij hts captured", "2017-04 tabqa hts captured"],
            ),
            // without the tie, rebels are the Syrian opposition
            ("In April the rebels seized Tabqa.", &["2017-04 tabqa syrian-opposition captured"]),
        ],
    );
    check(
        "nl",
        &[(
            "Rebellen van HTS namen in maart Manbij in. In april veroverden de rebellen ook Tabqa.",
            &["2017-03 manbij hts captured", "2017-04 tabqa hts captured"],
        )],
    );
}

#[test]
fn a_passive_capture_in_an_advance_goes_to_the_advancing_side() {
    check(
        "en",
        &[
            (
                "Iraqi forces retook Tikrit in March. Baiji was taken in April.",
                &["2017-03 tikrit iraqi-gov captured", "2017-04 baiji iraqi-gov captured"],
            ),
            // with nobody taking places before, the side named last lost it
            ("IS held Baiji. Baiji was taken in April.", &["2017-10-16 baiji is holds", "2017-04 baiji is lost"]),
        ],
    );
}

#[test]
fn possessive_country_names_and_denials() {
    check(
        "en",
        &[
            (
                "Turkey's defence minister said his troops had captured Manbij in March.",
                &["2017-03 manbij turkey captured [claimed]"],
            ),
            ("Russia's foreign minister visited Raqqa on Monday.", &[]),
            ("Iraqi officials denied that Baiji had fallen.", &[]),
        ],
    );
    check("nl", &[("Het leger ontkende dat Baiji was gevallen.", &[])]);
}

#[test]
fn defending_a_town_is_holding_it() {
    check(
        "nl",
        &[
            ("Kobani wordt verdedigd door Koerdische strijders.", &["2017-10-16 kobani sdf holds"]),
            ("De minister verdedigde het plan in Kirkuk.", &[]),
        ],
    );
    check("en", &[("Kurdish fighters still defend Kobani.", &["2017-10-16 kobani sdf holds"])]);
}

#[test]
fn a_word_that_refers_back_belongs_to_the_nearest_frame() {
    check(
        "nl",
        &[(
            "Deir ez-Zor is in handen van het Syrische leger. In juni bracht IS de dorpen rond Deir ez-Zor onder zijn gezag en omsingelde het de stad.",
            &["2017-10-16 deir-ez-zor syrian-gov holds", "2017-06 deir-ez-zor syrian-gov besieged is"],
        )],
    );
}

#[test]
fn the_items_of_a_list_after_a_colon_share_its_frame() {
    check(
        "en",
        &[
            (
                "The army listed the towns retaken so far: Tikrit and Baiji, north of Baghdad; Ramadi, with its dam; and Fallujah.",
                &[
                    "2017-10-16 tikrit iraqi-gov captured [claimed]",
                    "2017-10-16 baiji iraqi-gov captured [claimed]",
                    "2017-10-16 ramadi iraqi-gov captured [claimed]",
                    "2017-10-16 fallujah iraqi-gov captured [claimed]",
                ],
            ),
            // a list after a colon with no frame before it: no claim
            ("Reporters visited three towns: Tikrit; Baiji; and Ramadi.", &[]),
        ],
    );
    check(
        "nl",
        &[(
            "IS heeft deze plaatsen veroverd: Sinjar; Baiji, met zijn raffinaderij; en Tal Afar.",
            &["2017-10-16 sinjar is captured", "2017-10-16 baiji is captured", "2017-10-16 tal-afar is captured"],
        )],
    );
}

#[test]
fn reporting_verbs_and_expectations_set_the_modality() {
    check(
        "nl",
        &[
            ("Volgens Koerdische bronnen veroverde IS in juni Sinjar.", &["2017-06 sinjar is captured [claimed]"]),
            (
                "Een commandant bevestigde dat de SDF Tabqa in mei had ingenomen.",
                &["2017-05 tabqa sdf captured [claimed]"],
            ),
        ],
    );
    check(
        "en",
        &[
            ("A spokesman confirmed that the SDF had taken Tabqa in May.", &["2017-05 tabqa sdf captured [claimed]"]),
            (
                "Officials expect Hawija to fall to Iraqi forces within weeks.",
                &["2017-10-16 hawija iraqi-gov captured [expected]"],
            ),
        ],
    );
}

#[test]
fn an_offensive_placed_by_a_landmark_is_not_about_the_last_place() {
    check(
        "en",
        &[
            (
                "Iraqi forces retook Tikrit in March. The offensive began in the desert west of Baiji.",
                &["2017-03 tikrit iraqi-gov captured"],
            ),
            // with no place in its clause, the offensive is about the last place told
            (
                "IS holds Hawija. The offensive began on Sunday.",
                &["2017-10-16 hawija is holds", "2017-10-15 hawija is contested"],
            ),
        ],
    );
}

#[test]
fn falling_into_a_sides_hands() {
    check(
        "nl",
        &[
            ("Het dorp Baiji viel in het voorjaar in Iraakse handen.", &["2017-03/2017-05 baiji iraqi-gov captured"]),
            ("Manbij viel in januari in Turkse handen.", &["2017-01 manbij turkey captured"]),
            // a fight in a town is no fall into hands: the side fought against defends it
            // (branch droles: "vochten ... tegen" is a fight cue, as the devset gold reads it)
            ("In Baiji vochten Iraakse soldaten tegen IS.", &["2017-10-16 baiji is contested iraqi-gov"]),
        ],
    );
    check("en", &[("Baiji fell into Iraqi hands in March.", &["2017-03 baiji iraqi-gov captured"])]);
}
