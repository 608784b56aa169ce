"""A saved page's headline, byline, dates and section, each weighed across its sources."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsroom_desktop.importers.html import parse_html

PLUS7 = timezone(timedelta(hours=7))
BODY = "<p>" + "Nội dung của bài báo được viết ra đủ dài để là một đoạn văn thật. " * 10 + "</p>"


def page(head: str = "", body: str = "") -> str:
    """Return a whole saved page: ``head`` in <head>, ``body`` then a long paragraph in <body>."""
    return f"<!doctype html><html><head>{head}</head><body>{body}{BODY}</body></html>"


def read(head: str = "", body: str = ""):
    return parse_html(page(head, body), name="page.html")


@pytest.mark.parametrize(
    "title",
    [
        "Storm closes the coast road | Coast Daily",
        "Storm closes the coast road - Coast Daily",
        "Storm closes the coast road – Coast Daily",
        "Storm closes the coast road — Coast Daily",
        "Coast Daily: Storm closes the coast road",
        "Storm closes the coast road [Coast Daily]",
        "Storm closes the coast road | News | Coast Daily",
    ],
)
def test_the_site_name_is_taken_off_the_title_in_every_shape(title):
    site = '<meta property="og:site_name" content="Coast Daily">'
    assert read(f"<title>{title}</title>{site}").headline == "Storm closes the coast road"


def test_a_title_dash_inside_the_headline_stays():
    article = read("<title>Hà Nội - Hải Phòng mở thêm làn xe - Báo Giao thông</title>")
    assert article.headline == "Hà Nội - Hải Phòng mở thêm làn xe"


def test_the_masthead_h1_and_a_section_h1_lose_to_the_sources_that_agree():
    article = read(
        "<title>Council approves the new bridge | Riverside Post</title>"
        '<meta property="og:title" content="Council approves the new bridge">',
        '<header><h1 class="logo">Riverside Post</h1></header><h1>Local</h1>',
    )
    assert article.headline == "Council approves the new bridge"


def test_every_named_headline_source_is_read():
    for tag in (
        '<meta name="twitter:title" content="{}">',
        '<meta name="DC.title" content="{}">',
        '<meta name="dc.title" content="{}">',
        '<meta name="parsely-title" content="{}">',
        '<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{}"}}</script>',
    ):
        head = "<title>About This Site</title>" + tag.format("Mưa lớn ở Hà Nội")
        assert read(head, "<h1>Mưa lớn ở Hà Nội</h1>").headline == "Mưa lớn ở Hà Nội", tag


@pytest.mark.parametrize(
    ("head", "body", "byline"),
    [
        ('<meta name="author" content="Jane Doe">', "", "Jane Doe"),
        ('<meta property="article:author" content="https://x.com/jane">', "", ""),
        ('<meta property="article:author" content="Jane Doe">', "", "Jane Doe"),
        ('<meta name="dc.creator" content="Jean Dupont">', "", "Jean Dupont"),
        ('<meta name="parsely-author" content="Ana Pérez">', "", "Ana Pérez"),
        ('<meta name="sailthru.author" content="Max Muster">', "", "Max Muster"),
        ("", '<a rel="author" href="/a/1">Jane Doe</a>', "Jane Doe"),
        ("", '<span itemprop="author"><span itemprop="name">Jane Doe</span></span>', "Jane Doe"),
        ("", '<div class="byline">By Jane Doe</div>', "Jane Doe"),
        ("", '<div class="article-author">Par Jean Dupont</div>', "Jean Dupont"),
        ("", '<p class="byline">Von Max Muster | 3. Juni 2024</p>', "Max Muster"),
        ("", '<p class="author">Por Ana Pérez - 03/06/2024 10:00</p>', "Ana Pérez"),
    ],
)
def test_each_byline_source(head, body, byline):
    assert read(head, body).byline == byline


def test_json_ld_authors_as_object_array_and_string():
    def ld(author: str) -> str:
        json = f'{{"@type": "NewsArticle", "author": {author}}}'
        return f'<script type="application/ld+json">{json}</script>'

    assert read(ld('{"@type": "Person", "name": "Ngọc Hậu"}')).byline == "Ngọc Hậu"
    assert read(ld('"Ngọc Hậu"')).byline == "Ngọc Hậu"
    both = ld('[{"name": "Ngọc Hậu"}, {"name": "Minh Anh"}]')
    assert read(both).byline == "Ngọc Hậu, Minh Anh"
    # Several authors come out as the page writes them when it shows them.
    shown = read(both, '<p class="author">Ngọc Hậu - Minh Anh</p>')
    assert shown.byline == "Ngọc Hậu - Minh Anh"


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<meta name="author" content="8h">', ""),
        ('<meta name="author" content="03/06/2024">', ""),
        ("", '<div class="comment-author"><h3>Reader comments</h3></div>'),
        ("", '<a rel="author" href="/help">Help</a>'),
        ("", '<div class="author">About This Site</div>'),
        (
            '<meta name="author" content="Coast Daily">'
            '<meta property="og:site_name" content="Coast Daily">',
            "",
        ),
        (
            '<meta property="article:section" content="Sport"><meta name="author" content="Sport">',
            "",
        ),
    ],
)
def test_labels_dates_counts_sections_and_the_site_are_never_the_byline(head, body):
    assert read(head, body).byline == ""


def test_published_and_updated_from_json_ld_and_open_graph():
    ld = read(
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        '"datePublished": "2024-06-03T08:00:00+07:00", "dateModified": "2024-06-03T10:30:00+07:00"}'
        "</script>"
    )
    assert ld.created_at == datetime(2024, 6, 3, 8, 0, tzinfo=PLUS7)
    assert ld.updated_at == datetime(2024, 6, 3, 10, 30, tzinfo=PLUS7)
    og = read(
        '<meta property="article:published_time" content="2024-06-03T08:00:00+07:00">'
        '<meta property="article:modified_time" content="2024-06-04T09:00:00+07:00">'
    )
    assert og.created_at == datetime(2024, 6, 3, 8, 0, tzinfo=PLUS7)
    assert og.updated_at == datetime(2024, 6, 4, 9, 0, tzinfo=PLUS7)


def test_dates_the_page_only_shows():
    timed = read("", '<time datetime="2024-06-03T08:00:00+07:00">3 June</time>')
    assert timed.created_at == datetime(2024, 6, 3, 8, 0, tzinfo=PLUS7)
    shown = read("", '<div class="date">Thứ hai, 3/6/2024, 08:00 (GMT+7)</div>')
    assert shown.created_at == datetime(2024, 6, 3, 8, 0, tzinfo=PLUS7)


def test_section_from_metadata_then_the_breadcrumb():
    meta = read('<meta property="article:section" content="Kinh doanh">')
    assert meta.section == "Kinh doanh"
    crumbs = read(
        "<title>Giá vàng tăng mạnh - Báo X</title>",
        '<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/kd">Kinh doanh</a>'
        "</li><li>Giá vàng tăng mạnh</li></ul>",
    )
    assert crumbs.section == "Kinh doanh"
    ld = read(
        '<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": ['
        '{"position": 1, "name": "Home"}, {"position": 2, "name": "World"}]}</script>'
    )
    assert ld.section == "World"


def test_dates_from_hand_written_json_ld_the_web_page_object_and_the_title():
    commented = read(
        '<script type="application/ld+json">{"@type": "NewsArticle",\n'
        '  // the site\'s own note\n  "datePublished": "2020-10-04T15:05:21+08:00",\n}</script>'
    )
    assert commented.created_at == datetime(
        2020, 10, 4, 15, 5, 21, tzinfo=timezone(timedelta(hours=8))
    )
    page_object = read(
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage",'
        '"datePublished": "2020-06-04T09:27:16+00:00"}]}</script>'
    )
    assert page_object.created_at == datetime(2020, 6, 4, 9, 27, 16, tzinfo=UTC)
    titled = read("<title>Les éléphants en Guinée | Environnement | DW | 23.05.2011</title>")
    assert titled.created_at is not None
    assert titled.created_at.date().isoformat() == "2011-05-23"


@pytest.mark.parametrize(
    ("body", "byline"),
    [
        ('<p class="byline">Erhverv - 02. januar 2020 kl. 10:21 Af Ritzau</p>', "Ritzau"),
        ('<p class="byline">Yasmine Hassan · CBC News</p>', "Yasmine Hassan"),
        ('<p class="byline">David Straub, MDR THÜRINGEN</p>', "David Straub"),
        ('<p class="byline">di Viviana Mazza</p>', "Viviana Mazza"),
        ('<p class="byline">Von: Jörg Zschoche</p>', "Jörg Zschoche"),
        ('<p class="byline">Marta Cañete Corresponsal en Atenas</p>', "Marta Cañete"),
        (
            '<p class="byline"><a>Ryan Devereaux</a> <span>Ryan Devereaux</span></p>',
            "Ryan Devereaux",
        ),
        ('<p class="author">Developed By Heba Musa</p>', ""),
        ('<p class="author">Twitter Facebook</p>', ""),
    ],
)
def test_shown_bylines_lose_what_is_not_a_name(body, byline):
    assert read("", body).byline == byline


def test_several_authors_run_together_come_from_the_links_to_their_pages():
    article = read(
        "",
        '<div class="byline"><a rel="author" href="/a">Ingrid Treborg</a>'
        '<a rel="author" href="/b">Marlene Lundberg Holm</a></div>',
    )
    assert article.byline == "Ingrid Treborg, Marlene Lundberg Holm"


def test_a_page_that_credits_itself_has_no_byline_unless_one_is_printed_with_its_label():
    site = (
        '<meta property="og:site_name" content="La Información">'
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        '"author": {"@type": "Person", "name": "La Información"}}</script>'
    )
    assert read(site, '<p class="author">EFE</p>').byline == ""
    assert read(site, '<p class="author">Autor: Olesya Zhukoven</p>').byline == "Olesya Zhukoven"


def test_names_in_capitals_lose_the_outlet_written_after_them():
    article = read("", '<p class="byline">By LISA MASCARO and ERIC TUCKER Associated Press</p>')
    assert article.byline == "LISA MASCARO and ERIC TUCKER"


def test_a_kicker_inside_the_h1_is_left_out_where_the_other_titles_agree():
    article = read(
        '<meta property="og:title" content="Why collaborative thinking beats individual smarts">',
        '<article><h1><span class="kicker">Open Progress</span><br>'
        "<span>Why collaborative thinking beats individual smarts</span></h1></article>",
    )
    assert article.headline == "Why collaborative thinking beats individual smarts"


@pytest.mark.parametrize(
    "body",
    [
        '<p itemprop="author">Редактор: <span itemprop="name">Елин Димитров</span></p>',
        '<p class="byline">Edited by Jane Doe</p>',
        '<p class="author">Ilanga D</p>',
    ],
)
def test_an_editor_credit_or_a_cut_name_is_no_byline(body):
    assert read("", body).byline == ""


def test_the_author_the_page_shows_as_its_editor_is_not_the_byline():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        '"author": {"@type": "Person", "name": "Heryadi"}}</script>'
    )
    article = read(ld, '<p class="author">Naufal Zuhdi</p><p class="author">Editor : Heryadi</p>')
    assert article.byline == "Naufal Zuhdi"


def test_an_outlets_initials_and_a_title_are_kept_whole():
    assert read('<meta name="author" content="HT Correspondent">').byline == "HT Correspondent"
    assert read("", '<p class="byline">선수민 기자</p>').byline == "선수민"


def test_an_agency_shown_alone_without_a_label_is_not_sure_enough():
    assert read("", '<span class="author">REUTERS</span>').byline == ""
    assert read("", '<span class="author">Agência O Globo</span>').byline == ""
    assert read("", '<span class="author">Por AFP</span>').byline == "AFP"
    assert read('<meta name="author" content="AFP">').byline == "AFP"


def test_an_organisation_as_json_ld_author_is_the_site_unless_a_wire_agency():
    def ld(name: str) -> str:
        json = (
            f'{{"@type": "NewsArticle", "author": {{"@type": "Organization", "name": "{name}"}}}}'
        )
        return f'<script type="application/ld+json">{json}</script>'

    assert read(ld("北京新浪網"), '<p class="author">Nguyễn Văn A</p>').byline == ""
    assert read(ld("AFP")).byline == "AFP"
    assert read(ld("dpa")).byline == "dpa"
