"""Plain text in any common encoding."""

from __future__ import annotations

import codecs

from podium.errors import PodiumError
from podium.read.document import Document

FORMAT = "text"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_LONGEST_SEQUENCE = 4  # bytes in the longest UTF-8 (or UTF-16 pair) sequence
REPLACEMENT_UTF8 = "\ufffd".encode("utf-8")  # a U+FFFD the file itself holds is no repair
_UTF8_LEADS = range(0xC2, 0xF5)  # the bytes that open a multi-byte UTF-8 character
_UTF8_MAJORITY = 20  # multi-byte characters per flaw for a file to be read as flawed UTF-8
_GB_FAMILY = frozenset({"gb18030", "gbk", "gb2312", "hz"})
_CHAOS_TIE = 0.01  # charset-normalizer's mess ratio; guesses this close are equally clean

# Control characters other than tab, newline, carriage return and form feed mark binary data.
_CONTROL_BYTES = bytes(sorted(frozenset(range(0, 32)) - {9, 10, 12, 13}))


def sniff(decoded: str, suffix: str) -> bool:
    return True


def read(decoded: str, name: str) -> Document:
    return Document(text=decoded, source=name, format=FORMAT)


def decode(raw: bytes, *, name: str) -> tuple[str, str, list[str]]:
    """Bytes to (str, encoding, repairs): a BOM decides, then UTF-8 (strict, or with a few flaws
    made U+FFFD where the rest is plainly UTF-8), then charset-normalizer. `repairs` says in words
    what reading had to change, for the briefing's warnings."""
    encoding, text, repairs = _detect_and_decode(raw)
    if encoding is None:
        raise PodiumError("E002", "binary data, no text encoding fits", name)
    if text is None:
        text, repairs = _decode_allowing_a_cut_tail(raw, encoding, name=name)
    if _looks_binary(text):
        raise PodiumError("E002", "binary data (control characters)", name)
    return text, encoding, repairs


def _detect_and_decode(raw: bytes) -> tuple[str | None, str | None, list[str]]:
    """The encoding, the text as well where testing the encoding decoded all of it (a transcript
    is decoded once, not once to test and again to keep), and any repairs made."""
    for bom, marked in _BOMS:
        if raw.startswith(bom):
            return marked, None, []
    if b"\x00" not in raw[:4096]:
        try:
            return "utf-8", raw.decode("utf-8"), []
        except UnicodeDecodeError as exc:
            if _cut_tail(exc, raw):
                return "utf-8", None, []
            replaced = raw.decode("utf-8", "replace")
            flaws = replaced.count("\ufffd") - raw.count(REPLACEMENT_UTF8)
            if _mostly_utf8(raw, flaws):
                first = len(raw[: exc.start].decode("utf-8"))
                return "utf-8", replaced, [
                    f"{flaws:,} run(s) of bytes that are not valid UTF-8 became U+FFFD, the first at character {first:,}"
                ]
    sample = raw[: 256 * 1024]
    encoding = "cp1252" if _isolated_high_bytes(sample) else _best_guess(sample)
    if encoding is None:
        return None, None, []
    try:
        return encoding, raw.decode(encoding), []
    except (UnicodeDecodeError, LookupError) as exc:
        # The sample fit but the whole does not; GB18030 is a superset worth one more try.
        where = f" at byte {exc.start:,}" if isinstance(exc, UnicodeDecodeError) else ""
        for fallback in ("gb18030", "cp1252", "latin-1"):
            try:
                text = raw.decode(fallback)
            except UnicodeDecodeError:
                continue
            note = f"the encoding guessed from its start ({encoding}) fails{where}; read as {fallback}, which may garble some characters"
            return fallback, text, [note]
        return None, None, []


def _mostly_utf8(raw: bytes, flaws: int) -> bool:
    """UTF-8 but for a few flaws: its multi-byte characters far outnumber the runs of bytes that
    break the rules. A Western single-byte file breaks them at nearly every accented letter, so it
    goes on to the encoding guess instead."""
    leads = sum(raw.count(bytes([byte])) for byte in _UTF8_LEADS)
    return 0 < flaws and leads >= _UTF8_MAJORITY * flaws


def _cut_tail(exc: UnicodeDecodeError, raw: bytes) -> bool:
    """The only flaw is a character cut off at the very end: a file truncated while saving."""
    return exc.start >= len(raw) - _LONGEST_SEQUENCE and exc.end >= len(raw)


def _decode_allowing_a_cut_tail(raw: bytes, encoding: str, *, name: str) -> tuple[str, list[str]]:
    """Decode; a character cut off at the end becomes U+FFFD, so the truncation stays visible
    and every offset before it is unchanged; the repair is said."""
    try:
        return raw.decode(encoding), []
    except UnicodeDecodeError as exc:
        if _cut_tail(exc, raw):
            head = raw[: exc.start].decode(encoding)
            cut = len(raw) - exc.start
            note = f"it ends inside a character (cut off while saving?): its last {cut} byte(s) became U+FFFD at character {len(head):,}"
            return head + "\ufffd", [note]
        raise PodiumError("E002", f"not valid {encoding} at byte {exc.start:,}", name) from None


def _isolated_high_bytes(sample: bytes) -> bool:
    """Most bytes over 0x7F stand alone between ASCII bytes: an accented letter or a curly quote
    in a Western single-byte text. In the double-byte Chinese encodings they come in pairs, so this
    tells the two apart where a statistical guess on a short sample cannot."""
    high = [i for i, byte in enumerate(sample) if byte > 0x7F]
    if not high:
        return False
    last = len(sample) - 1
    alone = sum(
        1 for i in high if (i == 0 or sample[i - 1] < 0x80) and (i == last or sample[i + 1] < 0x80)
    )
    return alone / len(high) > 0.5


def _best_guess(sample: bytes) -> str | None:
    """charset-normalizer's choice, except that among equally clean guesses GB18030 wins: on a
    short sample GB18030 and CP949 often decode without a flaw, and the briefings are Chinese.
    Imported here: only a file that is not UTF-8 and has no BOM needs it."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if not matches:
        return None
    cleanest = min(match.chaos for match in matches)
    tied = [match.encoding for match in matches if match.chaos <= cleanest + _CHAOS_TIE]
    for encoding in tied:
        if encoding in _GB_FAMILY:
            return "gb18030"
    return matches[0].encoding


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    # UTF-8 writes a control character as that one byte and never uses bytes under 0x80 inside
    # another character, so the bytes `translate` deletes are the control characters, counted in C.
    encoded = sample.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, delete=_CONTROL_BYTES))
    return controls / len(sample) > 0.01
