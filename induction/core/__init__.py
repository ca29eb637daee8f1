"""Core: the vocabulary and the model every stage reads (problems, formats, the typed model, where
each session and page lives), and nothing that reads a Markdown body or writes a file.
"""
