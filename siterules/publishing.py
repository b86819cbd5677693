"""A build for publishing refuses the placeholder addresses a reader would follow.

Two links in every footer go to addresses only the publisher knows: the whole-guide PDF (at
site_url, set by SITE_URL) and "Suggest a correction" (extra.corrections_url, set by
CORRECTIONS_URL). Until the guide has its real home both are placeholders on the reserved
example.org domain, which is right for a local build and wrong on the web: a parent's email
would bounce and the PDF link would lead nowhere. A build for publishing (PUBLISH=1, as the
publish job in .github/workflows/site.yml sets it) stops on either, naming the setting.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from siterules.problem import Problem

# Domains no one can own (RFC 2606, RFC 6761), and this machine.
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")
SETTINGS = {
    "site_url": ("the address of the PDF link and of every page", "set SITE_URL to the address the site is published at"),
    "corrections_url": ("where 'Suggest a correction' goes", "set CORRECTIONS_URL (or extra.corrections_url) to "
                                                             "a real mailto: address or issue form"),
}


def _host(address: str) -> str:
    if address.startswith("mailto:"):
        return address.split("@")[-1].split("?")[0].lower()
    return (urlsplit(address).hostname or "").lower()


def is_placeholder(address: str) -> bool:
    host = _host(address)
    return not host or any(host == p or host.endswith("." + p) for p in PLACEHOLDER_HOSTS)


def check_publishing(addresses: dict[str, str]) -> list[Problem]:
    """`addresses`: {"site_url": ..., "corrections_url": ...} as the build will use them."""
    return [Problem("mkdocs.yml", None, f"{name} is a placeholder ({address}): it is {SETTINGS[name][0]}",
                    SETTINGS[name][1])
            for name, address in addresses.items() if is_placeholder(address)]
