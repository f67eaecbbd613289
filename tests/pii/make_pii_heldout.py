#!/usr/bin/env python3
"""Held-out PII test set, written independently of make_pii_set.py.

Writes tests/pii/pii-heldout.jsonl next to this script. Deterministic
(random.Random(4242)), standard library only.

Each line:
  {"id": "held-00001", "text": "...",
   "entities": [{"type": ..., "value": ..., "start": n, "end": n}],
   "negatives": ["...", ...]}            # only when the item has hard negatives
start/end are BYTE offsets into the UTF-8 encoding of text.

Entity types: email, phone, credit_card, iban, ip_address, url, person,
street_address. Everything produced by an "n_*" slot is a hard negative: it is
left unlabelled and its surface string is listed under "negatives".
"""

import ipaddress
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter

rng = random.Random(4242)

# ---------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------

FIRST_COMMON = [
    "James", "Maria", "Chen", "Aisha", "Olivia", "Mohammed", "Sofia", "Lucas",
    "Emma", "Noah", "Hannah", "Pierre", "Giulia", "Jan", "Ana", "Thomas",
    "Laura", "Daniel", "Fatima", "Yuki", "Priya", "Carlos", "Anna", "David",
    "Sarah", "Lukas", "Camille", "Matteo", "Sanne", "João", "Inês", "Klaus",
    "Élodie", "Zoë", "José", "Søren", "Björn", "Chloé", "Hélène", "Michael",
    "Jean-Baptiste", "Anne-Sophie", "Karl-Heinz", "Marie-Claire", "Rui",
    "Francesca", "Pieter", "Lucía", "Jürgen", "Grace",
]

FIRST_RARE = [
    "Thaddea", "Quillon", "Ysolde", "Orwin", "Brisenda", "Maelis", "Idunn",
    "Zephyrine", "Teodric", "Wendeline", "Ottoline", "Jorunn", "Radomir",
    "Xiomara", "Nkechi", "Tavita", "Keziah", "Saoirse", "Dagny", "Eulalia",
    "Fiachra", "Gwenllian", "Hallvard", "Isaura", "Jolan", "Leocadia",
    "Mirelle", "Oriel", "Pervinca", "Quenby", "Rosamunde", "Seraphin",
    "Tamsin", "Vesna", "Wynfrith", "Yevgenia", "Zarek", "Brannoc", "Veylin",
    "Torvaldine", "Ulvessa", "Morwick", "Sablette", "Łukasz", "Ágnes", "Çağla",
    "Ömer", "Siobhán", "Nuño", "Dóra", "De'Andre", "Ifeoluwa", "Tadhg",
    "Ludovica-Anne", "Kjellfrid", "Amaranthe", "Elowen", "Cadfael",
]

LAST_COMMON = [
    "Smith", "García", "Müller", "Rossi", "Dubois", "Jansen", "Silva",
    "Nguyen", "Kowalski", "Johnson", "Martin", "Schneider", "Fernández",
    "Bianchi", "Bakker", "Pereira", "Brown", "Lefèvre", "Wagner", "Romano",
    "de Vries", "Costa", "Taylor", "Moreau", "Fischer", "Ricci", "Visser",
    "Santos", "Patel", "O'Brien", "van der Berg", "de la Cruz", "dos Santos",
    "da Silva", "Okafor", "Hughes",
]

LAST_RARE = [
    "Vethersby", "Brunmoor", "Kerrigast", "Pelletreau", "Quarrington",
    "Oddvarsen", "Zwingelaar", "Thistlewood", "Marchetti-Vale",
    "Ashgrove-Lindqvist", "Ferreira-Mbeki", "Okonkwo-Baptiste", "Vanterpool",
    "Dufresnoy", "Grzybowska", "Þórsdóttir", "Øverbø", "Łopuszańska", "Szőke",
    "Çelikkaya", "Ní Bhriain", "Achterberg", "Wojtyniak", "Hallowmere",
    "Crennick", "Sturvale", "Pendergrast", "Ilunga", "Abernethy-Koh",
    "Rautenbach", "van den Heuvel", "de la Fuente", "von Ahlefeldt",
    "di Benedetto", "del Río", "van Oosterwijk", "le Gall", "D'Alessandro",
    "O'Shaughnessy", "McAlister", "dos Reis Quaresma", "ter Horst",
]

RARE_COUNT = Counter()


def gen_name():
    if rng.random() < 0.5:
        RARE_COUNT["rare"] += 1
        return rng.choice(FIRST_RARE), rng.choice(LAST_RARE)
    RARE_COUNT["common"] += 1
    return rng.choice(FIRST_COMMON), rng.choice(LAST_COMMON)


def ascii_fold(s):
    s = (s.replace("ß", "ss").replace("Þ", "Th").replace("þ", "th")
         .replace("Ø", "O").replace("ø", "o").replace("Ł", "L")
         .replace("ł", "l").replace("æ", "ae").replace("Æ", "Ae"))
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.encode("ascii", "ignore").decode()


def handle_part(s):
    s = ascii_fold(s).lower()
    return re.sub(r"[^a-z]", "", s)


# ---------------------------------------------------------------------------
# entity generators
# ---------------------------------------------------------------------------

MAIL_DOMAINS = [
    "gmail.com", "outlook.com", "yahoo.co.uk", "proton.me", "web.de",
    "gmx.de", "orange.fr", "laposte.net", "libero.it", "ziggo.nl",
    "sapo.pt", "telefonica.net", "icloud.com", "fastmail.fm",
    "brightwater-clinic.co.uk", "kestrel-freight.de", "lumenpath.org",
    "mail.harbourline.com", "students.uni-tuebingen.example.de",
    "hr.norrland-timber.se", "studio-vireo.it", "atelier-mirabeau.fr",
]

HANDLE_WORDS = [
    "moonlit", "otter", "river", "quietfox", "blue.heron", "saltmarsh",
    "pixelcat", "driftwood", "nightjar", "copperkettle", "tidepool",
    "lark", "emberglow", "mossy.stone",
]


def gen_email(person=None):
    dom = rng.choice(MAIL_DOMAINS)
    if person is not None:
        f, l = handle_part(person[0]), handle_part(person[1])
        pat = rng.randrange(7)
        if pat == 0:
            local = f"{f}.{l}"
        elif pat == 1:
            local = f"{f[0]}{l}"
        elif pat == 2:
            local = f"{f}{l[0]}{rng.randrange(10, 99)}"
        elif pat == 3:
            local = f"{l}.{f}"
        elif pat == 4:
            local = f"{f}_{l}"
        elif pat == 5:
            local = f"{f}+{rng.choice(['news', 'bills', 'travel', 'school'])}"
        else:
            local = f"{f[0]}.{l}-{rng.randrange(1, 9)}"
    else:
        w = rng.choice(HANDLE_WORDS)
        pat = rng.randrange(3)
        if pat == 0:
            local = f"{w}{rng.randrange(1, 999)}"
        elif pat == 1:
            local = f"{w}_{rng.choice('abcdefghjkmnpqrstuvwxyz')}{rng.randrange(10, 99)}"
        else:
            local = f"{rng.choice('abcdefghjkmnprstvw')}{rng.choice('abcdefghjkmnprstvw')}.{w}"
    return f"{local}@{dom}"


def digits(n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


def nz_digits(n):
    return str(rng.randrange(1, 10)) + digits(n - 1)


def phone_us():
    area = rng.choice(["212", "415", "312", "617", "503", "702", "206", "404",
                       "512", "919", "305", "720"])
    ex = str(rng.randrange(201, 999))
    line = digits(4)
    fmt = rng.randrange(5)
    if fmt == 0:
        return f"({area}) {ex}-{line}"
    if fmt == 1:
        return f"{area}-{ex}-{line}"
    if fmt == 2:
        return f"+1 {area} {ex} {line}"
    if fmt == 3:
        return f"+1 ({area}) {ex}-{line}"
    return f"+1-{area}-{ex}-{line}"


def phone_uk():
    fmt = rng.randrange(5)
    if fmt == 0:
        return f"0{rng.choice(['20', '29', '23', '24', '28'])} {nz_digits(4)} {digits(4)}"
    if fmt == 1:
        return f"07{rng.randrange(100, 999)} {nz_digits(6)}"
    if fmt == 2:
        return f"+44 20 {nz_digits(4)} {digits(4)}"
    if fmt == 3:
        return f"+44 7{rng.randrange(100, 999)} {nz_digits(6)}"
    return f"0{rng.choice(['113', '161', '131', '141'])} {nz_digits(3)} {digits(4)}"


def pairs(n):
    return " ".join(digits(2) for _ in range(n))


def phone_fr():
    lead = rng.choice("1234567")
    if rng.random() < 0.6:
        return f"0{lead} {pairs(4)}"
    if rng.random() < 0.5:
        return f"+33 {lead} {pairs(4)}"
    return f"0{lead}.{digits(2)}.{digits(2)}.{digits(2)}.{digits(2)}"


def phone_de():
    fmt = rng.randrange(5)
    if fmt == 0:
        return f"030 {nz_digits(7)}"
    if fmt == 1:
        return f"0{rng.choice(['89', '40', '69'])} {nz_digits(8)}"
    if fmt == 2:
        return f"0{rng.choice(['221', '711', '351', '511'])} {nz_digits(7)}"
    if fmt == 3:
        return f"01{rng.choice(['51', '52', '60', '70', '76'])} {nz_digits(8)}"
    return f"+49 {rng.choice(['30', '89', '40', '151', '170'])} {nz_digits(8)}"


def phone_es():
    lead = rng.choice(["91", "93", "95", "96", "6", "6", "7"])
    num = lead + digits(9 - len(lead))
    fmt = rng.randrange(4)
    if fmt == 0:
        return f"{num[:3]} {num[3:6]} {num[6:]}"
    if fmt == 1:
        return num
    if fmt == 2:
        return f"+34 {num[:3]} {num[3:6]} {num[6:]}"
    return f"{num[:3]} {num[3:5]} {num[5:7]} {num[7:]}"


def phone_it():
    fmt = rng.randrange(4)
    if fmt == 0:
        return f"0{rng.choice(['6', '2'])} {nz_digits(4)} {digits(4)}"
    if fmt == 1:
        return f"3{rng.randrange(20, 93)} {nz_digits(3)} {digits(4)}"
    if fmt == 2:
        return f"+39 3{rng.randrange(20, 93)} {nz_digits(3)} {digits(4)}"
    return f"+39 0{rng.choice(['6', '2', '51', '55'])} {nz_digits(4)} {digits(3)}"


def phone_nl():
    fmt = rng.randrange(5)
    if fmt == 0:
        return f"0{rng.choice(['20', '10', '30', '70'])} {nz_digits(3)} {digits(4)}"
    if fmt == 1:
        return f"06 {nz_digits(8)}"
    if fmt == 2:
        return f"06-{nz_digits(8)}"
    if fmt == 3:
        return f"+31 6 {nz_digits(8)}"
    return f"+31 20 {nz_digits(3)} {digits(4)}"


def phone_pt():
    lead = rng.choice(["21", "22", "91", "92", "93", "96"])
    num = lead + digits(7)
    if rng.random() < 0.5:
        return f"{num[:3]} {num[3:6]} {num[6:]}"
    return f"+351 {num[:3]} {num[3:6]} {num[6:]}"


PHONE_BY_CC = {"us": phone_us, "uk": phone_uk, "fr": phone_fr, "de": phone_de,
               "es": phone_es, "it": phone_it, "nl": phone_nl, "pt": phone_pt}


def phone_any():
    return rng.choice(list(PHONE_BY_CC.values()))()


def phone_intl():
    for _ in range(100):
        p = phone_any()
        if p.startswith("+"):
            return p
    raise AssertionError


# --- cards -----------------------------------------------------------------

def luhn_ok(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def card_number(brand=None):
    brand = brand or rng.choice(["visa", "visa", "mc", "mc2", "amex", "disc"])
    if brand == "visa":
        return luhn_complete("4", 16), brand
    if brand == "mc":
        return luhn_complete(str(rng.randrange(51, 56)), 16), brand
    if brand == "mc2":
        return luhn_complete(str(rng.randrange(2221, 2721)), 16), brand
    if brand == "amex":
        return luhn_complete(rng.choice(["34", "37"]), 15), brand
    pre = rng.choice(["6011", str(rng.randrange(644, 650)), "65"])
    return luhn_complete(pre, 16), brand


def card_format(num, brand):
    sep = rng.choice(["", " ", "-", " "])
    if brand == "amex":
        if sep == "":
            return num
        return sep.join([num[:4], num[4:10], num[10:]])
    if sep == "":
        return num
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


def gen_card(brand=None):
    num, b = card_number(brand)
    s = card_format(num, b)
    assert luhn_ok(re.sub(r"\D", "", s))
    return s


def gen_bad_card():
    num, b = card_number(rng.choice(["visa", "mc", "mc2", "disc"]))
    last = (int(num[-1]) + rng.randrange(1, 10)) % 10
    bad = num[:-1] + str(last)
    assert not luhn_ok(bad)
    return card_format(bad, b)


# --- IBAN ------------------------------------------------------------------

def alnum(n):
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(n))


def letters(n):
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))


IBAN_BBAN = {
    "DE": lambda: digits(18),
    "FR": lambda: digits(10) + (digits(11) if rng.random() < 0.7 else alnum(11)) + digits(2),
    "ES": lambda: digits(20),
    "IT": lambda: letters(1) + digits(10) + (digits(12) if rng.random() < 0.6 else alnum(12)),
    "NL": lambda: rng.choice(["ABNA", "INGB", "RABO", "TRIO", "SNSB", "ASNB"]) + digits(10),
    "PT": lambda: digits(21),
    "GB": lambda: rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + digits(14),
    "BE": lambda: digits(12),
    "AT": lambda: digits(16),
    "CH": lambda: digits(5) + alnum(12),
    "IE": lambda: rng.choice(["AIBK", "BOFI"]) + digits(14),
    "LU": lambda: digits(3) + alnum(13),
    "PL": lambda: digits(24),
}


def iban_numeric(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban_valid(iban):
    iban = iban.replace(" ", "")
    return iban_numeric(iban[4:] + iban[:4]) % 97 == 1


def gen_iban(cc=None):
    cc = cc or rng.choice(list(IBAN_BBAN))
    bban = IBAN_BBAN[cc]()
    check = 98 - iban_numeric(bban + cc + "00") % 97
    iban = f"{cc}{check:02d}{bban}"
    assert iban_valid(iban)
    if rng.random() < 0.55:
        iban = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return iban


# --- IP --------------------------------------------------------------------

def gen_ipv4():
    k = rng.randrange(6)
    if k == 0:
        return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    if k == 1:
        return f"192.168.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    if k == 2:
        return f"172.{rng.randrange(16, 32)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    if k == 3:
        return rng.choice(["203.0.113.", "198.51.100.", "192.0.2."]) + str(rng.randrange(1, 255))
    first = rng.choice([x for x in range(11, 224) if x not in (127, 169, 172, 192)])
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def gen_ipv6(kind=None):
    kind = kind or rng.choice(["full", "comp", "comp", "ll", "lo", "comp"])
    if kind == "lo":
        return "::1"
    if kind == "ll":
        groups = [0xfe80, 0, 0, 0] + [rng.randrange(0x10000) for _ in range(4)]
        if rng.random() < 0.5:
            groups[4] = 0
            groups[5] = 0
            groups[6] = 0
            groups[7] = rng.randrange(1, 0x100)
    else:
        prefix = rng.choice([0x2001, 0x2a02, 0x2600, 0x2a01, 0x2001, 0x2c0f])
        groups = [prefix] + [rng.randrange(0x10000) for _ in range(7)]
        if prefix == 0x2001 and rng.random() < 0.5:
            groups[1] = 0x0db8
        if kind == "comp":
            start = rng.randrange(2, 7)
            length = rng.randrange(2, 8 - start + 1)
            for i in range(start, min(8, start + length)):
                groups[i] = 0
            if rng.random() < 0.4:
                for i in range(2, 8):
                    if groups[i] != 0:
                        groups[i] = rng.randrange(0x1000)
    val = 0
    for g in groups:
        val = (val << 16) | g
    addr = ipaddress.IPv6Address(val)
    if kind == "full":
        return addr.exploded if rng.random() < 0.6 else ":".join(f"{g:x}" for g in groups)
    return addr.compressed


def gen_ip():
    return gen_ipv4() if rng.random() < 0.55 else gen_ipv6()


# --- URL -------------------------------------------------------------------

URL_HOSTS = [
    "harbourline-ferries.com", "kestrel-freight.de", "docs.brightwater.io",
    "lumenpath.org", "boutique-lafayette.fr", "shop.norrland-timber.se",
    "portal.clinica-sanroque.es", "studio-vireo.it", "fietsenmaker-delft.nl",
    "loja.azulejo-porto.pt", "status.quarryworks.dev", "tickets.muzeum-vrt.cz",
    "forms.westfield-primary.sch.uk", "git.internal-tools.net",
    "careers.orbitline.co", "meet.tandem-video.eu",
]

URL_PATHS = [
    "", "/", "/booking/confirm?ref=QX7K2D", "/en/help/returns",
    "/account/settings#billing", "/p/Cx81kLq", "/docs/v2/getting-started",
    "/events/2024/open-day", "/invoice?id=88231&lang=fr", "/pull/4471/files",
    "/s/Zk9pLm2", "/timetable/winter", "/onboarding/checklist.pdf",
    "/listing/room-near-station-1193", "/de/kontakt", "/es/pedido/seguimiento",
    "/survey?u=a81f&step=2", "/wiki/Runbook:Failover",
]


def gen_url():
    host = rng.choice(URL_HOSTS)
    path = rng.choice(URL_PATHS)
    bare = host.count(".") == 1 or host.endswith((".co.uk", ".sch.uk"))
    r = rng.random()
    if bare and r < 0.3:
        return f"www.{host}{path}"
    if bare and r < 0.45:
        return f"https://www.{host}{path}"
    if r < 0.6:
        return f"http://{host}{path}"
    return f"https://{host}{path}"


# --- streets ---------------------------------------------------------------

EN_STREET_NAMES = [
    "Larkspur", "Holloway", "Maple Ridge", "Elm", "Cedar Hollow", "Wexford",
    "Kingfisher", "Old Mill", "Station", "Harbour View", "Quarry",
    "Birchwood", "Ashby", "Sandringham", "Pennington", "Foxglove", "Marlowe",
    "Ironbridge", "Willowbrook", "Tamarack", "Juniper", "Calloway",
]
EN_SUFFIX = ["Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Drive",
             "Close", "Crescent", "Way", "Boulevard", "Court", "Place",
             "Terrace", "Blvd"]


def street_en():
    n = rng.choice([str(rng.randrange(1, 99)), str(rng.randrange(100, 9999)),
                    str(rng.randrange(1, 400))])
    name = rng.choice(EN_STREET_NAMES)
    suf = rng.choice(EN_SUFFIX)
    if rng.random() < 0.2:
        return f"{n} {rng.choice(['N', 'S', 'E', 'W'])} {name} {suf}"
    return f"{n} {name} {suf}"


def street_fr():
    n = str(rng.randrange(1, 180))
    if rng.random() < 0.15:
        n += rng.choice([" bis", " ter"])
    name = rng.choice([
        "rue des Lilas", "avenue Victor Hugo", "boulevard Voltaire",
        "rue de la Paix", "chemin des Vignes", "rue du Faubourg Saint-Denis",
        "place des Célestins", "allée des Tilleuls", "quai de la Fosse",
        "rue Émile Zola", "impasse du Moulin",
    ])
    return f"{n} {name}"


def street_de():
    n = str(rng.randrange(1, 220))
    if rng.random() < 0.2:
        n += rng.choice("abc")
    name = rng.choice([
        "Lindenstraße", "Berliner Straße", "Goethestraße", "Schillerplatz",
        "Am Mühlbach", "Kurfürstendamm", "Auf dem Hügel",
        "Friedrich-Ebert-Straße", "Kastanienallee", "Hauptstraße",
        "Im Winkel", "Rosenweg", "Bahnhofstr.",
    ])
    return f"{name} {n}"


def street_es():
    n = str(rng.randrange(1, 240))
    name = rng.choice([
        "Calle de Alcalá", "Calle Mayor", "Avenida de la Constitución",
        "Paseo del Prado", "Plaza de España", "Calle Sierpes",
        "Calle del Doctor Fourquet", "Avenida Diagonal", "Ronda de Segovia",
    ])
    return f"{name} {n}"


def street_it():
    n = str(rng.randrange(1, 200))
    name = rng.choice([
        "Via Garibaldi", "Via dei Mille", "Corso Vittorio Emanuele II",
        "Piazza Navona", "Viale Monza", "Via della Spiga", "Vicolo del Cinque",
        "Via Roma", "Lungarno Corsini",
    ])
    return f"{name} {n}"


def street_nl():
    n = str(rng.randrange(1, 400))
    if rng.random() < 0.2:
        n += rng.choice(["A", "B", "-II", "-hs"])
    name = rng.choice([
        "Keizersgracht", "Lange Voorhout", "Oudegracht", "Van Woustraat",
        "Herengracht", "Jan Pieterszoon Coenstraat", "Witte de Withstraat",
        "Korte Nieuwstraat", "Stationsplein", "Biltstraat",
    ])
    return f"{name} {n}"


def street_pt():
    n = str(rng.randrange(1, 400))
    name = rng.choice([
        "Rua Augusta", "Avenida da Liberdade", "Rua das Flores",
        "Travessa do Carmo", "Rua de Santa Catarina", "Largo do Chiado",
        "Rua Garrett", "Avenida dos Aliados",
    ])
    return f"{name} {n}"


STREETS = [street_en, street_en, street_fr, street_de, street_es, street_it,
           street_nl, street_pt]

# ---------------------------------------------------------------------------
# hard-negative generators
# ---------------------------------------------------------------------------

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
           "août", "septembre", "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
           "August", "September", "Oktober", "November", "Dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
           "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
           "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli",
           "augustus", "september", "oktober", "november", "december"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
           "agosto", "setembro", "outubro", "novembro", "dezembro"],
}
DAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
           "Sunday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
           "Samstag", "Sonntag"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
           "zaterdag", "zondag"],
}


def ymd():
    return rng.randrange(2019, 2027), rng.randrange(1, 13), rng.randrange(1, 29)


def n_date():
    y, m, d = ymd()
    k = rng.randrange(7)
    if k == 0:
        return f"{y}-{m:02d}-{d:02d}"
    if k == 1:
        return f"{d:02d}/{m:02d}/{y}"
    if k == 2:
        return f"{m:02d}/{d:02d}/{y}"
    if k == 3:
        return f"{MONTHS_EN[m - 1]} {d}, {y}"
    if k == 4:
        return f"{d} {MONTHS_EN[m - 1]} {y}"
    if k == 5:
        return f"{MONTHS_EN[m - 1][:3]} {d}"
    return f"{d:02d}.{m:02d}.{y}"


def n_date_loc(lang):
    y, m, d = ymd()
    mn = MONTHS[lang][m - 1]
    if lang == "de":
        return f"{d}. {mn} {y}" if rng.random() < 0.5 else f"{d:02d}.{m:02d}.{y}"
    if lang in ("es", "pt"):
        return f"{d} de {mn} de {y}" if rng.random() < 0.6 else f"{d:02d}/{m:02d}/{y}"
    if lang == "nl":
        return f"{d} {mn} {y}" if rng.random() < 0.6 else f"{d:02d}-{m:02d}-{y}"
    return f"{d} {mn} {y}" if rng.random() < 0.6 else f"{d:02d}/{m:02d}/{y}"


def n_time():
    h, mi = rng.randrange(0, 24), rng.randrange(0, 60)
    k = rng.randrange(4)
    if k == 0:
        return f"{h:02d}:{mi:02d}"
    if k == 1:
        return f"{h % 12 or 12}:{mi:02d} {'a.m.' if h < 12 else 'p.m.'}"
    if k == 2:
        return f"{h:02d}:{mi:02d}:{rng.randrange(60):02d}"
    return f"{h % 12 or 12}:{mi:02d}{'am' if h < 12 else 'pm'}"


def n_time24():
    return f"{rng.randrange(7, 21):02d}:{rng.choice(['00', '15', '30', '45'])}"


def n_timestamp():
    y, m, d = ymd()
    hh, mm, ss = rng.randrange(24), rng.randrange(60), rng.randrange(60)
    if rng.random() < 0.6:
        frac = f".{digits(3)}" if rng.random() < 0.5 else ""
        return f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}{frac}Z"
    return f"{MONTHS_EN[m - 1][:3]} {d:2d} {hh:02d}:{mm:02d}:{ss:02d}".replace("  ", " ")


def n_order():
    k = rng.randrange(5)
    if k == 0:
        return f"ORD-{rng.randrange(2019, 2027)}-{digits(6)}"
    if k == 1:
        return f"#{digits(3)}-{digits(7)}-{digits(7)}"
    if k == 2:
        return f"A-{nz_digits(5)}"
    if k == 3:
        return f"PO {nz_digits(10)}"
    return f"{letters(2)}{nz_digits(8)}"


def n_invoice():
    k = rng.randrange(4)
    if k == 0:
        return f"INV-{rng.randrange(2019, 2027)}-{digits(4)}"
    if k == 1:
        return f"F{rng.randrange(2019, 2027)}/{digits(4)}"
    if k == 2:
        return f"RE-{nz_digits(5)}"
    return f"{nz_digits(4)}-{digits(2)}"


def n_tracking():
    k = rng.randrange(4)
    if k == 0:
        return f"1Z{alnum(6)}{digits(10)}"
    if k == 1:
        return f"JJD{digits(15)}"
    if k == 2:
        return f"{letters(2)}{digits(9)}{rng.choice(['DE', 'FR', 'NL', 'GB', 'PT'])}"
    d = "94" + digits(20)
    return " ".join(d[i:i + 4] for i in range(0, 22, 4))


def n_isbn():
    if rng.random() < 0.7:
        body = "978" + digits(9)
        s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
        full = body + str((10 - s % 10) % 10)
        if rng.random() < 0.5:
            return full
        return f"{full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}"
    body = digits(9)
    s = sum(int(c) * (10 - i) for i, c in enumerate(body))
    chk = (11 - s % 11) % 11
    full = body + ("X" if chk == 10 else str(chk))
    return f"{full[0]}-{full[1:4]}-{full[4:9]}-{full[9]}"


def n_version():
    k = rng.randrange(5)
    a, b, c = rng.randrange(0, 15), rng.randrange(0, 30), rng.randrange(0, 40)
    if k == 0:
        return f"v{a}.{b}.{c}"
    if k == 1:
        return f"{a}.{b}.{c}"
    if k == 2:
        return f"{a}.{b}.{c}-rc.{rng.randrange(1, 5)}"
    if k == 3:
        return f"v{a}.{b}.{c}.{rng.randrange(100, 9999)}"
    return f"{a}.{b}"


def n_hash():
    n = rng.choice([7, 7, 8, 12, 40])
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def n_sha256():
    return "".join(rng.choice("0123456789abcdef") for _ in range(64))


def n_price():
    k = rng.randrange(6)
    v = rng.randrange(1, 5000)
    cents = rng.randrange(100)
    if k == 0:
        return f"${v}.{cents:02d}"
    if k == 1:
        return f"£{v:,}.{cents:02d}"
    if k == 2:
        return f"€{v}"
    if k == 3:
        return f"USD {v * 10:,}"
    if k == 4:
        return f"{v},{cents:02d} €"
    return f"${v:,}"


def n_price_eu():
    v = rng.randrange(5, 4000)
    cents = rng.randrange(100)
    k = rng.randrange(3)
    if k == 0:
        return f"{v},{cents:02d} €"
    if k == 1:
        return f"€ {v},{cents:02d}"
    return f"{v} EUR"


def n_measure():
    return rng.choice([
        f"{rng.randrange(1, 40)}.{rng.randrange(10)} kg",
        f"{rng.randrange(20, 220)} cm",
        f"{rng.randrange(1, 5)}.{rng.randrange(10)} GHz",
        f"{rng.choice([250, 330, 500, 750])} ml",
        f"{rng.randrange(5, 90)} in",
        f"{rng.randrange(2, 900)} mm",
        f"{rng.randrange(1, 60)} lbs",
        f"{rng.randrange(1, 30)} m²",
    ])


def n_year():
    return str(rng.randrange(1890, 2027))


def n_file():
    return rng.choice([
        "Q3_report_final.pdf", "IMG_20240317_143507.jpg",
        f"backup-{rng.randrange(2019, 2027)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 9)}.tar.gz",
        f"invoice_{digits(4)}.xlsx", "minutes_draft_v3.docx", "config.prod.yaml",
        "build.log", f"scan{digits(4)}.tiff", "seating-plan.csv",
        "src/parser/tokenize.rs", "release-notes.md", "Dockerfile",
    ])


def n_product():
    return rng.choice([
        f"SKU-{letters(2)}-{nz_digits(4)}", f"{letters(2)}-{nz_digits(4)}-{letters(1)}",
        f"MPN {nz_digits(4)}-{letters(1)}", f"{letters(3)}{nz_digits(3)}",
    ])


def n_postcode():
    return rng.choice([
        f"{rng.randrange(10000, 99999)}",
        rng.choice(["SW1A 1AA", "EC1V 9LB", "M4 6BF", "LS6 2QR", "EH3 9DA"]),
        f"750{rng.randrange(1, 21):02d}", f"{rng.randrange(1011, 1099)} {letters(2)}",
        f"{rng.randrange(1000, 4999)}-{digits(3)}",
    ])


def n_postcode_us():
    return f"{rng.randrange(10000, 99999)}"


def n_postcode_uk():
    return rng.choice(["LS6 2QR", "LS1 4AP", "LS11 5DF", "LS8 1PQ"])


def n_postcode_fr():
    return f"{rng.choice(['690', '693', '694'])}{rng.randrange(0, 10)}{rng.randrange(0, 10)}"


def n_postcode_es():
    return f"280{rng.randrange(10, 60)}"


def n_postcode_it():
    return f"401{rng.randrange(21, 42)}"


def n_postcode_pt():
    return f"1{rng.randrange(100, 999)}-{digits(3)}"


def n_postcode_de():
    return f"04{rng.randrange(103, 357)}"


def n_postcode_nl():
    return f"{rng.randrange(1011, 9999)} {letters(2)}"


COMPANIES = [
    "Brightwater Analytics", "Kestrel Freight GmbH", "Norrland Timber AB",
    "Harbourline Ferries", "Orbitline Systems", "Quarryworks Ltd",
    "Atelier Mirabeau SARL", "Azulejo Porto Lda", "Vireo Studio S.r.l.",
    "Fietsenmaker Delft B.V.", "Lumenpath Foundation", "Cinder & Vale Co.",
]
CITIES = ["Rotterdam", "Lyon", "Porto", "Bologna", "Leipzig", "Valencia",
          "Leeds", "Portland", "Antwerp", "Graz", "Cork", "Ghent"]
NAMELIKE_CITIES = ["Florence", "Adelaide", "Victoria", "Charlotte", "Austin",
                   "Regina", "Eugene", "Jackson", "Lincoln", "Georgetown",
                   "Alexandria", "Augusta"]
BOOKS = ["The Remains of the Day", "Middlemarch", "Der Zauberberg",
         "Cien años de soledad", "Il nome della rosa", "Le Petit Prince",
         "The Left Hand of Darkness", "Max Havelaar", "Ensaio sobre a Cegueira",
         "Wolf Hall", "Jane Eyre", "Anna Karenina"]


def n_ticket():
    return f"{rng.choice(['OPS', 'JIRA', 'SEC', 'HR', 'INC', 'CS'])}-{nz_digits(rng.choice([3, 4, 5]))}"


def n_booking():
    return rng.choice([f"PNR {alnum(6)}", f"BK-{nz_digits(7)}", alnum(6)])


def n_serial():
    return f"SN-{alnum(4)}-{alnum(4)}"


def n_count():
    return str(rng.randrange(2, 9000))


def n_ms():
    return str(rng.randrange(30, 60000))


def n_pid():
    return str(rng.randrange(300, 65000))


def n_port():
    return str(rng.randrange(1025, 65535))


def n_temp():
    return f"{rng.randrange(-15, 42)}.{rng.randrange(10)} °C"


def n_expiry():
    return f"{rng.randrange(1, 13):02d}/{rng.randrange(25, 32)}"


def n_claim():
    return f"CLM-{rng.randrange(2019, 2027)}-{nz_digits(5)}"


NEG_GEN = {
    "n_date": n_date,
    "n_date_fr": lambda: n_date_loc("fr"),
    "n_date_de": lambda: n_date_loc("de"),
    "n_date_es": lambda: n_date_loc("es"),
    "n_date_it": lambda: n_date_loc("it"),
    "n_date_nl": lambda: n_date_loc("nl"),
    "n_date_pt": lambda: n_date_loc("pt"),
    "n_time": n_time,
    "n_timeh": n_time24,
    "n_timestamp": n_timestamp,
    "n_order": n_order,
    "n_invoice": n_invoice,
    "n_tracking": n_tracking,
    "n_isbn": n_isbn,
    "n_version": n_version,
    "n_hash": n_hash,
    "n_sha": n_sha256,
    "n_badcard": gen_bad_card,
    "n_price": n_price,
    "n_price_eu": n_price_eu,
    "n_measure": n_measure,
    "n_year": n_year,
    "n_file": n_file,
    "n_product": n_product,
    "n_postcode": n_postcode,
    "n_postcode_us": n_postcode_us,
    "n_postcode_uk": n_postcode_uk,
    "n_postcode_fr": n_postcode_fr,
    "n_postcode_es": n_postcode_es,
    "n_postcode_it": n_postcode_it,
    "n_postcode_pt": n_postcode_pt,
    "n_postcode_nl": n_postcode_nl,
    "n_postcode_de": n_postcode_de,
    "n_company": lambda: rng.choice(COMPANIES),
    "n_city": lambda: rng.choice(CITIES),
    "n_namecity": lambda: rng.choice(NAMELIKE_CITIES),
    "n_book": lambda: rng.choice(BOOKS),
    "n_day": lambda: rng.choice(DAYS["en"]),
    "n_day_de": lambda: rng.choice(DAYS["de"]),
    "n_day_nl": lambda: rng.choice(DAYS["nl"]),
    "n_month": lambda: rng.choice(MONTHS_EN),
    "n_ticket": n_ticket,
    "n_booking": n_booking,
    "n_serial": n_serial,
    "n_count": n_count,
    "n_ms": n_ms,
    "n_pid": n_pid,
    "n_port": n_port,
    "n_temp": n_temp,
    "n_expiry": n_expiry,
    "n_claim": n_claim,
}

# ---------------------------------------------------------------------------
# entity slots: name -> (type, generator(state))
# ---------------------------------------------------------------------------


def slot_person(state):
    f, l = gen_name()
    state["person"] = (f, l)
    return f"{f} {l}"


def slot_first(state):
    f, l = gen_name()
    state["person"] = (f, l)
    return f


def slot_last(state):
    f, l = gen_name()
    state["person"] = (f, l)
    return l


def slot_email_p(state):
    p = state.get("person")
    if p is None:
        p = gen_name()
    return gen_email(p)


ENT_SLOTS = {
    "person": ("person", slot_person),
    "first": ("person", slot_first),
    "last": ("person", slot_last),
    "email": ("email", lambda s: gen_email(gen_name() if rng.random() < 0.5 else None)),
    "email_p": ("email", slot_email_p),
    "phone": ("phone", lambda s: phone_any()),
    "phone_intl": ("phone", lambda s: phone_intl()),
    "card": ("credit_card", lambda s: gen_card()),
    "card_visa": ("credit_card", lambda s: gen_card("visa")),
    "card_mc": ("credit_card", lambda s: gen_card(rng.choice(["mc", "mc2"]))),
    "card_amex": ("credit_card", lambda s: gen_card("amex")),
    "card_disc": ("credit_card", lambda s: gen_card("disc")),
    "iban": ("iban", lambda s: gen_iban()),
    "ipv4": ("ip_address", lambda s: gen_ipv4()),
    "ipv6": ("ip_address", lambda s: gen_ipv6()),
    "ipv6_ll": ("ip_address", lambda s: gen_ipv6("ll")),
    "ipv6_lo": ("ip_address", lambda s: gen_ipv6("lo")),
    "ip": ("ip_address", lambda s: gen_ip()),
    "url": ("url", lambda s: gen_url()),
    "street": ("street_address", lambda s: rng.choice(STREETS)()),
}
for _cc, _fn in PHONE_BY_CC.items():
    ENT_SLOTS[f"phone_{_cc}"] = ("phone", (lambda fn: lambda s: fn())(_fn))
for _cc in IBAN_BBAN:
    ENT_SLOTS[f"iban_{_cc.lower()}"] = ("iban", (lambda cc: lambda s: gen_iban(cc))(_cc))
for _fn in (street_en, street_fr, street_de, street_es, street_it, street_nl, street_pt):
    ENT_SLOTS[_fn.__name__] = ("street_address", (lambda fn: lambda s: fn())(_fn))

# ---------------------------------------------------------------------------
# templates. {slot} or {slot2} (a trailing digit makes a second, independent
# draw of the same slot). Literal text never contains personal data.
# ---------------------------------------------------------------------------

ENTITY_TEMPLATES = [
    # medical intake
    "Medical intake form | Patient: {person} | Visit: {n_date} | Contact number: {phone_us} | Referring physician: Dr. {last}",
    "Please update my chart: I moved to {street_en}, Portland, OR {n_postcode_us}, and my new mobile is {phone_us}.",
    "Intake note ({n_timeh}): {person} reports a penicillin allergy. Insurance card scanned as {n_file}; follow-up with Dr. {last} on {n_day}.",
    "Referred by Dr. {person} to the cardiology unit; patient {person2}, preferred contact {email_p}.",
    "Message for Dr. {last}: {person} called at {n_time}, please call back on {phone_uk}.",
    # HR onboarding
    "Hi {first}, welcome aboard! Your laptop will be shipped to {street_en} on {n_day}. If anything is missing, email {email} or call IT at {phone_uk}.",
    "New starter: {person}, personal email {email_p}, start date {n_date}, cost centre {n_product}.",
    "Onboarding checklist for {person}: sign the contract, add salary account {iban} to payroll, book a desk at the {n_city} office.",
    "Your buddy for the first month is {person}. Say hi on the intranet at {url}.",
    # customer support chat
    "[{n_time}] Agent: Could you confirm the card on file? [{n_time2}] Customer: sure, it's {card}, name on card {person}.",
    "Customer: my order {n_order} never arrived. I'm at {street_en} and my number is {phone_us}.",
    "Hi, this is {person}. I was double-charged on my Mastercard {card_mc} for order {n_order}.",
    "Chat transcript — visitor {email} from {ip} asked about returns; bot sent {url}.",
    # travel bookings
    "Booking {n_booking} confirmed for passenger {person}. Check-in opens at {n_time}. Questions? Reply to {email} or visit {url}.",
    "Passenger 2: Mrs. {last}, mobile {phone_intl}, seat 14C, flight to {n_city} on {n_date}.",
    "Hotel voucher: guest {person}, arrival {n_date}, guarantee card {card_visa}.",
    "Renter: {person}. Licence checked. Deposit card: {card}. Return the car to {street} by {n_time}.",
    # legal letters
    "Dear Ms. {last}, we write on behalf of our client {person} regarding the tenancy at {street_en}. Please respond by {n_date}.",
    "Without prejudice: payment of {n_price} should be made to IBAN {iban} quoting reference {n_invoice}.",
    "The deed was witnessed by {person} and {person2} at the offices of {n_company} on {n_date}.",
    # classified ads
    "FOR SALE: mountain bike, barely used, {n_price} ono. Call {first} on {phone_uk} after 6pm.",
    "Room to let near the station, {n_price}/month. Viewings at {street_en}. Text {phone_us} or email {email}.",
    "Lost cat, grey tabby, answers to Pepper. Last seen near {street}. Please ring {phone}!",
    # school notes
    "Note for {person}'s parents: the trip to the science museum is on {n_day}. Please contact Mrs. {last} at {email} with any questions.",
    "{first} was absent on {n_date} with a cold. Signed, {person} (parent). Reachable at {phone}.",
    "Class rep this term: {person}. Form and consent letter at {url}.",
    # shipping labels
    "SHIP TO: {person} / {street_en} / Leeds {n_postcode_uk} / Tel {phone_uk} / Tracking {n_tracking}",
    "Return label: {person}, {street_de}, {n_postcode_de} Leipzig; parcel {n_measure}; ref {n_order}",
    # bank transfers
    "Please transfer {n_price} to {person}, IBAN {iban}, by end of day {n_day}.",
    "Beneficiary name: {person}; account: {iban}; payment reference: {n_invoice}",
    "Membership renewal for {person}: direct debit from {iban} on the 1st of each month.",
    "Invoice {n_invoice} from {person}, {street}. Pay to {iban} within 30 days.",
    # meeting minutes
    "Minutes, {n_date}. Present: {person}, {person2}, {person3}. Apologies: {person4}. Action: {first} to circulate the draft by {n_day}.",
    "Action items: {person} to fix the DNS record for {ipv4}; {person2} to renew the certificate for {url}.",
    # social media DMs
    "hey!! it's {first} from the climbing gym 😊 just text me on {phone_intl} or find my page at {url}",
    "me: what's ur email again? {first}: {email}",
    "omg {first} loved ur post 💜 can u send the recipe to {email_p}? thx!!",
    # code review comments / commits
    "nit: don't hardcode {ipv4} here, read it from config. Also the fixture still contains a customer email ({email}), please scrub it before merging {n_hash}.",
    "Fix typo in README (reported by {person} <{email_p}>)",
    "LGTM, but the test in {n_file} still pings {ipv6} directly; use a mock and assign the follow-up to {person}.",
    "Co-authored-by: {person} <{email_p}>",
    # log lines
    "{n_timestamp} INFO auth: login ok user={email} src={ipv4} agent=Mozilla/5.0",
    "{n_timestamp} WARN sshd[{n_pid}]: Failed password for invalid user admin from {ipv4} port {n_port} ssh2",
    "{n_timestamp} ERROR upstream {ipv6} timed out after {n_ms} ms (request_id={n_hash})",
    "{n_timestamp} DEBUG dhcp6: assigned {ipv6_ll} on wlan0, dns {ipv6}",
    "healthcheck: {ipv6_lo} ok, {ipv4} ok, {ip} degraded ({n_ms} ms)",
    '{{"event":"signup","name":"{person}","email":"{email_p}","ip":"{ip}"}}',
    "{n_count},{person},{email_p},{phone_us},{street_en}",
    # misc situations
    "Open house this {n_day} at {street_en}. Listing agent: {person}, {phone_us}.",
    "Claim {n_claim}: policyholder {person} reports water damage at {street}. Adjuster contact: {email}.",
    "Reminder: Biscuit's vaccination is due. Owner: {person}, {phone}.",
    "Speaker: Prof. {last} ({n_company}). Slides at {url}.",
    "{person} and {person2} will attend the wedding. Dietary notes: vegetarian. Contact: {email}.",
    "Dear {first}, \"{n_book}\" has been overdue since {n_date}. Please return it to the branch at {street_en}.",
    "Ticket {n_ticket}: {person} cannot reach the VPN from {ipv4}; assigned gateway {ipv6}.",
    "Your payment with card {card} failed on {n_date}. Update your details at {url}.",
    "Corporate Amex {card_amex} is registered to {person}, exp {n_expiry}.",
    "Discover card {card_disc} was added to the account of {person}.",
    "Add {ipv4} and {ipv6} to the allowlist before {n_date}; see {url} for the procedure.",
    "Guest this week: {person}, author of \"{n_book}\". Show notes: {url}",
    "To all tenants of {street_en}: the boiler will be serviced on {n_date}. Contact the caretaker, {person}, on {phone_uk}.",
    "Found: a blue umbrella on the 8:15 train. If it's yours, contact {first} at {email}.",
    "Volunteer: {person} | Availability: weekends | Phone: {phone} | Address: {street}",
    "Read more at {url}. Unsubscribe: {url2}.",
    "Did you get the form from {person}? The link was {url}?",
    "Emergency contact for {person}: {person2} ({phone_intl}).",
    "Paid with {card} (approval code {n_serial}); receipt sent to {email}.",
    "Fraud alert: card {card} was used in {n_city} at {n_time}; the number {n_badcard} typed by the clerk fails the checksum. Call the holder, {person}, on {phone}.",
    "school trip payment: {n_price} charged to {card_visa}, parent {person}, ref {n_order}",
    # French
    "Bonjour {first}, votre rendez-vous chez le Dr {last} est confirmé pour le {n_date_fr} à {n_timeh}. En cas d'empêchement, appelez le {phone_fr}.",
    "Merci d'effectuer le virement sur le compte {iban_fr} au nom de {person}, référence {n_invoice}.",
    "Adresse de livraison : {street_fr}, {n_postcode_fr} Lyon. Contact : {email}.",
    "Compte rendu de réunion du {n_date_fr} : présents {person}, {person2}. {first} enverra la synthèse à {email}.",
    "Annonce : vends canapé d'angle, {n_price_eu}. Contactez {first} au {phone_fr} ou sur {url}.",
    # German
    "Sehr geehrte Frau {last}, Ihre neue Anschrift {street_de} wurde gespeichert. Rückfragen bitte an {email} oder {phone_de}.",
    "Bitte überweisen Sie {n_price_eu} auf das Konto {iban_de} (Kontoinhaber: {person}) bis zum {n_date_de}.",
    "Protokoll: {person} übernimmt die Serverwartung; der Host {ipv4} wird am {n_day_de} neu gestartet.",
    "Kleinanzeige: Kinderwagen abzugeben, {n_price_eu} VB. Abholung {street_de}, Tel. {phone_de}.",
    "Ihre Kreditkarte {card_mc} wurde am {n_date_de} mit {n_price_eu} belastet. Fragen an {email}.",
    "Hallo {first}, die Zugangsdaten für {url} schickt dir {person} morgen.",
    # Spanish
    "Estimado Sr. {last}: le confirmamos la reserva {n_booking} a nombre de {person}. Para cualquier duda escriba a {email}.",
    "Enviar a: {person}, {street_es}, {n_postcode_es} Madrid. Teléfono: {phone_es}.",
    "Transferencia de {n_price_eu} a la cuenta {iban_es}, titular {person}.",
    "Hola {first}, soy {first2}, mi nuevo número es {phone_es} 👋",
    # Italian
    "Gentile Dott.ssa {last}, la paziente {person} chiede di essere richiamata al numero {phone_it}.",
    "Indirizzo di fatturazione: {street_it}, {n_postcode_it} Bologna. IBAN: {iban_it}.",
    "Riunione del {n_date_it}: {person} presenta il rapporto; materiali su {url}.",
    "Ciao {first}! Ti ho girato il contatto di {person}: {phone_it}, {email_p}.",
    # Dutch
    "Beste {first}, je pakket wordt bezorgd op {street_nl} in Utrecht. Vragen? Bel {phone_nl}.",
    "Graag {n_price_eu} overmaken naar {iban_nl} t.n.v. {person}, onder vermelding van {n_invoice}.",
    "Betaling met creditcard {card} mislukt; {person} belt terug op {phone_nl}.",
    "Mevrouw {last} heeft gebeld over de huur; haar e-mailadres is {email}.",
    "Notulen {n_date_nl}: {person} regelt de zaal aan de {street_nl}; {person2} mailt iedereen via {email}.",
    # Portuguese
    "Olá {first}, a sua encomenda {n_order} será entregue na {street_pt}, {n_postcode_pt} Lisboa. Dúvidas: {phone_pt}.",
    "Por favor transfira {n_price_eu} para o IBAN {iban_pt}, titular {person}.",
    "Ata da reunião: {person} e {person2} aprovaram o orçamento; contacto {email}.",
    "Cartão {card} recusado em {n_date_pt}; a cliente {person} vai ligar do {phone_pt}.",
]

NEGATIVE_TEMPLATES = [
    "Your order {n_order} has shipped and should arrive by {n_day}.",
    "Invoice {n_invoice} for {n_price} is due on {n_date}.",
    "Tracking number {n_tracking}: last scan in {n_city} at {n_time}.",
    "The second edition (ISBN {n_isbn}) was published in {n_year}.",
    "Release {n_version} fixes the memory leak introduced in commit {n_hash}.",
    "The number {n_badcard} failed the checksum, so the form rejected it.",
    "Gift voucher code {n_badcard}, valid until {n_date}.",
    "The parcel weighs {n_measure} and measures {n_measure2} on its longest side.",
    "Meeting moved from {n_day} to {n_day2}, {n_time}, in the {n_city} office.",
    "Attached: {n_file} and {n_file2} (both updated {n_date}).",
    "Product code {n_product} is out of stock until {n_month}.",
    "Is postcode {n_postcode} inside the delivery zone?",
    "{n_company} reported revenue of {n_price} for fiscal {n_year}.",
    "We are reading \"{n_book}\" for book club in {n_month}.",
    "{n_timestamp} INFO build {n_version} finished in {n_ms} ms, artifact {n_file}",
    "git checkout {n_hash} && make release VERSION={n_version}",
    "Flight departs {n_city} at {n_time} on {n_date}, gate B12.",
    "The museum in {n_namecity} is closed every {n_day}.",
    "Our new office in {n_namecity} opens next {n_month}.",
    "Votre commande {n_order} sera livrée le {n_date_fr} entre {n_timeh} et {n_timeh2}.",
    "Rechnung {n_invoice} über {n_price_eu}, fällig am {n_date_de}.",
    "El pedido {n_order} pesa {n_measure} y llegará el {n_date_es}.",
    "La versione {n_version} è disponibile dal {n_date_it}.",
    "Postcode {n_postcode_nl} valt buiten ons bezorggebied; bezorging op {n_day_nl}.",
    "A fatura {n_invoice} no valor de {n_price_eu} vence a {n_date_pt}.",
    "Sprint review {n_date}: velocity {n_count} points; the {n_company} demo is postponed to {n_month}.",
    "Serial no. {n_serial}, firmware {n_version}, manufactured {n_year}.",
    "Checksum (sha256) {n_sha} verified for {n_file}.",
    "The {n_company} warehouse in {n_city} ships {n_count} parcels a day.",
    "Temperature peaked at {n_temp} on {n_date} in {n_namecity}.",
    "Dimensions: {n_measure} x {n_measure2}; weight {n_measure3}.",
    "Chapter 12 of \"{n_book}\" ({n_year}) is set in {n_namecity} in {n_month}.",
    "See ticket {n_ticket}; fixed in {n_version} ({n_hash}).",
    "assert parse_date(\"{n_date}\") is not None  # {n_ticket}",
    "Price drop: {n_product} now {n_price}, was {n_price2}.",
    "Reservation {n_booking} for two, {n_day} at {n_timeh}, table by the window.",
    "Policy {n_claim} renews every {n_month}; the premium is {n_price}.",
    "Test card {n_badcard} should be declined by the sandbox, ticket {n_ticket}.",
    "Catalogue entry: \"{n_book}\", ISBN {n_isbn}, shelf {n_product}, acquired {n_year}.",
    "Buchbestellung {n_order}: ISBN {n_isbn}, Lieferung am {n_day_de}.",
    "Voucher {n_badcard} was rejected at checkout on {n_date}; order {n_order} stays open.",
    "Kernel {n_version} on a box with {n_count} GB RAM, last reboot {n_timestamp}.",
]

SLOT_RE = re.compile(r"\{([a-z_0-9]+)\}")


def slot_name(raw):
    """'person2' -> 'person'; 'ipv4' stays 'ipv4' (a real slot name)."""
    if raw in NEG_GEN or raw in ENT_SLOTS:
        return raw
    return raw.rstrip("0123456789")


def render(template):
    """Return (text, entities, negatives) with byte offsets."""
    state = {}
    out = []          # str pieces
    pos = 0           # byte position
    ents = []
    negs = []
    last = 0
    # literal "{{" / "}}" escape for JSON-looking templates
    tmpl = template.replace("{{", "\x00").replace("}}", "\x01")
    for m in SLOT_RE.finditer(tmpl):
        lit = tmpl[last:m.start()].replace("\x00", "{").replace("\x01", "}")
        out.append(lit)
        pos += len(lit.encode("utf-8"))
        name = slot_name(m.group(1))
        if name in NEG_GEN:
            val = NEG_GEN[name]()
            negs.append((name[2:], val))
        elif name in ENT_SLOTS:
            typ, fn = ENT_SLOTS[name]
            val = fn(state)
            b = len(val.encode("utf-8"))
            ents.append({"type": typ, "value": val, "start": pos, "end": pos + b})
        else:
            raise KeyError(f"unknown slot {name!r} in {template!r}")
        out.append(val)
        pos += len(val.encode("utf-8"))
        last = m.end()
    lit = tmpl[last:].replace("\x00", "{").replace("\x01", "}")
    out.append(lit)
    return "".join(out), ents, negs


def check(item):
    text = item["text"]
    raw = text.encode("utf-8")
    prev_end = -1
    for e in item["entities"]:
        assert raw[e["start"]:e["end"]].decode("utf-8") == e["value"], (item, e)
        assert e["start"] >= prev_end, ("overlap/unsorted", item)
        assert e["value"] == e["value"].strip() and e["value"], item
        prev_end = e["end"]
        v = e["value"]
        t = e["type"]
        if t == "credit_card":
            assert luhn_ok(re.sub(r"[ -]", "", v)), v
        elif t == "iban":
            assert iban_valid(v), v
        elif t == "ip_address":
            ipaddress.ip_address(v)
        elif t == "phone":
            assert v[0] in "+(0123456789" and v[-1].isdigit(), v
        elif t == "url":
            assert v.startswith(("http://", "https://", "www.")), v
            assert v[-1] not in ".,;:!?)", v
        elif t == "email":
            assert re.fullmatch(r"[a-z0-9._+\-]+@[a-z0-9.\-]+\.[a-z]{2,}", v), v
    for n in item.get("negatives", []):
        assert n in text, (item, n)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_path = os.path.join(here, "pii-heldout.jsonl")

    items = []
    seen = set()
    tmpl_used = Counter()

    def add(kind, idx, template):
        for _ in range(50):
            text, ents, negs = render(template)
            if text not in seen:
                break
        else:
            raise AssertionError("could not make a unique text")
        seen.add(text)
        item = {"text": text, "entities": ents}
        if negs:
            item["negatives"] = [v for _, v in negs]
        check(item)
        items.append((kind, negs, item))
        tmpl_used[f"{kind}{idx}"] += 1

    ENTITY_ROUNDS = 4
    NEG_ROUNDS = 3
    for _ in range(ENTITY_ROUNDS):
        for i, t in enumerate(ENTITY_TEMPLATES):
            add("E", i, t)
    for _ in range(NEG_ROUNDS):
        for i, t in enumerate(NEGATIVE_TEMPLATES):
            add("N", i, t)

    rng.shuffle(items)
    with open(out_path, "w", encoding="utf-8") as fh:
        for n, (_, _, item) in enumerate(items, 1):
            rec = {"id": f"held-{n:05d}", "text": item["text"],
                   "entities": item["entities"]}
            if "negatives" in item:
                rec["negatives"] = item["negatives"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    # summary
    ent_counts = Counter()
    for _, _, it in items:
        for e in it["entities"]:
            ent_counts[e["type"]] += 1
    neg_only = sum(1 for k, _, _ in items if k == "N")
    neg_kinds = Counter(k for _, negs, _ in items for k, _ in negs)
    neg_spans = sum(neg_kinds.values())
    with_mixed = sum(1 for k, negs, _ in items if k == "E" and negs)
    print(f"wrote {out_path}")
    print(f"items: {len(items)}")
    print(f"entities: {sum(ent_counts.values())}")
    for t in ["email", "phone", "credit_card", "iban", "ip_address", "url",
              "person", "street_address"]:
        print(f"  {t:15s} {ent_counts[t]}")
    print(f"negative-only items: {neg_only}")
    print(f"items with entities that also carry hard negatives: {with_mixed}")
    print(f"hard-negative spans: {neg_spans} ({len(neg_kinds)} kinds)")
    print("  " + ", ".join(f"{k}={v}" for k, v in sorted(neg_kinds.items())))
    print(f"templates: {len(ENTITY_TEMPLATES) + len(NEGATIVE_TEMPLATES)} "
          f"({len(ENTITY_TEMPLATES)} with entities, {len(NEGATIVE_TEMPLATES)} negative-only)")
    print(f"person names drawn: rare/invented={RARE_COUNT['rare']} common={RARE_COUNT['common']}")

    mins = {t: ent_counts[t] for t in ["email", "phone", "credit_card", "iban",
                                       "ip_address", "url", "person",
                                       "street_address"]}
    assert len(items) >= 400, len(items)
    assert min(mins.values()) >= 35, mins
    assert neg_only >= 100, neg_only
    assert len(ENTITY_TEMPLATES) + len(NEGATIVE_TEMPLATES) >= 40


if __name__ == "__main__":
    sys.exit(main())
