"""Reading: encodings, OCR repair with exact offsets, articles and sentences."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.read import decode, find_inputs, read_document, repair, split

PAGE = (
    "党旗领航\n\n"
    "和林格尔县:\n\n"
    "党建红色引擎赋能县域产业高质量发展\n\n"
    "●本报记者 阿柔娜\n\n"
    "和林格尔县坚持把党员培养成骨干,针对农村党员“能力提升不积极”的问题,将乡\n\n"
    "振兴等融入主题党日活动,组织村支书开展“擂台比武”活动。\n\n"
    "社区来了大学生党员\n\n"
    "□本报记者 宋爽 通讯员 任希悦\n\n"
    "悦郡社区党支部书记于昕阳说:“这里是社区会客厅。”\n"
)


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("悦郡社区".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "悦郡社区".encode(), "utf-8"),
        (codecs.BOM_UTF16_LE + "悦郡社区".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "悦郡社区".encode("utf-16-be"), "utf-16-be"),
        ("松州街道悦郡社区党支部".encode("gb18030"), "gb18030"),
    ],
)
def test_decode_supported_encodings(data, encoding):
    text, enc = decode(data, "x.txt")
    assert enc == encoding
    assert text.endswith("社区") or text.endswith("党支部")


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"abc\x80\xff\x80def", "not UTF-8"),
    ],
)
def test_decode_rejects_with_file_and_reason(data, problem):
    with pytest.raises(InputError) as e:
        decode(data, "bad.txt")
    assert str(e.value).startswith("bad.txt: ")
    assert problem in str(e.value)
    assert "\n" not in str(e.value)


def test_repair_joins_a_word_broken_across_lines_and_keeps_offsets():
    text = PAGE
    clean, offsets = repair(text)
    assert "将乡振兴等融入" in clean
    assert "乡\n" not in clean
    assert len(clean) == len(offsets)
    for i, ch in enumerate(clean):
        if ch != "\n":
            assert text[offsets[i]] == ch or ch == ","


@pytest.mark.parametrize(
    "text, joined, kept",
    [
        pytest.param(
            "“大事怎么定？过去是几个人说了算。”西\n河村党支部书记介绍，凡涉及集体资产的都要表决。",
            "”西河村党支部书记", None, id="short-line-with-a-full-stop-runs-on",
        ),
        pytest.param(
            "凡涉及村集体经济项目\n、土地流转等重大事项，都要经过党员大会审议。",
            "项目、土地流转", None, id="line-opening-on-a-comma-continues",
        ),
        pytest.param(
            "为规范村级权力运行,镇党委在全镇各村推行村级\n\n“小微权力清单”,梳理出31项权力事项。",
            "推行村级“小微权力清单”", None, id="long-line-with-a-comma-runs-on-over-a-blank-line",
        ),
        pytest.param(
            "额尔敦毕力格带着法官助理赶到现场，邀请该嘎查\n嘎查长特木尔\n巴根和人民调解员吴海林一同参与。",
            "嘎查长特木尔巴根和", None, id="short-lines-inside-a-broken-paragraph-go-on",
        ),
        pytest.param(
            "“以前开会喊不来人，现在村民抢着干活。”郝振林，\n新丰泽村党支部书记、村委会主任。",
            "郝振林,新丰泽村", None, id="short-line-ending-on-a-comma-after-a-full-stop",
        ),
        pytest.param(
            "议事有章,牧民的事牧民商量着办\n额很乌拉嘎查距苏木所在地70多公里。",
            None, "商量着办\n额很乌拉", id="short-title-with-a-comma-stays-a-title",
        ),
    ],
)
def test_repair_joins_sentences_broken_across_short_lines(text, joined, kept):
    clean, _ = repair(text)
    if joined:
        assert joined in clean, clean
    if kept:
        assert kept in clean, clean


def test_repair_folds_full_width_ascii_only():
    clean, _ = repair("第１季度ＡＢ岗，“铁三角”机制。")
    assert clean == "第1季度AB岗,“铁三角”机制。"


def test_split_articles_headlines_bylines_and_evidence_offsets():
    doc = split("p1", "p1.txt", PAGE)
    assert [a.headline for a in doc.articles] == ["党建红色引擎赋能县域产业高质量发展", "社区来了大学生党员"]
    assert doc.articles[1].byline == "□本报记者 宋爽 通讯员 任希悦"
    body = [s for s in doc.sentences if not s.is_heading]
    joined = [s for s in body if "将乡振兴" in s.text][0]
    # the span maps back onto the original text, line break included
    assert PAGE[joined.start : joined.end].replace("\n", "") == joined.text
    quote = [s for s in body if "于昕阳" in s.text][0]
    assert quote.article == 1
    assert quote.text.endswith("。”")
    i = quote.text.index("于昕阳")
    s, e = quote.span(i, i + 3)
    assert PAGE[s:e] == "于昕阳"


def test_a_brief_opened_by_a_mark_is_its_own_article_read_sentence_by_sentence():
    """◆近年来，……。: a brief's paragraph, opened by a mark as titles are, is body text cut
    into its sentences and opens an article of its own; a marked line without 。 is a title."""
    page = ("基层治理动态\n◆近年来，宾川县金牛镇推行院坝协商机制。镇党委书记李明宇说，群众满意。\n"
            "◆为抓实村级治理，保山市隆阳区建立积分管理制度。全区村村推行。\n")
    doc = split("p1", "p1.txt", page)
    body = [s.text for s in doc.sentences if not s.is_heading]
    assert body[:2] == ["◆近年来,宾川县金牛镇推行院坝协商机制。", "镇党委书记李明宇说,群众满意。"]
    assert [s.text for s in doc.sentences if s.is_heading] == ["基层治理动态"]
    assert len({s.article for s in doc.sentences if not s.is_heading}) == 2


def test_corner_quotes_in_simplified_text_are_read_as_the_mainlands_and_kept_as_written():
    page = "宾川县委创新「院坝协商」工作法，群众满意。\n"
    doc = split("p1", "p1.txt", page)
    sent = doc.sentences[0]
    assert "“院坝协商”工作法" in sent.text
    s, e = sent.span(0, len(sent.text))
    assert "「院坝协商」" in page[s:e]


def test_a_chinese_quote_closed_with_an_ascii_mark_is_read_as_a_pair_and_kept_as_written():
    page = '宾川县以“院坝协商"工作为载体，推行"板凳夜话”。\n'
    doc = split("p1", "p1.txt", page)
    sent = doc.sentences[0]
    assert "“院坝协商”工作" in sent.text and "“板凳夜话”" in sent.text
    s, e = sent.span(0, len(sent.text))
    assert page[s:e].startswith('宾川县以“院坝协商"')


def test_read_document_and_find_inputs(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_bytes(codecs.BOM_UTF8 + PAGE.encode("utf-8"))
    (tmp_path / "two.txt").write_bytes(PAGE.encode("gb18030"))
    (tmp_path / "skip.md").write_text("not an input")
    files, missing = find_inputs([tmp_path, tmp_path / "nope"])
    assert sorted(f.name for f in files) == ["one.txt", "two.txt"]
    assert missing == [(str(tmp_path / "nope"), "no such file or folder")]
    a, b = (read_document(f) for f in sorted(files))
    assert a.text == b.text == PAGE
    assert (a.encoding, b.encoding) == ("utf-8", "gb18030")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from("，。！？（）\u3000\xa0ＡＺａｚ０９\uff5e\uff5f"))))
def test_the_width_folding_table_folds_as_its_dict(text):
    from kg.read.text import _FOLD, _FOLD_TABLE

    assert text.translate(_FOLD_TABLE) == text.translate(_FOLD)


def test_a_line_of_page_fields_ends_where_it_ends():
    """发布时间：…　来源：…　作者：某某 has no closing mark but is a line of its own: the
    writer's name is not glued to the first words of the next line."""
    page = "发布时间:2024-11-02 来源:宾川县融媒体中心 作者:钱华\n金牛镇推行“院坝议事”工作法,群众参与热情高。\n"
    doc = split("p1", "p1.txt", page)
    assert [s.text for s in doc.sentences][-1] == "金牛镇推行“院坝议事”工作法,群众参与热情高。"
    assert not any("钱华金牛镇" in s.text for s in doc.sentences)


def test_a_public_accounts_post_line_is_a_line_of_its_own():
    """某某发布 2025-03-02 18:20 发表于云南: the account, the time and the region of the post end
    where the line ends; the region is not glued to the paragraph's first words (云南|社区里)."""
    page = "金牛镇调解员进社区\n\n宾川县政法委发布 2025-03-02 18:20 发表于云南省\n\n社区里来了调解员,邻里纠纷有人管。\n"
    doc = split("p1", "p1.txt", page)
    assert [s.text for s in doc.sentences][-1] == "社区里来了调解员,邻里纠纷有人管。", [s.text for s in doc.sentences]


def test_a_menu_or_a_breadcrumb_is_a_line_of_its_own():
    """首页 | 政务公开 | …, 当前位置：首页 > … > 县司法局: a portal's menu and breadcrumb end where
    their lines end; the headline below is not glued to the breadcrumb's last item."""
    page = ("宾川县人民政府\n首页 | 政务公开 | 政务服务 | 互动交流 | 走进宾川 | 专题专栏\n"
            "当前位置:首页 > 政务公开 > 部门动态 > 县司法局\n\n宾川县司法局关于开展“院坝普法”进村活动的通知\n")
    doc = split("p1", "p1.txt", page)
    assert [s.text for s in doc.sentences][-1] == "宾川县司法局关于开展“院坝普法”进村活动的通知"


def test_a_share_line_is_a_line_of_its_own():
    """【字体：大 中 小】 打印本页 分享到：微信 微博 QQ空间: the share buttons' line ends where it
    ends; the paragraph below opens with its own first words."""
    page = ("【字体:大 中 小】  打印本页  分享到: 微信 微博 QQ空间\n\n"
            "拓东街道地处五华区老城,背街小巷纵横,居民议事多在巷口的茶摊旁进行。\n")
    doc = split("p1", "p1.txt", page)
    assert [s.text for s in doc.sentences][-1].startswith("拓东街道地处五华区老城"), [s.text for s in doc.sentences]


def test_a_portal_notices_fields_are_lines_of_their_own():
    """索引号：…　主题分类：…, 发布机构：…　成文日期：…: a portal notice's fields end where their
    lines end, and so does the notice's title after them: the title is not glued to its
    addressees (各村党支部、村委会：) on the line below."""
    page = ("宾川县人民政府\n索 引 号:11532924MB0000000A/2024-00101  主题分类:其他\n"
            "发布机构:金牛镇人民政府  成文日期:2024-05-06  公开日期:2024-05-08\n"
            "关于推广力角村“院坝连议”工作法的通知\n\n各村党支部、村委会,镇直各单位:\n"
            "镇党委研究后,在全镇推开力角村“院坝连议”工作法。\n")
    texts = [s.text for s in split("p1", "p1.txt", page).sentences]
    assert "关于推广力角村“院坝连议”工作法的通知" in texts, texts
    assert "各村党支部、村委会,镇直各单位:" in texts, texts


def test_a_numbered_section_title_and_a_headline_before_an_indented_paragraph_end_their_lines():
    """二、建强一支队伍，让服务暖人心 is a section's title, not run into the paragraph below (嘎查组建了……
    read 暖人心嘎查); a headline with no stop (its reading glosses aside) before an indented
    paragraph ends there."""
    page = ("力角村以“一堂一队一单一账”推动文明新风走进每家每户(hù)的探索与实践\n\n"
            "　　近年来,力角村以“一堂一队”为抓手。\n"
            "　　二、建强一支志愿服务队伍,让志愿服务真正暖到群众心坎上\n　　村里的志愿服务队由党员骨干牵头。\n")
    texts = [s.text for s in split("p1", "p1.txt", page).sentences]
    assert "二、建强一支志愿服务队伍,让志愿服务真正暖到群众心坎上" in texts, texts
    assert texts[0] == "力角村以“一堂一队一单一账”推动文明新风走进每家每户的探索与实践", texts


def test_an_e_papers_editor_field_is_a_line_of_its_own():
    """本版责任编辑：某某 on an e-paper's page line: the editor's name is not glued to the
    headline on the next line."""
    page = "第2版:要闻　　　上一版　　下一版　　　　　　　　　　　　　　　本版责任编辑：蒋立川\n金牛镇推行“院坝议事”工作法。\n"
    texts = [s.text for s in split("p1", "p1.txt", page).sentences]
    assert texts[-1] == "金牛镇推行“院坝议事”工作法。", texts
