from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.model.schema import SCHEMA_FILES, project_schema
from tests.conftest import REPO


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_committed_schemas_are_up_to_date(name: str) -> None:
    committed = json.loads((REPO / "schema" / f"{name}.json").read_text(encoding="utf-8"))
    assert committed == project_schema(name), "run: ansinh schema --write"


def _files(pattern: str) -> list[Path]:
    return sorted(REPO.glob(pattern))


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_every_example_file_satisfies_its_schema(name: str) -> None:
    schema = project_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    files = _files(SCHEMA_FILES[name][1])
    assert files
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_the_schema_catches_a_misspelled_key() -> None:
    schema = project_schema("testimonial")
    with pytest.raises(jsonschema.ValidationError, match="nam"):
        jsonschema.validate({"nam": "x"}, schema)
