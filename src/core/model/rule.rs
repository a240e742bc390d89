//! The rule registry: every rule the checker has, with its stable id, severity, family, a
//! one-line Chinese title and its doc (what it checks, why, an example that fails, how to fix
//! it). Every finding is made through a [`Rule`], so a rule id is written here and nowhere
//! else; `docs/rules/<id>.md` and `nianbao rule ID` are generated from this table.
//!
//! It lives in `model` because rules are found at two stages: reading (`structure.*`, where a
//! table cannot be read) and checking (`rules/`). Ids never change (`CONTRACT.md`).

use super::finding::Severity;

/// The families of rules: the part of the report a rule is about (the id's prefix).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    Structure,
    Requests,
    ReviewLitigation,
    Active,
    Value,
    Narrative,
    Section,
    Date,
    CrossYear,
}

impl Family {
    /// The id prefix: `structure`, `requests`, ….
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Requests => "requests",
            Family::ReviewLitigation => "review_litigation",
            Family::Active => "active",
            Family::Value => "value",
            Family::Narrative => "narrative",
            Family::Section => "section",
            Family::Date => "date",
            Family::CrossYear => "crossyear",
        }
    }

    /// The family's name for readers.
    pub fn chinese(self) -> &'static str {
        match self {
            Family::Structure => "结构",
            Family::Requests => "表三",
            Family::ReviewLitigation => "表四",
            Family::Active => "表二",
            Family::Value => "数值",
            Family::Narrative => "文字与表格",
            Family::Section => "文字与表格",
            Family::Date => "日期",
            Family::CrossYear => "跨年核对",
        }
    }
}

/// A rule's documentation, in Chinese: what it checks, why (the template's note or the article
/// of the 条例), an example that fails, and how to fix it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleDoc {
    pub what: &'static str,
    pub why: &'static str,
    pub example: &'static str,
    pub fix: &'static str,
}

macro_rules! registry {
    ($(
        $variant:ident = $id:literal, $severity:ident, $family:ident, $title:literal {
            what: $what:literal,
            why: $why:literal,
            example: $example:literal,
            fix: $fix:literal $(,)?
        }
    )*) => {
        /// Every rule, by the name the code uses; [`Rule::id`] is the name users see.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($variant,)*
        }

        impl Rule {
            /// Every rule, in the registry's order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable id: `requests.balance`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Rule::$variant => $id,)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Rule::$variant => Severity::$severity,)*
                }
            }

            pub fn family(self) -> Family {
                match self {
                    $(Rule::$variant => Family::$family,)*
                }
            }

            /// What the rule checks, in one Chinese line.
            pub fn title(self) -> &'static str {
                match self {
                    $(Rule::$variant => $title,)*
                }
            }

            pub fn doc(self) -> RuleDoc {
                match self {
                    $(Rule::$variant => RuleDoc {
                        what: $what,
                        why: $why,
                        example: $example,
                        fix: $fix,
                    },)*
                }
            }
        }
    };
}

impl Rule {
    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|rule| rule.id() == id)
    }
}

impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> serde::Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Rule, D::Error> {
        let id = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Rule::from_id(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown rule {id}")))
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

registry! {
    // ------------------------------------------------------------------ structure: the form
    SectionMissing = "structure.section_missing", Error, Structure, "缺少六个部分中的某一部分" {
        what: "年报应有模板规定的六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。找不到其中某一部分的标题时报告。标题写法不同、序号写错或前面有空格时，按序号和位置也能找到；第四部分之后紧接着写（一）主要问题、（二）改进情况时，视为第五部分的标题丢了、内容还在，不报告。",
        why: "国办公开办函〔2019〕60号和〔2021〕30号规定的年报格式都由这六部分组成，缺少一部分即内容不全。",
        example: "报告写完“四、政府信息公开行政复议、行政诉讼情况”后直接写“六、其他需要报告的事项”，没有“五、存在的主要问题及改进情况”。",
        fix: "补上缺少的部分，标题按模板写（如“五、存在的主要问题及改进情况”）。如果该部分其实在，只是标题写法不同，改用模板的标题。",
    }
    SectionOrder = "structure.section_order", Warning, Structure, "六个部分顺序或编号与模板不符" {
        what: "六个部分应按一到六的顺序出现，并用各自的序号。某部分出现在后一部分之后，或标题的序号与它在模板中的序号不同时报告。",
        why: "模板规定了六个部分的顺序和编号，顺序错乱或编号错误会让读者找错内容，也常是复制粘贴时漏段、重段的迹象。",
        example: "“三、政府信息公开行政复议、行政诉讼情况”：这一部分在模板中是第四部分。",
        fix: "按模板调整各部分的顺序和序号。",
    }
    TableMissing = "structure.table_missing", Error, Structure, "找不到表二、表三或表四" {
        what: "在报告中找不到主动公开情况表（表二）、收到和处理政府信息公开申请情况表（表三）或行政复议、行政诉讼情况表（表四）时报告。",
        why: "三张统计表是年报的必填内容；找不到的表无法核对，不能当作通过。",
        example: "第三部分只有一段文字“本年度共收到申请23件”，没有表三。",
        fix: "按模板补上统计表。如果表在原文中存在（例如是图片，或复制时丢了），请粘贴包含表格文字的版本，或打开 .docx / 网页文件。",
    }
    UnknownTemplate = "structure.unknown_template", Error, Structure, "不属于2019年版或2021年版模板" {
        what: "报告既不是2019年版也不是2021年版国家模板（例如2019年以前的“指标名称/计量单位”旧格式），或者根本找不到统计表时报告；此时不核对表格。",
        why: "表格的行、列和勾稽关系由模板规定，认不出模板就无法逐格核对，宁可说明也不猜测。",
        example: "“指标名称 | 计量单位 | 统计数”格式的2018年报告。",
        fix: "2019年及以后的年报应使用国家模板。如果是模板年报但没被认出，请确认粘贴的是完整报告（含表头）。",
    }
    TemplateMismatch = "structure.template_mismatch", Error, Structure, "模板与年度不符或两版模板混用" {
        what: "2021年及以后的年报用了2019年版模板、2019–2020年的年报用了2021年版模板，或同一份报告中两版模板的表述混用时报告。",
        why: "国办公开办函〔2021〕30号要求自2021年度年报起使用新模板；两版表二、表三的行列不同，混用会使数字对不上行列。",
        example: "2022年度报告的表二仍有“本年新制作数量 / 本年新公开数量 / 对外公开总数量”。",
        fix: "按报告年度换用对应模板：2019、2020年度用2019年版，2021年度起用2021年版。",
    }
    TemplateInferred = "structure.template_inferred", Info, Structure, "表头认不出模板，按年度推定" {
        what: "表二的表头中没有能区分两版模板的字样，但报告有表三时，按报告年度推定模板（2020年及以前为2019年版，之后为2021年版），并说明是推定的。",
        why: "说明推定的依据，读者才能判断核对结果是否可靠。",
        example: "表二只有数字，没有“本年制发件数”等表头。",
        fix: "通常无需处理；如推定有误，请粘贴含完整表头的表格。",
    }
    Period = "structure.period", Warning, Structure, "统计期限或报告年度前后不一" {
        what: "统计期限应为报告年度的1月1日至12月31日；标题、开头说明报告年度的句子（如“现公布2020年度…年度报告”“涵盖2020年”）和表头注明的年份（如“上一年项目数量（指2019年事项数）”）应与报告年度一致。正文中的计划、比较等年份不在此列。",
        why: "年报统计的是一个自然年度的情况；年份写错是常见的复制上年报告的遗留。",
        example: "2021年度报告写“本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止”。",
        fix: "把统计期限和各处年份改为报告年度。",
    }
    RowMissing = "structure.row_missing", Error, Structure, "表格缺少模板规定的行" {
        what: "认出了表格，但模板规定的某些行找不到时报告，并列出缺少的行；缺行的单元格无法核对。",
        why: "模板的每一行都要填写（没有发生的填0），缺行会使合计无从核对。",
        example: "表三中没有“（四）无法提供”下的“3.补正后申请内容仍不明确”一行。",
        fix: "按模板补上缺少的行；如果原文有这一行，检查行名是否被改写或与其他行粘连。",
    }
    UnreadableRow = "structure.unreadable_row", Warning, Structure, "一行的数字无法确定各自所在的列" {
        what: "一行读到的数字少于应有的单元格数，又没有足够的空位表示空白，无法确定每个数属于哪一列时报告；这一行不参与核对，没有其他错误时结论为“未能可靠读取”。",
        why: "把数字猜到某一列上可能冤枉正确的报告；读不准就说读不准。",
        example: "表三“（一）予以公开”行应有7个单元格，只读到“5、3”两个数。",
        fix: "检查这一行是否漏填；或改为粘贴带表格结构的内容（从网页或 Word 复制，或打开 .docx 文件），让各格分开读取。",
    }
    UnreadableCell = "structure.unreadable_cell", Error, Structure, "表格单元格既不是数字也不是空白" {
        what: "从表格结构（粘贴的网页或 Word 表格、.html 或 .docx 文件）读取时，某个单元格的内容既不是数字，也不是表示空白的“/”“-”“无”等时报告；任何读法下，单元格的数大于 10 的 15 次方（超出可核对的范围，如30位数字）时也报告。",
        why: "无法读出数值的单元格不能参与合计，更不能当作0；超出范围的数既不能当作空白，也不能丢掉（丢掉会使这一行的数错位），相加还会溢出。",
        example: "表三某格写着“若干”。",
        fix: "把该格改为数字（没有发生的填0）。",
    }
    SecondTable = "structure.second_table", Error, Structure, "报告中有第二张表三，与核对的那张不同" {
        what: "读出表三之后，后文中又读出一张大部分行都在的表三，且有单元格与第一张不同时报告，指出核对的是哪一张（第一张）、另一张在哪里、第一处不同；另一张不参与核对。",
        why: "同一份报告只能有一张表三；两张不同时，读者不知道哪一张是真的，只核对一张而不说明，另一张的错误就被放过了。",
        example: "表三之后又附了一张修改前的表三，“（一）予以公开”行“自然人”格一张是5，另一张是7。",
        fix: "删去多余的一张；如果两张都有用处（例如分列上下半年），请合并为模板规定的一张。",
    }
    AmbiguousCells = "structure.ambiguous_cells", Warning, Structure, "数字或空白的位置有不止一种读法" {
        what: "一行中空白的位置多于空单元格，无法确定哪一格为空；或一串连在一起的数字有不止一种拆法，无法确定时报告。前一种按最可能的读法读取并提示核对，后一种这一行不参与核对。",
        why: "有多种读法时，选错会冤枉正确的报告，所以要说明。",
        example: "表三某行的数字连成“640020470”，按合计关系可以拆成“64、0、0、2、0、4、70”，也可以有别的拆法。",
        fix: "粘贴带表格结构的内容（从网页或 Word 复制，或打开 .docx 文件），或在原文中把各格用制表符或空格分开。",
    }
    ReconstructedCells = "structure.reconstructed_cells", Info, Structure, "连在一起的数字按表内合计拆开" {
        what: "一行的数字连在一起（网页复制成文字时常见），而按表内合计关系只有一种拆法时，按这种拆法读取并说明。",
        why: "表格本身的合计关系能唯一确定读法时，可以可靠地读出；说明拆法，读者可以核对。",
        example: "“本年新收政府信息公开申请数量640020470”按“六类申请人之和=总计”只能拆为 64、0、0、2、0、4、70。",
        fix: "通常无需处理；要避免，请粘贴带表格结构的内容。",
    }
    ExtraCells = "structure.extra_cells", Warning, Structure, "一行的数字多于单元格" {
        what: "一行读到的数字多于该行的单元格数时报告，多出的数不计入表格；这一行的读法不确定，没有其他错误时结论为“未能可靠读取”。",
        why: "多出的数字往往意味着错列或两行粘连，按顺序读取可能错位。",
        example: "表二“规章”行应有3个单元格，读到“0、0、1、5”四个数。",
        fix: "检查这一行是否多填或与下一行粘连。",
    }
    // ------------------------------------------------------------------ 表三
    RequestsRowSum = "requests.row_sum", Error, Requests, "表三一行的总计不等于六类申请人之和" {
        what: "表三每一行的“总计”应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。空白不当作0：一侧有空白时，只有已知部分已经超过另一侧才报告。",
        why: "总计是各类申请人数量的合计，这是表三的基本算术关系。",
        example: "“一、本年新收政府信息公开申请数量”：自然人20、商业企业3、其他0，总计24（应为23）。",
        fix: "重新核对这一行各列和总计，改正算错的数。",
    }
    RequestsColumnSum = "requests.column_sum", Error, Requests, "表三（七）总计不等于（一）至（六）之和" {
        what: "表三每一列的“（七）总计”应等于“（一）予以公开”到“（六）其他处理”各项（含各小项）之和。",
        why: "模板规定（七）总计是本年度各种办理结果的合计（“区分处理的，只计这一情形，不计其他情形”）。",
        example: "自然人列：（一）至（六）各项之和为21，（七）总计为22。",
        fix: "逐项核对办理结果，改正（七）总计或算错的小项。",
    }
    RequestsBalance = "requests.balance", Error, Requests, "表三“一+二=（七）+四”不成立" {
        what: "表三每一列应满足“一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理”。",
        why: "这是模板表三注明的勾稽关系：“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”。",
        example: "总计列：本年新收23 + 上年结转2 = 25，而（七）总计22 + 结转下年度2 = 24。",
        fix: "核对新收、上年结转、办结和结转下年度的数量，使两边相等。",
    }
    RequestsBlank = "requests.blank", Warning, Requests, "表三有空白单元格" {
        what: "表三的单元格留空（或写“/”“-”“无”）时按列报告。空白不等于0，含空白的合计只在已知部分已经出错时才报告。",
        why: "模板要求每格都填写数字，没有发生的填0；空白使读者无法判断是0还是漏填。",
        example: "表三“商业企业”列有25格空白。",
        fix: "把空白格填上数字，没有发生的填0。",
    }
    // ------------------------------------------------------------------ 表四
    ReviewLitigationSum = "review_litigation.sum", Error, ReviewLitigation, "表四一组的总计不等于各项之和" {
        what: "表四中行政复议、未经复议直接起诉、复议后起诉三组，每组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。",
        why: "总计是该组各种结果的合计。",
        example: "行政复议：结果维持1、结果纠正0、其他结果0、尚未审结1，总计3（应为2）。",
        fix: "核对这一组的各项和总计。",
    }
    ReviewLitigationBlank = "review_litigation.blank", Warning, ReviewLitigation, "表四有空白单元格" {
        what: "表四的单元格留空（或写“/”“-”“无”）时按列报告。",
        why: "模板要求每格都填写数字，没有发生的填0；空白不等于0。",
        example: "表四“复议后起诉·尚未审结”为空。",
        fix: "把空白格填上数字，没有发生的填0。",
    }
    // ------------------------------------------------------------------ 表二
    ActiveBlank = "active.blank", Warning, Active, "表二有空白单元格" {
        what: "表二的单元格留空（或写“/”“-”“无”）时按列报告。",
        why: "模板要求每格都填写数字，没有发生的填0；空白不等于0。",
        example: "表二“规章·本年废止件数”为空。",
        fix: "把空白格填上数字，没有发生的填0。",
    }
    ActiveInconsistent = "active.inconsistent", Warning, Active, "表二的数值不可能成立" {
        what: "表二中不可能成立的数值：件数为负；2019年版中本年新公开数量大于对外公开总数量，或上一年项目数量加本年增减小于0；2021年版中本年制发件数大于现行有效件数。",
        why: "这些关系由各栏的含义决定，违反时至少有一个数填错了。",
        example: "2019年版“规范性文件”行：本年新公开12，对外公开总数量8。",
        fix: "核对这一行的各个数。",
    }
    // ------------------------------------------------------------------ values
    ValueNegative = "value.negative", Error, Value, "表三或表四出现负数" {
        what: "表三、表四的单元格是件数，不可能为负数。",
        why: "申请和案件的数量只能是0或正数。",
        example: "表三“二、上年结转政府信息公开申请数量·总计”为 -1。",
        fix: "改为正确的件数。",
    }
    // ------------------------------------------------------------------ the text and the tables
    NarrativeMismatch = "narrative.mismatch", Warning, Narrative, "正文所述数字与表格不符" {
        what: "正文中明确说的数量与表格的任何一种合理读法都对不上时报告，并引用原句和行号。只比较措辞能确定指哪些格的句子：收到/受理/新收…申请N件（一，或一+二）；办理…申请（一、一+二或（七））；办结/答复（（七））；上年结转（二）；结转/顺延下年度（四）；予以公开、部分公开、不予公开、无法提供、不予处理、其他处理（该类，或句中点明理由的那一行）；政府信息公开行政复议/行政诉讼N件/起（诉讼为两组之和，或只算直接起诉；说明是复议后起诉的算那一组）及其维持、纠正、其他结果、尚未审结；制发/现行有效/废止规范性文件或规章（2021年版；2019年版只比较制发）；予以公开率x%。单位可以是件、宗、起、个。是一部分（其中、当面、网上、某领域）、别的申请（来信、留言、建议、网络问政）、变化（同比、增长）、估计（约、余、以上）、一年中的一段（某月、季度）或别的年份的句子不比较。文字说0而表格为空白的，留给空白规则。",
        why: "正文和表格说的是同一组数据，不一致时至少有一处错误。",
        example: "正文“全年共收到政府信息公开申请23件”，表三“一、本年新收”总计为25，“一+二”为27。",
        fix: "核对正文和表格，改正写错的一处。",
    }
    SectionProblemsEmpty = "section.problems_empty", Warning, Section, "第五部分“存在的主要问题及改进情况”没有内容" {
        what: "第五部分没有文字，或只写了“无”“暂无”“没有”。一部分的文字从它的标题之后到下一个标题；末尾的落款和日期不算在内。",
        why: "《中华人民共和国政府信息公开条例》第五十条要求年报包括“存在的主要问题及改进情况”。",
        example: "“五、存在的主要问题及改进情况 无。”",
        fix: "写明本年度工作存在的主要问题和改进措施。",
    }
    SectionFeesUnstated = "section.fees_unstated", Info, Section, "第六部分未说明信息处理费情况" {
        what: "2021年版模板的年报，第六部分“其他需要报告的事项”没有提到信息处理费（处理费、收费）时提示。",
        why: "国办公开办函〔2021〕30号要求在第六部分报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况。",
        example: "“六、其他需要报告的事项 无。”",
        fix: "说明本年度收取信息处理费的情况（没有收取也写明）。",
    }
    DateDeadline = "date.deadline", Warning, Date, "年报公布日期晚于法定期限" {
        what: "报告末尾的日期晚于次年1月31日（部门、办公室、乡镇、街道）或3月31日（县级以上人民政府本级）时报告。机关类型由 --kind（或 JS 接口的 kind）指定，否则按机关名称判断：某某县人民政府、淮安市人民政府、重庆市大渡口区是县级以上人民政府；某某县财政局、…人民政府办公室、某某镇人民政府、…街道办事处按1月31日。名称不能判断类型时（平潭综合实验区、…管委会），只报告晚于3月31日、无论哪类机关都已逾期的日期。提示中说明机关类型是怎样确定的。",
        why: "《中华人民共和国政府信息公开条例》第四十九条：县级以上人民政府部门于每年1月31日前、县级以上人民政府于每年3月31日前公布上一年度的年报。",
        example: "某某县财政局2023年度报告落款“2024年2月20日”。",
        fix: "核对落款日期；如确实晚于期限，请在以后按期公布。",
    }
    // ------------------------------------------------------------------ with last year's report
    CarryOver = "crossyear.carry_over", Warning, CrossYear, "上年结转与上年年报的结转下年度不符" {
        what: "提供上年年报时，本年表三“二、上年结转政府信息公开申请数量”的每一列应等于上年表三“四、结转下年度继续办理”的同一列。",
        why: "上年结转到本年的申请就是上年结转下年度继续办理的申请。",
        example: "本年“上年结转·总计”为3，上年年报“结转下年度继续办理·总计”为2。",
        fix: "核对两年的结转数，改正有误的一份。",
    }
    ActiveInForce = "crossyear.active_in_force", Warning, CrossYear, "现行有效件数与上年不衔接" {
        what: "2021年版模板：表二规章、规范性文件的“现行有效件数”应等于上年的现行有效件数加本年制发件数、减本年废止件数。",
        why: "现行有效件数是逐年累计的存量。",
        example: "上年现行有效20件，本年制发3件、废止1件，本年现行有效却为25件（应为22件）。",
        fix: "核对现行有效、制发和废止件数。",
    }
    ActiveProjects = "crossyear.active_projects", Warning, CrossYear, "上一年项目数量与上年年报不衔接" {
        what: "2019年版模板：表二的“上一年项目数量”应等于上年年报的上一年项目数量加上年年报的“本年增/减”。",
        why: "2020年度报告的“上一年项目数量（指2019年事项数）”就是2019年末的事项数，即上年的期初数加上年的增减。",
        example: "上年年报行政许可上一年项目数量50、本年增减+3，本年上一年项目数量却为50（应为53）。",
        fix: "核对两年的事项数。",
    }
    SameText = "crossyear.same_text", Warning, CrossYear, "内容与上年年报雷同" {
        what: "第一部分“总体情况”或第五部分“存在的主要问题及改进情况”与上年年报相同部分的文字90%以上相同时报告。只比较汉字、字母和数字（不计空格、标点和换行），相同的比例按两段文字的最长公共子序列计算；不到50字的段落留给 section.problems_empty；两段都很长（各约8000字以上）时改按相邻两字的重合比例计算，不会卡住。",
        why: "年报应反映本年度的工作；照抄上年的文字通常意味着没有如实总结。",
        example: "本年第五部分与上年第五部分只改了年份。",
        fix: "按本年度的实际情况重写这一部分。",
    }
    Jump = "crossyear.jump", Info, CrossYear, "表三总数与上年相比变化很大" {
        what: "表三的总数是上年的5倍以上或不到五分之一时提示。比较的是“一、本年新收”和（一）至（七）各项办理结果的总计列；一项有几行的先合计，所以2019年版的“（六）其他处理”与2021年版（六）的三行可以比较。上年不到5件的不比较，5倍在那时说明不了什么。",
        why: "变化很大时往往是填错了行或多打少打了一位数，值得再看一眼；也可能确实如此。",
        example: "上年新收申请12件，本年新收120件。",
        fix: "核对该数字；如确实如此，无需处理。",
    }
    NotCompared = "crossyear.not_compared", Info, CrossYear, "跨年核对没有可比较的数字" {
        what: "提供了上年年报，但某项跨年核对因表格缺失或单元格空白而没有任何可以比较的数字时说明。",
        why: "没有比较过的内容不能算作一致，要说明。",
        example: "上年年报的表三没有读出，上年结转无法核对。",
        fix: "提供完整的上年年报，或补上空白的单元格。",
    }
    NotConsecutive = "crossyear.not_consecutive", Info, CrossYear, "上年年报不是上一年度的" {
        what: "作为上年年报提供的报告不是本年报的上一年度，或读不出其中一份的年度时说明；不相邻的两年不核对结转和表二。",
        why: "结转和累计数只在相邻两年之间衔接。",
        example: "本年报为2023年度，提供的“上年年报”是2021年度的。",
        fix: "提供上一年度的年报。",
    }
    OtherAgency = "crossyear.other_agency", Info, CrossYear, "上年年报的机关与本年不同" {
        what: "两份报告的机关名称不同时说明；如果不是同一机关（或机关更名），跨年核对的结果不适用。",
        why: "跨年核对比较的是同一机关两年的数据。",
        example: "本年报为“某某县财政局”，上年年报为“某某县教育局”。",
        fix: "确认提供的是同一机关的上年年报。",
    }
    TemplateChanged = "crossyear.template_changed", Info, CrossYear, "两年使用的模板不同" {
        what: "两份报告使用的模板不同时说明。2020年度到2021年度是全国统一换用新模板；表三两版共有的行仍按行比较。",
        why: "两版表二的栏目不同，不能逐格比较。",
        example: "上年年报用2019年版，本年用2021年版。",
        fix: "通常无需处理。",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_carry_their_family() {
        let mut ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len());
        for rule in Rule::ALL {
            let (prefix, name) = rule.id().split_once('.').unwrap();
            assert_eq!(prefix, rule.family().prefix(), "{rule}");
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert_eq!(Rule::from_id(rule.id()), Some(*rule));
            let doc = rule.doc();
            for part in [rule.title(), doc.what, doc.why, doc.example, doc.fix] {
                assert!(!part.trim().is_empty(), "{rule}");
            }
        }
    }
}
