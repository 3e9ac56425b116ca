//! A readable dump of a sentence's analysis and frames, for working on lexicons.

use crate::extract::frames::Frame;
use crate::extract::language::Language;
use crate::extract::mentions::{Analysis, Target};

/// Tokens with their clause, actors, places, dates, cues and frames, one item per line.
pub fn describe(an: &Analysis, lang: &Language, frames: &[Frame]) -> String {
    let word = |a: usize, b: usize| (a..b).map(|k| an.tokens.fold(k)).collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let clauses: Vec<String> = (0..an.len()).map(|k| format!("{}/{}", an.tokens.fold(k), an.clause[k])).collect();
    out.push(clauses.join(" "));
    for m in &an.actors {
        out.push(format!("actor {:?} '{}' gov={:#x} attributive={}", m.actor, word(m.a, m.b), m.gov, m.attributive));
    }
    for p in &an.places {
        let target = match &p.target {
            Target::Place(f) => format!("{} ({}, pop {}, exact {})", f.key, f.country, f.population, f.name_exact),
            Target::Ambiguous(c, _) => format!("ambiguous ({} candidates)", c.len()),
            Target::Generic => "refers back".into(),
            Target::Town => "refers back to a town".into(),
            Target::SameName => "the region named like the last town".into(),
            Target::Both(k) => format!("town {} of the last two", k + 1),
            Target::Here => "here".into(),
            Target::Capital => "the capital of the article's country".into(),
        };
        out.push(format!("place '{}' -> {target} gov={:#x} topical={}", word(p.a, p.b), p.gov, p.topical));
    }
    for d in &an.dates {
        out.push(format!("date '{}' {:?}", word(d.a, d.b), d.rule));
    }
    for c in &an.cues {
        out.push(format!(
            "cue '{}' {:?} {:?}",
            c.parts().iter().map(|&(a, b)| word(a, b)).collect::<Vec<_>>().join(" ... "),
            lang.events[c.event as usize].frame,
            c.form
        ));
    }
    for f in frames {
        out.push(format!(
            "frame {:?} cue={} passive={} ongoing={} partial={} remnant={} no_longer={} places={:?}",
            f.kind(),
            f.cue,
            f.passive,
            f.ongoing,
            f.partial,
            f.remnant,
            f.no_longer,
            f.places
        ));
    }
    out.join("\n")
}
