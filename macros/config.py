"""Where an MkDocs project keeps its data (and where readers can propose a fix to it), and data
errors reported as MkDocs errors."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .errors import DataError
from .site import Site, site_for


def data_dir(config) -> Path:
    """The `data/` folder beside mkdocs.yml."""
    return Path(config["config_file_path"]).parent / "data"


def fix_link_base(config) -> str | None:
    """The address that a data file's path and `#L<line>` complete into a "Suggest a fix" link; None without `repo_url`."""
    if not config["repo_url"]:
        return None
    return f"{config['repo_url'].rstrip('/')}/blob/{config['extra'].get('data_branch', 'main')}/"


def pdf_links(config) -> bool:
    """Whether cheat sheets link their PDFs: only in a build whose PDFs get printed (PDF_LINKS=1)."""
    return str(config["extra"].get("pdf_links", "")).strip().lower() in ("1", "true", "yes")


def site_for_config(config) -> Site:
    """The validated Site of this MkDocs project; bad data stops the build with every problem listed."""
    try:
        return site_for(data_dir(config))
    except DataError as error:
        raise PluginError(str(error)) from None
