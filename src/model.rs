//! Typed serde models of the COC script-ticket documents, for callers that
//! hold a value rather than JSON text. Check one with
//! [`Linter::lint_value`](crate::Linter::lint_value).
//!
//! Every field is optional so that a model can hold whatever a file holds;
//! the linter, not the type, says what is missing. Field names, types and
//! the [`Status`] values mirror `rules/schema.toml` and the rule files (a
//! test checks that they agree).

use serde::{Deserialize, Serialize};

/// The status of a script service ticket.
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

/// `{"data": JobScriptOrderInfoModel}`: the response of
/// `GET /v1/job/script/orders/{execute_uuid}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TicketResponse {
    /// The ticket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<JobScriptOrderInfoModel>,
}

/// Basic information about a script service ticket.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobScriptOrderInfoModel {
    /// Execution UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_uuid: Option<String>,
    /// Creation time, epoch milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gmt_created: Option<i64>,
    /// Completion time, epoch milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gmt_finished: Option<i64>,
    /// Duration in milliseconds (see the `execute-costs-mismatch` rule).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_costs: Option<i64>,
    /// Creator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// Status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Script, parameters and batch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub properties: Option<JobScriptOrderInfoProp>,
}

/// Attributes of a ticket.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobScriptOrderInfoProp {
    /// Script UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_uuid: Option<String>,
    /// Script name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_name: Option<String>,
    /// Script version UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_version_uuid: Option<i64>,
    /// Script version name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_version_name: Option<String>,
    /// Index of the current batch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_execute_batch_index: Option<i32>,
    /// Execution parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_param: Option<ScriptExecuteParam>,
    /// Script source, as in the official example (`CUSTOM_SCRIPT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_source: Option<String>,
}

/// Saved execution parameters: how a script runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScriptExecuteParam {
    /// Timeout in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<i64>,
    /// Success rate threshold in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success_rate: Option<f64>,
    /// User who executes the script.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_user: Option<String>,
    /// Script input parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_params: Option<Vec<ScriptExecuteInputParam>>,
}

/// One script input parameter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScriptExecuteInputParam {
    /// Name, unique within the script.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_name: Option<String>,
    /// Value; may be empty when `param_refer` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_value: Option<String>,
    /// Reference to a stored parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_refer: Option<ScriptExecuteParamReference>,
}

/// A reference to a PARAM_STORE entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScriptExecuteParamReference {
    /// Reference type: `PARAM_STORE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refer_type: Option<String>,
    /// ID of the referenced parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_id: Option<String>,
    /// Version of the referenced parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_version: Option<String>,
}

/// The ExecuteScript request body (`POST /v1/job/scripts/{script_uuid}`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScriptExecuteModel {
    /// Execution parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_param: Option<ScriptExecuteParam>,
    /// Target instances in batches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execute_batches: Option<Vec<ExecuteInstancesBatchInfo>>,
}

/// One batch of target instances.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteInstancesBatchInfo {
    /// Batch index, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch_index: Option<i32>,
    /// Hosts of the batch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_instances: Option<Vec<ExecuteResourceInstance>>,
    /// `CONTINUE` or `PAUSE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rotation_strategy: Option<String>,
}

/// A host to execute the script on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteResourceInstance {
    /// ECS server ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// Region of the server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// Provider (ECS when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Type (`CLOUDSERVER` when absent).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// Up to five custom attributes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_attributes: Option<Vec<CustomAttribute>>,
}

/// A custom attribute of an execution (`Customttribute` in the API).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomAttribute {
    /// Key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
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

    #[test]
    fn model_fields_exist_in_the_schema() {
        let schema = crate::schema::builtin();
        let full = ScriptExecuteModel {
            execute_param: Some(ScriptExecuteParam {
                timeout: Some(1),
                success_rate: Some(1.0),
                execute_user: Some("x".into()),
                script_params: Some(vec![ScriptExecuteInputParam {
                    param_name: Some("a".into()),
                    param_value: Some("b".into()),
                    param_refer: Some(ScriptExecuteParamReference {
                        refer_type: Some("x".into()),
                        param_id: Some("x".into()),
                        param_version: Some("x".into()),
                    }),
                }]),
            }),
            execute_batches: Some(vec![ExecuteInstancesBatchInfo {
                batch_index: Some(1),
                rotation_strategy: Some("PAUSE".into()),
                target_instances: Some(vec![ExecuteResourceInstance {
                    resource_id: Some("r".into()),
                    region_id: Some("r".into()),
                    provider: Some("ECS".into()),
                    instance_type: Some("CLOUDSERVER".into()),
                    custom_attributes: Some(vec![CustomAttribute {
                        key: Some("k".into()),
                        value: Some("v".into()),
                    }]),
                }]),
            }]),
        };
        let report = crate::Linter::new().lint_value("full", &full);
        assert!(
            report.diagnostics.iter().all(|d| d.name != "unknown-field"),
            "{:#?}",
            report.diagnostics
        );
        assert!(schema.model("ScriptExecuteModel").is_some());
    }
}
