#!/bin/sh
# Host firewall for the build farm. Run as root at boot.
set -e

IPT=/sbin/iptables
LAN=10.30.0.0/16
WEB_PORTS="80,443"
LEGACY_PORTS="22,659,1033"

$IPT -F
$IPT -X
$IPT -P INPUT DROP
$IPT -P FORWARD DROP
$IPT -P OUTPUT ACCEPT

$IPT -A INPUT -i lo -j ACCEPT
$IPT -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT

# Public services
$IPT -A INPUT -p tcp -m multiport --dports $WEB_PORTS -j ACCEPT

# Build agents on the LAN
$IPT -A INPUT -s $LAN -p tcp -m multiport --dports $LEGACY_PORTS \
     -m comment --comment "agents and the old directory service" -j ACCEPT

for port in 2049 658; do
    $IPT -A INPUT -s $LAN -p udp --dport $port -j ACCEPT
done

for proto in tcp udp; do
    $IPT -A INPUT -s $LAN -p $proto --dport 53 -j ACCEPT
done

echo "firewall loaded"
