//! `--format sarif`: one SARIF 2.1.0 log, the format GitHub code scanning,
//! Azure DevOps and many IDEs import.
//!
//! The tool's driver lists every rule of the rule set it is given (id,
//! name, short and full description, the manual as help, a `helpUri` when
//! the package names its repository, and its level in that set as its
//! default configuration), then any other rule that fired (a policy's team
//! rule: id and name). Each result names its rule by id and index, has
//! a level (`error`, `warning`, `note`), the message, a physical location
//! whose region gives lines and columns (`columnKind` is
//! `unicodeCodePoints`: columns count characters, as everywhere in
//! coc-lint) and the byte offset and length, the JSON pointer as a logical
//! location, and its labels as related locations. NDJSON documents are
//! located by their line in the stream, the pointer being within that
//! line's document.
//!
//! Results are written as they arrive (the log is one JSON document, so
//! memory does not grow with them), and the tool after them (JSON objects
//! are unordered), so that it can name every rule that fired; all through
//! [`super::write_json`]. Messages never quote a secret. Paths become URI references: relative paths stay
//! relative (to where coc-lint ran), absolute ones become `file://` URIs,
//! and anything but unreserved characters and `/` is percent-encoded.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

use super::{Reporter, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileReport;
use crate::rules::RuleSet;

/// The schema a SARIF 2.1.0 log names.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes one SARIF log.
#[derive(Debug)]
pub struct SarifReporter {
    rules: Arc<RuleSet>,
    /// Rule code to its index in the driver's `rules`.
    index: HashMap<String, usize>,
    /// Rules that fired but are not in `rules`: code and name, in the
    /// order they were met (indexed after `rules`).
    others: Vec<(String, String)>,
    started: bool,
    any: bool,
}

impl SarifReporter {
    /// A reporter for a run of `rules` (the driver lists them all).
    pub fn new(rules: Arc<RuleSet>) -> Self {
        let index = rules
            .rules()
            .iter()
            .enumerate()
            .map(|(i, r)| (r.code().to_owned(), i))
            .collect();
        SarifReporter {
            rules,
            index,
            others: Vec::new(),
            started: false,
            any: false,
        }
    }

    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        write!(
            out,
            "{{\"$schema\":\"{SCHEMA_URI}\",\"version\":\"2.1.0\",\"runs\":[{{\"columnKind\":\"unicodeCodePoints\",\"results\":["
        )
    }

    /// The driver: the rule set's rules, then the others that fired.
    fn tool(&self) -> Tool<'_> {
        let mut rules: Vec<ReportingDescriptor<'_>> = self
            .rules
            .rules()
            .iter()
            .map(|r| ReportingDescriptor {
                id: r.code(),
                name: r.name(),
                short_description: Some(Text {
                    text: r.summary().to_owned(),
                }),
                full_description: Some(Text { text: r.one_line() }),
                help: Some(Help {
                    text: match r.help() {
                        Some(help) => format!("{}. Fix: {help}.", r.one_line()),
                        None => format!("{}.", r.one_line()),
                    },
                    markdown: r.doc(),
                }),
                // Only built-in rules have a manual in the repository.
                help_uri: r.id().and_then(|_| super::rule_doc_uri(r.name())),
                default_configuration: Some(Configuration {
                    level: level(r.severity()),
                    enabled: (!r.is_enabled()).then_some(false),
                }),
            })
            .collect();
        rules.extend(self.others.iter().map(|(code, name)| ReportingDescriptor {
            id: code,
            name,
            short_description: None,
            full_description: None,
            help: None,
            help_uri: None,
            default_configuration: None,
        }));
        Tool {
            driver: Driver {
                name: "coc-lint",
                version: env!("CARGO_PKG_VERSION"),
                information_uri: super::information_uri(),
                rules,
            },
        }
    }

    /// The index of `d`'s rule in the driver, adding it when it is not in
    /// the rule set.
    fn rule_index(&mut self, d: &Diagnostic) -> usize {
        if let Some(&i) = self.index.get(d.code.as_ref()) {
            return i;
        }
        let i = self.rules.rules().len() + self.others.len();
        self.others.push((d.code.to_string(), d.name.to_string()));
        self.index.insert(d.code.to_string(), i);
        i
    }
}

/// SARIF's level for a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Unreserved characters (RFC 3986) and `/` stay as they are.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// `path` as a SARIF `artifactLocation.uri`: a relative reference for a
/// relative path, a `file://` URI for an absolute one, percent-encoded.
///
/// ```
/// use coc_lint::report::sarif::uri;
/// assert_eq!(uri("fixtures/a b#1.json"), "fixtures/a%20b%231.json");
/// assert_eq!(uri("/tmp/张.json"), "file:///tmp/%E5%BC%A0.json");
/// assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
/// ```
pub fn uri(path: &str) -> String {
    let encoded = utf8_percent_encode(path, PATH).to_string();
    if path.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<ReportingDescriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Help>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_configuration: Option<Configuration>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    enabled: Option<bool>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message<'a>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    /// The diagnostic's fix (`--fix`), as SARIF's proposed replacements;
    /// its applicability (`safe` or `unsafe`) in the property bag.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Message<'a>,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    applicability: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation<'a>,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: InsertedContent<'a>,
}

#[derive(Serialize)]
struct InsertedContent<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Message<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    logical_locations: Option<[LogicalLocation<'a>; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    fully_qualified_name: &'a str,
    kind: &'static str,
}

impl Reporter for SarifReporter {
    fn file(
        &mut self,
        out: &mut dyn Write,
        report: &FileReport,
        _source: Option<&[u8]>,
    ) -> io::Result<()> {
        self.start(out)?;
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        let uri = uri(&report.path);
        for d in &report.diagnostics {
            if self.any {
                out.write_all(b",")?;
            }
            self.any = true;
            let rule_index = self.rule_index(d);
            super::write_json(out, &result(&uri, d, rule_index))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        self.start(out)?;
        out.write_all(b"],\"tool\":")?;
        super::write_json(out, &self.tool())?;
        out.write_all(b"}]}\n")?;
        out.flush()
    }
}

/// The SARIF result of `d`, found in the file at `uri`.
fn result<'a>(uri: &'a str, d: &'a Diagnostic, rule_index: usize) -> SarifResult<'a> {
    // Lines and columns are 1-based in SARIF; a diagnostic placed
    // nowhere (never the case today) is put at the file's start rather
    // than written as an invalid 0.
    let start_line = d.start.line.max(1);
    let end_line = d.end.line.max(start_line);
    let region = Region {
        start_line,
        start_column: d.start.column.max(1),
        end_line: Some(end_line),
        end_column: Some(d.end.column.max(1)),
        byte_offset: d.span.offset,
        byte_length: d.span.length,
    };
    let related_locations = d
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| Location {
            id: Some(i + 1),
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri },
                region: Region {
                    start_line: l.start.line.max(1),
                    start_column: l.start.column.max(1),
                    end_line: None,
                    end_column: None,
                    byte_offset: l.span.offset,
                    byte_length: l.span.length,
                },
            },
            logical_locations: None,
            message: Some(Message { text: &l.message }),
        })
        .collect();
    SarifResult {
        rule_id: &d.code,
        rule_index,
        level: level(d.severity),
        message: Message { text: &d.message },
        locations: [Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri },
                region,
            },
            logical_locations: Some([LogicalLocation {
                fully_qualified_name: &d.pointer,
                kind: "value",
            }]),
            message: None,
        }],
        related_locations,
        fixes: d
            .fix
            .iter()
            .map(|f| SarifFix {
                description: Message { text: &f.message },
                artifact_changes: [ArtifactChange {
                    artifact_location: ArtifactLocation { uri },
                    replacements: f
                        .edits
                        .iter()
                        .map(|e| Replacement {
                            deleted_region: Region {
                                start_line: e.start.line.max(1),
                                start_column: e.start.column.max(1),
                                end_line: Some(e.end.line.max(e.start.line.max(1))),
                                end_column: Some(e.end.column.max(1)),
                                byte_offset: e.span.offset,
                                byte_length: e.span.length,
                            },
                            inserted_content: InsertedContent { text: &e.content },
                        })
                        .collect(),
                }],
                properties: FixProperties {
                    applicability: f.applicability.as_str(),
                },
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Linter;

    fn log(files: &[(&str, &str)]) -> serde_json::Value {
        let linter = Linter::new();
        let mut out = Vec::new();
        let mut reporter = SarifReporter::new(linter.rules().clone());
        for (name, text) in files {
            let report = linter.lint_source(name, text);
            reporter.file(&mut out, &report, None).unwrap();
        }
        reporter.finish(&mut out, &Summary::default()).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn results_point_at_their_rule() {
        let value = log(&[(
            "a b.json",
            "{\"timeout\": 1, \"success_rate\": 100, \"execute_user\": \"é\"}",
        )]);
        let run = &value["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), RuleSet::builtin().rules().len());
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 2);
        for result in results {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
            let location = &result["locations"][0];
            assert_eq!(
                location["physicalLocation"]["artifactLocation"]["uri"],
                "a%20b.json"
            );
        }
        let user = &results[1]["locations"][0];
        assert_eq!(
            user["logicalLocations"][0]["fullyQualifiedName"],
            "/execute_user"
        );
        let region = &user["physicalLocation"]["region"];
        // `"é"` is 3 characters and 4 bytes.
        assert_eq!(
            region["endColumn"].as_u64().unwrap() - region["startColumn"].as_u64().unwrap(),
            3
        );
        assert_eq!(region["byteLength"], 4);
    }

    #[test]
    fn an_empty_run_is_a_valid_log() {
        let value = log(&[]);
        assert_eq!(value["version"], "2.1.0");
        assert_eq!(value["runs"][0]["results"], serde_json::json!([]));
    }

    #[test]
    fn labels_are_related_locations() {
        let value = log(&[("d.json", "{\"timeout\": 300, \"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\"}")]);
        let result = &value["runs"][0]["results"][0];
        assert_eq!(result["ruleId"], "COC002");
        let related = result["relatedLocations"].as_array().unwrap();
        assert!(!related.is_empty());
        assert!(related[0]["message"]["text"].as_str().is_some());
    }

    #[test]
    fn a_rule_outside_the_set_is_named_by_the_driver() {
        let linter = Linter::new();
        let text = "{\"timeout\": 1, \"success_rate\": 100, \"execute_user\": \"root\"}";
        let mut report = linter.lint_source("a.json", text);
        report.diagnostics[0].code = "TEAM001".into();
        report.diagnostics[0].name = "our-own-rule".into();
        let mut out = Vec::new();
        let mut reporter = SarifReporter::new(linter.rules().clone());
        reporter.file(&mut out, &report, None).unwrap();
        reporter.file(&mut out, &report, None).unwrap();
        reporter.finish(&mut out, &Summary::default()).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let rules = value["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), linter.rules().rules().len() + 1);
        assert_eq!(rules.last().unwrap()["id"], "TEAM001");
        assert_eq!(rules.last().unwrap()["name"], "our-own-rule");
        for result in value["runs"][0]["results"].as_array().unwrap() {
            assert_eq!(result["ruleIndex"], rules.len() - 1);
        }
    }
}
