//! Table-driven tests of the weak classes of issue 10 (branch `xsiege`): sieges whose defender
//! is only named elsewhere in the sentence, sieges lifted, blockades, entering part of a town,
//! fears and passive infinitives that state nothing, and "within days" told in the past. Every
//! sentence is written for these tests (none from an article or the development set), with
//! negatives: places and sides named with no claim.

use crate::extract::tests::check;

#[test]
fn a_siege_whose_defender_is_named_only_elsewhere_in_the_sentence() {
    check(
        "nl",
        &[
            // the garrison after the semicolon names the besieged side (the country's army)
            (
                "IS heeft Deir ez-Zor omsingeld; het garnizoen van het Syrische leger wordt uit de lucht bevoorraad.",
                &["2017-10-16 deir-ez-zor syrian-gov besieged is"],
            ),
            // nobody named as defender: no claim (a town in Syria is as often a militia's)
            ("IS heeft Kobani omsingeld.", &[]),
            // the besieger is the country's own army: the defender stays unknown
            ("Het Syrische leger heeft Raqqa omsingeld; het leger rukt verder op.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "IS has encircled Deir ez-Zor, where Syrian troops are supplied by air.",
                &["2017-10-16 deir-ez-zor syrian-gov besieged is"],
            ),
            ("IS has encircled Kobani.", &[]),
        ],
    );
}

#[test]
fn a_blockade_or_a_town_under_siege_is_a_siege() {
    check(
        "en",
        &[
            (
                "The Syrian army holds Deir ez-Zor. IS has kept the city under blockade since 2014.",
                // a state since a year: the range up to the article date
                &["2017-10-16 deir-ez-zor syrian-gov holds", "2014/2017-10-16 deir-ez-zor syrian-gov besieged is"],
            ),
            (
                "The Syrian army holds Deir ez-Zor. IS has blockaded Deir ez-Zor for months.",
                &["2017-10-16 deir-ez-zor syrian-gov holds", "2017-10-16 deir-ez-zor syrian-gov besieged is"],
            ),
            // a blockade of goods, no place: nothing
            ("IS announced a blockade of fuel on Monday.", &[]),
        ],
    );
    check(
        "nl",
        &[(
            "Het Syrische leger houdt Deir ez-Zor in handen. IS houdt de stad sinds 2014 onder beleg.",
            &["2017-10-16 deir-ez-zor syrian-gov holds", "2014/2017-10-16 deir-ez-zor syrian-gov besieged is"],
        )],
    );
}

#[test]
fn a_siege_lifted_is_a_hold_by_the_besieged_side() {
    check(
        "en",
        &[
            // the besieger lifts its own siege: the defender keeps the town
            (
                "Kurdish fighters hold Kobani. IS besieged the town for months. In January the militants lifted their siege of Kobani.",
                &["2017-10-16 kobani sdf holds", "2017-10-16 kobani sdf besieged is", "2017-01 kobani sdf holds is"],
            ),
            // nothing says who was besieged: no claim
            ("The militants lifted their siege of Kobani in January.", &[]),
        ],
    );
    check(
        "nl",
        &[
            (
                "Het Syrische leger verdedigt Deir ez-Zor. IS heeft de stad omsingeld. In september werd het beleg van Deir ez-Zor opgeheven.",
                &[
                    "2017-10-16 deir-ez-zor syrian-gov holds",
                    "2017-10-16 deir-ez-zor syrian-gov besieged is",
                    "2017-09 deir-ez-zor syrian-gov holds is",
                ],
            ),
            // relieved by a side named as agent: that side holds it
            (
                "In september werd de belegering van Deir ez-Zor door het Syrische leger beëindigd.",
                &["2017-09 deir-ez-zor syrian-gov holds"],
            ),
        ],
    );
}

#[test]
fn entering_part_of_a_town_is_a_partial_hold_for_the_side_that_entered() {
    check(
        "nl",
        &[
            (
                "IS heeft Manbij in handen. Gisteren drongen de SDF de oostelijke wijken van Manbij binnen.",
                &["2017-10-16 manbij is holds", "2017-10-15 manbij sdf partial is"],
            ),
            ("De SDF bereikten zondag de buitenwijken van Raqqa.", &["2017-10-15 raqqa sdf partial"]),
            // no side named, or no part: nothing
            ("Hulpkonvooien bereikten zondag de rand van Raqqa.", &[]),
            ("Duizenden vluchtelingen bereikten gisteren Tabqa.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "IS holds Tabqa. SDF fighters pushed into the northern parts of Tabqa on Sunday.",
                &["2017-10-16 tabqa is holds", "2017-10-15 tabqa sdf partial is"],
            ),
            ("The SDF reached the outskirts of Raqqa on Monday.", &["2017-10-16 raqqa sdf partial"]),
            ("Aid convoys reached the outskirts of Raqqa on Monday.", &[]),
            ("Refugees from Mosul reached Kirkuk on Monday.", &[]),
        ],
    );
}

#[test]
fn fears_threats_and_passive_infinitives_state_no_siege() {
    check(
        "nl",
        &[
            ("Bewoners vrezen dat IS Kirkuk binnenkort omsingelt.", &[]),
            ("Nu dreigt Tabqa, aan de overkant van de rivier, door de SDF te worden ingesloten.", &[]),
            ("De gouverneur ontkende zondag dat Kirkuk was omsingeld.", &[]),
        ],
    );
    check(
        "en",
        &[
            ("Residents fear that IS will encircle Kirkuk.", &[]),
            ("The governor denied on Sunday that Kirkuk was encircled.", &[]),
            ("Tabqa is likely to be encircled by the SDF, officials warned.", &[]),
        ],
    );
}

#[test]
fn within_days_told_in_the_past_is_a_fact() {
    check(
        "en",
        &[
            ("Within days IS had captured Tal Afar.", &["2017-10-16 tal-afar is captured"]),
            ("Officials expect IS to lose Tal Afar within days.", &["2017-10-16 tal-afar is lost [expected]"]),
        ],
    );
}

#[test]
fn two_towns_and_the_opposition() {
    check(
        "nl",
        &[
            (
                "IS verloor vorige week Tabqa en Manbij. De twee steden werden door de SDF ingenomen.",
                &[
                    "2017-10-09/2017-10-15 tabqa is lost",
                    "2017-10-09/2017-10-15 manbij is lost",
                    "2017-10-16 tabqa sdf captured",
                    "2017-10-16 manbij sdf captured",
                ],
            ),
            // a number without the article names no towns told before
            (
                "De SDF namen Raqqa in. Twee steden in het zuiden werden gebombardeerd.",
                &["2017-10-16 raqqa sdf captured"],
            ),
            ("De oppositie heeft delen van Manbij in handen.", &["2017-10-16 manbij syrian-opposition partial"]),
            // "houdt nog" is no hold cue: it would read "houdt nog rekening met" as one
            ("Het Syrische leger houdt nog rekening met aanvallen op Deir ez-Zor.", &[]),
        ],
    );
    check(
        "en",
        &[(
            "Last week IS lost Tabqa and Manbij. The two towns were taken by the SDF.",
            &[
                "2017-10-09/2017-10-15 tabqa is lost",
                "2017-10-09/2017-10-15 manbij is lost",
                "2017-10-16 tabqa sdf captured",
                "2017-10-16 manbij sdf captured",
            ],
        )],
    );
}

#[test]
fn a_place_that_remains_in_a_sides_hands_is_held() {
    check(
        "en",
        &[
            ("Most of Tabqa remains in Syrian hands.", &["2017-10-16 tabqa syrian-gov partial"]),
            (
                "Deir ez-Zor is still in Syrian hands, officials said.",
                &["2017-10-16 deir-ez-zor syrian-gov holds [claimed]"],
            ),
            // people staying somewhere hold nothing
            ("Thousands of civilians remain in Raqqa.", &[]),
        ],
    );
    check(
        "nl",
        &[
            ("Tabqa blijft in handen van IS.", &["2017-10-16 tabqa is holds"]),
            ("Deir ez-Zor is nog in Syrische handen.", &["2017-10-16 deir-ez-zor syrian-gov holds"]),
            ("Veel burgers blijven in Raqqa.", &[]),
        ],
    );
}
