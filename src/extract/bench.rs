//! Generated text for measuring extraction speed: the old corpus (paragraphs built from the
//! templates below, Dutch and English, a third of them claims) and [`news`], a seeded archive
//! that looks like news (titles, quotes, names, numbers, several conflicts, few claims).

pub mod news;

/// Sentence templates: `{P}` a place, `{A}` an actor, `{D}` a date expression. About a third
/// state a claim, the rest are the background news text is mostly made of.
const TEMPLATES: &[&str] = &[
    "Het Syrische leger heeft {D} de stad {P} heroverd op {A}, meldt een persbureau.",
    "Volgens lokale bronnen is {P} sinds {D} grotendeels in handen van {A}.",
    "De wederopbouw van scholen en ziekenhuizen zal naar schatting jaren duren, zeggen hulporganisaties.",
    "{A} zou {D} zijn teruggedrongen tot een paar wijken in het oosten van {P}.",
    "Duizenden burgers zijn de afgelopen dagen gevlucht naar kampen in het noorden van het land.",
    "De val van {P} {D} was een zware klap voor {A}.",
    "Iraakse regeringstroepen omsingelden {D} het stadje {P}, waar nog honderden strijders zitten.",
    "De gemeenteraad vergaderde {D} over de begroting voor het komende jaar en de nieuwe busbaan.",
    "{A} captured {P} {D} after weeks of heavy fighting, officials said.",
    "The battle for {P} is expected to last several more weeks, according to commanders on the ground.",
    "Aid agencies warned that food and medicine were running out in the camps around the city.",
    "Het offensief op {P} begon {D}, maar de opmars verloopt trager dan verwacht.",
    "Reporters who visited the old market on Sunday described streets lined with rubble and burned cars.",
    "{A} heeft {P} niet meer in handen, zo maakte een woordvoerder bekend.",
    "In de straten van {P} liggen nog altijd mijnen en blindgangers, waarschuwen ontmijners.",
    "Veel gezinnen wachten al maanden op nieuws over familieleden die tijdens de gevechten verdwenen.",
    "De prijs van brood is in een jaar tijd verdubbeld, vertelt een bakker op de markt.",
    "Diplomaten in Genève spraken {D} opnieuw over een staakt-het-vuren, zonder resultaat.",
    "Op de weg naar het zuiden staan lange rijen vrachtwagens met hulpgoederen te wachten.",
    "Het ziekenhuis draait op generatoren sinds de elektriciteitscentrale werd beschadigd.",
    "Leraren geven les in tenten, omdat de meeste schoolgebouwen zijn verwoest of bezet door ontheemden.",
    "De regering belooft een onderzoek naar de omstandigheden in de detentiekampen.",
    "Local officials said the water network would take months to repair.",
    "Many families returned to their homes only to find them looted or destroyed.",
    "Journalisten kregen {D} voor het eerst toegang tot het gebied, onder begeleiding van militairen.",
    "De vluchtelingen vertellen over maanden van honger, angst en bombardementen.",
    "Een woordvoerder van de Verenigde Naties riep alle partijen op burgers te sparen.",
    "De economie van de regio is volledig afhankelijk geworden van smokkel en hulp.",
];

const PLACES: &[&str] = &[
    "Raqqa",
    "Mosul",
    "Deir ez-Zor",
    "Mayadin",
    "Abu Kamal",
    "Rawa",
    "Sinjar",
    "Boukamal",
    "Deir Ezzour",
    "Al-Mayadeen",
];
const ACTORS: &[&str] = &[
    "IS",
    "de SDF",
    "het Iraakse leger",
    "de jihadisten",
    "het Syrische regime",
    "IS-strijders",
    "Iraqi forces",
    "the SDF",
];
const DATES: &[&str] = &[
    "gisteren",
    "in september",
    "vorige week",
    "op 9 juli 2017",
    "in november 2016",
    "afgelopen weekend",
    "in de zomer van 2014",
    "yesterday",
    "last week",
    "in July 2017",
];

/// About `bytes` bytes of article text (whole sentences, paragraphs of five), the same every time.
pub fn bench_corpus(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut in_paragraph = 0;
    while out.len() < bytes {
        let template = TEMPLATES[next(TEMPLATES.len())];
        let sentence = template
            .replace("{P}", PLACES[next(PLACES.len())])
            .replace("{A}", ACTORS[next(ACTORS.len())])
            .replace("{D}", DATES[next(DATES.len())]);
        out.push_str(&sentence);
        in_paragraph += 1;
        if in_paragraph == 5 {
            out.push('\n');
            in_paragraph = 0;
        } else {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_is_deterministic_and_about_the_asked_size() {
        let a = bench_corpus(10_000);
        assert_eq!(a, bench_corpus(10_000));
        assert!(a.len() >= 10_000 && a.len() < 10_400);
    }
}
