"""What the miner reuses between sentences and documents must not carry one sentence's facts to another."""

from desktop.core.mining import heading, idiom
from desktop.core.mining.miner import mine_text


def test_a_run_met_again_names_each_sentence_it_stands_in():
    text = "要促进项目早审批、早落地、早建设，形成合力。\n今年我们将促进项目早审批、早落地、早建设，确保见效。"
    found = {p.text: p for p in mine_text(text, "讲话.txt") if p.kind == "parallel"}
    run = found["早审批、早落地、早建设"]
    assert run.count == 2
    assert [s.sentence for s in run.sources] == [
        "要促进项目早审批、早落地、早建设，形成合力。",
        "今年我们将促进项目早审批、早落地、早建设，确保见效。",
    ]
    again = {p.text: p for p in mine_text(text, "讲话.txt") if p.kind == "parallel"}
    assert again["早审批、早落地、早建设"].sources == run.sources


def test_dictionary_idioms_are_placed_in_the_sentences_that_hold_them(lex):
    filler = ["会议研究了有关事项。"] * 198
    sentences = [
        "我们要全力以赴抓落实。",
        *filler,
        "各级干部要攻坚克难、全力以赴。",  # the last sentence of the first block of 200
        "全力以赴完成任务。",  # the first of the next block
    ]
    found = [(c.text, c.sentence) for c in idiom.extract(sentences, lex) if c.text in ("全力以赴", "攻坚克难")]
    assert found == [
        ("全力以赴", sentences[0]),
        ("攻坚克难", sentences[199]),
        ("全力以赴", sentences[199]),
        ("全力以赴", sentences[200]),
    ]


def test_heading_frames_from_a_shared_opening_or_a_shared_piece():
    siblings = ["抓好项目建设", "抓好招商引资", "抓好民生保障"]
    assert heading._frame_pattern("抓好项目建设", siblings) == "抓好X"
    # Only half the siblings share the opening: the frame still stands.
    siblings = ["强化责任担当", "强化作风建设", "狠抓工作落实"]
    assert heading._frame_pattern("强化责任担当", siblings) == "强化X"
    # A shared piece inside: the topic before it varies.
    siblings = ["认真研判经济形势", "准确把握经济形势", "切实增强发展信心"]
    assert heading._frame_pattern("认真研判经济形势", siblings) == "X经济形势"
    siblings = ["着力推动产业升级", "加快推动城乡融合", "全面推动改革创新", "扎实推进民生改善"]
    assert heading._frame_pattern("着力推动产业升级", siblings) == "X推动产业升级"
    assert heading._frame_pattern("项目建设", ["项目建设", "民生保障"]) == ""
