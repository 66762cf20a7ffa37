//! Benchmark support for coc-lint: a seeded generator of COC script-ticket
//! documents with a manifest of injected violations.

pub mod gen;
pub mod json;
pub mod violation;

pub use gen::{draft, generate, DocKind, Draft, Generated, Layout, Options};
pub use json::{Json, Style};
pub use violation::Violation;

/// SplitMix64 finaliser: turns (seed, index) pairs into well-spread RNG seeds
/// so that document `i` of a corpus does not depend on documents before it.
pub fn mix_seed(seed: u64, index: u64) -> u64 {
    let mut z = seed ^ index.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
