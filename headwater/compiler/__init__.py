"""Turns a recorded pipeline call into a frozen, validated `PipelineSpec`, with no I/O."""
