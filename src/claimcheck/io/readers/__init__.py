"""One reader per kind of input (text and Markdown, saved HTML pages, JSONL exports), the
folder walk that finds them, and what they share (limits, decoding, safe ids, dates).

`claimcheck.io.articles.read_inputs` is the entry point; these modules are its parts.
"""
