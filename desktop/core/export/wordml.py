"""WordprocessingML names shared by the import modules (files are opened by corpus.docx_reader)."""

from __future__ import annotations

from lxml import etree

from desktop.core.corpus.docx_reader import W_NS

W = f"{{{W_NS}}}"


def w_attr(element: etree._Element, name: str) -> str:
    return element.get(W + name, "")
