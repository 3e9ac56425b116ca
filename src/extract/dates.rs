//! Date expressions: the lexicon's date words and patterns (`{day} {month} {year}`, `gisteren`,
//! `{season} van {year}`), matched over a sentence's tokens and resolved against the article's
//! date into a [`DateSpan`].

use crate::extract::fxhash::FxMap;

use crate::date::{Date, DateSpan, Precision, YearMonth, days_in_month};
use crate::extract::lexicon::{DateWords, LexiconError, Unit, phrase_line};
use crate::extract::tokens::{CAP, DIGITS, Tokens, UNKNOWN, Vocab, fold_phrase};

/// A variable part of a date pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Slot {
    Day,
    Month,
    Year,
    Weekday,
    Season,
    Number,
    Unit,
}

const SLOTS: [Slot; 7] = [Slot::Day, Slot::Month, Slot::Year, Slot::Weekday, Slot::Season, Slot::Number, Slot::Unit];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Elem {
    Word(u32),
    Slot(Slot),
}

/// How a matched pattern becomes a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Date,
    DayLatest,
    Month,
    MonthLatest,
    MonthBefore,
    MonthYear(i32),
    Year,
    Since,
    Season,
    SeasonLatest,
    Months(u8, u8),
    WeekdayLatest,
    Shift(Unit, i32),
    Weekend(i32),
    Ago,
    /// "on the 12th": the latest day of that number on or before the article date.
    DayOfMonth,
    /// "the same day", "dezelfde dag": the date of the event told before (see `date_spans`).
    SameDay,
}

impl Rule {
    /// Whether the rule needs the article's date.
    pub fn is_relative(self) -> bool {
        !matches!(self, Rule::Date | Rule::Month | Rule::Year | Rule::Season | Rule::Months(..))
    }

    fn parse(text: &str) -> Result<Rule, String> {
        let mut words = text.split_whitespace();
        let head = words.next().unwrap_or("");
        let arg = words.next();
        let number =
            || arg.and_then(|a| a.parse::<i32>().ok()).ok_or_else(|| format!("rule {text:?} needs a whole number"));
        let rule = match head {
            "date" => Rule::Date,
            "day_latest" => Rule::DayLatest,
            "month" if arg.is_none() => Rule::Month,
            "month_latest" => Rule::MonthLatest,
            "month_before" => Rule::MonthBefore,
            "month_year" => Rule::MonthYear(number()?),
            "year" if arg.is_none() => Rule::Year,
            "since" => Rule::Since,
            "season" => Rule::Season,
            "season_latest" => Rule::SeasonLatest,
            "months" => {
                let (a, b) =
                    arg.and_then(|a| a.split_once('-')).ok_or_else(|| format!("rule {text:?}: write months A-B"))?;
                let (a, b) = (a.parse::<u8>().map_err(|e| e.to_string())?, b.parse::<u8>().map_err(|e| e.to_string())?);
                if !(1..=12).contains(&a) || !(a..=12).contains(&b) {
                    return Err(format!("rule {text:?}: months must be 1-12 and in order"));
                }
                Rule::Months(a, b)
            }
            "weekday_latest" => Rule::WeekdayLatest,
            "day" => Rule::Shift(Unit::Day, number()?),
            "week" => Rule::Shift(Unit::Week, number()?),
            "month" => Rule::Shift(Unit::Month, number()?),
            "year" => Rule::Shift(Unit::Year, number()?),
            "weekend" => Rule::Weekend(number()?),
            "ago" => Rule::Ago,
            "day_of_month" => Rule::DayOfMonth,
            "same_day" => Rule::SameDay,
            _ => return Err(format!("unknown rule {text:?}")),
        };
        Ok(rule)
    }

    /// The slots the rule reads, which its pattern must provide.
    fn needs(self) -> &'static [Slot] {
        match self {
            Rule::Date => &[Slot::Day, Slot::Month, Slot::Year],
            Rule::DayLatest => &[Slot::Day, Slot::Month],
            Rule::Month => &[Slot::Month, Slot::Year],
            Rule::MonthLatest | Rule::MonthBefore | Rule::MonthYear(_) => &[Slot::Month],
            Rule::Year | Rule::Since | Rule::Months(..) => &[Slot::Year],
            Rule::Season => &[Slot::Season, Slot::Year],
            Rule::SeasonLatest => &[Slot::Season],
            Rule::WeekdayLatest => &[Slot::Weekday],
            Rule::Ago => &[Slot::Unit],
            Rule::DayOfMonth => &[Slot::Day],
            Rule::Shift(..) | Rule::Weekend(_) | Rule::SameDay => &[],
        }
    }
}

/// One token as the slots see it (see `DateGrammar::probe`).
#[derive(Clone, Copy)]
struct Probe<'t, 'g> {
    capital: bool,
    folded: &'t str,
    word: Option<&'g DateWord>,
    number: Option<u32>,
}

/// What a date word means.
#[derive(Debug, Clone, Copy, Default)]
struct DateWord {
    /// A date word, or the first word of a pattern.
    known: bool,
    month: u8,
    weekday: u8,
    season: Option<[u8; 2]>,
    number: Option<u32>,
    unit: Option<Unit>,
    /// Some pattern starting with the word has no fixed second word (a slot, or no second
    /// element): [`DateGrammar::longest_at`] cannot rule it out by the next word alone.
    open: bool,
}

impl DateWord {
    /// Whether the word fills some slot on its own (numbers fill theirs by their digits).
    fn fills_a_slot(&self) -> bool {
        self.month > 0 || self.weekday > 0 || self.season.is_some() || self.number.is_some() || self.unit.is_some()
    }
}

/// The values a match filled in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Values {
    pub day: Option<u8>,
    pub month: Option<u8>,
    pub year: Option<i32>,
    pub weekday: Option<u8>,
    pub season: Option<[u8; 2]>,
    pub number: Option<u32>,
    pub unit: Option<Unit>,
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Token range.
    pub a: usize,
    pub b: usize,
    pub rule: Rule,
    pub values: Values,
    /// The end of a range written with two dates ("van juni 2014 tot juli 2017"), joined by
    /// [`crate::extract::date_spans`].
    pub end: Option<DateEnd>,
}

/// The second date of a range: how it resolves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateEnd {
    pub rule: Rule,
    pub values: Values,
}

#[derive(Debug, Clone)]
struct Pattern {
    elems: Vec<Elem>,
    rule: Rule,
    /// The word the second element must be, or [`UNKNOWN`] (a slot, or no second element):
    /// tested before the elements are read ("the" starts a dozen patterns).
    second: u32,
}

/// A language's date words and patterns, ready to match.
#[derive(Debug, Clone, Default)]
pub struct DateGrammar {
    patterns: Vec<Pattern>,
    by_word: FxMap<u32, Vec<usize>>,
    by_slot: Vec<(Slot, usize)>,
    /// Date words by vocabulary id (filled up to the vocabulary's size).
    words: Vec<DateWord>,
    /// The ids of the known words ([`DateGrammar::knows`]) as a bit set: asked of every word
    /// of a text, it stays in the cache where the table of date words would not.
    known_words: Vec<u64>,
    /// The ids of the words some pattern has as its fixed second word, as a bit set: a word
    /// that fills no slot and starts no open pattern ([`DateWord::open`]) starts no date
    /// before any other word.
    second_words: Vec<u64>,
    months_need_capital: bool,
    /// Words around ranges, "when" words and "the same day" (`date_spans`).
    pub(crate) spans: crate::extract::date_spans::SpanWords,
}

impl DateGrammar {
    /// Compiles `[dates]`, adding its words to `vocab`.
    pub fn compile(
        words: &DateWords,
        vocab: &mut Vocab,
        months_need_capital: bool,
        file: &str,
        text: &str,
    ) -> Result<DateGrammar, LexiconError> {
        let mut grammar = DateGrammar { months_need_capital, ..DateGrammar::default() };
        let mut word = |w: &str, vocab: &mut Vocab, set: &dyn Fn(&mut DateWord)| {
            for (folded, _) in fold_phrase(w) {
                let id = vocab.intern(&folded) as usize;
                if grammar.words.len() <= id {
                    grammar.words.resize(id + 1, DateWord::default());
                }
                grammar.words[id].known = true;
                set(&mut grammar.words[id]);
            }
        };
        for (w, &m) in &words.months {
            word(w, vocab, &|d| d.month = m);
        }
        for (w, &d) in &words.weekdays {
            word(w, vocab, &|x| x.weekday = d);
        }
        for (w, &s) in &words.seasons {
            word(w, vocab, &|x| x.season = Some(s));
        }
        for (w, &n) in &words.numbers {
            word(w, vocab, &|x| x.number = Some(n));
        }
        for (w, &u) in &words.units {
            word(w, vocab, &|x| x.unit = Some(u));
        }
        for (pattern, rule) in &words.patterns {
            let bad = |reason: String| LexiconError::BadPattern {
                file: file.into(),
                line: phrase_line(text, pattern),
                pattern: pattern.clone(),
                reason,
            };
            let rule = Rule::parse(rule).map_err(bad)?;
            let elems = parse_pattern(pattern, vocab).map_err(bad)?;
            if let Some(missing) = rule.needs().iter().find(|s| !elems.contains(&Elem::Slot(**s))) {
                return Err(bad(format!("the rule needs a {{{}}} slot", slot_name(*missing))));
            }
            let index = grammar.patterns.len();
            match elems[0] {
                Elem::Word(id) => grammar.by_word.entry(id).or_default().push(index),
                Elem::Slot(slot) => grammar.by_slot.push((slot, index)),
            }
            let second = match elems.get(1) {
                Some(&Elem::Word(id)) => id,
                _ => UNKNOWN,
            };
            grammar.patterns.push(Pattern { elems, rule, second });
        }
        grammar.spans = crate::extract::date_spans::SpanWords::compile(words, vocab);
        grammar.words.resize(vocab.len(), DateWord::default());
        for &id in grammar.by_word.keys() {
            grammar.words[id as usize].known = true;
        }
        grammar.known_words = vec![0; grammar.words.len().div_ceil(64)];
        for (id, _) in grammar.words.iter().enumerate().filter(|(_, w)| w.known) {
            grammar.known_words[id / 64] |= 1 << (id % 64);
        }
        grammar.second_words = vec![0; grammar.words.len().div_ceil(64)];
        for pattern in &grammar.patterns {
            let Elem::Word(first) = pattern.elems[0] else { continue };
            match pattern.second {
                UNKNOWN => grammar.words[first as usize].open = true,
                second => grammar.second_words[second as usize / 64] |= 1 << (second % 64),
            }
        }
        Ok(grammar)
    }

    /// Whether vocabulary word `id` is a date word or starts a pattern.
    pub fn knows(&self, id: u32) -> bool {
        self.known_words.get(id as usize / 64).is_some_and(|bits| bits >> (id % 64) & 1 != 0)
    }

    /// Whether vocabulary word `id` is the fixed second word of some pattern.
    fn is_second_word(&self, id: u32) -> bool {
        self.second_words.get(id as usize / 64).is_some_and(|bits| bits >> (id % 64) & 1 != 0)
    }

    /// Every date expression in the tokens, left to right, each as long as it can be.
    pub fn scan(&self, tokens: &Tokens, out: &mut Vec<DateMention>) {
        let mut i = 0;
        while i < tokens.len() {
            if !self.may_start(tokens, i) {
                i += 1;
                continue;
            }
            match self.longest_at(tokens, i) {
                Some(found) => {
                    // A match inside this one that reaches further wins: "in April 2015" is
                    // "April 2015", not "in April".
                    let further = (found.a + 1..found.b)
                        .filter_map(|j| self.longest_at(tokens, j))
                        .filter(|m| m.b > found.b)
                        .max_by_key(|m| m.b);
                    let chosen = further.unwrap_or(found);
                    i = chosen.b;
                    out.push(chosen);
                }
                None => i += 1,
            }
        }
    }

    /// A month or year standing alone at token `i` ("August", "2014"), which only a range
    /// reads as a date ("between August and October", "van 2014 tot 2017").
    pub(crate) fn bare_date(&self, tokens: &Tokens, i: usize) -> Option<(Rule, Values)> {
        if i >= tokens.len()
            || !(tokens.starts_with_digit(i) || self.words.get(tokens.list[i].id as usize).is_some_and(|w| w.month > 0))
        {
            return None;
        }
        let probe = self.probe(tokens, i);
        if let Some(year) = self.value_in(&probe, Slot::Year) {
            return Some((Rule::Year, Values { year: Some(year as i32), ..Values::default() }));
        }
        let month = self.value_in(&probe, Slot::Month)?;
        Some((Rule::MonthLatest, Values { month: Some(month as u8), ..Values::default() }))
    }

    /// Whether a date expression can start at token `i`: a number or a date word.
    #[inline]
    fn may_start(&self, tokens: &Tokens, i: usize) -> bool {
        let t = &tokens.list[i];
        (t.id != UNKNOWN && self.knows(t.id)) || tokens.starts_with_digit(i)
    }

    fn longest_at(&self, tokens: &Tokens, i: usize) -> Option<DateMention> {
        let t = &tokens.list[i];
        let digit_start = tokens.starts_with_digit(i);
        if !digit_start && (t.id == UNKNOWN || !self.knows(t.id)) {
            return None;
        }
        // Only a number or a word with a date meaning fills a slot: most words skip the checks
        // and the patterns that start with a slot.
        let fills = digit_start || self.words.get(t.id as usize).is_some_and(DateWord::fills_a_slot);
        let next_id = tokens.list.get(i + 1).map_or(UNKNOWN, |t| t.id);
        // "the city", "in Raqqa": a word whose every pattern needs a second word the next is not.
        let open = self.words.get(t.id as usize).is_some_and(|w| w.open);
        if !fills && !open && !self.is_second_word(next_id) {
            return None;
        }
        let by_word = (t.id != UNKNOWN).then(|| self.by_word.get(&t.id)).flatten().map_or(&[][..], Vec::as_slice);
        let mut fits = [None; 7];
        // Probed once: the patterns that start with a slot read the first token from it.
        let first = fills.then(|| self.probe(tokens, i));
        if let Some(probe) = &first {
            for slot in SLOTS {
                fits[slot as usize] = Some(self.value_in(probe, slot).is_some());
            }
        }
        let by_slot = if fills { &self.by_slot[..] } else { &[] };
        let slots = by_slot.iter().filter(|(slot, _)| fits[*slot as usize] == Some(true)).map(|(_, p)| p);
        let mut best: Option<DateMention> = None;
        for &p in by_word.iter().chain(slots) {
            let pattern = &self.patterns[p];
            if pattern.second != UNKNOWN && pattern.second != next_id {
                continue;
            }
            if let Some(found) = self.match_pattern(pattern, tokens, i, first.as_ref())
                && best.is_none_or(|b| found.b > b.b)
            {
                best = Some(found);
            }
        }
        best
    }

    /// Matches `pattern` at token `from`; `first` is that token's probe when it was made.
    fn match_pattern(
        &self,
        pattern: &Pattern,
        tokens: &Tokens,
        from: usize,
        first: Option<&Probe>,
    ) -> Option<DateMention> {
        // The words first (an integer each), so a pattern they rule out probes no slot.
        let words = tokens.list.get(from..from + pattern.elems.len())?;
        let word_fails = |(elem, token): (&Elem, &crate::extract::tokens::Token)| match *elem {
            Elem::Word(id) => token.id != id,
            Elem::Slot(_) => false,
        };
        if pattern.elems.iter().zip(words).any(word_fails) {
            return None;
        }
        let mut values = Values::default();
        for (k, elem) in pattern.elems.iter().enumerate() {
            let at = from + k;
            let token = tokens.list.get(at)?;
            match *elem {
                Elem::Word(id) if token.id == id => {}
                Elem::Word(_) => return None,
                Elem::Slot(slot) => {
                    let value = match first.filter(|_| k == 0) {
                        Some(probe) => self.value_in(probe, slot),
                        None => self.slot_value(tokens, at, slot),
                    };
                    self.fill(&mut values, slot, value?)
                }
            }
        }
        Some(DateMention { a: from, b: from + pattern.elems.len(), rule: pattern.rule, values, end: None })
    }

    /// The value a token gives a slot, if it fits.
    fn slot_value(&self, tokens: &Tokens, i: usize, slot: Slot) -> Option<u32> {
        self.value_in(&self.probe(tokens, i), slot)
    }

    /// What every slot needs to know of token `i`, worked out once (the number parsed once).
    fn probe<'t>(&self, tokens: &'t Tokens, i: usize) -> Probe<'t, '_> {
        let t = &tokens.list[i];
        let folded = tokens.fold(i);
        let word = self.words.get(t.id as usize);
        let number = if t.is(DIGITS) && folded.len() <= 4 { folded.parse::<u32>().ok() } else { None };
        Probe { capital: t.is(CAP), folded, word, number }
    }

    /// The value a probed token gives a slot, if it fits.
    fn value_in(&self, probe: &Probe, slot: Slot) -> Option<u32> {
        let Probe { capital, folded, word, number } = *probe;
        match slot {
            Slot::Day => {
                number.filter(|_| folded.len() <= 2).or_else(|| ordinal(folded)).filter(|d| (1..=31).contains(d))
            }
            Slot::Year => number.filter(|y| folded.len() == 4 && (1900..=2100).contains(y)),
            Slot::Month => {
                word.filter(|w| w.month > 0 && (!self.months_need_capital || capital)).map(|w| u32::from(w.month))
            }
            Slot::Weekday => word.filter(|w| w.weekday > 0).map(|w| u32::from(w.weekday)),
            Slot::Season => word.and_then(|w| w.season).map(|[a, b]| u32::from(a) * 100 + u32::from(b)),
            Slot::Number => number.filter(|n| *n <= 100).or_else(|| word.and_then(|w| w.number)),
            Slot::Unit => word.and_then(|w| w.unit).map(|u| u as u32),
        }
    }

    fn fill(&self, values: &mut Values, slot: Slot, value: u32) {
        match slot {
            Slot::Day => values.day = Some(value as u8),
            Slot::Month => values.month = Some(value as u8),
            Slot::Year => values.year = Some(value as i32),
            Slot::Weekday => values.weekday = Some(value as u8),
            Slot::Season => values.season = Some([(value / 100) as u8, (value % 100) as u8]),
            Slot::Number => values.number = Some(value),
            Slot::Unit => values.unit = Some([Unit::Day, Unit::Week, Unit::Month, Unit::Year][value as usize]),
        }
    }
}

fn slot_name(slot: Slot) -> &'static str {
    match slot {
        Slot::Day => "day",
        Slot::Month => "month",
        Slot::Year => "year",
        Slot::Weekday => "weekday",
        Slot::Season => "season",
        Slot::Number => "number",
        Slot::Unit => "unit",
    }
}

fn parse_pattern(pattern: &str, vocab: &mut Vocab) -> Result<Vec<Elem>, String> {
    let mut elems = Vec::new();
    for word in pattern.split_whitespace() {
        if let Some(name) = word.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
            let slot = [Slot::Day, Slot::Month, Slot::Year, Slot::Weekday, Slot::Season, Slot::Number, Slot::Unit]
                .into_iter()
                .find(|s| slot_name(*s) == name)
                .ok_or_else(|| format!("unknown slot {{{name}}}"))?;
            elems.push(Elem::Slot(slot));
        } else {
            elems.extend(fold_phrase(word).into_iter().map(|(w, _)| Elem::Word(vocab.intern(&w))));
        }
    }
    if elems.is_empty() {
        return Err("the pattern is empty".into());
    }
    Ok(elems)
}

/// `9th`, `1st`, `22e` → the number.
fn ordinal(folded: &str) -> Option<u32> {
    let digits = folded.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &folded[digits.len()..];
    let known = matches!(suffix, "st" | "nd" | "rd" | "th" | "e" | "ste" | "de");
    (known && !digits.is_empty() && digits.len() <= 2).then(|| digits.parse().ok()).flatten()
}

/// A resolved date and, when it was approximated, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub span: DateSpan,
    pub note: Option<String>,
}

/// Resolves a date mention against the article date (`anchor`); relative expressions without
/// an anchor are an `Err` saying so.
pub fn resolve(mention: &DateMention, anchor: Option<&DateSpan>) -> Result<Resolved, String> {
    if let Some(end) = &mention.end {
        return crate::extract::date_spans::resolve_range(mention, end, anchor);
    }
    let v = &mention.values;
    let exact = |span: DateSpan| Ok(Resolved { span, note: None });
    match mention.rule {
        Rule::SameDay => Err("the same day as an event told before".to_string()),
        Rule::Date => {
            let date = Date::new(v.year.unwrap_or(0), v.month.unwrap_or(0), v.day.unwrap_or(0));
            date.map(DateSpan::day).map(|span| Resolved { span, note: None }).ok_or_else(|| "no such day".to_string())
        }
        Rule::Month => exact(DateSpan::month(YearMonth { year: v.year.unwrap_or(0), month: v.month.unwrap_or(1) })),
        Rule::Year => exact(year_span(v.year.unwrap_or(0))),
        Rule::Season => exact(months_span(v.year.unwrap_or(0), v.season.unwrap_or([1, 12]))),
        Rule::Months(a, b) => exact(months_span(v.year.unwrap_or(0), [a, b])),
        _ => {
            let anchor = anchor.ok_or_else(|| "a relative date and the article has no date".to_string())?;
            relative(mention, anchor)
        }
    }
}

fn relative(mention: &DateMention, anchor: &DateSpan) -> Result<Resolved, String> {
    let v = &mention.values;
    let today = anchor.end;
    let by_day = anchor.precision == Precision::Day;
    let approx = || {
        Ok(Resolved {
            span: month_of(anchor),
            note: Some(format!("relative to the article month {}", anchor.start.month_key())),
        })
    };
    match mention.rule {
        Rule::DayLatest => {
            let (day, month) = (v.day.unwrap_or(1), v.month.unwrap_or(1));
            let this_year = Date::new(today.year, month, day).filter(|d| *d <= today);
            let date = this_year.or_else(|| Date::new(today.year - 1, month, day)).ok_or("no such day")?;
            Ok(Resolved { span: DateSpan::day(date), note: None })
        }
        Rule::MonthLatest => {
            let month = v.month.unwrap_or(1);
            let year = if month <= today.month { today.year } else { today.year - 1 };
            Ok(Resolved { span: DateSpan::month(YearMonth { year, month }), note: None })
        }
        Rule::MonthBefore => {
            let month = v.month.unwrap_or(1);
            let year = if month < today.month { today.year } else { today.year - 1 };
            Ok(Resolved { span: DateSpan::month(YearMonth { year, month }), note: None })
        }
        Rule::MonthYear(shift) => Ok(Resolved {
            span: DateSpan::month(YearMonth { year: today.year + shift, month: v.month.unwrap_or(1) }),
            note: None,
        }),
        Rule::Since => {
            let start = Date { year: v.year.unwrap_or(0), month: v.month.unwrap_or(1), day: 1 };
            Ok(Resolved { span: range(start, today), note: None })
        }
        Rule::SeasonLatest => {
            let [first, last] = v.season.unwrap_or([1, 12]);
            let year = if first <= today.month { today.year } else { today.year - 1 };
            Ok(Resolved { span: months_span(year, [first, last]), note: None })
        }
        Rule::WeekdayLatest if by_day => {
            let back = (i64::from(today.weekday()) - i64::from(v.weekday.unwrap_or(1)) + 1).rem_euclid(7);
            Ok(Resolved { span: DateSpan::day(today.add_days(-back)), note: None })
        }
        Rule::Shift(Unit::Day, n) if by_day => {
            Ok(Resolved { span: DateSpan::day(today.add_days(i64::from(n))), note: None })
        }
        Rule::Shift(Unit::Week, n) if by_day => Ok(Resolved { span: week(today, n), note: None }),
        Rule::Weekend(n) if by_day => Ok(Resolved { span: weekend(today, n), note: None }),
        Rule::DayOfMonth if by_day => {
            let day = v.day.unwrap_or(1);
            let this_month = Date::new(today.year, today.month, day).filter(|d| *d <= today);
            let previous = shift_month(today.month_key(), -1);
            let date = this_month.or_else(|| Date::new(previous.year, previous.month, day)).ok_or("no such day")?;
            Ok(Resolved { span: DateSpan::day(date), note: None })
        }
        Rule::Shift(Unit::Month, n) => {
            Ok(Resolved { span: DateSpan::month(shift_month(anchor.start.month_key(), n)), note: None })
        }
        Rule::Shift(Unit::Year, n) => Ok(Resolved { span: year_span(anchor.start.year + n), note: None }),
        Rule::Ago => {
            let n = v.number.unwrap_or(1) as i32;
            let shifted = DateMention { rule: Rule::Shift(v.unit.unwrap_or(Unit::Day), -n), ..*mention };
            relative(&shifted, anchor)
        }
        _ => approx(),
    }
}

fn month_of(anchor: &DateSpan) -> DateSpan {
    match anchor.precision {
        Precision::Day | Precision::Month => DateSpan::month(anchor.start.month_key()),
        _ => anchor.clone(),
    }
}

fn shift_month(month: YearMonth, n: i32) -> YearMonth {
    let index = month.year * 12 + i32::from(month.month) - 1 + n;
    YearMonth { year: index.div_euclid(12), month: (index.rem_euclid(12) + 1) as u8 }
}

pub fn year_span(year: i32) -> DateSpan {
    DateSpan {
        start: Date { year, month: 1, day: 1 },
        end: Date { year, month: 12, day: 31 },
        precision: Precision::Year,
    }
}

/// Months `first..=last` of `year`; a season that wraps (winter: 12-2) ends in the next year.
fn months_span(year: i32, [first, last]: [u8; 2]) -> DateSpan {
    let end_year = if last < first { year + 1 } else { year };
    let start = Date { year, month: first, day: 1 };
    let end = Date { year: end_year, month: last, day: days_in_month(end_year, last) };
    if start.month_key() == end.month_key() { DateSpan::month(start.month_key()) } else { range(start, end) }
}

/// A range, written with the shortest precision each end allows.
pub fn range(start: Date, end: Date) -> DateSpan {
    if end <= start {
        return DateSpan::day(start);
    }
    DateSpan { start, end, precision: Precision::Range }
}

/// Monday to Sunday of the week `n` weeks from the one holding `today` (this week: up to today).
fn week(today: Date, n: i32) -> DateSpan {
    let monday = today.add_days(-i64::from(today.weekday()) + 7 * i64::from(n));
    let sunday = if n == 0 { today } else { monday.add_days(6) };
    range(monday, sunday)
}

/// The weekend before `today` (n = -1) or of its week (n = 0).
fn weekend(today: Date, n: i32) -> DateSpan {
    let this_saturday = today.add_days(5 - i64::from(today.weekday()));
    let saturday = if n < 0 {
        let mut s = this_saturday;
        while s.add_days(1) >= today {
            s = s.add_days(-7);
        }
        s.add_days(7 * i64::from(n + 1))
    } else {
        this_saturday.add_days(7 * i64::from(n))
    };
    range(saturday, saturday.add_days(1))
}
