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

    /// Whether diagnostics of documents of this kind carry fixes: only the
    /// documents a user sends (execution parameters and ExecuteScript
    /// bodies), never what the server returned (ticket responses, tickets,
    /// ticket lists), which is evidence that a fix would falsify. See
    /// [`crate::fix`].
    pub fn takes_fixes(self) -> bool {
        matches!(
            self,
            DocumentKind::ExecuteParam | DocumentKind::ExecuteScript
        )
    }

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
    /// An envelope `{"data": ...}` is a ticket list when `data` holds
    /// `total` or `data`, and a ticket response otherwise: also when `data`
    /// is not an object (`{"data": null}`), which the walk then reports as
    /// the wrong type at `/data`, provided `data` is the envelope's only
    /// key. A bare object is the kind whose root model its keys match best:
    /// a key is evidence for a model when it is one of the model's fields
    /// or a near miss of one (`time_out`); the document must give some
    /// evidence, and at least as many of its keys must be evidence as not.
    /// So a CreateScript body, which shares `properties` with a ticket and
    /// `script_params` with execution parameters, is none of them.
    ///
    /// ```
    /// use coc_lint::{load::parse, DocumentKind};
    ///
    /// let doc = parse(r#"{"data": {"total": 0, "data": []}}"#, 16).expect("valid JSON");
    /// assert_eq!(DocumentKind::detect(&doc), Some(DocumentKind::TicketList));
    /// ```
    pub fn detect(root: &Node<'_>) -> Option<DocumentKind> {
        let members = root.as_object()?;
        if let Some(data) = root.get("data") {
            return match &data.value {
                Value::Object(_) if data.get("total").is_some() || data.get("data").is_some() => {
                    Some(DocumentKind::TicketList)
                }
                Value::Object(_) => Some(DocumentKind::TicketResponse),
                _ if members.iter().all(|m| m.key == "data") => Some(DocumentKind::TicketResponse),
                _ => None,
            };
        }
        let schema = crate::schema::builtin();
        let mut best: Option<(usize, DocumentKind)> = None;
        // In order of precedence when the evidence is even.
        for kind in [
            DocumentKind::ExecuteScript,
            DocumentKind::Ticket,
            DocumentKind::ExecuteParam,
        ] {
            let Some(index) = schema.kind(kind.name()).map(|k| k.model) else {
                continue;
            };
            let model = &schema.models[index];
            let (mut exact, mut near) = (0, 0);
            for m in members {
                if model.field(&m.key).is_some() {
                    exact += 1;
                } else if is_near_miss(index, model, &m.key) {
                    near += 1;
                }
            }
            let strangers = members.len() - exact - near;
            let convincing = exact >= 2 || (exact == 1 && exact + near >= strangers);
            if convincing && best.is_none_or(|(b, _)| exact + near > b) {
                best = Some((exact + near, kind));
            }
        }
        best.map(|(_, kind)| kind)
    }
}

/// How alike a key and a field name must be (Jaro-Winkler) for the key to
/// count as a misspelling of the field when telling document kinds apart.
const NEAR_MISS: f64 = 0.85;

/// The most keys remembered per thread before the memory is cleared (a
/// hostile corpus of random keys must not grow it without bound).
const NEAR_MISS_MEMORY: usize = 4096;

/// Whether `key` is a misspelling of a field of the model at `index`.
/// Comparing a key with every field's name is the costliest step of
/// detection, and a corpus repeats the same keys file after file, so each
/// thread remembers the answer for each model and key.
fn is_near_miss(index: usize, model: &crate::schema::Model, key: &str) -> bool {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static SEEN: RefCell<Vec<HashMap<Box<str>, bool>>> = const { RefCell::new(Vec::new()) };
    }
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() <= index {
            seen.resize_with(index + 1, HashMap::new);
        }
        let memory = &mut seen[index];
        if let Some(&near) = memory.get(key) {
            return near;
        }
        let near = model.closest_field(key, NEAR_MISS).is_some();
        if memory.len() >= NEAR_MISS_MEMORY {
            memory.clear();
        }
        memory.insert(Box::from(key), near);
        near
    })
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
        assert_eq!(
            detect(r#"{"data": "SCT1"}"#),
            Some(DocumentKind::TicketResponse)
        );
        assert_eq!(
            detect(r#"{"data": null}"#),
            Some(DocumentKind::TicketResponse)
        );
        assert_eq!(detect(r#"{"data": "SCT1", "name": "x"}"#), None);
        // Misspelled keys are evidence beside an exact field; strangers
        // are not.
        assert_eq!(
            detect(r#"{"timeout": 30, "sucess_rate": 100, "user": "root"}"#),
            Some(DocumentKind::ExecuteParam)
        );
        assert_eq!(
            detect(r#"{"status": "X", "foo": 1}"#),
            Some(DocumentKind::Ticket)
        );
        assert_eq!(detect(r#"{"job_id": "SCT1", "state": "done"}"#), None);
        assert_eq!(detect(r#"{"status": "X", "foo": 1, "bar": 2}"#), None);
        // A CreateScript body shares a key with a ticket and one with
        // execution parameters, but is neither.
        let create_script = r#"{"content": "echo ${value}", "description": "d", "name": "n",
            "properties": {"risk_level": "HIGH", "version": "1.0.0"},
            "script_params": [{"param_name": "a", "param_value": "s", "sensitive": true}],
            "type": "SHELL"}"#;
        assert_eq!(detect(create_script), None);
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
