#!/usr/bin/env python3
"""Generator for tests/pii/pii-ninth.jsonl -- the ninth, independent, held-out PII test set.

Run:   cd /work/main && python3 tests/pii/make_pii_ninth.py      (add -v for per-template item counts)
Seed:  random.Random(SEED) with SEED = 90210417 (Python 3 standard library only, deterministic:
       the same seed always writes a byte-identical file).

Every output line is a JSON object
  {"id": "ninth-00001", "text": "...",
   "entities": [{"type": T, "value": V, "start": S, "end": E}, ...],
   "negatives": ["...", ...]}
T is one of: email, phone, credit_card, iban, ip_address, url, person, street_address.
start/end are BYTE offsets into text.encode("utf-8") (end exclusive). Labels exist by
construction: each text is assembled piece by piece by a small builder (Doc), and every span is
recorded at the moment its value is appended, so no label is found by searching afterwards.
The script asserts, for every item: text.encode()[S:E].decode() == V; entities do not overlap;
every credit card is Luhn-valid with a real IIN prefix and a matching length; every IBAN is
mod-97 valid with its country's length; every IP parses with the ipaddress module; every
negative occurs verbatim in the text at a position outside every entity; and (consistency) every
other occurrence of an entity's value in the same text lies inside some labelled span.

Span conventions
- email: the address only (display names, <> brackets, "mailto:" outside).
- phone: from "+", "(" or the first digit to the last digit; extensions ("ext. 214", "x31",
  "Durchwahl -27") outside.
- credit_card: the whole number with its internal spaces/hyphens; Luhn-valid, real IIN prefixes
  (Visa, Mastercard 51-55/2221-2720, Amex 34/37, Discover, JCB, Diners, UnionPay, Maestro).
- iban: the whole IBAN, compact or grouped in fours; mod-97 valid with the country's length.
- ip_address: IPv4 or IPv6 (full, compressed, ::1, fe80::...); ports, [brackets] and "/prefix"
  outside.
- url: from http(s):// or www. to the last URL character; trailing punctuation/brackets outside.
- person: the name only; titles (Dr., Mrs, Herr, Frau, Mme, M., Sra., Sig.ra, Pan, Bey, Hanım,
  úr ...) and a possessive 's outside; a full name is one span incl. particles (van, de, von, da,
  dos, bin, O', Ní, Mac), hyphens, apostrophes and middle initials; lone given names or lone
  surnames are spans too; some are lower-case (casual chat), some have ALL-CAPS surnames (forms),
  some are written surname-first (HU, VN, CN, JP), and about 20 % are invented but plausible.
- street_address: the street line incl. the street-type word, the house number and any
  flat/unit/floor written on that same line (Apt 2B, Whg. 4, 3º Dto, bus 3, 1. sal, lgh 1102,
  m. 15, D: 7 ...); postcode, city, district and country are outside.
"negatives" lists hard-negative strings that occur verbatim in the text outside every entity and
must NOT be labelled: order/invoice/ticket/tracking numbers, ISBNs, dates, times, version
strings, git hashes, UUIDs, Luhn-invalid 16-digit numbers, prices, percentages, measurements,
lone postcodes, product codes/SKUs, Title-Case non-names (products, companies, places, months,
weekdays, brands, job titles, city names), file paths, hex colours, MAC addresses, coordinates,
and bank account numbers that are not IBANs.
The names, streets and templates were written for this file only (no shared word lists).
"""
import ipaddress
import json
import os
import re
import random
import sys
import time
import unicodedata

SEED = 90210417
R = random.Random(SEED)
N_ITEMS = 640
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii-ninth.jsonl")
TYPES = ("email", "phone", "credit_card", "iban", "ip_address", "url", "person", "street_address")


# ----------------------------------------------------------------------------- builder
class Doc:
    """Text builder that records entity spans (byte offsets) while appending."""

    PH = re.compile(r"\{([a-z][a-z0-9_]*)\}")

    def __init__(self):
        self.buf = bytearray()
        self.ents = []
        self.negs = []          # (value, byte_start)

    def t(self, s):
        self.buf += s.encode("utf-8")
        return self

    def e(self, typ, v):
        assert typ in TYPES, typ
        assert v and v == v.strip(), (typ, v)
        s = len(self.buf)
        self.buf += v.encode("utf-8")
        self.ents.append({"type": typ, "value": v, "start": s, "end": len(self.buf)})
        return self

    def n(self, v):
        assert v and v == v.strip(), v
        self.negs.append((v, len(self.buf)))
        self.buf += v.encode("utf-8")
        return self

    def put(self, x):
        """x: str (plain), (kind, value) tuple, or list of those."""
        if x is None:
            return
        if isinstance(x, str):
            self.t(x)
        elif isinstance(x, tuple):
            kind, v = x
            if kind == "neg":
                self.n(v)
            elif kind == "":
                self.t(v)
            else:
                self.e(kind, v)
        elif isinstance(x, list):
            for y in x:
                self.put(y)
        else:
            raise TypeError(x)

    def f(self, tmpl, **kw):
        partial = kw.pop("_partial", False)   # pools of optional values (e.g. SMS variants)
        pos, used = 0, set()
        for m in self.PH.finditer(tmpl):
            self.t(tmpl[pos:m.start()])
            self.put(kw[m.group(1)])
            used.add(m.group(1))
            pos = m.end()
        self.t(tmpl[pos:])
        assert partial or used == set(kw), ("unused template arguments", set(kw) - used)
        return self

    @property
    def text(self):
        return self.buf.decode("utf-8")


def PER(v): return ("person", v)
def PH(v): return ("phone", v)
def EM(v): return ("email", v)
def CC(v): return ("credit_card", v)
def IB(v): return ("iban", v)
def IP(v): return ("ip_address", v)
def URL(v): return ("url", v)
def ADR(v): return ("street_address", v)
def NEG(v): return ("neg", v)


# ----------------------------------------------------------------------------- small helpers
def ch(seq):
    return R.choice(seq)


def digits(n, first_nonzero=False):
    s = "".join(str(R.randint(0, 9)) for _ in range(n))
    if first_nonzero and s[0] == "0":
        s = str(R.randint(1, 9)) + s[1:]
    return s


def chance(p):
    return R.random() < p


ASCII_MAP = {"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L", "đ": "d",
             "Đ": "D", "ı": "i", "İ": "I", "œ": "oe", "þ": "th", "'": "", "’": ""}


def ascii_fold(s):
    s = "".join(ASCII_MAP.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s):
    s = ascii_fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", "", s)
    return s


# ----------------------------------------------------------------------------- cards
CARD_BRANDS = {
    # brand: (list of IIN prefixes, length, grouping)
    "visa": (["4"], 16, (4, 4, 4, 4)),
    "mastercard": (["51", "52", "53", "54", "55", "2221", "2300", "2500", "2720"], 16, (4, 4, 4, 4)),
    "amex": (["34", "37"], 15, (4, 6, 5)),
    "discover": (["6011", "644", "645", "649", "65"], 16, (4, 4, 4, 4)),
    "jcb": (["3528", "3530", "3541", "3566", "3589"], 16, (4, 4, 4, 4)),
    "diners": (["300", "305", "36", "38"], 14, (4, 6, 4)),
    "unionpay": (["62"], 16, (4, 4, 4, 4)),
    "maestro": (["6759", "5018", "5020", "6304"], 16, (4, 4, 4, 4)),
}
REAL_IIN = sorted({p for v in CARD_BRANDS.values() for p in v[0]} | {"2" + str(x) for x in range(221, 721)},
                  key=len, reverse=True)


def luhn_ok(num):
    tot = 0
    for i, c in enumerate(reversed(num)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


def card_digits(brand=None):
    brand = brand or ch(["visa"] * 5 + ["mastercard"] * 4 + ["amex"] * 2 + ["discover", "jcb", "diners", "unionpay", "maestro"])
    prefixes, length, groups = CARD_BRANDS[brand]
    p = ch(prefixes)
    num = luhn_complete(p + digits(length - len(p) - 1))
    return brand, num, groups


def fmt_groups(num, groups, sep):
    out, i = [], 0
    for g in groups:
        out.append(num[i:i + g])
        i += g
    return sep.join(out)


def card(brand=None, style=None):
    brand, num, groups = card_digits(brand)
    style = style or ch(["space", "space", "hyphen", "compact"])
    if style == "compact":
        return num
    return fmt_groups(num, groups, " " if style == "space" else "-")


def card_brand_name(num):
    d = re.sub(r"\D", "", num)
    if d.startswith(("34", "37")):
        return "Amex"
    if d.startswith("4"):
        return "Visa"
    if d.startswith(("51", "52", "53", "54", "55", "22", "23", "24", "25", "26", "27")):
        return "Mastercard"
    if d.startswith(("6011", "64", "65")):
        return "Discover"
    if d.startswith("35"):
        return "JCB"
    if d.startswith(("30", "36", "38")):
        return "Diners Club"
    if d.startswith("62"):
        return "UnionPay"
    return "Maestro"


def luhn_invalid16(grouped=True):
    """A 16-digit number that is NOT Luhn-valid (hard negative)."""
    while True:
        n = ch(["4", "5", "9", "1", "3"]) + digits(15)
        if not luhn_ok(n):
            break
    return fmt_groups(n, (4, 4, 4, 4), ch([" ", "-"])) if grouped else n


# ----------------------------------------------------------------------------- IBAN
IBAN_SPEC = {
    # country: (length, bban generator)
    "DE": (22, lambda: digits(18)),
    "AT": (20, lambda: digits(16)),
    "CH": (21, lambda: digits(5) + digits(12)),
    "FR": (27, lambda: digits(10) + digits(11) + digits(2)),
    "BE": (16, lambda: digits(12)),
    "NL": (18, lambda: ch(["ABNA", "INGB", "RABO", "TRIO", "KNAB", "BUNQ", "SNSB", "ASNB"]) + digits(10)),
    "ES": (24, lambda: digits(20)),
    "PT": (25, lambda: "0" + digits(20)),
    "IT": (27, lambda: ch("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + digits(10) + digits(12)),
    "PL": (28, lambda: digits(24)),
    "CZ": (24, lambda: ch(["0100", "0300", "0800", "2010", "0600"]) + digits(16)),
    "SE": (24, lambda: digits(20)),
    "NO": (15, lambda: digits(11)),
    "DK": (18, lambda: digits(14)),
    "FI": (18, lambda: digits(14)),
    "TR": (26, lambda: digits(5) + "0" + digits(16)),
    "GR": (27, lambda: digits(7) + digits(16)),
    "RO": (24, lambda: ch(["BTRL", "RNCB", "BRDE", "INGB", "RZBR"]) + digits(16)),
    "HU": (28, lambda: digits(24)),
    "IE": (22, lambda: ch(["AIBK", "BOFI", "IPBS", "ULSB"]) + digits(14)),
    "GB": (22, lambda: ch(["NWBK", "BARC", "HBUK", "LOYD", "MIDL", "MONZ"]) + digits(14)),
    "LU": (20, lambda: digits(16)),
    "BR": (29, lambda: digits(23) + ch("CP") + "1"),
}


def iban_to_int_str(s):
    return "".join(str(int(c, 36)) for c in s)


def iban_valid(iban):
    s = iban.replace(" ", "")
    cc = s[:2]
    if cc not in IBAN_SPEC or len(s) != IBAN_SPEC[cc][0]:
        return False
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", s):
        return False
    return int(iban_to_int_str(s[4:] + s[:4])) % 97 == 1


def iban(cc, grouped=None):
    length, gen = IBAN_SPEC[cc]
    bban = gen()
    assert len(bban) == length - 4, (cc, len(bban))
    chk = 98 - int(iban_to_int_str(bban + cc + "00")) % 97
    s = "%s%02d%s" % (cc, chk, bban)
    assert iban_valid(s)
    if grouped is None:
        grouped = chance(0.6)
    if grouped:
        s = " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


# ----------------------------------------------------------------------------- IP
def ipv4(kind=None):
    kind = kind or ch(["priv", "priv", "pub", "pub", "doc"])
    if kind == "priv":
        return ch(["192.168.%d.%d" % (R.randint(0, 20), R.randint(2, 254)),
                   "10.%d.%d.%d" % (R.randint(0, 60), R.randint(0, 255), R.randint(2, 254)),
                   "172.%d.%d.%d" % (R.randint(16, 31), R.randint(0, 255), R.randint(2, 254))])
    if kind == "doc":
        return ch(["203.0.113.%d", "198.51.100.%d", "192.0.2.%d"]) % R.randint(1, 254)
    return "%d.%d.%d.%d" % (ch([31, 37, 46, 62, 77, 81, 85, 89, 91, 94, 109, 151, 176, 185, 188, 212, 213, 217,
                                 24, 66, 73, 98, 104, 142, 154, 186, 189, 200, 201, 41, 102, 105, 110, 117, 122]),
                            R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


def ipv6(kind=None):
    kind = kind or ch(["full", "comp", "comp", "ll", "loop", "doc"])
    h = lambda: "%x" % R.randint(0, 0xffff)
    if kind == "full":
        return ":".join("%04x" % R.randint(0, 0xffff) for _ in range(8)).replace("0000", "0000", 1)
    if kind == "comp":
        return "2a0%d:%s:%s::%s" % (R.randint(0, 9), h(), h(), h())
    if kind == "ll":
        return "fe80::%s:%s:%s:%s" % (h(), h(), h(), h())
    if kind == "loop":
        return "::1"
    return "2001:db8:%s::%s" % (h(), h())


def ip_any():
    return ipv4() if chance(0.75) else ipv6()


# ----------------------------------------------------------------------------- hard negatives
UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def neg_order():
    return ch([
        lambda: "ORD-%d-%s" % (R.randint(2021, 2025), digits(6)),
        lambda: "#%s" % digits(R.randint(5, 7), True),
        lambda: "A%s-%s" % (digits(3), digits(5)),
        lambda: "SO%s" % digits(8),
        lambda: "%s-%s-%s" % (digits(3), digits(7), digits(7)),   # marketplace style
        lambda: "BN-%s%s" % (ch(UPPER), digits(6)),
        lambda: "WEB%s" % digits(7),
    ])()


def neg_invoice():
    y = R.randint(2022, 2025)
    return ch([
        lambda: "INV-%d-%s" % (y, digits(4)),
        lambda: "RE-%d-%s" % (y, digits(5)),
        lambda: "FA-%s" % digits(6),
        lambda: "FV/%d/%02d/%s" % (y, R.randint(1, 12), digits(3)),
        lambda: "F%d%s" % (y, digits(5)),
        lambda: "NF %s.%s" % (digits(3), digits(3)),
        lambda: "%d/%s" % (y, digits(4)),
    ])()


def neg_ticket():
    return ch([
        lambda: "#%s" % digits(5, True),
        lambda: "TCK-%s" % digits(5),
        lambda: "INC%s" % digits(7),
        lambda: "%s-%d" % (ch(["PAY", "OPS", "WEB", "CRM", "HR", "INFRA", "APP"]), R.randint(10, 4999)),
        lambda: "CASE-%s" % digits(6),
        lambda: "SR %s" % digits(8),
    ])()


def neg_tracking():
    return ch([
        lambda: "1Z%s%s%s" % ("".join(ch(UPPER + "0123456789") for _ in range(6)), digits(2), digits(8)),
        lambda: "%s%s%s" % (ch(["RR", "LX", "CP", "RB", "JD"]), digits(9), ch(["DE", "GB", "FR", "NL", "PL", "CN", "BR"])),
        lambda: "JJD%s" % digits(18),
        lambda: "00340434%s" % digits(12),
        lambda: "9400 1%s %s %s %s %s" % (digits(3), digits(4), digits(4), digits(4), digits(2)),
        lambda: "CTT%s" % digits(10),
    ])()


def neg_isbn():
    body = ch(["978", "979"]) + digits(9)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    chk = (10 - s % 10) % 10
    full = body + str(chk)
    if chance(0.6):
        g = R.randint(1, 2)
        p = R.randint(2, 4)
        return "%s-%s-%s-%s-%s" % (full[:3], full[3:3 + g], full[3 + g:3 + g + p], full[3 + g + p:12], full[12])
    return full


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"],
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
    "tr": ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "pl": ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"],
    "sv": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
    "tr": ["Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"],
}


def neg_date(lang="en"):
    y, m, d = R.randint(2023, 2025), R.randint(1, 12), R.randint(1, 28)
    mo = MONTHS.get(lang, MONTHS["en"])
    opts = {
        "en": ["%d %s %d" % (d, mo[m - 1], y), "%s %d, %d" % (mo[m - 1], d, y), "%02d/%02d/%d" % (m, d, y),
               "%d-%02d-%02d" % (y, m, d), "%d %s" % (d, mo[m - 1][:3])],
        "de": ["%02d.%02d.%d" % (d, m, y), "%d. %s %d" % (d, mo[m - 1], y), "%d.%d." % (d, m)],
        "fr": ["%02d/%02d/%d" % (d, m, y), "%d %s %d" % (d, mo[m - 1], y)],
        "es": ["%02d/%02d/%d" % (d, m, y), "%d de %s de %d" % (d, mo[m - 1], y)],
        "pt": ["%02d/%02d/%d" % (d, m, y), "%d de %s de %d" % (d, mo[m - 1], y)],
        "it": ["%02d/%02d/%d" % (d, m, y), "%d %s %d" % (d, mo[m - 1], y)],
        "nl": ["%02d-%02d-%d" % (d, m, y), "%d %s %d" % (d, mo[m - 1], y)],
        "pl": ["%02d.%02d.%d" % (d, m, y), "%d %s %d" % (d, mo[m - 1], y)],
        "sv": ["%d-%02d-%02d" % (y, m, d), "%d %s" % (d, mo[m - 1])],
        "tr": ["%02d.%02d.%d" % (d, m, y), "%d %s %d" % (d, mo[m - 1], y)],
    }
    return ch(opts.get(lang, opts["en"] + ["%02d.%02d.%d" % (d, m, y)]))


def neg_time(lang=None):
    h, mi = R.randint(7, 21), ch([0, 15, 30, 45, 5, 10, 20, 40, 50])
    opts = {"en": ["%d:%02d %s" % ((h - 1) % 12 + 1, mi, "AM" if h < 12 else "PM"), "%d:%02d%s" % ((h - 1) % 12 + 1, mi, "am" if h < 12 else "pm"), "%02d:%02d" % (h, mi)],
            "de": ["%d.%02d Uhr" % (h, mi), "%02d:%02d Uhr" % (h, mi), "%02d:%02d" % (h, mi)],
            "fr": ["%dh%02d" % (h, mi), "%02d:%02d" % (h, mi)],
            "pt": ["%dh%02d" % (h, mi), "%02d:%02d" % (h, mi)]}
    return ch(opts.get(lang, ["%02d:%02d" % (h, mi), "%d:%02d" % (h, mi)]))


def neg_dob(lang="en"):
    y, m, d = R.randint(1938, 2006), R.randint(1, 12), R.randint(1, 28)
    if lang == "en":
        return ch(["%02d/%02d/%d" % (m, d, y), "%d %s %d" % (d, MONTHS["en"][m - 1], y), "%d-%02d-%02d" % (y, m, d)])
    return ch(["%02d.%02d.%d" % (d, m, y), "%02d/%02d/%d" % (d, m, y), "%d-%02d-%02d" % (y, m, d)])


def neg_area():
    return ch(["%d m²" % R.randint(28, 240), "%d m2" % R.randint(28, 240), "%d,%d m²" % (R.randint(28, 180), R.randint(1, 9)), "%d sq ft" % R.randint(450, 2600)])


def neg_weight():
    return ch(["%d.%d kg" % (R.randint(0, 30), R.randint(1, 9)), "%d g" % R.randint(120, 990), "%d,%d kg" % (R.randint(0, 30), R.randint(1, 9)), "%d lbs" % R.randint(1, 60)])


def neg_version():
    return ch(["v%d.%d.%d" % (R.randint(0, 9), R.randint(0, 30), R.randint(0, 40)),
               "%d.%d.%d-rc.%d" % (R.randint(1, 5), R.randint(0, 12), R.randint(0, 9), R.randint(1, 4)),
               "build %d.%d.%d.%d" % (R.randint(1, 20), R.randint(0, 9), R.randint(0, 9), R.randint(1000, 9999)),
               "%d.%d" % (R.randint(1, 17), R.randint(0, 9)),
               "v%d.%d.%d-beta" % (R.randint(0, 3), R.randint(0, 9), R.randint(0, 20))])


def neg_hash(n=None):
    n = n or ch([7, 7, 8, 12, 40])
    return "".join(ch("0123456789abcdef") for _ in range(n))


def neg_uuid():
    h = neg_hash(32)
    h = h[:12] + "4" + h[13:16] + ch("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def neg_price(cur=None, lo=3, hi=4999):
    cur = cur or ch(["EUR", "USD", "GBP", "CHF", "BRL", "PLN", "CZK", "SEK", "TRY", "INR", "JPY", "MXN"])
    a = R.randint(lo, hi)
    c = R.randint(0, 99)
    return {
        "EUR": ch(["€%d,%02d" % (a, c), "%d,%02d €" % (a, c), "EUR %d.%02d" % (a, c)] + (["€ %d.%03d,00" % (a // 1000, a % 1000)] if a >= 1000 else [])),
        "USD": ch(["$%d.%02d" % (a, c), "USD %d" % a] + (["$%d,%03d.00" % (a // 1000, a % 1000)] if a >= 1000 else [])),
        "GBP": ch(["£%d.%02d" % (a, c), "£%d" % a] + (["£%d,%03d" % (a // 1000, a % 1000)] if a >= 1000 else [])),
        "CHF": ch(["CHF %d.%02d" % (a, c), "CHF %d.–" % a]),
        "BRL": "R$ %d,%02d" % (a, c),
        "PLN": ch(["%d,%02d zł" % (a, c), "%d PLN" % a]),
        "CZK": "%d Kč" % (a * 10),
        "SEK": ch(["%d kr" % a, "%d SEK" % a]),
        "TRY": ch(["₺%d" % a, "%d TL" % a]),
        "INR": ch(["₹%d" % (a * 10), "Rs. %d/-" % (a * 10)]),
        "JPY": "¥%d,%03d" % (R.randint(1, 99), R.randint(0, 999)),
        "MXN": "MX$%d.%02d" % (a, c),
    }[cur]


def neg_pct():
    return ch(["%d%%" % R.randint(1, 99), "%d,%d %%" % (R.randint(1, 40), R.randint(1, 9)), "%d.%d%%" % (R.randint(0, 40), R.randint(1, 9))])


def neg_measure():
    return ch(["%d.%d kg" % (R.randint(0, 40), R.randint(1, 9)), "%d cm" % R.randint(20, 220), "%d m²" % R.randint(18, 240),
               "%d,%d m2" % (R.randint(20, 140), R.randint(1, 9)), "%d ml" % ch([250, 330, 500, 750]),
               "%d x %d x %d cm" % (R.randint(10, 80), R.randint(10, 60), R.randint(5, 40)), "%d.%d GHz" % (R.randint(1, 4), R.randint(0, 9)),
               "%d GB" % ch([8, 16, 32, 64, 128, 256, 512]), "%d km" % R.randint(2, 900), "%d°C" % R.randint(-5, 38)])


def neg_sku():
    return ch(["SKU-%s-%s-%s" % (digits(2), ch(["BLK", "WHT", "RED", "NVY", "GRN"]), ch(["S", "M", "L", "XL"])),
               "ART-%s" % digits(7), "%s%s-%s" % (ch(UPPER), ch(UPPER), digits(4)), "EAN %s%s" % (ch(["87", "80", "76", "90"]), digits(11)),
               "P/N %s-%s" % (digits(3), digits(4)), "REF %s.%s.%s" % (digits(3), digits(3), digits(2)),
               "MPN %s%s%s-%s" % (ch(UPPER), ch(UPPER), digits(3), ch(UPPER))])


def neg_path():
    return ch(["/var/log/nginx/access.log", "/etc/ssl/certs/ca-bundle.crt", "C:\\Users\\Public\\Documents\\Q3_report.xlsx",
               "~/Downloads/contract_final_v2.pdf", "./src/utils/formatDate.ts", "/home/deploy/app/.env.production",
               "D:\\Scans\\2024\\scan_0042.pdf", "/opt/app/config/settings.yaml", "s3://backups-eu/db/2024-03-01.sql.gz",
               "src/main/java/com/shop/OrderService.java", "/srv/www/uploads/img_4471.jpg"])


def neg_hex():
    return "#" + "".join(ch("0123456789abcdef" if chance(0.5) else "0123456789ABCDEF") for _ in range(ch([6, 6, 3])))


def neg_mac():
    sep = ch([":", "-"])
    return sep.join("%02X" % R.randint(0, 255) for _ in range(6))


def neg_coord():
    lat, lon = R.uniform(-40, 62), R.uniform(-100, 40)
    return ch(["%.4f, %.4f" % (lat, lon), "%.6f,%.6f" % (lat, lon), "%d°%d′N %d°%d′E" % (abs(int(lat)), R.randint(0, 59), abs(int(lon)), R.randint(0, 59))])


def neg_account():
    return ch(["%s-%s-%s" % (digits(2), digits(2), digits(2)),           # UK sort code
               "Acct %s" % digits(12), "A/C No. %s" % digits(11),
               "BSB %s-%s" % (digits(3), digits(3)), "routing %s" % digits(9), "Konto %s" % digits(10),
               "IFSC HDFC0%s" % digits(6)])


def neg_any(lang="en", k=1):
    gens = [neg_order, neg_invoice, neg_ticket, neg_tracking, neg_isbn, lambda: neg_date(lang), neg_time, neg_version,
            neg_hash, neg_uuid, luhn_invalid16, neg_price, neg_pct, neg_measure, neg_sku, neg_hex, neg_mac, neg_coord]
    return [ch(gens)() for _ in range(k)]


COMPANIES = ["Nordwind Logistik GmbH", "Brightpath Ltd", "Solaria Energia S.L.", "Vexley Systems Inc.", "Groupe Lumière SAS",
             "Tulpenhof B.V.", "Kestrel Analytics", "Polar Byte AB", "Meridiana S.p.A.", "Blue Finch Studio", "Kanelbulle Bageri",
             "Orbitale Software", "Zentrix AG", "Harbourline Freight", "Marisol Hoteles", "Ferrovia Verde", "Atlas Kargo A.Ş.",
             "Hanza Meble Sp. z o.o.", "Cedrus Consulting", "Quantaflux", "Fjordlys AS", "Nimbus Cloudworks", "Pyramid Foods Ltd"]
PRODUCTS = ["Galaxy Tab S9", "ThinkPad X1 Carbon", "AirPods Pro", "Kindle Paperwhite", "Nespresso Vertuo", "PlayStation 5",
            "Dyson V15", "Surface Laptop 5", "Pixel 8 Pro", "Instant Pot Duo", "Roomba Combo", "Apple Watch Series 9",
            "Bosch Serie 6", "Thermomix TM6", "MacBook Air M2", "Philips Hue Bridge", "Garmin Forerunner 265", "Sonos Era 100"]
JOBS = ["Senior Account Manager", "Head of Operations", "Customer Success Lead", "Software Engineer", "Office Manager",
        "Chief Financial Officer", "Product Owner", "Data Protection Officer", "Sales Director", "Project Coordinator",
        "Registered Nurse", "Facility Manager", "Teaching Assistant", "Legal Counsel", "Marketing Specialist"]


# ----------------------------------------------------------------------------- names (written for this file)
# Per locale: male given, female given, surnames (str, or (masculine, feminine) pair),
# invented given names as (name, gender), invented surnames. ~20 % of draws use the invented lists.
NAMES = {
    "US": dict(
        gm=["James", "Robert", "Michael", "David", "Tyler", "DeShawn", "Cody", "Hunter", "Marcus", "Brandon", "Dwayne", "Ethan", "Caleb", "Luis"],
        gf=["Mary", "Patricia", "Jennifer", "Linda", "Brianna", "Latoya", "Madison", "Kayla", "Jasmine", "Ashley", "Shannon", "Heather", "Destiny"],
        sur=["Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Anderson", "Thompson", "Whitaker", "Kowalczyk", "Fitzpatrick",
             "Washington", "Hernandez", "McAllister", "Rosenberg", "Okafor-Hayes", "Delgado"],
        inv_g=[("Jaxtyn", "m"), ("Brylee", "f"), ("Kordell", "m"), ("Maelynn", "f"), ("Daxon", "m")],
        inv_s=["Brandvold", "Quillan", "Harkwell", "Tessendorf", "Marlowby"]),
    "UK": dict(
        gm=["Oliver", "Harry", "George", "Alfie", "Callum", "Rhys", "Tariq", "Archie", "Hamish", "Gareth", "Nigel"],
        gf=["Amelia", "Isla", "Poppy", "Freya", "Ffion", "Priya", "Imogen", "Harriet", "Bethan", "Nkechi", "Georgina"],
        sur=["Taylor", "Evans", "Hughes", "Roberts", "Walker", "Wright", "Patel", "Ahmed", "Clarke", "Fothergill", "Ashworth",
             "Pemberton", "Davies-Whitfield", "Llewellyn", "MacLeod", "Brown-Okoye"],
        inv_g=[("Brennick", "m"), ("Corvina", "f"), ("Tamsyn", "f"), ("Alrick", "m")],
        inv_s=["Hollingbrook", "Thistlewaite", "Pennycross", "Ravensworth-Hale"]),
    "IE": dict(
        gm=["Ciarán", "Seán", "Pádraig", "Eoin", "Darragh", "Cillian", "Oisín", "Tadhg", "Fionn"],
        gf=["Siobhán", "Aoife", "Niamh", "Róisín", "Caoimhe", "Orla", "Sorcha", "Clodagh", "Gráinne"],
        sur=["O'Connor", "Murphy", ("Ó Briain", "Ní Bhriain"), ("Mac Giolla Phádraig", "Nic Giolla Phádraig"), "Kelly", "Byrne", "O'Sullivan",
             "McCarthy", "Fitzgerald", "Doyle", ("Ó Dónaill", "Ní Dhónaill"), ("Ó Súilleabháin", "Ní Shúilleabháin"), "Brennan", ("Mac Carthaigh", "Nic Carthaigh")],
        inv_g=[("Fiadhna", "f"), ("Ruairc", "m"), ("Ailbhín", "f")],
        inv_s=[("Ó Faracháin", "Ní Fharacháin"), "Kilbrannan", "McGlinchey-Rourke"]),
    "AU": dict(
        gm=["Jack", "Lachlan", "Cooper", "Kai", "Bodhi", "Riley", "Mitchell", "Hamish"],
        gf=["Charlotte", "Matilda", "Mia", "Sienna", "Chloe", "Tahlia", "Kirra", "Ellie"],
        sur=["Mitchell", "Campbell", "Papadopoulos", "Russo", "Hartigan", "Nguyen", "O'Brien", "Kelly", "Tran", "Morrison", "Sutherland"],
        inv_g=[("Wrenly", "f"), ("Jarrah", "m"), ("Koa", "m")],
        inv_s=["Wellsby", "Kerrigal", "Dunmarra"]),
    "IN": dict(
        gm=["Rahul", "Arjun", "Venkatesh", "Sanjay", "Aarav", "Mohammed", "Harpreet", "Sandeep", "Vikram", "Abhishek", "Karthik"],
        gf=["Priya", "Ananya", "Lakshmi", "Deepika", "Kavitha", "Pooja", "Sneha", "Meenakshi", "Farah", "Divya", "Ishita"],
        sur=["Sharma", "Iyer", "Raghunathan", "Patel", "Reddy", "Banerjee", "Nair", "Gupta", "Singh", "Chatterjee", "Krishnamurthy",
             "Deshpande", "Menon", "Kulkarni", "Qureshi", "Subramanian"],
        inv_g=[("Ravendra", "m"), ("Sithanya", "f"), ("Aniketh", "m"), ("Mridhula", "f")],
        inv_s=["Pallavanathan", "Kothandaram", "Vasishtha-Rao"]),
    "ZA": dict(
        gm=["Sipho", "Pieter", "Johan", "Themba", "Kagiso", "Thabo", "Riaan", "Mandla"],
        gf=["Thandiwe", "Lerato", "Anele", "Nomvula", "Annelie", "Zanele", "Marike", "Palesa"],
        sur=["Nkosi", "van der Merwe", "Botha", "Dlamini", "Mokoena", "Naidoo", "Pretorius", "Khumalo", "Venter", "du Plessis", "Ndlovu", "Govender"],
        inv_g=[("Lwazikhona", "m"), ("Reinette", "f")],
        inv_s=["Vermaakstra", "Mthembulo"]),
    "NG": dict(
        gm=["Chinonso", "Oluwaseun", "Emeka", "Tunde", "Ifeanyi", "Musa", "Babajide", "Chukwudi", "Segun"],
        gf=["Ngozi", "Aisha", "Funmilayo", "Yetunde", "Chiamaka", "Adaeze", "Blessing", "Zainab", "Temitope"],
        sur=["Okafor", "Adeyemi", "Okonkwo", "Bello", "Eze", "Adebayo", "Nwachukwu", "Ogunleye", "Abubakar", "Olatunji",
             "Chukwuemeka-Obi", "Onyekachi", "Balogun"],
        inv_g=[("Obinnaya", "m"), ("Ifeoluwani", "f")],
        inv_s=["Adekanmbi-Cole", "Nwafornso"]),
    "DE": dict(
        gm=["Lukas", "Jürgen", "Karl-Heinz", "Maximilian", "Dieter", "Björn", "Emre", "Fynn", "Hans-Peter", "Tobias", "Wolfgang"],
        gf=["Anna-Lena", "Sabine", "Ursula", "Leonie", "Jana", "Hannelore", "Mareike", "Gudrun", "Svenja", "Marie-Luise", "Ayşegül"],
        sur=["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Wagner", "Zimmermann",
             "von Stein", "Krüger", "Weißhaupt", "Brandtner", "Lehmann-Kurz", "Vogt", "zu Dohna"],
        inv_g=[("Jaspen", "m"), ("Hildrun", "f"), ("Ortwin", "m"), ("Kjella", "f")],
        inv_s=["Oberwaldt", "Hallberger", "Kranzbühl", "Wendelmoser"]),
    "AT": dict(
        gm=["Florian", "Johann", "Valentin", "Lorenz", "Andreas", "Stefan", "Markus"],
        gf=["Katharina", "Theresia", "Magdalena", "Sophie", "Elisabeth", "Verena", "Barbara"],
        sur=["Gruber", "Huber", "Bauer", "Pichler", "Steiner", "Moser", "Hofer", "Leitner", "Eder", "Aigner", "Gschwandtner", "Wimmer"],
        inv_g=[("Korbinian", "m"), ("Loisa", "f")],
        inv_s=["Pranzl", "Hinterwieser", "Stummvoll"]),
    "CH": dict(
        gm=["Reto", "Beat", "Urs", "Gian-Luca", "Lorenzo", "Jean-Marc", "Luca"],
        gf=["Ursina", "Corinne", "Nadine", "Mirjam", "Séverine", "Seraina", "Chiara"],
        sur=["Meier", "Keller", "Brunner", "Baumann", "Zürcher", "Rochat", "Bianchi", "Gerber", "Widmer", "Favre", "Tschudi", "Giger"],
        inv_g=[("Flurin", "m"), ("Tiziana", "f")],
        inv_s=["Lüthold", "Ammacher", "Grandjacquet"]),
    "FR": dict(
        gm=["Jean-Pierre", "Mathieu", "Antoine", "Benoît", "Thibault", "Yanis", "Guillaume", "Loïc", "Rémi", "Mamadou"],
        gf=["Camille", "Élodie", "Sophie", "Chloé", "Margaux", "Hélène", "Inès", "Anaïs", "Maëlle", "Françoise"],
        sur=["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Fontaine", "de la Roche", "Chevalier",
             "Mercier", "N'Diaye", "Le Goff", "Benali", "Saint-Clair"],
        inv_g=[("Aurélin", "m"), ("Maëlys", "f"), ("Odilon", "m")],
        inv_s=["Vaudrémont", "Kerlouan", "Delacôte"]),
    "BE": dict(
        gm=["Wout", "Jeroen", "Maxime", "Pieter-Jan", "Arnaud", "Stijn", "Koen"],
        gf=["Lotte", "Elke", "Amélie", "Lieselot", "Fien", "Marie", "Nathalie"],
        sur=["Peeters", "Janssens", "Maes", "Jacobs", "Willems", "Claes", "Goossens", "Dupont", "Lambert", "Van den Broeck", "De Smet",
             "Vandenberghe", "Verstraeten"],
        inv_g=[("Wannes", "m"), ("Noorke", "f")],
        inv_s=["Van Oosterwijck", "Debrulle"]),
    "NL": dict(
        gm=["Daan", "Joost", "Bram", "Thijs", "Sem", "Gerrit", "Ruud", "Maarten"],
        gf=["Sanne", "Femke", "Anouk", "Marloes", "Ilse", "Willemijn", "Lieke", "Esmée"],
        sur=["de Vries", "van der Berg", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "van Dijk", "Hendriks",
             "van 't Hof", "Kuipers", "van der Linden", "Bos"],
        inv_g=[("Jorrit", "m"), ("Mientje", "f"), ("Wessel", "m")],
        inv_s=["van Gelderwijk", "Brouwerink", "ter Haarst"]),
    "ES": dict(
        gm=["Juan Carlos", "Javier", "Álvaro", "Alejandro", "Íñigo", "Sergio", "Jordi", "Pablo", "Manuel"],
        gf=["María José", "Lucía", "Carmen", "Nuria", "Pilar", "Montserrat", "Begoña", "Ainhoa", "Rocío"],
        sur=["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Jiménez",
             "Echeverría", "de la Fuente", "Castells", "Iglesias", "Ortega", "Vidal"],
        inv_g=[("Iruzkin", "m"), ("Valdenira", "f")],
        inv_s=["Albarracín", "Montoyares", "Quintanal"]),
    "MX": dict(
        gm=["José Luis", "Jesús", "Ulises", "Rogelio", "Emiliano", "Octavio", "Cuauhtémoc"],
        gf=["Guadalupe", "Ximena", "Fernanda", "Alejandra", "Itzel", "Mariana", "Citlali"],
        sur=["Hernández", "Ramírez", "Torres", "Flores", "Vázquez", "Cruz", "Morales", "Reyes", "Gutiérrez", "Chávez", "Mendoza", "Xolalpa"],
        inv_g=[("Yaretzi", "f"), ("Tonatiuh", "m")],
        inv_s=["Tlacuilo", "Ibarrola"]),
    "PT": dict(
        gm=["João", "Tiago", "Rui", "Gonçalo", "Duarte", "Nuno", "Afonso"],
        gf=["Inês", "Beatriz", "Mariana", "Leonor", "Filipa", "Carolina", "Matilde"],
        sur=["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa", "Fernandes", "Gonçalves",
             "da Cunha", "dos Reis", "Magalhães"],
        inv_g=[("Lourival", "m"), ("Isaura", "f")],
        inv_s=["Vilarinho", "Quaresmão"]),
    "BR": dict(
        gm=["Lucas", "Gabriel", "Rafael", "Thiago", "Matheus", "Caio", "Wellington", "João Pedro", "Anderson"],
        gf=["Ana Clara", "Júlia", "Larissa", "Beatriz", "Letícia", "Vitória", "Thaís", "Maria Eduarda", "Jéssica"],
        sur=["da Silva", "Souza", "Oliveira", "Lima", "Carvalho", "Almeida", "Ribeiro", "Nascimento", "Araújo", "Barbosa", "dos Santos",
             "Cavalcanti", "Moraes"],
        inv_g=[("Kauãzinho", "m"), ("Raylane", "f"), ("Deivison", "m")],
        inv_s=["Bittencourt Lago", "Caruaçu"]),
    "IT": dict(
        gm=["Alessandro", "Lorenzo", "Matteo", "Giuseppe", "Davide", "Salvatore", "Gianluca", "Pierpaolo"],
        gf=["Giulia", "Francesca", "Chiara", "Federica", "Valentina", "Antonella", "Martina", "Rosaria"],
        sur=["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo",
             "De Luca", "Lo Russo", "D'Angelo", "Santoro"],
        inv_g=[("Orsolino", "m"), ("Ginevrina", "f")],
        inv_s=["Valtorta", "Scarpellini", "Dell'Orefice"]),
    "PL": dict(
        gm=["Krzysztof", "Tomasz", "Piotr", "Paweł", "Grzegorz", "Łukasz", "Michał", "Wojciech"],
        gf=["Małgorzata", "Agnieszka", "Katarzyna", "Zofia", "Magdalena", "Joanna", "Ewa", "Dorota"],
        sur=[("Kowalski", "Kowalska"), "Nowak", ("Wiśniewski", "Wiśniewska"), "Wójcik", ("Kamiński", "Kamińska"),
             ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"), ("Dąbrowski", "Dąbrowska"),
             "Woźniak", ("Jankowski", "Jankowska"), "Mazur", ("Krawczyk", "Krawczyk"), ("Sobczak", "Sobczak")],
        inv_g=[("Bożydar", "m"), ("Wiesława", "f")],
        inv_s=[("Brzęczkowski", "Brzęczkowska"), ("Żmudziński", "Żmudzińska")]),
    "CZ": dict(
        gm=["Petr", "Jan", "Tomáš", "Jiří", "Ondřej", "Vojtěch", "Lukáš"],
        gf=["Jana", "Kateřina", "Lucie", "Tereza", "Zuzana", "Markéta", "Veronika"],
        sur=[("Novák", "Nováková"), ("Svoboda", "Svobodová"), ("Dvořák", "Dvořáková"), ("Černý", "Černá"), ("Procházka", "Procházková"),
             ("Kučera", "Kučerová"), ("Veselý", "Veselá"), ("Horák", "Horáková"), ("Němec", "Němcová"), ("Marek", "Marková")],
        inv_g=[("Radimír", "m"), ("Bohdanka", "f")],
        inv_s=[("Vrbovec", "Vrbovcová"), ("Klenický", "Klenická")]),
    "SE": dict(
        gm=["Lars-Erik", "Anders", "Johan", "Oskar", "Nils", "Gustav", "Björn"],
        gf=["Astrid", "Ingrid", "Elin", "Maja", "Karin", "Linnéa", "Sigrid"],
        sur=["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Lindqvist", "Bergström", "Sjöberg", "Åkesson", "Holmgren"],
        inv_g=[("Torvald", "m"), ("Alvina", "f")],
        inv_s=["Fjällmark", "Strandelius"]),
    "NO": dict(
        gm=["Ola", "Håkon", "Eirik", "Sindre", "Magnus", "Torbjørn"],
        gf=["Kari", "Solveig", "Ragnhild", "Nora", "Sigrid", "Ingvild"],
        sur=["Hansen", "Johansen", "Olsen", "Larsen", "Haugen", "Bakken", "Solberg", "Kristiansen", "Østby", "Nordahl"],
        inv_g=[("Trygvar", "m"), ("Sølvi", "f")],
        inv_s=["Fjeldvik", "Skarsgrav"]),
    "DK": dict(
        gm=["Mads", "Søren", "Rasmus", "Frederik", "Jens", "Morten"],
        gf=["Mette", "Sofie", "Freja", "Line", "Ida", "Karen"],
        sur=["Nielsen", "Jensen", "Pedersen", "Andersen", "Christensen", "Rasmussen", "Jørgensen", "Møller", "Kjærgaard", "Vestergaard"],
        inv_g=[("Aksel", "m"), ("Tilde", "f")],
        inv_s=["Brønsholm", "Lykkegaard-Friis"]),
    "FI": dict(
        gm=["Mikko", "Juha", "Antti", "Eero", "Ville", "Teemu"],
        gf=["Aino", "Sanna", "Tiina", "Eveliina", "Kaisa", "Minna"],
        sur=["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen"],
        inv_g=[("Ilmari", "m"), ("Sirkkaliisa", "f")],
        inv_s=["Kivilahti", "Rautasalo"]),
    "TR": dict(
        gm=["Mehmet", "Mustafa", "Emre", "Burak", "Oğuz", "Kerem", "Hüseyin"],
        gf=["Ayşe", "Fatma", "Zeynep", "Elif", "Gülşen", "Büşra", "Şeyma"],
        sur=["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Kılıç", "Karaca"],
        inv_g=[("Tolunay", "m"), ("Ilgaz", "f")],
        inv_s=["Karaağaçlı", "Sütçüoğlu"]),
    "GR": dict(
        gm=["Georgios", "Dimitrios", "Konstantinos", "Nikolaos", "Ioannis", "Panagiotis", "Spyros"],
        gf=["Eleni", "Maria", "Aikaterini", "Vasiliki", "Sofia", "Despoina", "Angeliki"],
        sur=[("Papadopoulos", "Papadopoulou"), ("Papadakis", "Papadaki"), ("Nikolaidis", "Nikolaidou"), "Georgiou",
             ("Karagiannis", "Karagianni"), ("Vlachos", "Vlachou"), "Oikonomou", "Antoniou", "Christodoulou", ("Makris", "Makri")],
        inv_g=[("Thrasyvoulos", "m"), ("Kalliroi", "f")],
        inv_s=[("Stamatelopoulos", "Stamatelopoulou"), ("Lykourezos", "Lykourezou")]),
    "RO": dict(
        gm=["Andrei", "Mihai", "Alexandru", "Ionuț", "Bogdan", "Cristian", "Radu"],
        gf=["Ana-Maria", "Ioana", "Elena", "Andreea", "Mihaela", "Roxana", "Oana"],
        sur=["Popescu", "Ionescu", "Popa", "Dumitrescu", "Stan", "Constantinescu", "Stoica", "Gheorghiu", "Munteanu", "Vasilescu"],
        inv_g=[("Sorinel", "m"), ("Lăcrămioara", "f")],
        inv_s=["Brădeanu", "Vâlcioiu"]),
    "HU": dict(
        gm=["Péter", "László", "Gábor", "Zoltán", "Bence", "Attila"],
        gf=["Ágnes", "Katalin", "Eszter", "Zsófia", "Réka", "Judit"],
        sur=["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh", "Farkas"],
        inv_g=[("Levendel", "m"), ("Boglárka", "f")],
        inv_s=["Borsányi", "Kercsmáros"]),
    "VN": dict(
        gm=["An", "Dũng", "Hùng", "Tuấn", "Khoa", "Phúc", "Quang"],
        gf=["Lan", "Hương", "Mai", "Trang", "Linh", "Thảo", "Ngân"],
        sur=["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi"],
        inv_g=[("Khánh Vỹ", "m"), ("Diệu Anh", "f")],
        inv_s=["Lạc", "Từ"]),
    "ID": dict(
        gm=["Budi", "Agus", "Rizky", "Dimas", "Ahmad", "Eko", "Yusuf"],
        gf=["Siti", "Dewi", "Putri", "Ratna", "Intan", "Wulan", "Nurul"],
        sur=["Santoso", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Pratama", "Nugroho", "Halim", "Siregar", "Simanjuntak"],
        inv_g=[("Gilang", "m"), ("Anindyta", "f")],
        inv_s=["Sastrowardoyo", "Purbasari"]),
    "PH": dict(
        gm=["Jose", "Mark Anthony", "Rodel", "Jericho", "Paolo", "Danilo", "Jun-Jun"],
        gf=["Maria Clara", "Kristine", "Lovely", "Jhoanna", "Princess", "Rowena", "Marites"],
        sur=["dela Cruz", "Santos", "Reyes", "Bautista", "Mendoza", "de los Reyes", "Villanueva", "Macaraeg", "Dimaculangan", "Tolentino"],
        inv_g=[("Jhunmark", "m"), ("Kimberlyn", "f")],
        inv_s=["Magsalin", "Tabuenca"]),
    "JP": dict(
        gm=["Hiroshi", "Takeshi", "Kenji", "Haruto", "Daisuke", "Yuto"],
        gf=["Yuki", "Aiko", "Sakura", "Haruka", "Misaki", "Yui"],
        sur=["Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Saitō", "Matsumoto", "Inoue"],
        inv_g=[("Kazuharu", "m"), ("Minori", "f")],
        inv_s=["Hoshizaki", "Tsukimura"]),
    "CN": dict(
        gm=["Wei", "Jun", "Hao", "Zhiwei", "Jianguo", "Yifan"],
        gf=["Xiuying", "Mei", "Jing", "Xiaoling", "Yan", "Jia-hui"],
        sur=["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Ouyang"],
        inv_g=[("Ruoxuan", "f"), ("Haoming", "m")],
        inv_s=["Qiao", "Shangguan"]),
}


# ----------------------------------------------------------------------------- streets / addresses (written for this file)
def hn(lo=1, hi=180):
    return str(R.randint(lo, hi))


def pc_uk(district):
    return "%s %d%s%s" % (district, R.randint(1, 9), ch("ABDEFGHJLNPQRSTUWXYZ"), ch("ABDEFGHJLNPQRSTUWXYZ"))


class Addr:
    def __init__(self, street, postcode, city, fmt, country, region=""):
        self.street, self.postcode, self.city, self.fmt, self.country, self.region = street, postcode, city, fmt, country, region

    def tail(self, with_country=False):
        """Pieces for the postcode/city part (outside the entity); postcode and city are negatives."""
        pcs = []
        for tok in re.split(r"(\{[a-z]+\})", self.fmt):
            if tok == "{pc}":
                pcs.append(NEG(self.postcode) if self.postcode else "")
            elif tok == "{city}":
                pcs.append(NEG(self.city))
            elif tok == "{region}":
                pcs.append(self.region)
            elif tok:
                pcs.append(tok)
        if with_country:
            pcs += [", ", NEG(self.country)]
        return pcs


def a_US():
    st = ch(["Maple Avenue", "Oak Street", "Elm Drive", "Sunset Boulevard", "Pine Ridge Road", "Lakeshore Drive", "Cedar Lane",
             "Willow Court", "Magnolia Way", "Hawthorne Place", "Old Mill Road", "Riverside Parkway", "W 34th Street", "NE Glisan St",
             "Peachtree Street NE", "S Congress Ave", "Bluebonnet Trail", "Harbor View Terrace", "N Lincoln Ave"])
    s = "%s %s" % (hn(1, 9899), st)
    if chance(0.35):
        s += ch([", Apt %d%s" % (R.randint(1, 30), ch("ABCD")), " Apt %d" % R.randint(1, 40), ", Suite %d" % R.randint(100, 990),
                 ", Unit %d" % R.randint(1, 60), " #%d" % R.randint(2, 40)])
    city, st2, z = ch([("Springfield", "IL", "627"), ("Austin", "TX", "787"), ("Portland", "OR", "972"), ("Columbus", "OH", "432"),
                       ("Tampa", "FL", "336"), ("Denver", "CO", "802"), ("Madison", "WI", "537"), ("Raleigh", "NC", "276"),
                       ("Sacramento", "CA", "958"), ("Albany", "NY", "122"), ("Atlanta", "GA", "303"), ("Boise", "ID", "837")])
    zc = z + digits(2) + ("-" + digits(4) if chance(0.2) else "")
    return Addr(s, zc, city, "{city}, {region} {pc}", "USA", st2)


def a_UK():
    st = ch(["Ashdown Road", "Victoria Street", "Church Lane", "Kings Avenue", "Mill Close", "Highfield Crescent", "Station Road",
             "Queen's Drive", "Larkspur Mews", "Wellington Gardens", "Albert Embankment", "Cromwell Grove", "Bishopsgate Row",
             "Harrowdene Way", "St Mary's Walk"])
    num = hn(1, 240) + (ch("ab") if chance(0.12) else "")
    s = "%s %s" % (num, st)
    if chance(0.3):
        s = ch(["Flat %d, " % R.randint(1, 24), "Flat %d%s, " % (R.randint(1, 9), ch("ABC")), "Apartment %d, " % R.randint(1, 80)]) + s
    city, d = ch([("London", ch(["SE15", "N16", "E8", "SW9", "NW5", "W12"])), ("Manchester", "M14"), ("Leeds", "LS6"), ("Bristol", "BS7"),
                  ("Edinburgh", "EH9"), ("Cardiff", "CF24"), ("Norwich", "NR2"), ("York", "YO31"), ("Glasgow", "G12"), ("Brighton", "BN2")])
    return Addr(s, pc_uk(d), city, ch(["{city} {pc}", "{city}, {pc}"]), "United Kingdom")


def a_IE():
    st = ch(["Harcourt Street", "Seaview Terrace", "Main Street", "Church Road", "Pearse Street", "Oakpark Avenue", "Castle Lane",
             "Bóthar na Trá", "Sráid an Mhuilinn", "Clontarf Road", "Rathgar Avenue"])
    s = "%s %s" % (hn(1, 120), st)
    if chance(0.25):
        s = "Apt %d, " % R.randint(1, 40) + s
    city, rk = ch([("Dublin 2", "D02"), ("Dublin 6", "D06"), ("Cork", "T12"), ("Galway", "H91"), ("Limerick", "V94"), ("Waterford", "X91")])
    ec = "%s %s%s%s%s" % (rk, ch("ACDEFHKNPRTVWXY"), digits(1), ch("ACDEFHKNPRTVWXY"), digits(1))
    return Addr(s, ec, city, "{city}, {pc}", "Ireland")


def a_AU():
    st = ch(["Beach Road", "Wattle Street", "Bridge Road", "Parramatta Road", "Chapel Street", "Banksia Crescent", "Jacaranda Avenue",
             "Hopetoun Parade", "Kooyong Rd", "Oxford St"])
    n = hn(1, 400)
    s = ch(["%s %s" % (n, st), "%s %s" % (n, st), "Unit %d, %s %s" % (R.randint(1, 30), n, st), "%d/%s %s" % (R.randint(1, 30), n, st)])
    sub, stt, pc = ch([("Bondi", "NSW", "2026"), ("Fitzroy", "VIC", "3065"), ("Paddington", "QLD", "4064"), ("Subiaco", "WA", "6008"),
                       ("Glenelg", "SA", "5045"), ("Newtown", "NSW", "2042"), ("Sandy Bay", "TAS", "7005")])
    return Addr(s, pc, sub, "{city} {region} {pc}", "Australia", stt)


def a_IN():
    st = ch(["MG Road", "Linking Road", "Brigade Road", "Anna Salai", "Park Street", "Hill Road", "2nd Main Road", "14th Cross Road",
             "Nehru Nagar Main Road", "Residency Road", "FC Road"])
    s = ch(["%s %s" % (hn(1, 300), st), "No. %s, %s" % (hn(1, 120), st), "Flat %d, %s %s" % (R.randint(101, 1204), hn(1, 90), st),
            "%d/%d %s" % (R.randint(1, 60), R.randint(1, 9), st)])
    city, pc = ch([("Bandra West, Mumbai", "4000" + digits(2)), ("Bengaluru", "5600" + digits(2)), ("Chennai", "6000" + digits(2)),
                   ("Kolkata", "7000" + digits(2)), ("Pune", "4110" + digits(2)), ("Hyderabad", "5000" + digits(2))])
    return Addr(s, pc, city, ch(["{city} {pc}", "{city} - {pc}"]), "India")


def a_ZA():
    st = ch(["Long Street", "Jan Smuts Avenue", "Oxford Road", "Bree Street", "Voortrekker Road", "Kloof Street", "Florida Road", "Main Road"])
    s = "%s %s" % (hn(1, 300), st)
    if chance(0.25):
        s = "Unit %d, " % R.randint(1, 40) + s
    city, pc = ch([("Cape Town", "8001"), ("Rosebank, Johannesburg", "2196"), ("Durban", "4001"), ("Pretoria", "0002"), ("Stellenbosch", "7600")])
    return Addr(s, pc, city, "{city}, {pc}", "South Africa")


def a_NG():
    st = ch(["Adeola Odeku Street", "Awolowo Road", "Admiralty Way", "Allen Avenue", "Aminu Kano Crescent", "Ogui Road", "Bode Thomas Street"])
    s = "%s %s" % (hn(1, 90), st)
    if chance(0.3):
        s = ch(["Flat %d, " % R.randint(1, 12), "Plot %d, " % R.randint(1, 400)]) + s
    city, pc = ch([("Victoria Island, Lagos", "101241"), ("Ikoyi, Lagos", "106104"), ("Wuse II, Abuja", "904101"), ("Enugu", "400001"), ("Surulere, Lagos", "101283")])
    return Addr(s, pc, city, ch(["{city}", "{city} {pc}"]) if True else "", "Nigeria")


def a_DE():
    st = ch(["Lindenstraße", "Hauptstraße", "Bahnhofstr.", "Schillerstraße", "Goethestraße", "Am Mühlbach", "Karl-Marx-Allee",
             "Friedrichstraße", "Kastanienweg", "Rosenweg", "Berliner Platz", "Unter den Linden", "Auf der Heide", "Hohe Straße",
             "Sonnenallee", "Eichendorffring", "Zur Alten Ziegelei", "Theodor-Heuss-Str."])
    s = "%s %s" % (st, hn(1, 160) + (ch("abc") if chance(0.15) else ""))
    if chance(0.25):
        s += ch([", Whg. %d" % R.randint(1, 20), ", %d. OG" % R.randint(1, 5), ", %d. OG links" % R.randint(1, 5), " / Hinterhaus", ", App. %d" % R.randint(1, 30)])
    pc, city = ch([("102", "Berlin"), ("803", "München"), ("506", "Köln"), ("200", "Hamburg"), ("041", "Leipzig"), ("603", "Frankfurt am Main"),
                   ("701", "Stuttgart"), ("281", "Bremen"), ("010", "Dresden"), ("904", "Nürnberg"), ("331", "Bielefeld")])
    return Addr(s, pc + digits(2), city, "{pc} {city}", "Deutschland")


def a_AT():
    st = ch(["Mariahilfer Straße", "Schönbrunner Str.", "Landstraßer Hauptstraße", "Herrengasse", "Getreidegasse", "Linzer Gasse",
             "Praterstraße", "Annenstraße", "Wiedner Gürtel"])
    s = ch(["%s %s/%d/%d" % (st, hn(1, 140), R.randint(1, 4), R.randint(1, 30)), "%s %s, Top %d" % (st, hn(1, 90), R.randint(1, 40)),
            "%s %s/%d" % (st, hn(1, 90), R.randint(1, 30)), "%s %s" % (st, hn(1, 120))])
    pc, city = ch([("1060", "Wien"), ("1030", "Wien"), ("8020", "Graz"), ("5020", "Salzburg"), ("4020", "Linz"), ("6020", "Innsbruck")])
    return Addr(s, pc, city, "{pc} {city}", "Österreich")


def a_CH():
    st = ch(["Bahnhofstrasse", "Seefeldstrasse", "Rue du Rhône", "Via Nassa", "Marktgasse", "Avenue de la Gare", "Kramgasse", "Langstrasse",
             "Chemin des Vignes", "Zürichbergstrasse"])
    s = "%s %s" % (st, hn(1, 120) + (ch("ab") if chance(0.1) else ""))
    pc, city = ch([("8001", "Zürich"), ("8008", "Zürich"), ("1204", "Genève"), ("6900", "Lugano"), ("4051", "Basel"), ("3011", "Bern"), ("1003", "Lausanne")])
    return Addr(s, pc, city, ch(["{pc} {city}", "CH-{pc} {city}"]), "Schweiz")


def a_FR():
    st = ch(["rue des Lilas", "avenue Jean Jaurès", "boulevard Haussmann", "place de la République", "impasse des Acacias",
             "chemin du Moulin", "allée des Tilleuls", "quai de la Tournelle", "rue du Faubourg Saint-Antoine", "rue Pasteur",
             "cours Lafayette", "route de Lyon"])
    n = hn(1, 150) + (ch([" bis", " ter"]) if chance(0.1) else "")
    s = ch(["%s %s" % (n, st), "%s, %s" % (n, st)])
    if chance(0.25):
        s += ch([", %de étage" % R.randint(2, 7), ", appt %d" % R.randint(1, 60), ", bât. %s" % ch("ABCD"), ", esc. %s" % ch("12AB")])
    pc, city = ch([("750", "Paris"), ("690", "Lyon"), ("130", "Marseille"), ("310", "Toulouse"), ("330", "Bordeaux"), ("440", "Nantes"),
                   ("590", "Lille"), ("670", "Strasbourg"), ("350", "Rennes")])
    return Addr(s, pc + "%02d" % R.randint(1, 20), city, "{pc} {city}", "France")


def a_BE():
    st = ch(["Rue de la Loi", "Avenue Louise", "Kerkstraat", "Chaussée de Waterloo", "Grote Markt", "Rue Neuve", "Veldstraat",
             "Boulevard d'Avroy", "Stationsstraat", "Nieuwstraat", "Rue des Bouchers"])
    s = "%s %s" % (st, hn(1, 300))
    if chance(0.35):
        s += ch([" bus %d" % R.randint(1, 30), " boîte %d" % R.randint(1, 30), "/%d" % R.randint(1, 12), " bte %d" % R.randint(1, 20)])
    pc, city = ch([("1000", "Bruxelles"), ("1040", "Etterbeek"), ("2000", "Antwerpen"), ("9000", "Gent"), ("4000", "Liège"), ("3000", "Leuven"),
                   ("8000", "Brugge"), ("1050", "Ixelles")])
    return Addr(s, pc, city, "{pc} {city}", ch(["Belgique", "België"]))


def a_NL():
    st = ch(["Prinsengracht", "Keizersgracht", "Dorpsstraat", "Laan van Meerdervoort", "Kerkweg", "Stationsplein", "Amsterdamsestraatweg",
             "Binnenweg", "Vondelstraat", "Oudegracht", "Burgemeester de Withstraat", "Lange Nieuwstraat"])
    s = "%s %s" % (st, hn(1, 400))
    if chance(0.35):
        s += ch(["-%d" % R.randint(1, 4), " %s" % ch(["I", "II", "III", "hs"]), ch("ABCD"), "-bis", " bg"])
    pc, city = ch([("1016", "Amsterdam"), ("1071", "Amsterdam"), ("3511", "Utrecht"), ("3012", "Rotterdam"), ("2511", "Den Haag"),
                   ("9711", "Groningen"), ("5611", "Eindhoven"), ("6811", "Arnhem")])
    return Addr(s, "%s %s%s" % (pc, ch("ABCDEGHJKLMNPRSTVWXZ"), ch("ABCDEGHJKLMNPRSTVWXZ")), city, ch(["{pc} {city}", "{pc}  {city}"]), "Nederland")


def a_ES():
    st = ch(["Calle Mayor", "C/ de Alcalá", "Avda. de la Constitución", "Paseo de Gracia", "Plaza Mayor", "Calle del Carmen",
             "Ronda de Toledo", "Carrer de Mallorca", "Gran Vía", "Calle Sierpes", "Avenida de América", "Calle Real"])
    n = hn(1, 200)
    s = ch(["%s %s" % (st, n), "%s, %s" % (st, n), "%s, nº %s" % (st, n)])
    if chance(0.55):
        s += ch([", %dº Dto" % R.randint(1, 8), ", %dº izq." % R.randint(1, 8), ", %dº%s" % (R.randint(1, 8), ch("ABCD")),
                 ", %dº %dª" % (R.randint(1, 8), R.randint(1, 4)), ", bajo", ", ático", " %dº Dcha." % R.randint(1, 8)])
    pc, city = ch([("280", "Madrid"), ("080", "Barcelona"), ("410", "Sevilla"), ("460", "Valencia"), ("480", "Bilbao"), ("290", "Málaga"),
                   ("500", "Zaragoza")])
    return Addr(s, pc + "%02d" % R.randint(1, 50), city, "{pc} {city}", "España")


def a_MX():
    st = ch(["Av. Insurgentes Sur", "Calle Durango", "Av. Paseo de la Reforma", "Calle Morelos", "Av. Juárez", "Av. Vallarta",
             "Calle Hidalgo", "Av. Revolución", "Calle 60"])
    n = hn(1, 3400)
    s = ch(["%s %s" % (st, n), "%s No. %s" % (st, n), "%s #%s" % (st, n)])
    if chance(0.35):
        s += ch([" Int. %d" % R.randint(1, 30), ", Int. %d" % R.randint(1, 30), ", Depto. %d" % R.randint(101, 904), " Piso %d" % R.randint(1, 20)])
    col, pc, city = ch([("Col. Roma Norte", "06700", "Ciudad de México"), ("Col. Del Valle", "03100", "Ciudad de México"),
                        ("Col. Centro", "44100", "Guadalajara, Jal."), ("Col. Obispado", "64060", "Monterrey, N.L."), ("Col. Centro", "97000", "Mérida, Yuc.")])
    return Addr(s, pc, city, col + ", C.P. {pc}, {city}" if chance(0.5) else col + ", {pc} {city}", "México")


def a_PT():
    st = ch(["Rua Augusta", "Av. da Liberdade", "Rua de Santa Catarina", "Travessa do Carmo", "Largo do Rato", "Rua do Almada",
             "Avenida da República", "Rua Garrett", "Calçada da Estrela"])
    s = ch(["%s %s" % (st, hn(1, 300)), "%s, %s" % (st, hn(1, 300)), "%s, nº %s" % (st, hn(1, 300))])
    if chance(0.5):
        s += ch([", %dº Esq." % R.randint(1, 9), ", %dº andar" % R.randint(1, 9), ", %dº Dto" % R.randint(1, 9), " r/c", ", %dº Frt." % R.randint(1, 6)])
    pc, city = ch([("1100", "Lisboa"), ("1250", "Lisboa"), ("4000", "Porto"), ("3000", "Coimbra"), ("8000", "Faro"), ("4700", "Braga")])
    return Addr(s, "%s-%s" % (pc, digits(3)), city, "{pc} {city}", "Portugal")


def a_BR():
    st = ch(["Rua Oscar Freire", "Av. Paulista", "Rua das Laranjeiras", "Av. Atlântica", "Rua XV de Novembro", "Rua Augusta",
             "Av. Sete de Setembro", "Rua da Consolação", "Av. Afonso Pena", "Rua Padre Chagas"])
    s = ch(["%s, %s" % (st, hn(1, 2500)), "%s, nº %s" % (st, hn(1, 2500)), "%s %s" % (st, hn(1, 2500))])
    if chance(0.5):
        s += ch([", apto %d" % R.randint(11, 1804), " - conj. %d" % R.randint(11, 1804), ", casa %d" % R.randint(1, 9),
                 ", bloco %s, apto %d" % (ch("ABC"), R.randint(101, 904)), " ap. %d" % R.randint(11, 304)])
    nb, city, pre = ch([("Jardins", "São Paulo - SP", "014"), ("Laranjeiras", "Rio de Janeiro - RJ", "222"), ("Centro", "Curitiba - PR", "800"),
                        ("Savassi", "Belo Horizonte - MG", "301"), ("Moinhos de Vento", "Porto Alegre - RS", "905"), ("Boa Viagem", "Recife - PE", "510")])
    return Addr(s, "%s%s-%s" % (pre, digits(2), digits(3)), city, nb + ", {city}, CEP {pc}" if chance(0.5) else nb + " - {city} - {pc}", "Brasil")


def a_IT():
    st = ch(["Via Roma", "Corso Vittorio Emanuele II", "Piazza Garibaldi", "Viale Monza", "Via dei Mille", "Via Giuseppe Verdi",
             "Vicolo del Cinque", "Lungarno Corsini", "Via Toledo", "Borgo Pinti", "Via Nazionale", "Largo Augusto"])
    s = ch(["%s %s" % (st, hn(1, 250)), "%s, %s" % (st, hn(1, 250)), "%s %s/%s" % (st, hn(1, 90), ch("ABC"))])
    if chance(0.3):
        s += ch([", int. %d" % R.randint(1, 20), ", scala %s" % ch("ABC"), ", piano %d" % R.randint(1, 6)])
    pc, city, prov = ch([("00184", "Roma", "RM"), ("20121", "Milano", "MI"), ("80134", "Napoli", "NA"), ("50123", "Firenze", "FI"),
                         ("10121", "Torino", "TO"), ("40126", "Bologna", "BO"), ("90133", "Palermo", "PA")])
    return Addr(s, pc, city, ch(["{pc} {city} (%s)" % prov, "{pc} {city}"]), "Italia")


def a_PL():
    st = ch(["ul. Marszałkowska", "al. Jerozolimskie", "ul. Długa", "ul. Piotrkowska", "os. Tysiąclecia", "pl. Wolności", "ul. Mickiewicza",
             "ul. Świętokrzyska", "ul. Kwiatowa", "al. Niepodległości"])
    s = ch(["%s %s" % (st, hn(1, 200)), "%s %s/%d" % (st, hn(1, 140), R.randint(1, 90)), "%s %s m. %d" % (st, hn(1, 140), R.randint(1, 60)),
            "%s %s lok. %d" % (st, hn(1, 90), R.randint(1, 20))])
    pc, city = ch([("00-", "Warszawa"), ("31-", "Kraków"), ("90-", "Łódź"), ("50-", "Wrocław"), ("80-", "Gdańsk"), ("61-", "Poznań")])
    return Addr(s, pc + digits(3), city, "{pc} {city}", "Polska")


def a_CZ():
    st = ch(["Vinohradská", "Na Příkopě", "Karlova", "Husova", "Masarykova", "Dlouhá třída", "náměstí Míru", "Palackého", "Nádražní"])
    s = ch(["%s %d/%d" % (st, R.randint(100, 2500), R.randint(1, 240)), "%s %s" % (st, hn(1, 150))])
    if chance(0.2):
        s += ", byt %d" % R.randint(1, 40)
    pc, city = ch([("120 00", "Praha 2"), ("110 00", "Praha 1"), ("602 00", "Brno"), ("301 00", "Plzeň"), ("779 00", "Olomouc"), ("702 00", "Ostrava")])
    return Addr(s, pc, city, "{pc} {city}", "Česká republika")


def a_SE():
    st = ch(["Drottninggatan", "Storgatan", "Sveavägen", "Kungsgatan", "Linnégatan", "Hamngatan", "Östra Hamngatan", "Södra Förstadsgatan", "Järnvägsgatan"])
    s = "%s %s" % (st, hn(1, 120) + (" " + ch("ABC") if chance(0.2) else ""))
    if chance(0.35):
        s += ch([", lgh %d" % R.randint(1001, 1604), " lgh %d" % R.randint(1001, 1604), ", %d tr" % R.randint(1, 6)])
    pc, city = ch([("111 ", "Stockholm"), ("113 ", "Stockholm"), ("411 ", "Göteborg"), ("211 ", "Malmö"), ("753 ", "Uppsala"), ("582 ", "Linköping")])
    return Addr(s, pc + digits(2), city, "{pc} {city}", "Sverige")


def a_NO():
    st = ch(["Karl Johans gate", "Storgata", "Thorvald Meyers gate", "Bygdøy allé", "Kongens gate", "Markveien", "Strandkaien", "Olav Tryggvasons gate"])
    s = "%s %s" % (st, hn(1, 90) + (ch("ABC") if chance(0.2) else ""))
    if chance(0.3):
        s += ch([", H0%d0%d" % (R.randint(1, 6), R.randint(1, 4)), ", leil. %d" % R.randint(1, 30)])
    pc, city = ch([("0162", "Oslo"), ("0555", "Oslo"), ("5003", "Bergen"), ("7011", "Trondheim"), ("4006", "Stavanger"), ("9008", "Tromsø")])
    return Addr(s, pc, city, "{pc} {city}", "Norge")


def a_DK():
    st = ch(["Nørrebrogade", "Vesterbrogade", "Strandvejen", "Store Kongensgade", "Jægersborggade", "Søndergade", "Amagerbrogade", "Åboulevarden"])
    s = "%s %s" % (st, hn(1, 220))
    if chance(0.55):
        s += ch([", %d. sal" % R.randint(1, 5), ", %d. tv." % R.randint(1, 5), ", st. th.", ", %d. mf." % R.randint(1, 5), ", %d. th" % R.randint(1, 5)])
    pc, city = ch([("2200", "København N"), ("1620", "København V"), ("8000", "Aarhus C"), ("5000", "Odense C"), ("9000", "Aalborg")])
    return Addr(s, pc, city, "{pc} {city}", "Danmark")


def a_FI():
    st = ch(["Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu", "Hämeentie", "Kauppakatu", "Pohjoisesplanadi", "Itäinen Rantakatu", "Puistokatu"])
    s = ch(["%s %s" % (st, hn(1, 90)), "%s %s %s %d" % (st, hn(1, 60), ch("ABCD"), R.randint(1, 60))])
    pc, city = ch([("00100", "Helsinki"), ("00530", "Helsinki"), ("33100", "Tampere"), ("20100", "Turku"), ("90100", "Oulu"), ("40100", "Jyväskylä")])
    return Addr(s, pc, city, "{pc} {city}", "Suomi")


def a_TR():
    st = ch(["Atatürk Cad.", "İstiklal Caddesi", "Bağdat Cd.", "Moda Cad.", "Gül Sokak", "Cumhuriyet Bulvarı", "Kıbrıs Şehitleri Cad.", "Lale Sk."])
    s = ch(["%s No: %s D: %d" % (st, hn(1, 300), R.randint(1, 20)), "%s No:%s Kat:%d" % (st, hn(1, 300), R.randint(1, 9)),
            "%s No %s/%d" % (st, hn(1, 300), R.randint(1, 20)), "%s No: %s" % (st, hn(1, 300))])
    pc, city = ch([("34710", "Kadıköy/İstanbul"), ("34433", "Beyoğlu/İstanbul"), ("06690", "Çankaya/Ankara"), ("35220", "Konak/İzmir"),
                   ("16040", "Osmangazi/Bursa"), ("07100", "Muratpaşa/Antalya")])
    return Addr(s, pc, city, "{pc} {city}", "Türkiye")


def a_GR():
    st = ch(["Ermou", "Leoforos Vasilissis Sofias", "Odos Panepistimiou", "Tsimiski", "Leof. Kifisias", "Odos Mitropoleos", "Akadimias", "Plateia Aristotelous"])
    s = "%s %s" % (st, hn(1, 200))
    if chance(0.25):
        s += ", %dos orofos" % R.randint(1, 6)
    pc, city = ch([("105 63", "Athina"), ("106 74", "Athina"), ("546 23", "Thessaloniki"), ("262 21", "Patra"), ("712 02", "Irakleio")])
    return Addr(s, pc, city, "{pc} {city}", "Greece")


def a_RO():
    st = ch(["Str. Mihai Eminescu", "Bd. Unirii", "Calea Victoriei", "Șoseaua Kiseleff", "Strada Lipscani", "Aleea Teilor", "Str. Republicii"])
    s = "%s nr. %s" % (st, hn(1, 180)) if chance(0.7) else "%s %s" % (st, hn(1, 180))
    if chance(0.4):
        s += ch([", bl. %s%d, sc. %d, ap. %d" % (ch("ABCM"), R.randint(1, 9), R.randint(1, 4), R.randint(1, 80)), ", et. %d" % R.randint(1, 10),
                 ", ap. %d" % R.randint(1, 60)])
    pre, pc, city = ch([("Sector 1, ", "010071", "București"), ("Sector 3, ", "030167", "București"), ("", "400001", "Cluj-Napoca"),
                        ("", "700259", "Iași"), ("", "300002", "Timișoara"), ("", "500030", "Brașov")])
    return Addr(s, pc, city, pre + "{pc} {city}", "România")


def a_HU():
    st = ch(["Andrássy út", "Váci utca", "Kossuth Lajos tér", "Rákóczi út", "Bartók Béla út", "Király utca", "Fő utca", "Petőfi Sándor utca"])
    s = "%s %s." % (st, hn(1, 120)) if chance(0.5) else "%s %s" % (st, hn(1, 120))
    if chance(0.35):
        s += ch([" %d. em. %d." % (R.randint(1, 6), R.randint(1, 20)), " fszt. %d." % R.randint(1, 6), " II/%d" % R.randint(1, 12)])
    pc, city = ch([("1062", "Budapest"), ("1052", "Budapest"), ("6720", "Szeged"), ("4024", "Debrecen"), ("7621", "Pécs"), ("9021", "Győr")])
    return Addr(s, pc, city, "{pc} {city}", "Magyarország")


def a_VN():
    st = ch(["Nguyễn Huệ", "Đường Lê Lợi", "Phố Hàng Bài", "Đường Trần Hưng Đạo", "Lý Thường Kiệt", "Đường Điện Biên Phủ", "Phố Huế"])
    s = ch(["%s %s" % (hn(1, 300), st), "Số %s %s" % (hn(1, 120), st), "%s/%d %s" % (hn(1, 200), R.randint(1, 40), st)])
    city = ch(["Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh", "Quận Hoàn Kiếm, Hà Nội", "Quận Hải Châu, Đà Nẵng", "Quận 3, TP.HCM"])
    return Addr(s, "", city, "{city}", "Việt Nam")


def a_ID():
    st = ch(["Jl. Sudirman", "Jalan Gatot Subroto", "Jl. Kemang Raya", "Jl. Malioboro", "Jl. Asia Afrika", "Jl. Diponegoro", "Jl. Pemuda"])
    s = ch(["%s No. %s" % (st, hn(1, 200)), "%s Kav. %s" % (st, hn(1, 90)), "%s %s" % (st, hn(1, 200))])
    if chance(0.25):
        s += ch([", Lt. %d" % R.randint(2, 30), " RT %02d/RW %02d" % (R.randint(1, 12), R.randint(1, 9))])
    city, pc = ch([("Jakarta Selatan", "12190"), ("Bandung", "40111"), ("Yogyakarta", "55213"), ("Surabaya", "60271"), ("Denpasar", "80234")])
    return Addr(s, pc, city, "{city} {pc}", "Indonesia")


def a_PH():
    st = ch(["Rizal Avenue", "Ayala Avenue", "Mabini St.", "Katipunan Avenue", "Sampaguita Street", "Jupiter Street", "Osmeña Boulevard", "Aguinaldo Highway"])
    s = ch(["%s %s" % (hn(1, 9000), st), "Unit %d, %s %s" % (R.randint(201, 3508), hn(1, 9000), st), "Blk %d Lot %d, %s" % (R.randint(1, 40), R.randint(1, 30), st)])
    city, pc = ch([("Makati City", "1226"), ("Quezon City", "1108"), ("Cebu City", "6000"), ("Davao City", "8000"), ("Pasig City", "1605")])
    return Addr(s, pc, city, ch(["{city}, {pc} Metro Manila" if pc < "2000" else "{city} {pc}", "{city} {pc}"]), "Philippines")


ADDR = {"US": a_US, "UK": a_UK, "IE": a_IE, "AU": a_AU, "IN": a_IN, "ZA": a_ZA, "NG": a_NG, "DE": a_DE, "AT": a_AT, "CH": a_CH,
        "FR": a_FR, "BE": a_BE, "NL": a_NL, "ES": a_ES, "MX": a_MX, "PT": a_PT, "BR": a_BR, "IT": a_IT, "PL": a_PL, "CZ": a_CZ,
        "SE": a_SE, "NO": a_NO, "DK": a_DK, "FI": a_FI, "TR": a_TR, "GR": a_GR, "RO": a_RO, "HU": a_HU, "VN": a_VN, "ID": a_ID,
        "PH": a_PH}


# ----------------------------------------------------------------------------- phones (each locale's own formats)
def d(n):
    return digits(n)


def dn(n):
    return digits(n, True)


def p_US():
    a = ch(["212", "415", "312", "617", "512", "303", "206", "404", "646", "720", "919", "608"])
    ex = ch(["555", str(R.randint(201, 989))])
    x = d(4)
    return ch(["(%s) %s-%s" % (a, ex, x), "+1 %s %s %s" % (a, ex, x), "%s-%s-%s" % (a, ex, x), "+1-%s-%s-%s" % (a, ex, x),
               "%s.%s.%s" % (a, ex, x), "1 (%s) %s-%s" % (a, ex, x), "+1 (%s) %s-%s" % (a, ex, x)])


def p_UK():
    return ch(["+44 20 7946 %s" % d(4), "020 7946 %s" % d(4), "07700 900%s" % d(3), "+44 7700 900%s" % d(3), "0161 496 %s" % d(4),
               "+44 (0)117 496 %s" % d(4), "07%s %s" % (d(3), d(6)), "0131 496 %s" % d(4)])


def p_IE():
    return ch(["+353 1 %s %s" % (d(3), d(4)), "087 %s %s" % (d(3), d(4)), "+353 86 %s %s" % (d(3), d(4)), "(01) %s %s" % (d(3), d(4)),
               "085-%s%s" % (d(3), d(4)), "021 %s %s" % (d(3), d(4))])


def p_AU():
    return ch(["+61 2 %s %s" % (d(4), d(4)), "(02) %s %s" % (d(4), d(4)), "04%s %s %s" % (d(2), d(3), d(3)), "+61 4%s %s %s" % (d(2), d(3), d(3)),
               "(03) %s %s" % (d(4), d(4)), "1300 %s %s" % (d(3), d(3))])


def p_IN():
    m = ch("6789") + d(4)
    return ch(["+91 %s %s" % (m, d(5)), "0%s %s" % (m, d(5)), "+91-22-%s-%s" % (d(4), d(4)), "%s%s" % (m, d(5)), "+91 80 %s %s" % (d(4), d(4)),
               "+91-%s-%s" % (m, d(5)), "(044) %s %s" % (d(4), d(4))])


def p_ZA():
    return ch(["+27 82 %s %s" % (d(3), d(4)), "021 %s %s" % (d(3), d(4)), "082 %s %s" % (d(3), d(4)), "+27 (0)11 %s %s" % (d(3), d(4)),
               "071-%s-%s" % (d(3), d(4))])


def p_NG():
    return ch(["+234 803 %s %s" % (d(3), d(4)), "0803 %s %s" % (d(3), d(4)), "0812-%s-%s" % (d(3), d(4)), "+234 (0)9 %s %s" % (d(3), d(4)),
               "08%s%s%s" % (ch("01"), d(3), d(5)), "+2348%s%s" % (ch("01"), d(8))])


def p_DE():
    return ch(["+49 30 %s" % dn(8), "030 %s" % dn(7), "+49 (0)89 %s %s %s" % (d(3), d(3), d(2)), "0151 %s" % dn(8),
               "+49 151 %s %s" % (d(4), d(4)), "0221/%s" % dn(6), "+49 40 %s-%s" % (dn(4), d(2)), "0176-%s" % dn(8),
               "(0711) %s %s" % (dn(3), d(4)), "+49 (0) 171 %s" % dn(7)])


def p_AT():
    return ch(["+43 1 %s %s" % (dn(3), d(4)), "0664 %s %s" % (dn(3), d(4)), "+43 664 %s" % dn(7), "01/%s %s %s" % (dn(3), d(2), d(2)),
               "+43 (0)316 %s" % dn(6), "0699/%s" % dn(8)])


def p_CH():
    return ch(["+41 44 %s %s %s" % (dn(3), d(2), d(2)), "044 %s %s %s" % (dn(3), d(2), d(2)), "079 %s %s %s" % (dn(3), d(2), d(2)),
               "+41 79 %s %s %s" % (dn(3), d(2), d(2)), "+41 (0)22 %s %s %s" % (dn(3), d(2), d(2)), "0041 61 %s %s %s" % (dn(3), d(2), d(2))])


def p_FR():
    pairs = lambda k: " ".join(d(2) for _ in range(k))
    return ch(["+33 1 %s" % pairs(4), "01 %s" % pairs(4), "06 %s" % pairs(4), "+33 6 %s" % pairs(4), "07.%s" % ".".join(d(2) for _ in range(4)),
               "+33 (0)4 %s" % pairs(4), "06%s" % d(8), "0033 7 %s" % pairs(4)])


def p_BE():
    return ch(["+32 2 %s %s %s" % (dn(3), d(2), d(2)), "02 %s %s %s" % (dn(3), d(2), d(2)), "0470 %s %s %s" % (d(2), d(2), d(2)),
               "+32 470 %s %s %s" % (d(2), d(2), d(2)), "09/%s.%s.%s" % (dn(3), d(2), d(2)), "+32 (0)4 %s %s %s" % (dn(3), d(2), d(2))])


def p_NL():
    return ch(["+31 20 %s %s" % (dn(3), d(4)), "020-%s" % dn(7), "06-%s" % dn(8), "+31 6 %s" % dn(8), "06 %s %s" % (dn(4), d(4)),
               "010 %s %s" % (dn(3), d(4)), "+31 (0)30 %s %s" % (dn(3), d(4))])


def p_ES():
    return ch(["+34 91%s %s %s" % (d(1), d(3), d(3)), "91 %s %s %s" % (dn(3), d(2), d(2)), "6%s %s %s" % (d(2), d(3), d(3)),
               "+34 6%s %s %s %s" % (d(2), d(2), d(2), d(2)), "93 %s %s %s" % (dn(3), d(2), d(2)), "+34 954 %s %s" % (d(3), d(3))])


def p_MX():
    return ch(["+52 55 %s %s" % (d(4), d(4)), "55 %s %s" % (d(4), d(4)), "(55) %s-%s" % (d(4), d(4)), "+52 1 33 %s %s" % (d(4), d(4)),
               "(81) %s %s" % (d(4), d(4)), "+52 999 %s %s" % (d(3), d(4))])


def p_PT():
    return ch(["+351 21 %s %s" % (d(3), d(4)), "91%s %s %s" % (d(1), d(3), d(3)), "+351 91%s %s %s" % (d(1), d(3), d(3)),
               "22 %s %s" % (d(3), d(4)), "+351 96%s%s" % (d(1), d(6))])


def p_BR():
    return ch(["+55 11 9%s-%s" % (d(4), d(4)), "(11) 9%s-%s" % (d(4), d(4)), "(21) %s-%s" % (dn(4), d(4)), "+55 (21) 9%s-%s" % (d(4), d(4)),
               "(31) 9 %s-%s" % (d(4), d(4)), "+55 51 3%s %s" % (d(3), d(4)), "11 9%s%s" % (d(4), d(4))])


def p_IT():
    return ch(["+39 06 %s %s" % (d(4), d(4)), "02 %s %s" % (d(4), d(4)), "3%s %s %s" % (d(2), d(3), d(4)), "+39 347 %s %s" % (d(3), d(4)),
               "06-%s" % d(8), "+39 02 %s%s" % (d(4), d(4)), "055 %s %s" % (d(3), d(4)), "0039 333 %s" % d(7)])


def p_PL():
    return ch(["+48 22 %s %s %s" % (dn(3), d(2), d(2)), "6%s %s %s" % (d(2), d(3), d(3)), "+48 6%s %s %s" % (d(2), d(3), d(3)),
               "22 %s %s %s" % (dn(3), d(2), d(2)), "+48 12 %s-%s-%s" % (dn(3), d(2), d(2)), "5%s-%s-%s" % (d(2), d(3), d(3)),
               "(22) %s %s %s" % (dn(3), d(2), d(2))])


def p_CZ():
    return ch(["+420 6%s %s %s" % (d(2), d(3), d(3)), "60%s %s %s" % (d(1), d(3), d(3)), "+420 222 %s %s" % (d(3), d(3)), "777 %s %s" % (d(3), d(3)),
               "+420 739%s%s" % (d(3), d(3))])


def p_SE():
    return ch(["+46 8 %s %s %s" % (dn(3), d(3), d(2)), "08-%s %s %s" % (dn(3), d(3), d(2)), "070-%s %s %s" % (dn(3), d(2), d(2)),
               "+46 70 %s %s %s" % (dn(3), d(2), d(2)), "031-%s %s %s" % (dn(2), d(2), d(2)), "073 %s %s %s" % (dn(3), d(2), d(2))])


def p_NO():
    return ch(["+47 22 %s %s %s" % (d(2), d(2), d(2)), "4%s %s %s" % (d(2), d(2), d(3)), "+47 9%s %s %s" % (d(2), d(2), d(3)),
               "22 %s %s %s" % (d(2), d(2), d(2)), "9%s%s" % (d(3), d(4))])


def p_DK():
    return ch(["+45 33 %s %s %s" % (d(2), d(2), d(2)), "2%s %s %s %s" % (d(1), d(2), d(2), d(2)), "+45 2%s %s %s %s" % (d(1), d(2), d(2), d(2)),
               "+45 %s%s" % (ch(["31", "40", "60", "71"]), d(6)), "86 %s %s %s" % (d(2), d(2), d(2))])


def p_FI():
    return ch(["+358 9 %s %s" % (d(4), d(4)), "040 %s %s" % (d(3), d(4)), "+358 40 %s %s" % (d(3), d(4)), "050-%s %s" % (d(3), d(4)),
               "09 %s %s" % (d(3), d(4)), "+358 (0)44 %s%s" % (d(3), d(4))])


def p_TR():
    return ch(["+90 212 %s %s %s" % (dn(3), d(2), d(2)), "0532 %s %s %s" % (dn(3), d(2), d(2)), "+90 532 %s %s" % (dn(3), d(4)),
               "(0212) %s %s %s" % (dn(3), d(2), d(2)), "0 (555) %s %s %s" % (dn(3), d(2), d(2)), "+90 (312) %s-%s-%s" % (dn(3), d(2), d(2)),
               "05%s%s%s" % (ch("34"), d(1), d(7))])


def p_GR():
    return ch(["+30 21 %s %s" % (d(4), d(4)), "210 %s %s" % (d(3), d(4)), "69%s %s %s" % (ch("3479"), d(3), d(4)), "+30 694 %s %s" % (d(3), d(4)),
               "2310 %s %s" % (d(3), d(3)), "+30 69%s%s" % (ch("3479"), d(7))])


def p_RO():
    return ch(["+40 21 %s %s" % (dn(3), d(4)), "07%s%s %s %s" % (ch("2345"), d(1), d(3), d(3)), "0721 %s %s" % (d(3), d(3)),
               "+40 721 %s %s" % (d(3), d(3)), "0264-%s%s" % (d(3), d(3)), "+40 (0)744 %s %s" % (d(3), d(3))])


def p_HU():
    return ch(["+36 1 %s %s" % (dn(3), d(4)), "06 30 %s %s" % (dn(3), d(4)), "+36 30 %s %s" % (dn(3), d(4)), "06-1-%s-%s" % (dn(3), d(4)),
               "+36 (20) %s-%s" % (dn(3), d(4)), "06 70 %s %s %s" % (dn(3), d(2), d(2))])


def p_VN():
    return ch(["+84 28 %s %s" % (d(4), d(4)), "090%s %s %s" % (d(1), d(3), d(3)), "+84 90%s %s %s" % (d(1), d(3), d(3)),
               "091 %s %s" % (d(3), d(4)), "(024) %s %s" % (d(4), d(4)), "+84 (0)98 %s %s" % (d(3), d(4))])


def p_ID():
    return ch(["+62 21 %s %s" % (d(4), d(4)), "0812-%s-%s" % (d(4), d(4)), "+62 812 %s %s" % (d(4), d(4)), "(021) %s %s" % (d(4), d(4)),
               "0857%s%s" % (d(4), d(4)), "+62 (22) %s %s" % (d(3), d(4))])


def p_PH():
    return ch(["+63 2 8%s %s" % (d(3), d(4)), "0917 %s %s" % (d(3), d(4)), "+63 917 %s %s" % (d(3), d(4)), "(02) 8%s %s" % (d(3), d(4)),
               "0998-%s-%s" % (d(3), d(4)), "+639%s%s" % (d(2), d(7))])


def p_JP():
    return ch(["+81 3-%s-%s" % (d(4), d(4)), "03-%s-%s" % (d(4), d(4)), "090-%s-%s" % (d(4), d(4)), "+81 90 %s %s" % (d(4), d(4)),
               "06-%s-%s" % (d(4), d(4)), "080 %s %s" % (d(4), d(4))])


def p_CN():
    return ch(["+86 10 %s %s" % (d(4), d(4)), "13%s %s %s" % (d(1), d(4), d(4)), "+86 13%s %s %s" % (d(1), d(4), d(4)),
               "(010) %s %s" % (d(4), d(4)), "+86 21 %s%s" % (d(4), d(4)), "186-%s-%s" % (d(4), d(4))])


PHONE = {k[2:]: v for k, v in globals().items() if k.startswith("p_") and callable(v)}


# ----------------------------------------------------------------------------- locales, persons, e-mails, URLs
LANG = {"US": "en", "UK": "en", "IE": "en", "AU": "en", "IN": "en", "ZA": "en", "NG": "en", "DE": "de", "AT": "de", "CH": "de",
        "FR": "fr", "BE": "nl", "NL": "nl", "ES": "es", "MX": "es", "PT": "pt", "BR": "pt", "IT": "it", "PL": "pl", "CZ": "cs",
        "SE": "sv", "NO": "no", "DK": "da", "FI": "fi", "TR": "tr", "GR": "el", "RO": "ro", "HU": "hu", "VN": "vi", "ID": "id",
        "PH": "tl", "JP": "en", "CN": "en"}
IBAN_CC = {"UK": "GB", "IE": "IE", "DE": "DE", "AT": "AT", "CH": "CH", "FR": "FR", "BE": "BE", "NL": "NL", "ES": "ES", "PT": "PT",
           "BR": "BR", "IT": "IT", "PL": "PL", "CZ": "CZ", "SE": "SE", "NO": "NO", "DK": "DK", "FI": "FI", "TR": "TR", "GR": "GR",
           "RO": "RO", "HU": "HU"}
MAILDOM = {
    "US": ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "comcast.net", "aol.com"],
    "UK": ["gmail.com", "btinternet.com", "yahoo.co.uk", "outlook.com", "hotmail.co.uk"],
    "IE": ["gmail.com", "eircom.net", "outlook.ie", "yahoo.ie"], "AU": ["gmail.com", "bigpond.com", "optusnet.com.au", "outlook.com.au"],
    "IN": ["gmail.com", "rediffmail.com", "yahoo.co.in", "outlook.in"], "ZA": ["gmail.com", "mweb.co.za", "telkomsa.net"],
    "NG": ["gmail.com", "yahoo.com", "outlook.com"], "DE": ["web.de", "gmx.de", "t-online.de", "posteo.de", "gmail.com"],
    "AT": ["gmx.at", "aon.at", "chello.at", "gmail.com"], "CH": ["bluewin.ch", "gmx.ch", "sunrise.ch", "proton.me"],
    "FR": ["orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com"], "BE": ["telenet.be", "skynet.be", "proximus.be", "gmail.com"],
    "NL": ["ziggo.nl", "kpnmail.nl", "xs4all.nl", "gmail.com"], "ES": ["hotmail.es", "gmail.com", "telefonica.net", "yahoo.es"],
    "MX": ["hotmail.com", "gmail.com", "prodigy.net.mx"], "PT": ["sapo.pt", "gmail.com", "netcabo.pt"],
    "BR": ["uol.com.br", "terra.com.br", "gmail.com", "bol.com.br"], "IT": ["libero.it", "tiscali.it", "virgilio.it", "gmail.com"],
    "PL": ["wp.pl", "o2.pl", "interia.pl", "onet.pl"], "CZ": ["seznam.cz", "email.cz", "centrum.cz"], "SE": ["telia.se", "gmail.com", "bredband.net"],
    "NO": ["online.no", "gmail.com", "live.no"], "DK": ["hotmail.dk", "gmail.com", "mail.dk"], "FI": ["gmail.com", "luukku.com", "elisanet.fi"],
    "TR": ["hotmail.com", "gmail.com", "yandex.com.tr"], "GR": ["otenet.gr", "gmail.com", "yahoo.gr"], "RO": ["yahoo.ro", "gmail.com"],
    "HU": ["freemail.hu", "citromail.hu", "gmail.com"], "VN": ["gmail.com", "yahoo.com.vn"], "ID": ["gmail.com", "yahoo.co.id"],
    "PH": ["gmail.com", "yahoo.com.ph"], "JP": ["gmail.com", "yahoo.co.jp", "docomo.ne.jp"], "CN": ["qq.com", "163.com", "126.com"],
}
ALL_LOCS = list(NAMES)
EN_LOCS = ["US", "UK", "IE", "AU", "IN", "ZA", "NG"]
VN_MID = {"m": ["Văn", "Minh", "Đức", "Quốc", "Hữu"], "f": ["Thị", "Ngọc", "Thu", "Thanh", "Bảo"]}
PATRON_PARTICLE = {"m": "bin", "f": "binti"}


def _pick_sur(lst, g):
    s = ch(lst)
    if isinstance(s, tuple):
        s = s[0] if g == "m" else s[1]
    return s


USED_NAMES = set()   # given names / surnames already used in the current item (reset per item)


class Person:
    def __init__(self, loc=None, gender=None, home=None):
        for _ in range(40):
            self._draw(loc, gender, home)
            keys = {self.given, self.sur_alone, self.sur.split(" ")[0]}
            if not keys & USED_NAMES:
                break
        USED_NAMES.update(keys)

    def _draw(self, loc=None, gender=None, home=None):
        loc = loc or ch(ALL_LOCS)
        self.loc = loc
        self.home = home or (loc if loc in ADDR else ch(["US", "UK", "AU", "DE", "NL", "IE", "SE"]))
        N = NAMES[loc]
        self.g = gender or ch("mf")
        self.invented = chance(0.27)
        if self.invented and any(g == self.g for _, g in N["inv_g"]) and chance(0.6):
            self.given = ch([n for n, g in N["inv_g"] if g == self.g])
        else:
            self.given = ch(N["gm"] if self.g == "m" else N["gf"])
        self.sur = _pick_sur(N["inv_s"] if self.invented and chance(0.8) else N["sur"], self.g)
        self.sur_alone = self.sur
        self.mid = ""
        if loc in ("ES", "MX") and chance(0.75):
            s2 = _pick_sur(N["sur"], self.g)
            if s2 != self.sur:
                self.sur = self.sur + " " + s2
        if loc in ("PT", "BR") and chance(0.55):
            s0 = _pick_sur(N["sur"], self.g)
            if s0 != self.sur:
                self.sur = s0 + " " + self.sur
        if loc in ("US", "UK", "AU", "IN", "ZA", "GR", "NG") and chance(0.18):
            self.mid = ch("ABCDEFGHJKLMNPRSTW") + "."
        if loc == "VN":
            self.mid = ch(VN_MID[self.g])
        if loc == "NL" and self.sur[0].islower():
            self.sur_alone = self.sur[0].upper() + self.sur[1:]
        self.ascii = loc == "VN" and chance(0.3)

    # --- rendered forms
    def _a(self, s):
        return ascii_fold(s) if self.ascii else s

    @property
    def full(self):
        L = self.loc
        if L == "HU":
            return "%s %s" % (self.sur, self.given)
        if L == "VN":
            return self._a("%s %s %s" % (self.sur, self.mid, self.given))
        if L == "CN":
            return "%s %s" % (self.sur, self.given)
        if L == "JP":
            return "%s %s" % (self.given, self.sur)
        if self.mid:
            return "%s %s %s" % (self.given, self.mid, self.sur)
        return "%s %s" % (self.given, self.sur)

    @property
    def western(self):
        """given-name-first form (used in English e-mails by HU/VN/CN users)."""
        if self.loc == "VN":
            return self._a("%s %s" % (self.given, self.sur))
        return "%s %s" % (self.given, self.sur)

    @property
    def first(self):
        return self._a(self.given)

    @property
    def last(self):
        if self.loc in ("ES", "MX"):
            return self.sur.split(" ")[0] if not self.sur.startswith("de ") else self.sur
        return self._a(self.sur_alone)

    @property
    def initial(self):
        return "%s. %s" % (ascii_fold(self.given)[0], self.last)

    def up(self, s):
        return s.replace("i", "İ").upper() if self.loc == "TR" else s.upper()

    def caps(self):
        """ALL-CAPS surname form used on forms."""
        if self.loc in ("HU", "CN", "VN"):
            return "%s %s" % (self.up(self._a(self.sur)), self._a(self.given) if self.loc != "VN" else self._a(self.mid + " " + self.given))
        return ch(["%s %s" % (self.up(self.sur), self.given), "%s %s" % (self.given, self.up(self.sur)), "%s, %s" % (self.up(self.sur), self.given)])

    def lower(self, which="full"):
        return {"full": self.full, "first": self.first, "western": self.western}[which].lower()

    def email(self, dom=None):
        dom = dom or ch(MAILDOM.get(self.loc, ["gmail.com"]))
        g = slug(self.given.split(" ")[0].split("-")[0]) if self.loc != "VN" else slug(self.given)
        s = slug(self.sur.split(" ")[-1] if self.loc not in ("NL", "BE", "ZA") else self.sur)
        yy = str(R.randint(70, 99) if chance(0.5) else R.randint(1, 2024) % 100).zfill(2)
        return ch(["%s.%s" % (g, s), "%s%s" % (g[0], s), "%s%s%s" % (g, s, yy), "%s.%s" % (s, g), "%s_%s" % (g, s[0]),
                   "%s%s" % (g, yy), "%s.%s%s" % (g, s, R.randint(1, 9)), "%s-%s" % (g, s)]) + "@" + dom

    def work_email(self, domain):
        g = slug(self.given.split(" ")[0].split("-")[0])
        s = slug(self.sur.split(" ")[-1] if self.loc not in ("NL", "BE", "ZA") else self.sur)
        return ch(["%s.%s" % (g, s), "%s%s" % (g[0], s), "%s" % g, "%s.%s" % (g[0], s)]) + "@" + domain

    def phone(self):
        return PHONE[self.loc if self.loc in PHONE else "US"]()

    def addr(self):
        return ADDR[self.home]()

    def iban(self, grouped=None):
        return iban(IBAN_CC.get(self.home, ch(["DE", "NL", "FR", "GB", "IE"])), grouped)


def title_pieces(p, lang, form="last", lower=False):
    """A person reference with a locale title kept OUTSIDE the span."""
    name = {"last": p.last, "full": p.full, "first": p.first, "initial": p.initial}[form]
    g = p.g
    pre = {
        "en": ["Mr ", "Mr. ", "Dr. ", "Dr "] if g == "m" else ["Mrs ", "Ms ", "Ms. ", "Dr. ", "Mrs. "],
        "de": ["Herr ", "Herrn ", "Dr. ", "Herr Dr. "] if g == "m" else ["Frau ", "Frau Dr. ", "Fr. "],
        "fr": ["M. ", "Monsieur ", "Me ", "Dr "] if g == "m" else ["Mme ", "Madame ", "Mlle ", "Me "],
        "es": ["Sr. ", "D. ", "Don ", "Dr. "] if g == "m" else ["Sra. ", "Dña. ", "Doña ", "Dra. "],
        "pt": ["Sr. ", "Dr. ", "Seu "] if g == "m" else ["Sra. ", "Dra. ", "Dona "],
        "it": ["Sig. ", "Dott. ", "Avv. ", "Ing. "] if g == "m" else ["Sig.ra ", "Dott.ssa ", "Avv. "],
        "nl": ["dhr. ", "de heer ", "Dhr. "] if g == "m" else ["mevr. ", "mw. ", "Mevrouw "],
        "pl": ["Pan ", "pan ", "dr "] if g == "m" else ["Pani ", "pani ", "dr "],
        "cs": ["pan ", "Ing. ", "MUDr. "] if g == "m" else ["paní ", "Ing. ", "Mgr. "],
        "ro": ["dl. ", "domnul "] if g == "m" else ["dna. ", "doamna "],
        "el": ["k. "] if g == "m" else ["k. "],
        "id": ["Bapak ", "Pak "] if g == "m" else ["Ibu ", "Bu "],
        "tl": ["Mr. ", "Sir "] if g == "m" else ["Ms. ", "Ma'am "],
        "vi": ["anh "] if g == "m" else ["chị "],
    }
    post = {"tr": " Bey" if g == "m" else " Hanım", "hu": " úr" if g == "m" else "né"}
    if lang in ("tr",):
        return [PER(p.first if form in ("last", "first") else name), post["tr"]]
    if lang == "hu":
        return [PER({"last": p.sur, "first": p.first}.get(form, p.full)), " úr" if g == "m" else " asszony"]
    if lang == "vi":
        return [ch(pre["vi"]), PER(p.first)]
    if lang in ("sv", "no", "da", "fi"):
        return [PER(name)]
    t = ch(pre.get(lang, pre["en"]))
    nm = name.lower() if lower else name
    return [t, PER(nm)]


SITES = ["shop", "help", "portal", "account", "my", "support", "app", "booking", "kunden", "espace-client", "clientes", "mijn"]
TLDS = {"en": [".com", ".co.uk", ".io", ".com.au", ".ie"], "de": [".de", ".at", ".ch"], "fr": [".fr", ".be"], "es": [".es", ".com.mx"],
        "pt": [".pt", ".com.br"], "it": [".it"], "nl": [".nl", ".be"], "pl": [".pl"], "cs": [".cz"], "sv": [".se"], "no": [".no"],
        "da": [".dk"], "fi": [".fi"], "tr": [".com.tr"], "el": [".gr"], "ro": [".ro"], "hu": [".hu"], "vi": [".vn"], "id": [".co.id"], "tl": [".ph"]}
BRANDS = ["nordwind", "brightpath", "solaria", "vexley", "lumiere", "tulpenhof", "kestrel", "polarbyte", "meridiana", "bluefinch",
          "orbitale", "zentrix", "harbourline", "marisol", "ferroviaverde", "atlaskargo", "hanzameble", "cedrus", "quantaflux", "fjordlys",
          "nimbus", "pyramidfoods", "casaclara", "wolkenhaus", "kaffekoppen", "sunlit-travel", "maplecare", "medivita", "stadtwerk-nord"]


def domain(lang="en", brand=None):
    return (brand or ch(BRANDS)) + ch(TLDS.get(lang, TLDS["en"]))


def url(lang="en", kind=None, brand=None):
    dom = domain(lang, brand)
    kind = kind or ch(["plain", "path", "query", "www", "deep", "track", "sub"])
    if kind == "plain":
        return "https://%s" % dom
    if kind == "www":
        return "www.%s" % dom + ch(["", "/kontakt", "/contact", "/impressum", "/faq", "/en/help"])
    if kind == "path":
        return "https://www.%s/%s" % (dom, ch(["orders/%s" % digits(6), "account/settings", "returns/new", "help/article/%s" % digits(5),
                                              "de/service/rueckgabe", "p/%s" % neg_hash(10), "tickets/%s" % digits(5)]))
    if kind == "query":
        return "https://%s/%s?%s" % (dom, ch(["track", "search", "login", "invoice", "reset-password"]),
                                     ch(["id=%s" % digits(8), "ref=mail&utm_source=newsletter", "token=%s" % neg_hash(20), "q=%s" % ch(["winter+jacket", "usb-c", "sofa"]), "lang=en&order=%s" % digits(7)]))
    if kind == "deep":
        return "https://%s.%s/%s/%s" % (ch(SITES), dom, ch(["v2", "docs", "files", "s"]), neg_hash(12))
    if kind == "track":
        return "http://%s/t/%s" % (dom, neg_hash(8))
    return "https://%s.%s/" % (ch(SITES), dom)


def profile_url(p):
    h = slug(p.western.replace(" ", "-") if p.loc != "VN" else p.full)
    h = re.sub(r"[^a-z0-9]", "", ascii_fold(p.given).lower()) + "-" + re.sub(r"[^a-z0-9]", "", ascii_fold(p.sur).lower())
    return ch(["https://www.linkedin.com/in/%s-%s" % (h, neg_hash(6)), "https://github.com/%s" % h.replace("-", ""),
               "https://%s.me" % h.replace("-", ""), "https://www.instagram.com/%s_%s" % (h.replace("-", "."), R.randint(1, 99))])


# ----------------------------------------------------------------------------- field labels (forms, tables) per language
LBL = {
    "en": dict(name="Name", first="First name", last="Last name", email="Email", phone="Phone", mobile="Mobile", address="Address",
               street="Street", pc="Postcode", city="City", country="Country", iban="IBAN", card="Card number", dob="Date of birth",
               order="Order no.", date="Date", ip="IP address", web="Website", notes="Notes", amount="Amount", cust="Customer ID", ref="Reference"),
    "de": dict(name="Name", first="Vorname", last="Nachname", email="E-Mail", phone="Telefon", mobile="Handy", address="Anschrift",
               street="Straße", pc="PLZ", city="Ort", country="Land", iban="IBAN", card="Kartennummer", dob="Geburtsdatum",
               order="Bestellnr.", date="Datum", ip="IP-Adresse", web="Webseite", notes="Bemerkungen", amount="Betrag", cust="Kundennr.", ref="Aktenzeichen"),
    "fr": dict(name="Nom complet", first="Prénom", last="Nom", email="Courriel", phone="Téléphone", mobile="Portable", address="Adresse",
               street="Rue", pc="Code postal", city="Ville", country="Pays", iban="IBAN", card="N° de carte", dob="Date de naissance",
               order="N° de commande", date="Date", ip="Adresse IP", web="Site web", notes="Remarques", amount="Montant", cust="N° client", ref="Référence"),
    "es": dict(name="Nombre y apellidos", first="Nombre", last="Apellidos", email="Correo electrónico", phone="Teléfono", mobile="Móvil",
               address="Domicilio", street="Calle", pc="C.P.", city="Localidad", country="País", iban="IBAN", card="Nº de tarjeta",
               dob="Fecha de nacimiento", order="Nº de pedido", date="Fecha", ip="Dirección IP", web="Sitio web", notes="Observaciones",
               amount="Importe", cust="Nº de cliente", ref="Referencia"),
    "pt": dict(name="Nome completo", first="Nome", last="Apelido", email="E-mail", phone="Telefone", mobile="Celular", address="Morada",
               street="Rua", pc="Código postal", city="Cidade", country="País", iban="IBAN", card="Nº do cartão", dob="Data de nascimento",
               order="Nº do pedido", date="Data", ip="Endereço IP", web="Site", notes="Observações", amount="Valor", cust="Nº de cliente", ref="Referência"),
    "it": dict(name="Nominativo", first="Nome", last="Cognome", email="E-mail", phone="Telefono", mobile="Cellulare", address="Indirizzo",
               street="Via", pc="CAP", city="Città", country="Paese", iban="IBAN", card="Numero carta", dob="Data di nascita",
               order="N. ordine", date="Data", ip="Indirizzo IP", web="Sito web", notes="Note", amount="Importo", cust="Codice cliente", ref="Rif."),
    "nl": dict(name="Naam", first="Voornaam", last="Achternaam", email="E-mailadres", phone="Telefoon", mobile="Mobiel", address="Adres",
               street="Straat", pc="Postcode", city="Woonplaats", country="Land", iban="IBAN", card="Kaartnummer", dob="Geboortedatum",
               order="Bestelnummer", date="Datum", ip="IP-adres", web="Website", notes="Opmerkingen", amount="Bedrag", cust="Klantnummer", ref="Kenmerk"),
    "pl": dict(name="Imię i nazwisko", first="Imię", last="Nazwisko", email="E-mail", phone="Telefon", mobile="Tel. kom.", address="Adres",
               street="Ulica", pc="Kod pocztowy", city="Miejscowość", country="Kraj", iban="IBAN", card="Numer karty", dob="Data urodzenia",
               order="Nr zamówienia", date="Data", ip="Adres IP", web="Strona www", notes="Uwagi", amount="Kwota", cust="Nr klienta", ref="Sygnatura"),
    "cs": dict(name="Jméno a příjmení", first="Jméno", last="Příjmení", email="E-mail", phone="Telefon", mobile="Mobil", address="Adresa",
               street="Ulice", pc="PSČ", city="Obec", country="Země", iban="IBAN", card="Číslo karty", dob="Datum narození",
               order="Číslo objednávky", date="Datum", ip="IP adresa", web="Web", notes="Poznámka", amount="Částka", cust="Číslo zákazníka", ref="Č. j."),
    "sv": dict(name="Namn", first="Förnamn", last="Efternamn", email="E-post", phone="Telefon", mobile="Mobil", address="Adress",
               street="Gatuadress", pc="Postnummer", city="Ort", country="Land", iban="IBAN", card="Kortnummer", dob="Födelsedatum",
               order="Ordernr", date="Datum", ip="IP-adress", web="Webbplats", notes="Övrigt", amount="Belopp", cust="Kundnr", ref="Referens"),
    "no": dict(name="Navn", first="Fornavn", last="Etternavn", email="E-post", phone="Telefon", mobile="Mobil", address="Adresse",
               street="Gateadresse", pc="Postnr.", city="Poststed", country="Land", iban="IBAN", card="Kortnummer", dob="Fødselsdato",
               order="Ordrenr.", date="Dato", ip="IP-adresse", web="Nettside", notes="Merknad", amount="Beløp", cust="Kundenr.", ref="Referanse"),
    "da": dict(name="Navn", first="Fornavn", last="Efternavn", email="E-mail", phone="Telefon", mobile="Mobil", address="Adresse",
               street="Vej", pc="Postnr.", city="By", country="Land", iban="IBAN", card="Kortnummer", dob="Fødselsdato",
               order="Ordrenr.", date="Dato", ip="IP-adresse", web="Hjemmeside", notes="Bemærkninger", amount="Beløb", cust="Kundenr.", ref="Reference"),
    "fi": dict(name="Nimi", first="Etunimi", last="Sukunimi", email="Sähköposti", phone="Puhelin", mobile="Matkapuhelin", address="Osoite",
               street="Katuosoite", pc="Postinumero", city="Postitoimipaikka", country="Maa", iban="IBAN", card="Kortin numero",
               dob="Syntymäaika", order="Tilausnumero", date="Päivämäärä", ip="IP-osoite", web="Verkkosivu", notes="Lisätiedot",
               amount="Summa", cust="Asiakasnumero", ref="Viite"),
    "tr": dict(name="Ad Soyad", first="Ad", last="Soyad", email="E-posta", phone="Telefon", mobile="Cep", address="Adres", street="Sokak",
               pc="Posta kodu", city="Şehir", country="Ülke", iban="IBAN", card="Kart numarası", dob="Doğum tarihi", order="Sipariş no",
               date="Tarih", ip="IP adresi", web="Web sitesi", notes="Notlar", amount="Tutar", cust="Müşteri no", ref="Referans"),
    "el": dict(name="Onomateponymo", first="Onoma", last="Eponymo", email="Email", phone="Tilefono", mobile="Kinito", address="Dieuthynsi",
               street="Odos", pc="T.K.", city="Poli", country="Chora", iban="IBAN", card="Arithmos kartas", dob="Imerominia gennisis",
               order="Ar. paraggelias", date="Imerominia", ip="IP", web="Istoselida", notes="Simeioseis", amount="Poso", cust="Kodikos pelati", ref="Ar. protokollou"),
    "ro": dict(name="Nume și prenume", first="Prenume", last="Nume", email="E-mail", phone="Telefon", mobile="Mobil", address="Adresă",
               street="Strada", pc="Cod poștal", city="Localitate", country="Țara", iban="IBAN", card="Număr card", dob="Data nașterii",
               order="Nr. comandă", date="Data", ip="Adresă IP", web="Site", notes="Observații", amount="Suma", cust="Cod client", ref="Nr. dosar"),
    "hu": dict(name="Név", first="Utónév", last="Vezetéknév", email="E-mail", phone="Telefon", mobile="Mobil", address="Cím",
               street="Utca, házszám", pc="Irányítószám", city="Település", country="Ország", iban="IBAN", card="Kártyaszám",
               dob="Születési idő", order="Rendelésszám", date="Dátum", ip="IP-cím", web="Weboldal", notes="Megjegyzés", amount="Összeg",
               cust="Ügyfélszám", ref="Ügyszám"),
    "vi": dict(name="Họ và tên", first="Tên", last="Họ", email="Email", phone="Điện thoại", mobile="Di động", address="Địa chỉ",
               street="Đường", pc="Mã bưu chính", city="Thành phố", country="Quốc gia", iban="IBAN", card="Số thẻ", dob="Ngày sinh",
               order="Mã đơn hàng", date="Ngày", ip="Địa chỉ IP", web="Trang web", notes="Ghi chú", amount="Số tiền", cust="Mã khách hàng", ref="Số tham chiếu"),
    "id": dict(name="Nama lengkap", first="Nama depan", last="Nama belakang", email="Surel", phone="Telepon", mobile="No. HP", address="Alamat",
               street="Jalan", pc="Kode pos", city="Kota", country="Negara", iban="IBAN", card="Nomor kartu", dob="Tanggal lahir",
               order="No. pesanan", date="Tanggal", ip="Alamat IP", web="Situs web", notes="Catatan", amount="Jumlah", cust="ID pelanggan", ref="No. referensi"),
    "tl": dict(name="Pangalan", first="Unang pangalan", last="Apelyido", email="Email", phone="Telepono", mobile="Cellphone", address="Tirahan",
               street="Kalye", pc="Zip code", city="Lungsod", country="Bansa", iban="IBAN", card="Card number", dob="Kaarawan",
               order="Order no.", date="Petsa", ip="IP address", web="Website", notes="Paalala", amount="Halaga", cust="Customer ID", ref="Reference"),
}
LBL["ja"] = LBL["en"]


def lbl(lang, key):
    return LBL.get(lang, LBL["en"])[key]


def lang_of(loc):
    return LANG.get(loc, "en")


def cur_of(loc):
    return {"US": "USD", "UK": "GBP", "IE": "EUR", "AU": "USD", "IN": "INR", "ZA": "USD", "NG": "USD", "DE": "EUR", "AT": "EUR", "CH": "CHF",
            "FR": "EUR", "BE": "EUR", "NL": "EUR", "ES": "EUR", "MX": "MXN", "PT": "EUR", "BR": "BRL", "IT": "EUR", "PL": "PLN", "CZ": "CZK",
            "SE": "SEK", "NO": "SEK", "DK": "SEK", "FI": "EUR", "TR": "TRY", "GR": "EUR", "RO": "EUR", "HU": "EUR", "VN": "USD", "ID": "USD",
            "PH": "USD", "JP": "JPY", "CN": "USD"}.get(loc, "EUR")


def locs_for(lang):
    return [l for l in ALL_LOCS if lang_of(l) == lang and l not in ("JP", "CN")]


# ----------------------------------------------------------------------------- template helpers
TEMPLATES = []


def tpl(w=1.0):
    def deco(f):
        TEMPLATES.append((f, w))
        return f
    return deco


def A(a, sep=", ", country=False):
    """street entity + outside tail."""
    if a.fmt and a.country == "Magyarország" and chance(0.3):
        return a.tail() + [", ", ADR(a.street)]
    return [ADR(a.street), sep] + a.tail(country)


def A_lines(a, country=False):
    return [ADR(a.street), "\n"] + a.tail(country)


def P(loc=None, **kw):
    return Person(loc, **kw)


def pick_loc(langs=None, locs=None):
    if locs:
        return ch(locs)
    return ch([l for l in ALL_LOCS if lang_of(l) in langs])


def company_dom():
    return domain(ch(["en", "de", "fr", "nl", "es", "it"]))


def negs(lang, k):
    return [NEG(x) for x in neg_any(lang, k)]


# ----------------------------------------------------------------------------- genre: support tickets
@tpl(1.3)
def t_support_en_delivery():
    p = P(ch(EN_LOCS + ["JP", "CN", "DE", "NL"]))
    a = p.addr()
    d = Doc()
    d.f("Subject: {subj} - order {o}\nFrom: {n} <{e}>\n\nHi team,\n\n", subj=ch(["Parcel not received", "Missing delivery", "Where is my package?", "Wrong item delivered"]),
        o=NEG(neg_order()), n=PER(p.full), e=EM(p.email()))
    d.f("I ordered a {prod} ({pr}) on {dt} and the tracking number {trk} has shown \"out for delivery\" since {wd}. Nothing was left at ",
        prod=NEG(ch(PRODUCTS)), pr=NEG(neg_price(cur_of(p.home))), dt=NEG(neg_date("en")), trk=NEG(neg_tracking()), wd=NEG(ch(WEEKDAYS["en"])))
    d.put(A(a))
    d.f(". My neighbour at the same address, {nb}, didn't get anything either.\n\nCould someone call me on {ph}? I'm usually home after {tm}.\n\nThanks,\n{f}\n",
        nb=PER(P(p.home if p.home in NAMES else "US").full), ph=PH(p.phone()), tm=NEG(neg_time("en")), f=PER(p.first))
    return d


@tpl(1.2)
def t_support_en_login():
    p = P(ch(ALL_LOCS))
    d = Doc()
    ip1, ip2 = ipv4("pub"), ip_any()
    d.f("Ticket {tk} | Priority: High | Channel: web form\n\nCustomer: {n}\nAccount email: {e}\n\nMessage:\nhi, i got a security alert that someone logged into my account from {ip1} at {tm} - that was NOT me, i was asleep. "
        "my own laptop shows {ip2} as the address. i already changed the password on {dt}. can you also remove the old recovery number {old} and keep only {new}? "
        "the app version is {ver} if that matters.\n\nAgent note ({ag}): verified via last 4 digits of card, escalated to Trust & Safety.\n",
        tk=NEG(neg_ticket()), n=PER(p.full), e=EM(p.email()), ip1=IP(ip1), tm=NEG(neg_time()), ip2=IP(ip2), dt=NEG(neg_date("en")),
        old=PH(p.phone()), new=PH(p.phone()), ver=NEG(neg_version()), ag=PER(P(ch(EN_LOCS)).first))
    return d


@tpl(1.0)
def t_support_en_refund_card():
    p = P(ch(EN_LOCS))
    a = p.addr()
    d = Doc()
    c = card()
    bad = luhn_invalid16()
    d.f("[{tk}] Double charge on my card\n\nHello,\n\nmy card {c} was charged twice for invoice {inv} ({pr} each). Your chatbot asked me for the card number and I typed {bad} by mistake, "
        "please ignore that one. The correct billing address is ", tk=NEG(neg_ticket()), c=CC(c), inv=NEG(neg_invoice()), pr=NEG(neg_price(cur_of(p.loc))), bad=NEG(bad))
    d.put(A(a, ", ", chance(0.5)))
    d.f(".\n\nRegards\n{n}\n{ph}\n", n=PER(p.full), ph=PH(p.phone()))
    return d


@tpl(1.0)
def t_support_de():
    p = P(ch(["DE", "AT", "CH"]))
    a = p.addr()
    d = Doc()
    d.f("Betreff: Reklamation Bestellung {o}\n\nSehr geehrte Damen und Herren,\n\nam {dt} habe ich bei Ihnen einen {prod} bestellt (Artikelnr. {sku}). "
        "Das Gerät ist leider defekt angekommen, das Display hat einen Riss von ca. {m}.\n\nLieferanschrift:\n{n}\n",
        o=NEG(neg_order()), dt=NEG(neg_date("de")), prod=NEG(ch(PRODUCTS)), sku=NEG(neg_sku()), m=NEG("%d cm" % R.randint(2, 9)), n=PER(p.full))
    d.put(A_lines(a))
    d.f("\n\nBitte erstatten Sie den Betrag von {pr} auf mein Konto {ib} (Kontoinhaber/in: {n2}). Rückfragen gerne unter {ph} oder per Mail an {e}.\n\nMit freundlichen Grüßen\n{n3}\n",
        pr=NEG(neg_price("CHF" if p.loc == "CH" else "EUR")), ib=IB(p.iban()), n2=PER(p.full), ph=PH(p.phone()), e=EM(p.email()), n3=PER(p.full))
    return d


@tpl(1.0)
def t_support_fr():
    p = P(ch(["FR", "FR", "BE", "CH"]), gender="f")
    p.home = ch(["FR", "BE"]) if p.loc != "CH" else "CH"
    a = p.addr()
    d = Doc()
    d.f("Objet : Colis {trk} jamais livré\n\nBonjour,\n\nJe suis cliente depuis {y} (n° client {cu}). Ma commande {o} du {dt} devait être livrée au ",
        trk=NEG(neg_tracking()), y=NEG(str(R.randint(2012, 2022))), cu=NEG("C" + digits(7)), o=NEG(neg_order()), dt=NEG(neg_date("fr")))
    d.put(A(a))
    d.f(" mais le transporteur indique « destinataire absent ». Or j'étais présente toute la journée de {wd}.\n\nMerci de me rappeler au {ph} (après {tm}) ou d'écrire à {e}.\n\nCordialement,\n{n}\n",
        wd=NEG(ch(WEEKDAYS["fr"])), ph=PH(p.phone()), tm=NEG(neg_time("fr")), e=EM(p.email()), n=PER(p.full))
    return d


@tpl(1.0)
def t_support_es():
    p = P(ch(["ES", "MX"]))
    a = p.addr()
    d = Doc()
    d.f("Asunto: Incidencia con el pedido {o}\n\nHola, buenas tardes:\n\nSoy {n} y el {dt} compré una {prod} por {pr}. Me llegó otro modelo ({sku}). "
        "Necesito que pasen a recogerlo por mi domicilio en ", o=NEG(neg_order()), n=PER(p.full), dt=NEG(neg_date("es")), prod=NEG(ch(PRODUCTS)),
        pr=NEG(neg_price("MXN" if p.loc == "MX" else "EUR")), sku=NEG(neg_sku()))
    d.put(A(a))
    d.f(". Mi móvil es el {ph} y mi correo {e}. Si no estoy, pueden dejarlo con mi vecina, {v}.\n\nUn saludo,\n{f}\n",
        ph=PH(p.phone()), e=EM(p.email()), v=title_pieces(P(p.loc, gender="f"), "es", "full"), f=PER(p.first))
    return d


@tpl(1.0)
def t_support_br():
    p = P("BR")
    a = p.addr()
    d = Doc()
    d.f("Protocolo {tk}\n\nOlá, meu nome é {n}, CPF final {cpf}. Comprei um {prod} no dia {dt} (pedido {o}) e até agora nada. O endereço de entrega é ",
        tk=NEG(neg_ticket()), n=PER(p.full), cpf=NEG(digits(2) + "-" + digits(2)), prod=NEG(ch(PRODUCTS)), dt=NEG(neg_date("pt")), o=NEG(neg_order()))
    d.put(A(a))
    d.f(". Podem me chamar no WhatsApp {ph} ou mandar e-mail pra {e}. Se for estorno, prefiro no cartão {c} mesmo.\n\nObrigada!\n{f}\n",
        ph=PH(p.phone()), e=EM(p.email()), c=CC(card(style="space")), f=PER(p.first))
    return d


@tpl(0.9)
def t_support_it():
    p = P("IT")
    a = p.addr()
    d = Doc()
    d.f("Oggetto: Richiesta rimborso ordine {o}\n\nBuongiorno,\n\nsono {n}. Il {dt} ho restituito il pacco (codice reso {rr}) ma non ho ancora ricevuto il rimborso di {pr}. "
        "Vi chiedo di accreditarlo sul conto {ib} intestato a me.\nIndirizzo di fatturazione: ", o=NEG(neg_order()), n=PER(p.full), dt=NEG(neg_date("it")),
        rr=NEG("RMA-" + digits(6)), pr=NEG(neg_price("EUR")), ib=IB(p.iban()))
    d.put(A(a))
    d.f("\nTel. {ph}\n\nCordiali saluti,\n{n2}\n", ph=PH(p.phone()), n2=PER(p.full))
    return d


@tpl(0.9)
def t_support_nl():
    p = P(ch(["NL", "NL", "BE"]))
    a = p.addr()
    d = Doc()
    d.f("Onderwerp: Retour {o}\n\nGoedemiddag,\n\nIk heb op {dt} een {prod} teruggestuurd via een PostNL-punt (barcode {trk}). Graag het bedrag van {pr} terugstorten op {ib} t.n.v. {n}.\n\n"
        "Mijn adres is gewijzigd, het nieuwe adres is ", o=NEG(neg_order()), dt=NEG(neg_date("nl")), prod=NEG(ch(PRODUCTS)), trk=NEG(neg_tracking()),
        pr=NEG(neg_price("EUR")), ib=IB(p.iban()), n=PER(p.initial if chance(0.5) else p.full))
    d.put(A(a))
    d.f(". Bereikbaar op {ph}.\n\nMet vriendelijke groet,\n{n2}\n", ph=PH(p.phone()), n2=PER(p.full))
    return d


@tpl(0.9)
def t_support_pl():
    p = P("PL")
    a = p.addr()
    d = Doc()
    d.f("Temat: Reklamacja – zamówienie {o}\n\nDzień dobry,\n\nzwracam się z reklamacją produktu {prod} zakupionego {dt}. Towar proszę odebrać spod adresu: ",
        o=NEG(neg_order()), prod=NEG(ch(PRODUCTS)), dt=NEG(neg_date("pl")))
    d.put(A(a))
    d.f(". Zwrot kwoty {pr} proszę przelać na rachunek {ib}.\n\nKontakt: {ph}, {e}\n\nZ poważaniem\n{n}\n",
        pr=NEG(neg_price("PLN")), ib=IB(p.iban()), ph=PH(p.phone()), e=EM(p.email()), n=PER(p.full))
    return d


# ----------------------------------------------------------------------------- genre: e-mails with signatures
def signature(p, lang, dom, job=True, addr=True, web=True):
    pcs = ["\n-- \n" if chance(0.5) else "\n", PER(p.full)]
    if job:
        pcs += ["\n", NEG(ch(JOBS))]
    comp = ch(COMPANIES)
    pcs += ["\n", NEG(comp)]
    if addr:
        a = ADDR[p.home]()
        pcs += ["\n"] + A(a, ch([", ", "\n", " · "]))
    tel = {"de": "Tel.", "fr": "Tél.", "es": "Tel.", "it": "Tel.", "nl": "T", "sv": "Tfn", "da": "Tlf.", "fi": "Puh.", "tr": "Tel", "pl": "tel."}.get(lang, ch(["T:", "Tel:", "Phone:", "M:"]))
    ph = p.phone()
    pcs += ["\n", tel, " ", PH(ph)]
    if chance(0.3):
        pcs += [ch([" ext. ", " x", " Durchwahl -", " poste "]), str(R.randint(10, 499))]
    if chance(0.5):
        pcs += [" | ", ch(["M:", "Mob.", "Cell", "GSM"]), " ", PH(p.phone())]
    pcs += ["\n", EM(p.work_email(dom))]
    if web:
        pcs += ["\n", URL(ch(["https://www.", "www.", "https://"]) + dom)]
    return pcs


@tpl(1.2)
def t_email_en_meeting():
    a, b = P(ch(EN_LOCS)), P(ch(ALL_LOCS))
    dom = domain("en")
    d = Doc()
    d.f("From: {an} <{ae}>\nTo: {bn} <{be}>\nCc: {ce}\nDate: {dt} {tm}\nSubject: Re: {proj} kickoff\n\nHi {bf},\n\n"
        "Thanks for your time on {wd}. As discussed, {cn} will join from our {city} office; her direct line is {cph}. "
        "The deck is at {u} (access expires {dt2}).\n\nBest,\n{af}\n",
        an=PER(a.full), ae=EM(a.work_email(dom)), bn=PER(b.western), be=EM(b.email()), ce=EM("projects@" + dom), dt=NEG(neg_date("en")), tm=NEG(neg_time("en")),
        proj=NEG(ch(["Project Aurora", "Atlas Migration", "Q3 Rollout", "Helios Upgrade", "Northstar Pilot"])), bf=PER(b.first), wd=NEG(ch(WEEKDAYS["en"])),
        cn=PER(P(ch(EN_LOCS), gender="f").full), city=NEG(ch(["Dublin", "Singapore", "Toronto", "Leeds", "Austin", "Melbourne"])), cph=PH(a.phone()),
        u=URL(url("en", ch(["deep", "query"]))), dt2=NEG(neg_date("en")), af=PER(a.first))
    d.put(signature(a, "en", dom))
    return d


@tpl(1.0)
def t_email_en_landlord():
    p, t = P(ch(EN_LOCS)), P(ch(ALL_LOCS))
    a = ADDR[p.home]()
    d = Doc()
    d.f("Dear {tt},\n\nThis is a reminder that the rent for {ad} of {pr} is due on {dt}. Please transfer it to the usual account ",
        tt=title_pieces(t, "en", "last"), ad=ADR(a.street), pr=NEG(neg_price(cur_of(p.home), 650, 3900)), dt=NEG(neg_date("en")))
    if p.home in ("UK", "IE"):
        d.f("{ib} ", ib=IB(iban("GB" if p.home == "UK" else "IE")))
    else:
        d.f("({acc}) ", acc=NEG(neg_account()))
    d.f("and quote reference {ref}.\n\nThe plumber, {pl}, will come on {wd} between {t1} and {t2} to look at the boiler (model {sku}).\n\nKind regards,\n{pn}\n{ph}\n{e}\n",
        ref=NEG("RENT-" + digits(4)), pl=PER(P(p.home).full), wd=NEG(ch(WEEKDAYS["en"])), t1=NEG(neg_time()), t2=NEG(neg_time()), sku=NEG(neg_sku()),
        pn=PER(p.full), ph=PH(p.phone()), e=EM(p.email()))
    return d


@tpl(1.0)
def t_email_en_intro():
    a, b, c = P(ch(ALL_LOCS)), P(ch(ALL_LOCS)), P(ch(ALL_LOCS))
    dom = domain("en")
    d = Doc()
    d.f("Hi {bf} and {cf},\n\nIntroducing you two as promised. {bf2} leads procurement at {co1}; {cf2} runs the {city} branch of {co2}. "
        "{cf3}'s profile is here ({u}).\n\nI'll let you take it from here!\n{af}",
        bf=PER(b.first), cf=PER(c.first), bf2=PER(b.first), co1=NEG(ch(COMPANIES)), cf2=PER(c.first),
        city=NEG(ch(["Lisbon", "Rotterdam", "Kraków", "Lyon", "Bilbao", "Gothenburg", "Cluj"])), co2=NEG(ch(COMPANIES)), cf3=PER(c.first),
        u=URL(profile_url(c)), af=PER(a.first))
    d.put(signature(a, "en", dom, addr=chance(0.6)))
    return d


@tpl(1.0)
def t_email_de():
    a, b = P(ch(["DE", "AT", "CH"])), P(ch(["DE", "AT", "CH"]))
    dom = domain("de")
    d = Doc()
    d.f("Von: {an} <{ae}>\nAn: {be}\nBetreff: Angebot {inv}\n\nSehr geehrte{r} {bt},\n\nanbei erhalten Sie unser Angebot für die Wartung Ihrer Anlage am Standort ",
        an=PER(a.full), ae=EM(a.work_email(dom)), be=EM(b.email()), inv=NEG(neg_invoice()), r="r" if b.g == "m" else "", bt=title_pieces(b, "de", "last"))
    d.put(A(ADDR[b.home]()))
    d.f(". Der Gesamtpreis beläuft sich auf {pr} zzgl. {pct} MwSt. Ihr Ansprechpartner vor Ort ist {tn} ({tph}).\n\nMit freundlichen Grüßen",
        pr=NEG(neg_price("EUR")), pct=NEG(ch(["19 %", "20 %", "8,1 %"])), tn=title_pieces(P(a.loc), "de", "full"), tph=PH(a.phone()))
    d.put(signature(a, "de", dom))
    return d


@tpl(0.9)
def t_email_fr():
    a, b = P(ch(["FR", "BE", "CH"])), P(ch(["FR", "BE"]))
    dom = domain("fr")
    d = Doc()
    d.f("De : {ae}\nÀ : {be}\nObjet : Dossier {ref}\n\n{sal} {bt},\n\nSuite à notre échange téléphonique de {wd}, je vous confirme le rendez-vous du {dt} à {tm} dans nos locaux. "
        "Merci d'apporter une pièce d'identité. En cas d'empêchement, contactez {cn} au {cph}.\n\nBien cordialement,",
        ae=EM(a.work_email(dom)), be=EM(b.email()), ref=NEG("DOS-" + digits(5)), sal=ch(["Madame", "Monsieur", "Bonjour"]) if False else "Bonjour",
        bt=title_pieces(b, "fr", "last"), wd=NEG(ch(WEEKDAYS["fr"])), dt=NEG(neg_date("fr")), tm=NEG(neg_time("fr")), cn=PER(P(a.loc).full), cph=PH(a.phone()))
    d.put(signature(a, "fr", dom))
    return d


@tpl(0.9)
def t_email_es():
    a, b = P(ch(["ES", "MX"])), P(ch(["ES", "MX"]))
    dom = domain("es")
    d = Doc()
    d.f("Estimado/a {bt}:\n\nLe escribo para confirmar la reserva de la sala para el {dt}. El importe ({pr}) deberá abonarse mediante transferencia a {ib}. "
        "Para cualquier duda puede llamar a mi compañera {cn} al {cph}.\n\nAtentamente,",
        bt=title_pieces(b, "es", "full"), dt=NEG(neg_date("es")), pr=NEG(neg_price("EUR")), ib=IB(iban("ES")), cn=PER(P(a.loc, gender="f").full), cph=PH(a.phone()))
    d.put(signature(a, "es", dom))
    return d


@tpl(0.8)
def t_email_it():
    a, b = P("IT"), P("IT")
    dom = domain("it")
    d = Doc()
    d.f("Gentile {bt},\n\ncome da accordi telefonici Le invio il preventivo n. {inv} relativo ai lavori presso ", bt=title_pieces(b, "it", "last"), inv=NEG(neg_invoice()))
    d.put(A(ADDR["IT"]()))
    d.f(". L'intervento è previsto per {wd} {dt}. Per conferma può rispondere a questa e-mail oppure scrivere a {e2}.\n\nCordiali saluti,",
        wd=NEG(ch(WEEKDAYS["it"])), dt=NEG(neg_date("it")), e2=EM("preventivi@" + dom))
    d.put(signature(a, "it", dom))
    return d


@tpl(0.8)
def t_email_nordic():
    loc = ch(["SE", "DK", "FI", "NO"])
    a, b = P(loc), P(loc)
    lang = lang_of(loc)
    dom = domain(lang)
    d = Doc()
    body = {
        "sv": "Hej {bf}!\n\nTack för senast. Jag bifogar fakturan {inv} på {pr}. Betala gärna till {ib} senast {dt}. Hör av dig om något är oklart.\n\nMed vänliga hälsningar",
        "da": "Hej {bf}\n\nTak for i går. Vedhæftet er faktura {inv} på {pr}. Beløbet bedes indbetalt på {ib} senest {dt}.\n\nVenlig hilsen",
        "fi": "Hei {bf},\n\nkiitos tapaamisesta. Liitteenä lasku {inv}, summa {pr}. Maksathan tilille {ib} viimeistään {dt}.\n\nYstävällisin terveisin",
        "no": "Hei {bf}!\n\nTakk for sist. Vedlagt er faktura {inv} på {pr}. Beløpet kan betales til {ib} innen {dt}.\n\nMed vennlig hilsen",
    }[lang]
    d.f(body, bf=PER(b.first), inv=NEG(neg_invoice()), pr=NEG(neg_price("SEK" if loc != "FI" else "EUR")), ib=IB(a.iban()), dt=NEG(neg_date("sv" if loc == "SE" else "en")))
    d.put(signature(a, lang, dom, job=chance(0.5)))
    return d


@tpl(0.7)
def t_email_tr():
    a, b = P("TR"), P("TR")
    dom = domain("tr")
    d = Doc()
    d.f("Sayın {bt},\n\n{dt} tarihli toplantımızda konuşulan teklifimiz ekte yer almaktadır (teklif no: {inv}). Ödeme {ib} numaralı hesaba yapılabilir. "
        "Teslimat adresi olarak ", bt=title_pieces(b, "tr", "first"), dt=NEG(neg_date("tr")), inv=NEG(neg_invoice()), ib=IB(iban("TR")))
    d.put(A(ADDR["TR"]()))
    d.f(" adresini not aldık.\n\nSaygılarımızla,")
    d.put(signature(a, "tr", dom))
    return d


# ----------------------------------------------------------------------------- genre: chat logs
_CLOCK = [0]


def clock_start():
    _CLOCK[0] = R.randint(7 * 60, 20 * 60)


def hhmm():
    """monotonic chat timestamps within one conversation (call clock_start() first)."""
    _CLOCK[0] = min(_CLOCK[0] + R.randint(0, 7), 23 * 60 + 59)
    return "%02d:%02d" % divmod(_CLOCK[0], 60)


@tpl(1.4)
def t_chat_en_casual():
    a, b, c = P(ch(EN_LOCS)), P(ch(EN_LOCS)), P(ch(ALL_LOCS), gender="f")
    ad = ADDR[a.home]()
    d = Doc()
    clock_start()
    d.f("[{t1}] {an}: yo r u still coming tonight??\n[{t2}] {bn}: yeah def. whats the address again\n[{t3}] {an2}: ",
        t1=NEG(hhmm()), an=PER(a.first.lower()), t2=NEG(hhmm()), bn=PER(b.first.lower()), t3=NEG(hhmm()), an2=PER(a.first.lower()))
    d.put(ADR(ad.street.lower()) if chance(0.5) else ADR(ad.street))
    d.f(", buzzer says {cl}. bring {cf} if shes free lol\n[{t4}] {bn2}: lol ok. my phone is dying, if u cant reach me call {cf2} on {ph}\n[{t5}] {an3}: 👍 ",
        cl=PER(a.last.lower() if chance(0.5) else a.last), cf=PER(c.first.lower()), t4=NEG(hhmm()), bn2=PER(b.first.lower()), cf2=PER(c.first.lower()),
        ph=PH(c.phone()), t5=NEG(hhmm()), an3=PER(a.first.lower()))
    d.f("also venmo me {pr} for the pizza @{h}\n", pr=NEG("$%d.%02d" % (R.randint(8, 40), R.randint(0, 99))), h=ch(["foodie", "pizzalord", "k-m"]) + str(R.randint(1, 99)))
    return d


@tpl(1.2)
def t_chat_en_lowercase_names():
    a, b, c = P(ch(ALL_LOCS)), P(ch(ALL_LOCS)), P(ch(ALL_LOCS))
    d = Doc()
    d.f("{a}: did u see {cf} {cl} got the job at {co}?\n{b}: omg no way. {cf2} deserves it tbh\n{a2}: her new email is {e} if u wanna congratulate\n"
        "{b2}: ok will do. btw is {xl}'s number still {ph}\n{a3}: idk ask {xf}\n",
        a=PER(a.first.lower()), cf=PER(c.first.lower()), cl=PER(c.last.lower()), co=NEG(ch(COMPANIES)), b=PER(b.first.lower()), cf2=PER(c.first.lower()),
        a2=PER(a.first.lower()), e=EM(c.email()), b2=PER(b.first.lower()), xl=PER(P(ch(EN_LOCS)).full.lower()), ph=PH(P(ch(EN_LOCS)).phone()), a3=PER(a.first.lower()),
        xf=PER(P(ch(EN_LOCS)).first.lower()))
    return d


@tpl(1.1)
def t_chat_slack():
    a, b = P(ch(ALL_LOCS)), P(ch(ALL_LOCS))
    ipa, ipb = ipv4("priv"), ip_any()
    port = ch(["22", "443", "5432", "8080", "6379"])
    d = Doc()
    clock_start()
    d.f("#ops-alerts\n{an}  {t1}\n@{bh} prod-db-2 is flapping again, can you check? it's on {ipa}:{port}\n{bn}  {t2}\nlooking. load avg {pct} cpu, disk {m} free. "
        "seeing lots of conns from {ipb} - is that the new bastion?\n{an2}  {t3}\nyes, {cn} set it up last week. runbook: {u}\n{bn2}  {t4}\nok restarted, deployed {ver} ({h}). closing {tk}\n",
        an=PER(a.full), t1=NEG(hhmm()), bh=slug(b.first) + ch(["", ".ops", "_" + slug(b.sur)[:3]]), ipa=IP(ipa), port=port, bn=PER(b.full), t2=NEG(hhmm()),
        pct=NEG(neg_pct()), m=NEG("%d GB" % R.randint(2, 90)), ipb=IP(ipb), an2=PER(a.full), t3=NEG(hhmm()), cn=PER(P(ch(ALL_LOCS)).first),
        u=URL("https://wiki.%s/ops/runbooks/%s" % (domain("en"), ch(["postgres-failover", "db-restart", "bastion"]))), bn2=PER(b.full), t4=NEG(hhmm()),
        ver=NEG(neg_version()), h=NEG(neg_hash(7)), tk=NEG(neg_ticket()))
    return d


@tpl(1.0)
def t_chat_de_whatsapp():
    a, b = P(ch(["DE", "AT", "CH"])), P(ch(["DE", "AT", "CH"]))
    ad = ADDR[a.home]()
    d = Doc()
    clock_start()
    dt = "%02d.%02d.%02d" % (R.randint(1, 28), R.randint(1, 12), R.randint(23, 25))
    d.f("[{dt}, {t1}] {an}: Hey, kannst du das Paket für mich annehmen? Lieferung kommt an ",
        dt=NEG(dt), t1=NEG(hhmm()), an=PER(a.first))
    d.put(ADR(ad.street))
    d.f(", ich bin erst ab {tm} zuhause\n[{dt2}, {t2}] {bn}: klar! wie heißt der Absender?\n[{dt3}, {t3}] {an2}: {co}, Sendungsnr. {trk}\n"
        "[{dt4}, {t4}] {bn2}: ok 👍 ruf mich an falls was ist {ph}\n[{dt5}, {t5}] {an3}: danke dir!! Grüße an {cf}\n",
        tm=NEG(neg_time("de")), dt2=NEG(dt), t2=NEG(hhmm()), bn=PER(b.first), dt3=NEG(dt), t3=NEG(hhmm()), an2=PER(a.first), co=NEG(ch(COMPANIES)),
        trk=NEG(neg_tracking()), dt4=NEG(dt), t4=NEG(hhmm()), bn2=PER(b.first), ph=PH(b.phone()), dt5=NEG(dt), t5=NEG(hhmm()), an3=PER(a.first),
        cf=PER(P(b.loc).first))
    return d


@tpl(1.0)
def t_chat_es_whatsapp():
    a, b = P(ch(["ES", "MX"])), P(ch(["ES", "MX"]))
    ad = ADDR[a.home]()
    d = Doc()
    d.f("{an}: oye {bf} te paso la dire para el sábado\n{an2}: ", an=PER(a.first.lower() if chance(0.4) else a.first), bf=PER(b.first.lower()), an2=PER(a.first.lower() if chance(0.4) else a.first))
    d.put(A(ad))
    d.f("\n{bn}: va, llego como a las {tm}. ¿llevo algo?\n{an3}: trae hielo jaja. si no me contestas marco a tu cel {ph}\n{bn2}: ok. por cierto {cf} dice que le pases tu cuenta pa lo de la renta, {ib}? o cuál era\n{an4}: esa mera\n",
        bn=PER(b.first), tm=NEG(neg_time()), an3=PER(a.first), ph=PH(b.phone()), bn2=PER(b.first), cf=PER(P(a.loc).first.lower()),
        ib=IB(iban("ES")) if a.loc == "ES" else IB(iban(ch(["ES", "DE"]))), an4=PER(a.first))
    return d


@tpl(1.0)
def t_chat_br():
    a, b, c = P("BR"), P("BR"), P("BR", gender="f")
    ad = ADDR["BR"]()
    d = Doc()
    d.f("{an}: amiga vc tem o pix da {cf}? vou pagar a parte do aluguel\n{bn}: tenho o email dela, {e}\n{an2}: ah blz. e o endereço novo de vcs é ",
        an=PER(a.first.lower()), cf=PER(c.first), bn=PER(b.first.lower()), e=EM(c.email()), an2=PER(a.first.lower()))
    d.put(ADR(ad.street))
    d.f(" né?\n{bn2}: isso! chega aí umas {tm}. qualquer coisa liga {ph}\n{an3}: fechou 😘\n", bn2=PER(b.first.lower()), tm=NEG(neg_time()), ph=PH(b.phone()), an3=PER(a.first.lower()))
    return d


@tpl(0.9)
def t_chat_taglish():
    a, b = P("PH"), P("PH")
    ad = ADDR["PH"]()
    d = Doc()
    d.f("{an}: ate {bf} pa-send naman ng address mo, ipapadala ko na yung package\n{bn}: ", an=PER(a.first), bf=PER(b.first), bn=PER(b.first))
    d.put(A(ad))
    d.f(" 🙏 pakilagay yung number ko {ph} para ma-text ako ng rider\n{an2}: sige po. GCash na lang ha, {pr} lahat. {cf} na daw mag-bayad sa shipping\n{bn2}: ok salamat!!\n",
        ph=PH(b.phone()), an2=PER(a.first), pr=NEG("₱%d" % R.randint(150, 4900)), cf=[ch(["Kuya ", "Ate ", ""]), PER(P("PH").first)], bn2=PER(b.first))
    return d


@tpl(0.9)
def t_chat_id():
    a, b = P("ID"), P("ID")
    ad = ADDR["ID"]()
    d = Doc()
    d.f("{an}: Mas {bf}, paketnya udah sampai belum?\n{bn}: belum nih. alamatnya bener kan ", an=PER(a.first), bf=PER(b.first), bn=PER(b.first))
    d.put(A(ad))
    d.f("?\n{an2}: iya bener. nomor resinya {trk}. kalau kurirnya telpon, nomorku {ph}\n{bn2}: oke siap, makasih ya {af}\n",
        an2=PER(a.first), trk=NEG(neg_tracking()), ph=PH(a.phone()), bn2=PER(b.first), af=PER(a.first.lower()))
    return d


@tpl(0.8)
def t_chat_vn():
    a, b = P("VN"), P("VN")
    ad = ADDR["VN"]()
    d = Doc()
    d.f("{an}: {hb} ơi, em gửi địa chỉ giao hàng nhé: ", an=PER(a.full), hb=[ch(["anh ", "chị "]), PER(b.first)])
    d.put(A(ad))
    d.f("\n{bn}: ok em, số điện thoại nhận hàng là {ph} đúng không?\n{an2}: dạ đúng rồi ạ. email em là {e}\n", bn=PER(b.full), ph=PH(a.phone()), an2=PER(a.full), e=EM(a.email()))
    return d


@tpl(0.9)
def t_chat_nl():
    a, b = P(ch(["NL", "BE"])), P(ch(["NL", "BE"]))
    d = Doc()
    d.f("{an}: hoi! kan jij {pr} overmaken voor het cadeau van {cf}? mijn rekening is {ib}\n{bn}: ja doe ik vanavond. t.n.v. {an2} toch?\n{an3}: jep. "
        "en vergeet niet dat het feestje om {tm} begint bij {cf2} thuis, ",
        an=PER(a.first.lower() if chance(0.5) else a.first), pr=NEG(neg_price("EUR")), cf=PER(P(a.loc).first), ib=IB(a.iban(grouped=chance(0.5))),
        bn=PER(b.first.lower()), an2=PER(a.full), an3=PER(a.first.lower()), tm=NEG(neg_time()), cf2=PER(P(a.loc).first))
    d.put(A(ADDR[a.home]()))
    d.t("\n")
    return d


# ----------------------------------------------------------------------------- genre: meeting notes
@tpl(1.1)
def t_meeting_en():
    ps = [P(ch(ALL_LOCS)) for _ in range(4)]
    d = Doc()
    d.f("Meeting notes - {proj} weekly sync - {dt}\nAttendees: {a}, {b}, {c} (remote), {dd}\nApologies: {e}\n\n",
        proj=NEG(ch(["Helios", "Project Falcon", "Website Relaunch", "Atlas CRM"])), dt=NEG(neg_date("en")),
        a=PER(ps[0].full), b=PER(ps[1].full), c=PER(ps[2].full), dd=PER(ps[3].full), e=PER(P(ch(ALL_LOCS)).full))
    d.f("1. Budget: {pa} confirmed the {pr} uplift for Q{q}. Burn rate {pct}.\n2. Vendor: {pb} to send NDA to {ve} and call their account manager on {ph}.\n"
        "3. Infra: staging moved to {ip}; old host {ip2} decommissioned on {wd}.\n4. AOB: {pc}'s leaving drinks {wd2} at {tm}.\n\nAction items\n- [ ] {pd}: update roadmap ({u})\n- [ ] {pa2}: book room for {dt2}\n",
        pa=PER(ps[0].first), pr=NEG(neg_price()), q=str(R.randint(1, 4)), pct=NEG(neg_pct()), pb=PER(ps[1].first), ve=EM("legal@" + domain("en")),
        ph=PH(P(ch(EN_LOCS)).phone()), ip=IP(ipv4("priv")), ip2=IP(ipv4("priv")), wd=NEG(ch(WEEKDAYS["en"])), pc=PER(ps[2].first), wd2=NEG(ch(WEEKDAYS["en"])),
        tm=NEG(neg_time()), pd=PER(ps[3].first), u=URL(url("en", "deep")), pa2=PER(ps[0].first), dt2=NEG(neg_date("en")))
    return d


@tpl(1.0)
def t_meeting_en_hoa():
    ps = [P(ch(EN_LOCS)) for _ in range(3)]
    loc = ps[0].home
    a1, a2 = ADDR[loc](), ADDR[loc]()
    d = Doc()
    d.f("Residents' Association - minutes, {dt}\nChair: {c}   Minutes: {m}\n\n- Complaint from {t1} about noise from {ad1}. {c2} will write to the owner.\n"
        "- Bins: collection moves to {wd}.\n- The resident at {ad2} ({t2}) offered to host the summer BBQ; RSVP to {e}.\n- Treasurer reports balance of {pr} (account ref. {acc}).\n",
        dt=NEG(neg_date("en")), c=PER(ps[0].full), m=PER(ps[1].full), t1=title_pieces(ps[2], "en", "last"), ad1=ADR(a1.street), c2=PER(ps[0].first),
        wd=NEG(ch(WEEKDAYS["en"])), ad2=ADR(a2.street), t2=PER(P(loc).full), e=EM(P(loc).email()), pr=NEG(neg_price(cur_of(loc))), acc=NEG(neg_account()))
    return d


@tpl(0.9)
def t_meeting_de():
    ps = [P(ch(["DE", "AT", "CH"])) for _ in range(3)]
    d = Doc()
    d.f("Protokoll Teambesprechung vom {dt}\nAnwesend: {a}, {b}, {c}\nProtokoll: {b2}\n\nTOP 1 – Umzug: Das neue Büro in der ",
        dt=NEG(neg_date("de")), a=title_pieces(ps[0], "de", "full"), b=PER(ps[1].full), c=PER(ps[2].full), b2=PER(ps[1].initial))
    d.put(A(ADDR[ps[0].home]()))
    d.f(" ist ab {mo} bezugsfertig ({m} Bürofläche).\nTOP 2 – IT: Der neue Drucker hat die IP {ip}, MAC {mac}. Ansprechpartner ist {cn} ({ph}).\nTOP 3 – Sonstiges: {c2} hat am {wd} Geburtstag.\n",
        mo=NEG(ch(MONTHS["de"])), m=NEG("%d m²" % R.randint(80, 900)), ip=IP(ipv4("priv")), mac=NEG(neg_mac()), cn=title_pieces(P(ps[0].loc), "de", "last"), ph=PH(ps[0].phone()),
        c2=PER(ps[2].first), wd=NEG(ch(WEEKDAYS["de"])))
    return d


@tpl(0.8)
def t_meeting_fr_no():
    if chance(0.5):
        ps = [P(ch(["FR", "BE"])) for _ in range(3)]
        d = Doc()
        d.f("Compte rendu – réunion de chantier du {dt}\nPrésents : {a} (maître d'ouvrage), {b} (architecte), {c}\n\n- Adresse du chantier : ",
            dt=NEG(neg_date("fr")), a=title_pieces(ps[0], "fr", "full"), b=PER(ps[1].full), c=PER(ps[2].full))
        d.put(A(ADDR["FR"]()))
        d.f("\n- Retard de {n} jours sur le lot plomberie.\n- Prochaine réunion : {wd} à {tm}. Contact urgence : {ph}.\n",
            n=str(R.randint(3, 21)), wd=NEG(ch(WEEKDAYS["fr"])), tm=NEG(neg_time()), ph=PH(ps[1].phone()))
        return d
    ps = [P("NO") for _ in range(3)]
    d = Doc()
    d.f("Referat fra styremøte i sameiet {dt}\nTil stede: {a}, {b}, {c}\n\nSak 1: Vannlekkasje i ", dt=NEG(neg_date("en")), a=PER(ps[0].full), b=PER(ps[1].full), c=PER(ps[2].full))
    d.put(ADR(ADDR["NO"]().street))
    d.f(". Rørlegger kontaktes på {ph}.\nSak 2: Felleskostnader økes med {pct} fra {mo}.\nNeste møte: {wd2}.\n",
        ph=PH(P("NO").phone()), pct=NEG(neg_pct()), mo=NEG(ch(["januar", "mars", "august", "oktober"])), wd2=NEG(ch(["mandag", "tirsdag", "torsdag"])))
    return d


# ----------------------------------------------------------------------------- genre: forms and key: value blocks
@tpl(2.2)
def t_form_kv():
    loc = ch([l for l in ALL_LOCS if l not in ("JP", "CN")])
    lang = lang_of(loc)
    p = P(loc)
    a = p.addr()
    L = LBL.get(lang, LBL["en"])
    d = Doc()
    sep = ch([": ", ":\t", " = ", " - "])
    title = {"en": "Registration", "de": "Anmeldung", "fr": "Inscription", "es": "Registro", "pt": "Cadastro", "pl": "Rejestracja", "it": "Iscrizione",
             "nl": "Aanmelding", "sv": "Anmälan", "cs": "Registrace", "tr": "Kayıt formu", "hu": "Jelentkezési lap", "ro": "Înscriere"}.get(lang, "Form")
    head = ch(["=== %s ===\n" % title, "", "---\n"])
    d.t(head)
    fields = ["name", "email", "phone", "address", "dob", "cust"] + R.sample(["iban", "card", "card", "web", "ip", "order", "notes", "mobile"], R.randint(1, 3))
    fields = list(dict.fromkeys(fields))
    if chance(0.4):
        R.shuffle(fields)
    for f in fields:
        d.t(L[f] + sep)
        if f == "name":
            d.put(PER(p.caps() if chance(0.45) else p.full))
        elif f == "email":
            d.put(EM(p.email()))
        elif f in ("phone", "mobile"):
            d.put(PH(p.phone()))
        elif f == "address":
            d.put(A(a, ", ", chance(0.3)))
        elif f == "dob":
            d.put(NEG(neg_dob(lang)))
        elif f == "cust":
            d.put(NEG(ch(["K-", "C", "CUST-", "#"]) + digits(R.randint(5, 8))))
        elif f == "iban":
            d.put(IB(p.iban()))
        elif f == "card":
            d.put(CC(card()))
        elif f == "web":
            d.put(URL(profile_url(p) if chance(0.5) else url(lang)))
        elif f == "ip":
            d.put(IP(ip_any()))
        elif f == "order":
            d.put(NEG(neg_order()))
        elif f == "notes":
            d.put(NEG(ch(PRODUCTS + JOBS)) if chance(0.4) else NEG(neg_any(lang)[0]))
        d.t("\n")
    return d


@tpl(1.6)
def t_form_split_fields():
    loc = ch([l for l in ALL_LOCS if l not in ("JP", "CN", "VN")])
    lang = lang_of(loc)
    p = P(loc)
    a = p.addr()
    L = LBL.get(lang, LBL["en"])
    d = Doc()
    w = max(len(L[k]) for k in ("first", "last", "street", "pc", "city", "country", "email", "mobile", "date")) + 2
    row = lambda k: (L[k] + ":").ljust(w)
    caps = chance(0.5)
    d.f("{r1}{g}\n{r2}{s}\n{r3}{st}\n{r4}{pc}\n{r5}{city}\n{r6}{cty}\n{r7}{e}\n{r8}{ph}\n{r9}{dt}\n",
        r1=row("first"), g=PER(p.given), r2=row("last"), s=PER(p.up(p.sur) if caps else p.sur), r3=row("street"), st=ADR(a.street),
        r4=row("pc"), pc=NEG(a.postcode or "—"), r5=row("city"), city=NEG(a.city), r6=row("country"), cty=NEG(a.country),
        r7=row("email"), e=EM(p.email()), r8=row("mobile"), ph=PH(p.phone()), r9=row("date"), dt=NEG(neg_date(lang)))
    if chance(0.5):
        d.f("{r}{ib}\n", r=row("iban") if len(L["iban"]) < w else L["iban"] + ": ", ib=IB(p.iban()))
    return d


# ----------------------------------------------------------------------------- genre: pasted tables (CSV / TSV / markdown)
def _table(fmt):
    lang = ch(["en", "de", "fr", "es", "pt", "it", "nl", "pl", "cs", "sv", "da", "fi", "tr", "ro", "hu", "no"])
    locs = locs_for(lang) or EN_LOCS
    L = LBL[lang]
    cols = ch([["name", "email", "phone", "city"], ["last", "first", "email", "street", "pc", "city"], ["cust", "name", "iban", "amount"],
               ["name", "phone", "address", "date"], ["order", "name", "email", "amount", "date"], ["name", "ip", "date", "notes"]])
    d = Doc()
    sep = {"csv": ch([",", ";"]), "tsv": "\t", "md": " | "}[fmt]
    if fmt == "md":
        d.t("| " + " | ".join(L[c] for c in cols) + " |\n|" + "|".join("---" for _ in cols) + "|\n")
    else:
        d.t(sep.join(L[c] for c in cols) + "\n")
    for _ in range(R.randint(3, 6)):
        p = P(ch(locs))
        a = p.addr()
        if fmt == "md":
            d.t("| ")
        for i, c in enumerate(cols):
            if i:
                d.t(sep)
            if c == "name":
                cell = PER(p.full if chance(0.7) else p.caps())
            elif c == "first":
                cell = PER(p.given)
            elif c == "last":
                cell = PER(p.sur)
            elif c == "email":
                cell = EM(p.email())
            elif c == "phone":
                cell = PH(p.phone())
            elif c == "city":
                cell = NEG(a.city)
            elif c == "street":
                cell = ADR(a.street)
            elif c == "pc":
                cell = NEG(a.postcode or "-")
            elif c == "address":
                cell = A(a) if chance(0.6) else [ADR(a.street), " ", NEG(a.city)]
            elif c == "cust":
                cell = NEG(ch(["C", "K", "N"]) + digits(6))
            elif c == "iban":
                cell = IB(p.iban(grouped=chance(0.4)))
            elif c == "amount":
                cell = NEG(neg_price(cur_of(p.loc)))
            elif c == "date":
                cell = NEG(neg_date(lang))
            elif c == "order":
                cell = NEG(neg_order())
            elif c == "ip":
                cell = IP(ip_any())
            else:
                cell = NEG(ch(PRODUCTS + JOBS))
            flat = cell if isinstance(cell, list) else [cell]
            txt = "".join(x if isinstance(x, str) else x[1] for x in flat)
            quote = fmt == "csv" and (sep in txt or '"' in txt or (c in ("address", "notes") and chance(0.5)))
            if quote:
                d.t('"')
            d.put(cell)
            if quote:
                d.t('"')
        d.t(" |\n" if fmt == "md" else "\n")
    return d


@tpl(1.3)
def t_table_csv():
    d = _table("csv")
    return d


@tpl(1.1)
def t_table_tsv():
    d = Doc()
    d.t(ch(["can you dedupe this list?\n\n", "Export from CRM (tab separated):\n", "", "pls format as table:\n"]))
    sub = _table("tsv")
    _merge(d, sub)
    return d


@tpl(1.2)
def t_table_md():
    d = Doc()
    d.t(ch(["## Contacts\n\n", "Here's the table from the wiki:\n\n", "", "### Teilnehmerliste\n\n", "### Liste des participants\n\n"]))
    _merge(d, _table("md"))
    if chance(0.5):
        d.f("\nLast updated {dt} by {n}.\n", dt=NEG(neg_date("en")), n=PER(P(ch(ALL_LOCS)).full))
    return d


def _merge(d, sub):
    off = len(d.buf)
    d.buf += sub.buf
    for e in sub.ents:
        d.ents.append(dict(e, start=e["start"] + off, end=e["end"] + off))
    for v, s in sub.negs:
        d.negs.append((v, s + off))


# ----------------------------------------------------------------------------- genre: JSON / YAML snippets
def jstr(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


@tpl(1.3)
def t_json_user():
    p = P(ch(ALL_LOCS))
    a = p.addr()
    d = Doc()
    d.f('{\n  "id": "{uid}",\n  "createdAt": "{ts}",\n  "profile": {\n    "fullName": "{n}",\n    "email": "{e}",\n    "phone": "{ph}",\n'
        '    "address": {\n      "line1": "{st}",\n      "postalCode": "{pc}",\n      "city": "{city}"\n    }\n  },\n'
        '  "lastLoginIp": "{ip}",\n  "avatarColor": "{hex}",\n  "plan": "{plan}",\n  "build": "{ver}"\n}\n',
        uid=NEG(neg_uuid()), ts=NEG("%d-%02d-%02dT%02d:%02d:%02dZ" % (R.randint(2022, 2025), R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59))),
        n=PER(p.full), e=EM(p.email()), ph=PH(p.phone()), st=ADR(a.street), pc=NEG(a.postcode or "n/a"), city=NEG(a.city), ip=IP(ip_any()),
        hex=NEG(neg_hex()), plan=NEG(ch(["Premium Annual", "Starter", "Business Plus", "Family"])), ver=NEG(neg_version()))
    return d


@tpl(1.1)
def t_json_payment():
    p = P(ch(ALL_LOCS))
    d = Doc()
    c = card()
    d.t(ch(["why does this request fail with 422?\n\n```json\n", "Webhook payload:\n", "POST /v1/payments\n"]))
    d.f('{"amount": {amt}, "currency": "{cur}", "card": {"number": "{c}", "exp": "{exp}", "holder": "{n}"}, "billing_email": "{e}", '
        '"metadata": {"order_id": "{o}", "client_ip": "{ip}", "return_url": "{u}"}}\n',
        amt=str(R.randint(100, 99999)), cur=ch(["EUR", "USD", "GBP", "PLN", "BRL"]), c=CC(c), exp="%02d/%02d" % (R.randint(1, 12), R.randint(25, 31)),
        n=PER(p.up(p.full) if chance(0.4) else p.full), e=EM(p.email()), o=NEG(neg_order()), ip=IP(ip_any()), u=URL(url("en", ch(["path", "query"]))))
    if chance(0.5):
        d.t("```\n")
    d.f('Response: 422 {"error":"invalid_expiry"} (request id {rid})\n', rid=NEG(neg_uuid()))
    return d


@tpl(0.9)
def t_yaml_config():
    owner = P(ch(ALL_LOCS))
    d = Doc()
    d.f("# deploy/values-prod.yaml  (maintainer: {mn} <{me}>)\nservice:\n  name: checkout-api\n  image: registry.local/checkout:{ver}\n  replicas: 3\n"
        "database:\n  host: {ip1}\n  port: 5432\n  user: app_rw\nredis:\n  host: \"[{ip6}]\"\n  port: 6379\nalerts:\n  oncall_phone: \"{ph}\"\n  email: {ae}\n"
        "  dashboard: {u}\nnetwork:\n  allow: [\"{net}/24\", \"{net6}/64\"]\nlabels:\n  commit: {h}\n  color: \"{hex}\"\n",
        mn=PER(owner.full), me=EM(owner.work_email(domain("en"))), ver=NEG(neg_version().replace(" ", "-")), ip1=IP(ipv4("priv")), ip6=IP(ipv6(ch(["comp", "doc", "full"]))),
        ph=PH(owner.phone()), ae=EM("oncall@" + domain("en")), net=IP("10.%d.%d.0" % (R.randint(0, 60), R.randint(0, 255))),
        net6=IP("2001:db8:%x:%x::" % (R.randint(1, 0xffff), R.randint(0, 0xff))), u=URL("https://grafana.%s/d/%s/checkout" % (domain("en"), neg_hash(9))), h=NEG(neg_hash(40)), hex=NEG(neg_hex()))
    return d


# ----------------------------------------------------------------------------- genre: invoices
INV_WORDS = {
    "en": ("INVOICE", "Bill to", "Invoice no.", "Date", "Due", "Qty", "Description", "Total", "VAT", "Pay to", "Questions?"),
    "de": ("RECHNUNG", "Rechnungsempfänger", "Rechnungsnr.", "Datum", "Fällig", "Menge", "Beschreibung", "Gesamt", "USt.", "Bankverbindung", "Fragen?"),
    "fr": ("FACTURE", "Facturé à", "Facture n°", "Date", "Échéance", "Qté", "Désignation", "Total TTC", "TVA", "Règlement par virement", "Une question ?"),
    "it": ("FATTURA", "Intestatario", "Fattura n.", "Data", "Scadenza", "Q.tà", "Descrizione", "Totale", "IVA", "Coordinate bancarie", "Domande?"),
    "pl": ("FAKTURA VAT", "Nabywca", "Nr faktury", "Data wystawienia", "Termin płatności", "Ilość", "Nazwa towaru", "Razem", "VAT", "Rachunek bankowy", "Pytania?"),
    "cs": ("FAKTURA", "Odběratel", "Číslo faktury", "Datum vystavení", "Splatnost", "Množství", "Popis", "Celkem", "DPH", "Bankovní spojení", "Dotazy?"),
    "nl": ("FACTUUR", "Factuuradres", "Factuurnummer", "Datum", "Vervaldatum", "Aantal", "Omschrijving", "Totaal", "btw", "Betalen aan", "Vragen?"),
    "es": ("FACTURA", "Cliente", "Nº factura", "Fecha", "Vencimiento", "Cant.", "Concepto", "Total", "IVA", "Pago por transferencia", "¿Dudas?"),
}
INV_LOCS = {"en": ["UK", "IE"], "de": ["DE", "AT"], "fr": ["FR", "BE"], "it": ["IT"], "pl": ["PL"], "cs": ["CZ"], "nl": ["NL", "BE"], "es": ["ES"]}
INV_CUR = {"en": "GBP", "de": "EUR", "fr": "EUR", "it": "EUR", "pl": "PLN", "cs": "CZK", "nl": "EUR", "es": "EUR"}


@tpl(1.6)
def t_invoice():
    lang = ch(list(INV_WORDS))
    W = INV_WORDS[lang]
    loc = ch(INV_LOCS[lang])
    cust, seller = P(loc), P(loc)
    a_s, a_c = ADDR[loc](), ADDR[loc]()
    dom = domain(lang)
    d = Doc()
    comp = ch(COMPANIES)
    d.f("{co}\n", co=NEG(comp))
    d.put(A(a_s))
    d.f("\n{web} · {em}\n\n{w0}\n{w2}: {inv}    {w3}: {dt}    {w4}: {dt2}\n\n{w1}:\n{cn}\n", web=URL("www." + dom), em=EM(ch(["billing@", "rechnung@", "factures@", "info@"]) + dom),
        w0=W[0], w2=W[2], inv=NEG(neg_invoice()), w3=W[3], dt=NEG(neg_date(lang)), w4=W[4], dt2=NEG(neg_date(lang)), w1=W[1], cn=PER(cust.full if chance(0.7) else cust.caps()))
    d.put(A_lines(a_c))
    d.f("\n\n{q} | {desc} | Total\n", q=W[5], desc=W[6])
    for _ in range(R.randint(1, 3)):
        d.f("{n} | {prod} ({sku}) | {pr}\n", n=str(R.randint(1, 5)), prod=NEG(ch(PRODUCTS)), sku=NEG(neg_sku()), pr=NEG(neg_price(INV_CUR[lang])))
    d.f("{vat} {pct}\n{tot}: {pr}\n\n{pay}: {ib} (BIC {bic}), {ref}\n{qq} {ph} / {ce}\n",
        vat=W[8], pct=NEG(neg_pct()), tot=W[7], pr=NEG(neg_price(INV_CUR[lang])), pay=W[9], ib=IB(iban(IBAN_CC[loc])),
        bic=NEG(ch(["COBADEFFXXX", "DEUTDEDBBER", "BNPAFRPP", "INGBNL2A", "UNCRITMM", "PKOPPLPW", "KOMBCZPP", "AIBKIE2D", "GEBABEBB", "CAIXESBB"])),
        ref=ch(["Ref. ", "Verwendungszweck: ", "Réf. ", "Causale: ", "Tytuł: ", "VS: ", "Kenmerk: ", "Concepto: "]) + digits(8), qq=W[10],
        ph=PH(seller.phone()), ce=EM(seller.work_email(dom)))
    return d


@tpl(0.8)
def t_invoice_us():
    cust = P(ch(["US", "US", "AU", "IN", "ZA", "NG"]))
    a = cust.addr()
    d = Doc()
    d.f("Receipt #{r}\n{co}\n{dt} {tm}\n\nSold to: {n}\nShip to: ", r=digits(6), co=NEG(ch(COMPANIES)), dt=NEG(neg_date("en")), tm=NEG(neg_time("en")), n=PER(cust.full))
    d.put(A(a))
    c = card(ch(["visa", "mastercard", "amex", "discover"]))
    item, ship, rate = R.randint(1999, 149999) / 100, ch([0, 4.99, 9.99, 14.5, 24.0]), ch([4.0, 6.25, 7.5, 8.875, 10.0])
    tax = round(item * rate / 100, 2)
    d.f("\n\n1x {prod}  {pr}\nShipping  {pr2}\nTax ({pct})  {pr3}\nTOTAL  {pr4}\n\nPaid with {br} ending {l4}\nCard on file: {c}\nQuestions? {ph} or {u}\n",
        prod=NEG(ch(PRODUCTS)), pr=NEG("$%.2f" % item), pr2=NEG("$%.2f" % ship if ship else "FREE"), pct=NEG(("%g" % rate) + "%"), pr3=NEG("$%.2f" % tax),
        pr4=NEG("$%.2f" % (item + ship + tax)),
        br=NEG(card_brand_name(c)), l4=re.sub(r"\D", "", c)[-4:], c=CC(c), ph=PH(P("US").phone()), u=URL(url("en", "query")))
    return d


# ----------------------------------------------------------------------------- genre: shipping labels
@tpl(1.5)
def t_shipping_label():
    src, dst = P(ch(ALL_LOCS)), P(ch(ALL_LOCS))
    a1, a2 = src.addr(), dst.addr()
    d = Doc()
    d.f("{carrier}  {svc}\nFROM:\n{sn}\n", carrier=NEG(ch(["DHL Express", "UPS", "FedEx", "GLS", "DPD", "PostNL", "Correos", "La Poste Colissimo", "InPost", "Royal Mail"])),
        svc=ch(["EXPRESS WORLDWIDE", "Standard", "Priority", "Economy Select", "Next Day"]), sn=PER(src.caps() if chance(0.5) else src.full))
    d.put(A_lines(a1, True))
    d.f("\nTel {ph}\n\nSHIP TO:\n{dn}\n", ph=PH(src.phone()), dn=PER((dst.up(dst.full)) if chance(0.4) else dst.full))
    d.put(A_lines(a2, True))
    d.f("\nTel {ph2}\n\nWeight: {w}   Dims: {dims}\nTracking: {trk}\nRef: {o}\nContents: {c}\n",
        ph2=PH(dst.phone()), w=NEG("%d.%d kg" % (R.randint(0, 30), R.randint(1, 9))), dims=NEG("%dx%dx%d cm" % (R.randint(10, 80), R.randint(10, 60), R.randint(5, 50))),
        trk=NEG(neg_tracking()), o=NEG(neg_order()), c=NEG(ch(PRODUCTS)))
    return d


@tpl(1.0)
def t_shipping_customs():
    dst = P(ch(ALL_LOCS))
    a = dst.addr()
    d = Doc()
    d.f("CN22 / customs declaration\nSender: {s} ({se})\nAddressee: {n}, ", s=NEG(ch(COMPANIES)), se=EM("shipping@" + domain("en")), n=PER(dst.full))
    d.put(A(a, ", ", True))
    d.f("\nPhone: {ph}\nItems: {prod} x1, value {pr}; HS code {hs}\nTotal weight {w}\nTracking {trk}  Label printed {dt}\n",
        ph=PH(dst.phone()), prod=NEG(ch(PRODUCTS)), pr=NEG(neg_price()), hs=NEG("%s.%s" % (digits(4), digits(2))), w=NEG(neg_weight()), trk=NEG(neg_tracking()), dt=NEG(neg_date("en")))
    return d


# ----------------------------------------------------------------------------- genre: HR records
REL_G = {"spouse": None, "partner": None, "mother": "f", "sister": "f", "wife": "f", "father": "m", "brother": "m", "husband": "m"}

@tpl(1.0)
def t_hr_en():
    e, m = P(ch(ALL_LOCS)), P(ch(ALL_LOCS))
    a = e.addr()
    d = Doc()
    d.f("EMPLOYEE RECORD - CONFIDENTIAL\nEmployee ID: {eid}\nName: {n}\nPosition: {job}\nStart date: {dt}\nLine manager: {mn}\nHome address: ",
        eid=NEG("E" + digits(6)), n=PER(e.full), job=NEG(ch(JOBS)), dt=NEG(neg_date("en")), mn=PER(m.full))
    d.put(A(a))
    rel = ch(list(REL_G))
    d.f("\nPersonal email: {pe}\nMobile: {ph}\nSalary account: {acct}\nEmergency contact: {ec} ({rel}), {eph}\nLaptop: {prod}, MAC {mac}\n",
        pe=EM(e.email()), ph=PH(e.phone()), acct=IB(e.iban()) if e.home in IBAN_CC else NEG(neg_account()), ec=PER(P(e.loc, gender=REL_G[rel]).full), rel=rel,
        eph=PH(e.phone()), prod=NEG(ch(["ThinkPad X1 Carbon", "MacBook Air M2", "Surface Laptop 5"])), mac=NEG(neg_mac()))
    return d


@tpl(0.9)
def t_hr_de():
    e = P(ch(["DE", "AT", "CH"]))
    a = e.addr()
    d = Doc()
    d.f("Personalstammblatt\nPersonalnummer: {pn}\nName, Vorname: {n}\nEintrittsdatum: {dt}\nAnschrift: ", pn=NEG(digits(6)), n=PER("%s, %s" % (e.sur, e.given)), dt=NEG(neg_date("de")))
    d.put(A(a))
    d.f("\nTelefon privat: {ph}\nBankverbindung: {ib}\nSteuerklasse: {sk}\nKrankenkasse: {kk}\nVorgesetzte/r: {vg}\nWochenarbeitszeit: {h}\n",
        ph=PH(e.phone()), ib=IB(e.iban()), sk=ch(["I", "III", "IV", "V"]), kk=NEG(ch(["Techniker Krankenkasse", "AOK Bayern", "Barmer", "ÖGK"])),
        vg=title_pieces(P(e.loc), "de", "full"), h=NEG("%d Std." % ch([20, 30, 38, 40])))
    return d


@tpl(0.8)
def t_hr_sv_pl():
    if chance(0.5):
        e = P("SE")
        a = e.addr()
        d = Doc()
        d.f("Anställningsavtal – personuppgifter\nNamn: {n}\nAdress: ", n=PER(e.full))
        d.put(A(a))
        d.f("\nTelefon: {ph}\nE-post: {em}\nKonto för lön: {ib}\nTillträdesdag: {dt}\nChef: {c}\n",
            ph=PH(e.phone()), em=EM(e.email()), ib=IB(e.iban()), dt=NEG(neg_date("sv")), c=PER(P("SE").full))
        return d
    e = P("PL")
    a = e.addr()
    d = Doc()
    d.f("Kwestionariusz osobowy pracownika\nImię (imiona) i nazwisko: {n}\nAdres zamieszkania: ", n=PER(e.full))
    d.put(A(a))
    d.f("\nTelefon: {ph}\nNumer rachunku do wypłaty wynagrodzenia: {ib}\nStanowisko: {job}\nData zatrudnienia: {dt}\n",
        ph=PH(e.phone()), ib=IB(e.iban()), job=NEG(ch(["Specjalista ds. kadr", "Kierownik magazynu", "Księgowa"])), dt=NEG(neg_date("pl")))
    return d


# ----------------------------------------------------------------------------- genre: medical appointment notes
@tpl(1.0)
def t_medical_en():
    pt, dr = P(ch(EN_LOCS + ["CN", "JP", "PH"])), P(ch(EN_LOCS))
    a = pt.addr()
    d = Doc()
    d.f("Appointment confirmation\nPatient: {pn} (DOB {dob})\nWith: {dr}, {dept}\nWhen: {wd} {dt} at {tm}\nWhere: {clinic}, ",
        pn=PER(pt.full), dob=NEG(neg_dob("en")), dr=title_pieces(dr, "en", "full"), dept=NEG(ch(["Cardiology", "Dermatology", "Physiotherapy", "General Practice", "Orthopaedics"])),
        wd=NEG(ch(WEEKDAYS["en"])), dt=NEG(neg_date("en")), tm=NEG(neg_time("en")), clinic=NEG(ch(["Riverside Medical Centre", "St Brigid's Clinic", "Maple Health Partners", "Harbour Family Practice"])))
    d.put(A(ADDR[pt.home]()))
    d.f("\n\nNotes: BP {bp}, weight {w}. Refer to {dr2} if symptoms persist. Patient prefers contact by text to {ph}. Home address on file: ",
        bp=NEG("%d/%d" % (R.randint(105, 150), R.randint(65, 95))), w=NEG("%d kg" % R.randint(48, 120)), dr2=title_pieces(P(ch(EN_LOCS)), "en", "last"), ph=PH(pt.phone()))
    d.put(A(a))
    d.f(".\nPortal: {u}\n", u=URL(url("en", "path", brand="maplecare")))
    return d


@tpl(0.9)
def t_medical_de():
    pt = P(ch(["DE", "AT", "CH"]))
    d = Doc()
    d.f("Terminbestätigung Praxis {dr}\n\nPatient/in: {pn}, geb. {dob}\nVersichertennr.: {vn}\nTermin: {wd}, {dt}, {tm}\nAnschrift Praxis: ",
        dr=title_pieces(P(pt.loc), "de", "full"), pn=PER(pt.full), dob=NEG("%02d.%02d.%d" % (R.randint(1, 28), R.randint(1, 12), R.randint(1940, 2010))),
        vn=NEG(ch(UPPER) + digits(9)), wd=NEG(ch(WEEKDAYS["de"])), dt=NEG(neg_date("de")), tm=NEG(neg_time()))
    d.put(A(ADDR[pt.home]()))
    d.f("\nBitte bringen Sie Ihre Versichertenkarte mit. Absagen bitte mind. 24 h vorher unter {ph} oder {e}.\n", ph=PH(pt.phone()), e=EM("praxis@" + domain("de", "medivita")))
    return d


@tpl(0.9)
def t_medical_es_hu_ro():
    k = ch(["es", "hu", "ro"])
    if k == "es":
        pt = P(ch(["ES", "MX"]))
        d = Doc()
        d.f("Cita médica – {dt} a las {tm}\nPaciente: {pn}\nNº historia: {nh}\nMédico: {dr}\nMotivo: revisión, tensión {bp}\nTeléfono de contacto: {ph}\nDomicilio: ",
            dt=NEG(neg_date("es")), tm=NEG(neg_time()), pn=PER(pt.full), nh=NEG("HC-" + digits(7)), dr=title_pieces(P(pt.loc), "es", "full"),
            bp=NEG("%d/%d" % (R.randint(105, 150), R.randint(65, 95))), ph=PH(pt.phone()))
        d.put(A(pt.addr()))
        d.t("\n")
        return d
    if k == "hu":
        pt = P("HU")
        d = Doc()
        d.f("Időpont-visszaigazolás\nBeteg neve: {pn}\nTAJ szám: {taj}\nOrvos: dr. {dr}\nIdőpont: {dt} {tm}\nCím: ",
            pn=PER(pt.full), taj=NEG("%s %s %s" % (digits(3), digits(3), digits(3))), dr=PER(P("HU").full), dt=NEG(neg_date("en")), tm=NEG(neg_time()))
        d.put(A(pt.addr()))
        d.f("\nTelefon: {ph}\n", ph=PH(pt.phone()))
        return d
    pt = P("RO")
    d = Doc()
    d.f("Programare consultație\nPacient: {pn}\nCNP: {cnp}\nMedic: dr. {dr}\nData: {dt}, ora {tm}\nAdresa pacientului: ",
        pn=PER(pt.full), cnp=NEG(ch("12") + "".join(digits(12))), dr=PER(P("RO").full), dt=NEG(neg_date("en")), tm=NEG(neg_time()))
    d.put(A(pt.addr()))
    d.f("\nTelefon: {ph}, e-mail {e}\n", ph=PH(pt.phone()), e=EM(pt.email()))
    return d


# ----------------------------------------------------------------------------- genre: court / legal letters
@tpl(1.0)
def t_legal_uk():
    cl, op = P(ch(["UK", "IE"])), P(ch(["UK", "IE"]))
    a = op.addr()
    d = Doc()
    d.f("WITHOUT PREJUDICE\n\nOur ref: {ref}\nYour ref: {ref2}\n{dt}\n\n{on}\n", ref=NEG("%s/%s/%s" % (ch(["JMK", "LIT", "PROP"]), digits(4), R.randint(20, 25))),
        ref2=NEG(neg_ticket()), dt=NEG(neg_date("en")), on=title_pieces(op, "en", "full"))
    d.put(A_lines(a))
    d.f("\n\nDear {ot},\n\nRe: {cl} v {ol} - claim {cl_no}\n\nWe act for {cln} in connection with the unpaid deposit of {pr}. Unless payment is received into our client account {ib} within 14 days, "
        "we are instructed to issue proceedings in the County Court at {court}.\n\nYours sincerely\n\n{sol}\nSolicitor\n{se} | {sp}\n",
        ot=title_pieces(op, "en", "last"), cl=PER(cl.last), ol=PER(op.last), cl_no=NEG(ch(UPPER) + digits(2) + ch(UPPER) + digits(4)), cln=title_pieces(cl, "en", "full"),
        pr=NEG(neg_price("GBP")), ib=IB(iban("GB" if cl.loc == "UK" else "IE")), court=NEG(ch(["Central London", "Manchester", "Bristol", "Leeds"])),
        sol=PER(P(ch(["UK", "IE"])).full), se=EM("litigation@" + domain("en")), sp=PH(cl.phone()))
    return d


@tpl(0.9)
def t_legal_de():
    kl, bk = P(ch(["DE", "AT"])), P(ch(["DE", "AT"]))
    d = Doc()
    d.f("Rechtsanwaltskanzlei {ra}\n", ra=PER(P(kl.loc).full))
    d.put(A(ADDR[kl.home]()))
    d.f("\n\nPer Einschreiben\n{bt}\n", bt=title_pieces(bk, "de", "full"))
    d.put(A_lines(ADDR[bk.home]()))
    d.f("\n\nAz.: {az}\n{dt}\n\nMahnung / Fristsetzung\n\nSehr geehrte{r} {bt2},\n\nwir zeigen an, dass wir {kt} anwaltlich vertreten. Sie schulden unserer Mandantschaft aus der Rechnung {inv} einen Betrag von {pr}. "
        "Wir fordern Sie auf, diesen bis zum {dt2} auf das Konto {ib} zu überweisen.\n\nMit freundlichen Grüßen\n{ra2}\nRechtsanwältin\nTel. {ph}\n",
        az=NEG("%s/%d" % (digits(3), R.randint(23, 25))), dt=NEG(neg_date("de")), r="r" if bk.g == "m" else "", bt2=title_pieces(bk, "de", "last"),
        kt=title_pieces(kl, "de", "full"), inv=NEG(neg_invoice()), pr=NEG(neg_price("EUR")), dt2=NEG(neg_date("de")), ib=IB(iban(IBAN_CC[kl.loc])),
        ra2=PER(P(kl.loc, gender="f").full), ph=PH(kl.phone()))
    return d


@tpl(0.9)
def t_legal_fr_it_gr():
    k = ch(["fr", "it", "el"])
    if k == "fr":
        a, b = P("FR"), P("FR")
        d = Doc()
        d.f("Maître {av}\nAvocat au Barreau de {ville}\n\nLettre recommandée avec AR\n\n{bt}\n", av=PER(P("FR").full), ville=NEG(ch(["Paris", "Lyon", "Bordeaux", "Lille"])), bt=title_pieces(b, "fr", "full"))
        d.put(A_lines(b.addr()))
        d.f("\n\nN/Réf. : {ref}\n\nMadame, Monsieur,\n\nJe vous informe que mon client, {cl}, entend obtenir la restitution du dépôt de garantie de {pr}. À défaut de règlement sous huitaine sur le compte {ib}, "
            "une assignation devant le tribunal judiciaire sera délivrée.\n\nJe vous prie d'agréer mes salutations distinguées.\n",
            ref=NEG("%s/%s" % (digits(4), R.randint(23, 25))), cl=title_pieces(a, "fr", "full"), pr=NEG(neg_price("EUR")), ib=IB(iban("FR")))
        return d
    if k == "it":
        a, b = P("IT"), P("IT")
        d = Doc()
        d.f("Studio Legale {av}\n", av=PER(P("IT").last))
        d.put(A(ADDR["IT"]()))
        d.f("\nPEC: {pec}\n\nSpett.le {bt}\n", pec=EM("studio.legale@pec." + domain("it")), bt=title_pieces(b, "it", "full"))
        d.put(A_lines(b.addr()))
        d.f("\n\nOggetto: diffida ad adempiere – R.G. {rg}\n\nIn nome e per conto del mio assistito {cl}, La invito a versare entro {n} giorni la somma di {pr} mediante bonifico sull'IBAN {ib}.\n\nDistinti saluti\n",
            rg=NEG("%s/%d" % (digits(4), R.randint(2022, 2025))), cl=title_pieces(a, "it", "full"), n=str(ch([8, 10, 15])), pr=NEG(neg_price("EUR")), ib=IB(iban("IT")))
        return d
    a, b = P("GR"), P("GR")
    d = Doc()
    d.f("DIKIGORIKO GRAFEIO {av}\n", av=PER(P("GR").full.upper()))
    d.put(A(ADDR["GR"]()))
    d.f("\nTil. {ph}\n\nPros: {bn}\nAr. protokollou: {ref}\n\nAxiotimi kyria / kyrie, o entolea mou {cl} sas kalei na katavalete to poso ton {pr} ston logariasmo {ib} entos {n} imeron.\n",
        ph=PH(a.phone()), bn=PER(b.full), ref=NEG("%s/%d" % (digits(3), R.randint(2023, 2025))), cl=PER(a.full), pr=NEG(neg_price("EUR")), ib=IB(iban("GR")), n=str(ch([5, 10, 15])))
    return d


# ----------------------------------------------------------------------------- genre: real-estate listings
@tpl(1.0)
def t_realestate_en():
    ag = P(ch(EN_LOCS))
    VD = R.sample(WEEKDAYS["en"], 2)
    a = ADDR[ag.home]()
    d = Doc()
    d.f("FOR SALE - {beds}-bed {kind}\n", beds=str(R.randint(1, 5)), kind=ch(["semi-detached house", "apartment", "townhouse", "bungalow", "period cottage"]))
    d.put(A(a))
    d.f("\nGuide price {pr} | {m} | EPC {epc}\nBright south-facing garden, new {prod} kitchen, {km} to {st}. Viewings {wd} and {wd2}.\n\nContact {an} on {ph} or {e}\nFull listing: {u}\nListing ID {lid}\n",
        pr=NEG(neg_price("GBP" if ag.home in ("UK",) else "INR" if ag.home == "IN" else "USD", 120000, 1900000)), m=NEG("%d sq ft" % R.randint(450, 2600) if ag.home == "US" else neg_area()), epc=ch("BCD"), prod=NEG(ch(["Bosch Serie 6", "Neff", "Siemens iQ500"])),
        km=NEG("%d min walk" % R.randint(3, 20)), st=NEG(ch(["Central Station", "Kings Cross", "the DART", "Bondi Junction"])), wd=NEG(VD[0]),
        wd2=NEG(VD[1]), an=PER(ag.full), ph=PH(ag.phone()), e=EM(ag.work_email(domain("en"))), u=URL(url("en", "path")), lid=NEG(digits(8)))
    return d


@tpl(0.9)
def t_realestate_es_pt():
    loc = ch(["ES", "PT", "BR"])
    ag = P(loc)
    a = ADDR[loc]()
    d = Doc()
    if loc == "ES":
        d.f("SE ALQUILA piso de {h} habitaciones en ", h=str(R.randint(1, 4)))
        d.put(A(a))
        d.f(". {m}, ascensor, calefacción central. {pr}/mes + gastos. Disponible desde {mo}.\nInteresados llamar a {an} ({ph}) o escribir a {e}.\nRef. {ref}\n",
            m=NEG(neg_area()), pr=NEG(neg_price("EUR", 450, 2400)), mo=NEG(ch(MONTHS["es"])), an=PER(ag.first), ph=PH(ag.phone()), e=EM(ag.email()), ref=NEG(ch(UPPER) + digits(5)))
    else:
        d.f("{vt} apartamento T{h} – ", vt=ch(["Vende-se", "Aluga-se", "Vendo"]), h=str(R.randint(1, 4)))
        d.put(A(a))
        d.f("\nÁrea {m}, {v} vaga(s) de garagem. Valor: {pr}. Condomínio {pr2}.\nFalar com {an} pelo {ph} (WhatsApp) ou veja fotos em {u}.\nCódigo do imóvel: {ref}\n",
            m=NEG(neg_area()), v=str(R.randint(0, 2)), pr=NEG(neg_price("BRL" if loc == "BR" else "EUR", 90000, 1500000)), pr2=NEG(neg_price("BRL" if loc == "BR" else "EUR", 150, 1800)),
            an=PER(ag.full), ph=PH(ag.phone()), u=URL(url("pt", "path")), ref=NEG(ch(UPPER) + ch(UPPER) + digits(4)))
    return d


@tpl(0.9)
def t_realestate_nl_dk():
    loc = ch(["NL", "DK", "NO", "SE"])
    ag = P(loc)
    a = ADDR[loc]()
    d = Doc()
    if loc == "NL":
        d.f("Te koop: ")
        d.put(A(a))
        d.f("\nVraagprijs {pr} k.k. · woonoppervlakte {m} · bouwjaar {y}\nBezichtiging op afspraak via {an} ({ph}), {e}\n{u}\n",
            pr=NEG(neg_price("EUR", 185000, 1400000)), m=NEG(neg_area()), y=str(R.randint(1890, 2020)), an=PER(ag.full), ph=PH(ag.phone()), e=EM(ag.work_email(domain("nl"))), u=URL(url("nl", "www")))
    else:
        word = {"DK": "Til salg", "NO": "Til salgs", "SE": "Till salu"}[loc]
        d.f("{w}: ", w=word)
        d.put(A(a))
        d.f("\n{m}, {r} rum. Pris {pr}. Visning {dt} kl. {tm}.\nMægler/megler: {an}, tlf. {ph}\n", m=NEG(neg_area()), r=str(R.randint(2, 6)), pr=NEG("%d %03d %03d kr" % (R.randint(1, 12), R.randint(0, 999), 0)),
            dt=NEG(neg_date("sv")), tm=NEG(neg_time()), an=PER(ag.full), ph=PH(ag.phone()))
    return d


# ----------------------------------------------------------------------------- genre: travel bookings
@tpl(1.1)
def t_travel_en():
    ps = [P(ch(ALL_LOCS)) for _ in range(R.randint(1, 3))]
    AIR = ch([("Lufthansa", "LH"), ("Ryanair", "FR"), ("KLM", "KL"), ("TAP Air Portugal", "TP"), ("Turkish Airlines", "TK"), ("Aer Lingus", "EI"), ("Iberia", "IB")])
    d = Doc()
    d.f("Booking confirmation {pnr}\n{air} {fl} {fr} → {to}  {dt}  dep {tm}\n\nPassengers:\n",
        pnr=NEG("".join(ch(UPPER) for _ in range(6))), air=NEG(AIR[0]), fl=NEG(AIR[1] + str(R.randint(100, 9999))), fr=NEG(ch(["FRA", "DUB", "LIS", "IST", "AMS", "MAD", "WAW"])),
        to=NEG(ch(["JFK", "BCN", "ATH", "CPH", "OTP", "BUD", "SGN"])), dt=NEG(neg_date("en")), tm=NEG(neg_time("en")))
    for i, p in enumerate(ps):
        sur = re.sub(r"[^A-Z ]", "", ascii_fold(p.sur).upper()).strip() or "X"
        d.f("{i}. {nm}{t}  seat {s}  ticket {tk}\n", i=str(i + 1), nm=PER("%s/%s" % (sur, ascii_fold(p.given).upper().replace(" ", ""))),
              t=" MR" if p.g == "m" else ch([" MS", " MRS"]),
              s=str(R.randint(1, 40)) + ch("ABCDEF"), tk=NEG("%s-%s" % (digits(3), digits(10))))
    lead = ps[0]
    d.f("\nContact: {e}, {ph}\nPaid by card {c}\nManage booking: {u}\n", e=EM(lead.email()), ph=PH(lead.phone()), c=CC(card()), u=URL(url("en", "query")))
    return d


@tpl(1.0)
def t_travel_hotel():
    g = P(ch(ALL_LOCS))
    hotel_loc = ch(["ES", "IT", "PT", "GR", "TR", "DE", "FR", "CZ", "HU", "AT"])
    a = ADDR[hotel_loc]()
    d = Doc()
    d.f("Your stay at {h}\n", h=NEG(ch(["Hotel Miramar", "Casa Azul Boutique Hotel", "Hotel Alpenrose", "Pension Sonnenhof", "Grand Hotel Bellavista", "Aegean Blue Suites"])))
    d.put(A(a, ", ", True))
    d.f("\nGuest: {gn}\nCheck-in {dt} from {tm} · Check-out {dt2}\nRoom: Double, {n} nights, {pr}\nBooking ref {ref} · PIN {pin}\nGuest phone {ph}\nSpecial requests: late arrival, {gf} will arrive with {cn}\nDirections: {coord}\n",
        gn=PER(g.full), dt=NEG(neg_date("en")), tm=NEG(neg_time("en")), dt2=NEG(neg_date("en")), n=str(R.randint(1, 9)), pr=NEG(neg_price("EUR")), ref=NEG(digits(10)),
        pin=NEG(digits(4)), ph=PH(g.phone()), gf=PER(g.first), cn=PER(P(g.loc).full), coord=NEG(neg_coord()))
    if chance(0.6):
        d.f("Guarantee: {br} {c} (pre-authorised {pr})\n", br=ch(["card", "credit card", "CC"]), c=CC(card()), pr=NEG(neg_price("EUR")))
    return d


@tpl(0.8)
def t_travel_de_tr_el():
    k = ch(["de", "tr", "el"])
    if k == "de":
        g = P(ch(["DE", "AT", "CH"]))
        d = Doc()
        d.f("Reisebestätigung {ref}\nReisende/r: {n}\nZug: {zug} am {dt}, Abfahrt {tm}, Wagen {w}, Platz {pl}\nRechnungsadresse: ",
            ref=NEG(ch(UPPER) + ch(UPPER) + digits(6)), n=PER(g.full), zug=NEG(ch(["ICE 1023", "RJX 162", "IC 2013", "EC 171"])), dt=NEG(neg_date("de")), tm=NEG(neg_time()),
            w=str(R.randint(1, 14)), pl=str(R.randint(11, 128)))
        d.put(A(g.addr()))
        d.f("\nBezahlt mit {c}\nBei Fragen: {ph}\n", c=CC(card()), ph=PH(g.phone()))
        return d
    if k == "tr":
        g = P("TR")
        d = Doc()
        d.f("Rezervasyon onayı {ref}\nYolcu: {n}\nUçuş: {fl}, {dt} saat {tm}\nİletişim: {ph} / {e}\nFatura adresi: ",
            ref=NEG("".join(ch(UPPER) for _ in range(6))), n=PER(g.caps()), fl=NEG("TK " + str(R.randint(1000, 2999))), dt=NEG(neg_date("tr")), tm=NEG(neg_time()),
            ph=PH(g.phone()), e=EM(g.email()))
        d.put(A(g.addr()))
        d.t("\n")
        return d
    g = P("GR")
    d = Doc()
    d.f("Epivevaiosi kratisis - {ref}\nOnoma: {n}\nPloio: {ship}, {dt}, anachorisi {tm} apo {port}\nKinito: {ph}\nDieuthynsi: ",
        ref=NEG(digits(8)), n=PER(g.full), ship=NEG(ch(["Blue Star Delos", "Nissos Mykonos", "Champion Jet 2"])), dt=NEG(neg_date("en")), tm=NEG(neg_time()),
        port=NEG(ch(["Peiraias", "Rafina", "Lavrio"])), ph=PH(g.phone()))
    d.put(A(g.addr()))
    d.t("\n")
    return d


# ----------------------------------------------------------------------------- genre: school messages
@tpl(1.0)
def t_school_en():
    t, par, kid = P(ch(EN_LOCS)), P(ch(ALL_LOCS)), P(ch(ALL_LOCS))
    kid.sur = par.sur
    kid.sur_alone = par.sur_alone
    d = Doc()
    d.f("Dear Parents/Carers,\n\nYear {y} will visit the {mus} on {wd} {dt}. The coach leaves at {tm}; please make sure your child brings a packed lunch and {pr} for the gift shop. "
        "Reading book for next term: ISBN {isbn}.\n\n"
        "Reply slip\nChild's name: {kn}   Class: {cl}\nParent/carer: {pn}\nEmergency number: {ph}\nEmail: {e}\n\nMany thanks,\n{tt}\nClass teacher\n",
        y=str(R.randint(2, 9)), mus=NEG(ch(["Natural History Museum", "Science Museum", "National Gallery", "Botanic Gardens"])), wd=NEG(ch(WEEKDAYS["en"])),
        dt=NEG(neg_date("en")), tm=NEG(neg_time("en")), pr=NEG(neg_price("GBP", 2, 15)), isbn=NEG(neg_isbn()), kn=PER(kid.first + " " + kid.sur), cl=ch(["4B", "5R", "3 Oak", "6W"]),
        pn=PER(par.full), ph=PH(par.phone()), e=EM(par.email()), tt=title_pieces(t, "en", "last"))
    return d


@tpl(0.9)
def t_school_de_fr():
    if chance(0.5):
        par, kid = P(ch(["DE", "AT", "CH"])), P(ch(["DE", "AT", "CH"]))
        d = Doc()
        d.f("Liebe Frau {lt},\n\nunser Sohn {kid} (Klasse {kl}) ist heute krank und kann nicht am Unterricht teilnehmen. Er hat {temp} Fieber. "
            "Die Hausaufgaben kann {ff} aus der Nachbarschaft mitbringen ({ad}).\n\nViele Grüße\n{pn}\n{ph}\n",
            lt=PER(P(par.loc, gender="f").last), kid=PER(P(par.loc, gender="m").first), kl=ch(["3a", "4b", "7c", "9d"]), temp=NEG("%d,%d °C" % (R.randint(38, 39), R.randint(1, 9))),
            ff=PER(P(par.loc).first), ad=ADR(ADDR[par.home]().street), pn=PER(par.full), ph=PH(par.phone()))
        return d
    par = P(ch(["FR", "BE"]))
    d = Doc()
    d.f("Bonjour {mt},\n\nJe vous informe que {kid} sera absente {wd} pour un rendez-vous chez l'orthodontiste ({dr}). Vous pouvez me joindre au {ph}.\n\nCordialement,\n{pn}\n",
        mt=title_pieces(P("FR", gender="f"), "fr", "last"), kid=PER(P("FR", gender="f").first), wd=NEG(ch(WEEKDAYS["fr"])), dr=title_pieces(P("FR"), "fr", "last"),
        ph=PH(par.phone()), pn=PER(par.full))
    return d


@tpl(0.9)
def t_school_pl_fi_cs():
    k = ch(["pl", "fi", "cs"])
    if k == "pl":
        par = P("PL")
        d = Doc()
        d.f("Szanowna {pt},\n\nuprzejmie proszę o usprawiedliwienie nieobecności mojej córki {kid} w dniach {d1}–{d2}. W razie pytań proszę o kontakt pod numerem {ph} lub {e}.\n\nZ poważaniem\n{pn}\n",
            pt=title_pieces(P("PL", gender="f"), "pl", "last"), kid=PER(P("PL", gender="f").first), d1=NEG(neg_date("pl")), d2=NEG(neg_date("pl")), ph=PH(par.phone()), e=EM(par.email()), pn=PER(par.full))
        return d
    if k == "fi":
        par = P("FI")
        d = Doc()
        d.f("Hei {ot},\n\n{kid} on sairaana tänään ja huomenna. Hän palaa kouluun {wd}. Tavoitat minut numerosta {ph}.\n\nTerveisin\n{pn}\n",
            ot=PER(P("FI").first), kid=PER(P("FI").first), wd=NEG(ch(["maanantaina", "tiistaina", "torstaina"])), ph=PH(par.phone()), pn=PER(par.full))
        return d
    par = P("CZ")
    d = Doc()
    d.f("Dobrý den, {ut},\n\nmůj syn {kid} nemohl dne {dt} z rodinných důvodů přijít do školy, prosím o omluvení. Adresa pro zaslání vysvědčení: ",
        ut=title_pieces(P("CZ", gender="f"), "cs", "last"), kid=PER(P("CZ", gender="m").first), dt=NEG(neg_date("en")))
    d.put(A(par.addr()))
    d.f(".\n\nS pozdravem\n{pn}, tel. {ph}\n", pn=PER(par.full), ph=PH(par.phone()))
    return d


# ----------------------------------------------------------------------------- genre: code / log excerpts
@tpl(1.2)
def t_log_nginx():
    d = Doc()
    d.t(ch(["what does this mean? getting lots of these:\n\n", "", "access.log excerpt:\n"]))
    for _ in range(R.randint(3, 5)):
        ip = ip_any()
        d.f('{ip} - - [{dt}:{tm} +0000] "{m} {path} HTTP/1.1" {st} {sz} "{ref}" "{ua}"\n',
            ip=IP(ip), dt=NEG("%02d/%s/%d" % (R.randint(1, 28), ch(["Jan", "Feb", "Mar", "Apr", "Oct", "Nov"]), R.randint(2023, 2025))), tm="%02d:%02d:%02d" % (R.randint(0, 23), R.randint(0, 59), R.randint(0, 59)),
            m=ch(["GET", "POST", "PUT"]), path=ch(["/api/v2/orders/%s" % digits(6), "/login", "/wp-admin/setup-config.php", "/static/app.%s.js" % neg_hash(8), "/cart?sku=%s" % digits(5)]),
            st=ch(["200", "301", "404", "401", "500"]), sz=str(R.randint(120, 90000)), ref=ch(["-", "-", "https://www.google.com/"]), ua=ch(["Mozilla/5.0 (X11; Linux x86_64)", "curl/8.4.0", "python-requests/2.31.0", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X)"]))
    d.f("\nserver is {ip}, path {path}\n", ip=IP(ipv4("priv")), path=NEG(neg_path()))
    return d


@tpl(1.0)
def t_log_python():
    u = P(ch(ALL_LOCS))
    d = Doc()
    d.f("Traceback (most recent call last):\n  File \"{path}\", line {ln}, in send_welcome\n    smtp.sendmail(FROM, to_addr, msg)\n"
        "smtplib.SMTPRecipientsRefused: {'{e}': (550, b'5.1.1 User unknown')}\n\n"
        "2024-{mm}-{dd} {tm} ERROR worker-{w} user_id={uid} name=\"{n}\" phone={ph} ip={ip} retry=3\n",
        path=NEG("/opt/app/" + ch(["services/mailer.py", "tasks/notify.py", "core/users.py"])), ln=str(R.randint(20, 400)), e=EM(u.email()),
        mm="%02d" % R.randint(1, 12), dd="%02d" % R.randint(1, 28), tm=NEG("%02d:%02d:%02d" % (R.randint(0, 23), R.randint(0, 59), R.randint(0, 59))),
        w=str(R.randint(1, 8)), uid=NEG(neg_uuid()), n=PER(u.full), ph=PH(u.phone()), ip=IP(ip_any()))
    return d


@tpl(1.0)
def t_code_sql():
    d = Doc()
    d.t("-- seed data for local dev\nINSERT INTO customers (id, full_name, email, phone, street, city, iban) VALUES\n")
    rows = R.randint(2, 4)
    for i in range(rows):
        while True:
            p = P(ch([l for l in ALL_LOCS if l in IBAN_CC]))
            a = p.addr()
            if "'" not in p.full + a.street + a.city:
                break
        d.f("  ({id}, '{n}', '{e}', '{ph}', '{st}', '{city}', '{ib}')",
            id=str(1000 + i), n=PER(p.full), e=EM(p.email()), ph=PH(p.phone()),
            st=ADR(a.street), city=NEG(a.city), ib=IB(p.iban(grouped=False)))
        d.t(",\n" if i < rows - 1 else ";\n")
    d.f("-- migration {ver}, commit {h}\n", ver=NEG(neg_version()), h=NEG(neg_hash(40)))
    return d


@tpl(0.9)
def t_code_git_env():
    if chance(0.5):
        a, b = P(ch(ALL_LOCS)), P(ch(ALL_LOCS))
        d = Doc()
        d.f("commit {h}\nAuthor: {an} <{ae}>\nDate:   {dt}\n\n    fix: handle null billing address ({tk})\n\n    Co-authored-by: {bn} <{be}>\n\ncommit {h2}\nAuthor: {bn2} <{be2}>\n\n    chore: bump deps to {ver}\n",
            h=NEG(neg_hash(40)), an=PER(a.full), ae=EM(a.work_email(domain("en"))), dt=NEG("Tue %s %d %s %d +0200" % (ch(["Mar", "Apr", "Sep"]), R.randint(1, 28), neg_time()[:5] + ":11", R.randint(2023, 2025))),
            tk=NEG(neg_ticket()), bn=PER(b.full), be=EM(b.email()), h2=NEG(neg_hash(40)), bn2=PER(b.full), be2=EM(b.email()), ver=NEG(neg_version()))
        return d
    o = P(ch(ALL_LOCS))
    d = Doc()
    d.f("# .env.local - DO NOT COMMIT\nAPP_URL={u}\nDB_HOST={ip}\nDB_PORT=5432\nSMTP_USER={e}\nADMIN_PHONE={ph}\nSUPPORT_CONTACT=\"{n}\"\nBUILD_SHA={h}\nTHEME_PRIMARY={hex}\n",
        u=URL(url("en", ch(["plain", "sub"]))), ip=IP(ip_any()), e=EM(o.work_email(domain("en"))), ph=PH(o.phone()), n=PER(o.full), h=NEG(neg_hash(12)), hex=NEG(neg_hex()))
    return d


@tpl(1.0)
def t_it_ticket():
    u = P(ch(ALL_LOCS))
    d = Doc()
    ip6 = ipv6()
    d.f("IT Helpdesk {tk}\nRequester: {n} ({e})\nLocation: {city} office, desk {desk}\nAsset: {prod} / S/N {sn} / MAC {mac}\n\nIssue: VPN drops every {m} minutes. Client shows local IP {ip}, gateway {gw}, IPv6 {ip6}. "
        "Tried reinstalling {ver}. Log: {path}. Call back on {ph}{ext}.\n",
        tk=NEG(neg_ticket()), n=PER(u.full), e=EM(u.work_email(domain("en"))), city=NEG(ch(["Munich", "Warsaw", "Porto", "Dublin", "Brno", "Malmö"])), desk=ch(["3.14", "B-207", "12"]),
        prod=NEG(ch(PRODUCTS)), sn=NEG(ch(UPPER) + ch(UPPER) + digits(8)), mac=NEG(neg_mac()), m=str(R.randint(5, 40)), ip=IP(ipv4("priv")), gw=IP(ipv4("priv")),
        ip6=IP(ip6), ver=NEG(neg_version()), path=NEG(neg_path()), ph=PH(u.phone()), ext=ch(["", " ext. %d" % R.randint(100, 999), " x%d" % R.randint(10, 99)]))
    return d


# ----------------------------------------------------------------------------- genre: SMS
SMS = {
    "en": ["Hi {f}, your {co} courier will arrive between {t1} and {t2}. Reply STOP to opt out. Questions: {ph}",
           "{f} its {me}, new number! save this one pls. old one {ph} is dead",
           "Reminder: dental check-up with {dr} on {dt} at {t1}. To reschedule call {ph}."],
    "de": ["Hallo {f}, Ihr Paket {trk} wird heute zwischen {t1} und {t2} zugestellt. Rückfragen: {ph}",
           "Hi {f}, hier ist {me}. Meine neue Nummer: {ph}. LG"],
    "es": ["Hola {f}, tu cita con {dr} es el {dt} a las {t1}. Para cancelar llama al {ph}.",
           "{f} soy {me}, cambié de número, este es el nuevo: {ph}"],
    "tr": ["Sayın {f}, {trk} numaralı kargonuz bugün {t1}-{t2} arasında teslim edilecektir. Bilgi: {ph}",
           "{f} merhaba, ben {me}. Yeni numaram {ph}, kaydeder misin?"],
    "ro": ["Buna {f}, coletul {trk} va fi livrat azi intre {t1} si {t2}. Curier: {ph}",
           "{f}, sunt {me}. Numarul meu nou e {ph}."],
    "hu": ["Kedves {f}! A(z) {trk} csomagját ma {t1} és {t2} között kézbesítjük. Futár: {ph}",
           "Szia {f}, {me} vagyok, ez az új számom: {ph}"],
    "id": ["Halo {f}, paket {trk} akan diantar hari ini jam {t1}-{t2}. Kurir: {ph}",
           "{f} ini {me} ya, nomor baru. yg lama {ph} udah ga aktif"],
    "cs": ["Dobrý den {f}, zásilka {trk} bude doručena dnes mezi {t1} a {t2}. Kurýr: {ph}"],
    "da": ["Hej {f}, din pakke {trk} leveres i dag mellem {t1} og {t2}. Chauffør: {ph}"],
    "it": ["Ciao {f}, sono {me}, questo è il mio nuovo numero {ph}. Salvalo!"],
    "pt": ["Oi {f}, aqui é {me}! troquei de número, o novo é {ph}"],
}


@tpl(1.6)
def t_sms():
    lang = ch(list(SMS))
    locs = {"en": EN_LOCS, "de": ["DE", "AT", "CH"], "es": ["ES", "MX"], "tr": ["TR"], "ro": ["RO"], "hu": ["HU"], "id": ["ID"], "cs": ["CZ"],
            "da": ["DK"], "it": ["IT"], "pt": ["PT", "BR"]}[lang]
    r, s = P(ch(locs)), P(ch(locs))
    d = Doc()
    d.f("From: {num}\n", num=PH(s.phone()) if chance(0.6) else NEG(ch(["DHL", "PostNL", "Vodafone", "InfoSMS", "GLS"])))
    low = chance(0.3)
    d.f(ch(SMS[lang]) + "\n", f=PER(r.first.lower() if low else r.first), co=NEG(ch(["DPD", "Evri", "UPS", "Parcelforce"])), t1=NEG(neg_time()), t2=NEG(neg_time()),
        ph=PH(s.phone()), me=PER(s.first.lower() if low else s.first), dr=title_pieces(P(ch(locs)), lang if lang in ("en", "es") else "en", "last"),
        dt=NEG(neg_date(lang)), trk=NEG(neg_tracking()), _partial=True)
    return d


# ----------------------------------------------------------------------------- genre: voice transcripts
@tpl(1.1)
def t_voice_en():
    c, agent = P(ch(EN_LOCS + ["PH", "IN"])), P(ch(EN_LOCS))
    a = c.addr()
    d = Doc()
    d.f("[Call transcript - auto-generated - {dt}]\nAGENT ({ag}): Thank you for calling {co}, this is {ag2}, how can I help?\nCALLER: yeah hi, um, my name's {cn}, I'm calling about my broadband, it's been down since {wd}.\n"
        "AGENT: Sorry to hear that. Can I take the first line of your address?\nCALLER: it's {ad}.\nAGENT: And the postcode?\nCALLER: {pc}.\nAGENT: Thanks {cf}. And the best number to reach you?\n"
        "CALLER: {ph}. or my wife {wn} on {ph2}.\nAGENT: Perfect. I've logged fault {tk}; an engineer will call ahead.\n",
        dt=NEG(neg_date("en")), ag=PER(agent.full), co=NEG(ch(["Vodafone", "Sky Broadband", "Eir", "Telstra", "Airtel", "Globe Telecom"])), ag2=PER(agent.first),
        cn=PER(c.full), wd=NEG(ch(WEEKDAYS["en"])), ad=ADR(a.street), pc=NEG(a.postcode or a.city), cf=PER(c.first), ph=PH(c.phone()),
        wn=PER(P(c.loc, gender="f").first), ph2=PH(c.phone()), tk=NEG(neg_ticket()))
    return d


@tpl(0.8)
def t_voice_es():
    c = P(ch(["ES", "MX"]))
    a = c.addr()
    d = Doc()
    d.f("[Transcripción de llamada]\nOPERADORA: Buenas tardes, le atiende {op}. ¿Me dice su nombre completo?\nCLIENTE: Sí, {cn}.\nOPERADORA: ¿Y la dirección de instalación?\nCLIENTE: ",
        op=PER(P(c.loc, gender="f").first), cn=PER(c.full))
    d.put(A(a))
    d.f(".\nOPERADORA: Perfecto. ¿Un teléfono de contacto?\nCLIENTE: El {ph}.\nOPERADORA: Queda registrada la incidencia {tk}. Que tenga buen día, {tt}.\n",
        ph=PH(c.phone()), tk=NEG(neg_ticket()), tt=title_pieces(c, "es", "last"))
    return d


# ----------------------------------------------------------------------------- genre: social posts
@tpl(1.1)
def t_social_en():
    p, q = P(ch(ALL_LOCS)), P(ch(ALL_LOCS), gender="f")
    d = Doc()
    k = ch([0, 1, 2])
    if k == 0:
        d.f("LOST DOG 🐶 near {ad}! Brown spaniel named {dog}, answers to whistles. Last GPS ping {co}. If found please DM or call {ph} ({pf}). Reward {pr}. Pls share!! #lostdog #{city}\n",
            co=NEG(neg_coord()),
            ad=ADR(ADDR[p.home]().street), dog=NEG(ch(["Biscuit", "Pepper", "Maple", "Rocket"])), ph=PH(p.phone()), pf=PER(p.first), pr=NEG(neg_price(cur_of(p.home))),
            city=ch(["dublin", "leeds", "austin", "perth", "pune"]))
    elif k == 1:
        d.f("So proud of {qn} for finishing the {race} in {tm}!! 🏃‍♀️ Follow her journey at {u} — and congrats to coach {cn} too. #{tag}\n",
            qn=PER(q.full), race=NEG(ch(["Berlin Marathon", "Dublin Half", "Comrades Marathon", "Paris 10K"])), tm=NEG("%d:%02d:%02d" % (R.randint(1, 4), R.randint(0, 59), R.randint(0, 59))),
            u=URL(profile_url(q)), cn=PER(P(ch(ALL_LOCS)).full), tag=ch(["running", "marathon", "proudfriend"]))
    else:
        d.f("Selling my {prod}, barely used, {pr} ono. Collection from {ad} or can post. Text {ph} — {pf}\n",
            prod=NEG(ch(PRODUCTS)), pr=NEG(neg_price(cur_of(p.home))), ad=ADR(ADDR[p.home]().street), ph=PH(p.phone()), pf=PER(p.first.lower() if chance(0.4) else p.first))
    return d


@tpl(0.9)
def t_social_intl():
    k = ch(["pt", "fr", "it", "tr"])
    p = P({"pt": "BR", "fr": "FR", "it": "IT", "tr": "TR"}[k])
    d = Doc()
    if k == "pt":
        d.f("Gente, a {n} tá vendendo bolo de pote por {pr} 😍 encomendas pelo zap {ph} ou insta {u} #docesartesanais\n",
            n=PER(p.first), pr=NEG(neg_price("BRL")), ph=PH(p.phone()), u=URL("https://www.instagram.com/" + slug(p.first) + "doces"))
    elif k == "fr":
        d.f("Trouvé un portefeuille au nom de {n} devant la boulangerie {ad} ce {wd} matin. Je l'ai déposé au commissariat. Contact : {e}\n",
            n=PER(P("FR").full.upper() if chance(0.3) else P("FR").full), ad=ADR(ADDR["FR"]().street), wd=NEG(ch(WEEKDAYS["fr"])), e=EM(p.email()))
    elif k == "it":
        d.f("Grazie mille a {n} e a tutto lo staff per la cena di ieri 🍝 Consigliatissimo! Prenotazioni al {ph} o su {u}\n",
            n=PER(P("IT").full), ph=PH(p.phone()), u=URL(url("it", "www")))
    else:
        d.f("{n} ile {city} buluşmasında tanışmak çok güzeldi! Sunum dosyası: {u} İletişim: {e}\n",
            n=PER(P("TR").full), city=NEG(ch(["İstanbul", "Ankara", "İzmir"])), u=URL(url("tr", "deep")), e=EM(p.email()))
    return d


# ----------------------------------------------------------------------------- genre: payment instructions (IBAN heavy)
PAY_WORDS = {"de": ("Verwendungszweck", "Alternativ:", "Danke!"), "nl": ("Omschrijving", "Of naar:", "Bedankt!"), "fr": ("Libellé", "Sinon :", "Merci !"),
             "es": ("Concepto", "O bien:", "¡Gracias!"), "it": ("Causale", "Oppure:", "Grazie!"), "pl": ("Tytułem", "Albo:", "Dzięki!"),
             "pt": ("Descritivo", "Ou:", "Obrigado!"), "sv": ("Meddelande", "Eller:", "Tack!"), "cs": ("Zpráva pro příjemce", "Nebo:", "Díky!"),
             "ro": ("Detalii plată", "Sau:", "Mersi!"), "hu": ("Közlemény", "Vagy:", "Köszi!"), "tr": ("Açıklama", "Ya da:", "Teşekkürler!"),
             "el": ("Aitiologia", "I:", "Efcharisto!"), "da": ("Tekst", "Eller:", "Tak!"), "no": ("Melding", "Eller:", "Takk!"), "fi": ("Viesti", "Tai:", "Kiitos!")}


@tpl(1.2)
def t_payment():
    loc = ch([l for l in IBAN_CC])
    lang = lang_of(loc)
    p, q = P(loc), P(loc)
    d = Doc()
    lead = {"de": "Bitte überweise die {amt} an", "nl": "Kun je {amt} overmaken naar", "fr": "Merci de virer {amt} à", "es": "Haz la transferencia de {amt} a",
            "it": "Puoi fare il bonifico di {amt} a", "pl": "Przelej proszę {amt} na konto", "pt": "Faz a transferência de {amt} para",
            "sv": "Kan du föra över {amt} till", "cs": "Pošli prosím {amt} na účet", "ro": "Te rog trimite {amt} către", "hu": "Kérlek utalj {amt} összeget ide:",
            "tr": "Lütfen {amt} tutarını şu hesaba gönder:", "el": "Parakalo steile {amt} ston", "da": "Overfør venligst {amt} til", "no": "Kan du overføre {amt} til",
            "fi": "Maksathan {amt} tilille"}.get(lang, "Please transfer {amt} to")
    d.f(lead + " {n}, {ib}", amt=NEG(neg_price(cur_of(loc))), n=PER(q.full), ib=IB(q.iban()))
    refw, altw, okw = PAY_WORDS.get(lang, ("Reference", "Or:", "Thanks!"))
    d.f("{bic}. {ref}: {r}.\n", bic=ch(["", " (BIC %s)" % ch(["GENODEF1M04", "INGBNL2A", "BPOTBEB1", "BSCHESMM", "BCITITMM", "RZBAATWW", "NDEASESS"])]), ref=refw, r=NEG(neg_invoice()))
    if chance(0.6):
        d.f("{alt} {ib2} ({n2}). {ok}\n", alt=altw, ib2=IB(p.iban()), n2=PER(p.first), ok=okw)
    return d


# ----------------------------------------------------------------------------- more locales / mixed genres
@tpl(0.8)
def t_ie_club():
    sec, mem = P("IE"), P("IE")
    d = Doc()
    d.f("A chairde,\n\nCumann {club} AGM takes place on {wd} {dt} at {tm} in the clubhouse, ", club=NEG(ch(["Naomh Pádraig", "Na Fianna", "Chill Mhantáin"])),
        wd=NEG(ch(WEEKDAYS["en"])), dt=NEG(neg_date("en")), tm=NEG(neg_time("en")))
    d.put(A(ADDR["IE"]()))
    d.f(". Nominations to the Rúnaí, {sn}, by email ({se}) or text {sp}.\nMembership fees ({pr}) can be paid to {ib}.\n\nGo raibh maith agaibh,\n{sf}\nP.S. Congratulations to {mn} on the U-14 win!\n",
        sn=PER(sec.full), se=EM(sec.email()), sp=PH(sec.phone()), pr=NEG(neg_price("EUR")), ib=IB(iban("IE")), sf=PER(sec.first), mn=PER(mem.full))
    return d


@tpl(0.9)
def t_in_rental():
    o, t = P("IN"), P("IN")
    a = ADDR["IN"]()
    d = Doc()
    d.f("LEAVE AND LICENCE AGREEMENT\n\nThis agreement is made on {dt} between {on} (Licensor), residing at ", dt=NEG(neg_date("en")), on=title_pieces(o, "en", "full"))
    d.put(A(ADDR["IN"]()))
    d.f(", and {tn} (Licensee). The Licensor agrees to let the premises at ", tn=title_pieces(t, "en", "full"))
    d.put(A(a))
    d.f(" for a monthly fee of {pr}, payable by NEFT ({ifsc}).\nLicensor mobile: {p1}   Licensee mobile: {p2}\nLicensee email: {e}\n",
        pr=NEG(neg_price("INR")), ifsc=NEG("IFSC %s0%s" % (ch(["HDFC", "ICIC", "SBIN", "UTIB"]), digits(6))), p1=PH(o.phone()), p2=PH(t.phone()), e=EM(t.email()))
    return d


@tpl(0.9)
def t_ng_za_business():
    loc = ch(["NG", "ZA"])
    p, q = P(loc), P(loc)
    d = Doc()
    d.f("Good day {qt},\n\nTrust this meets you well. Kindly find attached the quotation {inv} for the {prod}. Delivery will be to our warehouse at ",
        qt=title_pieces(q, "en", "full" if chance(0.5) else "last"), inv=NEG(neg_invoice()), prod=NEG(ch(["solar inverter (5 kVA)", "office furniture", "generator servicing"])))
    d.put(A(ADDR[loc]()))
    d.f(". Please confirm receipt.\n\nWarm regards,\n{pn}\n{ph} | {ph2}\n{e}\n", pn=PER(p.full), ph=PH(p.phone()), ph2=PH(p.phone()), e=EM(p.work_email(domain("en"))))
    return d


@tpl(0.8)
def t_jp_cn_email():
    p = P(ch(["JP", "CN"]))
    q = P(ch(EN_LOCS))
    caps = "%s %s" % (p.up(p.sur), p.given)
    d = Doc()
    d.f("Dear {qt},\n\nThank you for your order. I am {pc} from the export team; please call me {pf}. Your samples ({sku}) were shipped on {dt} via {car}, tracking {trk}.\n"
        "My colleague {cn} will handle the invoice.\n\nBest regards,\n{pn}\nTel: {ph}\nMail: {e}\nWeChat/LINE: {h}\n",
        qt=title_pieces(q, "en", "last"), pc=PER(caps), pf=PER(ch(["Kevin", "Amy", "Leo", "Ken", "Grace"]) if chance(0.3) else p.given), sku=NEG(neg_sku()), dt=NEG(neg_date("en")),
        car=NEG(ch(["EMS", "SF Express", "Yamato", "DHL"])), trk=NEG(neg_tracking()), cn=PER(P(p.loc).full), pn=PER(p.full), ph=PH(p.phone()),
        e=EM(p.email()), h=slug(p.given) + digits(3))
    return d


@tpl(0.9)
def t_hu_letter():
    p, q = P("HU"), P("HU")
    d = Doc()
    d.f("Tisztelt {qt}!\n\nÉrtesítjük, hogy a(z) {inv} számú számla összege ({pr}) még nem érkezett meg. Kérjük, utalja át a(z) {ib} számlaszámra.\n\nSzállítási cím: ",
        qt=title_pieces(q, "hu", "last"), inv=NEG(neg_invoice()), pr=NEG("%d Ft" % (R.randint(5, 900) * 1000)), ib=IB(iban("HU")))
    d.put(A(q.addr()))
    d.f("\n\nÜdvözlettel:\n{pn}\n{ph}\n", pn=PER(p.full), ph=PH(p.phone()))
    return d


@tpl(0.8)
def t_ro_el_form():
    loc = ch(["RO", "GR", "CZ", "DK", "FI"])
    p = P(loc)
    lang = lang_of(loc)
    L = LBL[lang]
    d = Doc()
    d.f("{a}: {n}\n{b}: ", a=L["name"], n=PER(p.full if chance(0.6) else p.caps()), b=L["address"])
    d.put(A(p.addr()))
    d.f("\n{c}: {ph}\n{e}: {em}\n{i}: {ib}\n{dt}: {dv}\n{no}: {nv}\n", c=L["phone"], ph=PH(p.phone()), e=L["email"], em=EM(p.email()), i=L["iban"], ib=IB(p.iban()),
        dt=L["date"], dv=NEG(neg_date("en")), no=L["notes"], nv=NEG(ch(PRODUCTS + [neg_sku()])))
    return d


@tpl(0.9)
def t_forwarded_thread():
    a, b = P(ch(ALL_LOCS)), P(ch(ALL_LOCS))
    d = Doc()
    d.f("---------- Forwarded message ---------\nFrom: {an} <{ae}>\nDate: {wd}, {dt} at {tm}\nSubject: {subj}\nTo: {be}\n\n",
        an=PER(a.full), ae=EM(a.email()), wd=NEG(ch(WEEKDAYS["en"])), dt=NEG(neg_date("en")), tm=NEG(neg_time("en")), subj=ch(["Keys for the flat", "Deposit", "Car pickup"]), be=EM(b.email()))
    d.f("Hi {bf}, the keys are with my neighbour {nn} at ", bf=PER(b.first), nn=PER(P(a.home).full))
    d.put(A(ADDR[a.home]()))
    d.f(". Code for the box is {code}. Ring me on {ph} if there's a problem.\n\n> On {dt2}, {bn} wrote:\n> Can I pick them up {wd2}?\n",
        code=NEG(digits(4)), ph=PH(a.phone()), dt2=NEG(neg_date("en")), bn=PER(b.full), wd2=NEG(ch(WEEKDAYS["en"])))
    return d


@tpl(0.8)
def t_marketplace_dm():
    s, b = P(ch(ALL_LOCS)), P(ch(ALL_LOCS))
    d = Doc()
    d.f("Conversation about: {prod} - {pr} ({ms})\n\n{bn}: Hi, is this still available? Can you send it to ", ms=NEG(neg_measure()), prod=NEG(ch(PRODUCTS)), pr=NEG(neg_price(cur_of(s.home), 40, 900)), bn=PER(b.first))
    d.put(A(b.addr(), ", ", True))
    d.f("?\n{sn}: Yes! Shipping is {pr2}. Pay via PayPal to {e} or card link {u}\n{bn2}: ok sent, my number is {ph} for the courier\n{sn2}: thanks {bf}! tracking {trk}\n",
        sn=PER(s.first), pr2=NEG(neg_price(cur_of(s.home), 4, 35)), e=EM(s.email()), u=URL(url("en", "query")), bn2=PER(b.first), ph=PH(b.phone()), sn2=PER(s.first),
        bf=PER(b.first.lower()), trk=NEG(neg_tracking()))
    return d


@tpl(0.8)
def t_card_dispute():
    p = P(ch(ALL_LOCS))
    c1, c2 = card(), card()
    d = Doc()
    d.f("Hi, I need help writing a chargeback letter. Details:\n- Cardholder: {n}\n- Card: {c1} (replacement card {c2})\n- Merchant: {m}\n- Transaction {tx} on {dt}, {pr}\n- Reference printed on statement: {bad}\n- My address: ",
        n=PER(p.full), c1=CC(c1), c2=CC(c2), m=NEG(ch(COMPANIES)), tx=NEG(neg_hash(12).upper()), dt=NEG(neg_date("en")), pr=NEG(neg_price()), bad=NEG(luhn_invalid16()))
    d.put(A(p.addr(), ", ", True))
    d.f("\n- Phone: {ph}\n", ph=PH(p.phone()))
    return d


@tpl(0.7)
def t_dk_fi_chat():
    loc = ch(["DK", "FI", "SE", "NO"])
    a, b = P(loc), P(loc)
    lines = {
        "DK": "{a}: hej {b}! kommer du til festen lørdag? adressen er {ad}\n{b2}: ja! ring lige {ph} hvis jeg ikke kan finde det\n",
        "FI": "{a}: moi {b}! tuutko lauantaina? osoite on {ad}\n{b2}: joo tuun! soita {ph} jos en löydä\n",
        "SE": "{a}: tjena {b}! kommer du på lördag? adressen är {ad}\n{b2}: absolut, ring {ph} om jag går vilse\n",
        "NO": "{a}: hei {b}! kommer du på lørdag? adressen er {ad}\n{b2}: ja! ring {ph} hvis jeg ikke finner frem\n",
    }[loc]
    d = Doc()
    d.f(lines, a=PER(a.first.lower()), b=PER(b.first.lower()), ad=ADR(ADDR[loc]().street), b2=PER(b.first.lower()), ph=PH(b.phone()))
    return d


# ----------------------------------------------------------------------------- card-heavy genres
def masked(c=None):
    c = c or card()
    last4 = re.sub(r"\D", "", c)[-4:]
    return ch(["**** **** **** %s" % last4, "•••• %s" % last4, "XXXX-XXXX-XXXX-%s" % last4, "ending in %s" % last4, "%s******%s" % (re.sub(r"\D", "", c)[:6], last4)])


CARD_CHAT = {
    "en": ("Customer: hi my card keeps getting declined at checkout?? its {c}, exp {exp}", "Bot: For your security please don't share full card numbers. I can see a card {m} on your account.",
           "Customer: oh sorry. the other one i tried was {c2}. name on card {n}"),
    "de": ("Kunde: Hallo, meine Karte {c} wird immer abgelehnt, gültig bis {exp}", "Bot: Bitte teilen Sie keine vollständigen Kartennummern. Hinterlegt ist die Karte {m}.",
           "Kunde: Ok, sorry. Die andere war {c2}, Karteninhaber {n}"),
    "fr": ("Client : bonjour, ma carte {c} est refusée, expiration {exp}", "Bot : Pour votre sécurité, ne communiquez pas le numéro complet. Carte enregistrée : {m}.",
           "Client : d'accord. J'ai aussi essayé la {c2}, titulaire {n}"),
    "es": ("Cliente: hola, me rechaza la tarjeta {c}, caduca {exp}", "Bot: Por seguridad no comparta el número completo. Tiene registrada la tarjeta {m}.",
           "Cliente: vale perdón. También probé con {c2}, titular {n}"),
    "pt": ("Cliente: oi, meu cartão {c} tá sendo recusado, validade {exp}", "Bot: Por segurança, não envie o número completo. Cartão cadastrado: {m}.",
           "Cliente: ah desculpa. tentei também o {c2}, nome no cartão {n}"),
    "nl": ("Klant: hoi, mijn kaart {c} wordt steeds geweigerd, geldig tot {exp}", "Bot: Deel nooit je volledige kaartnummer. Bij ons staat kaart {m}.",
           "Klant: oeps sorry. de andere kaart was {c2}, op naam van {n}"),
    "it": ("Cliente: salve, la carta {c} viene rifiutata, scadenza {exp}", "Bot: Per sicurezza non condivida il numero completo. Carta registrata: {m}.",
           "Cliente: ok scusi. Ho provato anche la {c2}, intestata a {n}"),
    "pl": ("Klient: dzień dobry, karta {c} jest odrzucana, ważna do {exp}", "Bot: Prosimy nie podawać pełnego numeru karty. Zapisana karta: {m}.",
           "Klient: przepraszam. Próbowałem też {c2}, właściciel {n}"),
}


@tpl(1.7)
def t_card_chat():
    lang = ch(list(CARD_CHAT))
    p = P(ch(locs_for(lang) or EN_LOCS))
    c, c2 = card(), card()
    l1, l2, l3 = CARD_CHAT[lang]
    d = Doc()
    d.f("[{t}]\n", t=NEG(neg_date(lang) + " " + neg_time()))
    d.f(l1 + "\n", c=CC(c), exp=NEG("%02d/%02d" % (R.randint(1, 12), R.randint(25, 31))))
    d.f(l2 + "\n", m=NEG(masked()))
    d.f(l3 + "\n", c2=CC(c2), n=PER(p.up(p.full) if chance(0.5) else p.full))
    return d


@tpl(1.4)
def t_card_expense():
    d = Doc()
    lang = ch(["en", "de", "fr", "nl", "es"])
    hdr = {"en": "Employee\tCorporate card\tLimit\tCost centre", "de": "Mitarbeiter/in\tFirmenkarte\tLimit\tKostenstelle",
           "fr": "Collaborateur\tCarte affaires\tPlafond\tCentre de coûts", "nl": "Medewerker\tZakelijke creditcard\tLimiet\tKostenplaats",
           "es": "Empleado\tTarjeta corporativa\tLímite\tCentro de coste"}[lang]
    d.t(ch(["Q%d card holders:\n" % R.randint(1, 4), "", "Can you check these for typos?\n"]) + hdr + "\n")
    for _ in range(R.randint(3, 5)):
        p = P(ch(locs_for(lang) or EN_LOCS))
        d.f("{n}\t{c}\t{lim}\t{cc}\n", n=PER(p.full), c=CC(card(ch(["visa", "mastercard", "amex", "diners"]))), lim=NEG(neg_price()), cc=NEG("CC-" + digits(4)))
    d.f("Old card (cancelled, number wrong in the system): {bad}\n", bad=NEG(luhn_invalid16()))
    return d


@tpl(1.4)
def t_card_update():
    p = P(ch(ALL_LOCS))
    d = Doc()
    c = card()
    d.f("Update payment method\n\nName on card: {n}\nCard number: {c}\nExpiry: {exp}   CVC: {cvc}\nBilling postcode: {pc}\nReplace current card: {m}\nReceipt to: {e}\n",
        n=PER(p.up(p.full)), c=CC(c), exp=NEG("%02d / %02d" % (R.randint(1, 12), R.randint(25, 31))), cvc=NEG(digits(3)), pc=NEG(p.addr().postcode or "00000"),
        m=NEG(masked()), e=EM(p.email()))
    if chance(0.5):
        d.f("Gift card code (not a credit card): {g}\n", g=NEG(luhn_invalid16()))
    return d


# ----------------------------------------------------------------------------- assistant-style wrappers
WRAP = ["Can you summarise this?\n\n", "Translate to English please:\n\n", "Please remove the personal data from the following text:\n\n",
        "Kannst du das bitte zusammenfassen?\n\n", "Peux-tu reformuler ce message ?\n\n", "¿Puedes corregir la ortografía?\n\n",
        "Extract all contact details as JSON:\n\n", "Is this a scam? I got this:\n\n", "Kun je dit vertalen naar het Engels?\n\n",
        "Popraw proszę ten tekst:\n\n", "Riassumi questo testo:\n\n", "Pode resumir isso?\n\n", "Fix the formatting:\n\n```\n"]


@tpl(1.0)
def t_bookshop():
    lang = ch(["en", "de", "fr", "es"])
    p = P(ch(locs_for(lang) or EN_LOCS))
    a = p.addr()
    W = {"en": ("Order confirmation", "Ship to", "Title | ISBN | Qty | Price", "Questions? Reply to this email or call"),
         "de": ("Bestellbestätigung", "Lieferadresse", "Titel | ISBN | Menge | Preis", "Fragen? Antworten Sie auf diese E-Mail oder rufen Sie an:"),
         "fr": ("Confirmation de commande", "Adresse de livraison", "Titre | ISBN | Qté | Prix", "Une question ? Répondez à ce message ou appelez le"),
         "es": ("Confirmación de pedido", "Dirección de envío", "Título | ISBN | Cant. | Precio", "¿Dudas? Responda a este correo o llame al")}[lang]
    books = ["The Silent Harbour", "Grammatik aktiv B1", "Le Petit Atlas du ciel", "Cien recetas de la abuela", "Python for Data Analysis",
             "Mathematik 7", "Histoire de France illustrée", "Learning SQL", "The Midnight Garden", "Biologie heute"]
    d = Doc()
    d.f("{t} {o}\n\n{st}:\n{n}\n", t=W[0], o=NEG(neg_order()), st=W[1], n=PER(p.full))
    d.put(A_lines(a, chance(0.4)))
    d.f("\n\n{tt}\n", tt=W[2])
    for b in R.sample(books, R.randint(2, 4)):
        d.f("{b} | {isbn} | {q} | {pr}\n", b=NEG(b), isbn=NEG(neg_isbn()), q=str(R.randint(1, 3)), pr=NEG(neg_price(cur_of(p.loc), 8, 60)))
    d.f("\n{qq} {ph} ({e}).\n", qq=W[3], ph=PH(P(p.loc).phone()), e=EM(ch(["orders@", "service@", "kontakt@", "pedidos@"]) + domain(lang)))
    return d


@tpl(0.9)
def t_html_contact():
    p = P(ch(ALL_LOCS))
    lang = lang_of(p.loc)
    dom = domain(lang if lang in TLDS else "en")
    a = ADDR[p.home]()
    ph = p.phone()
    tel = "+" + re.sub(r"\D", "", ph) if ph.startswith("+") else re.sub(r"\D", "", ph)
    em = ch(["info@", "hello@", "kontakt@", "contact@", "office@"]) + dom
    d = Doc()
    d.f('<footer class="site-footer" style="color:{hex}">\n  <p><strong>{co}</strong> · {own} {n}</p>\n  <address>', hex=NEG(neg_hex()), co=NEG(ch(COMPANIES)),
        own={"de": "Inh.", "es": "Titular:", "fr": "Gérant :", "nl": "Eigenaar:", "it": "Titolare:", "pt": "Proprietário:", "pl": "Właściciel:"}.get(lang, "Owner:"), n=PER(p.full))
    d.put(A(a, "<br>"))
    d.f('</address>\n  <p>Tel. <a href="tel:{tel}">{ph}</a> · <a href="mailto:{e}">{e2}</a></p>\n  <p><a href="{u}">{u2}</a> · {ver}</p>\n</footer>\n',
        tel=PH(tel), ph=PH(ph), e=EM(em), e2=EM(em), u=URL("https://www." + dom + "/impressum"), u2=URL("www." + dom), ver=NEG(neg_version()))
    return d


# ----------------------------------------------------------------------------- validation
TITLE_RE = re.compile(r"^(Mr|Mrs|Ms|Dr|Prof|Herr|Herrn|Frau|Fr|Mme|Mlle|Sr|Sra|Dña|Don|Doña|Dra|Sig|Sig\.ra|Dott|Dott\.ssa|Avv|Ing|"
                      r"dhr|mevr|mw|Pan|Pani|pan|paní|dl|dna|Bapak|Ibu|Pak|Bu|Sir|Ma'am|anh|chị|MUDr|Mgr)\.?\s")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def card_ok(v):
    num = re.sub(r"[ -]", "", v)
    if not num.isdigit() or not luhn_ok(num):
        return False
    for brand, (prefixes, length, _) in CARD_BRANDS.items():
        if any(num.startswith(p) for p in prefixes) and len(num) == length:
            return True
    return num.startswith("2") and 2221 <= int(num[:4]) <= 2720 and len(num) == 16


def negative_looks_like_pii(v):
    """A hard negative must not itself be a well-formed instance of a labelled type."""
    s = v.strip()
    try:
        ipaddress.ip_address(s)
        return True
    except ValueError:
        pass
    if EMAIL_RE.match(s) or s.startswith(("http://", "https://", "www.")):
        return True
    compact = re.sub(r"[ -]", "", s)
    if compact.isdigit() and 13 <= len(compact) <= 19 and card_ok(compact):
        return True
    if re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", compact) and iban_valid(compact):
        return True
    return False


def validate(d):
    text = d.text
    b = bytes(d.buf)
    assert text.encode("utf-8") == b
    ents = sorted(d.ents, key=lambda e: e["start"])
    prev = 0
    for e in ents:
        S, E, V, T = e["start"], e["end"], e["value"], e["type"]
        assert b[S:E].decode("utf-8") == V, e
        assert S >= prev, ("overlap", e)
        prev = E
        if T == "credit_card":
            assert card_ok(V), V
        elif T == "iban":
            assert iban_valid(V), V
            assert V == V.replace(" ", "") or re.fullmatch(r"([A-Z0-9]{4} )+[A-Z0-9]{1,4}", V), V
        elif T == "ip_address":
            ipaddress.ip_address(V)
        elif T == "email":
            assert EMAIL_RE.match(V), V
        elif T == "url":
            assert V.startswith(("http://", "https://", "www.")) and V[-1] not in ".,;:!?)]}'\"", V
        elif T == "phone":
            assert V[0] in "+(0123456789" and V[-1].isdigit(), V
            nd = sum(c.isdigit() for c in V)
            assert 7 <= nd <= 15, V
        elif T == "person":
            assert not TITLE_RE.match(V) and not V.endswith(("'s", "’s")) and V == V.strip(), V
        elif T == "street_address":
            assert any(c.isdigit() for c in V), V
    for v, pos in d.negs:
        assert not negative_looks_like_pii(v), ("negative is itself valid PII", v)
        vb = v.encode("utf-8")
        assert b[pos:pos + len(vb)] == vb, v
        for e in ents:
            assert pos + len(vb) <= e["start"] or pos >= e["end"], ("negative inside entity", v, e)
    return ents


def consistent(d):
    """Every occurrence of an entity value (at word boundaries) must lie inside some labelled span;
    no negative may equal an entity value."""
    b = bytes(d.buf)
    spans = [(e["start"], e["end"]) for e in d.ents]
    vals = {e["value"] for e in d.ents}
    for v in vals:
        vb = v.encode("utf-8")
        i = b.find(vb)
        while i != -1:
            j = i + len(vb)
            before = b[:i].decode("utf-8", "ignore")[-1:] if i else ""
            after = b[j:].decode("utf-8", "ignore")[:1]
            if not (before.isalnum() or after.isalnum()):
                if not any(s <= i and j <= e for s, e in spans):
                    return False
            i = b.find(vb, i + 1)
    if any(v in vals for v, _ in d.negs):
        return False
    return True


def wrap(d):
    pre = ch(WRAP)
    w = Doc()
    w.t(pre)
    _merge(w, d)
    if pre.endswith("```\n"):
        w.t("```\n")
    return w


# ----------------------------------------------------------------------------- main
def main():
    t0 = time.time()
    funcs = [f for f, _ in TEMPLATES]
    weights = [w for _, w in TEMPLATES]
    schedule = funcs * 2
    schedule += R.choices(funcs, weights=weights, k=N_ITEMS - len(schedule))
    R.shuffle(schedule)
    items, counts, per_tpl, retries = [], {t: 0 for t in TYPES}, {}, 0
    n_neg = 0
    for i, f in enumerate(schedule):
        for attempt in range(60):
            USED_NAMES.clear()
            d = f()
            if chance(0.15):
                d = wrap(d)
            validate(d)
            if consistent(d):
                break
            retries += 1
        else:
            raise AssertionError("could not build a consistent item with %s" % f.__name__)
        ents = validate(d)
        negs_out = []
        for v, _ in d.negs:
            if v not in negs_out:
                negs_out.append(v)
        items.append({"id": "ninth-%05d" % (i + 1), "text": d.text,
                      "entities": [{"type": e["type"], "value": e["value"], "start": e["start"], "end": e["end"]} for e in ents],
                      "negatives": negs_out})
        for e in ents:
            counts[e["type"]] += 1
        n_neg += len(negs_out)
        per_tpl[f.__name__] = per_tpl.get(f.__name__, 0) + 1
    # final re-check from the serialised form
    with open(OUT, "w", encoding="utf-8") as fh:
        for it in items:
            line = json.dumps(it, ensure_ascii=False)
            back = json.loads(line)
            tb = back["text"].encode("utf-8")
            for e in back["entities"]:
                assert tb[e["start"]:e["end"]].decode("utf-8") == e["value"]
            for v in back["negatives"]:
                assert v in back["text"]
            fh.write(line + "\n")
    total = sum(counts.values())
    assert len(items) >= 550 and total >= 3000, (len(items), total)
    assert counts["person"] >= 900 and counts["street_address"] >= 350, counts
    assert all(counts[t] >= 100 for t in TYPES), counts
    print("wrote %s" % OUT)
    print("seed %d | items %d | entities %d | negatives %d | templates %d | retries %d" % (SEED, len(items), total, n_neg, len(funcs), retries))
    for t in TYPES:
        print("  %-15s %5d" % (t, counts[t]))
    print("items with >=1 negative: %d" % sum(1 for it in items if it["negatives"]))
    if "-v" in sys.argv:
        for k in sorted(per_tpl):
            print("  %-28s %3d" % (k, per_tpl[k]))
    print("run time %.2f s" % (time.time() - t0))


if __name__ == "__main__":
    main()
