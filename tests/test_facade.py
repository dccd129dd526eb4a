"""The public API is small and explicit (after altair's test_toplevel and pydantic's test_exports)."""
import casekit


def test_all_names_exist_and_are_public():
    assert sorted(casekit.__all__) == sorted(set(casekit.__all__))
    for name in casekit.__all__:
        assert not name.startswith("_")
        assert hasattr(casekit, name), name


def test_nothing_public_is_left_out_of_all():
    public = {n for n in vars(casekit) if not n.startswith("_")}
    import types

    public = {n for n in public if not isinstance(getattr(casekit, n), types.ModuleType)}
    assert public - set(casekit.__all__) - {"annotations"} == set()


def test_submodules_never_shadow_public_functions():
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(casekit.__path__):
        importlib.import_module(f"casekit.{info.name}")
    for name in casekit.__all__:
        assert callable(getattr(casekit, name)) or not name.islower(), name
