//! Table-driven tests of branch `ycues` (issue 10): the vocabulary of control in war reporting,
//! audited by event kind rather than by example. For each kind (captured, recaptured, liberated,
//! lost or withdrawn, surrendered, holds, partial, besieged or encircled, a siege relieved) the
//! verbs, separable verbs with their particles, fixed expressions ("zich meester maken van",
//! "in handen krijgen", "onder controle brengen", "de controle overnemen", "de aftocht blazen",
//! "het beleg slaan rond", "wrest control of", "fall back from", "hold out"), event nouns and
//! participle adjectives, in present, past, perfect, passive with "door"/"by", modal + infinitive
//! and verb-final subordinate order. The event kind is checked as well as the holder: a present
//! state ("heeft X in handen", "is bezet door", "is de baas in") is a hold, a change in the perfect
//! ("heeft X in handen gekregen", "hebben X onder controle gebracht") a capture, and the agent of a
//! passive leaving verb ("X werd door IS ontruimd") the side that left. Every sentence is written
//! for these tests (none from an article or the development set); negatives name places and sides
//! without stating control. Known limits, left out of the tables: an attributive capture
//! participle after its agent ("het door het leger heroverde Palmyra") states nothing yet; a siege
//! whose defender the sentence does not name ("het beleg van Kobani door IS") gives no row;
//! English "occupied" reads as a hold, "left" and "evacuated" are not cues (a road or civilians).

mod extract_cli;

use extract_cli::{check_cases, extracted_rows};

/// Checks each sentence's rows as place, holder and event (an article dated 2024-02-01).
fn check(lang: &str, cases: &[(&str, &[&str])]) {
    check_cases(cases, |text| extracted_rows(Some(lang), "2024-02-01", text, 1..4));
}

#[test]
fn nl_zich_meester_maken_van_is_a_capture() {
    check(
        "nl",
        &[
            ("IS heeft zich maandag meester gemaakt van Ramadi.", &["Ramadi is captured"]),
            ("De SDF maakten zich in oktober meester van Raqqa.", &["Raqqa sdf captured"]),
            ("Het Syrische leger maakt zich meester van Palmyra.", &["Palmyra syrian-gov captured"]),
            (
                "Nadat IS zich in mei van Palmyra meester had gemaakt, vluchtten duizenden inwoners.",
                &["Palmyra is captured"],
            ),
            ("IS wist zich in mei van Ramadi meester te maken.", &["Ramadi is captured"]),
            (
                "Het Iraakse leger maakte zich zondag meester van het centrum van Fallujah.",
                &["Fallujah iraqi-gov partial"],
            ),
        ],
    );
}

#[test]
fn nl_in_handen_krijgen_in_every_tense_is_a_capture() {
    check(
        "nl",
        &[
            ("Het Iraakse leger kreeg Tikrit in maart in handen.", &["Tikrit iraqi-gov captured"]),
            ("Het Iraakse leger heeft Tikrit in handen gekregen.", &["Tikrit iraqi-gov captured"]),
            ("Nadat de SDF Manbij in handen hadden gekregen, keerden de bewoners terug.", &["Manbij sdf captured"]),
            ("Iraakse eenheden hadden eind augustus Baiji al in handen gekregen.", &["Baiji iraqi-gov captured"]),
        ],
    );
}

#[test]
fn nl_onder_controle_brengen_or_krijgen_is_a_capture_not_a_hold() {
    check(
        "nl",
        &[
            ("De SDF hebben Tabqa in mei onder controle gebracht.", &["Tabqa sdf captured"]),
            ("Het Syrische leger bracht Palmyra in maart onder controle.", &["Palmyra syrian-gov captured"]),
            ("Nadat HTS Aleppo onder controle had gebracht, vluchtten veel inwoners.", &["Aleppo hts captured"]),
            ("Het Iraakse leger heeft Ramadi onder controle gekregen.", &["Ramadi iraqi-gov captured"]),
            ("Ramadi werd in december door het Iraakse leger onder controle gebracht.", &["Ramadi iraqi-gov captured"]),
        ],
    );
}

#[test]
fn nl_de_controle_overnemen_is_a_capture() {
    check(
        "nl",
        &[
            ("Turkse troepen namen in maart de controle over Afrin over.", &["Afrin turkey captured"]),
            ("De SDF hebben de controle over Tabqa overgenomen.", &["Tabqa sdf captured"]),
            ("Nadat IS de controle over Mosul had overgenomen, vluchtten de christenen.", &["Mosul is captured"]),
            ("Het Syrische leger neemt de controle over Palmyra over.", &["Palmyra syrian-gov captured"]),
        ],
    );
}

#[test]
fn nl_capture_verbs_in_all_their_forms() {
    check(
        "nl",
        &[
            ("IS veroverde in juni 2014 Mosul.", &["Mosul is captured"]),
            ("IS heeft Mosul veroverd.", &["Mosul is captured"]),
            ("Mosul werd in juni 2014 door IS veroverd.", &["Mosul is captured"]),
            ("Nadat IS Mosul had veroverd, riep het een kalifaat uit.", &["Mosul is captured"]),
            ("De SDF namen Raqqa in oktober in.", &["Raqqa sdf captured"]),
            ("Raqqa is door de SDF ingenomen.", &["Raqqa sdf captured"]),
            ("Nadat de SDF Raqqa innamen, vierden de bewoners feest.", &["Raqqa sdf captured"]),
            ("Het Iraakse leger heeft Ramadi heroverd op IS.", &["Ramadi iraqi-gov captured"]),
            ("Ramadi werd in december door het Iraakse leger heroverd.", &["Ramadi iraqi-gov captured"]),
            ("Het Iraakse leger wist Ramadi in december te heroveren.", &["Ramadi iraqi-gov captured"]),
            ("Het Iraakse leger bevrijdde Fallujah in juni.", &["Fallujah iraqi-gov captured"]),
            ("Fallujah werd in juni door het Iraakse leger bevrijd.", &["Fallujah iraqi-gov captured"]),
            ("Het Syrische leger zou Palmyra hebben heroverd.", &["Palmyra syrian-gov captured"]),
            ("IS overrompelde in juni 2014 Mosul.", &["Mosul is captured"]),
            ("Mosul werd in juni 2014 door IS overrompeld.", &["Mosul is captured"]),
            ("IS overmeesterde in mei Ramadi.", &["Ramadi is captured"]),
            ("Russische troepen hebben Avdiivka bezet.", &["Avdiyivka russia captured"]),
            ("Het Russische leger bezette Cherson in maart 2022.", &["Kherson russia captured"]),
            ("Cherson werd in maart 2022 door Russische troepen bezet.", &["Kherson russia captured"]),
            ("De SDF heroverden Manbij en namen daarna ook Tabqa in.", &["Manbij sdf captured", "Tabqa sdf captured"]),
            ("IS heeft Palmyra in mei overgenomen.", &["Palmyra is captured"]),
            ("Palmyra werd in mei door IS overgenomen.", &["Palmyra is captured"]),
            ("De Koerden hebben Kobani teruggewonnen.", &["Kobani sdf captured"]),
            ("Het Oekraïense leger heroverde Cherson, meldt Kyiv.", &["Kherson ukraine captured"]),
            ("IS nam in juni 2014 Mosul in bezit.", &["Mosul is captured"]),
            ("Het Iraakse leger heeft Tikrit in bezit genomen.", &["Tikrit iraqi-gov captured"]),
        ],
    );
}

#[test]
fn nl_falling_or_coming_into_a_sides_hands_is_a_capture() {
    check(
        "nl",
        &[
            ("Raqqa kwam in oktober in handen van de SDF.", &["Raqqa sdf captured"]),
            ("Ramadi viel in mei in handen van IS.", &["Ramadi is captured"]),
            ("Ramadi is in mei in handen gevallen van IS.", &["Ramadi is captured"]),
            ("Ramadi is in mei in handen gekomen van IS.", &["Ramadi is captured"]),
            ("Manbij valt in handen van de SDF.", &["Manbij sdf captured"]),
            ("Tabqa kwam in mei onder controle van de SDF.", &["Tabqa sdf captured"]),
        ],
    );
}

#[test]
fn nl_event_nouns() {
    check(
        "nl",
        &[
            ("Na de inname van Ramadi door IS vluchtten duizenden mensen.", &["Ramadi is captured"]),
            ("De herovering van Palmyra door het Syrische leger duurde twee weken.", &["Palmyra syrian-gov captured"]),
            ("De verovering van Mosul door IS in juni 2014 schokte de wereld.", &["Mosul is captured"]),
            ("De bevrijding van Mosul door het Iraakse leger werd in juli gevierd.", &["Mosul iraqi-gov captured"]),
            ("De val van Mosul in juni 2014 was een zware slag voor het Iraakse leger.", &["Mosul iraqi-gov lost"]),
        ],
    );
}

#[test]
fn nl_participle_adjectives_after_their_agent_are_holds() {
    check(
        "nl",
        &[
            ("In de door IS bezette stad Mosul heerst angst.", &["Mosul is holds"]),
            ("Het door de SDF gecontroleerde Manbij ligt ten westen van de Eufraat.", &["Manbij sdf holds"]),
        ],
    );
}

#[test]
fn nl_giving_up_clearing_out_and_withdrawing_are_losses() {
    check(
        "nl",
        &[
            ("IS verloor Ramadi in december.", &["Ramadi is lost"]),
            ("IS is Ramadi in december kwijtgeraakt.", &["Ramadi is lost"]),
            ("IS raakte Tikrit kwijt aan het Iraakse leger.", &["Tikrit is lost"]),
            ("IS heeft Manbij prijsgegeven.", &["Manbij is lost"]),
            ("IS gaf Manbij in augustus prijs.", &["Manbij is lost"]),
            ("IS moest Manbij in augustus prijsgeven.", &["Manbij is lost"]),
            ("De SDF hebben Manbij opgegeven.", &["Manbij sdf lost"]),
            ("IS ontruimde Jarablus in augustus.", &["Jarabulus is lost"]),
            ("IS heeft Jarablus ontruimd.", &["Jarabulus is lost"]),
            ("Jarablus werd in augustus door IS ontruimd.", &["Jarabulus is lost"]),
            ("IS blies in augustus de aftocht uit Jarablus.", &["Jarabulus is lost"]),
            ("De jihadisten bliezen de aftocht uit Manbij.", &["Manbij is lost"]),
            ("IS heeft de aftocht geblazen uit Manbij.", &["Manbij is lost"]),
            ("Nadat IS de aftocht uit Manbij had geblazen, keerden de bewoners terug.", &["Manbij is lost"]),
            ("IS trok zich in augustus terug uit Manbij.", &["Manbij is lost"]),
            ("Nadat IS zich uit Manbij had teruggetrokken, keerden de bewoners terug.", &["Manbij is lost"]),
            ("Het Oekraïense leger heeft Avdiivka verlaten.", &["Avdiyivka ukraine lost"]),
            ("De Oekraïense troepen zijn uit Avdiivka weggetrokken.", &["Avdiyivka ukraine lost"]),
            ("De Oekraïense troepen trokken in februari weg uit Avdiivka.", &["Avdiyivka ukraine lost"]),
            ("Het Oekraïense leger moest Avdiivka opgeven.", &["Avdiyivka ukraine lost"]),
            ("Het Oekraïense leger heeft Avdiivka moeten opgeven.", &["Avdiyivka ukraine lost"]),
            ("Het Oekraïense leger gaf Avdiivka in februari op.", &["Avdiyivka ukraine lost"]),
            ("IS verloor de controle over Raqqa.", &["Raqqa is lost"]),
            ("IS werd in augustus uit Manbij verdreven.", &["Manbij is lost"]),
            ("IS werd in augustus uit Manbij verjaagd.", &["Manbij is lost"]),
        ],
    );
}

#[test]
fn nl_a_surrender_is_a_loss() {
    check(
        "nl",
        &[
            ("De laatste IS-strijders in Raqqa gaven zich in oktober over.", &["Raqqa is lost"]),
            ("In Raqqa hebben de laatste IS-strijders zich overgegeven.", &["Raqqa is lost"]),
        ],
    );
}

#[test]
fn nl_present_states_are_holds() {
    check(
        "nl",
        &[
            ("IS heeft Mosul sinds 2014 in handen.", &["Mosul is holds"]),
            ("Mosul is sinds 2014 in handen van IS.", &["Mosul is holds"]),
            ("Mosul was drie jaar in handen van IS.", &["Mosul is holds"]),
            ("IS houdt Mosul in bezit.", &["Mosul is holds"]),
            ("IS heeft Mosul sinds 2014 in bezit.", &["Mosul is holds"]),
            ("Mosul is sinds 2014 in bezit van IS.", &["Mosul is holds"]),
            ("IS hield Mosul drie jaar in bezit.", &["Mosul is holds"]),
            ("Het Oekraïense leger houdt stand in Bachmoet.", &["Bakhmut ukraine holds"]),
            ("In Bachmoet houden de Oekraïense troepen nog stand.", &["Bakhmut ukraine holds"]),
            ("Het Oekraïense leger blijft standhouden in Avdiivka.", &["Avdiyivka ukraine holds"]),
            ("Het Oekraïense leger wist in Avdiivka stand te houden.", &["Avdiyivka ukraine holds"]),
            ("IS controleert Raqqa.", &["Raqqa is holds"]),
            ("Raqqa wordt door IS gecontroleerd.", &["Raqqa is holds"]),
            ("IS beheerst Raqqa.", &["Raqqa is holds"]),
            ("De SDF hebben Raqqa onder controle.", &["Raqqa sdf holds"]),
            ("Raqqa staat onder controle van de SDF.", &["Raqqa sdf holds"]),
            ("Raqqa blijft in handen van de SDF.", &["Raqqa sdf holds"]),
            ("HTS is de baas in Idlib.", &["Idlib hts holds"]),
            ("In Idlib is HTS de baas.", &["Idlib hts holds"]),
            ("Cherson is sinds maart 2022 bezet door Russische troepen.", &["Kherson russia holds"]),
            ("Cherson is bezet door het Russische leger.", &["Kherson russia holds"]),
            ("Het Russische leger houdt Cherson bezet.", &["Kherson russia holds"]),
            ("IS houdt Mosul sinds 2014 in zijn greep.", &["Mosul is holds"]),
        ],
    );
}

#[test]
fn nl_sieges_encirclements_and_cutting_off() {
    check(
        "nl",
        &[
            (
                "De RSF belegeren El Fasher, dat nog in handen van het leger is.",
                &["El Fasher saf holds", "El Fasher saf besieged"],
            ),
            (
                "De RSF sloegen in mei het beleg rond El Fasher, dat nog in handen van het leger is.",
                &["El Fasher saf holds", "El Fasher saf besieged"],
            ),
            (
                "IS sloeg in september het beleg rond Kobani, dat door de YPG werd verdedigd.",
                &["Kobani sdf holds", "Kobani sdf besieged"],
            ),
            ("Avdiivka werd door Russische troepen ingesloten.", &["Avdiyivka ukraine besieged"]),
            ("Russische troepen hebben Avdiivka afgesneden.", &["Avdiyivka ukraine besieged"]),
            ("Russische troepen sneden Avdiivka in februari af.", &["Avdiyivka ukraine besieged"]),
            ("Russische troepen omsingelden Avdiivka.", &["Avdiyivka ukraine besieged"]),
            ("Avdiivka wordt door Russische troepen omsingeld.", &["Avdiyivka ukraine besieged"]),
            ("De omsingeling van Avdiivka door Russische troepen is bijna voltooid.", &["Avdiyivka ukraine besieged"]),
        ],
    );
}

#[test]
fn nl_relieving_a_siege_is_a_hold() {
    check(
        "nl",
        &[
            ("Het Syrische leger ontzette in september Deir ez-Zor.", &["Deir ez-Zor syrian-gov holds"]),
            ("Het Syrische leger doorbrak het beleg van Deir ez-Zor.", &["Deir ez-Zor syrian-gov holds"]),
        ],
    );
}

#[test]
fn nl_a_foothold_is_partial() {
    check(
        "nl",
        &[
            ("Russische troepen kregen voet aan de grond in Bachmoet.", &["Bakhmut russia partial"]),
            ("De Russen hebben voet aan de grond gekregen in Toretsk.", &["Toretsk russia partial"]),
        ],
    );
}

#[test]
fn nl_aims_threats_negations_and_flights_state_nothing() {
    check(
        "nl",
        &[
            ("Het Iraakse leger wil Mosul nog dit jaar heroveren.", &[]),
            ("IS dreigt Ramadi in te nemen.", &[]),
            ("De SDF hebben Raqqa niet ingenomen.", &[]),
            ("Bewoners vrezen dat de RSF de weg naar El Fasher zullen afsnijden.", &[]),
            ("Duizenden inwoners ontvluchtten Mosul.", &[]),
            ("Hulpverleners ontruimden het ziekenhuis in Raqqa.", &[]),
            ("De RSF sneden de weg naar El Fasher af.", &[]),
        ],
    );
}

#[test]
fn en_capture_verbs_in_all_their_forms() {
    check(
        "en",
        &[
            ("Islamic State seized Ramadi in May.", &["Ramadi is captured"]),
            ("Islamic State has seized Ramadi.", &["Ramadi is captured"]),
            ("Ramadi was seized by Islamic State in May.", &["Ramadi is captured"]),
            ("Islamic State seized control of Ramadi in May.", &["Ramadi is captured"]),
            ("Islamic State militants overran Mosul in June 2014.", &["Mosul is captured"]),
            ("Mosul was overrun by Islamic State in June 2014.", &["Mosul is captured"]),
            ("Islamic State has overrun Mosul.", &["Mosul is captured"]),
            (
                "The Iraqi army wrested control of Ramadi from Islamic State in December.",
                &["Ramadi iraqi-gov captured"],
            ),
            ("The Iraqi army wrested Ramadi from Islamic State in December.", &["Ramadi iraqi-gov captured"]),
            ("The SDF took control of Raqqa in October.", &["Raqqa sdf captured"]),
            ("The SDF gained control of Raqqa in October.", &["Raqqa sdf captured"]),
            ("The SDF have taken Raqqa.", &["Raqqa sdf captured"]),
            ("Raqqa was taken by the SDF in October.", &["Raqqa sdf captured"]),
            ("The Syrian army recaptured Palmyra in March.", &["Palmyra syrian-gov captured"]),
            ("Palmyra was recaptured by the Syrian army in March.", &["Palmyra syrian-gov captured"]),
            ("The Syrian army retook Palmyra in March.", &["Palmyra syrian-gov captured"]),
            ("The Iraqi army liberated Mosul in July.", &["Mosul iraqi-gov captured"]),
            ("Mosul was liberated by the Iraqi army in July.", &["Mosul iraqi-gov captured"]),
            ("Ramadi fell to Islamic State in May.", &["Ramadi is captured"]),
            ("Ramadi fell into the hands of Islamic State in May.", &["Ramadi is captured"]),
            ("Raqqa came under the control of the SDF in October.", &["Raqqa sdf captured"]),
            ("Islamic State took over Palmyra in May.", &["Palmyra is captured"]),
            ("The Syrian army stormed Palmyra in March and captured it within days.", &["Palmyra syrian-gov captured"]),
            ("The SDF drove Islamic State out of Manbij in August.", &["Manbij sdf captured"]),
            ("The SDF pushed Islamic State out of Manbij in August.", &["Manbij sdf captured"]),
            ("The SDF cleared Manbij of Islamic State fighters in August.", &["Manbij sdf captured"]),
            ("Russian forces captured Avdiivka in February.", &["Avdiyivka russia captured"]),
            ("Russian forces have managed to capture Avdiivka.", &["Avdiyivka russia captured"]),
            ("Russian forces succeeded in capturing Avdiivka.", &["Avdiyivka russia captured"]),
        ],
    );
}

#[test]
fn en_event_nouns() {
    check(
        "en",
        &[
            ("The capture of Ramadi by Islamic State in May shocked Baghdad.", &["Ramadi is captured"]),
            ("The recapture of Palmyra by the Syrian army took two weeks.", &["Palmyra syrian-gov captured"]),
            ("The fall of Mosul to Islamic State in June 2014 stunned the world.", &["Mosul is captured"]),
            ("The seizure of Ramadi by Islamic State was a blow to the government.", &["Ramadi is captured"]),
            ("The liberation of Mosul by the Iraqi army was celebrated in July.", &["Mosul iraqi-gov captured"]),
            ("After the fall of Mosul, the Iraqi army regrouped.", &["Mosul iraqi-gov lost"]),
        ],
    );
}

#[test]
fn en_held_adjectives_are_holds() {
    check("en", &[("Islamic State-held Raqqa was bombed on Monday.", &["Raqqa is holds"])]);
}

#[test]
fn en_giving_up_falling_back_and_withdrawing_are_losses() {
    check(
        "en",
        &[
            ("Islamic State lost Ramadi in December.", &["Ramadi is lost"]),
            ("Islamic State abandoned Manbij in August.", &["Manbij is lost"]),
            ("Islamic State has abandoned Manbij.", &["Manbij is lost"]),
            ("Manbij was abandoned by Islamic State in August.", &["Manbij is lost"]),
            ("Ukrainian forces withdrew from Avdiivka in February.", &["Avdiyivka ukraine lost"]),
            ("Ukrainian forces pulled out of Avdiivka in February.", &["Avdiyivka ukraine lost"]),
            ("Ukrainian forces fell back from Avdiivka in February.", &["Avdiyivka ukraine lost"]),
            ("Ukrainian forces retreated from Avdiivka in February.", &["Avdiyivka ukraine lost"]),
            ("Russia gave up Kherson in November.", &["Kherson russia lost"]),
            ("Russia ceded Kherson in November.", &["Kherson russia lost"]),
            ("Russia was forced to abandon Kherson in November.", &["Kherson russia lost"]),
            ("Russia had to give up Kherson in November.", &["Kherson russia lost"]),
            ("Islamic State was driven out of Manbij in August.", &["Manbij is lost"]),
            ("Islamic State was expelled from Manbij in August.", &["Manbij is lost"]),
            ("Islamic State lost control of Raqqa in October.", &["Raqqa is lost"]),
            ("The last Islamic State fighters in Raqqa surrendered in October.", &["Raqqa is lost"]),
            ("Islamic State fighters surrendered Raqqa to the SDF.", &["Raqqa is lost"]),
        ],
    );
}

#[test]
fn en_present_states_and_holding_out_are_holds() {
    check(
        "en",
        &[
            ("Islamic State holds Mosul.", &["Mosul is holds"]),
            ("Islamic State has held Mosul since June 2014.", &["Mosul is holds"]),
            ("Mosul has been held by Islamic State since June 2014.", &["Mosul is holds"]),
            ("Mosul is in the hands of Islamic State.", &["Mosul is holds"]),
            ("Mosul has been under Islamic State control since June 2014.", &["Mosul is holds"]),
            ("Islamic State controls Raqqa.", &["Raqqa is holds"]),
            ("Raqqa is controlled by Islamic State.", &["Raqqa is holds"]),
            ("Islamic State remains in control of Raqqa.", &["Raqqa is holds"]),
            ("Islamic State kept control of Raqqa.", &["Raqqa is holds"]),
            ("Ukrainian forces are holding out in Bakhmut.", &["Bakhmut ukraine holds"]),
            ("In Bakhmut, Ukrainian forces are still holding out.", &["Bakhmut ukraine holds"]),
            ("Ukrainian forces held out in Avdiivka for months.", &["Avdiyivka ukraine holds"]),
            ("Kherson was occupied by Russian forces until November.", &["Kherson russia holds"]),
            ("Russia occupies Kherson.", &["Kherson russia holds"]),
        ],
    );
}

#[test]
fn en_sieges_encirclements_and_cutting_off() {
    check(
        "en",
        &[
            ("Russian forces encircled Avdiivka in February.", &["Avdiyivka ukraine besieged"]),
            ("Avdiivka was encircled by Russian forces in February.", &["Avdiyivka ukraine besieged"]),
            ("Russian forces have cut off Avdiivka.", &["Avdiyivka ukraine besieged"]),
            (
                "The RSF laid siege to El Fasher, which the army still holds.",
                &["El Fasher saf holds", "El Fasher saf besieged"],
            ),
            ("The RSF have besieged El Fasher since May.", &["El Fasher saf besieged"]),
            ("Russian forces surrounded Avdiivka in February.", &["Avdiyivka ukraine besieged"]),
        ],
    );
}

#[test]
fn en_relieving_a_siege_is_a_hold() {
    check(
        "en",
        &[
            ("The Syrian army broke the siege of Deir ez-Zor in September.", &["Deir ez-Zor syrian-gov holds"]),
            ("The Syrian army relieved Deir ez-Zor in September.", &["Deir ez-Zor syrian-gov holds"]),
        ],
    );
}

#[test]
fn en_a_foothold_is_partial() {
    check(
        "en",
        &[
            ("Russian forces gained a foothold in Bakhmut.", &["Bakhmut russia partial"]),
            ("Russian forces have gained a foothold in Toretsk.", &["Toretsk russia partial"]),
        ],
    );
}

#[test]
fn en_aims_attacks_flights_and_failed_attempts_state_nothing() {
    check(
        "en",
        &[
            ("The Iraqi army plans to retake Mosul this year.", &[]),
            ("Islamic State fighters attacked a checkpoint near Ramadi.", &[]),
            ("Thousands of residents fled Mosul.", &[]),
            ("Russian forces tried to encircle Avdiivka but failed.", &[]),
            ("Aid agencies fear the fighting will cut off the road to El Fasher.", &[]),
            ("The army evacuated civilians from Avdiivka in February.", &[]),
            (
                "Russian forces encircled Avdiivka in February and captured it a week later.",
                &["Avdiyivka russia captured"],
            ),
        ],
    );
}

#[test]
fn nl_dev_no_cue_classes() {
    check(
        "nl",
        &[
            // a passive leaving verb before a purpose clause, a truce's withdrawal in verb-final
            // order, a withdrawal noun after an adjective, a state regained, a separable
            // particle before "op" and the side the place was taken from
            ("Kobani werd in januari door IS ontruimd om verliezen te beperken.", &["Kobani is lost"]),
            ("Het bestand bepaalt dat IS zich voor 1 mei moet terugtrekken uit Raqqa.", &["Raqqa is lost"]),
            ("De SDF spraken van een tactische terugtrekking uit Manbij.", &["Manbij sdf lost"]),
            ("Palmyra is sinds maart weer van het Syrische leger.", &["Palmyra syrian-gov holds"]),
            ("Turkse troepen namen Afrin in op de YPG.", &["Afrin turkey captured"]),
            // hospitals cleared and roads cut off are no claims about the town
            ("Hulpverleners ontruimden het ziekenhuis in Raqqa.", &[]),
        ],
    );
}

#[test]
fn en_a_side_named_inside_hands_holds_the_place() {
    check(
        "en",
        &[
            ("Raqqa has been in SDF hands since October.", &["Raqqa sdf holds"]),
            ("Bakhmut is still in Ukrainian hands.", &["Bakhmut ukraine holds"]),
            // no side in the gap: no claim
            ("Bakhmut is still in the hands of fate.", &[]),
        ],
    );
}
