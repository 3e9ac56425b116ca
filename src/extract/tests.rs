//! Table-driven tests of the extractor: Dutch and English sentences written for these tests
//! (none is taken from an article), each with the claims it must give, against a small
//! hand-made gazetteer and the shipped factions and lexicons.

use std::path::PathBuf;

use crate::app::DataFile;
use crate::extract::stream::Input;
use crate::extract::{Candidate, Extractor, LangChoice, Options};
use crate::places::gazetteer::{Place, RegionName};
use crate::places::{Factions, Gazetteer};

const PLACES: &[(&str, &str, &str, u64, &[&str])] = &[
    ("raqqa", "Raqqa", "SY", 200_000, &["Ar Raqqah", "Rakka"]),
    ("mosul", "Mosul", "IQ", 1_700_000, &["Mosoel", "Al Mawsil"]),
    ("deir-ez-zor", "Deir ez-Zor", "SY", 240_000, &["Deir Ezzour", "Deir al-Zor", "Dayr az Zawr"]),
    ("mayadin", "Mayadin", "SY", 44_000, &["Mayadeen", "Al-Mayadeen"]),
    ("abu-kamal", "Abu Kamal", "SY", 57_000, &["Boukamal", "Albu Kamal"]),
    ("hawija", "Hawija", "IQ", 0, &["Al Hawijah"]),
    ("tal-afar", "Tal Afar", "IQ", 0, &["Talafar", "Tall Afar"]),
    ("tikrit", "Tikrit", "IQ", 160_000, &[]),
    ("ramadi", "Ramadi", "IQ", 270_000, &[]),
    ("fallujah", "Fallujah", "IQ", 190_000, &["Falluja"]),
    ("kobani", "Kobani", "SY", 45_000, &["Ayn al Arab"]),
    ("manbij", "Manbij", "SY", 100_000, &[]),
    ("palmyra", "Palmyra", "SY", 50_000, &["Tadmur"]),
    ("tabqa", "Tabqa", "SY", 70_000, &["Al-Thawrah"]),
    ("sinjar", "Sinjar", "IQ", 38_000, &["Shingal"]),
    ("sinjar-sy", "Sinjar", "SY", 1_200, &[]),
    ("baghouz", "Baghouz", "SY", 0, &["Al-Baghuz"]),
    ("hajin", "Hajin", "SY", 37_000, &["Hajeen"]),
    ("kirkuk", "Kirkuk", "IQ", 850_000, &["Kirkoek"]),
    ("baiji", "Baiji", "IQ", 200_000, &["Bayji"]),
    ("tell-abyad-a", "Tell Abyad", "SY", 5_000, &[]),
    ("tell-abyad-b", "Tell Abyad", "SY", 4_000, &[]),
    ("dan", "Dan", "SY", 300, &[]),
    ("bakr", "Bakr", "SY", 400, &[]),
    ("salem", "Salem Village", "SY", 250, &["Salem"]),
];

pub(super) fn gazetteer() -> Gazetteer {
    let places = PLACES
        .iter()
        .enumerate()
        .map(|(i, &(id, name, country, population, aliases))| Place {
            id: id.into(),
            name: name.into(),
            lon: 36.0 + 0.4 * i as f64,
            lat: 33.0 + 0.2 * i as f64,
            country: country.into(),
            population,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            source: if id == "baghouz" { "supplement".into() } else { "geonames:1".into() },
            note: String::new(),
            governorate: None,
            capital: false,
        })
        .collect();
    let region = |id: &str, name: &str, name_nl: &str, country: &str, aliases: &[&str]| RegionName {
        id: id.into(),
        name: name.into(),
        name_nl: name_nl.into(),
        kind: "area".into(),
        country: country.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        note: String::new(),
    };
    let regions = vec![
        region("yarmouk-basin", "Yarmouk Basin", "Yarmouk-vallei", "SY", &["enclave bij de grens met Israël"]),
        region("yarmouk-camp", "Yarmouk Camp", "vluchtelingenkamp Yarmouk", "SY", &["Yarmouk refugee camp"]),
        region(
            "middle-euphrates-valley",
            "Middle Euphrates Valley",
            "Midden-Eufraatvallei",
            "SY+IQ",
            &["Eufraatvallei"],
        ),
        region("syria-iraq-border-desert", "Syria–Iraq border desert", "", "SY+IQ", &["Iraaks-Syrische grensgebied"]),
        region("disputed-territories", "Disputed territories", "betwiste gebieden", "IQ", &[]),
        region("iraqi-kurdistan", "Iraqi Kurdistan", "Iraaks Koerdistan", "IQ", &["Koerdistan"]),
        region("sy-raqqa-governorate", "Raqqa Governorate", "provincie Raqqa", "SY", &["Raqqa Province"]),
        region(
            "sy-deir-ez-zor-governorate",
            "Deir ez-Zor Governorate",
            "provincie Deir ez-Zor",
            "SY",
            &["Deir ez-Zor Province", "Deir Ezzour Province"],
        ),
    ];
    Gazetteer::new(places, regions)
}

pub(super) fn factions() -> Factions {
    Factions::parse("factions.toml", include_str!("../../geodata/factions.toml")).expect("the shipped factions parse")
}

fn lexicons() -> Vec<DataFile> {
    vec![
        DataFile { name: "nl.toml".into(), text: include_str!("../../geodata/lang/nl.toml").into() },
        DataFile { name: "en.toml".into(), text: include_str!("../../geodata/lang/en.toml").into() },
    ]
}

/// The claims of `text` (an article dated `date` unless it carries a marker), one line each:
/// `DATE PLACE HOLDER EVENT [OTHER] [MODALITY]`.
pub(super) fn claims_with(text: &str, date: Option<&str>, lang: &str) -> Vec<String> {
    candidates(text, date, lang).iter().map(line).collect()
}

pub(super) fn candidates(text: &str, date: Option<&str>, lang: &str) -> Vec<Candidate> {
    let gazetteer = gazetteer();
    let factions = factions();
    let mut extractor = Extractor::new(&gazetteer, &factions, &lexicons()).expect("the lexicons compile");
    let options = Options {
        date: date.map(|d| d.parse().expect("a test date")),
        date_is_the_articles: false,
        lang: LangChoice::Code(lang.into()),
        min_confidence: 0.3,
        debug: false,
    };
    let mut out = Vec::new();
    let input = Input::File(PathBuf::from("t.txt"));
    extractor
        .article(&input, &mut text.as_bytes(), &options, &mut |c| {
            out.push(c.clone());
            Ok(())
        })
        .expect("the test article reads");
    out
}

fn line(c: &Candidate) -> String {
    let mut text = format!("{} {} {} {}", c.date, c.place, c.holder, c.event);
    if let Some(other) = &c.other {
        text.push_str(&format!(" {other}"));
    }
    if c.modality != crate::model::Modality::Fact {
        text.push_str(&format!(" [{}]", c.modality));
    }
    text
}

/// Checks a table of (sentence or passage, expected claim lines), in a 2017-10-16 article.
pub(super) fn check(lang: &str, cases: &[(&str, &[&str])]) {
    check_dated(lang, Some("2017-10-16"), cases);
}

pub(super) fn check_dated(lang: &str, date: Option<&str>, cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = claims_with(text, date, lang);
        if got != *expected {
            failures.push(format!("{text}\n   expected {expected:?}\n   got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn dutch_capture_cues_active_and_passive() {
    check(
        "nl",
        &[
            (
                "De Syrische Democratische Strijdkrachten veroverden vorige maand Tabqa.",
                &["2017-09 tabqa sdf captured"],
            ),
            ("Manbij werd in augustus 2016 ingenomen door de SDF.", &["2016-08 manbij sdf captured"]),
            (
                "Iraakse regeringstroepen hebben Tikrit in april 2015 heroverd op IS.",
                &["2015-04 tikrit iraqi-gov captured is"],
            ),
            ("Ramadi viel in mei 2015 in handen van IS.", &["2015-05 ramadi is captured"]),
            ("Op 9 juli 2017 werd Mosul door het Iraakse leger bevrijd.", &["2017-07-09 mosul iraqi-gov captured"]),
            (
                "Het Iraakse leger verdreef de jihadisten in juni 2016 uit Fallujah.",
                &["2016-06 fallujah iraqi-gov captured is"],
            ),
            ("Palmyra viel in mei 2015 aan IS.", &["2015-05 palmyra is captured"]),
            ("IS-strijders namen in de zomer van 2014 ook Baiji in.", &["2014-06/2014-08 baiji is captured"]),
            ("De jihadisten werden in juni 2016 uit Fallujah verdreven.", &["2016-06 fallujah is lost"]),
            ("Kobani wordt heroverd op IS.", &["2017-10-16 kobani is contested"]),
        ],
    );
}

#[test]
fn dutch_hold_loss_siege_and_contest_cues() {
    check(
        "nl",
        &[
            ("Hajin is nog altijd in handen van IS.", &["2017-10-16 hajin is holds"]),
            ("Volgens waarnemers controleert de SDF inmiddels Manbij.", &["2017-10-16 manbij sdf holds [claimed]"]),
            ("IS heeft alleen nog de stad Boukamal in handen.", &["2017-10-16 abu-kamal is holds"]),
            ("Tal Afar gold lang als een bolwerk van IS.", &["2016/2017-10-15 tal-afar is holds"]),
            ("IS verloor in juni 2016 de stad Fallujah.", &["2016-06 fallujah is lost"]),
            (
                "De val van Ramadi in mei 2015 was een zware klap voor de regering in Bagdad.",
                &["2015-05 ramadi iraqi-gov lost"],
            ),
            ("Het verlies van Tikrit in april 2015 was een klap voor IS.", &["2015-04 tikrit is lost"]),
            (
                "Deir ez-Zor was in handen van IS. Het Syrische leger omsingelde in september de stad.",
                &["2017-10-16 deir-ez-zor is holds", "2017-09 deir-ez-zor is besieged syrian-gov"],
            ),
            (
                "De Koerden hielden Kobani in handen. Kobani werd in oktober 2014 door IS belegerd.",
                &["2017-10-16 kobani sdf holds", "2014-10 kobani sdf besieged is"],
            ),
            ("Het Syrische leger omsingelde in september Deir ez-Zor.", &[]),
            (
                "IS heeft Mayadeen nog in handen. De stad is sinds gisteren omsingeld door het Syrische leger.",
                &["2017-10-16 mayadin is holds", "2017-10-15 mayadin is besieged syrian-gov"],
            ),
            ("De strijd om Mosul tegen IS begon in oktober 2016.", &["2016-10 mosul is contested"]),
            ("Het offensief op Raqqa tegen IS begon in juni.", &["2017-06 raqqa is contested"]),
            (
                "Kirkuk is in handen van de Peshmerga. De aanval op Kirkuk door IS werd afgeslagen.",
                &["2017-10-16 kirkuk kurdistan holds", "2017-10-16 kirkuk kurdistan contested is"],
            ),
        ],
    );
}

#[test]
fn dutch_words_used_for_other_things_give_no_claims() {
    check(
        "nl",
        &[
            ("Ajax veroverde zondag de koppositie in de eredivisie.", &[]),
            ("Het kabinet heeft de controle over de begroting verloren.", &[]),
            ("Bij een bomaanslag in Kirkuk vielen gisteren twintig doden.", &[]),
            ("IS-strijders vielen gisteren een checkpoint bij Kirkuk aan.", &[]),
            ("De Iraakse premier bezocht het bevrijde Mosul.", &[]),
            ("Amerikaanse vliegtuigen bombardeerden stellingen rond Hajin.", &[]),
            ("In Mosul werden gisteren twee scholen heropend.", &[]),
            (
                "Duizenden inwoners vluchtten naar Kirkuk, dat in handen is van de Koerden.",
                &["2017-10-16 kirkuk kurdistan holds"],
            ),
            ("Koerdische strijders houden stand in Kobani.", &["2017-10-16 kobani sdf holds"]),
            (
                "Ten zuiden van Mosul heroverde het leger vorige week het dorp Dan.",
                &["2017-10-09/2017-10-15 dan syrian-gov captured"],
            ),
            ("De SDF is dinsdag begonnen met de verovering van Raqqa.", &[]),
            (
                "IS hield Mosul in handen. In januari heroverde het leger Oost-Mosul.",
                &["2017-10-16 mosul is holds", "2017-01 mosul iraqi-gov partial is"],
            ),
        ],
    );
}

#[test]
fn dutch_partial_words_and_negation() {
    check(
        "nl",
        &[
            (
                "Mayadeen is inmiddels grotendeels in handen van het Syrische leger.",
                &["2017-10-16 mayadin syrian-gov partial"],
            ),
            ("IS controleert nog een deel van Hajin.", &["2017-10-16 hajin is partial"]),
            ("In Raqqa houden de jihadisten de laatste wijk nog in handen.", &["2017-10-16 raqqa is partial"]),
            ("Tikrit is niet meer in handen van IS.", &["2017-10-16 tikrit is lost"]),
            ("De SDF veroverde Raqqa niet.", &[]),
            ("Raqqa ligt grotendeels in puin.", &[]),
        ],
    );
}

#[test]
fn dutch_actors_descriptions_pronouns_and_countries() {
    check(
        "nl",
        &[
            ("De door de VS gesteunde SDF heroverde in juli Tabqa.", &["2017-07 tabqa sdf captured"]),
            (
                "Syrische regeringstroepen namen vorige week Mayadeen in.",
                &["2017-10-09/2017-10-15 mayadin syrian-gov captured"],
            ),
            ("De Koerden heroverden in januari 2015 Kobani.", &["2015-01 kobani sdf captured"]),
            ("De Koerden heroverden in november 2015 de Iraakse stad Sinjar.", &["2015-11 sinjar kurdistan captured"]),
            (
                "Turkse troepen en door Turkije gesteunde rebellen hebben zondag Kobani ingenomen.",
                &["2017-10-15 kobani turkey captured", "2017-10-15 kobani syrian-opposition captured"],
            ),
            ("De Koerdische YPG trok zich in de nacht terug uit Kobani.", &["2017-10-16 kobani sdf lost"]),
            ("In Noord-Syrië heeft IS nog het grootste deel van Raqqa in handen.", &["2017-10-16 raqqa is partial"]),
            (
                "IS-strijders trokken in augustus Hawija binnen. Zij controleren de stad sindsdien.",
                &["2017-08 hawija is captured", "2017-10-16 hawija is holds"],
            ),
            ("Het leger heroverde in maart Tikrit op de jihadisten.", &["2017-03 tikrit iraqi-gov captured is"]),
        ],
    );
}

#[test]
fn dutch_places_with_country_hints_and_guards() {
    check(
        "nl",
        &[
            ("De SDF veroverde in juni 2017 het Syrische Sinjar.", &["2017-06 sinjar-sy sdf captured"]),
            ("De Iraakse stad Sinjar viel in augustus 2014 in handen van IS.", &["2014-08 sinjar is captured"]),
            (
                "IS veroverde in juni 2014 Deir al-Zor en Albu Kamal.",
                &["2014-06 deir-ez-zor is captured", "2014-06 abu-kamal is captured"],
            ),
            ("Dan veroverde IS in juni 2014 ook Tikrit.", &["2014-06 tikrit is captured"]),
            // a personal name is no place (no Baghdad); the proclamation is a background hold
            // of Mosul (branch xholds)
            (
                "IS-leider Abu Bakr al-Baghdadi riep in juni 2014 het kalifaat uit in Mosul.",
                &["2014-06 mosul is holds"],
            ),
            (
                "Volgens generaal Bakr heeft het leger Tikrit in handen.",
                &["2017-10-16 tikrit iraqi-gov holds [claimed]"],
            ),
            ("Generaal Dan zegt dat de SDF Tabqa in handen heeft.", &["2017-10-16 tabqa sdf holds [claimed]"]),
            ("De SDF veroverde in mei Tell Abyad.", &[]),
            ("De SDF veroverde in mei het stadje Salem.", &["2017-05 salem sdf captured"]),
            ("De SDF veroverde in mei Salem.", &[]),
        ],
    );
}

#[test]
fn dutch_descriptions_refer_back_and_passive_subjects_are_besieged() {
    check(
        "nl",
        &[
            (
                "IS heroverde Palmyra in december 2016. De historische stad was in maart door regeringstroepen heroverd.",
                &["2016-12 palmyra is captured", "2017-03 palmyra syrian-gov captured is"],
            ),
            (
                "In Deir ez-Zor wordt het Syrische leger al jaren belegerd door de jihadisten.",
                &["2017-10-16 deir-ez-zor syrian-gov besieged is"],
            ),
            ("IS houdt Raqqa sinds januari 2014 in handen.", &["2014-01 raqqa is holds"]),
        ],
    );
}

#[test]
fn dutch_explicit_relative_and_vague_dates() {
    check(
        "nl",
        &[
            ("IS heroverde op 14 februari 2016 Palmyra.", &["2016-02-14 palmyra is captured"]),
            ("IS veroverde in november 2016 Palmyra.", &["2016-11 palmyra is captured"]),
            ("IS veroverde juni 2014 Mosul.", &["2014-06 mosul is captured"]),
            ("Het Iraakse leger heroverde gisteren Hawija.", &["2017-10-15 hawija iraqi-gov captured"]),
            ("Het Iraakse leger heroverde zondag Hawija.", &["2017-10-15 hawija iraqi-gov captured"]),
            ("Het Iraakse leger heroverde vorige week Hawija.", &["2017-10-09/2017-10-15 hawija iraqi-gov captured"]),
            (
                "Het Syrische leger heroverde afgelopen weekend Mayadeen.",
                &["2017-10-14/2017-10-15 mayadin syrian-gov captured"],
            ),
            ("Het Iraakse leger heroverde eerder deze maand Hawija.", &["2017-10 hawija iraqi-gov captured"]),
            ("Het Syrische leger heroverde in september Deir ez-Zor.", &["2017-09 deir-ez-zor syrian-gov captured"]),
            ("Het Syrische leger heroverde in november Palmyra.", &["2016-11 palmyra syrian-gov captured"]),
            ("Het Iraakse leger heroverde in juli dit jaar Mosul.", &["2017-07 mosul iraqi-gov captured"]),
            ("Het Iraakse leger heroverde vorig jaar Fallujah.", &["2016 fallujah iraqi-gov captured"]),
            (
                "Rusland begon halverwege 2015 met luchtaanvallen, en IS verloor Palmyra.",
                &["2017-10-16 palmyra is lost"],
            ),
            ("Halverwege 2015 verloor IS Tal Afar nog niet.", &[]),
            ("IS verloor Kobani halverwege 2015.", &["2015 kobani is lost"]),
        ],
    );
}

#[test]
fn dutch_undated_claims_use_the_article_date_as_an_upper_bound() {
    let found = candidates("Manbij is in handen van de SDF.", Some("2017-10-16"), "nl");
    assert_eq!(found.len(), 1);
    assert!(found[0].note.contains("upper bound"), "{}", found[0].note);
}

#[test]
fn dutch_modality() {
    check(
        "nl",
        &[
            ("Het leger zal Hawija binnenkort heroveren.", &["2017-10-16 hawija iraqi-gov captured [expected]"]),
            ("Raqqa is straks in handen van de SDF.", &["2017-10-16 raqqa sdf captured [expected]"]),
            (
                "De verwachting is dat Tal Afar deze week in handen van het Iraakse leger valt.",
                &["2017-10-16 tal-afar iraqi-gov captured [expected]"],
            ),
            ("IS zou Palmyra in december 2016 hebben heroverd.", &["2016-12 palmyra is captured [hedged]"]),
            ("De jihadisten zouden Hajin vorige maand hebben verloren.", &["2017-09 hajin is lost [hedged]"]),
            ("Naar verluidt heeft IS Boukamal nog in handen.", &["2017-10-16 abu-kamal is holds [hedged]"]),
            ("De SDF heeft Tabqa waarschijnlijk in mei veroverd.", &["2017-05 tabqa sdf captured [hedged]"]),
            (
                "Het Syrische regime claimde in september de herovering van Deir ez-Zor.",
                &["2017-09 deir-ez-zor syrian-gov captured [claimed]"],
            ),
            ("De SDF heeft Raqqa ingenomen, meldt het leger.", &["2017-10-16 raqqa sdf captured [claimed]"]),
            (
                "Het Syrische leger heeft Mayadeen heroverd, zo maakte een woordvoerder bekend.",
                &["2017-10-16 mayadin syrian-gov captured [claimed]"],
            ),
            // "hun strijders" refers back to the SDF
            (
                "De SDF maakte gisteren bekend dat Tabqa is ingenomen door hun strijders.",
                &["2017-10-16 tabqa sdf captured [claimed]"],
            ),
            (
                "Rusland zegt dat het Syrische leger Palmyra heeft heroverd.",
                &["2017-10-16 palmyra syrian-gov captured [claimed]"],
            ),
            ("Het leger wil Hawija voor het einde van het jaar heroveren.", &[]),
            ("IS probeerde in mei Kobani in te nemen.", &[]),
        ],
    );
}

#[test]
fn dutch_passages_carry_context_between_sentences() {
    check(
        "nl",
        &[
            (
                "IS nam in juni 2014 Mosul in. Op 9 juli 2017 werd de stad bevrijd verklaard.",
                &["2014-06 mosul is captured", "2017-07-09 mosul is lost"],
            ),
            (
                "De SDF omsingelde in juni Raqqa. De herovering van de stad duurde vier maanden.",
                &["2017-10-16 raqqa sdf captured"],
            ),
            (
                "IS nam in juni 2014 Mosul in. Pas na de inname van Mosul schrok de wereld wakker.",
                &["2014-06 mosul is captured", "2014-06 mosul is captured"],
            ),
            ("IS veroverde in juni 2014 Mosul. Daarna volgde Tal Afar.", &["2014-06 mosul is captured"]),
            (
                "In juli 2017 viel Mosul. Daarna verdreef het leger IS uit Tal Afar.",
                &["2017-07/2017-10-16 tal-afar iraqi-gov captured is"],
            ),
        ],
    );
}

#[test]
fn english_cues_dates_and_modality() {
    check(
        "en",
        &[
            ("Iraqi forces captured Tikrit in April 2015.", &["2015-04 tikrit iraqi-gov captured"]),
            ("Islamic State seized Ramadi last May.", &["2017-05 ramadi is captured"]),
            ("Syrian government forces retook Palmyra from IS in March.", &["2017-03 palmyra syrian-gov captured is"]),
            ("Mosul fell to IS in June 2014.", &["2014-06 mosul is captured"]),
            ("The SDF liberated Manbij in August 2016.", &["2016-08 manbij sdf captured"]),
            ("Iraqi troops drove IS fighters out of Fallujah last year.", &["2016 fallujah iraqi-gov captured is"]),
            ("IS still controls Hajin.", &["2017-10-16 hajin is holds"]),
            ("The jihadists still hold most of Hajin.", &["2017-10-16 hajin is partial"]),
            ("Boukamal is the last IS stronghold in Syria.", &["2017-10-16 abu-kamal is holds"]),
            ("IS lost Tabqa yesterday.", &["2017-10-15 tabqa is lost"]),
            ("The fall of Mosul last week was a blow to IS.", &["2017-10-09/2017-10-15 mosul is lost"]),
            (
                "Kurdish fighters held Kobani. In the autumn of 2014 Kobani was besieged by IS.",
                &["2017-10-16 kobani sdf holds", "2014-09/2014-11 kobani sdf besieged is"],
            ),
            (
                "IS held Deir ez-Zor. Syrian troops encircled the city in September.",
                &["2017-10-16 deir-ez-zor is holds", "2017-09 deir-ez-zor is besieged syrian-gov"],
            ),
            ("The battle for Raqqa against IS began in June.", &["2017-06 raqqa is contested"]),
            ("The offensive on Raqqa against IS began in the summer of 2017.", &["2017-06/2017-08 raqqa is contested"]),
            ("The SDF will take Raqqa within weeks.", &["2017-10-16 raqqa sdf captured [expected]"]),
            ("Iraqi forces are expected to retake Hawija.", &["2017-10-16 hawija iraqi-gov captured [expected]"]),
            ("IS reportedly recaptured Palmyra in December 2016.", &["2016-12 palmyra is captured [hedged]"]),
            ("IS allegedly lost Tal Afar in August.", &["2017-08 tal-afar is lost [hedged]"]),
            ("The Syrian army claimed it had retaken Mayadeen.", &["2017-10-16 mayadin syrian-gov captured [claimed]"]),
            ("Kobani was partly held by IS in mid-2015.", &["2015 kobani is partial"]),
            (
                "Islamic State seized Mosul in June 2014. Iraqi forces launched the offensive to recapture the city last \
                 October. Eastern Mosul was declared liberated in January.",
                &[
                    "2014-06 mosul is captured",
                    "2016-10 mosul is contested iraqi-gov",
                    "2017-01 mosul iraqi-gov partial is [claimed]",
                ],
            ),
            (
                "The prime minister arrived in Mosul on Sunday to praise the army for retaking the city from IS.",
                &["2017-10-15 mosul iraqi-gov captured is"],
            ),
        ],
    );
}

#[test]
fn regions_and_descriptive_aliases() {
    check(
        "nl",
        &[
            (
                "IS heeft nog een enclave in handen bij de grens met Israël.",
                &["2017-10-16 region:yarmouk-basin is holds"],
            ),
            (
                "IS-strijders controleren nog stukken woestijn in het Iraaks-Syrische grensgebied.",
                &["2017-10-16 region:syria-iraq-border-desert is partial"],
            ),
            ("De SDF rukt op in de Eufraatvallei tegen IS.", &[]),
            (
                "IS heeft zich teruggetrokken naar dorpen rondom de Eufraatvallei.",
                &["2017-10-16 region:middle-euphrates-valley is partial"],
            ),
            ("IS heeft zich teruggetrokken naar dorpen rond Hajin.", &[]),
        ],
    );
}

#[test]
fn articles_without_a_date_keep_only_absolute_dates() {
    check_dated(
        "nl",
        None,
        &[
            ("IS veroverde in juni 2014 Mosul.", &["2014-06 mosul is captured"]),
            ("Het leger heroverde gisteren Hawija.", &[]),
            ("Manbij is in handen van de SDF.", &[]),
        ],
    );
}

#[test]
fn a_date_marker_wins_over_the_default_date() {
    let found = claims_with(" date 2016-03 Het leger heroverde gisteren Ramadi.", Some("2017-10-16"), "nl");
    assert_eq!(found, ["2016-03 ramadi iraqi-gov captured"]);
}

#[test]
fn language_detection_picks_the_lexicon_by_function_words() {
    let gazetteer = gazetteer();
    let factions = factions();
    let mut extractor = Extractor::new(&gazetteer, &factions, &lexicons()).expect("the lexicons compile");
    assert_eq!(
        extractor.pick_language(&LangChoice::Auto, "De stad viel in handen van de SDF en het leger.".as_bytes()),
        0
    );
    assert_eq!(
        extractor.pick_language(&LangChoice::Auto, "The city fell to the SDF and the army took it.".as_bytes()),
        1
    );
}

#[test]
fn evidence_spans_and_cues_point_into_the_text() {
    let text = "Inleiding zonder claim. Manbij werd in augustus 2016 ingenomen door de SDF.";
    let found = candidates(text, Some("2017-10-16"), "nl");
    assert_eq!(found.len(), 1);
    let (a, b) = found[0].evidence;
    assert!(text[a..b].contains("Manbij") && text[a..b].contains("ingenomen"), "{}", &text[a..b]);
    assert_eq!(found[0].source.to_string(), "t.txt#2");
    assert_eq!(found[0].cues, ["ingenomen"]);
}

mod never_panics {
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "de",
        "het",
        "IS",
        "is",
        "SDF",
        "Raqqa",
        "Mosul",
        "Deir",
        "ez-Zor",
        "viel",
        "in",
        "handen",
        "van",
        "aan",
        "heeft",
        "veroverd",
        "door",
        "op",
        "niet",
        "meer",
        "zou",
        "zal",
        "gisteren",
        "juli",
        "2017",
        "9",
        "de stad",
        "daar",
        "zij",
        "dat",
        "en",
        ",",
        ";",
        "–",
        "(",
        ")",
        ".",
        "de val van",
        "het offensief op",
        "grotendeels",
        "omsingeld",
        "werd",
        "wordt",
        "te",
        "om",
        "Koerden",
        "Sinjar",
        "Tell",
        "Abyad",
        "Dan",
        "Bakr",
        "al-",
        "zomer",
        "halverwege",
        "vorige",
        "week",
        "afgelopen",
        "weekend",
        "zondag",
        "captured",
        "fell",
        "to",
        "the",
        "fall",
        "of",
        "last",
        "mid-2015",
        "Ḩawījah",
        "Syrië",
        "IS-strijders",
        "’s",
        "\u{FFFD}",
        "\t",
        "\n",
    ];

    fn text() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            4 => proptest::sample::select(WORDS).prop_map(str::to_string),
            1 => "\\PC{0,6}",
        ];
        (proptest::collection::vec(word, 0..60), proptest::option::of("[0-9]{4}-[01][0-9]")).prop_map(
            |(words, marker)| {
                format!("{}{}", marker.map(|m| format!(" date {m} ")).unwrap_or_default(), words.join(" "))
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
        #[test]
        fn extraction_never_panics_and_spans_stay_inside_the_text(text in text()) {
            if text.trim().is_empty() {
                return Ok(());
            }
            for lang in ["nl", "en"] {
                for c in super::candidates(&text, Some("2017-10-16"), lang) {
                    prop_assert!(c.evidence.0 <= c.evidence.1 && c.evidence.1 <= text.len());
                    prop_assert!(text.is_char_boundary(c.evidence.0) && text.is_char_boundary(c.evidence.1));
                    prop_assert!((0.0..=1.0).contains(&c.confidence));
                }
            }
        }
    }
}
