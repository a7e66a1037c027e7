// Input problems (FW1xxx): parse and resolution failures, reported as findings with an exact
// location through the same reporters as checks. Parsers report these and resume.
#pragma once

#include <span>
#include <string>

#include "linter/check.h"

namespace fwlint {

extern const CheckInfo kInvalidSyntax;             // FW1001
extern const CheckInfo kUnknownServiceName;        // FW1002
extern const CheckInfo kInvalidPort;               // FW1003
extern const CheckInfo kUnresolvedVariable;        // FW1004
extern const CheckInfo kBinaryInput;               // FW1005
extern const CheckInfo kUnrecognizedFormat;        // FW1006
extern const CheckInfo kUnreadableInput;           // FW1007
extern const CheckInfo kNoPortInformation;         // FW1008
extern const CheckInfo kIncludeNotFound;           // FW1009
extern const CheckInfo kIncludeCycle;              // FW1010
extern const CheckInfo kInputLimitExceeded;        // FW1011
extern const CheckInfo kSuppressionWithoutReason;  // FW1020
extern const CheckInfo kExpiredSuppression;        // FW1021
extern const CheckInfo kUnusedSuppression;         // FW1022

// Every input diagnostic, sorted by id.
std::span<const CheckInfo* const> all_input_diagnostics();

Finding make_diagnostic(const CheckInfo& kind, SourceSpan span, std::string message,
                        std::string suggestion = {});

}  // namespace fwlint
