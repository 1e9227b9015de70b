"""A small learned decision of each visit participant's side (guest or host) over the rules' own.

The visit rules give every participant a side from one of several cues (lead, receiving verb, role's body,
delegation frame, the story's default). This module turns that evidence and a few general text features
(is the person named next to the guests' or the hosts' place or demonym, before or after it, in sentences
with a receiving or travel verb, after a delegation word) into numbers; a logistic model whose weights ship
as ``visit_side_model.json`` (trained on the development articles by ``eval/press/train_visit_sides.py``)
gives the probability that the person is a guest. The rules' side is kept unless the model is confident
the other way (the margin chosen by cross-validation). Deterministic: features built in a fixed order.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any
from .weights import load_weights, logistic

MODEL_PATH = Path(__file__).with_name("visit_side_model.json")

#: Verbs whose subject hosts, and verbs whose subject travels.
_RECEIVE = re.compile(r"\b(?:empfing|empfingen|empfangen|empfängt|begrüßte|begrüßten|begrüßt|begrüßen|willkommen|hieß|hießen)\b")
_TRAVEL = re.compile(r"\b(?:reiste|reisten|gereist|fuhr|fuhren|gefahren|flog|flogen|besuchte|besuchten|stattete|statteten|weilte|weilten)\b")
_GUESTS = re.compile(r"\b(?:Delegation|Delegationen|Abordnung|Gäste|Gästen|Gast|Besucher|Besuchergruppe|Reisegruppe)\b")
_SAID = re.compile(r"(?:,|„|“|\")\s*(?:sagte|sagt|betonte|erklärte|so|meinte|freute sich|unterstrich|ergänzte)\s+(?:[\w.-]+\s+){0,4}$")
_PASSIVE = re.compile(r"\b(?:wurden?|worden|werden)\b")
_AGENT = re.compile(r"\b(?:von|vom|durch)\s+(?:[^\s,]+\s+){0,4}$")
_WINDOW = 45


def load_model(path: str = str(MODEL_PATH)) -> dict[str, Any] | None:
    """The shipped weights and margin (None when the file is missing: the rules' sides stay)."""
    return load_weights(path)


def probability(feats: dict[str, float], model: dict[str, Any]) -> float:
    """The model's probability that the person is on the guests' side."""
    return logistic(feats, model)


def decide(rule_side: str, feats: dict[str, float], model: dict[str, Any] | None) -> str:
    """The side kept: the rules' unless the model is at least ``margin`` sure of the other one."""
    if model is None:
        return rule_side
    p = probability(feats, model)
    margin = float(model.get("margin", 0.5))
    if rule_side == "host" and p >= 0.5 + margin:
        return "guest"
    if rule_side == "guest" and p <= 0.5 - margin:
        return "host"
    return rule_side


def _word_at(text: str, word: str) -> list[int]:
    """Start positions of ``word`` as a whole word (a place form may take a demonym's 'er' or a genitive 's')."""
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = at == 0 or not text[at - 1].isalnum()
        tail = text[end:end + 3]
        after = end == len(text) or not text[end].isalpha() or (tail[:2] == "er" and not tail[2:3].isalpha()) \
            or (tail[:1] == "s" and not tail[1:2].isalpha())
        if before and after:
            out.append(at)
        at = text.find(word, end)
    return out


def _name_at(text: str, name: str) -> list[int]:
    """Start positions of a person's name as a whole word (no demonym endings)."""
    out = []
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            out.append(at)
        at = text.find(name, end)
    return out


def _forms(place: str | None) -> list[str]:
    """The forms a side's place is named by: itself and, for a two-word place, its first word ('Bad X' apart)."""
    if not place:
        return []
    out = [place]
    head = place.split()[0]
    if " " in place and len(head) > 3 and head not in ("Bad", "Sankt", "Sankt-", "Groß", "Klein", "Neu", "Alt"):
        out.append(head)
    return out


def text_features(name: str, sents: list[str], guest_place: str | None, host_place: str | None) -> dict[str, float]:
    """Where the person is named relative to the sides' places and the visit's verbs, over the story's sentences."""
    gforms, hforms = _forms(guest_place), _forms(host_place)
    f: dict[str, float] = {}
    n = 0
    closer = 0.0
    for sent in sents:
        spots = _name_at(sent, name)
        if not spots:
            continue
        n += 1
        at = spots[0]
        end = at + len(name)
        gpos = [p for form in gforms for p in _word_at(sent, form)]
        hpos = [p for form in hforms for p in _word_at(sent, form)]
        if gpos:
            f["g_sent"] = f.get("g_sent", 0.0) + 1
        if hpos:
            f["h_sent"] = f.get("h_sent", 0.0) + 1
        for key, pos in (("g", gpos), ("h", hpos)):
            if any(at - _WINDOW <= p < at for p in pos):
                f[f"{key}_before"] = 1.0
            if any(end <= p <= end + _WINDOW for p in pos):
                f[f"{key}_after"] = 1.0
        if gpos and hpos and not closer:
            dg = min(abs(p - at) for p in gpos)
            dh = min(abs(p - at) for p in hpos)
            closer = 1.0 if dg < dh else -1.0 if dh < dg else 0.0
        recv = _RECEIVE.search(sent)
        if recv is not None:
            passive = _PASSIVE.search(sent, 0, recv.start()) is not None  # 'X wurde von Y empfangen': X received, Y the agent
            agent = passive and _AGENT.search(sent, max(0, at - 40), at) is not None
            f[("recv_agent" if agent else "recv_passive_subject" if at < recv.start() else "recv_passive_after") if passive
              else "recv_subject" if at < recv.start() else "recv_after"] = 1.0
        trav = _TRAVEL.search(sent)
        if trav is not None:
            f["travel_subject" if at < trav.start() else "travel_after"] = 1.0
        guests = _GUESTS.search(sent)
        if guests is not None:
            f["guests_before" if guests.start() < at else "guests_after"] = 1.0
        if _SAID.search(sent, max(0, at - 40), at):
            f["said"] = 1.0
    if n:
        f["g_sent"] = f.get("g_sent", 0.0) / n
        f["h_sent"] = f.get("h_sent", 0.0) / n
        f["n_sents"] = math.log1p(n)
    f["closer"] = closer
    return f
