"""Real sources in (issue 16): web pages, e-paper PDFs, scans, Word files and corpora, and
the dates they carry into the graph.

Every fixture is made here from text written for these tests: news and government web
pages with menus, footers and related links; two-column PDFs set in a CJK font (Debian's
fonts-wqy-zenhei, a TrueType font whose text a PDF's text layer keeps); page images rendered
with Pillow and read back by Debian's Tesseract; Word files; JSON Lines and CSV corpora.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from kg.errors import InputError
from kg.export.rdf import read_graph
from kg.graph import documents_by_year
from kg.pipeline import build
from kg.query import get_ready_query, load_store, run_query
from kg.read import CorpusFields, kind_of, read_bytes, read_document, records
from kg.read.dates import brief_date, date_line, find_date, normalise
from kg.read.layout import Box, page_text

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

# ------------------------------------------------------------------ texts written for the tests

PDF_HEADLINE = "武川县推行“邻里议事会”机制"
PDF_LEFT = [
    "本报记者 林晓川",
    "　　本报讯（2024年3月5日）武川县可可以力更镇党委书记周明远介绍，可可以力更镇推行“邻里议事会”机制，"
    "群众的事由群众商量着办，一年来解决了道路、饮水等问题十二件。",
    "　　镇里还把议事结果张贴在村务公开栏，接受群众监督。",
]
PDF_RIGHT = [
    "　　与此同时，武川县各镇也在学习这一做法。县委组织部负责人表示，将在全县总结推广这些经验，"
    "让更多群众参与到基层治理中来。",
    "　　下一步，全县将组织议事骨干培训，提高议事协商水平。",
]
PDF_PAGE2 = [
    "网格服务暖民心",
    "本报记者 高一鸣",
    "　　本报讯（记者高一鸣）3月8日，武川县哈乐镇党委书记韩东升带领网格员走访独居老人，"
    "登记老人们的生活需求，逐项落实帮扶措施。",
]

NEWS_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>安吉县递铺街道推行“邻里议事会”机制_湖畔新闻网</title>
<meta property="og:site_name" content="湖畔新闻网">
<meta property="og:title" content="安吉县递铺街道推行“邻里议事会”机制">
<link rel="canonical" href="https://news.example.cn/2024/06/18/lilin.html">
<meta name="author" content="沈晓燕">
</head><body>
<div class="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/gn">国内新闻</a></li>
<li><a href="/sh">社会民生</a></li><li><a href="/ty">体育频道</a></li><li><a href="/login">登录注册</a></li></ul></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="article">
<h1>安吉县递铺街道推行“邻里议事会”机制</h1>
<div class="info">2024-06-18 09:30　来源：湖畔新闻网　作者：沈晓燕</div>
<div class="content">
<p>本报讯 安吉县递铺街道党工委书记陆明轩介绍，递铺街道今年推行“邻里议事会”机制，由居民代表、党员和物业人员共同商量小区里的大事小情。</p>
<p>今年以来，各小区议事会共召开会议三十余次，解决了停车难、电梯加装等问题，居民满意度明显提升。</p>
<p>街道还为每个小区建立了议事台账，每件事办到哪一步，居民都能随时查询。</p>
</div></div>
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/a1.html">全市秋粮收购工作有序推进</a></li><li><a href="/a2.html">气象台发布高温橙色预警</a></li>
<li><a href="/a3.html">市区新增三条公交线路</a></li></ul></div>
<div class="footer"><p>版权所有 湖畔新闻网　未经授权禁止转载</p><p>备案号：浙ICP备00000000号</p></div>
</body></html>
"""

GOV_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>婺源县紫阳街道召开议事协商推进会</title></head><body>
<div id="top"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/bsfw">办事服务</a> | <a href="/hdjl">互动交流</a></div>
<div class="crumbs">当前位置：首页 &gt; 政务动态 &gt; 乡镇动态</div>
<div class="detail">
<h2 class="title">婺源县紫阳街道召开议事协商推进会</h2>
<div class="attr"><span>发布日期：2024年4月2日</span><span>信息来源：紫阳街道办事处</span><span>浏览次数：128</span></div>
<div class="TRS_Editor">
<p>4月1日，婺源县紫阳街道召开议事协商推进会。紫阳街道党工委书记程远航在会上说，街道将继续推行“邻里议事会”机制，把协商议事延伸到每个小区。</p>
<p>会议要求，各社区要建立问题清单、责任清单和成效清单，做到件件有回音、事事有着落。</p>
</div></div>
<div class="bottom">主办单位：婺源县人民政府办公室　技术支持：信息中心　联系我们　网站地图</div>
</body></html>
"""

MENU_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>栏目导航</title></head><body>
<ul><li><a href="/a">新闻中心</a></li><li><a href="/b">政务公开</a></li><li><a href="/c">办事服务</a></li>
<li><a href="/d">互动交流</a></li></ul></body></html>
"""

SCAN_LINES = [
    "2024年7月1日 星期一",
    "",
    "网格治理见实效",
    "",
    "本报讯 近日，商都县七台镇党委书记",
    "韩立群介绍，七台镇推行“网格议事会”",
    "机制，把全镇划分为四十个网格，每个",
    "网格配备一名网格员，群众的事情在网",
    "格里就能办好。",
]

DOCX_PARAGRAPHS = [
    "商都县七台镇网格议事会工作总结",
    "七台镇党委书记韩立群主持召开网格议事会工作推进会，总结上半年推行“网格议事会”机制的做法。",
    "全镇网格员上半年共走访群众两千余户，化解矛盾纠纷五十余件。",
    "七台镇党委",
    "2024年8月20日",
]

JSONL_RECORDS = [
    {"text": "婺源县紫阳街道借鉴外地经验，推行“邻里议事会”机制。紫阳街道党工委书记程远航说，议事会让居民成为小区治理的主人。",
     "title": "紫阳街道推行邻里议事会", "date": "2023-11-02T10:00:00+08:00", "url": "https://example.cn/r/1",
     "source": "婺源融媒", "author": "江小舟、汪明"},
    {"title": "一条没有正文的记录", "date": "2024-01-01"},
    {"text": "武川县可可以力更镇党委书记周明远介绍，“邻里议事会”机制推行半年来，群众反映的问题都有了着落。",
     "title": "邻里议事会半年记", "date": "2024年9月1日", "url": "https://example.cn/r/3", "source": "青城晚报"},
    {"text": "武川县西乌兰不浪镇推行“村民说事”制度，村里的事情大家商量着办。",
     "title": "村民说事", "date": "去年春天", "source": "青城晚报"},
]
JSONL_BROKEN_LINE = '{"text": "半条记录'

CSV_FIELDS = ["标题", "正文", "发布时间", "链接", "来源", "作者"]
CSV_ROWS = [
    ["婺源县紫阳街道议事会年终总结", "婺源县紫阳街道党工委书记程远航总结说，“邻里议事会”机制推行以来，小区治理有了新气象。",
     "2022年12月30日", "https://example.cn/c/1", "婺源融媒", "汪明"],
    ["空行", "", "2023-01-05", "", "", ""],
]


# ------------------------------------------------------------------ fixture makers


def make_pdf(path: Path, *, pages: int = 2) -> Path:
    """A two-column e-paper page with a headline across both columns (and a second page)."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_font("cjk", "", FONT)
    pdf.add_page()
    pdf.set_font("cjk", size=20)
    pdf.set_xy(40, 40)
    pdf.cell(515, 30, PDF_HEADLINE, align="C")
    pdf.set_font("cjk", size=11)
    for x, paras in ((40, PDF_LEFT), (310, PDF_RIGHT)):
        pdf.set_xy(x, 90)
        for p in paras:
            pdf.set_x(x)
            pdf.multi_cell(245, 16, p)
    if pages > 1:
        pdf.add_page()
        pdf.set_xy(40, 40)
        pdf.set_font("cjk", size=16)
        pdf.cell(515, 24, PDF_PAGE2[0])
        pdf.set_font("cjk", size=11)
        pdf.set_xy(40, 80)
        for p in PDF_PAGE2[1:]:
            pdf.set_x(40)
            pdf.multi_cell(515, 16, p)
    pdf.output(str(path))
    return path


def render_page(lines: list[str], size: int = 40, width: int = 1600) -> Image.Image:
    """A page image of ``lines`` set in the CJK font, black on white, as a scanner gives."""
    font = ImageFont.truetype(FONT, size)
    img = Image.new("L", (width, 120 + int(size * 1.7) * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((80, 60 + int(size * 1.7) * i), line, font=font, fill=0)
    return img


def make_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.core_properties.author = "七台镇党政办"
    for i, text in enumerate(DOCX_PARAGRAPHS):
        if i == 0:
            d.add_heading(text, level=1)
        else:
            d.add_paragraph(text)
    d.save(str(path))
    return path


def make_jsonl(path: Path) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in JSONL_RECORDS]
    lines.insert(2, JSONL_BROKEN_LINE)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(CSV_FIELDS)
        w.writerows(CSV_ROWS)
    return path


def make_encrypted_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_font("cjk", "", FONT)
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("cjk", size=12)
    pdf.cell(100, 10, "加密的版面")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """A folder of every format, good and bad, as a user's sources folder would be."""
    d = tmp_path_factory.mktemp("sources")
    make_pdf(d / "epaper-0305.pdf")
    (d / "anji.html").write_text(NEWS_PAGE, encoding="utf-8")
    (d / "wuyuan-gov.htm").write_bytes(GOV_PAGE.encode("gb18030").replace(b'charset="utf-8"', b'charset="gb2312"'))
    (d / "menu.html").write_text(MENU_PAGE, encoding="utf-8")
    render_page(SCAN_LINES).save(d / "scan-0701.png")
    Image.new("L", (800, 600), 255).save(d / "blank.png")
    make_docx(d / "qitai.docx")
    make_jsonl(d / "crawl.jsonl")
    make_csv(d / "export.csv")
    make_encrypted_pdf(d / "locked.pdf")
    (d / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n")
    return d


@pytest.fixture(scope="module")
def built(mixed, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    fields = CorpusFields()  # the JSONL has the default names; the CSV is built separately
    result = build([mixed], out, jobs=1, cache=False, corpus_fields=fields)
    return result, out


# ------------------------------------------------------------------ dates


def test_dates_are_normalised_from_what_sources_write():
    assert find_date("2024年3月5日") == find_date("2024-03-05") == find_date("２０２４年３月５日") == "2024-03-05"
    assert find_date("3月5日", year=2023) == "2023-03-05" and find_date("3月5日") is None
    assert brief_date("本报讯（2024年3月5日）全县……") == "2024-03-05"
    assert brief_date("本报讯（记者 张三）3月8日，全县……", 2024) == "2024-03-08"
    assert date_line("发布日期：2024年4月2日 浏览次数：128") == "2024-04-02"
    assert date_line("2024年以来，全县共解决问题十二件。") is None  # a date in a sentence is no date line
    assert normalise("2023-11-02T10:00:00+08:00") == "2023-11-02" and normalise("去年春天") is None
    assert find_date("2024年2月30日") is None  # no such day


# ------------------------------------------------------------------ readers, one by one


def test_a_two_column_pdf_is_read_column_by_column(tmp_path):
    doc = read_document(make_pdf(tmp_path / "page.pdf"))
    text = doc.text
    # each column's text is whole and in order: the left column before the right one
    left = "群众的事由群众商量着办，一年来解决了道路、饮水等问题十二件。"
    right = "将在全县总结推广这些经验，让更多群众参与到基层治理中来。"
    assert left in text and right in text
    assert text.index(PDF_HEADLINE) < text.index("本报讯") < text.index(left) < text.index("与此同时") < text.index(right)
    heads = [a.headline for a in doc.articles]
    assert PDF_HEADLINE in heads and "网格服务暖民心" in heads
    first = next(a for a in doc.articles if "本报讯（2024年3月5日）" in text[a.start : a.end])
    assert first.date == "2024-03-05" and first.page == 1
    second = next(a for a in doc.articles if a.headline == "网格服务暖民心")
    # 3月8日 takes its year from the date line on the page before; the page is the second
    assert second.page == 2 and second.date == "2024-03-08" and second.creators == ["高一鸣"]
    # every sentence maps back into the extracted text
    for s in doc.sentences:
        assert text[s.start : s.end].replace("\n", "")[:2] == s.text[:2]


def test_layout_keeps_columns_apart_and_joins_wrapped_lines():
    def row(text, x, y):
        return [Box(c, x + 10 * i, y, x + 10 * i + 10, y + 10) for i, c in enumerate(text)]

    boxes = row("左栏第一行文字左栏", 0, 0) + row("左栏第二行。", 0, 14) + row("右栏第一行文字右栏", 120, 0) + row("右栏第二行。", 120, 14)
    assert page_text(boxes) == "左栏第一行文字左栏左栏第二行。\n\n右栏第一行文字右栏右栏第二行。"


def test_a_news_page_gives_its_article_without_menus_footers_or_related_links():
    doc, notes = read_bytes(NEWS_PAGE.encode(), "anji.html", "anji")
    assert len(doc.articles) == 1
    art = doc.articles[0]
    assert art.headline == "安吉县递铺街道推行“邻里议事会”机制"
    assert art.date == "2024-06-18"
    assert art.source == "https://news.example.cn/2024/06/18/lilin.html"
    assert art.publisher == "湖畔新闻网" and art.creators == ["沈晓燕"]
    assert "安吉县递铺街道党工委书记陆明轩介绍" in doc.text
    for boilerplate in ("网站首页", "体育频道", "分享到", "相关新闻", "气象台发布高温橙色预警", "版权所有", "备案号"):
        assert boilerplate not in doc.text, boilerplate


def test_a_government_page_in_gb2312_gives_its_date_from_the_header():
    data = GOV_PAGE.encode("gb18030").replace(b'charset="utf-8"', b'charset="gb2312"')
    doc, _ = read_bytes(data, "gov.htm", "gov")
    art = doc.articles[0]
    assert art.headline == "婺源县紫阳街道召开议事协商推进会" and art.date == "2024-04-02"
    assert "紫阳街道党工委书记程远航" in doc.text
    for boilerplate in ("政务公开", "当前位置", "主办单位", "网站地图"):
        assert boilerplate not in doc.text, boilerplate


def test_a_page_of_menus_only_is_refused_in_one_line():
    with pytest.raises(InputError, match="web page with no article"):
        read_bytes(MENU_PAGE.encode(), "menu.html", "menu")


def test_a_scanned_page_is_read_by_ocr_with_its_date(tmp_path):
    png = tmp_path / "scan.png"
    render_page(SCAN_LINES).save(png)
    doc = read_document(png)
    text = doc.text.replace(" ", "")
    assert "商都县七台镇党委书记" in text and "网格议事会" in text
    assert {a.date for a in doc.articles} == {"2024-07-01"}
    # the OCR repair joined the lines the scan broke inside sentences
    assert any("七台镇党委书记韩立群介绍" in s.text.replace(" ", "") for s in doc.sentences)


def test_a_scan_saved_as_pdf_without_text_layer_is_read_by_ocr(tmp_path):
    pdf = tmp_path / "scan.pdf"
    render_page(SCAN_LINES).convert("RGB").save(pdf, resolution=200)
    assert kind_of(pdf.read_bytes(), str(pdf)) == "pdf"
    doc, notes = read_bytes(pdf.read_bytes(), str(pdf), "scan")
    assert "网格议事会" in doc.text.replace(" ", "")
    assert any("without a text layer" in n.problem for n in notes)


def test_an_image_without_text_and_locked_or_broken_pdfs_are_refused(tmp_path):
    blank = tmp_path / "blank.png"
    Image.new("L", (400, 300), 255).save(blank)
    with pytest.raises(InputError, match="image with no text"):
        read_document(blank)
    with pytest.raises(InputError, match="encrypted PDF"):
        read_document(make_encrypted_pdf(tmp_path / "locked.pdf"))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\ngarbage")
    with pytest.raises(InputError, match="broken PDF|PDF with no text"):
        read_document(tmp_path / "broken.pdf")


def test_a_word_file_gives_its_paragraphs_date_line_and_author(tmp_path):
    doc = read_document(make_docx(tmp_path / "qitai.docx"))
    assert "七台镇党委书记韩立群主持召开网格议事会工作推进会" in doc.text
    art = next(a for a in doc.articles if "韩立群" in doc.text[a.start : a.end])
    assert art.date == "2024-08-20"  # the date line under the signature
    assert art.creators == ["七台镇党政办"]  # the file's author, from its properties
    assert art.headline == "商都县七台镇网格议事会工作总结"


def test_corpora_stream_records_with_their_fields(tmp_path):
    jl = list(records(make_jsonl(tmp_path / "c.jsonl")))
    assert [r.number for r in jl] == [1, 2, 3, 4, 5]
    assert [bool(r.problem) for r in jl] == [False, True, True, False, False]
    assert "no field 'text'" in jl[1].problem and "not JSON" in jl[2].problem
    rows = list(records(make_csv(tmp_path / "c.csv"), CorpusFields(text="正文", title="标题", date="发布时间",
                                                                  url="链接", source="来源", author="作者")))
    assert "record 2: an empty field '正文'" in rows[1].problem
    doc, notes = read_bytes(rows[0].data, "c.csv", "c#1")
    art = doc.articles[0]
    assert (art.headline, art.date, art.source, art.publisher, art.creators) == (
        "婺源县紫阳街道议事会年终总结", "2022-12-30", "https://example.cn/c/1", "婺源融媒", ["汪明"])
    with pytest.raises(InputError, match="CSV without a 'text' column"):
        list(records(tmp_path / "c.csv"))


# ------------------------------------------------------------------ one build of a mixed folder


def test_a_mixed_folder_builds_in_one_call_with_bad_input_contained(built):
    result, out = built
    rep = result.report
    read = {Path(p).name for p in rep.files_read}
    assert {"epaper-0305.pdf", "anji.html", "wuyuan-gov.htm", "scan-0701.png", "qitai.docx", "crawl.jsonl"} <= read
    problems = json.loads((out / "build-report.json").read_text(encoding="utf-8"))["problems"]
    said = {(Path(p["file"]).name, p["problem"].split(":")[0] if "record" in p["problem"] else p["problem"], p["kept"]) for p in problems}
    assert ("menu.html", "web page with no article: menus, links and boilerplate only", "nothing") in said
    assert ("blank.png", "image with no text: OCR found none", "nothing") in said
    assert ("locked.pdf", "encrypted PDF: cannot be read without its password", "nothing") in said
    assert any(f == "broken.pdf" and k == "nothing" for f, _, k in said)
    assert ("crawl.jsonl", "record 2", "the other records") in said  # no text
    assert ("crawl.jsonl", "record 3", "the other records") in said  # not JSON
    assert any(p["file"].endswith("crawl.jsonl") and "record 5: date '去年春天' cannot be read" in p["problem"]
               for p in problems)
    # the CSV's text column is not called "text": the file is reported, the rest is built
    assert any(p["file"].endswith("export.csv") and "--text-field" in p["problem"] for p in problems)
    docs = result.graph.graph["documents"]
    assert {"crawl#1", "crawl#4", "crawl#5"} <= set(docs) and "crawl#2" not in docs


def test_the_graph_carries_each_articles_metadata(built):
    result, out = built
    g = read_graph(out / "graph.ttl")
    arts = {d: m["articles"] for d, m in g.graph["documents"].items()}
    news = arts["anji"][0]
    assert (news["date"], news["source"], news["publisher"], news["creators"]) == (
        "2024-06-18", "https://news.example.cn/2024/06/18/lilin.html", "湖畔新闻网", ["沈晓燕"])
    rec = arts["crawl#1"][0]
    assert rec["date"] == "2023-11-02" and rec["creators"] == ["江小舟", "汪明"] and rec["publisher"] == "婺源融媒"
    assert "date" not in arts["crawl#5"][0]  # 去年春天: no date
    assert any(a.get("page") == 2 for a in arts["epaper-0305"])
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert 'dcterms:date "2024-06-18"^^xsd:date' in ttl
    assert '"https://news.example.cn/2024/06/18/lilin.html"^^xsd:anyURI' in ttl
    assert documents_by_year(g) == {"2023": 1, "2024": 6, "undated": 1}
    # the Turtle writer and the rdflib graph agree on the metadata, and it reads back the same
    import rdflib
    from rdflib.compare import isomorphic

    from kg.export.rdf import to_rdf

    assert isomorphic(rdflib.Graph().parse(out / "graph.ttl", format="turtle"), to_rdf(result.graph))
    assert g.graph["documents"] == result.graph.graph["documents"]


def test_the_diffusion_query_answers_with_the_dates_of_the_sources(built):
    _, out = built
    store = load_store(out / "graph.ttl")
    result = run_query(store, get_ready_query("mechanism-diffusion").sparql)
    rows = [tuple("" if t is None else t.value for t in row) for row in result.rows]
    spread = [(place, first) for mech, level, place, first, _ in rows if mech == "邻里议事会" and level == "county"]
    assert spread == [("婺源县", "2023-11-02"), ("武川县", "2024-03-05"), ("安吉县", "2024-06-18")]
    cities = [(place, first) for mech, level, place, first, _ in rows if mech == "邻里议事会" and level == "city"]
    assert cities == [("上饶市", "2023-11-02"), ("呼和浩特市", "2024-03-05"), ("湖州市", "2024-06-18")]


def test_posts_over_time_give_first_and_last_dates(built):
    _, out = built
    store = load_store(out / "graph.ttl")
    result = run_query(store, get_ready_query("posts-over-time").sparql)
    rows = {(r[0].value, r[1].value): (r[3].value if r[3] else "", r[4].value if r[4] else "") for r in result.rows}
    assert rows[("周明远", "党委书记")] == ("2024-03-05", "2024-09-01")  # the PDF, then the corpus
    assert rows[("程远航", "党工委书记")] == ("2023-11-02", "2024-04-02")  # the corpus, then the web page
    by_year = run_query(store, get_ready_query("mechanisms-by-year").sparql)
    years = {(r[0].value, r[1].value): int(r[2].value) for r in by_year.rows}
    assert years[("2023", "邻里议事会")] == 1 and years[("2024", "邻里议事会")] >= 3


def test_kg_build_reports_bad_input_one_line_each_and_takes_corpus_field_flags(mixed, tmp_path):
    csv_only = tmp_path / "in"
    csv_only.mkdir()
    make_csv(csv_only / "export.csv")
    (csv_only / "menu.html").write_text(MENU_PAGE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(csv_only), "-o", str(tmp_path / "out"), "-j", "1",
         "--text-field", "正文", "--title-field", "标题", "--date-field", "发布时间", "--url-field", "链接",
         "--source-field", "来源", "--author-field", "作者"],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    errs = [line for line in run.stderr.splitlines() if line.startswith(("error:", "warning:"))]
    assert any("menu.html: web page with no article" in line for line in errs)
    assert any("export.csv: record 2: an empty field '正文'" in line for line in errs)
    assert "Traceback" not in run.stderr
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert 'dcterms:date "2022-12-30"^^xsd:date' in ttl and "export#1" in ttl
    stats = subprocess.run([sys.executable, "-m", "kg.cli", "stats", str(tmp_path / "out" / "graph.ttl")],
                           capture_output=True, text=True, timeout=300)
    assert "  2022               1" in stats.stdout


def test_a_page_saved_as_mhtml_is_read_like_its_html():
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["Subject"] = "saved page"
    msg["Snapshot-Content-Location"] = "https://news.example.cn/2024/06/18/lilin.html"
    msg.make_mixed()
    msg.set_type("multipart/related")
    page = EmailMessage()
    page.set_content(NEWS_PAGE, subtype="html", charset="utf-8", cte="quoted-printable")
    page["Content-Location"] = "https://news.example.cn/2024/06/18/lilin.html"
    msg.attach(page)
    doc, _ = read_bytes(msg.as_bytes(), "saved.mhtml", "saved")
    art = doc.articles[0]
    assert art.date == "2024-06-18" and art.headline == "安吉县递铺街道推行“邻里议事会”机制"
    assert "递铺街道党工委书记陆明轩介绍" in doc.text and "相关新闻" not in doc.text


def test_the_same_scan_reads_the_same_every_time(tmp_path):
    png = tmp_path / "scan.png"
    render_page(SCAN_LINES[:5]).save(png)
    first, second = read_document(png), read_document(png)
    assert first.text == second.text and first.text.strip()
