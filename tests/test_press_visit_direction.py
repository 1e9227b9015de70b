"""Direction of press visits (session 6): who moves where, told by the grammar of the visit sentence, each
phenomenon on a short text of our own (real gazetteer places, invented persons)."""

from __future__ import annotations

from pathlib import Path

from tests.press_text import read, visits


def _visits(tmp_path: Path, text: str) -> list[dict]:
    """Each visit of ``text``: its sides' bodies, lead and persons by side."""
    return visits(*read(tmp_path, text))


def _pairs(tmp_path: Path, text: str) -> set[tuple[str | None, str | None]]:
    return {(v["guest"], v["host"]) for v in _visits(tmp_path, text)}


def test_the_inviter_hosts_and_the_leaders_body_visits(tmp_path: Path):
    """'Auf Einladung des Landrats des Landkreises B besuchte eine Delegation unter Leitung des Landrats des Landkreises
    A das Landratsamt': the inviter's body hosts, the body of the one leading the delegation visits."""
    text = ("Ravensburg, 3. Mai 2022. Auf Einladung des Landrats des Landkreises Ravensburg, Herrn Paul Weinreich, besuchte "
            "am Freitag eine Delegation unter Leitung des Landrats des Landkreises Calw, Herrn Karl Mosbauer, das Landratsamt.")
    visits = _visits(tmp_path, text)
    assert [(v["guest"], v["host"]) for v in visits] == [("Landkreis Calw", "Landkreis Ravensburg")]
    assert visits[0]["people"] == {"Paul Weinreich": "host", "Karl Mosbauer": "guest"}


def test_the_owner_of_the_partner_visited_is_the_guest(tmp_path: Path):
    """'Eine Delegation besucht derzeit Xs Partnerstadt B': B is visited, X (its owner) sends the delegation."""
    text = ("Kempten, 3. Mai 2022. Eine Delegation besucht derzeit Kemptens Partnerstadt Lahr. "
            "Oberbürgermeister Hans Kowalke führt die Gruppe an.")
    assert _pairs(tmp_path, text) == {("Stadt Kempten", "Stadt Lahr")}
    text = "Eine Delegation aus Kemptens Partnerstadt Lahr war eine Woche lang zu Gast in Kempten."
    assert _pairs(tmp_path, text) == {("Stadt Lahr", "Stadt Kempten")}


def test_guests_of_several_partner_towns_visit_one_host_each(tmp_path: Path):
    """'Delegationen aus den Partnerstädten A, B und C kamen nach K', 'begrüßte Gäste aus den Partnerstädten A, B und C':
    one visit per listed town, all with the same host (the list is no host)."""
    text = "Kempten, 3. Mai 2022. Zum Stadtfest kamen Delegationen aus den Partnerstädten Lahr, Calw und Kehl nach Kempten."
    assert _pairs(tmp_path, text) == {("Stadt Lahr", "Stadt Kempten"), ("Stadt Calw", "Stadt Kempten"), ("Stadt Kehl", "Stadt Kempten")}
    text = ("Kempten, 3. Mai 2022. Zum Jubiläum begrüßte Oberbürgermeister Hans Kowalke Gäste aus den Partnerstädten "
            "Lahr, Calw und Kehl.")
    assert _pairs(tmp_path, text) == {("Stadt Lahr", "Stadt Kempten"), ("Stadt Calw", "Stadt Kempten"), ("Stadt Kehl", "Stadt Kempten")}


def test_county_delegations_present_at_a_town_visit_the_county(tmp_path: Path):
    """'Im Beisein der Delegationen aus den Partnerkreisen A und B sowie der Xer Partnerstadt C enthüllten Landrat X und
    OB Y …': each listed body visits; the partner counties visit the story's county; who acts before the guests hosts."""
    text = ("Landkreis Ravensburg. Im Beisein der Delegationen aus den Partnerkreisen Calw und Esslingen sowie der Wangener "
            "Partnerstadt Lahr enthüllten Landrat Paul Weinreich und Oberbürgermeister Karl Mosbauer in Wangen eine Stele.")
    visits = _visits(tmp_path, text)
    pairs = {(v["guest"], v["host"]) for v in visits}
    assert {("Landkreis Calw", "Landkreis Ravensburg"), ("Landkreis Esslingen", "Landkreis Ravensburg")} <= pairs
    assert any(g == "Stadt Lahr" for g, _h in pairs)
    assert all(v["people"].get("Paul Weinreich") in (None, "host") and not v["lead"] for v in visits)


def test_a_golden_book_signer_from_elsewhere_visits_with_no_visit_word(tmp_path: Path):
    """'Die Xer Bürgermeisterin Y trug sich ins Goldene Buch der Stadt B ein', 'Bürgermeisterin Y aus A trug sich …':
    her town visits the book's town (else the story's); the town's own mayor signing is no visit."""
    text = "Kempten, 3. Mai 2022. Die Lahrer Bürgermeisterin Eva Rothmund trug sich am Montag ins Goldene Buch der Stadt Kempten ein."
    assert _pairs(tmp_path, text) == {("Stadt Lahr", "Stadt Kempten")}
    text = "Kempten, 3. Mai 2022. Bürgermeisterin Eva Rothmund aus Lahr trug sich am Montag ins Goldene Buch der Stadt ein."
    assert _pairs(tmp_path, text) == {("Stadt Lahr", "Stadt Kempten")}
    text = "Kempten, 3. Mai 2022. Oberbürgermeister Hans Kowalke trug sich am Montag ins Goldene Buch der Stadt Kempten ein."
    assert _pairs(tmp_path, text) == set()


def test_a_two_word_place_is_the_side_in_whole(tmp_path: Path):
    """'eine Delegation aus Nova Gorica', 'Besuch aus der Partnerstadt Kiryat Ata': the side is the whole two-word place
    (known to the gazetteer, or a first word it does not know), not its first word; the owner in 'aus Xs Partnerstadt B'
    is no side."""
    text = "Klagenfurt, 3. Mai 2022. Bürgermeister Hans Kowalke begrüßte am Montag eine Delegation aus Nova Gorica im Rathaus."
    assert _pairs(tmp_path, text) == {("Stadt Nova Gorica", "Stadt Klagenfurt")}
    text = ("Reinickendorf, 3. Mai 2022. Eine Delegation aus Reinickendorfs israelischer Partnerstadt Kiryat Ata war eine "
            "Woche lang zu Gast in Reinickendorf.")
    assert _pairs(tmp_path, text) == {("Stadt Kiryat Ata", "Stadt Reinickendorf")}


def test_the_agent_phrase_of_a_passive_receiving_hosts(tmp_path: Path):
    """'Die Xer Gäste wurden von der Yer Delegation mit A, Bürgermeister, und B, Gemeinderätin, empfangen': everyone in
    the agent phrase hosts; the demonym 'Xer' may drop its place's last 'e' ('Grenchner' of 'Grenchen')."""
    text = ("Grenchen, 3. Mai 2022. Stadtpräsident Anton Mosbauer hat der Partnergemeinde Lahr einen Besuch abgestattet. "
            "Die Grenchner Gäste wurden von der Lahrer Delegation mit Karl Weinreich, Stadtrat, und Eva Rothmund, Gemeinderätin, "
            "herzlich empfangen.")
    visits = _visits(tmp_path, text)
    assert [(v["guest"], v["host"]) for v in visits] == [("Stadt Grenchen", "Gemeinde Lahr")]
    assert visits[0]["people"] == {"Anton Mosbauer": "guest", "Karl Weinreich": "host", "Eva Rothmund": "host"}


def test_paying_a_visit_in_the_perfect_and_staying_somewhere(tmp_path: Path):
    """'X und Y haben der Partnerstadt B einen Besuch abgestattet', 'X weilte am Montag in B': the subject, with no origin
    named, travels from the dateline's town; 'Y aus A weilte in B' is A's visit."""
    text = ("Kempten, 3. Mai 2022. Oberbürgermeister Hans Kowalke und Stadtrat Karl Mosbauer haben der Partnerstadt Lahr "
            "einen offiziellen Besuch abgestattet.")
    visits = _visits(tmp_path, text)
    assert [(v["guest"], v["host"]) for v in visits] == [("Stadt Kempten", "Stadt Lahr")]
    assert visits[0]["people"] == {"Hans Kowalke": "guest", "Karl Mosbauer": "guest"}
    assert _pairs(tmp_path, "Kempten, 3. Mai 2022. Oberbürgermeister Hans Kowalke weilte am Montag in Lahr.") == {("Stadt Kempten", "Stadt Lahr")}
    text = "Kempten, 3. Mai 2022. Bürgermeisterin Eva Rothmund aus Lahr weilte am Montag in Kempten."
    assert _pairs(tmp_path, text) == {("Stadt Lahr", "Stadt Kempten")}


def test_the_object_before_the_participle_is_visited(tmp_path: Path):
    """'OB X hat am Montag die Stadt B besucht': B, the object right before 'besucht', hosts and X's dateline town visits;
    'Eine Delegation aus A hat die Stadt K besucht' keeps A as the guest."""
    text = "Kempten, 3. Mai 2022. Oberbürgermeister Hans Kowalke hat am Montag die Stadt Lahr besucht."
    assert _pairs(tmp_path, text) == {("Stadt Kempten", "Stadt Lahr")}
    text = "Kempten, 3. Mai 2022. Eine Delegation aus Lahr hat am Montag die Stadt Kempten besucht."
    assert _pairs(tmp_path, text) == {("Stadt Lahr", "Stadt Kempten")}


def test_the_hall_of_the_receiving_names_the_host(tmp_path: Path):
    """'OB X hat heute den Bürgermeister von A, Y, im Kemptener Rathaus begrüßt' (no dateline, A named more often): the
    town of the hall hosts, the official received before the participle is the guest."""
    text = ("Lahrs Bürgermeister zu Besuch im Rathaus\n\nOberbürgermeister Hans Kowalke hat heute den Bürgermeister von Lahr, "
            "Peter Sommerfeld, im Kemptener Rathaus begrüßt.")
    visits = _visits(tmp_path, text)
    assert [(v["guest"], v["host"]) for v in visits] == [("Stadt Lahr", "Stadt Kempten")]
    assert visits[0]["people"] == {"Hans Kowalke": "host", "Peter Sommerfeld": "guest"}


def test_a_country_as_the_guest_is_the_partner_town_named_in_the_story(tmp_path: Path):
    """'Besucher aus Polen' in a story of the Polish partner town A (named as the partner): A's visit, not the state's."""
    text = ("Kempten, 3. Mai 2022. Seit zehn Jahren ist Kempten mit der polnischen Partnerstadt Tarnów verbunden. "
            "Am Montag begrüßte Oberbürgermeister Hans Kowalke eine Delegation aus Polen im Rathaus.")
    assert _pairs(tmp_path, text) == {("Stadt Tarnów", "Stadt Kempten")}


def test_setting_out_for_a_place_and_no_common_noun_or_region_as_a_side(tmp_path: Path):
    """'Mit einer Delegation der Vereine machte sich die Stadt A auf den Weg in ihre Partnerstadt B': A travels to B; 'der
    Vereine' (a genitive plural) and a country's region ('zu Gast in Mitteldeutschland') are no side; 'auf den Weg
    gebracht' (a project started) is no trip."""
    text = ("Mit einer großen Delegation der Vereine machte sich die Stadt Kempten am 24. September auf den Weg in ihre "
            "Partnerstadt Lahr.")
    assert _pairs(tmp_path, text) == {("Stadt Kempten", "Stadt Lahr")}
    text = "Kempten, 3. Mai 2022. Oberbürgermeister Hans Kowalke machte sich am Montag mit einer Delegation auf den Weg nach Lahr."
    assert _pairs(tmp_path, text) == {("Stadt Kempten", "Stadt Lahr")}
    assert _pairs(tmp_path, "Kempten, 3. Mai 2022. Der Rat hat ein Projekt mit Lahr auf den Weg gebracht.") == set()
    text = "Kempten, 3. Mai 2022. Eine Delegation aus Kempten war zu Gast in Mitteldeutschland."
    assert all(h != "Stadt Mitteldeutschland" for _g, h in _pairs(tmp_path, text))


def test_bare_towns_and_being_somewhere_with_the_guests_unnamed(tmp_path: Path):
    """A town the gazetteer knows, bare where only a side stands ('besuchte am Montag B', 'hat am Montag B besucht',
    fronted 'In B wurde die Delegation … empfangen'), is a side; a delegation that 'war … in B' (with no origin) or 'war
    in der Partnerstadt B zu Gast' travelled from the dateline's town."""
    cases = {
        "Eine Delegation aus Kempten besuchte am Montag Lahr. Bürgermeister Peter Sommerfeld begrüßte die Gäste.": ("Stadt Kempten", "Stadt Lahr"),
        "Kempten, 3. Mai 2022. Oberbürgermeister Hans Kowalke hat am Montag Lahr besucht.": ("Stadt Kempten", "Stadt Lahr"),
        "Kempten, 3. Mai 2022. In Lahr wurde die Delegation von Bürgermeister Peter Sommerfeld empfangen.": ("Stadt Kempten", "Stadt Lahr"),
        "Kempten, 3. Mai 2022. Eine Delegation der Stadt war vom 1. bis 3. Mai in Lahr.": ("Stadt Kempten", "Stadt Lahr"),
        "Kempten, 3. Mai 2022. Eine Delegation unter Leitung von Oberbürgermeister Hans Kowalke war in der Partnerstadt Lahr zu Gast.":
            ("Stadt Kempten", "Stadt Lahr"),
    }
    for text, pair in cases.items():
        assert _pairs(tmp_path, text) == {pair}, text


def test_golden_book_signings_in_the_present_and_with_an_apposition(tmp_path: Path):
    """'Die Bürgermeisterin von A Y (62, l.) trägt sich ins Goldene Buch der Stadt B ein', 'Hoher Besuch im Rathaus: Y,
    Bürgermeister der Partnerstadt A, trug sich ins Goldene Buch ein': A visits B (or the story's town)."""
    text = ("Kempten, 3. Mai 2022. Die Bürgermeisterin von Lahr Eva Rothmund (62, l.) trägt sich ins Goldene Buch der Stadt "
            "Kempten ein. Oberbürgermeister Hans Kowalke würdigte die Partnerschaft.")
    assert _pairs(tmp_path, text) == {("Stadt Lahr", "Stadt Kempten")}
    text = ("Kempten, 3. Mai 2022. Hoher Besuch im Rathaus: Peter Sommerfeld, Bürgermeister der Partnerstadt Lahr, trug sich "
            "ins Goldene Buch ein.")
    assert _pairs(tmp_path, text) == {("Stadt Lahr", "Stadt Kempten")}


def test_the_head_of_the_story_town_leads_its_outgoing_visit(tmp_path: Path):
    """In a story of the dateline's town visiting its partner, the town's head (an office of no stated body, so the
    town's) leads the delegation; a Landrat named too does not lead the town's visit."""
    text = ("Kempten, 3. Mai 2022. Eine Delegation besucht derzeit Kemptens Partnerstadt Lahr. Mit dabei sind Landrat "
            "Paul Weinreich und Oberbürgermeister Hans Kowalke.")
    visits = _visits(tmp_path, text)
    assert [(v["guest"], v["host"], v["lead"]) for v in visits] == [("Stadt Kempten", "Stadt Lahr", {"Hans Kowalke"})]


def test_a_plural_noun_in_a_list_of_origins_is_no_guest(tmp_path: Path):
    """'Eine Delegation aus Vertreterinnen und Vertretern des Kreistags A': the plural nouns are no second guest body."""
    text = ("Kempten, 3. Mai 2022. Eine Delegation aus Vertreterinnen und Vertretern des Kreistags Lahr war zu Gast in Kempten.")
    assert all("Vertretern" not in (g or "") for g, _h in _pairs(tmp_path, text))


def test_the_subject_after_the_verb_and_a_place_with_a_particle(tmp_path: Path):
    """'Vom 13. bis zum 19. Juni besucht der Bürgermeister von Dar es Salaam, X, mit einer Delegation die Hansestadt': the
    subject after the verb (a time phrase in front) visits, its place in whole though its second word is lower case."""
    text = ("Hamburg, 3. Juni 2013. Vom 13. bis zum 19. Juni 2013 besucht der Bürgermeister von Dar es Salaam, Juma Mwinyi, "
            "mit einer Delegation die Hansestadt.")
    assert _pairs(tmp_path, text) == {("Stadt Dar es Salaam", "Stadt Hamburg")}


def test_a_passive_lead_with_an_interjected_clause(tmp_path: Path):
    """'Angeführt wurde die Gruppe, unter ihnen zahlreiche Kreisräte, von X': X leads, the interjection between."""
    text = ("Kempten, 3. Mai 2022. Eine Delegation aus dem Partnerlandkreis Lahr war zu Besuch im Landkreis Kempten. "
            "Angeführt wurde die Gruppe, unter ihnen zahlreiche Kreisräte, von Jan Nowicki, stellvertretender Landrat.")
    assert [v["lead"] for v in _visits(tmp_path, text)] == [{"Jan Nowicki"}]
