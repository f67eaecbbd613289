#!/usr/bin/env python3
"""Generator for tests/pii/pii-tenth.jsonl -- the tenth, independent, held-out PII test set.

Run:   cd /work/main && python3 tests/pii/make_pii_tenth.py
Seed:  random.Random(SEED) with SEED = 1029384 (Python 3 standard library only, deterministic:
       the same file is produced on every run).

Every output line is a JSON object
  {"id": "tenth-00001", "text": "...",
   "entities": [{"type": T, "value": V, "start": S, "end": E}, ...],
   "negatives": ["...", ...]}
T is one of: email, phone, credit_card, iban, ip_address, url, person, street_address.
start/end are BYTE offsets into text.encode("utf-8"). Labels exist by construction: each text is
built piece by piece from templates written for this set (no names, streets or templates were
taken from any other file of the repository), and every span is recorded while it is appended.
Before writing, the script asserts for every item:
  * text.encode()[S:E].decode() == V, and entities are sorted and never overlap;
  * every credit card is Luhn-valid, has a real IIN prefix and the length of its scheme;
  * every IBAN is mod-97 valid and has its country's official length;
  * every ip_address parses with the ipaddress module;
  * every negative occurs verbatim in the text, and none of its occurrences overlaps an entity;
  * any other occurrence (on word boundaries, case-sensitive) of an entity's value in the same
    text lies inside a labelled span (so no unlabelled copy of a labelled value exists).
Candidates that break one of the last two rules are regenerated (deterministically) before the
final assertions run.

Span conventions
- email: the address only (display names, <> brackets, "mailto:" outside); role addresses count.
- phone: from "+", "(" or the first digit to the last digit; extensions ("ext. 214", "x31",
  "Durchwahl -12") outside.
- credit_card: the whole number with its internal spaces/hyphens; Luhn-valid, real IIN prefixes
  (Visa, Mastercard incl. 2-series, Amex, Discover, JCB, Diners, UnionPay, Maestro).
- iban: the whole IBAN, compact or in groups of four; mod-97 valid with the country's length.
- ip_address: IPv4 or IPv6 (full, compressed, ::1, fe80::, private and public); ports, brackets
  and "/prefix" outside.
- url: from http(s):// or www. to the last URL character; trailing punctuation/brackets outside.
- person: the name only; titles (Dr., Mrs, Herr, Mme, Sra., Sig.ra, dhr., Pani, Bey, -san ...)
  and possessive 's outside; a full name is one span incl. particles (van, de, von, da, bin, O'),
  hyphens, apostrophes, patronymics and middle initials; lone given names or lone surnames are
  spans too; some are lower-case (casual chat), ALL-CAPS surnames (forms) or "SURNAME, Given";
  about a fifth are invented but plausible names.
- street_address: the street line incl. the street-type word, the house number and any
  flat/unit/floor/staircase written on that same line; postcode, city, region and country are
  outside.
"negatives" lists hard-negative strings that occur verbatim in the text and must NOT be labelled:
order/invoice/ticket/tracking numbers, ISBNs, dates, times, version strings, git hashes, UUIDs,
Luhn-invalid 16-digit numbers, prices, percentages, measurements, lone postcodes, product codes
and SKUs, Title-Case non-names (products, companies, places, months, weekdays, brands, job
titles, city names), file paths, hex colours, MAC addresses, coordinates, account numbers that
are not IBANs, national ID numbers.
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

SEED = 1029384
R = random.Random(SEED)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii-tenth.jsonl")
N_ITEMS = 660
TYPES = ("email", "phone", "credit_card", "iban", "ip_address", "url", "person",
         "street_address")


# ----------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------
def ch(seq):
    return R.choice(seq)


def chance(p):
    return R.random() < p


def W(s):
    """Split a comma-separated list (entries may contain spaces)."""
    return [x.strip() for x in s.split(",") if x.strip()]


def pat(p):
    """Fill a pattern: # digit, % non-zero digit, ^ upper letter, & lower hex, * upper hex,
    ? upper letter or digit; a backslash makes the next character literal. Every other
    character is copied."""
    out = []
    esc = False
    for c in p:
        if esc:
            out.append(c)
            esc = False
        elif c == "\\":
            esc = True
        elif c == "#":
            out.append(str(R.randint(0, 9)))
        elif c == "%":
            out.append(str(R.randint(1, 9)))
        elif c == "^":
            out.append(chr(65 + R.randint(0, 25)))
        elif c == "&":
            out.append(ch("0123456789abcdef"))
        elif c == "*":
            out.append(ch("0123456789ABCDEF"))
        elif c == "?":
            out.append(ch("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"))
        else:
            out.append(c)
    return "".join(out)


def ascii_fold(s):
    s = (s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
         .replace("Æ", "Ae").replace("ł", "l").replace("Ł", "L").replace("đ", "d")
         .replace("Đ", "D").replace("þ", "th").replace("Þ", "Th").replace("ð", "d")
         .replace("ı", "i").replace("œ", "oe"))
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s):
    return re.sub(r"[^a-z0-9]", "", ascii_fold(s).lower())


# ----------------------------------------------------------------------------------------------
# validators (used by the generators and by the final assertions)
# ----------------------------------------------------------------------------------------------
def luhn_ok(num):
    ds = [int(c) for c in num if c.isdigit()]
    tot = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(prefix_digits, length):
    body = prefix_digits + "".join(str(R.randint(0, 9)) for _ in range(length - len(prefix_digits) - 1))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError("unreachable")


# scheme -> (list of prefixes, allowed lengths)
CARD_SCHEMES = {
    "visa": (["4"], (16,)),
    "mastercard": ([str(x) for x in range(51, 56)] + [str(x) for x in range(2221, 2721)], (16,)),
    "amex": (["34", "37"], (15,)),
    "discover": (["6011", "65"] + [str(x) for x in range(644, 650)], (16,)),
    "jcb": ([str(x) for x in range(3528, 3590)], (16,)),
    "diners": (["36", "38"] + [str(x) for x in range(300, 306)], (14,)),
    "unionpay": (["62"], (16, 19)),
    "maestro": (["5018", "5020", "5038", "6304", "6759", "6761", "6763"], (16, 19)),
}


def card_scheme_ok(num):
    d = re.sub(r"[ -]", "", num)
    if not d.isdigit():
        return False
    for prefixes, lengths in CARD_SCHEMES.values():
        if len(d) in lengths and any(d.startswith(p) for p in prefixes):
            return True
    return False


IBAN_LEN = {"AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
            "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28,
            "IE": 22, "IS": 26, "IT": 27, "LT": 20, "LU": 20, "LV": 21, "NL": 18, "NO": 15,
            "PL": 28, "PT": 25, "RO": 24, "RS": 22, "SE": 24, "SI": 19, "SK": 24, "TR": 26,
            "UA": 29, "BR": 29, "AE": 23, "SA": 24, "IL": 23, "EG": 29, "MT": 31, "LI": 21,
            "MC": 27, "QA": 29, "PK": 24, "GE": 22, "JO": 30, "MU": 30}


def iban_ok(iban):
    s = iban.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    if IBAN_LEN.get(s[:2]) != len(s):
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def ip_ok(v):
    try:
        ipaddress.ip_address(v)
        return True
    except ValueError:
        return False


# ----------------------------------------------------------------------------------------------
# document builder: labels by construction
# ----------------------------------------------------------------------------------------------
PH_RE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class Doc:
    def __init__(self):
        self.parts = []
        self.n = 0
        self.ents = []
        self.negs = []

    def t(self, s):
        self.parts.append(s)
        self.n += len(s.encode("utf-8"))
        return self

    def e(self, typ, v):
        assert typ in TYPES, typ
        assert v and v == v.strip(), (typ, v)
        b = v.encode("utf-8")
        self.ents.append({"type": typ, "value": v, "start": self.n, "end": self.n + len(b)})
        self.parts.append(v)
        self.n += len(b)
        return self

    def neg(self, v):
        assert v and v == v.strip(), v
        self.negs.append(v)
        return self.t(v)

    def add(self, *items):
        for it in items:
            if it is None:
                continue
            if isinstance(it, str):
                self.t(it)
            elif isinstance(it, list):
                self.add(*it)
            elif it[0] == "neg":
                self.neg(it[1])
            else:
                self.e(it[0], it[1])
        return self

    def f(self, tpl, **kw):
        pos = 0
        for m in PH_RE.finditer(tpl):
            key = m.group(1)
            if key not in kw:
                raise KeyError("template placeholder %r not supplied" % key)
            self.t(tpl[pos:m.start()])
            self.add(kw[key])
            pos = m.end()
        self.t(tpl[pos:])
        return self

    def text(self):
        return "".join(self.parts)


def P(v):
    return ("person", v)


def EM(v):
    return ("email", v)


def TEL(v):
    return ("phone", v)


def CC(v):
    return ("credit_card", v)


def IB(v):
    return ("iban", v)


def IPA(v):
    return ("ip_address", v)


def URL(v):
    return ("url", v)


def ST(v):
    return ("street_address", v)


def N(v):
    return ("neg", v)


# ----------------------------------------------------------------------------------------------
# locale data (written for this set).  Surname entries "Masc/Fem" give gendered forms.
# cities: "City|postcode-pattern|region" separated by ";" (empty postcode: none in use).
# streets/afmt/nums/units are filled with pat(); {s} street, {n} number, {u} unit.
# ----------------------------------------------------------------------------------------------
def C(s):
    out = []
    for part in s.split(";"):
        part = part.strip()
        if not part:
            continue
        bits = part.split("|") + ["", ""]
        out.append((bits[0].strip(), bits[1].strip(), bits[2].strip()))
    return out


LOC = {}


def L(key, **kw):
    d = dict(order="gs", units=[], nums=["%", "%#", "%#"], post=["{pc} {city}"], sty="en",
             fi=[], mi=[], cc=None, lbl=None, doms=["gmail.com"], tld="com")
    d.update(kw)
    for k in ("f", "m", "s", "streets", "fi", "mi", "doms"):
        if isinstance(d[k], str):
            d[k] = W(d[k])
    d["cities"] = C(d["cities"]) if isinstance(d["cities"], str) else d["cities"]
    if d["lbl"] is None:
        d["lbl"] = d["lang"]
    d["key"] = key
    LOC[key] = d


# ---------------------------------------------------------------- English-speaking locales
L("us", lang="en", country="United States", tld="com",
  f="Emily, Madison, Brianna, Kayla, Tiffany, Shawna, Dolores, Marisol, Jolene, Kimberly, Latoya, Courtney, Heather, Paige",
  m="Tyler, Brandon, Dustin, Cody, Marcus, DeShawn, Trevor, Gary, Dwayne, Kyle, Austin, Wyatt, Garrett, Elijah",
  s="Miller, Johnson, Hernandez, Washington, Baker, Sullivan, Whitfield, Reyes, Coleman, Harrington, Boudreaux, Castillo, Abernathy, McAllister, Pruitt, Dunlap, Okafor-Hayes, Vanderpool",
  fi="Kaylinn, Brevyn, Marlowe", mi="Jaxtyn, Corbin, Ledger", sty="en",
  streets="Maple Avenue, Oak Street, Sunset Boulevard, Elm St, W 23rd Street, Cedar Lane, Willow Court, Lakeshore Drive, N Clark St, Mission Street, Pine Ridge Road, Magnolia Way, Harbor View Pkwy, E Colfax Ave, Peachtree Rd NE, Old Mill Road, Juniper Terrace, Bayshore Blvd, Cypress Creek Dr",
  afmt=["{n} {s}", "{n} {s}", "{n} {s}, {u}", "{n} {s} {u}"], nums=["%#", "%##", "%###", "%####"],
  units=["Apt %^", "Apt %#", "Suite %##", "Unit %", "\\#%#", "Apt. %#^", "Ste %0#"],
  cities="Springfield|627##|IL; Portland|972##|OR; Austin|787##|TX; Columbus|432##|OH; Asheville|288##|NC; Tucson|857##|AZ; Madison|537##|WI; Boise|837##|ID; Savannah|314##|GA; Albany|122##|NY; Duluth|558##|MN",
  post=["{city}, {rg} {pc}", "{city} {rg} {pc}"],
  phones=["(%##) 555-01##", "(%##) %##-####", "+1 %##-%##-####", "%##-%##-####", "%##.%##.####", "+1 (%##) %##-####"],
  doms="gmail.com, yahoo.com, outlook.com, icloud.com, comcast.net, aol.com, proton.me")
L("uk", lang="en", cc="GB", country="United Kingdom", tld="co.uk",
  f="Charlotte, Imogen, Harriet, Poppy, Gemma, Kirsty, Beatrice, Eleanor, Rosie, Phoebe, Lydia",
  m="Oliver, Alfie, Callum, Rhys, Hamish, Nigel, Gareth, Rupert, Tobias, Alistair, Jamie",
  s="Thompson, Hughes, Pritchard, Featherstone, Ainsworth, Cartwright, Davies, Llewellyn, Patel, Begum, Whitcombe, Hargreaves, Blackwood, Ashby, Fairweather, Greenhalgh, Okoro",
  fi="Elowen, Tamsyn", mi="Brannock, Ferris", sty="en",
  streets="Hazel Road, Kingsley Crescent, Mill Lane, Church Street, Station Road, Thornbury Close, Hawthorn Avenue, Ashdown Gardens, Priory Walk, Greenacre Way, Linden Grove, Caledonian Road, Bramble Mews, Moorland View, Albion Terrace, Westgate Street",
  afmt=["{n} {s}", "{n} {s}", "{u}, {n} {s}", "{n}{l} {s}"], nums=["%", "%#", "%#", "%##"],
  units=["Flat %", "Flat %^", "Apartment %#", "Flat %#"],
  cities="Leeds|LS% #^^; Bristol|BS% #^^; Manchester|M%# #^^; Edinburgh|EH% #^^; Cardiff|CF%# #^^; Norwich|NR% #^^; York|YO%# #^^; Brighton|BN% #^^; London|SE%# #^^; Glasgow|G%# #^^; Sheffield|S%# #^^",
  post=["{city} {pc}", "{city}, {pc}", "{city}\n{pc}"],
  phones=["+44 20 7### ####", "020 7### ####", "07%## ######", "+44 7%## ######", "+44 (0)161 ### ####", "0113 ### ####", "01632 ######"],
  doms="gmail.com, btinternet.com, yahoo.co.uk, hotmail.co.uk, outlook.com, sky.com")
L("ie", lang="en", cc="IE", country="Ireland", tld="ie", sty="ga",
  f="Aoife, Siobhán, Caoimhe, Niamh, Róisín, Orla, Saoirse, Clodagh, Gráinne, Méabh",
  m="Cian, Oisín, Pádraig, Ciarán, Darragh, Eoin, Fionn, Tadhg, Seán, Colm",
  s="O'Sullivan, O'Brien, McCarthy, Ó Súilleabháin/Ní Shúilleabháin, Fitzgerald, Kavanagh, Brennan, Mac Cárthaigh/Nic Cárthaigh, Doherty, O'Driscoll, Mac Giolla Phádraig/Nic Giolla Phádraig, Ó Briain/Ní Bhriain, Kinsella, Breathnach, Ó Ceallaigh/Ní Cheallaigh",
  fi="Éabha, Síofra", mi="Ruairc, Lorcán",
  streets="Grafton Street, Mount Street Upper, Dame Street, Ballymun Road, Patrick Street, Shop Street, O'Connell Street, Church Road, Mespil Road, Harcourt Terrace, Sea Road, Strand Road",
  afmt=["{n} {s}", "{n} {s}", "{u}, {n} {s}"], nums=["%", "%#", "%#"], units=["Apt %", "Apartment %#", "Flat %"],
  cities="Dublin|D0% ^%#%; Cork|T12 ^#%#; Galway|H91 ^%#?; Limerick|V94 ^##%; Waterford|X91 ^##%; Kilkenny|R95 ^%#?",
  post=["{city}, {pc}", "{city} {pc}"],
  phones=["+353 1 ### ####", "01 ### ####", "08% ### ####", "+353 8% ### ####", "(021) ### ####"],
  doms="eircom.net, gmail.com, hotmail.com, outlook.ie")
L("au", lang="en", country="Australia", tld="com.au",
  f="Chloe, Matilda, Kylie, Tahlia, Bronwyn, Sheree, Jessica, Madison",
  m="Lachlan, Brodie, Jarrah, Bruce, Cooper, Hamish, Darcy, Kane",
  s="Mitchell, Fitzpatrick, Kowalski, Papadopoulos, Tran, Hodgkinson, Rawlings, Nguyen, Campbell, Donnelly, Pham, Stavros",
  fi="Kaylee-Jo, Tarni", mi="Brax, Kodi", sty="en",
  streets="Beach Road, Chapel Street, Sydney Road, Oxford Street, Flinders Lane, Brunswick Street, Hay Street, Bridge Road, Wattle Grove, Banksia Crescent, Jacaranda Avenue, King William Street",
  afmt=["{n} {s}", "{n} {s}", "Unit {u}, {n} {s}", "{u}/{n} {s}"], units=["%", "%#"],
  cities="Sydney|20##|NSW; Melbourne|30##|VIC; Brisbane|40##|QLD; Perth|60##|WA; Adelaide|50##|SA; Hobart|70##|TAS; Geelong|32##|VIC; Wollongong|25##|NSW",
  post=["{city} {rg} {pc}", "{city}, {rg} {pc}"],
  phones=["+61 4## ### ###", "04## ### ###", "(02) 9### ####", "+61 2 9### ####", "03 9### ####"],
  doms="bigpond.com, gmail.com, optusnet.com.au, outlook.com.au")
L("nz", lang="en", country="New Zealand", tld="co.nz",
  f="Aroha, Mereana, Kiri, Ngaire, Isla, Hine", m="Tama, Wiremu, Nikau, Rawiri, Finn, Manaia",
  s="Ngata, Parata, Walker, Tipene, Henare, Te Whata, Te Rangi, Whaanga, Morrison, Tane, Pomare, Harawira",
  fi="Maraea, Kaia-Rose", mi="Tawhiri", sty="en",
  streets="Ponsonby Road, Karangahape Road, Cuba Street, Riccarton Road, Tui Street, Kowhai Avenue, Manuka Crescent, Rata Street, Lambton Quay, Dominion Road, Great North Road",
  afmt=["{n} {s}", "{n} {s}", "{u}/{n} {s}", "Flat {u}, {n} {s}"], units=["%", "%^"],
  cities="Auckland|10##; Wellington|60##; Christchurch|80##; Dunedin|90##; Hamilton|32##; Nelson|70##",
  post=["{city} {pc}"],
  phones=["+64 21 ### ####", "021 ### ####", "(09) ### ####", "+64 9 ### ####", "04-### ####"],
  doms="xtra.co.nz, gmail.com, slingshot.co.nz")
L("ca", lang="en", country="Canada", tld="ca",
  f="Geneviève, Marie-Ève, Chantal, Brooke, Mackenzie, Josée, Kaitlyn", m="Étienne, Jean-François, Mathieu, Logan, Gurpreet, Tristan, Carter",
  s="Tremblay, Gagnon, Bouchard, Côté, Lévesque, MacDonald, Singh, Gill, Fraser, Bélanger, Thibodeau, MacLeod, Pelletier, Sandhu",
  fi="Océanne, Brielle", mi="Maxence", sty="fr",
  streets="Queen St W, Rue Sainte-Catherine Ouest, Rue Saint-Denis, Yonge Street, Robson Street, Jasper Avenue, Spring Garden Road, Bank Street, Avenue du Parc, Portage Avenue, Bloor St E, Boulevard René-Lévesque",
  afmt=["{n} {s}", "{n} {s}", "{u}-{n} {s}", "{n} {s}, Unit {u}", "{n}, {s}, app. {u}"], nums=["%#", "%##", "%###", "%#"], units=["%#", "%0%", "%"],
  cities="Toronto|M%^ %^%|ON; Montréal|H%^ %^%|QC; Vancouver|V%^ %^%|BC; Calgary|T%^ %^%|AB; Halifax|B%^ %^%|NS; Ottawa|K%^ %^%|ON; Winnipeg|R%^ %^%|MB",
  post=["{city}, {rg} {pc}", "{city} ({rg}) {pc}", "{city} {rg}  {pc}"],
  phones=["(416) %##-####", "+1 514 %##-####", "604-%##-####", "+1 (403) %##-####", "613.%##.####"],
  doms="rogers.com, videotron.ca, gmail.com, shaw.ca, sympatico.ca")
L("in", lang="en", country="India", tld="in",
  f="Priya, Ananya, Lakshmi, Kavya, Shreya, Deepika, Meenakshi, Nandini, Harini, Pooja, Sunita",
  m="Arjun, Rohan, Vikram, Siddharth, Aditya, Venkatesh, Harpreet, Rahul, Karthik, Abhishek, Manoj",
  s="Sharma, Iyer, Reddy, Chatterjee, Banerjee, Nair, Gupta, Menon, Deshpande, Khan, Kulkarni, Krishnamurthy, Bhattacharya, Pillai, Joshi, Agarwal, Subramanian",
  fi="Ishvika, Tanmayi", mi="Vihaan-Raj, Dhruvesh", sty="in",
  streets="MG Road, Brigade Road, Linking Road, Anna Salai, FC Road, Park Street, Residency Road, Hill Road, Jubilee Hills Road No. 36, Sarjapur Main Road, Nehru Place",
  afmt=["{n} {s}", "{n}, {s}", "Flat {u}, {n} {s}", "\\#{n}, {s}", "No. {n}, {s}"], nums=["%", "%#", "%##"], units=["%0%", "%0#", "^-%0%"],
  cities="Bengaluru|560 0##|Karnataka; Mumbai|4000##|Maharashtra; Chennai|6000##|Tamil Nadu; Pune|4110##|Maharashtra; Hyderabad|5000##|Telangana; Kolkata|7000##|West Bengal; New Delhi|1100##|Delhi; Kochi|6820##|Kerala",
  post=["{city}, {rg} {pc}", "{city} - {pc}"],
  phones=["+91 9#### #####", "+91-98###-#####", "098### #####", "080 2### ####", "+91 22 2### ####", "7#########"],
  doms="gmail.com, rediffmail.com, yahoo.co.in, outlook.com")
L("za", lang="en", country="South Africa", tld="co.za",
  f="Thandiwe, Nomvula, Lerato, Annelie, Zanele, Refilwe, Palesa", m="Sipho, Thabo, Pieter, Johan, Mandla, Kagiso, Lwazi",
  s="Nkosi, Dlamini, van der Merwe, Botha, Mokoena, Naidoo, Pretorius, Khumalo, Mthembu, du Plessis, Ndlovu, Jacobs, Fourie",
  fi="Nokuthula-Grace", mi="Lindokuhle", sty="en",
  streets="Long Street, Bree Street, Florida Road, Church Street, Oxford Road, Main Road, Kloof Street, Vilakazi Street, Voortrekker Road, Beach Road, Rivonia Road",
  afmt=["{n} {s}", "{n} {s}", "Unit {u}, {n} {s}"], units=["%", "%#"],
  cities="Cape Town|80##; Johannesburg|20##; Durban|40##; Pretoria|00##; Gqeberha|60##; Bloemfontein|93##; Stellenbosch|7600",
  post=["{city}, {pc}", "{city} {pc}"],
  phones=["+27 82 ### ####", "082 ### ####", "+27 (0)21 ### ####", "021 ### ####", "011 ### ####", "+27 71 ### ####"],
  doms="gmail.com, mweb.co.za, telkomsa.net, webmail.co.za")
L("ng", lang="en", country="Nigeria", tld="com.ng", sty="yo",
  f="Oluwaseun, Adaeze, Folake, Titilayo, Ngozi, Chiamaka, Funmilayo, Yetunde, Aisha, Bukola, Omotola",
  m="Babatunde, Chukwuemeka, Olumide, Emeka, Tunde, Adebayo, Ifeanyi, Kayode, Segun, Obinna, Ayodele",
  s="Adeyemi, Okafor, Ogunleye, Balogun, Eze, Okonkwo, Nwosu, Olatunji, Abubakar, Oyelaran, Adeleke, Ogundipe, Onyekachi, Bello, Afolabi, Nwachukwu, Oyinlola",
  fi="Ifeoluwa, Morenike", mi="Oluwadamilare, Kolapo",
  streets="Adeola Odeku Street, Allen Avenue, Awolowo Road, Bode Thomas Street, Herbert Macaulay Way, Ring Road, Ogui Road, Aminu Kano Crescent, Ozumba Mbadiwe Avenue, Admiralty Way, Isaac John Street",
  afmt=["{n} {s}", "{n}, {s}", "Flat {u}, {n} {s}", "Plot {n}, {s}"], units=["%", "%^"],
  cities="Lagos|1012##; Ibadan|2002##; Abuja|9001##; Enugu|4002##; Port Harcourt|5001##; Abeokuta|1102##",
  post=["{city} {pc}", "{city}"],
  phones=["+234 80# ### ####", "080# ### ####", "+234 (0)1 ### ####", "0803-###-####", "+2348#########", "0706 ### ####"],
  doms="gmail.com, yahoo.com, outlook.com")
L("ke", lang="en", country="Kenya", tld="co.ke", sty="sw",
  f="Wanjiru, Akinyi, Achieng, Njeri, Zawadi, Neema, Wambui, Amani, Nafula, Chebet",
  m="Kamau, Otieno, Omondi, Kiprono, Baraka, Juma, Mwangi, Kibet, Ochieng, Mutua",
  s="Mwangi, Otieno, Kariuki, Wanjala, Odhiambo, Mutua, Kiptoo, Njoroge, Chege, Mwakilema, Wafula, Onyango, Kamau, Muthoni",
  fi="Nyokabi-Imani", mi="Kipchumba",
  streets="Ngong Road, Moi Avenue, Kenyatta Avenue, Kimathi Street, Waiyaki Way, Oginga Odinga Street, Argwings Kodhek Road, Mama Ngina Street, Nyerere Road, Lenana Road, Kaunda Street",
  afmt=["{n} {s}", "House {n}, {s}", "Apartment {u}, {n} {s}"], units=["^%", "%#"],
  cities="Nairobi|00100; Mombasa|80100; Kisumu|40100; Nakuru|20100; Eldoret|30100",
  post=["{city} {pc}", "{pc} {city}"],
  phones=["+254 7## ######", "07## ######", "+254 (0)20 ### ####", "0722 ### ###", "+254 7## ### ###"],
  doms="gmail.com, yahoo.com, outlook.com")
L("sg", lang="en", country="Singapore", tld="com.sg", order="sg", sty="zh",
  f="Wei Ling, Hui Min, Siew Mei, Xin Yi, Shu Fen, Jia Xin", m="Jun Jie, Wei Jie, Zhi Hao, Kok Wai, Guo Liang, Yong Sheng",
  s="Tan, Lim, Ng, Goh, Teo, Lee, Chua, Rajendran, Koh, Ong, Seah",
  fi="Qi Wen", mi="Jia Hao",
  streets="Ang Mo Kio Avenue 3, Tampines Street 81, Orchard Road, Jurong West Street 52, Bukit Timah Road, Toa Payoh Lorong 1, Serangoon Road, Holland Avenue",
  afmt=["{n} {s}", "Blk {n} {s} \\#0%-%##", "Blk {n} {s}, \\#%#-%#"], nums=["%", "%#", "%##"],
  cities="Singapore|%#####", post=["Singapore {pc}", "{city} {pc}"],
  phones=["+65 %### ####", "9### ####", "8### ####", "6### ####", "+65 6### ####"],
  doms="gmail.com, singnet.com.sg, yahoo.com.sg")

# ---------------------------------------------------------------- German-speaking
L("de", lang="de", cc="DE", country="Deutschland", tld="de", sty="de",
  f="Anna, Lena, Katharina, Ursula, Gisela, Jana, Friederike, Hannelore, Mia, Svenja, Wiebke, Annegret, Sabine, Carolin",
  m="Jonas, Lukas, Maximilian, Jürgen, Dieter, Torben, Florian, Niklas, Matthias, Wolfgang, Björn, Hauke, Uwe, Karl-Heinz",
  s="Müller, Schneider, Fischer, Weber, Wagner, Becker, Hoffmann, Schäfer, Koch, Bauer, Richter, Klein, Schröder, Neumann, Zimmermann, Krüger, Hartmann, Lange, Krause, Lehmann, Schmitz, Köhler, Jankowski, Yılmaz, Brandt, Kühn, Pohl, Vogt, von Bülow, von der Heyde, Schulze-Eckhoff, Meyer zu Bexten",
  fi="Liesbeth-Marei, Swantje-Lou", mi="Hartwin, Jorken",
  streets="Lindenstraße, Hauptstraße, Bahnhofstr., Am Mühlbach, Goethestraße, Schillerplatz, Kastanienallee, Friedrich-Ebert-Straße, Gartenweg, Hohe Straße, Auf dem Berge, Uhlandstraße, Rosenweg, Kirchgasse, Schäferkamp, Bergstraße, Ringstraße, An der Alster, Ludwigstraße, Eichendorffweg",
  afmt=["{s} {n}", "{s} {n}", "{s} {n}{l}", "{s} {n}, {u}"], nums=["%", "%#", "%#", "%##"],
  units=["%. OG", "Whg. %", "%. Etage links", "App. %#", "Hinterhaus", "%. Stock rechts"],
  cities="Berlin|1####; Hamburg|2####; München|8####; Köln|50###; Leipzig|04###; Freiburg im Breisgau|79###; Bremen|28###; Dresden|01###; Nürnberg|90###; Kassel|34###; Münster|48###; Rostock|18###",
  post=["{pc} {city}", "D-{pc} {city}"],
  phones=["+49 30 ########", "030 #######", "+49 171 #######", "0171 #######", "+49 (0)89 #######", "0221 / ######", "+49 151 ########", "040-########", "06221 ######"],
  doms="web.de, gmx.de, t-online.de, posteo.de, gmail.com, mailbox.org")
L("at", lang="de", cc="AT", country="Österreich", tld="at", sty="de",
  f="Theresa, Johanna, Magdalena, Veronika, Leonie, Elisabeth, Katrin", m="Florian, Alois, Johann, Markus, Valentin, Andreas, Lorenz",
  s="Gruber, Huber, Pichler, Moser, Steiner, Mayrhofer, Hofer, Leitner, Eder, Brandstätter, Oberhuber, Wallner, Fuchs, Wimmer, Auer",
  fi="Resi-Marlen", mi="Korbinian-Vitus",
  streets="Mariahilfer Straße, Landstraßer Hauptstraße, Getreidegasse, Herrengasse, Linzer Straße, Schönbrunner Straße, Praterstraße, Annenstraße, Wiedner Gürtel, Kaiserstraße, Hauptplatz, Gumpendorfer Straße",
  afmt=["{s} {n}", "{s} {n}/{u}", "{s} {n}/{u}"], units=["%/%#", "%#", "Top %", "Stiege %/Top %#"],
  cities="Wien|1%#0; Graz|80%#; Linz|40%#; Salzburg|50%#; Innsbruck|60%#; Klagenfurt|90%#",
  post=["{pc} {city}", "A-{pc} {city}"],
  phones=["+43 1 ### ## ##", "01 ### ## ##", "+43 664 #######", "0664 ### ####", "+43 (0)316 ######", "0676/#######"],
  doms="gmx.at, aon.at, chello.at, gmail.com")
L("ch", lang="de", cc="CH", country="Schweiz", tld="ch", sty="de",
  f="Seraina, Nadine, Corinne, Ursina, Mirjam, Flurina, Chiara, Regula", m="Reto, Urs, Beat, Gian, Andrin, Noah, Dominik, Mattia",
  s="Meier, Brunner, Zürcher, Baumgartner, Keller, Frei, Gerber, Bühler, Caduff, Schmid, Rüegg, Zbinden, Aebischer, Favre, Bernasconi",
  fi="Alinda", mi="Gianluc",
  streets="Bahnhofstrasse, Seestrasse, Rue du Rhône, Via Nassa, Dorfstrasse, Kramgasse, Spalenberg, Avenue de la Gare, Zürcherstrasse, Gerechtigkeitsgasse, Rue de Lausanne, Bleicherweg",
  afmt=["{s} {n}", "{s} {n}", "{s} {n}{l}"],
  cities="Zürich|80##; Bern|30##; Basel|40##; Genève|12##; Lausanne|10##; Lugano|69##; Luzern|60##; St. Gallen|90##; Winterthur|84##",
  post=["{pc} {city}", "CH-{pc} {city}"],
  phones=["+41 44 ### ## ##", "044 ### ## ##", "+41 79 ### ## ##", "079 ### ## ##", "+41 (0)31 ### ## ##", "0041 22 ### ## ##"],
  doms="bluewin.ch, gmx.ch, hispeed.ch, gmail.com")

# ---------------------------------------------------------------- French / Benelux
L("fr", lang="fr", cc="FR", country="France", tld="fr", sty="fr",
  f="Camille, Manon, Léa, Chloé, Mathilde, Élodie, Sandrine, Océane, Margaux, Inès, Solène, Brigitte, Anne-Sophie",
  m="Lucas, Hugo, Théo, Antoine, Mathieu, Jean-Baptiste, Guillaume, Yannick, Benoît, Loïc, Pierre-Alexandre, Cédric, Gaëtan",
  s="Martin, Bernard, Dubois, Durand, Lefebvre, Moreau, Laurent, Girard, Rousseau, Fontaine, Lemaire, Chevalier, Fournier, Mercier, Garnier, Faure, Benali, Le Goff, de La Tour, d'Aubigné, Kerhervé, Nguyen-Lefort",
  fi="Maëlys-Anne, Ysaline", mi="Aurélien-Max, Tristan-Loup",
  streets="rue des Lilas, avenue Jean Jaurès, boulevard Voltaire, rue de la République, place du Marché, allée des Tilleuls, chemin des Vignes, impasse des Roses, quai de la Tournelle, rue du Faubourg Saint-Antoine, avenue de Verdun, rue Pasteur, cours Mirabeau, rue Saint-Ferréol, Rue des Écoles",
  afmt=["{n} {s}", "{n} {s}", "{n} bis {s}", "{n}, {s}", "{n} {s}, {u}"], nums=["%", "%#", "%#", "%##"],
  units=["Bât. ^", "appt %#", "%e étage", "Esc. ^"],
  cities="Paris|750##; Lyon|6900%; Marseille|130##; Toulouse|310##; Nantes|440##; Bordeaux|330##; Lille|590##; Strasbourg|670##; Rennes|350##; Montpellier|340##; Grenoble|380##",
  post=["{pc} {city}"],
  phones=["+33 6 ## ## ## ##", "06 ## ## ## ##", "01 ## ## ## ##", "+33 (0)1 ## ## ## ##", "07.##.##.##.##", "04 7# ## ## ##", "+33 7 ## ## ## ##"],
  doms="orange.fr, free.fr, laposte.net, wanadoo.fr, sfr.fr, gmail.com")
L("be", lang="nl", cc="BE", country="Belgium", tld="be", sty="nl",
  f="Lotte, Elise, Sofie, Amélie, Ines, Fien, Marthe, Lien", m="Wout, Pieter-Jan, Arnaud, Maxime, Thibault, Jens, Robbe, Wannes",
  s="Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Claes, Goossens, Dubois, Lambert, De Smet, Van Damme, Vandenberghe, De Backer, Van den Broeck, Dewulf",
  fi="Jolien-Fee", mi="Tijl-Arne",
  streets="Rue de la Loi, Kerkstraat, Chaussée de Waterloo, Meir, Avenue Louise, Veldstraat, Rue Neuve, Stationsstraat, Grote Markt, Boulevard d'Avroy, Nieuwstraat, Bondgenotenlaan",
  afmt=["{s} {n}", "{s} {n}", "{s} {n} bus {u}", "{s} {n}/{u}", "{s} {n}, boîte {u}"], units=["%", "%#"],
  cities="Bruxelles|10##; Antwerpen|20##; Gent|90##; Liège|40##; Leuven|30##; Namur|50##; Brugge|8000; Charleroi|60##",
  post=["{pc} {city}", "B-{pc} {city}"],
  phones=["+32 2 ### ## ##", "02 ### ## ##", "+32 47# ## ## ##", "047# ## ## ##", "09/### ## ##", "+32 (0)3 ### ## ##"],
  doms="telenet.be, skynet.be, proximus.be, gmail.com")
L("lu", lang="fr", cc="LU", country="Luxembourg", tld="lu", sty="de",
  f="Carole, Nathalie, Josiane, Lisa, Martine, Sandy", m="Jos, Romain, Gilles, Claude, Tom, Marc",
  s="Schmit, Muller, Weber, Wagner, Hoffmann, Reuter, Thill, Kieffer, Majerus, Kremer, Reding, Schroeder, Wirtz",
  fi="Mett", mi="Joël-Pit",
  streets="rue de la Gare, avenue de la Liberté, Grand-Rue, route d'Arlon, boulevard Royal, rue du Fossé, rue de Hollerich, Kiirchestrooss, avenue Gaston Diderich",
  afmt=["{n}, {s}", "{n} {s}", "{n}, {s}"], nums=["%", "%#", "%##"],
  cities="Luxembourg|L-1###; Esch-sur-Alzette|L-4###; Differdange|L-45##; Dudelange|L-34##; Ettelbruck|L-90##",
  post=["{pc} {city}"],
  phones=["+352 621 ### ###", "+352 ## ## ##", "621 ### ###", "(+352) 26 ## ## ##"],
  doms="pt.lu, internet.lu, gmail.com")
L("nl", lang="nl", cc="NL", country="Nederland", tld="nl", sty="nl",
  f="Sanne, Fleur, Anouk, Femke, Lotte, Marieke, Ingrid, Noor, Jikke, Esmee, Wilhelmina",
  m="Daan, Bram, Sem, Jeroen, Pieter, Ruud, Thijs, Wouter, Joris, Hendrik, Gijs",
  s="de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Hendriks, van Leeuwen, Dekker, Brouwer, van der Meer, Verhoeven, Kuipers, van 't Hof, ter Horst",
  fi="Janneke-Floor, Sietske", mi="Wessel-Jan, Ids",
  streets="Prinsengracht, Kerkstraat, Dorpsstraat, Oudegracht, Laan van Meerdervoort, Molenweg, Herengracht, Vondelstraat, Nieuwe Binnenweg, Wilhelminastraat, Coolsingel, Spoorlaan, Kruisstraat, Zeedijk",
  afmt=["{s} {n}", "{s} {n}", "{s} {n}{l}", "{s} {n}-{u}", "{s} {n} hs", "{s} {n}-II"], units=["%", "%#", "bis"],
  cities="Amsterdam|10%# ^^; Rotterdam|30%# ^^; Utrecht|35%# ^^; Den Haag|25%# ^^; Groningen|97%# ^^; Eindhoven|56%# ^^; Leiden|23%# ^^; Zwolle|80%# ^^",
  post=["{pc} {city}", "{pc}  {city}"],
  phones=["+31 6 ########", "06-########", "06 ## ## ## ##", "020 ### ####", "+31 20 ### ####", "010-#######", "+31 (0)30 ### ####"],
  doms="ziggo.nl, kpnmail.nl, hotmail.nl, xs4all.nl, gmail.com")

# ---------------------------------------------------------------- Iberian / Latin American
L("es", lang="es", cc="ES", country="España", tld="es", sty="es",
  f="Lucía, María del Carmen, Pilar, Nerea, Ainhoa, Inmaculada, Rocío, Alba, Begoña, Paloma, Maite, Covadonga",
  m="Alejandro, Javier, Iñaki, Álvaro, Sergio, Gonzalo, Francisco Javier, José Luis, Íker, Rubén, Borja, Txema",
  s="García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Jiménez, Ruiz, Díaz, Moreno, Muñoz, Álvarez, Romero, Alonso, Navarro, Torres, Domínguez, Vázquez, Ramos, Serrano, Blanco, Ortega, Delgado, Etxeberria, Goikoetxea, Iglesias, Castro, de la Fuente",
  fi="Arantxa-Lucía, Nélida", mi="Ximo, Abelardo-Íñigo",
  streets="Calle de Alcalá, Calle Mayor, Avenida de la Constitución, Paseo de la Castellana, Gran Vía, Calle del Pez, Calle Sierpes, Ronda de Segovia, Calle Real, Avenida de América, Calle San Vicente Ferrer, C/ Princesa, Calle Larios, Plaza del Pilar",
  afmt=["{s}, {n}", "{s} {n}", "{s}, {n}, {u}", "{s} {n}, {u}"], nums=["%", "%#", "%#", "%##"],
  units=["%º ^", "%º izq.", "%º dcha.", "%º %ª", "bajo ^", "ático"],
  cities="Madrid|280##; Sevilla|410##; Valencia|460##; Bilbao|480##; Zaragoza|500##; Málaga|290##; Salamanca|370##; Granada|180##; A Coruña|150##; Valladolid|470##",
  post=["{pc} {city}", "{pc} - {city}"],
  phones=["+34 6## ### ###", "6## ## ## ##", "91 ### ## ##", "+34 91 ### ## ##", "+34 7## ### ###", "6########"],
  doms="gmail.com, hotmail.es, yahoo.es, telefonica.net, outlook.es")
L("cat", lang="ca", cc="ES", country="Catalunya", tld="cat", sty="ca",
  f="Montserrat, Núria, Laia, Mireia, Meritxell, Aina, Roser, Queralt", m="Jordi, Pau, Oriol, Arnau, Marc, Pere, Xavier, Joan",
  s="Puig, Vila, Ferrer, Soler, Casals, Pujol, Vidal, Bosch, Roca, Serra, Font, Sala, Riera, Camps, Fabregat, Vilaró",
  fi="Ariadna-Mar", mi="Nil-Oleguer",
  streets="Carrer de Mallorca, Passeig de Gràcia, Carrer Gran de Gràcia, Rambla de Catalunya, Carrer del Consell de Cent, Avinguda Diagonal, Carrer de Sants, Carrer Major, Plaça del Sol, Carrer de Verdi",
  afmt=["{s}, {n}, {u}", "{s} {n}, {u}", "{s}, {n}", "{s} {n}"], nums=["%", "%#", "%##"],
  units=["%r %a", "%n %a", "àtic %a", "baixos", "pral. %a", "%t %a"],
  cities="Barcelona|080##; Girona|170##; Lleida|250##; Tarragona|430##; Sabadell|082##; Reus|432##",
  post=["{pc} {city}"],
  phones=["+34 93 ### ## ##", "93 ### ## ##", "+34 6## ## ## ##", "6## ### ###", "972 ## ## ##"],
  doms="gmail.com, hotmail.com, xtec.cat, telefonica.net")
L("mx", lang="es", country="México", tld="com.mx", sty="es",
  f="Guadalupe, Ximena, Itzel, Fernanda, Marisol, Araceli, Yesenia, María Fernanda", m="José Luis, Juan Carlos, Emiliano, Jesús, Cuauhtémoc, Rodrigo, Héctor, Luis Ángel",
  s="Hernández, García, Martínez, López, González, Ramírez, Flores, Cruz, Mendoza, Castañeda, Villanueva, Zúñiga, Cervantes, Quintero, Ochoa, Tlatelpa",
  fi="Yatziri, Nayeli-Sol", mi="Tonatiuh-Iván",
  streets="Av. Insurgentes Sur, Calle Madero, Paseo de la Reforma, Av. Álvaro Obregón, Calle Durango, Calzada de Tlalpan, Av. Chapultepec, Calle Morelos, Calle Hidalgo, Av. Vallarta, Calle Colima",
  afmt=["{s} {n}", "{s} {n}, {u}", "{s} {n} {u}", "{s} No. {n}"], nums=["%", "%#", "%##", "%###"],
  units=["Int. %", "Int. %#", "Depto. %0%", "Depto. ^", "Piso %"],
  cities="Ciudad de México|06###|CDMX; Guadalajara|44###|Jal.; Monterrey|64###|N.L.; Puebla|72###|Pue.; Mérida|97###|Yuc.; Querétaro|76###|Qro.; Oaxaca de Juárez|68###|Oax.",
  post=["C.P. {pc}, {city}, {rg}", "{pc} {city}, {rg}"],
  phones=["+52 55 #### ####", "55 #### ####", "+52 1 33 #### ####", "(81) ####-####", "+52 (222) ###-####"],
  doms="gmail.com, hotmail.com, prodigy.net.mx, outlook.com")
L("arg", lang="es", country="Argentina", tld="com.ar", sty="es",
  f="Florencia, Agustina, Milagros, Valentina, Carolina, Julieta, Rocío", m="Facundo, Santiago, Matías, Gonzalo, Ezequiel, Nahuel, Lautaro",
  s="González, Rodríguez, Gómez, Fernández, López, Díaz, Romero, Sosa, Álvarez, Benítez, Acosta, Medina, Giménez, Pereyra, Ferraro, Bianchi, Kaplan",
  fi="Ayelén-Luz", mi="Thiago-Benicio",
  streets="Av. Corrientes, Av. Santa Fe, Calle Florida, Av. de Mayo, Av. Rivadavia, Calle Defensa, Av. Cabildo, Calle Balcarce, Bv. Oroño, Calle Reconquista, Av. Callao",
  afmt=["{s} {n}", "{s} {n}, {u}", "{s} {n} {u}"], nums=["%##", "%###", "%#"],
  units=["Piso % Depto. ^", "%º ^", "Piso %, Dto. %", "PB ^"],
  cities="Buenos Aires|C1%##^^^; Córdoba|X50##^^^; Rosario|S20##^^^; Mendoza|M55##^^^; La Plata|B19##^^^",
  post=["{pc} {city}", "{city} ({pc})"],
  phones=["+54 9 11 ####-####", "11 ####-####", "(011) 4###-####", "+54 351 ###-####", "11-5###-####"],
  doms="gmail.com, hotmail.com, fibertel.com.ar, yahoo.com.ar")
L("co", lang="es", country="Colombia", tld="com.co", sty="es",
  f="Daniela, Valentina, Luz Marina, Yurani, Paola, Catalina, Leidy", m="Andrés Felipe, Juan Sebastián, Jhon Fredy, Camilo, Julián, Yeison",
  s="Rodríguez, Gómez, Martínez, Cárdenas, Restrepo, Ospina, Londoño, Arango, Velásquez, Jaramillo, Muñoz, Quintero, Zapata, Cardona",
  fi="Yesica-Mayerly", mi="Brayan-Estiven",
  streets="Calle %# \\# %#-%#, Carrera %# No. %#-%#, Cra. %#^ \\# %#-%#, Calle %#^ \\# %#-%#, Transversal %# \\# %#-%#, Diagonal %#^ \\# %#^-%#, Av. Calle %# \\# %#-%#",
  afmt=["{s}", "{s}", "{s}, {u}"], units=["Apto %0%", "Apto %0#", "Torre %, Apto %0%", "Int. %", "Casa %#"],
  cities="Bogotá|11####; Medellín|05####; Cali|76####; Barranquilla|08####; Bucaramanga|68####; Cartagena|13####",
  post=["{city}", "{city}, {pc}"],
  phones=["+57 3## ### ####", "3## ### ####", "(601) ### ####", "+57 604 ### ####", "310 #######"],
  doms="gmail.com, hotmail.com, yahoo.es, outlook.com")
L("cl", lang="es", country="Chile", tld="cl", sty="es",
  f="Constanza, Javiera, Francisca, Catalina, Antonia, Macarena, Fernanda", m="Benjamín, Vicente, Cristóbal, Ignacio, Tomás, Matías, Joaquín",
  s="González, Muñoz, Rojas, Díaz, Pérez, Soto, Contreras, Silva, Araya, Sepúlveda, Fuentes, Valenzuela, Espinoza, Tapia, Cáceres",
  fi="Antu-Millaray", mi="Lautaro-Amaru",
  streets="Av. Providencia, Calle Huérfanos, Av. Apoquindo, Calle Merced, Av. Vicuña Mackenna, Calle Lastarria, Av. Irarrázaval, Av. Grecia, Calle Condell, Av. Pedro de Valdivia",
  afmt=["{s} {n}", "{s} {n}, Depto. {u}", "{s} {n} Of. {u}", "{s} {n}, dpto {u}"], nums=["%##", "%###", "%#"], units=["%0#", "%#"],
  cities="Santiago|83#0000; Valparaíso|23#0000; Concepción|40#0000; Viña del Mar|25#0000; Temuco|478####; Antofagasta|12#0000",
  post=["{city}", "{pc} {city}"],
  phones=["+56 9 #### ####", "9 #### ####", "+56 2 2### ####", "(2) 2### ####"],
  doms="gmail.com, vtr.net, hotmail.com")
L("pt", lang="pt", cc="PT", country="Portugal", tld="pt", sty="pt",
  f="Inês, Beatriz, Mariana, Leonor, Matilde, Joana, Rita, Conceição, Filipa", m="João, Tiago, Duarte, Rodrigo, Gonçalo, Afonso, Nuno, Rui, Vasco",
  s="Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Fernandes, Gonçalves, Lopes, Marques, Almeida, Ribeiro, Pinto, Carvalho, Teixeira, Moura",
  fi="Madalena-Lis", mi="Salvador-Tomé",
  streets="Rua Augusta, Avenida da Liberdade, Rua de Santa Catarina, Travessa do Carmo, Rua do Ouro, Avenida dos Aliados, Rua Garrett, Largo do Rato, Rua de Cedofeita, Avenida da República, Calçada da Estrela",
  afmt=["{s}, {n}", "{s} {n}", "{s}, {n}, {u}", "{s} {n}, {u}"], nums=["%", "%#", "%##"],
  units=["%.º Esq.", "%.º Dto.", "r/c Esq.", "%.º ^", "%.º andar"],
  cities="Lisboa|1%##-%##; Porto|4%##-%##; Coimbra|30##-%##; Braga|47##-%##; Faro|80##-%##; Aveiro|38##-%##; Funchal|90##-%##",
  post=["{pc} {city}"],
  phones=["+351 91# ### ###", "91# ### ###", "21# ### ###", "+351 22# ### ###", "96# ### ###"],
  doms="sapo.pt, gmail.com, hotmail.com, outlook.pt")
L("br", lang="pt", cc="BR", country="Brasil", tld="com.br", sty="pt",
  f="Ana Clara, Larissa, Juliana, Thaís, Gabriela, Letícia, Francisca, Raimunda, Luana, Maria Eduarda", m="Thiago, Guilherme, Felipe, Rafael, Caio, Luiz Gustavo, Vinícius, Anderson, Wellington, João Pedro",
  s="Silva, Santos, Oliveira, Souza, Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes, Ribeiro, Carvalho, Barbosa, Nascimento, Araújo, Cavalcanti, Moreira, Figueiredo",
  fi="Kethlyn, Maria Valentina", mi="Kauã-Davi, Enzo Gabriel",
  streets="Rua das Flores, Avenida Paulista, Rua Oscar Freire, Rua da Consolação, Avenida Atlântica, Rua Augusta, Avenida Sete de Setembro, Rua XV de Novembro, Alameda Santos, Avenida Afonso Pena, Rua Voluntários da Pátria",
  afmt=["{s}, {n}", "{s}, {n}", "{s}, {n}, {u}", "{s}, {n} - {u}", "{s} {n}, {u}"], nums=["%#", "%##", "%###", "%####"],
  units=["apto %#", "apto %0%", "Bloco ^, apto %#", "casa %", "sala %0#", "ap. %#"],
  cities="São Paulo|0%###-###|SP; Rio de Janeiro|2%###-###|RJ; Belo Horizonte|3%###-###|MG; Curitiba|8%###-###|PR; Porto Alegre|9%###-###|RS; Salvador|4%###-###|BA; Recife|5%###-###|PE; Fortaleza|60###-###|CE",
  post=["{city} - {rg}, {pc}", "CEP {pc}, {city}/{rg}", "{pc} {city} {rg}"],
  phones=["+55 11 9####-####", "(11) 9####-####", "(21) 3###-####", "+55 (31) 9####-####", "11 9 ####-####", "+55 51 9####-####"],
  doms="gmail.com, uol.com.br, bol.com.br, terra.com.br, hotmail.com")
L("it", lang="it", cc="IT", country="Italia", tld="it", sty="it",
  f="Giulia, Chiara, Francesca, Alessia, Martina, Federica, Beatrice, Giovanna, Ilaria, Rosaria, Maria Grazia, Annalisa",
  m="Alessandro, Lorenzo, Matteo, Giuseppe, Francesco, Davide, Salvatore, Riccardo, Gianluca, Pierluigi, Gennaro, Gian Marco",
  s="Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca, Mancini, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Santoro, D'Angelo, Di Stefano, Lo Russo, La Rosa, Caputo, Dell'Acqua",
  fi="Ginevra-Lia, Orsolina", mi="Brando-Tancredi, Ettorino",
  streets="Via Roma, Via Garibaldi, Corso Buenos Aires, Viale dei Mille, Piazza della Repubblica, Via del Corso, Via Toledo, Via San Vitale, Viale Monza, Vicolo del Cinque, Via dei Servi, Lungarno Corsini, Via Nazionale, Corso Italia",
  afmt=["{s} {n}", "{s}, {n}", "{s} {n}, {u}", "{s} {n}/{l}"], nums=["%", "%#", "%#", "%##"],
  units=["int. %", "scala ^", "scala ^, int. %#", "piano %"],
  cities="Milano|201##|MI; Roma|001##|RM; Napoli|801##|NA; Torino|101##|TO; Bologna|401##|BO; Firenze|501##|FI; Palermo|901##|PA; Genova|161##|GE; Bari|701##|BA; Verona|371##|VR; Padova|351##|PD",
  post=["{pc} {city} ({rg})", "{pc} {city}"],
  phones=["+39 3## ### ####", "3## ### ####", "02 #### ####", "+39 06 #### ####", "+39 011 ### ####", "347 #######", "055/######"],
  doms="libero.it, virgilio.it, alice.it, tiscali.it, gmail.com")

# ---------------------------------------------------------------- Central / Eastern Europe
L("pl", lang="pl", cc="PL", country="Polska", tld="pl", sty="pl",
  f="Agnieszka, Katarzyna, Małgorzata, Zofia, Joanna, Magdalena, Aleksandra, Grażyna, Wiktoria, Dorota, Jadwiga",
  m="Krzysztof, Piotr, Tomasz, Paweł, Łukasz, Marcin, Grzegorz, Michał, Wojciech, Jakub, Bartłomiej",
  s="Nowak, Kowalski/Kowalska, Wiśniewski/Wiśniewska, Wójcik, Kowalczyk, Kamiński/Kamińska, Lewandowski/Lewandowska, Zieliński/Zielińska, Szymański/Szymańska, Woźniak, Dąbrowski/Dąbrowska, Kozłowski/Kozłowska, Mazur, Kwiatkowski/Kwiatkowska, Krawczyk, Grabowski/Grabowska, Pawłowski/Pawłowska, Michalski/Michalska, Sikora, Ostrowski/Ostrowska, Zając",
  fi="Bożenna-Ida, Sławomira", mi="Radomił, Zbyszko",
  streets="ul. Marszałkowska, ul. Długa, ul. Piotrkowska, al. Jerozolimskie, ul. Floriańska, ul. Świętojańska, ul. Mickiewicza, ul. Kwiatowa, os. Tysiąclecia, ul. Grunwaldzka, pl. Wolności, ul. Szewska, ul. Polna",
  afmt=["{s} {n}", "{s} {n}/{u}", "{s} {n} m. {u}", "{s} {n} lok. {u}"], units=["%", "%#"],
  cities="Warszawa|0#-###; Kraków|3#-###; Łódź|9#-###; Wrocław|5#-###; Poznań|6#-###; Gdańsk|80-###; Lublin|20-###; Katowice|40-###; Szczecin|70-###",
  post=["{pc} {city}"],
  phones=["+48 6## ### ###", "5## ### ###", "+48 22 ### ## ##", "22 ### ## ##", "(12) ### ## ##", "+48 7##-###-###", "8## ### ###"],
  doms="wp.pl, onet.pl, o2.pl, interia.pl, gmail.com")
L("cz", lang="cs", cc="CZ", country="Česko", tld="cz", sty="cz",
  f="Tereza, Eliška, Kateřina, Lucie, Veronika, Markéta, Zuzana, Jitka", m="Jiří, Tomáš, Ondřej, Vojtěch, Lukáš, Petr, Radek, Zdeněk",
  s="Novák/Nováková, Svoboda/Svobodová, Novotný/Novotná, Dvořák/Dvořáková, Černý/Černá, Procházka/Procházková, Kučera/Kučerová, Veselý/Veselá, Horák/Horáková, Němec/Němcová, Pospíšil/Pospíšilová, Hájek/Hájková, Jelínek/Jelínková, Růžička/Růžičková, Beneš/Benešová",
  fi="Radmila-Ema, Květuše", mi="Bořivoj-Kryštof",
  streets="Vinohradská, Na Příkopě, Husova, Masarykova, Karlova, Nádražní, Palackého, Jugoslávská, Korunní, Bělehradská, Dlouhá, Na Poříčí",
  afmt=["{s} {n}", "{s} {n}", "{s} {n}, byt {u}"], nums=["%", "%#", "%##/%#", "%###/%", "%#/%#", "%###/%#"], units=["%", "%#"],
  cities="Praha 2|120 00; Praha 6|160 00; Brno|6%# 00; Ostrava|70# 00; Plzeň|30# 00; Olomouc|77# 00; Liberec|460 0%",
  post=["{pc} {city}"],
  phones=["+420 6## ### ###", "+420 7## ### ###", "7## ### ###", "2## ### ###", "+420 2## ### ###", "+4207########"],
  doms="seznam.cz, email.cz, centrum.cz, gmail.com")
L("sk", lang="sk", cc="SK", country="Slovensko", tld="sk", sty="cz",
  f="Zuzana, Lucia, Michaela, Katarína, Dominika, Ľubica", m="Martin, Peter, Juraj, Marek, Matej, Ľubomír, Branislav",
  s="Horváth/Horváthová, Kováč/Kováčová, Varga/Vargová, Tóth/Tóthová, Baláž/Balážová, Molnár/Molnárová, Lukáč/Lukáčová, Šimko/Šimková, Polák/Poláková, Krajčí/Krajčíová",
  fi="Svetlena", mi="Dobroslav-Ján",
  streets="Obchodná, Hlavná, Štúrova, Námestie SNP, Laurinská, Panská, Mlynské nivy, Hviezdoslavovo námestie, Šancová, Račianska",
  afmt=["{s} {n}", "{s} {n}"], nums=["%", "%#", "%##/%", "%###/%#"],
  cities="Bratislava|8%# 0%; Košice|04# 0%; Žilina|010 0%; Nitra|949 0%; Banská Bystrica|974 0%; Prešov|080 0%",
  post=["{pc} {city}"],
  phones=["+421 9## ### ###", "09## ### ###", "+421 2 #### ####", "02/#### ####"],
  doms="azet.sk, centrum.sk, zoznam.sk, gmail.com")
L("si", lang="en", cc="SI", country="Slovenia", tld="si", sty="si",
  f="Maja, Nina, Špela, Urška, Tjaša, Mojca, Nuša", m="Luka, Žiga, Matej, Rok, Gregor, Primož, Blaž",
  s="Novak, Horvat, Kovačič, Krajnc, Zupančič, Potočnik, Mlakar, Vidmar, Golob, Kos, Turk, Kolar, Žnidaršič",
  fi="Lučka-Ana", mi="Vid-Tilen",
  streets="Slovenska cesta, Trubarjeva ulica, Čopova ulica, Dunajska cesta, Celovška cesta, Prešernova ulica, Gosposvetska cesta, Tržaška cesta, Glavni trg",
  afmt=["{s} {n}", "{s} {n}", "{s} {n}{l}"],
  cities="Ljubljana|1000; Maribor|2000; Celje|3000; Kranj|4000; Koper|6000; Novo mesto|8000",
  post=["{pc} {city}", "SI-{pc} {city}"],
  phones=["+386 41 ### ###", "041 ### ###", "+386 1 ### ## ##", "01 ### ## ##", "031 ### ###"],
  doms="siol.net, gmail.com, t-2.net")
L("hr", lang="en", cc="HR", country="Croatia", tld="hr", sty="sl",
  f="Ivana, Petra, Marija, Katarina, Lucija, Dubravka, Mateja", m="Ivan, Marko, Josip, Tomislav, Dario, Krešimir, Domagoj",
  s="Horvat, Kovačević, Babić, Marić, Jurić, Knežević, Vuković, Marković, Petrović, Matić, Tomić, Pavlović, Grgić, Šarić",
  fi="Vedrana-Lea", mi="Zvonko-Luka",
  streets="Ulica kralja Zvonimira, Vukovarska ulica, Savska cesta, Marmontova ulica, Ulica Frana Supila, Trg bana Jelačića, Radnička cesta, Ulica Ivana Gundulića, Ilica",
  afmt=["{s} {n}", "{s} {n}", "{s} {n}{l}"], nums=["%", "%#", "%##"],
  cities="Zagreb|10000; Split|21000; Rijeka|51000; Osijek|31000; Zadar|23000; Dubrovnik|20000; Pula|52100",
  post=["{pc} {city}", "HR-{pc} {city}"],
  phones=["+385 91 ### ####", "091 ### ####", "+385 1 #### ###", "01 #### ###", "098 ### ###"],
  doms="gmail.com, net.hr, t-com.hr")
L("rs", lang="en", cc="RS", country="Serbia", tld="rs", sty="sl",
  f="Jelena, Milica, Jovana, Dragana, Snežana, Tijana, Ljiljana", m="Nikola, Stefan, Miloš, Nemanja, Dragan, Dejan, Aleksandar",
  s="Jovanović, Petrović, Nikolić, Marković, Đorđević, Stojanović, Ilić, Stanković, Pavlović, Milošević, Popović, Živković, Radovanović",
  fi="Zorana-Mila", mi="Ognjen-Rade",
  streets="Bulevar kralja Aleksandra, Knez Mihailova, Ulica Nemanjina, Bulevar oslobođenja, Cara Dušana, Svetogorska ulica, Makedonska ulica, Bulevar Mihajla Pupina",
  afmt=["{s} {n}", "{s} {n}/{u}", "{s} {n}, stan {u}"], units=["%", "%#"],
  cities="Beograd|11000; Novi Sad|21000; Niš|18000; Kragujevac|34000; Subotica|24000",
  post=["{pc} {city}"],
  phones=["+381 6# ### ####", "06# ### ####", "+381 11 ### ####", "011/###-####"],
  doms="gmail.com, eunet.rs, yahoo.com")
L("bg", lang="en", cc="BG", country="Bulgaria", tld="bg", sty="bg",
  f="Ivanka, Desislava, Radostina, Yordanka, Tsvetelina, Elitsa, Gergana", m="Georgi, Dimitar, Ivaylo, Nikolay, Hristo, Stoyan, Todor",
  s="Ivanov/Ivanova, Georgiev/Georgieva, Dimitrov/Dimitrova, Petrov/Petrova, Nikolov/Nikolova, Stoyanov/Stoyanova, Todorov/Todorova, Hristov/Hristova, Angelov/Angelova, Kostadinov/Kostadinova, Yankov/Yankova",
  fi="Zornitsa-Mila", mi="Boyko-Lazar",
  streets="ul. Vitosha, bul. Tsar Osvoboditel, ul. Graf Ignatiev, bul. Vasil Levski, ul. Rakovski, ul. Shipka, bul. Bulgaria, ul. Oborishte, ul. Knyaz Boris I",
  afmt=["{s} {n}", "{s} {n}, {u}", "{s} {n}"], units=["et. %, ap. %#", "vh. ^, ap. %#", "ap. %"],
  cities="Sofia|1###; Plovdiv|4000; Varna|9000; Burgas|8000; Ruse|7000",
  post=["{pc} {city}", "{city} {pc}"],
  phones=["+359 88 ### ####", "088 ### ####", "+359 2 ### ####", "02 ### ####", "+359 89#######"],
  doms="abv.bg, mail.bg, gmail.com",
  pat={"Georgi": "Georgiev", "Dimitar": "Dimitrov", "Ivaylo": "Ivaylov", "Nikolay": "Nikolaev", "Hristo": "Hristov", "Stoyan": "Stoyanov", "Todor": "Todorov"})
L("ua", lang="en", cc="UA", country="Ukraine", tld="com.ua", sty="ua",
  f="Olena, Oksana, Iryna, Kateryna, Yuliia, Nataliia, Svitlana, Halyna", m="Oleksandr, Andrii, Dmytro, Serhii, Mykola, Taras, Volodymyr, Bohdan",
  s="Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Boiko, Kovalchuk, Oliinyk, Lysenko, Moroz, Savchenko, Petrenko, Rudenko, Marchenko, Koval",
  fi="Myroslava-Ustyna", mi="Yaropolk",
  streets="vul. Khreshchatyk, vul. Volodymyrska, prosp. Peremohy, vul. Sumska, vul. Derybasivska, vul. Shevchenka, bulv. Lesi Ukrainky, vul. Hrushevskoho, vul. Franka",
  afmt=["{s}, {n}", "{s} {n}, kv. {u}", "{s}, {n}, kv. {u}"], units=["%", "%#", "%##"],
  cities="Kyiv|0####; Lviv|79###; Kharkiv|61###; Odesa|65###; Dnipro|49###; Vinnytsia|21###",
  post=["{city}, {pc}", "{pc} {city}"],
  phones=["+380 67 ### ####", "067 ### ## ##", "+380 (44) ###-##-##", "044 ### ## ##", "+38 050 ### ## ##"],
  doms="ukr.net, i.ua, gmail.com, meta.ua")
L("ro", lang="ro", cc="RO", country="România", tld="ro", sty="ro",
  f="Andreea, Ioana, Elena, Mihaela, Alexandra, Cristina, Roxana, Ana-Maria", m="Andrei, Alexandru, Mihai, Ionuț, Bogdan, Florin, Răzvan, Cristian",
  s="Popescu, Ionescu, Popa, Dumitrescu, Stan, Stoica, Gheorghe, Rusu, Munteanu, Matei, Constantinescu, Mocanu, Lungu, Dobre, Radu, Vasilescu, Țurcanu",
  fi="Ilinca-Sânziana", mi="Codrin-Vlad",
  streets="Str. Mihai Eminescu, Bd. Unirii, Calea Victoriei, Str. Lipscani, Șoseaua Kiseleff, Bd. Eroilor, Str. Republicii, Aleea Trandafirilor, Str. Avram Iancu",
  afmt=["{s} nr. {n}", "{s} nr. {n}, {u}", "{s} {n}", "{s}, nr. {n}, {u}"], units=["bl. ^%, sc. %, ap. %#", "ap. %#", "et. %, ap. %#"],
  cities="București|0%####; Cluj-Napoca|400###; Iași|700###; Timișoara|300###; Brașov|500###; Constanța|900###",
  post=["{pc} {city}", "{city} {pc}"],
  phones=["+40 7## ### ###", "07## ### ###", "+40 21 ### ####", "021 ### ####", "0264 ### ###", "+40 (0)7## ######"],
  doms="yahoo.com, gmail.com, yahoo.ro")
L("hu", lang="hu", cc="HU", country="Magyarország", tld="hu", sty="hu", order="sg",
  f="Katalin, Zsófia, Eszter, Réka, Krisztina, Ildikó, Erzsébet, Boglárka", m="László, István, Zoltán, Gábor, Bence, Ádám, Balázs, Levente, Tamás",
  s="Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh, Papp, Takács, Juhász, Lakatos, Mészáros, Szűcs",
  fi="Emese-Csenge", mi="Botond-Ákos",
  streets="Andrássy út, Király utca, Váci utca, Rákóczi út, Bartók Béla út, Kossuth Lajos tér, Szent István körút, Dózsa György út, Petőfi utca, Fő utca",
  afmt=["{s} {n}", "{s} {n}", "{s} {n}, {u}"], units=["%. emelet %", "fsz. %", "%/%#"],
  cities="Budapest|1%#%; Debrecen|40##; Szeged|67##; Pécs|76##; Győr|90##; Miskolc|35##",
  post=["{pc} {city}", "{city}, {pc}"],
  phones=["+36 30 ### ####", "06 30 ### ####", "+36 1 ### ####", "06-1-###-####", "+36 20 #######", "06 70 ### ####"],
  doms="freemail.hu, citromail.hu, gmail.com")

# ---------------------------------------------------------------- Nordic / Baltic
L("se", lang="sv", cc="SE", country="Sverige", tld="se", sty="nord",
  f="Astrid, Linnéa, Ebba, Maja, Ingrid, Saga, Elsa, Karin, Sigrid, Ulrika", m="Erik, Lars, Oskar, Gustav, Anders, Nils, Johan, Björn, Olof, Pelle",
  s="Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Lindberg, Lindqvist, Bergström, Sjöberg, Åkesson, Holmgren, Ekström, Wallin, Söderberg, Hedlund",
  fi="Tilde-Vera", mi="Algot-Vide",
  streets="Drottninggatan, Storgatan, Kungsgatan, Sveavägen, Götgatan, Vasagatan, Södra Förstadsgatan, Linnégatan, Östra Hamngatan, Björkvägen, Hantverkargatan, Ringvägen",
  afmt=["{s} {n}", "{s} {n}", "{s} {n}{l}", "{s} {n}, lgh {u}", "{s} {n}, {u}"], units=["1%0%", "%", "% tr"],
  cities="Stockholm|1%# %#; Göteborg|41# %#; Malmö|21# %#; Uppsala|75# %#; Lund|22# %#; Umeå|90# %#; Västerås|72# %#; Linköping|58# %#",
  post=["{pc} {city}", "SE-{pc} {city}"],
  phones=["+46 70 ### ## ##", "070-### ## ##", "08-### ### ##", "+46 8 ### ### ##", "031-## ## ##", "073 ### ## ##"],
  doms="telia.com, gmail.com, hotmail.se, bredband.net")
L("no", lang="no", cc="NO", country="Norge", tld="no", sty="nord",
  f="Ingrid, Nora, Solveig, Sigrid, Kari, Hedda, Tuva, Ragnhild", m="Magnus, Ole, Henrik, Sindre, Håkon, Espen, Torbjørn, Kristoffer",
  s="Hansen, Johansen, Olsen, Larsen, Andersen, Pedersen, Nilsen, Kristiansen, Jensen, Haugen, Hagen, Bakken, Solberg, Strand, Løvås, Aasen, Næss",
  fi="Ylva-Marit", mi="Trygve-Olav",
  streets="Karl Johans gate, Storgata, Bogstadveien, Thereses gate, Kongens gate, Markveien, Strandgaten, Elvegata, Torggata, Sandviksveien, Bygdøy allé",
  afmt=["{s} {n}", "{s} {n}", "{s} {n}{l}", "{s} {n}, {u}"], units=["H0%0%", "%. etasje", "leil. %#"],
  cities="Oslo|0###; Bergen|50##; Trondheim|70##; Stavanger|40##; Tromsø|90##; Drammen|30##",
  post=["{pc} {city}", "N-{pc} {city}"],
  phones=["+47 4## ## ###", "4## ## ###", "+47 9## ## ###", "22 ## ## ##", "+47 22 ## ## ##", "9# ## ## ##"],
  doms="online.no, gmail.com, hotmail.no")
L("dk", lang="da", cc="DK", country="Danmark", tld="dk", sty="nord",
  f="Freja, Ida, Mette, Signe, Sofie, Karen, Lærke, Birgitte", m="Mads, Rasmus, Søren, Frederik, Mikkel, Jens, Kasper, Anders",
  s="Nielsen, Jensen, Hansen, Pedersen, Christensen, Sørensen, Rasmussen, Jørgensen, Poulsen, Mikkelsen, Kjær, Østergaard, Lund, Bech, Thomsen",
  fi="Ellinor-Bo", mi="Villum-Aksel",
  streets="Nørrebrogade, Vesterbrogade, Østerbrogade, Frederiksberg Allé, Jagtvej, Amagerbrogade, Søndergade, Åboulevarden, Istedgade, Vestergade, Nyhavn",
  afmt=["{s} {n}", "{s} {n}, {u}", "{s} {n}{l}, {u}"], units=["%. th.", "%. tv.", "st. tv.", "st. th.", "%. mf.", "kl."],
  cities="København K|1###; København N|2200; Aarhus C|8000; Odense C|5000; Aalborg|9000; Esbjerg|6700; Frederiksberg C|1870",
  post=["{pc} {city}", "DK-{pc} {city}"],
  phones=["+45 ## ## ## ##", "## ## ## ##", "+45 2# ## ## ##", "+45 ########"],
  doms="gmail.com, mail.dk, jubii.dk, hotmail.dk")
L("is", lang="en", cc="IS", country="Iceland", tld="is", sty="is",
  f="Guðrún, Sigríður, Kristín, Helga, Katrín, Þórdís, Hrafnhildur", m="Jón, Sigurður, Guðmundur, Gunnar, Ólafur, Einar, Kristján, Þórður, Bjarni",
  s="", fi="Eyvör", mi="Þorbrandur",
  streets="Laugavegur, Skólavörðustígur, Hverfisgata, Bankastræti, Suðurgata, Hringbraut, Ægisíða, Njálsgata, Vesturgata, Grettisgata",
  afmt=["{s} {n}", "{s} {n}", "{s} {n}{l}"],
  cities="Reykjavík|10%; Kópavogur|20%; Hafnarfjörður|220; Akureyri|600; Selfoss|800",
  post=["{pc} {city}"],
  phones=["+354 ### ####", "6## ####", "8## ####", "5## ####", "+354 5## ####"],
  doms="simnet.is, gmail.com, internet.is",
  pat={"Jón": "Jóns", "Sigurður": "Sigurðar", "Guðmundur": "Guðmundar", "Gunnar": "Gunnars", "Ólafur": "Ólafs", "Einar": "Einars", "Kristján": "Kristjáns", "Þórður": "Þórðar", "Bjarni": "Bjarna", "Stefán": "Stefáns", "Magnús": "Magnúsar", "Hallgrímur": "Hallgríms"})
L("fi", lang="fi", cc="FI", country="Suomi", tld="fi", sty="fi",
  f="Aino, Helmi, Aada, Siiri, Johanna, Tuula, Marjatta, Kaisa, Veera", m="Juhani, Mikko, Eero, Jari, Teemu, Ville, Onni, Pekka, Antti",
  s="Korhonen, Virtanen, Mäkinen, Nieminen, Mäkelä, Hämäläinen, Laine, Heikkinen, Koskinen, Järvinen, Lehtonen, Saarinen, Salminen, Heinonen, Niemi, Kinnunen, Väisänen",
  fi="Iines-Lumi", mi="Väinö-Kaapo",
  streets="Mannerheimintie, Hämeenkatu, Aleksanterinkatu, Fredrikinkatu, Hämeentie, Kauppakatu, Puistokatu, Koulukatu, Rantatie, Kirkkokatu, Itäinen Pitkäkatu",
  afmt=["{s} {n}", "{s} {n} {l} {u}", "{s} {n} as. {u}", "{s} {n}"], units=["%", "%#"],
  cities="Helsinki|00%#0; Tampere|33%#0; Turku|20%#0; Oulu|90%#0; Espoo|02%#0; Jyväskylä|40%#0; Kuopio|70%#0",
  post=["{pc} {city}", "FI-{pc} {city}"],
  phones=["+358 40 ### ####", "040 ### ####", "+358 50 #######", "09 ### ####", "+358 9 #### ####", "045 ### ####"],
  doms="gmail.com, elisanet.fi, kolumbus.fi, luukku.com")
L("ee", lang="en", cc="EE", country="Estonia", tld="ee", sty="ee",
  f="Kadri, Liis, Triin, Mari, Kätlin, Anu, Piret", m="Andres, Jaan, Toomas, Rasmus, Märt, Priit, Tõnu",
  s="Tamm, Saar, Sepp, Mägi, Kask, Kukk, Rebane, Ilves, Pärn, Koppel, Lepik, Oja, Kallas, Vaher, Raud",
  fi="Helin-Marleen", mi="Kaur-Ilmar",
  streets="Narva mnt, Pikk tn, Tartu mnt, Pärnu mnt, Vabaduse pst, Rüütli tn, Viru tn, Telliskivi tn, Riia tn, Ülikooli tn",
  afmt=["{s} {n}", "{s} {n}-{u}", "{s} {n}"], units=["%", "%#"],
  cities="Tallinn|1####; Tartu|5####; Pärnu|8####; Narva|2####; Viljandi|71###",
  post=["{pc} {city}"],
  phones=["+372 5### ####", "5### ####", "+372 6## ####", "6## ####"],
  doms="gmail.com, mail.ee, hot.ee")
L("lv", lang="en", cc="LV", country="Latvia", tld="lv", sty="lv",
  f="Līga, Ilze, Kristīne, Dace, Zane, Inese, Laura", m="Jānis, Andris, Mārtiņš, Kārlis, Edgars, Raivis, Artūrs",
  s="Bērziņš/Bērziņa, Kalniņš/Kalniņa, Ozoliņš/Ozoliņa, Jansons/Jansone, Liepiņš/Liepiņa, Krūmiņš/Krūmiņa, Balodis/Balode, Zariņš/Zariņa, Pētersons/Pētersone, Vītols/Vītola",
  fi="Rasa-Ieva", mi="Valters-Krišs",
  streets="Brīvības iela, Elizabetes iela, Tērbatas iela, Krišjāņa Barona iela, Kalēju iela, Dzirnavu iela, Lāčplēša iela, Raiņa bulvāris, Skolas iela",
  afmt=["{s} {n}", "{s} {n}-{u}", "{s} {n}"], units=["%", "%#"],
  cities="Rīga|LV-10##; Daugavpils|LV-54##; Liepāja|LV-34##; Jelgava|LV-30##; Valmiera|LV-42##",
  post=["{city}, {pc}"],
  phones=["+371 2# ### ###", "2# ### ###", "+371 67 ### ###", "67######"],
  doms="inbox.lv, gmail.com, apollo.lv")
L("lt", lang="en", cc="LT", country="Lithuania", tld="lt", sty="lt",
  f="Rūta, Eglė, Gintarė, Ieva, Aušra, Justina, Kotryna", m="Tomas, Mantas, Darius, Lukas, Jonas, Vytautas, Giedrius",
  s="Kazlauskas/Kazlauskienė, Jankauskas/Jankauskienė, Petrauskas/Petrauskienė, Stankevičius/Stankevičienė, Vasiliauskas/Vasiliauskienė, Žukauskas/Žukauskienė, Butkus/Butkienė, Paulauskas/Paulauskienė, Urbonas/Urbonienė, Kavaliauskas/Kavaliauskienė",
  fi="Austėja-Milda", mi="Gediminas-Ąžuolas",
  streets="Gedimino pr., Pilies g., Vilniaus g., Laisvės al., Konstitucijos pr., Didžioji g., Savanorių pr., Taikos pr., Žirmūnų g.",
  afmt=["{s} {n}", "{s} {n}-{u}", "{s} {n}"], units=["%", "%#"],
  cities="Vilnius|LT-0####; Kaunas|LT-4####; Klaipėda|LT-9####; Šiauliai|LT-7####; Panevėžys|LT-3####",
  post=["{pc} {city}"],
  phones=["+370 6## #####", "8 6## #####", "+370 5 ### ####", "(8 5) ### ####"],
  doms="gmail.com, one.lt, takas.lt")

# ---------------------------------------------------------------- Turkish / Greek
L("tr", lang="tr", cc="TR", country="Türkiye", tld="com.tr", sty="tr",
  f="Elif, Zeynep, Ayşe, Fatma, Merve, Büşra, Gülşen, Derya, Selin, Özlem", m="Mehmet, Mustafa, Ahmet, Emre, Burak, Oğuz, Hakan, Serkan, Yusuf, Barış",
  s="Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, Kılıç, Aslan, Çetin, Koç, Kurt, Özkan, Şimşek, Polat, Güneş",
  fi="Nazlıcan, Ilgın-Su", mi="Çağan-Alp",
  streets="Bağdat Caddesi, İstiklal Caddesi, Gül Sokak, Kızılay Sok., Barbaros Bulvarı, Nispetiye Cad., Halaskargazi Cad., Akasya Sokak, Moda Cad., Cumhuriyet Cad., Ihlamur Sokak",
  afmt=["{s} No:{n}", "{s} No: {n} D: {u}", "{s} No:{n}/{u}", "{s} No. {n} Daire {u}", "{s} No:{n} Kat:{u}"], nums=["%", "%#", "%##"], units=["%", "%#"],
  cities="İstanbul|34###|Kadıköy; Ankara|06###|Çankaya; İzmir|35###|Konak; Bursa|16###|Nilüfer; Antalya|07###|Muratpaşa; Eskişehir|26###|Tepebaşı",
  post=["{pc} {rg}/{city}", "{rg}, {city} {pc}"],
  phones=["+90 5## ### ## ##", "0 (5##) ### ## ##", "05## ### ## ##", "+90 212 ### ## ##", "0 (216) ### ## ##", "0312 ### ## ##"],
  doms="gmail.com, hotmail.com, yandex.com.tr, outlook.com")
L("gr", lang="en", cc="GR", country="Greece", tld="gr", sty="gr",
  f="Eleni, Aikaterini, Vasiliki, Dimitra, Georgia, Panagiota, Despina, Chrysoula", m="Georgios, Dimitrios, Konstantinos, Ioannis, Nikolaos, Panagiotis, Christos, Athanasios, Spyridon",
  s="Papadopoulos/Papadopoulou, Papadakis/Papadaki, Georgiou, Oikonomou, Vlachos/Vlachou, Karagiannis/Karagianni, Papanikolaou, Makris/Makri, Nikolaidis/Nikolaidou, Konstantinidis/Konstantinidou, Alexiou, Dimitriou, Antoniadis/Antoniadou",
  fi="Irini-Melina", mi="Stelios-Orestis",
  streets="Odos Ermou, Leoforos Vasilissis Sofias, Odos Aiolou, Odos Tsimiski, Leoforos Kifisias, Odos Athinas, Odos Egnatias, Leoforos Syngrou, Odos Patision, Leof. Alexandras",
  afmt=["{s} {n}", "{s} {n}", "{s} {n}, {u}"], units=["%os orofos", "diam. %"],
  cities="Athina|1## ##; Thessaloniki|5## ##; Patra|26# ##; Irakleio|71# ##; Larisa|41# ##",
  post=["{pc} {city}", "{city} {pc}"],
  phones=["+30 69# ### ####", "69# ### ####", "+30 210 ### ####", "210 #######", "2310 ######"],
  doms="gmail.com, otenet.gr, yahoo.gr")

# ---------------------------------------------------------------- Asia
L("vn", lang="en", country="Vietnam", tld="vn", sty="vn", order="sg",
  f="Lan, Hương, Mai, Thảo, Ngọc Anh, Trang, Linh, Phương", m="Minh, Tuấn, Dũng, Hùng, Quang Huy, Khoa, Nam, Bảo",
  s="Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương",
  fi="Khánh Vy, Gia Hân", mi="Bảo Khôi, Thiện Long",
  streets="Đường Lê Lợi, Đường Nguyễn Huệ, Phố Hàng Bạc, Đường Trần Hưng Đạo, Phố Huế, Đường Lý Thường Kiệt, Đường Pasteur, Đường Điện Biên Phủ, Phố Tràng Tiền",
  afmt=["{n} {s}", "Số {n} {s}", "{n}/{u} {s}"], nums=["%", "%#", "%##"], units=["%", "%#"],
  cities="Hà Nội|100000|Quận Hoàn Kiếm; TP. Hồ Chí Minh|700000|Quận 1; Đà Nẵng|550000|Quận Hải Châu; Huế|530000|Phường Phú Hội; Cần Thơ|900000|Quận Ninh Kiều",
  post=["{rg}, {city}", "{rg}, {city} {pc}"],
  phones=["+84 9# ### ## ##", "09# ### ####", "+84 28 #### ####", "028 #### ####", "+84 (0)24 #### ####", "091#######"],
  doms="gmail.com, yahoo.com.vn, outlook.com")
L("id", lang="en", country="Indonesia", tld="co.id", sty="id",
  f="Siti, Dewi, Putri, Rina, Wulan, Ayu, Indah, Ratna", m="Budi, Agus, Andi, Rizky, Dimas, Hendra, Wahyu, Bambang",
  s="Santoso, Wijaya, Kusuma, Hidayat, Saputra, Nugroho, Setiawan, Pratama, Gunawan, Halim, Susanto, Hartono, Wibowo, Siregar, Simanjuntak",
  fi="Anindya-Kirana", mi="Bayu-Satrio",
  streets="Jl. Sudirman, Jalan Gatot Subroto, Jl. Malioboro, Jl. M.H. Thamrin, Jalan Diponegoro, Jl. Braga, Jl. Kebon Sirih, Jl. Pemuda, Jl. Asia Afrika, Jl. Raya Ubud",
  afmt=["{s} No. {n}", "{s} No.{n}", "{s} Kav. {n}", "{s} No. {n} {u}"], nums=["%", "%#", "%##"], units=["RT 0%/RW 0%", "Blok ^%"],
  cities="Jakarta Selatan|12###; Bandung|40###; Yogyakarta|55###; Surabaya|60###; Denpasar|80###; Semarang|50###; Medan|20###",
  post=["{city} {pc}"],
  phones=["+62 812-####-####", "0812-####-####", "+62 21 #### ####", "(021) ###-####", "0813########", "+62 8## #### ####"],
  doms="gmail.com, yahoo.co.id, outlook.com")
L("my", lang="en", country="Malaysia", tld="com.my", sty="ms",
  f="Nur Aisyah, Siti Nurhaliza, Nurul Izzah, Farah, Mei Ling, Kavitha", m="Muhammad Hafiz, Ahmad Faizal, Mohd Azlan, Amirul, Wei Keat, Saravanan",
  s="bin Ismail/binti Ismail, bin Abdullah/binti Abdullah, bin Rahman/binti Rahman, bin Hassan/binti Hassan, bin Yusof/binti Yusof, bin Othman/binti Othman, a~l Muthu/a~p Muthu, a~l Krishnan/a~p Krishnan",
  fi="Qistina Aulia", mi="Haziq Irfan",
  streets="Jalan Bukit Bintang, Jalan Ampang, Jalan Tun Razak, Lorong Maarof, Jalan SS 2/24, Jalan Sultan Ismail, Persiaran Gurney, Jalan Pudu, Jalan Telawi 3",
  afmt=["No. {n}, {s}", "{n}, {s}", "Lot {n}, {s}", "{u}, {s}"], nums=["%", "%#", "%##"], units=["^-%#-%#", "Unit ^-%-%#"],
  cities="Kuala Lumpur|5####; Petaling Jaya|46###; George Town|10###; Johor Bahru|80###; Ipoh|30###; Kota Kinabalu|88###",
  post=["{pc} {city}"],
  phones=["+60 12-### ####", "012-### ####", "+60 3-#### ####", "03-#### ####", "011-#### ####"],
  doms="gmail.com, yahoo.com.my, outlook.com")
L("ph", lang="en", country="Philippines", tld="ph", sty="es",
  f="Maria Cristina, Ma. Lourdes, Jocelyn, Marites, Rowena, Kristine, Angelica, Rosalinda", m="Juan Carlo, Mark Anthony, Rommel, Jomar, Ramon, Emmanuel, Jerome, Paolo",
  s="dela Cruz, Santos, Reyes, Bautista, Mendoza, Villanueva, Ramos, Aquino, Castillo, Manalo, Macapagal, Dimaculangan, Tolentino, delos Reyes, Pangilinan",
  fi="Princess Mae, Jhoanna", mi="Jhay-ar, Kristoffer Jem",
  streets="Rizal Avenue, Ayala Avenue, Katipunan Avenue, Mabini Street, Colon Street, Aguinaldo Highway, Timog Avenue, Jupiter Street, Escolta Street, Osmeña Boulevard",
  afmt=["{n} {s}", "{n} {s}", "Unit {u}, {n} {s}", "Blk %# Lot %#, {s}"], nums=["%", "%#", "%##", "%###"], units=["%#^", "%0%"],
  cities="Makati City|12##; Quezon City|11##; Cebu City|6000; Davao City|8000; Pasig City|16##; Manila|10##; Iloilo City|5000",
  post=["{city} {pc}", "{city}, {pc}"],
  phones=["+63 917 ### ####", "0917 ### ####", "+63 2 8### ####", "(02) 8###-####", "09## ### ####"],
  doms="gmail.com, yahoo.com.ph, outlook.com")
L("th", lang="en", country="Thailand", tld="co.th", sty="th",
  f="Siriporn, Kanokwan, Nattaya, Pimchanok, Araya, Wanida, Supaporn", m="Somchai, Anan, Thanawat, Kittisak, Prasert, Chaiwat, Nattapong",
  s="Srisuk, Wongsawat, Rattanakorn, Chaiyaporn, Suksawat, Thongchai, Saetang, Phromma, Boonmee, Charoensuk, Jirasakunwong, Sirimongkol",
  fi="Pawinee-Dao", mi="Thanakrit",
  streets="Sukhumvit Soi 11, Thanon Silom, Thanon Ratchadamri, Sathorn Road, Thanon Nimmanhaemin, Charoen Krung Road, Phahonyothin Road, Thanon Rama IV",
  afmt=["{n} {s}", "{n}/{u} {s}"], nums=["%", "%#", "%##"], units=["%", "%#"],
  cities="Bangkok|10###|Khlong Toei; Chiang Mai|50###|Mueang Chiang Mai; Phuket|83###|Kathu; Khon Kaen|40###|Mueang Khon Kaen",
  post=["{rg}, {city} {pc}", "{city} {pc}"],
  phones=["+66 8# ### ####", "08# ### ####", "+66 2 ### ####", "02 ### ####", "+66 (0)8# ### ####"],
  doms="gmail.com, hotmail.co.th, outlook.com")
L("jp", lang="en", country="Japan", tld="co.jp", sty="jp", order="sg",
  f="Haruka, Yui, Aoi, Sakura, Yuki, Misaki, Emi, Naoko, Keiko", m="Haruto, Takumi, Kenji, Hiroshi, Daisuke, Sota, Ren, Yusuke, Takeshi",
  s="Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, Yamada, Sasaki, Matsumoto, Inoue, Kimura, Hayashi, Shimizu",
  fi="Chiharu, Mitsuki", mi="Shoei, Rintaro",
  streets="", afmt=["{s}"], cities="Tokyo|1##-####; Osaka|5##-####; Kyoto|60#-####; Fukuoka|81#-####; Sapporo|06#-####",
  post=["{city} {pc}"],
  phones=["+81 90-####-####", "090-####-####", "+81 3-####-####", "03-####-####", "06-####-####", "080 #### ####"],
  doms="gmail.com, docomo.ne.jp, yahoo.co.jp, nifty.com")
L("kr", lang="en", country="South Korea", tld="co.kr", sty="kr", order="sg",
  f="Ji-woo, Seo-yeon, Min-ji, Soo-ah, Ha-eun, Ye-jin, Hye-jin", m="Min-jun, Seo-jun, Do-yoon, Ji-ho, Hyun-woo, Jae-sung, Sung-min",
  s="Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Oh, Shin, Kwon",
  fi="Da-on, Yu-rim", mi="Si-woo, Ha-ram",
  streets="Teheran-ro, Sejong-daero, Gangnam-daero, Itaewon-ro, Olympic-ro, Hongik-ro, Dosan-daero, Yeoksam-ro",
  afmt=["{n} {s}", "{s} {n}", "{n} {s}, {u}"], nums=["%", "%#", "%##"], units=["10%-dong %#0%-ho", "Apt %0%"],
  cities="Seoul|0####|Gangnam-gu; Busan|4####|Haeundae-gu; Incheon|2####|Yeonsu-gu; Daegu|4####|Suseong-gu; Daejeon|3####|Yuseong-gu",
  post=["{rg}, {city} {pc}", "{rg}, {city}"],
  phones=["+82 10-####-####", "010-####-####", "+82 2-###-####", "02-###-####", "010 #### ####"],
  doms="naver.com, daum.net, gmail.com, kakao.com")
L("cn", lang="en", country="China", tld="cn", sty="zh", order="sg",
  f="Xiaoling, Meiling, Yuting, Jing, Xinyi, Wenjing, Lihua, Shuang", m="Wei, Hao, Jun, Zhiwei, Jianguo, Haoran, Yifan, Zihan",
  s="Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, Lin, Gao, Luo, Ouyang, Zheng",
  fi="Ruoxi, Yuqing", mi="Tianze, Mingrui",
  streets="Nanjing Road, Huaihai Middle Road, Jianguo Road, Wangfujing Street, Zhongshan Road, Renmin Avenue, Tianhe Road, Chunxi Road",
  afmt=["{n} {s}", "No. {n} {s}", "Room {u}, No. {n} {s}"], nums=["%", "%#", "%##", "%###"], units=["%0#", "%#0%"],
  cities="Shanghai|200###|Huangpu District; Beijing|100###|Chaoyang District; Guangzhou|510###|Tianhe District; Chengdu|610###|Jinjiang District; Hangzhou|310###|Xihu District; Shenzhen|518###|Nanshan District",
  post=["{rg}, {city} {pc}", "{rg}, {city}"],
  phones=["+86 13# #### ####", "13#-####-####", "+86 10 #### ####", "010-########", "021 #### ####", "+86 186 #### ####"],
  doms="qq.com, 163.com, 126.com, gmail.com")

# ---------------------------------------------------------------- Middle East
ARAB_F = "Fatima, Aisha, Mariam, Noor, Layla, Huda, Amira, Salma, Yasmin, Rania"
ARAB_M = "Mohammed, Ahmed, Omar, Khalid, Youssef, Hassan, Abdullah, Tariq, Karim, Faisal, Hamza"
ARAB_S = "Al-Farsi, Al-Mansouri, Haddad, Khoury, Nasser, Al-Rashid, El-Sayed, Abdelrahman, Al-Hashimi, Qasim, Mansour, Saleh, Hamdan, Al-Qahtani, El-Masry, Bakr"
L("ae", lang="en", cc="AE", country="United Arab Emirates", tld="ae", sty="ar",
  f=ARAB_F, m=ARAB_M, s=ARAB_S, fi="Reem-Alia, Jumana", mi="Rakan, Zayed-Sultan",
  streets="Sheikh Zayed Road, Al Wasl Road, Jumeirah Beach Road, Al Khaleej Street, Corniche Road, Hamdan Street, Al Maktoum Road",
  afmt=["Office {u}, {s}", "Apt {u}, {s}", "Villa %#, Street %#", "Unit {u}, Building %#, {s}"], units=["%0%", "%#0%", "%0#"],
  cities="Dubai||Al Barsha 1; Dubai||Business Bay; Abu Dhabi||Al Reem Island; Sharjah||Al Majaz 2",
  post=["{rg}, {city}"],
  phones=["+971 50 ### ####", "050 ### ####", "+971 4 ### ####", "04 ### ####", "+971 55#######"],
  doms="gmail.com, emirates.net.ae, outlook.com")
L("eg", lang="en", cc="EG", country="Egypt", tld="com.eg", sty="ar",
  f=ARAB_F, m=ARAB_M, s=ARAB_S, fi="Nourhan, Rawya", mi="Seif-Eldin",
  streets="Talaat Harb Street, Shehab Street, Al Tahrir Street, Gamaat al Dowal Street, Abbas El Akkad Street, Port Said Street, Mohamed Farid Street",
  afmt=["{n} {s}", "{n} {s}, Apt {u}", "{n} {s}, Floor {u}"], units=["%", "%#"],
  cities="Cairo|11###; Giza|12###; Alexandria|21###",
  post=["{city} {pc}", "{city}"],
  phones=["+20 10 #### ####", "010 #### ####", "+20 2 #### ####", "02 #### ####", "+20 12########"],
  doms="gmail.com, yahoo.com, hotmail.com")
L("ir", lang="en", country="Iran", tld="ir", sty="fa",
  f="Maryam, Zahra, Shirin, Niloufar, Parisa, Leila, Golnaz, Azadeh, Shiva", m="Reza, Ali, Mehdi, Amir Hossein, Dariush, Kourosh, Babak, Farhad, Arash",
  s="Hosseini, Mohammadi, Ahmadi, Rezaei, Karimi, Moradi, Jafari, Ghasemi, Tehrani, Rahimi, Sadeghi, Kazemi, Shirazi, Esfahani, Mirzaei, Farahani",
  fi="Tarane, Mahsima", mi="Arsham, Kiyan-Mehr",
  streets="Vali Asr Street, Enghelab Street, Keshavarz Boulevard, Shariati Street, Mirdamad Boulevard, Chaharbagh Street, Zand Boulevard",
  afmt=["No. {n}, {s}", "{s}, No. {n}, Unit {u}", "{n} {s}"], units=["%", "%#"],
  cities="Tehran|1%########; Isfahan|81#######; Shiraz|71#######; Tabriz|51#######; Mashhad|91#######",
  post=["{city} {pc}", "{city}"],
  phones=["+98 912 ### ####", "0912 ### ####", "+98 21 #### ####", "021 #### ####", "0935-###-####"],
  doms="gmail.com, yahoo.com, outlook.com")
L("il", lang="en", cc="IL", country="Israel", tld="co.il", sty="he",
  f="Noa, Tamar, Shira, Yael, Maya, Michal, Adi, Avigail, Hila", m="Yosef, Itai, Noam, Ariel, Eitan, Yonatan, Amit, Omer, Avraham",
  s="Cohen, Levi, Mizrahi, Peretz, Biton, Dahan, Friedman, Katz, Azoulay, Ben-David, Goldberg, Shapiro, Ohana, Ben-Ami, Rosenberg",
  fi="Ofri, Lihi-Or", mi="Raz-El, Itamar-Gil",
  streets="Rothschild Boulevard, Dizengoff Street, Herzl Street, Jaffa Road, Ben Yehuda Street, Allenby Street, Emek Refaim Street, King George Street, Ibn Gabirol Street",
  afmt=["{s} {n}", "{n} {s}", "{s} {n}, Apt {u}", "{s} {n}/{u}"], units=["%", "%#"],
  cities="Tel Aviv-Yafo|6%#####; Jerusalem|9%#####; Haifa|3%#####; Be'er Sheva|8%#####; Ramat Gan|52#####",
  post=["{city} {pc}", "{pc} {city}"],
  phones=["+972 5#-###-####", "05#-###-####", "+972 3-###-####", "03-###-####", "02 ### ####", "+972 54 ### ####"],
  doms="gmail.com, walla.co.il, bezeqint.net")

for _k, _d in LOC.items():
    _d["s"] = [x.replace("~", "/") if "~" in x else x for x in _d["s"]]
    for _st in _d["streets"]:
        if _k != "co":
            assert not re.search(r"[#%^&*?\\]", _st), _st

MY_MALAY_F = W("Nur Aisyah, Siti Nurhaliza, Nurul Izzah, Farah Nadia, Aina Sofea, Syafiqah")
MY_MALAY_M = W("Muhammad Hafiz, Ahmad Faizal, Mohd Azlan, Amirul Hakim, Khairul Anuar, Danial")
MY_CHINESE = (W("Mei Ling, Siew Lan, Hui Wen, Pei Shan"), W("Wei Keat, Kok Leong, Chee Hong, Jun Wei"),
              W("Lim, Tan, Wong, Chong, Ooi, Yeoh, Teh"))
MY_INDIAN = (W("Kavitha, Thilaga, Devi, Santhiya"), W("Saravanan, Ganesan, Rajesh, Murugan"))

VN_MID = {"f": W("Thị, Ngọc, Thu, Kim, Thanh"), "m": W("Văn, Đức, Hữu, Quốc, Minh")}
PT_PART = {"Silva": "da", "Costa": "da", "Santos": "dos", "Sousa": "de", "Oliveira": "de",
           "Almeida": "de", "Souza": "de", "Lima": "de", "Carvalho": "de", "Araújo": "de"}
ES_FAMILY = ("es", "mx", "arg", "co", "cl")

# invented-surname pieces (root + suffix), per style; female transforms where needed
STY = {
    "en": (W("Ash, Brad, Whit, Hollow, Thorn, Pen, Cald, Stan, Wick, Fen, Hart, Rad"),
           W("ridge, well, combe, by, ford, ley, worth, ton, wick, more, shaw, stead")),
    "de": (W("Brenn, Wald, Stein, Kalt, Linden, Eich, Rosen, Falk, Dorn, Wies, Hag, Mühl, Ober, Hinter"),
           W("hofer, meier, berger, mann, bach, thaler, inger, feld, wanger, reuther, hausen, stätter")),
    "fr": (W("Beau, Mont, Chal, Fer, Ros, Val, Gran, Lav, Bel, Dur, Vau, Mor"),
           W("ignac, ecourt, ier, ard, elle, ois, aud, ière, ot, eux, ault, eville")),
    "es": (W("Arr, Bel, Cor, Gal, Mend, Ot, Zab, Quin, Vil, Sal, Tor, Bar"),
           W("ieta, eras, ández, onte, aga, edo, ino, ález, ueña, oya, arte, illo")),
    "ca": (W("Vall, Mas, Fon, Cas, Ter, Pla, Rius, Bru"), W("ellas, torrent, cuberta, deperas, ó, ells, garriga")),
    "pt": (W("Arant, Bet, Camp, Falc, Gouv, Lour, Mour, Queir, Tav, Vasc, Pim"),
           W("ujo, ães, eira, ões, ado, elo, ilho, anha, inho")),
    "it": (W("Bar, Cas, Lor, Fer, Mal, Ser, Ton, Ver, Pal, Gal, Sor, Ben"),
           W("etti, ozzi, aldi, inelli, ucci, acchio, one, esi, olini, azzo, iani")),
    "nl": (W("Ver, Hoog, Braak, Wil, Zand, Hout, Lin, Kamp, Brink, Roos, Mol"),
           W("man, hof, stra, huis, kamp, veld, bergen, hout, dijk, beek")),
    "pl": (W("Brzoz, Dęb, Sob, Wilcz, Jaw, Zar, Mił, Chmiel, Kruk, Gaj, Lip"),
           W("owski, ecki, iński, czyk, ak, ek, ewicz, uk")),
    "cz": (W("Hol, Kub, Mrá, Vrb, Sed, Ryb, Luč, Brab, Ston, Kop"), W("ák, ec, íček, ovský, ánek, ický, ař")),
    "si": (W("Kral, Pod, Hrib, Jer, Lap, Brez, Pet"), W("nik, ar, ec, šek, ovec, nikar")),
    "sl": (W("Brat, Jak, Kres, Mil, Rad, Vuk, Zor, Dra, Stan, Bog"), W("ović, ić, ević, inović, ašić, elić")),
    "bg": (W("Stan, Kost, Rad, Zlat, Velik, Boy, Tsan, Mlad"), W("ov, ev, chev, ilov")),
    "ua": (W("Hry, Kova, Shvyd, Tym, Oles, Bilo, Lyt, Zaru, Pryh"), W("chenko, enko, chuk, yshyn, ak, uk, ovskyi")),
    "nord": (W("Ek, Sjö, Lind, Berg, Holm, Ny, Sand, Ås, Dal, Fjell, Strøm, Vik"),
             W("strand, lund, vik, gren, qvist, mark, by, heim, rud, dal, sæter")),
    "fi": (W("Kos, Vir, Hak, Lah, Jär, Pel, Hon, Sil, Kur, Tuo"), W("kinen, tonen, ala, nen, iainen, lampi, mäki, harju")),
    "ee": (W("Kaar, Mets, Pihl, Loo, Kuus, Vares, Tõ"), W("mäe, lepp, salu, soo, vere, kivi")),
    "lv": (W("Zīl, Ozol, Kār, Vīks, Egl, Dzen"), W("iņš, ītis, ons, enieks")),
    "lt": (W("Mick, Balt, Gril, Stas, Vait, Rimk"), W("evičius, auskas, ūnas, ėnas")),
    "tr": (W("Karaca, Ak, Gök, Tun, Yal, Demir, Er, Öz, Bil"), W("oğlu, soy, kan, taş, dağ, çelik, men")),
    "gr": (W("Papa, Kara, Chatzi, Mavro, Kosta, Lefte, Sta, Theo"), W("dakis, poulos, giannis, lidis, kos, tos")),
    "ro": (W("Bră, Vlă, Măr, Cost, Sto, Dră, Negr, Pop"), W("escu, eanu, ache, oiu, ică")),
    "hu": (W("Szent, Bakó, Vörös, Fehér, Sár, Kerek, Halász, Tar"), W("falvi, házi, kuti, vári, hegyi, völgyi")),
    "ga": (W("Brol, Donag, Fiac, Gall, Lorc, Murt, Teag"), W("han, ery, an, ey")),
    "yo": (W("Ade, Olu, Oye, Ayo, Fola, Ola, Bami, Ogun"), W("wale, tunde, kunle, labi, yemi, sanya, sola, dipe")),
    "sw": (W("Mwa, Ki, Njo, Wanj, Ote, Oma, Chu"), W("nzia, ptoo, roge, ala, ieno, ndi, mba")),
    "in": (W("Raghu, Venkat, Sub, Chandra, Har, Pad, Ram"), W("nathan, araman, ashekar, vardhan, kumar, anand")),
    "zh": (W("Qi, Xu, Dong, Cai, Shen, Lu, Pan, Yan"), W("")),
    "jp": (W("Mori, Ishi, Naka, Fuji, Taka, Kawa, Yoshi, Hira, Kita, Sugi"), W("moto, mura, hara, zaki, ta, uchi, yama, oka")),
    "kr": (W("Seo, Ha, Ji, Min, Do, Ye, Yoon"), W("")),
    "vn": (W("Nguyễn, Trần, Lê"), W("")),
    "id": (W("Sur, Wid, Hari, Pra, Sap, Kus"), W("yanto, odo, yadi, setyo, wati, naedi")),
    "ms": (W("Ismail"), W("")),
    "th": (W("Sri, Wong, Rat, Chai, Suk, Kit, Phon, Thong"), W("sawat, kul, phong, wanich, prasert, siri, chai, rak")),
    "ar": (W("Al-Zahr, Al-Naj, Al-Kham, Al-Barr, Al-Sadd, Al-Jab"), W("ani, awi, i, an")),
    "fa": (W("Mehr, Gol, Shah, Nik, Par, Far, Ban"), W("abadi, zadeh, pour, nia, ian, vand")),
    "he": (W("Gol, Rosen, Ber, Lev, Shap, Tzur"), W("feld, stein, baum, on, ovich, i")),
    "is": (W("Jóns"), W("")),
}
FEM_SUFFIX = {"pl": [("owski", "owska"), ("ecki", "ecka"), ("iński", "ińska")],
              "cz": [("ovský", "ovská"), ("ický", "ická")],
              "bg": [("ov", "ova"), ("ev", "eva")],
              "ua": [("ovskyi", "ovska")],
              "lv": [("iņš", "iņa"), ("ītis", "īte"), ("ons", "one"), ("enieks", "eniece")],
              "lt": [("evičius", "evičienė"), ("auskas", "auskienė"), ("ūnas", "ūnienė"), ("ėnas", "ėnienė")],
              "gr": [("dakis", "daki"), ("poulos", "poulou"), ("giannis", "gianni"), ("lidis", "lidou"),
                     ("kos", "kou"), ("tos", "tou")]}


def invent_surname(sty, gender):
    roots, sufs = STY.get(sty, STY["en"])
    if sty in ("zh", "kr", "vn", "ms", "is") or not sufs:
        return None
    s = ch(roots) + ch(sufs)
    if sty == "nl" and chance(0.35):
        s = ch(["van ", "van de ", "de ", "van der "]) + s
    if sty == "ga":
        s = ch(["O'", "Mc", "Mac"]) + s
    if sty == "th" and chance(0.5):
        s = s + ch(STY["th"][1])
    if gender == "f":
        if sty == "cz" and not s.endswith("ý"):
            done = False
            for a, b in FEM_SUFFIX["cz"]:
                if s.endswith(a):
                    s = s[: -len(a)] + b
                    done = True
            if not done:
                s = s + "ová"
        for a, b in FEM_SUFFIX.get(sty, []):
            if sty != "cz" and s.endswith(a):
                s = s[: -len(a)] + b
                break
    return s


def invent_given(sty, gender):
    if sty == "zh":
        return ch(W("Yu, Xin, Hao, Ling, Rui, Jia, Tian, Yi, Zhen, Mei, Qing")) + ch(W("xuan, ning, yao, chen, lan, feng, han, yue")).lower()
    if sty == "kr":
        return ch(W("Seo, Ha, Ji, Min, Do, Ye, Yoon, Jae, Hye, Eun")) + "-" + ch(W("bin, won, hyun, seo, jin, ah, rin, yul"))
    return None


def gendered(entry, gender):
    if "/" in entry:
        m, f = entry.split("/", 1) if not entry.startswith("a/") else entry.split("/a", 1)
        if entry.startswith("a/"):
            f = "a" + f
        return f if gender == "f" else m
    return entry


class Person:
    def __init__(self, loc, gender, given, sur, short, mid=None, patr=None, mi=None, order="gs",
                 invented=False):
        self.loc, self.gender, self.given, self.sur, self.short = loc, gender, given, sur, short
        self.mid, self.patr, self.mi, self.order, self.invented = mid, patr, mi, order, invented

    def full(self):
        if self.order == "sg":
            return " ".join(x for x in (self.sur, self.mid, self.given) if x)
        bits = [self.given]
        if self.patr:
            bits.append(self.patr)
        if self.mi:
            bits.append(self.mi)
        bits.append(self.sur)
        return " ".join(bits)

    def western(self):
        if self.loc == "my":
            return self.full()
        return self.given + " " + self.sur

    def first(self):
        return self.given

    def formal(self):
        if self.loc == "my" and self.order != "sg":
            return self.given
        s = self.short
        if self.loc == "nl" and s[:1].islower():
            s = s[0].upper() + s[1:]
        return s

    def caps(self):
        su = self.sur.upper()
        r = R.random()
        if r < 0.45:
            return su + ", " + self.given
        if r < 0.8:
            return su + " " + self.given
        return self.given + " " + su

    def initial(self):
        g = self.given
        if "-" in g and g[0].isupper() and not g.startswith("Ma."):
            a, b = g.split("-", 1)
            ini = a[0] + ".-" + b[0] + "."
        else:
            ini = g[0] + "."
        return ini + " " + self.sur

    def any(self):
        """A varied but natural rendering for prose."""
        r = R.random()
        if r < 0.62:
            return self.full()
        if r < 0.8:
            return self.western() if self.order == "sg" else self.full()
        if r < 0.9:
            return self.initial() if self.loc not in ("my", "vn", "kr", "cn", "jp", "hu") else self.full()
        return self.full()


INV_PARTS = set()


def make_person(loc, gender=None):
    d = LOC[loc]
    gender = gender or ch("fm")
    inv = False
    # given name
    pool_inv = d["fi"] if gender == "f" else d["mi"]
    if loc == "my":
        kind = R.random()
        if kind < 0.6:
            given = ch(MY_MALAY_F if gender == "f" else MY_MALAY_M)
            if chance(0.1):
                given, inv = ch(d["fi"] if gender == "f" else d["mi"]), True
                INV_PARTS.add(given)
            father = ch(W("Ismail, Abdullah, Rahman, Hassan, Yusof, Othman, Ibrahim, Razak"))
            sur = ("binti " if gender == "f" else "bin ") + father
            return Person(loc, gender, given, sur, given, invented=inv)
        if kind < 0.8:
            given = ch(MY_CHINESE[0] if gender == "f" else MY_CHINESE[1])
            s = ch(MY_CHINESE[2])
            return Person(loc, gender, given, s, s, order="sg")
        given = ch(MY_INDIAN[0] if gender == "f" else MY_INDIAN[1])
        father = ch(W("Muthu, Krishnan, Subramaniam, Raman"))
        sur = ("a/p " if gender == "f" else "a/l ") + father
        return Person(loc, gender, given, sur, given)
    if pool_inv and chance(0.12):
        given, inv = ch(pool_inv), True
        INV_PARTS.add(given)
    else:
        given = ch(d["f"] if gender == "f" else d["m"])
        if chance(0.06):
            g2 = invent_given(d["sty"], gender)
            if g2:
                given, inv = g2, True
                INV_PARTS.add(given)
    mid = patr = mi = None
    order = d["order"]
    # surname
    if loc == "is":
        father = ch(sorted(d["pat"]))
        sur = d["pat"][father] + ("son" if gender == "m" else "dóttir")
        return Person(loc, gender, given, sur, sur, invented=inv)
    s1 = None
    if chance(0.19):
        s1 = invent_surname(d["sty"], gender)
        if s1:
            inv = True
            INV_PARTS.add(s1)
    if not s1:
        s1 = gendered(ch(d["s"]), gender)
    sur, short = s1, s1
    if loc in ES_FAMILY and chance(0.6):
        s2 = gendered(ch(d["s"]), gender)
        if s2 != s1:
            sur = s1 + " " + s2
    elif loc == "cat":
        s2 = ch(d["s"])
        if s2 != s1:
            sur = s1 + (" i " if chance(0.4) else " ") + s2
    elif loc in ("pt", "br") and chance(0.7):
        s2 = ch(d["s"])
        if s2 != s1:
            a = (PT_PART[s1] + " " + s1) if (s1 in PT_PART and chance(0.5)) else s1
            sur = a + " " + s2
            short = s2
    elif loc == "ph" and chance(0.4):
        s2 = ch(d["s"])
        if s2 != s1:
            sur = s2 + " " + s1
    elif loc == "ua" and chance(0.45):
        fa = ch(d["m"])
        if fa == "Mykola":
            patr = "Mykolaiovych" if gender == "m" else "Mykolaivna"
        elif fa.endswith("o"):
            patr = fa[:-1] + ("ovych" if gender == "m" else "ivna")
        else:
            patr = fa + ("ovych" if gender == "m" else "ivna")
    elif loc == "bg" and chance(0.35):
        p0 = d["pat"][ch(sorted(d["pat"]))]
        patr = p0 + ("a" if gender == "f" else "")
    elif loc == "vn":
        mid = ch(VN_MID[gender])
        if chance(0.35):
            given, mid, sur = ascii_fold(given), ascii_fold(mid), ascii_fold(sur)
            short = sur
    elif loc == "kr" and chance(0.2):
        given = given.replace("-", "").capitalize()
    if loc in ("us", "ca", "au", "uk") and chance(0.18):
        mi = chr(65 + R.randint(0, 25)) + "."
    if loc == "sg" and chance(0.25):
        order = "gs"
    return Person(loc, gender, given, sur, short, mid=mid, patr=patr, mi=mi, order=order, invented=inv)


TITLES = {
    "en": ({"m": ["Mr", "Mr.", "Dr", "Dr.", "Prof."], "f": ["Ms", "Ms.", "Mrs", "Mrs.", "Dr.", "Miss"]}),
    "de": ({"m": ["Herr", "Herr", "Dr.", "Herr Dr."], "f": ["Frau", "Dr.", "Frau Dr."]}),
    "fr": ({"m": ["M.", "Monsieur", "Me", "Dr"], "f": ["Mme", "Madame", "Mlle", "Me", "Dr"]}),
    "es": ({"m": ["Sr.", "D.", "Dr.", "Lic.", "Ing."], "f": ["Sra.", "Dña.", "Dra.", "Lic.", "Srta."]}),
    "ca": ({"m": ["Sr.", "Dr."], "f": ["Sra.", "Dra."]}),
    "it": ({"m": ["Sig.", "Dott.", "Avv.", "Ing."], "f": ["Sig.ra", "Dott.ssa", "Avv.", "Sig.na"]}),
    "pt": ({"m": ["Sr.", "Dr.", "Eng."], "f": ["Sra.", "Dra.", "D."]}),
    "nl": ({"m": ["dhr.", "meneer", "de heer"], "f": ["mevr.", "mevrouw"]}),
    "pl": ({"m": ["Pan", "pan", "dr"], "f": ["Pani", "pani", "dr"]}),
    "cs": ({"m": ["pan", "Ing.", "Mgr."], "f": ["paní", "Ing.", "Mgr."]}),
    "sk": ({"m": ["pán", "Ing.", "Mgr."], "f": ["pani", "Ing.", "Mgr."]}),
    "ro": ({"m": ["dl.", "domnul"], "f": ["dna.", "doamna"]}),
}


def titled(p, lang=None):
    """Pieces for a title + surname reference (title outside the span)."""
    lang = lang or LOC[p.loc]["lang"]
    if p.loc == "tr" and lang in ("tr", "en") and chance(0.7):
        return [P(p.given), " " + ("Bey" if p.gender == "m" else "Hanım")]
    if p.loc == "jp" and chance(0.5):
        return [P(p.sur), "-san"]
    if p.loc == "th" and chance(0.6):
        return ["Khun ", P(p.given)]
    if p.loc == "is":
        return [P(p.given)] if chance(0.5) else [ch(TITLES["en"][p.gender]) + " ", P(p.full())]
    tl = TITLES.get(lang, TITLES["en"])
    return [ch(tl[p.gender]) + " ", P(p.formal())]


def titled_full(p, lang=None):
    lang = lang or LOC[p.loc]["lang"]
    if p.loc == "tr" and chance(0.3):
        return [P(p.full()), " " + ("Bey" if p.gender == "m" else "Hanım")]
    tl = TITLES.get(lang, TITLES["en"])
    return [ch(tl[p.gender]) + " ", P(p.full())]


# ----------------------------------------------------------------------------------------------
# addresses, phones, e-mails, companies, URLs, IPs, cards, IBANs
# ----------------------------------------------------------------------------------------------
ADDR_FALLBACK = {"jp": ["us", "uk", "de", "au", "ca"]}


class Addr:
    def __init__(self, loc, street, pc, city, rg):
        self.loc, self.street, self.pc, self.city, self.rg = loc, street, pc, city, rg

    def tail(self, style=None):
        """Pieces after the street: postcode/city/region as negatives (postcode and city)."""
        d = LOC[self.loc]
        fmt = style or ch(d["post"])
        if not self.pc:
            fmt = fmt.replace("{pc} ", "").replace(" {pc}", "").replace(", {pc}", "")
        out = []
        pos = 0
        for m in PH_RE.finditer(fmt):
            out.append(fmt[pos:m.start()])
            k = m.group(1)
            if k == "pc":
                out.append(N(self.pc))
            elif k == "city":
                out.append(N(self.city))
            elif k == "rg":
                out.append(N(self.rg) if len(self.rg) > 3 and self.rg != self.city else self.rg)
            pos = m.end()
        out.append(fmt[pos:])
        return [x for x in out if x != ""]

    def inline(self, sep=", ", country=False):
        out = [ST(self.street), sep] + self.tail()
        if country:
            out += [", ", N(LOC[self.loc]["country"])]
        return out

    def block(self, country=False):
        out = [ST(self.street), "\n"] + self.tail()
        if country:
            out += ["\n", N(LOC[self.loc]["country"].upper() if chance(0.4) else LOC[self.loc]["country"])]
        return out


def street_line(loc):
    d = LOC[loc]
    f = ch(d["afmt"])
    s = ch(d["streets"])
    line = f.replace("{s}", s.replace("\\", "\\\\") if loc != "co" else s)
    line = line.replace("{n}", ch(d["nums"])).replace("{u}", ch(d["units"]) if d["units"] else "%")
    line = line.replace("{l}", ch(["a", "b", "A", "B", "c"]) if loc not in ("fi",) else ch("ABC"))
    out = pat(line)
    return re.sub(r"\s+", " ", out).strip()


def make_addr(loc):
    if not LOC[loc]["streets"]:
        loc = ch(ADDR_FALLBACK.get(loc, ["us", "uk", "de"]))
    d = LOC[loc]
    city, pcp, rg = ch(d["cities"])
    pc = pat(pcp) if pcp else ""
    return Addr(loc, street_line(loc), pc, city, rg)


def make_phone(loc):
    return pat(ch(LOC[loc]["phones"]))


def email_local(p):
    g = slug(p.given.split(" ")[0].split("-")[0]) or "info"
    s = slug(p.short.replace(" ", ""))[:16] or slug(p.sur)
    if p.loc == "my" and p.order != "sg":
        s = slug(p.sur.split(" ")[-1])
    if p.order == "sg" and p.loc in ("cn", "kr", "jp", "vn", "hu") and chance(0.3):
        return s + "." + g
    r = R.random()
    if r < 0.35:
        return g + "." + s
    if r < 0.5:
        return g[0] + s
    if r < 0.6:
        return g + s + str(R.randint(70, 99) if chance(0.5) else R.randint(1, 999))
    if r < 0.68:
        return s + "." + g
    if r < 0.76:
        return g + "_" + s
    if r < 0.84:
        return g + "." + s[0]
    if r < 0.9:
        return g[0] + "." + s
    return g + str(R.randint(2, 99))


def make_email(p, domain=None):
    dom = domain or ch(LOC[p.loc]["doms"])
    loc = email_local(p)
    if domain is None and chance(0.06):
        loc += "+" + ch(["shop", "news", "orders", "2024", "ebay"])
    return loc + "@" + dom


COMPANY_WORDS = {
    "en": W("Bluecrest, Kestrel, Harbourline, Brightwater, Northgate, Copperleaf, Silverbirch, Tidewell, Greyhaven, Oakmere, Larkspur, Fernbank, Ironbridge, Quillstone"),
    "de": W("Nordwind, Alpenglanz, Sonnenhof, Eichenlaub, Rheinblick, Bergquell, Elbtal, Feldlerche, Waldhaus, Kranich"),
    "fr": W("Horizon Bleu, Clair de Lune, Mistral, Les Trois Chênes, Val Fleuri, Pont Neuf, Belle Rive, Grand Large"),
    "es": W("Sol de Levante, Brisa Marina, Olivar Alto, Puerta Verde, Río Claro, Sierra Azul, Mar Abierto"),
    "ca": W("Mar i Muntanya, Sol Ixent, Pedra Blanca, Vent de Dalt"),
    "it": W("Stella Alpina, Vento Nuovo, Ponte Vecchio, Terra Rossa, Luce Chiara, Colle Verde"),
    "pt": W("Maré Alta, Sol Nascente, Ponte Azul, Vale Verde, Rio Manso, Estrela do Mar"),
    "nl": W("Duinzicht, Polderwind, Molenhoek, Zeeblauw, Grachtzicht, Tulpenveld"),
    "pl": W("Zielona Dolina, Biały Kruk, Złoty Kłos, Nowa Fala, Jantar"),
    "cs": W("Zlatý Klas, Modrá Hvězda, Stříbrný Potok"),
    "sv": W("Norrsken, Fjällvind, Blåklint, Skärgård"),
    "no": W("Nordlys, Fjordkraft Hagen, Havbris, Polarstjerne"),
    "da": W("Havblik, Kornblomst, Strandeng, Bølgen"),
    "fi": W("Revontuli, Kuusikko, Järvenranta, Tähtitaivas"),
    "tr": W("Mavi Deniz, Altın Başak, Yeşil Vadi, Gökkuşağı"),
    "ro": W("Dealul Verde, Soare Nou, Izvorul Alb"),
    "hu": W("Napfény, Aranykalász, Kék Duna"),
    "sk": W("Zlatý Dukát, Tatranská Hviezda"),
}
LEGAL = {"us": ["Inc.", "LLC", "Co."], "uk": ["Ltd", "Ltd.", "LLP"], "ie": ["Ltd", "DAC"], "au": ["Pty Ltd"],
         "nz": ["Ltd"], "ca": ["Inc.", "Ltée"], "in": ["Pvt. Ltd.", "LLP"], "za": ["(Pty) Ltd"], "ng": ["Ltd", "Nig. Ltd"],
         "ke": ["Ltd"], "sg": ["Pte. Ltd."], "de": ["GmbH", "GmbH & Co. KG", "AG", "e.K."], "at": ["GmbH", "OG", "KG"],
         "ch": ["AG", "GmbH", "Sàrl"], "fr": ["SARL", "SAS", "SA"], "be": ["BV", "SRL", "NV"], "lu": ["S.à r.l.", "SA"],
         "nl": ["B.V.", "V.O.F."], "es": ["S.L.", "S.A."], "cat": ["S.L.", "SCCL"], "mx": ["S.A. de C.V.", "S. de R.L."],
         "arg": ["S.R.L.", "S.A."], "co": ["S.A.S.", "Ltda."], "cl": ["SpA", "Ltda."], "pt": ["Lda.", "S.A."],
         "br": ["Ltda.", "S.A.", "ME"], "it": ["S.r.l.", "S.p.A.", "S.n.c."], "pl": ["Sp. z o.o.", "S.A."],
         "cz": ["s.r.o.", "a.s."], "sk": ["s.r.o."], "si": ["d.o.o."], "hr": ["d.o.o."], "rs": ["d.o.o."], "bg": ["EOOD", "OOD"],
         "ua": ["TOV", "LLC"], "se": ["AB"], "no": ["AS"], "dk": ["ApS", "A/S"], "is": ["ehf."], "fi": ["Oy", "Oyj"],
         "ee": ["OÜ", "AS"], "lv": ["SIA"], "lt": ["UAB"], "tr": ["A.Ş.", "Ltd. Şti."], "gr": ["IKE", "A.E."],
         "ro": ["S.R.L.", "S.A."], "hu": ["Kft.", "Zrt."], "vn": ["Co., Ltd.", "JSC"], "id": ["PT", "CV"],
         "my": ["Sdn. Bhd."], "ph": ["Inc.", "Corp."], "th": ["Co., Ltd."], "jp": ["K.K.", "Co., Ltd."],
         "kr": ["Co., Ltd."], "cn": ["Co., Ltd."], "ae": ["LLC", "FZE", "FZ-LLC"], "eg": ["S.A.E."],
         "ir": ["Co."], "il": ["Ltd."]}
TRADE = {"en": W("Analytics, Logistics, Dental, Property Group, Software, Outfitters, Media, Labs, Facilities, Insurance Brokers, Home Care, Solar"),
         "de": W("Logistik, Immobilien, Haustechnik, Versand, Druck, Beratung, Elektro, Gartenbau, Steuerberatung"),
         "fr": W("Immobilier, Logistique, Conseil, Transports, Assurances, Rénovation"),
         "es": W("Inmobiliaria, Logística, Asesores, Reformas, Seguros, Transportes"),
         "it": W("Immobiliare, Logistica, Consulenze, Impianti, Assicurazioni, Trasporti"),
         "pt": W("Imobiliária, Logística, Consultoria, Transportes, Seguros"),
         "nl": W("Vastgoed, Logistiek, Installatietechniek, Advies, Verhuur"),
         "ca": W("Immobiliària, Assessors, Logística")}


def make_company(loc):
    d = LOC[loc]
    lang = d["lbl"]
    words = COMPANY_WORDS.get(lang) or COMPANY_WORDS["en"]
    base = ch(words)
    trade = ch(TRADE.get(lang, TRADE["en"]))
    name = base + " " + trade
    if loc == "id" and chance(0.7):
        name = "PT " + name
    else:
        name = name + " " + ch(LEGAL.get(loc, ["Ltd"]))
    dom = slug(base) + (("-" + slug(trade.split(" ")[0])) if chance(0.5) else "") + "." + d["tld"]
    return name, dom, base


def make_bank(loc):
    lang = LOC[loc]["lbl"]
    words = COMPANY_WORDS.get(lang) or COMPANY_WORDS["en"]
    suf = {"de": ["Bank", "Sparkasse", "Volksbank"], "fr": ["Banque", "Crédit"], "es": ["Banco", "Caja"],
           "it": ["Banca", "Credito"], "pt": ["Banco", "Caixa"], "nl": ["Bank", "Spaarbank"]}.get(lang, ["Bank", "Savings", "Credit Union"])
    s = ch(suf)
    b = ch(words)
    return (s + " " + b) if lang in ("fr", "es", "it", "pt") or s in ("Sparkasse", "Volksbank") else (b + " " + s)


def url_for(dom, kind=None):
    kind = kind or R.random()
    paths = ["/kontakt", "/contact", "/impressum", "/account/orders", "/help/returns", "/p/" + pat("%####"),
             "/blog/" + ch(["spring-sale", "neue-filiale", "how-we-ship", "opening-hours"]), "/booking?id=" + pat("^^%###"),
             "/de/service", "/en/support/faq", "/careers", "/downloads/" + ch(["catalogue", "price-list"]) + ".pdf",
             "/track?ref=" + pat("?????##"), "/s/" + pat("&&&&&&&"), "/events/" + pat("20%#") + "/summer-fair"]
    if kind < 0.35:
        return "https://www." + dom + ch(paths)
    if kind < 0.55:
        return "https://" + dom + ch(paths)
    if kind < 0.7:
        return "www." + dom + (ch(paths) if chance(0.5) else "")
    if kind < 0.8:
        return "http://" + dom + ch(["/", "/index.php?page=" + pat("%#"), ":8080/status"])
    if kind < 0.9:
        return "https://" + ch(["shop", "portal", "app", "mein", "kunden", "booking"]) + "." + dom + ch(paths)
    return "https://www." + dom


def url_generic():
    r = R.random()
    if r < 0.12:
        lw = "abcdefghijkmnopqrstuvwxyz"
        return "https://meet.google.com/" + "-".join("".join(ch(lw) for _ in range(k)) for k in (3, 4, 3))
    if r < 0.24:
        return "https://zoom.us/j/" + pat("%##########") + ("?pwd=" + pat("&&&&&&&&&&&&") if chance(0.5) else "")
    if r < 0.34:
        return "https://github.com/" + ch(["tidewell", "kestrel-labs", "nordwind-dev", "quillstone"]) + "/" + ch(["api", "infra", "web-shop", "billing"]) + "/issues/" + pat("%##")
    if r < 0.44:
        return "https://docs.google.com/spreadsheets/d/" + "".join(ch("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(28)) + "/edit"
    if r < 0.54:
        return "https://www.airbnb.com/rooms/" + pat("%#######")
    if r < 0.64:
        return "https://maps.app.goo.gl/" + "".join(ch("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789") for _ in range(17))
    if r < 0.74:
        return "https://forms.office.com/r/" + "".join(ch("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789") for _ in range(10))
    if r < 0.84:
        return "https://calendly.com/" + ch(["praxis-nord", "kestrel-sales", "harbourline", "team-onboarding"]) + "/" + ch(["30min", "intro-call", "viewing"])
    return "https://bit.ly/" + "".join(ch("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789") for _ in range(7))


def ipv4(kind=None):
    kind = kind or ch(["pub", "pub", "pub", "priv10", "priv192", "priv172", "cgnat"])
    if kind == "priv10":
        v = "10.%d.%d.%d" % (R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
    elif kind == "priv192":
        v = "192.168.%d.%d" % (R.randint(0, 10), R.randint(2, 254))
    elif kind == "priv172":
        v = "172.%d.%d.%d" % (R.randint(16, 31), R.randint(0, 255), R.randint(1, 254))
    elif kind == "cgnat":
        v = "100.%d.%d.%d" % (R.randint(64, 127), R.randint(0, 255), R.randint(1, 254))
    else:
        a = ch([31, 37, 46, 51, 62, 77, 78, 79, 81, 82, 85, 88, 89, 91, 93, 94, 95, 109, 141, 145, 151, 176, 178, 185, 188, 193, 194, 195, 203, 212, 213, 217])
        v = "%d.%d.%d.%d" % (a, R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
    assert ip_ok(v)
    return v


def ipv6(kind=None):
    kind = kind or ch(["full", "comp", "comp", "ll", "loop", "doc", "comp2"])
    if kind == "loop":
        v = "::1"
    elif kind == "ll":
        v = "fe80::%x:%x:%x:%x" % tuple(R.randint(1, 0xffff) for _ in range(4))
    elif kind == "full":
        g = ["2001", "0db8"] if chance(0.3) else [ch(["2a02", "2a01", "2001", "2606", "2a00", "2003"]), "%04x" % R.randint(0, 0xffff)]
        v = ":".join(g + ["%04x" % R.randint(0, 0xffff) for _ in range(6)])
    elif kind == "doc":
        v = "2001:db8:%x::%x" % (R.randint(1, 0xfff), R.randint(1, 0xffff))
    elif kind == "comp2":
        v = "%s:%x:%x:%x::%x" % (ch(["2a02", "2a01", "2003", "2600", "2406"]), R.randint(0, 0xffff), R.randint(0, 0xffff), R.randint(0, 0xffff), R.randint(1, 0xff))
    else:
        v = "%s:%x:%x:%x:%x:%x:%x:%x" % (ch(["2a02", "2a01", "2003", "2600", "2406", "2c0f"]), *(R.randint(0, 0xffff) for _ in range(7)))
        v = str(ipaddress.ip_address(v))
    assert ip_ok(v)
    return v


def make_ip(v6=None):
    if v6 is None:
        v6 = chance(0.3)
    return ipv6() if v6 else ipv4()


CARD_FMT = {16: ["4-4-4-4s", "4-4-4-4h", "c"], 15: ["4-6-5s", "c"], 14: ["4-6-4s", "c"], 19: ["4-4-4-4-3s", "c"]}


def make_card(scheme=None):
    scheme = scheme or ch(["visa", "visa", "visa", "mastercard", "mastercard", "mastercard", "amex", "discover", "jcb", "diners", "unionpay", "maestro"])
    prefixes, lengths = CARD_SCHEMES[scheme]
    pre = ch(prefixes)
    if scheme == "visa":
        pre = ch(["4539", "4556", "4916", "4532", "4929", "4485", "4716", "4024", "4175", "4658"])
    length = ch(lengths)
    num = luhn_complete(pre, length)
    f = ch(CARD_FMT[length])
    if f == "c":
        out = num
    else:
        sizes = [int(x) for x in f[:-1].split("-")]
        sep = " " if f[-1] == "s" else "-"
        parts, i = [], 0
        for sz in sizes:
            parts.append(num[i:i + sz])
            i += sz
        out = sep.join(parts)
    assert luhn_ok(out) and card_scheme_ok(out), out
    return out, scheme


BBAN = {"AT": "#" * 16, "BE": "#" * 12, "BG": "^^^^######" + "?" * 8, "CH": "#####" + "#" * 12, "CY": "#" * 8 + "#" * 16,
        "CZ": "#" * 20, "DE": "#" * 18, "DK": "#" * 14, "EE": "#" * 16, "ES": "#" * 20, "FI": "#" * 14,
        "FR": "#" * 10 + "#" * 9 + "?#" + "##", "GB": "^^^^" + "#" * 14, "GR": "#" * 7 + "#" * 16, "HR": "#" * 17,
        "HU": "#" * 24, "IE": "^^^^" + "#" * 14, "IS": "#" * 22, "IT": "^" + "#" * 10 + "#" * 12, "LT": "#" * 16,
        "LU": "###" + "#" * 13, "LV": "^^^^" + "#" * 13, "NL": "^^^^" + "#" * 10, "NO": "#" * 11, "PL": "#" * 24,
        "PT": "#" * 21, "RO": "^^^^" + "#" * 16, "RS": "#" * 18, "SE": "#" * 20, "SI": "#" * 15, "SK": "#" * 20,
        "TR": "#####0" + "#" * 16, "UA": "#" * 6 + "#" * 19, "BR": "#" * 23 + "^" + "?", "AE": "#" * 19,
        "SA": "##" + "#" * 18, "IL": "#" * 19, "EG": "#" * 25, "MT": "^^^^" + "#" * 5 + "?" * 18, "LI": "#" * 17,
        "MC": "#" * 10 + "#" * 11 + "##", "QA": "^^^^" + "#" * 21, "PK": "^^^^" + "#" * 16, "GE": "^^" + "#" * 16,
        "JO": "^^^^" + "####" + "#" * 18, "MU": "^^^^" + "#" * 16 + "000MUR"}
BANK = {"GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "RBOS"], "IE": ["AIBK", "BOFI", "IPBS"],
        "NL": ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "KNAB", "BUNQ"], "RO": ["BTRL", "RNCB", "BRDE", "INGB"],
        "BG": ["BNBG", "UNCR", "STSA", "FINV"], "LV": ["HABA", "UNLA", "PARX", "RIKO"], "MT": ["MALT", "VALL"],
        "QA": ["QNBA", "DOHB"], "PK": ["SCBL", "HABB"], "JO": ["CBJO", "ARAB"], "MU": ["BOMM", "MCBL"], "GE": ["NB", "TB"]}


def make_iban(cc, grouped=None):
    spec = BBAN[cc]
    bban = pat(spec)
    if cc in BANK:
        b = ch(BANK[cc])
        bban = b + bban[len(b):]
    base = bban + cc + "00"
    n = int("".join(str(int(c, 36)) for c in base))
    chk = 98 - n % 97
    iban = cc + "%02d" % chk + bban
    assert iban_ok(iban), iban
    if grouped is None:
        grouped = chance(0.6)
    if grouped:
        iban = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    assert iban_ok(iban)
    return iban


def iban_cc(loc):
    cc = LOC[loc]["cc"]
    if cc:
        return cc
    return ch(["DE", "NL", "FR", "ES", "GB", "IE", "BE", "IT", "LU", "MT", "CY", "LI", "MC", "QA", "PK", "GE", "JO", "MU", "SA"])


# ----------------------------------------------------------------------------------------------
# hard negatives
# ----------------------------------------------------------------------------------------------
MONTHS = {
    "en": W("January, February, March, April, May, June, July, August, September, October, November, December"),
    "de": W("Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember"),
    "fr": W("janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre"),
    "es": W("enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre"),
    "ca": W("gener, febrer, març, abril, maig, juny, juliol, agost, setembre, octubre, novembre, desembre"),
    "it": W("gennaio, febbraio, marzo, aprile, maggio, giugno, luglio, agosto, settembre, ottobre, novembre, dicembre"),
    "pt": W("janeiro, fevereiro, março, abril, maio, junho, julho, agosto, setembro, outubro, novembro, dezembro"),
    "nl": W("januari, februari, maart, april, mei, juni, juli, augustus, september, oktober, november, december"),
    "sv": W("januari, februari, mars, april, maj, juni, juli, augusti, september, oktober, november, december"),
    "tr": W("Ocak, Şubat, Mart, Nisan, Mayıs, Haziran, Temmuz, Ağustos, Eylül, Ekim, Kasım, Aralık"),
}
WEEKDAYS = {
    "en": W("Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday"),
    "de": W("Montag, Dienstag, Mittwoch, Donnerstag, Freitag, Samstag, Sonntag"),
    "fr": W("lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche"),
    "es": W("lunes, martes, miércoles, jueves, viernes, sábado, domingo"),
    "it": W("lunedì, martedì, mercoledì, giovedì, venerdì, sabato, domenica"),
    "pt": W("segunda-feira, terça-feira, quarta-feira, quinta-feira, sexta-feira, sábado, domingo"),
    "nl": W("maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag"),
    "sv": W("måndag, tisdag, onsdag, torsdag, fredag, lördag, söndag"),
    "tr": W("Pazartesi, Salı, Çarşamba, Perşembe, Cuma, Cumartesi, Pazar"),
    "pl": W("poniedziałek, wtorek, środa, czwartek, piątek, sobota, niedziela"),
}
DOTTED = {"de", "at", "ch", "pl", "cz", "sk", "ro", "tr", "fi", "no", "dk", "ua", "bg", "rs", "hr", "si", "ee", "lv", "is", "ru"}
SLASHED = {"uk", "ie", "au", "nz", "in", "za", "ng", "ke", "sg", "fr", "es", "cat", "it", "pt", "br", "be", "lu", "mx",
           "arg", "co", "cl", "gr", "vn", "id", "my", "ph", "th", "ae", "eg", "il", "ir"}


def n_date(loc, textual=None):
    lang = LOC[loc]["lbl"]
    y, m, dd = R.randint(2023, 2025), R.randint(1, 12), R.randint(1, 28)
    if textual is None:
        textual = chance(0.35)
    if textual:
        mon = MONTHS.get(lang, MONTHS["en"])[m - 1]
        if lang == "en":
            return "%s %d, %d" % (mon, dd, y) if loc in ("us", "ph") else "%d %s %d" % (dd, mon, y)
        if lang == "de":
            return "%d. %s %d" % (dd, mon, y)
        if lang in ("es", "pt"):
            return "%d de %s de %d" % (dd, mon, y)
        if lang in ("fr", "it", "nl", "sv", "tr", "ca"):
            return "%d %s %d" % (dd, mon, y)
    if loc == "us":
        return "%02d/%02d/%d" % (m, dd, y)
    if loc in DOTTED:
        return "%02d.%02d.%d" % (dd, m, y)
    if loc == "nl":
        return "%02d-%02d-%d" % (dd, m, y)
    if loc in SLASHED:
        return "%02d/%02d/%d" % (dd, m, y)
    if loc == "hu":
        return "%d. %02d. %02d." % (y, m, dd)
    return "%d-%02d-%02d" % (y, m, dd)


def n_dob(loc):
    y, m, dd = R.randint(1941, 2006), R.randint(1, 12), R.randint(1, 28)
    if loc == "us":
        return "%02d/%02d/%d" % (m, dd, y)
    if loc in DOTTED:
        return "%02d.%02d.%d" % (dd, m, y)
    if loc == "nl":
        return "%02d-%02d-%d" % (dd, m, y)
    if loc in SLASHED:
        return "%02d/%02d/%d" % (dd, m, y)
    return "%d-%02d-%02d" % (y, m, dd)


def n_iso_date():
    return "%d-%02d-%02d" % (R.randint(2023, 2025), R.randint(1, 12), R.randint(1, 28))


def n_time(loc=None):
    h, mi = R.randint(7, 20), ch([0, 0, 15, 30, 45, 10, 20, 50])
    if loc in ("us", "ca", "ph", "in", "au") and chance(0.6):
        return "%d:%02d %s" % ((h - 1) % 12 + 1, mi, "AM" if h < 12 else "PM")
    return "%02d:%02d" % (h, mi)


def n_weekday(loc):
    return ch(WEEKDAYS.get(LOC[loc]["lbl"], WEEKDAYS["en"]))


def n_month(loc):
    return ch(MONTHS.get(LOC[loc]["lbl"], MONTHS["en"]))


def n_order():
    return pat(ch(["ORD-202%-%#####", "\\#%######", "A%#-%####", "SO%#######", "^^^-%###-%###", "WEB-%#####", "%##-%######-%######",
                   "BE-%#####-^", "PO %#####", "CMD%######"]))


def n_invoice():
    return pat(ch(["INV-202%-00%##", "RE-202%-0%##", "FA2%/00%##", "FV/202%/0%/%##", "F-202%-%###", "NF-e %##.%##", "R%######",
                   "FAC-%####", "FT 202%/%##"]))


def n_ticket():
    return pat(ch(["\\#%####", "TCK-%####", "INC00%####", "OPS-%###", "CS-%#####", "SR-%######", "CASE %#######", "REQ%#####",
                   "ZD-%#####", "HD-%###"]))


def n_tracking():
    r = R.random()
    if r < 0.2:
        return "1Z" + pat("??????") + pat("##########")
    if r < 0.35:
        return "JJD" + pat("##################")
    if r < 0.5:
        return "3S" + pat("^^^^") + pat("#######")
    if r < 0.65:
        return pat("^^#########") + ch(["GB", "DE", "NL", "FR", "ES", "IT", "PL"])
    if r < 0.8:
        return "0" + pat("#############")
    return pat("%A##########")


def n_isbn():
    core = "978" + ch(["3", "0", "1", "84", "88", "2", "83", "90", "91"])
    while len(core) < 12:
        core += str(R.randint(0, 9))
    tot = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(core))
    chk = (10 - tot % 10) % 10
    full = core + str(chk)
    if chance(0.6):
        return "%s-%s-%s-%s-%s" % (full[:3], full[3], full[4:8], full[8:12], full[12])
    return full


def n_version():
    return pat(ch(["v%.%#.%", "%.%#.%-rc.%", "%.%#.%", "build %.%.0+%##", "v%#.%.%", "%.%.%-beta.%", "release-%.%#.%", "%.%#.%#-SNAPSHOT"]))


def n_git(long=False):
    return pat("&" * (40 if long else ch([7, 8, 10])))


def n_uuid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def n_luhn_bad(grouped=None):
    while True:
        d = ch(["4", "5", "6", "3", "9", "7"]) + pat("#" * 15)
        if not luhn_ok(d):
            break
    if grouped is None:
        grouped = chance(0.5)
    return " ".join(d[i:i + 4] for i in range(0, 16, 4)) if grouped else d


CUR = {"us": ("${v}", "en"), "uk": ("£{v}", "en"), "ie": ("€{v}", "en"), "au": ("A${v}", "en"), "nz": ("NZ${v}", "en"),
       "ca": ("C${v}", "en"), "in": ("₹{v}", "en"), "za": ("R{v}", "en"), "ng": ("₦{v}", "en"), "ke": ("KSh {v}", "en"),
       "sg": ("S${v}", "en"), "de": ("{v} €", "eu"), "at": ("€ {v}", "eu"), "ch": ("CHF {v}", "ch"), "fr": ("{v} €", "sp"),
       "be": ("€ {v}", "eu"), "lu": ("{v} €", "sp"), "nl": ("€ {v}", "eu"), "es": ("{v} €", "eu"), "cat": ("{v} €", "eu"),
       "mx": ("${v} MXN", "en"), "arg": ("$ {v}", "eu"), "co": ("$ {v} COP", "eu"), "cl": ("$ {v} CLP", "eu"),
       "pt": ("{v} €", "sp"), "br": ("R$ {v}", "eu"), "it": ("€ {v}", "eu"), "pl": ("{v} zł", "sp"), "cz": ("{v} Kč", "sp"),
       "sk": ("{v} €", "sp"), "si": ("{v} €", "eu"), "hr": ("{v} €", "eu"), "rs": ("{v} RSD", "eu"), "bg": ("{v} лв.", "eu"),
       "ua": ("{v} UAH", "sp"), "se": ("{v} kr", "sp"), "no": ("kr {v}", "sp"), "dk": ("{v} kr.", "eu"), "is": ("{v} kr.", "eu"),
       "fi": ("{v} €", "sp"), "ee": ("{v} €", "sp"), "lv": ("€{v}", "eu"), "lt": ("{v} €", "sp"), "tr": ("{v} TL", "eu"),
       "gr": ("{v} €", "eu"), "ro": ("{v} lei", "eu"), "hu": ("{v} Ft", "sp"), "vn": ("{v} ₫", "eu"), "id": ("Rp {v}", "eu"),
       "my": ("RM {v}", "en"), "ph": ("₱{v}", "en"), "th": ("฿{v}", "en"), "jp": ("¥{v}", "en"), "kr": ("₩{v}", "en"),
       "cn": ("¥{v}", "en"), "ae": ("AED {v}", "en"), "eg": ("EGP {v}", "en"), "ir": ("{v} IRR", "en"), "il": ("₪{v}", "en")}
NODEC = {"vn", "id", "jp", "kr", "cl", "co", "hu", "is", "ir"}
FACTOR = {"cz": 25, "pl": 4.3, "se": 11, "no": 11, "dk": 7.5, "ro": 5, "tr": 35, "br": 5.4, "mx": 18, "in": 90,
          "ng": 1500, "ke": 140, "za": 19, "th": 38, "ph": 60, "my": 5, "ae": 4, "eg": 52, "il": 4, "rs": 117,
          "ua": 44, "bg": 2, "arg": 900, "cn": 7.8, "au": 1.6, "nz": 1.8, "ca": 1.5, "sg": 1.45}


def fmt_amount(x, style, dec=True):
    whole = int(x)
    cents = int(round((x - whole) * 100)) % 100
    s = "{:,}".format(whole)
    if style == "eu":
        s = s.replace(",", ".")
    elif style == "sp":
        s = s.replace(",", " ")
    elif style == "ch":
        s = s.replace(",", "'")
    if not dec:
        return s
    sep = "." if style in ("en", "ch") else ","
    return s + sep + "%02d" % cents


def n_price(loc, lo=3, hi=2500):
    fmt, style = CUR.get(loc, ("€{v}", "en"))
    x = R.uniform(lo, hi)
    if loc in NODEC:
        x *= {"vn": 25000, "id": 15000, "jp": 150, "kr": 1300, "cl": 900, "co": 4000, "hu": 380, "is": 140, "ir": 42000}[loc]
        v = fmt_amount(round(x, -2), style, dec=False)
    else:
        x = round(x * FACTOR.get(loc, 1), 2)
        if chance(0.3):
            x = int(x) + ch([0.0, 0.5, 0.9, 0.99, 0.95])
        v = fmt_amount(x, style)
    return fmt.replace("{v}", v)


def n_percent(loc):
    comma = CUR.get(loc, ("", "en"))[1] in ("eu", "sp")
    v = ch(["%d" % R.randint(2, 40), "%d.%d" % (R.randint(1, 25), R.randint(1, 9))])
    if comma:
        v = v.replace(".", ",")
    return v + ch(["%", " %"]) if loc in ("de", "at", "fr", "ch", "se", "fi", "no", "dk", "cz", "sk", "pl") else v + "%"


def n_measure(loc):
    comma = CUR.get(loc, ("", "en"))[1] in ("eu", "sp")
    a = "%d.%d" % (R.randint(1, 40), R.randint(1, 9))
    if comma:
        a = a.replace(".", ",")
    return ch([a + " kg", "%d cm" % R.randint(40, 220), "%d m²" % R.randint(18, 160), a + " l", "%d × %d × %d cm" % (R.randint(10, 80), R.randint(10, 60), R.randint(5, 40)),
               "%d ml" % ch([250, 330, 500, 750]), "%d g" % R.randint(50, 900), a + " TB", "%d mm" % R.randint(3, 400), a + " km"])


def n_sku():
    return pat(ch(["SKU-%####-^^^", "^^-%###-XL", "^^%#-%###", "ART.-NR. %#####", "MPN %#^^%#^%", "%##-%##-%##^", "^^^-%#####",
                   "B0%^^%^^%^%", "REF %##.%##.%#", "%########-%##"]))


def n_ean():
    core = "".join(str(R.randint(0, 9)) for _ in range(12))
    core = ch(["40", "50", "30", "80", "84", "87", "76", "90", "59"]) + core[2:]
    tot = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(core))
    return core + str((10 - tot % 10) % 10)


PATHS = ["/var/log/nginx/access.log", "/etc/postfix/main.cf", "C:\\Program Files\\Kestrel\\config.ini",
         "~/Downloads/lease_final_v3.pdf", "src/billing/invoice_service.py", "/srv/app/current/log/production.log",
         "D:\\Scans\\2024\\scan_0815.pdf", "./scripts/backup.sh", "/srv/www/shop/var/cache", "/opt/tomcat/logs/catalina.out",
         "~/Documents/Steuer/2023/belege.zip", "C:\\ProgramData\\Backup\\job.xml", "/mnt/nas/photos/2023/summer",
         "app/models/customer.rb", "/usr/local/etc/redis.conf", "/data/exports/orders_2024-03.csv", "~/.ssh/config",
         "lib/core/PaymentGateway.java", "/var/spool/cron/crontabs", "/tmp/upload_8f2c.tmp"]


def n_path():
    return ch(PATHS)


def n_hex():
    return "#" + pat("******") if chance(0.7) else "#" + pat("&&&&&&")


def n_mac():
    sep = ch([":", "-"])
    up = chance(0.5)
    s = sep.join(pat("**" if up else "&&") for _ in range(6))
    return s


def n_coord():
    la, lo = R.uniform(-45, 65), R.uniform(-120, 150)
    if chance(0.7):
        return "%.5f, %.5f" % (la, lo)
    return "%d°%02d′%02d″%s %d°%02d′%02d″%s" % (abs(int(la)), R.randint(0, 59), R.randint(0, 59), "N" if la >= 0 else "S",
                                              abs(int(lo)), R.randint(0, 59), R.randint(0, 59), "E" if lo >= 0 else "W")


def n_account(loc):
    """(label, value) pairs of bank details that are NOT IBANs."""
    if loc == "us":
        return [("routing number", pat("0%#######")), ("account", pat("%#########"))]
    if loc in ("uk",):
        return [("sort code", pat("%#-##-##")), ("account no.", pat("%#######"))]
    if loc in ("au",):
        return [("BSB", pat("0%#-###")), ("account", pat("%### ####"))]
    if loc == "nz":
        return [("account", pat("%#-####-0######-0#"))]
    if loc == "ca":
        return [("transit", pat("%####")), ("institution", pat("00%")), ("account", pat("%######"))]
    if loc == "in":
        return [("IFSC", ch(["HDFC", "ICIC", "SBIN", "UTIB", "KKBK"]) + "0" + pat("%#####")), ("A/c no.", pat("%###########"))]
    if loc == "mx":
        return [("CLABE", pat("0%################"))]
    if loc == "arg":
        return [("CBU", pat("0%####################")), ("alias", ch(["sol.rio.mate", "casa.puerta.azul", "luna.pampa.sur"]))]
    if loc == "br":
        return [("agência", pat("%###-%")), ("conta", pat("%####-%")), ("chave Pix", n_uuid())]
    if loc in ("jp",):
        return [("branch", pat("%##")), ("account", pat("%######"))]
    if loc in ("za", "ng", "ke", "sg", "my", "ph", "th", "id", "vn", "kr", "cn", "co", "cl", "ir"):
        return [("account no.", pat("%" + "#" * R.randint(8, 11)))]
    return [("Kontonummer" if LOC[loc]["lbl"] == "de" else "account no.", pat("%#######")), ("BIC", ch(["COBADEFFXXX", "DEUTDEDBXXX", "INGDDEFFXXX", "BNPAFRPPXXX", "RABONL2U", "CAIXESBBXXX", "BCITITMM", "UBSWCHZH80A", "NDEASESS", "DABADKKK"]))]


def n_natid(loc):
    """(label, value) national identifiers (not one of the 8 types)."""
    if loc == "es" or loc == "cat":
        n = R.randint(10000000, 99999999)
        return ("DNI", "%d%s" % (n, "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]))
    if loc == "nl":
        while True:
            ds = [R.randint(0, 9) for _ in range(9)]
            ds[0] = R.randint(1, 9)
            if (sum(d * w for d, w in zip(ds[:8], range(9, 1, -1))) - ds[8]) % 11 == 0:
                return ("BSN", "".join(map(str, ds)))
    if loc == "pl":
        ds = [R.randint(0, 9) for _ in range(10)]
        w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        c = (10 - sum(a * b for a, b in zip(ds, w)) % 10) % 10
        return ("PESEL", "".join(map(str, ds)) + str(c))
    if loc == "se":
        body = "%02d%02d%02d%03d" % (R.randint(50, 99), R.randint(1, 12), R.randint(1, 28), R.randint(0, 999))
        for c in "0123456789":
            if luhn_ok(body + c):
                return ("personnummer", body[:6] + "-" + body[6:] + c)
    if loc == "fi":
        dd, mm, yy, nnn = R.randint(1, 28), R.randint(1, 12), R.randint(50, 99), R.randint(2, 899)
        n = int("%02d%02d%02d%03d" % (dd, mm, yy, nnn))
        return ("henkilötunnus", "%02d%02d%02d-%03d%s" % (dd, mm, yy, nnn, "0123456789ABCDEFHJKLMNPRSTUVWXY"[n % 31]))
    if loc == "dk":
        return ("CPR", pat("%#%#%#-####").replace("-", "-"))
    if loc == "ch":
        body = "756" + pat("#########")
        tot = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
        full = body + str((10 - tot % 10) % 10)
        return ("AHV-Nr.", "%s.%s.%s.%s" % (full[:3], full[3:7], full[7:11], full[11:]))
    if loc == "uk":
        return ("NI number", pat(ch(["JT", "AB", "NP", "SZ", "KC", "PR"]) + " ## ## ## " + ch("ABCD")))
    if loc == "us":
        return ("SSN", "%03d-%02d-%04d" % (R.randint(100, 665), R.randint(1, 99), R.randint(1, 9999)))
    if loc == "br":
        ds = [R.randint(0, 9) for _ in range(9)]
        for k in (10, 11):
            s = sum(d * w for d, w in zip(ds, range(k, 1, -1)))
            ds.append(0 if s % 11 < 2 else 11 - s % 11)
        c = "".join(map(str, ds))
        return ("CPF", "%s.%s.%s-%s" % (c[:3], c[3:6], c[6:9], c[9:]))
    if loc == "it":
        return ("Codice fiscale", pat("^^^^^^##^##^###^"))
    if loc == "fr":
        return ("n° de sécurité sociale", pat("% ## ## ## ### ### ##"))
    if loc == "in":
        return ("PAN", pat("^^^^^####^"))
    if loc == "sg":
        return ("NRIC", pat(ch(["S", "T"]) + "%######^"))
    if loc == "za":
        return ("ID number", pat("%#%#%#%#########")[:13])
    if loc == "tr":
        return ("TC Kimlik No", pat("%##########"))
    if loc == "ro":
        return ("CNP", pat(ch("1256") + "############"))
    if loc == "de":
        return ("Steuer-ID", pat("%# ### ### ###"))
    if loc == "at":
        return ("SVNR", pat("%### ") + "%02d%02d%02d" % (R.randint(1, 28), R.randint(1, 12), R.randint(50, 99)))
    if loc == "be":
        return ("rijksregisternummer", pat("%#.%#.%#-%##.%#"))
    if loc == "mx":
        return ("CURP", pat("^^^^%#%#%#^^^^^^%#"))
    if loc == "arg":
        return ("DNI", pat("%#.%##.%##"))
    if loc == "cl":
        return ("RUT", pat("%#.%##.%##-") + ch("0123456789K"))
    if loc == "co":
        return ("C.C.", pat("1.0%#.%##.%##"))
    if loc == "pt":
        return ("NIF", pat("%########"))
    if loc == "cz" or loc == "sk":
        return ("rodné číslo", pat("%#%#%#/%###"))
    if loc == "hu":
        return ("TAJ", pat("%## ### ###"))
    if loc == "gr":
        return ("AFM", pat("%########"))
    if loc == "il":
        return ("Teudat Zehut", pat("%########"))
    if loc == "kr":
        return ("RRN", pat("%#%#%#-%######"))
    if loc == "is":
        return ("kennitala", pat("%#%#%#-####"))
    if loc == "ee":
        return ("isikukood", pat(ch("3456") + "##########"))
    if loc == "ie":
        return ("PPSN", pat("%######^") + ch(["", "A", "W"]))
    if loc == "no":
        return ("fødselsnummer", pat("%#%#%# #####"))
    return ("ID no.", pat("%#######"))


PRODUCTS = W("ThinkPad X1 Carbon, Galaxy Tab S9, AirPods Pro, Kindle Paperwhite, Instant Pot Duo, PlayStation 5, MacBook Air, Surface Laptop 5, Pixel 8 Pro, Nespresso Vertuo, Dyson V15 Detect, Fairphone 5, Thermomix TM6, Garmin Forerunner 265, Sonos Era 100, Roborock S8, Brompton C Line, Vitamix E310, Moleskine Classic, Lego Technic 42115, Kobo Clara 2E, Philips Hue Go, Bosch Serie 6, Miele Complete C3")
BRANDS = W("Lufthansa, Ryanair, DHL Express, Deutsche Bahn, SNCF, Renfe, Trenitalia, Booking.com, Vinted, Zalando, Mercado Libre, Shopee, Tokopedia, Allegro, Jumia, Rakuten, Coolblue, Bol.com, Wildberries, Trendyol")
JOBS = {"en": W("Senior Account Manager, Head of Procurement, Customer Success Lead, Office Manager, Chief Financial Officer, Site Reliability Engineer, Regional Sales Director, Payroll Specialist, Practice Manager, Lead Pharmacist, Data Protection Officer, Facilities Coordinator"),
        "de": W("Teamleiterin Buchhaltung, Leiter Einkauf, Sachbearbeiterin Personal, Geschäftsführer, Projektleiter Vertrieb, Datenschutzbeauftragter"),
        "fr": W("Responsable Logistique, Directrice Commerciale, Chargé de Clientèle, Gestionnaire Paie, Responsable RH"),
        "es": W("Jefa de Ventas, Director Financiero, Técnico de Soporte, Responsable de Compras, Gerente de Recursos Humanos"),
        "it": W("Responsabile Acquisti, Direttore Commerciale, Addetta Amministrazione, Capo Reparto"),
        "pt": W("Gerente de Contas, Diretora Financeira, Analista de Suporte, Coordenador de Logística"),
        "nl": W("Hoofd Inkoop, Accountmanager, Teamleider Klantenservice, Financieel Directeur")}
PLACES = {"en": W("Central Station, Riverside Park, Terminal 2, Old Town, City Hall, Main Library, Conference Room B, Harbour Front"),
          "de": W("Hauptbahnhof, Marktplatz, Stadtpark, Rathaus, Terminal 1, Besprechungsraum Elbe, Altstadt"),
          "fr": W("Gare du Nord, Hôtel de Ville, Vieux-Port, Salle Lumière, Jardin des Plantes"),
          "es": W("Estación de Atocha, Ayuntamiento, Sala Mediterráneo, Parque del Retiro, Casco Antiguo"),
          "it": W("Stazione Centrale, Piazza Duomo, Sala Riunioni Tevere, Lungomare"),
          "pt": W("Estação Oriente, Sala Tejo, Praça do Comércio, Mercado Municipal"),
          "nl": W("Centraal Station, Vergaderzaal Maas, Vondelpark, Stadhuis")}


def n_product():
    return ch(PRODUCTS)


def n_brand():
    return ch(BRANDS)


def n_job(loc):
    return ch(JOBS.get(LOC[loc]["lbl"], JOBS["en"]))


def n_place(loc):
    return ch(PLACES.get(LOC[loc]["lbl"], PLACES["en"]))


def n_city(loc):
    return ch(LOC[loc]["cities"])[0]


# ----------------------------------------------------------------------------------------------
# field labels for forms, key: value blocks and spreadsheets
# ----------------------------------------------------------------------------------------------
LBL_KEYS = W("name, first, last, email, phone, mobile, address, street, postcode, city, country, iban, card, dob, date, order, customer, company, notes, website, total, contact, invoice, amount")
_LBL_RAW = {
    "en": "Name|First name|Last name|Email|Phone|Mobile|Address|Street|Postcode|City|Country|IBAN|Card number|Date of birth|Date|Order no.|Customer|Company|Notes|Website|Total|Emergency contact|Invoice|Amount",
    "de": "Name|Vorname|Nachname|E-Mail|Telefon|Mobil|Anschrift|Straße|PLZ|Ort|Land|IBAN|Kartennummer|Geburtsdatum|Datum|Bestellnr.|Kunde|Firma|Bemerkungen|Webseite|Gesamt|Notfallkontakt|Rechnung|Betrag",
    "fr": "Nom complet|Prénom|Nom|Courriel|Téléphone|Portable|Adresse|Rue|Code postal|Ville|Pays|IBAN|Numéro de carte|Date de naissance|Date|N° de commande|Client|Société|Remarques|Site web|Total|Personne à prévenir|Facture|Montant",
    "es": "Nombre completo|Nombre|Apellidos|Correo electrónico|Teléfono|Móvil|Dirección|Calle|Código postal|Ciudad|País|IBAN|Número de tarjeta|Fecha de nacimiento|Fecha|N.º de pedido|Cliente|Empresa|Observaciones|Sitio web|Total|Contacto de emergencia|Factura|Importe",
    "ca": "Nom complet|Nom|Cognoms|Correu electrònic|Telèfon|Mòbil|Adreça|Carrer|Codi postal|Població|País|IBAN|Número de targeta|Data de naixement|Data|Núm. de comanda|Client|Empresa|Observacions|Lloc web|Total|Contacte d'emergència|Factura|Import",
    "it": "Nome e cognome|Nome|Cognome|E-mail|Telefono|Cellulare|Indirizzo|Via|CAP|Città|Paese|IBAN|Numero carta|Data di nascita|Data|N. ordine|Cliente|Azienda|Note|Sito web|Totale|Contatto di emergenza|Fattura|Importo",
    "pt": "Nome completo|Nome|Apelido|E-mail|Telefone|Telemóvel|Morada|Rua|Código postal|Localidade|País|IBAN|Número do cartão|Data de nascimento|Data|N.º da encomenda|Cliente|Empresa|Observações|Site|Total|Contacto de emergência|Fatura|Valor",
    "ptbr": "Nome completo|Nome|Sobrenome|E-mail|Telefone|Celular|Endereço|Logradouro|CEP|Cidade|País|IBAN|Número do cartão|Data de nascimento|Data|Nº do pedido|Cliente|Empresa|Observações|Site|Total|Contato de emergência|Nota fiscal|Valor",
    "nl": "Naam|Voornaam|Achternaam|E-mailadres|Telefoon|Mobiel|Adres|Straat|Postcode|Woonplaats|Land|IBAN|Kaartnummer|Geboortedatum|Datum|Bestelnummer|Klant|Bedrijf|Opmerkingen|Website|Totaal|Contactpersoon bij nood|Factuur|Bedrag",
    "pl": "Imię i nazwisko|Imię|Nazwisko|E-mail|Telefon|Tel. kom.|Adres|Ulica|Kod pocztowy|Miejscowość|Kraj|IBAN|Numer karty|Data urodzenia|Data|Nr zamówienia|Klient|Firma|Uwagi|Strona www|Razem|Kontakt awaryjny|Faktura|Kwota",
    "cs": "Jméno a příjmení|Jméno|Příjmení|E-mail|Telefon|Mobil|Adresa|Ulice|PSČ|Obec|Země|IBAN|Číslo karty|Datum narození|Datum|Č. objednávky|Zákazník|Firma|Poznámka|Web|Celkem|Kontakt pro případ nouze|Faktura|Částka",
    "sk": "Meno a priezvisko|Meno|Priezvisko|E-mail|Telefón|Mobil|Adresa|Ulica|PSČ|Obec|Krajina|IBAN|Číslo karty|Dátum narodenia|Dátum|Č. objednávky|Zákazník|Firma|Poznámka|Web|Spolu|Núdzový kontakt|Faktúra|Suma",
    "sv": "Namn|Förnamn|Efternamn|E-post|Telefon|Mobil|Adress|Gatuadress|Postnummer|Ort|Land|IBAN|Kortnummer|Födelsedatum|Datum|Ordernummer|Kund|Företag|Övrigt|Webbplats|Totalt|Närmast anhörig|Faktura|Belopp",
    "no": "Navn|Fornavn|Etternavn|E-post|Telefon|Mobil|Adresse|Gateadresse|Postnummer|Poststed|Land|IBAN|Kortnummer|Fødselsdato|Dato|Ordrenummer|Kunde|Firma|Merknader|Nettside|Totalt|Pårørende|Faktura|Beløp",
    "da": "Navn|Fornavn|Efternavn|E-mail|Telefon|Mobil|Adresse|Vej|Postnr.|By|Land|IBAN|Kortnummer|Fødselsdato|Dato|Ordrenr.|Kunde|Firma|Bemærkninger|Hjemmeside|I alt|Pårørende|Faktura|Beløb",
    "fi": "Nimi|Etunimi|Sukunimi|Sähköposti|Puhelin|Matkapuhelin|Osoite|Katuosoite|Postinumero|Postitoimipaikka|Maa|IBAN|Kortin numero|Syntymäaika|Päivämäärä|Tilausnumero|Asiakas|Yritys|Lisätiedot|Verkkosivu|Yhteensä|Lähiomainen|Lasku|Summa",
    "tr": "Ad Soyad|Ad|Soyad|E-posta|Telefon|Cep|Adres|Sokak|Posta kodu|Şehir|Ülke|IBAN|Kart numarası|Doğum tarihi|Tarih|Sipariş no|Müşteri|Şirket|Notlar|Web sitesi|Toplam|Acil durum kişisi|Fatura|Tutar",
    "ro": "Nume complet|Prenume|Nume|E-mail|Telefon|Mobil|Adresă|Stradă|Cod poștal|Localitate|Țară|IBAN|Număr card|Data nașterii|Data|Nr. comandă|Client|Firmă|Observații|Site|Total|Persoană de contact|Factură|Sumă",
    "hu": "Név|Keresztnév|Vezetéknév|E-mail|Telefon|Mobil|Cím|Utca, házszám|Irányítószám|Település|Ország|IBAN|Kártyaszám|Születési dátum|Dátum|Rendelésszám|Ügyfél|Cég|Megjegyzés|Weboldal|Összesen|Értesítendő személy|Számla|Összeg",
}
LBL = {k: dict(zip(LBL_KEYS, v.split("|"))) for k, v in _LBL_RAW.items()}
for _v in LBL.values():
    assert len(_v) == len(LBL_KEYS)


def lab(loc, key=None):
    k = "ptbr" if loc == "br" else LOC[loc]["lbl"]
    t = LBL.get(k, LBL["en"])
    return t[key] if key else t


def col(label):
    """snake_case column name from a label."""
    s = ascii_fold(label).lower()
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s


def phone_ext(loc):
    v = make_phone(loc)
    lang = LOC[loc]["lbl"]
    if chance(0.4):
        if lang == "de":
            return [TEL(v), ch([" Durchwahl -", " App. ", " -"]) + str(R.randint(10, 299))]
        if lang == "fr":
            return [TEL(v), " poste " + str(R.randint(10, 299))]
        if lang == "es":
            return [TEL(v), " ext. " + str(R.randint(10, 299))]
        return [TEL(v), ch([" ext. ", " x", " ext ", " (ext. "]) + str(R.randint(10, 899))]
    return [TEL(v)]


def fix_parens(pieces):
    # close "(ext. 123" that phone_ext may open
    txt = pieces[-1] if isinstance(pieces[-1], str) else ""
    if txt.startswith(" (ext. "):
        pieces[-1] = txt + ")"
    return pieces


def tel_x(loc):
    return fix_parens(phone_ext(loc))


pp = make_person


def local_lang(loc):
    return LOC[loc]["lang"]


ALL_LOCS = sorted(LOC)
LANG_LOCS = {}
for _k in ALL_LOCS:
    LANG_LOCS.setdefault(LOC[_k]["lang"], []).append(_k)
IBAN_LOCS = [k for k in ALL_LOCS if LOC[k]["cc"]]


# ----------------------------------------------------------------------------------------------
# genre templates.  Each returns a Doc; fixed wording was written for this set.
# ----------------------------------------------------------------------------------------------
def g_support(loc):
    d = Doc()
    lang = local_lang(loc)
    c, ag, ag2 = pp(loc), pp(loc), pp(loc)
    comp, dom, _ = make_company(loc)
    a = make_addr(loc)
    if lang == "de":
        d.f("Live-Chat {comp} · {date}, {time} Uhr\n"
            "{ag}: Guten Tag, Sie sprechen mit {agf} vom Kundenservice. Wie kann ich helfen?\n"
            "Kunde: Hallo, mein Name ist {c}. Meine Bestellung {order} ist immer noch nicht da.\n"
            "{agf2}: Das tut mir leid, {tc}. Können Sie mir bitte Ihre Lieferadresse bestätigen?\n"
            "Kunde: {addr}. Falls der Fahrer klingeln muss: {tel}\n"
            "{agf3}: Danke. Laut {brand} (Sendungsnr. {trk}) liegt das Paket in einer Packstation. "
            "Ich schicke Ihnen die Abholdaten an {em}.\n"
            "Kunde: Super. Und die Erstattung für den {prod} bitte auf {iban} – Kontoinhaberin ist meine Frau {spouse}.\n"
            "{agf4}: Notiert. Ihr Fall wird von {ag2} weiterbearbeitet.",
            comp=N(comp), date=N(n_date(loc)), time=N(n_time(loc)), ag=P(ag.full()), agf=P(ag.first()),
            c=P(c.full()), order=N(n_order()), agf2=P(ag.first()), tc=titled(c, "de"), addr=a.inline(),
            tel=TEL(make_phone(loc)), agf3=P(ag.first()), brand=N(ch(["DHL Express", "Hermes", "DPD", "GLS"])),
            trk=N(n_tracking()), em=EM(make_email(c)), prod=N(n_product()), iban=IB(make_iban(iban_cc(loc))),
            spouse=P(pp(loc, "f").full()), agf4=P(ag.first()), ag2=P(ag2.full()))
        return d
    if lang == "fr":
        d.f("Conversation avec le service client {comp} — {date}\n"
            "{ag} : Bonjour et bienvenue ! Je suis {agf}, que puis-je faire pour vous ?\n"
            "Vous : Bonjour, je suis {c}, client depuis 2019. Ma commande {order} est bloquée.\n"
            "{agf2} : Je regarde tout de suite, {tc}. Pouvez-vous me confirmer l'adresse de livraison ?\n"
            "Vous : {addr}. Mon portable : {tel}\n"
            "{agf3} : Merci. Le colis ({trk}) est en retour chez le transporteur. Je vous le renvoie et je vous écris à {em}.\n"
            "Vous : D'accord. Si besoin, appelez plutôt ma fille {kid} au {tel2}.\n"
            "{agf4} : C'est noté. Bonne journée !",
            comp=N(comp), date=N(n_date(loc)), ag=P(ag.full()), agf=P(ag.first()), c=P(c.full()),
            order=N(n_order()), agf2=P(ag.first()), tc=titled(c, "fr"), addr=a.inline(), tel=TEL(make_phone(loc)),
            agf3=P(ag.first()), trk=N(n_tracking()), em=EM(make_email(c)), kid=P(pp(loc, "f").first() + " " + c.sur),
            tel2=TEL(make_phone(loc)), agf4=P(ag.first()))
        return d
    if lang == "es":
        d.f("Chat de atención al cliente · {comp}\n{date} {time}\n"
            "{ag}: ¡Hola! Soy {agf}, ¿en qué puedo ayudarte?\n"
            "Cliente: hola, soy {c}. Me cobraron dos veces el pedido {order} ({price}).\n"
            "{agf2}: Lo siento mucho. ¿Me confirmas la tarjeta con la que pagaste?\n"
            "Cliente: la {card}, caduca {exp}\n"
            "{agf3}: Gracias. Veo un cargo duplicado. Te haremos el reembolso y te llegará la confirmación a {em}.\n"
            "Cliente: vale. por cierto, me he mudado: {addr}. Móvil {tel}\n"
            "{agf4}: Dirección actualizada. ¡Que tengas buen día, {cf}!",
            comp=N(comp), date=N(n_date(loc)), time=N(n_time(loc)), ag=P(ag.full()), agf=P(ag.first()),
            c=P(c.full()), order=N(n_order()), price=N(n_price(loc)), agf2=P(ag.first()), card=CC(make_card()[0]),
            exp=N("%02d/%02d" % (R.randint(1, 12), R.randint(26, 30))), agf3=P(ag.first()), em=EM(make_email(c)),
            addr=a.inline(), tel=TEL(make_phone(loc)), agf4=P(ag.first()), cf=P(c.first()))
        return d
    if lang == "it":
        d.f("Assistenza clienti {comp} – chat del {date}\n"
            "Operatore {ag}: Buongiorno, sono {agf}. Come posso aiutarla?\n"
            "Cliente: Buongiorno, sono {c}. Il prodotto che ho ricevuto ({prod}) è difettoso.\n"
            "{agf2}: Mi dispiace, {tc}. Mi conferma indirizzo e recapito telefonico?\n"
            "Cliente: {addr}, cellulare {tel}\n"
            "{agf3}: Perfetto. Ho aperto la pratica {ticket}; il corriere passerà {wd}. Le mando l'etichetta a {em}.\n"
            "Cliente: Grazie. Per il rimborso uso questo IBAN: {iban}",
            comp=N(comp), date=N(n_date(loc)), ag=P(ag.full()), agf=P(ag.first()), c=P(c.full()), prod=N(n_product()),
            agf2=P(ag.first()), tc=titled(c, "it"), addr=a.inline(), tel=TEL(make_phone(loc)), agf3=P(ag.first()),
            ticket=N(n_ticket()), wd=N(n_weekday(loc)), em=EM(make_email(c)), iban=IB(make_iban(iban_cc(loc))))
        return d
    if lang == "pt":
        d.f("Atendimento {comp} · {date}\n"
            "{ag}: Olá! Meu nome é {agf}. Em que posso ajudar?\n"
            "Cliente: oi, aqui é {c}. o pedido {order} veio errado\n"
            "{agf2}: Poxa, sinto muito! Pode me passar o endereço de entrega e um telefone?\n"
            "Cliente: {addr}. tel {tel}\n"
            "{agf3}: Obrigada, {cf}. Vou gerar a troca e enviar o código de postagem para {em}.\n"
            "Cliente: beleza. se eu não estiver, pode deixar com o porteiro, seu {door}",
            comp=N(comp), date=N(n_date(loc)), ag=P(ag.full()), agf=P(ag.first()), c=P(c.full()), order=N(n_order()),
            agf2=P(ag.first()), addr=a.inline(), tel=TEL(make_phone(loc)), agf3=P(ag.first()), cf=P(c.first()),
            em=EM(make_email(c)), door=P(pp(loc, "m").first()))
        return d
    if lang == "nl":
        d.f("Klantenservice {comp} – chat {date}\n"
            "{ag}: Goedemiddag, u spreekt met {agf}. Waarmee kan ik helpen?\n"
            "Klant: Hoi, met {c}. Ik ben verhuisd en wil mijn adres wijzigen.\n"
            "{agf2}: Prima. Wat is het nieuwe adres?\n"
            "Klant: {addr}\n"
            "{agf3}: Genoteerd. Klopt uw telefoonnummer {tel} nog en e-mail {em}?\n"
            "Klant: Ja. En de automatische incasso mag naar {iban}.\n"
            "{agf4}: Helemaal goed, {tc}. Fijne dag!",
            comp=N(comp), date=N(n_date(loc)), ag=P(ag.full()), agf=P(ag.first()), c=P(c.full()), agf2=P(ag.first()),
            addr=a.inline(), agf3=P(ag.first()), tel=TEL(make_phone(loc)), em=EM(make_email(c)),
            iban=IB(make_iban(iban_cc(loc))), agf4=P(ag.first()), tc=titled(c, "nl"))
        return d
    v = R.random()
    if v < 0.5:
        d.f("Chat transcript - {comp} Support\nTicket {ticket} · {date} {time}\n\n"
            "{ag} (agent): Hi there, thanks for reaching out. Could you confirm the name and e-mail on the account?\n"
            "Customer: sure, it's {c}, {em}\n"
            "{agf}: Thanks {cf}! I can see order {order} for a {prod}. What seems to be the problem?\n"
            "Customer: it never arrived. tracking {trk} says delivered but nothing at {addr}. my number is {tel} if the courier needs it\n"
            "{agf2}: Sorry about that. I've opened a claim; you'll hear from my colleague {ag2} within 48 hours.\n"
            "Customer: ok thx. and please charge the replacement to my other card {card} instead, the gift voucher {gv} didn't work",
            comp=N(comp), ticket=N(n_ticket()), date=N(n_date(loc)), time=N(n_time(loc)), ag=P(ag.full()),
            c=P(c.full()), em=EM(make_email(c)), agf=P(ag.first()), cf=P(c.first()), order=N(n_order()),
            prod=N(n_product()), trk=N(n_tracking()), addr=a.inline(), tel=TEL(make_phone(loc)), agf2=P(ag.first()),
            ag2=P(ag2.full()), card=CC(make_card()[0]), gv=N(n_luhn_bad()))
    else:
        bank = make_bank(loc)
        d.f("{bank} Help · secure chat\n"
            "You: hi, I need the refund of {price} sent back to my account, IBAN {iban}\n"
            "{agf} ({bankw}): Hi {cf}, happy to help. For security, can you confirm your date of birth and the postcode on file?\n"
            "You: {dob}, {pc}\n"
            "{agf2}: Thank you. The refund for order {order} will be credited within 3-5 working days.\n"
            "You: also my new address is {street}, can you update it? landline {tel}\n"
            "{agf3}: Done. I've also added your secondary e-mail {em} and noted {ap} as authorised person.",
            bank=N(bank), price=N(n_price(loc)), iban=IB(make_iban(iban_cc(loc))), agf=P(ag.first()),
            bankw=bank.split(" ")[0], cf=P(c.first()), dob=N(n_dob(loc)),
            pc=N(a.pc or n_order()), order=N(n_order()), street=ST(a.street), tel=TEL(make_phone(loc)),
            agf2=P(ag.first()), agf3=P(ag.first()), em=EM(make_email(c)), ap=P(pp(loc).full()))
    return d


def sig_block(d_items, p, loc, comp=None, dom=None, job=True):
    """Signature pieces: name, job title, company, street, phone, url."""
    out = ["\n", P(p.full()), "\n"]
    if job:
        out += [N(n_job(loc)), "\n"]
    if comp:
        out += [N(comp), "\n"]
    a = make_addr(loc)
    out += a.inline(ch([", ", " · ", " | "])) + ["\n"]
    lab_t = {"de": "Tel. ", "fr": "Tél. ", "es": "Tel. ", "it": "Tel. ", "pt": "Tel. ", "nl": "T "}.get(LOC[loc]["lbl"], ch(["T: ", "Tel: ", "Phone: ", "M: "]))
    out += [lab_t] + tel_x(loc) + ["\n"]
    if dom:
        out += [URL(url_for(dom, 0.6))]
    return out


def quoted(pieces):
    """Prefix every line of a piece list with '> ' (pieces keep their labels)."""
    out = ["> "]
    for it in pieces:
        if isinstance(it, str) and "\n" in it:
            out.append(it.replace("\n", "\n> "))
        else:
            out.append(it)
    return out


def g_email(loc):
    d = Doc()
    lang = local_lang(loc)
    a, b, cc = pp(loc), pp(loc), pp(loc)
    comp, dom, _ = make_company(loc)
    ea, eb = make_email(a), make_email(b, dom)
    if lang == "de":
        inner = ["Hallo ", P(a.first()), ",\n\nanbei die Rechnung ", N(n_invoice()), " über ", N(n_price(loc)),
                 ". Bitte überweisen Sie den Betrag bis zum ", N(n_date(loc)), " auf unser Konto ",
                 IB(make_iban("DE" if loc == "de" else iban_cc(loc))), ".\n\nViele Grüße\n", P(b.full()), "\n", N(comp)]
        d.f("Von: {a} <{ea}>\nAn: {eb}\nCc: {cc} <{ecc}>\nBetreff: AW: Rechnung und Lieferadresse\n\n"
            "Hallo {bf},\n\ndanke für die schnelle Rückmeldung. Die Zahlung ist heute rausgegangen. Bitte liefern Sie künftig an "
            "unsere neue Adresse:\n\n{addr}\n\nAnsprechpartner vor Ort ist {cc2} (mobil {tel}).\n\nBeste Grüße\n{sig}\n\n"
            "Am {date} um {time} schrieb {b} <{eb2}>:\n{q}",
            a=P(a.full()), ea=EM(ea), eb=EM(eb), cc=P(cc.full()), ecc=EM(make_email(cc)), bf=P(b.first()),
            addr=make_addr(loc).block(), cc2=titled(cc, "de"), tel=TEL(make_phone(loc)),
            sig=[P(a.full())] + ["\n", N(n_job(loc)), "\n"] + tel_x(loc), date=N(n_date(loc, False)),
            time=N(n_time(loc)), b=P(b.full()), eb2=EM(eb), q=quoted(inner))
        return d
    if lang == "fr":
        a, cc = pp(loc, "f"), pp(loc, "m")
        ea = make_email(a)
        inner = ["Bonjour ", titled(a, "fr"), ",\n\nJe vous confirme le rendez-vous du ", N(n_date(loc)), " à ",
                 N(n_time(loc)), " pour l'état des lieux au ", ST(make_addr(loc).street), ".\n\nCordialement,\n", P(b.full())]
        d.f("De : {a} <{ea}>\nÀ : {b} <{eb}>\nObjet : RE: État des lieux\n\n"
            "Bonjour {tb},\n\nMerci pour votre message. Je serai accompagnée de mon compagnon, {cc}. "
            "En cas de retard, vous pouvez me joindre au {tel}.\n\nPour la restitution du dépôt de garantie, voici mon RIB : {iban}\n\n"
            "Bien à vous,\n{af}\n\n-------- Message d'origine --------\n{q}",
            a=P(a.full()), ea=EM(ea), b=P(b.full()), eb=EM(eb), tb=titled(b, "fr"), cc=P(cc.full()),
            tel=TEL(make_phone(loc)), iban=IB(make_iban(iban_cc(loc))), af=P(a.full()), q=quoted(inner))
        return d
    if lang == "es":
        a, cc = pp(loc, "f"), pp(loc, "m")
        ea = make_email(a)
        d.f("De: {a} <{ea}>\nPara: {eb}\nAsunto: RE: Presupuesto reforma cocina\n\n"
            "Buenas tardes, {tb}:\n\nLe confirmo que aceptamos el presupuesto {inv} por {price} (IVA incluido). "
            "La obra sería en {street}, {pc} {city}. Mi marido, {cc}, estará en casa por las mañanas; su móvil es {tel}.\n\n"
            "Un saludo,\n{af}\n{sigtel}\n\n"
            "El {date}, {b} <{eb2}> escribió:\n> Estimada {taf}: le adjunto el presupuesto. Quedo a su disposición.\n> {bf}\n> {comp} · {url}",
            a=P(a.full()), ea=EM(ea), eb=EM(eb), tb=titled(b, "es"), inv=N(n_invoice()), price=N(n_price(loc, 900, 9000)),
            street=ST(make_addr(loc).street), pc=N(pat(ch(LOC[loc]["cities"])[1]) or "28013"), city=N(n_city(loc)), cc=P(cc.full()),
            tel=TEL(make_phone(loc)), af=P(a.full()), sigtel=TEL(make_phone(loc)), date=N(n_date(loc, True)),
            b=P(b.full()), eb2=EM(eb), taf=P(a.first()), bf=P(b.full()), comp=N(comp), url=URL(url_for(dom, 0.3)))
        return d
    if lang == "it":
        d.f("Da: {a} <{ea}>\nA: {eb}\nOggetto: R: Iscrizione corso\n\n"
            "Gentile {tb},\n\ngrazie per le informazioni. Confermo l'iscrizione di mia figlia {kid} al corso del {wd}. "
            "Il bonifico di {price} è stato disposto dal conto {iban}.\n\nPer comunicazioni urgenti: {tel}.\n\n"
            "Cordiali saluti\n{af}\n{addr}\n\n--- Messaggio originale ---\nDa: {b} <{eb2}>\nInviato: {date}\n"
            "> Buongiorno, per completare l'iscrizione serve il modulo firmato. Grazie, {bf}",
            a=P(a.full()), ea=EM(ea), eb=EM(eb), tb=titled(b, "it"), kid=P(pp(loc, "f").first()), wd=N(n_weekday(loc)),
            price=N(n_price(loc, 80, 600)), iban=IB(make_iban(iban_cc(loc))), tel=TEL(make_phone(loc)), af=P(a.full()),
            addr=make_addr(loc).inline(), b=P(b.full()), eb2=EM(eb), date=N(n_date(loc)), bf=P(b.first()))
        return d
    v = R.random()
    if v < 0.4:
        inner = ["Hi ", P(a.first()), ",\n\nPlease find attached quote ", N(n_invoice()), " for the ", N(n_product()),
                 " units. Lead time is about three weeks.\n\nKind regards,\n",
                 P(b.full()), "\n", N(comp), "\n", URL(url_for(dom, 0.1))]
        d.f("From: {a} <{ea}>\nTo: {b} <{eb}>\nCc: {ecc}\nDate: {date}\nSubject: Re: Quote {q_no}\n\n"
            "Hi {bf},\n\nThanks - that works for us. Please ship to our warehouse at {addr} and invoice "
            "{cc} in accounts ({ecc2}). PO number is {po}.\n\nIf anything is unclear, call me on {tel}.\n\nBest,\n{sig}\n\n"
            "On {date2}, {b2} wrote:\n{q}",
            a=P(a.full()), ea=EM(ea), b=P(b.full()), eb=EM(eb), ecc=EM(make_email(cc)), date=N(n_date(loc, True)),
            q_no=N(n_invoice()), bf=P(b.first()), addr=make_addr(loc).inline(), cc=P(cc.full()),
            ecc2=EM(make_email(cc)), po=N(n_order()), tel=tel_x(loc),
            sig=(["-- "] + sig_block(None, a, loc, *make_company(loc)[:2])) if chance(0.6) else P(a.first()), date2=N(n_date(loc, False)),
            b2=P(b.full()), q=quoted(inner))
    elif v < 0.7:
        land = pp(loc)
        d.f("From: {a} <{ea}>\nTo: {el}\nSubject: Deposit return - {street}\n\n"
            "Dear {tl},\n\nI moved out of the flat at {street2} on {date} and returned both keys to {agent} at the letting office. "
            "Could you please return the deposit of {price} to:\n\nAccount holder: {a2}\nIBAN: {iban}\n\n"
            "My forwarding address is {fwd}. I'm also reachable on {tel}.\n\nMany thanks,\n{af}",
            a=P(a.full()), ea=EM(ea), el=EM(make_email(land)), street="flat handover",
            tl=titled(land), street2=ST(make_addr(loc).street), date=N(n_date(loc)), agent=P(pp(loc).full()),
            price=N(n_price(loc, 500, 3000)), a2=P(a.full()), iban=IB(make_iban(iban_cc(loc))),
            fwd=make_addr(ch(ALL_LOCS)).inline(country=True), tel=TEL(make_phone(loc)), af=P(a.full()))
    else:
        cand = pp(ch(ALL_LOCS))
        d.f("From: {b} <{eb}>\nTo: {a} <{ea}>\nSubject: Fwd: Application - {job}\n\n"
            "{af}, forwarding this one - strong profile, could you set up a call for {wd}?\n\n"
            "---------- Forwarded message ---------\nFrom: {cand} <{ecand}>\nDate: {date}\nSubject: Application - {job2}\n\n"
            "Dear Hiring Team,\n\nplease find my CV attached. I currently live at {addr} and can be reached at {tel} "
            "or via {link}. References: {ref} ({eref}).\n\nKind regards,\n{candf}\n{ctel}",
            b=P(b.full()), eb=EM(eb), a=P(a.full()), ea=EM(ea), job=N(n_job(loc)), af=P(a.first()),
            wd=N(n_weekday(loc)), cand=P(cand.full()), ecand=EM(make_email(cand)), date=N(n_date(loc)),
            job2=N(n_job(loc)), addr=make_addr(cand.loc).inline(), tel=TEL(make_phone(cand.loc)),
            link=URL("https://www.linkedin.com/in/" + slug(cand.given) + "-" + slug(cand.short) + "-" + pat("&&&&&")),
            ref=P(pp(cand.loc).full()), eref=EM(make_email(pp(cand.loc), make_company(cand.loc)[1])),
            candf=P(cand.full()), ctel=TEL(make_phone(cand.loc)))
    return d


class WaClock:
    """One chat export: one date, one stamp format, increasing times."""

    def __init__(self, loc):
        self.loc = loc
        self.dd, self.mm, self.yy = R.randint(1, 28), R.randint(1, 12), R.randint(23, 25)
        self.sec = R.randint(7 * 3600, 19 * 3600)
        self.style = "us" if loc in ("us", "ph") else ch(["bracket", "dash", "dash_dot"])

    def __call__(self):
        self.sec += R.randint(4, 600)
        h, mi, sec = self.sec // 3600, (self.sec // 60) % 60, self.sec % 60
        if self.style == "us":
            return "[%d/%d/%d, %d:%02d:%02d %s]" % (self.mm, self.dd, self.yy, (h - 1) % 12 + 1, mi, sec, "AM" if h < 12 else "PM")
        if self.style == "bracket":
            return "[%02d.%02d.%02d, %02d:%02d:%02d]" % (self.dd, self.mm, self.yy, h, mi, sec)
        if self.style == "dash_dot":
            return "%02d.%02d.%02d, %02d:%02d -" % (self.dd, self.mm, self.yy, h, mi)
        return "%02d/%02d/20%02d, %02d:%02d -" % (self.dd, self.mm, self.yy, h, mi)


def g_groupchat(loc):
    d = Doc()
    lang = local_lang(loc)
    ps = [pp(loc) for _ in range(4)]
    low = [p.first().lower() for p in ps]
    clock = WaClock(loc)
    st = lambda: d.t(clock() + " ")
    if lang == "de":
        st(); d.f("{a}: hat jemand die nummer vom hausmeister? die heizung im 2. og ist schon wieder aus\n", a=P(ps[0].full()))
        st(); d.f("{b}: ja, herr {hm}, {tel}. aber erst ab {time}\n", b=P(ps[1].full()), hm=P(pp(loc, "m").formal()), tel=TEL(make_phone(loc)), time=N(n_time(loc)))
        st(); d.f("{c}: danke! @{al} kannst du die nebenkostenabrechnung nochmal schicken? meine mail ist jetzt {em}\n", c=P(ps[2].full()), al=P(low[0]), em=EM(make_email(ps[2])))
        st(); d.f("{a}: klar. und nicht vergessen, hausversammlung am {wd} im hof von {street}\n", a=P(ps[0].full()), wd=N(n_weekday(loc)), street=ST(make_addr(loc).street))
        st(); d.f("{tel}: hallo zusammen, ich bin die neue mieterin aus dem 3. stock, {nf} 👋\n", tel=TEL(make_phone(loc)), nf=P(ps[3].first().lower() if chance(0.5) else ps[3].first()))
        st(); d.f("{b}: willkommen {nf2}!", b=P(ps[1].full()), nf2=P(ps[3].first()))
        return d
    if lang == "es":
        st(); d.f("{a}: chicos el sábado cena en casa de {bl}?? 🍕\n", a=P(ps[0].first()), bl=P(low[1]))
        st(); d.f("{b}: sii, es en {street}, {floor}. el telefonillo no va, llamadme al {tel}\n", b=P(ps[1].first()), street=ST(make_addr(loc).street), floor="el portal verde", tel=TEL(make_phone(loc)))
        st(); d.f("{c}: yo llevo el vino. {al} me debes {price} de la última, hazme un bizum al {tel2} 😂\n", c=P(ps[2].first()), al=P(low[0]), price=N(n_price(loc, 8, 60)), tel2=TEL(make_phone(loc)))
        st(); d.f("{a}: jajaja vale. oye y viene {dl}? no tengo su número\n", a=P(ps[0].first()), dl=P(ps[3].first().lower()))
        st(); d.f("{b}: te lo paso: {tel3}. su mail es {em} por si acaso", b=P(ps[1].first()), tel3=TEL(make_phone(loc)), em=EM(make_email(ps[3])))
        return d
    if lang == "pt" and loc == "pt":
        st(); d.f("{a}: malta, jantar de anos da {bf} no sábado! quem vem?\n", a=P(ps[0].full()), bf=P(low[1]))
        st(); d.f("{b}: eu! onde é?\n", b=P(ps[1].first()))
        st(); d.f("{a}: {street}, toquem no 2.º. a prenda é a meias, mandem {price} por mb way para o {tel}\n", a=P(ps[0].full()), street=ST(make_addr(loc).street), price=N(n_price(loc, 10, 30)), tel=TEL(make_phone(loc)))
        st(); d.f("{c}: feito ✅ {al} o {dl} também vem, o email dele é {em}", c=P(ps[2].first()), al=P(low[0]), dl=P(pp(loc, "m").first()), em=EM(make_email(ps[3])))
        return d
    if lang == "pt":
        st(); d.f("{a}: gente, a vaquinha do presente da vó tá aberta! pix: {em}\n", a=P(ps[0].full()), em=EM(make_email(ps[0])))
        st(); d.f("{b}: mandei {price} 💸\n", b=P(ps[1].first()), price=N(n_price(loc, 20, 150)))
        st(); d.f("{c}: eu fiz pelo celular, chave {tel}, é isso né {al}?\n", c=P(ps[2].first()), tel=TEL(make_phone(loc)), al=P(low[0]))
        st(); d.f("{a}: isso! e a festa vai ser na casa da tia {tia}, {street}\n", a=P(ps[0].full()), tia=P(pp(loc, "f").first()), street=ST(make_addr(loc).street))
        st(); d.f("{b}: alguém avisa o {dl}? ele saiu do grupo kkkk", b=P(ps[1].first()), dl=P(ps[3].first().lower() if ps[3].gender == "m" else pp(loc, "m").first().lower()))
        return d
    if lang == "nl":
        st(); d.f("{a}: wie had ook alweer de bbq geregeld?\n", a=P(ps[0].first()))
        st(); d.f("{b}: ik! tikkie staat klaar: {url}\n", b=P(ps[1].first()), url=URL("https://tikkie.me/pay/" + "".join(ch("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(12))))
        st(); d.f("{c}: betaald 👍 {al}, je krijgt nog {price} van me voor de drankjes, zet ik vanavond naar {iban}\n", c=P(ps[2].first()), al=P(low[0]), price=N(n_price(loc, 5, 40)), iban=IB(make_iban(iban_cc(loc))))
        st(); d.f("{a}: top. adres is {street}, achterom via het poortje\n", a=P(ps[0].first()), street=ST(make_addr(loc).street))
        st(); d.f("{dl}: ik ben iets later, bel me op {tel} als jullie iets nodig hebben", dl=P(ps[3].first()), tel=TEL(make_phone(loc)))
        return d
    if chance(0.5):
        st(); d.f("{a}: ok who's paying the internet bill this month\n", a=P(low[0]))
        st(); d.f("{b}: me. {al} ur share is {price}, card or iban whatever. mine is {iban}\n", b=P(low[1]), al=P(low[0]), price=N(n_price(loc, 8, 40)), iban=IB(make_iban(iban_cc(loc))))
        st(); d.f("{c}: also the router keeps dropping. admin page is {ip} and the login sticker says {mac}\n", c=P(low[2]), ip=IPA(ch([ipv4("priv192"), "192.168.1.1", "192.168.0.1", "10.0.0.1"])), mac=N(n_mac()))
        st(); d.f("{a}: lol ask {dl}, he set it up. his number's {tel}\n", a=P(low[0]), dl=P(ps[3].first().lower()), tel=TEL(make_phone(loc)))
        st(); d.f("{b}: landlord ({ll}) wants the meter reading by {wd} btw, send to {em}\n", b=P(low[1]), ll=P(pp(loc).full()), wd=N(n_weekday(loc)), em=EM(make_email(pp(loc))))
        if chance(0.7):
            st(); d.f("{c}: also who books the cabin for {month}? use my card {card} exp {exp}, i'll send the cvc in dm", c=P(low[2]), month=N(n_month(loc)), card=CC(make_card()[0]), exp=N("%02d/%02d" % (R.randint(1, 12), R.randint(26, 30))))
    else:
        st(); d.f("{a}: hey team, reminder that the {ev} is {wd} at {time} 🎉\n", a=P(ps[0].full()), ev=N(ch(["Summer Fair", "Spring Gala", "Charity Run", "Quiz Night"])), wd=N(n_weekday(loc)), time=N(n_time(loc)))
        st(); d.f("{b}: where exactly? last time i ended up at the wrong entrance 😅\n", b=P(ps[1].first()))
        st(); d.f("{a}: {addr}. parking behind the building\n", a=P(ps[0].full()), addr=make_addr(loc).inline())
        st(); d.f("{c}: can't make it, {kid} has a fever. {al} can you take my shift at the cake stand?\n", c=P(ps[2].first()), kid=P(pp(loc).first()), al=P(low[0]))
        st(); d.f("{a}: sure. if anyone needs me: {tel} / {em}\n", a=P(ps[0].full()), tel=TEL(make_phone(loc)), em=EM(make_email(ps[0])))
        st(); d.f("{dl}: sign-up sheet is here {url}", dl=P(ps[3].first()), url=URL(url_generic()))
    return d


def g_minutes(loc):
    d = Doc()
    lang = local_lang(loc)
    ps = [pp(loc) for _ in range(5)]
    comp, dom, _ = make_company(loc)
    if lang == "de":
        d.f("Protokoll Teamsitzung {comp}\nDatum: {date}, {time} Uhr · Ort: {place}\n"
            "Anwesend: {p0}, {p1}, {p2} ({job}), {p3}\nEntschuldigt: {p4}\nProtokoll: {p1s}\n\n"
            "TOP 1 – Umzug Lager\nDas neue Lager befindet sich ab {month} in der {street}, {pc}. {p0s} klärt den Mietvertrag mit {lord}.\n\n"
            "TOP 2 – IT\nDer VPN-Zugang läuft über {ip}; Ticket {ticket} ist offen. Rückfragen an {em}.\n\n"
            "TOP 3 – Sonstiges\n{p3t} bittet um Rückruf unter {tel}.\n\nNächster Termin: {date2}",
            comp=N(comp), date=N(n_date(loc)), time=N(n_time(loc)), place=N(n_place(loc)), p0=P(ps[0].full()),
            p1=P(ps[1].full()), p2=P(ps[2].full()), job=N(n_job(loc)), p3=P(ps[3].full()), p4=P(ps[4].full()),
            p1s=P(ps[1].initial()), month=N(n_month(loc)), street=ST(make_addr(loc).street), pc=N(pat("#####")),
            p0s=titled(ps[0], "de"), lord=P(pp(loc).full()), ip=IPA(make_ip()), ticket=N(n_ticket()),
            em=EM(make_email(ps[2], dom)), p3t=titled(ps[3], "de"), tel=tel_x(loc), date2=N(n_date(loc)))
        return d
    if lang == "fr":
        d.f("Compte rendu – réunion du conseil syndical\n{date} · {place}\n"
            "Présents : {p0} (présidente), {p1}, {p2}, {p3}\nExcusé : {p4}\n\n"
            "1. Travaux de façade au {street} : devis {inv} de {comp} pour {price}. Vote : 4 pour.\n"
            "2. {p1t} signale une fuite au 3e étage ; contacter le plombier au {tel}.\n"
            "3. Les appels de fonds sont à régler sur le compte {iban}.\n\nProchaine réunion : {wd} {date2}. Questions : {em}",
            date=N(n_date(loc)), place=N(n_place(loc)), p0=P(ps[0].full()), p1=P(ps[1].full()), p2=P(ps[2].full()),
            p3=P(ps[3].full()), p4=P(ps[4].full()), street=ST(make_addr(loc).street), inv=N(n_invoice()), comp=N(comp),
            price=N(n_price(loc, 3000, 40000)), p1t=titled(ps[1], "fr"), tel=TEL(make_phone(loc)),
            iban=IB(make_iban(iban_cc(loc))), wd=N(n_weekday(loc)), date2=N(n_date(loc)), em=EM(make_email(ps[0])))
        return d
    v = R.random()
    if v < 0.5:
        d.f("Minutes - Project {proj} weekly sync\nDate: {date}  Time: {time}  Location: {place} / {url}\n\n"
            "Attendees: {p0} (chair), {p1}, {p2}, {p3}\nApologies: {p4}\n\n"
            "1. Status\n- Release {ver} deployed to staging ({ip}); prod rollout pending sign-off from {p1f}.\n"
            "- Commit {git} fixes the invoice rounding bug ({pct} off on some totals).\n"
            "2. Customer escalation\n- {cust} ({cemail}, {ctel}) reported missing deliveries to {caddr}.\n"
            "3. Actions\n- AI-1 {p2f}: call the courier and update ticket {ticket} by {wd}.\n"
            "- AI-2 {p3i}: share the budget sheet ({path}).\n- AI-3 design: switch primary button colour to {hex} (was {hex2}).\n",
            proj=N(ch(["Aurora", "Nimbus", "Falcon", "Orion", "Cobalt", "Juniper"])), date=N(n_date(loc)),
            time=N(n_time(loc)), place=N(n_place(loc)), url=URL(url_generic()), p0=P(ps[0].full()), p1=P(ps[1].full()),
            p2=P(ps[2].full()), p3=P(ps[3].full()), p4=P(ps[4].full()), ver=N(n_version()), ip=IPA(make_ip()),
            p1f=P(ps[1].first()), git=N(n_git()), pct=N(n_percent(loc)), cust=P(pp(ch(ALL_LOCS)).full()),
            cemail=EM(make_email(pp(loc))), ctel=TEL(make_phone(loc)), caddr=make_addr(loc).inline(),
            p2f=P(ps[2].first()), ticket=N(n_ticket()), wd=N(n_weekday(loc)), p3i=P(ps[3].initial()), path=N(n_path()),
            hex=N(n_hex()), hex2=N(n_hex()))
    else:
        d.f("PTA committee meeting - notes\n{date}, school library\n\nPresent: {p0}, {p1}, {p2}, {p3}, {p4}\n\n"
            "Treasurer's report ({p1}): balance {price}; donations can go to {iban} (ref. \"Summer Fair\").\n"
            "Summer Fair: {p2f} is coordinating volunteers - sign up with her on {tel} or {em}.\n"
            "Raffle prizes donated by {shop}.\nNew parent rep for Year 3: {p5}.\n"
            "Next meeting: {wd}, {time}.",
            date=N(n_date(loc, True)), p0=P(ps[0].full()), p1=P(ps[1].full()), p2=P(ps[2].full()), p3=P(ps[3].full()),
            p4=P(ps[4].full()), price=N(n_price(loc, 300, 4000)), iban=IB(make_iban(iban_cc(loc))),
            p2f=P(ps[2].first()), tel=TEL(make_phone(loc)), em=EM(make_email(ps[2])), shop=N(comp),
            p5=P(pp(loc).full()), wd=N(n_weekday(loc)), time=N(n_time(loc)))
    return d


def g_form(loc):
    """Intake / registration forms with localized labels."""
    d = Doc()
    L_ = lab(loc)
    p = pp(loc)
    a = make_addr(loc)
    em_ = make_email(p)
    kind = ch(["gym", "clinic", "school", "coworking", "volunteer"])
    title = {"gym": "Membership application", "clinic": "New patient registration", "school": "Enrolment form",
             "coworking": "Member sign-up", "volunteer": "Volunteer registration"}[kind]
    d.f("{title} - {comp}\n{sep}\n", title=title, comp=N(make_company(loc)[0]), sep="=" * 32)
    style = R.random()
    if style < 0.4:
        d.f("{l1}: {last}\n{l2}: {first}\n", l1=L_["last"], last=P(p.sur.upper() if chance(0.6) else p.sur),
            l2=L_["first"], first=P(p.given))
    else:
        d.f("{l}: {n}\n", l=L_["name"], n=P(p.caps() if chance(0.4) else p.full()))
    d.f("{l}: {dob}\n", l=L_["dob"], dob=N(n_dob(loc)))
    if chance(0.7):
        lab_, val = n_natid(loc)
        d.f("{l}: {v}\n", l=lab_, v=N(val))
    d.f("{l}: {s}\n{l2}: {pc}\n{l3}: {city}\n", l=L_["street"], s=ST(a.street), l2=L_["postcode"],
        pc=N(a.pc) if a.pc else "-", l3=L_["city"], city=N(a.city))
    d.f("{l}: {t}\n{l2}: {e}\n", l=L_["mobile"], t=TEL(make_phone(loc)), l2=L_["email"], e=EM(em_))
    ec = pp(loc)
    d.f("{l}: {n} ({rel}), {t}\n", l=L_["contact"], n=P(ec.full()), rel=ch(["spouse", "mother", "partner", "brother", "friend", "daughter"]),
        t=TEL(make_phone(loc)))
    if kind == "gym" or chance(0.3):
        d.f("{l}: {iban}\nMandate ref.: {ref}\n", l=L_["iban"], iban=IB(make_iban(iban_cc(loc))), ref=N(pat("MNDT-%#####")))
    elif kind == "coworking":
        d.f("{l}: {cc}  exp. {exp}\n", l=L_["card"], cc=CC(make_card()[0]), exp=N("%02d/%02d" % (R.randint(1, 12), R.randint(26, 31))))
    if kind == "clinic":
        d.f("GP / referring doctor: Dr. {gp}\nAllergies: {alg}\nHeight/weight: {h} / {w}\n", gp=P(pp(loc).formal()),
            alg=ch(["penicillin", "none known", "latex", "pollen"]), h=N("%d cm" % R.randint(150, 200)), w=N("%d kg" % R.randint(48, 110)))
    if kind == "school":
        kid = pp(loc)
        d.f("Pupil: {k}, class {cls}\nPick-up authorised: {g}\n", k=P(kid.first() + " " + p.sur), cls=N(pat("%^")),
            g=P(pp(loc).full()))
    d.f("{l}: {date}   Signature: {sig}\n", l=L_["date"], date=N(n_date(loc)), sig=P(p.initial()))
    if chance(0.3):
        d.f("Submitted from {ip} ({ua})\n", ip=IPA(make_ip()), ua=N(ch(["Firefox 124.0", "Chrome 122.0", "Safari 17.3"])))
    return d


def g_kv(loc):
    """key: value blocks pasted from CRMs, tickets, admin panels."""
    d = Doc()
    L_ = lab(loc)
    p = pp(loc)
    a = make_addr(loc)
    comp, dom, _ = make_company(loc)
    sep = ch([": ", ":\t", " = ", " - ", ": "])
    pairs = []
    pairs.append((L_["customer"] + " ID", N(pat("C-%######"))))
    r = R.random()
    if r < 0.3:
        pairs.append((L_["name"], P(p.caps())))
    elif r < 0.5:
        pairs += [(L_["first"], P(p.given)), (L_["last"], P(p.sur.upper()))]
    else:
        pairs.append((L_["name"], P(p.full())))
    pairs.append((L_["company"], N(comp)))
    pairs.append((L_["email"], EM(make_email(p, dom if chance(0.4) else None))))
    pairs.append((L_["phone"], tel_x(loc)))
    if chance(0.5):
        pairs.append((L_["mobile"], TEL(make_phone(loc))))
    pairs.append((L_["address"], a.inline()))
    if chance(0.5):
        pairs.append((L_["country"], N(LOC[a.loc]["country"])))
    pairs.append((L_["website"], URL(url_for(dom))))
    if chance(0.5):
        pairs.append((L_["iban"], IB(make_iban(iban_cc(loc)))))
    if chance(0.45):
        pairs.append((L_["card"], CC(make_card()[0])))
    if chance(0.5):
        pairs.append(("Last login IP", IPA(make_ip())))
    pairs.append(("Account manager", P(pp(loc).full())))
    extra = [("Created", N(n_iso_date() + " " + n_time())), ("Plan", N(ch(["Business Plus", "Starter", "Enterprise", "Family"]))),
             ("Balance", N(n_price(loc))), ("Tags", "vip, newsletter"), ("Record UUID", N(n_uuid())),
             (L_["order"], N(n_order())), ("SKU", N(n_sku())), ("Discount", N(n_percent(loc))),
             ("Gift card", N(n_luhn_bad())), ("Theme colour", N(n_hex())), ("Geo", N(n_coord())), ("App version", N(n_version()))]
    R.shuffle(extra)
    pairs += extra[:R.randint(2, 4)]
    pad = max(len(k) for k, _ in pairs) + 1 if chance(0.5) else 0
    if chance(0.3):
        d.t("---- " + ch(["CRM export", "Customer record", "Contact details", "Kundendaten", "Ficha cliente"]) + " ----\n")
    for k, v in pairs:
        d.add(k.ljust(pad) if pad else k, sep.strip() + " " if sep.strip() else sep, v, "\n")
    if chance(0.4):
        d.f("Note: spoke to {p} on {date}; prefers contact via {em}.\n", p=P(p.first()), date=N(n_date(loc)),
            em=EM(make_email(p)))
    return d


def g_sheet(loc):
    """Spreadsheets pasted as CSV / TSV / markdown, headers in the locale's language."""
    d = Doc()
    L_ = lab(loc)
    fmt = ch(["csv", "csv_semi", "tsv", "md", "md"])
    cols = ch([["first", "last", "email", "phone", "city"], ["name", "email", "street", "postcode", "city"],
               ["name", "phone", "email", "iban"], ["last", "first", "dob", "street", "city", "phone"],
               ["name", "email", "ip", "date"], ["customer", "order", "total", "email", "street"],
               ["name", "mobile", "contact", "notes"], ["name", "card", "total", "date"],
               ["customer", "email", "card", "order"], ["first", "last", "card", "phone"]])
    snake = chance(0.4) and fmt != "md"
    hdr = []
    for c in cols:
        lbl_ = {"ip": "IP", "customer": L_["customer"], "total": L_["amount"]}.get(c, L_.get(c, c))
        hdr.append(col(lbl_) if snake else lbl_)
    n = R.randint(3, 6)
    rows = []
    for _ in range(n):
        p = pp(loc if chance(0.8) else ch(ALL_LOCS))
        a = make_addr(p.loc)
        row = []
        for c in cols:
            if c == "first":
                row.append(P(p.given))
            elif c == "last":
                row.append(P(p.sur.upper() if chance(0.2) else p.sur))
            elif c in ("name", "customer"):
                row.append(P(p.caps() if chance(0.25) else p.full()))
            elif c == "email":
                row.append(EM(make_email(p)))
            elif c in ("phone", "mobile"):
                row.append(TEL(make_phone(p.loc)))
            elif c == "city":
                row.append(N(a.city))
            elif c == "street":
                row.append(ST(a.street))
            elif c == "postcode":
                row.append(N(a.pc) if a.pc else "")
            elif c == "iban":
                row.append(IB(make_iban(iban_cc(p.loc), grouped=chance(0.3))))
            elif c == "card":
                row.append(CC(make_card()[0]))
            elif c == "dob":
                row.append(N(n_dob(loc)))
            elif c == "ip":
                row.append(IPA(make_ip()))
            elif c == "date":
                row.append(N(n_iso_date()))
            elif c == "order":
                row.append(N(n_order()))
            elif c == "total":
                row.append(N(n_price(loc)))
            elif c == "contact":
                row.append(P(pp(p.loc).full()))
            elif c == "notes":
                row.append(ch(["", "vegetarian", "late arrival", "needs parking", "paid", "VIP"]))
        rows.append(row)
    if fmt.startswith("csv") or fmt == "tsv":
        sp = {"csv": ",", "csv_semi": ";", "tsv": "\t"}[fmt]
        d.t(sp.join(hdr) + "\n")
        for row in rows:
            for i, v in enumerate(row):
                if i:
                    d.t(sp)
                val = v[1] if isinstance(v, tuple) else v
                q = sp in val or (fmt == "csv" and chance(0.15))
                if q and val:
                    d.add('"', v, '"')
                else:
                    d.add(v)
            d.t("\n")
    else:
        d.t("| " + " | ".join(hdr) + " |\n")
        d.t("|" + "|".join("---" for _ in hdr) + "|\n")
        for row in rows:
            d.t("| ")
            for i, v in enumerate(row):
                if i:
                    d.t(" | ")
                d.add(v)
            d.t(" |\n")
    if chance(0.75):
        d.f("\n({n} rows, exported {date} from {path})", n=str(n), date=N(n_date(loc)), path=N(n_path()))
    return d


def jstr(v):
    return json.dumps(v, ensure_ascii=False)[1:-1]


def g_struct(loc):
    """JSON / YAML / XML snippets."""
    d = Doc()
    p = pp(loc)
    a = make_addr(loc)
    kind = ch(["json", "json", "yaml", "xml"])
    em_ = make_email(p)
    if kind == "json":
        extra = pp(loc)
        d.f('{\n  "id": "{uuid}",\n  "customer": {\n    "firstName": "{g}",\n    "lastName": "{s}",\n'
            '    "email": "{em}",\n    "phone": "{tel}",\n    "address": {\n      "line1": "{street}",\n'
            '      "postalCode": "{pc}",\n      "city": "{city}",\n      "country": "{cc}"\n    }\n  },\n'
            '  "payment": {"method": "card", "pan": "{card}", "amount": "{price}"},\n'
            '  "shipTo": "{alt}",\n  "clientIp": "{ip}",\n  "createdAt": "{ts}",\n  "sku": "{sku}"\n}',
            uuid=N(n_uuid()), g=P(p.given), s=P(p.sur), em=EM(em_), tel=TEL(make_phone(loc)), street=ST(a.street),
            pc=N(a.pc) if a.pc else "", city=N(a.city), cc=LOC[a.loc].get("cc") or "XX", card=CC(make_card()[0]),
            price=N(n_price(loc)), alt=P(extra.full()), ip=IPA(make_ip()),
            ts=N(n_iso_date() + "T" + n_time() + ":00Z"), sku=N(n_sku()))
    elif kind == "yaml":
        b = pp(loc)
        d.f("# contacts.yaml - generated {date}\ncontacts:\n  - name: {n}\n    role: {job}\n    email: {em}\n    phone: \"{tel}\"\n"
            "    address: \"{street}\"\n  - name: \"{n2}\"\n    email: {em2}\n    phone: \"{tel2}\"\n    homepage: {url}\n"
            "billing:\n  iban: {iban}\n  reference: {ref}\n  vat_rate: {pct}\n",
            date=N(n_iso_date()), n=P(p.full()), job=N(n_job(loc)), em=EM(em_), tel=TEL(make_phone(loc)),
            street=ST(a.street), n2=P(b.full()), em2=EM(make_email(b)), tel2=TEL(make_phone(loc)),
            url=URL(url_for(make_company(loc)[1], 0.1)), iban=IB(make_iban(iban_cc(loc), grouped=False)),
            ref=N(n_invoice()), pct=N(n_percent(loc)))
    else:
        b = pp(loc)
        d.f('<?xml version="1.0" encoding="UTF-8"?>\n<shipment id="{sid}">\n  <sender>\n    <name>{sn}</name>\n'
            '    <street>{ss}</street>\n    <zip>{spc}</zip>\n    <city>{scity}</city>\n    <phone>{stel}</phone>\n  </sender>\n'
            '  <recipient>\n    <name>{rn}</name>\n    <street>{rs}</street>\n    <zip>{rpc}</zip>\n    <city>{rcity}</city>\n'
            '    <email>{rem}</email>\n  </recipient>\n  <parcel weight="{w}" tracking="{trk}"/>\n</shipment>',
            sid=N(n_order()), sn=P(p.full()), ss=ST(a.street), spc=N(a.pc) if a.pc else "", scity=N(a.city),
            stel=TEL(make_phone(loc)), rn=P(b.full()), rs=ST((ab := make_addr(b.loc)).street), rpc=N(ab.pc) if ab.pc else "",
            rcity=N(ab.city), rem=EM(make_email(b)), w="%.1f" % R.uniform(0.3, 25), trk=N(n_tracking()))
    return d


def g_sql(loc):
    d = Doc()
    tbl = ch(["customers", "kunden", "clientes", "users", "members", "contacts"])
    n = R.randint(2, 4)
    d.f("-- seed data ({date})\nINSERT INTO {tbl} (id, first_name, last_name, email, phone, street, postcode, city, iban, last_ip) VALUES\n",
        date=N(n_iso_date()), tbl=tbl)
    for i in range(n):
        p = pp(loc)
        while "'" in p.full():
            p = pp(loc)
        a = make_addr(loc)
        while "'" in a.street or "'" in a.city:
            a = make_addr(loc)
        d.f("  ({id}, '{g}', '{s}', '{em}', '{tel}', '{st}', '{pc}', '{city}', {iban}, '{ip}')",
            id=str(1000 + R.randint(0, 8999)), g=P(p.given), s=P(p.sur), em=EM(make_email(p)), tel=TEL(make_phone(loc)),
            st=ST(a.street), pc=N(a.pc) if a.pc else "", city=N(a.city),
            iban=["'", IB(make_iban(iban_cc(loc), grouped=False)), "'"] if chance(0.6) else "NULL", ip=IPA(make_ip()))
        d.t(",\n" if i < n - 1 else ";\n")
    if chance(0.6):
        d.f("\nINSERT INTO payments (customer_id, card_number, card_holder, amount, created_at) VALUES\n", )
        k = R.randint(2, 3)
        for i in range(k):
            h = pp(loc)
            while "'" in h.full():
                h = pp(loc)
            d.f("  ({cid}, '{card}', '{holder}', {amt}, '{ts}')", cid=str(R.randint(1000, 9999)), card=CC(make_card()[0]),
                holder=P(ascii_fold(h.western()).upper() if chance(0.5) else h.western()), amt=N("%d.%02d" % (R.randint(5, 900), R.randint(0, 99))),
                ts=N(n_iso_date() + " " + n_time() + ":00"))
            d.t(",\n" if i < k - 1 else ";\n")
    if chance(0.5):
        p = pp(loc)
        while "'" in p.full():
            p = pp(loc)
        q = pp(loc)
        d.f("UPDATE {tbl} SET email = '{em}', updated_by = '{u}' WHERE id = {id};\n", tbl=tbl, em=EM(make_email(p)),
            u=P(q.given), id=str(R.randint(1000, 9999)))
    return d


def g_invoice(loc):
    d = Doc()
    L_ = lab(loc)
    comp, dom, _ = make_company(loc)
    seller_addr = make_addr(loc)
    buyer = pp(loc)
    ba = make_addr(loc)
    lang = LOC[loc]["lbl"]
    head = {"de": "RECHNUNG", "fr": "FACTURE", "es": "FACTURA", "it": "FATTURA", "pt": "FATURA", "nl": "FACTUUR",
            "pl": "FAKTURA VAT", "cs": "FAKTURA", "sv": "FAKTURA", "da": "FAKTURA", "fi": "LASKU", "tr": "FATURA",
            "ro": "FACTURĂ", "hu": "SZÁMLA"}.get(lang, ch(["INVOICE", "TAX INVOICE", "RECEIPT"]))
    d.f("{comp}\n", comp=N(comp))
    d.add(*seller_addr.inline(" · "))
    d.f("\n{url} · {em} · {tel}\nVAT ID: {vat}\n\n{head} {inv}\n{ld}: {date}\n\n", url=URL(url_for(dom, 0.7)),
        em=EM(ch(["billing@", "info@", "rechnung@", "facturas@", "accounts@"]) + dom), tel=TEL(make_phone(loc)),
        vat=N(pat((LOC[loc]["cc"] or "EU") + "%########")), head=head, inv=N(n_invoice()), ld=L_["date"],
        date=N(n_date(loc)))
    d.f("{lc}:\n", lc=L_["customer"])
    if chance(0.5):
        d.f("{c}\n", c=N(make_company(loc)[0]))
        d.f("Attn: {b}\n", b=titled_full(buyer))
    else:
        d.f("{b}\n", b=P(buyer.caps() if chance(0.3) else buyer.full()))
    d.add(*ba.block(country=chance(0.3)))
    d.t("\n\n")
    for i in range(R.randint(2, 4)):
        item = ch([n_product(), "Service call-out", "Consulting (hours)", "Shipping", "Installation", "Annual licence", "Book ISBN " + n_isbn()])
        if item.startswith("Book ISBN "):
            d.f("{i}. Book ISBN {isbn}  {qty} x {pr}\n", i=str(i + 1), isbn=N(item[10:]), qty=str(R.randint(1, 5)),
                pr=N(n_price(loc, 5, 60)))
        else:
            d.f("{i}. {item}  {sku}  {qty} x {pr}\n", i=str(i + 1), item=N(item) if item in PRODUCTS else item,
                sku=N(n_sku()), qty=str(R.randint(1, 5)), pr=N(n_price(loc, 5, 900)))
    d.f("\n{lt}: {tot} (incl. {pct} VAT)\n", lt=L_["total"], tot=N(n_price(loc, 100, 5000)), pct=N(n_percent(loc)))
    r = R.random()
    if r < 0.5:
        d.f("Please transfer to {iban} (BIC {bic}), reference {ref}, within 14 days.\n",
            iban=IB(make_iban(iban_cc(loc))), bic=N(ch(["COBADEFFXXX", "GENODEF1M03", "BNPAFRPPXXX", "INGBNL2A", "CAIXESBBXXX", "BCITITMM", "NDEAFIHH", "RZBAATWW", "POCZPLPR", "GIBACZPX"])),
            ref=N(n_order()))
    elif r < 0.85:
        d.f("Paid by card {card} on {date}. Auth code {auth}.\n", card=CC(make_card()[0]), date=N(n_date(loc)),
            auth=N(pat("%#####")))
    else:
        lbl_, val = n_account(loc)[0]
        d.f("Bank details: {l} {v}\n", l=lbl_, v=N(val))
    q = pp(loc)
    d.f("Questions? Contact {p}, {pe}", p=P(q.full()), pe=EM(make_email(q, dom)))
    return d


def g_receipt(loc):
    d = Doc()
    comp, dom, base = make_company(loc)
    a = make_addr(loc)
    d.f("*** {base} ***\n", base=N(base.upper()) if len(base) > 3 else base.upper())
    d.add(*a.inline("\n"))
    d.f("\nTel {tel}\n{date} {time}  Till 3  Receipt {rc}\nServed by: {cashier}\n\n", tel=TEL(make_phone(loc)),
        date=N(n_date(loc, False)), time=N(n_time(loc)), rc=N(pat("%###-%####")), cashier=P(pp(loc).first()))
    for _ in range(R.randint(2, 5)):
        d.f("{ean}  {pr}\n", ean=N(n_ean()), pr=N(n_price(loc, 1, 60)))
    card, sch = make_card()
    masked = "*" * (len(card.replace(" ", "").replace("-", "")) - 4) + card.replace(" ", "").replace("-", "")[-4:]
    d.f("TOTAL {tot}\n{sch} {masked}\n", tot=N(n_price(loc, 10, 300)), sch=sch.upper(), masked=N(masked))
    if chance(0.5):
        p = pp(loc)
        d.f("Loyalty member: {p} ({lc})\n", p=P(p.caps() if chance(0.5) else p.full()), lc=N(n_luhn_bad(False)))
    d.f("Returns within 30 days: {url}\nVAT {pct}", url=URL(url_for(dom, 0.2)), pct=N(n_percent(loc)))
    return d


def g_shipping(loc):
    d = Doc()
    s, r = pp(loc), pp(ch(ALL_LOCS) if chance(0.5) else loc)
    sa, ra = make_addr(loc), make_addr(r.loc)
    v = R.random()
    if v < 0.5:
        d.f("SHIPPING LABEL  {carrier}  {svc}\nTracking: {trk}\n\nFROM:\n{s}\n", carrier=N(ch(["DHL Express", "UPS", "FedEx", "PostNL", "GLS", "Royal Mail", "La Poste", "Correos", "InPost", "Aramex"])),
            svc=ch(["EXPRESS 12:00", "STANDARD", "ECONOMY", "PRIORITY"]), trk=N(n_tracking()),
            s=P(s.caps() if chance(0.5) else s.full()))
        d.add(*sa.block(country=True))
        d.f("\nTel: {st}\n\nTO:\n{r}\n", st=TEL(make_phone(loc)), r=P(r.full().upper() if chance(0.4) else r.full()))
        d.add(*ra.block(country=True))
        d.f("\nTel: {rt}\nEmail: {re}\n\nWeight: {w}   Dims: {dims}\nRef: {ref}   Date: {date}",
            rt=TEL(make_phone(r.loc)), re=EM(make_email(r)), w=N("%.1f kg" % R.uniform(0.2, 30)), dims=N("%dx%dx%d cm" % (R.randint(10, 60), R.randint(10, 40), R.randint(5, 30))),
            ref=N(n_order()), date=N(n_iso_date()))
    else:
        d.f("CUSTOMS DECLARATION CN23\nSender: {s}, {sa}, {sc}\nSender phone: {st}\nSender e-mail: {se}\n"
            "Addressee: {r}\nAddress: {ra}, {rc}\nImporter reference / tax no.: {tax}\n\n"
            "Contents: {item} | qty {q} | value {val} | HS code {hs} | origin {orig}\n"
            "Category: {cat}\nI certify that the particulars given in this declaration are correct.\nSigned: {sig}   {date}",
            s=P(s.full()), sa=sa.inline(), sc=N(LOC[sa.loc]["country"]), st=TEL(make_phone(loc)), se=EM(make_email(s)),
            r=P(r.full()), ra=ra.inline(), rc=N(LOC[ra.loc]["country"]), tax=N(n_natid(r.loc)[1]),
            item=N(n_product()), q=str(R.randint(1, 4)), val=N(n_price(loc, 20, 800)), hs=N(pat("%###.##")),
            orig=ch(["DE", "CN", "FR", "IT", "PL", "US", "JP"]), cat=ch(["Gift", "Sale of goods", "Returned goods", "Documents"]),
            sig=P(s.initial()), date=N(n_date(loc)))
    return d


def g_hr(loc):
    d = Doc()
    L_ = lab(loc)
    e = pp(loc)
    comp, dom, _ = make_company(loc)
    a = make_addr(loc)
    v = R.random()
    if v < 0.5:
        lbl_, val = n_natid(loc)
        d.f("PAYSLIP {month} {year} - {comp}\nEmployee: {e}   Staff no. {sn}\nPosition: {job}\nAddress: {addr}\n"
            "{idl}: {idv}\nGross: {gross}   Tax: {tax}   Net: {net}\nPaid to: {iban}\nQueries: payroll contact {pc} ({pe}, {pt})",
            month=N(n_month(loc)), year=str(R.randint(2023, 2025)), comp=N(comp), e=P(e.caps() if chance(0.5) else e.full()),
            sn=N(pat("E%####")), job=N(n_job(loc)), addr=a.inline(), idl=lbl_, idv=N(val),
            gross=N(n_price(loc, 2000, 7000)), tax=N(n_price(loc, 300, 2000)), net=N(n_price(loc, 1500, 5000)),
            iban=IB(make_iban(iban_cc(loc))), pc=P((pc_ := pp(loc)).full()), pe=EM(make_email(pc_, dom)), pt=tel_x(loc))
    else:
        mgr, hr = pp(loc), pp(loc)
        d.f("New starter checklist - {comp}\n\nName: {e}\nStart date: {date}\nRole: {job} (reports to {mgr})\n"
            "Home address: {addr}\nPrivate e-mail: {pem}\nWork e-mail: {wem}\nMobile: {tel}\n"
            "Emergency contact: {ec}, {ect}\nSalary account: {iban}\nLaptop: {prod}, asset tag {tag}, MAC {mac}\n"
            "VPN IP assigned: {ip}\nCorporate card: {ccard} (limit {lim})\nHR contact: {hr} - {hrt}",
            comp=N(comp), e=P(e.full()), date=N(n_date(loc)), job=N(n_job(loc)), mgr=P(mgr.full()), addr=a.inline(),
            pem=EM(make_email(e)), wem=EM(make_email(e, dom)), tel=TEL(make_phone(loc)), ec=P(pp(loc).full()),
            ect=TEL(make_phone(loc)), iban=IB(make_iban(iban_cc(loc))), prod=N(n_product()), tag=N(pat("IT-%####")),
            mac=N(n_mac()), ip=IPA(ipv4(ch(["priv10", "priv172"]))), ccard=CC(make_card(ch(["visa", "mastercard", "amex"]))[0]),
            lim=N(n_price(loc, 1000, 10000)), hr=P(hr.full()), hrt=tel_x(loc))
    return d


def g_clinic(loc):
    d = Doc()
    lang = LOC[loc]["lbl"]
    pt, doc_ = pp(loc), pp(loc)
    a = make_addr(loc)
    v = R.random()
    if lang == "de" and v < 0.6:
        d.f("Praxis Dr. med. {doc}\n{paddr}\nTel. {ptel} · {url}\n\nPatientin/Patient: {pt}, geb. {dob}\nAnschrift: {addr}\n"
            "Versichertennr.: {ins}\nDiagnose: Verdacht auf Bronchitis. Verordnung: {med}, 3x täglich.\n"
            "Überweisung an {spec} (Lungenfacharzt), Termin am {date} um {time} Uhr.\n"
            "Rückruf erbeten unter {tel}. Befund per E-Mail an {em}.",
            doc=P(doc_.full()), paddr=make_addr(loc).inline(), ptel=TEL(make_phone(loc)), url=URL(url_for(make_company(loc)[1], 0.1)),
            pt=P(pt.caps() if chance(0.5) else pt.full()), dob=N(n_dob(loc)), addr=a.inline(),
            ins=N(pat("^%########")), med=N(ch(["Ambroxol 30 mg", "Ibuprofen 400 mg", "Amoxicillin 1000 mg"])),
            spec=titled_full(pp(loc), "de"), date=N(n_date(loc)), time=N(n_time(loc)), tel=TEL(make_phone(loc)),
            em=EM(make_email(pt)))
    elif v < 0.55:
        d.f("PHARMACY - prescription pick-up note\nPatient: {pt}\nDOB: {dob}\nPrescriber: Dr {doc}\n"
            "Item: {med} x {qty}\nDeliver to: {addr}\nContact: {tel} / {em}\nCollected by: {col} (daughter)\n"
            "Paid: {card}\nPharmacist: {ph}   Rx no. {rx}",
            pt=P(pt.full()), dob=N(n_dob(loc)), doc=P(doc_.formal()), med=N(ch(["Amlodipine 5 mg", "Metformin 500 mg", "Salbutamol 100 mcg", "Levothyroxine 50 mcg", "Atorvastatin 20 mg"])),
            qty=str(R.randint(28, 90)), addr=a.inline(), tel=TEL(make_phone(loc)), em=EM(make_email(pt)),
            col=P(pp(loc, "f").first() + " " + pt.short), card=CC(make_card()[0]), ph=P(pp(loc).full()), rx=N(pat("RX-%######")))
    else:
        d.f("Clinical note - {date}\nSeen: {tpt}, {age} y/o, referred by {ref}.\nLives at {street} with partner {partner}.\n"
            "BP 128/82, temp 37.9 °C. Plan: bloods, review in 2 weeks.\nNext of kin: {nok}, {noktel}.\n"
            "Portal login from {ip}; results to be sent to {em}.\nSigned: {doc}",
            date=N(n_date(loc)), tpt=titled_full(pt), age=str(R.randint(19, 88)), ref=titled(doc_),
            street=ST(a.street), partner=P(pp(loc).first()), nok=P(pp(loc).full()), noktel=TEL(make_phone(loc)),
            ip=IPA(make_ip()), em=EM(make_email(pt)), doc=P(pp(loc).initial()))
    return d


def g_legal(loc):
    d = Doc()
    lang = LOC[loc]["lbl"]
    law, cl, opp = pp(loc), pp(loc), pp(loc)
    firm, dom, _ = make_company(loc)
    la, oa = make_addr(loc), make_addr(loc)
    if lang == "de":
        d.f("Rechtsanwaltskanzlei {law}\n", law=P(law.full()))
        d.add(*la.inline(" · "))
        d.f("\nTel. {tel} · {em}\n\nEinschreiben\n{to}\n", tel=TEL(make_phone(loc)), em=EM(make_email(law, dom)),
            to=titled_full(opp, "de"))
        d.add(*oa.block())
        d.f("\n\n{city}, den {date}\nUnser Zeichen: {az}\n\nSehr geehrte{r} {topp},\n\nhiermit zeigen wir an, dass wir "
            "{tcl} anwaltlich vertreten. Unsere Mandantin hat Ihnen am {date2} den Betrag von {price} überwiesen. "
            "Wir fordern Sie auf, die Kaution bis zum {date3} auf das Konto {iban} zurückzuzahlen.\n\n"
            "Mit freundlichen Grüßen\n{law2}\n" + ("Rechtsanwalt" if law.gender == "m" else "Rechtsanwältin"),
            city=N(la.city), date=N(n_date(loc, True)), az=N(pat("%##/2% ^^")), r="r Herr" if opp.gender == "m" else " Frau",
            topp=P(opp.formal()), tcl=["Herrn " if cl.gender == "m" else "Frau ", P(cl.full())], date2=N(n_date(loc)), price=N(n_price(loc, 800, 5000)),
            date3=N(n_date(loc)), iban=IB(make_iban(iban_cc(loc))), law2=P(law.full()))
        return d
    if lang == "fr":
        d.f("Maître {law}\nAvocat au Barreau de {city}\n", law=P(law.full()), city=N(la.city))
        d.add(*la.inline(" – "))
        d.f("\n{tel} – {em}\n\nLettre recommandée avec accusé de réception\n{to}\n", tel=TEL(make_phone(loc)),
            em=EM(make_email(law, dom)), to=titled_full(opp, "fr"))
        d.add(*oa.block())
        d.f("\n\nObjet : mise en demeure – dossier {ref}\n\n{salut},\n\nJe vous écris au nom de mon client, {tcl}, "
            "domicilié {street}. Malgré nos relances du {date}, la somme de {price} reste impayée. "
            "Je vous mets en demeure de régler cette somme sous huit jours sur le compte {iban}.\n\n"
            "Veuillez agréer l'expression de mes salutations distinguées.\n{law2}",
            ref=N(pat("%###/2%")), salut="Monsieur" if opp.gender == "m" else "Madame", tcl=titled_full(cl, "fr"),
            street=ST(make_addr(loc).street), date=N(n_date(loc)), price=N(n_price(loc, 800, 9000)),
            iban=IB(make_iban(iban_cc(loc))), law2=P(law.full()))
        return d
    if lang == "it":
        d.f("Studio Legale Avv. {law}\n", law=P(law.full()))
        d.add(*la.inline(" - "))
        d.f("\nPEC: {em} - Tel. {tel}\n\nSpett.le {to}\n", em=EM(make_email(law, dom)), tel=TEL(make_phone(loc)),
            to=titled_full(opp, "it"))
        d.add(*oa.block())
        d.f("\n\n{city}, {date}\n\nOggetto: diffida ad adempiere\n\nIn nome e per conto del/la Sig./Sig.ra {cl}, "
            "residente in {street}, La invito a corrispondere entro 15 giorni l'importo di {price} mediante bonifico "
            "sul conto {iban}.\n\nDistinti saluti\nAvv. {law2}",
            city=N(la.city), date=N(n_date(loc, True)), cl=P(cl.full()), street=ST(make_addr(loc).street),
            price=N(n_price(loc, 500, 8000)), iban=IB(make_iban(iban_cc(loc))), law2=P(law.formal()))
        return d
    firm = make_company(loc)[2] + " " + ch(["Legal LLP", "Law Chambers", "Solicitors LLP", "Legal Partners"])
    d.f("{firm}\nSolicitors & Notaries\n", firm=N(firm))
    d.add(*la.inline(", "))
    d.f("\nT {tel} | {em} | {url}\n\nOur ref: {ref}\nYour ref: {yref}\n\n{date}\n\nPRIVATE & CONFIDENTIAL\n{to}\n",
        tel=TEL(make_phone(loc)), em=EM(make_email(law, dom)), url=URL(url_for(dom, 0.05)), ref=N(pat("^^^/%####/2%")),
        yref=N(pat("%####")), date=N(n_date(loc, True)), to=titled_full(opp))
    d.add(*oa.block())
    d.f("\n\nDear {topp},\n\nRe: {cl} - property at {street}\n\nWe act for {tcl} in connection with the above. "
        "Our client informs us that the boundary fence was removed on {date2} without consent. "
        "Please confirm within 14 days whether you intend to reinstate it. Any payment should be made to our client account, "
        "IBAN {iban}, quoting reference {ref2}.\n\nYours sincerely,\n\n{law}\nPartner, for and on behalf of {firm2}",
        topp=titled(opp), cl=P(cl.full()), street=ST(make_addr(loc).street), tcl=titled_full(cl), date2=N(n_date(loc)),
        iban=IB(make_iban(iban_cc(loc))), ref2=N(n_order()), law=P(law.full()), firm2=N(firm))
    return d


def g_rental(loc):
    d = Doc()
    lang = LOC[loc]["lbl"]
    ll, tn = pp(loc), pp(loc)
    a = make_addr(loc)
    v = R.random()
    if v < 0.45:
        if lang == "de":
            d.f("Schöne 3-Zimmer-Wohnung, {m2}, Balkon – {street}\nKaltmiete {price}, Nebenkosten {nk}\n"
                "Frei ab {date}. Besichtigung {wd} ab {time} Uhr. Bitte bei {ll} melden: {tel} oder {em}.\n"
                "Exposé: {url}", m2=N("%d m²" % R.randint(55, 110)), street=ST(a.street),
                price=N(n_price(loc, 600, 2000)), nk=N(n_price(loc, 120, 400)), date=N(n_date(loc)), wd=N(n_weekday(loc)),
                time=N(n_time(loc)), ll=titled_full(ll, "de"), tel=TEL(make_phone(loc)), em=EM(make_email(ll)),
                url=URL(url_for(make_company(loc)[1], 0.3)))
        elif lang == "es":
            d.f("Se alquila piso luminoso en {street}, 2 hab., {m2}. {price}/mes + fianza. Disponible desde {date}.\n"
                "Contacto: {ll}, {tel} (WhatsApp). Fotos: {url}", street=ST(a.street), m2=N("%d m²" % R.randint(45, 120)),
                price=N(n_price(loc, 500, 1800)), date=N(n_date(loc)), ll=P(ll.full()), tel=TEL(make_phone(loc)),
                url=URL(url_for(make_company(loc)[1], 0.3)))
        elif lang == "fr":
            d.f("À louer : T3 de {m2} au {street}, {pc} {city}. Loyer {price} CC. Libre le {date}.\n"
                "Visites le {wd} – contactez {ll} au {tel} ou {em}.", m2=N("%d m²" % R.randint(45, 100)), street=ST(a.street),
                pc=N(a.pc or "75011"), city=N(a.city), price=N(n_price(loc, 600, 2000)), date=N(n_date(loc)),
                wd=N(n_weekday(loc)), ll=titled_full(ll, "fr"), tel=TEL(make_phone(loc)), em=EM(make_email(ll)))
        else:
            d.f("FOR RENT: bright 2-bed flat, {m2}, {street}. {price} per month, bills excl., available {date}.\n"
                "Viewings {wd} evening. Text {ll} on {tel} or email {em}. Listing: {url} (pin: {geo})",
                m2=N("%d m²" % R.randint(45, 110)), street=ST(a.street), price=N(n_price(loc, 500, 3000)),
                date=N(n_date(loc)), wd=N(n_weekday(loc)), ll=P(ll.first()), tel=TEL(make_phone(loc)),
                em=EM(make_email(ll)), url=URL(ch(["https://www.airbnb.com/rooms/" + pat("%#######"), url_for(make_company(loc)[1], 0.3)])),
                geo=N(n_coord()))
    else:
        d.f("TENANCY AGREEMENT (extract)\n\nThis agreement is made on {date} between\nLandlord: {ll}, of ",
            date=N(n_date(loc, True)), ll=P(ll.caps() if chance(0.3) else ll.full()))
        d.add(*make_addr(loc).inline())
        d.f("\nand\nTenant(s): {tn} and {tn2}\n\n1. Premises: {street}, ", tn=P(tn.full()), tn2=P(pp(loc).full()),
            street=ST(a.street))
        d.add(*a.tail())
        d.f("\n2. Term: 12 months from {date2}.\n3. Rent: {price} payable monthly in advance to {iban}.\n"
            "4. Deposit: {dep}, held by {agent}.\n5. Notices to the landlord by e-mail to {em} or by phone {tel}.\n"
            "6. Meter readings at handover: electricity {kwh}, gas {gas}.\n\nSigned: {ls}    {ts}",
            date2=N(n_date(loc)), price=N(n_price(loc, 500, 2500)), iban=IB(make_iban(iban_cc(loc))),
            dep=N(n_price(loc, 1000, 5000)), agent=N(make_company(loc)[0]), em=EM(make_email(ll)), tel=TEL(make_phone(loc)),
            kwh=N("%d kWh" % R.randint(1000, 40000)), gas=N("%d.%d m³" % (R.randint(100, 9999), R.randint(0, 9))),
            ls=P(ll.initial()), ts=P(tn.initial()))
    return d


def g_travel(loc):
    d = Doc()
    p = pp(loc)
    v = R.random()
    al = ch(["Lufthansa", "Ryanair", "KLM", "Iberia", "TAP Air Portugal", "Turkish Airlines", "SAS", "Emirates", "easyJet", "LOT Polish Airlines", "Air Europa"])
    if v < 0.4:
        d.f("BOARDING PASS\n{al}\nName: {name}\nFrom: {frm}  To: {to}\nFlight: {fl}  Date: {date}  Boarding: {time}\n"
            "Gate: {gate}  Seat: {seat}  Zone 3\nBooking ref: {pnr}   E-ticket: {etk}\nFrequent flyer: {ff}",
            al=N(al), name=[P(ascii_fold(p.sur).upper().replace("'", "") + "/" + ascii_fold(p.given).upper().replace(" ", "").replace("-", "")),
                            ch([" MR", " MS", " MRS", ""])] if chance(0.4) else P(p.western().upper()),
            frm=N(ch(["FRA", "LHR", "MAD", "CDG", "AMS", "IST", "WAW", "LIS", "FCO", "CPH", "DXB", "JFK"])),
            to=N(ch(["BCN", "ATH", "OSL", "VIE", "DUB", "PRG", "BUD", "OTP", "HEL", "SIN", "NBO", "LOS"])),
            fl=N(pat("^^ %###")), date=N(n_date(loc, True)), time=N(n_time(loc)), gate=N(pat("^%#")),
            seat=N(pat("%#^")), pnr=N(pat("??????")), etk=N(pat("%## %##########")), ff=N(pat("^^%########")))
    elif v < 0.75:
        c2 = pp(loc)
        hotel_a = make_addr(ch(ALL_LOCS))
        d.f("Your trip itinerary - booking {pnr}\nTravellers: {p}, {c2}\n\n{date}  {al} {fl}  dep {t1} arr {t2}\n"
            "Hotel: {hotel}, ", pnr=N(pat("??????")), p=P(p.full()), c2=P(c2.full()), date=N(n_date(loc, True)), al=N(al),
            fl=N(pat("^^%###")), t1=N(n_time()), t2=N(n_time()), hotel=N(ch(["Hotel Aurora", "Harbour View Inn", "Hostal Sol", "Grand Hotel Central", "Pension Alpenblick"])))
        d.add(*hotel_a.inline())
        d.f("\nHotel phone: {ht}\nCheck-in from {t3}, confirmation {conf}\nCar hire pick-up: {car} desk, driver {drv}, licence {lic}\n"
            "Paid with card {card}\nManage booking: {url}\nEmergency contact on file: {ec} {ect}",
            ht=TEL(make_phone(hotel_a.loc)), t3=N(n_time()), conf=N(pat("%#########")),
            car=N(ch(["Sixt", "Europcar", "Hertz", "Avis"])), drv=P(p.full()), lic=N(pat("^^%######")),
            card=CC(make_card()[0]), url=URL("https://www." + ch(["booking.com/mybooking", "expedia.com/trips", "lastminute.com/account"]) + "/" + pat("%#######")),
            ec=P(pp(loc).full()), ect=TEL(make_phone(loc)))
    else:
        d.f("Train ticket - {op}\nPassenger: {p}\n{date}  {frm} {t1} -> {to} {t2}\nCoach {coach}, seat {seat}\nTicket no. {tn}\n"
            "BahnCard/railcard: {bc}\nPaid with {card}\nSent to {em} - questions: {tel}",
            op=N(ch(["Deutsche Bahn", "SNCF", "Renfe", "Trenitalia", "ÖBB", "SBB", "NS International", "Eurostar"])),
            p=P(p.full()), date=N(n_date(loc)), frm=N(n_city(loc)), t1=N(n_time()), to=N(ch(["Wien Hbf", "Paris Gare de Lyon", "Milano Centrale", "Amsterdam Centraal", "Zürich HB", "Bruxelles-Midi"])),
            t2=N(n_time()), coach=str(R.randint(1, 14)), seat=str(R.randint(11, 98)), tn=N(pat("%#########")),
            bc=N(n_luhn_bad(False)), card=CC(make_card()[0]), em=EM(make_email(p)), tel=TEL(make_phone(loc)))
    return d


def g_newsletter(loc):
    d = Doc()
    ps = [pp(loc) for _ in range(5)]
    club = ch(["Riverside Rowing Club", "St. Aidan's Primary", "Harbour Chess Society", "Northside Running Club",
               "Linden Grove School", "Eastfield Allotment Association", "Greenway Choir"])
    if LOC[loc]["lbl"] == "de":
        club = ch(["TSV Eichenlaub 1898 e.V.", "Grundschule am Stadtpark", "Kleingartenverein Sonnenhof", "Chor Feldlerche"])
    d.f("{club} - Newsletter {month} {year}\n\nDear members and families,\n\n", club=N(club), month=N(n_month(loc)),
        year=str(R.randint(2023, 2025)))
    d.f("Congratulations to {a} and {b} who won the regional final on {wd}! Special thanks to coach {tc} "
        "and to {c}'s parents for the team bus.\n\n", a=P(ps[0].full()), b=P(ps[1].full()), wd=N(n_weekday(loc)),
        tc=titled(ps[2]), c=P(ps[3].first()))
    if chance(0.6):
        d.f("Book club pick for next month: \"{book}\" (ISBN {isbn}), copies at the library desk.\n\n",
            book=N(ch(["The Quiet Harbour", "Salt and Cedar", "A Map of Small Rivers", "Winter Orchard", "The Glass Lighthouse"])),
            isbn=N(n_isbn()))
    d.f("Our new treasurer is {t} - membership fees ({fee}) can be paid to {iban}, reference \"{ref}\".\n\n",
        t=P(ps[4].full()), fee=N(n_price(loc, 20, 250)), iban=IB(make_iban(iban_cc(loc))), ref=N(pat("MEMB-%###")))
    a = make_addr(loc)
    d.f("The summer party takes place on {date} at ", date=N(n_date(loc, True)))
    d.add(*a.inline())
    d.f(". Questions to {em} or call {p} on {tel}.\n\nPhotos: {url}\n\nUnsubscribe: {url2}",
        em=EM(ch(["info@", "secretary@", "news@"]) + make_company(loc)[1]), p=P(pp(loc).first()), tel=TEL(make_phone(loc)),
        url=URL(url_generic()), url2=URL(url_for(make_company(loc)[1], 0.4)))
    return d


def g_log(loc):
    d = Doc()
    p = pp(loc)
    comp, dom, _ = make_company(loc)
    v = R.random()
    if v < 0.35:
        for _ in range(R.randint(3, 5)):
            ip = make_ip()
            d.f('{ip} - - [{ts}] "GET {path} HTTP/1.1" {code} {size} "{ref}" "Mozilla/5.0"\n',
                ip=IPA(ip), ts=N("%02d/%s/%d:%02d:%02d:%02d +0100" % (R.randint(1, 28), ch(["Mar", "Apr", "Oct", "Nov"]), R.randint(2023, 2025), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59))),
                path=ch(["/api/v2/orders", "/login", "/account/settings", "/checkout/confirm", "/static/app.js"]),
                code=ch(["200", "302", "401", "404", "500"]), size=str(R.randint(120, 48000)), ref=URL(url_for(dom, 0.1)) if chance(0.6) else "-")
        d.f("{ts} WARN auth: failed login for user {em} from {ip} (attempt 3)\n", ts=N(n_iso_date() + "T" + n_time() + ":12Z"),
            em=EM(make_email(p)), ip=IPA(make_ip()))
    elif v < 0.65:
        d.f("Traceback (most recent call last):\n  File \"/srv/app/billing/service.py\", line {ln}, in charge\n"
            "    gateway.charge(customer_id={cid}, amount={amt})\n  File \"/srv/app/billing/gateway.py\", line {ln2}, in charge\n"
            "    raise PaymentError(f\"declined for {customer.name}\")\nbilling.errors.PaymentError: declined for {name} <{em}> "
            "card={card} ip={ip}\ncommit {git} | release {ver}\n",
            ln=str(R.randint(20, 400)), cid=N(pat("cus_??????????")), amt=str(R.randint(100, 99999)),
            ln2=str(R.randint(20, 400)), name=P(p.full()), em=EM(make_email(p)), card=CC(make_card()[0]), ip=IPA(make_ip()),
            git=N(n_git()), ver=N(n_version()))
    else:
        d.f("{ts} INFO  [mail-worker] sent password reset to {em} (user_id={uid}, locale={lc})\n"
            "{ts2} DEBUG [geo] client {ip} -> {coord}\n{ts3} ERROR [sms] delivery failed to {tel}: number unreachable\n"
            "{ts4} INFO  [audit] {admin} changed shipping address of order {order} to \"{street}\"\n"
            "{ts5} INFO  [net] dhcp lease {ip2} -> {mac} hostname=kiosk-04\n",
            ts=N(n_iso_date() + " " + n_time() + ":01"), em=EM(make_email(p)), uid=N(n_uuid()), lc=ch(["de_DE", "fr_FR", "en_GB", "es_ES", "pt_BR"]),
            ts2=N(n_iso_date() + " " + n_time() + ":02"), ip=IPA(make_ip()), coord=N(n_coord()),
            ts3=N(n_iso_date() + " " + n_time() + ":03"), tel=TEL(make_phone(loc)), ts4=N(n_iso_date() + " " + n_time() + ":04"),
            admin=P(pp(loc).full()), order=N(n_order()), street=ST(make_addr(loc).street),
            ts5=N(n_iso_date() + " " + n_time() + ":05"), ip2=IPA(ipv4(ch(["priv10", "priv192"]))), mac=N(n_mac()))
    return d


def g_sms(loc):
    d = Doc()
    lang = LOC[loc]["lbl"]
    p, q = pp(loc), pp(loc)
    v = R.random()
    if v < 0.4:
        d.f("Voicemail transcript ({dur}) - received {date} {time}\nFrom: {tel}\n\n", dur=N("0:%02d" % R.randint(12, 59)),
            date=N(n_date(loc)), time=N(n_time(loc)), tel=TEL(make_phone(loc)))
        if lang == "de":
            d.f("\"Ja, hallo, hier ist {p} von der Hausverwaltung. Es geht um die Wasserschadensache in der {street}. "
                "Können Sie mich bitte unter {tel} zurückrufen? Oder schreiben Sie an {em}. Danke, tschüss.\"",
                p=P(p.full()), street=ST(make_addr(loc).street), tel=tel_x(loc), em=EM(make_email(p)))
        elif lang == "fr":
            d.f("« Bonjour, c'est {p} du cabinet du docteur {doc}. Votre rendez-vous du {wd} est déplacé. "
                "Rappelez-nous au {tel}. Bonne journée. »", p=P(p.first()), doc=P(q.formal()), wd=N(n_weekday(loc)),
                tel=TEL(make_phone(loc)))
        else:
            d.f("\"Hi, this is {p} calling from {comp} about your delivery to {street}. The driver couldn't find the entrance. "
                "Please call me back on {tel}, or my colleague {q} on {tel2}. Thanks, bye.\"",
                p=P(p.full()), comp=N(make_company(loc)[0]), street=ST(make_addr(loc).street), tel=tel_x(loc),
                q=P(q.first()), tel2=TEL(make_phone(loc)))
    else:
        lines = []
        if lang == "es":
            lines = [("{p}: Hola, soy {pf}, la del 3ºB. ¿Me dejas el taladro?", dict(p=TEL(make_phone(loc)), pf=P(p.first()))),
                     ("Yo: claro, pásate. estoy en {street}", dict(street=ST(make_addr(loc).street))),
                     ("{p}: Gracias!! si no estoy avisa a {q}, {tel}", dict(p=TEL(make_phone(loc)), q=P(q.first()), tel=TEL(make_phone(loc))))]
        elif lang == "tr":
            lines = [("{p} Hanım merhaba, siparişiniz {order} yola çıktı. Kargo takip: {url}", dict(p=P(p.given), order=N(n_order()), url=URL(url_for(make_company(loc)[1], 0.3)))),
                     ("Teslimat adresi: {addr}", dict(addr=make_addr(loc).inline())),
                     ("Sorularınız için: {tel}", dict(tel=TEL(make_phone(loc))))]
        else:
            lines = [("SMS from {tel} ({date} {time}):", dict(tel=TEL(make_phone(loc)), date=N(n_date(loc)), time=N(n_time(loc)))),
                     ("Hi {pf}, your appointment with {doc} is confirmed for {wd} at {t}. Reply C to cancel.", dict(pf=P(p.first()), doc=titled(q), wd=N(n_weekday(loc)), t=N(n_time(loc)))),
                     ("Address: {addr}", dict(addr=make_addr(loc).inline())),
                     ("Your verification code is {code}. Never share it. Questions: {em}", dict(code=N(pat("%#####")), em=EM(ch(["help@", "support@"]) + make_company(loc)[1]))),
                     ("Me: thanks! can you email the form to {em2}?", dict(em2=EM(make_email(p))))]
            if chance(0.5):
                lines.append(("Me: and for the deposit use this card pls {card} (exp {exp})", dict(card=CC(make_card()[0]), exp=N("%02d/%02d" % (R.randint(1, 12), R.randint(26, 30))))))
        for t, kw in lines:
            d.f(t + "\n", **kw)
    return d


def g_market(loc):
    d = Doc()
    p = pp(loc)
    item = n_product()
    a = make_addr(loc)
    v = R.random()
    if v < 0.2:
        d.f("Selling my uni textbooks, all good condition:\n- {b1}, ISBN {i1} - {p1}\n- {b2}, ISBN {i2} - {p2}\n"
            "Collection near {street} or I post them. DM or text {tel}. Paying by card? send me your email and I'll invoice via {url}. - {p}",
            b1=N(ch(["Principles of Microeconomics", "Organic Chemistry", "Introduction to Algorithms", "Clinical Anatomy"])), i1=N(n_isbn()),
            p1=N(n_price(loc, 10, 60)), b2=N(ch(["Linear Algebra Done Right", "Business Law Essentials", "Human Physiology", "Statistics for Engineers"])),
            i2=N(n_isbn()), p2=N(n_price(loc, 10, 60)), street=ST(a.street), tel=TEL(make_phone(loc)),
            url=URL(ch(["https://www.paypal.me/", "https://pay.sumup.com/b2c/"]) + slug(p.given) + pat("%##")), p=P(p.first()))
    elif v < 0.55:
        d.f("[FOR SALE] {item} - {price}\nCondition: used, {age}. Original receipt + box. Serial {sn}.\n"
            "Pick-up at {street} or shipping for {ship}.\nContact {p}: {tel} / {em}\nPayment via bank transfer ({iban}) or cash.\n",
            item=N(item), price=N(n_price(loc, 30, 1500)), age=ch(["8 months", "2 years", "barely used"]), sn=N(pat("^^%#########")),
            street=ST(a.street), ship=N(n_price(loc, 4, 15)), p=P(p.first()), tel=TEL(make_phone(loc)), em=EM(make_email(p)),
            iban=IB(make_iban(iban_cc(loc))))
    else:
        buyer = pp(ch(ALL_LOCS))
        d.f("Message from buyer {b} about \"{item}\":\n\"Hi {pf}, is it still available? I can pay {price} now via card. "
            "Please send it to {addr}. My number is {tel}.\"\n\nSeller reply:\n\"Yes! Sent you a payment link: {url} - "
            "tracking will follow ({trk}). Thanks, {p}\"",
            b=P(buyer.full()), item=N(item), pf=P(p.first()), price=N(n_price(loc, 30, 900)), addr=make_addr(buyer.loc).inline(),
            tel=TEL(make_phone(buyer.loc)), url=URL(ch(["https://www.paypal.me/", "https://pay.sumup.com/b2c/", "https://buy.stripe.com/"]) + "".join(ch("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(12))),
            trk=N(n_tracking()), p=P(p.full()))
    return d


def g_review(loc):
    d = Doc()
    p, staff = pp(loc), pp(loc)
    stars = R.randint(1, 5)
    place = ch(["Trattoria Colle Verde", "Café Nordlicht", "Hotel Aurora", "Bistro Mistral", "Kestrel Dental", "Harbour View Inn", "Sonnenhof Apotheke"])
    d.f("{stars} {place} - review by {p} ({date})\n", stars="★" * stars + "☆" * (5 - stars), place=N(place), p=P(p.initial() if chance(0.4) else p.full()),
        date=N(n_date(loc, True)))
    a = make_addr(loc)
    if stars >= 4:
        d.f("We stayed two nights. {s} at reception was fantastic and even printed our boarding passes. "
            "Room {room} was spotless, {m2}. Easy to find at {street}. Would recommend!\n",
            s=P(staff.first()), room=N(pat("%0%")), m2=N("%d m²" % R.randint(14, 40)), street=ST(a.street))
    else:
        d.f("Booked for 6 at {time}, waited 40 minutes. The manager ({s}) was rude and charged {price} for tap water. "
            "I emailed {em} and called {tel} twice - no answer.\n", time=N(n_time(loc)), s=P(staff.full()),
            price=N(n_price(loc, 3, 20)), em=EM(ch(["info@", "hello@", "reservations@"]) + make_company(loc)[1]), tel=TEL(make_phone(loc)))
    if chance(0.5):
        d.f("\nResponse from the owner, {o}: Thank you for your feedback, {pf}. Please contact me directly at {oem}.",
            o=P(pp(loc).full()), pf=P(p.first()), oem=EM(make_email(pp(loc))))
    return d


def ics_dt():
    return "%d%02d%02dT%02d%02d00" % (R.randint(2023, 2025), R.randint(1, 12), R.randint(1, 28), R.randint(7, 19), ch([0, 15, 30, 45]))


def g_ics(loc):
    d = Doc()
    org, att1, att2 = pp(loc), pp(loc), pp(ch(ALL_LOCS))
    comp, dom, _ = make_company(loc)
    a = make_addr(loc)
    oe = make_email(org, dom)
    d.f("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Kestrel Labs//Calendar 4.2//EN\nBEGIN:VEVENT\nUID:{uid}\nDTSTAMP:{ts}Z\n"
        "DTSTART;TZID=Europe/Berlin:{start}\nDTEND;TZID=Europe/Berlin:{end}\nSUMMARY:{summ}\n",
        uid=N(n_uuid()), ts=(st0 := ics_dt()), start=N(st0),
        end=st0[:9] + "%02d%s" % (min(23, int(st0[9:11]) + 1), st0[11:]), summ=ch(["Contract review", "Apartment viewing", "Quarterly planning", "Onboarding call", "Dentist"]))
    d.t("LOCATION:")
    d.add(*a.inline("\\, "))
    d.f("\nORGANIZER;CN={o}:mailto:{oe}\nATTENDEE;CN={a1};ROLE=REQ-PARTICIPANT:mailto:{e1}\n"
        "ATTENDEE;CN={a2};ROLE=OPT-PARTICIPANT:mailto:{e2}\nDESCRIPTION:Dial-in {dial} or join {url}\\nHost: {ofirst} ({otel})\n"
        "END:VEVENT\nEND:VCALENDAR",
        o=P(org.full()), oe=EM(oe), a1=P(att1.full()), e1=EM(make_email(att1)), a2=P(att2.full()), e2=EM(make_email(att2)),
        dial=TEL(make_phone(loc)), url=URL(url_generic()), ofirst=P(org.first()), otel=TEL(make_phone(loc)))
    return d


def g_vcard(loc):
    d = Doc()
    p = pp(loc)
    comp, dom, _ = make_company(loc)
    a = make_addr(loc)
    d.f("BEGIN:VCARD\nVERSION:3.0\nN:{sur};{given};;;\nFN:{full}\nORG:{org}\nTITLE:{job}\nTEL;TYPE=CELL:{tel}\n"
        "TEL;TYPE=WORK,VOICE:{tel2}\nEMAIL;TYPE=INTERNET:{em}\nADR;TYPE=HOME:;;{street};{city};;{pc};{country}\n"
        "URL:{url}\nBDAY:{bday}\nNOTE:Met at {place}\\, assistant {asst}\nEND:VCARD",
        sur=P(p.sur), given=P(p.given), full=P(p.full()), org=N(comp), job=N(n_job(loc)), tel=TEL(make_phone(loc)),
        tel2=TEL(make_phone(loc)), em=EM(make_email(p, dom if chance(0.5) else None)), street=ST(a.street), city=N(a.city),
        pc=N(a.pc) if a.pc else "", country=N(LOC[a.loc]["country"]), url=URL(url_for(dom, 0.05)), bday=N("%d-%02d-%02d" % (R.randint(1950, 2004), R.randint(1, 12), R.randint(1, 28))),
        place=N(n_place(loc)), asst=P(pp(loc).full()))
    return d


# ----------------------------------------------------------------------------------------------
# validation
# ----------------------------------------------------------------------------------------------
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
TITLE_PREFIX = re.compile(r"^(Mr|Mrs|Ms|Miss|Dr|Prof|Herr|Herrn|Frau|M\.|Mme|Mlle|Me|Sr|Sra|Srta|Dña|Sig|Dott|Avv|Ing|"
                          r"dhr|mevr|Pan|Pani|pan|paní|dl|dna|Khun|Lic|Eng)(\.|\b)\s")
URL_TAIL = ".,;:!?)]}'\"»"


def hard_checks(text, ents, negs):
    """Assertions that must hold for every item (raise AssertionError)."""
    b = text.encode("utf-8")
    last = -1
    for e in ents:
        assert e["type"] in TYPES, e
        s, t, v = e["start"], e["end"], e["value"]
        assert 0 <= s < t <= len(b), e
        assert b[s:t].decode("utf-8") == v, (e, b[s:t])
        assert s >= last, ("overlap", e)
        last = t
        typ = e["type"]
        if typ == "credit_card":
            assert luhn_ok(v) and card_scheme_ok(v), v
        elif typ == "iban":
            assert iban_ok(v), v
        elif typ == "ip_address":
            assert ip_ok(v), v
        elif typ == "email":
            assert EMAIL_RE.match(v), v
        elif typ == "phone":
            assert v[0] in "+(" or v[0].isdigit(), v
            assert v[-1].isdigit(), v
        elif typ == "url":
            assert v.startswith(("http://", "https://", "www.")), v
            assert v[-1] not in URL_TAIL, v
        elif typ == "person":
            assert not TITLE_PREFIX.match(v), v
            assert not v.endswith("'s"), v
        elif typ == "street_address":
            assert any(c.isdigit() for c in v), v
    assert not PH_RE.search(text) or "{customer.name}" in text, text
    for n in negs:
        nb = n.encode("utf-8")
        assert nb in b, ("negative missing", n)


def char_to_byte(text):
    out = [0]
    acc = 0
    for c in text:
        acc += len(c.encode("utf-8"))
        out.append(acc)
    return out


def soft_problems(text, ents, negs):
    """Conditions that trigger regeneration (and are asserted at the end)."""
    b = text.encode("utf-8")
    spans = [(e["start"], e["end"]) for e in ents]

    def inside(s, t):
        return any(S <= s and t <= E for S, E in spans)

    def overlaps(s, t):
        return any(s < E and S < t for S, E in spans)

    for n in negs:
        nb = n.encode("utf-8")
        i = b.find(nb)
        while i != -1:
            if overlaps(i, i + len(nb)):
                return "negative %r overlaps an entity" % n
            i = b.find(nb, i + 1)
    c2b = char_to_byte(text)
    seen = set()
    for e in ents:
        v = e["value"]
        if v in seen:
            continue
        seen.add(v)
        for m in re.finditer(r"(?<!\w)" + re.escape(v) + r"(?!\w)", text):
            s, t = c2b[m.start()], c2b[m.end()]
            if not inside(s, t):
                return "unlabelled copy of %r" % v
    return None


# ----------------------------------------------------------------------------------------------
# driver
# ----------------------------------------------------------------------------------------------
GENRES = [
    (g_support, 40), (g_email, 40), (g_groupchat, 36), (g_minutes, 25), (g_form, 35), (g_kv, 30), (g_sheet, 36),
    (g_struct, 30), (g_sql, 18), (g_invoice, 30), (g_receipt, 18), (g_shipping, 28), (g_hr, 25), (g_clinic, 25),
    (g_legal, 25), (g_rental, 28), (g_travel, 28), (g_newsletter, 18), (g_log, 25), (g_sms, 30), (g_market, 25),
    (g_review, 25), (g_ics, 18), (g_vcard, 22),
]


def build():
    sched = []
    for fn, w in GENRES:
        sched += [fn] * w
    R.shuffle(sched)
    locs = []
    while len(locs) < len(sched):
        block = list(ALL_LOCS)
        R.shuffle(block)
        locs += block
    items = []
    regen = 0
    for i, fn in enumerate(sched):
        loc = locs[i]
        for attempt in range(60):
            d = fn(loc)
            text = d.text()
            ents = sorted(d.ents, key=lambda e: e["start"])
            negs = list(dict.fromkeys(d.negs))
            hard_checks(text, ents, negs)
            prob = soft_problems(text, ents, negs)
            if prob is None:
                break
            regen += 1
        else:
            raise AssertionError("could not build item %d (%s/%s): %s" % (i, fn.__name__, loc, prob))
        items.append({"id": "tenth-%05d" % (i + 1), "text": text, "entities": ents, "negatives": negs,
                      "_genre": fn.__name__[2:], "_loc": loc})
    return items, regen


def main():
    t0 = time.time()
    items, regen = build()
    # final assertions over the finished set
    for it in items:
        hard_checks(it["text"], it["entities"], it["negatives"])
        assert soft_problems(it["text"], it["entities"], it["negatives"]) is None, it["id"]
    with open(OUT, "w", encoding="utf-8") as fh:
        for it in items:
            rec = {"id": it["id"], "text": it["text"],
                   "entities": [{"type": e["type"], "value": e["value"], "start": e["start"], "end": e["end"]}
                                for e in it["entities"]],
                   "negatives": it["negatives"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    counts = {t: 0 for t in TYPES}
    for it in items:
        for e in it["entities"]:
            counts[e["type"]] += 1
    total = sum(counts.values())
    persons = [e["value"] for it in items for e in it["entities"] if e["type"] == "person"]
    inv_l = [x.lower() for x in INV_PARTS]
    n_inv = sum(1 for v in persons if any(x in v.lower() for x in inv_l))
    genres, locs = {}, {}
    for it in items:
        genres[it["_genre"]] = genres.get(it["_genre"], 0) + 1
        locs[it["_loc"]] = locs.get(it["_loc"], 0) + 1
    n_negs = sum(len(it["negatives"]) for it in items)
    with_negs = sum(1 for it in items if it["negatives"])
    print("wrote %s" % OUT)
    print("items: %d   entities: %d   negatives: %d (items with negatives: %d)   regenerated candidates: %d"
          % (len(items), total, n_negs, with_negs, regen))
    for t in TYPES:
        print("  %-15s %5d" % (t, counts[t]))
    print("invented-name person spans: %d of %d (%.1f %%)" % (n_inv, len(persons), 100.0 * n_inv / max(1, len(persons))))
    print("genres: " + ", ".join("%s=%d" % kv for kv in sorted(genres.items())))
    print("locales (%d): " % len(locs) + ", ".join("%s=%d" % kv for kv in sorted(locs.items())))
    print("seed %d, run time %.2f s" % (SEED, time.time() - t0))
    assert len(items) >= 550 and total >= 3000
    assert counts["person"] >= 900 and counts["street_address"] >= 350
    assert all(counts[t] >= 100 for t in TYPES), counts


if __name__ == "__main__":
    main()
