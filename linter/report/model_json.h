// `fwlint dump`: the normalized model as JSON, schema "fwlint-model/1" (docs/model-schema.md).
// It is how users and tests see what fwlint understood.
#pragma once

#include <nlohmann/json.hpp>

#include "linter/model.h"
#include "linter/source.h"

namespace fwlint {

nlohmann::json span_to_json(const SourceSpan& span);
nlohmann::json model_to_json(const Ruleset& ruleset, const SourceManager& sources);

}  // namespace fwlint
