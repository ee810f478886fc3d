"""``lawlint serve``: the browser page for drafters and reviewers (``lawlint.serve``), started
with uvicorn. Needs the optional extra ``lawlint[serve]``; nothing of it is imported by any other
command. The office's ``.lawlint.yaml`` (found from the folder the server is started in, or
``--config``) and rule packs apply as on the command line."""
from __future__ import annotations

import os
import sys

from ..errors import LawlintError
from .common import check_selectors

TOKEN_ENV = "LAWLINT_SERVE_TOKEN"


def settings_from(args):
    """The server's settings from the command line, through the check command's own config loading."""
    from ..api import ruleset_for
    from ..config.load import resolve
    from ..serve.settings import Settings
    config = resolve(os.path.join(os.getcwd(), "报告"), {"rules": list(args.rules)}, args.config)[0]
    check_selectors(ruleset_for(config), config)          # a bad pack fails now, not on the first upload
    if args.max_files < 1 or args.max_upload_mb <= 0 or args.keep_minutes <= 0:
        raise LawlintError("--max-files、--max-upload-mb、--keep-minutes 应为正数")
    return Settings(config=config, token=args.token or os.environ.get(TOKEN_ENV) or None,
                    max_files=args.max_files, max_upload_mb=args.max_upload_mb,
                    keep_minutes=args.keep_minutes, workers=args.jobs or os.cpu_count() or 1,
                    spool_private=True)


def cmd_serve(args) -> int:
    try:
        import uvicorn

        from ..serve.app import create_app
    except ImportError:
        raise LawlintError("lawlint serve 需要额外的组件：请运行 pip install \"lawlint[serve]\"") from None
    settings = settings_from(args)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not settings.token:
        print("lawlint: 提示：服务对其他计算机开放但未设置访问口令（--token 或环境变量 "
              f"{TOKEN_ENV}），局域网内任何人都能上传和查看报告", file=sys.stderr)
    app = create_app(settings)
    where = f"http://{args.host}:{args.port}/" + (f"?token={settings.token}" if settings.token else "")
    print(f"lawlint: 报告检查页面已启动：{where}（按 Ctrl+C 停止）", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")   # no access log
    return 0
