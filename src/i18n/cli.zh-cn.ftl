# `coc-lint --help` 的中文文本（英文原文是 src/cli/ 中 clap 的文档注释）。
# cli-SUBCOMMAND 是子命令的说明，cli-SUBCOMMAND-ARG 是它的参数，
# cli-arg-ARG 是多个子命令共用的参数。`src/cli/lang.rs` 的测试检查每个
# 子命令和参数都有译文。

cli-heading-usage = 用法：
cli-heading-commands = 命令
cli-heading-options = 选项
cli-heading-arguments = 参数
cli-default = { $help }（默认：{ $value }）

cli = 按照 API 文档规定的约束，检查华为云 COC 脚本工单与保存的执行参数
cli-arg-help = 打印帮助
cli-arg-version = 打印版本
cli-arg-lang = 消息、帮助和规则手册的语言（`fetch` 也以它作为 API 的 X-Language）：en-us 或 zh-cn（默认：coc-lint.toml 中的 `lang`，其次 COC_LINT_LANG，否则 en-us）

cli-check = 检查文件、目录（递归查找 `*.json`、`*.ndjson`、`*.jsonl`）或标准输入（`-`）。没有这类文件的目录会在标准错误上给出警告（退出码不变）；不存在的路径是错误（退出码 2）。
cli-check-paths = 要检查的文件或目录；`-` 表示读取标准输入。默认：当前目录。
cli-arg-format = 输出格式：human（带源码片段、标签和帮助，供人阅读）或 json（一个包含所有诊断和汇总的 JSON 对象，供工具读取）
cli-arg-kind = 不做识别，把每个文档都当作这一种：ticket-response、ticket、execute-param、execute-script、ticket-list。
cli-check-stdin-filename = 报告标准输入时使用的文件名。
cli-check-ndjson = 把命令行给出的文件和标准输入按 NDJSON 读取：每行一个文档。
cli-check-follow-links = 遍历目录时进入指向目录的符号链接（会检测并报告循环）。默认不进入；指向文件的链接总会读取，这里直接给出的路径也总会读取。
cli-check-jobs = 线程数（默认：每个核一个）。
cli-arg-max-file-size = 大于此值的文件只报告、不读取（字节；可用 K、M、G 后缀）；对 `fetch` 而言，是读取的最大响应。
cli-arg-max-depth = 数组和对象允许的最大嵌套深度（最多 1024）。
cli-arg-color = human 输出何时使用颜色：auto（仅当标准输出是终端且未设置 NO_COLOR）、always（总是）或 never（从不）

cli-arg-config = 使用此配置文件（及其 `extends` 的文件），而不是查找各被检查文件上方的 coc-lint.toml。
cli-arg-isolated = 完全不读取配置文件：只用内置规则和这里给出的选项。
cli-arg-select = 只运行这些规则（代码、名称或 `COC2` 这样的前缀，或 `ALL`；逗号分隔或重复给出），取代配置中的选择。
cli-arg-extend-select = 在已选规则之外，再运行这些规则。
cli-arg-ignore = 丢弃这些规则的诊断。
cli-arg-severity = 设置规则的严重级别：`RULE=error|warning|info|off`（可重复）。
cli-arg-allow-comments = 接受文档中的 `//` 和 `/* */` 注释以及末尾逗号。
cli-arg-no-respect-gitignore = 也检查 `.gitignore` 排除的文件。

cli-rules = 列出每条规则：代码、名称、默认严重级别及其检查的内容。
cli-rules-ignored = 改为列出当前目录所用配置中的忽略项：每条忽略项丢弃的规则、位置及原因。
cli-init = 在某个目录（默认：当前目录）中写入一个带注释的 coc-lint.toml 起始文件；已有的文件永远不会被替换。
cli-init-dir = 写入文件的目录。
cli-explain = 打印一条规则的文档。
cli-explain-rule = 规则代码（`COC202`）或名称（`timeout-out-of-range`）。
cli-help = 打印此消息或给定子命令的帮助
cli-help-subcommand = 要打印帮助的子命令

cli-fetch = 从 COC API 获取工单，并像 `check` 一样检查它们：按 execute_uuid，或获取经过筛选的列表中的每个工单（`--list`）。凭据来自环境变量或文件，从不来自命令行参数。
cli-fetch-uuids = 要获取的工单的 execute_uuid（每个 1 到 26 个字符，例如 SCT2023083109562601af694bf）。
cli-fetch-list = 逐页获取 `GET /v1/job/script/orders` 返回的列表中的每个工单，按下面的选项筛选。
cli-fetch-status = 与 --list 一起使用：只要此状态的工单。
cli-fetch-creator = 与 --list 一起使用：只要此用户创建的工单（1 到 64 个字符）。
cli-fetch-since = 与 --list 一起使用：只要在此时间或之后创建的工单（纪元秒数、2025-01-02 或 2025-01-02T03:04:05Z）。
cli-fetch-until = 与 --list 一起使用：只要在此时间或之前创建的工单。
cli-fetch-limit = 与 --list 一起使用：最多获取这么多工单。
cli-fetch-region = 要调用其 COC 端点的区域。
cli-fetch-endpoint = 要调用的端点，代替区域的端点：https://host[:port]（明文 http 只允许 127.0.0.1 或 [::1]）。
cli-fetch-token-file = 从此文件读取 IAM token（作为 X-Auth-Token 发送），代替 COC_AUTH_TOKEN 或 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK 的 AK/SK。
cli-fetch-project-id = X-Project-Id（默认：HUAWEICLOUD_SDK_PROJECT_ID）。
cli-fetch-domain-id = X-Domain-Id（默认：HUAWEICLOUD_SDK_DOMAIN_ID）。
cli-fetch-save = 把每个响应体按收到的原样保存到 DIR/<execute_uuid>.json（原子写入；目录不存在时会创建）。
cli-fetch-connect-timeout = 等待连接的最长时间，单位为秒。
cli-fetch-timeout = 等待响应及其剩余内容的最长时间，单位为秒。
cli-fetch-retries = 对 429 或 5xx 应答按指数退避重试的次数（401 和 403 从不重试）。
cli-fetch-verbose = 在标准错误上记录每个请求、应答和重试（从不包含密钥）。
cli-check-fix = 应用安全的修复，以原子方式改写文件（见 README 的 Fixing 一节）；对 `-`，修复后的文档写到标准输出。
cli-check-unsafe-fixes = 把不安全的修复也算作可修复：由 `--fix` 应用，由 `--diff` 显示，标记为 `[*]`。
cli-check-diff = 打印 `--fix` 将做的改动的统一 diff，不写任何文件；有改动时退出码为 1。
cli-check-output-file = 把报告写到此文件而不是标准输出；先写到旁边的临时文件再重命名到位，读者永远不会看到半份报告。一行摘要仍写到标准输出。
cli-check-quiet = 只打印诊断，不打印其他内容：没有摘要行，没有基线说明；没有可报告的内容时什么也不打印。
cli-check-statistics = 不打印诊断，改为打印每条规则产生的数量，最多的在前（表格；与 `--format json` 一起时为 JSON 数组）。
cli-check-show-source = 在人类可读报告中显示源代码片段（默认）。
cli-check-no-show-source = 人类可读报告中每个诊断一行，不显示片段：`path:line:column: severity[CODE name] message`。
cli-check-exit-zero = 即使诊断使本次运行失败也以 0 退出；无法读取的路径、错误的基线文件或无法写入的输出文件仍以 2 退出。
cli-check-fail-on = 使本次运行失败（退出码 1）的最低严重级别。
cli-check-max-warnings = 警告多于 N 个时失败（退出码 1）。
cli-check-baseline = 只报告不在此基线文件（由 `--write-baseline` 生成）中的诊断，并列出其中已修复的条目。
cli-check-write-baseline = 把本次运行的每个诊断作为基线记录到 FILE（按路径、规则代码和 JSON 指针索引），而不是报告它们。
cli-schema = 打印某种文档的 JSON Schema（draft 2020-12），供编辑器使用：由检查所用的同一份规则数据生成。
cli-schema-kind-option = 文档种类，写法与 `check --kind` 相同。
cli-completions = 打印 shell 补全脚本。
cli-completions-shell = shell：bash、zsh、fish、powershell 或 elvish。
cli-man = 打印 coc-lint(1) 手册页（roff 格式，`coc-lint man > coc-lint.1`）。
