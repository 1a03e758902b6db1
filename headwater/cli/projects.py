"""`headwater projects list|create|delete|set|current|members|grant|revoke`."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render
from headwater.cli.options import OutputFormat, OutputOption, PageOption, SizeOption

app = typer.Typer(
    help="Projects, their members' roles, and the active project.", no_args_is_help=True
)

ProjectOption = Annotated[
    str | None, typer.Option("--project", "-p", help="Default: the active project.")
]
UserOption = Annotated[str | None, typer.Option(help="A user's name.")]
TeamOption = Annotated[str | None, typer.Option(help="A team's name.")]


@app.command("list")
def list_projects(
    name: Annotated[str | None, typer.Option(help="e.g. vision, or contains:vis")] = None,
    page: PageOption = 1,
    size: SizeOption = 50,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List the projects you can see; the active one is marked with *."""
    from rich.table import Table

    from headwater.client import Client

    client = Client()
    found = client.list_projects(name=name, page=page, size=size)
    if output is OutputFormat.JSON:
        render.print_page_json(found, [item.model_dump(mode="json") for item in found.items])
        return
    table = Table("", "project", "created", "id", title=render.page_title(found, "project"))
    for item in found.items:
        mark = "*" if item.name == client.active_project else ""
        table.add_row(mark, render.literal(item.name), render.timestamp(item.created), str(item.id))
    render.console.print(table)


@app.command("create")
def create_project(name: Annotated[str, typer.Argument(help="The new project's name.")]) -> None:
    """Create a project (on a server, you become its admin)."""
    from headwater.client import Client

    created = Client().create_project(name)
    render.console.print(
        f"Created project '{created.name}'. Make it active with `headwater projects set "
        f"{created.name}`."
    )


@app.command("delete")
def delete_project(name: Annotated[str, typer.Argument(help="An empty project's name.")]) -> None:
    """Delete an empty project."""
    from headwater.client import Client

    Client().delete_project(name)
    render.console.print(f"Deleted project '{name}'.")


@app.command("set")
def set_project(name: Annotated[str, typer.Argument(help="An existing project's name.")]) -> None:
    """Record runs in, and list from, this project from now on (HEADWATER_PROJECT wins)."""
    from headwater.client import Client

    project = Client().set_active_project(name)
    render.console.print(f"The active project is now '{project.name}'.")


@app.command("current")
def current_project() -> None:
    """Print the active project."""
    from headwater.client import Client

    render.console.print(Client().active_project)


@app.command("members")
def list_members(
    project: Annotated[str | None, typer.Argument(help="Default: the active project.")] = None,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List the users and teams holding a role in a project."""
    from rich.table import Table

    from headwater.client import Client

    members = Client().list_project_members(project)
    if output is OutputFormat.JSON:
        render.print_json([m.model_dump(mode="json") for m in members])
        return
    table = Table("member", "kind", "role", "since")
    for member in members:
        table.add_row(
            render.literal(member.principal_name),
            member.kind.value,
            render.literal(member.role),
            render.timestamp(member.created),
        )
    render.console.print(table)


@app.command("grant")
def grant_role(
    role: Annotated[str, typer.Argument(help="admin, developer, contributor, viewer or custom.")],
    user: UserOption = None,
    team: TeamOption = None,
    project: ProjectOption = None,
) -> None:
    """Give a user (--user) or a team (--team) a role in a project."""
    from headwater.client import Client

    member = Client().grant_project_role(role, user=user, team=team, project=project)
    render.console.print(
        f"{member.kind.value.capitalize()} '{member.principal_name}' is now '{member.role}' "
        f"in project '{member.project_name}'."
    )


@app.command("revoke")
def revoke_role(
    user: UserOption = None, team: TeamOption = None, project: ProjectOption = None
) -> None:
    """Take away the role a user (--user) or team (--team) holds in a project."""
    from headwater.client import Client

    client = Client()
    client.revoke_project_role(user=user, team=team, project=project)
    who = f"user '{user}'" if user else f"team '{team}'"
    render.console.print(
        f"Revoked the role of {who} in project '{project or client.active_project}'."
    )
