"""Whether a topic's cheat sheet still fits on two printed pages.

The estimate counts the words printed (questions and short answers) plus a fixed allowance per
key formula. Calibrated by printing every sheet with Chromium on A4 and US Letter at the print
stylesheet's 8.5 pt: one Letter page holds about 1,000 such words, so two pages hold a little
under 2,000. A sheet over budget is reported rather than printed in smaller type.
"""

from __future__ import annotations

from .model import Topic

WORDS_PER_FORMULA = 25
TWO_PAGE_BUDGET = 1900


def printed_words(topic: Topic) -> int:
    """The estimated size of the topic's cheat sheet, in words."""
    return (sum(len(q.question.split()) + len(q.short_answer.split()) for q in topic.questions)
            + WORDS_PER_FORMULA * len(topic.formulas))


def over_budget(topic: Topic) -> str | None:
    """A sentence for the build output when the sheet would not fit on two pages, else None."""
    words = printed_words(topic)
    if words <= TWO_PAGE_BUDGET:
        return None
    return (f"its cheat sheet holds about {words} words, more than fit on two printed pages "
            f"(about {TWO_PAGE_BUDGET}); split the topic or shorten its short answers")
