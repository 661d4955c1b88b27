"""Headings and column labels of the DOCX rendering, in Chinese and English.

The HTML and Markdown documents carry their wording in the templates; the DOCX writer, which
builds the document in Python, reads it from here.
"""

from __future__ import annotations

__all__ = ["LABELS", "QUANTITIES", "SCOPES", "TITLES"]

TITLES = {
    "zh": {"pdd": "项目设计文件", "monitoring": "减排量核算报告", "validation": "审定报告",
           "verification": "核查报告"},
    "en": {"pdd": "Project design document", "monitoring": "Emission reduction accounting report",
           "validation": "Validation report", "verification": "Verification report"},
}

LABELS = {
    "zh": {
        "item": "项目", "value": "内容", "name": "项目名称", "project_id": "项目编号",
        "owner": "项目业主", "province": "所在省份", "methodology": "方法学",
        "version": "方法学版本", "construction_start": "开工建设日期",
        "grid_connection": "并网日期", "crediting_period": "计入期",
        "application_date": "减排量登记申请日期", "fingerprint": "指纹",
        "checks": "适用条件与合规检查", "condition": "条件", "outcome": "结果",
        "evidence": "证据（计算依据）", "source": "数据来源/依据", "passed": "符合",
        "failed": "不符合", "fixed": "事前确定及主管部门发布的参数",
        "monitored": "需监测的数据和参数", "parameter": "数据/参数", "unit": "单位",
        "description": "描述", "used": "所使用的值", "frequency": "监测频率",
        "equations": "减排量计算公式",
        "periods": "减排量（按核算期）", "period": "核算期", "dates": "起止日期",
        "total": "合计", "vintages": "减排量（按年份）", "year": "年份",
        "issuable": "可签发量 (tCO2e)", "ex_ante": "计入期内逐年预计减排量",
        "ex_ante_er": "预计减排量 (tCO2e)", "no_ex_ante": "项目文件未给出事前估算（ex_ante）。",
        "comparison": "与项目设计文件预计值比较", "ex_ante_year": "预计减排量（全年，tCO2e）",
        "days": "覆盖天数", "expected": "预计减排量（按覆盖天数，tCO2e）",
        "actual": "实际减排量 (tCO2e)", "difference": "差异 (tCO2e)", "relative": "差异率",
        "comparison_note": "差异 = 实际值 − 预计值，差异率相对按覆盖天数折算的预计值；"
                           "核算期未覆盖全年的年份，预计值按覆盖天数折算。",
        "no_comparison": "无可比较的年份：项目文件未给出事前估算（ex_ante），"
                         "或其年份与本期减排量的年份不重叠。",
        "recalculation": "减排量复核", "materiality": "实质性阈值",
        "material": "存在超过实质性阈值的差异", "not_material": "差异均未超过实质性阈值",
        "scope": "范围", "quantity": "项目", "claimed": "报告值", "recomputed": "核查值",
        "findings": "发现清单", "number": "编号", "kind": "类型", "share": "占比",
        "traceability": "可追溯性",
        "regenerate": "同一输入、方法学版本与引擎版本将得到逐字节相同的结果与相同指纹；"
                      "审核机构可用 ccer-calc compute 复算。",
    },
    "en": {
        "item": "Item", "value": "Value", "name": "Project name", "project_id": "Project ID",
        "owner": "Project owner", "province": "Province", "methodology": "Methodology",
        "version": "Methodology version", "construction_start": "Start of construction",
        "grid_connection": "Grid connection", "crediting_period": "Crediting period",
        "application_date": "Application date", "fingerprint": "Fingerprint",
        "checks": "Applicability and eligibility checks", "condition": "Condition",
        "outcome": "Outcome", "evidence": "Evidence (from the calculation)",
        "source": "Source", "passed": "met", "failed": "NOT met",
        "fixed": "Parameters fixed ex ante or published by the authority",
        "monitored": "Data and parameters monitored", "parameter": "Data / parameter",
        "unit": "Unit", "description": "Description", "used": "Value used",
        "frequency": "Frequency",
        "equations": "Equations", "periods": "Emission reductions by monitoring period",
        "period": "Period", "dates": "Dates", "total": "Total",
        "vintages": "Emission reductions by vintage", "year": "Year",
        "issuable": "Issuable (tCO2e)", "ex_ante": "Estimate per year of the crediting period",
        "ex_ante_er": "Ex-ante estimate (tCO2e)",
        "no_ex_ante": "The project file gives no ex-ante estimate (ex_ante).",
        "comparison": "Actual versus the PDD's ex-ante estimate",
        "ex_ante_year": "Ex-ante, whole year (tCO2e)", "days": "Days covered",
        "expected": "Ex-ante for the days covered (tCO2e)", "actual": "Actual (tCO2e)",
        "difference": "Difference (tCO2e)", "relative": "Relative",
        "comparison_note": "Difference = actual − ex-ante, relative to the ex-ante figure for "
                           "the days covered; a year covered only in part has its annual "
                           "estimate pro-rated by days.",
        "no_comparison": "No year to compare: the project file gives no ex-ante estimate "
                         "(ex_ante), or its years do not overlap the vintages of this report.",
        "recalculation": "Recalculation", "materiality": "Materiality threshold",
        "material": "a material difference was found",
        "not_material": "no difference exceeds the threshold", "scope": "Scope",
        "quantity": "Quantity", "claimed": "Reported", "recomputed": "Verified",
        "findings": "Finding log", "number": "No.", "kind": "Type", "share": "Share",
        "traceability": "Traceability",
        "regenerate": "The same inputs, methodology version and engine version give "
                      "byte-identical results and the same fingerprint; a verifier can "
                      "recompute with ccer-calc compute.",
    },
}

#: Names of the verifier's comparison scopes (as the HTML macro ``scope_name`` shows them).
SCOPES = {
    "zh": {"period": "核算期", "vintage": "年份", "total": "合计", "equation": "公式",
           "fingerprint": "指纹"},
    "en": {"period": "Period", "vintage": "Vintage", "total": "Total", "equation": "Equation",
           "fingerprint": "Fingerprint"},
}

#: Names of the compared quantities (as the HTML macro ``quantity_name`` shows them).
QUANTITIES = {
    "zh": {"baseline_emissions": "基准线排放 BE", "project_emissions": "项目排放 PE",
           "leakage_emissions": "泄漏 LE", "emission_reductions": "减排量 ER",
           "issuable": "可签发量", "dates": "起止日期", "inputs": "输入与版本"},
    "en": {"baseline_emissions": "Baseline BE", "project_emissions": "Project PE",
           "leakage_emissions": "Leakage LE", "emission_reductions": "Reductions ER",
           "issuable": "Issuable", "dates": "Dates", "inputs": "inputs and versions"},
}
