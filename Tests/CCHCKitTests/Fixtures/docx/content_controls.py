"""Prints each content control (w:sdt) of a .docx as python-docx reads it: tag, alias, text.

content_controls.py DOCX
"""
import sys

import docx
from docx.oxml.ns import qn

document = docx.Document(sys.argv[1])
for sdt in document.element.body.iter(qn("w:sdt")):
    props = sdt.find(qn("w:sdtPr"))
    tag = props.find(qn("w:tag")).get(qn("w:val"))
    alias = props.find(qn("w:alias")).get(qn("w:val"))
    plain = props.find(qn("w:text")) is not None
    text = "".join(t.text or "" for t in sdt.iter(qn("w:t")))
    print(f"{tag} | {alias} | {'text' if plain else 'other'} | {text!r}")
