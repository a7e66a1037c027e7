// How suggestions speak nft.
// rewrite_ports edits the set, map or value that lists the port where it is written: the
// rule's own `{ … }` or value, or, for a port that comes from `@set` or `$define`, the set's
// `{ … }` elements or the define's value, so that every rule using it is fixed at once. The
// replacement is the resulting set as written, ranges split around the dropped ports. When the
// edit would leave that definition empty, the element naming it is dropped one level out.
// delete_rule: `nft delete rule FAMILY TABLE CHAIN handle N` when the input carries handles
// (`nft -a` output, `nft -j`), otherwise the line(s) to delete.
// restrict_transports: the rule with its transport written out (`th dport 993` →
// `tcp dport 993`; `meta l4proto { tcp, udp }` for several).
// The JSON dialect does the same on `nft -j` text: its edits keep the file valid JSON.
#pragma once

#include "linter/model.h"

namespace fwlint::nft {

const Dialect& text_dialect();
const Dialect& json_dialect();

}  // namespace fwlint::nft
