"""Benchmark the generator against plain Markdown, at the real data's size and at 1,000-10,000 questions.

    python scripts/bench.py [--sizes real 1000 3000 10000] [--runs 3] [--search real 1000 10000]
                            [--lighthouse real 1000] [--lighthouse-runs 3] [--baseline REV] [--out FILE]

For each size it writes synthetic data shaped like the real data (the real questions re-used with
shuffled wording, fresh ids, their formulas, code blocks, links and glossary terms, about 14
questions a topic), builds the site with the generator, and builds the *same* pages written out
as plain Markdown (pre-rendered once; the same theme, plugins and Markdown features, formulas
and glossary links included, but no data layer, no macros and no search index). With --baseline,
the generator as it was at git revision REV builds the same data too. The builds run side by side,
alternating, `--runs` times each. It reports medians of wall and CPU time, peak memory, pages,
site size, the largest page, the search index (Pagefind's pagefind/ folder) raw and gzipped and
the time to write it; with --search, in headless Chromium, what a reader's first query downloads
(gzipped), the time from the first keystroke to the first result (typed as soon as the search
opens, and half a second after), and from each further keystroke to its first result; with
--lighthouse, Lighthouse's mobile scores for each page type (the median of --lighthouse-runs runs: one
run's performance score moves by up to 5 points on a shared 2-core machine), the site served gzipped as a
static host serves it. Results are printed as Markdown tables.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUESTIONS_PER_TOPIC = 14


# ---------------------------------------------------------------- synthetic data

def synthetic_data(n: int, target: Path, seed: int = 0) -> None:
    """Write data/ with `n` questions shaped like the real ones into `target`."""
    rng = random.Random(seed)
    real_topics = [yaml.safe_load(p.read_text()) for p in sorted((ROOT / "data" / "topics").glob("*.yml"))]
    real = [q for topic in real_topics for q in topic["questions"]]
    formulas = [f for topic in real_topics for f in topic.get("formulas", [])]
    # Reworded answers must pass the data checks: no word that could form an unsourced appeal to "studies".
    from macros.wording import APPEAL_WORDS
    vocabulary = [w for q in real for w in q["answer"].split() if w.isalpha() and w.casefold() not in APPEAL_WORDS]
    (target / "topics").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "glossary.yml", target / "glossary.yml")
    shutil.copy(ROOT / "data" / "tags.yml", target / "tags.yml")
    topics = -(-n // QUESTIONS_PER_TOPIC)
    areas = max(1, round(math.sqrt(topics)))  # about as many areas as topics per area
    (target / "areas.yml").write_text(yaml.safe_dump(
        {"areas": [{"id": f"area-{a + 1}", "title": f"Synthetic area {a + 1}"} for a in range(areas)]}))
    copies = {}
    questions = []
    for i in range(n):
        source, copy = real[i % len(real)], i // len(real)
        copies.setdefault(copy, set()).add(source["id"])
        questions.append((source, copy))
    for t in range(0, n, QUESTIONS_PER_TOPIC):
        chunk = questions[t:t + QUESTIONS_PER_TOPIC]
        topic = {
            "title": f"Synthetic topic {t // QUESTIONS_PER_TOPIC + 1}",
            "description": "A synthetic topic for the benchmark, shaped like the real ones.",
            "area": f"area-{t // QUESTIONS_PER_TOPIC * areas // topics + 1}",
            "order": t // QUESTIONS_PER_TOPIC,
            "formulas": rng.sample(formulas, 3),
            "questions": [_variant(source, copy, copies[copy], copies[0], vocabulary, rng) for source, copy in chunk],
        }
        path = target / "topics" / f"topic-{t // QUESTIONS_PER_TOPIC + 1:04d}.yml"
        path.write_text(yaml.safe_dump(topic, sort_keys=False, allow_unicode=True, width=120))


def _variant(source: dict, copy: int, present: set, originals: set, vocabulary: list, rng: random.Random) -> dict:
    """A copy of a real question with a fresh id, reworded text and links kept inside its copy (a follow-up
    whose question this copy lacks links the original, as the data checks require)."""
    def ident(real_id: str) -> str:
        return real_id if copy == 0 else f"{real_id}-v{copy}"

    question = dict(source)
    question["id"] = ident(source["id"])
    question["question"] = source["question"] if copy == 0 else f"{source['question'].rstrip('?')} (variant {copy})?"
    question["answer"] = _reword(source["answer"], vocabulary, rng)
    question["related"] = [ident(r) for r in source.get("related", []) if r in present and r != source["id"]]
    question["follow_ups"] = [
        {**f, "id": ident(f["id"])} if f.get("id") in present and f["id"] != source["id"]
        else f if f.get("id") in originals else {"question": f["question"]}
        for f in source.get("follow_ups", [])]
    return question


def _reword(answer: str, vocabulary: list, rng: random.Random) -> str:
    """Replace about one plain word in five, so that copies do not compress unrealistically well."""
    lines = []
    in_fence = False
    for line in answer.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence or "$" in line or line.lstrip().startswith(("|", "```")):
            lines.append(line)
            continue
        words = [rng.choice(vocabulary) if w.isalpha() and rng.random() < 0.2 else w for w in line.split(" ")]
        lines.append(" ".join(words))
    return "\n".join(lines)


# ---------------------------------------------------------------- projects

def generator_project(data: Path, folder: Path) -> Path:
    """The site's sources with `data` as its data folder."""
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data, folder / "data")
    return folder


PLAIN_HOOK = '''"""The real site's Markdown features (formulas, glossary links with tooltips); no data layer."""
import json
import sys
sys.path.insert(0, {root!r})
from macros.glossary_pages import page_of
from macros.mathml import MathMLExtension
from macros.model import Term
from macros.term_links import TermLinkExtension
from macros.terms import TermMatcher

TERMS = [Term(**term) for term in json.load(open({terms!r}))]
MATCHER = TermMatcher(TERMS)


def on_config(config):
    pages = {{term.id: page_of(term) for term in TERMS}}
    config.markdown_extensions.extend([MathMLExtension(), TermLinkExtension(MATCHER, pages)])
    return config
'''


def plain_project(data: Path, folder: Path) -> Path:
    """The same pages as the generator makes, written once as plain Markdown files."""
    from macros.glossary_pages import by_letter, letter_slug
    from macros.pages import _quoted
    from macros.render import Renderer
    from macros.site import build_site

    site = build_site(data)
    renderer = Renderer(site)
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns("*.md"))
    docs = folder / "docs"
    pages = {
        "index.md": ("Home", "# Deep learning interview questions, answered\n\n" + renderer.home(), ""),
        "glossary.md": ("Glossary", "# Glossary\n\n" + renderer.glossary(), ""),
        "tags.md": ("Questions by tag", "# Questions by tag\n\n" + renderer.tag_index(), ""),
        "practice.md": ("Practice", "# Practice\n\n" + renderer.practice(), ""),
        "mock-interview.md": ("Mock interview", "# Mock interview\n\n" + renderer.mock_interview(), ""),
        "interview-kit.md": ("Interviewer's kit", "# Interviewer's kit\n\n" + renderer.interview_kit(), ""),
        "cheat-sheets/index.md": ("Cheat sheets", "# Cheat sheets\n\n" + renderer.cheat_sheet_index(), ""),
        "cheat-sheets/all.md": ("All cheat sheets", "# All cheat sheets\n\n" + renderer.all_cheat_sheets(),
                                "template: cheat-sheet.html\n"),
    }
    for letter in by_letter(site.glossary.terms):
        pages[f"glossary/{letter_slug(letter)}.md"] = (f"Glossary: {letter}", f"# Glossary: {letter}\n\n"
                                                       + renderer.glossary_letter(letter_slug(letter)), "hide:\n  - toc\n")
    for tag in site.questions_by_tag():
        pages[f"tags/{tag}.md"] = (f"Questions tagged #{tag}", f"# Questions tagged #{tag}\n\n" + renderer.tag_page(tag),
                                   "hide:\n  - toc\nsearch:\n  exclude: true\n")
    for page in site.topics:
        pages[f"topics/{page.slug}.md"] = (page.topic.title, renderer.topic(page.slug), "")
        pages[f"cheat-sheets/{page.slug}.md"] = (page.topic.title, renderer.cheat_sheet(page.slug), "template: cheat-sheet.html\n")
    for name, (title, body, extra) in pages.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {_quoted(title)}\n{extra}---\n\n{body}", encoding="utf-8")
    text = (ROOT / "mkdocs.yml").read_text()
    text = text.replace("hooks:\n  - macros/pages.py\n", "hooks:\n  - plain_hooks.py\n")
    text = text.replace("watch:\n  - data\n  - macros\n", "")
    start = text.index("  - macros:\n")
    end = text.index("\n\n", start)
    text = text[:start] + text[end + 1:]
    (folder / "mkdocs.yml").write_text(text + "\n" + yaml.safe_dump({"nav": _grouped_nav(site), "not_in_nav": "/glossary/*.md\n/tags/*.md"},
                                                                   sort_keys=False))
    terms = folder / "terms.json"
    terms.write_text(json.dumps([term.model_dump() for term in site.glossary.terms]))
    (folder / "plain_hooks.py").write_text(PLAIN_HOOK.format(root=str(ROOT), terms=str(terms)))
    return folder


def _grouped_nav(site) -> list:
    """The generator's navigation, written out: topics and cheat sheets grouped by area."""
    def by_area(folder: str) -> list:
        return [{group.area.title: [f"{folder}/{page.slug}.md" for page in group.topics]} for group in site.areas]

    return ["index.md", {"Topics": by_area("topics")},
            {"Cheat sheets": ["cheat-sheets/index.md", "cheat-sheets/all.md", *by_area("cheat-sheets")]},
            "glossary.md", "tags.md", "practice.md", "mock-interview.md", "interview-kit.md"]


# ---------------------------------------------------------------- measuring

def timed_build(project: Path, **env: str) -> dict:
    """Build `project` once; wall and CPU seconds and peak memory of the build process."""
    shutil.rmtree(project / "site", ignore_errors=True)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project,
                               env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    output = process.stdout.read().decode()
    if status != 0:
        raise SystemExit(f"build failed in {project}:\n{output[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def site_metrics(site: Path) -> dict:
    """Pages and sizes; the search index is every file of pagefind/ (index, fragments, code), each gzipped alone."""
    pages = sorted(site.rglob("index.html"))
    index = [path.read_bytes() for path in (site / "pagefind").rglob("*") if path.is_file()]
    topic_pages = [p for p in pages if "topics" in p.parts]
    return {
        "pages": len(pages) + 1,  # and 404.html
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and "pdf" not in p.parts) / 2**20,
        "largest_page_kb": max(p.stat().st_size for p in pages) / 1024,
        "largest_topic_page_kb": max(p.stat().st_size for p in topic_pages) / 1024,
        "median_topic_page_kb": statistics.median(p.stat().st_size for p in topic_pages) / 1024,
        "index_mb": sum(map(len, index)) / 2**20,
        "index_gzip_mb": sum(len(gzip.compress(data, 6)) for data in index) / 2**20,
        "index_files": len(index),
        **practice_metrics(site),
    }


def practice_metrics(site: Path) -> dict:
    """Sizes of the practice data: all of it, its index (loaded first) and the largest topic file, gzipped as served."""
    files = {path.name: gzip.compress(path.read_bytes(), 6) for path in (site / "practice").glob("*.json")}
    return {"practice_gzip_mb": sum(map(len, files.values())) / 2**20, "practice_index_kb": len(files.pop("index.json")) / 1024,
            "practice_topic_kb": max(map(len, files.values())) / 1024}


def practice_timing(site: Path, repeats: int = 5) -> dict:
    """Median ms, in headless Chromium, from navigating to the practice page to its choice of questions showing with
    its counts (the practice data loaded, progress read)."""
    from playwright.sync_api import sync_playwright

    from build_pdfs import CHROMIUM_ARGS, chromium_path, serve

    opened = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(repeats):
            page = browser.new_page()
            page.add_init_script(PRACTICE_PROBE)
            page.goto(base + "/practice/", wait_until="commit")
            opened.append(page.wait_for_function("window.__practiceReady", timeout=60_000).json_value())
            page.close()
        browser.close()
    return {"practice_open_ms": statistics.median(opened)}


PRACTICE_PROBE = """
(() => {
  // The moment the practice page shows its choice of questions with its counts.
  document.addEventListener("DOMContentLoaded", () => {
    const status = document.querySelector(".practice-setup__status");
    new MutationObserver(() => { window.__practiceReady = window.__practiceReady || performance.now(); })
      .observe(status, { childList: true, characterData: true, subtree: true });
  });
})();
"""


SEARCH_PROBE = """
(() => {
  // Record each keystroke, and the moment each query's first result shows, inside the page.
  window.__keys = [];
  window.__shown = {};
  document.addEventListener("keydown", () => window.__keys.push(performance.now()), true);
  document.addEventListener("DOMContentLoaded", () => {
    const list = document.getElementById("site-search-results");
    new MutationObserver(() => {
      if (list.children.length && !(list.dataset.query in window.__shown)) window.__shown[list.dataset.query] = performance.now();
    }).observe(list, { childList: true });
  });
})();
"""


def index_seconds(data: Path) -> float:
    """Seconds to write the search index of `data` (validated data in memory, Pagefind run), in a fresh process."""
    script = ("import sys, time, tempfile; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
              "from macros.site import build_site; from macros.search_index import write_search_index;"
              "site = build_site(Path(sys.argv[2])); start = time.perf_counter();"
              "write_search_index(site, Path(tempfile.mkdtemp()) / 'pagefind'); print(time.perf_counter() - start)")
    return float(subprocess.run([sys.executable, "-c", script, str(ROOT), str(data)], check=True,
                                capture_output=True, text=True).stdout)


def search_timing(site: Path, query: str = "gradient clipping", repeats: int = 3) -> dict:
    """In headless Chromium, medians of: the gzipped bytes of search files a page downloads up to its
    first query's first result (Pagefind's script, fetched once the page has loaded, included); ms from the first keystroke to the first result (the box searches
    from the second letter, typed at once) when the reader types as soon as the search opens, and
    when they start half a second after opening it (Pagefind loads meanwhile); and ms from each
    further keystroke to its first result."""
    from playwright.sync_api import sync_playwright

    from build_pdfs import CHROMIUM_ARGS, chromium_path, serve

    first, first_after_pause, per_key, downloads = [], [], [], []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(repeats):
            for pause_ms, firsts in ((0, first), (500, first_after_pause)):
                page = browser.new_page()
                page.add_init_script(SEARCH_PROBE)
                fetched: list[str] = []  # from the page's opening: it fetches Pagefind's script ahead
                page.on("request", lambda request: fetched.append(request.url))
                page.goto(base + "/topics/topic-0001/" if (site / "topics" / "topic-0001").exists() else base + "/",
                          wait_until="load")
                page.wait_for_function("document.getElementById('site-search').dataset.ready")
                page.keyboard.press("/")
                page.wait_for_timeout(pause_ms)
                page.keyboard.type(query[:2])  # the search box searches from the second letter
                firsts.append(_shown_after(page, query[:2], first_key=True))
                if pause_ms:
                    page.close()
                    continue
                downloads.append(sum(_gzipped_size(site, url) for url in set(fetched) if "/pagefind/" in url))
                for length in range(3, len(query) + 1):
                    page.keyboard.type(query[length - 1])
                    typed = query[:length].strip()
                    if typed != query[:length - 1].strip():
                        per_key.append(_shown_after(page, typed))
                page.close()
        browser.close()
    return {"first_query_kb": statistics.median(downloads) / 1024, "first_result_ms": statistics.median(first),
            "first_result_paused_ms": statistics.median(first_after_pause), "keystroke_ms": statistics.median(per_key)}


def _shown_after(page, query: str, first_key: bool = False) -> float:
    """Ms from the query's first keystroke (else its last) to its first result showing."""
    page.wait_for_function("q => q in window.__shown", arg=query, timeout=120_000)
    key = "window.__keys[1]" if first_key else "window.__keys.at(-1)"
    return page.evaluate(f"q => window.__shown[q] - {key}", query)


LIGHTHOUSE = ROOT / "scripts" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def page_types(site: Path) -> dict[str, str]:
    """One page of each type: the largest topic page, its cheat sheet, the largest glossary letter page and the largest
    tag page stand for their kind."""
    def largest(folder: str) -> str:
        return max((site / folder).glob("*/index.html"), key=lambda path: path.stat().st_size).parent.name

    topics, letter, tag = largest("topics"), largest("glossary"), largest("tags")
    return {"home": "/", "topic": f"/topics/{topics}/", "glossary": "/glossary/", "glossary letter": f"/glossary/{letter}/",
            "cheat sheet": f"/cheat-sheets/{topics}/",
            "all cheat sheets": "/cheat-sheets/all/", "tags": "/tags/", "tag": f"/tags/{tag}/", "practice": "/practice/",
            "mock interview": "/mock-interview/",
            "interview kit": "/interview-kit/", "404": "/404.html"}


def lighthouse_scores(site: Path, runs: int = 1) -> dict:
    """Lighthouse's mobile scores (median of `runs`) for each page type, the site served gzipped as a
    static host serves it, in Debian's Chromium: {page type: {category: score, "lcp_s": ..., "tbt_ms": ..., "cls": ...}}."""
    from build_pdfs import CHROMIUM_ARGS, chromium_path, serve

    scores = {}
    with serve(site) as base:
        for name, path in page_types(site).items():
            samples = []
            for _ in range(runs):
                run = subprocess.run([str(LIGHTHOUSE), base + path, f"--chrome-path={chromium_path()}",
                                      "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
                                      f"--only-categories={','.join(CATEGORIES)}", "--output=json", "--output-path=stdout",
                                      "--quiet"], capture_output=True, text=True, check=True)
                report = json.loads(run.stdout)
                audits = report["audits"]
                samples.append({**{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
                                "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
                                "tbt_ms": audits["total-blocking-time"]["numericValue"],
                                "cls": audits["cumulative-layout-shift"]["numericValue"]})
            scores[name] = {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}
    return scores


def lighthouse_table(rows: list[dict]) -> str:
    lines = ["| questions | page | performance | accessibility | best practices | SEO | LCP s | TBT ms | CLS |",
             "|---:|---|" + "---:|" * 7]
    for r in rows:
        for name, s in r.get("lighthouse", {}).items():
            lines.append(f"| {r['questions']} | {name} | {s['performance']:.0f} | {s['accessibility']:.0f} "
                         f"| {s['best-practices']:.0f} | {s['seo']:.0f} | {s['lcp_s']:.1f} | {s['tbt_ms']:.0f} | {s['cls']:.3f} |")
    return "\n".join(lines)


def _gzipped_size(site: Path, url: str) -> int:
    """The size of a fetched file of the site once gzipped, as a static host would send it."""
    from urllib.parse import urlparse

    path = site / urlparse(url).path.lstrip("/")
    path = path / "index.html" if path.is_dir() else path
    return len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0


def baseline_project(revision: str, data: Path, folder: Path) -> Path:
    """The generator as it was at git `revision`, with `data` as its data folder."""
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", revision, "mkdocs.yml", "docs", "macros", "overrides"], cwd=ROOT,
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    shutil.copytree(data, folder / "data")
    return folder


# ---------------------------------------------------------------- main

def bench(size: str, runs: int, search: bool, lighthouse: int, baseline: str | None, work: Path) -> dict:
    """One size's row; `lighthouse` is the number of Lighthouse runs per page type (0 for none)."""
    if size == "real":
        data = ROOT / "data"
    else:
        data = work / f"data-{size}"
        synthetic_data(int(size), data)
    projects = {"generator": generator_project(data, work / f"generator-{size}"),
                "plain": plain_project(data, work / f"plain-{size}")}
    if baseline:
        projects["baseline"] = baseline_project(baseline, data, work / f"baseline-{size}")
    results = {variant: [] for variant in projects}
    for _ in range(runs):  # alternate, so all see the same machine load
        for variant, project in projects.items():
            results[variant].append(timed_build(project))
    from macros.site import build_site
    row = {"size": size, "questions": len(build_site(data).questions)}
    for variant, samples in results.items():
        for key in ("wall", "cpu", "rss_mb"):
            row[f"{variant}_{key}"] = statistics.median(sample[key] for sample in samples)
    row["ratio"] = row["generator_wall"] / row["plain_wall"]
    row["index_s"] = statistics.median(index_seconds(data) for _ in range(runs))
    row.update(site_metrics(projects["generator"] / "site"))
    if search:
        row.update(search_timing(projects["generator"] / "site"))
        row.update(practice_timing(projects["generator"] / "site"))
    if lighthouse:
        row["lighthouse"] = lighthouse_scores(projects["generator"] / "site", lighthouse)
    return row


def table(rows: list[dict]) -> str:
    lines = ["| questions | generator wall s | CPU s | peak MB | plain wall s | CPU s | peak MB | ratio | before wall s "
             "| pages | site MB | largest page KB | topic page KB: median | largest | index s | index MB | index gzip MB "
             "| first query KB gzip | first result ms: at once | after 0.5 s | per keystroke ms |",
             "|" + "---:|" * 21]
    for r in rows:
        search = (f"{r['first_query_kb']:.0f} | {r['first_result_ms']:.0f} | {r['first_result_paused_ms']:.0f} "
                  f"| {r['keystroke_ms']:.0f}" if "first_result_ms" in r else "– | – | – | –")
        before = f"{r['baseline_wall']:.1f}" if "baseline_wall" in r else "–"
        lines.append(
            f"| {r['questions']} | {r['generator_wall']:.1f} | {r['generator_cpu']:.1f} | {r['generator_rss_mb']:.0f} "
            f"| {r['plain_wall']:.1f} | {r['plain_cpu']:.1f} | {r['plain_rss_mb']:.0f} | {r['ratio']:.2f} | {before} "
            f"| {r['pages']} | {r['site_mb']:.1f} | {r['largest_page_kb']:.0f} | {r['median_topic_page_kb']:.0f} "
            f"| {r['largest_topic_page_kb']:.0f} | {r['index_s']:.1f} | {r['index_mb']:.1f} | {r['index_gzip_mb']:.2f} | {search} |")
    return "\n".join(lines)


def practice_table(rows: list[dict]) -> str:
    lines = ["| questions | practice data MB gzip | its index KB gzip | largest topic file KB gzip | practice page opens ms |",
             "|" + "---:|" * 5]
    for r in rows:
        opens = f"{r['practice_open_ms']:.0f}" if "practice_open_ms" in r else "–"
        lines.append(f"| {r['questions']} | {r['practice_gzip_mb']:.2f} | {r['practice_index_kb']:.0f} | {r['practice_topic_kb']:.0f} | {opens} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["real", "1000", "3000", "10000"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--search", nargs="*", default=["real", "1000", "10000"], help="sizes to time search and the practice page at")
    parser.add_argument("--lighthouse", nargs="*", default=["real", "1000"], help="sizes to run Lighthouse at")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page type (the median is reported)")
    parser.add_argument("--baseline", help="a git revision whose generator also builds each size")
    parser.add_argument("--out", type=Path, help="also write the JSON results here")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        for size in args.sizes:
            rows.append(bench(size, args.runs, size in args.search, args.lighthouse_runs if size in args.lighthouse else 0,
                              args.baseline, Path(folder)))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=2) + "\n")
    print(table(rows))
    print()
    print(practice_table(rows))
    if any("lighthouse" in row for row in rows):
        print()
        print(lighthouse_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
