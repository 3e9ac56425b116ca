//! A seeded generator of a news-like archive: Dutch and English articles about several
//! conflicts (Syria, Iraq, Afrin, Ukraine, Karabakh, Sudan, Gaza, the Sahel, Myanmar) with a
//! title, paragraphs, sentences of news length, quotes, people's names, numbers and dates, and
//! the claim density of real reporting: most sentences state no claim, many name places and
//! actors without one. Every sentence is built from the templates below, written for this
//! generator (no text is taken from an article). Same seed, same archive, byte for byte.

/// One generated article, as a line of a JSON Lines archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsArticle {
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `None` for the share of records that leave the language to be guessed.
    pub lang: Option<&'static str>,
    pub text: String,
}

impl NewsArticle {
    /// The article as one JSON object (no line break), keys in the order id, date, lang, text.
    pub fn to_json_line(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 96);
        out.push_str("{\"id\":");
        push_json_string(&mut out, &self.id);
        out.push_str(",\"date\":");
        push_json_string(&mut out, &self.date);
        if let Some(lang) = self.lang {
            out.push_str(",\"lang\":");
            push_json_string(&mut out, lang);
        }
        out.push_str(",\"text\":");
        push_json_string(&mut out, &self.text);
        out.push('}');
        out
    }
}

fn push_json_string(out: &mut String, text: &str) {
    out.push_str(&serde_json::to_string(text).expect("a string serialises"));
}

/// The articles of the archive with `seed`, endless: take as many as needed.
pub fn archive(seed: u64) -> impl Iterator<Item = NewsArticle> {
    let mut rng = Rng::new(seed);
    (0u64..).map(move |n| article(&mut rng, seed, n))
}

/// About `bytes` bytes of article text (whole articles), the archive with `seed`.
pub fn archive_of_size(seed: u64, bytes: usize) -> Vec<NewsArticle> {
    let mut total = 0;
    archive(seed)
        .take_while(|a| {
            let more = total < bytes;
            total += a.text.len();
            more
        })
        .collect()
}

/// xorshift64*: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() >> 33) as usize % n.max(1)
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A conflict: its places (English and Dutch spelling), actors and years.
struct Conflict {
    places: &'static [(&'static str, &'static str)],
    actors_nl: &'static [&'static str],
    actors_en: &'static [&'static str],
    years: (u32, u32),
    first_names: &'static [&'static str],
    last_names: &'static [&'static str],
}

const ARABIC_FIRST: &[&str] = &["Ahmed", "Omar", "Layla", "Hassan", "Mariam", "Khalid", "Rania", "Youssef", "Samir"];
const ARABIC_LAST: &[&str] = &["al-Khalil", "Haddad", "Nasser", "al-Obeidi", "Darwish", "Saleh", "al-Hamdani"];

const CONFLICTS: &[Conflict] = &[
    Conflict {
        places: &[
            ("Raqqa", "Raqqa"),
            ("Deir ez-Zor", "Deir ez-Zor"),
            ("Mayadin", "Mayadin"),
            ("Abu Kamal", "Abu Kamal"),
            ("Tabqa", "Tabqa"),
            ("Manbij", "Manbij"),
            ("Kobani", "Kobani"),
            ("Palmyra", "Palmyra"),
            ("Hajin", "Hajin"),
            ("Baghouz", "Baghouz"),
        ],
        actors_nl: &["IS", "de SDF", "het Syrische leger", "de jihadisten", "het regime van Assad", "IS-strijders"],
        actors_en: &["Islamic State", "the SDF", "Syrian government forces", "the militants", "IS fighters"],
        years: (2014, 2019),
        first_names: ARABIC_FIRST,
        last_names: ARABIC_LAST,
    },
    Conflict {
        places: &[
            ("Mosul", "Mosul"),
            ("Tal Afar", "Tal Afar"),
            ("Hawija", "Hawija"),
            ("Ramadi", "Ramadi"),
            ("Fallujah", "Fallujah"),
            ("Tikrit", "Tikrit"),
            ("Kirkuk", "Kirkuk"),
            ("Baiji", "Baiji"),
            ("Sinjar", "Sinjar"),
        ],
        actors_nl: &["het Iraakse leger", "IS", "de peshmerga", "Iraakse troepen", "de jihadisten"],
        actors_en: &["Iraqi forces", "the Iraqi army", "Islamic State", "Peshmerga fighters", "the militants"],
        years: (2014, 2017),
        first_names: ARABIC_FIRST,
        last_names: ARABIC_LAST,
    },
    Conflict {
        places: &[("Afrin", "Afrin"), ("Jinderes", "Jinderes"), ("Rajo", "Rajo"), ("Tal Rifaat", "Tal Rifaat")],
        actors_nl: &["het Turkse leger", "door Turkije gesteunde rebellen", "de YPG", "Koerdische strijders"],
        actors_en: &["Turkish troops", "Turkish-backed rebels", "the YPG", "Kurdish fighters"],
        years: (2018, 2018),
        first_names: &["Rojda", "Azad", "Berivan", "Mehmet", "Zozan", "Serhat"],
        last_names: &["Kobani", "Demir", "Hesen", "Yildiz", "Mustafa"],
    },
    Conflict {
        places: &[
            ("Bakhmut", "Bachmoet"),
            ("Kherson", "Cherson"),
            ("Mariupol", "Marioepol"),
            ("Kharkiv", "Charkov"),
            ("Avdiivka", "Avdijivka"),
            ("Izium", "Izjoem"),
            ("Lyman", "Lyman"),
            ("Soledar", "Soledar"),
        ],
        actors_nl: &["Russische troepen", "het Oekraïense leger", "de Wagner-groep", "Oekraïense eenheden"],
        actors_en: &["Russian forces", "Ukrainian troops", "the Wagner group", "Ukraine's army"],
        years: (2022, 2024),
        first_names: &["Olena", "Taras", "Andriy", "Iryna", "Oleksandr", "Natalia", "Dmytro"],
        last_names: &["Kovalenko", "Bondarenko", "Shevchuk", "Melnyk", "Tkachenko", "Hrytsenko"],
    },
    Conflict {
        places: &[("Shusha", "Sjoesja"), ("Stepanakert", "Stepanakert"), ("Hadrut", "Hadrut"), ("Fuzuli", "Fuzuli")],
        actors_nl: &["het Azerbeidzjaanse leger", "Armeense troepen", "Armeense separatisten"],
        actors_en: &["Azerbaijani forces", "Armenian troops", "ethnic Armenian fighters"],
        years: (2020, 2023),
        first_names: &["Anahit", "Aram", "Leyla", "Elchin", "Narine", "Tigran"],
        last_names: &["Petrosyan", "Aliyev", "Hakobyan", "Mammadov", "Sargsyan"],
    },
    Conflict {
        places: &[
            ("El Fasher", "El Fasher"),
            ("Wad Madani", "Wad Madani"),
            ("Nyala", "Nyala"),
            ("El Geneina", "El Geneina"),
        ],
        actors_nl: &["de RSF", "het Soedanese leger", "de paramilitairen"],
        actors_en: &["the RSF", "the Sudanese army", "paramilitary fighters"],
        years: (2023, 2024),
        first_names: &["Amna", "Mohamed", "Fatima", "Abdelrahman", "Hawa", "Ibrahim"],
        last_names: &["Osman", "Abdallah", "Musa", "Babiker", "Idris"],
    },
    Conflict {
        places: &[
            ("Khan Younis", "Khan Younis"),
            ("Rafah", "Rafah"),
            ("Jabalia", "Jabalia"),
            ("Beit Hanoun", "Beit Hanoun"),
        ],
        actors_nl: &["het Israëlische leger", "Hamas", "Israëlische grondtroepen"],
        actors_en: &["Israeli forces", "Hamas", "Israeli ground troops"],
        years: (2023, 2024),
        first_names: &["Yara", "Mahmoud", "Noa", "Ayelet", "Khaled", "Amal"],
        last_names: &["Abu Salem", "Levi", "Shaheen", "Cohen", "al-Masri"],
    },
    Conflict {
        places: &[
            ("Kidal", "Kidal"),
            ("Gao", "Gao"),
            ("Timbuktu", "Timboektoe"),
            ("Menaka", "Menaka"),
            ("Djibo", "Djibo"),
        ],
        actors_nl: &["het Malinese leger", "jihadistische groepen", "Toeareg-rebellen", "het Burkinese leger"],
        actors_en: &["the Malian army", "jihadist groups", "Tuareg rebels", "Burkina Faso's army"],
        years: (2012, 2024),
        first_names: &["Aminata", "Moussa", "Fatoumata", "Ousmane", "Mariam", "Boubacar"],
        last_names: &["Traoré", "Diallo", "Maïga", "Coulibaly", "Ag Ahmed"],
    },
    Conflict {
        places: &[("Lashio", "Lashio"), ("Laukkai", "Laukkai"), ("Myawaddy", "Myawaddy"), ("Hpakant", "Hpakant")],
        actors_nl: &["de junta", "het Arakan Leger", "verzetsgroepen", "het leger van Myanmar"],
        actors_en: &["the junta", "the Arakan Army", "resistance forces", "Myanmar's military"],
        years: (2021, 2024),
        first_names: &["Aung", "Thandar", "Kyaw", "Nilar", "Min", "Su"],
        last_names: &["Min Htet", "Win", "Zaw", "Myint", "Oo"],
    },
];

/// Per language: titles, claim sentences, sentences that name places or actors without a
/// claim, and background. Slots: `{P}` a place of the conflict, `{A}` `{B}` two actors, `{D}` a
/// date expression, `{W}` a weekday, `{N}` a large number, `{K}` a small one, `{M}` a person,
/// `{R}` a role, `{C}` a capital far away, `{Q}` a quotation.
struct Lexicon {
    titles: &'static [&'static str],
    claims: &'static [&'static str],
    mentions: &'static [&'static str],
    background: &'static [&'static str],
    quotes: &'static [&'static str],
    roles: &'static [&'static str],
    tails: &'static [&'static str],
    weekdays: &'static [&'static str],
    months: &'static [&'static str],
    relative: &'static [&'static str],
    capitals: &'static [&'static str],
    thousands: char,
}

const DUTCH: Lexicon = Lexicon {
    titles: &[
        "Zware gevechten rond {P}",
        "{A} rukt op richting {P}",
        "Burgers ontvluchten {P}",
        "Analyse: wat de strijd om {P} betekent",
        "Hulp bereikt {P} niet",
        "Verslag uit {P}: ‘Er is hier niets meer over’",
    ],
    claims: &[
        "{A} heeft {D} de controle over {P} overgenomen, meldde {R}.",
        "Volgens {R} is {P} {D} in handen gevallen van {A}.",
        "{D} trokken {A} {P} binnen, nadat {B} zich uit de stad had teruggetrokken.",
        "{A} zegt {P} {D} volledig te hebben heroverd op {B}.",
        "Het centrum van {P} is sinds {D} weer in handen van {A}.",
        "{B} verloor {D} de stad {P} aan {A}, na {K} dagen van gevechten.",
        "{A} veroverde {D} {P}, een knooppunt aan de weg naar het zuiden.",
        "{A} heeft zich {D} teruggetrokken uit {P}, bevestigde {R}.",
        "{A} controleert inmiddels het grootste deel van {P}, aldus {M}.",
        "Na een beleg van {K} weken is {P} {D} ingenomen door {A}.",
    ],
    mentions: &[
        "{M}, die met haar gezin in {P} woont, vertelt dat de bakkerij op de hoek weer open is.",
        "Vanuit {P} vertrekken elke ochtend bussen met ontheemden naar kampen verder naar het noorden.",
        "De commandant van {A} gaf {D} een persconferentie in {C}, maar ging niet in op vragen.",
        "{A} wil volgens waarnemers uiteindelijk ook {P} innemen, al is daar voorlopig geen sprake van.",
        "Hulporganisaties vrezen dat {N} mensen in en rond {P} binnenkort zonder voedsel komen te zitten.",
        "Het is onduidelijk hoeveel strijders van {A} zich nog in de omgeving van {P} ophouden.",
        "Op de markt van {P} kost een zak meel inmiddels {K} keer zoveel als een jaar geleden.",
        "{R} waarschuwde dat {A} en {B} zich opmaken voor een nieuwe ronde van gevechten.",
        "De weg tussen {P} en de grens is volgens {R} nog altijd bezaaid met mijnen.",
        "Journalisten mochten {D} onder begeleiding van {A} een kijkje nemen in {P}.",
    ],
    background: &[
        "\"{Q}\", zegt {M}, {R}.",
        "‘{Q}’, vertelt {M}, die al {K} jaar in de regio werkt.",
        "Volgens de Verenigde Naties zijn sinds het begin van het conflict ruim {N} mensen op de vlucht geslagen.",
        "Diplomaten in {C} spraken {D} opnieuw over een staakt-het-vuren, zonder zichtbaar resultaat.",
        "De prijs van brood is in een jaar tijd verdubbeld, en veel gezinnen eten nog maar één keer per dag.",
        "Het ziekenhuis draait al {K} weken op generatoren, omdat het elektriciteitsnet zwaar beschadigd is.",
        "Leraren geven les in tenten, omdat de meeste schoolgebouwen verwoest zijn of onderdak bieden aan ontheemden.",
        "De regering belooft een onafhankelijk onderzoek naar de omstandigheden in de detentiekampen.",
        "Een woordvoerder van het Rode Kruis riep alle partijen op om burgers en hulpverleners te sparen.",
        "{M} ({K}) laat op haar telefoon foto's zien van het huis waar ze tot voor kort woonde.",
        "Het is de {K}e keer dit jaar dat de Veiligheidsraad over de situatie vergadert.",
        "Volgens schattingen van hulporganisaties is ongeveer {K} procent van de huizen onbewoonbaar geworden.",
        "De Europese Unie trok {D} {N} euro extra uit voor noodhulp, meer dan eerder was toegezegd.",
        "Veel families wachten al maanden op nieuws over familieleden die tijdens de gevechten verdwenen.",
        "Op {W} kwamen er opnieuw vrachtwagens met hulpgoederen aan, maar lang niet genoeg.",
        "Wie kan, vertrekt; wie blijft, heeft meestal geen geld voor de reis.",
        "Het weer werkt ook niet mee: de nachten zijn koud en er is nauwelijks brandstof.",
        "{R} sprak van ‘een humanitaire ramp die iedereen had kunnen zien aankomen’.",
        "De economie van de regio leunt volledig op smokkel, overmakingen uit het buitenland en noodhulp.",
        "In een verklaring op Telegram eiste een groep de aanslag van {W} op, maar dat is niet onafhankelijk bevestigd.",
        "Sinds de gevechten {D} oplaaiden, zijn volgens {R} meer dan {N} mensen uit de omliggende dorpen naar opvangcentra getrokken, waar het aan dekens, medicijnen en schoon drinkwater ontbreekt.",
        "De onderhandelingen over een wapenstilstand, die {D} in {C} werden hervat, lopen volgens betrokkenen vast op de vraag wie de wegen en de grensovergangen gaat bewaken.",
        "Wie 's avonds door de verlaten straten loopt, hoort behalve het geblaf van honden en het gebrom van een enkele generator vrijwel niets.",
    ],
    quotes: &[
        "We hebben al dagen geen water en geen stroom meer",
        "Niemand weet wat er morgen gebeurt, dus we leven van uur tot uur",
        "De kinderen schrikken wakker van elk geluid",
        "Dit is de zwaarste winter die ik me kan herinneren",
        "We willen alleen maar terug naar huis, meer niet",
        "Zonder veilige corridor kunnen we de gewonden niet bereiken",
    ],
    roles: &[
        "een woordvoerder van het ministerie van Defensie",
        "de gouverneur van de provincie",
        "een commandant ter plaatse",
        "een medewerker van Artsen zonder Grenzen",
        "een analist van een denktank in Londen",
        "een lokale journalist",
        "een persbureau",
    ],
    tails: &[
        ", zo meldt het persbureau ANP",
        ", aldus een verklaring van het leger",
        ", schrijft een lokale nieuwssite",
        ", al kon dat niet onafhankelijk worden bevestigd",
    ],
    weekdays: &["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    months: &[
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    relative: &["gisteren", "vorige week", "afgelopen weekend", "eerder deze maand", "vorige maand"],
    capitals: &["Genève", "Brussel", "New York", "Ankara", "Moskou", "Doha", "Caïro", "Den Haag"],
    thousands: '.',
};

const ENGLISH: Lexicon = Lexicon {
    titles: &[
        "Heavy fighting around {P}",
        "{A} advance towards {P}",
        "Civilians flee {P} as shelling intensifies",
        "Analysis: what the battle for {P} means",
        "Aid fails to reach {P}",
    ],
    claims: &[
        "{A} took control of {P} {D}, {R} said.",
        "{P} fell to {A} {D} after a siege of {K} weeks.",
        "{A} said they had recaptured {P} from {B} {D}.",
        "{B} withdrew from {P} {D}, leaving the town to {A}.",
        "{A} now control most of {P}, according to {R}.",
        "{A} seized {P} {D} in a rapid advance that caught {B} off guard.",
        "By the end of the week {P} was back under the control of {A}, {M} said.",
        "{A} captured {P} {D} after weeks of heavy fighting, officials said.",
    ],
    mentions: &[
        "{M}, who lives in {P} with her three children, said the bakery on her street had reopened.",
        "Buses carrying displaced families leave {P} every morning for camps further north.",
        "A commander of {A} held a news conference in {C} {D} but took no questions.",
        "Analysts say {A} ultimately hope to take {P} as well, though no offensive has begun.",
        "Aid groups fear that {N} people in and around {P} could soon run out of food.",
        "It is unclear how many fighters of {A} remain in the countryside around {P}.",
        "The road between {P} and the border is still littered with mines, {R} warned.",
        "Reporters were allowed into {P} {D} on a tour organised by {A}.",
    ],
    background: &[
        "\"{Q},\" said {M}, {R}.",
        "\"{Q},\" {M} told reporters on {W}.",
        "According to the United Nations, more than {N} people have fled their homes since the conflict began.",
        "Diplomats in {C} met again {D} to discuss a ceasefire, without visible progress.",
        "The price of bread has doubled in a year, and many families eat only once a day.",
        "The hospital has run on generators for {K} weeks because the power grid was badly damaged.",
        "Teachers hold classes in tents, as most school buildings have been destroyed or house displaced people.",
        "The government has promised an independent inquiry into conditions in the detention camps.",
        "A Red Cross spokesperson urged all sides to spare civilians and aid workers.",
        "It is the {K}th time this year that the Security Council has met on the crisis.",
        "Aid groups estimate that about {K} percent of homes are no longer habitable.",
        "The European Union pledged an extra {N} euros in emergency aid {D}, more than it had promised earlier.",
        "On {W}, more lorries carrying aid arrived, though far too few to meet the need.",
        "Those who can afford it leave; those who stay mostly lack the money for the journey.",
        "{R} described \"a humanitarian disaster that everyone could see coming.\"",
        "Since the fighting flared up {D}, more than {N} people from the surrounding villages have moved to reception centres, where blankets, medicine and clean water are in short supply, {R} said.",
        "Talks on a truce, which resumed in {C} {D}, have stalled over the question of who would guard the roads and the border crossings, according to people familiar with them.",
        "Walking through the empty streets at night, one hears little besides barking dogs and the hum of the odd generator.",
    ],
    quotes: &[
        "We have had no water and no electricity for days",
        "Nobody knows what tomorrow brings, so we live hour by hour",
        "The children wake up at every sound",
        "All we want is to go home",
        "Without a safe corridor we cannot reach the wounded",
    ],
    roles: &[
        "a spokesman for the defence ministry",
        "the provincial governor",
        "a local commander",
        "an aid worker with Doctors Without Borders",
        "an analyst at a think tank in London",
        "a local journalist",
    ],
    tails: &[
        ", a news agency reported",
        ", the army said in a statement",
        ", though this could not be verified independently",
    ],
    weekdays: &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    months: &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    relative: &["yesterday", "last week", "over the weekend", "earlier this month", "last month"],
    capitals: &["Geneva", "Brussels", "New York", "Ankara", "Moscow", "Doha", "Cairo", "The Hague"],
    thousands: ',',
};

fn article(rng: &mut Rng, seed: u64, n: u64) -> NewsArticle {
    let conflict = &CONFLICTS[rng.below(CONFLICTS.len())];
    let dutch = rng.chance(60);
    let lexicon = if dutch { &DUTCH } else { &ENGLISH };
    let year = conflict.years.0 + rng.below((conflict.years.1 - conflict.years.0 + 1) as usize) as u32;
    let (month, day) = (1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
    let writer = Writer { rng, conflict, lexicon, dutch, year, month };
    let text = writer.text();
    NewsArticle {
        id: format!("news-{seed}-{n:07}"),
        date: format!("{year}-{month:02}-{day:02}"),
        lang: if rng.chance(90) { Some(if dutch { "nl" } else { "en" }) } else { None },
        text,
    }
}

/// Writes one article of a conflict in one language.
struct Writer<'r> {
    rng: &'r mut Rng,
    conflict: &'static Conflict,
    lexicon: &'static Lexicon,
    dutch: bool,
    year: u32,
    month: u32,
}

impl Writer<'_> {
    fn text(mut self) -> String {
        let title = self.rng.pick(self.lexicon.titles);
        let mut text = self.fill(title);
        text.push('\n');
        let sentences = 8 + self.rng.below(23);
        let mut in_paragraph = 0;
        let mut paragraph_length = 1 + self.rng.below(4);
        for _ in 0..sentences {
            let template = self.template();
            let mut sentence = self.fill(template);
            if self.rng.chance(25) && sentence.ends_with('.') && !sentence.ends_with("\".") {
                sentence.pop();
                sentence.push_str(self.rng.pick(self.lexicon.tails));
                sentence.push('.');
            }
            text.push_str(&sentence);
            in_paragraph += 1;
            if in_paragraph == paragraph_length {
                text.push('\n');
                in_paragraph = 0;
                paragraph_length = 1 + self.rng.below(4);
            } else {
                text.push(' ');
            }
        }
        if in_paragraph > 0 {
            text.pop();
            text.push('\n');
        }
        text
    }

    /// Roughly one sentence in eight states a claim, three in ten name places or actors
    /// without one, the rest is background.
    fn template(&mut self) -> &'static str {
        let roll = self.rng.below(100);
        let list = match roll {
            0..12 => self.lexicon.claims,
            12..42 => self.lexicon.mentions,
            _ => self.lexicon.background,
        };
        self.rng.pick(list)
    }

    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        let (first_actor, second_actor) = self.two_actors();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let slot = &rest[open + 1..open + 2];
            rest = &rest[open + 3..];
            let at_start = out.is_empty() || out.ends_with(['"', '‘']);
            let value = match slot {
                "P" => self.place(),
                "A" => first_actor.to_string(),
                "B" => second_actor.to_string(),
                "D" => self.date(),
                "W" => self.rng.pick(self.lexicon.weekdays).to_string(),
                "N" => self.large_number(),
                "K" => (2 + self.rng.below(28)).to_string(),
                "M" => self.person(),
                "R" => self.rng.pick(self.lexicon.roles).to_string(),
                "C" => self.rng.pick(self.lexicon.capitals).to_string(),
                "Q" => self.rng.pick(self.lexicon.quotes).to_string(),
                other => other.to_string(),
            };
            out.push_str(&if at_start { capitalised(&value) } else { value });
        }
        out.push_str(rest);
        out
    }

    fn two_actors(&mut self) -> (&'static str, &'static str) {
        let actors = if self.dutch { self.conflict.actors_nl } else { self.conflict.actors_en };
        let a = self.rng.below(actors.len());
        let b = (a + 1 + self.rng.below(actors.len() - 1)) % actors.len();
        (actors[a], actors[b])
    }

    fn place(&mut self) -> String {
        let (en, nl) = self.conflict.places[self.rng.below(self.conflict.places.len())];
        (if self.dutch { nl } else { en }).to_string()
    }

    fn person(&mut self) -> String {
        format!("{} {}", self.rng.pick(self.conflict.first_names), self.rng.pick(self.conflict.last_names))
    }

    /// A date phrase around the article's month: relative, a weekday, a day and month, a month.
    fn date(&mut self) -> String {
        let month = self.lexicon.months[(self.month as usize + 11 - self.rng.below(3)) % 12];
        let day = 1 + self.rng.below(28);
        match (self.rng.below(5), self.dutch) {
            (0, _) => self.rng.pick(self.lexicon.relative).to_string(),
            (1, true) => format!("op {day} {month}"),
            (1, false) => format!("on {month} {day}"),
            (2, true) => format!("in {month} {}", self.year),
            (2, false) => format!("in {month} {}", self.year),
            (3, true) => format!("op {}", self.rng.pick(self.lexicon.weekdays)),
            (3, false) => format!("on {}", self.rng.pick(self.lexicon.weekdays)),
            (_, true) => format!("begin {month}"),
            (_, false) => format!("in early {month}"),
        }
    }

    /// 1,200 to 2,400,000 with the language's thousands separator.
    fn large_number(&mut self) -> String {
        let value = (12 + self.rng.below(240)) as u64 * [100, 1_000, 10_000][self.rng.below(3)];
        let digits = value.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(self.lexicon.thousands);
            }
            out.push(c);
        }
        out
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_archive_is_the_same_for_a_seed_and_differs_between_seeds() {
        let a: Vec<NewsArticle> = archive(7).take(50).collect();
        let b: Vec<NewsArticle> = archive(7).take(50).collect();
        let c: Vec<NewsArticle> = archive(8).take(50).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.iter().all(|x| !x.text.contains('{') && x.text.ends_with('\n')), "every slot filled");
    }

    #[test]
    fn articles_look_like_news_in_both_languages() {
        let articles = archive_of_size(1, 400_000);
        let size: usize = articles.iter().map(|a| a.text.len()).sum();
        assert!((400_000..420_000).contains(&size), "{size}");
        let dutch = articles.iter().filter(|a| a.text.contains(" de ") && !a.text.contains(" the ")).count();
        let share = dutch as f64 / articles.len() as f64;
        assert!((0.45..0.75).contains(&share), "Dutch share {share}");
        let words: usize = articles.iter().map(|a| a.text.split_whitespace().count()).sum();
        let sentences: usize = articles.iter().map(|a| a.text.matches(['.', '?', '!']).count()).sum();
        let per_sentence = words as f64 / sentences as f64;
        assert!((12.0..30.0).contains(&per_sentence), "{per_sentence} words a sentence");
    }

    #[test]
    fn json_lines_parse_back_to_the_article() {
        for article in archive(3).take(20) {
            let line = article.to_json_line();
            assert!(!line.contains('\n'));
            let value: serde_json::Value = serde_json::from_str(&line).expect("valid JSON");
            assert_eq!(value["text"].as_str(), Some(article.text.as_str()));
            assert_eq!(value["id"].as_str(), Some(article.id.as_str()));
            assert_eq!(value["lang"].as_str(), article.lang);
        }
    }
}
