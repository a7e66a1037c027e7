#include "linter/diagnostics.h"

namespace fwlint {

const CheckInfo kInvalidSyntax = {
    .id = "FW1001",
    .name = "invalid-syntax",
    .severity = Severity::kError,
    .summary = "A line or statement could not be parsed",
    .suggestion = "Fix the statement; fwlint skipped it and checked the rest of the file",
    .doc = R"md(## What it does
Reports input that the format's grammar does not allow: an unknown option, an option without its
value, a truncated rule, a rule outside a table, text that is not part of the format.

## Why is this bad?
The firewall tool would refuse the file, or load something other than what the author meant, and
fwlint cannot audit a statement it cannot read. The parser resumes at the next line, so the rest of
the file is still checked.)md",
    .examples = {},
};

const CheckInfo kUnknownServiceName = {
    .id = "FW1002",
    .name = "unknown-service-name",
    .severity = Severity::kError,
    .summary = "A service name is not in the IANA registry for that transport",
    .suggestion = "Write the port number, or a service name IANA registers for this transport",
    .doc = R"md(## What it does
Reports a port written as a service name (`--dport ssh`) that the compiled-in IANA Service Name
and Transport Protocol Port Number Registry does not list for the rule's transport.

## Why is this bad?
Tools resolve service names from the host's `/etc/services`, which differs between machines: the
same file can mean different ports on different hosts, or fail to load. fwlint resolves names only
from the IANA registry and cannot check a port it cannot resolve.)md",
    .examples = {},
};

const CheckInfo kInvalidPort = {
    .id = "FW1003",
    .name = "invalid-port",
    .severity = Severity::kError,
    .summary = "A port number or range is out of bounds or reversed",
    .suggestion = "Use ports from 0 to 65535 and ranges written low:high",
    .doc = R"md(## What it does
Reports port values outside 0–65535 and ranges whose start is greater than their end.

## Why is this bad?
The firewall tool refuses such a rule, or silently swaps the bounds, so the rule does not say what
it appears to say.)md",
    .examples = {},
};

const CheckInfo kUnresolvedVariable = {
    .id = "FW1004",
    .name = "unresolved-variable",
    .severity = Severity::kWarning,
    .summary = "A shell variable in a rule is not assigned literally in the same script",
    .suggestion =
        "Assign the variable literally in the script, or lint the generated rules "
        "(iptables-save output) instead",
    .doc = R"md(## What it does
Reports a `$VARIABLE` in a port, protocol or other audited position of a scripted rule whose value
fwlint cannot know, because the script does not assign it a literal value.

## Why is this bad?
The rule is kept in the model, but its ports cannot be checked: a removed port could hide behind
the variable.)md",
    .examples = {},
};

const CheckInfo kBinaryInput = {
    .id = "FW1005",
    .name = "binary-input",
    .severity = Severity::kError,
    .summary = "The input contains binary data",
    .suggestion = "Point fwlint at the text configuration, not a binary or compressed file",
    .doc = R"md(## What it does
Reports an input that contains NUL bytes or is otherwise not text in a supported encoding.

## Why is this bad?
No firewall configuration format fwlint reads contains binary data; the file is probably the wrong
file, compressed or corrupted. fwlint stops reading it at the first binary byte.)md",
    .examples = {},
};

const CheckInfo kUnrecognizedFormat = {
    .id = "FW1006",
    .name = "unrecognized-format",
    .severity = Severity::kError,
    .summary = "fwlint could not tell which firewall format the input is in",
    .suggestion = "Name the format with --input-format",
    .doc = R"md(## What it does
Reports an input given on the command line (or found in a directory with a known configuration
name) whose content matches none of the formats fwlint reads.

## Why is this bad?
Nothing in the file was checked.)md",
    .examples = {},
};

const CheckInfo kUnreadableInput = {
    .id = "FW1007",
    .name = "unreadable-input",
    .severity = Severity::kError,
    .summary = "An input could not be read",
    .suggestion = "Check that the path exists and is a readable file",
    .doc = R"md(## What it does
Reports an input path that does not exist, cannot be opened, or is not a regular file.

## Why is this bad?
Nothing in it was checked, so a CI run must not pass silently.)md",
    .examples = {},
};

const CheckInfo kNoPortInformation = {
    .id = "FW1008",
    .name = "no-port-information",
    .severity = Severity::kWarning,
    .summary = "The input lists rules but not their ports",
    .suggestion =
        "Export the rules together with their port filters, e.g. Get-NetFirewallRule | "
        "Get-NetFirewallPortFilter joined into Export-Csv",
    .doc = R"md(## What it does
Reports an export that names firewall rules without saying which ports they match, such as
`Get-NetFirewallRule | Export-Csv` without the properties of `Get-NetFirewallPortFilter`
(`Protocol`, `LocalPort`, `RemotePort`).

## Why is this bad?
fwlint reads the rules, but cannot check a single port: a clean report would mean "not checked",
not "no removed port".)md",
    .examples = {},
};

const CheckInfo kIncludeNotFound = {
    .id = "FW1009",
    .name = "include-not-found",
    .severity = Severity::kWarning,
    .summary = "A file the configuration includes or loads could not be read",
    .suggestion =
        "Lint the configuration where its included files exist, or name them on the command "
        "line",
    .doc = R"md(## What it does
Reports an `include "file"` or `load anchor … from "file"` (pf), or an `include` (nftables), whose
file does not exist or cannot be read. A relative name is looked up beside the including file
first, then in the working directory.

## Why is this bad?
The rules and definitions of that file were not checked. A configuration copied from another
machine often names absolute paths such as `/etc/pf.anchors/…`: a clean report then says nothing
about them.)md",
    .examples = {},
};

const CheckInfo kIncludeCycle = {
    .id = "FW1010",
    .name = "include-cycle",
    .severity = Severity::kError,
    .summary = "Included files include each other",
    .suggestion = "Break the cycle: each file should be included once, from one place",
    .doc = R"md(## What it does
Reports an include (or `load anchor`) of a file that is already being read, directly or through
other files.

## Why is this bad?
The firewall tool refuses such a configuration or loops; fwlint reads each file of the cycle once
and reports where the cycle closes.)md",
    .examples = {},
};

const CheckInfo kInputLimitExceeded = {
    .id = "FW1011",
    .name = "input-limit-exceeded",
    .severity = Severity::kError,
    .summary = "An input is larger, longer or deeper than fwlint's limits allow",
    .suggestion =
        "Check that this is the right file; if it is, raise the limit with --max-file-size, "
        "--max-line-length or --max-include-depth",
    .doc = R"md(## What it does
Reports a file larger than `--max-file-size` (256 MiB by default), a line longer than
`--max-line-length` (1 MiB; JSON exports are exempt), or includes nested deeper than
`--max-include-depth` (16).

## Why is this bad?
No real firewall configuration comes near these limits; an input that does is usually the wrong
file (a disk image, `/dev/zero`, a log) or generated by mistake. fwlint stops there instead of
using unbounded time or memory, and says which limit to raise if the input is genuine.)md",
    .examples = {},
};

const CheckInfo kSuppressionWithoutReason = {
    .id = "FW1020",
    .name = "suppression-without-reason",
    .severity = Severity::kInfo,
    .summary = "An inline suppression gives no reason",
    .suggestion = "Add reason=\"…\" (and until=YYYY-MM-DD) so reviewers know why it is there",
    .doc = R"md(## What it does
Reports a `fwlint: disable=…` directive without `reason=`. The suppression still applies.

## Why is this bad?
A suppression is a decision to keep an exception; without its reason, nobody can tell later
whether it still holds.

## Example
```
-A INPUT -p tcp --dport 658 -m comment --comment "fwlint: disable=FW2002" -j ACCEPT
```

## Use instead
```
-A INPUT -p tcp --dport 658 -m comment --comment "fwlint: disable=FW2002 reason='ERP link' until=2027-06-30" -j ACCEPT
```)md",
    .examples = {},
};

const CheckInfo kExpiredSuppression = {
    .id = "FW1021",
    .name = "expired-suppression",
    .severity = Severity::kWarning,
    .summary = "An inline suppression is past its until= date",
    .suggestion = "Fix what it suppressed, or renew the date with a new reason",
    .doc = R"md(## What it does
Reports a `fwlint: disable=… until=YYYY-MM-DD` directive whose date has passed. An expired
suppression no longer suppresses anything: the findings it covered are reported again.

## Why is this bad?
The exception was granted until a date; that date is gone, so the exception must be reviewed.)md",
    .examples = {},
};

const CheckInfo kUnusedSuppression = {
    .id = "FW1022",
    .name = "unused-suppression",
    .severity = Severity::kInfo,
    .summary = "An inline suppression suppresses nothing",
    .suggestion = "Remove the directive, or correct the check it names",
    .doc = R"md(## What it does
Reports a `fwlint: disable=…` directive that covers no finding, or that names a check that does
not exist.

## Why is this bad?
Stale suppressions hide future problems on the same rule and mislead readers.)md",
    .examples = {},
};

namespace {
const CheckInfo* const kAllInputDiagnostics[] = {
    &kInvalidSyntax,      &kUnknownServiceName, &kInvalidPort,        &kUnresolvedVariable,
    &kBinaryInput,        &kUnrecognizedFormat, &kUnreadableInput,    &kNoPortInformation,
    &kIncludeNotFound,    &kIncludeCycle,       &kInputLimitExceeded, &kSuppressionWithoutReason,
    &kExpiredSuppression, &kUnusedSuppression,
};
}  // namespace

std::span<const CheckInfo* const> all_input_diagnostics() {
  return kAllInputDiagnostics;
}

Finding make_diagnostic(const CheckInfo& kind, SourceSpan span, std::string message,
                        std::string suggestion) {
  Finding finding;
  finding.check_id = kind.id;
  finding.check_name = kind.name;
  finding.severity = kind.severity;
  finding.span = span;
  finding.message = std::move(message);
  finding.suggestion = suggestion.empty() ? std::string(kind.suggestion) : std::move(suggestion);
  return finding;
}

}  // namespace fwlint
