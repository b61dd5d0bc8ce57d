"""Each label layout, on small transcripts written for these tests (tests/data/structure/)."""

from __future__ import annotations

from pathlib import Path

import pytest

import podium
from podium.model import Briefing

DATA = Path(__file__).resolve().parent.parent / "data" / "structure"


def parse(name: str, **options: str) -> Briefing:
    return podium.parse(DATA / name, stages=["structure.v1"], **options)


def summary(briefing: Briefing) -> list[tuple[str | None, str, str]]:
    """(speaker, role, first words) of each turn."""
    return [(t.speaker, t.role, " ".join(t.text.split()[:3])) for t in briefing.turns]


def starts_at_label(briefing: Briefing, turn_id: int, label: str) -> bool:
    turn = briefing.turns[turn_id]
    return briefing.text.startswith(label, turn.start)


def test_name_alone_on_its_line_with_header_block() -> None:
    briefing = parse("name-alone.txt")
    assert summary(briefing) == [
        ("Bai Lan", "host", "Good morning. Welcome"),
        ("Tan Wei", "official", "Thank you. Lakeshire"),
        ("Bai Lan", "host", "The floor is"),
        (None, "journalist", "How will the"),
        ("Tan Wei", "official", "I would like"),
        ("Lo Ming", "official", "Thank you for"),
        (None, "journalist", "What about the"),
        ("Tan Wei", "official", "Roads will be"),
        ("Lakeshire Evening News", "journalist", "What is the"),
        ("Lo Ming", "official", "The budget is"),
        ("Tan Wei", "official", "I would like"),
    ]
    # The label carries a trailing U+00A0; the turn still starts at the label.
    assert starts_at_label(briefing, 0, "Bai Lan:")
    question = briefing.turns[3]
    assert question.start == question.body_start == briefing.text.index("How will the towns")


def test_header_roster_series_and_date() -> None:
    briefing = parse("name-alone.txt")
    assert (briefing.date, briefing.date_source) == ("2023-03-03", "header")
    assert (briefing.series, briefing.series_number) == ("Building Better Towns", 5)
    assert briefing.organisation == "Lakeshire"
    roles = {p.name: (p.role, p.title) for p in briefing.participants}
    assert roles["Bai Lan"] == ("host", "spokesperson of the Information Office")
    assert roles["Tan Wei"] == ("official", "governor of Lakeshire province")
    assert roles["Lakeshire Evening News"][0] == "journalist"


def test_hand_on_is_not_an_answer_and_adding_is() -> None:
    exchanges = [(e.asked_by, e.answered_by) for e in parse("name-alone.txt").exchanges]
    assert exchanges == [
        (None, ["Lo Ming"]),
        (None, ["Tan Wei"]),
        ("Lakeshire Evening News", ["Lo Ming", "Tan Wei"]),
    ]


def test_inline_outlet_labels_and_a_spokesperson_holding_their_own_briefing_is_host() -> None:
    briefing = parse("inline.txt")
    assert summary(briefing) == [
        ("Valley Times", "journalist", "What is your"),
        ("Zhou Yi", "host", "The talks went"),
        ("Harbour Radio", "journalist", "Will there be"),
        ("Zhou Yi", "host", "We will release"),
    ]
    assert (briefing.date, briefing.date_source) == ("2021-06-02", "title")
    assert [(e.asked_by, e.answered_by) for e in briefing.exchanges] == [
        ("Valley Times", ["Zhou Yi"]),
        ("Harbour Radio", ["Zhou Yi"]),
    ]


def test_upper_case_labels_with_full_stop_and_page_furniture() -> None:
    briefing = parse("upper-stop.txt")
    assert summary(briefing) == [
        ("CHAIR LEE", "official", "Good afternoon. Rates"),
        ("DANA FOX", "host", "Pat."),
        ("PAT KING", "journalist", "Pat King with"),
        ("CHAIR LEE", "official", "Not now. We"),
        ("DANA FOX", "host", "Kim."),
        (None, "journalist", "What about inflation?"),
        ("CHAIR LEE", "official", "It is 3"),
    ]
    # A page break inside the opening statement does not cut it, and never ends a turn.
    assert "we will watch the data." in briefing.turns[0].text
    assert not briefing.turns[3].text.rstrip().endswith("of 3")
    assert briefing.participant("PAT KING").outlet == "Daily Ledger"
    assert (briefing.date, briefing.date_source) == ("2021-06-09", "title")


def test_upper_case_colon_labels_bare_q_and_front_matter() -> None:
    briefing = parse("upper-colon.md")
    assert summary(briefing) == [
        ("MS. DOE", "host", "Good afternoon. Joining"),
        ("SECRETARY ROE", "official", "Thanks. Exports rose"),
        (None, "journalist", "What comes next?"),
        ("SECRETARY ROE", "official", "More exports."),
        (None, "journalist", "And the deficit?"),
        ("MS. DOE", "host", "The deficit is"),
    ]
    # "INFLATION:" ends a sentence that runs on; it is not a speaker.
    assert "INFLATION:" in briefing.turns[1].text
    # The indented "Q" starts at the letter, not at the indentation.
    assert starts_at_label(briefing, 4, "Q\u00a0")
    assert briefing.turns[0].start >= briefing.metadata["body_start"]
    assert (briefing.date, briefing.date_source) == ("2023-02-01", "front_matter")
    assert [(e.asked_by, e.answered_by) for e in briefing.exchanges] == [(None, ["SECRETARY ROE"]), (None, ["MS. DOE"])]
    # The closing time line is no one's speech.
    assert briefing.turns[-1].text == "The deficit is falling."
    # The introduced "Dr. Amy Roe" and the label "SECRETARY ROE" are one participant.
    roe = briefing.participant("SECRETARY ROE")
    assert (roe.role, roe.title, roe.aliases) == ("official", "Secretary of Trade", ["Amy Roe"])
    assert briefing.participant("Amy Roe") is None


def test_q_and_a_with_and_without_colon() -> None:
    briefing = parse("qa.txt")
    assert [(t.label, t.role, " ".join(t.text.split()[:2])) for t in briefing.turns] == [
        ("Q", "journalist", "What will"),
        ("A", "official", "Trade and"),
        ("Q", "journalist", "Is the"),
        ("A", "official", "Yes. A"),
    ]


def test_bilingual_label_pairs_make_one_turn() -> None:
    briefing = parse("bilingual.txt")
    assert [(t.speaker, t.role) for t in briefing.turns] == [("Wang Xiaoming", "host"), ("Li Si", "official")]
    assert starts_at_label(briefing, 0, "王小明:")
    assert "王小明" in briefing.participant("Wang Xiaoming").aliases


def test_text_after_a_missing_page_has_no_speaker() -> None:
    briefing = parse("gap.txt")
    assert summary(briefing) == [
        ("Bai Lan", "host", "Welcome to this"),
        ("Tan Wei", "official", "The harbour grew."),
        (None, "unknown", "The second harbour"),
        ("Sun Lei", "journalist", "What about the"),
    ]
    # "We are proud of" runs on across the page break: the same turn goes on.
    assert "we will build more piers" in briefing.turns[1].text
    assert not briefing.turns[1].text.rstrip().endswith("2022")


def test_override_date_wins_and_no_day_is_invented() -> None:
    assert parse("name-alone.txt", date="2023-03-04").date == "2023-03-04"
    briefing = parse("gap.txt")
    assert briefing.date is None
    assert briefing.inferred_year == 2022 and "2022" in (briefing.year_evidence or "")


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Bai Lan:\n\nHello there.\n\nTan Wei:\n\nGood morning.\n", ["Bai Lan", "Tan Wei"]),
        ("Bai Lan: Hello there.\n\nTan Wei: Good morning.\n", ["Bai Lan", "Tan Wei"]),
        ("Bai Lan (Host):\n\nHello there.\n\nTan Wei:\n\nGood morning.\n", ["Bai Lan", "Tan Wei"]),
        ("Note: this is a draft.\n\nBai Lan:\n\nHello.\n", ["Bai Lan"]),
        ("CHAIR LEE.  Hello.\nGDP.  It grew.\nCHAIR LEE.  Yes.\n", ["CHAIR LEE", "CHAIR LEE"]),
        ("Bai Lan:\nWe rose against\nHUNGER:\nand won.\n", ["Bai Lan"]),
        ("Bai Lan:\nWhat next? Thank you\nXYZ:\nWe will see.\n", ["Bai Lan", "XYZ"]),
        # "on" joins a title-cased label (quoted in structure_en.yaml: YAML read a bare on as true).
        ("Bai Lan:\n\nHello there.\n\nSpecial Envoy on Climate Change:\n\nGood morning.\n", ["Bai Lan", "Special Envoy on Climate Change"]),
    ],
)
def test_label_or_not(text: str, speakers: list[str]) -> None:
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.speaker for t in briefing.turns if t.label] == speakers


def test_single_newline_layout_with_header_and_unlabelled_questions() -> None:
    briefing = parse("single-newline.txt")
    assert summary(briefing) == [
        ("Kong Lin", "host", "Good morning. Welcome"),
        (None, "journalist", "How many towns"),
        ("Gao Feng", "official", "Thank you for"),
        (None, "journalist", "What will the"),
        ("Ren Yu", "official", "It will be"),
        ("Hillside Daily", "journalist", "When will the"),
        ("Gao Feng", "official", "In June."),
    ]
    # "Thank you" with no full stop still lets the next line be a label.
    assert briefing.turns[5].label == "Hillside Daily"
    # The publication line (May 2) dates the page; the header's date is the briefing's.
    assert (briefing.date, briefing.date_source) == ("2024-04-20", "header")
    assert (briefing.series, briefing.series_number) == ("Building Better Towns", 9)
    assert [(e.asked_by, e.answered_by) for e in briefing.exchanges] == [
        (None, ["Gao Feng"]),
        (None, ["Ren Yu"]),
        ("Hillside Daily", ["Gao Feng"]),
    ]


def test_a_page_printed_twice_gives_each_speech_once() -> None:
    briefing = parse("reprinted.txt")
    assert [t.speaker for t in briefing.turns] == ["Kong Lin", "Gao Feng"]
    # The fuller copy of the speech stays; the header printed again is no one's speech.
    assert briefing.turns[1].text.endswith("We will go on.")
    assert "Speakers:" not in briefing.turns[0].text
    assert [t.id for t in briefing.turns] == [0, 1]


def test_a_label_by_surname_names_the_rostered_speaker_in_full() -> None:
    text = (
        "Bai Lan:\n\nWelcome to this press conference. We have invited Mr. Tan Wei, governor of "
        "Lakeshire province, and Ms. Lo Ming, vice governor of Lakeshire province.\n\n"
        "Mr. Tan:\n\nThank you.\n\nBai:\n\nNext.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.speaker for t in briefing.turns] == ["Bai Lan", "Tan Wei", "Bai Lan"]


def test_prose_without_any_speaker_is_one_unlabelled_turn_with_a_warning() -> None:
    text = "Briefing notes\n\nA long paragraph that talks about the towns and their roads, and ends with a full stop.\n"
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.start, t.speaker, t.label, t.role) for t in briefing.turns] == [(16, None, None, "unknown")]
    assert briefing.turns[0].text == text[16:].rstrip()
    assert [w.kind for w in briefing.warnings] == ["structure"] and "no speaker labels" in briefing.warnings[0].message


def test_an_unlabelled_opening_that_welcomes_the_press_is_speech_not_header() -> None:
    # It names the press conference as a title line does, but speaks to the room: its figures are
    # in the one turn.
    text = (
        "Regular Press Conference of the Lakeshire Ministry of Roads on May 2, 2024\n\n"
        "Dear friends, good morning. Welcome to the regular press conference. I have two pieces of news: "
        "we opened 12 bridges in April.\n\n"
        "I. Roads in April\n\n"
        "Traffic on the new roads rose by 8% in April, and the ministry expects more in the summer.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.start for t in briefing.turns] == [text.index("Dear friends")]
    assert "12 bridges" in briefing.turns[0].text and briefing.turns[0].text.endswith("in the summer.")


def test_a_title_or_lede_naming_the_press_conference_stays_out_of_the_turn() -> None:
    text = (
        "The Lakeshire Ministry of Roads held a regular press conference on May 2, 2024, in the capital.\n\n"
        "Traffic on the new roads rose by 8% in April, and the ministry expects more in the summer.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.start for t in briefing.turns] == [text.index("Traffic")]


def test_a_short_unlabelled_text_is_still_one_turn() -> None:
    briefing = podium.parse("Output rose 5%.\n", stages=["structure.v1"])
    assert [(t.start, t.end) for t in briefing.turns] == [(0, 15)]


def test_a_greeting_from_the_floor_is_not_a_question() -> None:
    text = (
        "MS. DOE:  Good afternoon.  I will turn it over to the Secretary.\n\n"
        "Q    Hello.\n\n"
        "SECRETARY ROE:  Thanks.  Exports rose by 4 percent this year.\n\n"
        "Q    Will they keep rising next year?\n\n"
        "SECRETARY ROE:  We expect so.\n\n"
        "Q    Thanks.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(e.question_turns, e.answered_by) for e in briefing.exchanges] == [([3], ["SECRETARY ROE"])]


def test_a_wider_gap_marks_where_an_unlabelled_question_begins() -> None:
    text = (
        "Bai Lan:\n\n\nWelcome to this press conference. We have invited Mr. Tan Wei, governor of "
        "Lakeshire province, to brief you.\n\n\nThe floor is now open to questions.\n\n\n"
        "Tan Wei:\n\n\nTowns grew.\n\n\nThat is all. Thank you.\n\n\n\n\n"
        "Thank you. My question is about roads.\n\n\nWhen will they open?\n\n\nTan Wei:\n\n\nSoon.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    question = briefing.turns[2]
    assert (question.speaker, question.role) == (None, "journalist")
    assert question.start == text.index("Thank you. My question")
    assert briefing.turns[1].text.endswith("That is all. Thank you.")


def test_unlabelled_speech_is_by_the_one_speaker_the_header_names() -> None:
    text = (
        "Speakers:\nMr. Tan Wei, governor of Lakeshire province\n\n"
        "Good morning. The province grew by 5 percent last year, and the roads are now finished.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.speaker, t.role) for t in briefing.turns] == [("Tan Wei", "official")]


def _roles(text: str) -> list[tuple[str | None, str]]:
    return [(t.speaker, t.role) for t in podium.parse(text, stages=["structure.v1"]).turns]


def test_the_press_secretary_the_title_names_runs_the_briefing_and_a_guest_answers() -> None:
    text = (
        "Press Briefing by Press Secretary Ann Lee and Tom Reed\n\n"
        "Ann Lee: Good afternoon. Today I have Tom with me to talk about the roads.\n\n"
        "Tom Reed: Thanks, Ann. We built 40 km of road this year, and more will follow soon.\n\n"
        "Reporter: How much did the roads cost, and when will the next ones open?\n\n"
        "Tom Reed: About 2 billion dollars in all, and the next ones open in May.\n"
    )
    assert _roles(text) == [("Ann Lee", "host"), ("Tom Reed", "official"), (None, "journalist"), ("Tom Reed", "official")]


def test_a_moderator_named_in_the_participants_block_is_host() -> None:
    text = (
        "Participants: Speaker: KIM PARK, Director. Moderator: LEE CHO, Communications Officer\n\n"
        "MR. CHO: Good morning, and thank you for coming. We start with remarks.\n\n"
        "MR. PARK: Growth will reach 4 percent this year, led by exports and by farming.\n\n"
        "QUESTION: Will growth hold next year, given the drought in the north?\n\n"
        "MR. PARK: We expect it to hold at about 4 percent, if the rains return.\n"
    )
    assert [role for _, role in _roles(text)] == ["host", "official", "journalist", "official"]


def test_the_speaker_a_reporter_addresses_by_office_is_host() -> None:
    text = (
        "Lin Hua: Good morning. I have no announcements today.\n\n"
        "Valley Times: Spokesperson, what is the plan for the harbour next year?\n\n"
        "Lin Hua: The plan will be announced in the spring, after the council meets.\n"
    )
    assert _roles(text) == [("Lin Hua", "host"), ("Valley Times", "journalist"), ("Lin Hua", "host")]


def test_an_unlabelled_briefing_is_by_the_spokesperson_the_preamble_names() -> None:
    text = (
        "The following is a transcript of today's noon briefing by Jane Doe, Spokesperson for the Council.\n\n"
        "Good afternoon. The council met this morning and agreed on 3 new projects for the region.\n"
    )
    assert _roles(text) == [("Jane Doe", "host")]


def _starts(text: str) -> list[tuple[int, str | None]]:
    return [(t.start, t.label) for t in podium.parse(text, stages=["structure.v1"]).turns]


def test_dash_labels_are_the_grammar_where_they_repeat() -> None:
    text = "Q - Will the port open?\nR - It opens in May.\nQ - And the road?\nR - Next year.\n"
    assert _starts(text) == [(0, "Q"), (24, "R"), (45, "Q"), (63, "R")]
    spanish = "Pregunta.- Buenas tardes. ¿Cuándo?\nPortavoz.- Mañana.\n"
    assert [label for _, label in _starts(spanish)] == ["Pregunta", "Portavoz"]
    roles = [t.role for t in podium.parse(spanish, stages=["structure.v1"]).turns]
    assert roles[0] == "journalist"


def test_a_lone_dash_line_is_prose() -> None:
    text = "Opening remarks\n\nMadrid - The talks went well and the council agreed on the plan for the port.\n"
    assert [label for _, label in _starts(text)] == [None]


def test_timestamps_inside_or_after_a_label() -> None:
    text = "Speaker 7 (00:00):\n\nHi.\n\nSpeaker 1 (00:08):\n\nHello.\n\nJane Doe: (00:12)\nGood afternoon.\n\nAudience: (00:14)\nGood afternoon.\n"
    assert [label for _, label in _starts(text)] == ["Speaker 7", "Speaker 1", "Jane Doe", "Audience"]


def test_initials_padded_with_spaces_and_a_bare_q() -> None:
    text = "00:00:00\n\nCL          Hello and welcome.\n\nTAG        Thank you, Christian.\n\nCL      Next question.\n"
    assert [label for _, label in _starts(text)] == ["CL", "TAG", "CL"]
    bare = "MR. DOE:  We start now.\nQ (Inaudible.)\nMR. DOE:  It is a busy day.\n"
    assert [label for _, label in _starts(bare)] == ["MR. DOE", "Q", "MR. DOE"]


def test_unnamed_answers_at_a_regular_briefing_are_the_hosts() -> None:
    text = "Point de presse du porte-parole\n\nQ - Le port ouvrira-t-il en mai ?\nR - Oui, en mai.\nQ - Et la route ?\nR - L'an prochain.\n"
    assert [t.role for t in podium.parse(text, stages=["structure.v1"]).turns] == ["journalist", "host"] * 2
    elsewhere = text.replace("Point de presse du porte-parole", "Entretien")
    assert [t.role for t in podium.parse(elsewhere, stages=["structure.v1"]).turns] == ["journalist", "official"] * 2


def test_a_participants_block_and_a_vendor_line_are_not_turns() -> None:
    text = (
        "PARTICIPANTS:\n\nSpeaker: KIM PARK, Director, Research Department\n\n"
        "MR. PARK: Growth will reach 4 percent this year.\n\n"
        "Try Rev and save time transcribing, captioning, and subtitling.\n\n"
        "QUESTION: Will it hold?\n\nMR. PARK: It will.\n"
    )
    turns = podium.parse(text, stages=["structure.v1"]).turns
    assert [t.label for t in turns] == ["MR. PARK", "QUESTION", "MR. PARK"]
    assert "Try Rev" not in turns[0].text


def test_a_multi_ask_round_is_answered_by_the_answer_after_it() -> None:
    text = (
        "Lin Hua, Spokesperson: Good afternoon. Over to you.\n\n"
        "Ann: Ann from the Valley Times. When will the port open, and at what cost?\n\n"
        "Lin Hua, Spokesperson: This is the new port?\n\n"
        "Ann: Yes, the new one in the south, by the old docks on the river.\n\n"
        "Bo: Bo from Harbour Radio. And the road to it, when does that open?\n\n"
        "Lin Hua, Spokesperson: The port opens in May, and the road follows it in June.\n\n"
        "Ann: One more thing about the rail line, will it be built at all?\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    # Ann's and Bo's questions form one round answered by the one answer; the clarifying question
    # answers nothing; Ann's last question has no answer in the text and is no exchange.
    assert [(e.asked_by, e.question_turns, e.answer_turns) for e in briefing.exchanges] == [
        ("Ann", [1, 3], [5]),
        ("Bo", [4], [5]),
    ]


@pytest.mark.parametrize(
    ("line", "iso"),
    [("Madrid, 8 de junio de 2021", "2021-06-08"), ("Point de presse du 12 octobre 2023", "2023-10-12"),
     ("Paris, le 1er mars 2024", "2024-03-01"), ("2024年5月21日", "2024-05-21")],
)
def test_spanish_french_and_chinese_dates(line: str, iso: str) -> None:
    from podium.structure.dates import first_date

    found = first_date(line)
    assert found is not None and found[0] == iso


def test_an_opening_statement_under_its_heading_is_by_the_speaker_it_names() -> None:
    text = (
        "Press Conference by the Chief Cabinet Secretary\n\n"
        "Interpretation for this video is provided by a third party, and may not be complete.\n\n"
        "Opening Statement by Chief Cabinet Secretary Lee\n"
        "I would like to give an overview of the Cabinet meeting, which approved 3 bills today.\n\n"
        "REPORTER: Did the Prime Minister say anything at the meeting?\n\n"
        "CHIEF CABINET SECRETARY LEE: No, nothing in particular.\n"
    )
    turns = podium.parse(text, stages=["structure.v1"]).turns
    assert text[turns[0].start :].startswith("I would like")
    assert [(t.speaker, t.role) for t in turns] == [
        ("CHIEF CABINET SECRETARY LEE", "host"), (None, "journalist"), ("CHIEF CABINET SECRETARY LEE", "host"),
    ]


def test_a_timestamp_vouches_for_a_lower_case_label() -> None:
    text = "Speaker 1 (00:59):\n\nThank you.\n\neaster helper (01:00):\n\nThank you.\n\nSpeaker 2 (01:05):\n\nYou got it.\n"
    assert [label for _, label in _starts(text)] == ["Speaker 1", "easter helper", "Speaker 2"]


def test_a_slash_joins_a_reporters_name_to_the_outlet() -> None:
    text = (
        "SEC. ROE:  Good morning, everyone.\n\n"
        "JANE DOE/CHANNEL7:  Sir, when will the bridge open?\n\n"
        "SEC. ROE:  In May, after the last inspection.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.speaker, t.role) for t in briefing.turns] == [("SEC. ROE", "official"), ("JANE DOE", "journalist"), ("SEC. ROE", "official")]
    assert len(briefing.exchanges) == 1


def test_initials_declared_in_a_label_name_that_speaker_later() -> None:
    text = (
        "Here is the transcript of the interview:\n\n"
        "Ann Lee (AL): Hi, Minister.\n\n"
        "Minister Tom Reed (TR): Hello Ann.\n\n"
        "AL: The roads you opened this spring cost a good deal more than the budget said. Why was that?\n\n"
        "TR: Steel prices rose by 12 percent, and the works ran longer.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.speaker, t.role) for t in briefing.turns] == [
        ("Ann Lee", "journalist"), ("Minister Tom Reed", "official"), ("Ann Lee", "journalist"), ("Minister Tom Reed", "official")
    ]
    aliases = {p.name: p.aliases for p in briefing.participants}
    assert aliases == {"Minister Tom Reed": ["TR"], "Ann Lee": ["AL"]}
    assert len(briefing.exchanges) == 1  # the greeting asks nothing


def test_a_reporters_opening_thanks_is_no_question() -> None:
    text = (
        "Kim Park, Valley News (VN): Thanks very much for speaking with us today, Minister.\n\n"
        "Minister: Most welcome.\n\n"
        "VN: What did you agree with the council about the harbour?\n\n"
        "Minister: We agreed to widen it by 2026.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.speaker, t.role) for t in briefing.turns][::2] == [("Kim Park", "journalist"), ("Kim Park", "journalist")]
    assert [(p.name, p.outlet, p.aliases) for p in briefing.participants if p.role == "journalist"] == [("Kim Park", "Valley News", ["VN"])]
    assert [e.question_turns for e in briefing.exchanges] == [[2]]


def test_a_narrated_opening_and_a_roster_line_are_no_turns() -> None:
    text = (
        "Sprecher: StS Roe, Lee (BMF), Park (AA), Cho (BMI), Kim (BMG), Lo (BMJ), Han (BMU)\n\n"
        "VORS. DOE eröffnet die Pressekonferenz und begrüßt StS Roe sowie die Sprecher der Ministerien.\n\n"
        "Frage: Herr Roe, wann wird die Brücke eröffnet?\n\n"
        "StS Roe: Im Mai, nach der letzten Prüfung.\n\n"
        "Zusatzfrage: Und was kostet sie?\n\n"
        "StS Roe: Etwa 12 Millionen Euro.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.label, t.role) for t in briefing.turns] == [
        ("Frage", "journalist"), ("StS Roe", "official"), ("Zusatzfrage", "journalist"), ("StS Roe", "official")
    ]
    assert len(briefing.exchanges) == 2


def test_a_standfirst_naming_the_speaker_is_no_turn_but_a_welcome_is_speech() -> None:
    standfirst = (
        "Minister Tom Reed sat down with the Valley News for a year-end interview on roads and ports.\n\n"
        "Ann Lee: Hi, Minister.\n\nTom Reed: Hello Ann.\n"
    )
    assert [t.label for t in podium.parse(standfirst, stages=["structure.v1"]).turns] == ["Ann Lee", "Tom Reed"]
    welcome = (
        "Good morning, and welcome. Tom Reed and I will take your questions on the new roads today.\n\n"
        "Q: When do they open?\n\nTom Reed: In May.\n"
    )
    assert [t.label for t in podium.parse(welcome, stages=["structure.v1"]).turns] == [None, "Q", "Tom Reed"]


def test_a_live_note_labels_people_by_first_name() -> None:
    text = (
        "Notes from the press room. Spokesperson Ann Lee, noon.\n\n"
        "Ann: Two items today. The council meets on Friday.\n\n"
        "Tom: Harbour works, any delay? Costs rose.\n\n"
        "Ben: The works are on time.\n\n"
        "Ann: more questions for Ben?\n\n"
        "Tom: Yes. When do they end?\n\n"
        "Ben: In May.\n\n"
        "Kim: Roads. When will the ring road open?\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.speaker, t.role) for t in briefing.turns] == [
        ("Ann", "host"), ("Tom", "journalist"), ("Ben", "official"), ("Ann", "host"),
        ("Tom", "journalist"), ("Ben", "official"), ("Kim", "journalist"),
    ]


def test_topic_lines_are_not_first_name_labels() -> None:
    text = (
        "Growth: output rose by 5 percent in the year.\n\n"
        "Prices: inflation was 2 percent.\n\n"
        "Jobs: unemployment fell to 4 percent.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.label for t in briefing.turns] == [None]


def test_an_archive_metadata_block_is_not_speakers() -> None:
    text = (
        "Release Date:\n24/01/2006\nRelease Type:\nInterview\nTranscript ID:\n22109\n\n"
        "PRIME MINISTER:\n\nWell, I have called this news conference to announce 3 changes to the Ministry.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.label for t in briefing.turns] == ["PRIME MINISTER"]


def test_a_greeting_on_its_own_line_opens_an_unlabelled_statement() -> None:
    text = (
        "The following is a transcript of today's noon briefing by Jane Doe, Spokesperson for the Council.\n\n"
        "Good afternoon.\n\n"
        "This morning the council met and agreed on 3 new projects for the region and its ports.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.start, t.speaker) for t in briefing.turns] == [(text.index("Good afternoon."), "Jane Doe")]


def test_a_numbered_generic_speaker_is_a_label() -> None:
    text = (
        "Jane Doe, Official Spokesperson: Good evening. The minister travels to Rome on Monday.\n\n"
        "Speaker 1: When is he reaching Rome?\n\n"
        "Jane Doe, Official Spokesperson: On Monday evening.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.label, t.role) for t in briefing.turns] == [
        ("Jane Doe, Official Spokesperson", "host"), ("Speaker 1", "journalist"), ("Jane Doe, Official Spokesperson", "host")
    ]


def test_caption_lines_start_the_speech_after_their_timestamp() -> None:
    text = "Transcript\n00:00I appreciate you being here.\n00:05All right, an announcement on the 3 new offices we open today.\n"
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.start for t in briefing.turns] == [text.index("I appreciate")]


def test_a_moderator_who_hands_over_runs_the_briefing_the_title_gives_the_spokesperson() -> None:
    text = (
        "Press Briefing of Presidential Spokesperson Tom Reed\n\n"
        "USEC. LEE:  Good morning. Let's now have Presidential Spokesperson Tom Reed. Good morning, sir.\n\n"
        "SEC. REED:  Good morning. The port reopens on Monday.\n\n"
        "ANN PARK/CHANNEL7:  Sir, will it open for cargo ships too?\n\n"
        "SEC. REED:  Yes, from Tuesday.\n"
    )
    assert [role for _, role in _roles(text)] == ["host", "official", "journalist", "official"]


def test_a_call_operator_runs_the_floor_and_the_prime_minister_answers() -> None:
    text = (
        "Operator:\n\nThank you. First question, Valley News. Line open.\n\n"
        "Reporter:\n\nPrime Minister, when will the border open?\n\n"
        "Prime Minister Reed:\n\nIn May. Thank you. Operator, next question.\n"
    )
    assert _roles(text) == [("Operator", "host"), (None, "journalist"), ("Prime Minister Reed", "official")]


def test_the_one_speaker_of_a_press_conference_briefs_it() -> None:
    text = (
        "The Chair's first press conference, Geneva\n\n"
        "Director-General: First of all, let me say how honoured I am to serve. Trade grew by 3 percent.\n"
    )
    assert [t.role for t in podium.parse(text, stages=["structure.v1"]).turns] == ["official"]


def test_a_title_with_a_colon_is_no_label_and_pm_under_a_vendor_line_is() -> None:
    text = (
        "POST-CABINET PRESS CONFERENCE: Monday, 4 May 2026\n"
        "VENDOR TRANSCRIPT\n"
        "PM: Well, good afternoon, everyone. Exports rose by 6 percent this year.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.label, t.role) for t in briefing.turns] == [("PM", "official")]
    assert briefing.date == "2026-05-04"


def test_names_alone_on_their_lines_where_one_holds_an_office() -> None:
    text = (
        "Transcript of the Question and Answer Session\n\n"
        "Ann Lee\n\n"
        "Good evening. Thank you very much, Governor, for those words. I am moderating the questions tonight.\n\n"
        "Governor Reed\n\n"
        "Thank you, Ann. Prices rose by 3 percent this year and we expect them to slow next year.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.label, t.role) for t in briefing.turns] == [("Ann Lee", "host"), ("Governor Reed", "official")]


def test_repeated_headings_alone_on_their_lines_are_not_speakers() -> None:
    text = (
        "Monetary Policy\n\n"
        "The council kept its rate at 4 percent this month, as markets had widely expected it would.\n\n"
        "Economic Outlook\n\n"
        "Output will grow by 2 percent next year, slower than this year, as exports weaken further.\n\n"
        "Monetary Policy\n\n"
        "The council will look again at its rate in March, once the new figures are out in full.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.label for t in briefing.turns] == [None]


def test_an_office_holder_alone_over_the_one_speech() -> None:
    text = (
        "TRANSCRIPT -- PRESS CONFERENCE\n            26 March 2010\n\n"
        "Director-General Reed\n\n"
        "        So, a few words of introduction. This week of stocktaking is now nearly behind us. I believe\n"
        "it has been healthy. Trade fell 12 percent in 2009.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.label, t.role) for t in briefing.turns] == [("Director-General Reed", "official")]


def test_an_outlet_named_only_in_its_chinese_twin_is_a_journalist() -> None:
    text = (
        "Spokesperson Wang Ming's Regular Press Conference\n\n"
        "总台央视记者:\nVTV:\n\nMore than 1,200 firms came to the supply chain fair this year, the most yet.\n\n"
        "王明:\nWang Ming:\n\nMore than 1,200 firms came this year, and more will come next year.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.speaker, t.role) for t in briefing.turns] == [("VTV", "journalist"), ("Wang Ming", "host")]
    assert [(p.name, p.title) for p in briefing.participants if p.role == "journalist"] == [("VTV", "总台央视记者")]


def test_a_reporter_label_with_the_words_under_the_interpreters_is_one_question() -> None:
    text = (
        "Operator:\n\nThank you. First question, Valley News. Line open.\n\n"
        "Reporter:\n\nInterpreter:\n\nGood morning, Prime Minister. Will the money go to the provinces?\n\n"
        "Prime Minister Reed:\n\nYes, to every province, by the end of May.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(e.question_turns, e.answered_by) for e in briefing.exchanges] == [([2], ["Prime Minister Reed"])]


def test_a_moderator_who_welcomes_and_hands_over_is_host() -> None:
    text = (
        "Ann Lee: Hello, everybody. I am Ann Lee, welcoming you to our press conference today. Present in the room "
        "is the Director, Dr. Tom Reed, and our chief scientist. Now I would like to hand over to Dr. Reed. Dr. Reed, "
        "the floor is yours, and what a busy week it has been, has it not?\n\n"
        "Dr. Reed: Thank you, Ann. Cases fell by 12 percent this week.\n"
    )
    assert [role for _, role in _roles(text)] == ["host", "official"]
    assert podium.parse(text, stages=["structure.v1"]).exchanges == []


def test_a_deferral_answers_nothing_and_a_reply_cut_by_the_excerpt_answers() -> None:
    deferred = (
        "Jane Doe, Official Spokesperson: Good evening. I have one announcement on the visit to Rome.\n\n"
        "Kim: Sir, on the border talks, what happened yesterday?\n\n"
        "Jane Doe, Official Spokesperson: That is not related to this. We will take it later on.\n"
    )
    assert podium.parse(deferred, stages=["structure.v1"]).exchanges == []
    cut = (
        "CHIEF CABINET SECRETARY ROE:  Good morning. The Cabinet met today.\n\n"
        "REPORTER:  When you say the region, do you mean the north?\n\n"
        "CHIEF CABINET SECRETARY ROE:  I meant"
    )
    assert [e.question_turns for e in podium.parse(cut, stages=["structure.v1"]).exchanges] == [[1]]


def test_caption_cues_where_a_dash_marks_a_new_speaker() -> None:
    text = (
        "WEBVTT\n\n"
        "00:05.335 --> 00:08.035\n- Okay, we'll go to the\nValley News in the center.\n\n"
        "00:12.838 --> 00:15.325\n- Hello, Pat Doe\nfrom the Valley News.\n\n"
        "00:15.325 --> 00:19.007\nWhat will the summit\ndecide on spending?\n\n"
        "00:44.433 --> 00:47.466\n- It confirms that allies\nwill spend 2 percent.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.start, t.label, t.role) for t in briefing.turns] == [
        (text.index("Okay"), None, "host"), (text.index("Hello"), None, "journalist"), (text.index("It confirms"), None, "official")
    ]
    assert [e.question_turns for e in briefing.exchanges] == [[1]]
    assert (text.index("00:15.325 -->"), text.index("00:15.325 -->") + len("00:15.325 --> 00:19.007")) in briefing.metadata["furniture"]


def test_a_welcome_naming_the_briefing_is_speech_not_a_repeated_title() -> None:
    text = (
        "MR. LEE:  Good morning.\n\n"
        "Welcome to today's press briefing on the Regional Outlook, and our new report titled Recovery\n\n"
        "But before I turn to Tom, a reminder that we have interpretation in French.\n\n"
        "MR. REED:  Thank you. Growth will reach 4 percent.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.label for t in briefing.turns] == ["MR. LEE", "MR. REED"]


def test_site_words_with_a_number_are_no_labels() -> None:
    text = "Category:\n\nDocuments\n\nPage 1: Virtual press conference - 20 April, 2020\n\nMR. LEE:  Good morning, everyone.\n"
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.label for t in briefing.turns] == ["MR. LEE"]


def test_a_shot_list_of_numbered_soundbites_and_bracketed_labels() -> None:
    text = (
        "Lakeshire - 27 February 2017\n"
        "1. SOUNDBITE: (English) Ann Lee, Council Press Secretary:\n"
        "\"The council approved the harbour plan today, and work starts in May.\"\n"
        "2. SOUNDBITE: (English) Ann Lee, Council Press Secretary:\n"
        "(Reporter question off camera): \"Will the harbour close while the works go on?\"\n"
        "(Ann Lee): \"No. It stays open, and 3 new berths open in June.\"\n"
        "3. SOUNDBITE: (English) Ann Lee, Council Press Secretary:\n"
        "\"That is all for today.\"\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.speaker, t.role) for t in briefing.turns] == [
        ("Ann Lee", "host"), ("Ann Lee", "host"), ("Reporter question off camera", "journalist"), ("Ann Lee", "host"), ("Ann Lee", "host")
    ]
    assert [e.question_turns for e in briefing.exchanges] == [[2]]
    assert briefing.date == "2017-02-27"


def test_an_unlabelled_page_of_questions_and_answers_is_split_by_who_asks() -> None:
    text = (
        "Transcript of the questions and answers from the press conference\n\n"
        "Does this mean that a further rate rise is now more likely? Was that the Board's view?\n\n"
        "None of the members ruled anything out today. We keep all options open.\n\n"
        "Yes, we had two other scenarios, with slower growth abroad and higher prices at home.\n\n"
        "I'd like to ask about the new government's plans, which add spending of 2 percent of output.\n\n"
        "As for the plans, we are still analysing them.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.start, t.role) for t in briefing.turns] == [
        (text.index("Does this"), "journalist"), (text.index("None of"), "official"),
        (text.index("I'd like"), "journalist"), (text.index("As for"), "official"),
    ]
    assert len(briefing.exchanges) == 2
    assert [w.kind for w in briefing.warnings] == ["structure"]


def test_unlabelled_prose_that_asks_is_still_one_turn_where_the_page_announces_no_questions() -> None:
    text = "Statement\n\nWhat does the year hold? Growth of 3 percent, we expect.\n\nAnd prices will rise 2 percent.\n"
    assert len(podium.parse(text, stages=["structure.v1"]).turns) == 1


def test_names_in_square_brackets_alone_on_their_lines_label_where_they_take_turns() -> None:
    text = (
        "Harbour Board Press Conference\n"
        "00:00 Welcome\n"
        "04:10 Budget: the new berths\n"
        "[ANN LEE]\n"
        "Good morning. I'm Ann Lee, the board's press secretary. The chair will speak first.\n"
        "[TOM ROE]\n"
        "Thank you, Ann. The board approved 3 new berths today [inaudible] and work starts in May.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.start, t.label) for t in briefing.turns] == [(text.index("[ANN"), "ANN LEE"), (text.index("[TOM"), "TOM ROE")]
    assert briefing.turns[1].text.startswith("Thank you, Ann.")
    one = "Report\n\n[Applause]\n\nThe board approved 3 new berths today, and work starts in May of next year.\n"
    assert [t.label for t in podium.parse(one, stages=["structure.v1"]).turns] == [None]


def test_names_in_capitals_after_a_dash_with_accents() -> None:
    text = (
        "Versión estenográfica\n\n"
        "– JOSÉ ÁLVAREZ: A continuación, invitamos a la secretaria para que nos dirija unas palabras.\n\n"
        "– MARÍA PÉREZ ÍÑIGUEZ: Muy buenas noches a todos. Muchas gracias por la invitación.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.start, t.label) for t in briefing.turns] == [
        (text.index("JOSÉ"), "JOSÉ ÁLVAREZ"), (text.index("MARÍA"), "MARÍA PÉREZ ÍÑIGUEZ")
    ]
    assert briefing.warnings == []


def test_a_capitalised_heading_and_a_sites_note_before_the_first_label_are_no_speech() -> None:
    text = (
        "Harbour Department\n"
        "Office of the Assistant Secretary of the Harbour Board (Public Affairs)\n\n"
        "This is a provisional translation by an external company for reference purpose only.\n\n"
        "ANN LEE: Good afternoon. The board approved 3 new berths today, and work starts in May.\n\n"
        "Q: When will they open?\n\n"
        "MS. LEE: In June.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.label for t in briefing.turns] == ["ANN LEE", "Q", "MS. LEE"]
    spoken = "Harbour Department\n\nThe board met this morning and approved 3 new berths, said the chair today.\n\nANN LEE: Thank you.\n"
    assert [t.label for t in podium.parse(spoken, stages=["structure.v1"]).turns] == [None, "ANN LEE"]


def test_a_family_name_behind_an_honorific_or_office_is_the_speaker_labelled_in_full() -> None:
    text = (
        "Press Briefing by Harbour Board Press Secretary Ann Lee\n\n"
        "ANN LEE: Good afternoon. I'll take your questions.\n\n"
        "Q: How many berths will open?\n\n"
        "MS. LEE: Three, in June.\n\n"
        "Q: And the cost?\n\n"
        "Press Secretary Lee: About 4 million dollars.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.speaker, t.role) for t in briefing.turns] == [
        ("ANN LEE", "host"), (None, "journalist"), ("ANN LEE", "host"), (None, "journalist"), ("ANN LEE", "host")
    ]
    assert len(briefing.exchanges) == 2
    host = next(p for p in briefing.participants if p.name == "ANN LEE")
    assert set(host.aliases) >= {"MS. LEE"}


def test_an_unlabelled_opening_that_introduces_its_speaker_is_theirs() -> None:
    text = (
        "Harbour Board Press Conference\n\n"
        "I'm Ann Lee, the Harbour Board's Press Secretary, and thank you for joining us. The chair will speak first.\n\n"
        "MR ROE: Thank you, Ann. The board approved 3 new berths today.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [(t.speaker, t.role) for t in briefing.turns] == [("Ann Lee", "host"), ("MR ROE", "official")]


def test_a_master_of_ceremonies_who_hands_over_in_spanish_runs_the_event() -> None:
    text = (
        "– JOSÉ ÁLVAREZ: A continuación, vamos a invitar a la secretaria para que nos dirija unas palabras.\n\n"
        "– MARÍA PÉREZ: Muy buenas noches a todos. Muchas gracias por la invitación. El puerto tendrá 3 muelles nuevos.\n"
    )
    briefing = podium.parse(text, stages=["structure.v1"])
    assert [t.role for t in briefing.turns] == ["host", "official"]
