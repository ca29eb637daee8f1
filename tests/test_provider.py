"""The provider's identity (site.yaml's provider:): validated with lines, and every generated site page
(home, accessibility, cookies) naming only the content's own provider with figures counted from it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SAMPLE, make_tree
from edits import replace_once

from induction.check.pipeline import load_and_check
from induction.load.loader import load_site
from induction.render import branding, render_site

PROVIDER = """provider:
  name: Northgate Teaching Hub
  logo: brand/logo.svg
  colours:
    primary: "#1d70b8"
  contact:
    email: ects@northgate.example
    phone: "0113 496 0000"
  links:
    - title: Privacy notice
      url: https://northgate.example/privacy
"""


def with_provider(tree: Path, text: str = PROVIDER) -> Path:
    (tree / "brand").mkdir(exist_ok=True)
    (tree / "brand" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    with open(tree / "site.yaml", "a", encoding="utf-8") as handle:
        handle.write(text)
    return tree


def formatted(tree: Path) -> list[str]:
    return [p.format() for p in load_site(str(tree))[1]]


def test_the_provider_loads_with_its_files_contact_and_links(tree):
    site, problems = load_site(str(with_provider(tree)))
    assert list(problems) == []
    provider = site.provider
    assert (provider.name, provider.logo, provider.favicon) == (
        "Northgate Teaching Hub",
        str(tree / "brand" / "logo.svg"),
        "",
    )
    assert provider.colours == {"primary": "#1d70b8"}
    assert provider.contact == {"email": "ects@northgate.example", "phone": "0113 496 0000"}
    assert provider.links == [("Privacy notice", "https://northgate.example/privacy")]
    assert site.provider_name == "Northgate Teaching Hub"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "logo: brand/logo.svg",
            "logo: brand/lgo.svg",
            "minimal/site.yaml:5: error [missing-file] The logo file 'brand/lgo.svg' is missing. "
            "Put the image there, or correct the path (relative to site.yaml).",
        ),
        (
            "logo: brand/logo.svg",
            "logo: brand/logo.txt",
            "minimal/site.yaml:5: error [wrong-type] Expected an image file (.svg, .png, .jpg, .jpeg, .gif, .webp, "
            ".ico) for 'logo' in the provider but found 'brand/logo.txt'.",
        ),
        (
            "logo: brand/logo.svg",
            "logo: ../../logo.svg",
            "minimal/site.yaml:5: error [path-outside] The logo path '../../logo.svg' climbs out of the programme "
            "folder. Put the image inside the content folder and give its path relative to site.yaml.",
        ),
        (
            'primary: "#1d70b8"',
            "primary: navy",
            "minimal/site.yaml:7: error [wrong-type] Expected a colour as # and 3 or 6 hexadecimal digits "
            "(like '#1d70b8') for 'primary' in the colours but found 'navy'.",
        ),
        (
            'primary: "#1d70b8"',
            "primary: #1d70b8",
            "minimal/site.yaml:7: error [wrong-type] Expected a colour as # and 3 or 6 hexadecimal digits "
            "(like '#1d70b8') for 'primary' in the colours but found nothing. "
            "Quote it: YAML reads an unquoted # as the start of a comment.",
        ),
        (
            "email: ects@northgate.example",
            "email: ects at northgate",
            "minimal/site.yaml:9: error [wrong-type] Expected an email address (like 'ects@example.org') for 'email' "
            "in the contact details but found 'ects at northgate'.",
        ),
        (
            'phone: "0113 496 0000"',
            "phone: 441134960000",
            "minimal/site.yaml:10: error [wrong-type] Expected a telephone number (like '0161 496 0000') for 'phone' "
            "in the contact details but found the number 441134960000. "
            "Quote it, so YAML keeps the leading 0: '0161 496 0000'.",
        ),
        (
            'phone: "0113 496 0000"',
            "phone: ring the office",
            "minimal/site.yaml:10: error [wrong-type] Expected a telephone number (like '0161 496 0000') for 'phone' "
            "in the contact details but found 'ring the office'.",
        ),
        (
            "url: https://northgate.example/privacy",
            "url: northgate.example/privacy",
            "minimal/site.yaml:13: error [wrong-type] Expected a web address starting with https:// or http:// for "
            "'url' in a footer link but found 'northgate.example/privacy'.",
        ),
    ],
)
def test_a_wrong_provider_setting_is_reported_at_its_line(tree, old, new, expected):
    with_provider(tree)
    replace_once(tree / "site.yaml", old, new)
    assert formatted(tree) == [expected]


def pages(tree: Path) -> dict[str, str]:
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    return {page.src: page.markdown for page in render_site(checked)}


def test_the_site_pages_name_only_the_contents_provider_with_its_contact(tree):
    rendered = pages(with_provider(tree))
    for src in ("index.md", "about/accessibility.md", "about/cookies.md"):
        assert "Northgate Teaching Hub" in rendered[src]
        assert "Oakfield" not in rendered[src]
    assert (
        "- email: [ects@northgate.example](mailto:ects@northgate.example)\n- telephone: 0113 496 0000"
        in rendered["about/accessibility.md"]
    )


def test_without_a_provider_the_pages_name_the_programmes_provider(tree):
    home = pages(tree)["index.md"]
    assert "published by Test provider." in home


def test_a_renamed_copy_of_the_sample_names_only_its_provider(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(SAMPLE, copy)
    for path in [copy / "site.yaml", copy / "oakfield" / "programme.yaml"]:
        path.write_text(path.read_text(encoding="utf-8").replace("Oakfield", "Riverside"), encoding="utf-8")
    rendered = pages(copy)
    for src in ("index.md", "about/accessibility.md", "about/cookies.md"):
        assert "Oakfield" not in rendered[src] and "Riverside Teaching School Hub" in rendered[src]


def test_the_home_page_counts_weeks_as_weeks_and_says_transcripts_only_when_true(tree):
    home = pages(tree)["index.md"]
    # The fixture's block has weeks 1, 2 to 3 and 4: four weeks in three entries.
    assert "**4 weeks** in **1 block** over **1 year**" in home
    assert "(each with a transcript)" in home


def test_the_sample_home_page_has_the_true_figures():
    home = pages(SAMPLE)["index.md"]
    assert (
        "**30 weeks** in **6 blocks** over **2 years**: 76 ECT self-study steps, 23 mentor session plans, "
        "11 induction tutor sessions and 6 videos (each with a transcript). Its sessions teach 149 of the "
        "181 statements of the [Early Career Framework](frameworks/ecf-2019/index.md)."
    ) in home


@pytest.mark.parametrize(("colour", "text"), [("#1d70b8", "#ffffff"), ("#ffdd00", "#000000"), ("#000000", "#ffffff")])
def test_text_on_a_colour_is_whichever_of_white_and_black_contrasts_more(colour, text):
    assert branding.text_on(colour) == text


@pytest.mark.parametrize("colour", ["#ffdd00", "#00ff00", "#1d70b8", "#ffffff", "#808080"])
def test_links_in_the_providers_colour_keep_4_5_to_1_on_white(colour):
    assert branding.contrast(branding.readable_on_white(colour), "#ffffff") >= 4.5


def test_the_footer_lists_the_statement_cookies_and_the_providers_links(tmp_path):
    tree = with_provider(make_tree(tmp_path))
    footer = branding.footer(load_site(str(tree))[0])
    assert [link["title"] for link in footer["links"]] == ["Accessibility statement", "Cookies", "Privacy notice"]
    assert (footer["provider"], footer["email"], footer["phone"]) == (
        "Northgate Teaching Hub",
        "ects@northgate.example",
        "0113 496 0000",
    )


def test_blocks_count_weeks_as_weeks_on_the_programme_and_year_pages(tree):
    rendered = pages(tree)
    # Weeks 1, 2 to 3 and 4: three entries, four weeks.
    assert "· Autumn 1 · 4 weeks" in rendered["prog/index.md"]
    assert "| Autumn 1 | 4 |" in rendered["prog/year-1/index.md"]


def test_the_sample_counts_year_twos_paired_weeks_as_weeks():
    site = load_site(str(SAMPLE))[0]
    counts = {b.id: (len(b.weeks), b.week_count) for y in site.programmes[0].years for b in y.blocks}
    assert counts["routines"] == (5, 7)  # weeks 1, 2, 3, 4 to 6, 7
    assert counts["adaptive-teaching"] == (3, 6)  # weeks 1 to 2, 3 to 4, 5 to 6


# The theme prints the logo's and favicon's addresses into every page without escaping them.
INJECTED = '"><script src="prog/assets/notes.txt"></script><i x=".svg'


@pytest.mark.parametrize("key", ["logo", "favicon"])
@pytest.mark.parametrize("name", [INJECTED, "brand/my logo.svg", "brand/../brand/logo.svg", "brand\\logo.svg"])
def test_a_logo_or_favicon_name_the_theme_would_print_unescaped_is_refused_at_its_line(tree, key, name):
    with_provider(tree)
    target = tree / name.replace("\\", "/")
    if "/" in name and ".." not in name and "\\" not in name:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    replace_once(tree / "site.yaml", "logo: brand/logo.svg", f'{key}: "{quoted}"')
    assert formatted(tree) == [
        f"minimal/site.yaml:5: error [image-name] The {key} path '{name}' may hold only letters, digits, '.', '_' "
        "and '-', in folders separated by '/' (and no '..'). Rename the file with letters, digits, '.', '_' and '-' "
        "only, and give its path relative to site.yaml."
    ]


@pytest.mark.parametrize(
    ("key", "name", "data", "expected"),
    [
        (
            "logo",
            "brand/logo.svg",
            '<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>',
            "minimal/site.yaml:5: error [image-content] The SVG logo 'brand/logo.svg' holds a <script> element, which "
            "can run code or load another file (line 1 of the file).",
        ),
        (
            "favicon",
            "brand/icon.svg",
            '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" '
            'to="javascript:x()"/><circle r="4"/></a></svg>',
            "minimal/site.yaml:5: error [image-content] The SVG favicon 'brand/icon.svg' has a <set> that animates "
            "'href'; an animation may change how a diagram looks, never a link, a style sheet or an event handler "
            "(line 1 of the file).",
        ),
        (
            "logo",
            "brand/logo.png",
            "<html><script>x()</script></html>",
            "minimal/site.yaml:5: error [image-content] The logo 'brand/logo.png' is named as an image (.png) but its "
            "content is not one.",
        ),
        (
            "favicon",
            "brand/icon.ico",
            "alert(1)",
            "minimal/site.yaml:5: error [image-content] The favicon 'brand/icon.ico' is named as an image (.ico) but "
            "its content is not one.",
        ),
    ],
)
def test_a_logo_or_favicon_is_checked_by_its_content(tree, key, name, data, expected):
    with_provider(tree)
    (tree / name).write_text(data, encoding="utf-8")
    replace_once(tree / "site.yaml", "logo: brand/logo.svg", f"{key}: {name}")
    fix = " Export the image again (an SVG as plain SVG, with no script, link or animated link), or use a PNG."
    assert formatted(tree) == [expected + fix]


def test_a_logo_over_1_mb_is_refused_by_its_size(tree):
    with_provider(tree)
    with open(tree / "brand" / "logo.svg", "r+b") as handle:
        handle.truncate(1_000_001)
    assert formatted(tree) == [
        "minimal/site.yaml:5: error [served-too-large] The logo 'brand/logo.svg' is 1,000,001 bytes; the site serves "
        "a logo of at most 1,000,000 bytes. Compress it or split it (a PDF exported for screen, a shorter clip), or "
        "link to where it is hosted."
    ]


def test_the_logo_and_favicon_are_published_under_names_of_their_use():
    site = load_site(str(SAMPLE))[0]
    assert branding.theme_images(site) == {"logo": "assets/provider/logo.svg", "favicon": "assets/provider/favicon.svg"}
    # A name that reached here would not reach a page.
    site = replace(site, provider=replace(site.provider, logo='/content/brand/a"><script>.png'))
    assert branding.theme_images(site)["logo"] == "assets/provider/logo.png"
