//! Whole-binary tests of branch `asites` (issue 10): claims told about a site in or beside a
//! town, and about "the capital". "de hoofdstad" / "the capital" (with no name after it and
//! owning nothing) is the capital of the country the sentence or article is about (a demonym, a
//! town named, the article's last place, or the side's country); "the provincial capital" refers
//! back to a town; a distance ("op tachtig kilometer van de hoofdstad") names a landmark only. A
//! site of a city of a million or of a capital ("de luchthaven van Aden", "the capital's
//! airport", "Sanaa's airport") taken or held is a part of it; a base in a small town or a site
//! near a town stands for the town. Uses the repository's geodata; every sentence is written for
//! these tests (none from an article or the development set), with negatives.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn the_capital_is_the_capital_of_the_country_the_article_is_about() {
    check(
        "nl",
        &[
            (
                "Het Soedanese leger heeft zaterdag Omdurman heroverd. Volgens de legerleiding is nu ook de hoofdstad weer volledig in handen van het leger.",
                &["Omdurman saf captured -", "Khartoum saf holds -"],
            ),
            // a demonym says which country's capital
            ("De Houthi's beheersen de Jemenitische hoofdstad al sinds 2014.", &["Sanaa houthis holds -"]),
            // a site of the capital: a part of it
            ("De RSF hebben het vliegveld van de hoofdstad veroverd, zeggen ooggetuigen.", &["Khartoum rsf partial -"]),
        ],
    );
    check(
        "en",
        &[
            // no country named: the side's own
            (
                "RSF fighters said on Monday that they had seized the capital's main airport.",
                &["Khartoum rsf partial -"],
            ),
            (
                "Fighting reached the capital's outskirts, and Libyan government forces still hold the airport in Tripoli.",
                &["Tripoli gna partial -"],
            ),
        ],
    );
}

#[test]
fn a_capital_named_as_a_landmark_or_a_region_s_capital_is_no_claim_on_the_country_s_capital() {
    check(
        "nl",
        &[
            // a distance from the capital
            ("De rebellen namen dinsdag Gharyan in, een stad op tachtig kilometer van de hoofdstad.", &[]),
            (
                "Bij Jowhar, negentig kilometer van de hoofdstad, heeft het Somalische leger de brug weer onder controle.",
                &["jawhar-56335 somalia-gov holds -"],
            ),
            // an attack in the capital
            (
                "Het Soedanese leger heeft vrijdag El Obeid ontzet. Dinsdag kwam het bij een aanslag in de hoofdstad tot zware gevechten.",
                &[],
            ),
        ],
    );
    check(
        "en",
        &[(
            "Sudan's army retook Kosti on Friday. A week later the RSF encircled the provincial capital.",
            &["Kosti saf captured -", "Kosti saf besieged rsf"],
        )],
    );
}

#[test]
fn a_site_of_a_city_is_a_part_of_it_and_a_base_of_a_small_town_stands_for_the_town() {
    check(
        "nl",
        &[
            (
                "Jemenitische regeringstroepen hebben de luchthaven van Aden heroverd op de Houthi's.",
                &["Aden yemen-gov partial houthis"],
            ),
            ("De Russen hebben het vliegveld van Charkov ingenomen.", &["Kharkiv russia partial -"]),
            (
                "Het Somalische leger heeft zaterdag de legerbasis in Jalalaqsi ingenomen.",
                &["Jalalaqsi somalia-gov captured -"],
            ),
            // a site near a town stands for it
            ("Het LNA beheerst sinds 2017 de olieterminals bij Brega.", &["Al Burayqah lna holds -"]),
            // an air raid on a site is no claim
            ("Drones van het LNA bombardeerden maandag het vliegveld van Misrata.", &[]),
        ],
    );
    check(
        "en",
        &[
            ("Houthi fighters took Sanaa's airport on Monday.", &["Sanaa houthis partial -"]),
            ("Government troops captured an army base in Zalingei on Thursday.", &["Zalinjay saf captured -"]),
        ],
    );
}
