"""Numbers and dates in text, as comparable values: the number side of :mod:`summarize.text.facts`.

Why hand-written rules rather than a library: ``text2num``/``word2number`` parse a number phrase
you already found but do not find them in running text, and ``dateparser.search`` is slow (tens of
milliseconds a sentence) and reads a bare number as a date. The checker runs on every output
sentence, so it needs one regular-expression pass that finds digits of any script (``46``, ``۴۶``,
``٤٦``, ``४६`` are one value), grouping marks of several conventions (``1,200`` / ``1.200`` are both
kept as candidates where the convention is unknown), scale words (``1.2bn``, ``1.2 billion``,
``12 lakh``, ``۳ ارب``), currencies and percentages, English number words (``forty-six``), and dates
(``Feb. 8, 2024``, ``8 February 2024``, ``2024-02-08``, ``February 2024``, weekdays).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache


def _words(text: str) -> list[str]:
    """A word list written as one string (easier to read and edit than a list of literals)."""
    return text.split()


# --- digits and number words -----------------------------------------------------------------

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
_UNITS += " seventeen eighteen nineteen"
UNITS = {w: i for i, w in enumerate(_UNITS.split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate(_words("twenty thirty forty fifty sixty seventy eighty ninety"))}
ORDINALS = {
    w: i + 3
    for i, w in enumerate(
        _words(
            "third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
            "sixteenth seventeenth eighteenth nineteenth"
        )
    )
}
ORDINALS.update({w.replace("y", "ieth"): v for w, v in TENS.items()})
WORD_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "dozen": 12}
# Scale words after digits, in the languages we meet most (Urdu news writes lakh/crore/arab).
SCALES = {
    "thousand": 3, "k": 3, "ہزار": 3, "hazar": 3, "mil": 3, "tausend": 3,
    "lakh": 5, "lakhs": 5, "lac": 5, "لاکھ": 5,
    "million": 6, "millions": 6, "mn": 6, "mln": 6, "m": 6, "ملین": 6, "millionen": 6, "millones": 6,
    "milioni": 6, "milhões": 6, "miljoen": 6, "miljon": 6, "mio": 6,
    "crore": 7, "crores": 7, "کروڑ": 7,
    "billion": 9, "billions": 9, "bn": 9, "b": 9, "ارب": 9, "بلین": 9, "milliard": 9, "milliards": 9,
    "milliarden": 9, "mrd": 9,
    "trillion": 12, "tn": 12, "کھرب": 11,
}  # fmt: skip
CURRENCY_PREFIX = {
    "us$": "$", "a$": "$", "c$": "$", "$": "$", "£": "£", "€": "€", "¥": "¥", "₹": "rupee", "₨": "rupee",
    "rs": "rupee", "rs.": "rupee", "pkr": "rupee", "inr": "rupee", "usd": "$", "eur": "€", "gbp": "£",
}  # fmt: skip
CURRENCY_WORDS = {
    "dollar": "$", "dollars": "$", "pound": "£", "pounds": "£", "euro": "€", "euros": "€", "yen": "¥",
    "rupee": "rupee", "rupees": "rupee", "روپے": "rupee", "روپیہ": "rupee", "ڈالر": "$",
}  # fmt: skip
PERCENT = ("%", "٪", "percent", "per cent", "pc", "percentage points", "فیصد", "prozent", "por ciento", "pour cent")

_SCALE_ALT = "|".join(sorted((re.escape(s) for s in SCALES), key=len, reverse=True))
_UNIT_ALT = "|".join(sorted((re.escape(s) for s in (*CURRENCY_WORDS, *PERCENT)), key=len, reverse=True))
_CUR_ALT = "|".join(sorted((re.escape(s) for s in CURRENCY_PREFIX), key=len, reverse=True))
# Marks inside a number: commas, points, Arabic decimal and thousands separators, thin spaces, and Urdu's
# full stop "۔", which Urdu writes as a decimal point between digits ("6۔5", FLORES' magnitude 6.5).
_GROUP = ",.\u066b\u066c\u06d4\u00a0\u202f\u2009"
# Not inside a word ("Q3", "A380"), but right after an Arabic-script letter, where Urdu text often loses the
# space before a number ("1977 تا1981", "کر7 وکٹیں" in FLORES' reference translations).
_ARABIC_LETTER = "\u0600-\u065f\u066e-\u06ef\u06fa-\u06ff"
_NUMBER = re.compile(
    rf"(?:(?<!\w)(?P<cur>{_CUR_ALT})\s?|(?<!\w)|(?<=[{_ARABIC_LETTER}]))(?P<num>\d+(?:[{_GROUP}]\d+)*)"
    r"(?P<ord>st|nd|rd|th)?"
    rf"(?:[\s-]?(?P<scale>{_SCALE_ALT})(?![^\W\d_]))?"
    rf"(?:\s?(?P<unit>{_UNIT_ALT})(?![^\W\d_]))?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_TIME = re.compile(r"(?<![\d:.,])\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?(?![\d:])")
# A clock time with a point, as British English writes it before "GMT" or "pm" ("12.00 GMT", "3.30pm"):
# the time "12:00" (FLORES' Urdu reference writes it so), not the number 12.
_DOT_TIME = re.compile(
    r"(?<![\d:.,])(\d{1,2})\.([0-5]\d)(?=\s?(?:[ap]\.?m\b|(?-i:GMT|BST|UTC|CET|[ECMP][SD]?T)\b|hrs\b|local time))",
    re.I,
)
_NUMBER_WORDS = set(UNITS) | set(TENS) | set(ORDINALS) | set(WORD_SCALES) | {"and", "a"}


def ascii_digits(text: str) -> str:
    """Digits of every script as ASCII, one character for one, so offsets stay valid."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and unicodedata.decimal(ch, None) is not None else ch
        for ch in text
    )


def canon(value: Decimal) -> str:
    """A value's one spelling: ``1.20E+3`` -> ``1200``, ``1.50`` -> ``1.5``."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def digit_values(digits: str, lang: str = "en") -> list[Decimal]:
    """Candidate values of a digit string, the most likely first.

    ``1,200`` and ``1.200`` are 1200 (thousands) or 1.2 (a decimal comma or point): which one depends
    on the writer's convention, so both are kept when one mark is followed by exactly three digits.
    """
    digits = ascii_digits(digits).replace("\u066b", "d").replace("\u06d4", "d").replace("\u066c", "g")
    for space in "\u00a0\u202f\u2009":
        digits = digits.replace(space, "g")
    marks = [c for c in digits if not c.isdigit()]
    if "d" in marks:  # Arabic decimal separator (or Urdu's "۔" between digits): unambiguous
        return [_dec(digits.replace("g", "").replace(",", "").replace(".", "").replace("d", "."))]
    kinds = list(dict.fromkeys(m for m in marks if m != "g"))
    plain = digits.replace("g", "")
    if not kinds:
        return [_dec(plain)]
    if len(kinds) == 2:  # 1,234.5 or 1.234,5: the last mark is the decimal one
        group, point = kinds
        return [_dec(plain.replace(group, "").replace(point, "."))]
    mark = kinds[0]
    groups = plain.split(mark)
    thousands = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
    as_thousands = _dec(plain.replace(mark, ""))
    if len(groups) > 2:
        return [as_thousands] if thousands else [_dec(groups[0])]
    as_decimal = _dec(plain.replace(mark, "."))
    if not thousands:
        return [as_decimal]
    comma_decimal = lang.split("-")[0] in COMMA_DECIMAL
    prefer_thousands = (mark == ",") != comma_decimal
    return [as_thousands, as_decimal] if prefer_thousands else [as_decimal, as_thousands]


COMMA_DECIMAL = frozenset(_words("de fr es it pt nl ru pl tr sv da no nb fi cs sk hu ro id vi uk bg hr sl el"))


_SPACE_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def _dec(text: str) -> Decimal:
    try:
        return Decimal(text or "0")
    except InvalidOperation:
        return Decimal(0)


def words_value(words: list[str]) -> tuple[Decimal, bool] | None:
    """Value of an English number-word phrase (``forty-six``, ``two hundred and five thousand``) and
    whether it is an ordinal; None when the words do not make one number."""
    total, current, seen, ordinal = 0, 0, False, False
    parts = [p for w in words for p in w.lower().split("-")]
    for i, word in enumerate(parts):
        if word in UNITS or word in TENS or word in ORDINALS:
            current += UNITS.get(word, TENS.get(word, ORDINALS.get(word, 0)))
            ordinal, seen = word in ORDINALS, True
        elif word == "hundred":
            current, seen = (current or 1) * 100, True
        elif word in WORD_SCALES:
            total, current, seen = total + (current or 1) * WORD_SCALES[word], 0, True
        elif word == "a" and i + 1 < len(parts) and parts[i + 1] in WORD_SCALES:
            current = 1
        elif word != "and":
            return None
    return (Decimal(total + current), ordinal) if seen else None


# --- quantities ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """A number as written: its span, candidate values (canonical strings) and unit.

    ``unit`` is a currency sign (``$``, ``£``, ``€``, ``¥``, ``rupee``), ``%``, ``time`` (``15:30``) or None; ``year``
    marks a bare four-digit number from 1000 to 2099 (a date fact rather than a count).
    """

    start: int
    end: int
    text: str
    values: tuple[str, ...]
    unit: str | None = None
    year: bool = False


def _unit(cur: str | None, unit: str | None) -> str | None:
    if cur:
        return CURRENCY_PREFIX.get(cur.lower())
    if unit:
        low = unit.lower()
        return CURRENCY_WORDS.get(low, "%")
    return None


def find_quantities(text: str, lang: str = "en") -> list[Quantity]:
    """Every number of ``text``: digits (any script) with scale and unit, and English number words.

    A lone ``one`` or ``a`` is no number fact (``one of them``, ``no one``); ``first`` and ``second``
    are not counted either (``a second look``).
    """
    flat = ascii_digits(text)
    if lang.split("-")[0] in COMMA_DECIMAL:
        # "1 200" groups thousands with a plain space in these languages (one character for one: offsets hold).
        flat = _SPACE_GROUP.sub("\u00a0", flat)
    # A clock or lap time ("15:30", "1:35.782") is one value of its own: its 30 is no count of anything.
    out = [Quantity(m.start(), m.end(), text[m.start() : m.end()], (m.group(0),), "time") for m in _TIME.finditer(flat)]
    out += [
        Quantity(m.start(), m.end(), text[m.start() : m.end()], (f"{m.group(1)}:{m.group(2)}",), "time")
        for m in _DOT_TIME.finditer(flat)
    ]
    times = [(q.start, q.end) for q in out]
    for m in _NUMBER.finditer(flat):
        if any(a <= m.start() < b for a, b in times):
            continue
        scale = (m.group("scale") or "").lower()
        cur, unit = m.group("cur"), m.group("unit")
        if scale in {"m", "b"} and not cur and not (unit and unit.lower() in CURRENCY_WORDS):
            scale = ""  # 5m is five metres unless it is money
        exp = SCALES.get(scale, 0)
        values = tuple(dict.fromkeys(canon(v.scaleb(exp)) for v in digit_values(m.group("num"), lang)))
        kind = _unit(cur, unit)
        num = m.group("num")
        year = num.isdigit() and len(num) == 4 and 1000 <= int(num) <= 2099 and not (kind or exp or m.group("ord"))
        end = m.end() if (exp or kind) else m.end("num") + len(m.group("ord") or "")
        out.append(Quantity(m.start(), end, text[m.start() : end], values, kind, year))
    out.extend(_word_quantities(text, out))
    return sorted(out, key=lambda q: q.start)


# Fractions written in words ("two-thirds"): their denominators.
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
FRACTIONS |= {w + s: ORDINALS[w] for w in _words("fifth sixth seventh eighth ninth tenth") for s in ("", "s")}
_LONE = frozenset(_words("one a hundred thousand dozen"))


def _compound(match: re.Match[str]) -> Quantity | None:
    """The number leading a hyphenated compound: ``six-year-old`` (6), ``five-time`` (5), ``two-thirds``
    (0.667, a fraction); None when the word does not start with a cardinal."""
    parts = match.group(0).lower().split("-")
    if len(parts) == 2 and parts[0] in UNITS and parts[1] in FRACTIONS and UNITS[parts[0]] > 0:
        value = (Decimal(UNITS[parts[0]]) / FRACTIONS[parts[1]]).quantize(Decimal("0.001"))
        return Quantity(match.start(), match.end(), match.group(0), (canon(value),), None)
    lead = 0
    while lead < len(parts) and (parts[lead] in UNITS or parts[lead] in TENS or parts[lead] in WORD_SCALES):
        lead += 1
    # "twenty-first-century" is an ordinal's compound, "one-off" and "one-time" no count.
    if lead == 0 or lead == len(parts) or parts[lead] in ORDINALS or parts[lead] in {"first", "second"}:
        return None
    got = words_value(parts[:lead])
    if got is None or (lead == 1 and parts[0] in _LONE):
        return None
    end = match.start() + len("-".join(parts[:lead]))
    return Quantity(match.start(), end, match.group(0)[: end - match.start()], (canon(got[0]),), None)


def _word_quantities(text: str, taken: list[Quantity]) -> list[Quantity]:
    busy = [(q.start, q.end) for q in taken]
    words: list[re.Match[str]] = []
    out: list[Quantity] = []
    for w in _WORD.finditer(text):
        parts = w.group(0).lower().split("-")
        if all(p in _NUMBER_WORDS for p in parts) and not (len(parts) == 2 and parts[1] in FRACTIONS):
            words.append(w)
        elif (compound := _compound(w)) is not None:
            out.append(compound)
    run: list[re.Match[str]] = []

    def flush() -> None:
        while run and run[-1].group(0).lower() in {"and", "a"}:
            run.pop()
        while run and run[0].group(0).lower() == "and":
            run.pop(0)
        if not run:
            return
        names = [w.group(0) for w in run]
        got = words_value(names)
        lone = len(names) == 1 and names[0].lower() in {"one", "a", "hundred", "thousand", "dozen"}
        if got is None or lone or any(s <= run[0].start() < e for s, e in busy):
            run.clear()
            return
        value, _ordinal = got
        start, end = run[0].start(), run[-1].end()
        tail = re.match(rf"\s?({_UNIT_ALT})(?![^\W\d_])", text[end:], re.IGNORECASE)
        kind = _unit(None, tail.group(1)) if tail else None
        end += tail.end() if tail else 0
        out.append(Quantity(start, end, text[start:end], (canon(value),), kind))
        run.clear()

    for w in words:
        if run and not text[run[-1].end() : w.start()].isspace():
            flush()
        run.append(w)
    flush()
    return out


# --- dates -----------------------------------------------------------------------------------

MONTHS = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ur": "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر",
}
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
}
MONTH_ABBREVIATIONS.update({"nov": 11, "dec": 12})
WEEKDAYS = {w: i for i, w in enumerate(_words("monday tuesday wednesday thursday friday saturday sunday"))}


@dataclass(frozen=True)
class DateMention:
    """A date as written: any of year, month, day, weekday may be missing (None)."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None

    @property
    def value(self) -> str:
        """``2024-02-08``, ``2024-02``, ``--02-08`` (no year), ``2024``, or ``weekday:0`` (Monday)."""
        if self.weekday is not None and self.month is None and self.year is None:
            return f"weekday:{self.weekday}"
        year = f"{self.year:04d}" if self.year else "-"
        parts = [year] + [f"{v:02d}" for v in (self.month, self.day) if v is not None]
        return "-".join(parts)


def _month_table(lang: str) -> dict[str, int]:
    table = {w: i + 1 for i, w in enumerate(MONTHS["en"].split())}
    table.update({w: i + 1 for i, w in enumerate(MONTHS.get(lang.split("-")[0], "").split())})
    return table


def _date_regex(lang: str) -> re.Pattern[str]:
    names = sorted([*_month_table(lang), *MONTH_ABBREVIATIONS], key=len, reverse=True)
    month = rf"(?P<{{g}}>{'|'.join(map(re.escape, names))})\.?"
    day = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<{g}>[12]\d{{3}})"
    return re.compile(
        rf"(?<!\d)(?P<iy>[12]\d{{3}})-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)(?!\d)"
        rf"|(?<![\w])(?:{month.format(g='m1')}\s+{day.format(g='d1')}(?!\d)(?:,?\s+{year.format(g='y1')})?"
        rf"|{day.format(g='d2')}\s+(?:of\s+)?{month.format(g='m2')}(?:,?\s+{year.format(g='y2')})?"
        rf"|{month.format(g='m3')},?\s+{year.format(g='y3')}"
        rf"|{month.format(g='m4')})(?![\w])",
        re.IGNORECASE,
    )


_DATE_RE: dict[str, re.Pattern[str]] = {}
# Languages that write their month names in lower case ("en septiembre", "en mars"; German capitalises).
_LOWER_CASE_MONTHS = {lang: frozenset(MONTHS[lang].split()) for lang in ("fr", "es")}
# "May" alone is a month after these words ("in May", "since May"), else the verb.
_MONTH_CUE = re.compile(
    r"\b(?:in|since|until|till|by|from|of|early|late|mid|last|next|this|during|before|after)\s+$", re.I
)
_WEEKDAY = re.compile(r"\b(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")s?\b")


@cache
def _spelled_out_words(key: str) -> frozenset[str]:
    words = set(MONTHS["en"].split()) | set(MONTHS.get(key, "").split())
    if key == "en":
        words |= {*UNITS, *TENS, *WORD_SCALES} - {"one", "a", "and"}
    return frozenset(words)


_LETTERS = re.compile(r"[^\W\d_]+")


def may_spell_out(text: str, lang: str) -> bool:
    """Whether ``text`` holds a month name (English or ``lang``'s) or an English cardinal number word:
    without one it holds no month :func:`find_dates` reads from a word and no cardinal
    :func:`find_quantities` reads from words, so a caller that wants only those can skip the readers
    (ordinals and hyphenated compounds are not looked for)."""
    words = _spelled_out_words(lang.split("-")[0].lower())
    return not words.isdisjoint(_LETTERS.findall(text.lower()))


def find_dates(text: str, lang: str = "en") -> list[DateMention]:
    """Dates with a month name (capitalised in Latin script), ISO dates and weekdays.

    A month name alone counts only when written in full, and ``May`` alone only after a word like
    "in" or "since" (else it is the verb); ``March`` at a sentence start is still a month here.
    """
    key = lang.split("-")[0]
    regex = _DATE_RE.get(key) or _DATE_RE.setdefault(key, _date_regex(key))
    flat = ascii_digits(text)
    months = _month_table(key)
    out: list[DateMention] = []
    for m in regex.finditer(flat):
        if m.group("iy"):
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                out.append(DateMention(m.start(), m.end(), text[m.start() : m.end()], y, mo, d))
            continue
        slot = next(i for i in "1234" if m.group(f"m{i}"))
        name = m.group(f"m{slot}")
        low = name.lower()
        if name.isascii() and name[0].islower() and low not in _LOWER_CASE_MONTHS.get(key, ()):
            continue  # "march", "may": verbs; English month names are capitalised ("septiembre" is not)
        mo = months.get(low) or MONTH_ABBREVIATIONS.get(low)
        if mo is None or (
            slot == "4" and (low in MONTH_ABBREVIATIONS or (low == "may" and not _MONTH_CUE.search(flat[: m.start()])))
        ):
            continue
        d = m.groupdict().get(f"d{slot}")
        y = m.groupdict().get(f"y{slot}")
        if d is not None and not 1 <= int(d) <= 31:
            continue
        span = text[m.start() : m.end()]
        out.append(DateMention(m.start(), m.end(), span, int(y) if y else None, mo, int(d) if d else None))
    for w in _WEEKDAY.finditer(text):
        if not any(d.start <= w.start() < d.end for d in out):
            out.append(DateMention(w.start(), w.end(), w.group(0), weekday=WEEKDAYS[w.group(1).lower()]))
    return sorted(out, key=lambda d: d.start)
