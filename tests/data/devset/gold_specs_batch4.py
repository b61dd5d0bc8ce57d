"""Structure gold, batch 4, written by reading each file before podium ever ran on it.

Each turn: (anchor, speaker, role, label_len) -- see annotate.py. Roles follow README.md. Sources new to the set:
Japan's Ministry of Foreign Affairs, the US Department of Defense, the World Bank, China's National Bureau of
Statistics and the State Council Information Office, the CPPCC's spokesman, Quebec's National Assembly press room,
Mexico's Finance Ministry. A statistics-office spokesman answering at his office's regular release is `host` where no
other chair is in the text; where the State Council Information Office's own spokesman chairs, the one answering is
`official`.
"""

H, O, J, U = "host", "official", "journalist", "unknown"


def lab(label: str, speaker: str | None, role: str) -> tuple:
    """A turn whose anchor is exactly its label."""
    return (label, speaker, role, len(label))


SPECS = {
    "mofa-jp-2016-07-06-kawamura": dict(
        batch=4, date="2016-07-06", language="en",
        layout="title, date line with the time and place, translation note, topic headings, then `Surname, Outlet:` and `Foreign Press Secretary Surname:`",
        note="The press secretary holds the ministry's regular briefing (host). Two questions answered.",
        turns=[
            lab("Abe, Asahi Shimbun:", "Abe (Asahi Shimbun)", J),
            lab("Foreign Press Secretary Kawamura:", "Yasuhisa Kawamura", H),
            lab("Fujita, Fuji TV:", "Fujita (Fuji TV)", J),
            lab("Foreign Press Secretary Kawamura:", "Yasuhisa Kawamura", H),
        ],
        exchanges=2,
        not_turns=[("This is a provisional translation by an external company for reference purpose only.", "editorial note"),
                   ("Terrorist attack and hostage incident in Bangladesh", "topic heading")],
    ),
    "mofa-jp-2021-04-28-yoshida": dict(
        batch=4, date="2021-04-28", language="en",
        layout="site heading, title, date line, translation note, `Mr. SURNAME Given, Press Secretary:` then `Outlet, Surname:`; the answer's paragraphs are lines with no blank between",
        note="Outlet before the name in the reporter's label (the 2016 page of the same ministry puts the name first). One exchange.",
        turns=[
            lab("Mr. YOSHIDA Tomoyuki, Press Secretary:", "Tomoyuki Yoshida", H),
            lab("Asahi Shimbun, Abe:", "Abe (Asahi Shimbun)", J),
            lab("Press Secretary Yoshida:", "Tomoyuki Yoshida", H),
        ],
        exchanges=1,
        not_turns=[("Prime Minister Suga’s Appearance on the Cover of Newsweek Magazine", "topic heading"),
                   ("This is a provisional translation by an external company for reference purpose only.", "editorial note")],
    ),
    "dod-2015-09-08-cook-globalsecurity": dict(
        batch=4, date="2015-09-08", language="en",
        layout="mirror's job advert, department header, `Presenter:` line with the date, title, then `FULL NAME:` / `Q:` / `MR. SURNAME:`",
        note="The Pentagon press secretary holds his own briefing (host). One exchange; the answer is cut by the excerpt.",
        turns=[
            lab("PETER COOK:", "Peter Cook", H),
            lab("Q:", None, J),
            lab("MR. COOK:", "Peter Cook", H),
        ],
        exchanges=1,
        not_turns=[("Presenter: Pentagon Press Secretary Peter Cook September 8, 2015", "header field naming the presenter"),
                   ("The Largest Security-Cleared Career Network for Defense and Intelligence Jobs - JOIN NOW", "mirror advert")],
    ),
    "worldbank-2023-spring-opening-malpass": dict(
        batch=4, date=None, language="en",
        layout="event page: tabs, a blurb, a chapter list of `MM:SS topic` lines (some with a colon), then `[FULL NAME]` alone on its line before each speech",
        note="The press secretary runs the conference (host); the President speaks at it (official). The page gives no day (Spring Meetings, April 2023).",
        turns=[
            lab("[DAVID THEIS]", "David Theis", H),
            lab("[DAVID MALPASS]", "David Malpass", O),
        ],
        exchanges=0,
        not_turns=[("13:05 Egypt: Debt, private sector support, challenges", "chapter list line with a colon"),
                   ("20:08 Nigeria: Economy, debt, subsidies", "chapter list line with a colon"),
                   ("00:45 Opening remarks by WBG President David Malpass", "chapter list line")],
    ),
    "worldbank-2021-04-07-malpass": dict(
        batch=4, date="2021-04-07", language="en",
        layout="breadcrumb with the date, title, the press secretary's opening with no label (he names himself), `Mr. Malpass.` hand-over, then `MR SURNAME:` (no full stop)",
        note="The unlabelled opening is the press secretary's turn (host); the President official. No question in the excerpt.",
        turns=[
            ("I'm David Theis, the World Bank's Press Secretary", "David Theis", H, None),
            lab("MR MALPASS:", "David Malpass", O),
        ],
        exchanges=0,
        not_turns=[("Watch the replay of the event here.", "page furniture")],
    ),
    "worldbank-2005-04-14-wolfensohn": dict(
        batch=4, date="2005-04-14", language="en",
        layout="old site furniture (search, media centre, login), title, place and date line, `PROCEEDINGS`, then `MR. SURNAME:` with two spaces after",
        note="The President at his own press briefing (principal: official). One turn in the excerpt.",
        turns=[lab("MR. WOLFENSOHN:", "James D. Wolfensohn", O)],
        exchanges=0,
        not_turns=[("PROCEEDINGS", "section heading"), ("Login / Register", "page furniture")],
    ),
    "cppcc-2016-03-02-wang-guoqing-haiwainet": dict(
        batch=4, date="2016-03-02", language="zh",
        layout="a news portal's preamble, a heading, then `▲Outlet记者:` and `Name:` inline, one turn a line",
        note="The CPPCC spokesman holds the session's press conference (host). Four questions answered; the fifth is cut.",
        turns=[
            lab("新华社记者:", "新华社", J),
            lab("王国庆:", "王国庆", H),
            lab("经济日报记者:", "经济日报", J),
            lab("王国庆:", "王国庆", H),
            lab("大公报记者:", "大公报", J),
            lab("王国庆:", "王国庆", H),
            lab("中央电视台记者:", "中央电视台", J),
            lab("王国庆:", "王国庆", H),
            lab("中国新闻社记者:", "中国新闻社", J),
        ],
        exchanges=4,
        not_turns=[("中国政协十二届四次会议新闻发布会王国庆答记者问", "heading")],
    ),
    "nbs-2015-07-15-sheng-laiyun-sysinet": dict(
        batch=4, date="2015-07-15", language="zh",
        layout="a local statistics site's furniture and breadcrumb, title, `发布时间:` field, the date in brackets, then labels alone on their line (`中央电视台记者:`, `盛来运:`) between full-width-space lines",
        note="The statistics bureau's spokesman answers at its release; no chair in the text (host). One exchange.",
        turns=[
            lab("中央电视台记者:", "中央电视台", J),
            lab("盛来运:", "盛来运", H),
        ],
        exchanges=1,
        not_turns=[("发布时间:2015-07-15", "page field"), ("设为首页 | 添加收藏 | 网站地图", "page furniture")],
    ),
    "nbs-2015-04-15-sheng-laiyun-chinadaily": dict(
        batch=4, date="2015-04-15", language="zh",
        layout="portal furniture, title, byline with a timestamp, the title repeated as a photo caption three times (once inside the answer), `以下为问答实录:`, labels alone on their line",
        note="As the sysinet page: the spokesman host, one exchange. The repeated title lines are captions, not turns, and the answer runs across them.",
        turns=[
            lab("中央电视台记者:", "中央电视台", J),
            lab("盛来运:", "盛来运", H),
        ],
        exchanges=1,
        not_turns=[("以下为问答实录:", "editorial line ending in a colon"), ("中国日报网涂恬 2015-04-15 16:45:42", "byline")],
    ),
    "scio-2019-03-14-nbs-mao-shengyong-big5": dict(
        batch=4, date="2019-03-14", language="zh",
        layout="traditional characters; gov.cn furniture, title over two lines, date and source line, photo captions naming the speakers, labels alone on their line as `title name:` (a space before the name)",
        note="The State Council Information Office's spokeswoman chairs (host); the statistics bureau's spokesman answers (official). No question in the excerpt.",
        turns=[
            lab("新聞辦新聞發言人 胡凱紅:", "胡凱紅", H),
            lab("國家統計局國民經濟綜合統計司司長、新聞發言人 毛盛勇:", "毛盛勇", O),
        ],
        exchanges=0,
        not_turns=[("國家統計局國民經濟綜合統計司司長、新聞發言人毛盛勇 中國網 宗超 攝", "photo caption"),
                   ("2019-03-14 12:28 來源: 中國網", "date and source line"),
                   ("一、服務業平穩增長,現代服務業發展較快", "heading inside the statement")],
    ),
    "assnat-qc-2016-06-10-couillard": dict(
        batch=4, date="2016-06-10", language="fr",
        layout="press-room page (English chrome), breadcrumb, title, `Version finale`, date line, place, the start time in words in brackets, then `M. Surname :` (space before the colon)",
        note="The Premier at his own point de presse (principal: official). One turn in the excerpt.",
        turns=[lab("M. Couillard :", "Philippe Couillard", O)],
        exchanges=0,
        not_turns=[("(Douze heures six minutes)", "time stamp in words"), ("Version finale", "page field")],
    ),
    "assnat-qc-2018-10-16-lebel": dict(
        batch=4, date="2018-10-16", language="fr",
        layout="as the other Quebec page in French chrome, then `Le Modérateur :` and `Mme Surname :`",
        note="A moderator runs the point de presse (host); the member speaks (official).",
        turns=[
            lab("Le Modérateur :", None, H),
            lab("Mme LeBel :", "Sonia LeBel", O),
        ],
        exchanges=0,
        not_turns=[("(Seize heures trente-sept minutes)", "time stamp in words"), ("Version finale", "page field")],
    ),
    "shcp-2019-08-20-herrera-forobanorte": dict(
        batch=4, date="2019-08-20", language="es",
        layout="a stenographic version reposted by a forum: titles with colons, place and date line, then `– FULL NAME IN CAPITALS:` after an en dash",
        note="A speech, not a briefing: the master of ceremonies hands over (host), the Finance Secretary speaks (official). No exchange.",
        turns=[
            lab("GREGORIO MARTÍNEZ GARZA:", "Gregorio Martínez Garza", H),
            lab("ARTURO HERRERA GUTIÉRREZ:", "Arturo Herrera Gutiérrez", O),
        ],
        exchanges=0,
        not_turns=[("MENSAJE DEL SECRETARIO DE HACIENDA Y CRÉDITO PÚBLICO: ARTURO HERRERA: Versión Estenográfica (galería)", "title with colons"),
                   ("PALABRAS DEL SECRETARIO DE HACIENDA Y CRÉDITO PÚBLICO: ARTURO HERRERA", "title with a colon")],
    ),
}
