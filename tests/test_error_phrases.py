"""Every line a person reads about bad input is a phrase, so that it is shown in the reader's language: no
refusal in the code is written as a literal or an f-string, which would stay English."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import recogniser
from recogniser.errors import UserInputError

PACKAGE = Path(recogniser.__file__).parent


def _subclasses(root: type) -> set[type]:
    found, pending = set(), [root]
    while pending:
        for child in pending.pop().__subclasses__():
            if child not in found:
                found.add(child)
                pending.append(child)
    return found | {root}


def _error_names() -> set[str]:
    """The names of every class of the UserInputError family, once every module (but the window's) is loaded."""
    for module in pkgutil.walk_packages([str(PACKAGE)], "recogniser."):
        if not module.name.startswith("recogniser.ui") and module.name != "recogniser.__main__":
            importlib.import_module(module.name)
    return {cls.__name__ for cls in _subclasses(UserInputError)}


def _is_literal_text(node: ast.expr) -> bool:
    """Text that cannot be translated: a non-empty literal, an f-string, text put together with + or %."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _is_literal_text(node.left) or _is_literal_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return isinstance(node.func.value, ast.Constant)
    return False


def _message_arguments(call: ast.Call) -> list[ast.expr]:
    """The arguments of a call, by position then by name."""
    return [*call.args, *(keyword.value for keyword in call.keywords)]


#: Arguments that are names, not words: the file or the field a problem is about, an errno.
_NAMING = {"OutputFileError": (0,), "FileProblemsError": (0,), "Problem": (0, 2), "DecisionPolicyError": (0,)}


#: Modules whose words are for the project's engineers (the catalogue check), and the window's, which Qt translates.
_NOT_SCANNED = ("catalogues.py", "ui")


def _added_to_problems(call: ast.Call) -> bool:
    """``problems.append(...)``: a line added to the list of problems an error is raised with."""
    function = call.func
    return (
        isinstance(function, ast.Attribute)
        and function.attr in ("append", "extend")
        and isinstance(function.value, ast.Name)
        and function.value.id == "problems"
    )


def _worded(tree: ast.AST, errors: set[str]) -> Iterator[tuple[str, int, list[ast.expr]]]:
    """Each place words are given for a refusal — an error of the family or a Problem made, or a line added to
    ``problems`` — with the arguments carrying them."""
    for node in ast.walk(tree):
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == "problems":
            yield "problems", node.lineno, [node.value]
        elif isinstance(node, ast.Call) and _added_to_problems(node):
            yield "problems", node.lineno, node.args
        elif isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in errors:
                naming = _NAMING.get(name, ())
                yield name, node.lineno, [a for i, a in enumerate(_message_arguments(node)) if i not in naming]


def unmarked_messages() -> list[str]:
    errors = _error_names() | {"Problem", "JsonInputError", "DecisionPolicyError"}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if any(part in _NOT_SCANNED for part in path.relative_to(PACKAGE).parts):
            continue
        for name, line, arguments in _worded(ast.parse(path.read_text(encoding="utf-8")), errors):
            words = [item for argument in arguments for item in _items(argument)]
            if any(_is_literal_text(item) for item in words):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name}")
    return found


def _items(argument: ast.expr) -> list[ast.expr]:
    """A list's items or a comprehension's element; the argument itself otherwise."""
    if isinstance(argument, ast.List):
        return list(argument.elts)
    if isinstance(argument, ast.ListComp | ast.GeneratorExp):
        return [argument.elt]
    return [argument]


def test_no_refusal_is_an_unmarked_literal() -> None:
    assert unmarked_messages() == []


@pytest.mark.parametrize(
    ("code", "unmarked"),
    [
        ('raise UserInputError(f"{path}: is bad")', True),
        ('raise FileProblemsError(path, ["is bad"])', True),
        ('problems.append(f"{field}: is bad")', True),
        ('problems += [f"{name} is bad" for name in names]', True),
        ('raise UserInputError(located(path, phrase("is bad")))', False),
        ('raise FileProblemsError(path, [phrase("is bad")])', False),
        ('raise OutputFileError("", phrase("no file name given"))', False),
        ('problems.append(phrase("{field} is bad", field=field))', False),
    ],
)
def test_the_scan_tells_marked_from_unmarked(code: str, unmarked: bool) -> None:
    found = _worded(ast.parse(code), {"UserInputError", "FileProblemsError", "OutputFileError"})
    words = [item for _name, _line, arguments in found for argument in arguments for item in _items(argument)]
    assert any(_is_literal_text(item) for item in words) is unmarked
