"""What names a currency, and which ISO 4217 code it means.

A currency is written as a symbol (`$`, `€`), a code (`USD`, `MXN`), a symbol with a country
prefix (`US$`, `C$`, `hk $`) or a name, possibly with a nationality (`pesos`, `australian
dollars`). Bare `$`, `dollars` and `pesos` mean the most common currency of that name (USD, MXN)
unless something in the phrase says otherwise; names shared by many currencies with no usual
reading (`dinar`, `franc`, `krone`) need the nationality.
"""

from __future__ import annotations

#: Currency signs. `$` alone is USD (the spec's rule); a prefix may change that.
SYMBOLS: dict[str, str] = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "₫": "VND",
    "₱": "PHP",
    "₦": "NGN",
    "฿": "THB",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "₴": "UAH",
    "₲": "PYG",
    "₵": "GHS",
    "元": "CNY",
    "ரூ": "LKR",
}

#: Letters in front of `$` that say whose dollar (or peso) it is: `US$`, `C$`, `A$`, `MX$`.
DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD",
    "u.s": "USD",
    "u.s.": "USD",
    "usd": "USD",
    "c": "CAD",
    "ca": "CAD",
    "can": "CAD",
    "cad": "CAD",
    "a": "AUD",
    "au": "AUD",
    "aud": "AUD",
    "nz": "NZD",
    "nzd": "NZD",
    "hk": "HKD",
    "hkd": "HKD",
    "s": "SGD",
    "sg": "SGD",
    "sgd": "SGD",
    "nt": "TWD",
    "mx": "MXN",
    "mex": "MXN",
    "mxn": "MXN",
    "r": "BRL",
    "ar": "ARS",
}

#: ISO 4217 codes read in any case. Codes that are also English words ("ALL", "TRY", "PEN",
#: "TOP", "CUP") are read only in capitals, from `CAPITAL_ONLY_CODES`.
CODES: frozenset[str] = frozenset(
    [
        "usd",
        "eur",
        "gbp",
        "jpy",
        "cny",
        "chf",
        "cad",
        "aud",
        "nzd",
        "hkd",
        "sgd",
        "inr",
        "mxn",
        "brl",
        "ars",
        "clp",
        "cop",
        "zar",
        "rub",
        "krw",
        "sek",
        "nok",
        "dkk",
        "pln",
        "czk",
        "huf",
        "ils",
        "kwd",
        "qar",
        "sar",
        "aed",
        "egp",
        "lbp",
        "bgn",
        "myr",
        "idr",
        "thb",
        "vnd",
        "uah",
        "mnt",
        "ngn",
        "kes",
        "pkr",
        "bdt",
        "twd",
        "lkr",
        "ghs",
        "php",
    ]
)
CAPITAL_ONLY_CODES: frozenset[str] = frozenset({"TRY", "PEN", "RM", "LE"})
#: Codes and abbreviations that are not ISO codes but mean one currency.
CODE_ALIASES: dict[str, str] = {
    "rmb": "CNY",
    "rs": "INR",
    "rs.": "INR",
    "rm": "MYR",
    "le": "EGP",
    "l.e": "EGP",
    "l.e.": "EGP",
}

#: A name's family, singular and plural spellings alike.
NAME_FAMILIES: dict[str, str] = {
    "dollar": "dollar",
    "dollars": "dollar",
    "buck": "buck",
    "bucks": "buck",
    "euro": "euro",
    "euros": "euro",
    "€ur": "euro",
    "pound": "pound",
    "pounds": "pound",
    "quid": "pound",
    "sterling": "pound",
    "yen": "yen",
    "yuan": "yuan",
    "renminbi": "yuan",
    "kuai": "yuan",
    "peso": "peso",
    "pesos": "peso",
    "rupee": "rupee",
    "rupees": "rupee",
    "franc": "franc",
    "francs": "franc",
    "lira": "lira",
    "liras": "lira",
    "ringgit": "ringgit",
    "ringgits": "ringgit",
    "shekel": "shekel",
    "shekels": "shekel",
    "tugrik": "tugrik",
    "tugriks": "tugrik",
    "markka": "markka",
    "markkaa": "markka",
    "peseta": "peseta",
    "pesetas": "peseta",
    "guilder": "guilder",
    "guilders": "guilder",
    "won": "won",
    "rand": "rand",
    "ruble": "ruble",
    "rubles": "ruble",
    "rouble": "ruble",
    "roubles": "ruble",
    "zloty": "zloty",
    "zlotys": "zloty",
    "forint": "forint",
    "baht": "baht",
    "rupiah": "rupiah",
    "naira": "naira",
    "dirham": "dirham",
    "dirhams": "dirham",
    "riyal": "riyal",
    "riyals": "riyal",
    "dinar": "dinar",
    "dinars": "dinar",
    "krona": "krona",
    "kronor": "krona",
    "krone": "krone",
    "kroner": "krone",
    "hryvnia": "hryvnia",
    "hryvnias": "hryvnia",
    "real": "real",
    "reais": "real",
}

#: The code a name means with no nationality; families missing here need one.
DEFAULT_CODES: dict[str, str] = {
    "dollar": "USD",
    "buck": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "peso": "MXN",
    "rupee": "INR",
    "lira": "TRY",
    "ringgit": "MYR",
    "shekel": "ILS",
    "tugrik": "MNT",
    "markka": "FIM",
    "peseta": "ESP",
    "guilder": "NLG",
    "won": "KRW",
    "rand": "ZAR",
    "ruble": "RUB",
    "zloty": "PLN",
    "forint": "HUF",
    "baht": "THB",
    "rupiah": "IDR",
    "naira": "NGN",
    "dirham": "AED",
    "krona": "SEK",
    "hryvnia": "UAH",
}

#: Names that are also ordinary words ("pound" of weight, "real", "won", "rand"): money only
#: with a nationality, a scale word, or when the parser's NER calls the phrase MONEY.
AMBIGUOUS_FAMILIES: frozenset[str] = frozenset({"pound", "real", "won", "rand"})

#: (nationality, family) -> code. A nationality may be two words ("new zealand").
NATIONAL_CODES: dict[tuple[str, str], str] = {
    **{(n, "dollar"): "USD" for n in ("us", "u.s.", "u.s", "american", "united states")},
    ("canadian", "dollar"): "CAD",
    ("australian", "dollar"): "AUD",
    ("new zealand", "dollar"): "NZD",
    ("hong kong", "dollar"): "HKD",
    ("singapore", "dollar"): "SGD",
    ("singaporean", "dollar"): "SGD",
    ("taiwan", "dollar"): "TWD",
    ("new taiwan", "dollar"): "TWD",
    ("jamaican", "dollar"): "JMD",
    ("zimbabwean", "dollar"): "ZWL",
    ("mexican", "peso"): "MXN",
    ("argentine", "peso"): "ARS",
    ("argentinian", "peso"): "ARS",
    ("chilean", "peso"): "CLP",
    ("colombian", "peso"): "COP",
    ("philippine", "peso"): "PHP",
    ("cuban", "peso"): "CUP",
    ("dominican", "peso"): "DOP",
    ("uruguayan", "peso"): "UYU",
    ("british", "pound"): "GBP",
    ("egyptian", "pound"): "EGP",
    ("lebanese", "pound"): "LBP",
    ("syrian", "pound"): "SYP",
    ("sudanese", "pound"): "SDG",
    ("swiss", "franc"): "CHF",
    ("french", "franc"): "FRF",
    ("belgian", "franc"): "BEF",
    ("cfa", "franc"): "XOF",
    ("indian", "rupee"): "INR",
    ("pakistani", "rupee"): "PKR",
    ("sri lankan", "rupee"): "LKR",
    ("nepalese", "rupee"): "NPR",
    ("chinese", "yuan"): "CNY",
    ("japanese", "yen"): "JPY",
    ("turkish", "lira"): "TRY",
    ("italian", "lira"): "ITL",
    ("malaysian", "ringgit"): "MYR",
    ("malaysia", "ringgit"): "MYR",
    ("israeli", "shekel"): "ILS",
    ("finnish", "markka"): "FIM",
    ("spanish", "peseta"): "ESP",
    ("dutch", "guilder"): "NLG",
    ("south korean", "won"): "KRW",
    ("korean", "won"): "KRW",
    ("south african", "rand"): "ZAR",
    ("russian", "ruble"): "RUB",
    ("brazilian", "real"): "BRL",
    ("kuwaiti", "dinar"): "KWD",
    ("bahraini", "dinar"): "BHD",
    ("jordanian", "dinar"): "JOD",
    ("iraqi", "dinar"): "IQD",
    ("libyan", "dinar"): "LYD",
    ("tunisian", "dinar"): "TND",
    ("algerian", "dinar"): "DZD",
    ("serbian", "dinar"): "RSD",
    ("saudi", "riyal"): "SAR",
    ("qatari", "riyal"): "QAR",
    ("omani", "rial"): "OMR",
    ("uae", "dirham"): "AED",
    ("emirati", "dirham"): "AED",
    ("moroccan", "dirham"): "MAD",
    ("swedish", "krona"): "SEK",
    ("icelandic", "krona"): "ISK",
    ("norwegian", "krone"): "NOK",
    ("danish", "krone"): "DKK",
    ("ukrainian", "hryvnia"): "UAH",
}
NATIONALITY_MAX_WORDS = max(len(nation.split()) for nation, _ in NATIONAL_CODES)

#: Hundredths of a currency: (word -> the family or code whose hundredth it is).
MINOR_UNITS: dict[str, str] = {
    "cent": "USD",
    "cents": "USD",
    "¢": "USD",
    "penny": "USD",
    "pennies": "USD",
    "pence": "GBP",
    "sen": "MYR",
    "sens": "MYR",
    "kopiyka": "UAH",
    "kopiykas": "UAH",
    "kopecks": "RUB",
    "centavos": "MXN",
}
#: Minor units written glued to the digits only ("43c", "50p"): spaced, they are other things.
GLUED_MINOR_UNITS: dict[str, str] = {"c": "USD", "p": "GBP"}


def code_of(text: str) -> str | None:
    """The ISO code an abbreviation stands for (`usd`, `RMB`, `Rs.`), or None."""
    if text in CAPITAL_ONLY_CODES:
        return CODE_ALIASES.get(text.lower(), text)
    lower = text.lower()
    if lower in CODES:
        return lower.upper()
    if lower in CODE_ALIASES and lower not in {c.lower() for c in CAPITAL_ONLY_CODES}:
        return CODE_ALIASES[lower]
    return None


def million_code_of(text: str) -> str | None:
    """`MUSD`, `MEUR`: a code prefixed by M (millions), common in financial filings."""
    if len(text) == 4 and text[0] == "M" and text[1:].isupper():
        return code_of(text[1:])
    return None


def name_family(text: str) -> str | None:
    return NAME_FAMILIES.get(text.lower())


def national_code(nationality: str, family: str) -> str | None:
    return NATIONAL_CODES.get((nationality.lower(), family))


#: Dollar prefixes read only when glued to the `$`: spaced, they are English words.
PREFIXES_THAT_ARE_WORDS: frozenset[str] = frozenset({"a", "can", "s", "r", "ar"})
