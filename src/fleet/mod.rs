//! Fleet: many devices from one manifest. An admin provisions a whole fleet
//! from a spreadsheet (`csv`) and downloads one zip (`zip`) with a folder per
//! device (`names`).

pub(crate) mod csv;
pub(crate) mod names;
pub(crate) mod zip;
