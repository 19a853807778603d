"""Phrase lists of input methods, imported as user phrases.

- Sogou PhraseEdit.txt (自定义短语): `编码,位置=短语`, comments start with `;`. Sogou writes it in
  UTF-16 with a BOM; older copies are GBK.
- Rime custom_phrase.txt: `短语<TAB>编码<TAB>权重` (the weight is optional); `#` starts a comment.
The code an input method uses is what the writer types for the phrase: when it has one letter per
character it is taken as the phrase's pinyin initials, otherwise the initials are computed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.bank.user_phrases import NewPhrase

_LETTERS = re.compile(r"[A-Za-z]+")
_SOGOU_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9]*)\s*,\s*(\d+)\s*=(.*)$")


@dataclass
class PhraseList:
    path: Path
    phrases: list[NewPhrase] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # skipped lines, as messages for the writer


def decode_list(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"无法读取文件（{exc.strerror or exc}）") from exc
    if not data.strip():
        raise InputError(path, "文件是空的")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if len(data) >= 4 and data[1:4:2] == b"\0\0":  # UTF-16LE without a BOM
        return data.decode("utf-16-le", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(path, "无法识别文件编码")


def _initials_from_code(code: str, text: str) -> str:
    """The input-method code as initials when it has exactly one letter per character."""
    code = code.strip().lower()
    han = [c for c in text if "\u3400" <= c <= "\u9fff"]
    return code if _LETTERS.fullmatch(code) and len(code) == len(han) == len(text) else ""


def _finish(result: PhraseList, found: list[NewPhrase], empty_reason: str) -> PhraseList:
    """One entry per text (the first wins: a list may bind one phrase to several codes); a list with
    no phrase at all is not a list of this kind."""
    seen: dict[str, NewPhrase] = {}
    for phrase in found:
        seen.setdefault(phrase.text, phrase)
    result.phrases = list(seen.values())
    if not result.phrases:
        raise InputError(result.path, empty_reason)
    return result


def parse_sogou(path: Path) -> PhraseList:
    result = PhraseList(path)
    found: list[NewPhrase] = []
    for number, line in enumerate(decode_list(path).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith(";"):
            continue
        match = _SOGOU_LINE.match(line)
        if not match or not match.group(3).strip():
            result.problems.append(f"{path.name} 第 {number} 行：不是“编码,位置=短语”格式，已跳过")
            continue
        code, _position, text = match.groups()
        text = text.strip()
        found.append(NewPhrase(text, initials=_initials_from_code(code, text)))
    return _finish(result, found, "没有找到“编码,位置=短语”格式的短语，可能不是搜狗自定义短语文件")


def parse_rime(path: Path) -> PhraseList:
    result = PhraseList(path)
    found: list[NewPhrase] = []
    in_header = False
    for number, line in enumerate(decode_list(path).splitlines(), 1):
        stripped = line.strip()
        if stripped == "---":  # an optional YAML header (name, version, sort, ...)
            in_header = True
            continue
        if stripped == "...":
            in_header = False
            continue
        if in_header or not stripped or stripped.startswith("#"):
            continue
        parts = line.rstrip("\r\n").split("\t")
        if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
            result.problems.append(f"{path.name} 第 {number} 行：不是“短语<Tab>编码<Tab>权重”格式，已跳过")
            continue
        text, code = parts[0].strip(), parts[1].strip()
        weight = 1
        if len(parts) > 2 and parts[2].strip():
            if not parts[2].strip().isdigit():
                result.problems.append(f"{path.name} 第 {number} 行：权重“{parts[2].strip()}”不是数字，按 1 计")
            else:
                weight = max(1, int(parts[2].strip()))
        found.append(NewPhrase(text, initials=_initials_from_code(code, text), weight=weight))
    return _finish(result, found, "没有找到“短语<Tab>编码<Tab>权重”格式的短语，可能不是 Rime 自定义短语文件")


def parse_phrase_list(path: Path) -> PhraseList:
    """Sogou or Rime, told apart by their line formats."""
    text = decode_list(path)
    sogou = sum(1 for line in text.splitlines() if _SOGOU_LINE.match(line))
    rime = sum(1 for line in text.splitlines() if line.count("\t") >= 1 and not line.startswith("#"))
    return parse_sogou(path) if sogou >= rime else parse_rime(path)
