"""mkdocs-macros entry point: wires the data pipeline (load → validate → render) into pages."""

from .config import fix_link_base, pdf_links, site_for_config
from .render import Renderer


def define_env(env):
    """Register one macro per kind of generated page."""
    renderer = Renderer(site_for_config(env.conf), fix_link_base(env.conf), pdf_links(env.conf))
    env.macro(renderer.home, "home")
    env.macro(renderer.topic, "topic_page")
    env.macro(renderer.cheat_sheet, "cheat_sheet")
    env.macro(renderer.cheat_sheet_index, "cheat_sheet_index")
    env.macro(renderer.all_cheat_sheets, "all_cheat_sheets")
    env.macro(renderer.glossary, "glossary")
    env.macro(renderer.glossary_letter, "glossary_letter")
    env.macro(renderer.tag_index, "tag_index")
    env.macro(renderer.tag_page, "tag_page")
    env.macro(renderer.practice, "practice_page")
    env.macro(renderer.mock_interview, "mock_interview_page")
    env.macro(renderer.interview_kit, "interview_kit_page")
