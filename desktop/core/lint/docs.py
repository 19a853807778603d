"""docs/RULES.md, generated from the rules' own docs and examples (scripts/gen_rules_doc.py writes it)."""

from __future__ import annotations

from desktop.core.lint.registry import ALL_RULES

_LEVELS = {"error": "错误", "warning": "警告", "info": "提示"}


def _quote(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.split("\n"))


def render_rules_markdown() -> str:
    out = [
        "# 结构检查规则",
        "",
        "本文件由 `scripts/gen_rules_doc.py` 根据各规则自带的说明和示例生成，请勿手改。",
        "规则数据（占位符、阈值、易混用词、规范表述、禁用词）在 `resources/rules/*.toml`，每个词条注明出处；",
        "可由配置文件夹中的 `lint.toml` 和同名词表文件增补，本单位领导名单在“设置”中维护，见 [LINT.md](LINT.md)。",
        "",
        "| 代码 | 名称 | 级别 | 可自动修正 | 检查什么 |",
        "|---|---|---|---|---|",
    ]
    for rule in ALL_RULES:
        fixable = "是" if any(ex.fixed is not None for ex in rule.examples) else ""
        out.append(f"| {rule.code} | {rule.name}（{rule.title}） | {_LEVELS[rule.level.value]} | {fixable} | {rule.doc.what} |")
    for rule in ALL_RULES:
        out += [
            "",
            f"## {rule.code} {rule.name}：{rule.title}",
            "",
            f"级别：{_LEVELS[rule.level.value]}（{rule.level.value}）",
            "",
            f"**检查什么** {rule.doc.what}",
            "",
            f"**为什么** {rule.doc.why}",
            "",
            f"**怎么改** {rule.doc.instead}",
        ]
        for i, ex in enumerate(rule.examples, 1):
            label = f"示例 {i}" if len(rule.examples) > 1 else "示例"
            if ex.setup:
                out += ["", f"{label}所用的名单（配置文件夹中的词表）：", "", _quote(ex.setup.strip())]
            out += ["", f"{label}，有问题：", "", _quote(ex.bad), "", "改为：", "", _quote(ex.good)]
            if ex.fixed is not None and ex.fixed != ex.good:
                out += ["", "自动修正的结果：", "", _quote(ex.fixed)]
    return "\n".join(out) + "\n"
