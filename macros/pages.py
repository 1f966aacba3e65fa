"""MkDocs hooks: formulas as MathML, and one topic page and one cheat sheet per data file.

Adding a topic is adding `data/topics/<slug>.yml`; its pages are generated here, in the
order the topics give, and filled in by the macros.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.config import site_for_config  # noqa: E402  (the hook is loaded by path, not as a package)
from macros.mathml import MathMLExtension  # noqa: E402


def on_config(config):
    config.markdown_extensions.append(MathMLExtension())
    return config


def on_files(files: Files, config) -> Files:
    site = site_for_config(config)
    for page in site.topics:
        meta = f"---\ntitle: {_quoted(page.topic.title)}\ndescription: {_quoted(page.topic.description)}\n"
        tags = sorted({tag for question in page.topic.questions for tag in question.tags})
        files.append(File.generated(config, f"topics/{page.slug}.md",
                                    content=f"{meta}tags: [{', '.join(tags)}]\n---\n\n{{{{ topic_page({page.slug!r}) }}}}\n"))
    for page in site.topics:
        files.append(File.generated(config, f"cheat-sheets/{page.slug}.md",
                                    content=f"{meta_for_sheet(page)}\n{{{{ cheat_sheet({page.slug!r}) }}}}\n"))
    return files


def meta_for_sheet(page) -> str:
    title = _quoted(f"Cheat sheet: {page.topic.title}")
    return f"---\ntitle: {title}\ndescription: {_quoted(page.topic.description)}\n---\n"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
