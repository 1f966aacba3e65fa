"""What the practice, mock-interview and interview-kit pages need, written once per build into `practice/`:
- `index.json`: every topic (slug, title, area) with its questions as [id, difficulty, kind], small
  enough to count progress on the home page and choose a session at 10,000 questions;
- `<slug>.json`: each question of one topic with its text, short answer, listen-for points and pitfalls
  as HTML (formulas as MathML), and its follow-ups, loaded only for the topics a session needs.

The HTML is rendered here from the validated data, which holds no raw HTML, so the page inserts it as
the topic pages show it; data text is never evaluated as a template.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from markdown import Markdown

from .mathml import MathMLExtension
from .model import Question
from .site import Site

INDEX_FILE = "index.json"
_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


def write_practice_data(site: Site, output: Path) -> None:
    """Write the index and one file per topic into `output` (the site's practice/ folder)."""
    output.mkdir(parents=True, exist_ok=True)
    (output / INDEX_FILE).write_text(_compact(practice_index(site)), encoding="utf-8")
    markdown = Markdown(extensions=[MathMLExtension(), "attr_list", "pymdownx.superfences"])
    for page in site.topics:
        questions = {q.id: _question(q, site, markdown) for q in page.topic.questions}
        (output / f"{page.slug}.json").write_text(_compact(questions), encoding="utf-8")


def practice_index(site: Site) -> dict:
    """{"areas": {slug: title}, "topics": [{slug, title, area, questions: [[id, difficulty, kind], ...]}]}, in reading order."""
    return {
        "areas": {group.area.id: group.area.title for group in site.areas},
        "topics": [{"slug": page.slug, "title": page.topic.title, "area": page.topic.area,
                    "questions": [[q.id, q.difficulty, q.kind] for q in page.topic.questions]} for page in site.topics],
    }


def _question(question: Question, site: Site, markdown: Markdown) -> dict:
    """A question as practice and the interview kit show it: {q, short, listen: [...], pitfalls: [...],
    follow: [[text, id or null], ...]} (text as HTML)."""
    return {
        "q": _inline_html(question.question, markdown),
        "short": _html(question.short_answer, markdown),
        "listen": [_inline_html(point, markdown) for point in question.listen_for],
        "pitfalls": [_inline_html(point, markdown) for point in question.pitfalls],
        "follow": [[_inline_html(f.question, markdown), f.id] for f in question.follow_ups],
    }


def _html(text: str, markdown: Markdown) -> str:
    markdown.reset()
    return markdown.convert(text)


def _inline_html(text: str, markdown: Markdown) -> str:
    """One paragraph of Markdown as HTML without its <p>."""
    html = _html(text, markdown)
    match = _PARAGRAPH.match(html)
    return match.group(1) if match and "<p>" not in match.group(1) else html


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
