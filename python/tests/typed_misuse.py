"""Calls the stubs must reject (each line is one error for `mypy --strict`)."""

import model_licence as m

m.check("llama-3.3", users="800000000")
m.check("llama-3.3", commercial="yes")
m.check(42)
count: int = m.check("gemma").verdict
m.scan(["gemma"], context=5)
m.check("llama-3.3", userz=800_000_000)
m.scan("fixtures/modified", markets=5)
