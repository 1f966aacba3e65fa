"""Property: any mutation of valid data either loads or fails with the clear-error form.

Never a traceback: every problem names a data file (and a line where there is one) and says what is wrong.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURE_DATA
from macros.errors import DataError
from macros.site import build_site

FILES = sorted(str(path.relative_to(FIXTURE_DATA)) for path in FIXTURE_DATA.rglob("*.yml"))
PROBLEM = re.compile(r"^data/(topics/[a-z0-9-]+\.yml|glossary\.yml|tags\.yml|areas\.yml)(:\d+)?:"
                     r"( (question|term|area) '[^']*':| (question|term|area) #\d+:)? \S.*$")

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=12),
                    st.sampled_from(["", "  ", "easy", "coding", "adam-vs-sgd", "BN", "{{ config }}", "$x^$", "<b>"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                      max_leaves=6)


def paths(data, prefix=()):
    """Every location inside `data`."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths(value, (*prefix, index))


@st.composite
def structural_mutation(draw):
    """(file, new YAML text): a value replaced, a key removed or an unknown key added."""
    name = draw(st.sampled_from(FILES))
    data = yaml.safe_load((FIXTURE_DATA / name).read_text())
    location = draw(st.sampled_from([p for p in paths(data) if p]))
    parent = data
    for part in location[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "delete", "add-key"]))
    if action == "replace":
        parent[location[-1]] = draw(values)
    elif action == "delete":
        del parent[location[-1]]
    elif isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=8))] = draw(values)
    return name, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@st.composite
def text_mutation(draw):
    """(file, new text): a line deleted, duplicated or with junk inserted."""
    name = draw(st.sampled_from(FILES))
    lines = (FIXTURE_DATA / name).read_text().splitlines()
    index = draw(st.integers(0, len(lines) - 1))
    action = draw(st.sampled_from(["delete", "duplicate", "insert"]))
    if action == "delete":
        del lines[index]
    elif action == "duplicate":
        lines.insert(index, lines[index])
    else:
        junk = draw(st.sampled_from([":", "[", "]", "- ", "\t", "  ", "{", "&a", "*b", "? ", "'", '"', "%", "!!python/object x"]))
        column = draw(st.integers(0, len(lines[index])))
        lines[index] = lines[index][:column] + junk + lines[index][column:]
    return name, "\n".join(lines) + "\n"


def check(mutation) -> None:
    name, text = mutation
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(FIXTURE_DATA, data)
        (data / name).write_text(text, encoding="utf-8")
        try:
            build_site(data)
        except DataError as error:
            assert error.problems, "a DataError must list at least one problem"
            for problem in error.problems:
                assert PROBLEM.match(str(problem)), f"not in the clear-error form: {problem}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structural_mutation())
def test_structural_mutations_load_or_fail_clearly(mutation):
    check(mutation)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_mutation())
def test_text_mutations_load_or_fail_clearly(mutation):
    check(mutation)
