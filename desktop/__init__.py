"""Gongwen 公文写作助手: an offline writing assistant for Chinese official speeches and documents."""

__version__ = "0.1.0"
APP_NAME = "gongwen"
APP_TITLE = "公文写作助手"
