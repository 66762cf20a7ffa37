//! Typed serde models of the COC script-ticket documents, for callers that
//! hold a value rather than JSON text. Check one with
//! [`Linter::lint_value`](crate::Linter::lint_value), which lints it as the
//! [`DocumentKind`] its type stands for (the [`Document`] trait).
//!
//! Every field is an `Option`, required or not, so that a model can hold
//! whatever a file holds (a ticket with a missing `timeout`, a request body
//! still being built): the linter, not the type, says what is missing.
//! Fields the API requires say **Required.** at the start of their doc.
//!
//! The models are a typed copy of `rules/schema.toml`, the data the rules
//! check against, and a test keeps the two equal in both directions: every
//! schema model has a struct here (the API's name, or the serde name given
//! with `#[serde(rename)]`), every schema field is a field of it with the
//! Rust type of its JSON type (string → `String`, integer → `i32`, long →
//! `i64`, double → `f64`, boolean → `bool`, array → `Vec`, object → the
//! model's struct), its required-ness is in its doc, and no struct has a
//! field the schema lacks. Fields documented as discarded (they have no
//! effect; coc-lint warns about them) and fields seen only in official
//! examples are here too, so that a model can hold any document the linter
//! accepts.

use serde::{Deserialize, Serialize};

use crate::DocumentKind;

/// A model that is a whole document of one [`DocumentKind`]:
/// [`Linter::lint_value`](crate::Linter::lint_value) lints a value of it as
/// that kind instead of guessing the kind from the value's keys.
///
/// ```
/// use coc_lint::model::{Document, ScriptExecuteParam, TicketListResponse};
/// use coc_lint::DocumentKind;
///
/// assert_eq!(ScriptExecuteParam::KIND, DocumentKind::ExecuteParam);
/// assert_eq!(TicketListResponse::KIND, DocumentKind::TicketList);
/// ```
pub trait Document: Serialize {
    /// The kind of document a value of this type is.
    const KIND: DocumentKind;
}

impl Document for TicketResponse {
    const KIND: DocumentKind = DocumentKind::TicketResponse;
}

impl Document for JobScriptOrderInfoModel {
    const KIND: DocumentKind = DocumentKind::Ticket;
}

impl Document for ScriptExecuteParam {
    const KIND: DocumentKind = DocumentKind::ExecuteParam;
}

impl Document for ScriptExecuteModel {
    const KIND: DocumentKind = DocumentKind::ExecuteScript;
}

impl Document for TicketListResponse {
    const KIND: DocumentKind = DocumentKind::TicketList;
}

/// The status of a script service ticket (a JSON string such as
/// `"FINISHED"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    /// Waiting to run.
    Ready,
    /// Running.
    Processing,
    /// Failed.
    Abnormal,
    /// Paused between batches.
    Paused,
    /// Cancelled.
    Canceled,
    /// Finished.
    Finished,
}

impl Status {
    /// Every status, in documentation order.
    pub const ALL: [Status; 6] = [
        Status::Ready,
        Status::Processing,
        Status::Abnormal,
        Status::Paused,
        Status::Canceled,
        Status::Finished,
    ];
}

// ------------------------------------------------------------------ tickets

/// `{"data": JobScriptOrderInfoModel}`: the response of
/// `GET /v1/job/script/orders/{execute_uuid}` (document kind
/// `ticket-response`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TicketResponse {
    /// **Required.** The ticket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<JobScriptOrderInfoModel>,
}

/// Basic information about a script service ticket (document kind
/// `ticket`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobScriptOrderInfoModel {
    /// Execution UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_uuid: Option<String>,
    /// Creation time, epoch milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gmt_created: Option<i64>,
    /// Completion time, epoch milliseconds; `null` (here `None`) while the
    /// ticket has not finished.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gmt_finished: Option<i64>,
    /// Execution duration: documented in seconds, milliseconds in every
    /// example (see the `execute-costs-mismatch` rule).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_costs: Option<i64>,
    /// Creator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// Execution status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Script, parameters and batch of the ticket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub properties: Option<JobScriptOrderInfoProp>,
}

/// Attributes of a ticket: script ID and name, execution parameters,
/// current batch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobScriptOrderInfoProp {
    /// Script UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_uuid: Option<String>,
    /// Script name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_name: Option<String>,
    /// Script version UUID (a number, unlike the other UUIDs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_version_uuid: Option<i64>,
    /// Script version name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_version_name: Option<String>,
    /// Index of the current execution batch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_execute_batch_index: Option<i32>,
    /// Execution parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_param: Option<ScriptExecuteParam>,
    /// Script source (`CUSTOM_SCRIPT`): in no model of the API, seen only in
    /// the official response example.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_source: Option<String>,
}

// ------------------------------------------------------ execution parameters

/// Saved execution parameters: how a script runs (timeout, success rate,
/// user and input parameters). Document kind `execute-param`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScriptExecuteParam {
    /// Discarded by the API: it has no effect, and coc-lint warns when it is
    /// set (`discarded-field`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resourceful: Option<bool>,
    /// **Required.** Timeout in seconds, greater than 5 and less than 1800
    /// (a 32-bit integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<i32>,
    /// **Required.** Success rate threshold in percent, 1 to 100, with at
    /// most one decimal place. A NaN or infinite value is reported as out
    /// of range (JSON cannot hold it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success_rate: Option<f64>,
    /// **Required.** User who executes the script, 1 to 32 characters
    /// (`root`, as the API asks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_user: Option<String>,
    /// Script input parameters, at most 20.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_params: Option<Vec<ScriptExecuteInputParam>>,
}

/// One script input parameter: a value, or a reference to a PARAM_STORE
/// entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScriptExecuteInputParam {
    /// **Required.** Parameter name, unique within the script.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_name: Option<String>,
    /// Parameter value; may be empty when `param_refer` is set. It may hold
    /// a secret: coc-lint never quotes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_value: Option<String>,
    /// Discarded by the API: it has no effect, and coc-lint warns when it is
    /// set (`discarded-field`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_order: Option<i32>,
    /// Reference to a stored parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_refer: Option<ScriptExecuteParamReference>,
}

/// A reference to a parameter kept in the PARAM_STORE.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScriptExecuteParamReference {
    /// **Required.** Reference type: `PARAM_STORE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refer_type: Option<String>,
    /// **Required.** ID of the referenced parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_id: Option<String>,
    /// Version of the referenced parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_version: Option<String>,
}

// ------------------------------------------------------- ExecuteScript body

/// The ExecuteScript request body
/// (`POST /v1/job/scripts/{script_uuid}`). Document kind `execute-script`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScriptExecuteModel {
    /// **Required.** Execution parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_param: Option<ScriptExecuteParam>,
    /// **Required.** Target instances in batches (at most 20 batches and
    /// 200 hosts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_batches: Option<Vec<ExecuteInstancesBatchInfo>>,
}

/// One batch of target instances.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteInstancesBatchInfo {
    /// **Required.** Batch index, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch_index: Option<i32>,
    /// **Required.** Hosts of the batch, 1 to 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_instances: Option<Vec<ExecuteResourceInstance>>,
    /// **Required.** What happens after the batch: `CONTINUE` or `PAUSE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rotation_strategy: Option<String>,
}

/// A host to execute the script on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteResourceInstance {
    /// **Required.** ECS server ID, 1 to 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// **Required.** Region of the server, 1 to 32 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// Resource provider; `ECS` when absent. The same for every host of one
    /// execution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Resource type (JSON key `type`); `CLOUDSERVER` when absent.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// Up to five user-defined key/value attributes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_attributes: Option<Vec<CustomAttribute>>,
    /// Discarded by the API: it has no effect, and coc-lint warns when it is
    /// set (`discarded-field`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_sn: Option<String>,
    /// Discarded by the API: it has no effect, and coc-lint warns when it is
    /// set (`discarded-field`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Agent status: in no model of the API, seen only in the official
    /// request example.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_status: Option<String>,
}

/// A custom attribute of an execution (the API spells the model
/// `Customttribute`, the serde name of this type).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Customttribute")]
pub struct CustomAttribute {
    /// **Required.** Attribute key, at most 10 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// **Required.** Attribute value, at most 20 characters. It may hold a
    /// secret: coc-lint never quotes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

// ------------------------------------------------------------- ticket list

/// `{"data": {"total": N, "data": [...]}}`: the response of
/// `GET /v1/job/script/orders` (document kind `ticket-list`; the schema
/// calls the model `ListResponse`, the serde name of this type).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "ListResponse")]
pub struct TicketListResponse {
    /// **Required.** One page of tickets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<JobScriptOrderListPage>,
}

/// One page of the ticket list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobScriptOrderListPage {
    /// **Required.** Total number of tickets (of every page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
    /// **Required.** The tickets of this page, at most 100. Paging clients
    /// stop at an empty page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Vec<JobScriptOrderListModel>>,
}

/// One ticket of the list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobScriptOrderListModel {
    /// **Required.** Primary key of the ticket, at least 1; the `marker` of
    /// the next page's request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<i64>,
    /// **Required.** Ticket name, 1 to 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_name: Option<String>,
    /// **Required.** Execution UUID, for the detail API
    /// (`GET /v1/job/script/orders/{execute_uuid}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_uuid: Option<String>,
    /// Creation time, epoch milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gmt_created: Option<i64>,
    /// Completion time, epoch milliseconds; `null` (here `None`) while the
    /// ticket has not finished.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gmt_finished: Option<i64>,
    /// Execution duration: documented in seconds, milliseconds in every
    /// example.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_costs: Option<i64>,
    /// Creator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// Execution status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Labels such as regions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub properties: Option<JobScriptOrderListProp>,
}

/// Labels of a listed ticket.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobScriptOrderListProp {
    /// Region IDs of the instances (possibly several, in one string).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_ids: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Check, RuleSet};

    #[test]
    fn status_values_are_those_of_the_rule() {
        let rules = RuleSet::builtin();
        let rule = rules.get("invalid-status").unwrap();
        let Some(Check::OneOf { values }) = rule.check() else {
            panic!("invalid-status is a one_of rule")
        };
        let ours: Vec<String> = Status::ALL
            .iter()
            .map(|s| {
                serde_json::to_value(s)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(&ours, values);
    }
}
