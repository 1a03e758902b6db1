"""The SQLite SQL of every named prepared statement: generated, do not edit.

Made from the Core statements by `python -m headwater.store.sql.sqlite_generation`
(`make recorder-sql`); a test checks it matches them. Each entry: the SQL, the
bound names in order with their conversion kinds (`sqlite_values`), literal
values, and the result columns with their kinds.
"""

from typing import Any

# fmt: off
STATEMENTS: dict[str, tuple[str, tuple[tuple[str, str | None], ...], dict[str, Any], tuple[tuple[str | None, str | None], ...]]] = {
    'artifacts.insert_version': (
        'INSERT INTO artifact_versions (id, artifact_id, version, uri, content_hash, data_type, materializer, size_bytes, visualizations, producer_step_run_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        (('id', 'uuid'), ('artifact_id', 'uuid'), ('version', None), ('uri', None), ('content_hash', None), ('data_type', None), ('materializer', None), ('size_bytes', None), ('visualizations', 'json'), ('producer_step_run_id', 'uuid'), ('created', 'utc_datetime')),
        {},
        (),
    ),
    'artifacts.number_version': (
        'UPDATE artifacts SET version_count=(artifacts.version_count + ?) WHERE artifacts.project_id = ? AND artifacts.name = ? RETURNING id, version_count',
        (('version_count_1', None), ('in_project', 'uuid'), ('named', None)),
        {'version_count_1': 1},
        (('id', 'uuid'), ('version_count', None)),
    ),
    'artifacts.select_one_version': (
        'SELECT artifact_versions.id, artifact_versions.artifact_id, artifact_versions.version, artifact_versions.uri, artifact_versions.content_hash, artifact_versions.data_type, artifact_versions.materializer, artifact_versions.size_bytes, artifact_versions.visualizations, artifact_versions.producer_step_run_id, artifact_versions.created, artifacts.name AS artifact_name \nFROM artifact_versions JOIN artifacts ON artifacts.id = artifact_versions.artifact_id \nWHERE artifact_versions.id = ?',
        (('version_id', 'uuid'),),
        {},
        (('id', 'uuid'), ('artifact_id', 'uuid'), ('version', None), ('uri', None), ('content_hash', None), ('data_type', None), ('materializer', None), ('size_bytes', None), ('visualizations', 'json'), ('producer_step_run_id', 'uuid'), ('created', 'utc_datetime'), ('artifact_name', None)),
    ),
    'cache_hits.select_cache_hit': (
        'SELECT anon_1.id AS original_step_run_id, step_run_outputs.name, artifact_versions.id AS artifact_version_id, artifact_versions.uri, artifact_versions.content_hash, artifact_versions.materializer, artifact_versions.data_type \nFROM (SELECT step_runs.id AS id \nFROM step_runs \nWHERE step_runs.cache_key = ? AND step_runs.status = ? ORDER BY step_runs.created DESC, step_runs.id DESC\n LIMIT ? OFFSET ?) AS anon_1 LEFT OUTER JOIN step_run_outputs ON step_run_outputs.step_run_id = anon_1.id LEFT OUTER JOIN artifact_versions ON artifact_versions.id = step_run_outputs.artifact_version_id ORDER BY step_run_outputs.position',
        (('cache_key', None), ('status_1', None), ('param_1', None), ('param_2', None)),
        {'status_1': 'completed', 'param_1': 1, 'param_2': 0},
        (('original_step_run_id', 'uuid'), ('name', None), ('artifact_version_id', 'uuid'), ('uri', None), ('content_hash', None), ('materializer', None), ('data_type', None)),
    ),
    'events.insert': (
        'INSERT INTO events (created, entity, entity_id, run_id, name, change, status) VALUES (?, ?, ?, ?, ?, ?, ?)',
        (('event_created', 'utc_datetime'), ('event_entity', None), ('event_entity_id', 'uuid'), ('event_run_id', 'uuid'), ('event_name', None), ('event_change', None), ('event_status', None)),
        {},
        (),
    ),
    'events.lock': (
        'SELECT pg_advisory_xact_lock(?) AS pg_advisory_xact_lock_1',
        (('key', None),),
        {},
        ((None, None),),
    ),
    'inserts.insert_ignoring_duplicates.artifact_tags': (
        'INSERT INTO artifact_tags (artifact_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
        (('artifact_id', 'uuid'), ('tag_id', 'uuid')),
        {},
        (),
    ),
    'inserts.insert_ignoring_duplicates.artifact_version_tags': (
        'INSERT INTO artifact_version_tags (artifact_version_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
        (('artifact_version_id', 'uuid'), ('tag_id', 'uuid')),
        {},
        (),
    ),
    'inserts.insert_ignoring_duplicates.artifacts': (
        'INSERT INTO artifacts (id, project_id, name, version_count, created) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        (('id', 'uuid'), ('project_id', 'uuid'), ('name', None), ('version_count', None), ('created', 'utc_datetime')),
        {},
        (),
    ),
    'inserts.insert_ignoring_duplicates.pipelines': (
        'INSERT INTO pipelines (id, project_id, name, run_count, created) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        (('id', 'uuid'), ('project_id', 'uuid'), ('name', None), ('run_count', None), ('created', 'utc_datetime')),
        {},
        (),
    ),
    'inserts.insert_ignoring_duplicates.projects': (
        'INSERT INTO projects (id, name, created) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        (('id', 'uuid'), ('name', None), ('created', 'utc_datetime')),
        {},
        (),
    ),
    'inserts.insert_ignoring_duplicates.run_tags': (
        'INSERT INTO run_tags (run_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
        (('run_id', 'uuid'), ('tag_id', 'uuid')),
        {},
        (),
    ),
    'inserts.insert_ignoring_duplicates.tags': (
        'INSERT INTO tags (id, name, created) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        (('id', 'uuid'), ('name', None), ('created', 'utc_datetime')),
        {},
        (),
    ),
    'inserts.insert_ignoring_duplicates.users': (
        'INSERT INTO users (id, name, created) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        (('id', 'uuid'), ('name', None), ('created', 'utc_datetime')),
        {},
        (),
    ),
    'inserts.select_id.pipelines': (
        'SELECT pipelines.id \nFROM pipelines \nWHERE pipelines.project_id = ? AND pipelines.name = ?',
        (('key_project_id', 'uuid'), ('key_name', None)),
        {},
        (('id', 'uuid'),),
    ),
    'inserts.select_id.projects': (
        'SELECT projects.id \nFROM projects \nWHERE projects.name = ?',
        (('key_name', None),),
        {},
        (('id', 'uuid'),),
    ),
    'inserts.select_id.tags': (
        'SELECT tags.id \nFROM tags \nWHERE tags.name = ?',
        (('key_name', None),),
        {},
        (('id', 'uuid'),),
    ),
    'inserts.select_id.users': (
        'SELECT users.id \nFROM users \nWHERE users.name = ?',
        (('key_name', None),),
        {},
        (('id', 'uuid'),),
    ),
    'inserts.upsert.metadata_entries': (
        'INSERT INTO metadata_entries (target_kind, target_id, "key", type, value, value_number, value_text, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (target_kind, target_id, "key") DO UPDATE SET type = excluded.type, value = excluded.value, value_number = excluded.value_number, value_text = excluded.value_text, created = excluded.created',
        (('target_kind', None), ('target_id', 'uuid'), ('key', None), ('type', None), ('value', 'json'), ('value_number', 'float'), ('value_text', None), ('created', 'utc_datetime')),
        {},
        (),
    ),
    'metadata_entries.select_metadata_of_one': (
        'SELECT metadata_entries."key", metadata_entries.type, metadata_entries.value \nFROM metadata_entries \nWHERE metadata_entries.target_kind = ? AND metadata_entries.target_id = ?',
        (('kind', None), ('target_id', 'uuid')),
        {},
        (('key', None), ('type', None), ('value', 'json')),
    ),
    'metadata_key_counts.decrement': (
        'UPDATE metadata_keys SET entity_count=(metadata_keys.entity_count - ?) WHERE metadata_keys.target_kind = ? AND metadata_keys."key" = ? AND metadata_keys.type = ?',
        (('removed', None), ('kind', None), ('key_name', None), ('type_name', None)),
        {},
        (),
    ),
    'metadata_key_counts.drop_empty': (
        'DELETE FROM metadata_keys WHERE metadata_keys.target_kind = ? AND metadata_keys."key" = ? AND metadata_keys.type = ? AND metadata_keys.entity_count <= ?',
        (('kind', None), ('key_name', None), ('type_name', None), ('entity_count_1', None)),
        {'entity_count_1': 0},
        (),
    ),
    'metadata_key_counts.increment': (
        'INSERT INTO metadata_keys (target_kind, "key", type, entity_count, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (target_kind, "key", type) DO UPDATE SET entity_count = (metadata_keys.entity_count + excluded.entity_count), first_seen = CASE WHEN (excluded.first_seen < metadata_keys.first_seen) THEN excluded.first_seen ELSE metadata_keys.first_seen END, last_seen = CASE WHEN (excluded.last_seen > metadata_keys.last_seen) THEN excluded.last_seen ELSE metadata_keys.last_seen END',
        (('target_kind', None), ('key', None), ('type', None), ('entity_count', None), ('first_seen', 'utc_datetime'), ('last_seen', 'utc_datetime')),
        {},
        (),
    ),
    'metadata_key_counts.select_summary': (
        'SELECT metadata_keys."key", metadata_keys.type, metadata_keys.entity_count, metadata_keys.first_seen AS first_seen, metadata_keys.last_seen AS last_seen \nFROM metadata_keys \nWHERE metadata_keys.target_kind = ?',
        (('kind', None),),
        {},
        (('key', None), ('type', None), ('entity_count', None), (None, 'fast_utc_datetime'), (None, 'fast_utc_datetime')),
    ),
    'metadata_key_counts.select_target_keys': (
        'SELECT metadata_entries."key", metadata_entries.type \nFROM metadata_entries \nWHERE metadata_entries.target_kind = ? AND metadata_entries.target_id = ?',
        (('kind', None), ('target_id', 'uuid')),
        {},
        (('key', None), ('type', None)),
    ),
    'step_queries.select_attached_to_one': (
        'SELECT ? AS part, step_run_inputs.step_run_id, step_run_inputs.name, step_run_inputs.artifact_version_id, step_run_inputs.position, CAST(NULL AS VARCHAR) AS type, CAST(NULL AS JSON) AS value \nFROM step_run_inputs \nWHERE step_run_inputs.step_run_id = ? UNION ALL SELECT ? AS anon_1, step_run_outputs.step_run_id, step_run_outputs.name, step_run_outputs.artifact_version_id, step_run_outputs.position, CAST(NULL AS VARCHAR) AS type, CAST(NULL AS JSON) AS value \nFROM step_run_outputs \nWHERE step_run_outputs.step_run_id = ? UNION ALL SELECT ? AS anon_2, metadata_entries.target_id, metadata_entries."key", CAST(NULL AS CHAR(32)) AS anon_3, ? AS anon_4, metadata_entries.type, metadata_entries.value \nFROM metadata_entries \nWHERE metadata_entries.target_kind = ? AND metadata_entries.target_id = ?',
        (('param_1', None), ('step_run_id', 'uuid'), ('param_2', None), ('step_run_id', 'uuid'), ('param_3', None), ('param_4', None), ('target_kind_1', None), ('step_run_id', 'uuid')),
        {'param_1': 'in', 'param_2': 'out', 'param_3': 'meta', 'param_4': 0, 'target_kind_1': 'step_run'},
        (('part', None), ('step_run_id', 'uuid'), ('name', None), ('artifact_version_id', 'uuid'), ('position', None), ('type', None), ('value', 'json')),
    ),
    'step_queries.select_by_id': (
        'SELECT step_runs.id, step_runs.run_id, step_runs.name, step_runs.status, step_runs.created, step_runs.started, step_runs.ended, step_runs.cache_key, step_runs.cache_components, step_runs.parameters, step_runs.source_code, step_runs.original_step_run_id, step_runs.log_uri, step_runs.cpu_seconds, step_runs.peak_memory_bytes, step_runs.exception \nFROM step_runs \nWHERE step_runs.id = ?',
        (('step_run_id', 'uuid'),),
        {},
        (('id', 'uuid'), ('run_id', 'uuid'), ('name', None), ('status', None), ('created', 'utc_datetime'), ('started', 'utc_datetime'), ('ended', 'utc_datetime'), ('cache_key', None), ('cache_components', 'json'), ('parameters', 'json'), ('source_code', None), ('original_step_run_id', 'uuid'), ('log_uri', None), ('cpu_seconds', 'float'), ('peak_memory_bytes', None), ('exception', None)),
    ),
    'step_queries.select_cached': (
        'SELECT step_runs.id, step_runs.run_id, step_runs.name, step_runs.status, step_runs.created, step_runs.started, step_runs.ended, step_runs.cache_key, step_runs.cache_components, step_runs.parameters, step_runs.source_code, step_runs.original_step_run_id, step_runs.log_uri, step_runs.cpu_seconds, step_runs.peak_memory_bytes, step_runs.exception \nFROM step_runs \nWHERE step_runs.cache_key = ? AND step_runs.status = ? ORDER BY step_runs.created DESC, step_runs.id DESC\n LIMIT ? OFFSET ?',
        (('cache_key', None), ('status_1', None), ('param_1', None), ('param_2', None)),
        {'status_1': 'completed', 'param_1': 1, 'param_2': 0},
        (('id', 'uuid'), ('run_id', 'uuid'), ('name', None), ('status', None), ('created', 'utc_datetime'), ('started', 'utc_datetime'), ('ended', 'utc_datetime'), ('cache_key', None), ('cache_components', 'json'), ('parameters', 'json'), ('source_code', None), ('original_step_run_id', 'uuid'), ('log_uri', None), ('cpu_seconds', 'float'), ('peak_memory_bytes', None), ('exception', None)),
    ),
    'step_queries.select_previous': (
        'SELECT step_runs.id, step_runs.run_id, step_runs.name, step_runs.status, step_runs.created, step_runs.started, step_runs.ended, step_runs.cache_key, step_runs.cache_components, step_runs.parameters, step_runs.source_code, step_runs.original_step_run_id, step_runs.log_uri, step_runs.cpu_seconds, step_runs.peak_memory_bytes, step_runs.exception \nFROM step_runs JOIN runs ON runs.id = step_runs.run_id JOIN pipelines ON pipelines.id = runs.pipeline_id \nWHERE step_runs.name = ? AND pipelines.name = ? AND step_runs.created < ? AND (step_runs.status = ? OR step_runs.status = ?) ORDER BY step_runs.created DESC, step_runs.id DESC\n LIMIT ? OFFSET ?',
        (('step_name', None), ('pipeline_name', None), ('before', 'utc_datetime'), ('status_1', None), ('status_2', None), ('param_1', None), ('param_2', None)),
        {'status_1': 'completed', 'status_2': 'failed', 'param_1': 1, 'param_2': 0},
        (('id', 'uuid'), ('run_id', 'uuid'), ('name', None), ('status', None), ('created', 'utc_datetime'), ('started', 'utc_datetime'), ('ended', 'utc_datetime'), ('cache_key', None), ('cache_components', 'json'), ('parameters', 'json'), ('source_code', None), ('original_step_run_id', 'uuid'), ('log_uri', None), ('cpu_seconds', 'float'), ('peak_memory_bytes', None), ('exception', None)),
    ),
    'steps.finish': (
        'UPDATE step_runs SET status=?, ended=?, cpu_seconds=?, peak_memory_bytes=?, exception=? WHERE step_runs.id = ? AND (step_runs.status = ? OR step_runs.status = ? OR step_runs.status = ?) RETURNING id, run_id, name, status, created, started, ended, cache_key, cache_components, parameters, source_code, original_step_run_id, log_uri, cpu_seconds, peak_memory_bytes, exception, (SELECT runs.project_id \nFROM runs \nWHERE id = run_id) AS project_id',
        (('end_status', None), ('end_time', 'utc_datetime'), ('used_cpu_seconds', 'float'), ('used_peak_memory_bytes', None), ('end_exception', None), ('step_run_id', 'uuid'), ('status_1', None), ('status_2', None), ('status_3', None)),
        {'status_1': 'initializing', 'status_2': 'running', 'status_3': 'stopped'},
        (('id', 'uuid'), ('run_id', 'uuid'), ('name', None), ('status', None), ('created', 'utc_datetime'), ('started', 'utc_datetime'), ('ended', 'utc_datetime'), ('cache_key', None), ('cache_components', 'json'), ('parameters', 'json'), ('source_code', None), ('original_step_run_id', 'uuid'), ('log_uri', None), ('cpu_seconds', 'float'), ('peak_memory_bytes', None), ('exception', None), ('project_id', 'uuid')),
    ),
    'steps.insert_inputs': (
        'INSERT INTO step_run_inputs (step_run_id, name, artifact_version_id, position) VALUES (?, ?, ?, ?)',
        (('step_run_id', 'uuid'), ('name', None), ('artifact_version_id', 'uuid'), ('position', None)),
        {},
        (),
    ),
    'steps.insert_outputs': (
        'INSERT INTO step_run_outputs (step_run_id, name, artifact_version_id, position) VALUES (?, ?, ?, ?)',
        (('step_run_id', 'uuid'), ('name', None), ('artifact_version_id', 'uuid'), ('position', None)),
        {},
        (),
    ),
    'steps.insert_step_run': (
        'INSERT INTO step_runs (id, run_id, name, status, created, started, ended, cache_key, cache_components, parameters, source_code, original_step_run_id, log_uri, cpu_seconds, peak_memory_bytes, exception) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        (('id', 'uuid'), ('run_id', 'uuid'), ('name', None), ('status', None), ('created', 'utc_datetime'), ('started', 'utc_datetime'), ('ended', 'utc_datetime'), ('cache_key', None), ('cache_components', 'json'), ('parameters', 'json'), ('source_code', None), ('original_step_run_id', 'uuid'), ('log_uri', None), ('cpu_seconds', 'float'), ('peak_memory_bytes', None), ('exception', None)),
        {},
        (),
    ),
    'steps.select_outputs_of': (
        'SELECT step_run_outputs.name, step_run_outputs.artifact_version_id \nFROM step_run_outputs \nWHERE step_run_outputs.step_run_id = ? ORDER BY step_run_outputs.position',
        (('step_run_id', 'uuid'),),
        {},
        (('name', None), ('artifact_version_id', 'uuid')),
    ),
    'steps.select_status': (
        'SELECT step_runs.name, step_runs.status \nFROM step_runs \nWHERE step_runs.id = ?',
        (('step_run_id', 'uuid'),),
        {},
        (('name', None), ('status', None)),
    ),
    'tags.tags_of_one.artifact_tags': (
        'SELECT tags.name \nFROM artifact_tags JOIN tags ON tags.id = artifact_tags.tag_id \nWHERE artifact_tags.artifact_id = ?',
        (('target_id', 'uuid'),),
        {},
        (('name', None),),
    ),
    'tags.tags_of_one.artifact_version_tags': (
        'SELECT tags.name \nFROM artifact_version_tags JOIN tags ON tags.id = artifact_version_tags.tag_id \nWHERE artifact_version_tags.artifact_version_id = ?',
        (('target_id', 'uuid'),),
        {},
        (('name', None),),
    ),
    'tags.tags_of_one.run_tags': (
        'SELECT tags.name \nFROM run_tags JOIN tags ON tags.id = run_tags.tag_id \nWHERE run_tags.run_id = ?',
        (('target_id', 'uuid'),),
        {},
        (('name', None),),
    ),
    'write_answers.insert': (
        'INSERT INTO write_answers ("key", fingerprint, answer, created) VALUES (?, ?, ?, ?)',
        (('key', None), ('fingerprint', None), ('answer', None), ('created', 'utc_datetime')),
        {},
        (),
    ),
    'write_answers.select': (
        'SELECT write_answers.fingerprint, write_answers.answer \nFROM write_answers \nWHERE write_answers."key" = ?',
        (('key', None),),
        {},
        (('fingerprint', None), ('answer', None)),
    ),
}
# fmt: on
