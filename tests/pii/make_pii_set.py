#!/usr/bin/env python3
"""Generate the PII-detector evaluation set ``tests/pii/pii-set.jsonl``.

What it generates
-----------------
One JSON object per line::

    {"id": "pii-00001", "text": "...",
     "entities": [{"type": "email", "value": "...", "start": 12, "end": 40}],
     "negatives": ["order #123456789", ...]}          # only when present

* ``start``/``end`` are BYTE offsets into ``text.encode("utf-8")``.
* Entity types: email, phone, credit_card, iban, ip_address, url, person,
  street_address.
* Items built from the "negative" templates have ``"entities": []`` and only
  contain hard negatives (order numbers, ISBNs, dates, times, versions,
  hashes, Luhn-invalid card-like numbers, prices, quantities, years, file
  names, capitalised non-names, SKUs, postcodes alone, BICs).  Positive items
  may carry hard negatives too; ``negatives`` lists every negative string that
  was inserted (for reporting only).

Labels come from construction, not from any detector: each text is assembled
from a template whose ``${slot}`` placeholders are filled by the generators
below, and the byte span of each labelled slot value is recorded while the text
is built.  ``$[text]`` marks literal template text that is a hard negative.
Card numbers are Luhn-valid with real issuer prefixes, IBANs have correct
ISO 13616 mod-97 check digits (plus the national check digits for FR, ES, BE
and IT), "bad" card numbers are Luhn-invalid, ISBNs have correct check digits.

Deterministic: everything is drawn from ``random.Random(2026)``; standard
library only.  Run from the repository root::

    python3 tests/pii/make_pii_set.py
"""

from __future__ import annotations

import ipaddress
import json
import random
import re
import string
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

SEED = 2026
OUT_PATH = Path(__file__).resolve().parent / "pii-set.jsonl"

ENTITY_TYPES = ("email", "phone", "credit_card", "iban", "ip_address", "url",
                "person", "street_address")

POSITIVE_REPS = 7   # items rendered per positive template
NEGATIVE_REPS = 6   # items rendered per negative-only template


@dataclass
class Fill:
    """What a slot produced: a value, its label (entity type) or negative kind,
    and optional unlabelled text that follows it (e.g. ", 75001 Paris")."""
    value: str
    label: str | None = None
    neg: str | None = None
    tail: str = ""


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def upper(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


# ---------------------------------------------------------------------------
# Checksums
# ---------------------------------------------------------------------------

def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def luhn_check_digit(partial: str) -> str:
    for d in string.digits:
        if luhn_ok(partial + d):
            return d
    raise AssertionError("unreachable")


def iban_int(s: str) -> int:
    # int(c, 36): '0'..'9' -> 0..9, 'A'..'Z' -> 10..35
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    return iban_int(s[4:] + s[:4]) % 97 == 1


def make_iban(cc: str, bban: str) -> str:
    check = 98 - iban_int(bban + cc + "00") % 97
    return f"{cc}{check:02d}{bban}"


def isbn13_check(first12: str) -> str:
    s = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(first12))
    return str((10 - s % 10) % 10)


def isbn10_check(first9: str) -> str:
    s = sum((10 - i) * int(d) for i, d in enumerate(first9))
    c = (11 - s % 11) % 11
    return "X" if c == 10 else str(c)


# Italian CIN (control letter of the BBAN): odd/even position tables.
_CIN_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12,
            14, 16, 10, 22, 25, 24, 23]


def italian_cin(abi_cab_account: str) -> str:
    total = 0
    for i, ch in enumerate(abi_cab_account):
        idx = int(ch) if ch.isdigit() else ord(ch) - ord("A")
        total += _CIN_ODD[idx] if i % 2 == 0 else idx
    return chr(ord("A") + total % 26)


def self_test() -> None:
    assert luhn_ok("4111111111111111") and luhn_ok("378282246310005")
    assert not luhn_ok("4111111111111112")
    assert iban_ok("DE89 3704 0044 0532 0130 00")
    assert iban_ok("GB82 WEST 1234 5698 7654 32")
    assert iban_ok("FR14 2004 1010 0505 0001 3M02 606")
    assert iban_ok("IT60 X054 2811 1010 0000 0123 456")
    assert make_iban("DE", "370400440532013000") == "DE89370400440532013000"
    assert isbn13_check("978316148410") == "0"
    assert isbn10_check("030640615") == "2"
    assert italian_cin("0542811101000000123456") == "X"


# ---------------------------------------------------------------------------
# Persons
# ---------------------------------------------------------------------------

# Names a name-list detector will know (incl. non-ASCII, particles, hyphens,
# apostrophes, and first names that double as English words).
COMMON_FIRST = [
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael",
    "Linda", "David", "Sarah", "Emma", "Oliver", "Sophie", "Lucas", "Mia",
    "Thomas", "Anna", "Daniel", "Laura", "Peter", "Maria", "Ahmed", "Fatima",
    "Wei", "Yuki", "Priya", "Raj", "Olga", "Ivan", "Aisha", "Carlos",
    "Lucía", "José", "Zoë", "Łukasz", "Søren", "Siobhán", "Björn", "François",
    "Chloé", "Jürgen", "Zoltán", "Małgorzata", "Ángela", "Jean-Luc",
    "Anne-Marie", "Hans-Peter", "Marie-Claire", "Will", "Mark", "Grace",
    "Rose", "Ngozi", "Chidi", "Mehmet", "Ayşe", "Noa", "Kenji",
]
COMMON_LAST = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
    "Davis", "Müller", "Schmidt", "Schneider", "Fischer", "Dubois", "Martin",
    "Bernard", "Rossi", "Russo", "García", "Fernández", "López", "Kowalski",
    "Nowak", "Jansen", "Patel", "Kumar", "Tanaka", "Sato", "Kim", "Nguyen",
    "Álvarez", "Wiśniewski", "Ødegaard", "Åström", "Dvořák", "Okonkwo",
    "Ní Bhriain", "O'Brien", "O'Connor", "D'Souza", "O'Sullivan",
    "Smith-Jones", "Garcia-Lopez", "van der Meer", "van den Berg",
    "de la Cruz", "von Hagen", "De Luca", "da Silva", "dos Santos", "Yılmaz",
    "Çelik", "Núñez", "Evans", "Turner", "Liu",
]
COMMON_FULL_EXTRA = [  # fixed pairs from the spec and a few non-Latin scripts
    "José Álvarez", "Zoë Müller", "Łukasz Wiśniewski", "Søren Ødegaard",
    "Ngozi Okonkwo", "Siobhán Ní Bhriain", "Björn Åström", "Pavel Dvořák",
    "Jean-Luc Martin", "Emma Smith-Jones", "Liam O'Brien", "Jan van der Meer",
    "Иван Петров", "王伟", "Νίκος Παπαδόπουλος",
]
# Rare or invented names: not in any ordinary name list.
RARE_FIRST = [
    "Tavren", "Ilsabet", "Quorin", "Maelis", "Vesska", "Thandriel", "Calyxa",
    "Brannoc", "Elowyn", "Kestrin", "Naevra", "Pellam", "Rhosyn", "Ulvar",
    "Wrenna", "Yevran", "Zalen", "Amarantha", "Corvina", "Dravik", "Esmelda",
    "Fennick", "Galvyn", "Hespera", "Lioran", "Mirevel", "Oskaryn",
    "Teodric", "Varenka", "Xandrine", "Ysolde", "Sørine", "Kaëlin", "Dúnya",
    "Ilvé", "Brìde", "Ćvetan", "Ásleif", "Oriane-Tess", "Jorvik-Ane",
]
RARE_LAST = [
    "Okafor-Blyth", "Qorvani", "Vantreese", "Maldrekova", "Ostrowyn",
    "Kelvedane", "Brasquelle", "Ilvaney", "Dunmarrow", "Quilleran",
    "Ashgrove-Tarn", "Veluzzi", "Thornquill", "Feldraith", "Korravin",
    "Marrowby", "Pennwhistle", "Haverleigh", "Drovač", "Kærnvik",
    "Vânturescu", "Brzęczarek", "Ødvaldsen", "O'Duvane", "van Doorsel",
    "de Maréchaux-Vill", "Okonkwo-Reyes", "Ferreira-Quist", "Zelitrová",
    "Ní Ghrealáin", "Yarrowmere", "Istvánfy",
]
RARE_PROB = 0.45
NAME_RARITY: dict[str, bool] = {}   # person value -> generated as rare?


def _record(value: str, rare: bool) -> str:
    NAME_RARITY[value] = rare
    return value


def gen_person(rng, ctx) -> Fill:
    """First + last name; ~45% rare/invented."""
    if rng.random() < RARE_PROB:
        first, last = rng.choice(RARE_FIRST), rng.choice(RARE_LAST)
        value = _record(f"{first} {last}", True)
    elif rng.random() < 0.25:
        value = _record(rng.choice(COMMON_FULL_EXTRA), False)
        first, _, last = value.partition(" ")
    else:
        first, last = rng.choice(COMMON_FIRST), rng.choice(COMMON_LAST)
        value = _record(f"{first} {last}", False)
    ctx["person_parts"] = (first, last)
    return Fill(value, "person")


def gen_first(rng, ctx) -> Fill:
    """Given name only."""
    rare = rng.random() < RARE_PROB
    first = rng.choice(RARE_FIRST if rare else COMMON_FIRST)
    ctx["person_parts"] = (first, None)
    return Fill(_record(first, rare), "person")


def gen_surname(rng, ctx) -> Fill:
    """Surname only (used after a title such as Mr./Ms./Dr., which is not in the span)."""
    rare = rng.random() < RARE_PROB
    last = rng.choice(RARE_LAST if rare else COMMON_LAST)
    ctx["person_parts"] = (None, last)
    return Fill(_record(last, rare), "person")


# ---------------------------------------------------------------------------
# Emails
# ---------------------------------------------------------------------------

_FOLD = {"ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "þ": "th",
         "œ": "oe", "ı": "i"}
EMAIL_DOMAINS = [
    "example.com", "example.org", "example.net", "mail.example.co.uk",
    "acme-corp.io", "uni-example.de", "post.example.fr", "gmail.com",
    "outlook.com", "proton.me", "web.de", "yahoo.co.jp", "company.example",
    "mx.example.com.br", "students.example.edu",
]


def ascii_fold(name: str | None) -> str:
    if not name:
        return ""
    s = "".join(_FOLD.get(c, c) for c in name.lower())
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9-]", "", s).strip("-")


def _email(rng, ctx, from_person: bool) -> Fill:
    parts = ctx.get("person_parts") if from_person else None
    first = last = ""
    if parts and rng.random() < 0.75:
        first, last = ascii_fold(parts[0]), ascii_fold(parts[1])
    first = first or ascii_fold(rng.choice(COMMON_FIRST + RARE_FIRST)) or "alex"
    last = last or ascii_fold(rng.choice(COMMON_LAST + RARE_LAST)) or "mail"
    n = rng.randint(1, 99)
    local = rng.choice([
        f"{first}.{last}", f"{first}.{last}", f"{first[0]}.{last}",
        f"{first[0]}{last}", f"{first}.{last}+{rng.choice(['news', 'work', 'shop', 'tax'])}",
        f"{first}_{last}{n}", f"{first}{n}", f"{last}.{first[0]}",
        rng.choice(["billing", "support", "hr", "info", "office"]),
    ])
    value = f"{local}@{rng.choice(EMAIL_DOMAINS)}"
    if rng.random() < 0.08:
        value = value[0].upper() + value[1:]
    return Fill(value, "email")


def gen_email(rng, ctx) -> Fill:
    """Email, usually derived from the last person named in the item."""
    return _email(rng, ctx, True)


def gen_email_any(rng, ctx) -> Fill:
    return _email(rng, ctx, False)


# ---------------------------------------------------------------------------
# Phones
# ---------------------------------------------------------------------------

US_AREA = ["212", "213", "305", "312", "415", "503", "617", "702", "713",
           "206", "303", "404"]


def phone_us(rng) -> str:
    a, line = rng.choice(US_AREA), f"01{digits(rng, 2)}"   # 555-01xx: fictional
    return rng.choice([
        f"+1-{a}-555-{line}", f"+1 {a} 555 {line}", f"({a}) 555-{line}",
        f"{a}-555-{line}", f"{a}.555.{line}", f"+1 ({a}) 555-{line}",
    ])


def phone_uk(rng) -> str:
    ldn, mob = f"7946 0{digits(rng, 3)}", f"7700 900{digits(rng, 3)}"   # Ofcom drama ranges
    return rng.choice([
        f"+44 20 {ldn}", f"0044 20 {ldn}", f"020 {ldn}", f"+44 {mob}",
        f"0{mob}", f"+44 (0)20 {ldn}",
    ])


def phone_de(rng) -> str:
    area = rng.choice(["30", "89", "40", "221", "69"])
    mob = rng.choice(["151", "160", "170", "176"])
    sub = digits(rng, rng.choice([7, 8]))
    msub = digits(rng, 8)
    return rng.choice([
        f"+49 {area} {sub}", f"0{area} {sub}", f"+49 (0){area} {sub}",
        f"0{mob} {msub}", f"+49 {mob} {msub}", f"0{area}/{sub}",
    ])


def phone_fr(rng) -> str:
    lead = rng.choice(["1", "4", "6", "7"])
    pairs = [digits(rng, 2) for _ in range(4)]
    return rng.choice([
        f"+33 {lead} {' '.join(pairs)}", f"0{lead} {' '.join(pairs)}",
        f"0{lead}.{'.'.join(pairs)}", f"+33 (0){lead} {' '.join(pairs)}",
    ])


def phone_nl(rng) -> str:
    return rng.choice([
        f"+31 20 {digits(rng, 3)} {digits(rng, 4)}", f"020-{digits(rng, 7)}",
        f"06-{digits(rng, 8)}", f"+31 6 {digits(rng, 8)}",
    ])


def phone_es(rng) -> str:
    m = "6" + digits(rng, 2)
    return rng.choice([
        f"+34 {m} {digits(rng, 3)} {digits(rng, 3)}",
        f"{m} {digits(rng, 3)} {digits(rng, 3)}",
        f"+34 91 {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}",
    ])


def phone_it(rng) -> str:
    return rng.choice([
        f"+39 06 {digits(rng, 4)} {digits(rng, 4)}",
        f"+39 3{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 4)}",
        f"3{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 4)}",
    ])


def phone_ch(rng) -> str:
    return rng.choice([
        f"+41 44 {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}",
        f"044 {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}",
    ])


PHONE_BY_COUNTRY = {"us": phone_us, "uk": phone_uk, "de": phone_de,
                    "fr": phone_fr, "nl": phone_nl, "es": phone_es,
                    "it": phone_it, "ch": phone_ch}
PHONE_WEIGHTS = ["us"] * 4 + ["uk"] * 3 + ["de"] * 3 + ["fr"] * 2 + ["nl", "es", "it", "ch"]


def gen_phone(rng, ctx, country: str | None = None) -> Fill:
    return Fill(PHONE_BY_COUNTRY[country or rng.choice(PHONE_WEIGHTS)](rng), "phone")


# ---------------------------------------------------------------------------
# Credit cards
# ---------------------------------------------------------------------------

def card_number(rng, issuer: str | None = None) -> str:
    issuer = issuer or rng.choice(["visa", "visa", "mastercard", "mastercard2",
                                   "amex", "discover"])
    if issuer == "visa":
        prefix, length = "4", 16
    elif issuer == "mastercard":
        prefix, length = str(rng.randint(51, 55)), 16
    elif issuer == "mastercard2":
        prefix, length = str(rng.randint(2221, 2720)), 16
    elif issuer == "amex":
        prefix, length = rng.choice(["34", "37"]), 15
    else:
        prefix, length = rng.choice(["6011", "65"]), 16
    body = prefix + digits(rng, length - len(prefix) - 1)
    return body + luhn_check_digit(body)


def format_card(rng, number: str) -> str:
    if len(number) == 15:
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i:i + 4] for i in range(0, len(number), 4)]
    return rng.choice(["", " ", " ", "-"]).join(groups)


def gen_card(rng, ctx) -> Fill:
    return Fill(format_card(rng, card_number(rng)), "credit_card")


# ---------------------------------------------------------------------------
# IBANs
# ---------------------------------------------------------------------------

def bban_de(rng): return digits(rng, 8) + digits(rng, 10)
def bban_at(rng): return digits(rng, 5) + digits(rng, 11)
def bban_pl(rng): return digits(rng, 24)
def bban_ch(rng): return digits(rng, 5) + digits(rng, 12)
def bban_gb(rng): return rng.choice(["NWBK", "BARC", "LOYD", "MIDL", "HBUK"]) + digits(rng, 14)
def bban_ie(rng): return rng.choice(["AIBK", "BOFI"]) + digits(rng, 14)
def bban_nl(rng): return rng.choice(["ABNA", "INGB", "RABO", "TRIO", "SNSB"]) + digits(rng, 10)


def bban_fr(rng):
    bank, branch, account = digits(rng, 5), digits(rng, 5), digits(rng, 11)
    key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    return f"{bank}{branch}{account}{key:02d}"


def bban_es(rng):
    bank, branch, account = digits(rng, 4), digits(rng, 4), digits(rng, 10)
    weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

    def dc(s: str) -> str:
        d = 11 - sum(int(c) * w for c, w in zip(s, weights)) % 11
        return str({11: 0, 10: 1}.get(d, d))
    return bank + branch + dc("00" + bank + branch) + dc(account) + account


def bban_it(rng):
    rest = digits(rng, 5) + digits(rng, 5) + digits(rng, 12)
    return italian_cin(rest) + rest


def bban_be(rng):
    first10 = digits(rng, 10)
    check = int(first10) % 97 or 97
    return f"{first10}{check:02d}"


IBAN_SPECS = {  # country: (BBAN generator, total IBAN length)
    "DE": (bban_de, 22), "GB": (bban_gb, 22), "FR": (bban_fr, 27),
    "NL": (bban_nl, 18), "ES": (bban_es, 24), "IT": (bban_it, 27),
    "CH": (bban_ch, 21), "BE": (bban_be, 16), "AT": (bban_at, 20),
    "IE": (bban_ie, 22), "PL": (bban_pl, 28),
}


def gen_iban(rng, ctx, country: str | None = None) -> Fill:
    cc = country or rng.choice(list(IBAN_SPECS))
    bban_fn, length = IBAN_SPECS[cc]
    iban = make_iban(cc, bban_fn(rng))
    assert len(iban) == length and iban_ok(iban), iban
    if rng.random() < 0.6:
        iban = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return Fill(iban, "iban")


# ---------------------------------------------------------------------------
# IP addresses
# ---------------------------------------------------------------------------

def gen_ipv4(rng, ctx) -> Fill:
    o = lambda: rng.randint(1, 254)  # noqa: E731
    value = rng.choice([
        f"192.168.{rng.randint(0, 255)}.{o()}", f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{o()}",
        f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{o()}", f"203.0.113.{o()}",
        f"198.51.100.{o()}", f"192.0.2.{o()}", f"10.0.0.{rng.randint(1, 9)}",
        f"{rng.choice([23, 45, 81, 91, 104, 151, 185, 212])}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{o()}",
    ])
    return Fill(value, "ip_address")


def gen_ipv6(rng, ctx) -> Fill:
    style = rng.choice(["full", "doc", "doc", "linklocal", "random", "loopback_or_upper"])
    if style == "full":
        groups = [f"{rng.randint(0, 0xffff):04x}" for _ in range(8)]
        groups[0], groups[1] = "2001", "0db8"
        for i in rng.sample(range(2, 8), 2):
            groups[i] = "0000"
        value = ":".join(groups)
    elif style == "doc":
        addr = ipaddress.IPv6Address((0x20010db8 << 96) | rng.getrandbits(rng.choice([8, 16, 32, 48])))
        value = addr.compressed
    elif style == "linklocal":
        iid = (rng.getrandbits(24) << 40) | (0xfffe << 24) | rng.getrandbits(24)
        value = ipaddress.IPv6Address((0xfe80 << 112) | iid).compressed
    elif style == "random":
        a = ipaddress.IPv6Address((0x2a00 + rng.randint(0, 0xff) << 112) | rng.getrandbits(64))
        value = a.compressed
    else:
        value = rng.choice(["::1", "2001:DB8::" + f"{rng.randint(1, 0xffff):X}"])
    ipaddress.IPv6Address(value)  # validates
    return Fill(value, "ip_address")


def gen_ip(rng, ctx) -> Fill:
    return gen_ipv6(rng, ctx) if rng.random() < 0.3 else gen_ipv4(rng, ctx)


# ---------------------------------------------------------------------------
# URLs
# ---------------------------------------------------------------------------

URL_HOSTS = ["example.com", "example.org", "docs.example.io", "shop.example.de",
             "blog.example.net", "news.example.co.uk", "en.wikipedia.org",
             "github.com", "status.example.com", "example.com:8080",
             "intranet.example.com:8443", "forum.example.fr", "sub.domain.org"]
WWW_HOSTS = ["example.net", "example.com", "example-shop.de", "my-portfolio.example",
             "travel.example", "example.co.uk"]
PATH_SEGS = ["articles", "2024", "pricing", "docs", "guide", "getting-started",
             "a", "b.html", "products", "item", "report", "help", "faq", "wiki",
             "Luhn_algorithm", "settings", "blog", "post", "privacy-policy",
             "index.php", "downloads", "v2", "api", "page", "issues", "42"]


def gen_url(rng, ctx) -> Fill:
    path = "/".join(rng.choice(PATH_SEGS) for _ in range(rng.randint(0, 3)))
    if rng.random() < 0.22:
        value = "www." + rng.choice(WWW_HOSTS) + (f"/{path}" if path else "")
    else:
        host = rng.choice(URL_HOSTS)
        if rng.random() < 0.15 and host.count(".") == 1 and ":" not in host:
            host = "www." + host
        value = f"{rng.choice(['https', 'https', 'https', 'http'])}://{host}/{path}"
        if path and rng.random() < 0.3:
            value += rng.choice(["?q=1", "?id=4471&ref=mail", "?page=2", "?lang=en&utm_source=newsletter"])
        if rng.random() < 0.1:
            value += "#section-2"
        if not path and rng.random() < 0.5:
            value = value[:-1]          # bare "https://example.com"
    assert value[-1] not in ".,;:!?)'\"", value
    return Fill(value, "url")


# ---------------------------------------------------------------------------
# Street addresses (span = street line; city/postcode follow as unlabelled tail)
# ---------------------------------------------------------------------------

US_STREETS = ["Elm", "Oak", "Maple", "Pine", "Cedar", "Pennsylvania", "Lexington",
              "Sunset", "Mission", "Harbor", "Willow", "Lakeview", "Hawthorne",
              "Chestnut", "Market", "Spring Garden"]
US_SUFFIX = ["Street", "St.", "Avenue", "Ave", "Road", "Rd.", "Boulevard", "Blvd",
             "Lane", "Way", "Court"]
US_CITIES = [("Springfield", "IL", "62704"), ("Portland", "OR", "97205"),
             ("Austin", "TX", "78701"), ("Boston", "MA", "02118"),
             ("Denver", "CO", "80202"), ("Washington", "DC", "20500")]
UK_STREETS = ["Baker Street", "Abbey Road", "Station Road", "Church Lane",
              "Mill Lane", "Park Road", "Kings Road", "Queen's Gardens",
              "High Street", "Elm Grove", "Victoria Terrace", "Meadow Close"]
UK_CITIES = [("London", "NW1 6XE"), ("Manchester", "M1 1AE"), ("Leeds", "LS1 4AP"),
             ("Bristol", "BS1 5TR"), ("Edinburgh", "EH1 1YZ")]
FR_STREETS = ["rue de Rivoli", "avenue des Champs-Élysées", "boulevard Saint-Germain",
              "rue des Lilas", "place de la Bourse", "quai des Chartrons",
              "rue de la République", "impasse des Tilleuls", "rue du Faubourg Saint-Denis",
              "allée des Peupliers"]
FR_CITIES = [("Paris", "75001"), ("Paris", "75008"), ("Lyon", "69002"),
             ("Marseille", "13001"), ("Bordeaux", "33000"), ("Nantes", "44000")]
DE_STREETS = ["Hauptstraße", "Bahnhofstr.", "Bahnhofstraße", "Gartenweg",
              "Lindenallee", "Kirchgasse", "Schulstraße", "Mühlenweg",
              "Rosenstraße", "Berliner Straße", "Am Markt", "Königsallee", "Ringstraße"]
DE_CITIES = [("Berlin", "10115"), ("München", "80331"), ("Köln", "50667"),
             ("Hamburg", "20095"), ("Düsseldorf", "40213"), ("Wien", "1010")]
CH_STREETS = ["Bahnhofstrasse", "Seefeldstrasse", "Rue du Rhône", "Marktgasse"]
CH_CITIES = [("Zürich", "8001"), ("Genève", "1204"), ("Bern", "3011")]
NL_STREETS = ["Kerkstraat", "Prinsengracht", "Dorpsstraat", "Herengracht",
              "Stationsweg", "Molenlaan", "Damrak", "Oudegracht"]
NL_CITIES = [("Amsterdam", "1016 GV"), ("Utrecht", "3511 AB"), ("Rotterdam", "3011 AD")]
ES_STREETS = ["Calle Mayor", "Calle de Alcalá", "Avenida de la Constitución",
              "Plaza Mayor", "Gran Vía", "Paseo de Gracia", "Calle del Pez"]
ES_CITIES = [("Madrid", "28013"), ("Barcelona", "08007"), ("Sevilla", "41004"),
             ("Valencia", "46002")]
IT_STREETS = ["Via Roma", "Via del Corso", "Piazza Navona", "Via dei Mille",
              "Viale Europa", "Corso Italia", "Via della Spiga"]
IT_CITIES = [("Roma", "00184"), ("Milano", "20121"), ("Torino", "10121"),
             ("Napoli", "80133")]


def _house(rng, letter_prob=0.15) -> str:
    n = str(rng.choice([rng.randint(1, 30), rng.randint(1, 250)]))
    return n + (rng.choice("abc") if rng.random() < letter_prob else "")


def street_us(rng):
    suffix = rng.choice(US_SUFFIX)
    direction = rng.choice(["", "", "", " NW", " SE", " N"]) if not suffix.endswith(".") else ""
    value = f"{rng.randint(1, 9999)} {rng.choice(US_STREETS)} {suffix}{direction}"
    city, state, zipc = rng.choice(US_CITIES)
    return value, f", {city}, {state} {zipc}", city, zipc


def street_uk(rng):
    num = str(rng.randint(1, 240)) + (rng.choice("AB") if rng.random() < 0.2 else "")
    value = f"{num} {rng.choice(UK_STREETS)}"
    city, pc = rng.choice(UK_CITIES)
    return value, f", {city} {pc}", city, pc


def street_fr(rng):
    value = f"{rng.randint(1, 120)} {rng.choice(FR_STREETS)}"
    city, pc = rng.choice(FR_CITIES)
    return value, f", {pc} {city}", city, pc


def street_de(rng):
    value = f"{rng.choice(DE_STREETS)} {_house(rng, 0.25)}"
    city, pc = rng.choice(DE_CITIES)
    return value, f", {pc} {city}", city, pc


def street_ch(rng):
    value = f"{rng.choice(CH_STREETS)} {_house(rng)}"
    city, pc = rng.choice(CH_CITIES)
    return value, f", {pc} {city}", city, pc


def street_nl(rng):
    value = f"{rng.choice(NL_STREETS)} {_house(rng)}"
    city, pc = rng.choice(NL_CITIES)
    return value, f", {pc} {city}", city, pc


def street_es(rng):
    value = f"{rng.choice(ES_STREETS)} {_house(rng, 0)}"
    city, pc = rng.choice(ES_CITIES)
    return value, f", {pc} {city}", city, pc


def street_it(rng):
    value = f"{rng.choice(IT_STREETS)} {_house(rng, 0)}"
    city, pc = rng.choice(IT_CITIES)
    return value, f", {pc} {city}", city, pc


STREET_BY_COUNTRY = {"us": street_us, "uk": street_uk, "fr": street_fr,
                     "de": street_de, "ch": street_ch, "nl": street_nl,
                     "es": street_es, "it": street_it}
STREET_WEIGHTS = ["us"] * 3 + ["uk"] * 3 + ["fr"] * 2 + ["de"] * 3 + ["ch", "nl", "nl", "es", "es", "it", "it"]


def gen_street(rng, ctx, country=None, with_tail=False) -> Fill:
    if country is None and rng.random() < 0.04:
        value, tail, city, pc = "221B Baker Street", ", London NW1 6XE", "London", "NW1 6XE"
    elif country is None and rng.random() < 0.03:
        value, tail, city, pc = "1600 Pennsylvania Avenue NW", ", Washington, DC 20500", "Washington", "20500"
    else:
        value, tail, city, pc = STREET_BY_COUNTRY[country or rng.choice(STREET_WEIGHTS)](rng)
    ctx["city"], ctx["postcode"] = city, pc
    return Fill(value, "street_address", tail=tail if with_tail else "")


# ---------------------------------------------------------------------------
# Hard negatives
# ---------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PLACES = ["New York", "San Francisco", "Buenos Aires", "Santa Monica", "St. Louis",
          "Victoria Station", "Charlotte", "Lincoln", "Florence", "Adelaide",
          "Hong Kong", "Salt Lake City", "Rio de Janeiro", "Jackson"]
TOPICS = ["Machine Learning", "Data Science", "Quantum Computing", "Organic Chemistry",
          "Project Management", "Deep Learning", "Natural Language Processing",
          "Cloud Security", "Linear Algebra"]
TITLES = ["The Great Gatsby", "War and Peace", "Pride and Prejudice",
          "The Old Man and the Sea", "One Hundred Years of Solitude",
          "Brave New World", "Moby-Dick", "Little Women", "The Name of the Rose",
          "Great Expectations", "The Catcher in the Rye", "Crime and Punishment"]
POSTCODES = ["SW1A 1AA", "10115", "75008", "1012 AB", "90210", "28013", "00184",
             "8001", "EC1A 1BB", "D02 X285", "M5V 3L9", "80331", "3011 AD", "02118"]
BICS = ["DEUTDEFFXXX", "COBADEFFXXX", "BNPAFRPPXXX", "INGBNL2A", "NWBKGB2L",
        "BSCHESMM", "UNCRITMM", "UBSWCHZH80A", "GKCCBEBB"]


def _rand_date(rng, y0=2019, y1=2027):
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


def fmt_date(rng, y, m, d) -> str:
    return rng.choice([
        f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", f"{m:02d}/{d:02d}/{y}",
        f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1]} {d}, {y}", f"{d:02d}/{m:02d}/{y}",
    ])


def neg(kind):
    def deco(fn):
        def slot(rng, ctx):
            return Fill(fn(rng, ctx), neg=kind)
        slot.__doc__ = fn.__doc__
        return slot
    return deco


@neg("order")
def gen_order(rng, ctx):
    return rng.choice([
        f"order #{digits(rng, 9)}", f"Order No. {digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}",
        f"order number {rng.randint(10_000_000, 99_999_999)}", f"order {upper(rng, 3)}-{digits(rng, 6)}",
    ])


@neg("order")
def gen_ticket(rng, ctx):
    return rng.choice([f"#{digits(rng, 5)}", f"INC00{digits(rng, 5)}", f"CS-{digits(rng, 6)}"])


@neg("order")
def gen_invoice(rng, ctx):
    return f"INV-{rng.randint(2019, 2026)}-{digits(rng, 5)}"


@neg("order")
def gen_tracking(rng, ctx):
    return rng.choice([f"1Z{upper(rng, 3)}{digits(rng, 3)}{digits(rng, 10)}",
                       f"JD{digits(rng, 18)}", f"RR{digits(rng, 9)}DE"])


@neg("isbn")
def gen_isbn(rng, ctx):
    if rng.random() < 0.6:
        group = rng.choice("013")
        pub_len = rng.randint(2, 5)
        rest = digits(rng, 8)
        first12 = "978" + group + rest
        body = f"978-{group}-{rest[:pub_len]}-{rest[pub_len:]}-{isbn13_check(first12)}"
        return rng.choice(["ISBN ", "ISBN-13: ", "ISBN "]) + body
    group = rng.choice("013")
    pub_len = rng.randint(2, 5)
    rest = digits(rng, 8)
    return f"ISBN {group}-{rest[:pub_len]}-{rest[pub_len:]}-{isbn10_check(group + rest)}"


@neg("date")
def gen_date(rng, ctx):
    return fmt_date(rng, *_rand_date(rng))


@neg("date")
def gen_date_iso(rng, ctx):
    y, m, d = _rand_date(rng)
    return f"{y}-{m:02d}-{d:02d}"


@neg("date")
def gen_dob(rng, ctx):
    return fmt_date(rng, *_rand_date(rng, 1940, 2005))


@neg("date")
def gen_expiry(rng, ctx):
    return f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}"


@neg("time")
def gen_time(rng, ctx):
    h, m, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    return rng.choice([f"{h:02d}:{m:02d}:{s:02d}", f"{h:02d}:{m:02d}",
                       f"{rng.randint(1, 12)}:{m:02d} {rng.choice(['am', 'pm'])}",
                       f"{h:02d}:{m:02d} CET"])


@neg("version")
def gen_version(rng, ctx):
    a, b, c = rng.randint(0, 9), rng.randint(0, 30), rng.randint(0, 20)
    return rng.choice([f"v{a}.{b}.{c}", f"v{a}.{b}.{c}", f"version {a}.{b}.{c}",
                       f"v{a}.{b}.{c}-rc.{rng.randint(1, 4)}", f"release {a}.{b}"])


@neg("version")
def gen_version4(rng, ctx):
    # 4-part version that would also parse as IPv4: always prefixed.
    parts = [rng.randint(1, 9), rng.randint(0, 9), rng.randint(0, 9), rng.randint(1, 200)]
    return rng.choice(["version ", "v"]) + ".".join(map(str, parts))


@neg("hash")
def gen_sha(rng, ctx):
    return "".join(rng.choice("0123456789abcdef") for _ in range(40))


@neg("hash")
def gen_sha_short(rng, ctx):
    return "".join(rng.choice("0123456789abcdef") for _ in range(7))


@neg("hash")
def gen_sha256(rng, ctx):
    return "".join(rng.choice("0123456789abcdef") for _ in range(64))


@neg("bad_card")
def gen_badcard(rng, ctx):
    valid = card_number(rng, rng.choice(["visa", "mastercard", "mastercard2", "discover"]))
    bad = valid[:-1] + str((int(valid[-1]) + rng.randint(1, 9)) % 10)
    assert not luhn_ok(bad)
    return format_card(rng, bad)


@neg("price")
def gen_price(rng, ctx):
    n, c = rng.randint(1, 4999), rng.choice([0, 0, 50, 99, 95, 49])
    return rng.choice([f"€{n:,}.{c:02d}", f"${n:,}.{c:02d}", f"£{n:,}.{c:02d}",
                       f"{n:,}.{c:02d} €".replace(",", "X").replace(".", ",").replace("X", "."),
                       f"CHF {n}.{c:02d}", f"USD {n:,}"])


@neg("quantity")
def gen_qty(rng, ctx):
    return rng.choice([f"{rng.randint(1, 9)}.{rng.randint(1, 9)} kg", f"{rng.choice([250, 500, 750])} ml",
                       f"{rng.randint(2, 48)} pcs", f"{rng.randint(1, 3)},5 l",
                       f"{rng.randint(2, 12)} x 500 g", f"{rng.randint(10, 400)} boxes"])


@neg("quantity")
def gen_size(rng, ctx):
    return rng.choice([f"{rng.randint(1, 9)}.{rng.randint(0, 9)} MB", f"{rng.randint(100, 999)} KB",
                       f"{rng.randint(1, 4)}.{rng.randint(0, 9)} GB"])


@neg("year")
def gen_year(rng, ctx):
    return str(rng.randint(1985, 2030))


@neg("file")
def gen_file(rng, ctx):
    y, m, d = _rand_date(rng)
    return rng.choice([
        f"report_{y}.pdf", f"IMG_{y}{m:02d}{d:02d}_{digits(rng, 6)}.jpg",
        f"invoice_{digits(rng, 4)}.xlsx", f"Q{rng.randint(1, 4)}_results_final_v{rng.randint(2, 5)}.docx",
        f"backup-{y}-{m:02d}-{d:02d}.tar.gz", f"setup-{rng.randint(1, 5)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}.exe",
        f"data_{y}_{digits(rng, 3)}.csv",
    ])


@neg("sku")
def gen_sku(rng, ctx):
    return rng.choice([f"SKU {upper(rng, 2)}-{digits(rng, 4)}-{upper(rng, 2)}",
                       f"part no. {upper(rng, 1)}{digits(rng, 1)}-{digits(rng, 4)}-{upper(rng, 1)}",
                       f"item {upper(rng, 3)}{digits(rng, 6)}"])


@neg("postcode")
def gen_postcode(rng, ctx):
    return ctx.get("postcode") or rng.choice(POSTCODES)


@neg("postcode")
def gen_postcode_alone(rng, ctx):
    return rng.choice(POSTCODES)


@neg("bic")
def gen_bic(rng, ctx):
    return rng.choice(BICS)


@neg("capitalized")
def gen_place(rng, ctx):
    return rng.choice(PLACES)


@neg("capitalized")
def gen_topic(rng, ctx):
    return rng.choice(TOPICS)


@neg("capitalized")
def gen_title(rng, ctx):
    return rng.choice(TITLES)


@neg("capitalized")
def gen_weekday(rng, ctx):
    return rng.choice(WEEKDAYS)


@neg("capitalized")
def gen_month(rng, ctx):
    return rng.choice(MONTHS)


# Plain (unlabelled, not reported) fillers.
def plain(fn):
    return lambda rng, ctx: Fill(fn(rng, ctx))


SLOTS = {
    # entities
    "person": gen_person, "first": gen_first, "surname": gen_surname,
    "email": gen_email, "email_any": gen_email_any,
    "phone": gen_phone, "card": gen_card, "iban": gen_iban,
    "ip": gen_ip, "ipv4": gen_ipv4, "ipv6": gen_ipv6, "url": gen_url,
    "street": gen_street,
    "street_full": lambda rng, ctx: gen_street(rng, ctx, with_tail=True),
    # negatives
    "order": gen_order, "ticket": gen_ticket, "invoice": gen_invoice,
    "tracking": gen_tracking, "isbn": gen_isbn, "date": gen_date,
    "date_iso": gen_date_iso, "dob": gen_dob, "expiry": gen_expiry,
    "time": gen_time, "version": gen_version, "version4": gen_version4,
    "sha": gen_sha, "sha_short": gen_sha_short, "sha256": gen_sha256,
    "badcard": gen_badcard, "price": gen_price, "qty": gen_qty, "size": gen_size,
    "year": gen_year, "file": gen_file, "sku": gen_sku, "postcode": gen_postcode,
    "postcode_alone": gen_postcode_alone, "bic": gen_bic, "place": gen_place,
    "topic": gen_topic, "title": gen_title, "weekday": gen_weekday, "month": gen_month,
    # plain
    "pid": plain(lambda rng, ctx: str(rng.randint(1000, 65000))),
    "port": plain(lambda rng, ctx: str(rng.randint(1024, 65535))),
    "relation": plain(lambda rng, ctx: rng.choice(["sister", "father", "partner", "mother", "brother", "friend"])),
    "city": plain(lambda rng, ctx: ctx.get("city", "Berlin")),
}
for _cc in PHONE_BY_COUNTRY:
    SLOTS[f"phone_{_cc}"] = (lambda cc: lambda rng, ctx: gen_phone(rng, ctx, cc))(_cc)
for _cc in STREET_BY_COUNTRY:
    SLOTS[f"street_{_cc}"] = (lambda cc: lambda rng, ctx: gen_street(rng, ctx, cc))(_cc)
    SLOTS[f"street_full_{_cc}"] = (lambda cc: lambda rng, ctx: gen_street(rng, ctx, cc, True))(_cc)
for _cc in IBAN_SPECS:
    SLOTS[f"iban_{_cc.lower()}"] = (lambda cc: lambda rng, ctx: gen_iban(rng, ctx, cc))(_cc)


# ---------------------------------------------------------------------------
# Templates.  ${slot} = generated value, $[text] = literal hard negative.
# ---------------------------------------------------------------------------

POSITIVE_TEMPLATES = [
    # email
    "Can you draft an email to ${person} at ${email} asking whether the invoice from ${date} has been paid?",
    "Please update my contact address to ${email_any}; the old one keeps bouncing.",
    "Send the meeting minutes to ${email_any} and cc ${email_any}, thanks!",
    "Why does the signup form reject ${email_any} as invalid?",
    "From: ${email_any}\nTo: ${email_any}\nSubject: Re: ${order}\n\nHi ${first}, see the attached ${file}.",
    # phone
    "My number is ${phone}, please call me after ${time}.",
    "Can you format ${phone} in E.164 for our CRM?",
    "Support ticket: the customer cannot be reached on ${phone}; last attempt ${date} ${time}.",
    "Tel: ${phone} | Fax: ${phone}",
    "Text ${first} on ${phone} when the delivery arrives.",
    "Is ${phone} a mobile or a landline number?",
    # credit card
    "I was charged twice on my card ${card} for ${order}, can you help me write a dispute?",
    "Is ${card} a Visa, a Mastercard or an Amex?",
    "Please remove the saved card ${card} from my account.",
    "Card number: ${card}\nExpiry: ${expiry}\nName on card: ${person}",
    "The first number I typed, ${badcard}, was rejected, so I used ${card} instead. Why?",
    "Pay ${price} with ${card} and email the receipt to ${email_any}.",
    "Update the card on file from ${card} to ${card}, effective ${date}.",
    "Order summary: ${qty} of coffee, ${price}, paid with ${card}.",
    "Which issuer does ${card} belong to?",
    # iban
    "Please wire the deposit to IBAN ${iban} (account holder: ${person}).",
    "Can you check whether ${iban} is a valid IBAN?",
    "My new bank details: ${iban}, BIC ${bic}.",
    "Refund ${price} to ${iban} please, reference ${order}.",
    "SEPA mandate\nName: ${person}\nIBAN: ${iban}\nDate: ${date}",
    "Hallo, mein Name ist ${person} und meine IBAN lautet ${iban_de}.",
    "Ciao, mi chiamo ${person}; il mio IBAN è ${iban_it}.",
    # ip
    "Our server at ${ipv4} keeps timing out since ${date}.",
    "Why can't I ping ${ipv6} from ${ipv4}?",
    "Summarise this log line: ${date_iso} ${time} sshd[${pid}]: Failed password for root from ${ipv4} port ${port} ssh2",
    "Block ${ip} in the firewall, it has been scanning us all night.",
    "Set the DNS server to ${ipv4} and the gateway to ${ipv4}.",
    "My IPv6 address shows as ${ipv6} — is that a privacy issue?",
    # url
    "Can you summarise the article at ${url}?",
    "The link ${url} is broken, can you find an archived copy?",
    "Check out my portfolio: ${url}.",
    "Is ${url} a phishing site? It asked for my password.",
    "Add a footnote (${url}) after the second paragraph.",
    "Compare the pricing on ${url} and ${url}, then give me a table.",
    # person
    "My name is ${person} and I would like to cancel my subscription.",
    "Dear ${person},\n\nThank you for your application. We will be in touch by ${date}.",
    "Dr. ${person} said my results look normal, but what does an LDL of $[3.5 mmol/L] mean?",
    "${person} wrote to me yesterday about the lease. Can you help me reply?",
    "I met ${person} at the conference last week; can you help me write a follow-up?",
    "Thanks for your help!\n\nRegards,\n${person}",
    "Please ask ${first} about it before $[Friday].",
    "${first} and I are planning a trip to ${place} in ${month}.",
    "Prof. ${person} will give the keynote on ${topic}.",
    "Thanks, ${first}! That fixed it.",
    "I'm forwarding ${person}'s CV for the data engineer role.",
    "Mr. ${surname} from accounting asked for the ${year} figures.",
    "Could you translate this note from ${person} into English?",
    "Interview notes: candidate ${person}, referred by ${person}.",
    "Bonjour, je m'appelle ${person} et j'habite au ${street_fr}.",
    "Write a birthday message for my colleague ${first}, who loves ${title}.",
    "Ms. ${surname} is on leave until ${date}; who should I contact instead?",
    # street address
    "Please ship it to ${street_full}.",
    "I moved to ${street_full}; please update my billing address.",
    "Our office is at ${street}, second floor, next to the bakery.",
    "Address line 1: ${street}\nPostcode: ${postcode}\nCity: ${city}",
    "Meet me outside ${street} at ${time}.",
    "Is ${street} in a residential zone?",
    "Hola, soy ${person}. Mi teléfono es ${phone_es} y vivo en ${street_full_es}.",
    "Mijn adres is ${street_full_nl}, bel me op ${phone_nl}.",
    "Bitte senden Sie die Rechnung an ${person}, ${street_full_de}.",
    # multi-entity
    "Best regards,\n${person}\nHead of Procurement\n${street_full}\nT: ${phone}\nE: ${email}\nW: ${url}",
    "Hi, I'm ${person} (${email}, ${phone}). My ${order} still hasn't arrived at ${street_full}.",
    "Summarise this: On ${date}, ${person} logged in from ${ip} and changed the payout account to ${iban}.",
    "Support ticket ${ticket}: user ${email_any} reports card ${card} declined at ${url}.",
    "Form submission\nFull name: ${person}\nEmail: ${email}\nPhone: ${phone}\nAddress: ${street_full}",
    "Please write a reference letter for ${person}; they can be reached at ${email}.",
    "Can you check why ${email_any} got a login alert from ${ip} at ${time}?",
    "Draft a reminder to ${person} that the rent for ${street} is due on the 1st, paid to ${iban}.",
    "Meeting notes: ${person} and ${person} agreed to ship ${version} on ${date}.",
    "Redact the personal data in this text: \"${person}, ${phone}, ${card}\"",
    "Parse this JSON: {\"name\": \"${person}\", \"email\": \"${email}\", \"ip\": \"${ip}\"}",
    "Convert this CSV row to JSON: ${person};${email};${phone};${street}",
    "Translate to German: \"Please contact ${person} at ${phone} or visit ${url}.\"",
    "hey can u look up ${url} and send the summary to ${email_any} thx",
    "Fraud alert: card ${card} used from IP ${ip} on ${date} at ${time}.",
    "[${date_iso} ${time}] user=${email_any} ip=${ipv4} action=login status=ok",
    "Invoice ${invoice}\nBill to: ${person}, ${street_full}\nPay to: ${iban}\nTotal: ${price}",
    "The customer ${person} (phone ${phone}) wants the parcel delivered to ${street} instead.",
    "Could you write a polite complaint to my landlord ${person} about the heating at ${street}?",
    "Transfer ${price} from ${iban} to ${iban} with reference ${order}.",
    "I got an SMS from ${phone} with a link to ${url} — is it a scam?",
    "Dev log: deployed ${version} to ${ipv4}, commit ${sha_short}, ping ${email_any} if it breaks.",
    "Patient ${person}, DOB ${dob}, phone ${phone}, lives at ${street_full}.",
    "Emergency contact: ${person} (${relation}), ${phone}",
    "Can you merge these two contacts? ${person} <${email}> and ${first} <${email}>",
    "Booking confirmed for ${person}. Check-in ${date} from ${time} at ${street_full}. Questions? ${phone}",
]

NEGATIVE_TEMPLATES = [
    "Where is my ${order}? It was supposed to arrive on ${date}.",
    "Can you find the book with ${isbn}? I think it's ${title}.",
    "The build ${version} fails at commit ${sha}. Any idea why?",
    "My test card ${badcard} keeps getting rejected, is the checksum wrong?",
    "Convert ${price} to dollars and ${qty} to pounds.",
    "${weekday} at ${time} works for me; the deadline is ${date}.",
    "Rename ${file} so it includes the year ${year}.",
    "Is ${postcode_alone} a valid postcode?",
    "Stock check: ${sku}, ${qty} left, unit price ${price}.",
    "Summarise this: The meeting on ${date} covered the ${year} budget and the ${topic} roadmap.",
    "Fix this regex so it matches ${date} but not ${time}.",
    "What does the checksum ${sha256} mean for ${file}?",
    "I read ${title} in ${year}; can you recommend something similar?",
    "$[Will] the package for ${order} arrive before ${date}?",
    "$[Mark] ${order} as shipped, please.",
    "$[Bill] the client ${price} for ${qty} of coffee beans.",
    "Reference ${order}, amount ${price}, due ${date}.",
    "Changelog: ${version} (${date}) - fixed a crash on startup, commit ${sha}.",
    "Why does `git show ${sha}` say the object is missing?",
    "Card ${badcard} failed validation; what is wrong with it?",
    "My flight lands in ${place} at ${time} on ${date}.",
    "Our warehouse in ${place} ships ${qty} per week.",
    "Calculate 20% VAT on ${price}.",
    "The ${year} edition has ${isbn}, the old one has ${isbn}.",
    "Uploading ${file} (${size})... done at ${time}.",
    "Spreadsheet row: ${sku} | ${qty} | ${price} | ${date}",
    "Error at ${time}: checksum mismatch, expected ${sha256}.",
    "$[Grace] period for ${order} ends on ${date}.",
    "Only ship to postcode ${postcode_alone} if the order total exceeds ${price}.",
    "Should we upgrade from ${version} to ${version}?",
    "Which changes landed in ${version4}?",
    "${topic} course starts ${date} at ${time}, fee ${price}.",
    "Where is parcel ${tracking}? It left the depot on ${date}.",
    "Is ${badcard} a real card number or just random digits?",
    "${month} sales were ${price}, up from ${price} in ${year}.",
    "Please cancel ${order} and ${order}.",
    "Recommend five books like ${title} and ${title}.",
    "$[Summer] sale: ${sku} now ${price} until ${date}.",
    "Payment of ${price} for invoice ${invoice} was received on ${date} at ${time}.",
    "What is the difference between commits ${sha_short} and ${sha_short}?",
    "Is BIC ${bic} the same bank as ${bic}?",
]

TOKEN = re.compile(r"\$\{(\w+)\}|\$\[([^\]]+)\]")


def render(template: str, rng: random.Random) -> dict:
    """Fill a template, recording byte spans of labelled values."""
    ctx: dict = {}
    pieces: list[str] = []
    nbytes = 0
    entities: list[dict] = []
    negatives: list[tuple[str, str]] = []

    def emit(s: str) -> None:
        nonlocal nbytes
        pieces.append(s)
        nbytes += len(s.encode("utf-8"))

    pos = 0
    for m in TOKEN.finditer(template):
        emit(template[pos:m.start()])
        if m.group(1):
            fill = SLOTS[m.group(1)](rng, ctx)
        else:
            fill = Fill(m.group(2), neg="capitalized")
        start = nbytes
        emit(fill.value)
        if fill.label:
            entities.append({"type": fill.label, "value": fill.value,
                             "start": start, "end": nbytes})
        elif fill.neg:
            negatives.append((fill.neg, fill.value))
        emit(fill.tail)
        pos = m.end()
    emit(template[pos:])
    return {"text": "".join(pieces), "entities": entities, "negatives": negatives}


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$")
ISSUER_RE = re.compile(r"^(4\d{15}|5[1-5]\d{14}|(222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)\d{12}|3[47]\d{13}|(6011|65\d\d)\d{12})$")


def validate(item: dict) -> None:
    text, raw = item["text"], item["text"].encode("utf-8")
    prev_end = -1
    for e in item["entities"]:
        assert e["type"] in ENTITY_TYPES, e
        assert raw[e["start"]:e["end"]].decode("utf-8") == e["value"], (text, e)
        assert e["start"] >= prev_end, ("overlap/unsorted", text)
        prev_end = e["end"]
        v = e["value"]
        assert v == v.strip() and v[-1] not in ".,;:!?)" or v.endswith(("St.", "Rd.", "Bahnhofstr.")), (v, text)
        if e["type"] == "credit_card":
            d = re.sub(r"[ -]", "", v)
            assert luhn_ok(d) and ISSUER_RE.match(d), v
        elif e["type"] == "iban":
            assert iban_ok(v), v
        elif e["type"] == "ip_address":
            ipaddress.ip_address(v)
        elif e["type"] == "email":
            assert EMAIL_RE.match(v), v
        elif e["type"] == "url":
            assert v.startswith(("http://", "https://", "www.")), v
    for n in item.get("negatives", []):
        assert n in text, (n, text)
    # No unlabelled emails / URLs left outside entity spans.
    covered = [(e["start"], e["end"]) for e in item["entities"]]
    for pat in (r"[\w.+-]+@[\w-]+\.[\w.]+", r"https?://\S+|www\.\S+"):
        for m in re.finditer(pat, text):
            b = len(text[:m.start()].encode("utf-8"))
            assert any(s <= b < e for s, e in covered), ("unlabelled", m.group(), text)
    # No Luhn-valid, issuer-prefixed 15/16-digit run outside a credit_card span.
    cards = [(e["start"], e["end"]) for e in item["entities"] if e["type"] == "credit_card"]
    for m in re.finditer(r"(?<![\w])\d[\d -]{11,22}\d(?![\w])", text):
        d = re.sub(r"[ -]", "", m.group())
        b = len(text[:m.start()].encode("utf-8"))
        if ISSUER_RE.match(d) and luhn_ok(d):
            assert any(s <= b < e for s, e in cards), ("unlabelled card-like", m.group(), text)


def build() -> tuple[list[dict], Counter, Counter]:
    rng = random.Random(SEED)
    seen: set[str] = set()
    items: list[dict] = []
    template_ids: Counter = Counter()

    def add(tpl_id: str, template: str, expect_entities: bool) -> None:
        for _ in range(100):
            r = render(template, rng)
            if r["text"] not in seen:
                break
        else:
            raise RuntimeError(f"could not produce a unique text for {tpl_id}")
        seen.add(r["text"])
        assert bool(r["entities"]) == expect_entities, (tpl_id, r["text"])
        template_ids[tpl_id] += 1
        items.append(r)

    for i, tpl in enumerate(POSITIVE_TEMPLATES):
        for _ in range(POSITIVE_REPS):
            add(f"P{i:03d}", tpl, True)
    for i, tpl in enumerate(NEGATIVE_TEMPLATES):
        for _ in range(NEGATIVE_REPS):
            add(f"N{i:03d}", tpl, False)
    rng.shuffle(items)

    out: list[dict] = []
    neg_kinds: Counter = Counter()
    for n, r in enumerate(items, 1):
        item = {"id": f"pii-{n:05d}", "text": r["text"], "entities": r["entities"]}
        if r["negatives"]:
            item["negatives"] = [v for _, v in r["negatives"]]
            neg_kinds.update(k for k, _ in r["negatives"])
        validate(item)
        out.append(item)
    return out, neg_kinds, template_ids


def main() -> int:
    self_test()
    items, neg_kinds, template_ids = build()
    with OUT_PATH.open("w", encoding="utf-8", newline="\n") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")

    per_type = Counter(e["type"] for it in items for e in it["entities"])
    neg_only = sum(1 for it in items if not it["entities"])
    mixed = sum(1 for it in items if it["entities"] and it.get("negatives"))
    persons = [e["value"] for it in items for e in it["entities"] if e["type"] == "person"]
    rare = sum(NAME_RARITY[p] for p in persons)
    non_ascii = sum(1 for p in persons if not p.isascii())
    pos_templates = sum(1 for t in template_ids if t.startswith("P"))

    print(f"wrote {OUT_PATH}")
    print(f"items: {len(items)}  (with entities: {len(items) - neg_only}, "
          f"hard-negative-only: {neg_only}, entity items that also hold negatives: {mixed})")
    print(f"entities: {sum(per_type.values())}")
    for t in ENTITY_TYPES:
        print(f"  {t:15s} {per_type[t]}")
    print(f"negatives: {sum(neg_kinds.values())}")
    for k, c in sorted(neg_kinds.items()):
        print(f"  {k:15s} {c}")
    print(f"templates: {pos_templates} with entities, {len(template_ids) - pos_templates} negative-only")
    print(f"person names: {len(persons)}, rare/invented: {rare} ({rare / len(persons):.0%}), "
          f"non-ASCII: {non_ascii}")

    # Requirements from the brief.
    assert len(items) >= 600
    assert all(per_type[t] >= 60 for t in ENTITY_TYPES), per_type
    assert neg_only >= 150
    assert pos_templates >= 40
    assert rare * 3 >= len(persons)
    return 0


if __name__ == "__main__":
    sys.exit(main())
