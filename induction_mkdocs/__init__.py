"""The MkDocs adapter: a thin plugin over the pure `induction` core."""
