"""Readers behind `index.loading`, one module per kind of input.

    common      reading and decoding bytes, dates, languages, the field names every format shares
    documents   one article per file: .txt, .md, .html/.htm
    records     many articles per file: .json, .jsonl, .csv (with `CsvColumns`)
    web         http(s) URLs: an HTML page, or an RSS/Atom feed with one article per entry

Callers use `index.loading.iter_articles`; these modules are its parts.
"""
