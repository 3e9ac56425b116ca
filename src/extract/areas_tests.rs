//! Table-driven tests of the region and possession classes of branch `xregions` (issue 10):
//! region phrases by feature and country ("de woestijngebieden in Oost-Syrië en West-Irak"),
//! sweeps told as under way ("bezig om ... uit te kammen"), a title noun with no owner
//! in its clause ("het enige andere bolwerk is X"), and all positions of a side destroyed; with
//! sentences that name places and sides but state no such claim. Self-ruled regions and capitals
//! need the shipped geodata: `tests/extract_areas.rs`. Every sentence is written for these tests.

use crate::extract::tests::check;

#[test]
fn a_land_noun_with_the_countries_of_a_region_names_the_region() {
    check(
        "nl",
        &[
            // a desert noun and both countries of the border desert
            (
                "IS heeft zich in mei teruggetrokken naar de woestijngebieden in Oost-Syrië en West-Irak.",
                &["2017-05 region:syria-iraq-border-desert is partial"],
            ),
            // a desert noun, a border word and one of its countries
            (
                "Iraakse troepen kamden in september de woestijn langs de grens met Syrië uit.",
                &["2017-09 region:syria-iraq-border-desert iraqi-gov partial"],
            ),
            // a town in the phrase: the desert of a town is no region (the retreat to the town's
            // surroundings stays a claim about the town, as before)
            ("IS heeft zich in mei teruggetrokken naar de woestijn van Palmyra.", &["2017-05 palmyra is partial"]),
            // one country only and no border: no region of that feature fits
            ("IS heeft zich in mei teruggetrokken naar de woestijn in Irak.", &[]),
            // places and sides but no claim
            ("In de woestijn langs de grens met Syrië is het in juli heet, zeggen Iraakse soldaten.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "Last month IS fighters retreated to desert areas in eastern Syria and western Iraq.",
                &["2017-09 region:syria-iraq-border-desert is partial"],
            ),
            (
                "Iraqi troops combed through the desert along the border with Syria in September.",
                &["2017-09 region:syria-iraq-border-desert iraqi-gov partial"],
            ),
            ("A convoy of Iraqi troops crossed the desert near Palmyra in May.", &[]),
        ],
    );
}

#[test]
fn a_sweep_under_way_is_a_partial_hold_and_an_aim_is_none() {
    check(
        "nl",
        &[
            // "bezig om ... te": what was being done, not an aim
            (
                "Iraakse strijdkrachten waren in september weken bezig om de woestijn langs de grens met Syrië uit te kammen.",
                &["2017-09 region:syria-iraq-border-desert iraqi-gov partial"],
            ),
            // an aim stays an aim
            ("Iraakse strijdkrachten willen de woestijn langs de grens met Syrië uitkammen.", &[]),
            ("Het Iraakse leger probeert de woestijn langs de grens met Syrië uit te kammen.", &[]),
        ],
    );
}

#[test]
fn a_stronghold_with_no_owner_named_is_the_main_sides() {
    check(
        "nl",
        &[
            // the article names IS: its stronghold, the writer's description (fact)
            (
                "IS verloor in juli Mosul. Het enige andere bolwerk in Irak is nu nog Hawija, meldt het leger.",
                &["2017-07 mosul is lost", "2017-10-16 hawija is holds"],
            ),
            // no side named in the article: no owner
            ("Het enige andere bolwerk in Irak is Hawija.", &[]),
        ],
    );
    check(
        "en",
        &[(
            "IS lost Mosul in July. The only other stronghold left in Iraq is Hawija.",
            &["2017-07 mosul is lost", "2017-10-16 hawija is holds"],
        )],
    );
}

#[test]
fn all_positions_of_a_side_destroyed_is_its_loss_of_the_place() {
    check(
        "nl",
        &[
            (
                "De SDF trok in juni Raqqa binnen. Ook al zijn alle stellingen van IS vernietigd, de strijd is niet voorbij.",
                &["2017-06 raqqa sdf captured", "2017-10-16 raqqa is lost"],
            ),
            // some positions destroyed by an air strike: no claim
            ("Vliegtuigen vernietigden in juni stellingen van IS bij Raqqa.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "The SDF entered Raqqa in June. All Islamic State positions were destroyed in the city.",
                &["2017-06 raqqa sdf captured", "2017-10-16 raqqa is lost"],
            ),
            (
                "The SDF entered Raqqa in June. All positions of the jihadists in the city were destroyed.",
                &["2017-06 raqqa sdf captured", "2017-10-16 raqqa is lost"],
            ),
            // some positions hit by jets: no claim
            ("Jets destroyed Islamic State positions near Raqqa in June.", &[]),
        ],
    );
}

#[test]
fn a_state_since_a_date_is_a_range_only_when_its_end_is_told() {
    check(
        "nl",
        &[
            // no end told: the state's start, as written
            ("IS heeft Hawija sinds 2014 in handen.", &["2014 hawija is holds"]),
            ("IS houdt Tal Afar sinds juni 2014 in handen.", &["2014-06 tal-afar is holds"]),
            // the capture told before: from the start to the article's date
            (
                "De SDF veroverde in juni Tabqa. De jihadisten hadden Tabqa sinds 2014 in handen.",
                &["2017-06 tabqa sdf captured", "2014/2017-10-16 tabqa is holds"],
            ),
        ],
    );
    check(
        "en",
        &[
            ("IS has held Hawija since June 2014.", &["2014-06 hawija is holds"]),
            (
                "The army retook Ramadi in May. IS had held Ramadi since 2015.",
                &["2017-05 ramadi iraqi-gov captured", "2015/2017-10-16 ramadi is holds"],
            ),
        ],
    );
}

#[test]
fn a_proclamation_told_without_a_date_takes_the_year_the_article_last_wrote() {
    check(
        "nl",
        &[
            // a news article (a recent event told first) that wrote 2014 before: that year
            (
                "De SDF veroverde vorige maand Tabqa. IS nam in de zomer van 2014 Tikrit in. In Mosul riep IS het kalifaat uit.",
                &["2017-09 tabqa sdf captured", "2014-06/2014-08 tikrit is captured", "2014 mosul is holds"],
            ),
            // no year written before it: the article's date, an upper bound, as before
            ("In Mosul riep IS het kalifaat uit.", &["2017-10-16 mosul is holds"]),
        ],
    );
    check(
        "en",
        &[(
            "The SDF took Tabqa last month. IS took Tikrit in the summer of 2014. IS proclaimed its caliphate in Mosul.",
            &["2017-09 tabqa sdf captured", "2014-06/2014-08 tikrit is captured", "2014 mosul is holds"],
        )],
    );
}
