"""Authoring: tools that write content for a provider (the scaffold, YAML list edits, the JSON
Schemas for editors); they read the model but the build never calls them.
"""
