//! Whole-binary tests of the event classes of issue 10 (branch `xevent`): entering a town while
//! the fight goes on (a partial hold) against a plain entry (a capture), fights around a town
//! (contested for its defender), withdrawals in main and subordinate clauses and in reports with
//! no "that" (a loss by the side that left), possessions told by an attributive participle
//! ("het door X gecontroleerde Y"), and vows (a future a speaker tells: no claim) against
//! forecasts. Uses the repository's geodata; every sentence is written for these tests (none
//! from an article or the development set), with negatives.

mod extract_cli;

/// The rows `extract` writes for `text`, an article dated 2024-02-01 in `lang`, as "place holder
/// event", checked against each case's expected rows.
fn check(lang: &str, cases: &[(&str, &[&str])]) {
    extract_cli::check_cases(cases, |text| extract_cli::extracted_rows(Some(lang), "2024-02-01", text, 1..4));
}

#[test]
fn entering_a_town_while_the_fight_goes_on_is_a_partial_hold() {
    check(
        "nl",
        &[
            (
                "Russische troepen zijn zaterdag Toretsk binnengetrokken, maar in het centrum van de stad wordt nog hevig gevochten.",
                &["Toretsk russia partial"],
            ),
            // entered and took: a capture
            // one row per sentence, place, holder and event (branch npartial)
            (
                "Russische troepen zijn zaterdag Toretsk binnengetrokken en hebben de stad ingenomen.",
                &["Toretsk russia captured"],
            ),
            // the fight came before the entry: a capture
            ("Russische troepen trokken na weken van zware gevechten Toretsk binnen.", &["Toretsk russia captured"]),
            // a part entered: the part only
            ("Russische troepen drongen de oostelijke wijken van Toretsk binnen.", &["Toretsk russia partial"]),
        ],
    );
    check(
        "en",
        &[
            (
                "Russian troops entered Toretsk on Saturday, but fighting still raged in the town centre.",
                &["Toretsk russia partial"],
            ),
            ("Russian troops have entered Toretsk, but fighting is still going on there.", &["Toretsk russia partial"]),
            // one row per sentence, place, holder and event (branch npartial)
            ("Russian troops entered Toretsk on Saturday and took the town.", &["Toretsk russia captured"]),
            ("Russian troops entered Toretsk after weeks of heavy fighting.", &["Toretsk russia captured"]),
            ("Russian troops entered Toretsk after the Ukrainian garrison pulled out.", &["Toretsk russia captured"]),
            // the place of a part phrase belongs to the entry, not to the fight told after it
            (
                "Russian troops pushed into the eastern districts of Toretsk as fighting went on.",
                &["Toretsk russia partial"],
            ),
        ],
    );
}

#[test]
fn a_fight_around_a_town_is_contested_for_its_defender() {
    check(
        "nl",
        &[
            (
                "Oekraïense eenheden houden Pokrovsk nog in handen; rond de stad wordt zwaar gevochten.",
                &["Pokrovsk ukraine holds", "Pokrovsk ukraine contested"],
            ),
            // no defender known: no row
            ("Rond Pokrovsk wordt sinds maandag zwaar gevochten.", &[]),
            // tanks in position around a town: no fight, no claim
            ("Russische tanks staan in stelling rond Pokrovsk.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "Ukrainian units still hold Pokrovsk; heavy fighting is raging around the town.",
                &["Pokrovsk ukraine holds", "Pokrovsk ukraine contested"],
            ),
            ("Russian tanks are in position around Pokrovsk.", &[]),
        ],
    );
}

#[test]
fn a_withdrawal_is_a_loss_by_the_side_that_left() {
    check(
        "nl",
        &[
            ("De Oekraïense troepen trokken zich dinsdag terug uit Avdiivka.", &["Avdiyivka ukraine lost"]),
            // subordinate order: the place between "zich uit" and the verb
            ("De Russische troepen zeggen dat zij zich uit Kupiansk hebben teruggetrokken.", &["Kupyansk russia lost"]),
            ("Het leger meldt dat de eenheden zich uit Siversk terugtrokken.", &["Siversk ukraine lost"]),
            ("De SDF-strijders gaven Manbij op.", &["Manbij sdf lost"]),
            // a vow not to withdraw: no claim
            ("Het Oekraïense leger zegt dat het zich nooit uit Siversk zal terugtrekken.", &[]),
        ],
    );
    check(
        "en",
        &[
            ("Ukrainian troops withdrew from Avdiivka on Saturday.", &["Avdiyivka ukraine lost"]),
            // a report with no "that": the speaker is not the side that left
            ("The army said Russian troops had abandoned Kupiansk.", &["Kupyansk russia lost"]),
            ("Kyiv said on Monday the Russian forces had pulled out of Kherson.", &["Kherson russia lost"]),
            ("Ukrainian officials said they will never withdraw from Siversk.", &[]),
        ],
    );
}

#[test]
fn an_attributive_participle_after_its_agent_is_a_hold() {
    check(
        "nl",
        &[
            ("Het door de RSF gecontroleerde Nyala ligt ver van het front.", &["Nyala rsf holds"]),
            ("Het door Hamas gecontroleerde Rafah werd opnieuw gebombardeerd.", &["rafah hamas holds"]),
            // "bezette" after its agent describes the town: a hold, not a capture
            ("De door IS bezette stad Tabqa werd zwaar gebombardeerd.", &["Tabqa is holds"]),
            // an agent that describes the actor, not the place: the verb's capture stands
            ("De door Turkije gesteunde rebellen veroverden Tal Rifaat.", &["Tall Rif‘at syrian-opposition captured"]),
        ],
    );
}

#[test]
fn a_future_a_speaker_tells_is_a_vow_and_a_forecast_is_expected() {
    check(
        "nl",
        &[
            ("De Russische president zei dat zijn leger Kupiansk binnenkort zal innemen.", &[]),
            ("De verwachting is dat de Russen Kupiansk binnenkort zullen innemen.", &["Kupyansk russia captured"]),
        ],
    );
    check(
        "en",
        &[
            ("Russian officials say their forces will take Kupiansk within weeks.", &[]),
            ("Western officials expect Kupiansk to fall to Russia within weeks.", &["Kupyansk russia captured"]),
        ],
    );
}
