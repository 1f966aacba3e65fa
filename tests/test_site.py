"""The built site, parsed with an HTML parser: every question, term and cheat-sheet line is there."""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, ROOT, build_ok, make_project, once_per_run
from site_links import broken_links


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def article(path: Path):
    return soup(path).select_one("article")


def test_home_lists_every_topic_with_its_count(real_site, real_data):
    rows = {row.select_one("a")["href"].strip("/").split("/")[-1]: row for row in article(real_site / "index.html").select("tbody tr")}
    assert list(rows) == [page.slug for page in real_data.topics]
    for page in real_data.topics:
        cells = [cell.get_text(strip=True) for cell in rows[page.slug].select("td")]
        assert cells == [page.topic.title, str(len(page.topic.questions)), page.topic.description]


def test_home_says_what_the_site_covers_and_leaves_out(real_site):
    scope = article(real_site / "index.html").select_one("h2")
    assert scope.get_text(strip=True).removesuffix("¶") == "What it covers, and what it leaves to other references"
    text = scope.find_next("p").get_text(" ", strip=True)
    assert text.startswith("It covers") and "It leaves to other references" in text


def test_home_groups_topics_by_area(real_site, real_data):
    areas = article(real_site / "index.html").select("h2")[1:]
    assert [h2.get_text(strip=True).removesuffix("¶") for h2 in areas] == [group.area.title for group in real_data.areas]
    for h2, group in zip(areas, real_data.areas):
        table = h2.find_next("table")
        assert [row.select_one("a").get_text(strip=True) for row in table.select("tbody tr")] == \
            [page.topic.title for page in group.topics]


def test_navigation_lists_areas_and_only_the_own_areas_topics(real_site, real_data):
    topics = {page.slug for page in real_data.topics}
    for group in real_data.areas:
        page = group.topics[-1]
        items = soup(real_site / "topics" / page.slug / "index.html").select("nav.md-nav--primary li.md-nav__item")
        names = {item.find(["a", "label"], recursive=False).get_text(" ", strip=True) for item in items}
        assert {area.area.title for area in real_data.areas} <= names
        topic_links = {item.find("a", recursive=False)["href"].rstrip("/").split("/")[-1] for item in items
                       if "md-nav__item--pruned" not in item["class"] and item.find("a", recursive=False)} & topics
        assert topic_links == {p.slug for p in group.topics} - {page.slug}


def test_every_question_is_an_anchored_heading_on_its_topic_page(real_site, real_data):
    for page in real_data.topics:
        html = article(real_site / "topics" / page.slug / "index.html")
        headings = {h2["id"]: h2 for h2 in html.select("h2.question")}
        assert list(headings) == [q.id for q in page.topic.questions]
        for question in page.topic.questions:
            heading = headings[question.id]
            assert heading.get_text(" ", strip=True).removesuffix("¶").strip() == question.question
            short = heading.find_next("div", class_="admonition")
            assert "Short answer" in short.get_text()


def test_no_internal_link_or_anchor_is_broken(real_site):
    assert broken_links(real_site) == []


def test_the_link_check_finds_a_dead_link_and_a_dead_anchor(tmp_path):
    site = tmp_path / "site"
    (site / "tags").mkdir(parents=True)
    (site / "tags" / "index.html").write_text('<h2 id="ok">ok</h2><a href="../#top">home</a>')
    (site / "index.html").write_text('<p id="top"></p><a href="tags/#ok">x</a><a href="tags/#no-such-tag">x</a>'
                                     '<a href="gone/">y</a><a href="https://example.org/">z</a><script src="a.js"></script>')
    assert broken_links(site) == ["index.html: tags/#no-such-tag", "index.html: gone/", "index.html: a.js"]


def test_cheat_sheets_link_no_pdf_unless_the_pdfs_are_printed(real_site):
    assert not [page for page in real_site.rglob("*.html") if ".pdf" in page.read_text(encoding="utf-8")]


def _letter_page(site: Path, term) -> Path:
    """The built letter page that defines `term`."""
    from macros.glossary_pages import page_of

    return site / page_of(term).removesuffix(".md") / "index.html"


def test_every_term_is_an_anchor_on_its_letter_page_and_in_the_index(real_site, real_data):
    from macros.glossary_pages import by_letter, letter_slug

    for letter, terms in by_letter(real_data.glossary.terms).items():
        html = article(real_site / "glossary" / letter_slug(letter) / "index.html")
        assert [h2["id"] for h2 in html.select("h2.glossary-term")] == [term.id for term in terms], letter
        for term in terms:
            heading = html.find(id=term.id)
            for abbreviation in term.abbreviations:
                assert abbreviation in heading.get_text(), (term.id, abbreviation)
            if term.aliases:
                aliases = heading.find_next("p", class_="term-aliases").get_text()
                assert all(alias in aliases for alias in term.aliases), term.id
    index = article(real_site / "glossary" / "index.html")
    entries = {item["id"]: item.a["href"] for item in index.select("li.glossary-entry")}
    assert entries == {term.id: f"{letter_slug(letter)}/#{term.id}"
                       for letter, terms in by_letter(real_data.glossary.terms).items() for term in terms}


def test_term_links_in_answers_lead_to_the_term_on_its_letter_page(real_site, real_data):
    html = article(real_site / "topics" / "normalization" / "index.html")
    links = {a["href"] for a in html.select("a.term-link, .qa-terms a")}
    assert "../../glossary/b/#batch-normalization" in links
    assert {a["href"] for a in html.select(".qa-terms a")} & {"../../glossary/b/#batch-normalization", "../../glossary/l/#layer-normalization"}
    assert all(re.fullmatch(r"\.\./\.\./glossary/([a-z]|other)/#[a-z0-9-]+", href) for href in links), links


def _term_section(html, term_id: str) -> list:
    section = []
    for sibling in html.find(id=term_id).find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        section.append(sibling)
    return section


def test_glossary_links_questions_that_use_a_term(real_site, real_data):
    from macros.render import USED_IN_LIMIT

    few = next(term for term, users in sorted(real_data.term_users.items()) if 1 < len(users) <= USED_IN_LIMIT)
    many = max(real_data.term_users, key=lambda term: len(real_data.term_users[term]))
    assert len(real_data.term_users[many]) > USED_IN_LIMIT
    for term_id in (few, many):
        section = _term_section(article(_letter_page(real_site, real_data.terms[term_id])), term_id)
        linked = [a["href"].split("#")[-1] for part in section for a in part.select("a[href*='topics/']")]
        assert linked == list(real_data.term_users[term_id][:USED_IN_LIMIT])
        assert f"Used in {len(real_data.term_users[term_id])} questions" in " ".join(p.get_text() for p in section) or \
            len(real_data.term_users[term_id]) <= 5


def test_questions_asking_about_a_term_are_listed_first(real_data):
    from macros.terms import TermMatcher

    matcher = TermMatcher(real_data.glossary.terms)
    for term_id, users in real_data.term_users.items():
        asks = [term_id in matcher.find(real_data.questions[q].question) for q in users]
        assert asks == sorted(asks, reverse=True), term_id


def test_every_cheat_sheet_lists_every_question_of_its_topic(real_site, real_data):
    for page in real_data.topics:
        html = article(real_site / "cheat-sheets" / page.slug / "index.html")
        items = [strong.find_parent("p") for strong in html.select("p > a > strong")]
        assert [p.a.get_text(strip=True) for p in items] == [q.question for q in page.topic.questions]
        for item, question in zip(items, page.topic.questions):
            answer = item.get_text(" ", strip=True).removeprefix(question.question).strip()
            assert answer.split()[:3] == question.short_answer.split()[:3] or "$" in question.short_answer[:30]
        assert len(html.select(".math-display")) == len(page.topic.formulas)


def test_combined_cheat_sheet_has_every_topic(real_site, real_data):
    html = article(real_site / "cheat-sheets" / "all" / "index.html")
    assert [h1["id"] for h1 in html.select("h1.cheat-sheet-topic")] == [page.slug for page in real_data.topics]
    assert len(html.select("p > a > strong")) == len(real_data.questions)


def test_every_tag_has_a_page_listing_its_questions_by_topic(real_site, real_data):
    """The index links each tag's page and keeps an element with the tag's id (addresses from before the tags had
    pages, /tags/#<tag>, still land on it); a tag's page lists its questions under their topics, in the topics' order."""
    index = article(real_site / "tags" / "index.html")
    topic_order = [page.slug for page in real_data.topics]
    by_tag = real_data.questions_by_tag()
    assert [li["id"] for li in index.select("ul.tag-index > li")] == list(by_tag)
    for tag, questions in by_tag.items():
        assert index.find(id=tag).a["href"] == f"{tag}/"
        html = article(real_site / "tags" / tag / "index.html")
        listed = [(h2["id"], a["href"].split("#")[-1]) for h2 in html.select("h2") for a in h2.find_next("ul").select("a")]
        expected = sorted(((real_data.topic_of[q.id], q.id) for q in questions), key=lambda pair: topic_order.index(pair[0]))
        assert listed == expected, tag


def test_formulas_are_mathml_with_no_script(real_site):
    html = soup(real_site / "topics" / "optimization" / "index.html")
    assert html.select("math")
    assert not [s for s in html.select("script[src]") if "mathjax" in s["src"].lower() or "katex" in s["src"].lower()]
    assert "$$" not in html.select_one("article").get_text()


def test_site_has_sitemap_and_404(real_site):
    assert (real_site / "404.html").is_file()
    sitemap = (real_site / "sitemap.xml").read_text()
    assert "/topics/optimization/" in sitemap and "/glossary/" in sitemap


def test_template_syntax_in_data_is_shown_literally(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    topic = data / "topics" / "normalization.yml"
    topic.write_text(topic.read_text().replace(
        "      Layer normalization does not.",
        '      Layer normalization does not. Try {{ config }} and {% include "x" %} and {# hidden #}.'))
    site = build_ok(make_project(tmp_path / "project", data))
    text = article(site / "topics" / "normalization" / "index.html").get_text()
    assert 'Try {{ config }} and {% include "x" %} and {# hidden #}.' in text


def test_two_builds_produce_identical_html(tmp_path, real_site):
    again = build_ok(make_project(tmp_path / "again", Path(real_site).parent / "data"))

    def digests(site: Path) -> dict[str, str]:
        return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*.html"))}

    first, second = digests(real_site), digests(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_term_definitions_are_shipped_once_not_in_every_link(real_site, real_data):
    import json

    from macros.term_links import tooltip

    links = article(real_site / "topics" / "normalization" / "index.html").select("a.term-link")
    assert links and not any(link.has_attr("title") for link in links)
    script = (real_site / "javascripts" / "term-tips.js").read_text()
    tips = json.loads(script[script.index("{"):script.rindex("}") + 1])
    assert tips == {term.id: tooltip(term) for term in real_data.glossary.terms}
    scripts = [tag.get("src", "") for tag in soup(real_site / "topics" / "normalization" / "index.html").select("script")]
    assert any(src.endswith("/term-tooltips.js") for src in scripts)
    assert not any(src.endswith("/term-tips.js") for src in scripts)  # fetched when a link is first pointed at


SEED_FILE_NAME = re.compile(rb"[0-9]{3}_[0-9a-f]{16}\.txt")


def test_no_page_names_a_seed_file(real_site, real_data):
    assert any(question.sources for question in real_data.questions.values())  # the data still records them
    for path in sorted(p for p in real_site.rglob("*") if p.is_file()):
        content = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        assert not SEED_FILE_NAME.search(content), path.relative_to(real_site)


def test_topic_page_has_no_tag_wall_before_its_title(real_site, real_data):
    for page in real_data.topics:
        html = soup(real_site / "topics" / page.slug / "index.html")
        assert not html.select(".md-tags, .md-tag"), page.slug
        h1 = html.select_one("article h1")
        assert h1.get_text(strip=True).removesuffix("¶") == page.topic.title
        before = [tag for tag in h1.find_all_previous(["a", "nav", "span"]) if tag.find_parent("article")]
        assert not before, (page.slug, [str(tag)[:80] for tag in before])


REPO = "https://github.com/example/dl-interview-reference"


@pytest.fixture(scope="session")
def site_with_repo(tmp_path_factory, worker_id) -> Path:
    """The real data built with a repository address, so entries carry "Suggest a fix" links; once per test run."""
    return once_per_run(tmp_path_factory, worker_id, "with-repo", lambda folder: build_ok(
        make_project(folder, ROOT / "data"), REPO_URL=REPO, DATA_BRANCH="content")) / "site"


def item_lines(path: Path) -> dict[str, int]:
    """The line of each `- id:` item in a data file, read from its text."""
    return {match.group(1): number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if (match := re.match(r"\s*- id:\s*([a-z0-9-]+)\s*$", line))}


def test_every_question_links_its_line_in_the_data(site_with_repo, real_data):
    for page in real_data.topics:
        lines = item_lines(site_with_repo.parent / "data" / "topics" / f"{page.slug}.yml")
        html = article(site_with_repo / "topics" / page.slug / "index.html")
        for question in page.topic.questions:
            link = html.find(id=question.id).find_next("div", class_="qa-meta").select_one("a.suggest-fix")
            assert link["href"] == f"{REPO}/blob/content/data/topics/{page.slug}.yml#L{lines[question.id]}"
            assert link.get_text(strip=True) == "Suggest a fix"
            assert link["aria-label"] == f"Suggest a fix: {question.question}"


def test_every_term_links_its_line_in_the_data(site_with_repo, real_data):
    lines = item_lines(site_with_repo.parent / "data" / "glossary.yml")
    pages = {}
    for term in real_data.glossary.terms:
        path = _letter_page(site_with_repo, term)
        if path not in pages:
            pages[path] = article(path)
        html = pages[path]
        links = [a for part in _term_section(html, term.id) for a in part.select("a.suggest-fix")]
        assert [a["href"] for a in links] == [f"{REPO}/blob/content/data/glossary.yml#L{lines[term.id]}"], term.id
        assert links[0]["aria-label"] == f"Suggest a fix: {term.term}"


def test_the_repository_link_asks_no_other_site(site_with_repo):
    html = soup(site_with_repo / "topics" / "optimization" / "index.html")
    assert [a["href"] for a in html.select("a.md-source")][:1] == [REPO]
    assert not html.select("[data-md-component=source]")  # Material would ask the GitHub API for its star count


def test_without_a_repository_there_is_no_fix_link(real_site):
    for path in [*sorted((real_site / "glossary").rglob("index.html")), *sorted((real_site / "topics").glob("*/index.html"))]:
        html = soup(path)
        assert not html.select("a.suggest-fix, .term-fix, .md-source"), path
        assert "/blob/" not in path.read_text(encoding="utf-8"), path
