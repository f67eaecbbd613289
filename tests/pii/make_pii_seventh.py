#!/usr/bin/env python3
"""Generator for tests/pii/pii-seventh.jsonl -- the seventh, independent PII test set.

Run:   cd /work/main && python3 tests/pii/make_pii_seventh.py

Python 3 standard library only.  Deterministic: random.Random(SEED), SEED = 1618033.
Each output line is
  {"id": "seventh-00001", "text": ..., "entities": [{"type", "value", "start", "end"}], "negatives": [...]}
start/end are BYTE offsets into the UTF-8 encoded text
(text.encode()[start:end].decode() == value).  Labels come from construction: every
entity is appended to the text as its own piece, so its offsets are known exactly.

Span conventions
  email           the address only (role addresses like info@/admissions@ too); no
                  "mailto:", no surrounding <> or quotes.
  phone           from "+", "(" or the first digit up to the last digit; extensions
                  ("ext. 12", "x204", "poste 31", "wew. 4", "int. 7") stay outside.
  credit_card     Luhn-valid, real prefixes: Visa 4, Mastercard 51-55 and 2221-2720, Amex 34/37, Discover 6011/644-649/65, JCB 3528-3589, Diners 36/38;
                  plain, spaced or hyphenated (Amex 4-6-5, Diners 4-6-4).
  iban            mod-97 valid with the right national length; compact or in fours.
  ip_address      IPv4 and IPv6 (full, compressed, ::1, fe80::...); ports and the
                  brackets of "[v6]:port" are outside.
  url             starts at http(s):// or www.; trailing sentence punctuation, quotes
                  and closing brackets are outside.
  person          the name only.  Titles (Mr, Dr., Frau, Mme, Sra., Pan, dhr., Bey, Hanım ...) and possessive endings ('s, Swedish -s, Turkish 'nin) are
                  outside; a full name incl. particles, hyphens, apostrophes and middle
                  initials is ONE span; a given name or a surname alone is a span too.
                  ~20 % invented names; casual chats have lower-case names; forms have
                  ALL-CAPS surnames.
  street_address  the street line incl. the street-type word and any flat/unit/floor
                  on the same line; postcode, city and country are outside.
Hard negatives (never labelled: order numbers, tracking numbers, ISBNs, dates, versions,
hashes, UUIDs, Luhn-invalid 16-digit numbers, prices, postcodes, model codes, Title-Case
non-names, paths, colours, MAC addresses, coordinates ...) are listed in "negatives".
"""
import json
import os
import random
import re
import sys
import unicodedata
import uuid

SEED = 1618033
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "pii-seventh.jsonl")

def D(n): return "".join(R.choice("0123456789") for _ in range(n))
def NZ(n): return R.choice("123456789") + D(n - 1)
def pick(seq): return R.choice(seq)
def chance(p): return R.random() < p

TOK = re.compile(r"\{([a-z][a-z_0-9]*)\}")

class B:
    """Text builder that records byte offsets of entities while appending."""
    def __init__(self, tpl, lang):
        self.parts, self.pos, self.ents, self.negs, self.tpl, self.lang = [], 0, [], [], tpl, lang

    def t(self, s):
        self.parts.append(s)
        self.pos += len(s.encode("utf-8"))
        return self

    def put(self, v):  # str: plain text; list: several pieces; ("E", type, value); ("N", neg); ("L", locality, postcode)
        if isinstance(v, (str, list)):
            return self.t(v) if isinstance(v, str) else [self.put(x) for x in v] and self
        start = self.pos
        self.t(v[2] if v[0] == "E" else v[1])
        if v[0] == "E":
            self.ents.append({"type": v[1], "value": v[2], "start": start, "end": self.pos})
        else:
            self.negs.append(v[1] if v[0] == "N" else v[2])
        return self

    def f(self, tpl, **kw):
        i = 0
        for m in TOK.finditer(tpl):
            self.t(tpl[i:m.start()]).put(kw[m.group(1)])
            i = m.end()
        return self.t(tpl[i:])

    def text(self): return "".join(self.parts)

def E(t, v): return ("E", t, v)
def P(v): return E("person", v)
def EM(v): return E("email", v)
def PH(v): return E("phone", v)
def CC(v): return E("credit_card", v)
def IB(v): return E("iban", v)
def IP(v): return E("ip_address", v)
def U(v): return E("url", v)
def A(v): return E("street_address", v)
def N(v): return ("N", v)

# ----------------------------------------------------------------------------- names
def _p(g, s): return (g.split("|"), s.split("|"))

NAMES = {
    "en": _p("James|Olivia|Liam|Emma|Noah|Ava|Ethan|Sophia|Mason|Isabella|Harper|Amelia|Oliver|Grace|"
             "Jack|Chloe|Mary-Kate|Declan|Aoife|Niamh|Ciarán|Siobhán|Seán|Tyrone|Keisha|Zoë|Rhys|Bronwyn",
             "Smith|Johnson|Williams|Brown|Jones|Miller|Davis|O'Brien|McAllister|Fitzgerald|Ó Briain|"
             "Nakamura-Reid|Thompson|Whitfield|Harrington|Okafor|Patel|MacLeod|St. Clair|D'Souza|Armstrong-Jones|Kowalczyk|Llewellyn|Abernathy"),
    "de": _p("Jürgen|Lena|Lukas|Hannah|Maximilian|Sophie|Felix|Marie|Jörg|Björn|Käthe|Uwe|Annegret|Bärbel|Matthias|Hans-Peter|Anna-Lena|Dörte|Till|Friederike",
             "Müller|Schmidt|Schneider|Fischer|Weiß|Köhler|Schröder|Groß|Hoffmann|Meyer-Lüdenscheidt|"
             "von Ahlefeldt|Zimmermann|Brückner|Gößling|zu Salm|Öztürk|Nußbaumer|Krämer"),
    "fr": _p("Élodie|Mathéo|Chloé|Léa|Théo|Gaëlle|Jérôme|Hélène|François|Zoé|Anaïs|Noël|Benoît|Camille|"
             "Jean-Luc|Marie-Claire|Aurélien|Ségolène", "Lefèvre|Dubois|Moreau|Lemaître|Rousseau|Girard|de La Fontaine|Bérenger|Fournier|Chevalier|"
             "d'Aubigné|Le Goff|Pérez-Laurent|Desrosiers|Mbappé|Thibault"),
    "es": _p("José|María|Lucía|Álvaro|Nuria|Íñigo|Begoña|Martín|Sofía|Alejandro|Paloma|Jesús|Guadalupe|"
             "Ximena|Ana-María|Maite", "García|Fernández|Núñez|Martínez|de la Cruz|Ibáñez|Muñoz|Gutiérrez|Peña|Sánchez-Vicario|"
             "Ortega|del Río|Castañeda|Echeverría|Zubizarreta"),
    "pt": _p("João|Inês|Gonçalo|Conceição|Luís|Beatriz|Tomás|Mariana|Thiago|Júlia|Antônio|Letícia|Raí",
             "Gonçalves|Pereira|Araújo|Magalhães|da Silva|dos Santos|Simões|Brandão|Assunção|Falcão|Sá Carneiro|Albuquerque"),
    "it": _p("Niccolò|Giulia|Matteo|Chiara|Lorenzo|Francesca|Andrea|Sofia|Pietro|Ilaria|Gianluca|Ludovica",
             "Rossi|D'Alessandro|Bianchi|Esposito|Ferrari|Romano|De Luca|Colombo|Lo Russo|Galli|Fabbri|Dell'Acqua|Santoro"),
    "nl": _p("Sjoerd|Femke|Daan|Anouk|Bram|Lotte|Joost|Maartje|Thijs|Eline|Jan-Willem|Floor",
             "van der Meulen|de Vries|Jansen|Bakker|van den Berg|Visser|Smit|de Jong|van Dijk|Mulder|Hendriks|Van 't Hek|Bosch-Verhoeven"),
    "pl": _p("Łukasz|Małgorzata|Wojciech|Agnieszka|Paweł|Zofia|Grzegorz|Katarzyna|Michał|Bożena|Jędrzej",
             "Wąsowski|Kowalska|Nowak|Wiśniewski|Dąbrowska|Lewandowski|Zieliński|Szymańska|Woźniak|Kamińska|Brzęczyszczykiewicz|Nowak-Jeziorańska"),
    "cs": _p("Jiří|Tereza|Tomáš|Kateřina|Ondřej|Lucie|Petr|Markéta", "Dvořák|Nováková|Svoboda|Černý|Procházková|Kučera|Veselá|Šťastný"),
    "nord": _p("Åsa|Björn|Linnéa|Sören|Ingrid|Magnus|Sigrid|Øystein|Mette|Søren|Aino|Jukka|Päivi|Ragnhild",
               "Sjöström|Lindqvist|Åkesson|Bergström|Halvorsen|Ødegaard|Kierkegård|Nørgaard|Virtanen|Mäkinen|Järvinen|Ekström|Løvås"),
    "hu": _p("Zsófia|Bence|Réka|Levente|Dóra|Gergő|Ildikó", "Szőke|Nagy|Kovács|Tóth|Horváth|Szabó|Fülöp"),
    "ro": _p("Ștefan|Ioana|Andrei|Mihaela|Răzvan|Oana", "Țăranu|Popescu|Ionescu|Dumitrescu|Constantinescu|Stănescu"),
    "tr": _p("Çağla|Emre|Ayşe|Mehmet|Gökhan|Şule|Oğuz|Elif|Barış|İlker", "Öztürk|Yılmaz|Kaya|Şahin|Çelik|Doğan|Aydın|Güneş|Karaoğlu"),
    "hr": _p("Ivana|Luka|Marija|Matej|Dražen|Željka", "Kovačić|Horvat|Babić|Marić|Jurić|Perišić"),
    "in": _p("Priya|Arjun|Ananya|Rohan|Kavya|Vikram|Sai Krishna", "Sharma|Iyer|Reddy|Nair|Chatterjee|Venkataraman"),
    "vi": _p("Thị Hương|Văn Đức|Minh Anh|Thu Trang|Quốc Bảo", "Nguyễn|Trần|Lê|Phạm|Võ"),
    "lt": _p("Žygimantas|Rūta|Gintarė|Mindaugas", "Kazlauskas|Petrauskienė|Žukauskaitė|Jankūnas"),
    "is": _p("Sigurður|Guðrún|Þóra|Ragnar", "Þórsson|Jónsdóttir|Guðmundsson|Ólafsdóttir"),
}
SYL = ["ka", "lo", "vi", "ren", "da", "mir", "tho", "zel", "an", "bri", "sor", "el", "ya", "quin",
       "ver", "tal", "os", "ny", "pe", "dru", "lé", "vö", "ña", "ří", "ul", "fen", "ga", "ith", "zu"]
SUF = ["son", "ova", "ez", "ard", "ski", "elli", "ström", "escu", "ić", "ien", "mann", "oğlu", "sen", ""]
STATS = {"invented": 0, "names": 0}

class Pn:
    def __init__(self, g, s, full, inv):
        self.g, self.s, self.full, self.inv = g, s, full, inv

def _cap(s): return s[0].upper() + s[1:]

def person(lang, mid=0.12):
    if lang == "intl":
        lang = pick(list(NAMES))
    inv = chance(0.2)
    STATS["names"] += 1
    if inv:
        STATS["invented"] += 1
        g = _cap(pick(SYL) + pick(SYL) + pick(["a", "o", "en", "is", ""]))
        s = _cap(pick(SYL) + pick(SYL) + pick(SUF))
    else:
        g, s = pick(NAMES[lang][0]), pick(NAMES[lang][1])
    if lang == "vi" and not inv:
        return Pn(g.split()[-1], s, f"{s} {g}", inv)
    if lang == "hu":
        return Pn(g, s, f"{s} {g}", inv)
    m = pick("ABCDEFGHJKLMNPRSTW") + ". " if lang in ("en", "de", "nl", "nord") and chance(mid) else ""
    return Pn(g, s, f"{g} {m}{s}", inv)

CLANG = {"US": "en", "UK": "en", "IE": "en", "CA": "en", "AU": "en", "NZ": "en", "IN": "in",
         "DE": "de", "AT": "de", "CH": "de", "FR": "fr", "BE": "fr", "NL": "nl", "ES": "es",
         "MX": "es", "PT": "pt", "BR": "pt", "IT": "it", "PL": "pl", "CZ": "cs", "SE": "nord",
         "NO": "nord", "DK": "nord", "FI": "nord", "HU": "hu", "RO": "ro", "TR": "tr", "HR": "hr"}
ALLC = list(CLANG)
COUNTRY_EN = {"US": "USA", "UK": "United Kingdom", "IE": "Ireland", "CA": "Canada", "AU": "Australia",
              "NZ": "New Zealand", "IN": "India", "DE": "Germany", "AT": "Austria", "CH": "Switzerland",
              "FR": "France", "BE": "Belgium", "NL": "Netherlands", "ES": "Spain", "MX": "Mexico",
              "PT": "Portugal", "BR": "Brazil", "IT": "Italy", "PL": "Poland", "CZ": "Czechia",
              "SE": "Sweden", "NO": "Norway", "DK": "Denmark", "FI": "Finland", "HU": "Hungary", "RO": "Romania", "TR": "Türkiye", "HR": "Croatia"}

# ----------------------------------------------------------------------------- email
_TRMAP = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "ı": "i", "œ": "oe"})

def asc(s):
    s = unicodedata.normalize("NFKD", s.translate(_TRMAP))
    return "".join(c for c in s if c.isascii() and c.isalnum()).lower()

FREEMAIL = {"en": ["gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "hotmail.com", "proton.me"],
            "de": ["web.de", "gmx.de", "t-online.de", "posteo.de", "gmx.at", "bluewin.ch"],
            "fr": ["orange.fr", "free.fr", "laposte.net", "gmail.com", "skynet.be"],
            "es": ["hotmail.es", "gmail.com", "telefonica.net", "prodigy.net.mx"], "pt": ["sapo.pt", "uol.com.br", "gmail.com", "bol.com.br"],
            "it": ["libero.it", "virgilio.it", "gmail.com", "tiscali.it"], "nl": ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl"],
            "pl": ["wp.pl", "o2.pl", "onet.pl", "interia.pl"], "cs": ["seznam.cz", "email.cz"],
            "nord": ["telia.se", "online.no", "gmail.com", "hotmail.se", "elisanet.fi", "mail.dk"],
            "hu": ["freemail.hu", "citromail.hu"], "ro": ["yahoo.ro", "gmail.com"],
            "tr": ["hotmail.com.tr", "yandex.com.tr", "gmail.com"], "hr": ["net.hr", "t-com.hr"], "in": ["rediffmail.com", "gmail.com", "yahoo.co.in"]}

def pemail(p, lang="en", domain=None):
    g, s = asc(p.g) or "x", asc(p.s) or "y"
    local = pick([f"{g}.{s}", f"{g[0]}{s}", f"{g}{s}{D(2)}", f"{s}.{g[0]}", f"{g}_{s}", f"{g}.{s[0]}"])
    return f"{local}@{domain or pick(FREEMAIL.get(lang, FREEMAIL['en']))}"

def role(domain, names=("info", "support", "billing", "contact", "hello")): return f"{pick(list(names))}@{domain}"

def url(host, paths=("",), www=0.4):
    path = pick(list(paths))
    path = path.replace("#", D(5))
    h = host if not chance(www) else "www." + host
    if h.startswith("www.") and chance(0.4):
        return f"{h}/{path}".rstrip("/") if path else h
    u = f"{pick(['https://', 'https://', 'https://', 'http://'])}{h}/{path}"
    if chance(0.15):
        u += f"?utm_source={pick(['newsletter', 'sms', 'email'])}&utm_campaign=spring{D(2)}"
    return u

# ----------------------------------------------------------------------------- phones
def _ac(): return str(R.randint(201, 989))
def _fr(): return " ".join(D(2) for _ in range(4))

PHONES = {
    "US": [lambda: f"+1 ({_ac()}) 555-{D(4)}", lambda: f"({_ac()}) {_ac()}-{D(4)}",
           lambda: f"{_ac()}-{_ac()}-{D(4)}", lambda: f"{_ac()}.{_ac()}.{D(4)}", lambda: f"+1 {_ac()} {_ac()} {D(4)}"],
    "UK": [lambda: f"+44 20 7{D(3)} {D(4)}", lambda: f"020 7{D(3)} {D(4)}", lambda: f"07{NZ(3)} {D(6)}",
           lambda: f"+44 7{NZ(3)} {D(6)}", lambda: f"0161 {NZ(3)} {D(4)}", lambda: f"+44 (0)131 {NZ(3)} {D(4)}"],
    "IE": [lambda: f"+353 1 {NZ(3)} {D(4)}", lambda: f"087 {NZ(3)} {D(4)}", lambda: f"+353 86 {NZ(3)} {D(4)}"],
    "DE": [lambda: f"+49 30 {NZ(8)}", lambda: f"030 {NZ(4)} {D(4)}", lambda: f"+49 (0)89 {NZ(3)} {D(4)}",
           lambda: f"0151 {NZ(8)}", lambda: f"+49 171 {NZ(7)}", lambda: f"0221/{NZ(6)}", lambda: f"040-{NZ(6)}-{D(2)}"],
    "AT": [lambda: f"+43 1 {NZ(3)} {D(4)}", lambda: f"0664 {NZ(7)}", lambda: f"+43 664 {NZ(3)} {D(4)}"],
    "CH": [lambda: f"+41 44 {NZ(3)} {D(2)} {D(2)}", lambda: f"079 {NZ(3)} {D(2)} {D(2)}", lambda: f"+41 (0)31 {NZ(3)} {D(2)} {D(2)}"],
    "FR": [lambda: f"+33 1 {_fr()}", lambda: f"06 {_fr()}", lambda: f"01.{D(2)}.{D(2)}.{D(2)}.{D(2)}", lambda: f"+33 (0)6 {_fr()}", lambda: f"07 {_fr()}"],
    "BE": [lambda: f"+32 2 {NZ(3)} {D(2)} {D(2)}", lambda: f"0475 {D(2)} {D(2)} {D(2)}", lambda: f"+32 475/{D(2)}.{D(2)}.{D(2)}"],
    "NL": [lambda: f"+31 20 {NZ(3)} {D(4)}", lambda: f"06-{NZ(8)}", lambda: f"020-{NZ(7)}", lambda: f"+31 6 {NZ(4)} {D(4)}"],
    "ES": [lambda: f"+34 91{D(1)} {D(3)} {D(3)}", lambda: f"6{D(2)} {D(2)} {D(2)} {D(2)}", lambda: f"+34 6{D(2)} {D(3)} {D(3)}", lambda: f"93 {D(3)} {D(2)} {D(2)}"],
    "MX": [lambda: f"+52 55 {NZ(4)} {D(4)}", lambda: f"55 {NZ(4)} {D(4)}", lambda: f"+52 1 33 {NZ(4)} {D(4)}"],
    "PT": [lambda: f"+351 21 {NZ(3)} {D(4)}", lambda: f"91{D(1)} {D(3)} {D(3)}", lambda: f"+351 93 {D(3)} {D(4)}"],
    "BR": [lambda: f"+55 11 9{D(4)}-{D(4)}", lambda: f"(11) 9{D(4)}-{D(4)}", lambda: f"(21) {NZ(4)}-{D(4)}", lambda: f"+55 (41) 9{D(4)}-{D(4)}"],
    "IT": [lambda: f"+39 06 {NZ(4)} {D(4)}", lambda: f"3{D(2)} {D(3)} {D(4)}", lambda: f"+39 02 {NZ(8)}", lambda: f"+39 347 {D(3)} {D(4)}"],
    "PL": [lambda: f"+48 22 {NZ(3)} {D(2)} {D(2)}", lambda: f"{pick('5678')}{D(2)} {D(3)} {D(3)}", lambda: f"+48 {pick('5678')}{D(2)}-{D(3)}-{D(3)}"],
    "CZ": [lambda: f"+420 {pick('67')}{D(2)} {D(3)} {D(3)}", lambda: f"{pick('67')}{D(2)} {D(3)} {D(3)}"],
    "SE": [lambda: f"+46 8 {NZ(3)} {D(3)} {D(2)}", lambda: f"07{pick('0236')}-{D(3)} {D(2)} {D(2)}", lambda: f"+46 70 {NZ(3)} {D(2)} {D(2)}"],
    "NO": [lambda: f"+47 {pick('49')}{D(2)} {D(2)} {D(3)}", lambda: f"22 {D(2)} {D(2)} {D(2)}"],
    "DK": [lambda: f"+45 {NZ(2)} {D(2)} {D(2)} {D(2)}", lambda: f"{NZ(2)} {D(2)} {D(2)} {D(2)}"],
    "FI": [lambda: f"+358 40 {NZ(3)} {D(4)}", lambda: f"040 {NZ(3)} {D(4)}", lambda: f"09 {NZ(3)} {D(4)}"],
    "HU": [lambda: f"+36 1 {NZ(3)} {D(4)}", lambda: f"+36 30 {NZ(3)} {D(4)}", lambda: f"06 20 {NZ(3)} {D(4)}"],
    "RO": [lambda: f"+40 7{D(2)} {D(3)} {D(3)}", lambda: f"07{D(2)} {D(3)} {D(3)}", lambda: f"021 {NZ(3)} {D(2)} {D(2)}"],
    "TR": [lambda: f"+90 212 {NZ(3)} {D(2)} {D(2)}", lambda: f"0532 {NZ(3)} {D(2)} {D(2)}", lambda: f"+90 (5{D(2)}) {NZ(3)} {D(2)} {D(2)}"],
    "HR": [lambda: f"+385 1 {NZ(3)} {D(4)}", lambda: f"091 {NZ(3)} {D(4)}", lambda: f"+385 98 {NZ(3)} {D(3)}"],
    "AU": [lambda: f"+61 2 {NZ(4)} {D(4)}", lambda: f"04{D(2)} {D(3)} {D(3)}", lambda: f"(02) {NZ(4)} {D(4)}", lambda: f"+61 4{D(2)} {D(3)} {D(3)}"],
    "NZ": [lambda: f"+64 9 {NZ(3)} {D(4)}", lambda: f"021 {NZ(3)} {D(4)}", lambda: f"(04) {NZ(3)} {D(4)}"],
    "IN": [lambda: f"+91 {pick('9876')}{D(4)} {D(5)}", lambda: f"+91 80 {NZ(4)} {D(4)}", lambda: f"0{pick('9876')}{D(4)} {D(5)}"],
}
PHONES["CA"] = PHONES["US"]
EXT = {"en": ["ext. ", "x", "ext "], "fr": ["poste "], "pl": ["wew. "], "it": ["int. "], "es": ["ext. "],
       "de": ["Durchwahl "], "pt": ["ramal "], "nl": ["toestel "], "nord": ["ankn. "], "tr": ["dahili "]}

def phone(cc): return pick(PHONES[cc])()

# ----------------------------------------------------------------------------- cards / iban / ip
def luhn_ok(num):
    ds = [int(c) for c in reversed(num)]
    return (sum(ds[0::2]) + sum(sum(divmod(2 * d, 10)) for d in ds[1::2])) % 10 == 0

def luhn_make(prefix, length):
    body = prefix + D(length - len(prefix) - 1)
    return next(body + c for c in "0123456789" if luhn_ok(body + c))

CARD_KINDS = [(lambda: "4", 16, 6), (lambda: str(R.randint(51, 55)), 16, 4), (lambda: str(R.randint(2221, 2720)), 16, 2), (lambda: pick(["34", "37"]), 15, 3),
              (lambda: pick(["6011", str(R.randint(644, 649)), "65"]), 16, 2), (lambda: str(R.randint(3528, 3589)), 16, 2), (lambda: pick(["36", "38"]), 14, 2)]

def card():
    pf, ln, _ = R.choices(CARD_KINDS, weights=[k[2] for k in CARD_KINDS])[0]
    num, style = luhn_make(pf(), ln), pick(["plain", "space", "space", "hyph"])
    if style == "plain":
        return num
    cut = {15: [0, 4, 10, 15], 14: [0, 4, 10, 14]}.get(ln, [0, 4, 8, 12, 16])
    return (" " if style == "space" else "-").join(num[a:b] for a, b in zip(cut, cut[1:]))

NLB = ["ABNA", "INGB", "RABO", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ"]
GBB = ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "MONZ"]
IBAN_BBAN = {
    "DE": lambda: NZ(8) + D(10), "AT": lambda: NZ(5) + D(11), "CH": lambda: "00" + NZ(3) + D(12),
    "FR": lambda: pick(["30004", "20041", "10278"]) + D(18), "BE": lambda: D(12),
    "NL": lambda: pick(NLB) + D(10), "ES": lambda: NZ(4) + D(16), "PT": lambda: "0035" + D(17),
    "IT": lambda: pick("ABCDEFGHIJKLMNOPRSTUVWXZ") + "0" + D(21), "PL": lambda: D(24),
    "GB": lambda: pick(GBB) + D(14), "IE": lambda: pick(["AIBK", "BOFI"]) + D(14), "SE": lambda: D(20),
    "DK": lambda: D(14), "NO": lambda: D(11), "FI": lambda: D(14), "LU": lambda: D(16),
    "CZ": lambda: D(20), "HU": lambda: D(24), "RO": lambda: pick(["RNCB", "BTRL", "BRDE"]) + D(16), "HR": lambda: D(17), "TR": lambda: D(5) + "0" + D(16)}
IBAN_LEN = {"DE": 22, "AT": 20, "CH": 21, "FR": 27, "BE": 16, "NL": 18, "ES": 24, "PT": 25, "IT": 27,
            "PL": 28, "GB": 22, "IE": 22, "SE": 24, "DK": 18, "NO": 15, "FI": 18, "LU": 20, "CZ": 24, "HU": 28, "RO": 24, "HR": 21, "TR": 26}

def iban_int(s): return int("".join(str(int(c, 36)) for c in s))

def iban_ok(v):
    c = v.replace(" ", "")
    return len(c) == IBAN_LEN.get(c[:2]) and iban_int(c[4:] + c[:4]) % 97 == 1

def iban(cc="DE", grouped=None):
    cc = {"UK": "GB"}.get(cc, cc)
    if cc not in IBAN_BBAN:
        cc = pick(["DE", "FR", "NL", "LU", "BE"])
    bban = IBAN_BBAN[cc]()
    ib = f"{cc}{98 - iban_int(bban + cc + '00') % 97:02d}{bban}"
    assert len(ib) == IBAN_LEN[cc] and iban_ok(ib), ib
    if grouped is None:
        grouped = chance(0.55)
    return " ".join(ib[i:i + 4] for i in range(0, len(ib), 4)) if grouped else ib

def ipv4():
    a = pick([81, 85, 88, 91, 93, 95, 176, 178, 185, 188, 193, 212, 217, 62, 77, 86, 89, 203, 198, 10, 172, 192, 100])
    if a == 10:
        return f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
    if a == 192:
        return f"192.168.{R.randint(0, 20)}.{R.randint(2, 254)}"
    if a == 172:
        return f"172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
    return f"{a}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"

def ipv6():
    k = R.random()
    if k < 0.07:
        return "::1"
    if k < 0.22:
        return "fe80::" + ":".join(f"{R.randint(1, 0xffff):x}" for _ in range(4))
    g = pick(["2001:db8", "2a02:8108", "2a01:4f8", "2600:1f18", "2001:41d0", "2a00:1450"]).split(":")
    g += [f"{R.randint(0, 0xffff):x}" for _ in range(6)]
    if k < 0.4:
        return ":".join(x.zfill(4) for x in g)
    if k < 0.52:
        return ":".join(g)
    i, L = R.randint(2, 4), R.randint(2, 3)
    return ":".join(g[:i]) + "::" + ":".join(g[i + L:])

def ip(): return ipv6() if chance(0.3) else ipv4()

# ----------------------------------------------------------------------------- addresses
def _k(): return R.randint(1, 9)
def _opt(p, opts): return pick(opts) if chance(p) else ""

def _addr(cc):
    n = R.randint(1, 180)
    k = _k()
    if cc == "US":
        line = f"{R.randint(10, 9899)} " + pick(["Maple Avenue", "Oak Street", "Elm Drive", "Sunset Boulevard",
                                                 "Lakeview Road", "Pine Court", "Cedar Lane", "Mission Street",
                                                 "Hillcrest Drive", "Pennsylvania Ave NW", "W 34th St", "Old Mill Rd"])
        line += _opt(.4, [f", Apt {R.randint(1, 24)}{pick('ABCD')}", f", Suite {k}{D(2)}", f" #{R.randint(2, 40)}", f", Unit {k}"])
        city, st, pc = pick([("Springfield", "IL", "62704"), ("Portland", "OR", "97205"), ("Austin", "TX", "78701"),
                             ("Denver", "CO", "80202"), ("Madison", "WI", "53703"), ("Brooklyn", "NY", "11201")])
        return line, pc, city, f"{city}, {st} {pc}"
    if cc == "UK":
        st = pick(["Queen's Road", "Abbey Lane", "High Street", "Victoria Terrace", "Church Close", "Mill Lane",
                   "Kingsway Crescent", "Station Road", "Elm Grove", "Marine Parade"])
        line = f"{n} {st}" if chance(.6) else f"Flat {R.randint(1, 12)}{pick(['', 'A', 'B'])}, {n} {st}"
        city, pc = pick([("London", "SW1A 2AA"), ("Manchester", "M1 4BT"), ("Leeds", "LS1 5QS"),
                         ("Bristol", "BS1 6QA"), ("Edinburgh", "EH1 1YZ"), ("Cardiff", "CF10 1EP")])
        return line, pc, city, f"{city} {pc}"
    if cc == "IE":
        st = pick(["Harcourt Street", "Baggot Street Lower", "Grafton Street", "Main Street", "Strand Road", "Leeson Park"])
        line = f"{n} {st}" if chance(.6) else f"Apartment {R.randint(1, 40)}, {n} {st}"
        city, pc = pick([("Dublin 2", "D02 X285"), ("Galway", "H91 E2K3"), ("Cork", "T12 R2NC")])
        return line, pc, city, f"{city} {pc}"
    if cc == "CA":
        if chance(.6):
            line = f"{R.randint(10, 2400)} " + pick(["King Street West", "Yonge Street", "Robson Street", "Bank Street"])
            line = _opt(.3, [f"{R.randint(101, 2409)}-"]) + line + _opt(.3, [f", Suite {k}00"])
            city, pr, pc = pick([("Toronto", "ON", "M5V 2T6"), ("Vancouver", "BC", "V6B 1A1"), ("Ottawa", "ON", "K1P 5G4")])
        else:
            line = f"{R.randint(10, 2400)}, " + pick(["rue Sainte-Catherine Ouest", "boulevard Saint-Laurent", "avenue du Parc"])
            line += _opt(.5, [f", app. {k}0{k}"])
            city, pr, pc = "Montréal", "QC", pick(["H3B 1K9", "H2X 3K4"])
        return line, pc, city, f"{city} {pr}  {pc}"
    if cc == "AU":
        st, num = pick(["Smith Street", "Beach Road", "George Street", "Bourke Street", "Parramatta Road", "Oxford Street"]), R.randint(1, 400)
        line = pick([f"{num} {st}", f"Unit {k}, {num} {st}", f"{k}/{num} {st}", f"Level {k}, {num} {st}"])
        sub, s, pc = pick([("Bondi", "NSW", "2026"), ("Fitzroy", "VIC", "3065"), ("Surry Hills", "NSW", "2010"), ("Fortitude Valley", "QLD", "4006")])
        return line, pc, sub, f"{sub.upper() if chance(.5) else sub} {s} {pc}"
    if cc == "NZ":
        st = pick(["Ponsonby Road", "Queen Street", "Cuba Street", "Karangahape Road", "Colombo Street"])
        line = pick([f"{n} {st}", f"Flat {k}, {n} {st}", f"{k}/{n} {st}"])
        sub, pc = pick([("Grey Lynn, Auckland", "1021"), ("Te Aro, Wellington", "6011"), ("Christchurch Central, Christchurch", "8011")])
        return line, pc, sub.split(", ")[-1], f"{sub} {pc}"
    if cc == "IN":
        road = pick(["12th Main Road", "5th Cross Road", "MG Road", "Linking Road", "Park Street", "Lal Bahadur Shastri Marg"])
        line = pick([f"Flat {R.randint(101, 904)}, {pick(['Lakeview Residency', 'Prestige Shantiniketan', 'Sai Krupa Apartments'])}, {road}",
                     f"No. {n}, {road}", f"{pick('ABCD')}-{n}, {road}"])
        sub, pc = pick([("Indiranagar, Bengaluru", "560038"), ("Bandra West, Mumbai", "400050"),
                        ("Park Circus, Kolkata", "700017"), ("Adyar, Chennai", "600020")])
        return line, pc, sub.split(", ")[-1], f"{sub} - {pc}"
    T = {
        "DE": (["Hauptstraße", "Lindenallee", "Goethestraße", "Berliner Str.", "Schillerplatz", "Rosengasse",
                "Kastanienweg", "Friedrichstraße", "Bahnhofstr.", "Ringstraße", "Kölner Landstraße"],
               lambda s: f"{s} {n}{pick(['', '', '', 'a', 'b'])}" + _opt(.25, [", 2. OG", ", 3. Stock", f", Whg. {k}{D(1)}", ", Hinterhaus"]),
               [("10117", "Berlin"), ("80331", "München"), ("50667", "Köln"), ("20095", "Hamburg"), ("04109", "Leipzig"), ("70173", "Stuttgart")], "{pc} {c}"),
        "AT": (["Mariahilfer Straße", "Landstraßer Hauptstraße", "Herrengasse", "Linzer Straße", "Kärntner Ring", "Gürtelweg"],
               lambda s: f"{s} {n}" + _opt(.6, [f"/{k}/{R.randint(1, 30)}", f"/Top {R.randint(1, 20)}", f"/{R.randint(2, 19)}"]),
               [("1060", "Wien"), ("8010", "Graz"), ("5020", "Salzburg"), ("4020", "Linz"), ("6020", "Innsbruck")], "{pc} {c}"),
        "CH": (["Bahnhofstrasse", "Seefeldstrasse", "Marktgasse", "Limmatquai", "Rue du Rhône", "Via Nassa"],
               lambda s: f"{s} {n}", [("8001", "Zürich"), ("3011", "Bern"), ("4051", "Basel"), ("1204", "Genève"), ("6900", "Lugano")], "{pc} {c}"),
        "FR": (["rue de la Paix", "avenue Victor Hugo", "boulevard Saint-Michel", "impasse des Lilas", "rue du Faubourg Saint-Antoine",
                "allée des Tilleuls", "quai de la Tournelle", "place du Marché", "chemin des Vignes"],
               lambda s: f"{n}{pick(['', '', ' bis', ' ter'])}{pick([' ', ', '])}{s}" + _opt(.15, [f", appt {k}{D(1)}", f", {k}e étage"]),
               [("75002", "Paris"), ("69003", "Lyon"), ("13001", "Marseille"), ("33000", "Bordeaux"), ("31000", "Toulouse"), ("59800", "Lille")], "{pc} {C}"),
        "BE": (["Rue Royale", "Avenue Louise", "Kerkstraat", "Chaussée de Wavre", "Rue de la Loi", "Veldstraat"],
               lambda s: f"{s} {n}" + _opt(.5, [f" bus {k}", f" boîte {k}", f"/{k}"]),
               [("1000", "Bruxelles"), ("2000", "Antwerpen"), ("9000", "Gent"), ("4000", "Liège"), ("1050", "Ixelles")], "{pc} {c}"),
        "NL": (["Keizersgracht", "Dorpsstraat", "Prinsengracht", "Laan van Meerdervoort", "Oudegracht", "Kerkweg", "Stationsplein"],
               lambda s: f"{s} {n}" + _opt(.5, ["-2", "-II", " A", " hs", " bis", "-3"]),
               [("1016 DC", "Amsterdam"), ("3511 AB", "Utrecht"), ("2517 JP", "Den Haag"), ("3011 AA", "Rotterdam"), ("9711 LM", "Groningen")], "{pc}  {C}"),
        "ES": (["Calle Mayor", "C/ de Alcalá", "Avenida de la Constitución", "Paseo de Gracia", "Calle del Carmen", "Plaza Mayor",
                "Carrer de Balmes", "Av. de Andalucía"],
               lambda s: f"{s}{pick([', ', ' '])}{n}" + _opt(.6, [f", {k}º {pick('ABCD')}", f", {k}º izda.", f", {k}º dcha.", ", bajo", f", esc. 2, {k}º 1ª"]),
               [("28013", "Madrid"), ("08007", "Barcelona"), ("41004", "Sevilla"), ("46002", "València"), ("48001", "Bilbao")], "{pc} {c}"),
        "MX": (["Av. Insurgentes Sur", "Calle 5 de Mayo", "Paseo de la Reforma", "Calle Madero", "Av. Revolución", "Calle Durango"],
               lambda s: f"{s} {R.randint(10, 1900)}" + _opt(.5, [f", Piso {k}", f", Int. {k}", f" Depto. {k}0{k}"]),
               [("03940", "Col. Crédito Constructor, {pc} Ciudad de México, CDMX"), ("06700", "Col. Roma Norte, {pc} Ciudad de México, CDMX"),
                ("44100", "Col. Centro, {pc} Guadalajara, Jal.")], "raw"),
        "PT": (["Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina", "Travessa do Carmo", "Largo do Chiado", "Rua do Almada"],
               lambda s: f"{s}, {n}" + _opt(.6, [f", {k}.º Esq.", f", {k}.º Dto.", f", {k}.º andar", ", r/c"]),
               [("1100-053", "Lisboa"), ("4000-447", "Porto"), ("3000-143", "Coimbra"), ("8000-312", "Faro")], "{pc} {c}"),
        "BR": (["Rua das Flores", "Av. Paulista", "Rua Oscar Freire", "Avenida Atlântica", "Rua XV de Novembro", "Rua da Consolação"],
               lambda s: f"{s}, {R.randint(10, 2500)}" + _opt(.6, [f", apto {k}{D(1)}", f", ap. {k}0{k}", f", bloco B, apto {k}1", f", sala {k}0{k}"]),
               [("01310-200", "Bela Vista, São Paulo - SP, {pc}"), ("22021-001", "Copacabana, Rio de Janeiro - RJ, {pc}"),
                ("80020-310", "Centro, Curitiba - PR, {pc}")], "raw"),
        "IT": (["Via Roma", "Corso Vittorio Emanuele II", "Piazza Navona", "Via dei Mille", "Viale Monza", "Via Garibaldi",
                "Vicolo del Cinque", "Lungarno Corsini"],
               lambda s: f"{s}{pick([' ', ', '])}{n}" + _opt(.4, [f", int. {k}", ", scala B", f"/{pick('ABC')}", f", {k}° piano"]),
               [("00186", "Roma (RM)"), ("20121", "Milano (MI)"), ("80132", "Napoli (NA)"), ("50123", "Firenze (FI)"), ("10121", "Torino TO")], "{pc} {c}"),
        "PL": (["ul. Marszałkowska", "al. Jerozolimskie", "ul. Długa", "ul. Piotrkowska", "os. Tysiąclecia", "pl. Zbawiciela",
                "ul. Świętokrzyska", "ul. Floriańska"],
               lambda s: f"{s} {n}" + _opt(.6, [f"/{R.randint(1, 90)}", f" m. {k}", f"/{k} m. {R.randint(1, 60)}", f" lok. {k}"]),
               [("00-680", "Warszawa"), ("80-831", "Gdańsk"), ("90-001", "Łódź"), ("31-042", "Kraków"), ("50-101", "Wrocław")], "{pc} {c}"),
        "CZ": (["náměstí Míru", "třída Svobody", "Karlovo náměstí", "nábřeží Edvarda Beneše", "Masarykova třída", "Nádražní ulice"],
               lambda s: f"{s} {R.randint(100, 2500)}/{R.randint(1, 60)}" if chance(.6) else f"{s} {n}",
               [("120 00", "Praha 2"), ("602 00", "Brno"), ("779 00", "Olomouc"), ("301 00", "Plzeň")], "{pc} {c}"),
        "SE": (["Drottninggatan", "Storgatan", "Sveavägen", "Kungsgatan", "Götgatan", "Strandvägen", "Linnégatan"],
               lambda s: f"{s} {n}" + _opt(.45, [f", lgh {R.randint(1001, 1304)}", f", {k} tr", f" {pick('ABC')}"]),
               [("111 51", "Stockholm"), ("411 38", "Göteborg"), ("211 22", "Malmö"), ("753 20", "Uppsala")], "{pc}  {C}"),
        "NO": (["Karl Johans gate", "Storgata", "Bogstadveien", "Thorvald Meyers gate", "Kongens gate", "Markveien"],
               lambda s: f"{s} {n}" + _opt(.4, [pick("ABC"), f", H0{k}0{R.randint(1, 4)}"]),
               [("0154", "Oslo"), ("5003", "Bergen"), ("7011", "Trondheim"), ("4006", "Stavanger")], "{pc} {c}"),
        "DK": (["Nørrebrogade", "Vesterbrogade", "Østerbrogade", "Amagerbrogade", "Jægersborg Allé", "Strandvejen"],
               lambda s: f"{s} {n}" + _opt(.6, [f", {k}. th.", f", {k}. tv.", ", st. tv.", f", {k}. sal"]),
               [("2200", "København N"), ("1620", "København V"), ("8000", "Aarhus C"), ("5000", "Odense C")], "{pc} {c}"),
        "FI": (["Mannerheimintie", "Aleksanterinkatu", "Hämeenkatu", "Fredrikinkatu", "Runeberginkatu", "Itäinen Pitkäkatu"],
               lambda s: f"{s} {n}" + _opt(.6, [f" {pick('ABC')} {R.randint(1, 40)}", f" as. {k}"]),
               [("00100", "Helsinki"), ("33100", "Tampere"), ("20100", "Turku"), ("90100", "Oulu")], "{pc} {C}"),
        "HU": (["Andrássy út", "Váci utca", "Rákóczi út", "Szent István körút", "Király utca", "Baross tér"],
               lambda s: f"{s} {n}" + _opt(.5, [f", {k}. em. {R.randint(1, 9)}", ", fszt. 2"]),
               [("1061", "Budapest"), ("6720", "Szeged"), ("4024", "Debrecen"), ("7621", "Pécs")], "{pc} {c}"),
        "RO": (["Strada Lipscani", "Bulevardul Unirii", "Calea Victoriei", "Str. Mihai Eminescu", "Șoseaua Kiseleff", "Aleea Teiului"],
               lambda s: f"{s} nr. {n}" + _opt(.6, [f", bl. {k}, sc. {pick('AB')}, ap. {R.randint(1, 80)}", f", et. {k}, ap. {R.randint(1, 40)}"]),
               [("030167", "București"), ("400001", "Cluj-Napoca"), ("700028", "Iași"), ("300011", "Timișoara")], "{pc} {c}"),
        "TR": (["Atatürk Caddesi", "Bağdat Caddesi", "İstiklal Cad.", "Şair Nefi Sokak", "Cumhuriyet Bulvarı", "Gül Sokak"],
               lambda s: _opt(.4, ["Moda Mah. ", "Caferağa Mah. ", "Kızılay Mah. "]) + f"{s} No: {n}" + _opt(.6, [f" D: {k}", f"/{k}", f" Daire {k}"]),
               [("34710", "Kadıköy/İstanbul"), ("06420", "Çankaya/Ankara"), ("35220", "Konak/İzmir"), ("16040", "Osmangazi/Bursa")], "{pc} {c}"),
        "HR": (["Savska cesta", "Vukovarska ulica", "Trg bana Jelačića", "Ulica kneza Branimira", "Obala Hrvatskog narodnog preporoda"],
               lambda s: f"{s} {n}" + _opt(.3, [f"/{k}", f", {k}. kat"]), [("10000", "Zagreb"), ("21000", "Split"), ("51000", "Rijeka")], "{pc} {c}"), }
    streets, mk, locs, fmt = T[cc]
    line = mk(pick(streets))
    pc, c = pick(locs)
    if fmt == "raw":
        return line, pc, c.split(", ")[-2].split(" ", 1)[-1] if cc == "MX" else c.split(", ")[1], c.replace("{pc}", pc)
    city = c.split(" (")[0].replace(" TO", "")
    loc = fmt.format(pc=pc, c=c, C=c.upper() if chance(.5) else c)
    return line, pc, city, loc

class Addr:
    def __init__(self, cc):
        self.cc, (self.line, self.pc, self.city, self.loc) = cc, _addr(cc)

    def L(self): return ("L", self.loc, self.pc)
    def two(self, sep="\n"): return [A(self.line), sep, self.L()]

    def one(self, sep=", "):  # street line + locality on one line (Hungarian: locality first)
        return [self.L(), sep, A(self.line)] if self.cc == "HU" else [A(self.line), sep, self.L()]

class Prof:
    """A resident of country cc: name, address, phone, e-mail."""
    def __init__(self, cc, lang=None):
        self.cc, self.lang = cc, lang or CLANG[cc]
        self.p, self.a, self.ph = person(self.lang), Addr(cc), phone(cc)
        self.em = pemail(self.p, self.lang)
        self.full, self.g, self.s = self.p.full, self.p.g, self.p.s

    def iban(self, grouped=None): return iban(self.cc, grouped)

# ----------------------------------------------------------------------------- hard negatives
MONTHS = {"en": "January February March April May June July August September October November December",
          "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
          "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
          "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
          "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
          "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
          "nl": "januari februari maart april mei juni juli augustus september oktober november december",
          "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
          "sv": "januari februari mars april maj juni juli augusti september oktober november december",
          "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık"}
WEEKDAYS = {"en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday", "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
            "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche", "es": "lunes martes miércoles jueves viernes sábado domingo",
            "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
            "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
            "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag", "pl": "poniedziałek wtorek środa czwartek piątek sobota niedziela",
            "sv": "måndag tisdag onsdag torsdag fredag lördag söndag", "tr": "Pazartesi Salı Çarşamba Perşembe Cuma Cumartesi Pazar"}

def month(lang="en"): return pick(MONTHS[lang].split())
def weekday(lang="en"): return pick(WEEKDAYS[lang].split())

def n_date(lang="en"):
    y, m, d = R.randint(2023, 2026), R.randint(1, 12), R.randint(1, 28)
    if lang == "en":
        return pick([f"{y}-{m:02d}-{d:02d}", f"{d} {MONTHS['en'].split()[m - 1]} {y}", f"{MONTHS['en'].split()[m - 1]} {d}, {y}", f"{m:02d}/{d:02d}/{y}"])
    if lang in ("de", "pl", "tr", "cs", "nord"):
        return pick([f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y}"]) if lang != "nord" else f"{y}-{m:02d}-{d:02d}"
    if lang == "sv":
        return f"{y}-{m:02d}-{d:02d}"
    if lang == "nl":
        return pick([f"{d:02d}-{m:02d}-{y}", f"{d} {MONTHS['nl'].split()[m - 1]} {y}"])
    if lang in MONTHS and chance(.4):
        sep = " de " if lang in ("es", "pt") else " "
        return f"{d}{sep}{MONTHS[lang].split()[m - 1]}{sep}{y}"
    return f"{d:02d}/{m:02d}/{y}"

def n_time(lang="en"):
    h, m = R.randint(7, 21), pick(["00", "15", "30", "45", f"{R.randint(0, 59):02d}"])
    if lang == "en" and chance(.4):
        return f"{(h - 1) % 12 + 1}:{m} {pick(['a.m.', 'p.m.', 'AM', 'PM'])}".replace("a.m.", "p.m." if h >= 12 else "a.m.")
    if lang in ("fr", "it") and chance(.4):
        return f"{h}h{m}"
    return f"{h:02d}:{m}"
def n_order(): return pick([f"ORD-{R.randint(2023, 2026)}-{D(6)}", f"#{NZ(7)}", f"INV-{D(4)}/{R.randint(1, 12):02d}", f"PO{NZ(8)}", f"{NZ(3)}-{D(7)}-{D(7)}", f"A{NZ(9)}"])
def n_ticket(): return pick([f"TCK-{NZ(5)}", f"INC{NZ(7)}", f"SR-{NZ(6)}", f"#{NZ(5)}"])
def n_track(): return pick([f"1Z{R.choice('ABCDEFGHXYWV')}{D(2)}{R.choice('ABCDEFXY')}{NZ(2)}{D(10)}", f"JJD{D(18)}", f"RR{NZ(9)}GB", f"00{NZ(18)}", f"{NZ(4)} {D(4)} {D(4)} {D(4)} {D(4)} {D(2)}", f"LX{NZ(9)}PT"])
def n_ver(): return pick([f"v{R.randint(1, 9)}.{R.randint(0, 30)}.{R.randint(0, 20)}", f"{R.randint(1, 5)}.{R.randint(0, 12)}.{R.randint(0, 9)}-rc.{R.randint(1, 4)}", f"10.0.{R.randint(19041, 22631)}.{R.randint(1000, 4200)}", f"{R.randint(17, 22)}.{R.randint(1, 9)}"])
def n_git(): h = "".join(pick("0123456789abcdef") for _ in range(40)); return h if chance(.4) else h[:7]
def n_uuid(): return str(uuid.UUID(int=R.getrandbits(128), version=4))
def n_hex(): return "#" + "".join(pick("0123456789ABCDEF") for _ in range(6)) if chance(.8) else pick(["#fff", "#000", "#c0ffee"])
def n_mac(): s = pick([":", "-"]); return s.join(f"{R.randint(0, 255):02X}" for _ in range(6))
def n_coord(): a, b = R.uniform(-40, 65), R.uniform(-120, 150); return pick([f"{a:.4f}, {b:.4f}", f"{abs(a):.5f}° {'N' if a > 0 else 'S'}, {abs(b):.5f}° {'E' if b > 0 else 'W'}"])
def n_pct(lang="en"):
    if lang == "tr":
        return pick([f"%{R.randint(5, 95)}", f"%{R.randint(1, 30)},{R.randint(0, 9)}"])
    if lang == "en":
        return pick([f"{R.randint(1, 99)}%", f"{R.randint(1, 30)}.{R.randint(0, 9)}%"])
    return pick([f"{R.randint(1, 99)} %", f"{R.randint(1, 60)},{R.randint(0, 9)} %", f"{R.randint(1, 99)}%"])
def n_measure(): return pick([f"{R.randint(1, 90)} kg", f"{R.randint(140, 200)} cm", f"{R.randint(1, 9)}.{R.randint(0, 9)} l", f"{R.randint(2, 60)} mm", f"{R.randint(-5, 35)} °C", f"{R.randint(1, 512)} GB", f"{R.randint(20, 140)} m²", f"{R.randint(100, 900)} mg"])
def n_price(lang=None):
    v, c = R.randint(3, 4999), R.randint(0, 99)
    loc = f"{v:,}".replace(",", ".") + f",{c:02d}"
    opts = {"en": [f"${v:,}.{c:02d}", f"£{v:,}.{c:02d}", f"€{v:,}.{c:02d}", f"USD {v}.{c:02d}"],
            "eu": [f"{loc} €", f"{loc} EUR", f"€ {loc}"], "fr": [f"{v:,}".replace(",", "\u202f") + f",{c:02d} €", f"{v},{c:02d} €"],
            "ch": [f"CHF {v}.{c:02d}", f"Fr. {v}.–"], "pl": [f"{v} zł", f"{loc} PLN"], "nord": [f"{v} kr", f"{v}:-", f"{v} SEK"],
            "tr": [f"{loc} TL", f"₺{loc}"], "pt": [f"{loc} €", f"R$ {loc}"]}
    key = {"de": "eu", "es": "eu", "it": "eu", "nl": "eu", "sv": "nord"}.get(lang, lang)
    return pick(opts.get(key) or sum(opts.values(), []))

def n_isbn():
    body = pick(["978", "979"]) + D(9)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    full = body + str((10 - s % 10) % 10)
    return f"{full[:3]}-{full[3]}-{full[4:7]}-{full[7:12]}-{full[12]}" if chance(.7) else full

def n_badcard():
    while True:
        n = pick(["4", "5"]) + D(15)
        if not luhn_ok(n):
            return pick([n, " ".join(n[i:i + 4] for i in range(0, 16, 4))])

def n_postcode(): return pick(["10115", "SW1A 1AA", "75008", "28001", "00-950", "1012 AB", "8001", "111 22", "D02 AF30", "01310-100", "34000", "90210-1234", "H2X 1Y4", "2000"])
def n_product(): return pick([f"{pick(['XR', 'TX', 'MK', 'QB', 'HZ'])}-{NZ(4)}-{pick('ABCKS')}", f"SKU {NZ(5)}-{pick(['BLK', 'WHT', 'RED'])}", "WH-1000XM5", "RTX 4090", "XPS 13 9340", "SM-G991B", "EAN 4006381333931", "A2337", f"Model {pick('ABCDE')}{NZ(3)}"])
def n_path(): return pick(["/var/log/nginx/access.log", "C:\\Users\\Public\\Documents\\Q3_report.xlsx", "~/projects/api/src/main.rs", "./data/export_2024-03.csv", "/etc/ssl/certs/ca-bundle.crt", "D:\\Backups\\2024\\db.bak", "/srv/app/releases/current/config.yml"])

TITLE_NEG = {
    "brand": ["Volkswagen", "Nespresso", "Adidas", "IKEA", "Lufthansa", "Bosch", "Spotify", "Decathlon", "Zalando", "Renault", "Mercedes-Benz", "Škoda", "Ryanair"],
    "product": ["MacBook Air", "PlayStation 5", "Kindle Paperwhite", "Thermomix TM6", "Galaxy Buds", "Golf GTI", "Clio", "Yaris Cross"],
    "company": ["Siemens AG", "Northwind Traders Ltd", "Acme Logistics GmbH", "Banco Santander", "Deutsche Bahn", "Société Générale", "Allegro Sp. z o.o.", "Rabobank", "Turkcell", "Vodafone"],
    "course": ["Introduction to Organic Chemistry", "Advanced Macroeconomics", "Data Structures and Algorithms", "Medieval European History", "Ingegneria Gestionale", "Economia e Management"],
    "title": ["Pride and Prejudice", "The Shawshank Redemption", "One Hundred Years of Solitude", "Spirited Away", "The Name of the Rose", "Cien años de soledad", "Der Zauberberg", "La Haine"],
    "place": ["Lisbon", "Rotterdam", "Kraków", "Lake Geneva", "Black Forest", "Costa Brava", "Montréal", "Cappadocia", "Lapland", "Tuscany"],
    "job": ["Senior Account Manager", "Chief Financial Officer", "Head of Operations", "Registered Nurse", "Software Engineer", "Key Account Manager", "Lead UX Designer"],
    "dept": ["Human Resources", "Accounts Payable", "Customer Success", "Facilities Management", "Admissions Office", "Quality Assurance"],
    "med": ["Ibuprofen", "Amoxicillin", "Paracetamol", "Metformin", "Atorvastatin", "Omeprazole", "Cetirizine", "Salbutamol"],
}

def tn(kind): return pick(TITLE_NEG[kind])

# ============================================================================= templates (PII)
TIT = {"en": ["Mr ", "Mrs ", "Ms ", "Dr ", "Dr. ", "Prof. ", "Mx "], "de": ["Herr ", "Frau ", "Dr. ", "Frau Dr. "],
       "fr": ["M. ", "Mme ", "Mlle ", "Me ", "Dr "], "es": ["Sr. ", "Sra. ", "D. ", "Dña. ", "Dr. "],
       "it": ["Sig. ", "Sig.ra ", "Dott. ", "Dott.ssa ", "Avv. "], "pt": ["Sr. ", "Sra. ", "Dr. ", "Dra. "],
       "nl": ["dhr. ", "mevr. ", "Dhr. ", "Mw. "], "pl": ["Pan ", "Pani ", "dr "]}

def tit(lang, p=0.6): return pick(TIT[lang]) if chance(p) else ""
def iso_ts(): return f"2024-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}T{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}Z"

def t_hotel():
    b = B("hotel_register", "en")
    b.f("HARBOURVIEW HOTEL · GUEST REGISTER · {d}\nRoom | Guest | Home address | Phone | Email | Card on file | Nights\n", d=N(n_date("en")))
    for _ in range(R.randint(1, 3)):
        q = Prof(pick(ALLC))
        b.f("{room} | {t}{name} | {addr}, {ctry} | {ph} | {em} | {cc} | {n}\n", room=str(R.randint(101, 640)),
            t=tit("en", .4), name=P(q.full), addr=q.a.one(), ctry=COUNTRY_EN[q.cc], ph=PH(q.ph), em=EM(q.em), cc=CC(card()), n=str(R.randint(1, 9)))
    return b.f("Night auditor: {aud} — ADR {price}, occupancy {pct}\n", aud=P(person("en").full), price=N(n_price("en")), pct=N(n_pct()))

def t_school():
    q = Prof(pick(["DE", "DE", "AT", "CH"]))
    child = person("de").g
    return B("school_enrolment", "de").f("Anmeldung zur Einschulung 2025/26 – {school}\n\nName des Kindes: {child}\nGeburtsdatum: {dob}\n"
        "Erziehungsberechtigte/r: {t}{parent}\nAnschrift: {addr}\nTelefon (tagsüber): {ph}\nE-Mail: {em}\n\n"
        "SEPA-Lastschriftmandat (Essensgeld {price} monatlich)\nKontoinhaber/in: {holder}\nIBAN: {iban}\n"
        "Mandatsreferenz: {ref}\nUnterschrift: ____________   Datum: {d}\n",
        school=pick(["Grundschule am Stadtpark", "Volksschule Währing", "Primarschule Seefeld", "Grundschule Lindenhof"]),
        child=P(f"{child} {q.s}"), dob=N(n_date("de")), t=pick(["Herr ", "Frau ", ""]), parent=P(q.full),
        addr=q.a.one(), ph=PH(q.ph), em=EM(q.em), price=N(n_price("ch" if q.cc == "CH" else "de")), holder=P(q.full), iban=IB(q.iban()),
        ref=N(f"MR-{D(8)}"), d=N(n_date("de")))

def t_car():
    q = Prof(pick(["FR", "FR", "BE", "CH"]), "fr")
    q2 = person("fr")
    return B("car_rental", "fr").f("CONTRAT DE LOCATION N° {no}\nAgence : {ag} – départ le {d} à {tm}\n\nConducteur principal : {name}\n"
        "Adresse : {addr}\n{loc}\nTél. : {ph}\nCourriel : {em}\nVéhicule : {car} – immatriculation {plate}\n"
        "Carte de garantie : {cc} (empreinte {price})\nConducteur additionnel : {t}{p2}\nKilométrage départ : {km}\n",
        no=N(n_order()), ag=pick(["Lyon Part-Dieu", "Genève Aéroport", "Bruxelles-Midi", "Marseille Saint-Charles"]),
        d=N(n_date("fr")), tm=N(n_time("fr")), name=P(f"{q.s.upper()} {q.g}"), addr=A(q.a.line), loc=q.a.L(),
        ph=PH(q.ph), em=EM(q.em), car=N(pick(["Renault Clio", "Peugeot 208", "Citroën C3", "Toyota Yaris Cross"])),
        plate=N(f"{pick(['AB', 'GH', 'FK', 'EZ'])}-{D(3)}-{pick(['CD', 'TR', 'LM'])}"), cc=CC(card()),
        price=N(n_price("ch" if q.cc == "CH" else "fr")), t=tit("fr", .5), p2=P(q2.full), km=N(f"{R.randint(5, 90)} {D(3)} km"))

def t_donation():
    b = B("donation_receipt", "en")
    q = Prof(pick(["UK", "UK", "IE"]))
    b.f("Riverside Food Bank — Donation Receipt {no}\nDate: {d}\n\nReceived with thanks from:\n{t}{name}\n{addr}\n\n"
        "Amount: {amt}\n", no=N(f"DR-{D(6)}"), d=N(n_date("en")), t=tit("en", .5), name=P(q.full), addr=q.a.two(), amt=N(n_price("en")))
    k = R.random()
    if k < 0.7:
        b.f("One-off gift paid by card: {cc}\n", cc=CC(card()))
    if k > 0.4:
        b.f("Monthly Direct Debit from {ib} (reference {ref})\n", ib=IB(q.iban()), ref=N(f"RFB{D(7)}"))
    return b.f("Gift Aid declared. Thank you, {g}! Questions? Email {re} or visit {u}.\nRegistered charity no. {chno}\n",
        g=P(q.g), re=EM(role("riversidefoodbank.org.uk", ("donations", "info", "supporters"))),
        u=U(url("riversidefoodbank.org.uk", ["giftaid", "donate/monthly", "impact-report-2024"])), chno=N(NZ(7)))

def t_customs():
    s, r = Prof(pick(ALLC)), Prof(pick(ALLC))
    return B("customs_declaration", "en").f("CUSTOMS DECLARATION CN 23\nSender: {sn}\n{sa}\n{sc}\nTel: {sp}\n\nAddressee: {rn}\n{ra}\n{rc}\n"
        "Tel: {rp}   E-mail: {re}\n\nContents: {item}  Qty {q}  Net weight {w}  Value {v}\nHS tariff no. {hs}   "
        "Country of origin: {orig}\nTracking: {trk}\nI certify that the particulars given are correct. Signature: {sig}\n",
        sn=P(s.full), sa=s.a.two(), sc=COUNTRY_EN[s.cc].upper(), sp=PH(s.ph), rn=P(r.full), ra=r.a.two(), rc=COUNTRY_EN[r.cc].upper(), rp=PH(r.ph), re=EM(r.em),
        item=pick(["Wool scarf", "Ceramic mugs", "Second-hand books", "Phone case", "Black tea", "Children's clothing"]),
        q=str(R.randint(1, 6)), w=N(f"{R.randint(1, 4)}.{R.randint(0, 9)} kg"), v=N(n_price("en")),
        hs=N(f"{D(4)}.{D(2)}"), orig=COUNTRY_EN[s.cc], trk=N(n_track()), sig=P(s.s))

def t_invoice():
    fl, cl = Prof(pick(["NL", "NL", "BE"]), "nl"), Prof(pick(["NL", "BE", "DE"]), "nl")
    inv = f"{R.randint(2024, 2025)}-{D(3)}"
    return B("freelance_invoice", "nl").f("FACTUUR {inv}\nFactuurdatum: {d}   Vervaldatum: {d2}\n\n{fl}\n{job}\n{addr}\n{em} · {u}\nKvK {kvk} · btw-id {btw}\n\n"
        "Aan: {comp}\nt.a.v. {t}{cl}\n{caddr}\n\nOmschrijving: {desc} – {hrs} uur à {rate}\nSubtotaal {sub}, btw {pct}\n"
        "Graag binnen 14 dagen overmaken op {iban} t.n.v. {fl2} o.v.v. factuurnummer {inv2}.\nVragen? Bel {ph}.\n",
        inv=N(inv), d=N(n_date("nl")), d2=N(n_date("nl")), fl=P(fl.full), job=N(tn("job")), addr=fl.a.two(),
        em=EM(fl.em), u=U(url(f"{asc(fl.s)}{pick(['design', 'studio', 'media'])}.nl", ["", "portfolio", "over-mij"])),
        kvk=N(NZ(8)), btw=N(f"NL{D(9)}B01"), comp=pick(["Studio Noord B.V.", "Groene Golf Energie", "Fietsfabriek Amstel B.V."]),
        t=tit("nl", .6), cl=P(cl.full), caddr=cl.a.two(), desc=pick(["Huisstijl en logo", "Webdesign", "Fotografie productlancering"]),
        hrs=str(R.randint(4, 60)), rate=N(n_price("nl")), sub=N(n_price("nl")), pct="21%", iban=IB(fl.iban()), fl2=P(fl.full), inv2=N(inv), ph=PH(fl.ph))

def t_hr():
    q = Prof(pick(["US", "UK", "IE", "CA", "AU", "NZ", "IN"]))
    mgr, ec = person("en"), person(q.lang)
    return B("hr_onboarding", "en").f("Onboarding checklist — {name} ({job}, {dept})\nStart date: {d}\nLine manager: {mgr}\n\n"
        "[x] Home address on file: {addr}\n[x] Emergency contact: {ec} ({rel}), {ecph}\n[x] Payroll bank account (IBAN): {ib}\n"
        "[ ] Laptop asset {asset} — Wi-Fi MAC {mac}\n[ ] Work email {em} activated\n[ ] Badge photo uploaded to {path}\n\n"
        "Note: {mg} to book intro lunch with {g} on {wd}. {g2}'s probation review: {d2}.\n",
        name=P(q.full), job=N(tn("job")), dept=N(tn("dept")), d=N(n_date("en")), mgr=P(mgr.full), addr=q.a.one(),
        ec=P(ec.full), rel=pick(["spouse", "mother", "partner", "brother"]), ecph=PH(phone(q.cc)), ib=IB(q.iban()),
        asset=N(f"NW-LT-{D(5)}"), mac=N(n_mac()), em=EM(pemail(q.p, domain="northwind-traders.com")),
        path=N(f"/srv/hr/badges/{D(5)}.jpg"), mg=P(mgr.g), g=P(q.g), wd=N(weekday("en")), g2=P(q.g), d2=N(n_date("en")))

def t_tele():
    doc, pt = person("es"), Prof(pick(["ES", "ES", "MX"]))
    ts = sorted(f"{R.randint(9, 11):02d}:{R.randint(0, 59):02d}" for _ in range(5))
    return B("telehealth_chat", "es").f("[{t1}] Dra. {doc}: Buenos días, {pg}. ¿Cómo se encuentra hoy?\n[{t2}] {pn}: Hola doctora, sigo con tos y algo de "
        "fiebre ({temp}). Estoy tomando {med} {dose} cada 8 horas.\n[{t3}] Dra. {ds}: De acuerdo. Le envío la receta "
        "electrónica de {med2}. ¿Su teléfono sigue siendo el {ph}?\n[{t4}] {pg2}: No, ahora es el {ph2}. Y mi correo es {em}\n"
        "[{t5}] Dra. {ds2}: Perfecto. Si empeora, acuda a urgencias. Enlace de la próxima videoconsulta: {u}\n",
        t1=N(ts[0]), t2=N(ts[1]), t3=N(ts[2]), t4=N(ts[3]), t5=N(ts[4]), doc=P(doc.full), pg=P(pt.g), pn=P(pt.full),
        temp=N(f"38,{R.randint(0, 9)} °C"), med=N(tn("med")), dose=N(f"{R.randint(2, 8)}00 mg"), ds=P(doc.s),
        med2=N(tn("med")), ph=PH(phone(pt.cc)), pg2=P(pt.g), ph2=PH(pt.ph), em=EM(pt.em), ds2=P(doc.s),
        u=U(url("saludconecta.es", ["consulta/#", "videollamada?sala=#"], www=0)))

def t_neigh():
    b = B("neighbourhood_post", "en")
    q = Prof(pick(["US", "UK", "AU", "NZ", "CA", "IE"]), "en")
    nb = person("en")
    who = q.full.lower() if chance(.5) else q.g.lower()
    b.f("📍 {area} · posted by {who}\nhey all 👋 found a grey tabby near {addr} this morning around {tm}. no collar, super "
        "friendly. {nb} from next door says it's been hanging around since {wd}. text me on {ph} if it's yours!! 🐱\n",
        area=q.a.city, who=P(who), addr=A(q.a.line), tm=N(n_time()), nb=P(nb.g.lower() if chance(.6) else nb.g), wd=N(weekday("en")), ph=PH(q.ph))
    if chance(.6):
        r = person("en")
        b.f("↳ {r}: omg i think that's mrs {s}'s cat, she lives at {addr2} 😅\n", r=P(r.g.lower()), s=P(person("en").s.lower()), addr2=A(Addr(q.cc).line))
    return b

def t_admit():
    q, dr = Prof("IT"), person("it")
    uni, dom = pick([("Università degli Studi di Bologna", "unibo.it"), ("Politecnico di Torino", "polito.it"), ("Università di Padova", "unipd.it")])
    return B("admissions_letter", "it").f("{uni}\nUfficio Ammissioni – Prot. n. {prot}\n\n{t}{name}\n{addr}\n\nOggetto: esito della domanda di ammissione n. {no}\n\n"
        "Gentile {g},\nsiamo lieti di comunicarLe l'ammissione al corso di laurea magistrale in {course} per l'a.a. 2025/2026. "
        "Per completare l'immatricolazione acceda al portale {u} entro il {d}.\nLa prima rata ({price}) può essere versata "
        "anche con carta di credito.\nPer informazioni: {re}, tel. {ph}{ext}.\n\nIl Direttore dell'Ufficio\nProf. {dr}\n",
        uni=uni, prot=N(f"{D(5)}/{R.randint(2024, 2025)}"),
        t=pick(["Gent.ma Dott.ssa ", "Gent.mo Sig. ", "Alla c.a. di ", ""]), name=P(q.full), addr=q.a.two(), no=N(n_order()),
        g=P(q.g), course=N(tn("course")), u=U(url(dom, ["immatricolazioni", "studenti/#"], www=.2)),
        d=N(n_date("it")), price=N(n_price("it")), re=EM(role(dom, ("ammissioni", "segreteria.studenti", "orientamento"))),
        ph=PH(phone("IT")), ext=f" int. {R.randint(10, 99)}", dr=P(dr.full))

def t_club():
    ps, q = [person("nord") for _ in range(4)], Prof("SE", "nord")
    club, dom = pick([("Södermalms Schackklubb", "sodermalmsschack.se"), ("IK Stjärnan Orientering", "ikstjarnan.se"), ("Göteborgs Roddklubb", "gbgrodd.se")])
    return B("club_newsletter", "sv").f("Nyhetsbrev – {club} – {mon}\n\nHej alla medlemmar!\nÅrsmötet hålls {wd} {d} kl. {tm} i klubbstugan. Ordförande {p1} "
        "hälsar välkommen och kassören {p2} presenterar budgeten (medlemsavgift {price}).\nNy i styrelsen: {p3}. Grattis till "
        "{p4}{s4} seger i klubbmästerskapet!\nAnmälan senast {d2} till {em} eller ring {p1g} på {ph}.\nMer info och bilder: {u}\n",
        club=club, mon=N(month("sv")), wd=N(weekday("sv")), d=N(n_date("sv")), tm=N(f"{R.randint(17, 20)}.{pick(['00', '30'])}"),
        p1=P(ps[0].full), p2=P(ps[1].full), price=N(n_price("nord")), p3=P(ps[2].full), p4=P(ps[3].g),
        s4="" if ps[3].g[-1] in "sxz" else "s", d2=N(n_date("sv")),
        em=EM(role(dom, ("kansli", "styrelsen", "info")) if chance(.5) else pemail(ps[0], "nord")), p1g=P(ps[0].g),
        ph=PH(phone("SE")), u=U(url(dom, ["nyheter", "arsmote-2025", "galleri/#"])))

def t_ticket():
    q = Prof(pick(["PT", "PT", "BR"]))
    return B("event_ticket_email", "pt").f("Assunto: Os seus bilhetes – {ev}\n\nOlá {g},\nObrigado pela sua compra! Encomenda {ord} · {d} · {tm}\nTitular: {name}\n"
        "Bilhetes: 2 × Plateia — {price}\nPago com cartão {cc}\nEndereço de faturação: {addr}\nDescarregue os bilhetes em {u} "
        "(válido até {d2}).\nDúvidas? Escreva para {re} ou ligue {ph}.\n",
        ev=pick(["Festival Primavera Som", "Concerto de Ano Novo", "Noite de Fado no Coliseu"]), g=P(q.g), ord=N(n_order()),
        d=N(n_date("pt")), tm=N(n_time("pt")), name=P(q.full), price=N(n_price("pt")), cc=CC(card()), addr=q.a.one(),
        u=U(url("bilheteira-online.pt", ["conta/bilhetes/#", "download?pedido=#"], www=.1)), d2=N(n_date("pt")),
        re=EM(role("bilheteira-online.pt", ("apoio", "atendimento", "bilhetes"))), ph=PH(phone("PT")))

def t_sim():
    q = Prof("PL")
    return B("sim_registration", "pl").f("FORMULARZ REJESTRACJI KARTY PRE-PAID\nNazwisko: {sur}\nImię: {g}\nAdres zamieszkania: {addr}\nNumer telefonu (nowy): {ph}\n"
        "E-mail do kontaktu: {em}\nNumer umowy: {no}\nData rejestracji: {d}, godz. {tm}\nAdres IP urządzenia rejestrującego: {ip}\n"
        "Punkt sprzedaży: {shop}, kasa nr {kasa}\n",
        sur=P(q.s.upper()), g=P(q.g), addr=q.a.one(), ph=PH(q.ph), em=EM(q.em), no=N(f"UM/{D(6)}/{R.randint(2024, 2025)}"),
        d=N(n_date("pl")), tm=N(f"{R.randint(9, 20)}:{R.randint(0, 59):02d}"), ip=IP(ip()),
        shop=N(pick(["Galeria Mokotów", "Manufaktura", "Złote Tarasy", "Galeria Krakowska"])), kasa=str(R.randint(1, 9)))

def t_market():
    q = Prof(pick(["DE", "DE", "AT"]))
    g = q.g.lower() if chance(.5) else q.g
    return B("marketplace_message", "de").f("Hallo, hier ist {g} vom Inserat „{prod}“ 🙂 Ist noch da! Preis {price} VB.\nAbholung bei mir: {addr}, oder Versand "
        "mit DHL für {p2}.\nBezahlung gern per Überweisung an {iban} (Kontoinhaber {name}) oder PayPal an {em}.\n"
        "Schreib mir auch gern auf WhatsApp: {ph}\nLG {g2}\n",
        g=P(g), prod=N(pick(["Kinderfahrrad 20 Zoll", "Thermomix TM6", "PlayStation 5", "Kindle Paperwhite", "Galaxy Buds"])),
        price=N(n_price("de")), addr=q.a.one(), p2=N(n_price("de")), iban=IB(q.iban()), name=P(q.full), em=EM(q.em), ph=PH(q.ph), g2=P(g))

def t_csv():
    b = B("csv_export", "en")
    if chance(.55):
        b.t("customer_id,full_name,email,phone,signup_ip,created_at\n")
        for _ in range(R.randint(2, 5)):
            q = Prof(pick(ALLC))
            b.f("{cid},{name},{em},{ph},{ip},{ts}\n", cid=N(f"C{NZ(6)}"), name=P(q.full), em=EM(q.em), ph=PH(q.ph), ip=IP(ip()), ts=N(iso_ts()))
    else:
        b.t("payment_id;cardholder;card_number;amount;currency;status\n")
        for _ in range(R.randint(2, 4)):
            q = person("intl")
            b.f("{pid};{name};{cc};{amt};{cur};{st}\n", pid=N(n_uuid()), name=P(q.full), cc=CC(card()),
                amt=N(f"{R.randint(5, 900)}.{D(2)}"), cur=pick(["EUR", "USD", "GBP", "PLN"]), st=pick(["captured", "refunded", "pending"]))
        if chance(.5):
            b.f("{pid};;{bad};{amt};EUR;declined_invalid_pan\n", pid=N(n_uuid()), bad=N(n_badcard()), amt=N(f"{R.randint(5, 900)}.{D(2)}"))
    return b

def t_tsv():
    b = B("tsv_export", "de")
    b.t("Nr\tNachname\tVorname\tStraße\tPLZ\tOrt\tIBAN\tEintritt\n")
    for i in range(R.randint(2, 5)):
        q = Prof(pick(["DE", "DE", "AT", "CH"]))
        b.f("{nr}\t{sur}\t{g}\t{st}\t{pc}\t{city}\t{ib}\t{d}\n", nr=str(i + 1), sur=P(q.s), g=P(q.g), st=A(q.a.line),
            pc=N(q.a.pc), city=q.a.city, ib=IB(q.iban(False)), d=N(n_date("de")))
    return b

def t_logs():
    b = B("log_lines", "en")
    mons = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    for _ in range(R.randint(3, 6)):
        k = R.randint(0, 5)
        if k == 0:
            b.f('{ip} - - [{ts}] "GET /api/v2/users/{uid} HTTP/1.1" 200 {n} "{ref}" "Mozilla/5.0 (X11; Linux x86_64)"\n',
                ip=IP(ipv4()), ts=N(f"{R.randint(1, 28):02d}/{pick(mons)}/2024:{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d} +0000"),
                uid=N(n_uuid()), n=str(R.randint(200, 90000)), ref=U(url(pick(["shop.example-store.com", "app.northwind.io"]), ["account", "checkout/step-2"], www=0)))
        elif k == 1:
            b.f("{ts} WARN auth: failed login for user={em} from {ip} (attempt {a}/5)\n", ts=N(iso_ts()),
                em=EM(pemail(person("intl"), pick(list(FREEMAIL)))), ip=IP(ip()), a=str(R.randint(2, 5)))
        elif k == 2:
            b.f("{ts} INFO mailer: receipt {ord} sent to <{em}> queue_id={hx}\n", ts=N(iso_ts()), ord=N(n_order()),
                em=EM(pemail(person("intl"))), hx=N(n_git()))
        elif k == 3:
            b.f("{ts} DEBUG conn src=[{s6}]:{p1} dst={d4}:{p2} proto=tcp\n", ts=N(iso_ts()), s6=IP(ipv6()),
                p1=str(R.randint(1024, 65000)), d4=IP(ipv4()), p2=pick(["443", "8443", "5432"]))
        elif k == 4:
            b.f("{ts} ERROR payments: gateway declined pan={cc} amount={price} order={ord}\n", ts=N(iso_ts()),
                cc=CC(card().replace(" ", "").replace("-", "")), price=N(f"{R.randint(5, 900)}.{D(2)}"), ord=N(n_order()))
        else:
            b.f("{ts} INFO deploy: release {ver} ({git}) rolled out by {who} from {ip}\n", ts=N(iso_ts()), ver=N(n_ver()),
                git=N(n_git()), who=P(person("intl").full), ip=IP(ip()))
    return b

def t_json():
    q = Prof(pick(ALLC))
    m, y = R.randint(1, 12), R.randint(26, 31)
    return B("json_api_response", "en").f('{\n  "status": "ok",\n  "request_id": "{rid}",\n  "data": {\n    "customer": {\n      "id": "{cid}",\n'
        '      "name": "{name}",\n      "email": "{em}",\n      "phone": "{ph}",\n      "address": {"line1": "{line}", '
        '"postcode": "{pc}", "city": "{city}", "country": "{cc}"},\n      "last_login_ip": "{ip}"\n    },\n'
        '    "payment": {"card_number": "{card}", "expiry": "{exp}"},\n    "order": {"id": "{ord}", "total": "{price}", '
        '"sku": "{sku}"}\n  }\n}\n', rid=N(n_uuid()), cid=N(f"cus_{D(10)}"), name=P(q.full), em=EM(q.em), ph=PH(q.ph), line=A(q.a.line), pc=N(q.a.pc),
        city=q.a.city, cc=q.cc if q.cc != "UK" else "GB", ip=IP(ip()), card=CC(card()), exp=N(f"{m:02d}/{y}"),
        ord=N(n_order()), price=N(f"{R.randint(5, 900)}.{D(2)}"), sku=N(n_product()))

def t_sms():
    q, host = Prof(pick(["FR", "FR", "BE"]), "fr"), person("fr")
    a = q.g.lower()
    return B("sms_thread", "fr").f("De : {ph}\n[{t1}] salut c'est {a} ! t'es dispo samedi soir ?\n[{t2}] Moi : oui !! c'est où déjà ?\n"
        "[{t3}] {a2} : chez {h}, {addr}, digicode {code}, 3e gauche\n[{t4}] Moi : ok je prends la ligne 4. tu me files son "
        "num au cas où ?\n[{t5}] {a3} : {ph2} 😉\n", ph=PH(q.ph), t1=N("19:02"), a=P(a), t2=N("19:05"), a2=P(a), h=P(host.g), addr=A(Addr(q.cc).line),
        code=N(f"{D(2)}{pick('AB')}{D(2)}"), t3=N("19:06"), t4=N("19:10"), t5=N("19:11"), a3=P(a), ph2=PH(phone(q.cc)))

def t_pharm():
    q = Prof(pick(["NL", "NL", "BE"]), "nl")
    who = [pick(["mevrouw ", "meneer ", "dhr. ", "mevr. "]), P(q.s)] if chance(.6) else ["", P(q.full)]
    return B("pharmacy_notice", "nl").f("{ap} – Herhaalservice\n\nBeste {t}{name},\nUw herhaalmedicatie ({med} {dose}, {qty} tabletten) ligt vanaf {wd} {d} "
        "voor u klaar.\nZullen we het bezorgen op {addr}? Reageer via {u} of bel {ph}.\nPatiëntnummer: {pn} · Receptnummer: {rn}\n"
        "Met vriendelijke groet,\n{apo}, apotheker\n", ap=pick(["Apotheek Zuidplein", "Apotheek Het Kruispunt", "Stadsapotheek Noord"]), t=who[0], name=who[1],
        med=N(tn("med")), dose=N(f"{pick([5, 10, 20, 40])} mg"), qty=str(pick([30, 60, 90])), wd=N(weekday("nl")),
        d=N(n_date("nl")), addr=A(q.a.line), u=U(url("mijnapotheek.nl", ["herhaalrecept", "bezorgen/#"])), ph=PH(phone(q.cc)),
        pn=N(f"P{NZ(7)}"), rn=N(f"RX-{D(6)}"), apo=P(person("nl").full))

def t_estate():
    q, ag = Prof("PL"), person("pl")
    return B("real_estate_listing", "pl").f("Ogłoszenie nr {no}: Mieszkanie 3-pokojowe, {m2}, {price}\nLokalizacja: {addr}\nOglądanie: {wd}, {d}, godz. {tm}\n"
        "Kontakt: {t}{agent}, tel. {ph}{ext}, {em}\nWięcej zdjęć i rzut mieszkania: {u}.\n{agency}\n",
        no=N(f"{NZ(6)}/OMS"), m2=N(f"{R.randint(38, 90)} m²"), price=N(f"{R.randint(390, 1400)} 000 zł"), addr=q.a.one(),
        wd=N(weekday("pl")), d=N(n_date("pl")), tm=N(f"{R.randint(9, 18)}:00"), t=tit("pl", .7), agent=P(ag.full),
        ph=PH(phone("PL")), ext=pick(["", f" wew. {R.randint(10, 40)}"]), em=EM(pemail(ag, domain="nieruchomosci-wisla.pl")),
        u=U(url("nieruchomosci-wisla.pl", ["oferty/#", "mieszkanie-3-pokoje-#"])), agency=N("Nieruchomości Wisła Sp. z o.o."))

def t_wedding():
    s1, s2, g = person("it"), person("it"), Prof("IT")
    return B("wedding_rsvp", "it").f("RSVP – Matrimonio di {a} e {bb}\n{d}, Villa Medicea, ore {tm}\n\nNome e cognome: {n1}\nAccompagnatore/trice: {n2}\n"
        "Indirizzo (per la partecipazione cartacea): {addr}\nCellulare: {ph}\nEmail: {em}\nIntolleranze alimentari: {intol}\n\n"
        "Per chi desidera, lista nozze su IBAN {ib} intestato a {f1} e {f2}. Grazie!\n",
        a=P(s1.g), bb=P(s2.g), d=N(n_date("it")), tm=N(f"{R.randint(10, 17)}:{pick(['00', '30'])}"), n1=P(g.full),
        n2=P(person("it").full) if chance(.7) else "nessuno", addr=g.a.one(), ph=PH(g.ph), em=EM(g.em),
        intol=pick(["nessuna", "glutine", "lattosio", "vegetariana"]), ib=IB(iban("IT")), f1=P(s1.full), f2=P(s2.full))

def t_gym():
    q = Prof(pick(["SE", "SE", "NO", "DK", "FI"]), "nord")
    return B("gym_membership", "sv").f("MEDLEMSAVTAL – {gym}\nMedlemsnummer: {no}\nNamn: {name}\nAdress: {addr}\nMobil: {ph}\nE-post: {em}\n"
        "Betalning: autogiro från konto {ib}\nStartdatum: {d}   Månadsavgift: {price}   Bindningstid: 12 månader\nPersonlig tränare: {pt}\n",
        gym=pick(["Friskis Kungsholmen", "Nordic Wellness Majorna", "SATS Odenplan"]), no=N(f"M-{NZ(6)}"), name=P(q.full),
        addr=q.a.one(), ph=PH(q.ph), em=EM(q.em), ib=IB(q.iban()), d=N(n_date("sv")), price=N(f"{R.randint(299, 599)} kr"), pt=P(person("nord").g))

def t_security():
    b = B("security_audit", "en")
    b.f("Security audit — host inventory ({d})\n", d=N(n_date("en")))
    for i in range(R.randint(2, 3)):
        b.f("host web-0{i}  ipv4={a}  ipv6={c}  mac={m}  os=Ubuntu {v}\n", i=str(i + 1), a=IP(ipv4()), c=IP(ipv6()),
            m=N(n_mac()), v=N(pick(["22.04.4", "24.04.1", "20.04.6"])))
    an = person("intl")
    return b.f("Blocked inbound: {src}:{p} -> {dst}:22 (rule {rule}, {n} hits)\nAnalyst: {name} <{em}>   Report: {u}\n"
        "SHA-256 of export: {h}\n", src=IP(ipv4()), p=str(R.randint(1024, 65000)), dst=IP(ipv4()), rule=N(f"FW-{D(4)}"),
        n=str(R.randint(3, 900)), name=P(an.full), em=EM(pemail(an, domain="secops.northwind.io")),
        u=U(url("wiki.northwind.io", ["security/audit-#", "sec/reports/#"], www=0)), h=N("".join(pick("0123456789abcdef") for _ in range(64))))

def t_support():
    q, ag = Prof(pick(["US", "UK", "CA", "AU", "IE", "IN"])), person("en")
    return B("support_ticket", "en").f("Ticket {tck} · Priority: High · Opened {d} {tm}\nFrom: {name} <{em}>\nSubject: Can't log in since the {ver} update\n\n"
        "Hi team,\nI'm {g} from {comp}. Since {wd} I keep getting \"session expired\" on {u}, both in Chrome and on my {prod}. "
        "My IP is {ip} if that helps. Call me at {ph}{ext} any time before 5.\nThanks, {g2}\n\n-- Internal note ({agent}): reset MFA for {sur}; see KB-{kb}.\n",
        tck=N(n_ticket()), d=N(n_date("en")), tm=N(n_time()), name=P(q.full), em=EM(pemail(q.p, domain=pick(["acme-logistics.com", "fjordsoft.no", "brightpath.co.uk"]))),
        ver=N(n_ver()), g=P(q.g), comp=N(tn("company")), wd=N(weekday("en")),
        u=U(url("portal.northwind.io", ["login", "dashboard/#"], www=0)), prod=N(tn("product")), ip=IP(ip()), ph=PH(q.ph),
        ext=f" {pick(EXT['en'])}{R.randint(100, 399)}", g2=P(q.g), agent=P(ag.g), sur=P(q.s), kb=str(R.randint(1000, 9999)))

def t_bank():
    q, r = Prof(pick(["ES", "ES", "MX"]), "es"), person("es")
    return B("bank_transfer", "es").f("Confirmación de transferencia SEPA\nFecha valor: {d}\nOrdenante: {n1}\nIBAN ordenante: {i1}\nBeneficiario: {n2}\n"
        "IBAN beneficiario: {i2}\nImporte: {amt}\nConcepto: Alquiler {mon} – {addr}\nReferencia: {ref}\nComisión: 0,00 €\n",
        d=N(n_date("es")), n1=P(q.full.upper() if chance(.3) else q.full), i1=IB(iban("ES")), n2=P(r.full), i2=IB(iban(pick(["ES", "PT", "FR"]))),
        amt=N(f"{R.randint(450, 1900)},00 €"), mon=N(month("es")), addr=A(Addr("ES").line), ref=N(f"TRF{D(12)}"))

def t_conf():
    ns = [person("intl") for _ in range(5)]
    return B("conference_programme", "en").f("Programme — {conf}, {city}, {d}\n\n{t1}  Keynote: “{talk}” — {n1} ({comp}). Slides: {u}\n{t2}  Panel: {n2}, {n3} and "
        "{n4}; moderated by Dr {n5}\n{t3}  Coffee break (Hall B)\nQuestions to the organisers: {re}\n",
        conf=pick(["EuroData Summit 2025", "Open Cities Forum", "Nordic Health Informatics Days"]), city=N(tn("place")),
        d=N(n_date("en")), t1=N("09:30"), talk=N(tn("course")), n1=P(ns[0].full), comp=N(tn("company")),
        u=U(url(pick(["speakerdeck.com", "slides.eurodata.events"]), ["talks/#", "keynote-2025"], www=.1)),
        t2=N("11:00"), n2=P(ns[1].full), n3=P(ns[2].full), n4=P(ns[3].full), n5=P(ns[4].s), t3=N("12:15"),
        re=EM(role("eurodata.events", ("programme", "speakers", "hello"))))

def tr_suffix(name):
    vs = [c for c in name.lower() if c in "aıeiouöü"]
    v = vs[-1] if vs else "e"
    suf = {"a": "ın", "ı": "ın", "e": "in", "i": "in", "o": "un", "u": "un", "ö": "ün", "ü": "ün"}[v]
    return "'" + ("n" + suf if name[-1].lower() in "aıeiouöü" else suf)

def t_delivery():
    b = B("delivery_note", "tr")
    q, kur, nb = Prof("TR"), person("tr"), person("tr")
    return b.f("Kargo teslimat notu – Takip No: {trk}\nAlıcı: {name} {hon}\nAdres: {addr}\nTel: {ph}\nNot: Kapıda yoksa komşu {nbg} "
        "Bey'e bırakın. {g}{suf} ikinci numarası: {ph2}. Bina kapı kodu {code}.\nKurye: {kur} – {kph}\nTeslim tarihi: {d}, {tm}\n",
        trk=N(f"{NZ(12)}"), name=P(q.full), hon=pick(["Hanım", "Bey"]), addr=q.a.two(), ph=PH(q.ph), nbg=P(nb.g), g=P(q.g),
        suf=tr_suffix(q.g), ph2=PH(phone("TR")), code=N(f"{D(4)}#"), kur=P(kur.full), kph=PH(phone("TR")), d=N(n_date("tr")),
        tm=N(f"{R.randint(9, 19)}:{R.randint(0, 59):02d}"))

def t_tenancy():
    ll = Prof(pick(["DE", "DE", "AT"]))
    te, hv, obj = person("de"), person("de"), Addr(ll.cc)
    return B("tenancy_agreement", "de").f("Mietvertrag über Wohnraum\n\nzwischen {t1}{ll}, {laddr} (Vermieter)\nund {t2}{te} (Mieter)\n\n§ 1 Mietobjekt: {oaddr}, "
        "2 Zimmer, {m2}\n§ 3 Miete: Kaltmiete {p1}, Nebenkostenvorauszahlung {p2}, Kaution {p3}\n§ 4 Mietbeginn: {d}\n"
        "Zahlung auf das Konto des Vermieters: IBAN {ib}\nAnsprechpartner Hausverwaltung: {hv}, {hvem}, {hvph}\n",
        t1=tit("de", .7), ll=P(ll.full), laddr=ll.a.one(), t2=tit("de", .7), te=P(te.full), oaddr=obj.one(),
        m2=N(f"{R.randint(38, 95)} m²"), p1=N(n_price("de")), p2=N(n_price("de")), p3=N(n_price("de")), d=N(n_date("de")),
        ib=IB(ll.iban()), hv=P(hv.full), hvem=EM(role("hausverwaltung-brandt.de", ("kontakt", "verwaltung", "info"))), hvph=PH(phone(ll.cc)))

def t_vet():
    q, vet, clinic = Prof(pick(["AU", "NZ"])), person("en"), Addr(pick(["AU", "NZ"]))
    return B("vet_reminder_sms", "en").f("Hi {g}, reminder: {pet}'s annual vaccination is booked at {cl} on {wd} {d} at {tm}. Reply Y to confirm or call us on "
        "{ph}. Running late? Parking is behind {addr}. Manage bookings: {u} — Dr {vet}\n",
        g=P(q.g), pet=N(pick(["Biscuit", "Pickles", "Mango", "Pepper", "Noodle", "Waffles"])),
        cl=pick(["Bondi Vet Hospital", "Ponsonby Animal Clinic", "Harbourside Vets"]), wd=N(weekday("en")), d=N(n_date("en")),
        tm=N(n_time()), ph=PH(phone(clinic.cc)), addr=A(clinic.line), u=U(url("harboursidevets.com.au", ["bookings", "my-pets/#"])), vet=P(vet.s))

def t_reference():
    q, rf = person("intl"), Prof(pick(["UK", "IE", "US"]))
    return B("reference_letter", "en").f("{d}\n\nTo whom it may concern,\n\nI am pleased to recommend {t}{name}, who worked with us as {job} in the {dept} team from "
        "{m1} {y1} to {m2} {y2}. {t2}{sur}'s attention to detail was exceptional, and {g} trained three junior colleagues.\n\n"
        "Please feel free to contact me on {ph} or at {em}.\n\nYours faithfully,\n{rf}\n{rjob}, {comp}\n{raddr}\n",
        d=N(n_date("en")), t=tit("en", .4), name=P(q.full), job=N(tn("job")), dept=N(tn("dept")), m1=N(month("en")),
        y1=str(R.randint(2015, 2019)), m2=N(month("en")), y2=str(R.randint(2020, 2024)), t2=pick(["Ms ", "Mr ", "Dr "]), sur=P(q.s),
        g=P(q.g), ph=PH(rf.ph), em=EM(pemail(rf.p, domain="northwind-traders.com")), rf=P(rf.full), rjob=N(tn("job")), comp=N(tn("company")), raddr=rf.a.one())

def t_order():
    q = Prof(pick(["US", "US", "CA"]))
    return B("order_confirmation", "en").f("Order confirmation {ord}\n\nThanks for shopping with {brand}, {g}!\nShip to: {name}\n{addr}\n\nItems: {prod} × 1 — {price}\n"
        "Estimated delivery: {d}\nCarrier tracking: {trk}\nBilled to card {cc} (exp {exp})\nTrack or change your order at {u}. "
        "Need help? {re} or {ph}.\n", ord=N(n_order()), brand=N(tn("brand")), g=P(q.g), name=P(q.full), addr=q.a.two(), prod=N(tn("product")),
        price=N(f"${R.randint(9, 999)}.{D(2)}"), d=N(n_date("en")), trk=N(n_track()), cc=CC(card()),
        exp=N(f"{R.randint(1, 12):02d}/{R.randint(26, 31)}"), u=U(url("shop.example-store.com", ["orders/#", "account/orders"], www=0)),
        re=EM(role("example-store.com", ("support", "orders", "help"))), ph=PH(phone("US")))

PII_TEMPLATES = [t_hotel, t_school, t_car, t_donation, t_customs, t_invoice, t_hr, t_tele, t_neigh, t_admit, t_club,
                 t_ticket, t_sim, t_market, t_csv, t_tsv, t_logs, t_json, t_sms, t_pharm, t_estate, t_wedding, t_gym,
                 t_security, t_support, t_bank, t_conf, t_delivery, t_tenancy, t_vet, t_reference, t_order]

# ============================================================================= hard-negative-only templates
def n_ean():
    body = NZ(12)
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)

def g_release():
    return B("neg_release_notes", "en").f("## {ver} — {d}\n\n* Fixed crash when exporting to {path} ({iss})\n* Bumped OpenSSL to {ver2}\n* Default accent colour "
               "is now {hex}\n* Commit {git}, build id {uid}\n* Verified on {prod} by the {dept} team\n",
               ver=N(n_ver()), d=N(n_date("en")), path=N(n_path()), iss=N(f"#{NZ(4)}"), ver2=N(pick(["3.0.13", "3.2.1", "1.1.1w"])),
               hex=N(n_hex()), git=N(n_git()), uid=N(n_uuid()), prod=N(tn("product")), dept=N(tn("dept")))

def g_tracking():
    return B("neg_shipment_status", "de").f("Sendungsverfolgung {trk}\n{d} {tm}  Paketzentrum {pc} {place}: Sendung bearbeitet\n{d2} {tm2}  Zustellung "
               "voraussichtlich am {wd}\nGewicht: {w} · Maße: 40 × 30 × 20 cm\nBestellnummer: {ord}\n",
               trk=N(n_track()), d=N(n_date("de")), tm=N(n_time("de")), pc=N(pick(["04109", "50667", "20095", "86399"])),
               place=N(pick(["Leipzig", "Köln", "Hamburg", "Bobingen"])), d2=N(n_date("de")), tm2=N(n_time("de")),
               wd=N(weekday("de")), w=N(f"{R.randint(1, 30)},{R.randint(0, 9)} kg"), ord=N(n_order()))

def g_catalogue():
    b = B("neg_product_catalogue", "en")
    b.t("sku,name,colour_hex,weight,price,ean\n")
    for _ in range(R.randint(3, 5)):
        b.f("{sku},{name},{hex},{w},{price},{ean}\n", sku=N(n_product()), name=N(tn(pick(["product", "brand"]))),
            hex=N(n_hex()), w=N(f"{R.randint(50, 5000)} g"), price=N(f"{R.randint(5, 900)}.{D(2)}"), ean=N(n_ean()))
    return b

def g_course():
    return B("neg_course_catalogue", "it").f("Corso: {course} – {dept}\nDocente: da definire\nOrario: {wd} {tm}, Aula {room}\nCFU: 9 · Codice: {code}\n"
               "Testo consigliato: {title} (ISBN {isbn})\nEsame: {d}\n",
               course=N(tn("course")), dept=N(tn("dept")), wd=N(weekday("it")), tm=N(n_time("it")), room=N(f"{pick('ABCDE')}{D(3)}"),
               code=N(f"{pick(['ING', 'ECO', 'INF'])}-{NZ(4)}"), title=N(tn("title")), isbn=N(n_isbn()), d=N(n_date("it")))

def g_pharmacy():
    b = B("neg_pharmacy_stock", "fr")
    b.f("Inventaire officine – {d}\n", d=N(n_date("fr")))
    for _ in range(3):
        b.f("{med} {dose} – lot {lot} – péremption {exp} – stock {n} boîtes – {price}\n", med=N(tn("med")),
            dose=N(f"{pick([100, 200, 400, 500, 1000])} mg"), lot=N(f"L{NZ(6)}{pick('ABC')}"), exp=N(f"{R.randint(1, 12):02d}/{R.randint(2025, 2028)}"),
            n=str(R.randint(0, 80)), price=N(n_price("fr")))
    return b.f("Taux de remboursement : {pct}\n", pct=N(n_pct("fr")))

def g_inventory():
    b = B("neg_device_inventory", "en")
    b.t("asset_tag,model,mac,firmware,uuid,location\n")
    for _ in range(R.randint(2, 4)):
        b.f("{tag},{model},{mac},{fw},{uid},Floor {fl}\n", tag=N(f"IT-{D(5)}"), model=N(n_product()), mac=N(n_mac()),
            fw=N(n_ver()), uid=N(n_uuid()), fl=str(R.randint(1, 9)))
    return b

def g_film():
    b = B("neg_cinema_listing", "es")
    b.f("Cartelera del {wd} {d}\n", wd=N(weekday("es")), d=N(n_date("es")))
    for _ in range(R.randint(2, 3)):
        b.f("{tm} — {film} (VOSE) — Sala {n} — {price}\n", tm=N(n_time("es")), film=N(tn("title")), n=str(R.randint(1, 9)), price=N(n_price("es")))
    return b.f("Libro del mes: {book}, ISBN {isbn}. Descuento {pct}.\n", book=N(tn("title")), isbn=N(n_isbn()), pct=N(n_pct("es")))

def g_weather():
    return B("neg_weather_travel", "sv").f("Väder för {place}: {temp}, nederbörd {pct}, vind {w} m/s.\nKoordinater: {coord}. Soluppgång {tm}, solnedgång {tm2}.\n"
               "Nästa tåg med {brand} avgår {d} kl. {tm3} från spår {sp}.\n",
               place=N(tn("place")), temp=N(f"{R.randint(-15, 28)} °C"), pct=N(n_pct("sv")), w=str(R.randint(1, 14)), coord=N(n_coord()),
               tm=N(f"0{R.randint(4, 8)}:{R.randint(10, 59)}"), tm2=N(f"{R.randint(15, 22)}:{R.randint(10, 59)}"),
               brand=N(pick(["SJ", "Vy", "Deutsche Bahn"])), d=N(n_date("sv")), tm3=N(n_time("sv")), sp=str(R.randint(1, 18)))

def g_vat_invoice():
    return B("neg_invoice_summary", "pl").f("Faktura VAT nr {no} z dnia {d}\nNetto: {p1}   VAT {pct}   Brutto: {p2}\nNumer referencyjny płatności: {bad}\n"
               "Termin płatności: {d2}\nNabywca: {comp}\nPozycja: {prod}, {w}\n",
               no=N(f"FV/{D(4)}/{R.randint(1, 12):02d}/{R.randint(2024, 2025)}"), d=N(n_date("pl")), p1=N(n_price("pl")),
               pct=N("23%"), p2=N(n_price("pl")), bad=N(n_badcard()), d2=N(n_date("pl")), comp=N(tn("company")), prod=N(n_product()), w=N(n_measure()))

def g_vacancy():
    return B("neg_job_posting", "nl").f("Vacature: {job} bij {comp}\nAfdeling: {dept}\nLocatie: {place}, postcode {pc}\nSalaris: {p1} – {p2} per maand, "
               "32–40 uur\nReageer vóór {d} via het sollicitatieformulier (vacaturenummer {no}).\n",
               job=N(tn("job")), comp=N(tn("company")), dept=N(tn("dept")), place=N(tn("place")), pc=N(n_postcode()),
               p1=N(n_price("nl")), p2=N(n_price("nl")), d=N(n_date("nl")), no=N(f"VAC-{NZ(5)}"))

def g_gitlog():
    b = B("neg_git_log", "en")
    for _ in range(R.randint(2, 3)):
        b.f("commit {git}\nDate:   {d}\n\n    Bump {pkg} from {v1} to {v2}\n\n M {path}\n\n", git=N(n_git()), d=N(iso_ts()),
            pkg=pick(["serde", "requests", "lodash", "tokio"]), v1=N(n_ver()), v2=N(n_ver()), path=N(n_path()))
    return b

def g_statement():
    b = B("neg_bank_statement", "pt")
    b.f("Extrato de {mon}\n", mon=N(month("pt")))
    for _ in range(R.randint(2, 4)):
        b.f("{d}  Compra {brand}  -{price}\n", d=N(n_date("pt")), brand=N(tn("brand")), price=N(n_price("pt")))
    return b.f("Cartão {mask} · Pedido de cartão recusado (número inválido {bad})\nSaldo disponível: {price} · Juro {pct}\n",
               mask=N(f"**** **** **** {D(4)}"), bad=N(n_badcard()), price=N(n_price("pt")), pct=N(n_pct("pt")))

def g_agenda():
    return B("neg_meeting_agenda", "de").f("Tagesordnung {dept} – {wd}, {d}, {tm} Uhr, Raum {room}\n1. Budget Q3 ({pct} über Plan)\n2. Rollout {prod} "
               "Version {ver}\n3. Termine im {m1} und {m2}\n4. Farbschema {hex} für das Intranet\n",
               dept=N(tn("dept")), wd=N(weekday("de")), d=N(n_date("de")), tm=N(f"{R.randint(8, 16)}:{pick(['00', '30'])}"),
               room=N(f"{pick('ABC')}.{R.randint(1, 4)}.{D(2)}"), pct=N(n_pct("de")), prod=N(tn("product")), ver=N(n_ver()),
               m1=N(month("de")), m2=N(month("de")), hex=N(n_hex()))

def g_football():
    t = R.sample(["Galatasaray", "Fenerbahçe", "Beşiktaş", "Trabzonspor", "Başakşehir", "Samsunspor"], 4)
    return B("neg_sports_results", "tr").f("Süper Lig {n}. hafta – {d}\n{a} {s1} {bb}\n{c} {s2} {dd}\nSeyirci: {crowd} · Hakem raporu {code}\nBilet fiyatları {price} · doluluk {pct}\n",
               n=str(R.randint(1, 34)), d=N(n_date("tr")), a=N(t[0]), s1=f"{R.randint(0, 4)}–{R.randint(0, 4)}", bb=N(t[1]),
               c=N(t[2]), s2=f"{R.randint(0, 4)}–{R.randint(0, 4)}", dd=N(t[3]), crowd=N(f"{R.randint(12, 52)}.{D(3)}"),
               code=N(f"TFF-{NZ(5)}"), price=N(n_price("tr")), pct=N(n_pct("tr")))

NEG_TEMPLATES = [g_release, g_tracking, g_catalogue, g_course, g_pharmacy, g_inventory, g_film, g_weather, g_vat_invoice,
                 g_vacancy, g_gitlog, g_statement, g_agenda, g_football]

# ============================================================================= build + checks
TYPES = ["email", "phone", "credit_card", "iban", "ip_address", "url", "person", "street_address"]
CARD_RE = re.compile(r"(?<![\w.])\d[\d -]{11,21}\d(?![\w])")

def _dedupe(seq):
    seen, out = set(), []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out

def check(b):
    text = b.text()
    raw = text.encode("utf-8")
    ents = sorted(b.ents, key=lambda e: e["start"])
    for e in ents:
        assert e["type"] in TYPES, e
        assert raw[e["start"]:e["end"]].decode("utf-8") == e["value"], (b.tpl, e)
        assert e["value"] == e["value"].strip() and e["value"], (b.tpl, e)
        if e["type"] == "credit_card":
            assert luhn_ok(re.sub(r"\D", "", e["value"])), e
        if e["type"] == "iban":
            assert iban_ok(e["value"]), e
    for x, y in zip(ents, ents[1:]):
        assert x["end"] <= y["start"], (b.tpl, x, y)
    spans = [(e["start"], e["end"]) for e in ents]

    def covered(bs, be):
        return any(s <= bs and be <= e for s, e in spans)

    # every occurrence of an entity value must be labelled (no unlabelled repeats)
    for e in ents:
        pat = re.escape(e["value"])
        if e["type"] == "person":
            pat = r"(?<!\w)" + pat + r"(?!\w)"
        for m in re.finditer(pat, text):
            bs = len(text[:m.start()].encode())
            assert covered(bs, bs + len(m.group().encode())), (b.tpl, e["value"], text)
    # no unlabelled e-mail, url or Luhn-valid card-like number
    for m in re.finditer(r"[\w.+-]+@[\w-]+(\.[\w-]+)+|https?://\S+|www\.\S+", text):
        bs = len(text[:m.start()].encode())
        assert any(s <= bs < e for s, e in spans), (b.tpl, m.group())
    for m in CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and digits[0] in "3456" and luhn_ok(digits):
            bs = len(text[:m.start()].encode())
            assert any(s <= bs < e for s, e in spans), (b.tpl, m.group())
    negs = _dedupe(b.negs)
    values = {e["value"] for e in ents}
    for n in negs:
        assert n in text and n not in values, (b.tpl, n)
    return {"text": text, "entities": ents, "negatives": negs}

def main():
    n_pii, n_neg = 385, 140
    built = []
    for pool, n in ((PII_TEMPLATES, n_pii), (NEG_TEMPLATES, n_neg)):
        order = []
        while len(order) < n:
            rnd = pool[:]
            R.shuffle(rnd)
            order += rnd
        for fn in order[:n]:
            b = fn()
            built.append((b, check(b)))
    R.shuffle(built)
    counts = {t: 0 for t in TYPES}
    n_with, n_negs, langs, tpls = 0, 0, set(), set()
    with open(OUT, "w", encoding="utf-8") as fh:
        for i, (b, rec) in enumerate(built, 1):
            for e in rec["entities"]:
                counts[e["type"]] += 1
            n_with += bool(rec["entities"])
            n_negs += len(rec["negatives"])
            langs.add(b.lang)
            tpls.add(b.tpl)
            line = {"id": f"seventh-{i:05d}", "text": rec["text"], "entities": rec["entities"], "negatives": rec["negatives"]}
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    total = sum(counts.values())
    assert len(built) >= 520 and total >= 1500 and counts["person"] >= 400 and counts["street_address"] >= 150, counts
    assert all(v >= 80 for v in counts.values()), counts
    print(f"wrote {OUT}")
    print(f"items: {len(built)} (with entities: {n_with}, negative-only: {len(built) - n_with})")
    print(f"entities: {total}")
    for t in TYPES:
        print(f"  {t:15s} {counts[t]}")
    print(f"negatives listed: {n_negs}")
    print(f"templates: {len(tpls)} ({len(PII_TEMPLATES)} PII + {len(NEG_TEMPLATES)} negative-only); languages: {len(langs)} {sorted(langs)}")
    print(f"invented names: {STATS['invented']}/{STATS['names']} ({100 * STATS['invented'] / STATS['names']:.0f}%)")

if __name__ == "__main__":
    main()
