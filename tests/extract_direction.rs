//! Whole-binary tests of the direction of a change of hands (branch `ndirection`, issue 10): which
//! side took a place and which lost it, read from Dutch word order and voice rather than from the
//! side named first. Main clauses with the object first (V2), verb-final clauses after "nadat" and
//! "waarna", passives with "door" and "op", relative asides about a side, handovers, losses "aan"
//! a side, a place taken "af van" a side, a fall told again after its capture, holds told by a
//! bare verb, and the holder of a besieged town; with English analogues. Uses the repository's
//! geodata; every sentence is written for these tests (none from an article or the development
//! set), with negatives.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn a_fall_told_again_after_its_capture_is_the_takers_capture() {
    check(
        "nl",
        &[
            (
                "Het Iraakse leger heeft Ramadi op IS heroverd. De val van Ramadi was een zware klap.",
                &["Ramadi iraqi-gov captured is", "Ramadi iraqi-gov captured -"],
            ),
            (
                "Azerbeidzjaanse troepen hebben Shusha ingenomen. De stad viel na dagen van gevechten.",
                &["Shusha azerbaijan captured -", "Shusha azerbaijan captured -"],
            ),
            // no capture told before: the known holder lost it
            ("IS had Mosul jarenlang in handen. De stad viel in juli.", &["Mosul is holds -", "Mosul is lost -"]),
        ],
    );
    check(
        "en",
        &[(
            "Azerbaijani forces captured Shusha on Sunday. The fall of Shusha ended the war.",
            &["Shusha azerbaijan captured -", "Shusha azerbaijan captured -"],
        )],
    );
}

#[test]
fn word_order_and_voice_give_the_side_that_lost_or_took() {
    check(
        "nl",
        &[
            // V2 with the object first: the army lost the town
            ("Ramadi heeft het Iraakse leger vorige week verloren.", &["Ramadi iraqi-gov lost -"]),
            // ... and a denial of it is no claim
            ("Ramadi heeft het Iraakse leger nooit verloren.", &[]),
            // passive with "door" and "op"
            ("Tal Afar werd door het Iraakse leger op IS heroverd.", &["Tal Afar iraqi-gov captured is"]),
            // verb-final clause after "nadat"
            (
                "Nadat de SDF IS uit Raqqa hadden verdreven, keerden de eerste bewoners terug.",
                &["Raqqa sdf captured is"],
            ),
            // verb-final clause after "waarna": the side whose hands it came into took it
            (
                "De Koerdische YPG trok zich terug, waarna Afrin in handen van het Turkse leger kwam.",
                &["Afrin turkey captured -"],
            ),
            ("Kobani kwam daarna weer in handen van de SDF.", &["Kobani sdf captured -"]),
            // a relative aside about the place keeps its own taker; the main clause its own
            (
                "Ook Ad Durayhimi, dat het Jemenitische leger in 2018 op de Houthi's had veroverd, kwam weer in handen van de Houthi's.",
                &["Ad Durayhimī yemen-gov captured houthis", "Ad Durayhimī houthis captured yemen-gov"],
            ),
        ],
    );
    check(
        "en",
        &[
            ("The Iraqi army lost Ramadi to Islamic State.", &["Ramadi iraqi-gov lost is"]),
            ("Islamic State fighters wrested Palmyra from the Syrian army.", &["Palmyra is captured syrian-gov"]),
            ("Mosul fell to Islamic State in June.", &["Mosul is captured -"]),
            ("Ramadi was retaken from Islamic State by the Iraqi army.", &["Ramadi iraqi-gov captured is"]),
        ],
    );
}

#[test]
fn giving_up_handing_over_and_taking_off_a_side() {
    check(
        "nl",
        &[
            ("Het Iraakse leger moest Ramadi prijsgeven aan IS.", &["Ramadi iraqi-gov lost is"]),
            ("Armenië moest Kalbajar afstaan aan Azerbeidzjan.", &["Kalbajar armenia lost azerbaijan"]),
            // a vow not to give it up is no claim
            ("Het Iraakse leger zegt dat het Mosul nooit aan IS zal afstaan.", &[]),
            ("Het Turkse leger pakte Jandaris af van de YPG.", &["Jindayris turkey captured sdf"]),
            ("Het Iraakse leger ontnam IS vorige week Fallujah.", &["Fallujah iraqi-gov captured is"]),
            // the place is the subject, the side that lost it the object
            ("Mosul ontglipte het Iraakse leger in juni.", &["Mosul iraqi-gov lost -"]),
            ("De VN droeg Kidal vorige maand over aan het Malinese leger.", &["Kidal mali-gov captured -"]),
            // a surrender after "zich ... over": a loss by the side that surrendered
            (
                "In Ramadi gaven zich zondag honderden strijders van IS over aan het Iraakse leger.",
                &["Ramadi is lost iraqi-gov"],
            ),
            // the town given up, not the one retreated to
            (
                "De Koerdische YPG gaf de stad Afrin op en trok zich terug naar Tal Rifaat.",
                &["Afrin sdf lost -", "Tall Rif‘at sdf partial -"],
            ),
        ],
    );
}

#[test]
fn holders_in_relative_asides_bare_verbs_and_sieges() {
    check(
        "nl",
        &[
            // the side before ", die" holds it, not the subject of the main clause
            (
                "Het Malinese leger heroverde Ménaka op JNIM, die de stad sinds 2022 in handen had.",
                &["Ménaka mali-gov captured jnim", "Ménaka jnim holds -"],
            ),
            // a bare verb of holding, object first or inverted
            ("Sinds maart houden de Houthi's Hodeida.", &["Al Ḩudaydah houthis holds -"]),
            ("Uvira wordt nog door het Congolese leger gehouden.", &["Uvira drc-gov holds -"]),
            // ... of its object only: an event held in a town is no hold of it
            ("Het Iraakse leger hield zaterdag een parade in Bagdad.", &[]),
            (
                "De Houthi-rebellen hebben Hodeida sinds 2014 in handen. Sinds maart houden de rebellen een gesprek in Hodeida.",
                &["Al Ḩudaydah houthis holds -"],
            ),
            // holding out against a besieger named in a restrictive relative clause
            (
                "Het Jemenitische leger houdt stand in Marib tegen de Houthi's die de stad belegeren.",
                &["Ma'rib yemen-gov holds -", "Ma'rib yemen-gov besieged houthis"],
            ),
            // a besieger from a third side: the besieged is the government, not the side the
            // government fought before
            (
                "Het Malinese leger heroverde Ménaka op IS. Timboektoe wordt belegerd door JNIM.",
                &["Ménaka mali-gov captured is", "Timbuktu mali-gov besieged jnim"],
            ),
        ],
    );
}
