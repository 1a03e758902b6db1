"""The Ray integration: the `ray` orchestrator flavor runs independent steps at the same
time as Ray tasks, on this machine or a cluster (`headwater integration install ray`).

Only `orchestrator.py` and `task.py` import Ray, and only when a run starts, so the
flavor and its settings load (for forms and validation) where Ray is not installed.
"""
