"""`headwater models approvals list|approve|reject` and `headwater models policy set|show`.

`--user` is whom a vote or request is recorded as on an embedded store (so one machine can
play requester and approvers); a server records the logged-in user instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from headwater.cli import render
from headwater.cli.options import OutputFormat, OutputOption, PageOption, SizeOption

if TYPE_CHECKING:
    from headwater.store.model_approvals import ApprovalRequest

approvals_app = typer.Typer(
    help="Requests for stage changes, and their votes.", no_args_is_help=True
)
policy_app = typer.Typer(help="Which stages of a model need approvals.", no_args_is_help=True)

STATUS_STYLES = {"pending": "yellow", "applied": "blue", "rejected": "red", "refused": "red"}
RequestArgument = Annotated[str, typer.Argument(help="The approval request's id.")]
CommentOption = Annotated[str | None, typer.Option(help="Why, kept with the vote.")]
UserOption = Annotated[
    str,
    typer.Option("--user", help="Vote as this user (embedded store; a server uses your login)."),
]


@approvals_app.command("list")
def list_requests(
    model: Annotated[str | None, typer.Option(help="Only this model's requests.")] = None,
    status: Annotated[
        str, typer.Option(help="pending, applied, rejected, refused, or 'all'.")
    ] = "pending",
    page: PageOption = 1,
    size: SizeOption = 50,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List approval requests, newest first (pending ones by default)."""
    from rich.table import Table

    from headwater.client import Client

    found = Client().list_approval_requests(
        model, status=None if status == "all" else status, page=page, size=size
    )
    if output is OutputFormat.JSON:
        render.print_page_json(found, [r.model_dump(mode="json") for r in found.items])
        return
    table = Table("id", "model", "version", "change", "status", "approvals", "by", "reason")
    table.title = render.page_title(found, "approval request")
    for request in found.items:
        table.add_row(
            str(request.id),
            render.literal(request.model_name),
            str(request.version_number),
            render.literal(_change(request)),
            render.literal(request.status, STATUS_STYLES[request.status]),
            f"{request.approvals} of {request.required_approvals}",
            render.literal(request.requested_by or "-"),
            render.literal(request.reason or "-"),
        )
    render.console.print(table)


@approvals_app.command("approve")
def approve(
    request_id: RequestArgument,
    comment: CommentOption = None,
    user: UserOption = "default",
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Approve a pending request; the approval completing the count applies it."""
    from headwater.client import Client

    decided = Client().approve_request(request_id, comment, user_name=user)
    _print_decided(decided, output)


@approvals_app.command("reject")
def reject(
    request_id: RequestArgument,
    comment: CommentOption = None,
    user: UserOption = "default",
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Reject a pending request: it closes and nothing changes."""
    from headwater.client import Client

    decided = Client().reject_request(request_id, comment, user_name=user)
    _print_decided(decided, output)


@policy_app.command("set")
def set_policy(
    model: Annotated[str, typer.Argument(help="Model name or id.")],
    stage: Annotated[str, typer.Argument(help="staging or production.")],
    approvals: Annotated[
        int, typer.Option("--approvals", help="Approvals a change needs; 0 removes the policy.")
    ],
) -> None:
    """Make changes of a stage wait for approvals by users who may promote."""
    from headwater.client import Client

    updated = Client().set_approval_policy(model, stage, approvals)
    what = f"{approvals} approval(s)" if approvals else "no approval"
    render.console.print(
        render.literal(f"Changes of '{stage.lower()}' of model '{updated.name}' now need {what}.")
    )


@policy_app.command("show")
def show_policy(
    model: Annotated[str, typer.Argument(help="Model name or id.")],
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Show which stages of a model need approvals."""
    from headwater.client import Client

    found = Client().get_model(model)
    policies = found.model.approval_policies
    if output is OutputFormat.JSON:
        render.print_json([p.model_dump(mode="json") for p in policies])
        return
    if not policies:
        render.console.print(
            render.literal(f"Model '{found.name}' has no approval policy: changes apply at once.")
        )
        return
    for policy in policies:
        render.console.print(
            render.literal(
                f"'{policy.stage}' of model '{found.name}': {policy.required_approvals} "
                f"approval(s), not by the requester."
            )
        )


def print_pending(request: ApprovalRequest) -> None:
    """One line saying a change waits for approvals, and how to give them."""
    render.console.print(
        render.literal(
            f"Pending approval: {request.describe()} needs {request.required_approvals} "
            f"approval(s). Request {request.id}; approvers run `headwater models approvals "
            f"approve {request.id}`."
        ),
        soft_wrap=True,
    )


def _print_decided(request: ApprovalRequest, output: OutputFormat) -> None:
    if output is OutputFormat.JSON:
        render.print_json(request.model_dump(mode="json"))
        return
    counted = f"{request.approvals} of {request.required_approvals} approval(s)"
    line = (
        render.literal(f"Request {request.id} ({request.describe()}) is ")
        + render.literal(request.status, STATUS_STYLES[request.status])
        + render.literal(f", {counted}.")
    )
    render.console.print(line, soft_wrap=True)


def _change(request: ApprovalRequest) -> str:
    if request.to_stage is None:
        return "delete" + (" (forced)" if request.force else "")
    return f"-> {request.to_stage}" + (" (force)" if request.force else "")
