"""MkDocs hook: the reference pages, generated from the code at every build.

A reference page holds only a marker; this hook replaces it with Markdown made from the
source of truth, so nothing in the references is written by hand twice:

- `<!-- reference:python-api -->`: a mkdocstrings block per name of `headwater.__all__`.
- `<!-- reference:cli -->`: every command of the Typer app, with its usage and options.
- `<!-- reference:rest-api -->`: every route of the server's OpenAPI schema, by tag.
"""

from __future__ import annotations

import json
from typing import Any

import typer

MARKERS = ("python-api", "cli", "rest-api")


def on_page_markdown(markdown: str, **_: Any) -> str:
    for name in MARKERS:
        marker = f"<!-- reference:{name} -->"
        if marker in markdown:
            markdown = markdown.replace(marker, GENERATORS[name]())
    return markdown


def python_api() -> str:
    import headwater

    exports: dict[str, str] = headwater._EXPORTS
    blocks = [f"::: {exports[name]}.{name}\n" for name in headwater.__all__]
    return "\n".join(blocks)


def cli() -> str:
    from headwater.cli.main import app

    command = typer.main.get_command(app)
    return "\n".join(_command_markdown(command, ["headwater"]))


def _command_markdown(command: Any, path: list[str]) -> list[str]:
    # Typer carries its own copy of click, so commands are read by what they offer.
    context = command.context_class(command, info_name=" ".join(path))
    lines = [f"{'#' * min(len(path) + 1, 4)} `{' '.join(path)}`", ""]
    help_text = (command.help or "").strip()
    if help_text:
        lines += [help_text, ""]
    usage = command.get_usage(context).removeprefix("Usage: ")
    lines += ["```text", usage, "```", ""]
    options = [p for p in command.get_params(context) if p.get_help_record(context)]
    if options:
        lines += ["| argument or option | meaning |", "| --- | --- |"]
        for param in options:
            names, meaning = param.get_help_record(context) or ("", "")
            lines.append(f"| `{names}` | {_cell(meaning)} |")
        lines.append("")
    if hasattr(command, "list_commands"):
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            if sub is not None and not sub.hidden:
                lines += _command_markdown(sub, [*path, name])
    return lines


def rest_api() -> str:
    from headwater.server.app import openapi_document

    document = openapi_document()
    by_tag: dict[str, list[str]] = {}
    for path, operations in sorted(document["paths"].items()):
        for method, operation in operations.items():
            tag = (operation.get("tags") or ["other"])[0]
            by_tag.setdefault(tag, []).extend(_operation_markdown(method, path, operation))
    lines = [
        f"The schema itself: `GET /api/v1/openapi.json` on a running server, or "
        f"`python -m headwater.server.openapi` ({document['info']['title']} "
        f"{document['info']['version']}).",
        "",
    ]
    for tag in sorted(by_tag):
        lines += [f"## {tag.capitalize()}", "", *by_tag[tag]]
    return "\n".join(lines)


def _operation_markdown(method: str, path: str, operation: dict[str, Any]) -> list[str]:
    lines = [f"### `{method.upper()} {path}`", ""]
    description = operation.get("description") or operation.get("summary") or ""
    if description:
        lines += [description.strip(), ""]
    parameters = operation.get("parameters", [])
    if parameters:
        lines += ["| parameter | in | type | meaning |", "| --- | --- | --- | --- |"]
        for parameter in parameters:
            schema = parameter.get("schema", {})
            kind = schema.get("type") or json.dumps(schema.get("anyOf", schema))[:60]
            meaning = parameter.get("description") or ""
            lines.append(
                f"| `{parameter['name']}` | {parameter['in']} | {_cell(str(kind))} | "
                f"{_cell(meaning)} |"
            )
        lines.append("")
    body = operation.get("requestBody", {}).get("content", {})
    for media, content in body.items():
        lines += [f"Body ({media}): {_schema_name(content.get('schema', {}))}", ""]
    answers = [
        f"`{status}` {_schema_name(_first_schema(response))}".rstrip()
        for status, response in operation.get("responses", {}).items()
    ]
    lines += [f"Answers: {', '.join(answers)}.", ""]
    return lines


def _first_schema(response: dict[str, Any]) -> dict[str, Any]:
    for content in response.get("content", {}).values():
        schema: dict[str, Any] = content.get("schema", {})
        return schema
    return {}


def _schema_name(schema: dict[str, Any]) -> str:
    reference = schema.get("$ref") or schema.get("items", {}).get("$ref")
    return f"`{reference.rsplit('/', 1)[-1]}`" if reference else ""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


GENERATORS = {"python-api": python_api, "cli": cli, "rest-api": rest_api}
