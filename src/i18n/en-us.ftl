# coc-lint's messages in English (en-us): the default, and the fallback of
# every other language. Each id is used by the code; `src/i18n/tests.rs`
# checks that every language has every id with the same placeholders.
# Field names, rule codes and names, model names and input values are
# arguments: they are never translated.

## What a constraint allows (src/rules/check.rs)

range-between = between { $min } and { $max } inclusive
range-greater-than = greater than { $min }
range-at-least = at least { $min }
range-less-than = less than { $max }
range-at-most = at most { $max }
range-greater-than-less-than = greater than { $min } and less than { $max }
range-greater-than-at-most = greater than { $min } and at most { $max }
range-at-least-less-than = at least { $min } and less than { $max }
range-any = any number
length-exactly = exactly { $min } { $min ->
    [one] character
   *[other] characters
} long
length-between = { $min } to { $max } { $max ->
    [one] character
   *[other] characters
} long
length-at-least = at least { $min } { $min ->
    [one] character
   *[other] characters
} long
length-at-most = at most { $max } { $max ->
    [one] character
   *[other] characters
} long
length-any = any number of characters long
items-exactly = exactly { $min } { $min ->
    [one] item
   *[other] items
}
items-between = { $min } to { $max } { $max ->
    [one] item
   *[other] items
}
items-at-least = at least { $min } { $min ->
    [one] item
   *[other] items
}
items-at-most = at most { $max } { $max ->
    [one] item
   *[other] items
}
items-any = any number of items
allowed-value = `{ $value }`
allowed-one-of = one of { $values }
allowed-charset = made only of { $chars }
allowed-forbid = free of { $what }
chars-of-class = the characters `{ $class }`
matches-of-pattern = matches of `{ $pattern }`
allowed-pattern = matching the pattern `{ $pattern }`
allowed-anything-but = anything but `{ $value }`
allowed-none-of = none of { $values }
allowed-object-with = an object with { $keys }
allowed-object-without = an object without { $keys }
allowed-unique-field = a list whose items each have a different `{ $field }`
allowed-unique = a list of different items
allowed-decimals = written with at most { $n } { $n ->
    [one] decimal place
   *[other] decimal places
}

## What a value is, when it may be a secret and is not quoted

shown-a-number = a number
shown-not-allowed = not allowed
shown-a-value-not-allowed = a value that is not allowed
shown-a-value-not-matching = a value that does not match

## Data rules (src/rules/check.rs)

value-is = `{ $field }` is { $value }, but it must be { $allowed }
length-empty = `{ $field }` is empty, but it must be { $allowed }
length-too-long = `{ $field }` is too long, but it must be { $allowed }
length-too-short = `{ $field }` is too short, but it must be { $allowed }
length-is = `{ $field }` is { $n } { $n ->
    [one] character
   *[other] characters
} long, but it must be { $allowed }
items-is = `{ $field }` has { $n } { $n ->
    [one] item
   *[other] items
}, but it must have { $allowed }
help-case-sensitive = did you mean `{ $value }`? Values are case-sensitive
char-code-point-hidden = { $code } (a character that is not allowed)
charset-violation = `{ $field }` has { $what } at character { $at }, but it may only contain { $chars }
forbid-violation = `{ $field }` contains { $what } at character { $at }, which is not allowed
decimals-violation = `{ $field }` is { $value }, which has { $places } decimal places, but it must be { $allowed }

## Values as messages show them (src/rules/types.rs)

value-hidden = { $kind ->
    [array] an array
    [object] an object
   *[other] a { $kind }
}
value-null = null
value-boolean = the boolean { $value }
value-number = the number { $value }
value-string = the string { $value }
value-array = an array
value-object = an object
shown-numeric-string = a string that holds a number

## JSON types as the schema gives them (src/schema.rs)

type-string = a string
type-integer = an integer (32-bit)
type-long = an integer (64-bit)
type-double = a number
type-boolean = a boolean
type-object = an object ({ $model })
type-array = an array

## Type rules (src/rules/types.rs)

wrong-type = `{ $field }` is { $value }, but it must be { $expected }
number-as-string = `{ $field }` is { $value }, but it must be { $expected }; the server coerces it
number-overflow-double = `{ $field }` is { $value }, which is too large for a double-precision number
number-overflow-integer = `{ $field }` is { $value }, which does not fit in a { $bits }-bit integer
not-an-integer = `{ $field }` is { $value }, but it must be an integer
float-for-integer = `{ $field }` is { $value }, an integer written as a decimal number

## Field rules (src/rules/fields.rs)

unknown-field = `{ $key }` is not a field of { $model }
help-did-you-mean = did you mean `{ $name }`?
help-fields-are = the fields of { $model } are { $names }
discarded-field = `{ $key }` of { $model } has been discarded by the API and has no effect
missing-required-field = { $model } lacks the required field `{ $field }`
help-add-field = add `"{ $field }"`: { $doc }

## `coc-lint rules` (src/rules/mod.rs)

rule-one-line = { $summary } (`{ $fields }` must be { $allowed })

## Code rules (src/rules/*.rs)

label-first-used-here = first used here
label-first-defined-here = first defined here
label-created-here = created here
label-status-set-here = status set here
duplicate-batch-index = the batch index { $index } is used by more than one batch
duplicate-batch-index-hidden = the batch index is used by more than one batch
duplicate-key = the key `{ $key }` appears more than once in this object
duplicate-param-name = the parameter name `{ $name }` is used more than once in `script_params`
duplicate-param-name-hidden = the parameter name is used more than once in `script_params`
execute-costs-mismatch = `execute_costs` is { $costs }, but `gmt_finished - gmt_created` is { $elapsed } ms (a difference of more than { $tolerance } ms)
execute-costs-mismatch-hidden = `execute_costs` disagrees with `gmt_finished - gmt_created` by more than { $tolerance } ms
help-execute-costs-seconds = this is the duration in seconds; the documentation says seconds, but every published example reports milliseconds
help-execute-costs-same-ticket = check that the three values come from the same ticket
finished-before-created = `gmt_finished` ({ $finished }) is { $ms } ms before `gmt_created` ({ $created }): a ticket cannot finish before it is created
finished-before-created-hidden = `gmt_finished` is before `gmt_created`: a ticket cannot finish before it is created
shown-smaller-than-that = smaller than that
list-total-too-small = `total` is { $total }, but this page alone lists { $listed } tickets
shown-finished = finished
missing-finish-time = the ticket's status is { $status }, but it has no `gmt_finished`
shown-not-finished = not finished
unexpected-finish-time = the ticket's status is { $status }, but it has a `gmt_finished`
shown-name-hidden = (not shown)
param-value-missing = the parameter `{ $name }` has no `param_value` and no `param_refer`
param-value-empty = the parameter `{ $name }` has an empty `param_value` and no `param_refer`
param-value-null = the parameter `{ $name }` has a null `param_value` and no `param_refer`
shown-not-shown = not shown
shown-another = another
provider-mismatch = this instance's provider is { $provider }, but the first instance's is { $expected }; all instances of one execution must have the same provider
provider-mismatch-default = this instance's provider is { $provider }, but the first instance's is { $expected }; all instances of one execution must have the same provider (no `provider`: { $default } by default)
label-first-instance-uses = the first instance uses { $expected }
too-many-target-instances = the batches target { $total } instances in all, but one execution may target at most { $max }

## JSON syntax (src/load/parser.rs)

syntax-empty = the file is empty: expected a JSON value
syntax-only-whitespace = the file holds only whitespace: expected a JSON value
syntax-only-whitespace-comments = the file holds only whitespace and comments: expected a JSON value
help-one-json-object = a ticket file holds one JSON object, e.g. `{"{"}"timeout": 300, ...{"}"}`
syntax-trailing-content = unexpected content after the JSON value
help-one-json-value = a file holds exactly one JSON value; for one document per line use NDJSON (`.ndjson`, `--ndjson`)
syntax-expected = expected { $expected }, found { $found }
found-end = the end of the file
found-code-point = character { $code }
found-char = `{ $char }`
found-not-allowed = a character that is not allowed here
found-word = `{ $word }`
found-unquoted-word = an unquoted word of { $n } characters
found-an-unquoted-word = an unquoted word
expected-json-value = a JSON value
expected-key = a key in double quotes
expected-colon = `:` after the key
expected-comma-or-brace = `,` or `{"}"}`
expected-comma-or-bracket = `,` or `]`
expected-digit = a digit
expected-digit-after-point = a digit after the decimal point
expected-digit-in-exponent = a digit in the exponent
expected-escape-character = an escape character after `\`
help-comments-refused = comments are not allowed in JSON, and the API refuses them; to accept them in saved files, set `allow-comments = true` in coc-lint.toml or pass `--allow-comments`
help-comment-syntax = a comment starts with `//` or `/*`
syntax-unterminated-comment = this comment is never closed
help-close-comment = add the closing `*/`; the file may be truncated
help-double-quotes = JSON strings and keys use double quotes
help-truncated = the file ends too early: is it truncated?
help-json-numbers = JSON numbers are written like `-12`, `0.5` or `1e3`; NaN, Infinity, `+1` and `.5` are not JSON
help-trailing-comma-object = remove the trailing comma: JSON does not allow one before `{"}"}` (`allow-comments = true` accepts it)
help-trailing-comma-array = remove the trailing comma: JSON does not allow one before `]` (`allow-comments = true` accepts it)
help-nan = JSON numbers are written like `-12`, `0.5` or `1e3`; NaN and Infinity are not JSON
help-lower-case-literals = JSON literals are lower-case `true`, `false` and `null`
help-bare-words = the only bare words in JSON are `true`, `false` and `null`; text goes in double quotes
syntax-leading-zeros = numbers must not have leading zeros
help-leading-zeros = write `7`, not `07`; an identifier with leading zeros goes in a string
syntax-invalid-escape = invalid escape `\{ $escape }` in a string
syntax-invalid-escape-hidden = invalid escape in a string
help-escapes = JSON escapes are \" \\ \/ \b \f \n \r \t and \uXXXX; write a backslash as `\\`
syntax-short-unicode-escape = a `\u` escape needs four hexadecimal digits
syntax-lone-surrogate = a `\u` escape encodes a lone UTF-16 surrogate, which is not a character
help-surrogate-pair = a character above U+FFFF is written as a surrogate pair, e.g. `\ud83d\ude00`
syntax-line-break-in-string = a line break inside a string is not allowed in JSON
syntax-tab-in-string = a tab inside a string is not allowed in JSON
syntax-nul-in-string = a NUL byte inside a string is not allowed in JSON
syntax-control-in-string = control character { $code } inside a string is not allowed in JSON
syntax-control-in-string-hidden = a control character inside a string is not allowed in JSON
help-escape-control = escape it (`\n`, `\t`, `\u0000`...) or check that the string is closed
syntax-unterminated-string = this string is never closed
help-close-string = add the closing `"`; the file may be truncated

## Encodings (src/load/mod.rs)

encoding-foreign-bom = the file is { $name } (it starts with a { $name } byte order mark), not UTF-8
encoding-utf16-without-bom = the file looks like { $name } text without a byte order mark, not UTF-8
encoding-invalid-utf8 = invalid UTF-8 at byte { $offset }: { $bytes } { $n ->
    [one] is
   *[other] are
} not a valid character
encoding-invalid-utf8-hidden = invalid UTF-8 at byte { $offset }, inside a value that may be a secret (the bytes are not shown)

## Reading files (src/io.rs, src/lint.rs, src/ndjson.rs)

io-directory = { $name } is a directory
io-not-regular = { $name } is not a regular file (a FIFO, socket or device); skipped
io-cannot-read = cannot read { $name }: { $error }
io-not-found = no such file or directory
io-permission-denied = permission denied (check the file's read permission)
io-file-too-large = { $name } is { $size } bytes, more than the limit of { $limit } bytes
io-file-grew-too-large = { $name } is more than the limit of { $limit } bytes
io-cannot-read-stream = cannot read { $name } after line { $line }: { $error }
io-line-too-long = line { $line } of { $name } is longer than the limit of { $limit } bytes

## Documents (src/lint.rs, src/value.rs)

nesting-too-deep = arrays and objects are nested more than { $limit } levels deep here
unknown-kind-object = this object
unknown-kind-value = this { $kind }
unknown-document-kind = { $what } is none of the documents coc-lint checks; expected one of: { $kinds }
kind-title = { $title } ({ $name })
document-not-object = the document is { $value }, but a { $kind } document must be an object
value-not-serialisable = the value could not be serialised as JSON: { $error }
non-finite-range = `{ $field }` is { $what }, not a number { $allowed }; JSON cannot hold it, so the text has `null` here
non-finite = `{ $field }` is { $what }, not a number; JSON cannot hold it, so the text has `null` here
the-document = the document

## `coc-lint explain` (src/cli/explain.rs)

explain-severity = Default severity: { $severity }
explain-summary = { $summary }.
explain-fix = Fix: { $help }.

## The human report's summary line (src/report/human.rs)

summary-files = { $n } { $n ->
    [one] file
   *[other] files
}
summary-errors = { $n } { $n ->
    [one] error
   *[other] errors
}
summary-warnings = { $n } { $n ->
    [one] warning
   *[other] warnings
}
summary-infos = { $n } { $n ->
    [one] info
   *[other] infos
}
summary-none = No problems found in { $files }.
summary-found = Found { $errors }, { $warnings } in { $files }.
summary-found-infos = Found { $errors }, { $warnings }, { $infos } in { $files }.

## Configuration (src/policy/report.rs)

unused-ignore = the ignore of `{ $rule }` matched no diagnostic in this run
unused-ignore-glob = the ignore of `{ $rule }` for `{ $glob }` matched no diagnostic in this run

## `coc-lint rules --ignored` (src/cli/explain.rs)

rules-none-ignored = No rule is ignored here.
rules-no-reason = (no reason given)
explain-team-rule = Team rule, defined in { $path }:{ $line }

## plaintext-secret (src/rules/plaintext_secret.rs)

shown-unnamed = (unnamed)
secret-pattern = the value of the parameter { $name } looks like { $what }, written in plain text
secret-name = the parameter { $name } is named like a credential (`{ $entry }`), and its value is written in plain text
secret-entropy = the value of the parameter { $name } looks like a generated secret (a long random string), written in plain text

## Configuration faults, `invalid-config` (src/policy/config.rs, src/policy/mod.rs)

config-toml = { $error }
config-text = { $text }
config-unknown-key = `{ $key }` is not a configuration key
help-config-keys-are = the keys are { $keys }
config-in-table = [{ $table }] { $error }
config-bad-severity = `{ $value }` is no severity; write `error`, `warning`, `info` or `off`
config-bad-glob = `{ $glob }` is not a valid glob: { $error }
config-bad-unknown-files = `unknown-files` is `skip` or `report`, not `{ $value }`
config-bad-lang = `{ $value }` is no language; write `en-us` or `zh-cn`
config-secret-name = a secret name needs a letter or a digit
config-no-preset = `{ $name }` is no preset
help-config-presets = the presets are { $presets }; a file is named by its path (`./team.toml`)
config-extends-cycle = `extends` makes a cycle: { $cycle }
config-ignore-shape = an ignore is a rule (`"COC206"`) or a table `{"{"} rule = "COC206", reason = "..." {"}"}`
config-ignore-not-string = `{ $key }` of an ignore must be a string
config-ignore-unknown-key = an ignore has no key `{ $key }`; it takes `rule` and `reason`
config-pattern-classes = `classes` is an integer from 0 to 4
config-pattern-not-string = `{ $key }` of a pattern must be a string
config-pattern-unknown-key = a pattern has no key `{ $key }`; it takes `what`, `regex` and `classes`
config-pattern-no-regex = a pattern table needs a `regex`
config-pattern-shape = a pattern is a regex (`'^hvs\.'`) or a table `{"{"} what = "a Vault token", regex = '^hvs\.' {"}"}`
config-pattern-bad-regex = `{ $regex }` is not a valid regex: { $error }
help-config-regex-syntax = patterns use the syntax of the Rust `regex` crate (no look-around or backreferences)
io-system = { $error }

## Rule selectors and parameters (src/rules/mod.rs)

ruleset-unknown-rule = no rule has the code or name `{ $rule }`
ruleset-unknown-rule-suggest = no rule has the code or name `{ $rule }`; did you mean `{ $suggestion }`?
ruleset-no-params = rule `{ $rule }` takes no parameters (given `{ $key }`)
ruleset-unknown-param = rule `{ $rule }` has no parameter `{ $key }`; it takes `{ $known }`
ruleset-param-type = parameter `{ $key }` of rule `{ $rule }` must be { $expected }

## Labels of the reports (src/report/snippet.rs, src/cli/explain.rs)

label-help = help

## `--fix`, `--diff` and the directory walk (src/cli/fix.rs, src/cli/check.rs)

fix-would-fix = Would fix { $n } { $n ->
    [one] problem
   *[other] problems
}, { $remaining } remaining.
fix-fixed = Fixed { $n } { $n ->
    [one] problem
   *[other] problems
}, { $remaining } remaining.
fix-fixable = [*] { $n } { $n ->
    [one] problem
   *[other] problems
} fixable with `--fix`.
fix-more-unsafe = { $n } more fixable with `--unsafe-fixes`.
note-skipped-unknown = note: skipped { $n } JSON { $n ->
    [one] file that is no COC document (`unknown-files = "report"` in coc-lint.toml lints it)
   *[other] files that are no COC document (`unknown-files = "report"` in coc-lint.toml lints them)
}

## `coc-lint init` (src/cli/init.rs)

init-wrote = Wrote { $path }: edit it, then `coc-lint check` applies it.
init-exists = { $path } already exists; it was left as it is (remove it to start over)
init-cannot-write = cannot write { $path }: { $error }

## Fix titles (src/rules/duplicate_key.rs, src/rules/fields.rs, src/rules/types.rs, src/lint.rs)

fix-remove-first = remove the first `{ $key }`, keeping the last
fix-rename = rename `{ $key }` to `{ $name }`
fix-remove = remove `{ $key }`
fix-unquote = write { $value } without quotes
fix-write = write { $value }

## Baselines (src/cli/ci.rs, src/cli/baseline.rs)

baseline-wrote = Wrote { $findings } { $findings ->
    [one] finding
   *[other] findings
} ({ $entries } { $entries ->
    [one] entry
   *[other] entries
}) to { $file }.
baseline-note = { $n } { $n ->
    [one] finding
   *[other] findings
} in the baseline not reported.
baseline-note-fixed = { $n } { $n ->
    [one] finding
   *[other] findings
} in the baseline not reported; { $fixed } { $fixed ->
    [one] finding
   *[other] findings
} of the baseline fixed (listed on standard error).
baseline-fixed-heading = note: fixed since the baseline { $name } was written (run --write-baseline to drop them):

## Team rule definitions, `invalid-config` (src/rules/team.rs)

team-toml-string = a string
team-toml-integer = an integer
team-toml-float = a float
team-toml-boolean = a boolean
team-toml-array = an array
team-toml-table = a table
team-param-number = a number
team-param-count = a non-negative integer
team-param-strings = a list of strings
team-list = { $rest } and { $last }
team-what-rule = a rule
team-what-check = `check`
team-what-kind-check = a `{ $kind }` check
team-what-condition = a `when` condition
team-no-language = `{ $lang }` is no language; a `{ $key }` table takes `en-us` and `zh-cn`
team-texts-need-en = a `{ $key }` table needs `en-us`, the English text, used where a language is missing
team-not-table = { $what } must be a table, not { $type }
team-takes = { $what } takes { $keys }
team-no-key = { $what } has no key `{ $key }`
team-lacks = { $what } lacks `{ $key }`
team-not-string = `{ $key }` must be a string, not { $type }
team-empty = `{ $key }` is empty
team-not-strings = `{ $key }` must be a list of strings, not { $type }
team-bad-severity = `{ $value }` is no severity; write `error`, `warning` or `info`
team-when-shape = `when` is a table (`{"{"} path = "prod/**" {"}"}`, `{"{"} field = "/data/status", equals = "FINISHED" {"}"}`) or a list of them, all of which must hold
team-placeholders-none = none
team-placeholders-differ = the `zh-cn` message uses the placeholders { $zh }, but the `en-us` one uses { $en }
help-team-placeholders-same = every language's message uses the same placeholders
team-builtin-rule-name = the built-in rule `{ $name }`
team-team-rule-name = the team rule `{ $name }` ({ $path }:{ $line })
team-code-taken = `{ $code }` is already the code of { $what }
help-team-code-builtin = codes starting with `COC` belong to built-in rules; give team rules your own prefix, e.g. `{ $free }`
help-team-code-free = `{ $free }` is free
team-code-coc = `{ $code }` starts with `COC`, which is kept for built-in rules
help-team-code-prefix = give team rules your own prefix, e.g. `{ $free }` or `TEAM{ $digits }`
team-bad-code = `{ $code }` is not a rule code: a code is capital letters then digits, such as `X101` or `TEAM101`
help-team-eg = e.g. `{ $example }`
team-builtin-rule-code = the built-in rule { $code }
team-team-rule-code = the team rule { $code } ({ $path }:{ $line })
team-name-taken = `{ $name }` is already the name of { $whose }
help-team-name-own = name it for your team, e.g. `team-{ $name }`
team-bad-name = `{ $name }` is not a rule name: a name is kebab-case, such as `prod-timeout`
team-no-kind = `{ $kind }` is no check kind
help-team-kinds = the kinds are { $kinds }
team-check-needs = a `{ $kind }` check needs `{ $param }` ({ $type })
team-param-type = `{ $param }` of a `{ $kind }` check must be { $want }, not { $type }
team-check-serde = `check`: { $error }
team-min-max = `min` ({ $min }) is greater than `max` ({ $max }): nothing passes
team-bad-class-regex = `class` is not a valid regex: { $error }
team-bad-class = `class` must be one character class, such as `[A-Za-z0-9_]`, not `{ $class }`
team-bad-pattern = `pattern` is not a valid regex: { $error }
team-bad-entry = `{ $entry }` is neither a key nor a JSON pointer (`/a/b`)
team-bad-tilde = `{ $target }` is not a JSON pointer: `~` must be followed by 0 or 1
team-no-model = no model is named `{ $model }`
help-team-models = the models are { $models }
team-no-field = { $model } has no field `{ $field }`
help-team-fields = the fields of { $model } are { $fields }
team-applies-numbers = numbers
team-applies-strings = strings
team-applies-arrays = arrays
team-applies-objects = objects
team-check-applies = a `{ $kind }` check applies to { $what }, but `{ $target }` is { $type }
team-whole-model = a `{ $kind }` check cannot apply to a whole model (`{ $target }`): only `required` and `forbidden` can
help-team-name-field = name one of its fields, e.g. `{ $example }`
team-no-target = `{ $target }` is no target
help-team-targets = write `Model.field` (`ScriptExecuteParam.timeout`), a model (`JobScriptOrderInfoModel`) or a JSON pointer pattern (`/data/properties/execute_param/script_params/*/param_name`)
team-not-scalar = `{ $key }` must be a string, a number or a boolean, not { $type }
team-not-values = `{ $key }` must be a non-empty list of values
team-tests-one-way = a condition tests a field one way; it has { $tests }
help-team-one-test = write one condition per test: `when` takes a list, all of which must hold
team-test-no-field = `{ $test }` tests a field, but the condition names none
help-team-add-field = add `field = "/data/status"` (a JSON pointer)
team-bad-field = `{ $pointer }` is not a JSON pointer (`/data/status`) nor a relative one (`1/status`: up one level, then `/status`)
team-field-star = `{ $pointer }` has a `*`: a condition names one value
help-team-relative = a relative pointer (`1/status`) names the value beside the target
team-present-bool = `present` must be true or false
team-condition-empty = a `when` condition needs `path` (a glob) or `field` (a JSON pointer)
team-stray-close = a `{"}"}` closes no placeholder; write `{"}}"}` for a brace
team-unclosed = a `{"{"}` opens a placeholder that is never closed; write `{"{{"}` for a brace
help-team-brace = write `{"{{"}` for a brace
team-no-placeholder = `{ $name }` is no placeholder; a message may use `{"{"}value{"}"}`, `{"{"}field{"}"}` and `{"{"}constraint{"}"}`

## Team rules' own wording, without a `message` (src/rules/team.rs)

team-value-hidden = a hidden value
team-value-array = { $count ->
    [one] an array of { $count } item
   *[other] an array of { $count } items
}
team-required-lacks = `{ $name }` lacks { $shown }, but it must be { $allowed }
team-required-lacks-inner = `{ $name }` lacks { $shown }; `{ $field }` must be { $allowed }
team-required-not-object = `{ $name }` is { $value }, so it lacks { $shown }; `{ $field }` must be { $allowed }
team-forbidden-has = `{ $field }` has `{ $key }`, but it must be { $allowed }
help-team-remove = remove `{ $key }`
team-unique-item-field = the `{ $key }` { $value } of item { $first }
team-unique-item = item { $first } ({ $value })
team-unique-repeats = item { $repeat } of `{ $field }` repeats { $what }, but `{ $field }` must be { $allowed }
team-first-here = first here

## Baselines, output files, `coc-lint schema` (src/cli/baseline.rs, src/cli/ci.rs, src/cli/schema.rs)

baseline-not-baseline = { $name } is not a coc-lint baseline: { $error }
baseline-bad-version = { $name } is a baseline of version { $version }; this coc-lint reads version { $reads }
output-cannot-create = cannot create { $path }: { $error }
output-cannot-write = cannot write { $path }: { $error }
schema-no-kind = no schema for the kind { $kind }
