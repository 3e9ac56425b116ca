//! References by kind: "de stad" / "the city" (the nearest town named before), "de gelijknamige
//! provincie" / "the province of the same name" (the region named like that town), and "beide
//! plaatsen" / "both towns" (the last two towns, one claim each), and "de hoofdstad" / "the
//! capital" (the capital of the country the sentence or article is about).

use crate::extract::context::{Context, PlaceRef, REACH};
use crate::extract::language::prep;
use crate::extract::language::{ActorRef, Language, class};
use crate::extract::mentions::{Analysis, PlaceMention, Target};
use crate::model::{PlaceKey, PlaceKind};
use crate::places::Gazetteer;
use crate::places::world::region_words;

/// The place a reference by kind (`Town`, `SameName`, `Both`) at token `at` stands for, and a
/// note saying how it was found. `text` is the sentence and the byte offset of its start.
pub fn resolve(
    target: &Target,
    an: &Analysis,
    lang: &Language,
    gazetteer: &Gazetteer,
    text: (&str, usize),
    at: usize,
    ctx: &Context,
) -> Option<(PlaceRef, String)> {
    let written =
        |a: usize, b: usize| text.0[an.tokens.list[a].start - text.1..an.tokens.list[b - 1].end - text.1].to_string();
    let end = an.places.iter().find(|p| p.a == at && p.target == *target).map_or(at + 1, |p| p.b);
    let phrase = written(at, end);
    match target {
        Target::Town => {
            // "de stad zelf", "the city itself" (`[places] itself`): the town the article is
            // about, set against the places around it or named beside it.
            let itself = end < an.len() && lang.itself.has(&an.tokens, end);
            let mut towns = towns_before(an, &written, at, ctx, true);
            // "de stad", "the city" (`[places] city_nouns`): not a town introduced as a village
            // or small town when the article named a bigger one.
            let city = (at..end).any(|k| lang.city_nouns.has(&an.tokens, k));
            let big = |t: &PlaceRef| !ctx.is_small_town(&t.key) && !small_here(an, lang, &t.key);
            if city && towns.iter().any(big) {
                towns.retain(big);
            }
            let town = most_salient(towns, an, at, ctx, itself)?;
            let note = format!("'{phrase}' = {}", town.written);
            Some((town, note))
        }
        Target::SameName => {
            let town = towns_before(an, &written, at, ctx, false).pop()?;
            let region = region_named_like(gazetteer, &town)?;
            let note = format!("'{phrase}' = the region named like {}", town.written);
            Some((region, note))
        }
        Target::Both(k) => {
            // "de twee plaatsen": not a town named only as a landmark before ("Nubl en Zahraa
            // ten noorden van Aleppo"), unless it is named in this sentence.
            let here = |t: &PlaceRef| t.sentence == ctx.sentence;
            let towns: Vec<PlaceRef> = towns_before(an, &written, at, ctx, false)
                .into_iter()
                .filter(|t| here(t) || ctx.salience(&t.key) > 0)
                .collect();
            let [first, second] = towns.get(towns.len().checked_sub(2)?..)? else { return None };
            let town = if *k == 0 { first.clone() } else { second.clone() };
            let note = format!("'{phrase}' = {} and {}", first.written, second.written);
            Some((town, note))
        }
        _ => None,
    }
}

/// The town "de hoofdstad" / "the capital" (mention `m`, written `written`) stands for: the
/// national capital (the world table's PPLC) of the country the sentence or article is about,
/// and a note saying how the country was found.
pub fn capital(
    m: &PlaceMention,
    an: &Analysis,
    lang: &Language,
    gazetteer: &Gazetteer,
    written: String,
    ctx: &Context,
) -> Option<(PlaceRef, String)> {
    let (code, why) = capital_country(m, an, lang, ctx)?;
    let world = crate::places::world::world().capital_of(&code)?;
    let found = crate::extract::towns::with_hint(gazetteer, world.name, &code)?;
    let note = format!("'{written}' = {}, the capital of {code} ({why})", world.name);
    Some((PlaceRef { key: found.key, written, country: found.country, sentence: ctx.sentence }, note))
}

/// The country a capital noun is of: a demonym before it ("de Libische hoofdstad"), a country
/// the sentence names, the country of a town the sentence names, of the article's last place,
/// or the one country whose sides the sentence names ("the RSF": Sudan, by the lexicon's
/// `[actors.by_country]` tables). The first found wins; the second value says which.
fn capital_country(m: &PlaceMention, an: &Analysis, lang: &Language, ctx: &Context) -> Option<(String, &'static str)> {
    let code = |c: u16| lang.countries.get(c as usize).cloned();
    if let Some(c) = m.hint.and_then(code) {
        return Some((c, "its adjective"));
    }
    if let Some(c) = (0..an.len()).find_map(|k| an.country[k]).and_then(code) {
        return Some((c, "a country the sentence names"));
    }
    let town_country = an.places.iter().find_map(|p| match &p.target {
        Target::Place(found) if found.key.kind == PlaceKind::Town && !found.country.is_empty() => {
            Some(found.country.clone())
        }
        _ => None,
    });
    if let Some(c) = town_country {
        return Some((c, "a town of the sentence"));
    }
    if let Some(c) = ctx.country() {
        return Some((c.to_string(), "the article's last place"));
    }
    sides_country(an, lang).map(|c| (c, "the country of the sentence's side"))
}

/// The one country whose `[actors.by_country]` tables name every side of the sentence.
fn sides_country(an: &Analysis, lang: &Language) -> Option<String> {
    let mut found: Option<&str> = None;
    for m in &an.actors {
        let ActorRef::Faction(f) = m.actor else { continue };
        let id = lang.factions.get(f as usize)?;
        let mut countries = lang.by_country.iter().flat_map(|t| t.iter()).filter(|(_, side)| *side == id);
        let Some((first, _)) = countries.next() else { continue };
        if countries.any(|(c, _)| c != first) || found.is_some_and(|c| c != first) {
            return None;
        }
        found = Some(first);
    }
    found.map(str::to_string)
}

/// The distinct towns named before token `at`, oldest first: the article's recent towns, then
/// those of this sentence. With `apposition`, a town right before the phrase in its clause
/// ("Rawa, het laatste stadje dat ...") is the phrase's own name, not what it refers to: none.
fn towns_before(
    an: &Analysis,
    written: &dyn Fn(usize, usize) -> String,
    at: usize,
    ctx: &Context,
    apposition: bool,
) -> Vec<PlaceRef> {
    let mut towns: Vec<PlaceRef> = ctx.recent_towns(REACH).cloned().collect();
    // "Volgens Bakoe": a town after a speaker preposition stands for its government.
    let in_sentence = an.places.iter().filter(|p| p.b <= at && p.gov & prep::SPEAKER == 0);
    for p in in_sentence {
        let Target::Place(found) = &p.target else { continue };
        if found.key.kind != PlaceKind::Town {
            continue;
        }
        towns.retain(|t| t.key != found.key);
        towns.push(PlaceRef {
            key: found.key.clone(),
            written: written(p.a, p.b),
            country: found.country.clone(),
            sentence: ctx.sentence,
        });
    }
    let last_in_sentence = an.places.iter().rfind(|p| p.b <= at && matches!(p.target, Target::Place(_)));
    if apposition && last_in_sentence.is_some_and(|p| an.clause[p.a] == an.clause[at] && p.b + 2 >= at) {
        return Vec::new();
    }
    towns
}

/// Whether this sentence introduces the town `key` as a small place ("het stadje X").
fn small_here(an: &Analysis, lang: &Language, key: &PlaceKey) -> bool {
    an.places
        .iter()
        .any(|p| matches!(&p.target, Target::Place(found) if found.key == *key) && an.small_town_intro(lang, p.a))
}

/// What a passage's heading town ([`Context::topic`]) adds to its salience: it wins.
const HEADING_WEIGHT: u32 = 1000;

/// The town "de stad" stands for among `towns` (oldest first): a town named earlier in the
/// sentence in its own clause or as a bare name ("Mayadeen, maar ook die stad"); else the one
/// the article is most about ([`Context::salience`], one more when it was named in this sentence
/// or the one before; the town of the passage's heading first), the latest on a tie. A town named only as a landmark or destination
/// counts for nothing: "Turkije bombardeerde Afrin. Rebellen rukten vanuit Azaz op. Zij
/// omsingelden de stad" is Afrin; nor does a town after "volgens" ("Volgens Bakoe ... de stad":
/// the government). With `itself` ("de stad zelf") no town the sentence names
/// before it other than as a landmark: "X is nog in handen van het leger, maar de stad zelf is
/// verloren".
fn most_salient(towns: Vec<PlaceRef>, an: &Analysis, at: usize, ctx: &Context, itself: bool) -> Option<PlaceRef> {
    let town_at = |p: &PlaceMention| match &p.target {
        Target::Place(found) if found.key.kind == PlaceKind::Town && p.b <= at => Some(found.key.clone()),
        _ => None,
    };
    // A town named earlier in the sentence, not as a landmark ("... in Marioepol zich over; de
    // havenstad werd belegerd": branch xsurr), is nearer than any town of earlier sentences.
    let named_here = an.places.iter().rfind(|p| {
        town_at(p).is_some()
            && p.gov & prep::SPEAKER == 0
            && (an.clause[p.a] == an.clause[at] || p.gov == 0 || p.gov & prep::REFERENCE == 0)
    });
    if let Some(key) = named_here.filter(|_| !itself).and_then(town_at) {
        return towns.into_iter().rfind(|t| t.key == key);
    }
    // "X is nog in handen van het leger, maar de stad zelf is verloren": not a town the
    // sentence sets it against; a town named as a landmark or as its region's name is the one
    // whose surroundings it is set against ("tientallen dorpen rond Ménaka ... en de stad zelf
    // omsingeld", "villages on the edge of the Afrin region, but the town itself").
    let around = |p: &PlaceMention| {
        p.gov & (prep::REFERENCE | prep::AROUND) != 0 || an.class.get(p.b).is_some_and(|&c| c & class::REGION_NOUN != 0)
    };
    let towns: Vec<PlaceRef> = if itself {
        let named: Vec<PlaceKey> = an.places.iter().filter(|p| !around(p)).filter_map(town_at).collect();
        towns.into_iter().filter(|t| !named.contains(&t.key)).collect()
    } else {
        towns
    };
    let here: Vec<PlaceKey> = an.places.iter().filter(|p| p.gov & prep::REFERENCE == 0).filter_map(town_at).collect();
    let score = |t: &PlaceRef| {
        let salience = ctx.salience(&t.key) + u32::from(here.contains(&t.key));
        let salience = if salience > 0 && ctx.sentence - t.sentence <= 1 { salience + 1 } else { salience };
        // The town of the passage's heading outranks towns named in comparison within it.
        if ctx.topic() == Some(&t.key) { salience + HEADING_WEIGHT } else { salience }
    };
    let mut best: Option<PlaceRef> = None;
    for town in towns {
        if best.as_ref().is_none_or(|b| score(&town) >= score(b)) {
            best = Some(town);
        }
    }
    best
}

/// The region of the town's country whose name, without words such as "Governorate", is the
/// town's name ("Kirkuk" → Kirkuk Governorate).
fn region_named_like(gazetteer: &Gazetteer, town: &PlaceRef) -> Option<PlaceRef> {
    let names = [gazetteer.display_name(&town.key), town.written.clone()];
    let wanted: Vec<String> = names.iter().map(|n| region_words(n)).collect();
    let region = gazetteer.regions.iter().find(|r| {
        r.country.eq_ignore_ascii_case(&town.country)
            && [&r.name, &r.name_nl].iter().any(|n| !n.is_empty() && wanted.contains(&region_words(n)))
    })?;
    Some(PlaceRef {
        key: PlaceKey { kind: PlaceKind::Region, id: region.id.as_str().into() },
        written: region.name.clone(),
        country: region.country.clone(),
        sentence: town.sentence,
    })
}
