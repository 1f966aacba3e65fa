"""Every internal link of a built site, checked: the file it points at exists, and so does its anchor."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup

LINKS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


def broken_links(site: Path) -> list[str]:
    """'page: link' for each internal link or anchor of `site` that leads nowhere (every page, all of it)."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(site.rglob("*.html")):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in LINKS.items():
            for element in html.find_all(tag, attrs={attribute: True}):
                url = urlparse(element[attribute])
                if url.scheme or url.netloc or element[attribute].startswith("mailto:"):
                    continue
                path = unquote(url.path)
                base = site if path.startswith("/") else page.parent  # root-relative links (404.html) start at the site
                target = (base / path.lstrip("/")).resolve() if path else page
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    broken.append(f"{page.relative_to(site)}: {element[attribute]}")
                elif url.fragment and target.suffix == ".html":
                    if target not in ids:
                        ids[target] = {node["id"] for node in BeautifulSoup(target.read_text(encoding="utf-8"),
                                                                             "html.parser").select("[id]")}
                    if unquote(url.fragment) not in ids[target]:
                        broken.append(f"{page.relative_to(site)}: {element[attribute]}")
    return broken
