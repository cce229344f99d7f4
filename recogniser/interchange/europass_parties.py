"""Who a Europass credential names: the learner (Annex I element 1), the awarding body and its country (3, 4)."""

from __future__ import annotations

from typing import Any

from recogniser.countries import alpha2, alpha2_by_name
from recogniser.interchange.elements import CredentialDraft
from recogniser.interchange.jsonld import (
    as_list,
    calendar_day,
    first_node,
    identifier_of,
    nodes,
)

#: Where the claim and its awarding body sit in the credential (compact keys of the EDC context).
CLAIM = "credentialSubject.hasClaim"
BODY = f"{CLAIM}.awardedBy.awardingBody"


class EuropassParties:
    """The elements about people and bodies, for the mapper in ``europass.py`` to call once it has set these
    attributes; ``text`` is the mapper's, reading a text in the preferred languages."""

    credential: dict[str, Any]
    draft: CredentialDraft
    subject: dict[str, Any]
    issuer: dict[str, Any] | None
    body: dict[str, Any] | None

    def text(self, value: Any) -> str | None:
        raise NotImplementedError  # the mapper's

    # --- 1 learner ---

    def _learner(self) -> None:
        name = self.text(self.subject.get("fullName"))
        source = "credentialSubject.fullName"
        if name is None:
            parts = [self.text(self.subject.get(key)) for key in ("givenName", "familyName")]
            name = " ".join(part for part in parts if part) or None
            source = "credentialSubject.givenName + familyName"
        if name is not None:
            self.draft.put(1, "learner.name", name, source)
        national = first_node(self.subject.get("nationalID"))
        if national is not None and national.get("notation"):
            country = self._country_code(national.get("spatial"))
            shown = f"{national['notation']} ({country})" if country else str(national["notation"])
            self.draft.put(1, "learner.identifier", shown, "credentialSubject.nationalID.notation")
        else:
            other = next((n for n in nodes(self.subject.get("identifier")) if n.get("notation")), None)
            email = self._email()
            if other is not None:
                self.draft.put(1, "learner.identifier", str(other["notation"]), "credentialSubject.identifier.notation")
            elif email is not None:
                self.draft.put(1, "learner.identifier", f"{email[0]} (e-mail)", email[1])
            elif identifier_of(self.subject):
                self.draft.put(1, "learner.identifier", str(identifier_of(self.subject)), "credentialSubject.id")
        birth = calendar_day(self.subject.get("dateOfBirth"))
        if birth is not None:
            self.draft.put(
                1,
                "learner.date_of_birth",
                birth.day.isoformat(),
                "credentialSubject.dateOfBirth",
                guessed=bool(birth.note),
            )
            if birth.note:
                self.draft.warn(f"credentialSubject.dateOfBirth {birth.note}.")
        if name is None:
            reason = "credentialSubject has no fullName, givenName or familyName"
            identifier = str(self.draft.credential.get("learner", {}).get("identifier", ""))
            if identifier:
                by = "an e-mail address" if identifier.endswith(" (e-mail)") else "an identifier"
                self.draft.incomplete(1, f"{reason}: the learner is identified only by {by}; ask for the name")
            elif self.draft.has(1):
                self.draft.incomplete(1, reason)
            else:
                self.draft.missing(1, reason)

    def _email(self) -> tuple[str, str] | None:
        """The learner's e-mail address (``contactPoint.emailAddress``, a ``mailto:`` identifier)."""
        for point in nodes(self.subject.get("contactPoint")):
            for address in as_list(point.get("emailAddress")) + as_list(point.get("hasEmailAddress")):
                found = identifier_of(address)
                if found:
                    return found.removeprefix("mailto:"), "credentialSubject.contactPoint.emailAddress"
        return None

    # --- 3 country, 4 awarding body ---

    def _awarding_body(self) -> None:
        body_name = self.text(self.body.get("legalName")) if self.body else None
        issuer_name = self.text(self.issuer.get("legalName")) if self.issuer else None
        if body_name:
            self.draft.put(4, "awarding_body.name", body_name, f"{BODY}.legalName")
            self.draft.guess_provider_kind(body_name, f"{BODY}.legalName")
        elif issuer_name:
            self.draft.put(
                4, "awarding_body.name", issuer_name, "issuer.legalName (no awarding body is named)", guessed=True
            )
        else:
            self.draft.missing(4, f"neither {BODY} nor issuer has a legalName")
        self._mandate(body_name, issuer_name)
        for node, path in ((self.body, BODY), (self.issuer, "issuer")):
            found = self._organisation_country(node, path)
            if found is None:
                continue
            code, where = found
            self.draft.put(3, "issuer_country", code, where)
            if body_name or node is self.issuer:
                self.draft.put(4, "awarding_body.country", code, where)
            return
        self.draft.missing(3, f"no country in {BODY}.location or issuer.location")

    def _mandate(self, body_name: str | None, issuer_name: str | None) -> None:
        if not (self.body and self.issuer and body_name and issuer_name):
            return
        same_id = identifier_of(self.body) is not None and identifier_of(self.body) == identifier_of(self.issuer)
        if same_id or body_name.casefold() == issuer_name.casefold():
            return
        mandate = any("mandate" in (self.text(e.get("dcType")) or "").casefold() for e in self._evidence())
        basis = "a mandate is recorded as evidence" if mandate else "no mandate is recorded as evidence"
        self.draft.warn(
            f"Issued by {issuer_name} on behalf of the awarding body {body_name} ({basis}): "
            "check that the issuer acts for the awarding body."
        )
        self.draft.note(f"Issuer: {issuer_name}, on behalf of the awarding body {body_name}")

    def _evidence(self) -> list[dict[str, Any]]:
        return nodes(self.credential.get("evidence"))

    def _organisation_country(self, node: dict[str, Any] | None, path: str) -> tuple[str, str] | None:
        if node is None:
            return None
        for location in nodes(node.get("location")):
            for address in nodes(location.get("address")):
                code = self._country_code(address.get("countryCode"))
                if code:
                    return code, f"{path}.location.address.countryCode"
        registration = first_node(node.get("registration"))
        code = self._country_code(registration.get("spatial")) if registration else None
        return (code, f"{path}.registration.spatial") if code else None

    def _country_code(self, concept: Any) -> str | None:
        """A country concept by its authority URI, its notation (``ES``, as EBSI-style files write it) or, failing
        both, its name (``Japan``), which is reported."""
        node = first_node(concept)
        written = [identifier_of(concept), str(node.get("notation", "")) if node else None]
        for raw in written:
            code = alpha2(raw) if raw else None
            if code is not None:
                return code
        name = (self.text(node.get("prefLabel")) if node else None) or (concept if isinstance(concept, str) else None)
        code = alpha2_by_name(name) if name else None
        shown = next((raw for raw in written if raw), name)
        if code is not None:
            self.draft.not_using(f"Country '{shown}' is no ISO 3166-1 code: taken by its name '{name}' as {code}")
        elif shown:
            self.draft.warn(f"Country '{shown}' is not an ISO 3166-1 code; ignored.")
            self.draft.not_using(f"Country '{shown}': neither an ISO 3166-1 code nor a country name the project knows")
        return code
