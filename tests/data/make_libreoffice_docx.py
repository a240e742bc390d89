"""Writes tests/data/libreoffice.docx: a short 2021-template report whose three tables are the
truth tables of ../shared/fixtures/平潭综合实验区_2021, laid out with the national template's
merged cells (rowspan/colspan) in HTML and converted by LibreOffice Writer, so that the .docx
is LibreOffice's own (its gridSpan, vMerge, styles, runs).

    python3 tests/data/make_libreoffice_docx.py   # needs soffice (Debian: libreoffice-writer-nogui)
"""
import json, os, pathlib, subprocess, tempfile

HERE = pathlib.Path(__file__).resolve().parent
TRUTH = json.loads((HERE / "../../../shared/fixtures/平潭综合实验区_2021.truth.json").read_text("utf-8"))
T = TRUTH["tables"]
# The fixture's 表二 is not scored (its digits ran together); these are the values its notes
# and the next year's report give.
T.setdefault("active", {
    "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
    "normative_docs": {"issued": 69, "repealed": 3, "in_force": 665},
    "licensing": {"decisions": 2293},
    "penalty": {"decisions": 1282},
    "coercion": {"decisions": 42},
    "fees": {"amount_wan_yuan": 2425.31},
})


def num(v):
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else str(v)


def tr(*cells):
    out = "<tr>"
    for text, colspan, rowspan in cells:
        out += f'<td colspan="{colspan}" rowspan="{rowspan}">{text}</td>'
    return out + "</tr>\n"


def c(text, colspan=1, rowspan=1):
    return (text, colspan, rowspan)


active = '<table border="1">\n'
blocks = [
    ("一", ["本年制发件数", "本年废止件数", "现行有效件数"], [("regulations", "规章"), ("normative_docs", "行政规范性文件")], ["issued", "repealed", "in_force"]),
    ("五", ["本年处理决定数量"], [("licensing", "行政许可")], ["decisions"]),
    ("六", ["本年处理决定数量"], [("penalty", "行政处罚"), ("coercion", "行政强制")], ["decisions"]),
    ("八", ["本年收费金额（单位：万元）"], [("fees", "行政事业性收费")], ["amount_wan_yuan"]),
]
for item, heads, rows, cols in blocks:
    active += tr(c(f"第二十条第（{item}）项", 4))
    span = 4 - len(heads)
    active += tr(c("信息内容"), *[c(h, 1 if i < len(heads) - 1 else span) for i, h in enumerate(heads)])
    for key, label in rows:
        active += tr(c(label), *[c(num(T["active"][key][col]), 1 if i < len(cols) - 1 else span) for i, col in enumerate(cols)])
active += "</table>\n"

REQ_COLS = ["natural", "commercial", "research", "social", "legal", "other", "total"]
rows = [
    ("new", None, "一、本年新收政府信息公开申请数量"),
    ("carried_over", None, "二、上年结转政府信息公开申请数量"),
    ("granted", None, "（一）予以公开"),
    ("partial", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
]
denied = ["属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益", "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"]
keys = ["state_secret", "law_prohibited", "safety_stability", "third_party", "internal", "process", "enforcement_file", "query"]
rows += [(f"denied.{k}", "（三）不予公开", f"{i + 1}．{l}") for i, (k, l) in enumerate(zip(keys, denied))]
rows += [(f"unable.{k}", "（四）无法提供", f"{i + 1}．{l}") for i, (k, l) in enumerate(zip(["not_held", "needs_creation", "unclear"], ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"]))]
rows += [(f"ignored.{k}", "（五）不予处理", f"{i + 1}．{l}") for i, (k, l) in enumerate(zip(["complaint", "duplicate", "publication", "excessive", "confirmation"], ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"]))]
rows += [(f"other.{k}", "（六）其他处理", f"{i + 1}．{l}") for i, (k, l) in enumerate(zip(["no_correction", "no_fee", "misc"], ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"]))]
rows += [("total", None, "（七）总计"), ("carry_forward", None, "四、结转下年度继续办理")]

requests = '<table border="1">\n'
requests += tr(c("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), c("申请人情况", 7))
requests += tr(c("自然人", 1, 2), c("法人或其他组织", 5), c("总计", 1, 2))
requests += tr(*[c(h) for h in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]])
results = [r for r in rows if r[0] not in ("new", "carried_over", "carry_forward")]
seen_groups = set()
for key, group, label in rows:
    values = [c(num(T["requests"][key][col])) for col in REQ_COLS]
    cells = []
    if key in ("new", "carried_over", "carry_forward"):
        cells.append(c(label, 3))
    else:
        if key == "granted":
            cells.append(c("三、本年度办理结果", 1, len(results)))
        if group is None:
            cells.append(c(label, 2))
        else:
            if group not in seen_groups:
                seen_groups.add(group)
                cells.append(c(group, 1, sum(1 for r in rows if r[1] == group)))
            cells.append(c(label))
    requests += tr(*cells, *values)
requests += "</table>\n"

heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
review = '<table border="1">\n'
review += tr(c("行政复议", 5), c("行政诉讼", 10))
review += tr(*[c(h, 1, 2) for h in heads], c("未经复议直接起诉", 5), c("复议后起诉", 5))
review += tr(*[c(h) for h in heads + heads])
cols = ["upheld", "corrected", "other", "pending", "total"]
review += tr(*[c(num(T["review_litigation"][g][col])) for g in ["review", "litigation_direct", "litigation_after_review"] for col in cols])
review += "</table>\n"

html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title></head><body>
<p>平潭综合实验区2021年度政府信息公开工作年度报告</p>
<p>本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。</p>
<p>一、总体情况</p>
<p>2021年，我区坚持以人民为中心深化政务公开。本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。</p>
<p>二、主动公开政府信息情况</p>
{active}
<p>三、收到和处理政府信息公开申请情况</p>
{requests}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
{review}
<p>五、存在的主要问题及改进情况</p>
<p>政策解读形式不够丰富。下一步将丰富政策解读形式。</p>
<p>六、其他需要报告的事项</p>
<p>2021年，无收取信息处理费情况。</p>
<p>平潭综合实验区党工委管委会</p>
<p>2022年1月25日</p>
</body></html>"""

with tempfile.TemporaryDirectory() as tmp:
    source = pathlib.Path(tmp) / "libreoffice.html"
    source.write_text(html, "utf-8")
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(source)],
        check=True,
    )
    (HERE / "libreoffice.docx").write_bytes((pathlib.Path(tmp) / "libreoffice.docx").read_bytes())
print("wrote", HERE / "libreoffice.docx")
