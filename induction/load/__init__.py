"""Load: a content folder (YAML with lines, frameworks, served files, the project's mkdocs.yml) read
into the typed model, every problem of form reported with its file and line.
"""
