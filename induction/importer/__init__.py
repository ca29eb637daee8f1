"""Importer: converts a DfE "Support for early career teachers" content tree into content format v1.

A side entrance to the flow: it writes a content folder that the ordinary stages (load, check,
render) then read like any other. Pure: no MkDocs import.
"""
