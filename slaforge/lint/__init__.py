"""The SLA linter: rules as data, a spaCy pipeline, and an engine that yields findings."""
