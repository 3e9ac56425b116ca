//! Ingest: the first stage, reading claims ledgers (CSV) and news articles (plain text) into typed rows.

pub mod article;
pub mod ledger;
pub mod limits;
pub mod lines;

pub use article::{Article, Sentence};
pub use ledger::{Ledger, LedgerRow, Point};
