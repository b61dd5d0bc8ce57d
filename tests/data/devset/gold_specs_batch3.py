"""Structure gold, batch 3, written by reading each file before podium ever ran on it.

Each turn: (anchor, speaker, role, label_len) -- see annotate.py. Roles follow README.md: where a chair or
moderator runs the briefing (the German `VORS.`, a Philippine undersecretary introducing the spokesperson, a call
operator) the people answering are `official`; an interviewer or a reporter asking is `journalist`.
"""

H, O, J, U = "host", "official", "journalist", "unknown"


def lab(label: str, speaker: str | None, role: str) -> tuple:
    """A turn whose anchor is exactly its label."""
    return (label, speaker, role, len(label))


SPECS = {
    "bpa-2013-04-15-regpk": dict(
        batch=3, date="2013-04-15", language="de",
        layout="mirror site breadcrumb, title block, `Themen:` topics, `Sprecher:` roster, a chair's narrated opening, then `Frage:` / `Zusatzfrage:` / `StS Seibert:`",
        note="The chair (VORS. DETJEN) runs the briefing; his opening is narrated, not a turn. Seibert answers (official). "
             "Frage -> Seibert and Zusatzfrage -> Seibert are exchanges; the last Frage is cut by the excerpt.",
        turns=[
            lab("Frage:", None, J),
            lab("StS Seibert:", "Steffen Seibert", O),
            lab("Zusatzfrage:", None, J),
            lab("StS Seibert:", "Steffen Seibert", O),
            lab("Frage:", None, J),
        ],
        exchanges=2,
        not_turns=[("Sprecher: StS Seibert, Flosdorff (BMAS)", "roster of spokespeople"),
                   ("VORS. DETJEN eröffnet die Pressekonferenz", "narrated opening"),
                   ("Themen: mögliche dritte Amtszeit", "topics line")],
    ),
    "bpk-2021-12-06-jungundnaiv": dict(
        batch=3, date="2021-12-06", language="de",
        layout="a blog's topics list with video timestamps (`00:55 Querdenker-Protest ...`), donation furniture (`Konto:`, `IBAN:`), then `FRAGE NAME:` / `STS NAME:` upper-case labels",
        note="The chair (VORS. FELDHOFF) runs the briefing; his opening is narrated. One exchange.",
        turns=[
            lab("FRAGE HOENIG:", "Hoenig", J),
            lab("STS SEIBERT:", "Steffen Seibert", O),
        ],
        exchanges=1,
        not_turns=[("00:00 Intro", "video timestamp list"), ("Konto: Jung & Naiv", "donation furniture"),
                   ("IBAN: DE854 3060 967 104 779 2900", "donation furniture"),
                   ("VORS. FELDHOFF eröffnet die Pressekonferenz", "narrated opening"),
                   ("Themen/Naive Fragen zu:", "heading with a colon")],
    ),
    "nz-postcab-2025-05-05": dict(
        batch=3, date="2025-05-05", language="en",
        layout="source line, title with the date, vendor line, then `PM:` inline; paragraphs one a line",
        note="The Prime Minister at his own post-Cabinet press conference (principal: official).",
        turns=[("PM: Well, look", "Christopher Luxon", O, 3)],
        exchanges=0,
        not_turns=[("Source: New Zealand Government", "source line"), ("EPIQ TRANSCRIPT", "vendor line")],
    ),
    "mha-sg-2022-09-15-shanmugam-smh": dict(
        batch=3, date="2022-09-15", language="en",
        layout="title naming the minister and the event date, a `Published:` line, then `Question:` / `Minister:`",
        note="An interview: the asker is a journalist, the minister official. Published 19 September; held 15 September.",
        turns=[
            lab("Question:", "Chris", J),
            lab("Minister:", "K Shanmugam", O),
            lab("Question:", "Chris", J),
            lab("Minister:", "K Shanmugam", O),
        ],
        exchanges=2,
        not_turns=[("Published: 19 September 2022", "publication date")],
    ),
    "mfa-sg-2018-06-05-washington-doorstop": dict(
        batch=3, date="2018-06-05", language="en",
        layout="site furniture, title with the event date, a publication date line, then `Name, Outlet (ABBR):` once and the abbreviation after; `Minister:`",
        note="`FSN:` is Harry Horton of Feature Story News (alias). His first turn only thanks: no exchange; the second asks.",
        turns=[
            lab("Harry Horton, Feature Story News (FSN):", "Harry Horton", J),
            lab("Minister:", "Vivian Balakrishnan", O),
            lab("FSN:", "Harry Horton", J),
            lab("Minister:", "Vivian Balakrishnan", O),
        ],
        exchanges=1,
        not_turns=[("Font size", "site furniture"), ("No results found.", "site furniture"), ("06 June 2018", "publication date")],
    ),
    "pmo-sg-2018-06-10-doorstop": dict(
        batch=3, date="2018-06-10", language="en",
        layout="title twice, a byline with the publication date, a lede with the event date, then `Q:` / `PM Lee Hsien Loong:`",
        turns=[
            lab("Q:", None, J),
            lab("PM Lee Hsien Loong:", "Lee Hsien Loong", O),
        ],
        exchanges=1,
        not_turns=[("PM Lee Hsien Loong | 11 June 2018", "byline with publication date"),
                   ("PM Lee Hsien Loong gave a doorstop interview to local media", "lede")],
    ),
    "wto-2002-09-02-supachai": dict(
        batch=3, date="2002-09-02", language="en",
        layout="site tagline, date line, title, then a title-only label `Director-General:`",
        turns=[lab("Director-General:", "Supachai Panitchpakdi", O)],
        exchanges=0,
        not_turns=[("WTO news: what’s been happening in the WTO", "site tagline")],
    ),
    "wto-2010-03-26-lamy-docstoc": dict(
        batch=3, date="2010-03-26", language="en",
        layout="PDF text: a centred title and date, then `Director-General Lamy` alone on its line (no colon) and indented paragraphs wrapped at a fixed width",
        turns=[("Director-General Lamy\n", "Pascal Lamy", O, 21)],
        exchanges=0,
        not_turns=[("TRANSCRIPT -- PRESS CONFERENCE", "title")],
    ),
    "pcoo-ph-2019-04-01-panelo": dict(
        batch=3, date=None, language="en",
        layout="`Event` / `Location` fields, then upper-case labels with a title abbreviation (`USEC. NAME:`, `SEC. NAME:`), `NAME/OUTLET:` for a reporter, `MPC:` for the press corps, `Q:`; English and Filipino mixed",
        note="Usec. Ignacio introduces the spokesperson (host); Panelo answers (official). The date is April Fool's Day, a "
             "Monday; no year is written, so no date. Exchanges: Morong's courtesy-call question (Panelo's 'April Fool's "
             "Day?' only asks back; answered after 'No, seriously'), 'so nagpasabi lang', 'taking over', 'any matters', "
             "'like what', 'what do we know', and Q's -> 7. The chorus greeting asks nothing.",
        turns=[
            lab("USEC. IGNACIO:", "Rocky Ignacio", H),
            lab("SEC. PANELO:", "Salvador Panelo", O),
            lab("MPC:", None, J),
            lab("SEC. PANELO:", "Salvador Panelo", O),
            lab("JOSEPH MORONG/GMA7:", "Joseph Morong", J),
            lab("SEC. PANELO:", "Salvador Panelo", O),
            lab("JOSEPH MORONG/GMA7:", "Joseph Morong", J),
            lab("SEC. PANELO:", "Salvador Panelo", O),
            lab("SEC. PANELO:", "Salvador Panelo", O),
            lab("JOSEPH MORONG/GMA7:", "Joseph Morong", J),
            lab("SEC. PANELO:", "Salvador Panelo", O),
            lab("JOSEPH MORONG/GMA7:", "Joseph Morong", J),
            lab("SEC. PANELO:", "Salvador Panelo", O),
            lab("JOSEPH MORONG/GMA7:", "Joseph Morong", J),
            lab("SEC. PANELO:", "Salvador Panelo", O),
            lab("JOSEPH MORONG/GMA7:", "Joseph Morong", J),
            lab("SEC. PANELO:", "Salvador Panelo", O),
            lab("JOSEPH MORONG/GMA7:", "Joseph Morong", J),
            lab("SEC. PANELO:", "Salvador Panelo", O),
            lab("Q:", None, J),
            lab("SEC. PANELO:", "Salvador Panelo", O),
        ],
        exchanges=7,
        not_turns=[("Event Press Briefing", "metadata field"), ("Location Press Briefing Room", "metadata field")],
    ),
    "fed-2023-powell-businessline": dict(
        batch=3, date=None, language="en",
        layout="a news site's lede paragraph, then `JEROME H. POWELL:` inline, then a copyright line and `Source link`",
        note="'Wednesday' and the copyright year are all the text gives: no event date.",
        turns=[lab("JEROME H. POWELL:", "Jerome H. Powell", O)],
        exchanges=0,
        not_turns=[("Copyright ©2023 Dow Jones & Company, Inc. All Rights Reserved.", "copyright line"),
                   ("Source link", "site furniture")],
    ),
    "pmo-ca-2020-05-03-trudeau-captions": dict(
        batch=3, date=None, language="en",
        layout="captions parsed into `Label:` alone on its line (`Operator:`, `Reporter:`, `Interpreter:`, `Prime Minister Trudeau:`), a label with nothing under it, unlabelled speech after the operator opens a line",
        note="The operator runs the call (host). `Reporter:` has no words under it; the interpreter voices the reporter's "
             "question (journalist). 'Thank you. Operator, next question.' stays in the Prime Minister's turn (who says it "
             "cannot be told). After 'Line open.' a reporter speaks unlabelled (addresses the Prime Minister): a turn. "
             "One exchange; the last question is cut by the excerpt.",
        turns=[
            lab("Operator:", "Operator", H),
            lab("Reporter:", None, J),
            lab("Interpreter:", "Interpreter", J),
            lab("Prime Minister Trudeau:", "Justin Trudeau", O),
            lab("Operator:", "Operator", H),
            ("Yes. Thank you, Prime Minister.", None, J, None),
        ],
        exchanges=1,
        not_turns=[("View the Project on GitHub jules2689/trudeau", "site furniture"), ("Q & A", "heading")],
    ),
    "cbc-2019-trudeau-power-lunch": dict(
        batch=3, date=None, language="en",
        layout="title, a standfirst printed twice around a video caption (`4 years ago`, `Duration 30:30`), then `Full Name (INITIALS):` once and the initials after",
        note="An interview: the interviewer is a journalist. `VK` and `PMJT` are aliases given in the first labels. Only "
             "'What keeps you up at night right now?' is a question answered: one exchange.",
        turns=[
            lab("Vassy Kapelos (VK):", "Vassy Kapelos", J),
            lab("Prime Minister Justin Trudeau (PMJT):", "Justin Trudeau", O),
            lab("VK:", "Vassy Kapelos", J),
            lab("PMJT:", "Justin Trudeau", O),
            lab("VK:", "Vassy Kapelos", J),
            lab("PMJT:", "Justin Trudeau", O),
            lab("VK:", "Vassy Kapelos", J),
            lab("PMJT:", "Justin Trudeau", O),
        ],
        exchanges=1,
        not_turns=[("Duration 30:30", "video furniture"), ("4 years ago", "video furniture"),
                   ("Here is the full transcript of that interview, edited for length and clarity:", "editorial line ending in a colon")],
    ),
    "pco-ph-neda-otida-balisacan": dict(
        batch=3, date=None, language="en",
        layout="title naming both speakers, an `Event` field, then `ASEC. NAME:` / `SEC. NAME:`; English and Filipino mixed",
        note="The PCO assistant secretary runs the briefing (host); the NEDA secretary briefs (official). 'October 13' has no year.",
        turns=[
            lab("ASEC. OTIDA:", "Wheng Hidalgo Otida", H),
            lab("SEC. BALISACAN:", "Arsenio Balisacan", O),
        ],
        exchanges=0,
        not_turns=[("Event PCO Press Briefing with NEDA", "metadata field")],
    ),
}
