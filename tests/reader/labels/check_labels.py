"""Check the hand-labelled evaluation set of the report reader (issue 19).

Every label file must point at its source text by offsets that reproduce the
labelled characters exactly, use only the agreed vocabulary, and name only
facts that exist inside its stretch.  Run: python tests/reader/labels/check_labels.py
(add --uncovered to list digits inside a stretch that no fact covers).
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2].parent / "shared"  # ../shared beside the repo, as in tests/reader/conftest.py
FACT_KINDS = {"level", "growth", "change", "share", "completion", "rank", "ratio", "count"}
MEASURES = {"actual", "target", "estimate"}
RELATION_KINDS = {"parts_total", "growth_levels", "share_levels", "completion", "structure_ratio",
                  "point_gap", "part_of", "target_chain"}
FACT_KEYS = {"id", "text", "start", "subject", "kind", "measure", "value", "unit", "period", "share_of"}
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def problems(path: Path, uncovered: bool) -> list[str]:
    """All inconsistencies of one label file, as readable lines."""
    out: list[str] = []
    label = json.loads(path.read_text(encoding="utf-8"))
    source = SHARED / label["source"]
    if path.stem != Path(label["source"]).stem:
        out.append(f"file name does not match source {label['source']}")
    if not source.exists():
        return [*out, f"source {label['source']} not found"]
    text = source.read_text(encoding="utf-8")
    start, end = label["start"], label["end"]
    if not 0 <= start < end <= len(text):
        out.append(f"stretch {start}..{end} outside the text ({len(text)} characters)")
    if label.get("labeller") not in ("h19l", "h19u", "h19v", "h19w", "b19", "b19e", "b19f", "b19g", "b19h", "b19i"):
        out.append("labeller missing")
    ids: set[int] = set()
    covered: set[int] = set()
    for n, fact in enumerate(label["facts"], 1):
        where = f"fact {fact.get('id')}"
        missing = FACT_KEYS - fact.keys()
        if missing:
            out.append(f"{where}: missing {sorted(missing)}")
            continue
        if fact["id"] != n:
            out.append(f"{where}: ids must run 1, 2, 3 … (expected {n})")
        ids.add(fact["id"])
        at = fact["start"]
        if text[at:at + len(fact["text"])] != fact["text"]:
            out.append(f"{where}: text {fact['text']!r} is not at offset {at}")
        if not (start <= at and at + len(fact["text"]) <= end):
            out.append(f"{where}: outside the stretch")
        if fact["kind"] not in FACT_KINDS:
            out.append(f"{where}: unknown kind {fact['kind']!r}")
        if fact["measure"] not in MEASURES:
            out.append(f"{where}: unknown measure {fact['measure']!r}")
        if not NUMBER.match(str(fact["value"])):
            out.append(f"{where}: value {fact['value']!r} is not a number")
        if fact["kind"] == "share" and not fact["share_of"]:
            out.append(f"{where}: a share needs share_of")
        if not fact["subject"] or not fact["unit"]:
            out.append(f"{where}: subject and unit must not be empty")
        covered.update(range(at, at + len(fact["text"])))
    for r, rel in enumerate(label["relations"], 1):
        if rel.get("kind") not in RELATION_KINDS:
            out.append(f"relation {r}: unknown kind {rel.get('kind')!r}")
        unknown = [i for i in rel.get("facts", []) if i not in ids]
        if unknown or len(rel.get("facts", [])) < 2:
            out.append(f"relation {r}: facts {rel.get('facts')} (unknown ids {unknown})")
        if rel.get("holds") not in (True, False, None):
            out.append(f"relation {r}: holds must be true, false or null")
    if uncovered:
        for m in re.finditer(r"\d+(?:[.·]\d+)?", text[start:end]):
            year = re.fullmatch(r"(19|20)\d\d", m.group(0)) and text[start + m.end()] == "年"
            if start + m.start() not in covered and not year:
                context = text[start + m.start() - 8:start + m.end() + 8].replace("\n", " ")
                print(f"  {path.name}: not labelled: {m.group(0)}  …{context}…")
    return out


def main() -> int:
    uncovered = "--uncovered" in sys.argv
    files = sorted(HERE.glob("*.json"))
    bad = 0
    for path in files:
        for line in problems(path, uncovered):
            print(f"{path.name}: {line}")
            bad += 1
    print(f"{len(files)} label files, {bad} problems")
    return 1 if bad or not files else 0


if __name__ == "__main__":
    sys.exit(main())
