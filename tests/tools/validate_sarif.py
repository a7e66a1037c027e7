#!/usr/bin/python3
"""Validates SARIF logs against the SARIF 2.1.0 JSON schema, formats (uri, date-time...) included.

Usage: validate_sarif.py SCHEMA LOG...
Exit status: 0 every log is valid; 1 a log is invalid (its errors are printed on stderr);
2 usage; 3 the schema accepts an empty object, so it could not tell a valid log from anything else;
77 the jsonschema module is missing (tests that run this script skip then).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit(77)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as schema_file:
        schema = json.load(schema_file)
    constraints = ("type", "properties", "required", "$ref", "allOf", "anyOf", "oneOf")
    if not any(key in schema for key in constraints) and "Root" in schema.get("definitions", {}):
        # Some copies of the schema keep the log's own object under definitions/Root instead of
        # at the top level; validating against the bare file would then accept anything.
        schema = dict(schema, **{"$ref": "#/definitions/Root"})
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    if validator.is_valid({}):
        print(f"{argv[1]}: the schema accepts an empty object", file=sys.stderr)
        return 3
    valid = True
    for path in argv[2:]:
        with open(path, encoding="utf-8") as log_file:
            log = json.load(log_file)
        for error in sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.path))):
            location = "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: /{location}: {error.message}", file=sys.stderr)
            valid = False
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
