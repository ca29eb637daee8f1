"""YAML lists: appending an item to a list inside YAML text, keeping everything else as written.

Used by `scaffold` (the authoring stage, before the flow starts). Re-dumping YAML would drop the
author's comments, quoting and layout, so we edit the text instead: PyYAML's composed nodes tell
us where a list ends, and the new item is spliced in at that point with the list's own
indentation and style (`[a, b]` stays a flow list; `- a` items stay block items).
"""

from __future__ import annotations

import yaml

PathStep = str | int


class EditError(Exception):
    """The text cannot be edited as asked; the message says why, for the author."""


def append_item(text: str, path: list[PathStep], item: str) -> str:
    """`text` with `item` (YAML text of one list item, without the dash) appended to the list at
    `path` (mapping keys and list indices from the document's root). If the last key is missing
    from its mapping, it is added as a flow list `key: [item]` (so `item` must be one line)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is None:
        raise EditError("The file is empty.")
    parent, node = _walk(root, path)
    if node is None:
        if "\n" in item:
            raise EditError(f"There is no '{path[-1]}' list to add to.")
        return _add_key(text, parent, str(path[-1]), item)
    if not isinstance(node, yaml.SequenceNode):
        raise EditError(f"'{path[-1]}' is not a list.")
    if node.flow_style:
        if "\n" in item:
            raise EditError(f"'{path[-1]}' is written as [ ... ]; write it as a list of '- ' items first.")
        close = text.rindex("]", 0, node.end_mark.index)
        inside = text[node.start_mark.index + 1 : close].strip()
        return text[:close].rstrip() + (", " if inside else "") + item + text[close:]
    if not node.value:
        raise EditError(f"'{path[-1]}' has no items to follow.")
    dash = _dash_column(text, node.value[0])
    lines = item.split("\n")
    block = "\n".join(
        [" " * dash + "- " + lines[0]] + [(" " * (dash + 2) + line) if line else "" for line in lines[1:]]
    )
    at = _line_end(text, _last_leaf(node).end_mark.index)
    return text[:at] + "\n" + block + text[at:]


def _walk(root: yaml.Node, path: list[PathStep]) -> tuple[yaml.Node, yaml.Node | None]:
    """The mapping or list holding the last step, and the node at `path` (None if its key is missing)."""
    node: yaml.Node | None = root
    parent = root
    for position, step in enumerate(path):
        if node is None:
            raise EditError(f"Cannot find '{path[position - 1]}' in the file.")
        parent = node
        if isinstance(step, int) and isinstance(node, yaml.SequenceNode) and step < len(node.value):
            node = node.value[step]
        elif isinstance(step, str) and isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(step, int):
            raise EditError(f"'{path[position - 1]}' has no item {step + 1}.")
        else:
            raise EditError(f"Cannot find '{step}' in the file.")
    return parent, node


def _add_key(text: str, mapping: yaml.Node, key: str, item: str) -> str:
    if not isinstance(mapping, yaml.MappingNode) or mapping.flow_style or not mapping.value:
        raise EditError(f"Cannot add '{key}' here: the mapping is not written as one key a line.")
    column = mapping.value[0][0].start_mark.column
    at = _line_end(text, _last_leaf(mapping).end_mark.index)
    return text[:at] + "\n" + " " * column + f"{key}: [{item}]" + text[at:]


def _last_leaf(node: yaml.Node) -> yaml.Node:
    """The node that ends last in `node`: block collections' own end marks sit at the next
    token, after any comment lines, so we descend to the last scalar or flow collection."""
    while not getattr(node, "flow_style", False) and isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        if not node.value:
            break
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node


def _line_end(text: str, index: int) -> int:
    """The end of the line holding the last non-blank character before `index` (so a trailing
    comment on that line stays with it)."""
    while index > 0 and text[index - 1] in " \t\n":
        index -= 1
    end = text.find("\n", index)
    return len(text) if end == -1 else end


def _dash_column(text: str, first_item: yaml.Node) -> int:
    line_start = text.rfind("\n", 0, first_item.start_mark.index) + 1
    dash = text.rfind("-", line_start, first_item.start_mark.index)
    if dash == -1:
        raise EditError("The list's items are not written as '- ' lines.")
    return dash - line_start
