"""``lawlint serve``: a page in the browser for the people who draft and review the reports.

Starlette + uvicorn (the optional extra ``lawlint[serve]``); nothing here is imported by any other
command. ``settings`` (limits and where files live), ``store`` (the private temporary folder and
the jobs in it), ``uploads`` (accepting files and .zip archives safely), ``work`` (what the worker
processes run: the existing reporters, docx writers and fix code), ``runner`` (the process pool),
``changes`` (what changed since a drafter's last check), ``pages`` (the server's own pages),
``guard`` (token, body bound, headers) and ``app`` (the routes).
"""
