"""Nothing real is lost: ordinary speech paragraphs, with the numbers, Latin words, addresses, codes and
law titles speeches carry, come out of cleaning exactly as they went in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.corpus import clean_text
from desktop.core.corpus.batch import clean_texts

CLAUSES = (
    "要坚持稳中求进工作总基调",
    "全面推进乡村振兴",
    "切实抓好安全生产",
    "各级领导干部要带头转变作风",
    "我们必须保持清醒头脑",
    "要把群众的操心事办好",
    "进一步优化营商环境",
    "持续深化重点领域改革",
    "确保各项任务落地见效",
    "这次会议的主要任务是部署全年工作",
    "下面我讲三点意见",
    "认真学习市委书记在全市工作会议上的讲话精神",  # names a speech: not a title glued to the text
    "刚才市长作了讲话",
    "各部门要各司其职、协同配合",
)
FIGURES = (
    "地区生产总值增长8.3%",
    "完成投资1,000万元",
    "全年新增就业1.2万人",
    "1-6月财政收入下降x%",
    "会议上午10:30召开",
    "新建5G基站3000个",
    "PM2.5平均浓度下降12%",
    "GDP总量迈上新台阶",
    "CPI涨幅控制在3%左右",
    "发布Annual Report 2020",
    "引进iPhone配套企业",
    "推广B2B和O2O模式",
    "严格执行GB/T 9704-2012标准",
    "各单位可登录中国政府网www.gov.cn查阅全文",
    "群众可通过“信用中国”网站（www.creditchina.gov.cn）查询",
    "请登录www.12371.cn学习相关内容",
    "认真贯彻《中华人民共和国安全生产法》",
    "全面实施《民法典》",
    "编制好“十五五”规划",
    "完成XX个项目",
    "组织对X个街道进行了观摩",
    "推进AI+制造业行动",
    "建成ICU床位500张",
    # digits between Chinese characters that are figures, not page numbers glued into the text
    "打造1核2带3区发展格局",
    "全市2家企业入选",
    "第1责任人要亲自抓",
    "实施3年行动计划",
)
PARAGRAPH = st.builds(
    lambda parts, end: "，".join(parts) + end,
    st.lists(st.sampled_from(CLAUSES + FIGURES), min_size=1, max_size=6),
    st.sampled_from(["。", "。", "！", "？", "；"]),
)
SPEECH = st.lists(PARAGRAPH, min_size=1, max_size=10)


@settings(max_examples=200, deadline=None)
@given(SPEECH)
def test_ordinary_paragraphs_pass_through_unchanged(paragraphs):
    text = "\n".join(paragraphs)
    assert clean_text(text) == text


@settings(max_examples=40, deadline=None)
@given(st.lists(SPEECH, min_size=3, max_size=5))
def test_and_so_they_do_when_files_are_cleaned_together(speeches):
    """Paragraphs shared by several files of one import are sentences, not chrome."""
    texts = {f"{index}.txt": "\n".join(paragraphs) for index, paragraphs in enumerate(speeches)}
    for name, result in clean_texts(texts).items():
        assert result.text == texts[name]
        assert not result.removals
