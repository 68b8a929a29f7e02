"""The committed zxcvbn table (tests/strength/zxcvbn-table.json, which
tests/strength.rs compares our estimate against) is what live zxcvbn 4.5.0
says: regenerated here and compared, so the table cannot drift or be made up."""

import importlib.util
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def load_script():
    spec = importlib.util.spec_from_file_location("strength_table", ROOT / "scripts" / "strength-table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_table_is_live_zxcvbn():
    committed = json.loads((ROOT / "tests" / "strength" / "zxcvbn-table.json").read_text())
    assert committed == load_script().table()


def test_table_covers_the_issue_examples():
    secrets = [row["secret"] for row in json.loads((ROOT / "tests" / "strength" / "zxcvbn-table.json").read_text())["rows"]]
    assert secrets[:4] == ["CiscoWebex2026", "Password1!Password1!", "Winter-Is-Coming-2027!", "a" * 20]
    assert len(secrets) >= 40
