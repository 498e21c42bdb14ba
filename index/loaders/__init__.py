"""Readers behind `index.loading`, one module per kind of input.

    common      decoding bytes, dates, languages, the field names every format shares
    files       which local files are read (regular files, symlinks inside the folder) and how much of each
    egress      which addresses may be fetched from (public http(s) only) and for how long (the deadline)
    documents   one article per file: .txt, .md, .html/.htm
    records     many articles per file: .json, .jsonl, .csv (with `CsvColumns`)
    web         http(s) URLs: an HTML page, or an RSS/Atom feed with one article per entry

Callers use `index.loading.iter_articles`; these modules are its parts.
"""
