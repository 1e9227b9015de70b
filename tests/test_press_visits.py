"""Visit frames of the press importer (sides, several visits, leads, participants, dates) and the place scan
they rest on: each phenomenon on a short text of our own (real gazetteer places, invented persons)."""

from __future__ import annotations

from pathlib import Path

from stakegraph.graph.records import Node, Rel
from stakegraph.importers.base import ImportContext
from stakegraph.importers.press import doc_records
from stakegraph.importers.press.places import word_re
from stakegraph.importers.press.rules import StoryExtractor
from stakegraph.importers.press.text import Segment


def _read(tmp_path: Path, text: str) -> tuple[dict[str, Node], list[Rel]]:
    path = tmp_path / "artikel.txt"
    path.write_text(text, encoding="utf-8")
    recs = doc_records(path, ImportContext())
    return {r.id: r for r in recs if isinstance(r, Node)}, [r for r in recs if isinstance(r, Rel)]


def _visits(nodes: dict[str, Node], rels: list[Rel]) -> list[dict]:
    """Each visit: its sides' bodies, date, end date, lead and persons by side."""
    out = []
    for ev in (n for n in nodes.values() if n.label == "Event" and n.props.get("kind") == "visit"):
        att = [r for r in rels if r.type == "ATTENDED" and r.target == ev.id]
        orgs = {r.props.get("side"): nodes[r.source].name for r in att if nodes[r.source].label == "Organization"}
        people = {nodes[r.source].name: r.props.get("side") for r in att if nodes[r.source].label == "Person"}
        leads = {nodes[r.source].name for r in att if nodes[r.source].label == "Person" and r.props.get("lead")}
        out.append({"guest": orgs.get("guest"), "host": orgs.get("host"), "date": ev.props.get("date"),
                    "end": ev.props.get("end_date"), "lead": leads, "people": people})
    return out


def _pairs(nodes: dict[str, Node], rels: list[Rel]) -> set[tuple[str | None, str | None]]:
    return {(v["guest"], v["host"]) for v in _visits(nodes, rels)}


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


def test_a_possessive_visit_noun_is_no_programme_stop(tmp_path: Path):
    """'Bei ihrem Besuch in B …': 'ihrem' ends like 'einem' but is a possessive, so B is the visited town and the
    guests' town is not taken for the host."""
    text = ("Bei ihrem Besuch in Kempten trug sich die Bürgermeisterin von Sopron, Ilona Farkasne, am Dienstag "
            "in das Goldene Buch der Stadt Kempten ein.")
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Sopron", "Stadt Kempten")}


def test_who_signs_the_golden_book_is_the_guest(tmp_path: Path):
    """Signing the Golden Book is what a guest does: the signer's body visits the town that keeps the book."""
    text = "Zu Gast in Lahr: Der Bürgermeister von Kolding, Henrik Munkholm, trug sich am Montag in das Goldene Buch der Stadt ein."
    assert ("Stadt Kolding", "Stadt Lahr") in _pairs(*_read(tmp_path, text))


def test_a_stop_at_the_guests_home_is_not_the_storys_city(tmp_path: Path):
    """The guests come from A; a later 'beim Besuch in A' (last year's) does not make A the story's city, so
    A's guests still have a host."""
    text = ("Oberbürgermeister Jan Kreuter begrüßte am Freitag die Gäste aus der Partnerstadt Sopron im Rathaus. "
            "Ihren runden Jahrestag hatten beide Städte zuletzt beim Besuch in Sopron begangen. Kempten und Sopron sind seit 1987 verbunden, "
            "in Kempten gibt es dafür einen eigenen Verein.")
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Sopron", "Stadt Kempten")}


def test_a_body_never_visits_itself_under_a_longer_name(tmp_path: Path):
    """A county's release 'Kreis X. … Die Delegation reiste in Bad X an': home and host are one place, so home
    is not the guest of Bad X."""
    text = ("Kreis Kreuznach. Die vierköpfige Delegation reiste am Dienstag in Bad Kreuznach an. "
            "Landrätin Petra Nowak begrüßte die Gäste am Abend.")
    assert all(g != "Stadt Bad Kreuznach" for g, _h in _pairs(*_read(tmp_path, text)))


def test_visits_to_each_other_over_the_years_are_no_visit(tmp_path: Path):
    """'Seit Jahren besuchen sich A und B …' at a sentence's start: a habit, and visits to each other, no visit."""
    text = "Seit Jahren besuchen sich Schulklassen und Vereine aus Kempten und Sopron im Wechsel."
    assert _pairs(*_read(tmp_path, text)) == set()


def test_an_envoys_seat_is_not_the_host_and_a_state_is_named_with_its_form(tmp_path: Path):
    """'… hat OB X den Botschafter der Republik A in Berlin, Y, empfangen': the state visits (its name after
    'Republik'), Berlin is only the embassy's seat; a weekday before the date is no dateline."""
    text = ("Am Dienstag, 14. März 2023, hat Oberbürgermeister Jan Kreuter den Botschafter der Republik Chile "
            "in Berlin, Rodrigo Alvarez, empfangen. Der Gast lobte die Altstadt von Kempten, Kempten sei eine schöne Stadt.")
    visits = _visits(*_read(tmp_path, text))
    assert [(v["guest"], v["host"], v["date"]) for v in visits] == [("Chile", "Stadt Kempten", "2023-03-14")]


def test_a_planned_trip_does_not_make_the_storys_city(tmp_path: Path):
    """'Ein Besuch in B ist für den Herbst geplant': a plan, so B is not taken for the host of today's guests."""
    text = ("Bürgermeister Jan Kreuter hat den Generalkonsul von Chile, Rodrigo Alvarez, empfangen. "
            "Ein Besuch in Valparaíso ist für den Herbst geplant. Kempten arbeitet mit Chile zusammen, "
            "in Kempten leben viele Chilenen. Der Gast lobte Kempten.")
    assert {h for _g, h in _pairs(*_read(tmp_path, text))} == {"Stadt Kempten"}


def test_the_destination_after_the_verb_hosts(tmp_path: Path):
    """'… reiste zum Arbeitsbesuch nach B, dem Partnerkreis des Kreises A': B after 'nach' is where the trip went;
    the body whose partner B is travels."""
    text = "Landrätin Petra Nowak reiste am Montag zum Arbeitsbesuch nach Tartu, dem Partnerkreis des Kreises Plön."
    assert _pairs(*_read(tmp_path, text)) == {("Kreis Plön", "Stadt Tartu")}


def test_origins_listed_with_their_preposition_repeated(tmp_path: Path):
    """'Delegationen aus A auf der Insel X und aus dem dänischen B': each origin its own visit, once."""
    text = ("Kempten, 4. Juni 2022. Zum Jubiläum kamen Delegationen aus der Gemeinde Sopron von der ungarischen Grenze "
            "und aus dem dänischen Kolding nach Kempten.")
    visits = _visits(*_read(tmp_path, text))
    assert sorted((v["guest"], v["host"]) for v in visits) == [("Gemeinde Sopron", "Stadt Kempten"), ("Stadt Kolding", "Stadt Kempten")]


def test_leads_told_by_a_relative_clause_or_after_an_adjective(tmp_path: Path):
    """'X, der die Delegation aus A anführt, …' and 'Angeführt vom dortigen Starosta Y …': X and Y lead their
    guests (an adjective before the title, a title no list knows before the name)."""
    text = ("Eine Delegation aus Sopron ist zu Gast in Kempten. Vizebürgermeister Lajos Tamasi, der die Delegation aus "
            "Sopron anführt, trug sich ins Goldene Buch ein.")
    assert _visits(*_read(tmp_path, text))[0]["lead"] == {"Lajos Tamasi"}
    text = ("Im Juni kamen zwölf Gäste aus dem estnischen Partnerkreis Tartu in den Kreis Ostholstein. Angeführt vom dortigen "
            "Maavanem Martin Kask sahen sie sich Häfen und Schulen an.")
    assert _visits(*_read(tmp_path, text))[0]["lead"] == {"Martin Kask"}


def test_a_mayor_visiting_named_firms(tmp_path: Path):
    """'Bürgermeister X besuchte die Firma A und die Bäckereien B und C': the town visits each named firm, its
    head leads; a firm only planned ('will … besuchen') or not named ('eine Praxis') is no visit."""
    text = ("Kempten. Bürgermeister Jan Kreuter besuchte am Dienstag die Firma Huber Metallbau, die Brauerei Sommer "
            "und die Schreinereibetriebe Brandl und Lenz in Kempten.")
    visits = _visits(*_read(tmp_path, text))
    assert sorted(v["host"] for v in visits) == ["Brandl", "Brauerei Sommer", "Firma Huber Metallbau", "Lenz"]
    assert all(v["guest"] == "Stadt Kempten" and v["lead"] == {"Jan Kreuter"} for v in visits)
    text = ("Kempten. Bürgermeister Jan Kreuter will im Mai die Firma Huber Metallbau besuchen. "
            "Im April besuchte er eine neue Praxis in Kempten.")
    assert _visits(*_read(tmp_path, text)) == []


def test_who_is_guided_through_the_firm_is_a_guest(tmp_path: Path):
    """'Geschäftsführerin X führte den Bürgermeister und Y durch die Hallen': X hosts, Y came with the visitor."""
    text = ("Kempten. Bürgermeister Jan Kreuter besuchte am Montag die Firma Huber Metallbau. Geschäftsführerin Eva Huber "
            "führte den Bürgermeister und Wirtschaftsförderin Lena Graf durch die Hallen.")
    people = _visits(*_read(tmp_path, text))[0]["people"]
    assert people.get("Eva Huber") == "host" and people.get("Lena Graf") == "guest" and people.get("Jan Kreuter") == "guest"


def test_a_compass_region_a_programme_stop_and_travel_onward_name_no_side(tmp_path: Path):
    """'Besucher aus dem Norden Italiens' come from no body; 'steht ein Besuch in X auf dem Programm' is a stop, not
    the story's city; 'fuhren die Gäste weiter nach Y' is their departure, not a visit of Y."""
    text = ("Bürgermeisterin Eva Lenz begrüßte am Montag die Besucher aus dem Norden Italiens. "
            "Am Dienstag steht ein Besuch in Memmingen auf dem Programm.")
    assert _pairs(*_read(tmp_path, text)) == set()
    tail = " Die Stadt Kempten pflegt viele Kontakte. In der Stadt Kempten gibt es dafür ein Büro."
    text = "Bürgermeisterin Eva Lenz begrüßte am Montag die Gäste aus Sopron. Am Dienstag steht ein Besuch in Memmingen auf dem Programm."
    assert _pairs(*_read(tmp_path, text + tail)) == {("Stadt Sopron", "Stadt Kempten")}
    text = "Eine Delegation aus Sopron war zwei Tage in der Stadt. Am Mittwoch fuhren die Gäste dann weiter nach Memmingen."
    assert _pairs(*_read(tmp_path, text + tail)) == {("Stadt Sopron", "Stadt Kempten")}


def test_a_range_between_two_days_and_a_weekday_before_the_last(tmp_path: Path):
    """'zwischen dem 9. und 12. Mai 2022' is a range like 'vom 9. bis 12. Mai'; 'am vorigen Dienstag' is the last
    Tuesday before the release."""
    from stakegraph.importers.press.dates import event_dates
    assert event_dates("Zwischen dem 9. und 12. Mai 2022 war eine Delegation aus Sopron zu Gast.", None)[:2] == ("2022-05-09", "2022-05-12")
    assert event_dates("Die Gäste kamen am vorigen Dienstag an.", "2022-05-13")[:2] == ("2022-05-10", None)


def test_officials_received_by_title_and_body_are_one_visit_each(tmp_path: Path):
    """'begrüßte den Stadtpräsidenten von A und die Bürgermeisterin von B': no names, yet two guest bodies, each a visit."""
    text = ("Kempten, 2. Mai 2022. Oberbürgermeister Jan Kreuter begrüßte am Montag den Stadtpräsidenten von Sopron "
            "und die Bürgermeisterin von Kolding im Rathaus.")
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Sopron", "Stadt Kempten"), ("Stadt Kolding", "Stadt Kempten")}


def test_the_day_a_short_sentence_gives_right_before_the_visit(tmp_path: Path):
    """'Am Freitag, den 6.5.2022 war es so weit. Die Bürgermeisterin von A besuchte B.': that day is the visit's."""
    text = ("Am Freitag, den 6.5.2022 war es so weit. Die Bürgermeisterin von Sopron, Ilona Farkasne, besuchte "
            "mit zwei Mitarbeiterinnen die Stadt Kempten.")
    assert [(v["guest"], v["host"], v["date"]) for v in _visits(*_read(tmp_path, text))] == [("Stadt Sopron", "Stadt Kempten", "2022-05-06")]


def test_whose_visit_a_visit_noun_names_and_a_country_after_the_envoy(tmp_path: Path):
    """'Der Antrittsbesuch des neuen Bürgermeisters von A …' in B's release: A visits B (not B, the dateline, A);
    'der Botschafter Ungarns' names the state like 'Ungarns Botschafter'."""
    text = "Kempten, 2. Mai 2022. Der Antrittsbesuch des neuen Bürgermeisters von Sopron, Lajos Tamasi, führte ihn ins Rathaus."
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Sopron", "Stadt Kempten")}
    text = "Kempten, 2. Mai 2022. Hoher Besuch im Rathaus: Der Botschafter Ungarns, Péter Kiss, trug sich ins Goldene Buch ein."
    assert _pairs(*_read(tmp_path, text)) == {("Ungarn", "Stadt Kempten")}


def test_a_wished_or_planned_visit_is_none_and_an_unnamed_partner_visits(tmp_path: Path):
    """'lädt ein, die Partnerstadt A zu besuchen' and 'ein Besuch in A ist geplant' tell of no visit made; 'Der
    Bürgermeister der Xer Partnerstadt, Y, besuchte unsere Stadt' is the story's partner visiting."""
    text = "Memmingen, 3. Mai 2022. Oberbürgermeister Jan Kreuter lädt Bürger ein, die Partnerstadt Gniezno zu besuchen."
    assert _pairs(*_read(tmp_path, text)) == set()
    text = "Memmingen, 3. Mai 2022. Ein Besuch in Gniezno ist für den Herbst geplant."
    assert _pairs(*_read(tmp_path, text)) == set()
    text = "Memmingen, 3. Mai 2022. Im Herbst will Oberbürgermeister Jan Kreuter nach Gniezno reisen."
    assert _pairs(*_read(tmp_path, text)) == set()
    text = ("Memmingen, 3. Mai 2022. Oberbürgermeister Jan Kreuter empfing am Montag die Delegation aus Gniezno, "
            "die die Partnerschaft vertiefen will.")  # a wish of a relative clause: the visit was made
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Gniezno", "Stadt Memmingen")}
    text = ("Memmingen, 3. Mai 2022. Memmingen und Gniezno sind seit 1990 Partnerstädte. Am Montag besuchte der "
            "Bürgermeister der Memminger Partnerstadt, Tomasz Nowak, zusammen mit seiner Stellvertreterin unsere Stadt.")
    assert ("Stadt Gniezno", "Stadt Memmingen") in _pairs(*_read(tmp_path, text))


def test_a_person_with_an_origin_visits_and_a_crowd_does_not(tmp_path: Path):
    """'Bürgermeister X aus der Partnerstadt A war zu Besuch in B': A visits B (the origin beside the person);
    'Zahlreiche Besucher aus A kamen zum Stadtfest' are a crowd, no body's visit."""
    text = ("Memmingen, 3. Mai 2022. Bürgermeister Tomasz Nowak aus der polnischen Partnerstadt Gniezno war am Montag "
            "zu Besuch in Memmingen.")
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Gniezno", "Stadt Memmingen")}
    text = "Memmingen, 3. Mai 2022. Zahlreiche Besucher aus Gniezno kamen zum Stadtfest nach Memmingen."
    assert _pairs(*_read(tmp_path, text)) == set()


def test_the_guests_head_named_in_the_story_leads_unless_absent(tmp_path: Path):
    """A received official's visit ('begrüßte den Bürgermeister von A') is led by A's mayor the story names later;
    a head who 'konnte nicht teilnehmen' leads nothing."""
    text = ("Memmingen, 3. Mai 2022. Oberbürgermeister Jan Kreuter begrüßte am Montag den Bürgermeister von Gniezno im Rathaus. "
            "Tomasz Nowak, Bürgermeister der Stadt Gniezno, lobte den Empfang.")
    assert _visits(*_read(tmp_path, text))[0]["lead"] == {"Tomasz Nowak"}
    text = ("Memmingen, 3. Mai 2022. Oberbürgermeister Jan Kreuter begrüßte am Montag eine Delegation aus Gniezno im Rathaus. "
            "Tomasz Nowak, Bürgermeister der Stadt Gniezno, konnte leider nicht teilnehmen.")
    assert _visits(*_read(tmp_path, text))[0]["lead"] == set()


def test_a_foreign_side_is_not_the_storys_own(tmp_path: Path):
    """In a German town's release about its trip, 'Auf polnischer Seite nahmen X und Y teil' names hosts."""
    text = ("Memmingen, 3. Mai 2022. Eine Delegation aus Memmingen reiste am Wochenende in die polnische Partnerstadt Gniezno. "
            "Angeführt wurde die Gruppe von Oberbürgermeister Jan Kreuter. "
            "Auf polnischer Seite nahmen Tomasz Nowak und Ewa Lis an den Gesprächen teil.")
    people = _visits(*_read(tmp_path, text))[0]["people"]
    assert people.get("Tomasz Nowak") == "host" and people.get("Ewa Lis") == "host" and people.get("Jan Kreuter") == "guest"


def test_a_place_taken_for_a_person_takes_no_part(tmp_path: Path):
    """Whatever the name rules make of 'Baia Mare', a place is no participant of the visit."""
    from stakegraph.importers.press.facts import EventF
    from stakegraph.importers.press.orgs import municipality
    ex = StoryExtractor(Segment(["Gäste aus Baia Mare waren in Kempten."]))
    ex.places = {"Kempten", "Baia Mare"}
    ex.facts.persons["Baia Mare"] = type("P", (), {"rule": "press:name", "aliases": set(), "quote": "x"})()
    visit = EventF("visit", None, "Kempten", "x", "press:visit", 0.8, municipality("Baia Mare"), municipality("Kempten"))
    ex._participants(visit, ["Gäste aus Baia Mare waren in Kempten."])
    assert "Baia Mare" not in visit.participants


def test_the_subject_of_a_passive_receiving_verb_is_the_guest(tmp_path: Path):
    """'Vertreter aus A wurden in B empfangen': the passive's subject is received, the place it was received in hosts;
    'In B wurde …' fronted is that place too, never the guest."""
    text = "Lahr. Vertreter aus Kolding wurden am Montag in Lahr herzlich empfangen."
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Kolding", "Stadt Lahr")}
    text = "Kolding. Vertreter der Stadt Lahr wurden am Montag in Kolding empfangen."
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Lahr", "Stadt Kolding")}
    text = "Lahr. Eine Reise führte die Räte weit weg. In Kolding wurden sie von Bürgermeister Karl Weber empfangen."
    assert ("Stadt Kolding", "Stadt Lahr") not in _pairs(*_read(tmp_path, text))


def test_the_hosts_travelling_to_the_guests_home_is_a_visit_of_their_own(tmp_path: Path):
    """After A's visit to B, 'Nun reiste OB X zum Gegenbesuch nach A' (no guests named): B visits A, led by X, and X
    does not lead A's visit."""
    text = ("Lahr. Im vergangenen Jahr war eine Delegation aus Kolding in Lahr. "
            "Nun reiste Oberbürgermeister Max Huber zum Gegenbesuch nach Kolding.")
    visits = {(v["guest"], v["host"]): v["lead"] for v in _visits(*_read(tmp_path, text))}
    assert visits == {("Stadt Kolding", "Stadt Lahr"): set(), ("Stadt Lahr", "Stadt Kolding"): {"Max Huber"}}


def test_the_person_visited_hosts_and_who_comes_along_does_not(tmp_path: Path):
    """'Bürgermeister X aus A besuchte OB Y': X visits and Y, the object, hosts; 'besuchte mit Stadträtin Z …': Z came along."""
    text = "Lahr. Bürgermeister Karl Weber aus Kolding besuchte am Montag Oberbürgermeister Max Huber."
    [visit] = _visits(*_read(tmp_path, text))
    assert visit["people"] == {"Karl Weber": "guest", "Max Huber": "host"}
    text = "Lahr. Bürgermeister Karl Weber aus Kolding besuchte mit Stadträtin Anna Berg die Stadt Lahr."
    [visit] = _visits(*_read(tmp_path, text))
    assert visit["people"] == {"Karl Weber": "guest", "Anna Berg": "guest"}


def test_who_signs_the_golden_book_later_on_is_a_guest(tmp_path: Path):
    """A later sentence with no visit word: 'Im Beisein von OB Y trug sich Bürgermeister X ins Goldene Buch ein': X is a
    guest, Y (named 'im Beisein von') is not."""
    text = ("Lahr. Eine Delegation aus Kolding war am Montag in Lahr zu Gast. Im Beisein von Oberbürgermeister Max Huber "
            "trug sich Bürgermeister Karl Weber in das Goldene Buch der Stadt ein.")
    [visit] = _visits(*_read(tmp_path, text))
    assert visit["people"] == {"Max Huber": "host", "Karl Weber": "guest"}


def test_the_public_from_a_place_is_no_bodys_visit(tmp_path: Path):
    """'Eine Schulklasse aus A besuchte das Wasserwerk', 'Besucherinnen und Besucher aus A': private persons, no visit."""
    assert _visits(*_read(tmp_path, "Lahr. Eine Schulklasse aus Offenburg besuchte am Montag das Wasserwerk.")) == []
    assert _visits(*_read(tmp_path, "Lahr. Besucherinnen und Besucher aus Offenburg kamen zum Fest in den Stadtpark.")) == []


def test_who_meets_the_guests_hosts_them(tmp_path: Path):
    """'OB Y traf sich am Montag mit der Delegation um Bürgermeister X': Y, the subject, meets the guests and hosts;
    X, named with them, is a guest."""
    text = ("Lahr. Eine Delegation aus Kolding war in Lahr zu Gast. Oberbürgermeister Max Huber traf sich am Montag "
            "mit der Delegation um Bürgermeister Karl Weber.")
    [visit] = _visits(*_read(tmp_path, text))
    assert visit["people"] == {"Max Huber": "host", "Karl Weber": "guest"}


def test_after_other_guests_told_in_passing_the_story_returns_to_its_visit(tmp_path: Path):
    """'Am gleichen Tag kam auch eine Delegation aus C nach B': a visit of its own, but the sentences after it speak of
    the story's visit again ('Die Delegation wurde von X angeführt' leads A's visit)."""
    text = ("Lahr. Eine Delegation aus Kolding war am 3. Mai 2023 in Lahr zu Gast. Am gleichen Tag kam auch eine Delegation "
            "aus Offenburg nach Lahr. Die Delegation wurde von Bürgermeister Karl Weber angeführt.")
    leads = {(v["guest"], v["host"]): v["lead"] for v in _visits(*_read(tmp_path, text))}
    assert leads == {("Stadt Kolding", "Stadt Lahr"): {"Karl Weber"}, ("Stadt Offenburg", "Stadt Lahr"): set()}


def test_a_landrat_leading_makes_the_guests_a_county_only_when_one_is_named(tmp_path: Path):
    """'Eine Delegation aus A um Landrat X': no county of A is named, so A's town visits (none made up); with
    'vom Kreis A' the county visits."""
    text = "Lahr. Eine Delegation aus Kolding um Landrat Karl Weber besuchte am Montag Lahr."
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Kolding", "Stadt Lahr")}
    text = "Lahr. Eine Delegation aus Kolding um Landrat Karl Weber vom Kreis Kolding besuchte am Montag Lahr."
    assert _pairs(*_read(tmp_path, text)) == {("Kreis Kolding", "Stadt Lahr")}


def test_a_return_visit_from_a_place_and_a_past_stop_keep_their_direction(tmp_path: Path):
    """'Der Gegenbesuch aus A fand … statt': A visits, as with 'Besuch aus A'; 'Nach dem Besuch in A im Frühjahr kam nun
    der Gegenbesuch: Bürgermeister X aus A war in B': the past stop A is no host, A's mayor visits B."""
    text = "Lahr. Der Gegenbesuch aus Kolding fand am 5. Mai 2023 statt."
    assert _pairs(*_read(tmp_path, text)) == {("Stadt Kolding", "Stadt Lahr")}
    text = ("Lahr. Nach dem Besuch in Kolding im Frühjahr kam nun der Gegenbesuch: Bürgermeister Karl Weber aus Kolding "
            "war am Montag in Lahr.")
    [visit] = _visits(*_read(tmp_path, text))
    assert (visit["guest"], visit["host"], visit["people"]) == ("Stadt Kolding", "Stadt Lahr", {"Karl Weber": "guest"})


def test_a_fronted_place_of_receiving_hosts(tmp_path: Path):
    """'Lahr. In Kolding empfing Bürgermeister X die Gäste aus Lahr': the place the receiving happens in ('In B', 'im
    Rathaus in B') hosts, not the first place of the sentence (the dateline's)."""
    ex = StoryExtractor(Segment(["x"]))
    ex.places = {"Lahr", "Kolding"}
    guest, host = ex.visit_sides("Lahr. In Kolding empfing Bürgermeister Karl Weber die Gäste aus Lahr.")
    assert (guest and guest.place, host and host.place) == ("Lahr", "Kolding")


def test_an_envoy_as_a_guest_is_his_states_visit(tmp_path: Path):
    """'Als Ehrengast nahm der Botschafter der Republik A am Festakt teil' (no visit word): A's visit to the story's town."""
    text = ("Lahr, 3. Mai 2023. Die Stadt Lahr feierte am Sonntag ihr Stadtfest. Als Ehrengast nahm der Botschafter der "
            "Republik Polen, Jan Nowak, am Festakt teil.")
    assert _pairs(*_read(tmp_path, text)) == {("Polen", "Stadt Lahr")}


def test_guests_gone_to_a_country_visit_the_town_named_next(tmp_path: Path):
    """'Eine Delegation aus A war in Dänemark zu Gast. In der Partnerstadt B empfing Bürgermeister X die Gäste': the
    country is no host; A visits B, the town the next visit sentence names."""
    text = ("Lahr. Eine Delegation aus Lahr war in Dänemark zu Gast. In der Partnerstadt Kolding empfing Bürgermeister "
            "Karl Weber die Gäste.")
    [visit] = _visits(*_read(tmp_path, text))
    assert (visit["guest"], visit["host"], visit["people"]) == ("Stadt Lahr", "Stadt Kolding", {"Karl Weber": "host"})
