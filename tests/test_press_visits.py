"""Visit frames of the press importer (sides, several visits, leads, participants, dates) and the place scan
they rest on: each phenomenon on a short text of our own (real gazetteer places, invented persons)."""

from __future__ import annotations

from pathlib import Path

from stakegraph.importers.press.places import word_re
from stakegraph.importers.press.rules import StoryExtractor
from stakegraph.importers.press.text import Segment

from tests.press_text import pairs as _pairs, read as _read, visits as _visits


def test_one_scan_finds_what_a_search_per_place_finds():
    """Place mentions from one scan of the capitals equal one whole-word search per place: genitive 's',
    a place inside a longer one, none in hyphenated compounds ('Kempten-Ost', 'Aarau-Platz'), demonyms only
    with ``prefix``."""
    ex = StoryExtractor(Segment(["x"]))
    ex.places = {"Bad Homburg", "Homburg", "Aarau", "Kempten", "Au"}
    text = ("Bad Homburgs Gäste aus Aarau trafen in Kempten-Ost am Aarau-Platz die Aarauer und Homburger; Au, Aus "
            "und Kemptens Rat. Homburg.")
    old = sorted((m.start(), m.end(), p) for p in ex.places for m in word_re(p, r"s?\b(?!-[^\W\d_])").finditer(text))
    assert sorted(ex._mentions(text)) == old
    old_prefix = sorted((m.start(), m.end(), p) for p in ex.places for m in word_re(p, "", r"\b").finditer(text))
    assert sorted(ex._mentions(text, prefix=True)) == old_prefix


def test_the_dateline_date_is_the_release_not_the_visit(tmp_path: Path):
    """'Lahr, 20. März 2020 – Vergangene Woche …': the dateline's date dates the release; the visit's day is not given."""
    text = ("Lahr, 20. März 2020 – Vergangene Woche war Lahr Gastgeber für eine Delegation aus Kolding. "
            "Die dänischen Gäste wurden von Bürgermeister Lukas Morhardt empfangen.")
    visits = _visits(*_read(tmp_path, text))
    assert [(v["guest"], v["host"], v["date"]) for v in visits] == [("Stadt Kolding", "Stadt Lahr", None)]


def test_who_receives_whom_with_the_verb_second(tmp_path: Path):
    """'Am Montag begrüßte OB X seinen Amtskollegen Y': the first person after the verb hosts, the next one came."""
    text = ("Eine Delegation aus Kolding war am Montag in Lahr zu Gast. "
            "Im Rathaus begrüßte Oberbürgermeister Lukas Morhardt seinen Amtskollegen Jens Kristensen. "
            "Beigeordnete Mette Holm hat gemeinsam mit Stadtrat Ole Brandes die Stadträtin Greta Halbach empfangen.")
    people = _visits(*_read(tmp_path, text))[0]["people"]
    assert people["Lukas Morhardt"] == "host" and people["Jens Kristensen"] == "guest"
    assert people["Mette Holm"] == "host" and people["Ole Brandes"] == "host" and people["Greta Halbach"] == "guest"


def test_organisations_as_guest_and_host(tmp_path: Path):
    """'Vertreter der Stadtwerke A waren zu Gast bei der Universität B': an organisation on each side."""
    text = ("Vertreterinnen und Vertreter der Stadtwerke Bamberg waren in dieser Woche zu Gast bei der Universität Aarau. "
            "Unter der Leitung von Geschäftsführer Ole Brandes informierten sie sich über Speicher.")
    visits = _visits(*_read(tmp_path, text))
    assert [(v["guest"], v["host"], v["lead"]) for v in visits] == [("Stadtwerke Bamberg", "Universität Aarau", {"Ole Brandes"})]


def test_leads_named_around_the_head_of_the_group(tmp_path: Path):
    """'An der Spitze der Gruppe stand X', 'mit X an der Spitze', 'X leitete die Delegation'."""
    texts = {
        "Jens Kristensen": ("Die Stadt Lahr wurde am Freitag von einer Delegation aus Kolding besucht. "
                            "An der Spitze der dänischen Gruppe stand Bürgermeister Jens Kristensen."),
        "Mette Holm": "Eine Delegation aus Kolding mit Bürgermeisterin Mette Holm an der Spitze war zu Gast in Lahr.",
        "Greta Halbach": ("Eine Delegation aus Kolding war zu Gast in Lahr. "
                          "Stadträtin Greta Halbach leitete die kleine Delegation."),
    }
    for lead, text in texts.items():
        visits = _visits(*_read(tmp_path, text))
        assert [(v["guest"], v["host"], v["lead"]) for v in visits] == [("Stadt Kolding", "Stadt Lahr", {lead})], text
        assert visits[0]["people"][lead] == "guest"


def test_a_second_visit_with_other_sides_is_another_event(tmp_path: Path):
    """A later sentence naming other guests with their origin and a host is a visit of its own, with its persons;
    a stop of the first visit's programme ('die Delegation besuchte … in B') is none."""
    text = ("Bürgermeister Ole Brandes besuchte mit einer Delegation der Gemeinde Aarau die Partnergemeinde Feldkirch. "
            "Dabei besuchte die Delegation auch die Basilika in Kempten. "
            "Im Mai war eine Delegation aus Kolding in Aarau zu Gast gewesen. "
            "Damals begrüßte Brandes Bürgermeister Jens Kristensen.")
    visits = {(v["guest"], v["host"]): v for v in _visits(*_read(tmp_path, text))}
    assert set(visits) == {("Gemeinde Aarau", "Gemeinde Feldkirch"), ("Stadt Kolding", "Gemeinde Aarau")}
    assert visits[("Stadt Kolding", "Gemeinde Aarau")]["people"].get("Jens Kristensen") == "guest"
    assert "Jens Kristensen" not in visits[("Gemeinde Aarau", "Gemeinde Feldkirch")]["people"]


def test_a_landrat_receiving_in_a_town_makes_the_county_the_host(tmp_path: Path):
    """'Landrat X empfing … eine Delegation aus dem Kreis A im Kreishaus in B': the county hosts, not the town B."""
    text = ("Landrat Ole Brandes empfing am 3. März 2022 eine Delegation aus dem Kreis Lörrach im Kreishaus in Schwäbisch Hall. "
            "Begleitet wurde die Lörracher Landrätin Greta Halbach von Kreisrat Sven Wilmers.")
    visits = _visits(*_read(tmp_path, text))
    assert [(v["guest"], v["host"], v["date"]) for v in visits] == [("Kreis Lörrach", "Landkreis Schwäbisch Hall", "2022-03-03")]
    assert visits[0]["people"]["Ole Brandes"] == "host" and visits[0]["people"]["Sven Wilmers"] == "guest"


def test_a_person_of_another_body_as_visitor_or_as_the_received(tmp_path: Path):
    """No delegation word: 'Der Landrat des Kreises A, X, war zu Gast beim Landkreis B'; 'OB Y begrüßte seinen
    Xer Gast'."""
    nodes, rels = _read(tmp_path, "Der Landrat des Kreises Lörrach, Ole Brandes, war am Mittwoch zu Gast beim Landkreis Ostholstein.")
    assert _pairs(nodes, rels) == {("Kreis Lörrach", "Landkreis Ostholstein")}
    nodes, rels = _read(tmp_path, "Kempten. Oberbürgermeister Thomas Kiechle begrüßte seinen Soproner Gast Anton Kovacs im Rathaus.")
    assert _pairs(nodes, rels) == {("Stadt Sopron", "Stadt Kempten")}


def test_a_first_name_is_no_place_and_an_unknown_title_no_origin(tmp_path: Path):
    """'des Landkreises A, Ole Brandes,': 'Ole' is no county; 'Delegation von Starost Jan Nowak': no town 'Starost'."""
    text = ("Einen Antrittsbesuch stattete der Landrat des Landkreises Lörrach, Ole Brandes, am 5. Mai 2023 der Stadt "
            "Weil am Rhein ab. Oberbürgermeisterin Diana Stöcker empfing ihn. "
            "Angeführt wurde die polnische Delegation von Starost Jan Nowak.")
    nodes, rels = _read(tmp_path, text)
    assert _pairs(nodes, rels) == {("Landkreis Lörrach", "Stadt Weil am Rhein")}
    assert not any(n.name.endswith(" Ole") for n in nodes.values())


def test_relative_day_against_the_dateline_in_the_perfect(tmp_path: Path):
    """'Kempten, 12.05.2023. … hat am Donnerstag … besucht': the Thursday before the release, not after it;
    'vom 1. bis 3. Juni' takes the dateline's year."""
    text = ("Kempten, 12.05.2023. Eine Delegation aus dem Landkreis Tübingen hat am Donnerstag den Landkreis "
            "Oberallgäu besucht.")
    assert [v["date"] for v in _visits(*_read(tmp_path, text))] == ["2023-05-11"]
    text = "Bamberg, 4. Juni 2021. Eine Delegation aus Kolding war vom 1. bis 3. Juni zu Gast in Bamberg."
    assert [(v["date"], v["end"]) for v in _visits(*_read(tmp_path, text))] == [("2021-06-01", "2021-06-03")]


def test_whom_the_guests_met_is_on_the_host_side(tmp_path: Path):
    """'Besuch aus A: X und Y trafen sich mit OB Z in B': Z hosts, whatever body a role rule gave him."""
    text = "Besuch aus Kolding: Bürgermeister Jens Kristensen und Stadträtin Mette Holm trafen sich mit Oberbürgermeister Lukas Morhardt in Lahr."
    people = _visits(*_read(tmp_path, text))[0]["people"]
    assert people == {"Jens Kristensen": "guest", "Mette Holm": "guest", "Lukas Morhardt": "host"}


def test_a_past_weekday_range_ends_by_the_release_and_the_guests_escort_hosts(tmp_path: Path):
    """'Lahr, 14.06.2019 (a Friday). … besuchte von Freitag bis Sonntag': the weekend before; 'Begleitet wurde
    Bürgermeister X von A' puts A with X, 'Begleitet wurden die Gäste von B' puts B with the hosts."""
    text = ("Lahr, 14.06.2019. Eine Delegation aus Kolding besuchte von Freitag bis Sonntag die Partnerstadt Lahr. "
            "Begleitet wurde Bürgermeister Jens Kristensen von Stadträtin Mette Holm. "
            "Begleitet wurden die Gäste bei ihrem Rundgang von Stadtführerin Anna Lorenzen.")
    visit = _visits(*_read(tmp_path, text))[0]
    assert (visit["date"], visit["end"]) == ("2019-06-07", "2019-06-09")
    assert visit["people"] == {"Jens Kristensen": "guest", "Mette Holm": "guest", "Anna Lorenzen": "host"}


def test_no_visit_without_a_visit_frame(tmp_path: Path):
    """Crowds ('Besucher aus ganz Bayern', 'viele Xer Gäste'), invitations ('Gäste aus A sind willkommen'), things
    received ('empfängt Fördermittel … nach B'), a mayor's stop ('besuchte den Kindergarten in B') and habits
    ('Besuche … gibt es mehrmals im Jahr') are no visits."""
    for text in ("Kempten. Rund 500 Besucher aus ganz Bayern kamen zum Stadtfest nach Kempten.",
                 "Kempten. Die Ausstellung kann bis Mai besucht werden. Gäste aus Sopron sind herzlich willkommen.",
                 "Kempten. Die Stadt Kempten empfängt Fördermittel des Freistaats für den Radweg nach Durach.",
                 "Kempten. Bürgermeister Thomas Kiechle besuchte am Montag den Kindergarten in Durach.",
                 "Die Partnerschaft zwischen Kempten und Sopron lebt. Besuche von Delegationen aus Sopron in Kempten gibt es "
                 "mehrmals im Jahr. Außerdem beleben viele Soproner Gäste den Tourismus."):
        assert _pairs(*_read(tmp_path, text)) == set(), text


def test_the_lead_is_named_with_the_guests_not_a_speaker_or_the_hosts_head(tmp_path: Path):
    """A head with no stated body leads when named with the guests ('Stadtpräsident X mit einer Delegation');
    '…, sagte Oberbürgermeister Y' names a speaker, not the lead."""
    text = "Aarau, 10.10.2019. Zum Gegenbesuch reiste Stadtpräsident Ruedi Aeschlimann mit einer Delegation nach Tübingen."
    assert [v["lead"] for v in _visits(*_read(tmp_path, text))] == [{"Ruedi Aeschlimann"}]
    text = ("Lahr. Der Gemeinderat hat die Besucher aus Kolding im Mai herzlich aufgenommen, sagte Oberbürgermeister "
            "Lukas Morhardt.")
    assert all(not v["lead"] for v in _visits(*_read(tmp_path, text)))


def test_delegations_of_several_bodies_at_one_host(tmp_path: Path):
    """'Landrat X (Kreis A) kam mit einer Delegation aus Kreistag und Kreisausschuss …; gemeinsam mit Delegationen aus
    den Kreisen B und C': organs are no places, the Landrat's county is the guest, and B and C visit the same host."""
    text = ("Landrat Ole Brandes (Landkreis Lörrach) war mit einer Delegation aus Kreistag und Kreisausschuss beim "
            "Jubiläum im Landkreis Ostholstein zu Gast. Gemeinsam mit Delegationen aus zwei anderen Partnerkreisen, "
            "den Kreisen Tübingen und Ravensburg, folgte ein Empfang in Eutin.")
    pairs = _pairs(*_read(tmp_path, text))
    assert pairs == {("Landkreis Lörrach", "Landkreis Ostholstein"), ("Landkreis Tübingen", "Landkreis Ostholstein"),
                     ("Landkreis Ravensburg", "Landkreis Ostholstein")} or all(h == "Landkreis Ostholstein" for _g, h in pairs)
    assert not any("Kreistag" in (g or "") or "Kreisausschuss" in (g or "") for g, _h in pairs)
    assert ("Landkreis Lörrach", "Landkreis Ostholstein") in pairs


def test_the_same_guests_elsewhere_are_a_programme_stop(tmp_path: Path):
    """'Daneben stand für die Xer Delegation ein Besuch beim Sportkreis auf dem Programm': no second visit."""
    text = ("Vom 4. bis 6. Juni 2021 besuchte eine Delegation aus Kassel die Partnerstadt Jena. "
            "Außerdem stand für die Kasseler Delegation ein Besuch beim Sportverein Jena auf dem Programm.")
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Kassel", "Stadt Jena")}


def test_two_delegations_named_apart_in_one_sentence_and_the_host_before_them(tmp_path: Path):
    """'In X waren zwei Partnerstädte zu Gast: eine große Delegation aus A und eine kleine Delegation aus B':
    two visits at X; 'einen Besuch im Schloss' is a stop of the programme, no host."""
    text = ("In Kempten waren am Wochenende zwei Partnerstädte zu Gast: eine zwanzigköpfige Delegation aus Sopron und "
            "eine kleine Delegation aus Kolding. Dazu gehörte auch ein Besuch im Schloss Hohenschwangau.")
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Sopron", "Stadt Kempten"), ("Stadt Kolding", "Stadt Kempten")}


def test_a_meeting_of_partner_towns_at_one_of_them(tmp_path: Path):
    """'Das Partnerstädtetreffen im bayerischen X …: Vertreter der Städte A (CZ), B, X und C': A, B and C visit X,
    each with the persons of its own body."""
    text = ("Das Städtepartnertreffen im bayerischen Kempten war ein Erfolg. Vertreter der Städte Sopron (HU), "
            "Kolding, Kempten und Aarau trafen sich ein Wochenende lang. "
            "Bürgermeisterin Mette Holm (Kolding) lobte das Programm. Auf dem Foto: Vizebürgermeister Jan Horvath (Sopron).")
    visits = {(v["guest"], v["host"]): v for v in _visits(*_read(tmp_path, text))}
    assert set(visits) == {("Stadt Sopron", "Stadt Kempten"), ("Stadt Kolding", "Stadt Kempten"), ("Stadt Aarau", "Stadt Kempten")}
    assert visits[("Stadt Kolding", "Stadt Kempten")]["people"] == {"Mette Holm": "guest"}
    assert visits[("Stadt Aarau", "Stadt Kempten")]["people"] == {}
    assert visits[("Stadt Sopron", "Stadt Kempten")]["people"].get("Jan Horvath") == "guest"  # 'X (A)': of A's side


def test_a_trip_out_and_the_return_visit_two_days_later(tmp_path: Path):
    """'Mit der Stadt B hat die Stadt A eine enge Verbindung. … reisten Bürgermeister X und Y nach B. … begrüßte
    Bürgermeister X eine Ber Delegation in A': A visits B (X and Y travel), then B visits A, each with its persons."""
    text = ("Die Stadt Bad Honnef ist mit der Stadt Greiz seit vielen Jahren eng verbunden. "
            "Am 3. Mai reisten Bürgermeister Ole Brandes und Sänger Sven Wilmers zusammen nach Greiz. "
            "Zwei Tage danach begrüßte Bürgermeister Ole Brandes eine Greizer Delegation in Bad Honnef. "
            "Oberbürgermeisterin Greta Halbach informierte sich über das Rathaus.")
    visits = {(v["guest"], v["host"]): v for v in _visits(*_read(tmp_path, text))}
    assert set(visits) == {("Stadt Bad Honnef", "Stadt Greiz"), ("Stadt Greiz", "Stadt Bad Honnef")}
    out, back = visits[("Stadt Bad Honnef", "Stadt Greiz")], visits[("Stadt Greiz", "Stadt Bad Honnef")]
    assert out["people"].get("Sven Wilmers") == "guest" and "Greta Halbach" not in out["people"]
    assert back["people"].get("Ole Brandes") == "host" and back["people"].get("Greta Halbach") == "guest"
    assert back["lead"] == {"Greta Halbach"}  # the head among those who 'informierte sich': the guests' lead


def test_paying_a_visit_to_the_dative_and_an_organisation_receiving(tmp_path: Path):
    """'A stattete der Partnerstadt B einen Besuch ab': B hosts, the dateline's town visits; 'Die Stadtwerke A
    empfingen Besuch aus B': the utility hosts; 'X wurde von OB Y empfangen': X was received, a guest."""
    text = ("Freiburg, 3. Juli 2022. Zum Jubiläum statteten Oberbürgermeister Martin Horn und eine Delegation des "
            "Gemeinderats der Partnerstadt Besançon einen Besuch ab.")
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Freiburg", "Stadt Besançon")}
    text = "Die Stadtwerke Kempten empfingen am Dienstag Besuch aus der Partnerstadt Sopron."
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Sopron", "Stadtwerke Kempten")}
    text = ("Rosenheim. Eine Delegation aus der Partnerstadt Lazise war zu Gast. Bürgermeister Luca Sebastiano wurde "
            "von Oberbürgermeister Andreas Brenner im Rathaus empfangen.")
    people = _visits(*_read(tmp_path, text))[0]["people"]
    assert people == {"Luca Sebastiano": "guest", "Andreas Brenner": "host"}


def test_a_county_travels_to_its_partner_county(tmp_path: Path):
    """'Kreis A. Landrat X ist mit einer Delegation in den Partnerkreis B gereist': A visits B (no swap), X leads;
    a body dateline ('Kreis A.') is the story's home."""
    text = ("Kreis Lippe. Landrat Axel Lehmann ist mit einer Delegation in den Partnerkreis Kołobrzeg gereist. "
            "Dort wurden die Gäste von Starost Tomasz Tamborski empfangen.")
    visits = _visits(*_read(tmp_path, text))
    assert [(v["guest"], v["host"], v["lead"]) for v in visits] == [("Kreis Lippe", "Landkreis Kołobrzeg", {"Axel Lehmann"})]
    assert visits[0]["people"]["Tomasz Tamborski"] == "host"


def test_a_release_from_the_guests_town_puts_its_officials_with_the_guests(tmp_path: Path):
    """'Tübingen. Beim Gegenbesuch in Aarau wurde die Tübinger Delegation von X empfangen. OB Y …': Y (no body
    stated) travels with the guests; 'Lahr. OB X hat seinen Antrittsbesuch in der Partnerstadt B gemacht'."""
    text = ("Tübingen. Beim Gegenbesuch in Aarau wurde die Tübinger Delegation von Stadtpräsident Ruedi Aeschlimann "
            "empfangen. Oberbürgermeister Boris Palmen überreichte ein Gastgeschenk.")
    people = _visits(*_read(tmp_path, text))[0]["people"]
    assert people == {"Ruedi Aeschlimann": "host", "Boris Palmen": "guest"}
    text = ("Lahr. Oberbürgermeister Lukas Morhardt hat am Montag seinen Antrittsbesuch in der Partnerstadt Dole gemacht. "
            "Bürgermeister Jean Gagnoux empfing ihn im Rathaus.")
    assert [(v["guest"], v["host"], v["lead"]) for v in _visits(*_read(tmp_path, text))] == [("Stadt Lahr", "Stadt Dole", {"Lukas Morhardt"})]


def test_who_guides_the_guests_and_the_other_head_are_the_hosts(tmp_path: Path):
    """'Diese Gäste wurden von X durch die Altstadt geführt', 'Betreut von … Y absolvieren die Gäste …': X and Y
    host; in a release from the guests' town the head beside their lead ('gemeinsam mit Oberbürgermeister Z') is
    the host's."""
    text = ("Kassel. Eine Delegation aus Kassel um Bürgermeister Jonas Brenner hat die Partnerstadt Jena "
            "besucht. Brenner weihte gemeinsam mit Oberbürgermeister Paul Kranich eine Ausstellung ein. "
            "Die Gäste wurden von Stadtführerin Ina Weller durch die Altstadt geführt. "
            "Betreut von Mitgliedern des Freundeskreises mit ihrer Vorsitzenden Nora Falk erlebten die Gäste ein Programm.")
    people = _visits(*_read(tmp_path, text))[0]["people"]
    assert people == {"Jonas Brenner": "guest", "Paul Kranich": "host", "Ina Weller": "host", "Nora Falk": "host"}


def test_plans_speakers_and_a_lead_by_passive_are_not_misread(tmp_path: Path):
    """'plant einen Besuch in der Partnerstadt B' is no visit; '…, sagte OB X' puts X on no side by itself (a
    release from the host's town: the host's); 'Die Delegation wurde von Starosta X geleitet': X leads the guests."""
    text = "Die Stadt Kempten plant für das kommende Jahr einen Besuch in der Partnerstadt Sopron."
    assert _pairs(*_read(tmp_path, text)) == set()
    text = ("Lahr. Der Gemeinderat hat die Besucher aus Kolding im Mai herzlich aufgenommen, sagte Oberbürgermeister "
            "Lukas Morhardt.")
    assert [v["people"] for v in _visits(*_read(tmp_path, text))] == [{"Lukas Morhardt": "host"}]
    text = ("Der Landkreis Kassel hat gestern eine Delegation aus dem polnischen Powiat Olsztyn begrüßt. "
            "Die Delegation wurde von Starosta Andrzej Abramowicz geleitet.")
    visit = _visits(*_read(tmp_path, text))[0]
    assert visit["lead"] == {"Andrzej Abramowicz"} and visit["people"]["Andrzej Abramowicz"] == "guest"


def test_a_trip_to_a_town_no_gazetteer_knows(tmp_path: Path):
    """'Kriens. Gemeindepräsidentin X reiste … nach Qaoliwang': the dateline's body visits the town after 'nach'."""
    text = ("Kriens. Gemeindepräsidentin Christine Kaufmann reiste zusammen mit Gemeinderat Maurus Frey nach Qaoliwang. "
            "Die Krienser Delegation wurde vom Bürgermeister empfangen.")
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Kriens", "Stadt Qaoliwang")}


def test_the_departure_day_ends_the_visit(tmp_path: Path):
    """'… wurde am Samstag, 4. Mai 2019, begrüßt. Am Sonntag reisten die Gäste wieder ab': 4 to 5 May."""
    text = ("Aarau. Die Delegation aus Tübingen wurde am Samstag, 4. Mai 2019, im Rathaus begrüßt. "
            "Am Sonntag reisten die Gäste wieder ab.")
    assert [(v["date"], v["end"]) for v in _visits(*_read(tmp_path, text))] == [("2019-05-04", "2019-05-05")]


def test_the_object_before_the_participle_is_the_visited_body(tmp_path: Path):
    """'Der Vizegouverneur der Provinz A, X, hat am Dienstag die Stadt B besucht': B hosts, not the body in the
    guest's apposition."""
    text = "Hohe Gäste aus China: Der Vizegouverneur der Provinz Shandong hat am Dienstag die Stadt Kempten besucht."
    assert {h for _g, h in _pairs(*_read(tmp_path, text))} == {"Stadt Kempten"}


def test_a_name_only_in_a_photo_credit_is_no_participant(tmp_path: Path):
    """'© Stadt Lahr/Anna Lorenzen' under a visit story: the photographer took no part in the visit."""
    text = ("Eine Delegation aus Kolding war am Freitag zu Gast in Lahr. Oberbürgermeister Lukas Morhardt begrüßte die Gäste.\n"
            "© Stadt Lahr/Anna Lorenzen")
    people = _visits(*_read(tmp_path, text))[0]["people"]
    assert "Anna Lorenzen" not in people and people.get("Lukas Morhardt") == "host"


def test_a_delegation_visiting_a_utility(tmp_path: Path):
    """'Eine Delegation aus A besuchte die Stadtwerke B': the utility hosts, B is only its seat; guests who meet
    'Vertreter der Stadtwerke B' during their visit of B still visit B."""
    text = "Eine Delegation aus Sopron besuchte am Montag die Stadtwerke Kempten. Geschäftsführer Michael Lucke zeigte das Kraftwerk."
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Sopron", "Stadtwerke Kempten")}
    text = "Eine Delegation aus Sopron war in Kempten zu Gast. Die Gäste trafen auch Vertreter der Stadtwerke Kempten."
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Sopron", "Stadt Kempten")}


def test_who_accompanies_the_programme_is_on_the_host_side(tmp_path: Path):
    nodes, rels = _read(tmp_path, "Eine Gruppe aus dem Partnerkreis Tartu besuchte im Mai den Kreis Plön. "
                                  "Begleitet wurden die einzelnen Termine von Landrätin Jana Lorenzen und "
                                  "Kreispräsident Ole Brandes.")
    visit = _visits(nodes, rels)[0]
    assert visit["people"].get("Jana Lorenzen") == "host" and visit["people"].get("Ole Brandes") == "host"
