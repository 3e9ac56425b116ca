//! Table-driven tests of day dates, ranges and partial extents (branch `xdates`, issue 10):
//! ranges written with two dates, "toen"/"when" clauses, "the same day", words of the present
//! after an earlier date, new day and range patterns, parts of a town named without the town,
//! and sieges of a part. Every sentence is written for these tests (the article is dated Monday
//! 2017-10-16); each class has negative sentences (places and dates, no claim).

use crate::extract::tests::check;

#[test]
fn a_range_of_two_dates_spans_both() {
    check(
        "nl",
        &[
            ("Van maart tot juni 2016 had IS Manbij in handen.", &["2016-03/2016-06 manbij is holds"]),
            ("Tussen 2014 en 2016 was Tabqa in handen van IS.", &["2014/2016 tabqa is holds"]),
            (
                "In de tweede helft van 2015 heroverde het Iraakse leger Baiji op IS.",
                &["2015-07/2015 baiji iraqi-gov captured is"],
            ),
            // dates and a place, no claim
            ("Van 2014 tot 2016 woonden duizenden vluchtelingen in Manbij.", &[]),
        ],
    );
    check(
        "en",
        &[
            ("From June 2014 to July 2017 the jihadists held Mosul.", &["2014-06/2017-07 mosul is holds"]),
            ("Between March and May the army retook Baiji.", &["2017-03/2017-05 baiji iraqi-gov captured"]),
            ("Between 2014 and 2016 aid agencies worked in Manbij.", &[]),
        ],
    );
}

#[test]
fn a_when_clause_takes_the_date_before_it() {
    check(
        "en",
        &[
            (
                "Islamic State held Tikrit from June 2014, when its fighters overran the city.",
                &["2014-06 tikrit is holds", "2014-06 tikrit is captured"],
            ),
            ("Aid reached Tikrit in March, when the roads reopened.", &[]),
        ],
    );
    check(
        "nl",
        &[
            ("Sinds mei 2015, toen IS Palmyra innam, is het daar onrustig.", &["2015-05 palmyra is captured"]),
            ("In maart kwamen de eerste vluchtelingen terug naar Palmyra, toen de wegen weer open waren.", &[]),
        ],
    );
}

#[test]
fn the_same_day_is_the_date_told_before() {
    check(
        "en",
        &[
            (
                "The SDF took Tabqa on Wednesday. The same day, the SDF entered Manbij, officials said.",
                &["2017-10-11 tabqa sdf captured", "2017-10-11 manbij sdf captured [claimed]"],
            ),
            (
                "The SDF took Tabqa on Wednesday. The same day, a convoy reached Manbij.",
                &["2017-10-11 tabqa sdf captured"],
            ),
        ],
    );
    check(
        "nl",
        &[(
            "Het Syrische leger heroverde zaterdag Mayadin op IS. Diezelfde dag trok het leger ook Palmyra binnen.",
            &["2017-10-14 mayadin syrian-gov captured is", "2017-10-14 palmyra syrian-gov captured"],
        )],
    );
}

#[test]
fn a_word_of_the_present_undoes_an_earlier_date() {
    check(
        "en",
        &[(
            "Between March and May the army retook Baiji; the jihadists now hold only the outskirts of Tikrit.",
            &["2017-03/2017-05 baiji iraqi-gov captured", "2017-10-16 tikrit is partial"],
        )],
    );
    check(
        "nl",
        &[(
            "Het offensief op Tikrit begon in maart; het leger zegt inmiddels de helft van Tikrit te controleren.",
            &["2017-10-16 tikrit iraqi-gov partial [claimed]"],
        )],
    );
}

#[test]
fn day_patterns_resolve_against_the_article_date() {
    check(
        "en",
        &[
            ("On the 12th, the SDF captured Tabqa.", &["2017-10-12 tabqa sdf captured"]),
            ("The SDF captured Tabqa on the 3rd of October.", &["2017-10-03 tabqa sdf captured"]),
            ("On the 12th, aid workers visited Tabqa.", &[]),
        ],
    );
    check(
        "nl",
        &[
            ("Zaterdagmiddag nam de SDF Tabqa in.", &["2017-10-14 tabqa sdf captured"]),
            ("In de nacht van zaterdag op zondag nam de SDF Tabqa in.", &["2017-10-15 tabqa sdf captured"]),
            ("Zaterdagmiddag bezochten hulpverleners Tabqa.", &[]),
        ],
    );
}

#[test]
fn a_part_of_the_town_without_its_name_is_partial() {
    check(
        "nl",
        &[
            (
                "IS heeft Hajin nog in handen. Het Syrische leger zegt inmiddels de oostelijke wijken te controleren.",
                &["2017-10-16 hajin is holds", "2017-10-16 hajin syrian-gov partial [claimed]"],
            ),
            (
                "De SDF rukte op naar Raqqa. IS-strijders hebben volgens de SDF nog delen van het centrum in handen.",
                &["2017-10-16 raqqa is partial [claimed]"],
            ),
            // holding a part: "houdt nog" only with a part after it ("houdt nog rekening met" is no hold)
            (
                "De SDF rukte op naar Raqqa. IS-strijders houden volgens de SDF nog delen van het centrum.",
                &["2017-10-16 raqqa is partial [claimed]"],
            ),
            ("IS houdt volgens eigen zeggen nog het centrum van Raqqa.", &["2017-10-16 raqqa is partial [claimed]"]),
            // a part noun with no claim
            (
                "IS heeft Hajin nog in handen. De oostelijke wijken kregen zaterdag weer stroom.",
                &["2017-10-16 hajin is holds"],
            ),
        ],
    );
    check(
        "en",
        &[
            (
                "Islamic State still holds Mayadin. Syrian troops now control the eastern districts, a commander said.",
                &["2017-10-16 mayadin is holds", "2017-10-16 mayadin syrian-gov partial [claimed]"],
            ),
            // a region-sized extent with no town: no claim on the town told before
            (
                "Islamic State still holds Mayadin. The jihadists also hold large swathes of the desert.",
                &["2017-10-16 mayadin is holds"],
            ),
        ],
    );
}

#[test]
fn a_siege_of_a_part_is_a_siege_of_the_town() {
    check(
        "nl",
        &[
            (
                "IS houdt Mosul nog in handen. Iraakse troepen hebben zondag het westen van Mosul omsingeld.",
                &["2017-10-16 mosul is holds", "2017-10-15 mosul is besieged iraqi-gov"],
            ),
            // a direction that places something else, no siege
            (
                "IS houdt Mosul nog in handen. Iraakse troepen staan ten westen van Mosul.",
                &["2017-10-16 mosul is holds"],
            ),
        ],
    );
}

#[test]
fn breaking_into_a_part_is_a_partial_capture() {
    check(
        "en",
        &[
            (
                "On Tuesday Islamic State fighters broke into the southern part of Kobani.",
                &["2017-10-10 kobani is partial"],
            ),
            ("On Tuesday thieves broke into a shop in Kobani.", &[]),
        ],
    );
}
