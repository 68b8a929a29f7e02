#!/usr/bin/env python3
"""Writes tests/strength/zxcvbn-table.json: what zxcvbn 4.5.0 (the pip
package) says of each example secret, for tests/strength.rs to compare our
estimate against. tests/interop/test_strength_zxcvbn.py checks the committed
table still matches live zxcvbn. Run from the repository root."""

import importlib.metadata
import json
import pathlib
import sys

from zxcvbn import zxcvbn

VERSION = "4.5.0"
OUT = pathlib.Path("tests/strength/zxcvbn-table.json")

EXAMPLES = [
    # The four, and twenty a's.
    "CiscoWebex2026", "Password1!Password1!", "Winter-Is-Coming-2027!", "aaaaaaaaaaaaaaaaaaaa",
    # Common passwords and l33t.
    "password", "P@ssw0rd", "p4ssw0rd123", "letmein", "iloveyou", "dragon2000", "monkey123",
    # Keyboard walks.
    "qwertyuiop", "1qaz2wsx", "asdfghjkl", "zxcvbnm,./", "qwerty123456",
    # Dates and years.
    "12/03/1987", "19870312", "3.12.87", "born1975", "summer2019",
    # Names and years, words.
    "Michael1985", "jennifer", "smith2010", "sunshine", "TheQuickBrownFox", "horsebattery",
    # Sequences and repeats.
    "abcdefgh", "987654321", "abcabcabcabc", "zzzzzz", "1234512345",
    # Passphrases.
    "correct horse battery staple", "CorrectHorseBatteryStaple", "the house on the hill",
    # Random strings.
    "x7#Kq9!vB2", "rT8vLq2ZmW4pNc", "G7r$kP!2wQz9@xL3",
    # Generated formats (rated exactly by us; zxcvbn underrates the phrase).
    "bafo-lemi-tuso-vagi-rupe-kodu", "q3Lw9vXz1RkT8mYp2NcA7w",
]


def main():
    if importlib.metadata.version("zxcvbn") != VERSION:
        sys.exit(f"needs zxcvbn {VERSION}")
    OUT.write_text(json.dumps(table(), indent=1) + "\n")
    print(f"wrote {OUT}")


def table():
    rows = []
    for secret in EXAMPLES:
        result = zxcvbn(secret)
        rows.append({
            "secret": secret,
            "guessesLog10": round(float(result["guesses_log10"]), 2),
            "score": result["score"],
        })
    return {"zxcvbn": VERSION, "rows": rows}


if __name__ == "__main__":
    main()
