//! controlmap: from dated control claims in news articles to maps of who held what, month by month.
//!
//! # Steps
//! 1. [`ingest`]: read ledgers (CSV) and articles (text) into typed rows.
//! 2. [`places`]: resolve place names through the gazetteer and faction names through `factions.toml`.
//! 3. [`timeline`]: resolve who held each place on any date, with evidence, age and conflicts.
//!
//! Only the application layer knows the order of the stages.

pub mod app;
pub mod cli;
pub mod date;
pub mod extract;
pub mod fxhash;
pub mod geometry;
pub mod ingest;
pub mod model;
pub mod name;
pub mod places;
pub mod render;
pub mod text;
pub mod timeline;
