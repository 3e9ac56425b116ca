//! Exceptions to a claim (issue 10, branch `except`): "De RSF hebben vrijwel heel Darfur in
//! handen, op El Fasher na", "behalve El Fasher", "El Fasher uitgezonderd", "alleen El Fasher
//! niet", "all of Darfur except El Fasher", "all but El Fasher", "but not El Fasher". The places
//! inside such a phrase are exactly the ones the claim of the sentence is not about: they become
//! landmarks (`prep::REFERENCE`), so no frame of the sentence gives them its side and event. A
//! clause of their own ("op El Fasher na, waar het leger standhoudt") still states what holds
//! there. The words come from the `[exception]` table of each language file.

use crate::extract::frames::{Frame, FramePlace};
use crate::extract::language::{Language, class, prep};
use crate::extract::lexicon::Frame as Kind;
use crate::extract::mentions::Analysis;
use crate::extract::tokens::{CAP, DIGITS, PUNCT};

/// The `[exception]` phrases of a language, each as its words' vocabulary ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExceptionPhrases {
    /// Right before the excepted places ("behalve", "except for").
    pub before: Vec<Vec<u32>>,
    /// Right before them, unless an `additive` word makes them add a place ("behalve").
    pub besides: Vec<Vec<u32>>,
    /// Right after them ("uitgezonderd").
    pub after: Vec<Vec<u32>>,
    /// Around them: the opening and the closing part ("op" ... "na").
    pub around: Vec<(Vec<u32>, Vec<u32>)>,
    /// Single words a list of places may hold besides places ("zelf", "itself").
    pub fillers: Vec<u32>,
    /// Phrases that make `besides` add a place rather than except it ("ook", "also").
    pub additive: Vec<Vec<u32>>,
    /// Number words of a counted exception ("op twee na", "all but two"), as vocabulary ids.
    pub counts: Vec<u32>,
    /// Universal words before a noun that refers back ("alle", "geen enkele", "every").
    pub universal: Vec<Vec<u32>>,
}

impl ExceptionPhrases {
    /// Whether the language has no exception phrases.
    fn is_empty(&self) -> bool {
        self.before.is_empty() && self.besides.is_empty() && self.after.is_empty() && self.around.is_empty()
    }
}

/// Where an exception was found: the tokens of the whole phrase, places included, and the
/// indices of its places in [`Analysis::places`].
struct Found {
    a: usize,
    b: usize,
    places: Vec<usize>,
}

/// Marks the places inside an exception phrase as landmarks and records the phrase's span in
/// [`Analysis::excepted`]; its negation word ("alleen X niet", "but not X") negates no cue.
/// Runs once the prepositions of the places are known.
pub fn mark(an: &mut Analysis, lang: &Language) {
    let phrases = &lang.exception;
    if phrases.is_empty() || an.places.is_empty() {
        return;
    }
    let firsts = first_words_present(an, phrases);
    if firsts.is_empty() {
        return;
    }
    let additive = phrases.additive.iter().any(|p| (0..an.len()).any(|k| starts_at(an, k, p)));
    let mut found = Vec::new();
    for k in 0..an.len() {
        // Every phrase below starts at `k` with its first word.
        if !firsts.contains(&an.tokens.list[k].id) {
            continue;
        }
        found.extend(circumfix_at(an, lang, k));
        found.extend(prefix_at(an, lang, &phrases.before, k));
        if !additive {
            found.extend(prefix_at(an, lang, &phrases.besides, k));
        }
        found.extend(suffix_at(an, phrases, k));
        found.extend(counted_at(an, lang, k, additive));
    }
    for f in found {
        for &i in &f.places {
            an.places[i].gov = prep::REFERENCE;
            an.places[i].topical = false;
        }
        an.class[f.a..f.b].iter_mut().for_each(|c| *c &= !class::NEGATION);
        an.excepted.push((f.a, f.b));
    }
}

/// The first words of the exception phrases all of whose words occur in the sentence (both
/// parts of a circumfix): the only tokens an exception may start at. Mostly none, so the
/// sentence is passed over at the cost of a few bit tests.
fn first_words_present(an: &Analysis, phrases: &ExceptionPhrases) -> Vec<u32> {
    let present = |p: &&Vec<u32>| !p.is_empty() && p.iter().all(|&id| an.has_word(id));
    let around = phrases.around.iter().filter(|(open, close)| present(&open) && present(&close)).map(|(open, _)| open);
    let lists = phrases.before.iter().chain(&phrases.besides).chain(&phrases.after).filter(present);
    lists.chain(around).filter_map(|p| p.first().copied()).collect()
}

/// Whether the words of `phrase` stand at token `k`.
fn starts_at(an: &Analysis, k: usize, phrase: &[u32]) -> bool {
    !phrase.is_empty()
        && k + phrase.len() <= an.len()
        && phrase.iter().enumerate().all(|(i, &id)| an.tokens.list[k + i].id == id)
}

/// The place mention starting at token `k`, if any.
fn place_at(an: &Analysis, k: usize) -> Option<usize> {
    an.places.iter().position(|p| p.a == k)
}

/// The place mention ending at token `k` (exclusive), if any.
fn place_ending_at(an: &Analysis, k: usize) -> Option<usize> {
    an.places.iter().position(|p| p.b == k)
}

/// A word a list of places may hold between its places: an article, an adjective, a town noun,
/// "en", a comma, a part noun and its "van" ("enkele wijken van X"), a filler ("zelf").
fn filler(an: &Analysis, lang: &Language, k: usize) -> bool {
    let t = &an.tokens.list[k];
    if t.is(PUNCT) {
        return an.tokens.fold(k) == ",";
    }
    let part_of = an.prep[k] & prep::OF != 0 && k > 0 && lang.part_nouns.contains(&an.tokens.list[k - 1].id);
    an.class[k] & (class::DET | class::SKIP | class::INTRO | class::TOWN_NOUN | class::COORD) != 0
        || lang.exception.fillers.contains(&t.id)
        || lang.part_nouns.contains(&t.id)
        || part_of
}

/// The places listed from token `k` on ("El Fasher", "Kadugli, Dilling en El Obeid", "de stad
/// El Fasher zelf") and the token after the last of them; none when no place starts the list.
/// A place after a comma with no "en" after it starts the next clause ("Except for El Fasher,
/// Nyala ..."), not the list.
fn list_from(an: &Analysis, lang: &Language, k: usize) -> Option<(Vec<usize>, usize)> {
    // Each place with the token after it and whether "en" came before it.
    let mut places: Vec<(usize, usize, bool)> = Vec::new();
    let (mut j, mut joined) = (k, false);
    while j < an.len() {
        if let Some(i) = place_at(an, j) {
            let end = an.places[i].b.max(j + 1);
            places.push((i, end, joined));
            joined = false;
            j = end;
        } else if filler(an, lang, j) {
            joined |= an.class[j] & class::COORD != 0;
            j += 1;
        } else {
            break;
        }
    }
    while places.len() > 1 && !places.last().is_some_and(|&(_, _, joined)| joined) {
        places.pop();
    }
    let end = places.last()?.1;
    Some((places.into_iter().map(|(i, _, _)| i).collect(), end))
}

/// "behalve El Fasher", "with the exception of El Fasher and Kadugli", at token `k`.
fn prefix_at(an: &Analysis, lang: &Language, openers: &[Vec<u32>], k: usize) -> Option<Found> {
    let opener = openers.iter().filter(|p| starts_at(an, k, p)).max_by_key(|p| p.len())?;
    let (places, b) = list_from(an, lang, k + opener.len())?;
    Some(Found { a: k, b, places })
}

/// "op El Fasher na", "alleen El Fasher niet", "maar Kadugli en Dilling niet", at token `k`:
/// the gap holds only places (and their articles and fillers), and the closing part follows
/// them right away; "na" does not open a phrase of its own ("op Omdurman na de val van X").
fn circumfix_at(an: &Analysis, lang: &Language, k: usize) -> Option<Found> {
    let fillers = &lang.exception.fillers;
    lang.exception.around.iter().find_map(|(open, close)| {
        if !starts_at(an, k, open) {
            return None;
        }
        let (places, mut end) = list_from(an, lang, k + open.len())?;
        while end < an.len() && !an.tokens.list[end].is(PUNCT) && fillers.contains(&an.tokens.list[end].id) {
            end += 1;
        }
        let b = end + close.len();
        (starts_at(an, end, close) && !opens_phrase(an, b)).then_some(Found { a: k, b, places })
    })
}

/// How far a counted exception's colon or comma may stand from its count, in words.
const COUNT_WINDOW: usize = 8;

/// A counted exception whose places follow in apposition, at token `k`: "all but two towns in
/// the province, Sittwe and Kyaukphyu", "alle steden op twee na: Sittwe en Kyaukphyu", "op twee
/// steden na, Sittwe en Kyaukphyu", "behalve twee: ...". The list must close the sentence or
/// its clause.
fn counted_at(an: &Analysis, lang: &Language, k: usize, additive: bool) -> Option<Found> {
    let phrases = &lang.exception;
    let prefix = phrases.before.iter().chain(phrases.besides.iter().filter(|_| !additive));
    let (count, close) = match prefix.filter(|p| starts_at(an, k, p)).max_by_key(|p| p.len()) {
        Some(opener) => (k + opener.len(), None),
        None => phrases
            .around
            .iter()
            .find(|(open, _)| starts_at(an, k, open))
            .map(|(open, close)| (k + open.len(), Some(close)))?,
    };
    if count >= an.len() || !(an.tokens.list[count].is(DIGITS) || phrases.counts.contains(&an.tokens.list[count].id)) {
        return None;
    }
    let stop = (count + 1..an.len().min(count + COUNT_WINDOW)).find(|&j| an.tokens.list[j].is(PUNCT))?;
    if !matches!(an.tokens.fold(stop), "," | ":") {
        return None;
    }
    if let Some(close) = close
        && !(count + 1..stop).any(|j| starts_at(an, j, close) && j + close.len() <= stop)
    {
        return None;
    }
    let (places, b) = list_from(an, lang, stop + 1)?;
    let closes = b == an.len() || an.tokens.list[b].is(PUNCT);
    closes.then_some(Found { a: k, b, places })
}

/// Whether token `k` starts a noun phrase or a date that the word before it governs.
fn opens_phrase(an: &Analysis, k: usize) -> bool {
    k < an.len()
        && (an.class[k] & (class::ARTICLE | class::INDEFINITE) != 0
            || an.tokens.list[k].is(DIGITS)
            || an.dates.iter().any(|d| d.a == k))
}

/// "El Fasher uitgezonderd", "Kadugli en Dilling uitgezonderd", at token `k`: the places right
/// before the phrase, back over "en", articles and unresolved names, never over a comma or a side.
fn suffix_at(an: &Analysis, phrases: &ExceptionPhrases, k: usize) -> Option<Found> {
    let closer = phrases.after.iter().find(|p| starts_at(an, k, p))?;
    let mut places = Vec::new();
    let mut j = k;
    while j > 0 {
        if let Some(i) = place_ending_at(an, j) {
            if an.places[i].a >= j {
                break; // an empty mention: never loop on it
            }
            places.push(i);
            j = an.places[i].a;
            continue;
        }
        // "en", an article, or a name the gazetteer left unresolved ("El Fasher en Tina").
        let t = &an.tokens.list[j - 1];
        let name = t.is(CAP) && !t.is(PUNCT) && !an.actors.iter().any(|m| m.a < j && j <= m.b);
        if an.class[j - 1] & (class::COORD | class::DET) == 0 && !name {
            break;
        }
        j -= 1;
    }
    (!places.is_empty()).then_some(Found { a: j, b: k + closer.len(), places })
}

/// The frames of a sentence with an exception: no frame keeps an excepted place, nor a place
/// told as the whole the exception is cut from ("alle steden", "every town", "geen enkele stad");
/// a clause opened by a relative word right after the exception ("op El Fasher na, waar het
/// leger standhoudt", "behalve enkele wijken van Hasakah en Qamishli, die nog door het regime
/// worden gecontroleerd") is about all its places; and a loss with an exception ("lost every
/// town other than Sittwe", "controleert geen enkele stad meer, behalve El Fasher") is the
/// loser's hold of the excepted places, the only thing it still holds.
pub fn frames(an: &Analysis, lang: &Language, frames: &mut [Frame]) {
    let inside = |k: usize| an.excepted.iter().any(|&(a, b)| a <= k && k < b);
    let whole = |i: usize| quantified_whole(an, lang, i);
    for f in frames.iter_mut() {
        f.places.retain(|p| match *p {
            FramePlace::Mention(i) => !inside(an.places[i].a) && !whole(i),
            FramePlace::Context => true,
        });
    }
    for &(a, b) in &an.excepted {
        let excepted: Vec<FramePlace> = (0..an.places.len())
            .filter(|&i| a <= an.places[i].a && an.places[i].a < b)
            .map(FramePlace::Mention)
            .collect();
        if let Some(k) = relative_right_after(an, b) {
            let after =
                frames.iter_mut().filter(|f| an.cues[f.cue].a > k && an.clause[an.cues[f.cue].a] == an.clause[k]);
            if let Some(f) = after.min_by_key(|f| an.cues[f.cue].a) {
                f.places.clone_from(&excepted);
                continue;
            }
        }
        let loss = |f: &&mut Frame| {
            f.places.is_empty() && (f.def.frame == Kind::Lose || (f.def.frame == Kind::Hold && f.no_longer))
        };
        let nearest = frames.iter_mut().filter(loss).min_by_key(|f| an.cues[f.cue].a.abs_diff(a));
        if let (Some(f), Some(hold)) = (nearest, lang.hold_event) {
            f.def = lang.events[hold as usize];
            f.no_longer = false;
            // "in the west", "in het noorden": the part named is the whole the loss was of.
            f.partial = false;
            f.remnant = false;
            f.places = excepted;
        }
    }
}

/// The relative word right after token `b`, over a comma ("op El Fasher na, waar ...").
fn relative_right_after(an: &Analysis, b: usize) -> Option<usize> {
    let mut k = b;
    while k < an.len() && an.tokens.list[k].is(PUNCT) && an.tokens.fold(k) == "," {
        k += 1;
    }
    (k < an.len() && k > b && an.class[k] & class::RELATIVE != 0).then_some(k)
}

/// Whether place mention `i` refers back by a noun under a universal word ("alle steden",
/// "elke stad", "geen enkele stad", "every town"): the whole an exception is cut from.
fn quantified_whole(an: &Analysis, lang: &Language, i: usize) -> bool {
    let p = &an.places[i];
    if !(p.is_anaphora() || p.refers_by_kind()) {
        return false;
    }
    let from = p.a.saturating_sub(2);
    lang.exception.universal.iter().any(|w| (from..p.b).any(|k| starts_at(an, k, w)))
}
