# 规则的中文摘要（rule-NAME-summary）、帮助（rule-NAME-help，仅对英文有
# help 的规则）和字符集/禁止模式的描述（rule-NAME-describe）；文档种类的
# 标题（kind-NAME）；必填字段的说明（doc-MODEL-FIELD）。英文原文在
# rules/*.toml 和 rules/schema.toml 中；`src/i18n/tests.rs` 检查每条规则
# 都有译文。

rule-batch-count-summary = 一次执行没有批次，或批次数超过了 API 支持的上限
rule-batch-index-out-of-range-summary = 批次索引（batch_index）超出了文档规定的范围
rule-batch-instance-count-summary = 某个批次没有目标实例，或目标实例数超过了 API 支持的上限
rule-custom-attribute-key-length-summary = 自定义属性的键过长
rule-custom-attribute-value-length-summary = 自定义属性的值过长
rule-discarded-field-summary = 设置了 API 已废弃的字段；它不会生效
rule-discarded-field-help = 删除该字段
rule-discarded-id-length-summary = 目标实例中已废弃的 `agent_sn` 或 `project_id` 为空或过长
rule-duplicate-batch-index-summary = 一次执行中有两个批次的索引相同
rule-duplicate-batch-index-help = 为每个批次指定各自的索引，从 1 开始计数
rule-duplicate-key-summary = 一个对象中同一个键出现了两次
rule-duplicate-key-help = 删除其中一个：各解析器对哪个值生效看法不一，serde_json 会静默保留最后一个
rule-duplicate-param-name-summary = 两个脚本入参的名称相同
rule-duplicate-param-name-help = 同一脚本内参数名称必须唯一：请重命名或删除其中一个
rule-execute-costs-mismatch-summary = `execute_costs`（执行耗时）与 `gmt_finished - gmt_created`（毫秒）不符
rule-execute-user-length-summary = 执行用户名为空或过长
rule-execute-user-not-root-summary = 脚本不是由 root 执行的，而工单文档要求由 root 执行
rule-execute-user-not-root-help = 将 `execute_user`（执行用户）设为 "root"；如果你的机器允许其他用户，可在本地策略中放宽此规则
rule-file-too-large-summary = 文件超过了大小上限，未被读取
rule-file-too-large-help = 如果该文件确实是工单文档，可用 `--max-file-size` 提高上限
rule-finished-before-created-summary = 工单的完成时间早于创建时间
rule-float-for-integer-summary = 整数字段写成了带小数部分或指数的形式
rule-float-for-integer-help = 写成不带小数点和指数的整数
rule-invalid-config-summary = coc-lint.toml（或它所继承的文件）无法理解
rule-invalid-encoding-summary = 文件不是 UTF-8 文本
rule-invalid-encoding-help = 请将文件保存为 UTF-8（RFC 8259 要求系统间交换的 JSON 使用 UTF-8）
rule-invalid-instance-type-summary = 目标实例的 `type` 不是 API 支持的取值
rule-invalid-refer-type-summary = 参数引用的类型不是 PARAM_STORE
rule-invalid-rotation-strategy-summary = 批次的暂停继续策略不是文档规定的取值
rule-invalid-status-summary = 工单状态不是文档规定的状态之一
rule-io-error-summary = 无法读取某个路径
rule-json-syntax-error-summary = 文件不是有效的 JSON（RFC 8259）
rule-list-page-size-summary = 工单列表的一页中包含的工单数超过了 API 每页返回的上限
rule-list-total-too-small-summary = 工单列表的 `total`（总条数）小于其列出的工单数
rule-missing-finish-time-summary = 工单处于已结束状态，但没有 `gmt_finished`（完成时间）
rule-missing-required-field-summary = 缺少文档标为必填的字段
rule-nesting-too-deep-summary = 数组和对象的嵌套深度超过了上限
rule-nesting-too-deep-help = 工单文档只有几层嵌套；嵌套这么深的文件不是工单
rule-number-as-string-summary = 数字以字符串形式发送；服务端会对其做类型转换
rule-number-as-string-help = 去掉数字两边的引号
rule-number-overflow-summary = 数字超出了字段文档规定的数值类型范围
rule-order-id-out-of-range-summary = 列表中工单的 `order_id`（工单 ID）不是正的 64 位整数
rule-order-name-length-summary = 列表中工单的 `order_name`（工单名称）为空或过长
rule-param-id-empty-summary = 参数引用的 `param_id`（引用参数 ID）为空
rule-param-name-charset-summary = 脚本入参名称中有字母、数字和 `_` 以外的字符
rule-param-name-charset-describe = 英文字母（ASCII）、数字和 `_`
rule-param-name-length-summary = 脚本入参名称为空或过长
rule-param-value-charset-summary = 脚本入参的值中有 API 不允许的字符
rule-param-value-charset-describe = 英文字母（ASCII）、数字、空格和 `_-/.*?:",=+@#\[{"{"}]{"}"}`
rule-param-value-consecutive-periods-summary = 脚本入参的值中有连续两个句点
rule-param-value-consecutive-periods-describe = 连续两个句点（`..`）
rule-param-value-length-summary = 脚本入参的值过长
rule-param-value-missing-summary = 脚本入参既没有值也没有 `param_refer`（参数引用）
rule-param-value-missing-help = 为参数提供 `param_value`（参数值），或用 `param_refer`（参数引用）引用已存储的参数
rule-param-version-length-summary = 参数引用的版本号为空或过长
rule-provider-mismatch-summary = 一次执行的目标实例使用了不同的资源提供者
rule-provider-mismatch-help = 一次执行的所有实例必须使用同一资源提供者；请按资源提供者拆分主机
rule-region-id-length-summary = 目标实例的 `region_id`（区域 ID）为空或过长
rule-resource-id-length-summary = 目标实例的 `resource_id`（资源 ID）为空或过长
rule-success-rate-out-of-range-summary = 成功率阈值（百分比）超出了文档规定的范围
rule-success-rate-precision-summary = 成功率的小数位数超过了 API 支持的位数
rule-success-rate-precision-help = 将成功率四舍五入到一位小数，例如 99.5
rule-timeout-out-of-range-summary = 脚本超时时长（秒）超出了文档规定的范围
rule-too-many-custom-attributes-summary = 目标实例的自定义属性数超过了 API 支持的上限
rule-too-many-script-params-summary = 脚本入参的个数超过了 API 支持的上限
rule-too-many-target-instances-summary = 一次执行的目标主机总数超过了 API 支持的上限
rule-too-many-target-instances-help = 将这些主机分到多次执行中
rule-unexpected-finish-time-summary = 尚未结束的工单有 `gmt_finished`（完成时间）
rule-unknown-document-kind-summary = 该文档不是 coc-lint 所知的任何一种 COC 脚本工单文档
rule-unknown-document-kind-help = 用 `--kind` 指明文件是什么，或检查它是否是你想检查的 JSON
rule-unknown-field-summary = 某个键不是其所在对象中有文档说明的字段
rule-unused-ignore-summary = 配置中的某条忽略项没有匹配本次运行的任何诊断
rule-unused-ignore-help = 删除该条目，或将其缩小到仍会触发的规则
rule-wrong-type-summary = 有文档说明的字段的值的 JSON 类型不对

## 文档种类（rules/schema.toml 的 [[kind]] title）

kind-ticket-response = GET /v1/job/script/orders/{"{"}execute_uuid{"}"} 的工单响应 `{"{"}"data": JobScriptOrderInfoModel{"}"}`
kind-ticket = 单独的脚本工单（JobScriptOrderInfoModel）
kind-execute-param = 保存的执行参数（ScriptExecuteParam）
kind-execute-script = POST /v1/job/scripts/{"{"}script_uuid{"}"} 的 ExecuteScript 请求体 `{"{"}"execute_param": ..., "execute_batches": [...]{"}"}`
kind-ticket-list = GET /v1/job/script/orders 的工单列表响应 `{"{"}"data": {"{"}"total": N, "data": [...]{"}"}{"}"}`

## 必填字段的说明（rules/schema.toml 的 doc）

doc-TicketResponse-data = 工单。
doc-ScriptExecuteParam-timeout = 超时时长，单位为秒。
doc-ScriptExecuteParam-success_rate = 成功率阈值，单位为百分比。
doc-ScriptExecuteParam-execute_user = 脚本执行用户。
doc-ScriptExecuteInputParam-param_name = 参数名称，同一脚本内不能重复。
doc-ScriptExecuteParamReference-refer_type = 参数引用类型。
doc-ScriptExecuteParamReference-param_id = 引用参数的 ID。
doc-ScriptExecuteModel-execute_param = 执行参数。
doc-ScriptExecuteModel-execute_batches = 分批的目标实例。
doc-ExecuteInstancesBatchInfo-batch_index = 批次索引，从 1 开始。
doc-ExecuteInstancesBatchInfo-target_instances = 批次中的主机。
doc-ExecuteInstancesBatchInfo-rotation_strategy = 批次完成后的暂停继续策略：继续或暂停。
doc-ExecuteResourceInstance-resource_id = ECS 云服务器 ID。
doc-ExecuteResourceInstance-region_id = 服务器所属区域。
doc-Customttribute-key = 属性的键。
doc-Customttribute-value = 属性的值。
doc-ListResponse-data = 一页工单。
doc-JobScriptOrderListPage-total = 工单总条数。
doc-JobScriptOrderListPage-data = 本页的工单。
doc-JobScriptOrderListModel-order_id = 工单的主键 ID。
doc-JobScriptOrderListModel-order_name = 工单名称。
doc-JobScriptOrderListModel-execute_uuid = 执行 UUID，用于查询详情的 API。
rule-plaintext-secret-summary = 脚本入参以明文保存了凭据
rule-plaintext-secret-help = 将该值存入参数仓库，并用 `param_refer`（参数引用）引用它（`"refer_type": "PARAM_STORE"`、`"param_id": ...`），`param_value` 留空
