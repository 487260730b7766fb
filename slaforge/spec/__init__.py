"""The agreement spec: typed models, YAML loading with positions, semantic checks."""

from slaforge.spec.load import load_spec, load_spec_text, validate_data
from slaforge.spec.model import Agreement

__all__ = ["Agreement", "load_spec", "load_spec_text", "validate_data"]
