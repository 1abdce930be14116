//! Parsing of the text formats marketplaces display (amounts, counts, dates). (Stub.)
