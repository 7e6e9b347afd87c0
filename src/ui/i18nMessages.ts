/**
 * The Chinese of the messages made outside the interface (`model/messages.ts`: an import's
 * report and problems, a refused file, a map that cannot be opened by address), and how the
 * interface shows such a message in its language. Their English is `MESSAGES`, next to the keys.
 */
import {
  fillTemplate,
  MESSAGES,
  type Message,
  type MessageArg,
  type MessageKey,
} from '../model/messages';

export { MESSAGES };

export const MESSAGES_ZH: Record<MessageKey, string> = {
  fileEmpty: '文件是空的。',
  fileIsKind: '这是{0}，不是文本文件，因此不可能是论证图、AIF、Argdown 或纯文本。',
  fileKindPng: ' PNG 图片',
  fileKindJpeg: ' JPEG 图片',
  fileKindGif: ' GIF 图片',
  fileKindPdf: ' PDF 文档',
  fileKindZip: ' ZIP 压缩包（或 Word、Excel、OpenDocument 文件）',
  fileKindGzip: ' gzip 压缩包',
  fileUtf16NoMark: '这看起来是没有字节顺序标记（BOM）的 UTF-16 文本；请另存为 UTF-8 后重新导入。',
  fileZeroByte:
    '这是二进制文件（偏移 {0} 处有零字节），不是文本文件，因此不可能是论证图、AIF、Argdown 或纯文本。',
  fileZeroChar:
    '这是二进制文件（偏移 {0} 处有零字符），不是文本文件，因此不可能是论证图、AIF、Argdown 或纯文本。',
  fileNotUtf8:
    '这不是 UTF-8 文本文件：第 {1} 行第 {2} 列的字节 0x{0} 不是有效的 UTF-8。论证图、AIF、Argdown 和纯文本都必须是 UTF-8；如果这是其他编码的文本，请另存为 UTF-8 后重新导入。',
  fileUnreadable: '无法读取文件（{0}）。',
  fileTooLarge: '文件太大：{0}（{1} 字节）；可导入的文件最大为 {2}。文件未被读取。',
  fileTooManyChars: '文件太大：{0} 个字符；可导入的文件最多 {1} 个字符。',
  fileNamed: '{0}：{1}',
  fileOtherJson:
    '这是另一种 JSON（{0}）：既不是论证图（"format": "argmap"），也不是 AIF（"nodes" 和 "edges" 列表）。',
  jsonList: '含 {0} 项的列表',
  jsonSingle: '单个 {0} 值',
  jsonEmptyObject: '空对象',
  jsonObjectWith: '含 {0} 的对象',
  jsonTooDeep: '此处 JSON 嵌套超过 {0} 层；论证图和 AIF 文件都不会嵌套这么深，因此未读取。',
  jsonInvalid: '不是有效的 JSON：{0}',
  jsonTruncated:
    '不是有效的 JSON：文本在 JSON 完整之前就结束了，文件似乎被截断（保存或下载时中断）。',
  jsonExpectedFound: '不是有效的 JSON：此处应为{0}，实际是 {1}。',
  jsonControlChar: '控制字符 U+{0}',
  jsonValue: '一个值（对象、列表、双引号字符串、数字、true、false 或 null）',
  jsonCloseString: '在同一行内用 " 结束字符串',
  jsonHexDigits: ' \\u 之后的四位十六进制数字',
  jsonEscape: '反斜杠之后的转义符，如 \\n、\\" 或 \\\\',
  jsonFieldName: '双引号中的字段名',
  jsonColon: '字段名之后的 ":"',
  jsonNothingAfter: ' JSON 结束后不再有内容',
  jsonCommaOr: ' "," 或 "{0}"',
  textTooLong: '{0}长 {1} 个字符；来源文本最多 {2} 个字符。',
  textWhatSidecar: 'AIF 文件旁的分析文本',
  textWhatArgdown: 'Argdown 文件',
  textWhatText: '文本',
  textEmpty: '文本是空的。',
  limSourceTooLong: '长 {0} 个字符；来源文本最多 {1} 个字符。',
  limFieldTooLong: '长 {0} 个字符；此字段最多 {1} 个字符（来源文本可有 {2} 个）。',
  limTooManyEntries: '有 {0} 项；上限为 {1}。',
  limWouldHaveEntries: '将有 {0} 项；上限为 {1}。',
  limLongFieldName: '有一个长 {0} 个字符的字段名；上限为 {1}。',
  limSentences: '共有 {0} 个句子；一张论证图最多 {1} 个。',
  limMapChars: '论证图共有 {0} 个字符的文本；一张论证图最多 {1} 个。',
  limEditRefused: '未做此修改：{0}',
  limFieldSays: '{0} {1}',
  inConvertedMap: '{0}（在转换后的论证图中）',
  valUnknownField: '不是此格式的字段（不接受未知字段）',
  valMissing: '缺失（应为 {0}）',
  valWrongType: '输入无效：应为 {0}，实际是 {1}',
  valOneOf: '选项无效：应为 {0} 之一',
  valExpected: '输入无效：应为 {0}',
  valNotEmpty: '不能为空',
  valIdTooLong: '超过 200 个字符',
  valWhole: '必须是整数',
  valNotNegative: '不能为负数',
  valCoordinate: '必须在 ±10,000,000 以内',
  valRating: '必须是 1 到 5',
  valOneSource: '至少要有一个来源',
  valSentenceIdUsed: '"{0}" 已被本图的另一个句子使用',
  valPastEnd: '{0} 超出了文本末尾（{1}）',
  valStartBeforeEnd: '起点 {0} 必须在终点 {1} 之前',
  valOverlaps: '{0} 与前一个句子重叠（前一句止于 {1}）',
  valPageBefore: '{0} 在前一页的起点（{1}）之前',
  valSplitsPair: '落在 UTF-16 代理对之内（同一个字符的两半之间）',
  valNotNode: '"{0}" 不是本图的节点',
  valNeedsRef: '{0} 类节点至少需要一个引用（只有推理节点和隐含前提可以没有）',
  valNotSentence: '"{0}" 不是本图的句子',
  valSpanEnds: '片段需要同时有起点和终点',
  valQuoteSpan: '引文需要其片段的起点和终点',
  valSpanOutside: '片段 {0}–{1} 超出了句子 "{2}"（{3}–{4}）',
  valQuoteMismatch: '"{0}" 与 {1}–{2} 处的文本（"{3}"）不符',
  valSelfEdge: '把节点 "{0}" 连到了它自己',
  valNotGroup: '"{0}" 不是本图的分组',
  valGroupCycle: '使分组成环（{0}）',
  valNotTarget: '"{0}" 不是本图的节点或连线',
  valSelfReply: '评论不能回复它自己',
  valNotComment: '"{0}" 不是本图的评论',
  valIdUsed: '"{0}" 已被另一个{1}使用',
  wSource: '来源',
  wNode: '节点',
  wEdge: '连线',
  wGroup: '分组',
  wTour: '导览',
  wComment: '评论',
  plain: '{0}',
  verMissing: '缺失：必须是整数（本编辑器可读取版本 0 到 {0}）',
  verBad: '是 {0}：必须是整数（本编辑器可读取版本 0 到 {1}）',
  verNewer:
    '此文件是版本 {0}，由较新的编辑器生成；本编辑器最高只能读取版本 {1}。请更新编辑器后再打开。',
  verNoStep: '没有从版本 {0} 迁移的步骤',
  migrated: '已从版本 {0} 迁移。',
  mapNotMap: '此 JSON 不是论证图：应为含 "format": "argmap" 的对象。',
  mapNoFormat: '缺失（应为 "{0}"）：此 JSON 不是论证图',
  mapOtherFormat: '是 {0}，不是 "{1}"：此文件不是论证图',
  backupNoMaps: '缺失：此备份不含任何论证图',
  backupNotBackup: '不是 "argmap-backup"',
  aifNotAif: '此 JSON 不是 AIF：应有 "nodes" 和 "edges" 列表（或包含它们的 "AIF" 对象）。',
  aifSkippedNoId: '已跳过第 {0} 个节点：它没有 nodeID。',
  aifSkippedType: '已跳过 {0} 个 {1}（{2}）节点：只有 I、RA、CA 和 MA 节点承载论证。',
  aifLocution: '话语',
  aifIllocution: '言外行为',
  aifTransition: '过渡',
  aifPreference: '偏好',
  aifUnknown: '未知',
  aifNoConclusion: '已跳过 {0} 节点 {1}：论证的节点中没有它的结论。',
  aifNoPremise: '已跳过 {0} 节点 {1}：论证的节点中没有它的前提。',
  aifConclusions: '{0} 节点 {1} 有 {2} 个结论；每个结论都得到了这一关系。',
  aifCounts: '从 {2} 个 AIF 节点得到 {0} 个节点和 {1} 条连线。',
  aifEmpty: '此 AIF 不含节点：论证图是空的。',
  aifNoGroups: 'AIF 没有章节或分组：论证图中也没有。',
  aifGuessed: '{0} 个陈述的类型由结构推断（AIF 没有类型）。',
  aifNoText: '此 AIF 不含分析文本：来源由各陈述拼成。',
  aifUnplaced: '{0} 个陈述在文本中未找到，已标为隐含。',
  aifIdUsed: '{0} 已被另一个节点使用（{1}）',
  aifEdgeShape: '必须是含 "fromID" 和 "toID" 的对象',
  aifMissing: '缺失',
  aifNodeId: '必须是节点标识（字符串或数字）',
  aifNotNode: '{0} 不是此 AIF 文件的节点',
  aifSelfEdge: '把 {0} 连到了它自己',
  aifBothEnds: '{0} 把陈述 {1} 同时作为前提和结论：经过 S 节点成环（陈述不能支持或攻击它自己）',
  aifCycle: '使 S 节点成环：{0}（推理或冲突不能经由其他节点依赖它自己）',
  adTooDeep: '此处关系按缩进嵌套超过 {0} 层；文件未被读取。',
  adParserFailed: 'Argdown 解析器出错：{0}',
  adNoLine: 'Argdown 解析器无法读取此文件，也未指出行号：关系、粗体或斜体可能嵌套过深。',
  adCannotRead: 'Argdown 解析器无法读取此文件：{0}',
  adSkippedRelation: '已跳过一个找不到两端的 {0} 关系（{1} → {2}）。',
  adOnArguments: '{0} 个指向重构论证的关系已连到它的最终推理。',
  adConverted: '{0} 个蕴涵/反对/矛盾关系已转为支持/攻击。',
  adElaboratesNone: '"elaborates: {0}" 没有对应的陈述；已跳过。',
  adGuessed: '{0} 个没有类型标签的陈述，类型由结构推断。',
  adNoCiteText: '陈述 "{0}" 没有可引用的文本；已标为隐含。',
  adNoStatements: '此 Argdown 文本不含陈述。',
  adHeadings: '{0} 个标题已成为分组。',
  adCounts: '从 {2} 个陈述和 {3} 个论证得到 {0} 个节点和 {1} 条连线。',
  adYamlInvalid: '{0}不是有效的 YAML：{1}。',
  adYamlTooBig: '{0}{1}；未被读取。',
  adFrontMatter: '前置元数据',
  adData: '数据',
  adYamlValues: '含有超过 {0} 个值（别名每用一次都计入）',
  adYamlChars: '含有超过 {0} 个字符（别名每用一次都计入）',
  txtSentences: '{0} 个句子，语言为 {1}。',
  txtSentencesGuessed: '{0} 个句子，语言为 {1}（根据文字推断）。',
  impImportedAs: '已导入为“{0}”。',
  impRestored: '已恢复 {0} 张论证图。',
  impNotRestored: '未恢复：第 {0} 张论证图：',
  impNotRestoredTitled: '未恢复：第 {0} 张论证图“{1}”：',
  impFailed: '无法导入此文件：{0}',
  problemAt: '{0}：{1}',
  placeLine: '第 {0} 行',
  placeLineColumn: '第 {0} 行第 {1} 列',
  moreProblems: '……另有 {0} 个问题。',
  repStepMissing: '其步骤 {0} 所指的节点未能载入；已略去',
  repOrphan: '它所在（或所回复）的记录未能载入；已略去',
  bakLeftOut: '备份未包含无法通过校验的内容（它们仍按原样保存）：{0}',
  bakMap: '“{0}”（{1}）：{2}',
  bakMapNext: '{0} — {1}',
  bakProblemNext: '{0} {1}',
  indented: '  {0}',
  twoLines: '{0}\n{1}',
  urlNotAddress: '“{0}”不是网址。',
  urlNotHttp: '只能打开 http 和 https 网址，不能打开“{0}”。',
  urlNetwork: '无法下载位于 {0} 的论证图（网络错误）。请检查网络连接后重试。',
  urlCors:
    '无法下载位于 {0} 的论证图：网络出错，或者该网站不允许其他网站读取它（CORS：它必须发送“Access-Control-Allow-Origin”）。',
  url404: '无法打开位于 {0} 的论证图：该地址没有文件（404 Not Found）。',
  urlStatus: '无法打开位于 {0} 的论证图：服务器返回 {1}。',
  urlTooLarge: '位于 {0} 的论证图太大（{1} MB）。',
  urlUnreadable: '无法读取位于 {0} 的论证图：{1}',
  urlInvalid: '位于 {0} 的文件不是有效的论证图：',
  sesNewerVersion:
    '编辑器的新版本已在另一个标签页中打开。请重新加载此标签页以继续保存：在此之前，你在这里的编辑保存在内存中，重新加载时会存储它们。',
  sesNoStorage:
    '此浏览器的存储不可用（{0}）。编辑器在内存中工作：关闭标签页后，未导出的更改将丢失（文件 → 论证图文件，或备份全部论证图）。',
  sesCouldNotStart: '编辑器无法启动：{0}',
  sesDamaged: '存储的论证图“{0}”已损坏，未打开：',
  sesSkipped: '此论证图有 {0} 条损坏的记录被略去；它们仍按原样存储，论证图的其余部分已打开：',
  sesDeleted: '“{0}”已在另一个标签页中删除。',
  // Shared maps (app/sharing)
  syncRefused:
    '共享服务器拒绝了此链接（{0}）：它可能已过期、已被论证图的所有者撤销，或已被改动。请向所有者索取新链接。此浏览器中已有的该论证图内容仍保留在这里，只读。',
  syncUnreachable:
    '无法连接位于 {0} 的共享服务器，而此浏览器中还没有这张论证图，因此无法打开。请在服务器运行且联网时再试。',
  syncShareFailed: '无法通过 {0} 共享此论证图：{1}',
  syncServerFull:
    '共享服务器现在无法存储对这张论证图的编辑（{0}）。你的编辑保存在此浏览器中，待服务器可以存储时再发送。',
  expCannotDraw: '此浏览器无法绘制该图像。',
  expPngTooLarge: '论证图太大，无法按此比例导出 PNG。',
  // Reading web pages, Word and Markdown (io/formats/html.ts, docx.ts, markdown.ts)
  fmtHtmlNoText: '此网页没有可导入的文本。',
  fmtHtmlWholePage: '网页中未找到正文，因此保留了它的全部文本（如有菜单和评论，也一并保留）。',
  fmtDocxIsText:
    '这是一个文本文件，不是 Word 文档（{0} 文件是 ZIP 压缩包）；它可能被改过扩展名。请改为按文本导入。',
  fmtDocxNotZip: '这不是 Word 文档：{0} 文件是 ZIP 压缩包，而此文件不是。',
  fmtDocxOldDoc:
    '这是 Word 97–2003 文档（{0}），无法读取；请（在 Word 或 {2} 中）另存为 {1} 后再导入。',
  fmtDocxDamaged: '此 Word 文档已损坏或不完整（保存或下载时被截断）：无法读取其 ZIP 压缩包。',
  fmtDocxNoDocument: '此 ZIP 压缩包不是 Word 文档：其中没有 {0}。',
  fmtDocxUnreadable: '无法读取此 Word 文档：{0}',
  fmtDocxNoText: '此 Word 文档没有文本。',
  fmtMdNoText: '去掉标记后，此 {0} 文本中没有文字。',
  fmtNotesGathered: '已将 {0} 条注释集中到文末的注释部分。',
  fmtNoteUnused: '有 {0} 条注释在正文中没有被引用，已放在注释部分的末尾。',
  fmtNoteMissing: '有 {0} 处注释引用找不到对应的注释，已按原样保留。',
  // Reading a PDF (io/formats/pdf.ts, io/formats/pdfClean.ts)
  pdfNotPdf: '此文件不是 PDF（它不以“%PDF-”开头）：它看起来是{0}。',
  pdfKindHtml: '网页，请作为网页打开',
  pdfKindText: '纯文本',
  pdfKindOther: '其他类型的文件',
  pdfNoText: '此 PDF 有 {0} 页，但没有文本层：它可能是扫描件。请先对其进行文字识别，或粘贴其文本。',
  pdfEncrypted: '此 PDF 受密码保护，无法读取其文本。请另存一份不加密的副本后导入。',
  pdfBroken: '此 PDF 已损坏或不完整，无法读取（{0}）。',
  pdfTruncated: '此 PDF 不完整：文件末尾缺失（文件被截断）。请重新下载。',
  pdfTooManyPages: '此 PDF 有 {0} 页；最多可导入 {1} 页的 PDF。',
  pdfTooLong: '此 PDF 的文本超过 {0} 个字符，即来源文本的上限；未导入。',
  pdfNoteRunning: '已删除 {0} 行页眉和页脚',
  pdfNotePageNumbers: '已删除 {0} 个页码',
  pdfNoteHyphens: '已接合 {0} 个在行末断开的连字符单词',
  pdfNoteFootnotes: '已将 {0} 条脚注移至文末注释',
  // Document sources and the importer registry (io/registry.ts)
  regNotAsNamed: '{0} 的文件名表明它是{1}，但它不是：其内容看来是{2}。',
  regLooksText: '纯文本',
  regLooksJson: 'JSON',
  regLooksHtml: '网页',
  regWhatDocument: '文档的文本',
  regHeadingsOffered: '找到 {0} 个标题，可作为分组采用。',
  regPages: '共 {0} 页，从第 {1} 页到第 {2} 页。',
  regNoSource: '该文件没有可添加的来源文本。',
  aifUnanchored: '在分析文本中未找到（已标记为“{0}”）：{1}',
  // Model draft: the optional model-made draft (draft/modelDraft.ts)
  modelEndpointInvalid:
    '起草模型的地址“{0}”不是网址；应形如 https://example.org/v1 或 http://localhost:8080/v1。',
  modelEndpointInsecure:
    '起草模型的地址“{0}”以明文 http 连接另一台计算机；请使用 https，以免密钥和文本以明文发送（明文 http 仅允许用于本机：localhost 或 127.0.0.1）。',
  modelNoModel: '未填写模型：请输入服务器所认的模型名称。',
  modelTextEmpty: '没有可供起草的文本。',
  modelUnreachable:
    '无法连接 {0} 处的起草模型：服务器未运行、地址有误，或它不接受来自本页面的请求（CORS）。',
  modelKeyRefused: '{0} 处的起草模型拒绝了密钥（HTTP {1}）；请在起草模型设置中检查密钥。',
  modelNotFound: '在 {0} 处未找到（HTTP 404）：请检查地址和模型名称“{1}”。',
  modelRateLimited: '{0} 处的起草模型正忙或额度已用完（HTTP 429）；请稍后再试。',
  modelServerError: '{0} 处的起草模型服务器出错（HTTP {1}）；请稍后再试。',
  modelHttpError: '{0} 处的起草模型返回了 HTTP {1}。',
  modelTimeout: '{0} 处的起草模型在 {1} 秒内没有回答。',
  modelCancelled: '已取消用模型起草。',
  modelAnswerNotJson: '起草模型的回答不是 JSON，因此没有生成草稿。',
  modelAnswerNotSchema: '起草模型的回答不符合所要求的结构（位于 {0}），因此没有生成草稿。',
  modelRefused: '起草模型拒绝起草：{0}',
  modelTruncated: '起草模型的回答未完成就被截断（超出模型的长度上限），因此没有生成草稿。',
  modelNoUnits: '起草模型给出的论证单元没有一个是原文中的段落，因此没有生成草稿。',
  modelNoCentral: '起草模型没有指出一个出自原文的中心论点，因此没有生成草稿。',
  modelConnected: '已连接 {0}；模型“{1}”可用。',
  modelConnectedNotListed: '已连接 {0}，但它没有列出模型“{1}”；它列出的是：{2}。',
  modelDroppedNotInText: '不是原文中的段落：“{0}”',
  modelDroppedOutside: '不在起草的范围内：“{0}”',
  modelDroppedOverlap: '与另一个单元重叠：“{0}”',
  modelDroppedEmpty: '一个空单元。',
  modelDroppedDuplicate: '第二个编号为 {0} 的单元：“{1}”',
  modelRepairWhitespace: '在原文中找到，但空白不同：“{0}”',
  modelRepairCentralKind: '中心论点“{0}”被标为 {1}；现作为结论提出。',
  modelRepairExtraConclusion: '“{0}”被标为结论，但不是中心论点；现作为论点提出。',
  modelRepairKind: '“{0}”的类型“{1}”无法识别；现作为论点提出。',
  modelRepairCentralLink: '中心论点“{0}”指向了另一个单元；该连接已删除。',
  modelRepairSecondLink: '“{0}”有不止一条自己的连接；只保留第一条。',
  modelRepairUnknownTarget: '有一条连接指向“{0}”，但它不是任何单元；该连接已删除。',
  modelRepairRelation: '有一条连接的关系“{0}”无法识别；该连接已删除。',
  modelRepairAttached: '“{0}”没有连接；已将它连到中心论点。',
  modelRepairAttachedDropped: '“{0}”指向一个被舍弃的单元；已改为连到中心论点。',
  modelRepairAttachedCycle: '“{0}”使连接形成了环；已删除它的连接，并将它连到中心论点。',
  // drafting (draft/rules.ts)
  draftSegmentNotFound: '第 {0} 个片段不在文本中（在它之前的片段之后）：“{1}”',
  draftSegmentEmpty: '第 {0} 个片段是空的。',
  draftNoSource: '草稿针对的来源 {0} 不在此论证图中。',
  draftUnitUncited: '单元 {0} 未触及其来源的任何句子：“{1}”',
  draftLinkDangling: '草稿的连线 {0} 连接了草稿中不存在的单元或节点。',
  // Web pages in other character sets than UTF-8 (io/decodeText.ts, decodeHtml)
  fileCharsetUnknown:
    '网页声明其文字编码为“{0}”，此处无法读取这种编码。请将网页另存为 UTF-8 后重新打开。',
  fileCharsetInvalid:
    '网页声明其文字编码为“{0}”，但其中有在该编码下无效的字节：文件可能已损坏，或所声明的编码有误。',
};

/** A template by key in a language: the UI's translator (`t`) passes its own dictionary. */
type Lookup = (key: MessageKey) => string;

/**
 * A message in the interface's language (its arguments too, when they are messages); a string
 * (free words, data) as it is.
 */
export function showText(t: Lookup, text: MessageArg): string {
  if (typeof text === 'string') return text;
  const show = (m: Message): string => {
    const [place, ...rest] = m.args;
    // A problem's place (`line 4, column 5`) in the same language.
    const args =
      m.key === 'problemAt' && typeof place === 'string' ? [showPlace(t, place), ...rest] : m.args;
    return fillTemplate(t(m.key), args, show);
  };
  return show(text);
}

/** A problem's place in the interface's language: `line 4, column 5` → 第 4 行第 5 列. */
export function showPlace(t: Lookup, place: string): string {
  const at = /^line (\d+)(?:, column (\d+))?$/.exec(place);
  if (!at) return place;
  return at[2] === undefined
    ? fillTemplate(t('placeLine'), [at[1]!], String)
    : fillTemplate(t('placeLineColumn'), [at[1]!, at[2]], String);
}
