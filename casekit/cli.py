"""The ``casekit`` command: a thin layer over the API. Every command has ``--help``."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from .errors import CaseKitError
from .i18n import gettext as _
from .i18n import set_language

log = logging.getLogger("casekit.cli")


def demo_store_path() -> Path:
    """The demo store lives apart from the user's real store, so ``casekit demo`` never touches real cases."""
    import platformdirs

    return Path(os.environ.get("CASEKIT_DEMO_DB") or Path(platformdirs.user_data_dir("casekit")) / "demo.sqlite")


def build_demo_store(path: Path, lang: str | None = None):
    """A fresh SQLite store at ``path`` holding every bundled example case."""
    from . import examples, load_example, open_store

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = open_store(f"sqlite:///{path}", user="casekit-demo")
    for name in examples():
        store.save(load_example(name, lang).model_copy(update={"version": 0}))
    return store


def cmd_demo(args) -> int:
    path = Path(args.db) if args.db else demo_store_path()
    store = build_demo_store(path, args.lang)
    print(_("cli.demo_built", None, path=path, count=len(store.cases())))
    _print_cases(store)
    if args.no_serve:
        return 0
    options = _serve_options(args, db=f"sqlite:///{path}")
    options.open_browser = True
    return _serve(options)


def _open(args):
    from . import open_store

    return open_store(args.db)


def _print_cases(store) -> None:
    rows = [
        (c.id, c.client.display_name, c.phase.label(), c.case_manager, c.opened.isoformat()) for c in store.cases()
    ]
    if not rows:
        print(_("cli.no_cases"))
        return
    header = (_("field.id"), _("field.display_name"), _("field.phase"), _("field.case_manager"), _("field.opened"))
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip())


def cmd_list(args) -> int:
    _print_cases(_open(args))
    return 0


def cmd_import(args) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CaseKitError("errors.file_unreadable", path=path, detail=exc.strerror or exc) from None
    case = _open(args).import_json(data)
    print(_("cli.imported", None, id=case.id, version=case.version))
    return 0


def cmd_export(args) -> int:
    text = _open(args).export_json(args.case_id)
    if args.output and args.output != "-":
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(_("cli.exported", None, id=args.case_id, path=args.output))
    else:
        sys.stdout.write(text + "\n")
    return 0


def cmd_instrument_check(args) -> int:
    from .instruments import check, load_instrument

    problems = check(args.file)
    if problems:
        print(_("cli.instrument_problems", None, path=args.file), file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    instrument = load_instrument(Path(args.file))
    print(_("cli.instrument_ok", None, path=args.file, id=instrument.id, version=instrument.version,
            items=len(instrument.items()), domains=len(instrument.domains)))
    return 0


def cmd_instrument_import(args) -> int:
    from .instruments.importers import import_file

    result = import_file(args.file)
    result.to_yaml(args.output)
    print(_("cli.instrument_imported", None, path=args.file, format=result.source_format, output=args.output,
            items=len(result.instrument.items())))
    if result.report:
        print(_("cli.instrument_report"))
        print(result.report_text())
    return 0


def _serve_options(args, db: str | None = None):
    from .serve import ServeOptions, new_token

    password = None
    if getattr(args, "password", False):
        password = os.environ.get("CASEKIT_PASSWORD")
        if not password:
            import getpass

            password = getpass.getpass(_("cli.password_prompt"))
        if not password:
            raise CaseKitError("cli.password_empty")
    token = getattr(args, "token", None)
    if token == "":  # --token without a value
        token = new_token()
    return ServeOptions(host=args.host, port=args.port, password=password, token=token, theme=args.theme,
                        db=db or args.db, lang=args.lang)


def _serve(options, app: str = "conference") -> int:
    from . import serve

    options.check()
    print(_("cli.serving", None, url=serve.app_url(options, app)), flush=True)
    return serve.run(options)


def cmd_serve(args) -> int:
    return _serve(_serve_options(args))


def _add_serve_arguments(parser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help=_("cli.help_host"))
    parser.add_argument("--port", type=int, default=8866, help=_("cli.help_port"))
    parser.add_argument("--password", action="store_true", help=_("cli.help_password"))
    parser.add_argument("--token", nargs="?", const="", default=None, help=_("cli.help_token"))
    parser.add_argument("--theme", choices=("dark", "light"), default="dark", help=_("cli.help_theme"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="casekit", description=_("cli.description"))
    parser.add_argument("--lang", choices=("cs", "en"), help=_("cli.help_lang"))
    parser.add_argument("--db", help=_("cli.help_db"))
    parser.add_argument("--version", action="version", version="casekit 0.1.0")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser("demo", help=_("cli.help_demo"), description=_("cli.help_demo"))
    demo.add_argument("--no-serve", action="store_true", help=_("cli.help_no_serve"))
    _add_serve_arguments(demo)
    demo.set_defaults(func=cmd_demo)

    sub.add_parser("list", help=_("cli.help_list"), description=_("cli.help_list")).set_defaults(func=cmd_list)

    imp = sub.add_parser("import", help=_("cli.help_import"), description=_("cli.help_import"))
    imp.add_argument("file", metavar="FILE", help=_("cli.help_file"))
    imp.set_defaults(func=cmd_import)

    exp = sub.add_parser("export", help=_("cli.help_export"), description=_("cli.help_export"))
    exp.add_argument("case_id", metavar="CASE_ID", help=_("cli.help_case_id"))
    exp.add_argument("-o", "--output", metavar="FILE", help=_("cli.help_output"))
    exp.set_defaults(func=cmd_export)

    instrument = sub.add_parser("instrument", help=_("cli.help_instrument"), description=_("cli.help_instrument"))
    isub = instrument.add_subparsers(dest="instrument_command", required=True, metavar="COMMAND")
    check = isub.add_parser("check", help=_("cli.help_instrument_check"), description=_("cli.help_instrument_check"))
    check.add_argument("file", metavar="FILE", help=_("cli.help_instrument_file"))
    check.set_defaults(func=cmd_instrument_check)
    imp = isub.add_parser("import", help=_("cli.help_instrument_import"),
                          description=_("cli.help_instrument_import"))
    imp.add_argument("file", metavar="FILE", help=_("cli.help_instrument_source"))
    imp.add_argument("-o", "--output", metavar="OUT.yaml", required=True, help=_("cli.help_output"))
    imp.set_defaults(func=cmd_instrument_import)

    serve = sub.add_parser("serve", help=_("cli.help_serve"), description=_("cli.help_serve"))
    _add_serve_arguments(serve)
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # the language must be known before the help texts are built
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            set_language(argv[i + 1])
        elif arg.startswith("--lang="):
            set_language(arg.split("=", 1)[1])
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CaseKitError as exc:
        print(_("cli.error"), file=sys.stderr)
        for line in exc.messages():
            print(f"  {line}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `casekit list | head`
        return 0
    except Exception:  # noqa: BLE001 - a user never sees a traceback; the log file keeps it
        where = _log_to_file()
        log.exception("casekit command failed: %s", argv)
        print(_("errors.generic"), file=sys.stderr)
        print(_("cli.see_log", None, path=where), file=sys.stderr)
        return 3


def _log_to_file() -> Path:
    """Tracebacks go to casekit.log in the per-user log directory, never to the screen."""
    import platformdirs

    path = Path(os.environ.get("CASEKIT_LOG") or Path(platformdirs.user_log_dir("casekit")) / "casekit.log")
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logging.getLogger("casekit").addHandler(handler)
    logging.getLogger("casekit").propagate = False
    return path


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
