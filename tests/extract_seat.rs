//! Whole-binary tests of the seat of a government named in an actor phrase ("het regime in
//! Damascus", "de regering in Bagdad"): a `holds` row for that town next to the claim the
//! sentence makes, and none without a seat or without a claim (branch `xseeds2`). Uses the
//! repository's geodata (the unit-test gazetteer has no capitals). The sentences are written
//! for these tests.

mod extract_cli;

#[test]
fn a_government_named_by_its_seat_holds_that_town() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Palmyra werd vorige maand heroverd door het regime in Damascus.",
            &["2017-09 Palmyra syrian-gov captured", "2017-10-16 Damascus syrian-gov holds"],
        ),
        // "de regering in Bagdad" is an alias too, but the gazetteer does not resolve the Dutch
        // name Bagdad to the town, so it gives no seat row yet.
        ("Tal Afar werd in augustus heroverd door de regering in Bagdad.", &["2017-08 Tal Afar iraqi-gov captured"]),
        // the side named without its seat: only the claim
        ("Palmyra werd vorige maand heroverd door het regime van Assad.", &["2017-09 Palmyra syrian-gov captured"]),
        // no claim in the sentence: the seat alone is not written
        ("Het regime in Damascus reageerde niet op de berichten.", &[]),
    ];
    // the article is Dutch, its language detected; rows as "date place holder event"
    extract_cli::check_cases(cases, |text| extract_cli::extracted_rows(None, "2017-10-16", text, 0..4));
}
