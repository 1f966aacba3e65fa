"""The JSON Schemas of the data files, for editors with a YAML language server."""

from __future__ import annotations

import json
from pathlib import Path

from .model import AreaList, Glossary, TagList, Topic

SCHEMAS = {"topic.schema.json": Topic, "glossary.schema.json": Glossary, "tags.schema.json": TagList,
           "areas.schema.json": AreaList}


def schema_texts() -> dict[str, str]:
    """File name → JSON text of each schema, stable from run to run."""
    return {name: json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"
            for name, model in SCHEMAS.items()}


def write_schemas(folder: Path) -> list[Path]:
    """Write the schemas into `folder`, leaving files whose content did not change untouched."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
