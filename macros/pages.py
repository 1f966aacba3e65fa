"""MkDocs hooks: formulas as MathML, glossary links in answers, one topic page and one
cheat sheet per data file, a page per glossary letter and one per tag.

Adding a topic is adding `data/topics/<slug>.yml`; its pages are generated here, listed in
the navigation in the topics' `order`, and filled in by the macros.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros import glossary_pages  # noqa: E402  (the hook is loaded by path, not as a package)
from macros.config import site_for_config  # noqa: E402
from macros.mathml import MathMLExtension  # noqa: E402
from macros.practice_data import write_practice_data  # noqa: E402
from macros.print_budget import over_budget  # noqa: E402
from macros.search_index import write_search_index  # noqa: E402
from macros.term_links import TermLinkExtension, term_tips_script  # noqa: E402


log = logging.getLogger("mkdocs.plugins.cheat_sheets")


def on_config(config):
    site = site_for_config(config)
    term_pages = {term.id: glossary_pages.page_of(term) for term in site.glossary.terms}
    config.markdown_extensions.extend([MathMLExtension(), TermLinkExtension(site.matcher, term_pages)])
    return config


def on_files(files: Files, config) -> Files:
    site = site_for_config(config)
    files.append(File.generated(config, "javascripts/term-tips.js", content=term_tips_script(list(site.glossary.terms))))
    for page in site.topics:
        problem = over_budget(page.topic)
        if problem:  # a warning, so `mkdocs build --strict` fails
            log.warning(f"data/topics/{page.slug}.yml: {problem}")
        meta = f"---\ntitle: {_quoted(page.topic.title)}\ndescription: {_quoted(page.topic.description)}\n"
        files.append(File.generated(config, f"topics/{page.slug}.md",
                                    content=f"{meta}---\n\n{{{{ topic_page({page.slug!r}) }}}}\n"))
        files.append(File.generated(config, f"cheat-sheets/{page.slug}.md",
                                    content=f"{meta}template: cheat-sheet.html\n---\n\n"
                                            f"{{{{ cheat_sheet({page.slug!r}) }}}}\n"))
    for letter in glossary_pages.by_letter(site.glossary.terms):
        slug = glossary_pages.letter_slug(letter)
        files.append(File.generated(config, f"glossary/{slug}.md", inclusion=InclusionLevel.NOT_IN_NAV,
                                    content=f"---\ntitle: {_quoted('Glossary: ' + letter)}\nhide:\n  - toc\n---\n\n"
                                            f"# Glossary: {letter}\n\n{{{{ glossary_letter({slug!r}) }}}}\n"))
    for tag in site.questions_by_tag():
        files.append(File.generated(config, f"tags/{tag}.md", inclusion=InclusionLevel.NOT_IN_NAV,
                                    content=f"---\ntitle: {_quoted('Questions tagged #' + tag)}\nhide:\n  - toc\nsearch:\n  exclude: true\n---\n\n"
                                            f"# Questions tagged #{tag}\n\n{{{{ tag_page({tag!r}) }}}}\n"))
    return files


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    """Topic pages and cheat sheets grouped by area, in topic order; sections after the home page.

    Grouping keeps each page's navigation short: with `navigation.prune` a page lists the areas
    and only its own area's topics, not every topic of a large site.
    """
    site = site_for_config(config)
    folders = {"Topics": "topics", "Cheat sheets": "cheat-sheets"}
    for item in nav.items:
        if isinstance(item, Section) and item.title in folders:
            _group_by_area(item, folders[item.title], site)
    section_rank = {"Topics": 1, "Cheat sheets": 2}
    nav.items.sort(key=lambda item: section_rank.get(item.title, 0 if item.is_page and item.is_index else 3))
    nav.pages = list(_pages(nav.items))
    for index, page in enumerate(nav.pages):
        page.previous_page = nav.pages[index - 1] if index > 0 else None
        page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None
    return nav


def _group_by_area(section: Section, folder: str, site) -> None:
    """Replace a section's topic pages by one subsection per area; other pages stay first."""
    pages = {child.file.src_uri: child for child in section.children if child.is_page}
    groups = []
    for group in site.areas:
        members = [pages.pop(f"{folder}/{page.slug}.md") for page in group.topics if f"{folder}/{page.slug}.md" in pages]
        area = Section(group.area.title, members)
        area.parent = section
        for page in members:
            page.parent = area
        groups.append(area)
    section.children = [child for child in section.children if not child.is_page or child.file.src_uri in pages] + groups


def on_page_content(html: str, page, config, files) -> str:
    """The glossary's pages and the tags' carry no table of contents: Material ships it twice (sidebar
    and phone drawer) even where it is hidden, which was thousands of links on one page; the glossary's
    letter bar takes its place, and a tag's page is short."""
    if page.file.src_uri == "glossary.md" or page.file.src_uri.startswith(("glossary/", "tags/")):
        for title in page.toc:  # the page title stays: Material's "Skip to content" link points at it
            title.children = []
    return html


def on_post_build(config) -> None:
    """The search index (every question and glossary term as a record, written by Pagefind) and the
    practice page's data."""
    site = site_for_config(config)
    write_search_index(site, Path(config["site_dir"]) / "pagefind")
    write_practice_data(site, Path(config["site_dir"]) / "practice")


def _pages(items):
    for item in items:
        if isinstance(item, Section):
            yield from _pages(item.children)
        elif item.is_page:
            yield item


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
