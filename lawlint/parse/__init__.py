"""The parse steps that build a Document: blocks, front matter, headings (see document.py)."""
