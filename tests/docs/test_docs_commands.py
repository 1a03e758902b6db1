"""Every `headwater` command in the docs' shell examples exists, with the options it shows.

The Python examples run (test_docs_examples.py); the shell ones mostly start servers or
log in to a team's, so they are checked against the CLI itself instead: each command path
resolves in the Typer app and each option it shows is one that command takes. A renamed
command or option fails here rather than in a reader's terminal (issue 17).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer

from headwater.cli.main import app

REPO = Path(__file__).resolve().parents[2]
SHELL_FENCE = re.compile(r"^```shell\s*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
PAGES = sorted([REPO / "README.md", *(REPO / "docs").rglob("*.md")])


def headwater_commands(text: str) -> list[tuple[list[str], str]]:
    """Each `headwater ...` invocation in the page's shell blocks, as words, with the
    first word of its line (the group a synopsis line's later commands may belong to)."""
    found = []
    for block in SHELL_FENCE.findall(text):
        joined = re.sub(r"\\\n\s*", " ", block)
        for line in joined.splitlines():
            line = re.sub(r"\s#.*$", "", line).strip()
            for segment in re.split(r"\s&&\s", line):
                words = shlex.split(segment.replace("[", " ").replace("]", " "))
                if words[:1] == ["headwater"] and len(words) > 1:
                    found.extend((c, words[1]) for c in _alternatives(words[1:]))
    return found


def _alternatives(words: list[str]) -> list[list[str]]:
    """`tags list | users list`: a lone `|` separates commands of one synopsis line."""
    commands: list[list[str]] = [[]]
    for word in words:
        if word == "|":
            commands.append([])
        else:
            commands[-1].append(word)
    return commands


def _problems(root: Any, words: list[str]) -> list[str]:
    """What in `headwater WORDS` the CLI does not know, walking groups then options.

    A synopsis offers choices: `list|show NAME|delete NAME --yes` needs every named
    subcommand to exist and each option to be taken by one of them.
    """
    commands, path = [root], ["headwater"]
    for index, word in enumerate(words):
        group = commands[0]
        if not hasattr(group, "list_commands") or word.startswith("-"):
            return _unknown_options(commands, path, words[index:])
        context = group.context_class(group, info_name=" ".join(path))
        names = [part for part in word.split("|") if part]
        subs = [group.get_command(context, name) for name in names]
        missing = [n for n, sub in zip(names, subs, strict=True) if sub is None]
        if missing:
            return [f"'{' '.join(path)}' has no command {', '.join(map(repr, missing))}"]
        commands, path = subs, [*path, names[0]]
    return []


def _unknown_options(commands: list[Any], path: list[str], words: list[str]) -> list[str]:
    known = set()
    for command in commands:
        context = command.context_class(command, info_name=" ".join(path))
        for param in command.get_params(context):
            known |= {*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])}
    shown = {word.split("=")[0] for word in words if word.startswith("-") and word != "-"}
    return [f"'{' '.join(path)}' takes no option '{option}'" for option in sorted(shown - known)]


def _check(root: Any, words: list[str], head: str) -> list[str]:
    """Check one command; one that is no top-level command may continue its synopsis
    line's group (`models list | versions MODEL`: `versions` is a `models` command)."""
    problems = _problems(root, words)
    if problems and words and not _problems(root, [head, *words]):
        return []
    return problems


def test_the_docs_show_headwater_commands_to_check():
    commands = [c for page in PAGES for c, _ in headwater_commands(page.read_text())]

    assert len(commands) >= 40


def test_the_checker_catches_an_unknown_command_and_option():
    root = typer.main.get_command(app)

    assert _problems(root, ["runs", "list", "--status", "failed"]) == []
    assert _problems(root, ["runs", "lst"]) == ["'headwater runs' has no command 'lst'"]
    assert _problems(root, ["runs", "list", "--colour"]) == [
        "'headwater runs list' takes no option '--colour'"
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(REPO)))
def test_every_headwater_command_on_the_page_exists_with_its_options(page: Path):
    root = typer.main.get_command(app)

    problems = [
        problem
        for words, head in headwater_commands(page.read_text())
        for problem in _check(root, words, head)
    ]

    assert problems == []
