"""Bulk generation of customer-based agreements from a customer list."""
