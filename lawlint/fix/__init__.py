"""``lawlint fix`` and what it writes with: the fixes applied (``apply``), atomic writes (``atomic``),
the .docx opened for lawlint's own additions (``docxedit``) and tracked changes (``tracked``)."""
