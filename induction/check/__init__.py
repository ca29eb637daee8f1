"""Check: claims about valid content that span files (cross references, the allow-list for raw HTML
and addresses, refusals, coverage), and `pipeline`, which loads and checks in one call.
"""
