"""Opening a .docx someone sent: zip-bomb and XML-entity safe, with clear messages.

Declared sizes are checked before anything is inflated, reads are capped, and XML is parsed with
entities, DTDs and network access off.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from desktop.core.errors import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
MAX_PART_BYTES = 64 * 1024 * 1024  # one XML part, inflated
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # inflated / compressed; text XML rarely passes 30
MAX_MEMBERS = 20000

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_blank_text=False)


def w_attr(element: etree._Element, name: str) -> str:
    return element.get(W + name, "")


class DocxPackage:
    """The parts of a .docx needed to read its text."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self._zip = zipfile.ZipFile(self.path)
        except FileNotFoundError as exc:
            raise InputError(self.path, "文件不存在") from exc
        except (zipfile.BadZipFile, OSError) as exc:
            raise InputError(self.path, "不是有效的 Word 文档（.docx），文件可能已损坏或是旧版 .doc 格式") from exc
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise InputError(self.path, "文档结构异常（压缩包内文件过多），已拒绝打开")
        if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
            raise InputError(self.path, "文档解压后过大，已拒绝打开")
        self._infos = {i.filename: i for i in infos}
        if "word/document.xml" not in self._infos:
            raise InputError(self.path, "不是 Word 文档：缺少正文部分（word/document.xml）")

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> DocxPackage:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def names(self) -> list[str]:
        return list(self._infos)

    def xml(self, name: str) -> etree._Element | None:
        """The parsed part, or None when the package has no such part."""
        info = self._infos.get(name)
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1024):
            raise InputError(self.path, f"文档部分 {name} 解压后异常庞大，疑为恶意构造，已拒绝打开")
        try:
            with self._zip.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            raise InputError(self.path, f"文档已损坏，无法读取 {name}（{exc}）") from exc
        if len(data) > info.file_size:  # the declared size lied
            raise InputError(self.path, f"文档部分 {name} 的大小与声明不符，已拒绝打开")
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise InputError(self.path, f"文档内容格式错误（{name}：{exc.msg}）") from exc
        if root.getroottree().docinfo.doctype:  # Word never writes one; entity tricks need one
            raise InputError(self.path, f"文档部分 {name} 含有 DOCTYPE 声明，疑为恶意构造，已拒绝打开")
        return root
