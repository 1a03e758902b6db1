"""Failed logins in the database: the counts every server worker process shares."""

from __future__ import annotations

import uuid

LIMITS = [("user:ann", 2), ("address:10.0.0.1", 3)]


def test_an_attempt_past_a_keys_limit_is_refused_and_not_counted(sql_store):
    first, second = uuid.uuid4(), uuid.uuid4()
    assert sql_store.begin_login_attempt(first, LIMITS, 300, 1000.0) is None
    assert sql_store.begin_login_attempt(second, LIMITS, 300, 1001.0) is None

    refused = sql_store.begin_login_attempt(uuid.uuid4(), LIMITS, 300, 1002.0)
    again = sql_store.begin_login_attempt(uuid.uuid4(), LIMITS, 300, 1003.0)

    assert refused is not None
    assert (refused.key, refused.failures, refused.oldest) == ("user:ann", 2, 1000.0)
    assert again is not None
    assert again.failures == 2  # refusals are not counted


def test_failures_leave_the_window_and_a_success_clears_the_user_name(sql_store):
    other_user = [("user:bob", 2), ("address:10.0.0.1", 3)]
    assert sql_store.begin_login_attempt(uuid.uuid4(), LIMITS, 300, 1000.0) is None
    assert sql_store.begin_login_attempt(uuid.uuid4(), LIMITS, 300, 1001.0) is None
    late = sql_store.begin_login_attempt(uuid.uuid4(), LIMITS, 300, 1300.5)  # both gone
    assert late is None
    success = uuid.uuid4()
    assert sql_store.begin_login_attempt(success, other_user, 300, 1301.0) is None

    sql_store.forget_login_success(success, "user:bob")
    # The address has one failure left (ann's at 1300.5), bob none: two more pass.
    assert sql_store.begin_login_attempt(uuid.uuid4(), other_user, 300, 1302.0) is None
    assert sql_store.begin_login_attempt(uuid.uuid4(), other_user, 300, 1303.0) is None
    refused = sql_store.begin_login_attempt(uuid.uuid4(), other_user, 300, 1304.0)

    assert refused is not None
    assert (refused.key, refused.failures) == ("user:bob", 2)
