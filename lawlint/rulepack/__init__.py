"""Rule loading: rule packs read (``yamlio``, safe YAML only), validated (``schema``), filled in and
compiled once (``ruleset``); the regex layer under it (``regexcache``/``regexstore``/``regexsafety``,
``sreinfo``/``sreparts``/``literals``), ``{year}`` templating (``template``), rule selectors
(``selectors``), the built-in rules folder (``resources``) and the data-only cache (``cache``)."""
