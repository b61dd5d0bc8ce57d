"""Structure gold, batch 2, written by reading each file before podium ever ran on it.

Each turn: (anchor, speaker, role, label_len) -- see annotate.py. Roles follow README.md.
"""

H, O, J, U = "host", "official", "journalist", "unknown"


def lab(label: str, speaker: str | None, role: str) -> tuple:
    """A turn whose anchor is exactly its label."""
    return (label, speaker, role, len(label))


SB = "SOUNDBITE: (English) Sean Spicer, White House Press Secretary:"

SPECS = {
    "ecb-2012-09-06-introductory-statement": dict(
        batch=2, date="2012-09-06", language="en",
        layout="site navigation, a title and a byline naming two speakers, then one unlabelled statement",
        note="The President reads the introductory statement (a principal at his own press conference: official).",
        turns=[("Ladies and gentlemen, the Vice-President and I", "Mario Draghi", O, None)],
        exchanges=0,
        not_turns=[("Jump to the transcript of the questions and answers", "page link"),
                   ("Mario Draghi, President of the ECB,V\u00edtor Const\u00e2ncio, Vice-President of the ECB,Frankfurt am Main, 6 September 2012", "byline")],
    ),
    "who-2020-04-20-speaker-key": dict(
        batch=2, date="2020-04-20", language="en",
        layout="PDF text run together: a `Speaker key:` roster of initials, a timestamp, then `TJ` inline before the speech; the document site repeats the page start as a preview",
        note="One turn by TJ (Tarik Jasarevic, moderator). The repeated title, `Speaker key:` roster and `Page 1:` preview are furniture.",
        turns=[("TJ Hello, everyone, from Geneva.", "Tarik Jasarevic", H, 2)],
        exchanges=0,
        not_turns=[("Speaker key: TJ Tarik Jasarevic", "roster of initials"),
                   ("Page 1: COVID-19 virtual press conference", "document-site preview repeating the start")],
    ),
    "who-rev-2020-12-11": dict(
        batch=2, date="2020-12-11", language="en",
        layout="Rev transcript: `Name: (MM:SS)` on its own line",
        turns=[
            lab("Fadela Chaib: (03:04)", "Fadela Chaib", H),
            lab("Dr. Tedros: (04:25)", "Tedros Adhanom Ghebreyesus", O),
        ],
        exchanges=0,
        not_turns=[("Dec 11, 2020", "publication date line")],
    ),
    "mea-2022-02-17": dict(
        batch=2, date="2022-02-17", language="en",
        layout="`Shri Name, Official Spokesperson:` inline, `Speaker 1:` for a reporter, then the same label alone on its line",
        turns=[
            lab("Shri Arindam Bagchi, Official Spokesperson:", "Arindam Bagchi", H),
            lab("Speaker 1:", "Speaker 1", J),
            lab("Shri Arindam Bagchi, Official Spokesperson:", "Arindam Bagchi", H),
        ],
        exchanges=1,
        not_turns=[("February 18, 2022", "publication date (briefing held 2022-02-17)")],
    ),
    "kantei-2016-08-03-pm": dict(
        batch=2, date="2016-08-03", language="en",
        layout="breadcrumb furniture, an `Opening Statement by ...` heading, then `CHIEF CABINET SECRETARY SUGA:` and `REPORTER:`",
        note="The reporter's question is not answered within the excerpt.",
        turns=[
            lab("CHIEF CABINET SECRETARY SUGA:", "Yoshihide Suga", H),
            lab("REPORTER:", None, J),
        ],
        exchanges=0,
        not_turns=[("Opening Statement by Chief Cabinet Secretary Suga", "heading")],
    ),
    "pmo-au-howard-2006-01-24": dict(
        batch=2, date="2006-01-24", language="en",
        layout="archive metadata block of `Field:` lines, then `PRIME MINISTER:` alone on its line",
        note="Release date 24/01/2006 is the date of the press conference.",
        turns=[lab("PRIME MINISTER:", "John Howard", O)],
        exchanges=0,
        not_turns=[("Period of Service:", "metadata field"), ("Release Date:", "metadata field"),
                   ("Release Type:", "metadata field"), ("Transcript ID:", "metadata field"), ("Released by:", "metadata field")],
    ),
    "imf-2019-05-23": dict(
        batch=2, date="2019-05-23", language="en",
        layout="`MR. RICE:` with two spaces after the colon; the excerpt ends inside the next label (`QUESTIONE`)",
        note="The last turn's label is cut by the excerpt (`QUESTIONER:` on the page); its start is still a turn start.",
        turns=[
            lab("MR. RICE:", "Gerry Rice", H),
            lab("QUESTIONE", None, J),
        ],
        exchanges=0,
    ),
    "un-2015-04-24-noon-briefing-globalsecurity": dict(
        batch=2, date="2015-04-24", language="en",
        layout="mirror site advertisement, title, department line, date, preamble naming the spokesman, then his unlabelled speech",
        turns=[("Good afternoon.", "St\u00e9phane Dujarric", H, None)],
        exchanges=0,
        not_turns=[("The Largest Security-Cleared Career Network for Defense and Intelligence Jobs - JOIN NOW", "mirror advertisement"),
                   ("Department of Public Information . News and Media Division . New York", "department line")],
    ),
    "ec-2021-02-15-readout-blog": dict(
        batch=2, date="2021-02-15", language="en",
        layout="a journalist's live readout: first names as labels (`Dana:`, `Jose Luis:`), a label with a topic (`Miriam, on trade interests:`), topics with colons inside turns, bracketed asides",
        note="Dana Spinant (deputy chief spokesperson) runs the briefing (host); Miriam and Christian are spokespersons answering "
             "(official). Exchanges: Jose Luis -> Christian; Lili's Club Radio question -> Dana and Christian. Odile's 'no.' and "
             "Lili's '[silence]' are not questions; Jordi's question has no answer in the excerpt.",
        turns=[
            lab("Miriam, on trade interests:", "Miriam", O),
            lab("Dana:", "Dana Spinant", H),
            lab("Jose Luis:", "Jose Luis", J),
            lab("Christian:", "Christian", O),
            lab("Dana:", "Dana Spinant", H),
            lab("Odile:", "Odile", J),
            lab("Dana:", "Dana Spinant", H),
            lab("Lili:", "Lili", J),
            lab("Dana:", "Dana Spinant", H),
            lab("Lili:", "Lili", J),
            lab("Dana:", "Dana Spinant", H),
            lab("Christian:", "Christian", O),
            lab("Dana:", "Dana Spinant", H),
            lab("Jordi:", "Jordi", J),
        ],
        exchanges=2,
        not_turns=[("Berlaymont press room, Spokesperson Dana Spinant, Brussels, 12pm.", "editorial scene line"),
                   ("College of Commissioners:", "topic with a colon inside a turn")],
    ),
    "state-rev-2023-07-25": dict(
        batch=2, date="2023-07-25", language="en",
        layout="Rev transcript: `Speaker N (MM:SS):` alone on a line; a bare `(MM:SS)` line continues the same speech",
        note="Speaker 2 is the spokesperson named in the blurb (Vedant Patel, host); Speaker 1 a reporter ('Matt'). "
             "'The floor is yours.' is floor management: 0 exchanges.",
        turns=[
            lab("Speaker 2 (00:02):", "Vedant Patel", H),
            lab("Speaker 1 (01:40):", "Matt", J),
            lab("Speaker 2 (01:42):", "Vedant Patel", H),
            lab("Speaker 1 (01:44):", "Matt", J),
        ],
        exchanges=0,
        not_turns=[("(00:52)", "timestamp line inside a turn"), ("Jul 26, 2023", "publication date line")],
    ),
    "mfa-fr-2024-03-14-listing": dict(
        batch=2, date=None, language="fr",
        layout="a listing page holding the start of two briefings (14 March and 22 February 2024), each under a `Q&R - ...` title, `Q -` / `R -` turns, `Lire la suite ...` links",
        note="Two briefings on one page: the first shows only a teaser question. One exchange (22 February: Q -> R).",
        turns=[
            ("Q - J\u2019ai quelques questions concernant Ha\u00efti", None, J, 3),
            ("Q - Deux petites questions", None, J, 3),
            ("R - Pour le premier point", "porte-parole", H, 3),
            ("Q - Quelques questions", None, J, 3),
        ],
        exchanges=1,
        not_turns=[("Q&R - Point de presse live (14 mars 2024)", "entry title"),
                   ("Q&R - Point de presse live (22 f\u00e9vrier 2024)", "entry title"),
                   ("Lire la suite ...", "link")],
    ),
    "gtb-2017-04-12-an-fengshan-crntt": dict(
        batch=2, date="2017-04-12", language="zh",
        layout="traditional characters; page-number and QR furniture, a photo caption naming the spokesman, `實錄如下:`, indented inline labels",
        turns=[
            lab("安峰山:", "安峰山", H),
            lab("國際台記者:", "國際台", J),
            lab("安峰山:", "安峰山", H),
            lab("新華社記者:", "新華社", J),
            lab("安峰山:", "安峰山", H),
        ],
        exchanges=2,
        not_turns=[("實錄如下:", "editorial line ending in a colon"),
                   ("國務院台灣事務辦公室新聞發言人安峰山(中評社 束沐攝)", "photo caption")],
    ),
    "gtb-2020-12-16-zhu-fenglian-shilu": dict(
        batch=2, date="2020-12-16", language="zh",
        layout="traditional characters with pinyin glosses in brackets (mojibake), deep indentation, photo caption and source lines, inline labels",
        turns=[
            lab("朱鳳蓮:", "朱鳳蓮", H),
            lab("福建東南衛(wèi)視記者:", "福建東南衛視", J),
            lab("朱鳳蓮:", "朱鳳蓮", H),
        ],
        exchanges=1,
        not_turns=[("來源:中國臺灣網(wǎng)", "source line"), ("以下為發(fā)布會全文實(shí)錄:", "editorial line ending in a colon")],
    ),
    "mofcom-he-yadong-trump-nominee": dict(
        batch=2, date=None, language="zh",
        layout="a news report: the question in indirect speech, then `商务部新闻发言人何亚东:` (title + name) and the answer",
        note="The question is reported, not a turn, so no exchange is counted. Date not stated (late 2024).",
        turns=[lab("商务部新闻发言人何亚东:", "何亚东", H)],
        exchanges=0,
    ),
    "mfa-cn-guo-jiakun-bilingual-ebc": dict(
        batch=2, date=None, language="zh",
        layout="commercial site furniture, a bilingual title, Chinese outlet label then the English repeat (`CCTV:`), then `郭嘉昆:`",
        note="`CCTV:` repeats the same question in English: not a new turn. The page says 2026年6月23日 for the briefing; left "
             "unset here as it cannot be checked.",
        turns=[
            lab("总台央视记者:", "总台央视", J),
            lab("郭嘉昆:", "郭嘉昆", H),
        ],
        exchanges=1,
        not_turns=[("CCTV:", "English label repeating the Chinese turn"), ("Guo Jiakun\u2019s", "broken title fragment")],
    ),
    "nato-2018-07-dvids-captions": dict(
        batch=2, date=None, language="en",
        layout="WebVTT captions: cue timings, lines wrapped mid-sentence, a leading `- ` marks a change of speaker; no names",
        note="Moderator (host) gives the floor, the Washington Post reporter asks, the Secretary General answers (not named in "
             "the file). Turn starts at the first word after the `- ` marker. NATO summit, July 2018.",
        turns=[
            ("Okay, we'll go to the", None, H, None),
            ("Hello, Michael Burnbaun", "Michael Birnbaum (Washington Post)", J, None),
            ("It confirms that there", "Jens Stoltenberg", O, None),
        ],
        exchanges=1,
        not_turns=[("WEBVTT", "caption file header"), ("00:05.335 --> 00:08.035", "cue timing")],
    ),
    "moncloa-2017-05-12-respuestas": dict(
        batch=2, date="2017-05-12", language="es",
        layout="share-button furniture (`x: abre ventana nueva`), then `P.-` (reporter gives name and outlet) and `Portavoz.-`",
        note="The minister spokesperson answers at the post-Council press conference (official, as in the batch 1 file of the "
             "same series where the Secretary of State moderates).",
        turns=[
            lab("P.-", "Ana I. Gracia (El Espa\u00f1ol)", J),
            lab("Portavoz.-", "Portavoz", O),
            lab("P.-", "Gonzalo Bare\u00f1o (La Voz de Galicia)", J),
        ],
        exchanges=1,
        not_turns=[("x: abre ventana nueva", "share button"), ("Whatsapp: abre ventana nueva", "share button")],
    ),
    "moncloa-2021-04-27-respuestas": dict(
        batch=2, date="2021-04-27", language="es",
        layout="share-button furniture, an unlabelled opening by the minister spokesperson, then `Title.-`, `Pregunta.-`, `Sra. Surname.-`",
        note="The unlabelled opening is the minister spokesperson thanking the previous speaker and handing over to the "
             "Secretary of State (moderator, host). The foreign minister answers (official).",
        turns=[
            ("Muchas gracias, ministra.", "Portavoz", O, None),
            lab("Secretario de Estado de Comunicaci\u00f3n.-", "Secretario de Estado de Comunicaci\u00f3n", H),
            lab("Pregunta.-", "Almudena Guerrero (Televisi\u00f3n Espa\u00f1ola)", J),
            lab("Sra. Gonz\u00e1lez Laya.-", "Arancha Gonz\u00e1lez Laya", O),
        ],
        exchanges=1,
        not_turns=[("x: abre ventana nueva", "share button")],
    ),
    "whitehouse-ap-2017-02-27-soundbites": dict(
        batch=2, date="2017-02-27", language="en",
        layout="news-archive shot list: numbered `N. SOUNDBITE: (English) Name, Title:` lines, quoted speech, bracketed `(Reporter question off camera):` and `(Name):` labels",
        note="Each soundbite line labels a clip by the press secretary (host); soundbite 3 holds a reporter's question and "
             "the answer, so its own line starts an empty turn. The excerpt ends inside a bracketed label.",
        turns=[
            ("1. " + SB, "Sean Spicer", H, 3 + len(SB)),
            ("2. " + SB, "Sean Spicer", H, 3 + len(SB)),
            ("3. " + SB, "Sean Spicer", H, 3 + len(SB)),
            lab("(Reporter question off camera):", None, J),
            lab("(Sean Spicer):", "Sean Spicer", H),
            ("4. " + SB, "Sean Spicer", H, 3 + len(SB)),
            lab("(Reporter quest", None, J),
        ],
        exchanges=1,
        not_turns=[("Washington DC - 27 February 2017", "dateline")],
    ),
    "state-2025-04-22-bruce-captions": dict(
        batch=2, date=None, language="en",
        layout="video-site furniture, a blurb, `Transcript`, then caption lines each starting with `MM:SS` glued to the text; one speaker, no labels",
        note="One turn by the spokesperson (host) starting at her first word after the first timestamp. Date not stated "
             "('2 days ago'; the reorganisation was announced 2025-04-22).",
        turns=[("I appreciate you being here.", "Tammy Bruce", H, None)],
        exchanges=0,
        not_turns=[("Skip to playerSkip to main contentSkip to footer", "page furniture")],
    ),
    "whitehouse-2017-06-22-sanders-annotated": dict(
        batch=2, date="2017-06-22", language="en",
        layout="news article with a photo credit and three paragraphs of commentary, then `SANDERS:` and `QUESTION:`",
        note="The deputy press secretary runs the briefing (host). 'Thursday' is 2017-06-22 (Senate health-care draft). "
             "The question is not answered within the excerpt.",
        turns=[
            lab("SANDERS:", "Sarah Huckabee Sanders", H),
            lab("QUESTION:", None, J),
        ],
        exchanges=0,
        not_turns=[("(Michael Reynolds/EPA)", "photo credit")],
    ),
}
