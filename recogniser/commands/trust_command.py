"""``recogniser trust``: the office's trust anchors, against which a signer's certificate chain is checked.

``trust add FILE`` takes a certificate (PEM or DER) or an EU trusted list the office downloaded itself (XML);
``trust list`` shows the anchors; ``trust remove FINGERPRINT`` removes one. Nothing is fetched.
"""

from __future__ import annotations

import argparse
import sys

from recogniser.i18n import _, phrase, plural, say
from recogniser.trust import TrustStore, add_trust_anchors, remove_trust_anchor, trust_folder


def _add(options: argparse.Namespace) -> int:
    anchors = add_trust_anchors(options.file)
    for anchor in anchors:
        sys.stdout.write(
            say("Trusted {name} ({fingerprint})", name=anchor.name, fingerprint=anchor.fingerprint[:16]) + "\n"
        )
    count = plural(
        "{n} certificate in {folder}", "{n} certificates in {folder}", n=len(anchors), folder=str(trust_folder())
    )
    sys.stdout.write(count.text() + "\n")
    return 0


def _list(_options: argparse.Namespace) -> int:
    store = TrustStore.load()
    if not len(store):
        sys.stdout.write(
            _("No trusted certificates: no credential can be 'verified'. Add one with: recogniser trust add CERT")
            + "\n"
        )
        return 0
    for anchor in sorted(store.anchors.values(), key=lambda item: item.name.casefold()):
        until = anchor.certificate.not_valid_after_utc
        valid = say("valid until {day}", day=until.date())
        sys.stdout.write(f"{anchor.fingerprint}  {anchor.name} ({valid})\n")
    return 0


def _remove(options: argparse.Namespace) -> int:
    anchor = remove_trust_anchor(options.fingerprint)
    gone = phrase("No longer trusted: {name} ({fingerprint})", name=anchor.name, fingerprint=anchor.fingerprint[:16])
    sys.stdout.write(gone.text() + "\n")
    return 0
