#!/usr/bin/env python3
"""Generator for the independent PII evaluation set ``tests/pii/pii-final.jsonl``.

Run from the repository root::

    python3 tests/pii/make_pii_final.py

Standard library only, fully deterministic: every random choice comes from
``random.Random(SEED)`` with ``SEED = 271828``.  All name, street, company and
domain pools below were written for this file (invented or generic); they are
not taken from any other generator in the repository.

Output format (one JSON object per line)::

    {"id": "final-00001", "text": "...",
     "entities": [{"type": T, "value": V, "start": S, "end": E}, ...],
     "negatives": ["...", ...]}

``start``/``end`` are BYTE offsets into ``text.encode("utf-8")`` and
``text.encode()[start:end].decode() == value`` is asserted for every entity
before the file is written.  Labels exist by construction: templates contain
placeholders, and the generator records each inserted value with its offsets.
No regex is ever run over the final text to find labels.

About 385 items contain entities, 140 items are hard negatives without any
entity.  ``negatives`` lists strings that were inserted on purpose as hard
negatives (they must NOT be reported as any PII type).  It appears on entity
items too, because hard negatives are mixed into them.

Span conventions
----------------
email
    The address only (no ``<`` ``>``, no ``mailto:``).  Every address is
    labelled, including role addresses (support@, info@, kontakt@, noreply@ ...).
phone
    From the leading ``+`` / first digit / ``(`` up to the last digit.  Trunk
    prefixes such as ``(0)`` and international ``00`` prefixes are inside the
    span.  Extensions written after it (``ext. 214``) are outside.  National
    and international formats of US, UK, DE, AT, CH, FR, IT, ES, NL, SE, PL,
    PT, JP, IN, BR, TR, VN.
credit_card
    Luhn-valid, real issuer prefixes (Visa 4, Mastercard 51-55 and 2221-2720,
    Amex 34/37 with 15 digits, Discover 6011/65); written plain, grouped with
    spaces or with hyphens (Amex 4-6-5).  The whole number incl. separators.
iban
    mod-97-valid (check digits computed), correct national length for DE FR GB
    ES IT NL BE PL PT SE CH AT TR IE NO DK FI LU; compact or in groups of 4
    separated by single spaces.  The full IBAN incl. the inner spaces.
ip_address
    IPv4 and IPv6 (exploded, compressed, ``::1``, link-local ``fe80::...``).
    Never a port and never brackets: in ``10.0.0.5:8080`` or
    ``[2001:db8::1]:8443`` only the address is labelled.
url
    Starts with a scheme (http/https) or with ``www.``; ends at the last
    character of the URL; trailing sentence punctuation, closing parentheses
    and surrounding quotes are outside.  The domain inside an e-mail address is
    NOT a url.
person
    The name only.  Titles/honorifics (Mr., Ms, Dr., Prof., Herr, Frau, Mme,
    M., Sr., Sra., Dña., Sig.ra, dott., avv., dhr., mevr., Pan, Pani, Sayın,
    Bey, Hanım, ông, bà ...) are outside, as are a possessive ``'s``.
    A full name is ONE span (given + family name, including particles such as
    "van der", "de la", "bin", "binti", apostrophes like O'Neill / D'Amico,
    hyphens, and Spanish/Portuguese double surnames).  A given name alone or a
    surname alone (e.g. after a title) is its own span.  An upper-cased surname
    in forms (``Nom : ROUSSEL``) is a span.  Lower-case names in casual chat
    ("ask maria") are spans.  Vietnamese names are written family-name first;
    the given name alone is the last word.  Some names are invented from
    syllables and appear in no name list.
street_address
    The street line only: house number + street, or street + house number, in
    the local order, INCLUDING the unit/apartment/floor designator when it is
    written on the same line as part of the street line (``Apt 4B``,
    ``Suite 200``, ``#305``, ``Flat 3, 12 Ashdown Road``, ``Calle X 3, 2º B``,
    ``ul. Kwiatowa 12/4``, ``lok. 5``, ``lgh 1102``, ``No: 12 D: 3``,
    ``3.º Esq.``) and the street-type word or abbreviation (``ul.``, ``al.``,
    ``C/``, ``Via``, ``Rua``, ``Mah.`` neighbourhood prefix in Turkish lines).
    The postcode, city, district, state and country are NOT in the span (the
    postcode is listed as a negative string).
negatives (hard negatives, never labelled)
    order/invoice/ticket/booking numbers, parcel tracking numbers, ISBN-13,
    EAN-13, dates and times in many languages/formats, version strings,
    Windows build numbers (``10.0.19045.3803``), git hashes, UUIDs, Luhn-INVALID
    16-digit numbers (loyalty/membership references), prices, percentages,
    measurements, blood pressure, postcodes, SKUs/part numbers, MAC addresses,
    hex colours, file paths, title-case non-names (weekdays, months, brands,
    products, places, treaties), VAT ids, and phone-shaped numbers that are
    clearly something else ("Order no. 555-0134-77").
    Documented choice: four-part dotted versions whose parts are all <= 255
    (e.g. ``version 2.1.0.17``) DO occur, but only directly after the word
    "version"/"Version"/"Firmware-Version"; they are negatives, not IPs.
"""
import ipaddress
import json
import os
import random
import re
import sys
import time
import unicodedata
import uuid
from collections import Counter

SEED = 271828
N_ENTITY_ITEMS = 385
N_NEGATIVE_ITEMS = 140
OUT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii-final.jsonl")

# ---------------------------------------------------------------------------
# name pools (invented / generic); last names may be (masculine, feminine)
# ---------------------------------------------------------------------------
NAMES = {
    "en": dict(
        f=["Olivia", "Harriet", "Imogen", "Keisha", "Siobhan", "Beatrix", "Rosalind", "Maisie",
           "Tamsin", "Georgina", "Anne-Marie", "Priya", "Delyth", "Marguerite"],
        m=["Marcus", "Declan", "Tobias", "Rowan", "Callum", "Darnell", "Ezra", "Barnaby",
           "Alistair", "Jasper", "Desmond", "Rhys", "Lachlan", "Percival"],
        last=["Whitfield", "Ashworth", "Pemberton", "O'Neill", "McAllister", "Fairbanks",
              "Hargreave", "Thornbury", "MacLeod", "Okafor", "Kingsley-Ward", "Blackwood",
              "Featherstone", "Drummond", "O'Sullivan", "McCready", "Penhaligon", "Ravenscroft"]),
    "de": dict(
        f=["Friederike", "Anneliese", "Käthe", "Mia", "Jördis", "Henrike", "Sieglinde", "Lena",
           "Anne-Sophie", "Merle", "Ute"],
        m=["Jonas", "Jürgen", "Henrik", "Sönke", "Lukas", "Matthias", "Gernot", "Ulf",
           "Karl-Heinz", "Björn", "Eckhard"],
        last=["Brandstätter", "Oberländer", "Weißkopf", "Kranzbühler", "Eichinger",
              "Schäfer-Ohlsen", "von der Heydt", "Hölzl", "Großmann", "Lindemann", "Pfützner",
              "Jäckel", "Müllenhoff", "Kötter", "von Rabenau"]),
    "fr": dict(
        f=["Amélie", "Mathilde", "Océane", "Gaëlle", "Zoë", "Héloïse", "Maëlle", "Solène",
           "Marie-Claire", "Anaïs", "Clémence"],
        m=["Théo", "Hugues", "Baptiste", "Loïc", "Jérôme", "Aurélien", "Benoît", "Gaëtan",
           "Jean-Baptiste", "Noël", "Anatole"],
        last=["Roussel", "Lefèvre", "de la Haye", "Duchêne", "Bérard", "Fauconnier", "Lemaître",
              "Chassagne", "Dubois-Morel", "Vautrin", "d'Orvalle", "Le Goff", "Quéméneur",
              "Mérieux-Taillandier"]),
    "es": dict(
        f=["Lucía", "Begoña", "Ximena", "Nerea", "Itziar", "Maite", "Almudena", "María José",
           "Rocío"],
        m=["Íñigo", "Mateo", "Álvaro", "Joaquín", "Gonzalo", "Sergio", "Juan Pablo", "Ismael"],
        last=["Ñúñez", "García-Olmedo", "de la Fuente", "Peñalver", "Ibáñez", "Echeverría",
              "Villalobos", "Muñoz", "Arrieta", "del Castillo", "Sáenz de Urturi", "Cifuentes"]),
    "it": dict(
        f=["Giulia", "Chiara", "Ludovica", "Benedetta", "Ilaria", "Noemi", "Maria Grazia"],
        m=["Matteo", "Niccolò", "Lorenzo", "Gianluca", "Pietro", "Raffaele", "Gian Marco"],
        last=["Ferri", "Bonaccorsi", "De Santis", "Lo Presti", "D'Amico", "Castelnuovo",
              "Zanetti", "Mancuso", "Galli", "Della Valle", "Sciacca", "Tricarico"]),
    "nl": dict(
        f=["Sanne", "Femke", "Lotte", "Marloes", "Ilse", "Anouk", "Fenna"],
        m=["Joris", "Maarten", "Sjoerd", "Bram", "Thijs", "Wouter", "Gijs"],
        last=["van der Berg", "de Vries", "van Dijk", "Bakker", "van den Heuvel", "Visser",
              "Smit", "Jansen-Kok", "van 't Hof", "Kuipers", "de Groot", "IJzerman"]),
    "pl": dict(
        f=["Małgorzata", "Agnieszka", "Katarzyna", "Zofia", "Jadwiga", "Bożena", "Grażyna"],
        m=["Łukasz", "Wojciech", "Zbigniew", "Grzegorz", "Paweł", "Jędrzej", "Przemysław"],
        last=[("Zieliński", "Zielińska"), ("Grzybowski", "Grzybowska"),
              ("Wiśniewski", "Wiśniewska"), "Kowalczyk", ("Dąbrowski", "Dąbrowska"), "Nowak",
              "Pietrzak", ("Szczepański", "Szczepańska"), "Wróbel", ("Jabłoński", "Jabłońska"),
              ("Zawadzki", "Zawadzka")]),
    "pt": dict(
        f=["Inês", "Conceição", "Beatriz", "Leonor", "Mariana", "Luíza"],
        m=["João", "Gonçalo", "Tiago", "Rodrigo", "Duarte", "Sebastião"],
        last=["Magalhães", "Gonçalves", "da Silva", "Carvalho", "Sousa", "Brandão",
              "Figueiredo", "dos Santos", "Assunção"]),
    "nordic": dict(
        f=["Åsa", "Linnéa", "Þórunn", "Sigríður", "Ingrid", "Solveig", "Maja", "Signe"],
        m=["Øyvind", "Björn", "Håkan", "Eirik", "Gunnar", "Sölvi", "Ragnar"],
        last=["Lindqvist", "Ødegård", "Åberg", "Engström", "Sjöberg", "Bergqvist", "Nyström",
              "Halvorsen", ("Sigurðsson", "Sigurðardóttir"), ("Jónsson", "Jónsdóttir")]),
    "tr": dict(
        f=["Ayşe", "Gülşen", "Çağla", "İlkay", "Şule", "Elif", "Özge"],
        m=["Mehmet", "Oğuz", "Emre", "Barış", "Kaan", "Tuğrul", "Çağrı"],
        last=["Şahin", "Yıldırım", "Öztürk", "Karagöz", "Aydın", "Çelik", "Güneş", "Erdoğdu",
              "Kılıç", "Doğan"]),
    "cs": dict(
        f=["Tereza", "Kateřina", "Zdeňka", "Šárka"],
        m=["Jiří", "Ondřej", "Přemysl", "Vojtěch"],
        last=[("Dvořák", "Dvořáková"), ("Procházka", "Procházková"), ("Černý", "Černá"),
              ("Novotný", "Novotná"), ("Kříž", "Křížová"), ("Růžička", "Růžičková")]),
    "ng": dict(f=["Ngozi", "Chioma", "Amara", "Adaeze"], m=["Chidi", "Oluwaseun", "Adebayo", "Emeka"],
               last=["Okonkwo", "Adeyemi", "Ekwueme", "Abdullahi", "Nwachukwu"]),
    "gh": dict(f=["Akosua", "Efua", "Abena"], m=["Kofi", "Kwame", "Yaw"],
               last=["Mensah", "Boateng", "Asante", "Owusu"]),
    "jp": dict(f=["Aiko", "Yuki", "Haruka", "Sakura"], m=["Hiroshi", "Takumi", "Kenji", "Ren"],
               last=["Tanaka", "Nakamura", "Yamaguchi", "Fujiwara", "Ōtsuka"]),
    "cn": dict(f=["Xiaoling", "Mei-Ling", "Yuxin"], m=["Wei", "Jianhua", "Zhiyuan"],
               last=["Zhang", "Chen", "Liu", "Huang"]),
    "in": dict(f=["Ananya", "Priyanka", "Lakshmi", "Divya"], m=["Arjun", "Siddharth", "Rohan", "Venkatesh"],
               last=["Iyer", "Raghunathan", "Chatterjee", "Deshpande", "Nair"]),
    "ar": dict(f=["Fatima", "Layla", "Yasmin", "Noor"], m=["Youssef", "Tariq", "Omar", "Karim"],
               last=["El-Amin", "Haddad", "Al-Masri", "Benali", "Khoury"]),
    "ms": dict(f=["Nurul", "Siti", "Aisyah"], m=["Ahmad", "Faizal", "Hakim"],
               last=[("bin Rahman", "binti Rahman"), ("bin Ismail", "binti Ismail"),
                     ("bin Osman", "binti Osman")]),
    "ke": dict(f=["Wanjiru", "Akinyi", "Njeri"], m=["Otieno", "Mwangi", "Baraka"],
               last=["Kamau", "Odhiambo", "Ndegwa", "Kariuki"]),
}
VI_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Huỳnh"]
VI_MIDDLE = dict(f=["Thị", "Ngọc", "Thu", "Thanh"], m=["Văn", "Đức", "Minh", "Quốc"])
VI_GIVEN = dict(f=["Hằng", "Lan", "Thảo", "Trang", "Nhung", "Phương", "Yến"],
                m=["Dũng", "Khoa", "Tuấn", "Huy", "Phát", "Thắng", "Vĩnh"])
OTHER_LOCS = [k for k in NAMES] + ["vi"]

LANG_LOC = {"en": "en", "de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl", "pl": "pl",
            "pt": "pt", "sv": "nordic", "tr": "tr", "vi": "vi"}

HONORIFIC = {
    "en": dict(m=["Mr.", "Mr", "Dr.", "Prof."], f=["Ms.", "Mrs.", "Ms", "Dr.", "Prof."]),
    "de": dict(m=["Herr", "Herr Dr."], f=["Frau", "Frau Dr."]),
    "fr": dict(m=["M.", "Monsieur"], f=["Mme", "Madame"]),
    "es": dict(m=["Sr.", "D."], f=["Sra.", "Dña."]),
    "it": dict(m=["Sig.", "dott.", "avv."], f=["Sig.ra", "dott.ssa"]),
    "nl": dict(m=["dhr.", "de heer"], f=["mevr.", "mevrouw"]),
    "pl": dict(m=["Pan"], f=["Pani"]),
    "pt": dict(m=["Sr.", "Dr."], f=["Sra.", "Dra."]),
    "sv": dict(m=["Dr."], f=["Dr."]),
    "tr": dict(m=["Sayın"], f=["Sayın"]),
    "vi": dict(m=["ông"], f=["bà"]),
}
HON_POST_TR = dict(m="Bey", f="Hanım")

# ---------------------------------------------------------------------------
# companies and domains (invented)
# ---------------------------------------------------------------------------
COMPANIES = {
    "en": [("Velmora Systems Ltd", "velmora.io"), ("Quillbank Advisory", "quillbank.co.uk"),
           ("Brightwell Logistics", "brightwell-logistics.com"), ("Harrowgate Dental", "harrowgatedental.co.uk"),
           ("Cobaltline Media", "cobaltline.media"), ("Northquay Insurance", "northquay-insurance.com"),
           ("Tallowmere Foods", "tallowmere.com")],
    "de": [("Hafenwerk Logistik GmbH", "hafenwerk-logistik.de"), ("Kranichsoft AG", "kranichsoft.de"),
           ("Bäckerei Sonnenkorn", "sonnenkorn-baeckerei.de"), ("Elbdeich Versicherung", "elbdeich-vers.de")],
    "fr": [("Atelier Ondine", "atelier-ondine.fr"), ("Transports Valmorel", "valmorel-transports.fr"),
           ("Cabinet Tilleul & Associés", "cabinet-tilleul.fr")],
    "es": [("Albarán Digital S.L.", "albaran-digital.es"), ("Clínica Miramar", "clinicamiramar.es"),
           ("Bodegas Cierzo", "bodegascierzo.es")],
    "it": [("Studio Legale Cortevecchia", "cortevecchia-legale.it"), ("Ferramenta Arcobaleno", "arcobaleno-ferramenta.it"),
           ("Oleificio Collealto", "collealto.it")],
    "nl": [("Bakkerij De Gouden Aar", "goudenaar.nl"), ("Polderlicht B.V.", "polderlicht.nl"),
           ("Fietsfabriek Zuidwind", "zuidwind-fietsen.nl")],
    "pl": [("Zielony Koszyk Sp. z o.o.", "zielonykoszyk.pl"), ("Biuro Rachunkowe Sowa", "biuro-sowa.pl"),
           ("Drukarnia Modrzew", "modrzew-druk.pl")],
    "pt": [("Lojamar Lda.", "lojamar.pt"), ("Clínica Ribeira Azul", "ribeira-azul.pt"),
           ("Conservas Maré Alta", "mare-alta.pt")],
    "sv": [("Fjordlinje AB", "fjordlinje.se"), ("Tallbacken Bygg AB", "tallbacken-bygg.se"),
           ("Kvarnsten Kaffe", "kvarnsten.se")],
    "tr": [("Anadolu Dokuma A.Ş.", "anadoludokuma.com.tr"), ("Mavi Liman Lojistik", "maviliman.com.tr"),
           ("Kuzey Rüzgarı Yazılım", "kuzeyruzgari.com.tr")],
    "vi": [("Công ty TNHH Sen Vàng", "senvang.vn"), ("Nhà sách Gió Nam", "gionam-books.vn"),
           ("Cà phê Đồi Mây", "doimay.vn")],
}
PERSONAL_DOMAINS = {
    "en": ["kestrelmail.com", "inboxly.net", "mailhaven.co.uk", "fastpost.io"],
    "de": ["mailhafen.de", "postfach-online.de"], "fr": ["courriel-libre.fr", "boitemail.fr"],
    "es": ["correoluz.es", "buzonet.es"], "it": ["postaveloce.it", "casellamail.it"],
    "nl": ["mijnpostbus.nl", "snelmail.nl"], "pl": ["poczta-mila.pl", "skrzynka24.pl"],
    "pt": ["correiobom.pt", "caixamail.com.br"], "nordic": ["brevladan.se", "postkassa.no"],
    "tr": ["postakutum.com.tr"], "vi": ["thudientu.vn", "hopthu.vn"],
    "other": ["kestrelmail.com", "globepost.net", "inboxly.net", "orbitmail.org"],
}
ROLE_LOCALS = {
    "en": ["support", "info", "billing", "hr", "privacy", "noreply", "accounts", "help", "dpo", "sales"],
    "de": ["kontakt", "info", "service", "buchhaltung", "datenschutz", "noreply"],
    "fr": ["contact", "facturation", "service-client", "info", "rgpd"],
    "es": ["ventas", "atencion.cliente", "info", "facturacion", "soporte"],
    "it": ["amministrazione", "assistenza", "info", "ordini"],
    "nl": ["klantenservice", "info", "administratie", "support"],
    "pl": ["biuro", "kontakt", "faktury", "pomoc"],
    "pt": ["geral", "apoio", "faturacao", "info"],
    "sv": ["kundtjanst", "info", "faktura", "support"],
    "tr": ["destek", "info", "muhasebe", "iletisim"],
    "vi": ["hotro", "lienhe", "info", "cskh"],
}
URL_PATHS = ["/", "/account/settings", "/kontakt", "/help/article/4471", "/docs/v2/api#auth",
             "/blog/2024/03/new-office", "/s/3fK9xQ", "/login?next=%2Fdashboard", "/en-gb/returns",
             "/track?parcel=88213&lang=en", "/careers/engineering", "/impressum", "/fr/suivi-commande",
             "/support/tickets/new", "/downloads/setup-v2.4.exe", "/privacy-policy", "/events/2024?ref=newsletter",
             "/shop/cart", "/p/garden-chair-oak", "/wiki/Onboarding_Guide", "/status", "/api/v1/health",
             "/meet/xk2-93d-qq1", "/share/f81d4fae7dec", "/contact-us/"]

# ---------------------------------------------------------------------------
# streets / postcodes (invented street names, real city names as context)
# ---------------------------------------------------------------------------
US_ST = ["Birchwood", "Larkspur", "Cedar Ridge", "Willow Creek", "Juniper", "Foxglove", "Harbor View",
         "Quarry", "Old Mill", "Tamarack", "Sycamore", "Bluebonnet", "Orchard Hill", "Copperleaf", "Meadowlark"]
US_SUF = ["Street", "St.", "Avenue", "Ave", "Road", "Rd", "Lane", "Drive", "Blvd", "Court", "Way", "Place"]
US_CITIES = [("Portland", "OR"), ("Austin", "TX"), ("Columbus", "OH"), ("Madison", "WI"), ("Tucson", "AZ"),
             ("Raleigh", "NC"), ("Boise", "ID"), ("Savannah", "GA")]
UK_ST = ["Harrowgate", "Ashdown", "Coldharbour", "Fennel", "Wrenfield", "Pilgrim's", "Saltmarsh", "Brambling",
         "Ottery", "Linnet", "Hollybush", "Millpond"]
UK_SUF = ["Road", "Street", "Lane", "Close", "Crescent", "Gardens", "Terrace", "Mews", "Row", "Way"]
UK_CITIES = [("Leeds", "LS"), ("Bristol", "BS"), ("Manchester", "M"), ("Norwich", "NR"), ("Cardiff", "CF"),
             ("Brighton", "BN"), ("Edinburgh", "EH"), ("York", "YO")]
DE_ROOTS = ["Linden", "Kastanien", "Mühlbach", "Sonnenhang", "Wiesengrund", "Amsel", "Eichen", "Kranich",
            "Holunder", "Tannen", "Lerchen", "Schlehen", "Weiden", "Brunnen", "Glocken", "Hafen", "Kirsch",
            "Ahorn", "Fichten", "Rosen"]
DE_SUF = ["straße", "straße", "str.", "weg", "allee", "gasse", "ring", "platz", "damm", "steig"]
DE_FIXED = ["Am Mühlbach", "An der Schleuse", "Im Wiesengrund", "Auf dem Kamp", "Zum Sonnenhang",
            "Hinter den Gärten", "Alter Postweg", "Unter den Eichen"]
DE_CITIES = ["Berlin", "Hamburg", "Leipzig", "Freiburg im Breisgau", "Münster", "Regensburg", "Kiel", "Köln"]
AT_CITIES = ["Wien", "Graz", "Linz", "Innsbruck"]
CH_CITIES = ["Zürich", "Bern", "Basel", "Luzern"]
FR_TYPES = ["rue", "rue", "avenue", "boulevard", "impasse", "allée", "place", "chemin", "quai"]
FR_NAMES = ["des Tanneurs", "du Moulin-Vert", "de la Verrerie", "des Glycines", "du Port", "de l'Abreuvoir",
            "des Capucines", "de la Source", "du Clos Fleuri", "des Lavandières", "des Tisserands"]
FR_CITIES = ["Lyon", "Nantes", "Bordeaux", "Lille", "Grenoble", "Rennes", "Montpellier", "Paris"]
NL_ROOTS = ["Linde", "Molen", "Tulpen", "Zilvermeeuw", "Bloesem", "Schelp", "Hazelaar", "Wilgen", "Duinroos",
            "Korenbloem", "Reiger", "Vlinder", "Klaproos", "Beuken"]
NL_SUF = ["straat", "weg", "laan", "gracht", "plein", "kade", "singel", "hof", "dijk"]
NL_CITIES = ["Utrecht", "Rotterdam", "Groningen", "Eindhoven", "Leiden", "Haarlem", "Amsterdam"]
IT_TYPES = ["Via", "Via", "Viale", "Corso", "Piazza", "Vicolo", "Largo"]
IT_NAMES = ["dei Ciclamini", "delle Rondini", "del Borgo Antico", "degli Ulivi", "della Fontana", "dei Mulini",
            "delle Ginestre", "del Gelso", "delle Lucciole", "dei Tigli", "della Pergola"]
IT_CITIES = [("Milano", "MI"), ("Torino", "TO"), ("Bologna", "BO"), ("Firenze", "FI"), ("Napoli", "NA"), ("Bari", "BA")]
ES_TYPES = ["Calle", "Calle", "C/", "Avenida", "Av.", "Paseo", "Plaza", "Camino", "Ronda"]
ES_NAMES = ["de las Acacias", "del Olivar", "Mayorazgo", "de los Almendros", "de la Alameda", "Fuente Seca",
            "de los Tilos", "del Mirador", "Cañada Real", "de la Vendimia", "del Azahar", "de las Golondrinas"]
ES_CITIES = ["Madrid", "Sevilla", "Valencia", "Zaragoza", "Bilbao", "Málaga", "Salamanca"]
PL_PREFIX = ["ul.", "ul.", "ul.", "al.", "pl.", "os.", ""]
PL_NAMES = ["Kwiatowa", "Jaśminowa", "Słoneczna", "Leśna", "Źródlana", "Wierzbowa", "Żurawia", "Cicha",
            "Rzemieślnicza", "Bursztynowa", "Jarzębinowa", "Miodowa", "Łąkowa", "Polna"]
PL_CITIES = ["Warszawa", "Kraków", "Gdańsk", "Wrocław", "Poznań", "Łódź", "Lublin"]
SE_ROOTS = ["Björk", "Lingon", "Sjö", "Tall", "Häger", "Rönn", "Mås", "Kvarn", "Hassel", "Ängs", "Skogs",
            "Hamn", "Kyrk", "Lärk"]
SE_SUF = ["gatan", "vägen", "stigen", "gränd", "backen", "torget", "allén"]
SE_CITIES = ["Göteborg", "Uppsala", "Malmö", "Umeå", "Västerås", "Lund"]
PT_TYPES = ["Rua", "Rua", "Avenida", "Travessa", "Largo", "Praça", "Calçada"]
PT_NAMES = ["das Flores", "do Miradouro", "da Ribeira Nova", "dos Pescadores", "das Amendoeiras",
            "do Sol Poente", "da Cerca", "dos Lírios", "das Gaivotas", "do Moinho"]
PT_CITIES = ["Lisboa", "Porto", "Coimbra", "Braga", "Faro", "Aveiro"]
TR_NAMES = ["Çamlıbel", "Karanfil", "Ihlamur", "Sarmaşık", "Kumsal", "Çınaraltı", "Begonya", "Akasya",
            "Değirmen", "Çeşme", "Kavaklı", "Zeytinlik"]
TR_TYPES = ["Sokak", "Sk.", "Caddesi", "Cad.", "Bulvarı"]
TR_MAH = ["Bahçelievler", "Yeşilyurt", "Kuşdili", "Çiçekli", "Güzeltepe"]
TR_CITIES = [("Kadıköy", "İstanbul"), ("Konak", "İzmir"), ("Çankaya", "Ankara"), ("Nilüfer", "Bursa"),
             ("Muratpaşa", "Antalya")]
VN_NAMES = ["Cây Bàng", "Trúc Lạc", "Cầu Gỗ", "Vườn Đào", "Bãi Sậy", "Lò Rèn", "Sông Mây", "Đồi Thông",
            "Bến Thuyền"]
VN_CITIES = [("Quận 3", "TP. HCM"), ("Quận Hoàn Kiếm", "Hà Nội"), ("Quận Hải Châu", "Đà Nẵng"),
             ("Quận Ninh Kiều", "Cần Thơ"), ("Quận Cầu Giấy", "Hà Nội")]

# ---------------------------------------------------------------------------
# phones: D any digit, N 1-9, M 2-9
# ---------------------------------------------------------------------------
PHONE = {
    "US": ["(MDD) MDD-DDDD", "MDD-MDD-DDDD", "+1 MDD MDD DDDD", "MDD.MDD.DDDD", "+1-MDD-MDD-DDDD",
           "1-MDD-MDD-DDDD", "+1 (MDD) MDD-DDDD"],
    "UK": ["020 7DDD DDDD", "+44 20 7DDD DDDD", "+44 (0)20 7DDD DDDD", "0044 20 7DDD DDDD", "07DDD DDDDDD",
           "+44 7DDD DDDDDD", "0161 DDD DDDD", "+44 161 DDD DDDD", "0113 DDD DDDD"],
    "DE": ["030 DDDDDDD", "+49 30 DDDDDDD", "+49 (0)30 DDDDDDD", "030/DDDDDDD", "015D DDDDDDDD",
           "+49 15D DDDDDDDD", "089 DDDDDDD", "(089) DDDD-DDD", "040 DDDDDDDD", "0049 40 DDDDDDDD",
           "0221 DDDDDD", "+49 221 DDDDDD"],
    "AT": ["+43 1 DDDDDDD", "01 DDDDDDD", "0664 DDDDDDD", "+43 664 DDDDDDD"],
    "CH": ["+41 44 DDD DD DD", "044 DDD DD DD", "079 DDD DD DD", "+41 79 DDD DD DD"],
    "FR": ["06 DD DD DD DD", "07 DD DD DD DD", "01 DD DD DD DD", "04 DD DD DD DD", "+33 6 DD DD DD DD",
           "+33 (0)1 DD DD DD DD", "+33 7 DD DD DD DD", "06.DD.DD.DD.DD", "0033 6 DD DD DD DD"],
    "IT": ["+39 06 DDDD DDDD", "06 DDDD DDDD", "3DD DDD DDDD", "+39 3DD DDDDDDD", "02 DDDD DDDD",
           "+39 02 DDDDDDDD", "0039 3DD DDD DDDD"],
    "ES": ["6DD DDD DDD", "+34 6DD DDD DDD", "91 DDD DD DD", "+34 91 DDD DD DD", "93 DDD DD DD",
           "0034 6DD DDD DDD", "6DD DD DD DD"],
    "NL": ["06-DDDDDDDD", "06 DDDDDDDD", "+31 6 DDDDDDDD", "+31 (0)6 DDDD DDDD", "020-DDDDDDD",
           "+31 20 DDD DDDD", "010 DDD DDDD", "0031 6 DDDDDDDD"],
    "SE": ["070-DDD DD DD", "073-DDD DD DD", "+46 70 DDD DD DD", "08-DDD DDD DD", "+46 8 DDD DDD DD",
           "031-DD DD DD"],
    "PL": ["+48 5DD DDD DDD", "5DD DDD DDD", "6DD-DDD-DDD", "22 DDD DD DD", "+48 22 DDD DD DD",
           "7DD DDD DDD", "0048 5DD DDD DDD"],
    "PT": ["+351 9DD DDD DDD", "9DD DDD DDD", "21 DDD DDDD", "+351 21 DDD DDDD", "22 DDD DDDD",
           "00351 9DD DDD DDD"],
    "JP": ["03-DDDD-DDDD", "+81 3-DDDD-DDDD", "090-DDDD-DDDD", "+81 90-DDDD-DDDD", "06-DDDD-DDDD",
           "080-DDDD-DDDD"],
    "IN": ["+91 9DDDD DDDDD", "09DDDD DDDDD", "+91-9DDDDDDDDD", "022 DDDD DDDD", "+91 80 DDDD DDDD"],
    "BR": ["(11) 9DDDD-DDDD", "+55 11 9DDDD-DDDD", "(21) DDDD-DDDD", "+55 (21) 9DDDD-DDDD", "(31) 9DDDD-DDDD"],
    "TR": ["+90 5DD DDD DD DD", "05DD DDD DD DD", "0212 DDD DD DD", "+90 212 DDD DD DD", "0 (5DD) DDD DD DD"],
    "VN": ["+84 9DD DDD DDD", "09DD DDD DDD", "028 DDDD DDDD", "+84 28 DDDD DDDD", "09DD.DDD.DDD"],
}

IBAN_SPEC = {  # country: (total length, [(count, class)])  class n digit, a letter
    "DE": (22, [(18, "n")]), "FR": (27, [(23, "n")]), "GB": (22, [(4, "a"), (14, "n")]),
    "ES": (24, [(20, "n")]), "IT": (27, [(1, "a"), (22, "n")]), "NL": (18, [(4, "a"), (10, "n")]),
    "BE": (16, [(12, "n")]), "PL": (28, [(24, "n")]), "PT": (25, [(21, "n")]), "SE": (24, [(20, "n")]),
    "CH": (21, [(17, "n")]), "AT": (20, [(16, "n")]), "TR": (26, [(5, "n"), (1, "0"), (16, "n")]),
    "IE": (22, [(4, "a"), (14, "n")]), "NO": (15, [(11, "n")]), "DK": (18, [(14, "n")]),
    "FI": (18, [(14, "n")]), "LU": (20, [(16, "n")]),
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
           "ottobre", "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"],
    "tr": ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
           "Kasım", "Aralık"],
}
EN_MON3 = [m[:3] for m in MONTHS["en"]]
EN_DAY3 = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

FOLD = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th",
        "æ": "ae", "Æ": "Ae", "ı": "i", "ð": "d", "Ð": "D", "œ": "oe"}


def fold(s):
    s = "".join(FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if ord(c) < 128)


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def fill_pattern(rng, pat):
    out = []
    for ch in pat:
        if ch == "D":
            out.append(rng.choice("0123456789"))
        elif ch == "N":
            out.append(rng.choice("123456789"))
        elif ch == "M":
            out.append(rng.choice("23456789"))
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------------------
# checksums
# ---------------------------------------------------------------------------
def luhn_ok(num):
    total = 0
    for i, c in enumerate(reversed(num)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(body):
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError


def iban_digits(s):
    return "".join(str(int(c, 36)) for c in s)


def iban_ok(iban):
    s = iban.replace(" ", "")
    return int(iban_digits(s[4:] + s[:4])) % 97 == 1


def make_iban(rng, cc):
    length, spec = IBAN_SPEC[cc]
    bban = ""
    for n, cls in spec:
        for _ in range(n):
            if cls == "n":
                bban += rng.choice("0123456789")
            elif cls == "a":
                bban += rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
            else:
                bban += "0"
    check = 98 - int(iban_digits(bban + cc + "00")) % 97
    iban = "%s%02d%s" % (cc, check, bban)
    assert len(iban) == length and iban_ok(iban), iban
    if rng.random() < 0.5:
        iban = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return iban


def make_card(rng):
    kind = rng.choice(["visa", "visa", "visa", "mc", "mc", "mc2", "amex", "amex", "disc", "disc65"])
    if kind == "visa":
        prefix, n = "4", 16
    elif kind == "mc":
        prefix, n = str(rng.randint(51, 55)), 16
    elif kind == "mc2":
        prefix, n = str(rng.randint(2221, 2720)), 16
    elif kind == "amex":
        prefix, n = rng.choice(["34", "37"]), 15
    elif kind == "disc":
        prefix, n = "6011", 16
    else:
        prefix, n = "65", 16
    num = luhn_complete(prefix + digits(rng, n - 1 - len(prefix)))
    assert luhn_ok(num) and len(num) == n
    style = rng.choice(["plain", "space", "space", "hyphen"])
    if style == "plain":
        return num
    sep = " " if style == "space" else "-"
    groups = [num[0:4], num[4:10], num[10:]] if n == 15 else [num[i:i + 4] for i in range(0, 16, 4)]
    return sep.join(groups)


def bad_card(rng):
    while True:
        body = rng.choice(["4", "5", "6", "3", "7", "8", "9"]) + digits(rng, 14)
        good = luhn_complete(body)
        bad = good[:-1] + str((int(good[-1]) + rng.randint(1, 9)) % 10)
        if not luhn_ok(bad):
            break
    if rng.random() < 0.5:
        return " ".join(bad[i:i + 4] for i in range(0, 16, 4))
    return bad


def isbn13(rng):
    group = rng.choice(["0", "1", "3", "2", "84", "88", "90", "83", "972", "91", "975", "604"])
    rest = 9 - len(group)
    pub_len = rng.randint(2, rest - 1)
    pub, title = digits(rng, pub_len), digits(rng, rest - pub_len)
    body = "978" + group + pub + title
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    check = (10 - s % 10) % 10
    return "978-%s-%s-%s-%d" % (group, pub, title, check)


def ean13(rng):
    body = rng.choice(["400", "500", "590", "560", "800", "840", "869", "893", "730"]) + digits(rng, 9)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


# ---------------------------------------------------------------------------
# IP addresses
# ---------------------------------------------------------------------------
def ip4(rng):
    r = rng.random()
    if r < 0.25:
        return "10.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    if r < 0.45:
        return "192.168.%d.%d" % (rng.randint(0, 20), rng.randint(1, 254))
    if r < 0.55:
        return "172.%d.%d.%d" % (rng.randint(16, 31), rng.randint(0, 255), rng.randint(1, 254))
    if r < 0.58:
        return "127.0.0.1"
    first = rng.choice([n for n in range(11, 224) if n not in (127, 172, 192)])
    return "%d.%d.%d.%d" % (first, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


def ip6(rng):
    r = rng.random()
    if r < 0.08:
        return "::1"
    if r < 0.3:
        return str(ipaddress.IPv6Address((0xFE80 << 112) | rng.getrandbits(64)))
    if rng.random() < 0.5:
        head = [0x2001, 0x0DB8]
    else:
        head = [rng.choice([0x2A02, 0x2A01, 0x2600, 0x2406, 0x2001, 0x2C0F]), rng.randint(0x1000, 0xFFFF)]
    rest = [0 if rng.random() < 0.35 else rng.randint(1, 0xFFFF) for _ in range(6)]
    val = 0
    for g in head + rest:
        val = (val << 16) | g
    a = ipaddress.IPv6Address(val)
    return a.exploded if rng.random() < 0.3 else a.compressed


# ---------------------------------------------------------------------------
# streets and post codes
# ---------------------------------------------------------------------------
def street(rng, c):
    if c == "US":
        pre = rng.choice(["", "", "", "", "N ", "W ", "E ", "S "])
        s = "%d %s%s %s" % (rng.randint(1, 9899), pre, rng.choice(US_ST), rng.choice(US_SUF))
        if rng.random() < 0.35:
            s += rng.choice([", Apt %d%s" % (rng.randint(1, 40), rng.choice("ABCD")),
                             " Apt. %d" % rng.randint(1, 999), ", Suite %d" % (rng.randint(1, 9) * 100),
                             " #%d" % rng.randint(100, 999), ", Unit %d" % rng.randint(1, 30)])
        return s
    if c == "UK":
        num = str(rng.randint(1, 240)) + ("B" if rng.random() < 0.1 else "")
        s = "%s %s %s" % (num, rng.choice(UK_ST), rng.choice(UK_SUF))
        if rng.random() < 0.2:
            s = "Flat %d, %s" % (rng.randint(1, 12), s)
        return s
    if c in ("DE", "AT", "CH"):
        num = str(rng.randint(1, 180)) + (rng.choice("abc") if rng.random() < 0.15 else "")
        if rng.random() < 0.25:
            return "%s %s" % (rng.choice(DE_FIXED), num)
        return "%s%s %s" % (rng.choice(DE_ROOTS), rng.choice(DE_SUF), num)
    if c == "FR":
        num = str(rng.randint(1, 150)) + rng.choice(["", "", "", "", " bis", " ter"])
        t = rng.choice(FR_TYPES)
        if rng.random() < 0.25:
            t = t.capitalize()
        return "%s %s %s" % (num, t, rng.choice(FR_NAMES))
    if c == "NL":
        add = rng.choice(["", "", "", "a", "b", "-2", "-1", " II", " bis", "-hs"])
        return "%s%s %d%s" % (rng.choice(NL_ROOTS), rng.choice(NL_SUF), rng.randint(1, 320), add)
    if c == "IT":
        add = rng.choice(["", "", "", "/A", "/B", " bis", " int. 4"])
        return "%s %s%s%d%s" % (rng.choice(IT_TYPES), rng.choice(IT_NAMES), rng.choice([" ", ", "]),
                                rng.randint(1, 210), add)
    if c == "ES":
        s = "%s %s%s%d" % (rng.choice(ES_TYPES), rng.choice(ES_NAMES), rng.choice([" ", ", "]), rng.randint(1, 140))
        if rng.random() < 0.45:
            s += rng.choice([", 2º B", ", 3.º izq.", ", bajo", ", 4º 1ª", ", 1º dcha.", ", ático", " 5º A"])
        return s
    if c == "PL":
        pre = rng.choice(PL_PREFIX)
        s = ("%s %s" % (pre, rng.choice(PL_NAMES))).strip() + " %d" % rng.randint(1, 160)
        r = rng.random()
        if r < 0.4:
            s += "/%d" % rng.randint(1, 90)
        elif r < 0.5:
            s += " m. %d" % rng.randint(1, 60)
        elif r < 0.6:
            s += " lok. %d" % rng.randint(1, 20)
        return s
    if c == "SE":
        s = "%s%s %d" % (rng.choice(SE_ROOTS), rng.choice(SE_SUF), rng.randint(1, 90))
        if rng.random() < 0.2:
            s += rng.choice([" A", " B", "C"])
        if rng.random() < 0.12:
            s += ", lgh %d" % rng.randint(1001, 1304)
        return s
    if c == "PT":
        num = rng.choice(["%d", "n.º %d"]) % rng.randint(1, 300)
        s = "%s %s%s%s" % (rng.choice(PT_TYPES), rng.choice(PT_NAMES), rng.choice([" ", ", "]), num)
        if rng.random() < 0.4:
            s += rng.choice([", 3.º Esq.", " 2º Dto", ", r/c", ", 1.º D", ", 5.º andar"])
        return s
    if c == "TR":
        if rng.random() < 0.65:
            s = "%s %s No: %d" % (rng.choice(TR_NAMES), rng.choice(TR_TYPES), rng.randint(1, 140))
            r = rng.random()
            if r < 0.3:
                s += " D: %d" % rng.randint(1, 20)
            elif r < 0.5:
                s += "/%d" % rng.randint(1, 20)
            return s
        return "%s Mah. %s %s No:%d/%d" % (rng.choice(TR_MAH), rng.choice(TR_NAMES), rng.choice(["Sk.", "Cad."]),
                                           rng.randint(1, 90), rng.randint(1, 16))
    if c == "VN":
        if rng.random() < 0.7:
            num = str(rng.randint(1, 420)) + ("/%d" % rng.randint(1, 30) if rng.random() < 0.3 else "")
            return "%s %s %s" % (num, rng.choice(["Đường", "Phố", "đường"]), rng.choice(VN_NAMES))
        return "Số %d Ngõ %d Phố %s" % (rng.randint(1, 90), rng.randint(1, 200), rng.choice(VN_NAMES))
    raise KeyError(c)


def uk_postcode(rng, area):
    inward = str(rng.randint(1, 9)) + "".join(rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))
    return "%s%d %s" % (area, rng.randint(1, 28), inward)


def postcity(rng, c):
    """list of (kind, text) segments: the postcode is a negative, the rest plain."""
    if c == "US":
        city, st = rng.choice(US_CITIES)
        return [(None, "%s, %s " % (city, st)), ("neg", "%05d" % rng.randint(10000, 99950))]
    if c == "UK":
        city, area = rng.choice(UK_CITIES)
        return [(None, city + " "), ("neg", uk_postcode(rng, area))]
    if c == "DE":
        return [("neg", "%05d" % rng.randint(1067, 99998)), (None, " " + rng.choice(DE_CITIES))]
    if c == "AT":
        return [("neg", "%d" % rng.randint(1010, 9990)), (None, " " + rng.choice(AT_CITIES))]
    if c == "CH":
        return [("neg", "%d" % rng.randint(1000, 9658)), (None, " " + rng.choice(CH_CITIES))]
    if c == "FR":
        return [("neg", "%05d" % rng.randint(1000, 95880)), (None, " " + rng.choice(FR_CITIES))]
    if c == "ES":
        return [("neg", "%05d" % rng.randint(1001, 50840)), (None, " " + rng.choice(ES_CITIES))]
    if c == "IT":
        city, prov = rng.choice(IT_CITIES)
        return [("neg", "%05d" % rng.randint(10010, 98168)), (None, " %s (%s)" % (city, prov))]
    if c == "NL":
        pc = "%d %s" % (rng.randint(1011, 9999), "".join(rng.choice("ABCEGHJKLMNPRSTVWXZ") for _ in range(2)))
        return [("neg", pc), (None, " " + rng.choice(NL_CITIES))]
    if c == "PL":
        return [("neg", "%02d-%03d" % (rng.randint(0, 99), rng.randint(1, 999))), (None, " " + rng.choice(PL_CITIES))]
    if c == "SE":
        return [("neg", "%03d %02d" % (rng.randint(100, 984), rng.randint(10, 99))), (None, " " + rng.choice(SE_CITIES))]
    if c == "PT":
        return [("neg", "%04d-%03d" % (rng.randint(1000, 9970), rng.randint(1, 999))), (None, " " + rng.choice(PT_CITIES))]
    if c == "TR":
        dist, city = rng.choice(TR_CITIES)
        return [("neg", "%05d" % rng.randint(1000, 81999)), (None, " %s/%s" % (dist, city))]
    if c == "VN":
        dist, city = rng.choice(VN_CITIES)
        return [(None, "%s, %s" % (dist, city))]
    raise KeyError(c)


# ---------------------------------------------------------------------------
# negatives
# ---------------------------------------------------------------------------
def n_date(ctx, lo=2019, hi=2025):
    rng, lang = ctx.rng, ctx.lang
    y, m, d = rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28)
    if lang == "en":
        mon = MONTHS["en"][m - 1]
        return rng.choice(["%d %s %d" % (d, mon, y), "%s %d, %d" % (mon, d, y), "%d-%02d-%02d" % (y, m, d),
                           "%02d/%02d/%d" % (m, d, y), "%02d/%02d/%d" % (d, m, y), "%d %s %d" % (d, EN_MON3[m - 1], y)])
    if lang == "de":
        return rng.choice(["%02d.%02d.%d" % (d, m, y), "%d. %s %d" % (d, MONTHS["de"][m - 1], y), "%d-%02d-%02d" % (y, m, d)])
    if lang in ("fr", "it"):
        return rng.choice(["%02d/%02d/%d" % (d, m, y), "%d %s %d" % (d, MONTHS[lang][m - 1], y)])
    if lang in ("es", "pt"):
        return rng.choice(["%02d/%02d/%d" % (d, m, y), "%d de %s de %d" % (d, MONTHS[lang][m - 1], y)])
    if lang == "nl":
        return rng.choice(["%02d-%02d-%d" % (d, m, y), "%d %s %d" % (d, MONTHS["nl"][m - 1], y)])
    if lang == "pl":
        return rng.choice(["%02d.%02d.%d" % (d, m, y), "%d %s %d r." % (d, MONTHS["pl"][m - 1], y)])
    if lang == "sv":
        return rng.choice(["%d-%02d-%02d" % (y, m, d), "%d %s %d" % (d, MONTHS["sv"][m - 1], y)])
    if lang == "tr":
        return rng.choice(["%02d.%02d.%d" % (d, m, y), "%d %s %d" % (d, MONTHS["tr"][m - 1], y)])
    return "%02d/%02d/%d" % (d, m, y)


def n_time(ctx):
    rng = ctx.rng
    h, mi = rng.randint(7, 19), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
    if ctx.lang == "en":
        return rng.choice(["%02d:%02d" % (h, mi), "%d:%02d %s" % ((h - 1) % 12 + 1, mi, rng.choice(["AM", "PM", "am", "pm"]))])
    if ctx.lang == "fr":
        return rng.choice(["%dh%02d" % (h, mi), "%02d:%02d" % (h, mi)])
    if ctx.lang == "nl":
        return rng.choice(["%02d.%02d" % (h, mi), "%02d:%02d" % (h, mi)])
    return "%02d:%02d" % (h, mi)


def fmt_num(v, thousand, dec, decimals=2):
    s = "{:,.{}f}".format(v, decimals)
    return s.replace(",", "\x00").replace(".", dec).replace("\x00", thousand)


def n_price(ctx):
    rng, lang = ctx.rng, ctx.lang
    v = round(rng.uniform(3, 4800), 2)
    if lang == "en":
        return rng.choice(["$" + fmt_num(v, ",", "."), "£" + fmt_num(v, ",", "."), "USD " + fmt_num(v, ",", ".", 0),
                           "€" + fmt_num(v, ",", ".")])
    if lang == "fr":
        return fmt_num(v, " ", ",") + rng.choice([" €", " EUR"])
    if lang in ("de", "es", "it", "nl"):
        return rng.choice([fmt_num(v, ".", ",") + " €", "€ " + fmt_num(v, ".", ","), fmt_num(v, ".", ",") + " EUR"])
    if lang == "pt":
        return rng.choice([fmt_num(v, ".", ",") + " €", "R$ " + fmt_num(v, ".", ",")])
    if lang == "pl":
        return fmt_num(v, " ", ",") + " zł"
    if lang == "sv":
        return fmt_num(v, " ", ",", 0) + " kr"
    if lang == "tr":
        return rng.choice(["₺" + fmt_num(v, ".", ","), fmt_num(v, ".", ",", 0) + " TL"])
    if lang == "vi":
        return fmt_num(v * 25000, ".", ",", 0) + rng.choice([" ₫", " VND", "đ"])
    return "%.2f" % v


def n_version(ctx):
    rng = ctx.rng
    a, b, c = rng.randint(0, 14), rng.randint(0, 40), rng.randint(0, 30)
    return rng.choice(["v%d.%d.%d" % (a, b, c), "%d.%d.%d" % (a, b, c), "%d.%d.%d-beta.%d" % (a, b, c, rng.randint(1, 9)),
                       "v%d.%d.%d-rc%d" % (a, b, c, rng.randint(1, 4)), "%d.%d" % (rng.randint(2019, 2025), rng.randint(1, 12))])


def n_logts(ctx):
    rng = ctx.rng
    y, m, d = 2024, rng.randint(1, 12), rng.randint(1, 28)
    h, mi, s, ms = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)
    return rng.choice(["%d-%02d-%02d %02d:%02d:%02d,%03d" % (y, m, d, h, mi, s, ms),
                       "%d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (y, m, d, h, mi, s, ms),
                       "%s %2d %02d:%02d:%02d" % (EN_MON3[m - 1], d, h, mi, s)])


def n_mac(ctx):
    rng = ctx.rng
    b = [rng.randint(0, 255) for _ in range(6)]
    r = rng.random()
    if r < 0.4:
        return ":".join("%02X" % x for x in b)
    if r < 0.7:
        return ":".join("%02x" % x for x in b)
    if r < 0.9:
        return "-".join("%02x" % x for x in b)
    h = "".join("%02x" % x for x in b)
    return "%s.%s.%s" % (h[0:4], h[4:8], h[8:12])


def n_tracking(ctx):
    rng = ctx.rng
    r = rng.random()
    alnum = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    if r < 0.3:
        return "1Z" + "".join(rng.choice(alnum) for _ in range(6)) + "03" + digits(rng, 8)
    if r < 0.5:
        return "JJD00" + digits(rng, 16)
    if r < 0.75:
        return rng.choice(["LX", "RR", "CP", "EE"]) + digits(rng, 9) + rng.choice(["DE", "FR", "PL", "NL", "ES", "SE"])
    if r < 0.9:
        return "00" + digits(rng, 18)
    return "TBA" + digits(rng, 12)


def n_path(ctx):
    return ctx.rng.choice(["/var/log/nginx/access.log", r"C:\ProgramData\Acme\config.yaml", "~/projects/app/src/main.rs",
                           "/etc/ssl/certs/ca-bundle.crt", "./build/release/output.bin", r"D:\Exports\2024\Q3\summary.xlsx",
                           "/opt/service/conf.d/10-limits.conf", "/srv/data/backups/db-2024-03-15.sql.gz",
                           "../assets/img/logo@2x.png"])


def n_postcode(ctx):
    rng = ctx.rng
    c = rng.choice(["UK", "DE", "FR", "NL", "PL", "SE", "PT", "US"])
    segs = postcity(rng, c)
    return [s for k, s in segs if k == "neg"][0]


def u4(ctx):
    return str(uuid.UUID(int=ctx.rng.getrandbits(128), version=4))


NEG = {
    "order": lambda c: c.rng.choice(["ORD-%d-%s" % (c.rng.randint(2021, 2025), digits(c.rng, 6)), "#" + digits(c.rng, 8),
                                     "PO-%s" % digits(c.rng, 5), "SO/%d/%s" % (c.rng.randint(2021, 2025), digits(c.rng, 5)),
                                     "%s-%s" % ("".join(c.rng.choice("ABCDEFGHKMNPRTWX") for _ in range(3)), digits(c.rng, 6))]),
    "invoice": lambda c: c.rng.choice(["INV-%d-%s" % (c.rng.randint(2021, 2025), digits(c.rng, 6)),
                                       "FA-%d-%s" % (c.rng.randint(21, 25), digits(c.rng, 5)),
                                       "RE-%d-%s" % (c.rng.randint(2021, 2025), digits(c.rng, 4)),
                                       "FV/%s/%02d/%d" % (digits(c.rng, 4), c.rng.randint(1, 12), c.rng.randint(2021, 2025))]),
    "ticket": lambda c: c.rng.choice(["TCK-" + digits(c.rng, 6), "#" + digits(c.rng, 6), "SR-" + digits(c.rng, 7),
                                      "INC" + digits(c.rng, 7)]),
    "tracking": n_tracking,
    "isbn": lambda c: isbn13(c.rng),
    "ean": lambda c: ean13(c.rng),
    "date": lambda c: n_date(c),
    "dob": lambda c: n_date(c, 1941, 2005),
    "time": n_time,
    "datetime": lambda c: "%d-%02d-%02d%s%02d:%02d:%02d%s" % (
        c.rng.randint(2021, 2025), c.rng.randint(1, 12), c.rng.randint(1, 28), c.rng.choice(["T", " "]),
        c.rng.randint(0, 23), c.rng.randint(0, 59), c.rng.randint(0, 59), c.rng.choice(["Z", "", "+02:00"])),
    "logts": n_logts,
    "clfts": lambda c: "%02d/%s/2024:%02d:%02d:%02d +0000" % (c.rng.randint(1, 28), c.rng.choice(EN_MON3),
                                                               c.rng.randint(0, 23), c.rng.randint(0, 59), c.rng.randint(0, 59)),
    "rfcdate": lambda c: "%s, %d %s 2024 %02d:%02d:%02d %s" % (c.rng.choice(EN_DAY3), c.rng.randint(1, 28), c.rng.choice(EN_MON3),
                                                              c.rng.randint(0, 23), c.rng.randint(0, 59), c.rng.randint(0, 59),
                                                              c.rng.choice(["+0100", "+0000", "-0500", "+0200"])),
    "gitdate": lambda c: "%s %s %d %02d:%02d:%02d 2024 %s" % (c.rng.choice(EN_DAY3), c.rng.choice(EN_MON3), c.rng.randint(1, 28),
                                                             c.rng.randint(0, 23), c.rng.randint(0, 59), c.rng.randint(0, 59),
                                                             c.rng.choice(["+0100", "+0000", "-0700"])),
    "version": n_version,
    "semver": lambda c: "%d.%d.%d" % (c.rng.randint(0, 9), c.rng.randint(0, 30), c.rng.randint(0, 40)),
    "fwver": lambda c: "v%d.%d.%d-b%d" % (c.rng.randint(1, 9), c.rng.randint(0, 20), c.rng.randint(0, 9), c.rng.randint(100, 9999)),
    "ipver": lambda c: "%d.%d.%d.%d" % (c.rng.randint(1, 9), c.rng.randint(0, 12), c.rng.randint(0, 9), c.rng.randint(1, 250)),
    "winbuild": lambda c: "10.0.%d.%d" % (c.rng.choice([19044, 19045, 22621, 22631, 26100]), c.rng.randint(1000, 4999)),
    "githash": lambda c: "%040x" % c.rng.getrandbits(160),
    "shorthash": lambda c: "%07x" % c.rng.getrandbits(28),
    "uuid": u4,
    "badcard": lambda c: bad_card(c.rng),
    "price": n_price,
    "percent": lambda c: c.rng.choice(["%.1f%%" % c.rng.uniform(0.5, 99), "%d %%" % c.rng.randint(1, 99),
                                       "-%s %%" % ("%.1f" % c.rng.uniform(0.1, 9)).replace(".", ","), "%d%%" % c.rng.randint(1, 100)]),
    "measure": lambda c: c.rng.choice(["250 g", "120 ml", "35 min", "3.5 GHz", "180 °C", "12 mm x 40 mm", "2.4 m²",
                                       "1.5 TB", "500 MB", "16 GB", "4,2 km", "75 cl"]),
    "weight": lambda c: c.rng.choice(["%d kg" % c.rng.randint(48, 110), "%.1f kg" % c.rng.uniform(0.2, 30),
                                      "%d lb" % c.rng.randint(100, 240)]),
    "bp": lambda c: "%d/%d mmHg" % (c.rng.randint(105, 165), c.rng.randint(62, 98)),
    "mac": n_mac,
    "hex": lambda c: "#%06X" % c.rng.getrandbits(24) if c.rng.random() < 0.5 else "#%06x" % c.rng.getrandbits(24),
    "sku": lambda c: c.rng.choice(["SKU-%s-%s" % (digits(c.rng, 5), c.rng.choice(["BLK", "WHT", "XL", "OAK"])),
                                   "XR-%d" % c.rng.randint(100, 999), "AB-%s-XL" % digits(c.rng, 4)]),
    "partno": lambda c: "%s-%s-%s" % (digits(c.rng, 4), digits(c.rng, 4), c.rng.choice("ABCDK")),
    "phonelike": lambda c: "%s-%s-%s" % (digits(c.rng, 3), digits(c.rng, 4), digits(c.rng, 2)),
    "path": n_path,
    "postcode": n_postcode,
    "custid": lambda c: "C-%s" % digits(c.rng, 6),
    "empid": lambda c: "E-%s" % digits(c.rng, 5),
    "policy": lambda c: "POL-%s-%s" % (digits(c.rng, 4), digits(c.rng, 4)),
    "booking": lambda c: "".join(c.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)),
    "batch": lambda c: "PB-2024%02d%02d-%02d" % (c.rng.randint(1, 12), c.rng.randint(1, 28), c.rng.randint(1, 20)),
    "txn": lambda c: "txn_%012x" % c.rng.getrandbits(48),
    "pid": lambda c: str(c.rng.randint(1000, 65000)),
    "asset": lambda c: "AT-%s" % digits(c.rng, 6),
    "hostname": lambda c: "LT-%s-%s" % (c.rng.choice(["LON", "BER", "PAR", "WAW", "MAD"]), digits(c.rng, 4)),
    "desk": lambda c: "D-%d" % c.rng.randint(100, 699),
    "room": lambda c: "B%d.%02d" % (c.rng.randint(1, 5), c.rng.randint(1, 40)),
    "code4": lambda c: digits(c.rng, 4),
    "last4": lambda c: digits(c.rng, 4),
    "quote": lambda c: "Q-2024-%s" % digits(c.rng, 4),
    "issue": lambda c: str(c.rng.randint(100, 48000)),
    "int": lambda c: str(c.rng.randint(12, 9800)),
    "serial": lambda c: "%s-%s-%s" % ("".join(c.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(4)),
                                      digits(c.rng, 4), "".join(c.rng.choice("ABCDEFGHJKMNPQRSTUVWXYZ") for _ in range(2))),
    "vatid": lambda c: "DE" + digits(c.rng, 9),
    "member": lambda c: "SOC-%s" % digits(c.rng, 6),
    "exp": lambda c: "%02d/%02d" % (c.rng.randint(1, 12), c.rng.randint(25, 31)),
    "hexcode": lambda c: "0x%08X" % c.rng.getrandbits(32),
    "size": lambda c: c.rng.choice(["%d MB" % c.rng.randint(50, 900), "%.1f GB" % c.rng.uniform(1, 64), "%d KiB" % c.rng.randint(256, 8192)]),
    "grams": lambda c: "%d g" % c.rng.choice([125, 200, 250, 300, 450, 500]),
    "ml": lambda c: "%d ml" % c.rng.choice([80, 120, 150, 200, 250, 330]),
    "nights": lambda c: "%d nights" % c.rng.randint(2, 9),
}

# ---------------------------------------------------------------------------
# persons
# ---------------------------------------------------------------------------
def invented_name(rng, g):
    ons = ["B", "Br", "D", "Dr", "F", "G", "Gr", "H", "J", "K", "Kh", "L", "M", "N", "P", "Qu", "R", "S", "Sh", "T",
           "Th", "V", "Z", "Zh", "Y", "X", "Ix", "Or", "Ael", "El"]
    vows = ["a", "e", "i", "o", "u", "ae", "ai", "ei", "ou", "ia", "y", "ya", "ee"]
    mids = ["l", "r", "n", "v", "th", "z", "m", "s", "d", "k", "ss", "nd", "rr", "ll"]
    ends = dict(f=["a", "ine", "ys", "elle", "wen", "ira", "ette", "is"], m=["on", "ar", "ek", "us", "ian", "or", "ald", "im"])
    sufs = ["", "", "by", "wick", "ström", "enko", "vara", "oux", "ssen", "mere", "ado", "atti", "owski", "quist"]
    first = rng.choice(ons) + rng.choice(vows) + rng.choice(mids) + rng.choice(ends[g])
    last = rng.choice(ons) + rng.choice(vows) + rng.choice(mids) + rng.choice(vows) + rng.choice(["n", "r", "x", "l", "s", "th", ""]) + rng.choice(sufs)
    first = first[0].upper() + first[1:].lower()
    last = last[0].upper() + last[1:].lower()
    if rng.random() < 0.15:
        last = last.replace("o", "ö", 1) if "o" in last[1:] else last.replace("e", "é", 1)
    return first, last


class Persona:
    def __init__(self, ctx):
        rng = ctx.rng
        r = rng.random()
        if r < 0.6:
            loc = LANG_LOC[ctx.lang]
        elif r < 0.9:
            loc = rng.choice(OTHER_LOCS)
        else:
            loc = "inv"
        self.ctx, self.loc, self.g = ctx, loc, rng.choice("mf")
        if loc == "vi":
            fam, mid, giv = rng.choice(VI_FAMILY), rng.choice(VI_MIDDLE[self.g]), rng.choice(VI_GIVEN[self.g])
            self.first, self.last, self.full = giv, fam, "%s %s %s" % (fam, mid, giv)
        elif loc == "inv":
            self.first, self.last = invented_name(rng, self.g)
            self.full = "%s %s" % (self.first, self.last)
        else:
            pool = NAMES[loc]
            self.first = rng.choice(pool[self.g])
            last = rng.choice(pool["last"])
            if isinstance(last, tuple):
                last = last[0] if self.g == "m" else last[1]
            if loc in ("es", "pt") and rng.random() < 0.35:
                other = rng.choice([x for x in pool["last"] if x != last])
                last = "%s %s" % (last, other)
            self.last = last
            self.full = "%s %s" % (self.first, self.last)
        # after a title, Icelandic patronymics and Malay bin/binti names use the given name
        self.title_name = self.first if (self.last.startswith(("bin ", "binti ")) or self.last.endswith(("sson", "dóttir"))) else self.last
        f = re.sub(r"[^a-z0-9-]", "", fold(self.first).lower().replace(" ", "-"))
        l = re.sub(r"[^a-z0-9-]", "", fold(self.last).lower().replace(" ", ""))
        if self.loc == "vi":
            f, l = re.sub(r"[^a-z]", "", fold(self.first).lower()), re.sub(r"[^a-z]", "", fold(self.last).lower())
        local = rng.choice(["%s.%s" % (f, l), "%s.%s" % (f[0], l), "%s%s" % (f, l), "%s_%s" % (f, l), "%s.%s" % (l, f),
                            "%s%d" % (f, rng.randint(1, 99)), "%s.%s%d" % (f, l, rng.randint(70, 99)), "%s%s" % (l, f[0])])
        local = local.replace("--", "-").strip("-.")
        if rng.random() < 0.5:
            dom = ctx.company[1]
        else:
            dom = rng.choice(PERSONAL_DOMAINS.get(loc, PERSONAL_DOMAINS["other"]))
        self.email = "%s@%s" % (local, dom)
        self._phone = self._addr = self._pc = None

    def phone(self):
        if self._phone is None:
            self._phone = fill_pattern(self.ctx.rng, self.ctx.rng.choice(PHONE[self.ctx.country]))
        return self._phone

    def addr(self):
        if self._addr is None:
            self._addr = street(self.ctx.rng, self.ctx.country)
        return self._addr

    def pc(self):
        if self._pc is None:
            self._pc = postcity(self.ctx.rng, self.ctx.country)
        return self._pc

    def hon(self):
        return self.ctx.rng.choice(HONORIFIC[self.ctx.lang][self.g])


# ---------------------------------------------------------------------------
# rendering
# ---------------------------------------------------------------------------
TOKEN = re.compile(r"\{\{([^{}]+)\}\}|\[\[([^\[\]]+)\]\]")


class Ctx:
    def __init__(self, rng, lang):
        self.rng, self.lang = rng, lang
        if lang == "en":
            self.country = rng.choice(["US", "US", "UK", "UK", "US"])
        elif lang == "de":
            self.country = rng.choice(["DE"] * 8 + ["AT", "CH"])
        else:
            self.country = {"fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pl": "PL", "pt": "PT", "sv": "SE",
                            "tr": "TR", "vi": "VN"}[lang]
        self.company = rng.choice(COMPANIES[lang])
        self.personas = {}

    def persona(self, i):
        if i not in self.personas:
            while True:
                p = Persona(self)
                if all(p.full != q.full and p.first != q.first for q in self.personas.values()):
                    break
            self.personas[i] = p
        return self.personas[i]

    def url(self):
        rng = self.rng
        dom = self.company[1] if rng.random() < 0.6 else rng.choice(rng.choice(list(COMPANIES.values())))[1]
        path = rng.choice(URL_PATHS)
        r = rng.random()
        if r < 0.35:
            return "https://www.%s%s" % (dom, path)
        if r < 0.6:
            return "https://%s%s" % (dom, path)
        if r < 0.75:
            return "http://%s.%s%s" % (rng.choice(["portal", "shop", "intranet", "files", "help", "m"]), dom, path)
        return "www.%s%s" % (dom, "" if rng.random() < 0.4 else path)

    def role(self):
        return "%s@%s" % (self.rng.choice(ROLE_LOCALS[self.lang]), self.company[1])

    def resolve(self, key):
        rng = self.rng
        m = re.fullmatch(r"p(\d)(?:\.(\w+))?", key)
        if m:
            p = self.persona(int(m.group(1)))
            a = m.group(2)
            if a is None:
                return [("person", p.full)]
            if a == "f":
                return [("person", p.first)]
            if a == "l":
                return [("person", p.title_name)]
            if a == "L":
                return [("person", p.last.upper())]
            if a == "lf":
                return [("person", p.first.lower())]
            if a == "e":
                return [("email", p.email)]
            if a == "ph":
                return [("phone", p.phone())]
            if a == "addr":
                return [("street_address", p.addr())]
            if a == "pc":
                return list(p.pc())
            if a == "hon":
                return [(None, p.hon())]
            if a == "honpost":
                return [(None, HON_POST_TR[p.g])]
            raise KeyError(key)
        kind, _, arg = key.partition(":")
        if kind == "neg":
            return [("neg", NEG[arg](self))]
        if kind == "email":
            return [("email", Persona(self).email)]
        if kind == "role":
            return [("email", self.role())]
        if kind == "phone":
            c = arg.upper() if arg else self.country
            return [("phone", fill_pattern(rng, rng.choice(PHONE[c])))]
        if kind == "street":
            return [("street_address", street(rng, arg.upper() if arg else self.country))]
        if kind == "postcity":
            return postcity(rng, arg.upper() if arg else self.country)
        if kind == "cc":
            return [("credit_card", make_card(rng))]
        if kind == "iban":
            c = arg.upper() if arg else rng.choice(sorted(IBAN_SPEC))
            return [("iban", make_iban(rng, c))]
        if kind == "ip4":
            return [("ip_address", ip4(rng))]
        if kind == "ip6":
            return [("ip_address", ip6(rng))]
        if kind == "ip":
            return [("ip_address", ip4(rng) if rng.random() < 0.6 else ip6(rng))]
        if kind == "url":
            return [("url", self.url())]
        if kind == "company":
            return [("neg", self.company[0])]
        raise KeyError(key)


def render(lang, tpl, rng):
    ctx = Ctx(rng, lang)
    parts, ents, negs = [], [], []
    blen = 0

    def add(s):
        nonlocal blen
        parts.append(s)
        blen += len(s.encode("utf-8"))

    pos = 0
    for m in TOKEN.finditer(tpl):
        literal = tpl[pos:m.start()]
        assert "{{" not in literal and "[[" not in literal, literal
        add(literal)
        if m.group(2) is not None:
            segs = [("neg", m.group(2))]
        else:
            segs = ctx.resolve(m.group(1))
        for kind, s in segs:
            start = blen
            add(s)
            if kind == "neg":
                if s not in negs:
                    negs.append(s)
            elif kind is not None:
                ents.append({"type": kind, "value": s, "start": start, "end": blen})
        pos = m.end()
    add(tpl[pos:])
    return "".join(parts), ents, negs


# ---------------------------------------------------------------------------
# templates with entities
# ---------------------------------------------------------------------------
ENTITY_TEMPLATES = [
    # ------------------------------ English ------------------------------
    ("en", "Draft an email to {{p1}} at {{p1.e}} saying the contract renewal moves to [[Thursday]] {{neg:date}}. Cc {{p2.f}} ({{p2.e}}) and keep it short."),
    ("en", "can you write a friendly reminder to {{p1.lf}} about invoice {{neg:invoice}}? number is {{p1.ph}} if you want to add it"),
    ("en", """Ticket {{neg:ticket}} | Priority: High | Opened {{neg:datetime}}
Customer: {{p1.hon}} {{p1}}
Email: {{p1.e}}
Phone: {{p1.ph}}
Account address: {{p1.addr}}, {{p1.pc}}
Issue: duplicate charge of {{neg:price}} on card {{cc}}. Order {{neg:order}} shipped {{neg:date}}.
Page where it failed: {{url}}
Agent note: refund approved by {{p2.f}}; escalate to {{role}} if it recurs."""),
    ("en", """SHIP TO
{{p1.hon}} {{p1}}
{{p1.addr}}
{{p1.pc}}
Tel: {{p1.ph}}

FROM: {{company}}, {{street}}, {{postcity}}
Tracking: {{neg:tracking}}   Weight: {{neg:weight}}   Ref: {{neg:order}}"""),
    ("en", """{{neg:logts}} INFO  [auth] login succeeded user={{p1.e}} src={{ip4}} session={{neg:uuid}}
{{neg:logts}} WARN  [auth] 3 failed logins for {{email}} from {{ip4}}:51234
{{neg:logts}} INFO  [api] GET /v2/orders/{{neg:order}} 200 from {{ip6}} build={{neg:version}}
{{neg:logts}} ERROR [db] connection reset by peer {{ip4}}:5432
{{neg:logts}} INFO  [http] redirect to {{url}} for {{ip4}}"""),
    ("en", '''{{ip4}} - - [{{neg:clfts}}] "GET /checkout?step=2 HTTP/1.1" 200 5123 "{{url}}" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
{{ip6}} - - [{{neg:clfts}}] "POST /api/login HTTP/2.0" 401 87 "-" "curl/8.4.0"
{{ip4}} - - [{{neg:clfts}}] "GET /static/app.{{neg:shorthash}}.js HTTP/1.1" 304 0 "{{url}}" "Mozilla/5.0"'''),
    ("en", '''{"id": "{{neg:uuid}}", "customer": {"name": "{{p1}}", "email": "{{p1.e}}", "phone": "{{p1.ph}}"}, "shipping": {"street": "{{p1.addr}}", "city": "{{p1.pc}}"}, "payment": {"card": "{{cc}}", "exp": "{{neg:exp}}"}, "order": "{{neg:order}}", "total": "{{neg:price}}"}'''),
    ("en", '''customer_id,full_name,email,phone,street,postcode_city,iban
{{neg:custid}},{{p1}},{{p1.e}},{{p1.ph}},"{{p1.addr}}","{{p1.pc}}",{{iban}}
{{neg:custid}},{{p2}},{{p2.e}},{{p2.ph}},"{{p2.addr}}","{{p2.pc}}",{{iban}}
{{neg:custid}},{{p3}},{{p3.e}},{{p3.ph}},"{{p3.addr}}","{{p3.pc}}",{{iban}}'''),
    ("en", """Minutes – [[Project Falcon]] weekly sync, {{neg:date}}
Attendees: {{p1}}, {{p2}}, {{p3.f}} and {{p4.hon}} {{p4.l}}
Apologies: {{p5.f}}

1. Budget: Q3 spend at {{neg:percent}} of plan ({{neg:price}}). {{p2.f}} to circulate the sheet in [[Excel]].
2. Release {{neg:version}} slipped to {{neg:date}}; {{p1.f}}'s team owns the fix.
3. Vendor contact: {{role}}, {{phone}}.
Next meeting: [[Monday]] {{neg:time}} on [[Microsoft Teams]]."""),
    ("en", """From: {{p1}} <{{p1.e}}>
To: {{p2}} <{{p2.e}}>
Cc: {{role}}
Date: {{neg:rfcdate}}
Subject: Re: Invoice {{neg:invoice}}

Hi {{p2.f}},

Thanks for the quick turnaround. Please wire the balance of {{neg:price}} to {{iban}} and quote the invoice number. Our new office is at {{street}}, {{postcity}}.

Best regards,
{{p1}}
{{company}}
{{p1.ph}} | {{url}}

-----Original Message-----
From: {{p2.e}}
Sent: {{neg:date}}
> Could you resend the bank details? The old ones bounced.
> — {{p2.f}}"""),
    ("en", "hey {{p1.lf}} its {{p2.lf}}, running 10 min late, call me on {{p2.ph}} if the gate code ({{neg:code4}}) doesnt work"),
    ("en", """Referral note – {{neg:date}}
Patient: {{p1}}, DOB {{neg:dob}}
Address: {{p1.addr}}, {{p1.pc}}
Phone: {{p1.ph}}
Referred by Dr. {{p2.l}} to Prof. {{p3}} (cardiology).
Obs: BP {{neg:bp}}, HR 78 bpm, weight {{neg:weight}}. Continue atorvastatin 20 mg.
Next of kin: {{p4}} ({{p4.ph}})."""),
    ("en", """HR record update ({{neg:date}})
Employee: {{p1}} – ID {{neg:empid}}
New home address: {{p1.addr}}, {{p1.pc}}
Salary account: {{iban}}
Emergency contact: {{p2}}, {{p2.ph}}
Line manager: {{p3}} (approved {{neg:date}})"""),
    ("en", """TENANCY AGREEMENT
This agreement is dated {{neg:date}} and is made between {{p1}} of {{p1.addr}}, {{p1.pc}} ("the Landlord") and {{p2}} and {{p3}} ("the Tenants").
Rent of {{neg:price}} per month is payable to account {{iban}}.
Signed: ______ {{p1}}    Witness: {{p4}}, {{p4.addr}}"""),
    ("en", "CRM – {{neg:date}}: Spoke with {{p1}} ({{company}}). {{p1.f}} wants a demo of the [[Salesforce]] integration next [[Tuesday]] (see {{url}}). Direct line {{p1.ph}}, mobile {{phone}}. Assistant: {{p2.f}} <{{p2.e}}>. Deal value {{neg:price}}, probability {{neg:percent}}."),
    ("en", "I need to update my card on file. New one is {{cc}}, expiry {{neg:exp}}. My loyalty number {{neg:badcard}} should stay the same. Billing address {{p1.addr}}, {{p1.pc}}. Thanks — {{p1.f}}"),
    ("en", "Please whitelist {{ip4}} and {{ip6}} for the VPN gateway; {{p1.f}} reported the old address {{ip4}} still hits the WAF. MAC of the appliance is {{neg:mac}}, firmware {{neg:fwver}}."),
    ("en", "{{p1.f}}, {{p2.f}} and {{p3.f}} fly into [[New York]] on [[May]] 14; {{p4}} meets them at the hotel. Send the itinerary to {{p4.e}}."),
    ("en", """Quick one: the printer on floor 3 shows error {{neg:hexcode}} again. Can someone from IT look? I'm at desk {{neg:desk}}.
— {{p1.f}}"""),
    ("en", """Name: {{p1}}
Date of birth: {{neg:dob}}
Address line 1: {{p1.addr}}
City/Postcode: {{p1.pc}}
Mobile: {{p1.ph}}
Email: {{p1.e}}
Website: {{url}}
Preferred contact time: {{neg:time}}"""),
    ("en", "Write a cover letter for {{p1}} applying to {{company}}. My address is {{p1.addr}}, {{p1.pc}}, email {{p1.e}}, phone {{p1.ph}}. Mention that I reported to {{p2.hon}} {{p2.l}} for four years."),
    ("en", """[{{neg:time}}] {{p1.lf}}: did anyone get the wifi password for the offsite?
[{{neg:time}}] {{p2.lf}}: ask {{p3.lf}}, they set it up
[{{neg:time}}] {{p3.f}}: it's on the wiki → {{url}}
[{{neg:time}}] {{p1.lf}}: thx! also {{p4.f}}'s flight lands at {{neg:time}}"""),
    ("en", """Regional contacts:
- [[Tokyo]] office: {{p1}}, {{phone:jp}}
- [[Mumbai]]: {{p2}}, {{phone:in}}
- [[São Paulo]]: {{p3}}, {{phone:br}}
- [[London]]: {{p4}}, {{phone:uk}}
- [[Berlin]]: {{p5}}, {{phone:de}}"""),
    ("en", """From: {{role}}
To: {{p1.e}}
Subject: Reset your password

Hello {{p1.f}}, we received a request from {{ip4}} on {{neg:date}} at {{neg:time}}. If this wasn't you, contact {{role}} or visit {{url}}.
Request ID: {{neg:uuid}}"""),
    ("en", "Please transfer {{neg:price}} from {{iban}} to {{iban}} (beneficiary {{p1}}, {{p1.addr}}, {{p1.pc}}). Payment reference {{neg:invoice}}."),
    ("en", """Asset tag {{neg:asset}} assigned to {{p1}} ({{p1.e}})
Hostname: {{neg:hostname}}  IPv4: {{ip4}}  IPv6: {{ip6}}
MAC: {{neg:mac}}  OS: Windows 11 build {{neg:winbuild}}
Location: {{street}}, 4th floor"""),
    ("en", "Your parcel {{neg:tracking}} is out for delivery to {{p1.addr}} today between {{neg:time}} and {{neg:time}}. Driver {{p2.f}}: {{p2.ph}}. Manage your delivery at {{url}}."),
    ("en", "Hi, I'm {{p1}} and I've been charged twice ({{neg:price}} each) on {{cc}}. My order number is {{neg:order}}. Please call me at {{p1.ph}} or write to {{p1.e}}. I live at {{p1.addr}}, {{p1.pc}}. Screenshot: {{url}}"),
    ("en", "{{p1.hon}} {{p1.l}}'s appointment is confirmed for {{neg:date}} at {{neg:time}} with {{p2.hon}} {{p2}}. Please bring the insurance card (policy {{neg:policy}})."),
    ("en", """Speakers for the [[Rust Nation]] panel:
{{p1}} – {{company}}
{{p2}} – independent
{{p3}} – freelance
Moderator: {{p4.hon}} {{p4.l}}"""),
    ("en", """commit {{neg:githash}}
Author: {{p1}} <{{p1.e}}>
Date:   {{neg:gitdate}}

    Fix race in session cache (refs #{{neg:issue}}, {{url}})

    Co-authored-by: {{p2}} <{{p2.e}}>"""),
    ("en", "Message for {{p1.f}}: {{p2.hon}} {{p2.l}} from {{company}} called at {{neg:time}} about quote {{neg:quote}}. Call back on {{p2.ph}} (ext. 214) before [[Friday]]."),
    ("en", "RSVP: {{p1}} + 1 ({{p2}}). Dietary: vegetarian. Send the invite to {{p1.addr}}, {{p1.pc}} — {{p1.f}}"),
    ("en", "The health check probes [{{ip6}}]:8443 every 30 s; fallback is {{ip4}}:8443. Ping {{p1.lf}} if it flaps."),
    ("en", "Rx for {{p1}} (DOB {{neg:dob}}): amoxicillin 500 mg, 3x daily for 7 days. Prescriber: Dr. {{p2.l}}, {{p2.ph}}. Deliver to {{p1.addr}}."),
    ("en", """donor,email,card,amount
{{p1}},{{p1.e}},{{cc}},{{neg:price}}
{{p2}},{{p2.e}},{{cc}},{{neg:price}}
{{p3}},{{role}},{{cc}},{{neg:price}}"""),
    ("en", "remind me to text {{p1.lf}} and {{p2.lf}} about saturday. also book the table at {{street}} for {{neg:time}}"),
    ("en", "DEBUG user_profile = {'name': '{{p1}}', 'email': '{{p1.e}}', 'last_ip': '{{ip}}', 'card_last4': '{{neg:last4}}', 'created': '{{neg:datetime}}'}"),
    ("en", """{{p1}}
{{p1.addr}}
{{p1.pc}}

{{neg:date}}

Dear {{p2.hon}} {{p2.l}},
Re: Policy {{neg:policy}}
I am writing to update my contact details: my new mobile is {{p1.ph}} and my email is {{p1.e}}.
Yours sincerely,
{{p1.f}}"""),
    ("en", "Fraud alert: transaction of {{neg:price}} at [[Amazon]] on card {{cc}} from IP {{ip4}} ({{neg:datetime}}). Merchant site: {{url}}. Cardholder {{p1}} notified at {{p1.ph}}."),
    ("en", """txn_id,timestamp,card_number,amount,client_ip
{{neg:txn}},{{neg:datetime}},{{cc}},{{neg:price}},{{ip}}
{{neg:txn}},{{neg:datetime}},{{cc}},{{neg:price}},{{ip}}
{{neg:txn}},{{neg:datetime}},{{cc}},{{neg:price}},{{ip}}"""),
    ("en", "Payout batch {{neg:batch}}: {{p1}} → {{iban}} ({{neg:price}}); {{p2}} → {{iban}} ({{neg:price}}); {{p3}} → {{iban}} ({{neg:price}})."),
    ("en", "kubectl shows {{ip4}} as the ClusterIP and {{ip6}} as the external address; the old node {{ip4}} (MAC {{neg:mac}}) was drained at {{neg:datetime}} by {{p1.lf}}."),
    ("en", """sshd[{{neg:pid}}]: Accepted publickey for deploy from {{ip4}} port 52144 ssh2
sshd[{{neg:pid}}]: Failed password for invalid user admin from {{ip6}} port 40022 ssh2
sshd[{{neg:pid}}]: Connection closed by {{ip4}} port 33410 [preauth]"""),
    ("en", "Booking {{neg:booking}} for {{p1.hon}} {{p1}}: guarantee card {{cc}}, check-in {{neg:date}}, {{neg:nights}}. Guest contact {{p1.e}} / {{p1.ph}}. Home address: {{p1.addr}}, {{p1.pc}}. Manage the booking at {{url}}."),
    ("en", "Ask {{p1.f}} whether the [[IKEA]] order {{neg:order}} arrived at {{street}}; if not, {{p2}} can chase it on {{phone}}. {{p3}} is off until [[August]]."),
    ("en", "Thanks everyone! Special shout-out to {{p1}}, {{p2.f}}, {{p3.f}}, and {{p4}} for the release of {{neg:version}}. Questions go to {{role}}."),
    ("en", "Useful links for {{p1.f}}'s onboarding: the handbook ({{url}}), the IT portal at {{url}}, and the benefits page, {{url}}. Questions? {{role}}."),
    ("en", "New vendor {{company}}: website {{url}}; contact {{p1}} ({{p1.e}}, {{p1.ph}}); remit to {{iban}}."),
    # ------------------------------ German ------------------------------
    ("de", """Guten Tag {{p1.hon}} {{p1.l}},

vielen Dank für Ihre Bestellung {{neg:order}} vom {{neg:date}}. Die Lieferung erfolgt an: {{p1.addr}}, {{p1.pc}}.
Sendungsverfolgung: {{url}}
Bei Fragen erreichen Sie uns unter {{phone}} oder {{role}}.

Mit freundlichen Grüßen
{{p2}}
{{company}}"""),
    ("de", """Vorname: {{p1.f}}
Nachname: {{p1.l}}
Straße, Hausnr.: {{p1.addr}}
PLZ / Ort: {{p1.pc}}
Telefon: {{p1.ph}}
E-Mail: {{p1.e}}
IBAN: {{iban:DE}}
Geburtsdatum: {{neg:dob}}"""),
    ("de", "Schreib bitte eine kurze Mail an {{p1}} ({{p1.e}}): das Meeting am [[Montag]] verschiebt sich auf {{neg:time}} Uhr, Raum {{neg:room}}. {{p2.f}} und {{p3.f}} sind auch dabei."),
    ("de", "Rückrufbitte: {{p1.hon}} {{p1.l}} von {{company}} hat um {{neg:time}} angerufen, bitte unter {{p1.ph}} zurückrufen. Es geht um Rechnung {{neg:invoice}} über {{neg:price}}."),
    ("de", """Protokoll vom {{neg:date}}
Anwesend: {{p1}}, {{p2}}, {{p3}}
TOP 1: Umzug an die neue Adresse {{street}} zum {{neg:date}}.
TOP 2: Der Vorschlag von {{p2.f}} zu [[Microsoft Teams]] wird angenommen.
– {{p3.f}}"""),
    ("de", """{{neg:logts}} WARNUNG Anmeldung fehlgeschlagen für {{p1.e}} von {{ip4}} (Versuch 3/5)
{{neg:logts}} INFO Sitzung {{neg:uuid}} geöffnet von {{ip6}}"""),
    ("de", "hi {{p1.lf}}, hab deine nummer von {{p2.lf}}. kannst du mir die IBAN nochmal schicken? die alte {{iban:DE}} geht nicht mehr. lg {{p3.lf}}"),
    ("de", """Impressum
{{company}}
{{street}}
{{postcity}}
Geschäftsführer: {{p1}}
Telefon: {{phone}}
E-Mail: {{role}}
Web: {{url}}
USt-IdNr.: {{neg:vatid}}"""),
    ("de", "Personalakte {{neg:empid}}: {{p1}}, geb. {{neg:dob}}, wohnhaft {{p1.addr}}, {{p1.pc}}. Gehaltskonto {{iban:DE}}. Notfallkontakt: {{p2}} ({{p2.ph}})."),
    ("de", "Zahlung fehlgeschlagen: Karte {{cc}} (Inhaber: {{p1}}) wurde abgelehnt. Bitte alternativ per SEPA auf {{iban}} überweisen. Kundennummer {{neg:custid}}, Anfrage von {{ip4}}."),
    # ------------------------------ French ------------------------------
    ("fr", """Bonjour {{p1.hon}} {{p1.l}},

Votre commande {{neg:order}} du {{neg:date}} sera livrée au {{p1.addr}}, {{p1.pc}}. Suivi du colis : {{url}}. Pour toute question : {{role}} ou {{phone}}.

Cordialement,
{{p2}}
{{company}}"""),
    ("fr", """Nom : {{p1.L}}
Prénom : {{p1.f}}
Adresse : {{p1.addr}}
Code postal / Ville : {{p1.pc}}
Tél. : {{p1.ph}}
Courriel : {{p1.e}}
IBAN : {{iban:FR}}
Date de naissance : {{neg:dob}}"""),
    ("fr", "Rédige un message pour {{p1}} ({{p1.e}}) : la réunion de [[lundi]] est déplacée à {{neg:time}}. Mets {{p2.f}} et {{p3.f}} en copie."),
    ("fr", "salut {{p1.lf}} c'est {{p2.f}}, tu peux rappeler {{p3.hon}} {{p3.l}} au {{p3.ph}} ? merci !"),
    ("fr", "Compte rendu du {{neg:date}} – Patient(e) : {{p1}}, né(e) le {{neg:dob}}. Adressé(e) par le Dr {{p2.l}}. TA {{neg:bp}}, poids {{neg:weight}}. Domicile : {{p1.addr}}, {{p1.pc}}. Tél. {{p1.ph}}."),
    ("fr", "Journal : connexion refusée pour {{p1.e}} depuis {{ip4}} le {{neg:date}} à {{neg:time}} ; nouvelle tentative depuis {{ip6}}."),
    ("fr", "Entre les soussignés : {{p1.hon}} {{p1}}, demeurant {{p1.addr}}, {{p1.pc}}, ci-après « le Bailleur », et {{p2.hon}} {{p2}}, ci-après « le Locataire ». Le loyer de {{neg:price}} est versé sur le compte {{iban:FR}}."),
    ("fr", """De : {{p1}} <{{p1.e}}>
À : {{p2.e}}
Objet : Facture {{neg:invoice}}

Bonjour {{p2.f}},
ci-joint la facture. Le paiement par carte {{cc}} a été refusé, merci de vérifier.

Bien à vous,
{{p1.f}}
{{url}}"""),
    ("fr", "Paiement refusé pour la carte {{cc}} au nom de {{p1}}. Merci de régler par virement sur {{iban:FR}} (réf. {{neg:invoice}}). Connexion depuis {{ip4}}."),
    # ------------------------------ Spanish ------------------------------
    ("es", """Estimado/a {{p1.hon}} {{p1.l}}:

Le confirmamos que su pedido {{neg:order}} se enviará a {{p1.addr}}, {{p1.pc}} el {{neg:date}}. Puede seguir el envío en {{url}}. Para cualquier consulta escriba a {{role}} o llame al {{phone}}.

Atentamente,
{{p2}}
{{company}}"""),
    ("es", """Nombre: {{p1}}
Nº de socio: {{neg:member}}
Dirección: {{p1.addr}}
CP y localidad: {{p1.pc}}
Teléfono: {{p1.ph}}
Correo: {{p1.e}}
Cuenta (IBAN): {{iban:ES}}"""),
    ("es", "Escribe un correo a {{p1}} ({{p1.e}}) para decirle que la reunión del [[martes]] pasa a las {{neg:time}}. Que {{p2.f}} y {{p3.f}} vayan en copia."),
    ("es", "hola {{p1.lf}}! soy {{p2.lf}}, mi nuevo número es {{p2.ph}}. pásaselo a {{p3.lf}} porfa"),
    ("es", "Incidencia {{neg:ticket}} – Cliente: {{p1}} ({{p1.e}}). Cobro duplicado de {{neg:price}} en la tarjeta {{cc}}. Dirección de facturación: {{p1.addr}}, {{p1.pc}}. Atiende: {{p2.f}}."),
    ("es", """Acta de la reunión del {{neg:date}}
Asistentes: {{p1}}, {{p2}}, {{p3.hon}} {{p3.l}}
Acuerdos: {{p1.f}} enviará el presupuesto ({{neg:price}}) a {{p4.e}} antes del [[viernes]]."""),
    ("es", "Pago recibido con tarjeta {{cc}} de {{p1}} desde la IP {{ip4}}. Importe: {{neg:price}}. Reembolso parcial al IBAN {{iban:ES}}."),
    ("es", """ENVÍO {{neg:tracking}}
Destinatario: {{p1}}
{{p1.addr}}
{{p1.pc}}
Tel. {{p1.ph}}"""),
    # ------------------------------ Italian ------------------------------
    ("it", """Gentile {{p1.hon}} {{p1.l}},
Le confermiamo la spedizione dell'ordine {{neg:order}} all'indirizzo {{p1.addr}}, {{p1.pc}}. Tracciamento: {{url}}. Per assistenza: {{role}} – tel. {{phone}}.
Cordiali saluti,
{{p2}}
{{company}}"""),
    ("it", """Nome: {{p1.f}}
Cognome: {{p1.l}}
Indirizzo: {{p1.addr}}
CAP e città: {{p1.pc}}
Cellulare: {{p1.ph}}
Email: {{p1.e}}
IBAN: {{iban:IT}}"""),
    ("it", "Scrivi una mail a {{p1}} ({{p1.e}}) per spostare l'appuntamento di [[giovedì]] alle {{neg:time}}. Metti in copia {{p2.f}}."),
    ("it", "Verbale del {{neg:date}}: presenti {{p1.hon}} {{p1.l}}, {{p2.hon}} {{p2}} e {{p3.hon}} {{p3.l}}. La parte ricorrente {{p4}}, residente in {{p4.addr}}, {{p4.pc}}, chiede il rimborso di {{neg:price}} sul conto {{iban:IT}}."),
    ("it", "ciao {{p1.lf}}, sono {{p2.f}}. il corriere passa domani in {{street}} tra le {{neg:time}} e le {{neg:time}}, il mio numero è {{p2.ph}}"),
    ("it", """{{neg:logts}} ERRORE accesso negato utente {{p1.e}} da {{ip4}}
{{neg:logts}} INFO sessione {{neg:uuid}} aperta da {{ip6}}"""),
    ("it", "Addebito sulla carta {{cc}} intestata a {{p1}} non riuscito; IP di origine {{ip}}. Bonifico alternativo su {{iban:IT}}."),
    # ------------------------------ Dutch ------------------------------
    ("nl", """Beste {{p1.f}},

Je bestelling {{neg:order}} wordt op {{neg:date}} bezorgd op {{p1.addr}}, {{p1.pc}}. Volg je pakket via {{url}}. Vragen? Mail {{role}} of bel {{phone}}.

Met vriendelijke groet,
{{p2}}
{{company}}"""),
    ("nl", """Naam: {{p1}}
Adres: {{p1.addr}}
Postcode en plaats: {{p1.pc}}
Telefoon: {{p1.ph}}
E-mail: {{p1.e}}
Rekeningnummer: {{iban:NL}}"""),
    ("nl", "Stuur een mailtje naar {{p1.hon}} {{p1.l}} ({{p1.e}}) dat de afspraak van [[woensdag]] om {{neg:time}} niet doorgaat. {{p2.f}} weet ervan."),
    ("nl", "hoi {{p1.lf}}, {{p2.lf}} hier. kun je {{neg:price}} overmaken naar {{iban:NL}} ovv {{p3.f}}? thx"),
    ("nl", """Notulen {{neg:date}}
Aanwezig: {{p1}}, {{p2}}, {{p3}}
Actiepunt: {{p2.f}} regelt de sleutels voor {{street}}.
Volgende vergadering: [[maandag]] {{neg:time}} via [[Zoom]]."""),
    ("nl", "{{neg:logts}} fout: login geweigerd voor {{p1.e}} vanaf {{ip4}}; klant {{p1}}, kaart {{cc}} geblokkeerd."),
    ("nl", "Betaling met creditcard {{cc}} door {{p1}} mislukt (IP {{ip6}}). Graag overmaken naar {{iban:NL}}."),
    # ------------------------------ Polish ------------------------------
    ("pl", """Dzień dobry,

uprzejmie informujemy, że zamówienie {{neg:order}} zostanie dostarczone na adres {{p1.addr}}, {{p1.pc}} w dniu {{neg:date}}. Śledzenie przesyłki: {{url}}. Kontakt: {{role}}, tel. {{phone}}.

Z poważaniem
{{p2}}
{{company}}"""),
    ("pl", """Imię: {{p1.f}}
Nazwisko: {{p1.l}}
Adres: {{p1.addr}}
Kod pocztowy i miasto: {{p1.pc}}
Telefon: {{p1.ph}}
E-mail: {{p1.e}}
Nr rachunku: {{iban:PL}}"""),
    ("pl", "Napisz maila. Odbiorca: {{p1}}, {{p1.e}}. Treść: spotkanie w [[czwartek]] przenosimy na {{neg:time}}. W kopii: {{p2}}."),
    ("pl", "cześć, tu {{p1.lf}}. mój nowy numer to {{p1.ph}}, przekaż proszę dalej. {{p2.f}} też ma stary."),
    ("pl", """Protokół z dnia {{neg:date}}
Obecni: {{p1}}, {{p2}}, {{p3}}
Ustalenia: faktura {{neg:invoice}} na kwotę {{neg:price}} do zapłaty na rachunek {{iban:PL}}."""),
    ("pl", """Przesyłka {{neg:tracking}}
Odbiorca: {{p1}}
{{p1.addr}}
{{p1.pc}}
tel. {{p1.ph}}"""),
    ("pl", "Płatność kartą {{cc}} odrzucona. Klient: {{p1}}, IP {{ip4}}. Prosimy o przelew na {{iban:PL}}."),
    # ------------------------------ Portuguese ------------------------------
    ("pt", """Olá {{p1.f}},

A sua encomenda {{neg:order}} será entregue em {{p1.addr}}, {{p1.pc}}, no dia {{neg:date}}. Acompanhe em {{url}}. Dúvidas: {{role}} ou {{phone}}.

Cumprimentos,
{{p2}}
{{company}}"""),
    ("pt", """Nome: {{p1}}
Morada: {{p1.addr}}
Código postal: {{p1.pc}}
Telemóvel: {{p1.ph}}
Email: {{p1.e}}
IBAN: {{iban:PT}}"""),
    ("pt", "Escreve um email para {{p1.hon}} {{p1.l}} ({{p1.e}}) a dizer que a reunião de [[sexta-feira]] passa para as {{neg:time}}. Põe {{p2.f}} em cópia."),
    ("pt", "oi {{p1.lf}}, aqui é {{p2.f}}. meu zap novo: {{phone:br}}. manda pra galera também"),
    ("pt", "Ata de {{neg:date}}. Presentes: {{p1}}, {{p2}} e {{p3}}. {{p2.f}} fica responsável por pagar {{neg:price}} com o cartão {{cc}}."),
    ("pt", "Pagamento com o cartão {{cc}} de {{p1}} recusado a partir do IP {{ip4}}. Reembolso para {{iban:PT}}."),
    # ------------------------------ Swedish ------------------------------
    ("sv", """Hej {{p1.f}}!

Din beställning {{neg:order}} levereras till {{p1.addr}}, {{p1.pc}} den {{neg:date}}. Spåra paketet på {{url}}. Frågor? Mejla {{role}} eller ring {{phone}}.

Vänliga hälsningar
{{p2}}
{{company}}"""),
    ("sv", """Namn: {{p1}}
Adress: {{p1.addr}}
Postnummer och ort: {{p1.pc}}
Mobil: {{p1.ph}}
E-post: {{p1.e}}
Konto (IBAN): {{iban:SE}}"""),
    ("sv", "Skriv ett mejl till {{p1}} ({{p1.e}}) om att mötet på [[tisdag]] flyttas till {{neg:time}}. Lägg {{p2.f}} på kopia."),
    ("sv", "{{neg:logts}} VARNING inloggning nekad för {{p1.e}} från {{ip4}}, nästa försök från {{ip6}}"),
    ("sv", "Kortbetalning med {{cc}} från {{p1}} nekades (IP {{ip6}}). Betala i stället till {{iban:SE}}."),
    # ------------------------------ Turkish ------------------------------
    ("tr", """Sayın {{p1}},

{{neg:order}} numaralı siparişiniz {{neg:date}} tarihinde {{p1.addr}}, {{p1.pc}} adresine teslim edilecektir. Kargo takibi: {{url}}. Sorularınız için {{role}} veya {{phone}}.

Saygılarımızla,
{{p2}}
{{company}}"""),
    ("tr", """Ad Soyad: {{p1}}
Adres: {{p1.addr}}
Posta kodu / İlçe / İl: {{p1.pc}}
Telefon: {{p1.ph}}
E-posta: {{p1.e}}
IBAN: {{iban:TR}}"""),
    ("tr", "{{p1.f}} {{p1.honpost}} için kısa bir e-posta yaz ({{p1.e}}): [[Perşembe]] toplantısı {{neg:time}} saatine alındı. {{p2.f}} da bilgide olsun."),
    ("tr", "merhaba {{p1.lf}}, ben {{p2.lf}}. kargo {{neg:tracking}} yarın geliyor, numaram {{p2.ph}}"),
    ("tr", "{{p1}} adına kayıtlı {{cc}} numaralı kart ile ödeme başarısız oldu (IP: {{ip4}}). Lütfen {{iban:TR}} hesabına havale yapınız."),
    # ------------------------------ Vietnamese ------------------------------
    ("vi", """Kính gửi {{p1.hon}} {{p1}},

Đơn hàng {{neg:order}} sẽ được giao đến {{p1.addr}}, {{p1.pc}} vào ngày {{neg:date}}. Theo dõi đơn hàng tại {{url}}. Mọi thắc mắc xin liên hệ {{role}} hoặc {{phone}}.

Trân trọng,
{{p2}}
{{company}}"""),
    ("vi", """Họ và tên: {{p1}}
Địa chỉ: {{p1.addr}}, {{p1.pc}}
Điện thoại: {{p1.ph}}
Email: {{p1.e}}"""),
    ("vi", "Viết email cho {{p1}} ({{p1.e}}) báo rằng cuộc họp [[thứ Hai]] dời sang {{neg:time}}. Gửi kèm cho {{p2.f}}."),
    ("vi", "chào {{p1.lf}}, mình là {{p2.f}}. số mới của mình là {{p2.ph}} nha"),
    ("vi", "Thanh toán bằng thẻ {{cc}} của {{p1}} thất bại, địa chỉ IP {{ip4}}. Vui lòng chuyển khoản tới {{iban}}."),
    ("de", "Hallo {{p1.f}}, die Unterlagen liegen unter {{url}}. Das Passwort schickt dir {{p2}} per SMS an {{p1.ph}}."),
    ("fr", "Bonjour, le formulaire est en ligne ({{url}}). Contact : {{p1}}, {{p1.e}}."),
]

# ---------------------------------------------------------------------------
# hard-negative templates (no entity placeholders allowed)
# ---------------------------------------------------------------------------
NEGATIVE_TEMPLATES = [
    ("en", """Release notes {{neg:version}} ({{neg:date}})
- Fixed crash when exporting to [[Excel]] (#{{neg:issue}})
- Bumped parser dependency to {{neg:semver}}
- Build {{neg:githash}}"""),
    ("en", """Invoice {{neg:invoice}} – {{neg:date}}
Subtotal: {{neg:price}}
VAT {{neg:percent}}: {{neg:price}}
Total due: {{neg:price}}
Payment terms: 30 days net. Order ref {{neg:order}}."""),
    ("en", "Your shipment {{neg:tracking}} left the [[Amazon]] fulfilment centre on {{neg:date}} at {{neg:time}}. Estimated delivery: {{neg:date}}."),
    ("en", """Reading list for the seminar:
1. ISBN {{neg:isbn}}
2. ISBN {{neg:isbn}}
3. ISBN {{neg:isbn}}
Due back by {{neg:date}}."""),
    ("en", """Switch port 12: {{neg:mac}}
Switch port 14: {{neg:mac}}
Switch port 21: {{neg:mac}}
Firmware {{neg:fwver}}, uptime 41 days."""),
    ("en", ".btn-primary { color: {{neg:hex}}; background: {{neg:hex}}; border: 1px solid {{neg:hex}}; border-radius: 4px; }"),
    ("en", """{{neg:logts}} INFO deploy {{neg:uuid}} started, image tag {{neg:version}}, commit {{neg:shorthash}}
{{neg:logts}} INFO health check passed in 312 ms
{{neg:logts}} INFO rollout complete ({{neg:percent}} of traffic)"""),
    ("en", "Preheat the oven to 180 °C. Mix {{neg:grams}} of flour with {{neg:ml}} of milk and bake for 35 min. Serves 4."),
    ("en", "Team standup every [[Monday]] and [[Thursday]] at {{neg:time}} in [[Microsoft Teams]]. Quarterly review moved to {{neg:date}}."),
    ("en", "Q3 revenue rose {{neg:percent}} to {{neg:price}}; EBITDA margin {{neg:percent}}. Guidance for [[March]] unchanged, [[Nasdaq]] listing planned."),
    ("en", """SKU {{neg:sku}} – cordless drill, {{neg:price}}
SKU {{neg:sku}} – spare battery, {{neg:price}}
EAN {{neg:ean}}, weight {{neg:weight}}"""),
    ("en", "Thanks for contacting us about order {{neg:order}}. Your return label {{neg:tracking}} is valid until {{neg:date}}. The refund of {{neg:price}} will appear within 5–7 business days."),
    ("en", "Logs are written to {{neg:path}}; config lives in {{neg:path}}. Rotate when the file exceeds {{neg:size}}."),
    ("en", "Order no. {{neg:phonelike}} was split into two parcels; part number {{neg:partno}} is back-ordered until {{neg:date}}."),
    ("en", "Upgrade the controller from version {{neg:ipver}} to version {{neg:ipver}} before [[June]]; release {{neg:semver}} of the agent is required."),
    ("en", "Affected systems run Windows 10 build {{neg:winbuild}} and [[Office]] {{neg:version}}; [[Chrome]] is unaffected."),
    ("en", "Reverted {{neg:githash}} and cherry-picked {{neg:shorthash}} onto release/{{neg:semver}}; see issue #{{neg:issue}}."),
    ("en", "Job {{neg:uuid}} failed; retry job {{neg:uuid}} queued at {{neg:datetime}}."),
    ("en", "Delivery zones this week: {{neg:postcode}}, {{neg:postcode}} and {{neg:postcode}}. Surcharge {{neg:price}}."),
    ("en", "Loyalty card no. {{neg:badcard}} earned {{neg:int}} points this month. Membership reference {{neg:badcard}}."),
    ("en", "The [[Paris Agreement]] targets were discussed in [[Geneva]] last [[April]]; the slides are in [[PowerPoint]] on [[SharePoint]]."),
    ("en", "Vitals: BP {{neg:bp}}, temp 37.2 °C, SpO2 {{neg:percent}}, weight {{neg:weight}}. No change since {{neg:date}}."),
    ("en", "EUR/USD closed at 1.0842; [[Nasdaq]] up {{neg:percent}}; gold at {{neg:price}} per ounce on {{neg:date}}."),
    ("en", '''{"primary": "{{neg:hex}}", "secondary": "{{neg:hex}}", "font": "Inter", "version": "{{neg:semver}}", "build": "{{neg:shorthash}}"}'''),
    ("en", "Backup window: {{neg:datetime}} to {{neg:datetime}} (UTC). Snapshot id {{neg:shorthash}}, size {{neg:size}}."),
    ("en", "[[August]] and [[September]] shifts: [[Tuesday]] early, [[Wednesday]] late, [[Sunday]] off. Office closed on {{neg:date}}."),
    ("en", "Flight [[Lufthansa]] LH 2417 departs [[New York]] JFK at {{neg:time}}, seat 14C, booking {{neg:booking}}."),
    ("en", "Ticket {{neg:ticket}} closed: the [[Slack]] integration now retries after {{neg:int}} ms. Root cause in commit {{neg:shorthash}}."),
    ("en", "Serial {{neg:serial}} passed QA on {{neg:date}}; calibration offset {{neg:percent}}, operating temp 180 °C."),
    # German
    ("de", "Lieferung am {{neg:date}} zwischen {{neg:time}} und {{neg:time}} Uhr. Bestellnummer {{neg:order}}, Betrag {{neg:price}}."),
    ("de", "Firmware-Version {{neg:ipver}} behebt den Fehler aus {{neg:version}}; Seriennummer {{neg:serial}}, Teilenummer {{neg:partno}}."),
    ("de", "Die Rechnung {{neg:invoice}} vom {{neg:date}} über {{neg:price}} ist am [[Freitag]] fällig. Skonto {{neg:percent}}."),
    # French
    ("fr", "Votre facture {{neg:invoice}} du {{neg:date}} d'un montant de {{neg:price}} est disponible. TVA {{neg:percent}}."),
    ("fr", "Le colis {{neg:tracking}} a quitté l'entrepôt de [[Lyon]] le {{neg:date}} à {{neg:time}}. Poids : {{neg:weight}}."),
    # Spanish
    ("es", "El pedido {{neg:order}} salió del almacén de [[Zaragoza]] el {{neg:date}}. Peso: {{neg:weight}}. Importe: {{neg:price}}."),
    ("es", "La versión {{neg:version}} del [[Excel]] corporativo ya está disponible desde el {{neg:date}}."),
    # Italian
    ("it", "Fattura {{neg:invoice}} del {{neg:date}}: imponibile {{neg:price}}, IVA {{neg:percent}}."),
    ("it", "Codice articolo {{neg:sku}}, EAN {{neg:ean}}, disponibile da [[settembre]] a {{neg:price}}."),
    # Dutch
    ("nl", "Pakket {{neg:tracking}} wordt op {{neg:date}} bezorgd tussen {{neg:time}} en {{neg:time}}."),
    ("nl", "Factuur {{neg:invoice}}: totaal {{neg:price}}, btw {{neg:percent}}, vervaldatum {{neg:date}}."),
    # Polish
    ("pl", "Faktura {{neg:invoice}} z dnia {{neg:date}}, kwota {{neg:price}}, termin płatności 14 dni."),
    ("pl", "Paczka {{neg:tracking}} została nadana {{neg:date}} o {{neg:time}}. Waga: {{neg:weight}}."),
    # Portuguese
    ("pt", "A fatura {{neg:invoice}} de {{neg:date}} no valor de {{neg:price}} já está disponível."),
    # Swedish
    ("sv", "Ordernummer {{neg:order}} skickades {{neg:date}}. Spårningsnummer {{neg:tracking}}, vikt {{neg:weight}}."),
    # Turkish
    ("tr", "{{neg:order}} numaralı sipariş {{neg:date}} tarihinde kargoya verildi. Tutar: {{neg:price}}."),
    # Vietnamese
    ("vi", "Hóa đơn {{neg:invoice}} ngày {{neg:date}}, tổng cộng {{neg:price}}, mã vận đơn {{neg:tracking}}."),
]


def build():
    rng = random.Random(SEED)
    items = []
    # entity items: cycle through shuffled templates so every template is used evenly
    order = []
    while len(order) < N_ENTITY_ITEMS:
        batch = list(range(len(ENTITY_TEMPLATES)))
        rng.shuffle(batch)
        order.extend(batch)
    for idx in order[:N_ENTITY_ITEMS]:
        lang, tpl = ENTITY_TEMPLATES[idx]
        text, ents, negs = render(lang, tpl, rng)
        assert ents, tpl
        items.append((text, ents, negs))
    order = []
    while len(order) < N_NEGATIVE_ITEMS:
        batch = list(range(len(NEGATIVE_TEMPLATES)))
        rng.shuffle(batch)
        order.extend(batch)
    for idx in order[:N_NEGATIVE_ITEMS]:
        lang, tpl = NEGATIVE_TEMPLATES[idx]
        text, ents, negs = render(lang, tpl, rng)
        assert not ents, tpl
        items.append((text, ents, negs))
    rng.shuffle(items)
    return items


def validate(text, ents):
    b = text.encode("utf-8")
    prev_end = -1
    for e in ents:
        assert b[e["start"]:e["end"]].decode("utf-8") == e["value"], e
        assert e["start"] >= prev_end, ("overlap", e)
        prev_end = e["end"]
        v = e["value"]
        assert v == v.strip() and v, e
        if e["type"] == "credit_card":
            assert luhn_ok(re.sub(r"[ -]", "", v)), v
        elif e["type"] == "iban":
            assert iban_ok(v), v
        elif e["type"] == "ip_address":
            ipaddress.ip_address(v)
        elif e["type"] == "url":
            assert re.match(r"(https?://|www\.)", v) and v[-1] not in ".,;:!?)'\"", v
        elif e["type"] == "phone":
            assert v[0] in "+(0123456789" and v[-1].isdigit(), v


def main():
    t0 = time.time()
    items = build()
    types = Counter()
    n_neg_strings = 0
    n_neg_items = 0
    lines = []
    for i, (text, ents, negs) in enumerate(items, 1):
        validate(text, ents)
        for e in ents:
            types[e["type"]] += 1
        n_neg_strings += len(negs)
        if not ents:
            n_neg_items += 1
        rec = {"id": "final-%05d" % i, "text": text, "entities": ents}
        if negs:
            rec["negatives"] = negs
        lines.append(json.dumps(rec, ensure_ascii=False))
    total = sum(types.values())
    assert len(items) >= 520 and total >= 1500, (len(items), total)
    for t in ["email", "phone", "credit_card", "iban", "ip_address", "url", "person", "street_address"]:
        assert types[t] >= 80, (t, types[t])
    assert types["person"] >= 400 and types["street_address"] >= 150, types
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print("wrote %s" % os.path.relpath(OUT_PATH))
    print("items: %d (with entities: %d, negative-only: %d)" % (len(items), len(items) - n_neg_items, n_neg_items))
    print("entities: %d" % total)
    for t, n in sorted(types.items(), key=lambda kv: -kv[1]):
        print("  %-15s %d" % (t, n))
    print("negative strings recorded: %d" % n_neg_strings)
    print("seed: %d, %.2fs" % (SEED, time.time() - t0))


if __name__ == "__main__":
    sys.exit(main())
