"""Allow ``python -m slaforge``."""

from slaforge.cli.main import main

main()
