"""Web markup that a copy carried along: HTML/XML tags and entities, CSS and script blocks.

A page copied from its source view, or through an editor that kept its tags, brings `<p class=…>`,
`</p>`, `<br/>`, `&nbsp;`, `<style>…</style>` and bare CSS such as `@page { size: 8.27in 11.69in; }`.
Block tags (p, br, div, li…) end a line, other tags go, entities become their characters. Tags are
recognised by HTML's element names, so `x<y>z` or `<<法>>` in a text stay as they are.
"""

from __future__ import annotations

import html
import re

from desktop.core.corpus.removals import Trace

_BLOCK_ELEMENTS = (
    "p|br|div|li|ul|ol|dl|dt|dd|tr|table|tbody|thead|tfoot|h[1-6]|hr|section|article|header|footer"
    "|blockquote|pre|form|nav|aside|main|figure|figcaption|caption|center"
)
_INLINE_ELEMENTS = (
    "span|strong|b|i|u|em|font|a|img|sup|sub|small|big|td|th|label|input|button|select|option|textarea"
    "|o:p|w:[a-z]+|v:[a-z]+|html|head|body|meta|link|title|iframe|ins|del|s|strike|col|colgroup|abbr"
    "|mark|code|tt|wbr|nobr|svg|path|source|video|audio|picture|noscript|base"
)
_ATTRIBUTES = r"(?:\s+[^<>]*?)?\s*/?"
_TAG = re.compile(
    rf"<(/?)(?:({_BLOCK_ELEMENTS})|(?:{_INLINE_ELEMENTS})){_ATTRIBUTES}>"
    r"|<!--.*?-->|<!(?:DOCTYPE|doctype)[^<>]*>|<\?xml[^<>]*\?>",
    re.IGNORECASE,
)
# Whole blocks whose content is never text: scripts, styles, comments (across lines).
_CODE_BLOCK = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
# A CSS rule: an ASCII selector (or an @-rule) and a block of `property: value;` declarations.
_CSS_RULE = re.compile(
    r"(?:@[a-zA-Z-]+[ \t]*[\x21-\x7a\x7c\x7e \t]{0,120}?|[A-Za-z.#*:\[][\x21-\x7a\x7c\x7e \t]{0,200}?)"
    r"[ \t\n]*\{([^{}<>]{0,4000})\}"
)
_DECLARATION = re.compile(r"[a-zA-Z-]+\s*:\s*[^;{}:]+;?")
_QUOTED = re.compile(r'"[^"\n]*"|\'[^\'\n]*\'')
# What a cut excerpt leaves of a tag at a line's edge: "l> " (of </html>), "<p class=".
_BROKEN_TAG = re.compile(r"^/?[a-zA-Z]{1,8}>(?=\s|$)|<[a-zA-Z/][^<>\n]{0,40}$")
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});")
_CJK = re.compile(r"[\u3400-\u9fff]")


def remove_code_blocks(text: str, trace: Trace) -> str:
    """Scripts, styles, comments and CSS rules out of the whole text; each keeps its line breaks, so the
    lines after it keep their numbers."""
    if "<" not in text and "{" not in text:
        return text
    text = _cut_blocks(_CODE_BLOCK, text, trace, lambda match: True)
    previous = None
    while previous != text and "{" in text:  # nested @media { p { … } }: inner rules first
        previous = text
        text = _cut_blocks(_CSS_RULE, text, trace, _is_css)
    return text


def _is_css(match: re.Match[str]) -> bool:
    body = match.group(1)
    if _CJK.search(_QUOTED.sub("", body)):  # Chinese only in quotes: font-family: "宋体"
        return False
    return not body.strip() and match.group(0).lstrip().startswith("@") or bool(_DECLARATION.search(body))


def _cut_blocks(pattern: re.Pattern[str], text: str, trace: Trace, accept) -> str:
    pieces: list[str] = []
    end = 0
    for match in pattern.finditer(text):
        if not accept(match):
            continue
        block = match.group(0)
        pieces.append(text[end : match.start()])
        pieces.append("\n" * block.count("\n"))
        trace.cut("markup", " ".join(block.split()), text.count("\n", 0, match.start()) + 1)
        end = match.end()
    if not pieces:
        return text
    pieces.append(text[end:])
    return "".join(pieces)


def strip_tags(line: str, number: int, trace: Trace) -> list[str]:
    """The line without tags, split where block tags stood; entities decoded."""
    if "&" in line:
        line = _ENTITY.sub(lambda match: html.unescape(match.group(0)), line)
    if "<" not in line and ">" not in line:
        return [line]
    broken = _BROKEN_TAG.search(line)
    if broken:
        trace.cut("markup", broken.group(0), number)
        line = line[: broken.start()] + line[broken.end() :]

    def replace(match: re.Match[str]) -> str:
        trace.cut("markup", match.group(0), number)
        return "\n" if match.group(2) else ""

    return _TAG.sub(replace, line).split("\n")
