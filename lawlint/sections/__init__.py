"""Locating the report's required sections, a stage of its own between parse and checks: each
section's detector (``detect``) in dependency order (``order``), weighted evidence of what a section
is about (``evidence``), cause analysis (``causal``), and the stage itself: every verdict, and
whether the text is a whole report (``stage``)."""
