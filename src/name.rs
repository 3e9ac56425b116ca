//! `Name`: a shared, immutable string for the values a ledger repeats on every row (place ids,
//! faction ids, the place as written, the ledger's file name), so a million claims hold a few
//! thousand strings, not millions.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::fxhash::SpreadSet;

/// A cheaply cloned string: cloning shares it. Compares, hashes and prints as its text (two
/// names from one [`Interner`] compare equal without reading the text).
#[derive(Clone, Eq)]
pub struct Name(Arc<str>);

impl std::hash::Hash for Name {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> std::cmp::Ordering {
        if Arc::ptr_eq(&self.0, &other.0) { std::cmp::Ordering::Equal } else { self.0.cmp(&other.0) }
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where the shared text lives: names from one [`Interner`] with the same text have the
    /// same address, so a table keyed by it hashes one word instead of the text. (Equal texts
    /// may still live at two addresses: such a table must not be the only test of equality.)
    pub fn address(&self) -> usize {
        self.0.as_ptr() as usize
    }
}

impl Default for Name {
    fn default() -> Name {
        Name::from("")
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Name {
        Name(Arc::from(text))
    }
}

impl From<String> for Name {
    fn from(text: String) -> Name {
        Name(Arc::from(text))
    }
}

impl From<&String> for Name {
    fn from(text: &String) -> Name {
        Name::from(text.as_str())
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.0.to_string()
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Hands out one shared [`Name`] per distinct text.
#[derive(Debug, Default)]
pub struct Interner {
    names: SpreadSet<Name>,
}

impl Interner {
    /// The shared name for `text`, made on first sight.
    pub fn name(&mut self, text: &str) -> Name {
        if let Some(name) = self.names.get(text) {
            return name.clone();
        }
        let name = Name::from(text);
        self.names.insert(name.clone());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interner_shares_one_string_per_text() {
        let mut interner = Interner::default();
        let (a, b, c) = (interner.name("raqqa"), interner.name("raqqa"), interner.name("mosul"));
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, "raqqa");
        assert_ne!(a, c);
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"raqqa\"");
        assert!(c < a, "names order as their text");
    }
}
