//! Table-driven tests of claims about a country (in part or as a whole) and of provinces named
//! with their noun ([`crate::extract::extent`]). Every sentence is written for these tests; the
//! negative ones name countries and actors but state no claim about a country.

use crate::extract::tests::{check, claims_with};

#[test]
fn dutch_a_part_of_a_country_is_partial() {
    check(
        "nl",
        &[
            // a partial word with "van" before the country
            ("Turkse troepen bezetten in maart delen van Syrië.", &["2017-03 country:SY turkey partial"]),
            ("IS controleerde in 2015 een groot deel van Irak.", &["2015 country:IQ is partial"]),
            // a land noun with "in" and the country, either order
            (
                "Russische troepen hebben in maart gebieden in Oekraïne veroverd.",
                &["2017-03 country:UA russia partial"],
            ),
            ("IS verliest terrein in Irak.", &["2017-10-16 country:IQ is partial"]),
            ("In Syrië wordt steeds meer grondgebied heroverd op IS.", &["2017-10-16 country:SY is partial"]),
            // the land noun before a relative clause that names the country
            ("Het gebied dat de SDF in Syrië controleert, is sterk gegroeid.", &["2017-10-16 country:SY sdf partial"]),
            // two countries joined by "en" share the extent
            (
                "De jihadisten veroverden in 2014 grote gebieden in Irak en Syrië.",
                &["2014 country:IQ is partial", "2014 country:SY is partial"],
            ),
        ],
    );
}

#[test]
fn dutch_what_is_left_in_a_country_and_a_country_wholly_free() {
    let left = claims_with("In Irak heeft IS alleen nog Hawija in handen.", Some("2017-10-16"), "nl");
    assert!(left.contains(&"2017-10-16 country:IQ is partial".to_string()), "{left:?}");
    assert!(left.contains(&"2017-10-16 hawija is holds".to_string()), "{left:?}");
    check(
        "nl",
        &[
            ("Heel Irak is nu vrij van IS, zei de premier.", &["2017-10-16 country:IQ is lost [claimed]"]),
            ("Tikrit is sinds gisteren vrij van IS.", &["2017-10-15 tikrit is lost"]),
        ],
    );
}

#[test]
fn little_land_left_in_countries_named_in_a_list() {
    check(
        "nl",
        &[
            (
                "Nu rest IS nog weinig grondgebied in Irak en ook in Syrië.",
                &["2017-10-16 country:IQ is partial", "2017-10-16 country:SY is partial"],
            ),
            // no land noun: what is left is not land
            ("Het leger heeft in Irak nog één brigade over.", &[]),
            // no land left at all: the whole country is lost
            ("IS controleert geen grondgebied meer in Syrië.", &["2017-10-16 country:SY is lost"]),
        ],
    );
    check(
        "en",
        &[
            (
                "IS has little territory left in Iraq and in Syria.",
                &["2017-10-16 country:IQ is partial", "2017-10-16 country:SY is partial"],
            ),
            ("Iraq has few allies left in the region.", &[]),
            ("IS no longer holds any territory in Iraq.", &["2017-10-16 country:IQ is lost"]),
        ],
    );
}

#[test]
fn english_a_part_of_a_country_and_the_whole() {
    check(
        "en",
        &[
            ("Islamic State seized large parts of Iraq in 2014.", &["2014 country:IQ is partial"]),
            ("The jihadists are losing ground in Syria.", &["2017-10-16 country:SY is partial"]),
            ("Turkish troops captured territory in Syria in January.", &["2017-01 country:SY turkey partial"]),
            ("All of Iraq is now free of IS, the prime minister said.", &["2017-10-16 country:IQ is lost [claimed]"]),
        ],
    );
}

#[test]
fn provinces_named_with_their_noun_are_regions() {
    check(
        "nl",
        &[(
            "Het Syrische leger begon in september een offensief tegen IS in de provincie Raqqa.",
            &["2017-09 region:sy-raqqa-governorate is contested syrian-gov"],
        )],
    );
    check(
        "en",
        &[
            (
                "Syrian government forces launched an offensive against IS in Deir ez-Zor province in September.",
                &["2017-09 region:sy-deir-ez-zor-governorate is contested syrian-gov"],
            ),
            (
                "IS still controls most of the province of Raqqa.",
                &["2017-10-16 region:sy-raqqa-governorate is partial"],
            ),
        ],
    );
}

#[test]
fn a_country_only_named_gives_no_country_claim() {
    let dutch: &[(&str, &[&str])] = &[
        // a demonym names the side, not the country
        ("Het Iraakse leger heroverde in juli Tal Afar.", &["2017-07 tal-afar iraqi-gov captured"]),
        ("Syrische troepen vochten vorige week in Syrië tegen IS.", &[]),
        // where a town lies
        ("Mosul in Irak viel in juni 2014 in handen van IS.", &["2014-06 mosul is captured"]),
        // a bare country with a capture verb: no extent stated
        ("Russische troepen trokken in februari Oekraïne binnen.", &[]),
        ("De oorlog in Syrië duurt al jaren.", &[]),
        // a direction glued to the country says where, not how much
        ("IS trok zich terug naar de woestijn in Oost-Syrië.", &[]),
        // a town in a province that is not named with its noun stays the town
        ("Het Syrische leger heroverde in november de stad Raqqa.", &["2016-11 raqqa syrian-gov captured"]),
    ];
    check("nl", dutch);
    let english: &[(&str, &[&str])] = &[
        ("Syrian forces retook Palmyra in March.", &["2017-03 palmyra syrian-gov captured"]),
        ("The war in Syria has driven millions from their homes.", &[]),
        ("Iraqi troops entered Syria last week.", &[]),
        ("Turkish officials met their Iraqi counterparts in Baghdad.", &[]),
    ];
    check("en", english);
}

#[test]
fn regions_by_name_and_provinces_take_holds_parts_and_captures() {
    check(
        "nl",
        &[
            ("De Peshmerga controleren Iraaks Koerdistan.", &["2017-10-16 region:iraqi-kurdistan kurdistan holds"]),
            (
                "IS heeft nog delen van de Eufraatvallei in handen.",
                &["2017-10-16 region:middle-euphrates-valley is partial"],
            ),
            (
                "De Syrische Democratische Strijdkrachten veroverden in juni delen van de provincie Raqqa.",
                &["2017-06 region:sy-raqqa-governorate sdf partial"],
            ),
        ],
    );
    check(
        "en",
        &[
            (
                "Iraqi forces retook the disputed territories from the Peshmerga in October.",
                &["2017-10 region:disputed-territories iraqi-gov captured kurdistan"],
            ),
            ("The SDF captured parts of Raqqa province in June.", &["2017-06 region:sy-raqqa-governorate sdf partial"]),
        ],
    );
}
