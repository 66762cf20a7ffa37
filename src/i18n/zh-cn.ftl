# coc-lint 的简体中文（zh-cn）消息。每个 id 都须与 en-us.ftl 一一对应，
# 占位符也须相同（`src/i18n/tests.rs` 检查）。字段名、规则代码与名称、
# 模型名以及输入中的值都作为参数原样给出，不翻译。`TERM($field)` 给出
# 字段在中文官方文档中的名称（如“（超时时长）”），没有时为一个空格。

## 约束允许的取值（src/rules/check.rs）

range-between = 介于 { $min } 与 { $max } 之间（含两端）
range-greater-than = 大于 { $min }
range-at-least = 不小于 { $min }
range-less-than = 小于 { $max }
range-at-most = 不大于 { $max }
range-greater-than-less-than = 大于 { $min } 且小于 { $max }
range-greater-than-at-most = 大于 { $min } 且不大于 { $max }
range-at-least-less-than = 不小于 { $min } 且小于 { $max }
range-any = 任意数字
length-exactly = 正好包含 { $min } 个字符
length-between = 包含 { $min } 到 { $max } 个字符
length-at-least = 至少包含 { $min } 个字符
length-at-most = 至多包含 { $max } 个字符
length-any = 包含任意个字符
items-exactly = 正好包含 { $min } 项
items-between = 包含 { $min } 到 { $max } 项
items-at-least = 至少包含 { $min } 项
items-at-most = 至多包含 { $max } 项
items-any = 包含任意项
allowed-value = 为 `{ $value }`
allowed-one-of = 为以下之一：{ $values }
allowed-charset = 仅由{ $chars }组成
allowed-forbid = 不含{ $what }
chars-of-class = 字符 `{ $class }`
matches-of-pattern = 与 `{ $pattern }` 匹配的内容
allowed-pattern = 与模式 `{ $pattern }` 匹配
allowed-anything-but = 为 `{ $value }` 以外的值
allowed-none-of = 不为以下任何一个：{ $values }
allowed-object-with = 是含有 { $keys } 的对象
allowed-object-without = 是不含 { $keys } 的对象
allowed-unique-field = 是各项的 `{ $field }` 互不相同的列表
allowed-unique = 是各项互不相同的列表
allowed-decimals = 最多保留 { $n } 位小数

## 可能是密钥、因而不引用的值

shown-a-number = 一个数字
shown-not-allowed = 不允许的值
shown-a-value-not-allowed = 一个不允许的值
shown-a-value-not-matching = 一个不匹配的值

## 数据规则（src/rules/check.rs）

value-is = `{ $field }`{ TERM($field) }为 { $value }，但必须{ $allowed }
length-empty = `{ $field }`{ TERM($field) }为空，但必须{ $allowed }
length-too-long = `{ $field }`{ TERM($field) }过长，但必须{ $allowed }
length-too-short = `{ $field }`{ TERM($field) }过短，但必须{ $allowed }
length-is = `{ $field }`{ TERM($field) }长 { $n } 个字符，但必须{ $allowed }
items-is = `{ $field }`{ TERM($field) }包含 { $n } 项，但必须{ $allowed }
help-case-sensitive = 是否想写 `{ $value }`？取值区分大小写
char-code-point-hidden = { $code }（不允许的字符）
charset-violation = `{ $field }`{ TERM($field) }的第 { $at } 个字符是 { $what }，但只能包含{ $chars }
forbid-violation = `{ $field }`{ TERM($field) }的第 { $at } 个字符处含有{ $what }，这是不允许的
decimals-violation = `{ $field }`{ TERM($field) }为 { $value }，有 { $places } 位小数，但必须{ $allowed }

## 消息中值的写法（src/rules/types.rs）

value-hidden = { $kind ->
    [null] 一个 null 值
    [boolean] 一个布尔值
    [number] 一个数字
    [string] 一个字符串
    [array] 一个数组
   *[object] 一个对象
}
value-null = 空值 null
value-boolean = 布尔值 { $value }
value-number = 数字 { $value }
value-string = 字符串 { $value }
value-array = 一个数组
value-object = 一个对象
shown-numeric-string = 一个内容为数字的字符串

## schema 中的 JSON 类型（src/schema.rs）

type-string = 字符串
type-integer = 整数（32 位）
type-long = 整数（64 位）
type-double = 数字
type-boolean = 布尔值
type-object = 对象（{ $model }）
type-array = 数组

## 类型规则（src/rules/types.rs）

wrong-type = `{ $field }`{ TERM($field) }是{ $value }，但必须是{ $expected }
number-as-string = `{ $field }`{ TERM($field) }是{ $value }，但必须是{ $expected }；服务端会对其做类型转换
number-overflow-double = `{ $field }`{ TERM($field) }为 { $value }，超出了双精度浮点数的范围
number-overflow-integer = `{ $field }`{ TERM($field) }为 { $value }，超出了 { $bits } 位整数的范围
not-an-integer = `{ $field }`{ TERM($field) }为 { $value }，但必须是整数
float-for-integer = `{ $field }`{ TERM($field) }为 { $value }，这是写成小数形式的整数

## 字段规则（src/rules/fields.rs）

unknown-field = `{ $key }` 不是 { $model } 的字段
help-did-you-mean = 是否想写 `{ $name }`？
help-fields-are = { $model } 的字段有：{ $names }
discarded-field = { $model } 的 `{ $key }` 已被 API 废弃，传入不会生效
missing-required-field = { $model } 缺少必填字段 `{ $field }`
help-add-field = 添加 `"{ $field }"`：{ $doc }

## `coc-lint rules`（src/rules/mod.rs）

rule-one-line = { $summary }（`{ $fields }` 必须{ $allowed }）

## 代码规则（src/rules/*.rs）

label-first-used-here = 首次使用于此
label-first-defined-here = 首次定义于此
label-created-here = 创建时间在此
label-status-set-here = 状态在此设置
duplicate-batch-index = 批次索引 { $index } 被多个批次使用
duplicate-batch-index-hidden = 该批次索引被多个批次使用
duplicate-key = 键 `{ $key }` 在此对象中出现了不止一次
duplicate-param-name = 参数名称 `{ $name }` 在 `script_params`（脚本入参）中出现了不止一次
duplicate-param-name-hidden = 该参数名称在 `script_params`（脚本入参）中出现了不止一次
execute-costs-mismatch = `execute_costs`（执行耗时）为 { $costs }，但 `gmt_finished - gmt_created` 为 { $elapsed } 毫秒（相差超过 { $tolerance } 毫秒）
execute-costs-mismatch-hidden = `execute_costs`（执行耗时）与 `gmt_finished - gmt_created` 相差超过 { $tolerance } 毫秒
help-execute-costs-seconds = 这是以秒为单位的时长；文档写的是秒，但所有公开示例给出的都是毫秒
help-execute-costs-same-ticket = 请确认这三个值来自同一个工单
finished-before-created = `gmt_finished`（完成时间，{ $finished }）比 `gmt_created`（创建时间，{ $created }）早 { $ms } 毫秒：工单不可能在创建之前完成
finished-before-created-hidden = `gmt_finished`（完成时间）早于 `gmt_created`（创建时间）：工单不可能在创建之前完成
shown-smaller-than-that = 比这更小的数
list-total-too-small = `total`（总条数）为 { $total }，但仅本页就列出了 { $listed } 个工单
shown-finished = 已结束
missing-finish-time = 工单的状态为 { $status }，但没有 `gmt_finished`（完成时间）
shown-not-finished = 未结束
unexpected-finish-time = 工单的状态为 { $status }，但有 `gmt_finished`（完成时间）
shown-name-hidden = （不显示）
param-value-missing = 参数 `{ $name }` 既没有 `param_value`（参数值）也没有 `param_refer`（参数引用）
param-value-empty = 参数 `{ $name }` 的 `param_value`（参数值）为空，且没有 `param_refer`（参数引用）
param-value-null = 参数 `{ $name }` 的 `param_value`（参数值）为 null，且没有 `param_refer`（参数引用）
shown-not-shown = 不显示
shown-another = 另一个
provider-mismatch = 此实例的资源提供者为 { $provider }，但第一个实例的为 { $expected }；一次执行的所有实例必须使用同一资源提供者
provider-mismatch-default = 此实例的资源提供者为 { $provider }，但第一个实例的为 { $expected }；一次执行的所有实例必须使用同一资源提供者（未写 `provider`：默认为 { $default }）
label-first-instance-uses = 第一个实例使用 { $expected }
too-many-target-instances = 各批次共指定了 { $total } 个目标实例，但一次执行最多只能指定 { $max } 个

## JSON 语法（src/load/parser.rs）

syntax-empty = 文件为空：此处应为一个 JSON 值
syntax-only-whitespace = 文件只包含空白：此处应为一个 JSON 值
syntax-only-whitespace-comments = 文件只包含空白和注释：此处应为一个 JSON 值
help-one-json-object = 工单文件包含一个 JSON 对象，例如 `{"{"}"timeout": 300, ...{"}"}`
syntax-trailing-content = JSON 值之后还有多余内容
help-one-json-value = 一个文件只能包含一个 JSON 值；每行一个文档请使用 NDJSON（`.ndjson`、`--ndjson`）
syntax-expected = 此处应为{ $expected }，却是{ $found }
found-end = 文件结尾
found-code-point = 字符 { $code }
found-char = 字符 `{ $char }`
found-not-allowed = 此处不允许的字符
found-word = 单词 `{ $word }`
found-unquoted-word = 一个 { $n } 个字符长、未加引号的单词
found-an-unquoted-word = 一个未加引号的单词
expected-json-value = 一个 JSON 值
expected-key = 用双引号括起的键
expected-colon = 键之后的 `:`
expected-comma-or-brace = 逗号 `,` 或 `{"}"}`
expected-comma-or-bracket = 逗号 `,` 或 `]`
expected-digit = 数字
expected-digit-after-point = 小数点后的数字
expected-digit-in-exponent = 指数中的数字
expected-escape-character = `\` 之后的转义字符
help-comments-refused = JSON 中不允许注释，API 也会拒绝注释；要在保存的文件中接受注释，请在 coc-lint.toml 中设置 `allow-comments = true`，或使用 `--allow-comments`
help-comment-syntax = 注释以 `//` 或 `/*` 开头
syntax-unterminated-comment = 此注释没有闭合
help-close-comment = 请补上闭合的 `*/`；文件可能被截断了
help-double-quotes = JSON 的字符串和键使用双引号
help-truncated = 文件提前结束：是否被截断了？
help-json-numbers = JSON 数字的写法如 `-12`、`0.5` 或 `1e3`；NaN、Infinity、`+1` 和 `.5` 都不是 JSON
help-trailing-comma-object = 删除末尾的逗号：JSON 不允许在 `{"}"}` 前有逗号（`allow-comments = true` 时接受）
help-trailing-comma-array = 删除末尾的逗号：JSON 不允许在 `]` 前有逗号（`allow-comments = true` 时接受）
help-nan = JSON 数字的写法如 `-12`、`0.5` 或 `1e3`；NaN 和 Infinity 都不是 JSON
help-lower-case-literals = JSON 的字面量是小写的 `true`、`false` 和 `null`
help-bare-words = JSON 中仅有的裸词是 `true`、`false` 和 `null`；文本须放在双引号中
syntax-leading-zeros = 数字不能有前导零
help-leading-zeros = 应写 `7` 而不是 `07`；带前导零的标识符应放在字符串中
syntax-invalid-escape = 字符串中有无效的转义 `\{ $escape }`
syntax-invalid-escape-hidden = 字符串中有无效的转义
help-escapes = JSON 的转义有 \" \\ \/ \b \f \n \r \t 和 \uXXXX；反斜杠写作 `\\`
syntax-short-unicode-escape = `\u` 转义需要四个十六进制数字
syntax-lone-surrogate = `\u` 转义编码了单独的 UTF-16 代理项，它不是一个字符
help-surrogate-pair = U+FFFF 以上的字符写作代理对，例如 `\ud83d\ude00`
syntax-line-break-in-string = JSON 不允许字符串中出现换行
syntax-tab-in-string = JSON 不允许字符串中出现制表符
syntax-nul-in-string = JSON 不允许字符串中出现 NUL 字节
syntax-control-in-string = JSON 不允许字符串中出现控制字符 { $code }
syntax-control-in-string-hidden = JSON 不允许字符串中出现控制字符
help-escape-control = 请转义它（`\n`、`\t`、`\u0000`……），或检查字符串是否已闭合
syntax-unterminated-string = 此字符串没有闭合
help-close-string = 请补上闭合的 `"`；文件可能被截断了

## 编码（src/load/mod.rs）

encoding-foreign-bom = 文件是 { $name } 编码（以 { $name } 字节顺序标记开头），不是 UTF-8
encoding-utf16-without-bom = 文件看起来是没有字节顺序标记的 { $name } 文本，不是 UTF-8
encoding-invalid-utf8 = 第 { $offset } 字节处有无效的 UTF-8：{ $bytes } 不是有效字符（共 { $n } 字节）
encoding-invalid-utf8-hidden = 第 { $offset } 字节处有无效的 UTF-8，位于可能是密钥的值中（不显示这些字节）

## 读取文件（src/io.rs、src/lint.rs、src/ndjson.rs）

io-directory = { $name } 是一个目录
io-not-regular = { $name } 不是普通文件（而是 FIFO、套接字或设备）；已跳过
io-cannot-read = 无法读取 { $name }：{ $error }
io-not-found = 文件或目录不存在
io-permission-denied = 权限不足（请检查文件的读权限）
io-file-too-large = { $name } 有 { $size } 字节，超过了 { $limit } 字节的上限
io-file-grew-too-large = { $name } 超过了 { $limit } 字节的上限
io-cannot-read-stream = 读取 { $name } 第 { $line } 行之后的内容失败：{ $error }
io-line-too-long = { $name } 的第 { $line } 行超过了 { $limit } 字节的上限

## 文档（src/lint.rs、src/value.rs）

nesting-too-deep = 此处数组和对象的嵌套超过了 { $limit } 层
unknown-kind-object = 此对象
unknown-kind-value = { $kind ->
    [null] 此 null 值
    [boolean] 此布尔值
    [number] 此数字
    [string] 此字符串
   *[array] 此数组
}
unknown-document-kind = { $what }不是 coc-lint 能检查的任何一种文档；应为以下之一：{ $kinds }
kind-title = { $title }（{ $name }）
document-not-object = 文档是{ $value }，但 { $kind } 文档必须是一个对象
value-not-serialisable = 该值无法序列化为 JSON：{ $error }
non-finite-range = `{ $field }` 为 { $what }，不是{ $allowed }的数字；JSON 无法表示它，因此文本中此处为 `null`
non-finite = `{ $field }` 为 { $what }，不是数字；JSON 无法表示它，因此文本中此处为 `null`
the-document = 文档

## `coc-lint explain`（src/cli/explain.rs）

explain-severity = 默认严重级别：{ $severity }
explain-summary = { $summary }。
explain-fix = 修复：{ $help }。
explain-team-rule = 团队规则，定义于 { $path }:{ $line }

## human 报告的汇总行（src/report/human.rs）

summary-files = { $n } 个文件
summary-errors = { $n } 个错误
summary-warnings = { $n } 个警告
summary-infos = { $n } 条提示
summary-none = 在 { $files }中未发现问题。
summary-found = 在 { $files }中发现 { $errors }、{ $warnings }。
summary-found-infos = 在 { $files }中发现 { $errors }、{ $warnings }、{ $infos }。

## 配置（src/policy/report.rs）

unused-ignore = 对 `{ $rule }` 的忽略在本次运行中没有匹配任何诊断
unused-ignore-glob = 对 `{ $rule }` 在 `{ $glob }` 中的忽略在本次运行中没有匹配任何诊断

## `coc-lint rules --ignored`（src/cli/explain.rs）

rules-none-ignored = 此处没有被忽略的规则。
rules-no-reason = （未给出原因）

## plaintext-secret（src/rules/plaintext_secret.rs）

shown-unnamed = （未命名）
secret-pattern = 参数 { $name } 的值看起来像 { $what }，却以明文写出
secret-name = 参数 { $name } 的名称像是凭据（`{ $entry }`），而它的值以明文写出
secret-entropy = 参数 { $name } 的值看起来像生成的密钥（一长串随机字符），却以明文写出

## 配置错误，`invalid-config`（src/policy/config.rs、src/policy/mod.rs）
## toml/serde 自己的解析信息保持原文（英文），外面套上中文的框架。

config-toml = 配置文件无法解析：{ $error }
config-text = { $text }
config-unknown-key = `{ $key }` 不是配置项
help-config-keys-are = 配置项有 { $keys }
config-in-table = [{ $table }] { $error }
config-bad-severity = `{ $value }` 不是严重级别；请写 `error`、`warning`、`info` 或 `off`
config-bad-glob = `{ $glob }` 不是有效的 glob：{ $error }
config-bad-unknown-files = `unknown-files` 只能是 `skip` 或 `report`，不能是 `{ $value }`
config-bad-lang = `{ $value }` 不是语言；请写 `en-us` 或 `zh-cn`
config-secret-name = 敏感参数名至少要有一个字母或数字
config-no-preset = 没有名为 `{ $name }` 的预设
help-config-presets = 预设有 { $presets }；文件用路径指定（`./team.toml`）
config-extends-cycle = `extends` 形成了循环：{ $cycle }
config-ignore-shape = 一条忽略是一个规则（`"COC206"`）或一个表 `{"{"} rule = "COC206", reason = "..." {"}"}`
config-ignore-not-string = 忽略的 `{ $key }` 必须是字符串
config-ignore-unknown-key = 忽略没有 `{ $key }` 这个键；可用的键是 `rule` 和 `reason`
config-pattern-classes = `classes` 是 0 到 4 的整数
config-pattern-not-string = 模式的 `{ $key }` 必须是字符串
config-pattern-unknown-key = 模式没有 `{ $key }` 这个键；可用的键是 `what`、`regex` 和 `classes`
config-pattern-no-regex = 模式表需要 `regex`
config-pattern-shape = 模式是一个正则表达式（`'^hvs\.'`）或一个表 `{"{"} what = "a Vault token", regex = '^hvs\.' {"}"}`
config-pattern-bad-regex = `{ $regex }` 不是有效的正则表达式：{ $error }
help-config-regex-syntax = 模式使用 Rust `regex` crate 的语法（不支持环视和反向引用）
io-system = { $error }

## 规则选择器与参数（src/rules/mod.rs）

ruleset-unknown-rule = 没有代码或名称为 `{ $rule }` 的规则
ruleset-unknown-rule-suggest = 没有代码或名称为 `{ $rule }` 的规则；是否想写 `{ $suggestion }`？
ruleset-no-params = 规则 `{ $rule }` 没有参数（给出了 `{ $key }`）
ruleset-unknown-param = 规则 `{ $rule }` 没有参数 `{ $key }`；它的参数是 `{ $known }`
ruleset-param-type = 规则 `{ $rule }` 的参数 `{ $key }` 必须是 { $expected }

## 报告里的标签（src/report/snippet.rs、src/cli/explain.rs）

label-help = 帮助

## `--fix`、`--diff` 与目录遍历（src/cli/fix.rs、src/cli/check.rs）

fix-would-fix = 将修复 { $n } 个问题，剩余 { $remaining } 个。
fix-fixed = 已修复 { $n } 个问题，剩余 { $remaining } 个。
fix-fixable = [*] { $n } 个问题可用 `--fix` 修复。
fix-more-unsafe = 另有 { $n } 个可用 `--unsafe-fixes` 修复。
note-skipped-unknown = 注意：跳过了 { $n } 个不是 COC 文档的 JSON 文件（在 coc-lint.toml 中写 `unknown-files = "report"` 即可检查它们）

## `coc-lint init`（src/cli/init.rs）

init-wrote = 已写入 { $path }：编辑它之后，`coc-lint check` 就会应用它。
init-exists = { $path } 已存在，未做改动（删除它才能重新开始）
init-cannot-write = 无法写入 { $path }：{ $error }

## 修复的标题（src/rules/duplicate_key.rs、src/rules/fields.rs、src/rules/types.rs、src/lint.rs）

fix-remove-first = 删除第一个 `{ $key }`，保留最后一个
fix-rename = 将 `{ $key }` 改名为 `{ $name }`
fix-remove = 删除 `{ $key }`
fix-unquote = 去掉引号，写成 { $value }
fix-write = 写成 { $value }

## 基线（src/cli/ci.rs、src/cli/baseline.rs）

baseline-wrote = 已将 { $findings } 个问题（{ $entries } 个条目）写入 { $file }。
baseline-note = 基线中的 { $n } 个问题未报告。
baseline-note-fixed = 基线中的 { $n } 个问题未报告；基线中有 { $fixed } 个问题已修复（列在标准错误中）。
baseline-fixed-heading = 注意：以下问题自基线 { $name } 写入以来已修复（运行 --write-baseline 可将其删除）：

## 团队规则定义的错误，`invalid-config`（src/rules/team.rs）

team-toml-string = 字符串
team-toml-integer = 整数
team-toml-float = 浮点数
team-toml-boolean = 布尔值
team-toml-array = 数组
team-toml-table = 表
team-param-number = 数字
team-param-count = 非负整数
team-param-strings = 字符串列表
team-list = { $rest } 和 { $last }
team-what-rule = 规则
team-what-check = `check`
team-what-kind-check = `{ $kind }` 检查
team-what-condition = `when` 条件
team-no-language = `{ $lang }` 不是语言；`{ $key }` 表只接受 `en-us` 和 `zh-cn`
team-texts-need-en = `{ $key }` 表需要 `en-us`，即英文文本，缺少某种语言时使用它
team-not-table = { $what }必须是表，不能是{ $type }
team-takes = { $what }接受 { $keys }
team-no-key = { $what }没有键 `{ $key }`
team-lacks = { $what }缺少 `{ $key }`
team-not-string = `{ $key }` 必须是字符串，不能是{ $type }
team-empty = `{ $key }` 为空
team-not-strings = `{ $key }` 必须是字符串列表，不能是{ $type }
team-bad-severity = `{ $value }` 不是严重级别；请写 `error`、`warning` 或 `info`
team-when-shape = `when` 是一个表（`{"{"} path = "prod/**" {"}"}`、`{"{"} field = "/data/status", equals = "FINISHED" {"}"}`）或由它们组成的列表，其中每个条件都必须成立
team-placeholders-none = 无
team-placeholders-differ = `zh-cn` 消息使用的占位符是 { $zh }，而 `en-us` 消息使用的是 { $en }
help-team-placeholders-same = 每种语言的消息须使用相同的占位符
team-builtin-rule-name = 内置规则 `{ $name }`
team-team-rule-name = 团队规则 `{ $name }`（{ $path }:{ $line }）
team-code-taken = `{ $code }` 已是{ $what }的代码
help-team-code-builtin = 以 `COC` 开头的代码属于内置规则；请给团队规则用自己的前缀，例如 `{ $free }`
help-team-code-free = `{ $free }` 尚未被占用
team-code-coc = `{ $code }` 以 `COC` 开头，而该前缀保留给内置规则
help-team-code-prefix = 请给团队规则用自己的前缀，例如 `{ $free }` 或 `TEAM{ $digits }`
team-bad-code = `{ $code }` 不是规则代码：代码由大写字母加数字组成，例如 `X101` 或 `TEAM101`
help-team-eg = 例如 `{ $example }`
team-builtin-rule-code = 内置规则 { $code }
team-team-rule-code = 团队规则 { $code }（{ $path }:{ $line }）
team-name-taken = `{ $name }` 已是{ $whose }的名称
help-team-name-own = 请按团队命名，例如 `team-{ $name }`
team-bad-name = `{ $name }` 不是规则名称：名称须为 kebab-case，例如 `prod-timeout`
team-no-kind = `{ $kind }` 不是检查类型
help-team-kinds = 检查类型有 { $kinds }
team-check-needs = `{ $kind }` 检查需要 `{ $param }`（{ $type }）
team-param-type = `{ $kind }` 检查的 `{ $param }` 必须是{ $want }，不能是{ $type }
team-check-serde = `check`：{ $error }
team-min-max = `min`（{ $min }）大于 `max`（{ $max }）：没有值能通过
team-bad-class-regex = `class` 不是有效的正则表达式：{ $error }
team-bad-class = `class` 必须是一个字符类，例如 `[A-Za-z0-9_]`，不能是 `{ $class }`
team-bad-pattern = `pattern` 不是有效的正则表达式：{ $error }
team-bad-entry = `{ $entry }` 既不是键，也不是 JSON 指针（`/a/b`）
team-bad-tilde = `{ $target }` 不是 JSON 指针：`~` 后面必须是 0 或 1
team-no-model = 没有名为 `{ $model }` 的模型
help-team-models = 模型有 { $models }
team-no-field = { $model } 没有字段 `{ $field }`
help-team-fields = { $model } 的字段有 { $fields }
team-applies-numbers = 数字
team-applies-strings = 字符串
team-applies-arrays = 数组
team-applies-objects = 对象
team-check-applies = `{ $kind }` 检查适用于{ $what }，但 `{ $target }` 是{ $type }
team-whole-model = `{ $kind }` 检查不能作用于整个模型（`{ $target }`）：只有 `required` 和 `forbidden` 可以
help-team-name-field = 请指定它的一个字段，例如 `{ $example }`
team-no-target = `{ $target }` 不是检查目标
help-team-targets = 请写 `模型.字段`（`ScriptExecuteParam.timeout`）、一个模型（`JobScriptOrderInfoModel`）或 JSON 指针模式（`/data/properties/execute_param/script_params/*/param_name`）
team-not-scalar = `{ $key }` 必须是字符串、数字或布尔值，不能是{ $type }
team-not-values = `{ $key }` 必须是非空的值列表
team-tests-one-way = 一个条件只能以一种方式检验字段；它却有 { $tests }
help-team-one-test = 每种检验写一个条件：`when` 接受列表，其中每个条件都必须成立
team-test-no-field = `{ $test }` 检验一个字段，但该条件没有指定字段
help-team-add-field = 请加上 `field = "/data/status"`（一个 JSON 指针）
team-bad-field = `{ $pointer }` 既不是 JSON 指针（`/data/status`），也不是相对指针（`1/status`：先上一层，再取 `/status`）
team-field-star = `{ $pointer }` 含有 `*`：一个条件只能指定一个值
help-team-relative = 相对指针（`1/status`）指定目标旁边的值
team-present-bool = `present` 必须是 true 或 false
team-condition-empty = `when` 条件需要 `path`（一个 glob）或 `field`（一个 JSON 指针）
team-stray-close = `{"}"}` 没有对应的占位符；要写花括号本身请写 `{"}}"}`
team-unclosed = `{"{"}` 开启的占位符没有闭合；要写花括号本身请写 `{"{{"}`
help-team-brace = 要写花括号本身请写 `{"{{"}`
team-no-placeholder = `{ $name }` 不是占位符；消息可使用 `{"{"}value{"}"}`、`{"{"}field{"}"}` 和 `{"{"}constraint{"}"}`

## 团队规则没有 `message` 时的措辞（src/rules/team.rs）

team-value-hidden = 一个隐藏的值
team-value-array = 含 { $count } 项的数组
team-required-lacks = `{ $name }` 缺少 { $shown }，但它必须{ $allowed }
team-required-lacks-inner = `{ $name }` 缺少 { $shown }；`{ $field }` 必须{ $allowed }
team-required-not-object = `{ $name }` 是{ $value }，因此缺少 { $shown }；`{ $field }` 必须{ $allowed }
team-forbidden-has = `{ $field }` 含有 `{ $key }`，但它必须{ $allowed }
help-team-remove = 请删除 `{ $key }`
team-unique-item-field = 第 { $first } 项的 `{ $key }` { $value }
team-unique-item = 第 { $first } 项（{ $value }）
team-unique-repeats = `{ $field }` 的第 { $repeat } 项重复了{ $what }，但 `{ $field }` 必须{ $allowed }
team-first-here = 首次出现于此

## 基线、输出文件、`coc-lint schema`（src/cli/baseline.rs、src/cli/ci.rs、src/cli/schema.rs）
## serde 与操作系统自己的错误信息保持原文（英文）。

baseline-not-baseline = { $name } 不是 coc-lint 基线文件：{ $error }
baseline-bad-version = { $name } 是版本 { $version } 的基线；此 coc-lint 读取版本 { $reads }
output-cannot-create = 无法创建 { $path }：{ $error }
output-cannot-write = 无法写入 { $path }：{ $error }
schema-no-kind = 没有文档类型 { $kind } 的 schema
