"""A new speech from a skeleton (文件 → 新建讲话稿): title, speaker and date, salutation, opening, the
announced parts, the parts themselves and a closing, with XX where the writer fills in.

The wording comes from the writer's own phrase bank where it has an opening, a transition or a closing that
suits the kind of meeting (ranked with the kind's words and the meeting's name as context), and otherwise
from the templates shipped as data (resources/templates/*.toml, one per kind; README.md there lists the
fields). The bank's passages are mined with names and figures already written as XX; their 市/县/区 is
made the level chosen for this meeting.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import paths
from desktop.core.errors import GongwenError
from desktop.core.numerals import chinese_count, chinese_number

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from desktop.core.bank.completion import Ranker

LEVELS = ("县", "市", "区")
MAX_SECTIONS = 9
_FORMS = ("heading", "agenda")
_REQUIRED = ("name", "title", "salutation", "opening", "sections", "closing")


@dataclass(frozen=True)
class Template:
    name: str  # 动员会
    order: int
    context: str  # words that rank the bank's passages for this kind of meeting
    keywords: tuple[str, ...]  # a bank opening must name one of these …
    avoid: tuple[str, ...]  # … and none of these: it was said at another kind of meeting (推进会 for a 动员会)
    title: str
    salutation: str
    opening: str
    closing: str
    sections: tuple[str, ...]
    form: str = "heading"
    item: str = "{item}"
    body: str = "XX。"
    announce: str = ""
    lead_in: str = ""
    bank_opening: bool = True
    bank_closing: bool = True


@dataclass(frozen=True)
class SpeechRequest:
    kind: str  # a template's name
    meeting: str  # 全县安全生产工作动员会
    level: str  # 县 / 市 / 区
    speaker: str  # 县委书记 张三
    sections: int
    day: date
    use_bank: bool = True


@dataclass
class Skeleton:
    text: str
    from_bank: list[str] = field(default_factory=list)  # which parts the bank gave: 开头 / 承接 / 预告 / 结尾


# ---------------------------------------------------------------------------------------------------------
# Templates


def templates_dir() -> Path:
    return paths.resources_dir() / "templates"


def load_templates(folder: Path | None = None) -> list[Template]:
    """Every template in the folder, in their `order`. A broken file is a GongwenError naming it."""
    folder = folder or templates_dir()
    found = [_read_template(path) for path in sorted(folder.glob("*.toml"))]
    if not found:
        raise GongwenError(f"{folder}：没有讲话稿模板（*.toml）")
    return sorted(found, key=lambda t: (t.order, t.name))


def _read_template(path: Path) -> Template:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise GongwenError(f"{path.name}：讲话稿模板无法读取（{exc}）") from exc
    missing = [key for key in _REQUIRED if not data.get(key)]
    if missing:
        raise GongwenError(f"{path.name}：讲话稿模板缺少 {'、'.join(missing)}")
    if data.get("form", "heading") not in _FORMS:
        raise GongwenError(f"{path.name}：form 应为 heading 或 agenda")
    known = {f for f in Template.__dataclass_fields__}
    values = {key: value for key, value in data.items() if key in known}
    values["sections"] = tuple(str(s) for s in data["sections"])
    values["keywords"] = tuple(str(k) for k in data.get("keywords", ()))
    values["avoid"] = tuple(str(k) for k in data.get("avoid", ()))
    values.setdefault("order", 99)
    values.setdefault("context", "")
    return Template(**values)


# ---------------------------------------------------------------------------------------------------------
# Composing


def meeting_name(meeting: str, template: Template) -> str:
    """The meeting as the title says it: the kind is added when the name does not end in a meeting."""
    name = meeting.strip() or "XX"
    if re.search(r"(会|会议|大会|座谈|论坛|仪式|典礼)$", name):
        return name
    if template.name.endswith("会"):
        return name + template.name
    return name + "会议"


def date_line(day: date) -> str:
    """（2026年12月7日）: Arabic numerals without leading zeros, full-width brackets (GB/T 9704)."""
    return f"（{day.year}年{day.month}月{day.day}日）"


_LEVEL_WORD = re.compile(
    r"(?:(?<=全)|(?<=XX))[市县区](?!场)|(?<=副)[市县区](?=长)|[市县区](?=委|政府|直属|直各|人大|政协|纪委)"
)


def with_level(text: str, level: str) -> str:
    """A mined passage's 市委/全区/县政府/副市长/XX市 said at the level of this meeting."""
    return _LEVEL_WORD.sub(level, text)


def compose(request: SpeechRequest, template: Template, bank: Ranker | None = None) -> Skeleton:
    level = request.level if request.level in LEVELS else "县"
    meeting = meeting_name(request.meeting, template)
    count = max(1, min(MAX_SECTIONS, request.sections))
    skeleton = Skeleton("")

    def fill(text: str) -> str:
        text = text.replace("{meeting}", meeting).replace("{level}", level)
        return text.replace("{count}", chinese_count(count))

    picker = None
    if bank is not None and request.use_bank:
        picker = _BankPicker(bank, f"{template.context} {meeting}", template.keywords, template.avoid)

    def part(label: str, allowed: bool, found, fallback: str) -> str:
        if picker is not None and allowed:
            text = found(picker)
            if text:
                skeleton.from_bank.append(label)
                return with_level(text, level)
        return fill(fallback)

    speaker = request.speaker.strip() or "XX"
    lines = [fill(template.title), speaker, date_line(request.day), template.salutation]
    lines.append(part("开头", template.bank_opening, _BankPicker.opening, template.opening))
    if template.lead_in:
        lines.append(part("承接", template.bank_opening, _BankPicker.lead_in, template.lead_in))
    if template.announce:
        announced = part("预告", template.form == "heading", lambda p: p.announcement(count), template.announce)
        lines.append(announced)
    for n in range(1, count + 1):
        topic = template.sections[n - 1] if n <= len(template.sections) else "XX"
        if template.form == "agenda":
            lines.append(fill(template.item.replace("{nth}", chinese_number(n)).replace("{item}", topic)))
        else:
            lines.append(f"{chinese_number(n)}、{fill(topic)}")
            lines.append(fill(template.body))
    lines.append(part("结尾", template.bank_closing, _BankPicker.closing, template.closing))
    skeleton.text = "\n".join(lines)
    return skeleton


_SALUTATION_LEAD = re.compile(r"^(?:同志们|各位[^：:，,。]{0,12}|尊敬的[^。：:]{0,40})[：:]")
_UNUSABLE = re.compile(r"[*＊□…]|\.{3}")  # masked words or a cut passage: not something to start from
_ANNOUNCING = re.compile(
    r"^(?P<lead>(?:下面|接下来)[，,].{0,16}?讲)(?:X|几|[一二三四五六七八九十两]{1,2})(?P<unit>点|个方面)"
    r"(?P<tail>意见|看法|体会|要求)?[。：:]$"
)


class _BankPicker:
    """The bank's best passage of a kind for this meeting: it must share words with the meeting (a context
    score above 0), so an opening written for another kind of meeting is not taken."""

    def __init__(self, bank: Ranker, context: str, keywords: tuple[str, ...], avoid: tuple[str, ...]):
        self.bank = bank
        self.context = context
        self.keywords = keywords
        self.avoid = avoid

    def _names_the_kind(self, text: str) -> bool:
        return any(k in text for k in self.keywords)

    def _ranked(self, kind: str, related: bool = True) -> list[str]:
        ranked = self.bank.rank(kind=kind, context=self.context, limit=30)
        return [
            r.text
            for r in ranked
            if (r.context > 0 or not related)
            and not _UNUSABLE.search(r.text)
            and not any(word in r.text for word in self.avoid)
        ]

    def opening(self) -> str | None:
        for text in self._ranked("opening"):
            body = _SALUTATION_LEAD.sub("", text, count=1).strip()
            if len(body) >= 20 and self._names_the_kind(body):
                return body
        return None

    def lead_in(self) -> str | None:
        return next((t for t in self._ranked("transition") if t.startswith("刚才") and t.endswith("。")), None)

    def announcement(self, count: int) -> str | None:
        for text in self._ranked("transition", related=False):
            m = _ANNOUNCING.match(text)
            if m:
                return f"{m.group('lead')}{chinese_count(count)}{m.group('unit')}{m.group('tail') or ''}。"
        return None

    def closing(self) -> str | None:
        return next((t for t in self._ranked("closing") if t.startswith("同志们") and t[-1] in "。！"), None)
