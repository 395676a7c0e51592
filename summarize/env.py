"""The one reading of a true/false value from the environment or a config file.

The settings layer validates ``SUMMARIZE_*`` flags with :func:`parse_flag` (an unknown word is an
error there); the runtime and the fetcher read the few flags that other tools also set
(``HF_HUB_OFFLINE``) with :func:`env_flag`, where a word it does not know counts as false, as it does
for those tools.
"""

from __future__ import annotations

import os

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off", ""})


def parse_flag(value: str) -> bool | None:
    """``value`` as true or false; None when it is neither word."""
    word = value.strip().lower()
    return True if word in TRUE else False if word in FALSE else None


def env_flag(name: str) -> bool:
    """Whether the environment variable ``name`` is set to a true word (1, true, yes, on)."""
    return parse_flag(os.environ.get(name, "")) is True
