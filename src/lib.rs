//! # coc-lint
//!
//! A linter for the JSON documents of Huawei Cloud COC (Cloud Operations
//! Center) *script service tickets*: ticket responses, saved execution
//! parameters, ExecuteScript request bodies and ticket lists. It checks every
//! constraint the API documentation states and reports every problem of a
//! document at once, each as a [`Diagnostic`] with a stable rule code, the
//! JSON pointer of the offending value and its exact span.
//!
//! Data flows one way: bytes are loaded into a spanned document
//! ([`load`]), the rules ([`rules`]) turn it into diagnostics, and a report
//! format renders them (the `coc-lint` binary). Nothing in the library
//! prints or exits.
//!
//! ```
//! use coc_lint::{Linter, Severity};
//!
//! let linter = Linter::new();
//! let text = r#"{"timeout": 300, "success_rate": 99.55, "execute_user": "root"}"#;
//! let report = linter.lint_source("params.json", text);
//! assert_eq!(report.diagnostics.len(), 1);
//! let d = &report.diagnostics[0];
//! assert_eq!((d.code.as_ref(), d.name.as_ref()), ("COC204", "success-rate-precision"));
//! assert_eq!(d.severity, Severity::Error);
//! assert_eq!(d.pointer, "/success_rate");
//! assert_eq!(&text[d.span.offset..d.span.end()], "99.55");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod diagnostic;
pub mod escape;
#[cfg(feature = "fetch")]
pub mod fetch;
pub mod fix;
pub mod i18n;
pub mod io;
pub mod json_schema;
pub mod kind;
pub mod lint;
pub mod load;
pub mod model;
pub mod ndjson;
pub(crate) mod paths;
pub mod policy;
pub mod redact;
pub mod report;
pub mod rules;
pub mod schema;
pub mod source;
pub mod value;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use kind::DocumentKind;
pub use lint::{FileReport, LintOptions, Linter};
pub use model::Document;
pub use rules::{Rule, RuleId, RuleSet};
pub use source::{Position, Span};
pub use value::ValueReport;

/// The README's Rust examples, compiled and run as doctests so that they
/// stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
