"""Low-level WordprocessingML pieces python-docx has no API for.

East Asian fonts (w:eastAsia, theme attributes removed), character spacing, exact line spacing in
twips, the PAGE field, and pruning the template down to the styles the document uses.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# Order of w:rPr children required by the schema (Word refuses misordered ones).
_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
              "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
              "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
              "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
              "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
              "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
              "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
              "w:sectPr", "w:pPrChange")


def _set_child(parent, tag: str, order: tuple[str, ...], attrs: dict[str, str] | None = None):
    """Replace (or add) the child `tag` of parent at its schema position."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    element = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        element.set(qn(key), value)
    rank = order.index(tag)
    for index, child in enumerate(parent):
        child_tag = child.prefix + ":" + child.tag.split("}")[1] if child.prefix else child.tag
        if child_tag in order and order.index(child_tag) > rank:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def set_rpr(rpr, *, east_asia: str, latin: str, size_pt: float, spacing: int = 0, bold: bool = False,
            lang: str | None = None) -> None:
    """Fonts, size and spacing of a w:rPr; theme font attributes are removed (they win over names)."""
    fonts = _set_child(rpr, "w:rFonts", _RPR_ORDER)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")
    for tag in ("w:b", "w:bCs"):
        if bold:
            _set_child(rpr, tag, _RPR_ORDER)
        else:
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
    for tag in ("w:i", "w:iCs", "w:color", "w:kern"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    if spacing:
        _set_child(rpr, "w:spacing", _RPR_ORDER, {"w:val": str(spacing)})
    else:
        for old in rpr.findall(qn("w:spacing")):
            rpr.remove(old)
    half_points = str(round(size_pt * 2))
    _set_child(rpr, "w:sz", _RPR_ORDER, {"w:val": half_points})
    _set_child(rpr, "w:szCs", _RPR_ORDER, {"w:val": half_points})
    if lang:
        _set_child(rpr, "w:lang", _RPR_ORDER, {"w:val": "en-US", "w:eastAsia": lang, "w:bidi": "ar-SA"})


def set_ppr(ppr, *, align: str, line: int, before: int = 0, after: int = 0, first_line: int = 0,
            first_line_chars: int = 0, left: int = 0, right: int = 0, keep_next: bool = False,
            keep_lines: bool = False, widow_control: bool = False, outline_level: int | None = None) -> None:
    """Alignment, exact line spacing (twips) and indents of a w:pPr. Widow control is off unless asked
    for: on the 公文 grid it would leave pages of 21 lines."""
    for tag in ("w:keepNext", "w:keepLines", "w:pBdr", "w:numPr", "w:contextualSpacing", "w:tabs"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    if keep_next:
        _set_child(ppr, "w:keepNext", _PPR_ORDER)
    if keep_lines:
        _set_child(ppr, "w:keepLines", _PPR_ORDER)
    _set_child(ppr, "w:widowControl", _PPR_ORDER, {} if widow_control else {"w:val": "0"})
    _set_child(ppr, "w:spacing", _PPR_ORDER, {"w:before": str(before), "w:after": str(after),
                                              "w:line": str(line), "w:lineRule": "exact"})
    ind = {"w:left": str(left), "w:right": str(right), "w:firstLine": str(first_line)}
    if first_line_chars:
        ind["w:firstLineChars"] = str(first_line_chars)
    _set_child(ppr, "w:ind", _PPR_ORDER, ind)
    _set_child(ppr, "w:jc", _PPR_ORDER, {"w:val": align})
    if outline_level is not None:
        _set_child(ppr, "w:outlineLvl", _PPR_ORDER, {"w:val": str(outline_level)})


def strip_theme_fonts(root) -> None:
    """Remove theme font attributes everywhere: an explicit name loses to a theme attribute in Word."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            fonts.attrib.pop(qn(attr), None)


def add_page_field(paragraph, rpr_factory) -> None:
    """A PAGE field as Word writes it (begin, instruction, separate, cached result, end)."""
    def run_with(child):
        run = OxmlElement("w:r")
        run.append(rpr_factory())
        run.append(child)
        paragraph._p.append(run)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    cached = OxmlElement("w:t")
    cached.text = "1"
    run_with(cached)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def prune_styles(styles_element, keep_ids: set[str]) -> None:
    """Drop every style the document does not use (and links to dropped ones): a lean, readable styles.xml."""
    keep = set(keep_ids)
    by_id = {s.get(qn("w:styleId")): s for s in styles_element.findall(qn("w:style"))}
    for style in by_id.values():  # defaults stay
        if style.get(qn("w:default")) == "1":
            keep.add(style.get(qn("w:styleId")))
    changed = True
    while changed:  # keep what kept styles are based on
        changed = False
        for sid in list(keep):
            style = by_id.get(sid)
            based = style.find(qn("w:basedOn")) if style is not None else None
            if based is not None and based.get(qn("w:val")) not in keep:
                keep.add(based.get(qn("w:val")))
                changed = True
    for sid, style in by_id.items():
        if sid not in keep:
            styles_element.remove(style)
            continue
        for tag in ("w:link", "w:next", "w:rsid"):
            for child in style.findall(qn(tag)):
                if tag == "w:rsid" or child.get(qn("w:val")) not in keep:
                    style.remove(child)
