"""slaforge: draft, review and bulk-generate Service Level Agreements."""

__version__ = "0.1.0"
