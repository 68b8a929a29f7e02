"""The layout stays what the README says: no import cycles between the
files of src/ (a file's `crate::` and `super::` paths are its imports), and
the README's layout table names every folder of src/ and www/."""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
SRC = ROOT / "src"


def modules():
    """Module path ('device::blob::seal') -> source text, without unit tests."""
    found = {}
    for path in SRC.rglob("*.rs"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "mod":
            parts = parts[:-1]
        if parts == ["lib"]:
            parts = []
        text = re.sub(r"#\[cfg\(test\)\]\s*mod tests \{.*", "", path.read_text(), flags=re.S)
        found["::".join(parts)] = text
    return found


def imports(found):
    def resolve(path):
        segments = path.split("::")
        for i in range(len(segments), 0, -1):
            if "::".join(segments[:i]) in found:
                return "::".join(segments[:i])
        return None

    edges = {}
    for module, text in found.items():
        parent = "::".join(module.split("::")[:-1])
        paths = re.findall(r"crate::([\w:]+)", text)
        paths += [f"{parent}::{p}" if parent else p for p in re.findall(r"super::([\w:]+)", text)]
        targets = {resolve(p) for p in paths}
        # A file may name its own module or an ancestor (a re-export): not a dependency.
        edges[module] = {t for t in targets if t and t != module and not module.startswith(t + "::")}
    return edges


def cycles(edges):
    """Strongly connected components of more than one file (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in edges:
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles_between_source_files():
    assert cycles(imports(modules())) == []


def test_the_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_readme_layout_table_names_every_source_folder():
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Layout"):readme.index("\n## ", readme.index("## Layout") + 1)]
    for top in ("src", "www"):
        for folder in [p for p in (ROOT / top).rglob("*") if p.is_dir()]:
            name = f"`{folder.relative_to(ROOT).as_posix()}/`"
            assert name in table, f"README's layout table does not name {name}"
