"""Publish: what reaches site/ and how, after render: the page cleaner, the Content Security
Policy, the files beside the pages, the standalone export, and the guards on every folder a command
writes into.
"""
