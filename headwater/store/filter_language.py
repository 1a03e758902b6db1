"""The metadata filter language: `accuracy >= 0.9 and (optimizer == "adam" or exists(loss))`.

One parser, used by every list that filters by metadata (the runs list, the explorer, the
CLI's `--where`); the dashboard sends the text as typed. The grammar (README, "Filtering
by metadata"):

    expression := term ("or" term)*
    term       := factor (("and" | ",") factor)*
    factor     := "not" factor | "(" expression ")" | "exists" "(" key ")" | comparison
    comparison := key ("==" | "=" | "!=" | ">" | ">=" | "<" | "<=" | "~") value
                | key ["not"] "in" "[" [value ("," value)*] "]"
    key        := [("run" | "step" | "artifact") ":"] name | `any text`
    value      := number | "text" | 'text' | true | false | word

A key names run metadata, or with `step:` / `artifact:` the metadata of any of the run's
step runs or output artifact versions. Keywords ignore case. A mistake raises a
`FilterError` naming the column and the token where reading stopped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from headwater.errors import FilterError
from headwater.store.filters import Operator


class KeyScope(StrEnum):
    """Whose metadata a key is read from, for a run."""

    RUN = "run"
    STEP = "step"
    ARTIFACT = "artifact"


@dataclass(frozen=True, slots=True)
class KeyRef:
    """A metadata key, and whose metadata it is."""

    scope: KeyScope
    name: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """`key <operator> value`; `value` is a list for `in` (`Operator.ONE_OF`)."""

    key: KeyRef
    operator: Operator
    # A user value: number, text, bool, or a list of them.
    value: Any


@dataclass(frozen=True, slots=True)
class Exists:
    """The key is there, whatever its value."""

    key: KeyRef


@dataclass(frozen=True, slots=True)
class Not:
    """The operand does not hold."""

    operand: Expression


@dataclass(frozen=True, slots=True)
class And:
    """Every operand holds."""

    operands: tuple[Expression, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """At least one operand holds."""

    operands: tuple[Expression, ...]


Expression = Comparison | Exists | Not | And | Or

_OPERATORS = {
    "==": Operator.EQUALS,
    "=": Operator.EQUALS,
    "!=": Operator.NOT_EQUALS,
    ">": Operator.GT,
    ">=": Operator.GTE,
    "<": Operator.LT,
    "<=": Operator.LTE,
    "~": Operator.CONTAINS,
}
_KEYWORDS = frozenset({"and", "or", "not", "in", "exists", "true", "false"})
# Longest operators first, so `>=` is never read as `>` then `=`.
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<number>[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?![\w.]))
    | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
    | (?P<quoted>`[^`]*`)
    | (?P<operator>==|!=|>=|<=|=|>|<|~)
    | (?P<punct>[()\[\],])
    | (?P<word>(?:(?:run|step|artifact):)?[A-Za-z_][\w.\-/]*(?:\[\d+\])*)
    """,
    re.VERBOSE,
)
_EXAMPLE = 'such as accuracy >= 0.9 and optimizer in ["adam", "sgd"]'
MAX_FILTER_LENGTH = 10_000


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    position: int

    @property
    def keyword(self) -> str | None:
        lowered = self.text.lower()
        return lowered if self.kind == "word" and lowered in _KEYWORDS else None


def parse_filter(text: str) -> Expression:
    """The expression `text` says.

    Raises:
        FilterError: the text is empty, too long, or not in the grammar; the message
            names the column (from 1) and the token where reading stopped.
    """
    if len(text) > MAX_FILTER_LENGTH:
        raise FilterError(
            f"The filter is {len(text)} characters long; keep it under {MAX_FILTER_LENGTH}."
        )
    tokens = _tokenize(text)
    if not tokens:
        raise FilterError(f"The filter is empty. Write a condition, {_EXAMPLE}.")
    return _Parser(text, tokens).parse()


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise _error(text, position, text[position], "a key, a value or an operator")
        kind = match.lastgroup or "space"
        if kind != "space":
            tokens.append(_Token(kind, match.group(), position))
        position = match.end()
    return tokens


def _error(text: str, position: int, found: str, expected: str) -> FilterError:
    where = f"column {position + 1} ('{found}')" if found else f"the end (column {position + 1})"
    return FilterError(
        f"Cannot read the filter '{text}' at {where}: expected {expected}, {_EXAMPLE}."
    )


class _Parser:
    """Recursive descent over the tokens, one method per rule of the grammar."""

    def __init__(self, text: str, tokens: list[_Token]) -> None:
        self._text = text
        self._tokens = tokens
        self._index = 0

    def parse(self) -> Expression:
        expression = self._expression()
        if self._index < len(self._tokens):
            raise self._unexpected("'and', 'or' or the end of the filter")
        return expression

    def _expression(self) -> Expression:
        operands = [self._term()]
        while self._take_keyword("or"):
            operands.append(self._term())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def _term(self) -> Expression:
        operands = [self._factor()]
        while self._take_keyword("and") or self._take(","):
            operands.append(self._factor())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def _factor(self) -> Expression:
        if self._take_keyword("not"):
            return Not(self._factor())
        if self._take("("):
            inner = self._expression()
            self._expect(")", "')'")
            return inner
        token = self._peek()
        if token is not None and token.keyword == "exists":
            self._index += 1
            self._expect("(", "'(' after exists")
            key = self._key()
            self._expect(")", "')' after the key")
            return Exists(key)
        return self._comparison()

    def _comparison(self) -> Expression:
        key = self._key()
        is_negated = self._take_keyword("not")
        if self._take_keyword("in"):
            found = Comparison(key, Operator.ONE_OF, self._list())
            return Not(found) if is_negated else found
        if is_negated:
            raise self._unexpected("'in' after 'not'")
        token = self._peek()
        if token is None or token.kind != "operator":
            raise self._unexpected("an operator: ==, !=, >, >=, <, <=, ~ or in")
        self._index += 1
        return Comparison(key, _OPERATORS[token.text], self._value())

    def _key(self) -> KeyRef:
        token = self._peek()
        if token is not None and token.kind == "quoted" and len(token.text) > 2:
            self._index += 1
            return KeyRef(KeyScope.RUN, token.text[1:-1])
        if token is None or token.kind != "word" or token.keyword is not None:
            raise self._unexpected("a metadata key such as accuracy or step:loss")
        self._index += 1
        scope, separator, name = token.text.partition(":")
        if not separator:
            return KeyRef(KeyScope.RUN, token.text)
        return KeyRef(KeyScope(scope), name)

    def _list(self) -> list[Any]:
        self._expect("[", "'[' starting a list")
        values: list[Any] = []
        if self._take("]"):
            return values
        values.append(self._value())
        while self._take(","):
            values.append(self._value())
        self._expect("]", "',' or ']'")
        return values

    def _value(self) -> Any:
        token = self._peek()
        if token is None or token.kind not in ("number", "string", "word"):
            raise self._unexpected('a value such as 0.9, "adam", true or false')
        self._index += 1
        if token.kind == "number":
            number = float(token.text)
            return int(number) if re.fullmatch(r"[+-]?\d+", token.text) else number
        if token.kind == "string":
            return re.sub(r"\\(.)", r"\1", token.text[1:-1])
        if token.keyword in ("true", "false"):
            return token.keyword == "true"
        if token.keyword is not None:
            self._index -= 1
            raise self._unexpected('a value such as 0.9, "adam", true or false')
        return token.text  # a bare word is text: optimizer == adam

    def _peek(self) -> _Token | None:
        return self._tokens[self._index] if self._index < len(self._tokens) else None

    def _take(self, text: str) -> bool:
        token = self._peek()
        if token is not None and token.kind == "punct" and token.text == text:
            self._index += 1
            return True
        return False

    def _take_keyword(self, keyword: str) -> bool:
        token = self._peek()
        if token is not None and token.keyword == keyword:
            self._index += 1
            return True
        return False

    def _expect(self, text: str, expected: str) -> None:
        if not self._take(text):
            raise self._unexpected(expected)

    def _unexpected(self, expected: str) -> FilterError:
        token = self._peek()
        if token is None:
            return _error(self._text, len(self._text), "", expected)
        return _error(self._text, token.position, token.text, expected)
