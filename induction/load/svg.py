"""Svg: the SVG a diagram needs, and nothing that runs (load stage, for every SVG the site serves).

An SVG the site serves (a handout, the logo, the favicon) is a document a browser opens at the
site's own address: whatever runs in it runs with the site's authority. So it is judged by an
allow-list, not by a list of what is known to be dangerous: the elements and attributes of
drawings, text, gradients, filters and animation, every one in the SVG namespace (an XHTML root,
or an XHTML element inside, is a web page the browser would run). Links may only point inside
the file (`#id`), animations may not change a link (`<set attributeName="href" to="javascript:...">`
turns a harmless link into a script when clicked), and no attribute or stylesheet may hold a
javascript:, vbscript: or data: address, read as a browser reads it (entities decoded, spaces and
control characters dropped). No document type, entity or processing instruction (`<?xml-stylesheet`
could style or transform the file) is allowed, and the file must be UTF-8, so that the parser
here reads the same characters as the browser does. The XML is read by expat, a conforming XML
parser of the kind browsers use for SVG, never by a pattern.
"""

from __future__ import annotations

import html
import re
import xml.parsers.expat

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

_SHAPES = {
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "title",
    "desc",
    "metadata",
    "switch",
    "view",
    "a",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "pattern",
    "clipPath",
    "mask",
    "marker",
    "style",
}
_FILTERS = {
    "filter",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
}
ANIMATIONS = {"set", "animate", "animateMotion", "animateTransform"}
ELEMENTS = _SHAPES | _FILTERS | ANIMATIONS | {"mpath"}
# Named apart because a browser runs them: their message says so.
RUNS_CODE = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener", "image", "feImage"}

_PRESENTATION = """alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation
color-interpolation-filters color-rendering cursor direction display dominant-baseline fill fill-opacity
fill-rule filter flood-color flood-opacity font font-family font-size font-size-adjust font-stretch font-style
font-variant font-weight image-rendering isolation letter-spacing lighting-color marker marker-end marker-mid
marker-start mask mix-blend-mode opacity overflow paint-order pointer-events shape-rendering stop-color
stop-opacity stroke stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit
stroke-opacity stroke-width text-anchor text-decoration text-rendering transform transform-origin
unicode-bidi vector-effect visibility white-space word-spacing writing-mode enable-background"""
_GEOMETRY = """id class style lang tabindex role focusable version baseProfile viewBox preserveAspectRatio
width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points pathLength dx dy rotate textLength lengthAdjust
startOffset method spacing side href target systemLanguage requiredExtensions requiredFeatures
zoomAndPan clipPathUnits maskUnits maskContentUnits markerWidth markerHeight markerUnits refX refY orient
gradientUnits gradientTransform spreadMethod offset patternUnits patternContentUnits patternTransform
filterUnits primitiveUnits in in2 result stdDeviation mode operator k1 k2 k3 k4 values type tableValues
slope intercept amplitude exponent baseFrequency numOctaves seed stitchTiles scale xChannelSelector
yChannelSelector kernelMatrix kernelUnitLength order divisor bias targetX targetY edgeMode preserveAlpha
radius azimuth elevation specularExponent specularConstant surfaceScale diffuseConstant pointsAtX pointsAtY
pointsAtZ z limitingConeAngle"""
_TIMING = """attributeName attributeType begin dur end min max restart repeatCount repeatDur calcMode keyTimes
keySplines keyPoints from to by additive accumulate path"""
ATTRIBUTES = set((_PRESENTATION + " " + _GEOMETRY + " " + _TIMING).split())
_QUALIFIED = {(XLINK_NS, "href"), (XLINK_NS, "title"), (XML_NS, "space"), (XML_NS, "lang")}
_FREE_PREFIXES = ("aria-", "data-")  # inert in every browser: accessibility and the author's own data
# The animations' targets: they may change what a diagram shows, never what a link or a handler does.
ANIMATABLE = ATTRIBUTES - {"href", "style", "id", "class", "target", "attributeName", "attributeType"}

_CLEAN = re.compile(r"[\x00-\x20\x7f-\x9f\s]+")
_SCHEME = re.compile(r"(?<![a-z0-9+.\-])(javascript|vbscript|data):")
_CSS_URL = re.compile(r"url\(([^)]*)\)")
_ENCODINGS = ("", "utf-8", "utf8", "us-ascii", "ascii")
# CSS that loads a file without url(): a style sheet or font, or an image by string.
_CSS_LOADS = ("@import", "@font-face", "image-set(", "image(", "src(", "element(")


class Refusal(Exception):
    """What makes an SVG unpublishable: the reason (finishing "The SVG handout 'x' ...") and its line."""

    def __init__(self, reason: str, line: int) -> None:
        super().__init__(reason)
        self.reason, self.line = reason, line


def svg_problem(data: bytes) -> tuple[str, int] | None:
    """(what is wrong, at which line of the file) when `data` is not an SVG that may be served."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return "is not UTF-8 text", data.count(b"\n", 0, error.start) + 1
    if not text.lstrip("\ufeff \t\r\n").startswith("<"):
        return "is not SVG (it does not start with '<')", 1
    reader = _Reader()
    try:
        reader.read(data)
    except Refusal as refusal:
        return refusal.reason, refusal.line
    except xml.parsers.expat.ExpatError as error:
        return f"is not well-formed XML ({xml.parsers.expat.ErrorString(error.code)})", error.lineno
    return None


def unsafe_address(value: str) -> str:
    """The scheme ('javascript', 'vbscript' or 'data') a value holds as a browser would read it, or ''."""
    found = _SCHEME.search(_CLEAN.sub("", html.unescape(value)).lower())
    return found.group(1) if found else ""


class _Reader:
    """Reads an SVG with expat, raising `Refusal` at the first thing outside the allow-list."""

    def __init__(self) -> None:
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        self.depth = 0
        self.style: list[str] | None = None  # the text of the <style> element being read
        parser = self.parser
        parser.XmlDeclHandler = self.declaration
        parser.StartDoctypeDeclHandler = lambda *_: self.refuse("declares a document type (<!DOCTYPE>)")
        parser.EntityDeclHandler = lambda *_: self.refuse("declares an entity (<!ENTITY>)")
        parser.ProcessingInstructionHandler = self.instruction
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.characters

    def read(self, data: bytes) -> None:
        self.parser.Parse(data, True)

    def refuse(self, reason: str) -> None:
        raise Refusal(reason, self.parser.CurrentLineNumber)

    def declaration(self, version: str | None, encoding: str | None, standalone: int) -> None:
        if (encoding or "").lower() not in _ENCODINGS:
            self.refuse(f"declares the encoding '{encoding}'; a served SVG must be UTF-8")

    def instruction(self, target: str, data: str) -> None:
        self.refuse(f"holds a processing instruction (<?{target}), which can restyle or transform the file")

    def start(self, name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if self.depth == 0 and (namespace, local) != (SVG_NS, "svg"):
            self.refuse(f"is not SVG: its root element is <{local}> of {_of(namespace)}, not <svg> of '{SVG_NS}'")
        self.depth += 1
        if self.style is not None:
            self.refuse(f"holds {_a(local)} <{local}> element inside a <style> element")
        if namespace != SVG_NS:
            self.refuse(f"holds {_a(local)} <{local}> element of {_of(namespace)}, another language a browser may run")
        if local in RUNS_CODE:
            self.refuse(f"holds {_a(local)} <{local}> element, which can run code or load another file")
        if local not in ELEMENTS:
            self.refuse(f"holds {_a(local)} <{local}> element, which is not one of the SVG elements a diagram needs")
        if local in ANIMATIONS:  # first: the target says more than the value it would be given
            self.animation(local, attributes.get("attributeName", ""))
        for attribute, value in attributes.items():
            self.attribute(local, attribute, value)
        self.style = [] if local == "style" else None

    def attribute(self, element: str, attribute: str, value: str) -> None:
        namespace, _, local = attribute.rpartition(" ")
        shown = local if not namespace else f"{_PREFIXES.get(namespace, namespace)}:{local}"
        if local.lower().startswith("on") and not namespace:
            self.refuse(f"has an '{shown}' attribute, an event handler, which runs code")
        allowed = (
            (local in ATTRIBUTES or local.startswith(_FREE_PREFIXES))
            if not namespace
            else (namespace, local) in _QUALIFIED
        )
        if not allowed:
            self.refuse(f"has {_a(shown)} '{shown}' attribute, which is not one of the SVG attributes a diagram needs")
        if local == "href" and not value.strip(" \t\r\n\f").startswith("#"):
            self.refuse(
                f"has {_a(shown)} '{shown}' attribute leading out of the file ('{_short(value)}'); "
                "only links to a part of the file (#id) are published"
            )
        self.value(f"{_a(shown)} '{shown}' attribute", value)

    def value(self, subject: str, value: str) -> None:
        scheme = unsafe_address(value)
        if scheme:
            why = "embeds content that no check has seen" if scheme == "data" else "can run code"
            self.refuse(f"has {subject} holding a {scheme}: address, which {why}")
        if "\\" in value:  # CSS reads presentation attributes and styles with escapes: u\72l( is url(
            self.refuse(f"has {subject} holding a backslash, which in CSS can hide an address")
        lowered = value.lower()
        for address in _CSS_URL.findall(lowered):
            if not address.strip(" \t\r\n\f'\"").startswith("#"):
                self.refuse(f"has {subject} loading another file (url({_short(address)}))")
        for rule in _CSS_LOADS:
            if rule in lowered:
                self.refuse(f"has {subject} loading another file ({rule})")

    def animation(self, element: str, target: str) -> None:
        local = target.strip().rpartition(":")[2]
        if target and local not in ANIMATABLE:
            self.refuse(
                f"has {_a(element)} <{element}> that animates '{_short(target)}'; an animation may change "
                "how a diagram looks, never a link, a style sheet or an event handler"
            )

    def characters(self, text: str) -> None:
        if self.style is not None:
            self.style.append(text)

    def end(self, name: str) -> None:
        self.depth -= 1
        if self.style is not None:
            css = "".join(self.style)
            self.style = None
            self.value("a <style> element", css)


_PREFIXES = {XLINK_NS: "xlink", XML_NS: "xml"}


def _a(word: str) -> str:
    return "an" if word[:1].lower() in "aeio" else "a"


def _of(namespace: str) -> str:
    return f"'{namespace}'" if namespace else "no namespace"


def _short(text: str) -> str:
    shown = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", text)
    return shown if len(shown) <= 40 else shown[:37] + "..."
