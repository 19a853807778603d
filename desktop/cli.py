"""The `gongwen` command: no sub-command opens the editor, sub-commands run the CLI.

This module and everything it imports on the CLI path stay free of Qt; the window is imported
only when the editor is asked for.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.core.errors import GongwenError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
# The start of the one line a sub-command's own bug leaves on stderr (its traceback goes to the log).
INTERNAL_ERROR = "程序内部错误"


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse calls this on a usage error
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"用法错误：{message}\n")


def _add_bank(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bank", metavar="FILE", help="素材库文件（默认：用户素材库与内置素材库）")


def build_cli_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="gongwen", description="公文写作助手命令行")
    parser.add_argument("--version", action="version", version=f"gongwen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ChineseArgumentParser)

    mine = sub.add_parser("mine", help="从语料文件或文件夹挖掘素材，写入素材库")
    mine.add_argument("paths", nargs="+", metavar="PATH")
    _add_bank(mine)
    mine.add_argument("--json", action="store_true", help="以 JSON 输出汇总")
    mine.add_argument("--remove", action="store_true", help="从素材库中删除这些文件（或文件夹中全部文件）的素材")

    clean = sub.add_parser("clean", help="清理语料文件（与导入时相同），输出清理后的正文")
    clean.add_argument("files", nargs="+", metavar="FILE")
    clean.add_argument("-o", "--output", metavar="DIR", help="输出文件夹：每个文件以原名（.txt）写入；不指定时输出到标准输出")
    clean.add_argument("--explain", action="store_true", help="逐条列出删去的内容及删去它的规则")

    phrases = sub.add_parser("phrases", help="列出素材库中的全部素材")
    _add_bank(phrases)
    phrases.add_argument("--kind", help="只列出某一类素材")
    phrases.add_argument("--json", action="store_true")

    suggest = sub.add_parser("suggest", help="按文字或拼音首字母查询素材")
    suggest.add_argument("query", metavar="QUERY")
    _add_bank(suggest)
    suggest.add_argument("--kind")
    suggest.add_argument("--context", metavar="TEXT", help="光标所在段落，用于按上下文排序")
    suggest.add_argument("--limit", type=int, default=10)
    suggest.add_argument("--json", action="store_true")

    search = sub.add_parser("search", help="在语料句子中检索（范文）")
    search.add_argument("text", metavar="TEXT")
    _add_bank(search)
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true")

    lint = sub.add_parser("lint", help="检查文稿结构、标点与占位符")
    lint.add_argument("files", nargs="+", metavar="FILE")
    lint.add_argument("--format", choices=["text", "json"], default="text")
    lint.add_argument("--select", metavar="CODES", help="只检查这些规则，逗号分隔")
    lint.add_argument("--ignore", metavar="CODES", help="不检查这些规则，逗号分隔")
    lint.add_argument("--fix", action="store_true", help="应用安全的自动修正")
    lint.add_argument("--comments", action="store_true",
                      help="把检查结果作为批注写入 Word 文档的审阅副本（原文件不动，需 -o）")
    lint.add_argument("-o", "--output", metavar="OUT.docx", help="审阅副本的文件名（与 --comments 一起用）")
    lint.add_argument("--level", metavar="层级", help="文稿的层级（省 市 县 区 旗 州 盟 镇 乡），不给则从标题推断")
    lint.add_argument("--place", metavar="地名", help="文稿的地名（如 民权县），不给则从标题推断")
    _add_bank(lint)

    export = sub.add_parser("export", help="按公文格式或讲话稿格式导出 Word")
    export.add_argument("file", metavar="FILE")
    export.add_argument("-o", "--output", metavar="OUT.docx",
                        help="输出文件（默认：文稿旁，按版式命名，如 讲话.docx、讲话（念稿）.docx）")
    export.add_argument("--profile", default="gongwen", help="gongwen、speech 或版式文件 PATH.toml")
    export.add_argument("--comments", action="store_true", help="把检查发现的问题作为批注写入导出的文档")

    restore = sub.add_parser("restore", help="素材库损坏时：从自动备份恢复我的素材库，或重建它")
    restore.add_argument("--list", action="store_true", help="列出自动备份")
    restore.add_argument("--from", dest="backup", metavar="BACKUP", help="用这个备份文件恢复（默认：最新的自动备份）")
    restore.add_argument("--rebuild", action="store_true", help="不用备份：重建素材库，重新导入原来的语料文件")
    _add_bank(restore)

    bench = sub.add_parser("bench", help="性能测量：挖掘、语料清理、素材库查询、检查、导出、启动、素材面板与补全框、长稿窗口，均与同次测得的基线对比")
    bench.add_argument("--quick", action="store_true", help="小规模快速运行（只验证测量本身可用）")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--only", metavar="AREAS", help="只测其中几项，逗号分隔：mining,cleaning,import,bank,lint,export,startup,phrases,window")
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="gongwen",
        description=f"公文写作助手。不带子命令时打开编辑器；子命令：{' '.join(command_names())}",
    )
    parser.add_argument("--version", action="version", version=f"gongwen {__version__}")
    parser.add_argument("file", nargs="?", metavar="FILE", help="要打开的文稿")
    parser.add_argument("--selftest", action="store_true", help="离屏自检：载入素材库、检查并导出示例文稿")
    _add_bank(parser)
    return parser


def command_names() -> list[str]:
    """The sub-commands, as the parser knows them."""
    parser = build_cli_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    wants_cli = bool(args_list) and (args_list[0] in command_names() or args_list[0] in ("-h", "--help"))
    if wants_cli:
        args = build_cli_parser().parse_args(args_list)
        from desktop.core.logs import log_to_file

        log_file = log_to_file()
        try:
            handler = importlib.import_module(f"desktop.commands.{args.command}")
            return handler.run(args)
        except GongwenError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return EXIT_USAGE
        except KeyboardInterrupt:
            print("已中断。", file=sys.stderr)
            return 130
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK
        except Exception as exc:  # a bug: one line for the writer, the traceback for the log
            logging.getLogger(__name__).exception("gongwen %s failed", args.command)
            where = f"，详情已记入日志 {log_file}" if log_file else ""
            print(f"错误：{INTERNAL_ERROR}（{type(exc).__name__}），命令未完成{where}", file=sys.stderr)
            return EXIT_USAGE
    args = build_gui_parser().parse_args(args_list)
    from desktop.ui.app import run_app  # Qt enters here and only here

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
