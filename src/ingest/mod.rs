//! Ingest: the first stage, reading claims ledgers (CSV) and news articles (plain text, or JSON Lines archives) into typed rows.

pub mod article;
pub mod jsonl;
pub mod ledger;
pub mod limits;
pub mod lines;
pub mod records;

pub use article::{Article, Sentence};
pub use ledger::{Ledger, LedgerRow, Point};
