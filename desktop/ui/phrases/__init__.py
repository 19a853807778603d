"""The phrase side of the window: 素材 panel, completion popup, palette, 范文 panel and the 语料 menu.

Each widget takes the editor (a QPlainTextEdit) and a BankProvider, so it can be used and tested alone.
"""
