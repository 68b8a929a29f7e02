"""The fleet end to end, against an independent reading: make_fleet.py writes a
fleet (CA, leaves, keys in four formats, traps), our committed wasm builds it
(buildFleet through tests/interop/fleet.mjs), and tests/fleet/open_blobs.py
opens every blob of the zip with hashlib.scrypt (OpenSSL) and jwcrypto. The zip
is checked as an admin receives it: `unzip -t`, its layout, no secret and no
private key, inventory.csv through Python's csv module, formula cells
neutralised; and a renewal row's blobs in order with their payloads."""

import base64
import csv
import io
import json
import pathlib
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

HERE = pathlib.Path(__file__).parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fleet"))
import open_blobs  # noqa: E402  (tests/fleet/open_blobs.py: no code of ours)

INVENTORY_COLUMNS = ["device", "deviceId", "line", "folder", "status", "findings", "built", "commonName",
                     "subjectAltNames", "sha1", "sha256", "notAfter", "daysLeft", "issuer"]
XAPI_COMMANDS = {
    "add": "Security.Certificates.Services.Add",
    "activate": "Security.Certificates.Services.Activate",
    "deactivate": "Security.Certificates.Services.Deactivate",
    "populate": "Security.ClientSecret.Populate",
}
# The renewal row (room-7): two old fingerprints, one as openssl prints it, and a new secret.
OLD = ["AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD", "0123456789abcdef0123456789abcdef01234567"]
OLD_NORMALISED = ["aabbccddeeff00112233445566778899aabbccdd", OLD[1]]
NEW_SECRET = "n3w secret, for room-7"
# Devices renamed to what a spreadsheet would run as a formula; each row still names its own files.
RENAMED = {"room-1": '=HYPERLINK("x")', "room-2": "+room-2", "room-4": "-room-4", "room-5": "@room-5"}


def build(fleet_dir: pathlib.Path, out: pathlib.Path, *, manifest=None, initial_populate=False):
    """Runs buildFleet on the fleet: (devices.json as a dict, the zip's path)."""
    cmd = ["node", str(HERE / "fleet.mjs"), str(fleet_dir), str(out)]
    if manifest is not None:
        cmd += ["--manifest", str(manifest)]
    if initial_populate:
        cmd.append("--initial-populate")
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads((out / "devices.json").read_text()), out / "fleet.zip"


def read_zip(path: pathlib.Path) -> dict:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name).decode() for name in z.namelist()}


def blobs_from_zip(entries: dict, devices: list, secrets: dict) -> list:
    """open_blobs' input from the zip's <folder>/xapi.json, each folder mapped to its device."""
    by_folder = {d["folder"]: d for d in devices}
    out = []
    for name, text in entries.items():
        folder, _, file = name.partition("/")
        if file != "xapi.json":
            continue
        device = by_folder[folder]["device"]
        out.append({"device": device, "secret": secrets[device], "commands": open_blobs.from_xapi(json.loads(text))})
    return out


def initial_populate_command(secret: str) -> str:
    """The plain first seed, as the single-device workflow writes it (the README's example)."""
    return f'xCommand Security ClientSecret Populate Secret: "{base64.urlsafe_b64encode(secret.encode()).rstrip(b"=").decode()}"'


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    root = tmp_path_factory.mktemp("fleet")
    subprocess.run([sys.executable, str(ROOT / "tests" / "fleet" / "make_fleet.py"), str(root / "in"),
                    "--devices", "8", "--traps"], check=True, capture_output=True)
    expected = json.loads((root / "in" / "expected.json").read_text())
    devices, zip_path = build(root / "in", root / "out")
    return {"root": root, "dir": root / "in", "expected": expected, "devices": devices["devices"],
            "findings": devices["findings"], "zip": zip_path}


def secrets_of(expected: dict) -> dict:
    return {e["device"]: e["secret"] for e in expected["entries"] if e["secret"] is not None}


def test_every_device_is_as_expected_json_says(fleet):
    entries = fleet["expected"]["entries"]
    assert [d["line"] for d in fleet["devices"]] == [e["line"] for e in entries]
    for device, entry in zip(fleet["devices"], entries):
        assert device["status"] == entry["expect"]["status"], (entry["device"], device["findings"])
        codes = {f["code"] for f in device["findings"]}
        assert set(entry["expect"]["codes"]) <= codes, entry["device"]
        if device["status"] == "error":
            assert device["commands"] == [], entry["device"]
            continue
        assert device["device"] == entry["device"]
        assert device["sha1"] == entry["sha1"] and device["commonName"] == entry["commonName"]
        assert [c["action"] for c in device["commands"]] == ["add", "activate"]
        for c in device["commands"]:
            assert c["xapi"]["command"] == XAPI_COMMANDS[c["action"]]
            assert c["xapi"]["deviceId"] == entry["deviceId"]


def test_unzip_t_passes_and_names_are_safe(fleet):
    if shutil.which("unzip") is None:
        pytest.skip("unzip is not installed")
    out = subprocess.run(["unzip", "-t", str(fleet["zip"])], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No errors detected" in out.stdout
    with zipfile.ZipFile(fleet["zip"]) as z:
        assert z.testzip() is None
        for info in z.infolist():
            assert info.filename.isascii() and not info.filename.startswith("/"), info.filename
            assert all(part not in ("", ".", "..") for part in info.filename.split("/")), info.filename
            assert "\\" not in info.filename and info.compress_type == zipfile.ZIP_STORED


def test_the_zip_layout_and_commands(fleet):
    entries = read_zip(fleet["zip"])
    built = [d for d in fleet["devices"] if d["status"] != "error"]
    expected_names = ["README.txt", "inventory.csv"]
    for d in built:
        expected_names += [f"{d['folder']}/commands.txt", f"{d['folder']}/xapi.json"]
    assert list(entries) == expected_names
    assert "initial-populate.txt" not in entries
    for d in built:
        assert entries[f"{d['folder']}/commands.txt"] == "".join(c["text"] + "\n" for c in d["commands"])
        xapi = entries[f"{d['folder']}/xapi.json"]
        lines = xapi.split("\n")
        assert lines[0] == "[" and lines[-2:] == ["]", ""], "a JSON array, one command per line"
        assert [json.loads(line.rstrip(",")) for line in lines[1:-2]] == [c["xapi"] for c in d["commands"]]
        add = d["commands"][0]
        assert add["text"] == f"xCommand Security Certificates Services Add IsEncrypted: True\n{add['jwe']}\n."


def test_every_blob_opens_independently_to_expected_payloads(fleet):
    entries = read_zip(fleet["zip"])
    blobs = blobs_from_zip(entries, fleet["devices"], secrets_of(fleet["expected"]))
    assert len(blobs) == sum(d["status"] != "error" for d in fleet["devices"])
    opened = open_blobs.open_all(blobs)
    assert opened["problems"] == []
    assert open_blobs.check(opened, fleet["expected"]) == []
    by_device = {e["device"]: e for e in fleet["expected"]["entries"]}
    salts, ivs = [], []
    for d in opened["devices"]:
        entry = by_device[d["device"]]
        assert [b["action"] for b in d["blobs"]] == ["add", "activate"]
        assert d["blobs"][0]["payload"] == entry["addPayload"]
        assert d["blobs"][1]["payload"] == entry["sha1"]
        salts += [b["salt"] for b in d["blobs"]]
        ivs += [b["iv"] for b in d["blobs"]]
    assert len(set(salts)) == len(salts) and len(set(ivs)) == len(ivs)
    # What buildFleet returned is what the zip holds.
    jwes = {d["device"]: [c["jwe"] for c in d["commands"]] for d in fleet["devices"]}
    for d in blobs:
        assert [c["jwe"] for c in d["commands"]] == jwes[d["device"]]


def assert_no_secret_and_no_key(entries: dict, expected: dict, also=()):
    text = "\n".join(entries.values())
    assert "PRIVATE KEY" not in text
    for e in expected["entries"]:
        if e["secret"]:
            assert e["secret"] not in text, f"{e['device']}'s secret is in the zip"
    for secret in also:
        assert secret not in text


def test_the_zip_holds_no_secret_and_no_private_key(fleet):
    assert_no_secret_and_no_key(read_zip(fleet["zip"]), fleet["expected"])


def test_initial_populate_only_when_asked(fleet):
    devices, zip_path = build(fleet["dir"], fleet["root"] / "seeded", initial_populate=True)
    entries = read_zip(zip_path)
    seeds = entries.pop("initial-populate.txt")
    assert "PRIVATE KEY" not in "\n".join(entries.values()) + seeds
    for device, entry in zip(devices["devices"], fleet["expected"]["entries"]):
        if device["status"] == "error":
            if entry["secret"]:
                assert initial_populate_command(entry["secret"]) not in seeds, entry["device"]
            continue
        assert f"{device['device']}\n{initial_populate_command(entry['secret'])}\n" in seeds, device["device"]
    # Everything but that one file still holds no secret.
    assert_no_secret_and_no_key(entries, fleet["expected"])


def test_inventory_csv_has_the_documented_columns_and_one_row_per_device(fleet):
    text = read_zip(fleet["zip"])["inventory.csv"]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == INVENTORY_COLUMNS
    body = [dict(zip(INVENTORY_COLUMNS, r)) for r in rows[1:]]
    assert len(body) == len(fleet["devices"])
    for row, device in zip(body, fleet["devices"]):
        assert row["status"] == device["status"]
        assert row["built"] == ("no" if device["status"] == "error" else "yes")
        assert row["findings"].split() == [f["code"] for f in device["findings"]]
        assert row["sha1"] == (device["sha1"] or "")
        assert row["sha256"] == (device["sha256"] or "")
        assert row["notAfter"] == (device["notAfter"] or "")
        if device["status"] != "error":
            assert (row["device"], row["folder"], row["commonName"]) == (device["device"], device["folder"],
                                                                          device["commonName"])


@pytest.fixture(scope="module")
def renamed(fleet):
    """The same fleet, its manifest edited: four devices renamed to formulas, room-7 a renewal."""
    lines = (fleet["dir"] / "manifest.csv").read_text().split("\n")
    assert lines[0] == "device,secret,certificate,key,deviceId"
    out = [lines[0] + ",deactivate,newSecret"]
    for line in lines[1:]:
        if not line:
            continue
        name, rest = line.split(",", 1)
        if name in RENAMED:
            name = '"' + RENAMED[name].replace('"', '""') + '"'
        extra = f',"{OLD[0]}; {OLD[1]}","{NEW_SECRET}"' if name == "room-7" else ",,"
        out.append(f"{name},{rest}{extra}")
    manifest = fleet["root"] / "renamed.csv"
    manifest.write_text("\r\n".join(out) + "\r\n")
    devices, zip_path = build(fleet["dir"], fleet["root"] / "renamed", manifest=manifest)
    return {"devices": devices["devices"], "zip": zip_path}


def test_formula_cells_are_neutralised_in_the_inventory(fleet, renamed):
    text = read_zip(renamed["zip"])["inventory.csv"]
    rows = [dict(zip(INVENTORY_COLUMNS, r)) for r in list(csv.reader(io.StringIO(text, newline="")))[1:]]
    names = [r["device"] for r in rows]
    for original, formula in RENAMED.items():
        assert "'" + formula in names, f"{formula} is not neutralised: {names}"
    for row in rows:
        for column, cell in row.items():
            # A whole number (days left, negative once expired) is a number to a spreadsheet, not a formula.
            if column in ("daysLeft", "line") and re.fullmatch(r"-?[0-9]+", cell):
                continue
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
    # Renamed, each is still its own device, built from the files its row names.
    by_name = {d["device"]: d for d in renamed["devices"]}
    by_entry = {e["device"]: e for e in fleet["expected"]["entries"]}
    for original, formula in RENAMED.items():
        assert by_name[formula]["status"] == "ready" and by_name[formula]["sha1"] == by_entry[original]["sha1"]
        assert by_name[formula]["folder"].isascii() and "/" not in by_name[formula]["folder"]


def test_a_renewal_runs_add_activate_deactivate_deactivate_populate(fleet, renamed):
    device = next(d for d in renamed["devices"] if d["device"] == "room-7")
    entry = next(e for e in fleet["expected"]["entries"] if e["device"] == "room-7")
    assert device["status"] == "ready", device["findings"]
    assert device["actions"] == ["add", "activate", "deactivate", "deactivate", "populate"]
    entries = read_zip(renamed["zip"])
    secrets = {d["device"]: None for d in renamed["devices"]} | {"room-7": entry["secret"]}
    blobs = [b for b in blobs_from_zip(entries, renamed["devices"], secrets) if b["device"] == "room-7"]
    opened = open_blobs.open_all(blobs, workers=2)
    assert opened["problems"] == []
    got = [(b["action"], b["command"], b["payload"]) for b in opened["devices"][0]["blobs"]]
    assert got == [
        ("add", XAPI_COMMANDS["add"], entry["addPayload"]),
        ("activate", XAPI_COMMANDS["activate"], entry["sha1"]),
        ("deactivate", XAPI_COMMANDS["deactivate"], OLD_NORMALISED[0]),
        ("deactivate", XAPI_COMMANDS["deactivate"], OLD_NORMALISED[1]),
        ("populate", XAPI_COMMANDS["populate"], NEW_SECRET),
    ]
    # All under the current secret; the new one is never in the zip in plain text.
    assert_no_secret_and_no_key(entries, fleet["expected"], also=[NEW_SECRET])
    xapi = [json.loads(line.rstrip(",")) for line in entries["room-7/xapi.json"].split("\n")[1:-2]]
    assert xapi[2] == {"command": XAPI_COMMANDS["deactivate"], "deviceId": entry["deviceId"],
                       "arguments": {"Purpose": "WebexIdentity", "Fingerprint": device["commands"][2]["jwe"]}}
    assert xapi[4] == {"command": XAPI_COMMANDS["populate"], "deviceId": entry["deviceId"],
                       "arguments": {"Secret": device["commands"][4]["jwe"]}}
