"""The site's own scripts and stylesheets as published (induction/publish/minified.py)."""

from __future__ import annotations

from induction.publish import minified

SCRIPT = """(function () {
  "use strict";
  // Why this is here: a comment the reader's browser need not download.
  var WORK = /^[a-z0-9]+\\/[a-z0-9]+$/;  // ids as the content format allows them
  function checked(longNameOfAValue) { return WORK.test(longNameOfAValue) ? "kept: " + longNameOfAValue : ""; }
  window.ectChecked = checked;
})();
"""


def test_scripts_lose_comments_and_long_local_names_but_keep_strings_expressions_and_globals(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    for folder in (docs / "javascripts", site / "javascripts", docs / "stylesheets", site / "stylesheets"):
        folder.mkdir(parents=True)
    (docs / "javascripts" / "a.js").write_text(SCRIPT, encoding="utf-8")
    (site / "javascripts" / "a.js").write_text(SCRIPT, encoding="utf-8")
    (docs / "stylesheets" / "a.css").write_text("/* why */\n.a {\n  color: red;\n}\n", encoding="utf-8")
    (site / "stylesheets" / "a.css").write_text("/* why */\n.a {\n  color: red;\n}\n", encoding="utf-8")
    saved = minified.minify_site(str(docs), str(site))
    script = (site / "javascripts" / "a.js").read_text(encoding="utf-8")
    assert "comment" not in script and "longNameOfAValue" not in script
    for kept in ('"use strict"', "/^[a-z0-9]+\\/[a-z0-9]+$/", '"kept: "', "window.ectChecked"):
        assert kept in script
    assert (site / "stylesheets" / "a.css").read_text(encoding="utf-8") == ".a{color:red}\n"
    assert saved == len(SCRIPT) - len(script) + len("/* why */\n.a {\n  color: red;\n}\n") - len(".a{color:red}\n")
