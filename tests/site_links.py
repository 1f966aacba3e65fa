"""Every internal link of a built site, checked: the file it points at exists, and so does its anchor."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import lxml.html

LINKS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}
LINK_PATH = " | ".join(f"//{tag}[@{attribute}]/@{attribute}" for tag, attribute in LINKS.items())


def broken_links(site: Path) -> list[str]:
    """'page: link' for each internal link or anchor of `site` that leads nowhere (every page, all of it)."""
    parser = lxml.html.HTMLParser(encoding="utf-8")
    pages = {page.resolve(): lxml.html.parse(str(page), parser).getroot() for page in sorted(site.rglob("*.html"))}
    ids = {page: set(html.xpath("//@id")) for page, html in pages.items()}
    broken = []
    for page, html in pages.items():
        for link in html.xpath(LINK_PATH):
            url = urlparse(link)
            if url.scheme or url.netloc or link.startswith("mailto:"):
                continue
            path = unquote(url.path)
            base = site.resolve() if path.startswith("/") else page.parent  # root-relative links (404.html) start at the site
            target = (base / path.lstrip("/")).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site.resolve())}: {link}"
            if not target.is_file():
                broken.append(where)
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in ids.get(target, ()):
                broken.append(where)
    return broken
