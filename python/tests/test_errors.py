"""Bad input is a `model_licence.InputError` with the library's message, never a crash, and
never a weaker check."""

import pathlib

import pytest

import model_licence as m


def test_input_error_is_a_value_error():
    assert issubclass(m.InputError, ValueError)
    assert issubclass(m.ScanError, m.InputError)


def test_an_unknown_licence_id_suggests_the_closest():
    with pytest.raises(m.InputError, match=r"unknown licence id `llama-33` .*did you mean llama-3.3"):
        m.check("llama-33")


@pytest.mark.parametrize(
    ("context", "message"),
    [
        ({"organisation": {"domicile": "UK"}}, "context field `organisation.domicile`: `UK` is not an ISO 3166-1 code; the United Kingdom is `GB`"),
        ({"organisation": {"montly_active_users": 5}}, "context field `organisation.montly_active_users`: unknown field"),
        ({"deployment": {"commercial": "yes"}}, "context field `deployment.commercial`: invalid type"),
        ({"organisation": {"monthly_active_users": -5}}, "context field `organisation.monthly_active_users`"),
        ({"deployment": {"markets": {"DE"}}}, "<context>: not a JSON document"),
        ({"organisation": {"annual_revenue_usd": float("nan")}}, "<context>: not a JSON document"),
        ("fixtures/contexts/typo-field.json", "fixtures/contexts/typo-field.json: context field `organisation.montly_active_users`"),
        ("no/such/context.json", "no/such/context.json: no such file or folder"),
        (42, "context: expected a dict or the path of a JSON file, got int"),
    ],
)
def test_a_bad_context_is_an_input_error_naming_the_field(context, message):
    with pytest.raises(m.InputError) as raised:
        m.check("gemma", context)
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"userz": 800_000_000}, "unknown fact `userz`; the facts are: users, "),
        ({"users": -1}, "fact `users`: must be a non-negative number"),
        ({"users": True}, "fact `users`: expected a whole number (int), got bool"),
        ({"users": 8e8}, "fact `users`: expected a whole number (int), got float"),
        ({"users": "800000000"}, "fact `users`: expected a whole number (int), got str"),
        ({"revenue": 2**64}, "fact `revenue`: 18446744073709551616 is larger than"),
        ({"domicile": "UK"}, "fact `domicile`: `UK` is not an ISO 3166-1 code"),
        ({"markets": ["DE", "XX"]}, "fact `markets`: `XX` is not an ISO 3166-1 alpha-2 country code"),
        ({"modality": "smell"}, "fact `modality`: `smell` is not a modality"),
        ({"commercial": 1}, "fact `commercial`: expected True, False or None, got int"),
        ({"fine_tune": "yes"}, "fact `fine_tune`: expected True, False or None, got str"),
        ({"uses": 5}, "fact `uses`: expected a str or a list of them, got int"),
        ({"market": "DE", "markets": ["FR"]}, "facts `market` and `markets`: give one of them"),
        ({"commercial": True, "non_commercial": True}, "facts `commercial` and `non_commercial`"),
    ],
)
def test_a_bad_fact_is_an_input_error_naming_it(facts, message):
    with pytest.raises(m.InputError) as raised:
        m.check("llama-3.3", **facts)
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("subject", "message"),
    [
        ("fixtures/bad/binary.bin", "binary data"),
        ("fixtures/bad/invalid-utf8.txt", "line"),
        ("fixtures/bad/empty.txt", "the file is empty"),
        ("./no-such-licence.txt", "no such file or folder"),
        ("-", "standard input is the command line's"),
        (b"llama-3.3", "subject: expected a path"),
        (None, "subject: expected a path"),
    ],
)
def test_a_subject_that_cannot_be_checked_is_an_input_error(subject, message):
    with pytest.raises(m.InputError) as raised:
        m.check(subject)
    assert message in str(raised.value)


def test_a_card_text_without_front_matter_is_read_as_a_licence_text_and_never_passes():
    report = m.check("# My model\n\nNo licence here.\n")
    assert report.licence.id is None
    assert report.verdict == "needs_review"


def test_a_broken_policy_is_an_input_error_with_every_problem():
    with pytest.raises(m.InputError, match="invalid policy"):
        m.check("gemma", policy="fixtures/policies/broken.toml")


def test_an_unknown_licence_in_the_catalogue_lookup_is_an_input_error():
    with pytest.raises(m.InputError, match="unknown licence id"):
        m.licence("no-such-licence")


def test_a_path_like_subject_is_always_a_path(tmp_path: pathlib.Path):
    # `llama-3.3` as a str is the catalogue id; as a Path it is a file, which is not there.
    with pytest.raises(m.InputError, match="no such file or folder"):
        m.check(pathlib.Path("llama-3.3"))
