"""The metadata store: domain models, the `Store` protocol and its implementations."""
