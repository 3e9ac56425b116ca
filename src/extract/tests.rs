//! Table-driven tests of the extractor on sentences written for them.
