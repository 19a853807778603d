"""Screenshots of the window's main states, for a look before release.

    xvfb-run -a .venv/bin/python scripts/screenshots.py [OUT_DIR]      (real X server)
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py  (no display)

Writes empty.png, seed.png (a bundled seed with its findings), settings.png, export.png, help.png,
new_speech.png (文件 → 新建讲话稿), find_replace.png (Ctrl+H on a reused draft) and renumber.png
(the same draft after 全部替换 and 重新编号) to OUT_DIR (default out/screenshots). Uses a temporary
GONGWEN_DATA_DIR so the user's settings stay untouched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GONGWEN_DATA_DIR", tempfile.mkdtemp(prefix="gongwen-shots-"))


# a draft after reuse: another city's name, a section deleted, two moved (for find_replace.png, renumber.png)
SAMPLE_DRAFT = """在甲市项目建设推进会上的讲话
市长 李某
（2026年12月7日）
同志们：
今天召开甲市项目建设推进会，主要任务是通报甲市项目进展，部署下一阶段工作。
下面，我讲三点意见。
一、认清形势，增强紧迫感
（一）看到成绩。甲市项目建设总体平稳。
（三）正视问题。一是开工率不高。三是要素保障不足。二是服务不够主动。
三、突出重点，加快项目建设
四、压实责任，确保任务完成
五、转变作风，提升服务效能
同志们，让我们奋力完成甲市全年项目建设目标！"""


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication

    from desktop.ui import export_adapter, lint_adapter
    from desktop.ui.dialogs import ExportDialog, HelpDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings_dialog import SettingsDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    window.resize(1400, 860)
    window.show()

    def settle(predicate=lambda: True, timeout=10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            app.processEvents()
            if predicate():
                break
            time.sleep(0.02)
        for _ in range(5):
            app.processEvents()
            time.sleep(0.02)

    def analysed() -> bool:
        return window.analysis is not None and window.analysis.revision == window.revision

    window.checker.check_now()
    ready = []
    window.bank_ready.connect(ready.append)
    window.warm_up_bank()
    settle(lambda: analysed() and bool(ready), timeout=60)
    window.side_tabs.setCurrentWidget(window.material_tab)  # the 素材 tab's place, before its panel exists
    settle()
    window.grab().save(str(out / "empty.png"))
    window.side_tabs.setCurrentWidget(window.lint_panel)

    seed = sorted((ROOT / "resources" / "corpus").glob("*.txt"))[1]
    window.open_path(seed)
    settle(analysed)
    window.full_check()
    settle(analysed)
    headings = window.analysis.outline.headings
    if headings:  # show the first heading, highlighted, with the findings listed beside it
        window.editor.go_to_line(max(0, headings[0].line - 2))
    settle()
    window.grab().save(str(out / "seed.png"))

    dialog = SettingsDialog(
        window.settings,
        export_adapter.profiles(),
        lint_adapter.rule_catalogue(),
        window.editor.font(),
        window,
    )
    dialog.show()
    settle()
    dialog.grab().save(str(out / "settings.png"))
    dialog.close()

    errors = sum(1 for f in window.analysis.findings if f.level == "error")
    export = ExportDialog(export_adapter.profiles(), "gongwen", seed.with_suffix(".docx"), errors, window)
    export.show()
    settle()
    export.grab().save(str(out / "export.png"))
    export.close()

    help_dialog = HelpDialog(window.shortcut_table(), window)
    help_dialog.show()
    settle()
    help_dialog.grab().save(str(out / "help.png"))
    help_dialog.close()

    from datetime import date

    from desktop.core.skeleton import load_templates
    from desktop.ui.new_speech_dialog import NewSpeechDialog

    provider = window.install_phrase_tools().provider
    speech = NewSpeechDialog(load_templates(), provider.group, date.today(), window)
    speech.kind_box.setCurrentIndex(1)  # 推进会
    speech.meeting_edit.setText("全县重点项目建设")
    speech.speaker_edit.setText("县长 某某")
    speech.show()
    settle()
    speech.grab().save(str(out / "new_speech.png"))
    speech.close()

    window.editor.document().setModified(False)
    window.start_speech(SAMPLE_DRAFT)
    window.show_replace()
    window.find_edit.setText("甲市")
    window.find_panel.replace_edit.setText("乙县")
    window.find_panel.find_next()
    settle(analysed)
    window.grab().save(str(out / "find_replace.png"))
    window.find_panel.replace_all()
    window.find_panel.close_bar()
    window.renumber()
    settle(analysed)
    window.grab().save(str(out / "renumber.png"))

    window.editor.document().setModified(False)
    window.close()
    for name in ("empty", "seed", "settings", "export", "help", "new_speech", "find_replace", "renumber"):
        print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
