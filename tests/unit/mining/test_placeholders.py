from desktop.core.mining.placeholders import placeholderise


def test_names_before_and_after_titles(lex):
    assert placeholderise("刚才，李公乐市长代表市委讲了意见", lex) == "刚才，XX市长代表市委讲了意见"
    assert placeholderise("学习省委书记谢伏瞻、省长陈润儿讲话精神", lex) == "学习省委书记XX、省长XX讲话精神"
    assert placeholderise("关于经济工作，公乐同志都讲得很全面。", lex) == "关于经济工作，XX同志都讲得很全面。"


def test_titles_and_bodies_are_not_names(lex):
    text = "区委书记和各位领导同志，市长代表市委、市政府讲话"
    assert placeholderise(text, lex) == text


def test_dates_and_figures(lex):
    assert placeholderise("8月3日，2020年1-6月增长8.3%，完成12亿元", lex) == "X月X日，X年X-X月增长X%，完成X亿元"
    assert placeholderise("xx副市长、××同志", lex) == "XX副市长、XX同志"
