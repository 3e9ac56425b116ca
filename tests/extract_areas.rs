//! Whole-binary tests of regions and capitals named with the side that governs them (branch
//! `xregions`, issue 10): a faction alias that is also a region's, with a word of self-rule ("de
//! regering van de Koerdische autonome regio", "het autonome Koerdistan"), is a `holds` of the
//! region by that faction; a demonym, a capital noun and a town ("de Iraakse hoofdstad Bagdad",
//! "the Iraqi capital Baghdad") a `holds` of the town by that country's government. Uses the
//! repository's geodata (the unit-test gazetteer has no capitals and few region aliases). The
//! sentences are written for these tests.

mod extract_cli;

/// The rows `extract` writes for `text`, an article dated 2017-10-16 in `lang`, as "date place
/// holder event", checked against each case's expected rows.
fn check(lang: &str, cases: &[(&str, &[&str])]) {
    extract_cli::check_cases(cases, |text| extract_cli::extracted_rows(Some(lang), "2017-10-16", text, 0..4));
}

#[test]
fn a_self_ruled_region_is_held_by_the_side_that_governs_it() {
    check(
        "nl",
        &[
            // the whole alias is the region's and the faction's, self-rule inside it
            (
                "De regering van de Koerdische autonome regio hield in 2016 een referendum.",
                &["2016 region:iraqi-kurdistan kurdistan holds"],
            ),
            // self-rule right before the alias
            (
                "In 2014 hielden de troepen van het autonome Koerdistan IS tegen bij Makhmour.",
                &["2014 region:iraqi-kurdistan kurdistan holds"],
            ),
            // the faction named without self-rule: an actor, no region claim
            ("Koerdistan hield in september een referendum over onafhankelijkheid.", &[]),
            // self-rule without a faction alias
            ("Een autonome regio is nog geen staat, zei de minister.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "The autonomous Kurdistan Region held a referendum on independence in 2017.",
                &["2017 region:iraqi-kurdistan kurdistan holds"],
            ),
            ("Kurdistan held a referendum on independence in September.", &[]),
        ],
    );
}

#[test]
fn a_capital_after_a_demonym_is_held_by_that_countrys_government() {
    check(
        "nl",
        &[
            // the name is also the government's alias ("Bagdad")
            (
                "In 2014 kwam IS tot op honderd kilometer van de Iraakse hoofdstad Bagdad.",
                &["2014 Baghdad iraqi-gov holds"],
            ),
            // a capital that is no alias: the government of the demonym's country
            (
                "In 2015 bleef het in de Syrische hoofdstad Damascus opvallend rustig.",
                &["2015 Damascus syrian-gov holds"],
            ),
            // no demonym: whose capital is not said
            ("In 2014 kwam IS tot op honderd kilometer van de hoofdstad.", &[]),
            // the alias as an actor, no capital noun
            ("Bagdad stuurde in oktober troepen naar het noorden.", &[]),
        ],
    );
    check(
        "en",
        &[
            ("In 2014 IS came within 100 km of the Iraqi capital Baghdad.", &["2014 Baghdad iraqi-gov holds"]),
            ("The capital was quiet in May, residents said.", &[]),
        ],
    );
}
