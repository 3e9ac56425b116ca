//! Roles of branch `droles` (issue 10): which side does what when one clause of the numbering
//! holds two clauses of the sentence. A relative clause with no comma after a noun that is no
//! side ("de wijken die de regeringstroepen in handen hebben", "Hodeida, de havenstad aan de Rode
//! Zee die de Houthi-rebellen sinds 2014 in handen hebben", "a town the rebels held") has its
//! own subject: the side right after the relative word, not the main clause's. A sentence opened
//! by a subordinate clause ("Nadat de rebellen Tessit hadden verlaten, rukten soldaten het
//! stadje binnen", "After the rebels left X, the army moved in") tells the main clause's doer
//! after the comma that closes it. A title cue with no side of its own ("het bolwerk ... dat de
//! Houthi's beheersen") is held by the subject of the relative clause with a hold cue after it,
//! and a hold in a relative clause about a part of a town ("de wijken die ...") is partial.

use super::Roles;
use crate::extract::language::{ActorRef, class};
use crate::extract::lexicon::Frame as Kind;
use crate::extract::tokens::PUNCT;

/// How far (in tokens) a relative word's subject may start after it: two words (articles,
/// adjectives) between them at most.
const RELATIVE_TO_SUBJECT: usize = 3;

impl Roles<'_> {
    /// The subject of a relative clause that the clause numbering left in the main clause: the
    /// last relative word before the cue in the frame's clause, after a word that is no side,
    /// followed within a few words by a bare side that ends before the cue.
    pub(super) fn relative_subject(&self) -> Option<usize> {
        let (cue_a, _) = self.cue();
        self.subject_after_relative_in(self.frame.clause, cue_a)
    }

    /// The side right after the last relative word before token `before` in clause `clause`,
    /// when the word before the relative word ends no side ("het leger dat de rebellen
    /// versloeg" is told from "het leger").
    fn subject_after_relative_in(&self, clause: u16, before: usize) -> Option<usize> {
        let an = self.an();
        let r = self.last_relative_before(clause, before)?;
        if an.actors.iter().any(|m| m.b == r) || an.prep[r - 1] != 0 {
            return None;
        }
        (0..an.actors.len()).find(|&i| {
            let m = &an.actors[i];
            m.gov == 0
                && !m.attributive
                && an.clause[m.a] == clause
                && m.a > r
                && m.a - r <= RELATIVE_TO_SUBJECT
                && m.b <= before
                && (r + 1..m.a).all(|k| an.class[k] & (class::DET | class::SKIP) != 0)
        })
    }

    /// The last relative word ([`Roles::relative_word`]) of clause `clause` before token `before`.
    fn last_relative_before(&self, clause: u16, before: usize) -> Option<usize> {
        let an = self.an();
        let start = an.clause_start(clause)?;
        (start.max(1)..before).rev().find(|&k| an.clause[k] == clause && self.relative_word(k))
    }

    /// Whether token `k` is a relative word and no punctuation is right before it (after a
    /// comma the clause numbering has already opened an aside when it is one).
    fn relative_word(&self, k: usize) -> bool {
        let an = self.an();
        an.class[k] & class::RELATIVE != 0 && !an.tokens.list[k - 1].is(PUNCT)
    }

    /// Bare actors of a clause that the numbering did not split after a sentence-opening
    /// subordinate clause: "Nadat de rebellen Tessit hadden verlaten, rukten soldaten ... binnen".
    /// When the sentence opens with a break word and a cue of another frame stands before the
    /// first comma, a cue after that comma keeps only the actors after it, and a cue before it
    /// only those before it; when one side of the comma names no side, all stay, and a pronoun
    /// subject of the opening clause gives way to the main clause's side.
    pub(super) fn outside_opening_clause(&self, bare: Vec<usize>) -> Vec<usize> {
        let an = self.an();
        // "En"/"And" opening a sentence coordinates it with the one before: no opening clause.
        if an.is_empty() || an.class[0] & (class::BREAK | class::SUBORDINATOR) == 0 || an.class[0] & class::COORD != 0 {
            return bare;
        }
        let Some(comma) = (1..an.len()).find(|&k| an.tokens.list[k].is(PUNCT) && an.tokens.fold(k) == ",") else {
            return bare;
        };
        if an.clause.get(comma + 1) != Some(&an.clause[0]) {
            return bare;
        }
        let (cue_a, _) = self.cue();
        // "After retaking X, the rebels control ...": an opening clause with no side of its own
        // shares the main clause's subject.
        let (kept, other): (Vec<usize>, Vec<usize>) =
            bare.iter().partition(|&&i| (an.actors[i].a > comma) == (cue_a > comma));
        if kept.is_empty() || other.is_empty() {
            return bare;
        }
        // "Nadat ze Saraqib hadden ingenomen, trokken de rebellen verder": a pronoun subject of
        // the opening clause points ahead to the main clause's subject, after its verb.
        let pronouns_only = kept.iter().all(|&i| an.actors[i].actor == ActorRef::Pronoun);
        let inverted = an.actors[other[0]].a.saturating_sub(comma) <= 3 && an.actors[other[0]].a >= comma + 2;
        if cue_a < comma && pronouns_only && inverted {
            return other;
        }
        let own_cue = self.frame.cue;
        let verb_before = self.s.frames.iter().any(|f| f.cue != own_cue && an.cues[f.cue].b <= comma);
        let verb_after = self.s.frames.iter().any(|f| f.cue != own_cue && an.cues[f.cue].a > comma);
        let split = (cue_a > comma && verb_before) || (cue_a < comma && verb_after);
        if split { kept } else { bare }
    }

    /// "het bolwerk in het noorden dat de Houthi's al sinds 2004 beheersen": a title hold cue
    /// with no side of its own is held by the subject of the relative clause after it when that
    /// clause has a hold cue of its own.
    pub(super) fn holder_of_relative_after_title(&self) -> Option<usize> {
        let an = self.an();
        if !super::is_title_cue(an, self.frame) {
            return None;
        }
        let (_, cue_b) = self.cue();
        self.s.frames.iter().filter(|f| f.kind() == Kind::Hold && an.cues[f.cue].a > cue_b).find_map(|f| {
            let hold_a = an.cues[f.cue].a;
            self.subject_after_relative_in(an.clause[hold_a], hold_a).filter(|&i| an.actors[i].a > cue_b)
        })
    }

    /// "de wijken die de regeringstroepen in handen hebben", "the districts that the army
    /// holds": a hold told in a relative clause about a noun for a part of a town holds a part.
    pub(super) fn relative_about_a_part(&self) -> bool {
        let an = self.an();
        let (cue_a, _) = self.cue();
        let Some(r) = self.last_relative_before(self.frame.clause, cue_a) else {
            return false;
        };
        self.s.lang.part_nouns.contains(&an.tokens.list[r - 1].id)
    }
}
