"""In headless Chromium: search finds what a candidate types, with Material's own search and
with the sharded index that large sites get (macros/search_shards.py).

Queries are phrased the way candidates search (abbreviations, hyphenated or spaced forms,
half-remembered names), not copied from the titles. Each names the question or glossary term
a reader wants and the rank it must reach: top 3 for an exact subject, top 5 for a synonym or
an abbreviation.
"""

from __future__ import annotations

import pytest

from browser_helpers import search

# (what the candidate types, the results that answer it as "page#anchor", the worst acceptable rank).
# A query is answered by the question about its subject, that subject's glossary term, or the
# coding exercise that implements exactly that subject.
QUERIES = [
    ("BN", {"glossary#batch-normalization", "normalization#batch-norm-vs-layer-norm"}, 5),
    ("batch norm vs layer norm", {"normalization#batch-norm-vs-layer-norm"}, 3),
    ("batch-norm", {"normalization#batch-norm-vs-layer-norm", "glossary#batch-normalization", "normalization#why-batch-norm-helps"}, 5),
    ("LN", {"glossary#layer-normalization", "normalization#batch-norm-vs-layer-norm"}, 5),
    ("forget gate", {"glossary#forget-gate", "sequence-models#rnn-vs-lstm", "sequence-models#lstm-cell-numpy"}, 5),
    ("GRU", {"sequence-models#lstm-vs-gru", "glossary#gru"}, 5),
    ("exploding gradients", {"training-dynamics#vanishing-exploding-gradients"}, 3),
    ("vanishing gradient", {"training-dynamics#vanishing-exploding-gradients"}, 3),
    ("top-p", {"llms#top-k-and-top-p", "llms#top-k-top-p-numpy"}, 3),
    ("nucleus sampling", {"llms#top-k-and-top-p", "glossary#nucleus-sampling"}, 5),
    ("RLHF", {"llms#rlhf", "glossary#reinforcement-learning-from-human-feedback"}, 5),
    ("AUC", {"evaluation#roc-auc-vs-pr-auc", "glossary#roc-auc"}, 5),
    ("t-SNE", {"representation-learning#tsne-and-umap", "glossary#t-sne"}, 3),
    ("self-attention", {"transformers#self-attention", "glossary#self-attention"}, 3),
    ("self attention", {"transformers#self-attention", "glossary#self-attention"}, 3),
    ("dying relu", {"neural-network-basics#dying-relu"}, 3),
    ("xavier initialization", {"neural-network-basics#weight-initialization", "glossary#xavier-initialization"}, 5),
    ("warmup", {"optimization#learning-rate-warmup", "glossary#warmup"}, 3),
    ("adamw", {"optimization#adamw"}, 3),
    ("label smoothing", {"regularization#label-smoothing"}, 3),
    ("kv cache", {"llms#kv-cache", "llms#kv-cache-numpy", "glossary#kv-cache"}, 3),
    ("LoRA", {"llms#lora", "llms#lora-numpy", "glossary#low-rank-adaptation"}, 3),
    ("overfitting", {"regularization#handle-overfitting"}, 3),
    ("dropout", {"regularization#dropout", "glossary#dropout", "regularization#inverted-dropout-numpy"}, 3),
    ("class imbalance", {"evaluation#imbalanced-data", "glossary#class-imbalance"}, 5),
    ("non max suppression", {"detection-segmentation#non-maximum-suppression", "glossary#non-maximum-suppression"}, 3),
    ("IoU", {"detection-segmentation#intersection-over-union", "detection-segmentation#iou-nms-numpy", "glossary#intersection-over-union"}, 5),
    ("mode collapse", {"generative-models#mode-collapse"}, 3),
    ("reparameterization trick", {"generative-models#reparameterization-trick"}, 3),
    ("teacher forcing", {"sequence-models#teacher-forcing"}, 3),
    ("mixed precision", {"training-dynamics#mixed-precision-training"}, 3),
    ("loss nan", {"training-dynamics#loss-becomes-nan"}, 3),
    ("receptive field", {"cnns#receptive-field"}, 3),
    ("data leakage", {"foundations#data-leakage"}, 3),
    ("quantization", {"efficiency-deployment#quantization"}, 3),
    ("concept drift", {"system-design#data-and-concept-drift"}, 3),
]


@pytest.fixture(scope="module", params=["material", "sharded"])
def search_page(request, browser):
    base = request.getfixturevalue("served_site" if request.param == "material" else "served_sharded_site")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/")
    yield page
    context.close()


def best_rank(results: list[str], expected: set[str]) -> int | None:
    """The 1-based rank of the first result that answers the query."""
    return next((rank for rank, anchor in enumerate(results, 1) if anchor in expected), None)


@pytest.mark.parametrize("query, expected, worst", QUERIES, ids=[q for q, _, _ in QUERIES])
def test_query_finds_its_answer(search_page, query, expected, worst):
    results = search(search_page, query)
    rank = best_rank(results, expected)
    assert rank is not None and rank <= worst, f"{query!r} ranked {rank}; top results: {results[:worst]}"


def test_every_question_and_term_is_its_own_search_result(real_site, real_data):
    import json

    locations = {doc["location"] for doc in json.loads((real_site / "search" / "search_index.json").read_text())["docs"]}
    for question_id, slug in real_data.topic_of.items():
        assert f"topics/{slug}/#{question_id}" in locations
    for term in real_data.glossary.terms:
        assert f"glossary/#{term.id}" in locations


def test_search_works_on_a_narrow_screen(browser, served_site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + "/")
    results = search(page, "dropout")
    assert best_rank(results, {"regularization#dropout", "glossary#dropout", "regularization#inverted-dropout-numpy"}) <= 3
    page.keyboard.press("ArrowDown")  # the keyboard reaches the results and opens the first one
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{results[0].split('#')[0]}/**")
    context.close()


def test_sharded_search_fetches_only_what_the_query_needs(browser, served_sharded_site, sharded_site):
    import json

    from macros.search_shards import shard_of

    index = json.loads((sharded_site / "search" / "search_index.json").read_text())
    assert index["docs"] == []
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(served_sharded_site + "/")
    results = search(page, "label smoothing")
    assert best_rank(results, {"regularization#label-smoothing"}) <= 3
    searched = {url.split("/search/")[1] for url in fetched if "/search/" in url}
    shards = {name for name in searched if name.startswith("shards/")}
    count = index["config"]["shards"]["shards"]
    assert shards == {f"shards/{shard_of(word, count)}.json" for word in ("la", "sm")}
    assert any(name.startswith("docs/") for name in searched)
    assert not any("workers/search" in url for url in fetched)  # Material's own worker is not started
    context.close()
