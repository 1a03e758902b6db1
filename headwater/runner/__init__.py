"""Executes steps (cache, inputs, call, logs, outputs, records) and walks specs through
an orchestrator."""
