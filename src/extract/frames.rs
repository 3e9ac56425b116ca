//! Frames: every event cue of a sentence that states an event (not an aim, not negated), with
//! its voice, its modifiers and the places it is about.
//!
//! A place belongs to one frame: a noun cue ("de val van") takes the place right after it; the
//! other places of a clause go to its strongest frame (a capture or loss before a siege or
//! fight, those before a hold), the nearest if there are several; a frame without a named place
//! takes a word that refers back ("de stad", "daar").
//!
//! A possession in a noun phrase ("het voormalige IS-bolwerk Tabqa", "the Islamic State-held
//! town of Hawija") is a claim of its own about the place it names, besides what the clause
//! says about that place; a past word before it ("voormalige", "lang", "former") puts it in the
//! past.

use crate::extract::language::{EventDef, Form, Language, class, prep};
use crate::extract::lexicon::{Frame as Kind, Outcome};
use crate::extract::mentions::Analysis;
use crate::extract::tokens::PUNCT;

/// How far after a noun cue its place may come, in words.
const NOUN_WINDOW: usize = 9;

/// Where a frame's place comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FramePlace {
    /// A place mention of the sentence (index into [`Analysis::places`]).
    Mention(usize),
    /// A definite noun cue with no place ("het offensief"): the article's last place.
    Context,
}

/// One event cue and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Index into [`Analysis::cues`].
    pub cue: usize,
    pub def: EventDef,
    pub clause: u16,
    pub passive: bool,
    /// A capture under way ("Raqqa wordt ingenomen"): the place is contested.
    pub ongoing: bool,
    pub partial: bool,
    pub remnant: bool,
    pub no_longer: bool,
    /// A possession told as past ("het voormalige IS-bolwerk", "dat lang in handen was van").
    pub past: bool,
    /// A possession in a noun phrase: an actor glued to the cue ("IS-bolwerk", "rebel-held").
    pub possessive: bool,
    pub places: Vec<FramePlace>,
}

impl Frame {
    /// How the frame assigns its roles.
    pub fn kind(&self) -> Kind {
        self.def.frame
    }

    fn rank(&self) -> u8 {
        match self.def.frame {
            Kind::Take | Kind::Fall | Kind::Lose => 0,
            Kind::Siege | Kind::Contest => 1,
            Kind::Hold => 2,
        }
    }
}

/// The frames of an analysed sentence, with their places.
pub fn frames(an: &Analysis, lang: &Language, retrospective: bool, text: &str, base: usize) -> Vec<Frame> {
    let mut list = Vec::new();
    for (index, cue) in an.cues.iter().enumerate() {
        let def = lang.events[cue.event as usize];
        let clause = an.clause[cue.a];
        let in_date = an.dates.iter().any(|d| cue.parts().iter().any(|&(a, b)| d.a < b && a < d.b));
        // Every class bit of the clause's words, gathered in one pass for the tests below.
        let clause_classes = clause_classes(an, clause);
        let perfect = cue.form == Form::Participle || clause_classes & class::HAVE != 0;
        if in_date
            || (states_an_aim(an, cue.a, clause, perfect) && !under_way(an, lang, cue.a, clause))
            || permitted(an, lang, index)
        {
            continue;
        }
        if def.frame == Kind::Lose && members_leaving(an, cue.a) {
            continue;
        }
        // "De door IS bezette stad": the participle describes the noun (a possession), it tells
        // no capture.
        if def.frame == Kind::Take && attributive_agent_before(an, cue.a).is_some() {
            continue;
        }
        if def.outcome == Some(Outcome::Hands) && (!side_in_gap(an, cue) || !an.place_not_possessed()) {
            continue;
        }
        let (negated, no_longer) = negation(an, cue.a, cue.end);
        if negated && !no_longer {
            continue;
        }
        let has = |c: u32| clause_classes & c != 0;
        let passive_clause = match own_auxiliary(an, lang, cue, clause) {
            // "waren de stad binnengedrongen": the perfect of a motion verb, active.
            Some(aux) => an.class[aux] & class::PASSIVE != 0,
            None => has(class::PASSIVE) || (has(class::BE) && !has(class::HAVE)),
        };
        let twin =
            an.cues.iter().any(|c| c.a == cue.a && c.end == cue.end && c.event == cue.event && c.form != cue.form);
        if twin && (cue.form == Form::Participle) != passive_clause {
            continue;
        }
        let passive = cue.form == Form::Participle && passive_clause;
        let ongoing = def.frame == Kind::Take && passive && has(class::ONGOING) && !retrospective;
        let partial = an.partial.iter().any(|&(k, remnant)| !remnant && an.clause[k] == clause);
        let remnant = an.partial.iter().any(|&(k, remnant)| remnant && an.clause[k] == clause);
        let owned = def.outcome == Some(Outcome::Owned);
        if owned && !place_right_after(an, cue.end) {
            continue;
        }
        let noun_only = def.outcome == Some(Outcome::Possession);
        let hold = def.frame == Kind::Hold && (crate::extract::lexicon::plain_hold(def.outcome) || noun_only || owned);
        let possessive = hold
            && cue.form == Form::Verb
            && (owned
                || glued_actor(an, cue.a, text, base)
                || owned_in_apposition(an, cue.a, cue.end)
                || (noun_only && attributive_agent_before(an, cue.a).is_some()));
        if noun_only && !possessive {
            continue;
        }
        let past = hold && told_as_past(an, cue.a, clause, possessive);
        list.push(Frame {
            cue: index,
            def,
            clause,
            passive,
            ongoing,
            partial,
            remnant,
            no_longer,
            past,
            possessive,
            places: Vec::new(),
        });
    }
    if list.is_empty() {
        return list; // most sentences: no frame to give places to
    }
    bare_holds_yield(&mut list);
    assign_places(an, &mut list, lang);
    crate::extract::attach::after_places(an, lang, &mut list);
    crate::extract::share::places_of_clause_before(an, lang, &mut list);
    holds_of_sites_beside_parts(an, &mut list);
    if !an.excepted.is_empty() {
        crate::extract::except::frames(an, lang, &mut list);
    }
    // A possession in a noun phrase is the background of the clause: it comes first, so the
    // clause's own frame knows who held the place ("encircled Manbij, the IS-held town").
    list.sort_by_key(|f| !f.possessive);
    list
}

/// A bare verb of holding ("houdt", "hield") is part of another phrase when its clause has any
/// other cue ("IS houdt de stad onder beleg", "hield ... stand"): only alone is it a hold.
fn bare_holds_yield(list: &mut Vec<Frame>) {
    let clauses_with_other: Vec<u16> =
        list.iter().filter(|f| f.def.outcome != Some(Outcome::Object)).map(|f| f.clause).collect();
    list.retain(|f| f.def.outcome != Some(Outcome::Object) || !clauses_with_other.contains(&f.clause));
}

/// "In X houden de mariniers stand in de fabriek, terwijl de rest van de stad door Y wordt
/// gecontroleerd": a plain hold on a site in a sentence that gives part of the town to a side
/// in another clause holds that site only, a remnant.
fn holds_of_sites_beside_parts(an: &Analysis, frames: &mut [Frame]) {
    for f in frames.iter_mut() {
        let hold = f.def.frame == Kind::Hold && crate::extract::lexicon::plain_hold(f.def.outcome) && !f.possessive;
        if !hold || f.partial || f.remnant {
            continue;
        }
        let site_here = clause_tokens(an, f.clause).any(|k| an.class[k] & class::SITE != 0);
        let part_elsewhere = an.partial.iter().any(|&(k, remnant)| !remnant && an.clause[k] != f.clause);
        f.remnant = site_here && part_elsewhere;
    }
}

/// The actor of an attributive agent right before a cue ("het door de SDF gecontroleerde
/// Manbij", "de door IS bezette stad"): the noun phrase says who holds the place after it.
/// The agent must open the noun phrase right after its article ("het door ..."): "Rebels backed by
/// Turkey captured X" has an attributive agent before a verb that is no participle of the phrase.
pub fn attributive_agent_before(an: &Analysis, cue_at: usize) -> Option<usize> {
    let after_article = |a: usize| {
        let mut k = a;
        while k > 0 && an.prep[k - 1] & prep::AGENT == 0 && an.class[k - 1] & class::DET != 0 {
            k -= 1;
        }
        k >= 2 && an.prep[k - 1] & prep::AGENT != 0 && an.class[k - 2] & class::ARTICLE != 0
    };
    an.actors.iter().position(|m| m.attributive && m.gov & prep::AGENT != 0 && m.b == cue_at && after_article(m.a))
}

/// An actor written against the cue with a hyphen: "IS-bolwerk", "Islamic State-held".
pub fn glued_actor(an: &Analysis, cue_at: usize, text: &str, base: usize) -> bool {
    let tokens = &an.tokens.list;
    an.actors.iter().any(|m| {
        m.b == cue_at
            && tokens[cue_at].start == tokens[m.b - 1].end + 1
            && text.as_bytes().get(tokens[cue_at].start - 1 - base) == Some(&b'-')
    })
}

/// How far a possession noun in apposition may stand from the comma after its place, in words
/// ("Raqqa, de door IS uitgeroepen hoofdstad van ...").
const APPOSITION_WINDOW: usize = 5;

/// A hold noun in apposition to a place, owned by an actor after "van"/"of": "Kidal, het bolwerk
/// van de Toeareg-rebellen", "Raqqa, the de facto capital of the Islamic State".
fn owned_in_apposition(an: &Analysis, cue_a: usize, cue_end: usize) -> bool {
    let owner = an.actors.iter().any(|m| {
        !m.attributive
            && m.a > cue_end
            && m.a <= cue_end + 3
            && an.prep[cue_end] & prep::OF != 0
            && (cue_end + 1..m.a).all(|k| an.class[k] & class::DET != 0)
    });
    owner && (apposition_place(an, cue_a).is_some() || copula_place(an, cue_a).is_some())
}

/// A place name right after a possession noun ("haar hoofdstad Raqqa", "its capital, Raqqa").
fn place_right_after(an: &Analysis, end: usize) -> bool {
    an.places.iter().any(|p| !p.is_anaphora() && p.a >= end && p.a - end <= 1 && (end..p.a).all(|k| is_comma(an, k)))
}

/// How far a possession noun after a copula may stand from its place, in words ("Raqqa gold
/// sinds 2014 als de hoofdstad van ...").
const COPULA_WINDOW: usize = 6;

/// The place a possession noun is said of by a copula in its clause: a bare place before it, a
/// `be` word between and no other cue or actor ("Raqqa gold als de hoofdstad van het kalifaat",
/// "Raqqa served as the capital of the Islamic State").
fn copula_place(an: &Analysis, at: usize) -> Option<usize> {
    let clause = an.clause[at];
    an.places.iter().rposition(|p| {
        !p.is_anaphora()
            && p.gov == 0
            && an.clause[p.a] == clause
            && p.b < at
            && at - p.b <= COPULA_WINDOW
            && (p.b..at).any(|k| an.class[k] & class::BE != 0)
            && !an.cues.iter().any(|c| c.a >= p.b && c.a < at)
            && !an.actors.iter().any(|m| m.a >= p.b && m.a < at)
    })
}

/// The place a noun phrase at `at` stands in apposition to: the place right before the comma
/// that opens the phrase (a verb particle may stand between: "nam Kidal in, het bolwerk ..."),
/// with no other place or cue between the comma and the noun.
pub(crate) fn apposition_place(an: &Analysis, at: usize) -> Option<usize> {
    let clause = an.clause[at];
    let comma = (at.saturating_sub(APPOSITION_WINDOW)..at).rev().find(|&k| is_comma(an, k))?;
    let named_between = an.places.iter().any(|p| p.a > comma && p.a < at && !p.is_anaphora());
    if named_between || an.cues.iter().any(|c| c.a > comma && c.a < at) {
        return None;
    }
    let particle = |k: usize| an.cues.iter().any(|c| c.parts().iter().any(|&(a, b)| a <= k && k < b));
    let dated = |a: usize, b: usize| an.dates.iter().any(|d| d.a == a && d.b == b);
    an.places.iter().position(|p| {
        !p.is_anaphora()
            && an.clause[p.a] <= clause
            && (p.b == comma || (p.b + 1 == comma && particle(p.b)) || (p.b < comma && dated(p.b, comma)))
    })
}

/// How far before a hold cue (or the actor glued to it) a past word may stand, in words.
const PAST_WINDOW: usize = 3;

/// A past word just before a hold cue, or before the actor glued to it: "dat lang in handen
/// was van", "het voormalige IS-bolwerk", "gold lang als een bolwerk".
fn told_as_past(an: &Analysis, a: usize, clause: u16, possessive: bool) -> bool {
    let start = if possessive { an.actors.iter().find(|m| m.b == a).map_or(a, |m| m.a) } else { a };
    (start.saturating_sub(PAST_WINDOW)..start)
        .any(|k| an.clause[k] == clause && an.class[k] & class::PAST != 0 && !(k..start).any(|j| is_comma(an, j)))
}

/// The class bits any word of clause `clause` has.
fn clause_classes(an: &Analysis, clause: u16) -> u32 {
    clause_tokens(an, clause).fold(0, |all, k| all | an.class[k])
}

fn clause_tokens(an: &Analysis, clause: u16) -> impl Iterator<Item = usize> + '_ {
    (0..an.len()).filter(move |&k| an.clause[k] == clause)
}

/// "om Mosul terug te veroveren": an infinitive after a word of intention states an aim.
/// So does a word of intention in the same comma-delimited part before the cue, as with Dutch
/// modal verbs ("Het leger wil Hawija heroveren").
fn states_an_aim(an: &Analysis, a: usize, clause: u16, perfect: bool) -> bool {
    let intention = |k: usize| an.clause[k] == clause && an.class[k] & class::INTENTION != 0;
    let infinitive = infinitive_before(an, a);
    let mut from = a;
    while from > 0 && an.clause[from - 1] == clause && !is_comma(an, from - 1) {
        from -= 1;
    }
    let modal = |k: usize| intention(k) && !(perfect && named_event(an, k));
    (infinitive && (0..a).any(intention)) || (from..a).any(modal)
}

/// The cue at `a` is an infinitive: right after "te"/"to", or after it and up to two
/// auxiliaries of a passive or perfect infinitive ("dreigt ... te worden ingesloten", "is
/// expected to be encircled", "hopes to have taken") (branch `xsiege`).
fn infinitive_before(an: &Analysis, a: usize) -> bool {
    let aux = class::BE | class::PASSIVE | class::HAVE;
    let mut k = a;
    for _ in 0..3 {
        if k == 0 {
            return false;
        }
        k -= 1;
        if an.class[k] & class::INFINITIVE != 0 {
            return true;
        }
        if an.class[k] & aux == 0 {
            return false;
        }
    }
    false
}

/// "Daarna waren de troepen weken bezig om X uit te kammen": an intention word right after a
/// word of an action under way (`[grammar] progressive`) tells what was being done, not an aim.
/// Only when every intention word before the cue in its clause is such a one.
fn under_way(an: &Analysis, lang: &Language, a: usize, clause: u16) -> bool {
    if lang.progressive.is_empty() {
        return false;
    }
    let mut intentions = (0..a).filter(|&k| an.clause[k] == clause && an.class[k] & class::INTENTION != 0).peekable();
    intentions.peek().is_some()
        && intentions.all(|k| k > 0 && lang.progressive.iter().any(|w| w == an.tokens.fold(k - 1)))
}

/// An intention word used as a noun, with a determiner in the two words before it ("sinds het
/// begin van het offensief hebben ... veroverd", "since the start of the offensive the army has
/// taken"): with a perfect tense it names an event of the past, not an aim of the clause's verb
/// ("het offensief om X te veroveren" stays an aim through its infinitive).
fn named_event(an: &Analysis, k: usize) -> bool {
    (k.saturating_sub(2)..k).any(|j| an.class[j] & class::DET != 0)
}

/// "IS-strijders hebben Raqqa mogen verlaten", "were allowed to leave": a word of permission in
/// the gap of the cue, or before it in its comma-delimited part, makes a change of control no
/// event (fighters leaving under a deal while their side may keep part of the place).
fn permitted(an: &Analysis, lang: &Language, index: usize) -> bool {
    let cue = &an.cues[index];
    if lang.permission.is_empty() || !lang.events[cue.event as usize].frame.is_change() {
        return false;
    }
    let clause = an.clause[cue.a];
    let mut from = cue.a;
    while from > 0 && an.clause[from - 1] == clause && !is_comma(an, from - 1) {
        from -= 1;
    }
    let parts = cue.parts();
    let gap = parts[0].1..parts[parts.len() - 1].0;
    (from..cue.a).chain(gap).any(|k| lang.permission.iter().any(|w| w == an.tokens.fold(k)))
}

/// How far before a loss cue the relative word after a members noun may stand, in words.
const MEMBERS_WINDOW: usize = 4;

/// "de IS-strijders die Raqqa verlaten", "the fighters who leave X": a relative clause about
/// members of a side who leave a place describes those people, not a loss by their side.
fn members_leaving(an: &Analysis, cue_a: usize) -> bool {
    (cue_a.saturating_sub(MEMBERS_WINDOW)..cue_a).any(|k| {
        k > 0
            && an.class[k] & class::RELATIVE != 0
            && an.class[k - 1] & class::MEMBERS != 0
            && an.actors.iter().any(|m| m.b == k)
            && !(k..cue_a).any(|j| is_comma(an, j))
    })
}

pub(crate) fn is_comma(an: &Analysis, k: usize) -> bool {
    an.tokens.list[k].is(PUNCT) && an.tokens.fold(k) == ","
}

/// A negation in the comma-delimited part of the clause around the cue; and whether it is a
/// "no longer" ("niet meer in handen van").
fn negation(an: &Analysis, a: usize, end: usize) -> (bool, bool) {
    let clause = an.clause[a];
    let comma = |k: usize| is_comma(an, k);
    let mut from = a;
    while from > 0 && an.clause[from - 1] == clause && !comma(from - 1) {
        from -= 1;
    }
    let mut to = end;
    while to < an.len() && an.clause[to] == clause && !comma(to) {
        to += 1;
    }
    let cancelled = |k: usize| an.not_negated.iter().any(|&(x, y)| x <= k && k < y);
    let negated = (from..to).any(|k| an.class[k] & class::NEGATION != 0 && !cancelled(k)) || denied_clause(an, clause);
    let no_longer = an.no_longer.iter().any(|&(x, _)| from <= x && x < to);
    (negated || no_longer, no_longer)
}

/// How far before the subordinator a denial (or fear) may stand: "ontkende dat", "denied on
/// Sunday that".
const DENIAL_WINDOW: usize = 3;

/// "Het leger ontkende dat Baiji was gevallen": a clause opened by a subordinator right after a
/// negation word (a denial) states nothing.
fn denied_clause(an: &Analysis, clause: u16) -> bool {
    let Some(first) = an.clause_start(clause) else {
        return false;
    };
    first > 0
        && an.class[first] & class::SUBORDINATOR != 0
        && (first.saturating_sub(DENIAL_WINDOW)..first).any(|k| an.class[k] & class::NEGATION != 0)
}

/// Whether a place governed by `gov` can be what a frame of this kind is about.
fn allowed(kind: Kind, gov: u16, topical: bool) -> bool {
    let fought_around = kind == Kind::Contest && gov & prep::AROUND != 0;
    if gov & prep::REFERENCE != 0
        && gov & !prep::REFERENCE & (prep::LOCATIVE | prep::OUT | prep::OF | prep::TARGET) == 0
        && !fought_around
    {
        return false;
    }
    match kind {
        Kind::Take => gov == 0 || gov & (prep::OUT | prep::OF) != 0,
        Kind::Fall => gov == 0,
        Kind::Lose => gov == 0 || gov & (prep::OF | prep::OUT) != 0,
        Kind::Hold => gov == 0 || gov & (prep::OF | prep::TARGET | prep::LOCATIVE) != 0 || topical,
        Kind::Siege => gov == 0 || topical,
        Kind::Contest => gov == 0 || gov & (prep::TARGET | prep::LOCATIVE | prep::OF | prep::AROUND) != 0,
    }
}

/// How far from a participle its own auxiliary may stand, in words.
const AUXILIARY_WINDOW: usize = 12;

/// The auxiliary of a participle cue whose perfect takes "zijn" (`[grammar] be_perfect`): one of
/// the two words after it (verb-final order: "dat de rebellen de stad binnengedrongen waren",
/// "binnengedrongen zouden zijn") or else the
/// nearest before it in its clause ("waren de stad binnengedrongen"). A form of `be` there makes
/// an active perfect; a `passive` word ("werd binnengevallen") a passive. None for other cues, or
/// with no auxiliary near: the clause's words decide.
fn own_auxiliary(
    an: &Analysis,
    lang: &Language,
    cue: &crate::extract::mentions::CueMention,
    clause: u16,
) -> Option<usize> {
    let aux = class::BE | class::PASSIVE | class::HAVE;
    let takes_be = cue.form == Form::Participle
        && !lang.be_perfect.is_empty()
        && cue.parts().iter().any(|&(a, b)| (a..b).any(|k| lang.be_perfect.has(&an.tokens, k)));
    if !takes_be {
        return None;
    }
    let is_aux = |k: usize| an.clause[k] == clause && an.class[k] & aux != 0;
    let after = (cue.end..an.len().min(cue.end + 2)).find(|&k| is_aux(k));
    after.or_else(|| (cue.a.saturating_sub(AUXILIARY_WINDOW)..cue.a).rev().find(|&k| is_aux(k)))
}

/// "Alle wegen naar X zijn afgesneden", "all roads into X were cut": a siege takes the place
/// after a way into it (`[grammar] access_routes`) and a preposition into it (`[grammar]
/// access_prepositions`), though "naar"/"into" otherwise names a mere destination or a side.
fn access_route_to(an: &Analysis, lang: &Language, f: &Frame, p: &crate::extract::mentions::PlaceMention) -> bool {
    if f.kind() != Kind::Siege || p.gov == 0 || p.a < 2 {
        return false;
    }
    let mut k = p.a - 1;
    while k > 0 && an.class[k] & class::DET != 0 && an.prep[k] == 0 {
        k -= 1;
    }
    k > 0
        && lang.access_prepositions.has(&an.tokens, k)
        && an.clause[k] == f.clause
        && lang.access_routes.has(&an.tokens, k - 1)
}

/// Gives each place mention of the sentence to the frame it belongs to: the cue governing it,
/// else the nearest frame of its clause (or the clause governing that one) that may take it.
fn assign_places(an: &Analysis, frames: &mut [Frame], lang: &Language) {
    let mut used = vec![false; an.places.len()];
    place_after_nouns(an, frames, &mut used);
    for (i, p) in an.places.iter().enumerate() {
        // "Het vliegveld van de stad en de luchtmachtbasis X zijn in hun handen": a site of a
        // town referred back to is a place of the clause like a named one.
        if used[i] || (p.is_anaphora() && p.site.is_none()) || locates_another(an, i) {
            continue;
        }
        let clause = governing_clause(an, frames, an.clause[p.a]);
        let owner = cue_governing(an, frames, p.a);
        let best = frames
            .iter()
            .enumerate()
            .filter(|(fi, f)| {
                owner.is_none_or(|o| o == *fi)
                    && an.cues[f.cue].form != Form::Noun
                    && !f.possessive
                    && f.clause == clause
                    && !crate::extract::apposition::in_relative_of_apposition(an, p.b, an.cues[f.cue].a)
                    && match background(f) {
                        Some(kind) => background_place(an, f, kind, p),
                        None => {
                            (allowed(f.kind(), p.gov, p.topical) && object_if_needed(f, p.gov))
                                || retreat_area(f, p)
                                || crate::extract::attach::surrender_place(f, p.gov)
                                || crate::extract::parts::siege_of_part(an, f, p)
                                || access_route_to(an, lang, f, p)
                        }
                    }
            })
            // A flight's destination belongs to the flight, not to a hold beside it.
            .min_by_key(|(_, f)| (background(f) != Some(Outcome::Refuge), f.rank(), cue_distance(an, f, p.a)));
        if let Some((fi, _)) = best {
            used[i] = true;
            frames[fi].places.push(FramePlace::Mention(i));
        }
    }
    possessed_places(an, frames, &mut used);
    let waiting: Vec<(u16, usize)> = frames
        .iter()
        .filter(|f| f.places.is_empty() && an.cues[f.cue].form != Form::Noun)
        .map(|f| (f.clause, an.cues[f.cue].a))
        .collect();
    let framed: Vec<usize> = frames.iter().map(|f| f.cue).collect();
    for f in frames.iter_mut().filter(|f| f.places.is_empty() && an.cues[f.cue].form != Form::Noun) {
        let cue_at = an.cues[f.cue].a;
        if let Some(i) = (f.def.frame == Kind::Hold)
            .then(|| crate::extract::apposition::relative_of_apposition(an, cue_at, &framed))
            .flatten()
        {
            // The writer's description of the place, like a possession in a noun phrase.
            f.possessive = true;
            f.places.push(FramePlace::Mention(i));
            continue;
        }
        if let Some(i) = (f.def.frame == Kind::Siege)
            .then(|| crate::extract::apposition::relative_of_apposition(an, cue_at, &framed))
            .flatten()
        {
            // "Avdiivka, een stad die maandenlang was omsingeld": the siege of the place named.
            f.places.push(FramePlace::Mention(i));
            continue;
        }
        // "... onder hun gezag gebracht en de stad zelf omsingeld": a word that refers back
        // belongs to the waiting frame whose cue is nearest to it.
        let nearer_frame = |p: &crate::extract::mentions::PlaceMention| {
            waiting.iter().any(|&(clause, at)| clause == f.clause && at.abs_diff(p.a) < cue_at.abs_diff(p.a))
        };
        let nearest = an
            .places
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                !used[*i]
                    && p.is_anaphora()
                    && an.clause[p.a] == f.clause
                    && ((allowed(f.def.frame, p.gov, p.topical) && object_if_needed(f, p.gov))
                        || crate::extract::attach::surrender_place(f, p.gov))
                    && !nearer_frame(p)
            })
            .min_by_key(|(_, p)| p.a.abs_diff(cue_at));
        if let Some((i, _)) = nearest {
            used[i] = true;
            f.places.push(FramePlace::Mention(i));
        } else if let Some(i) = relative_antecedent(an, f.clause) {
            f.places.push(FramePlace::Mention(i));
        } else if let Some(i) = relative_of_apposed_phrase(an, f.clause, cue_at, &framed) {
            f.places.push(FramePlace::Mention(i));
        } else if let Some(place) = site_town(an, f) {
            // "Twee derde van de stad is in handen van de rebellen, terwijl de junta nog
            // standhoudt in de kazerne", "kept control of its main base on the eastern edge": a
            // site that stands for a town in a sentence that tells of a part is a part too.
            f.remnant |= an.partial.iter().any(|&(_, remnant)| !remnant);
            f.places.push(place);
        } else if let Some(place) = crate::extract::parts::part_town(an, f) {
            f.places.push(place);
        }
    }
}

/// A bare verb of holding ("houden", "hield") is about its object only: a place with no
/// preposition before it.
fn object_if_needed(f: &Frame, gov: u16) -> bool {
    f.def.outcome != Some(Outcome::Object) || gov == 0
}

/// The frame whose cue ends in a preposition right before the place ("trok zich terug naar X",
/// "trokken zich terug uit X"): the preposition is part of that cue, so the place is that cue's
/// and no other frame's of the clause ("gaf de stad op en trok zich terug naar X": X is not what
/// was given up).
/// When two such cues share the preposition ("forces ... out of" inside "the Russian forces had
/// pulled out of X"), the one that starts nearer the place is the verb.
fn cue_governing(an: &Analysis, frames: &[Frame], at: usize) -> Option<usize> {
    frames
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            let end = an.cues[f.cue].end;
            end > 0 && end <= at && an.prep[end - 1] != 0 && (end..at).all(|k| an.class[k] & class::DET != 0)
        })
        .max_by_key(|(_, f)| an.cues[f.cue].a)
        .map(|(i, _)| i)
}

/// How far from a site noun the town it stands in may be named, in words.
const SITE_WINDOW: usize = 8;

/// "in Oekraïense handen", "onder Russische controle": a side fills the gap of a split cue up
/// to its second part (see `Outcome::Hands`); a place or nothing there makes the words no cue.
pub fn side_in_gap(an: &Analysis, cue: &crate::extract::mentions::CueMention) -> bool {
    let parts = cue.parts();
    parts.len() == 2
        && an
            .actors
            .iter()
            .any(|m| m.a >= parts[0].1 && m.a < parts[1].0 && m.b >= parts[1].0 && m.b <= parts[1].1 && !m.attributive)
        && !an.places.iter().any(|p| p.a >= parts[0].1 && p.a < parts[1].0)
}

/// A capture, loss or hold whose object is a site with no town right after it ("Ook in X zou de
/// luchtmachtbasis zijn bezet", "the airport and the army base south of X fell to ...", "het
/// gouverneursgebouw werd overgenomen"): the site stands for its town (tests/devset README,
/// Sites). The town is a place of the sentence under "in", "bij", "van" or a direction within
/// a few words of the site noun, else the article's last place. Fights and sieges are not
/// carried over: a raid on a site is not a claim on its town.
fn site_town(an: &Analysis, f: &Frame) -> Option<FramePlace> {
    let state = matches!(f.def.frame, Kind::Take | Kind::Fall | Kind::Lose)
        || (f.def.frame == Kind::Hold && crate::extract::lexicon::plain_hold(f.def.outcome) && !f.possessive);
    if !state {
        return None;
    }
    let site = clause_tokens(an, f.clause).find(|&k| an.class[k] & class::SITE != 0)?;
    let linked = an
        .places
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            (p.gov & (prep::LOCATIVE | prep::REFERENCE | prep::OF) != 0 || p.site.is_some())
                && p.a.abs_diff(site) <= SITE_WINDOW
                && !matches!(p.target, crate::extract::mentions::Target::Here)
        })
        .min_by_key(|(_, p)| (p.a < site, p.a.abs_diff(site)));
    match linked {
        Some((i, _)) => Some(FramePlace::Mention(i)),
        None if an.places.is_empty() && definite(an, site) => Some(FramePlace::Context),
        // "Jabalia werd ingenomen; alleen het vluchtelingenkamp is nog in handen van Hamas": a
        // definite site in a sentence that named its town before it.
        None if definite(an, site) => crate::extract::parts::town_named_before(an, site).map(FramePlace::Mention),
        None => None,
    }
}

/// How far after a possession ("IS-bolwerk", "-held town of") its place may come, in words.
const POSSESSION_WINDOW: usize = 3;

/// A possession in a noun phrase names its place right after it ("IS-bolwerk Tabqa", "the
/// Islamic State-held town of Hawija"), shared with the clause's own frame; or, with none
/// there, the nearest place of its clause that no frame took.
fn possessed_places(an: &Analysis, frames: &mut [Frame], used: &mut [bool]) {
    for f in frames.iter_mut().filter(|f| f.possessive) {
        let end = an.cues[f.cue].end;
        let after = an.places.iter().position(|p| {
            !p.is_anaphora() && p.a >= end && p.a <= end + POSSESSION_WINDOW && an.clause[p.a] == f.clause
        });
        let free = || {
            let cue_at = an.cues[f.cue].a;
            (0..an.places.len())
                .filter(|&i| {
                    let p = &an.places[i];
                    !used[i] && !p.is_anaphora() && an.clause[p.a] == f.clause && allowed(Kind::Hold, p.gov, p.topical)
                })
                .min_by_key(|&i| an.places[i].a.abs_diff(cue_at))
        };
        // "Manbij, the Islamic State-held town": the place the phrase stands in apposition to.
        let start = an.actors.iter().find(|m| m.b == an.cues[f.cue].a).map_or(an.cues[f.cue].a, |m| m.a);
        let before = an.places.iter().rposition(|p| {
            !p.is_anaphora()
                && p.b < start
                && start - p.b <= POSSESSION_WINDOW
                && (p.b..start).all(|k| is_comma(an, k) || an.class[k] & (class::DET | class::SKIP | class::PAST) != 0)
                && (p.b..start).any(|k| is_comma(an, k))
        });
        let apposed = || apposition_place(an, an.cues[f.cue].a);
        if let Some(i) = after.or(before).or_else(apposed).or_else(free) {
            used[i] = true;
            f.places.push(FramePlace::Mention(i));
        }
    }
}

/// A noun cue takes the first place within a few words after it, before the next cue; with
/// none, a definite noun cue ("het offensief") is about the article's last place, unless an
/// actor follows it ("de val van het kalifaat").
fn place_after_nouns(an: &Analysis, frames: &mut [Frame], used: &mut [bool]) {
    if !frames.iter().any(|f| an.cues[f.cue].form == Form::Noun) {
        return;
    }
    let starts: Vec<usize> = frames.iter().map(|f| an.cues[f.cue].a).collect();
    let verbs: Vec<(u16, u8)> =
        frames.iter().filter(|f| an.cues[f.cue].form != Form::Noun).map(|f| (f.clause, f.rank())).collect();
    for f in frames.iter_mut().filter(|f| an.cues[f.cue].form == Form::Noun) {
        let cue = &an.cues[f.cue];
        if yields_to_verb(an, f, &verbs) {
            continue;
        }
        let next_cue = starts.iter().copied().filter(|&a| a >= cue.end).min().unwrap_or(usize::MAX);
        let after = an.places.iter().enumerate().find(|(i, p)| {
            !used[*i]
                && p.a >= cue.end
                && p.a < cue.end + NOUN_WINDOW
                && p.a < next_cue
                && an.clause[p.a] == f.clause
                && !between_places(p.gov)
        });
        match after {
            Some((i, _)) => {
                used[i] = true;
                f.places.push(FramePlace::Mention(i));
            }
            // "The offensive began in the countryside west of Aleppo": a place of its own
            // clause, even a landmark, says where it is, so it is not the last place told.
            None if definite(an, cue.a)
                && !an.actors.iter().any(|m| m.a >= cue.end && m.a <= cue.end + 2)
                && !an.places.iter().any(|p| an.clause[p.a] == f.clause && !p.is_anaphora()) =>
            {
                f.places.push(FramePlace::Context)
            }
            None => {}
        }
    }
}

/// "een aanval op een konvooi tussen Gao en Ansongo": towns named as the two ends of a stretch
/// are landmarks, not what an attack or a fight after a noun is about.
fn between_places(gov: u16) -> bool {
    gov & prep::BETWEEN != 0 && gov & prep::REFERENCE != 0
}

/// "Sinds het begin van het offensief hebben de rebellen ook X veroverd", "after a months-long
/// offensive the army took X": a bare noun cue with no preposition of its own ("offensief",
/// "assault") in a clause whose verb states a stronger event is background; the place is the
/// verb's.
fn yields_to_verb(an: &Analysis, f: &Frame, verbs: &[(u16, u8)]) -> bool {
    let cue = &an.cues[f.cue];
    let bare = an.prep[cue.end - 1] == 0;
    bare && verbs.iter().any(|&(clause, rank)| clause == f.clause && rank < f.rank())
}

/// "Kirkuk, dat in handen is van de Koerden": a clause opened by a relative word is about the
/// place right before it; a word that refers back to a town counts too when a comma stands
/// between ("heroverde het leger de stad, die sindsdien ...", "still hold the town, which has
/// been under blockade").
fn relative_antecedent(an: &Analysis, clause: u16) -> Option<usize> {
    let first = an.clause_start(clause)?;
    if first == 0 || an.class[first] & (class::SUBORDINATOR | class::RELATIVE) == 0 {
        return None;
    }
    let comma = is_comma(an, first - 1);
    let end = if comma { first - 1 } else { first };
    let town_reference = |p: &crate::extract::mentions::PlaceMention| {
        comma && matches!(p.target, crate::extract::mentions::Target::Town) && p.gov & prep::REFERENCE == 0
    };
    an.places.iter().position(|p| {
        (p.b == end || crate::extract::attach::particle_between(an, p.b, end))
            && (!p.is_anaphora() || town_reference(p))
    })
}

/// "Azerbeidzjan nam Sjoesja in, de stad die Armenië in 1992 had veroverd", "took Kherson, the
/// only regional capital that Russia had captured": a clause opened by a relative word after a
/// noun phrase in apposition is about the place the phrase stands for.
fn relative_of_apposed_phrase(an: &Analysis, clause: u16, cue_at: usize, framed: &[usize]) -> Option<usize> {
    let first = an.clause_start(clause)?;
    if first == 0 || an.class[first] & class::RELATIVE == 0 || is_comma(an, first - 1) {
        return None;
    }
    crate::extract::apposition::relative_of_apposition(an, cue_at, framed)
}

/// The clause whose frames a place in `clause` can belong to: its own, or, when it has no
/// frame and opens with "en" ("IS heeft X in handen, en een deel van Y"), the one before it.
fn governing_clause(an: &Analysis, frames: &[Frame], clause: u16) -> u16 {
    if frames.iter().any(|f| f.clause == clause) {
        return clause;
    }
    let first = an.clause_start(clause);
    match first {
        Some(k) if k > 0 && an.class[k] & class::COORD != 0 => {
            let before = an.clause[k - 1];
            listed_after_colon(an, frames, before)
                .filter(|_| !frames.iter().any(|f| f.clause == before))
                .unwrap_or(before)
        }
        _ => listed_after_colon(an, frames, clause).unwrap_or(clause),
    }
}

/// "Retaken so far: A and B; C, with its airport; and D": the items of a list after a colon,
/// separated by semicolons, belong to the clause before the colon when they have no frame of
/// their own.
fn listed_after_colon(an: &Analysis, frames: &[Frame], clause: u16) -> Option<u16> {
    let mut item = clause;
    loop {
        let first = an.clause_start(item)?;
        if first == 0 || !an.tokens.list[first].is(PUNCT) {
            return None;
        }
        let before = an.clause[first - 1];
        match an.tokens.fold(first) {
            ":" => return frames.iter().any(|f| f.clause == before).then_some(before),
            ";" if !frames.iter().any(|f| f.clause == before) => item = before,
            _ => return None,
        }
    }
}

/// A retreat ("teruggetrokken naar ... rondom de Eufraat") is about the area it names, even
/// when the area is given by a landmark; towns under such a preposition stay landmarks.
fn retreat_area(f: &Frame, p: &crate::extract::mentions::PlaceMention) -> bool {
    let region = matches!(&p.target, crate::extract::mentions::Target::Place(found) if found.key.kind == crate::model::PlaceKind::Region);
    f.def.frame == Kind::Hold && f.def.outcome == Some(Outcome::Partial) && region
}

/// The background kind of a hold frame ("het kalifaat uitgeroepen", "gevlucht naar"), if any.
fn background(f: &Frame) -> Option<Outcome> {
    f.def.outcome.filter(|o| matches!(o, Outcome::Proclaimed | Outcome::Refuge))
}

/// Roles that never name the place a background hold is about: the place fled from ("van
/// Raqqa naar X"), a side, a target.
const NOT_BACKGROUND: u16 =
    prep::OF | prep::SOURCE | prep::OUT | prep::AGENT | prep::RECIPIENT | prep::TARGET | prep::FOR | prep::BETWEEN;

/// A place a background hold can be about: for a proclamation, a bare place or one after "in"
/// ("In Mosul riep ..."); for a flight, the destination right after a part of the cue
/// ("gevlucht van X naar Y", "naar Y gevlucht"), never the place fled from.
fn background_place(an: &Analysis, f: &Frame, kind: Outcome, p: &crate::extract::mentions::PlaceMention) -> bool {
    if p.gov & NOT_BACKGROUND != 0 {
        return false;
    }
    match kind {
        Outcome::Refuge => refuge_destination(an, f, p.a),
        _ => p.gov & prep::REFERENCE == 0 && (p.gov == 0 || p.gov & prep::LOCATIVE != 0 || p.topical),
    }
}

/// Whether a place starting at `at` is where a flight went: right after a part of the cue
/// ("gevlucht naar X", "naar X gevlucht"), or listed after such a place ("naar X en Y").
fn refuge_destination(an: &Analysis, f: &Frame, at: usize) -> bool {
    let only = |a: usize, b: usize, c: u32| a <= b && (a..b).all(|k| an.class[k] & c != 0);
    let right_after =
        an.cues[f.cue].parts().iter().any(|&(_, b)| at >= b && at - b <= 2 && only(b, at, class::DET | class::SKIP));
    right_after
        || an.places.iter().any(|q| {
            q.b < at
                && at - q.b <= 2
                && (q.b..at).any(|k| an.class[k] & class::COORD != 0 || is_comma(an, k))
                && (q.b..at).all(|k| an.class[k] & (class::COORD | class::DET) != 0 || is_comma(an, k))
                && refuge_destination(an, f, q.a)
        })
}

/// "Al-Mayadeen in Oost-Syrië", "een kamp in Damascus": a place after "in" right behind another
/// place only says where that one is.
fn locates_another(an: &Analysis, i: usize) -> bool {
    let p = &an.places[i];
    p.gov & prep::LOCATIVE != 0 && an.places.iter().any(|q| !q.is_anaphora() && q.b <= p.a && p.a - q.b <= 2)
}

/// How far a place at token `at` is from a frame's cue: from its start, or for an entry from its
/// end when the place follows it ("pushed into the western neighbourhoods of X as fighting went
/// on": X is where the entry went, however long the part phrase before it).
/// A place in the entry's own object ("pushed into the eastern districts of X as fighting went
/// on": no other cue between) counts as right at the cue.
fn cue_distance(an: &Analysis, f: &Frame, at: usize) -> usize {
    let cue = &an.cues[f.cue];
    if f.def.outcome == Some(Outcome::Entry) && at >= cue.end {
        let object = at - cue.end <= ENTRY_OBJECT && !an.cues.iter().any(|c| cue.end <= c.a && c.a < at);
        return if object { 0 } else { at - cue.end };
    }
    cue.a.abs_diff(at)
}

/// How many words an entry's object may hold before its place ("the eastern districts of").
const ENTRY_OBJECT: usize = 6;

/// A definite article before (or at the start of) a noun cue: "het offensief", "de herovering".
fn definite(an: &Analysis, a: usize) -> bool {
    if an.class[a] & class::DET != 0 {
        return an.class[a] & class::INDEFINITE == 0;
    }
    let mut k = a;
    while k > 0 && a - k < 4 {
        let c = an.class[k - 1];
        if c & class::DET != 0 {
            return c & class::INDEFINITE == 0;
        }
        if c & class::SKIP == 0 {
            return false;
        }
        k -= 1;
    }
    false
}
