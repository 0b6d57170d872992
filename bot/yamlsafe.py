"""YAML from untrusted repositories, loaded within fixed limits.

`yaml.safe_load` builds no objects of arbitrary types, but it still follows
aliases: nine nested aliases of nine items each (the "billion laughs" shape)
are a few hundred bytes of text and 387 million elements once anything walks
the result. So the text is composed into PyYAML's node graph first, the graph
is measured (aliases, expanded size, depth) and only a graph within the limits
is turned into Python objects. One loader serves the repo config and the agent
definitions.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_CHARS = 256 * 1024  # a config or a front matter is a few KiB
MAX_ALIASES = 100  # `*name` uses; DRY configs need a handful
MAX_NODES = 20_000  # every value counted as often as aliases repeat it
MAX_DEPTH = 64


class YamlError(ValueError):
    """Text that is refused; the message says why, without echoing the text.
    `line` is 1-based in the parsed text when the problem has a place."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class YamlSyntaxError(YamlError):
    """The text is not YAML at all (as opposed to valid YAML over a limit)."""


@dataclass(frozen=True)
class Limits:
    chars: int = MAX_CHARS
    aliases: int = MAX_ALIASES
    nodes: int = MAX_NODES
    depth: int = MAX_DEPTH


def load_yaml(text: str, limits: Limits = Limits()) -> object:
    """One YAML document as Python data, or `YamlError` when it is not valid YAML
    or its size, aliases or nesting pass the limits; nothing is built before the
    limits are checked."""
    if len(text) > limits.chars:
        raise YamlError(f"too large ({len(text):,} characters; the limit is {limits.chars:,})")
    # The pure-Python loader: its error marks name the line a user must fix (libyaml's
    # often point past it), and these texts are small.
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_graph(node, limits)
        try:
            return loader.construct_document(node)
        except (ValueError, OverflowError):
            # Valid YAML whose value Python refuses to build: a date that does not exist
            # (2026-13-01), an integer past Python's 4,300-digit conversion limit.
            raise YamlError("holds a value that cannot be read", _unreadable_line(node)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise YamlSyntaxError("not valid YAML", line) from None
    except RecursionError:
        raise YamlError(f"nested deeper than {limits.depth} levels") from None
    finally:
        loader.dispose()


def _check_graph(root: Node, limits: Limits) -> None:
    """Count what construction would build, walking each shared node once:
    `sizes` memoises the expanded size of a node that aliases point at."""
    sizes: dict[int, int] = {}
    aliases = 0
    # Iterative post-order walk: (node, depth, children pushed yet).
    stack: list[tuple[Node, int, bool]] = [(root, 1, False)]
    open_nodes: set[int] = set()
    while stack:
        node, depth, expanded = stack.pop()
        key = id(node)
        if not expanded:
            if key in sizes:
                aliases += 1
                if aliases > limits.aliases:
                    raise YamlError(f"more than {limits.aliases} aliases")
                continue
            if key in open_nodes:
                raise YamlError("an alias refers to a value that contains it")
            if depth > limits.depth:
                raise YamlError(f"nested deeper than {limits.depth} levels")
            open_nodes.add(key)
            stack.append((node, depth, True))
            for child in reversed(_children(node)):
                stack.append((child, depth + 1, False))
            continue
        open_nodes.discard(key)
        total = 1 + sum(sizes[id(child)] for child in _children(node))
        if total > limits.nodes:
            raise YamlError(f"more than {limits.nodes:,} values once aliases are expanded")
        sizes[key] = total


def _unreadable_line(root: Node) -> int | None:
    """The line of the first scalar that a fresh loader cannot build, if one is found
    (the graph was measured already, so the walk is bounded)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            loader = yaml.SafeLoader("")
            try:
                loader.construct_object(node)
            except (ValueError, OverflowError):
                return node.start_mark.line + 1
            finally:
                loader.dispose()
        stack.extend(reversed(_children(node)))
    return None


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []
