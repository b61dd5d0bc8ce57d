"""Structure gold, batch 5, written by reading each file before podium ever ran on it.

Each turn: (anchor, speaker, role, label_len) -- see annotate.py. Roles follow README.md. Sources new to the set:
China's Ministry of Environmental Protection (a compilation of its monthly briefings' questions and answers, in the
traditional-character form a mirror gives, with the mirror's conversion noise kept) and the Fujian provincial
government's press office. Batch 5 is two files, not twelve: the session ran out of time (see FIRST_RUN.md).
"""

H, O, J, U = "host", "official", "journalist", "unknown"


def lab(label: str, speaker: str | None, role: str) -> tuple:
    """A turn whose anchor is exactly its label."""
    return (label, speaker, role, len(label))


SPECS = {
    "mee-2017-01-20-qa-compilation-sf850": dict(
        batch=5, date="2017-01-20", language="zh",
        layout="editorial introduction, a month heading, a paragraph naming the officials, a roster of `Name:title` lines, then `Outlet:` and `Name:` labels inline",
        note="A department director answering at the ministry's regular briefing is official (the spokesman who chairs is not in the excerpt). The roster lines `Name:title` are not turns. One exchange; the answer is cut by the excerpt. The date is the briefing's (`1月20日`, year from `自2017年1月起`).",
        turns=[
            ("中國青年報(bào):", "中國青年報", J, len("中國青年報(bào):")),
            ("劉炳江:現(xiàn)在", "劉炳江", O, len("劉炳江:")),
        ],
        exchanges=1,
        not_turns=[("劉炳江:環保部大氣環(huán)境管理司司長", "roster line: name and title"),
                   ("吳季友:環(huán)境保護(hù)部環(huán)境監(jiān)測司副司長", "roster line: name and title"),
                   ("1月\n", "month heading")],
    ),
    "fujian-2020-06-03-ecology-folksfolks": dict(
        batch=5, date=None, language="zh",
        layout="one paragraph: `主持人:` then the moderator's office and name, then the opening and closing remarks run together; a table cell's `|` at the end",
        note="The moderator's opening and closing only (the answers are not in the page): one host turn, no exchange. The date is only in the page's URL (2020-06-03), so the gold gives none.",
        turns=[
            ("主持人:", "柯宜达", H, len("主持人:")),
        ],
        exchanges=0,
        not_turns=[],
    ),
}
