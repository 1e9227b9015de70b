"""Visit frames of the press importer, continued (the first part is test_press_visits.py): each phenomenon on
a short text of our own (real gazetteer places, invented persons)."""

from __future__ import annotations

from pathlib import Path

from stakegraph.importers.press.rules import StoryExtractor
from stakegraph.importers.press.text import Segment

from tests.press_text import pairs as _pairs, read as _read, visits as _visits


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
