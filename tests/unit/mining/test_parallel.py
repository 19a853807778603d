import pytest

from desktop.core.mining import parallel


def texts(sentence: str, lex) -> list[str]:
    return [c.text for c in parallel.extract([sentence], lex)]


@pytest.mark.parametrize(
    ("sentence", "expected", "pattern"),
    [
        ("对手续不全的项目，要加紧推进前期工作，促进项目早审批、早落地、早建设。", "早审批、早落地、早建设", "早X、早X、早X"),
        ("我们要在这方面下更大功夫，进一步聚链、延链、补链、强链，做大做强主导产业。", "聚链、延链、补链、强链", "X链、X链、X链、X链"),
        ("要克服一切困难，能快则快、能赶则赶。", "能快则快、能赶则赶", "能X则X、能X则X"),
        ("共同的感受是：有欣喜、有感触、有收获。", "有欣喜、有感触、有收获", "有X、有X、有X"),
        ("我们必须紧紧抓牢这一关键期，扬长补短、扬优成势，赋能赶超。", "扬长补短、扬优成势", "扬X、扬X"),
        ("切实增强危机感、紧迫感和责任感，鼓足干劲。", "危机感、紧迫感和责任感", "X感、X感、X感"),
        ("严查不作为、慢作为、乱作为行为。", "不作为、慢作为、乱作为", "X作为、X作为、X作为"),
        ("XX干部历来讲政治、识大体、顾大局。", "讲政治、识大体、顾大局", "X、X、X"),
        ("确保在新一轮发展中抢占先机、赢得主动。", "抢占先机、赢得主动", "X、X"),
        ("紧紧抓住投资额度大、带动效应强、经济效益好的重点项目。", "投资额度大、带动效应强、经济效益好", "X、X、X"),
    ],
)
def test_runs_trimmed_to_their_items(sentence, expected, pattern, lex):
    found = {c.text: c.pattern for c in parallel.extract([sentence], lex)}
    assert expected in found
    assert found[expected] == pattern


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("要做到工作围着基层干，服务围着企业转，努力办好事。", "工作围着基层干，服务围着企业转"),
        ("在促开工上下功夫，在快建设上出实招，在见成效上求突破，让项目落地。", "在促开工上下功夫，在快建设上出实招，在见成效上求突破"),
        ("应该做的事，顶着压力也要干；应该负的责，冒着风险也要担。", "应该做的事，顶着压力也要干；应该负的责，冒着风险也要担"),
        ("这些都需要我们认真反思，清醒认识，加压奋进，全力以赴，迎头赶上。", "认真反思，清醒认识，加压奋进，全力以赴，迎头赶上"),
        ("要想尽办法，克服一切困难，排除一切干扰，想尽一切办法。", "克服一切困难，排除一切干扰，想尽一切办法"),
    ],
)
def test_clause_runs_and_couplets(sentence, expected, lex):
    assert expected in texts(sentence, lex)


@pytest.mark.parametrize(
    "sentence",
    [
        "切实解决好与群众生活息息相关的教育、就业、社保、医疗、住房等问题。",
        "认真贯彻落实省委、省政府的决策部署。",
        "在面粉、果蔬、食用菌等龙头企业招商上实现突破。",
        "主要包括文旅、物流、商贸、城市综合体、中介服务等在内的现代服务业。",
        "全市投资分别下降3%、5%、7%、9%。",
        "XX投资分别下降x%、x%、x%、x%。",
        "与部门之间、县市区之间的协调还不够。",
        "争取进入一星级、二星级服务业行列。",
        "在干部使用、评优评先、财政激励、重点项目布局等方面倾斜。",
    ],
)
def test_noun_lists_figures_and_placeholders_rejected(sentence, lex):
    assert texts(sentence, lex) == []


def test_the_last_item_is_not_cut_inside_a_word(lex):
    # The other items are three characters long; 贫困人口 must not end as 贫困人.
    found = texts("定期对建档立卡贫困村、贫困户和贫困人口进行动态核查。", lex)
    assert not any(text.endswith("贫困人") for text in found), found


def test_is_parallel_on_items(lex):
    assert parallel.is_parallel(["早审批", "早落地", "早建设"], lex)
    assert parallel.is_parallel(["头痛医头", "脚痛医脚"], lex)
    assert not parallel.is_parallel(["教育", "就业", "社保", "医疗", "住房"], lex)
    assert not parallel.is_parallel(["省委", "省政府"], lex)
    assert not parallel.is_parallel(["重点地区", "重点行业"], lex)


def test_necessary_quick_looks_only_skip_clauses_without_a_run(lex, monkeypatch):
    """The checks made before trimming (a two-item run; a run's middle items; a run that starts after a
    clause's first 、) skip only clauses without a run: trimming every clause finds the same runs, on the
    seeds' 、-clauses and on new ones made of their items (see _middles_could_be_items for the rare
    clause where the middle check refuses a pair)."""
    import random

    from desktop.core import paths
    from desktop.core.corpus import read_document
    from desktop.core.mining.text import content_lines, split_clauses, split_sentences

    clauses = [
        clause
        for path in sorted(paths.bundled_corpus_dir().glob("*.txt"))
        for line in content_lines(read_document(path).text)
        for sentence in split_sentences(line)
        for clause in split_clauses(sentence)
        if "、" in clause
    ]
    items = [item for clause in clauses for item in clause.split("、")]
    rng = random.Random(8)
    clauses += ["、".join(rng.sample(items, rng.choice([2, 2, 2, 3, 4, 5]))) for _ in range(4000)]
    judge = parallel._clause_run.__wrapped__  # past the memo
    quick = [judge(clause, lex) for clause in clauses]
    monkeypatch.setattr(parallel, "_pair_could_be_parallel", lambda *args: True)
    monkeypatch.setattr(parallel, "_could_share_a_frame", lambda *args: True)
    monkeypatch.setattr(parallel, "_middles_could_be_items", lambda *args: True)
    full = [judge(clause, lex) for clause in clauses]
    assert sum(run is not None for run in full) > 300
    assert [(c, run) for c, run, whole in zip(clauses, quick, full) if run != whole] == []


@pytest.mark.parametrize("sentence", ["“、是一", "“、是一二三四五六。", "甲乙、丙丁、”。"])
def test_a_run_with_nothing_but_quotation_marks_around_it(sentence, lex):
    assert texts(sentence, lex) == []
