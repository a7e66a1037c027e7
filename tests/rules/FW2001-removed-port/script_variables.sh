#!/bin/sh
IPT=/sbin/iptables
OLD_PORTS="22,659"
$IPT -A INPUT -p udp -m multiport --dports $OLD_PORTS -j ACCEPT
for p in 47 80; do
  $IPT -A INPUT -p tcp --dport $p -j ACCEPT
done
for proto in tcp udp; do
  iptables -A INPUT -p $proto --dport 993 -j ACCEPT
done
