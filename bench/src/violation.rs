//! The rule names the corpus manifest uses for injected faults.

use std::fmt;

/// One kind of injected fault. [`Violation::name`] is the coc-lint rule name
/// a diagnostic for it must carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Violation {
    TimeoutOutOfRange,
    SuccessRateOutOfRange,
    SuccessRatePrecision,
    ExecuteUserNotRoot,
    TooManyScriptParams,
    ParamNameCharset,
    ParamNameLength,
    DuplicateParamName,
    ParamValueCharset,
    ParamValueConsecutivePeriods,
    ParamValueMissing,
    InvalidReferType,
    MissingRequiredField,
    InvalidStatus,
    WrongType,
    UnknownField,
    DuplicateKey,
    JsonSyntaxError,
    DuplicateBatchIndex,
    InvalidRotationStrategy,
    PlaintextSecret,
}

impl Violation {
    pub const ALL: [Violation; 21] = [
        Violation::TimeoutOutOfRange,
        Violation::SuccessRateOutOfRange,
        Violation::SuccessRatePrecision,
        Violation::ExecuteUserNotRoot,
        Violation::TooManyScriptParams,
        Violation::ParamNameCharset,
        Violation::ParamNameLength,
        Violation::DuplicateParamName,
        Violation::ParamValueCharset,
        Violation::ParamValueConsecutivePeriods,
        Violation::ParamValueMissing,
        Violation::InvalidReferType,
        Violation::MissingRequiredField,
        Violation::InvalidStatus,
        Violation::WrongType,
        Violation::UnknownField,
        Violation::DuplicateKey,
        Violation::JsonSyntaxError,
        Violation::DuplicateBatchIndex,
        Violation::InvalidRotationStrategy,
        Violation::PlaintextSecret,
    ];

    /// The rule name, as coc-lint reports it in a diagnostic's `name`.
    pub const fn name(self) -> &'static str {
        match self {
            Violation::TimeoutOutOfRange => "timeout-out-of-range",
            Violation::SuccessRateOutOfRange => "success-rate-out-of-range",
            Violation::SuccessRatePrecision => "success-rate-precision",
            Violation::ExecuteUserNotRoot => "execute-user-not-root",
            Violation::TooManyScriptParams => "too-many-script-params",
            Violation::ParamNameCharset => "param-name-charset",
            Violation::ParamNameLength => "param-name-length",
            Violation::DuplicateParamName => "duplicate-param-name",
            Violation::ParamValueCharset => "param-value-charset",
            Violation::ParamValueConsecutivePeriods => "param-value-consecutive-periods",
            Violation::ParamValueMissing => "param-value-missing",
            Violation::InvalidReferType => "invalid-refer-type",
            Violation::MissingRequiredField => "missing-required-field",
            Violation::InvalidStatus => "invalid-status",
            Violation::WrongType => "wrong-type",
            Violation::UnknownField => "unknown-field",
            Violation::DuplicateKey => "duplicate-key",
            Violation::JsonSyntaxError => "json-syntax-error",
            Violation::DuplicateBatchIndex => "duplicate-batch-index",
            Violation::InvalidRotationStrategy => "invalid-rotation-strategy",
            Violation::PlaintextSecret => "plaintext-secret",
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for Violation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}
