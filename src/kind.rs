//! Which of the documents coc-lint knows a JSON value is.

use std::fmt;
use std::str::FromStr;

use crate::load::ast::{Node, Value};

/// A kind of document of the COC script-ticket API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// `{"data": JobScriptOrderInfoModel}`, the response of
    /// `GET /v1/job/script/orders/{execute_uuid}`.
    TicketResponse,
    /// A bare `JobScriptOrderInfoModel`.
    Ticket,
    /// A bare `ScriptExecuteParam`: saved execution parameters.
    ExecuteParam,
    /// The ExecuteScript request body `{"execute_param", "execute_batches"}`.
    ExecuteScript,
    /// `{"data": {"total", "data": [...]}}`, the ticket list response.
    TicketList,
}

impl DocumentKind {
    /// Every kind, in the order they are listed to users.
    pub const ALL: [DocumentKind; 5] = [
        DocumentKind::TicketResponse,
        DocumentKind::Ticket,
        DocumentKind::ExecuteParam,
        DocumentKind::ExecuteScript,
        DocumentKind::TicketList,
    ];

    /// The name `--kind` takes (and `rules/schema.toml` uses).
    pub fn name(self) -> &'static str {
        match self {
            DocumentKind::TicketResponse => "ticket-response",
            DocumentKind::Ticket => "ticket",
            DocumentKind::ExecuteParam => "execute-param",
            DocumentKind::ExecuteScript => "execute-script",
            DocumentKind::TicketList => "ticket-list",
        }
    }

    /// Guess the kind of a document from its keys; `None` when it is none of
    /// them.
    ///
    /// ```
    /// use coc_lint::{load::parse, DocumentKind};
    ///
    /// let doc = parse(r#"{"data": {"total": 0, "data": []}}"#, 16).expect("valid JSON");
    /// assert_eq!(DocumentKind::detect(&doc), Some(DocumentKind::TicketList));
    /// ```
    pub fn detect(root: &Node<'_>) -> Option<DocumentKind> {
        let members = root.as_object()?;
        let has = |key: &str| members.iter().any(|m| m.key == key);
        if let Some(data) = root.get("data") {
            return match &data.value {
                Value::Object(_) if data.get("total").is_some() || data.get("data").is_some() => {
                    Some(DocumentKind::TicketList)
                }
                Value::Object(_) => Some(DocumentKind::TicketResponse),
                _ => None,
            };
        }
        if has("execute_param") || has("execute_batches") {
            return Some(DocumentKind::ExecuteScript);
        }
        const TICKET: [&str; 7] = [
            "execute_uuid",
            "gmt_created",
            "gmt_finished",
            "execute_costs",
            "creator",
            "status",
            "properties",
        ];
        if TICKET.iter().any(|k| has(k)) {
            return Some(DocumentKind::Ticket);
        }
        const PARAM: [&str; 5] = [
            "timeout",
            "success_rate",
            "execute_user",
            "script_params",
            "resourceful",
        ];
        if PARAM.iter().any(|k| has(k)) {
            return Some(DocumentKind::ExecuteParam);
        }
        None
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for DocumentKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl FromStr for DocumentKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DocumentKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = DocumentKind::ALL.iter().map(|k| k.name()).collect();
                format!(
                    "unknown document kind `{s}`; expected one of {}",
                    names.join(", ")
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;

    fn detect(text: &str) -> Option<DocumentKind> {
        DocumentKind::detect(&parse(text, 64).unwrap())
    }

    #[test]
    fn detects_every_kind() {
        assert_eq!(
            detect(r#"{"data": {"status": "READY"}}"#),
            Some(DocumentKind::TicketResponse)
        );
        assert_eq!(
            detect(r#"{"data": {"total": 1, "data": []}}"#),
            Some(DocumentKind::TicketList)
        );
        assert_eq!(detect(r#"{"status": "READY"}"#), Some(DocumentKind::Ticket));
        assert_eq!(
            detect(r#"{"timeout": 30}"#),
            Some(DocumentKind::ExecuteParam)
        );
        assert_eq!(
            detect(r#"{"execute_batches": []}"#),
            Some(DocumentKind::ExecuteScript)
        );
        assert_eq!(detect(r#"{"data": "SCT1"}"#), None);
        assert_eq!(detect(r#"[1]"#), None);
        assert_eq!(detect(r#"{}"#), None);
    }

    #[test]
    fn names_round_trip_and_match_the_schema() {
        let schema = crate::schema::builtin();
        for kind in DocumentKind::ALL {
            assert_eq!(kind.name().parse::<DocumentKind>(), Ok(kind));
            assert!(
                schema.kind(kind.name()).is_some(),
                "{kind} is not in rules/schema.toml"
            );
        }
        assert_eq!(schema.kinds.len(), DocumentKind::ALL.len());
        assert!("nope"
            .parse::<DocumentKind>()
            .unwrap_err()
            .contains("ticket-response"));
    }
}
