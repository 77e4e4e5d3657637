"""The catalogue: every licence with its text and curated terms, each term backed by clauses."""

import model_licence as m


def test_the_catalogue_lists_the_model_licences_once_each():
    licences = m.licences()
    ids = [licence.id for licence in licences]
    assert len(ids) == len(set(ids))
    assert {"llama-3.3", "gemma", "qwen", "mistral-mrl", "apache-2.0", "mit"} <= set(ids)
    kinds = {licence.id: licence.kind for licence in licences}
    assert kinds["llama-3.3"] == "model"
    assert kinds["apache-2.0"] == "spdx"


def test_a_licence_carries_its_text_terms_and_clauses():
    llama = m.licence("llama-3.3")
    assert llama.name == "Llama 3.3 Community License Agreement"
    assert llama.family == "llama"
    assert llama.policy_text is not None and "European Union" in llama.policy_text
    assert llama.terms["user_threshold"] == {"monthly_active_users": 700_000_000}
    text = llama.text.encode()
    for quotes in llama.clauses.values():
        for quote in quotes:
            if quote.document == "licence":
                assert text[quote.start : quote.end].decode() == quote.text
    assert "meta-llama/Llama-3.3-70B-Instruct" in llama.models


def test_an_alias_resolves_to_the_newest_version():
    newest = m.licence("llama")
    assert newest.family == "llama"
    assert newest.id in {licence.id for licence in m.licences()}
    assert m.check("llama").licence.id == newest.id


def test_the_version_is_the_installed_distributions():
    from importlib.metadata import version

    assert m.__version__ == version("model-licence")
