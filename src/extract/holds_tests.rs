//! Table-driven tests of the background holds and noun-phrase possessions of issue 10
//! (branch `xholds`): a caliphate or capital proclaimed in a place, a side fleeing to a place,
//! possession nouns of rank ("de grootste stad van", "the largest city of") and after a copula
//! ("X gold als de hoofdstad van"), and sentences that name places and sides but state no such
//! hold. Every sentence is written for these tests.

use crate::extract::tests::check;

#[test]
fn a_proclamation_in_a_place_is_a_hold_of_the_whole_place() {
    check(
        "nl",
        &[
            // active, the place after "in" before the verb: not a partial hold
            ("In Tal Afar riepen de jihadisten in 2014 het kalifaat uit.", &["2014 tal-afar is holds"]),
            // passive with an agent after the verb
            ("In maart 2015 werd in Palmyra het kalifaat uitgeroepen door IS.", &["2015-03 palmyra is holds"]),
            // a town proclaimed the capital, the place inside the gap
            ("IS had Tabqa in 2014 uitgeroepen tot hoofdstad van het kalifaat.", &["2014 tabqa is holds"]),
            // no caliphate or capital: a state of emergency is no hold
            ("De regering riep in juni in Bagdad de noodtoestand uit.", &[]),
        ],
    );
    check(
        "en",
        &[
            ("IS proclaimed its caliphate in Mosul in June 2014.", &["2014-06 mosul is holds"]),
            ("IS declared Raqqa its capital in January 2014.", &["2014-01 raqqa is holds"]),
            ("The president declared a state of emergency in Baghdad in June.", &[]),
        ],
    );
}

#[test]
fn a_side_fleeing_to_a_place_held_it_and_civilians_fleeing_imply_nothing() {
    check(
        "nl",
        &[
            // the destination, never the place fled from; hedged as the sentence is
            (
                "Naar verluidt zijn IS-leiders van Mosul naar Tal Afar gevlucht.",
                &["2017-10-16 tal-afar is holds [hedged]"],
            ),
            // a list of destinations
            (
                "De jihadisten vluchtten in juni naar Hajin en Bukamal.",
                &["2017-06 hajin is holds", "2017-06 abu-kamal is holds"],
            ),
            // no side flees: no claim, and nothing is presumed for later sentences
            ("Duizenden burgers vluchtten vorige week naar Manbij.", &[]),
            ("Honderden inwoners zijn uit Raqqa naar Tabqa gevlucht.", &[]),
            // a side named in another part of the sentence did not flee
            ("Nu de SDF Tabqa in handen heeft, vluchten velen naar Manbij.", &["2017-10-16 tabqa sdf holds"]),
        ],
    );
    check(
        "en",
        &[
            (
                "IS commanders reportedly fled to Mayadin last week.",
                &["2017-10-09/2017-10-15 mayadin is holds [hedged]"],
            ),
            ("IS leaders fled from Raqqa to Mayadin in October.", &["2017-10 mayadin is holds"]),
            ("Thousands of civilians fled to Manbij in August.", &[]),
        ],
    );
}

#[test]
fn possession_nouns_of_rank_and_after_a_copula() {
    check(
        "nl",
        &[
            // a noun of rank in apposition, held up to the fall the clause tells
            (
                "In juli verloor IS Mosul, veruit de grootste stad van het kalifaat.",
                &["2017-07 mosul is holds", "2017-07 mosul is lost"],
            ),
            // a possession noun after a copula ("gold als")
            ("Raqqa gold sinds 2014 als de hoofdstad van IS.", &["2014 raqqa is holds"]),
            // a possession in apposition to a place after "in" holds the whole place
            (
                "De SDF viel gisteren de laatste IS-strijders in Raqqa aan, de hoofdstad van het kalifaat.",
                &["2017-10-15 raqqa is holds", "2017-10-15 raqqa is contested sdf"],
            ),
            // owned by a country, not a side: no claim
            ("Mosul is de grootste stad van Noord-Irak.", &[]),
            ("Damascus is al eeuwen de hoofdstad van Syrië.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "Mosul, the largest city of the caliphate, fell in July.",
                &["2017-07 mosul is holds", "2017-07 mosul is lost"],
            ),
            ("Raqqa served as the capital of the Islamic State.", &["2017-10-16 raqqa is holds"]),
            ("Aleppo is the largest city of Syria.", &[]),
        ],
    );
}

#[test]
fn fighters_allowed_to_leave_is_no_loss() {
    check(
        "nl",
        &[
            // permission in the gap of the cue, and before it
            ("Honderden IS-strijders hebben gisteren Tabqa mogen verlaten.", &[]),
            ("Volgens het akkoord mogen de jihadisten Hajin verlaten.", &[]),
            // without it the same verb is a loss
            ("Honderden IS-strijders hebben gisteren Tabqa verlaten.", &["2017-10-15 tabqa is lost"]),
        ],
    );
    check(
        "en",
        &[
            ("Hundreds of IS fighters were allowed to leave Tabqa on Sunday.", &[]),
            ("IS fighters abandoned Tabqa on Sunday.", &["2017-10-15 tabqa is lost"]),
        ],
    );
}

#[test]
fn a_possessive_pronoun_owns_the_place_for_the_side_named_last() {
    check(
        "nl",
        &[
            (
                "IS verliest terrein. Zelfs haar hoofdstad Raqqa is nu deels in handen van de SDF.",
                &["2017-10-16 raqqa is holds", "2017-10-16 raqqa sdf partial"],
            ),
            // a side named before the pronoun: whose capital is unclear, no possession row
            ("IS verliest terrein. De SDF veroverde in juni hun hoofdstad Raqqa.", &["2017-06 raqqa sdf captured"]),
            // no place right after the noun: no claim
            ("IS verliest terrein. Haar hoofdstad ligt in puin.", &[]),
        ],
    );
    check(
        "en",
        &[(
            "IS is losing ground. Its capital Raqqa is now largely in the hands of the SDF.",
            &["2017-10-16 raqqa is holds", "2017-10-16 raqqa sdf partial"],
        )],
    );
}

#[test]
fn a_passive_capture_with_no_side_named_goes_to_the_side_taking_places() {
    check(
        "nl",
        &[
            // the side named last was taking places: it is the likelier taker
            (
                "IS veroverde in juni Mosul op het leger. In juli werden ook steden als Tikrit veroverd.",
                &["2017-06 mosul is captured iraqi-gov", "2017-07 tikrit is captured iraqi-gov"],
            ),
            // the side named last held the place: a loss by it, as before
            (
                "IS hield Tikrit lang in handen. In juli werd Tikrit veroverd.",
                &["2017-10-16 tikrit is holds", "2017-07 tikrit is lost"],
            ),
        ],
    );
    check(
        "en",
        &[(
            "IS seized Mosul from the army in June. In July towns such as Tikrit were taken as well.",
            &["2017-06 mosul is captured iraqi-gov", "2017-07 tikrit is captured iraqi-gov"],
        )],
    );
}

#[test]
fn members_of_a_side_who_leave_a_place_are_no_loss() {
    check(
        "nl",
        &[
            ("Niemand weet waar de IS-strijders die Tabqa verlaten naartoe gaan.", &[]),
            // the side itself leaving is a loss
            ("IS verliet gisteren Tabqa.", &["2017-10-15 tabqa is lost"]),
        ],
    );
    check("en", &[("Nobody knows where the IS fighters who leave Tabqa will go.", &[])]);
}
