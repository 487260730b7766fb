"""Load YAML into plain Python values and remember where every value came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from slaforge.errors import InputError, Location

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

Path_ = tuple[str | int, ...]


@dataclass
class Positioned:
    """A loaded YAML document with the 1-based line of every value, keyed by field path."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """Line of ``path``, or of its closest ancestor that has one."""
        for cut in range(len(path), -1, -1):
            line = self.lines.get(path[:cut])
            if line is not None:
                return line
        return None


def format_path(path: Path_) -> str:
    """``("metrics", 1, "window")`` -> ``metrics[1].window``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def load_yaml(text: str, source: str) -> Positioned:
    """Parse ``text``; syntax errors become :class:`InputError` with file:line:col."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(
            f"YAML syntax error: {problem}",
            Location(source, mark.line + 1 if mark else None, mark.column + 1 if mark else None),
        ) from exc
    except yaml.YAMLError as exc:
        raise InputError(f"YAML error: {exc}", Location(source)) from exc
    result = Positioned(None)
    if node is None:
        return result
    result.data = _build(node, (), result.lines, source)
    return result


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int], source: str) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise InputError(
                    "YAML merge keys (<<) are not supported in specs",
                    Location(source, key_node.start_mark.line + 1),
                )
            key = str(_scalar(key_node))
            if key in out:
                raise InputError(
                    f"duplicate key {key!r}",
                    Location(source, key_node.start_mark.line + 1, field=format_path(path)),
                )
            out[key] = _build(value_node, (*path, key), lines, source)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), lines, source) for i, item in enumerate(node.value)]
    return _scalar(node)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


_STR = "tag:yaml.org,2002:str"


def _scalar(node: yaml.Node) -> Any:
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value  # what the constructor returns for a string, without its overhead
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    finally:
        # The constructor memoises every node it builds; a shared one would keep them all.
        _CONSTRUCTOR.constructed_objects.clear()
