#!/usr/bin/python3
"""More English for a small model: training-only text from Debian packages.

Writes a folder that `pretrainlab-cli train --set extra_corpus=DIR` reads: its documents
join the training sequences, while the held-out documents (and the unigram baseline the
run is measured against) stay the bundled Brown corpus's. Deterministic: the same
packages give the same bytes.

Sources (each written to its own file, with its licence in DIR/README.md):
  wordnet  WordNet 3.0 (Debian `wordnet-base`, a dependency of the workbench): every
           synset's words and definition as one sentence ("dog, domestic dog: a member
           of the genus Canis ..."), then each quoted example as a sentence of its own.
           A document is 20 consecutive synsets of one data file (noun, verb, adj, adv).
  kjv      The King James Version (Debian `bible-kjv-text`, read through the `bible`
           program of `bible-kjv`): one document a chapter, one verse a line.

Usage: scripts/extra_corpus.py --out DIR [--sources wordnet,kjv]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

WORDNET = "/usr/share/wordnet"
SYNSETS_PER_DOC = 20

LICENCES = {
    "wordnet": (
        "WordNet 3.0, Princeton University (Debian package wordnet-base, /usr/share/wordnet).\n"
        "Licence: the WordNet 3.0 licence (permission to use, copy, modify and distribute for any\n"
        "purpose without fee, with the copyright notice kept; see /usr/share/doc/wordnet-base/copyright).\n"
        "Converted: each synset's words (underscores as spaces) and gloss definition as one\n"
        "sentence, each quoted example as a sentence; 20 synsets a document, in data-file order."
    ),
    "kjv": (
        "The King James Version of the Bible (1611), Debian package bible-kjv-text, read with\n"
        "bible-kjv's `bible` program. The text is in the public domain (its copyright expired;\n"
        "see /usr/share/doc/bible-kjv-text/copyright).\n"
        "Converted: one document a chapter (1,189), one verse a line, verse numbers removed."
    ),
}


def sentence(text):
    text = re.sub(r"\s+", " ", text).strip().strip(";").strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if text[-1] not in ".!?\"')":
        text += "."
    return text


def wordnet_documents():
    for pos in ("noun", "verb", "adj", "adv"):
        path = os.path.join(WORDNET, "data." + pos)
        if not os.path.exists(path):
            sys.exit(f"{path} not found\nHINT: apt-get install wordnet-base")
        doc = []
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  ") or "|" not in line:
                    continue  # the licence header
                head, gloss = line.split("|", 1)
                fields = head.split()
                count = int(fields[3], 16)
                words = [re.sub(r"\(.*?\)$", "", w).replace("_", " ") for w in fields[4:4 + 2 * count:2]]
                parts = [p.strip() for p in gloss.strip().split(";")]
                definition = "; ".join(p for p in parts if p and not p.startswith('"'))
                examples = [p.strip('"').strip() for p in parts if p.startswith('"')]
                lines = []
                if definition:
                    lines.append(", ".join(words) + ": " + definition.rstrip(".") + ".")
                lines += [s for s in (sentence(e) for e in examples) if s]
                if lines:
                    doc.append(" ".join(lines))
                if len(doc) == SYNSETS_PER_DOC:
                    yield doc
                    doc = []
        if doc:
            yield doc


def kjv_documents():
    if not shutil.which("bible"):
        sys.exit("the `bible` program is not installed\nHINT: apt-get install bible-kjv (it brings bible-kjv-text)")
    out = subprocess.run(["bible", "-l100000", "Gen1:1-Rev22:21"], capture_output=True, text=True, check=True).stdout
    doc = []
    for line in out.splitlines():
        m = re.match(r"^\s+\d+ (.*)$", line)
        if m:
            doc.append(m.group(1).strip())
        elif line.strip() and doc:  # the next chapter's heading
            yield doc
            doc = []
    if doc:
        yield doc


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="folder to write (its .txt files are replaced)")
    ap.add_argument("--sources", default="wordnet,kjv", help="comma-separated: wordnet, kjv")
    args = ap.parse_args()
    sources = [s.strip() for s in args.sources.split(",") if s.strip()]
    for s in sources:
        if s not in LICENCES:
            sys.exit(f"unknown source '{s}'\nHINT: choose among {', '.join(LICENCES)}")
    os.makedirs(args.out, exist_ok=True)
    readme = ["Training-only text for pretrainlab-cli train --set extra_corpus=THIS_FOLDER,",
              "written by scripts/extra_corpus.py. Sources and licences:", ""]
    for s in sources:
        docs = list(wordnet_documents() if s == "wordnet" else kjv_documents())
        path = os.path.join(args.out, s + ".txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n\n".join("\n".join(d) for d in docs) + "\n")
        words = sum(len(line.split()) for d in docs for line in d)
        print(f"{path}: {len(docs):,} documents, {words:,} words, {os.path.getsize(path):,} bytes")
        readme += [f"## {s}.txt ({len(docs):,} documents, {words:,} words)", LICENCES[s], ""]
    with open(os.path.join(args.out, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(readme))


if __name__ == "__main__":
    main()
