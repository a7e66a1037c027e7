// The `nft -j` front end: the same model as the text, with locations in the JSON.
#include <gtest/gtest.h>

#include "nftables/nftables_test_support.h"

namespace fwlint {
namespace {

using nftables_testing::intervals;
using nftables_testing::Parsed;
using nftables_testing::tokens;
using nftables_testing::transports;

// `nft -j list ruleset` of a small ruleset, one object per line for readable locations.
constexpr std::string_view kRuleset = R"({"nftables": [
{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}},
{"table": {"family": "inet", "name": "filter", "handle": 1}},
{"chain": {"family": "inet", "table": "filter", "name": "input", "handle": 1, "type": "filter", "hook": "input", "prio": 0, "policy": "drop"}},
{"rule": {"family": "inet", "table": "filter", "chain": "input", "handle": 4, "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": {"set": [22, 658, {"range": [600, 700]}]}}}, {"accept": null}]}},
{"rule": {"family": "inet", "table": "filter", "chain": "input", "handle": 5, "expr": [{"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": {"set": ["tcp", "udp"]}}}, {"match": {"op": "==", "left": {"payload": {"protocol": "th", "field": "dport"}}, "right": 993}}, {"counter": {"packets": 0, "bytes": 0}}, {"accept": null}], "comment": "imaps"}},
{"rule": {"family": "inet", "table": "filter", "chain": "input", "handle": 6, "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "udp", "field": "dport"}}, "right": "@legacy"}}, {"drop": null}]}},
{"rule": {"family": "inet", "table": "filter", "chain": "input", "handle": 7, "expr": [{"vmap": {"key": {"payload": {"protocol": "tcp", "field": "dport"}}, "data": {"set": [[658, {"accept": null}], [22, {"jump": {"target": "ssh"}}]]}}}]}},
{"rule": {"family": "inet", "table": "filter", "chain": "input", "handle": 8, "expr": [{"match": {"op": "==", "left": {"concat": [{"payload": {"protocol": "ip", "field": "saddr"}}, {"payload": {"protocol": "tcp", "field": "dport"}}]}, "right": {"set": [{"concat": ["10.0.0.1", 658]}]}}}, {"accept": null}]}},
{"rule": {"family": "inet", "table": "filter", "chain": "input", "handle": 9, "expr": [{"match": {"op": "==", "left": {"ct": {"key": "mark"}}, "right": 658}}, {"match": {"op": "!=", "left": {"payload": {"protocol": "tcp", "field": "sport"}}, "right": 659}}, {"limit": {"rate": 659, "burst": 5, "per": "second"}}, {"accept": null}]}},
{"set": {"family": "inet", "name": "legacy", "table": "filter", "type": "inet_service", "handle": 3, "flags": ["interval"], "elem": [659, {"range": [40, 50]}]}}
]}
)";

TEST(NftJsonParser, ReadsTheSameModelAsTheText) {
  Parsed parsed(std::string(kRuleset), Format::kNftablesJson, "ruleset.json");
  ASSERT_EQ(parsed.rules().size(), 6u) << parsed.describe();
  EXPECT_EQ(parsed.diagnostics().size(), 0u) << parsed.describe();
  EXPECT_EQ(parsed.ruleset().format, Format::kNftablesJson);
  EXPECT_EQ(parsed.ruleset().tables.at(0).chains.at(0).policy, "drop");
  EXPECT_EQ(parsed.ruleset().tables.at(0).chains.at(0).direction, Direction::kInput);

  const Rule& set = parsed.rule(0);
  EXPECT_EQ(tokens(set.destination_ports), "22 658 600-700");
  EXPECT_EQ(parsed.text(set.destination_ports.tokens[1].span), "658");
  EXPECT_EQ(parsed.text(set.destination_ports.tokens[2].span), "{\"range\": [600, 700]}");
  EXPECT_EQ(set.span.line, 5u);
  EXPECT_EQ(set.span.column, 1u);
  EXPECT_EQ(set.handle, 4u);
  EXPECT_EQ(set.action.verdict, Verdict::kAccept);

  const Rule& th = parsed.rule(1);
  EXPECT_EQ(transports(th.transports), "tcp udp");
  EXPECT_EQ(th.comment, "imaps");
  EXPECT_EQ(intervals(th.destination_ports), "[993,993]");

  const Rule& named = parsed.rule(2);
  EXPECT_EQ(tokens(named.destination_ports), "659 40-50");
  ASSERT_EQ(named.destination_ports.tokens[0].via.size(), 1u);
  EXPECT_EQ(named.destination_ports.tokens[0].via[0].name, "@legacy");
  EXPECT_EQ(named.destination_ports.tokens[0].via[0].definition, "[659, {\"range\": [40, 50]}]");
  EXPECT_EQ(named.destination_ports.tokens[0].span.line, 11u);
  EXPECT_EQ(named.action.verdict, Verdict::kDrop);

  const Rule& vmap = parsed.rule(3);
  EXPECT_EQ(tokens(vmap.destination_ports), "658 22");
  EXPECT_EQ(vmap.action.verdict, Verdict::kOther);

  EXPECT_EQ(tokens(parsed.rule(4).destination_ports), "658");
  EXPECT_FALSE(parsed.rule(4).other_matches.empty());

  const Rule& other = parsed.rule(5);
  EXPECT_TRUE(other.destination_ports.any());
  EXPECT_TRUE(other.source_ports.negated);
  EXPECT_EQ(intervals(other.source_ports), "[659,659]");
  EXPECT_EQ(other.other_matches.size(), 2u);  // ct mark, limit
}

TEST(NftJsonParser, NatPortsAndCommandForm) {
  Parsed parsed(R"({"nftables": [
{"add": {"table": {"family": "ip", "name": "nat"}}},
{"add": {"chain": {"family": "ip", "table": "nat", "name": "pre", "type": "nat", "hook": "prerouting", "prio": -100, "policy": "accept"}}},
{"add": {"rule": {"family": "ip", "table": "nat", "chain": "pre", "expr": [{"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": "tcp"}}, {"redirect": {"port": 658}}]}}},
{"insert": {"rule": {"family": "ip", "table": "nat", "chain": "pre", "expr": [{"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": "tcp"}}, {"dnat": {"addr": "10.0.0.1", "port": {"range": [600, 700]}}}]}}}
]})",
                Format::kNftablesJson);
  ASSERT_EQ(parsed.rules().size(), 2u) << parsed.describe();
  EXPECT_EQ(intervals(parsed.rule(0).destination_ports), "[600,700]");
  EXPECT_EQ(intervals(parsed.rule(1).destination_ports), "[658,658]");
  EXPECT_EQ(parsed.rule(1).action.verdict, Verdict::kNat);
  EXPECT_EQ(parsed.rule(1).family, Family::kIpv4);
}

TEST(NftJsonParser, AddressesAndInterfacesAreWrittenAsNftWritesThem) {
  Parsed parsed(R"({"nftables": [
{"rule": {"family": "ip", "table": "t", "chain": "c", "expr": [{"match": {"op": "!=", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": {"prefix": {"addr": "10.0.0.0", "len": 8}}}}, {"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "daddr"}}, "right": {"set": ["192.0.2.1", {"range": ["192.0.2.10", "192.0.2.20"]}]}}}, {"match": {"op": "==", "left": {"meta": {"key": "iifname"}}, "right": "eth0"}}, {"drop": null}]}}
]})",
                Format::kNftablesJson);
  ASSERT_EQ(parsed.rules().size(), 1u) << parsed.describe();
  const Rule& rule = parsed.rule(0);
  ASSERT_EQ(rule.sources.size(), 1u);
  EXPECT_EQ(rule.sources[0].text, "10.0.0.0/8");
  EXPECT_TRUE(rule.sources[0].negated);
  ASSERT_EQ(rule.destinations.size(), 2u);
  EXPECT_EQ(rule.destinations[0].text, "192.0.2.1");
  EXPECT_EQ(rule.destinations[1].text, "192.0.2.10-192.0.2.20");
  EXPECT_EQ(rule.in_interfaces.at(0).name, "eth0");
  EXPECT_TRUE(rule.other_matches.empty());
}

TEST(NftJsonParser, MalformedJsonIsReportedWithItsLocation) {
  Parsed parsed(
      "{\"nftables\": [\n{\"table\": {\"family\": \"ip\", \"name\": \"t\"}},\n{\"rule\": }\n]}",
      Format::kNftablesJson);
  EXPECT_EQ(parsed.diagnostics(), std::vector<std::string>{"3:10 FW1001"}) << parsed.describe();
  EXPECT_EQ(parsed.ruleset().tables.size(), 1u);
}

}  // namespace
}  // namespace fwlint
