"""JSON Schema 2020-12, compiled into Python functions, for the keywords fosterdocs's schemas use.

A schema is compiled once per process. Checking a document then costs one expression for the keywords that test a
value itself, and one call for each that looks inside it, instead of the general machinery of the jsonschema package
(about thirty times slower on our documents). The errors are the ones jsonschema reports: the same keywords, instance
paths and schema paths. Tests hold the two to that on every bundled document and on thousands of broken copies of
them. A keyword outside the supported set is refused when the schema is compiled, so a schema can never be checked
only in part.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any, Callable, Sequence

ANNOTATIONS = {"$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples", "then", "else"}
UNCOUNTED = ("if", "$ref")  # keywords jsonschema leaves out of an error's schema path


class SchemaError:
    """Where and why an instance fails a schema, with the attributes of jsonschema's ValidationError the findings
    mapper reads."""

    __slots__ = ("validator", "validator_value", "instance", "schema", "relative_path", "relative_schema_path",
                 "context", "parent")

    def __init__(self, validator: str, validator_value: Any, instance: Any, schema: dict,
                 context: list[SchemaError] | None = None):
        self.validator, self.validator_value, self.instance, self.schema = validator, validator_value, instance, schema
        self.relative_path: deque = deque()
        self.relative_schema_path: deque = deque()
        self.context = context or []
        self.parent: SchemaError | None = None
        for error in self.context:
            error.parent = self

    @property
    def absolute_path(self) -> tuple:
        own = tuple(self.relative_path)
        return own if self.parent is None else self.parent.absolute_path + own

    @property
    def absolute_schema_path(self) -> tuple:
        own = tuple(self.relative_schema_path)
        return own if self.parent is None else self.parent.absolute_schema_path + own


Check = Callable[[Any], Sequence[SchemaError]]  # the errors of an instance (empty when it is valid)
NO_ERRORS: tuple = ()


class UnsupportedSchema(ValueError):
    """The schema uses a keyword, or a form of one, that this validator does not implement."""


def _prefixed(errors: Sequence[SchemaError], path: Any = None, schema_path: Any = None) -> Sequence[SchemaError]:
    for error in errors:
        if path is not None:
            error.relative_path.appendleft(path)
        if schema_path is not None:
            error.relative_schema_path.appendleft(schema_path)
    return errors


def _frozen(value: Any) -> Any:
    """A hashable stand-in that is equal exactly when JSON values are (true is not 1; 1 is 1.0)."""
    if isinstance(value, bool) or value is None:
        return ("literal", value)
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return frozenset((k, _frozen(v)) for k, v in value.items())
    return value


def _is_number(value: Any) -> bool:
    return type(value) in (int, float)


_CLASSES = {"string": str, "object": dict, "array": list, "null": type(None)}  # types isinstance tests alone
_TYPES: dict[str, Callable[[Any], bool]] = {
    "integer": lambda v: type(v) is int or (type(v) is float and v.is_integer()),
    "number": _is_number,
    "boolean": lambda v: type(v) is bool,
}


class Compiler:
    """Compiles schema nodes into checks; $refs resolve within the node's document or into the shared ones."""

    def __init__(self, documents: dict[str, dict]):
        self.documents = documents  # name (as written before '#' in a $ref) -> schema document
        self._compiled: dict[int, Check] = {}
        self._valid: dict[int, Callable[[Any], bool]] = {}

    def valid(self, schema: Any, base: dict) -> Callable[[Any], bool]:
        """Whether an instance passes a schema node: as node(), without working out errors for failed tests
        (for `if` and `oneOf`, which mostly only ask)."""
        self.node(schema, base)
        return self._valid.get(id(schema)) or (lambda instance: self._valid[id(schema)](instance))

    def node(self, schema: Any, base: dict) -> Check:
        """The check for one schema node (each node is compiled once, so recursive $refs terminate).

        Keywords that test the instance itself are tried first, all in one expression; only when it is false are
        the errors worked out. Keywords that look inside the instance (or elsewhere) follow."""
        if not isinstance(schema, dict):
            raise UnsupportedSchema(f"a schema must be an object, not {schema!r}")
        if id(schema) in self._compiled:
            return self._compiled[id(schema)]
        later: list[Check] = []
        self._compiled[id(schema)] = lambda instance: later[0](instance)
        constants = _Constants()
        tests, parts = [], []  # tests: (keyword, value, expression that is true when the instance passes)
        for keyword, value in schema.items():
            if keyword in ANNOTATIONS or keyword.startswith("x-"):
                continue
            if keyword == "additionalProperties" and isinstance(value, bool):  # a test; as a schema, it descends
                tests.append((keyword, value, _closed_test(value, schema, constants)))
            elif keyword in _TESTS:
                tests.append((keyword, value, _TESTS[keyword](value, schema, constants)))
            elif keyword in _KEYWORDS:
                parts.append((None if keyword in UNCOUNTED else keyword, _KEYWORDS[keyword](self, value, schema, base)))
            else:
                raise UnsupportedSchema(f"the keyword {keyword!r} is not supported")
        passes = constants.function(" and ".join(f"({expression})" for *_, expression in tests) or "True")
        each = [(keyword, value, constants.function(expression)) for keyword, value, expression in tests]

        def failures(instance: Any) -> list[SchemaError]:
            return [error for keyword, value, test in each if not test(instance)
                    for error in _failed(keyword, value, instance, schema)]

        def leaf(instance: Any) -> Sequence[SchemaError]:
            return NO_ERRORS if passes(instance) else failures(instance)

        def check(instance: Any) -> Sequence[SchemaError]:
            found = leaf(instance)
            for keyword, part in parts:
                errors = part(instance)
                if errors:
                    found = [*found, *_prefixed(errors, schema_path=keyword)]
            return found

        def valid(instance: Any) -> bool:
            return passes(instance) and not any(part(instance) for _, part in parts)

        if not parts:
            check = leaf
        elif not tests and len(parts) == 1 and parts[0][0] is None:  # a bare $ref: the target's check is this one's
            check = parts[0][1]
        later.append(check)
        self._compiled[id(schema)] = check
        self._valid[id(schema)] = valid if parts else passes
        return check


def lookup(ref: str, base: dict, documents: dict[str, dict]) -> tuple[Any, dict]:
    """What a $ref points to, and the schema document that holds it (for the $refs inside it)."""
    document, _, pointer = ref.partition("#")
    try:
        target = base = documents[document] if document else base
        for part in pointer.removeprefix("/").split("/") if pointer else ():
            target = target[part.replace("~1", "/").replace("~0", "~")]
    except (KeyError, IndexError, TypeError):
        raise UnsupportedSchema(f"the $ref {ref!r} points to nothing") from None
    return target, base


def _each(sub: Check, children) -> Sequence[SchemaError]:
    """The errors of each (key or index, value) under one schema, with the key or index added to their paths."""
    found: Sequence[SchemaError] = NO_ERRORS
    for key, value in children:
        errors = sub(value)
        if errors:
            found = [*found, *_prefixed(errors, key)]
    return found


def _failed(keyword: str, value: Any, instance: Any, schema: dict) -> list[SchemaError]:
    """The errors of a test that failed: one, or for `required` one per missing property (as jsonschema)."""
    count = sum(name not in instance for name in value) if keyword == "required" else 1
    errors = [SchemaError(keyword, value, instance, schema) for _ in range(count)]
    for error in errors:
        error.relative_schema_path.append(keyword)
    return errors


class _Constants:
    """The values a node's test expressions use, each under a made-up name: the schema's own text never becomes
    code, only the fixed expressions below do."""

    def __init__(self):
        self.names: dict[str, Any] = {}

    def __call__(self, value: Any) -> str:
        name = f"c{len(self.names)}"
        self.names[name] = value
        return name

    def function(self, expression: str) -> Callable[[Any], bool]:
        return eval(f"lambda i: {expression}", dict(self.names))  # only the expressions above (see the docstring)


def _type_test(value, schema, constant: _Constants) -> str:
    names = value if isinstance(value, list) else [value]
    if all(name in _CLASSES for name in names):
        return f"isinstance(i, {constant(tuple(_CLASSES[name] for name in names))})"
    tests = [_TYPES[name] if name in _TYPES else (lambda c: lambda v: isinstance(v, c))(_CLASSES[name])
             for name in names]
    return f"any(test(i) for test in {constant(tests)})"


def _unique(instance) -> bool:
    frozen = [_frozen(item) for item in instance]
    return len(set(frozen)) == len(frozen)


def _closed_test(value, schema, constant: _Constants) -> str:
    """additionalProperties: false (or true); a schema for the other properties is a keyword of its own."""
    if "patternProperties" in schema:
        raise UnsupportedSchema("patternProperties is not supported")
    if value is not False:
        return "True"
    return f"not isinstance(i, dict) or {constant(set(schema.get('properties', {})))}.issuperset(i)"


_TESTS: dict[str, Callable[[Any, dict, _Constants], str]] = {  # keyword -> test of the instance itself
    "type": _type_test,
    "pattern": lambda p, _, c: f"not isinstance(i, str) or {c(re.compile(p).search)}(i) is not None",
    "enum": lambda e, _, c: f"{c(_frozen)}(i) in {c({_frozen(item) for item in e})}",
    "required": lambda r, _, c: f"not isinstance(i, dict) or i.keys() >= {c(set(r))}",
    "minLength": lambda n, _, c: f"not isinstance(i, str) or len(i) >= {c(n)}",
    "maxLength": lambda n, _, c: f"not isinstance(i, str) or len(i) <= {c(n)}",
    "minItems": lambda n, _, c: f"not isinstance(i, list) or len(i) >= {c(n)}",
    "minProperties": lambda n, _, c: f"not isinstance(i, dict) or len(i) >= {c(n)}",
    "minimum": lambda n, _, c: f"not {c(_is_number)}(i) or i >= {c(n)}",
    "maximum": lambda n, _, c: f"not {c(_is_number)}(i) or i <= {c(n)}",
    "uniqueItems": lambda u, _, c: f"not {c(u)} or not isinstance(i, list) or {c(_unique)}(i)",
}


def _properties(compiler: Compiler, value: dict, schema: dict, base: dict) -> Check:
    checks = {name: compiler.node(sub, base) for name, sub in value.items()}

    def check(instance: Any) -> Sequence[SchemaError]:
        found: Sequence[SchemaError] = NO_ERRORS
        if isinstance(instance, dict):
            for name, item in instance.items():  # (the order of errors is not kept: findings are sorted)
                sub = checks.get(name)
                if sub is not None:
                    errors = sub(item)
                    if errors:
                        found = [*found, *_prefixed(errors, name, name)]
        return found
    return check


def _additional_properties(compiler: Compiler, value: Any, schema: dict, base: dict) -> Check:
    """additionalProperties as a schema for the properties not listed (false and true are tests)."""
    if "patternProperties" in schema:
        raise UnsupportedSchema("patternProperties is not supported")
    sub, known = compiler.node(value, base), set(schema.get("properties", {}))

    def check(instance: Any) -> Sequence[SchemaError]:
        if not isinstance(instance, dict):
            return NO_ERRORS
        return _each(sub, ((name, instance[name]) for name in instance.keys() - known))
    return check


def _items(compiler: Compiler, value: Any, schema: dict, base: dict) -> Check:
    if "prefixItems" in schema or not isinstance(value, dict):
        raise UnsupportedSchema("items must be a schema, without prefixItems")
    sub = compiler.node(value, base)

    def check(instance: Any) -> Sequence[SchemaError]:
        return _each(sub, enumerate(instance)) if isinstance(instance, list) else NO_ERRORS
    return check


def _if(compiler: Compiler, value: Any, schema: dict, base: dict) -> Check:
    test = compiler.valid(value, base)
    then = compiler.node(schema["then"], base) if "then" in schema else None
    otherwise = compiler.node(schema["else"], base) if "else" in schema else None

    def check(instance: Any) -> Sequence[SchemaError]:
        branch, name = (then, "then") if test(instance) else (otherwise, "else")
        return _prefixed(branch(instance), schema_path=name) if branch else NO_ERRORS
    return check


def _one_of(compiler: Compiler, value: list, schema: dict, base: dict) -> Check:
    options = [compiler.node(sub, base) for sub in value]
    valid = [compiler.valid(sub, base) for sub in value]

    def check(instance: Any) -> Sequence[SchemaError]:
        passed = sum(passes(instance) for passes in valid)
        if passed == 1:
            return NO_ERRORS
        if passed:
            return [SchemaError("oneOf", value, instance, schema)]  # valid under more than one
        failures = [error for index, option in enumerate(options)
                    for error in _prefixed(option(instance), schema_path=index)]
        return [SchemaError("oneOf", value, instance, schema, context=failures)]
    return check


def _ref(compiler: Compiler, value: str, schema: dict, base: dict) -> Check:
    return compiler.node(*lookup(value, base, compiler.documents))


_KEYWORDS: dict[str, Callable[[Compiler, Any, dict, dict], Check]] = {  # keywords that look inside the instance
    "additionalProperties": _additional_properties,
    "properties": _properties,
    "items": _items,
    "if": _if,
    "oneOf": _one_of,
    "$ref": _ref,
}
