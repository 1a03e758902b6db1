"""Integrations: optional features whose packages `headwater integration install` adds."""
