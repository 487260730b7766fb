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
    """A loaded YAML document with the 1-based line of every value, keyed by field path.

    ``texts`` holds the source text of every scalar that YAML did not take as a string
    (``9:00`` read as the number 540, ``2.10`` as 2.1, ``yes`` as true, ``2027-02-30`` as a
    date that does not exist), so that a message can quote what the user wrote."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    texts: dict[Path_, str] = field(default_factory=dict)

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
    result.data = _build(node, (), result, source)
    return result


def _build(node: yaml.Node, path: Path_, doc: Positioned, source: str) -> Any:
    lines = doc.lines
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise InputError(
                    "YAML merge keys (<<) are not supported in specs",
                    Location(source, key_node.start_mark.line + 1),
                )
            key = str(_scalar(key_node, source))
            if key in out:
                raise InputError(
                    f"duplicate key {key!r}",
                    Location(source, key_node.start_mark.line + 1, field=format_path(path)),
                )
            out[key] = _build(value_node, (*path, key), doc, source)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), doc, source) for i, item in enumerate(node.value)]
    value = _scalar(node, source, path)
    if node.tag != _STR:
        doc.texts[path] = node.value
    return value


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


def _scalar(node: yaml.Node, source: str, path: Path_ = ()) -> Any:
    """The Python value of a scalar (or of a key that is a collection).

    An unquoted scalar that only looks like a date, time or number but is not one
    (``2027-02-30``, ``2027-13-01``, ``2027-01-01 25:00:00``, ``0x_``) stays the text it is,
    so the spec's own validation reports it on its field, with the other problems of the
    spec. A scalar with an explicit tag that does not fit (``!!int abc``, ``!custom x``) is
    an error here, with its line."""
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value  # what the constructor returns for a string, without its overhead
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        if not isinstance(node, yaml.ScalarNode) or _implicit(node):
            raise _tag_error(node, source, path, exc.problem or "cannot read it") from exc
        message = f"YAML tag {_short(node.tag)!r} is not supported here"
        raise _tag_error(node, source, path, message) from exc
    except Exception as exc:  # the constructor fails in many ways on text that does not fit
        if isinstance(node, yaml.ScalarNode) and _implicit(node):
            return node.value
        message = f"{node.value!r} is not a valid {_short(node.tag)}"
        raise _tag_error(node, source, path, message) from exc
    finally:
        # The constructor memoises every node it builds; a shared one would keep them all.
        _CONSTRUCTOR.constructed_objects.clear()


def _implicit(node: yaml.ScalarNode) -> bool:
    """Whether ``node`` is plain text whose type YAML guessed (no tag written in the file)."""
    if node.style not in (None, ""):
        return False
    implied: str = _RESOLVER.resolve(  # type: ignore[no-untyped-call]
        yaml.ScalarNode, node.value, (True, False)
    )
    return node.tag == implied


def _short(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _tag_error(node: yaml.Node, source: str, path: Path_, message: str) -> InputError:
    mark = node.start_mark
    return InputError(
        message, Location(source, mark.line + 1, mark.column + 1, field=format_path(path) or None)
    )
