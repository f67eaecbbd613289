#!/usr/bin/env python3
"""Generator for tests/pii/pii-eighth.jsonl -- the eighth, independent PII test set.

Run:   cd /work/main && python3 tests/pii/make_pii_eighth.py
Seed:  random.Random(SEED) with SEED = 4417093 (Python 3 standard library only, deterministic).

Every output line is a JSON object
  {"id": "eighth-00001", "text": "...",
   "entities": [{"type": T, "value": V, "start": S, "end": E}, ...],
   "negatives": ["...", ...]}
start/end are BYTE offsets into text.encode("utf-8"). Labels exist by construction: each text is
built piece by piece (class B), so every span is recorded while it is appended. The script asserts
text.encode()[S:E].decode() == V, that entities do not overlap, that cards are Luhn-valid, IBANs
mod-97-valid, IPs parseable, and that every listed negative occurs in the text outside entities.

Span conventions
- email: the address only (display names, <> brackets, "mailto:" outside); role addresses count.
- phone: from "+", "(" or the first digit to the last digit; extensions ("ext. 214", "x31") outside.
- credit_card: the whole number with its internal spaces/hyphens; Luhn-valid, real IIN prefixes.
- iban: the whole IBAN, compact or in groups of four; mod-97 valid with the country's length.
- ip_address: IPv4 or IPv6 (full, compressed, ::1, fe80::); ports, brackets and "/prefix" outside.
- url: from http(s):// or www. to the last URL character; trailing punctuation/brackets outside.
- person: the name only; titles (Dr., Frau, Mr, Sig.ra, Bey) and possessive 's outside; a full name
  is one span incl. particles, hyphens, apostrophes and middle initials; lone given names or
  surnames are spans; some are lower-case (casual chat) or ALL-CAPS surnames (forms); about 20 %
  are invented names.
- street_address: the street line incl. the street-type word, house number and any flat/unit/floor
  written on that same line; postcode, city and country are outside.
"negatives" lists hard-negative strings that occur verbatim in the text and must NOT be labelled
(order/invoice/ticket/tracking numbers, ISBNs, dates, versions, hashes, UUIDs, Luhn-invalid
16-digit numbers, prices, percentages, measurements, lone postcodes, product codes, Title-Case
non-names, file paths, hex colours, MAC addresses, coordinates).
"""
import ipaddress
import json
import os
import random
import re
import string
import unicodedata
import uuid

SEED = 4417093
R = random.Random(SEED)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii-eighth.jsonl")

# ----------------------------------------------------------------------------- builder
class B:
    """Text builder recording exact byte spans of entities while appending."""
    def __init__(self):
        self.parts, self.nbytes, self.ents, self.negs = [], 0, [], []
    def t(self, s):
        self.parts.append(s)
        self.nbytes += len(s.encode("utf-8"))
        return self
    def e(self, typ, val):
        start = self.nbytes
        self.t(val)
        self.ents.append({"type": typ, "value": val, "start": start, "end": self.nbytes})
        return self
    def n(self, val):
        self.t(val)
        if val not in self.negs:
            self.negs.append(val)
        return self
    def text(self):
        return "".join(self.parts)


TOK = re.compile(r"\{\{(\w+)\}\}")

def put(b, v):
    """str -> plain text; ("neg", s) -> hard negative; (type, s) -> entity; list -> each."""
    if isinstance(v, list):
        [put(b, x) for x in v]
    elif isinstance(v, tuple):
        b.n(v[1]) if v[0] == "neg" else b.e(v[0], v[1])
    else:
        b.t(str(v))

def fill(_b, _fmt, **kw):
    for i, piece in enumerate(TOK.split(_fmt)):
        _b.t(piece) if i % 2 == 0 else put(_b, kw[piece])
    return _b

def P(x): return ("person", x)
def EM(x): return ("email", x)
def PH(x): return ("phone", x)
def CC(x): return ("credit_card", x)
def IB(x): return ("iban", x)
def IP(x): return ("ip_address", x)
def URL(x): return ("url", x)
def AD(x): return ("street_address", x)
def N(x): return ("neg", x)
def pick(seq): return R.choice(seq)
def chance(p): return R.random() < p

def pat(p):
    """'#' -> digit, '%' -> non-zero digit, anything else literal."""
    return "".join(str(R.randint(1, 9)) if c == "%" else str(R.randint(0, 9)) if c == "#" else c
                   for c in p)

def rnd(a, b): return str(R.randint(a, b))

# ----------------------------------------------------------------------------- cards
def luhn_sum(ds):
    return sum((int(c) * 2 - 9 if int(c) > 4 else int(c) * 2) if i % 2 else int(c)
               for i, c in enumerate(reversed(ds))) % 10

def luhn_ok(s): return luhn_sum(re.sub(r"\D", "", s)) == 0

def luhn_complete(prefix, length):
    body = prefix + "".join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for c in string.digits:
        if luhn_sum(body + c) == 0:
            return body + c
    raise AssertionError

def card_prefix():
    return pick([("4", 16)] * 3 + [(rnd(51, 55), 16)] * 2 + [(rnd(2221, 2720), 16), (pick(["34", "37"]), 15),
                (pick(["6011", "65", rnd(644, 649)]), 16), (rnd(3528, 3589), 16), (pick(["36", "300", "305"]), 14)])

def group_digits(num, sep):
    groups = {16: [4, 4, 4, 4], 15: [4, 6, 5], 14: [4, 6, 4]}[len(num)]
    out, i = [], 0
    for g in groups:
        out.append(num[i:i + g])
        i += g
    return sep.join(out)

def card(style=None):
    pre, n = card_prefix()
    num = luhn_complete(pre, n)
    style = style or pick(["plain", "space", "space", "hyphen"])
    if style == "plain":
        return num
    return group_digits(num, " " if style == "space" else "-")

def bad_card():
    """16 digits with a card-like prefix but a wrong check digit (Luhn-invalid)."""
    num = luhn_complete(pick(["4", "53", "6011", "4571"]), 16)
    num = num[:-1] + str((int(num[-1]) + R.randint(1, 9)) % 10)
    assert not luhn_ok(num)
    return pick([num, group_digits(num, " "), group_digits(num, "-")])

# ----------------------------------------------------------------------------- IBAN
IBAN_SPEC = {"DE": "n18", "FR": "n10c11n2", "ES": "n20", "IT": "a1n10c12", "NL": "a4n10", "BE": "n12",
             "AT": "n16", "CH": "n17", "PL": "n24", "PT": "n21", "SE": "n20", "DK": "n14", "NO": "n11",
             "FI": "n14", "GB": "a4n14", "IE": "a4n14", "CZ": "n20", "HU": "n24", "RO": "a4c16",
             "HR": "n17", "TR": "n22", "LU": "n3c13"}
IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "BE": 16, "AT": 20, "CH": 21, "PL": 28,
            "PT": 25, "SE": 24, "DK": 18, "NO": 15, "FI": 18, "GB": 22, "IE": 22, "CZ": 24, "HU": 28,
            "RO": 24, "HR": 21, "TR": 26, "LU": 20}
BANKS = {"GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL"], "NL": ["ABNA", "INGB", "RABO", "TRIO", "SNSB"],
         "IE": ["AIBK", "BOFI"], "RO": ["BTRL", "RNCB", "BRDE"]}

def iban_mod(s): return int("".join(str(int(c, 36)) for c in s)) % 97

def iban_ok(s):
    s = s.replace(" ", "")
    return len(s) == IBAN_LEN[s[:2]] and iban_mod(s[4:] + s[:4]) == 1

def iban(cc=None, grouped=None):
    if cc not in IBAN_SPEC:
        cc = pick(list(IBAN_SPEC))
    gen = {"a": string.ascii_uppercase, "n": string.digits, "c": string.digits * 3 + string.ascii_uppercase}
    bban = "".join(pick(BANKS[cc]) if k == "a" and n == "4" and cc in BANKS else
                   "".join(R.choice(gen[k]) for _ in range(int(n))) for k, n in re.findall(r"([anc])(\d+)", IBAN_SPEC[cc]))
    s = f"{cc}{98 - iban_mod(bban + cc + '00'):02d}{bban}"
    assert iban_ok(s), s
    if grouped is None:
        grouped = chance(0.6)
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if grouped else s

# ----------------------------------------------------------------------------- IP / URL
def ipv4(kind=None):
    kind = kind or pick(["pub", "pub", "priv", "doc"])
    if kind == "priv":
        return pick([f"10.{rnd(0, 255)}.{rnd(0, 255)}.{rnd(1, 254)}", f"192.168.{rnd(0, 20)}.{rnd(2, 254)}",
                     f"172.{rnd(16, 31)}.{rnd(0, 255)}.{rnd(1, 254)}"])
    if kind == "doc":
        return f"{pick(['192.0.2', '198.51.100', '203.0.113'])}.{rnd(1, 254)}"
    return f"{pick([31, 45, 62, 77, 81, 85, 91, 109, 141, 151, 176, 185, 188, 212, 217])}." \
           f"{rnd(0, 255)}.{rnd(0, 255)}.{rnd(1, 254)}"

def ipv6(kind=None):
    kind = kind or pick(["glob", "glob", "glob", "ll", "full", "lo"])
    if kind == "lo":
        return "::1"
    if kind == "ll":
        return str(ipaddress.IPv6Address((0xfe80 << 112) | R.getrandbits(64)))
    g = [pick([0x2001, 0x2a02, 0x2a01, 0x2600, 0x2c0f]), R.getrandbits(16), R.getrandbits(16),
         R.randint(0, 0xff)] + [R.getrandbits(16) for _ in range(4)]
    z = R.randint(2, 6)
    for i in range(z, min(7, z + R.randint(2, 3))):
        g[i] = 0
    a = ipaddress.IPv6Address(int("".join(f"{x:04x}" for x in g), 16))
    return a.exploded if kind == "full" else a.compressed

def ip_any(): return ipv4() if chance(0.65) else ipv6()


URL_PATHS = ["orders/track", "kontakt", "help/returns", "de/service/termin", "fr/rendez-vous",
             "booking/confirm", "wiki/Onboarding", "s/3fKq9", "invoice/view", "account/security",
             "es/pedidos", "it/prenota", "careers/apply", "docs/api/v2/auth", "nl/klantenservice",
             "pl/kontakt", "sv/kundservice", "tr/iletisim", "survey/start", "events/2025/summit"]

def url(dom=None):
    dom = dom or pick(DOMAINS)
    path = pick(URL_PATHS)
    q = pick(["", "", "", f"?id={rnd(10000, 99999)}", f"?ref={pat('########')}&lang=en",
              f"#section-{rnd(1, 9)}", f"?utm_source=newsletter&utm_medium=email"])
    form = pick(["https", "https", "https", "http", "www"])
    if form == "www":
        return f"www.{dom}" + pick(["", f"/{path}"])
    host = pick(["www.", "", "portal.", "shop.", "my."]) + dom
    return f"{form}://{host}/" + pick([f"{path}{q}", f"{path}{q}", ""])

# ----------------------------------------------------------------------------- names
NAMES = {
    "en": ("James Olivia Michael Emily Daniel Sophie Thomas Hannah Liam Grace Ethan Chloe Nathan Megan "
           "Ryan Aisha Priya Kwame Siobhan Declan",
           "Walker|Thompson|O'Connor|O'Brien|McAllister|Fitzgerald|Harrington|Patel|Okafor|Nguyen|Bennett|"
           "Clarke|Hughes|Ashworth-Lee|MacLeod|Reyes|St. Clair|Adeyemi"),
    "de": ("Jürgen Björn Lena Sören Käthe Maximilian Anneliese Jörg Ulrike Felix Till Götz Mareike",
           "Müller|Schröder|Weiß|Groß|Köhler|Bäcker|von Weizsäcker|Müller-Lüdenscheidt|Schäfer|Hoffmann|"
           "zu Guttenberg|Wöhrle|Krüger"),
    "fr": ("François Hélène Éloïse Maëlle Noël Jérôme Cécile Gaëtan Amélie Anaïs Benoît Zoé",
           "Dupont|Lefèvre|Béranger|de la Fontaine|Desrosiers|Lemaître|Giraud|d'Arcy|Fournier|Le Goff|N'Diaye"),
    "es": ("José María Iñigo Begoña Ramón Lucía Aitana Joaquín Nuria Sebastián Ximena",
           "García López|Fernández|Muñoz|Ibáñez|de la Cruz|Peña|Núñez|Castaño|Echeverría|Ortiz de Zárate"),
    "it": ("Giovanni Chiara Niccolò Lucrezia Matteo Francesca Gianluca Ilaria Raffaele",
           "Rossi|D'Angelo|De Luca|Bianchi|Esposito|Galli|Lo Russo|Ferrara|Dell'Acqua|Santoro"),
    "pt": ("João Conceição Gonçalo Inês Sebastião Leonor Thiago Luíza",
           "Gonçalves|Magalhães|da Silva|dos Santos|Araújo|Simões|Brandão|Assunção"),
    "nl": ("Joost Femke Sanne Pieter Daan Lieke Maarten Ruud Ilse",
           "van der Berg|de Vries|van Dijk|Bakker|Jansen|van 't Hof|Visser|de Jong-Smit|Hoekstra"),
    "pl": ("Łukasz Małgorzata Wojciech Zofia Krzysztof Agnieszka Grzegorz Bożena Paweł",
           "Kowalski|Wiśniewska|Wójcik|Szczęsny|Łukaszewicz|Nowak|Dąbrowska|Zieliński|Grabowska-Kurek"),
    "cs": ("Jiří Kateřina Tomáš Šárka Radek Zdeňka", "Dvořák|Novotná|Procházka|Černý|Růžičková|Kříž"),
    "sv": ("Åsa Björn Märta Nils Ingrid Linnéa Örjan", "Ström|Åkesson|Sjöberg|Lindqvist|Ekström|Höglund"),
    "da": ("Søren Mette Mikkel Freja Jørgen Åse", "Jørgensen|Østergaard|Møller|Frederiksen|Kjær"),
    "no": ("Øyvind Ingvild Håkon Solveig Eirik", "Næss|Bjørnstad|Haugland|Løvås|Sæther"),
    "fi": ("Jyrki Päivi Aino Eero Tuomas Sanna", "Mäkinen|Hämäläinen|Virtanen|Kärkkäinen|Lehtonen"),
    "hu": ("Zsófia Gábor Réka Ödön Bence Erzsébet", "Szőke|Kovács|Tóth|Nagy-Bódi|Gyöngyösi|Horváth"),
    "tr": ("Çağrı Gülşen Şükrü Ömer Ayşe Emre Zeynep İlkay", "Yılmaz|Öztürk|Çelik|Şahin|Doğan|Karakaş"),
    "ro": ("Ștefan Ioana Răzvan Mădălina Andrei", "Popescu|Țăranu|Dumitrescu|Ionescu|Stănescu"),
    "hr": ("Ivana Dražen Goran Mateja Luka", "Horvat|Kovačević|Babić|Jurić|Šimić"),
    "is": ("Sigurður Guðrún Þórunn", "Þórsdóttir|Guðmundsson|Einarsdóttir"),
    "vi": ("Thảo Minh Hương Quốc", "Trần|Phạm|Nguyễn|Lê"),
    "lv": ("Jānis Līga Vytautas Rūta", "Bērziņš|Kalniņa|Žemaitis|Ozoliņš"),
}
LOCS_EN = ["en"] * 6 + list(NAMES)
SYL1 = "Ka Lo Mi Ren Ta Vel Or Sa Thi Yun Dar Ise Qua Bel Nor Fae Zu Ari Cal Eno".split()
SYL2 = "ra lin no vik dor lia sen ko mé ta wen ril sa vo ndra".split()
SUR1 = "Mor Tal Vey Quin Dro Hal Zeb Ost Kar Lun Bre Fen Yor Gar Ul".split()
SUR2 = "ravik|ellan|sby|owicz|ardi|quist|enko|hoff|eaux|ssen|inger|adze|mont|ero".split("|")
TITLES = {"en": ["Mr", "Ms", "Mrs", "Dr.", "Prof."], "de": ["Herr", "Frau", "Dr.", "Frau Dr."],
          "fr": ["M.", "Mme", "Dr"], "es": ["Sr.", "Sra.", "Dra."], "it": ["Sig.", "Sig.ra", "Dott.", "Avv."],
          "nl": ["dhr.", "mevr."], "pl": ["Pan", "Pani"], "pt": ["Sr.", "Sra.", "Dr."]}

class Person:
    def __init__(self, given, surname, mid=""):
        self.given, self.surname = given, surname
        self.full = f"{given} {mid} {surname}" if mid else f"{given} {surname}"

def nm(loc=None, inv=0.2, mid=0.1):
    if loc not in NAMES:
        loc = pick(LOCS_EN)
    if chance(inv):
        g, s = pick(SYL1) + pick(SYL2), pick(SUR1) + pick(SUR2)
    else:
        gs, ss = NAMES[loc]
        g, s = pick(gs.split()), pick(ss.split("|"))
    return Person(g, s, f"{pick('ABCDEFGHJKLMNPRST')}." if chance(mid) else "")

def title(lang): return pick(TITLES.get(lang, TITLES["en"]))


FOLD = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "Ae", "đ": "d",
                      "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "œ": "oe"})

def slug(s):
    s = unicodedata.normalize("NFKD", s.translate(FOLD))
    return re.sub(r"[^a-z0-9]+", "", "".join(c for c in s if not unicodedata.combining(c)).lower())

# ----------------------------------------------------------------------------- organisations
COMPANIES = [("Northwind Traders", "northwind-traders.com"), ("Brightlane Analytics Ltd", "brightlane.io"),
             ("Blue Harbour Foods", "blueharbour-foods.co.uk"), ("Elbtal Logistik GmbH", "elbtal-logistik.de"),
             ("Atelier Lumière SARL", "atelier-lumiere.fr"), ("Grupo Alameda S.L.", "grupo-alameda.es"),
             ("Studio Lucerna S.r.l.", "studio-lucerna.it"), ("Polderbouw B.V.", "polderbouw.nl"),
             ("Polmet Sp. z o.o.", "polmet.com.pl"), ("Casa Azul Lda.", "casa-azul.pt"),
             ("Nordvik Bygg AB", "nordvik.se"), ("Anadolu Tekstil A.Ş.", "anadolu-tekstil.com.tr"),
             ("Helvetia Consult AG", "helvetia-consult.ch"), ("Fjordline Shipping AS", "fjordline-shipping.no")]
DOMAINS = [d for _, d in COMPANIES] + ["stadtwerke-nordheim.de", "mairie-exemple.fr", "clinica-sol.es",
                                       "greenfield-school.org.uk", "tandarts-centrum.nl", "hotel-miramare.it"]
FREEMAIL = {"en": ["gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "proton.me"],
            "de": ["web.de", "gmx.de", "t-online.de", "gmx.at", "bluewin.ch"],
            "fr": ["orange.fr", "free.fr", "laposte.net"], "es": ["hotmail.es", "telefonica.net", "gmail.com"],
            "it": ["libero.it", "virgilio.it"], "nl": ["ziggo.nl", "kpnmail.nl"], "pl": ["wp.pl", "onet.pl", "o2.pl"],
            "pt": ["sapo.pt", "uol.com.br"], "sv": ["telia.com", "bredband.net"], "tr": ["yandex.com.tr"],
            "da": ["mail.dk"], "cs": ["seznam.cz"], "hu": ["freemail.hu"], "fi": ["elisanet.fi"]}
ROLES = ["info", "support", "billing", "hr", "accounts", "noreply", "kontakt", "contact", "facturacion",
         "ordini", "klantenservice", "biuro", "atendimento", "kundtjanst", "destek", "privacy", "jobs",
         "service", "reservations", "office"]

def email_for(p, dom=None, loc="en"):
    g, s = slug(p.given), slug(p.surname)
    dom = dom or pick(FREEMAIL.get(loc, FREEMAIL["en"]) + FREEMAIL["en"][:2])
    return pick([f"{g}.{s}", f"{g[0]}.{s}", f"{g}{s}{rnd(1, 99)}", f"{s}.{g}", f"{g}_{s}", f"{g[0]}{s}"]) \
        + "@" + dom

def role_email(dom=None): return pick(ROLES) + "@" + (dom or pick(DOMAINS))

# ----------------------------------------------------------------------------- phones
PHONES = {
    "US": ["(%##) %##-####", "+1 %##-%##-####", "%##.%##.####", "+1 (%##) %## ####"],
    "CA": ["+1 514-%##-####", "(416) %##-####"],
    "GB": ["+44 20 7### ####", "020 7### ####", "07### ######", "+44 7### ######", "+44 (0)161 ### ####"],
    "IE": ["+353 1 ### ####", "087 ### ####"],
    "AU": ["+61 2 #### ####", "04## ### ###", "(02) #### ####"],
    "DE": ["+49 30 ########", "030 #######", "+49 (0)89 ######-##", "0171 #######", "+49 151 ########"],
    "AT": ["+43 1 ### ####", "0664 ### ####"], "CH": ["+41 44 ### ## ##", "079 ### ## ##"],
    "FR": ["+33 1 ## ## ## ##", "06 ## ## ## ##", "01.##.##.##.##", "+33 (0)6 ## ## ## ##"],
    "BE": ["+32 2 ### ## ##", "0475 ## ## ##"], "NL": ["+31 20 ### ####", "06-########", "+31 6 ########"],
    "ES": ["+34 9## ### ###", "6## ## ## ##", "+34 6## ### ###"], "MX": ["+52 55 #### ####", "55 #### ####"],
    "PT": ["+351 21# ### ###", "9## ### ###"], "BR": ["+55 11 9####-####", "(11) %###-####", "+55 (21) 9####-####"],
    "IT": ["+39 06 #### ####", "3## ### ####", "+39 02 ########"],
    "PL": ["+48 22 ### ## ##", "5## ### ###", "+48 6## ### ###"], "CZ": ["+420 6## ### ###", "+420 2## ### ###"],
    "SE": ["+46 8 ### ### ##", "07#-### ## ##", "+46 70 ### ## ##"], "DK": ["+45 ## ## ## ##", "%# ## ## ##"],
    "NO": ["+47 ### ## ###", "+47 22 ## ## ##"], "FI": ["+358 40 ### ####", "09 ### ####"],
    "TR": ["+90 212 ### ## ##", "0532 ### ## ##", "+90 (5##) ### ## ##"],
    "HU": ["+36 1 ### ####", "+36 30 ### ####", "06 20 ### ####"], "RO": ["+40 21 ### ####", "07## ### ###"],
    "HR": ["+385 1 ### ####", "091 ### ####"], "IN": ["+91 9#### #####"], "JP": ["+81 3-####-####", "090-####-####"],
}

def phone(cc=None): return pat(pick(PHONES.get(cc) or PHONES[pick(list(PHONES))]))

def ext():
    return pick(["", "", f" ext. {rnd(10, 499)}", f" x{rnd(10, 99)}", f" (ext. {rnd(1, 9)})", f" -{rnd(10, 49)}"])

# ----------------------------------------------------------------------------- addresses
UK_ST = ["Albert", "Victoria", "Church", "Mill", "Station", "Kingsley", "Ashford", "Beech", "Hawthorn", "Elmwood", "St Mary's"]

def _u(a=1, b=20): return R.randint(a, b)


ADDR = {
    "US": lambda: (f"{_u(12, 9899)} {pick(['N ', 'S ', 'W ', '', '', ''])}{pick(['Maple', 'Oak', 'Cedar', 'Willow', 'Hillcrest', 'Lakeview', 'Sunset', 'Highland', 'Meadowbrook', 'Riverside', 'Chestnut', 'Spring Valley'])} "
                   f"{pick(['Street', 'St', 'Avenue', 'Ave', 'Boulevard', 'Drive', 'Lane', 'Road', 'Court', 'Parkway'])}"
                   + pick(["", "", f", Apt {_u()}{pick('ABCD')}", f", Suite {_u(100, 950)}", f" #{_u(2, 40)}", f", Unit {_u(1, 99)}"]),
                   pick(["Portland, OR 97205", "Austin, TX 78704", "Columbus, OH 43215", "Denver, CO 80211", "Raleigh, NC 27603", "Madison, WI 53703"])),
    "GB": lambda: (pick(["", "", f"Flat {_u(1, 24)}, ", f"Flat {_u(1, 9)}{pick('ABC')}, "]) + f"{_u(1, 240)} "
                   f"{pick(UK_ST)} "
                   f"{pick(['Road', 'Street', 'Lane', 'Close', 'Gardens', 'Crescent', 'Grove', 'Terrace', 'Avenue', 'Mews'])}",
                   pick(["Manchester M14 5RB", "Leeds LS6 2AB", "Bristol BS8 1TH", "Edinburgh EH3 9QN", "Cardiff CF10 3AT", "London SW9 8DJ", "London N16 7UX"])),
    "IE": lambda: (pick(["", f"Apartment {_u(1, 60)}, "]) + f"{_u(1, 120)} {pick(['Main', 'Clontarf', 'Ranelagh', 'Dominick', 'Castle'])} {pick(['Street', 'Road', 'Avenue', 'Park'])}",
                   pick(["Dublin 6, D06 F2X4", "Galway, H91 E2K7", "Cork, T12 X7PN"])),
    "CA": lambda: pick([(f"{_u(10, 999)} {pick(['Queen', 'King', 'Bloor', 'Dundas'])} St {pick(['W', 'E'])}" + pick(["", f", Unit {_u(1, 40)}", f", Suite {_u(100, 900)}"]), "Toronto, ON M5V 2T6"),
                        (f"{_u(10, 999)}, rue {pick(['Sainte-Catherine Ouest', 'Saint-Denis', 'Sherbrooke Est'])}" + pick(["", f", bureau {_u(100, 900)}", f", app. {_u(1, 40)}"]), "Montréal (Québec) H2X 1K4")]),
    "AU": lambda: (pick([f"Unit {_u()}, {_u(1, 300)} {pick(['George', 'Brunswick', 'Oxford', 'Beach'])} {pick(['Street', 'Road', 'Parade'])}",
                         f"{_u()}/{_u(1, 300)} {pick(['George', 'Smith', 'Hay', 'Marine'])} {pick(['St', 'Rd', 'Pde'])}",
                         f"{_u(1, 300)} {pick(['Chapel', 'Lygon', 'Ann'])} Street"]),
                   pick(["Sydney NSW 2000", "Fitzroy VIC 3065", "Brisbane QLD 4000", "Fremantle WA 6160"])),
    "DE": lambda: (pick([f"{pick(['Haupt', 'Linden', 'Schiller', 'Goethe', 'Bahnhof', 'Garten', 'Kirch', 'Mühlen', 'Rosen', 'Eichendorff'])}{pick(['straße', 'straße', 'str.', 'weg', 'allee'])} {_u(1, 180)}{pick(['', '', 'a', 'b'])}",
                         f"Am {pick(['Linden', 'Markt', 'Kirch'])}platz {_u(1, 40)}", f"{pick(['Friedrich-Ebert', 'Konrad-Adenauer', 'Bergheimer'])}-Straße {_u(1, 200)}".replace("Bergheimer-", "Bergheimer ")])
                   + pick(["", "", ", 3. OG", ", Hinterhaus", ", 2. OG links"]),
                   pick(["10115 Berlin", "80331 München", "50667 Köln", "20095 Hamburg", "04109 Leipzig", "70173 Stuttgart"])),
    "AT": lambda: (f"{pick(['Mariahilfer Straße', 'Landstraßer Hauptstraße', 'Wiedner Hauptstraße', 'Linzer Straße', 'Herrengasse', 'Schottengasse'])} {_u(1, 150)}" + pick(["", f"/{_u()}", f"/{_u(1, 5)}/{_u()}", f"/Top {_u()}"]),
                   pick(["1060 Wien", "1030 Wien", "8010 Graz", "4020 Linz", "5020 Salzburg"])),
    "CH": lambda: (f"{pick(['Bahnhofstrasse', 'Seestrasse', 'Kramgasse', 'Rue du Rhône', 'Via Nassa', 'Limmatquai'])} {_u(1, 120)}",
                   pick(["8001 Zürich", "3011 Bern", "1204 Genève", "6900 Lugano", "4051 Basel"])),
    "FR": lambda: (f"{_u(1, 140)}{pick(['', '', ' bis', ' ter'])}{pick([' ', ', '])}{pick(['rue', 'rue', 'avenue', 'boulevard', 'impasse', 'allée', 'chemin'])} "
                   f"{pick(['de la Paix', 'Victor Hugo', 'des Lilas', 'du Général Leclerc', 'Jean Jaurès', 'de la République', 'des Écoles', 'Saint-Michel'])}"
                   + pick(["", "", ", bât. B", ", 3e étage", f", appt {_u(1, 40)}"]),
                   pick(["75002 Paris", "69003 Lyon", "13006 Marseille", "31000 Toulouse", "44000 Nantes", "67000 Strasbourg"])),
    "BE": lambda: pick([(f"{pick(['Rue Neuve', 'Avenue Louise', 'Rue de la Loi', 'Chaussée de Wavre'])} {_u(1, 300)}" + pick(["", f" bte {_u()}"]), pick(["1000 Bruxelles", "1050 Ixelles", "4000 Liège"])),
                        (f"{pick(['Kerkstraat', 'Veldstraat', 'Bondgenotenlaan', 'Meir'])} {_u(1, 200)}".replace("Meir", "Frankrijklei") + pick(["", f" bus {_u()}"]), pick(["2000 Antwerpen", "9000 Gent", "3000 Leuven"]))]),
    "NL": lambda: (f"{pick(['Keizersgracht', 'Prinsengracht', 'Stationsstraat', 'Dorpsstraat', 'Kerkweg', 'Molenlaan', 'Oudegracht', 'Burgemeester de Withstraat'])} {_u(1, 400)}{pick(['', '', 'A', '-2', '-huis', ' III', ' bis'])}",
                   pick(["1015 DJ Amsterdam", "3511 AB Utrecht", "2511 CV Den Haag", "9711 LM Groningen", "3012 KL Rotterdam"])),
    "ES": lambda: (pick([f"Calle {pick(['Mayor', 'de Alcalá', 'Serrano', 'del Carmen', 'San Vicente'])} {_u(1, 200)}", f"C/ {pick(['de Alcalá', 'Mayor', 'Princesa'])}, {_u(1, 200)}",
                         f"Avenida {pick(['de la Constitución', 'Diagonal', 'de América'])}, {_u(1, 600)}", f"Paseo de {pick(['Gracia', 'la Castellana'])}, {_u(1, 200)}", f"Plaza de España, {_u(1, 20)}"])
                   + pick(["", f", {_u(1, 9)}º {pick('ABCD')}", f", {_u(1, 9)}º izda.", f", {_u(1, 9)}º dcha.", ", bajo"]),
                   pick(["28013 Madrid", "08008 Barcelona", "41001 Sevilla", "46002 València", "48001 Bilbao", "29015 Málaga"])),
    "MX": lambda: (f"{pick(['Av. Insurgentes Sur', 'Calle Hidalgo', 'Av. Reforma', 'Calle Madero', 'Calzada de Tlalpan'])} {_u(1, 2500)}" + pick(["", f", Piso {_u(1, 12)}", f", Int. {_u(1, 30)}", f", Depto. {_u(101, 804)}"]),
                   pick(["Col. Del Valle, 03100 Ciudad de México, CDMX", "44100 Guadalajara, Jal.", "64000 Monterrey, N.L."])),
    "PT": lambda: (f"{pick(['Rua Augusta', 'Avenida da Liberdade', 'Rua de Santa Catarina', 'Travessa do Carmo', 'Largo do Chiado'])}{pick([' ', ', '])}{_u(1, 300)}" + pick(["", f", {_u(1, 8)}.º Esq.", f", {_u(1, 8)}.º Dto.", ", R/C"]),
                   pick(["1100-048 Lisboa", "4000-447 Porto", "3000-150 Coimbra", "8000-123 Faro"])),
    "BR": lambda: (f"{pick(['Rua das Flores', 'Av. Paulista', 'Rua Oscar Freire', 'Avenida Atlântica', 'Rua XV de Novembro'])}, {_u(1, 3000)}" + pick(["", f", apto {_u(1, 20)}{_u(1, 8)}", f" - conj. {_u(1, 90)}", f", bloco B, ap. {_u(11, 99)}"]),
                   pick(["01310-200 São Paulo - SP", "22021-001 Rio de Janeiro - RJ", "80020-310 Curitiba - PR"])),
    "IT": lambda: (f"{pick(['Via Roma', 'Via Garibaldi', 'Corso Vittorio Emanuele II', 'Piazza Navona', 'Viale Monza', 'Via dei Mille', 'Largo Augusto'])}{pick([' ', ', '])}{_u(1, 200)}" + pick(["", "", f", scala B, int. {_u()}", f", {_u(1, 6)}° piano", f" int. {_u()}"]),
                   pick(["00186 Roma RM", "20121 Milano MI", "10123 Torino TO", "80134 Napoli NA", "40126 Bologna BO", "50122 Firenze FI"])),
    "PL": lambda: (pick([f"ul. {pick(['Długa', 'Marszałkowska', 'Piotrkowska', 'Floriańska', 'Świętojańska', 'Kwiatowa'])}", f"al. {pick(['Jerozolimskie', 'Niepodległości', 'Solidarności'])}", f"pl. {pick(['Grunwaldzki', 'Wolności'])}", f"os. {pick(['Tysiąclecia', 'Kościuszkowskie'])}"])
                   + f" {_u(1, 150)}" + pick(["", f"/{_u(1, 90)}", f" m. {_u(1, 90)}", f" lok. {_u(1, 30)}"]),
                   pick(["00-697 Warszawa", "31-019 Kraków", "90-001 Łódź", "80-830 Gdańsk", "50-001 Wrocław"])),
    "CZ": lambda: (f"{pick(['náměstí Míru', 'třída Svobody', 'náměstí Republiky', 'nábřeží Edvarda Beneše', 'Palackého třída'])} {_u(100, 2999)}/{_u(1, 80)}",
                   pick(["120 00 Praha 2", "602 00 Brno", "301 00 Plzeň"])),
    "SE": lambda: (f"{pick(['Storgatan', 'Drottninggatan', 'Kungsgatan', 'Sveavägen', 'Vasagatan', 'Södra vägen'])} {_u(1, 120)}{pick(['', '', 'A', 'B'])}" + pick(["", f", lgh {_u(1001, 1504)}", f", {_u(1, 6)} tr"]),
                   pick(["111 57 Stockholm", "411 38 Göteborg", "211 22 Malmö", "753 20 Uppsala"])),
    "DK": lambda: (f"{pick(['Nørrebrogade', 'Vesterbrogade', 'Østerbrogade', 'Jægersborggade', 'Amagerbrogade'])} {_u(1, 200)}" + pick(["", f", {_u(1, 5)}. tv.", f", {_u(1, 5)}. th.", ", st. th.", f", {_u(1, 5)}. sal"]),
                   pick(["2200 København N", "1620 København V", "8000 Aarhus C", "5000 Odense C"])),
    "NO": lambda: (f"{pick(['Karl Johans gate', 'Thereses gate', 'Storgata', 'Bogstadveien', 'Kirkeveien', 'Torggata'])} {_u(1, 120)}" + pick(["", f", leil. H{_u(1, 5)}0{_u(1, 9)}", f" {pick('ABC')}"]),
                   pick(["0159 Oslo", "0354 Oslo", "5003 Bergen", "7011 Trondheim"])),
    "FI": lambda: (f"{pick(['Mannerheimintie', 'Hämeenkatu', 'Aleksanterinkatu', 'Puistokatu', 'Itäinen Rantakatu'])} {_u(1, 90)}" + pick(["", f" A {_u()}", f" B {_u()}", f" as. {_u()}"]),
                   pick(["00100 Helsinki", "33100 Tampere", "20100 Turku", "90100 Oulu"])),
    "HU": lambda: (f"{pick(['Andrássy út', 'Váci utca', 'Kossuth Lajos tér', 'Rákóczi út', 'Király utca'])} {_u(1, 120)}" + pick(["", f". {_u(1, 6)}. em. {_u(1, 12)}.", f", {_u(1, 6)}. emelet {_u(1, 12)}. ajtó"]),
                   pick(["1061 Budapest", "1052 Budapest", "4024 Debrecen", "6720 Szeged"])),
    "TR": lambda: (pick([f"Atatürk Caddesi No: {_u(1, 300)}", f"Bağdat Cad. No:{_u(1, 300)}", f"Gül Sokak No: {_u(1, 60)}", f"İstiklal Caddesi No: {_u(1, 400)}", f"Cumhuriyet Mah. Lale Sok. No: {_u(1, 60)}"])
                   + pick(["", f" Daire: {_u()}", f" D:{_u()}", f" Kat: {_u(1, 9)}"]),
                   pick(["34710 Kadıköy/İstanbul", "06420 Çankaya/Ankara", "35210 Konak/İzmir"])),
    "RO": lambda: (pick([f"Strada Lipscani {_u(1, 100)}", f"Str. Mihai Eminescu nr. {_u(1, 100)}", f"Bulevardul Unirii nr. {_u(1, 80)}", f"Calea Victoriei {_u(1, 200)}", f"Șoseaua Kiseleff nr. {_u(1, 60)}"])
                   + pick(["", f", ap. {_u(1, 40)}", f", bl. {_u(1, 20)}, sc. A, ap. {_u(1, 60)}", f", et. {_u(1, 9)}"]),
                   pick(["030167 București", "400001 Cluj-Napoca", "300001 Timișoara", "700001 Iași"])),
    "HR": lambda: (f"{pick(['Ulica grada Vukovara', 'Trg bana Josipa Jelačića', 'Ulica kralja Zvonimira', 'Savska cesta', 'Vukovarska ulica'])} {_u(1, 200)}" + pick(["", f", {_u(1, 9)}. kat"]),
                   pick(["10000 Zagreb", "21000 Split", "51000 Rijeka"])),
}
LANG_OF = {"US": "en", "GB": "en", "IE": "en", "CA": "en", "AU": "en", "DE": "de", "AT": "de", "CH": "de", "FR": "fr",
           "BE": "fr", "NL": "nl", "ES": "es", "MX": "es", "PT": "pt", "BR": "pt", "IT": "it", "PL": "pl", "CZ": "cs",
           "SE": "sv", "DK": "da", "NO": "no", "FI": "fi", "HU": "hu", "TR": "tr", "RO": "ro", "HR": "hr"}
CCS = list(ADDR)

def addr(cc=None): return ADDR[cc if cc in ADDR else pick(CCS)]()

# ----------------------------------------------------------------------------- hard negatives
CAL = {  # lang: weekdays | months
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday | January February March April May June July August September October November December",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag | Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche | janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "lunes martes miércoles jueves viernes sábado domingo | enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica | gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag | januari februari maart april mei juni juli augustus september oktober november december",
    "pl": "poniedziałek wtorek środa czwartek piątek sobota niedziela | stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo | janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "sv": "måndag tisdag onsdag torsdag fredag lördag söndag | januari februari mars april maj juni juli augusti september oktober november december",
    "tr": "Pazartesi Salı Çarşamba Perşembe Cuma Cumartesi Pazar | Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "da": "mandag tirsdag onsdag torsdag fredag lørdag søndag | januar februar marts april maj juni juli august september oktober november december",
}
WEEKDAYS = {l: v.split(" | ")[0] for l, v in CAL.items()}
MONTHS = {l: v.split(" | ")[1] for l, v in CAL.items()}
BRANDS = ["Samsung", "Volkswagen", "Miele", "Ikea", "Lego", "Spotify", "Nintendo", "Decathlon", "Zalando",
          "Lufthansa", "Carrefour", "Ryanair", "Tesco", "Uniqlo", "Garmin", "Bosch"]
PRODUCTS = ["iPhone 15 Pro", "Galaxy S24 Ultra", "ThinkPad X1 Carbon", "PlayStation 5", "Kindle Paperwhite",
            "Philips Hue Bridge", "Dyson V15 Detect", "AirPods Pro", "Surface Laptop 5", "Nespresso Vertuo Next",
            "MacBook Air M2", "Sonos Era 100"]
MODELS = ["SM-S918B", "WH-1000XM5", "A2337", "RTX 4070 Ti", "MQ2Y3ZD/A", "KX-TG6821", "XPS 13 9340",
          "EOS R6 Mark II", "HL-L2350DW", "QE55Q80C", "GT-AX6000", "DS920+"]
TITLE_WORKS = ["Introduction to Machine Learning", "Advanced Corporate Finance", "The Pragmatic Programmer",
               "Thinking, Fast and Slow", "The Grand Budapest Hotel", "Spirited Away", "Inside Out",
               "Project Management Fundamentals", "Data Structures and Algorithms", "The Name of the Rose",
               "One Hundred Years of Solitude", "Business German B2"]
PLACES = ["Lake Como", "Rotterdam", "Lisbon", "Kraków", "Black Forest", "Costa Brava", "Gothenburg",
          "Cappadocia", "Normandy", "Tuscany", "Salzburg", "Dubrovnik", "Manchester Airport", "Zürich HB"]
JOBS = ["Senior Account Manager", "Head of Procurement", "Chief Financial Officer", "Office Manager",
        "Product Owner", "Sales Director EMEA", "Facility Manager", "Junior Data Analyst", "Team Lead Support"]
DEPTS = ["Human Resources", "Accounts Payable", "Customer Success", "Legal & Compliance", "Facilities",
         "Research and Development", "Marketing Operations", "IT Service Desk"]
MEDS = ["Ibuprofen", "Amoxicillin", "Paracetamol", "Metformin", "Omeprazole", "Cetirizine", "Ramipril",
        "Salbutamol", "Levothyroxine"]
PATHS = ["/var/log/nginx/access.log", "C:\\Program Files\\Acme\\config.ini", "~/projects/billing/src/main.rs",
         "/etc/ssh/sshd_config", "D:\\Backups\\2024\\Q3\\ledger.xlsx", "./data/export_2024-06.csv",
         "/opt/app/releases/current/storage/logs/laravel.log", "\\\\fileserver\\shared\\Templates\\letter.dotx"]
POSTCODES = ["SW1A 1AA", "10115", "75008", "1012 AB", "00-950", "28013", "D02 X285", "111 22", "H3B 1A7",
             "8001", "1100-148", "34710", "EC1V 9HX", "20121", "2200", "01310-100"]

def wd(lang="en"): return pick(WEEKDAYS.get(lang, WEEKDAYS["en"]).split())
def month(lang="en"): return pick(MONTHS.get(lang, MONTHS["en"]).split())

def n_date(lang="en"):
    d, m, y = R.randint(1, 28), R.randint(1, 12), R.randint(2023, 2026)
    mon = MONTHS.get(lang, MONTHS["en"]).split()[m - 1]
    long = f"{mon} {d}, {y}" if lang == "en" and chance(0.5) else (f"{d}. {mon} {y}" if lang in ("de", "da")
                                                                      else f"{d} {mon} {y}")
    return pick([f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", long, long])

def n_dob(): return pick(["{:02d}/{:02d}/{}", "{:02d}.{:02d}.{}", "{:02d}-{:02d}-{}"]).format(R.randint(1, 28), R.randint(1, 12), R.randint(1950, 2004))
def n_time(): return f"{R.randint(7, 19):02d}:{pick(['00', '15', '30', '45'])}"

def n_ts():
    return f"{R.randint(2023, 2025)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}T{R.randint(0, 23):02d}:" \
           f"{R.randint(0, 59):02d}:{R.randint(0, 59):02d}Z"

def n_order():
    return pick([f"ORD-{rnd(2019, 2025)}-{rnd(10000, 999999)}", f"#{rnd(100000, 9999999)}", f"PO-{rnd(1000, 99999)}",
                 f"{pick('ABCDEFGHJK')}{rnd(10 ** 7, 10 ** 8 - 1)}", amazon_like()])

def amazon_like():
    v = f"{rnd(302, 408)}-{pat('#######')}-{pat('#######')}"
    return v if not luhn_ok(v) else v[:-1] + str((int(v[-1]) + 1) % 10)

def n_inv():
    return pick([f"INV-{rnd(2023, 2025)}-{pat('####')}", f"RE-{rnd(2023, 2025)}{pat('#####')}",
                 f"FA{rnd(2023, 2025)}/{rnd(100, 9999)}", f"F-{pat('######')}"])

def n_ticket():
    return pick([f"TCK-{pat('#######')}", f"SR{pat('########')}", f"{pick(['OPS', 'WEB', 'PAY', 'HR'])}-{rnd(100, 9999)}",
                 f"INC{pat('#######')}"])

def n_track():
    return pick([f"1Z{''.join(R.choice(string.ascii_uppercase + string.digits) for _ in range(6))}{pat('##########')}",
                 f"JJD{pat('##################')}", f"RR{pat('#########')}{pick(['DE', 'NL', 'PL', 'FR'])}",
                 f"00340434{pat('##########')}", f"{pat('%###########')}"])

def n_isbn():
    body = "978" + pat("#########")
    chk = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    return f"{body[:3]}-{body[3]}-{body[4:7]}-{body[7:]}-{chk}"

def n_version():
    return pick([f"v{rnd(1, 9)}.{rnd(0, 30)}.{rnd(0, 20)}", f"{rnd(1, 5)}.{rnd(0, 12)}.{rnd(0, 9)}-rc.{rnd(1, 4)}",
                 f"10.0.{rnd(19041, 22631)}.{rnd(1000, 4000)}", f"{rnd(2, 8)}.{rnd(0, 9)}"])

def n_sha(short=None):
    h = f"{R.getrandbits(160):040x}"
    return h[:7] if (short if short is not None else chance(0.5)) else h

def n_uuid(): return str(uuid.UUID(int=R.getrandbits(128), version=4))

def n_price(lang="en"):
    a, c = R.randint(5, 2400), R.randint(0, 99)
    return pick({"en": [f"£{a}.{c:02d}", f"${a}.{c:02d}", f"USD {a:,}.00"], "de": [f"{a},{c:02d} €", f"EUR {a},{c:02d}"],
                 "fr": [f"{a},{c:02d} €"], "pl": [f"{a},{c:02d} zł"], "sv": [f"{a} kr"], "da": [f"{a},{c:02d} kr."],
                 "tr": [f"{a} TL"], "pt": [f"{a},{c:02d} €", f"R$ {a},{c:02d}"], "es": [f"{a},{c:02d} €"],
                 "it": [f"€ {a},{c:02d}"], "nl": [f"€ {a},{c:02d}"]}.get(lang, [f"€{a}.{c:02d}", f"CHF {a}.–"]))

def n_pct(): return pick([f"{rnd(1, 99)}%", f"{rnd(1, 40)}.{rnd(0, 9)} %", f"{rnd(1, 30)},{rnd(0, 9)} %"])

def n_meas():
    return pick([f"{rnd(20, 300)} mm", f"1.{rnd(50, 99)} m", f"{rnd(1, 40)}.{rnd(0, 9)} kg", f"{rnd(10, 95)} cm",
                 f"{rnd(100, 1000)} ml", f"{rnd(5, 60)} W", f'{rnd(13, 17)}.{rnd(0, 9)}"', f"{rnd(1, 8)} TB",
                 f"{rnd(2, 40)} °C", f"{rnd(250, 1000)} mg"])

def n_hex(): return f"#{R.getrandbits(24):06{pick(['X', 'x'])}}"
def n_mac(): return pick([":", "-"]).join(f"{R.getrandbits(8):02X}" for _ in range(6))

def n_coord():
    la, lo = R.uniform(36, 60), R.uniform(-9, 28)
    return pick([f"{la:.4f}, {lo:.4f}", f"{la:.5f},{lo:.5f}", f"{int(la)}°{R.randint(0, 59)}′{R.randint(0, 59)}″N"])

def n_company(): return pick(COMPANIES)[0]


NEG_ANY = [n_order, n_inv, n_ticket, n_track, n_isbn, n_version, n_sha, n_uuid, bad_card, n_price, n_pct,
           n_meas, n_hex, n_mac, n_coord, n_date, n_time, lambda: pick(POSTCODES), lambda: pick(MODELS),
           lambda: pick(PRODUCTS), lambda: pick(BRANDS), lambda: pick(JOBS), lambda: pick(DEPTS),
           lambda: pick(MEDS), lambda: pick(PATHS), lambda: pick(TITLE_WORKS), lambda: pick(PLACES), n_company]

# ----------------------------------------------------------------------------- templates (A: English, work)
def t_thread():
    cc = pick(["GB", "US", "IE", "AU", "CA"])
    a, b = nm(pick(LOCS_EN)), nm(pick(LOCS_EN))
    co, dom = pick(COMPANIES)
    line, tail = addr(cc)
    return fill(B(), """Can you summarise this thread in three bullet points? I need it for {{wd}}'s stand-up.

From: {{a}} <{{ea}}>
Sent: {{date}} {{time}}
To: {{b}} <{{eb}}>
Cc: {{role}}
Subject: RE: Invoice {{inv}} – pallets for {{place}}

Hi {{bg}},

The pallets are still at the depot. Can you confirm the delivery address is {{addr}}, {{tail}}? The driver tried {{ph}} twice this morning and nobody picked up.

Thanks,
{{ag}}
--
{{a2}} | {{job}} | {{co}}
T: {{ph2}}{{ext}}
{{url}}
""", wd=N(wd()), a=P(a.full), ea=EM(email_for(a, dom)), date=N(n_date()), time=N(n_time()), b=P(b.full),
                eb=EM(email_for(b)), role=EM(role_email(dom)), inv=N(n_inv()), place=N(pick(PLACES)), bg=P(b.given),
                addr=AD(line), tail=tail, ph=PH(phone(cc)), ag=P(a.given), a2=P(a.full), job=N(pick(JOBS)), co=N(co),
                ph2=PH(phone(cc)), ext=ext(), url=URL(url(dom)))

def t_grammar_letter():
    cc = pick(["GB", "US", "IE", "AU"])
    a, b = nm("en"), nm(pick(LOCS_EN))
    line, tail = addr(cc)
    return fill(B(), """Please fix the grammar in this letter, keep it formal:

{{a}}
{{addr}}
{{tail}}

{{date}}

Dear {{ti}} {{bs}},

I am writing in regards of my order {{ord}} which was arrive damaged on {{date2}}. The {{prod}} have a crack on the screen and I would like a replacement or a refund of {{price}}. You can reach me at {{ph}} or {{em}}, I am home after {{time}}.

Yours sincerely,
{{a2}}
""", a=P(a.full), addr=AD(line), tail=tail, date=N(n_date()), ti=title("en"), bs=P(b.surname), ord=N(n_order()),
                date2=N(n_date()), prod=N(pick(PRODUCTS)), price=N(n_price()), ph=PH(phone(cc)),
                em=EM(email_for(a)), time=N(n_time()), a2=P(a.full))

def t_form_extract():
    cc = pick(CCS)
    p = nm(LANG_OF[cc], mid=0)
    line, tail = addr(cc)
    pay = [] if chance(0.3) else ["Payment: card ", CC(card()), f" exp {R.randint(1, 12):02d}/{rnd(26, 30)}\n"]
    return fill(B(), """Extract the fields from this form as JSON:

APPLICATION FOR RESIDENT PARKING PERMIT
Surname: {{sur}}
Given name(s): {{given}}
Date of birth: {{dob}}
Address: {{addr}}
Town / Postcode: {{tail}}
Telephone: {{ph}}
Email: {{em}}
Vehicle: {{prod}}, {{col}}
Permit zone: {{zone}}
{{pay}}Signature: {{sig}}
""", sur=P(p.surname.upper()), given=P(p.given), dob=N(n_dob()), addr=AD(line), tail=tail, ph=PH(phone(cc)),
                em=EM(email_for(p, loc=LANG_OF[cc])), prod=N(pick(["Volkswagen Golf", "Toyota Yaris", "Skoda Octavia"])),
                col=pick(["blue", "grey", "white"]), zone=N(f"Zone {pick('ABCDK')}{rnd(1, 9)}"), pay=pay,
                sig=P(f"{p.given[0]}. {p.surname}"))

def t_review_reply():
    cc = pick(["GB", "IE", "PT", "IT", "ES", "HR", "FR"])
    host, rev = nm(LANG_OF[cc]), nm(pick(LOCS_EN))
    line, _ = addr(cc)
    return fill(B(), """Write a polite reply to this review of our guesthouse, don't be defensive:

★★☆☆☆ "Stayed 3 nights in {{mon}}. The room at {{addr}} was smaller than in the photos and the wifi kept dropping. {{host}} was kind but breakfast ended at {{time}}. Paid {{price}} for this?? Booking ref {{ref}}."
— {{rev}}, {{place}}

Our booking page is {{url}} if you want to mention the updated photos.
""", mon=N(month()), addr=AD(line), host=P(host.given), time=N(n_time()), price=N(n_price()),
                ref=N(pick([n_order(), pat("HMR%#######")])), rev=P(rev.full if chance(0.6) else rev.given),
                place=N(pick(PLACES)), url=URL(url()))

def t_access_log():
    ips = [ip_any() for _ in range(4)]
    p = nm()
    em = email_for(p, pick(DOMAINS))
    b = B().t("Why are we getting so many 401s after the deploy of ").n(n_version()).t("? Log excerpt:\n\n")
    for i, ip in enumerate(ips):
        if ":" in ip and chance(0.5):
            b.t("[").e("ip_address", ip).t(f"]:{rnd(1024, 65000)}")
        else:
            b.e("ip_address", ip)
        b.t(" - - [").n(n_ts()).t(f'] "POST /api/v2/login HTTP/1.1" {pick([401, 401, 200, 403])} {rnd(200, 900)} "-" "okhttp/4.12.0"\n')
    b.t("app | ").n(n_ts()).t(" WARN auth: failed login for user=").e("email", em).t(" from ").e("ip_address", ipv4())
    b.t(f":{rnd(1024, 65000)} (attempt {rnd(2, 6)}) req_id=").n(n_uuid()).t("\n")
    b.t("app | config loaded from ").n(pick(PATHS)).t("\n")
    return b

def t_csv_dedupe():
    cc = pick(CCS)
    lang = LANG_OF[cc]
    b = B().t(pick(["Can you dedupe this CSV and sort it by last name?", "Find the rows with a missing city:",
                    "Turn this into a markdown table please:"]) + "\n\nfirst_name,last_name,email,phone,postcode_city\n")
    rows = [nm(lang if chance(0.7) else None, mid=0) for _ in range(R.randint(3, 6))]
    for p in rows + [rows[0]]:
        b.e("person", p.given).t(",").e("person", p.surname).t(",").e("email", email_for(p, loc=lang)).t(",")
        b.e("phone", phone(cc)).t(',"' + addr(cc)[1] + '"\n')
    return b

def t_json_crm():
    cc = pick(CCS)
    p = nm(LANG_OF[cc])
    line, tail = addr(cc)
    return fill(B(), """This record from our CRM fails schema validation, what's wrong with it?

{
  "customer_id": "{{uid}}",
  "name": "{{name}}",
  "email": "{{em}}",
  "phone": "{{ph}}",
  "billing": {"street": "{{addr}}", "postcode_city": "{{tail}}", "country": "{{cc}}"},
  "iban": "{{iban}}",{{card}}
  "created": "{{ts}}",
  "plan": "Pro", "discount": "{{pct}}",
  "last_ip": "{{ip}}"
}
""", uid=N(n_uuid()), name=P(p.full), em=EM(email_for(p, loc=LANG_OF[cc])), ph=PH(phone(cc)), addr=AD(line),
                tail=tail, cc=cc, iban=IB(iban(cc)), ts=N(n_ts()),
                card=["\n  \"card\": \"", CC(card()), "\","] if chance(0.5) else "", pct=N(n_pct()), ip=IP(ip_any()))

def t_group_chat():
    a, b2, c, d = (nm(pick(LOCS_EN), inv=0.15, mid=0) for _ in range(4))
    cc = pick(CCS)
    line, _ = addr(cc)
    lo = lambda p: P(p.given.lower())
    return fill(B(), """can you tell me who promised to bring what? here's the group chat:

[18:02] {{a}}: ok so bbq at {{b}}'s on {{wd}}?
[18:03] {{b2}}: yep, {{addr}}, ring the top bell
[18:05] {{c}}: i'll bring burgers + the {{brand}} speaker. {{a2}} u got drinks?
[18:06] {{a3}}: ya. also invited {{d}} from work, her number is {{ph}}
[18:09] {{c2}}: lol {{dfull}} from accounts?? nice
""", a=lo(a), b=lo(b2), wd=N(wd()), b2=lo(b2), addr=AD(line), c=lo(c), brand=N(pick(BRANDS)), a2=lo(a), a3=lo(a),
                d=lo(d), ph=PH(phone(cc)), c2=lo(c), dfull=P(d.full.lower()))

def t_ticket_billing():
    p = nm()
    cc = pick(CCS)
    return fill(B(), """Summarise this ticket for the billing team in two sentences:

Ticket {{tk}} | Priority: High | Opened {{date}} {{time}}
Customer: {{p}} ({{em}})
Issue: charged twice for the {{plan}} plan ({{price}} each). Card on file: {{card}}. Customer asks for the refund to go to IBAN {{iban}} instead.
Agent note ({{agent}}): verified identity via callback to {{ph}}. Last login from {{ip}}. Ref. number on statement: {{bad}}.
""", tk=N(n_ticket()), date=N(n_date()), time=N(n_time()), p=P(p.full), em=EM(email_for(p)),
                plan=pick(["Team", "Business", "Family"]), price=N(n_price()), card=CC(card()), iban=IB(iban(cc)),
                agent=P(nm().given), ph=PH(phone(cc)), ip=IP(ip_any()), bad=N(bad_card()))

# ----------------------------------------------------------------------------- templates (B: other languages)
def t_fr_letter():
    cc = pick(["FR", "FR", "BE", "CH", "CA"]); p = nm("fr"); line, tail = addr(cc)
    return fill(B(), """Peux-tu corriger les fautes de cette lettre ?

{{p}}
{{addr}}
{{tail}}

Objet : résiliation du contrat n° {{ctr}}

Madame, Monsieur,
Je vous informe que je souhaite résilier mon abonement à compter du {{date}}. Merci de rembourser le trop-perçu de {{price}} sur mon compte {{iban}}. Vous pouvez me joindre au {{ph}} ou par mail à {{em}}.
Cordialement,
{{p2}}
""", p=P(p.full), addr=AD(line), tail=tail, ctr=N(pat("C%#######")), date=N(n_date("fr")), price=N(n_price("fr")),
                iban=IB(iban(pick(["FR", "BE", "CH", "LU"]))), ph=PH(phone(cc)), em=EM(email_for(p, loc="fr")), p2=P(p.full))

def t_es_mail():
    cc = pick(["ES", "ES", "MX"]); p = nm("es"); line, tail = addr(cc); co, dom = pick(COMPANIES)
    return fill(B(), """Resume este correo en dos frases:

De: {{p}} <{{em}}>
Para: {{role}}
Asunto: Pedido {{ord}} sin entregar

Buenos días:
Les escribo porque el pedido todavía no ha llegado a {{addr}}, {{tail}}. El número de seguimiento es {{trk}}. Mi teléfono es el {{ph}}. Si no es posible entregarlo antes del {{date}}, prefiero el reembolso a la cuenta {{iban}}.
Un saludo,
{{pg}}
""", p=P(p.full), em=EM(email_for(p, loc="es")), role=EM(role_email(dom)), ord=N(n_order()), addr=AD(line), tail=tail,
                trk=N(n_track()), ph=PH(phone(cc)), date=N(n_date("es")), iban=IB(iban("ES")), pg=P(p.given))

def t_it_translate():
    a, b, c = nm("it"), nm("it"), nm("it"); line, tail = addr("IT")
    return fill(B(), """Traduci in inglese questo messaggio per il nostro fornitore:

"Gentile {{ti}} {{bs}}, le confermo l'appuntamento di {{wd}} alle {{time}} presso la nostra sede in {{addr}}, {{tail}} (terzo piano, {{dept}}). Per qualsiasi necessità può contattare la mia collega {{c}} al numero {{ph}} oppure scrivere a {{em}}. Cordiali saluti, {{a}}"
""", ti=title("it"), bs=P(b.surname), wd=N(wd("it")), time=N(n_time()), addr=AD(line), tail=tail, dept=N(pick(DEPTS)),
                c=P(c.full), ph=PH(phone("IT")), em=EM(email_for(c, pick(DOMAINS))), a=P(a.full))

def t_nl_huur():
    a, b, c = nm("nl"), nm("nl"), nm("nl"); line, tail = addr("NL")
    return fill(B(), """Kun je deze e-mail korter en vriendelijker maken?

Beste {{bg}},
Zoals besproken stuur ik je de gegevens voor de huurovereenkomst. Het adres is {{addr}}, {{tail}}. De borg van {{price}} graag vóór {{date}} overmaken naar {{iban}} t.n.v. {{a}}. Voor de sleuteloverdracht kun je {{cg}} bellen op {{ph}}. De plattegrond staat op {{url}}.
Met vriendelijke groet,
{{a2}}
""", bg=P(b.given), addr=AD(line), tail=tail, price=N(n_price("nl")), date=N(n_date("nl")), iban=IB(iban("NL")),
                a=P(a.full), cg=P(c.given), ph=PH(phone("NL")), url=URL(url()), a2=P(a.full))

def t_pl_ad():
    p = nm("pl"); line, tail = addr("PL")
    return fill(B(), """Popraw błędy w tym ogłoszeniu:

Sprzedam rower {{brand}} rozmiar M, koła {{meas}}, cena {{price}} do negocjacji. Odbiur osobisty: {{addr}}, {{tail}}. Kontakt: {{p}}, tel. {{ph}}, e-mail {{em}}. Zdjęcia na {{url}}
""", brand=N(pick(["Kross", "Decathlon", "Merida"])), meas=N(f"{rnd(26, 29)} cali"), price=N(n_price("pl")), addr=AD(line), tail=tail,
                p=P(p.full if chance(0.6) else p.given), ph=PH(phone("PL")), em=EM(email_for(p, loc="pl")), url=URL(url()))

def t_pt_formal():
    cc = pick(["PT", "BR"]); a, b = nm("pt"), nm("pt"); line, tail = addr(cc)
    pay = ["dados para transferência: IBAN ", IB(iban("PT")), " (titular ", P(a.full), ")"] if cc == "PT" else \
        ["pode me ligar no ", PH(phone(cc)), " ou mandar um e-mail pra ", EM(email_for(a, loc="pt"))]
    return fill(B(), """Reescreva esta mensagem de forma mais formal:

oi {{bg}}, tudo bem? mudei de endereço, agora é {{addr}}, {{tail}}. a fatura {{inv}} de {{price}} pode mandar pra lá. {{pay}}. abraço, {{ag}}
""", bg=P(b.given.lower() if chance(0.4) else b.given), addr=AD(line), tail=tail, inv=N(n_inv()), price=N(n_price("pt")),
                pay=pay, ag=P(a.given))

def t_sv_mail():
    a, b = nm("sv"), nm("sv"); line, tail = addr("SE"); co, dom = pick(COMPANIES)
    return fill(B(), """Kan du sammanfatta det här mejlet?

Hej {{bg}}!
Tack för mötet i {{wd}}s. Jag skickar avtalet till {{addr}}, {{tail}} i morgon. Fakturan ({{inv}}, {{price}}) betalas till {{iban}}. Ring mig på {{ph}} om något är oklart.
Hälsningar
{{a}}
{{job}}, {{co}}
{{url}}
""", bg=P(b.given), wd=N(wd("sv")), addr=AD(line), tail=tail, inv=N(n_inv()), price=N(n_price("sv")),
                iban=IB(iban("SE")), ph=PH(phone("SE")), a=P(a.full), job=N(pick(JOBS)), co=N(co), url=URL(url(dom)))

def t_tr_translate():
    a, b = nm("tr"), nm("tr"); line, tail = addr("TR")
    return fill(B(), """Bu mesajı İngilizceye çevirir misin?

Merhaba {{bg}} {{hon}}, {{ord}} numaralı siparişiniz {{date}} tarihinde {{addr}}, {{tail}} adresine teslim edilecektir. Sorularınız için {{a}} ile {{ph}} numarasından veya {{em}} adresinden iletişime geçebilirsiniz. İade için IBAN: {{iban}}
""", bg=P(b.given), hon=pick(["Bey", "Hanım"]), ord=N(n_order()), date=N(n_date("tr")), addr=AD(line), tail=tail,
                a=P(a.full), ph=PH(phone("TR")), em=EM(role_email("anadolu-tekstil.com.tr")), iban=IB(iban("TR")))

def t_de_translate():
    cc = pick(["DE", "AT", "CH"]); a, b, c = nm("de"), nm("de"), nm("de"); line, tail = addr(cc); co, dom = pick(COMPANIES)
    return fill(B(), """Übersetze bitte ins Englische:

„Hallo {{bg}}, ich bin ab {{wd}} im Urlaub. Bei Fragen zum Projekt wende dich bitte an {{ti}} {{c}} ({{em}}, Tel. {{ph}}{{ext}}). Die Rechnung {{inv}} über {{price}} geht an die {{co}}, {{addr}}, {{tail}}. Viele Grüße, {{ag}}"
""", bg=P(b.given), wd=N(wd("de")), ti=pick(["Frau", "Herrn", "Frau Dr."]), c=P(c.full), em=EM(email_for(c, dom)),
                ph=PH(phone(cc)), ext=ext(), inv=N(n_inv()), price=N(n_price("de")), co=N(co), addr=AD(line), tail=tail,
                ag=P(a.given))

def t_de_form():
    cc = pick(["DE", "AT"]); p = nm("de", mid=0); line, tail = addr(cc)
    return fill(B(), """Bitte die Felder aus diesem Formular als Tabelle ausgeben:

Familienname: {{sur}}
Vorname(n): {{given}}
Geburtsdatum: {{dob}}
Neue Wohnung: {{addr}}
PLZ / Ort: {{tail}}
Telefon: {{ph}}
E-Mail: {{em}}
IBAN für Lastschrift: {{iban}}
Kreditkarte (optional): {{card}}
""", sur=P(p.surname.upper()), given=P(p.given), dob=N(n_dob()), addr=AD(line), tail=tail, ph=PH(phone(cc)),
                em=EM(email_for(p, loc="de")), iban=IB(iban(cc)), card=CC(card()) if chance(0.6) else "–")

INTL = {
    "da": ("Kan du oversætte denne besked til engelsk?", "Hej {{g}}, din pakke kan hentes hos {{a}}, {{addr}}, {{tail}} indtil {{wd}}. Spørgsmål? Ring {{ph}} eller skriv til {{em}}."),
    "no": ("Kan du oversette til engelsk?", "Hei {{g}}! Visningen er flyttet til {{addr}}, {{tail}}. Kontaktperson er {{a}}, mobil {{ph}}, e-post {{em}}."),
    "fi": ("Käännä englanniksi, kiitos:", "Hei {{g}}, muuttoilmoitus: uusi osoitteeni on {{addr}}, {{tail}}. Lisätiedot: {{a}}, puh. {{ph}}, {{em}}."),
    "hu": ("Fordítsd le angolra:", "Kedves {{g}}! A csomagot a(z) {{addr}}, {{tail}} címre küldjük. Kérdés esetén keresse {{a}} kollégánkat: {{ph}}, {{em}}."),
    "ro": ("Tradu în engleză, te rog:", "Bună ziua, {{g}}! Vă așteptăm la {{addr}}, {{tail}}. Persoană de contact: {{a}}, tel. {{ph}}, e-mail {{em}}."),
    "hr": ("Prevedi na engleski:", "Poštovani {{g}}, sastanak je na adresi {{addr}}, {{tail}}. Kontakt: {{a}}, {{ph}}, {{em}}."),
    "cs": ("Přelož do angličtiny:", "Dobrý den, {{g}}, zásilku doručíme na adresu {{addr}}, {{tail}}. Kontakt: {{a}}, tel. {{ph}}, e-mail {{em}}."),
}
CC_OF = {"da": "DK", "no": "NO", "fi": "FI", "hu": "HU", "ro": "RO", "hr": "HR", "cs": "CZ"}

def t_intl():
    lang = pick(list(INTL)); cc = CC_OF[lang]; g, a = nm(lang), nm(lang); line, tail = addr(cc); ask, msg = INTL[lang]
    return fill(B(), ask + "\n\n" + msg + "\n", g=P(g.given), a=P(a.full), addr=AD(line), tail=tail, wd=N(wd(lang)),
                ph=PH(phone(cc)), em=EM(email_for(a, loc=lang) if chance(0.5) else role_email()))

# ----------------------------------------------------------------------------- templates (C: work + home, mixed)
def t_phish():
    p = nm(); co, dom = pick(COMPANIES); cc = pick(CCS)
    return fill(B(), """Does this look like a legit payment request or phishing?

"Dear supplier, please note our bank details have changed. From {{date}} pay all invoices to:
Account name: {{co}}
IBAN: {{iban}}   BIC: {{bic}}
Contact: {{p}}, {{job}}, {{ph}}
Confirm at {{url}} or reply to {{em}}."
""", date=N(n_date()), co=N(co), iban=IB(iban(cc)), bic=N(pick(["DEUTDEFF", "COBADEFFXXX", "BNPAFRPP", "INGBNL2A"])),
                p=P(p.full), job=N(pick(JOBS)), ph=PH(phone(cc)), url=URL(url()), em=EM(pick([email_for(p, dom), role_email()])))

def t_notes():
    ps = [nm(pick(LOCS_EN)) for _ in range(4)]; cc = pick(CCS); line, _ = addr(cc)
    return fill(B(), """Turn these notes into action items with owners:

Weekly sync – {{date}}
Present: {{p0}}, {{p1}}, {{p2}}, {{p3}} (late)
- {{p0g}} to send the {{q}} report to {{em}} by {{wd}}
- {{p1s}}'s team blocked on {{tk}}: server {{ip}} still on {{ver}}
- {{p2}} to call the landlord about the office at {{addr}} ({{ph}})
- budget +{{pct}} approved by {{dept}}
""", date=N(n_date()), p0=P(ps[0].full), p1=P(ps[1].full), p2=P(ps[2].full), p3=P(ps[3].given), p0g=P(ps[0].given),
                q=pick(["Q1", "Q2", "Q3"]), em=EM(role_email()), wd=N(wd()), p1s=P(ps[1].surname), tk=N(n_ticket()),
                ip=IP(ip_any()), ver=N(n_version()), addr=AD(line), ph=PH(phone(cc)), pct=N(n_pct()), dept=N(pick(DEPTS)))

def t_network():
    return fill(B(), """My laptop can't reach the NAS ({{model}}). `ip a` shows:

2: wlp0s20f3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500
    link/ether {{mac}}
    inet {{v4}}/24 scope global dynamic wlp0s20f3
    inet6 {{g6}}/64 scope global dynamic
    inet6 {{ll}}/64 scope link
NAS is at {{nas}} and `ping6 {{lo}}` works. Router admin page: {{url}}
""", model=N(pick(MODELS)), mac=N(n_mac()), v4=IP(ipv4("priv")), g6=IP(ipv6("glob")), ll=IP(ipv6("ll")),
                nas=IP(ipv4("priv")), lo=IP("::1"), url=URL(url()))

def t_hr_tsv():
    cc = pick(CCS); lang = LANG_OF[cc]; co, dom = pick(COMPANIES)
    b = B().t("Convert this to a markdown table and flag anyone without a mobile:\n\nName\tStart date\tDepartment\tWork email\tMobile\n")
    for _ in range(R.randint(3, 5)):
        p = nm(lang if chance(0.6) else None)
        b.e("person", p.full).t("\t").n(n_date(lang)).t("\t").n(pick(DEPTS)).t("\t").e("email", email_for(p, dom)).t("\t")
        if chance(0.8):
            b.e("phone", phone(cc))
        b.t("\n")
    return b

def t_git_log():
    b = B().t(f"Write release notes for {pick(['v', 'release '])}").n(n_version()).t(" from this git log:\n\n")
    for _ in range(R.randint(2, 4)):
        p = nm()
        b.t("commit ").n(n_sha(False)).t("\nAuthor: ").e("person", p.full).t(" <").e("email", email_for(p, pick(DOMAINS)))
        b.t(">\nDate:   ").n(n_ts()).t(f"\n\n    {pick(['Fix rounding in VAT calc', 'Bump deps', 'Add retry to webhook sender', 'Refactor PDF export'])} (#{rnd(100, 999)})\n\n")
    return b

def t_vcard():
    cc = pick(CCS); p = nm(LANG_OF[cc], mid=0); line, tail = addr(cc); co, dom = pick(COMPANIES)
    return fill(B(), """Why won't my phone import this contact?

BEGIN:VCARD
VERSION:3.0
N:{{sur}};{{given}};;;
FN:{{full}}
ORG:{{co}}
TEL;TYPE=CELL:{{ph}}
EMAIL;TYPE=WORK:{{em}}
ADR;TYPE=WORK:;;{{addr}};{{tail}};;;{{cc}}
URL:{{url}}
END:VCARD
""", sur=P(p.surname), given=P(p.given), full=P(p.full), co=N(co), ph=PH(phone(cc)), em=EM(email_for(p, dom)),
                addr=AD(line), tail=tail, cc=cc, url=URL(url(dom)))

def t_crash():
    p = nm()
    return fill(B(), """Our payment service crashed in prod, what does this mean?

{{ts}} ERROR [req {{uid}}] PaymentService: card declined for customer {{em}} (card {{card}}, amount {{price}})
  at com.acme.pay.Gateway.charge(Gateway.java:212)
  at com.acme.pay.Retry.run(Retry.java:48)
{{ts2}} WARN upstream {{ip}}:8443 timed out after 30000 ms; fallback {{ip6}}
{{ts3}} INFO build {{sha}} / {{ver}}
""", ts=N(n_ts()), uid=N(n_uuid()), em=EM(email_for(p)), card=CC(card()), price=N(n_price()), ts2=N(n_ts()),
                ip=IP(ipv4()), ip6=IP(ipv6("glob")), ts3=N(n_ts()), sha=N(n_sha(True)), ver=N(n_version()))

def t_order_confirm():
    cc = pick(["GB", "US", "DE", "FR", "IT", "ES", "NL", "IE"]); p = nm(LANG_OF[cc]); line, tail = addr(cc)
    return fill(B(), """Is this order confirmation real? I don't remember buying this.

Thank you for your order, {{g}}!
Order {{ord}} – {{prod}} ({{model}}) – {{price}}
Paid with card ending {{masked}}
Ship to: {{p}}, {{addr}}, {{tail}}
Tracking: {{trk}}
Questions? {{url}} or call {{ph}}
""", g=P(p.given), ord=N(n_order()), prod=N(pick(PRODUCTS)), model=N(pick(MODELS)), price=N(n_price()),
                masked=N(pick(["**** **** **** ", "•••• "]) + pat("####")), p=P(p.full), addr=AD(line), tail=tail,
                trk=N(n_track()), url=URL(url()), ph=PH(phone(cc)))

def t_school():
    cc = pick(["GB", "US", "IE", "AU", "CA"]); t, kid = nm("en"), nm(pick(LOCS_EN))
    return fill(B(), """Help me write a short, polite reply to this:

"Dear parents, {{kid}} from class 4B left a {{brand}} water bottle and a copy of {{book}} in the gym on {{wd}}. Please contact me ({{ti}} {{t}}) at {{em}} or the school office on {{ph}}{{ext}}. More info: {{url}}."
""", kid=P(kid.given), brand=N(pick(BRANDS)), book=N(pick(TITLE_WORKS)), wd=N(wd()), ti=pick(["Mrs", "Mr", "Ms"]),
                t=P(t.surname), em=EM(email_for(t, "greenfield-school.org.uk")), ph=PH(phone(cc)), ext=ext(), url=URL(url("greenfield-school.org.uk")))

def t_wedding_es():
    cc = pick(["ES", "MX"])
    b = B().t("Ordena alfabéticamente la lista de invitados y dime cuántos faltan por confirmar:\n\n")
    for i in range(R.randint(3, 5)):
        p = nm("es" if chance(0.7) else None); line, tail = addr(cc)
        b.t(f"{i + 1}. ").e("person", p.full).t(" – ").e("street_address", line).t(f", {tail} – ")
        b.t(pick(["confirmado", "pendiente", "no viene"])).t("\n")
    return b

def t_rental():
    cc = pick(["GB", "US", "IE", "AU"]); a, ll = nm(pick(LOCS_EN)), nm("en"); cur, tcur = addr(cc); new, _ = addr(cc)
    return fill(B(), """Can you make this tenancy application sound more professional?

hi, my name is {{a}} and i'm interested in the flat at {{new}}. currently living at {{cur}}, {{tcur}} (landlord {{ti}} {{ll}}, {{llph}}). I work as {{job}} at {{co}}, happy to pay the holding deposit of {{price}} by card ({{card}}) today. my number is {{ph}}, email {{em}}
""", a=P(a.full), new=AD(new), cur=AD(cur), tcur=tcur, ti=title("en"), ll=P(ll.surname), llph=PH(phone(cc)), job=N(pick(JOBS)),
                co=N(n_company()), price=N(n_price()), card=CC(card()), ph=PH(phone(cc)), em=EM(email_for(a)))

def t_medical_fr():
    cc = pick(["FR", "BE", "CH"]); doc, pt_ = nm("fr"), nm("fr"); line, tail = addr(cc)
    return fill(B(), """Ajoute ce rendez-vous à mon agenda, quelles infos faut-il garder ?

« Bonjour {{pt}}, rappel : rendez-vous avec le Dr {{doc}} le {{date}} à {{time}}, {{addr}}, {{tail}}. Pensez à apporter votre ordonnance de {{med}} ({{dose}}). Pour annuler : {{ph}} ou {{url}} »
""", pt=P(pt_.full if chance(0.5) else pt_.given), doc=P(doc.surname if chance(0.5) else doc.full), date=N(n_date("fr")),
                time=N(n_time()), addr=AD(line), tail=tail, med=N(pick(MEDS)), dose=N(n_meas()), ph=PH(phone(cc)), url=URL(url()))

def t_de_shipping():
    cc = pick(["DE", "AT", "CH"]); p = nm("de"); line, tail = addr(cc)
    return fill(B(), """Hilf mir, eine Beschwerde an den Paketdienst zu formulieren. Infos:
Sendungsnummer: {{trk}}
Empfänger: {{p}}, {{addr}}, {{tail}}
Zustellversuch laut Tracking: {{date}}, {{time}} Uhr – ich war aber zu Hause!
Meine Nummer: {{ph}}, E-Mail: {{em}}
""", trk=N(n_track()), p=P(p.full), addr=AD(line), tail=tail, date=N(n_date("de")), time=N(n_time()), ph=PH(phone(cc)),
                em=EM(email_for(p, loc="de")))

# ----------------------------------------------------------------------------- hard-negative-only items
NG = {"product": lambda l: pick(PRODUCTS), "model": lambda l: pick(MODELS), "brand": lambda l: pick(BRANDS),
      "work": lambda l: pick(TITLE_WORKS), "place": lambda l: pick(PLACES), "job": lambda l: pick(JOBS),
      "dept": lambda l: pick(DEPTS), "med": lambda l: pick(MEDS), "path": lambda l: pick(PATHS),
      "postcode": lambda l: pick(POSTCODES), "company": lambda l: n_company(), "price": n_price, "date": n_date,
      "wd": wd, "month": month, "meas": lambda l: n_meas(), "dose": lambda l: f"{rnd(1, 10) * 100} mg",
      "version": lambda l: n_version(), "sha": lambda l: n_sha(), "ticket": lambda l: n_ticket(),
      "order": lambda l: n_order(), "track": lambda l: n_track(), "hex": lambda l: n_hex(), "mac": lambda l: n_mac(),
      "coord": lambda l: n_coord(), "isbn": lambda l: n_isbn(), "inv": lambda l: n_inv(), "pct": lambda l: n_pct(),
      "bad": lambda l: bad_card(), "time": lambda l: n_time(), "uuid": lambda l: n_uuid(), "ts": lambda l: n_ts()}
NEG_T = [
    "Which is better for a small office, the {{product}} or the {{product2}}? Specs: {{meas}} vs {{meas2}}, model {{model}}, {{price}} vs {{price2}}.",
    "Write release notes for {{version}} (commit {{sha}}, released {{date}}). Fixed: {{ticket}}, {{ticket2}}; crash when opening {{path}}.",
    "My order {{order}} shipped on {{wd}} with tracking {{track}}, total {{price}}. How long does it usually take to {{place}}?",
    "Convert these colours to RGB: {{hex}}, {{hex2}}, {{hex3}}. They're for the {{brand}} landing page redesign.",
    "Which vendors do these MAC addresses belong to?\n{{mac}}\n{{mac2}}\n{{mac3}}",
    "How far apart are {{coord}} and {{coord2}} in km? Planning a hike near {{place}} in {{month}}.",
    "Recommend books like {{work}} (ISBN {{isbn}}). I also liked {{work2}}.",
    "Sum these: {{inv}} {{price}}; {{inv2}} {{price2}}; {{inv3}} {{price3}}. VAT is {{pct}}. Why did the bank import reject reference {{bad}}?",
    "Make a weekly schedule: {{med}} {{dose}} twice a day, {{med2}} {{dose2}} every {{wd}} morning at {{time}}.",
    "Job {{uuid}} failed at {{ts}} reading {{path}} (exit 137). Retry {{uuid2}} succeeded on {{version}}. What happened?",
    "Bitte plane ein Meeting mit {{dept}} und dem {{job}} am {{wd_de}}, {{date_de}} um {{time}} Uhr, Treffpunkt {{place}}.",
    "Peux-tu résumer : la réunion {{dept}} est déplacée au {{wd_fr}} {{date_fr}}, budget {{price_fr}} (+{{pct}}), commande {{order}}.",
    "What region is postcode {{postcode}}? And {{postcode2}}? Both came from a {{company}} export.",
    "If I invest {{price}} at {{pct}} for 5 years, can I afford the {{work}} course at {{price2}}?",
    "¿Puedes traducirlo? El pedido {{order}} ({{model}}, {{meas}}) llegará el {{date_es}}. Seguimiento: {{track}}. Total: {{price_es}}.",
    "Riassumi: la fattura {{inv}} del {{date_it}} per {{product}} ({{price_it}}) è stata pagata. Prossima revisione: {{version}}.",
    "Przetłumacz: zamówienie {{order}} z {{date_pl}} – {{product}}, kolor {{hex}}, waga {{meas}}, cena {{price_pl}}.",
    "Vat samen: {{company}} levert op {{wd_nl}} {{date_nl}}; artikel {{model}}, {{meas}}, korting {{pct}}.",
    "Sammanfatta: {{dept}} flyttar till {{place}} i {{month_sv}}, kostnad {{price_sv}}, ärende {{ticket}}.",
    "Şunu özetle: {{order}} numaralı sipariş {{date_tr}} tarihinde kargoya verildi ({{track}}), tutar {{price_tr}}.",
    "Is {{bad}} a valid card number? It's printed on a {{brand}} gift voucher next to {{order}}.",
    "git bisect says {{sha}} broke the build and {{sha2}} was fine. The version string {{version}} lives in {{path}}.",
    "Is {{isbn}} the right ISBN for {{work}}? The shop lists it at {{price}}, {{pct}} off until {{date}}.",
    "Our {{job}} wants a {{meas}} monitor arm for the {{model}}; {{company}} quotes {{price}}, delivery {{wd}}.",
]

def t_negative(fmt):
    kw = {}
    for key in TOK.findall(fmt):
        base, lang = key.rstrip("0123456789"), "en"
        if "_" in base:
            base, lang = base.split("_")
        kw[key] = N(NG[base](lang))
    return fill(B(), fmt + "\n", **kw)

# ----------------------------------------------------------------------------- main
POS = [t_thread, t_grammar_letter, t_form_extract, t_review_reply, t_access_log, t_csv_dedupe, t_json_crm,
       t_group_chat, t_ticket_billing, t_fr_letter, t_es_mail, t_it_translate, t_nl_huur, t_pl_ad, t_pt_formal,
       t_sv_mail, t_tr_translate, t_de_translate, t_de_form, t_intl, t_phish, t_notes, t_network, t_hr_tsv,
       t_git_log, t_vcard, t_crash, t_order_confirm, t_school, t_wedding_es, t_rental, t_medical_fr, t_de_shipping]
TYPES = ["email", "phone", "credit_card", "iban", "ip_address", "url", "person", "street_address"]
MIN = dict({t: 80 for t in TYPES}, person=400, street_address=150)

def check(b):
    text = b.text(); raw = text.encode("utf-8"); spans = []
    for e in b.ents:
        v, s, t = e["value"], e["start"], e["type"]
        assert raw[s:e["end"]].decode("utf-8") == v and v == v.strip() and v, e
        assert {"credit_card": lambda: luhn_ok(v) and len(re.sub(r"\D", "", v)) in (14, 15, 16),
                "iban": lambda: iban_ok(v), "ip_address": lambda: ipaddress.ip_address(v),
                "email": lambda: re.fullmatch(r"[a-z0-9._]+@[a-z0-9.-]+\.[a-z]{2,}", v),
                "url": lambda: re.match(r"(https?://|www\.)", v) and v[-1] not in ".,;:)]!?"}.get(t, lambda: t in TYPES)(), e
        spans.append((s, e["end"]))
    spans.sort()
    assert all(a[1] <= b2[0] for a, b2 in zip(spans, spans[1:])), "overlap"
    for neg in b.negs:
        nb, i, ok = neg.encode("utf-8"), -1, False
        while (i := raw.find(nb, i + 1)) >= 0:
            ok = ok or not any(s < i + len(nb) and i < e for s, e in spans)
        assert ok, neg
        assert not any(neg == x["value"] for x in b.ents), neg
    return text

def main():
    items = [POS[i % len(POS)]() for i in range(372)]
    items += [t_negative(NEG_T[i % len(NEG_T)]) for i in range(145)]
    count = lambda: {t: sum(e["type"] == t for b in items for e in b.ents) for t in TYPES}
    while any(count()[t] < MIN[t] for t in TYPES):
        b = pick(POS)()
        if any(e["type"] == t and count()[t] < MIN[t] for e in b.ents for t in TYPES):
            items.append(b)
    R.shuffle(items)
    negs_total = 0
    with open(OUT, "w", encoding="utf-8") as f:
        for i, b in enumerate(items, 1):
            text = check(b)
            negs_total += len(b.negs)
            f.write(json.dumps({"id": f"eighth-{i:05d}", "text": text, "entities": sorted(b.ents, key=lambda e: e["start"]),
                                "negatives": b.negs}, ensure_ascii=False) + "\n")
    c = count()
    print(f"wrote {OUT}")
    print(f"items: {len(items)} (with entities: {sum(bool(b.ents) for b in items)}, "
          f"negative-only: {sum(not b.ents for b in items)})")
    print(f"entities: {sum(c.values())}")
    for t in TYPES:
        print(f"  {t:15s} {c[t]}")
    print(f"negatives: {negs_total}")
    assert len(items) >= 520 and sum(c.values()) >= 1500 and all(c[t] >= MIN[t] for t in TYPES)

if __name__ == "__main__":
    main()
