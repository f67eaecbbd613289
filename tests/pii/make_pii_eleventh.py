#!/usr/bin/env python3
"""Generator for tests/pii/pii-eleventh.jsonl -- the eleventh, independent, held-out PII test set.

Run:   cd /work/main && python3 tests/pii/make_pii_eleventh.py   (640 items, well under 1 s)
Seed:  random.Random(SEED) with SEED = 20251111 (Python 3 standard library only, deterministic:
       running it twice produces byte-identical output).

Written blind: without looking at the detector, its word lists or any other test set. All name,
street, company, product and place lists below were written for this file (companies are
invented; about a fifth of the personal-name spans contain a name invented by blending the
syllables of two real names of the same locale).

Every output line is a JSON object
  {"id": "eleventh-00001", "text": "...",
   "entities": [{"type": T, "value": V, "start": S, "end": E}, ...],
   "negatives": ["...", ...]}
T is one of: email, phone, credit_card, iban, ip_address, url, person, street_address.
start/end are BYTE offsets into text.encode("utf-8"). Labels exist by construction: every text
is built piece by piece and each span is recorded at the moment its value is appended.

The script asserts, for every item: text.encode()[S:E].decode() == V; entities do not overlap;
every credit card is Luhn-valid with a real IIN prefix and a length valid for that brand; every
IBAN is mod-97 valid and has its country's length; every IP parses with the ipaddress module;
every negative occurs verbatim in the text outside all entities; and every other whole-word
occurrence of an entity's value (and of each capitalised token of a person's name) in the same
text lies inside a labelled span. Items that would violate the last rule are regenerated.

Scenarios are things people paste into an assistant: dictated voice notes, WhatsApp exports,
CRM/ORM dumps, CSV with odd delimiters, address labels in many postal formats, author lists,
bulletins, obituaries, incident reports, school reports, classified ads, tax and customs forms,
referral letters, bank confirmations, hotel cards, CVs, logs, configs, git logs, seating plans,
rosters, tenancy disputes, genealogy notes, itineraries, and more, across ~55 locales.

Span conventions
- email: the address only (display names, <> brackets, quotes, "mailto:" outside).
- phone: from "+", "(" or the first digit to the last digit; extensions ("ext. 214", "x31",
  "Durchwahl -12", "poste 214") outside.
- credit_card: the whole number with its internal spaces/hyphens (Visa, Mastercard incl. 2-series,
  Amex, Discover, Diners, JCB, UnionPay, Maestro, Mir, Troy, Verve, RuPay IIN ranges).
- iban: the whole IBAN, compact or grouped in fours.
- ip_address: IPv4 or IPv6; ports, brackets and "/prefix" outside ("10.2.0.0/16" -> "10.2.0.0").
  An IP inside a URL (http://192.168.0.1/admin) is part of the URL span only.
- url: from http(s):// or www. to the last URL character; trailing punctuation/brackets outside.
- person: the name only; titles (Dr., Mrs, Herr, Mme, Sra., Sig.ra, Pani, Shri, Sgt, Aunt,
  Oma, Bey, -san ...) and possessive 's outside; a full name is one span including particles
  (van, de, von, da, bin, binti, Al, O', Ní, Mac), hyphens, apostrophes and middle initials;
  inverted forms ("KOWALSKA, Anna", "van den Berg, Daan") and airline forms ("OKAFOR/CHINEDU",
  title MR/MS outside) are one span; lone given names or lone surnames are spans too (also in
  separate first/last columns of CSV, vCard N: fields and forms); some names are lower-case
  (casual chat) or ALL-CAPS (forms, cards); eastern order (Nguyễn Thị Mai, Kim Min-jun,
  Nagy Zoltán) is kept as written.
- street_address: the street line incl. the street-type word, the house number and any
  flat/unit/floor written on that same line; postcode, city, district and country are outside.

"negatives" lists hard-negative strings that occur verbatim in the text, outside every entity,
and must NOT be labelled: order/invoice/ticket/tracking numbers, ISBNs, dates, times, versions,
git hashes, UUIDs, Luhn-invalid 16-digit numbers, checksum-invalid IBAN look-alikes, prices,
percentages, measurements, lone postcodes, product codes and SKUs, Title-Case non-names
(products, companies, places, months, weekdays, brands, job titles, cities), file paths, hex
colours, MAC addresses, coordinates, bank account numbers that are not IBANs, and national ID /
passport numbers. Some items have no entities at all.
"""
import ipaddress
import json
import os
import random
import re
import time
import unicodedata
import uuid

SEED = 20251111
R = random.Random(SEED)
N_ITEMS = 640
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii-eleventh.jsonl")
TYPES = ("email", "phone", "credit_card", "iban", "ip_address", "url", "person",
         "street_address")


def pick(seq):
    return R.choice(seq)


def chance(p):
    return R.random() < p


def ri(a, b):
    return R.randint(a, b)


# ----------------------------------------------------------------------------------------------
# Document builder: text is appended piece by piece; spans are recorded while appending.
# ----------------------------------------------------------------------------------------------
def E(t, v):
    assert t in TYPES, t
    return ("E", t, v)


def N(v):
    return ("N", v)


def P(v):
    return E("person", v)


def S(v):
    return E("street_address", v)


def EM(v):
    return E("email", v)


def PH(v):
    return E("phone", v)


def U(v):
    return E("url", v)


def IP(v):
    return E("ip_address", v)


def CC(v):
    return E("credit_card", v)


def IB(v):
    return E("iban", v)


SLOT = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class Doc:
    def __init__(self):
        self.buf = []
        self.pos = 0
        self.ents = []
        self.negs = []

    def t(self, s):
        if s:
            self.buf.append(s)
            self.pos += len(s.encode("utf-8"))
        return self

    def e(self, typ, v):
        assert v and v == v.strip(), (typ, v)
        start = self.pos
        self.t(v)
        self.ents.append({"type": typ, "value": v, "start": start, "end": self.pos})
        return self

    def n(self, s):
        self.t(s)
        if s not in self.negs:
            self.negs.append(s)
        return self

    def add(self, x):
        if x is None:
            return self
        if isinstance(x, str):
            return self.t(x)
        if isinstance(x, tuple):
            if x[0] == "E":
                return self.e(x[1], x[2])
            if x[0] == "N":
                return self.n(x[1])
            raise ValueError(x)
        for y in x:
            self.add(y)
        return self

    def f(self, tpl, **kw):
        """Append a template; {slot} is filled from kw (str = plain, E()/N() = labelled/neg)."""
        pos = 0
        for m in SLOT.finditer(tpl):
            self.t(tpl[pos:m.start()])
            if m.group(1) not in kw:
                raise KeyError("slot %r missing in %r" % (m.group(1), tpl[:60]))
            self.add(kw[m.group(1)])
            pos = m.end()
        self.t(tpl[pos:])
        return self

    def text(self):
        return "".join(self.buf)


# ----------------------------------------------------------------------------------------------
# Validators
# ----------------------------------------------------------------------------------------------
IBAN_SPEC = {  # country: BBAN pattern (n digit, a letter, c alnum) -- total length = 4 + len
    "GB": "aaaa" + "n" * 14, "IE": "aaaa" + "n" * 14, "DE": "n" * 18, "AT": "n" * 16,
    "CH": "n" * 5 + "c" * 12, "FR": "n" * 10 + "c" * 11 + "nn", "BE": "n" * 12,
    "NL": "aaaa" + "n" * 10, "ES": "n" * 20, "PT": "n" * 21, "IT": "a" + "n" * 10 + "c" * 12,
    "PL": "n" * 24, "CZ": "n" * 20, "SE": "n" * 20, "NO": "n" * 11, "DK": "n" * 14,
    "FI": "n" * 14, "GR": "n" * 7 + "c" * 16, "TR": "n" * 5 + "0" + "c" * 16,
    "UA": "n" * 6 + "c" * 19, "RO": "aaaa" + "c" * 16, "HU": "n" * 24, "IS": "n" * 22,
    "BR": "n" * 23 + "a" + "c", "EG": "n" * 25, "AE": "n" * 19, "SA": "nn" + "c" * 18,
    "IL": "n" * 19, "PK": "aaaa" + "c" * 16, "LU": "nnn" + "c" * 13, "SK": "n" * 20,
    "SI": "n" * 15, "HR": "n" * 17, "LT": "n" * 16, "EE": "n" * 16, "LV": "aaaa" + "c" * 13,
    "BG": "aaaa" + "n" * 6 + "c" * 8, "QA": "aaaa" + "c" * 21, "KW": "aaaa" + "c" * 22,
    "JO": "aaaa" + "nnnn" + "c" * 18, "MT": "aaaa" + "n" * 5 + "c" * 18, "CY": "n" * 8 + "c" * 16,
    "MU": "aaaa" + "n" * 19 + "aaa", "TN": "n" * 20, "BH": "aaaa" + "c" * 14,
}
IBAN_LEN = {k: 4 + len(v) for k, v in IBAN_SPEC.items()}
assert IBAN_LEN["DE"] == 22 and IBAN_LEN["FR"] == 27 and IBAN_LEN["NO"] == 15
assert IBAN_LEN["MT"] == 31 and IBAN_LEN["BR"] == 29 and IBAN_LEN["UA"] == 29


def iban_mod97(s):
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97


def iban_ok(v):
    s = v.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d\d[A-Z0-9]+", s):
        return False
    if IBAN_LEN.get(s[:2]) != len(s):
        return False
    if " " in v and not re.fullmatch(r"([A-Z0-9]{4} )+[A-Z0-9]{1,4}", v):
        return False
    return iban_mod97(s) == 1


def luhn_sum(ds):
    tot = 0
    for i, ch in enumerate(reversed(ds)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10


def card_brand(ds):
    """Return the brand if the prefix is a real IIN range and the length fits, else None."""
    n = len(ds)
    p2, p3, p4, p6 = int(ds[:2]), int(ds[:3]), int(ds[:4]), int(ds[:6])
    if ds[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if (p4 == 6011 or 644 <= p3 <= 649 or p2 == 65) and n in (16, 19):
        return "discover"
    if (300 <= p3 <= 305 or p2 in (36, 38)) and n in (14, 16):
        return "diners"
    if 3528 <= p4 <= 3589 and n in (16, 19):
        return "jcb"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    if p4 in (5018, 5020, 5038, 6304, 6759, 6761, 6763) and 12 <= n <= 19:
        return "maestro"
    if 2200 <= p4 <= 2204 and n == 16:
        return "mir"
    if p4 == 9792 and n == 16:
        return "troy"
    if (506099 <= p6 <= 506198 or 650002 <= p6 <= 650027) and n in (16, 19):
        return "verve"
    if (p3 == 508 or p4 in (6521, 6522)) and n == 16:
        return "rupay"
    return None


def card_ok(v):
    ds = re.sub(r"[ -]", "", v)
    return ds.isdigit() and luhn_sum(ds) == 0 and card_brand(ds) is not None


EMAIL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[a-z]{2,}")
URL_RE = re.compile(r"(https?://|www\.)\S+")


class Collision(Exception):
    pass


def isw(c):
    return c.isalnum() or c == "_"


def whole_word_hits(text, v):
    out = []
    i = text.find(v)
    while i != -1:
        j = i + len(v)
        if (i == 0 or not isw(text[i - 1]) or not isw(v[0])) and \
           (j == len(text) or not isw(text[j]) or not isw(v[-1])):
            out.append(i)
        i = text.find(v, i + 1)
    return out


PARTICLES = {"van", "der", "den", "de", "del", "della", "la", "le", "da", "das", "do", "dos",
             "di", "von", "zu", "bin", "binti", "bint", "ibn", "al", "el", "ben", "ter", "te",
             "du", "y", "e", "Al", "El", "Ní", "Ó", "Mac", "Mc", "Abu", "a/l", "st", "St",
             "Van", "De", "Da", "Del", "Le", "La", "Te", "Du", "Di", "Bin", "Ben"}


def validate(d):
    text = d.text()
    b = text.encode("utf-8")
    ents = sorted(d.ents, key=lambda x: x["start"])
    for e in ents:
        assert e["type"] in TYPES
        assert b[e["start"]:e["end"]].decode("utf-8") == e["value"], e
        v, t = e["value"], e["type"]
        if t == "credit_card":
            assert card_ok(v), v
        elif t == "iban":
            assert iban_ok(v), v
        elif t == "ip_address":
            ipaddress.ip_address(v)
        elif t == "email":
            assert EMAIL_RE.fullmatch(v), v
        elif t == "url":
            assert URL_RE.fullmatch(v) and v[-1] not in ".,;:!?)]}>'\"", v
        elif t == "phone":
            assert re.fullmatch(r"[+(\d][\d ()./-]*\d", v), v
            assert 6 <= sum(c.isdigit() for c in v) <= 15, v
        elif t == "person":
            assert not v.endswith("'s") and v[0].isalpha(), v
        elif t == "street_address":
            assert any(c.isdigit() for c in v) or " Road" in v, v
    for a, c in zip(ents, ents[1:]):
        assert a["end"] <= c["start"], ("overlap", a, c)
    spans = [(e["start"], e["end"]) for e in ents]

    def covered(bs, be):
        return any(s <= bs and be <= e for s, e in spans)

    def check_value(v):
        for i in whole_word_hits(text, v):
            bs = len(text[:i].encode("utf-8"))
            be = bs + len(v.encode("utf-8"))
            if not covered(bs, be):
                raise Collision(v)

    seen = set()
    for e in ents:
        if e["value"] in seen:
            continue
        seen.add(e["value"])
        check_value(e["value"])
        if e["type"] == "person":
            for tok in re.split(r"[\s,]+", e["value"]):
                tok = tok.strip(".")
                if len(tok) >= 3 and tok not in PARTICLES and tok[0].isupper():
                    check_value(tok)
    for ng in d.negs:
        assert ng and ng == ng.strip(), repr(ng)
        hits = whole_word_hits(text, ng) or [m.start() for m in re.finditer(re.escape(ng), text)]
        ok = False
        for i in [m.start() for m in re.finditer(re.escape(ng), text)]:
            bs = len(text[:i].encode("utf-8"))
            be = bs + len(ng.encode("utf-8"))
            if not any(s < be and bs < e for s, e in spans):
                ok = True
        assert ok, ("negative inside entity or missing", ng)
        assert hits
        if any(ng == e["value"] for e in ents):
            raise Collision(ng)
    return text, ents


# ----------------------------------------------------------------------------------------------
# Locale data (written for this file). gf/gm: given names, sur: surnames (surf: female-only
# surnames where the locale inflects), t_f/t_m: titles, post: titles written after the name,
# ph: phone patterns (# digit, % digit 2-9), sp: street patterns, sn: street names, stt: street
# types, pc: postcode patterns (# digit, @ letter), blk: block layout (| = line break).
# ----------------------------------------------------------------------------------------------
LOCALES = {}

EN_TF = ["Mrs", "Ms", "Miss", "Dr", "Dr.", "Mrs.", "Ms.", "Prof."]
EN_TM = ["Mr", "Mr.", "Dr", "Dr.", "Prof.", "Rev."]


def L(code, country, gf, gm, sur, ph, sn=None, sp=None, stt=None, pc=None, cities=(),
      blk="{street}|{pc} {city}", tf=EN_TF, tm=EN_TM, order="w", iban=None, dom=(), dist=(),
      surf=None, post=None, lang="en"):
    LOCALES[code] = dict(code=code, country=country, gf=gf.split(";"), gm=gm.split(";"),
                         sur=sur.split(";"), surf=surf.split(";") if surf else None,
                         ph=ph.split(";"), sn=sn.split(";") if sn else None,
                         sp=sp.split(";") if sp else None, stt=stt.split(";") if stt else [""],
                         pc=pc.split(";") if pc else [""], cities=cities.split(";") if cities else [],
                         blk=blk, tf=tf, tm=tm, order=order, iban=iban,
                         dom=dom.split(";") if dom else [], dist=dist.split(";") if dist else [],
                         post=post, lang=lang)


DE_TF = ["Frau", "Frau Dr.", "Dr.", "Prof."]
DE_TM = ["Herr", "Herr Dr.", "Dr.", "Prof. Dr."]
FR_TF = ["Mme", "Madame", "Mlle", "Dr", "Me"]
FR_TM = ["M.", "Monsieur", "Dr", "Me"]
ES_TF = ["Sra.", "Srta.", "Dña.", "Dra.", "Lic."]
ES_TM = ["Sr.", "D.", "Dr.", "Lic.", "Ing."]
PT_TF = ["Sra.", "Dra.", "D."]
PT_TM = ["Sr.", "Dr.", "Eng."]
IT_TF = ["Sig.ra", "Dott.ssa", "Avv.", "Prof.ssa"]
IT_TM = ["Sig.", "Dott.", "Ing.", "Avv.", "Geom."]
NL_TF = ["mevr.", "Mevrouw", "dr.", "mw."]
NL_TM = ["dhr.", "De heer", "ir.", "mr."]
PL_TF = ["Pani", "dr", "mgr"]
PL_TM = ["Pan", "dr inż.", "mgr"]
CZ_TF = ["paní", "Ing.", "MUDr.", "Mgr."]
CZ_TM = ["pan", "Ing.", "Mgr.", "MUDr."]
AR_TF = ["Ms", "Dr", "Mrs", "Eng."]
AR_TM = ["Mr", "Dr", "Sheikh", "Eng."]
IN_TF = ["Smt.", "Ms.", "Dr.", "Kumari"]
IN_TM = ["Shri", "Mr.", "Dr.", "Sri"]
SW_TF = ["Mrs.", "Ms.", "Bi.", "Dr."]
SW_TM = ["Mr.", "Bw.", "Dr.", "Eng."]

L("gb", "United Kingdom",
  "Olivia;Amelia;Isla;Sophie;Harriet;Imogen;Eleanor;Poppy;Beatrice;Freya;Gemma;Philippa;Nia;Lowri",
  "Oliver;George;Harry;Callum;Rhys;Alfie;Toby;Gareth;Hamish;Nigel;Rupert;Dominic;Ieuan;Fraser",
  "Smith;Jones;Taylor;Thornton;Ashworth;Whitfield;Hargreaves;MacLeod;McAllister;Fairbairn;"
  "Llewellyn;Cartwright;Blackwood;Featherstonehaugh;Pryce;Okoro-Bennett;Abernethy;Dunmore",
  "+44 20 7946 0###;07### ######;+44 7### ######;+44 (0)161 496 ####;0131 496 ####;"
  "020 7### ####;+44 113 496 ####",
  sn="Harcourt;Belgrave;Mill;Church;Station;Kingsley;Albert;Wellington;Hawthorn;Beech;"
     "Queen's;St Mary's;Ashburnham;Coldharbour;Marlowe;Tanners;Cowley;Gloucester",
  sp="{n} {s} {t};{n} {s} {t};Flat {f}, {n} {s} {t};Flat {f} {n} {s} {t};{n}{a} {s} {t};"
     "Apartment {f}, {n} {s} {t}",
  stt="Road;Street;Lane;Close;Avenue;Crescent;Gardens;Way;Terrace;Drive;Grove;Mews;Place",
  pc="@@# #@@;@# #@@;@@## #@@;@@#@ #@@", cities="London;Manchester;Leeds;Bristol;Norwich;"
  "Cardiff;Edinburgh;Glasgow;Sheffield;York;Brighton;Swansea;Aberdeen;Reading",
  blk="{street}|{city}|{pc}", iban="GB",
  dom="btinternet.com;hotmail.co.uk;sky.com;yahoo.co.uk;virginmedia.com")
L("us", "USA",
  "Emily;Madison;Brianna;Keisha;Jennifer;Ashley;Shanice;Kayla;Megan;Destiny;Lauren;Brittany;"
  "Tamsin;Marisol",
  "Michael;Tyler;DeShawn;Brandon;Cody;Jamal;Tristan;Hunter;Marcus;Trevor;Jaylen;Dakota;Ezekiel",
  "Johnson;Williams;Miller;Davis;Rodriguez;Washington;Kowalczyk;Jefferson;Kaminski;O'Brien;"
  "Schaefer;Delacroix;Yazzie;Begay;McKinney;Abernathy;Castellano;Whitlock",
  "(%##) %##-####;%##-%##-####;+1 %## %## ####;+1 (%##) %##-####;%##.%##.####;"
  "1-800-%##-####;(%##) 555-01##",
  sn="Maple;Oak;Elm;Pine;Cedar;Washington;Lincoln;Highland;Lakeview;Sunset;Peachtree;"
     "Magnolia;Cherry Hill;Willow Creek;Martin Luther King Jr;Juniper;Sycamore;Ridgeview",
  sp="{N} {s} {t};{N} {d} {s} {t};{N} {s} {t} Apt {f}{a};{N} {s} {t}, Apt. {f};"
     "{N} {s} {t} #{f};{N} {s} {t}, Suite {R};{N} {o} {t};{N} {d} {o} {t}, Unit {f}",
  stt="St;Street;Ave;Avenue;Blvd;Rd;Road;Dr;Drive;Ln;Ct;Pl;Way;Pkwy;Ter",
  pc="#####;#####-####", cities="Portland, OR;Springfield, IL;Austin, TX;Tucson, AZ;"
  "Columbus, OH;Asheville, NC;Duluth, MN;Savannah, GA;Fresno, CA;Albany, NY;Boise, ID;"
  "Gallup, NM;Burlington, VT", blk="{street}|{city} {pc}",
  dom="aol.com;comcast.net;att.net;verizon.net")
L("ie", "Ireland", "Siobhán;Aoife;Caoimhe;Saoirse;Orla;Róisín;Sinéad;Clodagh;Gráinne",
  "Pádraig;Cian;Oisín;Darragh;Eoin;Ciarán;Seán;Colm;Tadhg",
  "O'Sullivan;Murphy;Mac Gabhann;Fitzgerald;Byrne;O'Connor;Kavanagh;McCarthy;Quinlan;"
  "Ó Súilleabháin;Delaney;Mulcahy",
  "+353 1 ### ####;08% ### ####;+353 8% ### ####;(021) 4## ####",
  sn="Grafton;Dame;Main;Patrick;O'Connell;Harbour;Pearse;Church;Bridge;Abbey;Leeson;Ormond",
  sp="{n} {s} {t};Apartment {f}, {n} {s} {t};{n} Upper {s} {t};{n} {s} {t}",
  stt="Street;Road;Terrace;Quay;Square;Lane;Place", pc="D0# @#@#;@## @##@;@## @@#@",
  cities="Dublin 2;Cork;Galway;Limerick;Kilkenny;Sligo;Dublin 8;Tralee",
  blk="{street}|{city}|{pc}", iban="IE", surf="Ní Bhriain;Ní Dhomhnaill;Nic Aodha;Murphy;Byrne",
  dom="eircom.net;gmail.com")
L("au", "Australia", "Charlotte;Matilda;Sienna;Chloe;Kylie;Tahlia;Jacinta;Mackenzie;Bronwyn",
  "Jack;Lachlan;Cooper;Bailey;Brodie;Fletcher;Darcy;Angus;Jarrah",
  "Nguyen;Kelly;Wilson;Anderson;Papadopoulos;Tran;Fitzpatrick;Henderson;Murray;Walsh;Costa;"
  "Mitchell;Bancroft;Trembath",
  "+61 2 %### ####;04## ### ###;(02) %### ####;+61 4## ### ###;(03) 9### ####;+61 8 %### ####",
  sn="George;Pitt;Collins;Flinders;Bourke;Swanston;Oxford;Glebe Point;Brunswick;Wattle;Banksia;"
     "Jacaranda;Chapel;Hindley",
  sp="{n} {s} {t};Unit {f}, {n} {s} {t};{f}/{n} {s} {t};Level {F}, {n} {s} {t};{n} {s} {t}",
  stt="Street;St;Road;Parade;Avenue;Crescent;Esplanade;Highway;Place;Terrace",
  pc="2###;3###;4###;5###;6###", cities="Surry Hills NSW;Fitzroy VIC;Paddington QLD;"
  "Fremantle WA;Glenelg SA;Newtown NSW;Brunswick East VIC;Hobart TAS",
  blk="{street}|{city} {pc}", dom="bigpond.com;optusnet.com.au;iinet.net.au")
L("nz", "New Zealand", "Aroha;Mere;Kiri;Ngaire;Hine;Ruby;Georgia;Tui;Anahera",
  "Tane;Wiremu;Rangi;Hemi;Nikau;Finn;Caleb;Mason;Tamati",
  "Ngata;Parata;Te Whata;Tipene;Walker;Ruawai;Horomona;Mackenzie;Te Kanawa;Harawira;Fraser;"
  "Reihana",
  "+64 9 %## ####;021 ### ####;(04) %## ####;+64 27 ### ####;022 ### ####",
  sn="Queen;Cuba;Ponsonby;Karangahape;Lambton;Colombo;Tasman;Kauri;Pohutukawa;Riccarton;"
     "Tinakori;Dominion",
  sp="{n} {s} {t};Flat {f}, {n} {s} {t};{f}/{n} {s} {t};{n}{a} {s} {t}",
  stt="Street;Road;Terrace;Quay;Avenue;Place;Crescent", pc="####",
  cities="Auckland;Wellington;Christchurch;Dunedin;Hamilton;Rotorua;Nelson;Napier",
  blk="{street}|{district}|{city} {pc}", dist="Grey Lynn;Mount Cook;Kelburn;Sydenham;Devonport;"
  "Aro Valley", dom="xtra.co.nz;slingshot.co.nz")
L("ca", "Canada", "Geneviève;Chantal;Émilie;Marie-Ève;Nathalie;Brooke;Avery;Sloane",
  "Étienne;Jean-François;Mathieu;Gabriel;Liam;Connor;Nolan;Benoît",
  "Tremblay;Gagnon;Côté;Bouchard;Lavoie;Gauthier;Leblanc;MacDonald;Fortin;Pelletier;Bélanger;"
  "Thériault;Okafor-Reid",
  "(604) %##-####;+1 514 %## ####;416-%##-####;+1 (403) %##-####;(902) %##-####",
  sn="Queen;King;Yonge;Bloor;Granville;Robson;Jasper;Portage;Spadina;Barrington;Wellington",
  sp="{N} {s} {t};Unit {f}, {N} {s} {t};{f}-{N} {s} {t};{N} {s} {t} W;{N} {s} {t} E, Suite {R}",
  stt="Street;St;Avenue;Road;Boulevard;Drive", pc="@#@ #@#",
  cities="Toronto ON;Vancouver BC;Calgary AB;Halifax NS;Winnipeg MB;Ottawa ON;Victoria BC",
  blk="{street}|{city}  {pc}", tf=EN_TF + ["Mme"], tm=EN_TM + ["M."],
  dom="videotron.ca;sympatico.ca;shaw.ca;rogers.com")
L("qc", "Canada", "Geneviève;Chantal;Émilie;Marie-Ève;Nathalie;Josée;Mélanie",
  "Étienne;Jean-François;Mathieu;Gabriel;Benoît;Sébastien;Réjean",
  "Tremblay;Gagnon;Côté;Bouchard;Lavoie;Gauthier;Fortin;Pelletier;Bélanger;Thériault;Desrosiers",
  "(514) %##-####;+1 418 %## ####;450-%##-####;+1 (819) %##-####",
  sn="Saint-Denis;Sherbrooke;Sainte-Catherine;Saint-Laurent;Laurier;de Maisonneuve;Papineau;"
     "Saint-Jean;des Érables",
  sp="{N}, rue {s};{N} boulevard {s};{N}, avenue {s}, app. {f};{f}-{N} rue {s};{N} rue {s} Est",
  pc="H#@ #@#;G#@ #@#;J#@ #@#", cities="Montréal (Québec);Québec (Québec);Laval (Québec);"
  "Sherbrooke (Québec);Gatineau (Québec)", blk="{street}|{city}  {pc}", tf=FR_TF, tm=FR_TM,
  dom="videotron.ca;sympatico.ca", lang="fr")
L("de", "Deutschland",
  "Anna-Lena;Hannah;Lea;Johanna;Friederike;Katrin;Ursula;Svenja;Mareike;Leonie;Gesine;Wiebke",
  "Lukas;Jonas;Maximilian;Jürgen;Dieter;Florian;Matthias;Till;Wolfgang;Henrik;Kai-Uwe;Ole",
  "Müller;Schmidt;Schneider;Fischer;Weber;Meyer;Wagner;Becker;Hoffmann;Schäfer;Koch;Richter;"
  "Klein;Wolf;von Oppen;Bergmann;Zimmermann;Krüger;Brinkhoff;Janßen;Öztürk;Kowalewski",
  "+49 30 %#######;030 %######;+49 (0)171 #######;0171/#######;0152 ########;+49 89 %### ###;"
  "+49 221 %#####;069 %### ###;0160-#######",
  sn="Linden;Haupt;Bahnhof;Goethe;Schiller;Berliner;Garten;Kirch;Ahorn;Birken;Mühlen;Rosen;"
     "Friedrich-Ebert-;Kaiser-Wilhelm-;Hafen;Schul;Wiesen;Uhland",
  sp="{s}{t} {n};{s}{t} {n};{s}{t} {n}{al};{s}{t} {n}, {F}. OG;Am {s}hof {n};{s}{t} {n}-{n2}",
  stt="straße;str.;weg;allee;platz;ring;gasse;damm", pc="#####",
  cities="Berlin;Hamburg;München;Köln;Leipzig;Dresden;Freiburg im Breisgau;Bielefeld;Kassel;"
  "Rostock;Würzburg;Oldenburg", tf=DE_TF, tm=DE_TM, iban="DE",
  dom="web.de;gmx.de;t-online.de;posteo.de;gmx.net", lang="de")
L("at", "Österreich", "Theresa;Magdalena;Valentina;Elisabeth;Sophie;Kathrin;Vroni",
  "Florian;Stefan;Lorenz;Andreas;Raphael;Markus;Gregor;Sepp",
  "Gruber;Huber;Bauer;Wagner;Pichler;Steiner;Moser;Mayer;Hofer;Leitner;Eder;Fuchs;Brandstätter",
  "+43 1 %## ## ##;0664 ### ####;+43 664 #######;0676/#######;+43 316 %#####",
  sn="Mariahilfer Straße;Kärntner Straße;Linzer Straße;Wiedner Hauptstraße;Gumpendorfer Straße;"
     "Favoritenstraße;Schönbrunner Straße;Herrengasse;Neubaugasse;Taborstraße;Getreidegasse;"
     "Annenstraße",
  sp="{s} {n};{s} {n}/{f};{s} {n}/{g}/{f};{s} {n}, Top {f};{s} {n}/Stiege {g}/Tür {f}",
  pc="1###;8###;4###;5###;6###", cities="Wien;Graz;Linz;Salzburg;Innsbruck;Klagenfurt",
  tf=DE_TF, tm=DE_TM, iban="AT", dom="aon.at;chello.at;gmx.at", lang="de")
L("ch", "Schweiz", "Noemi;Seraina;Chiara;Mirjam;Ladina;Annina;Aurélie",
  "Reto;Urs;Beat;Gian;Nico;Dario;Luca;Cédric",
  "Brunner;Keller;Baumann;Frei;Zürcher;Widmer;Käser;Gerber;Rochat;Cavelti;Bühlmann;Favre",
  "+41 44 %## ## ##;079 ### ## ##;+41 79 ### ## ##;031 %## ## ##;+41 (0)22 %## ## ##",
  sn="Bahnhofstrasse;Seefeldstrasse;Limmatquai;Rue du Rhône;Rue de Lausanne;Via Nassa;"
     "Spalenberg;Marktgasse;Kramgasse;Badenerstrasse;Avenue de la Gare;Zürichstrasse",
  sp="{s} {n};{s} {n};{s} {n}{al}", pc="####",
  cities="Zürich;Basel;Bern;Genève;Lausanne;Lugano;Luzern;Winterthur;Chur",
  tf=DE_TF, tm=DE_TM, iban="CH", dom="bluewin.ch;sunrise.ch;hispeed.ch", lang="de")
L("fr", "France",
  "Camille;Manon;Chloé;Margaux;Élodie;Amélie;Sandrine;Hélène;Marie-Claire;Anaïs;Océane;Solène",
  "Jean-Pierre;Thibault;Mathis;Guillaume;Laurent;Théo;Quentin;Yannick;Benoît;Loïc;Gaëtan;Hugo",
  "Martin;Bernard;Dubois;Durand;Lefèvre;Moreau;Girard;Rousseau;Fontaine;de Villiers;Le Goff;"
  "Kerbrat;Morel;Chevalier;Lemaire;N'Diaye;Ben Saïd;Vasseur;Delacourt",
  "+33 1 ## ## ## ##;06 ## ## ## ##;07.##.##.##.##;+33 (0)6 ## ## ## ##;01 ## ## ## ##;"
  "+33 6 ## ## ## ##;04 %# ## ## ##",
  sn="rue des Lilas;rue de la République;avenue Jean Jaurès;boulevard Voltaire;"
     "rue du Faubourg Saint-Antoine;place de la Mairie;allée des Tilleuls;chemin des Vignes;"
     "rue Victor Hugo;impasse des Acacias;quai de la Loire;rue Pasteur;cours Mirabeau;"
     "rue de la Paix",
  sp="{n} {s};{n} {s};{n} bis {s};{n}, {s};Bât. {a}, {n} {s};{n} {s}, appt {f};"
     "{n} {s}, {F}e étage",
  pc="75###;69###;13###;31###;44###;59###;67###;33###;35###",
  cities="Paris;Lyon;Marseille;Toulouse;Nantes;Lille;Strasbourg;Bordeaux;Rennes;Montpellier",
  tf=FR_TF, tm=FR_TM, iban="FR", dom="orange.fr;free.fr;laposte.net;sfr.fr;wanadoo.fr",
  lang="fr")
L("be", "Belgique/België", "Louise;Elise;Lotte;Fien;Amandine;Noor;Wendy",
  "Arthur;Wout;Jules;Thibaut;Pieter-Jan;Maxime;Senne",
  "Peeters;Janssens;Maes;Jacobs;Mertens;Willems;Claes;Goossens;Wouters;De Smet;Van Damme;"
  "Lambert;Vermeulen;Vanden Bossche",
  "+32 2 %## ## ##;0470 ## ## ##;+32 470 ## ## ##;09 %## ## ##;+32 (0)4## ## ## ##",
  sn="Rue de la Loi;Kerkstraat;Meir;Avenue Louise;Chaussée de Waterloo;Stationsstraat;Rue Neuve;"
     "Veldstraat;Boulevard Anspach;Nieuwstraat;Bondgenotenlaan",
  sp="{s} {n};{s} {n} bus {f};{s} {n}/{f};{s} {n}, boîte {f}", pc="1###;2###;9###;4###;3###",
  cities="Bruxelles;Antwerpen;Gent;Liège;Leuven;Namur;Brugge", tf=FR_TF + NL_TF,
  tm=FR_TM + NL_TM, iban="BE", dom="telenet.be;skynet.be;proximus.be", lang="nl")
L("nl", "Nederland", "Sanne;Femke;Anouk;Lieke;Marieke;Fenna;Ilse;Noortje;Jitske",
  "Daan;Sem;Bram;Joris;Sjoerd;Thijs;Wouter;Pieter;Gerrit",
  "de Jong;Jansen;de Vries;van den Berg;van Dijk;Bakker;Visser;Smit;Meijer;de Boer;"
  "van der Meer;Mulder;Bos;van Leeuwen;Dekker;Hoekstra;van 't Hof",
  "+31 20 %## ####;06-########;020-%######;+31 6 ########;030 %## ## ##;+31 (0)10 %## ####",
  sn="Keizersgracht;Prinsengracht;Dorpsstraat;Kerkstraat;Stationsweg;Molenweg;Oudegracht;"
     "Lange Voorhout;Coolsingel;Laan van Meerdervoort;Vondelstraat;Julianalaan;Beatrixlaan",
  sp="{s} {n};{s} {n}-{f};{s} {n}{a};{s} {n} hs;{s} {n} III;{s} {n}-bis",
  pc="#### @@", cities="Amsterdam;Utrecht;Rotterdam;Den Haag;Groningen;Eindhoven;Zwolle;Haarlem",
  tf=NL_TF, tm=NL_TM, iban="NL", dom="ziggo.nl;kpnmail.nl;hetnet.nl;xs4all.nl", lang="nl")
L("es", "España",
  "María José;Lucía;Carmen;Paula;Nerea;Ainhoa;Rocío;Begoña;Montserrat;Inmaculada;Itziar",
  "Javier;Alejandro;Iñaki;Jordi;Sergio;Álvaro;José Antonio;Unai;Fermín;Borja;Xabier",
  "García;Fernández;González;Rodríguez;López;Martínez;Sánchez;Pérez;Gómez;Etxeberria;Puig;Ruiz;"
  "Jiménez;Navarro;de la Fuente;Castillo;Urquijo;Vilaseca",
  "+34 91 %## ## ##;6## ## ## ##;+34 6## ### ###;93 %## ## ##;+34 96# ### ###;7## ### ###",
  sn="Calle Mayor;Calle de Alcalá;Avenida de la Constitución;Gran Vía;Paseo de Gracia;"
     "Calle del Carmen;Calle Sierpes;Rambla de Catalunya;Calle Real;Avenida Diagonal;"
     "Calle San Bernardo;Carrer de Balmes;Calle Fuencarral",
  sp="{s} {n};{s}, {n};{s} {n}, {F}º {L};{s}, {n}, {F}º {L};{s} {n}, bajo {L}",
  pc="28###;08###;41###;46###;48###;50###;29###;18###",
  cities="Madrid;Barcelona;Sevilla;Valencia;Bilbao;Zaragoza;Málaga;Granada;Salamanca",
  tf=ES_TF, tm=ES_TM, iban="ES", dom="telefonica.net;hotmail.es;yahoo.es", lang="es")
L("pt", "Portugal", "Inês;Beatriz;Leonor;Mariana;Joana;Catarina;Matilde",
  "João;Tiago;Rodrigo;Duarte;Afonso;Gonçalo;Rui",
  "Silva;Santos;Ferreira;Pereira;Oliveira;Costa;Rodrigues;Martins;Sousa;Fernandes;Gonçalves;"
  "Carvalho;Magalhães",
  "+351 21 %## ####;9## ### ###;+351 91# ### ###;22 %## ####",
  sn="Rua Augusta;Avenida da Liberdade;Rua de Santa Catarina;Rua do Ouro;Travessa do Carmo;"
     "Rua Formosa;Avenida dos Aliados;Rua da Prata;Rua Direita;Rua de Cedofeita",
  sp="{s}, {n};{s} {n}, {F}.º Esq.;{s} {n}, {F}.º Dto.;{s} n.º {n};{s}, {n} - {F}.º",
  pc="1###-###;4###-###;3###-###", cities="Lisboa;Porto;Coimbra;Braga;Faro;Aveiro;Setúbal",
  tf=PT_TF, tm=PT_TM, iban="PT", dom="sapo.pt;clix.pt;netcabo.pt", lang="pt")
L("it", "Italia", "Giulia;Francesca;Chiara;Alessia;Federica;Martina;Giovanna;Rosalba;Ilaria",
  "Giuseppe;Lorenzo;Matteo;Alessandro;Davide;Gianluca;Salvatore;Pierpaolo;Vittorio",
  "Rossi;Russo;Ferrari;Esposito;Bianchi;Romano;Colombo;Ricci;D'Angelo;De Luca;Dell'Acqua;"
  "Lo Bianco;Marino;Greco;Gallo;Santoro;Caputo",
  "+39 06 #### ####;3## ### ####;+39 347 ### ####;02 %### ####;+39 055 ######;081 ### ####",
  sn="Via Garibaldi;Via Roma;Corso Vittorio Emanuele II;Viale dei Mille;Via dei Coronari;"
     "Via XX Settembre;Via Toledo;Corso Buenos Aires;Via Mazzini;Lungarno Corsini;"
     "Vicolo del Cinque;Via Nazionale;Piazza Bellini",
  sp="{s} {n};{s}, {n};{s} {n}/{a};{s}, {n} int. {f};{s} {n}, scala {a}",
  pc="00###;20###;80###;10###;40###;50###;90###",
  cities="Roma;Milano;Napoli;Torino;Bologna;Firenze;Palermo;Genova;Bari;Verona",
  tf=IT_TF, tm=IT_TM, iban="IT", dom="libero.it;virgilio.it;alice.it;tiscali.it", lang="it")
L("pl", "Polska", "Agnieszka;Małgorzata;Katarzyna;Zofia;Joanna;Magdalena;Aleksandra;Ewa",
  "Krzysztof;Piotr;Tomasz;Łukasz;Grzegorz;Paweł;Michał;Wojciech",
  "Nowak;Kowalski;Wiśniewski;Wójcik;Kamiński;Lewandowski;Zieliński;Szymański;Woźniak;"
  "Dąbrowski;Grabowski;Pawlak;Chmielewski;Brzęczyszczykiewicz",
  "+48 22 %## ## ##;5## ### ###;+48 6## ### ###;(22) %## ## ##;+48 5## ### ###",
  sn="ul. Marszałkowska;ul. Piotrkowska;ul. Długa;al. Jerozolimskie;ul. Floriańska;"
     "ul. Świętokrzyska;ul. Mickiewicza;ul. Kościuszki;pl. Grunwaldzki;ul. Słowackiego",
  sp="{s} {n};{s} {n}/{f};{s} {n} m. {f};{s} {n}{a}/{f}", pc="##-###",
  cities="Warszawa;Kraków;Łódź;Wrocław;Poznań;Gdańsk;Lublin;Katowice",
  tf=PL_TF, tm=PL_TM, iban="PL", dom="wp.pl;onet.pl;o2.pl;interia.pl", lang="pl")
L("cz", "Česko", "Petra;Lucie;Tereza;Kateřina;Markéta;Veronika",
  "Jiří;Jan;Tomáš;Ondřej;Vojtěch;Lukáš",
  "Novák;Svoboda;Dvořák;Černý;Procházka;Kučera;Veselý;Horák;Němec;Pokorný;Hájek",
  "+420 2## ### ###;6## ### ###;+420 7## ### ###;7## ### ###",
  sn="Vinohradská;Národní;Masarykova;Husova;Karlova;Dlouhá;Nádražní;Palackého;Na Příkopě;"
     "Sokolovská",
  sp="{s} {N}/{n};{s} {n}", pc="1## ##;6## ##;7## ##",
  cities="Praha 2;Brno;Ostrava;Plzeň;Olomouc;Liberec", tf=CZ_TF, tm=CZ_TM, iban="CZ",
  dom="seznam.cz;centrum.cz;email.cz", lang="cs")
L("se", "Sverige", "Åsa;Ingrid;Linnéa;Maja;Elsa;Sigrid;Karin;Ebba",
  "Lars;Björn;Erik;Olof;Gustav;Nils;Anders;Oskar",
  "Andersson;Johansson;Karlsson;Lindqvist;Bergström;Nilsson;Lundgren;Sjöberg;Holmberg;Engström;"
  "Åkesson;Wikström",
  "+46 8 %## ## ##;07#-### ## ##;08-%## ## ##;+46 70 ### ## ##;031-%## ## ##",
  sn="Storgatan;Drottninggatan;Kungsgatan;Sveavägen;Götgatan;Vasagatan;Odengatan;Hornsgatan;"
     "Linnégatan;Skolgatan;Björkvägen",
  sp="{s} {n};{s} {n}{a};{s} {n}, lgh {R};{s} {n}, {F} tr", pc="1## ##;4## ##;2## ##",
  cities="Stockholm;Göteborg;Malmö;Uppsala;Lund;Umeå;Västerås", iban="SE",
  dom="telia.com;bredband.net;spray.se", lang="sv")
L("no", "Norge", "Ingrid;Solveig;Kari;Astrid;Marit;Tuva", "Håkon;Sindre;Eirik;Magnus;Jostein;"
  "Torbjørn", "Hansen;Johansen;Olsen;Larsen;Haugen;Bakke;Øvergaard;Solberg;Kristiansen;Strand;"
  "Lie;Fjeldstad",
  "+47 %## ## ###;4## ## ###;+47 9## ## ###", sn="Karl Johans gate;Storgata;Bygdøy allé;"
  "Thorvald Meyers gate;Kirkegata;Markveien;Bogstadveien;Strandgaten;Dronningens gate;"
  "Kongens gate", sp="{s} {n};{s} {n}{a};{s} {n}, leil. H0{F}0{g}", pc="0###;5###;7###",
  cities="Oslo;Bergen;Trondheim;Stavanger;Tromsø;Drammen", iban="NO",
  dom="online.no;start.no", lang="no")
L("dk", "Danmark", "Mette;Signe;Freja;Ida;Sofie;Line", "Mads;Rasmus;Søren;Frederik;Jens;Kasper",
  "Jensen;Nielsen;Pedersen;Andersen;Christensen;Rasmussen;Sørensen;Møller;Kjær;Lund;Dahl;"
  "Thygesen",
  "+45 %# ## ## ##;%# ## ## ##;+45 %#######", sn="Nørregade;Vesterbrogade;Østerbrogade;"
  "Amagerbrogade;Jagtvej;Algade;Søndergade;Frederiksberg Allé;Vestergade",
  sp="{s} {n};{s} {n}, {F}. th.;{s} {n}, {F}. tv.;{s} {n}, st.;{s} {n}{a}, {F}. mf.",
  pc="1###;2###;8###;5###", cities="København K;Aarhus C;Odense C;Aalborg;Esbjerg;Roskilde",
  iban="DK", dom="mail.dk;jubii.dk;stofanet.dk", lang="da")
L("fi", "Suomi", "Aino;Sanna;Henna;Tuula;Emilia;Riikka", "Juha;Mikko;Antti;Ville;Jari;Eero",
  "Korhonen;Virtanen;Mäkinen;Nieminen;Mäkelä;Hämäläinen;Laine;Heikkinen;Koskinen;Järvinen;"
  "Lehtonen;Salminen",
  "+358 40 ### ####;040 ### ####;09 %## ####;+358 9 %## ####;050 ### ####",
  sn="Mannerheimintie;Aleksanterinkatu;Hämeenkatu;Fredrikinkatu;Runeberginkatu;Kauppakatu;"
     "Satamakatu;Koivukuja;Puistotie", sp="{s} {n};{s} {n} {a} {f};{s} {n} as. {f}",
  pc="00###;33###;20###;90###", cities="Helsinki;Tampere;Turku;Oulu;Espoo;Jyväskylä", iban="FI",
  dom="saunalahti.fi;kolumbus.fi;elisanet.fi", lang="fi")
L("gr", "Ελλάδα / Greece", "Eleni;Maria;Katerina;Despina;Georgia;Sofia;Vasiliki",
  "Georgios;Dimitrios;Konstantinos;Nikolaos;Ioannis;Panagiotis;Stavros",
  "Papadopoulos;Konstantinou;Georgiou;Nikolaidis;Pappas;Vlachos;Oikonomou;Karagiannis;"
  "Angelopoulos;Makris;Dimitriou;Christodoulou",
  "+30 21# ### ####;69# ### ####;+30 69# ### ####;2310 ######",
  sn="Ermou;Odos Stadiou;Leoforos Kifisias;Patision;Vasilissis Sofias;Tsimiski;Egnatia;"
     "Odos Athinas;Akadimias", sp="{s} {n};{s} {n}", pc="1## ##;5## ##",
  cities="Athina;Thessaloniki;Patra;Irakleio;Larisa", iban="GR",
  dom="otenet.gr;yahoo.gr;hol.gr", lang="el")
L("tr", "Türkiye", "Ayşe;Zeynep;Elif;Fatma;Merve;Selin;Büşra;Gül",
  "Mehmet;Mustafa;Emre;Burak;Hakan;Oğuz;Serkan;Murat",
  "Yılmaz;Kaya;Demir;Şahin;Çelik;Yıldız;Yıldırım;Öztürk;Aydın;Özdemir;Arslan;Doğan;Kılıç;Aslan",
  "+90 212 %## ## ##;0532 ### ## ##;+90 5## ### ## ##;0(216) %## ## ##;0 (312) %## ## ##",
  sn="Atatürk Caddesi;İstiklal Caddesi;Bağdat Caddesi;Cumhuriyet Bulvarı;Ihlamur Sokak;"
     "Papatya Sokak;Nispetiye Caddesi;Moda Caddesi;Atatürk Cad.;Gül Sk.",
  sp="{s} No: {n};{s} No:{n} Daire:{f};{s} No: {n} D: {f};{s} No {n}/{f}",
  pc="34###;06###;35###;16###;07###", cities="İstanbul;Ankara;İzmir;Bursa;Antalya;Eskişehir",
  tf=["Dr.", "Av.", "Op. Dr."], tm=["Dr.", "Av.", "Prof. Dr."], iban="TR", post=("Hanım", "Bey"),
  dom="hotmail.com.tr;mynet.com;ttmail.com", lang="tr")
L("ru", "Russia", "Anastasia;Yekaterina;Olga;Tatiana;Svetlana;Darya;Natalya",
  "Dmitry;Sergei;Alexei;Nikolai;Ivan;Mikhail;Andrei",
  "Ivanov;Smirnov;Kuznetsov;Popov;Sokolov;Lebedev;Kozlov;Novikov;Morozov;Volkov;Fedorov;Orlov",
  "+7 495 %##-##-##;8 (9##) ###-##-##;+7 (9##) ###-##-##;+7 812 %## ## ##",
  sn="ul. Tverskaya;Nevsky prospekt;ul. Arbat;ul. Lenina;pr. Mira;ul. Sadovaya;"
     "Leninsky prospekt;ul. Pushkina;nab. Fontanki",
  sp="{s}, d. {n}, kv. {f};{s}, d. {n};{s} {n}-{f};{s}, {n}, kv. {f}", pc="1#####;6#####",
  cities="Moskva;Sankt-Peterburg;Kazan;Novosibirsk;Yekaterinburg", blk="{street}|{city}|{pc}",
  dom="yandex.ru;mail.ru;rambler.ru", lang="ru")
L("ua", "Ukraine", "Oksana;Olena;Iryna;Yulia;Khrystyna;Nataliia",
  "Taras;Bohdan;Oleksandr;Andriy;Yaroslav;Volodymyr",
  "Shevchenko;Kovalenko;Bondarenko;Tkachenko;Kravchenko;Melnyk;Boyko;Lysenko;Hrytsenko;Savchuk;"
  "Marchuk",
  "+380 44 %## ## ##;+380 67 ### ####;067 ### ## ##;+380 (50) ### ## ##",
  sn="vul. Khreshchatyk;vul. Sahaidachnoho;prosp. Peremohy;vul. Shevchenka;vul. Franka;"
     "vul. Deribasivska;vul. Sumska", sp="{s}, {n}, kv. {f};{s}, {n};{s} {n}/{f}",
  pc="0####;7####;6####", cities="Kyiv;Lviv;Odesa;Kharkiv;Dnipro", blk="{street}|{city}, {pc}",
  iban="UA", dom="ukr.net;i.ua;meta.ua", lang="uk")
L("ro", "România", "Ioana;Andreea;Alexandra;Elena;Raluca;Bianca",
  "Andrei;Mihai;Ionuț;Bogdan;Cristian;Răzvan",
  "Popescu;Ionescu;Popa;Dumitru;Stoica;Gheorghe;Munteanu;Constantinescu;Dobre;Barbu;Nistor",
  "+40 21 %## ####;07## ### ###;+40 7## ### ###;0264 ### ###",
  sn="Strada Lipscani;Bulevardul Unirii;Calea Victoriei;Strada Republicii;Bd. Eroilor;"
     "Str. Memorandumului;Strada Mihai Eminescu;Aleea Teiului",
  sp="{s} {n};{s} nr. {n};{s} nr. {n}, bl. {a}{g}, sc. {g}, ap. {f};{s} {n}, ap. {f}",
  pc="0#####;4#####;7#####", cities="București;Cluj-Napoca;Iași;Timișoara;Brașov;Constanța",
  iban="RO", dom="yahoo.ro;gmail.com", lang="ro")
L("hu", "Magyarország", "Zsófia;Réka;Eszter;Katalin;Boglárka;Dorottya",
  "Zoltán;László;Gábor;Bence;Tamás;Levente",
  "Nagy;Kovács;Tóth;Szabó;Horváth;Varga;Kiss;Molnár;Németh;Farkas;Balogh;Papp",
  "+36 1 %## ####;06 30 ### ####;+36 20 ### ####;06-1-%##-####",
  sn="Andrássy út;Váci utca;Rákóczi út;Király utca;Bajcsy-Zsilinszky út;Szent István körút;"
     "Petőfi Sándor utca;Dob utca;Kossuth Lajos utca",
  sp="{s} {n};{s} {n}, {F}. em. {f};{s} {n}, fszt. {f}", pc="1###;4###;6###;9###",
  cities="Budapest;Debrecen;Szeged;Pécs;Győr", blk="{city}|{street}|{pc}", order="e",
  iban="HU", dom="freemail.hu;citromail.hu", lang="hu")
L("is", "Ísland", "Guðrún;Sigríður;Katrín;Ásdís;Hildur", "Jón;Gunnar;Einar;Ólafur;Sigurður",
  "Jónsson;Einarsson;Magnússon;Stefánsson;Gunnarsson;Helgason",
  "+354 %## ####;%## ####", sn="Laugavegur;Skólavörðustígur;Hverfisgata;Bankastræti;Túngata;"
  "Suðurgata;Hringbraut;Sólvallagata", sp="{s} {n};{s} {n}{al}", pc="1##;6##",
  cities="Reykjavík;Akureyri;Kópavogur;Hafnarfjörður", iban="IS",
  surf="Jónsdóttir;Gunnarsdóttir;Ólafsdóttir;Sigurðardóttir;Björnsdóttir;Helgadóttir",
  dom="simnet.is;internet.is", lang="is")
L("br", "Brasil",
  "Ana Beatriz;Juliana;Fernanda;Larissa;Thaís;Gabriela;Letícia;Francisca;Maria Eduarda",
  "João Pedro;Lucas;Rafael;Thiago;Gustavo;Matheus;Caio;Vinícius;Luiz Henrique",
  "Silva;Santos;Oliveira;Souza;Lima;Pereira;Carvalho;Almeida;Ribeiro;Nascimento;Barbosa;"
  "Cavalcanti;Araújo;Bezerra",
  "+55 11 9####-####;(11) 9####-####;(21) %###-####;+55 (21) 9####-####;(31) 9 ####-####",
  sn="Rua das Flores;Avenida Paulista;Rua Oscar Freire;Avenida Atlântica;Rua XV de Novembro;"
     "Rua da Consolação;Avenida Sete de Setembro;Travessa do Comércio;"
     "Rua Barão de Itapetininga;Av. Brigadeiro Faria Lima;Rua Voluntários da Pátria",
  sp="{s}, {N};{s}, {N}, apto {R};{s}, {N} - Apto. {f}{g};{s}, {N}, Bloco {a}, Ap. {R};"
     "{s}, {N}, conj. {f}", pc="0####-###;2####-###;3####-###;8####-###",
  cities="São Paulo - SP;Rio de Janeiro - RJ;Belo Horizonte - MG;Curitiba - PR;Recife - PE;"
  "Salvador - BA;Porto Alegre - RS", blk="{street}|{district}|{city}|CEP {pc}",
  dist="Pinheiros;Copacabana;Savassi;Boa Viagem;Batel;Moinhos de Vento", tf=PT_TF, tm=PT_TM,
  iban="BR", dom="uol.com.br;bol.com.br;terra.com.br;globo.com", lang="pt")
L("mx", "México", "Guadalupe;Ximena;Valeria;Itzel;Fernanda;Mariana;Citlali;Daniela",
  "José Luis;Alejandro;Emiliano;Santiago;Juan Pablo;Rodrigo;Cuauhtémoc;Jesús",
  "Hernández;García;Martínez;López;González;Pérez;Ramírez;Flores;Gutiérrez;Mendoza;Chávez;"
  "Villaseñor;Xochitiotzin",
  "+52 55 #### ####;(55) #### ####;+52 1 33 #### ####;81 #### ####;+52 (999) ### ####",
  sn="Av. Insurgentes Sur;Calle 5 de Mayo;Paseo de la Reforma;Av. Juárez;Calle Madero;"
     "Av. Revolución;Calle Hidalgo;Calz. de Tlalpan;Calle Morelos;Av. Vallarta",
  sp="{s} {N};{s} {N}, Int. {f};{s} {N} Depto. {f};{s} No. {N};{s} #{N}", pc="0####;4####;6####",
  cities="Ciudad de México, CDMX;Guadalajara, Jal.;Monterrey, N.L.;Puebla, Pue.;Mérida, Yuc.",
  blk="{street}|Col. {district}|C.P. {pc} {city}", dist="Roma Norte;Condesa;Del Valle;Centro;"
  "Americana;Narvarte", tf=ES_TF, tm=ES_TM, dom="prodigy.net.mx;hotmail.com.mx", lang="es")
L("ar", "Argentina", "Florencia;Agustina;Milagros;Camila;Sofía;Micaela",
  "Martín;Facundo;Agustín;Nicolás;Gonzalo;Joaquín",
  "Fernández;Rodríguez;González;Bianchi;Romero;Sosa;Álvarez;Ferraro;Benítez;Acosta;Medina;"
  "Giménez",
  "+54 11 %###-####;+54 9 11 ####-####;011 %###-####;(011) 15-####-####;+54 351 %## ####",
  sn="Av. Corrientes;Av. Santa Fe;Calle Florida;Av. de Mayo;Av. Rivadavia;Calle Defensa;"
     "Av. Córdoba;Bv. Oroño;Calle San Martín;Av. Callao",
  sp="{s} {N};{s} {N}, {F}° {a};{s} {N} piso {F} depto {a};{s} {N} {F}º {a}",
  pc="C1###@@@;####;X5###@@@", cities="Buenos Aires;Córdoba;Rosario;Mendoza;La Plata",
  blk="{street}|{pc} {city}", tf=ES_TF, tm=ES_TM, dom="fibertel.com.ar;speedy.com.ar",
  lang="es")
L("co", "Colombia", "Valentina;Daniela;Luisa Fernanda;Paola;Yuliana;Marcela",
  "Andrés Felipe;Juan Camilo;Santiago;Sebastián;Jhon Jairo;Cristian",
  "Rodríguez;Gómez;Restrepo;Ospina;Cárdenas;Zuluaga;Vargas;Quintero;Muñoz;Castaño;Arango;"
  "Londoño",
  "+57 3## ### ####;(601) %## ####;3## ### ####;+57 (604) %## ####",
  sn="Calle;Carrera;Avenida Calle;Diagonal;Transversal;Avenida Carrera",
  sp="{s} {n} # {n2}-{n3};{s} {n}{a} # {n2}-{n3};{s} {n} # {n2}-{n3} Apto {R};"
     "{s} {n} No. {n2}-{n3};{s} {n} # {n2}-{n3}, Torre {g}, Apto {R}", pc="11####;05####;76####",
  cities="Bogotá;Medellín;Cali;Barranquilla;Cartagena;Bucaramanga", blk="{street}|{city}",
  tf=ES_TF, tm=ES_TM, dom="une.net.co;hotmail.com", lang="es")
L("cl", "Chile", "Javiera;Constanza;Catalina;Francisca;Antonia;Fernanda",
  "Matías;Benjamín;Vicente;Cristóbal;Tomás;Ignacio",
  "González;Muñoz;Rojas;Díaz;Soto;Contreras;Sepúlveda;Morales;Fuentes;Valenzuela;Araya;"
  "Zañartu",
  "+56 9 #### ####;+56 2 2### ####;9 #### ####", sn="Av. Providencia;Calle Huérfanos;"
  "Av. Apoquindo;Calle Merced;Av. Vicuña Mackenna;Calle Lastarria;Av. Irarrázaval;"
  "Av. Libertador Bernardo O'Higgins", sp="{s} {N};{s} {N}, depto {R};{s} {N}, Of. {f}",
  pc="75#####;83#####", cities="Santiago;Valparaíso;Concepción;Viña del Mar;Temuco",
  blk="{street}|{district}, {city}", dist="Providencia;Ñuñoa;Las Condes;Recoleta;Cerro Alegre",
  tf=ES_TF, tm=ES_TM, dom="vtr.net;gmail.com", lang="es")
L("ng", "Nigeria", "Ngozi;Chiamaka;Funmilayo;Aisha;Adaeze;Yetunde;Ifeoma;Blessing;Zainab",
  "Chukwuemeka;Oluwaseun;Tunde;Ibrahim;Emeka;Babatunde;Chinedu;Segun;Obinna;Musa",
  "Okonkwo;Adeyemi;Eze;Okafor;Balogun;Nwosu;Abubakar;Adebayo;Ogunleye;Nnamdi;Danjuma;Akinola;"
  "Uche;Olatunji-Bello",
  "+234 80# ### ####;080# ### ####;+234 (0)70# ### ####;0813 ### ####;+234 90# ### ####",
  sn="Adeola Odeku Street;Admiralty Way;Awolowo Road;Allen Avenue;Herbert Macaulay Way;"
     "Ahmadu Bello Way;Ozumba Mbadiwe Avenue;Bode Thomas Street;Broad Street;"
     "Aminu Kano Crescent;Opebi Road",
  sp="{n} {s};Plot {N}, {s};Flat {f}, {n} {s};No. {n}, {s};Block {a}, Flat {f}, {n} {s}",
  pc="1#####;9#####", cities="Lagos;Abuja;Ibadan;Port Harcourt;Enugu;Kano",
  blk="{street}|{district}, {city}", dist="Victoria Island;Ikeja;Lekki Phase 1;Wuse II;Garki;"
  "Surulere;GRA", dom="yahoo.com;gmail.com", lang="en")
L("ke", "Kenya", "Wanjiru;Achieng;Nyambura;Wairimu;Akinyi;Chebet;Mumbua",
  "Otieno;Kipchoge;Mwangi;Omondi;Kiprono;Mutua;Baraka",
  "Kamau;Odhiambo;Wanjiku;Njoroge;Kiptoo;Cheruiyot;Ochieng;Wafula;Karanja;Nyaga;Wekesa",
  "+254 7## ### ###;07## ######;+254 20 ### ####;0722 ### ###;+254 1## ### ###",
  sn="Moi Avenue;Kenyatta Avenue;Ngong Road;Kimathi Street;Waiyaki Way;Argwings Kodhek Road;"
     "Mombasa Road;Muthaiga Road;Lenana Road;Ralph Bunche Road",
  sp="{n} {s};House {n}, {s};Apt {f}{a}, {n} {s}", pc="00###",
  cities="Nairobi;Mombasa;Kisumu;Nakuru;Eldoret", blk="{street}|{district}|{city} {pc}",
  dist="Kilimani;Westlands;Lavington;Karen;Nyali;Milimani", tf=SW_TF, tm=SW_TM,
  dom="yahoo.com;gmail.com", lang="en")
L("za", "South Africa", "Thandiwe;Nomvula;Lerato;Ayanda;Zanele;Anneke;Refilwe;Naledi",
  "Sipho;Thabo;Mandla;Pieter;Themba;Kagiso;Johan;Lwazi",
  "Nkosi;Dlamini;Khumalo;Mokoena;van Wyk;Botha;Naidoo;Ndlovu;Mahlangu;Pretorius;du Plessis;"
  "Sithole;Molefe;Govender",
  "+27 ## ### ####;0## ### ####;+27 (0)21 ### ####;082 ### ####;+27 83 ### ####",
  sn="Long Street;Jan Smuts Avenue;Rivonia Road;Bree Street;Main Road;Florida Road;"
     "Church Street;Oxford Road;Beach Road;Vilakazi Street;Voortrekker Road",
  sp="{n} {s};Unit {f}, {n} {s};{n} {s};Flat {f}, {n} {s}", pc="####",
  cities="Cape Town;Johannesburg;Durban;Pretoria;Gqeberha;Bloemfontein",
  blk="{street}|{district}|{city}|{pc}", dist="Sea Point;Rosebank;Sandton;Soweto;Observatory;"
  "Morningside;Hatfield", dom="mweb.co.za;telkomsa.net;webmail.co.za", lang="en")
L("gh", "Ghana", "Akosua;Ama;Abena;Efua;Adwoa;Esi", "Kwame;Kofi;Kwabena;Yaw;Kojo;Fiifi",
  "Mensah;Boateng;Owusu;Asante;Appiah;Osei;Agyeman;Ofori;Amoah;Darko;Quaye;Tetteh",
  "+233 24 ### ####;024 ### ####;+233 30 ### ####;020 ### ####",
  sn="Oxford Street;Liberation Road;Independence Avenue;Ring Road Central;Kojo Thompson Road;"
     "Cantonments Road;Spintex Road;Labone Crescent",
  sp="{n} {s};House No. {n}, {s};Plot {n}, {s}", pc="",
  cities="Accra;Kumasi;Tamale;Takoradi;Cape Coast", blk="{street}|{district}, {city}",
  dist="Osu;East Legon;Cantonments;Adabraka;Airport Residential Area", lang="en")
L("et", "Ethiopia", "Tigist;Meron;Hiwot;Selamawit;Bethlehem", "Abebe;Dawit;Yonas;Tesfaye;Henok",
  "Bekele;Tadesse;Girma;Alemu;Getachew;Wolde;Mekonnen;Kebede;Assefa",
  "+251 91 ### ####;091 ### ####;+251 11 ### ####", sn="Bole Road;Churchill Avenue;"
  "Africa Avenue;Cameroon Street;Ras Mekonnen Avenue", sp="{s}, House No. {n};House {n}, {s}",
  pc="", cities="Addis Ababa;Bahir Dar;Hawassa;Gondar", blk="{street}|{city}", lang="en")
L("eg", "Egypt", "Nour;Mariam;Yasmin;Salma;Habiba;Dina", "Ahmed;Mahmoud;Karim;Omar;Youssef;"
  "Tarek;Mostafa", "Abdel-Rahman;El-Sayed;Hassan;Mansour;Fahmy;Shawky;Abdelaziz;El-Masry;"
  "Soliman;Naguib;Ezzat;Farouk",
  "+20 10 #### ####;010 #### ####;+20 2 #### ####;011 #### ####",
  sn="Tahrir Street;Talaat Harb Street;Corniche El Nil;26th of July Street;"
     "Mohamed Mahmoud Street;Abbas El Akkad Street;El Horreya Road;Salah Salem Street",
  sp="{n} {s};{n} {s}, Apt {f};{n} {s}, Floor {F}, Apt {f}", pc="11###;12###;21###",
  cities="Cairo;Giza;Alexandria;Mansoura", blk="{street}|{district}, {city} {pc}",
  dist="Zamalek;Heliopolis;Nasr City;Dokki;Maadi;Garden City", tf=AR_TF, tm=AR_TM, iban="EG",
  lang="ar")
L("ma", "Maroc", "Fatima-Zahra;Khadija;Salma;Imane;Hajar;Meryem", "Youssef;Mehdi;Hamza;Anas;"
  "Reda;Othmane", "El Amrani;Benjelloun;Alaoui;Bennani;Tazi;El Idrissi;Chraibi;Berrada;Lahlou;"
  "Ouazzani;Belkadi;Ait Lahcen",
  "+212 6## ## ## ##;06 ## ## ## ##;+212 5 22 ## ## ##;07 ## ## ## ##",
  sn="Rue Mohammed V;Boulevard Zerktouni;Avenue Hassan II;Rue Tarik Ibn Ziad;Boulevard Anfa;"
     "Avenue des FAR;Rue de Fès", sp="{n}, {s};{n} {s}, Appt {f};{s}, N° {n};{s}, Imm. {n}, Appt {f}",
  pc="20###;10###;40###;30###", cities="Casablanca;Rabat;Marrakech;Fès;Tanger;Agadir",
  tf=FR_TF, tm=FR_TM, dom="menara.ma;gmail.com", lang="fr")
L("ae", "United Arab Emirates", "Fatima;Aisha;Mariam;Noura;Hessa;Shamma",
  "Khalid;Saeed;Hamdan;Rashid;Sultan;Abdullah",
  "Al Mansouri;Al Nuaimi;Al Hashimi;Al Falasi;Al Shamsi;Al Ketbi;Al Mazrouei;Al Suwaidi",
  "+971 50 ### ####;050 ### ####;+971 4 ### ####;04 ### ####;+971 (0)55 ### ####",
  sn="Sheikh Zayed Road;Al Wasl Road;Jumeirah Beach Road;Al Khail Road;Corniche Road;"
     "Al Maktoum Road;Hamdan Street",
  sp="Villa {n}, {s};Office {R}, {s};Apartment {R}, Building {n}, {s};Flat {R}, {s}", pc="",
  cities="Dubai;Abu Dhabi;Sharjah;Al Ain", blk="{street}|{district}, {city}",
  dist="Jumeirah 1;Business Bay;Al Barsha;Dubai Marina;Al Reem Island", tf=AR_TF, tm=AR_TM,
  iban="AE", dom="emirates.net.ae;eim.ae", lang="ar")
L("sa", "Saudi Arabia", "Lama;Reem;Nouf;Sarah;Ghada;Dalal", "Faisal;Turki;Nawaf;Abdulrahman;"
  "Majed;Fahad", "Al-Harbi;Al-Qahtani;Al-Otaibi;Al-Ghamdi;Al-Zahrani;Al-Dosari;Al-Shehri;"
  "Al-Mutairi;Al-Subaie;Al-Anazi",
  "+966 5# ### ####;05# ### ####;+966 11 ### ####", sn="King Fahd Road;Olaya Street;"
  "Prince Sultan Street;Tahlia Street;King Abdulaziz Road;Al Madinah Road",
  sp="{N} {s};Building {N}, {s};{s}, Building {N}, Unit {f}", pc="1####;2####",
  cities="Riyadh;Jeddah;Dammam;Khobar", blk="{street}|{district}, {city} {pc}",
  dist="Al Olaya;Al Malqa;Al Rawdah;Al Hamra", tf=AR_TF, tm=AR_TM, iban="SA", lang="ar")
L("il", "Israel", "Noa;Tamar;Yael;Shira;Maya;Adi;Michal", "Yossi;Itai;Noam;Omer;Eitan;Avi;"
  "Yonatan", "Cohen;Levi;Mizrahi;Peretz;Biton;Ben-David;Friedman;Avraham;Shapiro;Katz;Azoulay;"
  "Ben-Ami",
  "+972 5#-###-####;05#-###-####;+972 3 ### ####;03-%##-####;+972 (0)2 ### ####",
  sn="Rehov Herzl;Dizengoff Street;Rothschild Boulevard;Allenby Street;Jaffa Road;"
     "Ben Yehuda Street;Emek Refaim Street;Ibn Gabirol Street;Rehov HaNevi'im",
  sp="{s} {n};{n} {s};{s} {n}, Apt {f};{s} {n}/{f}", pc="6######;9######;3######",
  cities="Tel Aviv-Yafo;Jerusalem;Haifa;Be'er Sheva;Ramat Gan", iban="IL",
  dom="walla.co.il;netvision.net.il", lang="he")
L("ir", "Iran", "Shirin;Maryam;Parisa;Niloufar;Azadeh;Leila", "Dariush;Reza;Amir;Kourosh;Babak;"
  "Farhad;Arash", "Mohammadi;Hosseini;Rezaei;Ahmadi;Karimi;Tehrani;Moradi;Jafari;Rahimi;Ghasemi;"
  "Sadeghi;Hashemi",
  "+98 21 #### ####;0912 ### ####;+98 912 ### ####", sn="Vali Asr Street;Enghelab Street;"
  "Motahari Street;Shariati Street;Keshavarz Boulevard;Fereshteh Street;Pasdaran Avenue",
  sp="No. {n}, {s};{s}, No. {n}, Unit {f}", pc="1####-#####",
  cities="Tehran;Isfahan;Shiraz;Tabriz;Mashhad", blk="{street}|{city} {pc}", lang="fa")
L("in", "India",
  "Priya;Ananya;Lakshmi;Kavya;Deepika;Sneha;Aishwarya;Meenakshi;Harpreet;Divya;Tanvi;Revathi",
  "Arjun;Rahul;Vikram;Sanjay;Karthik;Rohan;Amitabh;Venkatesh;Gurpreet;Aditya;Siddharth;Prakash",
  "Sharma;Patel;Iyer;Reddy;Nair;Gupta;Singh;Chatterjee;Raghunathan;Venkataraman;Menon;Kulkarni;"
  "Deshpande;Banerjee;Pillai;Joshi;Ahluwalia;Subramanian",
  "+91 98### #####;098### #####;+91 22 #### ####;+91-80-####-####;9#########;+91 (44) #### ####;"
  "080-%#######",
  sn="MG Road;Linking Road;Park Street;Brigade Road;Anna Salai;Residency Road;Carter Road;"
     "Jawaharlal Nehru Marg;Sardar Patel Road;Hill Road;100 Feet Road;4th Cross Road;"
     "Station Road;Nungambakkam High Road",
  sp="{n}, {s};Flat {R}, {n} {s};No. {n}, {s};House No. {n}, {s};{n}/{n2}, {s};"
     "Flat {R}, {o} Main, {s}", pc="560 0##;400 0##;600 0##;110 0##;700 0##;5600##;4000##",
  cities="Bengaluru;Mumbai;Chennai;Kolkata;New Delhi;Hyderabad;Pune;Kochi;Jaipur",
  blk="{street}|{district}|{city} - {pc}", dist="Koramangala;Indiranagar;Bandra West;Adyar;"
  "Salt Lake;Jayanagar;Banjara Hills", tf=IN_TF, tm=IN_TM,
  dom="rediffmail.com;yahoo.co.in;gmail.com", lang="hi")
L("pk", "Pakistan", "Ayesha;Sana;Mahnoor;Hira;Fatima;Zainab", "Muhammad Usman;Bilal;Hamza;Imran;"
  "Asad;Faisal", "Khan;Tariq;Qureshi;Chaudhry;Malik;Butt;Siddiqui;Rana;Abbasi;Mirza;Hussain",
  "+92 300 #######;0300-#######;+92 42 ### #####;(042) ### #####;0321 #######",
  sn="Mall Road;Shahrah-e-Faisal;Jinnah Avenue;MM Alam Road;Tariq Road;Zamzama Boulevard;"
     "Murree Road;Khayaban-e-Ittehad", sp="{n} {s};House {n}, {s};Flat {R}, {s};Office {R}, {n} {s}",
  pc="54###;75###;44###", cities="Lahore;Karachi;Islamabad;Rawalpindi;Peshawar;Faisalabad",
  blk="{street}|{district}, {city} {pc}", dist="Gulberg III;DHA Phase 5;Clifton;Blue Area;"
  "Model Town", tf=EN_TF, tm=EN_TM, iban="PK", dom="yahoo.com;hotmail.com", lang="ur")
L("bd", "Bangladesh", "Tahmina;Nusrat;Farzana;Sadia;Rumana", "Rafiqul;Shakib;Tanvir;Mahmudul;"
  "Arif", "Akter;Hossain;Rahman;Islam;Chowdhury;Uddin;Sarkar;Talukder;Ahmed;Mazumder",
  "+880 17## ######;017##-######;+880 2 ### ####;01### ######",
  sn="Gulshan Avenue;Mirpur Road;Satmasjid Road;Kemal Ataturk Avenue;Green Road;Elephant Road",
  sp="{n} {s};House {n}, Road {n2};House {n}/{a}, Road {n2};Flat {a}{F}, House {n}, Road {n2}",
  pc="12##;13##", cities="Dhaka;Chattogram;Sylhet;Khulna", blk="{street}|{district}, {city}-{pc}",
  dist="Dhanmondi;Gulshan 2;Banani;Uttara;Mohammadpur", lang="bn")
L("lk", "Sri Lanka", "Dilrukshi;Nimali;Sanduni;Chamari;Ishara", "Dilshan;Kasun;Chaminda;Nuwan;"
  "Ruwan", "Perera;Fernando;Wickramasinghe;Jayasuriya;Bandara;Rajapaksha;Gunawardena;"
  "Senanayake;Dissanayake;de Silva",
  "+94 77 ### ####;077 ### ####;+94 11 ### ####;071-#######",
  sn="Galle Road;Duplication Road;Flower Road;Kandy Road;Havelock Road;Baseline Road;Ward Place",
  sp="{n} {s};No. {n}, {s};{n}/{n2} {s};{n}/{a}, {s}", pc="00###;20###;80###",
  cities="Colombo 03;Kandy;Galle;Negombo;Jaffna", blk="{street}|{city} {pc}", lang="si")
L("cn", "China", "Xiuying;Mei;Yuxin;Jing;Ziyi;Xiaohong;Huifang;Yanping",
  "Wei;Haoran;Zhiqiang;Jun;Yichen;Jianguo;Zihao;Bowen",
  "Wang;Li;Zhang;Liu;Chen;Yang;Huang;Zhao;Wu;Zhou;Xu;Sun;Ma;Zhu;Guo;Ouyang",
  "+86 138 #### ####;138 #### ####;+86 10 #### ####;(010) #### ####;139########;+86 21 %### ####",
  sn="Nanjing Road;Huaihai Middle Road;Jianguo Road;Chang'an Avenue;Zhongshan Road;Renmin Road;"
     "Tianhe Road;Wangfujing Street;Dongfeng East Road",
  sp="No. {N} {s};{N} {s};Room {R}, No. {N} {s};{s} No. {N}", pc="200###;100###;510###",
  cities="Shanghai;Beijing;Guangzhou;Shenzhen;Chengdu;Hangzhou",
  blk="{street}|{district}, {city} {pc}", dist="Jing'an District;Chaoyang District;"
  "Tianhe District;Xuhui District", order="e", dom="qq.com;163.com;126.com;sina.com", lang="zh")
L("jp", "Japan", "Yuki;Haruka;Aoi;Sakura;Miyu;Naomi;Emiko;Ayaka",
  "Hiroshi;Takeshi;Kenta;Daiki;Haruto;Shota;Kazuki;Ren",
  "Tanaka;Suzuki;Takahashi;Watanabe;Itō;Yamamoto;Nakamura;Kobayashi;Saitō;Matsumoto;Inoue;"
  "Kimura;Hayashi;Shimizu",
  "+81 3-####-####;090-####-####;03-####-####;+81 90 #### ####;080-####-####;06-####-####",
  order="e", post=("-san", "-san"), dom="yahoo.co.jp;docomo.ne.jp;ezweb.ne.jp", lang="ja")
L("kr", "South Korea", "Ji-yeon;Seo-yeon;Min-ji;Soo-ah;Ha-eun;Eun-ji;Yoon-seo",
  "Min-jun;Seo-jun;Ji-hoon;Hyun-woo;Dong-hyun;Jae-won;Sung-min",
  "Kim;Lee;Park;Choi;Jung;Kang;Cho;Yoon;Jang;Lim;Han;Shin",
  "+82 10-####-####;010-####-####;+82 2-###-####;02-%##-####;010 #### ####",
  sn="Teheran-ro;Sejong-daero;Gangnam-daero;Olympic-ro;Itaewon-ro;Hongik-ro;Toegye-ro;"
     "Haeundae-ro;Dongil-ro", sp="{N} {s};{s} {N};{N} {s}, Apt {R}", pc="0####;4####",
  cities="Seoul;Busan;Incheon;Daegu;Daejeon", blk="{street}|{district}, {city} {pc}",
  dist="Gangnam-gu;Mapo-gu;Jongno-gu;Haeundae-gu;Seocho-gu", order="e",
  dom="naver.com;daum.net;hanmail.net", lang="ko")
L("vn", "Vietnam", "Thị Mai;Thị Lan;Ngọc Anh;Thu Trang;Phương Linh;Thị Hương",
  "Văn Hùng;Minh Tuấn;Quốc Bảo;Đức Anh;Văn Nam;Hoàng Long",
  "Nguyễn;Trần;Lê;Phạm;Hoàng;Huỳnh;Phan;Vũ;Võ;Đặng;Bùi;Đỗ",
  "+84 90 ### ## ##;090 ### ####;+84 28 #### ####;0912 ### ###;+84 (24) #### ####",
  sn="Nguyễn Huệ;Lê Lợi;Đồng Khởi;Hai Bà Trưng;Trần Hưng Đạo;Lý Thường Kiệt;Điện Biên Phủ;"
     "Phạm Ngũ Lão;Hàng Bài", sp="{n} {s};{n} Đường {s};{n} {s} Street;{n}/{n2} {s};{n} Phố {s}",
  pc="700###;100###;550###", cities="Hà Nội;TP. Hồ Chí Minh;Đà Nẵng;Huế;Hải Phòng",
  blk="{street}|{district}, {city}", dist="Quận 1;Hoàn Kiếm;Quận 3;Ba Đình;Hải Châu",
  order="e", dom="gmail.com;yahoo.com.vn", lang="vi")
L("ph", "Philippines", "Maria Cristina;Rowena;Jocelyn;Marites;Princess;Angelica;Bea",
  "Rodel;Jericho;Mark Anthony;Rommel;Ferdinand;Jomar;Paolo",
  "dela Cruz;Santos;Reyes;Bautista;Ocampo;Garcia;Mendoza;Villanueva;Aquino;Macaraeg;"
  "Dimaculangan;Pangilinan;de Guzman",
  "+63 917 ### ####;0917 ### ####;(02) 8### ####;+63 2 8### ####;0998-###-####",
  sn="Ayala Avenue;Jupiter Street;Katipunan Avenue;Roxas Boulevard;Taft Avenue;Kalayaan Avenue;"
     "Mabini Street;Escolta Street;Osmeña Boulevard;Sampaguita St.",
  sp="{n} {s};Unit {R}, {n} {s};Blk {n2} Lot {n} {s};{n} {s}", pc="1###;6###;8###",
  cities="Makati City;Quezon City;Manila;Cebu City;Davao City;Pasig City",
  blk="{street}|{district}, {city} {pc}", dist="Poblacion;Bel-Air;Diliman;Barangay San Antonio;"
  "Lahug", dom="yahoo.com.ph;gmail.com", lang="tl")
L("id", "Indonesia", "Siti;Dewi;Putri;Ayu;Rina;Kartika", "Budi;Agus;Wahyudi;Eko;Rizky;Bambang",
  "Santoso;Wijaya;Susanto;Hidayat;Pratama;Nugroho;Saputra;Halim;Setiawan;Kurniawan;Sulistyo;"
  "Gunawan",
  "+62 812-####-####;0812-####-####;+62 21 #### ####;(021) %### ####;0813 #### ####",
  sn="Jl. Jenderal Sudirman;Jl. M.H. Thamrin;Jalan Malioboro;Jl. Gatot Subroto;Jalan Braga;"
     "Jl. Kemang Raya;Jl. Raya Ubud;Jl. Diponegoro;Jl. Pemuda",
  sp="{s} No. {n};{s} No.{n};{s} Kav. {n};{s} No. {n}{a}", pc="10###;12###;40###;55###;80###",
  cities="Jakarta Pusat;Jakarta Selatan;Bandung;Yogyakarta;Surabaya;Denpasar;Gianyar",
  blk="{street}|{city} {pc}", dom="yahoo.co.id;gmail.com", lang="id")
L("my", "Malaysia", "Nurul Izzah;Siti Aisyah;Mei Ling;Kavitha;Farah", "Ahmad Faizal;"
  "Muhammad Hafiz;Wei Jie;Ravi;Azlan", "Abdullah;Ismail;Tan;Lim;Wong;Ong;Rahman;Yusof;"
  "Subramaniam;Chong",
  "+60 12-### ####;012-### ####;+60 3-#### ####;03-%### ####;+60 19-### ####",
  sn="Jalan Bukit Bintang;Jalan Ampang;Jalan Tun Razak;Jalan Sultan Ismail;Lorong Kurau;"
     "Persiaran Gurney;Lebuh Chulia;Jalan Masjid India", sp="No. {n}, {s};{n}, {s};"
  "Unit {a}-{F}-{f}, {s};Lot {n}, {s}", pc="50###;47###;10###;80###",
  cities="Kuala Lumpur;Petaling Jaya;George Town;Johor Bahru;Ipoh;Kota Kinabalu",
  blk="{street}|{pc} {city}", dom="yahoo.com.my;gmail.com", lang="ms")
L("th", "Thailand", "Kanokwan;Siriporn;Nattaya;Ploy;Wanida;Pimchanok", "Somchai;Anan;Nattapong;"
  "Kittisak;Thanakorn;Prasert", "Jaidee;Srisuk;Saetang;Wongsawat;Chaiyaporn;Boonmee;Rattanakorn;"
  "Kaewmanee;Suksawat;Thongchai;Phromma;Sombat",
  "+66 8# ### ####;08#-###-####;+66 2 ### ####;02-###-####;09#-###-####",
  sn="Sukhumvit Road;Silom Road;Ratchadamri Road;Charoen Krung Road;Soi Sukhumvit 11;"
     "Nimmanhaemin Road;Rama IV Road;Thanon Phetchaburi;Soi Ari 4", sp="{n} {s};{n}/{n2} {s}",
  pc="10###;50###;83###", cities="Bangkok;Chiang Mai;Phuket;Khon Kaen;Pattaya",
  blk="{street}|{district}, {city} {pc}", dist="Khlong Toei;Bang Rak;Pathum Wan;Suthep;Watthana",
  dom="hotmail.co.th;gmail.com", lang="th")
L("ws", "Samoa", "Malia;Losa;Sina;Leilani;Fetu", "Sione;Tavita;Ioane;Sefo;Pita",
  "Tuilagi;Faleolo;Leota;Fonoti;Sapolu;Tuiasosopo;Aiono;Masoe;Tago", "+685 7######;+685 2####",
  lang="en")
L("jm", "Jamaica", "Shanique;Tamika;Kerry-Ann;Nadine;Sashana", "Andre;Kemar;Dwayne;Romaine;"
  "Shamar", "Campbell;Brown;Clarke;McFarlane;Thompson;Reid;Bailey;Grant;Morgan;Powell;Facey;"
  "Blake", "+1 876 %##-####;(876) %##-####;876-%##-####",
  sn="Hope Road;Constant Spring Road;Half Way Tree Road;Knutsford Boulevard;Harbour Street;"
     "Orange Street;Red Hills Road;Barbican Road", sp="{n} {s};{n}{a} {s};Apt {f}, {n} {s}",
  pc="", cities="Kingston 10;Kingston 6;Montego Bay;Ocho Rios;Mandeville",
  blk="{street}|{city}", lang="en")

ALL_LOC = list(LOCALES)
STREET_LOC = [c for c in ALL_LOC if LOCALES[c]["sn"]]
IBAN_LOC = [c for c in ALL_LOC if LOCALES[c]["iban"]]
EN_LOC = ["gb", "us", "ie", "au", "nz", "ca", "ng", "ke", "za", "gh", "in", "jm", "ph", "sg"]
EN_LOC = [c for c in EN_LOC if c in LOCALES]

GLOBAL_DOM = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me",
              "protonmail.com", "fastmail.com", "aol.com", "live.com", "msn.com", "zoho.com"]


# ----------------------------------------------------------------------------------------------
# People
# ----------------------------------------------------------------------------------------------
VOW = set("aeiouyäöüéèáíóúàâêîôûåæøœāēīōūıãõ")
FOLD = {"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L", "đ": "d",
        "Đ": "D", "ı": "i", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "œ": "oe"}


def fold(s):
    s = "".join(FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def blend(a, b):
    """Invent a plausible name from the head of one real name and the tail of another."""
    if not (a.isalpha() and b.isalpha()) or len(a) < 4 or len(b) < 4:
        return None
    ia = [i + 1 for i, c in enumerate(a) if c.lower() in VOW and 2 <= i + 1 <= len(a) - 2]
    ib = [i for i, c in enumerate(b) if c.lower() not in VOW and 1 <= i <= len(b) - 2
          and b[i - 1].lower() in VOW]
    if not ia or not ib:
        return None
    out = a[:pick(ia)] + b[pick(ib):]
    if not 4 <= len(out) <= 13 or out.lower() in (a.lower(), b.lower()):
        return None
    return out


def inflect_f(loc, s):
    if loc == "pl":
        for a, b in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
            if s.endswith(a):
                return s[:-len(a)] + b
    if loc == "cz":
        if s.endswith("ý"):
            return s[:-1] + "á"
        if s.endswith("ec"):
            return s[:-2] + "cová"
        if s.endswith("a"):
            return s[:-1] + "ová"
        return s + "ová"
    if loc == "gr":
        if s.endswith("os"):
            return s[:-2] + "ou"
        if s.endswith("is"):
            return s[:-2] + "i"
        if s.endswith("as"):
            return s[:-2] + "a"
    if loc == "ru" and s.endswith(("ov", "ev", "in")):
        return s + "a"
    return s


RU_PAT = {"m": ["Sergeyevich", "Ivanovich", "Nikolayevich", "Alexandrovich", "Petrovich",
                "Mikhailovich", "Andreyevich"],
          "f": ["Sergeyevna", "Ivanovna", "Nikolayevna", "Alexandrovna", "Petrovna",
                "Mikhailovna", "Dmitriyevna"]}
ALL_GIVEN = set()
ALL_SUR = set()
for _L in LOCALES.values():
    ALL_GIVEN.update(_L["gf"] + _L["gm"])
    ALL_SUR.update(_L["sur"] + (_L["surf"] or []))


class Person:
    def __init__(self, loc=None, gender=None):
        self.loc = loc = loc or pick(ALL_LOC)
        Lc = self.L = LOCALES[loc]
        self.g = gender or pick("fm")
        gl = Lc["gf"] if self.g == "f" else Lc["gm"]
        given = pick(gl)
        self.invented = False
        if chance(0.16):
            x = blend(pick(gl), pick(gl))
            if x and x not in ALL_GIVEN:
                given, self.invented = x, True
        if Lc["surf"] and self.g == "f":
            sur = pick(Lc["surf"])
        else:
            sur = pick(Lc["sur"])
        if chance(0.21):
            x = blend(pick(Lc["sur"]), pick(Lc["sur"]))
            if x and x not in ALL_SUR:
                sur, self.invented = x, True
        if self.g == "f":
            sur = inflect_f(loc, sur)
        self.middle = ""
        if loc in ("es", "mx", "co", "cl") and chance(0.6):
            s2 = pick(Lc["sur"])
            if s2 != sur:
                sur = sur + (" " if chance(0.9) else "-") + s2
        elif loc in ("pt", "br") and chance(0.55):
            s2 = pick(Lc["sur"])
            if s2 != sur:
                prt = ("dos " if s2 in ("Santos", "Reis", "Anjos") else
                       "da " if s2.endswith("a") else "de ")
                sur = pick([prt, "", "", s2 + " e "]) + (s2 + " " if chance(0.99) else "") + sur
                sur = sur.replace(s2 + " e " + s2 + " ", s2 + " e ", 1)
        elif loc == "ru" and chance(0.4):
            self.middle = pick(RU_PAT[self.g])
        elif loc in ("ae", "sa") and chance(0.4):
            self.middle = ("bin " if self.g == "m" else "bint ") + pick(Lc["gm"])
        elif loc == "my" and given in ("Nurul Izzah", "Siti Aisyah", "Farah", "Ahmad Faizal",
                                      "Muhammad Hafiz", "Azlan"):
            sur = ("bin " if self.g == "m" else "binti ") + pick(["Abdullah", "Ismail", "Yusof",
                                                                  "Rahman", "Hashim", "Osman"])
        elif loc == "my" and given in ("Mei Ling", "Wei Jie"):
            sur = pick(["Tan", "Lim", "Wong", "Ong", "Chong"])
        elif loc in ("gb", "us", "au", "ca", "nz", "de", "nl", "jm", "za") and chance(0.12):
            self.middle = pick("ABCDEFGHJKLMNPRSTW") + "."
        if loc == "id" and chance(0.25):
            sur = ""
        self.given, self.sur = given, sur
        self.east = Lc["order"] == "e" and (loc in ("vn", "hu") or chance(0.55))

    # --- renderings (all are single person spans) ---
    def full(self):
        if not self.sur:
            return self.given
        if self.east:
            return "%s %s" % (self.sur, self.given)
        return " ".join(x for x in (self.given, self.middle, self.sur) if x)

    def short(self):  # how a colleague refers to them
        return self.given if not self.east else self.full()

    def surname(self):
        return self.sur or self.given

    def inv(self, caps=False):
        if not self.sur or self.sur.startswith(("bin ", "binti ")):
            return self.full().upper() if caps else self.full()
        s = self.sur.upper() if caps else self.sur
        return "%s, %s" % (s, " ".join(x for x in (self.given, self.middle) if x))

    def caps(self):
        if not self.sur or self.sur.startswith(("bin ", "binti ")):
            return self.full().upper()
        return "%s %s" % (self.sur.upper(), self.given)

    def initials(self):
        if not self.sur or self.loc in ("kr", "my", "ae", "sa", "vn", "id"):
            return self.full()
        parts = re.split(r"([ -])", self.given)
        ini = "".join(p[0] + "." if p not in (" ", "-") else p for p in parts)
        return "%s %s" % (ini, self.sur)

    def name(self, style):
        return {"full": self.full, "given": lambda: self.given, "sur": self.surname,
                "inv": self.inv, "INV": lambda: self.inv(True), "caps": self.caps,
                "init": self.initials, "lower": lambda: self.full().lower(),
                "lgiven": lambda: self.given.lower(), "upper": lambda: self.full().upper(),
                "short": self.short}[style]()

    def title(self):
        return pick(self.L["tf"] if self.g == "f" else self.L["tm"])

    def formal(self, full=False):
        """Title + surname (or full name) as pieces; post-positioned titles where customary."""
        nm = self.full() if (full or not self.sur or self.loc in ("cn", "kr", "vn")) \
            else self.surname()
        post = self.L["post"]
        if post and (self.loc == "jp" or chance(0.5)):
            t = post[0] if self.g == "f" else post[1]
            if self.loc == "tr":
                return [P(self.given if not full else self.full()), " " + t]
            return [P(nm), t]
        return [self.title() + " ", P(nm)]

    def email(self, dom=None):
        g = re.sub(r"[^a-z]", "", fold(self.given.split()[0]).lower())
        s = re.sub(r"[^a-z]", "", fold((self.sur or self.given).split()[-1]).lower())
        local = pick([g + "." + s, g[0] + s, g + s + str(ri(1, 99)), s + "." + g, g + "_" + s,
                      g + str(ri(1970, 2006)), g + "." + s[0], s + g[0], g + "-" + s,
                      g + "." + s + "+" + pick(["shop", "news", "work", "cv"])])
        dom = dom or pick(self.L["dom"] + GLOBAL_DOM if self.L["dom"] else GLOBAL_DOM)
        return local + "@" + dom


# ----------------------------------------------------------------------------------------------
# Phones, streets, address blocks
# ----------------------------------------------------------------------------------------------
def digits_pattern(p):
    out = []
    for c in p:
        if c == "#":
            out.append(str(ri(0, 9)))
        elif c == "%":
            out.append(str(ri(2, 9)))
        elif c == "@":
            out.append(pick("ABCDEFGHJKLMNPRSTUVWXY"))
        else:
            out.append(c)
    return "".join(out)


def phone(loc=None, intl=None):
    Lc = LOCALES[loc or pick(ALL_LOC)]
    pats = Lc["ph"]
    if intl is True:
        pats = [p for p in pats if p.startswith("+")] or pats
    elif intl is False:
        pats = [p for p in pats if not p.startswith("+")] or pats
    v = digits_pattern(pick(pats))
    if v.startswith("+") and "(0)" not in v and chance(0.08):
        v = "+" + re.sub(r"\D", "", v)
    return v


def ordinal(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


def street(loc):
    Lc = LOCALES[loc]
    while True:
        pat = pick(Lc["sp"])
        s = pick(Lc["sn"])
        if s.endswith("-") and "hof" in pat:
            continue
        break
    t = pick(Lc["stt"])
    if s.endswith("-"):
        t = t[0].upper() + t[1:]
    if loc == "fr" and chance(0.35):
        s = s[0].upper() + s[1:]
    if loc == "es":
        if s.startswith("Calle ") and chance(0.25):
            s = "C/ " + s[6:]
        elif s.startswith("Avenida ") and chance(0.4):
            s = "Avda. " + s[8:]
    vals = {"n": lambda: str(ri(1, 199)), "N": lambda: str(ri(10, 2999)),
            "a": lambda: pick("ABCD"), "al": lambda: pick("abc"), "f": lambda: str(ri(1, 40)),
            "F": lambda: str(ri(1, 12)), "R": lambda: str(ri(1, 28)) + "%02d" % ri(1, 30),
            "s": lambda: s, "t": lambda: t, "d": lambda: pick(["N", "S", "E", "W", "NE", "SW"]),
            "o": lambda: ordinal(ri(1, 120)), "g": lambda: str(ri(1, 4)),
            "n2": lambda: str(ri(2, 99)), "n3": lambda: str(ri(1, 99)),
            "L": lambda: pick(["A", "B", "C", "D", "izda.", "dcha.", "izq."])}
    out = re.sub(r"\{([A-Za-z][A-Za-z0-9]*)\}", lambda m: vals[m.group(1)](), pat)
    return re.sub(r"\s+", " ", out).strip()


def city_piece(city, negp=0.6):
    """City as pieces: the bare city name is sometimes listed as a negative."""
    m = re.match(r"^([A-ZÀ-Ýa-zà-ÿĀ-žİıŞşĞğ'.\- ]+?)((?:,| -| \(| [A-Z]{2,3}$| \d+$).*)?$", city)
    if m and chance(negp) and len(m.group(1)) >= 4:
        return [N(m.group(1)), m.group(2) or ""]
    return [city]


def address(d, loc, sep="\n", country=None, negp=0.6, st=None, prefix=""):
    """Append a postal block for loc; the street line is the only labelled span."""
    Lc = LOCALES[loc]
    st = st or street(loc)
    parts = re.split(r"(\{street\}|\{pc\}|\{city\}|\{district\}|\|)", Lc["blk"])
    d.t(prefix)
    for p in parts:
        if p == "{street}":
            d.add(S(st))
        elif p == "{pc}":
            pc = digits_pattern(pick(Lc["pc"]))
            d.add(N(pc) if chance(negp + 0.15) and len(pc) >= 3 else pc)
        elif p == "{city}":
            d.add(city_piece(pick(Lc["cities"]), negp))
        elif p == "{district}":
            dist = pick(Lc["dist"]) if Lc["dist"] else ""
            d.add(N(dist) if dist and chance(negp * 0.7) else dist)
        elif p == "|":
            d.t(sep)
        else:
            d.t(p)
    if country is True or (country is None and chance(0.3)):
        c = Lc["country"]
        d.t(sep)
        d.add(N(c) if chance(0.3) and "/" not in c else c)
    return st


# ----------------------------------------------------------------------------------------------
# Cards, IBANs, IPs, URLs
# ----------------------------------------------------------------------------------------------
CARD_PREFIX = {
    "visa": (["4", "4", "41", "45", "49", "4539", "4916"], [16, 16, 16, 16, 13, 19]),
    "mastercard": (["51", "52", "53", "54", "55", "2221", "2298", "2345", "2500", "2671",
                    "2720"], [16]),
    "amex": (["34", "37"], [15]),
    "discover": (["6011", "644", "645", "649", "65"], [16]),
    "diners": (["300", "305", "36", "38"], [14]),
    "jcb": (["3528", "3530", "3566", "3589"], [16]),
    "unionpay": (["62", "6212", "6250"], [16, 16, 19]),
    "maestro": (["5018", "5020", "5038", "6304", "6759", "6761"], [16, 19]),
    "mir": (["2200", "2201", "2202", "2204"], [16]),
    "troy": (["9792"], [16]),
    "verve": (["506099", "506124", "506150", "650002", "650027"], [16, 19]),
    "rupay": (["508", "6521", "6522"], [16]),
}
LOC_BRAND = {"ru": "mir", "tr": "troy", "ng": "verve", "in": "rupay", "cn": "unionpay",
             "jp": "jcb", "gb": "maestro", "be": "maestro"}
BRAND_W = ["visa"] * 6 + ["mastercard"] * 5 + ["amex"] * 2 + ["discover", "diners", "jcb",
                                                              "unionpay", "maestro"]


def luhn_complete(prefix, length):
    body = prefix + "".join(str(ri(0, 9)) for _ in range(length - len(prefix) - 1))
    for c in "0123456789":
        if luhn_sum(body + c) == 0:
            return body + c


def group(ds, sizes, sep):
    out, i = [], 0
    for s in sizes:
        out.append(ds[i:i + s])
        i += s
    if i < len(ds):
        out.append(ds[i:])
    return sep.join(x for x in out if x)


def card(loc=None, brand=None, sep=None):
    if not brand:
        brand = LOC_BRAND.get(loc) if loc in LOC_BRAND and chance(0.45) else pick(BRAND_W)
    pre, lens = CARD_PREFIX[brand]
    num = luhn_complete(pick(pre), pick(lens))
    assert card_brand(num) is not None, (brand, num)
    if sep is None:
        sep = pick([" ", " ", " ", "-", ""])
    n = len(num)
    if n == 15:
        return group(num, [4, 6, 5], sep)
    if n == 14:
        return group(num, [4, 6, 4], sep)
    if n == 13:
        return group(num, [4, 4, 5], sep) if sep else num
    return group(num, [4, 4, 4, 4, 4], sep)


def bad_card():
    while True:
        num = pick(["4", "5", "4", "37", "6"]) + "".join(str(ri(0, 9)) for _ in range(15))
        num = num[:16]
        if luhn_sum(num) != 0:
            return group(num, [4, 4, 4, 4], pick([" ", " ", "-", ""]))


def iban(cc=None, grouped=None):
    cc = cc or pick(list(IBAN_SPEC))
    bban = []
    for c in IBAN_SPEC[cc]:
        if c == "n":
            bban.append(str(ri(0, 9)))
        elif c == "a":
            bban.append(pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        elif c == "c":
            bban.append(str(ri(0, 9)) if chance(0.8) else pick("ABCDEFGHJKLMNPRSTUVWXYZ"))
        else:
            bban.append(c)
    bban = "".join(bban)
    chk = 98 - iban_mod97(cc + "00" + bban)
    s = "%s%02d%s" % (cc, chk, bban)
    assert iban_mod97(s) == 1
    if grouped is None:
        grouped = chance(0.6)
    return group(s, [4] * 9, " ") if grouped else s


def bad_iban(cc=None):
    good = iban(cc, grouped=chance(0.5))
    while True:
        i = ri(4, len(good) - 1)
        if not good[i].isdigit():
            continue
        bad = good[:i] + str((int(good[i]) + ri(1, 9)) % 10) + good[i + 1:]
        if not iban_ok(bad):
            return bad


def ipv4(kind=None):
    k = kind or pick(["priv", "priv", "pub", "pub", "pub", "doc", "cgn"])
    if k == "priv":
        return pick(["10.%d.%d.%d" % (ri(0, 255), ri(0, 255), ri(1, 254)),
                     "192.168.%d.%d" % (ri(0, 20), ri(1, 254)),
                     "172.%d.%d.%d" % (ri(16, 31), ri(0, 255), ri(1, 254))])
    if k == "doc":
        return pick(["192.0.2.", "198.51.100.", "203.0.113."]) + str(ri(1, 254))
    if k == "cgn":
        return "100.%d.%d.%d" % (ri(64, 127), ri(0, 255), ri(1, 254))
    while True:
        a = ri(1, 223)
        if a not in (10, 127, 100, 169, 172, 192):
            return "%d.%d.%d.%d" % (a, ri(0, 255), ri(0, 255), ri(1, 254))


def ipv6(kind=None):
    k = kind or pick(["doc", "doc", "glob", "ll", "full", "loop", "ula", "mapped"])
    h = lambda: "%x" % ri(0, 0xffff)
    if k == "loop":
        return "::1"
    if k == "ll":
        return "fe80::%s:%s:%s:%s" % (h(), h(), h(), h())
    if k == "mapped":
        return "::ffff:" + ipv4("pub")
    if k == "ula":
        return str(ipaddress.IPv6Address("fd%02x:%s:%s::%s" % (ri(0, 255), h(), h(), h())))
    pre = "2001:db8" if k == "doc" else pick(["2a02:8108", "2001:16b8", "2600:1700",
                                              "2406:da18", "2c0f:fe38", "2804:14c"])
    a = ipaddress.IPv6Address("%s:%s:%s:%s:%s:%s:%s" % (pre, h(), h(), "0", "0", h(), h()))
    return a.exploded if k == "full" else str(a)


def ip(v6=None):
    return ipv6() if (v6 if v6 is not None else chance(0.3)) else ipv4()


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", fold(s).lower()).strip("-")


TLD = {"gb": "co.uk", "us": "com", "ie": "ie", "au": "com.au", "nz": "co.nz", "ca": "ca",
       "qc": "ca", "de": "de", "at": "at", "ch": "ch", "fr": "fr", "be": "be", "nl": "nl",
       "es": "es", "pt": "pt", "it": "it", "pl": "pl", "cz": "cz", "se": "se", "no": "no",
       "dk": "dk", "fi": "fi", "gr": "gr", "tr": "com.tr", "ru": "ru", "ua": "com.ua",
       "ro": "ro", "hu": "hu", "is": "is", "br": "com.br", "mx": "com.mx", "ar": "com.ar",
       "co": "com.co", "cl": "cl", "ng": "com.ng", "ke": "co.ke", "za": "co.za", "gh": "com.gh",
       "et": "et", "eg": "com.eg", "ma": "ma", "ae": "ae", "sa": "sa", "il": "co.il",
       "ir": "ir", "in": "in", "pk": "pk", "bd": "com.bd", "lk": "lk", "cn": "cn", "jp": "jp",
       "kr": "kr", "vn": "vn", "ph": "ph", "id": "co.id", "my": "com.my", "th": "co.th",
       "ws": "ws", "jm": "com.jm"}

COMPANIES = ("Kestrel Analytics;Brightwater Logistics;Halvard Marine;Ndovu Freight;Sunda Kopi "
             "Roasters;Vetra Sistemas;Copperleaf Dental;Nordlys Energi;Bellweather Insurance;"
             "Tamarind Health;Orchid Lane Weddings;Quillon Legal;Pinecrest Property Management;"
             "Atlas Removals;Meridian Freight Forwarding;Bluefin Travel;Harbourside Physio;"
             "Kiwi Hollow Vets;Baobab Microfinance;Savanna Telecom;Tejo Imobiliária;"
             "Rheinblick Hausverwaltung;Fjordlys Bygg;Pampa Seguros;Andes Cargo;Marigold Catering;"
             "Lotus Bay Hotel;Jade Harbour Trading;Cedar & Sage Interiors;Polder Verhuur;"
             "Zephyr Cloud;Nimbus Hosting;Hexaplane Software;Corvid Security;Tidewater Clinic;"
             "Sahel Solar;Monsoon Textiles;Cobalt Ridge Mining;Gondwana Tours;Azimuth Surveying;"
             "Lindenhof Pflegedienst;Maison Verdier;Casa Almendro;Kauri Coast Realty;"
             "Blue Nile Pharma;Oasis Dates Co;Saffron Route Imports;Tallgrass Credit Union;"
             "Ironbark Constructions;Mistral Yachting;Sakura Lane Bakery;Hanok Stay").split(";")


def company():
    return pick(COMPANIES)


def cdomain(name=None, loc=None):
    name = name or company()
    base = slug(name)
    if chance(0.5):
        base = base.replace("-", "")
    return base + "." + (TLD.get(loc) if loc and chance(0.7) else pick(["com", "io", "net",
                                                                         "org", "co"]))


def tok(n, alpha="abcdefghijkmnpqrstuvwxyz0123456789"):
    return "".join(pick(alpha) for _ in range(n))


def url(loc=None, p=None, kind=None):
    k = kind or pick(["site", "site", "path", "www", "query", "github", "linkedin", "docs",
                      "maps", "zoom", "port", "ipurl", "airbnb", "wa", "cal", "http", "drive",
                      "tg", "form"])
    dom = cdomain(loc=loc)
    if k == "site":
        return ("https://www.%s/%s" % (dom, pick(["", "kontakt", "about-us", "en/contact",
                                                   "careers/apply", "booking"]))).rstrip("/")
    if k == "path":
        return "https://%s/%s/%s-%d" % (dom, pick(["blog", "listing", "p", "events", "news"]),
                                        slug(pick(["spring open day", "two bed flat", "notice",
                                                   "summer fete", "recall", "menu"])), ri(2, 9999))
    if k == "www":
        return ("www.%s%s" % (dom, pick(["", "/", "/shop", "/rsvp", "/fr/accueil", "/join"]))
                ).rstrip("/")
    if k == "query":
        return "https://%s/track?id=%s&lang=%s" % (dom, tok(10), pick(["en", "de", "pt-BR", "sw"]))
    if k == "github":
        return "https://github.com/%s/%s/issues/%d" % (tok(7, "abcdefghklmnoprstuvw"),
                                                       pick(["billing-api", "crm-sync",
                                                             "shopfront", "infra"]), ri(2, 4000))
    if k == "linkedin":
        nm = slug(p.full()) if p else tok(8)
        return "https://www.linkedin.com/in/%s-%s" % (nm, tok(6, "0123456789abcdef"))
    if k == "docs":
        return "https://docs.google.com/spreadsheets/d/%s/edit#gid=0" % tok(
            28, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
    if k == "maps":
        return "https://maps.google.com/?q=%.5f,%.5f" % (R.uniform(-40, 60), R.uniform(-120, 150))
    if k == "zoom":
        return "https://us02web.zoom.us/j/%d?pwd=%s" % (ri(10 ** 9, 10 ** 10), tok(16))
    if k == "port":
        return "https://%s.%s:%d/admin/login" % (pick(["portal", "intranet", "crm", "vpn"]), dom,
                                                 pick([8443, 8080, 9000, 3000]))
    if k == "ipurl":
        return "http://%s/%s" % (ipv4("priv"), pick(["setup.cgi", "admin", "status.html"]))
    if k == "airbnb":
        return "https://www.airbnb.com/rooms/%d" % ri(10 ** 7, 10 ** 9)
    if k == "wa":
        return "https://wa.me/%d" % ri(10 ** 10, 10 ** 12)
    if k == "cal":
        return "https://calendly.com/%s/30min" % (slug(p.full()) if p else tok(8))
    if k == "http":
        return "http://%s/index.php?page=%s" % (dom, pick(["contact", "home", "rsvp", "gallery"]))
    if k == "drive":
        return "https://drive.google.com/file/d/%s/view" % tok(
            25, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    if k == "tg":
        return "https://t.me/%s" % tok(9, "abcdefghijklmnopqrstuvwxyz_")
    return "https://forms.gle/%s" % tok(17, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789")


# ----------------------------------------------------------------------------------------------
# Hard negatives (each returns a string that must not be labelled)
# ----------------------------------------------------------------------------------------------
MONTHS = {"en": "January February March April May June July August September October November "
                "December", "de": "Januar Februar März April Mai Juni Juli August September "
                                  "Oktober November Dezember",
          "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
                "décembre", "es": "enero febrero marzo abril mayo junio julio agosto septiembre "
                                  "octubre noviembre diciembre",
          "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
                "dezembro", "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto "
                                  "settembre ottobre novembre dicembre",
          "nl": "januari februari maart april mei juni juli augustus september oktober november "
                "december"}
WEEKDAYS = {"en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
            "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
            "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
            "es": "lunes martes miércoles jueves viernes sábado domingo",
            "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
            "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
            "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"}


def lang_of(loc):
    lg = LOCALES[loc]["lang"] if loc else "en"
    return lg if lg in MONTHS else "en"


def n_date(loc=None):
    lg = lang_of(loc)
    y, m, d = ri(1998, 2026), ri(1, 12), ri(1, 28)
    mn = MONTHS[lg].split()[m - 1]
    f = pick(["dmy.", "iso", "mdy/", "dmy/", "long", "short", "dmy-"])
    if f == "dmy.":
        return "%02d.%02d.%d" % (d, m, y)
    if f == "iso":
        return "%d-%02d-%02d" % (y, m, d)
    if f == "mdy/":
        return "%02d/%02d/%d" % (m, d, y)
    if f == "dmy/":
        return "%d/%d/%02d" % (d, m, y % 100)
    if f == "dmy-":
        return "%02d-%s-%d" % (d, MONTHS["en"].split()[m - 1][:3], y)
    if f == "short":
        return "%d %s %d" % (d, mn[:3].capitalize() if lg == "en" else mn, y)
    if lg == "en":
        return pick(["%s %d, %d" % (mn, d, y), "%d %s %d" % (d, mn, y)])
    if lg == "de":
        return "%d. %s %d" % (d, mn, y)
    if lg in ("es", "pt"):
        return "%d de %s de %d" % (d, mn, y)
    return "%d %s %d" % (d, mn, y)


def n_time():
    h, m = ri(0, 23), pick([0, 5, 10, 15, 20, 30, 40, 45, 50, 55])
    return pick(["%02d:%02d" % (h, m), "%d:%02d %s" % (h % 12 or 12, m, pick(["am", "pm", "AM",
                                                                            "PM"])),
                 "%02dh%02d" % (h, m), "%02d:%02d:%02d" % (h, m, ri(0, 59)),
                 "%02d:%02d %s" % (h, m, pick(["CET", "UTC", "EAT", "IST", "BRT", "AEST", "GMT"]))])


def hms():
    return "%02d:%02d:%02d" % (ri(0, 23), ri(0, 59), ri(0, 59))


def n_version():
    a, b, c = ri(0, 24), ri(0, 40), ri(0, 30)
    return pick(["v%d.%d.%d" % (a, b, c), "%d.%d.%d-rc.%d" % (a, b, c, ri(1, 4)),
                 "Chrome/%d.0.%d.%d" % (ri(100, 131), ri(5000, 6999), ri(10, 200)),
                 "iOS %d.%d.%d" % (ri(15, 18), ri(0, 6), ri(1, 3)),
                 "Python %d.%d.%d" % (3, ri(8, 13), ri(0, 12)),
                 "build 10.0.%d.%d" % (ri(19041, 26100), ri(1000, 4999)),
                 "Android %d" % ri(10, 15), "node v%d.%d.%d" % (ri(16, 22), ri(0, 19), ri(0, 9)),
                 "OpenSSL 3.%d.%d" % (ri(0, 3), ri(1, 15)), "nginx/1.%d.%d" % (ri(18, 27), ri(0, 3)),
                 "%d.%d.%d.%d" % (ri(1, 9), ri(0, 20), ri(256, 9999), ri(0, 99))])


def n_order():
    return pick(["ORD-%d-%06d" % (ri(2019, 2026), ri(0, 999999)), "#A%d-%06d" % (ri(1, 9),
                                                                               ri(0, 999999)),
                 "PO %d" % ri(4500000000, 4599999999), "SO-%05d" % ri(0, 99999),
                 "%03d-%07d-%07d" % (ri(100, 999), ri(0, 9999999), ri(0, 9999999)),
                 "WO-%s-%04d" % (tok(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(0, 9999)),
                 "Bestellnr. %d" % ri(10 ** 8, 10 ** 9)])


def n_invoice():
    return pick(["INV-%d/%05d" % (ri(2020, 2026), ri(0, 99999)), "FA-%d-%04d" % (ri(2020, 2026),
                                                                               ri(0, 9999)),
                 "RE%d%05d" % (ri(20, 26), ri(0, 99999)), "NF-e %09d" % ri(0, 10 ** 9),
                 "Factura %s-%06d" % (pick("ABF"), ri(0, 999999)), "TAX-INV %d" % ri(10000, 99999)])


def n_ticket():
    return pick(["%s-%d" % (pick(["PAY", "CRM", "OPS", "HR", "WEB", "SEC"]), ri(10, 9999)),
                 "INC%07d" % ri(0, 9999999), "CS-%05d" % ri(0, 99999), "#%d" % ri(1000, 99999),
                 "SR 1-%07d" % ri(0, 9999999), "REQ%06d" % ri(0, 999999),
                 "Case %s%d" % (tok(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(100000, 999999))])


def n_tracking():
    return pick(["1Z%s%s%08d" % (tok(6, "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"), "03", ri(0, 10 ** 8 - 1)),
                 "%s%09d%s" % (pick(["RR", "CP", "LX", "EE", "RB"]), ri(0, 10 ** 9 - 1),
                               pick(["DE", "CN", "GB", "NL", "BR", "IN", "KE"])),
                 "JJD%015d" % ri(0, 10 ** 15 - 1), "%012d" % ri(10 ** 11, 10 ** 12 - 1),
                 "9400 1%03d %04d %04d %04d %02d" % (ri(0, 999), ri(0, 9999), ri(0, 9999),
                                                    ri(0, 9999), ri(0, 99))])


def n_isbn():
    body = pick(["978", "979"]) + "".join(str(ri(0, 9)) for _ in range(9))
    chk = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    s = body + str(chk)
    return pick(["%s-%s-%s-%s-%s" % (s[:3], s[3], s[4:8], s[8:12], s[12]), s,
                 "ISBN %s-%s-%s-%s-%s" % (s[:3], s[3:5], s[5:9], s[9:12], s[12])])


def n_hash():
    h = "".join(pick("0123456789abcdef") for _ in range(40))
    return pick([h, h[:7], h[:12]])


def n_uuid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


CUR = {"gb": "£%s", "us": "$%s", "ie": "€%s", "au": "A$%s", "nz": "NZ$%s", "ca": "CA$%s",
       "de": "%s €", "at": "€ %s", "ch": "CHF %s", "fr": "%s €", "es": "%s €", "it": "€ %s",
       "nl": "€ %s", "pl": "%s zł", "cz": "%s Kč", "se": "%s kr", "no": "kr %s", "dk": "%s kr.",
       "br": "R$ %s", "mx": "MXN %s", "ar": "ARS %s", "co": "COP %s", "ng": "₦%s",
       "ke": "KES %s", "za": "R %s", "gh": "GH₵%s", "eg": "EGP %s", "ae": "AED %s",
       "sa": "SAR %s", "il": "₪%s", "in": "₹%s", "pk": "Rs. %s", "bd": "৳%s", "cn": "¥%s",
       "jp": "¥%s", "kr": "₩%s", "vn": "%s ₫", "ph": "₱%s", "id": "Rp %s", "my": "RM %s",
       "th": "฿%s", "tr": "%s TL", "ru": "%s ₽", "hu": "%s Ft", "ro": "%s lei"}


def n_price(loc=None):
    amt = R.uniform(2, 4000)
    lg = LOCALES[loc]["lang"] if loc else "en"
    if lg in ("de", "fr", "es", "pt", "it", "nl", "pl", "cs", "sv", "no", "da", "ru", "tr",
              "ro", "hu", "vi", "id"):
        s = "{:,.2f}".format(amt).replace(",", "X").replace(".", ",").replace("X", ".")
    else:
        s = "{:,.2f}".format(amt)
    return (CUR.get(loc, "USD %s")) % s


def n_pct():
    return pick(["%d%%" % ri(1, 99), "%.1f %%" % R.uniform(0.1, 99), "%d,%d %%" % (ri(0, 40),
                                                                                ri(1, 9)),
                 "-%d%%" % ri(5, 70)])


def n_measure():
    return pick(["%d cm" % ri(40, 210), "%.1f kg" % R.uniform(0.2, 95), "%d m²" % ri(18, 240),
                 "%.1f TB" % R.uniform(0.5, 16), "%d mg" % pick([5, 10, 20, 50, 250, 500]),
                 "%d ml" % pick([5, 100, 250, 330, 750]), "%d km" % ri(2, 900),
                 "%d × %d × %d mm" % (ri(10, 600), ri(10, 600), ri(5, 300)),
                 "%.1f °C" % R.uniform(35.5, 40.5), "%d kWh" % ri(50, 900),
                 "%d\"" % pick([13, 14, 15, 27, 32, 55])])


def n_postcode(loc):
    pats = [p for p in LOCALES[loc]["pc"] if p]
    return digits_pattern(pick(pats)) if pats else digits_pattern("#####")


def n_sku():
    return pick(["SKU-%05d-%s" % (ri(0, 99999), pick(["BLK", "WHT", "XL", "M", "RED"])),
                 "WH-1000XM%d" % ri(3, 6), "MPN 90NB0%s-M%05d" % (tok(3, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"), ri(0, 99999)),
                 "B0%s" % tok(8, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"),
                 "EAN %d" % ri(4000000000000, 4099999999999), "REF %d-%s" % (ri(100, 9999),
                                                                           tok(2, "ABCDEFGH")),
                 "Art.-Nr. %d-%d" % (ri(10000, 99999), ri(1, 9)),
                 "%s-%d%s" % (tok(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(100, 999), pick(["", "A", "B"]))])


def n_path():
    return pick(["/var/log/nginx/access.log", "C:\\Users\\Public\\Documents\\scan_%04d.pdf" % ri(0, 9999),
                 "~/Downloads/IMG_%04d.HEIC" % ri(0, 9999), "./src/components/CheckoutForm.tsx",
                 "/etc/ssh/sshd_config", "D:\\Backups\\2024\\export_%d.csv" % ri(1, 99),
                 "/home/deploy/app/releases/%d/config.yml" % ri(100, 999),
                 "s3://invoices-archive/%d/%02d/" % (ri(2020, 2025), ri(1, 12)),
                 "\\\\fileserver\\hr\\onboarding\\checklist.docx", "/tmp/upload_%s.tmp" % tok(6)])


def n_hex():
    return "#%06X" % ri(0, 0xFFFFFF) if chance(0.6) else "#%06x" % ri(0, 0xFFFFFF)


def n_mac():
    b = [ri(0, 255) for _ in range(6)]
    sep = pick([":", "-"])
    s = sep.join("%02x" % x for x in b)
    return s.upper() if chance(0.5) else s


def n_coord():
    la, lo = R.uniform(-45, 65), R.uniform(-120, 150)
    return pick(["%.4f, %.4f" % (la, lo), "%.4f° %s, %.4f° %s" % (abs(la), "N" if la > 0 else "S",
                                                                abs(lo), "E" if lo > 0 else "W"),
                 "%.6f,%.6f" % (la, lo)])


def n_acct(loc=None):
    loc = loc or pick(["gb", "us", "au", "in", "ca", "ng", "br", "mx", "jp", "ke"])
    if loc == "gb":
        return "%02d-%02d-%02d %08d" % (ri(10, 99), ri(0, 99), ri(0, 99), ri(0, 10 ** 8 - 1))
    if loc == "us":
        return "%09d / %d" % (ri(10 ** 8, 10 ** 9 - 1), ri(10 ** 9, 10 ** 12))
    if loc in ("au", "nz"):
        return "BSB %03d-%03d, account %d" % (ri(0, 999), ri(0, 999), ri(10 ** 7, 10 ** 9))
    if loc == "in":
        return "A/c %d, IFSC %s0%06d" % (ri(10 ** 13, 10 ** 14), pick(["HDFC", "SBIN", "ICIC",
                                                                      "UTIB"]), ri(0, 999999))
    if loc == "ca":
        return "%05d-%03d-%07d" % (ri(0, 99999), ri(1, 999), ri(0, 9999999))
    if loc == "ng":
        return "NUBAN %010d" % ri(0, 10 ** 10 - 1)
    if loc == "br":
        return "Ag. %04d-%d C/C %05d-%d" % (ri(0, 9999), ri(0, 9), ri(0, 99999), ri(0, 9))
    if loc == "mx":
        return "CLABE %018d" % ri(0, 10 ** 18 - 1)
    if loc == "ke":
        return "Paybill %d, Acc %s%d" % (ri(100000, 999999), tok(2, "ABCDEFGH"), ri(1000, 9999))
    return "%07d" % ri(0, 9999999)


def n_bic():
    return tok(4, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + pick(["DE", "FR", "GB", "NL", "ES", "IT", "PL",
                                                        "AE", "BR", "TR"]) + \
        tok(2, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") + pick(["", "XXX", "100", "B2B"])


def n_natid(loc=None):
    loc = loc or pick(["gb", "us", "es", "it", "pl", "br", "in", "se", "nl", "za", "fr", "ng",
                       "de", "cn"])
    if loc == "gb":
        return "%s %02d %02d %02d %s" % (tok(2, "ABCEGHJKLMNPRSTWXYZ"), ri(0, 99), ri(0, 99),
                                         ri(0, 99), pick("ABCD"))
    if loc == "us":
        return "%03d-%02d-%04d" % (ri(1, 665), ri(1, 99), ri(1, 9999))
    if loc == "es":
        n = ri(10 ** 7, 10 ** 8 - 1)
        return "%d%s" % (n, "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23])
    if loc == "it":
        return tok(6, "BCDFGLMNPRSTVZ") + "%02d%s%02d%s%03d%s" % (ri(50, 99), pick("ABCDEHLMPRST"),
                                                                 ri(1, 71), pick("ABCDEFGHLMZ"),
                                                                 ri(1, 999), pick("ABCDEFGHJKLMNPRSTUVWXYZ"))
    if loc == "pl":
        return "%011d" % ri(10 ** 10, 10 ** 11 - 1)
    if loc == "br":
        return "%03d.%03d.%03d-%02d" % (ri(0, 999), ri(0, 999), ri(0, 999), ri(0, 99))
    if loc == "in":
        return pick(["%d %04d %04d" % (ri(2000, 9999), ri(0, 9999), ri(0, 9999)),
                     tok(5, "ABCDEFGHJKLMNPQRSTUVWXYZ") + "%04d" % ri(0, 9999) + pick("ABCDEFGHJK")])
    if loc == "se":
        return "%02d%02d%02d-%04d" % (ri(40, 99), ri(1, 12), ri(1, 28), ri(0, 9999))
    if loc == "nl":
        return "BSN %09d" % ri(10 ** 8, 10 ** 9 - 1)
    if loc == "za":
        return "%02d%02d%02d%07d" % (ri(50, 99), ri(1, 12), ri(1, 28), ri(0, 9999999))
    if loc == "fr":
        return "%d %02d %02d %02d %03d %03d %02d" % (ri(1, 2), ri(50, 99), ri(1, 12), ri(1, 95),
                                                     ri(1, 999), ri(1, 999), ri(1, 97))
    if loc == "ng":
        return "NIN %011d" % ri(10 ** 10, 10 ** 11 - 1)
    if loc == "de":
        return pick(["C%s" % tok(8, "CFGHJKLMNPRTVWXYZ0123456789"),
                     "%02d %03d %03d %03d" % (ri(10, 99), ri(0, 999), ri(0, 999), ri(0, 999))])
    return "%06d%08d%03d%s" % (ri(110000, 659999), ri(19500101, 20101231), ri(0, 999), pick("0123456789X"))


PRODUCTS = ("Galaxy Tab S9;ThinkPad X1 Carbon;Model Y;Instant Pot Duo;Kindle Paperwhite;"
            "PlayStation 5;Surface Laptop 5;Dyson V15 Detect;Apple Watch Ultra;Nespresso Vertuo;"
            "Toyota Corolla Cross;Ford Ranger;Honda Jazz;Volkswagen Polo;Pixel 8 Pro;MacBook Air;"
            "Fairphone 5;Thermomix TM6;Brompton C Line;Vitamix E310;Xbox Series S;Kia Sportage;"
            "Bosch Serie 6;Canon EOS R8").split(";")
GADGETS = ["Galaxy Tab S9", "Pixel 8 Pro", "Kindle Paperwhite", "Apple Watch Ultra", "MacBook Air",
           "Fairphone 5", "Surface Laptop 5", "Canon EOS R8"]
BRANDS = ("Adidas;Samsung;Lenovo;Nestlé;Ikea;Decathlon;Zara;Uniqlo;Safaricom;Jumia;Mercado Libre;"
          "Shopee;Tokopedia;Carrefour;Lidl;Woolworths;Tesco;Vodafone;Airtel;Glovo;Rappi;Bolt;"
          "Grab;Deliveroo;Flipkart;Natura;Bimbo;Tata").split(";")
PLACES = ("Hyde Park;Central Park;Heathrow Terminal 5;Schiphol Plaza;Table Mountain;Lake Como;"
          "Kruger National Park;Copacabana Beach;Sagrada Família;Charles Bridge;Bondi Beach;"
          "Marina Bay Sands;Victoria Falls;Mount Kenya;Ha Long Bay;Lake Titicaca;Plaza de Armas;"
          "Alexanderplatz;Trafalgar Square;Times Square;Piazza Navona;Place de la Concorde;"
          "Jemaa el-Fnaa;Waitangi Treaty Grounds;Uluru;Old Trafford;Maracanã;Gare du Nord;"
          "Hauptbahnhof;Union Station;Grand Bazaar;Dubai Mall;Cubbon Park;Intramuros").split(";")
JOBS = ("Senior Account Manager;Chief Medical Officer;Head of Procurement;Site Reliability Engineer;"
        "Charge Nurse;Director of Admissions;Office Manager;Regional Sales Director;"
        "Consultant Cardiologist;Loss Adjuster;Head Chef;Data Protection Officer;"
        "Clinical Psychologist;Quantity Surveyor;Customer Success Lead;Parish Administrator;"
        "Youth Football Coach;Wedding Planner;Property Manager;Claims Handler").split(";")
NAMELIKE_PLACES = ("Jordan;Georgia;Chad;Florence;Victoria;Austin;Paris;Sydney;Lincoln;Jackson;"
                   "Charlotte;Madison;Regina;Adelaide;Alexandria;Santiago;Valencia;Lourdes;"
                   "Eugene;Beatrice").split(";")
TEAMS = ("Manchester United;Boca Juniors;Kaizer Chiefs;Real Madrid;Galatasaray;Al Ahly;"
         "Flamengo;Ajax;Auckland FC;Gor Mahia").split(";")


def n_title_case(loc=None):
    k = pick(["prod", "brand", "place", "job", "comp", "month", "wday", "team", "city"])
    if k == "prod":
        return pick(PRODUCTS)
    if k == "brand":
        return pick(BRANDS)
    if k == "place":
        return pick(PLACES)
    if k == "job":
        return pick(JOBS)
    if k == "comp":
        return company()
    if k == "month":
        return pick(MONTHS["en"].split())
    if k == "wday":
        return pick(WEEKDAYS["en"].split())
    if k == "team":
        return pick(TEAMS)
    c = pick(LOCALES[loc or pick(STREET_LOC)]["cities"] or ["Lagos"])
    return re.split(r",| \(| - ", c)[0]


def n_flight():
    return "%s %d" % (pick(["LH", "BA", "AF", "KL", "EK", "QR", "ET", "KQ", "LA", "TK", "SQ",
                            "NZ", "AI", "JL", "CX", "IB", "TP", "SA"]), ri(10, 2999))


def n_pnr():
    return tok(6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")


NEG_KINDS = [n_date, n_time, n_version, n_order, n_invoice, n_ticket, n_tracking, n_isbn, n_hash,
             n_uuid, bad_card, n_price, n_pct, n_measure, n_sku, n_path, n_hex, n_mac, n_coord,
             n_acct, n_natid, n_title_case, n_flight, n_bic]


def rneg(loc=None):
    f = pick(NEG_KINDS)
    if f in (n_price, n_acct, n_natid, n_title_case):
        return f(loc if loc and (f is not n_acct) else None)
    return f()


# ----------------------------------------------------------------------------------------------
# Scenario helpers
# ----------------------------------------------------------------------------------------------
def person(loc=None, g=None):
    return Person(loc, g)


def sloc():
    return pick(STREET_LOC)


def ext(loc=None):
    lg = LOCALES[loc]["lang"] if loc else "en"
    if lg == "de":
        return pick([" Durchwahl -%d" % ri(10, 99), " App. %d" % ri(10, 999)])
    if lg == "fr":
        return " poste %d" % ri(100, 499)
    if lg in ("es", "pt"):
        return pick([" ext. %d" % ri(10, 999), " ramal %d" % ri(10, 999)])
    return pick([" ext. %d" % ri(10, 999), " x%d" % ri(10, 99), " (ext %d)" % ri(100, 999)])


def phone_pieces(loc, p_ext=0.15):
    out = [PH(phone(loc))]
    if chance(p_ext):
        out.append(ext(loc))
    return out


def email_pieces(addr, style=None):
    style = style or pick(["plain", "plain", "angle", "mailto"])
    if style == "angle":
        return ["<", EM(addr), ">"]
    if style == "mailto":
        return ["mailto:", EM(addr)]
    return [EM(addr)]


def poss(name):
    return [P(name), "'s"]


def negs(d, k=2, loc=None, sep=" · "):
    """Append k random hard negatives separated by sep."""
    for i in range(k):
        if i:
            d.t(sep)
        d.n(rneg(loc))


def footer(d, loc=None):
    d.t(pick(["\n\nRef: ", "\n\n-- ", "\n\nInternal note: "]))
    negs(d, ri(1, 3), loc, sep=pick([" / ", ", ", " · "]))


# ----------------------------------------------------------------------------------------------
# Scenarios (each returns a Doc)
# ----------------------------------------------------------------------------------------------
def s_voice_note():
    d = Doc()
    loc = sloc()
    a, b = person(loc), person(loc)
    d.f("Voice memo transcript (auto-generated, {date} {time}, {dur})\n\n",
        date=N(n_date(loc)), time=N(n_time()), dur=N("%d min %02d s" % (ri(0, 4), ri(1, 59))))
    form = pick(["en", "en", "es", "de", "fr", "pt"])
    if form == "en":
        d.f("ok so um note to self call {a} back on {ph} about the deposit for the place at {st} "
            "she said the landlord mister {b} wants it by {wd} period also email {em} the scan of "
            "the {doc} comma the reference is {ref} period oh and {a2} said the code for the "
            "key box is {code} not the old one",
            a=P(a.name("lgiven")), ph=PH(phone(loc)), st=S(street(loc)), b=P(b.surname().lower()),
            wd=N(pick(WEEKDAYS["en"].split())), em=EM(a.email()),
            doc=pick(["payslip", "passport page", "bank statement", "council tax bill"]),
            ref=N(n_invoice()), a2=P(a.name("lgiven")), code=N("%04d" % ri(0, 9999)))
    elif form == "es":
        d.f("vale nota rápida llamar a {a} al {ph} por lo del piso de {st} dice que el casero "
            "el señor {b} lo quiere antes del {wd} punto mandar a {em} la nómina y el contrato "
            "referencia {ref} punto {a2} dice que la llave la deja el portero",
            a=P(a.name("lgiven")), ph=PH(phone(loc)), st=S(street(loc)), b=P(b.surname()),
            wd=N(pick(WEEKDAYS["es"].split())), em=EM(a.email()), ref=N(n_invoice()),
            a2=P(a.name("lgiven")))
    elif form == "de":
        d.f("also Notiz an mich selbst {a} zurückrufen unter {ph} wegen der Kaution für die "
            "Wohnung in der {st} Punkt der Vermieter Herr {b} will das Geld bis {wd} Punkt "
            "Vorgangsnummer {ref} Komma Unterlagen an {em} schicken",
            a=P(a.name("full")), ph=PH(phone(loc)), st=S(street(loc)), b=P(b.surname()),
            wd=N(pick(WEEKDAYS["de"].split())), ref=N(n_ticket()), em=EM(a.email()))
    elif form == "fr":
        d.f("bon note pour moi rappeler {a} au {ph} pour la caution de l'appart au {st} point "
            "le proprio monsieur {b} la veut avant {wd} point envoyer la fiche de paie à {em} "
            "référence dossier {ref}",
            a=P(a.name("lgiven")), ph=PH(phone(loc)), st=S(street(loc)), b=P(b.surname()),
            wd=N(pick(WEEKDAYS["fr"].split())), em=EM(a.email()), ref=N(n_ticket()))
    else:
        d.f("então lembrete ligar pra {a} no {ph} sobre o depósito do apartamento na {st} "
            "ponto o dono seu {b} quer até {wd} ponto mandar o holerite pro {em} protocolo {ref}",
            a=P(a.name("lgiven")), ph=PH(phone(loc)), st=S(street(loc)), b=P(b.given),
            wd=N(pick(WEEKDAYS["pt"].split())), em=EM(a.email()), ref=N(n_ticket()))
    d.t(pick(["\n\nCan you turn this into a tidy to-do list?", "\n\nclean this up pls",
              "\n\nSummarise in 3 bullets."]))
    return d


def s_whatsapp():
    d = Doc()
    loc = pick(ALL_LOC)
    ppl = [person(loc) for _ in range(ri(3, 5))]
    unknown = phone(loc, intl=True)
    y = ri(2021, 2025)
    bracket = chance(0.5)
    host = ppl[0]
    hst = street(loc) if LOCALES[loc]["sn"] else street("gb")
    items = ["the big pot", "ice", "plates & cups", "the speaker", "cake", "folding chairs",
             "samosas", "jollof", "empanadas", "pavlova", "a cooler box"]
    lines = [
        (0, lambda: ["Party's at mine on ", N(pick(WEEKDAYS["en"].split())), " — ", S(hst),
                     ", buzz flat ", str(ri(1, 12)), " 🎉"]),
        (1, lambda: ["I'll bring ", pick(items), ". ", P(host.name("lgiven")), " is parking ok?"]),
        (0, lambda: ["yes visitor bays behind the building, code ", N("#%d" % ri(1000, 9999))]),
        (None, lambda: ["Hi all this is ", P(ppl[-1].given), "'s partner, new number. I'll "
                                                             "bring ", pick(items)]),
        (2, lambda: ["can someone send me the address again 🙈"]),
        (0, lambda: ["https://maps.app.goo.gl/" + tok(17, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789")]),
        (min(3, len(ppl) - 1), lambda: ["running late, call me on ", PH(phone(loc)),
                                        " if you need anything"]),
        (1, lambda: ["<Media omitted>"]),
        (2, lambda: ["this message was deleted"]),
    ]
    for i, (who, fn) in enumerate(lines):
        day, mo = ri(1, 28), ri(1, 12) if i == 0 else mo
        hh, mm = ri(8, 22), ri(0, 59)
        stamp = ("[%02d/%02d/%d, %02d:%02d:%02d] " % (day, mo, y, hh, mm, ri(0, 59)) if bracket
                 else "%02d/%02d/%02d, %02d:%02d - " % (day, mo, y % 100, hh, mm))
        d.t(stamp)
        if who is None:
            d.add([PH(unknown), ": "])
        else:
            pw = ppl[who]
            d.add([P(pw.full() if chance(0.6) else pw.given), ": "])
        piece = fn()
        if isinstance(piece[0], str) and piece[0].startswith("https://"):
            d.add(U(piece[0]))
        else:
            d.add(piece)
        d.t("\n")
    d.t(pick(["\nWho is bringing what? Make me a list.", "\nsummarise pls",
              "\nCan you make a shopping list from this chat?"]))
    return d


def s_crm_csv():
    d = Doc()
    sep = pick([";", "|", "\t", "¦", "^", "~", " ; "])
    d.t(pick(["Export from our CRM, columns got mangled, can you fix the delimiter and dedupe?\n\n",
              "Pasting the contacts sheet (exported with a weird separator):\n\n",
              "Why does Excel put everything in column A?\n\n"]))
    cols = ["id", "first_name", "last_name", "email", "phone", "street", "zip", "city",
            "created_at", "ltv"]
    d.t(sep.join(cols) + "\n")
    for _ in range(ri(3, 6)):
        loc = sloc()
        p = person(loc)
        d.n("%d" % ri(100000, 999999))
        d.t(sep)
        if p.sur and not p.east:
            d.add([P(p.given), sep, P(p.sur)])
        else:
            d.add([P(p.full()), sep])
        d.t(sep)
        d.add(EM(p.email()))
        d.t(sep)
        d.add(PH(phone(loc)))
        d.t(sep)
        d.add(S(street(loc)))
        d.t(sep)
        d.n(n_postcode(loc)) if LOCALES[loc]["pc"][0] else d.t("")
        d.t(sep)
        d.t(re.split(r",| \(| - ", pick(LOCALES[loc]["cities"]))[0])
        d.t(sep)
        d.n("%d-%02d-%02dT%02d:%02d:%02dZ" % (ri(2018, 2025), ri(1, 12), ri(1, 28), ri(0, 23),
                                               ri(0, 59), ri(0, 59)))
        d.t(sep)
        d.n("%.2f" % R.uniform(0, 9000))
        d.t("\n")
    return d


def s_orm_debug():
    d = Doc()
    loc = pick(ALL_LOC)
    p = person(loc)
    uid = ri(1000, 99999)
    d.t(pick(["Getting an IntegrityError, here's the debug output:\n\n",
              "Why is this query returning duplicates?\n\n```\n"]))
    d.f("DEBUG sqlalchemy.engine.Engine INSERT INTO customers (id, full_name, email, phone, "
        "signup_ip, ref) VALUES (%(id)s, %(full_name)s, %(email)s, %(phone)s, %(signup_ip)s, "
        "%(ref)s)\nDEBUG sqlalchemy.engine.Engine [generated in {t}] {'id': {uid}, 'full_name': "
        "'{nm}', 'email': '{em}', 'phone': '{ph}', 'signup_ip': '{ip}', 'ref': '{ref}'}\n",
        t=N("%.5fs" % R.uniform(0.0001, 0.01)), uid=N(str(uid)), nm=P(p.full()), em=EM(p.email()),
        ph=PH(phone(loc)), ip=IP(ip()), ref=N(n_uuid()))
    q = person(loc)
    d.f("<Customer(id={uid2}, full_name='{nm}', email='{em}', created={dt})>\n",
        uid2=N(str(uid + ri(1, 50))), nm=P(q.full()), em=EM(q.email()),
        dt=N("datetime.datetime(%d, %d, %d, %d, %d)" % (ri(2019, 2025), ri(1, 12), ri(1, 28),
                                                         ri(0, 23), ri(0, 59))))
    d.f("django.db.utils.IntegrityError: duplicate key value violates unique constraint "
        "\"customers_email_key\"\nDETAIL:  Key (email)=({em}) already exists.\n",
        em=EM(q.email() if chance(0.3) else p.email()))
    d.f("  File \"{path}\", line {ln}, in save\n", path=N(n_path()), ln=str(ri(20, 900)))
    if "```" in d.buf[0]:
        d.t("```\n")
    d.f("Running {v}.", v=N(pick(["Django 4.2.11", "SQLAlchemy 2.0.29", "psycopg 3.1.18",
                                  "PostgreSQL 15.6"])))
    return d


def s_address_labels():
    d = Doc()
    d.t(pick(["Please format these as shipping labels (one per line block):\n\n",
              "Mail-merge source for the holiday cards, check the addresses look right:\n\n",
              "Can you check these international addresses are in the correct postal format?\n\n"]))
    for i in range(ri(3, 5)):
        loc = sloc()
        p = person(loc)
        style = pick(["full", "full", "title", "caps", "inv"])
        if style == "title":
            d.add(p.formal(full=True))
        elif style == "caps":
            d.add(P(p.caps()))
        elif style == "inv":
            d.add(P(p.inv(chance(0.5))))
        else:
            d.add(P(p.full()))
        d.t("\n")
        if chance(0.2):
            d.f("c/o {c}\n", c=P(person(loc).full()))
        address(d, loc, sep="\n", country=True if chance(0.7) else None)
        d.t("\n\n")
    d.f("Sender: {co}, order {o}", co=N(company()), o=N(n_order()))
    return d


def s_author_list():
    d = Doc()
    n = ri(3, 6)
    ppl = [person(pick(ALL_LOC)) for _ in range(n)]
    unis = ["University of %s" % pick(["Nairobi", "Ghent", "Otago", "Porto", "Lund", "Leeds",
                                      "Tartu", "Malaya", "Chile", "Cape Town"]),
            pick(["Instituto Tecnológico de Monterrey", "ETH Zürich", "Karolinska Institutet",
                  "IIT Madras", "Seoul National University", "Universidade de São Paulo",
                  "Makerere University", "Sorbonne Université", "TU Delft"])]
    d.t(pick(["Format this author block in APA style:\n\n", "Fix the superscripts:\n\n",
              "Please check the affiliations match:\n\n"]))
    d.t(pick(["Low-cost soil moisture sensing for smallholder irrigation",
              "Multilingual named entity recognition in clinical notes",
              "Seasonal variation of microplastics in estuarine sediments",
              "Graph neural networks for bus timetable repair"]) + "\n\n")
    for i, p in enumerate(ppl):
        if i:
            d.t(", ")
        d.add(P(p.initials() if chance(0.4) else p.full()))
        d.t(pick(["¹", "²", "¹,²", "^1", "1", "*"]) if chance(0.8) else "")
    d.t("\n\n")
    for i, u in enumerate(unis):
        d.f("{i} {u}\n", i=str(i + 1), u=N(u))
    c = ppl[0]
    d.f("\n* Corresponding author: {em}; ORCID {orc}\nReceived {d1}; accepted {d2}. "
        "DOI {doi}\n", em=EM(c.email(dom=slug(unis[0].split(" of ")[-1]) + ".ac." +
                                   pick(["uk", "za", "nz", "ke"]) if " of " in unis[0] else None)),
        orc=N("0000-000%d-%04d-%04d" % (ri(1, 3), ri(0, 9999), ri(0, 9999))),
        d1=N(n_date()), d2=N(n_date()),
        doi=N("10.%d/%s.%d.%04d" % (ri(1000, 9999), tok(4, "abcdefghijklmnopqrstuvwxyz"),
                                    ri(2019, 2025), ri(1, 9999))))
    return d


def s_bulletin():
    d = Doc()
    loc = pick(EN_LOC + ["gb", "ie", "us"])
    if not LOCALES[loc]["sn"]:
        loc = "gb"
    ppl = [person(loc) for _ in range(6)]
    d.f("{parish} — Weekly Bulletin, {date}\n\n", parish=N(pick(["St Brendan's Parish",
                                                                 "Holy Trinity Church",
                                                                 "Riverside Community Church",
                                                                 "Grace Baptist Fellowship",
                                                                 "St Aidan's"])),
        date=N(n_date(loc)))
    d.f("Masses/services: Saturday {t1}, Sunday {t2}.\n", t1=N(n_time()), t2=N(n_time()))
    d.f("Please keep in your prayers {a}, {b} and the family of the late {c}.\n",
        a=P(ppl[0].full()), b=P(ppl[1].full()), c=P(ppl[2].full()))
    d.f("Flowers this week are given by the {f} family in memory of {g}.\n",
        f=P(ppl[3].surname()), g=P(ppl[3].given))
    d.f("The hall at {st} is available for hire — contact {h} on {ph} or {em}.\n",
        st=S(street(loc)), h=P(ppl[4].full()), ph=PH(phone(loc)), em=EM(ppl[4].email()))
    d.f("Second collection for {cause}: {price}. Thank you!\n", cause=pick(["the roof fund",
                                                                             "Trócaire",
                                                                             "the food bank"]),
        price=N(n_price(loc)))
    d.f("Readers' rota: {r1} ({d1}), {r2} ({d2}).\nMore at {u}.",
        r1=P(ppl[5].full()), d1=N(n_date(loc)),
        r2=P(ppl[0].given), d2=N(n_date(loc)), u=U(url(loc, kind=pick(["www", "site"]))))
    return d


def s_obituary():
    d = Doc()
    loc = pick(["gb", "ie", "us", "au", "nz", "ca", "za", "jm", "ng", "gh", "ke"])
    p = person(loc)
    sp = person(loc, "f" if p.g == "m" else "m")
    kids = [person(loc) for _ in range(ri(2, 3))]
    maiden = pick(LOCALES[loc]["sur"])
    d.f("{name}, {age}, of {st}, {city}, passed away peacefully on {date} at {hosp}. ",
        name=P(p.full()), age=str(ri(61, 99)), st=S(street(loc)),
        city=city_piece(pick(LOCALES[loc]["cities"]), 1.0), date=N(n_date(loc)),
        hosp=N(pick(["St Luke's Hospice", "Groote Schuur Hospital", "Royal Infirmary",
                     "Korle Bu Teaching Hospital", "Mater Hospital", "home"])) )
    d.f("Beloved {rel} of {sp} (née {m}) and cherished parent of ", rel="husband" if p.g == "m"
        else "wife", sp=P(sp.given), m=P(maiden))
    for i, k in enumerate(kids):
        d.t(", " if 0 < i < len(kids) - 1 else (" and " if i else ""))
        d.add(P(k.given))
    d.t(". ")
    d.f("Funeral service at {ch} on {wd}, {date} at {time}. Family flowers only; donations to "
        "{char} via {u}. Enquiries to {fd}, {ph}.",
        ch=N(pick(["St Columba's Church", "Holy Cross Cathedral", "Mount Pleasant Chapel",
                   "Christ Church"])), wd=N(pick(WEEKDAYS["en"].split())), date=N(n_date(loc)),
        time=N(n_time()), char=pick(["the hospice", "Cancer Research", "the RNLI"]),
        u=U(url(loc, kind="path")), fd=N(company()), ph=PH(phone(loc)))
    d.t("\n\nCould you shorten this to 60 words for the newspaper?")
    return d


def s_incident_report():
    d = Doc()
    loc = sloc()
    ins, tp, wit = person(loc), person(loc), person(pick(ALL_LOC))
    off = person(loc)
    kind = pick(["insurance", "police"])
    if kind == "insurance":
        d.f("MOTOR CLAIM NOTIFICATION\nClaim no.: {cl}   Policy: {pol}\nDate of loss: {dt} "
            "approx. {tm}\n\nPOLICYHOLDER\nName: {nm}\nAddress: ",
            cl=N(n_ticket()), pol=N("POL-%s-%07d" % (tok(2, "ABCDEFGHJKLMNPRSTUVWXYZ"),
                                                    ri(0, 9999999))),
            dt=N(n_date(loc)), tm=N(n_time()), nm=P(ins.inv(True)))
        address(d, loc, sep=", ", country=False)
        d.f("\nMobile: {ph}\nEmail: {em}\nVehicle: {veh}, reg. {reg}\n\nTHIRD PARTY\n"
            "Driver: {tp} (tel. {tph})\nInsurer: {co}\n\nWITNESS\n{w}, {wph}\n\n"
            "Circumstances: {g} was waiting at the lights when the third party vehicle "
            "reversed into the front bumper. {tps} admitted fault at the scene. Estimated damage "
            "{price}.",
            ph=PH(phone(loc)), em=EM(ins.email()), veh=N(pick(PRODUCTS[10:14] + PRODUCTS[21:22])),
            reg=N(pick(["%s%d %s" % (tok(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(10, 74), tok(3, "ABCDEFGHJKLMNPRSTUVWXYZ")),
                        "%s-%s %d" % (tok(1, "BDHKMS"), tok(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(1, 9999)),
                        "%s %d" % (tok(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(100, 999))])),
            tp=P(tp.full()), tph=PH(phone(loc)), co=N(company()), w=P(wit.full()),
            wph=PH(phone(wit.loc)), g=P(ins.given), tps=P(tp.short()),
            price=N(n_price(loc)))
    else:
        d.f("INCIDENT REPORT {no}\nReporting officer: {ot} (badge {badge})\nDate/time: {dt} "
            "{tm}\nLocation: outside {st}\n\nComplainant: ",
            no=N(n_ticket()), ot=[pick(["Sgt ", "PC ", "Insp. ", "Constable ", "Det. Sgt "]),
                                  P(off.surname())], badge=N(str(ri(1000, 99999))), dt=N(n_date(loc)),
            tm=N(n_time()), st=S(street(loc)))
        d.f("{nm}, DOB {dob}, of ", nm=P(ins.caps()), dob=N(n_date(loc)))
        address(d, loc, sep=", ", country=False)
        d.f(", tel. {ph}.\nComplainant states that an unknown male took a {prod} from a "
            "handbag on the café terrace. CCTV requested from {co}. Witness {w} (contact {wem}) saw the suspect run "
            "towards {pl}.\nProperty value: {price}. IMEI {imei}.",
            ph=PH(phone(loc)), prod=N(pick(GADGETS)), co=N(company()), w=P(wit.full()),
            wem=EM(wit.email()), pl=N(pick(PLACES)), price=N(n_price(loc)),
            imei=N("%015d" % ri(10 ** 14, 10 ** 15 - 1)))
    d.t("\n\nPlease rewrite this as a short formal summary.")
    return d


def s_school_report():
    d = Doc()
    loc = pick(EN_LOC + ["de", "nl", "fr", "es"])
    kid = person(loc)
    t = person(loc, "f")
    par = person(loc)
    d.f("END OF TERM REPORT — {term}\nPupil: {k}    Class: {cl}    Teacher: {tt}\n"
        "Attendance: {att}   Lates: {lt}\n\n",
        term=pick(["Autumn 2024", "Spring Term", "Term 2", "Semester 1"]),
        k=P(pick([kid.full(), kid.caps(), kid.inv(True)])), cl=N(pick(["4B", "Year 6 Kauri",
                                                                        "Grade 3 Rose", "P5",
                                                                        "Form 2C"])),
        tt=t.formal(), att=N(n_pct()), lt=str(ri(0, 9)))
    subj = ["English", "Maths", "Science", "Art", "PE", "Music", "Kiswahili", "French",
            "Te Reo Māori", "Computing"]
    R.shuffle(subj)
    for s in subj[:4]:
        d.f("{s}: {g} — {c}\n", s=s, g=pick(["A", "B+", "Working towards", "Secure", "7/9",
                                            "Exceeding"]),
            c=pick(["Participates eagerly.", "Needs to check work carefully.",
                    "Great effort this term.", "Shows real creativity."]))
    d.f("\nGeneral comment: {g} has settled well and is a kind friend to others. {g2} should "
        "keep reading every night.\n\nParent/guardian: {par} — {ph} — {em}\n",
        g=P(kid.given), g2=P(kid.given), par=P(par.full()), ph=PH(phone(loc)),
        em=EM(par.email()))
    d.t("\nHelp me soften the tone of the general comment.")
    return d


def s_classified():
    d = Doc()
    loc = sloc()
    d.t(pick(["Proofread these classifieds for Saturday's paper:\n\n",
              "Which of these ads look like scams?\n\n", "Shorten each ad to 25 words:\n\n"]))
    for _ in range(ri(3, 4)):
        p = person(loc)
        k = pick(["sale", "room", "lost", "job", "service", "car"])
        if k == "sale":
            d.f("FOR SALE: {prod}, barely used, {price} ono. Call {g} on {ph} after {tm}.\n\n",
                prod=N(pick(PRODUCTS)), price=N(n_price(loc)), g=P(p.given), ph=PH(phone(loc)),
                tm=N(n_time()))
        elif k == "room":
            d.f("ROOM TO LET in shared house, {st}. {price} per week incl. bills, {m}. "
                "Email {em} or text {ph}.\n\n", st=S(street(loc)), price=N(n_price(loc)),
                m=N(n_measure()), em=EM(p.email()), ph=PH(phone(loc)))
        elif k == "lost":
            d.f("LOST: grey tabby cat, answers to {pet}, last seen near {pl} on {dt}. Reward! "
                "{nm}, {ph}.\n\n", pet=pick(["Biscuit", "Mochi", "Pixel", "Simba", "Tiger"]),
                pl=N(pick(PLACES)), dt=N(n_date(loc)), nm=P(p.full()), ph=PH(phone(loc)))
        elif k == "job":
            d.f("WANTED: {job} for busy practice. Send CV to {em} quoting ref {ref}. "
                "Apply online: {u}\n\n", job=N(pick(JOBS)), em=EM("jobs@" + cdomain(loc=loc)),
                ref=N(n_ticket()), u=U(url(loc, kind="site")))
        elif k == "service":
            d.f("Reliable cleaner available {wd}s. References from {ref} (ask for {g}). "
                "{ph} / {u}\n\n", wd=N(pick(WEEKDAYS["en"].split())), ref=N(company()),
                g=P(p.given), ph=PH(phone(loc)), u=U(url(loc, kind="www")))
        else:
            d.f("{car}, {yr}, {km}, full service history, {price}. Viewing at {st}. "
                "Ring {nm} {ph}.\n\n", car=N(pick(PRODUCTS[10:14])), yr=str(ri(2008, 2022)),
                km=N("%d km" % ri(20000, 240000)), price=N(n_price(loc)), st=S(street(loc)),
                nm=P(p.full()), ph=PH(phone(loc)))
    return d


def s_dating_bio():
    d = Doc()
    loc = pick(ALL_LOC)
    p = person(loc)
    friend = person(loc)
    d.t(pick(["make my bio sound less cringe:\n\n", "Rewrite this profile, keep it under 300 "
                                                    "chars:\n\n", "is this bio too much?\n\n"]))
    d.f("hey i'm {g} 👋 {age}, {job} by day, {hobby} by night. {h}cm if that matters lol. ",
        g=P(p.name("lgiven") if chance(0.6) else p.given), age=str(ri(21, 45)),
        job=pick(["nurse", "dev", "teacher", "barista", "architect", "vet"]),
        hobby=pick(["salsa", "bouldering", "karaoke", "sourdough", "5-a-side"]),
        h=str(ri(150, 200)))
    d.f("my bff {f} says i make the best {food}. ", f=P(friend.name("lgiven")),
        food=pick(["jollof", "arepas", "pierogi", "pho", "lasagne", "biryani"]))
    d.f("swipe right if you've been to {pl} or own a {prod} 😂 ",
        pl=N(pick(PLACES)), prod=N(pick(PRODUCTS)))
    if chance(0.5):
        d.f("not putting my number here but my music is on {u}", u=U(url(loc, kind=pick(["tg",
                                                                                         "www"]))))
    else:
        d.f("(matched? text me {ph} i don't check the app)", ph=PH(phone(loc)))
    return d


def s_tax_form():
    d = Doc()
    kind = pick(["w9", "de", "uk", "in"])
    if kind == "w9":
        loc = "us"
        p = person(loc)
        d.f("Form W-9 (Rev. {rev})\n1 Name (as shown on your income tax return): {nm}\n"
            "2 Business name/disregarded entity name: {co} LLC\n5 Address (number, street, and "
            "apt. or suite no.): ",
            rev=N(pick(["March 2024", "October 2018"])), nm=P(p.full()), co=N(company()))
        st = street(loc)
        d.add(S(st))
        d.f("\n6 City, state, and ZIP code: {c} {z}\nPart I Taxpayer Identification Number\n"
            "Social security number: {ssn}\nEmployer identification number: {ein}\n"
            "Signature of U.S. person: {sig}   Date: {dt}\n",
            c=city_piece(pick(LOCALES["us"]["cities"])), z=N(n_postcode("us")),
            ssn=N(n_natid("us")), ein=N("%02d-%07d" % (ri(10, 99), ri(0, 9999999))),
            sig=P(p.full()), dt=N(n_date("us")))
    elif kind == "de":
        loc = pick(["de", "at"])
        p, sp = person(loc, "m"), person(loc, "f")
        d.f("Anlage zur Einkommensteuererklärung {y}\nSteuerpflichtige Person: {nm}\n"
            "Steuer-ID: {sid}\nEhefrau/Lebenspartnerin: {sp}\nAnschrift: ",
            y=str(ri(2020, 2024)), nm=P(p.inv()), sid=N(n_natid("de")), sp=P(sp.full()))
        address(d, loc, sep=", ", country=False)
        d.f("\nIBAN für Erstattung: {ib}\nKontoinhaber: {kh}\nTelefon tagsüber: {ph}\n"
            "Werbungskosten Homeoffice: {price} ({days} Tage)\n",
            ib=IB(iban(LOCALES[loc]["iban"])), kh=P(p.full()), ph=PH(phone(loc)),
            price=N(n_price(loc)), days=str(ri(40, 210)))
    elif kind == "uk":
        loc = "gb"
        p = person(loc)
        d.f("SA100 notes for {nm}\nUTR: {utr}  NI number: {ni}\nHome address: ",
            nm=P(p.full()), utr=N("%05d %05d" % (ri(0, 99999), ri(0, 99999))), ni=N(n_natid("gb")))
        address(d, loc, sep=", ", country=False)
        d.f("\nRental income from {st2}: {price}\nAgent: {ag} ({em})\nRefund to sort code/"
            "account {acct}\n", st2=S(street(loc)), price=N(n_price(loc)), ag=N(company()),
            em=EM("lettings@" + cdomain(loc=loc)), acct=N(n_acct("gb")))
    else:
        loc = "in"
        p = person(loc)
        d.f("ITR-1 (Sahaj) draft for AY {ay}\nName: {nm}\nPAN: {pan}  Aadhaar: {aad}\n"
            "Flat/Door/Block: ", ay=N("%d-%02d" % (ri(2022, 2025), ri(23, 26))), nm=P(p.caps()),
            pan=N(n_natid("in")), aad=N("%d %04d %04d" % (ri(2000, 9999), ri(0, 9999), ri(0, 9999))))
        address(d, loc, sep=", ", country=False)
        d.f("\nMobile: {ph}  Email: {em}\nBank: {acct}\nTotal income: {price}\n",
            ph=PH(phone(loc)), em=EM(p.email()), acct=N(n_acct("in")), price=N(n_price(loc)))
    d.t(pick(["\nDid I fill this in right?", "\nWhat does box 5 mean?",
              "\nCheck for mistakes please."]))
    return d


def s_referral_letter():
    d = Doc()
    loc = pick(["gb", "ie", "au", "nz", "ca", "za", "in", "ke", "ng", "us"])
    pt = person(loc)
    gp = person(loc)
    cons = person(loc if chance(0.7) else pick(EN_LOC))
    d.f("{prac}\n", prac=N(pick(["Riverside Medical Practice", "Kilimani Family Clinic",
                                 "Harbour View Surgery", "Mount Albert Health Centre"])))
    address(d, loc, sep="\n", country=False)
    d.f("\nTel {ph}   Fax {fax}\n\n{dt}\n\nDear ", ph=phone_pieces(loc, 0.3), fax=PH(phone(loc)),
        dt=N(n_date(loc)))
    d.add(cons.formal())
    d.f(",\n\nRe: {pt}  DOB {dob}  {idl} {nhs}\n", pt=P(pt.caps()), dob=N(n_date(loc)),
        idl=pick(["NHS No.", "MRN", "Patient ID", "Medicare"]),
        nhs=N("%03d %03d %04d" % (ri(100, 999), ri(0, 999), ri(0, 9999))))
    d.add("Address: ")
    address(d, loc, sep=", ", country=False)
    d.f("\nMobile: {ph}\n\nThank you for seeing this {age}-year-old {sx} with a {m}-month "
        "history of exertional chest tightness. {ttl}{s} is currently on amlodipine {mg} and "
        "atorvastatin {mg2}. ECG on {dt} showed sinus rhythm, rate {bpm}. BMI {bmi}.\n\n"
        "{g} asks to be contacted by email ({em}) rather than post.\n\nYours sincerely,\n\n",
        ph=PH(phone(loc)), age=str(ri(35, 88)), sx="man" if pt.g == "m" else "woman",
        m=str(ri(2, 18)), ttl=pick(EN_TM[:2]) + " " if pt.g == "m" else pick(EN_TF[:3]) + " ",
        s=P(pt.surname()), mg=N("%d mg" % pick([5, 10])), mg2=N("%d mg" % pick([20, 40, 80])),
        dt=N(n_date(loc)), bpm=N("%d bpm" % ri(55, 100)), bmi=N("%.1f" % R.uniform(19, 38)),
        g=P(pt.given), em=EM(pt.email()))
    d.f("Dr {gp}\n{job}", gp=P(gp.full()), job=N(pick(["GP Partner", "Medical Officer",
                                                        "Consultant Cardiologist"])))
    d.t("\n\nPlease turn this into a plain-language summary for the patient.")
    return d


def s_customs():
    d = Doc()
    l1, l2 = sloc(), sloc()
    a, b = person(l1), person(l2)
    d.f("CN 23 — CUSTOMS DECLARATION   No. {trk}\n\nFROM\n{a}\n", trk=N(n_tracking()),
        a=P(pick([a.full(), a.caps()])))
    address(d, l1, sep="\n", country=True)
    d.f("\nTel: {ph}\n\nTO\n{b}\n", ph=PH(phone(l1, intl=True)), b=P(pick([b.full(), b.caps()])))
    address(d, l2, sep="\n", country=True)
    d.f("\nTel: {ph}   E-mail: {em}\nImporter's ref. (VAT/EORI): {eori}\n\n",
        ph=PH(phone(l2, intl=True)), em=EM(b.email()),
        eori=N("%s%012d" % (pick(["GB", "DE", "FR", "NL", "IE"]), ri(0, 10 ** 12 - 1))))
    d.t("Detailed description of contents | Qty | Net weight | Value | HS tariff no.\n")
    for _ in range(ri(2, 4)):
        d.f("{item} | {q} | {w} | {v} | {hs}\n",
            item=pick(["Cotton T-shirts", "Ground coffee", "Children's books", "Ceramic mugs",
                       "Phone case", "Dried mango", "Wool scarf", "Spare bicycle parts"]),
            q=str(ri(1, 6)), w=N("%.2f kg" % R.uniform(0.1, 3)), v=N(n_price(l1)),
            hs=N("%04d.%02d" % (ri(1000, 9999), ri(0, 99))))
    d.f("\nCategory: {cat}\nI certify that the particulars given in this declaration are "
        "correct.\nDate and sender's signature: {dt}  {sig}\n",
        cat=pick(["Gift", "Commercial sample", "Returned goods", "Sale of goods"]),
        dt=N(n_date(l1)), sig=P(a.full()))
    d.t(pick(["\nWhat HS code should I use for the mugs?", "\nIs anything missing on this form?"]))
    return d


def s_bank_transfer():
    d = Doc()
    loc = pick(IBAN_LOC)
    a, b = person(loc), person(pick(IBAN_LOC))
    lang = LOCALES[loc]["lang"]
    amt = n_price(loc)
    if lang == "de":
        d.f("Überweisungsbestätigung\nAusführungsdatum: {dt}\nAuftraggeber: {a}\nIBAN "
            "Auftraggeber: {ia}\nEmpfänger: {b}\nIBAN Empfänger: {ib}\nBIC: {bic}\n"
            "Betrag: {amt}\nVerwendungszweck: {ref} Miete {mon}\nTransaktions-ID: {tid}\n",
            dt=N(n_date(loc)), a=P(a.full()), ia=IB(iban(LOCALES[loc]["iban"])),
            b=P(b.inv() if chance(0.3) else b.full()), ib=IB(iban(LOCALES[b.loc]["iban"])),
            bic=N(n_bic()), amt=N(amt), ref=N(n_invoice()), mon=N(pick(MONTHS["de"].split())),
            tid=N(n_uuid()))
    elif lang in ("es", "pt"):
        d.f("Justificante de transferencia\nFecha valor: {dt}\nOrdenante: {a}\nCuenta de "
            "cargo: {ia}\nBeneficiario: {b}\nIBAN beneficiario: {ib}\nImporte: {amt}\n"
            "Concepto: {ref}\nNº operación: {op}\n",
            dt=N(n_date(loc)), a=P(a.caps()), ia=IB(iban(LOCALES[loc]["iban"])), b=P(b.full()),
            ib=IB(iban(LOCALES[b.loc]["iban"])), amt=N(amt), ref=N(n_invoice()),
            op=N("%016d" % ri(0, 10 ** 16 - 1)))
    else:
        d.f("Payment confirmation\nExecuted: {dt} {tm}\nFrom: {a} ({ia})\nTo: {b}\n"
            "Beneficiary IBAN: {ib}\nBIC/SWIFT: {bic}\nAmount: {amt}\nFees: {fee}\n"
            "Payment reference: {ref}\nEnd-to-end ID: {e2e}\n",
            dt=N(n_date(loc)), tm=N(n_time()), a=P(a.full()), ia=IB(iban(LOCALES[loc]["iban"])),
            b=P(b.full()), ib=IB(iban(LOCALES[b.loc]["iban"])), bic=N(n_bic()), amt=N(amt),
            fee=N(n_price(loc)), ref=N(n_invoice()), e2e=N(tok(16, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")))
    if chance(0.35):
        d.f("\nNote: the IBAN in the first email ({bad}) bounced, so I used the one {g} sent "
            "on WhatsApp.", bad=N(bad_iban(LOCALES[b.loc]["iban"])), g=P(b.given))
    if chance(0.3):
        d.f("\nPaid with card ending {l4}, auth code {auth}.", l4=N("**** %04d" % ri(0, 9999)),
            auth=N(tok(6, "0123456789ABCDEF")))
    d.t(pick(["\n\nCan you write a short email to the landlord confirming this?",
              "\n\nTranslate this into English please.", "\n\nDid the money go to the right "
                                                          "account?"]))
    return d


def s_hotel_card():
    d = Doc()
    loc = pick(ALL_LOC)
    hloc = sloc()
    g = person(loc)
    home = loc if LOCALES[loc]["sn"] else sloc()
    d.f("{hotel} — GUEST REGISTRATION CARD\nRoom {room}   Arrival {a}   Departure {dp}   "
        "Rate {rate}\n\n", hotel=N(pick(["Lotus Bay Hotel", "Hanok Stay", "Hotel Rheinblick",
                                          "Pousada Tejo", "Kasbah Riad Services"])),
        room=str(ri(101, 1290)), a=N(n_date(hloc)), dp=N(n_date(hloc)), rate=N(n_price(hloc)))
    d.f("SURNAME / NOM: {s}\nFirst name(s) / Prénom(s): {gv}\nNationality: {nat}\n"
        "Passport / ID no.: {pp}\nDate of birth: {dob}\nHome address: ",
        s=P(g.surname().upper()), gv=P(g.given), nat=LOCALES[loc]["country"].split(" /")[0],
        pp=N(pick([n_natid(), "%s%07d" % (tok(1, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(0, 9999999)),
                   "%s%s%06d" % (tok(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(0, 9), ri(0, 999999))])),
        dob=N(n_date(loc)))
    address(d, home, sep=", ", country=True)
    d.f("\nMobile: {ph}   E-mail: {em}\nCar registration: {reg}\n",
        ph=PH(phone(loc, intl=True)), em=EM(g.email()),
        reg=N("%s %d %s" % (tok(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(10, 999), tok(2, "ABCDEFGHJKLMNPRSTUVWXYZ"))))
    if chance(0.8):
        d.f("Guarantee: {brand} {cc}  exp. {exp}\n", brand=pick(["VISA", "MC", "AMEX", "Card"]),
            cc=CC(card(loc)), exp=N("%02d/%02d" % (ri(1, 12), ri(25, 31))))
    if chance(0.6):
        c = person(loc)
        d.f("Accompanying guest: {c}\n", c=P(c.full()))
    d.f("Guest IP at online check-in: {ip}\n", ip=IP(ip()))
    d.t(pick(["\nPlease transcribe this scanned card into our PMS fields.",
              "\nWhich fields are mandatory under local police registration rules?"]))
    return d


def s_cv():
    d = Doc()
    loc = pick(ALL_LOC)
    p = person(loc)
    home = loc if LOCALES[loc]["sn"] else sloc()
    d.t(pick(["Improve my CV wording, keep the layout:\n\n", "Tailor this CV for a product "
                                                             "manager role:\n\n",
              "Translate my CV to English:\n\n"]))
    d.f("{nm}\n{job} · {city}\n", nm=P(pick([p.full().upper(), p.full()])), job=N(pick(JOBS)),
        city=city_piece(pick(LOCALES[home]["cities"]), 1.0))
    d.add(email_pieces(p.email(), "plain"))
    d.f(" | {ph} | {u}\n", ph=PH(phone(loc, intl=True)), u=U(url(loc, p, kind="linkedin")))
    if chance(0.5):
        d.t("Address: ")
        address(d, home, sep=", ", country=False)
        d.t("\n")
    d.t("\nEXPERIENCE\n")
    for _ in range(ri(2, 3)):
        d.f("{job} — {co} ({d1} – {d2})\n  • Cut onboarding time by {pct} across {n} markets\n",
            job=N(pick(JOBS)), co=N(company()), d1=N(n_date(loc)), d2=pick(["present", "heute",
                                                                              "actualidad"]),
            pct=N(n_pct()), n=str(ri(2, 14)))
    d.f("\nEDUCATION\nMSc, {uni}, {y}\n\nREFERENCES\n", uni=N(pick(["University of Ghent",
                                                                   "Universidad de Chile",
                                                                   "University of Lagos",
                                                                   "Jagiellonian University",
                                                                   "National University of Singapore"])),
        y=str(ri(2005, 2022)))
    for _ in range(2):
        r = person(pick(ALL_LOC))
        d.f("{r}, {job}, {co} — {em}, {ph}\n", r=P(r.full()), job=N(pick(JOBS)), co=N(company()),
            em=EM(r.email(dom=cdomain(loc=r.loc))), ph=PH(phone(r.loc)))
    return d


def s_server_log():
    d = Doc()
    loc = pick(ALL_LOC)
    d.t(pick(["Is this a brute-force attempt? Logs below.\n\n", "Explain what happened here:\n\n",
              "Grep output from last night:\n\n"]))
    mon = pick(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    atk = ipv4("pub")
    for i in range(ri(4, 7)):
        k = pick(["nginx", "nginx", "sshd", "sshd_ok", "app", "fail2ban", "app6"])
        ts = "%02d/%s/%d:%02d:%02d:%02d +0000" % (ri(1, 28), mon, ri(2022, 2025), ri(0, 23),
                                                  ri(0, 59), ri(0, 59))
        if k == "nginx":
            d.f("{ip} - - [{ts}] \"{m} {path} HTTP/1.1\" {code} {size} \"{ref}\" \"Mozilla/5.0 "
                "(Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) {ua} "
                "Safari/537.36\"\n",
                ip=IP(ip()), ts=N(ts), m=pick(["GET", "POST"]),
                path=pick(["/login", "/wp-login.php", "/api/v2/orders", "/account/settings",
                           "/.env"]), code=pick(["200", "401", "404", "302"]), size=str(ri(0, 9000)),
                ref=U(url(loc, kind=pick(["site", "query", "path"]))),
                ua=N("Chrome/%d.0.%d.%d" % (ri(100, 131), ri(5000, 6999), ri(10, 200))))
        elif k == "sshd":
            d.f("{mon} {dd} {hh} {host} sshd[{pid}]: Failed password for invalid user {u} from "
                "{ip} port {port} ssh2\n", mon=mon, dd=str(ri(1, 28)), hh=N(hms()),
                host=pick(["bastion-01", "web3", "pi-hole"]), pid=str(ri(1000, 99999)),
                u=pick(["admin", "oracle", "test", "ubuntu", "git"]), ip=IP(atk),
                port=str(ri(1024, 65535)))
        elif k == "sshd_ok":
            d.f("{mon} {dd} {hh} {host} sshd[{pid}]: Accepted publickey for deploy from {ip} "
                "port {port} ssh2: ED25519 SHA256:{fp}\n", mon=mon, dd=str(ri(1, 28)),
                hh=N(hms()), host=pick(["bastion-01", "web3"]), pid=str(ri(1000, 99999)),
                ip=IP(ipv6()), port=str(ri(1024, 65535)),
                fp=N(tok(43, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")))
        elif k == "app":
            p = person(pick(ALL_LOC))
            d.f("[{iso}] INFO auth: login ok user={em} ip={ip} session={sid}\n",
                iso=N("%d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (ri(2022, 2025), ri(1, 12), ri(1, 28),
                                                             ri(0, 23), ri(0, 59), ri(0, 59),
                                                             ri(0, 999))),
                em=EM(p.email()), ip=IP(ip()), sid=N(n_hash()))
        elif k == "app6":
            p = person(pick(ALL_LOC))
            d.f("[{iso}] WARN payments: declined for {nm} (cust_{cid}) card {mask} from [{ip}]:"
                "{port}\n", iso=N(n_date() + " " + n_time()), nm=P(p.full()), cid=str(ri(1000, 99999)),
                mask=N("%s******%04d" % (pick(["411111", "542418", "601100"]), ri(0, 9999))),
                ip=IP(ipv6()), port=str(ri(1024, 65535)))
        else:
            d.f("{dt} fail2ban.actions [{pid}]: NOTICE [sshd] Ban {ip}\n",
                dt=N("%d-%02d-%02d %02d:%02d:%02d,%03d" % (ri(2022, 2025), ri(1, 12), ri(1, 28),
                                                           ri(0, 23), ri(0, 59), ri(0, 59),
                                                           ri(0, 999))), pid=str(ri(100, 9999)),
                ip=IP(atk))
    return d


def s_network_inventory():
    d = Doc()
    loc = pick(ALL_LOC)
    d.t(pick(["Turn this into an Ansible inventory:\n\n", "Find the duplicate IPs:\n\n",
              "Which of these are still on the old VLAN?\n\n"]))
    d.t("| host | ipv4 | ipv6 | mac | owner | notes |\n|---|---|---|---|---|---|\n")
    for _ in range(ri(3, 6)):
        p = person(pick(ALL_LOC))
        own = pick(["person", "email", "both", "team"])
        d.f("| {h} | {v4} | {v6} | {mac} | ", h=pick(["fw-01", "nas", "printer-2f", "cam-lobby",
                                                      "k8s-node-3", "ap-kitchen", "vpn-gw",
                                                      "db-replica"]) + "-%d" % ri(1, 9),
            v4=IP(ipv4("priv")), v6=IP(ipv6()) if chance(0.6) else "—", mac=N(n_mac()))
        if own == "person":
            d.add(P(p.full()))
        elif own == "email":
            d.add(EM(p.email(dom=cdomain(loc=loc))))
        elif own == "both":
            d.add([P(p.full()), " <", EM(p.email(dom=cdomain(loc=loc))), ">"])
        else:
            d.t(pick(["netops", "facilities", "IT helpdesk"]))
        d.f(" | {note} |\n", note=pick(["rack B3", "patch 14", "2F comms room", ""])
            if chance(0.5) else ["fw ", N(n_version())])
    d.f("\nSubnets: {a}/{pa}, {b}/{pb}. Gateway {gw}.\n", a=IP("10.%d.0.0" % ri(0, 255)),
        pa=str(pick([16, 20, 24])), b=IP("2001:db8:%x::" % ri(0, 0xffff)), pb="48",
        gw=IP(ipv4("priv")))
    return d


def s_email_thread():
    d = Doc()
    loc = pick(ALL_LOC)
    a, b, c = person(loc), person(pick(ALL_LOC)), person(loc)
    dom = cdomain(loc=loc)
    ea, eb, ec = a.email(dom=dom), b.email(), c.email(dom=dom)
    d.t(pick(["Can you draft a polite reply to this?\n\n", "Summarise this thread:\n\n"]))
    d.t("---------- Forwarded message ---------\nFrom: ")
    d.add(pick([["\"", P(a.full()), "\" <", EM(ea), ">"], [P(a.full()), " <", EM(ea), ">"],
                [EM(ea)]]))
    d.f("\nDate: {wd}, {dt} at {tm}\nSubject: Re: {tk} — access for the new starter\nTo: ",
        wd=N(pick(WEEKDAYS["en"].split())), dt=N(n_date()), tm=N(n_time()), tk=N(n_ticket()))
    d.add([P(b.full()), " <", EM(eb), ">"])
    d.t("\nCc: ")
    d.add(EM(ec))
    d.f("\n\nHi {bg},\n\nAs discussed, {cg} starts on {wd2}. Could you set up the laptop "
        "({prod}, asset tag {tag}) and add {cg2} to the VPN? Home address for the courier is ",
        bg=P(b.given), cg=P(c.full()), wd2=N(pick(WEEKDAYS["en"].split())),
        prod=N(pick(PRODUCTS[1:2] + PRODUCTS[6:7] + PRODUCTS[15:16])),
        tag=N("IT-%05d" % ri(0, 99999)), cg2=P(c.given))
    home = c.loc if LOCALES[c.loc]["sn"] else sloc()
    address(d, home, sep=", ", country=False)
    d.f(".\n\nThanks,\n{ag}\n--\n{an}\n{job} | {co}\n{ph} | {u}\n",
        ag=P(a.given), an=P(a.full()), job=N(pick(JOBS)), co=N(company()),
        ph=phone_pieces(loc, 0.4), u=U(url(loc, kind=pick(["www", "site"]))))
    return d


def s_translation_request():
    d = Doc()
    lang = pick(["de", "fr", "es", "pt", "it", "nl"])
    loc = {"de": pick(["de", "at", "ch"]), "fr": pick(["fr", "be", "ma", "qc"]),
           "es": pick(["es", "mx", "ar", "co", "cl"]), "pt": pick(["pt", "br"]), "it": "it",
           "nl": pick(["nl", "be"])}[lang]
    a, b = person(loc), person(loc)
    d.t(pick(["Translate to English please:\n\n", "What does this letter say?\n\n",
              "Can you help me understand this and draft an answer?\n\n"]))
    if lang == "de":
        d.add(a.formal())
        d.t("\n")
        address(d, loc, sep="\n", country=False)
        d.f("\n\n{city}, den {dt}\n\nSehr geehrte{e} ", city=N(pick(LOCALES[loc]["cities"])),
            dt=N(n_date(loc)), e="r" if b.g == "m" else "")
        d.add(b.formal())
        d.f(",\n\nhiermit kündige ich den Mietvertrag für die Wohnung {st} fristgerecht zum "
            "{dt}. Bitte überweisen Sie die Kaution ({amt}) auf mein Konto {ib}. Für die "
            "Wohnungsübergabe erreichen Sie mich unter {ph} oder {em}.\n\nMit freundlichen "
            "Grüßen\n{an}",
            st=S(street(loc)), dt=N(n_date(loc)), amt=N(n_price(loc)),
            ib=IB(iban(LOCALES[loc]["iban"] or "DE")), ph=PH(phone(loc)), em=EM(a.email()),
            an=P(a.full()))
    elif lang == "fr":
        d.f("{an}\n", an=P(a.full()))
        address(d, loc, sep="\n", country=False)
        d.f("\n\nObjet : résiliation — contrat n° {ref}\n\n{civ} ", ref=N(n_order()),
            civ="Madame," if b.g == "f" else "Monsieur,")
        d.f("\n\nSuite à notre échange du {dt} avec {bt}{bs}, je vous confirme mon départ du "
            "logement situé au {st}. Merci de me rembourser le dépôt de garantie ({amt}) sur le "
            "compte {ib}. Je reste joignable au {ph}.\n\nCordialement,\n{ag}",
            dt=N(n_date(loc)), bt=pick(["Mme ", "M. "]) if True else "", bs=P(b.surname()),
            st=S(street(loc)), amt=N(n_price(loc)), ib=IB(iban(LOCALES[loc]["iban"] or "FR")),
            ph=PH(phone(loc)), ag=P(a.full()))
    elif lang == "es":
        d.f("Estimado/a {b}:\n\nLe escribo en nombre de mi madre, {m}, que vive en {st} ({city}). "
            "El cargo de {amt} en su tarjeta {cc} del {dt} no lo reconoce. Puede llamarla al {ph} "
            "o escribirme a {em}.\n\nAtentamente,\n{a}",
            b=P(b.full()), m=P(person(loc, "f").full()), st=S(street(loc)),
            city=N(re.split(r",| \(| - ", pick(LOCALES[loc]["cities"]))[0]),
            amt=N(n_price(loc)), cc=CC(card(loc)), dt=N(n_date(loc)), ph=PH(phone(loc)),
            em=EM(a.email()), a=P(a.full()))
    elif lang == "pt":
        d.f("Prezado(a) {bt}{b},\n\nVenho solicitar a segunda via do boleto referente ao "
            "imóvel da {st}. Meus dados: {a}, CPF {cpf}, telefone {ph}, e-mail {em}. O "
            "reembolso pode ser feito na conta {ib}.\n\nAtenciosamente,\n{ag}",
            bt=pick(["Sr. ", "Sra. ", ""]), b=P(b.surname()), st=S(street(loc)), a=P(a.full()),
            cpf=N(n_natid("br")), ph=PH(phone(loc)), em=EM(a.email()),
            ib=IB(iban(LOCALES[loc]["iban"] or "PT")), ag=P(a.given))
    elif lang == "it":
        d.f("Gentile {bt}{b},\n\nle scrivo per segnalare un guasto nell'appartamento di {st}, "
            "interno {f}. Il tecnico, {tec}, è passato il {dt} ma non ha risolto. Mi può "
            "contattare al {ph} oppure a {em}. Codice fiscale {cf}.\n\nCordiali saluti,\n{a}",
            bt=pick(["Sig. ", "Dott.ssa ", "Avv. "]), b=P(b.surname()), st=S(street(loc)),
            f=str(ri(1, 20)), tec=P(person(loc).full()), dt=N(n_date(loc)), ph=PH(phone(loc)),
            em=EM(a.email()), cf=N(n_natid("it")), a=P(a.full()))
    else:
        d.f("Beste {bt}{b},\n\nHierbij bevestig ik de verhuizing naar {st} per {dt}. Mijn "
            "nieuwe telefoonnummer is {ph}. De borg kan worden teruggestort op {ib} t.n.v. "
            "{a}.\n\nMet vriendelijke groet,\n{ag}",
            bt=pick(["heer ", "mevrouw ", ""]), b=P(b.surname()), st=S(street(loc)),
            dt=N(n_date(loc)), ph=PH(phone(loc)), ib=IB(iban(LOCALES[loc]["iban"] or "NL")),
            a=P(a.initials()), ag=P(a.full()))
    return d


def s_git_log():
    d = Doc()
    d.t(pick(["Write release notes from this git log:\n\n", "Who touched the billing code "
                                                           "last?\n\n"]))
    for _ in range(ri(2, 4)):
        p = person(pick(ALL_LOC))
        em = p.email() if chance(0.6) else "%d+%s@users.noreply.github.com" % (
            ri(100000, 99999999), re.sub(r"[^a-z0-9]", "", fold(p.given).lower()) + tok(2, "0123456789"))
        d.f("commit {h}\nAuthor: {nm} <{em}>\nDate:   {wd} {mo} {dd} {tm} {y} +0{tz}00\n\n"
            "    {msg} ({tk})\n", h=N(n_hash() if chance(0.3) else "".join(pick("0123456789abcdef") for _ in range(40))),
            nm=P(p.full()), em=EM(em), wd=pick(["Mon", "Tue", "Wed", "Thu", "Fri"]),
            mo=pick(["Jan", "Mar", "Jun", "Sep", "Nov"]), dd=str(ri(1, 28)), tm=N(hms()),
            y=str(ri(2020, 2025)), tz=str(ri(0, 9)),
            msg=pick(["Fix rounding in invoice totals", "Bump lodash to 4.17.21",
                      "Add Swahili translations", "Handle IPv6 in rate limiter",
                      "Remove hard-coded SMTP password", "Retry webhook on 502"]),
            tk=N(n_ticket()))
        if chance(0.4):
            q = person(pick(ALL_LOC))
            d.f("\n    Co-authored-by: {nm} <{em}>\n", nm=P(q.full()), em=EM(q.email()))
        d.t("\n")
    d.f("Tags: {v1}, {v2}", v1=N(n_version()), v2=N(n_version()))
    return d


def s_config_yaml():
    d = Doc()
    loc = pick(ALL_LOC)
    p, q = person(loc), person(pick(ALL_LOC))
    d.t(pick(["Why does this config fail to load?\n\n```yaml\n", "Review this config for "
                                                                "secrets before I commit:\n\n```yaml\n"]))
    d.f("app:\n  name: {app}\n  version: {v}\n  admin_email: {em}\n  support_url: {u}\n"
        "  oncall:\n    - name: {pn}\n      phone: \"{ph}\"\n    - name: {qn}\n      phone: "
        "\"{qph}\"\nsmtp:\n  host: {smtp}\n  port: 587\n  user: {smu}\ndb:\n  host: \"[{db6}]:5432\"\n"
        "  replica: {rep}:5432\nallowed_cidrs:\n  - {c1}/24\n  - {c2}/48\nwebhook: {wh}\n"
        "instance_id: {iid}\ntheme_colour: \"{hx}\"\nlog_path: {lp}\n",
        app=pick(["billing-api", "crm-sync", "booking-svc"]), v=N(n_version()),
        em=EM(p.email(dom=cdomain(loc=loc))), u=U(url(loc, kind="site")), pn=P(p.full()),
        ph=PH(phone(loc, intl=True)), qn=P(q.full()), qph=PH(phone(q.loc, intl=True)),
        smtp=IP(ipv4("priv")), smu=EM("no-reply@" + cdomain(loc=loc)), db6=IP(ipv6("ula")),
        rep=IP(ipv4("priv")), c1=IP("%d.%d.%d.0" % (ri(11, 223), ri(0, 255), ri(0, 255))),
        c2=IP("2001:db8:%x::" % ri(0, 0xffff)),
        wh=U("https://hooks.%s/services/%s/%s" % (pick(["slack.com", "zapier.com"]), tok(9, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"), tok(12))),
        iid=N(n_uuid()), hx=N(n_hex()), lp=N(n_path()))
    d.t("```\n")
    return d


def s_seating_plan():
    d = Doc()
    loc = pick(ALL_LOC)
    couple = (person(loc, "f"), person(pick([loc, pick(ALL_LOC)]), "m"))
    d.f("Seating plan — wedding of {a} & {b}, {dt}\nVenue: {venue}, ",
        a=P(couple[0].given), b=P(couple[1].given), dt=N(n_date(loc)),
        venue=N(pick(["The Old Granary", "Quinta do Tejo", "Villa Almendro", "Kasbah Tamadot",
                      "Brightwater Barn", "Hacienda San Gabriel"])))
    vloc = loc if LOCALES[loc]["sn"] else sloc()
    address(d, vloc, sep=", ", country=False)
    d.t("\n\n")
    rel = ["Aunt ", "Uncle ", "Grandma ", "Nana ", "Cousin ", "Tía ", "Tante ", "Oma ", ""]
    for t in range(1, ri(4, 6)):
        d.f("Table {n} ({nm}): ", n=str(t), nm=N(pick(["Rose", "Jasmine", "Baobab", "Olive",
                                                        "Protea", "Lavender", "Kowhai"])))
        for i in range(ri(3, 6)):
            if i:
                d.t(", ")
            p = person(pick([loc, loc, couple[1].loc]))
            style = pick(["full", "full", "rel", "given", "couple"])
            if style == "rel":
                d.add([pick(rel), P(p.given)])
            elif style == "given":
                d.add(P(p.given))
            elif style == "couple":
                q = person(p.loc, "f" if p.g == "m" else "m")
                d.add([P(q.given), " & ", P(p.full())])
            else:
                d.add(P(p.full()))
            if chance(0.2):
                d.t(pick([" (veg)", " (nut allergy)", " (+1)", " (halal)", " (high chair)"]))
        d.t("\n")
    pl = person(loc)
    d.f("\nRSVPs still missing — chase via {em}. Planner: {pl}, {ph}. Colour scheme {hx}.\n",
        em=EM(couple[0].email()), pl=P(pl.full()), ph=PH(phone(loc)), hx=N(n_hex()))
    d.t(pick(["Can you balance the tables so no table has more than 8?",
              "Make a printable version grouped by table."]))
    return d


def s_sports_roster():
    d = Doc()
    loc = pick(ALL_LOC)
    d.f("{club} — {team} squad list {season}\nTraining: {wd}s {tm} at ",
        club=N(pick(["Riverside Rovers", "Kauri Hollow AFC", "SV Lindenhof", "Club Atlético "
                     "Almendro", "Ndovu Netball Club", "Harbourside Hockey"])),
        team=pick(["U11", "U14 Girls", "Veterans", "1st XV", "U9 Mixed"]),
        season=N(pick(["2024/25", "2025", "Spring 2024"])), wd=N(pick(WEEKDAYS["en"].split())),
        tm=N(n_time()))
    tloc = loc if LOCALES[loc]["sn"] else sloc()
    d.add(S(street(tloc)))
    d.t("\n\n#  | Player | Pos | DOB | Parent/guardian | Contact\n")
    for _ in range(ri(4, 7)):
        k = person(loc)
        par = person(loc)
        d.f("{no} | {k} | {pos} | {dob} | {par} | {c}\n", no=str(ri(1, 99)),
            k=P(pick([k.full(), k.inv(), k.caps(), k.given])), pos=pick(["GK", "DEF", "MID", "FWD",
                                                                       "C", "WA", "Prop", "Wing"]),
            dob=N(n_date(loc)), par=P(par.full() if chance(0.7) else par.initials()),
            c=pick([[PH(phone(loc))], [EM(par.email())], [PH(phone(loc)), " / ", EM(par.email())]]))
    coach = person(loc)
    d.f("\nCoach: {c} ({em}). Kit order {o}, subs {price}.\n", c=P(coach.full()),
        em=EM(coach.email()), o=N(n_order()), price=N(n_price(loc)))
    d.t(pick(["Make a WhatsApp-friendly version without DOBs.", "Sort by shirt number."]))
    return d


def s_rental_application():
    d = Doc()
    loc = sloc()
    a = person(loc)
    land = person(loc)
    emp = person(loc)
    em_c = person(pick(ALL_LOC))
    d.f("RENTAL APPLICATION — Property: {st}\nApplicant: {a}\nDate of birth: {dob}   ID: {id}\n"
        "Current address: ", st=S(street(loc)), a=P(pick([a.full(), a.inv(True)])),
        dob=N(n_date(loc)), id=N(n_natid()))
    address(d, loc, sep=", ", country=False)
    d.f(" (since {dt})\nPrevious address: ", dt=N(n_date(loc)))
    address(d, loc, sep=", ", country=False)
    d.f("\nPhone: {ph}   Email: {em}\nEmployer: {co}, {job}, salary {sal}\nEmployer contact: "
        "{emp}, {eph}\nCurrent landlord: {land} — {lph} — {lem}\nEmergency contact: {ec} "
        "({rel}), {ecph}\nBank account for deposit refund: {ib}\nPets: {pets}\n",
        ph=PH(phone(loc)), em=EM(a.email()), co=N(company()), job=N(pick(JOBS)),
        sal=N(n_price(loc)), emp=P(emp.full()), eph=phone_pieces(loc, 0.4), land=land.formal(True),
        lph=PH(phone(loc)), lem=EM(land.email()), ec=P(em_c.full()),
        rel=pick(["sister", "father", "partner", "friend"]), ecph=PH(phone(em_c.loc, intl=True)),
        ib=IB(iban(LOCALES[loc]["iban"] or pick(list(IBAN_SPEC)))),
        pets=pick(["none", "1 cat", "small dog (8 kg)"]))
    d.t(pick(["\nWrite a cover note to the agent to go with this.",
              "\nIs there anything here I shouldn't be sharing?"]))
    return d


def s_genealogy():
    d = Doc()
    loc = pick(["gb", "ie", "de", "it", "pl", "se", "no", "nl", "fr", "es", "us", "za", "jm"])
    p = person(loc, "m")
    w = person(loc, "f")
    maiden = w.surname()
    father = pick(LOCALES[loc]["gm"])
    kids = R.sample(LOCALES[loc]["gf"] + LOCALES[loc]["gm"], 3)
    y = ri(1840, 1900)
    d.f("Research notes — {fam} line\n\n", fam=P(p.surname()))
    d.f("{p} (b. {y} in {place}, d. {yd}) was the son of {f} {s} and {m}. ",
        p=P(p.full()), y=str(y), place=N(pick(LOCALES[loc]["cities"])), yd=str(y + ri(40, 85)),
        f=P(father), s=P(p.surname()), m=P(pick(LOCALES[loc]["gf"])))
    d.f("In the {cy} census the household is at {st}, {job} by trade. ", cy=str(y + ri(20, 35)),
        st=S(street(loc)), job=pick(["a cooper", "a weaver", "a railway porter", "a fisherman",
                                     "a schoolmaster"]))
    d.f("He married {w} (née {mn}) on {dt} at {ch}; witnesses {w1} and {w2}. Children: ",
        w=P(w.given), mn=P(maiden), dt=N("%d %s %d" % (ri(1, 28), pick(MONTHS["en"].split()),
                                                       y + ri(20, 30))),
        ch=N(pick(["St Peter's", "Sankt Marien", "Santa Maria Assunta", "Holy Trinity"])),
        w1=P(person(loc).full()), w2=P(person(loc).full()))
    for i, k in enumerate(kids):
        d.add([", " if i else "", P(k), " (" + str(y + ri(22, 40)) + ")"])
    d.f(".\n\nSources: parish register film {film}; FamilySearch {u}; {book}.\n",
        film=N("#%07d" % ri(0, 9999999)), u=U("https://www.familysearch.org/ark:/61903/1:1:%s"
                                               % tok(8, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")),
        book=N(n_isbn()))
    d.t(pick(["What should I look for next?", "Turn these notes into a GEDCOM-style outline."]))
    return d


def s_itinerary():
    d = Doc()
    loc = pick(ALL_LOC)
    tr = [person(loc) for _ in range(ri(1, 3))]
    hloc = sloc()
    d.f("Your itinerary — booking ref {pnr}\n\nPassengers:\n", pnr=N(n_pnr()))
    for p in tr:
        nm = fold(p.surname()).upper().replace(" ", "") + "/" + fold(p.given).upper().replace(" ", "")
        d.f("  {nm} {t}  e-ticket {et}\n", nm=P(nm),
            t=pick(["MR", "MR", "MSTR"]) if p.g == "m" else pick(["MS", "MRS", "MISS"]),
            et=N("%03d-%010d" % (ri(1, 999), ri(0, 10 ** 10 - 1))))
    for _ in range(2):
        d.f("\n{fl}  {dt}  dep {t1}  arr {t2}  seat {seat}  baggage {bag}",
            fl=N(n_flight()), dt=N(n_date(loc)), t1=N("%02d:%02d" % (ri(0, 23), ri(0, 59))),
            t2=N("%02d:%02d" % (ri(0, 23), ri(0, 59))), seat=str(ri(1, 45)) + pick("ABCDEF"),
            bag=N("%d kg" % pick([20, 23, 30, 46])))
    d.f("\n\nHotel: {h}\n", h=N(pick(["Lotus Bay Hotel", "Hanok Stay", "Casa Almendro",
                                       "Maison Verdier"])))
    address(d, hloc, sep=", ", country=True)
    d.f("\nTel {ph}  ·  check-in from {tm}  ·  {u}\n", ph=PH(phone(hloc, intl=True)),
        tm=N(n_time()), u=U(url(hloc, kind=pick(["site", "www", "airbnb"]))))
    lead = tr[0]
    d.f("Lead traveller contact: {em}, {ph}\nPaid {price} with card {mask}.\n",
        em=EM(lead.email()), ph=PH(phone(loc, intl=True)), price=N(n_price(loc)),
        mask=N("XXXX-XXXX-XXXX-%04d" % ri(0, 9999)))
    d.t(pick(["\nTurn this into a day-by-day plan.", "\nWhat time should we leave for the "
                                                     "airport?"]))
    return d


def s_tenancy_dispute():
    d = Doc()
    loc = pick(["gb", "ie", "au", "nz", "ca", "za", "us", "de", "nl", "es", "fr"])
    t, ll = person(loc), person(loc)
    agent = company()
    d.t(pick(["Help me make this letter firmer but still polite:\n\n", "Is this letter "
                                                                      "legally OK?\n\n"]))
    d.f("{t}\n", t=P(t.full()))
    st = address(d, loc, sep="\n", country=False)
    d.f("\n{dt}\n\n", dt=N(n_date(loc)))
    d.add(ll.formal(True))
    d.f("\nc/o {ag}\n", ag=N(agent))
    address(d, loc, sep="\n", country=False)
    d.t("\n\nDear ")
    d.add(ll.formal())
    d.f(",\n\nRe: deposit for {st} (tenancy ref. {ref})\n\nI moved out on {dt2} and returned "
        "all keys to your agent, {ag2}. It is now {days} days later and the deposit of {amt} "
        "has not been returned. The check-out report ({ins}, inspector {insp}) notes only "
        "fair wear and tear.\n\nPlease return the deposit to {acct} within 14 days. You can "
        "reach me on {ph} or {em}.\n\nYours sincerely,\n{sig}\n",
        st=S(st), ref=N(n_ticket()), dt2=N(n_date(loc)), ag2=N(agent), days=str(ri(20, 90)),
        amt=N(n_price(loc)), ins=N(n_path()), insp=P(person(loc).full()),
        acct=IB(iban(LOCALES[loc]["iban"])) if LOCALES[loc]["iban"] else N(n_acct(loc)),
        ph=PH(phone(loc)), em=EM(t.email()), sig=P(t.full()))
    return d


def s_bug_report_json():
    d = Doc()
    loc = pick(ALL_LOC)
    p = person(loc)
    home = loc if LOCALES[loc]["sn"] else sloc()
    d.t(pick(["Users can't update their address, payload below. What's wrong?\n\n",
              "Bug: checkout 500s for this customer. Record from prod (sorry):\n\n"]))
    d.f("```json\n{\n  \"id\": {id},\n  \"uuid\": \"{u}\",\n  \"name\": \"{nm}\",\n  \"email\": "
        "\"{em}\",\n  \"phone\": \"{ph}\",\n  \"address\": {\n    \"line1\": \"{st}\",\n    "
        "\"postcode\": \"{pc}\",\n    \"country\": \"{cc}\"\n  },\n  \"last_login_ip\": \"{ip}\",\n"
        "  \"card\": {\"brand\": \"{br}\", \"last4\": \"{l4}\", \"exp\": \"{exp}\"{pan}},\n"
        "  \"created_at\": \"{ts}\",\n  \"avatar_color\": \"{hx}\"\n}\n```\n",
        id=N(str(ri(10000, 9999999))), u=N(n_uuid()), nm=P(p.full()), em=EM(p.email()),
        ph=PH(phone(loc, intl=True)), st=S(street(home)), pc=N(n_postcode(home)),
        cc=LOCALES[home]["country"][:2].upper(), ip=IP(ip()),
        br=pick(["visa", "mastercard", "amex"]), l4=N("%04d" % ri(0, 9999)),
        pan=[", \"pan\": \"", CC(card(loc, sep="")), "\""] if chance(0.4) else "",
        exp=N("%02d/%d" % (ri(1, 12), ri(2025, 2031))),
        ts=N("%d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (ri(2019, 2025), ri(1, 12), ri(1, 28),
                                                    ri(0, 23), ri(0, 59), ri(0, 59), ri(0, 999))),
        hx=N(n_hex()))
    d.f("Stack: TypeError at {path}:{ln} (release {v}, commit {h})\n", path=N(n_path()),
        ln=str(ri(10, 900)), v=N(n_version()), h=N(n_hash()))
    if chance(0.4):
        d.f("Reporter: {r} ({re})\n", r=P(person(pick(ALL_LOC)).full()),
            re=EM("qa@" + cdomain(loc=loc)))
    return d


def s_meeting_minutes():
    d = Doc()
    loc = pick(ALL_LOC)
    ppl = [person(pick([loc, loc, pick(ALL_LOC)])) for _ in range(ri(4, 6))]
    nm1 = person(loc)
    d.f("Minutes — {grp}, {dt}, {tm}\nPresent: ", grp=pick(["Residents' Association",
                                                            "Board of Trustees", "PTA committee",
                                                            "Sprint retro", "Allotment society"]),
        dt=N(n_date(loc)), tm=N(n_time()))
    for i, p in enumerate(ppl[:-1]):
        d.add([", " if i else "", P(p.full())])
        if chance(0.3):
            d.f(" ({r})", r=N(pick(JOBS)))
    d.f("\nApologies: {a}\n\n1. Treasurer's report: balance {bal}, up {pct}.\n"
        "2. {g1} raised the broken gate at {st}; {g2} to get quotes from {co}.\n"
        "3. New members: {nm1} ({em1}) and {nm2} ({ph2}).\n"
        "4. AOB: next meeting {dt2}. Minutes taken by {sec}.\n\nACTIONS\n- {g1b}: email {em3} "
        "by {wd}\n- {g2b}: update {u}\n",
        a=P(ppl[-1].full()), bal=N(n_price(loc)), pct=N(n_pct()), g1=P(ppl[0].short()),
        st=S(street(loc if LOCALES[loc]["sn"] else sloc())), g2=P(ppl[1].short()),
        co=N(company()), nm1=P(nm1.full()), em1=EM(nm1.email()),
        nm2=P(person(loc).full()), ph2=PH(phone(loc)), dt2=N(n_date(loc)), sec=P(ppl[2].full()),
        g1b=P(ppl[0].short()), em3=EM("council@" + cdomain(loc=loc)),
        wd=N(pick(WEEKDAYS["en"].split())), g2b=P(ppl[1].short()), u=U(url(loc, kind="docs")))
    return d


def s_podcast_notes():
    d = Doc()
    guests = [person(pick(ALL_LOC)) for _ in range(ri(1, 3))]
    host = person(pick(ALL_LOC))
    d.f("Ep. {n}: {topic}\n\nThis week {h} talks to ", n=str(ri(12, 340)),
        topic=pick(["Why your city needs more bike lanes", "Fermentation for beginners",
                    "Open-source in fintech", "Raising bilingual kids"]), h=P(host.given))
    for i, g in enumerate(guests):
        d.add([" and " if i else "", P(g.full()), " (", N(pick(JOBS)), ")"])
    d.t(".\n\nTimestamps\n")
    for _ in range(3):
        d.f("{ts} {what}\n", ts=N("%02d:%02d:%02d" % (0, ri(0, 59), ri(0, 59))),
            what=pick(["Intro", "How it started", "Listener questions", "Biggest mistake",
                       "Where to find them"]))
    d.t("\nLinks\n")
    for g in guests:
        d.add(["- ", P(g.given), ": ", U(url(g.loc, g, kind=pick(["linkedin", "www", "site",
                                                                  "tg"]))), "\n"])
    d.f("- Book mentioned: {isbn}\n- Sponsor code {code} for {pct} off at {u}\n\nFeedback: "
        "{em}\n", isbn=N(n_isbn()), code=N(tok(6, "ABCDEFGHJKLMNPQRSTUVWXYZ").upper() + str(ri(10, 99))),
        pct=N(n_pct()), u=U(url(kind="www")), em=EM("hello@" + cdomain()))
    d.t(pick(["Write a tweet thread promoting this episode.", "Shorten to 80 words."]))
    return d


def s_real_estate():
    d = Doc()
    loc = sloc()
    ag = person(loc)
    d.t(pick(["Rewrite this listing to sound more appealing:\n\n", "Translate this listing "
                                                                    "into English:\n\n"]))
    d.f("{beds}-bed {kind} — {price}\n", beds=str(ri(1, 5)), kind=pick(["apartment", "terraced "
                                                                          "house", "villa",
                                                                          "loft", "bungalow"]),
        price=N(n_price(loc)))
    address(d, loc, sep=", ", country=False)
    d.f("\n\n{m}, energy rating {epc}, built {y}. Bright living room facing {pl}, new "
        "{prod}. Service charge {sc}. Coordinates {co}.\n\nViewings {wd} {tm}. Contact {ag} at "
        "{agency}: ", m=N("%d m²" % ri(35, 260)), epc=pick("ABCD"), y=str(ri(1890, 2022)),
        pl=N(pick(PLACES)), prod=N(pick(["Bosch Serie 6", "Thermomix TM6", "Vitamix E310"])),
        sc=N(n_price(loc)), co=N(n_coord()), wd=N(pick(WEEKDAYS["en"].split())), tm=N(n_time()),
        ag=P(ag.full()), agency=N(pick(["Kauri Coast Realty", "Tejo Imobiliária",
                                        "Pinecrest Property Management", "Polder Verhuur"])))
    d.add(phone_pieces(loc, 0.3))
    d.f(" · {em} · {u}\nListing ID {lid}", em=EM(ag.email(dom=cdomain(loc=loc))),
        u=U(url(loc, kind="path")), lid=N(str(ri(10 ** 6, 10 ** 8))))
    return d


def s_vet_record():
    d = Doc()
    loc = pick(ALL_LOC)
    own = person(loc)
    vet = person(loc)
    home = loc if LOCALES[loc]["sn"] else sloc()
    d.f("PATIENT RECORD — {clinic}\nPatient: {pet} ({sp}, {w})   Microchip: {chip}\nOwner: ",
        clinic=N(pick(["Kiwi Hollow Vets", "Tierarztpraxis Lindenhof", "Clínica Veterinaria "
                       "Almendro", "Savanna Animal Hospital"])),
        pet=pick(["Biscuit", "Pepper", "Noodle", "Mochi", "Pixel", "Simba"]),
        sp=pick(["canine, Labrador", "feline, DSH", "rabbit", "canine, Staffy x"]),
        w=N("%.1f kg" % R.uniform(1.2, 42)), chip=N("%015d" % ri(10 ** 14, 10 ** 15 - 1)))
    d.add(pick([[own.title() + " ", P(own.full())], [P(own.inv(True))], [P(own.full())]]))
    d.t("\nAddress: ")
    address(d, home, sep=", ", country=False)
    d.f("\nPhone: {ph}   Alt: {ph2}\nEmail: {em}\n\n{dt}  Vaccination (DHPPi + L4), batch "
        "{batch}. Weight stable. Owner reports itching. Prescribed {drug} {mg}. Seen by {vet}.\n"
        "Invoice {inv}: {price}, paid by card {cc}.\n",
        ph=PH(phone(loc)), ph2=PH(phone(loc)), em=EM(own.email()), dt=N(n_date(loc)),
        batch=N(tok(2, "ABCDEFGHJKLMN") + str(ri(100000, 999999))),
        drug=pick(["Apoquel", "Bravecto", "Metacam"]), mg=N("%d mg" % pick([5, 16, 112, 250])),
        vet=P(vet.full()), inv=N(n_invoice()),
        price=N(n_price(loc)), cc=CC(card(loc)))
    d.t(pick(["\nWrite a reminder SMS for the booster.", "\nSummarise for the owner in plain "
                                                        "language."]))
    return d


def s_recommendation_letter():
    d = Doc()
    loc = pick(ALL_LOC)
    st, prof = person(loc), person(pick(ALL_LOC))
    d.f("To the Admissions Committee,\n\nI am delighted to recommend {s} for the {prog}. I have "
        "known {g} since {y}, first as a student in my {course} seminar and later as a research "
        "assistant at {lab}. ", s=P(st.full()), prog=pick(["MSc in Data Science",
                                                         "Chevening Scholarship",
                                                         "DAAD fellowship",
                                                         "Erasmus Mundus programme"]),
        g=P(st.given if not st.east else st.full()), y=str(ri(2015, 2023)),
        course=pick(["Econometrics", "Organic Chemistry", "Urban Planning", "NLP"]),
        lab=N(pick(["Makerere University", "ETH Zürich", "TU Delft", "IIT Madras",
                    "Universidad de Chile"])))
    d.f("{g2} ranked in the top {pct} of a cohort of {n}, and co-authored a paper with Dr "
        "{co} (DOI {doi}). ", g2=P(st.given if not st.east else st.full()), pct=N("%d%%" % ri(1, 10)),
        n=str(ri(30, 400)), co=P(person(pick(ALL_LOC)).full()),
        doi=N("10.%d/%s" % (ri(1000, 9999), tok(8))))
    d.f("\n\nPlease contact me at {em} or {ph} should you need anything further.\n\nSincerely,\n"
        "Prof. {p}\n{job}\n", em=EM(prof.email(dom=cdomain(loc=prof.loc))),
        ph=phone_pieces(prof.loc, 0.3), p=P(prof.full()), job=N(pick(JOBS)))
    d.t(pick(["\nMake it more specific and less generic.", "\nCut to one page."]))
    return d


def s_court_notice():
    d = Doc()
    loc = pick(["gb", "us", "ie", "au", "za", "ng", "ke", "in", "jm", "ca", "nz", "gh"])
    pl, df = person(loc), person(loc)
    d.f("IN THE {court}\nCase No. {cn}\n\nBETWEEN\n{pl}\nClaimant\nand\n{df}\nDefendant\n\n"
        "NOTICE OF HEARING\n\nTAKE NOTICE that this matter is listed for hearing on {dt} at "
        "{tm} before {judge}. The Defendant, of ",
        court=pick(["COUNTY COURT AT LEEDS", "HIGH COURT OF KENYA AT NAIROBI",
                    "MAGISTRATES' COURT", "SMALL CLAIMS TRIBUNAL", "DISTRICT COURT"]),
        cn=N(pick(["%s%d%s" % (tok(1, "ABCDEFGHJK"), ri(10, 99), tok(2, "ABCDEFGHJKLMNPQRSTUVWXYZ") + str(ri(100, 999))),
                   "%d-CV-%05d" % (ri(2019, 2025), ri(0, 99999)),
                   "E%03d of %d" % (ri(1, 999), ri(2019, 2025))])),
        pl=P(pl.full().upper()), df=P(df.full().upper()), dt=N(n_date(loc)), tm=N(n_time()),
        judge=[pick(["District Judge ", "Hon. Justice ", "Magistrate "]),
               P(person(loc).surname())])
    address(d, loc, sep=", ", country=False)
    d.f(", must file a defence within {n} days. Claim value: {amt}.\n\nSolicitors for the "
        "Claimant: {firm}, ref {ref}, tel. {ph}, email {em}.\n",
        n=str(pick([14, 21, 28])), amt=N(n_price(loc)), firm=N(pick(["Quillon Legal",
                                                                    "Bellweather & Co",
                                                                    "Kestrel Law LLP"])),
        ref=N(n_ticket()), ph=PH(phone(loc)), em=EM(pick(["litigation", "disputes",
                                                          "info"]) + "@" + cdomain(loc=loc)))
    d.t(pick(["\nWhat does this mean and what should I do next?", "\nExplain in simple terms."]))
    return d


def s_expense_report():
    d = Doc()
    loc = pick(ALL_LOC)
    emp, appr = person(loc), person(loc)
    d.f("Expense claim {no} — {emp} ({dept})\nPeriod: {d1} to {d2}\n\nDate | Merchant | "
        "Category | Amount | Paid with\n", no=N(n_invoice()), emp=P(emp.full()),
        dept=pick(["Sales EMEA", "Field Ops", "R&D", "Marketing"]), d1=N(n_date(loc)),
        d2=N(n_date(loc)))
    cc = card(loc)
    for _ in range(ri(3, 5)):
        d.f("{dt} | {m} | {cat} | {amt} | ", dt=N(n_date(loc)),
            m=N(pick(BRANDS + ["Lotus Bay Hotel", "Bolt", "Uber", "Shell"])),
            cat=pick(["Travel", "Meals", "Lodging", "Taxi", "Client gift"]), amt=N(n_price(loc)))
        k = pick(["full", "mask", "cash", "mask"])
        if k == "full":
            d.add(CC(cc))
        elif k == "mask":
            d.add(N("•••• %04d" % ri(0, 9999)))
        else:
            d.t("cash")
        d.t("\n")
    d.f("\nApprover: {a} <{ae}>\nReimburse to: {acct}\n", a=P(appr.full()),
        ae=EM(appr.email(dom=cdomain(loc=loc))),
        acct=IB(iban(LOCALES[loc]["iban"])) if LOCALES[loc]["iban"] else N(n_acct()))
    d.t(pick(["Flag anything that breaks policy (max 50 per meal).", "Total this up by "
                                                                     "category."]))
    return d


def s_emergency_contacts():
    d = Doc()
    loc = pick(ALL_LOC)
    d.f("{org} — emergency phone tree (updated {dt})\n\n", org=N(pick(["Harbourside Hockey",
                                                                      "Ndovu Freight depot",
                                                                      "Sunrise Kindergarten",
                                                                      "Block C residents"])),
        dt=N(n_date(loc)))
    lead = person(loc)
    d.f("Coordinator: {l} — {ph}\n", l=P(lead.full()), ph=PH(phone(loc)))
    for i in range(ri(4, 7)):
        p = person(loc)
        d.f("{i}. {nm} → calls ", i=str(i + 1), nm=P(pick([p.full(), p.given, p.name("lower")])))
        q = person(loc)
        d.add(P(q.short()))
        d.f(" ({ph}{alt})\n", ph=PH(phone(loc)), alt=pick(["", "", ["; work ", PH(phone(loc)),
                                                                   ext(loc)]]))
    d.f("\nAssembly point: {pl}. Out of hours security: {ph}. Fire panel code {code}.\n",
        pl=N(pick(PLACES)), ph=PH(phone(loc)), code=N("%04d" % ri(0, 9999)))
    d.t(pick(["Convert to a table.", "Check nobody is listed twice."]))
    return d


def s_intercom_list():
    d = Doc()
    loc = pick(["de", "at", "ch", "nl", "pl", "cz", "se", "dk", "it", "es", "fr"])
    d.t(pick(["Here's the list from the mailboxes in our building, can you make new name "
              "labels in alphabetical order?\n\n", "Klingelschild-Liste, bitte sortieren:\n\n"]))
    st = street(loc)
    d.f("Haus: {st}\n", st=S(st))
    floors = ["EG links", "EG rechts", "1. OG", "2. OG links", "2. OG rechts", "3. OG", "DG",
              "Whg. 4", "Whg. 7"]
    R.shuffle(floors)
    for fl in floors[:ri(5, 8)]:
        k = pick(["one", "two", "full", "caps"])
        p = person(loc)
        d.t(fl + ": ")
        if k == "one":
            d.add(P(p.surname()))
        elif k == "two":
            q = person(loc)
            d.add([P(p.surname()), " / ", P(q.surname())])
        elif k == "full":
            d.add(P(p.full()))
        else:
            d.add(P(p.surname().upper()))
        d.t("\n")
    hm = person(loc)
    d.f("Hausmeister: {h}, {ph}\nHausverwaltung: {hv}, {em}\n", h=P(hm.full()), ph=PH(phone(loc)),
        hv=N(pick(["Rheinblick Hausverwaltung", "Polder Verhuur", "Casa Almendro"])),
        em=EM("verwaltung@" + cdomain(loc=loc)))
    return d


def s_codemixed_chat():
    d = Doc()
    kind = pick(["hinglish", "taglish", "spanglish", "sheng", "franglais"])
    loc = {"hinglish": "in", "taglish": "ph", "spanglish": pick(["mx", "us", "co"]),
           "sheng": "ke", "franglais": pick(["qc", "ma", "fr"])}[kind]
    a, b = person(loc), person(loc)
    sloc_ = loc if LOCALES[loc]["sn"] else "us"
    if kind == "hinglish":
        d.f("{a}: yaar {b} ka number bhej na, uska naya wala {ph}? kal {wd} ko {tm} pe milna "
            "hai at {st}\n{b2}: haan wahi hai. aur {em} pe invite bhej diya. {price} contribution "
            "per head\n", a=P(a.name("lgiven")), b=P(b.given), ph=PH(phone(loc)),
            wd=N(pick(WEEKDAYS["en"].split())), tm=N(n_time()), st=S(street(sloc_)),
            b2=P(b.name("lgiven")), em=EM(b.email()), price=N(n_price(loc)))
    elif kind == "taglish":
        d.f("{a}: sis pa-send naman ng address ni {b}, ipapadala ko yung package\n{b2}: {st}, "
            "tapos landmark yung {pl}. cp niya {ph}\n{a2}: salamat! tracking {trk}\n",
            a=P(a.given), b=P(b.given), b2=P(b.given), st=S(street(loc)),
            pl=N(pick(["Jollibee", "7-Eleven", "SM Megamall", "Shopee hub"])), ph=PH(phone(loc)),
            a2=P(a.given), trk=N(n_tracking()))
    elif kind == "spanglish":
        d.f("{a}: oye did you get the email from {b}? dice que el rent goes up to {price} en "
            "{mon}\n{b2}: sí, forward me it a {em} porfa. also su cel cambió: {ph}\n{a2}: ok y "
            "el landlord vive en {st} por si acaso\n", a=P(a.name("lgiven")), b=P(b.full()),
            price=N(n_price("us")), mon=N(pick(MONTHS["en"].split())), b2=P(b.given),
            em=EM(b.email()), ph=PH(phone(loc)), a2=P(a.name("lgiven")), st=S(street(sloc_)))
    elif kind == "sheng":
        d.f("{a}: msee {b} amesema tukutane {st} saa {tm}\n{b2}: poa, nitumie number yake "
            "{ph} ama ni ile ya zamani?\n{a2}: ni hiyo. m-pesa till {till}, ni {price} kila "
            "mtu\n", a=P(a.given), b=P(b.given), st=S(street(loc)), tm=N(n_time()),
            b2=P(b.given), ph=PH(phone(loc)), a2=P(a.given), till=N(str(ri(100000, 999999))),
            price=N(n_price(loc)))
    else:
        d.f("{a}: check ton email, {b} t'a envoyé le lease à {em}\n{b2}: ok je l'appelle au "
            "{ph}, c'est pour l'appart au {st}?\n{a2}: oui, visite {wd} {tm}\n",
            a=P(a.name("lgiven")), b=P(b.given), em=EM(a.email()), b2=P(b.given if chance(0.5)
                                                                          else b.name("lgiven")),
            ph=PH(phone(loc)), st=S(street(loc)), a2=P(a.name("lgiven")),
            wd=N(pick(WEEKDAYS["fr"].split())), tm=N(n_time()))
    d.t(pick(["\ntranslate this chat to English", "\nwhat are they planning?"]))
    return d


def s_visa_invitation():
    d = Doc()
    hloc = sloc()
    host = person(hloc)
    guest = person(pick(ALL_LOC))
    d.f("{h}\n", h=P(host.full()))
    address(d, hloc, sep="\n", country=True)
    d.f("\nTel. {ph} · {em}\n\n{dt}\n\nTo the Visa Section,\n\nI, {h2}, resident in {nat}, "
        "{idl} {idn}, hereby invite my {rel} {g} (passport no. {pp}, born {dob}) to stay with "
        "me at the above address from {d1} to {d2}. I will cover all accommodation costs. "
        "{g2} can be reached at {gph} or {gem}.\n\nYours faithfully,\n{h3}",
        ph=PH(phone(hloc, intl=True)), em=EM(host.email()), dt=N(n_date(hloc)),
        h2=P(host.full()), nat=LOCALES[hloc]["country"].split(" /")[0],
        idl=pick(["ID card", "residence permit", "passport"]),
        idn=N(n_natid()), rel=pick(["friend", "cousin", "aunt", "colleague", "fiancée"]),
        g=P(guest.full()), pp=N("%s%07d" % (tok(1, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(0, 9999999))),
        dob=N(n_date(guest.loc)), d1=N(n_date(hloc)), d2=N(n_date(hloc)), g2=P(guest.short()),
        gph=PH(phone(guest.loc, intl=True)), gem=EM(guest.email()), h3=P(host.full()))
    d.t(pick(["\n\nIs this letter enough for a Schengen visa?", "\n\nPlease proofread."]))
    return d


NEG_ONLY_TOPICS = ["changelog", "spec", "sales", "timetable", "recipe", "maths", "inventory",
                   "fixtures", "weather"]


def s_negative_only():
    d = Doc()
    k = pick(NEG_ONLY_TOPICS)
    loc = pick(ALL_LOC)
    if k == "changelog":
        d.f("## {v} ({dt})\n- Fixed crash when exporting to {path}\n- Bumped {v2}\n- Default "
            "accent colour is now {hx}\n- Closes {t1}, {t2}\n- Build {h}\n",
            v=N(n_version()), dt=N(n_date()), path=N(n_path()), v2=N(n_version()), hx=N(n_hex()),
            t1=N(n_ticket()), t2=N(n_ticket()), h=N(n_hash()))
    elif k == "spec":
        d.f("{prod} — spec sheet\nSKU: {sku}\nDimensions: {dim}\nWeight: {w}\nBattery: {bat}\n"
            "Colour: {c} ({hx})\nMAC (Wi-Fi): {mac}\nFirmware {fw}\nPrice {price}\n",
            prod=N(pick(PRODUCTS)), sku=N(n_sku()), dim=N("%d × %d × %d mm" % (ri(50, 400), ri(50, 300), ri(5, 90))),
            w=N("%.1f kg" % R.uniform(0.2, 9)), bat=N("%d mAh" % ri(1500, 6000)),
            c=pick(["Midnight", "Sage", "Graphite", "Coral"]), hx=N(n_hex()), mac=N(n_mac()),
            fw=N(n_version()), price=N(n_price(loc)))
    elif k == "sales":
        d.t("Q%d sales summary\n" % ri(1, 4))
        for _ in range(4):
            d.f("{reg}: {amt} ({pct} YoY), top product {prod}\n",
                reg=N(pick(["EMEA", "LATAM", "APAC", "North America"])),
                amt=N(n_price(loc)), pct=N(n_pct()), prod=N(pick(PRODUCTS)))
        d.f("Report generated {dt} {tm} by job {u}.\n", dt=N(n_date()), tm=N(n_time()),
            u=N(n_uuid()))
    elif k == "timetable":
        d.t("Departures\n")
        for _ in range(5):
            d.f("{t}  {fl}  to {city}  gate {g}  {st}\n", t=N("%02d:%02d" % (ri(5, 23), ri(0, 59))),
                fl=N(n_flight()),
                city=N(re.split(r",| \(| - ", pick(LOCALES[pick(STREET_LOC)]["cities"]))[0]),
                g=pick(["A12", "B7", "C31", "D4"]), st=pick(["Boarding", "Delayed", "On time"]))
    elif k == "recipe":
        d.f("Pão de queijo (makes 24)\n- {a} tapioca flour\n- {b} milk\n- {c} oil\n- 2 eggs\n"
            "Bake at {t} for {m} minutes. Per piece: {kcal}. Source: {isbn}, p. {p}.\n",
            a=N("%d g" % ri(250, 500)), b=N("%d ml" % ri(150, 300)), c=N("%d ml" % ri(60, 120)),
            t=N("%d °C" % pick([180, 190, 200])), m=str(ri(18, 30)), kcal=N("%d kcal" % ri(60, 140)),
            isbn=N(n_isbn()), p=str(ri(10, 300)))
    elif k == "maths":
        d.f("Homework: convert {a} to cm, {b} to kg, then compute {pct} of {price}. Check: the "
            "16-digit number {bad} fails the Luhn test — why? Also is {ver} a valid IPv4 address?\n",
            a=N("%d ft %d in" % (ri(4, 6), ri(0, 11))), b=N("%d lb" % ri(90, 250)), pct=N(n_pct()),
            price=N(n_price(loc)), bad=N(bad_card()),
            ver=N("%d.%d.%d.%d" % (ri(256, 999), ri(0, 255), ri(0, 255), ri(0, 255))))
    elif k == "inventory":
        d.t("Warehouse count\n")
        for _ in range(5):
            d.f("{sku} | {prod} | bin {bin} | qty {q} | last counted {dt}\n", sku=N(n_sku()),
                prod=N(pick(PRODUCTS)), bin=N("%s-%02d-%d" % (pick("ABCDEFG"), ri(1, 40), ri(1, 6))),
                q=str(ri(0, 400)), dt=N(n_date()))
    elif k == "fixtures":
        d.t("Weekend fixtures\n")
        for _ in range(4):
            a, b = R.sample(TEAMS, 2)
            d.f("{wd} {tm}: {a} v {b} at {pl}\n", wd=N(pick(WEEKDAYS["en"].split())),
                tm=N(n_time()), a=N(a), b=N(b), pl=N(pick(PLACES)))
    else:
        d.f("Forecast for {city}, {wd} {dt}: high {hi}, low {lo}, wind {w}, rain {pct}. "
            "Station at {co}, sensor {mac}.\n", city=N(pick(NAMELIKE_PLACES)),
            wd=N(pick(WEEKDAYS["en"].split())), dt=N(n_date()), hi=N("%d °C" % ri(15, 38)),
            lo=N("%d °C" % ri(-5, 14)), w=N("%d km/h" % ri(5, 60)), pct=N(n_pct()),
            co=N(n_coord()), mac=N(n_mac()))
    d.t(pick(["\nCan you tidy this up?", "\nSummarise in two sentences.", "\nAny errors here?",
              "\nMake this into a table."]))
    return d


def s_spreadsheet_paste():
    d = Doc()
    loc = pick(ALL_LOC)
    d.t(pick(["Pasted from Excel — why does my VLOOKUP return #N/A for some rows?\n\n",
              "Clean this sheet: split the name column into first/last.\n\n"]))
    d.t("Name\tEmail\tMobile\tPostcode\tJoined\tFee\n")
    for _ in range(ri(4, 7)):
        p = person(pick([loc, loc, pick(ALL_LOC)]))
        k = pick(["inv", "full", "INV", "caps"])
        nm = p.name(k)
        d.add(["\"", P(nm), "\""] if "," in nm else [P(nm)])
        d.t("\t")
        d.add(EM(p.email()) if chance(0.85) else "")
        d.f("\t{ph}\t{pc}\t{dt}\t{fee}\n", ph=PH(phone(p.loc)) if chance(0.9) else "",
            pc=N(n_postcode(p.loc if LOCALES[p.loc]["pc"][0] else "de")), dt=N(n_date(loc)),
            fee=N(n_price(loc)))
    d.f("\nFormula in G2: =VLOOKUP(B2,Members!$A$2:$F$500,3,FALSE) — file {path}",
        path=N(n_path()))
    return d


def s_payment_dispute():
    d = Doc()
    loc = pick(ALL_LOC)
    p = person(loc)
    home = loc if LOCALES[loc]["sn"] else sloc()
    d.f("Chargeback evidence pack — dispute {dis}\nReason code: {rc}\nTransaction: {dt} {tm}, "
        "{amt}\nCardholder: {nm}\nCard: {cc} (exp {exp})\nBilling address: ",
        dis=N(n_ticket()), rc=N(pick(["10.4", "13.1", "4837", "4853"])), dt=N(n_date(loc)),
        tm=N(n_time()), amt=N(n_price(loc)), nm=P(pick([p.full(), p.caps()])),
        cc=CC(card(loc)), exp=N("%02d/%02d" % (ri(1, 12), ri(25, 31))))
    address(d, home, sep=", ", country=True)
    d.f("\nCustomer email: {em}\nIP at checkout: {ip} (geo: {city})\nDevice fingerprint: {fp}\n"
        "Shipping tracking: {trk}, delivered {dd}, signed by \"{sig}\"\n",
        em=EM(p.email()), ip=IP(ip()),
        city=N(re.split(r",| \(| - ", pick(LOCALES[home]["cities"]))[0]),
        fp=N(n_hash()), trk=N(n_tracking()), dd=N(n_date(loc)), sig=P(p.surname().upper()))
    if chance(0.5):
        d.f("Previous orders from same customer: {o1}, {o2} (no disputes). Second card on file "
            "{cc2}.\n", o1=N(n_order()), o2=N(n_order()), cc2=CC(card(loc)))
    d.t(pick(["\nDraft the rebuttal letter to the bank.", "\nIs this enough evidence?"]))
    return d


def s_delivery_complaint():
    d = Doc()
    loc = sloc()
    p, drv = person(loc), person(loc)
    d.f("Hi, parcel {trk} was marked delivered on {dt} at {tm} but I never got it. I live at ",
        trk=N(n_tracking()), dt=N(n_date(loc)), tm=N(n_time()))
    d.add(S(street(loc)))
    d.f(" and the photo shows a blue door — mine is green. The driver ({drv}) left it at "
        "another house, maybe {st2}? Please call me on {ph} or email {em}. Order {o}, value "
        "{amt}. My neighbour {nb} saw a van at {tm2}.\n\n{sig}",
        drv=P(drv.given), st2=S(street(loc)), ph=PH(phone(loc)), em=EM(p.email()),
        o=N(n_order()), amt=N(n_price(loc)), nb=P(person(loc).full()), tm2=N(n_time()),
        sig=P(p.full()))
    d.t(pick(["\n\nmake this sound angrier but professional", "\n\nRewrite for the courier's "
                                                            "complaint form (500 chars max)."]))
    return d


def s_rsvp_list():
    d = Doc()
    loc = pick(ALL_LOC)
    d.f("RSVPs for {ev} ({dt})\n\n| Guest | +1 | Diet | Contact |\n|---|---|---|---|\n",
        ev=pick([poss(person(loc).given) + [" 40th"], "the alumni dinner", "Diwali potluck",
                 "Eid open house", "the housewarming", "our baby shower"]), dt=N(n_date(loc)))
    for _ in range(ri(4, 8)):
        p = person(pick([loc, loc, pick(ALL_LOC)]))
        plus = pick(["—", "yes", "no", ""])
        d.add(["| ", P(pick([p.full(), p.given, p.name("lower")])), " | "])
        if plus == "yes" and chance(0.6):
            d.add(P(person(p.loc).given))
        else:
            d.t(plus)
        d.f(" | {diet} | ", diet=pick(["veg", "vegan", "halal", "none", "GF", "kosher"]))
        d.add(pick([[EM(p.email())], [PH(phone(p.loc))], ["—"]]))
        d.t(" |\n")
    d.t(pick(["\nHow many vegetarian meals do I need?", "\nWho hasn't replied yet?"]))
    return d


def s_sms_inbox():
    d = Doc()
    loc = pick(ALL_LOC)
    d.t(pick(["Which of these texts are scams?\n\n", "Got these today, should I worry?\n\n"]))
    for _ in range(ri(4, 6)):
        k = pick(["scam", "otp", "friend", "delivery", "bank", "friend"])
        if k == "scam":
            d.f("From {ph}: Your {brand} parcel is on hold, pay {amt} customs fee at {u}\n",
                ph=PH(phone(pick(ALL_LOC), intl=True)), brand=N(pick(["DHL", "Royal Mail", "Correos",
                                                                    "PostNL", "Jumia"])),
                amt=N(n_price(loc)), u=U(url(kind=pick(["query", "http", "www"]))))
        elif k == "otp":
            d.f("From {sc}: {code} is your verification code. Do not share it. @{dom} #{code2}\n",
                sc=N(pick(["AX-BANK", "VM-HDFCBK", "Google", "WhatsApp"])), code=N("%06d" % ri(0, 999999)),
                dom=cdomain(), code2=N("%06d" % ri(0, 999999)))
        elif k == "friend":
            p = person(loc)
            d.f("From {nm} ({ph}): {msg}\n", nm=P(p.full()), ph=PH(phone(loc)),
                msg=pick(["running 10 min late", "can u send me ur address again?",
                          "new number, save it!", "happy birthday!! 🎂"]))
        elif k == "delivery":
            d.f("From {sc}: Driver {drv} is {n} stops away with order {o}. Track: {u}\n",
                sc=N(pick(["Glovo", "Rappi", "Bolt Food", "Deliveroo"])),
                drv=P(person(loc).given), n=str(ri(1, 9)), o=N(n_order()), u=U(url(kind="query")))
        else:
            d.f("From {bank}: Card ending {l4} used for {amt} at {m} on {dt}. Not you? Call "
                "{ph}\n", bank=N(pick(BRANDS[:3] + ["Equity Bank", "Itaú", "ING", "Barclays"])),
                l4=N("%04d" % ri(0, 9999)), amt=N(n_price(loc)), m=N(pick(BRANDS)),
                dt=N(n_date(loc)), ph=PH(phone(loc)))
    return d


def s_anonymise_request():
    d = Doc()
    loc = pick(ALL_LOC)
    cust, agent = person(loc), person(pick(ALL_LOC))
    home = loc if LOCALES[loc]["sn"] else sloc()
    d.t(pick(["Please anonymise this transcript before I send it to the vendor:\n\n",
              "Replace personal data with placeholders like [NAME]:\n\n"]))
    d.f("[{t1}] Agent {ag}: Thanks for contacting {co} support, how can I help?\n"
        "[{t2}] Customer: hi my internet keeps dropping. account is under {cn}\n"
        "[{t3}] Agent {ag2}: Can you confirm the installation address and a contact number?\n"
        "[{t4}] Customer: ", t1=N(hms()), ag=P(agent.given), co=N(company()), t2=N(hms()),
        cn=P(pick([cust.full(), cust.name("lower")])), t3=N(hms()), ag2=P(agent.given),
        t4=N(hms()))
    address(d, home, sep=", ", country=False)
    d.f(", mobile {ph}\n[{t5}] Agent {ag3}: Thank you {cg}. I see your router {mac} last "
        "connected from {ip}. I've opened ticket {tk}; a technician will email {em}.\n"
        "[{t6}] Customer: also pls update my card, new one is {cc}\n[{t7}] Agent {ag4}: Please "
        "don't share card details in chat — use the secure link {u}\n",
        ph=PH(phone(loc)), t5=N(hms()), ag3=P(agent.given), cg=P(cust.short()), mac=N(n_mac()),
        ip=IP(ip()), tk=N(n_ticket()), em=EM(cust.email()), t6=N(hms()), cc=CC(card(loc)),
        t7=N(hms()), ag4=P(agent.given), u=U(url(loc, kind=pick(["query", "form"]))))
    return d


def s_contract_parties():
    d = Doc()
    loc = pick(["gb", "ie", "us", "au", "za", "ng", "ke", "in", "ae", "nz", "sa"])
    p = person(loc)
    co = company()
    d.f("THIS AGREEMENT is made on {dt}\n\nBETWEEN:\n(1) {co} LIMITED, a company incorporated "
        "in {ctry} (company number {cn}) whose registered office is at ",
        dt=N(n_date(loc)), co=N(co), ctry=LOCALES[loc]["country"], cn=N("%08d" % ri(0, 10 ** 8 - 1)))
    oloc = loc if LOCALES[loc]["sn"] else "gb"
    address(d, oloc, sep=", ", country=False)
    d.f(" (the \"Company\"); and\n(2) {nm} of ", nm=P(p.full().upper() if chance(0.4) else p.full()))
    address(d, oloc, sep=", ", country=False)
    d.f(" (the \"Consultant\").\n\n12. NOTICES\n12.1 Notices to the Company shall be sent to "
        "the attention of {sig} at {em}; notices to the Consultant to {pem}.\n12.2 The fee is "
        "{amt} per day, payable to account {acct}.\n",
        sig=[pick(["the Company Secretary, ", "", ""]), P(person(loc).full())],
        em=EM("legal@" + cdomain(co, loc)), pem=EM(p.email()), amt=N(n_price(loc)),
        acct=IB(iban(LOCALES[loc]["iban"])) if LOCALES[loc]["iban"] else N(n_acct(loc)))
    d.t(pick(["\nCheck the notices clause for problems.", "\nExplain clause 12 in plain "
                                                         "English."]))
    return d


def s_accident_exchange():
    d = Doc()
    loc = sloc()
    me, other = person(loc), person(loc)
    d.t(pick(["notes i typed at the scene, can you turn them into a proper statement for the "
              "insurer?\n\n", "Accident notes — help me fill in the European accident "
                              "statement:\n\n"]))
    d.f("{dt} approx {tm}, junction of {pl} — other driver reversed out of parking\n"
        "other driver: {on}\nphone {oph}\naddress ", dt=N(n_date(loc)), tm=N(n_time()),
        pl=N(pick(["Hauptbahnhof", "Union Station", "Plaza de Armas", "Gare du Nord",
                   "Grand Bazaar"])), on=P(pick([other.full(), other.name("lower")])),
        oph=PH(phone(loc)))
    d.add(S(street(loc)))
    d.f("\ncar {car} plate {reg}\ninsurer {ins} policy {pol}\nlicence no {lic}\n"
        "witness: lady from the bakery, {w}, {wph}\nmy dashcam file {path}\n"
        "photos uploaded to {u}\n",
        car=N(pick(PRODUCTS[10:14] + ["Kia Sportage"])),
        reg=N("%s %s %d" % (tok(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), tok(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(100, 9999))),
        ins=N(pick(["Bellweather Insurance", "Pampa Seguros", "Allianz", "AXA"])),
        pol=N("%s-%08d" % (tok(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(0, 10 ** 8 - 1))),
        lic=N(tok(5, "ABCDEFGHJKLMNPRSTUVWXYZ") + "%06d" % ri(0, 999999)),
        w=P(person(loc, "f").full()), wph=PH(phone(loc)), path=N(n_path()),
        u=U(url(kind="drive")))
    d.f("me: {me}, {em}", me=P(me.full()), em=EM(me.email()))
    return d


def s_enrolment_form():
    d = Doc()
    loc = pick(["es", "mx", "ar", "co", "cl", "pt", "br", "fr", "it"])
    lang = LOCALES[loc]["lang"]
    st, par = person(loc), person(loc)
    if lang == "es":
        d.f("FICHA DE MATRÍCULA {y}\nApellidos: {ap}\nNombre: {nm}\nFecha de nacimiento: {dob}\n"
            "DNI/NIE: {dni}\nDomicilio: {st}\nC.P.: {pc}  Localidad: {city}\nTeléfono: {ph}\n"
            "Correo electrónico: {em}\nPadre/madre/tutor: {par}\nTeléfono del tutor: {pph}\n",
            y=N("%d/%d" % (ri(2023, 2025), ri(24, 26))), ap=P(st.surname().upper()),
            nm=P(st.given), dob=N(n_date(loc)), dni=N(n_natid("es")), st=S(street(loc)),
            pc=N(n_postcode(loc)), city=N(re.split(r",| \(| - ", pick(LOCALES[loc]["cities"]))[0]),
            ph=PH(phone(loc)), em=EM(st.email()), par=P(par.full()), pph=PH(phone(loc)))
    elif lang == "pt":
        d.f("FICHA DE INSCRIÇÃO\nNome completo: {nm}\nData de nascimento: {dob}\n{idl}: {id}\n"
            "Morada/Endereço: {st}\nCódigo postal/CEP: {pc}\nTelemóvel/Celular: {ph}\nE-mail: {em}\n"
            "Encarregado de educação: {par} ({pem})\n",
            nm=P(st.full()), dob=N(n_date(loc)), idl="CPF" if loc == "br" else "NIF",
            id=N(n_natid("br") if loc == "br" else "%09d" % ri(10 ** 8, 10 ** 9 - 1)),
            st=S(street(loc)), pc=N(n_postcode(loc)), ph=PH(phone(loc)), em=EM(st.email()),
            par=P(par.full()), pem=EM(par.email()))
    elif lang == "fr":
        d.f("DOSSIER D'INSCRIPTION\nNOM : {ap}   Prénom : {nm}\nNé(e) le : {dob}\nAdresse : {st}, "
            "{pc} {city}\nTél. : {ph}   Courriel : {em}\nResponsable légal : {par}\nRIB : {ib}\n",
            ap=P(st.surname().upper()), nm=P(st.given), dob=N(n_date(loc)), st=S(street(loc)),
            pc=N(n_postcode(loc)), city=N(re.split(r",| \(| - ", pick(LOCALES[loc]["cities"]))[0]),
            ph=PH(phone(loc)), em=EM(st.email()), par=par.formal(True),
            ib=IB(iban(LOCALES[loc]["iban"] or "FR")))
    else:
        d.f("MODULO DI ISCRIZIONE\nCognome: {ap}  Nome: {nm}\nNato/a il: {dob}\nCodice fiscale: "
            "{cf}\nResidenza: {st}, {pc} {city}\nCellulare: {ph}\nEmail: {em}\nGenitore: {par}\n",
            ap=P(st.surname().upper()), nm=P(st.given), dob=N(n_date(loc)), cf=N(n_natid("it")),
            st=S(street(loc)), pc=N(n_postcode(loc)),
            city=N(re.split(r",| \(| - ", pick(LOCALES[loc]["cities"]))[0]), ph=PH(phone(loc)),
            em=EM(st.email()), par=P(par.full()))
    d.t(pick(["\nTraduce al inglés, por favor.", "\nTranslate the field labels only.",
              "\nIs anything missing?"]))
    return d


def s_household_register():
    d = Doc()
    loc = pick(ALL_LOC)
    head = person(loc, "m")
    home = loc if LOCALES[loc]["sn"] else sloc()
    d.f("HOUSEHOLD QUESTIONNAIRE — ref {ref}\nAddress: ", ref=N("%s-%06d" % (tok(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(0, 999999))))
    address(d, home, sep=", ", country=False)
    d.t("\n\nNo. | Name | Relationship to head | Sex | Date of birth | Occupation\n")
    gmap = {"Wife": "f", "Son": "m", "Daughter": "f", "Mother": "f"}
    members = [(head, "Head")] + [(person(loc, gmap.get(r, pick("fm"))), r) for r in
                                  pick([["Wife", "Son", "Daughter"], ["Spouse", "Mother"],
                                        ["Partner", "Daughter", "Lodger"], ["Wife"]])]
    for i, (m, rel) in enumerate(members):
        if rel in ("Son", "Daughter") and head.sur and chance(0.7):
            m.sur = head.sur
        d.f("{i} | {nm} | {rel} | {sx} | {dob} | {job}\n", i=str(i + 1),
            nm=P(m.full() if chance(0.7) else m.caps()), rel=rel, sx=m.g.upper(),
            dob=N(n_date(loc)), job=pick(["student", "retired", "trader", "nurse", "—", "driver"]))
    d.f("\nRespondent phone: {ph}\nEnumerator: {en} (ID {eid})\n", ph=PH(phone(loc)),
        en=P(person(loc).full()), eid=N(str(ri(1000, 99999))))
    d.t(pick(["Convert to CSV.", "Calculate everyone's age as of today."]))
    return d


def s_support_chat_card():
    d = Doc()
    loc = pick(ALL_LOC)
    c = person(loc)
    d.f("{c}: hello?? i was charged twice for order {o}\nbot: I can help with that. Please "
        "share the email on your account.\n{c2}: {em}\nbot: Thanks! For security I can't "
        "accept card numbers here.\n{c3}: its {cc} exp {exp} cvv {cvv}\nbot: Please do not "
        "share card details. Your case number is {case}.\n",
        c=P(c.given), o=N(n_order()), c2=P(c.given), em=EM(c.email()), c3=P(c.given),
        cc=CC(card(loc, sep=pick([" ", "", "-"]))), exp=N("%02d/%02d" % (ri(1, 12), ri(25, 31))),
        cvv=N("%03d" % ri(0, 999)), case=N(n_ticket()))
    d.t(pick(["\nRedact the card number and CVV in this log.", "\nWhat should the bot have "
                                                               "done here?"]))
    return d


def s_donation_receipts():
    d = Doc()
    loc = pick(["gb", "ie", "us", "ca", "au", "nz", "za"])
    d.f("Gift Aid claim batch {b} — {ch}\nDonor | Home address | Postcode | Amount | Date\n",
        b=N("GA-%05d" % ri(0, 99999)), ch=N(pick(["Riverside Community Church",
                                                 "Harbourside Hockey",
                                                 "Tidewater Clinic Trust"])))
    for _ in range(ri(4, 6)):
        p = person(loc)
        d.f("{nm} | {st} | {pc} | {amt} | {dt}\n", nm=P(pick([p.full(), p.inv(), p.initials()])),
            st=S(street(loc)), pc=N(n_postcode(loc)), amt=N(n_price(loc)), dt=N(n_date(loc)))
    d.f("\nPrepared by {nm} ({em})", nm=P(person(loc).full()), em=EM("treasurer@" + cdomain(loc=loc)))
    return d


def s_airbnb_host_msg():
    d = Doc()
    loc = sloc()
    host, guest = person(loc), person(pick(ALL_LOC))
    d.f("Hi {g}! Welcome 😊 Check-in from {tm}. The flat is at {st} — ring {bell}. Key box "
        "code {code}. Wi-Fi: {ssid} / password {pw}.\nIf anything goes wrong call me ({h}) on "
        "{ph} or my cousin {c} on {cph}.\nHouse manual: {u}\nCheckout {tm2}, leave keys on the "
        "table. Cleaning fee already paid ({amt}).\n",
        g=P(guest.given), tm=N(n_time()), st=S(street(loc)), bell=pick(["the top bell",
                                                                         "flat 3", "\"Studio\""]),
        code=N("%04d" % ri(0, 9999)), ssid=N("Casa_" + tok(4, "ABCDEFGH0123456789")),
        pw=N(tok(10, "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")),
        h=P(host.given), ph=PH(phone(loc, intl=True)), c=P(person(loc).given),
        cph=PH(phone(loc, intl=True)), u=U(url(kind="drive")), tm2=N(n_time()),
        amt=N(n_price(loc)))
    d.t(pick(["\nTranslate this into " + pick(["Spanish", "German", "Japanese", "Portuguese"]) + ".",
              "\nMake it friendlier."]))
    return d


def s_conference_badges():
    d = Doc()
    sep = pick([";", ",", "|"])
    d.t(pick(["Badge print file — fix capitalisation and remove duplicates:\n\n",
              "Can you group attendees by country?\n\n"]))
    d.t(sep.join(["first", "last", "affiliation", "country", "email", "dietary"]) + "\n")
    for _ in range(ri(4, 7)):
        p = person(pick(ALL_LOC))
        cap = pick(["normal", "lower", "upper"])
        g = p.given if cap == "normal" else (p.given.lower() if cap == "lower" else p.given.upper())
        s = p.surname() if cap == "normal" else (p.surname().lower() if cap == "lower" else p.surname().upper())
        aff = pick(["University of Ghent", "ETH Zürich", "Makerere University", "TU Delft",
                    "Kestrel Analytics", "Zephyr Cloud"])
        q = "\"" if sep == "," and "," in aff else ""
        d.add([P(g), sep, P(s), sep, N(aff), sep, LOCALES[p.loc]["country"].split(" /")[0], sep,
               EM(p.email(dom=cdomain(loc=p.loc))) if chance(0.8) else "", sep,
               pick(["", "vegetarian", "halal", "no pork", "vegan"]), "\n"])
        del q
    return d


def s_patient_intake():
    d = Doc()
    loc = pick(["us", "ca", "au", "us"])
    p = person(loc)
    ec = person(loc)
    d.f("NEW PATIENT INTAKE\nLast name: {ln}   First: {fn}   MI: {mi}\nDOB: {dob}   Sex: {sx}\n"
        "Insurance: {ins}  Member ID: {mid}  Group: {grp}\nStreet address: {st}\n"
        "City/State/ZIP: ", ln=P(p.surname()), fn=P(p.given),
        mi=(p.middle[:1] if p.middle else pick("ABCDEFGHJKLMNPRSTW")), dob=N(n_date(loc)),
        sx=p.g.upper(), ins=N(pick(["Bellweather Health", "Tallgrass Mutual", "Medicare"])),
        mid=N(tok(3, "ABCDEFGHJKLMNPRSTUVWXYZ") + "%09d" % ri(0, 10 ** 9 - 1)),
        grp=N("%06d" % ri(0, 999999)), st=S(street(loc)))
    d.add(city_piece(pick(LOCALES[loc]["cities"]), 1.0))
    d.f(" {pc}\nCell: {ph}   Work: {wph}\nEmail: {em}\nPreferred pharmacy: {phar}, {pst}\n"
        "Emergency contact: {ec} ({rel}) {eph}\nAllergies: {al}\nHeight {h}  Weight {w}\n",
        pc=N(n_postcode(loc)), ph=PH(phone(loc)), wph=phone_pieces(loc, 0.6), em=EM(p.email()),
        phar=N(pick(["Walgreens", "Boots", "Clicks", "Mercury Drug", "Shoppers Drug Mart"])),
        pst=S(street(loc)), ec=P(ec.full()), rel=pick(["spouse", "mother", "son", "friend"]),
        eph=PH(phone(loc)), al=pick(["penicillin", "none known", "latex", "peanuts"]),
        h=N("%d cm" % ri(150, 200)), w=N("%d kg" % ri(45, 130)))
    return d


def s_curl_api():
    d = Doc()
    loc = pick(ALL_LOC)
    p = person(loc)
    home = loc if LOCALES[loc]["sn"] else sloc()
    d.t(pick(["This request returns 422, what's wrong with the body?\n\n",
              "Convert this curl to Python requests:\n\n"]))
    d.f("curl -X POST {u} \\\n  -H 'Authorization: Bearer {tok}' \\\n  -H 'Content-Type: "
        "application/json' \\\n  -H 'X-Forwarded-For: {ip}' \\\n  -d '",
        u=U("https://api.%s/v%d/customers" % (cdomain(loc=loc), ri(1, 3))),
        tok=N("eyJhbGciOiJIUzI1NiJ9." + tok(24, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")),
        ip=IP(ip()))
    d.f("{\"name\": \"{nm}\", \"email\": \"{em}\", \"phone\": \"{ph}\", \"address\": "
        "{\"street\": \"{st}\", \"zip\": \"{pc}\"}, \"iban\": \"{ib}\", \"ref\": \"{ref}\"}'\n",
        nm=P(p.full()), em=EM(p.email()), ph=PH(phone(loc, intl=True)), st=S(street(home)),
        pc=N(n_postcode(home)), ib=IB(iban(LOCALES[loc]["iban"] or pick(list(IBAN_SPEC)))),
        ref=N(n_uuid()))
    d.f("\nResponse: {\"error\": \"invalid_iban\", \"request_id\": \"{rid}\"}\n", rid=N(n_uuid()))
    return d


def s_vcard():
    d = Doc()
    d.t(pick(["Import these contacts into Outlook — why does the second one fail?\n\n",
              "Merge these vCards:\n\n"]))
    for _ in range(ri(2, 3)):
        loc = pick(ALL_LOC)
        p = person(loc)
        home = loc if LOCALES[loc]["sn"] else sloc()
        d.t("BEGIN:VCARD\nVERSION:3.0\nN:")
        d.add([P(p.surname()), ";", P(p.given), ";;", p.title() if chance(0.5) else "", ";"])
        d.f("\nFN:{fn}\nORG:{org}\nTEL;TYPE=CELL:{ph}\nEMAIL;TYPE=INTERNET:{em}\n"
            "ADR;TYPE=HOME:;;{st};{city};;{pc};{ctry}\nURL:{u}\nREV:{rev}\nEND:VCARD\n",
            fn=P(p.full()), org=N(company()), ph=PH(phone(loc, intl=True)), em=EM(p.email()),
            st=S(street(home)), city=re.split(r",| \(| - ", pick(LOCALES[home]["cities"]))[0],
            pc=N(n_postcode(home)), ctry=LOCALES[home]["country"].split(" /")[0],
            u=U(url(loc, p, kind=pick(["linkedin", "www", "site"]))),
            rev=N("%d%02d%02dT%02d%02d%02dZ" % (ri(2015, 2025), ri(1, 12), ri(1, 28), ri(0, 23),
                                                 ri(0, 59), ri(0, 59))))
    return d


def s_ics_invite():
    d = Doc()
    loc = sloc()
    org = person(loc)
    d.t(pick(["This invite shows the wrong time zone, can you see why?\n\n",
              "Extract attendees and location from this .ics:\n\n"]))
    d.f("BEGIN:VEVENT\nUID:{uid}\nDTSTART;TZID={tz}:{ds}\nDTEND;TZID={tz2}:{de}\nSUMMARY:{sum}\n"
        "ORGANIZER;CN={on}:mailto:{oe}\n", uid=N(n_uuid()),
        tz=pick(["Europe/Berlin", "Africa/Nairobi", "America/Sao_Paulo", "Asia/Kolkata"]),
        ds=N("%d%02d%02dT%02d%02d00" % (ri(2024, 2026), ri(1, 12), ri(1, 28), ri(7, 18), pick([0, 30]))),
        tz2="UTC", de=N("%d%02d%02dT%02d%02d00Z" % (ri(2024, 2026), ri(1, 12), ri(1, 28), ri(7, 18), pick([0, 30]))),
        sum=pick(["Quarterly review", "Site visit", "Kick-off: new warehouse", "Interview"]),
        on=P(org.full()), oe=EM(org.email(dom=cdomain(loc=loc))))
    for _ in range(ri(2, 4)):
        a = person(pick([loc, pick(ALL_LOC)]))
        d.f("ATTENDEE;CN={an};ROLE=REQ-PARTICIPANT;PARTSTAT={ps}:mailto:{ae}\n",
            an=P(a.full()), ps=pick(["ACCEPTED", "NEEDS-ACTION", "TENTATIVE"]), ae=EM(a.email()))
    d.t("LOCATION:")
    address(d, loc, sep="\\, ", country=False)
    d.f("\nDESCRIPTION:Join online: {u}\\nDial-in {ph} PIN {pin}#\nEND:VEVENT\n",
        u=U(url(kind="zoom")), ph=PH(phone(loc, intl=True)), pin=N("%06d" % ri(0, 999999)))
    return d


def s_raw_headers():
    d = Doc()
    loc = pick(ALL_LOC)
    snd, rcp = person(loc), person(pick(ALL_LOC))
    dom = cdomain(loc=loc)
    se = snd.email(dom=dom)
    d.t(pick(["Is this email spoofed? Headers:\n\n", "Why did this land in spam?\n\n"]))
    relay = ipv4("pub")
    d.f("Return-Path: <{se}>\nReceived: from mail.{dom} (mail.{dom2} [{ip1}])\n        by "
        "mx.example.net with ESMTPS id {mid}\n        for <{re}>; {wd}, {dt} {tm} +0000\n"
        "Received: from [{ip6}] (port={port} helo=laptop)\n"
        "Authentication-Results: spf=pass smtp.mailfrom={dom3}; dkim=pass header.d={dom4}\n"
        "From: {sn} <{se2}>\nTo: {rn} <{re2}>\nSubject: Invoice {inv}\nMessage-ID: <{msgid}@{dom5}>\n"
        "X-Mailer: {xm}\n",
        se=EM(se), dom=dom, dom2=dom, ip1=IP(relay), mid=N(tok(12, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")),
        re=EM(rcp.email()), wd=pick(["Mon", "Tue", "Wed", "Thu", "Fri"]), dt=N(n_date()),
        tm=N(hms()), ip6=IP(ipv6()), port=str(ri(1024, 65535)), dom3=dom, dom4=dom,
        sn=P(snd.full()), se2=EM(se), rn=P(rcp.full()), re2=EM(rcp.email()), inv=N(n_invoice()),
        msgid=N(n_uuid()), dom5=dom, xm=N(pick(["Microsoft Outlook 16.0", "Apple Mail (2.3774.500.171.1.1)",
                                                 "Thunderbird 115.9.0"])))
    return d


def s_sql_dump():
    d = Doc()
    d.t(pick(["Convert these INSERTs to a CSV:\n\n", "Why does this migration fail on "
                                                     "Postgres?\n\n"]))
    d.t("INSERT INTO `members` (`id`, `name`, `email`, `mobile`, `street`, `iban`, `created`) VALUES\n")
    n = ri(3, 5)
    for i in range(n):
        loc = pick(IBAN_LOC)
        p = person(loc)
        home = loc if LOCALES[loc]["sn"] else sloc()
        d.f("({id}, '{nm}', '{em}', '{ph}', '{st}', {ib}, '{dt}')", id=N(str(ri(100, 99999))),
            nm=P(p.full().replace("'", "''")) if "'" not in p.full() else P(p.surname().replace("'", "")) ,
            em=EM(p.email()), ph=PH(phone(loc)), st=S(street(home).replace("'", "")),
            ib=["'", IB(iban(LOCALES[loc]["iban"], grouped=False)), "'"] if chance(0.8) else "NULL",
            dt=N("%d-%02d-%02d %s" % (ri(2015, 2025), ri(1, 12), ri(1, 28), hms())))
        d.t(",\n" if i < n - 1 else ";\n")
    d.f("-- dumped by {v} on host {h} ({ip})\n", v=N(pick(["mysqldump 8.0.36", "MariaDB 10.11.6"])),
        h=pick(["db-primary", "legacy-crm"]), ip=IP(ipv4("priv")))
    return d


def s_pharmacy_label():
    d = Doc()
    loc = pick(["gb", "ie", "au", "nz", "ca", "us", "za", "in"])
    p, dr = person(loc), person(loc)
    d.f("{ph_name}\n", ph_name=N(pick(["Harbour View Pharmacy", "Boots", "Clicks", "Apollo "
                                                                             "Pharmacy"])))
    d.f("Rx {rx}   Qty {q}   Refills {r}\n{drug} {mg} tablets — take ONE twice daily with food\n"
        "Patient: {pt}\nDOB: {dob}\nPrescriber: Dr {dr}\nDispensed {dt} by {by}\nStore tel {sph}\n",
        rx=N("%07d" % ri(0, 9999999)), q=str(pick([28, 30, 56, 60, 90])), r=str(ri(0, 5)),
        drug=pick(["Metformin", "Sertraline", "Amoxicillin", "Lisinopril"]),
        mg=N("%d mg" % pick([10, 50, 250, 500])), pt=P(pick([p.full(), p.caps()])),
        dob=N(n_date(loc)), dr=P(dr.full()), dt=N(n_date(loc)), by=P(person(loc).initials()),
        sph=PH(phone(loc)))
    d.t("Deliver to: ")
    address(d, loc, sep=", ", country=False)
    d.t(pick(["\n\nWhat does 'with food' mean for an evening dose?", "\n\nExplain this label to "
                                                                    "my grandmother."]))
    return d


def s_moving_checklist():
    d = Doc()
    loc = sloc()
    me = person(loc)
    d.t("Moving checklist — change of address\n\nOld: ")
    address(d, loc, sep=", ", country=False)
    d.t("\nNew: ")
    address(d, loc, sep=", ", country=False)
    d.f("\n\n[ ] Electricity — {co1}, customer no. {c1}, meter {m1}\n[ ] Internet — {co2}, "
        "account {c2}, router MAC {mac}\n[ ] Bank — update address, IBAN {ib}\n[ ] Employer "
        "HR — {hr} ({hre})\n[ ] Doctor — {doc}, {dph}\n[ ] Forward mail from {d1} for {mo}\n"
        "[ ] Tell {fr} and {fr2} the new address\n",
        co1=N(pick(["Nordlys Energi", "Sahel Solar", "EDF", "Eskom"])), c1=N(str(ri(10 ** 7, 10 ** 9))),
        m1=N(tok(2, "ABCDEFGHJK") + str(ri(100000, 999999))), co2=N(pick(["Savanna Telecom", "Vodafone", "Airtel"])),
        c2=N(str(ri(10 ** 6, 10 ** 9))), mac=N(n_mac()),
        ib=IB(iban(LOCALES[loc]["iban"])) if LOCALES[loc]["iban"] else N(n_acct()),
        hr=P(person(loc).full()), hre=EM("hr@" + cdomain(loc=loc)), doc=P(person(loc).full()),
        dph=PH(phone(loc)), d1=N(n_date(loc)), mo=N("%d months" % ri(3, 12)),
        fr=P(person(loc).given), fr2=P(person(loc).full()))
    d.f("\n— {me}", me=P(me.full()))
    return d


def s_recruiter_msg():
    d = Doc()
    loc = pick(ALL_LOC)
    rec, cand = person(loc), person(pick(ALL_LOC))
    d.t(pick(["How should I reply to this recruiter?\n\n", "Is this a legit job offer?\n\n"]))
    d.f("Hi {c},\n\nI came across your profile ({u}) and think you'd be a great fit for a "
        "{job} role with {co} ({sal}, hybrid, {city}). The hiring manager, {hm}, was impressed "
        "by your work at {prev}.\n\nAre you free for a quick call on {wd} at {tm}? You can book "
        "directly here: {cal} or reach me on {ph}.\n\nBest,\n{r}\n{rj} | {rco}\n{re}",
        c=P(cand.given if not cand.east else cand.full()), u=U(url(cand.loc, cand, kind="linkedin")),
        job=N(pick(JOBS)), co=N(company()), sal=N(n_price(loc)),
        city=N(re.split(r",| \(| - ", pick(LOCALES[sloc()]["cities"]))[0]),
        hm=P(person(loc).full()), prev=N(company()), wd=N(pick(WEEKDAYS["en"].split())),
        tm=N(n_time()), cal=U(url(kind="cal", p=rec)), ph=phone_pieces(loc, 0.2),
        r=P(rec.full()), rj=N(pick(["Talent Partner", "Senior Recruiter", "Head of Talent"])),
        rco=N(company()), re=EM(rec.email(dom=cdomain(loc=loc))))
    return d


def s_neighbour_complaint():
    d = Doc()
    loc = sloc()
    me, nb = person(loc), person(loc)
    st = street(loc)
    d.t(pick(["Help me write a calm message to my neighbour:\n\n", "Make this less passive-"
                                                                   "aggressive:\n\n"]))
    d.f("Dear {nt}{ns},\n\nI live next door at {st}. For the past {n} weeks there has been loud "
        "music from your flat after {tm}, most recently on {wd}. I have a newborn and work early "
        "shifts at {pl}. I'd rather sort this out between us than involve {co}. My number is "
        "{ph} if you'd like to talk.\n\nKind regards,\n{me}",
        nt=pick(["Mr ", "Ms ", "Mrs ", ""]), ns=P(nb.surname() if chance(0.6) else nb.full()),
        st=S(st), n=str(ri(2, 8)), tm=N(pick(["11pm", "23:00", "midnight", "10.30pm"])),
        wd=N(pick(WEEKDAYS["en"].split())), pl=N(pick(["Hauptbahnhof", "Union Station",
                                                       "Heathrow Terminal 5", "Dubai Mall"])),
        co=N(pick(["Pinecrest Property Management", "Polder Verhuur", "the council"])),
        ph=PH(phone(loc)), me=P(me.given if chance(0.5) else me.full()))
    return d


def s_invoice():
    d = Doc()
    loc = pick(IBAN_LOC)
    sup, cust = person(loc), person(pick([loc, pick(ALL_LOC)]))
    co = company()
    d.t(pick(["Check this invoice for errors:\n\n", "Translate this invoice:\n\n",
              "Extract the payment details as JSON:\n\n"]))
    d.f("{co}\n", co=N(co))
    sloc_ = loc if LOCALES[loc]["sn"] else sloc()
    address(d, sloc_, sep="\n", country=chance(0.5))
    d.f("\nTel. {ph} · {em} · {u}\nVAT ID {vat}\n\nINVOICE {inv}   Date {dt}   Due {due}\n\n"
        "Bill to:\n{cn}\n", ph=PH(phone(loc)), em=EM("billing@" + cdomain(co, loc)),
        u=U(url(loc, kind=pick(["www", "site"]))),
        vat=N("%s%09d" % (LOCALES[loc]["iban"] or "EU", ri(0, 10 ** 9 - 1))), inv=N(n_invoice()),
        dt=N(n_date(loc)), due=N(n_date(loc)), cn=P(pick([cust.full(), cust.inv()])))
    cl = cust.loc if LOCALES[cust.loc]["sn"] else sloc()
    address(d, cl, sep="\n", country=chance(0.5))
    d.t("\n\nItem | Qty | Unit | Total\n")
    for _ in range(ri(2, 4)):
        d.f("{it} ({sku}) | {q} | {u} | {t}\n", it=pick(["Consulting hours", "Hosting (monthly)",
                                                         "Wedding photography package",
                                                         "Translation DE>EN", "Catering",
                                                         "Boiler service"]),
            sku=N(n_sku()), q=str(ri(1, 40)), u=N(n_price(loc)), t=N(n_price(loc)))
    d.f("\nTotal due: {tot} (VAT {pct} incl.)\nPlease pay to {holder}, IBAN {ib}, BIC {bic}, "
        "quoting {inv2}.\n", tot=N(n_price(loc)), pct=N(n_pct()), holder=P(sup.full()),
        ib=IB(iban(LOCALES[loc]["iban"])), bic=N(n_bic()), inv2=N(n_invoice()))
    return d


def s_sepa_mandate():
    d = Doc()
    loc = pick(["de", "at", "fr", "es", "it", "nl", "be", "pt", "ie", "fi"])
    p = person(loc)
    d.f("SEPA Direct Debit Mandate / SEPA-Lastschriftmandat\nCreditor: {co}\nCreditor ID: {cid}\n"
        "Mandate reference: {mr}\n\nDebtor name: {nm}\nAddress: ",
        co=N(pick(["Harbourside Hockey", "Lindenhof Pflegedienst", "Zephyr Cloud",
                   "Fjordlys Bygg"])),
        cid=N("%s%02dZZZ%011d" % (LOCALES[loc]["iban"], ri(10, 99), ri(0, 10 ** 11 - 1))),
        mr=N("M-%s-%06d" % (tok(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), ri(0, 999999))),
        nm=P(pick([p.full(), p.inv(), p.caps()])))
    address(d, loc, sep=", ", country=True)
    d.f("\nIBAN: {ib}\nBIC: {bic}\nPayment type: {pt}\nPlace and date: {city}, {dt}\n"
        "Signature: {sig}\n", ib=IB(iban(LOCALES[loc]["iban"], grouped=chance(0.7))),
        bic=N(n_bic()), pt=pick(["Recurrent", "One-off", "wiederkehrend"]),
        city=N(re.split(r",| \(| - ", pick(LOCALES[loc]["cities"]))[0]), dt=N(n_date(loc)),
        sig=P(p.full()))
    if chance(0.5):
        q = person(loc)
        d.f("Account holder (if different): {q}, {qib}\n", q=P(q.full()),
            qib=IB(iban(LOCALES[loc]["iban"])))
    d.t(pick(["\nWhat am I agreeing to here?", "\nFill in the English version for me."]))
    return d


def s_payroll_csv():
    d = Doc()
    loc = pick(IBAN_LOC)
    sep = pick([";", ",", "\t", "|"])
    d.t(pick(["Payroll export — the bank rejects the file, find the bad rows:\n\n",
              "Sum net pay by department:\n\n"]))
    d.t(sep.join(["emp_no", "name", "dept", "iban", "net", "tax_id"]) + "\n")
    for _ in range(ri(4, 7)):
        p = person(pick([loc, loc, pick(IBAN_LOC)]))
        nm = p.name(pick(["full", "inv", "caps"]))
        q = "\"" if "," in nm and sep == "," else ""
        good = chance(0.85)
        d.add([N("E%05d" % ri(0, 99999)), sep, q, P(nm), q, sep,
               pick(["Ops", "Sales", "R&D", "Finance"]), sep,
               IB(iban(LOCALES[p.loc]["iban"], grouped=False)) if good else
               N(bad_iban(LOCALES[p.loc]["iban"])), sep,
               N("%.2f" % R.uniform(900, 9000)), sep, N(n_natid()), "\n"])
    return d


def s_card_ocr():
    d = Doc()
    loc = pick(ALL_LOC)
    p = person(loc)
    d.t(pick(["I took photos of my cards for my travel folder, OCR text below. Is it safe to "
              "keep these in my notes app?\n\n", "OCR from a scanned card, fix the errors:\n\n"]))
    for _ in range(ri(1, 2)):
        num = card(loc, sep=" ")
        brand = card_brand(re.sub(r"\D", "", num))
        d.f("{bank}\n{cc}\nVALID THRU {exp}\n{nm}\n{brand}\n\n",
            bank=N(pick(["Equity Bank", "Itaú", "ING", "Barclays", "Garanti BBVA",
                         "Kotak Mahindra", "Sberbank", "Banco Galicia"])),
            cc=CC(num), exp=N("%02d/%02d" % (ri(1, 12), ri(25, 31))),
            nm=P(fold(p.full()).upper()),
            brand={"visa": "VISA", "mastercard": "mastercard", "amex": "AMERICAN EXPRESS",
                   "maestro": "Maestro", "rupay": "RuPay", "mir": "МИР / MIR", "jcb": "JCB",
                   "unionpay": "UnionPay 银联", "troy": "TROY", "verve": "Verve",
                   "discover": "DISCOVER", "diners": "Diners Club International"}[brand])
    d.f("back: call {ph} if found. CVC {cvc}", ph=PH(phone(loc, intl=True)),
        cvc=N("%03d" % ri(0, 999)))
    return d


def s_fraud_report():
    d = Doc()
    loc = pick(ALL_LOC)
    p = person(loc)
    d.f("Fraud case {fc} — analyst notes\nCustomer: {nm} ({em})\n\n",
        fc=N(n_ticket()), nm=P(p.full()), em=EM(p.email()))
    d.t("Time (UTC) | Card | Merchant | Amount | IP | Result\n")
    cards = [card(loc) for _ in range(ri(2, 3))]
    for _ in range(ri(3, 5)):
        d.f("{t} | {cc} | {m} | {amt} | {ip} | {res}\n", t=N(hms()), cc=CC(pick(cards)),
            m=N(pick(BRANDS)), amt=N(n_price(loc)), ip=IP(ip()),
            res=pick(["APPROVED", "DECLINED 05", "3DS FAIL", "APPROVED"]))
    d.f("\nAlso tried: {bad} (Luhn fail) and {bad2}.\nDevice {mac}, UA {ua}.\n",
        bad=N(bad_card()), bad2=N(bad_card()), mac=N(n_mac()), ua=N(n_version()))
    d.t(pick(["Write the SAR narrative.", "Summarise the pattern."]))
    return d


def s_subscription_switch():
    d = Doc()
    loc = pick(IBAN_LOC)
    p = person(loc)
    d.f("Hello,\n\nplease switch my {svc} membership ({mem}) from card payment to direct debit. "
        "Old card: {cc}. New account: {ib} ({bank}). Account holder is my {rel} {h}, same "
        "address: ", svc=pick(["gym", "Zephyr Cloud", "newspaper", "swimming club"]),
        mem=N("#%07d" % ri(0, 9999999)), cc=CC(card(loc)),
        ib=IB(iban(LOCALES[loc]["iban"])), bank=N(pick(["ING", "Revolut", "N26", "Santander"])),
        rel=pick(["husband", "wife", "partner", "father"]), h=P(person(loc).full()))
    d.add(S(street(loc)))
    d.f(".\n\nThanks,\n{nm}\n{ph}", nm=P(p.full()), ph=PH(phone(loc)))
    d.t(pick(["\n\nTranslate to " + pick(["German", "Dutch", "Spanish"]) + ".",
              "\n\nMake it shorter."]))
    return d


def s_rent_split():
    d = Doc()
    loc = pick(IBAN_LOC)
    ppl = [person(loc) for _ in range(ri(2, 4))]
    d.f("flat admin 🏠 — {mon}\nrent {rent} + bills {bills}\n\n", mon=N(pick(MONTHS["en"].split())),
        rent=N(n_price(loc)), bills=N(n_price(loc)))
    for p in ppl:
        d.add([P(p.name(pick(["lgiven", "given", "given"]))), ": ", N(n_price(loc)), " → "])
        d.add(IB(iban(LOCALES[loc]["iban"])) if chance(0.7) else PH(phone(loc)))
        d.t("\n")
    d.f("landlord account (standing order): {ib}, ref {ref}\n", ib=IB(iban(LOCALES[loc]["iban"])),
        ref=N(n_invoice()))
    d.t(pick(["work out who owes who", "make this fair if one room is 20% bigger"]))
    return d


def s_checkout_form():
    d = Doc()
    loc = pick(ALL_LOC)
    p = person(loc)
    home = loc if LOCALES[loc]["sn"] else sloc()
    d.t(pick(["My autofill put the wrong values in, here's the form HTML:\n\n",
              "Why doesn't this form validate?\n\n"]))
    d.f("<form action=\"{u}\" method=\"post\">\n  <input name=\"cc-name\" value=\"{nm}\">\n"
        "  <input name=\"cc-number\" value=\"{cc}\" autocomplete=\"cc-number\">\n"
        "  <input name=\"cc-exp\" value=\"{exp}\">\n  <input name=\"email\" type=\"email\" "
        "value=\"{em}\">\n  <input name=\"tel\" value=\"{ph}\">\n  <input name=\"address-line1\" "
        "value=\"{st}\">\n  <input name=\"postal-code\" value=\"{pc}\">\n  <button style=\"background:{hx}\">"
        "Pay {amt}</button>\n</form>\n",
        u=U("https://checkout.%s/pay" % cdomain(loc=loc)), nm=P(p.full()), cc=CC(card(loc)),
        exp=N("%02d / %02d" % (ri(1, 12), ri(25, 31))), em=EM(p.email()), ph=PH(phone(loc)),
        st=S(street(home)), pc=N(n_postcode(home)), hx=N(n_hex()), amt=N(n_price(loc)))
    return d


# ----------------------------------------------------------------------------------------------
# Schedule and main
# ----------------------------------------------------------------------------------------------
SCENARIOS = [
    (s_voice_note, 3), (s_whatsapp, 3), (s_crm_csv, 2), (s_orm_debug, 2), (s_address_labels, 3),
    (s_author_list, 2), (s_bulletin, 2), (s_obituary, 2), (s_incident_report, 3),
    (s_school_report, 2), (s_classified, 3), (s_dating_bio, 2), (s_tax_form, 3),
    (s_referral_letter, 2), (s_customs, 2), (s_bank_transfer, 4), (s_hotel_card, 3), (s_cv, 2),
    (s_server_log, 3), (s_network_inventory, 2), (s_email_thread, 3), (s_translation_request, 3),
    (s_git_log, 2), (s_config_yaml, 2), (s_seating_plan, 2), (s_sports_roster, 2),
    (s_rental_application, 3), (s_genealogy, 2), (s_itinerary, 2), (s_tenancy_dispute, 2),
    (s_bug_report_json, 3), (s_meeting_minutes, 2), (s_podcast_notes, 2), (s_real_estate, 3),
    (s_vet_record, 2), (s_recommendation_letter, 2), (s_court_notice, 2), (s_expense_report, 3),
    (s_emergency_contacts, 2), (s_intercom_list, 2), (s_codemixed_chat, 3),
    (s_visa_invitation, 2), (s_negative_only, 4), (s_spreadsheet_paste, 2),
    (s_payment_dispute, 4), (s_delivery_complaint, 2), (s_rsvp_list, 2), (s_sms_inbox, 2),
    (s_anonymise_request, 3), (s_contract_parties, 2), (s_accident_exchange, 2),
    (s_enrolment_form, 2), (s_household_register, 2), (s_support_chat_card, 3),
    (s_donation_receipts, 2), (s_airbnb_host_msg, 2), (s_conference_badges, 2),
    (s_patient_intake, 2), (s_curl_api, 2), (s_vcard, 2), (s_ics_invite, 2), (s_raw_headers, 2),
    (s_sql_dump, 2), (s_pharmacy_label, 2), (s_moving_checklist, 2), (s_recruiter_msg, 2),
    (s_neighbour_complaint, 2), (s_invoice, 3), (s_sepa_mandate, 2), (s_payroll_csv, 2),
    (s_card_ocr, 4), (s_fraud_report, 4), (s_subscription_switch, 3), (s_rent_split, 2),
    (s_checkout_form, 3),
]


def main():
    t0 = time.time()
    pool = []
    for fn, w in SCENARIOS:
        pool += [fn] * w
    order = []
    while len(order) < N_ITEMS:
        blk = pool[:]
        R.shuffle(blk)
        order += blk
    order = order[:N_ITEMS]
    items, retries = [], 0
    for i, fn in enumerate(order):
        for _ in range(100):
            d = fn()
            try:
                text, ents = validate(d)
                break
            except Collision:
                retries += 1
        else:
            raise RuntimeError("could not generate a collision-free item for %s" % fn.__name__)
        items.append({"id": "eleventh-%05d" % (i + 1), "text": text, "entities": ents,
                      "negatives": list(d.negs)})
    with open(OUT, "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    # re-read and re-check the file as written
    counts = {t: 0 for t in TYPES}
    n_neg = n_inv = 0
    real = set()
    for Lc in LOCALES.values():
        for x in Lc["gf"] + Lc["gm"] + Lc["sur"] + (Lc["surf"] or []):
            real.update(fold(t).lower() for t in re.split(r"[\s\-]+", x))
    real.update(fold(t).lower() for t in PARTICLES)
    with open(OUT, encoding="utf-8") as fh:
        for line in fh:
            it = json.loads(line)
            b = it["text"].encode("utf-8")
            for e in it["entities"]:
                assert b[e["start"]:e["end"]].decode("utf-8") == e["value"]
                counts[e["type"]] += 1
                if e["type"] == "person":
                    toks = [fold(t).lower().strip("'") for t in re.split(r"[\s,/\-]+", e["value"])
                            if t and not t.endswith(".")]
                    n_inv += any(t not in real and t.replace("'", "") not in real for t in toks)
            n_neg += len(it["negatives"])
    total = sum(counts.values())
    assert len(items) >= 550 and total >= 3000, (len(items), total)
    assert counts["person"] >= 900 and counts["street_address"] >= 350, counts
    assert all(counts[t] >= 150 for t in TYPES), counts
    print("wrote %s" % OUT)
    print("items: %d   entities: %d   negatives: %d   regenerated (collisions): %d" %
          (len(items), total, n_neg, retries))
    for t in TYPES:
        print("  %-15s %5d" % (t, counts[t]))
    print("person spans with an invented name part: %.1f %%" % (100.0 * n_inv / counts["person"]))
    print("seed %d; run time %.2f s" % (SEED, time.time() - t0))


if __name__ == "__main__":
    main()
