"""Who an Open Badges credential names: the learner (Annex I element 1), the issuer and its country (3, 4)."""

from __future__ import annotations

from typing import Any

from recogniser.countries import alpha2, alpha2_by_name
from recogniser.interchange.elements import CredentialDraft
from recogniser.interchange.jsonld import (
    first_node,
    identifier_of,
    nodes,
)


class OpenBadgeParties:
    """The elements about people and bodies, for the mapper in ``openbadges.py`` to call once it has set these
    attributes; ``text`` is the mapper's, reading a text in the preferred languages."""

    credential: dict[str, Any]
    edubadges: bool
    draft: CredentialDraft
    subject: dict[str, Any]
    achievement: dict[str, Any]
    issuer: dict[str, Any]

    def text(self, value: Any) -> str | None:
        raise NotImplementedError  # the mapper's

    def _learner(self) -> None:
        name = self.text(self.subject.get("name"))
        titles = {self.text(self.achievement.get("name")), self.text(self.credential.get("name"))} - {None}
        if name and name in titles:
            self.draft.warn(f"credentialSubject.name '{name}' is the badge's title, not the learner's name; not used.")
            name = None
        if name:
            self.draft.put(1, "learner.name", name, "credentialSubject.name")
        hashed: list[str] = []
        for identity in nodes(self.subject.get("identifier")):
            kind = str(identity.get("identityType", "identifier"))
            value = identity.get("identityHash")
            if not isinstance(value, str) or not value:
                continue
            if identity.get("hashed") is True or str(identity.get("hashed")).lower() == "true":
                hashed.append(kind)
            elif kind == "name" and not name:
                name = value
                self.draft.put(1, "learner.name", value, "credentialSubject.identifier.identityHash (name)")
            elif "identifier" not in self.draft.credential.get("learner", {}):
                self.draft.put(1, "learner.identifier", f"{value} ({kind})", "credentialSubject.identifier")
        subject_id = identifier_of(self.subject)
        if subject_id and "identifier" not in self.draft.credential.get("learner", {}):
            self.draft.put(1, "learner.identifier", subject_id, "credentialSubject.id")
        if hashed:
            self.draft.note(f"Learner identified by a hashed {', '.join(hashed)}: ask the applicant to prove it")
        if not name:
            known = ", ".join(["hashed " + kind for kind in hashed] + (["an identifier"] if subject_id else []))
            if self.draft.has(1):
                self.draft.incomplete(
                    1, f"no learner name in the credential, only {self._identified_by()}: ask the applicant for it"
                )
            else:
                self.draft.missing(1, f"no learner name in the credential (only {known or 'nothing'})")

    def _identified_by(self) -> str:
        identifier = str(self.draft.credential.get("learner", {}).get("identifier", ""))
        if "@" in identifier and " " not in identifier.split(" (", maxsplit=1)[0]:
            return "an e-mail address"
        if identifier.startswith(("http://", "https://")):
            return "a URL"
        return "an identifier"

    def _issuer(self) -> None:
        parent = first_node(self.issuer.get("parentOrg"))
        issuer_name = self.text(self.issuer.get("name"))
        # In the Edubadges profile the issuer is a faculty and its parent the institution that awards; elsewhere
        # the issuer awards, and its parent organisation is only named.
        awarding_parent = parent is not None and self.edubadges
        body, path = (parent, "issuer.parentOrg") if parent is not None and awarding_parent else (self.issuer, "issuer")
        body_name = self.text(body.get("name"))
        if body_name:
            self.draft.put(4, "awarding_body.name", body_name, f"{path}.name")
            self.draft.guess_provider_kind(body_name, f"{path}.name")
        else:
            reason = "the issuer is only a URL" if isinstance(self.credential.get("issuer"), str) else "no issuer name"
            self.draft.missing(4, reason)
        parent_name = self.text(parent.get("name")) if parent is not None else None
        if awarding_parent and issuer_name and issuer_name != body_name:
            self.draft.note(f"Issued by {issuer_name}, part of {body_name}")
        elif parent_name and not awarding_parent:
            self.draft.note(f"Issuer's parent organisation: {parent_name}")
        creator = first_node(self.achievement.get("creator"))
        creator_name = self.text(creator.get("name")) if creator else None
        if creator_name and creator_name not in (body_name, issuer_name):
            self.draft.warn(f"The achievement was created by {creator_name} but issued by {issuer_name or body_name}.")
            self.draft.note(f"Achievement created by {creator_name}")
        for identifier in nodes(self.issuer.get("otherIdentifier")) + nodes(body.get("otherIdentifier")):
            if identifier.get("identifier"):
                self.draft.note(
                    f"Issuer identifier ({identifier.get('identifierType', 'other')}): {identifier['identifier']}"
                )
        for node, where in ((body, path), (self.issuer, "issuer")):
            address = first_node(node.get("address"))
            raw = address.get("addressCountryCode") if address else None
            named = address.get("addressCountry") if address else None
            if (not isinstance(raw, str) or not raw.strip()) and isinstance(named, str) and named.strip():
                code = alpha2(named) or alpha2_by_name(named)
                if code is None:
                    self.draft.not_using(
                        f"{where}.address.addressCountry '{named}': not a country name the project knows"
                    )
                    continue
                source = f"{where}.address.addressCountry ('{named}', a country by name)"
                self.draft.not_using(f"Country '{named}' given by name: taken as {code}")
                self.draft.put(3, "issuer_country", code, source)
                self.draft.put(4, "awarding_body.country", code, source)
                return
            if not isinstance(raw, str) or not raw.strip():
                continue
            code = alpha2(raw)
            if code is None:
                self.draft.warn(f"{where}.address.addressCountryCode '{raw}' is not an ISO 3166-1 code; ignored.")
                continue
            source = f"{where}.address.addressCountryCode"
            self.draft.put(3, "issuer_country", code, source)
            self.draft.put(4, "awarding_body.country", code, source)
            return
        self.draft.missing(3, "no addressCountryCode in the issuer's address")
