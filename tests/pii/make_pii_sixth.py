#!/usr/bin/env python3
"""Generate tests/pii/pii-sixth.jsonl -- the "sixth" synthetic PII evaluation set.

Generator: Python 3 standard library only; everything is drawn from one deterministic
random.Random(SEED) with SEED = 5772156, so re-running reproduces the file byte for byte.
No external data: all names, addresses, numbers are synthetic (about a fifth of the person
names are invented from syllables).

Output line:
  {"id": "sixth-00001", "text": ..., "entities": [{"type", "value", "start", "end"}], "negatives": [...]}
start/end are BYTE offsets into the UTF-8 encoded text: text.encode()[start:end].decode() == value.
Labels exist by construction: every labelled value is appended through Doc.put(), so spans are exact
and never overlap (both are asserted before writing).

Span conventions
  email          the address only (no "mailto:", no angle brackets); role addresses (info@, dpo@ ...) too.
  phone          from the leading "+", "(" or first digit to the last digit; extensions ("ext. 214",
                 "x204", "Durchwahl 31") stay outside.
  credit_card    Luhn-valid number with a real IIN prefix (Visa, Mastercard 51-55/2221-2720, Amex,
                 Discover, JCB, Diners), plain, spaced or hyphenated; the whole number is one span.
  iban           mod-97-valid, correct national length, several countries; compact or grouped by four.
  ip_address     IPv4 and IPv6 (full, compressed, ::1, fe80::); ":port", brackets and "/prefix" outside.
  url            starts at http(s):// or www.; trailing . , ; : ! ? ) ] > and quotes are outside.
  person         the name only; titles (Dr, Mr, Frau, Sr., sig.ra) and possessive 's are outside; a full
                 name is one span including particles (van der, de la, dos), hyphens and apostrophes;
                 given names or surnames used alone are spans too; lower-case names in casual chat and
                 ALL-CAPS surnames in forms are labelled as written.
  street_address the street line: number, street name incl. its street-type word, and any flat/unit/
                 floor/door written on that same line; postcode, city, region and country are outside.
Hard negatives (order/invoice/ticket/tracking numbers, ISBNs, dates, times, versions, git hashes, UUIDs,
Luhn-invalid 16-digit numbers, prices, percentages, measurements, postcodes alone, model codes, Title-Case
non-names such as weekdays, months, brands, products, companies, titles, places, job titles, departments,
medicines, file paths, hex colours, MAC addresses, coordinates) are unlabelled and listed in "negatives".
"""
import json
import os
import re
import string
import random
import unicodedata
from collections import Counter

SEED = 5772156
R = random.Random(SEED)
C = R.choice
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "pii-sixth.jsonl")


# ----------------------------------------------------------------------------- document builder
class Doc:
    def __init__(self):
        self.buf, self.n, self.ents, self.negs = [], 0, [], []

    def add(self, s):
        self.buf.append(s)
        self.n += len(s.encode("utf-8"))

    def put(self, x):
        if x is None:
            return
        if isinstance(x, str):
            self.add(x)
        elif isinstance(x, tuple):
            typ, v = x
            if typ == "neg":
                self.add(v)
                if v not in self.negs:
                    self.negs.append(v)
            else:
                s = self.n
                self.add(v)
                self.ents.append({"type": typ, "value": v, "start": s, "end": self.n})
        else:
            for y in x:
                self.put(y)

    def text(self):
        return "".join(self.buf)
def render(fmt, **kw):
    """Fill {slot}s of fmt; slot values: str (plain), (type, value) tuples, or lists of those."""
    d, pos = Doc(), 0
    for m in re.finditer(r"\{(\w+)\}", fmt):
        if m.group(1) not in kw:
            continue
        d.add(fmt[pos:m.start()])
        d.put(kw[m.group(1)])
        pos = m.end()
    d.add(fmt[pos:])
    return d
def P(v): return ("person", v)
def EM(v): return ("email", v)
def PH(v): return ("phone", v)
def CC(v): return ("credit_card", v)
def IB(v): return ("iban", v)
def IP(v): return ("ip_address", v)
def U(v): return ("url", v)
def SA(v): return ("street_address", v)
def N(v): return ("neg", v)
def N_(a, b): return str(R.randint(a, b))
def digits(k): return "".join(C(string.digits) for _ in range(k))


# ----------------------------------------------------------------------------- credit cards
def luhn_digit(partial):
    t = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        t += d - 9 if d > 9 else d
    return str((10 - t % 10) % 10)
def luhn_ok(num):
    d = re.sub(r"\D", "", num)
    return luhn_digit(d[:-1]) == d[-1]

CARD_IIN = [("4", 16)] * 5 + [("5", 16)] * 4 + [("2", 16), ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("35", 16), ("36", 14)]
def group(num, sizes, sep):
    out, i = [], 0
    for g in sizes:
        out.append(num[i:i + g])
        i += g
    return sep.join(out)
def card(sep=None):
    pre, ln = C(CARD_IIN)
    pre = {"5": str(R.randint(51, 55)), "2": str(R.randint(2221, 2720)), "35": str(R.randint(3528, 3589))}.get(pre, pre)
    body = pre + digits(ln - len(pre) - 1)
    num = body + luhn_digit(body)
    if sep is None:
        sep = C(["", " ", " ", "-"])
    if not sep:
        return num
    return group(num, {16: [4, 4, 4, 4], 15: [4, 6, 5], 14: [4, 6, 4]}[ln], sep)


# ----------------------------------------------------------------------------- IBAN
IBAN_BBAN = {"DE": "18n", "AT": "16n", "CH": "17n", "FR": "10n11c2n", "ES": "20n", "IT": "1a10n12c",
             "NL": "4a10n", "BE": "12n", "GB": "4a14n", "IE": "4a14n", "PL": "24n", "PT": "21n",
             "SE": "20n", "NO": "11n", "DK": "14n", "FI": "14n", "CZ": "20n", "LU": "3n13c", "TR": "5n1z16n", "HU": "24n", "RO": "4a16c", "HR": "17n"}
IBAN_LEN = {"DE": 22, "AT": 20, "CH": 21, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "BE": 16, "GB": 22,
            "IE": 22, "PL": 28, "PT": 25, "SE": 24, "NO": 15, "DK": 18, "FI": 18, "CZ": 24, "LU": 20, "TR": 26, "HU": 28, "RO": 24, "HR": 21}
IBAN_POOL = {"n": string.digits, "a": string.ascii_uppercase, "c": string.digits * 3 + string.ascii_uppercase, "z": "0"}
def _iban_int(s):
    return int("".join(str(int(c, 36)) for c in s))
def iban(cc=None, grouped=None):
    cc = cc or C(sorted(IBAN_BBAN))
    bban = "".join("".join(C(IBAN_POOL[k]) for _ in range(int(n))) for n, k in re.findall(r"(\d+)([nacz])", IBAN_BBAN[cc]))
    s = cc + "%02d" % (98 - _iban_int(bban + cc + "00") % 97) + bban
    if grouped is None:
        grouped = R.random() < 0.55
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if grouped else s
def iban_ok(s):
    s = s.replace(" ", "")
    return len(s) == IBAN_LEN[s[:2]] and _iban_int(s[4:] + s[:4]) % 97 == 1


# ----------------------------------------------------------------------------- phones
PHONES = {"uk": ["+44 20 #DDD DDDD", "020 #DDD DDDD", "07#DD DDDDDD", "+44 7#DD DDDDDD", "+44 (0)161 #DD DDDD"],
    "us": ["(#DD) 555-01DD", "+1 #DD-555-01DD", "#DD.555.01DD", "1-800-#DD-DDDD", "+1 (#DD) 555-01DD"],
    "de": ["+49 30 #DDDDDDD", "030 #DDDDDD", "+49 (0)89 #DDDDD", "0151 #DDDDDDD", "+49 171 #DDDDDD"],
    "fr": ["+33 1 #D DD DD DD", "06 #D DD DD DD", "+33 6 #D DD DD DD", "01.#D.DD.DD.DD"],
    "es": ["+34 91# DDD DDD", "6#D DD DD DD", "+34 6#D DDD DDD", "93 #DD DD DD"],
    "it": ["+39 06 #DDD DDDD", "33# DDD DDDD", "+39 02 #DDDDDDD", "+39 347 #DD DDDD"],
    "nl": ["+31 20 #DD DDDD", "06-#DDDDDDD", "+31 6 #DDD DDDD", "010 #DD DD DD"],
    "pl": ["+48 22 #DD DD DD", "5#D DDD DDD", "+48 6#D DDD DDD", "+48 12 #DD-DD-DD"], "cs": ["+420 6#D DDD DDD", "+420 2## DDD DDD", "7#D DDD DDD"],
    "sv": ["+46 8 #DD DDD DD", "070-#DD DD DD", "+46 70 #DD DD DD", "08-#DD DD DD"], "no": ["+47 #DD DD DDD", "+47 4D DD DD DD", "9#D DD DDD"],
    "da": ["+45 #D DD DD DD", "#D DD DD DD"], "fi": ["+358 40 #DD DDDD", "09 #DDD DDDD", "050 #DD DDDD"], "ch": ["+41 44 #DD DD DD", "079 #DD DD DD"],
    "at": ["+43 1 #DDDDDD", "0664 #DDDDDD", "+43 664 #DD DD DD"], "ie": ["+353 1 #DD DDDD", "087 #DD DDDD", "+353 87 #DD DDDD"],
    "pt": ["+351 21 #DD DDDD", "91# DDD DDD", "+351 93# DDD DDD"], "tr": ["+90 212 #DD DD DD", "0532 #DD DD DD", "+90 (532) #DD DD DD"],
    "au": ["+61 2 #DDD DDDD", "04DD DDD DDD", "(02) #DDD DDDD", "+61 4DD DDD DDD"], "nz": ["+64 9 #DD DDDD", "021 #DD DDDD", "+64 21 #DD DDDD"],
    "ca": ["+1 (416) #DD-DDDD", "514-#DD-DDDD", "+1 604 #DD DDDD"], "mx": ["+52 55 #DDD DDDD", "+52 1 81 #DDD DDDD", "55 #DDD DDDD"],
    "br": ["+55 11 9#DDD-DDDD", "(11) 9#DDD-DDDD", "+55 (21) 9#DDD-DDDD"], "ar": ["+54 9 11 #DDD-DDDD", "011 #DDD-DDDD"],
    "cl": ["+56 9 #DDD DDDD", "+56 2 2#DD DDDD"], "in": ["+91 9#DDD DDDDD", "+91-80-#DDD-DDDD", "098#DD DDDDD"],
    "sg": ["+65 6#DD DDDD", "+65 9#DD DDDD", "8#DD DDDD"], "hk": ["+852 #DDD DDDD"], "ph": ["+63 917 #DD DDDD", "(02) 8#DD DDDD"],
    "my": ["+60 12-#DD DDDD", "+60 3-#DDD DDDD"], "jp": ["+81 3-#DDD-DDDD", "090-#DDD-DDDD"],}
EXTS = [" ext. 214", " x204", " ext 31", " (ext. 12)", ", ext. 7", " Durchwahl 31", " poste 218", " int. 45"]
def phone(cc=None):
    cc = cc if cc in PHONES else C(sorted(PHONES))
    return "".join(C("123456789") if c == "#" else C(string.digits) if c == "D" else c for c in C(PHONES[cc]))
def phone_x(cc=None, p=0.15):
    """phone entity, sometimes followed by an (unlabelled) extension."""
    out = [PH(phone(cc))]
    if R.random() < p:
        out.append(C(EXTS))
    return out


# ----------------------------------------------------------------------------- names
NAMES = {"en": (["Oliver", "Charlotte", "Amelia", "Harry", "Grace", "Liam", "Chloe", "Nathan", "Imogen", "Rhys",
    "Priya", "Declan", "Hannah", "Marcus", "Eleanor"], ["Whitfield", "Okafor", "Hargreaves", "O'Connor", "MacLeod", "Fitzgerald", "Thompson-Reid",
    "Ashworth", "Pemberton", "Osei", "Blackwood", "Kaur", "St. John", "McAllister"]),
    "de": (["Jürgen", "Lukas", "Anneliese", "Maximilian", "Jörg", "Sören", "Annika", "Uwe", "Grete", "Käthe", "Hans-Peter", "Friederike"],
    ["Müller", "Schäfer", "Großmann", "von Hohenberg", "Weiß", "Köhler", "Bäumer", "Hoffmann-Lütke", "Brückner", "Oßwald", "zu Dohna"]),
    "fr": (["Anne-Sophie", "Jérôme", "Hélène", "Françoise", "Étienne", "Léa", "Benoît", "Zoé", "Gaëlle", "Jean-Baptiste", "Maëlys"],
    ["Lefèvre", "Dubois", "de La Fontaine", "Géraud", "Bérenger", "Lemaître", "Marchand", "Châtelain", "d'Arcy", "Le Guénnec"]),
    "es": (["José Luis", "María José", "Íñigo", "Begoña", "Nuria", "Álvaro", "Ainhoa", "Martín", "Sofía"],
    ["Fernández", "Muñoz", "de la Cruz", "Ibáñez", "Peña", "Gutiérrez", "Olazábal", "del Río", "Sáenz"]),
    "it": (["Giuseppe", "Chiara", "Niccolò", "Ilaria", "Federica", "Pietro", "Gianluca", "Mattia"],
    ["D'Angelo", "Rossi", "De Luca", "Esposito", "Bianchi", "Lo Russo", "Di Stefano", "Galli", "Dell'Acqua"]),
    "nl": (["Maarten", "Sanne", "Joost", "Femke", "Ruud", "Lieke", "Sjoerd", "Marieke"],
    ["van der Berg", "de Vries", "van Dijk", "Jansen", "Bakker", "ten Hoeve", "van 't Hof", "Smit", "Visser"]),
    "pt": (["João", "Inês", "Gonçalo", "Conceição", "Luís", "Mariana", "Thiago", "Letícia"],
    ["da Silva", "Gonçalves", "dos Santos", "Magalhães", "Araújo", "Figueiredo", "Simões"]),
    "pl": (["Łukasz", "Małgorzata", "Wojciech", "Zofia", "Grzegorz", "Agnieszka", "Jędrzej"],
    ["Kowalska", "Wiśniewski", "Szczepańska", "Żółkiewski", "Krzyżanowski", "Dąbrowska", "Nowak"]),
    "cs": (["Jiří", "Kateřina", "Tomáš", "Lucie", "Přemysl", "Radka", "Ondřej"], ["Dvořák", "Nováková", "Procházka", "Černý", "Růžičková", "Kovář"]),
    "sv": (["Åsa", "Björn", "Ingrid", "Håkan", "Frida", "Linnéa"], ["Lindqvist", "Ångström", "Kjellberg", "Söderström", "Bergqvist"]),
    "no": (["Øystein", "Sigrid", "Torbjørn", "Ingeborg"], ["Bjørnstad", "Haugen", "Løvås", "Kristiansen"]),
    "da": (["Søren", "Mette", "Asger", "Signe"], ["Sørensen", "Østergaard", "Kjærgaard", "Møller"]),
    "fi": (["Väinö", "Aino", "Jyrki", "Päivi", "Eetu"], ["Häkkinen", "Mäkelä", "Virtanen", "Järvinen"]),
    "tr": (["Şule", "Gökhan", "Ayşe", "Çağlar", "Ömer", "İlkay", "Emre"], ["Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan", "Güneş", "Kılıç"]),
    "hu": (["Zsófia", "Gergő", "Ildikó", "Bence"], ["Szőke", "Kovács", "Bíró", "Nagy-Tóth"]),
    "ro": (["Ștefan", "Ioana", "Mihai"], ["Popescu", "Țurcanu", "Ionescu"]), "hr": (["Ivana", "Dražen", "Matija"], ["Horvat", "Kovačević", "Đurić"]),
    "is": (["Sigríður", "Þórður", "Guðrún"], ["Jónsdóttir", "Þorsteinsson", "Guðmundsson"]),
    "ga": (["Siobhán", "Pádraig", "Aoife", "Ciarán"], ["Ó Briain", "Ní Dhuibhir", "Mac Giolla Phádraig"]),
    "vi": (["Lan", "Minh", "Thảo", "Hùng", "Phương"], ["Nguyễn", "Trần", "Lê", "Phạm"]),
    "fil": (["Maricel", "Jomar", "Rhea"], ["Dela Cruz", "Bautista", "Macaraeg"]),}
SYL = ["ka", "lo", "vri", "zen", "mar", "tho", "quel", "dra", "fen", "iss", "or", "bel", "ny", "sto", "vak",
       "rue", "mi", "sel", "tor", "ya", "gul", "bre", "xan", "pim"]
END_G = ["a", "o", "ine", "iel", "ara", "en", "is", "ette", "", "ka"]
END_S = ["ovar", "elli", "strom", "wick", "anu", "eski", "mont", "ridge", "ayel", "quist", "ez", "oulos", "ić"]
ACC = {"a": "á", "e": "é", "o": "ö", "u": "ü", "i": "ï"}
def _accent(s):
    if R.random() < 0.25:
        i = R.randrange(len(s))
        if s[i] in ACC:
            s = s[:i] + ACC[s[i]] + s[i + 1:]
    return s
def inv_given():
    return _accent("".join(C(SYL) for _ in range(R.randint(1, 2))) + C(END_G)).capitalize()
def inv_surname():
    s = _accent("".join(C(SYL) for _ in range(R.randint(1, 2))) + C(END_S)).capitalize()
    return s + "-" + inv_surname() if R.random() < 0.07 else s

LANGS = sorted(NAMES)
def _lang(lang):
    return lang if lang in NAMES and R.random() < 0.65 else C(LANGS)
def given(lang=None):
    return inv_given() if R.random() < 0.2 else C(NAMES[_lang(lang)][0])
def surname(lang=None):
    return inv_surname() if R.random() < 0.2 else C(NAMES[_lang(lang)][1])
def full(lang=None):
    if R.random() < 0.2:
        return inv_given() + " " + inv_surname()
    lg = _lang(lang)
    gs, ss = NAMES[lg]
    if lg == "vi":
        return f"{C(ss)} {C(['Thị', 'Văn', 'Đức', 'Ngọc'])} {C(gs)}"
    if lg == "es" and R.random() < 0.5:
        a, b = R.sample(ss, 2)
        return f"{C(gs)} {a} {b}"
    if lg == "pt" and R.random() < 0.4:
        a, b = R.sample(ss, 2)
        return f"{C(gs)} {a} {b}"
    if R.random() < 0.1:
        a, b = R.sample(gs, 2)
        return f"{a} {b} {C(ss)}"
    return f"{C(gs)} {C(ss)}"
def split_name(name):
    """(given, surname) of a full name for re-mentions; particles stay with the surname."""
    parts = name.split(" ")
    for i, p in enumerate(parts[1:], 1):
        if p[:1].islower() or p in ("Ó", "Ní", "Mac", "St.", "Dela", "Dell'Acqua", "De", "Di", "Lo", "Le"):
            return " ".join(parts[:i]), " ".join(parts[i:])
    return " ".join(parts[:-1]), parts[-1]

TR_MAP = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "þ": "th",
                        "Þ": "Th", "ð": "d", "ı": "i", "æ": "ae", "œ": "oe"})
def ascii_slug(s):
    s = unicodedata.normalize("NFKD", s.translate(TR_MAP))
    return re.sub(r"[^a-z]", "", "".join(c for c in s if not unicodedata.combining(c)).lower())


# ----------------------------------------------------------------------------- emails / urls / IPs
MAILDOM = {"en": ["gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "btinternet.com"],
           "de": ["web.de", "gmx.de", "t-online.de", "posteo.de"], "fr": ["orange.fr", "free.fr", "laposte.net"],
           "es": ["yahoo.es", "telefonica.net", "gmail.com"], "it": ["libero.it", "virgilio.it", "tiscali.it"],
           "nl": ["ziggo.nl", "kpnmail.nl", "hotmail.nl"], "pt": ["sapo.pt", "uol.com.br", "gmail.com"],
           "pl": ["wp.pl", "onet.pl", "interia.pl"], "cs": ["seznam.cz", "email.cz", "centrum.cz"],
           "sv": ["telia.com", "bredband.net"], "tr": ["yandex.com.tr", "hotmail.com"],
           "fi": ["kolumbus.fi", "elisanet.fi"], "da": ["mail.dk", "jubii.dk"]}
FREEMAIL = ["gmail.com", "outlook.com", "proton.me", "icloud.com", "hotmail.com", "fastmail.com", "yahoo.com"]
ORG_DOM = ["northwind-logistics.co.uk", "brightfield.io", "kanzlei-weber.de", "pharmacie-centrale.fr",
           "clinicaveterinaria-sol.es", "studio-lumen.it", "bakkerij-devries.nl", "ferragens-lopes.pt",
           "biuro-rachunkowe.pl", "stavby-sever.cz", "djurkliniken-ost.se", "ornek-lojistik.com.tr",
           "hackhub.dev", "meadowpod.fm", "emerald-insurance.ie", "harbourview-hotel.com.au",
           "kiwi-charity.org.nz", "tanjong-suites.sg", "club-atletico-norte.es", "volunteers-utrecht.nl",
           "nordlys-clinic.no", "cloudmesa.net", "opsguild.io", "fundacja-zielona.org.pl"]
ROLES = ["info", "support", "billing", "dpo", "privacy", "hr", "bookings", "noreply", "accounts", "security",
         "hello", "kontakt", "contact", "facturacion", "assistenza", "rsvp", "press", "datenschutz"]
def email_for(name, lang=None):
    parts = [ascii_slug(p) for p in name.split()]
    parts = [p for p in parts if p] or ["user"]
    f, l = parts[0], parts[-1]
    local = C([f"{f}.{l}", f"{f[0]}.{l}", f"{f}{l}{R.randint(1, 99)}", f"{l}.{f}", f"{f}_{l}", f"{f}", f"{f}.{l}{R.randint(70, 99)}", f"{f[0]}{l}"])
    return local + "@" + C(MAILDOM.get(lang, FREEMAIL) + FREEMAIL[:2])
def role_email(dom=None):
    return C(ROLES) + "@" + (dom or C(ORG_DOM))

PATHS = ["", "/", "/about", "/kontakt", "/en/contact-us", "/docs/runbooks/db-failover",
         "/events/2024/register?ref=mail", "/p/8f3k2", "/blog/2023/11/guest-notes.html",
         "/wiki/Team_Pages#oncall", "/index.php?id=42&lang=de", "/~lab/files/", "/s/AbC123xyz",
         "/grafana/d/api-latency?orgId=1&from=now-6h", "/claims/status", "/termine/online-buchen"]
def url(dom=None, path=None):
    dom = dom or C(ORG_DOM)
    path = C(PATHS) if path is None else path
    scheme = C(["https://", "https://", "https://", "http://", "www.", "https://www."])
    return scheme + dom + path
def person_url(name):
    slug = "-".join(ascii_slug(p) for p in name.split() if ascii_slug(p))
    return C([f"https://github.com/{slug.replace('-', '')}", f"https://www.linkedin.com/in/{slug}-{R.randint(10, 999)}",
              f"https://{slug}.dev", f"https://gitlab.com/{slug}/portfolio", f"https://{slug.replace('-', '')}.substack.com/"])
def ipv4():
    r = R.random()
    if r < 0.2:
        return f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
    if r < 0.35:
        return f"192.168.{R.randint(0, 255)}.{R.randint(1, 254)}"
    if r < 0.45:
        return f"172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
    if r < 0.6:
        return C(["192.0.2", "198.51.100", "203.0.113"]) + f".{R.randint(1, 254)}"
    a = C([x for x in range(11, 224) if x not in (127, 169, 172, 192)])
    return f"{a}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
def _compress6(g):
    best, i = (0, -1), 0
    while i < 8:
        if g[i] == 0:
            j = i
            while j < 8 and g[j] == 0:
                j += 1
            if j - i > best[0]:
                best = (j - i, i)
            i = j
        else:
            i += 1
    parts = ["%x" % x for x in g]
    ln, s = best
    if ln < 2:
        return ":".join(parts)
    return ":".join(parts[:s]) + "::" + ":".join(parts[s + ln:])
def ipv6():
    r = R.random()
    if r < 0.08:
        return "::1"
    g = [R.randint(1, 0xffff) for _ in range(8)]
    if r < 0.3:
        g[:4] = [0xfe80, 0, 0, 0]
        return _compress6(g)
    if r < 0.55:
        g[:2] = [0x2001, 0xdb8]
    else:
        g[0] = C([0x2001, 0x2a00, 0x2a02, 0x2600, 0x2604, 0x2c0f, 0x2400, 0x2406])
    m = R.random()
    if m > 0.85:
        return ":".join("%04x" % x for x in g)
    if m < 0.65:
        i = R.randint(2, 5)
        k = R.randint(2, 7 - i)
        g[i:i + k] = [0] * k
    return _compress6(g)
def ip_any():
    return ipv4() if R.random() < 0.55 else ipv6()


# ----------------------------------------------------------------------------- street addresses
def expand(p):
    """Pattern expander: {a-b} random int, {L} postcode letter, {x|y|z} choice (empty allowed); innermost first."""
    def tok(t):
        if re.fullmatch(r"\d+-\d+", t):
            a, b = map(int, t.split("-"))
            return str(R.randint(a, b))
        return C(PCL) if t == "L" else C(t.split("|"))
    while "{" in p:
        p = re.sub(r"\{([^{}]*)\}", lambda m: tok(m.group(1)), p)
    return p

PCL = "ABDEFGHJLNPQRSTUWXYZ"
# country -> (street-line patterns, locality patterns); street lines are written the way locals write them
ADDR = {
    "uk": (["{|||Flat {1-24}, |Apartment {1-24}, }{1-240} {Kingsley|Albert|Victoria|Mill|Church|Station|Elm|Greenway|Bishop's|Marlborough} {Road|Street|Lane|Avenue|Close|Crescent|Gardens|Terrace|Drive}"],
    ["London SW{1-19} {1-9}{L}{L}", "Leeds LS{1-27} {1-9}{L}{L}", "MANCHESTER M{1-40} {1-9}{L}{L}", "Edinburgh EH{1-17} {1-9}{L}{L}", "Bristol BS{1-16} {1-9}{L}{L}"]),
    "ie": (["{||Apartment {1-40}, }{1-120} {Harcourt|Leeson|Merrion|Patrick|Main|Strand|Eyre} {Street|Road|Terrace|Place|Square}"],
    ["Dublin 2, D02 {L}{100-999}", "Cork, T12 {L}{100-999}", "Galway, H91 {L}{100-999}", "Dublin 8, D08 {L}{100-999}"]),
    "us": (["{100-9800} {Maple|Oak|Cedar|Lincoln|Sunset|Lakeview|Pine|Magnolia} {Avenue|Street|Boulevard|Drive|Lane|Ave|St|Blvd}{||, Apt {1-12}{A|B|C}| Suite {1-30}00| #{101-905}}",
    "{100-999} {W|E} {10-89}th St{|| Apt {1-9}{A|B}|, Fl {2-40}}"],
    ["Portland, OR 972{10-99}", "Austin, TX 787{10-99}", "Columbus, OH 432{10-99}", "Madison, WI 537{10-99}", "Raleigh, NC 276{10-99}"]),
    "ca": (["{|||{1-30}-}{10-4999} {King Street West|Yonge Street|rue Saint-Denis|boulevard René-Lévesque Ouest|Granville Street|Jasper Avenue}{|||, Suite {1-9}00|, app. {1-12}}"],
    ["Toronto ON  M5V {1-9}{L}{1-9}", "Montréal QC  H2X {1-9}{L}{1-9}", "Vancouver BC  V6B {1-9}{L}{1-9}", "Edmonton AB  T5J {1-9}{L}{1-9}"]),
    "de": (["{Hauptstraße|Lindenallee|Schillerstraße|Bahnhofstraße|Kastanienweg|Friedrich-Ebert-Straße|Königsplatz|Rosenstraße|Am Mühlenweg|Goethestr.} {1-140}{||a|b}{|||, 2. OG|, Hinterhaus|, 3. OG links}"],
    ["10{100-999} Berlin", "20{100-999} Hamburg", "80{100-999} München", "50{100-999} Köln", "79{100-999} Freiburg im Breisgau"]),
    "at": (["{Mariahilfer Straße|Landstraßer Hauptstraße|Getreidegasse|Herrengasse|Wiedner Gürtel|Schottenring} {1-120}{|/{1-4}/{1-24}}"],
    ["1060 Wien", "1030 Wien", "5020 Salzburg", "8010 Graz", "6020 Innsbruck"]),
    "ch": (["{Bahnhofstrasse|Seestrasse|Rue du Rhône|Via Nassa|Limmatquai|Avenue de la Gare} {1-99}"],
    ["8001 Zürich", "1204 Genève", "6900 Lugano", "3011 Bern", "1003 Lausanne"]),
    "fr": (["{||||Appt {1-60}, }{1-180}{||| bis| ter} {rue de la République|avenue Jean Jaurès|boulevard Voltaire|rue des Lilas|place Bellecour|impasse des Tilleuls|quai de la Tournelle|allée des Pins}"],
    ["750{10-20} PARIS", "69002 Lyon", "13001 Marseille", "31000 Toulouse", "44000 NANTES"]),
    "be": (["{Rue de la Loi|Avenue Louise|Chaussée de Waterloo|Rue Haute} {1-300}{|, boîte {1-20}}", "{Kerkstraat|Veldstraat|Stationslei|Brusselsesteenweg} {1-200}{| bus {1-12}}"],
    ["1040 Bruxelles", "1050 Ixelles", "2000 Antwerpen", "9000 Gent", "3000 Leuven"]),
    "nl": (["{Keizersgracht|Prinsengracht|Stationsweg|Dorpsstraat|Kerkstraat|Molenlaan|Oudegracht|Julianaplein|Van Woustraat} {1-480}{|||A|-II|-hs| bis}"],
    ["{1011-1109} {L}{L}  Amsterdam", "{3511-3585} {L}{L}  Utrecht", "{3011-3089} {L}{L}  Rotterdam", "{2311-2334} {L}{L}  Leiden"]),
    "es": (["{Calle Mayor|C/ de Alcalá|Avenida de la Constitución|Paseo de Gracia|Carrer de Provença|Plaza de España|C/ Gran Vía}, {1-220}{||, {1-9}º {A|B|izq.|dcha.|2ª}}"],
    ["28013 Madrid", "08008 Barcelona", "41001 Sevilla", "46002 València", "48001 Bilbao"]),
    "pt": (["{Rua Augusta|Avenida da Liberdade|Rua de Santa Catarina|Travessa do Carmo|Largo do Chiado|Rua do Almada}, {1-250}{||, {1-8}.º {Esq.|Dto.|Frente}}"],
    ["1100-{100-999} Lisboa", "4000-{100-999} Porto", "3000-141 Coimbra"]),
    "it": (["{Via Roma|Via Garibaldi|Corso Vittorio Emanuele II|Piazza Navona|Viale Monza|Via dei Mille|Largo Augusto} {1-200}{|||, scala B, int. {1-20}|, int. {1-20}}"],
    ["20121 Milano (MI)", "00186 Roma", "80132 Napoli", "10123 Torino (TO)", "50122 Firenze"]),
    "pl": (["{ul. Marszałkowska|ul. Długa|ul. Piotrkowska|ul. Świętokrzyska|ul. Floriańska|al. Jerozolimskie|ul. Grunwaldzka} {1-150}{||A}{|/{1-90}| m. {1-60}| lok. {1-12}}"],
    ["00-624 Warszawa", "31-019 Kraków", "90-001 Łódź", "80-831 Gdańsk", "50-077 Wrocław"]),
    "cs": (["{náměstí Míru|třída Svobody|nábřeží Kapitána Jaroše|Masarykova třída|třída Tomáše Bati|Vinohradská ulice} {100-2999}/{1-60}"],
    ["120 00 Praha 2", "602 00 Brno", "779 00 Olomouc", "760 01 Zlín"]),
    "se": (["{Drottninggatan|Storgatan|Sveavägen|Kungsgatan|Götgatan|Linnégatan|Strandvägen} {1-120}{||, lgh {11-16}0{1-9}| A| B}"],
    ["111 {20-60} Stockholm", "411 {10-40} Göteborg", "211 {20-50} Malmö", "753 {10-30} Uppsala"]),
    "no": (["{Karl Johans gate|Storgata|Bygdøy allé|Thorvald Meyers gate|Kongens gate} {1-90}{||B}"],
    ["0154 Oslo", "5003 Bergen", "7011 Trondheim", "9008 Tromsø"]),
    "da": (["{Nørrebrogade|Vesterbrogade|Strandvejen|Østerbrogade|Åboulevard} {1-200}{|, {1-5}. {tv.|th.|mf.}}"],
    ["2200 København N", "1620 København V", "8000 Aarhus C", "5000 Odense C"]),
    "fi": (["{Mannerheimintie|Hämeenkatu|Aleksanterinkatu|Pohjoisesplanadi|Itäinen Rantakatu} {1-90}{| {A|B|C} {1-40}}"],
    ["00100 Helsinki", "33100 Tampere", "20100 Turku", "90100 Oulu"]),
    "tr": (["{Atatürk Caddesi|Bağdat Cad.|İstiklal Caddesi|Cumhuriyet Mah. Gül Sokak|Kızılay Bulvarı} {No: |No:}{1-300}{| D: {1-20}| Daire: {1-20}|/{1-12}}"],
    ["34710 Kadıköy/İstanbul", "06420 Çankaya/Ankara", "35220 Konak/İzmir"]),
    "mx": (["{Av. Insurgentes Sur|Calle Durango|Paseo de la Reforma|Calle Madero|Av. Revolución} {1-1800}{|, Int. {1-12}|, Depto. {1-9}0{1-4}}"],
    ["Col. Roma Norte, 06700 Ciudad de México, CDMX", "Col. Centro, 64000 Monterrey, N.L.", "Col. Americana, 44160 Guadalajara, Jal."]),
    "br": (["{Rua das Flores|Av. Paulista|Rua Oscar Freire|Avenida Atlântica|Rua XV de Novembro}, {1-2500}{|, apto {1-20}{1-4}|, conj. {1-9}{1-9}}"],
    ["Bela Vista, São Paulo - SP, 01310-100", "Copacabana, Rio de Janeiro - RJ, 22021-001", "Centro, Curitiba - PR, 80020-310"]),
    "ar": (["{Av. Corrientes|Calle Florida|Av. Santa Fe|Calle Defensa|Av. de Mayo} {100-4999}{||, {1-14}º {A|B|C|D}}"],
    ["C1043 CABA", "C1425 Buenos Aires", "X5000 Córdoba"]),
    "cl": (["{Avenida Providencia|Calle Huérfanos|Av. Apoquindo|Calle Merced} {100-4999}{|, depto. {1-20}0{1-9}|, oficina {10-99}}"],
    ["Providencia, Santiago", "Las Condes, Santiago", "Valparaíso"]),
    "au": (["{|Unit {1-20}, |{1-20}/}{1-300} {Smith|George|Chapel|Brunswick|Beach|Hill|Flinders} {Street|St|Road|Rd|Parade|Terrace|Hwy}"],
    ["Fitzroy VIC 3065", "Surry Hills NSW 2010", "Fortitude Valley QLD 4006", "Fremantle WA 6160"]),
    "nz": (["{||Flat {1-9}, }{1-400} {Queen|Ponsonby|Karangahape|Cuba|Riccarton|Tinakori} {Street|Road|Terrace}"],
    ["Grey Lynn, Auckland 1021", "Te Aro, Wellington 6011", "Christchurch 8011"]),
    "sg": (["{1-200} Anson Road #{10-40}-{10-99}", "Blk {100-699} Ang Mo Kio Avenue {1-10} #0{2-9}-{100-999}",
    "{1-500} Orchard Road #{10-40}-{10-99}", "Blk {100-899} Tampines Street {11-99} #0{2-9}-{10-99}"], ["Singapore {10-82}{1000-9999}"]),
    "in": (["{Flat No. |Flat |House No. }{1-40}{|B|A}, {1-200} {MG Road|Residency Road|Linking Road|Park Street|Nehru Marg|4th Cross Road}"],
    ["Bengaluru, Karnataka 560001", "Mumbai 400050", "Kolkata 700016", "New Delhi 110003"]),
    "ph": (["Unit {1-40}0{1-9}, {100-9999} {Ayala Avenue|Paseo de Roxas|Shaw Boulevard|Katipunan Avenue}"],
    ["Makati City 1226", "Mandaluyong 1552", "Quezon City 1108"]),
    "my": (["No. {1-200}, {Jalan Bukit Bintang|Jalan Ampang|Jalan Tun Razak|Lorong Kurau 3}"],
    ["55100 Kuala Lumpur", "50450 Kuala Lumpur", "10200 George Town, Penang"]),
    "hk": (["Flat {A|B|C|D|E}, {2-40}/F, {1-300} {Nathan Road|Des Voeux Road Central|Queen's Road East|King's Road|Hennessy Road}"],
    ["Tsim Sha Tsui, Kowloon", "Central, Hong Kong", "Wan Chai, Hong Kong"]),}
CC_LANG = {"uk": "en", "ie": "ga", "us": "en", "ca": "fr", "de": "de", "at": "de", "ch": "de", "fr": "fr",
           "be": "nl", "nl": "nl", "es": "es", "pt": "pt", "it": "it", "pl": "pl", "cs": "cs", "se": "sv",
           "no": "no", "da": "da", "fi": "fi", "tr": "tr", "mx": "es", "br": "pt", "ar": "es", "cl": "es",
           "au": "en", "nz": "en", "sg": "en", "in": "en", "ph": "fil", "my": "en", "hk": "en"}
COUNTRY = {"uk": "United Kingdom", "ie": "Ireland", "us": "USA", "ca": "Canada", "de": "Deutschland",
           "at": "Österreich", "ch": "Schweiz", "fr": "France", "be": "Belgique", "nl": "Nederland",
           "es": "España", "pt": "Portugal", "it": "Italia", "pl": "Polska", "cs": "Česká republika",
           "se": "Sverige", "no": "Norge", "da": "Danmark", "fi": "Suomi", "tr": "Türkiye", "mx": "México",
           "br": "Brasil", "ar": "Argentina", "cl": "Chile", "au": "Australia", "nz": "New Zealand",
           "sg": "Singapore", "in": "India", "ph": "Philippines", "my": "Malaysia", "hk": "Hong Kong"}
def addr(cc=None):
    """(street_line, locality, cc)"""
    cc = cc if cc in ADDR else C(sorted(ADDR))
    streets, locs = ADDR[cc]
    return expand(C(streets)), expand(C(locs)), cc
def ph_cc(cc):
    return {"se": "sv"}.get(cc, cc)

# ----------------------------------------------------------------------------- hard negatives
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
BRANDS = ["Volkswagen", "Nestlé", "Adidas", "Philips", "Lego", "Škoda", "Miele", "Bosch", "Decathlon", "IKEA", "Peugeot", "Lufthansa", "Spotify"]
PRODUCTS = ["iPhone 15 Pro", "Galaxy Tab S9", "ThinkPad X1 Carbon", "PlayStation 5", "Kindle Paperwhite",
            "Dyson V15 Detect", "Nespresso Vertuo", "Surface Laptop Go", "AirPods Pro", "Pixel 8a"]
COMPANIES = ["Siemens AG", "Acme Logistics Ltd", "Blue Harbour Foods B.V.", "Lumière Optique SARL",
             "Stella Nera S.r.l.", "Northwind Traders", "Contoso Pharma GmbH", "Aurora Energia S.A.", "Polar Freight AB", "Redwood Analytics Inc."]
COURSES = ["Introduction to Organic Chemistry", "Advanced Data Structures", "Business Ethics",
           "Macroeconomics II", "Creative Writing Workshop", "Statistical Learning"]
BOOKS = ["The Silent Harbour", "Winter in the Orchard", "A Brief History of Salt", "The Glass Cartographer", "Letters from Nowhere"]
FILMS = ["Northern Lights Over Bergen", "The Last Lighthouse", "Midnight Express Line", "Paper Moons", "The Salt Road"]
PLACES = ["Lake Geneva", "Victoria Station", "Alexanderplatz", "Montmartre", "Puerta del Sol", "Hyde Park",
          "Mount Cook", "Sentosa Island", "Grand Canal", "Central Station", "Old Town Square"]
JOBS = ["Senior Product Manager", "Head of Finance", "Data Protection Officer", "Site Reliability Engineer",
        "Chief Pharmacist", "Staff Nurse", "Account Executive", "Volunteer Coordinator"]
DEPTS = ["Human Resources", "Accounts Payable", "Customer Success", "Research and Development",
         "Facilities Management", "Legal Department", "Platform Engineering"]
MEDS = ["Amoxicillin", "Ibuprofen", "Metformin", "Atorvastatin", "Omeprazole", "Salbutamol", "Paracetamol", "Levothyroxine", "Cetirizine", "Ramipril"]
CITIES = ["Lyon", "Porto", "Gdańsk", "Utrecht", "Bergen", "Graz", "Valencia", "Bologna", "Tampere", "Izmir",
          "Brno", "Aarhus", "Cork", "Leeds", "Wellington", "Adelaide", "Penang", "Cebu"]
def n_order():
    return C([f"ORD-{R.randint(2021, 2025)}-{R.randint(100000, 999999)}", f"#{R.randint(100000, 999999)}",
              f"PO {R.randint(4500000000, 4599999999)}", f"A{R.randint(10, 99)}-{R.randint(10000, 99999)}"])
def n_invoice():
    y = R.randint(2021, 2025)
    return C([f"INV-{y}-{R.randint(1, 99999):05d}", f"RE-{y}/{R.randint(100, 9999)}", f"FA{y}{R.randint(1, 999999):06d}"])
def n_ticket():
    return C([f"INC{R.randint(0, 9999999):07d}", f"OPS-{R.randint(100, 9999)}", f"CS-{R.randint(10000, 99999)}", f"SR{R.randint(100000, 999999)}"])
def n_tracking():
    up = string.ascii_uppercase
    return C(["1Z" + "".join(C(up + string.digits) for _ in range(6)) + "03" + digits(8),
              "JJD" + digits(18), C(up) + C(up) + digits(9) + "GB", "3S" + "".join(C(up) for _ in range(4)) + digits(7),
              "9400 " + " ".join(digits(4) for _ in range(4)) + " " + digits(2)])
def n_isbn():
    body = C(["978", "979"]) + digits(9)
    chk = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
    s = body + str(chk)
    return C([s, f"{s[:3]}-{s[3]}-{s[4:8]}-{s[8:12]}-{s[12]}", f"ISBN {s[:3]}-{s[3:5]}-{s[5:9]}-{s[9:12]}-{s[12]}"])
def n_date():
    d, m, y = R.randint(1, 28), R.randint(1, 12), R.randint(2019, 2026)
    return C([f"{d} {MONTHS[m - 1]} {y}", f"{y}-{m:02d}-{d:02d}", f"{m:02d}/{d:02d}/{y}", f"{d:02d}.{m:02d}.{y}",
              f"{C(WEEKDAYS)} {d} {MONTHS[m - 1]}", f"{MONTHS[m - 1]} {d}, {y}"])
def n_time():
    return C([f"{R.randint(6, 22):02d}:{C(['00', '15', '30', '45'])}", f"{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d} UTC",
              f"{R.randint(1, 12)}:{C(['00', '30'])} {C(['am', 'pm'])}"])
def n_version():
    return C([f"v{R.randint(1, 9)}.{R.randint(0, 30)}.{R.randint(0, 20)}", f"{R.randint(1, 5)}.{R.randint(0, 9)}.{R.randint(0, 9)}-rc.{R.randint(1, 4)}",
              f"10.0.{R.randint(19041, 22631)}.{R.randint(1000, 4000)}", f"build {R.randint(1000, 9999)}.{R.randint(10, 99)}"])
def n_hash(short=None):
    h = "".join(C("0123456789abcdef") for _ in range(40))
    return h[:C([7, 8, 10, 12])] if (short if short is not None else R.random() < 0.6) else h
def n_uuid():
    h = "%032x" % R.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{C('89ab')}{h[17:20]}-{h[20:]}"
def n_badcard():
    while True:
        body = C(["4", "5", "3", "6"]) + digits(15)
        if not luhn_ok(body):
            break
    return C([body, group(body, [4, 4, 4, 4], " "), group(body, [4, 4, 4, 4], "-")])
def n_price(k=None):
    """k: 0 €x,xxx.xx 1 $ 2 x.xxx,xx € 3 £ 4 CHF 5 zł 6 R$ 7 kr 8 TL (None = any)"""
    a, c = R.randint(1, 2999), R.randint(0, 99)
    opts = ([f"€{a:,}.{c:02d}", f"${a}.{c:02d}", f"{a:,}".replace(",", ".") + f",{c:02d} €", f"£{a}.{c:02d}",
              f"CHF {a}.–", f"{a} zł", f"R$ {a},{c:02d}", f"{a} kr", f"{a} TL"])
    return C(opts) if k is None else opts[k]
def n_pct():
    return C([f"{R.randint(1, 99)}.{R.randint(0, 9)}%", f"{R.randint(1, 99)} %", f"{R.randint(1, 99)},{R.randint(0, 9)} %"])
def n_measure():
    return C([f"{R.randint(5, 1000)} mg", f"{R.randint(1, 40)}.{R.randint(0, 9)} kg", f"{R.randint(1, 3)},{R.randint(10, 99)} m",
              f"{R.randint(1, 20) * 50} ml", f"{R.randint(10, 90)} cm × {R.randint(10, 90)} cm", f"{R.randint(20, 180)} m²",
              f"{R.randint(1, 40)}.{R.randint(0, 9)} °C", f"{R.randint(1, 999)} km"])
def n_postcode():
    return C(["SW1A 1AA", "10115", "75008", "2000", "M5V 3L9", "1017 CT", "00-950", "110 00", "08001",
              "D02 X285", "3065", "40213", "20121", "111 57", "34710"])
def n_model():
    return C(["WH-1000XM5", "SM-G991B", "RTX 4070", "XPS 13 9340", "KD-55X85K", "A2893", "EOS R6 Mark II",
              "MX Master 3S", "HL-L2350DW", "DS-2CD2143G2", "TX-55MZ2000", "ZB-7730"])
def n_title():
    return C([C(WEEKDAYS), C(MONTHS), C(BRANDS), C(PRODUCTS), C(COMPANIES), C(COURSES), C(BOOKS), C(FILMS), C(PLACES), C(JOBS), C(DEPTS), C(MEDS)])
def n_path():
    return C(["/var/log/nginx/error.log", "C:\\Users\\Public\\Documents\\report_q3.xlsx", "~/projects/api/src/main.rs",
              "/etc/ssl/certs/ca-bundle.crt", "./build/output/app-release.apk", "D:\\Scans\\2024\\claim_0412.pdf",
              "/srv/data/exports/members_2024.csv", "src/components/Header.tsx"])
def n_hex():
    return "#" + "".join(C("0123456789ABCDEFabcdef"[:16] if R.random() < 0.5 else "0123456789abcdef") for _ in range(C([6, 6, 3])))
def n_mac():
    b = [R.randint(0, 255) for _ in range(6)]
    return C([":".join("%02X" % x for x in b), "-".join("%02x" % x for x in b), ".".join("%02x%02x" % (b[i], b[i + 1]) for i in (0, 2, 4))])
def n_coord():
    la, lo = R.uniform(-45, 65), R.uniform(-120, 150)
    return C([f"{la:.4f}, {lo:.4f}", f"{abs(la):.4f}° {'N' if la >= 0 else 'S'}, {abs(lo):.4f}° {'E' if lo >= 0 else 'W'}",
              f"lat {la:.5f} lon {lo:.5f}"])

NEG_FUNS = [n_order, n_invoice, n_ticket, n_tracking, n_isbn, n_date, n_time, n_version, n_hash, n_uuid,
            n_badcard, n_price, n_pct, n_measure, n_postcode, n_model, n_title, n_path, n_hex, n_mac, n_coord]
def rneg():
    return N(C(NEG_FUNS)())


# ----------------------------------------------------------------------------- templates (1/4)
TITLES = {"en": ["Mr ", "Ms ", "Mrs ", "Dr ", "Mx "], "de": ["Herr ", "Frau ", "Dr. "], "fr": ["M. ", "Mme ", "Dr "],
          "es": ["Sr. ", "Sra. ", "D. ", "Dña. "], "it": ["sig. ", "sig.ra ", "dott. ", "dott.ssa "],
          "nl": ["dhr. ", "mevr. "], "pt": ["Sr. ", "Sra. ", "Dr. "], "pl": ["Pan ", "Pani "], "cs": ["pan ", "paní "]}

def tt(lang, p=0.6):
    return C(TITLES.get(lang, TITLES["en"])) if R.random() < p else ""

def poss(name):
    return [P(name), "'s"]

def bic():
    return "".join(C(string.ascii_uppercase) for _ in range(4)) + C(["DE", "FR", "NL", "GB", "ES", "IT", "PL"]) + \
        C(["FF", "MM", "2A", "PP", "XX"]) + C(["", "XXX"])

def t_pharmacy():
    cc = C(["uk", "ie", "au", "nz"])
    pat, doc = full("en"), surname("en")
    g, _ = split_name(pat)
    s, loc, _ = addr(cc)
    med = C(MEDS)
    return render("Rx {rx}  |  issued {date}\nPatient: {pat}\nAddress: {st}, {loc}\nPrescriber: Dr {doc}\n"
        "Item: {med} {dose} - one tablet twice daily for {days} days. Repeats: {rep}\n"
        "Dispensing note: rang {g} on {ph} re. allergy check. {gp} GP surgery confirmed no reaction to {med2}.\n",
        rx=N(f"RX-{R.randint(100000, 999999)}"), date=N(n_date()), pat=P(pat), st=SA(s), loc=loc, doc=P(doc),
        med=N(med), dose=N(f"{C([5, 10, 20, 250, 500])} mg"), days=str(R.randint(5, 30)), rep=str(R.randint(0, 3)),
        g=P(g), ph=phone_x(cc), gp=poss(g), med2=N(C(MEDS)))

def t_tenancy():
    lnd, ten = full("de"), full("de")
    s1, l1, _ = addr(C(["de", "de", "at"]))
    s2, l2, c2 = addr(C(["de", "at", "ch", "pl", "tr", "it", "nl"]))
    s3, l3, _ = addr("de")
    c2n = "" if c2 == "de" else ", " + COUNTRY[c2]
    return render("MIETVERTRAG über Wohnraum (Nr. {no})\nzwischen {t1}{lnd}, {s1}, {l1} – nachfolgend „Vermieter“ –\n"
        "und {t2}{ten}, bisher wohnhaft {s2}, {l2}{c2n} – nachfolgend „Mieter“ –\n"
        "§ 1 Mietsache: Wohnung im Objekt {s3}, {l3}, Wohnfläche ca. {m2}.\n"
        "§ 4 Miete: {rent} monatlich, zahlbar bis zum 3. Werktag auf das Konto IBAN {iban} ({bank}).\n"
        "§ 12 Kontakt des Vermieters: Tel. {ph}, E-Mail {em}\n{city}, den {date}\n",
        no=N(f"MV-{R.randint(2022, 2025)}-{R.randint(100, 999)}"), t1=tt("de"), lnd=P(lnd), s1=SA(s1), l1=l1,
        t2=tt("de"), ten=P(ten), s2=SA(s2), l2=l2, c2n=c2n, s3=SA(s3), l3=l3, m2=N(f"{R.randint(38, 140)} m²"),
        rent=N(n_price(2)), iban=IB(iban(C(["DE", "DE", "AT"]))), bank=N(C(["Sparkasse Köln-Bonn", "Berliner Volksbank", "Commerzbank"])),
        ph=phone_x("de", 0.3), em=EM(email_for(lnd, "de")), city=C(["Berlin", "Hamburg", "Köln", "München"]), date=N(n_date()))

def t_hackathon():
    cap = full("en")
    ms = [full() for _ in range(3)]
    return render("HackNight {year} — team registration {reg}\nTeam name: {team}\nCaptain: {cap} <{cem}>\n"
        "Members: {m1}, {m2} and {m3}\nRepository: {repo}\nMobile on the day: {ph}\n"
        "Stack: {prod}, Python {ver}; commit {h} is our starting point\nNotes: {g2} needs a vegan lunch; {g3} arrives after {time}.\n",
        year=str(R.randint(2023, 2026)), reg=N(f"HN-{R.randint(1000, 9999)}"), team=N(C(["Null Pointers", "Quantum Ducks", "Byte Club", "Lambda Llamas"])),
        cap=P(cap), cem=EM(email_for(cap)), m1=P(ms[0]), m2=P(ms[1]), m3=P(ms[2]),
        repo=U(person_url(cap) if R.random() < 0.5 else url("hackhub.dev", f"/teams/{R.randint(10, 99)}")),
        ph=phone_x(C(["uk", "ie", "us", "de", "nl"])), prod=N(C(["FastAPI", "Svelte", "PostgreSQL 16", "TensorFlow Lite"])),
        ver=N(f"3.{R.randint(9, 13)}.{R.randint(0, 9)}"), h=N(n_hash(True)), g2=P(split_name(ms[1])[0]), g3=P(split_name(ms[2])[0]), time=N(n_time()))

def t_podcast():
    guest, host, booker = full(), full("en"), full("en")
    gg, gs = split_name(guest)
    return render("Episode {ep} — guest prep notes\nGuest: {ttl}{guest}, {job} at {co}\nBooked via {booker} ({bem}). Guest website: {gurl}\n"
        "Talking points: {gp} new book \"{book}\" (out {month}), the {city} years, and why {gs2} left {brand}.\n"
        "Pre-interview call: {day} {time} on {ph}. Host: {host}. Target runtime {mins}.\nShow notes draft: {surl}.\n",
        ep=N(f"#{R.randint(40, 320)}"), ttl=C(["", "", "Dr "]), guest=P(guest), job=N(C(JOBS)), co=N(C(COMPANIES)),
        booker=P(booker), bem=EM(C([role_email("meadowpod.fm"), email_for(booker)])), gurl=U(person_url(guest)),
        gp=poss(gg), book=N(C(BOOKS)), month=N(C(MONTHS)), city=C(CITIES), gs2=P(gs), brand=N(C(BRANDS)),
        day=N(C(WEEKDAYS)), time=N(n_time()), ph=phone_x(None, 0.3), host=P(host), mins=N(f"{R.randint(35, 75)} min"),
        surl=U(url("meadowpod.fm", f"/episodes/{R.randint(40, 320)}")))

def t_insurance():
    name, nb, wit = full("fr"), full("fr"), full("fr")
    cc = C(["fr", "fr", "be", "ch"])
    s, loc, _ = addr(cc)
    return render("DÉCLARATION DE SINISTRE – Contrat n° {contrat}\nAssuré(e) : {t1}{name}\nAdresse : {st}\n          {loc}\n"
        "Téléphone : {ph}    Courriel : {em}\nDate et heure du sinistre : {date}, vers {time}\n"
        "Circonstances : dégât des eaux provenant de l'appartement du dessus, occupé par {t2}{nb}. Estimation des dommages : {price}.\n"
        "Témoin : {wit}, joignable au {ph2}.\nMerci de verser l'indemnité sur le compte {iban}.\nPièces jointes : {path}\n",
        contrat=N(f"HAB-{R.randint(1000000, 9999999)}"), t1=tt("fr"), st=SA(s), loc=loc,
        name=P(name if R.random() < 0.6 else "{1} {0}".format(split_name(name)[0], split_name(name)[1].upper())),
        ph=phone_x("fr" if cc == "fr" else cc), em=EM(email_for(name, "fr")), date=N(n_date()), time=N(n_time()),
        t2=tt("fr", 0.9), nb=P(nb), price=N(n_price(2)), wit=P(wit), ph2=PH(phone("fr")),
        iban=IB(iban(C(["FR", "FR", "BE", "CH", "LU"]))), path=N(n_path()))

def t_visa():
    name = full()
    g, s_ = split_name(name)
    host = full("en")
    cc = C(sorted(ADDR))
    s, loc, _ = addr(cc)
    hcc = C(["uk", "ie", "us", "ca", "au", "nz", "de", "fr", "it", "es"])
    hs, hloc, _ = addr(hcc)
    return render("APPLICATION FOR SHORT-STAY VISA                 Ref. {ref}\n1. Surname (family name): {sur}\n2. First name(s): {gn}\n"
        "3. Date of application: {date}\n17. Applicant's home address: {st}, {loc}, {ctry}\n    Telephone: {ph}   E-mail: {em}\n"
        "31. Host / inviting person: {host}\n    Address of host: {hst}, {hloc}\n    Host telephone: {hph}\n"
        "29. Intended date of arrival: {date2}   Purpose: {purp}\n",
        ref=N(f"VSA{R.randint(10000000, 99999999)}"), sur=P(s_.upper()), gn=P(g), date=N(n_date()), st=SA(s), loc=loc,
        ctry=COUNTRY[cc], ph=PH(phone(ph_cc(cc))), em=EM(email_for(name)), host=P(host), hst=SA(hs), hloc=hloc,
        hph=PH(phone(hcc)), date2=N(n_date()), purp=C(["tourism", "business", "conference", "visiting family"]))

def t_volunteer():
    ppl = [full("nl") for _ in range(3)]
    coord = full("nl")
    slots = []
    for i, (a, b) in enumerate([("08:00", "12:00"), ("12:00", "16:00"), ("16:00", "20:00")]):
        c = PH(phone("nl")) if R.random() < 0.6 else EM(email_for(ppl[i], "nl"))
        slots += [f"{a}–{b}   ", P(ppl[i]), "   ", c, "\n"]
    return render("Vrijwilligersrooster {event} – {date}\nDienst        Naam   Telefoon / e-mail\n{slots}"
        "Coördinator: {coord} ({cem}). Afmelden vóór {time} via {rurl}\nLet op: {g} wisselt met {g2}; sleutel ligt bij {place}.\n",
        event=N(C(["Voedselbank Utrecht", "Koningsdag", "Open Monumentendag", "Marathon Rotterdam"])), date=N(n_date()),
        slots=slots, coord=P(coord), cem=EM(C([role_email("volunteers-utrecht.nl"), email_for(coord, "nl")])), time=N(n_time()),
        rurl=U(url("volunteers-utrecht.nl", "/rooster/afmelden")), g=P(split_name(ppl[0])[0]), g2=P(split_name(ppl[2])[0]),
        place=N(C(["Centraal Station", "Vredenburg", "Domplein"])))

def t_sportsclub():
    name, tutor = full("es"), full("es")
    cc = C(["es", "es", "mx", "ar", "cl"])
    s, loc, _ = addr(cc)
    pay = (["domiciliación bancaria, IBAN ", IB(iban("ES"))] if R.random() < 0.5
           else ["tarjeta ", CC(card()), f" (cad. {R.randint(1, 12):02d}/{R.randint(26, 30)})"])
    return render("FICHA DE INSCRIPCIÓN – {club} – Temporada {season}\nNombre y apellidos: {name}\nFecha de inscripción: {date}\n"
        "Domicilio: {st}, {loc}\nTeléfono móvil: {ph}\nCorreo electrónico: {em}\nCuota anual: {price} – Forma de pago: {pay}\n"
        "Tutor/a legal (si es menor): {tutor}\nCategoría: {cat}; talla de camiseta {size}\n",
        club=N(C(["Club Deportivo Atlético Norte", "Club Natación Delfines", "CD Montaña Azul"])), season="2024/25",
        name=P(name), date=N(n_date()), st=SA(s), loc=loc, ph=PH(phone(cc)), em=EM(email_for(name, "es")),
        price=N(n_price(C([0, 2]))), pay=pay, tutor=P(tutor) if R.random() < 0.7 else "—", cat=C(["alevín", "infantil", "sénior"]),
        size=C(["S", "M", "L"]))

def t_lostfound():
    finder, owner, op = full("it"), full("it"), full("it")
    cc = C(["it", "it", "ch"])
    s, loc, _ = addr(cc)
    return render("VERBALE DI RINVENIMENTO n. {num}\nOggetto: {prod} ({model}), colore {col}\n"
        "Rinvenuto il {date} alle ore {time} presso {place} da {finder}.\n"
        "Il proprietario, {t1}{owner}, residente in {st}, {loc}, è stato contattato al numero {ph} e all'indirizzo {em}.\n"
        "Ritiro previsto: {wd}. L'operatore {op} ha registrato il numero di serie {serial}.\n",
        num=N(f"{R.randint(100, 999)}/{R.randint(2023, 2025)}"), prod=N(C(PRODUCTS)), model=N(n_model()),
        col=C(["nero", "blu", "argento"]), date=N(n_date()), time=N(n_time()), place=N(C(["Stazione Centrale", "Piazza del Duomo", "Aeroporto di Linate"])),
        finder=P(finder), t1=tt("it"), owner=P(owner), st=SA(s), loc=loc, ph=phone_x("it", 0.1), em=EM(email_for(owner, "it")),
        wd=N(C(WEEKDAYS)), op=P(surname("it")), serial=N("SN" + digits(10)))

def t_invoice():
    client = full()
    vendor = C(COMPANIES)
    cs, cl, _ = addr(C(sorted(ADDR)))
    vcc = C(["uk", "ie", "de", "nl", "fr", "es", "it", "pl", "se", "da", "fi", "at"])
    vs, vl, _ = addr(vcc)
    inv = n_invoice()
    ibcc = {"uk": "GB", "ie": "IE", "de": "DE", "nl": "NL", "fr": "FR", "es": "ES", "it": "IT", "pl": "PL", "se": "SE",
            "da": "DK", "fi": "FI", "at": "AT"}[vcc]
    return render("{vendor}\nINVOICE {inv}          Date: {date}   Due: {due}\nBill to: {client}\n         {cco}\n         {cs}\n         {cl}\n\n"
        "Description                       Amount\n{svc}        {price}\nVAT {pct}\n\nREMIT TO\n  {vendor}\n  {vs}, {vl}\n"
        "  IBAN {iban}   BIC {bic}\n  Remittance advice to {rem}; queries {ph}\nPlease quote {inv} as payment reference.\n",
        vendor=N(vendor), inv=N(inv), date=N(n_date()), due=N(n_date()), client=P(client), cco=N(C(COMPANIES)), cs=SA(cs), cl=cl,
        svc=C(["Consulting, 12 h", "Annual support plan", "Translation DE>EN", "Website hosting (12 months)"]), price=N(n_price()),
        pct=N(n_pct()), vs=SA(vs), vl=vl, iban=IB(iban(ibcc)), bic=N(bic()), rem=EM(role_email()), ph=phone_x(vcc, 0.25))


# ----------------------------------------------------------------------------- templates (2/4)
def t_callcentre():
    agent, caller = full("en"), full()
    ag, _ = split_name(agent)
    _, cs = split_name(caller)
    cc = C(["uk", "us", "ca", "au", "ie", "nz"])
    s, loc, _ = addr(cc)
    h, m = R.randint(8, 17), R.randint(0, 50)
    ts = lambda k: f"[{h:02d}:{m + k:02d}]"
    return render(
        "Call transcript {tk} (auto-generated, {brand} support line)\n{t0} AGENT ({agent}): Thanks for calling, you're speaking with {ag}. Who do I have on the line?\n"
        "{t1} CALLER: Hi, it's {caller}.\n{t2} AGENT: Thanks {ttl}{cs}. What's the best number to reach you?\n{t3} CALLER: {ph}\n"
        "{t4} AGENT: And the card you were charged on?\n{t5} CALLER: It's {card}, expiry {exp}.\n"
        "{t6} AGENT: Lastly the billing address, please.\n{t7} CALLER: {st}, {loc}.\n"
        "{t8} AGENT: Perfect. Refund of {price} for order {ord} goes back within five working days.\n",
        tk=N(n_ticket()), brand=N(C(BRANDS)), t0=ts(0), agent=P(agent), ag=P(ag), t1=ts(0), caller=P(caller), t2=ts(1),
        ttl=C(["Mr ", "Ms ", "Mrs ", ""]), cs=P(cs), t3=ts(1), ph=phone_x(cc, 0.2), t4=ts(2), t5=ts(2), card=CC(card()),
        exp=f"{R.randint(1, 12):02d}/{R.randint(25, 31)}", t6=ts(3), t7=ts(3), st=SA(s), loc=loc, t8=ts(4), price=N(n_price()), ord=N(n_order()))

def t_appreview():
    rev, agent = full("pt"), full("pt")
    rg, _ = split_name(rev)
    ver = n_version()
    return render("★★☆☆☆  {rev} · {date}\n\"A app trava sempre que abro a fatura {inv} depois da atualização {ver}. Já mandei e-mail para {sup} "
        "e ninguém respondeu. No {prod} funcionava.\"\n\nResposta do desenvolvedor ({dev}):\nOlá {rg}, lamentamos o incómodo! "
        "O {agent} da nossa equipa vai contactá-lo(a). Pode também escrever para {em2} ou ver {url}.\n",
        rev=P(rev if R.random() < 0.7 else rev.lower()), date=N(n_date()), inv=N(n_invoice()), ver=N(ver),
        sup=EM(role_email(C(["ferragens-lopes.pt", "brightfield.io"]))), prod=N(C(PRODUCTS)), dev=N(C(COMPANIES)), rg=P(rg),
        agent=P(agent), em2=EM(email_for(agent, "pt")), url=U(url(C(["ferragens-lopes.pt", "brightfield.io"]), "/ajuda/faturas")))

def t_wedding():
    a, b = full(), full()
    guest, plus = full(), full()
    fr = R.random() < 0.4
    ag, bg = split_name(a)[0], split_name(b)[0]
    if fr:
        fmt = ("RSVP – Mariage de {a} et {b}, {date}\nInvité(e) : {guest} + {plus}\nPrésence : oui   Menu : {meal}\n"
               "Contact : {em} / {ph}\nMessage : Trop hâte ! Dites à {bg} que le gâteau de {day} sera parfait.\n")
        meal = C(["poisson", "végétarien", "viande"])
    else:
        fmt = ("RSVP — {a} & {b} wedding, {date}\nGuest: {guest} + {plus}\nAttending: yes   Meal choice: {meal}\n"
               "Contact: {em} / {ph}\nMessage: Can't wait! Tell {bg} we're bringing the {day} cake.\n")
        meal = C(["fish", "vegetarian", "beef"])
    return render(fmt, a=P(a), b=P(b), date=N(n_date()), guest=P(guest), plus=P(plus), meal=meal, em=EM(C([email_for(guest), "rsvp@" + C(ORG_DOM)])),
                  ph=phone_x(C(["fr", "uk", "us", "ie", "be"]), 0.05), bg=P(C([ag, bg])), day=N(C(WEEKDAYS)))

def t_vet():
    owner, vet = full("sv"), full("sv")
    cc = C(["se", "se", "no", "da", "fi"])
    s, loc, _ = addr(cc)
    og, _ = split_name(owner)
    return render("Påminnelse från {clinic}\nHej {og}!\nDin {pet} har tid för årlig vaccination {date} kl. {time} hos veterinär {vet}.\n"
        "Adress: {st}, {loc}\nAv- eller ombokning senast 24 h innan på {ph} eller {em}.\nVikt vid förra besöket: {w}. "
        "Kvitto skickas till {oem}.\n",
        clinic=N(C(["Djurkliniken Öst", "Smådjurskliniken Söder", "Nordlys Dyreklinikk"])), og=P(og if R.random() < 0.8 else og.lower()),
        pet=C(["katt", "hund", "kanin"]), date=N(n_date()), time=N(n_time()), vet=P(vet), st=SA(s), loc=loc,
        ph=PH(phone(ph_cc(cc))), em=EM(role_email(C(["djurkliniken-ost.se", "nordlys-clinic.no"]))), w=N(f"{R.randint(2, 40)}.{R.randint(0, 9)} kg"),
        oem=EM(email_for(owner, "sv")))

def t_gdpr():
    name = full(C(["de", "en", "nl"]))
    de = R.random() < 0.55
    cc = C(["de", "at", "ch"]) if de else C(["uk", "ie", "nl", "be", "da"])
    s, loc, _ = addr(cc)
    ips = [IP(ip_any()), ", ", IP(ipv4()), " und " if de else " and ", IP(ipv6())]
    if de:
        fmt = ("An: {dpo}\nBetreff: Auskunftsersuchen nach Art. 15 DSGVO – Kundennummer {cust}\n\nSehr geehrte Damen und Herren,\n"
               "hiermit verlange ich, {name}, wohnhaft {st}, {loc}, Auskunft über alle zu meiner Person gespeicherten Daten. "
               "Bitte schließen Sie Server-Protokolle zu den IP-Adressen {ips} ein sowie die Kennung {uuid}.\n"
               "Antwort bitte ausschließlich an {em} oder telefonisch {ph}.\nMit freundlichen Grüßen\n{name2}\n")
    else:
        fmt = ("To: {dpo}\nSubject: Subject access request (Art. 15 GDPR) – customer no. {cust}\n\nDear Data Protection Officer,\n"
               "I, {name}, of {st}, {loc}, request a copy of all personal data you hold about me, including access logs for "
               "the IP addresses {ips} and the device ID {uuid}.\nPlease reply to {em} or call {ph}.\nKind regards,\n{name2}\n")
    return render(fmt, dpo=EM(C(["dpo@", "datenschutz@", "privacy@"]) + C(["kanzlei-weber.de", "cloudmesa.net", "brightfield.io"])),
                  cust=N(f"K{R.randint(1000000, 9999999)}"), name=P(name), st=SA(s), loc=loc, ips=ips, uuid=N(n_uuid()),
                  em=EM(email_for(name, "de" if de else "en")), ph=phone_x(cc, 0.1), name2=P(name))

def t_postmortem():
    author, oncall, p1, p2 = full("en"), full(), full(), full()
    return render("# Post-mortem: {title} ({inc})\nDate: {date} · Severity: SEV-{sev} · Author: {author}\n\n## Timeline (UTC)\n"
        "- {t1} {oc} paged; 5xx rate at {pct} on api-gw-{n}.\n- {t2} traffic spike from {ip1} and {ip2} (IPv6 {ip3}) identified; blocked at edge.\n"
        "- {t3} rollback to {ver} (commit {h}); health checks green on {ip4}:8443.\n- {t4} incident closed by {oc2}.\n\n"
        "Dashboard: {dash}\n## Action items\n- {p1}: add alert on {path}\n- {p2g}: review rate limits ({tk})\n",
        title=C(["Checkout latency", "Login outage", "DNS misconfiguration", "Queue backlog"]), inc=N(n_ticket()), date=N(n_date()),
        sev=str(R.randint(1, 3)), author=P(author), t1=N(n_time()), oc=P(oncall), pct=N(n_pct()), n=str(R.randint(1, 9)),
        t2=N(n_time()), ip1=IP(ipv4()), ip2=IP(ipv4()), ip3=IP(ipv6()), t3=N(n_time()), ver=N(n_version()), h=N(n_hash()),
        ip4=IP(ipv4()), t4=N(n_time()), oc2=P(split_name(oncall)[1]), dash=U(url(C(["opsguild.io", "cloudmesa.net"]), "/grafana/d/api-latency?orgId=1&from=now-6h")),
        p1=P(p1), path=N(n_path()), p2g=P(split_name(p2)[0]), tk=N(n_ticket()))

def t_wiki():
    m1, m2, ed = full(), full(), full()
    return render("== {dept} / {team} ==\n'''Maintainers:''' {m1}, {m2}\n'''On-call rotation:''' see [{oc} rota] — escalations go to {m2g} first.\n"
        "'''Lab bastion:''' {ip1} (IPv6 [{ip2}]:22). Local tests bind to {lo}.\n'''Mailing list:''' {ml}\n"
        "'''Docs:''' {doc} (mirror at {mir}).\nMAC of the lab switch: {mac}. Brand colour {hex}.\n"
        "''Last edited by {ed} on {date}, revision {rev}.''\n",
        dept=N(C(DEPTS)), team=C(["Storage", "Identity", "Payments", "Search"]), m1=P(m1), m2=P(m2),
        oc=U(url(C(["opsguild.io", "cloudmesa.net"]), "/wiki/Team_Pages#oncall")), m2g=P(split_name(m2)[0]), ip1=IP(ipv4()),
        ip2=IP(ipv6()), lo=IP(C(["::1", "127.0.0.1", "::1"])), ml=EM(role_email(C(["opsguild.io", "cloudmesa.net"]))),
        doc=U(url(C(["opsguild.io", "cloudmesa.net"]), "/docs/runbooks/db-failover")), mir=U("www." + C(ORG_DOM) + "/docs"),
        mac=N(n_mac()), hex=N(n_hex()), ed=P(ed), date=N(n_date()), rev=N(n_hash(True)))

def t_csv():
    rows = []
    cols = C([["id", "full_name", "email", "phone", "iban", "street", "postcode_city"],
              ["member_no", "name", "e_mail", "mobile", "card_number", "address_line1", "city"]])
    for i in range(R.randint(3, 5)):
        nm = full()
        s, loc, cc = addr()
        pay = IB(iban()) if cols[4] == "iban" else CC(card(C(["", " ", "-"])))
        rid = str(i + 1) if cols[0] == "id" else N(f"M{R.randint(10000, 99999)}")
        rows += [rid, ",\"", P(nm), "\",", EM(email_for(nm, CC_LANG[cc])), ",", PH(phone(ph_cc(cc))), ",", pay, ",\"", SA(s), "\",\"", loc, "\"\n"]
    return render("{hdr}\n{rows}", hdr=",".join(cols), rows=rows)

def t_chat():
    a, b, x, y = (given(C(["en", "pl", "de", "es", "fr", "it", "nl"])).lower() for _ in range(4))
    cc = C(["uk", "us", "pl", "de", "es", "au", "nz", "ie"])
    s, loc, _ = addr(cc)
    return render("{a}: is {x} coming tonight?\n{b}: ya she said so. new number btw {ph}\n{a}: cool. party's at {st} right?\n"
        "{b}: yep, ring twice. {y} sent the playlist {link}\n{a}: lol ok. tell {x2} to bring the {brand} speaker\n{b}: 👍 {time}\n{leak}",
        leak=[P(a), ": can u order the pizza on mine? ", CC(card(C([" ", ""]))), ", exp ", N(f"{R.randint(1, 12):02d}/{R.randint(26, 30)}"), "\n"]
        if R.random() < 0.4 else "",
        a=P(a), x=P(x), b=P(b), ph=PH(phone(cc)), st=SA(s), y=P(y), link=U(C(["https://open.spotify.com/playlist/", "https://youtu.be/"]) + "".join(C(string.ascii_letters + string.digits) for _ in range(11))),
        x2=P(x), brand=N(C(BRANDS)), time=N(n_time()))

def t_bank_pl():
    snd, rcp = full("pl"), full("pl")
    s, loc, _ = addr("pl")
    return render("POTWIERDZENIE PRZELEWU nr {ref}\nData księgowania: {date}\nNadawca: {snd}, {st}, {loc}\nRachunek nadawcy: {ib1}\n"
        "Odbiorca: {rcp}\nRachunek odbiorcy: {ib2}\nKwota: {price}\nTytuł: Faktura {inv} – czynsz za {month}\n",
        ref=N(f"{R.randint(10, 99)}/{R.randint(100000, 999999)}/{R.randint(2023, 2025)}"), date=N(n_date()), snd=P(snd), st=SA(s), loc=loc,
        ib1=IB(iban("PL")), rcp=P(rcp), ib2=IB(iban(C(["PL", "PL", "DE", "CZ"]))), price=N(f"{R.randint(300, 9000)},{R.randint(0, 99):02d} zł"),
        inv=N(n_invoice()), month=C(["styczeń", "luty", "marzec", "kwiecień"]))


# ----------------------------------------------------------------------------- templates (3/4)
def t_delivery_tr():
    name, cour = full("tr"), full("tr")
    s, loc, _ = addr("tr")
    return render("Teslimat Bildirimi – Gönderi No: {track}\nAlıcı: {name}\nAdres: {st}, {loc}\nTelefon: {ph}\n"
        "Kuryemiz {cour}, {date} tarihinde saat {time} civarında teslimat yapacaktır. Paket ağırlığı: {w}.\n"
        "Sipariş: {ord} · Tutar: {price}\nSorularınız için: {em}\n",
        track=N(n_tracking()), name=P(name), st=SA(s), loc=loc, ph=PH(phone("tr")), cour=P(split_name(cour)[0]),
        date=N(n_date()), time=N(n_time()), w=N(f"{R.randint(1, 20)},{R.randint(0, 9)} kg"), ord=N(n_order()),
        price=N(n_price(8)), em=EM(role_email("ornek-lojistik.com.tr")))

def t_jobapp_cs():
    name, ref = full("cs"), full("cs")
    s, loc, _ = addr("cs")
    return render("Přihláška do výběrového řízení – pozice {job} ({dept})\nJméno a příjmení: {name}\nBydliště: {st}, {loc}\n"
        "Telefon: {ph}, e-mail: {em}\nPortfolio: {url}\nReference: {ref} ({refem}), dříve {co}\nNástup možný od: {date}\n",
        job=N(C(JOBS)), dept=N(C(DEPTS)), name=P(name), st=SA(s), loc=loc, ph=PH(phone("cs")), em=EM(email_for(name, "cs")),
        url=U(person_url(name)), ref=P(ref), refem=EM(email_for(ref, "cs")), co=N(C(COMPANIES)), date=N(n_date()))

def t_hotel():
    name = full()
    cc = C(sorted(ADDR))
    s, loc, _ = addr(cc)
    hcc = C(["sg", "au", "my", "hk", "nz", "ph", "in"])
    return render("Booking confirmation {conf} — {hotel}\nGuest: {ttl}{name}\nHome address: {st}, {loc}, {ctry}\n"
        "Card on file: {card} (exp {exp})\nArrival {date}, {n} nights, Deluxe King, rate {price}/night.\n"
        "Mobile: {ph}\nQuestions? {rem} · Manage booking: {url}\n",
        conf=N(f"HB{R.randint(10000000, 99999999)}"), hotel=N(C(["Harbourview Hotel Sydney", "Tanjong Suites", "The Peak Residence"])),
        ttl=tt("en", 0.5), name=P(name), st=SA(s), loc=loc, ctry=COUNTRY[cc], card=CC(card()),
        exp=f"{R.randint(1, 12):02d}/{R.randint(26, 31)}", date=N(n_date()), n=str(R.randint(1, 9)), price=N(n_price(1)),
        ph=phone_x(ph_cc(cc), 0.05), rem=EM(role_email(C(["harbourview-hotel.com.au", "tanjong-suites.sg"]))),
        url=U(url(C(["harbourview-hotel.com.au", "tanjong-suites.sg"]), f"/manage?b={R.randint(10000, 99999)}")))

def t_commit():
    a, rv, co = full(), full(), full()
    return render("commit {h}\nAuthor: {a} <{aem}>\nDate:   {date}\n\n    Fix {tk}: accept IPv6 literal {ip6} in allow-list\n\n"
        "    Previously only {ip4} style hosts matched (see {url}).\n    Bump parser to {ver}; touches {path}.\n\n"
        "    Reviewed-by: {rv} <{rvem}>\n    Co-authored-by: {co} <{coem}>\n",
        h=N(n_hash(False)), a=P(a), aem=EM(email_for(a)), date=N(n_date()), tk=N(n_ticket()), ip6=IP(ipv6()), ip4=IP(ipv4()),
        url=U(url(C(["opsguild.io", "hackhub.dev", "cloudmesa.net"]), f"/issues/{R.randint(100, 9999)}")), ver=N(n_version()),
        path=N(n_path()), rv=P(rv), rvem=EM(email_for(rv)), co=P(co), coem=EM(C([email_for(co), "noreply@" + C(ORG_DOM)])))

def t_payroll():
    name, mgr = full("nl"), full("nl")
    nl = R.random() < 0.6
    fmt = ("Wijziging bankgegevens – personeelsnummer {emp}\nMedewerker: {name} ({dept})\nNieuw IBAN: {ib1}\nOud IBAN: {ib2}\n"
           "Ingangsdatum: {date}\nAkkoord: {mgr}, {job}\nVragen? Bel {ph} of mail {hr}\n") if nl else (
           "Change of bank details – employee no. {emp}\nEmployee: {name} ({dept})\nNew IBAN: {ib1}\nPrevious IBAN: {ib2}\n"
           "Effective: {date}\nApproved: {mgr}, {job}\nQuestions? Call {ph} or email {hr}\n")
    return render(fmt, emp=N(f"E{R.randint(10000, 99999)}"), name=P(name), dept=N(C(DEPTS)), ib1=IB(iban(C(["NL", "NL", "BE", "DE", "LU"]))),
                  ib2=IB(iban()), date=N(n_date()), mgr=P(mgr), job=N(C(JOBS)), ph=phone_x("nl", 0.3), hr=EM(role_email()))

def t_firewall():
    name, appr = full("en"), full()
    return render("Ticket {tk}: firewall change request\nRequester: {name} ({em}), {dept}\nSource: {ip1}/32 (host MAC {mac})\n"
        "Destination: {ip2} port 5432/tcp and [{ip6}]:443\nJustification: nightly export to {path}; approved by {appr}.\n"
        "Change window: {day} {time}. Rollback: remove rule {uuid}.\n",
        tk=N(n_ticket()), name=P(name), em=EM(email_for(name)), dept=N(C(DEPTS)), ip1=IP(ipv4()), mac=N(n_mac()), ip2=IP(ipv4()),
        ip6=IP(ipv6()), path=N(n_path()), appr=P(C([appr, split_name(appr)[1]])), day=N(C(WEEKDAYS)), time=N(n_time()), uuid=N(n_uuid()))

def t_login_es():
    name = full("es")
    return render("Hola {g}:\nDetectamos un nuevo inicio de sesión en tu cuenta {em}.\nDispositivo: {prod} · Navegador {ver}\n"
        "Dirección IP: {ip} ({city})\nFecha: {date}, {time}\nSi no fuiste tú, cambia tu contraseña en {url} o escribe a {sec}.\n"
        "— El equipo de {co}\n", g=P(split_name(name)[0]), em=EM(email_for(name, "es")), prod=N(C(PRODUCTS)), ver=N(n_version()), ip=IP(ip_any()),
        city=C(CITIES), date=N(n_date()), time=N(n_time()), url=U(url("brightfield.io", "/cuenta/seguridad")),
        sec=EM("security@brightfield.io"), co=N(C(COMPANIES)))

def t_donation():
    name = full("en")
    cc = C(["nz", "au", "uk", "ie", "ca", "us"])
    s, loc, _ = addr(cc)
    return render("Donation receipt {rc}\n{hi} {name},\nThank you for your gift of {price} to {charity}, charged to card {card} on {date}.\n"
        "Receipt posted to: {st}, {loc}\nCharity no. {reg}\nEnquiries: {ph} or {em}\nP.S. {g} — see the impact report at {url}\n",
        rc=N(f"DR-{R.randint(100000, 999999)}"), hi=C(["Kia ora", "Dear", "Hi"]), name=P(name), price=N(n_price(C([1, 3]))),
        charity=N(C(["Kiwi Coastal Trust", "Harbour Food Bank", "Open Shelter Fund"])), card=CC(card()), date=N(n_date()),
        st=SA(s), loc=loc, reg=N(f"CC{R.randint(10000, 99999)}"), ph=PH(phone(cc)), em=EM(role_email("kiwi-charity.org.nz")),
        g=P(split_name(name)[0]), url=U(url("kiwi-charity.org.nz", "/impact-2024")))

def t_carrental_da():
    name, emp = full("da"), full("da")
    cc = C(["da", "da", "se", "no", "de"])
    s, loc, _ = addr(cc)
    return render("SKADESRAPPORT – lejeaftale {no}\nLejer: {name}\nAdresse: {st}, {loc}\nTelefon: {ph}   E-mail: {em}\n"
        "Betalingskort: {card}\nBil: {brand} {model}, km-stand {km}\nSkaden blev opdaget {date} kl. {time} af medarbejder {emp}.\n"
        "Selvrisiko: {price}\n", no=N(f"LA-{R.randint(100000, 999999)}"), name=P(name), st=SA(s), loc=loc, ph=PH(phone(ph_cc(cc))),
        em=EM(email_for(name, "da")), card=CC(card()), brand=N(C(["Škoda", "Volkswagen", "Peugeot"])), model=N(C(["Octavia", "ID.4", "e-208"])),
        km=N(f"{R.randint(5000, 90000)} km"), date=N(n_date()), time=N(n_time()), emp=P(split_name(emp)[0]), price=N(n_price(7)))

def t_school_fi():
    rows = []
    for _ in range(R.randint(2, 4)):
        ch_, par = given("fi"), full("fi")
        rows += [P(ch_), ": huoltaja ", P(par), ", puh. ", PH(phone("fi")), ", ", EM(email_for(par, "fi")), "\n"]
    return render("Luokan {cls} huoltajien yhteystiedot (päivitetty {date})\n{rows}Opettaja: {t}, {tem}\nVanhempainilta {day} klo {time}, luokka {room}.\n",
                  cls=C(["3B", "4A", "5C"]), date=N(n_date()), rows=rows, t=P(full("fi")), tem=EM(role_email()), day=N(C(WEEKDAYS)),
                  time=N(n_time()), room=N(f"A{R.randint(100, 399)}"))


# ----------------------------------------------------------------------------- negative-only templates (4/4)
def nt_release():
    return render("Release {v} — {date}\n* Fixed crash when opening {path} (#{n})\n* Upgraded bundled runtime to {v2}; merge {h}\n"
                  "* Build {uuid}, checksum {h2}\n* Known issue on {prod} with {pct} of sessions.\n", v=N(n_version()), date=N(n_date()),
                  path=N(n_path()), n=str(R.randint(100, 9999)), v2=N(n_version()), h=N(n_hash(True)), uuid=N(n_uuid()), h2=N(n_hash(False)),
                  prod=N(C(PRODUCTS)), pct=N(n_pct()))

def nt_shipping_de():
    return render("Ihre Sendung {tr} zur Bestellung {o} wird am {date} zwischen {t1} und {t2} zugestellt.\nZustellgebiet: PLZ {pc}. "
                  "Gewicht: {w}. Artikel: {prod} ({m}), {price}.\nAbholung alternativ in der Filiale am {pl}.\n", tr=N(n_tracking()), o=N(n_order()),
                  date=N(n_date()), t1=N(n_time()), t2=N(n_time()), pc=N(n_postcode()), w=N(f"{R.randint(1, 30)},{R.randint(0, 9)} kg"),
                  prod=N(C(PRODUCTS)), m=N(n_model()), price=N(n_price(2)), pl=N(C(PLACES)))

def nt_spec_fr():
    return render("Fiche produit {m} – {b}\nDimensions : {d}\nPoids : {w}\nPrix conseillé : {price} (remise {pct})\nColoris : {h1}, {h2}\n"
                  "Réf. fournisseur : {code} · EAN {ean} · mise à jour {date}\n", m=N(n_model()), b=N(C(BRANDS)), d=N(f"{R.randint(10, 90)} cm × {R.randint(10, 90)} cm"),
                  w=N(f"{R.randint(1, 20)},{R.randint(1, 9)} kg"), price=N(n_price(2)), pct=N(n_pct()), h1=N(n_hex()), h2=N(n_hex()),
                  code=N(f"FR-{R.randint(1000, 9999)}-{C('ABCXYZ')}"), ean=N(n_isbn().replace("ISBN ", "").replace("-", "")), date=N(n_date()))

def nt_pharmacy_es():
    rows = []
    for _ in range(R.randint(3, 5)):
        rows += [N(C(MEDS)), " ", N(f"{C([5, 10, 20, 40, 500, 1000])} mg"), " – lote ", N(f"L{R.randint(10000, 99999)}{C('ABC')}"),
                 " – caduca ", N(n_date()), " – PVP ", N(n_price(2)), "\n"]
    return render("Inventario de farmacia – {date} – {dept}\n{rows}Pedido al distribuidor: {o}\n", date=N(n_date()), dept=N(C(DEPTS)), rows=rows, o=N(n_order()))

def nt_network():
    rows = []
    for i in range(R.randint(3, 5)):
        rows += [f"core-sw-0{i + 1}  MAC ", N(n_mac()), "  fw ", N(n_version()), "  serial ", N(f"FDO{R.randint(1000, 9999)}{C('ABCDEFG')}{R.randint(100, 999)}"),
                 f"  rack B{R.randint(1, 9)}  uplink ", N(f"{C([10, 25, 40, 100])} Gbit/s"), "\n"]
    return render("Network inventory export {date} ({dept})\n{rows}Config backup: {path}\n", date=N(n_date()), dept=N(C(DEPTS)), rows=rows, path=N(n_path()))

def nt_library_it():
    return render("Catalogo biblioteca – nuove acquisizioni di {mon}\n1. «{b1}», {i1}, collocazione {s1}\n2. «{b2}», {i2}, collocazione {s2}\n"
                  "3. {c} – dispensa, {i3}\nPrestito fino al {date}; sala lettura {pl}.\n", mon=N(C(MONTHS)), b1=N(C(BOOKS)), i1=N(n_isbn()),
                  s1=N(f"{C('ABCDEF')}{R.randint(100, 999)}.{R.randint(1, 99)}"), b2=N(C(BOOKS)), i2=N(n_isbn()), s2=N(f"{C('GHKLM')}{R.randint(100, 999)}"),
                  c=N(C(COURSES)), i3=N(n_isbn()), date=N(n_date()), pl=N(C(PLACES)))

def nt_timetable_nl():
    rows = []
    for _ in range(R.randint(3, 4)):
        rows += [N(C(COURSES)), " – ", N(C(WEEKDAYS)), " ", N(n_time()), ", zaal ", N(f"{C(['BBG', 'MIN', 'KBG'])}-{R.randint(100, 299)}"), ", afdeling ", N(C(DEPTS)), "\n"]
    return render("Rooster blok {b} ({date})\n{rows}Tentamens vanaf {mon}.\n", b=str(R.randint(1, 4)), date=N(n_date()), rows=rows, mon=N(C(MONTHS)))

def nt_cinema_pt():
    rows = []
    for _ in range(R.randint(2, 4)):
        rows += [N(C(FILMS)), " – sessões ", N(n_time()), ", ", N(n_time()), f" – Sala {R.randint(1, 9)} – bilhete ", N(n_price(2)), "\n"]
    return render("Cartaz da semana ({date})\n{rows}Desconto estudante {pct}. Parque {pl}.\n", date=N(n_date()), rows=rows, pct=N(n_pct()), pl=N(C(PLACES)))

def nt_survey_sv():
    rows = []
    for i in range(R.randint(3, 5)):
        rows += [f"Mätpunkt {i + 1}: ", N(n_coord()), ", höjd ", N(f"{R.randint(2, 900)} m"), ", temp ", N(f"{R.randint(-5, 25)},{R.randint(0, 9)} °C"), "\n"]
    return render("Fältprotokoll {date}, område {pl}\n{rows}Instrument: {m}, kalibrerad {date2}.\n", date=N(n_date()), pl=N(C(PLACES)), rows=rows,
                  m=N(n_model()), date2=N(n_date()))

def nt_payment_log():
    rows = []
    for _ in range(R.randint(3, 5)):
        rows += ["[", N(n_time()), "] txn ", N(n_uuid()), " pan ", N(n_badcard()), " -> DECLINED (checksum) order ", N(n_order()), " amount ", N(n_price(C([0, 1, 3]))), "\n"]
    return render("sandbox payment-gateway log, {ver}\n{rows}", ver=N(n_version()), rows=rows)

def nt_jobad_pl():
    return render("Oferta pracy: {job}\nDział: {dept}, {co}, {city}\nWynagrodzenie: {p1} – {p2} brutto, premia do {pct}\n"
                  "Rozpoczęcie: {mon}; rozmowy od {wd}. Nr ref. {ref}\n", job=N(C(JOBS)), dept=N(C(DEPTS)), co=N(C(COMPANIES)), city=C(CITIES),
                  p1=N(f"{R.randint(6, 12)} 000 zł"), p2=N(f"{R.randint(13, 25)} 000 zł"), pct=N(n_pct()), mon=N(C(MONTHS)), wd=N(C(WEEKDAYS)),
                  ref=N(f"REK/{R.randint(10, 99)}/{R.randint(2023, 2025)}"))

def nt_css():
    return render(":root {\n  --brand-primary: {h1};\n  --brand-accent: {h2};\n  --surface: {h3};\n  --card-width: {w};\n}\n"
                  "/* generated from {path} by tokens {ver} on {date}, build {h} */\n", h1=N(n_hex()), h2=N(n_hex()), h3=N(n_hex()),
                  w=N(f"{R.randint(200, 480)}px"), path=N(n_path()), ver=N(n_version()), date=N(n_date()), h=N(n_hash(True)))

def nt_ci_log():
    return render("Step 3/9 : COPY {path} /app/\n ---> {h1}\nStep 7/9 : RUN make test\n{pct} of 1,284 tests passed in {dur}\n"
                  "Successfully built {h2}\nArtifact {uuid} uploaded ({size})\n", path=N(n_path()), h1=N(n_hash(True)), pct=N(n_pct()),
                  dur=N(f"{R.randint(1, 59)}m{R.randint(0, 59)}s"), h2=N(n_hash(True)), uuid=N(n_uuid()), size=N(f"{R.randint(2, 900)} MB"))

def nt_weather_tr():
    return render("{city} için hava durumu ({date}): en yüksek {t1}, en düşük {t2}, yağış olasılığı {pct}.\n"
                  "{pl} çevresinde trafik yoğun; {brand} fuarı {wd} günü açılıyor. Rüzgâr {ws}.\n", city=C(CITIES), date=N(n_date()),
                  t1=N(f"{R.randint(15, 38)} °C"), t2=N(f"{R.randint(0, 14)} °C"), pct=N(n_pct()), pl=N(C(PLACES)), brand=N(C(BRANDS)),
                  wd=N(C(WEEKDAYS)), ws=N(f"{R.randint(5, 60)} km/sa"))

def nt_minutes_cs():
    return render("Zápis z porady oddělení {dept} – {date}\nÚkol {tk}: aktualizovat {prod} na {ver} do {wd}.\nRozpočet: {price}; "
                  "objednávka {o}; sledování zásilky {tr}.\nPříští porada {date2} v {time}, zasedačka {pl}.\n", dept=N(C(DEPTS)), date=N(n_date()),
                  tk=N(n_ticket()), prod=N(C(PRODUCTS)), ver=N(n_version()), wd=N(C(WEEKDAYS)), price=N(f"{R.randint(5, 900)} 000 Kč"),
                  o=N(n_order()), tr=N(n_tracking()), date2=N(n_date()), time=N(n_time()), pl=N(C(PLACES)))


# ----------------------------------------------------------------------------- main
POS = [v for k, v in list(globals().items()) if k.startswith("t_")]
NEG = [v for k, v in list(globals().items()) if k.startswith("nt_")]
TYPES = ["email", "phone", "credit_card", "iban", "ip_address", "url", "person", "street_address"]
QUOTA = dict({t: 80 for t in TYPES}, person=400, street_address=150)
BOOST = {"email": t_commit, "phone": t_volunteer, "credit_card": t_hotel, "iban": t_bank_pl, "ip_address": t_firewall,
         "url": t_podcast, "person": t_wedding, "street_address": t_tenancy}

def check(d):
    text = d.text()
    b, last = text.encode("utf-8"), 0
    assert d.negs or d.ents
    for e in sorted(d.ents, key=lambda e: e["start"]):
        v = e["value"]
        assert b[e["start"]:e["end"]].decode("utf-8") == v and v == v.strip() and v, e
        assert e["start"] >= last, ("overlap", e)
        last = e["end"]
        assert e["type"] != "credit_card" or luhn_ok(v), v
        assert e["type"] != "iban" or iban_ok(v), v
    for n in d.negs:
        assert n in text, n
    return {"text": text, "entities": d.ents, "negatives": d.negs}

def main():
    pos = []
    while len(pos) < 380:
        fs = POS[:]
        R.shuffle(fs)
        pos += [check(f()) for f in fs[:380 - len(pos)]]
    cnt = Counter(e["type"] for it in pos for e in it["entities"])
    while any(cnt[t] < q for t, q in QUOTA.items()) or sum(cnt.values()) < 1500:
        t = next((t for t, q in QUOTA.items() if cnt[t] < q), "person")
        it = check(BOOST[t]())
        pos.append(it)
        cnt.update(e["type"] for e in it["entities"])
    neg = []
    while len(neg) < 140:
        neg += [check(f()) for f in NEG[:140 - len(neg)]]
    assert all(not it["entities"] for it in neg)
    items = pos + neg
    R.shuffle(items)
    with open(OUT, "w", encoding="utf-8") as fh:
        for i, it in enumerate(items, 1):
            fh.write(json.dumps(dict({"id": f"sixth-{i:05d}"}, **it), ensure_ascii=False) + "\n")
    nneg = sum(len(it["negatives"]) for it in items)
    print(f"wrote {OUT}")
    print(f"items: {len(items)} (with entities: {len(pos)}, negative-only: {len(neg)}); templates: {len(POS)} positive, {len(NEG)} negative-only")
    print(f"entities: {sum(cnt.values())}")
    for t in TYPES:
        print(f"  {t:15s} {cnt[t]}")
    print(f"negatives listed: {nneg} (distinct {len({n for it in items for n in it['negatives']})})")


if __name__ == "__main__":
    main()
