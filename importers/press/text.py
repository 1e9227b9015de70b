"""Press documents as text: HTML reduction, page metadata, furniture removal, segments, sentences, dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from .lexicon import LEX

# ---- dates ----------------------------------------------------------------------------------
_MONTHS = "|".join(sorted(LEX.months, key=len, reverse=True))
DATE_NUM = re.compile(r"(\d(?<!\w.)\d?)\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b")
DATE_LONG = re.compile(rf"(\d(?<!\w.)\d?)\.?\s+({_MONTHS})\s+((?:19|20)\d{{2}})\b", re.I)
DATE_MONTH = re.compile(rf"\b({_MONTHS})\s+((?:19|20)\d{{2}})\b", re.I)
DATE_ISO = re.compile(r"((?:1(?<!\w.)9|2(?<!\w.)0)\d{2})-(\d{2})-(\d{2})")
_DIGIT = re.compile(r"\d")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # in every DATE_MONTH match
_DAY_DOT = re.compile(r"\d\.\s")  # in every DATE_DAY_NOYEAR match
DATE_DAY_NOYEAR = re.compile(rf"\bam\s+(\d{{1,2}})\.\s+({_MONTHS})\b(?!\s+(?:19|20)\d{{2}})", re.I)


def find_date(text: str, year_hint: str | None = None) -> tuple[str, int] | None:
    """The first date written in ``text`` as (ISO, position): '27.10.2025', '27. Oktober 2025',
    'im Oktober 2025' (-> '2025-10'), 'am 3. Mai' (with ``year_hint``)."""
    if not _DIGIT.search(text):  # every date pattern needs a digit; most sentences have none
        return None
    hits: list[tuple[int, str]] = []
    for m in DATE_NUM.finditer(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
        if 1 <= d <= 31 and 1 <= mo <= 12:
            hits.append((m.start(), f"{y}-{mo:02d}-{d:02d}"))
    for m in DATE_LONG.finditer(text):
        hits.append((m.start(), f"{m.group(3)}-{LEX.months[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"))
    for m in DATE_ISO.finditer(text):
        hits.append((m.start(), m.group(0)))
    if not hits:  # the two case-insensitive scans below (entered at every word) only where their digits are
        for m in DATE_MONTH.finditer(text) if _YEAR_DIGITS.search(text) else ():
            hits.append((m.start(), f"{m.group(2)}-{LEX.months[m.group(1).lower()]:02d}"))
        if year_hint and _DAY_DOT.search(text):
            for m in DATE_DAY_NOYEAR.finditer(text):
                hits.append((m.start(), f"{year_hint[:4]}-{LEX.months[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"))
    if not hits:
        return None
    pos, iso = min(hits)
    return iso, pos


def compatible_dates(a: str | None, b: str | None) -> bool:
    """Whether two (possibly reduced or missing) ISO dates can name the same day."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


# ---- HTML -----------------------------------------------------------------------------------
_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "button", "iframe", "template"}
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "figcaption",
               "blockquote", "ul", "ol", "figure", "dd", "dt", "table", "title"}
_AD_CLASS = re.compile(r"(?:^|[\s_-])(?:ad|ads|advert\w*|anzeige|banner|promo\w*|sponsor\w*|cookie\w*|newsletter|abo|paywall|"
                       r"subscribe|social|share|breadcrumb\w*|menu|nav\w*|sidebar|related)(?:$|[\s_-])", re.I)
_DATE_META = ("article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.date", "pubdate", "publishdate",
              "og:published_time", "datepublished", "publication_date", "dc.date.created")
#: Real pages nest a few dozen elements deep; the parser's cost grows with the square of the depth, so a
#: page nested deeper than this (only a broken or hostile one is) is read with its layout tags as line breaks.
MAX_DEPTH = 512
_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)[^>]*?(/?)>")
_LAYOUT = re.compile(r"</?(?:div|span|section|article|main|font|b|i|em|strong|a|center|table|tbody|tr|td|th|ul|ol|li|dl|dd|dt)\b[^>]*>", re.I)
_NO_CLOSE = frozenset({"br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col", "embed", "param", "track",
                       "p", "li", "dd", "dt", "tr", "td", "th", "option"})


def _too_deep(html: str) -> bool:
    """Whether tags open more than MAX_DEPTH levels deep (elements that may omit their end tag not counted)."""
    depth = 0
    for m in _TAG.finditer(html):
        tag = m.group(2).lower()
        if tag in _NO_CLOSE or m.group(3):
            continue
        depth += -1 if m.group(1) else 1
        if depth > MAX_DEPTH:
            return True
    return False


@dataclass
class PageMeta:
    """What a page says about itself (kept on the Source node)."""

    title: str | None = None
    published: str | None = None
    url: str | None = None
    publisher: str | None = None


def html_to_text(html: str) -> tuple[str, PageMeta]:
    """Visible text (block elements become lines) and the page's metadata, by an HTML5 parser (lexbor):
    end tags a page omits ('</li>', '</p>') are implied as browsers do."""
    if _too_deep(html):
        html = _LAYOUT.sub("\n", html)
    tree = LexborHTMLParser(html)
    meta_tags: dict[str, str] = {}
    for node in tree.css("meta"):
        a = node.attributes
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        content = a.get("content")
        if key and content:
            meta_tags.setdefault(key, content)
    canonical = next((n.attributes.get("href") for n in tree.css("link[rel]")
                      if "canonical" in (n.attributes.get("rel") or "").lower()), None)
    for node in tree.css("time[datetime]"):
        meta_tags.setdefault("time", node.attributes.get("datetime") or "")
        break
    title_node = tree.css_first("title")
    title = title_node.text(deep=True).strip() if title_node is not None else ""
    body = tree.body
    text = ""
    if body is not None:
        for node in body.css(",".join(sorted(_SKIP_TAGS))):
            node.decompose()
        for node in body.css("[class], [id]"):
            a = node.attributes
            if _AD_CLASS.search(f"{a.get('class') or ''} {a.get('id') or ''}"):
                node.decompose()
        for node in body.css("br"):
            node.replace_with("\n")
        for node in body.css(",".join(sorted(_BLOCK_TAGS - {"br", "title"}))):
            node.insert_before("\n")
            node.insert_after("\n")
        text = body.text(deep=True, separator="")
    text = re.sub(r"[ \t\xa0]+", " ", text)
    text = "\n".join(line.strip() for line in text.splitlines())
    published = None
    for key in (*_DATE_META, "time"):
        if meta_tags.get(key):
            hit = find_date(meta_tags[key])
            if hit:
                published = hit[0]
                break
    meta = PageMeta(title=title or meta_tags.get("og:title"), published=published,
                    url=canonical or meta_tags.get("og:url"), publisher=meta_tags.get("og:site_name"))
    return text, meta


def looks_like_html(text: str) -> bool:
    """Whether text is an HTML page rather than prose."""
    head = text[:2048].lstrip()
    if "<" not in head:  # every test below needs one (lower-casing 2 KB of prose is not free)
        return False
    head = head.lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


# ---- segments -------------------------------------------------------------------------------
TEASER_LINE = re.compile(r"^\[(\d{1,2}\.\d{1,2}\.\d{4})\]\s*(.+)$")
_MORE = re.compile(r"\s*(?:mehr\s*\.\.\.|mehr…|weiterlesen|\[mehr\]|read more)\s*$", re.I)
_FURNITURE = re.compile(r"^(?:" + "|".join(re.escape(w) for w in LEX.furniture_lines) + r")\b", re.I)
_AD_LINE = re.compile(r"^(?:" + "|".join(re.escape(w) for w in LEX.ad_markers) + r")\s*:?\s*$")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")
_PUBLISHED = re.compile(r"^(?:Veröffentlicht|Erschienen|Stand|Datum|Published)\b[^0-9]{0,20}(.*)$", re.I)
_RELEASE = re.compile(r"^(?:Presse|Medien)?(?:mitteilung|meldung|information)\b.{0,30}?\bvom\s+\d", re.I)
_DATE_LINE = re.compile(r"^(?:[A-Za-zäöü]+,?\s+)?(?:den\s+)?\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{2,4}|[A-Za-zäöü]+\s+\d{4})(?:[\s,|-]+\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*$")
#: Whitespace other than single spaces (``\\s`` is ``str.isspace``): only then does a line need ' '.join(split()).
#: Any of the five line patterns above (one test for the ordinary line that is none of them).
_MARKED = re.compile("|".join([_AD_LINE.pattern, f"(?i:{_PUBLISHED.pattern})", f"(?i:{_FURNITURE.pattern})", _URL_ONLY.pattern,
                               TEASER_LINE.pattern]))


@dataclass
class Segment:
    """One story of a page: the main article, or one teaser with its own heading and date."""

    lines: list[str]
    teaser: bool = False
    date: str | None = None
    heading: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line_sentences(self) -> list[list[tuple[int, str]]]:
        """``sentences(line)`` of every line, split once per story (the rules and the role model both read them)."""
        split = self.__dict__.get("_sentences")
        if split is None:
            split = self.__dict__["_sentences"] = [sentences(line) for line in self.lines]
        return split


@dataclass
class PressDoc:
    """A press document ready for extraction."""

    path: Path
    main: Segment
    teasers: list[Segment] = field(default_factory=list)
    meta: PageMeta = field(default_factory=PageMeta)
    nbytes: int = 0
    sha256: str | None = None


def prepare(path: Path, text: str, nbytes: int = 0) -> PressDoc:
    """Split decoded text (or HTML) into main story and teasers; drop furniture, ads and repeated lines."""
    meta = PageMeta()
    if looks_like_html(text):
        text, meta = html_to_text(text)
    raw = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    main: list[str] = []
    teasers: list[Segment] = []
    seen: set[str] = set()
    skip_ad = False
    kept = False  # whether the last non-blank line went to ``main`` (a teaser takes it as its heading)
    for i, line in enumerate(raw):
        if not line:
            skip_ad = False
            continue
        after_kept, kept = kept, False
        if i < 12 and not meta.published and _RELEASE.match(line):
            hit = find_date(line)
            if hit:
                meta.published = hit[0]  # 'Pressemitteilung Nr. 63 vom 16.02.2024 …'
        if i < 12 and not meta.published and len(line) <= 40 and _DATE_LINE.match(line):
            hit = find_date(line)
            if hit:
                meta.published = hit[0]  # a bare date line near the top: the release date
                continue
        if skip_ad:
            continue
        if _MARKED.match(line) is None:
            pass  # an ordinary line: none of the tests below applies
        elif _AD_LINE.match(line):
            skip_ad = True  # the ad's lines up to the next blank line
            continue
        elif _marked_line(line, main, teasers, meta, after_kept):
            continue
        key = " ".join(line.split()).casefold()  # = line where _SPACED finds nothing (lines are stripped; \s = str.isspace)
        if key in seen:
            continue
        seen.add(key)
        main.append(line)
        kept = True
    if meta.title is None and main:
        meta.title = main[0][:200]
    return PressDoc(path, Segment(main), teasers, meta, nbytes)


def _marked_line(line: str, main: list[str], teasers: list[Segment], meta: PageMeta, heading_ok: bool = True) -> bool:
    """Take a 'Veröffentlicht am …' date, furniture, a bare URL or a teaser line; False for other lines.

    ``heading_ok``: the line before was kept in ``main`` (not dropped as a repeat), so it may be the teaser's heading."""
    pub = _PUBLISHED.match(line)
    if pub and len(line) < 80:
        hit = find_date(pub.group(1))
        if hit and not meta.published:
            meta.published = hit[0]
        return True
    if _FURNITURE.match(line) or _URL_ONLY.match(line):
        return True
    t = TEASER_LINE.match(line)
    if t:
        heading = main.pop() if heading_ok and main and _is_heading(main[-1]) else None
        hit = find_date(t.group(1))
        teasers.append(Segment([*(x for x in [heading] if x), _MORE.sub("", t.group(2))], True,
                               hit[0] if hit else None, heading))
        return True
    return False


def _is_heading(line: str) -> bool:
    return len(line) < 120 and not line.rstrip().endswith((".", "!", "?", "“", '"', ")"))


# ---- sentences ------------------------------------------------------------------------------
_ABBREV = re.compile(r"(?:\b(?:Dr|Prof|St|Nr|ca|bzw|z\.B|u\.a|v\.l|l|n\.r|Dipl\.-Ing|Str|Tel|inkl|evtl|ggf|vgl|Mio|Mrd|Abs|Hr|Fr|e\.V|d\.h|u|z|v|r|II|III|IV|VI|VII|VIII|IX|Bgm|Vizebgm|Bgmin|LAbg|Mag|MMag|Ing|lic|[A-ZÄÖÜ])|(?<!\d\d\d)\d)\.$")  # 'Jörg K. Wendland': an initial
#: A sentence end: the white space (group 1) after '.', '!', '?', '…' or a closing quote, before a capital,
#: an opening quote or a bracket. Opening with the punctuation, re skips ahead to it (not to every space).
_SENT_END = re.compile(r"[.!?…“\"](\s+)(?=[A-ZÄÖÜ„\"(\[])")


#: Longer "sentences" (no real one is) are cut at spaces, so rules stay linear in the input.
MAX_SENTENCE = 1500


def sentences(line: str) -> list[tuple[int, str]]:
    """Sentences of one line with their offsets (abbreviations and dates do not end a sentence)."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _SENT_END.finditer(line):
        at = m.start(1)
        # only the chunk's end matters: a '.' (every abbreviation ends so) and the 12 characters before it, more
        # than the longest abbreviation and the character its boundary looks at ('Dipl.-Ing.': 10)
        if line[at - 1] == "." and _ABBREV.search(line[max(start, at - 12):at]):
            continue
        out.append((start, line[start:at]))
        start = m.end(1)
    out.append((start, line[start:]))
    return [piece for o, s in out if s.strip() for piece in _bounded(o, s)]


def _bounded(offset: int, text: str) -> list[tuple[int, str]]:
    """``text`` as pieces of at most MAX_SENTENCE characters, cut at the last space before the bound."""
    pieces = []
    while len(text) > MAX_SENTENCE:
        cut = text.rfind(" ", 0, MAX_SENTENCE)
        if cut > 0:
            pieces.append((offset, text[:cut]))
        else:
            cut = MAX_SENTENCE  # one token longer than any sentence: no words, no facts; skipped
        offset, text = offset + cut, text[cut:]
    if " " in text.strip() or len(text) < MAX_SENTENCE // 10:
        pieces.append((offset, text))
    return pieces
