#!/usr/bin/env python3
"""Build the FINAL PII test set: tests/pii/pii-test.jsonl.

Independent of the two sets the detector was tuned on (fresh templates, fresh
name/street/domain pools). Scored once; do not tune on it.

Deterministic: standard library only, random.Random(90210).
Run from the repository root:

    python3 tests/pii/make_pii_test.py

Each line: {"id", "text", "entities": [{"type","value","start","end"}], "negatives"?}
start/end are BYTE offsets into the UTF-8 encoding of text.

Span conventions
  email           the address only
  phone           from "+" / first digit / "(" to the last digit
  credit_card     Luhn-valid, real issuer prefixes; plain, spaced or hyphenated
  iban            mod-97-valid; compact or in groups of 4
  ip_address      IPv4 and IPv6 (full, compressed, ::1, link-local); no port, no brackets
  url             scheme or "www."; trailing sentence punctuation excluded
  person          names only: titles (Mr., Mme, Herr, Sra., ...) and a possessive 's outside
  street_address  the street line only (number + street / street + number), not postcode or city
Every e-mail address is labelled, role addresses (support@..., info@...) included.
"""
import ipaddress
import json
import os
import re
import random
import unicodedata
from collections import Counter

SEED = 90210
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "pii-test.jsonl")

N_ENTITY_ITEMS = 330
N_NEGATIVE_ITEMS = 130


def ch(seq):
    return R.choice(seq)


def ri(a, b):
    return R.randint(a, b)


def chance(p):
    return R.random() < p


def digits(n):
    return "".join(str(R.randrange(10)) for _ in range(n))


def nzdigits(n):
    return str(ri(1, 9)) + digits(n - 1)


UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def letters(n, alphabet=UPPER):
    return "".join(ch(alphabet) for _ in range(n))


def alnum(n, alphabet=UPPER + "23456789"):
    return "".join(ch(alphabet) for _ in range(n))


def hexs(n):
    return "".join(ch("0123456789abcdef") for _ in range(n))


# --------------------------------------------------------------------------
# markers used by templates
# --------------------------------------------------------------------------

def E(kind, value):
    return ("E", kind, value)


def N(value):
    return ("N", value)


LOCS = ["us", "uk", "fr", "de", "es", "it", "nl", "pt", "pl", "sv"]
NAMELOC = {"us": "en", "uk": "en"}


def nl_(loc):
    return NAMELOC.get(loc, loc)


# --------------------------------------------------------------------------
# people
# --------------------------------------------------------------------------

FIRST = {
    "en": {"f": ["Emily", "Sarah", "Olivia", "Hannah", "Rachel", "Laura", "Sophie", "Megan", "Charlotte",
                 "Natalie", "Jessica", "Rebecca", "Amy", "Lauren"],
           "m": ["James", "Michael", "David", "Daniel", "Thomas", "Christopher", "Matthew", "Andrew", "Ryan",
                 "Kevin", "Jonathan", "Simon", "Gareth", "Brandon"]},
    "fr": {"f": ["Camille", "Mathilde", "Élodie", "Léa", "Chloé", "Inès", "Margaux", "Anaïs", "Céline", "Hélène",
                 "Sandrine", "Manon"],
           "m": ["Julien", "Antoine", "Nicolas", "Sébastien", "Guillaume", "Théo", "Benoît", "Mathieu", "Loïc",
                 "François", "Cédric", "Hugo"]},
    "de": {"f": ["Anna", "Lena", "Katharina", "Julia", "Sabine", "Ulrike", "Birgit", "Miriam", "Jana", "Franziska",
                 "Heike", "Svenja"],
           "m": ["Lukas", "Jonas", "Maximilian", "Felix", "Tobias", "Jürgen", "Matthias", "Florian", "Stefan", "Dirk",
                 "Moritz", "Henning"]},
    "es": {"f": ["Lucía", "Carmen", "Marta", "Paula", "Elena", "Nuria", "Rocío", "Inmaculada", "Begoña", "Pilar",
                 "Ainhoa", "Montserrat"],
           "m": ["Javier", "Alejandro", "Sergio", "Diego", "Álvaro", "Pablo", "Andrés", "Íñigo", "Raúl", "Jordi",
                 "Gonzalo", "Rubén"]},
    "it": {"f": ["Giulia", "Francesca", "Chiara", "Valentina", "Federica", "Elisa", "Martina", "Serena", "Ilaria",
                 "Beatrice", "Giorgia", "Alessia"],
           "m": ["Marco", "Alessandro", "Matteo", "Lorenzo", "Davide", "Simone", "Riccardo", "Giacomo", "Stefano",
                 "Niccolò", "Fabrizio", "Tommaso"]},
    "nl": {"f": ["Sanne", "Lotte", "Femke", "Anouk", "Eline", "Marloes", "Ilse", "Fleur", "Noor", "Maaike", "Ineke",
                 "Joke"],
           "m": ["Daan", "Bram", "Thijs", "Joost", "Ruben", "Sander", "Jeroen", "Maarten", "Wouter", "Sjoerd", "Gijs",
                 "Pieter"]},
    "pt": {"f": ["Ana", "Mariana", "Beatriz", "Inês", "Catarina", "Filipa", "Leonor", "Joana", "Raquel", "Sofia",
                 "Teresa", "Madalena"],
           "m": ["João", "Pedro", "Tiago", "Rui", "Gonçalo", "Duarte", "Nuno", "Vasco", "Miguel", "Afonso", "Bernardo",
                 "Henrique"]},
    "pl": {"f": ["Agnieszka", "Katarzyna", "Magdalena", "Małgorzata", "Joanna", "Ewa", "Zofia", "Aleksandra",
                 "Dorota", "Justyna", "Beata", "Weronika"],
           "m": ["Łukasz", "Piotr", "Tomasz", "Krzysztof", "Paweł", "Michał", "Grzegorz", "Bartosz", "Marcin",
                 "Wojciech", "Jakub", "Przemysław"]},
    "sv": {"f": ["Astrid", "Ingrid", "Elin", "Maja", "Sofia", "Linnéa", "Ebba", "Karin", "Sigrid", "Frida", "Märta",
                 "Annika"],
           "m": ["Erik", "Lars", "Oskar", "Björn", "Nils", "Gustav", "Axel", "Henrik", "Johan", "Magnus", "Olle",
                 "Sven"]},
}

LAST = {
    "en": ["Thompson", "Walker", "Harris", "Clarke", "Robinson", "Wright", "Mitchell", "Turner", "Patel", "Hughes",
           "Edwards", "Collins", "Bennett", "Murphy", "Campbell", "Foster", "Reynolds", "Griffin", "Sullivan", "Okafor",
           "Nguyen", "Kaur"],
    "fr": ["Lefèvre", "Moreau", "Girard", "Fontaine", "Rousseau", "Mercier", "Chevalier", "Lambert", "Bonnet", "Faure",
           "Gauthier", "Perrin", "Leroy", "Dubois", "Morel", "Benali"],
    "de": ["Müller", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein",
           "Wolf", "Schröder", "Neumann", "Zimmermann", "Krüger", "Yılmaz"],
    "es": ["García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Torres", "Domínguez", "Gil",
           "Vázquez", "Serrano", "Ramos", "Molina", "Ortega", "Etxeberria"],
    "it": ["Rossi", "Russo", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo",
           "Conti", "Mancini", "Lombardi", "Moretti", "Barbieri"],
    "nl": ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Vos",
           "Peters", "Hendriks", "van Leeuwen", "Dekker", "van Dijk", "Bosman"],
    "pt": ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Rodrigues", "Martins", "Sousa", "Fernandes",
           "Gonçalves", "Lopes", "Marques", "Almeida", "Carvalho", "Ribeiro", "Pinto"],
    "sv": ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
           "Gustafsson", "Lindqvist", "Bergström", "Åkesson", "Lindgren", "Sjöberg", "Holmberg"],
}
PL_LAST = [("Nowak", "Nowak"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"), ("Kamiński", "Kamińska"),
           ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"),
           ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"), ("Mazur", "Mazur"),
           ("Krawczyk", "Krawczyk")]

# surnames with particles, apostrophes or hyphens
PART_LAST = {
    "en": ["O'Donoghue", "McAllister", "O'Sullivan", "MacLeod", "D'Souza", "Harding-Blake"],
    "fr": ["de Villiers", "d'Arnaud", "Le Goff", "de la Roche", "Du Pré", "Lefèvre-Dumas", "N'Diaye"],
    "de": ["von Sternberg", "von der Heide", "zu Ahlefeldt", "Schulze-Wenning", "Meyer-Lohmann"],
    "es": ["de la Fuente", "del Castillo", "de los Ríos", "García-Herrera", "Castellanos-Ruiz"],
    "it": ["Di Benedetto", "D'Alessandro", "De Luca", "Lo Bianco", "Dell'Acqua"],
    "nl": ["van den Heuvel", "van 't Hof", "ter Haar", "van der Linden", "in 't Veld", "de Jong-Bakker"],
    "pt": ["dos Reis", "da Silva", "de Oliveira", "do Carmo", "Sousa e Melo", "Vaz-Pinheiro"],
    "sv": ["von Essen", "af Ugglas", "Lindqvist-Hagen", "Bergh-Sjöström"],
}
PL_PART = [("Zawisza-Kowalski", "Zawisza-Kowalska"), ("Nowak-Dąbrowski", "Nowak-Jeziorańska"),
           ("Kowalski-Wrona", "Kowalska-Wrona")]

COMPOUND_FIRST = {
    "en": {"f": ["Mary-Kate", "Sarah-Jane"], "m": ["John-Paul"]},
    "fr": {"f": ["Anne-Sophie", "Marie-Claire", "Marie-Ève"], "m": ["Jean-Baptiste", "Pierre-Yves", "Jean-Luc"]},
    "de": {"f": ["Anna-Lena", "Marie-Luise"], "m": ["Hans-Peter", "Karl-Heinz", "Klaus-Dieter"]},
    "es": {"f": ["María José", "María del Mar"], "m": ["José Luis", "Juan Carlos"]},
    "it": {"f": ["Anna Maria"], "m": ["Gian Luca", "Pier Paolo"]},
    "nl": {"f": ["Anne-Marie"], "m": ["Jan-Willem"]},
    "pt": {"f": ["Maria João", "Ana Rita"], "m": ["João Pedro"]},
    "pl": {"f": ["Anna Maria"], "m": ["Jan Paweł"]},
    "sv": {"f": ["Eva-Lotta", "Anna-Karin"], "m": ["Per-Olof", "Lars-Erik"]},
}

RARE_FIRST = {
    "f": ["Oluwaseun", "Saoirse", "Eulalia", "Ximena", "Perpetua", "Sigrún", "Ottoline", "Leocádia", "Ysolde",
          "Nkechi", "Dagny", "Eilidh", "Leopoldine", "Ilinca", "Aoife", "Solveig", "Fenella", "Bénédicte", "Zuzanna",
          "Yevgenia", "Anneliese", "Bronisława", "Philippa", "Thandiwe", "Wilhelmina", "Zoë", "Agathe", "Dervla",
          "Ngozi", "Þórdís"],
    "m": ["Thorfinn", "Zbigniew", "Evander", "Wenzeslaus", "Ignatius", "Aurelio", "Kwabena", "Tadhg", "Radomił",
          "Casimir", "Chidi", "Ruairí", "Hjalmar", "Ambrogio", "Thaddeus", "Obadiah", "Ezekiel", "Anselm", "Gwilym",
          "Fiachra", "Séamus", "Cosimo", "Eberhard", "Jaroslav", "Ólafur", "Bartholomew", "Ugo", "Desmond"],
}
RARE_LAST = ["Featherstonehaugh", "Przybyszewski", "Quarshie", "Abernethy", "Nwachukwu", "Fitzwilliam",
             "Vanderhoeven", "Okonkwo-Baptiste", "Haraldsdóttir", "Szczęsny", "Ellingboe", "Brzęczyszczykiewicz",
             "Ravenscroft", "Drăgulescu", "Tshabalala", "Kristjánsson", "Achterberg", "Ceccarelli", "Iturriaga",
             "Llewellyn", "Pfitzenmaier", "Ruusunen", "Ødegård", "Çelebi", "Nakagawa-Lund", "Zapatero-Bloom",
             "Winterbottom", "Oyelaran", "Kuźniar", "Mbatha", "Thistlewood", "Grünewald-Oyelowo", "Aðalsteinsson"]

# invented names, flavoured by locale
SYL_START = ["Al", "Bre", "Cal", "Dor", "El", "Fen", "Gar", "Hal", "Is", "Jov", "Kel", "Lor", "Mar", "Nev", "Or",
             "Pel", "Quin", "Ros", "Sav", "Tal", "Ul", "Ver", "Wyn", "Yor", "Zel", "Brin", "Cor", "Dal", "Ith", "Mor"]
SYL_MID = ["a", "e", "i", "o", "ar", "el", "in", "or", "an", "ev", "il", "u"]
F_END = ["a", "ia", "ine", "elle", "wen", "ra", "is", "ette", "ona", "ys"]
M_END = ["o", "an", "en", "us", "ric", "ik", "as", "ion", "ald", "em"]
LAST_END = {
    "en": ["brook", "ley", "worth", "ton", "field", "ham", "combe", "ridge"],
    "fr": ["ier", "eau", "ault", "ac", "onne", "erre"],
    "de": ["mann", "berger", "hardt", "ecke", "ling", "bach"],
    "es": ["ez", "ano", "ero", "eda", "uela", "aga"],
    "it": ["elli", "otti", "ucci", "ardi", "one", "ini"],
    "nl": ["ink", "stra", "huis", "ma", "enga", "ekamp"],
    "pt": ["eira", "oso", "ães", "inho", "elo", "ado"],
    "pl": ["ski", "wicz", "czyk", "ak", "owiak", "ecki"],
    "sv": ["ström", "qvist", "berg", "lund", "dahl", "gren"],
}


def invented_first(g):
    return ch(SYL_START) + ch(SYL_MID) + ch(F_END if g == "f" else M_END)


def invented_last(lang, g):
    end = ch(LAST_END[lang])
    if lang == "pl" and g == "f":
        end = {"ski": "ska", "ecki": "ecka"}.get(end, end)
    stem = ch(SYL_START) + (ch(SYL_MID) if chance(0.6) else "")
    last = stem + end
    if lang == "nl" and chance(0.4):
        last = ch(["van ", "de ", "ter ", "van der "]) + last
    return last


class Person:
    def __init__(self, first, last, g, lang):
        self.first, self.last, self.g, self.lang = first, last, g, lang

    @property
    def full(self):
        return self.first + " " + self.last


def common_last(lang, g):
    if lang == "pl":
        return ch(PL_LAST)[0 if g == "m" else 1]
    return ch(LAST[lang])


def part_last(lang, g):
    if lang == "pl":
        return ch(PL_PART)[0 if g == "m" else 1]
    return ch(PART_LAST[lang])


def person(loc=None, g=None):
    loc = loc or ch(LOCS)
    lang = nl_(loc)
    g = g or ch("fm")
    x = R.random()
    if x < 0.47:  # common
        first = ch(FIRST[lang][g])
        last = common_last(lang, g)
        if chance(0.18):
            first = ch(COMPOUND_FIRST[lang][g])
        if chance(0.18):
            last = part_last(lang, g)
    elif x < 0.76:  # rare real names
        first = ch(RARE_FIRST[g]) if chance(0.65) else ch(FIRST[lang][g])
        y = R.random()
        if y < 0.55:
            last = ch(RARE_LAST)
            if lang == "pl" and g == "f" and last.endswith("ski"):
                last = last[:-1] + "a"
        elif y < 0.85:
            last = part_last(lang, g)
        else:
            last = common_last(lang, g)
    else:  # invented
        first = invented_first(g)
        last = invented_last(lang, g)
    return Person(first, last, g, lang)


TITLES = {
    "en": {"f": ["Ms.", "Mrs.", "Ms", "Dr.", "Dr"], "m": ["Mr.", "Mr", "Dr."]},
    "fr": {"f": ["Mme", "Madame", "Mme", "Dr"], "m": ["M.", "Monsieur", "Dr"]},
    "de": {"f": ["Frau", "Frau Dr."], "m": ["Herr", "Herr Dr."]},
    "es": {"f": ["Sra.", "Dña.", "Dra."], "m": ["Sr.", "D.", "Dr."]},
    "it": {"f": ["Sig.ra", "Dott.ssa", "Signora"], "m": ["Sig.", "Dott.", "Signor"]},
    "nl": {"f": ["mevrouw", "mevr."], "m": ["meneer", "dhr."]},
    "pt": {"f": ["Sra.", "Dra.", "Sra. D."], "m": ["Sr.", "Dr.", "Eng."]},
    "pl": {"f": ["Pani"], "m": ["Pan"]},
    "sv": {"f": [""], "m": [""]},
}


def title(p):
    t = ch(TITLES[p.lang][p.g])
    return t + " " if t else ""


def P(p, form="full"):
    return E("person", {"full": p.full, "first": p.first, "last": p.last}[form])


def PW(p, form="full"):
    """a name with a title in front (the title is plain text)"""
    return [title(p), P(p, form)]


# --------------------------------------------------------------------------
# e-mail, phone, url
# --------------------------------------------------------------------------

FOLD = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "đ": "d", "ð": "d", "þ": "th",
        "Þ": "Th", "ı": "i", "œ": "oe"}


def fold(s):
    s = "".join(FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace(" ", "").replace("'", "")
    return re.sub(r"[^a-z0-9.\-]", "", s)


MAIL_DOMAINS = {
    "us": ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "protonmail.com", "comcast.net"],
    "uk": ["gmail.com", "btinternet.com", "yahoo.co.uk", "outlook.com", "sky.com", "hotmail.co.uk"],
    "fr": ["orange.fr", "free.fr", "laposte.net", "wanadoo.fr", "gmail.com", "sfr.fr"],
    "de": ["web.de", "gmx.de", "t-online.de", "posteo.de", "gmail.com", "mailbox.org"],
    "es": ["hotmail.es", "telefonica.net", "yahoo.es", "gmail.com", "outlook.es"],
    "it": ["libero.it", "tiscali.it", "virgilio.it", "gmail.com", "alice.it"],
    "nl": ["ziggo.nl", "kpnmail.nl", "hotmail.nl", "gmail.com", "xs4all.nl"],
    "pt": ["sapo.pt", "gmail.com", "hotmail.com", "netcabo.pt"],
    "pl": ["wp.pl", "onet.pl", "o2.pl", "interia.pl", "gmail.com"],
    "sv": ["telia.com", "bredband.net", "hotmail.se", "gmail.com", "spray.se"],
}

ORG_DOMAINS = {
    "us": ["cobaltridge.io", "meridianhealth.org", "evergreen-dental.com", "parcelhop.com", "larkspur-events.com",
           "bluepeak-analytics.com", "northwind-traders.com"],
    "uk": ["brightwaterlogistics.co.uk", "harbourside-foods.co.uk", "kingsgate-surgery.nhs.uk", "thornbury-lettings.co.uk",
           "oakvale-insurance.co.uk", "ashgrove.ac.uk"],
    "fr": ["atelier-lumiere.fr", "cabinet-pasteur.fr", "colis-rapide.fr", "immo-garonne.fr", "assurances-loire.fr"],
    "de": ["rheinwerk-solutions.de", "praxis-am-markt.de", "paketblitz.de", "hausverwaltung-elbe.de", "stadtwerke-nord.de"],
    "es": ["sistemas-ibericos.es", "clinica-alameda.es", "hotel-mirador.es", "envios-sol.es"],
    "it": ["vela-digitale.it", "studio-medico-dante.it", "officine-padane.it", "hotel-belvedere.it"],
    "nl": ["brightwater.nl", "pakketpunt.nl", "huurwoningen-utrecht.nl", "tandartsdekade.nl"],
    "pt": ["tecnoforma.pt", "clinica-do-carmo.pt", "envios-rapidos.pt"],
    "pl": ["polska-energia.pl", "przychodnia-zdrowie.pl", "sklep-domowy.pl"],
    "sv": ["nordvikbygg.se", "tandvardshuset.se", "bostadsbolaget.se"],
}


ROLE_LOCAL = {
    "us": ["support", "info", "billing", "hello", "bookings", "accounts", "helpdesk"],
    "uk": ["enquiries", "reception", "support", "accounts", "hello", "bookings"],
    "fr": ["contact", "facturation", "secretariat", "accueil", "service.client"],
    "de": ["kundenservice", "info", "buchhaltung", "praxis", "service"],
    "es": ["reservas", "info", "atencioncliente", "administracion", "citas"],
    "it": ["amministrazione", "info", "segreteria", "assistenza", "prenotazioni"],
    "nl": ["klantenservice", "info", "administratie", "afspraken"],
    "pt": ["geral", "apoio", "faturacao", "marcacoes"],
    "pl": ["biuro", "kontakt", "rejestracja", "reklamacje"],
    "sv": ["kundtjanst", "info", "bokning", "reception"],
}


def email(p=None, loc="us", domain=None):
    if p is None:
        local = ch(ROLE_LOCAL[loc])
        return local + "@" + (domain or ch(ORG_DOMAINS[loc]))
    f, l = fold(p.first), fold(p.last).replace("-", "")
    if not f or not l:
        f, l = "mail", "box"
    pat = R.random()
    if pat < 0.35:
        local = f + "." + l
    elif pat < 0.5:
        local = f[0] + "." + l
    elif pat < 0.62:
        local = f + l + str(ri(1, 99))
    elif pat < 0.72:
        local = f + "_" + l
    elif pat < 0.82:
        local = l + "." + f[0]
    elif pat < 0.9:
        local = f + "." + l + "+" + ch(["invoices", "jobs", "shop", "travel"])
    else:
        local = f[0] + l
    return local + "@" + (domain or ch(MAIL_DOMAINS[loc]))


def EMAIL(p=None, loc="us", domain=None):
    return E("email", email(p, loc, domain))


def phone(loc, intl=None):
    if intl is None:
        intl = chance(0.45)
    if loc == "us":
        a = ch(["212", "415", "617", "312", "503", "206", "720", "404", "512", "646", "303", "919"])
        e = ch(["555", str(ri(201, 989))])
        l_ = digits(4)
        if intl:
            return ch(["+1 {a} {e} {l}", "+1-{a}-{e}-{l}", "+1 ({a}) {e}-{l}", "+1 {a}-{e}-{l}"]).format(a=a, e=e, l=l_)
        return ch(["({a}) {e}-{l}", "{a}-{e}-{l}", "{a}.{e}.{l}", "({a}) {e}-{l}"]).format(a=a, e=e, l=l_)
    if loc == "uk":
        k = ri(0, 2)
        if k == 0:
            core = ("20", "7946 " + digits(4)) if chance(0.5) else ("20", str(ri(3, 8)) + digits(3) + " " + digits(4))
        elif k == 1:
            core = ("7" + ch(["700", "911", "400", "811", "949", "723"]), digits(6))
        else:
            core = ch([(ch(["161", "113", "117", "131", "121"]), "496 " + digits(4)), ("1632", "960" + digits(3))])
        if intl:
            return ch(["+44 {a} {b}", "+44 {a} {b}", "+44 (0){a} {b}"]).format(a=core[0], b=core[1])
        return "0{} {}".format(*core)
    if loc == "fr":
        first = ch("1234567")
        g = [digits(2) for _ in range(4)]
        if intl:
            return ch(["+33 {f} {g}", "+33 (0){f} {g}", "+33 {f} {g}"]).format(f=first, g=" ".join(g))
        sep = ch([" ", " ", ".", ""])
        return "0" + first + sep + sep.join(g)
    if loc == "de":
        if chance(0.5):
            a, sub = ch(["151", "152", "160", "170", "171", "176", "157"]), digits(ri(7, 8))
        else:
            a = ch(["30", "40", "89", "221", "69", "711", "341", "761"])
            sub = nzdigits(ri(6, 8) if len(a) == 2 else ri(6, 7))
        if intl:
            return ch(["+49 {a} {s}", "+49 (0){a} {s}", "+49 {a} {s}"]).format(a=a, s=sub)
        return ch(["0{a} {s}", "0{a}/{s}", "(0{a}) {s}", "0{a}-{s}"]).format(a=a, s=sub)
    if loc == "es":
        if chance(0.6):
            n = ch(["6", "6", "6", "71", "72", "73", "74"])
            n += digits(9 - len(n))
            body = ch(["{0} {1} {2}".format(n[:3], n[3:6], n[6:]), n])
        else:
            n = ch(["91", "93", "95", "96", "94"]) + digits(7)
            body = ch(["{0} {1} {2} {3}".format(n[:2], n[2:5], n[5:7], n[7:]), "{0} {1} {2}".format(n[:3], n[3:6], n[6:])])
        return ("+34 " + body) if intl else body
    if loc == "it":
        if chance(0.6):
            n = "3" + ch(["47", "33", "40", "28", "66", "20", "39"])
            body = ch(["{} {} {}".format(n, digits(3), digits(4)), "{} {}".format(n, digits(7))])
        else:
            a = ch(["06", "02", "011", "051", "055", "081"])
            sub = nzdigits(8 if len(a) == 2 else 7)
            body = ch(["{} {} {}".format(a, sub[:4], sub[4:]), "{} {}".format(a, sub)])
        return ("+39 " + body) if intl else body
    if loc == "nl":
        if chance(0.55):
            s = digits(8)
            if intl:
                return ch(["+31 6 {s}", "+31 (0)6 {s}", "+31 6 {a} {b}"]).format(s=s, a=s[:4], b=s[4:])
            return ch(["06-{s}", "06 {a} {b}", "06 {c}"]).format(s=s, a=s[:4], b=s[4:],
                                                                   c=" ".join(s[i:i + 2] for i in range(0, 8, 2)))
        a = ch(["20", "10", "30", "70", "50", "40"])
        s = nzdigits(7)
        if intl:
            return "+31 {} {} {}".format(a, s[:3], s[3:])
        return ch(["0{a}-{s}", "0{a} {x} {y}"]).format(a=a, s=s, x=s[:3], y=s[3:])
    if loc == "pt":
        if chance(0.6):
            body = "9" + ch("1236") + digits(1) + " " + digits(3) + " " + digits(3)
        else:
            body = ch(["21", "22", "239", "253"]) + " " + digits(3) + " " + digits(4)
        return ("+351 " + body) if intl else body
    if loc == "pl":
        if chance(0.6):
            n = ch("5678") + digits(8)
            body = ch(["{} {} {}", "{}-{}-{}", "{} {} {}"]).format(n[:3], n[3:6], n[6:])
        else:
            body = ch(["22", "12", "58", "71", "61"]) + " " + digits(3) + " " + digits(2) + " " + digits(2)
        return ("+48 " + body) if intl else body
    if loc == "sv":
        if chance(0.55):
            m = "7" + ch("0236")
            body = "{} {} {}".format(digits(3), digits(2), digits(2))
            return ("+46 {} {}".format(m, body)) if intl else "0{}-{}".format(m, body)
        if chance(0.5):
            body = "{} {} {}".format(digits(3), digits(3), digits(2))
            return ("+46 8 " + body) if intl else "08-" + body
        body = "{} {} {}".format(digits(2), digits(2), digits(2))
        return ("+46 31 " + body) if intl else "031-" + body
    raise ValueError(loc)


def PHONE(loc, intl=None):
    return E("phone", phone(loc, intl))


LOCAL_PATHS = {
    "appt": {"us": "/appointments/confirm", "uk": "/appointments/manage", "de": "/termin/absagen", "fr": "/rdv/annuler",
             "es": "/cita/cancelar", "it": "/prenotazioni/disdetta", "nl": "/afspraak/wijzigen", "sv": "/boka/avboka",
             "pt": "/consultas/remarcar", "pl": "/wizyty/odwolaj"},
    "track": {"us": "/track", "uk": "/tracking", "de": "/sendungsverfolgung", "fr": "/suivi", "es": "/seguimiento",
              "it": "/tracciamento", "nl": "/track-trace", "pt": "/rastreio", "pl": "/sledzenie", "sv": "/spara-paket"},
}
KIND_DOMAINS = {
    "appt": {"us": ["evergreen-dental.com", "meridianhealth.org"], "uk": ["kingsgate-surgery.nhs.uk", "harleyclinic.co.uk"],
             "fr": ["cabinet-pasteur.fr", "doctolib-exemple.fr"], "de": ["praxis-am-markt.de", "zahnarzt-elbe.de"],
             "es": ["clinica-alameda.es"], "it": ["studio-medico-dante.it"], "nl": ["tandartsdekade.nl"],
             "pt": ["clinica-do-carmo.pt"], "pl": ["przychodnia-zdrowie.pl"], "sv": ["tandvardshuset.se"]},
    "track": {"us": ["parcelhop.com"], "uk": ["parcelhop.co.uk", "swiftparcel.co.uk"], "fr": ["colis-rapide.fr"],
              "de": ["paketblitz.de"], "es": ["envios-sol.es"], "it": ["spedizioni-lampo.it"],
              "nl": ["pakketpunt.nl"], "pt": ["envios-rapidos.pt"], "pl": ["paczka-ekspres.pl"], "sv": ["paketkollen.se"]},
}
URL_PATHS = {
    "rsvp": ["/rsvp", "/our-day/rsvp", "/wedding/rsvp", "/invite"],
    "reset": ["/account/security/reset", "/login/recover", "/password/reset", "/security/review"],
    "event": ["/events/programme", "/conf/schedule", "/agenda", "/register/confirmation"],
    "docs": ["/wiki/runbooks/nginx-502", "/docs/vpn/troubleshooting", "/kb/article", "/confluence/display/OPS/Runbook"],
    "gift": ["/gift-list", "/registry/view", "/wishlist"],
    "news": ["/alumni/class-notes", "/newsletter/archive", "/news"],
}


def url(kind="event", loc="us", domain=None):
    dom = domain or ch(KIND_DOMAINS.get(kind, ORG_DOMAINS)[loc])
    path = LOCAL_PATHS[kind][loc] if kind in LOCAL_PATHS else ch(URL_PATHS[kind])
    q = R.random()
    if q < 0.3:
        path += "?id=" + digits(6)
    elif q < 0.45:
        path += "?token=" + alnum(12, "abcdefghjkmnpqrstuvwxyz23456789")
    elif q < 0.55:
        path += "/" + digits(5)
    elif q < 0.62:
        path += "/"
    s = R.random()
    if s < 0.5:
        return "https://" + ("www." if chance(0.3) else "") + dom + path
    if s < 0.65:
        return "http://" + dom + path
    if s < 0.9:
        return "www." + dom + path
    return "https://" + dom


def URL(kind="event", loc="us", domain=None):
    return E("url", url(kind, loc, domain))


# --------------------------------------------------------------------------
# cards, IBANs, IPs
# --------------------------------------------------------------------------

def luhn_digit(partial):
    total = 0
    for i, d in enumerate(reversed(partial)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    total = 0
    for i, d in enumerate(reversed(num)):
        n = int(d)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def card_number(brand=None):
    brand = brand or ch(["visa", "visa", "mc", "mc2", "amex", "discover"])
    if brand == "visa":
        pre, n = "4", 16
    elif brand == "mc":
        pre, n = "5" + ch("12345"), 16
    elif brand == "mc2":
        pre, n = str(ri(2221, 2720)), 16
    elif brand == "amex":
        pre, n = ch(["34", "37"]), 15
    else:
        pre, n = ch(["6011", "65", str(ri(644, 649))]), 16
    body = pre + digits(n - 1 - len(pre))
    return body + luhn_digit(body)


def fmt_card(num, style=None):
    style = style or ch(["plain", "space", "space", "hyphen"])
    if style == "plain":
        return num
    sep = " " if style == "space" else "-"
    if len(num) == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, len(num), 4))


def CARD(brand=None):
    return E("credit_card", fmt_card(card_number(brand)))


def card_digits(s):
    return re.sub(r"[ \-]", "", s)


def card_prefix_ok(d):
    if len(d) == 16 and d[0] == "4":
        return True
    if len(d) == 16 and (51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720):
        return True
    if len(d) == 15 and d[:2] in ("34", "37"):
        return True
    if len(d) == 16 and (d.startswith("6011") or d.startswith("65") or 644 <= int(d[:3]) <= 649):
        return True
    return False


IBAN_SPEC = {  # country: list of (kind, length) for the BBAN; kind d = digits, a = letters, x = alnum
    "DE": [("d", 18)], "FR": [("d", 10), ("x", 11), ("d", 2)], "GB": [("a", 4), ("d", 14)], "ES": [("d", 20)],
    "IT": [("a", 1), ("d", 10), ("x", 12)], "NL": [("a", 4), ("d", 10)], "PT": [("d", 21)], "PL": [("d", 24)],
    "SE": [("d", 20)], "BE": [("d", 12)], "AT": [("d", 16)], "CH": [("d", 5), ("x", 12)], "IE": [("a", 4), ("d", 14)],
}
BANK_CODES = {"GB": ["NWBK", "BARC", "LOYD", "MIDL"], "NL": ["ABNA", "INGB", "RABO", "TRIO", "SNSB"],
              "IE": ["AIBK", "BOFI"]}
LOC_IBAN = {"us": ["GB", "IE", "DE"], "uk": ["GB", "GB", "IE"], "fr": ["FR", "FR", "BE"], "de": ["DE", "DE", "AT", "CH"],
            "es": ["ES"], "it": ["IT"], "nl": ["NL", "NL", "BE"], "pt": ["PT"], "pl": ["PL"], "sv": ["SE"]}


def iban_value(cc):
    bban = ""
    for i, (kind, n) in enumerate(IBAN_SPEC[cc]):
        if kind == "a" and i == 0 and cc in BANK_CODES:
            bban += ch(BANK_CODES[cc])
        elif kind == "a":
            bban += letters(n)
        elif kind == "x":
            bban += "".join(ch("0123456789" * 3 + "ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))
        else:
            bban += digits(n)
    num = int("".join(str(int(c, 36)) for c in bban + cc + "00"))
    return cc + "%02d" % (98 - num % 97) + bban


def iban_ok(s):
    s = s.replace(" ", "")
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def fmt_iban(s, grouped=None):
    if grouped is None:
        grouped = chance(0.65)
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if grouped else s


def IBAN(loc=None, cc=None):
    cc = cc or ch(LOC_IBAN[loc or ch(LOCS)])
    return E("iban", fmt_iban(iban_value(cc)))


def ipv4(kind=None):
    kind = kind or ch(["private", "public", "public", "doc"])
    if kind == "private":
        return ch(["10.{}.{}.{}".format(ri(0, 255), ri(0, 255), ri(1, 254)),
                   "192.168.{}.{}".format(ri(0, 20), ri(2, 254)),
                   "172.{}.{}.{}".format(ri(16, 31), ri(0, 255), ri(1, 254))])
    if kind == "doc":
        return ch(["203.0.113.{}", "198.51.100.{}", "192.0.2.{}"]).format(ri(1, 254))
    while True:
        a = ri(11, 223)
        if a not in (127, 172, 192, 10, 100, 169):
            return "{}.{}.{}.{}".format(a, ri(0, 255), ri(0, 255), ri(1, 254))


def ipv6(kind=None):
    kind = kind or ch(["loop", "link", "link", "full", "comp", "comp", "comp"])
    if kind == "loop":
        return "::1"
    if kind == "link":
        return "fe80::" + ":".join("%x" % ri(1, 0xffff) for _ in range(ri(2, 4)))
    if kind == "full":
        return ":".join([ch(["2001", "2a02", "2a01", "2607", "2804", "2c0f"])] + ["%04x" % ri(0, 0xffff) for _ in range(7)])
    pre = ch(["2001:db8", "2a01:4f8", "2607:f8b0", "2a02:8108", "2001:67c", "2a00:1450"])
    mid = ":".join("%x" % ri(1, 0xffff) for _ in range(ri(0, 2)))
    tail = ":".join("%x" % ri(1, 0xffff) for _ in range(ri(1, 2)))
    return pre + (":" + mid if mid else "") + "::" + tail


def IP4(kind=None):
    return E("ip_address", ipv4(kind))


def IP6(kind=None):
    return E("ip_address", ipv6(kind))


# --------------------------------------------------------------------------
# addresses
# --------------------------------------------------------------------------

CITIES = {
    "us": [("Portland, OR", 97), ("Austin, TX", 78), ("Madison, WI", 53), ("Denver, CO", 80), ("Raleigh, NC", 27),
           ("Tucson, AZ", 85), ("Columbus, OH", 43), ("Savannah, GA", 31)],
    "uk": [("Leeds", "LS"), ("Bristol", "BS"), ("Manchester", "M"), ("Brighton", "BN"), ("Glasgow", "G"),
           ("Cardiff", "CF"), ("Norwich", "NR"), ("York", "YO"), ("Edinburgh", "EH")],
    "fr": [("Paris", "75"), ("Lyon", "69"), ("Marseille", "13"), ("Toulouse", "31"), ("Nantes", "44"),
           ("Bordeaux", "33"), ("Lille", "59"), ("Rennes", "35"), ("Montpellier", "34")],
    "de": [("Berlin", "10"), ("Hamburg", "20"), ("München", "80"), ("Köln", "50"), ("Leipzig", "04"),
           ("Freiburg im Breisgau", "79"), ("Dresden", "01"), ("Münster", "48")],
    "es": [("Madrid", "28"), ("Barcelona", "08"), ("Sevilla", "41"), ("Valencia", "46"), ("Bilbao", "48"),
           ("Zaragoza", "50"), ("Málaga", "29"), ("Granada", "18")],
    "it": [("Milano", "20"), ("Roma", "00"), ("Torino", "10"), ("Bologna", "40"), ("Napoli", "80"),
           ("Firenze", "50"), ("Genova", "16"), ("Verona", "37")],
    "nl": [("Amsterdam", "10"), ("Utrecht", "35"), ("Rotterdam", "30"), ("Den Haag", "25"), ("Groningen", "97"),
           ("Eindhoven", "56"), ("Haarlem", "20")],
    "pt": [("Lisboa", "1"), ("Porto", "4"), ("Braga", "47"), ("Coimbra", "30"), ("Faro", "80")],
    "pl": [("Warszawa", "0"), ("Kraków", "3"), ("Gdańsk", "80"), ("Wrocław", "5"), ("Poznań", "6"), ("Łódź", "9")],
    "sv": [("Stockholm", "1"), ("Göteborg", "4"), ("Malmö", "2"), ("Uppsala", "75"), ("Umeå", "90"), ("Lund", "22")],
}


def postcode(loc, pre):
    if loc == "us":
        return str(pre) + digits(3)
    if loc == "uk":
        return pre + str(ri(1, 20)) + " " + str(ri(1, 9)) + letters(2, "ABDEFGHJLNPQRSTUWXYZ")
    if loc in ("fr", "de", "es", "it"):
        return pre + digits(5 - len(pre))
    if loc == "nl":
        return pre + digits(2) + " " + letters(2, "ABCDEGHJKLMNPRSTVWXZ")
    if loc == "pt":
        p = pre + digits(4 - len(pre))
        return p + "-" + digits(3)
    if loc == "pl":
        p = pre + digits(2 - len(pre))
        return p + "-" + digits(3)
    if loc == "sv":
        p = pre + digits(5 - len(pre))
        return p[:3] + " " + p[3:]
    raise ValueError(loc)


US_ST = ["Maple", "Oak", "Willow Creek", "Cedar", "Lakeview", "Hawthorne", "Sycamore", "Juniper", "Riverside",
         "Magnolia", "Chestnut", "Elm", "Prospect", "Orchard Hill"]
US_SUF = ["Street", "Avenue", "Road", "Drive", "Lane", "Boulevard", "Court", "Place", "Way", "St.", "Ave.", "Dr."]
UK_ST = ["Harrow", "Church", "Station", "Victoria", "Mill", "Kingsley", "Ashgrove", "Bramble", "Thornbury",
         "Elmfield", "Pembroke", "Larkspur", "Cromwell", "Otterburn"]
UK_SUF = ["Road", "Street", "Lane", "Close", "Crescent", "Gardens", "Terrace", "Grove", "Avenue", "Mews", "Rd"]
FR_TYPE = ["rue", "rue", "avenue", "boulevard", "impasse", "place", "allée", "chemin", "quai"]
FR_NAME = ["des Lilas", "Victor Hugo", "de la République", "du Moulin", "Pasteur", "des Écoles", "Jean Jaurès",
           "de la Gare", "Saint-Exupéry", "des Tanneurs", "du Général Leclerc", "des Capucins", "de Bretagne"]
DE_BASE = ["Linden", "Garten", "Schiller", "Goethe", "Bahnhof", "Kirch", "Berg", "Mühlen", "Rosen", "Eichen",
           "Amsel", "Wiesen", "Ahorn", "Hafen"]
DE_SUF = ["straße", "straße", "str.", "weg", "allee", "gasse", "ring", "platz"]
DE_SPECIAL = ["Am Rosenhang", "An der Alster", "Friedrich-Ebert-Straße", "Im Winkel", "Unter den Eichen",
              "Karl-Marx-Allee", "Hohe Straße"]
ES_TYPE = ["Calle", "Calle", "Avenida", "Paseo", "Plaza", "C/", "Avda."]
ES_NAME = ["Mayor", "de Alcalá", "del Prado", "de la Constitución", "de Serrano", "San Bernardo", "de las Flores",
           "Real", "de Sagasta", "del Carmen", "de Goya"]
IT_TYPE = ["Via", "Via", "Viale", "Corso", "Piazza", "Vicolo"]
IT_NAME = ["Garibaldi", "Roma", "dei Mille", "Dante Alighieri", "della Repubblica", "San Francesco", "Cavour",
           "delle Rose", "Mazzini", "XX Settembre", "Vittorio Emanuele II", "dei Tigli"]
NL_BASE = ["Linden", "Kerk", "Molen", "Dorps", "Tulp", "Beuken", "Wilhelmina", "Bloem", "Hout", "Eiken"]
NL_SUF = ["straat", "laan", "weg", "plein", "kade", "singel"]
NL_SPECIAL = ["Keizersgracht", "Prinsengracht", "Herengracht", "Laan van Meerdervoort", "Oudegracht",
              "Zuid-Willemsvaart"]
PT_TYPE = ["Rua", "Rua", "Avenida", "Travessa", "Largo", "Praça", "Av."]
PT_NAME = ["Augusta", "da Liberdade", "de Santa Catarina", "do Carmo", "Dom Pedro V", "das Flores", "Almirante Reis",
           "de Cedofeita", "Garrett", "dos Clérigos", "da Boavista"]
PL_TYPE = ["ul.", "ul.", "ul.", "al.", "pl."]
PL_NAME = ["Marszałkowska", "Długa", "Piotrkowska", "Floriańska", "Jerozolimskie", "Kwiatowa", "Słoneczna",
           "Mickiewicza", "Grunwaldzka", "Wrocławska", "Ogrodowa", "Lipowa"]
SV_BASE = ["Stor", "Drottning", "Kungs", "Skol", "Kyrko", "Hamn", "Björk", "Ek", "Lind", "Sjö", "Tall", "Väster"]
SV_SUF = ["gatan", "gatan", "vägen", "stigen", "torget", "backen", "gränd"]


def street(loc):
    if loc == "us":
        s = "{} {} {}".format(ri(12, 9899), ch(US_ST), ch(US_SUF))
        return s + (" " + ch(["NW", "NE", "SE", "SW"]) if chance(0.12) else "")
    if loc == "uk":
        return "{} {} {}".format(ri(1, 240), ch(UK_ST), ch(UK_SUF))
    if loc == "fr":
        num = str(ri(1, 180)) + (ch([" bis", " ter"]) if chance(0.12) else "")
        return "{}{} {} {}".format(num, "," if chance(0.25) else "", ch(FR_TYPE), ch(FR_NAME))
    if loc == "de":
        num = str(ri(1, 140)) + (ch("abc") if chance(0.15) else "")
        name = ch(DE_SPECIAL) if chance(0.25) else ch(DE_BASE) + ch(DE_SUF)
        return "{} {}".format(name, num)
    if loc == "es":
        return "{} {}{} {}".format(ch(ES_TYPE), ch(ES_NAME), "," if chance(0.35) else "", ri(1, 220))
    if loc == "it":
        return "{} {}{} {}".format(ch(IT_TYPE), ch(IT_NAME), "," if chance(0.35) else "", ri(1, 200))
    if loc == "nl":
        name = ch(NL_SPECIAL) if chance(0.3) else ch(NL_BASE) + ch(NL_SUF)
        num = str(ri(1, 480)) + ch(["", "", "", "A", "-2", " bis", "-II"])
        return "{} {}".format(name, num)
    if loc == "pt":
        return "{} {}{} {}".format(ch(PT_TYPE), ch(PT_NAME), "," if chance(0.35) else "", ri(1, 300))
    if loc == "pl":
        num = str(ri(1, 150)) + (("/" + str(ri(1, 60))) if chance(0.4) else "")
        return "{} {} {}".format(ch(PL_TYPE), ch(PL_NAME), num)
    if loc == "sv":
        return "{}{} {}{}".format(ch(SV_BASE), ch(SV_SUF), ri(1, 90), ch(["", "", "B", " A"]))
    raise ValueError(loc)


class Addr:
    def __init__(self, loc):
        self.loc = loc
        self.street = street(loc)
        city, pre = ch(CITIES[loc])
        self.city = city
        self.pc = postcode(loc, pre)

    def st(self):
        return E("street_address", self.street)

    def cityline(self):
        """postcode + city in the local order, both unlabelled hard negatives"""
        if self.loc in ("us", "uk"):
            return [N(self.city), " ", N(self.pc)]
        return [N(self.pc), " ", N(self.city)]

    def oneline(self):
        return [self.st(), ", "] + self.cityline()

    def block(self):
        return [self.st(), "\n"] + self.cityline()


# --------------------------------------------------------------------------
# hard negatives
# --------------------------------------------------------------------------

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
           "Dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"],
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
    "pl": ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"],
    "sv": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
}


def weekday(loc):
    return ch(WEEKDAYS[nl_(loc)])


def fdate(loc, style=None):
    y, m, d = ri(2023, 2025), ri(1, 12), ri(1, 28)
    lang = nl_(loc)
    mon = MONTHS[lang][m - 1]
    opts = {
        "us": ["{mon} {d}, {y}", "{mm}/{dd}/{y}", "{y}-{mm}-{dd}", "{mon} {d}"],
        "uk": ["{d} {mon} {y}", "{dd}/{mm}/{y}", "{d}{sfx} {mon} {y}", "{y}-{mm}-{dd}"],
        "fr": ["{d} {mon} {y}", "{dd}/{mm}/{y}", "{d} {mon}"],
        "de": ["{dd}.{mm}.{y}", "{d}. {mon} {y}", "{dd}.{mm}."],
        "es": ["{d} de {mon} de {y}", "{dd}/{mm}/{y}", "{d} de {mon}"],
        "it": ["{d} {mon} {y}", "{dd}/{mm}/{y}", "{d}/{m}/{yy}"],
        "nl": ["{d} {mon} {y}", "{dd}-{mm}-{y}", "{d} {mon}"],
        "pt": ["{d} de {mon} de {y}", "{dd}/{mm}/{y}", "{dd}-{mm}-{y}"],
        "pl": ["{dd}.{mm}.{y}", "{d} {mon} {y}", "{dd}.{mm}.{y} r."],
        "sv": ["{d} {mon} {y}", "{y}-{mm}-{dd}", "{d}/{m}"],
    }[loc]
    sfx = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return ch(style and [style] or opts).format(y=y, yy=str(y)[2:], m=m, mm="%02d" % m, d=d, dd="%02d" % d,
                                                mon=mon, sfx=sfx)


def ftime(loc):
    h, mi = ri(7, 19), ch([0, 0, 15, 30, 45, 10, 20, 40, 50])
    if loc == "us":
        hh = h if h <= 12 else h - 12
        return ch(["{}:{:02d} {}", "{}:{:02d}{}"]).format(hh, mi, ch(["AM", "PM"]) if h < 12 else ch(["PM", "pm", "p.m."]))
    if loc == "uk":
        return ch(["{:02d}:{:02d}".format(h, mi), "{}.{:02d}{}".format(h if h <= 12 else h - 12, mi,
                                                                        "am" if h < 12 else "pm")])
    if loc == "fr":
        return ch(["{}h{:02d}".format(h, mi), "{}h".format(h), "{:02d}:{:02d}".format(h, mi)])
    if loc == "de":
        return ch(["{:02d}:{:02d} Uhr", "{}.{:02d} Uhr"]).format(h, mi)
    if loc == "sv":
        return "{:02d}.{:02d}".format(h, mi)
    return "{:02d}:{:02d}".format(h, mi)


def twindow(loc):
    """two times in the same local format, the first one earlier"""
    def hour(t):
        h = int(re.match(r"\d+", t).group(0))
        return h + 12 if re.search(r"p\.?m", t, re.I) and h < 12 else h
    while True:
        a, b = ftime(loc), ftime(loc)
        if hour(a) < hour(b):
            return a, b


def price(loc, lo=5, hi=2500):
    v = R.uniform(lo, hi)
    cents = ch([0, 0, 50, 99, 90, 95, 25, 49]) if v > 100 else ri(0, 99)
    i = int(v)

    def group(n, sep):
        s = str(n)
        out = []
        while len(s) > 3:
            out.insert(0, s[-3:])
            s = s[:-3]
        out.insert(0, s)
        return sep.join(out)

    if loc == "us":
        return "${}.{:02d}".format(group(i, ","), cents)
    if loc == "uk":
        return ch(["£{}.{:02d}", "£{}.{:02d}", "GBP {}.{:02d}"]).format(group(i, ","), cents)
    if loc in ("fr", "pt"):
        return "{},{:02d}{}€".format(group(i, ch([" ", "\u00a0", "\u202f"])), cents, ch([" ", "\u00a0"]))
    if loc in ("de", "es"):
        return ch(["{},{:02d} €", "{},{:02d} EUR", "{},{:02d} €"]).format(group(i, "."), cents)
    if loc in ("it", "nl"):
        return ch(["€ {},{:02d}", "€{},{:02d}", "EUR {},{:02d}"]).format(group(i, "."), cents)
    if loc == "pl":
        return ch(["{},{:02d} zł", "{},{:02d} PLN"]).format(group(i, " "), cents)
    if loc == "sv":
        return ch(["{} kr".format(group(i, " ")), "{},{:02d} kr".format(group(i, " "), cents),
                   "SEK {}".format(group(i, " "))])
    raise ValueError(loc)


def order_no():
    y = ri(2023, 2025)
    return ch(["ORD-{}-{}".format(y, digits(6)), "#{}".format(nzdigits(7)),
               "{}-{}-{}".format(digits(3), digits(7), digits(7)), "A{}".format(digits(9)),
               "WEB{}".format(digits(8)), "{}{}".format(letters(2), digits(8)), "SO-{}".format(nzdigits(6))])


def invoice_no():
    y = ri(2023, 2025)
    return ch(["INV-{}-{}".format(y, digits(5)), "FAC-{}-{}".format(y, digits(4)), "RE-{}-{}".format(y, digits(4)),
               "FV/{}/{:02d}/{}".format(y, ri(1, 12), digits(3)), "F{}{}".format(y, digits(4)),
               "{}/{}".format(y, digits(4)), "NF {}/{}".format(nzdigits(4), y)])


def tracking():
    return ch(["1Z" + alnum(6) + digits(10), "R" + letters(1) + digits(9) + "GB", "3S" + letters(4) + digits(9),
               "JJD" + digits(18), "00" + digits(18), "E" + letters(1) + digits(9) + "PT", "CX" + digits(9) + "DE",
               "LP" + digits(14)])


def booking_ref():
    return alnum(6)


def ticket_no():
    return ch(["INC" + digits(7), "SR-" + nzdigits(6), "#" + nzdigits(5), "HD-" + digits(5), "REQ" + digits(6)])


def sku():
    return ch(["SKU-{}-{}".format(digits(5), ch(["BLK", "WHT", "RED", "XL", "M", "NAT"])),
               "{}-{}/{}".format(letters(2), digits(4), ch("ABC")), "Art.-Nr. {}.{}.{}".format(digits(3), digits(3), digits(2)),
               "REF {}-{}".format(digits(4), digits(2)), "{}{}".format(alnum(3), digits(5)),
               "P/N {}-{}-{}".format(digits(3), digits(4), alnum(2))])


def version():
    a, b, c = ri(0, 14), ri(0, 30), ri(0, 40)
    return ch(["v{}.{}.{}".format(a, b, c), "{}.{}.{}".format(a, b, c), "{}.{}.{}-rc.{}".format(a, b, c, ri(1, 5)),
               "{}.{}".format(a, b), "{}.{}.{}+build.{}".format(a, b, c, digits(4)), "v{}.{}".format(a, b)])


def version4():
    return "{}.{}.{}.{}".format(ri(1, 12), ri(0, 9), ri(0, 20), ri(256, 9999))


def commit():
    return hexs(40) if chance(0.4) else hexs(ri(7, 12))


def isbn():
    if chance(0.7):
        pre = ch(["978", "978", "978", "979"])
        body = pre + (str(ri(1, 3)) if pre == "979" else digits(1)) + digits(8)
        s = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
        full = body + str((10 - s % 10) % 10)
        return "{}-{}-{}-{}-{}".format(full[:3], full[3], full[4:8], full[8:12], full[12])
    body = digits(9)
    s = sum((10 - i) * int(d) for i, d in enumerate(body))
    c = (11 - s % 11) % 11
    full = body + ("X" if c == 10 else str(c))
    return "{}-{}-{}-{}".format(full[0], full[1:4], full[4:9], full[9])


def bad_card():
    num = card_number(ch(["visa", "mc", "mc2", "discover"]))
    num = num[:-1] + str((int(num[-1]) + ri(1, 9)) % 10)
    assert not luhn_ok(num)
    return fmt_card(num)


def measure(loc="us", kind=None):
    dec = "." if loc in ("us", "uk") else ","
    kinds = {
        "weight": ["{}{}{} kg".format(ri(1, 40), dec, ri(0, 9)), "{} g".format(ri(120, 950))],
        "length": ["{} cm".format(ri(20, 220)), "{} mm".format(ri(2, 900)), "{}{}{} m".format(ri(1, 12), dec, ri(0, 9))],
        "area": ["{}{}{} m²".format(ri(8, 140), dec, ri(0, 9)), "{} m²".format(ri(8, 140))],
        "dims": ["{} x {} x {} cm".format(ri(10, 90), ri(10, 90), ri(2, 40)),
                 "{}×{}×{} mm".format(ri(100, 600), ri(100, 600), ri(20, 300))],
        "power": ["{} W".format(ch([60, 800, 1200, 2000])), "{}{}{} kW".format(ri(1, 9), dec, ri(0, 9))],
        "storage": ["{} GB".format(ch([8, 16, 32, 256, 512])), "{} TB".format(ch([1, 2, 4]))],
        "volume": ["{} ml".format(ch([250, 330, 500, 750])), "{}{}{} l".format(ri(1, 30), dec, ri(0, 9))],
    }
    if kind:
        return ch(kinds[kind])
    return ch(["{}{}{} kg".format(ri(1, 40), dec, ri(0, 9)), "{} cm".format(ri(20, 220)),
               "{} mm".format(ri(2, 900)), "{}{}{} m²".format(ri(20, 140), dec, ri(0, 9)),
               "{} ml".format(ch([250, 330, 500, 750])), "{} °C".format(ri(-5, 38)), "{} W".format(ch([60, 800, 1200, 2000])),
               "{} x {} x {} cm".format(ri(10, 90), ri(10, 90), ri(2, 40)), "{} GB".format(ch([8, 16, 32, 256, 512]))])


def year():
    return str(ri(1962, 2024))


def filename():
    return ch(["Q{}_report_final_v{}.xlsx".format(ri(1, 4), ri(2, 7)), "scan_{}.pdf".format(digits(4)),
               "IMG_{}{:02d}{:02d}_{}.jpg".format(ri(2022, 2025), ri(1, 12), ri(1, 28), digits(4)),
               "contrat_location_{}.pdf".format(ri(2023, 2025)), "Rechnung_{}.pdf".format(digits(5)),
               "backup-{}.tar.gz".format(digits(8)), "deploy.log", "nginx.conf", "budget_2025(1).ods",
               "minutes-{:02d}-{:02d}.docx".format(ri(1, 28), ri(1, 12)), "presupuesto_v{}.pdf".format(ri(2, 6))])


COMPANIES_LEGAL = ["Northwind Traders Ltd", "Globex GmbH", "Initech SARL", "Brightwater Logistics B.V.",
                   "Sistemas Ibéricos S.L.", "Officine Meccaniche Padane S.p.A.", "Tecnoforma Lda.",
                   "Polska Energia Sp. z o.o.", "Nordvik Bygg AB", "Bluepeak Analytics Inc.", "Harbourside Foods plc",
                   "Cobalt Ridge LLC", "Rheinwerk Solutions AG", "Atelier Lumière SAS", "Vela Digitale S.r.l.",
                   "Oakvale Insurance Ltd", "Stadtwerke Nord GmbH & Co. KG", "Kestrel Peak Software Oy"]
COMPANIES = ["Deutsche Bahn", "Spotify", "IKEA", "Vodafone", "Lufthansa", "Zalando", "Decathlon", "Rabobank",
             "Ryanair", "Carrefour", "Telefónica", "Allegro", "Volvo", "Fnac", "MediaMarkt", "Coolblue", "Ocado",
             "Revolut", "Lidl", "Renfe", "Trenitalia", "PostNL", "DHL Express", "Correos", "La Poste", "CTT", "InPost",
             "PostNord", "Royal Mail", "UPS"]
BRANDS = ["Nike", "Adidas", "Samsung", "Lenovo", "Dyson", "Nespresso", "Lego", "Patagonia", "Bosch", "Philips",
          "Miele", "Brompton", "Garmin", "Sonos", "Fjällräven", "Moleskine", "Le Creuset", "Bialetti"]
COUNTRIES = ["Portugal", "Germany", "France", "Spain", "Italy", "the Netherlands", "Poland", "Sweden", "Ireland",
             "Belgium", "Austria", "Canada", "Norway", "Denmark", "Japan"]
BOOKS = ["The Remains of the Day", "One Hundred Years of Solitude", "Der Zauberberg", "Le Petit Prince",
         "Il nome della rosa", "Brave New World", "De avonden", "Lalka", "Ensaio sobre a cegueira", "Solaris",
         "The Road", "Middlemarch", "La sombra del viento", "Wuthering Heights", "The Left Hand of Darkness",
         "Das Parfum", "Bonjour tristesse", "Il Gattopardo", "Kallocain"]
FILMS = ["Blade Runner", "Spirited Away", "The Grand Budapest Hotel", "La Haine", "Cinema Paradiso", "Das Boot",
         "The Seventh Seal", "Parasite", "Amores perros", "Der Himmel über Berlin", "Inception", "Arrival",
         "Paris, Texas", "Jurassic Park", "Casablanca", "Metropolis", "The Matrix", "Cidade de Deus"]
COURSES = ["Introduction to Machine Learning", "Advanced Organic Chemistry", "Corporate Finance II",
           "Analyse numérique", "Grundlagen der Elektrotechnik", "Historia del Arte Contemporáneo",
           "Data Structures and Algorithms", "Microeconomics 101", "Statistica Applicata", "Nederlandse Letterkunde",
           "Cloud Architecture on AWS", "Public Speaking for Engineers", "Programowanie w Pythonie",
           "Svensk grammatik", "Project Management Fundamentals"]
UNIVERSITIES = ["University of Leeds", "Universidade do Porto", "TU München", "Uppsala University",
                "Sorbonne Université", "Politecnico di Milano", "Universidad Complutense de Madrid",
                "Universiteit Utrecht", "Trinity College Dublin", "Uniwersytet Warszawski", "Kingston University"]
VENUES = ["The Old Granary", "Château de Lavande", "Villa Serena", "Hotel Mirador", "Kasteel De Hooge Vuursche",
          "Quinta da Aveleda", "Hacienda El Olivar", "Ashcombe Barn", "Gut Rosenhof", "Stora Salen"]
CARS = ["Volkswagen Golf", "Toyota Yaris", "Skoda Octavia", "Renault Clio", "Fiat Panda", "Volvo V60", "Seat Ibiza",
        "Peugeot 208"]
DEVICES = ["ThinkPad T14 Gen 3", "MacBook Air M2", "Dell Latitude 7440", "Pixel 8", "iPhone 15", "Galaxy S23",
           "Surface Pro 9"]
HOSTS = ["web-prod-03", "db-replica-2", "vpn-gw01", "ci-runner-7", "mail-relay", "bastion", "k8s-node-14",
         "fileserver-ams"]


COUNTRY_OF = {"us": "United States", "uk": "United Kingdom", "fr": "France", "de": "Germany", "es": "Spain",
              "it": "Italy", "nl": "Netherlands", "pt": "Portugal", "pl": "Poland", "sv": "Sweden"}


def Ns(seq):
    return N(ch(seq))


# --------------------------------------------------------------------------
# rendering and validation
# --------------------------------------------------------------------------

PH = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def flatten(v):
    if isinstance(v, list):
        out = []
        for x in v:
            out.extend(flatten(x))
        return out
    return [v]


def render(tpl, m):
    pieces, ents, negs = [], [], []
    pos, last = 0, 0

    def add(s):
        nonlocal pos
        pieces.append(s)
        pos += len(s.encode("utf-8"))

    for mo in PH.finditer(tpl):
        add(tpl[last:mo.start()])
        last = mo.end()
        for v in flatten(m[mo.group(1)]):
            if isinstance(v, tuple) and v[0] == "E":
                start = pos
                add(v[2])
                ents.append({"type": v[1], "value": v[2], "start": start, "end": pos})
            elif isinstance(v, tuple) and v[0] == "N":
                add(v[1])
                negs.append(v[1])
            else:
                add(str(v))
    add(tpl[last:])
    text = "".join(pieces)
    seen, nn = set(), []
    for x in negs:
        if x not in seen and x.strip():
            seen.add(x)
            nn.append(x)
    return text, ents, nn


EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[a-z]{2,}$")


def check_value(e):
    t, v = e["type"], e["value"]
    assert v == v.strip() and v, e
    if t == "email":
        assert EMAIL_RE.match(v), v
    elif t == "phone":
        assert v[0] in "+(0123456789" and v[-1].isdigit(), v
        assert 9 <= sum(c.isdigit() for c in v) <= 14, v
    elif t == "credit_card":
        d = card_digits(v)
        assert d.isdigit() and luhn_ok(d) and card_prefix_ok(d), v
    elif t == "iban":
        assert iban_ok(v), v
    elif t == "ip_address":
        ipaddress.ip_address(v)
    elif t == "url":
        assert v.startswith(("http://", "https://", "www.")) and v[-1] not in ".,;:!?)", v
    elif t == "person":
        assert v[0].isupper() or (v[0].islower() and (" " in v or v.startswith("d'"))), v
    elif t == "street_address":
        assert any(c.isdigit() for c in v), v
    else:
        raise AssertionError(t)


def validate(text, ents, negs):
    b = text.encode("utf-8")
    prev_end = -1
    for e in ents:
        assert b[e["start"]:e["end"]].decode("utf-8") == e["value"], e
        assert e["start"] >= prev_end, ("overlap", e)
        prev_end = e["end"]
        check_value(e)
    spans = [(e["start"], e["end"]) for e in ents]

    def covered(s, t):
        return any(a <= s and t <= z for a, z in spans)

    # every occurrence of a labelled name must be labelled (or sit inside another entity)
    for e in ents:
        if e["type"] != "person":
            continue
        for mo in re.finditer(r"(?<![\w'])" + re.escape(e["value"]) + r"(?![\w])", text):
            s = len(text[:mo.start()].encode())
            t = s + len(mo.group(0).encode())
            if not covered(s, t):
                return False
    # each negative must occur outside every entity span
    for n in negs:
        ok = False
        for mo in re.finditer(re.escape(n), text):
            s = len(text[:mo.start()].encode())
            t = s + len(n.encode())
            if not any(a < t and s < z for a, z in spans):
                ok = True
                break
        if not ok:
            return False
        d = card_digits(n)
        if d.isdigit() and 13 <= len(d) <= 19 and luhn_ok(d) and card_prefix_ok(d):
            return False
    return True


# --------------------------------------------------------------------------
# templates with entities
# --------------------------------------------------------------------------

ENT_TEMPLATES = []
NEG_TEMPLATES = []


def ent(lang):
    def deco(f):
        ENT_TEMPLATES.append((f.__name__, lang, f))
        return f
    return deco


def neg(lang):
    def deco(f):
        NEG_TEMPLATES.append((f.__name__, lang, f))
        return f
    return deco


@ent("en")
def en_forward_summarise():
    loc = ch(["uk", "us"])
    me, s, c = person(loc), person(), person(loc)
    a = Addr(loc)
    tpl = ("Hi {me},\n\nCould you summarise the thread below for me? I need the gist before {wd}'s call.\n\n"
           "---------- Forwarded message ---------\nFrom: {s_full} <{s_email}>\nDate: {d1}\n"
           "Subject: Re: venue + catering for the {city} offsite\nTo: {me_email}\n\n"
           "Hi all,\n\nQuick update: the venue is confirmed at {addr}. {c_first} will handle the catering and can be "
           "reached on {c_phone}. The deposit of {price} has to go to IBAN {iban} by {d2}; please quote reference "
           "{inv}.\n\nBest,\n{s_first}")
    return tpl, {"me": P(me, "first"), "wd": N(weekday(loc)), "s_full": P(s), "s_email": EMAIL(s, loc),
                 "d1": N(fdate(loc)), "city": N(a.city), "me_email": EMAIL(me, loc), "addr": a.oneline(),
                 "c_first": P(c, "first"), "c_phone": PHONE(loc), "price": N(price(loc)), "iban": IBAN(loc),
                 "d2": N(fdate(loc)), "inv": N(invoice_no()), "s_first": P(s, "first")}


@ent("en")
def en_whatsapp_party():
    loc = ch(["uk", "us", "uk"])
    a, b, c = person(loc), person(loc), person(loc)
    ad = Addr(loc)
    d = fdate("uk", "{dd}/{mm}/{y}")
    tpl = ("Can you tell me what time we agreed on? Chat export:\n"
           "[{d}, {t1}] {a_full}: hey are you still coming saturday?\n"
           "[{d}, {t2}] {b_full}: yes!! what's the address again\n"
           "[{d}, {t3}] {a_full}: {addr}, the buzzer says {c_last}. if you get lost call me on {phone}\n"
           "[{d}, {t4}] {b_full}: perfect, I'll bring the {brand} speaker. 8ish?\n"
           "[{d}, {t5}] {a_full}: 8 is great 🎉")
    return tpl, {"d": N(d), "t1": "18:%02d" % ri(0, 19), "t2": "18:%02d" % ri(20, 39), "t3": "18:%02d" % ri(40, 59),
                 "t4": "19:0%d" % ri(0, 4), "t5": "19:%d" % ri(10, 30), "a_full": P(a), "b_full": P(b),
                 "addr": ad.st(), "c_last": P(c, "last"), "phone": PHONE(loc), "brand": Ns(BRANDS)}


@ent("en")
def en_slack_infra():
    a, b = person(), person()
    tpl = ("#infra-alerts\n"
           "{a_first}  {t1}\n@{b_first} the staging box at {ip} is refusing connections again since the {ver} deploy "
           "(commit {hash}). Can you take a look?\n"
           "{b_first}  {t2}\non it. nginx is only bound to {ip6}, the IPv4 listener got dropped in {file}. "
           "Runbook: {url}\n"
           "{a_first}  {t3}\nthanks {b_first}! ping {c_full} if you need the {host} credentials")
    c = person()
    return tpl, {"a_first": P(a, "first"), "b_first": P(b, "first"), "c_full": P(c), "t1": "10:%02d AM" % ri(0, 30),
                 "t2": "10:%02d AM" % ri(31, 59), "t3": "11:%02d AM" % ri(0, 20), "ip": IP4(),
                 "ver": N(version()), "hash": N(commit()), "ip6": IP6(), "file": N("nginx.conf"),
                 "url": URL("docs", ch(LOCS)), "host": N(ch(HOSTS))}


@ent("en")
def en_invoice():
    loc = ch(["uk", "us", "uk"])
    cust = person(loc)
    a, a2 = Addr(loc), Addr(loc)
    co = ch(COMPANIES_LEGAL)
    tpl = ("Please check this invoice before I pay it:\n\nINVOICE {inv}\nIssued: {d1}    Due: {d2}\n\nBill to:\n"
           "{cust}\n{addr}\n\nFrom: {co}\n{addr2}\n\n"
           "{item1} ({sku1})   x{q}   {p1}\n{item2} ({sku2})   x1   {p2}\nTotal due: {tot}\n\n"
           "Pay by bank transfer to {iban} (BIC {bic}), quoting {inv}.\nQuestions? {cemail} or {cphone}.")
    return tpl, {"inv": N(invoice_no()), "d1": N(fdate(loc)), "d2": N(fdate(loc)), "cust": P(cust),
                 "addr": a.block(), "co": N(co), "addr2": a2.oneline(),
                 "item1": ch(["Garden design consultation", "Boiler service", "Website hosting (annual)",
                              "Bathroom tiling", "Piano tuning"]),
                 "sku1": N(sku()), "q": ri(1, 4), "p1": N(price(loc)), "item2": ch(["Call-out fee", "Materials",
                                                                                     "Travel", "Disposal"]),
                 "sku2": N(sku()), "p2": N(price(loc, 10, 200)), "tot": N(price(loc)), "iban": IBAN(loc),
                 "bic": N(ch(["NWBKGB2L", "BARCGB22", "DEUTDEFF", "AIBKIE2D"])), "cemail": EMAIL(None, loc),
                 "cphone": PHONE(loc)}


@ent("en")
def en_receipt_card():
    loc = ch(["us", "uk"])
    p = person(loc)
    tpl = ("{brand} {city} #{store}\n{d} {t}\n\n{item}  {sku}  {pr}\nTax  {tax}\nTOTAL  {tot}\n\n"
           "{cb} {card}\nAUTH {auth}   APPROVED\nCardholder: {name}\n\nThank you for shopping with us! Returns within 30 "
           "days with receipt. Ref {ord}")
    bi = ch([("Nike", "Running shoes"), ("Dyson", "Cordless vacuum"), ("Nespresso", "Espresso machine"),
             ("Patagonia", "Rain jacket"), ("Garmin", "Smartwatch"), ("Lego", "Technic set"), ("Sonos", "Speaker")])
    return tpl, {"brand": N(bi[0]), "city": N(Addr(loc).city), "store": ri(100, 999), "d": N(fdate(loc)),
                 "t": N(ftime(loc)), "item": bi[1],
                 "sku": N(sku()), "pr": N(price(loc, 40, 600)), "tax": N(price(loc, 3, 60)), "tot": N(price(loc, 50, 700)),
                 "cb": ch(["VISA", "MASTERCARD", "AMEX", "CARD"]), "card": CARD(), "auth": alnum(6),
                 "name": P(p), "ord": N(order_no())}


@ent("en")
def en_cv():
    loc = ch(["uk", "us", "uk"])
    p, ref = person(loc), person()
    a = Addr(loc)
    slug = fold(p.first) + "-" + fold(p.last).replace(" ", "") + "-" + alnum(4, "0123456789abcdef")
    y1 = ri(2012, 2020)
    tpl = ("Can you tighten up the wording of my CV?\n\n{name}\n{addr}\n{phone} · {email} · {li}\n\nPROFILE\n"
           "Data engineer with {n} years of experience building batch and streaming pipelines.\n\nEXPERIENCE\n"
           "{co} — Senior Data Engineer ({y1}–present)\n • Migrated 40 pipelines to Spark {ver}, cutting costs by 30%\n"
           " • Led the move from {co2} to an in-house warehouse\n\nEDUCATION\nMSc, {course}, {uni} ({y0})\n\n"
           "REFERENCES\n{ref}, Head of Analytics at {co3} — {ref_email}")
    return tpl, {"name": P(p), "addr": a.oneline(), "phone": PHONE(loc), "email": EMAIL(p, loc),
                 "li": E("url", "https://www.linkedin.com/in/" + slug), "n": ri(4, 15), "co": Ns(COMPANIES_LEGAL),
                 "y1": N(str(y1)), "ver": N(version()), "co2": Ns(COMPANIES), "course": Ns(COURSES),
                 "uni": Ns(UNIVERSITIES), "y0": N(str(y1 - ri(1, 4))), "ref": P(ref), "co3": Ns(COMPANIES_LEGAL),
                 "ref_email": EMAIL(ref, ch(LOCS), ch(ORG_DOMAINS["us"] + ORG_DOMAINS["uk"]))}


@ent("en")
def en_cover_letter():
    loc = ch(["uk", "us"])
    p, hm, coll = person(loc), person(loc), person()
    tpl = ("Dear {hm},\n\nI am writing to apply for the Operations Coordinator position (ref. {ref}) advertised on "
           "{d}. For the past {n} years I have worked at {co} in {city}, where I worked closely with {coll} on the "
           "relocation of our warehouse to {city2}.\n\nI would welcome the chance to discuss my application. You can reach "
           "me on {phone} or at {email}.\n\nKind regards,\n{name}")
    return tpl, {"hm": PW(hm, "last"), "ref": N("OC-" + digits(4)), "d": N(fdate(loc)), "n": ri(2, 9),
                 "co": Ns(COMPANIES_LEGAL), "city": N(Addr(loc).city), "coll": P(coll), "city2": N(Addr(loc).city),
                 "phone": PHONE(loc), "email": EMAIL(p, loc), "name": P(p)}


@ent("en")
def en_tenancy():
    loc = "uk"
    ll, t = person(loc), person()
    a, la = Addr(loc), Addr(loc)
    tpl = ("Is there anything unusual in this tenancy agreement?\n\nASSURED SHORTHOLD TENANCY AGREEMENT\n"
           "This agreement is made on {d} between {ll} (\"the Landlord\") of {laddr}, and {tn} (\"the Tenant\").\n"
           "1. Property: {addr}\n2. Term: 12 months from {d2}.\n3. Rent: {rent} per calendar month, payable on the 1st "
           "by standing order to {iban}.\n4. Deposit: {dep}, protected with the Deposit Protection Service "
           "(certificate {cert}).\n5. The Landlord's agent, {agent}, can be contacted on {phone}.")
    ag = person(loc)
    return tpl, {"d": N(fdate(loc)), "ll": P(ll), "laddr": la.oneline(), "tn": P(t), "addr": a.oneline(),
                 "d2": N(fdate(loc)), "rent": N(price(loc, 700, 2400)), "iban": IBAN(loc), "dep": N(price(loc, 800, 3000)),
                 "cert": N("DPS" + digits(8)), "agent": P(ag), "phone": PHONE(loc)}


@ent("en")
def en_medical_reminder():
    loc = ch(["uk", "us"])
    p, doc = person(loc), person()
    a = Addr(loc)
    tpl = ("Appointment reminder\n\nDear {pt},\n\nThis is a reminder of your appointment with Dr {doc} at "
           "{clinic} on {wd} {d} at {t}.\nAddress: {addr}\n\nIf you cannot attend, please call {phone} at least 24 "
           "hours in advance or reply to {email}. Please arrive 10 minutes early.\nAppointment ID: {apt}")
    return tpl, {"pt": PW(p, ch(["last", "full"])), "doc": P(doc, "last"),
                 "clinic": N(ch(["Kingsgate Surgery", "Riverside Medical Centre", "Evergreen Dental", "Meridian Health"])),
                 "wd": N(weekday(loc)), "d": N(fdate(loc)), "t": N(ftime(loc)), "addr": a.oneline(),
                 "phone": PHONE(loc), "email": EMAIL(None, loc, ch(KIND_DOMAINS["appt"][loc])), "apt": N("APT-" + digits(6))}


@ent("en")
def en_conference_reg():
    loc = ch(["uk", "us"])
    p = person()
    conf = ch(["DataOps Europe", "RustConf", "FinTech Forum", "Open Source Summit", "PyData"])
    y = ri(2024, 2025)
    tpl = ("Registration confirmed: {conf} {y}\n\nHello {first},\n\nThanks for registering for {conf} {y} in "
           "{city}.\n\nAttendee: {full}\nOrganisation: {org}\nBadge name: {badge}\nTicket: Early Bird — {pr} "
           "(order {ord})\n\nYour workshop \"{course}\" starts at {t} in Room {room}. The full schedule is at {url}.\n"
           "Questions? Write to {email}.")
    return tpl, {"conf": N(conf), "y": N(str(y)), "first": P(p, "first"), "city": N(Addr(ch(LOCS)).city),
                 "full": P(p), "org": Ns(COMPANIES_LEGAL), "badge": P(p, "first"), "pr": N(price(loc, 200, 900)),
                 "ord": N(order_no()), "course": Ns(COURSES), "t": N(ftime(loc)), "room": N(ch(["B12", "4.03", "A1.02", "Auditorium 2"])),
                 "url": URL("event", loc), "email": EMAIL(None, loc)}


@ent("en")
def en_complaint():
    loc = ch(["uk", "us"])
    p, agent = person(loc), person(loc)
    a = Addr(loc)
    tpl = ("Can you make this complaint sound firmer?\n\nTo whom it may concern,\n\nI am writing about order {ord}, "
           "placed on {d}. The {brand} {item} ({sku}) arrived damaged, and I was charged twice ({pr} each) on my card "
           "{card}.\nI have called your helpline three times and spoke to an agent called {agent}, who promised a "
           "callback that never came.\nPlease refund the duplicate charge. My phone number is {phone} and my delivery "
           "address is {addr}.\n\n{name}")
    return tpl, {"ord": N(order_no()), "d": N(fdate(loc)), "brand": Ns(BRANDS), "item": ch(["air purifier", "kettle",
                                                                                         "headphones", "tent"]),
                 "sku": N(sku()), "pr": N(price(loc, 30, 400)), "card": CARD(), "agent": P(agent, "first"),
                 "phone": PHONE(loc), "addr": a.oneline(), "name": P(p)}


@ent("en")
def en_delivery():
    loc = ch(["uk", "us", "uk"])
    p, dr = person(loc), person(loc)
    a = Addr(loc)
    tw = twindow(loc)
    tpl = ("Your parcel is on its way!\n\nHi {first}, your {brand} order {ord} will be delivered {wd} between {t1} and "
           "{t2}.\nTracking number: {trk}\nDelivery address: {addr}\nYour driver today is {driver}. Not home? Change your "
           "delivery at {url}.\nParcel size: {m}")
    return tpl, {"first": P(p, "first"), "brand": Ns(BRANDS), "ord": N(order_no()), "wd": N(weekday(loc)),
                 "t1": N(tw[0]), "t2": N(tw[1]), "trk": N(tracking()), "addr": a.oneline(),
                 "driver": P(dr, "first"), "url": URL("track", loc), "m": N(measure(loc, "dims"))}


@ent("en")
def en_police_report():
    loc = "uk"
    rp, w, off = person(loc, "f"), person(loc), person(loc)
    a, wa = Addr(loc), Addr(loc)
    tpl = ("Please turn these notes into a short summary for my insurer.\n\nINCIDENT REPORT — Ref {ref}\n"
           "Date/time of incident: {d}, approx. {t}\nLocation: outside {addr}\nReporting person: {rp}, tel. {rphone}, "
           "email {remail}\nWitness: {w} (neighbour, lives at {waddr})\nSummary: {rpf} states that on returning home "
           "she found the rear window of her {car} smashed and a laptop bag missing. Estimated value {pr}. {wf} heard "
           "glass breaking shortly after {t2}.\nOfficer: PC {off}, collar no. {collar}")
    return tpl, {"ref": N(digits(2) + "/" + digits(5) + "/" + str(ri(23, 25))), "d": N(fdate(loc)), "t": N(ftime(loc)),
                 "addr": a.oneline(), "rp": P(rp), "rphone": PHONE(loc), "remail": EMAIL(rp, loc), "w": P(w),
                 "waddr": wa.st(), "rpf": P(rp, "first"), "car": Ns(CARS), "pr": N(price(loc, 300, 2000)),
                 "wf": P(w, "first"), "t2": N(ftime(loc)), "off": P(off, "last"), "collar": N(str(ri(1000, 9999)))}


@ent("en")
def en_insurance_claim():
    loc = ch(["uk", "us"])
    p, nb = person(loc), person(loc)
    a = Addr(loc)
    bi = ch([("Samsung", "television"), ("Miele", "washing machine"), ("Sonos", "sound system"),
             ("Philips", "television"), ("Bosch", "dishwasher"), ("Dyson", "air purifier")])
    tpl = ("Claim form – Home contents\nPolicy number: {pol}\nPolicyholder: {ph}\nAddress: {addr}\nDate of loss: {d}\n"
           "Description: Water leak from the flat above (occupied by {nb}) damaged a {brand} {item} bought in {y} "
           "for {pr}, plus flooring ({m}).\nBank details for settlement: {iban}\nContact: {phone} / {email}")
    return tpl, {"pol": N("HC-" + digits(8)), "ph": PW(p), "addr": a.oneline(), "d": N(fdate(loc)), "nb": P(nb),
                 "brand": N(bi[0]), "item": bi[1],
                 "y": N(year()), "pr": N(price(loc, 300, 3000)), "m": N(measure(loc, "area")), "iban": IBAN(loc),
                 "phone": PHONE(loc), "email": EMAIL(p, loc)}


@ent("en")
def en_wedding():
    loc = ch(["uk", "us", "uk"])
    a, b, r = person(loc, "f"), person(), person(loc)
    ad = Addr(loc)
    wd = weekday("uk")
    tpl = ("Could you check the grammar on our invitation?\n\nTogether with their families\n{a} & {b}\n"
           "request the pleasure of your company at their wedding\non {wd}, {d} at {t}\n{venue}\n{addr}\n\n"
           "RSVP by {d2} to {r} on {phone} or at {url}.\nGift list: {url2}")
    return tpl, {"a": P(a), "b": P(b), "wd": N(wd), "d": N(fdate("uk", "{d}{sfx} {mon} {y}")), "t": N(ftime("uk")),
                 "venue": Ns(VENUES), "addr": ad.oneline(), "d2": N(fdate(loc)), "r": P(r, "first"),
                 "phone": PHONE(loc), "url": URL("rsvp", loc, ch(["ourbigday.co.uk", "withjoy.com", "zola.com"])),
                 "url2": URL("gift", loc, ch(["prezola.com", "johnlewisgiftlist.com", "amazon.co.uk"]))}


@ent("en")
def en_alumni_newsletter():
    loc = ch(["uk", "us"])
    a, b, c, d, ed = person(), person(), person(), person(None, "f"), person(loc)
    uni, dom = ch([("University of Leeds", "alumni.leeds-exemplar.ac.uk"), ("Uppsala University", "alumni-uppsala.se"),
                   ("Universiteit Utrecht", "alumni-utrecht.nl"), ("Trinity College Dublin", "tcd-alumni.ie"),
                   ("Kingston University", "kingston-alumni.org"), ("Politecnico di Milano", "alumni-polimi.it")])
    tpl = ("Summarise the class notes from our alumni newsletter:\n\n{uni} Alumni Newsletter — {season} {y}\n"
           "CLASS NOTES\n• {a} ({ya}) has joined {co} as CFO in {city}.\n• Congratulations to {b} ({yb}) and {c} on "
           "the birth of their daughter, {baby}, in {mon}.\n• {d} ({yd}) published her first novel, \"{book}\".\n"
           "To submit a note, contact {ed} at {email} or visit {url}")
    return tpl, {"uni": N(uni), "season": ch(["Spring", "Autumn", "Winter"]), "y": N(str(ri(2023, 2025))), "a": P(a),
                 "ya": N("Class of " + str(ri(1985, 2015))), "co": Ns(COMPANIES_LEGAL), "city": N(Addr(ch(LOCS)).city),
                 "b": P(b), "yb": N(str(ri(1990, 2015))), "c": P(c), "baby": P(person(), "first"),
                 "mon": N(ch(MONTHS["en"])), "d": P(d), "yd": N("'" + "%02d" % ri(0, 18)), "book": N(ch(["Salt and Ember", "The Lantern Year", "Quiet Harbours",
                                                                     "A Map of Small Rooms"])),
                 "ed": P(ed), "email": E("email", ch(["alumni", "classnotes", "alumni.office"]) + "@" + dom),
                 "url": URL("news", loc, dom)}


@ent("en")
def en_tax_details():
    loc = "uk"
    p = person(loc)
    a, a2 = Addr(loc), Addr(loc)
    y = ri(2022, 2024)
    tpl = ("Notes for my accountant – Self Assessment {y}-{yy}\nName: {name}\nHome address: {addr}\nDaytime phone: "
           "{phone}\nEmail: {email}\nEmployer: {co}\nRefund to (IBAN): {iban}\nRental income from {addr2}: {pr} for "
           "the year ended 5 April {y2}. Receipts are in {file}.")
    return tpl, {"y": N(str(y)), "yy": str(y + 1)[2:], "name": P(p), "addr": a.oneline(), "phone": PHONE(loc),
                 "email": EMAIL(p, loc), "co": Ns(COMPANIES_LEGAL), "iban": IBAN(loc), "addr2": a2.st(),
                 "pr": N(price(loc, 4000, 20000)), "y2": N(str(y + 1)), "file": N(filename())}


@ent("en")
def en_it_ticket_vpn():
    loc = ch(["us", "uk"])
    p = person()
    tpl = ("Ticket {tkt} — Priority P2\nReporter: {name} <{email}>\nSummary: VPN drops every ~10 minutes after "
           "upgrading the client to {ver}\n\nLogs:\n{ts1} INFO  tunnel up local={ip1} remote={ip2}:443\n"
           "{ts2} WARN  DPD timeout peer={ip2b}\n{ts3} INFO  ipv6 fallback via {ip6}\n{ts4} ERROR tunnel down (code "
           "{code})\n\nLaptop: {dev}, serial {serial}\nClient build: {hash}")
    pub = ipv4("public")
    base = "2024-%02d-%02dT09:" % (ri(1, 12), ri(1, 28))
    return tpl, {"tkt": N(ticket_no()), "name": P(p), "email": EMAIL(p, loc, ch(ORG_DOMAINS[loc])),
                 "ver": N(version()), "ts1": N(base + "12:03Z"), "ts2": N(base + "21:47Z"), "ts3": N(base + "21:48Z"),
                 "ts4": N(base + "22:05Z"), "ip1": IP4("private"), "ip2": E("ip_address", pub),
                 "ip2b": E("ip_address", pub), "ip6": IP6(), "code": N(str(ri(800, 820))), "dev": Ns(DEVICES),
                 "serial": N(alnum(10)), "hash": N(commit())}


@ent("en")
def en_ssh_log():
    host = ch(HOSTS)
    mon = ch(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    day = ri(1, 28)

    def ts():
        return "{} {:2d} {:02d}:{:02d}:{:02d}".format(mon, day, ri(0, 23), ri(0, 59), ri(0, 59))

    tpl = ("Does this look like an attack? From /var/log/auth.log on {host}:\n\n"
           "{ts1} {host} sshd[{p1}]: Failed password for invalid user admin from {ip1} port {po1} ssh2\n"
           "{ts2} {host} sshd[{p2}]: Failed password for root from {ip2} port {po2} ssh2\n"
           "{ts3} {host} sshd[{p3}]: Accepted publickey for deploy from {ip3} port {po3} ssh2: ED25519 SHA256:{fp}\n"
           "{ts4} {host} sshd[{p4}]: Connection closed by {ip6} port {po4} [preauth]\n\nWe're on OpenSSH {ver}.")
    return tpl, {"host": N(host), "ts1": N(ts()), "ts2": N(ts()), "ts3": N(ts()), "ts4": N(ts()),
                 "p1": nzdigits(5), "p2": nzdigits(4), "p3": nzdigits(5), "p4": nzdigits(5), "ip1": IP4("public"),
                 "ip2": IP4(), "ip3": IP4("private"), "ip6": IP6(ch(["full", "comp", "link"])),
                 "po1": N(str(ri(30000, 65000))), "po2": N(str(ri(30000, 65000))), "po3": N(str(ri(30000, 65000))),
                 "po4": N(str(ri(30000, 65000))), "fp": alnum(43, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
                 "ver": N(ch(["9.6p1", "8.9p1", "9.2p1"]))}


@ent("en")
def en_localhost_ticket():
    loc = ch(["uk", "us"])
    p, agent = person(loc, "f"), person(loc)
    tpl = ("IT ticket {tkt} from {name} <{email}>:\n\"Since {wd} the internal dashboard only loads on my desktop. On the "
           "laptop nginx logs:\n{ts} [error] {pid}#0: connect() failed (111: Connection refused) while connecting to "
           "upstream [{lo6}]:8080, client: {client}\ncurl to {lo4} works fine. The Wi-Fi adapter shows {ll} and "
           "gets {lan} from DHCP; the desktop is {lan2}. Laptop is a {dev} on build {ver}.\"\n\n"
           "Assigned to {agent}. Linked problem record {prb}.")
    return tpl, {"tkt": N(ticket_no()), "name": P(p), "email": EMAIL(p, loc, ch(ORG_DOMAINS[loc])),
                 "wd": N(weekday(loc)), "ts": N("2024/%02d/%02d %02d:%02d:%02d" % (ri(1, 12), ri(1, 28), ri(0, 23),
                                                                                 ri(0, 59), ri(0, 59))),
                 "pid": nzdigits(4), "lo6": E("ip_address", "::1"), "client": IP4("private"),
                 "lo4": E("ip_address", "127.0.0.1"), "ll": IP6("link"), "lan": IP4("private"), "lan2": IP4("private"),
                 "dev": Ns(DEVICES), "ver": N(version()), "agent": P(agent, "first"), "prb": N("PRB" + digits(7))}


@ent("en")
def en_email_thread():
    loc = ch(["us", "uk"])
    a, b, c, h = person(), person(), person(), person()
    ad = Addr(loc)
    dom = ch(ORG_DOMAINS[loc])
    tpl = ("Please summarise this thread in three bullet points.\n\nFrom: {a} <{ae}>\nSent: {wd}, {d} {t}\nTo: {b} "
           "<{be}>; {c} <{ce}>\nSubject: Q3 offsite logistics\n\n{bf}, {cf} — I've booked {venue} for the {mon} "
           "offsite. Coaches leave from our office at {addr} at {t2}. {cf2}, can you send the final headcount to the "
           "hotel contact ({h}, {hp}) by Friday? Budget is capped at {pr}.\n\nThanks,\n{af}")
    return tpl, {"a": P(a), "ae": EMAIL(a, loc, dom), "wd": N(weekday(loc)), "d": N(fdate(loc)), "t": N(ftime(loc)),
                 "b": P(b), "be": EMAIL(b, loc, dom), "c": P(c), "ce": EMAIL(c, loc, dom), "bf": P(b, "first"),
                 "cf": P(c, "first"), "cf2": P(c, "first"), "venue": Ns(VENUES), "mon": N(ch(MONTHS["en"])),
                 "addr": ad.st(), "t2": N(ftime(loc)), "h": P(h), "hp": PHONE(ch(LOCS)), "pr": N(price(loc, 5000, 20000)),
                 "af": P(a, "first")}


@ent("en")
def en_sms_babysitter():
    loc = ch(["us", "uk"])
    s, m, pa = person(loc, "f"), person(loc, "f"), person(loc)
    a = Addr(loc)
    tpl = ("Hi {s}! It's {m} (the twins' mum). Tonight we're at {rest} until about {t}. Our address is {addr}, the gate "
           "code is {code}. Emergency numbers: me {p1}, {pa} {p2}. Bedtime 7:30, pizza money is on the counter 🙂")
    return tpl, {"s": P(s, "first"), "m": P(m, "first"), "rest": N(ch(["The Ivy", "Olive Garden", "Dishoom",
                                                                     "The Cheesecake Factory", "Zizzi"])),
                 "t": N(ftime(loc)), "addr": a.st(), "code": N(digits(4) + "#"), "p1": PHONE(loc, False),
                 "pa": P(pa, "first"), "p2": PHONE(loc)}


@ent("en")
def en_deposit_chat():
    loc = ch(LOCS)
    p, t = person(loc), person()
    tpl = ("{t}, just a reminder that the deposit for the flat ({pr}) should go to:\nAccount holder: {name}\nIBAN: "
           "{iban}\nReference: {ref}\nLet me know once it's sent! My new number is {phone}.")
    return tpl, {"t": ["Hi ", P(t, "first")], "pr": N(price(loc if loc != "us" else "uk", 500, 2500)), "name": P(p),
                 "iban": IBAN(loc), "ref": N("FLAT-" + alnum(4)), "phone": PHONE(loc)}


@ent("en")
def en_security_alert():
    loc = ch(LOCS)
    p = person()
    tpl = ("Got this e-mail, is it phishing?\n\nSecurity alert for {email}\nWe noticed a new sign-in to your {brand} "
           "account.\nDevice: {dev}\nLocation: {city}, {country}\nIP address: {ip}\nTime: {d} {t} UTC\nIf this was you, "
           "you don't need to do anything. Otherwise secure your account at {url}")
    return tpl, {"email": EMAIL(p, loc), "brand": Ns(["Spotify", "Revolut", "Zalando", "Allegro", "Coolblue"]),
                 "dev": Ns(DEVICES), "city": N(Addr(loc).city), "country": N(COUNTRY_OF[loc]),
                 "ip": ch([IP4("public"), IP6(ch(["full", "comp"]))]), "d": N(fdate("uk", "{y}-{mm}-{dd}")),
                 "t": N("%02d:%02d" % (ri(0, 23), ri(0, 59))), "url": URL("reset", loc)}


@ent("en")
def en_meeting_notes():
    a, b, c, d = person(), person(), person(), person()
    tpl = ("Notes — Project {code} weekly sync, {date}\nAttendees: {a}, {b}, {cf} (notes), {d}\n"
           "- {af} to chase {co} about the {ver} licence renewal ({pr}).\n- {bf}'s team will migrate DNS; the new load "
           "balancer is at {ip} (internal {ip2}).\n- {d_last} raised the {file} issue again.\n- Next sync {wd} {t}.")
    return tpl, {"code": N(ch(["Bluefin", "Copperline", "Northstar", "Kestrel", "Tiramisu"])),
                 "date": N(fdate("uk")), "a": P(a), "b": P(b), "cf": P(c, "first"), "d": P(d), "af": P(a, "first"),
                 "co": Ns(COMPANIES_LEGAL), "ver": N(version()), "pr": N(price("uk", 1000, 9000)),
                 "bf": P(b, "first"), "ip": IP4("public"), "ip2": IP4("private"), "d_last": P(d, "last"),
                 "file": N(filename()), "wd": N(weekday("uk")), "t": N(ftime("uk"))}


@ent("en")
def en_card_update():
    loc = ch(["us", "uk"])
    p = person(loc)
    a = Addr(loc)
    tpl = ("Hello,\n\nPlease update the card on file for account {acct}. New card: {card}, expiry {exp}. Name on "
           "card: {name}. Billing address: {addr}.\nThe old card ending {last4} can be removed.\n\nThanks,\n{first}")
    return tpl, {"acct": N("AC-" + digits(7)), "card": CARD(), "exp": N("%02d/%d" % (ri(1, 12), ri(26, 30))),
                 "name": P(p), "addr": a.oneline(), "last4": N(digits(4)), "first": P(p, "first")}


@ent("en")
def en_hotel_form():
    loc = ch(LOCS)
    g1, g2 = person(loc), person()
    a = Addr(loc)
    tpl = ("Can you fill the booking form for me with this?\n\nGuest 1: {g1}\nGuest 2: {g2}\nArrival: {d1}  "
           "Departure: {d2}\nRoom: Superior double, {pr} per night\nHome address: {addr}\nMobile: {phone}\n"
           "E-mail: {email}\nCard to guarantee the booking: {card} (exp {exp})\nBooking reference: {ref}")
    return tpl, {"g1": PW(g1), "g2": P(g2), "d1": N(fdate("uk", "{dd}/{mm}/{y}")), "d2": N(fdate("uk", "{dd}/{mm}/{y}")),
                 "pr": N(price(loc if loc != "us" else "uk", 80, 350)), "addr": a.oneline(), "phone": PHONE(loc, True),
                 "email": EMAIL(g1, loc), "card": CARD(), "exp": N("%02d/%d" % (ri(1, 12), ri(26, 30))),
                 "ref": N(booking_ref())}


@ent("en")
def en_reference_letter():
    loc = ch(["uk", "us"])
    p, m = person(), person(loc)
    tpl = ("Can you proofread this reference?\n\nTo whom it may concern,\n\nI have known {name} since {y}, when "
           "{first} joined the support team at {co} as a trainee. {first2}'s handling of the {ver} migration was outstanding. "
           "I recommend {first3} without reservation.\n\nFeel free to contact me on {phone}.\n\n{m}\nHead of Support, "
           "{co2}")
    return tpl, {"name": P(p), "y": N(year()), "first": P(p, "first"), "co": Ns(COMPANIES_LEGAL),
                 "first2": P(p, "first"), "ver": N(version()), "first3": P(p, "first"), "phone": PHONE(loc), "m": P(m),
                 "co2": Ns(COMPANIES)}


@ent("en")
def en_school_trip():
    loc = ch(["uk", "us"])
    kid, par = person(loc), person(loc)
    tpl = ("Reply slip – Year 8 trip to the {museum}, {d}\nStudent name: {kid}\nParent/guardian: {par}\n"
           "Emergency contact number: {phone}\nMedical notes: mild hay fever\nPayment of {pr} made online, receipt "
           "{rcpt}. Coach departs {t}.")
    return tpl, {"museum": N(ch(["Science Museum", "Natural History Museum", "Eden Project", "Museum of London"])),
                 "d": N(fdate(loc)), "kid": P(kid), "par": PW(par), "phone": PHONE(loc), "pr": N(price(loc, 10, 60)),
                 "rcpt": N(order_no()), "t": N(ftime(loc))}


@ent("en")
def en_newsletter_signup_mixed():
    loc = ch(LOCS)
    p = person(loc)
    tpl = ("New signups today ({d}):\n1. {e1} — via {url}\n2. {e2} — referred by {ref}\n3. {e3}\n"
           "Total subscribers: {n}. Export saved as {file}.")
    return tpl, {"d": N(fdate("uk", "{y}-{mm}-{dd}")), "e1": EMAIL(person(), ch(LOCS)), "url": URL("news", loc),
                 "e2": EMAIL(person(), ch(LOCS)), "ref": P(p), "e3": EMAIL(person(), ch(LOCS)),
                 "n": N("{:,}".format(ri(1200, 90000))), "file": N(filename())}


# ---- French -------------------------------------------------------------------

@ent("fr")
def fr_rdv_medical():
    p, doc = person("fr"), person("fr")
    a = Addr("fr")
    tpl = ("Bonjour {pt},\n\nNous vous confirmons votre rendez-vous avec le Dr {doc} le {wd} {d} à {t}, au cabinet "
           "situé {addr}.\nMerci de vous munir de votre carte Vitale et de votre ordonnance. En cas d'empêchement, "
           "appelez le {phone} ou écrivez à {email}.\n\nCordialement,\nLe secrétariat médical")
    return tpl, {"pt": PW(p, "last"), "doc": P(doc, "last"), "wd": N(weekday("fr")), "d": N(fdate("fr", "{d} {mon} {y}")),
                 "t": N(ftime("fr")), "addr": a.oneline(), "phone": PHONE("fr"),
                 "email": EMAIL(None, "fr", ch(KIND_DOMAINS["appt"]["fr"]))}


@ent("fr")
def fr_facture():
    p = person("fr")
    a = Addr("fr")
    tpl = ("Peux-tu vérifier cette facture ?\n\nFACTURE N° {inv}\nDate : {d}\nClient : {name}\nAdresse : {addr}\n\n"
           "Désignation : {item} — réf. {sku} — {pr}\nTVA 20 % : {tva}\n\nRèglement par virement : IBAN {iban}\n"
           "{co} — {phone} — {email}")
    return tpl, {"inv": N(invoice_no()), "d": N(fdate("fr")), "name": PW(p), "addr": a.oneline(),
                 "item": ch(["Remplacement chauffe-eau", "Révision chaudière", "Pose de parquet", "Cours de piano (10 h)"]),
                 "sku": N(sku()), "pr": N(price("fr", 80, 2500)), "tva": N(price("fr", 10, 400)), "iban": IBAN("fr"),
                 "co": N(ch(["Atelier Lumière SAS", "Initech SARL", "Plomberie Garonne"])), "phone": PHONE("fr"),
                 "email": EMAIL(None, "fr")}


@ent("fr")
def fr_coloc_chat():
    a, b = person("fr"), person("fr")
    ad = Addr("fr")
    tpl = ("Salut {b} ! Pour la coloc, l'adresse c'est {addr}, 3e étage, porte gauche. Le proprio s'appelle {ll}, "
           "son numéro : {phone}. Le loyer ({pr}) part le 5 sur le compte {iban}. Bisous, {a}")
    ll = person("fr")
    return tpl, {"b": P(b, "first"), "addr": ad.oneline(), "ll": PW(ll, ch(["last", "full"])), "phone": PHONE("fr"),
                 "pr": N(price("fr", 400, 900)), "iban": IBAN("fr"), "a": P(a, "first")}


@ent("fr")
def fr_candidature():
    p, rh = person("fr"), person("fr")
    a = Addr("fr")
    tpl = ("{rh},\n\nSuite à votre annonce parue le {d} (réf. {ref}), je me permets de vous adresser ma candidature au "
           "poste de chargé de communication. Diplômé du master {course} en {y}, j'ai travaillé trois ans chez {co}.\n"
           "Je reste joignable au {phone} ou par courriel à {email}.\n\n{name}\n{addr}\nPortfolio : {url}")
    return tpl, {"rh": PW(rh, "last"),
                 "d": N(fdate("fr")), "ref": N("COM-" + digits(3)), "course": Ns(COURSES), "y": N(year()),
                 "co": Ns(COMPANIES), "phone": PHONE("fr"), "email": EMAIL(p, "fr"), "name": P(p), "addr": a.oneline(),
                 "url": E("url", ch(["https://", "www."]) + fold(p.first) + fold(p.last).replace("-", "") + ".fr/portfolio")}


@ent("fr")
def fr_ticket_it():
    p = person("fr")
    tpl = ("Bonjour {first},\n\nDepuis la mise à jour en {ver} ce {wd}, le serveur {host} ({ip}) ne répond plus sur le "
           "port 8443. Le ping IPv6 vers {ip6} passe. Extrait du journal :\n[{ts}] ERROR upstream timed out while "
           "connecting to {ip2}\n\nMerci,\n{name} — {phone}")
    q = person("fr")
    return tpl, {"first": P(q, "first"), "ver": N(version()), "wd": N(weekday("fr")), "host": N(ch(HOSTS)), "ip": IP4(),
                 "ip6": IP6(), "ts": N("2024-%02d-%02d %02d:%02d:%02d" % (ri(1, 12), ri(1, 28), ri(0, 23), ri(0, 59), ri(0, 59))),
                 "ip2": IP4("private"), "name": P(p), "phone": PHONE("fr")}


# ---- German -------------------------------------------------------------------

@ent("de")
def de_kundenservice():
    p, ag = person("de"), person("de")
    a = Addr("de")
    greet = "Sehr geehrte " if p.g == "f" else "Sehr geehrter "
    tpl = ("{greet}{kunde},\n\nvielen Dank für Ihre Bestellung {ord} vom {d}. Leider ist der Artikel {sku} erst in "
           "KW {kw} wieder lieferbar.\nIhre Lieferadresse: {addr}\nBei Fragen erreichen Sie uns unter {phone} oder "
           "{email}.\n\nMit freundlichen Grüßen\n{agent}\nKundenservice {co}")
    return tpl, {"greet": greet, "kunde": PW(p, "last"), "ord": N(order_no()), "d": N(fdate("de")), "sku": N(sku()),
                 "kw": ri(2, 50), "addr": a.oneline(), "phone": PHONE("de"), "email": EMAIL(None, "de"),
                 "agent": P(ag), "co": Ns(["Globex GmbH", "Rheinwerk Solutions AG", "Zalando", "MediaMarkt"])}


@ent("de")
def de_mietvertrag():
    ll, t = person("de"), person()
    a, la, ta = Addr("de"), Addr("de"), Addr("de")
    tpl = ("Kannst du den Mietvertrag zusammenfassen?\n\nMietvertrag über Wohnraum\nzwischen {ll}, {laddr} (Vermieter)\n"
           "und {tn}, bisher wohnhaft {taddr} (Mieter)\n§ 1 Mietsache: Wohnung im 2. OG, {addr}, ca. {m2}\n"
           "§ 3 Miete: {pr} monatlich, zahlbar bis zum 3. Werktag auf das Konto IBAN {iban}.\n§ 5 Kaution: drei "
           "Nettokaltmieten.\nTelefon Vermieter: {phone}")
    return tpl, {"ll": P(ll), "laddr": la.oneline(), "tn": P(t), "taddr": ta.oneline(), "addr": a.oneline(),
                 "m2": N("%d m²" % ri(35, 110)), "pr": N(price("de", 500, 1800)), "iban": IBAN("de"),
                 "phone": PHONE("de")}


@ent("de")
def de_it_ticket():
    p, q = person("de"), person("de")
    tpl = ("Hallo {q},\n\nseit dem Update auf {ver} am {d} ist der Server {host} unter {ip} nicht mehr erreichbar. "
           "Die Firewall loggt:\n{ts} DROP IN=eth0 SRC={src} DST={ip2} PROTO=TCP DPT=5432\nIPv6 ({ip6}) geht noch. "
           "Kannst du bitte schauen? Ticket {tkt}.\n\nGruß\n{name}\nTel. {phone}")
    return tpl, {"q": P(q, "first"), "ver": N(version()), "d": N(fdate("de")), "host": N(ch(HOSTS)), "ip": IP4("private"),
                 "ts": N("%02d:%02d:%02d" % (ri(0, 23), ri(0, 59), ri(0, 59))), "src": IP4("public"),
                 "ip2": IP4("private"), "ip6": IP6(), "tkt": N(ticket_no()), "name": P(p), "phone": PHONE("de")}


@ent("de")
def de_arzt_termin():
    p, doc = person("de"), person("de")
    a = Addr("de")
    tpl = ("Terminbestätigung\n\nGuten Tag {pt},\nIhr Termin bei {doc} ist am {wd}, {d} um {t}.\nPraxis: {addr}\n"
           "Bitte bringen Sie Ihre Versichertenkarte mit. Absagen bitte bis 24 Stunden vorher unter {phone} oder online: "
           "{url}")
    return tpl, {"pt": PW(p, "last"), "doc": ["Dr. med. ", P(doc)], "wd": N(weekday("de")), "d": N(fdate("de", "{dd}.{mm}.{y}")),
                 "t": N(ftime("de")), "addr": a.oneline(), "phone": PHONE("de"), "url": URL("appt", "de")}


# ---- Spanish ------------------------------------------------------------------

@ent("es")
def es_reserva_hotel():
    p = person("es")
    a = Addr("es")
    tpl = ("{sal} {last}:\n\nLe confirmamos su reserva {ref} en el {hotel} del {d1} al {d2}.\nTitular: {name}\n"
           "Tarjeta de garantía: {card}\nDirección de facturación: {addr}\nTeléfono de contacto: {phone}\n"
           "Importe total: {pr}\n\nUn cordial saludo,\nRecepción")
    sal = "Estimada" if p.g == "f" else "Estimado"
    return tpl, {"sal": sal, "last": PW(p, "last"), "ref": N(booking_ref()), "hotel": Ns(["Hotel Mirador",
                                                                                        "Parador de Granada",
                                                                                        "Hostal La Concha"]),
                 "d1": N(fdate("es", "{d} de {mon}")), "d2": N(fdate("es", "{d} de {mon} de {y}")), "name": P(p),
                 "card": CARD(), "addr": a.oneline(), "phone": PHONE("es"), "pr": N(price("es", 120, 900))}


@ent("es")
def es_denuncia():
    p, w = person("es"), person("es")
    a = Addr("es")
    tpl = ("¿Me ayudas a redactar esto mejor?\n\nDENUNCIA — Atestado nº {ref}\nComparece {name}, con domicilio en {addr}, "
           "teléfono {phone}, quien manifiesta que el día {d}, sobre las {t}, le fue sustraída la cartera en la "
           "estación de {city}. La cartera contenía una tarjeta {card} y {pr} en efectivo.\nTestigo: {w}, que "
           "puede ser localizado en el {wp}.")
    return tpl, {"ref": N(digits(5) + "/" + str(ri(23, 25))), "name": P(p), "addr": a.oneline(), "phone": PHONE("es"),
                 "d": N(fdate("es")), "t": N(ftime("es")), "city": N(Addr("es").city), "card": CARD(),
                 "pr": N(price("es", 20, 300)), "w": PW(w), "wp": PHONE("es")}


@ent("es")
def es_whatsapp_piso():
    a, b = person("es"), person("es")
    ad = Addr("es")
    tpl = ("[{d} {t}] {a}: {bf}, ¿me pasas los datos para la fianza del piso?\n[{d} {t2}] {b}: Claro. Titular: {bfull}, "
           "IBAN {iban}. Son {pr}. La dirección exacta es {addr}, portal B.\n[{d} {t3}] {a}: Genial, gracias!! "
           "Mi móvil por si acaso: {phone}")
    return tpl, {"d": N(fdate("es", "{dd}/{mm}/{y}")), "t": "9:%02d" % ri(10, 30), "t2": "9:%02d" % ri(31, 45),
                 "t3": "9:%02d" % ri(46, 59), "a": P(a), "bf": P(b, "first"), "b": P(b), "bfull": P(b),
                 "iban": IBAN("es"), "pr": N(price("es", 600, 1500)), "addr": ad.st(), "phone": PHONE("es")}


# ---- Italian ------------------------------------------------------------------

@ent("it")
def it_visita():
    p, doc = person("it"), person("it")
    a = Addr("it")
    tpl = ("Gentile {pt},\nle ricordiamo la visita di controllo presso lo studio del {doc} in {addr}, il giorno {d} "
           "alle ore {t}.\nPer disdire chiami il {phone} o scriva a {email}. Prenotazione n. {ref}.\nCordiali saluti")
    return tpl, {"pt": PW(p, ch(["last", "full"])), "doc": ["Dott. ", P(doc)], "addr": a.oneline(),
                 "d": N(fdate("it")), "t": N(ftime("it")), "phone": PHONE("it"),
                 "email": EMAIL(None, "it", ch(KIND_DOMAINS["appt"]["it"])),
                 "ref": N(digits(8))}


@ent("it")
def it_condominio():
    p = person("it")
    ad = Addr("it")
    tpl = ("Ciao a tutti, sono {first} dell'interno 5 di {addr}. Ricordo che la quota straordinaria per il tetto "
           "({pr}) va versata entro il {d} sull'IBAN del condominio {iban}, causale \"{caus}\". Per dubbi scrivetemi "
           "a {email} o chiamate l'amministratore, {amm}, al {phone}.")
    amm = person("it")
    return tpl, {"first": P(p, "first"), "addr": ad.st(), "pr": N(price("it", 200, 1200)), "d": N(fdate("it")),
                 "iban": IBAN("it"), "caus": N("Lavori tetto " + str(ri(2024, 2025))), "email": EMAIL(p, "it"),
                 "amm": PW(amm), "phone": PHONE("it")}


@ent("it")
def it_ordine_reclamo():
    p = person("it")
    a = Addr("it")
    tpl = ("Buongiorno, scrivo per l'ordine {ord} del {d}: il pacco (tracking {trk}) risulta consegnato ma a "
           "{addr} non è arrivato nulla. Ho pagato {pr} con la carta {card}. Vi prego di ricontattarmi al {phone}.\n"
           "Distinti saluti, {name}")
    return tpl, {"ord": N(order_no()), "d": N(fdate("it")), "trk": N(tracking()), "addr": a.oneline(),
                 "pr": N(price("it", 30, 600)), "card": CARD(), "phone": PHONE("it"), "name": P(p)}


# ---- Dutch --------------------------------------------------------------------

@ent("nl")
def nl_bezorging():
    p, dr = person("nl"), person("nl")
    a = Addr("nl")
    tw = twindow("nl")
    tpl = ("Hoi {first},\n\nJe pakket van {brand} (bestelnummer {ord}) wordt {wd} tussen {t1} en {t2} bezorgd op "
           "{addr}.\nTrack & trace: {trk}\nJe bezorger is {dr}. Niet thuis? Kies een buurman via {url}.\n"
           "Vragen? Bel {phone}.")
    return tpl, {"first": P(p, "first"), "brand": Ns(["Coolblue", "IKEA", "Decathlon", "Zalando"]), "ord": N(order_no()),
                 "wd": N(weekday("nl")), "t1": N(tw[0]), "t2": N(tw[1]), "addr": a.oneline(),
                 "trk": N(tracking()), "dr": P(dr, "first"), "url": URL("track", "nl"), "phone": PHONE("nl")}


@ent("nl")
def nl_huur():
    ll, t = person("nl"), person()
    a = Addr("nl")
    tpl = ("Beste {t},\n\nHierbij de gegevens voor de huur van {addr}. De huur van {pr} graag vóór de 1e van de maand "
           "overmaken naar {iban} t.n.v. {ll}, o.v.v. \"{ref}\". De sleuteloverdracht is op {d} om {time}. Bij "
           "storingen: {phone} of {email}.\n\nMet vriendelijke groet,\n{llf}")
    return tpl, {"t": P(t, "first"), "addr": a.oneline(), "pr": N(price("nl", 700, 2200)), "iban": IBAN("nl"),
                 "ll": P(ll), "ref": N("huur " + ch(MONTHS["nl"])), "d": N(fdate("nl")), "time": N(ftime("nl")),
                 "phone": PHONE("nl"), "email": EMAIL(ll, "nl"), "llf": P(ll, "first")}


@ent("nl")
def nl_sollicitatie():
    p = person("nl")
    a = Addr("nl")
    tpl = ("Kun je mijn sollicitatiebrief nakijken?\n\nGeachte {hr},\n\nMet veel interesse las ik uw vacature voor "
           "junior ontwikkelaar (vacaturenummer {ref}). Na mijn opleiding {course} werk ik sinds {y} bij {co}.\n"
           "U kunt mij bereiken op {phone} of {email}.\n\nMet vriendelijke groet,\n{name}\n{addr}")
    hr = person("nl")
    return tpl, {"hr": PW(hr, "last"), "ref": N("VAC-" + digits(4)), "course": Ns(COURSES), "y": N(year()),
                 "co": Ns(COMPANIES), "phone": PHONE("nl"), "email": EMAIL(p, "nl"), "name": P(p), "addr": a.block()}


# ---- Portuguese ---------------------------------------------------------------

@ent("pt")
def pt_candidatura():
    p, hr = person("pt"), person("pt")
    a = Addr("pt")
    tpl = ("Exmo.(a) {hr},\n\nVenho por este meio candidatar-me à vaga de analista financeiro (ref.ª {ref}), publicada a "
           "{d}. Licenciei-me na {uni} em {y} e trabalho atualmente na {co}.\nContactos: {phone} | {email}\nMorada: "
           "{addr}\n\nCom os melhores cumprimentos,\n{name}")
    return tpl, {"hr": PW(hr, "last"), "ref": N("AF/" + digits(3)), "d": N(fdate("pt")),
                 "uni": N("Universidade do Porto"), "y": N(year()), "co": Ns(["Tecnoforma Lda.", "CTT", "Galp"]),
                 "phone": PHONE("pt"), "email": EMAIL(p, "pt"), "addr": a.oneline(), "name": P(p)}


@ent("pt")
def pt_consulta():
    p, doc = person("pt"), person("pt")
    a = Addr("pt")
    tpl = ("Olá {first}, a sua consulta de {esp} com {doc} está marcada para {wd}, {d}, às {t}, na {clin}, {addr}. "
           "Para remarcar ligue {phone} ou use {url}. Código da marcação: {ref}")
    return tpl, {"first": P(p, "first"), "esp": ch(["dermatologia", "cardiologia", "oftalmologia"]),
                 "doc": PW(doc), "wd": N(weekday("pt")), "d": N(fdate("pt")), "t": N(ftime("pt")),
                 "clin": N("Clínica do Carmo"), "addr": a.oneline(), "phone": PHONE("pt"), "url": URL("appt", "pt"),
                 "ref": N(booking_ref())}


@ent("pt")
def pt_fatura_transfer():
    p = person("pt")
    a = Addr("pt")
    tpl = ("Fatura {inv} — {d}\nCliente: {name}, {addr}\nServiço: {item} — {pr}\nPagamento por transferência para "
           "{iban} ou cartão {card}.\nDúvidas: {email}")
    return tpl, {"inv": N(invoice_no()), "d": N(fdate("pt")), "name": P(p), "addr": a.oneline(),
                 "item": ch(["Manutenção de ar condicionado", "Aulas de surf (5)", "Tradução certificada"]),
                 "pr": N(price("pt", 40, 900)), "iban": IBAN("pt"), "card": CARD(), "email": EMAIL(None, "pt")}


# ---- Polish -------------------------------------------------------------------

@ent("pl")
def pl_faktura():
    p = person("pl")
    a = Addr("pl")
    tpl = ("FAKTURA VAT nr {inv}\nData wystawienia: {d}\nNabywca: {name}\nAdres: {addr}\nPozycja: {item} ({sku}) — "
           "{pr}\nPłatność przelewem na rachunek: {iban}\nTermin płatności: {d2}\nKontakt: {phone}, {email}")
    return tpl, {"inv": N(invoice_no()), "d": N(fdate("pl")), "name": P(p), "addr": a.oneline(),
                 "item": ch(["Usługa hydrauliczna", "Przegląd kotła", "Montaż paneli", "Kurs języka angielskiego"]),
                 "sku": N(sku()), "pr": N(price("pl", 100, 5000)), "iban": IBAN("pl"), "d2": N(fdate("pl")),
                 "phone": PHONE("pl"), "email": EMAIL(None, "pl")}


@ent("pl")
def pl_reklamacja():
    p, c = person("pl", "f"), person("pl", "f")
    a = Addr("pl")
    tpl = ("Dzień dobry,\n\nzgłaszam reklamację zamówienia {ord} z dnia {d}. Przesyłka {trk} dotarła uszkodzona. "
           "Zapłaciłam kartą {card} kwotę {pr}. Proszę o kontakt pod numerem {phone} lub na adres {email}.\n"
           "Adres do zwrotu: {addr}\n\nZ poważaniem\n{name}\n\nPS. Paczkę odebrała sąsiadka, {c}.")
    return tpl, {"ord": N(order_no()), "d": N(fdate("pl")), "trk": N(tracking()), "card": CARD(),
                 "pr": N(price("pl", 50, 3000)), "phone": PHONE("pl"), "email": EMAIL(p, "pl"), "addr": a.oneline(),
                 "name": P(p), "c": PW(c)}


@ent("pl")
def pl_wizyta():
    p, doc = person("pl"), person("pl")
    a = Addr("pl")
    tpl = ("Przypomnienie: {pt}, wizyta u lek. {doc} w dniu {d} o godz. {t}, gabinet nr {room}, {addr}. Odwołanie wizyty: "
           "{phone} lub {url}.")
    return tpl, {"pt": PW(p, ch(["first", "full"])), "doc": P(doc), "d": N(fdate("pl")), "t": N(ftime("pl")),
                 "room": ri(1, 30), "addr": a.oneline(), "phone": PHONE("pl"), "url": URL("appt", "pl")}


# ---- Swedish ------------------------------------------------------------------

@ent("sv")
def sv_tandlakare():
    p, doc = person("sv"), person("sv")
    a = Addr("sv")
    tpl = ("Hej {first}!\nPåminnelse om din tid hos tandläkare {doc} {wd} {d} kl. {t}.\nAdress: {addr}\nAvboka senast "
           "24 timmar innan på {phone} eller {url}. Uteblivet besök debiteras {pr}.")
    return tpl, {"first": P(p, "first"), "doc": P(doc), "wd": N(weekday("sv")), "d": N(fdate("sv", "{d} {mon}")),
                 "t": N(ftime("sv")), "addr": a.oneline(), "phone": PHONE("sv"), "url": URL("appt", "sv"),
                 "pr": N(price("sv", 300, 900))}


@ent("sv")
def sv_hyresavi():
    p, ll = person("sv"), person("sv")
    a = Addr("sv")
    tpl = ("Hej {first},\n\nHyran för {mon} ({pr}) för lägenheten på {addr} ska betalas till {iban} senast {d}. "
           "Ange OCR {ocr}. Vid frågor, kontakta {ll} på {phone} eller {email}.\n\nMvh\n{co}")
    return tpl, {"first": P(p, "first"), "mon": N(ch(MONTHS["sv"])), "pr": N(price("sv", 6000, 14000)),
                 "addr": a.oneline(), "iban": IBAN("sv"), "d": N(fdate("sv")), "ocr": N(digits(12)), "ll": P(ll),
                 "phone": PHONE("sv"), "email": EMAIL(ll, "sv", ch(ORG_DOMAINS["sv"])), "co": N("Nordvik Bygg AB")}


@ent("sv")
def sv_slack_drift():
    a, b = person("sv"), person("sv")
    tpl = ("{a} {t}: {bf}, vi ser många 502:or från {ip} sedan releasen {ver} i morse. Lastbalanseraren pratar bara "
           "{ip6} nu.\n{b} {t2}: Kollar! Rollback till {hash} om 10 min. Logg: {url}")
    return tpl, {"a": P(a), "t": "%02d:%02d" % (ri(7, 10), ri(0, 59)), "bf": P(b, "first"), "ip": IP4(),
                 "ver": N(version()), "ip6": IP6(), "b": P(b), "t2": "%02d:%02d" % (ri(11, 12), ri(0, 59)),
                 "hash": N(commit()), "url": URL("docs", "sv")}


# ---- mixed, multilingual --------------------------------------------------------

@ent("mixed")
def mixed_contact_list():
    locs = [ch(LOCS) for _ in range(3)]
    ps = [person(l) for l in locs]
    tpl = ("Turn this into a table please:\n{a} – {pa} – {ea}\n{b} – {pb} – {eb}\n{c} – {pc} – {ec}\n"
           "(list exported {d}, file {file})")
    return tpl, {"a": P(ps[0]), "pa": PHONE(locs[0]), "ea": EMAIL(ps[0], locs[0]), "b": P(ps[1]), "pb": PHONE(locs[1]),
                 "eb": EMAIL(ps[1], locs[1]), "c": P(ps[2]), "pc": PHONE(locs[2]), "ec": EMAIL(ps[2], locs[2]),
                 "d": N(fdate("uk", "{y}-{mm}-{dd}")), "file": N(filename())}


@ent("mixed")
def mixed_payment_ops():
    locs = [ch(LOCS) for _ in range(3)]
    tpl = ("Payout batch {batch} ({d}) failed for these beneficiaries, can you spot the pattern?\n"
           "1) {a} {ia} — {pra} — error: beneficiary bank timeout\n2) {b} {ib} — {prb} — error: name mismatch\n"
           "3) {c} {ic} — {prc} — error: beneficiary bank timeout\nOps contact: {mail}")
    return tpl, {"batch": N("PB-" + digits(6)), "d": N(fdate("uk", "{y}-{mm}-{dd}")), "a": P(person(locs[0])),
                 "ia": IBAN(locs[0]), "pra": N(price("de", 100, 3000)), "b": P(person(locs[1])), "ib": IBAN(locs[1]),
                 "prb": N(price("de", 100, 3000)), "c": P(person(locs[2])), "ic": IBAN(locs[2]),
                 "prc": N(price("de", 100, 3000)), "mail": EMAIL(None, "uk")}


@ent("mixed")
def mixed_fraud_review():
    tpl = ("Fraud review queue, {d}:\n- txn {t1}: card {c1}, IP {ip1}, amount {p1} — velocity rule\n"
           "- txn {t2}: card {c2}, IP {ip2}, amount {p2} — geo mismatch ({country})\n"
           "- txn {t3}: card {c3}, IP {ip3}, amount {p3} — manual review by {rev}\nRule set {ver}.")
    return tpl, {"d": N(fdate("uk", "{y}-{mm}-{dd}")), "t1": N("TX" + digits(9)), "c1": CARD(), "ip1": IP4("public"),
                 "p1": N(price("us", 50, 2000)), "t2": N("TX" + digits(9)), "c2": CARD(), "ip2": IP6(ch(["full", "comp"])),
                 "p2": N(price("uk", 50, 2000)), "country": Ns(COUNTRIES), "t3": N("TX" + digits(9)), "c3": CARD(),
                 "ip3": IP4(), "p3": N(price("de", 50, 2000)), "rev": P(person(), "first"), "ver": N(version())}


# --------------------------------------------------------------------------
# hard-negative-only templates
# --------------------------------------------------------------------------

@neg("en")
def n_release_notes():
    tpl = ("Can you turn these release notes into a changelog entry?\n\n## {ver} ({d})\n- Fix crash when importing "
           "{file} larger than {m} (#{iss})\n- Bump {dep} to {ver2}\n- Revert {hash} (broke the {os} build)\n"
           "- Drop support for firmware {fw}\nFull diff: compare {h1}...{h2}")
    return tpl, {"ver": N(version()), "d": N(fdate("uk", "{y}-{mm}-{dd}")), "file": N(filename()),
                 "m": N(ch(["2 GB", "512 MB", "100 MB"])), "iss": N(str(ri(100, 9999))),
                 "dep": N(ch(["openssl", "serde", "tokio", "react", "numpy"])), "ver2": N(version()), "hash": N(commit()),
                 "os": N(ch(["Windows", "macOS", "FreeBSD"])), "fw": N(version4()), "h1": N(hexs(7)), "h2": N(hexs(7))}


@neg("en")
def n_order_confirmation():
    loc = ch(["uk", "us"])
    tpl = ("Order confirmed! Order number {ord}\nPlaced {d} at {t}\n\n{brand} {item}  {sku}  {p1}\n{brand2} accessory "
           "kit  {sku2}  {p2}\nShipping (Standard, 3–5 working days)  {p3}\nTotal  {tot}\n\nEstimated delivery: {wd} "
           "{d2}. You'll get a tracking number when your order ships.")
    return tpl, {"ord": N(order_no()), "d": N(fdate(loc)), "t": N(ftime(loc)), "brand": Ns(BRANDS),
                 "item": ch(["cordless drill", "trail running shoes", "coffee grinder", "backpack 28L"]),
                 "sku": N(sku()), "p1": N(price(loc, 40, 400)), "brand2": Ns(BRANDS), "sku2": N(sku()),
                 "p2": N(price(loc, 5, 60)), "p3": N(price(loc, 3, 10)), "tot": N(price(loc, 50, 500)),
                 "wd": N(weekday(loc)), "d2": N(fdate(loc))}


@neg("en")
def n_book_club():
    bs = R.sample(BOOKS, 4)
    ms = R.sample(MONTHS["en"], 4)
    tpl = ("Book club reading list — can you suggest discussion questions?\n{m1}: {b1} (ISBN {i1})\n{m2}: {b2} "
           "(ISBN {i2})\n{m3}: {b3}\n{m4}: {b4}, {pp} pages\nWe meet the first {wd} of the month at {t} in the {place}.")
    return tpl, {"m1": N(ms[0]), "m2": N(ms[1]), "m3": N(ms[2]), "m4": N(ms[3]), "b1": N(bs[0]), "b2": N(bs[1]),
                 "b3": N(bs[2]), "b4": N(bs[3]), "i1": N(isbn()), "i2": N(isbn()), "pp": str(ri(150, 900)),
                 "wd": N(weekday("uk")), "t": N(ftime("uk")),
                 "place": N(ch(["Central Library", "Riverside Café", "Hope & Anchor"]))}


@neg("en")
def n_course_schedule():
    cs = R.sample(COURSES, 3)
    tpl = ("Timetable for the {term} term ({y}):\n{c1} — {wd1} {t1}, Room {r1}, module code {code1}\n{c2} — {wd2} {t2}, "
           "Lab {r2}, module code {code2}\n{c3} — online, recordings on the {plat}\nExam week starts {d}. Coursework "
           "template: {file}")
    return tpl, {"term": ch(["autumn", "spring", "summer"]), "y": N(str(ri(2024, 2025))), "c1": N(cs[0]),
                 "c2": N(cs[1]), "c3": N(cs[2]), "wd1": N(weekday("uk")), "wd2": N(weekday("uk")), "t1": N(ftime("uk")),
                 "t2": N(ftime("uk")), "r1": N(ch(["B12", "4.03", "LT2", "G.31"])), "r2": N(ch(["C-104", "3.17"])),
                 "code1": N(letters(4) + digits(4)), "code2": N(letters(3) + "-" + digits(3)),
                 "plat": N(ch(["Moodle", "Canvas", "Blackboard"])), "d": N(fdate("uk")), "file": N(filename())}


@neg("en")
def n_shipment_status():
    c1, c2 = Addr(ch(LOCS)), Addr(ch(LOCS))
    tpl = ("Shipment {trk} — status history\n{d1} {t1}  Picked up  {city1} {pc1}\n{d2} {t2}  Departed hub  {hub}\n"
           "{d3} {t3}  Customs cleared  {country}\n{d4} {t4}  Out for delivery  {city2}\nWeight {m}. Carrier {car}. "
           "Reference {ord}.")
    return tpl, {"trk": N(tracking()), "d1": N(fdate("uk", "{dd}/{mm}/{y}")), "d2": N(fdate("uk", "{dd}/{mm}/{y}")),
                 "d3": N(fdate("uk", "{dd}/{mm}/{y}")), "d4": N(fdate("uk", "{dd}/{mm}/{y}")), "t1": N(ftime("uk")),
                 "t2": N(ftime("uk")), "t3": N(ftime("uk")), "t4": N(ftime("uk")), "city1": N(c1.city), "pc1": N(c1.pc),
                 "hub": N(ch(["Leipzig Hub", "East Midlands Gateway", "Schiphol Cargo", "Liège Airport"])),
                 "country": Ns(COUNTRIES), "city2": N(c2.city), "m": N(measure("uk", "weight")),
                 "car": Ns(["DHL Express", "PostNL", "UPS", "InPost", "Correos", "PostNord"]), "ord": N(order_no())}


@neg("en")
def n_company_news():
    tpl = ("Summarise this press release:\n{co} today announced the acquisition of {co2} for {pr}. The combined company "
           "will employ {n} people across {country}, {country2} and {country3}, with headquarters in {city}. The deal "
           "is expected to close in {mon} {y}, subject to approval. {co} shares rose {pct} on the {ex}.")
    cs = R.sample(COUNTRIES, 3)
    c1, c2 = R.sample(COMPANIES_LEGAL, 2)
    return tpl, {"co": N(c1), "co2": N(c2), "pr": N(ch(["€1.2 billion", "$450 million",
                                                                                     "£86m", "SEK 2.1 billion"])),
                 "n": N("{:,}".format(ri(800, 40000))), "country": N(cs[0]), "country2": N(cs[1]), "country3": N(cs[2]),
                 "city": N(Addr(ch(LOCS)).city), "mon": N(ch(MONTHS["en"])), "y": N(str(ri(2024, 2026))),
                 "pct": N("%.1f%%" % R.uniform(1, 12)), "ex": N(ch(["Nasdaq", "LSE", "Euronext", "Xetra"]))}


@neg("en")
def n_ci_log():
    tpl = ("Why did this CI job fail?\n\n[{ts}] Cloning repository at {hash}\n[{ts}] Using toolchain {ver}\n"
           "[{ts}] Restoring cache key deps-{h2} ({sz})\n[{ts}] Running tests: {n} passed, 3 failed\n"
           "[{ts}] FAILED tests/test_{mod}.py::test_parse_date[{dt}]\n[{ts}] Artifact {file} uploaded\n"
           "[{ts}] Job {job} finished in {dur}")
    return tpl, {"ts": "%02d:%02d:%02d" % (ri(0, 23), ri(0, 59), ri(0, 59)), "hash": N(commit()), "ver": N(version()),
                 "h2": N(hexs(12)), "sz": N("%d MB" % ri(20, 900)), "n": ri(120, 2400),
                 "mod": ch(["dates", "invoice", "export"]), "dt": N(fdate("de")), "file": N(filename()),
                 "job": N("#" + digits(6)), "dur": N("%dm %02ds" % (ri(1, 40), ri(0, 59)))}


@neg("en")
def n_product_spec():
    loc = ch(LOCS)
    tpl = ("Compare these two for me:\n{b1} {m1} — {d1}, {w1}, {p1}, model {sku1}, released {y1}\n"
           "{b2} {m2} — {d2}, {w2}, {p2}, model {sku2}, released {y2}\nBoth have firmware {fw}.")
    return tpl, {"b1": Ns(BRANDS), "m1": N(ch(["V12 Detect", "Series 6", "Pro X", "Air 3"])), "d1": N(measure(loc, "dims")),
                 "w1": N(measure(loc, "weight")), "p1": N(price(loc)), "sku1": N(sku()), "y1": N(str(ri(2019, 2024))),
                 "b2": Ns(BRANDS), "m2": N(ch(["Gen 2", "Ultra", "Compact 400", "Max"])), "d2": N(measure(loc, ch(["power", "storage", "volume"]))),
                 "w2": N(measure(loc, "weight")), "p2": N(price(loc)), "sku2": N(sku()), "y2": N(str(ri(2019, 2024))),
                 "fw": N(ch([version(), version4()]))}


@neg("en")
def n_flight_booking():
    tpl = ("Booking reference {ref}\n{al} {fn} {c1} → {c2}\n{wd}, {d} · departs {t1}, arrives {t2}\nSeat {seat} · "
           "Baggage {m} · Fare {pr}\nCheck-in opens 24 hours before departure. E-ticket {etk}.")
    cs = R.sample(["Lisbon", "Gdańsk", "Utrecht", "Málaga", "Gothenburg", "Bologna", "Lyon", "Dublin", "Hamburg"], 2)
    return tpl, {"ref": N(booking_ref()), "al": N(ch(["Lufthansa", "Ryanair", "TAP Air Portugal", "SAS", "KLM"])),
                 "fn": N(letters(2) + " " + str(ri(100, 9999))), "c1": N(cs[0]), "c2": N(cs[1]),
                 "wd": N(weekday("uk")), "d": N(fdate("uk")), "t1": N(ftime("uk")), "t2": N(ftime("uk")),
                 "seat": N("%d%s" % (ri(1, 34), ch("ABCDEF"))), "m": N("%d kg" % ch([8, 10, 20, 23])),
                 "pr": N(price("uk", 30, 400)), "etk": N(digits(3) + "-" + digits(10))}


@neg("en")
def n_gift_card():
    tpl = ("My {brand} gift card won't redeem. Card number {bc}, PIN {pin}, balance {pr}, bought {d}. The till said "
           "\"invalid number\". Receipt ref {ord}.")
    return tpl, {"brand": Ns(["IKEA", "Decathlon", "Fnac", "Lidl", "MediaMarkt"]), "bc": N(bad_card()),
                 "pin": N(digits(4)), "pr": N(price(ch(LOCS), 10, 200)), "d": N(fdate("uk")), "ord": N(order_no())}


@neg("en")
def n_invalid_cards_qa():
    tpl = ("QA note: the checkout form correctly rejects {c1} and {c2} (checksum fails) and shows \"{msg}\". "
           "Tested on build {ver}, {d}, ticket {tkt}.")
    return tpl, {"c1": N(bad_card()), "c2": N(bad_card()), "msg": ch(["Card number is invalid", "Please check the number"]),
                 "ver": N(version()), "d": N(fdate("uk")), "tkt": N(ticket_no())}


@neg("en")
def n_library_isbn():
    bs = R.sample(BOOKS, 3)
    tpl = ("Library loans due {d}:\n1. {b1} — ISBN {i1} — shelf {s1}\n2. {b2} — ISBN {i2} — shelf {s2}\n3. {b3} — ISBN "
           "{i3}\nLate fee {pr} per day. Renew online with barcode {bar}.")
    return tpl, {"d": N(fdate("uk")), "b1": N(bs[0]), "b2": N(bs[1]), "b3": N(bs[2]), "i1": N(isbn()), "i2": N(isbn()),
                 "i3": N(isbn()), "s1": N("%03d.%d %s" % (ri(0, 999), ri(0, 99), letters(3))),
                 "s2": N("%03d.%d %s" % (ri(0, 999), ri(0, 99), letters(3))), "pr": N(price("uk", 0, 1)),
                 "bar": N(digits(14))}


@neg("en")
def n_film_night():
    fs = R.sample(FILMS, 3)
    tpl = ("Film night line-up ({mon}):\n{wd1} — {f1} ({y1}, {m1} min)\n{wd2} — {f2} ({y2}, {m2} min)\n{wd3} — {f3} "
           "({y3})\nTickets {pr}, doors {t}. Screen {scr}.")
    return tpl, {"mon": N(ch(MONTHS["en"])), "wd1": N(weekday("uk")), "wd2": N(weekday("uk")), "wd3": N(weekday("uk")),
                 "f1": N(fs[0]), "f2": N(fs[1]), "f3": N(fs[2]), "y1": N(year()), "y2": N(year()), "y3": N(year()),
                 "m1": ri(85, 180), "m2": ri(85, 180), "pr": N(price("uk", 5, 12)), "t": N(ftime("uk")),
                 "scr": ri(1, 6)}


@neg("en")
def n_warehouse():
    tpl = ("Stock count {d}, warehouse {wh}:\n{sku1}  EAN {ean1}  qty {q1}  bin {bin1}\n{sku2}  EAN {ean2}  qty {q2}  "
           "bin {bin2}\n{sku3}  EAN {ean3}  qty {q3}\nDiscrepancy report saved as {file}; total value {pr}.")

    def ean():
        b = digits(12)
        s = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(b))
        return b + str((10 - s % 10) % 10)

    return tpl, {"d": N(fdate("de")), "wh": N(ch(["AMS-2", "LEJ-1", "WAW-3", "MAD-1"])), "sku1": N(sku()),
                 "sku2": N(sku()), "sku3": N(sku()), "ean1": N(ean()), "ean2": N(ean()), "ean3": N(ean()),
                 "q1": ri(0, 900), "q2": ri(0, 900), "q3": ri(0, 900),
                 "bin1": N("%s-%02d-%02d" % (letters(1), ri(1, 40), ri(1, 12))),
                 "bin2": N("%s-%02d-%02d" % (letters(1), ri(1, 40), ri(1, 12))), "file": N(filename()),
                 "pr": N(price("de", 1000, 90000))}


@neg("fr")
def n_fr_reunion():
    tpl = ("Réunion de chantier — {wd} {d} à {t}, salle {salle}, {co}.\nOrdre du jour : retard de livraison des "
           "fenêtres (commande {ord}), devis {inv} de {pr}, plan {file}. Surface concernée : {m}. Prochaine réunion en "
           "{mon} à {city}.")
    return tpl, {"wd": N(weekday("fr")), "d": N(fdate("fr")), "t": N(ftime("fr")), "salle": N(ch(["B12", "Loire", "3.04"])),
                 "co": Ns(["Atelier Lumière SAS", "Initech SARL", "Carrefour"]), "ord": N(order_no()),
                 "inv": N(invoice_no()), "pr": N(price("fr", 500, 30000)), "file": N(filename()), "m": N(measure("fr", "area")),
                 "mon": N(ch(MONTHS["fr"])), "city": N(Addr("fr").city)}


@neg("de")
def n_de_lieferung():
    tw = twindow("de")
    tpl = ("Lieferavis {ord}\nLiefertermin: {wd}, {d}, zwischen {t1} und {t2}\nSendungsnummer: {trk}\nInhalt: {n} x "
           "{sku} ({m})\nRechnungsnummer {inv}, Betrag {pr}. Versand durch {car} ab Lager {pc}.")
    return tpl, {"ord": N(order_no()), "wd": N(weekday("de")), "d": N(fdate("de")), "t1": N(tw[0]),
                 "t2": N(tw[1]), "trk": N(tracking()), "n": ri(1, 12), "sku": N(sku()), "m": N(measure("de", ch(["weight", "dims"]))),
                 "inv": N(invoice_no()), "pr": N(price("de")), "car": Ns(["DHL Express", "Deutsche Bahn", "UPS"]),
                 "pc": N(Addr("de").pc)}


@neg("es")
def n_es_pedido():
    tpl = ("Pedido nº {ord} realizado el {d}.\nArtículos: {n} x {sku} ({pr} c/u), {item}.\nEnvío con {car}, "
           "seguimiento {trk}, entrega estimada el {wd} {d2}. Código de descuento {code} aplicado (versión de la app "
           "{ver}).")
    return tpl, {"ord": N(order_no()), "d": N(fdate("es")), "n": ri(1, 6), "sku": N(sku()), "pr": N(price("es", 5, 200)),
                 "item": ch(["talla M", "color azul marino", "pack de 3"]), "car": Ns(["Correos", "Renfe", "UPS"]),
                 "trk": N(tracking()), "wd": N(weekday("es")), "d2": N(fdate("es", "{d} de {mon}")),
                 "code": N(letters(5) + str(ri(10, 50))), "ver": N(version())}


@neg("it")
def n_it_ordine():
    tpl = ("Riepilogo ordine {ord} del {d}\n{item} — codice {sku} — {pr}\nSpedizione {car}, tracking {trk}\nConsegna "
           "prevista {wd} {d2}. Fattura {inv} disponibile come {file}.")
    return tpl, {"ord": N(order_no()), "d": N(fdate("it")), "item": ch(["Moka 6 tazze", "Zaino da trekking 30 L",
                                                                    "Lampada da tavolo"]),
                 "sku": N(sku()), "pr": N(price("it", 10, 300)), "car": Ns(["Trenitalia", "UPS", "DHL Express"]),
                 "trk": N(tracking()), "wd": N(weekday("it")), "d2": N(fdate("it")), "inv": N(invoice_no()),
                 "file": N(filename())}


@neg("nl")
def n_nl_afspraak():
    tpl = ("Vergadering {wd} {d} om {t} in zaal {zaal}. Agenda: offerte {inv} ({pr}), release {ver}, planning voor "
           "{mon}. Locatie {city}, postcode {pc}. Stukken: {file}.")
    a = Addr("nl")
    return tpl, {"wd": N(weekday("nl")), "d": N(fdate("nl")), "t": N(ftime("nl")), "zaal": N(ch(["De Dom", "2.14", "A"])),
                 "inv": N(invoice_no()), "pr": N(price("nl", 500, 9000)), "ver": N(version()),
                 "mon": N(ch(MONTHS["nl"])), "city": N(a.city), "pc": N(a.pc), "file": N(filename())}


@neg("pt")
def n_pt_encomenda():
    tpl = ("A sua encomenda {ord} foi expedida a {d}. Número de seguimento {trk} ({car}). Artigo {sku}, {m}, {pr}. "
           "Entrega prevista: {wd}. Código postal de destino: {pc}.")
    return tpl, {"ord": N(order_no()), "d": N(fdate("pt")), "trk": N(tracking()), "car": Ns(["CTT", "UPS", "DHL Express"]),
                 "sku": N(sku()), "m": N(measure("pt", "weight")), "pr": N(price("pt", 10, 500)), "wd": N(weekday("pt")),
                 "pc": N(Addr("pt").pc)}


@neg("pl")
def n_pl_zamowienie():
    tpl = ("Zamówienie {ord} z dnia {d} zostało wysłane przez {car}. Numer przesyłki: {trk}. Produkt: {sku}, {m}, cena "
           "{pr}. Faktura {inv}. Odbiór w paczkomacie {pm}, termin odbioru: {wd}.")
    return tpl, {"ord": N(order_no()), "d": N(fdate("pl")), "car": Ns(["InPost", "Allegro", "DHL Express"]),
                 "trk": N(tracking()), "sku": N(sku()), "m": N(measure("pl", ch(["dims", "weight"]))), "pr": N(price("pl", 20, 2000)),
                 "inv": N(invoice_no()), "pm": N(letters(3) + digits(2) + letters(1)), "wd": N(weekday("pl"))}


@neg("sv")
def n_sv_kvitto():
    tpl = ("Kvitto {ord}\n{d} kl. {t}\n{item} {sku} {pr}\nMoms 25 %: {moms}\nKortbetalning godkänd. Öppet köp i 30 "
           "dagar. Butik: {co}, {city}.")
    return tpl, {"ord": N(order_no()), "d": N(fdate("sv")), "t": N(ftime("sv")),
                 "item": ch(["Regnjacka", "Kaffebryggare", "Cykelhjälm"]), "sku": N(sku()), "pr": N(price("sv", 100, 3000)),
                 "moms": N(price("sv", 20, 600)), "co": Ns(["IKEA", "Fjällräven", "Clas Ohlson", "Lidl"]),
                 "city": N(Addr("sv").city)}


@neg("en")
def n_measurements_report():
    tpl = ("Site survey, {d}: living room {m1}, kitchen {m2}, ceiling height {m3}. Boiler model {sku}, installed "
           "{y}, last serviced {d2}. Quote {inv}: {pr} excl. VAT. Photos in {file}.")
    return tpl, {"d": N(fdate("uk")), "m1": N(measure("uk", "area")), "m2": N(measure("uk", "area")), "m3": N("%d cm" % ri(230, 290)),
                 "sku": N(sku()), "y": N(year()), "d2": N(fdate("uk")), "inv": N(invoice_no()), "pr": N(price("uk", 200, 6000)),
                 "file": N(filename())}


@neg("en")
def n_travel_itinerary():
    tpl = ("Trip plan: {wd1} {d1} train {tr} from {c1} to {c2} (dep {t1}, coach {coach}, seat {seat}); hotel "
           "confirmation {conf}; {wd2} museum tickets booked under reference {ref}; return flight {fn} on {d2}.")
    cs = R.sample(["Lisbon", "Porto", "Kraków", "Utrecht", "Bologna", "Seville", "Malmö", "Lyon", "Munich"], 2)
    return tpl, {"wd1": N(weekday("uk")), "d1": N(fdate("uk")), "tr": N(ch(["ICE", "TGV", "AVE", "IC"]) + " " + str(ri(100, 999))),
                 "c1": N(cs[0]), "c2": N(cs[1]), "t1": N(ftime("uk")), "coach": str(ri(1, 14)),
                 "seat": str(ri(11, 98)), "conf": N(nzdigits(9)), "wd2": N(weekday("uk")), "ref": N(booking_ref()),
                 "fn": N(letters(2) + str(ri(100, 9999))), "d2": N(fdate("uk"))}


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def generate(fn):
    for _ in range(50):
        tpl, m = fn()
        text, ents, negs = render(tpl, m)
        if validate(text, ents, negs):
            return text, ents, negs
    raise RuntimeError("could not generate a valid item from " + fn.__name__)


def main():
    items, seen = [], set()
    used = Counter()
    ent_order = list(ENT_TEMPLATES)
    neg_order = list(NEG_TEMPLATES)
    R.shuffle(ent_order)
    R.shuffle(neg_order)
    for kind, order, n in (("ent", ent_order, N_ENTITY_ITEMS), ("neg", neg_order, N_NEGATIVE_ITEMS)):
        i = 0
        made = 0
        while made < n:
            name, lang, fn = order[i % len(order)]
            i += 1
            text, ents, negs = generate(fn)
            if text in seen:
                continue
            seen.add(text)
            if kind == "ent":
                assert ents, name
            else:
                assert not ents, name
            used[name] += 1
            items.append((text, ents, negs, lang))
            made += 1
    R.shuffle(items)

    counts, langs = Counter(), Counter()
    n_neg_strings, n_neg_only, n_mixed = 0, 0, 0
    with open(OUT, "w", encoding="utf-8") as f:
        for k, (text, ents, negs, lang) in enumerate(items, 1):
            rec = {"id": "test-%05d" % k, "text": text, "entities": ents}
            if negs:
                rec["negatives"] = negs
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            for e in ents:
                counts[e["type"]] += 1
            langs[lang] += 1
            n_neg_strings += len(negs)
            if not ents:
                n_neg_only += 1
            elif negs:
                n_mixed += 1

    # re-read and re-check what was written
    with open(OUT, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            b = rec["text"].encode("utf-8")
            last = -1
            for e in rec["entities"]:
                assert b[e["start"]:e["end"]].decode("utf-8") == e["value"]
                assert e["start"] >= last
                last = e["end"]

    print("wrote", os.path.relpath(OUT))
    print("items: %d  (with entities: %d, negative-only: %d, entity items that also carry negatives: %d)"
          % (len(items), len(items) - n_neg_only, n_neg_only, n_mixed))
    print("entities: %d" % sum(counts.values()))
    for t in ["email", "phone", "credit_card", "iban", "ip_address", "url", "person", "street_address"]:
        print("  %-15s %d" % (t, counts[t]))
    print("hard-negative strings: %d" % n_neg_strings)
    print("templates: %d  (with entities: %d, negative-only: %d)"
          % (len(ENT_TEMPLATES) + len(NEG_TEMPLATES), len(ENT_TEMPLATES), len(NEG_TEMPLATES)))
    print("items per language: " + ", ".join("%s %d" % kv for kv in sorted(langs.items())))
    for t in ["email", "phone", "credit_card", "iban", "ip_address", "url", "person", "street_address"]:
        assert counts[t] >= 35, t
    assert len(items) >= 400 and n_neg_only >= 100 and len(ENT_TEMPLATES) + len(NEG_TEMPLATES) >= 40


if __name__ == "__main__":
    main()
