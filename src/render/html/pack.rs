//! The viewer's data, compact: every text once in a string table, places and claims as columns
//! of small integers, and per month only the places whose state differs from the month before,
//! each as the fields that changed. The JSON is then deflated (zlib) and written as base64, so
//! the page carries it as one inert text block that the script inflates with the browser's
//! `DecompressionStream`.
//!
//! A text is referred to by its index in `strings` plus one; 0 stands for none (`null`).
//! A claim in a list is `claim index × 4 + role` (roles in [`ROLES`] order).

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use crate::model::ClaimText;

/// The roles a claim plays in a list, in the order their codes count (0, 1, 2, 3).
pub const ROLES: [&str; 4] = ["supports", "pending", "conflicts", "change"];

/// The bit of each field of a state record's mask, in the order the fields follow it.
pub const STATE_FIELDS: [&str; 8] =
    ["holder", "status", "other", "since", "evidence", "flags", "certainty", "independent_sources"];
/// The mask bit that says the claim list changed (`keep`, `added`, then the added claims).
pub const CLAIMS_BIT: u32 = 1 << STATE_FIELDS.len();

/// Every text of the data once, in the order first met (so the bytes are stable).
#[derive(Default)]
pub struct Strings {
    pub list: Vec<String>,
    index: HashMap<String, u32>,
}

impl Strings {
    /// The reference of a text (index + 1), adding it when new.
    pub fn id(&mut self, text: &str) -> u32 {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        self.list.push(text.to_string());
        let id = self.list.len() as u32;
        self.index.insert(text.to_string(), id);
        id
    }

    /// The reference of an optional text; 0 for none.
    pub fn opt(&mut self, text: Option<&str>) -> u32 {
        text.map_or(0, |t| self.id(t))
    }

    /// The reference of a value's serde name (`"fact"`, `"town"`).
    pub fn name_of<T: Serialize>(&mut self, value: &T) -> u32 {
        match serde_json::to_value(value) {
            Ok(serde_json::Value::String(name)) => self.id(&name),
            _ => 0,
        }
    }
}

/// A place's state as references: the fields of [`STATE_FIELDS`] and the claim list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackedState {
    pub fields: [u32; STATE_FIELDS.len()],
    pub claims: Vec<u32>,
}

/// The claim list entry of a claim with a role.
pub fn claim_ref(claim: usize, role: &str) -> u32 {
    let role = ROLES.iter().position(|r| *r == role).unwrap_or(0);
    (claim * ROLES.len() + role) as u32
}

/// A month's records (states or changes) as integers. Claims in the records' lists are written
/// as the zigzag-coded step from the previous one in the month (0, -1, 1, -2, … as 0, 1, 2, 3,
/// …): new claims are met in order, so most steps are small.
#[derive(Debug, Default)]
pub struct Records {
    pub ints: Vec<u32>,
    last_claim: u32,
}

impl Records {
    /// Appends one state record: the place (as the step from the previous record's place), the
    /// mask of fields that differ from `before`, those fields, and the claim list as the length
    /// of the prefix it shares with `before`'s and the claims after it.
    pub fn push_state(&mut self, place_step: u32, before: &PackedState, state: &PackedState) {
        let mut mask = 0;
        for (bit, (old, new)) in before.fields.iter().zip(&state.fields).enumerate() {
            if old != new {
                mask |= 1 << bit;
            }
        }
        if before.claims != state.claims {
            mask |= CLAIMS_BIT;
        }
        self.ints.push(place_step);
        self.ints.push(mask);
        for (bit, value) in state.fields.iter().enumerate() {
            if mask & (1 << bit) != 0 {
                self.ints.push(*value);
            }
        }
        if mask & CLAIMS_BIT != 0 {
            let keep = before.claims.iter().zip(&state.claims).take_while(|(a, b)| a == b).count();
            self.ints.push(keep as u32);
            self.push_claims(&state.claims[keep..]);
        }
    }

    /// Appends a claim list: its length, then each claim as the step from the one before.
    pub fn push_claims(&mut self, claims: &[u32]) {
        self.ints.push(claims.len() as u32);
        for &claim in claims {
            let step = i64::from(claim) - i64::from(self.last_claim);
            self.ints.push(if step >= 0 { (step * 2) as u32 } else { (-step * 2 - 1) as u32 });
            self.last_claim = claim;
        }
    }
}

/// Undoes [`Records::push_claims`]'s step for one claim (for tests and checks).
#[cfg(test)]
pub fn unstep_claim(last: u32, code: u32) -> u32 {
    let step = if code.is_multiple_of(2) { i64::from(code / 2) } else { -i64::from(code / 2) - 1 };
    (i64::from(last) + step) as u32
}

/// Ascending indices as steps: the first as it is, each next as the difference.
pub fn steps(sorted: &[usize]) -> Vec<u32> {
    let mut previous = 0;
    sorted
        .iter()
        .map(|&i| {
            let step = i - previous;
            previous = i;
            step as u32
        })
        .collect()
}

/// The claims as columns of references.
#[derive(Debug, Default, Serialize)]
pub struct ClaimColumns {
    pub date: Vec<u32>,
    pub holder: Vec<u32>,
    pub event: Vec<u32>,
    pub other: Vec<u32>,
    pub modality: Vec<u32>,
    pub note: Vec<u32>,
    /// How many sources each claim cites.
    pub sources: Vec<u32>,
    /// Each source as two texts: up to its last `#` (the document), and the rest (`#12`).
    pub source_parts: Vec<u32>,
}

impl ClaimColumns {
    pub fn push(&mut self, claim: &ClaimText, strings: &mut Strings) {
        self.date.push(strings.id(&claim.date));
        self.holder.push(strings.id(&claim.holder));
        self.event.push(strings.id(&claim.event));
        self.other.push(strings.opt(claim.other.as_deref()));
        self.modality.push(strings.name_of(&claim.modality));
        self.note.push(strings.id(&claim.note));
        self.sources.push(claim.sources.len() as u32);
        for source in &claim.sources {
            let split = source.rfind('#').unwrap_or(source.len());
            self.source_parts.push(strings.id(&source[..split]));
            self.source_parts.push(strings.id(&source[split..]));
        }
    }
}

/// The JSON of `value`, deflated (zlib) and written as base64: plain ASCII letters, digits,
/// `+`, `/` and `=`, safe anywhere in a page.
pub fn deflated_base64<T: Serialize>(value: &T) -> String {
    // Writing to memory cannot fail; should it, the block is empty and the page shows no months.
    base64(&deflate_json(value).unwrap_or_default())
}

/// The JSON text is made whole first and handed to the encoder in one write: serde_json writes
/// each number and comma separately, and the encoder runs its compressor on every write, which
/// made the page's last, single-threaded step several times slower on a large series. The
/// compressed bytes are the same either way.
fn deflate_json<T: Serialize>(value: &T) -> std::io::Result<Vec<u8>> {
    let json = serde_json::to_vec(value)?;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::with_capacity(json.len() / 3), flate2::Compression::new(6));
    encoder.write_all(&json)?;
    encoder.flush()?;
    encoder.finish()
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            let c = if i <= chunk.len() { ALPHABET[((n >> shift) & 63) as usize] as char } else { '=' };
            out.push(c);
        }
    }
    out
}

/// The JSON back from [`deflated_base64`]'s text (for tests and checks).
pub fn inflate_base64(text: &str) -> Option<serde_json::Value> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3);
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    for chunk in text.trim().as_bytes().chunks(4) {
        let digits: Vec<u8> = chunk.iter().take_while(|&&c| c != b'=').map(|&c| value(c)).collect::<Option<_>>()?;
        let n = digits.iter().enumerate().fold(0u32, |n, (i, &d)| n | (u32::from(d) << (18 - 6 * i)));
        bytes.extend_from_slice(&n.to_be_bytes()[1..digits.len().max(1)]);
    }
    let decoder = flate2::read::ZlibDecoder::new(bytes.as_slice());
    serde_json::from_reader(decoder).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_every_length() {
        for len in 0..10 {
            let value: Vec<u32> = (0..len).map(|i| i * 1000).collect();
            let text = deflated_base64(&value);
            assert!(text.bytes().all(|c| c.is_ascii_alphanumeric() || b"+/=".contains(&c)));
            assert_eq!(inflate_base64(&text), Some(serde_json::json!(value)));
        }
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"M"), "TQ==");
    }

    #[test]
    fn a_state_record_holds_only_what_changed() {
        let before = PackedState { fields: [1, 2, 0, 3, 4, 0, 5, 1], claims: vec![8, 12] };
        let mut after = before.clone();
        after.fields[4] = 9;
        after.claims.push(16);
        let mut records = Records::default();
        records.push_state(0, &PackedState::default(), &before);
        assert_eq!(records.ints, [0, 0b1101_1011 | CLAIMS_BIT, 1, 2, 3, 4, 5, 1, 0, 2, 16, 8]);
        records.ints.clear();
        records.push_state(7, &before, &after);
        assert_eq!(records.ints, [7, (1 << 4) | CLAIMS_BIT, 9, 2, 1, 8], "claim 16 is 4 past claim 12");
    }

    #[test]
    fn claim_steps_round_trip() {
        let claims = [5, 9, 2, 2, 1_000_000, 0];
        let mut records = Records::default();
        records.push_claims(&claims);
        let mut last = 0;
        let back: Vec<u32> = records.ints[1..]
            .iter()
            .map(|&code| {
                last = unstep_claim(last, code);
                last
            })
            .collect();
        assert_eq!(back, claims);
        assert_eq!(records.ints[..5], [6, 10, 8, 13, 0]);
    }

    #[test]
    fn sources_split_at_their_last_hash() {
        let mut strings = Strings::default();
        let mut columns = ClaimColumns::default();
        let claim = ClaimText {
            date: "2017-10".into(),
            holder: "is".into(),
            event: "holds".into(),
            other: None,
            modality: crate::model::Modality::Fact,
            sources: vec!["a#b.txt#12".into(), "plain".into()],
            note: String::new(),
        };
        columns.push(&claim, &mut strings);
        let text = |r: u32| strings.list[r as usize - 1].clone();
        let parts: Vec<String> = columns.source_parts.iter().map(|&r| text(r)).collect();
        assert_eq!(parts, ["a#b.txt", "#12", "plain", ""]);
        assert_eq!(columns.other, [0]);
        assert_eq!(text(columns.modality[0]), "fact");
    }
}
