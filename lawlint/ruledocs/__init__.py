"""Documentation made from the rules themselves: ``lawlint rules``/``explain`` (``rules``),
``docs/checks.md`` (``checktypes``) and every rule's examples run as tests (``examples``)."""
