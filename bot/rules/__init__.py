"""Rule checks. Each module here defines `CHECKS`; `engine.registry()` finds them."""
