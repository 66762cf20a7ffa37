//! Identifiers and typed parameters of the built-in rules, generated at
//! build time from `rules/*.toml` (see `build.rs`): a code rule that names
//! a rule that does not exist, or reads a parameter its rule file does not
//! define, does not compile.

use std::fmt;

/// Why a rule parameter could not be set.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParamError {
    /// The rule has no parameter of that name.
    Unknown {
        /// The parameters it has.
        known: &'static [&'static str],
    },
    /// The value is not of the parameter's type.
    WrongType {
        /// The type expected, in words.
        expected: &'static str,
    },
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamError::Unknown { known } => {
                write!(f, "no such parameter; known: {}", known.join(", "))
            }
            ParamError::WrongType { expected } => write!(f, "the value must be {expected}"),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/rule_ids.rs"));
