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
    from .instruments.importers._common import check_output_folder

    set_language(args.lang)  # a `--lang` after `import` names the source's language, not the messages'
    if args.output not in (None, "-"):
        check_output_folder(Path(args.output))  # before the import, which may take a while
    result = import_file(args.file, lang=args.source_lang)
    to_stdout = args.output in (None, "-")
    if to_stdout:
        sys.stdout.write(result.to_yaml())
    else:
        result.to_yaml(args.output)
    out = sys.stderr if to_stdout else sys.stdout  # with the YAML on standard output, the summary goes aside
    print(_("cli.instrument_imported", None, path=args.file, format=result.source_format,
            output=args.output if not to_stdout else "-", items=len(result.instrument.items())), file=out)
    if result.report:
        print(_("cli.instrument_report"), file=out)
        print(result.report_text(), file=out)
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
    if token not in (None, ""):  # a secret on the command line is visible to every local user in `ps`
        raise CaseKitError("errors.secret_on_command_line")
    if token == "":  # --token: CASEKIT_TOKEN, else a new random one
        token = os.environ.get("CASEKIT_TOKEN", "").strip() or new_token()
    return ServeOptions(host=args.host, port=args.port, password=password, token=token, theme=args.theme,
                        db=db or args.db, lang=args.lang, allow_hosts=list(args.allow_host or []),
                        max_kernels=args.max_kernels, session_hours=args.session_hours,
                        secure_cookies=True if args.secure_cookies else None, behind_proxy=args.behind_proxy)


def _serve(options, app: str = "conference") -> int:
    from . import serve

    options.check()
    return serve.run(options, open_app=app if options.open_browser else None, say=lambda text: print(text, flush=True))


def cmd_anonymise(args) -> int:
    import secrets

    from .anonymise import anonymise
    from .caseio import export_case, import_case

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise CaseKitError("errors.file_unreadable", path=args.file, detail=exc.strerror or exc) from None
    seed = args.seed if args.seed is not None else secrets.randbelow(2**32)
    result = anonymise(import_case(data), seed=seed, known_names=args.name, known_places=args.place)
    Path(args.output).write_text(export_case(result.case) + "\n", encoding="utf-8")
    Path(args.report).write_text(result.report.to_json() + "\n", encoding="utf-8")
    print(_("cli.anonymised", None, input=args.file, output=args.output, report=args.report,
            total=result.report.total, warnings=len(result.report.warnings)))
    return 0


def cmd_serve(args) -> int:
    return _serve(_serve_options(args))


def _add_serve_arguments(parser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help=_("cli.help_host"))
    parser.add_argument("--port", type=int, default=8866, help=_("cli.help_port"))
    parser.add_argument("--password", action="store_true", help=_("cli.help_password"))
    parser.add_argument("--token", nargs="?", const="", default=None, help=_("cli.help_token"))
    parser.add_argument("--theme", choices=("dark", "light"), default="dark", help=_("cli.help_theme"))
    parser.add_argument("--allow-host", action="append", metavar="NAME", help=_("cli.help_allow_host"))
    parser.add_argument("--max-kernels", type=int, default=8, metavar="N", help=_("cli.help_max_kernels"))
    parser.add_argument("--session-hours", type=float, default=10.0, metavar="H", help=_("cli.help_session_hours"))
    parser.add_argument("--secure-cookies", action="store_true", help=_("cli.help_secure_cookies"))
    parser.add_argument("--behind-proxy", action="store_true", help=_("cli.help_behind_proxy"))


def _as_of(value: str | None):
    from .imports.columns import CellError, parse_date

    try:
        return parse_date(value) if value else None
    except CellError:
        raise CaseKitError("errors.bad_date_option", value=value) from None


def cmd_caseload(args) -> int:
    from .caseload import caseload

    board = caseload(_open(args), as_of=_as_of(args.as_of))
    print((board.filter(worker=args.worker) if args.worker else board).to_text())
    return 0


def cmd_gaps(args) -> int:
    from .example_data import parse_catalogue
    from .gaps import gap_analysis

    catalogue = None
    if args.catalogue:
        try:
            catalogue = parse_catalogue(Path(args.catalogue).read_bytes())
        except OSError as exc:
            raise CaseKitError("errors.file_unreadable", path=args.catalogue, detail=exc.strerror or exc) from None
    report = gap_analysis(_open(args), catalogue, as_of=_as_of(args.as_of))
    if report.write(args.output, args.format) is not None:
        print(_("cli.gaps_written", None, path=args.output))
    return 0


def cmd_import_caseload(args) -> int:
    from .imports import import_caseload

    result = import_caseload(args.file, _open(args), sheet=args.sheet, dry_run=args.dry_run)
    key = "cli.caseload_checked" if result.dry_run else "cli.caseload_imported"
    print(_(key, None, path=args.file, count=len(result.cases)))
    if result.ignored_columns:
        print(_("cli.caseload_ignored", None, columns=", ".join(result.ignored_columns)))
    if result.formula_cells:
        cells = ", ".join(_("cli.cell", None, row=row, column=column) for row, column in result.formula_cells[:20])
        more = len(result.formula_cells) - 20
        print(_("cli.caseload_formula_cells", None, count=len(result.formula_cells), cells=cells)
              + (" " + _("cli.and_more", None, count=more) if more > 0 else ""), file=sys.stderr)
    return 0


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
    imp.add_argument("-o", "--output", metavar="OUT.yaml", help=_("cli.help_instrument_output"))
    imp.add_argument("--lang", dest="source_lang", metavar="CODE", help=_("cli.help_instrument_source_lang"))
    imp.set_defaults(func=cmd_instrument_import)

    load = sub.add_parser("caseload", help=_("cli.help_caseload"), description=_("cli.help_caseload"))
    load.add_argument("--as-of", metavar="DATE", help=_("cli.help_as_of"))
    load.add_argument("--worker", action="append", metavar="W", help=_("cli.help_worker"))
    load.set_defaults(func=cmd_caseload)
    gaps = sub.add_parser("gaps", help=_("cli.help_gaps"), description=_("cli.help_gaps"))
    gaps.add_argument("--format", choices=("csv", "html", "docx"), help=_("cli.help_gaps_format"))
    gaps.add_argument("-o", "--output", metavar="FILE", help=_("cli.help_gaps_output"))
    gaps.add_argument("--as-of", metavar="DATE", help=_("cli.help_as_of"))
    gaps.add_argument("--catalogue", metavar="FILE", help=_("cli.help_catalogue"))
    gaps.set_defaults(func=cmd_gaps)
    cl_imp = sub.add_parser("import-caseload", help=_("cli.help_import_caseload"),
                            description=_("cli.help_import_caseload"))
    cl_imp.add_argument("file", metavar="FILE", help=_("cli.help_caseload_file"))
    cl_imp.add_argument("--sheet", help=_("cli.help_sheet"))
    cl_imp.add_argument("--dry-run", action="store_true", help=_("cli.help_dry_run"))
    cl_imp.set_defaults(func=cmd_import_caseload)

    anon = sub.add_parser("anonymise", help=_("cli.help_anonymise"), description=_("cli.help_anonymise"))
    anon.add_argument("file", metavar="IN.json", help=_("cli.help_anonymise_input"))
    anon.add_argument("-o", "--output", metavar="OUT.json", required=True, help=_("cli.help_anonymise_output"))
    anon.add_argument("--report", metavar="REPORT.json", required=True, help=_("cli.help_anonymise_report"))
    anon.add_argument("--seed", type=int, help=_("cli.help_anonymise_seed"))
    anon.add_argument("--name", action="append", default=[], metavar="NAME", help=_("cli.help_anonymise_name"))
    anon.add_argument("--place", action="append", default=[], metavar="PLACE", help=_("cli.help_anonymise_place"))
    anon.set_defaults(func=cmd_anonymise)

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
    os.umask(0o077)  # stores, logs and exports casekit creates are readable by their owner only
    try:
        try:
            return args.func(args)
        except Exception as exc:  # noqa: BLE001 - a database failure becomes casekit's own, readable error
            from .store.failures import as_store_error

            converted = as_store_error(exc)
            if converted is None:
                raise
            raise converted from None
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
    """Tracebacks go to the log file (``casekit.logs``), never to the screen."""
    from .logs import log_to_file

    return log_to_file()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
