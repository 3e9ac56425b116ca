//! Roles: for each frame and place, who holds, takes or loses it. The sentence decides first
//! (prepositions: "door", "op", "aan", "voor", "van"; word order: the first bare actor of the
//! clause is its subject); what the article said before fills the gaps (who held the place, who
//! attacked it, the last actor named), and every such inference lowers the confidence and is
//! named in the note.

use crate::date::DateSpan;
use crate::extract::context::{Context, PlaceRef, REACH};
use crate::extract::date_spans;
use crate::extract::dates::{self, DateMention};
use crate::extract::extent;
use crate::extract::frames::{Frame, FramePlace};
use crate::extract::language::{ActorRef, Form, Language, class, prep};
use crate::extract::lexicon::{Frame as Kind, NextActor, Outcome as FixedOutcome};
use crate::extract::mentions::{Analysis, Target};
use crate::extract::refer;
use crate::extract::timing::{self, Dating};
use crate::extract::towns;
use crate::model::{Event, Modality, PlaceKind};
use crate::places::Gazetteer;

mod direction;
mod surrender;
mod voice;

/// A claim found in a sentence, before its date is settled and its row written.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub place: PlaceRef,
    pub holder: String,
    pub other: Option<String>,
    pub event: Event,
    pub modality: Modality,
    /// The date expression that dates it, if any.
    pub date: Option<DateMention>,
    /// A date taken from an earlier claim it refers back to.
    pub date_from: Option<DateSpan>,
    pub notes: Vec<String>,
    pub confidence: f64,
    /// Token spans of the words that triggered it.
    pub cues: Vec<(usize, usize)>,
    /// Token span of the evidence.
    pub span: (usize, usize),
    pub dating: Dating,
    /// A possession told as past ("het voormalige IS-bolwerk"): dated before its date.
    pub past: bool,
    /// ... that the same sentence ends with a capture or loss of the place: held up to its date.
    pub ended_here: bool,
}

/// One sentence's analysis and frames, with what resolving them needs.
pub struct Sentence<'a> {
    pub an: &'a Analysis,
    pub lang: &'a Language,
    pub frames: &'a [Frame],
    pub gazetteer: &'a Gazetteer,
    /// The sentence text and its byte offset in the article.
    pub text: &'a str,
    pub base: usize,
    /// Print why a frame's place gives no draft (CONTROLMAP_DEBUG_EXTRACT).
    pub debug: bool,
}

/// The roles a frame gives one place.
struct Outcome {
    holder: String,
    other: Option<String>,
    event: Event,
    notes: Vec<String>,
    penalty: f64,
    date_from: Option<DateSpan>,
    actors: Vec<usize>,
    /// Only an implied holder: update the context, write no row.
    presume: bool,
    /// Only who attacks it: update the context, write no row.
    presume_attacker: bool,
    /// Sides named together with the holder ("X en Y namen Z in"): a row each.
    also: Vec<String>,
}

impl Outcome {
    fn new(holder: String, other: Option<String>, event: Event) -> Outcome {
        let other = other.filter(|o| *o != holder);
        Outcome {
            holder,
            other,
            event,
            notes: Vec::new(),
            penalty: 0.0,
            date_from: None,
            actors: Vec::new(),
            presume: false,
            presume_attacker: false,
            also: Vec::new(),
        }
    }

    fn noted(mut self, note: impl Into<String>, penalty: f64) -> Outcome {
        self.notes.push(note.into());
        self.penalty += penalty;
        self
    }
}

/// The population from which a site taken or held in a town is only a part of it.
const CITY_OF_SITES: u64 = 1_000_000;

/// The place a frame is about, with notes on how it was found.
struct Placed {
    place: PlaceRef,
    mention: Option<(usize, usize)>,
    gov: u16,
    notes: Vec<String>,
    penalty: f64,
}

impl Sentence<'_> {
    /// The drafts of every frame, in order; the context learns from each as it goes.
    pub fn drafts(&self, ctx: &mut Context) -> Vec<Draft> {
        let mut out = Vec::new();
        for frame in self.frames {
            let modality = self.modality(frame);
            if modality == Modality::Expected && self.vow(frame) {
                self.dropped(frame, None, "a vow or aim told by a speaker");
                continue;
            }
            if frame.places.is_empty() {
                self.dropped(frame, None, "no place attached");
            }
            for &fp in &frame.places {
                let Some(placed) = self.place_of(fp, frame, ctx) else {
                    self.dropped(frame, Some(fp), "the place does not resolve");
                    if let FramePlace::Mention(i) = fp
                        && let Target::Ambiguous(candidates, text) = &self.an.places[i].target
                    {
                        let why = format!(
                            "{text:?} fits {} places and no rule or country hint chooses one",
                            candidates.len()
                        );
                        ctx.skipped.push((ctx.sentence, why));
                    }
                    continue;
                };
                let Some(mut outcome) = self.outcome(frame, &placed, modality, ctx) else {
                    self.dropped(frame, Some(fp), "no roles: no holder found for the place");
                    continue;
                };
                // A country: a part of it is partial, the whole only a loss (see `extent`).
                if placed.place.key.kind == crate::model::PlaceKind::Country {
                    // "IS heeft geen grondgebied meer in Syrië": no land left there is the whole.
                    let gone = frame.no_longer && frame.kind() == Kind::Hold;
                    let extent = placed
                        .mention
                        .and_then(|(a, _)| self.extent_at(a))
                        .map(|e| if gone { extent::Extent::Whole } else { e });
                    let Some(event) = extent.and_then(|e| extent::country_event(e, outcome.event)) else {
                        self.dropped(frame, Some(fp), "a country with no extent");
                        continue;
                    };
                    outcome.event = event;
                }
                if self.site_of_a_city(&placed, &outcome, ctx) {
                    outcome.event = Event::Partial;
                    outcome.notes.push("a site of a city: a part of it".into());
                }
                if outcome.presume_attacker {
                    ctx.presume_attacker(&placed.place.key, &outcome.holder);
                    self.dropped(frame, Some(fp), "only presumes an attacker");
                    continue;
                }
                if outcome.presume {
                    ctx.presume(&placed.place.key, &outcome.holder);
                    self.dropped(frame, Some(fp), "only presumes a holder");
                    continue;
                }
                let also = outcome.also.clone();
                let mut draft = self.draft(frame, placed, outcome, modality, ctx);
                draft.dating = timing::settle(&draft, self.an, ctx);
                if frame.def.outcome == Some(FixedOutcome::Proclaimed) {
                    draft.dating = timing::background_year(draft.dating.clone(), &draft, ctx);
                }
                let date = match &draft.dating {
                    Dating::Settled { span, .. } => Some(span.clone()),
                    _ => None,
                };
                ctx.record(
                    &draft.place.key,
                    draft.event,
                    &draft.holder,
                    draft.other.as_deref(),
                    draft.modality,
                    date.as_ref(),
                );
                let partners: Vec<Draft> = also
                    .into_iter()
                    .filter(|a| *a != draft.holder && draft.other.as_ref() != Some(a))
                    .map(|holder| {
                        let mut partner = draft.clone();
                        partner.notes.push(format!("named together with {}", draft.holder));
                        Draft { holder, ..partner }
                    })
                    .collect();
                out.push(draft);
                out.extend(partners);
            }
        }
        let areas = crate::extract::areas::self_rule_drafts(self, ctx);
        let capitals = crate::extract::areas::capital_drafts(self, ctx);
        for seat in crate::extract::seat::seat_drafts(self, ctx).into_iter().chain(areas).chain(capitals) {
            let told = out.iter().any(|d| d.place.key == seat.place.key && d.holder == seat.holder);
            if !told {
                out.push(seat);
            }
        }
        one_row_per_change(out)
    }

    /// A capture or hold of a site of a city ("de luchthaven van Aden", "the capital's airport",
    /// "the palace in Khartoum") is a part of the city: a city of that size is not
    /// taken with its airport (tests/devset README, Sites). Not when the side already holds the
    /// city by what the article said, and not for a small town, which its base stands for
    /// ("de legerbasis in Jalalaqsi").
    fn site_of_a_city(&self, placed: &Placed, outcome: &Outcome, ctx: &Context) -> bool {
        if !matches!(outcome.event, Event::Captured | Event::Holds)
            || ctx.holder(&placed.place.key) == Some(&outcome.holder)
        {
            return false;
        }
        let Some(m) = placed.mention.and_then(|(a, b)| self.an.places.iter().find(|p| p.a == a && p.b == b)) else {
            return false;
        };
        // "het vliegveld bij Bukavu", "the air base near Merowe": a site outside the town.
        let near = (m.a..m.b).any(|k| self.an.prep[k] & prep::REFERENCE != 0);
        if m.site.is_none() || near {
            return false;
        }
        match &m.target {
            Target::Place(found) => found.population >= CITY_OF_SITES,
            Target::Capital => true,
            _ => false,
        }
    }

    /// With CONTROLMAP_DEBUG_EXTRACT: why a frame (at one of its places) gives no draft.
    fn dropped(&self, frame: &Frame, place: Option<FramePlace>, why: &str) {
        if self.debug {
            let at = place.map_or(String::new(), |p| format!(" {p:?}"));
            eprintln!("  drop frame cue={}{at}: {why}", frame.cue);
        }
    }

    /// The extent stated for the country mention starting at token `a`.
    fn extent_at(&self, a: usize) -> Option<extent::Extent> {
        self.an.extents.iter().find(|&&(k, _)| k == a).map(|&(_, e)| e)
    }

    fn draft(&self, frame: &Frame, placed: Placed, outcome: Outcome, modality: Modality, ctx: &Context) -> Draft {
        let cue = &self.an.cues[frame.cue];
        let mut cues = cue.parts().to_vec();
        cues.extend(self.an.modals.iter().map(|&(a, b, _)| (a, b)));
        cues.extend(
            self.an.partial.iter().filter(|(k, _)| self.an.clause[*k] == frame.clause).map(|&(k, _)| (k, k + 1)),
        );
        cues.extend(self.an.no_longer.iter().copied());
        cues.sort_unstable();
        cues.dedup();
        let mut span = (cue.a, cue.end);
        let mut widen = |(a, b): (usize, usize)| span = (span.0.min(a), span.1.max(b));
        if let Some(m) = placed.mention {
            widen(m);
        }
        for &i in &outcome.actors {
            widen((self.an.actors[i].a, self.an.actors[i].b));
        }
        // The date of the place's clause; for a place outside the frame's clause (the name before
        // a relative aside), the aside's own date first.
        let outside = placed.mention.is_some_and(|m| self.an.clause[m.0] != frame.clause);
        let own = if outside { self.date_for(cue.a, ctx) } else { None };
        let date =
            own.or_else(|| placed.mention.map_or(Some(cue.a), |m| Some(m.0)).and_then(|at| self.date_for(at, ctx)));
        let mut notes = placed.notes;
        notes.extend(outcome.notes);
        Draft {
            place: placed.place,
            holder: outcome.holder,
            other: outcome.other,
            event: outcome.event,
            modality,
            date,
            date_from: outcome.date_from,
            notes,
            confidence: (0.9 - placed.penalty - outcome.penalty).clamp(0.05, 0.99),
            cues,
            span,
            dating: Dating::Unresolved(String::new()),
            past: frame.past && outcome.event == Event::Holds,
            ended_here: self.frames.iter().any(|f| {
                f.cue != frame.cue
                    && matches!(f.kind(), Kind::Take | Kind::Fall | Kind::Lose)
                    && f.places.iter().any(|fp| frame.places.contains(fp))
            }),
        }
    }

    /// The modality of a frame: expected wins over hedged, hedged over claimed. Future and
    /// hedge words count in the frame's clause (or the clause that introduces it with "dat"); a
    /// claim ("meldt het leger") frames the whole sentence.
    fn modality(&self, frame: &Frame) -> Modality {
        let an = self.an;
        let found = self.stated_modality(frame);
        // A possession in a noun phrase is the writer's own description, even in a reported or
        // hedged sentence ("het voormalige IS-bolwerk X is ingenomen, meldt de SDF"; "de aanval
        // op Raqqa, de hoofdstad van het kalifaat, zou beginnen").
        if frame.possessive || title_without_owner(an, frame) {
            return Modality::Fact;
        }
        let _ = an;
        found
    }

    /// A future a speaker tells ("Netanyahu zegt dat het leger Rafah zal innemen", "RSF leaders
    /// say they will take El Obeid", "Erdogan zei dat Afrin binnen enkele dagen zal vallen"): an
    /// aim or a vow, no claim (tests/devset README). The future is an `expected` word in the
    /// cue's clause, the speech a `claimed` word before the cue; a forecast word anywhere in the
    /// sentence ("de verwachting is dat", "officials expect") keeps it an expected event.
    fn vow(&self, frame: &Frame) -> bool {
        let an = self.an;
        let cue_a = an.cues[frame.cue].a;
        let future = an.modals.iter().any(|&(a, _, m)| m == Modality::Expected && an.clause[a] == frame.clause);
        let spoken = an.modals.iter().any(|&(_, b, m)| m == Modality::Claimed && b <= cue_a);
        let forecast = (0..an.len()).any(|k| self.lang.forecast.iter().any(|w| w == an.tokens.fold(k)));
        future && spoken && !forecast
    }

    fn stated_modality(&self, frame: &Frame) -> Modality {
        let an = self.an;
        // "De verwachting is dat X valt": the clause before a "dat" frames the one after it.
        let opening = an.clause_start(frame.clause);
        let framing = opening
            .filter(|&k| k > 0 && an.class[k] & crate::extract::language::class::SUBORDINATOR != 0)
            .map(|k| an.clause[k - 1]);
        // A proclamation's own verb ("declared ... its capital") claims nothing about it.
        let proclaimed = frame.def.outcome == Some(FixedOutcome::Proclaimed);
        let parts = an.cues[frame.cue].parts();
        let own = |a: usize, b: usize| proclaimed && parts.iter().any(|&(x, y)| a < y && x < b);
        let applies = |&(a, b, m): &(usize, usize, Modality)| {
            !own(a, b) && (m == Modality::Claimed || an.clause[a] == frame.clause || Some(an.clause[a]) == framing)
        };
        [Modality::Expected, Modality::Hedged, Modality::Claimed]
            .into_iter()
            .find(|m| self.an.modals.iter().filter(|x| applies(x)).any(|(_, _, x)| x == m))
            .unwrap_or(Modality::Fact)
    }

    /// The date expression nearest to token `at` in its clause; one after it only when no "en"
    /// stands between them (a date after "en" belongs to what follows).
    pub(crate) fn date_for(&self, at: usize, ctx: &Context) -> Option<DateMention> {
        let an = self.an;
        let eligible = |d: &&DateMention| {
            let same = an.clause[d.a] == an.clause[at];
            let before = d.b <= at;
            let coord_between = (at..d.a).any(|k| an.class[k] & crate::extract::language::class::COORD != 0);
            same && (before || !coord_between) && dates::resolve(d, ctx.anchor.as_ref()).is_ok()
        };
        let nearest =
            an.dates.iter().filter(eligible).min_by_key(|d| (if d.b <= at { at - d.b } else { d.a - at }, d.b > at));
        let opening = an.dates.first().filter(|d| an.dates.len() == 1 && d.a <= 1 && d.b <= at);
        let grammar = &self.lang.dates;
        let when = || date_spans::when_clause(an, grammar, at, ctx.anchor.as_ref());
        let found = nearest.copied().or_else(when).or(opening.copied());
        found.filter(|d| d.rule != dates::Rule::SameDay && !date_spans::now_after(an, grammar, d, at))
    }

    fn written(&self, a: usize, b: usize) -> String {
        let tokens = &self.an.tokens.list;
        self.text[tokens[a].start - self.base..tokens[b - 1].end - self.base].to_string()
    }

    fn place_of(&self, fp: FramePlace, frame: &Frame, ctx: &Context) -> Option<Placed> {
        let i = match fp {
            FramePlace::Context => {
                let last = ctx.last_place(REACH)?;
                // A part of a town ("recaptured the city centre") is of the last town, not of a
                // province named since.
                let part = crate::extract::parts::part_at(self.an, frame).is_some();
                let town = || ctx.recent_towns(REACH).last();
                let place =
                    if part && last.key.kind != PlaceKind::Town { town().unwrap_or(last) } else { last }.clone();
                let note = format!("place from the preceding sentences: {}", place.written);
                return Some(Placed { place, mention: None, gov: 0, notes: vec![note], penalty: 0.2 });
            }
            FramePlace::Mention(i) => i,
        };
        let m = &self.an.places[i];
        let written = self.written(m.a, m.b);
        match &m.target {
            Target::Place(found) => {
                let hinted = m
                    .hint
                    .map(|c| &self.lang.countries[c as usize])
                    .filter(|c| **c != found.country && found.rule.is_some());
                let found =
                    hinted.and_then(|c| towns::with_hint(self.gazetteer, &written, c)).unwrap_or_else(|| found.clone());
                let mut notes: Vec<String> = found.rule.iter().map(|r| format!("{written}: {r}")).collect();
                notes.extend(m.site.as_ref().map(|site| format!("site: {site}")));
                let place = PlaceRef {
                    key: found.key.clone(),
                    written,
                    country: found.country.clone(),
                    sentence: ctx.sentence,
                };
                Some(Placed { place, mention: Some((m.a, m.b)), gov: m.gov, notes, penalty: 0.0 })
            }
            Target::Ambiguous(_, text) => {
                let country = self.hint_for(m.hint, ctx)?;
                let found = towns::with_hint(self.gazetteer, text, &country)?;
                let note = format!("{written}: ambiguous, taken in {country}");
                let place = PlaceRef { key: found.key, written, country: found.country, sentence: ctx.sentence };
                Some(Placed { place, mention: Some((m.a, m.b)), gov: m.gov, notes: vec![note], penalty: 0.15 })
            }
            Target::Town | Target::SameName | Target::Both(_) => {
                let (place, note) =
                    refer::resolve(&m.target, self.an, self.lang, self.gazetteer, (self.text, self.base), m.a, ctx)?;
                Some(Placed { place, mention: Some((m.a, m.b)), gov: m.gov, notes: vec![note], penalty: 0.1 })
            }
            Target::Capital => {
                let (place, note) = refer::capital(m, self.an, self.lang, self.gazetteer, written, ctx)?;
                Some(Placed { place, mention: Some((m.a, m.b)), gov: m.gov, notes: vec![note], penalty: 0.1 })
            }
            Target::Generic | Target::Here => {
                let place = self.antecedent(m.a, ctx)?;
                let note = format!("'{written}' = {}", place.written);
                Some(Placed { place, mention: Some((m.a, m.b)), gov: m.gov, notes: vec![note], penalty: 0.1 })
            }
        }
    }

    /// A country for an ambiguous name: its own hint, a country named in the sentence, or the
    /// country of the article's last place.
    fn hint_for(&self, hint: Option<u16>, ctx: &Context) -> Option<String> {
        let named = (0..self.an.len()).find_map(|k| self.an.country[k]);
        hint.or(named).map(|c| self.lang.countries[c as usize].clone()).or_else(|| ctx.country().map(str::to_string))
    }

    /// What a word such as "de stad" at token `at` refers to: the last place named before it in
    /// this sentence (unless right behind it in the same clause, an apposition: "Rawah, de
    /// laatste plaats die ..."), or in the preceding sentences.
    fn antecedent(&self, at: usize, ctx: &Context) -> Option<PlaceRef> {
        let before = self.an.places.iter().rfind(|p| p.b <= at && !p.is_anaphora());
        match before {
            Some(p) if self.an.clause[p.a] == self.an.clause[at] && p.b + 2 >= at => None,
            Some(p) => match &p.target {
                Target::Place(found) => Some(PlaceRef {
                    key: found.key.clone(),
                    written: self.written(p.a, p.b),
                    country: found.country.clone(),
                    sentence: ctx.sentence,
                }),
                _ => None,
            },
            None => ctx.last_place(REACH).cloned(),
        }
    }

    fn outcome(&self, frame: &Frame, placed: &Placed, modality: Modality, ctx: &Context) -> Option<Outcome> {
        let place = &placed.place;
        let roles = Roles { s: self, frame, country: &place.country, ctx, at: placed.mention, gov: placed.gov };
        match frame.kind() {
            Kind::Take => roles.take(place),
            Kind::Fall => roles.fall(place),
            Kind::Lose => roles.lose(place),
            Kind::Hold => roles.hold(place, modality),
            Kind::Siege => roles.siege(place),
            Kind::Contest => roles.contest(place),
        }
    }
}

/// The actors of one frame, seen from one place.
struct Roles<'a> {
    s: &'a Sentence<'a>,
    frame: &'a Frame,
    country: &'a str,
    ctx: &'a Context,
    /// The place mention's tokens and governing preposition.
    at: Option<(usize, usize)>,
    gov: u16,
}

impl Roles<'_> {
    fn an(&self) -> &Analysis {
        self.s.an
    }

    fn cue(&self) -> (usize, usize) {
        let cue = &self.an().cues[self.frame.cue];
        (cue.a, cue.end)
    }

    /// The faction an actor mention names, here.
    fn faction(&self, i: usize) -> Option<String> {
        match self.an().actors[i].actor {
            ActorRef::Faction(f) => Some(self.ctx.side_of(&self.s.lang.factions[f as usize]).to_string()),
            ActorRef::ByCountry(t) => {
                if let Some(side) = self.ctx.described_side(&crate::extract::context::by_country_key(t)) {
                    return Some(side.to_string());
                }
                let country = Some(self.country).filter(|c| c.len() == 2).or_else(|| self.ctx.country())?;
                let Some(side) = self.s.lang.by_country[t as usize].get(country) else {
                    return self.group_from_article(t);
                };
                Some(self.described_like(side, country).unwrap_or(side).to_string())
            }
            ActorRef::Pronoun => {
                if let Some(group) = self.group_pronoun(i) {
                    return Some(group);
                }
                let earlier = (0..i).rev().find(|&j| self.antecedent_fits(i, j));
                let before = || self.ctx.last_subject().or_else(|| self.ctx.last_actor()).map(str::to_string);
                earlier.and_then(|j| self.faction(j)).or_else(|| self.speaker_before(i)).or_else(before)
            }
        }
    }

    /// Whether actor `j` may be what the pronoun at actor `i` refers to: a side, not another
    /// pronoun; for a clause pronoun ("het") a side written with that article ("het leger", "het
    /// MNDAA"), not a plural one ("ontnam het leger de rebellen Sake, maar raakte het de stad
    /// kwijt": het = het leger) (branch bactors).
    fn antecedent_fits(&self, i: usize, j: usize) -> bool {
        let an = self.an();
        let (pronoun, m) = (&an.actors[i], &an.actors[j]);
        if m.actor == ActorRef::Pronoun {
            return false;
        }
        let word = an.tokens.fold(pronoun.a);
        if pronoun.b - pronoun.a != 1 || !self.s.lang.clause_pronouns.has(&an.tokens, pronoun.a) {
            return true;
        }
        an.tokens.fold(m.a) == word || (m.a > 0 && an.tokens.fold(m.a - 1) == word)
    }

    /// "Volgens de Oekraïense commandanten houden hun troepen ...", "Russian military bloggers
    /// say their units hold ...": the side of the people who speak before a possessive pronoun
    /// that has no actor before it in the sentence (branch zfight).
    fn speaker_before(&self, i: usize) -> Option<String> {
        let at = self.an().actors[i].a;
        let &(_, f) = self.an().speakers.iter().rev().find(|&&(a, _)| a < at)?;
        Some(self.ctx.side_of(&self.s.lang.factions[f as usize]).to_string())
    }

    /// "Rebels led by HTS ... the insurgents": another description the article tied to a side,
    /// which stands for the same side as this one in `country`, names the side this one means
    /// (branch xactor).
    /// A description of armed groups ("de rebellen", "the militants": a table that names no
    /// government) in a country its table does not list: the one group (no government side) the
    /// article has named, when it named exactly one (branch yframes). With two groups named, or
    /// none, the description stays unresolved.
    fn group_from_article(&self, table: u16) -> Option<String> {
        let lang = self.s.lang;
        let sides = &lang.by_country[table as usize];
        let group = |side: &str| !crate::extract::siege::is_government(lang, side);
        if sides.is_empty() || !sides.values().all(|s| group(s)) {
            return None;
        }
        self.ctx.only_named_where(group).map(str::to_string)
    }

    fn described_like(&self, side: &str, country: &str) -> Option<&str> {
        let tables = &self.s.lang.by_country;
        self.ctx.described_tables().find_map(|(t, described)| {
            let same = tables.get(t as usize).and_then(|table| table.get(country)).is_some_and(|s| s == side);
            same.then_some(described)
        })
    }

    /// Actors of the frame's clause, outside the cue, not part of a description or compound.
    fn clause_actors(&self) -> Vec<usize> {
        let parts = self.an().cues[self.frame.cue].parts();
        (0..self.an().actors.len())
            .filter(|&i| {
                let m = &self.an().actors[i];
                let in_cue = parts.iter().any(|&(a, b)| m.a < b && a < m.b) && !self.named_in_gap(i);
                self.an().clause[m.a] == self.frame.clause && !m.attributive && !in_cue && !self.bound(i)
            })
            .collect()
    }

    /// "in Oekraïense handen", "under Russian control": a side named in the gap of a split cue
    /// whose head noun is a word of the cue's second part is the side the cue means, not a word
    /// of the cue.
    fn named_in_gap(&self, i: usize) -> bool {
        let parts = self.an().cues[self.frame.cue].parts();
        let m = &self.an().actors[i];
        parts.len() == 2 && m.a >= parts[0].1 && m.a < parts[1].0 && m.b >= parts[1].0 && m.b <= parts[1].1
    }

    /// The side named in the gap of a cue split around it (`event = "hands"`:
    /// [`Self::named_in_gap`]); other split cues ("houden ... nog delen") hold anything in their
    /// gap, a speaker too ("volgens de SDF").
    fn side_in_gap(&self) -> Option<usize> {
        if self.frame.def.outcome != Some(FixedOutcome::Hands) {
            return None;
        }
        (0..self.an().actors.len()).find(|&i| self.named_in_gap(i) && !self.an().actors[i].attributive)
    }

    /// An actor glued to the word after it: to a cue ("IS-bastion"), or as a modifier of a
    /// noun that names no members of it ("IS-stellingen", not "PKK-strijders").
    fn bound(&self, i: usize) -> bool {
        let m = &self.an().actors[i];
        let tokens = &self.an().tokens.list;
        let Some(next) = tokens.get(m.b) else { return false };
        let glued = next.start == tokens[m.b - 1].end + 1
            && self.s.text.as_bytes()[next.start - 1 - self.s.base] == b'-'
            && !next.is(crate::extract::tokens::PUNCT);
        glued && self.an().class[m.b] & crate::extract::language::class::MEMBERS == 0
    }

    fn glued(&self) -> Option<usize> {
        let (a, _) = self.cue();
        (0..self.an().actors.len()).find(|&i| self.an().actors[i].b == a && self.bound(i))
    }

    fn with_prep(&self, roles: u16) -> Option<usize> {
        let (a, _) = self.cue();
        self.clause_actors()
            .into_iter()
            .filter(|&i| self.an().actors[i].gov & roles != 0)
            .min_by_key(|&i| self.an().actors[i].a.abs_diff(a))
    }

    fn agent(&self) -> Option<usize> {
        self.with_prep(prep::AGENT)
    }

    /// The actor right after the cue (over articles and adjectives), for cues that name a role
    /// there ("viel in handen van X").
    fn next(&self, role: NextActor) -> Option<usize> {
        if self.frame.def.next_actor != Some(role) {
            return None;
        }
        let cue = &self.an().cues[self.frame.cue];
        use crate::extract::language::class;
        // "viel in handen van strijders van het SNA": a members noun and its "van" are the side's.
        let an = self.an();
        let skippable = |k: usize| {
            an.class[k] & (class::DET | class::SKIP | class::MEMBERS) != 0
                || (k > 0 && an.prep[k] & prep::OF != 0 && an.class[k - 1] & class::MEMBERS != 0)
        };
        let right_after = |end: usize, m: &crate::extract::mentions::ActorMention| {
            m.a >= end && m.a - end <= 5 && (end..m.a).all(skippable)
        };
        // In the gap of a split cue the actor right after the verb is the inverted subject
        // ("Gisteren vielen de rebellen de stad aan"), not the role the cue names after its end;
        // unless the first part ends in a preposition that governs it ("in handen van X vallen").
        let ends_in_prep = cue.b > 0 && self.an().prep[cue.b - 1] != 0;
        let after_first = cue.parts().len() == 1 || ends_in_prep;
        self.clause_actors().into_iter().find(|&i| {
            let m = &self.an().actors[i];
            (after_first && right_after(cue.b, m)) || right_after(cue.end, m)
        })
    }

    /// "viel in september aan het leger": the side a place falls to, close behind the cue or
    /// the place (not "... was een klap voor IS" further on). "viel in het voorjaar in
    /// Russische handen": a side after "in" names whose hands it fell into.
    fn recipient_near(&self) -> Option<usize> {
        let cue = &self.an().cues[self.frame.cue];
        let from = self.at.map_or(cue.end, |(_, b)| b.max(cue.end));
        let into =
            |gov: u16| gov & prep::RECIPIENT != 0 || (gov & prep::LOCATIVE != 0 && self.frame.kind() == Kind::Fall);
        self.clause_actors().into_iter().find(|&i| {
            let m = &self.an().actors[i];
            into(m.gov) && m.a >= cue.b && (self.members_lead(m.a) <= from + 5 || self.names_hands(i))
        })
    }

    /// Where the phrase of an actor at token `a` starts when a members noun and its "van"/"of"
    /// lead it ("fighters of the SNA", "strijders van de SDF"): at that noun; else at `a`.
    fn members_lead(&self, a: usize) -> usize {
        use crate::extract::language::class;
        let an = self.an();
        let mut k = a;
        while k > 0 && a - k < 3 && an.class[k - 1] & class::DET != 0 {
            k -= 1;
        }
        if k >= 2 && an.prep[k - 1] & prep::OF != 0 && an.class[k - 2] & class::MEMBERS != 0 { k - 2 } else { a }
    }

    /// "viel grotendeels in Russische handen": a partial word right before the "in" of the side
    /// named by its hands makes the fall a part.
    fn part_before_hands(&self, i: usize) -> bool {
        let a = self.an().actors[i].a;
        self.names_hands(i) && a >= 2 && self.an().partial.iter().any(|&(k, remnant)| !remnant && k + 2 == a)
    }

    /// Whether actor `i` is a side named by its hands ("Russische handen", `[actors] hands`):
    /// "viel volgens het leger eind april in Russische handen" names the winner however far
    /// behind the cue it stands in the clause.
    fn names_hands(&self, i: usize) -> bool {
        let m = &self.an().actors[i];
        self.s.lang.hands.has(&self.an().tokens, m.b - 1)
    }

    /// The first bare actor of the clause, in an active clause.
    fn subject(&self) -> Option<usize> {
        if self.frame.passive {
            return None;
        }
        let next = self.frame.def.next_actor.and_then(|r| self.next(r));
        let bare: Vec<usize> =
            self.clause_actors().into_iter().filter(|&i| self.an().actors[i].gov == 0 && Some(i) != next).collect();
        let bare = self.outside_opening_clause(bare);
        let relative = self.relative_subject().filter(|i| bare.contains(i));
        relative
            .or_else(|| self.reported_doer(&bare))
            .or_else(|| bare.first().copied())
            .or_else(|| self.relative_antecedent())
    }

    /// "The army also said Hamas fighters had abandoned X": a report with no "that" keeps one
    /// clause, and the speaker named first is not the doer; the side named after the speech
    /// word (and before the cue) is.
    fn reported_doer(&self, bare: &[usize]) -> Option<usize> {
        let an = self.an();
        let (cue_a, _) = self.cue();
        let speech_end =
            an.modals.iter().filter(|&&(_, b, m)| m == Modality::Claimed && b <= cue_a).map(|&(_, b, _)| b).max()?;
        let speaker_before = bare.iter().any(|&i| an.actors[i].b <= speech_end);
        let doer = bare.iter().copied().find(|&i| an.actors[i].a >= speech_end && an.actors[i].b <= cue_a);
        doer.filter(|_| speaker_before)
    }

    /// The subject of a relative clause of description: a bare actor at most two words before
    /// the cue ("a town that Armenian forces had held").
    fn bare_actor_before_cue(&self) -> Option<usize> {
        let (a, _) = self.cue();
        self.clause_actors().into_iter().rfind(|&i| {
            let m = &self.an().actors[i];
            m.gov == 0 && m.b <= a && a - m.b <= 2
        })
    }

    /// "De SDF, die Raqqa bevrijdde, ...": in an aside opened by a relative word, the actor
    /// right before the comma is the subject when the aside names none, whatever governs it in
    /// the outer clause ("heroverd op de rebellen, die de stad sinds 2012 in handen hadden").
    fn relative_antecedent(&self) -> Option<usize> {
        let an = self.an();
        let first = an.clause_start(self.frame.clause)?;
        let opens = first >= 2 && an.class[first] & crate::extract::language::class::RELATIVE != 0;
        if !opens {
            return None;
        }
        // "de rebellen, die ..." or, restrictive, "de jihadisten die ...".
        let end = if an.tokens.fold(first - 1) == "," { first - 1 } else { first };
        (0..an.actors.len()).find(|&i| an.actors[i].b == end)
    }

    /// The subject of a passive cue: a bare actor before it, with no comma in between ("het leger
    /// wordt belegerd", not "..., zo meldt het leger").
    fn patient(&self) -> Option<usize> {
        let cue = &self.an().cues[self.frame.cue];
        let comma =
            |k: usize| self.an().tokens.list[k].is(crate::extract::tokens::PUNCT) && self.an().tokens.fold(k) == ",";
        self.clause_actors().into_iter().rev().find(|&i| {
            let m = &self.an().actors[i];
            m.gov == 0 && m.b <= cue.a && !(m.b..cue.a).any(comma)
        })
    }

    /// The sides coordinated with actor `first` ("Iraakse troepen en sjiitische milities"): each
    /// next actor joined to it by nothing but "en" or a comma.
    fn partners(&self, first: Option<usize>) -> Vec<String> {
        let an = self.an();
        let Some(mut last) = first else { return Vec::new() };
        let mut out = Vec::new();
        for j in (last + 1)..an.actors.len() {
            let (prev, next) = (&an.actors[last], &an.actors[j]);
            if !self.joined(prev.b, next.a) || next.gov != prev.gov {
                break;
            }
            out.extend(self.faction(j));
            last = j;
        }
        out
    }

    /// Whether the words from `a` to `b` only join two actors: "en", a comma, articles, and
    /// member nouns with "van" ("Turkse militairen en strijders van het Vrije Syrische Leger").
    fn joined(&self, a: usize, b: usize) -> bool {
        use crate::extract::language::class;
        let an = self.an();
        a < b
            && (a..b).any(|k| an.class[k] & class::COORD != 0)
            && (a..b).all(|k| {
                an.class[k] & (class::COORD | class::DET | class::MEMBERS | class::SKIP) != 0
                    || an.prep[k] & prep::OF != 0
                    || an.tokens.fold(k) == ","
            })
    }

    /// Another bare actor of the clause, besides the subject.
    fn object(&self, subject: Option<usize>) -> Option<usize> {
        let subject_faction = subject.and_then(|s| self.faction(s));
        let an = self.an();
        // "X en Y veroverden Z": Y is a second subject, not the object.
        let coordinated = |i: usize| {
            subject.is_some_and(|s| {
                let (first, second) = (&an.actors[s.min(i)], &an.actors[s.max(i)]);
                self.joined(first.b, second.a)
            })
        };
        self.clause_actors().into_iter().find(|&i| {
            an.actors[i].gov == 0
                && Some(i) != subject
                && !coordinated(i)
                && (subject_faction.is_none() || self.faction(i) != subject_faction)
        })
    }

    /// "bolwerk van IS": an actor after "van" right behind the cue.
    fn of_after(&self) -> Option<usize> {
        let (_, end) = self.cue();
        self.clause_actors().into_iter().find(|&i| {
            let m = &self.an().actors[i];
            m.gov & prep::OF != 0 && m.a >= end && m.a - end <= 4
        })
    }

    /// The one faction the frame's clause names, if it names only one.
    fn sole(&self) -> Option<String> {
        self.only_faction(true)
    }

    /// The one faction the whole sentence names, if it names only one: the side a fall or a
    /// loss is about ("De val van X betekent dat de IS-strijders ...").
    fn sole_in_sentence(&self) -> Option<String> {
        self.only_faction(false)
    }

    fn only_faction(&self, clause_only: bool) -> Option<String> {
        let in_scope = |i: &usize| !clause_only || self.an().clause[self.an().actors[*i].a] == self.frame.clause;
        let mut names: Vec<String> =
            (0..self.an().actors.len()).filter(in_scope).filter_map(|i| self.faction(i)).collect();
        names.sort();
        names.dedup();
        (names.len() == 1).then(|| names.pop()).flatten()
    }

    /// Whether every actor of the clause (with `clause_only`, else of the sentence) that names a
    /// side stands after "volgens"/"according to" (`[prepositions] speaker`): the side only
    /// tells of the event.
    fn sole_is_speaker(&self, clause_only: bool) -> bool {
        let an = self.an();
        let in_clause = |i: &usize| !clause_only || an.clause[an.actors[*i].a] == self.frame.clause;
        let mut sides = (0..an.actors.len()).filter(in_clause).filter(|&i| self.faction(i).is_some()).peekable();
        sides.peek().is_some() && sides.all(|i| an.actors[i].gov & prep::SPEAKER != 0)
    }

    /// A capture with no side named but the one that tells it ("Volgens het leger is Hit
    /// heroverd", "according to the SDF, Raqqa has been liberated"): the teller's capture when
    /// the article shows it taking places (the attacking side of its front) or when the teller
    /// calls it a liberation (`[grammar] liberation`: no side calls its own loss that); else no
    /// claim, as a side also confirms its own losses ("According to Ukraine, Soledar has been
    /// captured"). (A fall told only by a side gives no claim either: [`Self::fall`].)
    fn told_by_side(&self, teller: &str, place: &PlaceRef) -> Option<Outcome> {
        let noun = self.an().cues[self.frame.cue].form == Form::Noun;
        let liberation = self.cue_is_liberation() && self.party_to_the_war(teller, place);
        if !liberation && (noun || self.ctx.front_attacker() != Some(teller)) {
            return None;
        }
        let other = self.ctx.opponent(Some(teller)).map(str::to_string);
        let why =
            if liberation { "who tells it and calls it a liberation" } else { "who tells it and was taking places" };
        Some(
            Outcome::new(teller.to_string(), other, Event::Captured)
                .noted(format!("taker not named; {teller}, {why}"), 0.3),
        )
    }

    /// Whether `side` fights over the place: the government of its country, or a side the
    /// article has shown on its front or holding or attacking the place. A third party's leader
    /// who hails a liberation ("Kherson has been liberated, the American president said") took
    /// nothing.
    fn party_to_the_war(&self, side: &str, place: &PlaceRef) -> bool {
        let state = self.ctx.state(&place.key);
        let on_front = self.ctx.front_attacker() == Some(side) || self.ctx.front_defender() == Some(side);
        let at_place = state.is_some_and(|s| s.holder.as_deref() == Some(side) || s.attacker.as_deref() == Some(side));
        on_front || at_place || crate::extract::siege::government_side(self.s.lang, &place.country) == Some(side)
    }

    /// Whether the frame's cue is a word of liberation (`[grammar] liberation`).
    fn cue_is_liberation(&self) -> bool {
        let an = self.an();
        let liberation = &self.s.lang.liberation;
        an.cues[self.frame.cue].parts().iter().any(|&(a, b)| (a..b).any(|k| liberation.has(&an.tokens, k)))
    }

    /// The one side that only tells of the event, when every side the sentence names does so:
    /// after "volgens"/"according to", in a comma part with a speech verb after the cue's
    /// (", Ukraine's defence ministry said"), or in a clause with a speech verb that
    /// frames the cue's ("Kyiv meldt dat X is bevrijd"); speaker phrases ("het Oekraïense
    /// ministerie van Defensie") tell too. None when some side is named otherwise, or when
    /// the tellers are of several sides.
    fn teller(&self) -> Option<String> {
        self.teller_besides(None)
    }

    /// [`Self::teller`], leaving out the side `besides` (the side a capture was taken from), its
    /// actors and its speakers alike.
    fn teller_besides(&self, besides: Option<&str>) -> Option<String> {
        let an = self.an();
        let lang = self.s.lang;
        let mut sides = Vec::new();
        for i in 0..an.actors.len() {
            let Some(side) = self.faction(i) else { continue };
            if Some(side.as_str()) == besides {
                continue;
            }
            if !self.tells(i) {
                return None;
            }
            sides.push(side);
        }
        let speakers = an.speakers.iter().map(|&(_, f)| self.ctx.side_of(&lang.factions[f as usize]).to_string());
        sides.extend(speakers.filter(|side| Some(side.as_str()) != besides));
        sides.sort();
        sides.dedup();
        (sides.len() == 1).then(|| sides.pop()).flatten()
    }

    /// Whether actor `i` only tells of the frame's event (see [`Self::teller`]).
    fn tells(&self, i: usize) -> bool {
        let an = self.an();
        let m = &an.actors[i];
        if m.gov & prep::SPEAKER != 0 {
            return true;
        }
        let (cue_a, _) = self.cue();
        let comma_between = |x: usize, y: usize| (x.min(y)..x.max(y)).any(|j| crate::extract::frames::is_comma(an, j));
        let claimed = an.modals.iter().filter(|&&(_, _, modality)| modality == Modality::Claimed);
        // A trailing attribution (", the defence ministry in Moscow said") comes after the cue,
        // its speech verb in the side's comma part.
        let other_part = m.a > cue_a && comma_between(cue_a, m.a);
        let other_clause = an.clause[m.a] != an.clause[cue_a];
        claimed.into_iter().any(|&(a, _, _)| {
            (other_part && a > cue_a && comma_between(cue_a, a) && !comma_between(a, m.a))
                || (other_clause && an.clause[a] == an.clause[m.a] && a < cue_a)
        })
    }

    /// The subject before the cue is a members noun ("fighters", "strijders") under a
    /// capitalised modifier that names no known side ("Islamist fighters", "Tuareg-strijders"
    /// is one word and not this): some other group, so the article's side is not the taker.
    /// A determiner or possessive ("the fighters", "its fighters", "Zijn strijders") is no name.
    fn subject_named_unknown(&self) -> bool {
        let an = self.an();
        let (cue_start, _) = self.cue();
        let in_actor = |k: usize| an.actors.iter().any(|m| m.a <= k && k < m.b);
        (1..cue_start).any(|k| {
            an.class[k] & class::MEMBERS != 0
                && an.clause[k] == self.frame.clause
                && an.clause[k - 1] == self.frame.clause
                && an.tokens.list[k - 1].is(crate::extract::tokens::CAP)
                && an.class[k - 1] & class::DET == 0
                && !self.s.lang.possessives.has(&an.tokens, k - 1)
                && !in_actor(k - 1)
                && !in_actor(k)
        })
    }

    /// Who takes the place in another take frame of the sentence ("IS veroverde ... – Mosul viel").
    fn sibling_taker(&self) -> Option<String> {
        self.s.frames.iter().filter(|f| f.kind() == Kind::Take && !f.passive && f.cue != self.frame.cue).find_map(|f| {
            let sibling = Roles { s: self.s, frame: f, country: self.country, ctx: self.ctx, at: None, gov: 0 };
            sibling.agent().or_else(|| sibling.subject()).and_then(|i| sibling.faction(i))
        })
    }

    fn take(&self, place: &PlaceRef) -> Option<Outcome> {
        let winner_at = self.agent().or_else(|| self.subject()).or_else(|| self.next(NextActor::Winner));
        // Passive: the side taken from is the subject before the cue ("De jihadisten werden uit
        // X verdreven"), never an actor after a comma ("X is gezuiverd, meldt de SDF").
        let taken_from = if self.frame.passive { self.patient() } else { self.object(winner_at) };
        let from = self.with_prep(prep::SOURCE).filter(|&i| !self.named_by_another_cue(i));
        let loser_at = from.or(taken_from);
        let winner = winner_at.and_then(|i| self.faction(i));
        let loser = loser_at.and_then(|i| self.faction(i));
        // "De RSF verklaarde dat de eenheden X hadden ingenomen": the speaker's units.
        let winner = if winner.is_none() && loser.is_none() { self.speaker_side() } else { winner };
        let known = self.ctx.holder(&place.key).map(str::to_string);
        let actors: Vec<usize> = winner_at.into_iter().chain(loser_at).collect();
        if self.frame.ongoing {
            let holder = loser.clone().or(known)?;
            let out = Outcome::new(holder, winner, Event::Contested).noted("a capture under way: contested", 0.05);
            return Some(Outcome { actors, ..out });
        }
        if let Some(winner) = winner {
            let event = if self.partial_here() || self.entry_while_fighting() {
                Event::Partial
            } else if self.held_since() {
                Event::Holds
            } else {
                Event::Captured
            };
            let also = self.partners(winner_at);
            return Some(Outcome { actors, also, ..Outcome::new(winner, loser.or(known), event) });
        }
        if let Some(loser) = loser {
            // "Mosul is bevrijd van IS, zegt de Iraakse premier": the teller of a liberation
            // took the place from the side named.
            let liberator = self.cue_is_liberation().then(|| self.teller_besides(Some(&loser))).flatten();
            let liberator = liberator.filter(|teller| self.party_to_the_war(teller, place));
            if let Some(teller) = liberator {
                let out = Outcome::new(teller.clone(), Some(loser), Event::Captured)
                    .noted(format!("taker not named; {teller}, who tells it and calls it a liberation"), 0.3);
                return Some(Outcome { actors, ..out });
            }
            if self.partial_here() {
                let out = Outcome::new(loser, None, Event::Contested).noted("part of it taken: contested", 0.1);
                return Some(Outcome { actors, ..out });
            }
            let out = Outcome::new(loser.clone(), None, Event::Lost)
                .noted(format!("the taker is not named: a loss by {loser}"), 0.0);
            return Some(Outcome { actors, ..out });
        }
        self.take_from_context(place)
    }

    /// A capture whose sides the sentence does not name: a reference to a capture told before,
    /// the capture by the side that was attacking, or a loss by the known holder.
    fn take_from_context(&self, place: &PlaceRef) -> Option<Outcome> {
        let state = self.ctx.state(&place.key).cloned().unwrap_or_default();
        let noun = self.an().cues[self.frame.cue].form == crate::extract::language::Form::Noun;
        // A liberation told by one side is that side's, whoever was attacking or holding it.
        if let Some(teller) = self.cue_is_liberation().then(|| self.teller()).flatten() {
            return self.told_by_side(&teller, place);
        }
        if let (true, Some(Event::Captured), Some((taker, date))) = (noun, state.last, &state.capture) {
            let out = Outcome::new(taker.clone(), None, Event::Captured)
                .noted(format!("refers back to the capture by {taker}"), 0.1);
            return Some(Outcome { date_from: Some(date.clone()), ..out });
        }
        if let Some(attacker) = &state.attacker {
            let event = if self.partial_here() { Event::Partial } else { Event::Captured };
            let out = Outcome::new(attacker.clone(), state.holder.clone(), event);
            return Some(out.noted(format!("taker from context: {attacker} was attacking"), 0.15));
        }
        if self.partial_here() {
            // "Raqqa is voor 90 procent gezuiverd, meldt de SDF": part taken by the side named;
            // after the article told the place taken, by its taker ("Volgens de alliantie is de
            // stad voor 90 procent schoongeveegd" after the SDF took it).
            // A side named outright wins over the earlier taker ("IS veroverde Raqqa in 2014.
            // Raqqa is voor 90 procent gezuiverd, meldt de SDF"); a description does not.
            let just_taken = state.capture.as_ref().filter(|_| state.last == Some(Event::Captured));
            let sole = self.sole_in_sentence();
            let outright = sole.as_ref().filter(|side| self.named_outright(side)).cloned();
            let taker =
                outright.or_else(|| just_taken.map(|(t, _)| t.clone())).or(sole).or_else(|| state.attacker.clone())?;
            let other = state.holder.clone().filter(|h| *h != taker);
            let out = Outcome::new(taker.clone(), other, Event::Partial);
            return Some(out.noted(format!("part of it taken; the taker is the side named: {taker}"), 0.2));
        }
        if let Some(holder) = &state.holder {
            return Some(
                Outcome::new(holder.clone(), None, Event::Lost)
                    .noted(format!("taker not named; {holder} held it"), 0.15),
            );
        }
        let sole = self.sole();
        if let Some(teller) = sole.as_ref().filter(|_| self.sole_is_speaker(true)) {
            return self.told_by_side(teller, place);
        }
        let last = sole.clone().or_else(|| self.ctx.last_actor().map(str::to_string))?;
        // A capture that names no taker, told while the side named last is the one the article
        // shows taking places ("IS rukt op ... steden als Sinjar worden veroverd", "Hama fell to
        // the rebels ... Homs was taken on Saturday"): that side is the likelier taker, its
        // opponent the loser (found by branches xholds and xdev alike).
        if !noun && sole.is_none() && self.ctx.front_attacker() == Some(last.as_str()) {
            let other = self.ctx.opponent(Some(&last)).map(str::to_string);
            return Some(
                Outcome::new(last.clone(), other, Event::Captured)
                    .noted(format!("taker not named; {last} was taking places"), 0.3),
            );
        }
        // An active verb whose subject the lexicon does not know ("its fighters seized X"): the
        // side the article is about is the likelier taker, unless the subject is named as
        // another group the lexicon does not know ("Islamist fighters", "Tuareg fighters").
        if !self.frame.passive && !noun {
            if self.subject_named_unknown() {
                return None;
            }
            return Some(
                Outcome::new(last.clone(), None, Event::Captured)
                    .noted(format!("taker not named; {last} from context"), 0.3),
            );
        }
        // A capture noun followed by a hold of the one side the clause names ("Sinds de
        // verovering van Mosul is de stad in handen van het Iraakse leger"): that side took it.
        if noun && sole.is_some() && self.sole_holds_after_capture_noun() {
            return Some(
                Outcome::new(last.clone(), None, Event::Captured)
                    .noted(format!("taker not named; {last}, the side the sentence names"), 0.3),
            );
        }
        // A passive told by one side alone ("Kherson was liberated, Ukraine's defence ministry
        // said"): the teller is no loser.
        if let Some(teller) = self.teller() {
            return self.told_by_side(&teller, place);
        }
        Some(
            Outcome::new(last.clone(), None, Event::Lost)
                .noted(format!("taker not named; loser {last} from context"), 0.3),
        )
    }

    /// Whether the sentence names `side` by one of its own names (a faction alias), not only by a
    /// pronoun or a description ("de alliantie", "the group").
    fn named_outright(&self, side: &str) -> bool {
        let an = self.an();
        (0..an.actors.len())
            .any(|i| matches!(an.actors[i].actor, ActorRef::Faction(_)) && self.faction(i).as_deref() == Some(side))
    }

    /// Whether actor `i` stands right after another cue of the sentence (over articles): the
    /// side that cue names ("Sinds de verovering van Mosul is de stad in handen van het leger":
    /// the army after "in handen van" is the holder, not the side Mosul was taken from).
    fn named_by_another_cue(&self, i: usize) -> bool {
        use crate::extract::language::class;
        let an = self.an();
        let m = &an.actors[i];
        an.cues.iter().enumerate().any(|(c, cue)| {
            c != self.frame.cue && cue.end <= m.a && (cue.end..m.a).all(|k| an.class[k] & class::DET != 0)
        })
    }

    /// Whether a hold cue of the sentence follows this capture noun ("Sinds de verovering van X
    /// is de stad in handen van Y"): the side named then holds what was captured.
    fn sole_holds_after_capture_noun(&self) -> bool {
        let an = self.an();
        let (_, end) = self.cue();
        let events = &self.s.lang.events;
        an.cues.iter().any(|c| c.a >= end && events.get(c.event as usize).is_some_and(|d| d.frame == Kind::Hold))
    }

    fn fall(&self, place: &PlaceRef) -> Option<Outcome> {
        let winner_at =
            self.next(NextActor::Winner).or_else(|| self.recipient_near()).or_else(|| self.hands_before_cue());
        // "a blow to Ukraine": the side after a setback noun suffered the fall, whatever its
        // preposition.
        let (winner_at, hurt_at) = match winner_at {
            Some(i) if self.right_after_setback(i) => (None, Some(i)),
            other => (other, None),
        };
        let winner = winner_at.and_then(|i| self.faction(i)).or_else(|| self.sibling_taker());
        let loser_at = self.with_prep(prep::FOR).or(hurt_at);
        let loser = loser_at
            .and_then(|i| self.faction(i))
            .or_else(|| self.sole_in_sentence().filter(|s| Some(s) != winner.as_ref() && !self.sole_is_speaker(false)));
        let known = self.ctx.holder(&place.key).map(str::to_string);
        // "Met de val van Bachmoet boeken de Russen een overwinning", "Na de val van X rukten de
        // Russen op naar Y": the one side named gained the place.
        let (winner, loser) = match (winner, loser) {
            (None, Some(side)) if self.tells_a_gain(&side) && self.teller().as_ref() != Some(&side) => {
                (Some(side), None)
            }
            pair => pair,
        };
        let actors: Vec<usize> = winner_at.into_iter().chain(loser_at).collect();
        let part = winner_at.is_some_and(|i| self.part_before_hands(i));
        let taken = if part { Event::Partial } else { Event::Captured };
        match (winner, loser) {
            (Some(w), loser) => {
                let other = loser.or(known).filter(|o| *o != w);
                Some(Outcome { actors, ..Outcome::new(w, other, taken) })
            }
            (None, Some(l)) => match self.restated_capture(place).filter(|out| out.holder != l) {
                Some(out) => Some(Outcome { actors, other: Some(l), ..out }),
                None => Some(Outcome { actors, ..Outcome::new(l, None, Event::Lost) }),
            },
            (None, None) => self.restated_capture(place).or_else(|| {
                let holder = known?;
                Some(Outcome::new(holder, None, Event::Lost).noted("the holder from context", 0.15))
            }),
        }
    }

    /// Whether actor `i` follows a word of a setback (`[grammar] setbacks`) with at most a
    /// preposition between ("a blow to Ukraine", "een klap voor Oekraïne").
    fn right_after_setback(&self, i: usize) -> bool {
        let an = self.an();
        let a = an.actors[i].a;
        let setback = |k: usize| self.s.lang.setbacks.has(&an.tokens, k);
        (a >= 2 && an.prep[a - 1] != 0 && setback(a - 2)) || (a >= 1 && setback(a - 1))
    }

    /// Whether the sentence tells the fall as a gain for `side`: a word of a gain (`[grammar]
    /// gains`) outside the frame's cue, in the clause of a mention of that side, with no
    /// negation just before it ("geen succes"), and no word of a setback anywhere (`[grammar]
    /// setbacks`: "een klap voor Oekraïne, dat op succes had gehoopt", "ondanks", "despite").
    fn tells_a_gain(&self, side: &str) -> bool {
        const NEGATION_REACH: usize = 2;
        let an = self.an();
        let lang = self.s.lang;
        if (0..an.len()).any(|k| lang.setbacks.has(&an.tokens, k)) {
            return false;
        }
        let clauses: Vec<u16> = (0..an.actors.len())
            .filter(|&i| self.faction(i).as_deref() == Some(side))
            .map(|i| an.clause[an.actors[i].a])
            .collect();
        let (a, end) = self.cue();
        let negated = |k: usize| (k.saturating_sub(NEGATION_REACH)..k).any(|j| an.class[j] & class::NEGATION != 0);
        (0..an.len()).any(|k| {
            (k < a || k >= end) && lang.gains.has(&an.tokens, k) && clauses.contains(&an.clause[k]) && !negated(k)
        })
    }

    /// A fall that names no side, told right after the article told the place's capture ("A
    /// heroverde X ... De val van X dwong B tot ..."), or a fall noun about a place whose capture
    /// the article told ("na de val van X"): the same change told again, so the taker's capture,
    /// not a loss by the taker who holds it now.
    fn restated_capture(&self, place: &PlaceRef) -> Option<Outcome> {
        let state = self.ctx.state(&place.key)?;
        let (taker, date) = state.capture.as_ref()?;
        let cue = &self.an().cues[self.frame.cue];
        let noun = cue.form == crate::extract::language::Form::Noun;
        // "is in handen gevallen van verzetsgroepen": a taker the lexicon does not know is named
        // after "van"; it is not the one told before.
        let ends_in_of = |end: usize| end > 0 && self.an().prep[end - 1] & prep::OF != 0;
        if !noun && (ends_in_of(cue.b) || ends_in_of(cue.end)) {
            return None;
        }
        let holder_is_taker = state.holder.as_deref() == Some(taker.as_str());
        if !(state.last == Some(Event::Captured) || (noun && holder_is_taker)) {
            return None;
        }
        let out = Outcome::new(taker.clone(), None, Event::Captured)
            .noted(format!("the fall told again: the capture by {taker}"), 0.1);
        Some(Outcome { date_from: Some(date.clone()), ..out })
    }

    fn lose(&self, place: &PlaceRef) -> Option<Outcome> {
        if self.frame.def.outcome == Some(FixedOutcome::Surrender) {
            return self.surrender(place);
        }
        // "na de terugtrekking van de Russen uit Cherson hesen Oekraïense soldaten ...": the side
        // inside a split noun cue is the one that left, whatever the clause's subject.
        let cue = &self.an().cues[self.frame.cue];
        let split_noun = cue.form == crate::extract::language::Form::Noun && cue.parts().len() == 2;
        let loser_at = split_noun
            .then(|| self.next(NextActor::Loser))
            .flatten()
            .or_else(|| self.subject_after_break())
            .or_else(|| self.subject())
            .or_else(|| self.next(NextActor::Loser))
            .or_else(|| self.with_prep(prep::FOR))
            .or_else(|| self.of_after());
        // "Jarablus werd door IS ontruimd", "Kherson was abandoned by Russian troops": the agent of
        // a passive leaving verb is the side that left.
        let (loser_at, agent_left) = match loser_at {
            None if self.with_prep(prep::RECIPIENT).is_none() && self.leaving_verb_in_passive() => (self.agent(), true),
            at => (at, false),
        };
        let winner_at = self.with_prep(prep::RECIPIENT).or_else(|| if agent_left { None } else { self.agent() });
        let winner = winner_at.and_then(|i| self.faction(i));
        let loser = loser_at
            .and_then(|i| self.faction(i))
            .or_else(|| self.sole_in_sentence().filter(|s| Some(s) != winner.as_ref()));
        if loser_at.is_none()
            && winner.is_none()
            && let Some(out) = self.restated_loss(place, loser.as_deref())
        {
            return Some(out);
        }
        let actors: Vec<usize> = winner_at.into_iter().chain(loser_at).collect();
        match (loser, winner) {
            // "pulled out of most of the city": the loser keeps the rest.
            (Some(l), w) if self.partial_here() => Some(Outcome {
                actors,
                ..Outcome::new(l, w, Event::Partial).noted("lost most of it: holds the rest", 0.1)
            }),
            (Some(l), w) => Some(Outcome { actors, ..Outcome::new(l, w, Event::Lost) }),
            (None, Some(w)) => Some(Outcome { actors, ..Outcome::new(w, None, Event::Captured) }),
            (None, None) => {
                let holder = self.ctx.holder(&place.key)?.to_string();
                Some(Outcome::new(holder, None, Event::Lost).noted("the holder from context", 0.15))
            }
        }
    }

    /// Whether the frame's clause is passive ("werd", "wordt", or a form of "be" with no "have")
    /// while its loss cue carries no auxiliary of its own: a leaving verb ("ontruimd",
    /// "verlaten", "abandoned") made passive, whose agent left the place; not a cue that is
    /// passive itself ("werd verdreven uit", "was driven out of"), whose agent drove it out.
    fn leaving_verb_in_passive(&self) -> bool {
        let an = self.an();
        let cue = &an.cues[self.frame.cue];
        let aux = class::BE | class::PASSIVE;
        if cue.parts().iter().any(|&(a, b)| (a..b).any(|k| an.class.get(k).is_some_and(|c| c & aux != 0))) {
            return false;
        }
        let in_clause = |c: u32| (0..an.len()).any(|k| an.clause[k] == self.frame.clause && an.class[k] & c != 0);
        in_clause(class::PASSIVE) || (in_clause(class::BE) && !in_clause(class::HAVE))
    }

    /// A loss that names no loser, told right after the article told the place's capture
    /// ("A nam X in ... X ontglipte daarmee ..."): the same change seen from the side that lost
    /// it, the taker's opponent; never a loss by the taker the sentence names elsewhere.
    fn restated_loss(&self, place: &PlaceRef, guessed: Option<&str>) -> Option<Outcome> {
        let state = self.ctx.state(&place.key)?;
        let (taker, _) = state.capture.as_ref()?;
        // "ontnam ... X, maar raakte het de stad weer kwijt": a capture in the same sentence is
        // another change, which this loss undoes.
        let capture_here = self.s.frames.iter().any(|f| matches!(f.kind(), Kind::Take | Kind::Fall));
        if state.last != Some(Event::Captured) || guessed.is_some_and(|g| g != taker) || capture_here {
            return None;
        }
        let loser = self.ctx.opponent(Some(taker))?.to_string();
        let note = format!("the capture by {taker} told again: a loss by {loser}");
        Some(Outcome::new(loser, Some(taker.clone()), Event::Lost).noted(note, 0.2))
    }

    fn hold(&self, place: &PlaceRef, modality: Modality) -> Option<Outcome> {
        if matches!(self.frame.def.outcome, Some(FixedOutcome::Proclaimed | FixedOutcome::Refuge)) {
            return self.background_hold();
        }
        if self.frame.def.outcome == Some(FixedOutcome::Owned) {
            return self.owned_hold();
        }
        if self.frame.def.outcome == Some(FixedOutcome::Lifted) {
            return self.lifted_hold(place);
        }
        let holder_at = self
            .next(NextActor::Holder)
            .or_else(|| self.side_in_gap())
            .or_else(|| self.glued())
            .or_else(|| self.of_after())
            .or_else(|| if self.frame.passive { self.agent() } else { None })
            .or_else(|| if self.frame.possessive { self.bare_actor_before_cue() } else { None })
            .or_else(|| {
                let attributed = self.frame.possessive && self.frame.def.outcome == Some(FixedOutcome::Possession);
                if attributed {
                    crate::extract::frames::attributive_agent_before(self.an(), self.cue().0)
                } else {
                    None
                }
            })
            .or_else(|| self.subject())
            .or_else(|| self.holder_of_relative_after_title());
        let Some(holder) = holder_at.and_then(|i| self.faction(i)).or_else(|| self.speaker_side()) else {
            if let Some(out) = self.unowned_title() {
                return Some(out);
            }
            let implied = self.sole().or_else(|| self.ctx.main_actor().map(str::to_string))?;
            return Some(Outcome { presume: true, ..Outcome::new(implied, None, Event::Holds) });
        };
        let actors: Vec<usize> = holder_at.into_iter().collect();
        if self.frame.no_longer {
            return Some(Outcome { actors, ..Outcome::new(holder, None, Event::Lost).noted("no longer held", 0.0) });
        }
        let partial = self.partial_here()
            || self.relative_about_a_part()
            || self.frame.remnant
            || self.frame.def.outcome == Some(FixedOutcome::Partial)
            || (self.gov & prep::LOCATIVE != 0
                && !self.topical()
                && !self.frame.possessive
                && self.frame.def.outcome != Some(FixedOutcome::Holdout));
        if modality == Modality::Expected && !partial && !self.frame.past {
            let known = self.ctx.holder(&place.key).map(str::to_string);
            return Some(Outcome {
                actors,
                ..Outcome::new(holder, known, Event::Captured).noted("will hold it: an expected capture", 0.0)
            });
        }
        Some(Outcome { actors, ..Outcome::new(holder, None, if partial { Event::Partial } else { Event::Holds }) })
    }

    /// "Het enige andere bolwerk in Syrië is nog X", "the last stronghold left is X": a hold cue
    /// that is itself a place noun (`[places] generic`/`intro`: a title such as "bolwerk"), said
    /// of a named place, with no side named in its clause, is the stronghold of the side the
    /// article names most (whose strongholds an article means when it does not say).
    fn unowned_title(&self) -> Option<Outcome> {
        let an = self.an();
        let named = self.at.is_some_and(|(a, _)| an.places.iter().any(|p| p.a == a && !p.is_anaphora()));
        if !title_without_owner(an, self.frame) || !named || self.sole().is_some() {
            return None;
        }
        let holder = self.ctx.main_actor()?.to_string();
        let note = format!("the owner from the article: {holder}, the side it names most");
        Some(Outcome::new(holder, None, Event::Holds).noted(note, 0.25))
    }

    /// A hold the clause implies: a caliphate or capital proclaimed in the place, leaders fled
    /// to it. The whole place, held by the doer or subject of the clause, else by the side the
    /// clause names even inside the cue ("riep het kalifaat uit": the caliphate is IS). With no
    /// side named (civilians fleeing) there is no claim, and nothing is presumed.
    fn background_hold(&self) -> Option<Outcome> {
        let an = self.an();
        let named =
            (0..an.actors.len()).find(|&i| an.clause[an.actors[i].a] == self.frame.clause && !an.actors[i].attributive);
        let holder_at = match self.frame.def.outcome {
            // Who fled: a bare actor before the cue in its comma-delimited part ("IS-kopstukken
            // zijn gevlucht naar X"), not a side named elsewhere in the clause.
            Some(FixedOutcome::Refuge) => self.fled(),
            _ => self.agent().or_else(|| self.subject()).or(named),
        };
        let holder = holder_at.and_then(|i| self.faction(i))?;
        let why = match self.frame.def.outcome {
            Some(FixedOutcome::Refuge) => "background: the side fled there, so it held the place",
            _ => "background: proclaimed there, so the side held the place",
        };
        Some(Outcome {
            actors: holder_at.into_iter().collect(),
            ..Outcome::new(holder, None, Event::Holds).noted(why, 0.1)
        })
    }

    /// "Zelfs haar hoofdstad X ...": the pronoun's owner is the side the article named last, when
    /// the sentence names no side before it (then the pronoun could be that side's, or another's:
    /// "de SDF nam hun hoofdstad in"), and no claim is made.
    fn owned_hold(&self) -> Option<Outcome> {
        let (a, _) = self.cue();
        if self.an().actors.iter().any(|m| m.b <= a) {
            return None;
        }
        let holder = self.ctx.last_actor()?.to_string();
        Some(Outcome::new(holder, None, Event::Holds).noted("a possessive pronoun: the side named last", 0.15))
    }

    /// The side that fled: a bare actor before the cue, no comma between.
    fn fled(&self) -> Option<usize> {
        let (a, _) = self.cue();
        let an = self.an();
        let comma = |k: usize| an.tokens.list[k].is(crate::extract::tokens::PUNCT) && an.tokens.fold(k) == ",";
        self.clause_actors().into_iter().rev().find(|&i| {
            let m = &an.actors[i];
            m.gov == 0 && m.b <= a && !(m.b..a).any(comma)
        })
    }

    /// A partial word bears on this place: right before the cue ("grotendeels in handen van"),
    /// inside a gapped cue ("heeft het grootste deel ... in handen"), or before the place
    /// ("controleert een deel van"); a direction only when glued to the place ("West-Mosul").
    fn partial_here(&self) -> bool {
        let cue = &self.an().cues[self.frame.cue];
        let part = || crate::extract::parts::part_at(self.an(), self.frame).unwrap_or(cue.end);
        let place = self.at.map_or_else(part, |(a, _)| a);
        let tokens = &self.an().tokens.list;
        // A word right before a comma is an adverb that modifies nothing after it ("Further
        // east, the army holds X").
        let adverb = |k: usize| k + 1 < tokens.len() && self.an().tokens.fold(k + 1) == ",";
        if self.country_part() {
            return true;
        }
        // An excepted place ("lost every town in the west other than X") takes only the partial
        // words of its own exception ("behalve enkele wijken van X"), not those of the whole.
        let span = self.an().excepted.iter().find(|&&(a, b)| a <= place && place < b).copied();
        let own = |k: usize| span.is_none_or(|(a, b)| a <= k && k < b);
        self.an().partial.iter().filter(|&&(k, remnant)| !remnant && !adverb(k) && own(k)).any(|&(k, _)| {
            // A direction right before a name ("Noord-Syrië") is about that name only.
            let names = tokens.get(k + 1).is_some_and(|t| t.is(crate::extract::tokens::CAP));
            if names {
                return k + 1 == place;
            }
            let before_cue = k < cue.a && cue.a - k <= 3;
            // Inside a gapped cue, it bears on a place inside the gap or before the cue, not on
            // one after it ("namen een derde van Irak in, waaronder Mosul").
            let in_gap = cue.b <= k && k < cue.end && place < cue.end;
            let same_clause = self.an().clause.get(place) == Some(&self.an().clause[k]);
            let before_place = k < place && place - k <= 6 && same_clause;
            // Between the place and its verb ("X is voor een groot deel in handen van", "X werd
            // voor een groot deel door het leger ingenomen"), or anywhere after a place that
            // opens the clause ("In X hebben de paramilitairen enkele wijken veroverd", "In X
            // houdt het leger stand in het westen van de stad"): a part of that place.
            let after_subject = place < k && k < cue.a && same_clause;
            let after_opening = place < k && same_clause && self.topical();
            before_cue || in_gap || before_place || after_subject || after_opening
        })
    }

    /// A country named with a part of it ("gebieden in Syrië"): the claim covers a part.
    fn country_part(&self) -> bool {
        self.at.is_some_and(|(a, _)| self.an().extents.iter().any(|&(k, e)| k == a && e == extent::Extent::Part))
    }

    fn topical(&self) -> bool {
        self.at.is_some_and(|(a, _)| self.an().places.iter().any(|p| p.a == a && p.topical))
    }

    fn siege(&self, place: &PlaceRef) -> Option<Outcome> {
        // "X ligt onder een blokkade van JNIM", "under a siege of the RSF": the side after "van"
        // right after a siege phrase is the besieger (branch xsiege2).
        let verb = self.an().cues[self.frame.cue].form != Form::Noun;
        let attacker_at = self.agent().or_else(|| self.subject()).or_else(|| if verb { self.of_after() } else { None });
        // Active: the object is besieged; passive: the subject of "wordt belegerd".
        let besieged_at = if self.frame.passive { self.patient() } else { self.object(attacker_at) };
        let attacker = attacker_at.and_then(|i| self.faction(i));
        let actors: Vec<usize> = attacker_at.into_iter().chain(besieged_at).collect();
        if let Some(b) = besieged_at.and_then(|i| self.faction(i)) {
            return Some(Outcome { actors, ..Outcome::new(b, attacker, Event::Besieged) });
        }
        if let Some(out) = self.besieged_before_change(place, attacker.as_deref()) {
            return Some(Outcome { actors, ..out });
        }
        let held = self.ctx.holder(&place.key).map(str::to_string).filter(|h| Some(h) != attacker.as_ref());
        let Some(held) = held else {
            let attacker = attacker.or_else(|| self.ctx.state(&place.key).and_then(|s| s.attacker.clone()));
            if let Some(out) = self.government_before_guess(attacker.as_deref()) {
                return Some(Outcome { actors, ..out });
            }
            if let Some(out) = self.defender_from_article(attacker.clone(), Event::Besieged) {
                return Some(Outcome { actors, ..out });
            }
            if let Some(out) = attacker.as_deref().and_then(|a| self.government_defends(a)) {
                return Some(Outcome { actors, ..out });
            }
            return attacker.map(|a| Outcome { presume_attacker: true, ..Outcome::new(a, None, Event::Besieged) });
        };
        Some(Outcome {
            actors,
            ..Outcome::new(held, attacker, Event::Besieged).noted("the besieged side from context", 0.1)
        })
    }

    /// An entry of a whole place ("zijn X binnengetrokken", "entered X") in a sentence that
    /// tells a fight after it with a word that it goes on ("maar er wordt nog gevochten", "but
    /// fighting went on there"): the side that entered holds part of the place (tests/devset
    /// README, Events). An entry after a fight ("entered X after heavy fighting") stays a capture.
    fn entry_while_fighting(&self) -> bool {
        if self.frame.def.outcome != Some(FixedOutcome::Entry) {
            return false;
        }
        if self.other_side_remains() {
            return true;
        }
        let (_, entry_end) = self.cue();
        let an = self.an();
        self.s.frames.iter().filter(|f| f.kind() == Kind::Contest && f.def.outcome != Some(FixedOutcome::Entry)).any(
            |f| {
                let fight = &an.cues[f.cue];
                fight.a >= entry_end && (entry_end..an.len()).any(|k| self.goes_on_word(k))
            },
        )
    }

    /// "De SDF trokken in juni Raqqa binnen, waar IS zich in de oude stad verschanste", "... X
    /// binnen, waar het leger nog standhoudt": a hold told after the entry in a relative clause,
    /// by a side that clause names, with a part of the town or a word that it goes on: the other
    /// side still holds part of the place, so the entrant holds only a part.
    fn other_side_remains(&self) -> bool {
        let an = self.an();
        let (_, entry_end) = self.cue();
        self.s.frames.iter().any(|f| {
            let clause = f.clause;
            let in_clause = |k: usize| an.clause[k] == clause;
            let relative = an.clause_start(clause).is_some_and(|k| an.class[k] & class::RELATIVE != 0);
            let remains = an.partial.iter().any(|&(k, _)| in_clause(k))
                || (0..an.len()).any(|k| in_clause(k) && self.goes_on_word(k));
            f.kind() == Kind::Hold
                && clause != self.frame.clause
                && an.cues[f.cue].a >= entry_end
                && relative
                && remains
                && an.actors.iter().any(|m| in_clause(m.a))
        })
    }

    /// Whether token `k` is a word saying that something goes on (`[grammar] goes_on`: "nog",
    /// "doorgaan", "still").
    fn goes_on_word(&self, k: usize) -> bool {
        let word = self.an().tokens.fold(k);
        self.s.lang.goes_on.iter().any(|w| w == word)
    }

    /// The side that entered a place in this sentence while the fight went on
    /// ([`Self::entry_while_fighting`]): the first side named before the entry cue.
    fn entrant_while_fighting(&self) -> Option<String> {
        let an = self.an();
        let entry = self.s.frames.iter().find(|f| {
            matches!(f.kind(), Kind::Take | Kind::Contest)
                && f.def.outcome == Some(FixedOutcome::Entry)
                && self.s.frames.iter().any(|g| g.kind() == Kind::Contest && an.cues[g.cue].a >= an.cues[f.cue].end)
        })?;
        let cue_a = an.cues[entry.cue].a;
        if !(an.cues[entry.cue].end..an.len()).any(|k| self.goes_on_word(k)) {
            return None;
        }
        let i = an.actors.iter().position(|m| m.b <= cue_a && m.gov == 0 && !m.attributive)?;
        self.faction(i)
    }

    /// The fight told beside an entry ("X binnengetrokken, maar in de stad wordt nog
    /// gevochten"): the side that entered is not the defender; the defender is another side the
    /// sentence names ("fighting with Islamic State"), else the place's holder before the
    /// entry. With neither, no row (the article has not shown who defends).
    fn fight_beside_entry(&self, place: &PlaceRef) -> Option<Option<Outcome>> {
        let entrant = self.entrant_while_fighting()?;
        let named = (0..self.an().actors.len())
            .filter(|&i| !self.an().actors[i].attributive)
            .filter_map(|i| self.faction(i))
            .find(|f| *f != entrant);
        let before = self.ctx.state(&place.key).and_then(|s| s.holder.clone()).filter(|h| *h != entrant);
        let Some(defender) = named.or(before) else {
            return Some(None);
        };
        let out = Outcome::new(defender, Some(entrant), Event::Contested).noted("the fight beside an entry", 0.1);
        Some(Some(out))
    }

    fn contest(&self, place: &PlaceRef) -> Option<Outcome> {
        if self.frame.def.outcome != Some(FixedOutcome::Entry)
            && let Some(out) = self.fight_beside_entry(place)
        {
            return out;
        }
        let attacker_at = self.agent().or_else(|| self.subject());
        if let Some(out) = self.entered_part(place, attacker_at) {
            return Some(out);
        }
        if self.frame.def.outcome == Some(FixedOutcome::Entry) && attacker_at.is_none() {
            return None;
        }
        let defender_at = self
            .with_prep(prep::TARGET)
            .or_else(|| self.next(NextActor::Holder))
            .or_else(|| if self.frame.passive { None } else { self.object(attacker_at) })
            .filter(|&d| Some(d) != attacker_at);
        let attacker = attacker_at.and_then(|i| self.faction(i));
        let state = self.ctx.state(&place.key).cloned().unwrap_or_default();
        if let Some(out) = self.between(attacker_at, state.holder.as_deref()) {
            return Some(out);
        }
        let actors: Vec<usize> = attacker_at.into_iter().chain(defender_at).collect();
        let other = attacker.clone().or(state.attacker.clone());
        if let Some(d) = defender_at.and_then(|i| self.faction(i)).filter(|d| Some(d) != attacker.as_ref()) {
            return Some(Outcome { actors, ..Outcome::new(d, other, Event::Contested) });
        }
        let Some(held) = state.holder.filter(|h| Some(h) != attacker.as_ref()) else {
            if let Some(out) = self.defender_from_article(other.clone(), Event::Contested) {
                return Some(Outcome { actors, ..out });
            }
            if let Some(out) = self.fight_named_right_after_cue(other.as_deref()) {
                return Some(Outcome { actors, ..out });
            }
            return attacker.map(|a| Outcome { presume_attacker: true, ..Outcome::new(a, None, Event::Contested) });
        };
        Some(Outcome {
            actors,
            ..Outcome::new(held, other, Event::Contested).noted("the defending side from context", 0.1)
        })
    }

    /// A siege by a side the article never showed against a defender ("Falam wordt belegerd door
    /// verzetsstrijders" after a passage about another rebel group): the article's front names
    /// no defender for it, so the most named other side would be a guess, and often an ally. The
    /// country's government defends, when the article named it (branch xactor).
    fn government_before_guess(&self, attacker: Option<&str>) -> Option<Outcome> {
        let attacker = attacker?;
        // The side last seen defending names the defender only on the attacker's own front: a
        // side that lost places to a third side ("the army retook X from the rebels ... Y is
        // besieged by the jihadists") is not the one a new attacker besieges.
        let same_front = self.ctx.front_attacker().is_none_or(|a| a == attacker);
        let front_names_defender = same_front && self.ctx.front_defender().is_some_and(|d| d != attacker);
        if front_names_defender {
            return None;
        }
        self.government_defends(attacker)
    }

    /// A siege or fight whose defender neither the sentence nor the place's story names: the
    /// side the article shows on the other end of its front ([`Context::opponent`]).
    /// Not when the sentence tells a capture or loss: then the fight is its background ("ending
    /// a month-long battle for the city").
    fn defender_from_article(&self, attacker: Option<String>, event: Event) -> Option<Outcome> {
        if self.tells_a_change_of_a_place() {
            return None;
        }
        let opponent = self.ctx.opponent(attacker.as_deref())?;
        let defender = self.government_not_a_rival_group(attacker.as_deref(), opponent).unwrap_or(opponent).to_string();
        // The article's defender is a government: not of a town in another country (branch
        // xsiege2: an article on Mali that turns to Djibo in Burkina Faso).
        if self.country.len() == 2 && crate::extract::siege::foreign_government(self.s.lang, &defender, self.country) {
            return None;
        }
        let note = format!("the defending side from the article: {defender}");
        Some(Outcome::new(defender, attacker, event).noted(note, 0.25))
    }

    /// An armed group attacking a town of a country where few sides hold towns, whose opponent
    /// in the article is another group ("Het MNDAA nam Lashio in. ... Het Arakan Army ...
    /// Zij belegeren nu Sittwe"): groups that are each fighting the state are not each other's
    /// defenders, so the government of the town's country defends it (branch yframes).
    fn government_not_a_rival_group(&self, attacker: Option<&str>, opponent: &str) -> Option<&str> {
        let lang = self.s.lang;
        let attacker = attacker?;
        let group = |side: &str| !crate::extract::siege::is_government(lang, side);
        if !group(attacker) || !group(opponent) || crate::extract::siege::defender_must_be_named(self.country) {
            return None;
        }
        crate::extract::siege::government_side(lang, self.country).filter(|g| *g != attacker)
    }

    /// A fight with no defender named or seen, told with the place right after its cue
    /// ("fighting for Chasiv Yar has gone on", "er wordt gevochten in X", "fierce fighting raged
    /// in X as Russian units ..."): for an unnamed attacker the side the article names most
    /// besides the one it last showed attacking; else the government side of the place's country
    /// when the attacker (named, or the article's last) is another side. A bare "fighting" with a
    /// place elsewhere in the clause ("a think tank in London said"), or a cue ending in "naar"
    /// or "van", gives nothing.
    fn fight_named_right_after_cue(&self, attacker: Option<&str>) -> Option<Outcome> {
        if self.tells_a_change_of_a_place() {
            return None;
        }
        let cue = &self.an().cues[self.frame.cue];
        let (a, _) = self.at?;
        // "fighting for X", "gevochten in/om X": not a way or an advance towards X ("een weg
        // naar", "rukte op naar") nor the start of its capture ("de verovering van").
        let last = self.an().prep[cue.end - 1];
        let fought_over = last & (prep::LOCATIVE | prep::TARGET | prep::FOR) != 0 && last & prep::REFERENCE == 0;
        if a < cue.end || a > cue.end + 1 || !fought_over {
            return None;
        }
        let most_named = if attacker.is_none() { self.ctx.opposite_of_front_attacker() } else { None };
        let (defender, why) = match most_named {
            Some(d) => (d.to_string(), "the defending side from the article"),
            None => {
                let country = Some(self.country).filter(|c| c.len() == 2)?;
                let attacker = attacker.or_else(|| self.ctx.front_attacker())?;
                let d = crate::extract::siege::presumed_defender(self.s.lang, country, attacker)?;
                (d.to_string(), "the defending side is the government of the country")
            }
        };
        let note = format!("{why}: {defender}");
        Some(Outcome::new(defender, attacker.map(str::to_string), Event::Contested).noted(note, 0.3))
    }

    /// An entry cue ("pushed into", "drongen ... binnen", "reached") on a part of the place
    /// ("the northern parts of X", "de oostelijke wijken van X", "the centre of the city"), or
    /// on the whole place while the sentence tells that the fight goes on there ("zijn X
    /// binnengedrongen, maar in de noordelijke wijken wordt nog gevochten", "drongen X binnen en
    /// vechten zich sindsdien een weg naar het centrum"): the side that entered holds that part
    /// (`partial`), the place's known holder the rest. Otherwise on the whole place the cue
    /// stays a fight.
    fn entered_part(&self, place: &PlaceRef, attacker_at: Option<usize>) -> Option<Outcome> {
        if self.frame.def.outcome != Some(FixedOutcome::Entry)
            || self.frame.passive
            || !(self.partial_here() || self.entry_while_fighting())
        {
            return None;
        }
        let entrant = attacker_at.and_then(|i| self.faction(i))?;
        let held = self
            .ctx
            .holder(&place.key)
            .map(str::to_string)
            .or_else(|| self.ctx.opponent(Some(&entrant)).map(str::to_string));
        Some(Outcome {
            actors: attacker_at.into_iter().collect(),
            ..Outcome::new(entrant, held, Event::Partial).noted("entered part of it: holds that part", 0.1)
        })
    }

    /// A siege ended ("the militants lifted their siege of X", "het beleg van X werd
    /// opgeheven"): held by the side besieged. The subject of an active cue is the besieger;
    /// the agent of a passive one relieved the place. The besieged side is the place's known
    /// holder, else the other side of the article's front, else the country's government when
    /// the sentence names it (see [`Roles::government_defends`]).
    fn lifted_hold(&self, place: &PlaceRef) -> Option<Outcome> {
        // "werd door X beëindigd", "was lifted by X": the agent relieved the place (a gapped
        // cue is no participle, so the agent decides, not the passive flag).
        if let Some(at) = self.agent() {
            let reliever = self.faction(at)?;
            return Some(Outcome { actors: vec![at], ..Outcome::new(reliever, None, Event::Holds) });
        }
        let besieger_at = if self.frame.passive { None } else { self.subject() };
        let besieger = besieger_at.and_then(|i| self.faction(i));
        let state = self.ctx.state(&place.key).cloned().unwrap_or_default();
        let besieger = besieger.or(state.attacker.clone());
        let known = state.holder.filter(|h| Some(h) != besieger.as_ref());
        let defender = known
            .or_else(|| self.ctx.opponent(besieger.as_deref()).map(str::to_string))
            .or_else(|| besieger.as_deref().and_then(|b| self.government_defends(b)).map(|o| o.holder))?;
        let out =
            Outcome::new(defender, besieger, Event::Holds).noted("the siege ended: held by the besieged side", 0.15);
        Some(Outcome { actors: besieger_at.into_iter().collect(), ..out })
    }

    /// Whether the sentence tells a capture or loss of some place: a fight or siege beside it is
    /// its background. A capture cue whose place is elsewhere ("dorpen rond X onder hun gezag
    /// gebracht en de stad zelf omsingeld") does not count.
    fn tells_a_change_of_a_place(&self) -> bool {
        self.s.frames.iter().any(|f| matches!(f.kind(), Kind::Take | Kind::Fall | Kind::Lose) && !f.places.is_empty())
    }

    /// A siege by `attacker` that nothing else gives a defender: the government side of the
    /// place's country ([`crate::extract::siege::presumed_defender`]), with a note and a lower
    /// confidence.
    fn government_defends(&self, attacker: &str) -> Option<Outcome> {
        if self.tells_a_change_of_a_place() {
            return None;
        }
        let country = Some(self.country).filter(|c| c.len() == 2)?;
        let defender = crate::extract::siege::presumed_defender(self.s.lang, country, attacker)?.to_string();
        // In Syria or Iraq only when the sentence names that side too ("El Fasher, de laatste
        // stad die nog in handen is van het leger"): a town besieged there is as often a
        // militia's. Or when the article named it before (branch xsurr): "Y, which IS has
        // besieged for months" in an article about the Syrian army's war. Elsewhere the
        // government's town is presumed (branch xsiege2).
        let named_here = (0..self.an().actors.len()).any(|i| self.faction(i).as_deref() == Some(defender.as_str()));
        let must_be_named = crate::extract::siege::defender_must_be_named(country);
        if must_be_named && !named_here && !self.ctx.was_named(&defender) {
            return None;
        }
        let note = format!("the besieged side is the government of the country: {defender}");
        Some(Outcome::new(defender, Some(attacker.to_string()), Event::Besieged).noted(note, 0.3))
    }

    /// "..., de SDF, die de stad sinds 2016 beheerst": the side that holds in another clause of
    /// the sentence with a hold cue, named in that clause or right before it (branch zfight).
    fn side_holding_in_a_relative_clause(&self) -> Option<String> {
        let an = self.an();
        let hold = self.s.frames.iter().find(|f| f.kind() == Kind::Hold && f.clause != self.frame.clause)?;
        let start = an.clause_start(hold.clause)?;
        let inside =
            (0..an.actors.len()).find(|&i| an.clause[an.actors[i].a] == hold.clause && !an.actors[i].attributive);
        let right_before =
            || (0..an.actors.len()).rev().find(|&i| an.actors[i].b <= start && start - an.actors[i].b <= 1);
        inside.or_else(right_before).and_then(|i| self.faction(i))
    }

    /// A fight "between X and Y" ("gevochten tussen het leger en de RSF"): it names two sides
    /// and no holder. The one the article showed holding the place defends it; else the first
    /// named (news names the side in place first). The other is the attacker.
    fn between(&self, subject: Option<usize>, known: Option<&str>) -> Option<Outcome> {
        let an = self.an();
        let first = self.clause_actors().into_iter().find(|&i| an.actors[i].gov & prep::BETWEEN != 0)?;
        let second = (first + 1..an.actors.len())
            .find(|&j| self.joined(an.actors[first].b, an.actors[j].a))
            .or(subject.filter(|&s| s != first))?;
        let (x, y) = (self.faction(first)?, self.faction(second)?);
        if x == y {
            return None;
        }
        let holds_here = known.is_none().then(|| self.side_holding_in_a_relative_clause()).flatten();
        let y_defends = known == Some(y.as_str()) || holds_here.as_deref() == Some(y.as_str());
        let (defender, attacker, at) = if y_defends { (y, x, second) } else { (x, y, first) };
        let note = format!("fought between two sides: {defender} taken as the defender");
        let out = Outcome::new(defender, Some(attacker), Event::Contested).noted(note, 0.15);
        Some(Outcome { actors: vec![at, if at == first { second } else { first }], ..out })
    }
}

/// "Hama fell to the rebels after government troops pulled out of the city": one sentence tells
/// the same change from both sides, and the ledger keeps one row (tests/gold/README.md): the
/// capture, with the side that lost the place as its `other`. A loss is folded into a capture
/// of the same place by another side whose `other` is unknown or that same side.
pub fn one_row_per_change(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut folded = vec![false; drafts.len()];
    let mut others: Vec<Option<String>> = drafts.iter().map(|d| d.other.clone()).collect();
    for (i, loss) in drafts.iter().enumerate().filter(|(_, d)| d.event == Event::Lost) {
        let capture = drafts.iter().enumerate().position(|(j, c)| {
            c.event == Event::Captured
                && c.place.key == loss.place.key
                && c.holder != loss.holder
                && others[j].as_ref().is_none_or(|o| *o == loss.holder)
        });
        if let Some(j) = capture {
            others[j] = Some(loss.holder.clone());
            folded[i] = true;
        }
    }
    drafts
        .into_iter()
        .zip(others)
        .zip(folded)
        .filter(|(_, gone)| !gone)
        .map(|((d, other), _)| Draft { other, ..d })
        .collect()
}

/// A hold cue that is itself a place noun (a title such as "bolwerk", "stronghold"), in a clause
/// that names no side: the writer's description of a place whose owner the article implies.
fn title_without_owner(an: &Analysis, frame: &Frame) -> bool {
    is_title_cue(an, frame) && !an.actors.iter().any(|m| an.clause[m.a] == frame.clause)
}

/// Whether a hold frame's cue is a title: one generic or intro noun ("het bolwerk", "de stad").
fn is_title_cue(an: &Analysis, frame: &Frame) -> bool {
    let cue = &an.cues[frame.cue];
    frame.kind() == Kind::Hold && cue.b - cue.a == 1 && an.class[cue.a] & (class::GENERIC | class::INTRO) != 0
}
