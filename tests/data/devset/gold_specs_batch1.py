"""Structure gold, batch 1, written by reading each file before podium ever ran on it.

Each turn: (anchor, speaker, role, label_len) -- see annotate.py. Roles follow README.md.
"""

H, O, J, U = "host", "official", "journalist", "unknown"


def lab(label: str, speaker: str | None, role: str) -> tuple:
    """A turn whose anchor is exactly its label."""
    return (label, speaker, role, len(label))


SPECS = {
    "whitehouse-rev-2023-04-10": dict(
        batch=1, date="2023-04-10", language="en",
        layout="Rev transcript: `Speaker N (MM:SS):` or `Name (MM:SS):` alone on a line, blank line, speech; an empty turn",
        note="Easter Egg Roll banter before the briefing. Generic `Speaker N` labels whose role cannot be told are `unknown`; "
             "Speaker 8 and Speaker 3/4 put questions (journalists). No question gets an answer from the podium: 0 exchanges. "
             "`Speaker 2 (00:35):` is a turn with no speech.",
        turns=[
            lab("Speaker 7 (00:00):", "Speaker 7", U),
            lab("Speaker 1 (00:08):", "Speaker 1", U),
            lab("Speaker 8 (00:11):", "Speaker 8", J),
            lab("Speaker 1 (00:11):", "Speaker 1", U),
            lab("Speaker 2 (00:11):", "Speaker 2", U),
            lab("Speaker 4 (00:11):", "Speaker 4", J),
            lab("Speaker 8 (00:23):", "Speaker 8", J),
            lab("Speaker 2 (00:35):", "Speaker 2", U),
            lab("Speaker 4 (00:35):", "Speaker 4", J),
            lab("Speaker 3 (00:41):", "Speaker 3", J),
            lab("Speaker 7 (00:48):", "Speaker 7", U),
            lab("Speaker 1 (00:59):", "Speaker 1", U),
            lab("easter helper (01:00):", "easter helper", U),
            lab("Speaker 2 (01:05):", "Speaker 2", U),
            lab("Speaker 4 (01:13):", "Speaker 4", J),
            lab("Speaker 5 (01:16):", "Speaker 5", U),
            lab("Karine Jean-Pierre (01:20):", "Karine Jean-Pierre", H),
            lab("Speaker 5 (01:30):", "Speaker 5", U),
            lab("Karine Jean-Pierre (01:31):", "Karine Jean-Pierre", H),
        ],
        exchanges=0,
        not_turns=[("Apr 11, 2023", "publication date of the transcript page (briefing held 2023-04-10)"),
                   ("Transcribe Your Own Content", "vendor advertisement")],
    ),
    "whitehouse-rev-2022-08-04": dict(
        batch=1, date="2022-08-04", language="en",
        layout="Rev transcript: `Name: (MM:SS)` on its own line, speech on the next line; the same speaker labelled again",
        note="`Audience:` is the press corps answering a greeting (journalist). Each label is a turn, also when the speaker repeats.",
        turns=[
            lab("Karine Jean-Pierre: (00:00)", "Karine Jean-Pierre", H),
            lab("Audience: (00:02)", "Audience", J),
            lab("Karine Jean-Pierre: (00:03)", "Karine Jean-Pierre", H),
            lab("Karine Jean-Pierre: (01:28)", "Karine Jean-Pierre", H),
        ],
        exchanges=0,
        not_turns=[("Aug 7, 2022", "publication date, not the briefing date")],
    ),
    "whitehouse-2020-02-sotu-background": dict(
        batch=1, date=None, language="en",
        layout="White House style: `MR. NAME:`, a bare `Q ` for reporters, an anonymised `SENIOR ADMINISTRATION OFFICIAL:` label; place and time lines",
        note="Deputy press secretary Deere runs the call (host). `Q (Inaudible.)` is answered by Deere's quip: 1 exchange. "
             "`The topline:` and `The theme of the State of the Union is:` are sentences with colons, not labels. Date not stated "
             "(a few days before the 4 February 2020 address).",
        turns=[
            lab("MR. DEERE:", "Deere", H),
            ("Q (Inaudible.)", None, J, 1),
            lab("MR. DEERE:", "Deere", H),
            lab("SENIOR ADMINISTRATION OFFICIAL:", "Senior administration official", O),
        ],
        exchanges=1,
        not_turns=[("2:15 P.M. EST", "time line of the header"),
                   ("The topline:", "sentence ending in a colon inside a turn")],
    ),
    "cnb-2025-11-06": dict(
        batch=1, date="2025-11-06", language="en",
        layout="no labels at all: questions and answers alternate by paragraph",
        note="Questions and answers are told apart only by content. The answer to the first (two-part) question runs over two "
             "paragraphs ('None of the Bank Board members...', 'Yes, we had two alternative scenarios...'): one turn. "
             "Speakers are not named in the file (the Governor answers).",
        turns=[
            ("The baseline scenario of the forecast", None, J, None),
            ("None of the Bank Board members today", None, O, None),
            ("I\u2019d like to ask how two new factors", None, J, None),
            ("As for the government\u2019s manifesto", None, O, None),
        ],
        exchanges=2,
        not_turns=[("Transcript of the questions and answers from the press conference", "page title")],
    ),
    "imf-2025-04-25-african-department": dict(
        batch=1, date="2025-04-25", language="en",
        layout="`PARTICIPANTS:` block (`Speaker:` / `Moderator:` lines with names in capitals), then `MR. SURNAME:` labels; NBSP-only lines",
        note="The roster lines are not turns; MR. AKUAMOAH-BOATENG is the moderator named there, MR. SELASSIE the speaker.",
        turns=[
            lab("MR. AKUAMOAH-BOATENG:", "Kwabena Akuamoah-Boateng", H),
            lab("MR. SELASSIE:", "Abebe Aemro Selassie", O),
        ],
        exchanges=0,
        not_turns=[("PARTICIPANTS:", "roster heading"),
                   ("Speaker: ABEBE AEMRO SELASSIE", "roster line"),
                   ("Moderator: KWABENA AKUAMOAH-BOATENG", "roster line")],
    ),
    "imf-2008-06-20-us-article-iv": dict(
        batch=1, date="2008-06-20", language="en",
        layout="long title naming the officials, a repeated byline, `MR. SURNAME:` labels",
        turns=[
            lab("MR. MURRAY:", "Bill Murray", H),
            lab("MR. LIPSKY:", "John Lipsky", O),
        ],
        exchanges=0,
        not_turns=[("Webcast of the press briefing", "page furniture")],
    ),
    "un-2024-05-20-noon-briefing": dict(
        batch=1, date="2024-05-20", language="en",
        layout="one speaker, no labels: the preamble names the spokesperson; `**Heading` lines inside the speech",
        note="The whole excerpt is the spokesperson's opening; the turn starts at his first words. `**` headings are section "
             "titles inside the turn.",
        turns=[("All right, good morning, good afternoon, all.", "St\u00e9phane Dujarric", H, None)],
        exchanges=0,
        not_turns=[("**Noon Briefing Guest", "section heading"),
                   ("**Occupied Palestinian Territory", "section heading inside the turn")],
    ),
    "state-2023-02-15-price-excerpts": dict(
        batch=1, date="2023-02-15", language="en",
        layout="news-site preamble with an HTML tag left in, then `MR PRICE:` (no full stop) and `QUESTION:` with the reporter's name and outlet in the turn",
        note="The spokesperson holds his own briefing (host).",
        turns=[
            lab("MR PRICE:", "Ned Price", H),
            lab("QUESTION:", "Jahanzaib Ali (ARY News)", J),
            lab("MR PRICE:", "Ned Price", H),
        ],
        exchanges=1,
        not_turns=[("Excerpts (South Asia related questions are tweaked to appear upfront)", "editorial note")],
    ),
    "state-2016-02-04-kirby": dict(
        batch=1, date="2016-02-04", language="en",
        layout="page furniture, a name/title/place/date block, a time line, `MR KIRBY:` twice in a row (the reporter's reply between them is missing)",
        turns=[
            lab("MR KIRBY:", "John Kirby", H),
            lab("MR KIRBY:", "John Kirby", H),
        ],
        exchanges=0,
        not_turns=[("printable banner", "page furniture"), ("1:12 p.m. EST", "time line")],
    ),
    "moncloa-2021-06-08-respuestas": dict(
        batch=1, date="2021-06-08", language="es",
        layout="Spanish labels ending in `.-` (`Pregunta.-`, `Portavoz.-`, a title as label), single newlines",
        note="The Secretary of State for Communication moderates (host); the minister spokesperson answers (official) because "
             "someone else runs the briefing. The journalist is named by the moderator (Esther Redondo, La Sexta).",
        turns=[
            lab("Secretario de Estado de Comunicaci\u00f3n.-", "Secretario de Estado de Comunicaci\u00f3n", H),
            lab("Pregunta.-", "Esther Redondo (La Sexta)", J),
            lab("Portavoz.-", "Portavoz", O),
        ],
        exchanges=1,
    ),
    "casarosada-capitanich-26960": dict(
        batch=1, date=None, language="es",
        layout="capitalised title line, then one `SURNAME.-` label",
        note="Chief of Cabinet giving his own press conference: a principal, so official. Date not in the excerpt.",
        turns=[lab("CAPITANICH.-", "Jorge M. Capitanich", O)],
        exchanges=0,
    ),
    "mfa-fr-2023-10-12-point-de-presse": dict(
        batch=1, date="2023-10-12", language="fr",
        layout="French `Q -` / `R -` with no names; title starts `Q&R -`",
        note="The spokesperson answers at their own briefing (host). `Q - Predator.` answers the spokesperson's clarifying "
             "question and gets the answer on the spyware: 2 exchanges.",
        turns=[
            ("Q - Le 14 septembre", None, J, 3),
            ("R - S\u2019agissant", "porte-parole", H, 3),
            ("Q - Predator.", None, J, 3),
            ("R - \u00c0 ce sujet", "porte-parole", H, 3),
        ],
        exchanges=2,
        not_turns=[("Q&R - Point de presse live (12 octobre 2023)", "title")],
    ),
    "gtb-2023-04-26-zhu-fenglian": dict(
        batch=1, date="2023-04-26", language="zh",
        layout="breadcrumb and source/publication line, indented `姓名:` and `媒体记者:` labels inline with the speech, NBSP/space lines",
        note="The spokesperson runs the briefing (host); two host turns before the first question. Publication date 04-27 is not the event date.",
        turns=[
            lab("朱凤莲:", "朱凤莲", H),
            lab("朱凤莲:", "朱凤莲", H),
            lab("中央广播电视总台央视海峡两岸记者:", "中央广播电视总台央视海峡两岸", J),
            lab("朱凤莲:", "朱凤莲", H),
        ],
        exchanges=1,
        not_turns=[("来源:中共湖南省委台办、湖南省政府台办", "source line"), ("发布时间:2023-04-27", "publication time")],
    ),
    "gtb-2017-12-27-an-fengshan-p4": dict(
        batch=1, date="2017-12-27", language="zh",
        layout="page 4 of a reprint: breadcrumb furniture, labels alone on their line (`安峰山:` then a blank line, then the speech)",
        note="The first two host turns answer a question on an earlier page (not an exchange here).",
        turns=[
            lab("安峰山:", "安峰山", H),
            lab("安峰山:", "安峰山", H),
            lab("人民政协报记者:", "人民政协报", J),
            lab("安峰山:", "安峰山", H),
            lab("中评社记者:", "中评社", J),
            lab("安峰山:", "安峰山", H),
        ],
        exchanges=2,
        not_turns=[("您现在的位置:", "breadcrumb"), ("来源: 海外网", "source line")],
    ),
    "mea-2023-04-06": dict(
        batch=1, date="2023-04-06", language="en",
        layout="`Shri Name, Official Spokesperson:` and first-name-only labels (`Rishabh:`, `Raza:`); reporters give name and outlet inside the turn",
        note="A round of questions: the spokesperson's turns here are clarifications and floor management ('This is at Windsor?', "
             "'go ahead', 'We'll take it later on'); the answers come after the excerpt ends, so 0 exchanges are complete.",
        turns=[
            lab("Shri Arindam Bagchi, Official Spokesperson:", "Arindam Bagchi", H),
            lab("Rishabh:", "Rishabh (Times Now)", J),
            lab("Shri Arindam Bagchi, Official Spokesperson:", "Arindam Bagchi", H),
            lab("Rishabh:", "Rishabh (Times Now)", J),
            lab("Shri Arindam Bagchi, Official Spokesperson:", "Arindam Bagchi", H),
            lab("Rishabh:", "Rishabh (Times Now)", J),
            lab("Shri Arindam Bagchi, Official Spokesperson:", "Arindam Bagchi", H),
            lab("Rishabh:", "Rishabh (Times Now)", J),
            lab("Raza:", "Raza (Hindustan Times)", J),
            lab("Sudhi Ranjan:", "Sudhi Ranjan (Bloomberg)", J),
            lab("Shri Arindam Bagchi, Official Spokesperson:", "Arindam Bagchi", H),
        ],
        exchanges=0,
        not_turns=[("April 07, 2023", "publication date (briefing held 2023-04-06)")],
    ),
    "who-2022-06-14": dict(
        batch=1, date="2022-06-14", language="en",
        layout="WHO transcript: a `HH:MM:SS` line, then initials (`CL`, `TAG`) padded with spaces before the speech",
        note="CL = Christian Lindmeier (moderator, host), TAG = Dr Tedros (official); no speaker key in the excerpt.",
        turns=[
            ("CL          Hello", "Christian Lindmeier", H, 2),
            ("TAG        Thank", "Tedros Adhanom Ghebreyesus", O, 3),
        ],
        exchanges=0,
        not_turns=[("00:00:00", "timestamp line"), ("00:01:00", "timestamp line")],
    ),
    "boe-2021-08-05-mpr": dict(
        batch=1, date="2021-08-05", language="en",
        layout="PDF text: `Name, Outlet:` for reporters, `Name:` for the Governor; a stray `<<`",
        turns=[
            lab("Joumanna Bercetche, CNBC:", "Joumanna Bercetche (CNBC)", J),
            lab("Andrew Bailey:", "Andrew Bailey", O),
        ],
        exchanges=1,
    ),
    "kantei-2017-11-01-am": dict(
        batch=1, date="2017-11-01", language="en",
        layout="breadcrumb furniture, `Opening Statement by Chief Cabinet Secretary Suga` heading over unlabelled speech, then `REPORTER:` / `CHIEF CABINET SECRETARY SUGA:`",
        note="The opening statement has no label: a turn by Suga starting at its first words (the heading names him). "
             "The Chief Cabinet Secretary holds the government's regular press conference: host.",
        turns=[
            ("I would like to give an overview", "Yoshihide Suga", H, None),
            lab("REPORTER:", None, J),
            lab("CHIEF CABINET SECRETARY SUGA:", "Yoshihide Suga", H),
            lab("REPORTER:", None, J),
            lab("CHIEF CABINET SECRETARY SUGA:", "Yoshihide Suga", H),
            lab("REPORTER:", None, J),
            lab("CHIEF CABINET SECRETARY SUGA:", "Yoshihide Suga", H),
            lab("REPORTER:", None, J),
            lab("CHIEF CABINET SECRETARY SUGA:", "Yoshihide Suga", H),
        ],
        exchanges=4,
        not_turns=[("Opening Statement by Chief Cabinet Secretary Suga", "heading naming the speaker of the next, unlabelled turn"),
                   ("[Provisional Translation]", "page furniture")],
    ),
    "pmo-au-transcript-17785": dict(
        batch=1, date=None, language="en",
        layout="`JOURNALIST:` / `PM:` alternating, single newlines, starts mid-transcript",
        note="Prime Minister Gillard (official). Date not in the excerpt (April 2011, the ADFA Skype affair).",
        turns=[
            lab("JOURNALIST:", None, J), lab("PM:", "Julia Gillard", O),
            lab("JOURNALIST:", None, J), lab("PM:", "Julia Gillard", O),
            lab("JOURNALIST:", None, J), lab("PM:", "Julia Gillard", O),
            lab("JOURNALIST:", None, J), lab("PM:", "Julia Gillard", O),
            lab("JOURNALIST:", None, J),
        ],
        exchanges=4,
    ),
    "rba-2024-11-28-qa": dict(
        batch=1, date="2024-11-28", language="en",
        layout="names alone on their line with no colon (`Richard Spurio`, `Governor Bullock`), blank line, speech",
        note="The moderator (host) asks the Governor a question: 1 exchange asked by the host.",
        turns=[
            lab("Richard Spurio", "Richard Spurio", H),
            lab("Governor Bullock", "Michele Bullock", O),
        ],
        exchanges=1,
        not_turns=[("Transcript of Question & Answer Session Economic Conditions and the RBA\u2019s Transformation", "title")],
    ),
    "mexico-2022-08-31-mananera": dict(
        batch=1, date="2022-08-31", language="es",
        layout="news-site preamble, then capitalised full names with titles as labels (`PRESIDENTE NAME:`, `NAME:`)",
        note="The President at his own conference is a principal (official); the section presenter is an official too. "
             "The date appears inside a turn ('Hoy es 31 de agosto de 2022').",
        turns=[
            lab("PRESIDENTE ANDR\u00c9S MANUEL L\u00d3PEZ OBRADOR:", "Andr\u00e9s Manuel L\u00f3pez Obrador", O),
            lab("ANA ELIZABETH GARC\u00cdA VILCHIS:", "Ana Elizabeth Garc\u00eda Vilchis", O),
        ],
        exchanges=0,
        not_turns=[("cito al expresidente:", "sentence ending in a colon inside a turn")],
    ),
}
