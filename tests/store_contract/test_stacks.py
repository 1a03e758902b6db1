"""Stacks and stack components: registration, composition rules, secrets, runs' copies."""

from __future__ import annotations

import pytest

from headwater.errors import (
    EntityExistsError,
    EntityInUseError,
    EntityNotFoundError,
    FilterError,
    StackValidationError,
)
from headwater.store.filters import ListQuery
from headwater.store.models import RunCreate
from headwater.store.stack_models import (
    SECRET_MASK,
    StackComponentCreate,
    StackComponentType,
    StackComponentUpdate,
    StackCreate,
    StackUpdate,
)
from tests.store_contract.processes import run_together
from tests.store_contract.records import a_run

ORCHESTRATOR = StackComponentType.ORCHESTRATOR
ARTIFACT_STORE = StackComponentType.ARTIFACT_STORE
ALERTER = StackComponentType.ALERTER


def _component(store, name, component_type=ARTIFACT_STORE, *, settings=None, secrets=None):
    flavor = {ORCHESTRATOR: "local", ARTIFACT_STORE: "fsspec"}.get(component_type, "contract-only")
    return store.create_stack_component(
        StackComponentCreate(
            name=name,
            type=component_type,
            flavor=flavor,
            settings=settings if settings is not None else {"path": f"/data/{name}"},
            secrets=secrets or {},
        )
    )


def _stack(store, name, *, orchestrator=None, artifact_store=None, **extra):
    orchestrator = orchestrator or _component(store, f"{name}-orch", ORCHESTRATOR, settings={})
    artifact_store = artifact_store or _component(store, f"{name}-store")
    components = {ORCHESTRATOR: orchestrator.id, ARTIFACT_STORE: artifact_store.id}
    components.update({t: c.id for t, c in extra.items()})
    return store.create_stack(StackCreate(name=name, components=components))


def test_a_registered_component_comes_back_with_its_flavor_and_settings(store):
    created = _component(store, "local-disk", settings={"path": "/data/x"})

    found = store.get_stack_component("local-disk")

    assert found == created
    assert (found.type, found.flavor, found.settings) == (
        ARTIFACT_STORE,
        "fsspec",
        {"path": "/data/x"},
    )


def test_component_names_are_unique_per_type_only(store):
    _component(store, "shared", ARTIFACT_STORE)
    _component(store, "shared", ORCHESTRATOR, settings={})

    with pytest.raises(EntityExistsError, match="artifact_store named 'shared' is already"):
        _component(store, "shared", ARTIFACT_STORE)


def test_a_name_used_by_several_types_needs_the_type_to_be_found(store):
    _component(store, "shared", ARTIFACT_STORE)
    orchestrator = _component(store, "shared", ORCHESTRATOR, settings={})

    with pytest.raises(EntityNotFoundError, match="Several stack components are named 'shared'"):
        store.get_stack_component("shared")
    assert store.get_stack_component("shared", ORCHESTRATOR) == orchestrator


def test_secret_settings_are_masked_in_get_and_list_and_readable_apart(store):
    created = _component(store, "hook", ALERTER, settings={"url": "x"}, secrets={"token": "s3cr3t"})

    listed = store.list_stack_components(ListQuery(filters={"type": "alerter"})).items

    assert created.settings == {"url": "x", "token": SECRET_MASK}
    assert created.secret_keys == ("token",)
    assert listed == (created,)
    assert "s3cr3t" not in repr(store.get_stack_component(created.id))
    assert store.get_stack_component_secrets(created.id) == {"token": "s3cr3t"}


def test_updating_a_component_renames_it_and_replaces_its_settings(store):
    created = _component(store, "old", ALERTER, settings={"url": "a"}, secrets={"token": "t1"})

    updated = store.update_stack_component(
        created.id, StackComponentUpdate(name="new", settings={"url": "b"})
    )

    assert (updated.name, updated.settings) == ("new", {"url": "b", "token": SECRET_MASK})
    assert store.get_stack_component_secrets(created.id) == {"token": "t1"}


def test_updating_secrets_replaces_them_and_their_masks(store):
    created = _component(store, "hook", ALERTER, settings={"url": "a"}, secrets={"token": "t1"})

    updated = store.update_stack_component(created.id, StackComponentUpdate(secrets={"key": "k"}))

    assert updated.settings == {"url": "a", "key": SECRET_MASK}
    assert store.get_stack_component_secrets(created.id) == {"key": "k"}


def test_renaming_a_component_to_a_taken_name_is_refused(store):
    _component(store, "first")
    second = _component(store, "second")

    with pytest.raises(EntityExistsError, match="named 'first'"):
        store.update_stack_component(second.id, StackComponentUpdate(name="first"))


def test_a_stack_holds_one_component_per_type(store):
    alerter = _component(store, "hook", ALERTER, settings={"url": "x"})

    stack = _stack(store, "prod", alerter=alerter)

    assert list(stack.components) == [ORCHESTRATOR, ARTIFACT_STORE, ALERTER]
    assert stack.components[ARTIFACT_STORE].name == "prod-store"
    assert store.get_stack("prod") == stack
    assert store.get_stack(stack.id) == stack


def test_a_stack_without_orchestrator_and_artifact_store_lists_both_problems(store):
    alerter = _component(store, "hook", ALERTER, settings={})

    with pytest.raises(StackValidationError) as caught:
        store.create_stack(StackCreate(name="bad", components={ALERTER: alerter.id}))

    assert "needs an orchestrator" in str(caught.value)
    assert "needs an artifact store" in str(caught.value)


def test_a_component_given_for_the_wrong_type_is_refused(store):
    disk = _component(store, "disk")

    with pytest.raises(
        StackValidationError, match="'disk' is of type 'artifact_store', so it cannot"
    ):
        store.create_stack(
            StackCreate(name="bad", components={ORCHESTRATOR: disk.id, ARTIFACT_STORE: disk.id})
        )


def test_stack_names_are_unique(store):
    _stack(store, "prod")

    with pytest.raises(EntityExistsError, match="stack named 'prod' already exists"):
        store.create_stack(
            StackCreate(
                name="prod",
                components={t: c.id for t, c in store.get_stack("prod").components.items()},
            )
        )


def test_a_component_in_use_cannot_be_deleted_and_the_error_names_its_stacks(store):
    disk = _component(store, "disk")
    _stack(store, "alpha", artifact_store=disk)
    _stack(store, "beta", artifact_store=disk)

    with pytest.raises(EntityInUseError, match="the stacks 'alpha', 'beta' use it"):
        store.delete_stack_component(disk.id)
    assert store.get_stack_component(disk.id) == disk


def test_a_component_no_stack_uses_can_be_deleted(store):
    disk = _component(store, "disk")

    store.delete_stack_component(disk.id)

    with pytest.raises(EntityNotFoundError, match="No stack component with id or name"):
        store.get_stack_component(disk.id)


def test_updating_a_stack_swaps_adds_and_removes_components(store):
    alerter = _component(store, "hook", ALERTER, settings={})
    stack = _stack(store, "prod", alerter=alerter)
    other_disk = _component(store, "other-disk")

    updated = store.update_stack(
        stack.id,
        StackUpdate(name="production", components={ARTIFACT_STORE: other_disk.id, ALERTER: None}),
    )

    assert updated.name == "production"
    assert updated.components[ARTIFACT_STORE] == other_disk
    assert ALERTER not in updated.components


def test_updating_a_stack_cannot_remove_its_orchestrator(store):
    stack = _stack(store, "prod")

    with pytest.raises(StackValidationError, match="needs an orchestrator"):
        store.update_stack(stack.id, StackUpdate(components={ORCHESTRATOR: None}))
    assert store.get_stack(stack.id) == stack


def test_deleting_a_stack_keeps_its_components(store):
    stack = _stack(store, "prod")

    store.delete_stack(stack.id)

    with pytest.raises(EntityNotFoundError, match="No stack with id or name"):
        store.get_stack("prod")
    assert store.get_stack_component("prod-store").id == stack.components[ARTIFACT_STORE].id


def test_stacks_filter_by_component_name_and_sort_by_name(store):
    disk = _component(store, "disk")
    _stack(store, "beta", artifact_store=disk)
    _stack(store, "alpha", artifact_store=disk)
    _stack(store, "gamma")

    page = store.list_stacks(ListQuery(filters={"component": "disk"}, sort_by="asc:name"))

    assert [s.name for s in page.items] == ["alpha", "beta"]
    assert page.total == 2


def test_components_page_and_filter_like_runs(store):
    for index in range(5):
        _component(store, f"disk-{index}")
    _component(store, "runner", ORCHESTRATOR, settings={})

    page = store.list_stack_components(
        ListQuery(filters={"name": "startswith:disk"}, sort_by="desc:name", index=2, size=2)
    )

    assert [c.name for c in page.items] == ["disk-2", "disk-1"]
    assert (page.total, page.total_pages) == (5, 3)


def test_an_unknown_component_filter_is_refused_with_the_fields_that_exist(store):
    with pytest.raises(FilterError, match="Filter by one of: created, flavor, id, name, type"):
        store.list_stack_components(ListQuery(filters={"colour": "red"}))


def test_a_run_records_its_stack_and_component_settings(store):
    hook = _component(store, "hook", ALERTER, settings={"url": "u"}, secrets={"token": "t"})
    stack = _stack(store, "prod", alerter=hook)

    run = store.create_run(a_run().model_copy(update={"stack_id": stack.id}))
    recorded = store.get_run_stack(run.id)

    assert recorded is not None
    assert (recorded.stack_id, recorded.stack_name) == (stack.id, "prod")
    assert recorded.components[ARTIFACT_STORE].settings == {"path": "/data/prod-store"}
    assert recorded.components[ALERTER].settings == {"url": "u", "token": SECRET_MASK}


def test_a_run_keeps_the_settings_it_ran_with_after_the_component_changes(store):
    stack = _stack(store, "prod")
    run = store.create_run(a_run().model_copy(update={"stack_id": stack.id}))

    store.update_stack_component(
        stack.components[ARTIFACT_STORE].id, StackComponentUpdate(settings={"path": "/moved"})
    )
    store.delete_stack(stack.id)
    recorded = store.get_run_stack(run.id)

    assert recorded is not None
    assert recorded.stack_id is None
    assert recorded.stack_name == "prod"
    assert recorded.components[ARTIFACT_STORE].settings == {"path": "/data/prod-store"}


def test_a_run_without_a_stack_records_none(store):
    run = store.create_run(a_run())

    assert store.get_run_stack(run.id) is None


def test_a_run_on_a_missing_stack_is_refused(store):
    stack = _stack(store, "prod")
    store.delete_stack(stack.id)

    with pytest.raises(EntityNotFoundError, match="No stack with id or name"):
        store.create_run(RunCreate(**{**a_run().model_dump(), "stack_id": stack.id}))


def test_processes_starting_on_a_fresh_store_at_once_make_one_default_stack(
    store_backend, store, tmp_path
):
    run_together(
        "tests.store_contract.default_stack_maker",
        [[store_backend.url] for _ in range(3)],
        tmp_path,
    )

    stacks = store.list_stacks(ListQuery()).items
    components = store.list_stack_components(ListQuery()).items
    assert [s.name for s in stacks] == ["default"]
    assert sorted((c.type.value, c.name) for c in components) == [
        ("artifact_store", "default"),
        ("orchestrator", "default"),
    ]
