#!/usr/bin/env python3
"""Generator for the fifth, independent PII test set: tests/pii/pii-fifth.jsonl.

Run:  cd /work/main && python3 tests/pii/make_pii_fifth.py

Python 3 standard library only; fully deterministic (random.Random(SEED), SEED = 60517).
Every item is built piece by piece, so labels are known by construction: each
PII value is appended through Doc.e() which records its BYTE offsets (UTF-8).

Output line format:
  {"id": "fifth-00001", "text": ..., "entities": [{"type", "value", "start", "end"}],
   "negatives": [...]}

Span conventions
  email          the address only (mailto:, <>, quotes outside); role addresses too.
  phone          from "+", the first digit or "(" up to the last digit; "ext. 12",
                 "Tel:" and similar outside.
  credit_card    Luhn-valid number with a real prefix (Visa, Mastercard 51-55 and
                 2221-2720, Amex 34/37, Discover, JCB); plain, spaced or hyphenated.
  iban           mod-97-valid with the right length per country; compact or in
                 groups of four.
  ip_address     IPv4 or IPv6 (full, compressed, ::1, fe80::); no port, no brackets.
  url            http(s):// or www. URLs; trailing punctuation and brackets outside.
  person         the name only; titles (Dr., Mrs.) and possessive 's outside; a full
                 name (with particles, hyphens, apostrophes) is one span; given names
                 or surnames alone are spans too.  ~20% invented names; some
                 lower-case names in casual chat; ALL-CAPS surnames in forms.
  street_address the street line incl. the street-type word and any flat/unit on the
                 same line ("Apt 4B", "#305", "/12", ", 2º B"); postcode, city and
                 country are NOT part of the span.
Hard negatives (order numbers, dates, hashes, UUIDs, Luhn-invalid numbers, prices,
postcodes alone, Title-Case non-names, paths, colours, MACs, coordinates, ...) are
left unlabelled and listed in "negatives".
"""
import json
import os
import random
import unicodedata
import uuid

SEED = 60517
R = random.Random(SEED)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii-fifth.jsonl")


class Doc:
    """Text builder that records byte offsets of inserted entities."""

    def __init__(self):
        self.parts, self.n, self.ents, self.negs = [], 0, [], []

    def t(self, s):
        self.parts.append(s)
        self.n += len(s.encode("utf-8"))
        return self

    def e(self, typ, val):
        st = self.n
        self.t(val)
        self.ents.append({"type": typ, "value": val, "start": st, "end": self.n})
        return self

    def x(self, val):
        """Insert a hard negative (unlabelled, listed)."""
        self.t(val)
        if val not in self.negs:
            self.negs.append(val)
        return self

    def text(self):
        return "".join(self.parts)


def pick(seq):
    return R.choice(seq)


def chance(p):
    return R.random() < p


def digits(k):
    return "".join(str(R.randint(0, 9)) for _ in range(k))


def fill(pat):
    """'d' -> any digit, 'N' -> 2-9, 'A' -> upper letter, 'h' -> hex digit."""
    out = []
    for ch in pat:
        if ch == "d":
            out.append(str(R.randint(0, 9)))
        elif ch == "N":
            out.append(str(R.randint(2, 9)))
        elif ch == "A":
            out.append(chr(65 + R.randint(0, 25)))
        elif ch == "h":
            out.append(pick("0123456789abcdef"))
        else:
            out.append(ch)
    return "".join(out)


def ascii_fold(s):
    s = s.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    s = s.replace("ß", "ss").replace("æ", "ae").replace("Æ", "Ae").replace("đ", "d")
    s = s.replace("Đ", "D").replace("ı", "i").replace("þ", "th").replace("Þ", "Th")
    s = s.replace("ð", "d").replace("Ð", "D")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


# ---------------------------------------------------------------- credit cards
def luhn_digit(body):
    tot = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


def card_number():
    brand = pick(["visa", "visa", "mc", "mc2", "amex", "disc", "jcb"])
    if brand == "visa":
        pre, ln = "4", 16
    elif brand == "mc":
        pre, ln = str(R.randint(51, 55)), 16
    elif brand == "mc2":
        pre, ln = str(R.randint(2221, 2720)), 16
    elif brand == "amex":
        pre, ln = pick(["34", "37"]), 15
    elif brand == "disc":
        pre, ln = pick(["6011", "65", str(R.randint(644, 649))]), 16
    else:
        pre, ln = str(R.randint(3528, 3589)), 16
    body = pre + digits(ln - 1 - len(pre))
    return body + luhn_digit(body)


def fmt_card(num, style=None):
    style = style or pick(["plain", "space", "space", "hyphen"])
    if style == "plain":
        return num
    sep = " " if style == "space" else "-"
    if len(num) == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


def card():
    return fmt_card(card_number())


def bad_card():
    """16-digit number that fails Luhn (hard negative)."""
    n = card_number()
    while len(n) != 16:
        n = card_number()
    n = n[:-1] + str((int(n[-1]) + R.randint(1, 9)) % 10)
    assert not luhn_ok(n)
    return fmt_card(n, pick(["plain", "space", "hyphen"]))


# ---------------------------------------------------------------- IBAN
IBAN_SPEC = {  # country: BBAN pattern ('d' digit, 'A' letter)
    "DE": "d" * 18, "FR": "d" * 23, "GB": "AAAA" + "d" * 14, "ES": "d" * 20,
    "IT": "A" + "d" * 22, "NL": "AAAA" + "d" * 10, "BE": "d" * 12, "AT": "d" * 16,
    "CH": "d" * 17, "PL": "d" * 24, "PT": "d" * 21, "SE": "d" * 20, "NO": "d" * 11,
    "DK": "d" * 14, "FI": "d" * 14, "IE": "AAAA" + "d" * 14, "CZ": "d" * 20,
    "TR": "d" * 5 + "0" + "d" * 16, "BR": "d" * 23 + "AA", "LU": "d" * 16,
}
IBAN_LEN = {"DE": 22, "FR": 27, "GB": 22, "ES": 24, "IT": 27, "NL": 18, "BE": 16,
            "AT": 20, "CH": 21, "PL": 28, "PT": 25, "SE": 24, "NO": 15, "DK": 18,
            "FI": 18, "IE": 22, "CZ": 24, "TR": 26, "BR": 29, "LU": 20}
BANK4 = {"GB": ["NWBK", "BARC", "HBUK", "LOYD"], "NL": ["ABNA", "INGB", "RABO", "TRIO"],
         "IE": ["AIBK", "BOFI", "IPBS"]}


def iban_check(cc, bban):
    s = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)


def iban(cc=None, grouped=None):
    cc = cc or pick(sorted(IBAN_SPEC))
    bban = fill(IBAN_SPEC[cc])
    if cc in BANK4:
        bban = pick(BANK4[cc]) + bban[4:]
    code = cc + iban_check(cc, bban) + bban
    assert len(code) == IBAN_LEN[cc]
    assert int("".join(str(int(c, 36)) for c in code[4:] + code[:4])) % 97 == 1
    if grouped is None:
        grouped = chance(0.55)
    if grouped:
        return " ".join(code[i:i + 4] for i in range(0, len(code), 4))
    return code


# ---------------------------------------------------------------- phones
PHONES = {
    "US": ["+1 Ndd-555-01dd", "(Ndd) 555-01dd", "Ndd.555.01dd", "+1 (Ndd) 555 01dd", "1-800-555-01dd"],
    "CA": ["+1 604 555 01dd", "(416) 555-01dd", "+1-514-555-01dd"],
    "GB": ["+44 20 7946 0ddd", "020 7946 0ddd", "+44 7700 900ddd", "07700 900ddd", "+44 (0)161 496 0ddd"],
    "IE": ["+353 1 Nddd ddd", "087 ddd dddd", "+353 86 ddd dddd"],
    "FR": ["+33 1 dd dd dd dd", "01 dd dd dd dd", "+33 6 dd dd dd dd", "06.dd.dd.dd.dd"],
    "DE": ["+49 30 Ndddddd", "030 Nddddddd", "+49 (0)89 Nddddd", "0171 ddddddd", "+49 151 dddddddd"],
    "AT": ["+43 1 Ndddddd", "+43 664 ddd dddd", "0664/ddd dd dd"],
    "CH": ["+41 44 Ndd dd dd", "044 Ndd dd dd", "+41 79 ddd dd dd"],
    "NL": ["+31 20 ddd dddd", "06-dddddddd", "020-ddd dddd", "+31 6 dddd dddd"],
    "BE": ["+32 2 ddd dd dd", "0470 dd dd dd", "+32 470 dd dd dd"],
    "IT": ["+39 06 dddd dddd", "+39 3dd ddd dddd", "02 dddd dddd", "347 ddd dddd"],
    "ES": ["+34 91N ddd ddd", "6dd dd dd dd", "+34 6dd ddd ddd", "93 ddd dd dd"],
    "PT": ["+351 21 ddd dddd", "91d ddd ddd", "+351 96d ddd ddd"],
    "BR": ["+55 11 9dddd-dddd", "(11) 9dddd-dddd", "+55 (21) 3ddd-dddd"],
    "PL": ["+48 22 ddd dd dd", "60d ddd ddd", "+48 5dd ddd ddd"],
    "CZ": ["+420 60d ddd ddd", "+420 2dd ddd ddd", "777 ddd ddd"],
    "SE": ["+46 8 ddd ddd dd", "070-ddd dd dd", "08-ddd dd dd", "+46 70 ddd dd dd"],
    "NO": ["+47 9dd dd ddd", "+47 22 dd dd dd", "4dd dd ddd"],
    "DK": ["+45 dd dd dd dd", "+45 3d dd dd dd", "2d dd dd dd"],
    "FI": ["+358 40 ddddddd", "040 ddd dddd", "+358 9 dddd ddd"],
    "TR": ["+90 212 ddd dd dd", "0532 ddd dd dd", "+90 (5dd) ddd dd dd"],
    "MX": ["+52 55 dddd dddd", "+52 1 33 dddd dddd", "(55) dddd-dddd"],
    "AU": ["+61 2 9ddd dddd", "0412 ddd ddd", "(02) 9ddd dddd", "+61 4dd ddd ddd"],
    "JP": ["+81 3-dddd-dddd", "03-dddd-dddd", "+81 90-dddd-dddd"],
    "IN": ["+91 9dddd ddddd", "+91 22 dddd dddd"],
    "ZA": ["+27 21 ddd dddd", "082 ddd dddd"],
}


def phone(cc=None):
    cc = cc or pick(sorted(PHONES))
    return fill(pick(PHONES.get(cc, PHONES["US"])))


# ---------------------------------------------------------------- IP addresses
def ipv4():
    k = R.randint(0, 5)
    if k == 0:
        return "192.168.%d.%d" % (R.randint(0, 254), R.randint(2, 254))
    if k == 1:
        return "10.%d.%d.%d" % (R.randint(0, 255), R.randint(0, 255), R.randint(2, 254))
    if k == 2:
        return "172.%d.%d.%d" % (R.randint(16, 31), R.randint(0, 255), R.randint(2, 254))
    if k == 3:
        return pick(["203.0.113.", "198.51.100.", "192.0.2."]) + str(R.randint(1, 254))
    return "%d.%d.%d.%d" % (R.randint(23, 223), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


def ipv6():
    k = R.randint(0, 5)
    if k == 0:
        return ":".join("%04x" % R.randint(0, 0xFFFF) for _ in range(8))
    if k == 1:
        return "2001:db8::%x" % R.randint(1, 0xFFFF)
    if k == 2:
        return "::1"
    if k == 3:
        return "fe80::%x:%x:%x:%x" % tuple(R.randint(1, 0xFFFF) for _ in range(4))
    if k == 4:
        return "2a02:%x:%x::%x" % (R.randint(0x100, 0xFFFF), R.randint(1, 0xFFFF), R.randint(1, 0xFF))
    return "2001:0db8:85a3:0000:0000:8a2e:%04x:%04x" % (R.randint(0, 0xFFFF), R.randint(0, 0xFFFF))


def ip():
    return ipv4() if chance(0.65) else ipv6()


# ---------------------------------------------------------------- URLs / e-mail
DOMAINS = ["example.com", "example.org", "bakkerij-devries.nl", "zahnarzt-koehler.de",
           "immobiliare-sole.it", "inmobiliaria-norte.es", "lund-bageri.se", "kanzlei-berg.at",
           "clinique-saint-roch.fr", "escola-aurora.pt", "northfield-primary.co.uk",
           "maplecreek.ca", "harbourside.com.au", "kwiaciarnia-roza.pl", "hotel-zlata.cz",
           "nordlys-tannlege.no", "cafe-moller.dk", "kahvila-aalto.fi", "ornek-market.com.tr",
           "dulceria-lupita.mx", "loja-ipe.com.br", "fieldnotes.io", "quietmeadow.dev",
           "ridgeway-law.com", "trailhead-outfitters.com", "mail.example.net"]
MAILDOM = ["gmail.com", "outlook.com", "web.de", "orange.fr", "libero.it", "yahoo.es",
           "sapo.pt", "wp.pl", "seznam.cz", "telia.se", "online.no", "mail.dk", "gmx.at",
           "bluewin.ch", "ziggo.nl", "proton.me", "icloud.com", "uol.com.br"] + DOMAINS[:20]
ROLES = ["info", "support", "billing", "hr", "noreply", "press", "admissions", "reservations",
         "security", "careers", "office", "kontakt", "contact", "ventas", "reception", "rsvp"]
PATHS = ["listing/4471", "about", "contact-us", "events/spring-fair", "docs/setup",
         "team", "wp/2024/05/newsletter", "booking", "r/abc123", "jobs/backend-dev",
         "p/stock-photos", "kurse/anmeldung", "fr/actualites", "es/pisos/madrid"]


def url(dom=None):
    dom = dom or pick(DOMAINS)
    k = R.randint(0, 3)
    if k == 0:
        u = "www." + dom
    else:
        u = pick(["https://", "https://", "http://"]) + (pick(["www.", ""]) if k == 1 else "") + dom
    if chance(0.7):
        u += "/" + pick(PATHS)
        if chance(0.3):
            u += "?ref=" + pick(["mail", "nl", "qr", "footer"]) + "&id=" + digits(4)
    elif k != 0 and chance(0.3):
        u += "/"
    return u


def slug(name):
    s = ascii_fold(name).lower().replace("'", "").replace(" ", ".")
    return "".join(c for c in s if c.isalnum() or c in ".-")


def email(name=None, dom=None, role=False):
    dom = dom or pick(MAILDOM)
    if role or not name:
        return pick(ROLES) + "@" + dom
    parts = slug(name).split(".")
    style = R.randint(0, 3)
    if style == 0 or len(parts) < 2:
        loc = slug(name)
    elif style == 1:
        loc = parts[0][0] + "." + parts[-1]
    elif style == 2:
        loc = parts[0] + "_" + parts[-1] + digits(2)
    else:
        loc = parts[-1] + parts[0][0]
    return loc.strip(".-") + "@" + dom


# ---------------------------------------------------------------- person names
NAMES = {  # locale: (given names, surnames)
    "en": (["Olivia", "James", "Charlotte", "Ethan", "Grace", "Liam", "Hannah", "Noah", "Abigail",
            "Connor", "Zoë", "Mary-Kate", "Siobhán", "Declan", "Priya", "Marcus", "Ruth", "Tyrone",
            "Megan", "Wei", "Aoife", "Rhys"],
           ["Smith", "O'Brien", "Thompson", "Patel", "Nguyen", "Walsh", "MacDonald", "Fitzgerald",
            "Okafor", "Harrington", "Baker-Wright", "McAllister", "Johnson", "Greenwood",
            "Ó Súilleabháin", "D'Souza", "Ellison", "Pryce"]),
    "fr": (["Amélie", "Benoît", "Chloé", "François", "Hélène", "Jérôme", "Gaëlle", "Théo",
            "Noémie", "Loïc", "Anne-Sophie", "Jean-Baptiste"],
           ["Lefèvre", "Dubois", "Mercier", "Fontaine", "Girard", "Leclerc", "de la Tour",
            "Bérenger", "Rousseau", "Faure-Dumont", "d'Aubigné", "Le Goff"]),
    "de": (["Jürgen", "Käthe", "Jörg", "Lena", "Björn", "Ute", "Matthias", "Anneliese", "Günther",
            "Sören", "Hans-Peter"],
           ["Müller", "Schröder", "Weiß", "Hoffmann", "Kühn", "Bäcker", "von Stein",
            "Schmidt-Häusler", "Zimmermann", "Krüger", "Großmann"]),
    "es": (["José", "María", "Inés", "Álvaro", "Lucía", "Íñigo", "Begoña", "Sebastián", "Nuria",
            "Raúl", "José María"],
           ["García", "Núñez", "de la Fuente", "Martínez", "Ibáñez", "Peña", "del Río", "Muñoz",
            "Ortega", "Sáez", "García-Lorca Ruiz"]),
    "pt": (["João", "Conceição", "Gonçalo", "Inês", "Sebastião", "Lúcia", "Tiago", "Mariana",
            "Caio", "Thaís"],
           ["Gonçalves", "Araújo", "da Silva", "Simões", "Magalhães", "dos Santos", "Brandão",
            "Assunção", "Fernandes", "de Sá Carvalho"]),
    "it": (["Niccolò", "Giulia", "Lorenzo", "Chiara", "Matteo", "Ilaria", "Gianluca", "Federica",
            "Tommaso", "Beatrice"],
           ["Rossi", "D'Angelo", "De Luca", "Esposito", "Bianchi", "Lo Russo", "Ferrà",
            "Di Stefano", "Colombo", "Santoro"]),
    "nl": (["Sanne", "Joris", "Maarten", "Femke", "Sjoerd", "Anouk", "Thijs", "Ilse", "Bram",
            "Lieke"],
           ["de Vries", "van der Meer", "Jansen", "van den Berg", "Bakker", "Visser", "de Jong",
            "van Dijk", "Smits", "'t Hooft"]),
    "pl": (["Łukasz", "Małgorzata", "Paweł", "Agnieszka", "Grzegorz", "Zofia", "Wojciech",
            "Katarzyna", "Bartłomiej", "Jadwiga"],
           ["Wróblewski", "Nowak", "Kowalczyk", "Szymańska", "Wiśniewski", "Zieliński",
            "Dąbrowska", "Grabowski", "Łuczak", "Jankowska"]),
    "cs": (["Jiří", "Tereza", "Radek", "Kateřina", "Ondřej", "Lucie", "Tomáš", "Markéta",
            "Vojtěch", "Božena"],
           ["Dvořák", "Novotná", "Procházka", "Černý", "Kučerová", "Veselý", "Horáková",
            "Růžička", "Šťastný", "Marek"]),
    "sv": (["Åsa", "Björn", "Linnéa", "Göran", "Maja", "Oskar", "Ingrid", "Måns", "Elsa", "Kjell"],
           ["Lindqvist", "Åberg", "Söderberg", "Holmström", "Nyström", "Ekström", "Bergqvist",
            "Löfgren", "Sjöberg", "Wallin"]),
    "no": (["Sigrid", "Håkon", "Ingrid", "Øystein", "Solveig", "Eirik", "Ragnhild", "Torbjørn",
            "Kari", "Ola"],
           ["Haugen", "Bakke", "Sørensen", "Øvergaard", "Løvås", "Dahl", "Kristiansen", "Bråthen",
            "Nygård", "Strand"]),
    "da": (["Søren", "Mette", "Frederik", "Karen", "Rasmus", "Ida", "Mikkel", "Signe", "Jens",
            "Astrid"],
           ["Jørgensen", "Nielsen", "Kjærgaard", "Mølgaard", "Rasmussen", "Thomsen",
            "Østergaard", "Friis", "Lund", "Skov"]),
    "fi": (["Aino", "Jukka", "Päivi", "Eero", "Sanna", "Väinö", "Kaisa", "Timo", "Riikka", "Ilkka"],
           ["Mäkinen", "Virtanen", "Hämäläinen", "Korhonen", "Nieminen", "Järvinen", "Heikkilä",
            "Lähteenmäki", "Koskinen", "Äijälä"]),
    "tr": (["Şükrü", "Ayşe", "Mehmet", "Gülşen", "Çağla", "Emre", "Öznur", "Barış", "İlker",
            "Zeynep"],
           ["Öztürk", "Yılmaz", "Çelik", "Şahin", "Doğan", "Aydın", "Kılıç", "Güneş", "Karaca",
            "Erdoğdu"]),
    "hu": (["Zsófia", "Gergő", "Ildikó", "Bálint", "Réka"],
           ["Szabó", "Kovács", "Tóth", "Horváth", "Nagy-Fehér"]),
    "ro": (["Ioana", "Ștefan", "Mihai", "Andreea", "Radu"],
           ["Popescu", "Ionescu", "Dumitrescu", "Stănescu", "Constantinescu"]),
    "is": (["Guðrún", "Ólafur", "Sigríður", "Þórður", "Hrafnhildur"],
           ["Jónsdóttir", "Guðmundsson", "Sigurðsson", "Þorsteinsdóttir", "Magnússon"]),
    "hr": (["Ivana", "Luka", "Mateja", "Domagoj", "Petra"],
           ["Horvat", "Kovačević", "Babić", "Marić", "Jurić"]),
    "vi": (["Lan", "Minh", "Thảo", "Dũng", "Hương"], ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng"]),
}
LOCALES = sorted(NAMES)
SYL = ["ka", "lo", "ve", "mir", "tan", "sel", "dor", "ry", "an", "the", "bri", "zu", "quin", "ox",
       "mar", "el", "vin", "ra", "sho", "lu", "nek", "tha", "ris", "gal", "fen", "iv", "or", "tes"]
SUFF = ["son", "ski", "ova", "ard", "ez", "elli", "berg", "ström", "wick", "ani", "escu", "en"]


def invented(surname=False):
    w = "".join(pick(SYL) for _ in range(R.randint(2, 3)))
    if surname and chance(0.6):
        w += pick(SUFF)
    return w.capitalize()


def given(loc=None):
    if chance(0.2):
        return invented()
    loc = loc if (loc in NAMES and chance(0.6)) else pick(LOCALES)
    return pick(NAMES[loc][0])


def surname(loc=None):
    if chance(0.2):
        return invented(True)
    loc = loc if (loc in NAMES and chance(0.6)) else pick(LOCALES)
    return pick(NAMES[loc][1])


def person(loc=None):
    """Return (full, given, surname)."""
    if chance(0.2):
        g, s = invented(), invented(True)
        return g + " " + s, g, s
    loc = loc if (loc in NAMES and chance(0.6)) else pick(LOCALES)
    g, s = pick(NAMES[loc][0]), pick(NAMES[loc][1])
    if loc == "vi":
        return s + " " + pick(["Thị", "Văn", "Minh"]) + " " + g, g, s
    if loc == "en" and chance(0.15):
        return g + " " + chr(65 + R.randint(0, 25)) + ". " + s, g, s
    return g + " " + s, g, s


TITLES = {"en": ["Dr. ", "Mr. ", "Mrs. ", "Ms. ", "Prof. "], "fr": ["M. ", "Mme ", "Dr "],
          "de": ["Herr ", "Frau ", "Dr. "], "es": ["Sr. ", "Sra. ", "Dra. "],
          "it": ["Sig. ", "Sig.ra ", "Dott. "], "pt": ["Sr. ", "Sra. ", "Dr. "],
          "nl": ["dhr. ", "mevr. "], "pl": ["Pan ", "Pani "], "sv": [""], "tr": [""]}

# ---------------------------------------------------------------- street addresses
CITIES = {
    "US": ["Springfield, IL", "Portland, OR", "Austin, TX", "Madison, WI", "Boise, ID", "Raleigh, NC"],
    "GB": ["Leeds", "Bristol", "Manchester", "Norwich", "York"], "IE": ["Dublin 3", "Cork", "Galway"],
    "FR": ["Lyon", "Nantes", "Bordeaux", "Lille", "Toulouse"], "BE": ["Bruxelles", "Gent", "Liège", "Antwerpen"],
    "DE": ["München", "Köln", "Hamburg", "Leipzig", "Freiburg"], "AT": ["Wien", "Graz", "Linz", "Salzburg"],
    "CH": ["Zürich", "Bern", "Genève", "Basel"], "NL": ["Amsterdam", "Utrecht", "Rotterdam", "Groningen"],
    "IT": ["Milano", "Torino", "Bologna", "Firenze"], "ES": ["Madrid", "Sevilla", "Valencia", "Bilbao"],
    "PT": ["Lisboa", "Porto", "Braga", "Coimbra"], "BR": ["São Paulo - SP", "Curitiba - PR", "Recife - PE"],
    "PL": ["Warszawa", "Kraków", "Łódź", "Gdańsk"], "CZ": ["Praha 1", "Brno", "Ostrava", "Plzeň"],
    "SE": ["Stockholm", "Göteborg", "Malmö", "Uppsala"], "NO": ["Oslo", "Bergen", "Trondheim", "Tromsø"],
    "DK": ["København N", "Aarhus C", "Odense C"], "FI": ["Helsinki", "Tampere", "Turku", "Oulu"],
    "TR": ["Kadıköy/İstanbul", "Çankaya/Ankara", "Konak/İzmir"], "MX": ["Ciudad de México", "Guadalajara, Jal.", "Monterrey, N.L."],
    "CA": ["Toronto, ON", "Vancouver, BC", "Montréal, QC", "Halifax, NS"], "AU": ["Sydney NSW", "Melbourne VIC", "Hobart TAS", "Perth WA"],
}
POSTCODE = {"US": "ddddd", "GB": "AAd dAA", "IE": "Add AdAd", "FR": "ddddd", "BE": "Nddd", "DE": "ddddd",
            "AT": "Nddd", "CH": "Nddd", "NL": "Nddd AA", "IT": "ddddd", "ES": "ddddd", "PT": "Nddd-ddd",
            "BR": "ddddd-ddd", "PL": "dd-ddd", "CZ": "ddd dd", "SE": "ddd dd", "NO": "Nddd", "DK": "Nddd",
            "FI": "ddddd", "TR": "ddddd", "MX": "ddddd", "CA": "AdA dAd", "AU": "Nddd"}
ADDR_CC = sorted(POSTCODE)


def n(a, b):
    return str(R.randint(a, b))


def street(cc):
    if cc == "US":
        s = n(3, 9899) + " " + pick(["", "N ", "SW ", "East "]) + pick(
            ["Maple", "Oak", "Cedar", "Lakeview", "Sunset", "Highland", "Magnolia", "Willow", "Juniper"]) + " " + pick(
            ["Street", "St", "Avenue", "Ave", "Boulevard", "Blvd", "Drive", "Dr", "Lane", "Ct", "Way", "Rd"])
        return s + pick(["", "", " Apt 4B", " #" + n(101, 950), ", Suite " + n(100, 400), ", Apt. " + n(1, 30)])
    if cc == "GB":
        s = n(1, 220) + " " + pick(["Albert", "Station", "Church", "Mill", "Victoria", "Ashgrove", "Kingsley"]) + " " + pick(
            ["Road", "Street", "Lane", "Avenue", "Close", "Crescent", "Gardens", "Terrace", "Mews"])
        return pick(["", "", "Flat " + n(1, 12) + ", ", "Flat " + n(1, 9) + "B, "]) + s
    if cc == "IE":
        return pick(["", "Apartment " + n(1, 40) + ", "]) + n(1, 180) + " " + pick(
            ["Seafield", "Clontarf", "Griffith", "Ballymun", "Merrion"]) + " " + pick(["Road", "Avenue", "Park", "Drive"])
    if cc == "FR":
        return n(1, 140) + pick(["", "", " bis", " ter"]) + " " + pick(
            ["rue", "avenue", "boulevard", "place", "allée", "impasse", "quai"]) + " " + pick(
            ["de la République", "Victor Hugo", "des Lilas", "du Général Leclerc", "Jean Jaurès",
             "Saint-Honoré", "des Écoles"]) + pick(["", "", ", appt " + n(2, 60)])
    if cc == "BE":
        if chance(0.5):
            return pick(["Kerk", "Molen", "Stations", "Kapel", "Lange Nieuw"]) + pick(["straat", "laan", "weg"]) + " " + n(
                1, 200) + pick(["", " bus " + n(1, 12)])
        return pick(["Rue Royale", "Avenue Louise", "Rue de Namur", "Chaussée de Wavre"]) + " " + n(1, 300) + pick(["", " bte " + n(1, 9)])
    if cc == "DE":
        if chance(0.3):
            return pick(["Kölner", "Berliner", "Frankfurter", "Alte"]) + " " + pick(["Straße", "Allee", "Landstraße"]) + " " + n(1, 160)
        return pick(["Haupt", "Linden", "Garten", "Schiller", "Goethe", "Bahnhof", "Kirch", "Mühlen", "Rosen"]) + pick(
            ["straße", "str.", "weg", "allee", "platz", "gasse", "ring"]) + " " + n(1, 120) + pick(["", "", "a", "b"])
    if cc == "AT":
        return pick(["Mariahilfer Straße", "Landstraßer Hauptstraße", "Favoritenstraße", "Herrengasse",
                     "Linzer Gasse", "Schönbrunner Straße"]) + " " + n(1, 200) + "/" + n(1, 40) + pick(["", "/" + n(1, 9)])
    if cc == "CH":
        return pick(["Bahnhofstrasse", "Seestrasse", "Rue du Rhône", "Marktgasse", "Via Nassa", "Avenue de la Gare"]) + " " + n(1, 120)
    if cc == "NL":
        return pick(["Keizers", "Prinsen", "Heren", "Oude", "Nieuwe"]) + pick(
            ["gracht", "straat", "laan", "weg", "kade", "singel"]) + " " + n(1, 500) + pick(["", "", "-2", " hs", "A", " 3-hoog", "-II"])
    if cc == "IT":
        return pick(["Via", "Viale", "Corso", "Piazza", "Vicolo"]) + " " + pick(
            ["Roma", "Garibaldi", "Vittorio Emanuele II", "dei Mille", "Dante Alighieri", "Mazzini", "San Francesco"]) + pick(
            [" ", ", "]) + n(1, 200) + pick(["", "", "/A", ", int. " + n(1, 20), " scala B"])
    if cc == "ES":
        return pick(["Calle", "C/", "Avenida", "Avda.", "Paseo", "Plaza", "Camino"]) + " " + pick(
            ["Mayor", "de Alcalá", "de la Castellana", "Gran Vía", "del Prado", "de Santa Engracia"]) + pick(
            [" ", ", "]) + n(1, 250) + pick([", 2º B", ", 3º Izq.", ", 1º 2ª", ", Bajo A", ", 4º D", ""])
    if cc == "PT":
        return pick(["Rua", "Avenida", "Travessa", "Largo", "Praça"]) + " " + pick(
            ["Augusta", "da Liberdade", "de Santa Catarina", "do Carmo", "Almirante Reis"]) + ", " + n(
            1, 300) + pick([", 3º Esq.", ", 1º Dto.", ", R/C", ""])
    if cc == "BR":
        return pick(["Rua", "Av.", "Avenida", "Alameda", "Travessa"]) + " " + pick(
            ["das Flores", "Paulista", "Sete de Setembro", "Oscar Freire", "XV de Novembro", "Barão de Mauá"]) + ", " + n(
            10, 2500) + pick(["", ", apto 45", ", ap. " + n(11, 1804), " - casa 2", ", sala " + n(101, 909)])
    if cc == "PL":
        return pick(["ul. ", "ul. ", "al. ", "os. ", "pl. "]) + pick(
            ["Marszałkowska", "Długa", "Piotrkowska", "Floriańska", "Świętokrzyska", "Kościuszki", "Mickiewicza"]) + " " + n(
            1, 150) + pick(["", "/" + n(1, 80), " m. " + n(1, 30)])
    if cc == "CZ":
        return pick(["Vodičkova ulice", "Národní třída", "Karlovo náměstí", "Vinohradská třída", "Masarykova ulice",
                     "nábřeží Kapitána Jaroše"]) + " " + n(100, 2400) + "/" + n(1, 60)
    if cc == "SE":
        return pick(["Drottning", "Stor", "Kungs", "Lilla Ny", "Sve"]) + pick(
            ["gatan", "vägen", "gränd"]) + " " + n(1, 120) + pick(["", " lgh " + n(1001, 1504), "B"])
    if cc == "NO":
        return pick(["Karl Johans gate", "Storgata", "Bygdøy allé", "Thorvald Meyers gate", "Kongens gate", "Markveien"]) + " " + n(
            1, 90) + pick(["", " H0" + n(101, 504), "B"])
    if cc == "DK":
        return pick(["Nørrebrogade", "Vesterbrogade", "Strandvejen", "Østerbrogade", "Jægersborggade", "Store Kongensgade"]) + " " + n(
            1, 200) + pick(["", ", 2. th.", ", st. tv.", ", 3. mf.", ", 1. sal"])
    if cc == "FI":
        return pick(["Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu", "Itäinen Pitkäkatu", "Hämeentie", "Puistokatu"]) + " " + n(
            1, 90) + pick(["", " B 4", " A " + n(1, 30), " as. " + n(1, 40)])
    if cc == "TR":
        return pick(["Atatürk Cad.", "Bağdat Caddesi", "İstiklal Caddesi", "Gül Sokak", "Cumhuriyet Bulvarı",
                     "Kıbrıs Şehitleri Cd."]) + " No: " + n(1, 300) + pick(["", " D: " + n(1, 20), " Daire " + n(1, 20), "/" + n(1, 12)])
    if cc == "MX":
        return pick(["Av. Insurgentes Sur", "Calle Hidalgo", "Calle 5 de Mayo", "Paseo de la Reforma", "Av. Juárez",
                     "Calzada de Tlalpan"]) + " " + n(1, 3000) + pick(["", ", Int. " + n(1, 12), " Int. " + n(1, 9), ", Piso " + n(2, 20)])
    if cc == "CA":
        k = R.randint(0, 2)
        if k == 0:
            return n(10, 2999) + " " + pick(["Bloor St W", "Queen Street East", "Main St", "Robson Street", "King St W"]) + pick(
                ["", " Unit " + n(1, 40), ", Suite " + n(100, 900)])
        if k == 1:
            return n(100, 4999) + " " + pick(["rue Saint-Denis", "boulevard René-Lévesque", "rue Sherbrooke Ouest"]) + pick(["", ", app. " + n(1, 30)])
        return n(1, 30) + "-" + n(100, 2999) + " " + pick(["Granville St", "Jasper Avenue", "Yonge Street"])
    if cc == "AU":
        k = R.randint(0, 2)
        core = pick(["Smith", "George", "Pitt", "Collins", "Elizabeth", "Flinders"]) + " " + pick(["Street", "St", "Road", "Parade", "Terrace"])
        if k == 0:
            return "Unit " + n(1, 20) + "/" + n(1, 300) + " " + core
        if k == 1:
            return n(1, 20) + "/" + n(1, 300) + " " + core
        return n(1, 400) + " " + core
    raise KeyError(cc)


def postcode(cc):
    return fill(POSTCODE[cc])


def address_tail(d, cc, sep=", "):
    """Append postcode + city (unlabelled; postcode listed as negative)."""
    city = pick(CITIES[cc])
    pc = postcode(cc)
    d.t(sep)
    if cc in ("US", "CA", "AU"):
        d.t(city + " ").x(pc)
    elif cc == "GB":
        d.t(city + " ").x(pc)
    elif cc == "MX":
        d.t("C.P. ").x(pc).t(", " + city)
    else:
        d.x(pc).t(" " + city)


# ---------------------------------------------------------------- hard negatives
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "April", "June", "July", "September", "October", "November"]
TITLECASE = {
    "brand": ["Volvo", "Nespresso", "Lego", "Adidas", "Samsung", "Nikon", "Miele", "Duolingo"],
    "product": ["Galaxy Tab", "ThinkPad Carbon", "Kindle Paperwhite", "Air Jordan", "PlayStation Portal"],
    "company": ["Northwind Traders", "Contoso Ltd", "Globex Corporation", "Initech", "Umbrella Logistics GmbH",
                "Acme Widgets BV", "Blue Harbor Capital"],
    "course": ["Organic Chemistry II", "Introduction to Macroeconomics", "Advanced Data Structures", "Art History 101"],
    "title": ["The Silent Harbour", "Blade Runner", "Spirited Away", "The Name of the Wind", "Parasite", "Inception"],
    "place": ["Lake Geneva", "Black Forest", "Montmartre", "Rocky Mountains", "Cape Town", "Vltava River", "Gold Coast"],
    "job": ["Senior Software Engineer", "Head of Marketing", "Chief Financial Officer", "Registered Nurse",
            "Account Executive", "Site Reliability Engineer"],
    "dept": ["Human Resources", "Accounts Payable", "Customer Success", "Radiology Department", "Facilities Management"],
}


def tc(kind=None):
    kind = kind or pick(sorted(TITLECASE) + ["weekday", "month"])
    if kind == "weekday":
        return pick(WEEKDAYS)
    if kind == "month":
        return pick(MONTHS)
    return pick(TITLECASE[kind])


def isbn():
    body = "978" + str(R.randint(0, 1)) + digits(8)
    chk = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    s = body + str(chk)
    return "%s-%s-%s-%s-%s" % (s[:3], s[3], s[4:7], s[7:12], s[12])


NEG = {
    "order": lambda: pick(["ORD-", "INV-", "#", "PO-", "TKT-", "RMA-"]) + fill(pick(["2024-dddddd", "Nddddd", "AA-ddddd", "ddddddd"])),
    "tracking": lambda: pick([fill("1Z9ddAA1ddddddddd"), fill("JD01460000dddddddddd"), fill("RRdddddddddSE"), fill("dddd dddd dddd dddd dddd dd")]),
    "isbn": isbn,
    "date": lambda: pick([fill("202N-0N-1d"), fill("1d/0N/2024"), fill("1d.0N.2025"), pick(MONTHS) + " " + n(1, 28) + ", 2025", "%02d:%02d" % (R.randint(7, 21), R.choice([0, 15, 20, 30, 45]))]),
    "version": lambda: pick(["v", "", "release-"]) + n(0, 9) + "." + n(0, 30) + "." + n(0, 20) + pick(["", "-rc.1", "-beta", "+build." + n(10, 999)]),
    "hash": lambda: fill("h" * pick([7, 8, 12, 40])),
    "uuid": lambda: str(uuid.UUID(int=R.getrandbits(128), version=4)),
    "badcard": bad_card,
    "price": lambda: pick(["€", "$", "£", "CHF ", "R$ "]) + n(3, 4999) + pick([".00", ".99", ",50", ""]),
    "percent": lambda: n(1, 99) + pick(["", ".5", ",2"]) + pick(["%", " %"]),
    "measure": lambda: n(1, 250) + pick([" cm", " kg", " m²", " mm", " ml", " km", "°C", " mg"]),
    "postcode": lambda: postcode(pick(ADDR_CC)),
    "product": lambda: fill(pick(["SKU-dddd-AAA", "AAA-Nddd", "XPS dddd", "RTX dddd", "MODEL AA-ddd", "Ad-ddddA"])),
    "titlecase": tc,
    "path": lambda: pick(["/var/log/nginx/access.log", "C:\\Data\\Exports\\q3_report.xlsx", "~/projects/app/src/main.rs",
                          "/etc/ssl/certs/ca-bundle.crt", "docs/img/logo@2x.png", "./scripts/deploy.sh"]),
    "colour": lambda: "#" + fill("hhhhhh").upper(),
    "mac": lambda: ":".join(fill("hh").upper() for _ in range(6)),
    "coords": lambda: pick(["%d.%04d° N, %d.%04d° E" % (R.randint(35, 65), R.randint(0, 9999), R.randint(1, 30), R.randint(0, 9999)),
                            "%d.%05d, %d.%05d" % (R.randint(-40, 60), R.randint(0, 99999), R.randint(-120, 150), R.randint(0, 99999))]),
}
NEGKINDS = sorted(NEG)


def neg(kind=None):
    return NEG[kind or pick(NEGKINDS)]()


# ---------------------------------------------------------------- template helpers
def add_person(d, loc, form=None, case=None):
    """Insert a name of the given form; returns the dict entry text."""
    full, g, s = person(loc)
    form = form or pick(["full", "full", "full", "given", "sur"])
    val = {"full": full, "given": g, "sur": s}[form]
    if case == "lower":
        val = val.lower()
    elif case == "upper":
        val = val.upper()
    d.e("person", val)
    return full


def titled(d, loc):
    d.t(pick(TITLES.get(loc, TITLES["en"])))
    return add_person(d, loc, pick(["full", "sur"]))


def poss(d, loc):
    full = add_person(d, loc, pick(["given", "full"]))
    d.t("'s")
    return full


def addr_line(d, cc, sep=", "):
    d.e("street_address", street(cc))
    address_tail(d, cc, sep)


def mail(d, name=None, role=False, dom=None):
    d.e("email", email(name, dom, role))


# ---------------------------------------------------------------- templates with PII (1/3)
def t_voice():  # voice-assistant transcript (en)
    d = Doc().t("[voice transcript %s]\nUSER: hey assistant, text " % neg("date"))
    add_person(d, "en", "given", "lower")
    d.t(" that i'm late and call ")
    add_person(d, "en", "full", "lower")
    d.t(" at ").e("phone", phone(pick(["US", "GB", "AU", "IE"])))
    d.t("\nASSISTANT: Okay, calling ")
    add_person(d, "en", "full")
    d.t(". Navigation to ").e("street_address", street(pick(["US", "GB", "CA"]))).t(" starts after the call; ETA ").x(neg("date")).t(".\n")
    return d


def t_medical():  # medical intake form (en / de)
    de = chance(0.5)
    cc = "DE" if de else pick(["US", "GB", "IE"])
    L = ["Nachname", "Vorname", "Anschrift", "Telefon", "E-Mail", "Notfallkontakt", "Versicherung IBAN"] if de else \
        ["Surname", "Given name", "Address", "Phone", "Email", "Emergency contact", "Direct-debit IBAN"]
    d = Doc().t(("PATIENTENAUFNAHME" if de else "NEW PATIENT INTAKE") + " – ").x(tc("dept")).t("\n%s: " % L[0])
    full = add_person(d, "de" if de else "en", "sur", "upper")
    d.t("\n%s: " % L[1]).e("person", full.split()[0])
    d.t("\nDOB: ").x(neg("date")).t("\n%s: " % L[2])
    addr_line(d, cc)
    d.t("\n%s: " % L[3]).e("phone", phone(cc)).t("\n%s: " % L[4])
    mail(d, full)
    d.t("\n%s: " % L[5])
    add_person(d, "de" if de else "en")
    d.t(" (").e("phone", phone(cc)).t(")\n%s: " % L[6]).e("iban", iban("DE" if de else pick(["GB", "IE"]))).t("\nWeight: ").x(neg("measure")).t("\n")
    return d


def t_school():  # school newsletter (en / fr)
    fr = chance(0.4)
    loc = "fr" if fr else "en"
    d = Doc().t("Lettre d'information – " if fr else "Northfield Primary Newsletter – ").x(pick(MONTHS)).t("\n\n")
    d.t("Bienvenue à " if fr else "Please welcome ")
    titled(d, loc)
    d.t(", notre nouvelle enseignante de " if fr else ", our new teacher for ").x(tc("course")).t(". ")
    d.t("Merci aux parents de " if fr else "Thanks to ")
    poss(d, loc) if not fr else add_person(d, loc)
    d.t(" et " if fr else " mum and ")
    add_person(d, loc, "given")
    d.t(" pour la kermesse. Inscriptions : " if fr else " for the bake sale. Sign up at ").e("url", url())
    d.t(" ou " if fr else " or email ")
    mail(d, role=True)
    d.t(". Secrétariat : " if fr else ". Office: ").e("phone", phone("FR" if fr else "GB")).t(".\n")
    return d


def t_listing():  # real-estate listing (es / it / pt / en)
    loc, cc = pick([("es", "ES"), ("it", "IT"), ("pt", "PT"), ("en", "AU"), ("es", "MX"), ("pt", "BR"), ("en", "CA")])
    W = {"es": ("Piso en venta", "Contacto", "Superficie"), "it": ("Appartamento in vendita", "Agente", "Superficie"),
         "pt": ("Apartamento à venda", "Contacto", "Área"), "en": ("For sale", "Agent", "Floor area")}[loc]
    d = Doc().t(W[0] + ": ")
    addr_line(d, cc)
    d.t("\n" + W[2] + ": ").x(neg("measure")).t(" · ").x(neg("price")).t(" · ref ").x(neg("order"))
    d.t("\n" + W[1] + ": ")
    full = add_person(d, loc, "full")
    d.t(" · ").e("phone", phone(cc)).t(" · ")
    mail(d, full)
    d.t("\nMás fotos: " if loc == "es" else "\nMore: ").e("url", url()).t("\n")
    return d


def t_legal():  # legal notice (en / fr / de)
    loc, cc = pick([("en", "GB"), ("fr", "FR"), ("fr", "BE"), ("de", "AT"), ("de", "CH")])
    d = Doc()
    if loc == "fr":
        d.t("AVIS LÉGAL – Par jugement du ").x(neg("date")).t(", le tribunal a désigné ")
    elif loc == "de":
        d.t("BEKANNTMACHUNG – Mit Beschluss vom ").x(neg("date")).t(" wurde ")
    else:
        d.t("NOTICE is hereby given that on ").x(neg("date")).t(" the court appointed ")
    titled(d, loc)
    d.t(", " if loc != "de" else " zum Verwalter des Nachlasses von ")
    if loc != "de":
        d.t("liquidateur de " if loc == "fr" else "as administrator of the estate of ")
    add_person(d, loc, "full")
    d.t(", " + ("zuletzt wohnhaft " if loc == "de" else "domicilié " if loc == "fr" else "late of "))
    addr_line(d, cc)
    d.t(". Claims to / Créances : ")
    mail(d, role=True, dom="ridgeway-law.com")
    d.t(" – IBAN ").e("iban", iban(cc)).t(" (ref. ").x(neg("order")).t(").\n")
    return d


def t_badge():  # conference badge (en / de)
    d = Doc().t("=== %s 2025 · Badge ===\n" % pick(["DevSummit", "MedTech Forum", "FinOps Days", "RustConf Europe"]))
    full = add_person(d, pick(LOCALES), "full", pick([None, None, "upper"]))
    d.t("\n").x(tc("job")).t(" @ ").x(tc("company")).t("\n")
    mail(d, full)
    d.t(" | ").e("url", url()).t("\nTrack: ").x(tc("course")).t(" · Room ").x(fill("AN.dd")).t("\n")
    return d


def t_airline():  # airline booking (en / it)
    it = chance(0.4)
    d = Doc().t("Conferma prenotazione " if it else "Booking confirmation ").x(fill("AAAAAA")).t("\n")
    for _ in range(R.randint(1, 3)):
        d.t("Passeggero: " if it else "Passenger: ")
        add_person(d, "it" if it else None, "sur", "upper")
        d.t("/")
        add_person(d, "it" if it else None, "given", "upper")
        d.t(pick([" MR", " MS", " MRS", ""]) + "  Seat ").x(fill("Nd") + pick("ACDF")).t("\n")
    d.t("Flight ").x(fill("AA dddd")).t(" departs ").x(neg("date")).t("\nContact: ").e("phone", phone("IT" if it else None))
    d.t(" / ")
    mail(d, invented() + " " + invented(True))
    d.t("\nPaid with card ").e("credit_card", card()).t(" – total ").x(neg("price")).t("\n")
    return d


def t_fraud():  # bank fraud alert (en / nl / pl)
    loc = pick(["en", "nl", "pl"])
    d = Doc()
    hdr = {"en": "Security alert: ", "nl": "Beveiligingsmelding: ", "pl": "Alert bezpieczeństwa: "}[loc]
    d.t(hdr + {"en": "Dear ", "nl": "Beste ", "pl": "Szanowny Panie "}[loc])
    add_person(d, loc, pick(["full", "given"]))
    d.t(", we blocked a payment of ").x(neg("price")).t(" on card ").e("credit_card", card())
    d.t(" from IP ").e("ip_address", ip()).t(" at ").x(neg("date")).t(". Not you? Call ")
    d.e("phone", phone({"en": "GB", "nl": "NL", "pl": "PL"}[loc])).t(" or visit ").e("url", url()).t(".\nRefund account: ")
    d.e("iban", iban({"en": "GB", "nl": "NL", "pl": "PL"}[loc])).t("\n")
    return d


# ---------------------------------------------------------------- templates with PII (2/3)
def t_review():  # customer review (en / es / de)
    loc = pick(["en", "es", "de"])
    d = Doc().t(pick(["★★★★★ ", "★★☆☆☆ ", "★★★★☆ "]))
    d.t({"en": "Bought the ", "es": "Compré el ", "de": "Habe den "}[loc]).x(tc("product")).t(" (order ").x(neg("order")).t("). ")
    d.t({"en": "Huge thanks to ", "es": "Gracias a ", "de": "Danke an "}[loc])
    add_person(d, loc, "given")
    d.t({"en": " at the desk, unlike ", "es": " en tienda; no como ", "de": " im Laden, anders als "}[loc])
    poss(d, loc) if loc == "en" else add_person(d, loc, "sur")
    d.t({"en": " team. Shop is at ", "es": ". Tienda: ", "de": ". Filiale: "}[loc])
    addr_line(d, {"en": "US", "es": "ES", "de": "DE"}[loc])
    if chance(0.6):
        d.t({"en": ". Refund went to my card ", "es": ". Reembolso a la tarjeta ", "de": ". Erstattung auf Karte "}[loc]).e("credit_card", card())
    d.t(".\n— ")
    add_person(d, loc, "full")
    d.t(", ").x(neg("date")).t("\n")
    return d


def t_dating():  # dating-app chat (casual, lower-case)
    loc = pick(["en", "sv", "it", "pt", "tr"])
    d = Doc().t("[match] ")
    a = add_person(d, loc, "given", "lower")
    d.t(": heyy i'm ")
    add_person(d, loc, "given", "lower")
    d.t(" btw lol. free ").x(pick(WEEKDAYS)).t("?\n[you]: yes!! text me ").e("phone", phone(pick(["US", "SE", "IT", "PT", "TR"])))
    d.t(" or insta ").e("url", "https://instagram.com/" + slug(a).replace(".", "_") + digits(2))
    d.t("\n[match]: cool, meet at ").x(tc("place")).t(" café, my flatmate ")
    add_person(d, loc, "full", "lower")
    d.t(" says hi 😄\n")
    return d


def t_recruit():  # recruitment pipeline (en)
    d = Doc().t("Pipeline – ").x(tc("job")).t(" (req ").x(neg("order")).t(")\n")
    for stage in R.sample(["Applied", "Phone screen", "Onsite", "Offer"], R.randint(2, 3)):
        d.t("- [%s] " % stage)
        full = add_person(d, None, "full")
        d.t(" <")
        mail(d, full)
        d.t(">, ").e("phone", phone()).t(", referred by ")
        add_person(d, "en", pick(["given", "full"]))
        d.t("\n")
    d.t("Offer payroll IBAN: ").e("iban", iban()).t(" · Recruiter: ")
    titled(d, "en")
    d.t("\n")
    return d


def t_git():  # git commit log with author lines
    d = Doc()
    for _ in range(R.randint(2, 3)):
        full, _, _ = person(None)
        d.t("commit ").x(fill("h" * 40)).t("\nAuthor: ").e("person", full).t(" <")
        mail(d, full)
        d.t(">\nDate:   ").x(pick(WEEKDAYS)[:3] + " " + pick(MONTHS)[:3] + " " + n(1, 28) + " 1" + n(0, 9) + ":" + n(10, 59) + ":00 2024 +0200")
        d.t("\n\n    " + pick(["Fix proxy fallback to ", "Pin staging host ", "Allow-list "])).e("ip_address", ip())
        d.t("\n\n    Co-authored-by: ")
        co, _, _ = person(None)
        d.e("person", co).t(" <")
        mail(d, co)
        d.t(">\n\n")
    return d


def t_calendar():  # calendar invite (ICS-like, en / de / fr)
    cc = pick(["DE", "FR", "US", "NL", "DK"])
    d = Doc().t("BEGIN:VEVENT\nSUMMARY:").x(tc("course")).t("\nDTSTART:").x(fill("2025" + "0Nd1T1d3000Z")).t("\nORGANIZER;CN=")
    o, _, _ = person(None)
    d.e("person", o).t(":mailto:")
    mail(d, o)
    for _ in range(R.randint(1, 2)):
        a, _, _ = person(None)
        d.t("\nATTENDEE;CN=").e("person", a).t(";RSVP=TRUE:mailto:")
        mail(d, a)
    d.t("\nLOCATION:")
    addr_line(d, cc, "\\, ")
    d.t("\nURL:").e("url", url()).t("\nDESCRIPTION:Dial-in ").e("phone", phone(cc)).t("\\nUID ").x(neg("uuid")).t("\nEND:VEVENT\n")
    return d


def t_yaml():  # YAML config with contacts
    d = Doc().t("service: billing-api\nversion: ").x(neg("version")).t("\nmaintainers:\n")
    for _ in range(R.randint(1, 2)):
        m, _, _ = person(None)
        d.t("  - name: \"").e("person", m).t("\"\n    email: ")
        mail(d, m)
        d.t("\n    phone: \"").e("phone", phone()).t("\"\n")
    d.t("oncall_email: ")
    mail(d, role=True)
    d.t("\nupstream: ").e("ip_address", ip()).t("\nhealthcheck: ").e("url", url()).t("\nlog_path: ").x(neg("path")).t("\ntheme: \"").x(neg("colour")).t("\"\n")
    return d


def t_toml():  # TOML config with owner block
    o, _, _ = person(None)
    d = Doc().t("[package]\nname = \"fieldnotes\"\nversion = \"").x(neg("version")).t("\"\n\n[owner]\nname = \"").e("person", o)
    d.t("\"\nemail = \"")
    mail(d, o)
    d.t("\"\npostal = \"")
    d.e("street_address", street(pick(ADDR_CC))).t("\"\n\n[server]\nbind = \"").e("ip_address", ip()).t("\"\nhomepage = \"").e("url", url())
    d.t("\"\nbuild_id = \"").x(neg("uuid")).t("\"\n")
    return d


def t_mdtable():  # Markdown contact table
    d = Doc().t("## On-site contacts – ").x(tc("dept")).t("\n\n| Name | Email | Phone | Office |\n|---|---|---|---|\n")
    for _ in range(R.randint(2, 4)):
        full, _, _ = person(None)
        cc = pick(ADDR_CC)
        d.t("| ").e("person", full).t(" | ")
        mail(d, full)
        d.t(" | ").e("phone", phone(cc)).t(" | ").e("street_address", street(cc)).t(" |\n")
    return d


# ---------------------------------------------------------------- templates with PII (3/3)
def t_chat():  # team chat thread with @mentions
    d = Doc().t("#ops-incidents\n")
    a, b = person(None)[0], person(None)[0]
    d.e("person", a).t(": @").e("person", b).t(" can you check ").e("ip_address", ip()).t("? errors since ").x(neg("date")).t("\n")
    d.e("person", b).t(": on it. dashboard ").e("url", url()).t(" (build ").x(neg("hash")).t(")\n")
    d.t(pick(["bot", "PagerBot"]) + ": paging @").e("person", person(None)[1]).t(" at ").e("phone", phone()).t("\n")
    return d


def t_forward():  # forwarded e-mail with signature (en / de / sv)
    loc, cc = pick([("en", "US"), ("de", "DE"), ("sv", "SE"), ("en", "IE"), ("de", "AT")])
    s, _, _ = person(loc)
    r, _, _ = person(None)
    d = Doc().t("---------- Forwarded message ---------\nFrom: ").e("person", s).t(" <")
    mail(d, s)
    d.t(">\nDate: ").x(neg("date")).t("\nTo: ").e("person", r).t(" <")
    mail(d, r)
    d.t(">\n\n" + {"en": "Hi ", "de": "Hallo ", "sv": "Hej "}[loc]).e("person", r.split()[0])
    d.t({"en": ", see the invoice below.", "de": ", anbei die Rechnung.", "sv": ", se fakturan nedan."}[loc])
    d.t(" IBAN: ").e("iban", iban(cc if cc in IBAN_SPEC else "DE")).t("\n\n-- \n").e("person", s).t("\n").x(tc("job")).t(", ").x(tc("company")).t("\n")
    addr_line(d, cc)
    d.t("\nTel: ").e("phone", phone(cc)).t(pick(["", " ext. " + n(10, 99), " Durchwahl -" + n(10, 99)])).t("\n").e("url", url()).t("\n")
    return d


def t_hotel():  # hotel reservation (it / es / fr)
    loc, cc = pick([("it", "IT"), ("es", "ES"), ("fr", "FR"), ("pt", "PT")])
    d = Doc().t({"it": "Prenotazione", "es": "Reserva", "fr": "Réservation", "pt": "Reserva"}[loc] + " n. ").x(neg("order")).t("\nOspite/Guest: ")
    titled(d, loc)
    d.t("\nCheck-in: ").x(neg("date")).t(" – ").x(pick(WEEKDAYS)).t("\nCarta/Card: ").e("credit_card", card()).t(" exp ").x(fill("0N/2N"))
    d.t("\nTel. ").e("phone", phone(cc)).t("\nIndirizzo/Address: ")
    addr_line(d, cc)
    d.t("\nBooked from ").e("ip_address", ip()).t("\n")
    return d


def t_helpdesk():  # IT helpdesk ticket (en / sv)
    d = Doc().t("Ticket ").x(neg("order")).t(" — laptop ").x(neg("product")).t(" cannot reach VPN\nReporter: ")
    full = add_person(d, pick(["en", "sv", "fi", "no"]), "full")
    d.t(" (")
    mail(d, full)
    d.t(")\nClient IP: ").e("ip_address", ipv4()).t(" / ").e("ip_address", ipv6()).t("\nMAC: ").x(neg("mac")).t("\nAssigned: ")
    add_person(d, "en", "given")
    d.t(" from ").x(tc("dept")).t("\n")
    return d


def t_invoice():  # invoice / donation receipt (de / nl / da / fi)
    loc, cc = pick([("de", "DE"), ("nl", "NL"), ("da", "DK"), ("fi", "FI"), ("de", "CH"), ("nl", "BE")])
    H = {"de": ("Rechnung", "Empfänger", "Bitte überweisen an"), "nl": ("Factuur", "Aan", "Gelieve over te maken op"),
         "da": ("Faktura", "Til", "Betal til"), "fi": ("Lasku", "Vastaanottaja", "Maksu tilille")}[loc]
    d = Doc().t(H[0] + " ").x(neg("order")).t(" – ").x(neg("date")).t("\n" + H[1] + ": ")
    add_person(d, loc, "full")
    d.t("\n")
    addr_line(d, cc, "\n")
    d.t("\n" + {"de": "Betrag", "nl": "Bedrag", "da": "Beløb", "fi": "Summa"}[loc] + ": ").x(neg("price")).t(" (").x(neg("percent")).t(")\n" + H[2] + ": ").e("iban", iban(cc)).t("\n")
    return d


def t_rental():  # rental application form, ALL-CAPS surnames (en / fr)
    fr = chance(0.4)
    loc, cc = ("fr", pick(["FR", "BE", "CH"])) if fr else ("en", pick(["US", "GB", "CA", "AU"]))
    full, g, s = person(loc)
    d = Doc().t("NOM : " if fr else "SURNAME: ").e("person", s.upper()).t("\nPrénom : " if fr else "\nFirst name: ").e("person", g)
    d.t("\nAdresse actuelle : " if fr else "\nCurrent address: ").e("street_address", street(cc)).t("\n")
    d.t("Adresse précédente : " if fr else "Previous address: ")
    addr_line(d, pick(ADDR_CC))
    d.t("\nEmployeur : " if fr else "\nEmployer: ").x(tc("company")).t("\nCarte (caution) : " if fr else "\nCard for deposit: ").e("credit_card", card())
    d.t("\nRéférence : " if fr else "\nReference: ")
    titled(d, loc)
    d.t(", ").e("phone", phone(cc)).t("\n")
    return d


def t_claim():  # insurance claim (pt / pl / cs)
    loc, cc = pick([("pt", "PT"), ("pl", "PL"), ("cs", "CZ"), ("pt", "BR")])
    H = {"pt": ("Participação de sinistro", "Segurado", "Morada", "Testemunha"),
         "pl": ("Zgłoszenie szkody", "Ubezpieczony", "Adres", "Świadek"),
         "cs": ("Hlášení pojistné události", "Pojištěný", "Adresa", "Svědek")}[loc]
    d = Doc().t(H[0] + " ").x(neg("order")).t("\n" + H[1] + ": ")
    full = add_person(d, loc, "full")
    d.t("\n" + H[2] + ": ")
    addr_line(d, cc)
    d.t("\nE-mail: ")
    mail(d, full)
    d.t("\n" + H[3] + ": ")
    add_person(d, loc, "full")
    d.t(", tel. ").e("phone", phone(cc)).t("\nIBAN: ").e("iban", iban("PT" if cc == "BR" else cc)).t("\nGPS: ").x(neg("coords")).t("\n")
    return d


def t_rsvp():  # casual party RSVP chat (en / nl / no)
    d = Doc().t("group chat 🎉\n")
    add_person(d, pick(["en", "nl", "no"]), "given", "lower")
    d.t(": party at ")
    poss(d, "en")
    d.t(" saturday! address is ").e("street_address", street(pick(["US", "NL", "NO", "AU", "GB"]))).t("\n")
    add_person(d, None, "given", "lower")
    d.t(": yay, bringing ")
    add_person(d, None, "given", "lower")
    d.t(" + dessert. ping me on ").e("phone", phone()).t("\n")
    return d


def t_accesslog():  # web server access log with login e-mails
    d = Doc()
    for _ in range(R.randint(2, 4)):
        d.e("ip_address", ip()).t(" - - [").x(fill("1d/") + pick(MONTHS)[:3] + fill("/2025:1d:dd:dd +0000")).t("] \"POST /login?user=")
        mail(d, person(None)[0])
        d.t(" HTTP/1.1\" " + pick(["200", "401", "302"]) + " " + n(200, 9000) + "\n")
    return d


def t_trorder():  # Turkish e-commerce order confirmation
    d = Doc().t("Siparişiniz alındı! Sipariş no: ").x(neg("order")).t("\nSayın ")
    full = add_person(d, "tr", "full")
    d.t(",\nTeslimat adresi: ")
    addr_line(d, "TR")
    d.t("\nKart: ").e("credit_card", card()).t("  Tutar: ").x(fill("Ndd,90 TL")).t("\nİletişim: ").e("phone", phone("TR")).t(" / ")
    mail(d, full)
    d.t("\nİade IBAN: ").e("iban", iban("TR")).t("\n")
    return d


def t_nordic():  # housing association notice (sv / no / da / fi)
    loc, cc = pick([("sv", "SE"), ("no", "NO"), ("da", "DK"), ("fi", "FI")])
    H = {"sv": ("Meddelande från styrelsen", "Kontakt", "Avgift till", "Vattnet stängs av "),
         "no": ("Melding fra styret", "Kontakt", "Felleskostnader til", "Vannet stenges "),
         "da": ("Besked fra bestyrelsen", "Kontakt", "Husleje til", "Vandet lukkes "),
         "fi": ("Hallituksen tiedote", "Yhteyshenkilö", "Vastike tilille", "Vesi katkaistaan ")}[loc]
    d = Doc().t(H[0] + " – ")
    addr_line(d, cc)
    d.t("\n" + H[3]).x(neg("date")).t(". " + H[1] + ": ")
    full = add_person(d, loc, "full")
    d.t(", ").e("phone", phone(cc)).t(", ")
    mail(d, full)
    d.t(".\n" + H[2] + " ").e("iban", iban(cc)).t(" · ").e("url", url()).t("\n")
    return d


def t_support():  # Spanish / Portuguese support chat
    es = chance(0.6)
    d = Doc().t("Agente ")
    add_person(d, "es" if es else "pt", "given")
    d.t(": ¡Hola! ¿Me confirma su nombre?\nCliente: soy " if es else ": Olá! Pode confirmar o seu nome?\nCliente: sou ")
    full = add_person(d, "es" if es else "pt", "full")
    d.t(", pedido ").x(neg("order")).t(". La tarjeta es " if es else ". O cartão é ").e("credit_card", card())
    d.t("\nAgente: Gracias, enviaremos a " if es else "\nAgente: Obrigado, enviaremos para ")
    addr_line(d, pick(["ES", "MX"]) if es else pick(["PT", "BR"]))
    d.t(" y copia a " if es else " e cópia para ")
    mail(d, full)
    d.t(".\n")
    return d


# ---------------------------------------------------------------- negative-only templates
NEG_FORMS = [
    ("Release notes", [("Version", "version"), ("Commit", "hash"), ("Released", "date"), ("Coverage", "percent"), ("Artifact", "path")]),
    ("Shipment update", [("Tracking", "tracking"), ("Destination postcode", "postcode"), ("Weight", "measure"), ("Delivery", "weekday"), ("ETA", "date")]),
    ("Library catalogue", [("ISBN", "isbn"), ("Title", "title"), ("Price", "price"), ("Shelf", "product"), ("Course", "course")]),
    ("Produktdatenblatt", [("Modell", "product"), ("Marke", "brand"), ("Farbe", "colour"), ("Höhe", "measure"), ("Preis", "price")]),
    ("Network inventory", [("Device", "product"), ("MAC", "mac"), ("Asset UUID", "uuid"), ("Firmware", "version"), ("Config", "path")]),
    ("Quarterly summary", [("Company", "company"), ("Growth", "percent"), ("Revenue", "price"), ("Ref no", "badcard"), ("Month", "month")]),
    ("Fiche voyage", [("Lieu", "place"), ("Coordonnées", "coords"), ("Mois", "month"), ("Départ", "date"), ("Billet", "order")]),
    ("Org chart update", [("Role", "job"), ("Department", "dept"), ("Starts", "weekday"), ("Budget", "price"), ("Ticket", "order")]),
    ("Ficha técnica", [("Producto", "product"), ("Marca", "brand"), ("Peso", "measure"), ("Garantía", "percent"), ("Lote", "uuid")]),
    ("Zamówienie hurtowe", [("Numer", "order"), ("Kod pocztowy", "postcode"), ("Cena", "price"), ("Termin", "date"), ("Firma", "company")]),
]
NEG_SENT = [
    "Card number {badcard} was rejected as invalid; retry before {weekday}.",
    "Meet at {place} on {weekday}; the {title} screening starts {date}.",
    "{company} moved {product} to {dept}; see {path} (rev {hash}).",
    "Payment of {price} ({percent} discount) for order {order} ships via {tracking}.",
    "The {job} role in {dept} opens in {month}; contact {company} {dept}.",
    "Sensor {mac} at {coords} logged {measure} – run {uuid}, build {version}.",
    "Pick-up point {postcode}, locker {order}; buy {brand} {product} for {price}.",
    "Reading list for {course}: ISBN {isbn}, plus {title}.",
]
KIND_MAP = {"weekday": lambda: tc("weekday"), "month": lambda: tc("month")}
for _k in TITLECASE:
    KIND_MAP[_k] = (lambda k: (lambda: tc(k)))(_k)


def negval(kind):
    return KIND_MAP[kind]() if kind in KIND_MAP else neg(kind)


def fill_sentence(d, tmpl):
    for i, chunk in enumerate(tmpl.replace("}", "{").split("{")):
        if i % 2:
            d.x(negval(chunk))
        else:
            d.t(chunk)


def t_negative():
    d = Doc()
    if chance(0.5):
        title, rows = pick(NEG_FORMS)
        d.t(title + "\n")
        for label, kind in rows:
            d.t(label + ": ").x(negval(kind)).t("\n")
        if chance(0.5):
            fill_sentence(d, pick(NEG_SENT))
            d.t("\n")
    else:
        for tmpl in R.sample(NEG_SENT, R.randint(2, 3)):
            fill_sentence(d, tmpl)
            d.t(" ")
    return d


# ---------------------------------------------------------------- main
TEMPLATES = [t_voice, t_medical, t_school, t_listing, t_legal, t_badge, t_airline, t_fraud, t_review,
             t_dating, t_recruit, t_git, t_calendar, t_yaml, t_toml, t_mdtable, t_chat, t_forward,
             t_hotel, t_helpdesk, t_invoice, t_rental, t_claim, t_rsvp, t_accesslog, t_trorder,
             t_nordic, t_support]
TYPES = ["email", "phone", "credit_card", "iban", "ip_address", "url", "person", "street_address"]
MIN = dict({t: 80 for t in TYPES}, person=400, street_address=150)


def check(item):
    b = item["text"].encode("utf-8")
    last = 0
    for e in sorted(item["entities"], key=lambda e: e["start"]):
        assert b[e["start"]:e["end"]].decode("utf-8") == e["value"], (item["id"], e)
        assert e["start"] >= last, ("overlap", item["id"], e)
        assert e["value"] == e["value"].strip() and e["value"], (item["id"], e)
        last = e["end"]
    for v in item["negatives"]:
        assert v in item["text"], (item["id"], v)


def main():
    pos, cnt = [], {t: 0 for t in TYPES}
    i = 0
    while len(pos) < 380 or any(cnt[t] < MIN[t] for t in TYPES):
        d = TEMPLATES[i % len(TEMPLATES)]() if i < 380 else pick(TEMPLATES)()
        i += 1
        for e in d.ents:
            cnt[e["type"]] += 1
        pos.append(d)
        assert i < 1000, cnt
    negs = [t_negative() for _ in range(140)]
    docs = pos + negs
    R.shuffle(docs)
    nneg = 0
    with open(OUT, "w", encoding="utf-8") as f:
        for k, d in enumerate(docs, 1):
            item = {"id": "fifth-%05d" % k, "text": d.text(), "entities": d.ents, "negatives": d.negs}
            check(item)
            nneg += len(d.negs)
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print("wrote %s" % OUT)
    print("items: %d (with entities: %d, negative-only: %d)" % (len(docs), len(pos), len(negs)))
    print("entities: %d" % sum(cnt.values()))
    for t in TYPES:
        print("  %-15s %d" % (t, cnt[t]))
    print("negatives listed: %d" % nneg)
    print("templates: %d with PII + negative-only" % len(TEMPLATES))


if __name__ == "__main__":
    main()
