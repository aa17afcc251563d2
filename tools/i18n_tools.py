"""The Qt Linguist pipeline: keep i18n/*.ts in step with the code and compile them to .qm.

    python -m tools.i18n_tools update    # pyside6-lupdate over every .py in ide/ into the .ts
    python -m tools.i18n_tools release   # pyside6-lrelease: .ts -> .qm (committed; shipped)
    python -m tools.i18n_tools check     # missing, unfinished, placeholders, stale .qm
    python -m tools.i18n_tools pending ja           # unfinished messages of one language, JSON
    python -m tools.i18n_tools apply ja FILE.json   # fill [{context, source, translation}]

lupdate reads self.tr(...), QCoreApplication.translate(...) and QT_TRANSLATE_NOOP(...) calls (the
last is how Qt-free code in ide/board, ide/firmware and ide/simulator marks text; see ide.text).
Headless: imports only the PySide6 package, to find its tools.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_LANGUAGES = ("ja", "zh_CN")
CATALOGUE = "hotaru"


def ts_path(language: str, i18n_dir: Path | None = None) -> Path:
    return (i18n_dir or ROOT / "i18n") / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str, i18n_dir: Path | None = None) -> Path:
    return (i18n_dir or ROOT / "i18n") / f"{CATALOGUE}_{language}.qm"


def _tool(name: str) -> str:
    """Path of Qt's lupdate / lrelease as shipped inside the PySide6 wheel."""
    import PySide6

    exe = name + (".exe" if sys.platform == "win32" else "")
    inside = Path(PySide6.__file__).resolve().parent / exe
    if inside.is_file():
        return str(inside)
    found = shutil.which(f"pyside6-{name}") or shutil.which(
        str(Path(sys.executable).with_name(f"pyside6-{name}"))
    )
    if not found:
        raise RuntimeError(f"Qt's {name} not found: install PySide6-Essentials")
    return found


def source_files(root: Path = ROOT) -> list[Path]:
    """Every Python file of the application (ide/), sorted."""
    return sorted(p for p in (root / "ide").rglob("*.py") if "__pycache__" not in p.parts)


def update(root: Path = ROOT, i18n_dir: Path | None = None) -> str:
    """Run lupdate over ide/ into every .ts file (created when missing); returns its report."""
    i18n_dir = i18n_dir or root / "i18n"
    i18n_dir.mkdir(parents=True, exist_ok=True)
    files = source_files(root)
    reports = []
    with tempfile.TemporaryDirectory() as tmp:
        comments = Path(tmp) / "example_comments.py"  # (lupdate reads it like the code)
        comments.write_text(example_comments_source(root), encoding="utf-8")
        files = [*files, comments]
        lst = Path(tmp) / "sources.lst"
        lst.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
        for lang in TS_LANGUAGES:
            ts = ts_path(lang, i18n_dir)
            out = subprocess.run(
                [
                    _tool("lupdate"),
                    "-no-obsolete",
                    "-locations",  # none: line numbers would make every merge of a .ts conflict
                    "none",
                    "-source-language",
                    "en",
                    "-target-language",
                    lang,
                    f"@{lst}",
                    "-ts",
                    str(ts),
                ],
                capture_output=True,
                text=True,
                timeout=120,
            )
            if out.returncode != 0:
                raise RuntimeError(f"lupdate failed for {ts.name}:\n{out.stdout}{out.stderr}")
            reports.append(out.stdout + out.stderr)
            _drop_code_comments(ts)
    return "".join(reports)


def example_comments_source(root: Path = ROOT) -> str:
    """Python text marking every comment of the shipped examples for translation (their first
    lines, the descriptions, are marked in ide/core/examples.py itself)."""
    from ide.core.examples import COMMENTS_CONTEXT, comment_blocks

    marked = []
    for path in sorted((root / "resources" / "examples").glob("*.py")):
        for block in comment_blocks(path.read_text(encoding="utf-8")):
            if block.context == COMMENTS_CONTEXT:
                marked.append(f"QT_TRANSLATE_NOOP({COMMENTS_CONTEXT!r}, {block.text!r})")
    return "".join(line + "\n" for line in marked)


_EXTRACOMMENT = re.compile(r"\n[ \t]*<extracomment>.*?</extracomment>", re.DOTALL)


def _drop_code_comments(ts: Path) -> None:
    """Remove the <extracomment>s lupdate made of the code's ``#:`` attribute comments.

    lupdate's Python parser takes every ``#:`` comment as a note for translators and glues the
    ones it met since the last string onto the next tr() text ("seconds without typing that end
    one undo step" on an error message): they mislead. Hotaru writes no translator notes."""
    text = ts.read_text(encoding="utf-8")
    cleaned = _EXTRACOMMENT.sub("", text)
    if cleaned != text:
        ts.write_text(cleaned, encoding="utf-8")


def release(i18n_dir: Path | None = None, out_dir: Path | None = None) -> list[Path]:
    """Compile every .ts to its .qm (into out_dir, default next to the .ts)."""
    i18n_dir = i18n_dir or ROOT / "i18n"
    made = []
    for lang in TS_LANGUAGES:
        ts = ts_path(lang, i18n_dir)
        qm = qm_path(lang, out_dir or i18n_dir)
        out = subprocess.run(
            [_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if out.returncode != 0 or not qm.is_file():
            raise RuntimeError(f"lrelease failed for {ts.name}:\n{out.stdout}{out.stderr}")
        made.append(qm)
    return made


@dataclass
class Entry:
    context: str
    source: str
    translation: str
    kind: str  # "", "unfinished", "vanished", "obsolete"


def read_ts(path: Path) -> list[Entry]:
    entries = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            text = (tr.text or "") if tr is not None else ""
            if tr is not None and msg.get("numerus") == "yes":  # plural forms: all must be there
                forms = [f.text or "" for f in tr.iter("numerusform")]
                text = "\n".join(forms) if all(f.strip() for f in forms) else ""
            entries.append(
                Entry(
                    name,
                    msg.findtext("source") or "",
                    text,
                    (tr.get("type") or "") if tr is not None else "unfinished",
                )
            )
    return entries


_BRACE = re.compile(r"\{[^{}]*\}")
_PERCENT = re.compile(r"%(?:\d+|n)")
_ACCEL = re.compile(r"&([^&\s])")
_FILTER = re.compile(r"\(\*[^()]*\)")


def placeholders(text: str) -> list[str]:
    return sorted(_BRACE.findall(text) + _PERCENT.findall(text))


def has_accelerator(text: str) -> bool:
    return bool(_ACCEL.search(text.replace("&&", "")))


def problems_in(entries: list[Entry], label: str) -> list[str]:
    """Unfinished/empty translations, placeholder and accelerator mismatches."""
    found = []
    for e in entries:
        if e.kind in ("vanished", "obsolete"):
            continue
        where = f"{label}: [{e.context}] {e.source!r}"
        if e.kind == "unfinished" or not e.translation.strip():
            found.append(f"{where}: not translated")
            continue
        if placeholders(e.source) != placeholders(e.translation):
            found.append(
                f"{where}: placeholders {placeholders(e.source)} but the translation has "
                f"{placeholders(e.translation)}"
            )
        patterns = _FILTER.findall(e.source)  # QFileDialog parses "(*.py)": keep it verbatim
        if sorted(patterns) != sorted(_FILTER.findall(e.translation)):
            found.append(f"{where}: file filter patterns {patterns} must stay as they are")
        if has_accelerator(e.source) != has_accelerator(e.translation):
            found.append(f"{where}: the accelerator (&) differs: {e.translation!r}")
    return found


def check(root: Path = ROOT) -> list[str]:
    """Everything wrong with the catalogue: an empty list means complete and compiled."""
    i18n_dir = root / "i18n"
    committed = {lang: ts_path(lang, i18n_dir) for lang in TS_LANGUAGES}
    found: list[str] = [
        f"{ts} is missing: run python -m tools.i18n_tools update"
        for ts in committed.values()
        if not ts.is_file()
    ]
    if found:  # lupdate would make a fresh, untranslated one and lrelease would compile that
        return found
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for ts in committed.values():
            shutil.copy(ts, scratch / ts.name)
        update(root, scratch)  # what lupdate would make of the code as it is now
        for lang in TS_LANGUAGES:
            found += problems_in(read_ts(ts_path(lang, scratch)), f"{lang} (code vs .ts)")
        fresh = scratch / "qm"
        fresh.mkdir()
        release(i18n_dir, fresh)
        for lang, ts in committed.items():
            qm = qm_path(lang, i18n_dir)
            if not qm.is_file():
                found.append(f"{qm.name} is missing: run python -m tools.i18n_tools release")
            elif qm.read_bytes() != qm_path(lang, fresh).read_bytes():
                found.append(
                    f"{qm.name} is out of date with {ts.name}: "
                    "run python -m tools.i18n_tools release"
                )
    return found


def pending(language: str, root: Path = ROOT) -> list[dict[str, str]]:
    return [
        {"context": e.context, "source": e.source, "translation": e.translation}
        for e in read_ts(ts_path(language, root / "i18n"))
        if e.kind == "unfinished" or (not e.translation.strip() and e.kind == "")
    ]


def apply(language: str, translations: list[dict[str, str]], root: Path = ROOT) -> int:
    """Fill (context, source) -> translation into the .ts, marking them finished; then run
    lupdate so the file keeps its usual form (run release afterwards)."""
    path = ts_path(language, root / "i18n")
    wanted = {(t["context"], t["source"]): t["translation"] for t in translations}
    tree = ET.parse(path)
    done = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            key = (name, msg.findtext("source") or "")
            if key not in wanted or not wanted[key]:
                continue
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            if msg.get("numerus") == "yes":  # Japanese and Chinese have a single plural form
                for form in list(tr):
                    tr.remove(form)
                ET.SubElement(tr, "numerusform").text = wanted[key]
            else:
                tr.text = wanted[key]
            tr.attrib.pop("type", None)
            done += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    update(root)  # back to lupdate's own formatting, so the next diff shows only real changes
    return done


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    cmd = args[0] if args else "check"
    if cmd == "update":
        print(update(), end="")
    elif cmd == "release":
        for qm in release():
            print(qm)
    elif cmd == "check":
        found = check()
        print("\n".join(found) or "translations complete and compiled")
        return 1 if found else 0
    elif cmd == "pending" and len(args) == 2:
        print(json.dumps(pending(args[1]), ensure_ascii=False, indent=1))
    elif cmd == "apply" and len(args) == 3:
        data = json.loads(Path(args[2]).read_text(encoding="utf-8"))
        print(f"{apply(args[1], data)} translations applied")
    else:  # an unknown command, or one without its arguments: how to use it
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
