"""Profiles are data: bundled by name, a user's copy by path, broken ones refused with the reason."""

from __future__ import annotations

import pytest

from desktop.core.errors import InputError
from desktop.core.export.profile import bundled_profile_names, load_profile, output_name
from tests.conftest import REPO_ROOT


def test_bundled_profiles():
    assert {"gongwen", "speech"} <= set(bundled_profile_names())


def test_gongwen_numbers_follow_gb_t_9704():
    profile = load_profile("gongwen")
    page = profile.page
    assert (page.width, page.height) == (11906, 16838)
    assert (page.margin_top, page.margin_right, page.margin_bottom, page.margin_left) == (2098, 1474, 1984, 1587)
    assert profile.line_pitch == 579
    assert 22 * profile.line_pitch <= page.text_height < 23 * profile.line_pitch
    pitch = profile.char_pitch(16)
    assert 28 * pitch <= page.text_width < 29 * pitch
    assert profile.char_spacing(16) == -5
    assert profile.roles["title"].size == 22 and profile.roles["title"].max_chars_per_line == 20
    assert profile.fonts["fangsong"][:2] == ("仿宋_GB2312", "仿宋")
    assert profile.page_number.format == "\u2014 {page} \u2014"


def test_speech_profile_is_a_reading_copy():
    speech, gongwen = load_profile("speech"), load_profile("gongwen")
    # two Chinese sizes above the 公文's 三号 body, the title still the largest line
    assert speech.body.size == 22 and gongwen.body.size == 16
    assert speech.roles["title"].size > speech.body.size
    assert all(speech.roles[f"heading{n}"].size == speech.body.size for n in range(1, 5))
    # looser lines than the 公文 grid, at natural character width
    assert speech.line_pitch == 720 and speech.line_pitch / 20 >= 1.6 * speech.body.size
    assert gongwen.line_pitch / 20 < 1.85 * gongwen.body.size
    assert speech.char_spacing(speech.body.size) == 0
    # no page break inside a paragraph or after the title block and 同志们：; the 公文 grid keeps them off
    assert speech.keep_lines and speech.widow_control and not (gongwen.keep_lines or gongwen.widow_control)
    assert all(speech.roles[r].keep_with_next for r in ("title", "subtitle", "byline", "salutation"))


def test_each_profile_proposes_its_own_file_name():
    speech, gongwen = load_profile("speech"), load_profile("gongwen")
    assert output_name("讲话", gongwen) == "讲话.docx"
    assert output_name("讲话", speech) == "讲话（念稿）.docx"


def test_profile_by_path(tmp_path):
    path = tmp_path / "本单位.toml"
    text = (REPO_ROOT / "resources/profiles/gongwen.toml").read_text(encoding="utf-8")
    path.write_text(text.replace("lines_per_page = 22", "lines_per_page = 20"), encoding="utf-8")
    profile = load_profile(str(path))
    assert profile.source == path and profile.line_pitch == 12756 // 20


@pytest.mark.parametrize(("change", "reason"), [
    (("size = 22", "size = 200"), "roles.title.size"),
    (('font = "heiti"', 'font = "nosuch"'), "fonts.nosuch"),
    (('align = "center"', 'align = "middle"'), "roles.title.align"),
    (("format = \"— {page} —\"", "format = \"第页\""), "{page}"),
    (("margin_left = 1587", "margin_left = \"wide\""), "margin_left"),
    (("[page]", "[page"), "格式有误"),
    (('file_suffix = ""', 'file_suffix = "/念稿"'), "file_suffix"),
])
def test_broken_profile_names_file_and_key(tmp_path, change, reason):
    path = tmp_path / "坏版式.toml"
    text = (REPO_ROOT / "resources/profiles/gongwen.toml").read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_profile(path)
    assert "坏版式.toml" in str(info.value) and reason in str(info.value)


def test_missing_profile_file(tmp_path):
    with pytest.raises(InputError, match="找不到版式文件"):
        load_profile(tmp_path / "none.toml")
